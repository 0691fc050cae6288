"""Finding the header row of a table and what each column holds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from cchc_sheets.lazyre import lazy
from cchc_sheets.model import Problem
from cchc_sheets.read.sources import Grid
from cchc_sheets.read.vocabulary import (
    APPRAISED_WORDS,
    NOT_POINT_WORDS,
    POINT_WORDS,
    SELF_WORDS,
    TARGET_WORDS,
    HeaderMatcher,
    field_words,
)
from cchc_sheets.text import clean, day, fold

HEADER_SCAN_ROWS = 40
_YEAR = lazy(r"\b(19[5-9]\d|20\d\d|2100)\b")


def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    return lazy(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


_POINTS = _words(POINT_WORDS)
_NOT_POINTS = _words(NOT_POINT_WORDS)
_TARGET = _words(TARGET_WORDS)
_SELF = _words(SELF_WORDS)
_APPRAISED = _words(APPRAISED_WORDS)
_BARE_YEAR = lazy(r"(?:nam )?(?:19[5-9]\d|20\d\d|2100)")
_COLUMN_NUMBER = lazy(r"^\(?\s*(?:\d+|[A-Z])\s*\)?(\s*[=+\-x*/]\s*\(?(?:\d+|[A-Z])\)?)*$")


class ScoreColumn(NamedTuple):
    col: int
    year: int  # 0 until the reader dates a header that names no year ("Điểm thẩm định")
    rank: int  # 3 appraised, 2 plain, 1 self-assessed
    header: str
    dated: bool = True  # the header itself names the year


@dataclass
class Header:
    """Where a table's header is and which column holds which field."""

    sheet: str
    row: int  # 0-based index of the last header row
    first_row: int  # 0-based index of the first header row
    columns: dict[str, int] = field(default_factory=dict)  # field → 0-based column
    scores: list[ScoreColumn] = field(default_factory=list)
    lost_year: int | None = None
    names: dict[int, str] = field(default_factory=dict)  # column → header text as shown
    problems: list[Problem] = field(default_factory=list)
    data_start: int = 0  # 0-based index of the first data row
    # column → why a column with a header was left out (for the reading report):
    # "ambiguous", "duplicate", "counts", "not-read", "no-year"
    dropped: dict[int, str] = field(default_factory=dict)
    # other columns whose header names a field already placed ("Tiêu chí, chỉ tiêu" and
    # "Nội dung" both name the criterion): field → columns, left to right
    others: dict[str, list[int]] = field(default_factory=dict)
    # two name columns: the one merged down over several lines, naming their parent
    parent_name: int | None = None
    # a frame scored met / not met (nông thôn mới): its lines have codes and names, no points
    unscored_frame: bool = False
    _letters: dict[str, str] | None = field(default=None, repr=False, compare=False)

    @property
    def is_task_table(self) -> bool:
        return "task" in self.columns

    @property
    def is_criteria_table(self) -> bool:
        has_name = "criterion" in self.columns or "code" in self.columns
        return has_name and ("max" in self.columns or bool(self.scores) or self.unscored_frame)

    @property
    def letters(self) -> dict[str, str]:
        """Field → column letter, one dict shared by every record of the table."""
        if self._letters is None or len(self._letters) != len(self.columns):
            self._letters = {name: col_letter(col) for name, col in self.columns.items()}
        return self._letters

    @property
    def point_columns(self) -> list[int]:
        """The max column and the score columns: the cells that give a line points."""
        max_col = self.columns.get("max")
        return ([] if max_col is None else [max_col]) + [s.col for s in self.scores]

    def quality(self) -> int:
        return len(self.columns) + (1 if self.scores else 0)


@lru_cache(maxsize=1024)  # (every cell address of every record asks again)
def col_letter(col: int) -> str:
    """``F`` for 0-based column 5 (``AA`` for 26)."""
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell_name(row: int, col: int) -> str:
    """``F12`` for 0-based row 11, column 5."""
    return f"{col_letter(col)}{row + 1}"


def header_values(grid: Grid, row: int, fills: dict[tuple[int, int], Any]) -> list[str]:
    """The header texts of a row, with merged header cells filled across and down."""
    values = grid.rows[row] if row < len(grid.rows) else []
    if fills:
        get = fills.get
        values = [get((row, col), value) for col, value in enumerate(values)]
    return [clean(value) if isinstance(value, str) else cell_text(value) for value in values]


def cell_text(value: Any) -> str:
    """A cell value as text: whole numbers without ".0", dates as dd/mm/yyyy, text cleaned."""
    if value is None or value == "":
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, date):
        return day(value)
    return clean(value)


def is_column_number_row(texts: list[str]) -> bool:
    """A row of column numbers "(1) (2) (3) …" under the header."""
    filled = [t for t in texts if t]
    if len(filled) < 2:
        return False
    # "(1) (2) (3)", "(4) = (2) - (3)", and "A | B | 1 | 2" (letters first, from A on)
    tokens = [t.replace(" ", "") for t in filled]
    if not all(_COLUMN_NUMBER.match(t) for t in tokens):
        return False
    letters = [t.strip("()") for t in tokens if not any(ch.isdigit() for ch in t)]
    if not letters:
        return True
    return len(tokens) >= 3 and len(letters) < len(tokens) \
        and letters == [chr(65 + i) for i in range(len(letters))] \
        and [t.strip("()") for t in tokens[:len(letters)]] == letters


def find_header(
    grid: Grid, names: dict[str, list[str]], fills: dict[tuple[int, int], Any]
) -> Header | None:
    """The best header in the first rows of a sheet, or None when nothing looks like one."""
    best: Header | None = None
    limit = min(HEADER_SCAN_ROWS, len(grid.rows))
    texts: list[list[str]] = []
    folded: list[list[str]] = []  # each cell once, joined rows too
    best_key = (0, 0)
    matcher = _matcher(names)
    rows_of_data = 0  # rows of the table in a row under the best header so far
    for row in range(limit):
        while len(texts) < min(row + 3, limit + 1, len(grid.rows)):  # and the two under it
            texts.append(header_values(grid, len(texts), fills))
            folded.append([fold(t) for t in texts[-1]])
        top = texts[row]
        if best is not None and row > best.row + 2:
            # the table's rows under its header: no header follows many of them
            rows_of_data = rows_of_data + 1 if _looks_like_data(top) else 0
            if rows_of_data > _DATA_ROWS_SEEN:
                break
        if sum(1 for t in top if t) < 2:
            continue
        # the row alone, and with the rows under it: a join counts as a header of several rows
        # ("Điểm" over "Năm 2024" over "Tự chấm | Thẩm định") when its lower rows hold labels
        # under cells that span them, and wins a tie; any other join must match more columns
        candidates = [(row, row, top, folded[row], 0)]
        values, folds = top, folded[row]
        for below in (row + 1, row + 2):
            if below >= len(texts) or is_column_number_row(texts[below]) or _is_title(values):
                break
            stacked = _stacks(texts[below - 1], texts[below])
            if below > row + 1 and not (stacked and candidates[-1][4]):
                break
            if not stacked and _looks_like_data(texts[below]):
                break  # the first row of the table, not a second header row
            joined, joined_folded = _join(values, texts[below], folds, folded[below],
                                          texts[below - 1])
            if joined == values:
                break
            values, folds = joined, joined_folded
            candidates.append((row, below, values, folds, below - row if stacked else 0))
        for first, last, values, folds, rows in candidates:
            header = _map_columns(grid.name, first, last, values, matcher, folds)
            if header.quality() < 2 or not (header.is_task_table or header.is_criteria_table):
                continue
            key = (header.quality(), rows)
            if key > best_key:
                best, best_key = header, key
    if best is None:
        return None
    start = best.row + 1
    while start < len(grid.rows) and start <= limit and is_column_number_row(
            texts[start] if start < len(texts) else header_values(grid, start, fills)):
        start += 1
    best.data_start = start
    return best


#: Rows of data in a row under a header found that end the search for a better one below.
_DATA_ROWS_SEEN = 8
_DATA_TEXT = lazy(r"\d(?!\d{3}$)|\d{5}")  # "1", "1.1", "31/3/2025"; not a year "2024"


def _looks_like_data(texts: list[str]) -> bool:
    """A row with a cell that begins with a number other than a year: a row of the table."""
    return any(_DATA_TEXT.match(t) for t in texts if t)


def _is_title(texts: list[str]) -> bool:
    """A row of one text, merged across the table ("(Kèm theo Kế hoạch số …)"): not a header."""
    return len({t for t in texts if t}) < 2


def _stacks(top: list[str], bottom: list[str]) -> bool:
    """Whether ``bottom`` is a lower header row under ``top``: its labels that differ from the
    cell above sit under a cell that spans several columns (merged, or written once over empty
    neighbours) or under nothing, and there is at least one such label."""
    def at(row: list[str], col: int) -> str:
        return row[col] if 0 <= col < len(row) else ""

    if _is_title(top):
        return False
    labels = False
    for col in range(len(bottom)):
        below, above = bottom[col], at(top, col)
        if not below or below == above:
            continue
        if above and not (at(top, col - 1) == above or at(top, col + 1) == above
                          or (not at(top, col + 1) and at(bottom, col + 1))):
            return False
        labels = True
    return labels


def seen_headers(grid: Grid, fills: dict[tuple[int, int], Any], rows: int = 12) -> list[str]:
    """Texts of the first rows that have several cells: what the officer's header looks like."""
    seen: list[str] = []
    for row in range(min(rows, len(grid.rows))):
        values = [t for t in header_values(grid, row, fills) if t]
        if len(values) >= 2:
            for text in values:
                if _LETTERHEAD.match(fold(text)):
                    continue  # the document's heading beside the header, not a column
                short = text.replace("\n", " ")[:40]
                if short not in seen:
                    seen.append(short)
            if len(seen) >= 20:
                break
    return seen


# The lines every document begins with (Quốc hiệu, tiêu ngữ, the issuing body, its number, the
# place and date): never a column, and no help in a list of the headers the reader saw.
_LETTERHEAD = lazy(r"cong hoa xa hoi chu nghia|doc lap tu do hanh phuc|uy ban nhan dan|ubnd"
                   r"|so \d|[\w ]+ ngay \d{1,2} thang \d{1,2} nam \d{4}")


_MATCHERS: dict[tuple[tuple[str, tuple[str, ...]], ...], HeaderMatcher] = {}


def _matcher(names: dict[str, list[str]]) -> HeaderMatcher:
    """The matcher of one vocabulary, kept across sheets (headers repeat a lot across rows)."""
    signature = tuple((key, tuple(values)) for key, values in names.items())
    matcher = _MATCHERS.get(signature)
    if matcher is None:
        if len(_MATCHERS) > 8:
            _MATCHERS.clear()
        matcher = _MATCHERS[signature] = HeaderMatcher(names)
    return matcher


def _join(top: list[str], bottom: list[str], top_folded: list[str],
          bottom_folded: list[str], above: list[str] | None = None) -> tuple[list[str], list[str]]:
    """The cells of a header's rows joined column by column, and their ``fold``: folding keeps
    no punctuation or space at either end, so the folded join is the join of the folded parts.

    ``top`` may be rows already joined; ``above`` is then the row right over ``bottom``, whose
    merged cells reach down into it (a bottom cell equal to the one above adds nothing)."""
    above = top if above is None else above
    texts: list[str] = []
    folds: list[str] = []
    for col in range(max(len(top), len(bottom))):
        a = top[col] if col < len(top) else ""
        b = bottom[col] if col < len(bottom) else ""
        folded = top_folded[col] if col < len(top) else ""
        if b and b != (above[col] if col < len(above) else ""):
            texts.append(f"{a} {b}".strip())
            folds.append(" ".join(part for part in (folded, bottom_folded[col]) if part))
        else:
            texts.append(a)
            folds.append(folded)
    return texts, folds


def _score_rank(folded: str) -> int:
    """3 official (thẩm định, phúc tra, chấm lại, công bố), 2 plain, 1 self-assessed."""
    if _SELF.search(folded):
        return 1
    if _APPRAISED.search(folded):
        return 3
    return 2


def is_score_header(folded: str, fields: list[str], length: int) -> bool:
    """Whether a folded header is a score column (contract §7): its words name points or a
    result ("Điểm số tự chấm", "Điểm phúc tra 2024", "Kết quả công bố", a bare "Năm 2024"), it
    is no target ("Chỉ tiêu phấn đấu năm 2025"), and it names no other field ("Nhiệm vụ, giải
    pháp duy trì năm 2025" is the task, "Thời hạn năm 2025" the deadline, "Điểm tối đa" the
    max). "Kết quả năm 2024" is a score; "Kết quả thực hiện năm 2025" the result."""
    if _TARGET.search(folded):
        return False
    short_result = fields == ["result"] and length <= len("ket qua")
    if fields and not short_result:
        return False
    if _BARE_YEAR.fullmatch(folded):
        return True
    if short_result and _YEAR.search(folded):
        return True
    return bool(_POINTS.search(folded)) and not _NOT_POINTS.search(folded)


_CellKind = tuple[list[str], int, int | None, int]
_KINDS: dict[HeaderMatcher, dict[str, _CellKind]] = {}  # by matcher: one vocabulary at a time
_KINDS_LIMIT = 20000


def _cell_kind(kinds: dict[str, _CellKind], matcher: HeaderMatcher, folded: str) -> _CellKind:
    """What a folded header cell names: its fields and match length, the year it names, and
    its score rank (0 when it is no score column). The same texts come back on every sheet."""
    fields, length = matcher.match(folded)
    if "%" in folded and "status" in fields:
        fields = [f for f in fields if f != "status"] or ["progress"]
    year_match = _YEAR.search(folded)
    year = int(year_match.group(1)) if year_match else None
    rank = _score_rank(folded) if is_score_header(folded, fields, length) else 0
    kind = kinds[folded] = (fields, length, year, rank)
    return kind


def _map_columns(
    sheet: str, first: int, last: int, values: list[str], matcher: HeaderMatcher,
    folds: list[str],
) -> Header:
    header = Header(sheet, last, first)
    kinds = _KINDS.get(matcher)
    if kinds is None or len(kinds) > _KINDS_LIMIT:
        _KINDS.clear()  # one vocabulary at a time; and over thousands of sheets, start afresh
        kinds = _KINDS[matcher] = {}
        if len(matcher.memo) > _KINDS_LIMIT:
            matcher.memo.clear()
    lengths: dict[str, int] = {}
    stt_columns: list[int] = []
    for col, text in enumerate(values):
        if not text:
            continue
        folded = folds[col]
        if not folded:
            continue
        header.names[col] = text
        fields, length, year, score_rank = kinds.get(folded) or _cell_kind(kinds, matcher, folded)
        if score_rank:
            if year is not None:
                header.scores.append(ScoreColumn(col, year, score_rank, text))
            else:
                # "Điểm đạt", "Điểm số tự chấm", "Điểm phúc tra": a score of a year the reader
                # finds in a title naming the scored year, else last year's
                header.scores.append(ScoreColumn(col, 0, score_rank, text, dated=False))
            continue
        if not fields:
            continue
        if set(fields) == {"code", "number"}:
            stt_columns.append(col)
            continue
        if len(fields) > 1:
            header.dropped[col] = "ambiguous"
            header.problems.append(
                Problem("ambiguous-header", "error", sheet, cell_name(last, col),
                        {"header": text, "first": field_words(fields[0]),
                         "second": field_words(fields[1])})
            )
            continue
        name = fields[0]
        if name == "lost" and year is not None:
            header.lost_year = year
        if name == "status" and "status" in header.columns and "progress" not in header.columns:
            # "Tình trạng | Tiến độ": the status, and the progress beside it
            other = header.columns["status"]
            if folded.startswith("tien do"):
                header.columns["progress"], lengths["progress"] = col, 0
                continue
            if folds[other].startswith("tien do"):
                header.columns["progress"], lengths["progress"] = other, 0
                header.columns["status"], lengths["status"] = col, length
                continue
        if name in header.columns:
            if length > lengths[name]:
                header.dropped[header.columns[name]] = "duplicate"
                header.others.setdefault(name, []).append(header.columns[name])
                header.columns[name], lengths[name] = col, length
            else:
                header.dropped[col] = "duplicate"
                header.others.setdefault(name, []).append(col)
                header.problems.append(
                    Problem("duplicate-column", "warning", sheet, cell_name(last, col),
                            {"header": text, "other": col_letter(header.columns[name])})
                )
            continue
        header.columns[name] = col
        lengths[name] = length
    # A list of work with "Nội dung" but no points: that "Nội dung" is the task.
    if "task" not in header.columns and "criterion" in header.columns and not header.scores \
            and "max" not in header.columns \
            and ("lead" in header.columns or "deadline" in header.columns):
        header.columns["task"] = header.columns.pop("criterion")
    # "STT" is the criterion code unless another column holds the codes.
    for col in stt_columns:
        if "code" not in header.columns:
            header.columns["code"] = col
        elif "number" not in header.columns:
            header.columns["number"] = col
    return header
