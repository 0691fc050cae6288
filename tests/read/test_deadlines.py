"""Deadlines (contract §2) and single days for the updated / completed columns."""

from __future__ import annotations

import calendar
import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_sheets.model import Deadline
from cchc_sheets.read.deadlines import (
    excel_serial,
    from_excel_serial,
    normalise_deadline_text,
    parse_day,
    parse_deadline,
)

PLAN_YEAR = 2025
D = date

# (written, kind, due, cadence_days) — every row of contract §2, then officer variants.
CONTRACT_ROWS = [
    # that day
    ("30/6/2025", "date", D(2025, 6, 30), None),
    ("30-06-2025", "date", D(2025, 6, 30), None),
    ("30.6.2025", "date", D(2025, 6, 30), None),
    ("2025-06-30", "date", D(2025, 6, 30), None),
    ("ngày 30 tháng 6 năm 2025", "date", D(2025, 6, 30), None),
    # last day of the month
    ("Tháng 6/2025", "date", D(2025, 6, 30), None),
    ("T6/2025", "date", D(2025, 6, 30), None),
    ("tháng 6 năm 2025", "date", D(2025, 6, 30), None),
    ("06/2025", "date", D(2025, 6, 30), None),
    ("trong tháng 6/2025", "date", D(2025, 6, 30), None),
    # last day of the quarter
    ("Quý II/2025", "date", D(2025, 6, 30), None),
    ("Quý 2/2025", "date", D(2025, 6, 30), None),
    ("Q2/2025", "date", D(2025, 6, 30), None),
    ("Quý II-2025", "date", D(2025, 6, 30), None),
    ("quý II năm 2025", "date", D(2025, 6, 30), None),
    ("hoàn thành trong quý III-2025", "date", D(2025, 9, 30), None),
    # half years
    ("6 tháng đầu năm 2025", "date", D(2025, 6, 30), None),
    ("6 tháng cuối năm", "date", D(2025, 12, 31), None),
    # years
    ("Năm 2025", "date", D(2025, 12, 31), None),
    ("Trong năm 2025", "date", D(2025, 12, 31), None),
    # the named day
    ("Trước ngày 15/3/2025", "date", D(2025, 3, 15), None),
    ("Trước 15/3", "date", D(2025, 3, 15), None),
    ("Chậm nhất 15/3/2025", "date", D(2025, 3, 15), None),
    ("Hoàn thành trước ngày 15/03/2025", "date", D(2025, 3, 15), None),
    # end of the range
    ("Từ tháng 3 đến tháng 6/2025", "date", D(2025, 6, 30), None),
    ("Tháng 3-6/2025", "date", D(2025, 6, 30), None),
    ("Quý II-III/2025", "date", D(2025, 9, 30), None),
    # ongoing
    ("Thường xuyên", "ongoing", None, 30),
    ("Liên tục", "ongoing", None, 30),
    ("Hằng tháng", "ongoing", None, 31),
    ("Hàng tháng", "ongoing", None, 31),
    ("Hằng quý", "ongoing", None, 92),
    ("Hàng quý", "ongoing", None, 92),
    # 31 December of the plan year
    ("Hằng năm", "date", D(2025, 12, 31), None),
    ("Hàng năm", "date", D(2025, 12, 31), None),
    # none
    ("Theo quy định", "none", None, None),
    ("Theo yêu cầu", "none", None, None),
    ("Khi có văn bản chỉ đạo", "none", None, None),
    ("", "none", None, None),
    # unparsed
    ("31/2/2025", "unparsed", None, None),
    ("Tháng 13/2025", "unparsed", None, None),
    ("Quý V/2025", "unparsed", None, None),
    ("Sớm nhất có thể", "unparsed", None, None),
]

VARIANTS = [
    ("30/6/25", "date", D(2025, 6, 30), None),
    ("30-6-25", "date", D(2025, 6, 30), None),
    ("2025/06/30", "date", D(2025, 6, 30), None),
    ("ngày 30/6/2025", "date", D(2025, 6, 30), None),
    ("Ngày 30 tháng 06", "date", D(2025, 6, 30), None),
    ("30 tháng 6 năm 2025", "date", D(2025, 6, 30), None),
    ("Trước 30/6/2025", "date", D(2025, 6, 30), None),
    ("Chậm nhất là ngày 30/6/2025", "date", D(2025, 6, 30), None),
    ("Đến hết ngày 30/6/2025", "date", D(2025, 6, 30), None),
    ("Hạn: 30/6/2025", "date", D(2025, 6, 30), None),
    ("30/6/2025 17:00", "date", D(2025, 6, 30), None),
    ("2025-06-30 00:00:00", "date", D(2025, 6, 30), None),
    ("3/12", "date", D(2025, 12, 3), None),
    ("45838", "date", D(2025, 6, 30), None),
    ("Tháng 6 năm 2025", "date", D(2025, 6, 30), None),
    ("Tháng 6, năm 2025", "date", D(2025, 6, 30), None),
    ("Tháng 06 - 2025", "date", D(2025, 6, 30), None),
    ("tháng 6/25", "date", D(2025, 6, 30), None),
    ("Tháng 2/2024", "date", D(2024, 2, 29), None),
    ("Tháng 2", "date", D(2025, 2, 28), None),
    ("T.6/2025", "date", D(2025, 6, 30), None),
    ("6.2025", "date", D(2025, 6, 30), None),
    ("Cuối tháng 6/2025", "date", D(2025, 6, 30), None),
    ("Hết tháng 6/2025", "date", D(2025, 6, 30), None),
    ("trong tháng 01/2026", "date", D(2026, 1, 31), None),
    ("Quý IV năm 2025", "date", D(2025, 12, 31), None),
    ("Quý I", "date", D(2025, 3, 31), None),
    ("Quí 3/2025", "date", D(2025, 9, 30), None),
    ("Q.II/2025", "date", D(2025, 6, 30), None),
    ("Quý 4 2025", "date", D(2025, 12, 31), None),
    ("(trong Quý I-2022)", "date", D(2022, 3, 31), None),
    ("Hết quý III/2025", "date", D(2025, 9, 30), None),
    ("6 tháng đầu năm", "date", D(2025, 6, 30), None),
    ("6 tháng cuối năm 2024", "date", D(2024, 12, 31), None),
    ("Cuối năm 2025", "date", D(2025, 12, 31), None),
    ("Cả năm", "date", D(2025, 12, 31), None),
    ("2025", "date", D(2025, 12, 31), None),
    ("Giai đoạn 2021-2025", "date", D(2025, 12, 31), None),
    ("Tháng 3 - 6/2025", "date", D(2025, 6, 30), None),
    ("Tháng 6 – 12/2025", "date", D(2025, 12, 31), None),
    ("T3-T6/2025", "date", D(2025, 6, 30), None),
    ("Tháng 3 đến tháng 6/2025", "date", D(2025, 6, 30), None),
    ("Tháng 6/2025 - tháng 12/2025", "date", D(2025, 12, 31), None),
    ("Tháng 11-2/2026", "date", D(2026, 2, 28), None),  # a range may cross the new year
    ("Quý IV-I/2026", "date", D(2026, 3, 31), None),
    ("Tháng 3-12", "date", D(2025, 12, 31), None),
    ("Từ quý II đến quý III/2025", "date", D(2025, 9, 30), None),
    ("Quý 2-3/2025", "date", D(2025, 9, 30), None),
    ("Từ 01/3/2025 đến 30/6/2025", "date", D(2025, 6, 30), None),
    ("Từ ngày 1/3 đến ngày 30/6/2025", "date", D(2025, 6, 30), None),
    ("1/3-30/6/2025", "date", D(2025, 6, 30), None),
    ("Thường xuyên, liên tục", "ongoing", None, 30),
    ("Thường xuyên trong năm 2025", "ongoing", None, 30),
    ("Định kỳ hằng quý", "ongoing", None, 92),
    ("Theo quý", "ongoing", None, 92),
    ("Theo tháng", "ongoing", None, 31),
    ("Hằng tuần", "ongoing", None, 7),
    ("06 tháng đầu năm", "date", D(2025, 6, 30), None),
    ("Nửa đầu năm 2025", "date", D(2025, 6, 30), None),
    ("3 tháng đầu năm", "date", D(2025, 3, 31), None),
    ("9 tháng đầu năm 2025", "date", D(2025, 9, 30), None),
    ("Sáu tháng cuối năm 2025", "date", D(2025, 12, 31), None),
    ("Năm 2025 và các năm tiếp theo", "date", D(2025, 12, 31), None),
    ("Thường xuyên, hằng năm", "ongoing", None, 30),
    ("Thường xuyên, hằng quý", "ongoing", None, 92),
    ("Trước ngày 20 hàng tháng", "ongoing", None, 31),
    ("Hằng tháng, trước ngày 25", "ongoing", None, 31),
    ("Ngày 25 hằng tháng", "ongoing", None, 31),
    ("Hằng quý, trước ngày 15 tháng cuối quý", "ongoing", None, 92),
    ("Trước ngày 15 của tháng cuối quý", "ongoing", None, 92),
    # a remark in brackets beside the deadline is kept in the text, not read
    ("Hàng tháng (trước ngày 20)", "ongoing", None, 31),
    ("Thường xuyên (báo cáo trước 15/12)", "ongoing", None, 30),
    ("Quý III/2025 (đợt 1)", "date", D(2025, 9, 30), None),
    ("(Thường xuyên)", "ongoing", None, 30),
    ("Quý II/2025 (theo KH của huyện)", "date", D(2025, 6, 30), None),
    ("30/6/2025 (theo Công văn 123/UBND)", "date", D(2025, 6, 30), None),
    ("Tháng 9/2025 (khi có hướng dẫn)", "date", D(2025, 9, 30), None),
    # a deadline moved: the new day holds
    ("30/6/2025 (lùi đến 30/11/2025)", "date", D(2025, 11, 30), None),
    ("Quý III/2025 (gia hạn đến 30/11/2025)", "date", D(2025, 11, 30), None),
    ("Tháng 6/2025 (đã điều chỉnh sang quý IV)", "date", D(2025, 12, 31), None),
    ("Theo Kế hoạch số 12/KH-UBND ngày 15/3/2025", "none", None, None),
    ("Khi phát sinh", "none", None, None),
    ("-", "none", None, None),
    # never guessed
    ("Đầu tháng 7/2025", "unparsed", None, None),
    ("Giữa tháng 7/2025", "unparsed", None, None),
    ("Trước tháng 6/2025", "unparsed", None, None),
    ("Tuần 2 tháng 6/2025", "unparsed", None, None),
    ("Tuần đầu tháng 6", "unparsed", None, None),
    ("Định kỳ", "unparsed", None, None),
    ("Tháng 6/2025 và tháng 12/2025", "unparsed", None, None),
    ("Quý II/2025 (chậm nhất 15/6/2025)", "unparsed", None, None),  # two deadlines
    ("12 tháng đầu năm", "unparsed", None, None),
    ("Đầu năm 2025", "unparsed", None, None),
    ("Quý 2-25", "unparsed", None, None),
    ("6/25", "unparsed", None, None),
    ("32/1/2025", "unparsed", None, None),
    ("31/6/2025", "unparsed", None, None),
    ("29/2/2025", "unparsed", None, None),
    ("15/0/2025", "unparsed", None, None),
    ("Tháng 0/2025", "unparsed", None, None),
    ("Quý 0/2025", "unparsed", None, None),
    ("Quý IIII/2025", "unparsed", None, None),
    ("30/6/2205", "unparsed", None, None),
    ("Từ 30/6/2025 đến 1/3/2025", "unparsed", None, None),
    ("Quý III/2025 - Quý II/2025", "unparsed", None, None),
    ("Tháng 6/2025 - 3/2025", "unparsed", None, None),
    ("2026-2025", "unparsed", None, None),
    ("12345", "unparsed", None, None),
]


def check(written: object, kind: str, due: date | None, cadence: int | None,
          plan_year: int | None = PLAN_YEAR) -> Deadline:
    result = parse_deadline(written, plan_year)
    assert (result.kind, result.due, result.cadence_days) == (kind, due, cadence), written
    return result


@pytest.mark.parametrize(("written", "kind", "due", "cadence"), CONTRACT_ROWS)
def test_contract_table(written: str, kind: str, due: date | None, cadence: int | None) -> None:
    result = check(written, kind, due, cadence)
    assert result.text == written


@pytest.mark.parametrize(("written", "kind", "due", "cadence"), VARIANTS)
def test_officer_variants(written: str, kind: str, due: date | None, cadence: int | None) -> None:
    check(written, kind, due, cadence)


@pytest.mark.parametrize(("written", "kind", "due", "cadence"), CONTRACT_ROWS + VARIANTS)
def test_nfd_capitals_and_stray_spaces(
    written: str, kind: str, due: date | None, cadence: int | None
) -> None:
    for variant in (
        unicodedata.normalize("NFD", written),
        written.upper(),
        written.lower(),
        f"  {written.replace(' ', '   ')}  ",
        f"{written}." if written and written != "-" else written,
        written.replace("/", " / "),
    ):
        check(variant, kind, due, cadence)


def test_text_is_kept_cleaned() -> None:
    result = parse_deadline("  Quý  II/2025 ", PLAN_YEAR)
    assert result.text == "Quý II/2025"
    nfd = unicodedata.normalize("NFD", "Tháng 6/2025")
    assert parse_deadline(nfd, PLAN_YEAR).text == "Tháng 6/2025"
    assert parse_deadline(None, PLAN_YEAR) == Deadline("none", text="")
    assert parse_deadline("   ", PLAN_YEAR) == Deadline("none", text="")


def test_hang_and_hang_are_alike() -> None:
    for every in ("tháng", "quý", "năm"):
        first = parse_deadline(f"Hằng {every}", PLAN_YEAR)
        second = parse_deadline(f"Hàng {every}", PLAN_YEAR)
        assert (first.kind, first.due, first.cadence_days) == (
            second.kind, second.due, second.cadence_days)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Trước 15/3", D(2024, 3, 15)),
        ("Tháng 6", D(2024, 6, 30)),
        ("Quý II", D(2024, 6, 30)),
        ("6 tháng đầu năm", D(2024, 6, 30)),
        ("Hằng năm", D(2024, 12, 31)),
        ("Trong năm", D(2024, 12, 31)),
        ("ngày 30 tháng 6", D(2024, 6, 30)),
        ("Tháng 3-6", D(2024, 6, 30)),
    ],
)
def test_missing_year_takes_plan_year(written: str, expected: date) -> None:
    check(written, "date", expected, None, plan_year=2024)
    check(written, "unparsed", None, None, plan_year=None)


def test_year_written_wins_over_plan_year() -> None:
    check("30/6/2026", "date", D(2026, 6, 30), None, plan_year=2024)
    check("30/6/2026", "date", D(2026, 6, 30), None, plan_year=None)
    check("Thường xuyên", "ongoing", None, 30, plan_year=None)


def test_date_cells() -> None:
    assert parse_deadline(D(2025, 6, 30), None) == Deadline("date", D(2025, 6, 30), "30/06/2025")
    assert parse_deadline(datetime(2025, 3, 5, 14, 30), None) == Deadline(
        "date", D(2025, 3, 5), "05/03/2025"
    )


def test_serials() -> None:
    assert parse_deadline(45838.0, None) == Deadline("date", D(2025, 6, 30), "45838")
    assert parse_deadline(45838, None) == Deadline("date", D(2025, 6, 30), "45838")
    assert parse_deadline(45838.75, None) == Deadline("date", D(2025, 6, 30), "45838.75")
    assert parse_deadline(2025, None) == Deadline("date", D(2025, 12, 31), "2025")
    for implausible in (5, 0, -1, 2958466, 10**9, float("nan"), float("inf"), True):
        assert parse_deadline(implausible, PLAN_YEAR).kind == "unparsed"
    assert parse_deadline(5, PLAN_YEAR).text == "5"


def test_serial_helpers() -> None:
    assert excel_serial(D(2025, 6, 30)) == 45838
    assert from_excel_serial(45838.999) == D(2025, 6, 30)
    assert from_excel_serial(100) is None


def test_normalise() -> None:
    assert normalise_deadline_text("  Quý II – 2025. ") == "quy ii-2025"
    assert normalise_deadline_text("(trong Quý I-2022)") == "trong quy i-2022"
    assert normalise_deadline_text("Tháng 6 / 2025") == "thang 6/2025"


def test_repeated_texts_parse_alike() -> None:
    # the parser caches texts; speed itself is measured by benchmarks/run.py
    texts = ["Quý II/2025", "Thường xuyên", "Tháng 6/2025", "Trước ngày 15/3/2025"] * 3
    kinds = [(d.kind, d.due) for d in (parse_deadline(t, PLAN_YEAR) for t in texts)]
    assert kinds == kinds[:4] * 3


# ---------------------------------------------------------------------------------------------
# Properties: any day in any accepted form reads back as itself.

DAYS = st.dates(min_value=D(1950, 1, 1), max_value=D(2100, 12, 31))


def _forms(day: date) -> list[object]:
    d, m, y = day.day, day.month, day.year
    forms: list[object] = [
        f"{d}/{m}/{y}",
        f"{d:02d}/{m:02d}/{y}",
        f"{d}-{m}-{y}",
        f"{d:02d}-{m:02d}-{y}",
        f"{d}.{m}.{y}",
        f"{d:02d}.{m:02d}.{y}",
        f"{y}-{m:02d}-{d:02d}",
        f"ngày {d} tháng {m} năm {y}",
        excel_serial(day),
        float(excel_serial(day)),
        day,
        datetime(y, m, d, 8, 15),
    ]
    if 2000 <= y <= 2099:
        forms.append(f"{d}/{m}/{y % 100:02d}")
    return forms


@given(DAYS)
def test_any_day_form_parses_back(day: date) -> None:
    d, m, y = day.day, day.month, day.year
    for form in _forms(day):
        result = parse_deadline(form, None)
        assert (result.kind, result.due) == ("date", day), form
        assert parse_day(form, None) == day, form
        if isinstance(form, str):
            nfd = unicodedata.normalize("NFD", form.upper())
            assert parse_deadline(nfd, None).due == day, nfd
    for prefixed in (f"Trước ngày {d}/{m}/{y}", f"Chậm nhất {d:02d}/{m:02d}/{y}",
                     f"Hoàn thành trước ngày {d}.{m}.{y}", f"Trước {y}-{m:02d}-{d:02d}"):
        assert parse_deadline(prefixed, None) == Deadline("date", day, prefixed)


@given(DAYS)
def test_day_without_year_takes_plan_year(day: date) -> None:
    for form in (f"{day.day}/{day.month}", f"Trước {day.day}/{day.month}",
                 f"ngày {day.day} tháng {day.month}"):
        assert parse_deadline(form, day.year).due == day
    assert parse_day(f"{day.day}/{day.month}", day.year) == day


@given(st.integers(1950, 2100), st.integers(1, 12))
def test_month_forms_give_month_end(year: int, month: int) -> None:
    end = D(year, month, calendar.monthrange(year, month)[1])
    for form in (f"Tháng {month}/{year}", f"T{month}/{year}", f"tháng {month} năm {year}",
                 f"{month:02d}/{year}", f"trong tháng {month}/{year}",
                 f"Cuối tháng {month:02d}-{year}"):
        assert parse_deadline(form, None) == Deadline("date", end, form), form
    assert parse_deadline(f"Tháng {month}", year).due == end
    if month > 1:
        assert parse_deadline(f"Tháng 1-{month}/{year}", None).due == end
        assert parse_deadline(f"Từ tháng 1 đến tháng {month}/{year}", None).due == end


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@given(st.integers(1950, 2100), st.integers(1, 4))
def test_quarter_forms_give_quarter_end(year: int, quarter: int) -> None:
    month = 3 * quarter
    end = D(year, month, calendar.monthrange(year, month)[1])
    roman = ROMAN[quarter]
    for form in (f"Quý {roman}/{year}", f"Quý {quarter}/{year}", f"Q{quarter}/{year}",
                 f"Quý {roman}-{year}", f"quý {roman.lower()} năm {year}"):
        assert parse_deadline(form, None) == Deadline("date", end, form), form
    assert parse_deadline(f"Quý {roman}", year).due == end
    if quarter > 1:
        assert parse_deadline(f"Quý I-{roman}/{year}", None).due == end


# ---------------------------------------------------------------------------------------------
# parse_day


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("  ", None),
        (D(2025, 6, 20), D(2025, 6, 20)),
        (datetime(2025, 6, 20, 9, 0), D(2025, 6, 20)),
        (45828, D(2025, 6, 20)),
        (45828.4, D(2025, 6, 20)),
        ("20/6/2025", D(2025, 6, 20)),
        ("20/6", D(2025, 6, 20)),
        ("2025-06-20", D(2025, 6, 20)),
        ("20.06.2025", D(2025, 6, 20)),
        ("20-06-25", D(2025, 6, 20)),
        ("ngày 20/6/2025", D(2025, 6, 20)),
        ("Ngày 20 tháng 6 năm 2025", D(2025, 6, 20)),
        (" 20 / 6 / 2025 ", D(2025, 6, 20)),
        ("2025-06-20 10:30:00", D(2025, 6, 20)),
        ("45828", D(2025, 6, 20)),
        # each update's day added to the cell, or a remark beside it: the latest day
        ("10/5/2025; 20/6/2025", D(2025, 6, 20)),
        ("20/6/2025\n10/5/2025", D(2025, 6, 20)),
        ("10/5, 20/6/2025", D(2025, 6, 20)),
        ("20/6/2025 (lần 2)", D(2025, 6, 20)),
        ("Lần 1: 10/5/2025; Lần 2: 20/6/2025", D(2025, 6, 20)),
        ("10/5 và 20/6/2025", D(2025, 6, 20)),
    ],
)
def test_parse_day(value: object, expected: date | None) -> None:
    assert parse_day(value, PLAN_YEAR) == expected


@pytest.mark.parametrize(
    "value",
    ["Tháng 6/2025", "Quý II/2025", "Thường xuyên", "31/2/2025", "abc", "20/13/2025", 5, True,
     float("nan"), "30/6/1025", "2025", "20/6/2025; chưa rõ", "(lần 2)", "10/5/2025; 31/2/2025"],
)
def test_parse_day_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_day(value, PLAN_YEAR)


def test_parse_day_missing_year_without_plan_year() -> None:
    with pytest.raises(ValueError):
        parse_day("20/6", None)
