"""Fast paths give what their plain definitions give.

Speed work (issue 13) replaced a few tests run on every row by cheaper ones. Each is checked
here against the definition it stands for, over texts built to reach the edges: the letters
the signature block begins with, Vietnamese letters precomposed and decomposed, combining
marks, spaces of every kind, punctuation, and any other character.
"""

from __future__ import annotations

import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from cchc_sheets.read.sheet import _END_MARKERS, ends_table
from cchc_sheets.text import _SPACES, _TCVN3, any_legacy_letter, clean, fold, strip_marks

_EDGES = list("nNtTxXkKoOgGmMaAcC ._-:;()%\t\n\u00a0\u200b") + list(
    "ơƠôốộờớãâáàăạđĐưÑñŃ") + ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323", "\u031b",
                               "\u0338", "\u034f"] + sorted(_TCVN3)
_TEXTS = st.text(alphabet=st.one_of(st.sampled_from(_EDGES), st.characters()), max_size=50)
_MARKER_TEXTS = st.builds(lambda pre, m, post: pre + m + post,
                          st.text(alphabet=" .-:(\t", max_size=3),
                          st.sampled_from(["Nơi nhận", "TM. ỦY BAN", "TM UBND", "Người lập",
                                           "Xác nhận của", "KT. CHỦ TỊCH", "N\u0303oi nhan",
                                           "NƠI NHẬN", "Nông thôn", "Xây dựng", "Tổ chức"]),
                          _TEXTS)


@settings(max_examples=3000, deadline=None)
@given(st.one_of(_TEXTS, _MARKER_TEXTS))
@example("Nơi nhận:")
@example("N\u0303oi nhận")  # a mark after the first letter: left to the whole test
@example("T.M. ỦY BAN")
def test_ends_table_is_its_definition(text: str) -> None:
    assert ends_table(text) == fold(text[:40]).startswith(_END_MARKERS)


@settings(max_examples=2000, deadline=None)
@given(_TEXTS)
@example("Hoµn thµnh")
@example("Hoàn thành")
def test_any_legacy_letter_is_its_definition(text: str) -> None:
    assert any_legacy_letter(text) == any(ch in _TCVN3 for ch in text)


def _strip_marks_definition(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


@settings(max_examples=3000, deadline=None)
@given(_TEXTS)
@example("Tổ chức thực hiện – “Quý II”")
@example("N\u034fo")  # a mark that combines with nothing (class 0): kept
def test_strip_marks_is_its_definition(text: str) -> None:
    assert strip_marks(text) == _strip_marks_definition(text)


@settings(max_examples=3000, deadline=None)
@given(_TEXTS)
@example("Văn phòng  – Thống kê")
@example("Quý\u00a0II/2025")
def test_clean_keeps_a_clean_line_as_it_is(text: str) -> None:
    # the fast test of a line already clean says what cleaning it in full says
    line = unicodedata.normalize("NFC", text).replace("\n", " ").replace("\r", " ").strip()
    assert (clean(line) == line) == (_SPACES.sub(" ", line) == line)


def test_a_rows_texts_at_once_are_its_texts_one_by_one() -> None:
    from datetime import date, datetime

    from cchc_sheets.read.sheet import Sheet
    from cchc_sheets.read.sources import Grid

    rows = [["", " Văn  phòng ", 1.0, 2.5, None, datetime(2025, 6, 30), date(2025, 1, 2), "x" * 600],
            ["Quý II/2025", True, "", "  "]]
    sheet = Sheet.prepare(Grid("PL", rows, [(0, 0, 1, 0)], False))
    cols = (None, 0, 1, 2, 3, 4, 5, 6, 7, 8, 40)
    for r in range(len(rows)):
        assert sheet.texts(r, cols) == [sheet.text(r, c) for c in cols]
