"""A sheet as the reader sees it, and the lines that are no row of its table.

:class:`Sheet` gives a grid's cells with each merged cell's value in the first column of the
merge, on every row it covers; :func:`ends_table`, :func:`is_note` and :func:`may_be_total`
(with :data:`TOTAL_LINE`) tell the signature block, a footnote under the table and a total line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cchc_sheets.lazyre import lazy
from cchc_sheets.read.headers import HEADER_SCAN_ROWS, cell_text
from cchc_sheets.read.sources import Grid
from cchc_sheets.text import _clean_text, clean, fold

# the signature block under the table: lines that begin so ("Chủ tịch UBND xã đối thoại với
# người dân" is a task, and "CHỦ TỊCH UBND XÃ" may head the tasks the chairman leads)
_END_MARKERS = ("noi nhan", "tm uy ban", "tm ubnd", "nguoi lap", "xac nhan cua", "kt chu tich")
# a total line under a frame: "TỔNG CỘNG (A+B)", "Tổng số điểm", "Tổng điểm đạt", "Cộng (I+II)"
TOTAL_LINE = lazy(r"(?:tong cong|tong so diem|tong diem|cong diem)\b.*"
                        r"|(?:tong so|tong|cong|total)(?: (?:diem|chung|toan bo|chi so.*"
                        r"|\d+ nhiem vu.*|(?:[ivx]+|[a-e]|\d+)(?: (?:[ivx]+|[a-e]|\d+))*))?")
NUMBER_TEXT = lazy(r"^[+-]?\d+(?:[.,]\d+)?$")  # a number typed as text: "2", "0,5"


@dataclass
class Sheet:
    """A sheet prepared for reading: the cells as the reader sees them (a merged cell's value in
    the first column of the merge, on every row it covers; nothing in the columns it spans), the
    header fills (across and down, in the rows a header is looked for), and which cells
    continue a merge from the row above."""

    grid: Grid
    cells: list[list[Any]] = field(default_factory=list)
    header_fills: dict[tuple[int, int], Any] = field(default_factory=dict)
    continued: set[tuple[int, int]] = field(default_factory=set)  # covered from the row above

    @classmethod
    def prepare(cls, grid: Grid) -> Sheet:
        rows = grid.rows
        sheet = cls(grid, list(rows))
        cells, fills, continued = sheet.cells, sheet.header_fills, sheet.continued
        patched: set[int] = set()  # rows copied before their merged cells are filled in
        for r1, c1, r2, c2 in grid.merges:
            if r1 >= len(rows) or c1 >= len(rows[r1]):
                continue
            value = rows[r1][c1]
            spanned = range(c1 + 1, c2 + 1)  # the columns right of the first
            for r in range(r1, min(r2, len(rows) - 1) + 1):
                if r not in patched:
                    patched.add(r)
                    cells[r] = list(rows[r])
                line = cells[r]
                if len(line) <= c2:
                    line.extend([""] * (c2 + 1 - len(line)))
                if r <= HEADER_SCAN_ROWS:  # the rows a header is looked for in (and under)
                    for c in range(c1 if r > r1 else c1 + 1, c2 + 1):
                        fills[(r, c)] = value
                if r > r1:
                    line[c1] = value
                    continued.add((r, c1))
                    if c2 > c1:
                        continued.update([(r, c) for c in spanned])
                if c2 > c1:
                    line[c1 + 1:c2 + 1] = [""] * (c2 - c1)
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
        return cell_text(value)


    def texts(self, row: int, cols: tuple[int | None, ...]) -> list[str]:
        """:meth:`text` of several cells of a row at once (one call for a row's fields)."""
        values = self.cells[row]
        width = len(values)
        out = []
        for col in cols:
            if col is None or col >= width:
                out.append("")
                continue
            value = values[col]
            if value.__class__ is str:
                out.append("" if not value else
                           _clean_text(value) if len(value) < 512 else clean(value))
            else:
                out.append(cell_text(value))
        return out


def may_be_total(first_text: str) -> bool:
    """Whether a row's first text may begin a total line: "Tổng…", "Cộng…", "Total…"."""
    head = first_text.lstrip()[:8]
    # most first texts begin otherwise ("Thực hiện…", "Cải thiện…"): two letters tell them
    return head[:1] in "TtCc" and head[1:2] in _FOLDS_TO_O \
        and fold(head).startswith(("tong", "cong", "total"))


# every letter that folds to "o" (o, ô, ơ with any tone, in either case, and other Latin
# o's), as tests/read/test_reader.py works them out from fold
_FOLDS_TO_O = frozenset("OoÒÓÔÕÖòóôõöŌōŎŏŐőƠơǑǒǪǫǬǭȌȍȎȏȪȫȬȭȮȯȰȱṌṍṎṏṐṑṒṓỌọỎỏỐốỒồỔổỖỗỘộỚớỜờỞởỠỡỢợ")


def ends_table(first_text: str) -> bool:
    """The signature block: "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"."""
    # the folded text begins with its first letter or digit and the letter after it. When the
    # first is ASCII it folds to itself in lower case, and the next one folded alone (a few
    # letters: remembered) follows it, so most rows are told by those two (a task's title,
    # "Tổ chức …", folded otherwise for nothing); a mark or a space after it is left to the
    # whole test
    letter = first_text[:1]
    if letter.isascii() and letter.isalnum():
        end = 1  # (most rows begin with their first letter or digit)
    else:
        first = _FIRST_WORD_CHAR.search(first_text, 0, 40)
        if first is None or not (letter := first.group()).isascii():
            return fold(first_text[:40]).startswith(_END_MARKERS)
        end = first.end()
    if letter not in "nNtTxXkK":
        return False
    after = fold(first_text[end:end + 1])[:1]
    if after and letter.lower() + after not in _END_PAIRS:
        return False
    return fold(first_text[:40]).startswith(_END_MARKERS)


_END_PAIRS = frozenset(marker[:2] for marker in _END_MARKERS)
_FIRST_WORD_CHAR = lazy(r"[^\W_]")


def is_note(first_text: str, row: list[Any]) -> bool:
    """A footnote under the table: "Ghi chú: …" alone on its row, in the first columns (often
    merged across); not a note in a "Ghi chú" column or a task's cell."""
    if first_text.lstrip()[:1] not in "GgLlCc" or \
            not fold(first_text[:12]).startswith(("ghi chu", "luu y", "chu thich")):
        return False
    filled = [c for c, v in enumerate(row) if v not in ("", None)]
    return len(filled) == 1 and filled[0] <= 1
