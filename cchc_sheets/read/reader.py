"""Reading the officer's plan: tasks and criteria from whatever layout the workbook has.

The reader never writes to the workbook. It returns a :class:`~cchc_sheets.model.Plan` with the
problems it met as values; it raises only when nothing can be checked (file unreadable, no
table found).

This module reads the book as a whole: :func:`read_plan` finds the tables
(:mod:`~cchc_sheets.read.layout`), reads their rows (:mod:`~cchc_sheets.read.rows`, with
:mod:`~cchc_sheets.read.criteria` and :mod:`~cchc_sheets.read.tasks`), leaves out last year's
plan kept on a sheet of its own, and joins a separate scores workbook's criteria to the plan's.
"""

from __future__ import annotations

from pathlib import Path

from cchc_sheets.config import Config
from cchc_sheets.lazyre import lazy
from cchc_sheets.model import Criterion, Plan, Problem
from cchc_sheets.province.commune import commune_in_rows
from cchc_sheets.read.criteria import check_task_codes, name_worded_codes
from cchc_sheets.read.headers import Header, cell_name, header_values
from cchc_sheets.read.layout import book_tables, no_header
from cchc_sheets.read.preflight import excel_lock_present
from cchc_sheets.read.reading import Reading, locate_plan_year
from cchc_sheets.read.rows import read_table
from cchc_sheets.read.scoring import finish_criteria
from cchc_sheets.read.sheet import Sheet
from cchc_sheets.read.sources import Book, Grid, load_book
from cchc_sheets.read.state import ReadState
from cchc_sheets.read.vocabulary import field_names, field_words, index_of
from cchc_sheets.read.years import (
    date_scores_as_last_year,
    date_scores_by_names,
    plan_year_from_workbook,
    table_year,
    without_citations,
)
from cchc_sheets.text import fold

_YEARS = lazy(r"\b(?:19|20)\d\d\b")


def read_plan(
    path: Path,
    config: Config | None = None,
    *,
    scores: Path | None = None,
    default_year: int | None = None,
    engine: str = "calamine",
    book: Book | None = None,
) -> Plan:
    """Read a plan workbook (and optionally a separate scores workbook).

    ``default_year`` is the plan year to use when neither the config nor the workbook names one
    (the CLI passes the year of ``--as-of``). ``book`` gives grids already read from ``path``
    by another reader (the tables of a Word document, :mod:`cchc_sheets.word.wordimport`).
    """
    config = config or Config()
    names = field_names(config.columns)
    if book is None:
        book = load_book(path, engine)
    reading = Reading(file=Path(path).name, scores_file=Path(scores).name if scores else "")
    tables = book_tables(book, names, reading)
    task_tables = [t for t in tables if t[1].is_task_table]
    criteria_tables = [t for t in tables if t[1].is_criteria_table]
    if not task_tables and not criteria_tables:
        raise no_header(book, names)
    problems: list[Problem] = _book_notes(book)
    if excel_lock_present(Path(path)):
        problems.append(Problem("file-open-elsewhere", "warning", None, None, {},
                                file=Path(path).name))
    grids = [(sheet.grid, header) for sheet, header in tables]
    date_scores_by_names(grids, Path(path))
    plan_year = config.plan_year or plan_year_from_workbook(book, grids) or default_year
    date_scores_as_last_year(grids, plan_year)
    locate_plan_year(reading, grids, plan_year, config.plan_year, default_year)
    state = ReadState(plan_year, problems, reading)
    for sheet, header in tables:
        problems.extend(header.problems)
        if header.is_task_table and "deadline" not in header.columns:
            problems.append(Problem("missing-column", "warning", sheet.grid.name,
                                    cell_name(header.row, header.columns["task"]),
                                    {"column": field_words("deadline")}))
        if sheet.grid.hidden:
            problems.append(Problem("hidden-sheet", "warning", sheet.grid.name, None,
                                    {"sheet": sheet.grid.name}))
        read_table(state, sheet, header)
    name_worded_codes(state)
    _drop_old_copies(state, tables, plan_year)
    criteria = state.criteria
    if scores is not None:
        criteria = _merge_scores(criteria, _read_scores(scores, config, plan_year, problems,
                                                        reading))
    plan = Plan(
        source=Path(path),
        tasks=state.tasks,
        criteria=criteria,
        problems=problems,
        plan_year=plan_year,
        title=_first_title(book, tables),
        commune=config.commune or commune_in_rows([grid.rows for grid in book.sheets]) or "",
        index=index_of(_title_lines(tables)),
        scores_source=Path(scores) if scores else None,
        has_updated_column=any("updated" in h.columns for _, h in task_tables),
        task_sheets=[s.grid.name for s, _ in task_tables],
        criteria_sheets=[s.grid.name for s, _ in criteria_tables],
    )
    plan.has_evidence_column = any("evidence" in h.columns for _, h in task_tables)
    plan.reading = reading
    finish_criteria(plan)
    check_task_codes(plan)
    return plan


def _book_notes(book: Book) -> list[Problem]:
    """What loading the workbook noted about its cells (values left out, unreadable ones)."""
    return [Problem(note.code, "error" if note.code == "bad-shared-string" else "warning",
                    grid.name, cell_name(note.row, note.col), dict(note.args))
            for grid in book.sheets for note in grid.notes]


def find_tables(book: Book, config: Config | None = None) -> list[tuple[Grid, Header]]:
    """The tables the reader would read in ``book``, each with its header, as it finds them."""
    names = field_names((config or Config()).columns)
    return [(sheet.grid, header) for sheet, header in book_tables(book, names)]


def _drop_old_copies(state: ReadState, tables: list[tuple[Sheet, Header]],
                     plan_year: int | None) -> None:
    """Last year's plan kept on a sheet of its own ("KH 2024" beside "KH 2025"): a sheet whose
    title or name gives an earlier year and whose tasks are mostly the plan's own again (years
    aside) is left out, with a warning. Other sheets of earlier years are read."""
    if plan_year is None:
        return
    old = {s.grid.name: year for s, h in tables
           if h.is_task_table and (year := table_year(s.grid, h)) is not None and year < plan_year}
    if not old or len(old) == len({s.grid.name for s, h in tables if h.is_task_table}):
        return
    current = {_without_years(t.title) for t in state.tasks if t.sheet not in old}
    for sheet, year in old.items():
        titles = {_without_years(t.title) for t in state.tasks if t.sheet == sheet}
        if not titles or len(titles & current) < 0.5 * len(titles):
            continue
        # the report: the sheet's rows of tasks and criteria, each left out as last year's
        reading = state.reading
        rows = {c.row: c.name for c in state.criteria if c.sheet == sheet}
        rows.update({t.row: t.title for t in state.tasks if t.sheet == sheet})
        reading.tables = [t for t in reading.tables if t.sheet != sheet]
        reading.columns = [c for c in reading.columns if c.sheet != sheet]
        reading.scores = [c for c in reading.scores if c.sheet != sheet]
        reading.left_out = [x for x in reading.left_out if x.sheet != sheet]
        for row in sorted(rows):
            reading.leave(sheet, row - 1, "last-year-copy", text=rows[row])
        state.tasks = [t for t in state.tasks if t.sheet != sheet]
        state.criteria = [c for c in state.criteria if c.sheet != sheet]
        state.problems[:] = [p for p in state.problems if p.sheet != sheet]
        state.problems.append(Problem("old-plan-sheet", "warning", sheet, "A1",
                                      {"sheet": sheet, "year": year, "plan_year": plan_year}))


def _without_years(title: str) -> str:
    return _YEARS.sub("", fold(title))


def _first_title(book: Book, tables: list[tuple[Sheet, Header]]) -> str:
    for sheet, header in tables:
        for row in range(header.first_row):
            for text in header_values(sheet.grid, row, {}):
                folded = fold(text)
                if folded.startswith(("ke hoach", "phan cong", "phu luc")) and len(folded) > 20:
                    return text
    return ""


def _title_lines(tables: list[tuple[Sheet, Header]]) -> list[str]:
    """The texts above each table's header, table by table, folded and without the documents
    they cite ("Căn cứ Kế hoạch chuyển đổi số …"): where a plan names its index."""
    return [line for sheet, header in tables for row in range(header.first_row)
            for text in header_values(sheet.grid, row, {}) if text
            for line in [without_citations(fold(text))] if line]


def _read_scores(path: Path, config: Config, plan_year: int | None,
                 problems: list[Problem], reading: Reading | None = None) -> list[Criterion]:
    names = field_names(config.columns)
    book = load_book(path)
    tables = [t for t in book_tables(book, names) if t[1].is_criteria_table]
    if not tables:
        raise no_header(book, names)
    grids = [(sheet.grid, header) for sheet, header in tables]
    date_scores_by_names(grids, path, use_file_name=True)
    date_scores_as_last_year(grids, plan_year)
    state = ReadState(plan_year, _book_notes(book), reading, "scores", path.name)
    for sheet, header in tables:
        if "task" in header.columns:
            header.dropped[header.columns.pop("task")] = "not-read"
        read_table(state, sheet, header)
    for problem in state.problems:
        problems.append(Problem(problem.code, problem.severity, problem.sheet, problem.cell,
                                problem.args, file=path.name))
    return state.criteria


def _merge_scores(plan: list[Criterion], scores: list[Criterion]) -> list[Criterion]:
    """Criteria from the scores workbook, with lines only the plan has kept; codes join them."""
    by_code = {c.code: c for c in scores}
    merged = list(scores)
    for item in plan:
        other = by_code.get(item.code)
        if other is None:
            merged.append(item)
            continue
        if not other.name:
            other.name = item.name
        if other.max is None and item.max is not None:
            other.max = item.max
        for year, value in item.scores.items():
            other.scores.setdefault(year, value)
    return merged

