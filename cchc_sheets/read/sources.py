"""Workbook files as grids of values, whatever program saved them.

Two engines give the same :class:`Grid`: python-calamine (the default: fast, reads .xlsx, .xlsm,
.xls and .ods, gives merged ranges) and openpyxl (kept as a second path; the tests require both to
agree). For .xlsx files a light scan of the sheet XML adds what calamine does not say: formula
cells without a cached value, error cells (#REF!, #N/A…) and hidden rows.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path, PurePosixPath
from typing import Any

from cchc_sheets.errors import WorkbookFileError
from cchc_sheets.read.preflight import sniff

Merge = tuple[int, int, int, int]  # first row, first col, last row, last col (0-based, inclusive)


@dataclass
class Grid:
    """One sheet: ``rows[r][c]`` is the value at Excel row r+1, column c+1 ('' when empty)."""

    name: str
    rows: list[list[Any]]
    merges: list[Merge] = field(default_factory=list)
    hidden: bool = False
    hidden_rows: set[int] = field(default_factory=set)  # Excel row numbers
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # no cached value
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # "#REF!" …
    date1904: bool = False  # serial numbers count from 1904 (a Mac workbook setting)


@dataclass
class Book:
    path: Path
    kind: str  # "xlsx", "xls" or "ods"
    sheets: list[Grid]


def load_book(path: Path, engine: str = "calamine") -> Book:
    """Read every sheet of a workbook. Raises :class:`WorkbookFileError` when it cannot."""
    path = Path(path)
    kind = sniff(path)
    if engine == "openpyxl":
        if kind != "xlsx":
            raise WorkbookFileError("unsupported-format", str(path))
        return _load_openpyxl(path)
    return _load_calamine(path, kind)


# --- python-calamine -----------------------------------------------------------------------


def _load_calamine(path: Path, kind: str) -> Book:
    import python_calamine as pc

    try:
        workbook = pc.CalamineWorkbook.from_path(str(path))
    except pc.PasswordError as exc:
        raise WorkbookFileError("file-encrypted", str(path)) from exc
    except Exception as exc:  # calamine raises several types for damaged files
        raise WorkbookFileError("file-corrupt", str(path), detail=_short(exc)) from exc
    extras, date1904 = _xlsx_extras(path) if kind == "xlsx" else ({}, False)
    sheets: list[Grid] = []
    try:
        for meta in workbook.sheets_metadata:
            if str(meta.typ).rsplit(".", 1)[-1].lower() not in ("worksheet",):
                continue
            sheet = workbook.get_sheet_by_name(meta.name)
            rows = sheet.to_python(skip_empty_area=False)
            try:
                merges = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
            except Exception:  # not available for every format
                merges = []
            hidden = str(meta.visible).rsplit(".", 1)[-1].lower() != "visible"
            grid = Grid(meta.name, rows, merges, hidden, date1904=date1904)
            extra = extras.get(meta.name)
            if extra is not None:
                grid.hidden_rows, grid.formulas, grid.errors = extra
            _trim_empty_tail(grid)
            sheets.append(grid)
    except WorkbookFileError:
        raise
    except Exception as exc:
        raise WorkbookFileError("file-corrupt", str(path), detail=_short(exc)) from exc
    finally:
        workbook.close()
    return Book(path, kind, sheets)


# The r attributes of <row> and <c> are optional: without them a row follows the one before,
# a cell the cell before. Attribute values may be quoted either way.
_ROW = re.compile(rb"<row\b([^>]*?)(?:/>|>(.*?)</row>)", re.S)
_ROW_R = re.compile(rb"""\br=["'](\d+)["']""")
_ROW_IS_HIDDEN = re.compile(rb"""\bhidden=["'](?:1|true)["']""")
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_ATTR_R = re.compile(rb"""\br=["']\$?([A-Z]{1,3})\$?(\d+)["']""")
_ATTR_T = re.compile(rb"""\bt=["'](\w+)["']""")
_FORMULA = re.compile(rb"<f\b[^>]*?(?:/>|>(.*?)</f>)", re.S)
_VALUE = re.compile(rb"<v>(.*?)</v>", re.S)
_EMPTY_VALUE = re.compile(rb"<v\s*/>|<v>\s*</v>")
_CALC_ON_LOAD = re.compile(rb"<calcPr\b[^>]*\bfullCalcOnLoad=\"(?:1|true)\"")
_DATE_1904 = re.compile(rb"<(?:\w+:)?workbookPr\b[^>]*\bdate1904=\"(?:1|true)\"")

_Extras = tuple[set[int], dict[tuple[int, int], str], dict[tuple[int, int], str]]


def _xlsx_extras(path: Path) -> tuple[dict[str, _Extras], bool]:
    """Hidden rows, uncached formulas and error cells per sheet name, from the raw XML; and
    whether the workbook counts dates from 1904."""
    out: dict[str, _Extras] = {}
    date1904 = False
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            workbook_xml = zf.read("xl/workbook.xml")
            untrusted = bool(_CALC_ON_LOAD.search(workbook_xml))
            date1904 = bool(_DATE_1904.search(workbook_xml))
            targets = _sheet_targets(zf, workbook_xml, names)
            for sheet_name, member in targets.items():
                data = zf.read(member)
                out[sheet_name] = _scan_sheet(data, untrusted)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError, zlib.error):
        return out, date1904
    return out, date1904


def _calc_on_load(path: Path) -> bool:
    """True when the workbook asks to be recalculated on opening (its cached values, if any,
    were not computed by a spreadsheet program: xlsxwriter writes 0, openpyxl nothing)."""
    try:
        with zipfile.ZipFile(path) as zf:
            return bool(_CALC_ON_LOAD.search(zf.read("xl/workbook.xml")))
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError, zlib.error):
        return False


def _trim_empty_tail(grid: Grid) -> None:
    """Drop the rows below the last one holding a value or an error cell.

    Formulas copied far below the table that give an empty text (``=IF(A9="";"";…)``) make
    calamine return every one of those rows; the check is bounded by the last row with a value.
    """
    rows = grid.rows
    error_rows = {r for r, _ in grid.errors}
    end = len(rows)
    while end and end - 1 not in error_rows and all(v == "" or v is None for v in rows[end - 1]):
        end -= 1
    if end < len(rows):
        del rows[end:]


def _sheet_targets(zf: zipfile.ZipFile, workbook_xml: bytes, names: set[str]) -> dict[str, str]:
    rels_xml = zf.read("xl/_rels/workbook.xml.rels") if "xl/_rels/workbook.xml.rels" in names else b""
    rels: dict[str, str] = {}
    for match in re.finditer(rb"<Relationship\b([^>]*)/?>", rels_xml):
        attrs = match.group(1)
        rid = re.search(rb'\bId="([^"]+)"', attrs)
        found = re.search(rb'\bTarget="([^"]+)"', attrs)
        if rid and found:
            rels[rid.group(1).decode()] = found.group(1).decode()
    targets: dict[str, str] = {}
    for match in re.finditer(rb"<(?:\w+:)?sheet\b([^>]*)/?>", workbook_xml):
        attrs = match.group(1)
        name = re.search(rb'\bname="([^"]*)"', attrs)
        rid = re.search(rb'\br:id="([^"]+)"', attrs) or re.search(rb'\b\w+:id="([^"]+)"', attrs)
        if not name or not rid or rid.group(1).decode() not in rels:
            continue
        target = rels[rid.group(1).decode()]
        member = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        member = str(PurePosixPath(member))
        if member in names:
            targets[_xml_text(name.group(1).decode("utf-8"))] = member
    return targets


def _scan_sheet(data: bytes, untrusted_cache: bool) -> _Extras:
    hidden: set[int] = set()
    formulas: dict[tuple[int, int], str] = {}
    errors: dict[tuple[int, int], str] = {}
    want_hidden = b"hidden=" in data
    want_cells = _may_hold_cells(data)
    if not want_hidden and not want_cells:
        return hidden, formulas, errors
    row_number = 0
    for row in _ROW.finditer(data):
        row_attrs, row_body = row.group(1), row.group(2) or b""
        found = _ROW_R.search(row_attrs)
        row_number = int(found.group(1)) if found else row_number + 1
        if want_hidden and _ROW_IS_HIDDEN.search(row_attrs):
            hidden.add(row_number)
        if want_cells and _may_hold_cells(row_body):
            _scan_row(row_body, row_number - 1, untrusted_cache, formulas, errors)
    return hidden, formulas, errors


def _may_hold_cells(data: bytes) -> bool:
    """Whether some cell of ``data`` may be a formula or an error (a cheap test first)."""
    return b"<f" in data or b't="e"' in data or b"t='e'" in data


def _scan_row(data: bytes, row: int, untrusted_cache: bool,
              formulas: dict[tuple[int, int], str], errors: dict[tuple[int, int], str]) -> None:
    col = -1
    for match in _CELL.finditer(data):
        attrs, body = match.group(1), match.group(2) or b""
        ref = _ATTR_R.search(attrs)
        col = _col_index(ref.group(1).decode()) if ref else col + 1
        cell_type = _ATTR_T.search(attrs)
        kind = cell_type.group(1) if cell_type else b"n"
        is_error = kind == b"e"
        if b"<f" not in body and not is_error:
            continue
        key = (int(ref.group(2)) - 1 if ref else row, col)
        value = _VALUE.search(body)
        cached = value.group(1) if value else b""
        if is_error:
            errors[key] = cached.decode("utf-8", "replace") or "#ERROR"
            continue
        formula = _FORMULA.search(body)
        # an empty text result is a value: Excel and LibreOffice write t="str" and <v></v>
        empty_text = kind == b"str" and _EMPTY_VALUE.search(body) is not None
        if formula and ((not cached.strip() and not empty_text) or untrusted_cache):
            text = (formula.group(1) or b"").decode("utf-8", "replace")
            formulas[key] = "=" + _xml_text(text) if text else "=…"


def _xml_text(text: str) -> str:
    """XML attribute or text content with its character references resolved."""
    if "&" not in text:
        return text
    import html

    return html.unescape(text)


def _col_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - 64)
    return index - 1


# --- openpyxl ------------------------------------------------------------------------------


def _load_openpyxl(path: Path) -> Book:
    import warnings

    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    try:
        # from bytes in memory: openpyxl leaves the file open when it fails half-way, and an
        # open handle keeps the officer's file locked on Windows
        data = path.read_bytes()
    except OSError as exc:
        raise WorkbookFileError("file-unreadable", str(path), detail=_short(exc)) from exc
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            values = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
            formulas = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
    except Exception as exc:
        raise WorkbookFileError("file-corrupt", str(path), detail=_short(exc)) from exc
    # openpyxl reads a <calcPr> without the attribute as fullCalcOnLoad=True: ask the XML
    untrusted = _calc_on_load(path)
    date1904 = values.epoch == CALENDAR_MAC_1904
    scanned: dict[str, _Extras] | None = None
    sheets: list[Grid] = []
    for ws in values.worksheets:
        fws = formulas[ws.title]
        max_row, max_col = _used_extent(ws)
        rows: list[list[Any]] = []
        grid = Grid(ws.title, rows, hidden=ws.sheet_state != "visible", date1904=date1904)
        for r, row in enumerate(ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col)):
            out: list[Any] = []
            for c, cell in enumerate(row):
                value = cell.value
                if cell.data_type == "e":
                    grid.errors[(r, c)] = str(value)
                    value = ""
                elif value is None:
                    formula = fws.cell(row=r + 1, column=c + 1).value
                    if isinstance(formula, str) and formula.startswith("="):
                        grid.formulas[(r, c)] = formula
                    value = ""
                elif isinstance(value, datetime):
                    value = value.date() if value.time() == time(0) else value
                elif isinstance(value, int) and not isinstance(value, bool):
                    value = float(value)
                elif isinstance(value, timedelta):
                    value = value
                out.append(value)
            rows.append(out)
        if untrusted:
            for r, row in enumerate(fws.iter_rows(min_row=1, max_row=max_row, max_col=max_col)):
                for c, cell in enumerate(row):
                    if isinstance(cell.value, str) and cell.value.startswith("="):
                        grid.formulas[(r, c)] = cell.value
        elif grid.formulas:
            # openpyxl gives None both for no cached value and for a cached empty text
            if scanned is None:
                scanned = _xlsx_extras(path)[0]
            uncached = scanned.get(ws.title)
            if uncached is not None:
                grid.formulas = {k: v for k, v in grid.formulas.items() if k in uncached[1]}
        grid.merges = [
            (m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1) for m in ws.merged_cells.ranges
        ]
        grid.hidden_rows = {
            idx for idx, dim in ws.row_dimensions.items() if dim.hidden and idx <= max_row
        }
        sheets.append(grid)
    return Book(path, "xlsx", sheets)


def _used_extent(ws: Any) -> tuple[int, int]:
    """Last row and column holding a value (styled empty cells do not count, nor do merges
    reaching past them: calamine's grid ends there too, and a column with nothing in it is not
    a second "Chủ trì" column because its header cell is merged with one)."""
    max_row = max_col = 0
    for (row, col), cell in ws._cells.items():
        if cell.value is not None and cell.value != "":
            max_row = max(max_row, row)
            max_col = max(max_col, col)
    return max_row, max_col


def _short(exc: BaseException) -> str:
    text = str(exc) or exc.__class__.__name__
    return text.splitlines()[0][:200]
