"""``cchc template``: the shipped blank plan, its sheets, headers, lists and validations.

The shipped file ``workbook_templates/ke-hoach-cchc-mau.xlsx`` must be exactly what
``write_template`` writes. After changing the template (or the vocabulary), regenerate it with

    python -c "from pathlib import Path; from cchc_sheets.render.template import write_template; \
write_template(Path('workbook_templates/ke-hoach-cchc-mau.xlsx'), replace=True)"

and commit it together with the change.
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils.datetime import from_excel

from cchc_sheets.errors import OutputError
from cchc_sheets.read.status import STATUS_WORDS
from cchc_sheets.read.vocabulary import FIELD_BY_NAME, field_names, match_header
from cchc_sheets.render.template import (
    FRAME_HANOI_5666,
    PLAN_YEAR_DEFAULT,
    SHEET_CRITERIA,
    SHEET_GUIDE,
    SHEET_LISTS,
    SHEET_TASKS,
    TASK_FIELDS,
    TASK_ROWS,
    template_units,
    write_template,
)
from cchc_sheets.text import fold

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "workbook_templates" / "ke-hoach-cchc-mau.xlsx"
HEADER_ROW = 5  # Excel row of the header on Tiêu chí and Phân công

TASK_HEADERS = [
    "STT", "Mã tiêu chí", "Nhiệm vụ, giải pháp", "Bộ phận chủ trì", "Bộ phận phối hợp",
    "Thời hạn hoàn thành", "Trạng thái", "Tiến độ (%)", "Kết quả thực hiện",
    "Tài liệu kiểm chứng", "Ngày cập nhật", "Ngày hoàn thành",
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_template(tmp_path_factory.mktemp("tpl") / "mau.xlsx")


@pytest.fixture(scope="module")
def book(template: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(template)


@pytest.fixture(scope="module")
def book_en(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    path = write_template(tmp_path_factory.mktemp("tpl-en") / "template.xlsx", lang="en")
    return openpyxl.load_workbook(path)


def _validations(ws: openpyxl.worksheet.worksheet.Worksheet) -> dict[str, object]:
    """Data validations by the first column letter of their range."""
    found = {}
    for dv in ws.data_validations.dataValidation:
        first = str(dv.sqref).split(":")[0]
        found[re.sub(r"\d+", "", first)] = dv
    return found


def _all_cells(book: openpyxl.Workbook):
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield ws, cell


# --- the shipped file ---------------------------------------------------------------------


def test_shipped_template_is_what_write_template_writes(template: Path) -> None:
    assert SHIPPED.is_file(), "regenerate the template, see the module docstring"
    assert template.read_bytes() == SHIPPED.read_bytes(), (
        "workbook_templates/ke-hoach-cchc-mau.xlsx is out of date: regenerate it (see the "
        "module docstring)"
    )


def test_same_bytes_every_time(template: Path, tmp_path: Path) -> None:
    again = write_template(tmp_path / "again.xlsx")
    assert again.read_bytes() == template.read_bytes()


# --- sheets ---------------------------------------------------------------------------------


def test_sheets(book: openpyxl.Workbook) -> None:
    assert book.sheetnames == [SHEET_GUIDE, SHEET_CRITERIA, SHEET_TASKS, SHEET_LISTS]
    assert [ws.sheet_state for ws in book.worksheets] == ["visible", "visible", "visible",
                                                          "hidden"]
    assert all(len(name) <= 31 for name in book.sheetnames)
    assert book.active.title == SHEET_GUIDE


def test_task_headers_come_from_the_vocabulary(book: openpyxl.Workbook) -> None:
    ws = book[SHEET_TASKS]
    headers = [c.value for c in ws[HEADER_ROW]]
    assert headers == TASK_HEADERS
    assert headers == [FIELD_BY_NAME[name].vi for name in TASK_FIELDS]
    names = field_names()
    for name, header in zip(TASK_FIELDS, headers, strict=True):
        fields, _ = match_header(fold(header), names)
        assert name in fields, header
        if name != "number":  # "STT" is also a code header; the separate code column decides
            assert fields == [name], header


def test_criteria_headers_and_frame(book: openpyxl.Workbook) -> None:
    ws = book[SHEET_CRITERIA]
    y = PLAN_YEAR_DEFAULT
    assert [c.value for c in ws[HEADER_ROW]] == [
        "Mã tiêu chí", "Tiêu chí", "Điểm tối đa", f"Điểm đạt năm {y - 1}",
        f"Điểm đạt năm {y - 2}",
    ]
    rows = list(ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    areas = [(code, name) for code, name, *_ in rows if code is not None]
    assert areas == list(FRAME_HANOI_5666)
    assert [code for code, _ in areas] == [str(n) for n in range(1, 10)]
    assert "điểm thưởng" in areas[-1][1].lower()
    # No point value is invented: the decision's points are the officer's to copy.
    assert all(value is None for row in rows for value in row[2:])
    # Formatted empty rows under each area for the officer's criteria, code column as text.
    assert len(rows) > len(areas) * 2
    assert ws.cell(row=HEADER_ROW + 2, column=1).number_format == "@"


def test_titles_carry_the_plan_year_only(book: openpyxl.Workbook) -> None:
    for name in (SHEET_CRITERIA, SHEET_TASKS):
        ws = book[name]
        titles = " ".join(str(ws.cell(row=r, column=1).value or "") for r in range(1, HEADER_ROW))
        assert f"NĂM {PLAN_YEAR_DEFAULT}" in titles
        assert set(re.findall(r"\b(?:19|20)\d\d\b", titles)) == {str(PLAN_YEAR_DEFAULT)}
    assert book[SHEET_TASKS]["A1"].value.startswith("UBND XÃ")
    assert book[SHEET_TASKS]["A2"].value.startswith("PHỤ LỤC II. PHÂN CÔNG NHIỆM VỤ")


def test_lists_sheet(book: openpyxl.Workbook) -> None:
    ws = book[SHEET_LISTS]
    units = [c.value for c in ws["A"][1:] if c.value]
    statuses = [c.value for c in ws["B"][1:] if c.value]
    assert units == list(template_units())
    assert "Văn phòng HĐND và UBND" in units and "Tư pháp - Hộ tịch" in units
    assert "Trung tâm Phục vụ hành chính công" in units and "Chỉ huy trưởng Quân sự" in units
    assert sorted(statuses) == sorted(STATUS_WORDS.values())
    assert statuses[0] == STATUS_WORDS["not_started"]


# --- validations ----------------------------------------------------------------------------


def test_task_validations(book: openpyxl.Workbook) -> None:
    ws = book[SHEET_TASKS]
    dv = _validations(ws)
    first, last = HEADER_ROW + 1, HEADER_ROW + TASK_ROWS
    n_units, n_status = len(template_units()), len(STATUS_WORDS)
    # Drop-downs refer to a range of the lists sheet, never to an inline list.
    assert dv["D"].type == "list"
    assert dv["D"].formula1 == f"'{SHEET_LISTS}'!$A$2:$A${n_units + 1}"
    assert dv["D"].errorStyle == "information"  # officers may type their own unit
    assert str(dv["D"].sqref) == f"D{first}:D{last}"
    assert dv["E"].type == "list" and dv["E"].formula1 == dv["D"].formula1
    assert not dv["E"].showErrorMessage  # several units per cell are normal
    assert dv["G"].type == "list"
    assert dv["G"].formula1 == f"'{SHEET_LISTS}'!$B$2:$B${n_status + 1}"
    for item in ws.data_validations.dataValidation:
        assert not (item.formula1 or "").startswith('"'), "inline list"
    # The deadline is free text ("Quý II/2026"): an input message, no restriction.
    assert dv["F"].type in (None, "none")
    assert "Quý II" in dv["F"].prompt and "Thường xuyên" in dv["F"].prompt
    assert dv["H"].type == "decimal"
    assert (dv["H"].formula1, dv["H"].formula2) == ("0", "100")
    for col in ("K", "L"):
        assert dv[col].type == "date"
        assert from_excel(int(dv[col].formula1)).year == 2000
        assert from_excel(int(dv[col].formula2)).year == 2100
        assert str(dv[col].sqref) == f"{col}{first}:{col}{last}"
    for item in ws.data_validations.dataValidation:
        if item.prompt:
            assert len(item.prompt) <= 255 and len(item.promptTitle or "") <= 32


def test_formats_and_layout(book: openpyxl.Workbook) -> None:
    tasks = book[SHEET_TASKS]
    assert tasks.freeze_panes == f"A{HEADER_ROW + 1}"
    assert book[SHEET_CRITERIA].freeze_panes == f"A{HEADER_ROW + 1}"
    assert tasks.page_setup.orientation == "landscape"
    assert str(tasks.page_setup.paperSize) == "9"  # A4
    assert tasks.cell(row=HEADER_ROW + 1, column=2).number_format == "@"  # codes stay text
    assert tasks.cell(row=HEADER_ROW + 1, column=11).number_format == "dd/mm/yyyy"
    assert tasks.cell(row=HEADER_ROW + 1, column=3).alignment.wrap_text
    assert tasks.column_dimensions["C"].width > tasks.column_dimensions["A"].width * 4


def test_times_new_roman_everywhere(book: openpyxl.Workbook) -> None:
    for ws, cell in _all_cells(book):
        assert cell.font.name == "Times New Roman", f"{ws.title}!{cell.coordinate}"
    assert book._fonts[0].name == "Times New Roman"  # the default style


def test_all_text_is_nfc(book: openpyxl.Workbook) -> None:
    for ws, cell in _all_cells(book):
        if isinstance(cell.value, str):
            assert unicodedata.is_normalized("NFC", cell.value), f"{ws.title}!{cell.coordinate}"
    for ws in book.worksheets:
        assert unicodedata.is_normalized("NFC", ws.title)
        for item in ws.data_validations.dataValidation:
            for text in (item.prompt, item.promptTitle, item.error, item.errorTitle):
                assert text is None or unicodedata.is_normalized("NFC", text)


# --- instructions ---------------------------------------------------------------------------


def _guide_text(book: openpyxl.Workbook, name: str) -> str:
    return "\n".join(str(c.value) for c in book[name]["A"] if c.value is not None)


def test_instructions_list_the_columns_and_the_rules(book: openpyxl.Workbook) -> None:
    text = _guide_text(book, SHEET_GUIDE)
    for name in TASK_FIELDS + ("criterion", "max"):
        assert FIELD_BY_NAME[name].vi in text
    y = PLAN_YEAR_DEFAULT
    for form in (f"30/6/{y}", f"Tháng 6/{y}", f"Quý II/{y}", "Thường xuyên",
                 f"Trước ngày 15/3/{y}", f"Từ tháng 3 đến tháng 6/{y}"):
        assert form in text, form
    for label in STATUS_WORDS.values():
        assert label in text
    assert "5666/QĐ-UBND" in text and "17/11/2025" in text
    assert "Điểm tối đa" in text and "TRỐNG" in text
    assert "cchc check" in text and "KHÔNG BAO GIỜ sửa" in text
    # one column only, so that no line can look like a header row to the reader
    assert book[SHEET_GUIDE].max_column == 1


def test_english_template(book_en: openpyxl.Workbook, book: openpyxl.Workbook) -> None:
    assert book_en.sheetnames == ["Instructions", SHEET_CRITERIA, SHEET_TASKS, SHEET_LISTS]
    assert [c.value for c in book_en[SHEET_TASKS][HEADER_ROW]] == TASK_HEADERS
    assert ([c.value for c in book_en[SHEET_CRITERIA][HEADER_ROW]]
            == [c.value for c in book[SHEET_CRITERIA][HEADER_ROW]])
    text = _guide_text(book_en, "Instructions")
    assert "Deadlines the checker understands" in text and "never modifies" in text
    assert _validations(book_en[SHEET_TASKS])["H"].prompt.startswith("A number from 0 to 100")


# --- errors ---------------------------------------------------------------------------------


def test_unknown_language(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_template(tmp_path / "x.xlsx", lang="fr")
    assert not list(tmp_path.iterdir())


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        write_template(tmp_path / "missing" / "x.xlsx")


def test_an_existing_file_is_replaced_only_with_force(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from cchc_sheets.cli import cli

    path = tmp_path / "mẫu kế hoạch.xlsx"
    path.write_bytes(b"a plan filled in since")
    with pytest.raises(OutputError) as raised:
        write_template(path)
    assert raised.value.code == "template-exists"
    assert "--force" in raised.value.message("vi") and "not written by" not in raised.value.message("en")
    assert path.read_bytes() == b"a plan filled in since"
    result = CliRunner().invoke(cli, ["template", "-o", str(path), "--lang", "en"])
    assert result.exit_code == 2 and "add --force" in result.stderr
    assert CliRunner().invoke(cli, ["template", "-o", str(path), "--force"]).exit_code == 0
    assert path.read_bytes() == write_template(tmp_path / "again.xlsx").read_bytes()


def test_the_reader_finds_an_empty_plan(template: Path) -> None:
    reader = pytest.importorskip("cchc_sheets.read.reader")
    plan = reader.read_plan(template)
    assert plan.problems == []
    assert plan.tasks == []
    assert [c.code for c in plan.criteria] == [str(n) for n in range(1, 10)]


# --- the example (examples/make_example.py) is deterministic too ---------------------------


def test_example_files_are_reproduced(tmp_path: Path) -> None:
    script = ROOT / "examples" / "make_example.py"
    subprocess.run([sys.executable, str(script), "--out", str(tmp_path)], check=True)
    for name in ("ke-hoach-cchc-xa-thanh-da-2025.xlsx", "scores-2024.xlsx"):
        assert (tmp_path / name).read_bytes() == (ROOT / "examples" / name).read_bytes(), (
            f"examples/{name} is out of date: run python examples/make_example.py"
        )


def test_the_guide_is_one_table_in_two_languages() -> None:
    """The guide sheet is written from one list of rows (template_text.GUIDE): both languages
    have the same lines in the same order, the same bold terms, and no unfilled placeholder."""
    from cchc_sheets.render.template import _guide_lines

    vi, en = _guide_lines("vi", 2026), _guide_lines("en", 2026)
    assert [(line.kind, line.sep) for line in vi] == [(line.kind, line.sep) for line in en]
    pairs = [(a, b) for a, b in zip(vi, en, strict=True) if a.kind == "pair"]
    assert all(a.a == b.a for a, b in pairs)  # terms are what officers type: Vietnamese
    assert all(a.a != b.a for a, b in zip(vi, en, strict=True) if a.kind in ("title", "section"))
    for line in vi + en:
        assert "{" not in line.a + line.b and "}" not in line.a + line.b, line
    assert "cchc check ke-hoach-cchc.xlsx --as-of 2026-06-30" in [line.a for line in vi]
    noted = _guide_lines("en", 2026, frame_note="Frame taken from the document.")
    assert [line.a for line in noted if line.a.startswith("Frame")] == \
        ["Frame taken from the document."]
