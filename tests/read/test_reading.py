"""The reading report (contract §8): ``cchc doc``, the JSON key ``reading``, the summary sheet
"Cách đọc tệp" and the terminal line; and no silent drops (contract §7).

Goldens: ``pytest tests/read/test_reading.py --update-golden`` after an intended change.
"""

from __future__ import annotations

import json
import warnings
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest
from click.testing import CliRunner
from conftest import copy_example
from officer_books import write_rows

from cchc_sheets import check, result_dict, write_summary
from cchc_sheets.cli import cli
from cchc_sheets.read.reader import read_plan
from cchc_sheets.read.reading import reading_line, score_kind
from cchc_sheets.render.labels import label

GOLDEN = Path(__file__).parents[1] / "golden" / "doc"
SCHEMA = json.loads(
    resources.files("cchc_sheets").joinpath("schema/cchc-check-1.json").read_text("utf-8"))
AS_OF = "2025-06-30"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _golden(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- tricky workbooks


def signed_too_early(path: Path) -> Path:
    """A combined table whose signature block comes before its last lines; a line of points
    with neither code nor name; a total line in the name column."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    write_rows(ws, 1, [
        ["PHỤ LỤC NHIỆM VỤ NÂNG CAO CHỈ SỐ CCHC NĂM 2025"],
        ["(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND xã Hòa Thắng)"],
        ["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024", "Nhiệm vụ", "Chủ trì",
         "Thời hạn", "Đường dẫn"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
        ["I", "Công tác chỉ đạo, điều hành", 3, 2],
        ["1", "Kế hoạch CCHC", 1, 1, "Ban hành kế hoạch CCHC", "Văn phòng", "31/01/2025"],
        ["2", "Báo cáo CCHC", 2, 1, "Báo cáo quý đúng hạn", "Văn phòng", "Hằng quý"],
        [None, None, 1, 0.5],
        [None, "Tổng cộng", 3, 2],
        ["Nơi nhận:", None, None, None, "TM. ỦY BAN NHÂN DÂN"],
        ["II", "Thủ tục hành chính", 2, 1.5, "Công khai TTHC", "Tư pháp", "30/6/2025"],
    ])
    ws.merge_cells("A1:H1")
    ws.merge_cells("A2:H2")
    wb.save(path)
    return path


def many_sheets(path: Path) -> Path:
    """An instructions sheet with a sample, last year's plan on its own sheet, a frame of
    undated appraised and self-assessed scores under a title naming the year, and a task sheet
    with a column it does not know and a column repeated."""
    wb = openpyxl.Workbook()
    guide = wb.active
    guide.title = "Hướng dẫn"
    write_rows(guide, 1, [
        ["HƯỚNG DẪN ĐIỀN KẾ HOẠCH"],
        ["STT", "Mã tiêu chí", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
        [1, "1.1", "Ví dụ: Ban hành kế hoạch", "Văn phòng", "31/01/2025"],
    ])
    frame = wb.create_sheet("Kết quả")
    write_rows(frame, 1, [
        ["KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2024"],
        ["Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định"],
        ["1", "Chỉ đạo, điều hành", 3, None, None],
        ["1.1", "Kế hoạch CCHC", 1, 1, 1],
        ["1.2", "Báo cáo CCHC", 2, 2, 1],
    ])
    for title, year in (("KH 2024", 2024), ("KH 2025", 2025)):
        ws = wb.create_sheet(title)
        write_rows(ws, 1, [
            [f"PHÂN CÔNG NHIỆM VỤ NĂM {year}"],
            ["STT", "Mã tiêu chí", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Đơn vị chủ trì",
             "Đường dẫn"],
            [1, "1.1", f"Ban hành kế hoạch CCHC năm {year}", "Văn phòng", f"31/01/{year}",
             None, None],
            [2, "1.2", "Báo cáo quý đúng hạn", "Văn phòng", "Hằng quý", None, None],
        ])
    wb.save(path)
    return path


TRICKY = {"signed-too-early": signed_too_early, "many-sheets": many_sheets}


# --------------------------------------------------------------------------- cchc doc goldens


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_doc_of_the_example_is_golden(tmp_path: Path, update_golden: bool, lang: str) -> None:
    plan = copy_example(tmp_path / "vd")
    before = sorted(p.name for p in plan.parent.iterdir())
    code, out, err = run("doc", str(plan), "--lang", lang)
    assert (code, err) == (0, "")
    _golden(f"thanh-da.{lang}.txt", out, update_golden)
    assert sorted(p.name for p in plan.parent.iterdir()) == before  # nothing written


def test_doc_json_of_the_example_is_golden(tmp_path: Path, update_golden: bool) -> None:
    plan = copy_example(tmp_path / "vd")
    code, out, _ = run("doc", str(plan), "--format", "json",
                       "--scores", str(plan.with_name("scores-2024.xlsx")))
    assert code == 0
    data = json.loads(out)
    assert data["schema"] == "cchc-reading/1"
    jsonschema.validate(data, SCHEMA["$defs"]["reading"])  # the same shape as the check's key
    assert data["source"] == {"plan": plan.name, "scores": "scores-2024.xlsx"}
    _golden("thanh-da.scores.json", json.dumps(data, ensure_ascii=False, indent=1) + "\n",
            update_golden)


@pytest.mark.parametrize("name", sorted(TRICKY))
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_doc_of_tricky_workbooks_is_golden(tmp_path: Path, update_golden: bool, name: str,
                                           fmt: str) -> None:
    plan = TRICKY[name](tmp_path / f"{name}.xlsx")
    code, out, _ = run("doc", str(plan), "--format", fmt, "--as-of", AS_OF)
    assert code == 0
    _golden(f"{name}.{'txt' if fmt == 'text' else 'json'}", out, update_golden)


def test_doc_exits_2_naming_the_file_when_it_cannot_read(tmp_path: Path) -> None:
    code, _, err = run("doc", str(tmp_path / "không có.xlsx"))
    assert code == 2 and "không có.xlsx" in err and "Traceback" not in err
    wb = openpyxl.Workbook()
    write_rows(wb.active, 1, [["Họ tên", "Địa chỉ"], ["A", "B"]])
    wb.save(tmp_path / "danh-ba.xlsx")
    code, _, err = run("doc", str(tmp_path / "danh-ba.xlsx"), "--lang", "en")
    assert code == 2 and "danh-ba.xlsx" in err and "Họ tên" in err


# --------------------------------------------------------------------------- what is recorded


def test_the_report_names_what_the_reader_decided(tmp_path: Path) -> None:
    plan = read_plan(many_sheets(tmp_path / "m.xlsx"), default_year=2030)
    reading = plan.reading
    assert reading is not None
    assert (reading.plan_year.year, reading.plan_year.source, reading.plan_year.cell) == (
        2025, "title", "A1")
    assert reading.plan_year.sheet == "KH 2025"
    # the undated scores take the title's year; the appraised column is the one used first
    assert [(s.letter, s.year, s.kind, s.year_from, s.used) for s in reading.scores] == [
        ("D", 2024, "self-assessed", "title", False), ("E", 2024, "appraised", "title", True)]
    columns = {(c.sheet, c.letter): (c.field, c.reason) for c in reading.columns}
    assert columns[("KH 2025", "G")] == (None, "unknown")
    assert columns[("KH 2025", "D")] == (None, "duplicate")  # "Chủ trì" gives way …
    assert columns[("KH 2025", "F")] == ("lead", "")  # … to the longer "Đơn vị chủ trì"
    assert [c.other for c in reading.columns if c.reason == "duplicate"] == ["F"]
    assert [(x.sheet, x.row, x.reason) for x in reading.left_out] == [
        ("Hướng dẫn", 3, "instructions"),
        ("KH 2024", 3, "last-year-copy"), ("KH 2024", 4, "last-year-copy")]
    assert [t.sheet for t in reading.tables] == ["Kết quả", "KH 2025"]
    assert (reading.tasks, reading.criteria, reading.areas) == (2, 2, 1)


def test_a_row_with_points_not_read_is_a_warning_naming_its_cell(tmp_path: Path) -> None:
    plan = read_plan(signed_too_early(tmp_path / "s.xlsx"), default_year=2025)
    found = {(p.code, p.ref) for p in plan.problems}
    assert ("row-not-understood", "Phụ lục!C8") in found
    assert ("row-below-table", "Phụ lục!C11") in found
    problem = next(p for p in plan.problems if p.code == "row-not-understood")
    assert "C8 = 1, D8 = 0,5" in problem.message("vi") and "A8" in problem.message("vi")
    assert "C8 = 1, D8 = 0.5" in problem.message("en") and "write the criterion's code in A8" \
        in problem.message("en")
    assert plan.reading is not None
    assert [(x.row, x.reason) for x in plan.reading.left_out] == [
        (4, "column-numbers"), (8, "not-understood"), (9, "total"), (10, "signature"),
        (11, "not-understood")]
    assert [c.code for c in plan.criteria] == ["1", "1.1", "1.2"]


def test_the_plan_year_from_config_and_from_the_as_of_date(tmp_path: Path) -> None:
    from cchc_sheets.config import Config

    path = tmp_path / "p.xlsx"
    wb = openpyxl.Workbook()
    write_rows(wb.active, 1, [["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
                              [1, "Việc", "Văn phòng", "30/6"]])
    wb.save(path)
    reading = read_plan(path, default_year=2026).reading
    assert reading is not None and (reading.plan_year.year, reading.plan_year.source) == (
        2026, "as-of")
    reading = read_plan(path, Config(plan_year=2025), default_year=2026).reading
    assert reading is not None and (reading.plan_year.year, reading.plan_year.source) == (
        2025, "config")
    assert "(theo cchc.toml)" in reading_line(reading)


def test_a_line_citing_the_plan_is_not_named_as_the_plan_years_cell(tmp_path: Path) -> None:
    """§7: a line citing a document gives no plan year, so the report names the line that does
    (here the scored year's title) even when the citing line states the plan year too."""
    path = tmp_path / "p.xlsx"
    wb = openpyxl.Workbook()
    write_rows(wb.active, 1, [
        ["NHIỆM VỤ KHẮC PHỤC CÁC TIÊU CHÍ BỊ TRỪ ĐIỂM CHỈ SỐ CCHC NĂM 2025"],
        ["(Kèm theo Kế hoạch số 12/KH-UBND ngày 15/01/2026 của UBND xã Tân Phú)"],
        ["STT", "Tiêu chí", "Điểm tối đa", "Điểm đạt", "Nhiệm vụ", "Chủ trì", "Thời hạn"],
        ["1", "Kế hoạch CCHC", 2, 1, "Ban hành kế hoạch", "Văn phòng", "31/01"],
    ])
    wb.save(path)
    reading = read_plan(path).reading
    assert reading is not None
    found = reading.plan_year
    assert (found.year, found.source, found.cell) == (2026, "scored-year", "A1")


@pytest.mark.parametrize(("header", "kind"), [
    ("Điểm số tự chấm năm 2024", "self-assessed"), ("Điểm tự đánh giá", "self-assessed"),
    ("Điểm thẩm định 2024", "appraised"), ("Điểm phúc tra năm 2024", "reviewed"),
    ("Điểm chấm lại", "rescored"), ("Kết quả công bố năm 2024", "published"),
    ("Năm 2024", "points"), ("Điểm đạt năm 2024", "points"),
])
def test_kinds_of_score(header: str, kind: str) -> None:
    assert score_kind(header) == kind


# --------------------------------------------------------------------------- outputs of check


@pytest.fixture(scope="module", params=["vi", "en"])
def checked(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from datetime import date

    lang = request.param
    folder = tmp_path_factory.mktemp("doc")
    plan = many_sheets(folder / "m.xlsx")
    result = check(plan, as_of=date(2025, 6, 30))
    data = json.loads(json.dumps(result_dict(result, lang), ensure_ascii=False))
    path = write_summary(result, folder / "tong-hop.xlsx", lang=lang)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(path)
    return lang, data, book


def test_check_json_holds_the_reading_and_validates(checked: Any) -> None:
    _, data, _ = checked
    jsonschema.validate(data, SCHEMA)
    reading = data["reading"]
    assert reading["plan_year"] == {"year": 2025, "from": "title", "sheet": "KH 2025",
                                    "cell": "A1", "text": "PHÂN CÔNG NHIỆM VỤ NĂM 2025"}
    assert {"letter": "E", "year": 2024, "kind": "appraised"}.items() <= reading["scores"][1].items()


def test_the_reading_sheet_reads_back_as_the_json(checked: Any) -> None:
    lang, data, book = checked
    assert book.sheetnames[-1] == label("sheet.reading", lang)
    ws = book[label("sheet.reading", lang)]
    header = [c.value for c in ws[4]]
    assert header == [label(k, lang) for k in ("col.reading_item", "col.cell",
                                               "col.reading_text", "col.reading_as")]
    rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if any(r)]
    kinds = [r[0] for r in rows]
    reading = data["reading"]
    # every column of the JSON, in order, with its header cell and its text
    columns = [(r[1], r[2]) for r in rows if r[0] == label("reading.item.column", lang)]
    assert columns == [(f"{c['sheet']}!{c['cell']}", c["header"]) for c in reading["columns"]]
    # every row left out, in order
    left = [r[1] for r in rows if r[0] == label("reading.item.left_out", lang)]
    assert left == [f"{x['sheet']}!{x['cell'] or x['row']}" for x in reading["left_out"]]
    tables = [r[1] for r in rows if r[0] == label("reading.item.table", lang)]
    assert tables == [f"{t['sheet']}!{t['range']}" for t in reading["tables"]]
    assert kinds[0] == label("reading.item.year", lang) and rows[0][1] == "KH 2025!A1"
    # the line under the title is the terminal's
    assert ws["A2"].value.startswith(label("reading.line.read", lang, where="", tasks=0,
                                           criteria=0)[:5])


def test_the_terminal_says_how_the_plan_was_read(tmp_path: Path) -> None:
    plan = copy_example(tmp_path / "vd")
    code, out, _ = run("check", str(plan), "--as-of", AS_OF, "--no-history", "--no-summary")
    assert code == 1
    joined = " ".join(line.strip() for line in out.splitlines()[:5])
    assert "Đã đọc Phụ lục!A8:N77: 45 nhiệm vụ, 43 tiêu chí, 9 lĩnh vực · điểm 2024 (cột E)" \
        " · năm kế hoạch 2025 (theo cchc.toml)" in joined


def test_a_name_column_merged_over_lines_is_listed_as_their_parents_name() -> None:
    from cchc_sheets.read.headers import find_header
    from cchc_sheets.read.reading import Reading
    from cchc_sheets.read.sources import Grid
    from cchc_sheets.read.vocabulary import field_names

    grid = Grid("TC3", [["STT", "Tên tiêu chí", "Nội dung tiêu chí", "Điểm tối đa"],
                        ["3", "Cải cách TTHC", "1. Công khai TTHC", 3],
                        ["", "", "2. Giải quyết hồ sơ", 2]])
    header = find_header(grid, field_names(), {})
    assert header is not None
    header.columns["criterion"] = 2
    header.parent_name = 1  # as the rule of two name columns sets it (branch rules)
    reading = Reading()
    reading.table(grid, header)
    assert [(c.letter, c.field, c.reason) for c in reading.columns] == [
        ("A", "code", ""), ("B", "parent", ""), ("C", "criterion", ""), ("D", "max", "")]


def test_a_group_heading_is_reported_by_its_number_and_its_words(tmp_path: Path) -> None:
    """A list of tasks in groups ("I | CẢI CÁCH THỂ CHẾ" merged across, as xã Hưng Thịnh's 2025
    plan prints them): each group row is left out as a heading named by its number and its
    words, not by the number alone."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    write_rows(ws, 1, [
        ["NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025"],
        ["STT", "Nội dung, nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        ["I", "CẢI CÁCH THỂ CHẾ"],
        [1, "Rà soát văn bản quy phạm pháp luật", "Văn phòng HĐND và UBND", "Quý II/2025"],
        ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
        [2, "Công khai thủ tục hành chính", "Trung tâm phục vụ hành chính công", "Thường xuyên"],
        ["III. CẢI CÁCH TỔ CHỨC BỘ MÁY"],
        [3, "Kiện toàn các phòng chuyên môn", "Phòng Văn hóa - Xã hội", "Năm 2025"],
    ])
    for row in (3, 5):
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
    path = tmp_path / "nhom.xlsx"
    wb.save(path)
    plan = read_plan(path, default_year=2025)
    assert [t.title for t in plan.tasks] == ["Rà soát văn bản quy phạm pháp luật",
                                             "Công khai thủ tục hành chính",
                                             "Kiện toàn các phòng chuyên môn"]
    assert plan.reading is not None
    headings = [(row.row, row.text) for row in plan.reading.left_out if row.reason == "heading"]
    assert headings == [(3, "I. CẢI CÁCH THỂ CHẾ"), (5, "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"),
                        (7, "III. CẢI CÁCH TỔ CHỨC BỘ MÁY")]
