"""Write the corpus of workbooks rebuilt from published documents (tests/published/*.xlsx).

Each workbook copies the shape of a published document (title block, merged cells, two-row
headers, codes and deadlines as officers type them) and carries a progress part (status, update
date, evidence) that the published document does not have: see NN-name.md for what was copied
and what was adapted or invented. Run ``python tests/published/build.py`` to rewrite them; the
bytes depend only on this script (openpyxl's standard-library XML, fixed dates in the document
properties and the zip entries). ``--list`` prints every written row, to write EXPECTED against.
``--convert`` also writes the .ods/.xls variants with LibreOffice (not byte-stable: committed).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

os.environ["OPENPYXL_LXML"] = "False"

from openpyxl import Workbook, load_workbook  # noqa: E402
from openpyxl.styles import Alignment, Border, Font, Side  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402
from openpyxl.worksheet.worksheet import Worksheet  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FIXED_TIME = datetime(2025, 1, 15, 8, 0, 0)
ZIP_TIME = (2025, 1, 15, 8, 0, 0)
FONT = "Times New Roman"
THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
LISTING: list[str] = []

Row = Sequence[Any]


# ---------------------------------------------------------------------------------------------
# Typing helpers: what an officer does in Excel


def put(ws: Worksheet, row: int, values: Row, *, bold: bool = False, col: int = 1,
        box: bool = False, pct: Sequence[int] = ()) -> None:
    """Write ``values`` from column ``col`` on ``row``; dates get a day-first format."""
    for i, value in enumerate(values):
        if value is None:
            continue
        cell = ws.cell(row=row, column=col + i, value=value)
        cell.font = Font(name=FONT, size=12, bold=bold)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        if isinstance(value, (date, datetime)):
            cell.number_format = "dd/mm/yyyy"
        if col + i in pct:
            cell.number_format = "0.0%"
    if box:
        for i in range(len(values)):
            ws.cell(row=row, column=col + i).border = BOX
    LISTING.append(f"{ws.title}!{row:<3} " + " | ".join("" if v is None else str(v)
                                                       for v in values)[:150])


def merge(ws: Worksheet, ref: str) -> None:
    ws.merge_cells(ref)


def line(ws: Worksheet, row: int, text: str, last: int, *, bold: bool = True,
         italic: bool = False) -> None:
    """A title line merged across the table."""
    cell = ws.cell(row=row, column=1, value=text)
    cell.font = Font(name=FONT, size=13, bold=bold, italic=italic)
    cell.alignment = Alignment(horizontal="center", wrap_text=True)
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last)
    LISTING.append(f"{ws.title}!{row:<3} {text}")


def quoc_hieu(ws: Worksheet, last: int, left: tuple[str, str, str],
              right_date: str) -> None:
    """Rows 1-3: the issuing body on the left, the national motto and the date on the right."""
    right = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", right_date)
    split = max(3, last // 2)
    for i in range(3):
        a = ws.cell(row=i + 1, column=1, value=left[i] or None)
        a.font = Font(name=FONT, size=12, bold=i < 2)
        a.alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=i + 1, start_column=1, end_row=i + 1, end_column=split - 1)
        b = ws.cell(row=i + 1, column=split, value=right[i])
        b.font = Font(name=FONT, size=12, bold=i < 2, italic=i == 2)
        b.alignment = Alignment(horizontal="center")
        ws.merge_cells(start_row=i + 1, start_column=split, end_row=i + 1, end_column=last)
        LISTING.append(f"{ws.title}!{i + 1:<3} {left[i]} | {right[i]}")


def header2(ws: Worksheet, row: int, spec: Sequence[tuple[str, str | None]]) -> None:
    """A two-row header: (top, bottom) per column; no bottom merges the top down, and the same
    top over consecutive columns is merged across."""
    col = 1
    while col <= len(spec):
        top, bottom = spec[col - 1]
        if bottom is None:
            put(ws, row, [top], bold=True, col=col, box=True)
            ws.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
            col += 1
            continue
        end = col
        while end < len(spec) and spec[end][0] == top and spec[end][1] is not None:
            end += 1
        put(ws, row, [top], bold=True, col=col, box=True)
        if end > col:
            ws.merge_cells(start_row=row, start_column=col, end_row=row, end_column=end)
        for c in range(col, end + 1):
            put(ws, row + 1, [spec[c - 1][1]], bold=True, col=c, box=True)
        col = end + 1


def widths(ws: Worksheet, *sizes: float) -> None:
    for i, size in enumerate(sizes, start=1):
        ws.column_dimensions[get_column_letter(i)].width = size


def signature(ws: Worksheet, row: int, last: int, *, body: str = "TM. ỦY BAN NHÂN DÂN",
              role: str = "CHỦ TỊCH", name: str = "Nguyễn Văn An",
              recipients: Sequence[str] = ("- UBND huyện;", "- Lưu: VT.")) -> None:
    """"Nơi nhận" on the left, the signing block on the right."""
    right = max(3, last - 2)
    put(ws, row, ["Nơi nhận:"], bold=True)
    put(ws, row, [body], bold=True, col=right)
    put(ws, row + 1, [recipients[0]])
    put(ws, row + 1, [role], bold=True, col=right)
    for i, text in enumerate(recipients[1:], start=2):
        put(ws, row + i, [text])
    put(ws, row + 5, [name], bold=True, col=right)


def column_numbers(ws: Worksheet, row: int, n: int) -> None:
    put(ws, row, [f"({i})" for i in range(1, n + 1)], box=True)


def new_book() -> tuple[Workbook, Worksheet]:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    return wb, ws


def save(wb: Workbook, path: Path, title: str, creator: str) -> None:
    """Save with fixed document dates and zip timestamps, so the bytes never change."""
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.title = title
    wb.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + stamp.encode() + rb"\g<2>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, data)
    path.write_bytes(out.getvalue())


D = date


# ---------------------------------------------------------------------------------------------
# 01 A ward's combined appendix (Hà Nội commune frame QĐ 2940/QĐ-UBND: nội dung → tiêu chí)


def wb01(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Phụ lục"
    last = 11
    quoc_hieu(ws, last, ("UBND QUẬN NAM TỪ LIÊM", "UBND PHƯỜNG XUÂN PHƯƠNG", ""),
              "Xuân Phương, ngày 10 tháng 01 năm 2025")
    line(ws, 5, "PHỤ LỤC", last)
    line(ws, 6, "PHÂN CÔNG NHIỆM VỤ DUY TRÌ, CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH "
             "NĂM 2025", last)
    line(ws, 7, "(Kèm theo Kế hoạch số 08/KH-UBND ngày 10/01/2025 của UBND phường Xuân Phương)",
         last, bold=False, italic=True)
    header2(ws, 9, [("STT", None), ("Nội dung, tiêu chí", None), ("Điểm", "Tối đa"),
                    ("Điểm", "Năm 2024"), ("Nhiệm vụ, giải pháp", None),
                    ("Đơn vị chủ trì", None), ("Đơn vị phối hợp", None),
                    ("Thời gian hoàn thành", None), ("Tình trạng", None),
                    ("Ngày cập nhật", None), ("Tài liệu kiểm chứng", None)])
    column_numbers(ws, 11, last)
    rows: list[tuple[bool, Row]] = [
        (True, ["I", "Công tác chỉ đạo, điều hành", 10, 8.5]),
        (False, [1, "Ban hành kế hoạch CCHC năm", 3, 3,
                 "Xây dựng, ban hành Kế hoạch CCHC năm 2025 của UBND phường",
                 "Văn phòng - Thống kê", "Các bộ phận chuyên môn", "Quý I/2025", "Hoàn thành",
                 D(2025, 3, 15), "Kế hoạch số 08/KH-UBND ngày 10/01/2025"]),
        (False, [2, "Thực hiện chế độ thông tin, báo cáo CCHC", 3, 2,
                 "Gửi báo cáo CCHC quý, 6 tháng, năm đúng thời hạn", "Văn phòng - Thống kê",
                 None, "Hằng quý", "Đang thực hiện", D(2025, 6, 20)]),
        (False, [3, "Kiểm tra công tác CCHC", 4, 3.5,
                 "Kiểm tra công tác CCHC tại Bộ phận Một cửa", "VĂN PHÒNG - THỐNG KÊ",
                 "Tư pháp - Hộ tịch", "Tháng 5/2025", "Đang thực hiện", D(2025, 5, 2)]),
        (True, ["II", "Thủ tục hành chính và thực hiện cơ chế “một cửa”, “một cửa liên thông”",
                8, 6]),
        (False, [1, "Công khai thủ tục hành chính", 2, 2]),
        (False, [2, "Tỷ lệ hồ sơ giải quyết đúng hạn", 4, 2.5,
                 "Theo dõi, đôn đốc giải quyết hồ sơ đúng hạn; xin lỗi người dân khi trễ hạn",
                 "Tư pháp - Hộ tịch", "Bộ phận Một cửa", "Thường xuyên", "Đang thực hiện",
                 D(2025, 6, 25)]),
        (False, [None, None, None, None, "Số hóa hồ sơ, kết quả giải quyết TTHC",
                 "Tư pháp - Hộ tịch", None, D(2025, 9, 30), "Chưa thực hiện"]),
        (False, [3, "Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC", 2, 1.5]),
        (True, ["III", "Hiện đại hóa hành chính", 5, 4]),
        (False, [1, "Cung cấp dịch vụ công trực tuyến toàn trình", 5, 4,
                 "Hướng dẫn người dân nộp hồ sơ trực tuyến", "Văn hóa - Xã hội",
                 "Đoàn Thanh niên", "31/12/2025", "Đang thực hiện", D(2025, 6, 28)]),
    ]
    for i, (bold, values) in enumerate(rows):
        put(ws, 12 + i, values, bold=bold, box=True)
    for col in "ABCD":
        merge(ws, f"{col}18:{col}19")
    put(ws, 23, ["TỔNG CỘNG", None, 23, 18.5], bold=True, box=True)
    merge(ws, "A23:B23")
    signature(ws, 25, last, recipients=("- UBND quận (b/c);", "- Các bộ phận;", "- Lưu: VT."))
    widths(ws, 6, 36, 8, 8, 40, 20, 18, 14, 14, 12, 28)
    save(wb, path, "Phụ lục Kế hoạch CCHC 2025 phường Xuân Phương", "UBND phường Xuân Phương")


# ---------------------------------------------------------------------------------------------
# 02 A commune plan whose title block cites a legal basis from 2014 (issue 10's second misread)


def wb02(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Kế hoạch"
    last = 9
    quoc_hieu(ws, last, ("UBND HUYỆN ĐÔNG HƯNG", "UBND XÃ ĐÔNG QUANG", "Số: 145/KH-UBND"),
              "Đông Quang, ngày 28 tháng 12 năm 2024")
    line(ws, 5, "KẾ HOẠCH", last)
    line(ws, 6, "Duy trì, cải thiện và nâng cao Chỉ số cải cách hành chính năm 2025", last)
    line(ws, 7, "(Kèm theo Quyết định số 2126/QĐ-UBND năm 2014 của UBND tỉnh ban hành Bộ chỉ số "
             "CCHC cấp xã)", last, bold=False, italic=True)
    line(ws, 8, "Căn cứ Kế hoạch số 210/KH-UBND ngày 20/12/2024 của UBND huyện về CCHC năm 2025;",
         last, bold=False)
    put(ws, 10, ["STT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Điểm đạt 2024",
                 "Nhiệm vụ, giải pháp", "Cơ quan chủ trì", "Thời hạn", "Tiến độ",
                 "Cập nhật lần cuối"], bold=True, box=True)
    rows: list[tuple[bool, Row]] = [
        (True, ["1", "Công tác chỉ đạo, điều hành CCHC", 6, 5]),
        (False, ["1.1", "Kế hoạch CCHC năm", 2, 2, "Ban hành Kế hoạch CCHC năm 2025",
                 "Công chức Văn phòng - Thống kê", "Trước 31/01", "Đã hoàn thành",
                 D(2025, 1, 25)]),
        (False, ["1.2", "Báo cáo CCHC định kỳ", 2, 1, "Thực hiện báo cáo định kỳ đúng hạn",
                 "Công chức Văn phòng - Thống kê", "Trước 15/6", "Đang thực hiện",
                 D(2025, 6, 10)]),
        (False, ["1.3", "Tuyên truyền CCHC", 2, 2,
                 "Tuyên truyền CCHC trên hệ thống loa truyền thanh xã",
                 "Công chức Văn hóa - Xã hội", "Hằng tháng", "Đang thực hiện", D(2025, 6, 25)]),
        (True, ["2", "Cải cách thủ tục hành chính", 4, 3]),
        (False, ["2.1", "Rà soát, đơn giản hóa TTHC", 2, 1,
                 "Rà soát, đề xuất đơn giản hóa TTHC thuộc thẩm quyền UBND xã",
                 "Công chức Tư pháp - Hộ tịch", "Trước 30/4", "Chưa thực hiện",
                 D(2025, 6, 20)]),
        (False, ["2.2", "Niêm yết, công khai TTHC", 2, 2,
                 "Niêm yết, công khai đầy đủ TTHC tại Bộ phận Một cửa",
                 "Công chức Tư pháp - Hộ tịch", "Quý III", "Đang thực hiện", D(2025, 6, 28)]),
    ]
    for i, (bold, values) in enumerate(rows):
        put(ws, 11 + i, values, bold=bold, box=True)
    put(ws, 18, ["Cộng", None, 10, 8], bold=True, box=True)
    signature(ws, 20, last)
    widths(ws, 6, 32, 8, 8, 40, 26, 12, 14, 12)
    save(wb, path, "Kế hoạch CCHC 2025 xã Đông Quang", "UBND xã Đông Quang")


# ---------------------------------------------------------------------------------------------
# 03 A task column headed with a year ("Nhiệm vụ, giải pháp duy trì năm 2025")


def wb03(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "PL II"
    last = 10
    quoc_hieu(ws, last, ("UBND HUYỆN CƯ M'GAR", "UBND XÃ EA KPAM", ""),
              "Ea Kpam, ngày 15 tháng 01 năm 2025")
    line(ws, 5, "PHỤ LỤC II: CHỈ TIÊU VÀ NHIỆM VỤ DUY TRÌ CÁC TIÊU CHÍ CHỈ SỐ CCHC NĂM 2025",
         last)
    line(ws, 6, "(Kèm theo Kế hoạch số 05/KH-UBND ngày 15/01/2025 của UBND xã Ea Kpam)", last,
         bold=False, italic=True)
    put(ws, 8, ["TT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa",
                "Điểm thẩm định năm 2024", "Chỉ tiêu phấn đấu năm 2025",
                "Nhiệm vụ, giải pháp duy trì năm 2025", "Bộ phận chủ trì", "Thời hạn năm 2025",
                "Trạng thái", "Ngày cập nhật"], bold=True, box=True)
    rows: list[tuple[bool, Row]] = [
        (True, ["1", "Công tác chỉ đạo, điều hành", 5, 4.5, 5]),
        (False, ["1.1", "Ban hành kế hoạch CCHC", 2, 2, 2,
                 "Duy trì ban hành kế hoạch CCHC đúng thời hạn", "Văn phòng - Thống kê",
                 "Tháng 1/2025", "Hoàn thành", D(2025, 1, 20)]),
        (False, ["1.2", "Chế độ báo cáo CCHC", 3, 2.5, 3,
                 "Báo cáo đầy đủ, đúng hạn; không để cấp trên nhắc", "Văn phòng - Thống kê",
                 "Hằng quý", "Đang thực hiện", D(2025, 6, 15)]),
        (True, ["2", "Hiện đại hóa hành chính", 5, 3, 4.5]),
        (False, ["2.1", "Ứng dụng công nghệ thông tin", 2, 2, 2,
                 "Duy trì hệ thống quản lý văn bản và điều hành", "Văn hóa - Xã hội",
                 "Thường xuyên", "Đang thực hiện", D(2025, 6, 20)]),
        (False, ["2.2", "Dịch vụ công trực tuyến", 3, 1, 2.5,
                 "Tăng tỷ lệ hồ sơ nộp trực tuyến lên 50%", "Văn hóa - Xã hội", "30/6/2025",
                 "Đang thực hiện", D(2025, 6, 29)]),
    ]
    for i, (bold, values) in enumerate(rows):
        put(ws, 9 + i, values, bold=bold, box=True)
    signature(ws, 16, last)
    widths(ws, 6, 30, 8, 10, 10, 40, 22, 14, 14, 12)
    save(wb, path, "Phụ lục II Kế hoạch CCHC 2025 xã Ea Kpam", "UBND xã Ea Kpam")


# ---------------------------------------------------------------------------------------------
# 04 A score sheet whose numbers are typed in the name cell + a task sheet (plan year from the
#    scored year named in the titles)


def wb04(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Bảng điểm"
    last = 5
    line(ws, 1, "UBND XÃ TÂN LẬP", last)
    line(ws, 3, "KẾT QUẢ TỰ CHẤM VÀ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024", last)
    line(ws, 4, "(Theo Quyết định số 1520/QĐ-UBND ngày 30 tháng 12 năm 2023 của UBND huyện)",
         last, bold=False, italic=True)
    put(ws, 6, ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa",
                "Điểm tự chấm 2024", "Điểm thẩm định 2024"], bold=True, box=True)
    column_numbers(ws, 7, 5)
    rows: list[tuple[bool, Row]] = [
        (True, ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 6, 5.5, 5]),
        (False, [None, "1.1. Ban hành kế hoạch CCHC năm", 2, 2, 2]),
        (False, [None, "1.2. Mức độ hoàn thành kế hoạch CCHC", 2, 2, 1.5]),
        (False, [None, "1.3. Thực hiện chế độ báo cáo định kỳ", 2, 1.5, 1.5]),
        (True, ["II", "QUY HOẠCH VÀ XÂY DỰNG", 8, 6, 5]),
        (False, [None, "2.1. Công khai quy hoạch được phê duyệt", 2, 2, 2]),
        (False, [None, "2.2. Quản lý quy hoạch", 6, 4, 3]),
        (False, [None, "2.2.1. Lập nhiệm vụ quy hoạch", 2, 2, 1.5]),
        (False, [None, "2.2.2. Công bố quy hoạch", 2, 1, 1]),
        (False, [None, "2.2.3. Quy hoạch chi tiết điểm dân cư nông thôn", 2, 1, 0.5]),
    ]
    for i, (bold, values) in enumerate(rows):
        put(ws, 8 + i, values, bold=bold, box=True)
    put(ws, 18, ["TỔNG SỐ ĐIỂM", None, 14, 11.5, 10], bold=True, box=True)
    merge(ws, "A18:B18")
    widths(ws, 6, 50, 8, 10, 10)
    ts = wb.create_sheet("Phân công")
    last = 7
    line(ts, 1, "UBND XÃ TÂN LẬP", last)
    line(ts, 3, "PHÂN CÔNG NHIỆM VỤ KHẮC PHỤC CÁC TIÊU CHÍ BỊ MẤT ĐIỂM NĂM 2024", last)
    put(ts, 5, ["TT", "Tiêu chí", "Nhiệm vụ khắc phục", "Người phụ trách", "Thời gian thực hiện",
                "Tình trạng", "Kết quả thực hiện"], bold=True, box=True)
    tasks: list[Row] = [
        [1, "1.2", "Đôn đốc các bộ phận hoàn thành đúng hạn các nhiệm vụ trong Kế hoạch CCHC",
         "Đ/c Lan, Phó Chủ tịch", "Quý IV", "Đang thực hiện", "Đã hoàn thành 8/10 nhiệm vụ"],
        [2, "1.3", "Gửi báo cáo CCHC định kỳ đúng hạn", "Công chức Văn phòng - Thống kê",
         "Hằng quý", "Đang thực hiện", None],
        [3, "2.2.3", "Lập quy hoạch chi tiết điểm dân cư nông thôn thôn Đồng",
         "Công chức Địa chính - Xây dựng", "Tháng 10/2025", "Hoàn thành",
         "QĐ phê duyệt số 88/QĐ-UBND"],
        [4, "2.2.2", "Công bố công khai quy hoạch được duyệt tại nhà văn hóa các thôn",
         "Công chức Địa chính - Xây dựng", "30/9/2025", "Chưa thực hiện", None],
    ]
    for i, values in enumerate(tasks):
        put(ts, 6 + i, values, box=True)
    signature(ts, 12, last, body="KT. CHỦ TỊCH", role="PHÓ CHỦ TỊCH", name="Lê Thị Lan")
    widths(ts, 5, 10, 48, 28, 14, 14, 28)
    save(wb, path, "Bảng điểm và phân công khắc phục CCHC xã Tân Lập", "UBND xã Tân Lập")


# ---------------------------------------------------------------------------------------------
# 05 Areas written "Lĩnh vực 1"; self-assessed and re-checked scores; a task on an area row


def wb05(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Phụ lục 01"
    last = 9
    quoc_hieu(ws, last, ("UBND THỊ XÃ BUÔN HỒ", "UBND PHƯỜNG AN LẠC", "Số: 12/KH-UBND"),
              "An Lạc, ngày 20 tháng 02 năm 2025")
    line(ws, 5, "PHỤ LỤC 01", last)
    line(ws, 6, "CÁC GIẢI PHÁP KHẮC PHỤC TIÊU CHÍ BỊ TRỪ ĐIỂM, NÂNG CAO CHỈ SỐ CCHC NĂM 2025",
         last)
    put(ws, 8, ["Lĩnh vực, tiêu chí", "Nội dung", "Điểm tối đa", "Điểm số tự chấm năm 2024",
                "Điểm phúc tra năm 2024", "Giải pháp khắc phục", "Chủ trì",
                "Thời gian thực hiện", "Tình trạng"], bold=True, box=True)
    rows: list[tuple[bool, Row]] = [
        (True, ["Lĩnh vực 1", "Công tác chỉ đạo, điều hành CCHC", 5, 5, 4.5]),
        (False, ["1.1", "Kế hoạch CCHC năm", 2, 2, 2, "Ban hành kế hoạch CCHC đúng hạn",
                 "Văn phòng - Thống kê", "Tháng 1/2025", "Hoàn thành"]),
        (False, ["1.2", "Kiểm tra công tác CCHC", 3, 3, 2.5,
                 "Xây dựng và thực hiện kế hoạch kiểm tra CCHC", "Văn phòng - Thống kê",
                 "Quý III/2025", "Đang thực hiện"]),
        (True, ["Lĩnh vực 2", "Cải cách thủ tục hành chính", 6, 5, 4,
                "Tổ chức hội nghị đối thoại với người dân, doanh nghiệp về TTHC",
                "Tư pháp - Hộ tịch", "Quý IV/2025", "Chưa thực hiện"]),
        (False, ["2.1", "Công khai TTHC", 3, 3, 3]),
        (False, ["2.2", "Giải quyết hồ sơ đúng hạn", 3, 2, 1]),
        (True, ["Lĩnh vực 3", "Hiện đại hóa hành chính", 4, 3, 3]),
        (False, ["3.1", "Dịch vụ công trực tuyến", 4, 3, 3,
                 "Tăng tỷ lệ hồ sơ trực tuyến toàn trình", "Văn hóa - Xã hội", "Năm 2025",
                 "Đang thực hiện"]),
    ]
    for i, (bold, values) in enumerate(rows):
        put(ws, 9 + i, values, bold=bold, box=True)
    signature(ws, 19, last)
    widths(ws, 12, 32, 8, 10, 10, 44, 22, 14, 14)
    save(wb, path, "Phụ lục 01 Kế hoạch CCHC 2025 phường An Lạc", "UBND phường An Lạc")


# ---------------------------------------------------------------------------------------------
# 06 a)/b) scoring levels (alternatives, not parts)


def wb06(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Phụ lục"
    last = 8
    line(ws, 1, "UBND XÃ NGHĨA TRUNG", last)
    line(ws, 2, "PHỤ LỤC KẾ HOẠCH NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025", last)
    put(ws, 4, ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Điểm đạt năm 2024",
                "Nhiệm vụ", "Chủ trì", "Thời hạn", "Trạng thái"], bold=True, box=True)
    rows: list[tuple[bool, Row]] = [
        (True, ["I", "Công tác chỉ đạo, điều hành", 3, 3]),
        (False, [1, "Ban hành kế hoạch CCHC năm", 1, 1,
                 "Ban hành Kế hoạch CCHC năm 2026 trước ngày 31/12/2025",
                 "Văn phòng - Thống kê", "31/12/2025", "Chưa thực hiện"]),
        (False, ["a)", "Ban hành đúng thời hạn (trước 31/12 năm trước)", 1, 1]),
        (False, ["b)", "Ban hành chậm so với thời hạn", 0.5, None]),
        (False, [2, "Xác định nhiệm vụ trọng tâm", 2, 2]),
        (True, ["II", "Cải cách chế độ công vụ", 4, 3]),
        (False, [1, "Thực hiện quy định về vị trí việc làm", 2, 2]),
        (False, [2, "Tuyển dụng, sử dụng công chức", 2, 1,
                 "Bố trí công chức đúng vị trí việc làm, không để sai sót",
                 "Văn phòng - Thống kê", "Quý III/2025", "Đang thực hiện"]),
        (False, ["a)", "Đúng quy định", 2, None]),
        (False, ["b)", "Có sai sót, được khắc phục trong năm", 1, 1]),
    ]
    for i, (bold, values) in enumerate(rows):
        put(ws, 5 + i, values, bold=bold, box=True)
    widths(ws, 6, 44, 8, 10, 44, 22, 14, 14)
    save(wb, path, "Phụ lục Kế hoạch CCHC 2025 xã Nghĩa Trung", "UBND xã Nghĩa Trung")


# ---------------------------------------------------------------------------------------------
# 07 Collective units ("Các phòng, ban, đơn vị", "Trưởng các thôn, buôn") and the new bodies


def wb07(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Tiêu chí"
    line(ws, 1, "KHUNG TIÊU CHÍ CHỈ SỐ CCHC (KẾT QUẢ NĂM 2024)", 4)
    put(ws, 3, ["Mã số", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024"], bold=True, box=True)
    crit: list[Row] = [
        ["1", "Tuyên truyền, công khai về CCHC", 5, 4.5],
        ["1.1", "Tuyên truyền CCHC đến Nhân dân", 2, 2],
        ["1.2", "Công khai TTHC tại thôn, buôn", 2, 1.5],
        ["1.3", "Cập nhật dữ liệu hộ tịch điện tử", 1, 1],
    ]
    for i, values in enumerate(crit):
        put(ws, 4 + i, values, bold=i == 0, box=True)
    ts = wb.create_sheet("Phân công nhiệm vụ")
    last = 8
    quoc_hieu(ts, last, ("", "UBND XÃ CƯ SUÊ", ""), "Cư Suê, ngày 05 tháng 7 năm 2025")
    line(ts, 5, "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH CCHC NĂM 2025", last)
    put(ts, 7, ["STT", "Nội dung nhiệm vụ", "Mã tiêu chí", "Đơn vị chủ trì", "Đơn vị phối hợp",
                "Thời gian hoàn thành", "Tình trạng", "Ngày cập nhật"], bold=True, box=True)
    tasks: list[Row] = [
        [1, "Tuyên truyền Kế hoạch CCHC năm 2025 đến Nhân dân", "1.1", "Các phòng, ban, đơn vị",
         "Trưởng các thôn, buôn", "Quý II/2025", "Hoàn thành", D(2025, 6, 20)],
        [2, "Niêm yết TTHC tại nhà văn hóa các thôn, buôn", "1.2", "Trưởng các thôn, buôn",
         "Các phòng, ban, đơn vị", "Tháng 9/2025", "Đang thực hiện", D(2025, 6, 25)],
        [3, "Rà soát TTHC niêm yết tại Trung tâm", "1.2",
         "Văn phòng HĐND và UBND; Phòng Kinh tế", None, "30/6/2025", "Đang thực hiện",
         D(2025, 6, 28)],
        [4, "Cập nhật dữ liệu hộ tịch lên hệ thống điện tử", "1.3",
         "Phòng Văn hóa - Xã hội\nTrung tâm Phục vụ hành chính công",
         "các thôn, tổ dân phố", "31/8/2025", "Đang thực hiện", D(2025, 6, 27)],
        [5, "Kiểm tra việc niêm yết TTHC tại các thôn", "1.1, 1.2", "Phòng Kinh tế",
         "Văn phòng HĐND và UBND, Phòng Văn hóa - Xã hội", "31/12/2025", "Chưa thực hiện",
         D(2025, 6, 27)],
    ]
    for i, values in enumerate(tasks):
        put(ts, 8 + i, values, box=True)
    widths(ts, 5, 44, 10, 30, 30, 14, 14, 12)
    save(wb, path, "Phân công CCHC 2025 xã Cư Suê", "UBND xã Cư Suê")


# ---------------------------------------------------------------------------------------------
# 08 A plan in two parts: A. Chỉ số CCHC, B. Chỉ số SIPAS (each numbered from 1)


def wb08(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Phụ lục"
    last = 8
    quoc_hieu(ws, last, ("UBND HUYỆN CỦ CHI", "UBND XÃ TÂN THÔNG HỘI", ""),
              "Tân Thông Hội, ngày 14 tháng 3 năm 2025")
    line(ws, 5, "PHỤ LỤC", last)
    line(ws, 6, "NHIỆM VỤ, GIẢI PHÁP NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX) VÀ CHỈ SỐ "
             "HÀI LÒNG (SIPAS) NĂM 2025", last)
    put(ws, 8, ["STT", "Nội dung", "Điểm tối đa", "Điểm đạt năm 2024", "Nhiệm vụ, giải pháp",
                "Bộ phận chủ trì", "Thời gian hoàn thành", "Tình trạng"], bold=True, box=True)
    rows: list[tuple[bool, Row]] = [
        (True, ["A", "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)"]),
        (True, ["1", "Công tác chỉ đạo, điều hành", 4, 3.5]),
        (False, ["1.1", "Kế hoạch CCHC", 2, 2, "Ban hành kế hoạch CCHC năm 2025",
                 "Văn phòng - Thống kê", "Tháng 01/2025", "Hoàn thành"]),
        (False, ["1.2", "Báo cáo CCHC", 2, 1.5, "Báo cáo CCHC đúng hạn",
                 "Văn phòng - Thống kê", "Hằng quý", "Đang thực hiện"]),
        (True, ["2", "Cải cách thủ tục hành chính", 3, 2]),
        (False, ["2.1", "Giải quyết TTHC đúng hạn", 3, 2, "Không để hồ sơ trễ hạn",
                 "Tư pháp - Hộ tịch", "Thường xuyên", "Đang thực hiện"]),
        (True, ["B", "CHỈ SỐ HÀI LÒNG (SIPAS)"]),
        (False, ["1", "Tiếp cận dịch vụ", 10, 8,
                 "Bố trí ghế chờ, nước uống, wifi tại Bộ phận Một cửa", "Văn phòng - Thống kê",
                 "Quý II/2025", "Hoàn thành"]),
        (False, ["2", "Thủ tục hành chính", 10, 9]),
        (False, ["3", "Công chức trực tiếp giải quyết công việc", 10, 7,
                 "Tập huấn kỹ năng giao tiếp cho công chức Một cửa", "Văn phòng - Thống kê",
                 "Quý III/2025", "Chưa thực hiện"]),
        (False, ["4", "Kết quả giải quyết công việc", 10, 10]),
    ]
    for i, (bold, values) in enumerate(rows):
        put(ws, 9 + i, values, bold=bold, box=True)
    put(ws, 20, ["TỔNG CỘNG (A+B)", None, 47, 39.5], bold=True, box=True)
    signature(ws, 22, last)
    widths(ws, 6, 36, 8, 10, 44, 22, 14, 14)
    save(wb, path, "Phụ lục PAR và SIPAS 2025 xã Tân Thông Hội", "UBND xã Tân Thông Hội")


# ---------------------------------------------------------------------------------------------
# 09 Chuẩn tiếp cận pháp luật: "Tiêu chí 1" / "Chỉ tiêu 1", "Điểm số tự chấm"


def wb09(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "TCPL"
    last = 8
    quoc_hieu(ws, last, ("UBND HUYỆN BẢO YÊN", "UBND XÃ XUÂN THƯỢNG", "Số: 20/KH-UBND"),
              "Xuân Thượng, ngày 12 tháng 02 năm 2025")
    line(ws, 5, "KẾ HOẠCH", last)
    line(ws, 6, "XÂY DỰNG XÃ ĐẠT CHUẨN TIẾP CẬN PHÁP LUẬT NĂM 2025", last)
    put(ws, 8, ["TT", "Tiêu chí, chỉ tiêu", "Nội dung", "Điểm số tối đa",
                "Điểm số tự chấm năm 2024", "Nhiệm vụ, giải pháp", "Công chức phụ trách",
                "Thời gian"], bold=True, box=True)
    rows: list[tuple[bool, Row]] = [
        (True, [1, "Tiêu chí 1", "Bảo đảm thi hành Hiến pháp và pháp luật", 15, 13]),
        (False, [None, "Chỉ tiêu 1", "Ban hành văn bản QPPL đúng thẩm quyền, đúng thủ tục", 5,
                 5]),
        (False, [None, "Chỉ tiêu 2", "Thực hiện nhiệm vụ do cấp trên giao", 5, 4,
                 "Theo dõi, đôn đốc thực hiện các nhiệm vụ cấp trên giao",
                 "Công chức Văn phòng - Thống kê", "Thường xuyên"]),
        (False, [None, "Chỉ tiêu 3", "Không có cán bộ, công chức vi phạm pháp luật", 5, 4]),
        (True, [2, "Tiêu chí 2", "Thực hiện TTHC thuộc thẩm quyền của UBND cấp xã", 30, 28,
                "Giải quyết TTHC đúng hạn, công khai đầy đủ", "Công chức Tư pháp - Hộ tịch",
                "Thường xuyên"]),
        (True, [3, "Tiêu chí 3", "Phổ biến, giáo dục pháp luật", 25, 20,
                "Tổ chức Ngày Pháp luật hằng tháng; tủ sách pháp luật",
                "Công chức Tư pháp - Hộ tịch", "Hằng tháng"]),
        (True, [4, "Tiêu chí 4", "Hòa giải ở cơ sở", 10, 10]),
        (True, [5, "Tiêu chí 5", "Thực hiện dân chủ ở cơ sở", 20, 18,
                "Công khai các nội dung theo Luật Thực hiện dân chủ ở cơ sở",
                "Công chức Văn phòng - Thống kê", "Quý III/2025"]),
    ]
    for i, (bold, values) in enumerate(rows):
        put(ws, 9 + i, values, bold=bold, box=True)
    put(ws, 17, [None, "Tổng số điểm", None, 100, 93], bold=True, box=True)
    signature(ws, 19, last)
    widths(ws, 5, 12, 44, 8, 10, 44, 26, 14)
    save(wb, path, "Kế hoạch tiếp cận pháp luật 2025 xã Xuân Thượng", "UBND xã Xuân Thượng")


# ---------------------------------------------------------------------------------------------
# 10 Nông thôn mới: criteria met / not met, no points


def wb10(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "NTM 2025"
    last = 8
    quoc_hieu(ws, last, ("UBND HUYỆN LẠC SƠN", "UBND XÃ ÂN NGHĨA", ""),
              "Ân Nghĩa, ngày 20 tháng 01 năm 2025")
    line(ws, 5, "KẾ HOẠCH DUY TRÌ, NÂNG CAO CHẤT LƯỢNG CÁC TIÊU CHÍ XÃ NÔNG THÔN MỚI NĂM 2025",
         last)
    line(ws, 6, "(Theo Bộ tiêu chí xã nông thôn mới tỉnh Hòa Bình ban hành kèm theo Quyết định "
             "số 816/QĐ-UBND ngày 19/5/2017)", last, bold=False, italic=True)
    put(ws, 8, ["TT", "Tên tiêu chí", "Chỉ tiêu phấn đấu năm 2025", "Hiện trạng năm 2024",
                "Nhiệm vụ, giải pháp", "Đơn vị chủ trì", "Thời gian hoàn thành", "Tình trạng"],
        bold=True, box=True)
    rows: list[Row] = [
        [1, "Quy hoạch", "Đạt", "Đạt", "Rà soát, điều chỉnh quy hoạch chung xây dựng xã",
         "Địa chính - Xây dựng", "Quý III/2025", "Đang thực hiện"],
        [2, "Giao thông", "Đạt", "Chưa đạt", "Cứng hóa 1,2 km đường trục thôn Bái",
         "Địa chính - Xây dựng", "Tháng 11/2025", "Đang thực hiện"],
        [5, "Trường học", "Đạt", "Đạt", None],
        [17, "Môi trường và an toàn thực phẩm", "Đạt", "Chưa đạt",
         "Thu gom, xử lý rác thải sinh hoạt tại các thôn", "Văn hóa - Xã hội", "Thường xuyên",
         "Đang thực hiện"],
        [18, "Hệ thống chính trị và tiếp cận pháp luật", "Đạt", "Đạt",
         "Duy trì xã đạt chuẩn tiếp cận pháp luật", "Tư pháp - Hộ tịch", "Năm 2025",
         "Đang thực hiện"],
        [19, "Quốc phòng và An ninh", "Đạt", "Đạt", "Xây dựng lực lượng dân quân vững mạnh",
         "Chỉ huy trưởng Quân sự", "31/12/2025", "Chưa thực hiện"],
    ]
    for i, values in enumerate(rows):
        put(ws, 9 + i, values, box=True)
    signature(ws, 16, last)
    widths(ws, 5, 34, 12, 12, 44, 24, 14, 14)
    save(wb, path, "Kế hoạch nông thôn mới 2025 xã Ân Nghĩa", "UBND xã Ân Nghĩa")


# ---------------------------------------------------------------------------------------------
# 11 Chuyển đổi số (DTI) cấp xã


def wb11(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "DTI xã"
    last = 9
    line(ws, 1, "UBND XÃ MỸ TÂN", last)
    line(ws, 3, "KẾ HOẠCH NÂNG CAO CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ (DTI) CẤP XÃ NĂM 2025", last)
    put(ws, 5, ["STT", "Chỉ số chính / Chỉ số thành phần", "Điểm tối đa",
                "Điểm tự đánh giá năm 2024", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Trạng thái",
                "Tài liệu kiểm chứng"], bold=True, box=True)
    rows: list[tuple[bool, Row]] = [
        (True, ["1", "Nhận thức số", 20, 15]),
        (False, ["1.1", "Ban Chỉ đạo chuyển đổi số do Chủ tịch UBND xã làm Trưởng ban", 10, 10]),
        (False, ["1.2", "Văn bản chỉ đạo chuyên đề về chuyển đổi số", 10, 5,
                 "Ban hành kế hoạch chuyển đổi số năm 2025", "Văn phòng - Thống kê",
                 "Quý I/2025", "Hoàn thành", "Kế hoạch số 15/KH-UBND"]),
        (True, ["2", "Hạ tầng số", 20, 18]),
        (False, ["2.1", "Tỷ lệ hộ gia đình có cáp quang", 10, 8,
                 "Phối hợp doanh nghiệp viễn thông kéo cáp quang đến các thôn",
                 "Văn hóa - Xã hội", "Quý IV/2025", "Đang thực hiện", None]),
        (False, ["2.2", "Camera an ninh tại các điểm công cộng", 10, 10]),
        (True, ["3", "Hoạt động chính quyền số", 30, 21]),
        (False, ["3.1", "Tỷ lệ hồ sơ dịch vụ công trực tuyến", 15, 9,
                 "Hướng dẫn người dân nộp hồ sơ trực tuyến tại Bộ phận Một cửa",
                 "Tổ công nghệ số cộng đồng", "Tháng 5/2025", "Hoàn thành", None]),
        (False, ["3.2", "Số hóa hồ sơ, kết quả giải quyết TTHC", 15, 12]),
    ]
    for i, (bold, values) in enumerate(rows):
        put(ws, 6 + i, values, bold=bold, box=True)
    put(ws, 15, ["Tổng", None, 70, 54], bold=True, box=True)
    widths(ws, 5, 44, 8, 10, 44, 24, 12, 14, 24)
    save(wb, path, "Kế hoạch DTI cấp xã 2025 xã Mỹ Tân", "UBND xã Mỹ Tân")


# ---------------------------------------------------------------------------------------------
# 12 A province's (district's) result table: one row per commune, a column per area


def wb12(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Kết quả 2024"
    last = 10
    quoc_hieu(ws, last, ("UBND HUYỆN KRÔNG PẮC", "", ""), "Krông Pắc, ngày 25 tháng 3 năm 2025")
    line(ws, 5, "KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024", last)
    line(ws, 6, "CỦA UBND CÁC XÃ, THỊ TRẤN TRÊN ĐỊA BÀN HUYỆN", last)
    line(ws, 7, "(Kèm theo Quyết định số 640/QĐ-UBND ngày 25/3/2025 của UBND huyện)", last,
         bold=False, italic=True)
    header2(ws, 9, [("STT", None), ("Đơn vị", None),
                    ("Điểm các lĩnh vực", "1. Chỉ đạo, điều hành (10)"),
                    ("Điểm các lĩnh vực", "2. Thể chế (8)"),
                    ("Điểm các lĩnh vực", "3. Thủ tục hành chính (20)"),
                    ("Điểm các lĩnh vực", "4. Công vụ (12)"),
                    ("Điểm các lĩnh vực", "5. Hiện đại hóa (20)"),
                    ("Tổng điểm (70)", None), ("Chỉ số (%)", None), ("Xếp hạng", None)])
    rows: list[Row] = [
        [1, "Thị trấn Phước An", 10, 7.5, 19, 11.5, 18, 66, 94.29, 1],
        [2, "Xã Hòa An", 9.5, 7, 18.5, 11, 17.5, 63.5, 90.71, 2],
        [3, "Xã Ea Kênh", 9, 6.5, 17, 10.5, 16, 59, 84.29, 3],
        [4, "Xã Hòa Tiến", 8.5, 6, 16.5, 10, 15, 56, 80.0, 4],
        [5, "Xã Ea Yông", 7, 5.5, 15, 9, 13.5, 50, 71.43, 5],
    ]
    for i, values in enumerate(rows):
        put(ws, 11 + i, values, box=True)
    widths(ws, 5, 22, 12, 12, 12, 12, 12, 10, 10, 8)
    save(wb, path, "Kết quả Chỉ số CCHC 2024 các xã, thị trấn huyện Krông Pắc",
         "UBND huyện Krông Pắc")


# ---------------------------------------------------------------------------------------------
# 13 Separate criteria and task sheets, typed by hand; codes written many ways


def wb13(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Tiêu chí"
    line(ws, 1, "UBND XÃ HÒA PHÚ", 5)
    line(ws, 2, "KẾT QUẢ CHỈ SỐ CCHC CÁC NĂM 2023, 2024", 5)
    header2(ws, 4, [("STT", None), ("Tiêu chí", None), ("Điểm tối đa", None),
                    ("Điểm đạt", "Năm 2023"), ("Điểm đạt", "Năm 2024")])
    crit: list[tuple[bool, Row]] = [
        (True, ["1", "Công tác chỉ đạo, điều hành", 6, 6, 5]),
        (False, ["1.1", "Kế hoạch CCHC", 2, 2, 2]),
        (False, ["1.2", "Báo cáo CCHC", 2, 2, 1]),
        (False, ["1.3", "Kiểm tra CCHC", 2, 2, 2]),
        (True, ["2", "Cải cách thủ tục hành chính", 6, 5, 5]),
        (False, ["2.1", "Công khai TTHC", 3, 3, 3]),
        (False, ["2.2", "Giải quyết hồ sơ đúng hạn", 3, 2, 2]),
        (True, ["3", "Hiện đại hóa hành chính", 4, 2, 3]),
        (False, ["3.1", "Dịch vụ công trực tuyến", 4, 2, 3]),
    ]
    for i, (bold, values) in enumerate(crit):
        put(ws, 6 + i, values, bold=bold, box=True)
    widths(ws, 6, 36, 8, 10, 10)
    ts = wb.create_sheet("Phân công")
    last = 9
    line(ts, 1, "UBND XÃ HÒA PHÚ", last)
    line(ts, 2, "PHÂN CÔNG NHIỆM VỤ NÂNG CAO CHỈ SỐ CCHC NĂM 2025", last)
    line(ts, 3, "(Kèm theo Kế hoạch số 18/KH-UBND ngày 22/01/2025 của UBND xã Hòa Phú)", last,
         bold=False, italic=True)
    put(ts, 5, ["TT", "Nhiệm vụ", "Tiêu chí", "Chủ trì", "Phối hợp", "Thời hạn", "Trạng thái",
                "Cập nhật", "Minh chứng"], bold=True, box=True)
    tasks: list[Row] = [
        [1, "Rà soát, gửi báo cáo CCHC đúng hạn; theo dõi hồ sơ trễ hạn", "1.2; 2.2",
         "Văn phòng - Thống kê", "Tư pháp - Hộ tịch", "10/7/2025", "Đang thực hiện",
         D(2025, 6, 20), None],
        [2, "Tăng tỷ lệ hồ sơ trực tuyến toàn trình", "Tiêu chí 3.1", "Văn hóa - Xã hội", None,
         "Quý III/2025", "Đang thực hiện", D(2025, 6, 25), None],
        [3, "Thực hiện mô hình dân vận khéo trong CCHC", "9.9", "Tư pháp - Hộ tịch", None,
         "30/5/2025", "Hoàn thành", D(2025, 5, 30), "Báo cáo số 40/BC-UBND"],
        [4, "Ban hành kế hoạch kiểm tra CCHC năm 2025", "1.1", "Văn phòng - Thống kê", None,
         None, "Chưa thực hiện", D(2025, 6, 20), None],
        [5, "Niêm yết công khai TTHC mới ban hành", "2.1 (ưu tiên)", "Tư pháp - Hộ tịch", None,
         "Hàng tháng", "Đang thực hiện", D(2025, 5, 25), None],
    ]
    for i, values in enumerate(tasks):
        put(ts, 6 + i, values, box=True)
    signature(ts, 12, last)
    widths(ts, 5, 44, 12, 22, 20, 12, 14, 12, 24)
    save(wb, path, "Kế hoạch CCHC 2025 xã Hòa Phú", "UBND xã Hòa Phú")


# ---------------------------------------------------------------------------------------------
# 14 A plan filled from `cchc template` (titles "… KẾ HOẠCH NĂM 2026", scores 2025 / 2024)


def wb14(path: Path) -> None:
    wb = load_workbook(ROOT / "workbook_templates" / "ke-hoach-cchc-mau.xlsx")
    ws = wb["Tiêu chí"]
    ws["A1"] = "UBND XÃ PHÚC LỘC"
    for row in ws.iter_rows(min_row=6, max_row=ws.max_row):
        for cell in row:
            cell.value = None
    crit: list[Row] = [
        ["1", "Công tác chỉ đạo, điều hành CCHC", None, None, None],
        ["1.1", "Kế hoạch CCHC năm", 2, 2, 2],
        ["1.2", "Báo cáo CCHC", 2, 1, 1.5],
        ["2", "Cải cách thủ tục hành chính", None, None, None],
        ["2.1", "Công khai TTHC", 3, 3, 3],
        ["2.2", "Giải quyết hồ sơ đúng hạn", 3, 2, 2],
    ]
    for i, values in enumerate(crit):
        put(ws, 6 + i, values, bold=len(str(values[0])) == 1)
    ts = wb["Phân công"]
    ts["A1"] = "UBND XÃ PHÚC LỘC"
    ts["A3"] = "(Kèm theo Kế hoạch số 09/KH-UBND ngày 08/01/2026 của UBND xã Phúc Lộc)"
    tasks: list[Row] = [
        [1, "1.2", "Báo cáo CCHC quý I đúng hạn", "Văn phòng HĐND và UBND", None, "Trước 30/4",
         "Đang thực hiện", None, None, None, D(2026, 4, 20), None],
        [2, "2.2", "Theo dõi, cảnh báo hồ sơ sắp trễ hạn", "Trung tâm Phục vụ hành chính công",
         None, "Thường xuyên", "Đang thực hiện", None, None, None, D(2026, 5, 10), None],
        [3, "1.1", "Ban hành Kế hoạch CCHC năm 2026", "Văn phòng HĐND và UBND", None,
         "15/01/2026", "Hoàn thành", None, "Đã ban hành", "Kế hoạch số 09/KH-UBND",
         D(2026, 1, 8), D(2026, 1, 8)],
    ]
    for i, values in enumerate(tasks):
        put(ts, 6 + i, values)
    save(wb, path, "Kế hoạch CCHC 2026 xã Phúc Lộc (từ mẫu cchc template)", "UBND xã Phúc Lộc")


# ---------------------------------------------------------------------------------------------
# 15 SIPAS results written as percentages


def wb15(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "SIPAS"
    last = 8
    line(ws, 1, "UBND PHƯỜNG TÂN AN", last)
    line(ws, 3, "KẾ HOẠCH NÂNG CAO CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC ĐỐI VỚI SỰ PHỤC VỤ "
             "CỦA CƠ QUAN HÀNH CHÍNH NHÀ NƯỚC (SIPAS) NĂM 2025", last)
    put(ws, 5, ["STT", "Yếu tố", "Điểm tối đa", "Kết quả đánh giá năm 2024", "Giải pháp",
                "Chủ trì", "Thời gian", "Tình trạng"], bold=True, box=True)
    rows: list[Row] = [
        [1, "Tiếp cận dịch vụ", 100, "82,5%", "Bố trí nơi chờ, biển chỉ dẫn rõ ràng",
         "Văn phòng - Thống kê", "Quý II/2025", "Hoàn thành"],
        [2, "Thủ tục hành chính", 100, 0.9],
        [3, "Công chức trực tiếp giải quyết công việc", 100, 78,
         "Tập huấn thái độ, kỹ năng giao tiếp", "Văn phòng - Thống kê", "Quý III/2025",
         "Đang thực hiện"],
        [4, "Kết quả dịch vụ", 100, "85,0%"],
        [5, "Tiếp nhận, xử lý góp ý, phản ánh", 100, 0.7,
         "Công khai đường dây nóng, hộp thư góp ý", "Tư pháp - Hộ tịch", "Tháng 7/2025",
         "Đang thực hiện"],
        [6, "Tỷ lệ phiếu khảo sát hợp lệ (điểm cộng)", 2, "75%"],
    ]
    for i, values in enumerate(rows):
        put(ws, 6 + i, values, box=True, pct=(4,) if isinstance(values[3], float) else ())
    widths(ws, 5, 40, 8, 12, 40, 22, 12, 14)
    save(wb, path, "Kế hoạch SIPAS 2025 phường Tân An", "UBND phường Tân An")


# ---------------------------------------------------------------------------------------------
# 16 Two name columns: "Tên tiêu chí" merged over the lines, "Nội dung tiêu chí" per line


def wb16(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Chấm điểm TC3"
    last = 5
    line(ws, 1, "UBND PHƯỜNG HÒA THUẬN", last)
    line(ws, 3, "KẾT QUẢ THẨM ĐỊNH TIÊU CHÍ CẢI CÁCH THỦ TỤC HÀNH CHÍNH NĂM 2024", last)
    put(ws, 5, ["STT", "Tên tiêu chí", "Nội dung tiêu chí", "Điểm tối đa",
                "Điểm thẩm định 2024"], bold=True, box=True)
    rows: list[Row] = [
        [3, "Cải cách thủ tục hành chính", "3.1. Công khai TTHC đầy đủ, đúng quy định", 2, 2],
        [None, None, "3.2. Tỷ lệ hồ sơ giải quyết đúng hạn", 3, 2],
        [None, None, "3.3. Số hóa kết quả giải quyết TTHC", 2, 1],
        [None, None, "3.4. Thanh toán trực tuyến phí, lệ phí", 1, 1],
    ]
    for i, values in enumerate(rows):
        put(ws, 6 + i, values, box=True)
    merge(ws, "A6:A9")
    merge(ws, "B6:B9")
    widths(ws, 5, 24, 44, 8, 10)
    ts = wb.create_sheet("Nhiệm vụ")
    line(ts, 1, "PHÂN CÔNG NHIỆM VỤ KHẮC PHỤC NĂM 2025", 6)
    put(ts, 3, ["STT", "Tiêu chí", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Tình trạng"], bold=True,
        box=True)
    tasks: list[Row] = [
        [1, "3.2", "Theo dõi, đôn đốc hồ sơ sắp đến hạn trên Hệ thống giải quyết TTHC",
         "Trung tâm Phục vụ hành chính công", "Quý III/2025", "Đang thực hiện"],
        [2, "3.3", "Số hóa 100% kết quả giải quyết TTHC còn hiệu lực",
         "Trung tâm Phục vụ hành chính công", "31/7/2025", "Chưa thực hiện"],
    ]
    for i, values in enumerate(tasks):
        put(ts, 4 + i, values, box=True)
    widths(ts, 5, 10, 50, 30, 12, 14)
    save(wb, path, "Chấm điểm tiêu chí 3 và nhiệm vụ 2025 phường Hòa Thuận",
         "UBND phường Hòa Thuận")


# ---------------------------------------------------------------------------------------------
# 17 Units before and after 1 July 2025


def wb17(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Phụ lục"
    last = 9
    quoc_hieu(ws, last, ("", "UBND XÃ HÁT MÔN", ""), "Hát Môn, ngày 15 tháng 7 năm 2025")
    line(ws, 5, "PHỤ LỤC PHÂN CÔNG NHIỆM VỤ CCHC NĂM 2025 (CẬP NHẬT SAU SẮP XẾP)", last)
    put(ws, 7, ["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024", "Nhiệm vụ",
                "Đơn vị chủ trì", "Thời hạn", "Tình trạng", "Ngày cập nhật"], bold=True,
        box=True)
    rows: list[tuple[bool, Row]] = [
        (True, ["1", "Công tác chỉ đạo, điều hành", 4, 3]),
        (False, ["1.1", "Kế hoạch CCHC", 2, 2, "Ban hành Kế hoạch CCHC năm 2025",
                 "Công chức Văn phòng - Thống kê", "Tháng 1/2025", "Hoàn thành",
                 D(2025, 1, 25)]),
        (False, ["1.2", "Báo cáo CCHC", 2, 1, "Báo cáo CCHC 6 tháng đầu năm",
                 "Công chức Văn phòng - Thống kê", "Tháng 6/2025", "Hoàn thành",
                 D(2025, 6, 28)]),
        (True, ["2", "Thủ tục hành chính", 4, 3]),
        (False, ["2.1", "Giải quyết TTHC đúng hạn", 4, 3,
                 "Vận hành Trung tâm Phục vụ hành chính công xã mới",
                 "Văn phòng HĐND và UBND", "Quý III/2025", "Đang thực hiện", D(2025, 9, 20)]),
        (False, [None, None, None, None, "Báo cáo CCHC 9 tháng", "Văn phòng HĐND và UBND",
                 "Trước 20/9", "Đang thực hiện", D(2025, 9, 10)]),
    ]
    for i, (bold, values) in enumerate(rows):
        put(ws, 8 + i, values, bold=bold, box=True)
    widths(ws, 5, 30, 8, 10, 44, 30, 14, 14, 12)
    save(wb, path, "Phụ lục CCHC 2025 xã Hát Môn", "UBND xã Hát Môn")


# ---------------------------------------------------------------------------------------------
# 18 A score sheet only; the score column has no year, the title names it


def wb18(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Tự chấm"
    last = 5
    quoc_hieu(ws, last, ("", "UBND XÃ HÒA THẮNG", ""), "Hòa Thắng, ngày 05 tháng 01 năm 2025")
    line(ws, 5, "KẾT QUẢ TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 CỦA UBND XÃ HÒA THẮNG",
         last)
    put(ws, 7, ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Điểm đạt",
                "Ghi chú"], bold=True, box=True)
    rows: list[tuple[bool, Row]] = [
        (True, ["1", "Công tác chỉ đạo, điều hành CCHC", 6, 5]),
        (False, ["1.1", "Kế hoạch CCHC năm", 2, 2]),
        (False, ["1.2", "Báo cáo CCHC", 2, 1, "Chậm 01 báo cáo quý"]),
        (False, ["1.3", "Kiểm tra CCHC", 2, 2]),
        (True, ["2", "Cải cách tổ chức bộ máy", 5, 1.5]),
        (False, ["2.1", "Thực hiện quy định về tổ chức bộ máy", 2, 1.5]),
        (False, ["2.2", "Quản lý biên chế", 2, 0, "Vượt số lượng cán bộ, công chức"]),
        (False, ["2.3", "Đơn vị sự nghiệp công lập trực thuộc", 1, "Không áp dụng",
                 "Xã không có đơn vị sự nghiệp"]),
    ]
    for i, (bold, values) in enumerate(rows):
        put(ws, 8 + i, values, bold=bold, box=True)
    put(ws, 16, [None, "Tổng cộng", 11, 6.5], bold=True, box=True)
    signature(ws, 18, last)
    widths(ws, 6, 44, 8, 10, 30)
    save(wb, path, "Kết quả tự chấm CCHC 2024 xã Hòa Thắng", "UBND xã Hòa Thắng")


# ---------------------------------------------------------------------------------------------
# 19 Bonus and penalty points (Hà Nội QĐ 5666/QĐ-UBND: 8 nội dung + điểm thưởng, điểm trừ)


def wb19(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Phụ lục"
    last = 8
    line(ws, 1, "UBND PHƯỜNG TÂY MỖ", last)
    line(ws, 2, "PHỤ LỤC NHIỆM VỤ NÂNG CAO CHỈ SỐ CCHC NĂM 2025", last)
    put(ws, 4, ["Mã", "Nội dung, tiêu chí", "Điểm tối đa", "Điểm thẩm định năm 2024",
                "Nhiệm vụ, giải pháp", "Đơn vị chủ trì", "Thời hạn", "Tình trạng"], bold=True,
        box=True)
    rows: list[tuple[bool, Row]] = [
        (True, ["Nội dung 1", "Công tác chỉ đạo, điều hành CCHC", 4, 3.5]),
        (False, ["1.1", "Kế hoạch CCHC", 2, 2]),
        (False, ["1.2", "Kiểm tra CCHC", 2, 1.5, "Kiểm tra CCHC tại các tổ dân phố",
                 "Văn phòng HĐND và UBND", "Quý III/2025", "Đang thực hiện"]),
        (True, ["Nội dung 3", "Cải cách TTHC và thực hiện cơ chế một cửa, một cửa liên thông",
                4, 3]),
        (False, ["3.1", "Hồ sơ giải quyết đúng hạn", 4, 3,
                 "Theo dõi hồ sơ trên Hệ thống giải quyết TTHC",
                 "Trung tâm Phục vụ hành chính công", "Thường xuyên", "Đang thực hiện"]),
        (True, ["Nội dung 9", "Điểm thưởng, điểm trừ trong công tác CCHC", 2, 0.5]),
        (False, ["9.1", "Điểm thưởng", 2, 1, "Đăng ký mô hình, sáng kiến CCHC mới",
                 "Văn phòng HĐND và UBND", "Quý IV/2025", "Chưa thực hiện"]),
        (False, ["9.2", "Điểm trừ", 0, -0.5]),
    ]
    for i, (bold, values) in enumerate(rows):
        put(ws, 5 + i, values, bold=bold, box=True)
    widths(ws, 12, 44, 8, 10, 44, 30, 14, 14)
    save(wb, path, "Phụ lục CCHC 2025 phường Tây Mỗ", "UBND phường Tây Mỗ")


# ---------------------------------------------------------------------------------------------
# 20 Last year's plan kept on its own sheet ("KH 2024" beside "KH 2025")


def _plan20(ws: Worksheet, year: int, rows: Sequence[Row]) -> None:
    last = 7
    line(ws, 1, "UBND XÃ PHÚC THỌ", last)
    line(ws, 2, f"PHÂN CÔNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM {year}", last)
    put(ws, 4, ["STT", "Mã tiêu chí", "Nhiệm vụ", "Bộ phận chủ trì", "Thời hạn", "Trạng thái",
                "Ngày cập nhật"], bold=True, box=True)
    for i, values in enumerate(rows):
        put(ws, 5 + i, values, box=True)
    widths(ws, 5, 10, 44, 24, 14, 14, 12)


def wb20(path: Path) -> None:
    wb, old = new_book()
    old.title = "KH 2024"
    _plan20(old, 2024, [
        [1, "1.1", "Ban hành kế hoạch CCHC năm", "Văn phòng - Thống kê", "31/01/2024",
         "Hoàn thành", D(2024, 1, 30)],
        [2, "1.2", "Báo cáo CCHC định kỳ đúng hạn", "Văn phòng - Thống kê", "Hằng quý",
         "Hoàn thành", D(2024, 12, 20)],
        [3, "2.1", "Công khai TTHC tại Bộ phận Một cửa", "Tư pháp - Hộ tịch", "Quý II/2024",
         "Hoàn thành", D(2024, 6, 28)],
    ])
    new = wb.create_sheet("KH 2025")
    _plan20(new, 2025, [
        [1, "1.1", "Ban hành kế hoạch CCHC năm", "Văn phòng - Thống kê", "31/01/2025",
         "Hoàn thành", D(2025, 1, 28)],
        [2, "1.2", "Báo cáo CCHC định kỳ đúng hạn", "Văn phòng - Thống kê", "Hằng quý",
         "Đang thực hiện", D(2025, 6, 25)],
        [3, "2.1", "Công khai TTHC tại Bộ phận Một cửa", "Tư pháp - Hộ tịch", "Quý II/2025",
         "Đang thực hiện", D(2025, 6, 1)],
    ])
    crit = wb.create_sheet("Tiêu chí")
    put(crit, 1, ["Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024"], bold=True)
    for i, values in enumerate([["1", "Chỉ đạo, điều hành", 4, 3], ["1.1", "Kế hoạch", 2, 2],
                                ["1.2", "Báo cáo", 2, 1], ["2", "TTHC", 3, 3],
                                ["2.1", "Công khai TTHC", 3, 3]]):
        put(crit, 2 + i, values)
    save(wb, path, "Kế hoạch CCHC xã Phúc Thọ", "UBND xã Phúc Thọ")


# ---------------------------------------------------------------------------------------------
# 21 An instructions sheet with a sample table, before the plan


def wb21(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Hướng dẫn"
    put(ws, 1, ["HƯỚNG DẪN CẬP NHẬT PHỤ LỤC"], bold=True)
    put(ws, 2, ["Các bộ phận cập nhật cột Tình trạng và Ngày cập nhật trước thứ Sáu hằng tuần."])
    put(ws, 3, ["Ví dụ cách ghi:"])
    put(ws, 4, ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Tình trạng"], bold=True)
    put(ws, 5, [1, "Ví dụ: Ban hành kế hoạch CCHC", "Văn phòng", "31/01/2025", "Hoàn thành"])
    put(ws, 6, [2, "Ví dụ: Báo cáo quý", "Văn phòng", "Hằng quý", "Đang thực hiện"])
    ps = wb.create_sheet("Phụ lục")
    last = 7
    line(ps, 1, "UBND XÃ ĐỨC HÒA", last)
    line(ps, 2, "PHỤ LỤC PHÂN CÔNG NHIỆM VỤ CCHC NĂM 2025", last)
    put(ps, 4, ["STT", "Mã tiêu chí", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Tình trạng",
                "Ngày cập nhật"], bold=True, box=True)
    tasks: list[Row] = [
        [1, "1.1", "Ban hành kế hoạch CCHC năm 2025", "Văn phòng - Thống kê", "31/01/2025",
         "Hoàn thành", D(2025, 1, 30)],
        [2, "1.2", "Tổ chức đối thoại với Nhân dân về CCHC", "Văn phòng - Thống kê",
         "Tháng 8/2025", "Chưa thực hiện", D(2025, 6, 27)],
    ]
    for i, values in enumerate(tasks):
        put(ps, 5 + i, values, box=True)
    cs = wb.create_sheet("Tiêu chí")
    put(cs, 1, ["Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024"], bold=True)
    for i, values in enumerate([["1", "Chỉ đạo, điều hành", 4, 3], ["1.1", "Kế hoạch", 2, 2],
                                ["1.2", "Tuyên truyền, đối thoại", 2, 1]]):
        put(cs, 2 + i, values)
    save(wb, path, "Phụ lục CCHC 2025 xã Đức Hòa", "UBND xã Đức Hòa")


# ---------------------------------------------------------------------------------------------
# 22 PAPI: tasks per content axis ("Nội dung 1" …), no commune score


def wb22(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "PAPI"
    last = 7
    line(ws, 1, "UBND XÃ THANH ĐA", last)
    line(ws, 2, "KẾ HOẠCH NÂNG CAO CHỈ SỐ HIỆU QUẢ QUẢN TRỊ VÀ HÀNH CHÍNH CÔNG CẤP TỈNH (PAPI) "
             "NĂM 2025 TRÊN ĐỊA BÀN XÃ", last)
    put(ws, 4, ["Nội dung", "Tên nội dung", "Nhiệm vụ, giải pháp", "Đơn vị chủ trì",
                "Thời gian thực hiện", "Tình trạng", "Ngày cập nhật"], bold=True, box=True)
    rows: list[Row] = [
        ["Nội dung 1", "Tham gia của người dân ở cấp cơ sở",
         "Tổ chức bầu cử trưởng thôn đúng quy định, công khai", "Văn phòng - Thống kê",
         "Quý III/2025", "Đang thực hiện", D(2025, 6, 20)],
        ["Nội dung 2", "Công khai, minh bạch trong việc ra quyết định",
         "Công khai danh sách hộ nghèo, quy hoạch sử dụng đất tại nhà văn hóa thôn",
         "Địa chính - Xây dựng", "Tháng 6/2025", "Đang thực hiện", D(2025, 6, 10)],
        ["Nội dung 3", "Trách nhiệm giải trình với người dân",
         "Tiếp công dân định kỳ của Chủ tịch UBND xã", "Văn phòng - Thống kê", "Hằng tháng",
         "Đang thực hiện", D(2025, 6, 25)],
        ["Nội dung 6", "Thủ tục hành chính công",
         "Niêm yết đầy đủ TTHC, phí, lệ phí tại Bộ phận Một cửa", "Tư pháp - Hộ tịch",
         "Thường xuyên", "Đang thực hiện", D(2025, 6, 25)],
    ]
    for i, values in enumerate(rows):
        put(ws, 5 + i, values, box=True)
    widths(ws, 12, 34, 50, 24, 14, 14, 12)
    save(wb, path, "Kế hoạch PAPI 2025 xã Thanh Đa", "UBND xã Thanh Đa")


def wb12b(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Nhiệm vụ"
    last = 6
    line(ws, 1, "UBND XÃ HÒA TIẾN", last)
    line(ws, 2, "KẾ HOẠCH NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025", last)
    put(ws, 4, ["STT", "Lĩnh vực", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Tình trạng"], bold=True,
        box=True)
    tasks: list[Row] = [
        [1, "1", "Ban hành và thực hiện kế hoạch CCHC năm 2025", "Văn phòng - Thống kê",
         "Quý I/2025", "Hoàn thành"],
        [2, "3", "Giải quyết hồ sơ TTHC đúng hạn, không để trễ hạn", "Tư pháp - Hộ tịch",
         "Thường xuyên", "Đang thực hiện"],
        [3, "5", "Tăng tỷ lệ hồ sơ nộp trực tuyến", "Văn hóa - Xã hội", "Quý IV/2025",
         "Đang thực hiện"],
    ]
    for i, values in enumerate(tasks):
        put(ws, 5 + i, values, box=True)
    widths(ws, 5, 10, 48, 24, 14, 14)
    save(wb, path, "Kế hoạch CCHC 2025 xã Hòa Tiến", "UBND xã Hòa Tiến")


# ---------------------------------------------------------------------------------------------
# 25 A three-row header: "Điểm đạt" over "Năm 2024" over "Tự chấm | Thẩm định", and "Năm 2023"


def wb25(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Phụ lục"
    last = 10
    line(ws, 1, "UBND XÃ QUẢNG PHÚ", last)
    line(ws, 2, "PHỤ LỤC: KẾT QUẢ CHẤM ĐIỂM VÀ NHIỆM VỤ NÂNG CAO CHỈ SỐ CCHC NĂM 2025", last)
    for col, text in ((1, "STT"), (2, "Tiêu chí"), (3, "Điểm tối đa"), (7, "Nhiệm vụ, giải pháp"),
                      (8, "Chủ trì"), (9, "Thời hạn"), (10, "Trạng thái")):
        put(ws, 4, [text], bold=True, col=col, box=True)
        ws.merge_cells(start_row=4, start_column=col, end_row=6, end_column=col)
    put(ws, 4, ["Điểm đạt"], bold=True, col=4, box=True)
    merge(ws, "D4:F4")
    put(ws, 5, ["Năm 2024"], bold=True, col=4, box=True)
    merge(ws, "D5:E5")
    put(ws, 5, ["Năm 2023"], bold=True, col=6, box=True)
    merge(ws, "F5:F6")
    put(ws, 6, ["Tự chấm", "Thẩm định"], bold=True, col=4, box=True)
    rows: list[tuple[bool, Row]] = [
        (True, ["1", "Công tác chỉ đạo, điều hành", 4, 4, 3.5, 3.5]),
        (False, ["1.1", "Kế hoạch CCHC", 2, 2, 2, 1.5]),
        (False, ["1.2", "Kiểm tra CCHC", 2, 2, 1.5, 2, "Kiểm tra CCHC tại các bộ phận",
                 "Văn phòng - Thống kê", "Quý III/2025", "Đang thực hiện"]),
        (True, ["2", "Cải cách thủ tục hành chính", 6, 5.5, 4, 5]),
        (False, ["2.1", "Công khai TTHC", 3, 3, 3, 3]),
        (False, ["2.2", "Giải quyết hồ sơ đúng hạn", 3, 2.5, 1, 2,
                 "Rà soát hồ sơ trễ hạn, gửi thư xin lỗi", "Tư pháp - Hộ tịch", "Thường xuyên",
                 "Đang thực hiện"]),
    ]
    for i, (bold, values) in enumerate(rows):
        put(ws, 7 + i, values, bold=bold, box=True)
    widths(ws, 6, 32, 8, 9, 9, 9, 40, 22, 14, 14)
    save(wb, path, "Phụ lục CCHC 2025 xã Quảng Phú", "UBND xã Quảng Phú")


# ---------------------------------------------------------------------------------------------
# 26 Two appendices on two sheets: PL1 (Chỉ số CCHC) and PL2 (SIPAS), each numbered from 1


def _pl26(ws: Worksheet, title: str, rows: Sequence[tuple[bool, Row]]) -> None:
    line(ws, 1, title, 8)
    put(ws, 3, ["STT", "Nội dung", "Điểm tối đa", "Điểm đạt năm 2024", "Nhiệm vụ", "Chủ trì",
                "Thời hạn", "Tình trạng"], bold=True, box=True)
    for i, (bold, values) in enumerate(rows):
        put(ws, 4 + i, values, bold=bold, box=True)
    widths(ws, 6, 32, 8, 10, 40, 22, 14, 14)


def wb26(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "PL1 - Chỉ số CCHC"
    _pl26(ws, "PHỤ LỤC 1: NHIỆM VỤ NÂNG CAO CHỈ SỐ CCHC NĂM 2025", [
        (True, ["1", "Công tác chỉ đạo, điều hành", 3, 2.5]),
        (False, ["1.1", "Kế hoạch CCHC", 1, 1]),
        (False, ["1.2", "Báo cáo CCHC", 2, 1.5, "Báo cáo CCHC đúng hạn", "Văn phòng - Thống kê",
                 "Hằng quý", "Đang thực hiện"]),
    ])
    ws2 = wb.create_sheet("PL2 - SIPAS")
    _pl26(ws2, "PHỤ LỤC 2: NHIỆM VỤ NÂNG CAO CHỈ SỐ HÀI LÒNG (SIPAS) NĂM 2025", [
        (False, ["1", "Tiếp cận dịch vụ", 10, 9, "Bố trí bảng chỉ dẫn, ghế chờ",
                 "Văn phòng - Thống kê", "Quý III/2025", "Chưa thực hiện"]),
        (False, ["2", "Thủ tục hành chính", 10, 8]),
        (False, ["3", "Công chức trực tiếp giải quyết công việc", 10, 10,
                 "Duy trì thái độ phục vụ, không để phản ánh", "Tư pháp - Hộ tịch",
                 "Thường xuyên", "Đang thực hiện"]),
    ])
    save(wb, path, "Phụ lục 1, 2 Kế hoạch CCHC và SIPAS 2025 xã Phú Lộc", "UBND xã Phú Lộc")


# ---------------------------------------------------------------------------------------------
# 27 Deadlines written every way the contract's §2 lists, and two that cannot be read


def wb27(path: Path) -> None:
    wb, cs = new_book()
    cs.title = "Tiêu chí"
    put(cs, 1, ["Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024"], bold=True)
    for i, values in enumerate([["1", "Chỉ đạo, điều hành", 2, 1.5],
                                ["1.1", "Thực hiện kế hoạch CCHC", 2, 1.5]]):
        put(cs, 2 + i, values)
    ws = wb.create_sheet("Phân công")
    last = 6
    line(ws, 1, "UBND XÃ ĐẠI ĐỒNG", last)
    line(ws, 2, "PHÂN CÔNG THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025", last)
    put(ws, 4, ["STT", "Mã tiêu chí", "Nhiệm vụ", "Bộ phận chủ trì", "Thời gian thực hiện",
                "Tình trạng"], bold=True, box=True)
    deadlines: list[Any] = [
        "6 tháng đầu năm 2025", "Từ tháng 3 đến tháng 6/2025", "Quý II-III/2025",
        "trong tháng 5/2025", "Hoàn thành trước ngày 15/03/2025", "Hằng năm", "Theo quy định",
        "Chậm nhất 10/7", "T9/2025", "30.6.2025", "Sớm nhất có thể", "31/2/2025",
        "hoàn thành trong quý III-2025", "Năm 2025", D(2025, 8, 15), 45900, "Hàng quý",
    ]
    for i, deadline in enumerate(deadlines):
        put(ws, 5 + i, [i + 1, "1.1", f"Nhiệm vụ số {i + 1} của Kế hoạch CCHC năm 2025",
                        "Văn phòng - Thống kê", deadline, "Đang thực hiện"], box=True)
    widths(ws, 5, 10, 40, 22, 28, 14)
    save(wb, path, "Phân công CCHC 2025 xã Đại Đồng", "UBND xã Đại Đồng")


# ---------------------------------------------------------------------------------------------
# 28 Codes written many ways in the task sheet's code cells (parts A / B in the criteria)


def wb28(path: Path) -> None:
    wb, cs = new_book()
    cs.title = "Khung"
    line(cs, 1, "KHUNG TIÊU CHÍ VÀ ĐIỂM NĂM 2024", 4)
    put(cs, 3, ["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024"], bold=True, box=True)
    crit: list[tuple[bool, Row]] = [
        (True, ["A", "CHỈ SỐ CCHC"]),
        (True, ["1", "Chỉ đạo, điều hành", 4, 3]),
        (False, ["1.1", "Kế hoạch CCHC", 2, 2]),
        (False, ["1.2", "Báo cáo CCHC", 2, 1]),
        (True, ["2", "Thủ tục hành chính", 4, 3]),
        (False, ["2.1", "Công khai TTHC", 2, 1.5]),
        (False, ["2.2", "Giải quyết hồ sơ đúng hạn", 2, 1.5]),
        (True, ["3", "Hiện đại hóa hành chính", 2, 1]),
        (True, ["B", "CHỈ SỐ SIPAS"]),
        (False, ["1", "Tiếp cận dịch vụ", 10, 9]),
        (False, ["2", "Công chức trực tiếp giải quyết công việc", 10, 8]),
    ]
    for i, (bold, values) in enumerate(crit):
        put(cs, 4 + i, values, bold=bold, box=True)
    ws = wb.create_sheet("Phân công")
    line(ws, 1, "PHÂN CÔNG NHIỆM VỤ NÂNG CAO CHỈ SỐ CCHC VÀ SIPAS NĂM 2025", 6)
    put(ws, 3, ["STT", "Tiêu chí", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Tình trạng"], bold=True,
        box=True)
    tasks: list[Row] = [
        [1, "TC 1.2", "Báo cáo CCHC đúng hạn", "Văn phòng - Thống kê", "Hằng quý",
         "Đang thực hiện"],
        [2, "Mã 2.1", "Niêm yết TTHC mới", "Tư pháp - Hộ tịch", "Thường xuyên", "Đang thực hiện"],
        [3, "1.1 và 1.2", "Ban hành và thực hiện kế hoạch CCHC", "Văn phòng - Thống kê",
         "Năm 2025", "Đang thực hiện"],
        [4, "2.1–2.2", "Rà soát quy trình giải quyết TTHC", "Tư pháp - Hộ tịch", "Quý III/2025",
         "Chưa thực hiện"],
        [5, "Lĩnh vực 3, B.2", "Số hóa hồ sơ, tập huấn kỹ năng cho công chức Một cửa",
         "Văn hóa - Xã hội", "Quý IV/2025", "Chưa thực hiện"],
        [6, "II.2", "Theo dõi hồ sơ sắp trễ hạn", "Tư pháp - Hộ tịch", "Thường xuyên",
         "Đang thực hiện"],
        [7, "1.2 (ưu tiên)", "Đôn đốc báo cáo của các bộ phận", "Văn phòng - Thống kê",
         "Hằng tháng", "Đang thực hiện"],
    ]
    for i, values in enumerate(tasks):
        put(ws, 4 + i, values, box=True)
    widths(ws, 5, 16, 44, 22, 14, 14)
    save(wb, path, "Kế hoạch CCHC và SIPAS 2025 xã Vĩnh Thạnh", "UBND xã Vĩnh Thạnh")


# ---------------------------------------------------------------------------------------------
# 29 One results sheet per year ("KQ 2023", "KQ 2024") and a task sheet


def wb29(path: Path) -> None:
    wb, first = new_book()
    for ws, year, scores in ((first, 2023, (2, 2, 2)), (None, 2024, (2, 1, 2.5))):
        sheet = ws if ws is not None else wb.create_sheet(f"KQ {year}")
        sheet.title = f"KQ {year}"
        line(sheet, 1, f"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}", 4)
        put(sheet, 3, ["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt"], bold=True, box=True)
        a, b, c = scores
        for i, values in enumerate([["1", "Chỉ đạo, điều hành", 4, a + b], ["1.1", "Kế hoạch",
                                    2, a], ["1.2", "Báo cáo", 2, b], ["2", "TTHC", 3, c],
                                    ["2.1", "Giải quyết hồ sơ đúng hạn", 3, c]]):
            put(sheet, 4 + i, values, box=True, bold=len(values[0]) == 1)
    ts = wb.create_sheet("Phân công")
    line(ts, 1, "PHÂN CÔNG NHIỆM VỤ CCHC NĂM 2025", 6)
    put(ts, 3, ["STT", "Mã tiêu chí", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Tình trạng"],
        bold=True, box=True)
    put(ts, 4, [1, "1.2", "Báo cáo CCHC định kỳ đúng hạn", "Văn phòng - Thống kê", "Hằng quý",
                "Đang thực hiện"], box=True)
    save(wb, path, "Kết quả CCHC 2023, 2024 và phân công 2025 xã Ea Tu", "UBND xã Ea Tu")


# ---------------------------------------------------------------------------------------------
# 30 Progress typed as numbers in "Tiến độ" (100%, 50%, 0 as % cells; 100 and 50 typed)


def wb30(path: Path) -> None:
    wb, cs = new_book()
    cs.title = "Tiêu chí"
    put(cs, 1, ["Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024"], bold=True)
    for i, values in enumerate([["1", "Chỉ đạo, điều hành", 4, 3.5], ["1.1", "Kế hoạch", 2, 2],
                                ["1.2", "Báo cáo", 2, 1.5]]):
        put(cs, 2 + i, values)
    ws = wb.create_sheet("Theo dõi")
    last = 9
    line(ws, 1, "UBND PHƯỜNG NINH GIANG", last)
    line(ws, 2, "THEO DÕI TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CCHC NĂM 2025", last)
    put(ws, 4, ["STT", "Mã tiêu chí", "Nội dung công việc", "Người phụ trách",
                "Thời gian thực hiện", "Tiến độ", "Kết quả thực hiện", "Sản phẩm",
                "Ngày hoàn thành"], bold=True, box=True)
    rows: list[Row] = [
        [1, "1.1", "Ban hành kế hoạch CCHC", "Văn phòng - Thống kê", "30/4/2025", 1.0,
         "Đã ban hành", "Kế hoạch số 12/KH-UBND", D(2025, 5, 10)],
        [2, "1.2", "Báo cáo CCHC 6 tháng", "Văn phòng - Thống kê", "31/12/2025", 0.5, None, None,
         None],
        [3, "1.2", "Báo cáo chuyên đề CCHC", "Văn phòng - Thống kê", "Quý III/2025", 0, None,
         None, None],
        [4, "1.1", "Phổ biến kế hoạch CCHC", "Văn hóa - Xã hội", "31/3/2025", 100,
         "Đã phổ biến tại hội nghị", None, D(2025, 3, 1)],
        [5, "1.2", "Tổng hợp báo cáo của các bộ phận", "Văn hóa - Xã hội", "15/6/2025", 50,
         None, None, None],
    ]
    for i, values in enumerate(rows):
        put(ws, 5 + i, values, box=True, pct=(6,) if isinstance(values[5], float) else ())
    widths(ws, 5, 10, 36, 22, 14, 10, 26, 24, 12)
    save(wb, path, "Theo dõi CCHC 2025 phường Ninh Giang", "UBND phường Ninh Giang")


# ---------------------------------------------------------------------------------------------
# 31 A commune's annual CCHC plan appendix after the 2025 merger: task list under Roman headings
#    merged across the row, no points (xã Long Phụng, QĐ 119/QĐ-UBND 18/7/2025)


def wb31(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Phụ lục"
    last = 8
    quoc_hieu(ws, last, ("ỦY BAN NHÂN DÂN", "XÃ LONG PHỤNG", ""),
              "Long Phụng, ngày 18 tháng 7 năm 2025")
    line(ws, 5, "PHỤ LỤC", last)
    line(ws, 6, "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC NĂM 2025 TRÊN ĐỊA BÀN XÃ", last)
    line(ws, 7, "(Kèm theo Quyết định số 119/QĐ-UBND ngày 18/7/2025 của UBND xã Long Phụng)",
         last, bold=False, italic=True)
    put(ws, 9, ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                "Thời gian hoàn thành", "Sản phẩm", "Tình trạng", "Ngày cập nhật"], bold=True,
        box=True)
    rows: list[Row | str] = [
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        [1, "Ban hành Kế hoạch CCHC năm 2025 của UBND xã", "Văn phòng HĐND và UBND",
         "Các phòng, ban, đơn vị", "Tháng 7/2025", "Kế hoạch", "Hoàn thành", D(2025, 7, 18)],
        [2, "Kiểm tra công tác CCHC tại các phòng, đơn vị", "Văn phòng HĐND và UBND", None,
         "Quý IV/2025", "Báo cáo kết quả kiểm tra", "Chưa thực hiện", D(2025, 10, 1)],
        "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
        [1, "Rà soát, công khai TTHC thuộc thẩm quyền của UBND xã",
         "Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND", "Thường xuyên",
         "TTHC được công khai", "Đang thực hiện", D(2025, 10, 10)],
        [2, "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân về TTHC",
         "Trung tâm Phục vụ hành chính công", None, "Theo yêu cầu", "Báo cáo",
         "Đang thực hiện", D(2025, 10, 10)],
        "III. XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN SỐ",
        [1, "Số hóa hồ sơ, kết quả giải quyết TTHC", "Trung tâm Phục vụ hành chính công",
         "Phòng Văn hóa - Xã hội", "Trước ngày 30/9/2025", "Dữ liệu số hóa",
         "Đang thực hiện", D(2025, 9, 25)],
        [2, "Tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến",
         "Phòng Văn hóa - Xã hội", "Đoàn Thanh niên, Hội Liên hiệp Phụ nữ xã", "Hằng quý",
         "Bài viết, tin tuyên truyền", "Đang thực hiện", D(2025, 9, 30)],
    ]
    r = 10
    for item in rows:
        if isinstance(item, str):
            put(ws, r, [item], bold=True, box=True)
            merge(ws, f"A{r}:{get_column_letter(last)}{r}")
        else:
            put(ws, r, item, box=True)
        r += 1
    signature(ws, r + 1, last, recipients=("- UBND tỉnh (Sở Nội vụ);", "- TT Đảng ủy, HĐND xã;",
                                           "- Lưu: VT."))
    widths(ws, 5, 44, 26, 26, 16, 22, 14, 12)
    save(wb, path, "Phụ lục Kế hoạch CCHC 2025 xã Long Phụng", "UBND xã Long Phụng")


# ---------------------------------------------------------------------------------------------
# 32 A province's decision publishing the commune frame: maxima and scoring rules, no score


def wb32(path: Path) -> None:
    wb, ws = new_book()
    ws.title = "Bộ chỉ số cấp xã"
    last = 5
    line(ws, 1, "BỘ CHỈ SỐ THEO DÕI, ĐÁNH GIÁ, XẾP HẠNG KẾT QUẢ CẢI CÁCH HÀNH CHÍNH", last)
    line(ws, 2, "ÁP DỤNG ĐỐI VỚI UBND CÁC XÃ, PHƯỜNG, THỊ TRẤN", last)
    line(ws, 3, "(Ban hành kèm theo Quyết định số 2319/QĐ-UBND ngày 05/9/2019 của Chủ tịch UBND "
             "tỉnh Bà Rịa - Vũng Tàu)", last, bold=False, italic=True)
    put(ws, 5, ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa",
                "Hướng dẫn chấm điểm", "Tài liệu kiểm chứng"], bold=True, box=True)
    rows: list[tuple[bool, Row]] = [
        (True, ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 4]),
        (False, ["1.1", "Kế hoạch CCHC năm", 1, "- Ban hành đúng thời hạn: 1\n- Ban hành chậm: "
                 "0,5\n- Không ban hành: 0", "Kế hoạch CCHC năm"]),
        (False, ["1.2", "Báo cáo CCHC", 1, "- Đầy đủ, đúng hạn: 1\n- Chậm 01 báo cáo: 0,5",
                 "Các báo cáo quý, 6 tháng, năm"]),
        (False, ["1.3", "Tuyên truyền CCHC", 2, "Có kế hoạch và thực hiện đầy đủ: 2",
                 "Kế hoạch, tin bài"]),
        (True, ["2", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 6]),
        (False, ["2.1", "Công khai TTHC", 2, "Đầy đủ, đúng quy định: 2", "Ảnh chụp, đường link"]),
        (False, ["2.2", "Tỷ lệ hồ sơ giải quyết đúng hạn", 4, "100%: 4; từ 95% đến dưới 100%: 3; "
                 "dưới 95%: 0", "Số liệu trên Hệ thống"]),
    ]
    for i, (bold, values) in enumerate(rows):
        put(ws, 6 + i, values, bold=bold, box=True)
    put(ws, 13, [None, "TỔNG CỘNG", 10], bold=True, box=True)
    widths(ws, 6, 40, 8, 40, 30)
    save(wb, path, "Bộ chỉ số CCHC cấp xã (theo QĐ 2319/QĐ-UBND)", "UBND tỉnh Bà Rịa - Vũng Tàu")


BOOKS: dict[str, Callable[[Path], None]] = {
    "01-phuong-ket-hop": wb01,
    "02-xa-can-cu-2014": wb02,
    "03-xa-nhiem-vu-co-nam": wb03,
    "04-xa-so-trong-ten": wb04,
    "05-phuong-linh-vuc-phuc-tra": wb05,
    "06-xa-muc-a-b": wb06,
    "07-xa-don-vi-tap-the": wb07,
    "08-xa-hai-phan-sipas": wb08,
    "09-xa-tiep-can-phap-luat": wb09,
    "10-xa-nong-thon-moi": wb10,
    "11-xa-chuyen-doi-so": wb11,
    "12-huyen-ket-qua-xa": wb12,
    "12b-xa-hoa-tien-nhiem-vu": wb12b,
    "13-xa-tieu-chi-phan-cong": wb13,
    "14-xa-tu-mau-2026": wb14,
    "15-phuong-sipas-phan-tram": wb15,
    "16-phuong-hai-cot-ten": wb16,
    "17-xa-truoc-sau-sap-xep": wb17,
    "18-xa-chi-bang-diem": wb18,
    "19-phuong-diem-thuong-tru": wb19,
    "20-xa-ke-hoach-nam-truoc": wb20,
    "21-xa-huong-dan": wb21,
    "22-xa-papi": wb22,
    "25-xa-ba-dong-tieu-de": wb25,
    "26-xa-pl1-pl2": wb26,
    "27-xa-thoi-han-cac-kieu": wb27,
    "28-xa-ma-trong-nhiem-vu": wb28,
    "29-xa-ket-qua-theo-nam": wb29,
    "30-phuong-tien-do-so": wb30,
    "31-xa-long-phung-2025": wb31,
    "32-tinh-bo-chi-so-cap-xa": wb32,
}

# LibreOffice variants: the same workbook saved as .ods / .xls (see their notes)
VARIANTS = {"23-phuong-ket-hop.ods": ("01-phuong-ket-hop", "ods"),
            "24-phuong-linh-vuc-phuc-tra.xls": ("05-phuong-linh-vuc-phuc-tra", "xls")}


def convert(out: Path) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        raise SystemExit("soffice not found: the .ods/.xls variants are not rewritten")
    for target, (source, fmt) in VARIANTS.items():
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                            "--convert-to", fmt, "--outdir", tmp, str(out / f"{source}.xlsx")],
                           check=True, capture_output=True, timeout=180)
            shutil.move(str(Path(tmp) / f"{source}.{fmt}"), str(out / target))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write to")
    parser.add_argument("--list", action="store_true", help="print every written row")
    parser.add_argument("--convert", action="store_true", help="also write the LibreOffice "
                        "variants (.ods, .xls)")
    parser.add_argument("only", nargs="*", help="names to build (default: all)")
    args = parser.parse_args()
    for name, build in BOOKS.items():
        if args.only and not any(name.startswith(o) for o in args.only):
            continue
        LISTING.append(f"===== {name}")
        build(args.out / f"{name}.xlsx")
    if args.convert:
        convert(args.out)
    if args.list:
        print("\n".join(LISTING))


if __name__ == "__main__":
    main()
