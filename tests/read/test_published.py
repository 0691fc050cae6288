"""The corpus of workbooks rebuilt from published documents (tests/published/).

Each workbook's expected facts were written in tests/published/expected.json before the check was
run on it (see the NN-name.md notes); a golden JSON per workbook pins everything else.
Regenerate the goldens after an intended change with
``pytest tests/read/test_published.py --update-golden``.

Expectations the current reader fails are marked ``xfail(strict=True)`` with the finding they
come from (tests/published/FINDINGS.md): when a fix lands the case turns red, and the mark goes.
"""

from __future__ import annotations

import functools
import json
import re
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from cchc_sheets import CheckResult, check, result_dict

HERE = Path(__file__).parents[1] / "published"
GOLDEN = HERE / "golden"
_RAW: dict[str, Any] = json.loads((HERE / "expected.json").read_text(encoding="utf-8"))
NAMES = [name for name in _RAW if not name.startswith("_")]

# The findings (tests/published/FINDINGS.md), and which cases of which test each one fails:
# when a fix lands, its cases XPASS (strict: red) and their entries below go.
F: dict[str, str] = {}
_BAD: dict[str, dict[str, list[str]]] = {
    # F1-F7, F9-F16, N1, N2 and I were fixed by the `rules` branch, R and R2 by `reading`, F8
    # by `rollup`: nothing of the corpus is known to be misread in main at 4de536e.
}
# (test, workbook) -> the finding that explains the failure.
XFAIL: dict[tuple[str, str], str] = {
    (test, name): F[finding] for finding, books in _BAD.items()
    for name, tests in books.items() for test in tests}


def expected(name: str) -> dict[str, Any]:
    spec = _RAW[name]
    return _RAW[spec["same_as"]] if "same_as" in spec else spec


def cases(test: str) -> list[Any]:
    """The corpus as parameters of ``test``, each with its xfail mark from XFAIL."""
    params = []
    for name in NAMES:
        reason = XFAIL.get((test, name)) or XFAIL.get((test, "*"))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(name, id=name, marks=marks))
    return params


@functools.cache
def checked(name: str) -> CheckResult:
    """The check of one corpus workbook (cached: every test reads the same run)."""
    spec = expected(name)
    scores = HERE / spec["scores_file"] if spec.get("scores_file") else None
    return check(HERE / name, as_of=date.fromisoformat(spec["as_of"]), scores=scores,
                 history=None)


@functools.cache
def run(name: str) -> dict[str, Any]:
    """The check's JSON for one corpus workbook."""
    return result_dict(checked(name))


def ref(item: dict[str, Any]) -> str:
    return f"{item['sheet']}!{item['row']}"


def tasks_by_ref(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {ref(t): t for t in data["tasks"]}


def criteria_by_code(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["code"]: c for c in data["criteria"]}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(ch for ch in text if unicodedata.category(ch) != "Mn")
                    .casefold().split())


# ---------------------------------------------------------------------------------------------
# What was read


@pytest.mark.parametrize("name", cases("plan_year"))
def test_plan_year(name: str) -> None:
    spec, data = expected(name), run(name)
    assert data["plan_year"] == spec["plan_year"]
    if "last_year" in spec:
        assert data["last_year"] == spec["last_year"]


@pytest.mark.parametrize("name", cases("tasks"))
def test_tasks_read(name: str) -> None:
    assert sorted(tasks_by_ref(run(name))) == sorted(expected(name)["tasks"])


@pytest.mark.parametrize("name", cases("task_criteria"))
def test_task_criteria(name: str) -> None:
    tasks = tasks_by_ref(run(name))
    got = {r: tasks[r]["criteria"] if r in tasks else None
           for r in expected(name)["task_criteria"]}
    assert got == expected(name)["task_criteria"]


@pytest.mark.parametrize("name", cases("criteria"))
def test_criteria_codes(name: str) -> None:
    spec = expected(name)
    codes = set(criteria_by_code(run(name))) - set(spec.get("criteria_extra_ok", []))
    assert codes == set(spec["criteria"])
    if "areas" in spec:
        areas = [c for c in run(name)["criteria"]
                 if c["level"] == 1 and c["code"] not in spec.get("criteria_extra_ok", [])]
        assert len(areas) == spec["areas"]


@pytest.mark.parametrize("name", cases("scores"))
def test_scores_and_maxima(name: str) -> None:
    spec, crit = expected(name), criteria_by_code(run(name))
    got = {code: crit[code]["score"] if code in crit else "missing" for code in spec.get("scores", {})}
    assert got == pytest.approx(spec.get("scores", {}))
    for key, field in (("maxima", "max"), ("previous", "previous")):
        want = spec.get(key, {})
        assert {c: crit.get(c, {}).get(field) for c in want} == pytest.approx(want)
    for code in spec.get("not_applicable", []):
        assert crit[code]["applicable"] is False
    for code in spec.get("bonus", []):
        assert crit[code]["bonus"] is True
    for code, text in spec.get("names", {}).items():
        assert crit[code]["name"] == text


@pytest.mark.parametrize("name", cases("weak"))
def test_weak_criteria_and_points_lost(name: str) -> None:
    spec, data = expected(name), run(name)
    assert set(data["weak_criteria"]) == set(spec["weak"])
    crit = criteria_by_code(data)
    lost = sum(crit[c]["lost"] or 0 for c in data["weak_criteria"])
    assert lost == pytest.approx(spec["lost_total"])


@pytest.mark.parametrize("name", cases("uncovered"))
def test_uncovered_criteria(name: str) -> None:
    data = run(name)
    got = {c["code"] for c in data["criteria"] if "uncovered" in c["flags"]}
    assert got == set(expected(name)["uncovered"])


@pytest.mark.parametrize("name", cases("criterion_flags"))
def test_criterion_flags(name: str) -> None:
    spec, crit = expected(name), criteria_by_code(run(name))
    for code, flags in spec.get("criterion_flags_has", {}).items():
        assert set(flags) <= set(crit[code]["flags"]), code
    for code, flags in spec.get("criterion_flags_not", {}).items():
        assert not set(flags) & set(crit[code]["flags"]), code


@pytest.mark.parametrize("name", cases("task_flags"))
def test_task_flags(name: str) -> None:
    spec, tasks = expected(name), tasks_by_ref(run(name))
    for r, flags in spec.get("flags_has", {}).items():
        assert r in tasks and set(flags) <= set(tasks[r]["flags"]), (r, tasks.get(r, {}).get("flags"))
    for r, flags in spec.get("flags_not", {}).items():
        assert r in tasks and not set(flags) & set(tasks[r]["flags"]), (r, tasks.get(r, {}).get("flags"))
    for r, days in spec.get("days_overdue", {}).items():
        assert tasks[r]["days_overdue"] == days, r


@pytest.mark.parametrize("name", cases("deadlines"))
def test_deadlines(name: str) -> None:
    tasks = tasks_by_ref(run(name))
    want = expected(name)["due"]
    got = {r: tasks[r]["deadline"]["due"] if r in tasks else "missing" for r in want}
    assert got == want
    kinds = expected(name).get("kinds", {})
    assert {r: tasks[r]["deadline"]["kind"] for r in kinds} == kinds


@pytest.mark.parametrize("name", cases("states"))
def test_states_and_progress(name: str) -> None:
    spec, tasks = expected(name), tasks_by_ref(run(name))
    states = spec.get("states", {})
    assert {r: tasks[r]["status"] for r in states} == states
    progress = spec.get("progress", {})
    assert {r: tasks[r]["progress"] for r in progress} == pytest.approx(progress)


@pytest.mark.parametrize("name", cases("units"))
def test_units(name: str) -> None:
    spec, data = expected(name), run(name)
    assert {u["unit"]: u["tasks"] for u in data["units"]} == spec["units"]
    tasks = tasks_by_ref(data)
    for r, support in spec.get("support", {}).items():
        assert sorted(tasks[r]["support"]) == sorted(support), r


@pytest.mark.parametrize("name", cases("problems"))
def test_problems(name: str) -> None:
    spec, data = expected(name), run(name)
    seen = [(p["code"], f"{p['sheet']}!{p['cell']}") for p in data["problems"]]
    for code, cell in spec["problems_must"]:
        sheet, _, where = cell.partition("!")
        assert any((code in ("*", c)) and (s.startswith(sheet + "!") and
                   (where == "*" or s == cell)) for c, s in seen), (code, cell, seen)
    codes = {c for c, _ in seen}
    assert not codes & set(spec["problems_must_not"]), seen


@pytest.mark.parametrize("name", cases("problems"))
def test_every_problem_names_its_cell(name: str) -> None:
    """Contract §1.1: every problem names its cell, a sheet-wide one too (its A1)."""
    data = run(name)
    assert [p for p in data["problems"] if not (p["sheet"] and p["cell"])] == []


# ---------------------------------------------------------------------------------------------
# Nothing silent, nothing made up


@pytest.mark.parametrize("name", cases("no_placeholder"))
def test_no_placeholder_or_made_up_code(name: str) -> None:
    """No internal placeholder reaches an output; every criterion code shown is one the workbook
    has (as written, or as its path of numbers)."""
    spec, data = expected(name), run(name)
    text = json.dumps(data, ensure_ascii=False)
    assert not re.search(r'"~|\s~[0-9A-Za-z]', text)
    allowed = set(spec["criteria"]) | set(spec.get("criteria_extra_ok", []))
    allowed |= set(spec.get("typed_unknown_codes", []))
    shown = {c["code"] for c in data["criteria"]}
    shown |= {code for t in data["tasks"] for code in t["criteria"]}
    shown |= set(data["weak_criteria"])
    assert shown <= allowed, sorted(shown - allowed)


def _rows_with_content(path: Path) -> tuple[set[str], dict[str, set[int]]]:
    """Rows of the plan holding a number that is not a date (points, STT, maxima…), and per
    sheet the rows holding a text of 20 characters or more (task text, names, titles)."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    numbers: set[str] = set()
    texts: dict[str, set[int]] = {}
    for ws in wb.worksheets:
        for cells in ws.iter_rows():
            for cell in cells:
                value = getattr(cell, "value", None)
                row = getattr(cell, "row", None)
                if row is None:
                    continue
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    numbers.add(f"{ws.title}!{row}")
                elif isinstance(value, str) and len(value.strip()) >= 20:
                    texts.setdefault(ws.title, set()).add(row)
    wb.close()
    return numbers, texts


@pytest.mark.parametrize("name", cases("no_silent_drop"))
def test_every_row_with_points_or_text_is_read_or_reported(name: str) -> None:
    """A row holding points (any number that is not a date), or a text inside the span of the
    rows read, is read as a task or a criterion, named by a problem, or left out with a reason
    in the reading report."""
    if not name.endswith(".xlsx"):
        pytest.skip("the row scan reads .xlsx only; the variant's original is scanned")
    data = run(name)
    accounted = {ref(t) for t in data["tasks"]} | {ref(c) for c in data["criteria"]}
    for p in data["problems"]:
        digits = re.sub(r"[A-Z]+", "", p["cell"] or "")
        accounted.add(f"{p['sheet']}!{digits}")
    for item in (data.get("reading") or {}).get("left_out", []):
        accounted.add(ref(item))
    accounted |= set(expected(name).get("rows_joined", []))
    numbers, texts = _rows_with_content(HERE / name)
    inside: set[str] = set()
    for sheet, rows in texts.items():
        read = [r for item in data["tasks"] + data["criteria"] if item["sheet"] == sheet
                for r in [item["row"]]]
        if read:
            inside |= {f"{sheet}!{r}" for r in rows if min(read) <= r <= max(read)}
    missing = sorted((numbers | inside) - accounted)
    assert not missing, missing


# ---------------------------------------------------------------------------------------------
# The reading report (contract §8) and the index's own name (contract §7)


@pytest.mark.parametrize("name", cases("reading"))
def test_reading_report(name: str) -> None:
    spec, data = expected(name), run(name)
    reading = data.get("reading")
    assert reading, "no `reading` key in the check's JSON"
    plan_year = reading["plan_year"]
    assert plan_year["year"] == spec["plan_year"]
    if "plan_year_cell" in spec:
        assert f"{plan_year.get('sheet', '')}!{plan_year['cell']}".endswith(
            spec["plan_year_cell"].split("!")[1]) or plan_year["cell"] == spec["plan_year_cell"]
    scores = {(s["letter"], s["year"]) for s in reading["scores"]}
    assert {tuple(s) for s in spec.get("score_columns", [])} <= scores
    fields = {c["letter"]: c["field"] for c in reading["columns"]}
    for letter, field in spec.get("columns", {}).items():
        assert fields.get(letter) == field, letter
    left = {(x["sheet"], x["row"], x["reason"]) for x in reading["left_out"]}
    assert {tuple(x) for x in spec["left_out"]} <= left


def _index_name(name: str) -> str:
    """The index the check's JSON says the plan is about: its key and its title words."""
    index = run(name)["index"]
    return f"{index['key']} {index['title']}"


@pytest.mark.parametrize("name", cases("index_name"))
def test_index_named_from_the_title(name: str) -> None:
    index = _index_name(name)
    assert index, "the check names no index"
    words = expected(name)["index_words"]
    cchc = {"cchc", "cai cach hanh chinh", "par index"}
    if set(words) & cchc:
        words = sorted(cchc)
    assert any(w in fold(index) for w in words), index


# ---------------------------------------------------------------------------------------------
# Golden JSON


@pytest.mark.parametrize("name", cases("golden"))
def test_golden(name: str, update_golden: bool) -> None:
    data = run(name)
    path = GOLDEN / f"{name.rsplit('.', 1)[0]}.json"
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if update_golden:
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    stored = json.loads(path.read_text(encoding="utf-8"))
    if "reading" not in stored:
        data = {k: v for k, v in json.loads(text).items() if k != "reading"}
        assert data == stored, "regenerate with --update-golden (the golden has no `reading`)"
    else:
        assert json.loads(text) == stored


# ---------------------------------------------------------------------------------------------
# The builder


def test_build_script_reproduces_the_corpus(tmp_path: Path) -> None:
    """build.py writes the committed bytes (14 excepted: it fills the template as it is today,
    so a new template only needs ``python tests/published/build.py 14`` and a new golden)."""
    script = HERE / "build.py"
    subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], check=True)
    for built in sorted(tmp_path.glob("*.xlsx")):
        if built.name.startswith("14-"):
            continue
        assert built.read_bytes() == (HERE / built.name).read_bytes(), (
            f"tests/published/{built.name} is out of date: run python tests/published/build.py")


# ---------------------------------------------------------------------------------------------
# Issue 10's template test: a plan filled from `cchc template` reads as the template's year


@pytest.mark.parametrize("plan_year", [2026, 2031])
def test_plan_filled_from_the_template_reads_as_its_year(tmp_path: Path, plan_year: int) -> None:
    from openpyxl import load_workbook

    from cchc_sheets import write_template

    blank = write_template(tmp_path / "mau.xlsx", plan_year=plan_year)
    wb = load_workbook(blank)
    titles = " ".join(str(ws["A2"].value) for ws in wb.worksheets)
    assert f"NĂM {plan_year}" in titles
    ws = wb["Phân công"]
    for col, value in zip("ABCDFG", (1, "1", "Báo cáo CCHC quý I đúng hạn",
                                     "Văn phòng HĐND và UBND", "Trước 30/4", "Đang thực hiện"),
                          strict=True):
        ws[f"{col}6"] = value
    plan = tmp_path / "ke-hoach.xlsx"
    wb.save(plan)
    result = result_dict(check(plan, as_of=date(plan_year, 5, 15), history=None))
    assert result["plan_year"] == plan_year
    task = result["tasks"][0]
    assert task["deadline"]["due"] == f"{plan_year}-04-30"
    assert "overdue" in task["flags"] and task["days_overdue"] == 15
