"""``cchc nhap``: the appendix of a Word plan into the tracking workbook (contract §10).

The documents are rebuilt from published plans by tests/docx/build_documents.py (see
tests/docx/PROVENANCE.md); the round trip writes the example plan out as a Word table.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import EXAMPLE

from cchc_sheets import read_plan
from cchc_sheets.api import check
from cchc_sheets.cli import cli
from cchc_sheets.errors import CchcError
from cchc_sheets.model import Plan
from cchc_sheets.read.sources import load_book
from cchc_sheets.word.wordimport import SHEET_UNPLACED, import_word, read_appendix

HERE = Path(__file__).parents[1]
BAD = HERE / "bad_files"
_spec = importlib.util.spec_from_file_location("build_documents", HERE / "docx" / "build_documents.py")
assert _spec is not None and _spec.loader is not None
docs: Any = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(docs)

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def build(name: str, folder: Path) -> Path:
    return docs.BUILDERS[name](folder / name)


def tasks_of(plan: Plan) -> list[tuple[str, list[str], str, list[str], str]]:
    return [(t.title, t.criteria, t.lead, t.support, t.deadline.text) for t in plan.tasks]


def criteria_of(plan: Plan) -> list[tuple[str, str, float | None, dict[int, float | None]]]:
    return [(c.code, c.name, c.max, dict(c.scores)) for c in plan.criteria]


# --- one table per page, the header repeated on each ----------------------------------------


def test_one_table_per_page_is_one_appendix(tmp_path: Path) -> None:
    source = build("long-phung-2025.docx", tmp_path)
    imported = import_word(source, tmp_path / "ke-hoach.xlsx")
    assert imported.tables == [[3, 4, 5]]  # the heading and signature tables are not read
    assert imported.plan.plan_year == 2025
    tasks = imported.content.tasks
    assert [t.number for t in tasks] == [str(i) for i in range(1, 8)]  # no header row, no "(1)"
    for line, (title, lead, support, deadline, product) in zip(tasks, docs.LONG_PHUNG_TASKS,
                                                               strict=True):
        assert (line.task, line.lead, line.support, line.deadline) == \
            (title, lead, support, deadline)
        assert line.result == (f"Sản phẩm: {product}" if product else "")
    assert imported.unplaced == []
    back = read_plan(tmp_path / "ke-hoach.xlsx")
    assert [t.title for t in back.tasks] == [t[0] for t in docs.LONG_PHUNG_TASKS]
    assert back.tasks[3].support == ["Phòng Kinh tế", "Phòng Văn hóa - Xã hội"]  # a line break
    assert back.plan_year == 2025


def test_checking_the_result_gives_only_the_documents_own_problems(tmp_path: Path) -> None:
    source = build("long-phung-2025.docx", tmp_path)
    imported = import_word(source, tmp_path / "ke-hoach.xlsx")
    in_document = sorted(p.code for p in imported.plan.problems)
    assert in_document == ["unparsed-deadline"]
    result = check(tmp_path / "ke-hoach.xlsx", as_of=date(2025, 8, 1), history=None)
    assert [(p.code, p.args.get("value")) for p in result.problems] == [
        ("unparsed-deadline", docs.LONG_PHUNG_UNPARSED)]
    row = next(i for i, t in enumerate(docs.LONG_PHUNG_TASKS) if t[3] == docs.LONG_PHUNG_UNPARSED)
    assert result.problems[0].cell == f"F{6 + row}"  # the deadline cell of that task


@pytest.mark.parametrize("name", list(docs.BUILDERS))
def test_every_published_document_checks_clean_as_it_comes(tmp_path: Path, name: str) -> None:
    source = build(name, tmp_path)
    imported = import_word(source, tmp_path / "out.xlsx")
    result = check(tmp_path / "out.xlsx", as_of=date(2025, 8, 1), history=None)
    assert sorted(p.code for p in result.problems) == sorted(p.code for p in imported.plan.problems)
    back = read_plan(tmp_path / "out.xlsx")
    assert tasks_of(back) == tasks_of(imported.plan)
    assert criteria_of(back) == criteria_of(imported.plan)
    assert back.plan_year == imported.plan.plan_year


# --- a table split in two; cells merged down ------------------------------------------------


def test_split_table_is_joined_and_merged_cells_fill_each_task(tmp_path: Path) -> None:
    source = build("xuan-phuong-2025.docx", tmp_path)
    imported = import_word(source, tmp_path / "ke-hoach.xlsx")
    assert imported.tables == [[2, 3]]
    tasks = imported.content.tasks
    assert [t.number for t in tasks] == ["1", "2", "3", "4", "5"]
    assert [t.lead for t in tasks[:3]] == ["Văn phòng HĐND và UBND"] * 3  # merged over three
    assert tasks[0].task.endswith("đạt kết quả cao\n(Chỉ số SIPAS năm 2024)")  # line break kept
    assert tasks[0].support == "Các phòng chuyên môn\nTrung tâm Phục vụ hành chính công"
    assert [t.deadline for t in tasks[3:]] == ["Hằng tháng", "Hằng tháng"]  # merged over two
    assert [(u.table, u.row, u.reason) for u in imported.unplaced] == [(3, 3, "below-table")]
    assert imported.unplaced[0].text.startswith("Ghi chú: Các phòng, ban, đơn vị báo cáo")


# --- a combined table: Roman areas, a)/b) items, scores ---------------------------------------


def test_combined_table_keeps_the_readers_codes_scores_and_tasks(tmp_path: Path) -> None:
    source = build("ket-hop-2025.docx", tmp_path)
    imported = import_word(source, tmp_path / "ke-hoach.xlsx")
    lines = {c.code: c for c in imported.content.criteria}
    assert list(lines) == ["1", "1.1", "1.1.a", "1.1.b", "1.2", "1.3", "2", "2.1", "2.2"]
    assert (lines["1"].max, lines["1"].scores) == (10.0, {2024: 8.5})
    assert (lines["1.1.b"].max, lines["1.1.b"].scores) == (3.0, {2024: 2.5})
    assert lines["2"].max is None and lines["1"].area and not lines["1.1"].area
    assert [(t.codes, t.deadline) for t in imported.content.tasks] == [
        ("1.1.a", "Trước 31/01/2025"), ("1.1.b", "Hằng quý"), ("1.1.b", "Trước 15/6"),
        ("1.2", "Quý III"), ("1.3", "Thường xuyên"), ("2.1", "Tháng 3/2025"),
        ("2.1", "Tháng 4/2025")]
    assert [(u.row, u.reason) for u in imported.unplaced] == [(13, "total")]
    wb = openpyxl.load_workbook(tmp_path / "ke-hoach.xlsx")
    criteria = wb["Tiêu chí"]
    assert [c.value for c in criteria[5]] == ["Mã tiêu chí", "Tiêu chí", "Điểm tối đa",
                                              "Điểm đạt năm 2024"]
    assert [c.value for c in criteria[6]] == ["1", "Công tác chỉ đạo, điều hành cải cách hành "
                                              "chính", 10, 8.5]
    back = read_plan(tmp_path / "ke-hoach.xlsx")
    assert {t.deadline.due for t in back.tasks if t.deadline.text == "Trước 15/6"} == \
        {date(2025, 6, 15)}


# --- other tables before the appendix; headings in a list of tasks ----------------------------


def test_table_of_contents_and_signature_before_the_appendix(tmp_path: Path) -> None:
    source = build("kon-tum-2018.docx", tmp_path)
    imported = import_word(source, tmp_path / "ke-hoach.xlsx")
    assert imported.tables == [[4]]
    assert imported.plan.plan_year == 2018  # not 2016 nor 2017 from the legal bases and dates
    assert [t.deadline.due for t in imported.plan.tasks] == [
        date(2018, 6, 30), date(2018, 12, 31), date(2018, 9, 30)]
    assert [(u.table, u.row, u.reason) for u in imported.unplaced] == [
        (4, 2, "heading"), (4, 5, "heading")]
    back = read_plan(tmp_path / "ke-hoach.xlsx")
    assert back.plan_year == 2018  # year-less deadlines mean what they meant in the document
    assert [t.deadline.due for t in back.tasks] == [t.deadline.due for t in imported.plan.tasks]
    assert imported.content.commune == "ỦY BAN NHÂN DÂN TỈNH KON TUM"


# --- the round trip: the example plan written out as a Word table, imported back --------------


def test_round_trip_of_the_example_plan(tmp_path: Path) -> None:
    book = load_book(EXAMPLE)
    grid = book.sheets[0]
    header_row = next(r for r, row in enumerate(grid.rows) if row and row[0] == "STT")
    source = docs.grid_document(tmp_path / "thanh-da.docx", grid.rows, grid.merges, header_row)
    original = read_plan(EXAMPLE)
    imported = import_word(source, tmp_path / "thanh-da.xlsx")
    back = read_plan(tmp_path / "thanh-da.xlsx")
    assert len(original.tasks) > 20 and len(original.criteria) > 10
    assert tasks_of(back) == tasks_of(original)
    assert criteria_of(back) == criteria_of(original)
    assert back.plan_year == original.plan_year == 2025
    assert [t.deadline for t in back.tasks] == [t.deadline for t in original.tasks]
    # what the sheet has under its table (the total, the signature block) is listed, not read
    reasons = [(u.reason, u.text.split(" | ")[0]) for u in imported.unplaced]
    assert {r for r, _ in reasons} <= {"total", "below-table"}, reasons
    assert ("below-table", "Nơi nhận:") in reasons


# --- the workbook's shape ---------------------------------------------------------------------


def test_workbook_has_the_templates_shape_with_officer_columns_blank(tmp_path: Path) -> None:
    source = build("xuan-phuong-2025.docx", tmp_path)
    out = tmp_path / "ke-hoach.xlsx"
    import_word(source, out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Hướng dẫn", "Tiêu chí", "Phân công", SHEET_UNPLACED, "Danh mục"]
    assert wb["Danh mục"].sheet_state == "hidden"
    tasks = wb["Phân công"]
    assert tasks.freeze_panes == "A6"
    headers = [c.value for c in tasks[5]]
    assert headers[:6] == ["STT", "Mã tiêu chí", "Nhiệm vụ, giải pháp", "Bộ phận chủ trì",
                           "Bộ phận phối hợp", "Thời hạn hoàn thành"]
    blank = [headers.index(h) for h in ("Trạng thái", "Tiến độ (%)", "Tài liệu kiểm chứng",
                                        "Ngày cập nhật", "Ngày hoàn thành")]
    for row in tasks.iter_rows(min_row=6, max_row=10):
        assert row[2].value and all(row[i].value is None for i in blank)
        assert row[2].font.name == "Times New Roman"
    validations = {str(v.sqref).split(":")[0][:1]: v for v in tasks.data_validations.dataValidation}
    lead, status, updated = validations["D"], validations["G"], validations["K"]
    assert lead.type == "list" and "Danh mục" in lead.formula1
    assert status.type == "list" and updated.type == "date"
    units = [c.value for c in wb["Danh mục"]["A"][1:] if c.value]
    assert units[0] == "Văn phòng HĐND và UBND" and "Trung tâm Phục vụ hành chính công" in units
    unplaced = wb[SHEET_UNPLACED]
    assert [c.value for c in unplaced[2]][:2] == [3, 3]
    guide = " ".join(str(c.value) for c in wb["Hướng dẫn"]["A"] if c.value)
    assert "«xuan-phuong-2025.docx»" in guide and "được điền sẵn theo" not in guide


# --- refusals -----------------------------------------------------------------------------------


def test_existing_output_is_not_replaced_without_force(tmp_path: Path) -> None:
    source = build("long-phung-2025.docx", tmp_path)
    before_doc = (source.read_bytes(), source.stat().st_mtime_ns)
    out = tmp_path / "ke-hoach.xlsx"
    out.write_bytes(b"the officer's own file")
    code, _, err = run("nhap", str(source), "-o", str(out))
    assert code == 2 and "--force" in err and out.read_bytes() == b"the officer's own file"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~cchc")] == []
    code, stdout, _ = run("import", str(source), "-o", str(out), "--force")  # the alias
    assert code == 0 and "7 nhiệm vụ" in stdout
    assert openpyxl.load_workbook(out).sheetnames[2] == "Phân công"
    assert (source.read_bytes(), source.stat().st_mtime_ns) == before_doc  # never written


def test_default_output_is_beside_the_document(tmp_path: Path) -> None:
    source = build("kon-tum-2018.docx", tmp_path)
    code, stdout, _ = run("nhap", str(source), "--lang", "en")
    assert code == 0 and (tmp_path / "kon-tum-2018.xlsx").is_file()
    assert "3 tasks" in stdout and "plan year 2018" in stdout


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case, words", [
    ("pdf", ("không phải văn bản Word", "is not a Word document")),
    ("workbook", ("là sổ tính", "is a workbook")),
    ("encrypted", ("mật khẩu", "password-protected")),
    ("no-appendix", ("Không tìm thấy bảng phụ lục", "No appendix table")),
    ("missing", ("Không tìm thấy tệp", "File not found")),
    ("truncated", ("Văn bản Word", "The Word document")),
])
def test_what_cannot_be_imported_says_what_was_found(tmp_path: Path, case: str,
                                                     words: tuple[str, str], lang: str) -> None:
    source = tmp_path / "PHU-LUC.docx"
    if case == "pdf":
        shutil.copyfile(BAD / "pdf_renamed.xlsx", source)
    elif case == "workbook":
        shutil.copyfile(EXAMPLE, source)
    elif case == "encrypted":
        shutil.copyfile(BAD / "encrypted.xlsx", source)  # an encrypted OOXML package
    elif case == "truncated":
        whole = build("kon-tum-2018.docx", tmp_path).read_bytes()
        source.write_bytes(whole[: len(whole) // 2])
    elif case == "no-appendix":
        document = docs.new_document()
        document.add_paragraph("MỤC LỤC")
        docs.fill_table(document, [["STT", "Nội dung", "Trang"], ["1", "Mục tiêu", "1"]])
        document.save(str(source))
    code, stdout, err = run("nhap", str(source), "--lang", lang)
    assert code == 2 and stdout == ""
    assert words[lang == "en"] in err
    assert "Traceback" not in err and "Lỗi không mong đợi" not in err
    assert "Unexpected error" not in err
    assert not (tmp_path / "PHU-LUC.xlsx").exists()
    if case == "no-appendix":
        assert ("1 bảng" if lang == "vi" else "1 table;") in err and "Nội dung" in err


def test_doc_without_libreoffice_says_to_save_as_docx(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "phu-luc.doc"
    shutil.copyfile(BAD / "doc_renamed.xlsx", source)  # an old .doc Word file
    monkeypatch.setattr(shutil, "which", lambda _name: None)
    with pytest.raises(CchcError) as caught:
        read_appendix(source)
    assert caught.value.code == "word-doc-no-libreoffice"
    assert ".docx" in caught.value.message("vi") and ".docx" in caught.value.message("en")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run "
                    "installs it")
def test_doc_is_converted_with_libreoffice(tmp_path: Path) -> None:
    assert SOFFICE is not None
    docx_path = build("long-phung-2025.docx", tmp_path)
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "doc", "--outdir", str(tmp_path),
                    str(docx_path)], check=True, capture_output=True, timeout=180)
    doc = tmp_path / "long-phung-2025.doc"
    before = doc.read_bytes()
    imported = import_word(doc, tmp_path / "tu-doc.xlsx")
    assert [t.task for t in imported.content.tasks] == [t[0] for t in docs.LONG_PHUNG_TASKS]
    assert [t.deadline for t in imported.content.tasks] == [t[3] for t in docs.LONG_PHUNG_TASKS]
    assert doc.read_bytes() == before


# --- mechanics: two appendices, a header pasted again inside a table, a hostile span ----------


def test_criteria_table_and_task_table_join_by_codes(tmp_path: Path) -> None:
    document = docs.new_document()
    document.add_paragraph("KẾ HOẠCH nâng cao Chỉ số CCHC năm 2025")
    document.add_paragraph("PHỤ LỤC I. KẾT QUẢ CHẤM ĐIỂM")
    docs.fill_table(document, [
        ["Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định năm 2024"],
        ["1", "Công tác chỉ đạo, điều hành", "", ""],
        ["1.1", "Kế hoạch CCHC", "2", "1,5"],
        ["1.2", "Báo cáo CCHC", "1", "Không áp dụng"]])
    document.add_paragraph("PHỤ LỤC II. PHÂN CÔNG NHIỆM VỤ")
    header = ["STT", "Mã tiêu chí", "Nhiệm vụ, giải pháp", "Chủ trì", "Thời hạn"]
    docs.fill_table(document, [
        header, ["1", "1.1", "Ban hành kế hoạch", "Văn phòng HĐND và UBND", "31/01/2025"],
        header,  # the header pasted again where the next page began
        ["2", "1.1, 1.2", "Báo cáo quý", "Văn phòng HĐND và UBND", "Hằng quý"]])
    source = tmp_path / "hai-phu-luc.docx"
    document.save(str(source))
    imported = import_word(source, tmp_path / "out.xlsx")
    assert imported.tables == [[1], [2]]
    assert [(c.code, c.max, c.scores) for c in imported.content.criteria] == [
        ("1", None, {}), ("1.1", 2.0, {2024: 1.5}), ("1.2", 1.0, {2024: "Không áp dụng"})]
    assert [(t.number, t.codes, t.deadline) for t in imported.content.tasks] == [
        ("1", "1.1", "31/01/2025"), ("2", "1.1, 1.2", "Hằng quý")]
    result = check(tmp_path / "out.xlsx", as_of=date(2025, 3, 1), history=None)
    assert result.problems == []
    back = read_plan(tmp_path / "out.xlsx")
    assert criteria_of(back) == criteria_of(imported.plan)
    assert tasks_of(back) == tasks_of(imported.plan)


def test_a_span_past_words_last_column_is_clipped(tmp_path: Path) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docs.new_document()
    table = docs.fill_table(document, [["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
                                       ["1", "Rà soát TTHC", "Văn phòng", "Quý II/2025"]])
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), "100000000")
    table.rows[1].cells[3]._tc.get_or_add_tcPr().append(span)
    source = tmp_path / "span.docx"
    document.save(str(source))
    imported = read_appendix(source)
    assert [t.title for t in imported.plan.tasks] == ["Rà soát TTHC"]


def test_tab_stops_and_deleted_revisions_are_not_text(tmp_path: Path) -> None:
    from docx.shared import Cm

    document = docs.new_document()
    table = docs.fill_table(document, [["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
                                       ["1", "Rà soát TTHC", "Văn phòng", "Quý II/2025"]])
    cell = table.rows[1].cells[1]
    cell.paragraphs[0].paragraph_format.tab_stops.add_tab_stop(Cm(3))
    deleted = docx_element("<w:del xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/"
                           "2006/main' w:id='1' w:author='a'><w:r><w:delText>cũ</w:delText>"
                           "<w:t>cũ</w:t></w:r></w:del>")
    cell.paragraphs[0]._p.append(deleted)
    source = tmp_path / "revisions.docx"
    document.save(str(source))
    assert [t.title for t in read_appendix(source).plan.tasks] == ["Rà soát TTHC"]


def docx_element(xml: str) -> Any:
    from docx.oxml import parse_xml

    return parse_xml(xml)
