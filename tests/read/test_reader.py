"""The reader on workbooks made the way officers make them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from officer_books import combined_plan, nfd, separate_plan, write_rows

from cchc_sheets import WorkbookLayoutError, read_plan
from cchc_sheets.config import parse_config
from cchc_sheets.model import Plan, Problem
from cchc_sheets.read.scoring import score_years
from cchc_sheets.read.vocabulary import field_names, match_header
from cchc_sheets.text import fold


def one_sheet(path: Path, rows: list[list[Any]], *, title: str | None = None,
              merges: tuple[str, ...] = ()) -> Path:
    """A workbook of one sheet holding ``rows`` from A1, saved at ``path``."""
    wb = openpyxl.Workbook()
    ws = wb.active
    if title:
        ws.title = title
    write_rows(ws, 1, rows)
    for merge in merges:
        ws.merge_cells(merge)
    wb.save(path)
    return path


def other_problems(plan: Plan) -> list[Problem]:
    """The problems besides "no deadline column" (a warning on a table made without one)."""
    return [p for p in plan.problems if p.code != "missing-column"]


@pytest.fixture
def combined(tmp_path: Path) -> Path:
    return combined_plan(tmp_path / "phu-luc.xlsx")


def test_combined_tasks_keep_sheet_row_and_criterion(combined: Path) -> None:
    plan = read_plan(combined)
    assert plan.plan_year == 2025
    assert [(t.sheet, t.row, t.criteria) for t in plan.tasks] == [
        ("Phụ lục", 11, ["1.1"]),
        ("Phụ lục", 12, ["1.2"]),
        ("Phụ lục", 13, ["1.2"]),  # criterion cell merged down over two task rows
        ("Phụ lục", 16, ["2.1"]),
    ]
    # the row number is the id where the sheet has no separate task number
    assert [t.id for t in plan.tasks] == ["11", "12", "13", "16"]


def test_combined_codes_are_paths_of_roman_and_plain_numbers(combined: Path) -> None:
    plan = read_plan(combined)
    assert [(c.code, c.level) for c in plan.criteria] == [
        ("1", 1), ("1.1", 2), ("1.2", 2), ("2", 1), ("2.1", 2), ("2.2", 2), ("3", 1),
    ]
    by_code = {c.code: c for c in plan.criteria}
    assert by_code["1.2"].name == "Báo cáo CCHC định kỳ"  # NFD in the file, NFC here
    assert by_code["3"].bonus
    assert by_code["1.2"].scores == {2023: 1.5, 2024: 1.0}
    assert by_code["2"].max == 4.0 and by_code["2"].scores[2024] == 2.0


def test_combined_text_is_trimmed_and_nfc(combined: Path) -> None:
    plan = read_plan(combined)
    task = plan.tasks[1]
    assert task.title == "Gửi báo cáo quý đúng hạn"
    assert plan.tasks[3].lead == "Tư pháp - Hộ tịch"
    assert plan.tasks[2].lead == "Văn phòng – Thống kê"


def test_combined_deadlines_statuses_and_dates(combined: Path) -> None:
    plan = read_plan(combined)
    kinds = [(t.deadline.kind, t.deadline.due, t.deadline.text) for t in plan.tasks]
    assert kinds == [
        ("date", date(2025, 3, 31), "Quý I/2025"),
        ("ongoing", None, "Hằng quý"),
        ("date", date(2025, 5, 31), "Tháng 5/2025"),
        ("date", date(2025, 3, 15), "Trước ngày 15/3/2025"),
    ]
    assert [t.status for t in plan.tasks] == ["done", "in_progress", "unknown", "not_started"]
    assert plan.tasks[2].updated == date(2025, 6, 20)  # typed as text
    assert plan.tasks[0].updated == date(2025, 6, 25)  # a date cell
    assert plan.tasks[0].address("deadline") == "I11"
    assert plan.tasks[0].cell("deadline") == "Phụ lục!I11"


@pytest.mark.parametrize(("title", "plan_year"), [
    # the title names the index the plan remedies: the plan is for the year after its scores
    ("KHẮC PHỤC CÁC TIÊU CHÍ BỊ MẤT ĐIỂM CHỈ SỐ CCHC NĂM 2024", 2025),
    ("KẾT QUẢ CHỈ SỐ CCHC NĂM 2023, NĂM 2024", 2025),
    # the title names the plan year
    ("NÂNG CAO CHỈ SỐ CCHC NĂM 2025", 2025),
    ("NÂNG CAO CHỈ SỐ CCHC NĂM 2026", 2026),
    # a title older than every score column is not this plan's year either
    ("THỰC HIỆN TỪ NĂM 2023", 2025),
    ("KHẮC PHỤC CÁC TIÊU CHÍ BỊ MẤT ĐIỂM NĂM 2024, NÂNG CAO CHỈ SỐ CCHC NĂM 2025", 2025),
    ("KHẮC PHỤC HẠN CHẾ, TỒN TẠI NĂM 2025", 2025),
    ("KHẮC PHỤC HẠN CHẾ QUA KẾT QUẢ CHỈ SỐ CCHC NĂM 2024", 2025),
    ("KẾ HOẠCH NÂNG CAO KẾT QUẢ CHỈ SỐ CCHC NĂM 2025", 2025),
    ("THEO DÕI TIẾN ĐỘ, KẾT QUẢ NĂM 2025", 2025),
    ("Xã A, ngày     tháng     năm 2024 — NÂNG CAO CHỈ SỐ CCHC NĂM 2025", 2025),
    # the day a document was signed names no plan year
    ("NÂNG CAO CHỈ SỐ CCHC (KÈM THEO KẾ HOẠCH NGÀY 10 THÁNG 12 NĂM 2026)", None),
])
def test_plan_year_from_a_title_that_names_the_scored_year(tmp_path: Path, title: str,
                                                           plan_year: int | None) -> None:
    path = combined_plan(tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(path)
    wb.active["A4"] = title
    wb.save(path)
    plan = read_plan(path)
    assert plan.plan_year == plan_year
    criterion = next(c for c in plan.criteria if c.code == "2.1")
    assert score_years(plan.plan_year, plan.years) == (2024, 2023)
    assert criterion.score == 0.5 and criterion.previous == 1.0


@pytest.mark.parametrize(("title", "sheet", "plan_year"), [
    ("KẾ HOẠCH CCHC GIAI ĐOẠN 2021-2025", "Phân công", 2026),  # no one year: --as-of's
    ("KẾ HOẠCH CCHC GIAI ĐOẠN 2021 - 2025, NĂM 2025", "Phân công", 2025),
    ("TỪ NĂM 2021 ĐẾN NĂM 2025", "KH 2025", 2025),
    ("KẾ HOẠCH CCHC", "KH 2021-2025", 2026),
])
def test_a_period_in_a_title_is_not_the_plan_year(tmp_path: Path, title: str, sheet: str,
                                                   plan_year: int) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws["A1"] = title
    write_rows(ws, 3, [["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
                       [1, "Rà soát thủ tục", "Tư pháp", "Quý II"]])
    path = tmp_path / "x.xlsx"
    wb.save(path)
    plan = read_plan(path, default_year=2026)
    assert plan.plan_year == plan_year
    assert plan.tasks[0].deadline.due == date(plan_year, 6, 30)


def test_a_self_assessment_column_for_the_title_year_keeps_it_the_plan_year(
        tmp_path: Path) -> None:
    path = combined_plan(tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws["A4"] = "NÂNG CAO CHỈ SỐ CCHC NĂM 2025"
    ws["N7"] = "Điểm tự chấm năm 2025"
    ws.merge_cells("N7:N8")
    ws["N11"] = 1  # 1.1 assessed so far this year
    wb.save(path)
    plan = read_plan(path)
    assert plan.plan_year == 2025 and 2025 in plan.years
    assert score_years(plan.plan_year, plan.years) == (2024, 2023)


def test_rows_after_signature_block_are_not_read(tmp_path: Path) -> None:
    path = combined_plan(tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws.cell(row=30, column=6, value="Nhiệm vụ viết dưới chữ ký")
    wb.save(path)
    titles = [t.title for t in read_plan(path).tasks]
    assert "Nhiệm vụ viết dưới chữ ký" not in titles


def test_separate_sheets(tmp_path: Path) -> None:
    plan = read_plan(separate_plan(tmp_path / "s.xlsx"))
    assert plan.task_sheets == ["Phân công"] and plan.criteria_sheets == ["Tiêu chí"]
    assert [(t.id, t.criteria) for t in plan.tasks] == [
        ("1", ["1.1"]), ("2", ["2.1", "1.2"]), ("3", ["9.9"]),
    ]
    first, second, _ = plan.tasks
    assert first.support == ["Tư pháp", "Văn hóa"]
    assert first.progress == 50.0  # 0.5 in a column where every value is within 0..1
    assert second.status == "done" and second.completed == date(2025, 7, 5)
    assert second.deadline.due == date(2025, 6, 30)  # a bare serial number
    by_code = {c.code: c for c in plan.criteria}
    # appraised beats self-assessed; "KAD" means not applicable
    assert by_code["1.1"].scores[2024] == 0.5
    assert by_code["1.2"].scores[2024] is None and not by_code["1.2"].applicable
    assert by_code["1"].applicable_max == 1.0
    codes = [(p.code, p.ref) for p in plan.problems]
    assert ("unknown-criterion", "Phân công!B6") in codes
    assert ("unknown-status", "Phân công!G6") in codes


@pytest.mark.parametrize(("written", "codes"), [
    ("Tiêu chí 1.1", ["1.1"]),
    ("TC 2.1; Mã 1.2", ["2.1", "1.2"]),
    ("1.1 và 1.2", ["1.1", "1.2"]),
    ("1.1 + 2.1", ["1.1", "2.1"]),
    ("1.1 – 1.2", ["1.1", "1.2"]),  # a range of siblings
    ("1.1-2.1", ["1.1-2.1"]),  # not siblings: left as written, and a warning
    ("2.1a", ["2.1.a"]),  # item a of 2.1, as the criteria sheet's "a)" under 2.1 is coded
    ("2.1 (a)", ["2.1.a"]),
    ("1.1 đến 1.2", ["1.1", "1.2"]),
    ("1.2 (ưu tiên)", ["1.2"]),  # a remark
    ("II.1", ["2.1"]),  # criterion 1 of area II
])
def test_task_codes_as_officers_write_them(tmp_path: Path, written: str,
                                           codes: list[str]) -> None:
    path = separate_plan(tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(path)
    wb["Phân công"]["B4"] = written
    wb["Tiêu chí"].append(["a)", "Mục a", 1, 1, 1, 1])
    wb.save(path)
    plan = read_plan(path)
    assert "2.1.a" in {c.code for c in plan.criteria}
    assert plan.tasks[0].criteria == codes
    unknown = {p.args["code"] for p in plan.problems if p.code == "unknown-criterion"}
    assert unknown == {"9.9"} | ({"1.1-2.1"} if written == "1.1-2.1" else set())


def test_capital_headers_without_diacritics(tmp_path: Path) -> None:
    path = one_sheet(tmp_path / "caps.xlsx", [
        ["KE HOACH NAM 2025"],
        [],
        ["TT", "NOI DUNG CONG VIEC", "DON VI CHU TRI", "THOI GIAN HOAN THANH", "TRANG THAI"],
        [1, "Việc một", "Văn phòng", "Tháng 6", "Đang thực hiện"],
        [2, "Việc hai", "Tư pháp", "31/2/2025", "HT"],
    ], title="Sheet1")
    plan = read_plan(path)
    assert [t.title for t in plan.tasks] == ["Việc một", "Việc hai"]
    assert plan.tasks[0].deadline.due == date(2025, 6, 30)  # year from the title
    assert plan.tasks[1].deadline.kind == "unparsed"
    assert [(p.code, p.ref) for p in plan.problems] == [("unparsed-deadline", "Sheet1!D5")]
    assert plan.tasks[1].status == "done"


def test_blank_rows_and_blank_criterion_cells_under_a_criterion(tmp_path: Path) -> None:
    rows = [
        [],
        ["IV", "HIỆN ĐẠI HÓA HÀNH CHÍNH", 2, 1, 1],
        [1, "Ứng dụng CNTT", 2, 1, 1, "Cập nhật cổng thông tin", "Văn hóa - Xã hội", None,
         "Thường xuyên", "Đang thực hiện"],
        [None, None, None, None, None, "Số hóa hồ sơ", "Văn hóa - Xã hội", None, "Năm 2025",
         "Chưa thực hiện"],
    ]
    path = combined_plan(tmp_path / "p.xlsx", extra_rows=rows)
    plan = read_plan(path)
    extra = [t for t in plan.tasks if t.row >= 19]
    assert [(t.row, t.criteria) for t in extra] == [(21, ["4.1"]), (22, ["4.1"])]
    assert extra[1].deadline.due == date(2025, 12, 31)


@pytest.mark.parametrize(("header", "field"), [
    ("Đơn vị/cá nhân thực hiện", "lead"),
    ("Người chịu trách nhiệm", "lead"),
    ("Công chức thực hiện", "lead"),
    ("Cơ quan, đơn vị chủ trì", "lead"),
    ("Đơn vị/cá nhân phối hợp thực hiện", "support"),
    ("Mã số tiêu chí", "code"),
    ("Thang điểm", "max"),
    ("Thời điểm hoàn thành", "deadline"),
    ("Thời điểm hoàn thành thực tế", "completed"),
    ("Tiến độ (%)", "progress"),
    ("Tình hình thực hiện", "status"),
])
def test_headers_officers_write(header: str, field: str) -> None:
    assert match_header(fold(header), field_names())[0] == [field]


def test_no_header_lists_what_was_seen(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    write_rows(ws, 1, [["Họ tên", "Ngày sinh", "Quê quán"], ["A", "1/1/1990", "Hà Nội"]])
    path = tmp_path / "x.xlsx"
    wb.save(path)
    with pytest.raises(WorkbookLayoutError) as info:
        read_plan(path)
    message = info.value.message("vi")
    assert "x.xlsx" in message and "Họ tên" in message and "Nhiệm vụ, giải pháp" in message
    assert "Quê quán" in info.value.message("en")
    one_sheet(path, [["Họ tên", "Địa chỉ"], ["A", "Hà Nội"]])  # a header of two columns
    with pytest.raises(WorkbookLayoutError) as info:
        read_plan(path)
    assert "Họ tên, Địa chỉ" in info.value.message("vi")


def test_config_adds_header_names(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    write_rows(ws, 1, [["STT", "Việc cần làm", "Người làm", "Hạn xử lý"], [1, "A", "B", "1/7/2025"]])
    path = tmp_path / "x.xlsx"
    wb.save(path)
    with pytest.raises(WorkbookLayoutError):
        read_plan(path)
    config = parse_config({"columns": {"task": ["Việc cần làm"], "deadline": ["Hạn xử lý"],
                                       "lead": ["Người làm"]}})
    plan = read_plan(path, config, default_year=2025)
    assert plan.tasks[0].deadline.due == date(2025, 7, 1)
    assert plan.tasks[0].lead == "B"


def test_parent_sums_win_and_warn(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "TC"
    write_rows(ws, 1, [
        ["Mã số", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024", "Điểm bị trừ"],
        ["1", "Lĩnh vực", 5, 3, 2],
        ["1.1", "A", 2, 1, 1],
        ["1.2", "B", 2, "Không áp dụng", None],
        ["1.3", "C", 1, 1.5, None],
        ["2", "Phạt", None, None, None],
        ["2.1", "Điểm trừ do chậm báo cáo", 0, -0.5, None],
    ])
    path = tmp_path / "tc.xlsx"
    wb.save(path)
    plan = read_plan(path, default_year=2025)
    by_code = {c.code: c for c in plan.criteria}
    assert by_code["1"].max == 5.0  # nominal: children's max including the one not applicable
    # 1.3's 1.5 above its max is an error and not used: 1 is the sum of 1.1 alone, out of 2
    assert 2024 not in by_code["1.3"].scores
    assert by_code["1"].applicable_max == 2.0
    assert by_code["1"].scores[2024] == 1.0
    assert by_code["2.1"].bonus and by_code["2"].bonus
    problems = sorted((p.code, p.ref) for p in plan.problems)
    assert problems == [
        ("lost-mismatch", "TC!E2"),
        ("score-above-max", "TC!D5"),
    ]
    assert nfd("x") == "x"


def test_formula_without_cached_value_is_a_problem_not_zero(tmp_path: Path) -> None:
    path = one_sheet(tmp_path / "f.xlsx", [
        ["Mã số", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024"],
        ["1", "A", 2, "=1+0.5"],
    ], title="TC")  # openpyxl does not calculate: no cached value
    plan = read_plan(path, default_year=2025)
    assert plan.criteria[0].scores == {}
    assert [(p.code, p.severity, p.ref) for p in plan.problems] == [
        ("formula-no-value", "error", "TC!D2")
    ]


def test_a_part_with_an_uncalculated_score_leaves_its_area_sums(tmp_path: Path) -> None:
    # 1.2's 2024 score is a formula with no value: a problem, never a zero; the area is the sum
    # of the parts that have a score, out of their maximum, as the total is
    path = one_sheet(tmp_path / "f.xlsx", [
        ["Mã số", "Tiêu chí", "Điểm tối đa", "Điểm năm 2023", "Điểm năm 2024"],
        ["1", "Lĩnh vực", 3, 3, 3],
        ["1.1", "A", 2, 2, 2],
        ["1.2", "B", 1, 1, "=C3*0.5"],
        ["2", "Lĩnh vực hai", 2, 2, 3],  # stated 3, its parts sum to 1: a warning, the sum wins
        ["2.1", "C", 2, 2, 1],
    ], title="TC")
    plan = read_plan(path, default_year=2025)
    by_code = {c.code: c for c in plan.criteria}
    area = by_code["1"]
    assert (area.score, area.applicable_max, area.lost, area.ratio) == (2.0, 2.0, 0.0, 1.0)
    assert by_code["1.2"].score is None and by_code["1.2"].previous == 1.0
    assert by_code["2"].score == 1.0
    assert sorted((p.code, p.ref) for p in plan.problems) == [
        ("formula-no-value", "TC!E4"), ("score-mismatch", "TC!E5")]


def test_a_bonus_line_in_an_area_counts_in_its_points_not_its_maximum(tmp_path: Path) -> None:
    path = one_sheet(tmp_path / "f.xlsx", [
        ["Mã số", "Tiêu chí", "Điểm tối đa", "Điểm năm 2024"],
        ["2", "Cải cách TTHC", 6.5, 4.5],
        ["2.1", "Công khai", 6, 4],
        ["2.2", "Điểm thưởng sáng kiến", 0.5, 0.5],
    ])
    plan = read_plan(path, default_year=2025)
    area = {c.code: c for c in plan.criteria}["2"]
    assert (area.score, area.applicable_max, area.lost) == (4.5, 6.0, 1.5)


def test_a_plan_open_in_excel_is_read_with_a_warning(combined: Path) -> None:
    lock = combined.with_name("~$" + combined.name)
    lock.write_bytes(b"\x00" * 165)
    plan = read_plan(combined)
    assert plan.tasks
    assert [(p.code, p.severity, p.ref) for p in plan.problems] == [
        ("file-open-elsewhere", "warning", "phu-luc.xlsx")
    ]
    assert "phu-luc.xlsx" in plan.problems[0].message("vi")


def test_item_letters_are_not_roman_numerals(tmp_path: Path) -> None:
    path = one_sheet(tmp_path / "x.xlsx", [
        ["STT", "Tiêu chí", "Điểm tối đa", "Năm 2024", "Nhiệm vụ"],
        ["III", "Khu vực", 3, 2, None],
        [2, "Tiêu chí", 3, 2, None],
        ["a)", "Mục a", 1, 1, None],
        ["b)", "Mục b", 1, 1, None],
        ["c)", "Mục c", 1, 0, "Khắc phục mục c"],
        ["d", "Mục d", None, None, None],
        ["IV", "Khu vực bốn", None, None, None],
        ["C", "Cũng là mục c?", None, None, None],
    ])
    plan = read_plan(path, default_year=2025)
    assert [c.code for c in plan.criteria] == [
        "3", "3.2", "3.2.a", "3.2.b", "3.2.c", "3.2.d", "4", "100"
    ]
    assert plan.tasks[0].criteria == ["3.2.c"]


def test_a_table_in_parts_par_index_then_sipas(tmp_path: Path) -> None:
    # "A. CHỈ SỐ CCHC" then "B. CHỈ SỐ SIPAS", each numbered from 1 again: the second part's
    # codes are under its letter, so its tasks do not land on the first part's criteria
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "NHIỆM VỤ NÂNG CAO CHỈ SỐ CCHC VÀ CHỈ SỐ SIPAS NĂM 2025"
    write_rows(ws, 3, [
        ["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024", "Nhiệm vụ", "Chủ trì"],
        ["A.", "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"],
        ["I", "Công tác chỉ đạo, điều hành", 2, 1],
        ["1", "Kế hoạch CCHC", 2, 1, "Ban hành kế hoạch đúng hạn", "Văn phòng"],
        ["B.", "CHỈ SỐ SIPAS"],
        ["1", "Tiếp cận dịch vụ", None, None, "Cải tạo khu vực chờ", "Văn phòng"],
        [None, None, None, None, "Lắp ghế chờ", "Văn phòng"],
        ["2", "Thủ tục hành chính", None, None, "Niêm yết thủ tục", "Tư pháp"],
    ])
    path = tmp_path / "x.xlsx"
    wb.save(path)
    plan = read_plan(path)
    assert [(c.code, c.level, c.name) for c in plan.criteria] == [
        ("1", 1, "Công tác chỉ đạo, điều hành"), ("1.1", 2, "Kế hoạch CCHC"),
        ("B.1", 1, "Tiếp cận dịch vụ"), ("B.2", 1, "Thủ tục hành chính"),
    ]
    assert [t.criteria for t in plan.tasks] == [["1.1"], ["B.1"], ["B.1"], ["B.2"]]
    assert other_problems(plan) == []  # these tables have no deadline column


def test_a_second_appendix_sheet_numbered_from_1_again_is_a_later_part(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    head = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt 2024", "Nhiệm vụ", "Chủ trì"]
    par = wb.active
    par.title = "PL1 - Chỉ số CCHC"
    write_rows(par, 1, [head, ["I", "Chỉ đạo điều hành", 2, 1],
                        ["1", "Kế hoạch", 2, 1, "Ban hành kế hoạch", "Văn phòng"]])
    sipas = wb.create_sheet("PL2 - SIPAS")
    write_rows(sipas, 1, [head, ["I", "Tiếp cận dịch vụ"],
                          ["1", "Khu vực chờ", None, None, "Cải tạo phòng chờ", "Văn phòng"]])
    path = tmp_path / "x.xlsx"
    wb.save(path)
    plan = read_plan(path)
    assert [c.code for c in plan.criteria] == ["1", "1.1", "B.1", "B.1.1"]
    assert [(t.sheet, t.criteria) for t in plan.tasks] == [
        ("PL1 - Chỉ số CCHC", ["1.1"]), ("PL2 - SIPAS", ["B.1.1"])]
    assert other_problems(plan) == []  # these tables have no deadline column


def test_a_results_sheet_per_year_joins_into_one_frame(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    for i, (year, scores) in enumerate([(2023, (3.5, 2, 1.5)), (2024, (3, 1, 2))]):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = f"KQ {year}"
        ws["A1"] = f"KẾT QUẢ CHỈ SỐ CCHC NĂM {year}"
        write_rows(ws, 3, [["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định"],
                           ["I", "Chỉ đạo", 4, scores[0]], ["1", "Kế hoạch", 2, scores[1]],
                           ["2", "Báo cáo", 2, scores[2]]])
    again = wb.create_sheet("KQ 2024 (bản sao)")
    write_rows(again, 1, [["STT", "Tiêu chí", "Điểm tối đa", "Điểm thẩm định 2024"],
                          ["I", "Chỉ đạo", 4, 3.5]])  # other points for 2024
    path = tmp_path / "x.xlsx"
    wb.save(path)
    plan = read_plan(path, default_year=2025)
    by_code = {c.code: c for c in plan.criteria}
    assert [c.code for c in plan.criteria] == ["1", "1.1", "1.2"]
    assert by_code["1.1"].scores == {2023: 2.0, 2024: 1.0}
    assert by_code["1.1"].cells["score:2024"] == "D5"
    assert by_code["1.1"].sheet_of("score:2024") == "KQ 2024"
    assert by_code["1.1"].sheet_of("score:2023") == by_code["1.1"].sheet == "KQ 2023"
    # the same year read again with other points is a duplicate
    assert [(p.code, p.ref) for p in plan.problems] == [
        ("duplicate-criterion", "KQ 2024 (bản sao)!A2")]


def test_text_typed_in_a_legacy_font_is_a_warning(tmp_path: Path) -> None:
    path = one_sheet(tmp_path / "tcvn3.xlsx", [
        ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
        [1, "Việc bình thường", "Văn phòng", "30/6/2025"],
        [2, "Ban hµnh kÕ ho¹ch c¶i c¸ch hµnh chÝnh", "V¨n phßng", "30/6/2025"],
        [3, "Hoaøn thaønh keá hoaïch", "Tö phaùp", "30/6/2025"],
    ], title="PC")
    plan = read_plan(path)
    assert [(p.code, p.ref) for p in plan.problems] == [("legacy-font", "PC!B3")]
    assert "Unikey" in plan.problems[0].message("vi")


def test_area_code_and_name_in_one_merged_cell_and_relative_sub_codes(tmp_path: Path) -> None:
    path = one_sheet(tmp_path / "x.xlsx", [
        ["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024", "Nhiệm vụ"],
        ["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"],
        [1, "Kế hoạch CCHC", 2, 1, None],
        ["1.1", "Ban hành đúng hạn", 1, 0.5, "Ban hành sớm"],
        ["1.2", "Đủ nội dung", 1, 0.5, None],
        ["Lĩnh vực II: CẢI CÁCH TTHC"],
        [1, "Công khai TTHC", 1, 1, None],
    ], merges=("A2:E2", "A6:E6"))
    plan = read_plan(path, default_year=2025)
    assert [(c.code, c.name) for c in plan.criteria] == [
        ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"), ("1.1", "Kế hoạch CCHC"),
        ("1.1.1", "Ban hành đúng hạn"), ("1.1.2", "Đủ nội dung"),
        ("2", "CẢI CÁCH TTHC"), ("2.1", "Công khai TTHC"),
    ]
    assert plan.tasks[0].criteria == ["1.1.1"]
    assert other_problems(plan) == []  # these tables have no deadline column


def test_a_list_of_tasks_only_with_group_headings(tmp_path: Path) -> None:
    path = one_sheet(tmp_path / "ds.xlsx", [
        ["UBND XÃ THANH ĐA"],
        ["DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025"],
        [],
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
         "Ghi chú"],
        ["I", "NHIỆM VỤ CHUNG"],
        [1, "Ban hành kế hoạch", "Văn phòng", None, "Quý I", None],
        [2, "Kiểm tra CCHC", "Văn phòng", "Tư pháp", "Quý III", None],
        ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
        [1, "Rà soát TTHC", "Tư pháp", None, "Tháng 9", None],
    ], title="Nhiệm vụ")
    plan = read_plan(path)
    assert [(t.row, t.id, t.criteria, t.title) for t in plan.tasks] == [
        (6, "1", [], "Ban hành kế hoạch"), (7, "2", [], "Kiểm tra CCHC"),
        (9, "1", [], "Rà soát TTHC"),
    ]
    assert plan.tasks[2].deadline.due == date(2025, 9, 30)
    assert plan.problems == []


def test_task_sheet_naming_codes_under_a_criterion_header(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tiêu chí"
    write_rows(ws, 1, [
        ["Mã số", "Tên tiêu chí", "Điểm tối đa", "Điểm năm 2024"],
        ["1.1", "Kế hoạch", 1, 0.5],
        ["1.2", "Báo cáo", 1, 1],
    ])
    tasks = wb.create_sheet("Phân công")
    write_rows(tasks, 1, [
        ["TT", "Tiêu chí", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
        [1, "1.1", "Sửa kế hoạch", "Văn phòng", "30/6/2025"],
        [2, "1.1; 1.2", "Báo cáo đúng hạn", "Văn phòng", "Quý III/2025"],
    ])
    path = tmp_path / "x.xlsx"
    wb.save(path)
    plan = read_plan(path, default_year=2025)
    assert [t.criteria for t in plan.tasks] == [["1.1"], ["1.1", "1.2"]]
    assert [t.id for t in plan.tasks] == ["1", "2"]
    assert plan.problems == []


def test_a_tally_sheet_of_counts_is_not_a_list_of_tasks(tmp_path: Path) -> None:
    path = separate_plan(tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(path)
    tally = wb.create_sheet("Tổng hợp")
    write_rows(tally, 1, [
        ["Bộ phận chủ trì", "Số nhiệm vụ", "Quá hạn"],
        ["Văn phòng", 5, 1],
        ["Tư pháp", 3, 0],
    ])
    wb.save(path)
    plan = read_plan(path)
    assert plan.task_sheets == ["Phân công"] and len(plan.tasks) == 3


@pytest.mark.parametrize("task_header", ["Nội dung", "Nội dung thực hiện", "Công việc"])
def test_a_work_list_headed_noi_dung(tmp_path: Path, task_header: str) -> None:
    path = one_sheet(tmp_path / "x.xlsx", [
        ["TT", task_header, "Người thực hiện", "Thời gian thực hiện"],
        [1, "Niêm yết TTHC", "Tư pháp", "Tháng 7/2025"],
    ])
    plan = read_plan(path, default_year=2025)
    assert [(t.title, t.lead, t.deadline.due) for t in plan.tasks] == [
        ("Niêm yết TTHC", "Tư pháp", date(2025, 7, 31))]


# --------------------------------------------------------------------------- header matching

def _match_by_definition(header: str, names: dict[str, list[str]]) -> tuple[list[str], int]:
    """Contract §1.1 read literally: every name of every field tried as whole words."""
    best: list[str] = []
    best_len = 0
    for field_name, options in names.items():
        length = max((len(o) + (o == header) for o in options
                      if o and f" {o} " in f" {header} "), default=0)
        if length > best_len:
            best, best_len = [field_name], length
        elif length and length == best_len:
            best.append(field_name)
    return best, best_len


def _header_words() -> list[str]:
    from cchc_sheets.read.vocabulary import field_names

    return sorted({w for options in field_names().values() for o in options for w in o.split()})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_header_words() + ["2024", "%", "tong", "x"]), min_size=1,
                max_size=8))
def test_indexed_header_matching_agrees_with_the_definition(words: list[str]) -> None:
    from cchc_sheets.read.vocabulary import HeaderMatcher, field_names

    names = field_names({"deadline": ["Hạn xử lý"], "result": ["Kết quả đạt được"]})
    header = " ".join(words)
    assert HeaderMatcher(names).match(header) == _match_by_definition(header, names)


header_cell = st.text(alphabet=st.sampled_from(
    "aăâbcdđeêghiklmnoôơpqrstuưvxyÀẢẾỆỨỮĐ0123456789,.;:/()%-–_ \n\t\u00a0\u0301İß"), max_size=12)


@settings(max_examples=400, deadline=None)
@given(header_cell, header_cell)
def test_a_two_row_header_is_folded_from_its_folded_parts(top: str, bottom: str) -> None:
    from cchc_sheets.read.headers import _join
    from cchc_sheets.text import clean, fold

    a, b = clean(top), clean(bottom)
    texts, folds = _join([a], [b], [fold(a)], [fold(b)])
    assert texts == [f"{a} {b}".strip() if b and b != a else a]
    assert folds == [fold(t) for t in texts]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    "aăbđeêoơưÀĐ \t\r\n\u00a0\u2007\u202f\u200b\ufeff\u2028\x0b\u0301e0,.-"), max_size=16))
def test_clean_is_nfc_trimmed_lines_with_single_spaces(raw: str) -> None:
    import re
    import unicodedata

    from cchc_sheets.text import _clean_uncached

    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n")
    lines = [re.sub(r"[ \t\u00a0\u2007\u202f\u200b\ufeff]+", " ", line).strip()
             for line in text.split("\n")]
    assert _clean_uncached(raw) == "\n".join(line for line in lines if line)


def _results_sheet(path: Path, *, title: str | None, sheet: str,
                   heads: tuple[str, ...] = ("Điểm tự đánh giá", "Điểm thẩm định")) -> Path:
    """A criteria sheet of an index's results whose score headers name no year, and a list of
    tasks for the plan year."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws["A1"] = title
        ws.merge_cells("A1:F1")
    write_rows(ws, 3, [
        ["STT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", *heads, "Tỷ lệ %", "Địa điểm"],
        ["I", "Công tác chỉ đạo điều hành", 4, 3.5, 3, "=E4/C4", "Trụ sở"],
        ["1", "Kế hoạch CCHC", 2, 2, 2],
        ["2", "Báo cáo", 2, 1.5, 1],
    ])
    tasks = wb.create_sheet("Nhiệm vụ")
    tasks["A1"] = "DANH MỤC NHIỆM VỤ NĂM 2025"
    write_rows(tasks, 3, [
        ["TT", "Nội dung công việc", "Tiêu chí", "Người phụ trách", "Thời gian"],
        [1, "Hoàn thiện báo cáo định kỳ", "1.2", "Văn phòng", "Hàng quý"],
    ])
    wb.save(path)
    return path


@pytest.mark.parametrize(("title", "sheet", "file"), [
    ("KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2024", "Kết quả", "ke-hoach.xlsx"),
    (None, "KQ 2024", "ke-hoach.xlsx"),
    (None, "Kết quả", "ket-qua-2024.xlsx"),
    (None, "Kết quả", "ke-hoach.xlsx"),  # no year anywhere: last year
])
def test_score_headers_without_a_year_are_dated_by_the_title_or_names(
        tmp_path: Path, title: str | None, sheet: str, file: str) -> None:
    plan = read_plan(_results_sheet(tmp_path / file, title=title, sheet=sheet), default_year=2025)
    assert plan.plan_year == 2025 and plan.years == [2024]
    by_code = {c.code: c for c in plan.criteria}
    # appraised beats self-assessed; the area sums its criteria
    assert by_code["1.2"].scores == {2024: 1.0} and by_code["1.2"].lost == 1.0
    assert by_code["1"].score == 3.0
    # "Tỷ lệ %" is not read in a table of criteria, so its uncalculated formula is no problem;
    # "Địa điểm" is not a score
    assert [p.code for p in plan.problems] == []


def test_an_undated_score_beside_the_plan_year_title_is_last_years(tmp_path: Path) -> None:
    path = _results_sheet(tmp_path / "p.xlsx", title="CHỈ SỐ CCHC NĂM 2025", sheet="Kết quả",
                          heads=("Điểm đạt", "Ghi chú"))
    plan = read_plan(path, config=parse_config({"plan_year": 2025}))
    assert plan.years == [2024] and {c.code: c for c in plan.criteria}["1.2"].score == 1.5


@pytest.mark.parametrize(("values", "fmt"), [((1, 0.5, 0), "0%"), ((100, 50, 0), "0"),
                                             (("1", "0,5", "0"), "@")])
def test_a_status_column_of_percentages_is_the_progress(tmp_path: Path, values: tuple[Any, ...],
                                                        fmt: str) -> None:
    # "Tiến độ" is the status column's name, but officers fill it with 100%, 50%, 0%
    wb = openpyxl.Workbook()
    ws = wb.active
    write_rows(ws, 1, [["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Tiến độ"],
                       [1, "Việc A", "Văn phòng", "30/6/2025", values[0]],
                       [2, "Việc B", "Văn phòng", "30/9/2025", values[1]],
                       [3, "Việc C", "Văn phòng", "30/9/2025", values[2]],
                       [4, "Việc D", "Văn phòng", "30/9/2025", "Đang làm"],
                       [5, "Việc E", "Văn phòng", "30/9/2025", "Không rõ"]])
    for row in range(2, 5):
        ws.cell(row=row, column=5).number_format = fmt
    path = tmp_path / "x.xlsx"
    wb.save(path)
    plan = read_plan(path, default_year=2025)
    assert [(t.status, t.progress) for t in plan.tasks] == [
        ("done", 100.0), ("in_progress", 50.0), ("not_started", 0.0), ("in_progress", None),
        ("unknown", None)]
    assert [(p.code, p.cell) for p in plan.problems] == [("unknown-status", "E6")]


TASK_HEADS = ["Nhiệm vụ", "Chủ trì", "Thời hạn"]
TASK = ["Ban hành kế hoạch", "Văn phòng", "Trước 15/3"]
# 1.1 scored 2 in 2023 and 1 in 2024 (self-assessed 1.5, where the layout has both kinds)
HEADER_LAYOUTS: dict[str, tuple[list[list[Any]], list[str], list[list[Any]]]] = {
    "one-row": (
        [["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2023", "Điểm đạt năm 2024", *TASK_HEADS]],
        [], [["1", "Kế hoạch CCHC", 2, 2, 1, *TASK]]),
    # "Năm 2024" over "Tự chấm | Thẩm định": appraised beats self-assessed
    "year-over-kinds": (
        [["STT", "Tiêu chí", "Điểm tối đa", "Năm 2023", "Năm 2024", None, *TASK_HEADS],
         [None, None, None, None, "Tự chấm", "Thẩm định"]],
        [*(f"{c}1:{c}2" for c in "ABCDGHI"), "E1:F1"],
        [["1", "Kế hoạch CCHC", 2, 2, 1.5, 1, *TASK]]),
    "score-over-years": (
        [["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt", None, *TASK_HEADS],
         [None, None, None, "2023", "2024"]],
        [*(f"{c}1:{c}2" for c in "ABCFGH"), "D1:E1"],
        [["1", "Kế hoạch CCHC", 2, 2, 1, *TASK]]),
    # "Điểm" over "Tối đa | Năm 2023 | Năm 2024" over "Tự chấm | Thẩm định" under 2024
    "three-rows": (
        [["STT", "Tiêu chí", "Điểm", None, None, None, *TASK_HEADS],
         [None, None, "Tối đa", "Năm 2023", "Năm 2024", None],
         [None, None, None, None, "Tự chấm", "Thẩm định"]],
        ["A1:A3", "B1:B3", "C1:F1", "C2:C3", "D2:D3", "E2:F2", "G1:G3", "H1:H3", "I1:I3"],
        [["1", "Kế hoạch CCHC", 2, 2, 1.5, 1, *TASK]]),
    "three-rows-numbered": (
        [["STT", "Tiêu chí", "Điểm", None, None, None, *TASK_HEADS],
         [None, None, "Tối đa", "Năm 2023", "Năm 2024", None],
         [None, None, None, None, "Tự chấm", "Thẩm định"],
         [f"({n})" for n in range(1, 10)]],
        ["A1:A3", "B1:B3", "C1:F1", "C2:C3", "D2:D3", "E2:F2", "G1:G3", "H1:H3", "I1:I3"],
        [["1", "Kế hoạch CCHC", 2, 2, 1.5, 1, *TASK]]),
}


@pytest.mark.parametrize("title", [None, "(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/01/2024)"],
                         ids=["", "title-right-above"])
@pytest.mark.parametrize("layout", list(HEADER_LAYOUTS))
def test_headers_of_several_rows(tmp_path: Path, layout: str, title: str | None) -> None:
    heads, merges, rows = HEADER_LAYOUTS[layout]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "PHỤ LỤC NHIỆM VỤ NĂM 2025"
    top = 3
    if title:  # a merged line right above the header is a title, not a header row
        ws.cell(row=top, column=1, value=title)
        ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=9)
        top += 1
    write_rows(ws, top, heads)
    for merge in merges:
        first, last = merge.split(":")
        ws.merge_cells(f"{first[0]}{top + int(first[1:]) - 1}:{last[0]}{top + int(last[1:]) - 1}")
    write_rows(ws, top + len(heads), [["I", "Chỉ đạo điều hành"], *rows])
    path = tmp_path / "p.xlsx"
    wb.save(path)
    plan = read_plan(path, default_year=2026)
    by_code = {c.code: c for c in plan.criteria}
    assert plan.plan_year == 2025
    assert [c.code for c in plan.criteria] == ["1", "1.1"]
    assert by_code["1.1"].scores == {2023: 2.0, 2024: 1.0}
    assert [(t.title, t.criteria, t.deadline.due) for t in plan.tasks] == [
        ("Ban hành kế hoạch", ["1.1"], date(2025, 3, 15))]
    assert plan.problems == []


@pytest.mark.parametrize(("total", "merge"), [
    (["TỔNG CỘNG", None, 3, 2.5], "A{r}:B{r}"),
    ([None, "Tổng số điểm", 3, 2.5], None),
    (["", "Cộng (I+II)", 3, 2.5], None),
])
def test_a_total_line_and_a_footnote_are_not_criteria(tmp_path: Path, total: list[Any],
                                                      merge: str | None) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    write_rows(ws, 1, [
        ["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024", "Nhiệm vụ", "Chủ trì"],
        ["I", "Chỉ đạo điều hành", 2, 1.5],
        ["1", "Kế hoạch CCHC", 1, 0.5, "Ban hành kế hoạch", "Văn phòng"],
        ["2", "Báo cáo", 1, 1],
        ["II", "Thủ tục hành chính", 1, 1],
        ["1", "Công khai thủ tục", 1, 1],
        total,
        ["Ghi chú: các bộ phận báo cáo trước ngày 25 hằng tháng."],
        [None, None, None, None, "Nhiệm vụ viết dưới ghi chú", "Văn phòng"],
    ])
    if merge:
        ws.merge_cells(merge.format(r=7))
    ws.merge_cells("A8:F8")
    path = tmp_path / "x.xlsx"
    wb.save(path)
    plan = read_plan(path, default_year=2025)
    assert [c.code for c in plan.criteria] == ["1", "1.1", "1.2", "2", "2.1"]
    assert {c.code: c.max for c in plan.criteria}["2.1"] == 1.0
    assert [t.title for t in plan.tasks] == ["Ban hành kế hoạch"]
    # the task under the note is not read, and not silently: a warning names its cell
    assert [(p.code, p.ref) for p in other_problems(plan)] == [("row-below-table", "Sheet!E9")]
    assert plan.reading is not None
    assert [(x.row, x.reason) for x in plan.reading.left_out] == [
        (7, "total"), (8, "note"), (9, "not-understood")]


@pytest.mark.parametrize(("numbers", "ids", "codes"), [
    (["1.1", "1.2, 2.1", 2.1], ["2", "3", "4"], [["1.1"], ["1.2", "2.1"], ["2.1"]]),
    ([1, 2, 3], ["1", "2", "3"], [[], [], []]),
    (["1.", "2.", "3."], ["1", "2", "3"], [[], [], []]),
])
def test_an_stt_column_of_criterion_codes_in_a_task_sheet(tmp_path: Path, numbers: list[Any],
                                                          ids: list[str],
                                                          codes: list[list[str]]) -> None:
    # with no code column, "STT" holds the criterion codes when its cells are codes
    path = separate_plan(tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(path)
    del wb["Phân công"]
    tasks = wb.create_sheet("Phân công")
    write_rows(tasks, 1, [["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn"]] + [
        [n, f"Việc {i}", "Văn phòng", "Tháng 12/2025"] for i, n in enumerate(numbers)])
    wb.save(path)
    plan = read_plan(path)
    assert [(t.id, t.criteria) for t in plan.tasks] == list(zip(ids, codes, strict=True))


def test_a_progress_column_mixing_typed_percents_and_cells_formatted_as_percent(
        tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    write_rows(ws, 1, [["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "% hoàn thành"]] + [
        [i, f"Việc {i}", "Văn phòng", "30/9/2025", value]
        for i, value in enumerate([50, 100, 0.3, 1, 0], start=1)])
    for row in (4, 5):
        ws.cell(row=row, column=5).number_format = "0%"
    path = tmp_path / "x.xlsx"
    wb.save(path)
    plan = read_plan(path, default_year=2025)
    assert [(t.progress, t.status) for t in plan.tasks] == [
        (50.0, "in_progress"), (100.0, "done"), (30.0, "in_progress"), (100.0, "done"),
        (0.0, "not_started")]


def test_a_header_that_could_be_two_fields_is_a_problem_naming_both(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    write_rows(ws, 1, [["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Tiến độ, kết quả"],
                       [1, "Việc", "Văn phòng", "30/9/2025", "Báo cáo số 5"]])
    path = tmp_path / "x.xlsx"
    wb.save(path)
    plan = read_plan(path, default_year=2025)
    [problem] = plan.problems
    assert (problem.code, problem.cell) == ("ambiguous-header", "E1")
    assert "«Trạng thái» hoặc «Kết quả thực hiện»" in problem.message("vi")
    assert "'Status' or 'Result'" in problem.message("en")


def test_rows_that_look_like_the_end_or_a_total_but_are_tasks(tmp_path: Path) -> None:
    path = one_sheet(tmp_path / "x.xlsx", [
        ["PHÂN CÔNG NHIỆM VỤ NĂM 2025"],
        ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", None],  # an unnamed notes column
        ["A", "B", "1", "2", "3"],  # the form's column labels
        [None, "CHỦ TỊCH UBND XÃ"],  # heads the tasks the chairman leads
        [1, "Chủ tịch UBND xã đối thoại với người dân", "Văn phòng", "Quý III", "Hoàn thành ngày 2/8"],
        [2, "Tổng hợp báo cáo CCHC quý", "Văn phòng", "Hằng quý", None],
        [3, "Công khai thủ tục", "Tư pháp", "30/6", "Ghi chú: đã niêm yết"],
        [None, "Tổng cộng: 3 nhiệm vụ"],
        [None, "Nơi nhận:", None, None, "TM. ỦY BAN NHÂN DÂN"],
        [None, "Việc viết dưới chữ ký", "Văn phòng", "30/6"],
    ])
    plan = read_plan(path, default_year=2025)
    assert [t.title for t in plan.tasks] == [
        "Chủ tịch UBND xã đối thoại với người dân", "Tổng hợp báo cáo CCHC quý",
        "Công khai thủ tục"]
    # the task under the signature is not read, and not silently
    assert [(p.code, p.ref) for p in plan.problems] == [("row-below-table", "Sheet!B10")]
    assert plan.reading is not None
    assert [(x.row, x.reason) for x in plan.reading.left_out] == [
        (3, "column-numbers"), (4, "heading"), (8, "total"), (9, "signature"),
        (10, "not-understood")]


@pytest.mark.parametrize("layout", ["scores-first", "continued"])
def test_sheets_that_are_not_later_parts(tmp_path: Path, layout: str) -> None:
    head = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt 2024", "Nhiệm vụ", "Chủ trì"]
    wb = openpyxl.Workbook()
    first = wb.active
    second = wb.create_sheet()
    if layout == "scores-first":  # a frame of last year's scores, then the plan's table
        first.title, second.title = "KQ 2024", "Phụ lục"
        write_rows(first, 1, [head[:4], ["I", "Chỉ đạo", 2, 1], ["1", "Kế hoạch", 2, 1]])
        write_rows(second, 1, [head, ["I", "Chỉ đạo", 2, 1],
                               ["1", "Kế hoạch", 2, 1, "Ban hành kế hoạch", "Văn phòng"]])
        codes, tasks = ["1", "1.1"], [["1.1"]]
    else:  # areas I–II on one sheet, II (continued) and III on the next
        first.title, second.title = "I-II", "II-III"
        write_rows(first, 1, [head, ["I", "Chỉ đạo", 1, 1], ["1", "Kế hoạch", 1, 1, "Việc 1", "VP"],
                              ["II", "Thủ tục", 2, 1], ["1", "Công khai", 1, 1, "Việc 2", "VP"]])
        write_rows(second, 1, [head, ["II", "Thủ tục (tiếp theo)"],
                               ["2", "Một cửa", 1, 0, "Việc 3", "VP"],
                               ["III", "Bộ máy", 1, 1], ["1", "Sắp xếp", 1, 1, "Việc 4", "VP"]])
        codes, tasks = ["1", "1.1", "2", "2.1", "2.2", "3", "3.1"], [["1.1"], ["2.1"], ["2.2"],
                                                                    ["3.1"]]
    path = tmp_path / "x.xlsx"
    wb.save(path)
    plan = read_plan(path, default_year=2025)
    assert sorted(c.code for c in plan.criteria) == codes
    assert [t.criteria for t in plan.tasks] == tasks
    assert other_problems(plan) == []  # these tables have no deadline column


@pytest.mark.parametrize(("title", "heads"), [
    # the title names the index remedied; the scores' header names no year
    ("KẾ HOẠCH KHẮC PHỤC CÁC TIÊU CHÍ BỊ MẤT ĐIỂM CHỈ SỐ CCHC NĂM 2024", ["Điểm đạt"]),
    # a target and a result column of the plan year are no scores of it
    ("NÂNG CAO CHỈ SỐ CCHC NĂM 2025", ["Điểm đạt năm 2024", "Điểm phấn đấu năm 2025",
                                       "Kết quả thực hiện năm 2025"]),
])
def test_the_plan_year_is_not_taken_from_what_was_scored_or_aimed_at(
        tmp_path: Path, title: str, heads: list[str]) -> None:
    extra = [1.5, 2][:len(heads) - 1]
    path = one_sheet(tmp_path / "ke-hoach-2025.xlsx", [
        [title],
        ["STT", "Tiêu chí", "Điểm tối đa", *heads, "Nhiệm vụ", "Chủ trì", "Thời hạn"],
        ["I", "Chỉ đạo", 2, 1, *extra],
        ["1", "Kế hoạch", 2, 1, *extra, "Ban hành kế hoạch", "Văn phòng", "30/9"],
    ])
    plan = read_plan(path, default_year=2026)
    assert plan.plan_year == 2025 and plan.years == [2024]
    assert plan.tasks[0].deadline.due == date(2025, 9, 30)


@pytest.mark.parametrize("heads", [["Tình trạng", "Tiến độ"], ["Tiến độ", "Trạng thái"]])
def test_a_tien_do_column_beside_a_status_column_is_the_progress(tmp_path: Path,
                                                                heads: list[str]) -> None:
    status_first = heads[0] != "Tiến độ"
    rows = [("Đang thực hiện", 0.5), (None, 1), ("Hoàn thành", 1)]
    path = one_sheet(tmp_path / "x.xlsx", [
        ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", *heads],
        *[[i, f"Việc {i}", "Văn phòng", "30/9/2025", *((s, p) if status_first else (p, s))]
          for i, (s, p) in enumerate(rows, start=1)]])
    plan = read_plan(path, default_year=2025)
    assert [(t.status, t.progress) for t in plan.tasks] == [
        ("in_progress", 50.0), ("done", 100.0), ("done", 100.0)]
    assert plan.problems == []


def test_a_list_of_tasks_without_a_deadline_column_says_so(tmp_path: Path) -> None:
    path = one_sheet(tmp_path / "x.xlsx", [["TT", "Nhiệm vụ", "Ghi chú"], [1, "Họp giao ban", None]],
                     title="NV")
    plan = read_plan(path, default_year=2025)
    [problem] = plan.problems
    assert (problem.code, problem.severity, problem.ref) == ("missing-column", "warning", "NV!B1")
    assert "«Thời hạn hoàn thành»" in problem.message("vi")
    assert "'Deadline'" in problem.message("en")


def test_the_sample_table_of_an_instructions_sheet_is_not_read(tmp_path: Path) -> None:
    path = separate_plan(tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(path)
    guide = wb.create_sheet("Hướng dẫn", 0)
    write_rows(guide, 1, [["Cách ghi kế hoạch"],
                          ["STT", "Mã tiêu chí", "Nhiệm vụ", "Bộ phận chủ trì", "Thời hạn"],
                          ["1", "2.1", "Ví dụ: Rà soát TTHC", "Tư pháp", "Quý II/2025"]])
    wb.save(path)
    plan = read_plan(path)
    assert "Hướng dẫn" not in {t.sheet for t in plan.tasks}
    assert len(plan.tasks) == 3


def test_last_years_plan_kept_on_its_own_sheet_is_left_out(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    for i, year in enumerate((2025, 2024)):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = f"KH {year}"
        write_rows(ws, 1, [[f"KẾ HOẠCH NÂNG CAO CHỈ SỐ CCHC NĂM {year}"],
                           ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
                           [1, f"Ban hành kế hoạch năm {year}", "Văn phòng", f"31/3/{year}"]])
    path = tmp_path / "x.xlsx"
    wb.save(path)
    plan = read_plan(path, default_year=2025)
    assert [t.title for t in plan.tasks] == ["Ban hành kế hoạch năm 2025"]
    [problem] = plan.problems
    assert problem.code == "old-plan-sheet" and "«KH 2024»" in problem.message("vi")
    # with the plan year of 2024 neither is older: nothing is left out
    assert len(read_plan(path, config=parse_config({"plan_year": 2024})).tasks) == 2
    # a sheet of an earlier year with tasks of its own (carried over) is read
    wb = openpyxl.load_workbook(path)
    wb["KH 2024"]["A1"] = "NHIỆM VỤ CHUYỂN TIẾP TỪ NĂM 2024"
    wb["KH 2024"]["B3"] = "Số hóa hồ sơ hộ tịch"
    wb.save(path)
    assert len(read_plan(path, default_year=2025).tasks) == 2


def test_a_total_line_merged_across_with_a_count_of_tasks(tmp_path: Path) -> None:
    path = one_sheet(tmp_path / "x.xlsx", [
        ["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024", "Nhiệm vụ", "Chủ trì"],
        ["I", "Chỉ đạo", 1, 1],
        ["1", "Kế hoạch", 1, 1, "Ban hành kế hoạch", "Văn phòng"],
        ["TỔNG CỘNG", None, 1, 1, "01 nhiệm vụ"],
    ], merges=("A4:D4",))
    plan = read_plan(path, default_year=2025)
    assert [c.code for c in plan.criteria] == ["1", "1.1"]
    assert [t.title for t in plan.tasks] == ["Ban hành kế hoạch"]


def _header_of(rows: list[list[Any]]) -> Any:
    from cchc_sheets.read.headers import find_header
    from cchc_sheets.read.sources import Grid

    return find_header(Grid("Phân công", rows, [], False), field_names({}), {})


LIST_HEADER = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"]
FULL_HEADER = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Tình trạng",
               "Tài liệu kiểm chứng"]


def _tasks(n: int, width: int) -> list[list[Any]]:
    return [[str(i + 1), f"Việc {i + 1}", "Văn phòng", *["30/6/2025"] * (width - 3)]
            for i in range(n)]


@pytest.mark.parametrize("rows_between, found", [(3, True), (10, True), (11, False),
                                                  (30, False)])
def test_a_better_header_under_a_few_rows_of_data_is_found(rows_between: int,
                                                            found: bool) -> None:
    """The header search stops looking for a better header only after more than eight rows of
    data beyond the two under the one it found: a short list above the plan's table does not
    hide it; a better header under a whole table of data is not looked for."""
    rows = [LIST_HEADER, *_tasks(rows_between, 4), FULL_HEADER, *_tasks(5, 7)]
    header = _header_of(rows[:40])
    assert header is not None and header.row == (rows_between + 1 if found else 0)
    assert header.data_start == header.row + 1


def test_the_letters_that_fold_to_o_are_all_there() -> None:
    """A total line is told by its second letter first: every letter that folds to "o"."""
    from cchc_sheets.read.sheet import _FOLDS_TO_O, may_be_total

    assert _FOLDS_TO_O == {c for c in map(chr, range(0x41, 0x2000)) if c.isalpha() and fold(c) == "o"}
    assert may_be_total("TỔNG CỘNG") and may_be_total("Cộng") and may_be_total("Total")
    assert not may_be_total("Tổ chức") and not may_be_total("Thực hiện")


def test_no_header_leaves_the_letterhead_out_of_what_was_seen(tmp_path: Path) -> None:
    """The message lists the headers the reader saw: not the Quốc hiệu, the issuing body, the
    document's number or its date line, which stand beside the real header in a plan."""
    wb = openpyxl.Workbook()
    ws = wb.active
    write_rows(ws, 1, [
        ["ỦY BAN NHÂN DÂN XÃ HƯNG THỊNH", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["Số: 45/KH-UBND", "", "Độc lập - Tự do - Hạnh phúc"],
        ["", "", "Hưng Thịnh, ngày 20 tháng 8 năm 2025"],
        ["Họ tên", "Ngày sinh", "Quê quán"], ["A", "1/1/1990", "Hà Nội"]])
    path = tmp_path / "x.xlsx"
    wb.save(path)
    with pytest.raises(WorkbookLayoutError) as info:
        read_plan(path)
    message = info.value.message("vi")
    assert "Họ tên" in message and "Quê quán" in message
    for line in ("ỦY BAN", "CỘNG HÒA", "Số: 45", "Độc lập", "ngày 20 tháng 8"):
        assert line not in message, line


def test_a_code_cell_without_a_letter_or_digit_is_no_code(tmp_path: Path) -> None:
    """ "??" typed where the code goes (the officer did not know it) is no area "??": the line
    is read as a line without a code, under the one above, shown by its own text and cell."""
    from cchc_sheets.model import shown_code

    wb = openpyxl.Workbook()
    ws = wb.active
    write_rows(ws, 1, [
        ["STT", "Tiêu chí", "Điểm tối đa", "Điểm năm 2024", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
        ["I", "Công tác chỉ đạo, điều hành", 3, 2],
        [1, "Kế hoạch CCHC năm", 1, 1, "Ban hành kế hoạch", "Văn phòng", "Quý I/2025"],
        ["??", "Báo cáo CCHC định kỳ", 2, 1, "Gửi báo cáo đúng hạn", "Văn phòng", "Hằng quý"],
    ])
    path = tmp_path / "ma.xlsx"
    wb.save(path)
    plan = read_plan(path, default_year=2025)
    codes = [(shown_code(c.code), c.name) for c in plan.criteria]
    assert codes == [("1", "Công tác chỉ đạo, điều hành"), ("1.1", "Kế hoạch CCHC năm"),
                     ("", "Báo cáo CCHC định kỳ")]
    line = plan.criteria[2]
    assert line.level > 1 and line.code.startswith("1.1.") and line.score == 1  # (was area "??")
    assert len(plan.tasks) == 2 and plan.tasks[1].criteria == [line.code]
