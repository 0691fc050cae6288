"""The scoring frame: parents and children, sums, and last year's figures per criterion."""

from __future__ import annotations

import re
from operator import attrgetter

from cchc_sheets.lazyre import lazy
from cchc_sheets.model import Criterion, Plan, Problem
from cchc_sheets.read.vocabulary import BONUS_WORDS
from cchc_sheets.text import fold

_EPS = 1e-6
_BONUS_NAME = lazy("|".join(re.escape(word) for word in BONUS_WORDS))  # in a folded name
_LEVEL = attrgetter("level")


def code_key(code: str) -> tuple[tuple[int, int | str], ...]:
    """Natural order of codes: 2.9 before 2.10, letters after numbers."""
    parts = []
    for part in code.split("."):
        part = part.lstrip("~")
        parts.append((0, int(part)) if part.isdigit() else (1, part))
    return tuple(parts)  # type: ignore[arg-type]


def score_years(plan_year: int | None, years: list[int]) -> tuple[int | None, int | None]:
    """(last year, the year before) among the score years: the latest before the plan year."""
    before = sorted(y for y in years if plan_year is None or y < plan_year)
    last = before[-1] if before else None
    previous = before[-2] if len(before) > 1 else None
    return last, previous


def finish_criteria(plan: Plan) -> None:
    """Link the tree, sum children into parents, and set score, previous, lost and ratio."""
    criteria = plan.criteria
    by_code = {c.code: c for c in criteria}
    for item in criteria:
        item.parent = _parent(item.code, by_code)
        item.children = []
    for item in criteria:
        if item.parent is not None:
            by_code[item.parent].children.append(item.code)
    years = sorted({y for c in criteria for y in c.scores})
    plan.years = years
    last, previous = score_years(plan.plan_year, years)
    # bonus lines: a line named "điểm thưởng/điểm trừ" and everything under it
    for item in criteria:
        item.bonus = item.bonus or _BONUS_NAME.search(fold(item.name)) is not None
    for item in sorted(criteria, key=_LEVEL):
        if item.parent is not None and by_code[item.parent].bonus:
            item.bonus = True
    for item in criteria:
        if not item.children and item.max is not None:
            _drop_scores_above_max(item, plan.problems)
    # parents, the deepest first (a stable sort: in sheet order within a level)
    for item in sorted([c for c in criteria if c.children], key=_LEVEL, reverse=True):
        children = [by_code[c] for c in item.children]
        if all(child.bonus for child in children):
            item.bonus = True  # an area holding only bonus / penalty lines
        _sum_children(item, children, years, plan.problems)
    for item in criteria:
        has_scored_child = bool(item.children) and any(
            last in by_code[c].scores for c in item.children)
        item.leaf = last is not None and last in item.scores and not has_scored_child
        _figures(item, last, previous, by_code, plan.problems)


def _drop_scores_above_max(item: Criterion, problems: list[Problem]) -> None:
    """A score above the maximum is an error, and not used: the criterion has no score that
    year (as for a cell that is not a number), so no sum or ratio is built on it."""
    assert item.max is not None
    for year, value in sorted(item.scores.items()):
        if value is not None and value > item.max + _EPS:
            problems.append(Problem(
                "score-above-max", "error", item.sheet_of(f"score:{year}"),
                item.cells.get(f"score:{year}"), {"year": year, "score": value, "max": item.max}))
            del item.scores[year]


def _parent(code: str, by_code: dict[str, Criterion]) -> str | None:
    """The nearest code above ``code`` that is in the frame ("1.2" for "1.2.3", else "1")."""
    candidate, dot, _ = code.rpartition(".")
    while dot:
        if candidate in by_code:
            return candidate
        candidate, dot, _ = candidate.rpartition(".")
    return None


def are_levels(item: Criterion, children: list[Criterion]) -> bool:
    """Whether an item's a)/b) lines are alternative levels, not parts (contract §7): their
    maxima add up to more than the item's stated max, each at most that max."""
    if item.max is None or not children or not all(
            c.code.rsplit(".", 1)[-1].isalpha() and c.max is not None for c in children):
        return False
    maxes = [c.max for c in children if c.max is not None]
    return sum(maxes) > item.max + _EPS and all(m <= item.max + _EPS for m in maxes)


def _take_level(item: Criterion, children: list[Criterion], years: list[int]) -> None:
    """An item scored by levels keeps its max; its score is its own, else the level scored
    (the highest, where several are). The levels keep no score of their own, so that the
    item, not a level it did not reach, is what the check weighs."""
    for year in years:
        scored = [c.scores[year] for c in children if year in c.scores]
        if year not in item.scores and scored:
            applicable = [v for v in scored if v is not None]
            item.scores[year] = max(applicable) if applicable else None
        for child in children:
            child.scores.pop(year, None)


def _sum_children(item: Criterion, children: list[Criterion], years: list[int],
                  problems: list[Problem]) -> None:
    if are_levels(item, children):
        _take_level(item, children, years)
        return
    maxes = [c.max for c in children if c.max is not None]
    if maxes:
        nominal = round(sum(maxes), 6)
        if item.max is not None and abs(item.max - nominal) > _EPS:
            problems.append(Problem("max-mismatch", "warning", item.sheet, item.cells.get("max"),
                                    {"stated": item.max, "computed": nominal}))
        item.max = nominal
    for year in years:
        scored = 0  # parts with a score this year (a number, or "does not apply")
        applicable: list[float] = []
        for child in children:  # (loops, not comprehensions: this runs on every parent)
            if year in child.scores:
                scored += 1
                value = child.scores[year]
                if value is not None:
                    applicable.append(value)
        if not scored:
            continue
        computed = round(sum(applicable), 6) if applicable else None
        stated = item.scores.get(year, "absent")
        # with a part not scored (blank, an uncalculated formula), the sum is of the others
        complete = scored == len(children)
        if complete and stated != "absent" and stated is not None and computed is not None and abs(
            float(stated) - computed  # type: ignore[arg-type]
        ) > _EPS:
            problems.append(Problem("score-mismatch", "warning", item.sheet_of(f"score:{year}"),
                                    item.cells.get(f"score:{year}"),
                                    {"year": year, "stated": stated, "computed": computed}))
        item.scores[year] = computed


def _applicable_max(item: Criterion, year: int, by_code: dict[str, Criterion]) -> float | None:
    if item.scores.get(year) is None and year in item.scores:
        return None
    total = 0.0
    found = scored = False
    for code in item.children:
        child = by_code[code]
        if year not in child.scores:
            continue
        scored = True
        # parts that do not apply, are not scored, or are bonus lines in an area of criteria
        # (points, not maximum, as in the total) leave the maximum
        if child.scores[year] is None or (child.bonus and not item.bonus):
            continue
        # (a part without parts of its own: its max, as the call would give, without the call)
        part = _applicable_max(child, year, by_code) if child.children else child.max
        if part is not None:
            total += part
            found = True
    if not scored:  # no part scored this year: the line's own max
        return item.max
    return round(total, 6) if found else None


def _figures(item: Criterion, last: int | None, previous: int | None,
             by_code: dict[str, Criterion], problems: list[Problem]) -> None:
    item.score = item.previous = item.lost = item.ratio = None
    item.applicable = True
    if previous is not None:
        item.previous = item.scores.get(previous)
    if last is None or last not in item.scores:
        return
    score = item.scores[last]
    if score is None:
        item.applicable = False
        return
    item.score = score
    applicable_max = _applicable_max(item, last, by_code)
    item.applicable_max = applicable_max
    if applicable_max is None:
        return
    item.lost = round(max(applicable_max - score, 0.0), 6)
    if applicable_max > 0:
        item.ratio = round(score / applicable_max, 6)
    if item.stated_lost is not None and item.stated_lost_year in (None, last):
        if abs(abs(item.stated_lost) - item.lost) > _EPS:
            problems.append(Problem("lost-mismatch", "warning", item.sheet, item.cells.get("lost"),
                                    {"stated": item.stated_lost, "computed": item.lost}))


