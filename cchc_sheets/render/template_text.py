"""Every word of the blank plan (``cchc template``), in both languages, as data.

:data:`GUIDE` is the guide sheet ("Hướng dẫn" / "Instructions"): one row per line, each in
Vietnamese and English; :mod:`cchc_sheets.render.template` writes it by looping over the rows in the
chosen language. Texts are filled with ``str.format``: ``{y}`` the plan year, ``{last}`` and
``{prev}`` the two years before, ``{units}`` the units of the drop-down, ``{criteria}``,
``{tasks}``, ``{lists}`` the sheet names, ``{score_last}``/``{score_prev}`` the score headers
and ``{frame_source}`` the decision the pre-filled frame comes from. Three kinds of row are
generated: ``columns`` (one line per column, from :data:`FIELD_HELP` and the vocabulary),
``deadlines`` (:data:`DEADLINE_EXAMPLES`, each parsed by ``tests/render/test_guide_deadlines.py``)
and ``statuses`` (:data:`STATUS_MEANING`, :data:`STATUS_ALSO`).

:data:`TEXTS` holds the titles and the data-validation input messages of the other sheets. Every
pair here is in the one catalogue as ``template:<key>`` (:func:`cchc_sheets.catalogue.say`):
:data:`TEXTS` by its keys, and ``field.<name>`` (:data:`FIELD_HELP`; ``name.<name>`` the
column's own name, from the vocabulary), ``status.<status>.meaning``
and ``status.<status>.also``, ``deadline.<n>`` (the meaning of :data:`DEADLINE_EXAMPLES` ``[n]``)
and ``guide.<n>`` (the text of :data:`GUIDE` ``[n]``, :func:`guide_key`). The writer looks every
word up there, in the language asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_sheets import catalogue
from cchc_sheets.model import Status
from cchc_sheets.read.vocabulary import FIELDS

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

TEXTS: dict[str, tuple[str, str]] = {
    "sheet_guide": ("Hướng dẫn", "Instructions"),  # the guide sheet's name
    "footer": ("&CTrang &P/&N", "&CPage &P/&N"),  # page footer (Excel codes: &P page, &N pages)
    "frame_source": (FRAME_SOURCE_VI, FRAME_SOURCE_EN),
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
    # the guide's generated lines: a column, a status
    "column": ("{help}", "{help} ({name}.)"),
    "column_others": (" Chương trình cũng hiểu các tên cột: {names}.",
                      " Also read under: {names}."),
    "status": ("{meaning}. Chương trình cũng hiểu: {words}.",
               "{meaning}. Also understood: {words}."),
}

# What each column means, per field; the header text itself and the other accepted names come
# from vocabulary.FIELDS.
FIELD_HELP: dict[str, tuple[str, str]] = {
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


# (written, meaning in Vietnamese, meaning in English), contract §2; ``{y}``: the plan year
DEADLINE_EXAMPLES: tuple[tuple[str, str, str], ...] = (
    ("30/6/{y}  (hoặc 30-06-{y}, 30.6.{y}, {y}-06-30, ô định dạng ngày)",
     "ngày 30/6/{y}", "30 June {y}"),
    ("Tháng 6/{y}  (T6/{y}, tháng 6 năm {y}, 06/{y})",
     "ngày cuối tháng: 30/6/{y}", "last day of the month: 30/6/{y}"),
    ("Quý II/{y}  (Quý 2/{y}, Q2/{y}, Quý II-{y})",
     "ngày cuối quý: 30/6/{y}", "last day of the quarter: 30/6/{y}"),
    ("6 tháng đầu năm {y} / 6 tháng cuối năm {y}",
     "30/6/{y} / 31/12/{y}", "30/6/{y} / 31/12/{y}"),
    ("Năm {y}  (Trong năm {y})", "31/12/{y}", "31/12/{y}"),
    ("Trước ngày 15/3/{y}  (Chậm nhất 15/3/{y})",
     "ngày 15/3/{y}; từ 16/3/{y} là quá hạn", "15/3/{y}; late from 16/3/{y}"),
    ("Từ tháng 3 đến tháng 6/{y}  (Tháng 3-6/{y})",
     "cuối khoảng thời gian: 30/6/{y}", "end of the range: 30/6/{y}"),
    ("Quý II-III/{y}", "cuối khoảng thời gian: 30/9/{y}", "end of the range: 30/9/{y}"),
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
    ("Cách ghi khác, ngày không có thật (31/2/{y}, Tháng 13/{y})",
     "không hiểu được: báo lỗi, chỉ rõ ô cần sửa",
     "not understood: reported as a problem naming the cell"),
)


def deadline_examples(y: int) -> list[tuple[str, str, str]]:
    """:data:`DEADLINE_EXAMPLES` for the plan year ``y``: (written, meaning in Vietnamese,
    meaning in English)."""
    return [(written.format(y=y), vi.format(y=y), en.format(y=y))
            for written, vi, en in DEADLINE_EXAMPLES]


# what each status means, and the other words the reader takes for it (Vietnamese, English)
STATUS_MEANING: dict[Status, tuple[str, str]] = {
    "not_started": ("chưa bắt đầu", "not started"),
    "in_progress": ("đang làm", "in progress"),
    "done": ("đã xong (cần ghi tài liệu kiểm chứng)", "done (record the evidence)"),
    "cancelled": ("không làm nữa; không bị nhắc hạn", "cancelled; no deadline reminders"),
}
STATUS_ALSO: dict[Status, tuple[str, str]] = {
    "not_started": ("Chưa triển khai, Chưa", "Chưa triển khai, Chưa, Not started"),
    "in_progress": ("Đang triển khai, Đang làm, Chậm tiến độ, Quá hạn",
                    "Đang triển khai, Đang làm, Chậm tiến độ, Quá hạn, In progress"),
    "done": ("Đã hoàn thành, Xong, Đã xong, HT", "Đã hoàn thành, Xong, Đã xong, HT, Done"),
    "cancelled": ("Không thực hiện, Tạm dừng, Không áp dụng",
                  "Không thực hiện, Tạm dừng, Không áp dụng"),
}


@dataclass(frozen=True)
class GuideRow:
    """One line of the guide sheet.

    ``kind``: "title", "section", "para", "pair" (a bold ``term``, then ``text``), or a
    generated block: "columns" (``key`` "criteria" or "tasks"), "deadlines", "statuses".
    ``key`` "frame" marks the paragraph a document's own frame note replaces (``cchc nhap``).
    """

    kind: str
    text: tuple[str, str] = ("", "")
    term: str = ""
    key: str = ""


GUIDE: tuple[GuideRow, ...] = (
    GuideRow("title", ("HƯỚNG DẪN ĐIỀN MẪU KẾ HOẠCH DUY TRÌ, NÂNG CAO CHỈ SỐ CCHC",
                       "HOW TO FILL IN THE CCHC (PAR INDEX) PLAN TEMPLATE")),
    GuideRow("para", (
        "Sổ tính này là phụ lục phân công nhiệm vụ của Kế hoạch duy trì, cải thiện và nâng cao "
        "Chỉ số cải cách hành chính (PAR INDEX). Cán bộ cập nhật trong Excel như bình thường; "
        "chương trình `cchc check` đọc tệp và lập bảng tổng hợp (quá hạn, sắp đến hạn, thiếu "
        "cập nhật, tiêu chí bị mất điểm).",
        "This workbook is the task-assignment appendix of the plan to maintain and improve the "
        "PAR index (Chỉ số CCHC). Keep it in Excel as usual; the `cchc check` program reads it "
        "and writes a summary. The sheets, titles and column headers stay in Vietnamese on "
        "purpose: the checker finds the columns by these names.")),
    GuideRow("section", ("1. Các sheet", "1. The sheets")),
    GuideRow("pair", (
        "Khung tiêu chí: mỗi dòng là một nội dung, tiêu chí hoặc tiêu chí thành phần, với điểm "
        "tối đa và điểm đạt năm {last}, năm {prev}.",
        "The criteria frame: one line per area, criterion and sub-criterion, with max points "
        "and the scores of {last} and {prev}."), "{criteria}"),
    GuideRow("pair", (
        "Phân công nhiệm vụ: mỗi dòng là một nhiệm vụ, ghi mã tiêu chí mà nhiệm vụ phục vụ, bộ "
        "phận chủ trì, thời hạn, trạng thái, tài liệu kiểm chứng.",
        "The tasks: one row per task, naming the code(s) of the criteria it serves, the lead "
        "unit, deadline, status and evidence."), "{tasks}"),
    GuideRow("pair", (
        "Sheet ẩn chứa danh sách chọn (bộ phận, trạng thái). Muốn sửa tên bộ phận: bấm chuột "
        "phải vào tên sheet → Unhide (Bỏ ẩn) → {lists}, rồi sửa tên tại chỗ.",
        "Hidden sheet with the drop-down lists (units, statuses). To change a unit name: "
        "right-click a sheet tab → Unhide → {lists}, and edit the name in place."), "{lists}"),
    GuideRow("section", ("2. Các cột của sheet {criteria}", "2. Columns of the {criteria} sheet")),
    GuideRow("columns", key="criteria"),
    GuideRow("pair", (
        "Điểm thẩm định năm {last} (năm trước). Có thể âm (dòng điểm trừ), không được lớn hơn "
        "điểm tối đa. Tiêu chí không áp dụng: ghi \"Không áp dụng\" (hoặc KAD, N/A, -); khi đó "
        "tiêu chí không tính vào tổng điểm và tổng điểm tối đa.",
        "Appraised points of {last} (last year). May be negative (penalty lines), never above "
        "the max. A criterion that does not apply: write \"Không áp dụng\" (or KAD, N/A, -); it "
        "then leaves both sums."), "{score_last}"),
    GuideRow("pair", ("Điểm năm {prev}, để so sánh tăng, giảm.",
                      "Points of {prev}, to see what rose or fell."), "{score_prev}"),
    GuideRow("para", (
        "Khung tiêu chí: các nội dung 1–9 được điền sẵn theo {frame_source}. Tên nội dung ghi "
        "theo bản tin của Cổng thông tin thành phố; đề nghị đối chiếu với văn bản gốc. Chưa có "
        "nguồn công bố điểm tối đa của từng nội dung, tiêu chí nên cột \"Điểm tối đa\" để "
        "TRỐNG: cán bộ điền theo quyết định công bố Bộ chỉ số CCHC áp dụng cho xã (của UBND "
        "thành phố/tỉnh; các năm trước 7/2025 là quyết định của UBND huyện). Dưới mỗi nội dung, "
        "cán bộ tự ghi các tiêu chí (1.1, 1.2, … và 1.1.1 cho tiêu chí thành phần); dòng có "
        "tiêu chí con được tính bằng tổng các dòng con. Dòng \"Điểm thưởng\", \"Điểm trừ\" "
        "được cộng vào tổng điểm nhưng không bị coi là tiêu chí yếu.",
        "Frame: the areas 1–9 are pre-filled from {frame_source}. The area names are "
        "renderings of the city portal's summary: check them against the decision. The "
        "decision's max points were not available to us, so the \"Điểm tối đa\" column is left "
        "BLANK: copy the points from the decision publishing the index for your commune "
        "(city/province decision; for years before 7/2025, the district decision). Under each "
        "area, type the criteria yourself (1.1, 1.2, … and 1.1.1 for sub-criteria); a line "
        "with children is the sum of its children. Lines named \"Điểm thưởng\" or \"Điểm "
        "trừ\" count in the total but are never weak criteria."), key="frame"),
    GuideRow("section", ("3. Các cột của sheet {tasks}", "3. Columns of the {tasks} sheet")),
    GuideRow("columns", key="tasks"),
    GuideRow("para", (
        "Mã tiêu chí ở sheet {tasks} phải là mã có ở sheet {criteria}: nhiệm vụ ghi 1.2 là "
        "nhiệm vụ của tiêu chí 1.2. Tiêu chí bị mất điểm, điểm thấp hoặc giảm điểm mà không có "
        "nhiệm vụ nào ghi mã của nó (hoặc của dòng trên, dòng dưới nó) sẽ được báo là \"chưa "
        "có nhiệm vụ\".",
        "Codes in {tasks} name codes of the {criteria} sheet: a task under 1.2 covers "
        "criterion 1.2. A weak criterion (points lost, low ratio or declined) that no task "
        "names, nor a line above or below it, is reported as uncovered.")),
    GuideRow("section", ("4. Cách ghi thời hạn chương trình hiểu được (ngày ghi trước tháng)",
                         "4. Deadlines the checker understands (day before month)")),
    GuideRow("deadlines"),
    GuideRow("para", (
        "Ngày không ghi năm được hiểu là năm kế hoạch ({y}). Cách ghi khác các dạng trên sẽ "
        "được báo kèm địa chỉ ô để cán bộ sửa.",
        "A date without a year is in the plan year ({y}). Type deadlines the way you would say "
        "them; anything else is reported with its cell so that you can correct it.")),
    GuideRow("section", ("5. Trạng thái", "5. Statuses")),
    GuideRow("statuses"),
    GuideRow("para", (
        "Để trống trạng thái thì chương trình lấy theo cột Tiến độ (%) nếu có. Trạng thái ghi "
        "khác các cách trên được báo là không rõ, kèm địa chỉ ô.",
        "An empty status is taken from progress where there is one. A status that is not "
        "understood is reported as a warning naming the cell.")),
    GuideRow("section", ("6. Bộ phận", "6. Units")),
    GuideRow("para", (
        "Danh sách chọn gồm các cơ quan chuyên môn của xã từ 1/7/2025 và chức danh công chức "
        "trước đó: {units}. Có thể gõ tên khác. Tệp cchc.toml đặt cạnh sổ tính có thể gộp các "
        "cách viết tắt về một bộ phận ([[units]]: name, aliases, email).",
        "The drop-down offers the commune bodies from 1/7/2025 and the older công chức titles: "
        "{units}. You may type another name. A cchc.toml file beside the workbook can map "
        "short forms to one unit ([[units]] name, aliases, email).")),
    GuideRow("section", ("7. Chạy chương trình kiểm tra", "7. Running the check")),
    GuideRow("para", (
        "Chương trình KHÔNG BAO GIỜ sửa tệp này: chỉ đọc và ghi kết quả ra tệp mới.",
        "The program never modifies this file: it only reads it and writes its results to new "
        "files.")),
    GuideRow("pair", (
        "Kiểm tra đến ngày hôm nay; ghi bảng tổng hợp tong-hop-cchc-<ngày>.xlsx cạnh tệp kế "
        "hoạch.",
        "Check as of today; writes the summary workbook tong-hop-cchc-<date>.xlsx beside the "
        "plan."), "cchc check ke-hoach-cchc.xlsx"),
    GuideRow("pair", ("Kiểm tra tính đến ngày 30/6/{y}.", "Check as of 30/6/{y}."),
             "cchc check ke-hoach-cchc.xlsx --as-of {y}-06-30"),
    GuideRow("pair", ("Lấy điểm năm trước từ một tệp kết quả riêng.",
                      "Take last year's scores from a separate results workbook."),
             "cchc check ke-hoach-cchc.xlsx --scores ket-qua.xlsx"),
    GuideRow("pair", ("In kết quả dạng JSON (cho chương trình khác).",
                      "Results as JSON on standard output (for other programs)."),
             "cchc check ke-hoach-cchc.xlsx --format json"),
    GuideRow("pair", ("Tạo mẫu trống này.", "Write this blank template."),
             "cchc template -o ke-hoach-cchc.xlsx"),
    GuideRow("para", (
        "Trên Windows: mở Command Prompt tại thư mục chứa tệp rồi gõ lệnh (tên tệp có dấu cách "
        "thì đặt trong ngoặc kép). Lệnh `python -m cchc_sheets` tương đương `cchc`.",
        "On Windows, run these in a Command Prompt opened in the folder of the workbook (put "
        "file names with spaces in quotes). `python -m cchc_sheets` works the same as `cchc`.")),
)

def guide_key(index: int) -> str:
    """The catalogue key (without ``template:``) of the text of ``GUIDE[index]``."""
    return f"guide.{index}"


# every pair above in the one catalogue, as "template:<key>" (see the module's docstring)
TEXTS.update({f"field.{name}": pair for name, pair in FIELD_HELP.items()})
TEXTS.update({f"name.{field.name}": (field.vi, field.en) for field in FIELDS})
TEXTS.update({f"status.{key}.meaning": pair for key, pair in STATUS_MEANING.items()})
TEXTS.update({f"status.{key}.also": pair for key, pair in STATUS_ALSO.items()})
TEXTS.update({f"deadline.{n}": (vi, en) for n, (_, vi, en) in enumerate(DEADLINE_EXAMPLES)})
TEXTS.update({guide_key(n): row.text for n, row in enumerate(GUIDE) if row.text != ("", "")})
catalogue.define("template", TEXTS)
