"""``cchc template``: the canonical blank plan, in the separate-sheets shape (contract §1.1).

The workbook has four sheets:

* **Hướng dẫn** — how to fill it in (what each column means, the deadline forms the checker
  understands, the statuses, how codes join the two sheets, how to run ``cchc check``). The
  column list is generated from :data:`cchc_sheets.vocabulary.FIELDS`, so the instructions and
  the headers cannot drift apart.
* **Tiêu chí** — the criteria frame with max points and the scores of the two years before the
  plan year. It is pre-filled with the *contents* (nội dung) of a real published frame, Hà Nội
  QĐ 5666/QĐ-UBND of 17/11/2025 (8 nội dung + điểm thưởng, điểm trừ). The decision's point
  values were not available, so "Điểm tối đa" is left blank for the officer: no point value
  here is invented.
* **Phân công** — the task table, with drop-down lists (units, statuses) fed from a range of the
  hidden **Danh mục** sheet (never inline lists, which break past 255 characters), date
  validation on the update / completion dates and a 0–100 check on progress. The deadline
  column is free text ("Quý II/2026" is valid) with an input message listing the forms.
* **Danh mục** (hidden) — the lists behind the drop-downs.

Language: ``lang="en"`` writes the same workbook with the instructions sheet ("Instructions")
and the input messages in English. Sheet names, titles, column headers and list values stay
Vietnamese: they are what officers exchange and what the reader matches.

The output is byte-for-byte deterministic (fixed creation date; XlsxWriter stamps the zip
entries with a fixed date), so the shipped ``workbook_templates/ke-hoach-cchc-mau.xlsx`` can be
compared with a fresh one in the tests. Regenerate it after a change with
``python -m cchc_sheets template -o workbook_templates/ke-hoach-cchc-mau.xlsx --force``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from cchc_sheets.atomic import atomic_output
from cchc_sheets.errors import OutputError
from cchc_sheets.model import Status
from cchc_sheets.status import STATUS_WORDS
from cchc_sheets.text import pick
from cchc_sheets.vocabulary import FIELD_BY_NAME, Field

__all__ = [
    "CRITERIA_FIELDS",
    "FRAME_HANOI_5666",
    "CriterionLine",
    "PlanContent",
    "TaskLine",
    "LANGS",
    "PLAN_YEAR_DEFAULT",
    "SHEET_CRITERIA",
    "SHEET_GUIDE",
    "SHEET_LISTS",
    "SHEET_TASKS",
    "TASK_FIELDS",
    "TASK_ROWS",
    "UNITS_BEFORE_2025",
    "UNITS_FROM_2025",
    "guide_sheet_name",
    "score_header",
    "template_units",
    "write_plan",
    "write_template",
]

PLAN_YEAR_DEFAULT = 2026
"""Plan year of the blank template; its score columns are for the two years before."""

LANGS = ("vi", "en")

# Fixed so that the same code writes the same bytes (docProps/core.xml "created").
_CREATED = datetime(2026, 1, 1, 0, 0, 0, tzinfo=timezone.utc)

FONT_NAME = "Times New Roman"
FONT_SIZE = 12

SHEET_GUIDE = "Hướng dẫn"
SHEET_GUIDE_EN = "Instructions"
SHEET_CRITERIA = "Tiêu chí"
SHEET_TASKS = "Phân công"
SHEET_LISTS = "Danh mục"

TASK_ROWS = 200  # formatted empty task rows
CRITERIA_BLANK_ROWS = 3  # formatted empty criterion rows under each area

# Columns of the two data sheets, by vocabulary field (headers are the fields' ``vi`` labels).
CRITERIA_FIELDS = ("code", "criterion", "max")
TASK_FIELDS = (
    "number", "code", "task", "lead", "support", "deadline", "status", "progress",
    "result", "evidence", "updated", "completed",
)

# Commune bodies from 1/7/2025 (NĐ 150/2025/NĐ-CP) and the công chức titles before it
# (NĐ 33/2023/NĐ-CP), as the decrees name them. "Phòng Kinh tế" is the commune's name
# (a ward has "Phòng Kinh tế, Hạ tầng và Đô thị"; officers may type it: the list is not strict).
UNITS_FROM_2025: tuple[str, ...] = (
    "Văn phòng HĐND và UBND",
    "Phòng Kinh tế",
    "Phòng Văn hóa - Xã hội",
    "Trung tâm Phục vụ hành chính công",
)
UNITS_BEFORE_2025: tuple[str, ...] = (
    "Văn phòng - Thống kê",
    "Tư pháp - Hộ tịch",
    "Địa chính - Xây dựng",
    "Tài chính - Kế toán",
    "Văn hóa - Xã hội",
    "Chỉ huy trưởng Quân sự",
)

# Hà Nội QĐ 5666/QĐ-UBND (17/11/2025): 8 nội dung + 1 nội dung điểm thưởng, điểm trừ, for the
# Sở and the UBND xã, phường. The names are
# the Vietnamese renderings of the city portal's English list (sovhtt.hanoi.gov.vn/en/?p=30628);
# the decision's per-criterion points were not published in any source we could read.
FRAME_HANOI_5666: tuple[tuple[str, str], ...] = (
    ("1", "Công tác chỉ đạo, điều hành CCHC"),
    ("2", "Cải cách thể chế"),
    ("3", "Cải cách thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông"),
    ("4", "Cải cách tổ chức bộ máy"),
    ("5", "Cải cách chế độ công vụ"),
    ("6", "Cải cách tài chính công"),
    ("7", "Xây dựng và phát triển chính quyền điện tử, chính quyền số"),
    ("8", "Tác động của CCHC đến phát triển kinh tế - xã hội của Thành phố"),
    ("9", "Điểm thưởng, điểm trừ trong công tác CCHC"),
)
FRAME_SOURCE_VI = (
    "Quyết định số 5666/QĐ-UBND ngày 17/11/2025 của UBND thành phố Hà Nội (Bộ Chỉ số CCHC "
    "của các sở và UBND các xã, phường): 8 nội dung đánh giá và 1 nội dung điểm thưởng, "
    "điểm trừ"
)
FRAME_SOURCE_EN = (
    "Decision 5666/QĐ-UBND of 17/11/2025 of the Hà Nội People's Committee (PAR index of the "
    "departments and of the UBND of communes and wards): 8 assessed contents plus bonus and "
    "penalty points"
)

# Excel limits for data-validation input messages.
_TITLE_MAX = 32
_MESSAGE_MAX = 255


def score_header(year: int) -> str:
    """The header of a score column: ``Điểm đạt năm 2025``."""
    return f"Điểm đạt năm {year}"


_FOOTER = ("&CTrang &P/&N", "&CPage &P/&N")  # page footer (Excel codes: &P page, &N pages)


def guide_sheet_name(lang: str = "vi") -> str:
    return pick((SHEET_GUIDE, SHEET_GUIDE_EN), lang)


def template_units() -> tuple[str, ...]:
    """The units offered in the lead / support drop-downs, newest organisation first."""
    return UNITS_FROM_2025 + UNITS_BEFORE_2025


_STATUS_ORDER: tuple[Status, ...] = ("not_started", "in_progress", "done", "cancelled")


def _status_labels() -> tuple[str, ...]:
    """Statuses in the order work goes: not started, in progress, done, cancelled."""
    return tuple(STATUS_WORDS[s] for s in _STATUS_ORDER)


def _field(name: str) -> Field:
    return FIELD_BY_NAME[name]


@dataclass
class CriterionLine:
    """A line of the criteria sheet as another document gave it (points as numbers where they
    are numbers, else the text as written)."""

    code: str
    name: str
    max: float | str | None = None
    scores: dict[int, float | str | None] = field(default_factory=dict)
    area: bool = False  # shown bold, as the template shows its areas


@dataclass
class TaskLine:
    """A row of the task sheet as another document gave it; the officer's columns (status,
    progress, evidence, updated, completed) stay blank."""

    number: str
    codes: str
    task: str
    lead: str = ""
    support: str = ""
    deadline: str = ""
    result: str = ""


@dataclass
class PlanContent:
    """A plan to write in the template's shape instead of the blank frame (``cchc nhap``)."""

    plan_year: int | None
    criteria_title: str
    tasks_title: str
    note: str
    criteria: list[CriterionLine]
    tasks: list[TaskLine]
    score_columns: tuple[tuple[int, str], ...] = ()  # (year, header), as the document kinds them
    units: tuple[str, ...] = ()  # offered first in the unit drop-downs
    commune: str = ""
    frame_note: str = ""  # in the guide, instead of the paragraph on the pre-filled frame


# ---------------------------------------------------------------------------------------------
# Texts (Vietnamese, English)

_TX: dict[str, tuple[str, str]] = {
    "commune": ("UBND XÃ ……………………", "UBND XÃ ……………………"),
    "criteria_title": (
        "PHỤ LỤC I. KHUNG TIÊU CHÍ VÀ KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH – KẾ HOẠCH NĂM {year}",
        "PHỤ LỤC I. KHUNG TIÊU CHÍ VÀ KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH – KẾ HOẠCH NĂM {year}",
    ),
    "criteria_note": (
        "(Điểm tối đa ghi theo quyết định công bố Bộ chỉ số của cấp có thẩm quyền – xem sheet "
        "Hướng dẫn)",
        "(Điểm tối đa ghi theo quyết định công bố Bộ chỉ số của cấp có thẩm quyền – xem sheet "
        "Instructions)",
    ),
    "tasks_title": (
        "PHỤ LỤC II. PHÂN CÔNG NHIỆM VỤ DUY TRÌ, CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH "
        "CHÍNH NĂM {year}",
        "PHỤ LỤC II. PHÂN CÔNG NHIỆM VỤ DUY TRÌ, CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH "
        "CHÍNH NĂM {year}",
    ),
    "tasks_note": (
        "(Kèm theo Kế hoạch số ……/KH-UBND ngày ……/……/{year} của UBND xã ……………………)",
        "(Kèm theo Kế hoạch số ……/KH-UBND ngày ……/……/{year} của UBND xã ……………………)",
    ),
    "lists_units": ("Đơn vị", "Đơn vị"),
    "lists_status": ("Trạng thái", "Trạng thái"),
    # data-validation input messages (title ≤ 32, message ≤ 255 characters)
    "code_t": ("Mã tiêu chí", "Criterion code"),
    "code_m": (
        "Ghi mã ở sheet Tiêu chí, ví dụ 1.2 hoặc 3.1.2. Nhiệm vụ phục vụ nhiều tiêu chí: ghi "
        "các mã cách nhau bằng dấu phẩy (1.2, 1.3).",
        "A code from the Tiêu chí sheet, e.g. 1.2 or 3.1.2. A task serving several criteria: "
        "separate the codes with commas (1.2, 1.3).",
    ),
    "lead_t": ("Bộ phận chủ trì", "Lead unit"),
    "lead_m": (
        "Chọn trong danh sách hoặc gõ tên khác. Mỗi nhiệm vụ chỉ một bộ phận chủ trì.",
        "Pick from the list or type another name. One lead unit per task.",
    ),
    "lead_e": (
        "Tên này không có trong danh sách. Bấm OK để giữ nguyên (chương trình vẫn hiểu), "
        "Cancel để chọn lại.",
        "This name is not in the list. Click OK to keep it (the checker still reads it), "
        "Cancel to pick again.",
    ),
    "support_t": ("Bộ phận phối hợp", "Supporting units"),
    "support_m": (
        "Chọn trong danh sách hoặc gõ; nhiều bộ phận cách nhau bằng dấu phẩy, dấu chấm phẩy "
        "hoặc xuống dòng (Alt+Enter).",
        "Pick from the list or type; separate several units with commas, semicolons or new "
        "lines (Alt+Enter).",
    ),
    "deadline_t": ("Thời hạn hoàn thành", "Deadline"),
    "deadline_m": (
        "Ghi ngày (30/6/{y}) hoặc: Tháng 6/{y}; Quý II/{y}; 6 tháng đầu năm {y}; Năm {y}; "
        "Trước ngày 15/3/{y}; Từ tháng 3 đến tháng 6/{y}; Thường xuyên; Hằng tháng; Hằng quý. "
        "Ngày ghi trước tháng.",
        "A date (30/6/{y}) or: Tháng 6/{y}; Quý II/{y}; 6 tháng đầu năm {y}; Năm {y}; "
        "Trước ngày 15/3/{y}; Từ tháng 3 đến tháng 6/{y}; Thường xuyên; Hằng tháng; Hằng quý. "
        "Day before month.",
    ),
    "status_t": ("Trạng thái", "Status"),
    "status_m": (
        "Chọn: {labels}.",
        "Pick: {labels} (not started, in progress, done, cancelled).",
    ),
    "status_e": (
        "Nên chọn trong danh sách. Bấm Yes để giữ chữ đã gõ (có thể bị báo là trạng thái "
        "không rõ), No để sửa.",
        "Better pick from the list. Click Yes to keep what you typed (it may be reported as an "
        "unknown status), No to change it.",
    ),
    "progress_t": ("Tiến độ (%)", "Progress (%)"),
    "progress_m": (
        "Số từ 0 đến 100, không gõ dấu %. 100 = hoàn thành.",
        "A number from 0 to 100, without the % sign. 100 = done.",
    ),
    "progress_e": (
        "Tiến độ phải là số từ 0 đến 100.",
        "Progress must be a number from 0 to 100.",
    ),
    "date_t": ("Ngày", "Date"),
    "date_m": (
        "Gõ ngày theo dạng ngày/tháng/năm, ví dụ 30/6/{y}.",
        "Type a date, day first: 30/6/{y}.",
    ),
    "date_e": (
        "Cần một ngày hợp lệ (từ năm 2000 đến 2100), ví dụ 30/6/{y}.",
        "A valid date is needed (years 2000 to 2100), e.g. 30/6/{y}.",
    ),
    "max_t": ("Điểm tối đa", "Max points"),
    "max_m": (
        "Điểm tối đa theo quyết định công bố Bộ chỉ số. Dòng nội dung lớn: để trống hoặc ghi "
        "tổng; chương trình tự cộng các tiêu chí con.",
        "Max points from the decision publishing the index. Area rows: leave blank or write the "
        "total; the checker adds up the children.",
    ),
    "max_e": ("Điểm tối đa là số từ 0 đến 100.", "Max points are a number from 0 to 100."),
    "score_t": ("Điểm đạt", "Points scored"),
    "score_m": (
        "Điểm thẩm định của năm ghi ở tiêu đề cột. Có thể âm (điểm trừ), không vượt điểm tối "
        "đa. Tiêu chí không áp dụng: ghi \"Không áp dụng\".",
        "Appraised points of the year in the header. May be negative (penalties), never above "
        "the max. A criterion that does not apply: write \"Không áp dụng\".",
    ),
    "ccode_t": ("Mã tiêu chí", "Criterion code"),
    "ccode_m": (
        "Mã theo cấp: nội dung 1, tiêu chí 1.1, tiêu chí thành phần 1.1.1. Cột này là dạng "
        "văn bản nên 1.10 không bị đổi thành 1.1.",
        "Code by level: area 1, criterion 1.1, sub-criterion 1.1.1. The column is text, so "
        "1.10 stays 1.10.",
    ),
}


def _t(key: str, lang: str, **fmt: Any) -> str:
    vi, en = _TX[key]
    text = pick((vi, en), lang)
    return text.format(**fmt) if fmt else text


# ---------------------------------------------------------------------------------------------
# Instructions sheet content

# What each column means, per field; the header text itself and the other accepted names come
# from vocabulary.FIELDS.
_FIELD_HELP: dict[str, tuple[str, str]] = {
    "code": (
        "Mã tiêu chí. Ở sheet Tiêu chí: mã của dòng (1, 1.1, 1.1.1). Ở sheet Phân công: mã của "
        "tiêu chí mà nhiệm vụ phục vụ; có thể ghi nhiều mã cách nhau bằng dấu phẩy, dấu chấm "
        "phẩy hoặc xuống dòng.",
        "Criterion code. On Tiêu chí: the code of the line (1, 1.1, 1.1.1). On Phân công: the "
        "code(s) of the criteria the task serves, separated by commas, semicolons or new lines.",
    ),
    "number": (
        "Số thứ tự của nhiệm vụ (tùy ý; dùng để gọi tên nhiệm vụ trong báo cáo).",
        "The task's own number (optional; used to name the task in reports).",
    ),
    "criterion": (
        "Tên nội dung, tiêu chí hoặc tiêu chí thành phần.",
        "Name of the area, criterion or sub-criterion.",
    ),
    "max": (
        "Điểm tối đa của tiêu chí theo quyết định công bố Bộ chỉ số. Dòng có tiêu chí con: "
        "chương trình lấy tổng của các dòng con (nếu ghi khác sẽ được cảnh báo).",
        "Max points of the criterion, from the decision publishing the index. A line with "
        "children: the checker uses the children's sum (a different stated value is warned).",
    ),
    "lost": (
        "Điểm bị trừ (tối đa trừ điểm đạt); chỉ để tham khảo, chương trình tự tính lại.",
        "Points lost (max minus score); informational, the checker recomputes it.",
    ),
    "task": (
        "Nội dung nhiệm vụ, giải pháp. Dòng nào có nội dung ở cột này là một nhiệm vụ.",
        "What is to be done. Every row with text in this column is a task.",
    ),
    "lead": (
        "Một bộ phận (hoặc công chức) chủ trì. Chọn trong danh sách hoặc gõ tên khác.",
        "One lead unit (or officer). Pick from the list or type another name.",
    ),
    "support": (
        "Các bộ phận phối hợp, cách nhau bằng dấu phẩy, dấu chấm phẩy hoặc xuống dòng.",
        "Supporting units, separated by commas, semicolons or new lines.",
    ),
    "deadline": (
        "Thời hạn hoàn thành: một ngày hoặc một cách ghi ở mục 4 bên dưới.",
        "Deadline: a date or one of the forms in section 4 below.",
    ),
    "status": (
        "Trạng thái: chọn trong danh sách (mục 5 bên dưới).",
        "Status: pick from the list (section 5 below).",
    ),
    "progress": (
        "Tiến độ, số từ 0 đến 100 (không bắt buộc). Để trống trạng thái thì chương trình suy "
        "ra từ tiến độ: 100 là hoàn thành, trên 0 là đang thực hiện, 0 là chưa thực hiện.",
        "Progress, 0 to 100 (optional). With no status, the checker takes it from progress: "
        "100 done, above 0 in progress, 0 not started.",
    ),
    "result": (
        "Kết quả đã làm được đến lúc cập nhật (ngắn gọn).",
        "What has been achieved so far (briefly).",
    ),
    "evidence": (
        "Tài liệu kiểm chứng: số, ngày của văn bản, quyết định, báo cáo. Nhiệm vụ hoàn thành "
        "mà thiếu tài liệu kiểm chứng sẽ bị nhắc (không có tài liệu thì không được tính điểm).",
        "Evidence: number and date of the document, decision or report. A done task without "
        "evidence is reported (no evidence, no points).",
    ),
    "updated": (
        "Ngày cập nhật nhiệm vụ lần gần nhất. Nhiệm vụ chưa xong mà quá 14 ngày chưa cập nhật "
        "sẽ bị nhắc.",
        "Date of the task's last update. An open task not updated for 14 days is reported.",
    ),
    "completed": (
        "Ngày hoàn thành thực tế (để biết hoàn thành đúng hạn hay trễ hạn).",
        "Actual completion date (to tell on time from late).",
    ),
}


@dataclass(frozen=True)
class _Line:
    kind: str  # "title" | "section" | "para" | "pair" (a bold term, then its explanation)
    a: str = ""
    b: str = ""
    sep: str = " – "


def _column_lines(fields: tuple[str, ...], lang: str) -> list[_Line]:
    """One line per column: the header (the field's ``vi`` label) and what it means."""
    lines = []
    for name in fields:
        f = _field(name)
        vi_help, en_help = _FIELD_HELP[name]
        others = [h for h in f.headers if h != f.vi]
        if lang == "en":
            text = f"{en_help} ({f.en}.)"
            if others:
                text += " Also read under: " + "; ".join(others) + "."
        else:
            text = vi_help
            if others:
                text += " Chương trình cũng hiểu các tên cột: " + "; ".join(others) + "."
        lines.append(_Line("pair", f.vi, text))
    return lines


def _deadline_examples(y: int) -> list[tuple[str, str, str]]:
    """(written, meaning in Vietnamese, meaning in English), contract §2."""
    return [
        (f"30/6/{y}  (hoặc 30-06-{y}, 30.6.{y}, {y}-06-30, ô định dạng ngày)",
         f"ngày 30/6/{y}", f"30 June {y}"),
        (f"Tháng 6/{y}  (T6/{y}, tháng 6 năm {y}, 06/{y})",
         f"ngày cuối tháng: 30/6/{y}", f"last day of the month: 30/6/{y}"),
        (f"Quý II/{y}  (Quý 2/{y}, Q2/{y}, Quý II-{y})",
         f"ngày cuối quý: 30/6/{y}", f"last day of the quarter: 30/6/{y}"),
        (f"6 tháng đầu năm {y} / 6 tháng cuối năm {y}",
         f"30/6/{y} / 31/12/{y}", f"30/6/{y} / 31/12/{y}"),
        (f"Năm {y}  (Trong năm {y})", f"31/12/{y}", f"31/12/{y}"),
        (f"Trước ngày 15/3/{y}  (Chậm nhất 15/3/{y})",
         f"ngày 15/3/{y}; từ 16/3/{y} là quá hạn", f"15/3/{y}; late from 16/3/{y}"),
        (f"Từ tháng 3 đến tháng 6/{y}  (Tháng 3-6/{y})",
         f"cuối khoảng thời gian: 30/6/{y}", f"end of the range: 30/6/{y}"),
        (f"Quý II-III/{y}", f"cuối khoảng thời gian: 30/9/{y}", f"end of the range: 30/9/{y}"),
        ("Thường xuyên / Liên tục",
         "không có hạn; cần cập nhật ít nhất 30 ngày một lần",
         "no due date; an update is expected at least every 30 days"),
        ("Hằng tháng / Hằng quý",
         "không có hạn; cần cập nhật mỗi tháng / mỗi quý",
         "no due date; an update is expected every month / quarter"),
        ("Hằng năm", "31/12 của năm kế hoạch", "31/12 of the plan year"),
        ("Theo quy định / Theo yêu cầu / Khi có văn bản chỉ đạo",
         "không có hạn", "no due date"),
        ("(để trống)", "cảnh báo: nhiệm vụ chưa có thời hạn",
         "warning: the task has no deadline"),
        (f"Cách ghi khác, ngày không có thật (31/2/{y}, Tháng 13/{y})",
         "không hiểu được: báo lỗi, chỉ rõ ô cần sửa",
         "not understood: reported as a problem naming the cell"),
    ]


def _status_lines(lang: str) -> list[_Line]:
    words: dict[Status, tuple[str, str]] = {
        "not_started": ("Chưa triển khai, Chưa", "Chưa triển khai, Chưa, Not started"),
        "in_progress": ("Đang triển khai, Đang làm, Chậm tiến độ, Quá hạn",
                        "Đang triển khai, Đang làm, Chậm tiến độ, Quá hạn, In progress"),
        "done": ("Đã hoàn thành, Xong, Đã xong, HT", "Đã hoàn thành, Xong, Đã xong, HT, Done"),
        "cancelled": ("Không thực hiện, Tạm dừng, Không áp dụng",
                      "Không thực hiện, Tạm dừng, Không áp dụng"),
    }
    meaning: dict[Status, tuple[str, str]] = {
        "not_started": ("chưa bắt đầu", "not started"),
        "in_progress": ("đang làm", "in progress"),
        "done": ("đã xong (cần ghi tài liệu kiểm chứng)", "done (record the evidence)"),
        "cancelled": ("không làm nữa; không bị nhắc hạn", "cancelled; no deadline reminders"),
    }
    lines = []
    for key in _STATUS_ORDER:
        label = STATUS_WORDS[key]
        vi_m, en_m = meaning[key]
        vi_w, en_w = words[key]
        if lang == "en":
            lines.append(_Line("pair", label, f"{en_m}. Also understood: {en_w}."))
        else:
            lines.append(_Line("pair", label, f"{vi_m}. Chương trình cũng hiểu: {vi_w}."))
    return lines


def _guide_lines(lang: str, plan_year: int) -> list[_Line]:
    y = plan_year
    last, prev = y - 1, y - 2
    units = "; ".join(template_units())
    if lang == "en":
        lines = [
            _Line("title", "HOW TO FILL IN THE CCHC (PAR INDEX) PLAN TEMPLATE"),
            _Line("para", "This workbook is the task-assignment appendix of the plan to "
                  "maintain and improve the PAR index (Chỉ số CCHC). Keep it in Excel as usual; "
                  "the `cchc check` program reads it and writes a summary. The sheets, titles "
                  "and column headers stay in Vietnamese on purpose: the checker finds the "
                  "columns by these names."),
            _Line("section", "1. The sheets"),
            _Line("pair", SHEET_CRITERIA, "The criteria frame: one line per area, criterion "
                  f"and sub-criterion, with max points and the scores of {last} and {prev}."),
            _Line("pair", SHEET_TASKS, "The tasks: one row per task, naming the code(s) of "
                  "the criteria it serves, the lead unit, deadline, status and evidence."),
            _Line("pair", SHEET_LISTS, "Hidden sheet with the drop-down lists (units, "
                  "statuses). To change a unit name: right-click a sheet tab → Unhide → "
                  f"{SHEET_LISTS}, and edit the name in place."),
            _Line("section", f"2. Columns of the {SHEET_CRITERIA} sheet"),
            *_column_lines(CRITERIA_FIELDS, lang),
            _Line("pair", score_header(last), f"Appraised points of {last} (last year). May be "
                  "negative (penalty lines), never above the max. A criterion that does not "
                  "apply: write \"Không áp dụng\" (or KAD, N/A, -); it then leaves both sums."),
            _Line("pair", score_header(prev), f"Points of {prev}, to see what rose or fell."),
            _Line("para", "Frame: the areas 1–9 are pre-filled from " + FRAME_SOURCE_EN + ". "
                  "The area names are renderings of the city portal's summary: check them "
                  "against the decision. The decision's max points were not available to us, "
                  "so the \"Điểm tối đa\" column is left BLANK: copy the points from the "
                  "decision publishing the index for your commune (city/province decision; "
                  "for years before 7/2025, the district decision). Under each area, type the "
                  "criteria yourself (1.1, 1.2, … and 1.1.1 for sub-criteria); a line with "
                  "children is the sum of its children. Lines named \"Điểm thưởng\" or \"Điểm "
                  "trừ\" count in the total but are never weak criteria."),
            _Line("section", f"3. Columns of the {SHEET_TASKS} sheet"),
            *_column_lines(TASK_FIELDS, lang),
            _Line("para", f"Codes in {SHEET_TASKS} name codes of the {SHEET_CRITERIA} sheet: "
                  "a task under 1.2 covers criterion 1.2. A weak criterion (points lost, low "
                  "ratio or declined) that no task names, nor a line above or below it, is "
                  "reported as uncovered."),
            _Line("section", "4. Deadlines the checker understands (day before month)"),
            *[_Line("pair", w, en, "  →  ") for w, _vi, en in _deadline_examples(y)],
            _Line("para", f"A date without a year is in the plan year ({y}). Type deadlines "
                  "the way you would say them; anything else is reported with its cell so that "
                  "you can correct it."),
            _Line("section", "5. Statuses"),
            *_status_lines(lang),
            _Line("para", "An empty status is taken from progress where there is one. A "
                  "status that is not understood is reported as a warning naming the cell."),
            _Line("section", "6. Units"),
            _Line("para", f"The drop-down offers the commune bodies from 1/7/2025 and the "
                  f"older công chức titles: {units}. You may type another name. A cchc.toml "
                  "file beside the workbook can map short forms to one unit ([[units]] name, "
                  "aliases, email)."),
            _Line("section", "7. Running the check"),
            _Line("para", "The program never modifies this file: it only reads it and writes "
                  "its results to new files."),
            _Line("pair", "cchc check ke-hoach-cchc.xlsx", "Check as of today; writes the "
                  "summary workbook tong-hop-cchc-<date>.xlsx beside the plan."),
            _Line("pair", f"cchc check ke-hoach-cchc.xlsx --as-of {y}-06-30",
                  f"Check as of 30/6/{y}."),
            _Line("pair", "cchc check ke-hoach-cchc.xlsx --scores ket-qua.xlsx",
                  "Take last year's scores from a separate results workbook."),
            _Line("pair", "cchc check ke-hoach-cchc.xlsx --format json",
                  "Results as JSON on standard output (for other programs)."),
            _Line("pair", "cchc template -o ke-hoach-cchc.xlsx", "Write this blank template."),
            _Line("para", "On Windows, run these in a Command Prompt opened in the folder of "
                  "the workbook (put file names with spaces in quotes). `python -m "
                  "cchc_sheets` works the same as `cchc`."),
        ]
        return lines
    return [
        _Line("title", "HƯỚNG DẪN ĐIỀN MẪU KẾ HOẠCH DUY TRÌ, NÂNG CAO CHỈ SỐ CCHC"),
        _Line("para", "Sổ tính này là phụ lục phân công nhiệm vụ của Kế hoạch duy trì, cải "
              "thiện và nâng cao Chỉ số cải cách hành chính (PAR INDEX). Cán bộ cập nhật trong "
              "Excel như bình thường; chương trình `cchc check` đọc tệp và lập bảng tổng hợp "
              "(quá hạn, sắp đến hạn, thiếu cập nhật, tiêu chí bị mất điểm)."),
        _Line("section", "1. Các sheet"),
        _Line("pair", SHEET_CRITERIA, "Khung tiêu chí: mỗi dòng là một nội dung, tiêu chí "
              f"hoặc tiêu chí thành phần, với điểm tối đa và điểm đạt năm {last}, năm {prev}."),
        _Line("pair", SHEET_TASKS, "Phân công nhiệm vụ: mỗi dòng là một nhiệm vụ, ghi mã "
              "tiêu chí mà nhiệm vụ phục vụ, bộ phận chủ trì, thời hạn, trạng thái, tài liệu "
              "kiểm chứng."),
        _Line("pair", SHEET_LISTS, "Sheet ẩn chứa danh sách chọn (bộ phận, trạng thái). Muốn "
              "sửa tên bộ phận: bấm chuột phải vào tên sheet → Unhide (Bỏ ẩn) → "
              f"{SHEET_LISTS}, rồi sửa tên tại chỗ."),
        _Line("section", f"2. Các cột của sheet {SHEET_CRITERIA}"),
        *_column_lines(CRITERIA_FIELDS, lang),
        _Line("pair", score_header(last), f"Điểm thẩm định năm {last} (năm trước). Có thể âm "
              "(dòng điểm trừ), không được lớn hơn điểm tối đa. Tiêu chí không áp dụng: ghi "
              "\"Không áp dụng\" (hoặc KAD, N/A, -); khi đó tiêu chí không tính vào tổng điểm "
              "và tổng điểm tối đa."),
        _Line("pair", score_header(prev), f"Điểm năm {prev}, để so sánh tăng, giảm."),
        _Line("para", "Khung tiêu chí: các nội dung 1–9 được điền sẵn theo " + FRAME_SOURCE_VI
              + ". Tên nội dung ghi theo bản tin của Cổng thông tin thành phố; đề nghị đối "
              "chiếu với văn bản gốc. Chưa có nguồn công bố điểm tối đa của từng nội dung, "
              "tiêu chí nên cột \"Điểm tối đa\" để TRỐNG: cán bộ điền theo quyết định công bố "
              "Bộ chỉ số CCHC áp dụng cho xã (của UBND thành phố/tỉnh; các năm trước 7/2025 là "
              "quyết định của UBND huyện). Dưới mỗi nội dung, cán bộ tự ghi các tiêu chí (1.1, "
              "1.2, … và 1.1.1 cho tiêu chí thành phần); dòng có tiêu chí con được tính bằng "
              "tổng các dòng con. Dòng \"Điểm thưởng\", \"Điểm trừ\" được cộng vào tổng điểm "
              "nhưng không bị coi là tiêu chí yếu."),
        _Line("section", f"3. Các cột của sheet {SHEET_TASKS}"),
        *_column_lines(TASK_FIELDS, lang),
        _Line("para", f"Mã tiêu chí ở sheet {SHEET_TASKS} phải là mã có ở sheet "
              f"{SHEET_CRITERIA}: nhiệm vụ ghi 1.2 là nhiệm vụ của tiêu chí 1.2. Tiêu chí bị "
              "mất điểm, điểm thấp hoặc giảm điểm mà không có nhiệm vụ nào ghi mã của nó (hoặc "
              "của dòng trên, dòng dưới nó) sẽ được báo là \"chưa có nhiệm vụ\"."),
        _Line("section", "4. Cách ghi thời hạn chương trình hiểu được (ngày ghi trước tháng)"),
        *[_Line("pair", w, vi, "  →  ") for w, vi, _en in _deadline_examples(y)],
        _Line("para", f"Ngày không ghi năm được hiểu là năm kế hoạch ({y}). Cách ghi khác các "
              "dạng trên sẽ được báo kèm địa chỉ ô để cán bộ sửa."),
        _Line("section", "5. Trạng thái"),
        *_status_lines(lang),
        _Line("para", "Để trống trạng thái thì chương trình lấy theo cột Tiến độ (%) nếu có. "
              "Trạng thái ghi khác các cách trên được báo là không rõ, kèm địa chỉ ô."),
        _Line("section", "6. Bộ phận"),
        _Line("para", "Danh sách chọn gồm các cơ quan chuyên môn của xã từ 1/7/2025 và chức "
              f"danh công chức trước đó: {units}. Có thể gõ tên khác. Tệp cchc.toml đặt cạnh "
              "sổ tính có thể gộp các cách viết tắt về một bộ phận ([[units]]: name, aliases, "
              "email)."),
        _Line("section", "7. Chạy chương trình kiểm tra"),
        _Line("para", "Chương trình KHÔNG BAO GIỜ sửa tệp này: chỉ đọc và ghi kết quả ra tệp "
              "mới."),
        _Line("pair", "cchc check ke-hoach-cchc.xlsx", "Kiểm tra đến ngày hôm nay; ghi bảng "
              "tổng hợp tong-hop-cchc-<ngày>.xlsx cạnh tệp kế hoạch."),
        _Line("pair", f"cchc check ke-hoach-cchc.xlsx --as-of {y}-06-30",
              f"Kiểm tra tính đến ngày 30/6/{y}."),
        _Line("pair", "cchc check ke-hoach-cchc.xlsx --scores ket-qua.xlsx",
              "Lấy điểm năm trước từ một tệp kết quả riêng."),
        _Line("pair", "cchc check ke-hoach-cchc.xlsx --format json",
              "In kết quả dạng JSON (cho chương trình khác)."),
        _Line("pair", "cchc template -o ke-hoach-cchc.xlsx", "Tạo mẫu trống này."),
        _Line("para", "Trên Windows: mở Command Prompt tại thư mục chứa tệp rồi gõ lệnh (tên "
              "tệp có dấu cách thì đặt trong ngoặc kép). Lệnh `python -m cchc_sheets` tương "
              "đương `cchc`."),
    ]


# ---------------------------------------------------------------------------------------------
# Writing


class _Formats:
    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        base: dict[str, Any] = {"font_name": FONT_NAME, "font_size": FONT_SIZE}

        def add(**props: Any) -> Format:
            return wb.add_format({**base, **props})

        cell = {"border": 1, "text_wrap": True, "valign": "top"}
        self.title = add(bold=True, font_size=14, align="center", valign="vcenter",
                         text_wrap=True)
        self.subtitle = add(italic=True, align="center", valign="vcenter", text_wrap=True)
        self.commune = add(bold=True)
        self.header = add(bold=True, align="center", valign="vcenter", text_wrap=True,
                          border=1, bg_color="#DDEBF7")
        self.text = add(**cell)
        self.code = add(**cell, num_format="@", align="center")
        self.number = add(**cell, align="center")
        self.points = add(**cell, num_format="0.00", align="center")
        self.progress = add(**cell, num_format="0", align="center")
        self.date = add(**cell, num_format="dd/mm/yyyy", align="center")
        self.area_code = add(**cell, num_format="@", align="center", bold=True,
                             bg_color="#F2F2F2")
        self.area_text = add(**cell, bold=True, bg_color="#F2F2F2")
        self.area_points = add(**cell, num_format="0.00", align="center", bold=True,
                               bg_color="#F2F2F2")
        self.guide_title = add(bold=True, font_size=14, text_wrap=True)
        self.guide_section = add(bold=True, font_color="#1F4E79", text_wrap=True)
        self.guide_text = add(text_wrap=True, valign="top")
        self.guide_bold = add(bold=True)
        self.plain = add()


def _setup_print(ws: Worksheet, header_row: int, lang: str) -> None:
    ws.set_paper(9)  # A4
    ws.set_landscape()
    ws.set_margins(left=0.5, right=0.4, top=0.6, bottom=0.6)
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(header_row)
    footer = pick(_FOOTER, lang)
    ws.set_footer(footer)


def _lines_needed(text: str, width: float) -> int:
    """Rough number of wrapped lines of ``text`` in a column ``width`` characters wide."""
    per_line = max(1.0, width * 1.05)  # Times New Roman is a little narrower than the unit
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


_FRAME_PARAS = ("Khung tiêu chí: các nội dung 1–9", "Frame: the areas 1–9")


def _write_guide(wb: xlsxwriter.Workbook, fm: _Formats, lang: str, plan_year: int,
                 frame_note: str = "") -> None:
    """The instructions, one cell per line in a single wide column.

    One column on purpose: a line such as "Tiêu chí – … điểm tối đa …" spread over two cells
    would look like a header row (two field names side by side) to a reader that searches every
    sheet for its table.
    """
    ws = wb.add_worksheet(guide_sheet_name(lang))
    width = 85.0
    ws.set_column(0, 0, width)
    ws.hide_gridlines(2)
    ws.set_paper(9)
    ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.set_footer(pick(_FOOTER, lang))
    row = 0
    for line in _guide_lines(lang, plan_year):
        if frame_note and line.kind == "para" and line.a.startswith(_FRAME_PARAS):
            line = _Line("para", frame_note)  # the frame came from a document, not QĐ 5666
        if line.kind == "title":
            ws.write_string(row, 0, line.a, fm.guide_title)
            ws.set_row(row, 24)
            row += 2
            continue
        if line.kind == "section":
            row += 1
            ws.write_string(row, 0, line.a, fm.guide_section)
            text = line.a
        elif line.kind == "para":
            ws.write_string(row, 0, line.a, fm.guide_text)
            text = line.a
        else:  # "pair"
            ws.write_rich_string(row, 0, fm.guide_bold, line.a, fm.guide_text,
                                 line.sep + line.b, fm.guide_text)
            text = line.a + line.sep + line.b
        lines = _lines_needed(text, width)
        if lines > 1:
            ws.set_row(row, 16.5 * lines)
        row += 1


def _title_rows(ws: Worksheet, fm: _Formats, last_col: int, title: str, note: str,
                commune: str = "") -> None:
    ws.write_string(0, 0, commune or _t("commune", "vi"), fm.commune)
    ws.merge_range(1, 0, 1, last_col, title, fm.title)
    ws.set_row(1, 36)
    ws.merge_range(2, 0, 2, last_col, note, fm.subtitle)


def _input_message(title: str, message: str) -> dict[str, Any]:
    if len(title) > _TITLE_MAX or len(message) > _MESSAGE_MAX:  # Excel's limits
        raise ValueError(f"input message too long: {title!r} ({len(message)} characters)")
    return {"input_title": title, "input_message": message}


def _write_criteria(wb: xlsxwriter.Workbook, fm: _Formats, lang: str, plan_year: int,
                    content: PlanContent | None = None) -> None:
    ws = wb.add_worksheet(SHEET_CRITERIA)
    years: tuple[int, ...] = (plan_year - 1, plan_year - 2)
    score_headers = [score_header(y) for y in years]
    if content is not None and content.score_columns:
        years = tuple(year for year, _ in content.score_columns)
        score_headers = [text for _, text in content.score_columns]
    headers = [_field(name).vi for name in CRITERIA_FIELDS] + score_headers
    last_col = len(headers) - 1
    widths = (12, 70, 12) + (14,) * len(years)
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    if content is not None:
        _title_rows(ws, fm, last_col, content.criteria_title, content.note, content.commune)
    else:
        _title_rows(ws, fm, last_col, _t("criteria_title", lang, year=plan_year),
                    _t("criteria_note", lang))
    header_row = 4
    ws.set_row(header_row, 33)
    for col, text in enumerate(headers):
        ws.write_string(header_row, col, text, fm.header)
    row = header_row + 1
    first_data = row
    if content is not None:
        row = _criteria_lines(ws, fm, row, years, content.criteria)
    for code, name in (FRAME_HANOI_5666 if content is None else ()):
        ws.write_string(row, 0, code, fm.area_code)
        ws.write_string(row, 1, name, fm.area_text)
        for col in range(2, last_col + 1):
            ws.write_blank(row, col, None, fm.area_points)
        row += 1
        for _ in range(CRITERIA_BLANK_ROWS):
            ws.write_blank(row, 0, None, fm.code)
            ws.write_blank(row, 1, None, fm.text)
            for col in range(2, last_col + 1):
                ws.write_blank(row, col, None, fm.points)
            row += 1
    if content is not None:
        for _ in range(CRITERIA_BLANK_ROWS):  # room for a line the document did not have
            ws.write_blank(row, 0, None, fm.code)
            ws.write_blank(row, 1, None, fm.text)
            for col in range(2, last_col + 1):
                ws.write_blank(row, col, None, fm.points)
            row += 1
    last_data = row - 1
    ws.data_validation(first_data, 0, last_data, 0, {
        "validate": "any", **_input_message(_t("ccode_t", lang), _t("ccode_m", lang))})
    ws.data_validation(first_data, 2, last_data, 2, {
        "validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 100,
        "error_title": _t("max_t", lang), "error_message": _t("max_e", lang),
        **_input_message(_t("max_t", lang), _t("max_m", lang))})
    ws.data_validation(first_data, 3, last_data, last_col, {
        "validate": "any", **_input_message(_t("score_t", lang), _t("score_m", lang))})
    ws.freeze_panes(header_row + 1, 0)
    _setup_print(ws, header_row, lang)


def _points(ws: Worksheet, row: int, col: int, value: float | str | None, fmt: Format) -> None:
    if value is None or value == "":
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, str):
        ws.write_string(row, col, value, fmt)
    else:
        ws.write_number(row, col, value, fmt)


def _criteria_lines(ws: Worksheet, fm: _Formats, row: int, years: tuple[int, ...],
                    lines: list[CriterionLine]) -> int:
    """The criteria of a document, from ``row``; returns the row under the last."""
    for line in lines:
        code_fmt, text_fmt, points_fmt = (fm.area_code, fm.area_text, fm.area_points) \
            if line.area else (fm.code, fm.text, fm.points)
        ws.write_string(row, 0, line.code, code_fmt)
        ws.write_string(row, 1, line.name, text_fmt)
        _points(ws, row, 2, line.max, points_fmt)
        for i, year in enumerate(years):
            _points(ws, row, 3 + i, line.scores.get(year), points_fmt)
        if "\n" in line.name or len(line.name) > 75:
            ws.set_row(row, 15.75 * _lines_needed(line.name, 70))
        row += 1
    return row


def _list_ref(col: str, count: int) -> str:
    return f"='{SHEET_LISTS}'!${col}$2:${col}${count + 1}"


def _write_tasks(wb: xlsxwriter.Workbook, fm: _Formats, lang: str, plan_year: int,
                 content: PlanContent | None = None) -> None:
    ws = wb.add_worksheet(SHEET_TASKS)
    headers = [_field(name).vi for name in TASK_FIELDS]
    col_of = {name: i for i, name in enumerate(TASK_FIELDS)}
    last_col = len(headers) - 1
    widths = {
        "number": 5, "code": 8, "task": 36, "lead": 17, "support": 17, "deadline": 14,
        "status": 13, "progress": 8, "result": 26, "evidence": 22, "updated": 11.5,
        "completed": 11.5,
    }
    for name, width in widths.items():
        ws.set_column(col_of[name], col_of[name], width)
    if content is not None:
        _title_rows(ws, fm, last_col, content.tasks_title, content.note, content.commune)
    else:
        _title_rows(ws, fm, last_col, _t("tasks_title", lang, year=plan_year),
                    _t("tasks_note", lang, year=plan_year))
    header_row = 4
    ws.set_row(header_row, 33)
    for col, text in enumerate(headers):
        ws.write_string(header_row, col, text, fm.header)
    lines = content.tasks if content is not None else []
    first, last = header_row + 1, header_row + max(TASK_ROWS, len(lines) + 50)
    cell_format = {
        "number": fm.number, "code": fm.code, "progress": fm.progress, "updated": fm.date,
        "completed": fm.date,
    }
    for row in range(first, last + 1):
        line = lines[row - first] if row - first < len(lines) else None
        for name in TASK_FIELDS:
            value = getattr(line, _TASK_LINE.get(name, "-"), "") if line is not None else ""
            if value:
                ws.write_string(row, col_of[name], value, cell_format.get(name, fm.text))
            else:
                ws.write_blank(row, col_of[name], None, cell_format.get(name, fm.text))
        if line is not None:
            height = max(_lines_needed(getattr(line, a), widths[n])
                         for n, a in _TASK_LINE.items())
            if height > 1:
                ws.set_row(row, 15.75 * height)

    def validate(name: str, options: dict[str, Any]) -> None:
        col = col_of[name]
        ws.data_validation(first, col, last, col, options)

    y = plan_year
    units = content.units if content is not None and content.units else template_units()
    n_units, n_status = len(units), len(_status_labels())
    validate("code", {"validate": "any",
                      **_input_message(_t("code_t", lang), _t("code_m", lang))})
    validate("lead", {
        "validate": "list", "source": _list_ref("A", n_units), "error_type": "information",
        "error_title": _t("lead_t", lang), "error_message": _t("lead_e", lang),
        **_input_message(_t("lead_t", lang), _t("lead_m", lang))})
    # Several units per cell are normal here: the list is offered, no error is ever shown.
    validate("support", {
        "validate": "list", "source": _list_ref("A", n_units), "show_error": False,
        **_input_message(_t("support_t", lang), _t("support_m", lang))})
    # No validation on the deadline: "Quý II/2026" and "Thường xuyên" are valid deadlines.
    validate("deadline", {"validate": "any",
                          **_input_message(_t("deadline_t", lang), _t("deadline_m", lang, y=y))})
    labels = ", ".join(_status_labels())
    validate("status", {
        "validate": "list", "source": _list_ref("B", n_status), "error_type": "warning",
        "error_title": _t("status_t", lang), "error_message": _t("status_e", lang),
        **_input_message(_t("status_t", lang), _t("status_m", lang, labels=labels))})
    validate("progress", {
        "validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 100,
        "error_title": _t("progress_t", lang), "error_message": _t("progress_e", lang),
        **_input_message(_t("progress_t", lang), _t("progress_m", lang))})
    for name in ("updated", "completed"):
        title = pick((_field(name).vi, _field(name).en), lang)
        validate(name, {
            "validate": "date", "criteria": "between",
            "minimum": date(2000, 1, 1), "maximum": date(2100, 12, 31),
            "error_title": title, "error_message": _t("date_e", lang, y=y),
            **_input_message(title, _t("date_m", lang, y=y))})
    ws.freeze_panes(header_row + 1, 0)
    _setup_print(ws, header_row, lang)


# TaskLine attribute of each task column a document fills
_TASK_LINE = {"number": "number", "code": "codes", "task": "task", "lead": "lead",
              "support": "support", "deadline": "deadline", "result": "result"}


def _write_lists(wb: xlsxwriter.Workbook, fm: _Formats, lang: str,
                 units: tuple[str, ...] = ()) -> None:
    ws = wb.add_worksheet(SHEET_LISTS)
    units = units or template_units()
    statuses = _status_labels()
    ws.set_column(0, 0, 36)
    ws.set_column(1, 1, 20)
    ws.write_string(0, 0, _t("lists_units", lang), fm.header)
    ws.write_string(0, 1, _t("lists_status", lang), fm.header)
    for i, unit in enumerate(units, start=1):
        ws.write_string(i, 0, unit, fm.plain)
    for i, label in enumerate(statuses, start=1):
        ws.write_string(i, 1, label, fm.plain)
    ws.hide()


def write_template(output: Path, lang: str = "vi", plan_year: int = PLAN_YEAR_DEFAULT,
                   *, replace: bool = False) -> Path:
    """Write the blank plan to ``output`` (atomically) and return ``output``.

    An existing file is never replaced unless ``replace`` is true (it may be an officer's
    plan). The same arguments always give the same bytes.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    output = Path(output)
    if output.is_file() and not replace:
        raise OutputError("template-exists", str(output))
    with atomic_output(output, may_replace=lambda _path: replace) as temp:
        _write_book(temp, lang, plan_year, None, {
            "title": f"Kế hoạch duy trì, nâng cao Chỉ số CCHC năm {plan_year} (mẫu)",
            "comments": "cchc template"})
    return output


ExtraSheet = Callable[[xlsxwriter.Workbook, Format, Format], None]
"""Writes one more sheet into the workbook, given the header and the text formats."""


def write_plan(output: Path, content: PlanContent, lang: str = "vi", *,
               inputs: tuple[Path, ...] = (), replace: bool = False,
               extra: ExtraSheet | None = None) -> Path:
    """Write ``content`` in the template's shape to ``output`` (atomically): the same sheets,
    drop-downs, validation and look as ``cchc template``, holding a document's criteria and
    tasks. ``extra`` adds a sheet after the task sheet. An existing file is replaced only
    with ``replace``; none of ``inputs`` is ever written."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    output = Path(output)
    with atomic_output(output, *inputs, may_replace=lambda _path: replace) as temp:
        year = content.plan_year or PLAN_YEAR_DEFAULT
        _write_book(temp, lang, year, content, {
            "title": content.tasks_title, "comments": "cchc nhap"}, extra)
    return output


def _write_book(temp: Path, lang: str, plan_year: int, content: PlanContent | None,
                properties: dict[str, Any], extra: ExtraSheet | None = None) -> None:
    wb = xlsxwriter.Workbook(str(temp), {
        "default_format_properties": {"font_name": FONT_NAME, "font_size": FONT_SIZE},
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
    })
    wb.set_properties({
        "title": properties["title"],
        "subject": "Phụ lục phân công nhiệm vụ",
        "author": "cchc-sheets",
        "company": "",
        "comments": properties["comments"],
        "created": _CREATED,
    })
    fm = _Formats(wb)
    _write_guide(wb, fm, lang, plan_year, content.frame_note if content is not None else "")
    _write_criteria(wb, fm, lang, plan_year, content)
    _write_tasks(wb, fm, lang, plan_year, content)
    if extra is not None:
        extra(wb, fm.header, fm.text)
    # last, hidden: the drop-downs of Phân công refer to it
    _write_lists(wb, fm, lang, content.units if content is not None else ())
    wb.worksheets()[0 if content is None else 2].activate()  # an imported plan: its tasks
    wb.close()
