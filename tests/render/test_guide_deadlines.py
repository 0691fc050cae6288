"""Every deadline example the officer is shown, in the template's guide sheet and in README, is
read by the parser as the text promises (contract §2)."""

from __future__ import annotations

import re
import warnings
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from cchc_sheets.read.deadlines import parse_deadline
from cchc_sheets.render.template import _TX, _deadline_examples, guide_sheet_name, write_template

Y = 2026
README = Path(__file__).parents[2] / "README.md"
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DATE = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}))?")


def forms(written: str) -> list[list[str]]:
    """The forms of one example, grouped by the meaning they share: "A / B  (a1, a2)" gives
    [[A, a1, a2], [B]] (the forms in brackets are other ways to write the first)."""
    if written == "(để trống)":
        return [[""]]
    main, _, others = written.partition("  (")
    groups = [[part.strip()] for part in main.split(" / ")]
    for other in (o.strip() for o in others.rstrip(")").split(", ") if others):
        other = other.removeprefix("hoặc ")
        if any(ch.isdigit() for ch in other):  # not "ô định dạng ngày" (a date-formatted cell)
            groups[0].append(other)
    return groups


def promised(meaning: str) -> list[date]:
    """The due dates a meaning promises, in order ("…; từ 16/3 là quá hạn" is not one)."""
    meaning = re.split(r"; (?:từ|late from) ", meaning)[0]
    for number, month in enumerate(_MONTHS, 1):  # "30 June 2026" is 30/6/2026
        meaning = re.sub(rf"(\d{{1,2}}) {month} ", rf"\1/{number}/", meaning)
    return [date(int(y or Y), int(m), int(d)) for d, m, y in _DATE.findall(meaning)]


def expected_kind(meaning: str) -> str:
    if "không hiểu" in meaning:
        return "unparsed"
    if "cần cập nhật" in meaning:
        return "ongoing"
    if "không có hạn" in meaning or "chưa có thời hạn" in meaning:
        return "none"
    return "date"


EXAMPLES = _deadline_examples(Y)


@pytest.mark.parametrize(("written", "vi", "en"), EXAMPLES, ids=[e[0][:30] for e in EXAMPLES])
def test_every_guide_example_reads_as_it_promises(written: str, vi: str, en: str) -> None:
    kind = expected_kind(vi)
    dates = promised(vi)
    assert promised(en) == dates  # both languages promise the same
    groups = forms(written)
    if kind == "date":
        assert len(dates) == len(groups), (written, vi)
    for i, group in enumerate(groups):
        for text in group:
            found = parse_deadline(text or None, Y)
            assert found.kind == kind, (text, found)
            if kind == "date":
                assert found.due == dates[i], (text, found.due, vi)
            if kind == "ongoing":
                days = re.search(r"(\d+) ngày", vi)
                if days:
                    assert found.cadence_days == int(days.group(1))


def test_the_quarter_range_ends_with_its_last_quarter() -> None:
    """The guide said "Quý II-III → 30/6"; the parser is right (contract §2): 30/9."""
    line = next(e for e in EXAMPLES if "II-III" in e[0])
    assert promised(line[1]) == [date(Y, 9, 30)]
    assert parse_deadline(f"Quý II-III/{Y}", Y).due == date(Y, 9, 30)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_guide_sheet_shows_these_examples(lang: str, tmp_path: Path) -> None:
    path = write_template(tmp_path / "mau.xlsx", lang=lang, plan_year=Y)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path, rich_text=False)
    cells = [c.value for c in book[guide_sheet_name(lang)]["A"] if c.value]
    text = "\n".join(str(v) for v in cells)
    for written, vi, en in EXAMPLES:
        assert f"{written}  →  {en if lang == 'en' else vi}" in text


def test_the_deadline_input_message_examples_are_dates() -> None:
    for template in _TX["deadline_m"]:
        message = template.format(y=Y)
        listed = message.split(":", 1)[1].split(". ")[0]
        for text in (t.strip() for t in listed.split(";")):
            found = parse_deadline(text, Y)
            assert found.kind in ("date", "ongoing"), (text, found)
        assert parse_deadline(f"30/6/{Y}", Y).due == date(Y, 6, 30)


README_PROMISES = [
    # (the phrase as README writes it, kind, due date)
    ("Quý II/2025", "date", date(2025, 6, 30)),
    ("Thường xuyên", "ongoing", None),
    ("Sớm nhất có thể", "unparsed", None),
    ("3 / 9 tháng đầu năm", None, None),  # two deadlines, checked one by one below
    ("Thường xuyên, hằng quý", "ongoing", None),
    ("trước ngày 20 hằng tháng", "ongoing", None),
    ("Hằng quý, trước ngày 15 tháng cuối quý", "ongoing", None),
    ("Quý II/2025 (chậm nhất 15/6/2025)", "unparsed", None),
    ("30/6/2025 (lùi đến 30/11/2025)", "date", date(2025, 11, 30)),
]


@pytest.mark.parametrize(("phrase", "kind", "due"), README_PROMISES,
                         ids=[p[0] for p in README_PROMISES])
def test_every_readme_deadline_reads_as_it_promises(phrase: str, kind: str | None,
                                                    due: date | None) -> None:
    assert phrase in " ".join(README.read_text(encoding="utf-8").split())
    if kind is None:
        assert parse_deadline("3 tháng đầu năm 2025", 2025).due == date(2025, 3, 31)
        assert parse_deadline("9 tháng đầu năm 2025", 2025).due == date(2025, 9, 30)
        return
    found = parse_deadline(phrase, 2025)
    assert (found.kind, found.due) == (kind, due)
