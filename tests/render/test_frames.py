from __future__ import annotations

from datetime import date
from pathlib import Path

from officer_books import combined_plan

from cchc_sheets import check
from cchc_sheets.render.frames import criteria_frame, problems_frame, tasks_frame, units_frame


def test_frames_hold_the_same_results(tmp_path: Path) -> None:
    result = check(combined_plan(tmp_path / "p.xlsx"), as_of=date(2025, 6, 30))
    tasks = tasks_frame(result)
    assert list(tasks["row"]) == [t.row for t in result.tasks]
    overdue = tasks[tasks["flags"].apply(lambda f: "overdue" in f)]
    assert list(overdue["days_overdue"]) == [30, 107]
    assert str(tasks["due"].dtype).startswith("datetime64")
    criteria = criteria_frame(result)
    assert list(criteria[criteria["weak"]]["code"]) == ["1.2", "2.1", "2.2"]
    assert set(units_frame(result)["unit"]) == {t.unit for t in result.tasks if t.unit}
    assert list(problems_frame(result).columns)[:2] == ["code", "severity"]
