"""The tables of a Word document (.docx) as grids, and the paragraphs between them.

Each table becomes a :class:`WordTable`: ``rows[r][c]`` holds a cell's text in the first row
and column it covers (as a workbook keeps a merged cell's value), ``merges`` says which cells a
horizontal (``gridSpan``) or vertical (``vMerge``) merge covers, exactly like a sheet's merged
ranges, so the plan reader fills them as it fills a workbook's. A cell's paragraphs and its
line breaks become new lines. Nothing is written to the document.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc_sheets.read.sources import Merge
from cchc_sheets.text import clean

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _SDT = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}sdt"
_T, _BR, _CR, _TAB = f"{_W}t", f"{_W}br", f"{_W}cr", f"{_W}tab"
_HYPHEN = f"{_W}noBreakHyphen"
_TEXT_TAGS = {_T, _BR, _CR, _TAB, _HYPHEN}
_VAL = f"{_W}val"
MAX_COLUMNS = 63  # Word's own limit: a larger span or grid is a damaged or hostile file


@dataclass
class WordTable:
    """One table of the document, numbered from 1 in the order it appears."""

    number: int
    rows: list[list[str]]
    merges: list[Merge] = field(default_factory=list)
    before: list[str] = field(default_factory=list)  # paragraphs since the previous table
    follows_table: bool = False  # nothing but empty paragraphs since the previous table

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def filled(self) -> list[list[str]]:
        """The rows with every merged cell holding its first cell's text."""
        out = [list(r) for r in self.rows]
        for r1, c1, r2, c2 in self.merges:
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    out[r][c] = self.rows[r1][c1]
        return out


@dataclass
class WordDocument:
    path: Path
    paragraphs: list[str]  # every paragraph outside tables, in order, as shown
    tables: list[WordTable]


def read_document(path: Path) -> WordDocument:
    """Every table and paragraph of a .docx (python-docx opens it; lxml walks it)."""
    import docx

    document = docx.Document(str(path))
    body = document.element.body
    paragraphs: list[str] = []
    tables: list[WordTable] = []
    pending: list[str] = []

    def walk(parent: Any) -> None:
        nonlocal pending
        for child in parent:
            if child.tag == _P:
                text = _paragraph_text(child)
                if text:
                    paragraphs.append(text)
                    pending.append(text)
            elif child.tag == _TBL:
                table = _table(child, len(tables) + 1)
                table.before = pending
                table.follows_table = bool(tables) and not pending
                tables.append(table)
                pending = []
            elif child.tag == _SDT:
                content = child.find(f"{_W}sdtContent")
                if content is not None:
                    walk(content)

    walk(body)
    return WordDocument(Path(path), paragraphs, tables)


# not the paragraph's own text: drawings and text boxes anchored in it (their text would be
# read twice, once per alternative), embedded objects, deleted or moved-away revisions
_SKIP = {f"{_W}pPr", f"{_W}rPr", f"{_W}drawing", f"{_W}pict", f"{_W}object", f"{_W}del",
         f"{_W}moveFrom",
         "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent"}


def _own(el: Any) -> Iterator[Any]:
    """The elements of a paragraph that carry its text, in order, without skipped parts."""
    for child in el:
        if child.tag in _SKIP:
            continue
        yield child
        yield from _own(child)


def _paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for el in _own(p):
        tag = el.tag
        if tag not in _TEXT_TAGS:
            continue
        if tag == _T:
            parts.append(el.text or "")
        elif tag == _TAB:
            parts.append(" ")
        elif tag == _HYPHEN:
            parts.append("-")
        elif tag == _BR and el.get(f"{_W}type") == "page":
            parts.append(" ")
        else:
            parts.append("\n")
    return clean("".join(parts))


def _cell_text(tc: Any) -> str:
    lines: list[str] = []
    for child in tc:
        if child.tag == _P:
            lines.append(_paragraph_text(child))
        elif child.tag == _TBL:  # a table inside the cell: its text, line by line
            lines.extend(_paragraph_text(p) for p in child.iter(_P))
        elif child.tag == _SDT:
            lines.extend(_paragraph_text(p) for p in child.iter(_P))
    return clean("\n".join(lines))


def _int_val(el: Any, default: int) -> int:
    if el is None:
        return default
    try:
        return min(MAX_COLUMNS, max(0, int(el.get(_VAL, default))))
    except ValueError:
        return default


def _row_cells(tr: Any) -> list[Any]:
    cells = []
    for child in tr:
        if child.tag == _TC:
            cells.append(child)
        elif child.tag == _SDT:  # a cell inside a content control
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                cells.extend(c for c in content if c.tag == _TC)
    return cells


def _rows(tbl: Any) -> list[Any]:
    rows = []
    for child in tbl:
        if child.tag == _TR:
            rows.append(child)
        elif child.tag == _SDT:
            content = child.find(f"{_W}sdtContent")
            if content is not None:
                rows.extend(c for c in content if c.tag == _TR)
    return rows


def _table(tbl: Any, number: int) -> WordTable:
    """The grid of one table: texts at the first cell of each merge, and the merges."""
    grid_cols = min(MAX_COLUMNS, len(tbl.findall(f"{_W}tblGrid/{_W}gridCol")))
    # each row: (start column, span, vertical state, text); state None, "restart", "continue"
    laid: list[list[tuple[int, int, str | None, str]]] = []
    width = grid_cols
    for tr in _rows(tbl):
        tr_pr = tr.find(f"{_W}trPr")
        col = _int_val(tr_pr.find(f"{_W}gridBefore") if tr_pr is not None else None, 0)
        cells: list[tuple[int, int, str | None, str]] = []
        for tc in _row_cells(tr):
            tc_pr = tc.find(f"{_W}tcPr")
            span = max(1, _int_val(tc_pr.find(f"{_W}gridSpan") if tc_pr is not None else None, 1))
            state: str | None = None
            vmerge = tc_pr.find(f"{_W}vMerge") if tc_pr is not None else None
            if vmerge is not None:
                state = "restart" if vmerge.get(_VAL) == "restart" else "continue"
            hmerge = tc_pr.find(f"{_W}hMerge") if tc_pr is not None else None
            if hmerge is not None and hmerge.get(_VAL) != "restart" and cells:
                # the old way of merging across: a cell continuing the one on its left
                start, old_span, old_state, text = cells[-1]
                cells[-1] = (start, old_span + span, old_state, text)
                col += span
                continue
            if col + span > MAX_COLUMNS:
                break  # past Word's last column: nothing a person could have typed
            cells.append((col, span, state, _cell_text(tc)))
            col += span
        width = max(width, col)
        laid.append(cells)
    rows = [[""] * width for _ in laid]
    merges: list[Merge] = []
    open_down: dict[int, list[int]] = {}  # start column → [first row, last row, last col]
    for r, cells in enumerate(laid):
        starts = set()
        for start, span, state, text in cells:
            starts.add(start)
            above = open_down.get(start)
            if state == "continue" and above is not None and above[1] == r - 1 \
                    and above[2] == start + span - 1:
                above[1] = r
                continue
            if above is not None:
                _close(merges, start, above)
            open_down[start] = [r, r, start + span - 1]
            rows[r][start] = text
        for start in [s for s in open_down if s not in starts and open_down[s][1] < r]:
            _close(merges, start, open_down.pop(start))
    for start, group in open_down.items():
        _close(merges, start, group)
    return WordTable(number, rows, sorted(merges))


def _close(merges: list[Merge], start: int, group: list[int]) -> None:
    first, last, last_col = group
    if last > first or last_col > start:
        merges.append((first, start, last, last_col))
