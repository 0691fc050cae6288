"""Key figures shown on the overview, the terminal and in e-mails."""

from __future__ import annotations

from dataclasses import dataclass

from cchc_sheets.model import CheckResult


@dataclass(frozen=True)
class KeyFigures:
    tasks: int
    done: int
    done_ratio: float | None
    overdue: int
    due_soon: int
    missing_update: int
    points: float | None  # last year's total points (bonus and penalty lines included)
    max_points: float | None  # applicable maximum of the frame (bonus lines excluded)
    index: float | None  # points ÷ applicable max × 100
    lost: float  # points lost on the lowest scored level (bonus lines excluded)
    weak: int
    uncovered: int
    errors: int
    warnings: int


def key_figures(result: CheckResult) -> KeyFigures:
    totals = result.totals
    tops = [c for c in result.criteria if c.parent is None and c.applicable]
    scored = [c for c in tops if c.score is not None]
    points = round(sum(c.score for c in scored if c.score is not None), 4) if scored else None
    maxes = [c.applicable_max for c in scored if not c.bonus and c.applicable_max is not None]
    max_points = round(sum(maxes), 4) if maxes else None
    index = None
    if points is not None and max_points:
        index = round(points / max_points * 100, 2)
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
        index=index,
        lost=lost,
        weak=len(result.weak_criteria),
        uncovered=sum("uncovered" in c.flags for c in result.criteria),
        errors=sum(p.severity == "error" for p in result.problems),
        warnings=sum(p.severity == "warning" for p in result.problems),
    )


def vn_number(value: float | None, digits: int = 2) -> str:
    """``81,5`` — Vietnamese decimal comma, trailing zeros dropped; ``—`` for None."""
    if value is None:
        return "—"
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
