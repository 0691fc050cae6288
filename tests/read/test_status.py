"""Status and progress (contract §3)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_sheets.model import STATUSES
from cchc_sheets.read.status import (
    MIXED,
    STATUS_WORDS,
    parse_progress,
    parse_status,
    progress_scale,
    scale_progress,
    status_from_progress,
)
from cchc_sheets.text import fold

# (written, progress, expected status, recognised)
ROWS = [
    # done
    ("Hoàn thành", None, "done", True),
    ("Đã hoàn thành", None, "done", True),
    ("Xong", None, "done", True),
    ("Đã xong", None, "done", True),
    ("HT", None, "done", True),
    ("Done", None, "done", True),
    ("Completed", None, "done", True),
    ("Hoàn tất", None, "done", True),
    ("Hoàn thành 100%", None, "done", True),
    ("Đã hoàn thành, có báo cáo số 12/BC-UBND", None, "done", True),
    ("Hoàn thành đúng hạn", None, "done", True),
    ("Đã hoàn thành", 0, "done", True),  # the text wins over the progress column
    # in progress
    ("Đang thực hiện", None, "in_progress", True),
    ("Đang triển khai", None, "in_progress", True),
    ("Đang làm", None, "in_progress", True),
    ("Đang xử lý", None, "in_progress", True),
    ("Quá hạn", None, "in_progress", True),
    ("Chậm tiến độ", None, "in_progress", True),
    ("Chậm", None, "in_progress", True),
    ("In progress", None, "in_progress", True),
    ("Đang thực hiện, dự kiến xong T7", None, "in_progress", True),
    ("Đang thực hiện (quá hạn)", None, "in_progress", True),
    ("Đang hoàn thiện hồ sơ", None, "in_progress", True),
    ("Hoàn thành một phần", None, "in_progress", True),
    ("Cơ bản hoàn thành", None, "in_progress", True),
    ("Đã hoàn thành 80%", None, "in_progress", True),
    ("Hoàn thành 80,5 %", None, "in_progress", True),
    ("Đúng tiến độ", None, "in_progress", True),
    # not started
    ("Chưa thực hiện", None, "not_started", True),
    ("Chưa triển khai", None, "not_started", True),
    ("Chưa", None, "not_started", True),
    ("Chưa làm", None, "not_started", True),
    ("Not started", None, "not_started", True),
    ("Chưa bắt đầu", None, "not_started", True),
    # not done: by progress
    ("Chưa hoàn thành", None, "not_started", True),
    ("Chưa hoàn thành", 0, "not_started", True),
    ("Chưa hoàn thành", 40, "in_progress", True),
    ("Chưa xong", 10, "in_progress", True),
    ("Chưa HT", None, "not_started", True),
    ("Không hoàn thành", 60, "in_progress", True),
    # cancelled
    ("Hủy", None, "cancelled", True),
    ("Huỷ", None, "cancelled", True),
    ("Đã hủy", None, "cancelled", True),
    ("Đã huỷ", None, "cancelled", True),
    ("Không thực hiện", None, "cancelled", True),
    ("Tạm dừng", None, "cancelled", True),
    ("Tạm hoãn", None, "cancelled", True),
    ("Hoãn thực hiện đến năm sau", None, "cancelled", True),
    ("Dừng", None, "cancelled", True),
    ("Không áp dụng", None, "cancelled", True),
    ("Cancelled", None, "cancelled", True),
    ("Tạm dừng do chờ hướng dẫn của tỉnh", None, "cancelled", True),
    # empty: from progress
    ("", 100, "done", True),
    ("", 100.0, "done", True),
    ("", 50, "in_progress", True),
    ("", 0.5, "in_progress", True),
    ("", 0, "not_started", True),
    ("", None, "unknown", True),
    ("   ", None, "unknown", True),
    # a percentage in the status column ("Tiến độ" header)
    ("100%", None, "done", True),
    ("50%", None, "in_progress", True),
    ("0%", None, "not_started", True),
    # unknown text
    ("Xem báo cáo", None, "unknown", False),
    ("abc", 100, "unknown", False),
    ("HTX", None, "unknown", False),
    ("Đúng hạn", None, "unknown", False),
    ("Dừng lại xem xét", None, "unknown", False),
    ("150%", None, "unknown", False),
]


@pytest.mark.parametrize(("written", "progress", "status", "recognised"), ROWS)
def test_status_table(written: str, progress: float | None, status: str, recognised: bool) -> None:
    assert parse_status(written, progress) == (status, recognised)


@pytest.mark.parametrize(("written", "progress", "status", "recognised"), ROWS)
def test_status_spelling_variants(
    written: str, progress: float | None, status: str, recognised: bool
) -> None:
    for variant in (written.upper(), written.lower(), unicodedata.normalize("NFD", written),
                    f"  {written}  ", f"{written}."):
        assert parse_status(variant, progress) == (status, recognised), variant


def test_status_words_are_recognised_as_themselves() -> None:
    assert set(STATUS_WORDS) == set(STATUSES) - {"unknown"}
    for status, word in STATUS_WORDS.items():
        assert parse_status(word, None) == (status, True)
        assert fold(word) == fold(word.upper())


def test_status_from_progress() -> None:
    assert status_from_progress(None) == "unknown"
    assert status_from_progress(float("nan")) == "unknown"
    assert status_from_progress(120) == "done"


@given(st.text(max_size=40), st.one_of(st.none(), st.floats(0, 100)))
def test_status_never_raises(text: str, progress: float | None) -> None:
    status, recognised = parse_status(text, progress)
    assert status in STATUSES
    if not recognised:
        assert status == "unknown"


# ---------------------------------------------------------------------------------------------
# progress


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("  ", None),
        ("-", None),
        (0, 0.0),
        (50, 50.0),
        (0.5, 0.5),
        (100, 100.0),
        ("50%", 50.0),
        ("50 %", 50.0),
        (" 50 ", 50.0),
        ("0,5", 0.5),
        ("12.5%", 12.5),
        ("12,5 %", 12.5),
        ("100%", 100.0),
    ],
)
def test_parse_progress(value: object, expected: float | None) -> None:
    assert parse_progress(value) == expected


@pytest.mark.parametrize(
    "value", ["abc", "50%%", "-5", -1, 101, 100.5, "150%", True, float("nan"), float("inf"),
              "Đạt 50%", "x"],
)
def test_parse_progress_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_progress(value)


@pytest.mark.parametrize(
    ("values", "scale"),
    [
        ([0.5, 1, 0, 0.25], 100.0),  # a column formatted as %
        ([1.0], 100.0),
        ([0, 0], 100.0),
        ([50, 0.5], MIXED),  # 50 typed beside a cell formatted as % (50%)
        ([50, 100, 1], MIXED),  # 1 beside 50 and 100 is a cell formatted as %: 100%
        ([50, 100, 0], 1.0),
        ([50, 100, 0], 1.0),
        ([], 1.0),
        ([None, "", "abc"], 1.0),
        (["1%", "0%", 0.5], 100.0),  # texts with % are 0–100 and do not decide the scale
        (["50%", "100%"], 1.0),
        (["0,5", 0.25], 100.0),
        ([True, 0.5], 100.0),
    ],
)
def test_progress_scale(values: list[object], scale: float) -> None:
    assert progress_scale(values) == scale


def test_scale_progress() -> None:
    assert scale_progress(0.5, 100.0) == 50.0
    assert scale_progress("1%", 100.0) == 1.0
    assert scale_progress(40, 1.0) == 40.0
    assert scale_progress(0.3, MIXED) == 30.0
    assert scale_progress(1, MIXED) == 100.0
    assert scale_progress(50, MIXED) == 50.0
    assert scale_progress(None, 100.0) is None
    with pytest.raises(ValueError):
        scale_progress("abc", 100.0)


def test_parse_progress_with_its_columns_scale() -> None:
    """A progress column's cell: a number goes on the 0–100 scale, text stays as typed."""
    assert parse_progress(0.5, 100.0) == 50.0
    assert parse_progress(0.3, MIXED) == 30.0
    assert parse_progress(50, MIXED) == 50.0
    assert parse_progress(40, 1.0) == 40.0
    assert parse_progress("0,5", 100.0) == 0.5
    assert parse_progress("50%", 100.0) == 50.0
    assert parse_progress("", 100.0) is None
    assert parse_progress(None, 100.0) is None
    with pytest.raises(ValueError):
        parse_progress(2, 100.0)  # 200 once scaled
    with pytest.raises(ValueError):
        parse_progress(True, 100.0)


@given(st.floats(0, 1))
def test_percent_column_round_trip(fraction: float) -> None:
    values = [fraction, 0.0, 1.0]
    scale = progress_scale(values)
    assert scale == 100.0
    scaled = scale_progress(fraction, scale)
    assert scaled is not None and 0 <= scaled <= 100


@pytest.mark.parametrize(("template", "args", "expected"), [
    ("{n} task[s]", {"n": 1}, "{n} task"),
    ("{n} task[s]", {"n": 0}, "{n} tasks"),
    ("{e} error[s], {w} warning[s]", {"e": 1, "w": 2}, "{e} error, {w} warnings"),
    ("{n} [criterion|criteria]", {"n": 1}, "{n} criterion"),
    ("{n} [criterion|criteria]", {"n": 3}, "{n} criteria"),
    ("NEXT {days} DAY[S]", {"days": 14}, "NEXT {days} DAYS"),
    ("a list of [[units]] tables", {}, "a list of [[units]] tables"),
])
def test_english_plurals(template: str, args: dict[str, object], expected: str) -> None:
    from cchc_sheets.text import english_plurals

    assert english_plurals(template, args) == expected
