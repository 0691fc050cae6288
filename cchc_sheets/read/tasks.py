"""Task rows: a row's task with its units, deadline, progress, status and dates.

The cells are read as officers write them by :mod:`~cchc_sheets.read.deadlines` and
:mod:`~cchc_sheets.read.status`; a progress column's scale (0–1 for a column formatted as %)
is its :func:`column_scale`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from cchc_sheets.lazyre import lazy
from cchc_sheets.model import NO_DEADLINE, Criterion, Task
from cchc_sheets.read.codes import ROMAN, split_written_codes
from cchc_sheets.read.deadlines import MAX_YEAR, MIN_YEAR, from_excel_serial, parse_day, parse_deadline
from cchc_sheets.read.headers import Header, cell_text
from cchc_sheets.read.sheet import NUMBER_TEXT, TOTAL_LINE, Sheet, may_be_total
from cchc_sheets.read.sources import Grid
from cchc_sheets.read.state import ReadState
from cchc_sheets.read.status import parse_progress, parse_status, progress_scale, scale_progress
from cchc_sheets.read.vocabulary import FIELD_BY_NAME
from cchc_sheets.text import clean, fold

_SPLIT = lazy(r"[;\n]+")  # supporting units; commas are weighed with every task's units

_DAYS_1904 = 1462  # serial of 1 January 1904 in the 1900 date system


def column_scale(sheet: Sheet, header: Header, col: int, texts: bool = False) -> float:
    """The :func:`~cchc_sheets.read.status.progress_scale` of a column's numbers (and, with
    ``texts``, of numbers typed as text, "0,5")."""
    return progress_scale(
        v for row in sheet.cells[header.data_start:] if col < len(row)
        if isinstance(v := row[col], (int, float)) and not isinstance(v, bool)
        or texts and isinstance(v, str))


def _date_cell(grid: Grid, raw: Any) -> Any:
    """A number in a date column as its workbook means it. The engines give every number as a
    float: a whole number becomes an int (so that 2025 typed as a deadline stays a year), and
    in a workbook using the 1904 date system a serial becomes its day."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if grid.date1904 and not (isinstance(raw, int) and MIN_YEAR <= raw <= MAX_YEAR):
        day = from_excel_serial(raw + _DAYS_1904)
        if day is not None:
            return day
    return raw


@dataclass(frozen=True, slots=True)
class TaskColumns:
    """A task table's columns, looked up once for all its rows (None: no such column)."""

    task: int
    number: int | None
    code: int | None
    lead: int | None
    support: int | None
    result: int | None
    evidence: int | None
    deadline: int | None
    progress: int | None
    status: int | None
    updated: int | None
    completed: int | None
    letters: dict[str, str]  # field → column letter, shared by every task of the table
    ids_are_rows: bool  # a criteria table's code column and no number: a task's id is its row
    scale: float  # the progress column's (see column_scale)
    texts: tuple[int | None, ...]  # read at once when a row has a task: lead … status

    @classmethod
    def of(cls, sheet: Sheet, header: Header) -> TaskColumns:
        cols = header.columns
        scale = 1.0 if "progress" not in cols else column_scale(sheet, header, cols["progress"])
        return cls(cols["task"], cols.get("number"), cols.get("code"), cols.get("lead"),
                   cols.get("support"), cols.get("result"), cols.get("evidence"),
                   cols.get("deadline"), cols.get("progress"), cols.get("status"),
                   cols.get("updated"), cols.get("completed"), header.letters,
                   "code" in cols and header.is_criteria_table and "number" not in cols, scale,
                   tuple(cols.get(f) for f in ("lead", "support", "result", "evidence", "status")))


def task_row(state: ReadState, sheet: Sheet, header: Header, r: int, current: Criterion | None,
             at: TaskColumns) -> bool | str | None:
    """Read the row's task: True when one was read; else "continued" (the task merged
    down from the row above), "heading", "total", or None (no task text)."""
    if (r, at.task) in sheet.continued:
        return "continued"
    text = sheet.text
    title = text(r, at.task)
    if not title:
        return None
    if current is None and _group_heading(sheet, header, r):
        return "heading"
    if may_be_total(title) and not (text(r, at.lead) or text(r, at.deadline)) \
            and TOTAL_LINE.fullmatch(fold(title)):
        return "total"  # "Tổng cộng: 4 nhiệm vụ" under a list of tasks (a task has a lead)
    task_id = text(r, at.number).rstrip(".") if at.number is not None else ""
    written: list[tuple[str, str]]
    if current is not None:
        criteria = [current.code]
        if at.ids_are_rows:
            task_id = ""
        written = []
    else:
        written = split_written_codes(text(r, at.code))
        criteria = [code for _, code in written]
    lead, support, result, evidence, status_text = sheet.texts(r, at.texts)
    if not support:
        supports = []
    elif ";" in support or "\n" in support:
        supports = [s for s in (clean(p) for p in _SPLIT.split(support)) if s]
    else:
        supports = [support]  # one unit, its cell already clean
    grid = sheet.grid
    name = grid.name
    formulas = grid.formulas  # (most workbooks have none: no cell to look up)
    deadline = NO_DEADLINE
    col = at.deadline
    if col is not None and not (formulas and (r, col) in formulas) and not (
        grid.errors and (r, col) in grid.errors  # already an error-cell problem, not "no deadline"
    ):
        deadline = parse_deadline(_date_cell(grid, sheet.raw(r, col)), state.plan_year)
        if deadline.kind == "unparsed":
            state.problem("unparsed-deadline", "error", name, r, col, value=deadline.text)
        elif deadline.kind == "none" and not deadline.text:
            state.problem("no-deadline", "warning", name, r, col)
    progress = None
    col = at.progress
    if col is not None:
        raw = sheet.raw(r, col)
        try:
            progress = parse_progress(raw, at.scale)
        except ValueError:
            state.problem("bad-progress", "error", name, r, col, value=cell_text(raw))
    col = at.status
    if col is not None and progress is None:
        # "Tiến độ" holding 100%, 50%, 0% as numbers is the progress
        raw = sheet.raw(r, col)
        if isinstance(raw, str) and NUMBER_TEXT.match(raw.strip()):
            raw = float(raw.strip().replace(",", "."))  # "0,5" typed as text
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            status_scale = state.status_scales.get(id(header))
            if status_scale is None:
                status_scale = state.status_scales[id(header)] = column_scale(
                    sheet, header, col, texts=True)
            try:
                progress = scale_progress(raw, status_scale)
                status_text = ""
            except ValueError:
                pass  # not a progress: an unknown status, below
    status, known = parse_status(status_text, progress)
    if status_text and not fold(status_text):
        status, known = "unknown", False  # "???", "…": text, but no words
    if not known:
        state.problem("unknown-status", "warning", name, r, col, value=status_text)
    updated = _day(state, sheet, r, at.updated, "updated") if at.updated is not None else None
    completed = _day(state, sheet, r, at.completed, "completed") \
        if at.completed is not None else None
    # in Task's field order: keyword arguments cost twice as much, once per task
    task = Task(name, r + 1, task_id or str(r + 1), title, criteria, lead, supports, deadline,
                status, status_text, progress, result, evidence, updated, completed,
                (r + 1) in grid.hidden_rows, at.letters)
    if written and any(kind for kind, _ in written):
        state.worded.append((task, written))
    state.tasks.append(task)
    return True


def _group_heading(sheet: Sheet, header: Header, r: int) -> bool:
    """A heading row inside a list of tasks: "II | NHÓM NHIỆM VỤ …" with nothing else."""
    cols = header.columns
    number = sheet.text(r, cols.get("number", cols.get("code")))
    number = number.rstrip(".")
    if number[:1].isdigit():
        return False  # "1", "2.3": a task's number (most rows), neither Roman nor a letter
    if not number:
        # no number: a heading in capitals ("CHỦ TỊCH UBND XÃ", "NHÓM NHIỆM VỤ THƯỜNG XUYÊN")
        if not sheet.text(r, cols.get("task")).isupper():
            return False
    elif not (ROMAN.match(number) or (number.isalpha() and number.isupper())):
        return False
    others = ("lead", "deadline", "status", "progress", "support", "updated", "completed")
    return not any(sheet.text(r, cols.get(name)) for name in others if name in cols)


def _day(state: ReadState, sheet: Sheet, r: int, col: int, name: str) -> date | None:
    formulas = sheet.grid.formulas
    if formulas and (r, col) in formulas:
        return None
    raw = sheet.raw(r, col)
    if raw.__class__ is str and not raw:
        return None  # an empty cell (most of them): what parse_day gives for ""
    raw = _date_cell(sheet.grid, raw)
    try:
        return parse_day(raw, state.plan_year)
    except ValueError:
        state.problem("bad-date", "error", sheet.grid.name, r, col, value=cell_text(raw),
                      column=FIELD_BY_NAME[name].vi)
        return None

