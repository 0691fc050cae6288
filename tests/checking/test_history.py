"""The check history store: identity of tasks across weeks, the ``unchanged`` flag, safety."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
import unicodedata
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_sheets.checking import history
from cchc_sheets.checking.history import (
    HistoryError,
    HistoryStore,
    default_history_path,
    points_at_stake,
    task_key,
    task_keys,
    unchanged_tasks,
)
from cchc_sheets.model import (
    CheckResult,
    Criterion,
    Plan,
    Status,
    Task,
    Thresholds,
    Totals,
    TrendPoint,
)

ROOT = Path(__file__).resolve().parents[2]
W1, W2, W3, W4, W5 = (date(2025, 6, 2) + timedelta(weeks=i) for i in range(5))


def task(row: int, title: str, status: Status = "in_progress", progress: float | None = None,
         result: str = "", criteria: tuple[str, ...] = ("1.1",), lead: str = "Văn phòng") -> Task:
    return Task(sheet="Phân công", row=row, id=str(row), title=title, criteria=list(criteria),
                lead=lead, status=status, progress=progress, result=result)


def check(as_of: date, tasks: list[Task], criteria: list[Criterion] | None = None,
          **totals: int) -> CheckResult:
    plan = Plan(source=Path("ke-hoach-2025.xlsx"), tasks=tasks, criteria=criteria or [],
                problems=[], plan_year=2025)
    counts = Totals(tasks=len(tasks), done=sum(t.status == "done" for t in tasks))
    for name, value in totals.items():
        setattr(counts, name, value)
    return CheckResult(as_of, plan, Thresholds(), counts, [], [])


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "ke-hoach-2025.cchc-history.sqlite"


# --- task identity ---------------------------------------------------------------------------


def test_task_key_ignores_row_case_diacritic_form_spaces_and_punctuation() -> None:
    original = task(12, "Rà soát, đánh giá thủ tục hành chính", criteria=("1.2", "1.1"))
    moved = task(15, nfd("  RÀ SOÁT,  đánh giá thủ tục hành chính. "), criteria=("1.1", "1.2."))
    assert task_key(original) == task_key(moved) == "1.1,1.2|ra soat danh gia thu tuc hanh chinh"


def test_real_rename_or_other_criterion_is_a_new_task() -> None:
    base = task(12, "Rà soát thủ tục hành chính")
    assert task_key(base) != task_key(task(12, "Rà soát quy trình nội bộ"))
    assert task_key(base) != task_key(task(12, "Rà soát thủ tục hành chính", criteria=("1.2",)))


def test_repeated_task_text_is_numbered_in_order() -> None:
    tasks = [task(5, "Tuyên truyền CCHC"), task(6, "Việc khác"), task(9, "tuyên truyền cchc")]
    assert task_keys(tasks) == ["1.1|tuyen truyen cchc", "1.1|viec khac", "1.1|tuyen truyen cchc#2"]


def test_default_history_path_is_beside_the_plan(tmp_path: Path) -> None:
    plan = tmp_path / "Kế hoạch CCHC 2025.xlsx"
    assert default_history_path(plan) == tmp_path / "Kế hoạch CCHC 2025.cchc-history.sqlite"


# --- recording and reading -------------------------------------------------------------------


def test_record_then_read_checks_trend_and_states(store_path: Path) -> None:
    criteria = [
        Criterion("1", "Area", 1, lost=3.0, flags=["lost"], leaf=False),
        Criterion("1.1", "A", 2, lost=1.5, flags=["lost", "low"]),
        Criterion("1.2", "B", 2, lost=0.5, flags=["lost"]),
        Criterion("9", "Điểm thưởng", 1, lost=2.0, flags=["lost"], bonus=True),
        Criterion("1.3", "C", 2, lost=0.0, flags=["maintain"]),
    ]
    first = check(W1, [task(5, "Rà soát TTHC", progress=50, result="Đang rà soát")], criteria,
                  overdue=1, due_soon=2, missing_update=3)
    assert points_at_stake(first) == 2.0
    with HistoryStore.open(store_path) as store:
        store.record(first)
        store.record(check(W2, [task(5, "Rà soát TTHC", "done", 100)], criteria))
        assert store.checks() == [
            {"as_of": W1, "plan": "ke-hoach-2025.xlsx", "plan_year": 2025, "tasks": 1,
             "done": 0, "overdue": 1, "due_soon": 2, "missing_update": 3,
             "points_at_stake": 2.0},
            {"as_of": W2, "plan": "ke-hoach-2025.xlsx", "plan_year": 2025, "tasks": 1,
             "done": 1, "overdue": 0, "due_soon": 0, "missing_update": 0,
             "points_at_stake": 2.0},
        ]
        assert store.trend(W2) == [TrendPoint(W1, 1, 0, 1, 3, 2.0), TrendPoint(W2, 1, 1, 0, 0, 2.0)]
        assert store.trend(W1) == [TrendPoint(W1, 1, 0, 1, 3, 2.0)]
        assert store.task_states("1.1|ra soat tthc") == [
            (W1, "in_progress", 50.0, "Đang rà soát"), (W2, "done", 100.0, "")]
    with closing(sqlite3.connect(store_path)) as conn:  # (a connection's own "with" keeps it open)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_rechecking_the_same_day_replaces_that_week(store_path: Path) -> None:
    with HistoryStore.open(store_path) as store:
        store.record(check(W1, [task(5, "A"), task(6, "B")]))
        store.record(check(W2, [task(5, "A"), task(6, "B")]))
        store.record(check(W2, [task(5, "A", status="done")], overdue=4))
        assert [c["as_of"] for c in store.checks()] == [W1, W2]
        assert store.checks()[1]["overdue"] == 4
        assert store.task_states("1.1|b") == [(W1, "in_progress", None, "")]
        assert [s[1] for s in store.task_states("1.1|a")] == ["in_progress", "done"]


def test_store_content_does_not_depend_on_the_clock(tmp_path: Path) -> None:
    dumps = []
    for name in ("one.sqlite", "two.sqlite"):
        with HistoryStore.open(tmp_path / name) as store:
            store.record(check(W1, [task(5, "A", progress=10)]))
        with closing(sqlite3.connect(tmp_path / name)) as conn:
            dumps.append(list(conn.iterdump()))
    assert dumps[0] == dumps[1]


# --- the unchanged flag over several weeks of an edited plan ---------------------------------


def test_weeks_of_edited_plans(store_path: Path) -> None:
    stale_days = 14
    def t(row: int, code: str, title: str, status: Status = "in_progress",
          progress: float | None = None, result: str = "") -> Task:
        return task(row, title, status, progress, result, criteria=(code,))

    review, review_nfd = "Rà soát thủ tục hành chính", nfd("RÀ SOÁT  thủ tục hành chính.")
    week1 = [
        t(5, "1.1", review, progress=50, result="Đang rà soát"),
        t(6, "1.2", "Niêm yết công khai TTHC", "not_started"),
        t(7, "2.1", "Cập nhật cổng thông tin điện tử", progress=20, result="Đã giao"),
        t(8, "1.3", "Ban hành kế hoạch CCHC", "done", 100),
    ]
    # week 2: a row inserted above; the review task retyped (case, NFD, spaces, full stop);
    # the posting task started
    week2 = [
        t(5, "3.1", "Tập huấn kỹ năng cho công chức", "not_started"),
        t(6, "1.1", review_nfd, progress=50.0, result="Đang  rà soát"),
        t(7, "1.2", "Niêm yết công khai TTHC", "in_progress", 10),
        t(8, "2.1", "Cập nhật cổng thông tin điện tử", progress=20, result="Đã giao"),
        t(9, "1.3", "Ban hành kế hoạch CCHC", "done", 100),
    ]
    # week 3: the portal task moves on (and comes back to its old state in week 4)
    week3 = [
        t(5, "3.1", "Tập huấn kỹ năng cho công chức", "not_started"),
        t(6, "1.1", review, progress=50, result="Đang rà soát"),
        t(7, "1.2", "Niêm yết công khai TTHC", "in_progress", 10),
        t(8, "2.1", "Cập nhật cổng thông tin điện tử", progress=30, result="Đã giao"),
        t(9, "1.3", "Ban hành kế hoạch CCHC", "done", 100),
    ]
    week4 = [
        t(4, "4.1", "Khảo sát sự hài lòng", "not_started"),
        t(5, "3.1", "Tập huấn kỹ năng cho công chức", "not_started"),
        t(6, "1.1", review, progress=50, result="Đang rà soát"),
        t(7, "1.2", "Niêm yết công khai TTHC", "in_progress", 10),
        t(8, "2.1", "Cập nhật cổng thông tin điện tử", progress=20, result="Đã giao"),
        t(9, "1.3", "Ban hành kế hoạch CCHC", "done", 100),
    ]
    with HistoryStore.open(store_path) as store:
        assert unchanged_tasks(store, week1, W1, stale_days) == set()
        store.record(check(W1, week1))
        assert unchanged_tasks(store, week2, W2, stale_days) == set()  # 7 days only
        store.record(check(W2, week2))
        # W3 − W1 = 14 days: the retyped review task is the same task, unchanged since W1
        assert unchanged_tasks(store, week3, W3, stale_days) == {1}
        store.record(check(W3, week3))
        found = unchanged_tasks(store, week4, W4, stale_days)
        # review: since W1 (21 days); training: since W2 (14 days, exactly the limit);
        # posting: since W2 as in progress (14 days); portal: back to an older state, but W3
        # differed; done task and the new survey task: never
        assert found == {1, 2, 3}
        assert store.task_states(task_key(week4[2]))[0] == (W1, "in_progress", 50.0,
                                                            "Đang rà soát")


def test_unchanged_boundary_is_inclusive(store_path: Path) -> None:
    tasks = [task(5, "A", progress=40, result="x")]
    with HistoryStore.open(store_path) as store:
        store.record(check(W1, tasks))
        assert unchanged_tasks(store, tasks, W1 + timedelta(days=13), 14) == set()
        assert unchanged_tasks(store, tasks, W1 + timedelta(days=14), 14) == {0}
        assert unchanged_tasks(store, tasks, W1 + timedelta(days=14), 15) == set()


def test_a_state_in_between_breaks_the_run(store_path: Path) -> None:
    same = [task(5, "A", progress=40, result="x")]
    with HistoryStore.open(store_path) as store:
        store.record(check(W1, same))
        store.record(check(W2, [task(5, "A", progress=45, result="x")]))
        store.record(check(W3, same))
        assert unchanged_tasks(store, same, W4, 14) == set()  # same only since W3
        assert unchanged_tasks(store, same, W5, 14) == {0}  # W3 → W5


def test_each_part_of_the_state_counts(store_path: Path) -> None:
    before = [task(5, "A", "in_progress", 40, "x")]
    with HistoryStore.open(store_path) as store:
        store.record(check(W1, before))
        assert unchanged_tasks(store, [task(5, "A", "not_started", 40, "x")], W3, 14) == set()
        assert unchanged_tasks(store, [task(5, "A", "in_progress", 41, "x")], W3, 14) == set()
        assert unchanged_tasks(store, [task(5, "A", "in_progress", None, "x")], W3, 14) == set()
        assert unchanged_tasks(store, [task(5, "A", "in_progress", 40, "y")], W3, 14) == set()
        # floats that are the same progress (40% read as 0.4 × 100)
        assert unchanged_tasks(store, [task(5, "A", "in_progress", 0.4 * 100, " x ")], W3,
                               14) == {0}


def test_absent_from_a_check_breaks_the_run(store_path: Path) -> None:
    kept = [task(5, "A", progress=40), task(6, "B")]
    with HistoryStore.open(store_path) as store:
        store.record(check(W1, kept))
        store.record(check(W2, [task(6, "B")]))  # A renamed away for a week
        store.record(check(W3, kept))
        assert unchanged_tasks(store, kept, W4, 14) == {1}


def test_done_cancelled_never_unchanged(store_path: Path) -> None:
    tasks = [task(5, "A", "done", 100), task(6, "B", "cancelled"), task(7, "C", "unknown")]
    with HistoryStore.open(store_path) as store:
        store.record(check(W1, tasks))
        store.record(check(W2, tasks))
        assert unchanged_tasks(store, tasks, W4, 14) == {2}


def test_only_earlier_checks_count(store_path: Path) -> None:
    tasks = [task(5, "A", progress=10)]
    with HistoryStore.open(store_path) as store:
        store.record(check(W1, tasks))
        store.record(check(W3, tasks))
        store.record(check(W5, [task(5, "A", progress=90)]))  # a later week checked first
        # re-running W3 (already recorded) sees only W1: unchanged for 14 days
        assert unchanged_tasks(store, tasks, W3, 14) == {0}
        assert unchanged_tasks(store, tasks, W1, 0) == set()


# --- damaged, foreign, newer and missing stores ----------------------------------------------


def test_random_bytes_are_refused_and_left_untouched(store_path: Path) -> None:
    junk = os.urandom(4096)
    store_path.write_bytes(junk)
    with pytest.raises(HistoryError) as caught:
        HistoryStore.open(store_path)
    assert caught.value.code == "history-unavailable"
    assert store_path.read_bytes() == junk
    assert "không dùng được lịch sử" in caught.value.message("vi").lower()


def test_an_xlsx_given_as_history_is_refused_untouched(tmp_path: Path) -> None:
    plan = tmp_path / "plan.xlsx"
    plan.write_bytes(b"PK\x03\x04" + bytes(200))
    with pytest.raises(HistoryError, match="not an SQLite database"):
        HistoryStore.open(plan)
    assert plan.read_bytes() == b"PK\x03\x04" + bytes(200)


@pytest.mark.parametrize("keep", [0.5, 0.1, 0.02])
def test_truncated_store_is_refused(store_path: Path, keep: float) -> None:
    tasks = [task(row, f"Nhiệm vụ {row} " + "nội dung " * 30, result="kết quả " * 40)
             for row in range(200)]
    with HistoryStore.open(store_path) as store:
        for day in (W1, W2, W3):
            store.record(check(day, tasks))
    data = store_path.read_bytes()
    store_path.write_bytes(data[: int(len(data) * keep)])
    with pytest.raises(HistoryError) as caught:
        HistoryStore.open(store_path)
    assert caught.value.code == "history-unavailable"


def test_damaged_page_is_refused(store_path: Path) -> None:
    tasks = [task(row, f"Nhiệm vụ {row} " + "nội dung " * 30) for row in range(200)]
    with HistoryStore.open(store_path) as store:
        store.record(check(W1, tasks))
    data = bytearray(store_path.read_bytes())
    page = 4096 * 3
    data[page:page + 512] = os.urandom(512)
    store_path.write_bytes(bytes(data))
    with pytest.raises(HistoryError):
        HistoryStore.open(store_path)


def test_another_sqlite_database_is_refused(store_path: Path) -> None:
    with sqlite3.connect(store_path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.close()
    with pytest.raises(HistoryError, match="not a cchc check history"):
        HistoryStore.open(store_path)


def test_newer_schema_is_refused(store_path: Path) -> None:
    HistoryStore.open(store_path).close()
    with sqlite3.connect(store_path) as conn:
        conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(HistoryError, match="newer"):
        HistoryStore.open(store_path)


def test_missing_store_for_listing(store_path: Path) -> None:
    with pytest.raises(HistoryError) as caught:
        HistoryStore.open(store_path, create=False)
    assert caught.value.code == "history-missing"
    assert not store_path.exists()


def test_folder_or_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(HistoryError, match="folder"):
        HistoryStore.open(tmp_path)
    with pytest.raises(HistoryError, match="folder"):
        HistoryStore.open(tmp_path / "nowhere" / "h.sqlite")


def test_error_as_warning_problem(store_path: Path) -> None:
    store_path.write_bytes(b"not a database at all")
    with pytest.raises(HistoryError) as caught:
        HistoryStore.open(store_path)
    problem = caught.value.as_problem()
    assert (problem.code, problem.severity) == ("history-unavailable", "warning")
    assert str(store_path) in problem.message("en")
    assert "runs without history" in problem.message("en")


def test_empty_file_becomes_a_store(store_path: Path) -> None:
    store_path.write_bytes(b"")
    with HistoryStore.open(store_path) as store:
        assert store.checks() == []


# --- failures midway and concurrency ---------------------------------------------------------


def test_failure_midway_keeps_what_was_stored(store_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    tasks = [task(row, f"Nhiệm vụ {row}") for row in range(5, 15)]
    with HistoryStore.open(store_path) as store:
        store.record(check(W1, tasks))
        store.record(check(W2, tasks))
    before = sqlite3.connect(store_path)
    snapshot = list(before.iterdump())
    before.close()

    real = history._task_row
    calls = {"n": 0}

    def failing(*args: object) -> tuple[object, ...]:
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("power cut")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(history, "_task_row", failing)
    with HistoryStore.open(store_path) as store:
        with pytest.raises(RuntimeError):
            store.record(check(W3, tasks))  # a new week
        calls["n"] = 0
        with pytest.raises(RuntimeError):
            store.record(check(W2, tasks[:3], overdue=9))  # replacing a week
        assert [c["as_of"] for c in store.checks()] == [W1, W2]
        store.record(check(W4, tasks[:2]))  # the store still works afterwards
    after = sqlite3.connect(store_path)
    assert [line for line in after.iterdump() if "2025-06-23" not in line] == snapshot
    assert after.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    after.close()


def test_database_error_while_recording_is_a_history_error(store_path: Path) -> None:
    with HistoryStore.open(store_path) as store:
        store.record(check(W1, [task(5, "A")]))
        store._conn.execute("DROP TABLE task_states")
        with pytest.raises(HistoryError):
            store.record(check(W2, [task(5, "A")]))
        assert [c["as_of"] for c in store.checks()] == [W1]


WORKER = textwrap.dedent(
    """
    import sys, time
    from datetime import date, timedelta
    from pathlib import Path
    from cchc_sheets.checking.history import HistoryStore, unchanged_tasks
    from cchc_sheets.model import CheckResult, Plan, Task, Thresholds, Totals

    store_path, go, name, first, weeks = sys.argv[1:6]
    while not Path(go).exists():
        time.sleep(0.005)
    start = date.fromisoformat(first)
    for week in range(int(weeks)):
        as_of = start + timedelta(weeks=week)
        tasks = [Task("Phân công", row, str(row), f"Nhiệm vụ {row}", ["1.1"],
                      result=f"{name} {week}") for row in range(60)]
        with HistoryStore.open(Path(store_path)) as store:
            unchanged_tasks(store, tasks, as_of, 14)
            plan = Plan(Path(name + ".xlsx"), tasks, [], [])
            store.record(CheckResult(as_of, plan, Thresholds(), Totals(tasks=60), [], []))
    print("ok")
    """
)


def run_together(store_path: Path, tmp_path: Path, jobs: list[tuple[str, date, int]]) -> None:
    script = tmp_path / "worker.py"
    script.write_text(WORKER, encoding="utf-8")
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen(
            [sys.executable, str(script), str(store_path), str(go), name, first.isoformat(),
             str(weeks)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
        )
        for name, first, weeks in jobs
    ]
    go.write_text("go")
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.strip() == "ok"


def test_two_processes_record_different_weeks_at_once(store_path: Path, tmp_path: Path) -> None:
    run_together(store_path, tmp_path, [("a", date(2025, 1, 6), 15), ("b", date(2024, 1, 1), 15)])
    with HistoryStore.open(store_path) as store:
        checks = store.checks()
    # every week of the later plan is there; a week of the earlier one is there only when it
    # was recorded before the first later week (a back-dated check never writes)
    later = [c["as_of"] for c in checks if c["plan"] == "a.xlsx"]
    earlier = [c["as_of"] for c in checks if c["plan"] == "b.xlsx"]
    assert len(later) == 15 and len(earlier) <= 15
    conn = sqlite3.connect(store_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM task_states").fetchone()[0] == len(checks) * 60
    conn.close()


def test_two_processes_record_the_same_weeks_at_once(store_path: Path, tmp_path: Path) -> None:
    run_together(store_path, tmp_path, [("a", W1, 12), ("b", W1, 12)])
    conn = sqlite3.connect(store_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM checks").fetchone()[0] == 12
    # each week holds the rows of exactly one of the two checks, never a mixture
    rows = conn.execute(
        "SELECT c.as_of, c.plan, count(*), count(DISTINCT substr(t.result, 1, 1))"
        " FROM checks c JOIN task_states t ON t.as_of = c.as_of GROUP BY c.as_of"
    ).fetchall()
    conn.close()
    assert len(rows) == 12
    for _, _plan, count, writers in rows:
        assert count == 60 and writers == 1
    with HistoryStore.open(store_path) as store:
        for check_row in store.checks():
            states = store.task_states("1.1|nhiem vu 0")
            assert any(day == check_row["as_of"] and text.startswith(check_row["plan"][0])
                       for day, _, _, text in states)


class _CreatedMeanwhile:
    """A connection to a new, empty file that lets another connection create the store (its
    tables, application id and version: one commit) right after its first read, as another
    process starting at the same moment may."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=5)
        self.path = path
        self.creator: threading.Thread | None = None
        self.created = threading.Event()

    @property
    def in_transaction(self) -> bool:
        return self.conn.in_transaction

    def execute(self, sql: str) -> sqlite3.Cursor:
        cursor = self.conn.execute(sql)
        if self.creator is None and "application_id" in sql:
            self.creator = threading.Thread(target=self._create)
            self.creator.start()
            self.created.wait(1.0)  # it commits at once unless this read holds the file
        return cursor

    def _create(self) -> None:
        other = sqlite3.connect(self.path, isolation_level=None, timeout=5)
        try:
            history._prepare_schema(other, self.path)
        finally:
            other.close()
            self.created.set()


def test_a_store_created_by_another_process_meanwhile_is_not_taken_for_a_foreign_file(
        store_path: Path) -> None:
    """The version, application id and tables are read as one: reading the id before another
    process's creating commit and the version after it once made a new store "not a cchc check
    history" (``test_two_processes_record_the_same_weeks_at_once`` failed so, under load)."""
    conn = _CreatedMeanwhile(store_path)
    try:
        assert history._schema_version(conn, store_path) == 0  # type: ignore[arg-type]
    finally:
        conn.conn.close()
        assert conn.creator is not None
        conn.creator.join(10)
    with HistoryStore.open(store_path) as store:  # the other one made it whole
        assert store.checks() == []
    after = sqlite3.connect(store_path)
    assert history._schema_version(after, store_path) == 2
    after.close()


def test_store_is_busy_for_a_moment_not_an_error(store_path: Path) -> None:
    """A check waits for another one holding the write lock, and fails cleanly only after the
    busy timeout, leaving the store as it was."""
    with HistoryStore.open(store_path, timeout=0.2) as store:
        holder = sqlite3.connect(store_path, isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(HistoryError, match="locked"):
            store.record(check(W1, [task(5, "A")]))
        holder.execute("COMMIT")
        holder.close()
        store.record(check(W1, [task(5, "A")]))
        assert len(store.checks()) == 1


VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"


@given(st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " 0123456789,.;:-–()", max_size=60))
def test_task_key_is_stable_under_retyping(title: str) -> None:
    retyped = "  " + nfd(title.upper()).replace(" ", "  ") + ". "
    assert task_key(task(5, title)) == task_key(task(40, retyped))
