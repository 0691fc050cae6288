"""Round trip: the summary of the example, read back with openpyxl, agrees with the JSON."""

from __future__ import annotations

import json
import warnings
from datetime import date, datetime
from typing import Any

import openpyxl
import pytest
from conftest import copy_example

from cchc_sheets import check, result_dict, write_summary
from cchc_sheets.render.labels import flag_label, label, status_label

AS_OF = date(2025, 6, 30)
HEADER_ROW = 4
MISSING = ("no-status", "stale", "no-evidence", "unchanged")


@pytest.fixture(scope="module", params=["vi", "en"])
def summary(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    lang = request.param
    folder = tmp_path_factory.mktemp("vd")
    result = check(copy_example(folder), as_of=AS_OF)
    data = json.loads(json.dumps(result_dict(result, lang), ensure_ascii=False))
    path = write_summary(result, folder / "tong-hop.xlsx", lang=lang)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path)
    return lang, data, book, result


def rows_of(book: Any, sheet_key: str, lang: str) -> list[dict[str, Any]]:
    ws = book[label(sheet_key, lang)]
    header = [c.value for c in ws[HEADER_ROW]]
    out = []
    for values in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        if not any(v is not None for v in values):
            continue
        out.append({h: v for h, v in zip(header, values, strict=False) if h is not None})
    return out


def day(value: Any) -> str | None:
    if isinstance(value, datetime):
        return value.date().isoformat()
    return value


def test_overdue_sheet_matches_json(summary: Any) -> None:
    lang, data, book, _ = summary
    expected = sorted((t for t in data["tasks"] if "overdue" in t["flags"]),
                      key=lambda t: -t["days_overdue"])
    rows = rows_of(book, "sheet.overdue", lang)
    assert len(rows) == len(expected) == data["totals"]["overdue"]
    src, title = label("col.source", lang), label("col.task", lang)
    days = label("col.days_overdue", lang)
    due = label("col.due", lang)
    for row, task in zip(rows, expected, strict=True):
        assert row[title] == task["title"]
        assert row[days] == task["days_overdue"]
        assert day(row[due]) == task["deadline"]["due"]
        assert row[src].startswith(f"{task['sheet']}!") and row[src].endswith(str(task["row"]))


def test_due_soon_and_missing_update_sheets_match_json(summary: Any) -> None:
    lang, data, book, _ = summary
    title = label("col.task", lang)
    soon = rows_of(book, "sheet.due_soon", lang)
    expected = [t for t in data["tasks"] if "due-soon" in t["flags"]]
    assert sorted(r[title] for r in soon) == sorted(t["title"] for t in expected)
    missing = rows_of(book, "sheet.missing", lang)
    expected = [t for t in data["tasks"] if set(t["flags"]) & set(MISSING)]
    assert len(missing) == data["totals"]["missing_update"] == len(expected)
    assert sorted(r[title] for r in missing) == sorted(t["title"] for t in expected)


def test_all_tasks_sheet_matches_json_cell_for_cell(summary: Any) -> None:
    lang, data, book, _ = summary
    rows = rows_of(book, "sheet.all", lang)
    assert len(rows) == len(data["tasks"])
    for row, task in zip(rows, data["tasks"], strict=True):
        assert row[label("col.task", lang)] == task["title"]
        assert row[label("col.source", lang)].split("!")[0] == task["sheet"]
        assert row[label("col.deadline", lang)] == (task["deadline"]["text"] or None)
        assert day(row[label("col.due", lang)]) == task["deadline"]["due"]
        status = row[label("col.status", lang)]
        assert status.startswith(status_label(task["status"], lang))
        assert row[label("col.days_overdue", lang)] == task["days_overdue"]
        assert day(row[label("col.updated", lang)]) == task["updated"]
        shown = row[label("col.flags", lang)] or ""
        for flag in task["flags"]:
            assert flag_label(flag, lang) in shown
        assert (row[label("col.lead", lang)] or "") == task["unit"]


def test_weak_criteria_sheet_matches_json(summary: Any) -> None:
    lang, data, book, _ = summary
    rows = rows_of(book, "sheet.weak", lang)
    by_code = {c["code"]: c for c in data["criteria"]}
    assert [r[label("col.code", lang)] for r in rows] == data["weak_criteria"]
    lost = label("col.lost", lang)
    score = label("col.score_year", lang, year=2024)
    previous = label("col.score_year", lang, year=2023)
    for row in rows:
        item = by_code[row[label("col.code", lang)]]
        assert row[lost] == pytest.approx(item["lost"])
        assert row[score] == pytest.approx(item["score"])
        assert row[previous] == pytest.approx(item["previous"])


def test_problems_sheet_matches_json(summary: Any) -> None:
    lang, data, book, _ = summary
    rows = rows_of(book, "sheet.problems", lang)
    cell, text = label("col.cell", lang), label("col.message", lang)
    assert [(r[cell], r[text]) for r in rows] == [
        (f"{p['sheet']}!{p['cell']}" if p["sheet"] else p["file"], p["message"])
        for p in sorted(data["problems"], key=lambda p: p["severity"] != "error")
    ]


def test_overview_figures(summary: Any) -> None:
    lang, data, book, result = summary
    ws = book[label("sheet.overview", lang)]
    values = [v for row in ws.iter_rows(values_only=True) for v in row if v is not None]
    assert data["totals"]["tasks"] in values and data["totals"]["overdue"] in values
    units = {u["unit"] for u in data["units"]}
    assert units <= set(values)
    assert len(ws._charts) == 2


def test_reading_sheet_matches_json(summary: Any) -> None:
    """The last sheet, "Cách đọc tệp", lists each column and row left out of the JSON's
    ``reading``, with the cell to change."""
    lang, data, book, _ = summary
    assert book.sheetnames[-1] == label("sheet.reading", lang)
    rows = rows_of(book, "sheet.reading", lang)
    item, cell, text = (label(k, lang) for k in ("col.reading_item", "col.cell",
                                                 "col.reading_text"))
    columns = [(r[cell], r[text]) for r in rows if r[item] == label("reading.item.column", lang)]
    assert columns == [(f"{c['sheet']}!{c['cell']}", c["header"])
                       for c in data["reading"]["columns"]]
    left = [r[cell] for r in rows if r[item] == label("reading.item.left_out", lang)]
    assert left == [f"{x['sheet']}!{x['cell'] or x['row']}" for x in data["reading"]["left_out"]]
    assert len(columns) == 14 and left == ["Phụ lục!10", "Phụ lục!79"]
