"""Every word of the summary workbook, in Vietnamese and English.

``LABELS`` maps a stable key to ``(vi, en)``. Templates use ``str.format`` fields
(``{year}``, ``{date}``…). All Vietnamese text is Unicode NFC with full diacritics, as Decree
30/2020/NĐ-CP asks of administrative documents.
"""

from __future__ import annotations

from typing import Any

from cchc_sheets.checking import flags
from cchc_sheets.read.vocabulary import INDEX_BY_KEY
from cchc_sheets.text import in_language, pick

LANGS = ("vi", "en")

# key: (Vietnamese, English)
LABELS: dict[str, tuple[str, str]] = {
    # --- sheet names (≤ 31 characters, no []:*?/\) ---
    "sheet.overview": ("Tổng quan", "Overview"),
    "sheet.overdue": ("Quá hạn", "Overdue"),
    "sheet.due_soon": ("Sắp đến hạn", "Due soon"),
    "sheet.missing": ("Thiếu cập nhật", "Missing updates"),
    "sheet.weak": ("Tiêu chí yếu", "Weak criteria"),
    "sheet.all": ("Tất cả nhiệm vụ", "All tasks"),
    "sheet.problems": ("Lỗi dữ liệu", "Data problems"),
    "sheet.trend": ("Diễn biến", "Trend"),
    # --- titles (first row of each sheet) ---
    "title.overview": (
        "TỔNG HỢP TÌNH HÌNH THỰC HIỆN KẾ HOẠCH {index} NĂM {year}",
        "PROGRESS OF THE PLAN TO {index}, {year}",
    ),
    "title.overview.no_year": (
        "TỔNG HỢP TÌNH HÌNH THỰC HIỆN KẾ HOẠCH {index}",
        "PROGRESS OF THE PLAN TO {index}",
    ),
    "title.overdue": ("DANH SÁCH NHIỆM VỤ QUÁ HẠN", "OVERDUE TASKS"),
    "title.due_soon": (
        "NHIỆM VỤ SẮP ĐẾN HẠN (TRONG {days} NGÀY TỚI)",
        "TASKS DUE IN THE NEXT {days} DAY[S]",
    ),
    "title.missing": ("NHIỆM VỤ THIẾU CẬP NHẬT", "TASKS MISSING UPDATES"),
    "title.weak": ("TIÊU CHÍ YẾU CẦN KHẮC PHỤC", "WEAK CRITERIA TO IMPROVE"),
    "title.weak.year": (
        "TIÊU CHÍ YẾU CẦN KHẮC PHỤC (THEO ĐIỂM NĂM {year})",
        "WEAK CRITERIA TO IMPROVE ({year} SCORES)",
    ),
    "title.all": ("DANH SÁCH TẤT CẢ NHIỆM VỤ", "ALL TASKS"),
    "title.problems": ("LỖI DỮ LIỆU TRONG TỆP KẾ HOẠCH", "DATA PROBLEMS IN THE PLAN FILE"),
    "title.trend": ("DIỄN BIẾN QUA CÁC LẦN KIỂM TRA", "TREND ACROSS THE WEEKLY CHECKS"),
    # --- lines under the titles ---
    "line.as_of": ("Tính đến ngày {date} · nguồn: {source}", "As of {date} · source: {source}"),
    "line.scores": (" · điểm năm trước: {source}", " · last year's scores: {source}"),
    "line.tasks": ("{count} nhiệm vụ", "{count} task[s]"),
    "line.criteria": ("{count} tiêu chí", "{count} [criterion|criteria]"),
    "line.problems": ("{errors} lỗi, {warnings} cảnh báo", "{errors} error[s], {warnings} warning[s]"),
    "line.checks": ("{count} lần kiểm tra", "{count} check[s]"),
    "line.overdue_colours": (
        "Tô màu theo số ngày quá hạn: vàng đến 7 ngày, cam 8–30 ngày, đỏ trên 30 ngày.",
        "Shaded by days overdue: yellow up to 7 days, orange 8–30 days, red over 30 days.",
    ),
    "line.missing_help": (
        "Cột «Cần cập nhật» cho biết phải bổ sung gì; «Ô nguồn» là ô cần sửa trong tệp kế hoạch.",
        "'Needs' says what to add; 'Source cell' is the cell to fix in the plan file.",
    ),
    "line.weak_help": (
        "Xếp theo điểm bị mất nhiều nhất. Thanh màu ở cột «Điểm bị mất» so sánh mức mất điểm.",
        "Ranked by points lost, most first. The bars in 'Points lost' compare the losses.",
    ),
    "section.units": ("Tình hình thực hiện theo bộ phận chủ trì", "Progress by lead unit"),
    "section.charts": ("Biểu đồ", "Charts"),
    # --- empty lists ---
    "empty.overdue": ("Không có nhiệm vụ quá hạn.", "No overdue tasks."),
    "empty.due_soon": (
        "Không có nhiệm vụ sắp đến hạn trong {days} ngày tới.",
        "No tasks due in the next {days} day[s].",
    ),
    "empty.missing": ("Không có nhiệm vụ thiếu cập nhật.", "No tasks missing updates."),
    "empty.weak": ("Không có tiêu chí yếu.", "No weak criteria."),
    "empty.weak.no_scores": (
        "Chưa có điểm năm trước nên chưa xác định được tiêu chí yếu.",
        "There are no scores for last year, so weak criteria cannot be found.",
    ),
    "empty.all": ("Kế hoạch chưa có nhiệm vụ nào.", "The plan has no tasks."),
    "empty.problems": ("Không có lỗi dữ liệu.", "No data problems."),
    "empty.units": ("Chưa có nhiệm vụ nào được giao.", "No tasks have been assigned."),
    "empty.scores": ("Chưa có điểm năm trước.", "No scores for last year."),
    # --- columns of the task lists ---
    "col.source": ("Ô nguồn", "Source cell"),
    "col.number": ("STT", "No."),
    "col.criteria": ("Mã tiêu chí", "Criteria"),
    "col.task": ("Nhiệm vụ", "Task"),
    "col.lead": ("Bộ phận chủ trì", "Lead unit"),
    "col.support": ("Phối hợp", "Supporting units"),
    "col.deadline": ("Thời hạn", "Deadline"),
    "col.due": ("Hạn", "Due date"),
    "col.status": ("Trạng thái", "Status"),
    "col.progress": ("Tiến độ %", "Progress %"),
    "col.updated": ("Ngày cập nhật", "Last updated"),
    "col.days_overdue": ("Số ngày quá hạn", "Days overdue"),
    "col.days_left": ("Còn lại (ngày)", "Days left"),
    "col.flags": ("Vấn đề", "Issues"),
    "col.needs": ("Cần cập nhật", "Needs"),
    "col.result": ("Kết quả", "Result"),
    "col.evidence": ("Tài liệu kiểm chứng", "Evidence"),
    # --- columns of the weak criteria ---
    "col.code": ("Mã", "Code"),
    "col.criterion": ("Tiêu chí", "Criterion"),
    "col.max": ("Tối đa", "Max"),
    "col.score_year": ("Điểm {year}", "Score {year}"),
    "col.score_last": ("Điểm năm trước", "Last year's score"),
    "col.change": ("Thay đổi", "Change"),
    "col.lost": ("Điểm bị mất", "Points lost"),
    "col.ratio": ("Tỷ lệ (%)", "Ratio (%)"),
    "col.task_count": ("Nhiệm vụ", "Tasks"),
    # --- columns of the data problems ---
    "col.severity": ("Mức độ", "Severity"),
    "col.cell": ("Ô", "Cell"),
    "col.problem_code": ("Mã lỗi", "Code"),
    "col.message": ("Nội dung", "Message"),
    # --- columns of the per-unit table ---
    "col.unit": ("Bộ phận chủ trì", "Lead unit"),
    "col.tasks": ("Nhiệm vụ", "Tasks"),
    "col.done": ("Hoàn thành", "Done"),
    "col.overdue": ("Quá hạn", "Overdue"),
    "col.due_soon": ("Sắp đến hạn", "Due soon"),
    "col.missing_update": ("Thiếu cập nhật", "Missing updates"),
    "col.on_time": ("% đúng hạn", "% on time"),
    # --- columns of the trend ---
    "col.check_date": ("Ngày kiểm tra", "Check date"),
    "col.points_at_stake": ("Điểm đang bị mất", "Points at stake"),
    "unit.none": ("(Chưa có đơn vị chủ trì)", "(No lead unit)"),
    # --- key-figure boxes on the overview ---
    "box.tasks": ("Nhiệm vụ", "Tasks"),
    "box.done": ("Hoàn thành", "Done"),
    "box.done_ratio": ("Tỷ lệ hoàn thành", "Share done"),
    "box.overdue": ("Quá hạn", "Overdue"),
    "box.due_soon": ("Sắp đến hạn", "Due soon"),
    "box.missing": ("Thiếu cập nhật", "Missing updates"),
    "box.problems": ("Lỗi dữ liệu", "Data problems"),
    "box.points": ("Điểm năm {year}", "Points {year}"),
    "box.index": ("Chỉ số năm {year}", "Index {year}"),
    "box.lost": ("Điểm bị mất", "Points lost"),
    "box.weak": ("Tiêu chí yếu", "Weak criteria"),
    "box.uncovered": ("Chưa có nhiệm vụ", "Without tasks"),
    # --- charts ---
    "chart.units": ("Nhiệm vụ theo bộ phận chủ trì", "Tasks by lead unit"),
    "chart.units.done": ("Hoàn thành", "Done"),
    "chart.units.overdue": ("Quá hạn", "Overdue"),
    "chart.units.open": ("Đang thực hiện, chưa quá hạn", "Open, not overdue"),
    "chart.units.cancelled": ("Hủy", "Cancelled"),
    "chart.areas": ("Điểm bị mất theo lĩnh vực", "Points lost per area"),
    "chart.areas.year": ("Năm {year}", "{year}"),
    "chart.trend": ("Diễn biến qua các lần kiểm tra", "Trend across checks"),
    "chart.axis.tasks": ("Số nhiệm vụ", "Tasks"),
    "chart.axis.points": ("Điểm", "Points"),
    # --- statuses ---
    "status.done": ("Hoàn thành", "Done"),
    "status.in_progress": ("Đang thực hiện", "In progress"),
    "status.not_started": ("Chưa thực hiện", "Not started"),
    "status.cancelled": ("Hủy", "Cancelled"),
    "status.unknown": ("Không rõ", "Unknown"),
    # --- severities ---
    "severity.error": ("Lỗi", "Error"),
    "severity.warning": ("Cảnh báo", "Warning"),
    # --- page footer (Excel header/footer codes: &P page, &N pages) ---
    "footer.page": ("Trang &P/&N", "Page &P of &N"),
    "footer.as_of": ("Tính đến {date}", "As of {date}"),
    # --- document properties ---
    "doc.subject": ("Tổng hợp kiểm tra hằng tuần", "Weekly check summary"),
}


# the flags' words come from their table (flags.py): "flag.overdue" and so on
LABELS.update({f"flag.{flag.name}": flag.label for flag in flags.FLAGS})


def index_name(index: str, lang: str = "vi") -> str:
    """What a plan of ``index`` (``Plan.index``) sets out to do, for titles: "nâng cao Chỉ số
    CCHC", "xây dựng nông thôn mới" (contract §7: outputs name the plan's own index)."""
    words = INDEX_BY_KEY.get(index, INDEX_BY_KEY["cchc"])
    return pick((words.vi, words.en), lang)


def label(key: str, lang: str = "vi", **args: Any) -> str:
    """The label ``key`` in ``lang`` ("vi" or "en"), with ``args`` filled in."""
    vi, en = LABELS[key]
    if not args:
        return pick((vi, en), lang)
    template = in_language(vi, en, lang, args)
    return template.format(**args)


def flag_label(flag: str, lang: str = "vi") -> str:
    """A task or criterion flag in words; an unknown flag is shown as it is."""
    return flags.label_of(flag, lang)


def status_label(status: str, lang: str = "vi") -> str:
    key = "status." + status
    return label(key, lang) if key in LABELS else status
