"""The library's front door: one call runs the weekly check on a plan file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from cchc_sheets.config import Config, default_history_path, find_config, load_config
from cchc_sheets.errors import CchcError
from cchc_sheets.model import CheckResult, Problem, Task
from cchc_sheets.pause import no_cyclic_gc
from cchc_sheets.reader import read_plan
from cchc_sheets.rules import check_plan
from cchc_sheets.scoring import finish_criteria

__all__ = ["check", "default_history_path", "load_settings"]


def load_settings(plan: Path | None, config: Config | Path | None = None) -> Config:
    """The config object: given, read from a path, or ``cchc.toml`` beside the plan."""
    if isinstance(config, Config):
        return config
    return load_config(find_config(plan, config))


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

    ``history`` is the path of the check-history store (None: no history). The store supplies the
    ``unchanged`` flag and the trend, and this check is recorded in it when ``record`` is true.
    A damaged store is a warning in ``result.problems``; the check still runs.
    """
    with no_cyclic_gc():
        return _check(Path(plan), as_of, scores, config, history, record, engine)


def _check(plan_path: Path, as_of: date, scores: Path | str | None, config: Config | Path | None,
           history: Path | str | None, record: bool, engine: str) -> CheckResult:
    settings = load_settings(plan_path, config)
    province = None
    if scores is not None:
        from cchc_sheets.province_scores import province_table_or_none

        province = province_table_or_none(Path(scores))
    data = read_plan(plan_path, settings,
                     scores=Path(scores) if scores and province is None else None,
                     default_year=as_of.year, engine=engine)
    if province is not None:
        from cchc_sheets.province_scores import apply_row, row_for, score_year

        apply_row(data, province, row_for(province, data.commune), score_year(province, data, as_of))
        finish_criteria(data)
    if history is None:
        return check_plan(data, as_of, settings)
    from cchc_sheets.history import HistoryStore, unchanged_tasks

    store_path = Path(history)
    try:
        store = HistoryStore.open(store_path)
    except CchcError as exc:
        result = check_plan(data, as_of, settings)
        result.problems.append(_history_problem(store_path, exc))
        return result
    with store:
        finder: Callable[[list[Task]], set[int]] = lambda tasks: unchanged_tasks(  # noqa: E731
            store, tasks, as_of, settings.thresholds.stale_days
        )
        result = check_plan(data, as_of, settings, unchanged=finder)
        try:
            if record:
                store.record(result)
            result.trend = store.trend(as_of)
        except CchcError as exc:  # locked too long, disk full: warn, keep the check
            result.problems.append(_history_problem(store_path, exc))
    return result


def _history_problem(path: Path, exc: CchcError) -> Problem:
    detail = exc.args_.get("detail", exc.code)
    return Problem("history-unavailable", "warning", None, None,
                   {"path": str(path), "detail": detail}, file=path.name)
