"""The table of flags (flags.py) is what every output reads.

Each flag, and a made-up one added to the table with its rule, is walked through every output: the
JSON, the terminal, the exit status, the summary workbook and the per-unit e-mail. Adding a flag is
one entry in the table plus its rule (and the schema's enum, which a test here holds equal).
"""

from __future__ import annotations

import json
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from factories import make_task

from cchc_sheets.checking import flags, rules
from cchc_sheets.checking.flags import Flag
from cchc_sheets.checking.rules import check_plan
from cchc_sheets.deliver.mail import unit_messages
from cchc_sheets.model import Criterion, Deadline, Plan, Task, Thresholds
from cchc_sheets.render.labels import flag_label, label
from cchc_sheets.render.report import result_dict
from cchc_sheets.render.summary import write_summary
from cchc_sheets.render.terminal import render_text

AS_OF = date(2025, 6, 30)
SCHEMA = Path(__file__).parents[2] / "cchc_sheets" / "schema" / "cchc-check-1.json"
HEADER_ROW = 4
UNIT = "Văn phòng - Thống kê"
UNITS = [{"name": UNIT, "email": "vanphong@example.vn"}]
FAKE = {
    kind: Flag(f"fake-{kind}", "task", kind, "evidence", (f"Cờ thử {kind}", f"Test flag {kind}"),
               (f"lý do thử {kind}", f"test reason {kind}"))
    for kind in ("attention", "missing-update", "quiet")
}


def task_flags() -> list[str]:
    return [f.name for f in flags.FLAGS if f.scope == "task"]


def a_plan(tmp_path: Path) -> Plan:
    task = make_task(6, "Rà soát thủ tục hành chính", lead=UNIT, status="in_progress",
                     criteria=["1.1"], deadline=Deadline("date", date(2025, 6, 27), "27/6/2025"),
                     updated=date(2025, 6, 1), result="Đang làm", evidence="")
    task.unit = ""  # as the reader leaves it
    criterion = Criterion("1.1", "Ban hành kế hoạch CCHC", 2, sheet="Tiêu chí", row=7, max=1.0,
                          scores={2024: 0.5}, score=0.5, lost=0.5, ratio=0.5,
                          applicable_max=1.0)
    return Plan(tmp_path / "ke-hoach.xlsx", [task], [criterion], [], plan_year=2025,
                years=[2024], task_sheets=["Phân công"], has_updated_column=True,
                has_evidence_column=True)


def only(name: str) -> Any:
    """A rule set that gives the task exactly ``name`` (the check counts an overdue task's
    days from its deadline)."""

    def rule(task: Task, plan: Plan, as_of: date, t: Thresholds) -> str | None:
        return name

    return (rule,)


def rows(book: Any, sheet_key: str, lang: str) -> list[dict[str, Any]]:
    ws = book[label(sheet_key, lang)]
    head = [c.value for c in ws[HEADER_ROW]]
    out = []
    for values in ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True):
        if any(v is not None for v in values):
            out.append(dict(zip(head, values, strict=False)))
    return out


def walk_task_flag(name: str, tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every output of a check whose one task carries exactly the flag ``name``."""
    entry = flags.by_name()[name]
    monkeypatch.setattr(rules, "TASK_RULES", only(name))
    plan = a_plan(tmp_path)
    result = check_plan(plan, AS_OF)
    task = result.tasks[0]
    assert task.flags == [name] and plan.tasks[0].flags == []
    attention = entry.kind in ("attention", "missing-update")
    assert result.needs_attention is attention
    assert result.totals.missing_update == (entry.kind == "missing-update")

    data = json.loads(json.dumps(result_dict(result, lang), ensure_ascii=False))
    assert data["tasks"][0]["flags"] == [name]

    text = render_text(result, lang)
    assert (("Không có việc cần xử lý." if lang == "vi" else "Nothing needs attention.") in text) \
        is not attention

    path = write_summary(result, tmp_path / f"tong-hop-{name}-{lang}.xlsx", lang=lang)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path)
    everything = rows(book, "sheet.all", lang)
    assert everything[0][label("col.flags", lang)] == flag_label(name, lang) == \
        (entry.label[1] if lang == "en" else entry.label[0])
    missing = rows(book, "sheet.missing", lang)
    if entry.kind == "missing-update":
        assert missing[0][label("col.source", lang)] == task.cell(entry.field or "task")
        assert missing[0][label("col.needs", lang)] == flag_label(name, lang)
    else:
        assert missing == []

    mailing = unit_messages(result, UNITS, "cchc@example.vn", lang=lang)
    if name in flags.unit_mail():
        assert mailing.units == [UNIT]
        body = mailing.messages[0].get_content()
        assert task.title in body
        if entry.reason is not None:
            reason = flags.reason_of(name, lang, days=task.days_overdue)
            assert reason and reason in body
    else:
        assert mailing.messages == [] and mailing.units == []


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", task_flags())
def test_every_task_flag_through_every_output(name: str, lang: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    walk_task_flag(name, tmp_path, lang, monkeypatch)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", list(FAKE))
def test_a_new_flag_is_one_entry_plus_its_rule(kind: str, lang: str, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(flags, "FLAGS", [*flags.FLAGS, FAKE[kind]])
    walk_task_flag(FAKE[kind].name, tmp_path, lang, monkeypatch)


@pytest.mark.parametrize("name", [f.name for f in flags.FLAGS if f.scope == "criterion"])
def test_every_criterion_flag_through_every_output(name: str, tmp_path: Path) -> None:
    result = check_plan(a_plan(tmp_path), AS_OF)
    result.criteria[0].flags = [name]
    result.weak_criteria = ["1.1"]
    for lang in ("vi", "en"):
        data = result_dict(result, lang)
        assert data["criteria"][0]["flags"] == [name]
        render_text(result, lang)
        path = write_summary(result, tmp_path / f"tong-hop-{lang}.xlsx", lang=lang)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path)
        weak = rows(book, "sheet.weak", lang)
        assert weak[0][label("col.flags", lang)] == flag_label(name, lang)


def test_the_schema_enums_are_the_table() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    task_enum = schema["$defs"]["task"]["properties"]["flags"]["items"]["enum"]
    criterion_enum = schema["$defs"]["criterion"]["properties"]["flags"]["items"]["enum"]
    assert task_enum == list(flags.names("task"))
    assert criterion_enum == list(flags.names("criterion"))


def test_the_kinds_are_what_the_contract_says() -> None:
    assert flags.quiet() == ("due-soon", "done-late")
    assert flags.missing_update() == ("no-status", "stale", "no-evidence", "unchanged")
    assert flags.weak() == ("lost", "low", "declined")
    assert flags.needs_attention() == {"overdue", "no-status", "stale", "no-evidence", "no-lead",
                                       "unchanged"}
    assert flags.unit_mail() == flags.needs_attention() | {"due-soon"}
    for flag in flags.FLAGS:  # every flag has words in both languages, and a field to fix
        assert all(flag.label) and flag.field
        assert flag_label(flag.name, "vi") == flag.label[0] == label(f"flag.{flag.name}", "vi")
        assert flag_label(flag.name, "en") == flag.label[1]
    assert len({f.name for f in flags.FLAGS}) == len(flags.FLAGS)


def test_the_schema_lists_every_index_the_reader_knows() -> None:
    """The JSON's ``index.key`` (contract §7 Other indexes) is one of the reader's indexes."""
    import json
    from pathlib import Path

    from cchc_sheets.read.vocabulary import INDEXES

    schema = json.loads((Path(__file__).parents[2] / "cchc_sheets" / "schema" / "cchc-check-1.json")
                        .read_text(encoding="utf-8"))
    assert schema["properties"]["index"]["properties"]["key"]["enum"] == [i.key for i in INDEXES]
