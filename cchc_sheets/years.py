"""The plan year, and the years of score columns, from what a workbook names.

The config's ``plan_year`` wins; else a title's "năm 2025", unless the workbook already scores
that year; else the year of ``--as-of``. A score header without a year takes one from its
table's title, sheet or file name, else it is last year's.
"""

from __future__ import annotations

import re
from pathlib import Path

from cchc_sheets.headers import Header, header_values
from cchc_sheets.sources import Book, Grid
from cchc_sheets.text import DASHES, fold

_YEAR_IN_TITLE = re.compile(r"\bnam (20\d\d)\b")
_YEAR_RANGE = re.compile(  # on the text as written, where "2021-2025" is not "2021, 2025"
    rf"(?:từ\s*)?(?:năm\s*)?\b(?:19|20)\d\d\s*(?:[-{DASHES}_]|đến|tới)\s*(?:năm\s*)?(?:19|20)\d\d\b",
    re.I)
_ANY_YEAR = re.compile(r"\b(20\d\d)\b")


def plan_year_from_workbook(book: Book, tables: list[tuple[Grid, Header]]) -> int | None:
    """The plan year a workbook names: its title's year, unless that year is already scored.

    An appendix is often titled by the index it remedies ("… các tiêu chí bị mất điểm năm
    2024") beside its 2024 scores; the plan is then for the year after them. Only a year with
    an appraised or plain score, or points lost, counts as past: a self-assessment column may
    be the plan year's own.
    """
    year = _year_from_titles(book, tables)
    past = [column.year for _, header in tables for column in header.scores
            if column.rank > 1 and column.year]
    past += [header.lost_year for _, header in tables if header.lost_year is not None]
    if year is not None and past and year <= max(past):
        return max(past) + 1
    return year


def _year_from_titles(book: Book, tables: list[tuple[Grid, Header]]) -> int | None:
    loose: int | None = None
    for grid, header in tables:
        strict, first_loose = _title_years(grid, header)
        if strict:
            return strict
        loose = loose or first_loose
    if loose:
        return loose
    for grid in book.sheets:
        year = _year_in_name(grid.name)
        if year:
            return year
    return None


def _title_years(grid: Grid, header: Header) -> tuple[int | None, int | None]:
    """The first "năm 2025" in the rows above a table's header, and the first other year
    (on a line that is not a date, like "ngày 10 tháng 01 năm 2025" is)."""
    loose: int | None = None
    for row in range(header.first_row):
        for text in header_values(grid, row, {}):
            # "giai đoạn 2021-2025", "từ năm 2021 đến năm 2025" name no one year
            folded = fold(_YEAR_RANGE.sub(" ", text))
            match = _YEAR_IN_TITLE.search(folded)
            if match:
                return int(match.group(1)), loose
            any_year = _ANY_YEAR.search(folded)
            if any_year and loose is None and "ngay" not in folded:
                loose = int(any_year.group(1))
    return None, loose


def _year_in_name(name: str) -> int | None:
    match = _ANY_YEAR.search(_YEAR_RANGE.sub(" ", name))
    return int(match.group(1)) if match else None


def date_scores_by_names(tables: list[tuple[Grid, Header]], path: Path) -> None:
    """A score column whose header names no year, in a table of criteria only, takes the year
    in the table's title ("KẾT QUẢ CHẤM ĐIỂM … NĂM 2024"), sheet name ("KQ 2024") or file name."""
    for grid, header in tables:
        if header.is_task_table or all(column.dated for column in header.scores):
            continue
        strict, loose = _title_years(grid, header)
        year = strict or loose or _year_in_name(grid.name) or _year_in_name(path.stem)
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
                    continue
                column = column._replace(year=plan_year - 1)
            kept.append(column)
        header.scores = kept
