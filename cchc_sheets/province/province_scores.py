"""Province score tables: a row per commune, a column per area or criterion (contract §9).

Provinces publish the commune index as one table: the commune's name ("Đơn vị", "Tên đơn vị",
"Xã, phường, thị trấn"), a column per area or criterion (its code or name in the header, the
maximum in the header — "Lĩnh vực 1 (10 điểm)" — or in a "Điểm tối đa" row), a total, an index
in % and a rank. :func:`read_province_table` reads it; :func:`row_for` finds one commune's row
(names compared by :func:`~cchc_sheets.province.commune.commune_key`); :func:`apply_row` puts that row's
points into a plan as last year's scores, the way ``--scores`` does for a criteria table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from cchc_sheets.errors import CchcError, WorkbookLayoutError
from cchc_sheets.lazyre import lazy
from cchc_sheets.model import Criterion, Plan
from cchc_sheets.province.commune import commune_key
from cchc_sheets.read.codes import ROMAN, roman_value
from cchc_sheets.read.sources import Grid, load_book
from cchc_sheets.text import clean, fold, strip_marks

__all__ = ["ProvinceRow", "ProvinceTable", "ScoreColumn", "apply_row", "province_table_or_none",
           "read_province_table", "row_for"]

HEADER_SEARCH_ROWS = 25
_UNIT_HEADERS = ("don vi", "ten don vi", "xa phuong thi tran", "xa phuong", "xa phuong dac khu",
                 "ten xa", "ten xa phuong", "dia phuong", "ten dia phuong", "co quan don vi",
                 "xa phuong thi tran dac khu", "ubnd xa phuong", "ubnd cac xa phuong")
_SKIP = ("stt", "tt", "so tt", "ghi chu", "xep loai", "ma", "ma don vi", "huyen", "khu vuc")
_TOTAL = ("tong diem", "tong cong", "tong so diem", "diem dat", "tong", "diem tong",
          "tong diem dat", "tong diem dat duoc", "diem")
_INDEX = ("chi so", "chi so cchc", "chi so %", "ty le", "%", "chi so par index", "par index")
_RANK = ("xep hang", "thu hang", "hang", "thu tu xep hang", "vi tri")
_MAX_ROW = ("diem toi da", "toi da", "diem chuan", "thang diem", "diem toi da dat duoc")
_AGGREGATE_ROW = ("tong", "trung binh", "binh quan", "tong cong", "cong")
_CODE = lazy(
    r"^(?:(?:linh vuc|lv|tieu chi|tc|noi dung|nd|chi tieu)\s*)?"
    r"(?P<code>[ivx]+|\d+(?: \d+)*)\b\s*(?P<rest>.*)$")
_MAX_IN_HEADER = lazy(r"\(\s*(?:toi da\s*)?(?P<max>\d+(?:[.,]\d+)?)\s*(?:diem|d)?\s*\)")
_YEAR = lazy(r"\b(20\d\d)\b")


@dataclass
class ScoreColumn:
    """One area or criterion column: its code ("2", "2.1"), name and maximum."""

    col: int
    code: str
    name: str
    max: float | None = None


@dataclass
class ProvinceRow:
    """One commune's line of the table."""

    name: str
    sheet: str
    row: int  # Excel row number
    scores: dict[str, float | None] = field(default_factory=dict)  # code → points
    total: float | None = None
    index: float | None = None  # %
    rank: int | None = None

    @property
    def key(self) -> str:
        return commune_key(self.name)


@dataclass
class ProvinceTable:
    path: Path
    sheet: str
    year: int | None  # the year scored, from the title ("… năm 2024")
    columns: list[ScoreColumn]
    rows: list[ProvinceRow]
    total_max: float | None = None

    def names(self) -> list[str]:
        return [row.name for row in self.rows]


# --------------------------------------------------------------------------- reading


def read_province_table(path: Path) -> ProvinceTable:
    """Read a province score table; :class:`WorkbookLayoutError` ``province-no-table`` when the
    workbook holds none (the file errors of ``load_book`` otherwise)."""
    table = province_table_or_none(Path(path))
    if table is None:
        raise WorkbookLayoutError("province-no-table", str(path))
    return table


def province_table_or_none(path: Path) -> ProvinceTable | None:
    """The province table in ``path``, or None when the workbook is something else (a criteria
    table for ``--scores``, a plan)."""
    book = load_book(Path(path))
    for grid in book.sheets:
        table = _table_in(grid, Path(path))
        if table is not None:
            return table
    return None


def _filled(grid: Grid, rows: int) -> list[list[Any]]:
    """The first ``rows`` rows with merged cells filled from their top-left cell."""
    out = [list(r) for r in grid.rows[:rows]]
    for r0, c0, r1, c1 in grid.merges:
        if r0 >= len(out):
            continue
        value = out[r0][c0] if c0 < len(out[r0]) else ""
        for r in range(r0, min(r1, len(out) - 1) + 1):
            row = out[r]
            for c in range(c0, c1 + 1):
                if c < len(row):
                    row[c] = value
    return out


def _text(value: Any) -> str:
    return clean(value) if isinstance(value, str) else ""


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        text = value.strip().replace(" ", "").rstrip("%")
        if re.fullmatch(r"-?\d+([.,]\d+)?", text):
            return float(text.replace(",", "."))
    return None


def _not_applicable(value: Any) -> bool:
    return isinstance(value, str) and fold(value) in ("khong ap dung", "kad", "n a", "na", "")\
        and value.strip() != ""


def _is_one_of(folded: str, names: tuple[str, ...]) -> bool:
    return folded in names or any(folded.startswith(n + " ") for n in names if len(n) > 3)


def _table_in(grid: Grid, path: Path) -> ProvinceTable | None:
    head = _filled(grid, HEADER_SEARCH_ROWS + 2)
    for r, row in enumerate(head[:HEADER_SEARCH_ROWS]):
        unit_col = next((c for c, v in enumerate(row) if _is_one_of(fold(_text(v)), _UNIT_HEADERS)),
                        None)
        if unit_col is None:
            continue
        table = _read_from(grid, head, r, unit_col, path)
        if table is not None:
            return table
    return None


def _read_from(grid: Grid, head: list[list[Any]], r: int, unit_col: int,
               path: Path) -> ProvinceTable | None:
    width = max(len(row) for row in grid.rows[r:r + 3]) if grid.rows[r:r + 3] else 0
    header_rows = [r]
    below = head[r + 1] if r + 1 < len(head) else []
    # a second header row: the name cell is merged down (same text) or empty, and the row has
    # no commune in it (codes "1", "2"… or names)
    if below and (_text(below[unit_col] if unit_col < len(below) else "") in
                  ("", _text(head[r][unit_col]))) and any(_text(v) or _number(v) is not None
                                                          for v in below):
        header_rows.append(r + 1)
    texts: list[str] = []
    for c in range(width):
        parts: list[str] = []
        for hr in header_rows:
            row = head[hr]
            value = row[c] if c < len(row) else ""
            text = _text(value) or (str(value) if _number(value) is not None else "")
            if text and text not in parts:
                parts.append(text)
        texts.append(" ".join(parts))
    first_data = header_rows[-1] + 1
    kinds: dict[int, str] = {}
    columns: list[ScoreColumn] = []
    for c, text in enumerate(texts):
        if c == unit_col or not text:
            continue
        folded = fold(text)
        # the last header row names the column most precisely
        last = fold(_text(head[header_rows[-1]][c]) if c < len(head[header_rows[-1]]) else "")
        if _is_one_of(folded, _SKIP) or _is_one_of(last, _SKIP):
            continue
        if _is_one_of(last, _RANK) or _is_one_of(folded, _RANK):
            kinds[c] = "rank"
        elif _is_one_of(last, _INDEX) or "%" in text:
            kinds[c] = "index"
        elif _is_one_of(last, _TOTAL) or folded.startswith("tong"):
            kinds[c] = "total"
        else:
            column = _score_column(c, text, head[header_rows[-1]][c] if c < len(
                head[header_rows[-1]]) else "", len(columns))
            if column is not None:
                columns.append(column)
    if not columns and "total" not in kinds.values() and "index" not in kinds.values():
        return None
    table = ProvinceTable(path=path, sheet=grid.name, year=_year(grid, r), columns=columns,
                          rows=[])
    by_col = {col.col: col for col in columns}
    for i in range(first_data, len(grid.rows)):
        row = grid.rows[i]
        name = _text(row[unit_col] if unit_col < len(row) else "")
        folded = fold(name)
        if not name:
            continue
        numbers = {c: _number(row[c]) for c in [*by_col, *kinds] if c < len(row)}
        not_applicable = {c for c in by_col if c < len(row) and _not_applicable(row[c])}
        if _is_one_of(folded, _MAX_ROW):
            for c, value in numbers.items():
                if c in by_col and value is not None:
                    by_col[c].max = value
                elif kinds.get(c) == "total" and value is not None:
                    table.total_max = value
            continue
        if not any(v is not None for v in numbers.values()):
            continue  # a group heading ("Khối xã"), a note
        if _is_one_of(folded, _AGGREGATE_ROW):
            continue
        line = ProvinceRow(name=name, sheet=grid.name, row=i + 1)
        for c, value in numbers.items():
            if c in by_col:
                if value is not None or c in not_applicable:
                    line.scores[by_col[c].code] = value  # None: does not apply
            elif kinds.get(c) == "total":
                line.total = value
            elif kinds.get(c) == "index" and value is not None:
                line.index = round(value * 100, 4) if value <= 1.0 else value
            elif kinds.get(c) == "rank" and value is not None:
                line.rank = int(value)
        table.rows.append(line)
    if not table.rows:
        return None
    if table.total_max is None and columns and all(c.max is not None for c in columns):
        table.total_max = round(sum(c.max for c in columns if c.max is not None), 6)
    return table


def _score_column(col: int, text: str, last: Any, position: int) -> ScoreColumn | None:
    plain = strip_marks(text.casefold())
    maximum = None
    found = _MAX_IN_HEADER.search(plain)
    if found:
        maximum = float(found.group("max").replace(",", "."))
    folded = fold(_MAX_IN_HEADER.sub(" ", plain))
    last_plain = strip_marks((_text(last) or (str(last) if _number(last) is not None else ""))
                             .casefold())
    last_text = fold(_MAX_IN_HEADER.sub(" ", last_plain))
    code = None
    for candidate in (last_text, folded):
        match = _CODE.match(candidate)
        if match:
            code = _code(match.group("code"))
            break
    own = _text(last) or text  # the last header row's text names the column itself
    name = clean(re.sub(r"\(.*?\)", "", own)).strip()
    if code is None:
        code = str(position + 1)  # areas in the frame's order
    return ScoreColumn(col=col, code=code, name=name, max=maximum)


def _code(raw: str) -> str:
    raw = raw.strip().replace(" ", ".")  # folded "2.1" reads "2 1"
    upper = raw.upper()
    if ROMAN.match(upper):
        return str(roman_value(upper))
    return raw


def _year(grid: Grid, header_row: int) -> int | None:
    texts = [grid.name] + [_text(v) for row in grid.rows[:header_row] for v in row]
    for text in texts:
        folded = fold(text)
        if ("chi so" in folded or "ket qua" in folded or "diem" in folded) and _YEAR.search(folded):
            return int(_YEAR.findall(folded)[-1])
    return None


# --------------------------------------------------------------------------- one commune


def row_for(table: ProvinceTable, commune: str | None) -> ProvinceRow:
    """The commune's row; :class:`CchcError` naming the names seen when there is none."""
    key = commune_key(commune or "")
    if key:
        for row in table.rows:
            if row.key == key:
                return row
    names = ", ".join(table.names()[:40]) + (" …" if len(table.rows) > 40 else "")
    if not key:
        raise CchcError("province-no-commune-name", str(table.path), names=names)
    raise CchcError("province-no-row", str(table.path), commune=commune, names=names)


def score_year(table: ProvinceTable, plan: Plan, as_of: date) -> int:
    """The year the table scored: from its title, else the year before the plan year."""
    if table.year is not None:
        return table.year
    return (plan.plan_year or as_of.year) - 1


def rows_by_key(table: ProvinceTable) -> dict[str, ProvinceRow]:
    return {row.key: row for row in table.rows}


def apply_row(plan: Plan, table: ProvinceTable, row: ProvinceRow, year: int) -> None:
    """Put the row's points into ``plan`` as the scores of ``year`` (the province's figure wins
    over the plan's own for that year); lines the plan lacks are added. The caller finishes the
    criteria again (:func:`~cchc_sheets.read.scoring.finish_criteria`)."""
    by_code = {c.code: c for c in plan.criteria}
    by_name = {fold(c.name): c for c in plan.criteria if c.name}
    for column in table.columns:
        if column.code not in row.scores:
            continue
        value = row.scores[column.code]
        item = by_code.get(column.code) or by_name.get(fold(column.name))
        cell = f"{_letter(column.col)}{row.row}"
        if item is None:
            item = Criterion(code=column.code, name=column.name, level=column.code.count(".") + 1,
                             sheet=table.sheet, row=row.row, max=column.max)
            plan.criteria.append(item)
            by_code[item.code] = item
        elif item.max is None and column.max is not None:
            item.max = column.max
        item.scores[year] = value  # None: does not apply
        item.cells[f"score:{year}"] = cell
        item.cell_sheets[f"score:{year}"] = f"{table.path.name}: {table.sheet}"
    plan.scores_source = table.path


def _letter(col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
