"""Values far from the table in an OpenDocument spreadsheet, found before calamine reads it.

A value typed at XFD60000 gives a sheet a used range of a billion cells; calamine refuses such a
sheet. :func:`ods_patches` walks ``content.xml`` (rows and cells, with their
``number-…-repeated`` attributes), chooses the cells to leave out as for .xlsx
(:func:`cchc_sheets.read.sources.far_cells`) and replaces each by an empty cell of the same width,
so that the plan still reads and a warning names the first cell left out.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_sheets.lazyre import lazy
from cchc_sheets.read.odsxml import COLUMNS_REPEATED, ods_cells

if TYPE_CHECKING:
    from cchc_sheets.read.sources import _SheetPatch

__all__ = ["ods_patches"]

# where a cell's content ends: its closing tag, or the next cell or row (an unclosed cell)
_CELL_END = lazy(rb"</table:(?:covered-)?table-cell>|<table:(?:covered-)?table-cell\b"
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
    for name, row, col, width, match in ods_cells(data):
        if b"value-type=" not in match.group(5):
            continue
        end = match.end()
        if not match.group(6):
            closing = _CELL_END.search(data, end)
            if closing is not None and closing.group(0).startswith(b"</table:"):
                end = closing.end()
            elif closing is not None:
                end = closing.start()
        sheets.setdefault(name, []).append((row, col + width - 1, match.start(), end))
    patches: list[_SheetPatch] = []
    for name, found_cells in sheets.items():
        last_row = max(cell[0] for cell in found_cells)
        last_col = max(cell[1] for cell in found_cells)
        if (last_row + 1) * (last_col + 1) <= MAX_CELLS:
            continue
        stray, note = far_cells(found_cells)
        spans = []
        for _, _, start, end in stray:
            found = COLUMNS_REPEATED.search(data, start, data.index(b">", start))
            attribute = found.group(0) if found else b""
            spans.append((start, end, b"<table:table-cell " + attribute + b"/>"))
        patches.append(_SheetPatch(name, "content.xml", data, sorted(spans), [note]))
    return patches
