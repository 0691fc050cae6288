"""The library's front door: one call runs the weekly check on a plan file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from cchc_sheets.checking.rules import check_plan
from cchc_sheets.config import Config, default_history_path, find_config, load_config
from cchc_sheets.errors import CchcError
from cchc_sheets.model import CheckResult, Problem, Task, TrendPoint
from cchc_sheets.pause import no_cyclic_gc
from cchc_sheets.read.reader import read_plan
from cchc_sheets.read.scoring import finish_criteria

__all__ = ["AUTO", "HistoryUse", "check", "check_with_history", "default_history_path",
           "load_settings", "record_history"]

AUTO: Literal["auto"] = "auto"  # history=AUTO: the plan's own history, found as choose_history does


def load_settings(plan: Path | None, config: Config | Path | None = None) -> Config:
    """The config object: given, read from a path, or ``cchc.toml`` beside the plan."""
    if isinstance(config, Config):
        return config
    return load_config(find_config(plan, config))


@dataclass
class HistoryUse:
    """What a check did with the check history, for the screen.

    ``how`` is ``HistoryChoice.how`` (``given``, ``beside``, ``found``, ``new``) or ``none``;
    ``earlier`` counts the readable checks before this one's date; ``latest`` is the latest
    recorded date; ``backdated``: this check is dated before it, so it read the history as of
    its own date and is not recorded; ``recorded``: :func:`record_history` saved it;
    ``problems``: warnings (history unusable, rows skipped, recording failed).
    """

    path: Path | None = None
    how: str = "none"
    recorded_for: str = ""
    earlier: int = 0
    latest: date | None = None
    backdated: bool = False
    recorded: bool = False
    problems: list[Problem] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        return self.path is not None and not any(
            p.code == "history-unavailable" for p in self.problems)


def check(
    plan: Path | str,
    *,
    as_of: date,
    scores: Path | str | None = None,
    config: Config | Path | None = None,
    history: Path | str | None = None,
    record: bool = True,
    engine: str = "calamine",
) -> CheckResult:
    """Read ``plan`` and check it as of ``as_of``.

    ``history`` is the path of the check-history store (None: no history; :data:`AUTO`: the
    plan's own, see :func:`~cchc_sheets.checking.history.choose_history`). The store supplies the
    ``unchanged`` flag and the trend, and this check is recorded in it when ``record`` is true
    (never when it is dated before the latest recorded check). A damaged store is a warning in
    ``result.problems``; the check still runs.
    """
    result, use = check_with_history(plan, as_of=as_of, scores=scores, config=config,
                                     history=history, engine=engine)
    if record:
        record_history(use, result)
    result.problems.extend(use.problems)
    return result


def check_with_history(
    plan: Path | str,
    *,
    as_of: date,
    scores: Path | str | None = None,
    config: Config | Path | None = None,
    history: Path | str | None = None,
    engine: str = "calamine",
) -> tuple[CheckResult, HistoryUse]:
    """The check without recording it: the result, and what was done with the history.

    Record it with :func:`record_history` once its outputs are written. The history's warnings
    are in ``use.problems`` (not in the result, which may be written before they are known).
    """
    with no_cyclic_gc():
        return _check(Path(plan), as_of, scores, config, history, engine)


def _check(plan_path: Path, as_of: date, scores: Path | str | None, config: Config | Path | None,
           history: Path | str | None, engine: str) -> tuple[CheckResult, HistoryUse]:
    settings = load_settings(plan_path, config)
    province = None
    if scores is not None:
        from cchc_sheets.province.province_scores import province_table_or_none

        province = province_table_or_none(Path(scores))
    data = read_plan(plan_path, settings,
                     scores=Path(scores) if scores and province is None else None,
                     default_year=as_of.year, engine=engine)
    if province is not None:
        from cchc_sheets.province.province_scores import apply_row, row_for, score_year

        apply_row(data, province, row_for(province, data.commune), score_year(province, data, as_of))
        finish_criteria(data)
    _hint_year(data.problems, data.plan_year or as_of.year)
    if history is None:
        return check_plan(data, as_of, settings), HistoryUse()
    from cchc_sheets.checking.history import (
        HistoryStore,
        choose_history,
        plan_fingerprint,
        unchanged_tasks,
    )

    explicit = None if history == AUTO else Path(history)
    choice = choose_history(plan_path, data.tasks, explicit, plan_fingerprint(data))
    use = HistoryUse(choice.path, choice.how, choice.recorded_for)
    if choice.how == "new" or (choice.how == "given" and not choice.path.exists()):
        result = check_plan(data, as_of, settings)
        result.trend = [_point(result)]
        return result, use
    try:
        store = HistoryStore.open(choice.path, create=False)
    except CchcError as exc:
        result = check_plan(data, as_of, settings)
        use.problems.append(_history_problem(choice.path, exc))
        return result, use
    with store:
        finder: Callable[[list[Task]], set[int]] = lambda tasks: unchanged_tasks(  # noqa: E731
            store, tasks, as_of, settings.thresholds.stale_days
        )
        try:
            use.latest = store.latest()
            use.earlier = len(store.check_dates(before=as_of))
            result = check_plan(data, as_of, settings, unchanged=finder)
            result.trend = [*store.trend(as_of, before=True), _point(result)]
        except CchcError as exc:
            result = check_plan(data, as_of, settings)
            use.problems.append(_history_problem(choice.path, exc))
            return result, use
        use.backdated = use.latest is not None and as_of < use.latest
        if store.skipped:
            use.problems.append(Problem("history-rows-skipped", "warning", None, None,
                                        {"path": str(choice.path), "count": len(store.skipped),
                                         "rows": ", ".join(store.skipped[:5])},
                                        file=choice.path.name))
    return result, use


def record_history(use: HistoryUse, result: CheckResult) -> bool:
    """Save the check in the history it read (after its outputs are written). Not for a
    back-dated check, nor when the history was unusable. A failure is a warning in
    ``use.problems``. True when recorded."""
    if use.path is None or use.backdated or not use.usable:
        return False
    from cchc_sheets.checking.history import HistoryStore

    try:
        with HistoryStore.open(use.path) as store:
            use.recorded = store.record(result)
            if not use.recorded:
                use.backdated = True
    except CchcError as exc:  # locked too long, disk full: warn, keep the check
        use.problems.append(_history_problem(use.path, exc))
    return use.recorded


def _point(result: CheckResult) -> TrendPoint:
    from cchc_sheets.checking.history import points_at_stake

    totals = result.totals
    return TrendPoint(result.as_of, totals.tasks, totals.done, totals.overdue,
                      totals.missing_update, points_at_stake(result))


_YEAR_HINTS = ("unparsed-deadline", "bad-date")


def _hint_year(problems: list[Problem], year: int) -> None:
    """The examples in a deadline or date hint use the plan's own year."""
    for problem in problems:
        if problem.code in _YEAR_HINTS:
            problem.args.setdefault("hint_year", year)


def _history_problem(path: Path, exc: CchcError) -> Problem:
    detail = exc.args_.get("detail", exc.code)
    return Problem("history-unavailable", "warning", None, None,
                   {"path": str(path), "detail": detail}, file=path.name)
