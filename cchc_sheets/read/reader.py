"""Reading the officer's plan: tasks and criteria from whatever layout the workbook has.

The reader never writes to the workbook. It returns a :class:`~cchc_sheets.model.Plan` with the
problems it met as values; it raises only when nothing can be checked (file unreadable, no
table found).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cchc_sheets.config import Config
from cchc_sheets.errors import Words, WorkbookLayoutError
from cchc_sheets.messages import number_text, words
from cchc_sheets.model import NO_DEADLINE, Criterion, Plan, Problem, Task
from cchc_sheets.province.commune import commune_in_rows
from cchc_sheets.read.codes import (
    ROMAN,
    WORD_OF_KIND,
    CodePaths,
    add_alias,
    expand_range,
    split_written_codes,
    word_code,
    worded_path,
)
from cchc_sheets.read.deadlines import MAX_YEAR, MIN_YEAR, from_excel_serial, parse_day, parse_deadline
from cchc_sheets.read.headers import (
    HEADER_SCAN_ROWS,
    Header,
    cell_name,
    cell_text,
    find_header,
    header_values,
    seen_headers,
)
from cchc_sheets.read.preflight import excel_lock_present
from cchc_sheets.read.reading import Reading, locate_plan_year
from cchc_sheets.read.scoring import finish_criteria
from cchc_sheets.read.sources import Book, Grid, load_book
from cchc_sheets.read.status import (
    parse_progress,
    parse_status,
    progress_scale,
    scale_progress,
    scaled,
)
from cchc_sheets.read.vocabulary import (
    CRITERION_FIELDS,
    FIELD_BY_NAME,
    field_names,
    field_words,
    index_of,
)
from cchc_sheets.read.years import (
    date_scores_as_last_year,
    date_scores_by_names,
    plan_year_from_workbook,
    table_year,
    without_citations,
)
from cchc_sheets.text import _clean_text, clean, fold, looks_legacy_encoded

_SPLIT = re.compile(r"[;\n]+")  # supporting units; commas are weighed with every task's units
_NOT_APPLICABLE = {"khong ap dung", "kad", "n a", "na", "-", "—", "–", "x", "k ad"}
# the signature block under the table: lines that begin so ("Chủ tịch UBND xã đối thoại với
# người dân" is a task, and "CHỦ TỊCH UBND XÃ" may head the tasks the chairman leads)
_END_MARKERS = ("noi nhan", "tm uy ban", "tm ubnd", "nguoi lap", "xac nhan cua", "kt chu tich")
# a total line under a frame: "TỔNG CỘNG (A+B)", "Tổng số điểm", "Tổng điểm đạt", "Cộng (I+II)"
_TOTAL_LINE = re.compile(r"(?:tong cong|tong so diem|tong diem|cong diem)\b.*"
                         r"|(?:tong so|tong|cong|total)(?: (?:diem|chung|toan bo|chi so.*"
                         r"|\d+ nhiem vu.*|(?:[ivx]+|[a-e]|\d+)(?: (?:[ivx]+|[a-e]|\d+))*))?")
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
_COUNT_OF_TASKS = re.compile(r"\d+ nhiem vu.*")  # "10 nhiệm vụ" on a total line
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_GUIDE_SHEETS = ("huong dan", "hd su dung", "hdsd", "instructions", "guide", "vi du")
_NUMBER_HEADERS = {"stt", "tt", "so tt", "so thu tu"}
# a number typed at the start of a line's name: "1. Lập nhiệm vụ", "2.2.3. Quy hoạch", "a) Ban
# hành", "II. CẢI CÁCH TTHC" (not "100% hồ sơ", "2025 …", "3 tháng …")
_NUMBER_IN_NAME = re.compile(
    r"^((?:\d{1,2}\.)+(?:\d{1,2}\.?)?|\d{1,2}\)|[a-zđ]\)|[IVX]{1,4}\.)\s+(\S.*)$", re.S)
_CODE_AND_NAME = re.compile(
    r"^(?:(?:lĩnh vực|linh vuc|nội dung|noi dung|tiêu chí|tieu chi|phần|phan)\s+)?"
    r"([IVXLC]+|\d+(?:\.\d+)*|[a-zđ])\s*[.):\-–]\s+(\S.*)$",
    re.I | re.S,
)


@dataclass
class _Sheet:
    """A sheet prepared for reading: the cells as the reader sees them (a merged cell's value in
    the first column of the merge, on every row it covers; nothing in the columns it spans), the
    header fills (across and down, in the rows a header is looked for), and which cells
    continue a merge from the row above."""

    grid: Grid
    cells: list[list[Any]] = field(default_factory=list)
    header_fills: dict[tuple[int, int], Any] = field(default_factory=dict)
    continued: set[tuple[int, int]] = field(default_factory=set)  # covered from the row above

    @classmethod
    def prepare(cls, grid: Grid) -> _Sheet:
        rows = grid.rows
        sheet = cls(grid, list(rows))
        cells = sheet.cells
        patched: set[int] = set()  # rows copied before their merged cells are filled in
        for r1, c1, r2, c2 in grid.merges:
            if r1 >= len(rows) or c1 >= len(rows[r1]):
                continue
            value = rows[r1][c1]
            for r in range(r1, min(r2, len(rows) - 1) + 1):
                if r not in patched:
                    patched.add(r)
                    cells[r] = list(rows[r])
                line = cells[r]
                if len(line) <= c2:
                    line.extend([""] * (c2 + 1 - len(line)))
                for c in range(c1, c2 + 1):
                    if (r, c) == (r1, c1):
                        continue
                    if r <= HEADER_SCAN_ROWS:  # the rows a header is looked for in (and under)
                        sheet.header_fills[(r, c)] = value
                    if c == c1:
                        line[c] = value
                        sheet.continued.add((r, c))
                    else:
                        line[c] = ""
                        if r > r1:
                            sheet.continued.add((r, c))
        return sheet

    def raw(self, row: int, col: int | None) -> Any:
        if col is None:
            return ""
        values = self.cells[row]
        return values[col] if col < len(values) else ""

    def text(self, row: int, col: int | None) -> str:
        # the hot path of every row read: raw() and clean() inlined (same results)
        if col is None:
            return ""
        values = self.cells[row]
        if col >= len(values):
            return ""
        value = values[col]
        if value.__class__ is str:
            if not value:
                return ""
            return _clean_text(value) if len(value) < 512 else clean(value)
        return _text(value)


_DAYS_1904 = 1462  # serial of 1 January 1904 in the 1900 date system


def _may_be_total(first_text: str) -> bool:
    """Whether a row's first text may begin a total line: "Tổng…", "Cộng…", "Total…"."""
    head = first_text.lstrip()[:8]
    return head[:1] in "TtCc" and bool(head) and fold(head).startswith(("tong", "cong", "total"))


def _column_scale(sheet: _Sheet, header: Header, col: int, texts: bool = False) -> float:
    """The :func:`~cchc_sheets.read.status.progress_scale` of a column's numbers (and, with
    ``texts``, of numbers typed as text, "0,5")."""
    return progress_scale(
        v for r in range(header.data_start, len(sheet.grid.rows))
        if isinstance(v := sheet.raw(r, col), (int, float)) and not isinstance(v, bool)
        or texts and isinstance(v, str))


def _ends_table(first_text: str) -> bool:
    """The signature block: "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"."""
    # the folded text begins with its first letter or digit; when that one is ASCII it folds
    # to itself in lower case, so a first letter other than n, t, x, k ends nothing (most
    # rows: a task's title, folded otherwise for nothing)
    first = _FIRST_WORD_CHAR.search(first_text, 0, 40)
    if first is not None and first.group().isascii() and first.group() not in "nNtTxXkK":
        return False
    return fold(first_text[:40]).startswith(_END_MARKERS)


_FIRST_WORD_CHAR = re.compile(r"[^\W_]")


def _is_note(first_text: str, row: list[Any]) -> bool:
    """A footnote under the table: "Ghi chú: …" alone on its row, in the first columns (often
    merged across); not a note in a "Ghi chú" column or a task's cell."""
    if first_text.lstrip()[:1] not in "GgLlCc" or \
            not fold(first_text[:12]).startswith(("ghi chu", "luu y", "chu thich")):
        return False
    filled = [c for c, v in enumerate(row) if v not in ("", None)]
    return len(filled) == 1 and filled[0] <= 1


def _date_cell(grid: Grid, raw: Any) -> Any:
    """A number in a date column as its workbook means it. The engines give every number as a
    float: a whole number becomes an int (so that 2025 typed as a deadline stays a year), and
    in a workbook using the 1904 date system a serial becomes its day."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if grid.date1904 and not (isinstance(raw, int) and MIN_YEAR <= raw <= MAX_YEAR):
        day = from_excel_serial(raw + _DAYS_1904)
        if day is not None:
            return day
    return raw


_text = cell_text


def read_plan(
    path: Path,
    config: Config | None = None,
    *,
    scores: Path | None = None,
    default_year: int | None = None,
    engine: str = "calamine",
    book: Book | None = None,
) -> Plan:
    """Read a plan workbook (and optionally a separate scores workbook).

    ``default_year`` is the plan year to use when neither the config nor the workbook names one
    (the CLI passes the year of ``--as-of``). ``book`` gives grids already read from ``path``
    by another reader (the tables of a Word document, :mod:`cchc_sheets.word.wordimport`).
    """
    config = config or Config()
    names = field_names(config.columns)
    if book is None:
        book = load_book(path, engine)
    reading = Reading(file=Path(path).name, scores_file=Path(scores).name if scores else "")
    tables = _find_tables(book, names, reading)
    task_tables = [t for t in tables if t[1].is_task_table]
    criteria_tables = [t for t in tables if t[1].is_criteria_table]
    if not task_tables and not criteria_tables:
        raise _no_header(book, names)
    problems: list[Problem] = _book_notes(book)
    if excel_lock_present(Path(path)):
        problems.append(Problem("file-open-elsewhere", "warning", None, None, {},
                                file=Path(path).name))
    grids = [(sheet.grid, header) for sheet, header in tables]
    date_scores_by_names(grids, Path(path))
    plan_year = config.plan_year or plan_year_from_workbook(book, grids) or default_year
    date_scores_as_last_year(grids, plan_year)
    locate_plan_year(reading, grids, plan_year, config.plan_year, default_year)
    reader = _Reader(plan_year, problems, reading)
    for sheet, header in tables:
        problems.extend(header.problems)
        if header.is_task_table and "deadline" not in header.columns:
            problems.append(Problem("missing-column", "warning", sheet.grid.name,
                                    cell_name(header.row, header.columns["task"]),
                                    {"column": field_words("deadline")}))
        if sheet.grid.hidden:
            problems.append(Problem("hidden-sheet", "warning", sheet.grid.name, None,
                                    {"sheet": sheet.grid.name}))
        reader.read_table(sheet, header)
    reader.name_worded_codes()
    _drop_old_copies(reader, tables, plan_year)
    criteria = reader.criteria
    if scores is not None:
        criteria = _merge_scores(criteria, _read_scores(scores, config, plan_year, problems,
                                                        reading))
    plan = Plan(
        source=Path(path),
        tasks=reader.tasks,
        criteria=criteria,
        problems=problems,
        plan_year=plan_year,
        title=_first_title(book, tables),
        commune=config.commune or commune_in_rows([grid.rows for grid in book.sheets]) or "",
        index=index_of(_title_lines(tables)),
        scores_source=Path(scores) if scores else None,
        has_updated_column=any("updated" in h.columns for _, h in task_tables),
        task_sheets=[s.grid.name for s, _ in task_tables],
        criteria_sheets=[s.grid.name for s, _ in criteria_tables],
    )
    plan.has_evidence_column = any("evidence" in h.columns for _, h in task_tables)
    plan.reading = reading
    finish_criteria(plan)
    _check_task_codes(plan)
    return plan


def _book_notes(book: Book) -> list[Problem]:
    """What loading the workbook noted about its cells (values left out, unreadable ones)."""
    return [Problem(note.code, "error" if note.code == "bad-shared-string" else "warning",
                    grid.name, cell_name(note.row, note.col), dict(note.args))
            for grid in book.sheets for note in grid.notes]


def find_tables(book: Book, config: Config | None = None) -> list[tuple[Grid, Header]]:
    """The tables the reader would read in ``book``, each with its header, as it finds them."""
    names = field_names((config or Config()).columns)
    return [(sheet.grid, header) for sheet, header in _find_tables(book, names)]


def _find_tables(book: Book, names: dict[str, list[str]],
                 reading: Reading | None = None) -> list[tuple[_Sheet, Header]]:
    tables = []
    for grid in book.sheets:
        if not grid.rows:
            continue
        sheet = _Sheet.prepare(grid)
        header = find_header(grid, names, sheet.header_fills)
        if header is None:
            if reading is not None:
                reading.leave(grid.name, None, "no-table")
            continue
        if "code" not in header.columns and "number" in header.columns and header.is_criteria_table:
            header.columns["code"] = header.columns.pop("number")
        _numbers_are_not_tasks(sheet, header)
        if not (header.is_task_table or header.is_criteria_table):
            if reading is not None:
                reading.leave(grid.name, None, "no-table")
            continue
        _codes_in_criterion_column(sheet, header)
        _word_codes_column(sheet, header)
        if header.is_criteria_table:
            _two_name_columns(sheet, header)
        code_col = header.columns.get("code")
        if (header.is_task_table and not header.is_criteria_table and code_col is not None
                and "number" not in header.columns
                and fold(header.names.get(code_col, "")) in _NUMBER_HEADERS
                and not _holds_codes(sheet, header, code_col)):
            # "STT" in a list of tasks only is the task's number (1, 2, 3…), unless it holds
            # criterion codes ("1.2", "2.1, 2.3")
            header.columns["number"] = header.columns.pop("code")
        _unscored_frame(sheet, header)
        tables.append((sheet, header))
    # an instructions sheet's sample table ("Hướng dẫn": "Ví dụ: Rà soát TTHC") is not the plan
    plan_tables = [t for t in tables if not fold(t[0].grid.name).startswith(_GUIDE_SHEETS)]
    if plan_tables and reading is not None:
        for sheet, header in tables:
            if (sheet, header) not in plan_tables:
                _leave_all(sheet, header, reading, "instructions")
    return plan_tables or tables


def _leave_all(sheet: _Sheet, header: Header, reading: Reading, reason: str) -> None:
    """Every row of a table that is not read (an instructions sheet's sample), in the report."""
    for r in range(header.data_start, len(sheet.grid.rows)):
        values = sheet.grid.rows[r]
        first = next((v for v in values if isinstance(v, str) and v.strip()), "")
        if first and (_ends_table(first) or _is_note(first, values)):
            break
        if any(v not in ("", None) for v in values):
            text = sheet.text(r, header.columns.get("task", header.columns.get("criterion")))
            reading.leave(sheet.grid.name, r, reason, text=text or clean(first))


_CODE_LIST = re.compile(r"^\s*\d+(\.\d+)*(\.?[a-zđ])?\.?\s*([,;\n]\s*\d+(\.\d+)*(\.?[a-zđ])?\.?\s*)*$")


def _numbers_are_not_tasks(sheet: _Sheet, header: Header) -> None:
    """A "Số nhiệm vụ" column of counts (a tally sheet) is not a list of tasks."""
    col = header.columns.get("task")
    if col is None:
        return
    values = [sheet.raw(r, col) for r in range(header.data_start,
                                               min(len(sheet.grid.rows), header.data_start + 200))]
    values = [v for v in values if v not in ("", None)]
    numbers = sum(1 for v in values if isinstance(v, (int, float)) and not isinstance(v, bool))
    if values and numbers > 0.5 * len(values):
        header.dropped[header.columns.pop("task")] = "counts"
        header._letters = None


# a criterion code as the reader keeps it: "1", "2.3.b", "B.2", "1.1-1.3"
_CODE_SHAPE = re.compile(r"^(?:[A-H]\.)?\d+(?:\.(?:\d+|[a-zđ]))*(?:-(?:[A-H]\.)?\d+(?:\.\d+)*)?$")


def _code_cell(text: str) -> bool:
    """A cell naming criteria the way officers write them ("TC 1.2", "Mã 2.1", "1.1 và 1.2",
    "2.1–2.2", "Lĩnh vực 3, B.2", "II.2", "1.2 (ưu tiên)"): every piece is a code."""
    if len(text) > 60:
        return False
    found = split_written_codes(text)
    return bool(found) and all(_CODE_SHAPE.match(code) for _, code in found)


_CODE_MARK = re.compile(r"\d\.\d|\d\s*[,;\n]\s*\d")


def _codes_in(sheet: _Sheet, header: Header, col: int) -> list[str] | None:
    """The first texts of a column when most of them are criterion codes ("1.2", "2.3, 2.4")."""
    values = [sheet.text(r, col) for r in range(header.data_start,
                                                 min(len(sheet.grid.rows), header.data_start + 200))]
    values = [v for v in values if v]
    if values and sum(1 for v in values if _CODE_LIST.match(v) or _code_cell(v)) \
            >= 0.6 * len(values):
        return values
    return None


def _holds_codes(sheet: _Sheet, header: Header, col: int) -> bool:
    """A column of criterion codes, some of them dotted or listed: not a column of 1, 2, 3."""
    values = _codes_in(sheet, header, col)
    return values is not None and any(_CODE_MARK.search(v) for v in values)


def _codes_in_criterion_column(sheet: _Sheet, header: Header) -> None:
    """In a list of tasks, a "Tiêu chí" column holding codes ("1.2", "2.3, 2.4") is the code."""
    cols = header.columns
    if not header.is_task_table or header.is_criteria_table or "criterion" not in cols:
        return
    stt = cols.get("code")
    if stt is not None and ("number" in cols or fold(header.names.get(stt, "")) not in
                            _NUMBER_HEADERS or _holds_codes(sheet, header, stt)):
        return  # a real code column
    if _codes_in(sheet, header, cols["criterion"]) is not None:
        if stt is not None:
            cols["number"] = stt  # "STT | Lĩnh vực": the task's number, and the codes
        cols["code"] = cols.pop("criterion")
        header._letters = None


def _unscored_frame(sheet: _Sheet, header: Header) -> None:
    """A list of tasks whose rows are the lines of a frame scored met / not met (nông thôn
    mới: "TT | Tên tiêu chí | … | Nhiệm vụ"; PAPI: "Nội dung 1 | Tên nội dung"): a column of
    names beside a column of codes, not a running number 1, 2, 3 (contract §1.1: each row a
    criterion line that may also carry a task)."""
    cols = header.columns
    if header.is_criteria_table or not header.is_task_table or "criterion" not in cols:
        return
    col = cols.get("code", cols.get("number"))
    if col is None:
        return
    values = []
    lines_only = False  # a line of the frame that carries no task ("5 | Trường học")
    for r in range(header.data_start, min(len(sheet.grid.rows), header.data_start + 200)):
        value = sheet.text(r, col)
        if value and _ends_table(value):
            break
        if value and (r, col) not in sheet.continued:
            values.append(value)
            lines_only = lines_only or (
                bool(sheet.text(r, cols["criterion"])) and not sheet.text(r, cols["task"]))
    worded = [v for v in values if _worded_codes(v)]
    numbers = [int(v) for v in values if v.isdigit()]
    running = numbers == list(range(numbers[0], numbers[0] + len(numbers))) if numbers else True
    if not values or not (len(worded) == len(values) or (
            len(numbers) == len(values) and not running and lines_only)):
        return
    if "code" not in cols:
        cols["code"] = cols.pop("number")
    header.unscored_frame = True
    header._letters = None


def _worded_codes(text: str) -> bool:
    """A cell of codes, at least one written with words: "Lĩnh vực 1", "Lĩnh vực 2, TC 1"."""
    pieces = [p for p in _CODE_PIECES.split(text) if p.strip()]
    words = [word_code(p) for p in pieces]
    return any(w is not None and not w[2] for w in words) and all(
        (w is not None and not w[2]) or _CODE_LIST.match(p) for p, w in zip(pieces, words, strict=True))


_CODE_PIECES = re.compile(r"[,;\n]")


def _two_name_columns(sheet: _Sheet, header: Header) -> None:
    """A name column merged down over several lines ("Tên tiêu chí") beside a per-line one
    ("Nội dung tiêu chí"): the merged one names the parents, the other each line."""
    cols = header.columns
    names = [c for c in [cols.get("criterion"), *header.others.get("criterion", [])]
             if c is not None and c != cols.get("code")]
    if len(names) < 2:
        return
    rows = range(header.data_start, len(sheet.grid.rows))
    merged = [c for c in names if any((r, c) in sheet.continued and sheet.text(r, c)
                                      for r in rows)]
    lines = [c for c in names if c not in merged]
    if len(merged) != 1 or not lines:
        return
    header.parent_name = merged[0]
    cols["criterion"] = lines[0]
    header._letters = None
    header.problems[:] = [p for p in header.problems if not (
        p.code == "duplicate-column" and p.cell in {cell_name(header.row, c) for c in names})]


def _word_codes_column(sheet: _Sheet, header: Header) -> None:
    """A column whose cells hold codes written with words ("Lĩnh vực 1", "Tiêu chí 2", "Chỉ
    tiêu 1") is the code column whatever its header says ("Tiêu chí, chỉ tiêu"); another
    column naming the criterion ("Nội dung") then names the lines (contract §7)."""
    cols = header.columns
    candidates = [c for c in [cols.get("criterion"), *header.others.get("criterion", [])]
                  if c is not None]
    for col in candidates:
        values = []
        for r in range(header.data_start, min(len(sheet.grid.rows), header.data_start + 200)):
            value = sheet.text(r, col)
            if value and _ends_table(value):
                break
            if value:
                values.append(value)
        words = sum(1 for v in values if _worded_codes(v))
        codes = sum(1 for v in values if _CODE_LIST.match(v) or ROMAN.match(v.rstrip(".")))
        if not words or words + codes < 0.8 * len(values):
            continue
        if "code" in cols and "number" not in cols:
            cols["number"] = cols["code"]  # "STT" beside it numbers the rows
        cols["code"] = col
        names = [c for c in candidates if c != col]
        if names:
            cols["criterion"] = names[0]
            header.problems[:] = [p for p in header.problems if not (
                p.code == "duplicate-column" and p.cell == cell_name(header.row, names[0]))]
        else:
            cols.pop("criterion", None)
        header._letters = None
        return


def _drop_old_copies(reader: _Reader, tables: list[tuple[_Sheet, Header]],
                     plan_year: int | None) -> None:
    """Last year's plan kept on a sheet of its own ("KH 2024" beside "KH 2025"): a sheet whose
    title or name gives an earlier year and whose tasks are mostly the plan's own again (years
    aside) is left out, with a warning. Other sheets of earlier years are read."""
    if plan_year is None:
        return
    old = {s.grid.name: year for s, h in tables
           if h.is_task_table and (year := table_year(s.grid, h)) is not None and year < plan_year}
    if not old or len(old) == len({s.grid.name for s, h in tables if h.is_task_table}):
        return
    current = {_without_years(t.title) for t in reader.tasks if t.sheet not in old}
    for sheet, year in old.items():
        titles = {_without_years(t.title) for t in reader.tasks if t.sheet == sheet}
        if not titles or len(titles & current) < 0.5 * len(titles):
            continue
        # the report: the sheet's rows of tasks and criteria, each left out as last year's
        reading = reader.reading
        rows = {c.row: c.name for c in reader.criteria if c.sheet == sheet}
        rows.update({t.row: t.title for t in reader.tasks if t.sheet == sheet})
        reading.tables = [t for t in reading.tables if t.sheet != sheet]
        reading.columns = [c for c in reading.columns if c.sheet != sheet]
        reading.scores = [c for c in reading.scores if c.sheet != sheet]
        reading.left_out = [x for x in reading.left_out if x.sheet != sheet]
        for row in sorted(rows):
            reading.leave(sheet, row - 1, "last-year-copy", text=rows[row])
        reader.tasks = [t for t in reader.tasks if t.sheet != sheet]
        reader.criteria = [c for c in reader.criteria if c.sheet != sheet]
        reader.problems[:] = [p for p in reader.problems if p.sheet != sheet]
        reader.problems.append(Problem("old-plan-sheet", "warning", sheet, "A1",
                                       {"sheet": sheet, "year": year, "plan_year": plan_year}))


def _without_years(title: str) -> str:
    return _YEARS.sub("", fold(title))


def _no_header(book: Book, names: dict[str, list[str]]) -> WorkbookLayoutError:
    seen: list[str] = []
    for grid in book.sheets:
        sheet = _Sheet.prepare(grid)
        for text in seen_headers(grid, sheet.header_fills):
            if text not in seen:
                seen.append(text)
    missing = [FIELD_BY_NAME[f].vi for f in ("task", "lead", "deadline", "criterion", "max")]
    return WorkbookLayoutError("no-header", str(book.path), seen=seen[:25] or ["—"], missing=missing)


def _first_title(book: Book, tables: list[tuple[_Sheet, Header]]) -> str:
    for sheet, header in tables:
        for row in range(header.first_row):
            for text in header_values(sheet.grid, row, {}):
                folded = fold(text)
                if folded.startswith(("ke hoach", "phan cong", "phu luc")) and len(folded) > 20:
                    return text
    return ""


def _title_lines(tables: list[tuple[_Sheet, Header]]) -> list[str]:
    """The texts above each table's header, table by table, folded and without the documents
    they cite ("Căn cứ Kế hoạch chuyển đổi số …"): where a plan names its index."""
    return [line for sheet, header in tables for row in range(header.first_row)
            for text in header_values(sheet.grid, row, {}) if text
            for line in [without_citations(fold(text))] if line]


class _Reader:
    def __init__(self, plan_year: int | None, problems: list[Problem],
                 reading: Reading | None = None, source: str = "plan", file: str = "") -> None:
        self.plan_year = plan_year
        self.problems = problems
        self.reading = reading if reading is not None else Reading()
        self.source, self.file = source, file  # where the tables read come from, for the report
        self.tasks: list[Task] = []
        self.criteria: list[Criterion] = []
        self.by_code: dict[str, Criterion] = {}
        self.first_codes: set[str] = set()  # where each list of criteria and tasks began
        self._status_scales: dict[int, float] = {}  # a table's header → its status numbers' scale
        self.aliases: dict[str, str] = {}  # "criterion:3" → "2.3" (see CodePaths.aliases)
        self._line_count = 0  # lines under the current parent
        self.worded: list[tuple[Task, list[tuple[str, str]]]] = []  # tasks naming such codes

    def problem(self, problem_code: str, severity: str, sheet: str, row: int, col: int | None,
                /, **args: Any) -> None:
        cell = cell_name(row, col) if col is not None else str(row + 1)
        self.problems.append(Problem(problem_code, severity, sheet, cell, args))  # type: ignore[arg-type]

    def _part_for(self, code: str) -> str:
        """A second list of criteria and tasks that numbers from the start again ("PL1 - Chỉ số
        CCHC", then "PL2 - SIPAS") is a later part: its codes go under the next free letter."""
        if code not in self.first_codes:
            return ""  # a sheet that goes on where another stopped, or a frame with its scores
        used = {c.code.split(".")[0] for c in self.criteria if c.code[:1].isupper()}
        return next(f"{letter}." for letter in "BCDEFGHJKMNPQRSTUWYZ" if letter not in used)

    # --- one table ------------------------------------------------------------------------

    def read_table(self, sheet: _Sheet, header: Header) -> None:
        grid, cols = sheet.grid, header.columns
        is_criteria = header.is_criteria_table
        is_tasks = header.is_task_table
        # a formula or error cell matters only in a column this table is read for
        read = cols if is_tasks else {f: c for f, c in cols.items() if f in CRITERION_FIELDS}
        used = set(read.values()) | {s.col for s in header.scores}
        used_in_order = sorted(used)
        progress_col = cols.get("progress")
        scale = 1.0
        if progress_col is not None:
            scale = _column_scale(sheet, header, progress_col)
        paths = CodePaths(self._part_for if is_tasks and self.criteria else None)
        current: Criterion | None = None
        hidden_rows: list[int] = []
        record = self.reading
        table = record.table(grid, header, self.source, self.file)
        tasks_before, criteria_before, criteria_read, areas = len(self.tasks), len(self.criteria), 0, 0
        counted: set[int] = set()  # the lines read on their own rows (a parent has none)
        for r in range(header.row + 1, header.data_start):
            record.leave(grid.name, r, "column-numbers")
        last = header.data_start - 1
        point_cols = [c for c in [cols.get("max"), *(s.col for s in header.scores)]
                      if c is not None] if is_criteria else []
        for r in range(header.data_start, len(grid.rows)):
            row_values = grid.rows[r]
            if not any(v not in ("", None) for v in row_values) and not any(
                (r, c) in grid.formulas for c in used
            ):
                continue
            first_text = next((v for v in row_values if isinstance(v, str) and v.strip()), "")
            if first_text and _ends_table(first_text):
                self._below_table(sheet, header, r, "signature", first_text)
                break
            if first_text and _is_note(first_text, row_values):
                self._below_table(sheet, header, r, "note", first_text)
                break
            last = r
            if is_criteria and _may_be_total(first_text) and self._is_total(sheet, header, r):
                current = None  # "TỔNG CỘNG": the sums of the lines above, not a line
                record.leave(grid.name, r, "total", text=first_text)
                continue
            if grid.formulas or grid.errors:
                self._cell_issues(sheet, r, used_in_order)
            if (r + 1) in grid.hidden_rows:
                hidden_rows.append(r + 1)
            started = None
            part = False
            if is_criteria:
                started = self._criterion_row(sheet, header, r, paths)
                if started is not None:
                    current = started
                    areas += started.level == 1
                    criteria_read += started.level != 1
                    counted.add(id(started))
                elif paths.part_started:
                    current, paths.part_started, part = None, False, True
            task_read: bool | str | None = None
            if is_tasks:
                task_read = self._task_row(sheet, header, r, current if is_criteria else None,
                                           scale)
            if started is None and task_read is not True:
                self._not_read(sheet, header, r, "heading" if part else task_read, first_text)
            elif task_read is True and started is None and point_cols:
                # a task under a criterion: points typed on its row are no criterion's
                for c in point_cols:
                    if c < len(row_values) and row_values[c] not in ("", None):
                        self._points_not_read(sheet, header, r)
                        break
        for alias, path in paths.aliases.items():
            add_alias(self.aliases, alias, path)
        table.last_row = last + 1
        for item in self.criteria[criteria_before:]:
            if id(item) not in counted:  # a parent named by a cell merged over its lines
                areas += item.level == 1
                criteria_read += item.level != 1
        if not criteria_read:  # a frame of one level ("Tiêu chí 1" … "Tiêu chí 19"): criteria
            criteria_read, areas = areas, 0
        table.tasks, table.criteria, table.areas = len(self.tasks) - tasks_before, \
            criteria_read, areas
        if is_tasks and is_criteria and paths.first_path is not None:
            self.first_codes.add(paths.first_path)
        self._legacy_text(sheet, header)
        if hidden_rows:
            shown = ", ".join(str(n) for n in hidden_rows[:10]) + ("…" if len(hidden_rows) > 10 else "")
            self.problems.append(Problem("hidden-rows", "warning", grid.name, None,
                                         {"count": len(hidden_rows), "rows": shown}))

    # --- the reading report: rows not read ----------------------------------------------

    def _not_read(self, sheet: _Sheet, header: Header, r: int, read: bool | str | None,
                  first_text: str) -> None:
        """A row of the table read as neither a criterion nor a task: a heading or a total is
        left out; a row with points is not understood (a warning naming its cell)."""
        if read == "continued":
            return  # the task merged down from the row above
        if read is None and _may_be_total(first_text) and _TOTAL_LINE.fullmatch(fold(first_text)):
            read = "total"  # "Tổng số điểm" in a column read as neither code nor name
        if read in ("heading", "total"):
            text = next((v for v in sheet.grid.rows[r] if isinstance(v, str) and v.strip()), "")
            self.reading.leave(sheet.grid.name, r, str(read), text=clean(text))
            return
        if self._points_not_read(sheet, header, r):
            return
        name_col = header.columns.get("criterion")
        if header.is_criteria_table and name_col is not None \
                and (r, name_col) not in sheet.continued and sheet.text(r, name_col):
            # a named line without a code or points: a heading of the lines under it
            self.reading.leave(sheet.grid.name, r, "heading", text=sheet.text(r, name_col))
            return
        # a text alone on its row, or only in the number or name columns ("I. CÔNG TÁC CHỈ
        # ĐẠO, ĐIỀU HÀNH" merged across a list of tasks): a heading
        cols = header.columns
        labels = {cols.get(f) for f in ("code", "number", "criterion")}
        filled = [c for c, v in enumerate(sheet.grid.rows[r]) if v not in ("", None)]
        if first_text and (len(filled) == 1 or all(c in labels for c in filled)):
            self.reading.leave(sheet.grid.name, r, "heading", text=clean(first_text))

    def _own_points(self, sheet: _Sheet, header: Header, r: int) -> list[int]:
        """The max and score cells a row fills itself (not merged down from above)."""
        cols = [header.columns.get("max")] + [s.col for s in header.scores]
        continued = sheet.continued
        return [c for c in cols if c is not None and (r, c) not in continued
                and sheet.raw(r, c) not in ("", None)]

    def _points_not_read(self, sheet: _Sheet, header: Header, r: int) -> bool:
        """Points on a row that is no criterion: a warning naming the cell, and the row is
        left out as not understood. True when there were such points."""
        cells = self._own_points(sheet, header, r)
        if not cells:
            return False
        cols = header.columns
        code_col, name_col = cols.get("code"), cols.get("criterion")
        fix_col = code_col if code_col is not None else name_col
        code_cell = cell_name(r, fix_col) if fix_col is not None else str(r + 1)
        if code_col is not None and (r, code_col) in sheet.continued:
            why = words("why.merged", cell=code_cell)
        elif name_col is not None and (r, name_col) in sheet.continued:
            why = words("why.merged-name", cell=code_cell)
        else:
            why = words("why.no-code", cell=code_cell)
        points = _points_words(sheet, r, cells)
        self.problem("row-not-understood", "warning", sheet.grid.name, r, cells[0],
                     row=r + 1, points=points, why=why, code_cell=code_cell)
        self.reading.leave(sheet.grid.name, r, "not-understood", cell_name(r, cells[0]),
                           sheet.text(r, name_col) or points.vi)
        return True

    def _below_table(self, sheet: _Sheet, header: Header, end: int, reason: str,
                     text: str) -> None:
        """The table ends at ``end`` (the signature block, a note): the row is left out, and
        a row under it with points, or a task with its lead or deadline, is not understood."""
        grid = sheet.grid
        self.reading.leave(grid.name, end, reason, text=text)
        cols = header.columns
        task_col = cols.get("task")
        others = [cols[f] for f in ("lead", "deadline") if f in cols]
        for r in range(end + 1, len(grid.rows)):
            cells = self._own_points(sheet, header, r)
            task = sheet.text(r, task_col) if task_col is not None else ""
            if cells and all(isinstance(sheet.raw(r, c), (int, float)) for c in cells):
                points = _points_words(sheet, r, cells)
                what = Words(words("what.points", points=points.vi).vi,
                             words("what.points", points=points.en).en)
                cell = cell_name(r, cells[0])
            elif task and task_col is not None and any(sheet.text(r, c) for c in others):
                what = words("what.task", value=task[:60])
                cell = cell_name(r, task_col)
            else:
                continue
            self.problems.append(Problem("row-below-table", "warning", grid.name, cell, {
                "row": r + 1, "what": what, "end": words("end." + reason), "end_row": end + 1}))
            self.reading.leave(grid.name, r, "not-understood", cell, task)

    def _legacy_text(self, sheet: _Sheet, header: Header) -> None:
        """One warning per table whose text looks typed in a TCVN3/VNI font."""
        columns = [header.columns[f] for f in ("task", "criterion", "lead") if f in header.columns]
        for r in range(header.data_start, min(len(sheet.grid.rows), header.data_start + 400)):
            for c in columns:
                value = sheet.raw(r, c)
                if isinstance(value, str) and looks_legacy_encoded(value):
                    self.problem("legacy-font", "warning", sheet.grid.name, r, c,
                                 value=clean(value)[:40])
                    return

    def _cell_issues(self, sheet: _Sheet, r: int, used: list[int]) -> None:
        grid = sheet.grid
        for c in used:
            if (r, c) in grid.formulas and (r, c) not in sheet.continued:
                self.problem("formula-no-value", "error", grid.name, r, c, formula=grid.formulas[(r, c)])
            elif (r, c) in grid.errors and (r, c) not in sheet.continued:
                self.problem("error-cell", "error", grid.name, r, c, value=grid.errors[(r, c)])

    # --- criteria -------------------------------------------------------------------------

    @staticmethod
    def _is_total(sheet: _Sheet, header: Header, r: int) -> bool:
        cols = header.columns
        texts = {fold(sheet.text(r, cols.get(f))) for f in ("code", "criterion") if f in cols}
        if not any(_TOTAL_LINE.fullmatch(t) for t in texts if t):
            return False
        task = fold(sheet.text(r, cols.get("task")))
        return not task or task in texts or _COUNT_OF_TASKS.fullmatch(task) is not None

    def _criterion_row(self, sheet: _Sheet, header: Header, r: int, paths: CodePaths) -> Criterion | None:
        cols = header.columns
        code_col, name_col = cols.get("code"), cols.get("criterion")
        code_text = sheet.text(r, code_col)
        name = sheet.text(r, name_col)
        parent_col = header.parent_name
        if parent_col is not None:
            self._parent_line(sheet, header, r, paths, parent_col, code_text)
            code_text = ""  # the code belongs to the parent; the line is numbered in its name
            if name and not (name_col is not None and (r, name_col) in sheet.continued):
                self._line_count += 1
                if not _NUMBER_IN_NAME.match(name):
                    name = f"{self._line_count}. {name}"
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
        has_points = any(
            sheet.raw(r, c) not in ("", None)
            for c in [cols.get("max")] + [s.col for s in header.scores] if c is not None
        )
        if not code_text and not has_points and not (in_name and not header.is_task_table):
            return None  # a row under the criterion: its tasks belong to the one above
        if in_name:
            code, level = paths.resolve_in_name(in_name.group(1))
        else:
            code, level = paths.resolve(code_text, r)
        if code is None:
            return None
        grid = sheet.grid
        item = Criterion(code=code, name=name, level=level, sheet=grid.name, row=r + 1)
        max_col = cols.get("max")
        if max_col is not None:
            item.cells["max"] = cell_name(r, max_col)
            raw = sheet.raw(r, max_col)
            if raw not in ("", None) and (r, max_col) not in grid.formulas:
                value = _number(raw)
                if value is None or value is _NA:
                    if value is None:
                        self.problem("bad-max", "error", grid.name, r, max_col, value=_text(raw))
                else:
                    item.max = float(value)  # type: ignore[arg-type]
        for year in sorted({s.year for s in header.scores}):
            columns = sorted((s for s in header.scores if s.year == year), key=lambda s: -s.rank)
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
                        self.problem("percent-score", "error", grid.name, r, column.col,
                                     value=_text(raw), max=item.max)
                        continue
                elif isinstance(raw, float) and 0 < raw < 1 and item.max == 100.0:
                    value = round(raw * 100, 6)  # 82,5% formatted as a percentage: 0.825
                if value is None:
                    self.problem("bad-score", "error", grid.name, r, column.col, value=_text(raw))
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
        if code in self.by_code:
            return self._same_code(item, code_col)
        self.criteria.append(item)
        self.by_code[code] = item
        return item

    def _parent_line(self, sheet: _Sheet, header: Header, r: int, paths: CodePaths,
                     parent_col: int, code_text: str) -> None:
        """Two name columns: at the first row of a name merged down over several lines ("Tên
        tiêu chí"), the parent those lines belong to, with the code beside it."""
        text = sheet.text(r, parent_col)
        if not text or (r, parent_col) in sheet.continued:
            return
        self._line_count = 0
        code, level = paths.resolve(code_text, r)
        if code is None or code in self.by_code:
            return
        item = Criterion(code=code, name=text, level=level, sheet=sheet.grid.name, row=r + 1)
        self.criteria.append(item)
        self.by_code[code] = item

    def _same_code(self, item: Criterion, code_col: int | None) -> Criterion:
        """A criterion read again on another sheet joins the first: a results sheet per year
        ("KQ 2023", "KQ 2024"), a frame of scores and the plan's table of criteria and tasks, a
        table that goes on on the next sheet. Within a sheet, or with other points for the same
        year, it is a duplicate, skipped with a warning."""
        other = self.by_code[item.code]
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
        self.problem("duplicate-criterion", "warning", item.sheet, item.row - 1, code_col,
                     code=item.code, other=other.ref)
        self.reading.leave(item.sheet, item.row - 1, "duplicate", text=item.name)
        return other

    # --- tasks ----------------------------------------------------------------------------

    def _task_row(self, sheet: _Sheet, header: Header, r: int, current: Criterion | None,
                  scale: float) -> bool | str | None:
        """Read the row's task: True when one was read; else "continued" (the task merged
        down from the row above), "heading", "total", or None (no task text)."""
        cols = header.columns
        grid = sheet.grid
        task_col = cols["task"]
        if (r, task_col) in sheet.continued:
            return "continued"
        title = sheet.text(r, task_col)
        if not title:
            return None
        cells = header.letters
        if current is None and self._group_heading(sheet, header, r):
            return "heading"
        if _may_be_total(title) and _TOTAL_LINE.fullmatch(fold(title)) and not any(
                sheet.text(r, cols.get(f)) for f in ("lead", "deadline") if f in cols):
            return "total"  # "Tổng cộng: 4 nhiệm vụ" under a list of tasks
        number_col = cols.get("number")
        task_id = sheet.text(r, number_col).rstrip(".") if number_col is not None else ""
        if current is not None:
            criteria = [current.code]
            if "code" in cols and header.is_criteria_table and number_col is None:
                task_id = ""
            written: list[tuple[str, str]] = []
        else:
            written = split_written_codes(sheet.text(r, cols.get("code")))
            criteria = [code for _, code in written]
        task = Task(sheet=grid.name, row=r + 1, id=task_id or str(r + 1), title=title,
                    criteria=criteria, cells=cells, hidden=(r + 1) in grid.hidden_rows)
        task.lead = sheet.text(r, cols.get("lead"))
        support = sheet.text(r, cols.get("support"))
        task.support = [s for s in (clean(p) for p in _SPLIT.split(support)) if s] if support else []
        task.result = sheet.text(r, cols.get("result"))
        task.evidence = sheet.text(r, cols.get("evidence"))
        deadline_col = cols.get("deadline")
        if deadline_col is not None and (r, deadline_col) not in grid.formulas and (
            (r, deadline_col) not in grid.errors  # already an error-cell problem, not "no deadline"
        ):
            raw = _date_cell(grid, sheet.raw(r, deadline_col))
            task.deadline = parse_deadline(raw, self.plan_year)
            if task.deadline.kind == "unparsed":
                self.problem("unparsed-deadline", "error", grid.name, r, deadline_col,
                             value=task.deadline.text)
            elif task.deadline.kind == "none" and not task.deadline.text:
                self.problem("no-deadline", "warning", grid.name, r, deadline_col)
        elif deadline_col is None:
            task.deadline = NO_DEADLINE
        progress_col = cols.get("progress")
        if progress_col is not None:
            raw = sheet.raw(r, progress_col)
            try:
                value = parse_progress(raw)
            except ValueError:
                self.problem("bad-progress", "error", grid.name, r, progress_col, value=_text(raw))
                value = None
            if value is not None:
                explicit = isinstance(raw, str) and "%" in raw
                value = value if explicit or not isinstance(raw, (int, float)) else scaled(value, scale)
                if not 0 <= value <= 100:
                    self.problem("bad-progress", "error", grid.name, r, progress_col, value=_text(raw))
                    value = None
            task.progress = value
        status_col = cols.get("status")
        task.status_text = sheet.text(r, status_col)
        if status_col is not None and task.progress is None:
            # "Tiến độ" holding 100%, 50%, 0% as numbers is the progress
            raw = sheet.raw(r, status_col)
            if isinstance(raw, str) and _NUMBER.match(raw.strip()):
                raw = float(raw.strip().replace(",", "."))  # "0,5" typed as text
            if isinstance(raw, (int, float)) and not isinstance(raw, bool):
                status_scale = self._status_scales.get(id(header))
                if status_scale is None:
                    status_scale = self._status_scales[id(header)] = _column_scale(
                        sheet, header, status_col, texts=True)
                try:
                    task.progress = scale_progress(raw, status_scale)
                    task.status_text = ""
                except ValueError:
                    pass  # not a progress: an unknown status, below
        task.status, known = parse_status(task.status_text, task.progress)
        if task.status_text and not fold(task.status_text):
            task.status, known = "unknown", False  # "???", "…": text, but no words
        if not known:
            self.problem("unknown-status", "warning", grid.name, r, status_col, value=task.status_text)
        task.updated = self._day(sheet, r, cols.get("updated"), "updated")
        task.completed = self._day(sheet, r, cols.get("completed"), "completed")
        if any(kind for kind, _ in written):
            self.worded.append((task, written))
        self.tasks.append(task)
        return True

    def name_worded_codes(self) -> None:
        """Codes a task's cell writes with words ("Tiêu chí 3", "Lĩnh vực 2") name the lines
        written so in the frame, whatever their path there ("2.3")."""
        for task, written in self.worded:
            task.criteria = [worded_path(self.aliases, kind, code) if kind else code
                             for kind, code in written]
            for kind, code in written:
                several = self.aliases.get(f"{kind}:{code}", "")
                if kind and "|" in several:
                    self.problems.append(Problem(
                        "ambiguous-criterion", "warning", task.sheet,
                        task.address("code") or str(task.row),
                        {"code": worded_path(self.aliases, kind, code),
                         "paths": ", ".join(several.split("|"))}))

    @staticmethod
    def _group_heading(sheet: _Sheet, header: Header, r: int) -> bool:
        """A heading row inside a list of tasks: "II | NHÓM NHIỆM VỤ …" with nothing else."""
        cols = header.columns
        number = sheet.text(r, cols.get("number", cols.get("code")))
        number = number.rstrip(".")
        if not number:
            # no number: a heading in capitals ("CHỦ TỊCH UBND XÃ", "NHÓM NHIỆM VỤ THƯỜNG XUYÊN")
            if not sheet.text(r, cols.get("task")).isupper():
                return False
        elif not (ROMAN.match(number) or (number.isalpha() and number.isupper())):
            return False
        others = ("lead", "deadline", "status", "progress", "support", "updated", "completed")
        return not any(sheet.text(r, cols.get(name)) for name in others if name in cols)

    def _day(self, sheet: _Sheet, r: int, col: int | None, name: str) -> date | None:
        if col is None or (r, col) in sheet.grid.formulas:
            return None
        raw = sheet.raw(r, col)
        if raw.__class__ is str and not raw:
            return None  # an empty cell (most of them): what parse_day gives for ""
        raw = _date_cell(sheet.grid, raw)
        try:
            return parse_day(raw, self.plan_year)
        except ValueError:
            self.problem("bad-date", "error", sheet.grid.name, r, col, value=_text(raw),
                         column=FIELD_BY_NAME[name].vi)
            return None


def _points_words(sheet: _Sheet, r: int, cells: list[int]) -> Words:
    """"C8 = 1, D8 = 0,5" (and "0.5" in English): the points a row holds, for a message."""
    def shown(value: Any, lang: str) -> str:
        if isinstance(value, float) and not value.is_integer():
            return number_text(value, lang)
        return _text(value)

    return Words(*(", ".join(f"{cell_name(r, c)} = {shown(sheet.raw(r, c), lang)}"
                             for c in cells) for lang in ("vi", "en")))


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
    if _NUMBER.match(compact):
        return float(compact.replace(",", "."))
    return None


def _read_scores(path: Path, config: Config, plan_year: int | None,
                 problems: list[Problem], reading: Reading | None = None) -> list[Criterion]:
    names = field_names(config.columns)
    book = load_book(path)
    tables = [t for t in _find_tables(book, names) if t[1].is_criteria_table]
    if not tables:
        raise _no_header(book, names)
    grids = [(sheet.grid, header) for sheet, header in tables]
    date_scores_by_names(grids, path, use_file_name=True)
    date_scores_as_last_year(grids, plan_year)
    reader = _Reader(plan_year, _book_notes(book), reading, "scores", path.name)
    for sheet, header in tables:
        if "task" in header.columns:
            header.dropped[header.columns.pop("task")] = "not-read"
        reader.read_table(sheet, header)
    for problem in reader.problems:
        problems.append(Problem(problem.code, problem.severity, problem.sheet, problem.cell,
                                problem.args, file=path.name))
    return reader.criteria


def _merge_scores(plan: list[Criterion], scores: list[Criterion]) -> list[Criterion]:
    """Criteria from the scores workbook, with lines only the plan has kept; codes join them."""
    by_code = {c.code: c for c in scores}
    merged = list(scores)
    for item in plan:
        other = by_code.get(item.code)
        if other is None:
            merged.append(item)
            continue
        if not other.name:
            other.name = item.name
        if other.max is None and item.max is not None:
            other.max = item.max
        for year, value in item.scores.items():
            other.scores.setdefault(year, value)
    return merged


_KIND_WORDS = tuple(f"{word} " for word in WORD_OF_KIND.values())


def _check_task_codes(plan: Plan) -> None:
    if not plan.criteria:
        return
    known = {c.code for c in plan.criteria}
    for task in plan.tasks:
        if any("-" in code for code in task.criteria):
            task.criteria = [c for code in task.criteria
                             for c in expand_range(code, plan.criteria)]
        for code in task.criteria:
            if code not in known and not code.startswith(_KIND_WORDS):  # (ambiguous-criterion)
                plan.problems.append(Problem("unknown-criterion", "warning", task.sheet,
                                             task.address("code") or str(task.row), {"code": code}))

