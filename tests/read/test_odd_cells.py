"""Odd cells inside a sheet: uncached formulas, error cells, the 1904 date system, dates in every
form, hidden rows and sheets, formatting copied far below the data, very long text, headers in
NFD with line breaks, a wrong <dimension>. Every case is read by both engines, which must agree.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import time
import unicodedata
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import xlsxwriter
from click.testing import CliRunner
from factories import plan_snapshot
from officer_books import nfd, write_rows
from openpyxl.styles import Border, PatternFill, Side
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from cchc_sheets.checking.rules import check_plan
from cchc_sheets.cli import cli
from cchc_sheets.config import Config
from cchc_sheets.model import Plan
from cchc_sheets.read.reader import read_plan
from cchc_sheets.read.sources import load_book
from cchc_sheets.render.report import result_dict

AS_OF = date(2025, 6, 30)
CRITERIA_HEAD = ["Mã số", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2024"]
TASK_HEAD = ["STT", "Mã tiêu chí", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Ngày cập nhật",
             "Ngày hoàn thành", "Trạng thái"]


# --------------------------------------------------------------------------------------------
# helpers


def read_both(path: Path, **kwargs: Any) -> Plan:
    """The plan as python-calamine reads it, after checking openpyxl reads the same (l)."""
    plan = read_plan(path, default_year=2025, **kwargs)
    other = read_plan(path, default_year=2025, engine="openpyxl", **kwargs)
    assert plan_snapshot(plan) == plan_snapshot(other), f"the engines disagree on {path.name}"
    return plan


def problems(plan: Plan) -> list[tuple[str, str]]:
    return [(p.code, p.ref) for p in plan.problems]


def as_json(plan: Plan) -> dict[str, Any]:
    """The JSON report of the plan, through a real dump and load."""
    text = json.dumps(result_dict(check_plan(plan, AS_OF, Config())), ensure_ascii=False)
    return json.loads(text)  # type: ignore[no-any-return]


def rewrite_part(path: Path, member: str, change: Any) -> None:
    """Rewrite one part of a zip in place (``change`` maps its bytes to new bytes)."""
    with zipfile.ZipFile(path) as zf:
        parts = [(info, zf.read(info)) for info in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in parts:
            out.writestr(info, change(data) if info.filename == member else data)


def part(path: Path, member: str) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read(member)


def formula_books_openpyxl(path: Path, *, copied_down: int = 0) -> Path:
    """Criteria and tasks whose max, score, deadline and update date are formulas.

    ``copied_down`` rows of ``=IF(D2="","",C2-D2)`` in a lost-points column, as officers copy a
    formula far below the table.
    """
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "TC"
    write_rows(ws, 1, [
        CRITERIA_HEAD + (["Điểm bị trừ"] if copied_down else []),
        ["1", "Kế hoạch", 2, "=1+0.5"],
        ["2", "Báo cáo", "=1+1", 1],
        ["3", "Công khai", 1, 0.5],
    ])
    for row in range(2, 2 + copied_down):
        ws.cell(row=row, column=5, value=f'=IF(D{row}="","",C{row}-D{row})')
    tasks = wb.create_sheet("PC")
    write_rows(tasks, 1, [
        TASK_HEAD,
        [1, "1", "Sửa kế hoạch", "Văn phòng", "=DATE(2025,6,30)", "=DATE(2025,6,20)", None,
         "Đang làm"],
        [2, "3", "Niêm yết TTHC", "Tư pháp", "30/6/2025", "20/6/2025", None, "Đang làm"],
    ])
    wb.save(path)
    return path


UNCACHED = [("formula-no-value", "TC!D2"), ("formula-no-value", "TC!C3"),
            ("formula-no-value", "PC!E2"), ("formula-no-value", "PC!F2")]


# --------------------------------------------------------------------------------------------
# (a) (b) (c) formulas


def test_a_openpyxl_formulas_without_cached_value_are_problems_never_zero(tmp_path: Path) -> None:
    path = formula_books_openpyxl(tmp_path / "openpyxl-formulas.xlsx")
    assert b"<f>1+0.5</f><v" in part(path, "xl/worksheets/sheet1.xml")  # written, not calculated
    plan = read_both(path)
    assert problems(plan) == UNCACHED
    assert all(p.severity == "error" for p in plan.problems)
    assert plan.problems[0].args["formula"] == "=1+0.5"
    by_code = {c.code: c for c in plan.criteria}
    assert by_code["1"].scores == {}  # not {2024: 0.0}
    assert by_code["2"].max is None  # not 0.0
    task = plan.tasks[0]
    assert task.deadline.kind == "none" and task.updated is None
    data = as_json(plan)
    criteria = {c["code"]: c for c in data["criteria"]}
    assert criteria["1"]["score"] is None and criteria["1"]["scores"] == {}
    assert criteria["3"]["score"] == 0.5
    # no "no-deadline" warning on top of the formula problem, and the check needs attention
    assert ("no-deadline", "PC!E2") not in problems(plan)
    assert check_plan(plan, AS_OF, Config()).needs_attention


def test_b_xlsxwriter_formulas_cached_zero_are_problems_never_zero(tmp_path: Path) -> None:
    path = tmp_path / "xlsxwriter-formulas.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("TC")
    ws.write_row(0, 0, CRITERIA_HEAD)
    ws.write_row(1, 0, ["1", "Kế hoạch", 2])
    ws.write_formula(1, 3, "=1+0.5")
    ws.write_row(2, 0, ["2", "Báo cáo"])
    ws.write_formula(2, 2, "=1+1")
    ws.write(2, 3, 1)
    ws.write_row(3, 0, ["3", "Công khai", 1, 0.5])
    tasks = wb.add_worksheet("PC")
    tasks.write_row(0, 0, TASK_HEAD)
    tasks.write_row(1, 0, [1, "1", "Sửa kế hoạch", "Văn phòng"])
    tasks.write_formula(1, 4, "=DATE(2025,6,30)")
    tasks.write_formula(1, 5, "=DATE(2025,6,20)")
    tasks.write(1, 7, "Đang làm")
    tasks.write_row(2, 0, [2, "3", "Niêm yết TTHC", "Tư pháp", "30/6/2025", "20/6/2025", None,
                           "Đang làm"])
    wb.close()
    assert b"<v>0</v>" in part(path, "xl/worksheets/sheet1.xml")  # xlsxwriter's cached zero
    assert b'fullCalcOnLoad="1"' in part(path, "xl/workbook.xml")
    plan = read_both(path)
    assert problems(plan) == UNCACHED
    by_code = {c.code: c for c in plan.criteria}
    assert by_code["1"].scores == {} and by_code["2"].max is None
    assert plan.tasks[0].deadline.due is None  # not 30/12/1899
    assert as_json(plan)["criteria"][0]["score"] is None


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def libreoffice_recalculated(source: Path, folder: Path) -> Path:
    folder.mkdir()
    proc = subprocess.run(
        [str(SOFFICE), "-env:UserInstallation=file:///tmp/lo-profile-oddcells", "--headless",
         "--convert-to", "xlsx", "--outdir", str(folder), str(source)],
        capture_output=True, timeout=180,
    )
    out = folder / source.name
    assert out.is_file(), proc.stderr.decode("utf-8", "replace")
    return out


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_c_formulas_with_cached_values_are_used(tmp_path: Path) -> None:
    source = formula_books_openpyxl(tmp_path / "formulas.xlsx", copied_down=300)
    path = libreoffice_recalculated(source, tmp_path / "lo")
    sheet = part(path, "xl/worksheets/sheet1.xml")
    assert b"<f" in sheet and b"fullCalcOnLoad" not in part(path, "xl/workbook.xml")
    # the copied-down formulas give an empty text below the table, cached as <v></v>
    assert re.search(rb'<c r="E300"[^>]*t="str"[^>]*><f[^>]*>[^<]*</f><v></v></c>', sheet)
    plan = read_both(path)
    assert problems(plan) == []
    by_code = {c.code: c for c in plan.criteria}
    assert by_code["1"].scores == {2024: 1.5}
    assert by_code["2"].max == 2.0
    assert by_code["1"].stated_lost == 0.5  # the copied-down formula's cached result
    task = plan.tasks[0]
    assert (task.deadline.kind, task.deadline.due) == ("date", date(2025, 6, 30))
    assert task.updated == date(2025, 6, 20)
    # the formulas giving "" below the table do not stretch the sheet
    assert len(load_book(path).sheets[0].rows) == 4


# --------------------------------------------------------------------------------------------
# (d) error cells


def test_d_error_cells_are_problems_with_their_text(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "TC"
    write_rows(ws, 1, [CRITERIA_HEAD, ["1", "A", 2, None], ["2", "B", None, 1],
                       ["3", "C", 1, None], ["4", "D", 1, 0.5]])
    tasks = wb.create_sheet("PC")
    write_rows(tasks, 1, [TASK_HEAD, [1, "1", "Việc A", "VP", None, None, None, "Xong"],
                          [2, "4", "Việc B", "VP", "30/6/2025", None, None, "Xong"]])
    for cell, error in ((ws["D2"], "#REF!"), (ws["C3"], "#VALUE!"), (ws["D4"], "#DIV/0!"),
                        (tasks["E2"], "#N/A"), (tasks["F2"], "#REF!"), (tasks["G3"], "#VALUE!")):
        cell.value = error
        cell.data_type = "e"
    path = tmp_path / "errors.xlsx"
    wb.save(path)
    assert b'<c r="D2" t="e"><v>#REF!</v></c>' in part(path, "xl/worksheets/sheet1.xml")
    kept = openpyxl.load_workbook(path)["PC"]["E2"]
    assert (kept.value, kept.data_type) == ("#N/A", "e")  # openpyxl keeps them as errors
    plan = read_both(path)
    assert [(p.code, p.ref, p.args.get("value")) for p in plan.problems] == [
        ("error-cell", "TC!D2", "#REF!"),
        ("error-cell", "TC!C3", "#VALUE!"),
        ("error-cell", "TC!D4", "#DIV/0!"),
        ("error-cell", "PC!E2", "#N/A"),  # and no "task without deadline" on the same cell
        ("error-cell", "PC!F2", "#REF!"),
        ("error-cell", "PC!G3", "#VALUE!"),
    ]
    assert all(p.severity == "error" for p in plan.problems)
    assert "#REF!" in plan.problems[0].message("vi") and "TC!D2" in plan.problems[0].message("en")
    by_code = {c.code: c for c in plan.criteria}
    assert by_code["1"].scores == {} and by_code["2"].max is None and by_code["3"].scores == {}
    assert plan.tasks[0].deadline.kind == "none" and plan.tasks[0].updated is None
    assert plan.tasks[1].completed is None


# --------------------------------------------------------------------------------------------
# (e) (f) dates


DATE_HEAD = ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Ngày cập nhật", "Ngày hoàn thành"]


def test_e_the_1904_date_system_xlsxwriter(tmp_path: Path) -> None:
    path = tmp_path / "mac-1904-xlsxwriter.xlsx"
    wb = xlsxwriter.Workbook(str(path), {"date_1904": True})
    ws = wb.add_worksheet("PC")
    day = wb.add_format({"num_format": "dd/mm/yyyy"})
    stamp = wb.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    ws.write_row(0, 0, DATE_HEAD)
    ws.write_row(1, 0, [1, "Việc A", "VP"])
    ws.write_datetime(1, 3, datetime(2025, 6, 30), day)
    ws.write_datetime(1, 4, datetime(2025, 6, 20), day)
    ws.write_datetime(1, 5, datetime(2025, 7, 5, 14, 30), stamp)
    # a serial in a General cell counts from 1904 too: 44376 is 30/06/2025 there
    ws.write_row(2, 0, [2, "Việc B", "VP", 45838 - 1462, 45828 - 1462, "5/7/2025"])
    wb.close()
    assert re.search(rb'date1904="(1|true)"', part(path, "xl/workbook.xml"))
    plan = read_both(path)
    assert problems(plan) == []
    assert [(t.deadline.due, t.updated, t.completed) for t in plan.tasks] == [
        (date(2025, 6, 30), date(2025, 6, 20), date(2025, 7, 5)),
        (date(2025, 6, 30), date(2025, 6, 20), date(2025, 7, 5)),
    ]


def test_e_the_1904_date_system_openpyxl(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "PC"
    write_rows(ws, 1, [
        DATE_HEAD,
        [1, "Việc A", "VP", date(2025, 6, 30), datetime(2025, 6, 20), datetime(2025, 7, 5, 14, 30)],
        [2, "Việc B", "VP", 2025, 45828 - 1462, None],  # a year typed as a number stays a year
    ])
    path = tmp_path / "mac-1904-openpyxl.xlsx"
    wb.save(path)
    assert b"date1904" in part(path, "xl/workbook.xml")
    plan = read_both(path)
    assert problems(plan) == []
    assert [(t.deadline.due, t.deadline.text, t.updated, t.completed) for t in plan.tasks] == [
        (date(2025, 6, 30), "30/06/2025", date(2025, 6, 20), date(2025, 7, 5)),
        (date(2025, 12, 31), "2025", date(2025, 6, 20), None),
    ]


def test_f_dates_as_text_serials_date_cells_and_datetimes(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PC"
    rows: list[list[Any]] = [
        DATE_HEAD,
        [1, "text", "VP", "30/6/2025", "20/06/2025", "2025-07-05"],
        [2, "text, other separators", "VP", "30.6.2025", "20-6-2025", "5/7"],
        [3, "serials in General cells", "VP", 45838, 45828.0, 45843],
        [4, "serial with a time", "VP", 45838.75, 45828.6979, 45843.01],
        [5, "a year as a number", "VP", 2025, None, None],
    ]
    formats = ["dd/mm/yyyy", "d-mmm-yy", "mmmm d, yyyy", "[$-42A]dd/mm/yyyy",
               'dd" tháng "mm" năm "yyyy', "yyyy-mm-dd hh:mm", "m/d/yy",
               "[$-F800]dddd, mmmm dd, yyyy"]
    for n, fmt in enumerate(formats, start=6):
        rows.append([n, f"date cell {fmt}", "VP", datetime(2025, 6, 30), date(2025, 6, 20),
                     datetime(2025, 7, 5, 16, 45)])
    write_rows(ws, 1, rows)
    for r, fmt in enumerate(formats, start=7):
        for col in "DEF":
            ws[f"{col}{r}"].number_format = fmt
    path = tmp_path / "dates.xlsx"
    wb.save(path)
    plan = read_both(path)
    assert problems(plan) == []
    got = [(t.title, t.deadline.kind, t.deadline.due, t.updated, t.completed) for t in plan.tasks]
    due, updated, completed = date(2025, 6, 30), date(2025, 6, 20), date(2025, 7, 5)
    titles = ["text", "text, other separators", "serials in General cells", "serial with a time"]
    expected: list[tuple[str, str, date, date | None, date | None]] = [
        (title, "date", due, updated, completed) for title in titles]
    expected.append(("a year as a number", "date", date(2025, 12, 31), None, None))
    expected += [(f"date cell {fmt}", "date", due, updated, completed) for fmt in formats]
    assert got == expected
    assert [t.deadline.text for t in plan.tasks[:6]] == [
        "30/6/2025", "30.6.2025", "45838", "45838.75", "2025", "30/06/2025"]


# --------------------------------------------------------------------------------------------
# (g) hidden rows and sheets


def test_g_hidden_rows_and_sheets_are_read_and_said(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Bìa"
    cover["A1"] = "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025"
    tasks = wb.create_sheet("Phân công")
    write_rows(tasks, 1, [TASK_HEAD] + [
        [n, "1", f"Việc {n}", "VP", "30/12/2025", None, None, "Đang làm"] for n in range(1, 6)
    ])
    tasks.sheet_state = "hidden"
    tasks.row_dimensions[3].hidden = True
    tasks.row_dimensions[5].hidden = True
    criteria = wb.create_sheet("Tiêu chí")
    write_rows(criteria, 1, [CRITERIA_HEAD, ["1", "Kế hoạch", 2, 1]])
    criteria.sheet_state = "veryHidden"
    path = tmp_path / "hidden.xlsx"
    wb.save(path)
    plan = read_both(path)
    assert [t.title for t in plan.tasks] == [f"Việc {n}" for n in range(1, 6)]
    assert [t.row for t in plan.tasks if t.hidden] == [3, 5]
    assert [c.code for c in plan.criteria] == ["1"]
    assert problems(plan) == [("hidden-sheet", "Phân công"), ("hidden-rows", "Phân công"),
                              ("hidden-sheet", "Tiêu chí")]
    rows = next(p for p in plan.problems if p.code == "hidden-rows")
    assert rows.args == {"count": 2, "rows": "3, 5"}
    assert "3, 5" in rows.message("vi")
    assert [t["hidden"] for t in as_json(plan)["tasks"]] == [False, True, False, True, False]


# --------------------------------------------------------------------------------------------
# (h) formatting copied far below the data

STYLED_ROWS = 50_000


def styled_far_below(path: Path, rows: int, *, formulas: bool = False) -> Path:
    """Three tasks, then ``rows`` styled empty rows (fill and border on every cell, as when an
    officer formats whole columns), optionally with an ``=IF(...,"",...)`` column copied down
    whose cached result is an empty text, as Excel saves it.

    openpyxl styles the first rows below the data; the rest are added to the sheet XML with the
    same style (openpyxl needs seconds per 10,000 rows)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PC"
    write_rows(ws, 1, [TASK_HEAD[:5] + ["Ghi chú"]] + [
        [n, "1", f"Việc {n}", "VP", "30/6/2025"] for n in range(1, 4)])
    fill = PatternFill("solid", fgColor="FFF2CC")
    thin = Side(style="thin")
    for r in range(5, 25):
        for c in range(1, 7):
            cell = ws.cell(row=r, column=c)
            cell.fill = fill
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb.save(path)
    last = 24 + rows

    def add_rows(data: bytes) -> bytes:
        style = re.search(rb'<c r="A24" s="(\d+)"', data)
        assert style is not None
        s = style.group(1).decode()
        out = io.StringIO()
        for r in range(25, last + 1):
            out.write(f'<row r="{r}" spans="1:6" s="{s}" customFormat="1">')
            for col in "ABCDE":
                out.write(f'<c r="{col}{r}" s="{s}"/>')
            if formulas:
                out.write(f'<c r="F{r}" s="{s}" t="str"><f>IF(E{r}="","",E{r})</f><v></v></c>')
            else:
                out.write(f'<c r="F{r}" s="{s}"/>')
            out.write("</row>")
        data = data.replace(b"</sheetData>", out.getvalue().encode() + b"</sheetData>")
        return re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="A1:F{last}"'.encode(), data)

    rewrite_part(path, "xl/worksheets/sheet1.xml", add_rows)
    if formulas:  # saved by Excel: no request to recalculate
        rewrite_part(path, "xl/workbook.xml", lambda d: d.replace(b' fullCalcOnLoad="1"', b""))
    return path


@pytest.mark.parametrize("formulas", [False, True], ids=["styles", "styles-and-formulas"])
def test_h_styled_rows_far_below_do_not_stretch_the_sheet(tmp_path: Path, formulas: bool) -> None:
    path = styled_far_below(tmp_path / "styled.xlsx", STYLED_ROWS, formulas=formulas)
    assert part(path, "xl/worksheets/sheet1.xml").count(b"<row ") == 4 + 20 + STYLED_ROWS
    started = time.perf_counter()
    book = load_book(path)
    plan = read_plan(path, default_year=2025)
    elapsed = time.perf_counter() - started
    assert len(book.sheets[0].rows) == 4  # bounded by the last row with a value
    # the formulas far below have an (empty) cached value: none is taken for uncached
    assert book.sheets[0].formulas == {}
    assert [(t.row, t.title) for t in plan.tasks] == [(2, "Việc 1"), (3, "Việc 2"), (4, "Việc 3")]
    assert problems(plan) == []
    assert elapsed < 15, f"{STYLED_ROWS} styled rows took {elapsed:.1f} s"


@pytest.mark.parametrize("formulas", [False, True], ids=["styles", "styles-and-formulas"])
def test_h_styled_rows_engines_agree(tmp_path: Path, formulas: bool) -> None:
    # the openpyxl engine builds every styled cell: a smaller sheet keeps the test quick
    path = styled_far_below(tmp_path / "styled-small.xlsx", 2_000, formulas=formulas)
    plan = read_both(path)
    assert len(plan.tasks) == 3 and problems(plan) == []
    assert len(load_book(path, engine="openpyxl").sheets[0].rows) == 4


# --------------------------------------------------------------------------------------------
# (i) very long text

LONG = 32_000


def test_i_very_long_text_is_read_intact_and_json_stays_valid(tmp_path: Path) -> None:
    words = "Rà soát, đơn giản hóa thủ tục hành chính; số hóa hồ sơ “một cửa”. "
    title = (words * (LONG // len(words) + 1))[:LONG].strip()
    result = nfd("Kết quả\n" * 5000)[:LONG]  # 32,000 code points of NFD text
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PC"
    write_rows(ws, 1, [["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Kết quả thực hiện"],
                       [1, title, "VP", "30/6/2025", result],
                       [2, "Việc ngắn", "VP", "30/6/2025", None]])
    path = tmp_path / "long.xlsx"
    wb.save(path)
    plan = read_both(path)
    assert problems(plan) == []
    assert plan.tasks[0].title == title and len(title) > 31_000
    assert plan.tasks[0].result == unicodedata.normalize("NFC", result).strip()
    data = as_json(plan)
    assert data["tasks"][0]["title"] == title
    # and through the command line: standard output is one valid JSON document
    out = CliRunner().invoke(cli, ["check", str(path), "--as-of", "2025-06-30", "--format",
                                   "json", "--no-history", "-o", str(tmp_path / "tong-hop.xlsx")])
    assert out.exit_code in (0, 1), out.output
    assert json.loads(out.stdout)["tasks"][0]["title"] == title
    assert (tmp_path / "tong-hop.xlsx").is_file()


# --------------------------------------------------------------------------------------------
# (j) headers in NFD with stray spaces and line breaks


def test_j_nfd_headers_with_spaces_and_line_breaks(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phân công"
    ws["A1"] = nfd("PHÂN CÔNG NHIỆM VỤ NĂM 2025")
    headers = [" STT ", nfd("Nhiệm   vụ,\ngiải  pháp "), nfd("Đơn vị\r\nchủ trì"),
               nfd("\tThời gian\nhoàn thành "), nfd("TRẠNG\nTHÁI"), nfd("Tài liệu\u00a0kiểm chứng"),
               nfd("Ngày\ncập nhật")]
    write_rows(ws, 3, [headers,
                       [1, nfd("Việc một"), nfd("Văn phòng"), nfd("Tháng 6"), nfd("Hoàn thành"),
                        "QĐ 12", "20/6/2025"],
                       [2, "Việc hai", "Tư pháp", "31/12/2025", nfd("Đang thực hiện"), None,
                        "21/6/2025"]])
    path = tmp_path / "nfd-headers.xlsx"
    wb.save(path)
    plan = read_both(path)
    assert problems(plan) == []
    first, second = plan.tasks
    assert (first.title, first.lead, first.status, first.evidence) == (
        "Việc một", "Văn phòng", "done", "QĐ 12")
    assert first.deadline.due == date(2025, 6, 30)  # year from the NFD title
    assert (second.deadline.due, second.status, second.updated) == (
        date(2025, 12, 31), "in_progress", date(2025, 6, 21))
    assert plan.has_updated_column and plan.has_evidence_column


# --------------------------------------------------------------------------------------------
# (k) a wrong <dimension>, as WPS Office writes it


@pytest.mark.parametrize("dimension", [b'<dimension ref="A1:A1"/>', b""], ids=["A1:A1", "none"])
def test_k_wrong_dimension_still_reads_every_row(tmp_path: Path, dimension: bytes) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "PC"
    write_rows(ws, 1, [TASK_HEAD] + [
        [n, "1", f"Việc {n}", "VP", f"{n}/7/2025", None, None, "Đang làm"] for n in range(1, 31)
    ])
    ws["C20"].value = "=1+1"  # an uncached formula in the task column, past A1:A1
    path = tmp_path / "wps.xlsx"
    wb.save(path)
    rewrite_part(path, "xl/worksheets/sheet1.xml",
                 lambda d: re.sub(rb"<dimension [^>]*/>", dimension, d))
    xml = part(path, "xl/worksheets/sheet1.xml")
    if dimension:
        assert dimension in xml  # the wrong dimension WPS writes
    else:
        assert b"<dimension" not in xml  # no dimension at all
    plan = read_both(path)
    assert len(plan.tasks) == 29 and plan.tasks[-1].title == "Việc 30"
    assert problems(plan) == [("formula-no-value", "PC!C20")]


def test_k_rows_and_cells_without_r_attributes(tmp_path: Path) -> None:
    """``r`` is optional on <row> and <c>: a writer that leaves it out still gets its uncached
    formulas, error cells and hidden rows seen (every cell is written, so positions hold)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "TC"
    write_rows(ws, 1, [CRITERIA_HEAD, ["1", "Kế hoạch", 2, "=1+0.5"], ["2", "Báo cáo", "=1+1", 1]])
    tasks = wb.create_sheet("PC")
    write_rows(tasks, 1, [
        TASK_HEAD[:6],
        [1, "1", "Sửa kế hoạch", "Văn phòng", "=DATE(2025,6,30)", "20/6/2025"],
        [2, "2", "Báo cáo quý", "Tư pháp", "#N/A", "=TODAY()"],
        [3, "2", "Báo cáo năm", "Tư pháp", "31/12/2025", "21/6/2025"],
    ])
    tasks["E3"].data_type = "e"
    tasks.row_dimensions[4].hidden = True
    path = tmp_path / "no-r.xlsx"
    wb.save(path)
    for member in ("xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"):
        rewrite_part(path, member, lambda d: re.sub(rb'(<(?:row|c)\b[^>]*?) r="[A-Z]*\d+"', rb"\1", d))
    assert b' r="' not in part(path, "xl/worksheets/sheet2.xml").split(b"<sheetData>")[1]
    plan = read_both(path)
    assert problems(plan) == [
        ("formula-no-value", "TC!D2"), ("formula-no-value", "TC!C3"),
        ("formula-no-value", "PC!E2"), ("error-cell", "PC!E3"), ("formula-no-value", "PC!F3"),
        ("hidden-rows", "PC"),
    ]
    assert [t.hidden for t in plan.tasks] == [False, False, True]
