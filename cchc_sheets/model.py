"""Plain data: what the reader finds and what the check concludes.

Everything is a dataclass so that the library can be used without the CLI; ``report.py`` turns a
:class:`CheckResult` into the JSON of the contract, ``frames.py`` into pandas DataFrames.

The reader's records (:class:`Plan`, its :class:`Task` and :class:`Criterion` lists) are never
changed by the check: :func:`~cchc_sheets.checking.rules.check_plan` returns its own copies, carrying what
it concluded (``flags``, ``days_overdue``, ``unit``, the lead as matched, ``covering``), in
:attr:`CheckResult.tasks` and :attr:`CheckResult.criteria`. Two checks of one plan at two dates
are independent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from cchc_sheets.read.reading import Reading

from cchc_sheets.checking import flags as _flags

Severity = Literal["error", "warning"]
DeadlineKind = Literal["date", "ongoing", "none", "unparsed"]
Status = Literal["done", "in_progress", "not_started", "cancelled", "unknown"]

STATUSES: tuple[Status, ...] = ("done", "in_progress", "not_started", "cancelled", "unknown")
# task flags that do not need attention (exit status 0, contract §5.4); see flags.py
QUIET_FLAGS = _flags.quiet()


@dataclass(frozen=True)
class Problem:
    """Something wrong in the input, located at a cell where there is one.

    ``code`` is a stable kebab-case name; ``args`` fill the message template of that code in
    ``messages.py`` (Vietnamese or English).
    """

    code: str
    severity: Severity
    sheet: str | None = None
    cell: str | None = None
    args: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    file: str | None = None

    @property
    def ref(self) -> str:
        """``Phân công!F12``, or the sheet, or the file, or empty."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or self.file or ""

    def message(self, lang: str = "vi") -> str:
        from cchc_sheets.messages import render

        return render(self.code, lang, ref=self.ref, file=self.file or "", **self.args)


@dataclass(frozen=True)
class Deadline:
    """A parsed deadline; ``text`` is always what the officer typed (or the date as shown)."""

    kind: DeadlineKind
    due: date | None = None
    text: str = ""
    cadence_days: int | None = None  # for ongoing work: an update is expected this often


NO_DEADLINE = Deadline("none")  # immutable: one object serves every task without a deadline


@dataclass
class Task:
    """One row of assigned work."""

    sheet: str
    row: int
    id: str
    title: str
    criteria: list[str] = field(default_factory=list)
    lead: str = ""
    support: list[str] = field(default_factory=list)
    deadline: Deadline = NO_DEADLINE
    status: Status = "unknown"
    status_text: str = ""
    progress: float | None = None  # 0–100
    result: str = ""
    evidence: str = ""
    updated: date | None = None
    completed: date | None = None
    hidden: bool = False
    # field name → column letter ("F"), one dict shared by every task of a table;
    # a full address ("F12") is accepted too
    cells: dict[str, str] = field(default_factory=dict)
    # the check's conclusions: empty on what the reader returns, set on the check's own copy
    # (``CheckResult.tasks``); the check also sets ``lead``/``support`` there as it matched them
    unit: str = ""
    flags: list[str] = field(default_factory=list)
    days_overdue: int | None = None

    @property
    def ref(self) -> str:
        return f"{self.sheet}!{self.row}"

    def address(self, field_name: str) -> str | None:
        """``F12`` for a field's cell, or None where the sheet has no such column."""
        column = self.cells.get(field_name)
        if not column:
            return None
        return column if column[-1].isdigit() else f"{column}{self.row}"

    def cell(self, field_name: str) -> str:
        """``Sheet!F12`` for a field's cell, or ``Sheet!12`` where the sheet has no such column."""
        address = self.address(field_name)
        return f"{self.sheet}!{address}" if address else self.ref

    @property
    def is_open(self) -> bool:
        return self.status not in ("done", "cancelled")


@dataclass
class Criterion:
    """One line of the scoring frame: an area, a criterion or a sub-criterion."""

    code: str
    name: str
    level: int
    sheet: str = ""
    row: int = 0
    max: float | None = None
    scores: dict[int, float | None] = field(default_factory=dict)  # year → points; None: n/a
    bonus: bool = False
    parent: str | None = None
    cells: dict[str, str] = field(default_factory=dict)  # "max", "score:2024" → "D7"
    # a cell on another sheet than the criterion's ("score:2024" read from sheet "KQ 2024")
    cell_sheets: dict[str, str] = field(default_factory=dict)
    # set by the scoring (when reading)
    score: float | None = None
    previous: float | None = None
    applicable: bool = True
    lost: float | None = None
    ratio: float | None = None
    # the check's conclusions, set on its own copy (``CheckResult.criteria``)
    flags: list[str] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)  # task refs "Phân công!12"
    covering: int = 0  # tasks naming it, a criterion above or below it (set for weak ones)
    children: list[str] = field(default_factory=list)
    leaf: bool = True  # lowest level that has scores
    applicable_max: float | None = None  # max of the parts that apply last year
    stated_lost: float | None = None  # "Điểm bị trừ" as written, checked against max − score
    stated_lost_year: int | None = None

    @property
    def ref(self) -> str:
        return f"{self.sheet}!{self.row}" if self.sheet else self.code

    @property
    def shown_code(self) -> str:
        """The code as an officer may see it: "" for a line the workbook gives no code (the
        reader's internal mark, "2.3.~1", never reaches an output; the line is shown by its
        text and cell)."""
        return shown_code(self.code)

    def sheet_of(self, cell_key: str) -> str:
        """The sheet of the cell ``cells[cell_key]``."""
        return self.cell_sheets.get(cell_key, self.sheet)


def shown_code(code: str | None) -> str:
    """``code`` unless it is an internal mark for a line without a code ("" then)."""
    return "" if not code or "~" in code else code


@dataclass
class Plan:
    """Everything read from the officer's workbook (and the scores workbook, if any)."""

    source: Path
    tasks: list[Task]
    criteria: list[Criterion]
    problems: list[Problem]
    plan_year: int | None = None
    title: str = ""
    index: str = "cchc"  # the scored frame the plan is about (vocabulary.INDEXES)
    scores_source: Path | None = None
    years: list[int] = field(default_factory=list)  # score years found, ascending
    has_updated_column: bool = False
    has_evidence_column: bool = False
    task_sheets: list[str] = field(default_factory=list)
    criteria_sheets: list[str] = field(default_factory=list)
    commune: str = ""  # "Xã Thanh Đa": from the config, else the plan's heading, else ""
    reading: Reading | None = None  # how the plan was read (contract §8)


@dataclass(frozen=True)
class Thresholds:
    due_soon_days: int = 14
    stale_days: int = 14
    low_ratio: float = 0.5


@dataclass
class Totals:
    """Tasks by state and by what needs attention."""

    tasks: int = 0
    done: int = 0
    in_progress: int = 0
    not_started: int = 0
    cancelled: int = 0
    unknown: int = 0
    overdue: int = 0
    due_soon: int = 0
    missing_update: int = 0


@dataclass
class UnitSummary(Totals):
    """The counts of one lead unit, plus what "% đúng hạn" needs."""

    unit: str = ""
    done_on_time: int = 0
    due_by_now: int = 0  # tasks whose due date has passed (for "% đúng hạn")

    @property
    def on_time_ratio(self) -> float | None:
        """Share of tasks due by as_of that were done on time; None when none were due."""
        if not self.due_by_now:
            return None
        return self.done_on_time / self.due_by_now


@dataclass
class TrendPoint:
    """One recorded week of the check history."""

    as_of: date
    tasks: int
    done: int
    overdue: int
    missing_update: int
    points_at_stake: float


@dataclass
class CheckResult:
    """The weekly check: the plan, its flags and figures, as of one day.

    ``tasks`` and ``criteria`` are the check's own records (copies of the plan's, with flags);
    a result built by hand without them shows the plan's.
    """

    as_of: date
    plan: Plan
    thresholds: Thresholds
    totals: Totals
    units: list[UnitSummary]
    weak_criteria: list[str]
    last_year: int | None = None
    previous_year: int | None = None
    problems: list[Problem] = field(default_factory=list)  # the one list: reading and checking
    trend: list[TrendPoint] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.tasks and self.plan.tasks:
            self.tasks = self.plan.tasks
        if not self.criteria and self.plan.criteria:
            self.criteria = self.plan.criteria

    @property
    def plan_year(self) -> int | None:
        return self.plan.plan_year

    def criterion(self, code: str) -> Criterion | None:
        for item in self.criteria:
            if item.code == code:
                return item
        return None

    @property
    def needs_attention(self) -> bool:
        """True when the exit status is 1: a task flag that needs attention (flags.py), or an
        error."""
        attention = _flags.needs_attention()
        if any(attention.intersection(t.flags) for t in self.tasks):
            return True
        return any(p.severity == "error" for p in self.problems)
