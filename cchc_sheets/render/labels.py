"""Every word of the summary workbook, in Vietnamese and English.

``LABELS`` maps a stable key to ``(vi, en)``. Templates use ``str.format`` fields
(``{year}``, ``{date}``…). All Vietnamese text is Unicode NFC with full diacritics, as Decree
30/2020/NĐ-CP asks of administrative documents.
"""

from __future__ import annotations

from typing import Any

from cchc_sheets import catalogue
from cchc_sheets.checking import flags
from cchc_sheets.read.vocabulary import INDEX_BY_KEY, INDEXES

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
    "sheet.reading": ("Cách đọc tệp", "How the file was read"),
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
    # --- the reading report (sheet "Cách đọc tệp", cchc doc, the terminal line) ---
    "title.reading": ("CÁCH CHƯƠNG TRÌNH ĐỌC TỆP KẾ HOẠCH", "HOW THE PLAN FILE WAS READ"),
    "line.reading_help": (
        "Hãy xem từng cột được đọc là gì; nếu sai, «Ô» chỉ ô cần sửa trong tệp kế hoạch "
        "(hoặc thêm tên cột vào cchc.toml mục [columns]).",
        "Check what each column was read as; if it is wrong, 'Cell' is the cell to change in "
        "the plan (or add the header to cchc.toml [columns]).",
    ),
    "col.reading_item": ("Mục", "Item"),
    "col.reading_text": ("Nội dung trong tệp", "In the file"),
    "col.reading_as": ("Chương trình đọc là", "Read as"),
    "reading.item.year": ("Năm kế hoạch", "Plan year"),
    "reading.item.table": ("Bảng", "Table"),
    "reading.item.column": ("Cột", "Column"),
    "reading.item.left_out": ("Dòng bỏ qua", "Row left out"),
    "reading.item.sheet": ("Trang bỏ qua", "Sheet left out"),
    "reading.title": ("Cách chương trình đọc tệp {file}", "How {file} was read"),
    "reading.year": ("Năm kế hoạch: {year}", "Plan year: {year}"),
    "reading.year.none": ("Năm kế hoạch: không xác định", "Plan year: unknown"),
    "reading.table": (
        "Bảng {ref} ({kind}; tiêu đề ở dòng {rows}): {tasks} nhiệm vụ, {criteria} tiêu chí, "
        "{areas} lĩnh vực",
        "Table {ref} ({kind}; header: row {rows}): {tasks} task[s], {criteria} "
        "[criterion|criteria], {areas} area[s]",
    ),
    "reading.table.scores": ("tệp điểm {file}", "scores file {file}"),
    "reading.kind.criteria+tasks": ("tiêu chí và nhiệm vụ", "criteria and tasks"),
    "reading.kind.tasks": ("nhiệm vụ", "tasks"),
    "reading.kind.criteria": ("tiêu chí", "criteria"),
    "reading.column": ("cột {letter} «{header}» → {read}", "column {letter} '{header}' → {read}"),
    "reading.quoted": ("«{text}»", "'{text}'"),
    "reading.left_out.head": ("Dòng và trang bỏ qua:", "Rows and sheets left out:"),
    "reading.left_out.none": ("Không bỏ qua dòng nào.", "No row was left out."),
    "reading.problems.head": ("Cảnh báo khi đọc:", "Warnings while reading:"),
    "reading.field.score": ("Điểm", "Score"),
    "reading.field.parent": ("Tên tiêu chí của các dòng dưới (ô gộp)",
                             "Name of the criterion above the lines (merged cell)"),
    "reading.score": ("điểm năm {year}{kind}{used}", "{year} score{kind}{used}"),
    "reading.score.not_used": (" (chỉ dùng khi ô điểm chính thức trống)",
                               " (used only where the official score is empty)"),
    "reading.score.year_from.title": (" — năm lấy từ tiêu đề bảng", " — year from the title"),
    "reading.score.year_from.sheet-name": (" — năm lấy từ tên trang", " — year from the sheet name"),
    "reading.score.year_from.file-name": (" — năm lấy từ tên tệp", " — year from the file name"),
    "reading.score.year_from.last-year": (" — tiêu đề không ghi năm: coi là năm trước",
                                          " — no year in the header: taken as last year"),
    "reading.kind.self-assessed": ("tự chấm", "self-assessed"),
    "reading.kind.appraised": ("thẩm định", "appraised"),
    "reading.kind.reviewed": ("phúc tra", "reviewed"),
    "reading.kind.rescored": ("chấm lại", "rescored"),
    "reading.kind.published": ("kết quả công bố", "published"),
    "reading.kind.points": ("điểm đạt", "points"),
    "reading.from.config": ("theo cchc.toml", "from cchc.toml"),
    "reading.from.as_of": ("không thấy trong tệp: lấy năm của ngày kiểm tra",
                           "not in the file: the year of the as-of date"),
    "reading.from.sheet": ("tên trang «{sheet}»", "sheet name '{sheet}'"),
    "reading.from.cell": ("ô {cell}", "cell {cell}"),
    "reading.from.scored": ("năm sau điểm năm {year} ở ô {cell}",
                            "the year after the {year} scores in {cell}"),
    "reading.line.read": ("Đã đọc {where}: {tasks} nhiệm vụ, {criteria} tiêu chí",
                          "Read {where}: {tasks} task[s], {criteria} [criterion|criteria]"),
    "reading.line.read_tasks": ("Đã đọc {where}: {tasks} nhiệm vụ", "Read {where}: {tasks} task[s]"),
    "reading.line.areas": (", {areas} lĩnh vực", ", {areas} area[s]"),
    "reading.line.score": ("điểm {year}{kind} (cột {column})",
                           "{year}{kind} scores (column {column})"),
    "reading.line.year": ("năm kế hoạch {year}", "plan year {year}"),
    "reading.line.unread": ("{count} dòng không hiểu", "{count} row[s] not understood"),
    # why a column or a row was left out
    "reading.reason.unknown": ("không nhận ra tiêu đề: bỏ qua", "header not recognised: left out"),
    "reading.reason.duplicate": ("trùng một cột khác: bỏ qua", "repeats another column: left out"),
    "reading.reason.duplicate_of": ("trùng cột {other} (cột {other} được đọc): bỏ qua",
                                    "repeats column {other} (which is read): left out"),
    "reading.reason.ambiguous": ("tiêu đề có thể là hai cột: bỏ qua",
                                 "header could be two columns: left out"),
    "reading.reason.not-read": ("không dùng trong bảng này", "not used in this table"),
    "reading.reason.counts": ("cột số đếm, không phải nhiệm vụ: bỏ qua",
                              "a column of counts, not tasks: left out"),
    "reading.reason.no-year": ("điểm không rõ năm: bỏ qua", "score of no known year: left out"),
    "reading.reason.column-numbers": ("dòng số thứ tự cột", "row of column numbers"),
    "reading.reason.total": ("dòng tổng cộng", "total line"),
    "reading.reason.heading": ("dòng tiêu đề nhóm", "heading"),
    "reading.reason.signature": ("phần chữ ký: hết bảng", "signature block: end of the table"),
    "reading.reason.note": ("ghi chú dưới bảng: hết bảng", "note under the table: end of the table"),
    "reading.reason.instructions": ("trang hướng dẫn", "instructions sheet"),
    "reading.reason.last-year-copy": ("kế hoạch năm trước", "last year's plan"),
    "reading.reason.duplicate-row": ("mã tiêu chí trùng", "repeated criterion code"),
    "reading.reason.no-table": ("không có bảng nhiệm vụ hay tiêu chí", "no table of tasks or criteria"),
    "reading.reason.not-understood": ("KHÔNG HIỂU: xem cảnh báo", "NOT UNDERSTOOD: see the warning"),
    # --- document properties ---
    "doc.subject": ("Tổng hợp kiểm tra hằng tuần", "Weekly check summary"),
}


# the flags' words come from their table (flags.py): "flag.overdue" and so on
LABELS.update({f"flag.{flag.name}": flag.label for flag in flags.FLAGS})
# what a plan of each index sets out to do (vocabulary.INDEXES): "index.cchc" and so on
LABELS.update({f"index.{index.key}": (index.vi, index.en) for index in INDEXES})


def index_name(index: str, lang: str = "vi") -> str:
    """What a plan of ``index`` (``Plan.index``) sets out to do, for titles: "nâng cao Chỉ số
    CCHC", "xây dựng nông thôn mới" (contract §7: outputs name the plan's own index)."""
    return label("index." + (index if index in INDEX_BY_KEY else "cchc"), lang)


def label(key: str, lang: str = "vi", **args: Any) -> str:
    """The label ``key`` in ``lang`` ("vi" or "en"), with ``args`` filled in
    (:func:`cchc_sheets.catalogue.say` of ``"label:" + key``)."""
    return catalogue.say("label:" + key, lang, **args)


def flag_label(flag: str, lang: str = "vi") -> str:
    """A task or criterion flag in words; an unknown flag is shown as it is."""
    return flags.label_of(flag, lang)


def status_label(status: str, lang: str = "vi") -> str:
    key = "status." + status
    return label(key, lang) if key in LABELS else status


# --- the province's roll-up (contract §9) ---
LABELS.update({
    "sheet.rollup.overview": ("Toàn tỉnh", "Province"),
    "sheet.rollup.communes": ("Xếp hạng xã", "Communes ranked"),
    "sheet.rollup.criteria": ("Tiêu chí", "Criteria"),
    "sheet.rollup.files": ("Tệp lỗi", "Files left out"),
    "title.rollup": (
        "TỔNG HỢP TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NÂNG CAO CHỈ SỐ CCHC CỦA CÁC XÃ, PHƯỜNG",
        "PROGRESS OF THE COMMUNES' PLANS TO RAISE THE PAR INDEX",
    ),
    "title.rollup.communes": ("XẾP HẠNG CÁC XÃ, PHƯỜNG (CẦN CHÚ Ý NHẤT ĐỨNG ĐẦU)",
                              "COMMUNES, THE ONES NEEDING MOST ATTENTION FIRST"),
    "title.rollup.criteria": ("TIÊU CHÍ BỊ MẤT ĐIỂM Ở NHIỀU XÃ", "CRITERIA LOSING POINTS ACROSS COMMUNES"),
    "title.rollup.heat": ("ĐIỂM BỊ MẤT THEO LĨNH VỰC Ở TỪNG XÃ", "POINTS LOST PER AREA IN EACH COMMUNE"),
    "title.rollup.files": ("CÁC TỆP KHÔNG ĐƯỢC TỔNG HỢP VÀ GHI CHÚ", "FILES LEFT OUT, AND NOTES"),
    "line.rollup": ("Tính đến ngày {date} · {communes} xã, phường · {files} tệp đã xem",
                    "As of {date} · {communes} commune[s] · {files} file[s] looked at"),
    "line.rollup.left_out": (" · {count} tệp không dùng được", " · {count} file[s] left out"),
    "line.rollup.ignored": (" · bỏ qua {count} tệp khóa, lịch sử, thư, tổng hợp cũ",
                            " · {count} lock, history, mail or earlier roll-up file[s] skipped"),
    "line.rollup.order": (
        "Thứ tự: nhiều nhiệm vụ quá hạn nhất, rồi thiếu cập nhật, tỷ lệ hoàn thành thấp, "
        "điểm bị mất nhiều. Tệp tổng hợp của xã giữ ngày tính của nó.",
        "Order: most overdue tasks, then missing updates, lower share done, more points lost. "
        "A commune's summary keeps its own as-of date.",
    ),
    "line.rollup.heat": ("Ô càng đỏ, lĩnh vực càng mất nhiều điểm (điểm năm trước).",
                         "The redder the cell, the more points the area lost last year."),
    "box.communes": ("Xã, phường", "Communes"),
    "box.lost_mean": ("Điểm bị mất bình quân", "Mean points lost"),
    "box.files_left_out": ("Tệp lỗi", "Files left out"),
    "section.worst": ("10 xã, phường cần chú ý nhất", "The ten communes needing most attention"),
    "col.commune": ("Xã, phường", "Commune"),
    "col.done_ratio": ("% hoàn thành", "% done"),
    "col.weak": ("Tiêu chí yếu", "Weak criteria"),
    "col.uncovered": ("Tiêu chí yếu chưa có nhiệm vụ", "Weak criteria without a task"),
    "col.as_of": ("Tính đến ngày", "As of"),
    "col.file": ("Tệp", "File"),
    "col.kind": ("Loại tệp", "Kind"),
    "col.province_points": ("Điểm tỉnh công bố", "Province's points"),
    "col.province_index": ("Chỉ số (%)", "Index (%)"),
    "col.province_rank": ("Xếp hạng", "Rank"),
    "col.communes_lost": ("Số xã bị mất điểm", "Communes losing points"),
    "col.lost_mean": ("Điểm mất bình quân", "Mean points lost"),
    "col.lost_total": ("Tổng điểm mất", "Total points lost"),
    "col.communes_uncovered": ("Số xã chưa có nhiệm vụ", "Communes without a task"),
    "kind.plan": ("Kế hoạch", "Plan"),
    "kind.summary": ("Tổng hợp của xã", "Commune's summary"),
    "empty.communes": ("Không đọc được tệp nào.", "No file could be read."),
    "empty.rollup_criteria": ("Chưa có tiêu chí nào bị mất điểm (chưa có điểm năm trước?).",
                              "No criterion lost points (no scores for last year?)."),
    "empty.files": ("Mọi tệp đều được tổng hợp.", "Every file was rolled up."),
    "chart.communes": ("Nhiệm vụ của 10 xã cần chú ý nhất", "Tasks of the ten communes needing most attention"),
    "doc.rollup_subject": ("Tổng hợp toàn tỉnh", "Province roll-up"),
})

LABELS.update({
    "term.rollup.head": (
        "Tổng hợp toàn tỉnh tính đến {date}: {communes} xã, phường từ {files} tệp",
        "Province roll-up as of {date}: {communes} commune[s] from {files} file[s]",
    ),
    "term.rollup.tasks": (
        "Nhiệm vụ: {tasks} · hoàn thành {done} ({ratio}) · quá hạn {overdue} · "
        "thiếu cập nhật {missing}",
        "Tasks: {tasks} · done {done} ({ratio}) · overdue {overdue} · missing updates {missing}",
    ),
    "term.rollup.worst": ("Cần chú ý nhất:", "Needing most attention:"),
    "term.rollup.commune": (
        "{rank}. {commune}: {overdue} quá hạn, {missing} thiếu cập nhật, {ratio} hoàn thành",
        "{rank}. {commune}: {overdue} overdue, {missing} missing updates, {ratio} done",
    ),
    "term.rollup.files": ("Tệp không dùng được ({count}):", "Files left out ({count}):"),
    "term.rollup.more": ("… và {count} tệp khác (xem sheet Tệp lỗi)",
                         "… and {count} more (see the sheet Files left out)"),
})

# every label in the one catalogue, as "label:<key>"
catalogue.define("label", LABELS)
