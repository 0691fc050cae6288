"""Workbooks built the way officers make them: title rows, merged headers, text dates, NFD text.

Each builder writes with openpyxl (as Excel-like files) and returns the path.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Font


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def write_rows(ws: Any, start_row: int, rows: list[list[Any]]) -> None:
    for r, values in enumerate(rows, start=start_row):
        for c, value in enumerate(values, start=1):
            if value is not None and value != "":
                ws.cell(row=r, column=c, value=value)


def combined_plan(path: Path, *, extra_rows: list[list[Any]] | None = None) -> Path:
    """One combined table, two-row merged header, column numbers, Roman areas, merged criteria.

    Columns: A STT | B Lĩnh vực, tiêu chí | C Điểm tối đa | D Năm 2023 | E Năm 2024 |
    F Nhiệm vụ | G Đơn vị chủ trì | H Phối hợp | I Thời gian hoàn thành | J Tiến độ |
    K Kết quả | L Tài liệu kiểm chứng | M Ngày cập nhật
    """
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    ws["A1"] = "ỦY BAN NHÂN DÂN XÃ THANH ĐA"
    ws["F1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws["A3"] = "PHỤ LỤC"
    ws.merge_cells("A3:M3")
    ws["A4"] = "PHÂN CÔNG NHIỆM VỤ NÂNG CAO CHỈ SỐ CCHC NĂM 2025"
    ws.merge_cells("A4:M4")
    ws["A5"] = "(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2025)"
    # two-row header
    heads = {"A": "STT", "B": "Lĩnh vực, tiêu chí", "F": "Nhiệm vụ, giải pháp khắc phục",
             "G": "Đơn vị chủ trì", "H": "Đơn vị phối hợp", "I": "Thời gian hoàn thành",
             "J": "Tiến độ", "K": "Kết quả thực hiện", "L": "Tài liệu kiểm chứng",
             "M": "Ngày cập nhật"}
    for col, text in heads.items():
        ws[f"{col}7"] = text
        ws.merge_cells(f"{col}7:{col}8")
    ws["C7"] = "Điểm"
    ws.merge_cells("C7:E7")
    ws["C8"], ws["D8"], ws["E8"] = "Tối đa", "Năm 2023", "Năm 2024"
    for c in range(1, 14):
        ws.cell(row=9, column=c, value=f"({c})")
    rows: list[list[Any]] = [
        ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 3, 2.5, 2, None],
        [1, "Kế hoạch CCHC năm", 1, 1, 1, "Ban hành kế hoạch CCHC năm 2025", "Văn phòng - Thống kê",
         "Tư pháp - Hộ tịch", "Quý I/2025", "Hoàn thành", "Đã ban hành", "KH số 12/KH-UBND",
         date(2025, 6, 25)],
        [2, nfd("Báo cáo CCHC định kỳ"), 2, 1.5, 1, nfd("Gửi báo cáo quý đúng hạn"), "VP-TK",
         None, "Hằng quý", "Đang thực hiện", None, None, date(2025, 3, 1)],
        [None, None, None, None, None, "Lập sổ theo dõi báo cáo", "Văn phòng – Thống kê", None,
         "Tháng 5/2025", None, None, None, "20/6/2025"],
        [],
        ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 4, 3, 2, None],
        [1, "Công khai TTHC", 2, 1, 0.5, "Niêm yết TTHC tại Bộ phận một cửa", "  Tư pháp - Hộ tịch ",
         None, "Trước ngày 15/3/2025", "Chưa thực hiện", None, None, None],
        [2, "Tỷ lệ hồ sơ đúng hạn", 2, 2, 1.5, None],
        ["III", "Điểm thưởng, điểm trừ", None, 0, -0.5, None],
    ]
    write_rows(ws, 10, rows)
    ws.merge_cells("A12:A13")
    ws.merge_cells("B12:B13")
    ws.merge_cells("C12:C13")
    ws.merge_cells("D12:D13")
    ws.merge_cells("E12:E13")
    ws["B10"].font = Font(bold=True)
    end = 19
    if extra_rows:
        write_rows(ws, end, extra_rows)
        end += len(extra_rows)
    ws.cell(row=end + 2, column=2, value="Nơi nhận:")
    ws.cell(row=end + 2, column=7, value="TM. ỦY BAN NHÂN DÂN")
    ws.cell(row=end + 3, column=7, value="CHỦ TỊCH")
    wb.save(path)
    return path


def separate_plan(path: Path) -> Path:
    """The template's shape: a criteria sheet and a task sheet naming codes."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tiêu chí"
    ws["A1"] = "KHUNG TIÊU CHÍ"
    write_rows(ws, 3, [
        ["Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định 2024", "Điểm tự chấm 2024",
         "Điểm đạt năm 2023"],
        ["1", "Chỉ đạo điều hành", 2, None, None, None],
        ["1.1", "Kế hoạch", 1, 0.5, 1, 1],
        ["1.2", "Báo cáo", 1, "KAD", 1, 1],
        ["2", "Thủ tục hành chính", 3, None, None, None],
        ["2.1", "Công khai", 3, 1, 2, 2],
    ])
    tasks = wb.create_sheet("Phân công")
    tasks["A1"] = "PHÂN CÔNG NHIỆM VỤ NĂM 2025"
    write_rows(tasks, 3, [
        ["STT", "Mã tiêu chí", "Nhiệm vụ", "Bộ phận chủ trì", "Phối hợp", "Thời hạn",
         "Trạng thái", "Tiến độ (%)", "Kết quả", "Tài liệu kiểm chứng", "Ngày cập nhật",
         "Ngày hoàn thành"],
        [1, "1.1", "Sửa kế hoạch", "Văn phòng", "Tư pháp; Văn hóa", "30/6/2025", "Đang làm", 0.5,
         None, None, datetime(2025, 6, 20), None],
        [2, "2.1, 1.2", "Công khai TTHC", "Tư pháp", None, 45838, "Xong", 1, None, None,
         "2025-06-01", "05/07/2025"],
        [3, "9.9", "Việc lạ", None, None, "Khi nào rảnh", "???", None, None, None, None, None],
    ])
    wb.save(path)
    return path
