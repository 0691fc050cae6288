"""The weekly check: task flags, criterion flags, weak criteria, units and totals (contract §4).

Each rule is a small function; :func:`check_plan` applies them all. Nothing here reads the clock:
the caller passes ``as_of``.
"""

from __future__ import annotations

import dataclasses
import operator
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

from cchc_sheets.checking import flags as flag_table
from cchc_sheets.config import Config, UnitConfig
from cchc_sheets.lazyre import lazy
from cchc_sheets.model import (
    CheckResult,
    Criterion,
    Plan,
    Task,
    Thresholds,
    Totals,
    UnitSummary,
)
from cchc_sheets.read.scoring import code_key, score_years
from cchc_sheets.text import clean, fold

# the flags' kinds live in flags.py; these names stay for the library's users
MISSING_UPDATE_FLAGS = flag_table.missing_update()
WEAK_FLAGS = flag_table.weak()
_EPS = 1e-6

#: A task rule gives its flag, or None: one function per flag of the table in flags.py
TaskRule = Callable[[Task, Plan, date, Thresholds], str | None]


def overdue(task: Task, plan: Plan, as_of: date, t: Thresholds) -> str | None:
    # each rule asks its cheapest and most selective question first: every rule runs on
    # every task of every plan of a roll-up
    due = task.deadline.due
    if due is not None and due < as_of and task.deadline.kind == "date" and task.is_open:
        return "overdue"  # check_plan sets days_overdue on its own copy
    return None


def due_soon(task: Task, plan: Plan, as_of: date, t: Thresholds) -> str | None:
    due = task.deadline.due
    if due is not None and as_of <= due and task.deadline.kind == "date" and task.is_open:
        if (due - as_of).days <= t.due_soon_days:  # as_of ≤ due ≤ as_of + due_soon_days
            return "due-soon"
    return None


def done_late(task: Task, plan: Plan, as_of: date, t: Thresholds) -> str | None:
    due = task.deadline.due
    if task.status == "done" and task.completed and due and task.completed > due:
        return "done-late"
    return None


def no_status(task: Task, plan: Plan, as_of: date, t: Thresholds) -> str | None:
    if task.status == "unknown":
        return "no-status"
    return None


def stale(task: Task, plan: Plan, as_of: date, t: Thresholds) -> str | None:
    if not plan.has_updated_column or not task.is_open:
        return None
    if task.updated is None:
        return "stale"
    # updated before as_of − window: more than ``window`` days ago
    window = max(t.stale_days, task.deadline.cadence_days or 0)
    if (as_of - task.updated).days > window:
        return "stale"
    return None


def no_evidence(task: Task, plan: Plan, as_of: date, t: Thresholds) -> str | None:
    if task.status == "done" and plan.has_evidence_column and not task.evidence:
        return "no-evidence"
    return None


def no_lead(task: Task, plan: Plan, as_of: date, t: Thresholds) -> str | None:
    if not task.lead:
        return "no-lead"
    return None


TASK_RULES: tuple[TaskRule, ...] = (
    overdue, due_soon, done_late, no_status, stale, no_evidence, no_lead,
)


def check_plan(
    plan: Plan,
    as_of: date,
    config: Config | None = None,
    *,
    unchanged: Callable[[list[Task]], set[int]] | None = None,
) -> CheckResult:
    """Apply every rule of the contract to a plan read by :func:`read_plan`.

    ``unchanged`` (from the check history) returns the indices of tasks whose state has not
    changed for ``stale_days``; without it the ``unchanged`` flag is never set.

    The plan is never changed: the result's tasks and criteria are the check's own copies,
    carrying its flags, days overdue and units.
    """
    config = config or Config()
    t = config.thresholds
    tasks = [_copy(task) for task in plan.tasks]
    for task in tasks:
        task.flags = task_flags(task, plan, as_of, t)
        task.days_overdue = (as_of - task.deadline.due).days \
            if "overdue" in task.flags and task.deadline.due is not None else None
    if unchanged is not None:
        for index in sorted(unchanged(tasks)):
            task = tasks[index]
            if task.is_open and "unchanged" not in task.flags:
                task.flags.append("unchanged")
    assign_units(tasks, config.units)
    last, previous = score_years(plan.plan_year, plan.years)
    criteria = [_copy(item) for item in plan.criteria]
    flag_criteria(criteria, tasks, t)
    weak = rank_weak(criteria)
    return CheckResult(
        as_of=as_of,
        plan=plan,
        thresholds=t,
        totals=totals(tasks),
        units=unit_table(tasks, as_of),
        weak_criteria=[c.code for c in weak],
        last_year=last,
        previous_year=previous,
        problems=list(plan.problems),
        tasks=tasks,
        criteria=criteria,
    )


def task_flags(task: Task, plan: Plan, as_of: date, t: Thresholds) -> list[str]:
    """The flags every rule of :data:`TASK_RULES` gives ``task`` (without ``unchanged``)."""
    flags = []
    for rule in TASK_RULES:  # a plain loop: cheaper than a comprehension's own frame
        flag = rule(task, plan, as_of, t)
        if flag is not None:
            flags.append(flag)
    return flags


def check_figures(plan: Plan, as_of: date, config: Config | None = None) -> CheckResult:
    """The check's figures alone, for a caller that keeps nothing else (the roll-up): the same
    totals, criteria and weak criteria as :func:`check_plan` (without the history), but no
    unit table, and its tasks are the plan's as read, without flags: no task record is copied.
    The plan is not changed."""
    t = (config or Config()).thresholds
    tasks = plan.tasks
    result = _totals(tasks, [task_flags(task, plan, as_of, t) for task in tasks])
    last, previous = score_years(plan.plan_year, plan.years)
    criteria = [_copy(item) for item in plan.criteria]
    flag_criteria(criteria, tasks, t)
    return CheckResult(
        as_of=as_of, plan=plan, thresholds=t, totals=result, units=[],
        weak_criteria=[c.code for c in rank_weak(criteria)], last_year=last,
        previous_year=previous, problems=list(plan.problems), tasks=tasks,
        criteria=criteria)


_Record = TypeVar("_Record", Task, Criterion)


def _copy(record: _Record) -> _Record:
    """A shallow copy (its lists are replaced, never changed in place, by the check).

    Made through ``__init__`` with every field: copying ``__dict__`` would give the copy and the
    original a materialised dict, slower to read and bigger, on tens of thousands of tasks."""
    kind = type(record)
    values = _FIELD_GETTERS.get(kind)
    if values is None:
        names = [f.name for f in dataclasses.fields(kind)]
        values = _FIELD_GETTERS[kind] = operator.attrgetter(*names)
    return kind(*values(record))


_FIELD_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}


def _count(into: Totals, status: str, flags: list[str], missing: frozenset[str]) -> None:
    into.tasks += 1
    setattr(into, status, getattr(into, status) + 1)
    into.overdue += "overdue" in flags
    into.due_soon += "due-soon" in flags
    into.missing_update += not missing.isdisjoint(flags)


def totals(tasks: list[Task]) -> Totals:
    return _totals(tasks, [task.flags for task in tasks])


def _totals(tasks: list[Task], flag_lists: list[list[str]]) -> Totals:
    """The totals of ``tasks``, whose flags are ``flag_lists`` (one list a task, in order)."""
    result = Totals(tasks=len(tasks))
    for status, count in Counter(task.status for task in tasks).items():
        setattr(result, status, getattr(result, status) + count)
    missing = frozenset(flag_table.missing_update())
    for flags in flag_lists:
        if flags:  # (many tasks have none)
            result.overdue += "overdue" in flags
            result.due_soon += "due-soon" in flags
            result.missing_update += not missing.isdisjoint(flags)
    return result


# --- units ------------------------------------------------------------------------------------


def unit_key(name: str) -> str:
    """Unit names compared after folding (dashes of every kind alike)."""
    return fold(name)


_COMMAS = lazy(r"\s*,\s*")
_CONTINUED = lazy(r"(?:[-\u2013\u2014,/&]|\bvà)$")  # "Công chức Văn hóa -⏎Xã hội"


def _lines(piece: str) -> list[str]:
    """The units of a piece of a lead cell between ";": one a line (contract §7: new lines
    always separate units), except a line that goes on from the one above, wrapped by hand
    (the line above ends with a dash or a comma, or this one begins in lower case or with
    "(": "Công chức Tư pháp - Hộ tịch⏎(đ/c Hùng)", "Phó Chủ tịch UBND xã⏎phụ trách khối VH-XH")."""
    lines: list[str] = []
    for line in (p.strip() for p in piece.split("\n")):
        if not line:
            continue
        if lines and (_CONTINUED.search(lines[-1]) or line[0].islower() or line[0] == "("):
            lines[-1] = f"{lines[-1]}\n{line}"
        else:
            lines.append(line.lstrip("-+• ").strip() or line)
    return lines


def split_leads(tasks: list[Task], configured: set[str]) -> None:
    """A lead cell naming several units: the first leads, the others join the support.

    Units apart after ``;`` and on new lines always (a line wrapped by hand aside, see
    :func:`_lines`). After ``,`` only when the ones after the first are units known on their
    own (configured, or leading or supporting another task), since "Đ/c Lan, Phó Chủ tịch" and
    "Các phòng, ban, đơn vị" are one each.
    """
    several = [t for t in tasks if ";" in t.lead or "," in t.lead or "\n" in t.lead]
    listed = [t for t in tasks if any("," in s for s in t.support)]
    if not several and not listed:
        return
    known = configured | {unit_key(t.lead) for t in tasks if t.lead} | {
        unit_key(s) for t in tasks for s in t.support}
    for task in listed:
        task.support = list(dict.fromkeys(p for s in task.support for p in _support_units(s, known)))
    for task in several:
        parts: list[str] = []
        for line in (p for piece in task.lead.split(";") for p in _lines(piece)):
            subs = [p for p in _COMMAS.split(line) if p]
            if len(subs) > 1 and all(unit_key(p) in known for p in subs[1:]):
                parts += subs
            elif line:
                parts.append(line)
        if len(parts) > 1:
            task.lead = parts[0]
            task.support = list(dict.fromkeys([*parts[1:], *task.support]))


def _support_units(piece: str, known: set[str]) -> list[str]:
    """A supporting piece with commas: several units when each part after the first is a unit
    known on its own or a name of its own (a capital first letter: "Văn phòng, Tư pháp");
    otherwise one collective phrase ("Các phòng, ban, đơn vị", "Trưởng các thôn, buôn",
    "các thôn, tổ dân phố")."""
    parts = [p for p in (p.strip() for p in piece.split(",")) if p]
    if len(parts) > 1 and all(unit_key(p) in known or p[:1].isupper() for p in parts[1:]):
        return parts
    return [piece]


def assign_units(tasks: list[Task], units: list[UnitConfig]) -> None:
    """Set ``task.unit``: the configured canonical name, else the most frequent spelling."""
    canonical: dict[str, str] = {}
    for unit in units:
        for alias in (unit.name, *unit.aliases):
            canonical.setdefault(unit_key(alias), unit.name)
    split_leads(tasks, set(canonical))
    spellings: dict[str, Counter[str]] = {}
    first_seen: dict[str, dict[str, int]] = {}
    for index, task in enumerate(tasks):
        lead = clean(task.lead)
        if not lead:
            task.unit = ""
            continue
        key = unit_key(lead)
        if key in canonical:
            task.unit = canonical[key]
            continue
        counter = spellings.get(key)
        if counter is None:  # (not setdefault: that would build a Counter for every task)
            counter = spellings[key] = Counter()
            first_seen[key] = {}
        counter[lead] += 1
        first_seen[key].setdefault(lead, index)
    chosen = {
        key: min(counter, key=lambda s: (-counter[s], first_seen[key][s]))
        for key, counter in spellings.items()
    }
    for task in tasks:
        if task.lead and not task.unit:
            task.unit = chosen[unit_key(task.lead)]


def unit_table(tasks: list[Task], as_of: date) -> list[UnitSummary]:
    """One row per lead unit, in the order units first appear."""
    rows: dict[str, UnitSummary] = {}
    missing = frozenset(flag_table.missing_update())
    for task in tasks:
        if not task.unit:
            continue
        row = rows.get(task.unit)
        if row is None:
            row = rows[task.unit] = UnitSummary(unit=task.unit)
        _count(row, task.status, task.flags, missing)
        due = task.deadline.due
        if task.deadline.kind == "date" and due is not None and due < as_of:
            if task.status == "cancelled":
                continue
            row.due_by_now += 1
            finished = task.status == "done"
            if finished and (task.completed is None or task.completed <= due):
                row.done_on_time += 1
    return list(rows.values())


# --- criteria ---------------------------------------------------------------------------------


def flag_criteria(criteria: list[Criterion], tasks: list[Task], t: Thresholds) -> None:
    """Criterion flags on the lowest level that has scores; ``uncovered`` from the tasks.

    Sets ``flags``, ``covering`` and ``tasks`` of ``criteria`` (the check's copies)."""
    weak_flags = frozenset(flag_table.weak())
    by_code = {c.code: c for c in criteria}
    named: dict[str, list[str]] = {}
    sorted_codes: list[str] | None = None  # of ``named``, when a weak line needs them
    for task in tasks:
        for code in task.criteria:
            named.setdefault(code, []).append(task.ref)
    for item in criteria:
        refs = named.get(item.code)
        item.tasks = list(dict.fromkeys(refs)) if refs else []
        item.covering = 0
        item.flags = flags = []  # a list of the check's own: the copy shares the plan's
        score, top, previous = item.score, item.applicable_max, item.previous
        if item.bonus or not item.leaf or not item.applicable or score is None:
            continue
        if top is None or top <= 0:
            continue
        if score < top - _EPS:
            flags.append("lost")
        if item.ratio is not None and item.ratio < t.low_ratio:
            flags.append("low")
        if previous is not None and score < previous - _EPS:
            flags.append("declined")
        if previous is not None and abs(score - previous) <= _EPS and item.lost:
            flags.append("not-improved")
        if abs(score - top) <= _EPS:
            flags.append("maintain")
        if not weak_flags.isdisjoint(flags):
            if sorted_codes is None:
                sorted_codes = sorted(named)
            item.covering = _covering(item, by_code, named, sorted_codes)
            if not item.covering:
                flags.append("uncovered")


def _covering(item: Criterion, by_code: dict[str, Criterion], named: dict[str, list[str]],
              sorted_codes: list[str] | None = None) -> int:
    """How many tasks name this criterion, a criterion above it, or one below it."""
    refs = list(named.get(item.code, []))
    parent = item.parent
    while parent is not None:
        refs += named.get(parent, [])
        parent = by_code[parent].parent
    prefix = item.code + "."
    if sorted_codes is None:
        sorted_codes = sorted(named)
    # the codes under this one are together in sorted order, from the prefix on
    for index in range(bisect_left(sorted_codes, prefix), len(sorted_codes)):
        code = sorted_codes[index]
        if not code.startswith(prefix):
            break
        refs += named[code]
    return len(set(refs))


def rank_weak(criteria: list[Criterion]) -> list[Criterion]:
    """Weak criteria: flagged lost, low or declined; by points lost, then ratio, then code."""
    weak_flags = frozenset(flag_table.weak())
    weak = [c for c in criteria if not weak_flags.isdisjoint(c.flags)]
    return sorted(
        weak,
        key=lambda c: (-(c.lost or 0.0), c.ratio if c.ratio is not None else 0.0, code_key(c.code)),
    )
