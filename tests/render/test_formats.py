"""One number format and one date format per language, and one module for the summary's
properties: what is written is what is read back."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from factories import make_result

from cchc_sheets.checking.figures import key_figures, vn_number
from cchc_sheets.messages import number_text, render
from cchc_sheets.render.properties import NotASummary, is_summary, read_properties
from cchc_sheets.render.summary import write_summary
from cchc_sheets.render.terminal import _num
from cchc_sheets.text import day, number, percent


@pytest.mark.parametrize(("value", "vi", "en"), [
    (1234.5, "1.234,5", "1,234.5"), (7.5, "7,5", "7.5"), (100.0, "100", "100"),
    (78.789, "78,79", "78.79"), (-0.5, "-0,5", "-0.5"), (-0.001, "0", "0"), (None, "—", "—"),
])
def test_every_output_writes_a_number_the_same_way(value: float | None, vi: str, en: str) -> None:
    assert number(value, "vi") == vi and number(value, "en") == en
    assert _num(value, "vi") == vi and _num(value, "en") == en  # the terminal
    assert vn_number(value) == vi
    if value is not None:
        assert number_text(value, "vi") == vi and number_text(value, "en") == en  # messages
        shown = render("no-such-code", "en", ref=value)  # a float argument of any message
        assert shown == f"no-such-code: {en}"


def test_one_date_format_in_both_languages() -> None:
    assert day(date(2025, 6, 30), "vi") == day(date(2025, 6, 30), "en") == "30/06/2025"
    assert (percent(0.274), percent(None)) == ("27%", "—")


def test_the_summary_properties_read_back_as_written(tmp_path: Path) -> None:
    result = make_result()
    path = write_summary(result, tmp_path / "tong-hop.xlsx", lang="en")
    assert is_summary(path)
    props = read_properties(path)
    figures = key_figures(result)
    assert (props.as_of, props.plan_year, props.source, props.lang) == (
        result.as_of, result.plan_year, result.plan.source.name, "en")
    # every figure the summary stores comes back; the previous year is not stored
    assert props.figures == figures._replace(previous=None)


def test_other_files_are_not_summaries(tmp_path: Path) -> None:
    other = tmp_path / "ghi-chu.xlsx"
    other.write_bytes(b"not a zip")
    assert not is_summary(other)
    with pytest.raises(NotASummary) as caught:
        read_properties(other)
    assert "cchc_as_of" in caught.value.missing
