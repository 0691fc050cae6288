"""The cells of an OpenDocument spreadsheet's ``content.xml``, walked once, without a parser.

Used where calamine says too little (error cells) or would read too much (values far from the
table): a linear scan of the tags, each cell placed by its row and column, with repeated rows
and columns counted.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from cchc_sheets.lazyre import lazy

__all__ = ["COLUMNS_REPEATED", "OdsCell", "ods_cells"]

_TOKEN = lazy(
    rb"<table:table(?=[\s/>])([^<>]*?)(/?)>"
    rb"|<table:table-row(?=[\s/>])([^<>]*?)(/?)>"
    rb"|<table:(?:covered-)?table-cell(?=[\s/>])([^<>]*?)(/?)>"
)
_NAME = lazy(rb'table:name="([^"]*)"')
_ROWS_REPEATED = lazy(rb'table:number-rows-repeated="(\d+)"')
COLUMNS_REPEATED = lazy(rb'table:number-columns-repeated="(\d+)"')

# a cell's sheet name, row, first column, how many columns it repeats over, and its tag's match
# (group 5: the tag's attributes; group 6: "/" when the tag closes itself)
OdsCell = tuple[str, int, int, int, re.Match[bytes]]


def ods_cells(data: bytes) -> Iterator[OdsCell]:
    """Every cell tag of ``content.xml`` inside a row of a sheet, in document order."""
    name: str | None = None
    row, col, next_row = -1, 0, 0
    for match in _TOKEN.finditer(data):
        table, row_attrs, cell_attrs = match.group(1), match.group(3), match.group(5)
        if table is not None:
            found = _NAME.search(table)
            name = html.unescape(found.group(1).decode("utf-8", "replace")) if found else ""
            row, col, next_row = -1, 0, 0
        elif row_attrs is not None:
            repeated = _ROWS_REPEATED.search(row_attrs)
            row, col = next_row, 0
            next_row = row + (int(repeated.group(1)) if repeated else 1)
        elif cell_attrs is not None:
            repeated = COLUMNS_REPEATED.search(cell_attrs)
            count = int(repeated.group(1)) if repeated else 1
            if name is not None and row >= 0:
                yield name, row, col, count, match
            col += count
