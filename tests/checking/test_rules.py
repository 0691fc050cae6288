"""Each rule of contract §4 walked across its boundaries."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from factories import plan_snapshot

from cchc_sheets.checking.rules import check_plan, rank_weak
from cchc_sheets.config import Config, UnitConfig
from cchc_sheets.model import Criterion, Deadline, Plan, Task, Thresholds
from cchc_sheets.read.scoring import finish_criteria

AS_OF = date(2025, 6, 30)


def task(**kw: object) -> Task:
    base: dict[str, object] = {"sheet": "Phân công", "row": 5, "id": "1", "title": "Việc",
                               "lead": "Văn phòng", "status": "in_progress"}
    base.update(kw)
    return Task(**base)  # type: ignore[arg-type]


def checked(t: Task, *, updated_col: bool = False, evidence_col: bool = True,
            thresholds: Thresholds | None = None, as_of: date = AS_OF) -> Task:
    """The check's record of ``t`` (the check never changes the task it is given)."""
    plan = Plan(Path("p.xlsx"), [t], [], [], plan_year=2025, has_updated_column=updated_col,
                has_evidence_column=evidence_col)
    result = check_plan(plan, as_of, Config(thresholds=thresholds or Thresholds()))
    assert t.flags == [] and t.days_overdue is None and t.unit == ""  # the reader's record
    return result.tasks[0]


def flags_of(t: Task, **options: object) -> list[str]:
    return checked(t, **options).flags  # type: ignore[arg-type]


def due(day: date) -> Deadline:
    return Deadline("date", day, day.strftime("%d/%m/%Y"))


@pytest.mark.parametrize(("offset", "expected"), [
    (-1, ["overdue"]), (0, ["due-soon"]), (14, ["due-soon"]), (15, []),
])
def test_overdue_and_due_soon_boundaries(offset: int, expected: list[str]) -> None:
    found = checked(task(deadline=due(AS_OF + timedelta(days=offset))))
    assert found.flags == expected
    assert found.days_overdue == (1 if offset == -1 else None)


def test_due_soon_days_is_configurable() -> None:
    t = task(deadline=due(AS_OF + timedelta(days=20)))
    assert flags_of(t, thresholds=Thresholds(due_soon_days=20)) == ["due-soon"]


@pytest.mark.parametrize("status", ["done", "cancelled"])
def test_closed_tasks_are_never_overdue(status: str) -> None:
    t = task(status=status, deadline=due(AS_OF - timedelta(days=40)), evidence="QĐ")
    assert flags_of(t) == []


def test_done_late_and_on_time() -> None:
    day = date(2025, 6, 1)
    assert flags_of(task(status="done", evidence="x", deadline=due(day),
                         completed=day + timedelta(days=1))) == ["done-late"]
    assert flags_of(task(status="done", evidence="x", deadline=due(day), completed=day)) == []


def test_no_evidence_only_for_done_tasks_in_a_plan_with_that_column() -> None:
    assert flags_of(task(status="done")) == ["no-evidence"]
    assert flags_of(task(status="done"), evidence_col=False) == []
    assert flags_of(task(status="in_progress")) == []


def test_no_status_and_no_lead() -> None:
    assert flags_of(task(status="unknown", lead="")) == ["no-status", "no-lead"]


@pytest.mark.parametrize(("age", "stale"), [(14, False), (15, True)])
def test_stale_exactly_stale_days(age: int, stale: bool) -> None:
    t = task(updated=AS_OF - timedelta(days=age))
    assert ("stale" in flags_of(t, updated_col=True)) is stale


def test_stale_needs_an_updated_column_and_open_task() -> None:
    assert flags_of(task(updated=None)) == []
    assert flags_of(task(updated=None), updated_col=True) == ["stale"]
    assert flags_of(task(status="done", evidence="x", updated=None), updated_col=True) == []


@pytest.mark.parametrize(("cadence", "age", "stale"), [
    (30, 30, False), (30, 31, True), (92, 92, False), (92, 93, True), (7, 14, False),
])
def test_ongoing_tasks_use_their_cadence_when_longer(cadence: int, age: int, stale: bool) -> None:
    t = task(deadline=Deadline("ongoing", None, "Hằng quý", cadence), updated=AS_OF - timedelta(days=age))
    assert ("stale" in flags_of(t, updated_col=True)) is stale


def test_unchanged_comes_from_the_history_callback() -> None:
    t1, t2 = task(row=5), task(row=6, status="done", evidence="x")
    plan = Plan(Path("p.xlsx"), [t1, t2], [], [], plan_year=2025)
    result = check_plan(plan, AS_OF, unchanged=lambda tasks: {0, 1})
    assert [t.flags for t in result.tasks] == [["unchanged"], []]  # a done task is never unchanged
    assert result.totals.missing_update == 1 and result.needs_attention


def test_exit_status_ignores_due_soon_and_done_late() -> None:
    t = task(deadline=due(AS_OF), status="in_progress")
    plan = Plan(Path("p.xlsx"), [t], [], [], plan_year=2025)
    assert not check_plan(plan, AS_OF).needs_attention


def test_units_through_aliases_and_most_frequent_spelling() -> None:
    tasks = [
        task(row=1, lead="VP-TK"), task(row=2, lead="Văn phòng – Thống kê"),
        task(row=3, lead="Tư pháp - Hộ tịch"), task(row=4, lead="TƯ PHÁP – HỘ TỊCH"),
        task(row=5, lead="Tư pháp - Hộ tịch"), task(row=6, lead=""),
    ]
    plan = Plan(Path("p.xlsx"), tasks, [], [], plan_year=2025)
    config = Config(units=[UnitConfig("Văn phòng - Thống kê", ("VP-TK", "Văn phòng"))])
    result = check_plan(plan, AS_OF, config)
    assert [t.unit for t in result.tasks] == ["Văn phòng - Thống kê"] * 2 + ["Tư pháp - Hộ tịch"] * 3 + [""]
    assert [(u.unit, u.tasks) for u in result.units] == [
        ("Văn phòng - Thống kê", 2), ("Tư pháp - Hộ tịch", 3),
    ]


def test_a_lead_cell_naming_several_units() -> None:
    tasks = [
        task(row=1, lead="Văn phòng - Thống kê; Tư pháp - Hộ tịch", support=["Công an xã"]),
        task(row=2, lead="Văn hóa - Xã hội\nCông an xã"),
        task(row=3, lead="VP-TK, Tư pháp - Hộ tịch"),  # both known: two units
        task(row=4, lead="Đ/c Lan, Phó Chủ tịch UBND"),  # a person and her post: one
        task(row=5, lead="Tư pháp - Hộ tịch"),
        task(row=6, lead="Đ/c Lan"),
        task(row=7, lead="Công chức Tư pháp - Hộ tịch\n(đ/c Hùng)"),  # one person, two lines
        task(row=8, lead="Phó Chủ tịch UBND xã\nphụ trách khối VH-XH"),
        task(row=9, lead="Công chức Văn hóa -\nXã hội"),  # a name wrapped by hand
        task(row=10, lead="Ban Chỉ huy\nQuân sự xã"),
    ]
    plan = Plan(Path("p.xlsx"), tasks, [], [], plan_year=2025)
    config = Config(units=[UnitConfig("Văn phòng - Thống kê", ("VP-TK",))])
    result = check_plan(plan, AS_OF, config)
    assert tasks[0].lead == "Văn phòng - Thống kê; Tư pháp - Hộ tịch"  # as read, unchanged
    assert [(t.lead, t.support) for t in result.tasks] == [
        ("Văn phòng - Thống kê", ["Tư pháp - Hộ tịch", "Công an xã"]),
        ("Văn hóa - Xã hội", ["Công an xã"]),
        ("VP-TK", ["Tư pháp - Hộ tịch"]),
        ("Đ/c Lan, Phó Chủ tịch UBND", []),
        ("Tư pháp - Hộ tịch", []),
        ("Đ/c Lan", []),
        ("Công chức Tư pháp - Hộ tịch\n(đ/c Hùng)", []),
        ("Phó Chủ tịch UBND xã\nphụ trách khối VH-XH", []),
        ("Công chức Văn hóa -\nXã hội", []),
        # contract §7: a new line always separates units (unless the line is wrapped by hand)
        ("Ban Chỉ huy", ["Quân sự xã"]),
    ]
    assert [(u.unit, u.tasks) for u in result.units][:5] == [
        ("Văn phòng - Thống kê", 2), ("Văn hóa - Xã hội", 1), ("Đ/c Lan, Phó Chủ tịch UBND", 1),
        ("Tư pháp - Hộ tịch", 1), ("Đ/c Lan", 1),
    ]


def crit(code: str, max_: float | None, **scores: float | None) -> Criterion:
    return Criterion(code=code, name=f"Tiêu chí {code}", level=code.count(".") + 1, sheet="TC",
                     row=1, max=max_, scores={int(y[1:]): v for y, v in scores.items()})


def criteria_plan(criteria: list[Criterion], tasks: list[Task] | None = None) -> Plan:
    plan = Plan(Path("p.xlsx"), tasks or [], criteria, [], plan_year=2025)
    finish_criteria(plan)
    return plan


def test_criterion_flags() -> None:
    items = [
        crit("1", None),
        crit("1.1", 2, y2023=2, y2024=0.5),   # lost, low, declined
        crit("1.2", 2, y2023=1, y2024=1),     # lost, not-improved (ratio 0.5 is not low)
        crit("1.3", 1, y2023=0, y2024=1),     # maintain
        crit("1.4", 1, y2024=None),           # not applicable
    ]
    plan = criteria_plan(items, [task(criteria=["1.2"])])
    result = check_plan(plan, AS_OF)
    flags = {c.code: c.flags for c in result.criteria}
    assert flags == {
        "1": [],
        "1.1": ["lost", "low", "declined", "uncovered"],
        "1.2": ["lost", "not-improved"],
        "1.3": ["maintain"],
        "1.4": [],
    }
    assert plan.criteria[0].applicable_max == 5 and plan.criteria[0].max == 6


def test_covering_by_a_task_above_or_below() -> None:
    items = [crit("2", None), crit("2.1", None), crit("2.1.a", 1, y2024=0),
             crit("3", None), crit("3.1", 1, y2024=0)]
    plan = criteria_plan(items, [task(criteria=["2"]), task(criteria=["3.1.x"])])
    result = check_plan(plan, AS_OF)
    assert "uncovered" not in result.criteria[2].flags  # an ancestor is named
    assert "uncovered" not in result.criteria[4].flags  # something below is named


def test_weak_ranking_ties() -> None:
    items = [crit("1", None), crit("1.10", 2, y2024=1), crit("1.9", 2, y2024=1),
             crit("1.2", 4, y2024=3), crit("1.3", 1, y2024=0.5)]
    plan = criteria_plan(items)
    result = check_plan(plan, AS_OF)
    # lost 1 each for 1.10, 1.9, 1.2: ratio 0.5, 0.5, 0.75 → code order breaks the tie
    assert result.weak_criteria == ["1.9", "1.10", "1.2", "1.3"]
    assert [c.code for c in rank_weak(result.criteria)] == result.weak_criteria


def test_bonus_lines_never_weak() -> None:
    items = [crit("9", None), crit("9.1", 0, y2024=-1)]
    items[0].name = "Điểm thưởng, điểm trừ"
    plan = criteria_plan(items)
    result = check_plan(plan, AS_OF)
    assert all(c.bonus and c.flags == [] for c in result.criteria)
    assert result.weak_criteria == []


def test_two_checks_of_one_plan_are_independent(tmp_path: Path) -> None:
    """The check never changes what was read: a result checked as of 31/3 still says 31/3
    after the same plan is checked as of 31/12 (it said twelve overdue tasks with zero totals)."""
    from conftest import copy_example

    from cchc_sheets.read.reader import read_plan
    from cchc_sheets.render.report import result_dict

    plan = read_plan(copy_example(tmp_path), Config(), default_year=2025)
    read = plan_snapshot(plan)
    march = check_plan(plan, date(2025, 3, 31))
    before = result_dict(march)
    december = check_plan(plan, date(2025, 12, 31))
    assert result_dict(march) == before
    assert plan_snapshot(plan) == read  # the reader's records are as read
    assert all(t.flags == [] and t.unit == "" and t.days_overdue is None for t in plan.tasks)
    assert all(c.flags == [] for c in plan.criteria)
    overdue = [t for t in march.tasks if "overdue" in t.flags]
    assert len(overdue) == march.totals.overdue
    assert december.totals.overdue > march.totals.overdue
    assert [t.ref for t in check_plan(plan, date(2025, 3, 31)).tasks if "overdue" in t.flags] == \
        [t.ref for t in overdue]


@pytest.mark.parametrize("as_of", [date(2025, 3, 31), date(2025, 6, 30), date(2025, 12, 31)])
def test_the_figures_alone_are_the_checks_and_change_nothing(tmp_path: Path, as_of: date) -> None:
    """The roll-up's check (figures only, no task records) gives the totals, criteria flags and
    weak criteria of the full check, and leaves the plan as read (it used to flag in place)."""
    from conftest import copy_example

    from cchc_sheets.checking.rules import check_figures
    from cchc_sheets.read.reader import read_plan

    plan = read_plan(copy_example(tmp_path), Config(), default_year=2025)
    read = plan_snapshot(plan)
    lean = check_figures(plan, as_of)
    assert plan_snapshot(plan) == read
    assert all(t.flags == [] and t.unit == "" and t.days_overdue is None for t in plan.tasks)
    assert all(c.flags == [] for c in plan.criteria)
    full = check_plan(plan, as_of)
    assert lean.totals == full.totals and lean.totals.tasks == len(plan.tasks)
    assert lean.totals.overdue == sum("overdue" in t.flags for t in full.tasks)
    assert lean.weak_criteria == full.weak_criteria
    assert [(c.code, c.flags, c.covering, c.tasks) for c in lean.criteria] == \
        [(c.code, c.flags, c.covering, c.tasks) for c in full.criteria]
    assert lean.units == [] and lean.tasks == plan.tasks  # as read: no task record is copied
