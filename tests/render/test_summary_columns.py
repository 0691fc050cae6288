"""The summary's columns are declared once (summary_columns.py): the workbook shows exactly
the declared columns, and one more entry in a sheet's tuple is one more column."""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import copy_example

from cchc_sheets import check, write_summary
from cchc_sheets.render import summary_columns as columns
from cchc_sheets.render.labels import LABELS, label

AS_OF = date(2025, 6, 30)
HEADER_ROW = 4
SHEETS = {
    "sheet.overdue": "OVERDUE",
    "sheet.due_soon": "DUE_SOON",
    "sheet.missing": "MISSING",
    "sheet.weak": "WEAK",
    "sheet.all": "ALL_TASKS",
    "sheet.problems": "PROBLEMS",
    "sheet.reading": "READING",
}


def _book(path: Path) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(path)


def _header(ws: Any) -> list[Any]:
    return [c.value for c in ws[HEADER_ROW] if c.value is not None]


@pytest.mark.parametrize("name", [*SHEETS.values(), "UNITS", "TREND"])
def test_every_column_has_words_in_both_languages_and_a_key_of_its_own(name: str) -> None:
    declared = getattr(columns, name)
    assert all(c.label in LABELS for c in declared)
    assert len({c.key for c in declared}) == len(declared)
    assert all(c.kind in {"text", "wrap", "id", "date", "int", "pct", "points", "change",
                          "count"} for c in declared)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_each_list_shows_its_declared_columns_in_order(tmp_path: Path, lang: str) -> None:
    result = check(copy_example(tmp_path), as_of=AS_OF)
    book = _book(write_summary(result, tmp_path / "s.xlsx", lang=lang))
    context = columns.Context.of(result, lang)
    for sheet_key, name in SHEETS.items():
        declared = columns.shown(getattr(columns, name), context)
        expected = [c.header for c in columns.laid_out(declared, context)]
        assert _header(book[label(sheet_key, lang)]) == expected, sheet_key


def test_one_more_entry_is_one_more_column(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    result = check(copy_example(tmp_path), as_of=AS_OF)
    monkeypatch.setattr(columns, "ALL_TASKS", (*columns.ALL_TASKS, columns.DAYS_LEFT))
    ws = _book(write_summary(result, tmp_path / "s.xlsx"))[label("sheet.all")]
    header = _header(ws)
    assert header[-1] == label("col.days_left")
    col = len(header)
    due = {t.cell("task"): t.deadline.due for t in result.tasks}
    shown = 0
    for row in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        if row[0] is None:
            continue
        expected = due[row[0]]
        assert row[col - 1] == ((expected - AS_OF).days if expected else None)
        shown += expected is not None
    assert shown  # the example has deadlines: the column is not empty
