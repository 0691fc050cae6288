"""The fast worksheet writes the very bytes XlsxWriter's own cell-by-cell path writes."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLE
from factories import make_big_result, make_empty_result, make_result
from xlsxwriter.workbook import Workbook

from cchc_sheets.api import check
from cchc_sheets.model import CheckResult
from cchc_sheets.render import fastsheet
from cchc_sheets.render.fastsheet import TableSheet
from cchc_sheets.render.summary import write_summary


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def both_ways(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              write: Any) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """What ``write(path)`` writes with the fast path, and with XlsxWriter's public calls only."""
    fast = tmp_path / "fast.xlsx"
    write(fast)
    with monkeypatch.context() as m:
        m.setattr(TableSheet, "fast", False)
        plain = tmp_path / "plain.xlsx"
        write(plain)
    return parts(fast), parts(plain)


def test_this_xlsxwriter_takes_the_fast_path() -> None:
    # if an XlsxWriter release moves what the fast path needs, the summary is still right
    # (every call takes the public path), only slower: this says so instead of hiding it
    assert fastsheet.FAST


def _example() -> CheckResult:
    return check(EXAMPLE, as_of=date(2025, 6, 30), history=None)


@pytest.mark.parametrize("make", [
    lambda: make_result(trend=True),
    make_empty_result,
    lambda: make_big_result(700),
    _example,
], ids=["result-with-trend", "empty", "700-tasks", "example"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_summary_bytes_are_xlsxwriters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       make: Any, lang: str) -> None:
    result = make()
    fast, plain = both_ways(tmp_path, monkeypatch,
                            lambda path: write_summary(result, path, lang=lang))
    assert fast.keys() == plain.keys()
    for name in plain:
        assert fast[name] == plain[name], name


def _odd_sheet(path: Path, with_comment: bool = False) -> None:
    wb = Workbook(str(path), {"in_memory": True, "strings_to_formulas": False})
    # fixed, or the two files differ whenever a second ticks between them (docProps/core.xml)
    wb.set_properties({"created": datetime(2025, 6, 30, 8, 0)})
    ws = wb.add_worksheet("Danh sách", worksheet_class=TableSheet)
    text, number = wb.add_format({"text_wrap": True}), wb.add_format({"num_format": "0.0"})
    day = wb.add_format({"num_format": "dd/mm/yyyy"})
    ws.write_string(0, 3, "tiêu đề ở cột D")  # a cell without a format
    ws.set_row(1, 30)  # a row with a height and no cells
    rows: list[list[Any]] = [
        ["=SUM(A1:A2)", 1, 2.5, date(2025, 6, 30), None, ""],
        ["x" * 20_000, -3, float("1e-7"), date(1899, 12, 31), datetime(2025, 1, 2, 12, 0), True],
        [None, None, None, None, None, None],  # a row with nothing
        ["", "Hoàn thành", 10**12, date(1900, 2, 28), "dòng\nhai", 0],
    ]
    ws.put_rows(2, rows, [text] * 6, [number, number, number, day, day, number])
    ws.put_rows(40, [["tiếp theo, sau khoảng trống", 7]], [text, text], [number, number])
    # shared strings XlsxWriter escapes or marks: each kind once, between plain ones
    odd = ["_x0041_", "A & B < C > D", " đầu có dấu cách", "cuối có dấu cách ", "chuông\x07",
           "<r>giống chữ định dạng</r>", "dòng cuối\n", "\ufffe", 'nháy "kép"', "bình thường"]
    ws.put_rows(42, [[text_value] for text_value in odd], [text], [number])
    ws.set_heights({2: 45.0, 5: 30.5, 43: 17.0})  # rows of wrapped text
    ws.write_number(18, 9, 4.25)  # far right, no format
    if with_comment:
        ws.write_comment(3, 0, "ghi chú")
    wb.close()


@pytest.mark.parametrize("with_comment", [False, True], ids=["cells", "with-comment"])
def test_put_rows_and_odd_cells_write_xlsxwriters_bytes(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch,
                                                        with_comment: bool) -> None:
    fast, plain = both_ways(tmp_path, monkeypatch, lambda path: _odd_sheet(path, with_comment))
    sheet = "xl/worksheets/sheet1.xml"
    assert fast[sheet] == plain[sheet]
    assert fast == plain
    xml = fast[sheet].decode("utf-8")
    assert 'r="A3"' in xml and "<f>" not in xml  # "=SUM(…)" stays text
    assert '<dimension ref="A1:J52"/>' in xml


def test_put_rows_reads_back(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "odd.xlsx"
    _odd_sheet(path)
    ws = openpyxl.load_workbook(path)["Danh sách"]
    assert ws["A3"].value == "=SUM(A1:A2)" and ws["A3"].data_type == "s"
    assert [ws["B3"].value, ws["C3"].value, ws["D3"].value] == [1, 2.5, datetime(2025, 6, 30)]
    assert ws["E3"].value is None and ws["F3"].value is None
    assert len(ws["A4"].value) == 20_000
    assert ws["E4"].value == datetime(2025, 1, 2, 12, 0)
    assert ws["B6"].value == "Hoàn thành" and ws["E6"].value == "dòng\nhai"
    assert ws["A41"].value == "tiếp theo, sau khoảng trống" and ws["B41"].value == 7


def test_summary_package_is_deflated_lightly_and_xlsxwriter_left_as_it_was(tmp_path: Path) -> None:
    import zipfile

    import xlsxwriter.workbook

    path = write_summary(make_big_result(300), tmp_path / "s.xlsx")
    assert xlsxwriter.workbook.ZipFile is zipfile.ZipFile  # restored after the store
    with zipfile.ZipFile(path) as zf:
        sheet = zf.getinfo("xl/worksheets/sheet6.xml")
        assert sheet.compress_type == zipfile.ZIP_DEFLATED
        assert zf.testzip() is None
        import zlib

        raw = zf.read(sheet.filename)
    # level 1, not zlib's default: the member is as large as level 1 makes it
    deflate = zlib.compressobj(fastsheet.ZIP_LEVEL, zlib.DEFLATED, -15)
    assert sheet.compress_size == len(deflate.compress(raw) + deflate.flush())
    # a plain XlsxWriter workbook written afterwards packs as XlsxWriter does
    other = tmp_path / "plain.xlsx"
    wb = Workbook(str(other))
    wb.add_worksheet().write_string(0, 0, "x" * 5000 + "y" * 5000)
    wb.close()
    with zipfile.ZipFile(other) as zf:
        info = zf.getinfo("xl/sharedStrings.xml")
        data = zf.read(info.filename)
    default = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    assert info.compress_size == len(default.compress(data) + default.flush())


def test_a_closed_summary_workbook_frees_its_cells_without_the_cycle_collector(
        tmp_path: Path) -> None:
    import gc
    import weakref

    from cchc_sheets.render.fastsheet import SummaryWorkbook

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        wb = SummaryWorkbook(str(tmp_path / "s.xlsx"), {"in_memory": True})
        sheet = wb.add_worksheet("Danh sách")
        sheet.put_rows(0, [["một", 1]], [None, None], [None, None])
        freed = weakref.ref(sheet)
        wb.close()
        del sheet, wb
        assert freed() is None  # the sheet and its cells, by reference counting alone
    finally:
        if was_enabled:
            gc.enable()
    import openpyxl

    ws = openpyxl.load_workbook(tmp_path / "s.xlsx")["Danh sách"]
    assert [ws["A1"].value, ws["B1"].value] == ["một", 1]


def _tables(path: Path) -> None:
    wb = Workbook(str(path), {"in_memory": True})
    wb.set_properties({"created": datetime(2025, 6, 30, 8, 0)})
    ws = wb.add_worksheet("Bảng", worksheet_class=TableSheet)
    ws.merge_range(0, 0, 0, 3, "tiêu đề")
    ws.put_rows(3, [["a", 1, 2, "b"]] * 50, [None] * 4, [None] * 4)
    ws.add_table(2, 0, 52, 3, {"name": "Mot", "style": "Table Style Light 1", "autofilter": True,
                               "columns": [{"header": f"C{i}"} for i in range(4)]})
    ws.add_table(60, 1, 70, 2, {"name": "Hai", "autofilter": False})
    ws.add_table(80, 0, 81, 1)  # a header and one row: XlsxWriter's own path
    wb.close()


def test_tables_write_xlsxwriters_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fast, plain = both_ways(tmp_path, monkeypatch, _tables)
    assert fast == plain
    assert b'ref="A3:D53"' in fast["xl/tables/table1.xml"]


@pytest.mark.parametrize("fast", [True, False])
def test_tables_still_refuse_overlaps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      fast: bool) -> None:
    from xlsxwriter.exceptions import OverlappingRange
    monkeypatch.setattr(TableSheet, "fast", fast)
    wb = Workbook(str(tmp_path / "x.xlsx"), {"in_memory": True})
    ws = wb.add_worksheet("Bảng", worksheet_class=TableSheet)
    ws.merge_range(0, 0, 0, 3, "tiêu đề")
    assert ws.add_table(2, 0, 40, 3) == 0
    with pytest.raises(OverlappingRange, match="overlaps previous table range 'A3:D41'"):
        ws.merge_range(30, 2, 31, 5, "")
    with pytest.raises(OverlappingRange, match="overlaps previous table range 'A3:D41'"):
        ws.add_table(40, 3, 50, 6)
    with pytest.raises(OverlappingRange, match="overlaps previous merge range 'A1:D1'"):
        ws.add_table(0, 2, 10, 2)
    assert ws.add_table(41, 0, 50, 3) == 0
