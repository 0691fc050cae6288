"""Key figures shown on the overview, the terminal and in e-mails."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from cchc_sheets.model import CheckResult, Criterion


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
    uncovered: int
    errors: int
    warnings: int
    total: ScoreTotal | None = None  # last year over the whole frame


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
    kids = children.get(item.code, [])
    if kids:
        parts = [year_points(kid, year, children) for kid in kids]
        if any(found for _, _, found in parts):
            return (sum(p[0] for p in parts), sum(p[1] for p in parts), True)
    score = item.scores.get(year)
    if score is None:
        return (0.0, 0.0, False)
    # bonus and penalty lines count in the points, not in the maximum (the frame's 100)
    return (float(score), 0.0 if item.bonus else float(item.max or 0.0), True)


def score_total(result: CheckResult, year: int | None) -> ScoreTotal | None:
    """Sum over the top-level lines (bonus and penalty lines included) of one year."""
    if year is None or not result.criteria:
        return None
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


def key_figures(result: CheckResult) -> KeyFigures:
    totals = result.totals
    total = score_total(result, result.last_year)
    points = total.score if total else None
    max_points = total.max if total else None
    index = round(total.ratio * 100, 2) if total and total.ratio is not None else None
    if total is not None:
        lost = round(total.max - total.score, 4)  # between last year and full marks
    else:
        lost = round(sum(c.lost or 0.0 for c in result.criteria if c.leaf and not c.bonus), 4)
    return KeyFigures(
        tasks=totals.tasks,
        done=totals.done,
        done_ratio=(totals.done / totals.tasks) if totals.tasks else None,
        overdue=totals.overdue,
        due_soon=totals.due_soon,
        missing_update=totals.missing_update,
        points=points,
        max_points=max_points,
        par_index=index,
        lost=lost,
        weak=len(result.weak_criteria),
        uncovered=sum("uncovered" in c.flags for c in result.criteria),
        errors=sum(p.severity == "error" for p in result.problems),
        warnings=sum(p.severity == "warning" for p in result.problems),
        total=total,
    )


def vn_number(value: float | None, digits: int = 2) -> str:
    """``81,5`` — Vietnamese decimal comma, trailing zeros dropped; ``—`` for None."""
    if value is None:
        return "—"
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
