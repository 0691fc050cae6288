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

Which store a plan uses (:func:`choose_history`): ``--history PATH``; else the default name
beside the plan; else, when there is none, a history of the same plan under another name in the
plan's folder, the folder above it or one below (a renamed copy, a plan moved into a subfolder),
recognised by the plan's fingerprint or by sharing at least half its tasks; else a new one at the
default name. The check (``api.check_with_history``) reads the store, and records the week only
after its outputs are written (``api.record_history``); a check dated before the latest recorded
one reads the store as of its date and is never recorded (:meth:`HistoryStore.record` refuses it).

``cchc history PLAN``::

    with HistoryStore.open(path, create=False) as store:   # HistoryError "history-missing"
        for check in store.checks():                        # dicts, ascending as_of
            ...

Safety: the file is in WAL mode with a 10-second busy timeout and every write is one
``BEGIN IMMEDIATE`` transaction, so two checks at once both succeed and a failure midway leaves
the store as it was; what marks the file ours (application id, version, tables) is read in one
transaction, so a store another check is creating at that moment is never taken for a foreign
file. A file that is not a history store, is damaged, or was written by a newer
version raises :class:`HistoryError` (code ``history-unavailable``) when opened; a file not
marked as ours is only read (through an immutable connection) until it is proven to be an empty
database. Rows that cannot be read are skipped and listed in :attr:`HistoryStore.skipped`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from cchc_sheets.checking.figures import points_lost
from cchc_sheets.config import HISTORY_SUFFIX, default_history_path
from cchc_sheets.errors import CchcError, Words
from cchc_sheets.model import CheckResult, Plan, Problem, Task, TrendPoint
from cchc_sheets.text import clean, fold, shown_name

__all__ = ["HISTORY_SUFFIX", "HistoryChoice", "HistoryError", "HistoryStore", "choose_history",
           "default_history_path", "plan_fingerprint", "task_key", "unchanged_tasks"]
SCHEMA_VERSION = 2  # 2: checks.fingerprint (which plan a check was of)
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
    points_at_stake REAL NOT NULL,
    fingerprint TEXT NOT NULL DEFAULT ''
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
_CHECK_COLUMNS = ("as_of", "plan", "plan_year", "tasks", "done", "overdue", "due_soon",
                  "missing_update", "points_at_stake")


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


def plan_fingerprint(plan: CheckResult | Plan) -> str:
    """What identifies a plan across renames and moves: a digest of its criterion codes and task
    keys (``sha256`` hex, 16 characters). The file name plays no part; the plan as read and the
    check of it give the same fingerprint."""
    tasks: Sequence[Task] = plan.tasks
    codes = sorted({_norm_code(c.code) for c in plan.criteria})
    text = ",".join(codes) + "\n" + "\n".join(sorted(task_keys(tasks)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


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
    (:func:`cchc_sheets.checking.figures.points_lost`), so the trend sheet and ``cchc history`` agree
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
    """One history file, open. Use as a context manager; :meth:`open` creates it if needed.

    ``skipped`` lists the rows that could not be read (an impossible date, text where a number
    belongs): they are left out of every answer, and the caller shows them as one warning.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._conn = connection
        self.path = path
        self.skipped: list[str] = []

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path, *, create: bool = True, timeout: float = BUSY_TIMEOUT,
        read_only: bool = False,
    ) -> HistoryStore:
        """Open (and with ``create``, make) the store at ``path``.

        An existing file is written to only once it is proven to be a cchc history (its
        application id in the header, or an empty database seen through an immutable read-only
        connection that creates no journal): a foreign SQLite file is never switched to WAL nor
        given a table. ``read_only`` opens that immutable connection and never writes at all
        (for a quick look at a history that may be another plan's).

        Raises :class:`HistoryError`: ``history-missing`` when ``create`` is false and there is no
        file; ``history-unavailable`` when the file is not an SQLite database, is damaged, belongs
        to something else, or has a newer schema.
        """
        path = Path(path)
        if not path.exists():
            if not create or read_only:
                raise HistoryError("history-missing", str(path))
            if not path.parent.is_dir():
                raise HistoryError("history-unavailable", str(path),
                                   detail=Words(f"không có thư mục {path.parent}",
                                                f"folder not found: {path.parent}"))
        elif path.is_dir():
            raise HistoryError("history-unavailable", str(path), detail=Words("là thư mục", "a folder"))
        elif not path.is_file():
            raise HistoryError("history-unavailable", str(path),
                               detail=Words("không phải tệp thường", "not a regular file"))
        else:
            head = _check_header(path)
            if len(head) >= 72 and int.from_bytes(head[68:72], "big") != APPLICATION_ID:
                # not marked ours: prove it is an empty database, reading only
                _probe(path, timeout, wal=head[18] == 2)
        if read_only:
            return cls(_connect_read_only(path, timeout), path)
        try:
            conn = sqlite3.connect(str(path), timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise HistoryError("history-unavailable", str(path), detail=str(exc)) from exc
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            _schema_version(conn, path)  # again, now that it is open for writing
            _prepare_schema(conn, path)  # marks the file ours before it ever is in WAL mode
            _set_wal(conn, timeout)
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

    def record(self, result: CheckResult) -> bool:
        """Save the check: its figures and one row per task, replacing a check of the same as_of
        when that is the latest one.

        A check dated before the latest recorded one is not saved (it returns False): a
        back-dated check never rewrites the record of a week. One transaction: on any failure the
        store keeps exactly what it had, and a :class:`HistoryError` (or the original
        non-database exception) is raised.
        """
        as_of = result.as_of.isoformat()
        totals = result.totals
        summary = (
            as_of, shown_name(result.plan.source), result.plan_year, totals.tasks, totals.done,
            totals.overdue, totals.due_soon, totals.missing_update, points_at_stake(result),
            plan_fingerprint(result),
        )
        with self._transaction() as conn:
            latest = conn.execute("SELECT max(as_of) FROM checks").fetchone()[0]
            if isinstance(latest, str) and latest > as_of:
                return False
            conn.execute("DELETE FROM task_states WHERE as_of = ?", (as_of,))
            conn.execute("DELETE FROM checks WHERE as_of = ?", (as_of,))
            conn.execute("INSERT INTO checks (as_of, plan, plan_year, tasks, done, overdue,"
                         " due_soon, missing_update, points_at_stake, fingerprint)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", summary)
            conn.executemany(
                "INSERT INTO task_states VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _task_rows(as_of, result.tasks),
            )
        return True

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

    def _skip(self, table: str, as_of: Any) -> None:
        note = f"{table} {as_of!s:.40}"
        if note not in self.skipped:
            self.skipped.append(note)

    def checks(self) -> list[dict[str, Any]]:
        """The recorded checks, oldest first, for ``cchc history``.

        Keys: ``as_of`` (date), ``plan`` (file name), ``plan_year`` (int or None), ``tasks``,
        ``done``, ``overdue``, ``due_soon``, ``missing_update`` (int), ``points_at_stake``
        (float). A row that cannot be read is left out and noted in :attr:`skipped`.
        """
        rows = self._query(f"SELECT {', '.join(_CHECK_COLUMNS)} FROM checks ORDER BY as_of")
        out = []
        for row in rows:
            item = _check_row(row)
            if item is None:
                self._skip("checks", row[0])
                continue
            out.append(item)
        return out

    def trend(self, until: date, *, before: bool = False) -> list[TrendPoint]:
        """One :class:`TrendPoint` per recorded check with ``as_of <= until`` (``< until`` with
        ``before``), oldest first."""
        return [
            TrendPoint(item["as_of"], item["tasks"], item["done"], item["overdue"],
                       item["missing_update"], item["points_at_stake"])
            for item in self.checks()
            if item["as_of"] < until or (not before and item["as_of"] == until)
        ]

    def latest(self) -> date | None:
        """The as-of date of the latest readable check, or None."""
        days = self.check_dates()
        return days[-1] if days else None

    def fingerprints(self) -> list[str]:
        """The plan fingerprints recorded, latest check first (empty ones left out)."""
        rows = self._query("SELECT fingerprint FROM checks ORDER BY as_of DESC")
        return [row[0] for row in rows if isinstance(row[0], str) and row[0]]

    def latest_keys(self) -> set[str]:
        """The task keys of the latest readable check."""
        latest = self.latest()
        if latest is None:
            return set()
        rows = self._query("SELECT key FROM task_states WHERE as_of = ?", (latest.isoformat(),))
        return {row[0] for row in rows if isinstance(row[0], str)}

    def check_dates(self, before: date | None = None) -> list[date]:
        """Dates of the recorded checks (strictly before ``before`` if given), oldest first."""
        out = []
        for row in self._query("SELECT as_of FROM checks ORDER BY as_of"):
            day = _day(row[0])
            if day is None:
                self._skip("checks", row[0])
            elif before is None or day < before:
                out.append(day)
        return out

    def task_states(self, key: str) -> list[tuple[date, str, float | None, str]]:
        """``(as_of, status, progress, result)`` of the task with ``key`` in each check, oldest
        first; checks where the task was absent are left out."""
        rows = self._query(
            "SELECT as_of, status, progress, result FROM task_states WHERE key = ?"
            " ORDER BY as_of",
            (key,),
        )
        out = []
        for day_text, status, progress, text in rows:
            day, state = _day(day_text), _state(status, progress, text)
            if day is None or state is None:
                self._skip("task_states", day_text)
                continue
            out.append((day, *state))
        return out

    def states_before(self, as_of: date) -> dict[str, dict[date, TaskState]]:
        """Every task state of the checks strictly before ``as_of``: key → as_of → state."""
        rows = self._query(
            "SELECT as_of, key, status, progress, result FROM task_states WHERE as_of < ?",
            (as_of.isoformat(),),
        )
        out: dict[str, dict[date, TaskState]] = {}
        for day_text, key, status, progress, text in rows:
            day, state = _day(day_text), _state(status, progress, text)
            if day is None or state is None or not isinstance(key, str):
                self._skip("task_states", day_text)
                continue
            out.setdefault(key, {})[day] = state
        return out


def _day(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def _check_row(row: Sequence[Any]) -> dict[str, Any] | None:
    """A row of ``checks`` as a dict, or None when a value is not what it must be."""
    item = dict(zip(_CHECK_COLUMNS, row, strict=True))
    day = _day(item["as_of"])
    if day is None or not isinstance(item["plan"], str):
        return None
    if item["plan_year"] is not None and not _whole(item["plan_year"]):
        return None
    if not all(_whole(item[k]) for k in ("tasks", "done", "overdue", "due_soon",
                                         "missing_update")):
        return None
    if not _number(item["points_at_stake"]):
        return None
    item["as_of"] = day
    item["points_at_stake"] = float(item["points_at_stake"])
    return item


def _state(status: Any, progress: Any, text: Any) -> TaskState | None:
    if not isinstance(status, str) or not isinstance(text, str):
        return None
    if progress is not None and not _number(progress):
        return None
    return (status, None if progress is None else float(progress), text)


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


# --- which history belongs to a plan ----------------------------------------------------------

MATCH_SHARE = 0.5  # a history is the plan's when at least half of the tasks are the same
_SEARCH_LIMIT = 60  # history files looked at, at most


@dataclass
class HistoryChoice:
    """Which history a check uses and why.

    ``how``: ``given`` (``--history``), ``beside`` (the default name beside the plan), ``found``
    (a history of the same plan under another name, in the plan's folder, the folder above it or
    one below it), ``new`` (none yet: the check starts one at ``path``). ``recorded_for`` is the
    plan file name of the latest check in a found history.
    """

    path: Path
    how: str
    recorded_for: str = ""
    share: float = 1.0


_PLAN_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def _plan_still_there(history: Path) -> bool:
    """True when the plan a history is named after still lies beside it (or the name was
    shortened, so that cannot be told)."""
    stem = history.name[: -len(HISTORY_SUFFIX)]
    if "~" in stem:
        return True
    return any((history.parent / (stem + suffix)).exists() for suffix in _PLAN_SUFFIXES)


def _candidates(plan: Path, default: Path) -> list[Path]:
    """Histories that may be this plan's: any in its folder (a copy saved under a new name), and
    in the folder above or one below those whose own plan is no longer there (a plan moved)."""
    folder = plan.parent
    places = [folder, folder.parent]
    try:
        places += sorted(p for p in folder.iterdir() if p.is_dir())[:_SEARCH_LIMIT]
    except OSError:
        pass
    found: list[Path] = []
    for place in dict.fromkeys(places):
        try:
            names = sorted(place.glob("*" + HISTORY_SUFFIX))
        except OSError:
            continue
        found += [p for p in names if p != default and p.is_file()
                  and (place == folder or not _plan_still_there(p))]
        if len(found) >= _SEARCH_LIMIT:
            break
    return found[:_SEARCH_LIMIT]


def _match(path: Path, keys: set[str], fingerprint: str | None) -> tuple[float, date, str] | None:
    """How well the history at ``path`` fits (share of tasks in common), read-only."""
    try:
        with HistoryStore.open(path, read_only=True, timeout=1.0) as store:
            if fingerprint and fingerprint in store.fingerprints()[:1]:
                share = 1.0
            else:
                recorded = {key.split("#")[0] for key in store.latest_keys()}
                if not recorded or not keys:
                    return None
                share = len(recorded & keys) / max(len(recorded), len(keys))
            latest = store.latest()
            plans = store._query("SELECT plan FROM checks ORDER BY as_of DESC LIMIT 1")
    except (HistoryError, OSError):
        return None
    if latest is None or share < MATCH_SHARE:
        return None
    name = plans[0][0] if plans and isinstance(plans[0][0], str) else ""
    return share, latest, name


def choose_history(plan: Path, tasks: Sequence[Task], explicit: Path | None = None,
                   fingerprint: str | None = None) -> HistoryChoice:
    """The history this plan's check uses: ``explicit``, else the default name beside the plan,
    else a history of the same plan (same tasks, by :func:`task_key`) found nearby under another
    name, else a new one at the default name. Only reads."""
    if explicit is not None:
        return HistoryChoice(Path(explicit), "given")
    default = default_history_path(plan)
    if default.exists():
        return HistoryChoice(default, "beside")
    keys = {key.split("#")[0] for key in task_keys(tasks)}
    best: tuple[float, date, str, Path] | None = None
    for path in _candidates(Path(plan), default):
        fit = _match(path, keys, fingerprint)
        if fit is not None and (best is None or fit[:2] > best[:2]):
            best = (*fit, path)
    if best is None:
        return HistoryChoice(default, "new")
    share, _latest, name, path = best
    return HistoryChoice(path, "found", name, share)


# --- opening helpers -------------------------------------------------------------------------


_SQLITE_HEADER = b"SQLite format 3\x00"


def _check_header(path: Path) -> bytes:
    """Refuse, without letting SQLite touch it, a non-empty file that is not an SQLite database
    (``--history plan.xlsx`` by mistake). Returns the database header (up to 100 bytes)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise HistoryError("history-unavailable", str(path),
                           detail=exc.strerror or str(exc)) from exc
    if head and head[:len(_SQLITE_HEADER)] != _SQLITE_HEADER:
        raise HistoryError("history-unavailable", str(path),
                           detail=Words("không phải cơ sở dữ liệu SQLite", "not an SQLite database"))
    return head


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


def _connect_read_only(path: Path, timeout: float, immutable: bool = True) -> sqlite3.Connection:
    """A connection that cannot write to ``path``. ``immutable`` also creates nothing beside it
    (no WAL index) and takes no locks: for a file in WAL mode that may not be ours. A file in
    rollback-journal mode is read with ordinary shared locks (``mode=ro`` creates nothing)."""
    uri = path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise HistoryError("history-unavailable", str(path), detail=str(exc)) from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA query_only = 1")
    except sqlite3.Error as exc:
        conn.close()  # (Python 3.13 warns of a connection left to the collector)
        raise HistoryError("history-unavailable", str(path), detail=str(exc)) from exc
    return conn


def _probe(path: Path, timeout: float, wal: bool) -> None:
    """Prove, reading only, that ``path`` is a cchc history that is not newer nor damaged."""
    conn = _connect_read_only(path, timeout, immutable=wal)
    try:
        _schema_version(conn, path)
        problems = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        if problems != ["ok"]:
            raise HistoryError("history-unavailable", str(path),
                               detail=Words("tệp hỏng: ", "damaged: ").joined(
                                   "; ".join(map(str, problems[:3]))))
    except sqlite3.Error as exc:
        raise HistoryError("history-unavailable", str(path), detail=str(exc)) from exc
    finally:
        conn.close()


def _prepare_schema(conn: sqlite3.Connection, path: Path) -> None:
    """Create the tables in a new (or empty) file; bring an older store of ours up to date."""
    if _schema_version(conn, path) >= SCHEMA_VERSION:
        return
    conn.execute("BEGIN IMMEDIATE")  # another process may be creating it at the same moment
    try:
        version = _schema_version(conn, path)
        if version < SCHEMA_VERSION:
            if version == 1:
                conn.execute("ALTER TABLE checks ADD COLUMN fingerprint TEXT NOT NULL DEFAULT ''")
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


def _schema_facts(conn: sqlite3.Connection) -> tuple[int, int, set[str]]:
    """The file's application id, schema version and tables, read in one read transaction.

    Three separate reads could straddle another process's creation of the store (its tables,
    application id and version are one commit): an id of 0 read before that commit and a
    version of 2 read after it look like somebody else's file.
    """
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN")  # deferred: the first read takes the lock (or the WAL snapshot)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {row[0] for row in
                  conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        if own and conn.in_transaction:
            conn.execute("COMMIT")  # nothing was written: this ends the read
    return app_id, version, tables


def _schema_version(conn: sqlite3.Connection, path: Path) -> int:
    app_id, version, tables = _schema_facts(conn)
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and (tables - _TABLES or version)):
        raise HistoryError("history-unavailable", str(path),
                           detail=Words("không phải lịch sử kiểm tra của cchc",
                                        "not a cchc check history"))
    if version > SCHEMA_VERSION:
        raise HistoryError("history-unavailable", str(path),
                           detail=Words(f"do phiên bản cchc-sheets mới hơn ghi (lược đồ {version})",
                                        f"made by a newer cchc-sheets (schema {version})"))
    return version
