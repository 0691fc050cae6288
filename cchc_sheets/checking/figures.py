"""The key figures of a check, computed once: the terminal, the summary's overview and its
properties, the e-mails and the check history all show these (:class:`KeyFigures`).

"Points lost" is defined here only: the applicable maximum of the frame − last year's points,
bonus and penalty lines included in the points (:attr:`KeyFigures.lost`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from cchc_sheets.model import CheckResult, Criterion
from cchc_sheets.text import number


class KeyFigures(NamedTuple):
    """The figures every report leads with (overview boxes, terminal, e-mail)."""

    tasks: int
    done: int
    done_ratio: float | None
    overdue: int
    due_soon: int
    missing_update: int
    points: float | None  # last year's total points (bonus and penalty lines included)
    max_points: float | None  # applicable maximum of the frame (bonus lines excluded)
    par_index: float | None  # the PAR Index: points ÷ applicable max × 100
    lost: float  # applicable maximum − points (bonus and penalty lines included)
    weak: int
    uncovered: int  # criteria flagged uncovered, a flagged line counted once, at its lowest level
    errors: int
    warnings: int
    total: ScoreTotal | None = None  # last year over the whole frame
    previous: ScoreTotal | None = None  # the year before, over the whole frame


class ScoreTotal(NamedTuple):
    """Points of one year over the whole frame: score ÷ applicable max."""

    year: int
    score: float
    max: float

    @property
    def lost(self) -> float:
        return self.max - self.score

    @property
    def ratio(self) -> float | None:
        return self.score / self.max if self.max > 0 else None


def children_map(criteria: Sequence[Criterion]) -> dict[str | None, list[Criterion]]:
    codes = {c.code for c in criteria}
    children: dict[str | None, list[Criterion]] = {}
    for item in criteria:
        parent = item.parent if item.parent in codes else None
        children.setdefault(parent, []).append(item)
    return children


def year_points(
    item: Criterion, year: int, children: dict[str | None, list[Criterion]]
) -> tuple[float, float, bool]:
    """(score, applicable max, has a score) of ``item`` in ``year``, from the lowest scored level."""
    kids = children.get(item.code)
    if kids:
        score = maximum = 0.0
        found = False
        for kid in kids:  # (a loop, not sums over a list of parts: this runs on every line)
            part_score, part_max, part_found = year_points(kid, year, children)
            score += part_score
            maximum += part_max
            found = found or part_found
        if found:
            return (score, maximum, True)
    score_of = item.scores.get(year)
    if score_of is None:
        return (0.0, 0.0, False)
    # bonus and penalty lines count in the points, not in the maximum (the frame's 100)
    return (float(score_of), 0.0 if item.bonus else float(item.max or 0.0), True)


def score_total(result: CheckResult, year: int | None,
                children: dict[str | None, list[Criterion]] | None = None) -> ScoreTotal | None:
    """Sum over the top-level lines (bonus and penalty lines included) of one year
    (``children``: the criteria's :func:`children_map`, when the caller has it)."""
    if year is None or not result.criteria:
        return None
    if children is None:
        children = children_map(result.criteria)
    score = maximum = 0.0
    found = False
    for top in children.get(None, []):
        part_score, part_max, part_found = year_points(top, year, children)
        if part_found:
            score += part_score
            maximum += part_max
            found = True
    if not found:
        return None
    return ScoreTotal(year, round(score, 4), round(maximum, 4))


def points_lost(result: CheckResult, total: ScoreTotal | None = None) -> float:
    """The "points lost" of every output: applicable maximum − last year's points (bonus and
    penalty lines included); without totals, the sum lost on the lowest scored lines."""
    if total is None:
        total = score_total(result, result.last_year)
    if total is not None:
        return round(total.max - total.score, 4)  # between last year and full marks
    return round(sum(c.lost or 0.0 for c in result.criteria if c.leaf and not c.bonus), 4)


def uncovered_count(criteria: Sequence[Criterion]) -> int:
    """Criteria flagged ``uncovered``, counting a flagged line once, at its lowest level."""
    return len(lowest_uncovered(criteria))


def lowest_uncovered(criteria: Sequence[Criterion]) -> set[str]:
    """The codes of the criteria flagged ``uncovered`` with no flagged line under them."""
    flagged = {c.code for c in criteria if "uncovered" in c.flags}
    parents = {c.parent for c in criteria if c.code in flagged}
    return flagged - parents


def figures_of(
    *, tasks: int, done: int, overdue: int, due_soon: int, missing_update: int, weak: int = 0,
    uncovered: int = 0, errors: int = 0, warnings: int = 0, total: ScoreTotal | None = None,
    previous: ScoreTotal | None = None, lost: float | None = None,
) -> KeyFigures:
    """Key figures from their parts (the derived ones computed here, as for a check)."""
    index = round(total.ratio * 100, 2) if total and total.ratio is not None else None
    if lost is None:
        lost = round(total.max - total.score, 4) if total is not None else 0.0
    return KeyFigures(
        tasks=tasks, done=done, done_ratio=(done / tasks) if tasks else None, overdue=overdue,
        due_soon=due_soon, missing_update=missing_update,
        points=total.score if total else None, max_points=total.max if total else None,
        par_index=index, lost=lost, weak=weak, uncovered=uncovered, errors=errors,
        warnings=warnings, total=total, previous=previous)


def key_figures(result: CheckResult) -> KeyFigures:
    """The key figures of a check."""
    totals = result.totals
    children = children_map(result.criteria)
    total = score_total(result, result.last_year, children)
    return figures_of(
        tasks=totals.tasks, done=totals.done, overdue=totals.overdue, due_soon=totals.due_soon,
        missing_update=totals.missing_update, weak=len(result.weak_criteria),
        uncovered=uncovered_count(result.criteria),
        errors=sum(p.severity == "error" for p in result.problems),
        warnings=sum(p.severity == "warning" for p in result.problems),
        total=total, previous=score_total(result, result.previous_year, children),
        lost=points_lost(result, total))


def vn_number(value: float | None, digits: int = 2) -> str:
    """``81,5`` — the Vietnamese number format (:func:`cchc_sheets.text.number`)."""
    return number(value, "vi", digits)
