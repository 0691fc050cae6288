"""Criterion rows: a line of the scoring frame with its code, name, max and scores; a parent
named by a cell merged over its lines; a line read again on another sheet; and the codes tasks
give, joined to the criteria read.
"""

from __future__ import annotations

import math
import re
from typing import Any

from cchc_sheets.lazyre import lazy
from cchc_sheets.model import Criterion, Plan, Problem
from cchc_sheets.read.codes import WORD_OF_KIND, CodePaths, expand_range, word_code, worded_path
from cchc_sheets.read.headers import Header, ScoreColumn, cell_name, cell_text
from cchc_sheets.read.sheet import NUMBER_TEXT, Sheet
from cchc_sheets.read.state import ReadState
from cchc_sheets.text import clean, fold

_NOT_APPLICABLE = {"khong ap dung", "kad", "n a", "na", "-", "—", "–", "x", "k ad"}

# a number typed at the start of a line's name: "1. Lập nhiệm vụ", "2.2.3. Quy hoạch", "a) Ban
# hành", "II. CẢI CÁCH TTHC" (not "100% hồ sơ", "2025 …", "3 tháng …")
_NUMBER_IN_NAME = lazy(
    r"^((?:\d{1,2}\.)+(?:\d{1,2}\.?)?|\d{1,2}\)|[a-zđ]\)|[IVX]{1,4}\.)\s+(\S.*)$", re.S)
_CODE_AND_NAME = lazy(
    r"^(?:(?:lĩnh vực|linh vuc|nội dung|noi dung|tiêu chí|tieu chi|phần|phan)\s+)?"
    r"([IVXLC]+|\d+(?:\.\d+)*|[a-zđ])\s*[.):\-–]\s+(\S.*)$",
    re.I | re.S,
)


def score_groups(header: Header) -> list[tuple[int, list[ScoreColumn]]]:
    """A table's score columns by year, oldest first, the highest rank of each year first."""
    return [(year, sorted((s for s in header.scores if s.year == year), key=lambda s: -s.rank))
            for year in sorted({s.year for s in header.scores})]


def criterion_row(state: ReadState, sheet: Sheet, header: Header, r: int,
                  paths: CodePaths) -> Criterion | None:
    """The criterion a row holds, with its max and scores (a criterion read before under its
    code is that one); None when the row has none (a row under the one above, a part's heading)."""
    cols = header.columns
    code_col, name_col = cols.get("code"), cols.get("criterion")
    code_text = sheet.text(r, code_col)
    name = sheet.text(r, name_col)
    parent_col = header.parent_name
    if parent_col is not None:
        _parent_line(state, sheet, header, r, paths, parent_col, code_text)
        code_text = ""  # the code belongs to the parent; the line is numbered in its name
        if name and not (name_col is not None and (r, name_col) in sheet.continued):
            state.line_count += 1
            if not _NUMBER_IN_NAME.match(name):
                name = f"{state.line_count}. {name}"
    words = word_code(code_text) if " " in code_text else None
    joined = _CODE_AND_NAME.match(code_text) if " " in code_text and not words else None
    if words:  # "Tiêu chí 1: Công khai" — the words tell the level
        name = name or words[2]
    elif joined:  # "I. CÔNG TÁC CHỈ ĐẠO" in one cell merged across the row
        code_text = joined.group(1)
        name = name or clean(joined.group(2))
    in_name = None
    if not code_text and name and not (name_col is not None and (r, name_col) in sheet.continued):
        in_name = _NUMBER_IN_NAME.match(name)
        if in_name:  # "2.2.3. Quy hoạch …", "a) Ban hành …": the number is the code
            name = clean(in_name.group(2))
    code_continued = code_col is not None and (r, code_col) in sheet.continued \
        and parent_col is None
    name_continued = name_col is not None and (r, name_col) in sheet.continued
    if code_continued or (not code_text and (name_continued or not name)):
        return None
    values = sheet.cells[r]
    has_points = False
    for c in state.point_columns if state.score_groups and state.score_groups[0] is header \
            else header.point_columns:
        if c < len(values) and values[c] != "" and values[c] is not None:
            has_points = True
            break
    if not code_text and not has_points and not (in_name and not header.is_task_table):
        return None  # a row under the criterion: its tasks belong to the one above
    if in_name:
        code, level = paths.resolve_in_name(in_name.group(1))
    else:
        code, level = paths.resolve(code_text, r)
    if code is None:
        return None
    grid = sheet.grid
    item = Criterion(code, name, level, grid.name, r + 1)  # (positional: once per line)
    max_col = cols.get("max")
    if max_col is not None:
        item.cells["max"] = cell_name(r, max_col)
        raw = sheet.raw(r, max_col)
        if raw not in ("", None) and (r, max_col) not in grid.formulas:
            value = _number(raw)
            if value is None or value is _NA:
                if value is None:
                    state.problem("bad-max", "error", grid.name, r, max_col, value=cell_text(raw))
            else:
                item.max = float(value)  # type: ignore[arg-type]
    kept = state.score_groups
    for year, columns in kept[1] if kept is not None and kept[0] is header \
            else score_groups(header):
        for column in columns:
            raw = sheet.raw(r, column.col)
            if raw in ("", None) or (r, column.col) in grid.formulas:
                continue
            value = _number(raw)
            item.cells[f"score:{year}"] = cell_name(r, column.col)
            if value is None and isinstance(raw, str) and raw.strip().endswith("%"):
                # "82,5%": points out of 100 on a line whose max is 100 or not given
                value = _number(raw.strip()[:-1])
                if isinstance(value, float) and item.max not in (None, 100.0):
                    state.problem("percent-score", "error", grid.name, r, column.col,
                                  value=cell_text(raw), max=item.max)
                    continue
            elif isinstance(raw, float) and 0 < raw < 1 and item.max == 100.0:
                value = round(raw * 100, 6)  # 82,5% formatted as a percentage: 0.825
            if value is None:
                state.problem("bad-score", "error", grid.name, r, column.col, value=cell_text(raw))
                continue
            item.scores[year] = None if value is _NA else float(value)  # type: ignore[arg-type]
            break
    lost_col = cols.get("lost")
    if lost_col is not None:
        raw = sheet.raw(r, lost_col)
        value = _number(raw) if raw not in ("", None) else None
        if isinstance(value, float):
            item.stated_lost = value
            item.stated_lost_year = header.lost_year
            item.cells["lost"] = cell_name(r, lost_col)
    if code in state.by_code:
        return _same_code(state, item, code_col)
    state.criteria.append(item)
    state.by_code[code] = item
    return item


def _parent_line(state: ReadState, sheet: Sheet, header: Header, r: int, paths: CodePaths,
                 parent_col: int, code_text: str) -> None:
    """Two name columns: at the first row of a name merged down over several lines ("Tên
    tiêu chí"), the parent those lines belong to, with the code beside it."""
    text = sheet.text(r, parent_col)
    if not text or (r, parent_col) in sheet.continued:
        return
    state.line_count = 0
    code, level = paths.resolve(code_text, r)
    if code is None or code in state.by_code:
        return
    item = Criterion(code=code, name=text, level=level, sheet=sheet.grid.name, row=r + 1)
    state.criteria.append(item)
    state.by_code[code] = item


def _same_code(state: ReadState, item: Criterion, code_col: int | None) -> Criterion:
    """A criterion read again on another sheet joins the first: a results sheet per year
    ("KQ 2023", "KQ 2024"), a frame of scores and the plan's table of criteria and tasks, a
    table that goes on on the next sheet. Within a sheet, or with other points for the same
    year, it is a duplicate, skipped with a warning."""
    other = state.by_code[item.code]
    same_year = set(item.scores) & set(other.scores)
    if other.sheet != item.sheet and all(item.scores[y] == other.scores[y] for y in same_year) \
            and item.max in (None, other.max):
        other.scores.update(item.scores)
        for key, cell in item.cells.items():
            if key.startswith("score:") or (key == "max" and other.max is None):
                other.cells[key], other.cell_sheets[key] = cell, item.sheet
        if other.max is None:
            other.max = item.max
        other.name = other.name or item.name
        return other
    state.problem("duplicate-criterion", "warning", item.sheet, item.row - 1, code_col,
                  code=item.code, other=other.ref)
    state.reading.leave(item.sheet, item.row - 1, "duplicate", text=item.name)
    return other


def part_for(state: ReadState, code: str) -> str:
    """A second list of criteria and tasks that numbers from the start again ("PL1 - Chỉ số
    CCHC", then "PL2 - SIPAS") is a later part: its codes go under the next free letter."""
    if code not in state.first_codes:
        return ""  # a sheet that goes on where another stopped, or a frame with its scores
    used = {c.code.split(".")[0] for c in state.criteria if c.code[:1].isupper()}
    return next(f"{letter}." for letter in "BCDEFGHJKMNPQRSTUWYZ" if letter not in used)


class _NotApplicable:
    pass


_NA = _NotApplicable()


def _number(raw: Any) -> float | _NotApplicable | None:
    """A points value: a number, "1,5", or a not-applicable mark; None when unreadable."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        number = float(raw)
        return number if math.isfinite(number) else None  # NaN, ±Infinity: not a points value
    text = fold(raw) if isinstance(raw, str) else ""
    if text in _NOT_APPLICABLE or (isinstance(raw, str) and raw.strip() in _NOT_APPLICABLE):
        return _NA
    compact = clean(raw).replace(" ", "") if isinstance(raw, str) else ""
    compact = re.sub(r"(điểm|diem|đ)$", "", compact, flags=re.I)
    if NUMBER_TEXT.match(compact):
        return float(compact.replace(",", "."))
    return None


# --- the codes tasks give --------------------------------------------------------------------

_KIND_WORDS = tuple(f"{word} " for word in WORD_OF_KIND.values())


def name_worded_codes(state: ReadState) -> None:
    """Codes a task's cell writes with words ("Tiêu chí 3", "Lĩnh vực 2") name the lines
    written so in the frame, whatever their path there ("2.3")."""
    for task, written in state.worded:
        task.criteria = [worded_path(state.aliases, kind, code) if kind else code
                         for kind, code in written]
        for kind, code in written:
            several = state.aliases.get(f"{kind}:{code}", "")
            if kind and "|" in several:
                state.problems.append(Problem(
                    "ambiguous-criterion", "warning", task.sheet,
                    task.address("code") or str(task.row),
                    {"code": worded_path(state.aliases, kind, code),
                     "paths": ", ".join(several.split("|"))}))


def check_task_codes(plan: Plan) -> None:
    """Every code a task gives ("1.2", a range "1.1-1.3" spelt out) names a criterion read; a
    code that names none is a warning."""
    if not plan.criteria:
        return
    known = {c.code for c in plan.criteria}
    for task in plan.tasks:
        for code in task.criteria:
            if "-" in code:
                task.criteria = [c for code in task.criteria
                                 for c in expand_range(code, plan.criteria)]
                break
        for code in task.criteria:
            if code not in known and not code.startswith(_KIND_WORDS):  # (ambiguous-criterion)
                plan.problems.append(Problem("unknown-criterion", "warning", task.sheet,
                                             task.address("code") or str(task.row), {"code": code}))
