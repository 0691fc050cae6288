"""Contract §7: habits of published plans and score sheets, one rule (or a few) per test."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest
from published_books import published_sheet

from cchc_sheets import check, read_plan, result_dict
from cchc_sheets.checking.rules import check_plan
from cchc_sheets.config import parse_config
from cchc_sheets.deliver.mail import default_subject, read_summary_figures, unit_body
from cchc_sheets.model import Plan
from cchc_sheets.read.headers import is_score_header
from cchc_sheets.read.vocabulary import HeaderMatcher, field_names
from cchc_sheets.render.summary import write_summary
from cchc_sheets.render.template import write_template
from cchc_sheets.render.terminal import render_text
from cchc_sheets.text import fold

AS_OF = date(2025, 6, 30)
FRAME_HEAD = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024", "Nhiệm vụ, giải pháp",
              "Chủ trì", "Thời hạn"]
FRAME = [
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 4, 3],
    [1, "Kế hoạch CCHC năm", 2, 2, "Ban hành kế hoạch CCHC", "Văn phòng - Thống kê", "Quý I"],
    [2, "Kiểm tra CCHC", 2, 1, "Kiểm tra Bộ phận Một cửa", "Văn phòng - Thống kê", "Trước 30/4"],
]


def by_code(plan: Plan) -> dict[str, Any]:
    return {c.code: c for c in plan.criteria}


def codes(plan: Plan) -> list[str]:
    return [c.code for c in plan.criteria]


def problem_codes(plan: Plan) -> list[tuple[str, str | None]]:
    return [(p.code, p.cell) for p in plan.problems if p.code != "missing-column"]


def json_of(path: Path, as_of: date = AS_OF) -> dict[str, Any]:
    return result_dict(check(path, as_of=as_of, history=None))


# --- plan year --------------------------------------------------------------------------------

@pytest.mark.parametrize(("titles", "date_line", "plan_year"), [
    # a legal basis above or below the plan's title never gives the year
    (("(Kèm theo Quyết định số 2126/QĐ-UBND năm 2014 của UBND tỉnh)",
      "KẾ HOẠCH NÂNG CAO CHỈ SỐ CCHC NĂM 2025"), "", 2025),
    (("KẾ HOẠCH NÂNG CAO CHỈ SỐ CCHC NĂM 2025",
      "(Kèm theo Quyết định số 2126/QĐ-UBND năm 2014 của UBND tỉnh)"), "", 2025),
    (("PHỤ LỤC (Kèm theo Quyết định số 2126/QĐ-UBND năm 2014 của UBND tỉnh)",), "", 2026),
    (("Căn cứ Quyết định số 15/QĐ-UBND ngày 10 tháng 01 năm 2023 của UBND huyện",
      "KẾ HOẠCH NÂNG CAO CHỈ SỐ CCHC NĂM 2025"), "", 2025),
    (("Thực hiện Kế hoạch số 20/KH-UBND năm 2023 của UBND huyện",), "", 2026),
    (("Theo Quyết định số 30/QĐ-UBND ngày 5 tháng 3 năm 2023",), "", 2026),
    (("Bộ chỉ số (Quyết định số 2126/QĐ-UBND năm 2014)",), "", 2026),
    (("KẾ HOẠCH SỐ 25/KH-UBND NÂNG CAO CHỈ SỐ CCHC NĂM 2025",), "", 2025),
    (("KẾ HOẠCH NÂNG CAO CHỈ SỐ CCHC NĂM 2025 (Kèm theo Quyết định số 9/QĐ-UBND năm 2024)",),
     "", 2025),
    # a date line is not a title
    (("PHỤ LỤC PHÂN CÔNG NHIỆM VỤ",), "Đông Quang, ngày 06 tháng 01 năm 2025", 2026),
    # a title naming the scored year gives the year after it
    (("Kết quả tự chấm năm 2024",), "Đông Quang, ngày 06 tháng 01 năm 2025", 2025),
    (("CÁC GIẢI PHÁP KHẮC PHỤC TIÊU CHÍ BỊ TRỪ ĐIỂM, NÂNG CAO CHỈ SỐ CCHC NĂM 2025",), "", 2025),
])
def test_plan_year_from_titles_not_from_legal_basis_or_dates(
        tmp_path: Path, titles: tuple[str, ...], date_line: str, plan_year: int) -> None:
    head = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định", "Nhiệm vụ, giải pháp", "Chủ trì",
            "Thời hạn"]
    path = published_sheet(tmp_path / "p.xlsx", head, FRAME, titles=titles, date_line=date_line)
    plan = read_plan(path, default_year=2026)  # --as-of in 2026 where nothing names a year
    assert plan.plan_year == plan_year
    # the score column without a year holds last year's scores
    assert plan.years == [plan_year - 1]
    assert by_code(plan)["1.2"].score == 1.0
    # "Trước 30/4" is due in the plan year
    assert plan.tasks[1].deadline.due == date(plan_year, 4, 30)


def test_an_undated_score_under_a_title_naming_the_scored_year_is_of_that_year(
        tmp_path: Path) -> None:
    head = ["Mã", "Tiêu chí", "Điểm tối đa", "Điểm số tự chấm", "Điểm phúc tra"]
    rows = [[1, "Kế hoạch CCHC", 2, 2, 1.5], [2, "Báo cáo CCHC", 2, 2, 2]]
    path = published_sheet(tmp_path / "p.xlsx", head, rows,
                           titles=("BẢNG TỰ CHẤM ĐIỂM CHỈ SỐ CCHC", "Kết quả tự chấm năm 2023"))
    plan = read_plan(path, config=parse_config({"plan_year": 2025}))
    assert plan.years == [2023]
    assert by_code(plan)["1"].scores == {2023: 1.5}  # phúc tra beats tự chấm


def test_a_plan_filled_from_the_template_reads_as_its_year(tmp_path: Path) -> None:
    path = write_template(tmp_path / "ke-hoach.xlsx", plan_year=2026)
    wb = openpyxl.load_workbook(path)
    frame = wb["Tiêu chí"]
    row = next(r for r in range(1, 60) if frame.cell(row=r, column=1).value == "1")
    frame.cell(row=row, column=3, value=3)
    frame.cell(row=row, column=4, value=2.5)  # 2025
    frame.cell(row=row, column=5, value=3)  # 2024
    tasks = wb["Phân công"]
    header = next(r for r in range(1, 20) if tasks.cell(row=r, column=1).value == "STT")
    for col, value in enumerate([1, "1", "Kiểm tra công tác CCHC", "Văn phòng HĐND và UBND", None,
                                 "Trước 30/4", "Đang thực hiện"], start=1):
        tasks.cell(row=header + 1, column=col, value=value)
    wb.save(path)
    plan = read_plan(path, default_year=2027)
    assert plan.plan_year == 2026
    assert plan.tasks[0].deadline.due == date(2026, 4, 30)
    result = check_plan(plan, date(2026, 5, 10), parse_config({}))
    assert "overdue" in result.tasks[0].flags
    assert (result.last_year, result.previous_year) == (2025, 2024)
    assert by_code(plan)["1"].score == 2.5 and by_code(plan)["1"].previous == 3.0


# --- score columns and their kinds -----------------------------------------------------------

@pytest.mark.parametrize(("header", "score"), [
    ("Điểm đạt năm 2024", True), ("Điểm số tự chấm", True), ("Điểm phúc tra", True),
    ("Điểm chấm lại năm 2024", True), ("Kết quả công bố năm 2024", True), ("Năm 2024", True),
    ("Số điểm", True), ("Kết quả đánh giá năm 2024", True), ("Điểm thẩm định 2024", True),
    ("Nhiệm vụ, giải pháp duy trì năm 2025", False), ("Thời hạn năm 2025", False),
    ("Chỉ tiêu phấn đấu năm 2025", False), ("Điểm tối đa", False), ("Điểm bị trừ 2024", False),
    ("Kết quả thực hiện năm 2025", False), ("Thời điểm hoàn thành", False),
    ("Hiện trạng năm 2024", False), ("Tiêu chí năm 2024", False),
    ("Hướng dẫn chấm điểm", False), ("Phương pháp chấm điểm", False),
])
def test_a_score_column_names_points_or_a_result(header: str, score: bool) -> None:
    folded = fold(header)
    fields, length = HeaderMatcher(field_names()).match(folded)
    assert is_score_header(folded, fields, length) is score


def test_a_task_column_with_a_year_stays_the_task_column(tmp_path: Path) -> None:
    head = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024",
            "Nhiệm vụ, giải pháp duy trì năm 2025", "Chủ trì", "Thời hạn năm 2025",
            "Chỉ tiêu phấn đấu năm 2025"]
    rows = [[*r[:4], r[4] if len(r) > 4 else None, *(r[5:] if len(r) > 5 else []), None]
            for r in FRAME]
    rows[1][7] = "Đạt"
    path = published_sheet(tmp_path / "p.xlsx", head, rows)
    plan = read_plan(path)
    assert [t.title for t in plan.tasks] == ["Ban hành kế hoạch CCHC", "Kiểm tra Bộ phận Một cửa"]
    assert [t.deadline.due for t in plan.tasks] == [date(2025, 3, 31), date(2025, 4, 30)]
    assert plan.years == [2024] and problem_codes(plan) == []


@pytest.mark.parametrize("official", ["Điểm thẩm định năm 2024", "Điểm phúc tra năm 2024",
                                      "Điểm chấm lại năm 2024", "Kết quả công bố năm 2024"])
def test_an_official_score_beats_the_self_assessed_one(tmp_path: Path, official: str) -> None:
    head = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm số tự chấm năm 2024", official]
    rows = [[1, "Kế hoạch CCHC", 2, 2, 1.5], [2, "Báo cáo CCHC", 2, 2, None]]
    plan = read_plan(published_sheet(tmp_path / "p.xlsx", head, rows))
    # where the official score is missing, the self-assessed one is used
    assert by_code(plan)["1"].score == 1.5 and by_code(plan)["2"].score == 2.0


# --- codes written with words ------------------------------------------------------------------

WORDED = [
    ["Lĩnh vực 1", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC", 6, 5, 4.5],
    ["Tiêu chí 1", "Kế hoạch CCHC", 3, 3, 2.5],
    ["Chỉ tiêu 1", "Ban hành kế hoạch đúng hạn", 1, 1, 1],
    ["Chỉ tiêu 2", "Hoàn thành kế hoạch", 2, 2, 1.5],
    ["Tiêu chí 2", "Báo cáo CCHC", 3, 2, 2],
    ["Lĩnh vực 2", "CẢI CÁCH TTHC", 4, 3, 3],
    ["TC 3", "Công khai TTHC", 4, 3, 3],
    [None, "TỔNG CỘNG", 10, 8, 7.5],
]


def test_codes_written_with_words_and_the_column_that_holds_them(tmp_path: Path) -> None:
    head = ["Tiêu chí, chỉ tiêu", "Nội dung", "Điểm tối đa", "Điểm số tự chấm", "Điểm phúc tra"]
    tasks = ("Phân công", ["STT", "Tiêu chí", "Nhiệm vụ", "Chủ trì", "Thời hạn"], [
        [1, "Tiêu chí 2", "Gửi báo cáo đúng hạn", "Văn phòng", "Hằng quý"],
        [2, "Lĩnh vực 2, TC 1", "Rà soát TTHC", "Tư pháp", "Quý III/2025"],
        [3, "Chỉ tiêu 2", "Hoàn thành kế hoạch", "Văn phòng", "Năm 2025"],
    ])
    path = published_sheet(tmp_path / "p.xlsx", head, WORDED, more=[tasks],
                           titles=("Kết quả tự chấm năm 2024",))
    plan = read_plan(path)
    assert codes(plan) == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "2", "2.3"]
    assert [c.name for c in plan.criteria][:2] == ["CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC",
                                                   "Kế hoạch CCHC"]
    assert [t.criteria for t in plan.tasks] == [["1.2"], ["2", "1.1"], ["1.1.2"]]
    assert problem_codes(plan) == []
    assert by_code(plan)["1"].score == 4.5  # phúc tra, of 2024
    # the area named by a task covers its criterion that lost points
    result = check_plan(plan, AS_OF, parse_config({}))
    line = result.criterion("2.3")
    assert line is not None and "lost" in line.flags and "uncovered" not in line.flags
    assert result.weak_criteria
    text = json.dumps(json_of(path), ensure_ascii=False)
    assert "~" not in text and "Lĩnhvực" not in text


def test_indicator_words_naming_several_lines_are_not_guessed(tmp_path: Path) -> None:
    head = ["Tiêu chí, chỉ tiêu", "Nội dung", "Điểm tối đa", "Điểm tự chấm năm 2024"]
    rows = [["Tiêu chí 1", "Công khai", 2, 2], ["Chỉ tiêu 1", "TTHC", 1, 1],
            ["Chỉ tiêu 2", "Ngân sách", 1, 1], ["Tiêu chí 2", "Hòa giải", 2, 1],
            ["Chỉ tiêu 1", "Hòa giải viên", 1, 1], ["Chỉ tiêu 2", "Vụ việc hòa giải", 1, 0]]
    tasks = ("Phân công", ["STT", "Tiêu chí", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
             [[1, "Chỉ tiêu 2", "Hòa giải thành", "Tư pháp", "Năm 2025"]])
    plan = read_plan(published_sheet(tmp_path / "p.xlsx", head, rows, more=[tasks]),
                     default_year=2025)
    assert codes(plan) == ["1", "1.1", "1.2", "2", "2.1", "2.2"]
    assert plan.tasks[0].criteria == ["Chỉ tiêu 2"]
    assert problem_codes(plan) == [("ambiguous-criterion", "B4")]
    assert "1.2, 2.2" in plan.problems[-1].message("vi")


def test_criteria_and_their_indicators_without_areas(tmp_path: Path) -> None:
    # a chuẩn tiếp cận pháp luật sheet: "Tiêu chí 1" with "Chỉ tiêu 1, 2" under it
    head = ["Tiêu chí, chỉ tiêu", "Nội dung", "Điểm tối đa", "Điểm tự chấm năm 2024"]
    rows = [["Tiêu chí 1", "Công khai, minh bạch", 20, 18], ["Chỉ tiêu 1", "Công khai TTHC", 10, 10],
            ["Chỉ tiêu 2", "Công khai ngân sách", 10, 8], ["Tiêu chí 2", "Hòa giải ở cơ sở", 10, 10]]
    titles = ("BẢNG ĐIỂM CHUẨN TIẾP CẬN PHÁP LUẬT NĂM 2024",)
    plan = read_plan(published_sheet(tmp_path / "p.xlsx", head, rows, titles=titles),
                     default_year=2025)
    assert codes(plan) == ["1", "1.1", "1.2", "2"]
    assert by_code(plan)["1.2"].lost == 2.0
    assert plan.index == "tcpl"


# --- numbers typed in the name cell, two name columns -----------------------------------------

def test_numbers_typed_at_the_start_of_the_name(tmp_path: Path) -> None:
    head = ["STT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm thẩm định năm 2024"]
    rows = [
        [2, "QUY HOẠCH VÀ XÂY DỰNG", 8, 5],
        [None, "2.1. Công khai quy hoạch được phê duyệt", 2, 2],
        [None, "2.2. Quản lý quy hoạch", 6, 3],
        [None, "2.2.1. Lập nhiệm vụ quy hoạch", 2, 1.5],
        [None, "2.2.2. Công bố quy hoạch", 2, 1],
        [None, "2.2.3. Quy hoạch chi tiết điểm dân cư nông thôn", 2, 0.5],
        [3, "CẢI CÁCH TTHC", 3, 2],
        [None, "1. Niêm yết TTHC", 1, 1],
        [None, "a) Niêm yết đủ, đúng", 1, None],
        [None, "b) Niêm yết chưa đủ", 0.5, None],
        [None, "2. Giải quyết đúng hạn", 2, 1],
    ]
    plan = read_plan(published_sheet(tmp_path / "p.xlsx", head, rows), default_year=2025)
    assert codes(plan) == ["2", "2.1", "2.2", "2.2.1", "2.2.2", "2.2.3", "3", "3.1", "3.1.a",
                           "3.1.b", "3.2"]
    items = by_code(plan)
    assert items["2.2.3"].name == "Quy hoạch chi tiết điểm dân cư nông thôn"
    assert items["2"].lost == 3.0 and items["2.2"].lost == 3.0
    assert problem_codes(plan) == []


def test_two_name_columns(tmp_path: Path) -> None:
    head = ["STT", "Tên tiêu chí", "Nội dung tiêu chí", "Điểm tối đa", "Điểm thẩm định 2024"]
    rows = [[3, "Cải cách thủ tục hành chính", "3.1. Công khai TTHC đầy đủ", 2, 2],
            [None, None, "3.2. Tỷ lệ hồ sơ giải quyết đúng hạn", 3, 2],
            [None, None, "Số hóa kết quả giải quyết TTHC", 2, 1]]
    tasks = ("Nhiệm vụ", ["STT", "Tiêu chí", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
             [[1, "3.2", "Theo dõi hồ sơ sắp đến hạn", "Trung tâm Phục vụ hành chính công",
               "Quý III/2025"]])
    path = published_sheet(tmp_path / "p.xlsx", head, rows, merges=("A8:A10", "B8:B10"),
                           more=[tasks], titles=("KẾT QUẢ THẨM ĐỊNH NĂM 2024",))
    plan = read_plan(path, default_year=2025)
    items = by_code(plan)
    assert codes(plan) == ["3", "3.1", "3.2", "3.3"]
    assert items["3"].name == "Cải cách thủ tục hành chính" and items["3"].max == 7.0
    assert items["3.3"].name == "Số hóa kết quả giải quyết TTHC"
    assert plan.tasks[0].criteria == ["3.2"] and problem_codes(plan) == []


# --- levels, not parts ------------------------------------------------------------------------

def test_levels_are_alternatives_not_parts(tmp_path: Path) -> None:
    head = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định năm 2024"]
    rows = [["I", "Chỉ đạo, điều hành", 3, 2],
            [1, "Ban hành kế hoạch CCHC năm", 1, 1],
            ["a", "Ban hành đúng thời hạn", 1, None],
            ["b", "Ban hành chậm", 0.5, None],
            [2, "Tuyển dụng công chức", 2, None],
            ["a)", "Đúng quy định", 2, None],
            ["b)", "Có sai sót, được khắc phục", 1, 1]]
    plan = read_plan(published_sheet(tmp_path / "p.xlsx", head, rows), default_year=2025)
    items = by_code(plan)
    assert (items["1.1"].max, items["1.1"].score, items["1.1"].lost) == (1.0, 1.0, 0.0)
    assert (items["1.2"].max, items["1.2"].score, items["1.2"].lost) == (2.0, 1.0, 1.0)
    assert items["1"].max == 3.0
    assert problem_codes(plan) == []  # no max or score mismatch
    result = check_plan(plan, AS_OF, parse_config({}))
    assert result.weak_criteria == ["1.2"]


def test_numbered_items_are_parts(tmp_path: Path) -> None:
    head = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định năm 2024"]
    rows = [["I", "Chỉ đạo, điều hành", 2, 2], [1, "Kế hoạch", 1, 1], [2, "Báo cáo", 2, 1]]
    plan = read_plan(published_sheet(tmp_path / "p.xlsx", head, rows), default_year=2025)
    assert by_code(plan)["1"].max == 3.0
    assert [p.code for p in plan.problems] == ["max-mismatch"]


# --- collective units, units before and after 1 July 2025 -------------------------------------

def test_collective_units_are_one_phrase(tmp_path: Path) -> None:
    head = ["STT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"]
    rows = [[1, "Tuyên truyền", "Các phòng, ban, đơn vị", "Trưởng các thôn, buôn", "Quý III"],
            [2, "Niêm yết TTHC", "Trưởng các thôn, buôn", "các thôn, tổ dân phố", "Quý III"],
            [3, "Rà soát TTHC", "Văn phòng HĐND và UBND", "Phòng Kinh tế, Phòng Văn hóa - Xã hội",
             "Quý III"],
            [4, "Kiểm tra", "Phòng Kinh tế", "Văn phòng HĐND và UBND;Trưởng các thôn, buôn\n"
             "Công an xã", "Quý III"]]
    result = check(published_sheet(tmp_path / "p.xlsx", head, rows), as_of=AS_OF, history=None)
    tasks = result.tasks
    assert [t.lead for t in tasks[:2]] == ["Các phòng, ban, đơn vị", "Trưởng các thôn, buôn"]
    assert [t.support for t in tasks] == [
        ["Trưởng các thôn, buôn"], ["các thôn, tổ dân phố"],
        ["Phòng Kinh tế", "Phòng Văn hóa - Xã hội"],
        ["Văn phòng HĐND và UBND", "Trưởng các thôn, buôn", "Công an xã"]]
    assert [u.unit for u in result.units] == ["Các phòng, ban, đơn vị", "Trưởng các thôn, buôn",
                                              "Văn phòng HĐND và UBND", "Phòng Kinh tế"]


def test_units_before_and_after_the_merger_are_different_unless_joined(tmp_path: Path) -> None:
    head = ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn"]
    rows = [[1, "Ban hành kế hoạch", "Công chức Văn phòng - Thống kê", "Quý I"],
            [2, "Vận hành Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND",
             "Quý III"]]
    path = published_sheet(tmp_path / "p.xlsx", head, rows)
    result = check(path, as_of=AS_OF, history=None)
    assert [u.unit for u in result.units] == ["Công chức Văn phòng - Thống kê",
                                              "Văn phòng HĐND và UBND"]
    joined = parse_config({"units": [{"name": "Văn phòng HĐND và UBND",
                                      "aliases": ["Công chức Văn phòng - Thống kê"]}]})
    result = check(path, as_of=AS_OF, history=None, config=joined)
    assert [(u.unit, u.tasks) for u in result.units] == [("Văn phòng HĐND và UBND", 2)]


# --- percent results ---------------------------------------------------------------------------

def test_percent_results(tmp_path: Path) -> None:
    head = ["STT", "Yếu tố", "Điểm tối đa", "Kết quả đánh giá năm 2024"]
    rows = [[1, "Tiếp cận dịch vụ", 100, "82,5%"], [2, "Thủ tục hành chính", 100, 0.9],
            [3, "Công chức giải quyết công việc", None, "78%"],
            [4, "Tỷ lệ phiếu hợp lệ (điểm cộng)", 2, "75%"]]
    path = published_sheet(tmp_path / "p.xlsx", head, rows, percent_cells=("D9",),
                           titles=("KẾ HOẠCH NÂNG CAO CHỈ SỐ SIPAS NĂM 2025",))
    plan = read_plan(path)
    items = by_code(plan)
    assert [items[c].scores.get(2024) for c in "1234"] == [82.5, 90.0, 78.0, None]
    assert problem_codes(plan) == [("percent-score", "D11")]
    assert "75%" in plan.problems[-1].message("vi")


# --- nothing dropped silently; no internal code shown ------------------------------------------

def test_a_line_without_a_code_is_shown_by_its_text_and_cell(tmp_path: Path) -> None:
    head = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định năm 2024"]
    rows = [["I", "CHỈ ĐẠO, ĐIỀU HÀNH"],
            [1, "Kế hoạch và kiểm tra CCHC"],
            [None, "Kiểm tra công tác CCHC (không ghi số)", 2, 1]]
    path = published_sheet(tmp_path / "p.xlsx", head, rows)
    plan = read_plan(path)
    assert problem_codes(plan) == []
    data = json_of(path)
    line = next(c for c in data["criteria"] if c["name"].startswith("Kiểm tra"))
    assert line["code"] == "" and (line["sheet"], line["row"]) == ("Phụ lục", 10)
    assert "Phụ lục!10" in data["weak_criteria"]
    assert "~" not in json.dumps(data, ensure_ascii=False)
    schema = Path(__file__).parents[2] / "cchc_sheets" / "schema" / "cchc-check-1.json"
    jsonschema.validate(data, json.loads(schema.read_text(encoding="utf-8")))
    result = check(path, as_of=AS_OF, history=None)
    text = render_text(result)
    assert "~" not in text and "Phụ lục!10" in text


# --- the plan's own index ----------------------------------------------------------------------

@pytest.mark.parametrize(("title", "index", "vi", "en"), [
    ("KẾ HOẠCH NÂNG CAO CHỈ SỐ CCHC NĂM 2025", "cchc", "nâng cao Chỉ số CCHC", "CCHC plan"),
    ("KẾ HOẠCH XÂY DỰNG XÃ ĐẠT CHUẨN TIẾP CẬN PHÁP LUẬT NĂM 2025", "tcpl",
     "chuẩn tiếp cận pháp luật", "Legal-access plan"),
    ("KẾ HOẠCH DUY TRÌ CÁC TIÊU CHÍ XÃ NÔNG THÔN MỚI NĂM 2025", "ntm", "nông thôn mới",
     "New-rural plan"),
    ("KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2025", "cds", "chuyển đổi số", "Digital-transformation plan"),
    ("KẾ HOẠCH NÂNG CAO CHỈ SỐ PAPI NĂM 2025", "papi", "Chỉ số PAPI", "PAPI plan"),
    ("KẾ HOẠCH NÂNG CAO CHỈ SỐ HÀI LÒNG (SIPAS) NĂM 2025", "sipas", "Chỉ số SIPAS", "SIPAS plan"),
    ("KẾ HOẠCH NÂNG CAO CHỈ SỐ CCHC VÀ CHỈ SỐ SIPAS NĂM 2025", "cchc", "Chỉ số CCHC", "CCHC plan"),
    ("PHỤ LỤC PHÂN CÔNG NHIỆM VỤ NĂM 2025", "cchc", "Chỉ số CCHC", "CCHC plan"),
    ("Căn cứ Kế hoạch số 5/KH-UBND về chuyển đổi số", "cchc", "Chỉ số CCHC", "CCHC plan"),
])
def test_outputs_name_the_plans_own_index(tmp_path: Path, title: str, index: str, vi: str,
                                          en: str) -> None:
    path = published_sheet(tmp_path / "p.xlsx", FRAME_HEAD, FRAME, titles=(title,))
    result = check(path, as_of=AS_OF, history=None)
    assert result.plan.index == index
    assert vi in render_text(result).splitlines()[0]
    assert render_text(result, "en").startswith(en)
    out = write_summary(result, tmp_path / "tong-hop.xlsx")
    heading = openpyxl.load_workbook(out).worksheets[0]["A1"].value
    assert vi.upper() in heading
    # the e-mail sent with the summary says it too
    subject = default_subject(read_summary_figures(out))
    assert vi in subject
    assert vi in unit_body("Văn phòng", result.tasks, AS_OF, "vi", 2025, result.plan.index)
    if index != "cchc":
        assert "CCHC" not in heading and "CCHC" not in subject


# --- a frame scored met / not met -------------------------------------------------------------

def test_a_frame_without_points_is_read_line_by_line(tmp_path: Path) -> None:
    head = ["TT", "Tên tiêu chí", "Chỉ tiêu phấn đấu năm 2025", "Hiện trạng năm 2024",
            "Nhiệm vụ, giải pháp", "Đơn vị chủ trì", "Thời gian hoàn thành"]
    rows = [[1, "Quy hoạch", "Đạt", "Đạt", "Rà soát quy hoạch chung", "Địa chính - Xây dựng",
             "Quý III/2025"],
            [2, "Giao thông", "Đạt", "Chưa đạt", "Cứng hóa đường trục thôn", "Địa chính - Xây dựng",
             "Tháng 11/2025"],
            [5, "Trường học", "Đạt", "Đạt"],
            [17, "Môi trường", "Đạt", "Chưa đạt", "Thu gom rác thải", "Văn hóa - Xã hội",
             "Thường xuyên"]]
    titles = ("KẾ HOẠCH DUY TRÌ CÁC TIÊU CHÍ XÃ NÔNG THÔN MỚI NĂM 2025",
              "(Theo Bộ tiêu chí ban hành kèm theo Quyết định số 816/QĐ-UBND ngày 19/5/2017)")
    plan = read_plan(published_sheet(tmp_path / "p.xlsx", head, rows, titles=titles))
    assert plan.plan_year == 2025 and plan.index == "ntm" and plan.years == []
    assert codes(plan) == ["1", "2", "5", "17"]
    assert [t.criteria for t in plan.tasks] == [["1"], ["2"], ["17"]]
    assert problem_codes(plan) == []


def test_a_task_list_numbered_with_gaps_is_not_a_frame(tmp_path: Path) -> None:
    head = ["STT", "Tiêu chí", "Nhiệm vụ", "Chủ trì", "Thời hạn"]
    rows = [[1, "Công tác chỉ đạo", "Ban hành kế hoạch", "Văn phòng", "Quý I"],
            [2, "Công tác chỉ đạo", "Kiểm tra CCHC", "Văn phòng", "Quý III"],
            [4, "Thủ tục hành chính", "Niêm yết TTHC", "Tư pháp", "Quý II"]]
    plan = read_plan(published_sheet(tmp_path / "p.xlsx", head, rows))
    assert plan.criteria == [] and [t.id for t in plan.tasks] == ["1", "2", "4"]


def test_a_column_of_codes_written_every_way_is_the_code_column(tmp_path: Path) -> None:
    head = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024"]
    rows = [["A", "CHỈ SỐ CCHC"], [1, "Chỉ đạo, điều hành", 4, 3], ["1.1", "Kế hoạch", 2, 2],
            ["1.2", "Báo cáo", 2, 1], [2, "Thủ tục hành chính", 2, 1], [3, "Hiện đại hóa", 2, 1],
            ["B", "CHỈ SỐ SIPAS"], [1, "Tiếp cận dịch vụ", 10, 9], [2, "Công chức", 10, 8]]
    written = ["TC 1.2", "Mã 1.1", "1.1 và 1.2", "1.1–1.2", "Lĩnh vực 3, B.2", "II", "1.2 (ưu tiên)"]
    tasks = ("Phân công", ["STT", "Tiêu chí", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
             [[n, cell, f"Việc {n}", "Văn phòng", "Quý III/2025"]
              for n, cell in enumerate(written, start=1)])
    plan = read_plan(published_sheet(tmp_path / "p.xlsx", head, rows, more=[tasks]))
    assert [t.criteria for t in plan.tasks] == [
        ["1.2"], ["1.1"], ["1.1", "1.2"], ["1.1", "1.2"], ["3", "B.2"], ["2"], ["1.2"]]
    assert [t.id for t in plan.tasks] == [str(n) for n in range(1, 8)]
    assert problem_codes(plan) == []


def test_a_results_sheet_per_year_beside_the_plan(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for year, scores in ((2023, (4, 2, 2)), (2024, (3, 2, 1))):
        ws = wb.create_sheet(f"KQ {year}")
        ws["A1"] = f"KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}"
        for r, values in enumerate([["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt"],
                                    ["1", "Chỉ đạo, điều hành", 4, scores[0]],
                                    ["1.1", "Kế hoạch", 2, scores[1]],
                                    ["1.2", "Báo cáo", 2, scores[2]]], start=3):
            for c, value in enumerate(values, start=1):
                ws.cell(row=r, column=c, value=value)
    ws = wb.create_sheet("Phân công")
    ws["A1"] = "PHÂN CÔNG NHIỆM VỤ CCHC NĂM 2025"
    for c, value in enumerate(["STT", "Mã tiêu chí", "Nhiệm vụ", "Chủ trì", "Thời hạn"], start=1):
        ws.cell(row=3, column=c, value=value)
    for c, value in enumerate([1, "1.2", "Báo cáo đúng hạn", "Văn phòng", "Hằng quý"], start=1):
        ws.cell(row=4, column=c, value=value)
    path = tmp_path / "p.xlsx"
    wb.save(path)
    plan = read_plan(path, default_year=2026)
    assert plan.plan_year == 2025 and plan.years == [2023, 2024]
    assert by_code(plan)["1.2"].scores == {2023: 2.0, 2024: 1.0}
    assert problem_codes(plan) == []
