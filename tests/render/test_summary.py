"""The summary workbook (contract §5.1): written with xlsxwriter, read back with openpyxl."""

from __future__ import annotations

import re
import time
import unicodedata
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from factories import (
    AS_OF,
    make_big_result,
    make_empty_result,
    make_result,
    make_task,
    result_from,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from xlsxwriter.workbook import Workbook

from cchc_sheets.errors import OutputError
from cchc_sheets.model import Deadline
from cchc_sheets.render import summary
from cchc_sheets.render.labels import LABELS, label
from cchc_sheets.render.summary import summary_figures, write_summary

SHEETS_VI = ["Tổng quan", "Quá hạn", "Sắp đến hạn", "Thiếu cập nhật", "Tiêu chí yếu",
             "Tất cả nhiệm vụ", "Lỗi dữ liệu"]
SHEETS_EN = ["Overview", "Overdue", "Due soon", "Missing updates", "Weak criteria", "All tasks",
             "Data problems"]
LIST_TABLES = {"Quá hạn": "QuaHan", "Sắp đến hạn": "SapDenHan", "Thiếu cập nhật": "ThieuCapNhat",
               "Tiêu chí yếu": "TieuChiYeu", "Tất cả nhiệm vụ": "TatCaNhiemVu",
               "Lỗi dữ liệu": "LoiDuLieu"}
HEADER_ROW = 4  # Excel row of the table headers on every list sheet
FIRST = HEADER_ROW + 1


def d(year: int, month: int, day: int) -> datetime:
    """A date as openpyxl reads it back from a date-formatted cell."""
    return datetime(year, month, day)


@pytest.fixture
def written(tmp_path: Path) -> Path:
    return write_summary(make_result(trend=True), tmp_path / "tong-hop.xlsx")


@pytest.fixture
def book(written: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(written)


def header(ws: Any) -> list[Any]:
    return [c.value for c in ws[HEADER_ROW]]


def body(ws: Any) -> list[list[Any]]:
    """The table rows under the header, up to the first empty row."""
    rows = []
    for row in ws.iter_rows(min_row=FIRST, max_col=ws.max_column, values_only=True):
        if all(v is None for v in row):
            break
        rows.append(list(row))
    return rows


def column(ws: Any, name: str) -> list[Any]:
    j = header(ws).index(name)
    return [row[j] for row in body(ws)]


def sheet_xml(path: Path, title: str) -> str:
    """The XML of the sheet named ``title``."""
    wb = openpyxl.load_workbook(path)
    index = wb.sheetnames.index(title) + 1
    with zipfile.ZipFile(path) as zf:
        return zf.read(f"xl/worksheets/sheet{index}.xml").decode("utf-8")


# --------------------------------------------------------------------------- sheets


def test_sheets_in_order_vietnamese(book: openpyxl.Workbook) -> None:
    assert book.sheetnames == [*SHEETS_VI, "Diễn biến"]


def test_sheets_in_order_english(tmp_path: Path) -> None:
    path = write_summary(make_result(trend=True), tmp_path / "summary.xlsx", lang="en")
    assert openpyxl.load_workbook(path).sheetnames == [*SHEETS_EN, "Trend"]


def test_no_trend_sheet_without_history(tmp_path: Path) -> None:
    path = write_summary(make_result(), tmp_path / "s.xlsx")
    assert openpyxl.load_workbook(path).sheetnames == SHEETS_VI


def test_unknown_language_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        write_summary(make_result(), tmp_path / "s.xlsx", lang="fr")
    assert not (tmp_path / "s.xlsx").exists()


# --------------------------------------------------------------------------- lists


def test_overdue_rows_cell_for_cell(book: openpyxl.Workbook) -> None:
    ws = book["Quá hạn"]
    assert ws["A1"].value == "DANH SÁCH NHIỆM VỤ QUÁ HẠN"
    assert ws["A2"].value == "Tính đến ngày 30/06/2025 · nguồn: phu-luc-2025.xlsx · 3 nhiệm vụ"
    assert header(ws) == ["Ô nguồn", "STT", "Mã tiêu chí", "Nhiệm vụ", "Bộ phận chủ trì",
                          "Thời hạn", "Hạn", "Số ngày quá hạn", "Trạng thái", "Tiến độ %",
                          "Kết quả"]
    # most days overdue first
    assert body(ws) == [
        ["Phân công!F7", 2, "1.2",
         "Kiểm tra công tác cải cách hành chính tại các bộ phận chuyên môn",
         "Văn phòng HĐND và UBND", "Quý I/2025", d(2025, 3, 31), 91, "Đang thực hiện", 0.4,
         "Đã kiểm tra 2/4 bộ phận"],
        ["Phân công!F14", 9, "7.1",
         "Tuyên truyền về cải cách hành chính trên Cổng thông tin điện tử xã",
         None, "Tháng 5/2025", d(2025, 5, 31), 30, "Chưa thực hiện", None, None],
        ["Phân công!F9", 4, "3.3", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
         "Trung tâm Phục vụ hành chính công", "Trước ngày 15/6/2025", d(2025, 6, 15), 15,
         "Chưa thực hiện", 0, None],
    ]


def test_due_soon_rows_sorted_by_due_date(book: openpyxl.Workbook) -> None:
    ws = book["Sắp đến hạn"]
    assert ws["A1"].value == "NHIỆM VỤ SẮP ĐẾN HẠN (TRONG 14 NGÀY TỚI)"
    assert header(ws) == ["Ô nguồn", "STT", "Mã tiêu chí", "Nhiệm vụ", "Bộ phận chủ trì",
                          "Phối hợp", "Thời hạn", "Hạn", "Còn lại (ngày)", "Trạng thái",
                          "Tiến độ %"]
    assert body(ws) == [
        ["Phân công!F8", 3, "3.1, 3.2",
         "Công khai đầy đủ thủ tục hành chính tại Trung tâm Phục vụ hành chính công",
         "Trung tâm Phục vụ hành chính công", None, "30/6/2025", d(2025, 6, 30), 0,
         "Đang thực hiện", 0.7],
        ["Phân công!F13", 8, "2.1",
         "Rà soát văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
         "Văn phòng HĐND và UBND", None, "10/7/2025", d(2025, 7, 10), 10, "Đang thực hiện", 0.5],
    ]


def test_missing_updates_name_what_is_missing(book: openpyxl.Workbook) -> None:
    ws = book["Thiếu cập nhật"]
    result = make_result()
    missing = [t for t in result.tasks
               if {"no-status", "stale", "no-evidence", "unchanged"} & set(t.flags)]
    # STT counts the list (an officer reads "6 tasks", not the plan's own numbers 2, 4, 5…)
    assert column(ws, "STT") == list(range(1, len(missing) + 1))
    assert [int(t.id) for t in missing] != column(ws, "STT")
    assert column(ws, "Nhiệm vụ") == [t.title for t in missing]
    assert column(ws, "Cần cập nhật") == [
        "Lâu chưa cập nhật",
        "Lâu chưa cập nhật",
        "Chưa có trạng thái; Lâu chưa cập nhật",
        "Thiếu tài liệu kiểm chứng",
        "Lâu chưa cập nhật",
        "Không thay đổi từ lần trước",
    ]
    # the source cell is the cell to fill: updated date, status, evidence, result
    assert column(ws, "Ô nguồn") == ["Phân công!K7", "Phân công!K9", "Phân công!G10",
                                     "Phân công!J12", "Phân công!K14", "Phân công!I17"]
    assert column(ws, "Ngày cập nhật") == [d(2025, 5, 2), None, None, d(2025, 6, 28),
                                           d(2025, 5, 15), d(2025, 6, 1)]
    assert column(ws, "Trạng thái")[2] == "Không rõ"


def test_all_tasks_every_task_in_sheet_order(book: openpyxl.Workbook) -> None:
    ws = book["Tất cả nhiệm vụ"]
    result = make_result()
    assert header(ws) == ["Ô nguồn", "STT", "Mã tiêu chí", "Nhiệm vụ", "Bộ phận chủ trì",
                          "Phối hợp", "Thời hạn", "Hạn", "Trạng thái", "Tiến độ %",
                          "Ngày cập nhật", "Số ngày quá hạn", "Vấn đề", "Kết quả",
                          "Tài liệu kiểm chứng"]
    statuses = {"done": "Hoàn thành", "in_progress": "Đang thực hiện",
                "not_started": "Chưa thực hiện", "cancelled": "Hủy", "unknown": "Không rõ"}
    flags = {"overdue": "Quá hạn", "due-soon": "Sắp đến hạn", "done-late": "Hoàn thành muộn",
             "no-status": "Chưa có trạng thái", "stale": "Lâu chưa cập nhật",
             "no-evidence": "Thiếu tài liệu kiểm chứng", "no-lead": "Chưa có đơn vị chủ trì",
             "unchanged": "Không thay đổi từ lần trước"}

    def as_read(value: Any) -> Any:
        if value in ("", None):
            return None
        if isinstance(value, date):
            return datetime(value.year, value.month, value.day)
        return value

    expected = [[
        f"Phân công!C{t.row}", int(t.id), ", ".join(t.criteria) or None, t.title,
        t.lead or None, ", ".join(t.support) or None, t.deadline.text,
        as_read(t.deadline.due), statuses[t.status],
        None if t.progress is None else t.progress / 100, as_read(t.updated), t.days_overdue,
        "; ".join(flags[f] for f in t.flags) or None, as_read(t.result), as_read(t.evidence),
    ] for t in result.tasks]
    assert body(ws) == expected


def test_weak_criteria_with_previous_year_and_change(book: openpyxl.Workbook) -> None:
    ws = book["Tiêu chí yếu"]
    assert ws["A1"].value == "TIÊU CHÍ YẾU CẦN KHẮC PHỤC (THEO ĐIỂM NĂM 2024)"
    assert header(ws) == ["Ô nguồn", "Mã", "Tiêu chí", "Tối đa", "Điểm 2024", "Điểm 2023",
                          "Thay đổi", "Điểm bị mất", "Tỷ lệ (%)", "Vấn đề", "Nhiệm vụ"]
    rows = body(ws)
    assert [r[1] for r in rows] == make_result().weak_criteria
    assert [r[1] for r in rows] == ["6.1", "3.3", "4.3", "2.2", "3.1", "6.2", "7.1", "1.2",
                                    "4.2", "5.1"]
    assert rows[0] == ["Tiêu chí!E24", "6.1", "Cung cấp dịch vụ công trực tuyến toàn trình",
                       12, 7, 8, -1, 5, pytest.approx(7 / 12), "Bị trừ điểm; Giảm điểm", 1]
    assert rows[2] == ["Tiêu chí!E19", "4.3", "Đánh giá, xếp loại công chức", 3, 1, 2, -1, 2,
                       pytest.approx(1 / 3),
                       "Bị trừ điểm; Điểm thấp; Giảm điểm; Chưa có nhiệm vụ", "Chưa có nhiệm vụ"]
    assert rows[8][6] == pytest.approx(0.5)  # 4.2: 5.5 against 5.0
    # codes stay text: "1.2" is not the number 1.2
    assert all(ws.cell(row=r, column=2).data_type == "s" for r in range(FIRST, FIRST + 10))


def test_weak_criteria_points_lost_have_data_bars(written: Path) -> None:
    xml = sheet_xml(written, "Tiêu chí yếu")
    assert re.search(r'<conditionalFormatting sqref="H5:H14"><cfRule type="dataBar"', xml)


def test_overdue_days_are_graded(written: Path) -> None:
    xml = sheet_xml(written, "Quá hạn")
    block = re.search(r'<conditionalFormatting sqref="H5:H7">(.*?)</conditionalFormatting>',
                      xml)
    assert block
    rules = re.findall(r"<cfRule .*?</cfRule>", block.group(1))
    assert len(rules) == 3
    assert "between" in rules[0] and "<formula>1</formula><formula>7</formula>" in rules[0]
    assert "<formula>8</formula><formula>30</formula>" in rules[1]
    assert 'operator="greaterThan"' in rules[2] and "<formula>30</formula>" in rules[2]


def test_problems_errors_first_with_messages(book: openpyxl.Workbook) -> None:
    ws = book["Lỗi dữ liệu"]
    assert header(ws) == ["Mức độ", "Ô", "Mã lỗi", "Nội dung"]
    problems = make_result().problems
    ordered = [p for p in problems if p.severity == "error"] + \
        [p for p in problems if p.severity == "warning"]
    assert body(ws) == [[{"error": "Lỗi", "warning": "Cảnh báo"}[p.severity], p.ref, p.code,
                         p.message("vi")] for p in ordered]
    assert body(ws)[0][3].startswith("Phân công!F18: không hiểu thời hạn «Cuối năm nay»")
    assert ws["A2"].value.endswith("1 lỗi, 3 cảnh báo")


def test_problems_in_english(tmp_path: Path) -> None:
    path = write_summary(make_result(), tmp_path / "s.xlsx", lang="en")
    ws = openpyxl.load_workbook(path)["Data problems"]
    assert header(ws) == ["Severity", "Cell", "Code", "Message"]
    assert body(ws)[0][:3] == ["Error", "Phân công!F18", "unparsed-deadline"]
    assert body(ws)[0][3].startswith("Phân công!F18: cannot read the deadline 'Cuối năm nay'")


def test_trend_sheet(book: openpyxl.Workbook) -> None:
    ws = book["Diễn biến"]
    assert header(ws) == ["Ngày kiểm tra", "Nhiệm vụ", "Hoàn thành", "Quá hạn",
                          "Thiếu cập nhật", "Điểm đang bị mất"]
    assert body(ws)[0] == [d(2025, 6, 9), 12, 1, 1, 4, 26]
    assert body(ws)[-1] == [d(2025, 6, 30), 12, 3, 3, 6, 23.5]
    assert len(ws._charts) == 1


# --------------------------------------------------------------------------- overview


def test_overview_title_source_and_key_figures(book: openpyxl.Workbook) -> None:
    ws = book["Tổng quan"]
    assert ws["A1"].value == ("TỔNG HỢP TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NÂNG CAO CHỈ SỐ CCHC "
                              "NĂM 2025")
    assert ws["A1"].font.b and ws["A1"].font.sz == 14
    assert ws["A2"].value == "UBND xã Thanh Đa"
    assert ws["A3"].value == "Tính đến ngày 30/06/2025 · nguồn: phu-luc-2025.xlsx"
    labels = [c.value for c in ws[5]][:7]
    values = [c.value for c in ws[6]][:7]
    assert labels == ["Nhiệm vụ", "Hoàn thành", "Tỷ lệ hoàn thành", "Quá hạn", "Sắp đến hạn",
                      "Thiếu cập nhật", "Lỗi dữ liệu"]
    assert values == [12, 3, 0.25, 3, 2, 6, 4]
    assert ws["C6"].number_format == "0%"
    labels = [c.value for c in ws[8]][:6]
    values = [c.value for c in ws[9]][:6]
    assert labels == ["Điểm năm 2024", "Chỉ số năm 2024", "Điểm năm 2023", "Điểm bị mất",
                      "Tiêu chí yếu", "Chưa có nhiệm vụ"]
    assert values == [76.5, 0.765, 77, 23.5, 10, 1]
    assert ws["A9"].number_format == '0.0#"/100"'  # shows 76,5/100


def test_overview_units_worst_first(book: openpyxl.Workbook) -> None:
    ws = book["Tổng quan"]
    table = ws.tables["DonVi"]
    first_row = int(re.match(r"A(\d+)", table.ref).group(1))  # type: ignore[union-attr]
    rows = [[c.value for c in r][:7] for r in ws.iter_rows(min_row=first_row,
                                                             max_row=first_row + 5)]
    assert rows == [
        ["Bộ phận chủ trì", "Nhiệm vụ", "Hoàn thành", "Quá hạn", "Sắp đến hạn",
         "Thiếu cập nhật", "% đúng hạn"],
        ["Văn phòng HĐND và UBND", 5, 1, 1, 1, 2, 0.5],
        ["(Chưa có đơn vị chủ trì)", 1, 0, 1, 0, 1, 0],
        ["Trung tâm Phục vụ hành chính công", 2, 0, 1, 1, 1, 0],
        ["Phòng Kinh tế", 3, 2, 0, 0, 2, 0],
        ["Phòng Văn hóa - Xã hội", 1, 0, 0, 0, 0, None],
    ]


def test_overview_has_two_native_charts(book: openpyxl.Workbook) -> None:
    charts = book["Tổng quan"]._charts
    assert [(c.tagname, c.type if hasattr(c, "type") else None) for c in charts] == \
        [("barChart", "bar"), ("barChart", "col")]
    assert charts[0].grouping == "stacked"
    assert charts[1].grouping == "clustered"
    assert len(charts[1].series) == 2  # 2023 and 2024


def test_overview_charts_plot_hidden_helper_cells(written: Path) -> None:
    # the series not shown in the unit table live in hidden columns: the charts must plot them
    with zipfile.ZipFile(written) as zf:
        charts = sorted(n for n in zf.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        assert len(charts) == 3  # two on the overview, one on the trend
        for name in charts[:2]:  # no "plot visible cells only"
            assert '<c:plotVisOnly val="1"/>' not in zf.read(name).decode()
    ws = openpyxl.load_workbook(written)["Tổng quan"]
    hidden = [k for k, v in ws.column_dimensions.items() if v.hidden]
    assert hidden and all(openpyxl.utils.column_index_from_string(k) > 9 for k in hidden)
    assert ws.print_area == "'Tổng quan'!$A$1:$I$" + ws.print_area.rsplit("$", 1)[1]


def test_custom_properties_for_the_email_command(book: openpyxl.Workbook) -> None:
    props = {p.name: p.value for p in book.custom_doc_props.props}
    assert props["cchc_as_of"] == "2025-06-30"
    assert props["cchc_plan_year"] == 2025
    assert props["cchc_tasks"] == 12
    assert props["cchc_done"] == 3
    assert props["cchc_overdue"] == 3
    assert props["cchc_due_soon"] == 2
    assert props["cchc_missing_update"] == 6
    assert props["cchc_weak_criteria"] == 10
    assert props["cchc_source"] == "phu-luc-2025.xlsx"
    assert props["cchc_lang"] == "vi"
    assert props["cchc_points"] == 76.5


def test_summary_figures_count_bonus_lines() -> None:
    figures = summary_figures(make_result())
    last, previous = figures.total, figures.previous
    assert (last.year, last.score, last.max) == (2024, 76.5, 100)  # −0,5 penalty included
    assert (previous.year, previous.score) == (2023, 77)
    assert last.lost == pytest.approx(23.5)
    assert figures.uncovered == 1
    assert figures.lost == pytest.approx(23.5)  # the one "points lost" of every output


# --------------------------------------------------------------------------- layout


@pytest.mark.parametrize("title", list(LIST_TABLES))
def test_lists_are_tables_with_filters_and_frozen_header(book: openpyxl.Workbook,
                                                         title: str) -> None:
    ws = book[title]
    assert list(ws.tables) == [LIST_TABLES[title]]
    table = ws.tables[LIST_TABLES[title]]
    last = FIRST + len(body(ws)) - 1
    assert table.ref == f"A{HEADER_ROW}:{openpyxl.utils.get_column_letter(ws.max_column)}{last}"
    assert table.autoFilter is not None
    assert ws.freeze_panes == f"A{FIRST}"
    assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"


@pytest.mark.parametrize("title", [*SHEETS_VI, "Diễn biến"])
def test_print_setup_a4_landscape_one_page_wide(book: openpyxl.Workbook, title: str) -> None:
    ws = book[title]
    setup = ws.page_setup
    assert setup.orientation == "landscape"
    assert str(setup.paperSize) == "9"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (setup.fitToWidth or 1) == 1  # 1 is the default, left out of the file
    if title == "Tổng quan":
        assert (setup.fitToHeight or 1) == 1  # the overview is one page
    else:
        assert setup.fitToHeight == 0
    assert ws.oddFooter.center.text == "Trang &P/&N"
    assert ws.oddFooter.center.font == "Times New Roman,Regular"


def test_english_footer(tmp_path: Path) -> None:
    path = write_summary(make_result(), tmp_path / "s.xlsx", lang="en")
    ws = openpyxl.load_workbook(path)["Overdue"]
    assert ws.oddFooter.center.text == "Page &P of &N"
    assert ws.oddFooter.right.text == "As of 30/06/2025"


def test_times_new_roman_everywhere(written: Path) -> None:
    with zipfile.ZipFile(written) as zf:
        styles = zf.read("xl/styles.xml").decode()
        charts = [zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/charts/")]
    fonts_part = re.search(r"<fonts .*?</fonts>", styles)
    assert fonts_part  # (conditional formats only change colours, they inherit the font)
    fonts = re.findall(r"<font>.*?</font>", fonts_part.group(0))
    assert fonts and all('<name val="Times New Roman"/>' in f for f in fonts)
    assert "<scheme" not in styles  # a theme scheme would show Calibri in Excel
    assert re.search(r'<font><sz val="12"/>', styles)  # body text 12 pt
    for chart in charts:
        faces = set(re.findall(r'typeface="([^"]+)"', chart))
        assert faces == {"Times New Roman"}


def test_dates_and_numbers_are_real_values_with_formats(book: openpyxl.Workbook) -> None:
    ws = book["Tất cả nhiệm vụ"]
    names = header(ws)
    row = FIRST + 1  # task 2
    due = ws.cell(row=row, column=names.index("Hạn") + 1)
    assert due.is_date and due.number_format == "dd/mm/yyyy"
    progress = ws.cell(row=row, column=names.index("Tiến độ %") + 1)
    assert progress.value == 0.4 and progress.number_format == "0%"
    ws = book["Tiêu chí yếu"]
    assert ws.cell(row=FIRST, column=4).number_format == "0.0#"
    assert ws.cell(row=FIRST, column=7).number_format == "+0.0#;-0.0#;0"


def test_widths_fit_vietnamese_text(book: openpyxl.Workbook) -> None:
    for title in LIST_TABLES:
        ws = book[title]
        widths = {k: v.width for k, v in ws.column_dimensions.items() if v.width}
        assert widths and max(widths.values()) <= 61, title  # 60 characters, plus padding
        assert min(widths.values()) >= 5, title
    ws = book["Tất cả nhiệm vụ"]
    task = ws.cell(row=FIRST, column=4)
    assert task.alignment.wrap_text
    # a long title wraps onto a taller row instead of a wider column
    heights = [ws.row_dimensions[r].height for r in range(FIRST, FIRST + 12)]
    assert any(h and h > 30 for h in heights)


def test_formula_like_text_stays_text(written: Path, book: openpyxl.Workbook) -> None:
    ws = book["Tất cả nhiệm vụ"]
    row = FIRST + 5  # task 6: "=Cử …", "+ Đã cử …", "@VB …"
    names = header(ws)
    cells = [ws.cell(row=row, column=names.index(n) + 1)
             for n in ("Nhiệm vụ", "Kết quả", "Tài liệu kiểm chứng")]
    assert [c.value for c in cells] == ["=Cử công chức tham gia bồi dưỡng kỹ năng số",
                                        "+ Đã cử 2 công chức", "@VB 45/UBND"]
    assert all(c.data_type == "s" for c in cells)
    minus = ws.cell(row=FIRST + 10, column=names.index("Nhiệm vụ") + 1)
    assert minus.value == "-Thực hiện cơ chế tự chủ tài chính tại UBND xã"
    assert minus.data_type == "s"
    for title in book.sheetnames:
        assert "<f>" not in sheet_xml(written, title), title
    with zipfile.ZipFile(written) as zf:
        assert not any("hyperlink" in n for n in zf.namelist())


def test_text_that_looks_like_a_link_or_number_stays_text(tmp_path: Path) -> None:
    task = make_task(6, "https://dichvucong.gov.vn", result="0123", evidence="1e5",
                     lead="=SUM(A1:A2)", deadline=Deadline("unparsed", None, "=1+1"))
    path = write_summary(result_from([task]), tmp_path / "s.xlsx")
    ws = openpyxl.load_workbook(path)["Tất cả nhiệm vụ"]
    row = body(ws)[0]
    assert row[3] == "https://dichvucong.gov.vn"
    assert row[4] == "=SUM(A1:A2)"
    assert row[6] == "=1+1"
    assert row[13:15] == ["0123", "1e5"]
    assert "<f>" not in sheet_xml(path, "Tất cả nhiệm vụ")
    assert "hyperlink" not in sheet_xml(path, "Tất cả nhiệm vụ")


officer_text = st.text(
    alphabet=st.sampled_from("=+-@ aăâbcdđeêghiklmnoôơpqrstuưvxyÀẢẾỆỨỮĐ0123456789,.;:/()%\"'&<>"),
    min_size=1, max_size=40).map(str.strip).filter(bool)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=officer_text, result_text=officer_text)
def test_any_officer_text_round_trips_as_text(tmp_path: Path, title: str,
                                              result_text: str) -> None:
    task = make_task(6, title, result=result_text, lead="Văn phòng")
    path = write_summary(result_from([task]), tmp_path / "s.xlsx")
    ws = openpyxl.load_workbook(path)["Tất cả nhiệm vụ"]
    cells = ws[FIRST]
    assert (cells[3].value, cells[3].data_type) == (title, "s")
    assert (cells[13].value, cells[13].data_type) == (result_text, "s")


def test_empty_lists_say_so(tmp_path: Path) -> None:
    path = write_summary(make_empty_result(), tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEETS_VI
    lines = {
        "Quá hạn": "Không có nhiệm vụ quá hạn.",
        "Sắp đến hạn": "Không có nhiệm vụ sắp đến hạn trong 14 ngày tới.",
        "Thiếu cập nhật": "Không có nhiệm vụ thiếu cập nhật.",
        "Tiêu chí yếu": "Chưa có điểm năm trước nên chưa xác định được tiêu chí yếu.",
        "Tất cả nhiệm vụ": "Kế hoạch chưa có nhiệm vụ nào.",
        "Lỗi dữ liệu": "Không có lỗi dữ liệu.",
    }
    for title, line in lines.items():
        ws = wb[title]
        assert ws[f"A{HEADER_ROW}"].value == line, title
        assert not ws.tables, title
        assert ws.max_row == HEADER_ROW, title
    overview = [c.value for row in wb["Tổng quan"].iter_rows() for c in row if c.value]
    assert "Chưa có nhiệm vụ nào được giao." in overview
    assert "Chưa có điểm năm trước." in overview
    assert not wb["Tổng quan"].tables


def test_empty_weak_list_when_criteria_are_fine(tmp_path: Path) -> None:
    result = make_result()
    result.weak_criteria = []
    wb = openpyxl.load_workbook(write_summary(result, tmp_path / "s.xlsx", lang="en"))
    assert wb["Weak criteria"][f"A{HEADER_ROW}"].value == "No weak criteria."


# --------------------------------------------------------------------------- file handling


def test_same_input_same_bytes(tmp_path: Path) -> None:
    first = write_summary(make_result(trend=True), tmp_path / "a.xlsx").read_bytes()
    time.sleep(1.1)  # a clock in the file would now differ
    second = write_summary(make_result(trend=True), tmp_path / "b.xlsx").read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "a.xlsx") as zf:
        core = zf.read("docProps/core.xml").decode()
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2025-06-30T00:00:00Z" in core


def test_other_as_of_date_other_bytes(tmp_path: Path) -> None:
    result = make_result()
    first = write_summary(result, tmp_path / "a.xlsx").read_bytes()
    result.as_of = date(2025, 7, 7)
    assert write_summary(result, tmp_path / "b.xlsx").read_bytes() != first


def test_output_never_replaces_the_plan(tmp_path: Path) -> None:
    plan = tmp_path / "phu-luc-2025.xlsx"
    plan.write_bytes(b"the officer's plan")
    with pytest.raises(OutputError) as caught:
        write_summary(make_result(source=plan), plan)
    assert caught.value.code == "output-is-input"
    assert plan.read_bytes() == b"the officer's plan"
    # nor the scores workbook
    scores = tmp_path / "diem-2024.xlsx"
    scores.write_bytes(b"scores")
    result = make_result(source=plan)
    result.plan.scores_source = scores
    with pytest.raises(OutputError):
        write_summary(result, tmp_path / "." / "diem-2024.xlsx")
    assert scores.read_bytes() == b"scores"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["diem-2024.xlsx", "phu-luc-2025.xlsx"]


def test_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        write_summary(make_result(), tmp_path / "no-such-folder" / "s.xlsx")
    assert caught.value.code == "output-dir-missing"


def test_failure_while_building_leaves_target_untouched(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    target = write_summary(make_result(), tmp_path / "tong-hop.xlsx")  # last week's summary
    earlier = target.read_bytes()

    def boom(self: Any) -> None:
        raise RuntimeError("disk full half way")

    monkeypatch.setattr(summary._SummaryWriter, "_all_tasks", boom)
    with pytest.raises(RuntimeError):
        write_summary(make_result(), target)
    assert target.read_bytes() == earlier
    assert [p.name for p in tmp_path.iterdir()] == ["tong-hop.xlsx"]


def test_failure_while_saving_leaves_target_untouched(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    target = write_summary(make_result(), tmp_path / "tong-hop.xlsx")  # last week's summary
    earlier = target.read_bytes()

    def half_written(self: Workbook) -> None:
        Path(self.filename).write_bytes(b"PK\x03\x04 half a zip")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "close", half_written)
    with pytest.raises(OutputError) as caught:
        write_summary(make_result(), target)
    assert caught.value.code == "output-disk-full"
    assert target.read_bytes() == earlier
    assert [p.name for p in tmp_path.iterdir()] == ["tong-hop.xlsx"]


def test_replaces_an_older_summary(tmp_path: Path) -> None:
    target = write_summary(make_result(trend=True), tmp_path / "tong-hop.xlsx")
    older = target.read_bytes()
    assert write_summary(make_result(), target) == target
    assert zipfile.is_zipfile(target) and target.read_bytes() != older
    assert [p.name for p in tmp_path.iterdir()] == ["tong-hop.xlsx"]


def test_never_replaces_a_file_it_did_not_write(tmp_path: Path) -> None:
    target = tmp_path / "tong-hop.xlsx"
    target.write_bytes(b"an officer's own file")
    with pytest.raises(OutputError) as caught:
        write_summary(make_result(), target)
    assert caught.value.code == "output-exists"
    assert target.read_bytes() == b"an officer's own file"


def test_large_plan_keeps_every_row(tmp_path: Path) -> None:
    # speed is measured by benchmarks/run.py, not here
    result = make_big_result(3_000)
    path = write_summary(result, tmp_path / "big.xlsx")
    wb = openpyxl.load_workbook(path, read_only=True)
    assert wb["Tất cả nhiệm vụ"].max_row == HEADER_ROW + 3_000


# --------------------------------------------------------------------------- labels


def test_labels_are_nfc_in_both_languages() -> None:
    for key, (vi, en) in LABELS.items():
        assert vi and en, key
        assert unicodedata.normalize("NFC", vi) == vi, key
        assert unicodedata.normalize("NFC", en) == en, key


def test_sheet_names_are_valid_excel_names() -> None:
    for key in [k for k in LABELS if k.startswith("sheet.")]:
        for lang in ("vi", "en"):
            name = label(key, lang)
            assert len(name) <= 31 and not set(name) & set("[]:*?/\\"), name


def test_as_of_line_date_format() -> None:
    assert label("line.as_of", "vi", date="30/06/2025", source="a.xlsx") == \
        "Tính đến ngày 30/06/2025 · nguồn: a.xlsx"
    assert AS_OF == date(2025, 6, 30)


def test_garbage_collector_is_restored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    assert gc.isenabled()
    write_summary(make_result(), tmp_path / "a.xlsx")
    assert gc.isenabled()
    monkeypatch.setattr(summary._SummaryWriter, "_weak", lambda self: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        write_summary(make_result(), tmp_path / "b.xlsx")
    assert gc.isenabled()


def test_a_weak_criterion_covered_by_a_task_on_its_part_counts_that_task(tmp_path: Path) -> None:
    # 5 is scored as a whole; a task names its part 5.1: 5 is covered (contract §4), and the
    # sheet says one task, not "no task"
    from officer_books import write_rows

    from cchc_sheets.api import check

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tiêu chí"
    write_rows(ws, 1, [["Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm đạt 2024"],
                       ["5", "Hiện đại hóa", 4, 2], ["5.1", "Phần mềm"], ["5.2", "Chữ ký số"],
                       ["6", "Thủ tục", 2, 1]])
    tasks = wb.create_sheet("Phân công")
    write_rows(tasks, 1, [["STT", "Mã tiêu chí", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
                          [1, "5.1", "Nâng cấp phần mềm", "Văn phòng", "Quý IV/2025"]])
    plan = tmp_path / "ke-hoach.xlsx"
    wb.save(plan)
    result = check(plan, as_of=date(2025, 6, 30), history=None)
    out = write_summary(result, tmp_path / "tong-hop.xlsx")
    weak = openpyxl.load_workbook(out)["Tiêu chí yếu"]
    counts = {row[1]: row[-1] for row in body(weak)}
    assert counts == {"5": 1, "6": "Chưa có nhiệm vụ"}
