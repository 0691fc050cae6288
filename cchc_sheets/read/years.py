"""The plan year, and the years of score columns, from what a workbook names.

The config's ``plan_year`` wins; else a title's "năm 2025", unless the workbook already scores
that year; else the year of ``--as-of``. A score header without a year takes one from its
table's title, sheet or file name, else it is last year's.
"""

from __future__ import annotations

import re
import weakref
from pathlib import Path

from cchc_sheets.lazyre import lazy
from cchc_sheets.read.headers import Header, header_values
from cchc_sheets.read.sources import Book, Grid
from cchc_sheets.text import DASHES, fold

_YEAR_IN_TITLE = lazy(r"\bnam (20\d\d)\b")
_YEAR_RANGE = lazy(  # on the text as written, where "2021-2025" is not "2021, 2025"
    rf"(?:từ\s*)?(?:năm\s*)?\b(?:19|20)\d\d\s*(?:[-{DASHES}_]|đến|tới)\s*(?:năm\s*)?(?:19|20)\d\d\b",
    re.I)
_ANY_YEAR = lazy(r"\b(20\d\d)\b")


def plan_year_from_workbook(book: Book, tables: list[tuple[Grid, Header]]) -> int | None:
    """The plan year a workbook names: its title's year, unless that year is already scored.

    An appendix is often titled by the index it remedies ("… các tiêu chí bị mất điểm năm
    2024") beside its 2024 scores; the plan is then for the year after them. Only a year with
    an appraised or plain score, or points lost, counts as past: a self-assessment column may
    be the plan year's own.
    """
    year = _year_from_titles(book, tables)
    past = [column.year for _, header in tables for column in header.scores
            if column.rank > 1 and column.dated]
    past += [header.lost_year for _, header in tables if header.lost_year is not None]
    if year is not None and past and year <= max(past):
        return max(past) + 1
    return year


def _year_from_titles(book: Book, tables: list[tuple[Grid, Header]]) -> int | None:
    """The latest plan year the tables' titles name: a results sheet per year ("KẾT QUẢ …
    NĂM 2023", "… NĂM 2024") beside the plan's task sheet ("… NĂM 2025") names 2025."""
    loose: int | None = None
    years = []
    for grid, header in tables:
        named, first_loose = _title_years(grid, header)
        if named:
            years.append(_plan_year_named(named))
        loose = loose or first_loose
    if years:
        return max(years)
    if loose:
        return loose
    for grid in book.sheets:
        year = _year_in_name(grid.name)
        if year:
            return year
    return None


# Words before "năm 2024" in a title that speak of the scored index: points lost always; a
# result or ranking unless the title speaks of raising or following it ("nâng cao kết quả …").
_LOST_WORDS = ("mat diem", "tru diem", "bi tru")
_RESULT_WORDS = ("ket qua", "xep hang", "cham diem", "tham dinh", "tu cham", "phuc tra",
                 "bang diem", "diem dat")
_PLAN_WORDS = ("nang cao", "cai thien", "duy tri", "thuc hien", "theo doi", "trien khai")
_DATE_BEFORE = lazy(r"(?:ngay|thang)(?: \d{1,2})? $")  # "ngày … tháng … năm 2024"
# "… KẾT QUẢ CHỈ SỐ CCHC – KẾ HOẠCH NĂM 2026": the plan's own year, whatever came before
_PLAN_LAST = lazy(r"\bke hoach(?: (?:cchc|cai cach hanh chinh))? $")
# A line citing a legal basis names the year of another document, never the plan's (contract
# §7): "(Kèm theo Quyết định số 2126/QĐ-UBND năm 2014 …)", "Căn cứ …", "Thực hiện Kế hoạch số
# …", "Theo Quyết định số … ngày … năm …". A citation inside a title is cut from the title.
_CITED = r"(?:quyet dinh|ke hoach|cong van|thong tu|nghi dinh|nghi quyet|chi thi|huong dan|" \
         r"thong bao|van ban|luat)"
_CITATION_LINE = lazy(rf"^(?:kem theo|ban hanh kem theo|can cu|thuc hien {_CITED}|"
                            rf"theo {_CITED}|trien khai {_CITED})\b")
_CITATION = lazy(rf"\b(?:kem theo|can cu|thuc hien|theo|tai) (?:cac )?{_CITED}\b.*"
                       rf"|\b(?:kem theo|can cu) .*")
# a bracket citing a numbered document: "(Quyết định số 2126/QĐ-UBND năm 2014)"
_CITED_BRACKET = lazy(r"\([^()]*\bs[ốo]:?\s*\d+\s*/[^()]*\)", re.I)


def without_citations(folded: str) -> str:
    """A folded title line without the documents it cites ("" for a line of legal basis)."""
    if _CITATION_LINE.match(folded):
        return ""
    return _CITATION.sub("", folded).strip()


def _title_years(grid: Grid, header: Header) -> tuple[list[tuple[int, bool]], int | None]:
    """The years named "năm 2025" in the rows above a table's header, each with whether the
    words before it speak of the scored index ("các tiêu chí bị mất điểm năm 2024") rather than
    the plan; and the first other year (on a line that is not a date)."""
    # asked for the same table up to three times a read: the last few answers are kept
    kept = _TITLE_YEARS.get(id(grid))
    if kept is not None and kept[0]() is grid and kept[1] == header.first_row:
        return list(kept[2][0]), kept[2][1]
    found = _title_years_uncached(grid, header)
    if len(_TITLE_YEARS) > 8:
        _TITLE_YEARS.clear()
    _TITLE_YEARS[id(grid)] = (weakref.ref(grid), header.first_row, found)  # (keeps no grid)
    return list(found[0]), found[1]


_TITLE_YEARS: dict[int, tuple[weakref.ref[Grid], int,
                              tuple[list[tuple[int, bool]], int | None]]] = {}


def _title_years_uncached(grid: Grid, header: Header
                          ) -> tuple[list[tuple[int, bool]], int | None]:
    named: list[tuple[int, bool]] = []
    loose: int | None = None
    for row in range(header.first_row):
        for folded in _title_lines(grid, row):
            start = 0
            for match in _YEAR_IN_TITLE.finditer(folded):
                before = folded[start:match.start()]
                start = match.end()
                if _DATE_BEFORE.search(before):
                    continue  # "ngày 10 tháng 01 năm 2025": the day a document was signed
                named.append((int(match.group(1)), _speaks_of_index(before)))
            any_year = _ANY_YEAR.search(folded)
            if not named and any_year and loose is None and "ngay" not in folded:
                loose = int(any_year.group(1))
        if named:
            break
    return named, loose


def _title_lines(grid: Grid, row: int) -> list[str]:
    """The folded lines of a title row, without the documents they cite; a period
    ("giai đoạn 2021-2025", "từ năm 2021 đến năm 2025") names no one year."""
    return [without_citations(fold(_YEAR_RANGE.sub(" ", _CITED_BRACKET.sub(" ", line))))
            for text in header_values(grid, row, {}) for line in text.split("\n")]


def _speaks_of_index(before: str) -> bool:
    """Whether the words in ``before`` are about the scored index rather than the plan: the
    words nearest the year decide ("… tiêu chí bị trừ điểm, nâng cao Chỉ số CCHC năm 2025",
    "… kết quả Chỉ số CCHC – Kế hoạch năm 2026" name the plan's year)."""
    if _PLAN_LAST.search(before):
        return False
    index_at = max((before.rfind(w) for w in _LOST_WORDS + _RESULT_WORDS), default=-1)
    plan_at = max((before.rfind(w) for w in _PLAN_WORDS), default=-1)
    if any(w in before for w in _LOST_WORDS) and plan_at > index_at:
        return False
    if any(w in before for w in _LOST_WORDS):
        return True
    return any(w in before for w in _RESULT_WORDS) and not any(w in before for w in _PLAN_WORDS)


def _year_in_name(name: str) -> int | None:
    match = _ANY_YEAR.search(_YEAR_RANGE.sub(" ", name))
    return int(match.group(1)) if match else None


def date_scores_by_names(tables: list[tuple[Grid, Header]], path: Path, *,
                         use_file_name: bool = False) -> None:
    """A score column whose header names no year takes the scored year a title above its table
    names ("KẾT QUẢ TỰ CHẤM NĂM 2024"); in a table of criteria only, else the year of its
    title, its sheet's name ("KQ 2024") or a scores file's name ("ket-qua-2024.xlsx"; a plan's
    file name is the plan's year). A title naming the plan's year dates no score."""
    for grid, header in tables:
        if all(column.dated for column in header.scores):
            continue
        named, loose = _title_years(grid, header)
        scored = [year for year, of_index in named if of_index]
        year = scored[0] if scored else None
        if year is None and not header.is_task_table and not named:
            year = loose or _year_in_name(grid.name) \
                or (_year_in_name(path.stem) if use_file_name else None)
        if year:
            header.scores = [c if c.dated else c._replace(year=year) for c in header.scores]


def date_scores_as_last_year(tables: list[tuple[Grid, Header]], plan_year: int | None) -> None:
    """Any other score column without a year holds last year's scores (the plan year's are not
    appraised yet); without a plan year it cannot be placed and is not read."""
    for _, header in tables:
        if all(column.dated for column in header.scores):
            continue
        kept = []
        for column in header.scores:
            if not column.dated and not (column.year and (plan_year is None
                                                          or column.year < plan_year)):
                if plan_year is None:
                    header.dropped[column.col] = "no-year"
                    continue
                column = column._replace(year=plan_year - 1)
            kept.append(column)
        header.scores = kept


def table_year(grid: Grid, header: Header) -> int | None:
    """The plan year a table's own title or sheet name gives ("KẾ HOẠCH … NĂM 2024", "KH 2024")."""
    named, _ = _title_years(grid, header)
    return _plan_year_named(named) if named else _year_in_name(grid.name)


def _plan_year_named(named: list[tuple[int, bool]]) -> int:
    """The latest plan year a title names: an index's year is followed by its plan's ("… bị mất
    điểm năm 2024, nâng cao … năm 2025" names 2025 twice)."""
    return max(year + 1 if of_index else year for year, of_index in named)
