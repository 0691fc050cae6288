"""The province's roll-up (contract §9): folders of plans and summaries, province score tables."""

from __future__ import annotations

import json
import shutil
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import openpyxl
import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, copy_example
from officer_books import write_rows
from province_tables import (
    AREAS_2948,
    THANH_HOA_2023,
    TUYEN_QUANG_2025,
    areas_table,
    thanh_hoa_2023,
    tuyen_quang_2025,
)

from benchmarks import make_plans
from cchc_sheets import check
from cchc_sheets.cli import cli
from cchc_sheets.config import parse_config
from cchc_sheets.errors import CchcError, ConfigError
from cchc_sheets.province.commune import commune_from_texts, commune_key
from cchc_sheets.province.province_scores import read_province_table, row_for
from cchc_sheets.province.rollup import (
    commune_figures,
    custom_properties,
    file_kind,
    roll_up,
    rollup_dict,
)
from cchc_sheets.province.rollup_book import write_rollup
from cchc_sheets.render.summary import write_summary

AS_OF = date(2025, 6, 30)
SCHEMA = json.loads(
    resources.files("cchc_sheets").joinpath("schema/cchc-rollup-1.json").read_text("utf-8"))
BAD = Path(__file__).parents[1] / "bad_files"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# --------------------------------------------------------------------------- the commune's name


@pytest.mark.parametrize(("texts", "name"), [
    (["ỦY BAN NHÂN DÂN XÃ HÒA THẮNG"], "Xã Hòa Thắng"),
    (["UBND phường Xuân Phương"], "Phường Xuân Phương"),
    (["(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND xã Thanh Đa)"], "Xã Thanh Đa"),
    (["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "XÃ THANH ĐA"], "Xã Thanh Đa"),
    (["ỦY BAN NHÂN DÂN\nXÃ HÒA THẮNG"], "Xã Hòa Thắng"),
    (["UBND xã Hòa Thắng, tỉnh Đắk Lắk"], "Xã Hòa Thắng"),
    (["UBND Phường Bến Thành năm 2025"], "Phường Bến Thành"),
    (["UBND thị trấn Phúc Thọ"], "Thị trấn Phúc Thọ"),
    (["(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND xã)"], None),
    (["ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], None),
    (["PHỤ LỤC", "XÃ THANH ĐA"], None),  # a commune alone, under no council
])
def test_commune_from_heading(texts: list[str], name: str | None) -> None:
    assert commune_from_texts(texts) == name


def test_names_compare_folded_and_without_the_kind_of_commune() -> None:
    assert commune_key("UBND xã Hòa Thắng") == commune_key("HÒA THẮNG") == commune_key("Hoa Thang")
    assert commune_key("Phường Xuân Phương") != commune_key("Xã Xuân Phương Bắc")


def test_config_names_the_commune() -> None:
    assert parse_config({"commune": "  Xã  Thanh Đa "}).commune == "Xã Thanh Đa"
    with pytest.raises(ConfigError) as info:
        parse_config({"commune": 12})
    assert "commune" in info.value.message("en")


def test_the_summary_records_the_commune_among_its_properties(tmp_path: Path) -> None:
    result = check(EXAMPLE, as_of=AS_OF)
    assert result.plan.commune == "Xã Thanh Đa"
    summary = write_summary(result, tmp_path / "tong-hop.xlsx")
    props = custom_properties(summary)
    assert props["cchc_commune"] == "Xã Thanh Đa"
    assert float(props["cchc_lost"]) == pytest.approx(
        float(props["cchc_points_max"]) - float(props["cchc_points"]))
    assert file_kind(summary) == "summary"


# --------------------------------------------------------------------------- province tables


def test_published_commune_index_table_reads(tmp_path: Path) -> None:
    table = read_province_table(tuyen_quang_2025(tmp_path / "tq.xlsx"))
    assert table.year == 2025
    assert [(r.name, r.index, r.rank) for r in table.rows] == TUYEN_QUANG_2025
    assert row_for(table, "UBND xã Yên Phú").rank == 2


def test_published_points_and_index_differ_where_criteria_do_not_apply(tmp_path: Path) -> None:
    table = read_province_table(thanh_hoa_2023(tmp_path / "th.xlsx"))
    assert table.year == 2023
    assert [(r.name, r.total, r.index, r.rank) for r in table.rows] == THANH_HOA_2023


@pytest.mark.parametrize("max_row", [False, True])
def test_area_columns_with_their_maxima(tmp_path: Path, max_row: bool) -> None:
    points: list[float | str | None] = [8.0, 9.5, 12.0, "KAD", 14.0, 6.5, 13.0, 12.0]
    table = read_province_table(areas_table(tmp_path / "a.xlsx", [
        ("Xã Thanh Đa", points), ("Phường Xuân Phương", [9.0] * 8)], max_row=max_row))
    assert table.year == 2024
    assert [(c.code, c.max) for c in table.columns] == [
        (str(k), m) for k, (_, m) in enumerate(AREAS_2948, start=1)]
    row = row_for(table, "xã Thanh Đa")
    assert row.scores["4"] is None  # "KAD": does not apply
    assert row.scores["1"] == 8.0 and row.total == 75.0
    assert [r.name for r in table.rows] == ["Xã Thanh Đa", "Phường Xuân Phương"]  # no "Trung bình"


def test_no_row_for_the_commune_names_the_names_seen(tmp_path: Path) -> None:
    table = read_province_table(tuyen_quang_2025(tmp_path / "tq.xlsx"))
    with pytest.raises(CchcError) as info:
        row_for(table, "Xã Hòa Thắng")
    text = info.value.message("vi")
    assert "Xã Hòa Thắng" in text and all(name in text for name, _, _ in TUYEN_QUANG_2025)


def _task_only_plan(path: Path, heading: str | None) -> Path:
    """Tasks naming the eight areas, no scores of its own."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phân công"
    rows: list[list[Any]] = [[heading] if heading else [], ["PHÂN CÔNG NHIỆM VỤ NĂM 2025"],
                             ["STT", "Mã tiêu chí", "Nhiệm vụ", "Chủ trì", "Thời hạn",
                              "Trạng thái", "Tài liệu kiểm chứng"]]
    for k in range(1, 9):
        rows.append([k, str(k), f"Nhiệm vụ lĩnh vực {k}", "Văn phòng", f"{k}/6/2025",
                     "Hoàn thành" if k % 2 else "Đang thực hiện", "QĐ 1" if k % 2 else None])
    write_rows(ws, 1, rows)
    wb.save(path)
    return path


def test_check_takes_the_communes_row_as_last_years_scores(tmp_path: Path) -> None:
    plan = _task_only_plan(tmp_path / "ke-hoach.xlsx", "ỦY BAN NHÂN DÂN XÃ THANH ĐA")
    points: list[float | str | None] = [8.0, 9.5, 12.0, "KAD", 14.0, 6.5, 13.0, 12.0]
    scores = areas_table(tmp_path / "tinh.xlsx", [("Xã Thanh Đa", points),
                                                   ("Xã Khác", [9.0] * 8)])
    result = check(plan, as_of=AS_OF, scores=scores)
    assert result.last_year == 2024 and result.plan.scores_source == scores
    by_code = {c.code: c for c in result.criteria}
    for k, ((_, maximum), value) in enumerate(zip(AREAS_2948, points, strict=True), start=1):
        item = by_code[str(k)]
        if isinstance(value, float):
            assert item.score == value and item.lost == pytest.approx(maximum - value)
        else:
            assert not item.applicable
    code, out, err = run("check", str(plan), "--scores", str(scores), "--as-of", "2025-06-30",
                         "--format", "json", "--no-history", "--no-summary")
    assert code in (0, 1) and json.loads(out)["source"]["scores"] == "tinh.xlsx"


def test_check_without_a_row_is_a_clear_error(tmp_path: Path) -> None:
    scores = tuyen_quang_2025(tmp_path / "tq.xlsx")
    plan = _task_only_plan(tmp_path / "ke-hoach.xlsx", "UBND xã Hòa Thắng")
    code, out, err = run("check", str(plan), "--scores", str(scores), "--no-history",
                         "--no-summary", "--as-of", "2025-06-30")
    assert code == 2 and out == ""
    assert "Xã Hòa Thắng" in err and "Xã Quang Bình" in err and "Traceback" not in err
    nameless = _task_only_plan(tmp_path / "khong-ten.xlsx", None)
    code, _, err = run("check", str(nameless), "--scores", str(scores), "--no-history",
                       "--no-summary", "--lang", "en")
    assert code == 2 and 'commune = "…"' in err and "Xã Du Già" in err
    # the name in cchc.toml finds the row
    (tmp_path / "cchc.toml").write_text('commune = "Quang Bình"\n', encoding="utf-8")
    code, _, err = run("check", str(nameless), "--scores", str(scores), "--no-history",
                       "--no-summary", "--as-of", "2025-06-30")
    assert code in (0, 1), err


# --------------------------------------------------------------------------- a province's folder


def _plan(folder: Path, name: str, shape: str, seed: int, commune: str | None,
          tasks: int = 40) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    areas = make_plans.build(tasks, seed)
    path = folder / name
    if shape == "combined":
        make_plans.write_combined(path, areas, commune=commune or "")
    else:
        make_plans.write_separate(path, areas, commune=commune)
    return path


EXCEL_LOCK = bytes([10]) + b"Nguyen Van" + b" " * 44 + "Nguyễn Văn".encode("utf-16-le") \
    + b"\x00" * (165 - 55 - 20)


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tinh")
    hoa_thang = _plan(root / "Hòa Thắng", "ke-hoach-2025.xlsx", "combined", 1, "XÃ HÒA THẮNG")
    _plan(root / "Xuân Phương", "phu-luc.xlsx", "separate", 2, "phường Xuân Phương", tasks=60)
    _plan(root / "Tân Lập", "plan.xlsx", "combined", 3, "XÃ TÂN LẬP", tasks=25)
    copy_example(root / "Thanh Đa")  # with its cchc.toml and last year's scores beside it
    (root / "thu").mkdir()
    # an earlier summary of Hòa Thắng (the plan, as of a later day, wins), and the summary of a
    # commune whose plan is not here
    write_summary(check(hoa_thang, as_of=date(2025, 6, 23)),
                  root / "thu" / "tong-hop-cchc-2025-06-23.xlsx")
    other = _plan(root.parent / "elsewhere", "p.xlsx", "separate", 4, "xã Phú Sơn")
    write_summary(check(other, as_of=date(2025, 6, 27)), root / "thu" / "phu-son.xlsx")
    # the plan of Hòa Thắng is open in Excel; a history and an e-mail lie about
    (root / "Hòa Thắng" / "~$ke-hoach-2025.xlsx").write_bytes(EXCEL_LOCK)
    check(root / "Xuân Phương" / "phu-luc.xlsx", as_of=AS_OF,
          history=root / "Xuân Phương" / "phu-luc.cchc-history.sqlite")
    (root / "thu" / "thu.eml").write_bytes(
        b"From: xa@example.vn\r\nTo: tinh@example.vn\r\nSubject: Tong hop\r\n"
        b"MIME-Version: 1.0\r\n\r\nBody\r\n")
    # bad files, and a plan whose heading names no commune, under an odd name
    (root / "loi").mkdir()
    for name in ("encrypted.xlsx", "pdf_renamed.xlsx", "empty.xlsx"):
        shutil.copy(BAD / name, root / "loi" / name)
    _plan(root / "loi", "=SUM(1).xlsx", "separate", 5, None, tasks=12)
    return root


def test_a_province_folder(province: Path) -> None:
    rollup = roll_up([province], as_of=AS_OF, jobs=1)
    names = {c.commune for c in rollup.communes}
    assert names == {"Xã Hòa Thắng", "Phường Xuân Phương", "Xã Tân Lập", "Xã Thanh Đa",
                     "Xã Phú Sơn", "=SUM(1)"}
    kinds = {c.commune: (c.kind, c.as_of) for c in rollup.communes}
    assert kinds["Xã Phú Sơn"] == ("summary", date(2025, 6, 27))  # its own as-of
    assert kinds["Xã Hòa Thắng"] == ("plan", AS_OF)
    left = {p.file: p.code for p in rollup.left_out}
    assert left == {
        "loi/encrypted.xlsx": "file-encrypted", "loi/pdf_renamed.xlsx": "rollup-not-a-workbook",
        "loi/empty.xlsx": "file-empty", "thu/tong-hop-cchc-2025-06-23.xlsx": "rollup-duplicate",
        "Thanh Đa/scores-2024.xlsx": "rollup-scores-only"}
    notes = {(p.file, p.code) for p in rollup.notes}
    assert ("Hòa Thắng/ke-hoach-2025.xlsx", "file-open-elsewhere") in notes
    assert ("loi/=SUM(1).xlsx", "rollup-name-from-file") in notes
    assert rollup.ignored == {"lock": 1, "history": 1, "eml": 1}
    assert rollup.files == 14 == len(rollup.communes) + len(left) + sum(rollup.ignored.values())
    # worst first: most overdue tasks first
    overdue = [c.overdue for c in rollup.communes]
    assert overdue == sorted(overdue, reverse=True)
    assert rollup.needs_attention


def test_each_communes_figures_equal_its_own_check(province: Path) -> None:
    rollup = roll_up([province], as_of=AS_OF, jobs=2)
    plans = [c for c in rollup.communes if c.kind == "plan"]
    assert len(plans) == 5
    for figures in plans:
        alone = check(province / figures.file, as_of=AS_OF)
        expected = commune_figures(alone, figures.commune, figures.file, "plan")
        for name in ("tasks", "done", "overdue", "due_soon", "missing_update", "points_lost",
                     "weak", "uncovered", "criteria", "areas"):
            assert getattr(figures, name) == getattr(expected, name), (figures.commune, name)
        assert figures.tasks == alone.totals.tasks and figures.weak == len(alone.weak_criteria)
    # and the summary's figures are the summary's own
    phu_son = next(c for c in rollup.communes if c.commune == "Xã Phú Sơn")
    props = custom_properties(province / "thu" / "phu-son.xlsx")
    assert (phu_son.tasks, phu_son.overdue) == (int(props["cchc_tasks"]),
                                                 int(props["cchc_overdue"]))


def test_one_process_or_two_give_the_same_rollup(province: Path) -> None:
    one = rollup_dict(roll_up([province], as_of=AS_OF, jobs=1))
    two = rollup_dict(roll_up([province], as_of=AS_OF, jobs=2))
    assert one == two


def test_criteria_add_up_across_communes(province: Path) -> None:
    rollup = roll_up([province], as_of=AS_OF, jobs=1)
    for item in rollup.criteria:
        losing = [c for c in rollup.communes
                  if any(code == item.code and lost > 0 for code, _, lost, _ in c.criteria)]
        assert item.communes_lost == len(losing)
        assert item.lost_total == pytest.approx(sum(
            lost for c in losing for code, _, lost, _ in c.criteria if code == item.code))


def test_json_on_stdout_validates_and_is_quiet(province: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "tinh.xlsx"
    code, out, err = run("tong-hop", str(province), "--as-of", "2025-06-30", "--format", "json",
                         "-o", str(out_file), "--jobs", "2")
    assert code == 1
    data = json.loads(out)
    jsonschema.validate(data, SCHEMA)
    assert data["schema"] == "cchc-rollup/1" and len(data["communes"]) == 6
    # errors only: the three bad files, one line each
    assert sorted(line.split(":")[0] for line in err.splitlines()) == [
        "loi/empty.xlsx", "loi/encrypted.xlsx", "loi/pdf_renamed.xlsx"]
    code, out2, _ = run("rollup", str(province), "--as-of", "2025-06-30", "--format", "json",
                        "-o", str(out_file), "--lang", "en")  # the alias; replaces its output
    assert code == 1 and json.loads(out2)["communes"] == data["communes"]


def test_the_workbook(province: Path, tmp_path: Path) -> None:
    rollup = roll_up([province], as_of=AS_OF, jobs=1)
    for lang, sheets in (("vi", ["Toàn tỉnh", "Xếp hạng xã", "Tiêu chí", "Tệp lỗi"]),
                         ("en", ["Province", "Communes ranked", "Criteria", "Files left out"])):
        path = write_rollup(rollup, tmp_path / f"tinh-{lang}.xlsx", lang=lang)
        wb = openpyxl.load_workbook(path)
        assert wb.sheetnames == sheets
        communes = wb[sheets[1]]
        assert communes.freeze_panes == "A5"
        assert communes.page_setup.orientation == "landscape" and communes.page_setup.paperSize == 9
        (table,) = communes.tables.values()
        assert table.autoFilter is not None
        names = [communes.cell(row=r, column=2).value for r in range(5, 11)]
        assert names == [c.commune for c in rollup.communes]
        odd = next(r for r in range(5, 11) if communes.cell(row=r, column=2).value == "=SUM(1)")
        assert communes.cell(row=odd, column=2).data_type == "s"  # text, never a formula
        assert communes.cell(row=5, column=2).font.name == "Times New Roman"
        criteria = wb[sheets[2]]
        assert set(criteria.tables) == {"TieuChi", "NhietDo"}
        heat = criteria.conditional_formatting
        assert any(rule.type == "colorScale" for rng in heat for rule in rng.rules)
        files = wb[sheets[3]]
        listed = {files.cell(row=r, column=1).value for r in range(5, files.max_row + 1)}
        assert {p.file for p in rollup.problems} <= listed
        assert file_kind(path) == "rollup"
    # a later roll-up over a folder holding the earlier one leaves it out
    shutil.copy(tmp_path / "tinh-vi.xlsx", province / "tong-hop-toan-tinh.xlsx")
    try:
        again = roll_up([province], as_of=AS_OF, jobs=1)
        assert again.ignored["rollup"] == 1 and len(again.communes) == len(rollup.communes)
    finally:
        (province / "tong-hop-toan-tinh.xlsx").unlink()


def test_with_the_province_score_table(province: Path, tmp_path: Path) -> None:
    points: list[float | str | None] = [8.0, 9.5, 12.0, 10.0, 14.0, 6.5, 13.0, 12.0]
    scores = areas_table(tmp_path / "chi-so-2024.xlsx", [
        ("Xã Hòa Thắng", points), ("Phường Xuân Phương", [9.0] * 8), ("Xã Vắng Mặt", [7.0] * 8)])
    table = read_province_table(scores)
    rollup = roll_up([province], as_of=AS_OF, scores=table, jobs=1)
    by_name = {c.commune: c for c in rollup.communes}
    assert by_name["Xã Hòa Thắng"].province is not None
    assert by_name["Xã Hòa Thắng"].province.rank == row_for(table, "Hòa Thắng").rank
    assert [r.name for r in rollup.without_file] == ["Xã Vắng Mặt"]
    notes = {(p.code, dict(p.args).get("commune")) for p in rollup.notes}
    assert ("rollup-no-file", "Xã Vắng Mặt") in notes
    assert ("rollup-no-score-row", "Xã Tân Lập") in notes
    # the commune's figures are those of `cchc check --scores` on its plan
    alone = check(province / "Hòa Thắng" / "ke-hoach-2025.xlsx", as_of=AS_OF, scores=scores)
    expected = commune_figures(alone, "Xã Hòa Thắng", "", "plan")
    assert by_name["Xã Hòa Thắng"].points_lost == expected.points_lost
    assert by_name["Xã Hòa Thắng"].criteria == expected.criteria
    path = write_rollup(rollup, tmp_path / "tinh.xlsx")
    ws = openpyxl.load_workbook(path)["Xếp hạng xã"]
    assert [ws.cell(row=4, column=c).value for c in (14, 15, 16)] == [
        "Điểm tỉnh công bố", "Chỉ số (%)", "Xếp hạng"]


def test_nothing_readable_is_exit_2(tmp_path: Path) -> None:
    folder = tmp_path / "loi"
    folder.mkdir()
    for name in ("encrypted.xlsx", "pdf_renamed.xlsx"):
        shutil.copy(BAD / name, folder / name)
    code, out, err = run("tong-hop", str(folder), "-o", str(tmp_path / "x.xlsx"))
    assert code == 2 and out == "" and not (tmp_path / "x.xlsx").exists()
    assert "encrypted.xlsx" in err and "Traceback" not in err
    empty = tmp_path / "trong"
    empty.mkdir()
    code, _, err = run("tong-hop", str(empty), "-o", str(tmp_path / "x.xlsx"), "--lang", "en")
    assert code == 2 and "No files" in err


def test_files_are_known_by_content_not_name(tmp_path: Path) -> None:
    plan = _plan(tmp_path, "~$ke-hoach.xlsx", "separate", 7, "xã Hòa Bình", tasks=10)
    lock = tmp_path / "ke-hoach.xlsx"
    lock.write_bytes(EXCEL_LOCK)
    (tmp_path / ".~lock.plan.xlsx#").write_bytes(
        b"Nguyen Van A,MAY-TINH,nguyenvana,07.12.2026 09:15,file:///C:/Users/a/AppData;")
    rollup = roll_up([tmp_path], as_of=AS_OF, jobs=1)
    assert [c.file for c in rollup.communes] == [plan.name]
    assert rollup.ignored == {"lock": 2}


def test_progress_reports_each_file(province: Path) -> None:
    calls: list[tuple[int, int, str]] = []
    roll_up([province], as_of=AS_OF, jobs=2, progress=lambda *a: calls.append(a))
    assert [c[0] for c in calls] == list(range(1, 15)) and {c[1] for c in calls} == {14}



def test_progress_line_only_after_a_second(monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from cchc_sheets import cli as cli_module

    now = [100.0]
    progress = cli_module._Progress("vi")
    progress.clock = lambda: now[0]
    progress.start = 100.0
    progress.tty = False
    progress(1, 3, "a.xlsx")  # at once: nothing
    now[0] = 101.5
    progress(2, 3, "b.xlsx")
    now[0] = 102.0
    progress(3, 3, "c.xlsx")  # the last file is always shown
    assert capsys.readouterr().err.splitlines() == ["Đã đọc 2/3: b.xlsx", "Đã đọc 3/3: c.xlsx"]
