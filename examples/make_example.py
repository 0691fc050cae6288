"""Make the example plan of "UBND xã Thanh Đa" (plan year 2025) and its results workbook.

    python examples/make_example.py            # writes the files beside this script
    python examples/make_example.py --list     # also prints each task row and what it tests

Writes, with openpyxl (as an officer's own Excel file would be, not with XlsxWriter):

* ``ke-hoach-cchc-xa-thanh-da-2025.xlsx``: the task-assignment appendix in the *combined* shape
  (contract §1.1 shape 2): Quốc hiệu and title rows, a two-row merged header, a row of column
  numbers, areas in Roman numerals, criteria numbered 1, 2, 3 under each area, items a), b),
  tasks sharing a criterion cell (merged, or left blank under it), a blank row, a bonus/penalty
  area, and a "Nơi nhận" / signature block below the table.
* ``scores-2024.xlsx``: a separate results workbook (appraised and self-assessed 2024 points)
  for ``cchc check --scores``.

ALL NUMBERS ARE ILLUSTRATIVE. The areas, criteria and points below are made up to exercise the
checker (areas I–VIII total 100); they are not a published frame and not the real commune's
results. The commune name is used as a sample only.

The output is deterministic: the same script writes the same bytes (the zip entries and the
document properties carry fixed dates).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

# openpyxl writes its XML with lxml when lxml is installed (python-docx brings it) and with the
# standard library otherwise; the two differ in spacing. The example's bytes must not depend on it.
os.environ["OPENPYXL_LXML"] = "False"

from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

HERE = Path(__file__).resolve().parent
PLAN_FILE = "ke-hoach-cchc-xa-thanh-da-2025.xlsx"
SCORES_FILE = "scores-2024.xlsx"
FIXED_TIME = datetime(2025, 1, 15, 8, 0, 0)  # document properties (naive = UTC for openpyxl)
ZIP_TIME = (2025, 1, 15, 8, 0, 0)

FONT = "Times New Roman"
NA = "Không áp dụng"
EXCEL_EPOCH = date(1899, 12, 30)


def nfd(text: str) -> str:
    """The same text in decomposed form ("Unicode tổ hợp"), as some keyboards type it."""
    return unicodedata.normalize("NFD", text)


def serial(day: date) -> int:
    """Excel serial number of a day (what a date looks like in a General cell)."""
    return (day - EXCEL_EPOCH).days


# ---------------------------------------------------------------------------------------------
# Content


@dataclass
class T:
    """One task row. ``deadline`` / ``updated``: text, a date (a date cell) or an int (serial)."""

    text: str
    lead: str
    support: str
    deadline: str | date | int | None
    status: str
    result: str = ""
    evidence: str = ""
    updated: str | date | None = None
    note: str = ""  # what this row is meant to test (printed with --list, not written)


@dataclass
class C:
    """A criterion line (or an item a), b)). Scores: a number, a text ("Không áp dụng"), None."""

    no: str | int
    name: str
    max: float | None = None
    s2023: float | str | None = None
    s2024: float | str | None = None
    tasks: list[T] = field(default_factory=list)
    layout: str = "merge"  # several tasks: "merge" the criterion cells, or leave them "blank"
    items: list[C] = field(default_factory=list)


@dataclass
class A:
    roman: str
    name: str
    criteria: list[C]
    stated_max: float | None = None  # what the officer typed, when it differs from the sum
    points_on_row: bool = True  # False: the area row is one merged name cell, no points
    bonus: bool = False  # bonus / penalty lines: no "Điểm bị trừ" written
    blank_row_after: bool = False


VPTK = "Văn phòng - Thống kê"
TPHT = "Tư pháp - Hộ tịch"
VHXH = "Văn hóa - Xã hội"
DCXD = "Địa chính - Xây dựng"
TCKT = "Tài chính - Kế toán"
CAX = "Công an xã"
MOTCUA = "Bộ phận Một cửa"
DONE, DOING, TODO = "Hoàn thành", "Đang thực hiện", "Chưa thực hiện"

AREAS: list[A] = [
    A("I", "Công tác chỉ đạo, điều hành cải cách hành chính", [
        C(1, "Ban hành kế hoạch CCHC năm", 1.5, 1.5, 1.5, [
            T("Xây dựng, ban hành Kế hoạch CCHC năm 2025 của UBND xã", VPTK,
              "Các bộ phận chuyên môn", date(2025, 1, 15), DONE,
              "Đã ban hành Kế hoạch số 08/KH-UBND ngày 10/01/2025",
              "Kế hoạch số 08/KH-UBND ngày 10/01/2025", date(2025, 1, 10),
              "done on time (date cell deadline)"),
        ]),
        C(2, "Thực hiện chế độ báo cáo CCHC định kỳ", 2, 1.5, 1.5, [
            T("Xây dựng, gửi báo cáo CCHC quý, 6 tháng đúng thời hạn quy định", "VP-TK",
              "Các bộ phận chuyên môn", "Hằng quý", DOING,
              "Đã gửi báo cáo quý I ngày 12/3/2025", "", date(2025, 5, 20),
              "ongoing quarterly, updated 41 days ago: NOT stale (cadence 92)"),
            T("Theo dõi, đôn đốc các bộ phận gửi số liệu báo cáo trước ngày 10 của tháng cuối "
              "quý", "Văn phòng – Thống kê", "", "Thường xuyên", DOING,
              "Đã lập sổ theo dõi", "", date(2025, 6, 27), "unit written with an en dash"),
        ]),
        C(3, "Kiểm tra công tác CCHC", 2, 2, 1, [
            T("Xây dựng và thực hiện kế hoạch tự kiểm tra công tác CCHC tại các bộ phận",
              VPTK, TPHT, "Quý II/2025", DOING,
              "Đã ban hành kế hoạch kiểm tra; đã kiểm tra 2/5 bộ phận", "",
              date(2025, 6, 10), "due-soon (30/6), stale"),
        ]),
        C(4, "Tuyên truyền về cải cách hành chính", 1.5, 1, 1, [
            T("Tuyên truyền CCHC trên Đài truyền thanh xã", nfd(VHXH), VPTK, "Thường xuyên",
              DOING, "Phát 12 tin trên Đài truyền thanh", "", date(2025, 6, 25),
              "lead cell in NFD"),
            T("Đăng tin, bài về CCHC trên Trang thông tin điện tử xã", VHXH, "",
              "Tháng 6/2025", DONE, "Đã đăng 05 tin, bài",
              "05 tin, bài trên Trang thông tin điện tử xã", date(2025, 6, 29), "done"),
        ]),
        C(5, "Sáng kiến, giải pháp mới trong CCHC", 1, 0, 0),
        C(6, "Thực hiện nhiệm vụ CCHC được giao trong năm", 2, 1.5, 2, [
            T("Thực hiện đầy đủ các nhiệm vụ trong Kế hoạch CCHC năm 2025", VPTK,
              "Các bộ phận chuyên môn", "Năm 2025", DOING, "Đạt 55% khối lượng", "",
              date(2025, 6, 18)),
        ]),
    ]),
    A("II", "Cải cách thể chế, xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", [
        C(1, "Ban hành văn bản quy phạm pháp luật theo thẩm quyền", 2, 2, 2, [
            T("Rà soát, đề xuất ban hành văn bản QPPL thuộc thẩm quyền của HĐND, UBND xã",
              "  Tư pháp - Hộ tịch ", VPTK, "Tháng 6/2025", DONE,
              "Đã rà soát, không có nội dung phải ban hành mới", "", date(2025, 6, 20),
              "done WITHOUT evidence; lead with stray spaces"),
        ]),
        C(2, "Rà soát, hệ thống hóa văn bản quy phạm pháp luật", 2, 1, 1, [
            T("Rà soát, hệ thống hóa văn bản QPPL do HĐND, UBND xã ban hành", TPHT, "",
              date(2025, 4, 30), DOING, "Đã rà soát 15/22 văn bản", "", date(2025, 5, 15),
              "OVERDUE 61 days (date cell), stale"),
            T("Công bố danh mục văn bản hết hiệu lực trên Trang thông tin điện tử xã", TPHT,
              VHXH, serial(date(2025, 5, 30)), TODO, "", "", None,
              "deadline is a bare serial number in a General cell (30/5/2025): OVERDUE 31 "
              "days; no update date: stale"),
        ]),
        C(3, "Kiểm tra, xử lý văn bản quy phạm pháp luật", 1, 1, 1),
        C(4, "Theo dõi tình hình thi hành pháp luật", 1.5, 0.5, 0.5),
        C(5, "Phổ biến, giáo dục pháp luật", 1.5, 1, 1.5, [
            T("Tổ chức hưởng ứng Ngày Pháp luật, tuyên truyền pháp luật cho Nhân dân", TPHT,
              f"{CAX}, {VHXH}", "Quý III/2025", DOING, "Đã xây dựng kế hoạch", "",
              date(2025, 6, 24)),
            T("Xây dựng tủ sách pháp luật điện tử của xã", TPHT, "", "Năm 2025", TODO, "",
              "", date(2025, 6, 18), "criterion cells left BLANK under the row above"),
        ], layout="blank"),
    ]),
    A("III", "Cải cách thủ tục hành chính", [
        C(1, "Công khai thủ tục hành chính", 3, 3, 3, [
            T("Niêm yết, công khai đầy đủ TTHC tại Bộ phận Một cửa và trên Trang thông tin "
              "điện tử xã", VPTK, TPHT, "Thường xuyên", DOING, "", "", date(2025, 5, 2),
              "ongoing, updated 59 days ago: stale (cadence 30)"),
            T("Cập nhật, công khai TTHC mới ban hành trên Cổng Dịch vụ công", VPTK, "",
              date(2025, 3, 31), DONE, "Đã cập nhật 12 TTHC mới", "", date(2025, 4, 20),
              "done WITHOUT evidence"),
        ]),
        C(2, "Kết quả giải quyết thủ tục hành chính", 6, 4.5, 4.5, [
            T("Rà soát quy trình tiếp nhận, giải quyết hồ sơ; đôn đốc giải quyết đúng hạn, "
              "xin lỗi người dân khi trễ hạn", VPTK, "Các bộ phận chuyên môn",
              "6 tháng đầu năm 2025", DOING, "Đã rà soát quy trình", "", "20/06/2025",
              "task on the PARENT criterion (covers 3.2.a-c); update date typed as text; "
              "due-soon"),
        ], items=[
            C("a)", "Tỷ lệ hồ sơ giải quyết đúng hạn", 3, 2.5, 2.5, [
                T("Theo dõi tiến độ giải quyết hồ sơ trên Hệ thống giải quyết TTHC, nhắc hồ sơ "
                  "sắp đến hạn", "VP-TK", "", "Hằng tháng", DOING, "Tỷ lệ đúng hạn 97%", "",
                  date(2025, 6, 5), "monthly, updated 25 days ago: NOT stale (cadence 31)"),
            ]),
            C("b)", "Thực hiện xin lỗi tổ chức, cá nhân khi giải quyết hồ sơ quá hạn", 1, 0, 0),
            C("c)", "Tiếp nhận, xử lý phản ánh, kiến nghị về TTHC", 2, 2, 2),
        ]),
        C(3, "Thực hiện dịch vụ công trực tuyến", 4, 2, 2.5, [
            T("Hướng dẫn người dân nộp hồ sơ trực tuyến toàn trình", VPTK,
              "Đoàn Thanh niên\nCông an xã", "Từ tháng 3 đến tháng 6/2025", DOING,
              "Tỷ lệ hồ sơ trực tuyến đạt 48%", "", date(2025, 6, 26),
              "due-soon (range ends 30/6); support on two lines"),
            T("Số hóa hồ sơ, kết quả giải quyết TTHC", TPHT, VPTK, "Tháng 5/2025", "",
              "Đã số hóa 60% hồ sơ", "", date(2025, 5, 10),
              "OVERDUE 30 days; EMPTY status (no progress column): no-status; stale"),
            T("Triển khai thanh toán trực tuyến phí, lệ phí", TCKT, VPTK, "Sớm nhất có thể",
              DOING, "", "", date(2025, 6, 16),
              "UNPARSED deadline; updated exactly 14 days before: not stale"),
        ]),
        C(4, "Kiểm soát thủ tục hành chính", 2, 1.5, 1.5, [
            T("Rà soát, đề xuất đơn giản hóa TTHC thuộc thẩm quyền giải quyết của xã", TPHT,
              "", "Quý III/2025", TODO, "", "", date(2025, 6, 2), "not started, stale"),
        ]),
        C(5, "Giải quyết TTHC lĩnh vực đất đai, xây dựng", 3, 2, 2, [
            T("Giải quyết hồ sơ đất đai,  cấp phép xây dựng đúng hạn, không để tồn đọng", DCXD,
              VPTK, "Năm 2025", DOING, "", "", date(2025, 6, 19), "double space in the text"),
            T("Cập nhật hồ sơ địa chính trên Hệ thống thông tin đất đai", DCXD, "",
              "Quý II/2025", "Chờ ý kiến chỉ đạo", "", "", date(2025, 5, 28),
              "criterion cells BLANK under the row above; UNKNOWN status text (warning, "
              "no-status); due-soon; stale"),
        ], layout="blank"),
        C(6, "Mức độ hài lòng của người dân khi giải quyết TTHC", 2, 2, 2, [
            T("Lấy ý kiến đánh giá sự hài lòng của người dân tại Bộ phận Một cửa", MOTCUA, "",
              "Hằng quý", DOING, "Quý I: 96% hài lòng", "", date(2025, 4, 10),
              "quarterly, updated 81 days ago: NOT stale"),
        ]),
    ], blank_row_after=True),
    A("IV", "Cải cách tổ chức bộ máy hành chính", [
        C(1, "Thực hiện quy định về tổ chức bộ máy, vị trí việc làm", 3, 3, 3, [
            T("Rà soát, sắp xếp vị trí việc làm của cán bộ, công chức xã theo quy định", VPTK,
              "", "Trước ngày 15/3/2025", DONE,
              "Đã trình UBND huyện phê duyệt đề án vị trí việc làm",
              "Tờ trình số 21/TTr-UBND ngày 10/3/2025", date(2025, 3, 12)),
        ]),
        C(2, "Thực hiện quy chế làm việc của UBND xã", 2, 1.5, 1.5, [
            T("Sửa đổi, bổ sung Quy chế làm việc của UBND xã", VPTK, TPHT, "Quý II/2025",
              "Đã xong", "Đã ban hành quyết định sửa đổi quy chế", "", date(2025, 6, 12),
              "'Đã xong' = done; WITHOUT evidence"),
        ]),
        C(3, "Thực hiện phân cấp, ủy quyền", 1, "KAD", NA),
        C(4, "Thực hiện chế độ báo cáo về tổ chức bộ máy", 2, 2, 2),
    ]),
    A("V", "Cải cách chế độ công vụ", [
        C(1, "Tuyển dụng, sử dụng và quản lý công chức", 3, 3, 3),
        C(2, "Đào tạo, bồi dưỡng cán bộ, công chức", 3, 2, 2, [
            T("Cử cán bộ, công chức tham gia bồi dưỡng kiến thức, kỹ năng về CCHC", VPTK, "",
              "Năm 2025", DOING, "Đã cử 03 người", "", date(2025, 6, 23)),
            T("Cử 02 công chức tham dự lớp bồi dưỡng kỹ năng số", VPTK, "", "Quý I/2025",
              DONE, "Đã hoàn thành lớp bồi dưỡng",
              "Giấy chứng nhận hoàn thành lớp bồi dưỡng", date(2025, 3, 30)),
        ]),
        C(3, "Đánh giá, xếp loại chất lượng cán bộ, công chức", 2, 2, 2, [
            T("Đánh giá, xếp loại chất lượng cán bộ, công chức 6 tháng đầu năm", VPTK, "",
              None, TODO, "", "", date(2025, 6, 20), "EMPTY deadline (warning)"),
        ]),
        C(4, "Chấp hành kỷ luật, kỷ cương hành chính", 4, 3, 3, items=[
            C("a)", "Thực hiện quy định về văn hóa công vụ", 2, 2, 2, [
                T("Kiểm tra việc chấp hành giờ giấc, văn hóa công vụ tại trụ sở UBND xã", VPTK,
                  CAX, "Hằng quý", "", "", "", date(2025, 3, 25),
                  "EMPTY status: no-status; quarterly, updated 97 days ago: stale"),
            ]),
            C("b)", "Không có cán bộ, công chức bị xử lý kỷ luật", 2, 1, 1),
        ]),
    ]),
    A("VI", "Cải cách tài chính công", [
        C(1, "Công khai ngân sách, thực hiện cơ chế tự chủ", 3, 3, 3, [
            T("Công khai dự toán, quyết toán ngân sách xã theo quy định", TCKT, VPTK,
              date(2025, 1, 31), DONE, "Đã công khai tại trụ sở và trên Trang thông tin",
              "Thông báo số 03/TB-UBND ngày 20/01/2025", date(2025, 2, 5)),
        ]),
        C(2, "Quản lý, sử dụng tài sản công", 2, 1, 1, [
            T("Kiểm kê, cập nhật sổ theo dõi tài sản công", TCKT, "", "6 tháng đầu năm 2025",
              "Hoàn thành ", "Đã kiểm kê xong", "", date(2025, 6, 28),
              "status with a trailing space; done WITHOUT evidence"),
            T("Xây dựng quy chế quản lý, sử dụng tài sản công của xã", TCKT, VPTK,
              "Quý III/2025", TODO, "", "", date(2025, 6, 18)),
        ]),
        C(3, "Thực hiện kết luận thanh tra, kiểm toán về tài chính", 2, 0.5, 0.5, [
            T("Khắc phục các tồn tại theo kết luận thanh tra tài chính năm 2024", "", TCKT,
              date(2025, 5, 15), DOING, "Đã khắc phục 3/5 nội dung", "", date(2025, 5, 2),
              "NO lead; OVERDUE 46 days; stale"),
        ]),
    ], stated_max=7.5),
    A("VII", "Xây dựng và phát triển chính quyền điện tử, chính quyền số", [
        C(1, "Ứng dụng phần mềm quản lý văn bản và điều hành", 4, 4, 4, [
            T("Xử lý văn bản trên môi trường mạng, sử dụng chữ ký số", VPTK,
              "Các bộ phận chuyên môn", "Thường xuyên", DOING, "98% văn bản đi ký số", "",
              date(2025, 6, 29)),
            T("Duy trì hội nghị truyền hình trực tuyến với huyện", VPTK, "", date(2025, 3, 31),
              "Hủy", "Huyện đã trang bị hệ thống dùng chung", "", date(2025, 4, 1),
              "cancelled: past deadline but NOT overdue"),
        ]),
        C(2, "Trang thông tin điện tử của xã", 3, 2, 2, [
            T("Cập nhật thông tin trên Trang thông tin điện tử xã theo quy định", VHXH, VPTK,
              "Thường xuyên", DOING, "", "", date(2025, 6, 2),
              "ongoing, updated 28 days ago: NOT stale (cadence 30)"),
        ]),
        C(3, "Số hóa, ứng dụng chữ ký số", 3, 1.5, 1.5, [
            T("Đề nghị cấp chữ ký số cho công chức chưa có", TPHT, VPTK, date(2025, 7, 10),
              DOING, "Đã gửi danh sách", "", date(2025, 6, 20), "due-soon (date cell 10/7)"),
            T("Số hóa sổ hộ tịch lưu trữ tại xã", TPHT, "", "Quý IV/2025", DOING,
              "Đã số hóa 40% sổ", "", date(2025, 6, 20)),
        ]),
        C(4, "Bảo đảm an toàn thông tin mạng", 2, 0.5, 0.5),
        C(5, "Chuyển đổi số, ứng dụng nền tảng số", 4, 3, 3.5, [
            T("Triển khai tổ công nghệ số cộng đồng, hướng dẫn người dân kích hoạt VNeID", CAX,
              "Đoàn Thanh niên, Văn hóa - Xã hội", "30/4/2025", DONE,
              "Đã kích hoạt 2.150 tài khoản", "Báo cáo số 15/BC-CAX ngày 28/4/2025",
              date(2025, 5, 5), "deadline typed as a text date"),
        ]),
    ]),
    A("VIII", "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế "
      "- xã hội", [
        C(1, "Sự hài lòng của người dân, tổ chức", 8, 6, 6.5, [
            T("Khảo sát ý kiến người dân về chất lượng phục vụ tại Bộ phận Một cửa", MOTCUA,
              VPTK, "Hằng quý", TODO, "", "", None,
              "ongoing with no update date: stale"),
            T("Niêm yết số điện thoại đường dây nóng, hộp thư góp ý tại Bộ phận Một cửa",
              "VP-TK", "", date(2025, 2, 28), DONE, "Đã niêm yết",
              "Ảnh chụp bảng niêm yết ngày 25/02/2025", date(2025, 3, 1)),
        ]),
        C(2, "Thực hiện các chỉ tiêu phát triển kinh tế - xã hội", 6, 5, 5, [
            T("Thực hiện các chỉ tiêu kinh tế - xã hội năm 2025 theo Nghị quyết HĐND xã", TCKT,
              "Các bộ phận chuyên môn", "Năm 2025", DOING, "", "", date(2025, 6, 15),
              "updated 15 days ago: stale"),
        ]),
        C(3, "Thu ngân sách nhà nước trên địa bàn", 5, 5, 5, [
            T("Đôn đốc thu ngân sách, phấn đấu vượt dự toán được giao", TCKT, "", "Năm 2025",
              DOING, "Đạt 58% dự toán", "", date(2025, 6, 27)),
            T("Tổng hợp, báo cáo kết quả thu ngân sách 6 tháng", TCKT, "", "Tháng 6/2025",
              nfd(DONE), "Đã báo cáo", "Báo cáo số 40/BC-UBND ngày 25/6/2025",
              date(2025, 6, 25), "status cell in NFD"),
        ]),
    ]),
    A("IX", "Điểm thưởng, điểm trừ", [
        C(1, "Điểm thưởng: sáng kiến, mô hình mới về CCHC được cấp có thẩm quyền công nhận", 2,
          0, 1, [
              T("Đăng ký mô hình \"Bộ phận Một cửa thân thiện\" để được xét điểm thưởng", VPTK,
                MOTCUA, "Năm 2025", DOING, "", "", date(2025, 6, 22), "bonus line"),
          ]),
        C(2, "Điểm trừ: chậm gửi báo cáo, vi phạm trong công tác CCHC", 0, -1, -0.5),
    ], points_on_row=False, bonus=True),
]


# ---------------------------------------------------------------------------------------------
# Sums


def _num(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) else None


def criterion_sums(c: C) -> tuple[float, float | None, float | None]:
    """(max, 2023, 2024) of a line: its own, or its items' sums (not-applicable left out)."""
    if not c.items:
        return float(c.max or 0), _num(c.s2023), _num(c.s2024)
    maxes, s23, s24 = 0.0, 0.0, 0.0
    for item in c.items:
        m, a, b = criterion_sums(item)
        maxes += m
        s23 += a or 0
        s24 += b or 0
    return maxes, s23, s24


def area_sums(area: A) -> tuple[float, float, float]:
    maxes, s23, s24 = 0.0, 0.0, 0.0
    for c in area.criteria:
        m, a, b = criterion_sums(c)
        maxes += m
        s23 += a or 0
        s24 += b or 0
    return maxes, s23, s24


# ---------------------------------------------------------------------------------------------
# Styles

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
CENTER_TOP = Alignment(horizontal="center", vertical="top", wrap_text=True)
AREA_FILL = PatternFill("solid", fgColor="F2F2F2")
HEADER_FILL = PatternFill("solid", fgColor="E2EFDA")


def font(bold: bool = False, italic: bool = False, size: float = 12,
         underline: str | None = None) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic, underline=underline)


# Columns of the combined table (1-based).
COLS = {
    "stt": 1, "name": 2, "max": 3, "y2023": 4, "y2024": 5, "lost": 6, "task": 7, "lead": 8,
    "support": 9, "deadline": 10, "status": 11, "result": 12, "evidence": 13, "updated": 14,
}
LAST_COL = 14
WIDTHS = (6, 40, 7.5, 7.5, 7.5, 8.5, 42, 18, 18, 15, 14, 28, 26, 12)


def put(ws: Worksheet, row: int, col: int, value: object, *, bold: bool = False,
        italic: bool = False, align: Alignment = WRAP_TOP, fmt: str | None = None,
        fill: PatternFill | None = None, border: bool = True) -> None:
    cell = ws.cell(row=row, column=col)
    if value is not None and value != "":
        cell.value = value
    cell.font = font(bold=bold, italic=italic)
    cell.alignment = align
    if border:
        cell.border = BORDER
    if fmt:
        cell.number_format = fmt
    if fill is not None:
        cell.fill = fill


def points(ws: Worksheet, row: int, col: int, value: object, bold: bool = False,
           fill: PatternFill | None = None) -> None:
    put(ws, row, col, value, bold=bold, align=CENTER_TOP, fmt="0.0#", fill=fill)


# ---------------------------------------------------------------------------------------------
# The plan


def write_header(ws: Worksheet) -> int:
    """Quốc hiệu, titles, the two-row header and the column numbers; returns the first data row."""
    ws.merge_cells("A1:D1")
    put(ws, 1, 1, "ỦY BAN NHÂN DÂN XÃ THANH ĐA", bold=True, align=CENTER, border=False)
    ws.merge_cells("H1:N1")
    put(ws, 1, 8, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True, align=CENTER, border=False)
    ws.merge_cells("H2:N2")
    ws.cell(row=2, column=8, value="Độc lập - Tự do - Hạnh phúc").font = font(
        bold=True, underline="single")
    ws.cell(row=2, column=8).alignment = CENTER
    for row, text, kw in (
        (4, "PHỤ LỤC", {"bold": True}),
        (5, "PHÂN CÔNG NHIỆM VỤ DUY TRÌ, CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ CCHC NĂM 2025",
         {"bold": True}),
        (6, "(Kèm theo Kế hoạch số 45/KH-UBND ngày 15/01/2025 của UBND xã Thanh Đa)",
         {"italic": True}),
    ):
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=LAST_COL)
        put(ws, row, 1, text, align=CENTER, border=False, **kw)
    ws.row_dimensions[5].height = 20

    top, bottom = 8, 9
    single = {
        "stt": "STT", "name": "Lĩnh vực, tiêu chí, tiêu chí thành phần",
        "lost": "Điểm bị trừ năm 2024", "task": "Nhiệm vụ, giải pháp khắc phục",
        "lead": "Đơn vị chủ trì", "support": "Đơn vị phối hợp",
        "deadline": "Thời gian hoàn thành", "status": "Tiến độ",
        "result": "Kết quả thực hiện", "evidence": "Tài liệu kiểm chứng",
        "updated": "Ngày cập nhật",
    }
    for key, text in single.items():
        col = COLS[key]
        ws.merge_cells(start_row=top, start_column=col, end_row=bottom, end_column=col)
        put(ws, top, col, text, bold=True, align=CENTER, fill=HEADER_FILL)
        put(ws, bottom, col, None, fill=HEADER_FILL)
    ws.merge_cells(start_row=top, start_column=COLS["max"], end_row=top,
                   end_column=COLS["y2024"])
    put(ws, top, COLS["max"], "Điểm", bold=True, align=CENTER, fill=HEADER_FILL)
    for key in ("y2023", "y2024"):
        put(ws, top, COLS[key], None, fill=HEADER_FILL)
    for key, text in (("max", "Tối đa"), ("y2023", "Năm 2023"), ("y2024", "Năm 2024")):
        put(ws, bottom, COLS[key], text, bold=True, align=CENTER, fill=HEADER_FILL)
    ws.row_dimensions[top].height = 22
    ws.row_dimensions[bottom].height = 36
    for col in range(1, LAST_COL + 1):
        put(ws, 10, col, f"({col})", italic=True, align=CENTER)
    return 11


@dataclass
class Placed:
    row: int
    code: str
    task: T


def _task_cells(ws: Worksheet, row: int, t: T) -> None:
    put(ws, row, COLS["task"], t.text)
    put(ws, row, COLS["lead"], t.lead)
    put(ws, row, COLS["support"], t.support)
    deadline = t.deadline
    if isinstance(deadline, date):
        put(ws, row, COLS["deadline"], deadline, align=CENTER_TOP, fmt="dd/mm/yyyy")
    elif isinstance(deadline, int):
        put(ws, row, COLS["deadline"], deadline, align=CENTER_TOP, fmt="General")
    else:
        put(ws, row, COLS["deadline"], deadline, align=CENTER_TOP)
    put(ws, row, COLS["status"], t.status, align=CENTER_TOP)
    put(ws, row, COLS["result"], t.result)
    put(ws, row, COLS["evidence"], t.evidence)
    if isinstance(t.updated, date):
        put(ws, row, COLS["updated"], t.updated, align=CENTER_TOP, fmt="dd/mm/yyyy")
    else:
        put(ws, row, COLS["updated"], t.updated, align=CENTER_TOP)


def _empty_task_cells(ws: Worksheet, row: int) -> None:
    for key in ("task", "lead", "support", "deadline", "status", "result", "evidence",
                "updated"):
        put(ws, row, COLS[key], None)


def write_criterion(ws: Worksheet, row: int, c: C, code: str, placed: list[Placed],
                    bonus: bool = False) -> int:
    """Write a criterion (with its tasks and items) from ``row``; returns the next free row."""
    m, s23, s24 = criterion_sums(c)
    n = max(1, len(c.tasks))
    first = row
    stated = {
        "stt": c.no,
        "name": c.name,
        "max": m if c.items else c.max,
        "y2023": s23 if c.items else c.s2023,
        "y2024": s24 if c.items else c.s2024,
    }
    lost = None
    if s24 is not None and m - s24 > 0 and not bonus:
        lost = m - s24
    for key, value in stated.items():
        if key in ("stt", "name"):
            put(ws, row, COLS[key], value, align=CENTER_TOP if key == "stt" else WRAP_TOP)
        else:
            points(ws, row, COLS[key], value)
    points(ws, row, COLS["lost"], lost)
    if c.tasks:
        for i, t in enumerate(c.tasks):
            r = first + i
            if i:
                for key in ("stt", "name", "max", "y2023", "y2024", "lost"):
                    put(ws, r, COLS[key], None)
            _task_cells(ws, r, t)
            placed.append(Placed(r, code, t))
        if n > 1 and c.layout == "merge":
            for key in ("stt", "name", "max", "y2023", "y2024", "lost"):
                col = COLS[key]
                ws.merge_cells(start_row=first, start_column=col, end_row=first + n - 1,
                               end_column=col)
    else:
        _empty_task_cells(ws, row)
    row = first + n
    for item in c.items:
        letter = str(item.no).rstrip(")")
        row = write_criterion(ws, row, item, f"{code}.{letter}", placed, bonus)
    return row


def write_area(ws: Worksheet, row: int, number: int, area: A, placed: list[Placed]) -> int:
    m, s23, s24 = area_sums(area)
    put(ws, row, COLS["stt"], area.roman, bold=True, align=CENTER_TOP, fill=AREA_FILL)
    if area.points_on_row:
        put(ws, row, COLS["name"], area.name, bold=True, fill=AREA_FILL)
        points(ws, row, COLS["max"], area.stated_max if area.stated_max is not None else m,
               bold=True, fill=AREA_FILL)
        points(ws, row, COLS["y2023"], s23, bold=True, fill=AREA_FILL)
        points(ws, row, COLS["y2024"], s24, bold=True, fill=AREA_FILL)
        put(ws, row, COLS["lost"], None, fill=AREA_FILL)
        for col in range(COLS["task"], LAST_COL + 1):
            put(ws, row, col, None, fill=AREA_FILL)
        ws.merge_cells(start_row=row, start_column=COLS["task"], end_row=row,
                       end_column=LAST_COL)
    else:  # the area name merged across the whole row, no points: the lines carry them
        for col in range(COLS["name"], LAST_COL + 1):
            put(ws, row, col, None, fill=AREA_FILL)
        put(ws, row, COLS["name"], area.name, bold=True, fill=AREA_FILL)
        ws.merge_cells(start_row=row, start_column=COLS["name"], end_row=row,
                       end_column=LAST_COL)
    row += 1
    for c in area.criteria:
        row = write_criterion(ws, row, c, f"{number}.{c.no}", placed, area.bonus)
    if area.blank_row_after:
        for col in range(1, LAST_COL + 1):
            put(ws, row, col, None)
        row += 1
    return row


def write_signatures(ws: Worksheet, row: int) -> None:
    row += 1
    left = [
        ("Nơi nhận:", {"bold": True, "italic": True}),
        ("- Phòng Nội vụ huyện (để b/c);", {}),
        ("- TT Đảng ủy, TT HĐND xã (để b/c);", {}),
        ("- Chủ tịch, các PCT UBND xã;", {}),
        ("- Các bộ phận chuyên môn (để th/h);", {}),
        ("- Lưu: VT, VP.", {}),
    ]
    right = [
        ("TM. ỦY BAN NHÂN DÂN", {"bold": True}),
        ("CHỦ TỊCH", {"bold": True}),
        ("", {}),
        ("(Đã ký)", {"italic": True}),
        ("", {}),
        ("Nguyễn Văn An", {"bold": True}),
    ]
    for i, ((ltext, lkw), (rtext, rkw)) in enumerate(zip(left, right, strict=True)):
        r = row + i
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=4)
        cell = ws.cell(row=r, column=1, value=ltext)
        cell.font = font(size=11 if i else 12, **lkw)
        if rtext:
            ws.merge_cells(start_row=r, start_column=10, end_row=r, end_column=LAST_COL)
            cell = ws.cell(row=r, column=10, value=rtext)
            cell.font = font(**rkw)
            cell.alignment = Alignment(horizontal="center")


def fit_rows(ws: Worksheet, first: int, last: int) -> None:
    """Row heights for wrapped text, as Excel's AutoFit would leave them in a saved file."""
    spans: dict[tuple[int, int], tuple[int, float]] = {}  # top-left → (rows, width)
    for rng in ws.merged_cells.ranges:
        width = sum(WIDTHS[c - 1] for c in range(rng.min_col, rng.max_col + 1))
        spans[(rng.min_row, rng.min_col)] = (rng.max_row - rng.min_row + 1, width)
    for row in range(first, last + 1):
        lines = 1.0
        for col in range(1, LAST_COL + 1):
            value = ws.cell(row=row, column=col).value
            if not isinstance(value, str) or not value:
                continue
            rows, width = spans.get((row, col), (1, WIDTHS[col - 1]))
            per_line = max(1.0, width * 1.1 - 1)
            needed = sum(max(1, -(-len(part) // int(per_line))) for part in value.split("\n"))
            lines = max(lines, needed / rows)
        ws.row_dimensions[row].height = round(15.75 * max(1.0, lines) + 1.5, 2)


def make_plan(path: Path) -> list[Placed]:
    wb = Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    for i, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    row = write_header(ws)
    placed: list[Placed] = []
    for number, area in enumerate(AREAS, start=1):
        row = write_area(ws, row, number, area, placed)
    fit_rows(ws, 11, row - 1)
    write_signatures(ws, row)
    ws.freeze_panes = "C11"
    ws.print_title_rows = "8:10"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.oddFooter.center.text = "Trang &P/&N"
    save(wb, path, "Phân công nhiệm vụ nâng cao Chỉ số CCHC năm 2025 – xã Thanh Đa")
    return placed


# ---------------------------------------------------------------------------------------------
# The results workbook (--scores)


def self_assessed(appraised: object, maximum: float | None) -> object:
    """Self-assessed points: half a point above the appraisal where points were lost."""
    if isinstance(appraised, (int, float)) and maximum is not None and appraised < maximum:
        return min(float(maximum), float(appraised) + 0.5)
    return appraised


def make_scores(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Kết quả 2024"
    for i, width in enumerate((7, 62, 10, 12, 12), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.merge_cells("A1:E1")
    put(ws, 1, 1, "KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024 – UBND XÃ THANH ĐA",
        bold=True, align=CENTER, border=False)
    ws.merge_cells("A2:E2")
    put(ws, 2, 1, "(Số liệu minh họa)", italic=True, align=CENTER, border=False)
    headers = ("STT", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Điểm thẩm định 2024",
               "Điểm tự chấm 2024")
    for col, text in enumerate(headers, start=1):
        put(ws, 4, col, text, bold=True, align=CENTER, fill=HEADER_FILL)
    ws.row_dimensions[4].height = 33
    row = 5

    def line(no: object, name: str, maximum: object, appraised: object, bold: bool) -> None:
        nonlocal row
        put(ws, row, 1, no, bold=bold, align=CENTER_TOP)
        put(ws, row, 2, name, bold=bold)
        points(ws, row, 3, maximum, bold=bold)
        points(ws, row, 4, appraised, bold=bold)
        m = _num(maximum)
        points(ws, row, 5, self_assessed(appraised, m) if not bold else appraised, bold=bold)
        row += 1

    def criterion(c: C) -> None:
        m, _s23, s24 = criterion_sums(c)
        line(c.no, c.name, m if c.items else c.max, s24 if c.items else c.s2024, False)
        for item in c.items:
            criterion(item)

    for area in AREAS:
        m, _s23, s24 = area_sums(area)
        line(area.roman, area.name, m, s24, True)
        for c in area.criteria:
            criterion(c)
    ws.freeze_panes = "A5"
    save(wb, path, "Kết quả thẩm định Chỉ số CCHC năm 2024 – xã Thanh Đa (minh họa)")


# ---------------------------------------------------------------------------------------------
# Deterministic saving


def save(wb: Workbook, path: Path, title: str) -> None:
    """Save with fixed document dates and zip timestamps, so the bytes never change."""
    wb.properties.creator = "UBND xã Thanh Đa"
    wb.properties.lastModifiedBy = "UBND xã Thanh Đa"
    wb.properties.title = title
    wb.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with now()
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + stamp.encode() + rb"\g<2>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, data)
    path.write_bytes(out.getvalue())


def task_rows(placed: list[Placed]) -> Iterator[str]:
    for p in placed:
        deadline = p.task.deadline
        shown = deadline.isoformat() if isinstance(deadline, date) else repr(deadline)
        yield f"row {p.row:3}  {p.code:7} {shown:32} {p.task.status!r:22} {p.task.note}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write to")
    parser.add_argument("--list", action="store_true", help="print the task rows")
    args = parser.parse_args()
    placed = make_plan(args.out / PLAN_FILE)
    make_scores(args.out / SCORES_FILE)
    if args.list:
        for line in task_rows(placed):
            print(line)
        print(f"{len(placed)} tasks")


if __name__ == "__main__":
    main()
