"""Values far from the table in an OpenDocument spreadsheet, found before calamine reads it.

A value typed at XFD60000 gives a sheet a used range of a billion cells; calamine refuses such a
sheet. :func:`ods_patches` walks ``content.xml`` (rows and cells, with their
``number-…-repeated`` attributes), chooses the cells to leave out as for .xlsx
(:func:`cchc_sheets.read.sources.far_cells`) and replaces each by an empty cell of the same width,
so that the plan still reads and a warning names the first cell left out.
"""

from __future__ import annotations

import html
import re
import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cchc_sheets.read.sources import _SheetPatch

__all__ = ["ods_patches"]

_TOKEN = re.compile(
    rb"<table:table(?=[\s/>])([^<>]*?)(/?)>"
    rb"|<table:table-row(?=[\s/>])([^<>]*?)(/?)>"
    rb"|<table:(?:covered-)?table-cell(?=[\s/>])([^<>]*?)(/?)>"
)
_NAME = re.compile(rb'table:name="([^"]*)"')
_ROWS = re.compile(rb'table:number-rows-repeated="(\d+)"')
_COLUMNS = re.compile(rb'table:number-columns-repeated="(\d+)"')
# where a cell's content ends: its closing tag, or the next cell or row (an unclosed cell)
_CELL_END = re.compile(rb"</table:(?:covered-)?table-cell>|<table:(?:covered-)?table-cell\b"
                       rb"|</?table:table-row\b")


def ods_patches(path: Path) -> list[_SheetPatch]:
    """The far-off value cells of each sheet, as patches for ``content.xml``."""
    from cchc_sheets.read.sources import MAX_CELLS, _SheetPatch, far_cells  # noqa: F811

    try:
        with zipfile.ZipFile(path) as zf:
            data = zf.read("content.xml")
    except (OSError, KeyError, zipfile.BadZipFile, ValueError, RuntimeError, EOFError, zlib.error):
        return []
    sheets: dict[str, list[tuple[int, int, int, int]]] = {}
    cells: list[tuple[int, int, int, int]] | None = None
    row, col, next_row = -1, 0, 0
    for match in _TOKEN.finditer(data):
        table, row_attrs, cell_attrs = match.group(1), match.group(3), match.group(5)
        if table is not None:
            found = _NAME.search(table)
            name = html.unescape(found.group(1).decode("utf-8", "replace")) if found else ""
            cells = sheets.setdefault(name, [])
            row, col, next_row = -1, 0, 0
        elif row_attrs is not None:
            repeated = _ROWS.search(row_attrs)
            row, col = next_row, 0
            next_row = row + (int(repeated.group(1)) if repeated else 1)
        elif cell_attrs is not None:
            repeated = _COLUMNS.search(cell_attrs)
            width = int(repeated.group(1)) if repeated else 1
            if cells is not None and row >= 0 and b"value-type=" in cell_attrs:
                end = match.end()
                if not match.group(6):
                    closing = _CELL_END.search(data, end)
                    if closing is not None and closing.group(0).startswith(b"</table:"):
                        end = closing.end()
                    elif closing is not None:
                        end = closing.start()
                cells.append((row, col + width - 1, match.start(), end))
            col += width
    patches: list[_SheetPatch] = []
    for name, found_cells in sheets.items():
        if not found_cells:
            continue
        last_row = max(cell[0] for cell in found_cells)
        last_col = max(cell[1] for cell in found_cells)
        if (last_row + 1) * (last_col + 1) <= MAX_CELLS:
            continue
        stray, note = far_cells(found_cells)
        spans = []
        for _, _, start, end in stray:
            found = _COLUMNS.search(data, start, data.index(b">", start))
            attribute = found.group(0) if found else b""
            spans.append((start, end, b"<table:table-cell " + attribute + b"/>"))
        patches.append(_SheetPatch(name, "content.xml", data, sorted(spans), [note]))
    return patches
