"""The check history: every weekly check's figures and task states, in one SQLite file.

The store sits beside the plan (``<plan stem>.cchc-history.sqlite``, see
:func:`default_history_path`) unless the officer names another with ``--history PATH``. It holds
one plan's history: a check is identified by its ``as_of`` date only, so a plan saved under a new
file name each week (``ke-hoach-v2.xlsx``) keeps one history as long as the same store is used.

A task is recognised across weeks by :func:`task_key`: its criterion codes and its folded text
(case, diacritics, Unicode form, spaces and punctuation do not matter), never its row, so rows
inserted above it do not break its history. A real rename is a new task.

Nothing here reads the clock: the store holds ``as_of`` dates and figures only, so the same checks
give the same store.

How the check uses it (the order matters: ``unchanged`` feeds the totals, the totals are
recorded)::

    from cchc_sheets.history import (HistoryError, HistoryStore, default_history_path,
                                     unchanged_tasks)

    path = history_option or default_history_path(plan.source)
    try:
        store = HistoryStore.open(path)
    except HistoryError as exc:
        result.problems.append(exc.as_problem())        # warning; the check runs on
        store = None
    if store is not None:
        with store:
            finder = lambda tasks: unchanged_tasks(store, tasks, as_of, thresholds.stale_days)
            result = check_plan(plan, as_of, config, unchanged=finder)   # flags "unchanged"
            try:
                store.record(result)                     # one transaction; replaces as_of
                result.trend = store.trend(as_of)
            except HistoryError as exc:
                result.problems.append(exc.as_problem())

``cchc history PLAN``::

    with HistoryStore.open(path, create=False) as store:   # HistoryError "history-missing"
        for check in store.checks():                        # dicts, ascending as_of
            ...

Safety: the file is in WAL mode with a 10-second busy timeout and every write is one
``BEGIN IMMEDIATE`` transaction, so two checks at once both succeed and a failure midway leaves
the store as it was. A file that is not a history store, is damaged, or was written by a newer
version raises :class:`HistoryError` (code ``history-unavailable``) when opened.
"""

from __future__ import annotations

import contextlib
import json
import math
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from cchc_sheets.config import HISTORY_SUFFIX, default_history_path
from cchc_sheets.errors import CchcError, Words
from cchc_sheets.figures import points_lost
from cchc_sheets.model import CheckResult, Problem, Task, TrendPoint
from cchc_sheets.text import clean, fold

__all__ = ["HISTORY_SUFFIX", "HistoryError", "HistoryStore", "default_history_path", "task_key",
           "unchanged_tasks"]
SCHEMA_VERSION = 1
APPLICATION_ID = 0x43434843  # "CCHC": marks the file as ours
BUSY_TIMEOUT = 10.0  # seconds a check waits for another one holding the store
PROGRESS_TOLERANCE = 1e-6  # progress is 0–100; closer than this is the same progress

_SCHEMA = """
CREATE TABLE IF NOT EXISTS checks (
    as_of TEXT PRIMARY KEY,
    plan TEXT NOT NULL,
    plan_year INTEGER,
    tasks INTEGER NOT NULL,
    done INTEGER NOT NULL,
    overdue INTEGER NOT NULL,
    due_soon INTEGER NOT NULL,
    missing_update INTEGER NOT NULL,
    points_at_stake REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS task_states (
    as_of TEXT NOT NULL,
    key TEXT NOT NULL,
    sheet TEXT NOT NULL,
    row INTEGER NOT NULL,
    task_id TEXT NOT NULL,
    title TEXT NOT NULL,
    unit TEXT NOT NULL,
    status TEXT NOT NULL,
    progress REAL,
    result TEXT NOT NULL,
    flags TEXT NOT NULL,
    PRIMARY KEY (as_of, key)
);
CREATE INDEX IF NOT EXISTS task_states_by_key ON task_states (key, as_of);
"""
_TABLES = {"checks", "task_states"}

TaskState = tuple[str, float | None, str]  # status, progress, result (normalised)


class HistoryError(CchcError):
    """The check history cannot be used: damaged, not a history store, newer, or missing.

    The check goes on without history; :meth:`as_problem` gives the warning to show.
    """

    def as_problem(self) -> Problem:
        """This error as a warning in the check's problems (``Problem.code`` is ``self.code``)."""
        return Problem(self.code, "warning", file=self.path, args={"path": self.path or "",
                                                                   **self.args_})


def _norm_code(code: str) -> str:
    return clean(code).casefold().rstrip(".").replace(" ", "")


def task_key(task: Task) -> str:
    """The task's identity across weeks: sorted criterion codes and folded text.

    ``"1.2,2.3|ra soat thu tuc hanh chinh"``. Row, case, diacritics (NFC or NFD), stray spaces and
    punctuation (a trailing full stop, quotes, dashes) do not change it.
    """
    codes = sorted({_norm_code(code) for code in task.criteria if _norm_code(code)})
    return ",".join(codes) + "|" + fold(task.title)


def task_keys(tasks: Sequence[Task]) -> list[str]:
    """:func:`task_key` of each task; a repeated key gets ``#2``, ``#3`` in order of occurrence."""
    seen: dict[str, int] = {}
    keys = []
    for task in tasks:
        key = task_key(task)
        seen[key] = seen.get(key, 0) + 1
        keys.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return keys


def _norm_result(text: str) -> str:
    return " ".join(clean(text).split())


def task_state(task: Task) -> TaskState:
    """What the ``unchanged`` flag compares: status, progress, result text (spaces normalised)."""
    return (task.status, task.progress, _norm_result(task.result))


def same_state(first: TaskState, second: TaskState) -> bool:
    """Equal status and result text, and progress equal within :data:`PROGRESS_TOLERANCE`."""
    if first[0] != second[0] or first[2] != second[2]:
        return False
    a, b = first[1], second[1]
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=0.0, abs_tol=PROGRESS_TOLERANCE)


def points_at_stake(result: CheckResult) -> float:
    """The points lost that the history records: the one "points lost" of every output
    (:func:`cchc_sheets.figures.points_lost`), so the trend sheet and ``cchc history`` agree
    with the overview and the terminal."""
    return points_lost(result)


def _task_row(as_of: str, key: str, task: Task) -> tuple[Any, ...]:
    return (
        as_of, key, task.sheet, task.row, task.id, task.title, task.unit or task.lead,
        task.status, task.progress, _norm_result(task.result),
        json.dumps(list(task.flags), ensure_ascii=False),
    )


def _task_rows(as_of: str, tasks: Sequence[Task]) -> Iterator[tuple[Any, ...]]:
    for key, task in zip(task_keys(tasks), tasks, strict=True):
        yield _task_row(as_of, key, task)


class HistoryStore:
    """One history file, open. Use as a context manager; :meth:`open` creates it if needed."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._conn = connection
        self.path = path

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path, *, create: bool = True, timeout: float = BUSY_TIMEOUT
    ) -> HistoryStore:
        """Open (and with ``create``, make) the store at ``path``.

        Raises :class:`HistoryError`: ``history-missing`` when ``create`` is false and there is no
        file; ``history-unavailable`` when the file is not an SQLite database, is damaged, belongs
        to something else, or has a newer schema.
        """
        path = Path(path)
        if not path.exists():
            if not create:
                raise HistoryError("history-missing", str(path))
            if not path.parent.is_dir():
                raise HistoryError("history-unavailable", str(path),
                                   detail=f"folder not found: {path.parent}")
        elif path.is_dir():
            raise HistoryError("history-unavailable", str(path), detail=Words("là thư mục", "a folder"))
        else:
            _check_header(path)
        try:
            conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise HistoryError("history-unavailable", str(path), detail=str(exc)) from exc
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            _set_wal(conn, timeout)
            _prepare_schema(conn, path)
            problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
            if problems != ["ok"]:
                raise HistoryError("history-unavailable", str(path),
                                   detail=Words("tệp hỏng: ", "damaged: ").joined(
                                       "; ".join(map(str, problems[:3]))))
        except sqlite3.Error as exc:
            conn.close()
            raise HistoryError("history-unavailable", str(path), detail=str(exc)) from exc
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- writing -------------------------------------------------------------------------

    def record(self, result: CheckResult) -> None:
        """Save the check: its figures and one row per task, replacing any check of that as_of.

        One transaction: on any failure the store keeps exactly what it had, and a
        :class:`HistoryError` (or the original non-database exception) is raised.
        """
        as_of = result.as_of.isoformat()
        totals = result.totals
        summary = (
            as_of, result.plan.source.name, result.plan_year, totals.tasks, totals.done,
            totals.overdue, totals.due_soon, totals.missing_update, points_at_stake(result),
        )
        with self._transaction() as conn:
            conn.execute("DELETE FROM task_states WHERE as_of = ?", (as_of,))
            conn.execute("DELETE FROM checks WHERE as_of = ?", (as_of,))
            conn.execute("INSERT INTO checks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", summary)
            conn.executemany(
                "INSERT INTO task_states VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _task_rows(as_of, result.tasks),
            )

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back on any failure."""
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise HistoryError("history-unavailable", str(self.path), detail=str(exc)) from exc

    # --- reading -------------------------------------------------------------------------

    def _query(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        try:
            return self._conn.execute(sql, tuple(params)).fetchall()
        except sqlite3.Error as exc:
            raise HistoryError("history-unavailable", str(self.path), detail=str(exc)) from exc

    def checks(self) -> list[dict[str, Any]]:
        """The recorded checks, oldest first, for ``cchc history``.

        Keys: ``as_of`` (date), ``plan`` (file name), ``plan_year`` (int or None), ``tasks``,
        ``done``, ``overdue``, ``due_soon``, ``missing_update`` (int), ``points_at_stake``
        (float).
        """
        rows = self._query(
            "SELECT as_of, plan, plan_year, tasks, done, overdue, due_soon, missing_update,"
            " points_at_stake FROM checks ORDER BY as_of"
        )
        names = ("as_of", "plan", "plan_year", "tasks", "done", "overdue", "due_soon",
                 "missing_update", "points_at_stake")
        out = []
        for row in rows:
            item = dict(zip(names, row, strict=True))
            item["as_of"] = date.fromisoformat(item["as_of"])
            out.append(item)
        return out

    def trend(self, until: date) -> list[TrendPoint]:
        """One :class:`TrendPoint` per recorded check with ``as_of <= until``, oldest first."""
        rows = self._query(
            "SELECT as_of, tasks, done, overdue, missing_update, points_at_stake FROM checks"
            " WHERE as_of <= ? ORDER BY as_of",
            (until.isoformat(),),
        )
        return [
            TrendPoint(date.fromisoformat(day), tasks, done, overdue, missing, float(points))
            for day, tasks, done, overdue, missing, points in rows
        ]

    def check_dates(self, before: date | None = None) -> list[date]:
        """Dates of the recorded checks (strictly before ``before`` if given), oldest first."""
        if before is None:
            rows = self._query("SELECT as_of FROM checks ORDER BY as_of")
        else:
            rows = self._query("SELECT as_of FROM checks WHERE as_of < ? ORDER BY as_of",
                               (before.isoformat(),))
        return [date.fromisoformat(row[0]) for row in rows]

    def task_states(self, key: str) -> list[tuple[date, str, float | None, str]]:
        """``(as_of, status, progress, result)`` of the task with ``key`` in each check, oldest
        first; checks where the task was absent are left out."""
        rows = self._query(
            "SELECT as_of, status, progress, result FROM task_states WHERE key = ?"
            " ORDER BY as_of",
            (key,),
        )
        return [(date.fromisoformat(day), status, progress, text)
                for day, status, progress, text in rows]

    def states_before(self, as_of: date) -> dict[str, dict[date, TaskState]]:
        """Every task state of the checks strictly before ``as_of``: key → as_of → state."""
        rows = self._query(
            "SELECT as_of, key, status, progress, result FROM task_states WHERE as_of < ?",
            (as_of.isoformat(),),
        )
        out: dict[str, dict[date, TaskState]] = {}
        for day, key, status, progress, text in rows:
            out.setdefault(key, {})[date.fromisoformat(day)] = (status, progress, text)
        return out


def unchanged_tasks(
    store: HistoryStore, tasks: Sequence[Task], as_of: date, stale_days: int
) -> set[int]:
    """Indices of the open tasks that earn the ``unchanged`` flag (contract §4).

    A task qualifies when a check made at least ``stale_days`` before ``as_of`` saw the same
    status, progress and result as now, and so did every check since. Only checks strictly
    before ``as_of`` count, so re-running a week gives the same answer. A check in which the
    task was absent (renamed away, deleted) breaks the run.
    """
    earlier = store.check_dates(before=as_of)
    if not earlier:
        return set()
    states = store.states_before(as_of)
    found: set[int] = set()
    for index, (task, key) in enumerate(zip(tasks, task_keys(tasks), strict=True)):
        if not task.is_open:
            continue
        now = task_state(task)
        history = states.get(key, {})
        since: date | None = None
        for day in reversed(earlier):
            seen = history.get(day)
            if seen is None or not same_state(seen, now):
                break
            since = day
        if since is not None and (as_of - since).days >= stale_days:
            found.add(index)
    return found


# --- opening helpers -------------------------------------------------------------------------


_SQLITE_HEADER = b"SQLite format 3\x00"


def _check_header(path: Path) -> None:
    """Refuse, without letting SQLite touch it, a non-empty file that is not an SQLite database
    (``--history plan.xlsx`` by mistake)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise HistoryError("history-unavailable", str(path),
                           detail=exc.strerror or str(exc)) from exc
    if head and head != _SQLITE_HEADER:
        raise HistoryError("history-unavailable", str(path),
                           detail=Words("không phải cơ sở dữ liệu SQLite", "not an SQLite database"))


def _set_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch to WAL; retry while another process holds the file (the switch needs a lock).

    Where WAL is impossible (some network drives) the default rollback journal stays.
    """
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _prepare_schema(conn: sqlite3.Connection, path: Path) -> None:
    """Check the file is ours and not newer; create the tables in a new (or empty) file."""
    if _schema_version(conn, path) >= SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")  # another process may be creating it at the same moment
    try:
        if _schema_version(conn, path) < SCHEMA_VERSION:
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def _schema_version(conn: sqlite3.Connection, path: Path) -> int:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables - _TABLES):
        raise HistoryError("history-unavailable", str(path),
                           detail=Words("không phải lịch sử kiểm tra của cchc",
                                        "not a cchc check history"))
    if version > SCHEMA_VERSION:
        raise HistoryError("history-unavailable", str(path),
                           detail=f"made by a newer cchc-sheets (schema {version})")
    return version
