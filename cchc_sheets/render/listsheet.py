"""Measuring and writing the body of a list, fast, so that the writers read as layout.

A 30,000-task summary has over half a million cells; this module holds every trick that makes
that quick, behind four calls:

* :func:`table_rows` builds the rows column by column (``map`` and ``zip`` loop in C);
* :func:`column_widths` sizes the columns from a sample of rows, skipping text that cannot win;
* :func:`write_body` writes the rows in bulk (:meth:`fastsheet.TableSheet.put_rows`), sets the
  heights of rows with wrapped text in one batch (line counts cached), and draws the borders of
  empty cells with one conditional format;
* :func:`header_height` sets the height of a header row.

Row heights are set from the wrapped lines: LibreOffice does not re-measure rows of an xlsx on
opening (Excel does), and the printout goes through either.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from itertools import repeat
from typing import Any, NamedTuple

__all__ = [
    "CHARS_PER_WIDTH",
    "LINE_HEIGHT",
    "MAX_WIDTH",
    "Shown",
    "column_widths",
    "header_height",
    "line_count",
    "table_rows",
    "write_body",
]

WIDTH_SAMPLE = 400  # rows looked at to size the columns
MAX_WIDTH = 60
LINE_HEIGHT = 15.75  # points per line of Times New Roman 12
CHARS_PER_WIDTH = 1.15  # Vietnamese text: characters per unit of column width (8-pixel digits)
WRAPPED = ("wrap", "count")  # kinds of column whose text wraps


class Shown(NamedTuple):
    """A column as laid out: its header text, kind of value and width limits (characters)."""

    header: str
    kind: str  # text, wrap, id, date, int, pct, points, change, count
    min_width: float
    max_width: float = MAX_WIDTH


def table_rows(getters: Sequence[Callable[[Any, Any], Any] | None], items: Sequence[Any],
               context: Any) -> list[tuple[Any, ...]]:
    """One tuple per item, ``getter(item, context)`` per column; a ``None`` getter numbers the
    rows 1..n."""
    columns = [range(1, len(items) + 1) if get is None
               else list(map(get, items, repeat(context))) for get in getters]
    # column by column (map and zip loop in C): a row is a tuple of its columns
    return list(zip(*columns, strict=True))


def _display_length(value: Any) -> float:
    if value is None:
        return 0
    if isinstance(value, str):
        return max((_visual_length(line) for line in value.split("\n")), default=0)
    if isinstance(value, date):
        return 10
    if isinstance(value, float):
        return len(f"{value:.2f}")
    return len(str(value))


def column_widths(cols: Sequence[Shown], rows: Sequence[Sequence[Any]],
                  budget: float = 0) -> list[float]:
    """Widths from the text of a sample of rows, within each column's limits.

    When the columns together are wider than ``budget`` (characters), the wrapped-text columns
    give up width in proportion to what they have above their minimum, so that the printout,
    fitted to the page width, keeps a readable font: rows grow taller instead.
    """
    sample = rows[:WIDTH_SAMPLE]
    widths = []
    for j, col in enumerate(cols):
        words = col.header.split() or [""]
        # headers wrap (up to three lines) and carry a filter button
        header_need = max(max(len(w) for w in words), math.ceil(len(col.header) / 3)) + 3
        cap = max(col.max_width, col.min_width)
        content = _content_length((row[j] for row in sample), cap)
        width = max(content * 0.95 + 2, header_need, col.min_width)
        widths.append(min(width, cap))
    excess = sum(widths) - budget if budget else 0
    if excess > 0:
        slack = [w - c.min_width if c.kind == "wrap" else 0.0
                 for w, c in zip(widths, cols, strict=True)]
        total = sum(slack)
        if total > 0:
            share = min(excess / total, 1.0)
            widths = [w - s * share for w, s in zip(widths, slack, strict=True)]
    return [round(w, 1) for w in widths]


def _content_length(values: Iterable[Any], cap: float) -> float:
    """The longest display length among ``values``, looked at only as far as it matters: text
    that cannot beat the longest so far is skipped (capitals count at most 1.6), and the search
    stops once the column is as wide as ``cap`` allows."""
    best: float = 0
    for value in values:
        if value.__class__ is str and len(value) * 1.6 <= best:
            continue
        length = _display_length(value)
        if length > best:
            best = length
            if best * 0.95 + 2 >= cap:
                break
    return best


def _visual_length(text: str) -> float:
    """Length in average characters: capitals (HĐND, UBND) count 1.6."""
    return len(text) + 0.6 * sum(map(str.isupper, text))


def line_count(text: str, width: float, factor: float = CHARS_PER_WIDTH) -> int:
    """Lines that ``text`` takes in a wrapped cell ``width`` characters wide (word wrap)."""
    capacity = max(width * factor, 1.0)
    lines = 0
    for para in text.split("\n"):
        if len(para) * 1.5 <= capacity:
            lines += 1
            continue
        words = para.split(" ")
        # (no capital after the first letter: a quick test for most lines)
        if not para[1:].islower() and sum(map(str.isupper, para)) > 1:
            # capitals (HĐND, UBND) are about 1.6 times as wide as the average letter
            sizes: list[float] = [len(w) + 0.6 * sum(map(str.isupper, w)) for w in words]
        else:
            sizes = list(map(len, words))
        count, used = 1, -1.0  # -1: nothing on the line yet
        for size in sizes:
            if used >= 0 and used + 1 + size <= capacity:
                used += 1 + size
                continue
            if used >= 0:
                count += 1
            while size > capacity:  # a word longer than the line is broken
                count += 1
                size -= capacity
            used = size
        lines += count
    return lines


def write_body(ws: Any, first_row: int, kinds: Sequence[str], rows: Sequence[Sequence[Any]],
               widths: Sequence[float], formats: dict[str, tuple[Any, Any]],
               grid: Any) -> None:
    """Write the body of a table (officer text always as text, never a formula or a link);
    rows with wrapped text get their height; empty cells get their borders from ``grid``.

    ``formats`` gives (text format, number format) for each kind of column; ``ws`` is a
    :class:`~cchc_sheets.render.fastsheet.TableSheet`.
    """
    pairs = [formats[kind] for kind in kinds]
    ws.put_rows(first_row, rows, [f[0] for f in pairs], [f[1] for f in pairs])
    # (column, width, the length up to which text surely fits on one line)
    wrapped = [(j, widths[j], widths[j] * CHARS_PER_WIDTH / 1.5)
               for j, kind in enumerate(kinds) if kind in WRAPPED]
    heights: dict[int, float] = {}
    cache: dict[tuple[str, float], int] = {}
    for i, values in enumerate(rows):
        lines = 1
        for j, width, one_line in wrapped:
            value = values[j]
            if value.__class__ is not str or len(value) <= one_line:
                continue  # short text: one line
            key = (value, width)
            count = cache.get(key)
            if count is None:
                count = cache[key] = line_count(value, width)
            lines = max(lines, count)
        if lines > 1:
            heights[first_row + i] = LINE_HEIGHT * lines + 2  # points, Times New Roman 12
    ws.set_heights(heights)
    if rows:
        # borders of the empty cells, in one rule instead of one blank cell each
        ws.conditional_format(first_row, 0, first_row + len(rows) - 1, len(kinds) - 1,
                              {"type": "blanks", "format": grid})


def header_height(ws: Any, row: int, headers: Sequence[str], widths: Sequence[float]) -> None:
    """The height of a header row of wrapped bold text (a little wider than plain)."""
    lines = max(line_count(h, w, CHARS_PER_WIDTH / 1.05)
                for h, w in zip(headers, widths, strict=True))
    ws.set_row(row, LINE_HEIGHT * lines + 3)
