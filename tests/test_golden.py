"""Golden files: the shipped example gives a stored JSON, and the summary agrees with it.

Regenerate after an intended change with ``pytest tests/test_golden.py --update-golden``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import copy_example

from cchc_sheets import check, result_dict
from cchc_sheets.config import load_config

GOLDEN = Path(__file__).parent / "golden"
AS_OF = date(2025, 6, 30)


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A copy of the example folder, so the check's own files do not land in the checkout."""
    return copy_example(tmp_path / "vi dụ")


def _compare(name: str, data: object, update: bool) -> None:
    path = GOLDEN / name
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if update:
        path.write_text(text, encoding="utf-8")
    assert json.loads(text) == json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_example_json_is_golden(example: Path, update_golden: bool, lang: str) -> None:
    result = check(example, as_of=AS_OF)
    _compare(f"thanh-da-2025-06-30.{lang}.json", result_dict(result, lang), update_golden)


def test_example_with_scores_workbook_is_golden(example: Path, update_golden: bool) -> None:
    result = check(example, as_of=AS_OF, scores=example.with_name("scores-2024.xlsx"))
    _compare("thanh-da-2025-06-30.scores.json", result_dict(result), update_golden)


def test_example_figures_match_what_the_example_was_built_to_show(example: Path) -> None:
    """The intent of examples/make_example.py, stated independently of the golden file."""
    result = check(example, as_of=AS_OF, config=load_config(example.with_name("cchc.toml")))
    by_row = {t.row: t for t in result.tasks}
    assert result.totals.tasks == 45
    assert (result.totals.done, result.totals.in_progress, result.totals.not_started,
            result.totals.cancelled, result.totals.unknown) == (12, 23, 6, 1, 3)
    assert {r: by_row[r].days_overdue for r in (22, 23, 36, 60)} == {22: 61, 23: 31, 36: 30, 60: 46}
    assert sorted(t.row for t in result.tasks if "due-soon" in t.flags) == [15, 31, 35, 40, 65]
    assert sorted(t.row for t in result.tasks if "stale" in t.flags) == [
        15, 22, 23, 29, 36, 38, 40, 54, 60, 70, 72]
    assert sorted(t.row for t in result.tasks if "no-evidence" in t.flags) == [21, 30, 45, 58]
    assert [t.row for t in result.tasks if "no-lead" in t.flags] == [60]
    assert result.totals.missing_update == 15
    uncovered = sorted(c.code for c in result.criteria if "uncovered" in c.flags)
    assert uncovered == ["1.5", "2.4", "5.4.b", "7.4"]
    assert [c.code for c in result.criteria if "declined" in c.flags] == ["1.3"]
    assert not result.criterion("4.3").applicable  # type: ignore[union-attr]
    assert sorted(result.weak_criteria) == sorted([
        "1.2", "1.3", "1.4", "1.5", "2.2", "2.4", "3.2.a", "3.2.b", "3.3", "3.4", "3.5", "4.2",
        "5.2", "5.4.b", "6.2", "6.3", "7.2", "7.3", "7.4", "7.5", "8.1", "8.2"])
    problems = sorted((p.code, p.ref) for p in result.problems)
    assert problems == [
        ("max-mismatch", "Phụ lục!C56"),
        ("no-deadline", "Phụ lục!J52"),
        ("unknown-status", "Phụ lục!K40"),
        ("unparsed-deadline", "Phụ lục!J37"),
    ]
    units = {u.unit: u.tasks for u in result.units}
    assert units["Văn phòng - Thống kê"] == 20 and units["Tư pháp - Hộ tịch"] == 9
