"""Every deadline example the officer is shown, in the template's guide sheet and in README, is
read by the parser as the text promises (contract §2).

The guide's examples are data (``template_text.DEADLINE_EXAMPLES``): each form is parsed and must
give the date (or the kind, or the update cadence) its meaning states. The other places that show
deadline forms (the deadline column's input message, the "cannot read the deadline" message)
must show forms the guide explains, read as it says. README's examples are listed here with
what README says of them, and a last test finds every deadline-like phrase README quotes, so
that a new example cannot go unlisted."""

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
                if "mỗi tháng / mỗi quý" in vi:  # the groups: monthly, then quarterly
                    low, high = ((28, 31), (89, 92))[i]
                    assert found.cadence_days is not None
                    assert low <= found.cadence_days <= high, (text, found)


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


def guide_reading() -> dict[str, tuple[str, date | None]]:
    """Every form the guide shows → (kind, due date) as its meaning promises."""
    out: dict[str, tuple[str, date | None]] = {}
    for written, vi, _ in EXAMPLES:
        kind, dates = expected_kind(vi), promised(vi)
        for i, group in enumerate(forms(written)):
            for text in group:
                out[text] = (kind, dates[i] if kind == "date" else None)
    return out


def test_the_guide_promises_a_year_less_date_in_the_plan_year() -> None:
    """"Ngày không ghi năm được hiểu là năm kế hoạch ({y})" / "A date without a year is in the
    plan year ({y})"."""
    from cchc_sheets.render.template_text import GUIDE

    said = [row.text for row in GUIDE if "({y})" in row.text[0]]
    assert len(said) == 1 and "không ghi năm" in said[0][0] and "without a year" in said[0][1]
    for text in ("30/6", "30-06", "Tháng 6", "Quý II"):
        assert parse_deadline(text, Y).due == date(Y, 6, 30), text


def test_the_deadline_input_message_examples_read_as_the_guide_says() -> None:
    """The deadline column's input message (sheet Phân công) lists forms the guide explains, and
    each reads as the guide promises."""
    reading = guide_reading()
    for template in _TX["deadline_m"]:
        message = template.format(y=Y)
        head, listed = message.split(":", 1)  # "Ghi ngày (30/6/2026) hoặc: Tháng 6/2026; …"
        texts = re.findall(r"\(([^()]+)\)", head)
        texts += [t.strip() for t in listed.split(". ")[0].split(";")]
        assert len(texts) == 10, texts
        for text in texts:
            assert text in reading, f"{text!r} is not one of the guide's forms"
            found = parse_deadline(text, Y)
            assert (found.kind, found.due) == reading[text], (text, found)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_cannot_read_message_shows_forms_that_read_as_the_guide_says(lang: str) -> None:
    """"Hãy ghi ngày (30/6/2025), tháng (Tháng 6/2025), quý (Quý II/2025) hoặc «Thường xuyên»"
    (the message README shows too)."""
    from cchc_sheets.messages import render

    reading = guide_reading()
    message = render("unparsed-deadline", lang, ref="A1", value="x", hint_year=Y)
    texts = re.findall(r"\(([^()]+)\)", message)  # the date, the month, the quarter
    texts += re.findall(r"[«']([^»']+)[»']\.$", message)  # and the last one, quoted
    assert texts == [f"30/6/{Y}", f"Tháng 6/{Y}", f"Quý II/{Y}", "Thường xuyên"]
    for text in texts:
        found = parse_deadline(text, Y)
        assert (found.kind, found.due) == reading[text], (text, found)


README_PROMISES = [
    # (the phrase as README writes it, kind, due date); "«form»" in a longer phrase: the form
    # that is parsed, where README shows it
    ("Quý II/2025", "date", date(2025, 6, 30)),
    ("Thường xuyên", "ongoing", None),
    # the screen example: "Hãy ghi ngày (30/6/2025), tháng (Tháng 6/2025), quý (Quý II/2025)"
    ("Hãy ghi ngày («30/6/2025»)", "date", date(2025, 6, 30)),
    ("tháng («Tháng 6/2025»)", "date", date(2025, 6, 30)),
    ("quý («Quý II/2025»)", "date", date(2025, 6, 30)),
    # the flags' table, how to clear "overdue": a new deadline in brackets
    ("ví dụ «30/6/2025 (lùi đến 30/9/2025)»", "date", date(2025, 9, 30)),
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
    readme = " ".join(README.read_text(encoding="utf-8").split())
    form = re.search("«(.*)»", phrase)
    text = form.group(1) if form else phrase
    assert phrase.replace("«", "").replace("»", "") in readme.replace("«", "").replace("»", "")
    if kind is None:
        assert parse_deadline("3 tháng đầu năm 2025", 2025).due == date(2025, 3, 31)
        assert parse_deadline("9 tháng đầu năm 2025", 2025).due == date(2025, 9, 30)
        return
    found = parse_deadline(text, 2025)
    assert (found.kind, found.due) == (kind, due)


def test_readme_update_cadences_are_the_parsers() -> None:
    """The flags' table: "«Ngày cập nhật» trống hoặc cũ hơn 14 ngày (việc thường xuyên: 30 ngày;
    hằng quý: 92 ngày)"."""
    readme = " ".join(README.read_text(encoding="utf-8").split())
    assert "(việc thường xuyên: 30 ngày; hằng quý: 92 ngày)" in readme
    assert parse_deadline("Thường xuyên", 2025).cadence_days == 30
    assert parse_deadline("Hằng quý", 2025).cadence_days == 92
    assert parse_deadline("Thường xuyên, hằng quý", 2025).cadence_days == 92


# what README quotes that looks like a deadline but is none (criterion codes, headers, the
# update cells' several days, a plan's period, a signature line, a cited decision)
README_NOT_DEADLINES = {
    "Năm 2024", "1.1–1.3", "1.1 đến 1.3", "2.3 (a, b)", "1.2 (ưu tiên)", "1.2",
    "10/5; 20/6/2025", "Lần 1: 10/5/2025; Lần 2: 20/6/2025",
    "Nhiệm vụ, giải pháp duy trì năm 2025", "Thời hạn năm 2025", "Chỉ tiêu phấn đấu năm 2025",
    "Điểm thẩm định năm 2024", "Kết quả tự chấm năm 2024", "… các tiêu chí bị mất điểm năm 2024",
    "giai đoạn 2021-2025", "Đông Quang, ngày 06 tháng 01 năm 2025",
    "(Kèm theo Quyết định số 2126/QĐ-UBND năm 2014 …)",
}
_DEADLINE_WORDS = re.compile(r"(?i)quý|tháng|năm \d|hằng|thường xuyên|trước ngày|lùi|chậm nhất|\d/\d")


def test_every_deadline_phrase_readme_quotes_is_listed_above() -> None:
    """A phrase README quotes («…» or "…") that reads as a deadline or has a deadline's words is
    one of README_PROMISES (checked against what README says of it) or named as none."""
    readme = " ".join(README.read_text(encoding="utf-8").split())
    promised_texts = {m.group(1) if (m := re.search("«(.*)»", p)) else p
                      for p, _, _ in README_PROMISES}
    promised_texts |= {part.strip() for p, kind, _ in README_PROMISES if kind is None
                       for part in p.split(" / ")}
    quoted = {a or b for a, b in re.findall(r'«([^»]*)»|"([^"]*)"', readme)}
    unlisted = sorted(
        text for text in quoted
        if (parse_deadline(text, 2025).kind != "unparsed" or _DEADLINE_WORDS.search(text))
        and text not in promised_texts and text not in README_NOT_DEADLINES)
    assert not unlisted
