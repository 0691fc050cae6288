"""The check as JSON-ready data (contract §5.2, schema ``cchc-check/1``)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from cchc_sheets.model import CheckResult, Criterion, Problem, Task, shown_code
from cchc_sheets.pause import no_cyclic_gc
from cchc_sheets.read.reading import reading_dict
from cchc_sheets.render.labels import index_name
from cchc_sheets.text import shown_name

SCHEMA = "cchc-check/1"


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _num(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4)


def task_dict(task: Task) -> dict[str, Any]:
    return {
        "sheet": task.sheet,
        "row": task.row,
        "id": task.id,
        "criteria": [code for code in task.criteria if shown_code(code)],
        "title": task.title,
        "lead": task.lead,
        "unit": task.unit,
        "support": list(task.support),
        "deadline": {
            "kind": task.deadline.kind,
            "due": _iso(task.deadline.due),
            "text": task.deadline.text,
        },
        "status": task.status,
        "status_text": task.status_text,
        "progress": _num(task.progress),
        "result": task.result,
        "evidence": task.evidence,
        "updated": _iso(task.updated),
        "completed": _iso(task.completed),
        "hidden": task.hidden,
        "flags": list(task.flags),
        "days_overdue": task.days_overdue,
    }


def criterion_dict(item: Criterion) -> dict[str, Any]:
    return {
        "code": item.shown_code,
        "name": item.name,
        "level": item.level,
        "sheet": item.sheet,
        "row": item.row,
        "parent": shown_code(item.parent) or None,
        "max": _num(item.max),
        "score": _num(item.score),
        "previous": _num(item.previous),
        "lost": _num(item.lost),
        "ratio": _num(item.ratio),
        "applicable": item.applicable,
        "bonus": item.bonus,
        "scores": {str(year): _num(value) for year, value in sorted(item.scores.items())},
        "flags": list(item.flags),
        "tasks": list(item.tasks),
    }


def _ref_of(result: CheckResult, code: str) -> str:
    """A line without a code, by its cell ("Phụ lục!15")."""
    item = result.criterion(code)
    return item.ref if item is not None else ""


def problem_dict(problem: Problem, lang: str = "vi") -> dict[str, Any]:
    return {
        "code": problem.code,
        "severity": problem.severity,
        "sheet": problem.sheet,
        "cell": problem.cell,
        "file": problem.file,
        "message": problem.message(lang),
    }


def result_dict(result: CheckResult, lang: str = "vi") -> dict[str, Any]:
    """The whole check as the JSON of the contract; keys are stable, new ones only added."""
    with no_cyclic_gc():  # a dict per task and criterion: tens of thousands on a large plan
        return _result_dict(result, lang)


def _result_dict(result: CheckResult, lang: str) -> dict[str, Any]:
    plan = result.plan
    return {
        "schema": SCHEMA,
        "as_of": result.as_of.isoformat(),
        "plan_year": plan.plan_year,
        "last_year": result.last_year,
        "previous_year": result.previous_year,
        "index": {"key": plan.index, "title": index_name(plan.index, lang)},
        "source": {
            "plan": shown_name(plan.source),
            "scores": shown_name(plan.scores_source) if plan.scores_source else None,
        },
        "totals": asdict(result.totals),
        "tasks": [task_dict(t) for t in result.tasks],
        "criteria": [criterion_dict(c) for c in result.criteria],
        "weak_criteria": [shown_code(code) or _ref_of(result, code) for code in result.weak_criteria],
        "units": [
            {
                "unit": u.unit,
                "tasks": u.tasks,
                "done": u.done,
                "overdue": u.overdue,
                "due_soon": u.due_soon,
                "missing_update": u.missing_update,
                "on_time_ratio": _num(u.on_time_ratio),
            }
            for u in result.units
        ],
        "problems": [problem_dict(p, lang) for p in result.problems],
        "reading": reading_dict(plan.reading) if plan.reading is not None else None,
    }
