"""Every column of the summary's lists, declared once per sheet.

A :class:`Column` is a key, the label key of its header (in :mod:`cchc_sheets.render.labels`), its
width limits in characters, its getter and its format (the kind of value). Each sheet is one
tuple of columns, in the order shown; the writer (:mod:`cchc_sheets.render.summary`) loops over it for
the header, the widths, the values and the formats. Adding a column is one entry here and its
header in ``labels.py``.

A getter is ``get(item, context)``: the item is a task, a criterion, a problem, a unit, a check
of the history or a line of the reading report; the :class:`Context` holds what depends on the
language and the as-of date, made once per workbook.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from cchc_sheets.checking import flags as flag_table
from cchc_sheets.lazyre import lazy
from cchc_sheets.model import STATUSES, CheckResult, Criterion, Task, UnitSummary, shown_code
from cchc_sheets.render.labels import flag_label, label, status_label
from cchc_sheets.render.listsheet import MAX_WIDTH, Shown

__all__ = [
    "ALL_TASKS",
    "DUE_SOON",
    "MISSING",
    "OVERDUE",
    "PROBLEMS",
    "READING",
    "TREND",
    "UNITS",
    "WEAK",
    "Column",
    "Context",
    "Words",
    "laid_out",
    "index_of",
    "shown",
    "unit_name",
]

_PLAIN_NUMBER = lazy(r"[1-9][0-9]{0,8}")

Getter = Callable[[Any, Any], Any]  # (item, context) → value


@dataclass(frozen=True)
class Column:
    """One column of a list.

    ``get`` is ``None`` for a column numbering the rows 1..n. ``header``, when given, makes the
    header text from the context (a header with a year in it); ``when``, when given, says
    whether the column is shown at all.
    """

    key: str
    label: str
    width: tuple[float, float]  # (min, max) characters of Times New Roman 12
    get: Getter | None
    kind: str  # text, wrap, id, date, int, pct, points, change, count
    header: Callable[[Any], str] | None = None
    when: Callable[[Any], bool] | None = None


@dataclass(frozen=True)
class Words:
    """The least a context holds: the language, and its words."""

    lang: str

    def t(self, key: str, **args: Any) -> str:
        return label(key, self.lang, **args)


@dataclass(frozen=True)
class Context(Words):
    """What the summary's getters need besides their item: the check and its words."""

    result: CheckResult
    flags: dict[str, str] = field(default_factory=dict)  # flag → its label
    missing: frozenset[str] = frozenset()  # the missing-update flags
    fields: dict[str, str] = field(default_factory=dict)  # flag → the field to fill
    statuses: dict[str, str] = field(default_factory=dict)  # status → its label

    @classmethod
    def of(cls, result: CheckResult, lang: str) -> Context:
        return cls(
            lang=lang, result=result,
            flags={flag.name: flag_label(flag.name, lang) for flag in flag_table.FLAGS},
            missing=frozenset(flag_table.missing_update()),
            fields={flag.name: flag.field or "task" for flag in flag_table.FLAGS},
            statuses={s: status_label(s, lang) for s in STATUSES},
        )


def shown(columns: Sequence[Column], context: Words) -> list[Column]:
    """The columns shown with ``context`` (those whose ``when`` holds)."""
    return [c for c in columns if c.when is None or c.when(context)]


def laid_out(columns: Sequence[Column], context: Words) -> list[Shown]:
    """The header text, kind and width limits of each column, as the layout wants them."""
    return [Shown(c.header(context) if c.header else context.t(c.label), c.kind, *c.width)
            for c in columns]


def index_of(columns: Sequence[Column], key: str) -> int:
    return [c.key for c in columns].index(key)


# ------------------------------------------------------------------------------ tasks


def _status(task: Task, c: Context) -> str:
    text = c.statuses.get(task.status, task.status)
    if task.status == "unknown" and task.status_text:
        text += f" ({task.status_text})"
    return text


def _days_left(task: Task, c: Context) -> int | None:
    due = task.deadline.due
    return (due - c.result.as_of).days if due is not None else None


def _first_missing_cell(task: Task, c: Context) -> str:
    # the cell an officer has to fill for the first missing update (flags.py)
    first = next(f for f in task.flags if f in c.missing)
    return task.cell(c.fields[first])


def _task_column(key: str, width: tuple[float, float], get: Getter | None,
                 kind: str) -> Column:
    return Column(key, "col." + key, width, get, kind)


def _number(t: Task, c: Context) -> Any:
    # a plain number is written as a number (Excel sorts 2 before 10)
    return int(t.id) if _PLAIN_NUMBER.fullmatch(t.id) else t.id


SOURCE_DEADLINE = Column("source", "col.source", (10, 18), lambda t, c: t.cell("deadline"), "text")
SOURCE_TASK = Column("source", "col.source", (10, 18), lambda t, c: t.cell("task"), "text")
SOURCE_MISSING = Column("source", "col.source", (10, 18), _first_missing_cell, "text")
NUMBER = _task_column("number", (5, 6), _number, "id")
POSITION = _task_column("number", (5, 6), None, "id")  # STT counts the list 1..n
CRITERIA = _task_column(
    "criteria", (7, 10), lambda t, c: ", ".join(x for x in t.criteria if shown_code(x)), "wrap")
TASK = _task_column("task", (26, 42), lambda t, c: t.title, "wrap")
LEAD = _task_column("lead", (13, 22), lambda t, c: t.unit or t.lead, "wrap")
SUPPORT = _task_column("support", (12, 18), lambda t, c: ", ".join(t.support), "wrap")
DEADLINE = _task_column("deadline", (10, 15), lambda t, c: t.deadline.text, "wrap")
DUE = _task_column(
    "due", (11, 11), lambda t, c: t.deadline.due if t.deadline.kind == "date" else None, "date")
STATUS = _task_column("status", (11, 15), _status, "wrap")
PROGRESS = _task_column(
    "progress", (8, 8), lambda t, c: t.progress / 100 if t.progress is not None else None, "pct")
UPDATED = _task_column("updated", (11, 11), lambda t, c: t.updated, "date")
DAYS_OVERDUE = _task_column("days_overdue", (8, 8), lambda t, c: t.days_overdue, "int")
DAYS_LEFT = _task_column("days_left", (8, 8), _days_left, "int")
FLAGS = _task_column(
    "flags", (14, 24), lambda t, c: "; ".join(c.flags.get(f, f) for f in t.flags), "wrap")
NEEDS = _task_column(
    "needs", (16, 26),
    lambda t, c: "; ".join(c.flags.get(f, f) for f in t.flags if f in c.missing), "wrap")
RESULT = _task_column("result", (16, 32), lambda t, c: t.result, "wrap")
EVIDENCE = _task_column("evidence", (14, 26), lambda t, c: t.evidence, "wrap")

OVERDUE = (SOURCE_DEADLINE, NUMBER, CRITERIA, TASK, LEAD, DEADLINE, DUE, DAYS_OVERDUE, STATUS,
           PROGRESS, RESULT)
DUE_SOON = (SOURCE_DEADLINE, NUMBER, CRITERIA, TASK, LEAD, SUPPORT, DEADLINE, DUE, DAYS_LEFT,
            STATUS, PROGRESS)
MISSING = (SOURCE_MISSING, POSITION, TASK, LEAD, NEEDS, STATUS, UPDATED, DUE, RESULT, EVIDENCE)
ALL_TASKS = (SOURCE_TASK, NUMBER, CRITERIA, TASK, LEAD, SUPPORT, DEADLINE, DUE, STATUS, PROGRESS,
             UPDATED, DAYS_OVERDUE, FLAGS, RESULT, EVIDENCE)


# ------------------------------------------------------------------------------ criteria


def _criterion_source(item: Criterion, c: Context) -> str:
    result = c.result
    key = f"score:{result.last_year}"
    cell = item.cells.get(key) if result.last_year is not None else None
    if cell and item.sheet:
        return f"{item.sheet_of(key)}!{cell}"
    return item.ref


def _change(item: Criterion, c: Context) -> float | None:
    if item.score is None or item.previous is None:
        return None
    return round(item.score - item.previous, 4)


def _score_header(c: Context) -> str:
    last = c.result.last_year
    return c.t("col.score_year", year=last) if last else c.t("col.score_last")


def _with_previous(c: Context) -> bool:
    return c.result.previous_year is not None


WEAK = (
    Column("source", "col.source", (10, 18), _criterion_source, "text"),
    Column("code", "col.code", (6, 10), lambda x, c: x.shown_code, "text"),
    Column("criterion", "col.criterion", (30, 50), lambda x, c: x.name, "wrap"),
    Column("max", "col.max", (8, MAX_WIDTH), lambda x, c: x.max, "points"),
    Column("score", "col.score_year", (8, MAX_WIDTH), lambda x, c: x.score, "points",
           header=_score_header),
    Column("previous", "col.score_year", (8, MAX_WIDTH), lambda x, c: x.previous, "points",
           header=lambda c: c.t("col.score_year", year=c.result.previous_year),
           when=_with_previous),
    Column("change", "col.change", (9, MAX_WIDTH), _change, "change", when=_with_previous),
    Column("lost", "col.lost", (11, MAX_WIDTH), lambda x, c: x.lost, "points"),
    Column("ratio", "col.ratio", (8, MAX_WIDTH), lambda x, c: x.ratio, "pct"),
    Column("flags", "col.flags", (16, 30),
           lambda x, c: "; ".join(flag_label(f, c.lang) for f in x.flags), "wrap"),
    Column("tasks", "col.task_count", (10, 18),
           lambda x, c: x.covering or flag_label("uncovered", c.lang), "count"),
)


# ------------------------------------------------------------------------------ the others

PROBLEMS = (
    Column("severity", "col.severity", (10, 12), lambda p, c: c.t("severity." + p.severity),
           "text"),
    Column("cell", "col.cell", (10, 24), lambda p, c: p.ref, "text"),
    Column("code", "col.problem_code", (12, 22), lambda p, c: p.code, "text"),
    Column("message", "col.message", (40, MAX_WIDTH), lambda p, c: p.message(c.lang), "wrap"),
)

# a line of the reading report is (what, where, the text read, what it was read as)
READING = (
    Column("item", "col.reading_item", (10, 16), lambda r, c: r[0], "text"),
    Column("cell", "col.cell", (10, 30), lambda r, c: r[1], "text"),
    Column("text", "col.reading_text", (30, 50), lambda r, c: r[2], "wrap"),
    Column("read_as", "col.reading_as", (24, 40), lambda r, c: r[3], "wrap"),
)

TREND = (
    Column("as_of", "col.check_date", (12, MAX_WIDTH), lambda p, c: p.as_of, "date"),
    Column("tasks", "col.tasks", (10, MAX_WIDTH), lambda p, c: p.tasks, "int"),
    Column("done", "col.done", (11, MAX_WIDTH), lambda p, c: p.done, "int"),
    Column("overdue", "col.overdue", (10, MAX_WIDTH), lambda p, c: p.overdue, "int"),
    Column("missing_update", "col.missing_update", (11, MAX_WIDTH),
           lambda p, c: p.missing_update, "int"),
    Column("points_at_stake", "col.points_at_stake", (12, MAX_WIDTH),
           lambda p, c: p.points_at_stake, "points"),
)


def unit_name(unit: UnitSummary, c: Words) -> str:
    return unit.unit or c.t("unit.none")


# the per-unit table of "Tổng quan" (its widths are the overview's columns)
UNITS = (
    Column("unit", "col.unit", (20, MAX_WIDTH), unit_name, "wrap"),
    Column("tasks", "col.tasks", (9, MAX_WIDTH), lambda u, c: u.tasks, "int"),
    Column("done", "col.done", (9, MAX_WIDTH), lambda u, c: u.done, "int"),
    Column("overdue", "col.overdue", (9, MAX_WIDTH), lambda u, c: u.overdue, "int"),
    Column("due_soon", "col.due_soon", (9, MAX_WIDTH), lambda u, c: u.due_soon, "int"),
    Column("missing_update", "col.missing_update", (9, MAX_WIDTH),
           lambda u, c: u.missing_update, "int"),
    Column("on_time", "col.on_time", (9, MAX_WIDTH), lambda u, c: u.on_time_ratio, "pct"),
)

