"""A worksheet for long lists: the bytes XlsxWriter would write, with fewer Python calls per cell.

XlsxWriter spends most of a large summary in two per-cell loops: storing each value
(``write_string`` → ``_check_dimensions`` → shared-string index → cell tuple) and, on closing,
serialising each cell (``_write_cell`` builds an attribute list and escapes every attribute). A
30,000-task summary has over half a million cells, so those loops are most of the check's time.

:class:`TableSheet` is an XlsxWriter ``Worksheet`` subclass (XlsxWriter's documented way to
extend a worksheet: ``Workbook.add_worksheet(name, worksheet_class=...)``) that adds one bulk
method, :meth:`TableSheet.put_rows`, and serialises the common cells (a string or a number with
a cell format) in one f-string per cell. Anything else goes through XlsxWriter's own code.

It relies on XlsxWriter internals that have been stable through the 3.x releases (the cell
tuples, ``table``, ``str_table``, ``row_info``, ``_write_rows``). :data:`FAST` is False when
any of them is missing, and then every call takes XlsxWriter's public path; the tests write
summaries both ways and require the same bytes.
"""

from __future__ import annotations

import math
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from xlsxwriter import packager as _packager
from xlsxwriter import workbook as _wb
from xlsxwriter import worksheet as _ws
from xlsxwriter.sharedstrings import SharedStrings
from xlsxwriter.utility import xl_col_to_name, xl_range
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from cchc_sheets.lazyre import lazy
from cchc_sheets.read.deadlines import excel_serial

__all__ = ["FAST", "ZIP_LEVEL", "SummaryWorkbook", "TableSheet"]

_SERIAL_FROM = date(1900, 3, 1)  # from here on, no 1900-leap-year correction is needed
_INFINITIES = (math.inf, -math.inf)
# functions of Excel 2007, which XlsxWriter writes as they are (no "_xlfn." prefix)
_CLASSIC_FUNCTIONS = frozenset({"LEN", "TRIM", "AND", "OR", "NOT", "IF", "ISBLANK", "SUM"})
_FUNCTION_CALL = lazy(r"([A-Za-z_][A-Za-z0-9_.]*)\(")

_RowInfo: Any = getattr(_ws, "RowInfo", None)
_String: Any = getattr(_ws, "CellStringTuple", None)
_Number: Any = getattr(_ws, "CellNumberTuple", None)
_Datetime: Any = getattr(_ws, "CellDatetimeTuple", None)

FAST: bool = (
    None not in (_String, _Number, _Datetime, _RowInfo)
    and all(hasattr(Worksheet, name) for name in (
        "_write_rows", "_calculate_spans", "_write_row", "_write_empty_row", "_write_cell",
        "_check_dimensions", "_write_string", "_write_number", "_write_datetime",
        "_prepare_formula"))
)


class TableSheet(Worksheet):
    """A worksheet with :meth:`put_rows` and a faster serialiser for plain cells."""

    fast: bool = FAST

    def set_heights(self, heights: dict[int, float]) -> None:
        """``set_row(row, height)`` for each row written by :meth:`put_rows` (in one loop)."""
        row_sizes = getattr(self, "row_sizes", None)
        if not self.fast or self.constant_memory or row_sizes is None:
            for row, height in heights.items():
                self.set_row(row, height)
            return
        row_info = self.row_info
        for row, height in heights.items():
            self._check_dimensions(row, self.dim_colmin or 0)
            # what set_row → set_row_pixels store for a height without a format or options
            pixels = int(height * 4.0 / 3.0 + 0.5)
            row_info[row] = _RowInfo(height=pixels, row_format=None, hidden=False, level=0,
                                     collapsed=False)
            row_sizes[row] = [pixels, False]

    def add_table(self, first_row: int, first_col: int, last_row: int, last_col: int,
                  options: dict[str, Any] | None = None) -> Any:
        """XlsxWriter's ``add_table``, without its loop over every cell of the range.

        XlsxWriter records each cell of a table in ``table_cells`` (for its overlap checks):
        half a second for the tables of a 30,000-task summary. A plain table (header row, no
        data, formulas or totals row) that overlaps nothing is made by XlsxWriter on its header
        and first data row, then given its whole range; ``table_cells`` holds the range as a
        rectangle, which later overlap checks see as they would the cells.
        """
        opts = options or {}
        columns = opts.get("columns") or []
        if (not self.fast or self.constant_memory or first_row + 1 >= last_row
                or first_col > last_col or "data" in opts or opts.get("total_row")
                or not opts.get("header_row", True)
                or any(c and c.get("formula") for c in columns)
                or self._check_dimensions(last_row, last_col, True, True)
                or self._overlaps(first_row, first_col, last_row, last_col)):
            return super().add_table(first_row, first_col, last_row, last_col, options)
        cells: Any = vars(self)["table_cells"]  # (mypy cannot type XlsxWriter's attribute)
        if not isinstance(cells, _TableCells):
            cells = _TableCells(cells)
            setattr(self, "table_cells", cells)  # noqa: B010 (as above)
        before = set(cells)
        result = super().add_table(first_row, first_col, first_row + 1, last_col, options)
        if result != 0:
            return result
        for key in set(cells) - before:
            del cells[key]
        cell_range = xl_range(first_row, first_col, last_row, last_col)
        cells.rectangles.append((first_row, first_col, last_row, last_col, cell_range))
        table = self.tables[-1]
        table["range"] = cell_range
        table["a_range"] = cell_range  # (no totals row)
        if "autofilter" in table:
            table["autofilter"] = cell_range
            for col in range(first_col, last_col + 1):
                self.filter_cells[(first_row, col)] = ("table", cell_range)
        return result

    def _overlaps(self, first_row: int, first_col: int, last_row: int, last_col: int) -> bool:
        """Whether the range touches a table, a merged range or a worksheet autofilter."""
        cells: Any = vars(self)["table_cells"]
        rectangles = cells.rectangles if isinstance(cells, _TableCells) else []
        return any(r1 <= last_row and first_row <= r2 and c1 <= last_col and first_col <= c2
                   for r1, c1, r2, c2, _ in rectangles) or any(
            first_row <= row <= last_row and first_col <= col <= last_col
            for row, col in (*cells, *self.merged_cells)) or any(
            row == first_row and first_col <= col <= last_col
            for row, col in self.filter_cells)

    def put_rows(self, first_row: int, rows: Sequence[Sequence[Any]],
                 text_formats: Sequence[Any], number_formats: Sequence[Any]) -> None:
        """Write ``rows`` from ``first_row``, column 0 on, as ``write_string``/``write_number``/
        ``write_datetime`` would one cell at a time.

        Text is always written as text (never a formula or a link), with ``text_formats[col]``;
        numbers and dates with ``number_formats[col]``. ``None`` and ``""`` leave the cell empty.
        """
        if not self.fast or self.constant_memory:
            self._put_rows_one_by_one(first_row, rows, text_formats, number_formats)
            return
        table = self.table
        shared = self.str_table._get_shared_string_index
        half_max = self.xls_strmax // 2
        string_cell, number_cell = _String, _Number
        date_1904 = self.date_1904
        for i, values in enumerate(rows):
            row = first_row + i
            cells = table[row]
            for col, value in enumerate(values):
                kind = value.__class__
                if kind is str:
                    if not value:
                        continue
                    if len(value) > half_max:  # XlsxWriter truncates over-long text
                        self._write_string(row, col, value, text_formats[col])
                    else:
                        cells[col] = string_cell(shared(value), text_formats[col])
                elif kind is int or (kind is float and value == value
                                     and value not in _INFINITIES):
                    cells[col] = number_cell(value, number_formats[col])
                elif kind is date and not date_1904 and value >= _SERIAL_FROM:
                    # the Excel serial number, as write_datetime makes it
                    cells[col] = number_cell(excel_serial(value), number_formats[col])
                elif value is None:
                    continue
                else:
                    self._put_one(row, col, value, text_formats[col], number_formats[col])
        # the dimensions the cell-by-cell writes would have left (a row's cells written before
        # are inside them already, so its first and last cells will do)
        filled = [(row, cells) for row in range(first_row, first_row + len(rows))
                  if (cells := table.get(row))]
        if filled:
            self._check_dimensions(filled[0][0], min(min(cells) for _, cells in filled))
            self._check_dimensions(filled[-1][0], max(max(cells) for _, cells in filled))

    def _put_rows_one_by_one(self, first_row: int, rows: Sequence[Sequence[Any]],
                             text_formats: Sequence[Any], number_formats: Sequence[Any]) -> None:
        for i, values in enumerate(rows):
            for col, value in enumerate(values):
                if value is not None and value != "":
                    self._put_one(first_row + i, col, value, text_formats[col],
                                  number_formats[col])

    def _put_one(self, row: int, col: int, value: Any, text_format: Any,
                 number_format: Any) -> None:
        if isinstance(value, str):
            self.write_string(row, col, value, text_format)
        elif isinstance(value, (datetime, date)):
            self.write_datetime(row, col, value, number_format)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            self.write_number(row, col, value, number_format)
        else:
            self.write_string(row, col, str(value), text_format)

    # ------------------------------------------------------------------ serialising

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        """A conditional format's formula (``LEN(TRIM(A5))=0``, ``"Lỗi"``): XlsxWriter tries
        some 150 function names on each, compiling a regular expression for every one the
        first time (several milliseconds per run); a formula calling only functions as old as
        Excel 2007 needs none of that."""
        if self.fast and "_xlfn." not in formula and "INGLE(" not in formula and all(
                name in _CLASSIC_FUNCTIONS for name in _FUNCTION_CALL.findall(formula)):
            if formula.startswith("{"):
                formula = formula[1:]
            if formula.startswith("="):
                formula = formula[1:]
            if formula.endswith("}"):
                formula = formula[:-1]
            return formula
        return str(super()._prepare_formula(formula, expand_future_functions))

    def _calculate_spans(self) -> None:
        if not self.fast or self.comments:
            super()._calculate_spans()
            return
        low: dict[int, int] = {}
        high: dict[int, int] = {}
        first, last = self.dim_rowmin, self.dim_rowmax
        for row, cells in self.table.items():
            if not cells or row < first or row > last:
                continue
            block = row // 16
            a, b = min(cells), max(cells)
            if block not in low or a < low[block]:
                low[block] = a
            if block not in high or b > high[block]:
                high[block] = b
        self.row_spans = {block: f"{low[block] + 1}:{high[block] + 1}" for block in sorted(low)}

    def _write_rows(self) -> None:
        if not self.fast or self.comments:
            super()._write_rows()
            return
        self._calculate_spans()
        table, row_info, spans = self.table, self.row_info, self.row_spans
        write = self.fh.write
        string_cell, number_cell, datetime_cell = _String, _Number, _Datetime
        names = [xl_col_to_name(col) for col in range(self.dim_colmax + 1)]
        # each format's index, asked once (the formats are numbered before the sheets are
        # written, and a Format is hashed by identity)
        xf_of: dict[Any, int] = {}
        for row in range(self.dim_rowmin, self.dim_rowmax + 1):
            cells = table.get(row)
            info = row_info.get(row)
            span = spans.get(row // 16)
            if not cells:
                if info is not None:
                    self._write_empty_row(row, span, info)
                continue
            self._write_row(row, span, info)
            number = str(row + 1)
            parts = []
            for col in sorted(cells):
                cell = cells[col]
                kind = cell.__class__
                fmt = cell.format
                if fmt is not None:
                    xf = xf_of.get(fmt)
                    if xf is None:
                        xf = xf_of[fmt] = fmt._get_xf_index()
                if fmt is not None and kind is string_cell:
                    parts.append(f'<c r="{names[col]}{number}" s="{xf}" t="s">'
                                 f"<v>{cell.string}</v></c>")
                elif fmt is not None and (kind is number_cell or kind is datetime_cell):
                    parts.append(f'<c r="{names[col]}{number}" s="{xf}">'
                                 f"<v>{cell.number:.16G}</v></c>")
                else:
                    if parts:
                        write("".join(parts))
                        parts = []
                    self._write_cell(row, col, cell)
            parts.append("</row>")
            write("".join(parts))


class _TableCells(dict[tuple[int, int], str]):
    """``Worksheet.table_cells`` (cell → table range) that also holds whole ranges as
    rectangles: ``get`` answers for their cells too (XlsxWriter's overlap checks use ``get``)."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.rectangles: list[tuple[int, int, int, int, str]] = []

    def get(self, key: Any, default: Any = None) -> Any:
        found = super().get(key)
        if found is not None:
            return found
        row, col = key
        for r1, c1, r2, c2, cell_range in self.rectangles:
            if r1 <= row <= r2 and c1 <= col <= c2:
                return cell_range
        return default


# --------------------------------------------------------------------------- the zip package

ZIP_LEVEL = 1
"""Deflate level of the summary package. XlsxWriter leaves zlib's default (6): on a
30,000-task summary that is 0.4 s of compression for a 3.2 MB file, level 1 is 0.1 s for
4.2 MB; on a commune's plan both are a few tens of kilobytes."""


class _LevelZipFile(zipfile.ZipFile):
    """A ZipFile deflating at :data:`ZIP_LEVEL`, also for members given as a ``ZipInfo``."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("compresslevel", ZIP_LEVEL)
        super().__init__(*args, **kwargs)

    def writestr(self, zinfo_or_arcname: Any, data: Any, compress_type: int | None = None,
                 compresslevel: int | None = None) -> None:
        if compresslevel is None:
            compresslevel = self.compresslevel
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)


# a shared string that XlsxWriter would write as it is: no control character or "_xHHHH_" to
# escape, no & < > to escape, no space at either end to preserve, not a rich string ("<r>…")
_NEEDS_CARE = lazy(r"[\x00-\x08\x0b-\x1f&<>\ufffe\uffff]|_x[0-9a-fA-F]{4}_|^\s|\s$")


class _PlainSharedStrings(SharedStrings):
    """XlsxWriter's shared-strings part, writing the plain strings (most of them) in one
    f-string each; the others through XlsxWriter's own escaping."""

    def _write_sst_strings(self) -> None:
        if not TableSheet.fast:
            super()._write_sst_strings()
            return
        write, needs_care = self.fh.write, _NEEDS_CARE.search
        parts: list[str] = []
        for string in self.string_table.string_array:
            if needs_care(string) is None:
                parts.append(f"<si><t>{string}</t></si>")
                continue
            write("".join(parts))
            parts = []
            self._write_si(string)
        write("".join(parts))


@contextmanager
def _swapped(module: Any, name: str, expected: type, replacement: type) -> Iterator[None]:
    # XlsxWriter makes its ZipFile and SharedStrings by the names its modules imported; for
    # the time of one store, a name is our subclass (same output, or only less packed)
    original = getattr(module, name, None)
    if original is not expected:  # an XlsxWriter that does this otherwise: leave it be
        yield
        return
    setattr(module, name, replacement)
    try:
        yield
    finally:
        setattr(module, name, original)


class SummaryWorkbook(Workbook):
    """A Workbook whose worksheets are :class:`TableSheet`, whose shared strings are written in
    bulk, whose package is deflated at :data:`ZIP_LEVEL`, and whose cells are freed as soon as
    it is closed."""

    worksheet_class = TableSheet

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._release()

    def _release(self) -> None:
        # Each XlsxWriter worksheet holds a method of its workbook: a reference cycle that only
        # the cycle collector (paused while a check runs) would free, so the cells of a large
        # summary, some hundred megabytes, would outlive the file they were written to.
        for sheet in self.worksheets():
            vars(sheet).clear()
        self.worksheets().clear()

    def _store_workbook(self) -> None:
        with _swapped(_wb, "ZipFile", zipfile.ZipFile, _LevelZipFile), \
                _swapped(_packager, "SharedStrings", SharedStrings, _PlainSharedStrings):
            super()._store_workbook()
