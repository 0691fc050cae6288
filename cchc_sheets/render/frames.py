"""pandas DataFrames of a check, for people who work in notebooks.

pandas is imported here only, when a frame is asked for, so the command starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cchc_sheets.model import CheckResult
from cchc_sheets.render.report import criterion_dict, problem_dict, task_dict

if TYPE_CHECKING:
    import pandas as pd


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)


def tasks_frame(result: CheckResult) -> pd.DataFrame:
    """One row per task; ``due`` and ``deadline_kind`` flattened from the deadline."""
    rows = []
    for task in result.tasks:
        row = task_dict(task)
        deadline = row.pop("deadline")
        row.update(deadline_kind=deadline["kind"], due=deadline["due"], deadline_text=deadline["text"])
        row["cell"] = task.cell("deadline")
        rows.append(row)
    columns = list(rows[0]) if rows else ["sheet", "row", "id", "title", "flags"]
    frame = _frame(rows, columns)
    import pandas as pd

    for name in ("due", "updated", "completed"):
        if name in frame:
            frame[name] = pd.to_datetime(frame[name])
    return frame


def criteria_frame(result: CheckResult) -> pd.DataFrame:
    rows = [criterion_dict(c) for c in result.criteria]
    for row in rows:
        row["weak"] = row["code"] in result.weak_criteria
    columns = list(rows[0]) if rows else ["code", "name", "max", "score", "flags"]
    return _frame(rows, columns)


def units_frame(result: CheckResult) -> pd.DataFrame:
    from dataclasses import asdict

    rows = [asdict(u) | {"on_time_ratio": u.on_time_ratio} for u in result.units]
    columns = list(rows[0]) if rows else ["unit", "tasks"]
    return _frame(rows, columns)


def problems_frame(result: CheckResult, lang: str = "vi") -> pd.DataFrame:
    rows = [problem_dict(p, lang) for p in result.problems]
    return _frame(rows, ["code", "severity", "sheet", "cell", "file", "message"])
