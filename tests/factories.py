"""Hand-built check results for tests that need one without reading a workbook.

``make_result()`` gives a small, realistic commune plan (Vietnamese texts, four lead units,
tasks overdue / due soon / stale / without evidence …, criteria scored for 2023 and 2024,
problems). The flags, totals, units and weak criteria are the ones the contract (§4) asks for
on 30/06/2025; they are written out here, not computed by the library, so that tests of the
outputs do not depend on the check.

``make_task`` / ``make_criterion`` build single records; ``result_from`` wraps any tasks and
criteria into a :class:`CheckResult`, counting totals and units the simple way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from cchc_sheets.model import (
    CheckResult,
    Criterion,
    Deadline,
    Plan,
    Problem,
    Task,
    Thresholds,
    Totals,
    TrendPoint,
    UnitSummary,
)

AS_OF = date(2025, 6, 30)
TASK_SHEET = "Phân công"
CRITERIA_SHEET = "Tiêu chí"

VP = "Văn phòng HĐND và UBND"
KT = "Phòng Kinh tế"
VHXH = "Phòng Văn hóa - Xã hội"
TTHCC = "Trung tâm Phục vụ hành chính công"

# column letters of the task sheet, per field
TASK_COLUMNS = {
    "number": "A", "code": "B", "task": "C", "lead": "D", "support": "E", "deadline": "F",
    "status": "G", "progress": "H", "result": "I", "evidence": "J", "updated": "K",
    "completed": "L",
}
MISSING_UPDATE = ("no-status", "stale", "no-evidence", "unchanged")


def make_task(row: int, title: str, **kw: Any) -> Task:
    """A task on the sheet "Phân công" at ``row``, every field in its usual column."""
    kw.setdefault("sheet", TASK_SHEET)
    kw.setdefault("id", str(row - 5))
    kw.setdefault("cells", {name: f"{col}{row}" for name, col in TASK_COLUMNS.items()})
    task = Task(row=row, title=title, **kw)
    if not task.unit:
        task.unit = task.lead
    return task


def make_criterion(code: str, name: str, max_: float | None, scores: dict[int, float | None],
                   row: int, **kw: Any) -> Criterion:
    """A criterion line on the sheet "Tiêu chí" (scores in D for 2023, E for 2024)."""
    level = code.count(".") + 1
    parent = code.rsplit(".", 1)[0] if "." in code else None
    kw.setdefault("cells", {"code": f"A{row}", "max": f"C{row}", "score:2023": f"D{row}",
                            "score:2024": f"E{row}"})
    return Criterion(code=code, name=name, level=level, sheet=CRITERIA_SHEET, row=row,
                     max=max_, scores=dict(scores), parent=parent, **kw)


def _tasks() -> list[Task]:
    d = date
    return [
        make_task(6, "Ban hành Kế hoạch cải cách hành chính năm 2025 của UBND xã",
                  criteria=["1.1"], lead=VP,
                  deadline=Deadline("date", d(2025, 1, 31), "Tháng 1/2025"),
                  status="done", status_text="Hoàn thành", progress=100.0,
                  result="Đã ban hành", evidence="Kế hoạch số 12/KH-UBND ngày 20/01/2025",
                  updated=d(2025, 6, 25), completed=d(2025, 1, 20)),
        make_task(7, "Kiểm tra công tác cải cách hành chính tại các bộ phận chuyên môn",
                  criteria=["1.2"], lead=VP, support=[KT, VHXH],
                  deadline=Deadline("date", d(2025, 3, 31), "Quý I/2025"),
                  status="in_progress", status_text="Đang thực hiện", progress=40.0,
                  result="Đã kiểm tra 2/4 bộ phận", updated=d(2025, 5, 2),
                  flags=["overdue", "stale"], days_overdue=91),
        make_task(8, "Công khai đầy đủ thủ tục hành chính tại Trung tâm Phục vụ hành chính công",
                  criteria=["3.1", "3.2"], lead=TTHCC,
                  deadline=Deadline("date", d(2025, 6, 30), "30/6/2025"),
                  status="in_progress", status_text="Đang thực hiện", progress=70.0,
                  result="Đã niêm yết 150/212 thủ tục", updated=d(2025, 6, 27),
                  flags=["due-soon"]),
        make_task(9, "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
                  criteria=["3.3"], lead=TTHCC, support=[VP],
                  deadline=Deadline("date", d(2025, 6, 15), "Trước ngày 15/6/2025"),
                  status="not_started", status_text="Chưa thực hiện", progress=0.0,
                  flags=["overdue", "stale"], days_overdue=15),
        make_task(10, "Tiếp nhận hồ sơ trực tuyến toàn trình trên Cổng dịch vụ công",
                  criteria=["6.1"], lead=KT,
                  deadline=Deadline("ongoing", None, "Thường xuyên", 30),
                  status="unknown", flags=["no-status", "stale"]),
        make_task(11, "=Cử công chức tham gia bồi dưỡng kỹ năng số",
                  criteria=["4.2"], lead=VHXH,
                  deadline=Deadline("date", d(2025, 7, 31), "Tháng 7/2025"),
                  status="in_progress", status_text="Đang thực hiện", progress=20.0,
                  result="+ Đã cử 2 công chức", evidence="@VB 45/UBND",
                  updated=d(2025, 6, 20)),
        make_task(12, "Công khai tài chính ngân sách xã quý II",
                  criteria=["5.1"], lead=KT,
                  deadline=Deadline("date", d(2025, 6, 30), "Quý II/2025"),
                  status="done", status_text="Hoàn thành", progress=100.0,
                  result="Đã công khai tại trụ sở", updated=d(2025, 6, 28),
                  completed=d(2025, 6, 28), flags=["no-evidence"]),
        make_task(13, "Rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
                  criteria=["2.1"], lead=VP,
                  deadline=Deadline("date", d(2025, 7, 10), "10/7/2025"),
                  status="in_progress", status_text="Đang thực hiện", progress=50.0,
                  updated=d(2025, 6, 29), flags=["due-soon"]),
        make_task(14, "Tuyên truyền về cải cách hành chính trên Cổng thông tin điện tử xã",
                  criteria=["7.1"], lead="",
                  deadline=Deadline("date", d(2025, 5, 31), "Tháng 5/2025"),
                  status="not_started", status_text="Chưa thực hiện",
                  updated=d(2025, 5, 15), flags=["overdue", "stale", "no-lead"],
                  days_overdue=30),
        make_task(15, "Theo dõi tình hình thi hành pháp luật trên địa bàn",
                  criteria=["2.2"], lead=VP,
                  deadline=Deadline("none", None, "Theo quy định"),
                  status="cancelled", status_text="Không thực hiện"),
        make_task(16, "-Thực hiện cơ chế tự chủ tài chính tại UBND xã",
                  criteria=["5.2"], lead=KT,
                  deadline=Deadline("date", d(2025, 3, 31), "Tháng 3/2025"),
                  status="done", status_text="Hoàn thành", progress=100.0,
                  evidence="Báo cáo số 30/BC-UBND", updated=d(2025, 4, 10),
                  completed=d(2025, 4, 10), flags=["done-late"]),
        make_task(17, "Duy trì hệ thống quản lý văn bản và điều hành",
                  criteria=["6.2"], lead=VP,
                  deadline=Deadline("ongoing", None, "Hằng tháng", 30),
                  status="in_progress", status_text="Đang thực hiện", progress=60.0,
                  result="Vận hành ổn định", updated=d(2025, 6, 1), flags=["unchanged"]),
    ]


# code, name, max, 2023, 2024 (leaves); areas are sums
_FRAME: list[tuple[str, str, float | None, float | None, float | None]] = [
    ("1", "Công tác chỉ đạo, điều hành", None, None, None),
    ("1.1", "Ban hành kế hoạch cải cách hành chính năm", 4, 4, 4),
    ("1.2", "Kiểm tra, theo dõi thực hiện cải cách hành chính", 6, 5, 4.5),
    ("2", "Tổ chức thực hiện văn bản quy phạm pháp luật", None, None, None),
    ("2.1", "Rà soát, hệ thống hóa văn bản", 5, 4.5, 5),
    ("2.2", "Theo dõi thi hành pháp luật", 5, 3, 3),
    ("3", "Thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông",
     None, None, None),
    ("3.1", "Công khai thủ tục hành chính", 8, 7, 6),
    ("3.2", "Giải quyết hồ sơ đúng hạn", 6, 5, 6),
    ("3.3", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", 6, 2, 2),
    ("4", "Nâng cao chất lượng đội ngũ", None, None, None),
    ("4.1", "Bố trí công chức đúng vị trí việc làm", 5, 4.5, 5),
    ("4.2", "Đào tạo, bồi dưỡng công chức", 7, 5, 5.5),
    ("4.3", "Đánh giá, xếp loại công chức", 3, 2, 1),
    ("5", "Quản lý tài chính", None, None, None),
    ("5.1", "Công khai tài chính, ngân sách", 10, 9, 9),
    ("5.2", "Thực hiện cơ chế tự chủ", 5, 4, 5),
    ("6", "Hiện đại hóa hành chính", None, None, None),
    ("6.1", "Cung cấp dịch vụ công trực tuyến toàn trình", 12, 8, 7),
    ("6.2", "Ứng dụng hệ thống quản lý văn bản và điều hành", 8, 6, 6),
    ("7", "Tác động đến phát triển kinh tế - xã hội", None, None, None),
    ("7.1", "Mức độ hài lòng của người dân", 10, 8, 8),
    ("8", "Điểm thưởng, điểm trừ", 0, 0, -0.5),
]


def _criteria(tasks: list[Task], low_ratio: float = 0.5) -> tuple[list[Criterion], list[str]]:
    """The frame with scores, flags and task links worked out as contract §4 says."""
    items = [make_criterion(code, name, max_, {2023: prev, 2024: last}, row=6 + i)
             for i, (code, name, max_, prev, last) in enumerate(_FRAME)]
    by_code = {c.code: c for c in items}
    for item in items:
        if item.parent:
            by_code[item.parent].children.append(item.code)
    for item in items:  # areas: sums of their children
        if item.children:
            kids = [by_code[k] for k in item.children]
            item.max = sum(k.max or 0 for k in kids)
            item.scores = {y: sum(k.scores[y] or 0 for k in kids) for y in (2023, 2024)}
            item.leaf = False
        if item.code == "8":
            item.bonus = True
    for item in items:
        item.score = item.scores.get(2024)
        item.previous = item.scores.get(2023)
        if item.max is not None and item.score is not None:
            item.lost = round(item.max - item.score, 4)
            item.ratio = item.score / item.max if item.max else None
    for task in tasks:
        for code in task.criteria:
            if code in by_code:
                by_code[code].tasks.append(task.ref)
    for item in items:
        if item.bonus or not item.leaf or item.score is None or item.max is None:
            continue
        flags = []
        if item.score < item.max:
            flags.append("lost")
        if item.ratio is not None and item.ratio < low_ratio:
            flags.append("low")
        if item.previous is not None and item.score < item.previous:
            flags.append("declined")
        if item.previous is not None and item.score == item.previous and (item.lost or 0) > 0:
            flags.append("not-improved")
        if item.score == item.max:
            flags.append("maintain")
        # tasks naming it, a criterion above it or one below it
        refs = set(item.tasks)
        parent = item.parent
        while parent:
            refs |= set(by_code[parent].tasks)
            parent = by_code[parent].parent
        refs |= {ref for c in items if c.code.startswith(item.code + ".") for ref in c.tasks}
        if {"lost", "low", "declined"} & set(flags):
            item.covering = len(refs)
            if not refs:
                flags.append("uncovered")
        item.flags = flags
    weak = [c for c in items if {"lost", "low", "declined"} & set(c.flags)]
    weak.sort(key=lambda c: (-(c.lost or 0), c.ratio if c.ratio is not None else 0, c.code))
    return items, [c.code for c in weak]


def result_from(tasks: list[Task], criteria: list[Criterion] | None = None, *,
                weak: list[str] | None = None, problems: list[Problem] | None = None,
                as_of: date = AS_OF, source: Path | None = None, plan_year: int | None = 2025,
                title: str = "", trend: list[TrendPoint] | None = None,
                last_year: int | None = 2024, previous_year: int | None = 2023) -> CheckResult:
    """Wrap tasks and criteria into a result; totals and units are counted from the tasks."""
    criteria = criteria or []
    problems = problems or []
    plan = Plan(source=source or Path("phu-luc-2025.xlsx"), tasks=tasks, criteria=criteria,
                problems=list(problems), plan_year=plan_year, title=title,
                years=[y for y in (previous_year, last_year) if y is not None] if criteria else [],
                has_updated_column=True, task_sheets=[TASK_SHEET] if tasks else [],
                criteria_sheets=[CRITERIA_SHEET] if criteria else [])
    totals = Totals()
    units: dict[str, UnitSummary] = {}
    for task in tasks:
        unit = units.setdefault(task.unit, UnitSummary(unit=task.unit))
        for target in (totals, unit):
            target.tasks += 1
            setattr(target, task.status, getattr(target, task.status) + 1)
            target.overdue += "overdue" in task.flags
            target.due_soon += "due-soon" in task.flags
            target.missing_update += any(f in MISSING_UPDATE for f in task.flags)
        due = task.deadline.due
        if task.deadline.kind == "date" and due is not None and due < as_of \
                and task.status != "cancelled":
            unit.due_by_now += 1
            if task.status == "done" and task.completed is not None and task.completed <= due:
                unit.done_on_time += 1
    return CheckResult(as_of=as_of, plan=plan, thresholds=Thresholds(), totals=totals,
                       units=list(units.values()), weak_criteria=weak or [],
                       last_year=last_year if criteria else None,
                       previous_year=previous_year if criteria else None,
                       problems=list(problems), trend=trend or [])


def make_problems() -> list[Problem]:
    return [
        Problem("unknown-status", "warning", TASK_SHEET, "G10", {"value": "??"}),
        Problem("unparsed-deadline", "error", TASK_SHEET, "F18", {"value": "Cuối năm nay"}),
        Problem("max-mismatch", "warning", CRITERIA_SHEET, "C9", {"stated": 10.0,
                                                                   "computed": 9.5}),
        Problem("hidden-sheet", "warning", "Ghi chú", None, {"sheet": "Ghi chú"}),
    ]


def make_trend() -> list[TrendPoint]:
    return [
        TrendPoint(date(2025, 6, 9), 12, 1, 1, 4, 26.0),
        TrendPoint(date(2025, 6, 16), 12, 2, 2, 5, 25.5),
        TrendPoint(date(2025, 6, 23), 12, 2, 3, 6, 24.5),
        TrendPoint(date(2025, 6, 30), 12, 3, 3, 6, 23.5),
    ]


def make_result(source: Path | None = None, *, trend: bool = False,
                title: str = "UBND xã Thanh Đa") -> CheckResult:
    """The standard small result: 12 tasks, 23 criteria lines, 4 problems, as of 30/06/2025."""
    tasks = _tasks()
    criteria, weak = _criteria(tasks)
    return result_from(tasks, criteria, weak=weak, problems=make_problems(), source=source,
                       title=title, trend=make_trend() if trend else None)


def make_empty_result(source: Path | None = None) -> CheckResult:
    """A plan with no tasks, no criteria and no problems."""
    return result_from([], [], source=source)


def make_big_result(count: int, source: Path | None = None) -> CheckResult:
    """``count`` tasks cycling through the standard ones (for speed tests)."""
    base = _tasks()
    tasks = []
    for i in range(count):
        model = base[i % len(base)]
        row = 6 + i
        tasks.append(make_task(
            row, f"{model.title} (lần {i // len(base) + 1})", id=str(i + 1),
            criteria=list(model.criteria), lead=model.lead, support=list(model.support),
            deadline=model.deadline, status=model.status, status_text=model.status_text,
            progress=model.progress, result=model.result, evidence=model.evidence,
            updated=model.updated, completed=model.completed, flags=list(model.flags),
            days_overdue=model.days_overdue))
    criteria, weak = _criteria(tasks)
    return result_from(tasks, criteria, weak=weak, problems=make_problems(), source=source)


def count_flags(result: CheckResult) -> Counter[str]:
    return Counter(f for t in result.tasks for f in t.flags)


def plan_snapshot(plan: Plan) -> dict[str, Any]:
    """What a reader made of a workbook, comparable across engines: tasks, criteria, problems."""
    return {
        "tasks": [asdict(t) for t in plan.tasks],
        "criteria": [asdict(c) for c in plan.criteria],
        "problems": sorted((p.code, p.severity, p.ref, repr(sorted(p.args.items())))
                           for p in plan.problems),
        "plan_year": plan.plan_year,
    }
