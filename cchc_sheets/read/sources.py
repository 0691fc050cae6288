"""Workbook files as grids of values, whatever program saved them.

Two engines give the same :class:`Grid`: python-calamine (the default: fast, reads .xlsx, .xlsm,
.xls and .ods, gives merged ranges) and openpyxl (kept as a second path; the tests require both to
agree). For .xlsx files a light scan of the sheet XML adds what calamine does not say: formula
cells without a cached value, error cells (#REF!, #N/A…) and hidden rows.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import struct
import sys
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from pathlib import Path, PurePosixPath
from typing import Any, NamedTuple

from cchc_sheets.errors import Words, WorkbookFileError
from cchc_sheets.lazyre import lazy
from cchc_sheets.read.preflight import Package, sniffed
from cchc_sheets.read.preflight import sniff as sniff  # still read as sources.sniff
from cchc_sheets.text import number

Merge = tuple[int, int, int, int]  # first row, first col, last row, last col (0-based, inclusive)


class Note(NamedTuple):
    """Something about a cell that the reader reports as a problem (0-based row and column):
    ``stray-cells`` (values far from the table left out), ``bad-shared-string``, ``error-cell``
    found outside the .xlsx scan."""

    code: str
    row: int
    col: int
    args: dict[str, Any]


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
    notes: list[Note] = field(default_factory=list)  # cells left out, unreadable values


@dataclass
class Book:
    path: Path
    kind: str  # "xlsx", "xls" or "ods"
    sheets: list[Grid]


def load_book(path: Path, engine: str = "calamine") -> Book:
    """Read every sheet of a workbook. Raises :class:`WorkbookFileError` when it cannot."""
    path = Path(path)
    scan: _Scan | None = None
    with sniffed(path, _SCANNED_PARTS) as (kind, package):
        if engine == "openpyxl":
            if kind != "xlsx":
                raise WorkbookFileError("unsupported-format", str(path))
        elif package is not None:  # the pre-scan bounds what calamine allocates
            scan = _xlsx_extras(path, package=package)
    if engine == "openpyxl":
        return _load_openpyxl(path)
    return _load_calamine(path, kind, scan)


# --- python-calamine -----------------------------------------------------------------------


def _load_calamine(path: Path, kind: str, scan: _Scan | None = None) -> Book:
    if kind == "xlsx":  # the pre-scan bounds what calamine allocates
        return _load_calamine_here(path, kind, scan)
    # .xls and .ods: damaged records can make calamine ask for gigabytes and abort the process;
    # it reads them in a child process under a memory limit (where the platform allows one)
    from cchc_sheets.read.isolate import run_isolated

    return run_isolated(_load_calamine_here, path, kind)


def _load_calamine_here(path: Path, kind: str, scan: _Scan | None = None) -> Book:
    import python_calamine as pc

    patches: list[_SheetPatch] = []
    if kind == "xlsx":
        extras, date1904, patches = scan if scan is not None else _xlsx_extras(path)
    else:
        extras, date1904 = {}, False
    try:
        with _rust_quiet():
            return _read_calamine(pc, path, kind, extras, date1904, patches)
    except WorkbookFileError as exc:
        detail = str(exc.args_.get("detail", ""))
        if kind == "xlsx" and "string index" in detail:
            # a shared-string index out of range: look at every cell, leave the bad ones out
            extras, date1904, patches = _xlsx_extras(path, careful=True)
        elif kind == "ods" and "cell limit" in detail.lower():
            # calamine refuses a used range over its limit: leave the far-off values out
            from cchc_sheets.read.odsbounds import ods_patches

            patches = ods_patches(path)
            if not patches:
                raise
        else:
            raise
    with _rust_quiet():
        return _read_calamine(pc, path, kind, extras, date1904, patches)


@contextlib.contextmanager
def _rust_quiet() -> Iterator[None]:
    """Standard error closed to calamine: a Rust panic prints its message and, with
    RUST_BACKTRACE set, a whole backtrace there before it becomes an exception (which is
    reported in the officer's words)."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError, AttributeError):
        yield
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 2)
        os.close(null)
    except OSError:
        os.close(saved)
        yield
        return
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _read_calamine(pc: Any, path: Path, kind: str, extras: dict[str, _Extras], date1904: bool,
                   patches: list[_SheetPatch]) -> Book:
    notes: dict[str, list[Note]] = {}
    for patch in patches:
        notes.setdefault(patch.sheet, []).extend(patch.notes)
    plain = _unlocked(path) if kind == "xls" else None
    if kind != "xlsx":
        from cchc_sheets.read.cellerrors import cell_errors

        error_cells = cell_errors(path, kind, plain)
    try:
        if patches:
            workbook = pc.CalamineWorkbook.from_filelike(io.BytesIO(_patched(path, patches)))
        elif plain is not None:
            workbook = pc.CalamineWorkbook.from_filelike(io.BytesIO(plain))
        elif _utf8_name(path):
            workbook = pc.CalamineWorkbook.from_path(str(path))
        else:  # calamine takes a path as UTF-8 text: give it the bytes instead
            workbook = pc.CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    except pc.PasswordError as exc:
        raise WorkbookFileError("file-encrypted", str(path)) from exc
    except BaseException as exc:  # calamine raises several types for damaged files, or panics
        raise _calamine_failure(path, exc) from exc
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
            elif kind != "xlsx":
                grid.errors = error_cells.get(meta.name, {})
            grid.notes = list(notes.get(meta.name, []))
            _trim_empty_tail(grid)
            sheets.append(grid)
    except WorkbookFileError:
        raise
    except BaseException as exc:
        raise _calamine_failure(path, exc) from exc
    finally:
        workbook.close()
    return Book(path, kind, sheets)


def _unlocked(path: Path) -> bytes | None:
    """An .xls saved with its structure protected (encrypted with Excel's fixed password),
    decrypted; None for any other file."""
    try:
        with open(path, "rb") as f:
            head = f.read(8)
    except OSError:
        return None
    from cchc_sheets.read.preflight import OLE_MAGIC, workbook_stream

    if head != OLE_MAGIC:
        return None
    stream = workbook_stream(path)
    if stream is None or len(stream) < 8:
        return None
    after_bof = 4 + struct.unpack_from("<H", stream, 2)[0]
    if len(stream) < after_bof + 2 or struct.unpack_from("<H", stream, after_bof)[0] != 0x002F:
        return None
    from cchc_sheets.read.xlsprotect import open_protected

    return open_protected(path)


def _utf8_name(path: Path) -> bool:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:  # a name in a legacy encoding, kept as surrogate escapes
        return False
    return True


def _calamine_failure(path: Path, exc: BaseException) -> BaseException:
    """Our error for what calamine raised: its own errors, and a Rust panic (pyo3's
    PanicException is a BaseException); an interrupt or exit is passed on as it is."""
    if isinstance(exc, (KeyboardInterrupt, SystemExit, GeneratorExit)):
        return exc
    if isinstance(exc, MemoryError):
        return WorkbookFileError("file-corrupt", str(path),
                                 detail=Words("cần quá nhiều bộ nhớ để đọc",
                                              "it asks for too much memory to read"))
    return WorkbookFileError("file-corrupt", str(path), detail=_short(exc))


def _patched(path: Path, patches: list[_SheetPatch]) -> bytes:
    """The workbook, in memory, with the cells of ``patches`` replaced in their parts."""
    by_member: dict[str, list[_SheetPatch]] = {}
    for patch in patches:
        by_member.setdefault(patch.member, []).append(patch)
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as out:
        for info in source.infolist():
            found = by_member.get(info.filename)
            if not found:
                out.writestr(info.filename, source.read(info))
                continue
            data = found[0].data
            spans = sorted(span for patch in found for span in patch.spans)
            pieces: list[bytes] = []
            at = 0
            for start, end, replacement in spans:
                if start < at:
                    continue
                pieces += [data[at:start], replacement]
                at = end
            pieces.append(data[at:])
            out.writestr(info.filename, b"".join(pieces))
    return buffer.getvalue()


# The r attributes of <row> and <c> are optional: without them a row follows the one before,
# a cell the cell before. Attribute values may be quoted either way. Rows and cells are found
# by their tags alone (an attribute never holds "<"), and an element's body ends at the next
# tag of its kind: linear in the size of the XML however many tags are left unclosed.
_ROW_TAG = lazy(rb"<row\b([^<>]*?)(/?)>|</row>")
_ROW_R = lazy(rb"""\br=["'](\d+)["']""")
_ROW_IS_HIDDEN = lazy(rb"""\bhidden=["'](?:1|true)["']""")
_CELL_TAG = lazy(rb"<c\b([^<>]*?)(/?)>|</c>")
_ROW_OR_CELL = lazy(rb"<(?:row|c)\b([^<>]*?)(/?)>|</(?:row|c)>")
_ATTR_R = lazy(rb"""\br=["']\$?([A-Z]{1,3})\$?(\d+)["']""")
_ATTR_T = lazy(rb"""\bt=["'](\w+)["']""")
_FORMULA = lazy(rb"<f\b[^<>]*?(?:/>|>([^<]*)</f>)")
_VALUE = lazy(rb"<v>([^<]*)</v>")
_EMPTY_VALUE = lazy(rb"<v\s*/>|<v>\s*</v>")
_CALC_ON_LOAD = lazy(rb"<calcPr\b[^>]*\bfullCalcOnLoad=\"(?:1|true)\"")
_DATE_1904 = lazy(rb"<(?:\w+:)?workbookPr\b[^>]*\bdate1904=\"(?:1|true)\"")
# Cells that need the careful scan: no r attribute, or one past column Z or row 99,999 (the
# used range could be large), or a shared-string cell whose index is not a plain number. The
# tests are written for speed on what Excel, LibreOffice, openpyxl and XlsxWriter write
# (``<c r="A1" s="1" t="s"><v>0</v></c>``): two regexes over the sheet. At every "<c" one
# lookahead, the "<c" of <col> and <cols> failing at once; the digits are taken possessively
# where re can (Python 3.11: the same matches, as no digit can be what follows them, without
# the state kept to give some back).
_ONCE = b"+" if sys.version_info >= (3, 11) else b""
_ODD_CELL = lazy(rb"""<c(?! r="[A-Z][0-9]{1,5}""" + _ONCE + rb"""")[ >/\t\n\r]""")
_ODD_SHARED = lazy(rb"""t="s"><v>(?![0-9]{1,9}""" + _ONCE + rb"""</v>)""")
_ANY_SHARED = lazy(rb"""t=["']s["'][^<>]*>\s*<v>(?!\d{1,9}</v>)""")


def _needs_bounds(data: bytes) -> bool:
    """Whether a sheet's XML needs the careful look at every cell (:func:`_bounds`)."""
    if _ODD_CELL.search(data):
        return True
    if _ODD_SHARED.search(data):
        return True
    # a byte is found ten times faster than a pair: most sheets have no "'" at all
    return b"'" in data and b"t='s'" in data and _ANY_SHARED.search(data) is not None

#: The most cells (rows × columns from A1 to the last value) read from one sheet: 5 million,
#: over ten times a plan of 30,000 tasks. Beyond it, values far from the table are not read
#: (a warning names the first), then rows at the bottom.
MAX_CELLS = 5_000_000
#: Columns or rows of nothing that separate a stray value from the table.
_GAP_COLUMNS = 26
_GAP_ROWS = 1000

_Extras = tuple[set[int], dict[tuple[int, int], str], dict[tuple[int, int], str]]
# the pre-scan of an .xlsx: extras by sheet name, the 1904 date system, the patches
_Scan = tuple[dict[str, "_Extras"], bool, list["_SheetPatch"]]
# parts the pre-scan reads that sniff's zip check has often read whole already
_SCANNED_PARTS = ("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml")


@dataclass
class _SheetPatch:
    """Cells of one sheet to replace (by nothing, or an empty cell) in the part ``member``
    before calamine reads it, and why."""

    sheet: str
    member: str
    data: bytes
    spans: list[tuple[int, int, bytes]]
    notes: list[Note]


def _elements(data: bytes, tags: re.Pattern[bytes], pos: int = 0, endpos: int | None = None
              ) -> Iterator[tuple[bytes, int, int, int, int]]:
    """(attributes, body start, body end, element start, element end) of each element that
    ``tags`` finds in ``data[pos:endpos]``, in one pass."""
    endpos = len(data) if endpos is None else endpos
    pending: tuple[bytes, int, int] | None = None
    for match in tags.finditer(data, pos, endpos):
        closing = match.group(0)[1:2] == b"/"
        if pending is not None:
            attrs, start, body = pending
            # its own closing tag ends an element; any other tag ends it where that tag begins
            own = closing and data[start + 1:body].startswith(match.group(0)[2:-1])
            yield attrs, body, match.start(), start, match.end() if own else match.start()
            pending = None
        if closing:
            continue
        if match.group(2):
            yield match.group(1), match.end(), match.end(), match.start(), match.end()
        else:
            pending = (match.group(1), match.start(), match.end())
    if pending is not None:
        attrs, start, body = pending
        yield attrs, body, endpos, start, endpos


def _xlsx_extras(path: Path, careful: bool = False, package: Package | None = None) -> _Scan:
    """Hidden rows, uncached formulas and error cells per sheet name, from the raw XML; whether
    the workbook counts dates from 1904; and the cells to remove before calamine reads a sheet
    (a stray value far from the table, a bad shared-string index). ``careful`` looks at every
    cell (after calamine refused a shared-string index). ``package``: the zip as sniff left it
    open (else the file is opened here)."""
    out: dict[str, _Extras] = {}
    patches: list[_SheetPatch] = []
    date1904 = False
    try:
        with contextlib.ExitStack() as stack:
            if package is None:
                package = Package(stack.enter_context(zipfile.ZipFile(path)), {})
            zf = package.zf
            names = set(zf.namelist())
            workbook_xml = package.read("xl/workbook.xml")
            untrusted = bool(_CALC_ON_LOAD.search(workbook_xml))
            date1904 = bool(_DATE_1904.search(workbook_xml))
            targets = _sheet_targets(package, workbook_xml, names)
            strings: int | None = None
            counts = _shared_strings_counts(package, names)
            if counts is not None:
                patches.append(counts)
            for sheet_name, member in targets.items():
                data = zf.read(member)
                out[sheet_name] = _scan_sheet(data, untrusted)
                if careful or _needs_bounds(data):
                    if strings is None:
                        strings = _shared_string_count(zf, names)
                    patch = _bounds(sheet_name, member, data, strings)
                    if patch is not None:
                        patches.append(patch)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, RuntimeError, EOFError, zlib.error):
        return out, date1904, patches
    return out, date1904, patches


_SST_TAG = lazy(rb"<(?:\w+:)?sst\b[^<>]*>")
_SST_COUNT = lazy(rb"""\b(?:count|uniqueCount)=["'](\d+)["']""")


def _shared_strings_counts(package: Package, names: set[str]) -> _SheetPatch | None:
    """The shared-strings part with its declared counts made true, when they claim more
    strings than the part could hold (calamine reserves room for the declared count: two
    changed bytes made it ask for gigabytes and abort the process)."""
    member = "xl/sharedStrings.xml"
    if member not in names:
        return None
    zf = package.zf
    info = zf.getinfo(member)
    size = info.file_size
    head = package.heads.get(info)  # sniff read these first bytes already
    if head is None:
        with zf.open(member) as part:
            head = part.read(4096)
    tag = _SST_TAG.search(head[:4096])
    if tag is None:
        return None
    counts = [int(found.group(1)) for found in _SST_COUNT.finditer(tag.group(0))]
    if all(count <= size // 5 + 1 for count in counts):  # "<si/>": 5 bytes a string at least
        return None
    data = zf.read(member)
    true_count = str(_shared_string_count(zf, names)).encode()
    fixed = _SST_COUNT.sub(lambda m: m.group(0).replace(m.group(1), true_count), tag.group(0))
    return _SheetPatch("", member, data, [(tag.start(), tag.end(), fixed)], [])


def _shared_string_count(zf: zipfile.ZipFile, names: set[str]) -> int:
    if "xl/sharedStrings.xml" not in names:
        return 0
    data = zf.read("xl/sharedStrings.xml")
    return data.count(b"<si>") + data.count(b"<si ") + data.count(b"<si/>")


def _bounds(sheet: str, member: str, data: bytes, strings: int) -> _SheetPatch | None:
    """Every cell of one sheet, placed as calamine places it: the cells to remove so that the
    used range stays under :data:`MAX_CELLS` and no shared-string index is out of range."""
    cells: list[tuple[int, int, int, int]] = []  # row, col, start, end of cells with a value
    bad_strings: list[tuple[int, int, int, int]] = []
    row, col = -1, -1
    # one pass over row and cell tags: a cell is placed even outside any <row>
    for attrs, inner, inner_end, start, end in _elements(data, _ROW_OR_CELL):
        if data[start + 1:start + 4] == b"row":
            found = _ROW_R.search(attrs)
            row = int(found.group(1)) - 1 if found else row + 1
            col = -1
            continue
        ref = _ATTR_R.search(attrs)
        col = _col_index(ref.group(1).decode()) if ref else col + 1
        at_row = int(ref.group(2)) - 1 if ref else row
        cell_body = data[inner:inner_end]
        if b"<v" not in cell_body and b"<is" not in cell_body:
            continue
        place = (at_row, col, start, end)
        kind = _ATTR_T.search(attrs)
        if kind is not None and kind.group(1) == b"s":
            value = _VALUE.search(cell_body)
            text = value.group(1).strip() if value else b""
            if not text.isdigit() or int(text) >= strings:
                bad_strings.append(place)
                continue
        cells.append(place)
    if not cells and not bad_strings:
        return None
    notes: list[Note] = [Note("bad-shared-string", r, c, {}) for r, c, _, _ in bad_strings]
    drop = list(bad_strings)
    last_row = max((r for r, _, _, _ in cells), default=-1)
    last_col = max((c for _, c, _, _ in cells), default=-1)
    if (last_row + 1) * (last_col + 1) > MAX_CELLS:
        stray, note = far_cells(cells)
        notes.append(note)
        drop.extend(stray)
    if not drop:
        return None
    spans = sorted((start, end, b"") for _, _, start, end in drop)
    return _SheetPatch(sheet, member, data, spans, notes)


def far_cells(cells: list[tuple[int, int, int, int]]
              ) -> tuple[list[tuple[int, int, int, int]], Note]:
    """The cells (row, col, …) to leave out of a used range over :data:`MAX_CELLS`: those past
    the first wide gap of empty rows or columns, then rows at the bottom; and the warning."""
    keep_rows = _before_gap(sorted({cell[0] for cell in cells}), _GAP_ROWS)
    keep_cols = _before_gap(sorted({cell[1] for cell in cells}), _GAP_COLUMNS)
    keep_rows = min(keep_rows, MAX_CELLS // (keep_cols + 1) - 1)
    stray = sorted(cell for cell in cells if cell[0] > keep_rows or cell[1] > keep_cols)
    limit = Words(number(MAX_CELLS, "vi", 0), number(MAX_CELLS, "en", 0))
    return stray, Note("stray-cells", stray[0][0], stray[0][1],
                       {"count": len(stray), "limit": limit})


def _before_gap(values: list[int], gap: int) -> int:
    """The last of the sorted ``values`` before the first gap wider than ``gap``."""
    last = values[0]
    for value in values[1:]:
        if value - last > gap:
            break
        last = value
    return last


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


def _sheet_targets(package: Package, workbook_xml: bytes, names: set[str]) -> dict[str, str]:
    part = "xl/_rels/workbook.xml.rels"
    rels_xml = package.read(part) if part in names else b""
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
    if b"hidden=" in data:
        row_number = 0
        for match in _ROW_TAG.finditer(data):
            attrs = match.group(1)
            if attrs is None:  # </row>
                continue
            found = _ROW_R.search(attrs)
            row_number = int(found.group(1)) if found else row_number + 1
            if _ROW_IS_HIDDEN.search(attrs):
                hidden.add(row_number)
    if _may_hold_cells(data) and not _scan_marked_cells(data, untrusted_cache, formulas, errors):
        formulas.clear()
        errors.clear()
        row_number = 0
        for row_attrs, body, body_end, _, _ in _elements(data, _ROW_TAG):
            found = _ROW_R.search(row_attrs)
            row_number = int(found.group(1)) if found else row_number + 1
            if _may_hold_cells(data[body:body_end]):
                _scan_row(data, body, body_end, row_number - 1, untrusted_cache, formulas, errors)
    return hidden, formulas, errors


_MARKED = lazy(rb"""<f\b|\bt=["']e["']""")
_CELL_OPEN = lazy(rb"<c(?=[\s>/])([^<>]*)>")
_CELL_BOUNDARY = lazy(rb"</c>|<c\b|</?row\b|</sheetData>")


def _scan_marked_cells(data: bytes, untrusted_cache: bool, formulas: dict[tuple[int, int], str],
                       errors: dict[tuple[int, int], str]) -> bool:
    """The formula and error cells, found from their marks (a normal sheet has few): False
    when one has no ``r`` attribute (its place needs the walk over every row)."""
    done = 0  # nothing before this offset starts a cell still to look at
    for mark in _MARKED.finditer(data):
        if mark.start() < done:
            continue
        start = data.rfind(b"<c", done, mark.start() + 1)
        tag = _CELL_OPEN.match(data, start) if start >= 0 else None
        if tag is None or tag.end() <= mark.start() and mark.group(0) != b"<f":
            done = mark.start() + 1
            continue
        tag_end = tag.end() - 1
        attrs = tag.group(1)
        boundary = _CELL_BOUNDARY.search(data, tag_end + 1)
        end = boundary.start() if boundary else len(data)
        done = max(end, mark.end())
        if attrs.endswith(b"/"):
            body = b""
        else:
            body = data[tag_end + 1:end]
        if not _ATTR_R.search(attrs):
            return False
        _scan_cell(attrs, body, 0, 0, untrusted_cache, formulas, errors)
    return True


def _may_hold_cells(data: bytes) -> bool:
    """Whether some cell of ``data`` may be a formula or an error (a cheap test first)."""
    return b"<f" in data or b't="e"' in data or (b"'" in data and b"t='e'" in data)


def _scan_row(data: bytes, pos: int, endpos: int, row: int, untrusted_cache: bool,
              formulas: dict[tuple[int, int], str], errors: dict[tuple[int, int], str]) -> None:
    col = -1
    for attrs, inner, inner_end, _, _ in _elements(data, _CELL_TAG, pos, endpos):
        col = _scan_cell(attrs, data[inner:inner_end], row, col + 1, untrusted_cache, formulas,
                         errors)


def _scan_cell(attrs: bytes, body: bytes, row: int, col: int, untrusted_cache: bool,
               formulas: dict[tuple[int, int], str], errors: dict[tuple[int, int], str]) -> int:
    """Note one cell if it is an error or a formula without a trusted cached value; its column.
    ``row`` and ``col`` place a cell without an ``r`` attribute."""
    ref = _ATTR_R.search(attrs)
    if ref:
        col = _col_index(ref.group(1).decode())
        row = int(ref.group(2)) - 1
    cell_type = _ATTR_T.search(attrs)
    kind = cell_type.group(1) if cell_type else b"n"
    is_error = kind == b"e"
    if b"<f" not in body and not is_error:
        return col
    key = (row, col)
    value = _VALUE.search(body)
    cached = value.group(1) if value else b""
    if is_error:
        errors[key] = cached.decode("utf-8", "replace") or "#ERROR"
        return col
    formula = _FORMULA.search(body)
    # an empty text result is a value: Excel and LibreOffice write t="str" and <v></v>
    empty_text = kind == b"str" and _EMPTY_VALUE.search(body) is not None
    if formula and ((not cached.strip() and not empty_text) or untrusted_cache):
        text = (formula.group(1) or b"").decode("utf-8", "replace")
        formulas[key] = "=" + _xml_text(text) if text else "=…"
    return col


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
