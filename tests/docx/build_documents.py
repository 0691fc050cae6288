"""Word documents rebuilt from published plans, for the tests of ``cchc nhap``.

Each function writes one .docx with python-docx; PROVENANCE.md beside this file says, for each,
where the plan was published, what was copied as printed and what was adapted. The documents
are built the same way every time (fixed core properties), so a test can rebuild them into its
temporary folder instead of keeping binary files in the repository.

Run ``python tests/docx/build_documents.py OUT_DIR`` to write them all for a look in Word or
LibreOffice.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table

_FIXED = datetime(2025, 1, 1, 0, 0, 0)


def new_document() -> Any:
    document = docx.Document()
    props = document.core_properties
    props.created = props.modified = props.last_printed = _FIXED
    props.author = props.last_modified_by = "cchc-sheets tests"
    props.revision = 1
    style = document.styles["Normal"]
    style.font.name = "Times New Roman"
    return document


def heading_table(document: Any, body: str, place: str) -> Table:
    """The two-column heading every administrative document opens with."""
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = body
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    table.cell(1, 0).text = "Số:      /KH-UBND"
    table.cell(1, 1).text = place
    return table


def signature_table(document: Any, who: str, name: str) -> Table:
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Nơi nhận:\n- Như trên;\n- Lưu: VT."
    table.cell(0, 1).text = f"TM. ỦY BAN NHÂN DÂN\n{who}\n\n\n{name}"
    return table


def page_break(document: Any) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def mark_header_row(table: Table, row: int = 0) -> None:
    """Word's "Repeat as header row at the top of each page" on a row."""
    tr_pr = table.rows[row]._tr.get_or_add_trPr()
    element = OxmlElement("w:tblHeader")
    element.set(qn("w:val"), "true")
    tr_pr.append(element)


def fill_table(document: Any, rows: Sequence[Sequence[str]], *,
               merges: Sequence[tuple[int, int, int, int]] = ()) -> Table:
    """A bordered table of ``rows``; ``merges`` (first row, first col, last row, last col)
    merged as Word merges them (gridSpan across, vMerge down). A cell's "\\n" is a new line
    (a line break in the same paragraph)."""
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    covered = {(r, c) for r1, c1, r2, c2 in merges for r in range(r1, r2 + 1)
               for c in range(c1, c2 + 1) if (r, c) != (r1, c1)}
    cells = table._cells  # once: table.cell() lays the whole grid out again at each call
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value and (r, c) not in covered:
                _write_cell(cells[r * width + c], value)
    for r1, c1, r2, c2 in merges:
        table.cell(r1, c1).merge(table.cell(r2, c2))
    return table


def _write_cell(cell: Any, value: str) -> None:
    """The text in the cell's paragraph, each "\\n" a line break (an officer's Shift+Enter)."""
    lines = value.split("\n")
    run = cell.paragraphs[0].add_run(lines[0])
    for line in lines[1:]:
        run.add_break()
        run.add_text(line)


# --- 1. Long Phụng (Quảng Ngãi): one table per page, each repeating the header ---------------

LONG_PHUNG_HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp",
                     "Thời gian hoàn thành", "Sản phẩm"]
LONG_PHUNG_TASKS = [
    ("Tạo chuyển biến mạnh mẽ về kỷ luật, kỷ cương, ý thức, trách nhiệm, chất lượng và hiệu "
     "quả phục vụ nhân dân của đội ngũ cán bộ, công chức.",
     "Văn phòng HĐND và UBND", "Các phòng, ban, đơn vị", "Thường xuyên", "Báo cáo"),
    ("Nâng cao hiệu quả ứng dụng công nghệ thông tin; công khai minh bạch các hoạt động giải "
     "quyết thủ tục hành chính.",
     "Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND", "Quý IV/2025",
     "Danh mục TTHC được công khai"),
    ("Nâng cao chỉ số hài lòng của người dân; lấy sự hài lòng của người dân là trung tâm phục "
     "vụ của cơ quan hành chính.",
     "Trung tâm Phục vụ hành chính công", "Phòng Văn hóa - Xã hội", "Trước 15/12", ""),
    ("Xác định trọng tâm cải cách hành chính (CCHC) là cải cách thủ tục hành chính (TTHC), cải "
     "cách tổ chức bộ máy gắn với phân cấp, ủy quyền và phát triển chính quyền điện tử, chính "
     "quyền số.",
     "Văn phòng HĐND và UBND", "Phòng Kinh tế\nPhòng Văn hóa - Xã hội", "Tháng 9/2025",
     "Kế hoạch"),
    ("Công khai, minh bạch, nâng cao trách nhiệm giải trình của các cơ quan nhà nước.",
     "Văn phòng HĐND và UBND", "", "Trước Tết Nguyên đán", ""),
    ("Phát huy vai trò, trách nhiệm của người đứng đầu trong lãnh đạo, chỉ đạo, điều hành công "
     "tác CCHC trên địa bàn xã.",
     "Chủ tịch UBND xã", "Văn phòng HĐND và UBND", "Thường xuyên", ""),
    ("Việc thực hiện các nhiệm vụ CCHC là một trong những tiêu chí bắt buộc để đánh giá cán "
     "bộ, công chức, viên chức hằng năm.",
     "Văn phòng HĐND và UBND", "Các phòng, ban, đơn vị", "Tháng 12/2025",
     "Kết quả đánh giá, xếp loại"),
]
LONG_PHUNG_UNPARSED = "Trước Tết Nguyên đán"


def long_phung(path: Path) -> Path:
    """A commune plan whose appendix is printed one table per page, each repeating the header
    and the column numbers; the plan's heading table before it, a signature table after."""
    document = new_document()
    heading_table(document, "ỦY BAN NHÂN DÂN\nXÃ LONG PHỤNG", "Long Phụng, ngày 18 tháng 7 năm 2025")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính nhà nước năm 2025 trên địa bàn xã")
    document.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    document.add_paragraph("Góp phần cải thiện và nâng cao chỉ số cải cách hành chính của xã.")
    signature_table(document, "CHỦ TỊCH", "(đã ký)")
    page_break(document)
    document.add_paragraph("PHỤ LỤC")
    document.add_paragraph("PHÂN CÔNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025")
    document.add_paragraph("(Kèm theo Quyết định số 119/QĐ-UBND ngày 18/7/2025 của UBND xã "
                           "Long Phụng)")
    numbers = [f"({i})" for i in range(1, 7)]
    for page, start in enumerate(range(0, len(LONG_PHUNG_TASKS), 3)):
        if page:
            page_break(document)
        rows = [LONG_PHUNG_HEADER, numbers]
        rows += [[str(start + i + 1), *task]
                 for i, task in enumerate(LONG_PHUNG_TASKS[start:start + 3])]
        table = fill_table(document, rows)
        mark_header_row(table)
    document.add_paragraph()  # Word keeps a paragraph between two tables
    signature_table(document, "CHỦ TỊCH", "(đã ký)")
    document.save(str(path))
    return path


# --- 2. Xuân Phương (Hà Nội): a table split in two, a lead merged down over tasks ------------

XUAN_PHUONG_HEADER = ["TT", "Nhiệm vụ, giải pháp", "Đơn vị chủ trì", "Đơn vị phối hợp",
                      "Thời gian thực hiện"]
XUAN_PHUONG_FIRST = [
    ["1", "Tiếp tục duy trì các chỉ số, chỉ số thành phần đạt kết quả cao\n(Chỉ số SIPAS năm "
          "2024)", "Văn phòng HĐND và UBND", "Các phòng chuyên môn\nTrung tâm Phục vụ hành "
          "chính công", "Thường xuyên"],
    ["2", "Cải thiện, nâng cao các chỉ số, chỉ số thành phần chưa có sự cải thiện, đạt điểm "
          "thấp", "", "Phòng Kinh tế, Hạ tầng và Đô thị", "Quý III/2025"],
    ["3", "Xác định các nhiệm vụ, giải pháp cụ thể để tạo chuyển biến đồng bộ, thực chất trên "
          "các tiêu chí, tiêu chí thành phần của Chỉ số PAR INDEX, SIPAS, PAPI", "",
     "Phòng Văn hóa - Xã hội", "30/6/2025"],
]
XUAN_PHUONG_SECOND = [
    ["4", "Bám sát các nhiệm vụ được phân công, chủ động phối hợp với các phòng, ban, đơn vị có "
          "liên quan để tổ chức thực hiện", "Các phòng, ban, đơn vị", "Văn phòng HĐND và UBND",
     "Hằng tháng"],
    ["5", "Giải trình và chịu trách nhiệm trước UBND Phường, Chủ tịch UBND Phường về kết quả "
          "thực hiện các nhiệm vụ, giải pháp được phân công", "Các phòng, ban, đơn vị", "",
     ""],
    ["Ghi chú: Các phòng, ban, đơn vị báo cáo kết quả về Văn phòng HĐND và UBND trước ngày 15 "
     "hằng tháng.", "", "", "", ""],
]


def xuan_phuong(path: Path) -> Path:
    """A ward plan whose appendix table is split in two by a page break, the second half
    without a header; the lead unit is one cell merged down over three tasks, and the deadline
    of tasks 4 and 5 one cell merged over both."""
    document = new_document()
    heading_table(document, "ỦY BAN NHÂN DÂN\nPHƯỜNG XUÂN PHƯƠNG", "Xuân Phương, ngày … tháng … năm 2025")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải thiện, nâng cao Chỉ số hài lòng của người dân đối với sự phục vụ "
                           "của cơ quan hành chính nhà nước năm 2025")
    document.add_paragraph("PHỤ LỤC NHIỆM VỤ")
    fill_table(document, [XUAN_PHUONG_HEADER] + XUAN_PHUONG_FIRST, merges=[(1, 2, 3, 2)])
    page_break(document)
    fill_table(document, XUAN_PHUONG_SECOND, merges=[(0, 4, 1, 4), (2, 0, 2, 4)])
    document.save(str(path))
    return path


# --- 3. A combined table: Roman areas, criteria and a)/b) items with scores and tasks --------

COMBINED_HEADER = [["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa",
                    "Điểm đạt năm 2024", "Nhiệm vụ, giải pháp", "Chủ trì", "Phối hợp",
                    "Thời gian hoàn thành"]]
COMBINED_ROWS = [
    ["I", "Công tác chỉ đạo, điều hành cải cách hành chính", "10", "8,5", "", "", "", ""],
    ["1", "Kế hoạch cải cách hành chính năm", "4", "3,5", "", "", "", ""],
    ["a)", "Ban hành kế hoạch CCHC năm đúng thời hạn", "1", "1", "Ban hành Kế hoạch CCHC năm "
     "2025 trước ngày 31/01", "Văn phòng HĐND và UBND", "", "Trước 31/01/2025"],
    ["b)", "Mức độ thực hiện kế hoạch CCHC", "3", "2,5", "Rà soát tiến độ các nhiệm vụ của kế "
     "hoạch hằng quý", "Văn phòng HĐND và UBND", "Các phòng, ban", "Hằng quý"],
    ["", "", "", "", "Báo cáo kết quả thực hiện kế hoạch 6 tháng", "Văn phòng HĐND và UBND", "",
     "Trước 15/6"],
    ["2", "Công tác kiểm tra cải cách hành chính", "3", "2", "Kiểm tra công tác CCHC tại các "
     "bộ phận", "Văn phòng HĐND và UBND", "Phòng Kinh tế;\nPhòng Văn hóa - Xã hội", "Quý III"],
    ["3", "Công tác tuyên truyền cải cách hành chính", "3", "3", "Tuyên truyền CCHC trên hệ "
     "thống truyền thanh của xã", "Phòng Văn hóa - Xã hội", "", "Thường xuyên"],
    ["II", "Cải cách thủ tục hành chính", "", "", "", "", "", ""],
    ["1", "Công khai thủ tục hành chính", "2", "1", "Cập nhật, niêm yết TTHC tại Trung tâm "
     "Phục vụ hành chính công", "Trung tâm Phục vụ hành chính công", "", "Tháng 3/2025"],
    ["", "", "", "", "Công khai TTHC trên Cổng thông tin điện tử của xã",
     "Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND", "Tháng 4/2025"],
    ["2", "Tỷ lệ hồ sơ giải quyết đúng hạn", "2", "2", "", "", "", ""],
    ["", "TỔNG CỘNG", "", "", "", "", "", ""],
]


def combined(path: Path) -> Path:
    """One combined table: Roman areas, numbered criteria, a)/b) items, scores and tasks; a
    criterion's code and name merged down over its two task rows; the area rows merged
    across the task columns; a total line under the table."""
    document = new_document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Duy trì và nâng cao Chỉ số cải cách hành chính năm 2025")
    document.add_paragraph("PHỤ LỤC")
    document.add_paragraph("BẢNG TIÊU CHÍ VÀ PHÂN CÔNG NHIỆM VỤ")
    rows = COMBINED_HEADER + COMBINED_ROWS
    area_rows = [i for i, r in enumerate(rows) if r[0] in ("I", "II")]
    merges = [(r, 4, r, 7) for r in area_rows]
    merges += [(4, 0, 5, 0), (4, 1, 5, 1), (4, 2, 5, 2), (4, 3, 5, 3)]  # item b) over 2 tasks
    merges += [(9, 0, 10, 0), (9, 1, 10, 1), (9, 2, 10, 2), (9, 3, 10, 3)]  # II.1 over 2 tasks
    fill_table(document, rows, merges=merges)
    document.save(str(path))
    return path


# --- 4. Kon Tum: a table of contents and a signature table before the appendix ---------------

KON_TUM_HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
KON_TUM_ROWS = [
    ["I", "CẢI CÁCH THỂ CHẾ", "", "", ""],
    ["1", "Tiếp tục đẩy mạnh triển khai thực hiện các chương trình, kế hoạch cải cách hành "
          "chính giai đoạn 2016 - 2020 của Chính phủ và Ủy ban nhân dân tỉnh",
     "Sở Nội vụ", "Các sở, ban, ngành; UBND các huyện, thành phố", "Tháng 6"],
    ["2", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh", "Sở Tư pháp",
     "Các sở, ban, ngành", "Quý IV"],
    ["II", "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH", "", "", ""],
    ["3", "Thực hiện Đề án \"Tăng cường công tác thông tin, tuyên truyền cải cách hành chính giai "
          "đoạn 2016-2020\"", "Sở Nội vụ", "Sở Thông tin và Truyền thông", "Trước 30/9"],
]


def kon_tum(path: Path) -> Path:
    """A province plan with a table of contents and a signature table before the appendix,
    legal bases citing earlier years, group headings (I, II) in a list of tasks and deadlines
    without a year."""
    document = new_document()
    heading_table(document, "ỦY BAN NHÂN DÂN\nTỈNH KON TUM", "Kon Tum, ngày 08 tháng 12 năm 2017")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TRÊN ĐỊA BÀN TỈNH "
                           "KON TUM NĂM 2018")
    document.add_paragraph("Căn cứ Quyết định số 225/QĐ-TTg ngày 04/02/2016 của Thủ tướng Chính "
                           "phủ về việc phê duyệt Kế hoạch cải cách hành chính nhà nước giai "
                           "đoạn 2016 - 2020;")
    document.add_paragraph("Căn cứ Kế hoạch số 995/KH-UBND ngày 18/5/2016 của Ủy ban nhân dân "
                           "tỉnh về cải cách hành chính nhà nước trên địa bàn tỉnh Kon Tum giai "
                           "đoạn 2016 - 2020;")
    document.add_paragraph("MỤC LỤC")
    fill_table(document, [["STT", "Nội dung", "Trang"], ["I", "MỤC TIÊU, YÊU CẦU", "1"],
                          ["II", "NHIỆM VỤ TRỌNG TÂM", "2"], ["III", "TỔ CHỨC THỰC HIỆN", "5"]])
    document.add_paragraph("I. MỤC TIÊU, YÊU CẦU")
    document.add_paragraph("Đẩy mạnh cải cách hành chính, xây dựng nền hành chính chuyên "
                           "nghiệp, hiện đại, năng động, hoạt động có hiệu lực, hiệu quả.")
    signature_table(document, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "(đã ký)")
    page_break(document)
    document.add_paragraph("PHỤ LỤC")
    document.add_paragraph("NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2018")
    document.add_paragraph("(Kèm theo Kế hoạch số 3335/KH-UBND ngày 08/12/2017 của UBND tỉnh)")
    rows = [KON_TUM_HEADER] + KON_TUM_ROWS
    merges = [(r, 1, r, 4) for r, row in enumerate(rows) if row[0] in ("I", "II")]
    fill_table(document, rows, merges=merges)
    document.save(str(path))
    return path


# --- the round trip: a plan workbook's sheet written out as a Word table ---------------------


def grid_document(path: Path, rows: Sequence[Sequence[Any]],
                  merges: Sequence[tuple[int, int, int, int]], first_row: int) -> Path:
    """A workbook sheet as Word shows it after "copy the table into the plan": the lines above
    ``first_row`` as paragraphs (the titles), the rest one table with the same merges."""
    document = new_document()
    for row in rows[:first_row]:
        for value in row:
            if value not in ("", None):
                document.add_paragraph(_shown(value))
    body = [[_shown(v) for v in row] for row in rows[first_row:]]
    width = max(len(r) for r in body)
    body = [r + [""] * (width - len(r)) for r in body]
    inside = [(r1 - first_row, c1, r2 - first_row, c2) for r1, c1, r2, c2 in merges
              if r1 >= first_row]
    fill_table(document, body, merges=inside)
    document.save(str(path))
    return path


def _shown(value: Any) -> str:
    """A cell as a person types it into Word: 1,5 for 1.5, dates day first."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        value = int(value) if value.is_integer() else value
        return str(value).replace(".", ",")
    if isinstance(value, (date, datetime)):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "long-phung-2025.docx": long_phung,
    "xuan-phuong-2025.docx": xuan_phuong,
    "ket-hop-2025.docx": combined,
    "kon-tum-2018.docx": kon_tum,
}


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    out.mkdir(parents=True, exist_ok=True)
    for name, build in BUILDERS.items():
        print(build(out / name))
