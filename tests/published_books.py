"""Workbooks shaped like the plans and score sheets communes and provinces publish (contract §7).

Each builder types a title block (Quốc hiệu, the commune, a date line, "PHỤ LỤC", a legal basis),
merged cells, headers and text deadlines the way the published documents print them, from
``rows`` the test gives, and returns the path. The wording of titles, headers, codes and units
is copied from the documents the corpus in tests/published/ was rebuilt from (commune PAR
appendices, a ward's combined appendix, a chuẩn tiếp cận pháp luật score sheet).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

Row = Sequence[Any]


def published_sheet(path: Path, header: Row, rows: Sequence[Row], *,
                    titles: Sequence[str] = ("KẾ HOẠCH NÂNG CAO CHỈ SỐ CCHC NĂM 2025",),
                    date_line: str = "Đông Quang, ngày 06 tháng 01 năm 2025",
                    sheet: str = "Phụ lục", merges: Sequence[str] = (),
                    header2: Row | None = None,
                    percent_cells: Sequence[str] = (),
                    more: Sequence[tuple[str, Row, Sequence[Row]]] = ()) -> Path:
    """One sheet: the Quốc hiệu block and ``date_line`` (rows 1–3), ``titles`` each merged across
    the table (from row 5), a blank row, ``header`` (and ``header2`` under it, the cells of
    ``header`` that have nothing under them merged down), then ``rows``. ``more`` adds sheets of
    (name, header, rows) with a title row. Returns ``path``."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    width = len(header)
    last = get_column_letter(width)
    ws["A1"] = "ỦY BAN NHÂN DÂN"
    ws["A2"] = "XÃ ĐÔNG QUANG"
    ws["D1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws["D2"] = "Độc lập - Tự do - Hạnh phúc"
    if date_line:
        ws["D3"] = date_line
    row = 5
    for title in titles:
        ws.cell(row=row, column=1, value=title).font = Font(bold=True)
        ws.merge_cells(f"A{row}:{last}{row}")
        row += 1
    row += 1
    for col, text in enumerate(header, start=1):
        if text is not None:
            ws.cell(row=row, column=col, value=text).font = Font(bold=True)
    if header2 is not None:
        for col, text in enumerate(header2, start=1):
            letter = get_column_letter(col)
            if text is None:
                if header[col - 1] is not None:
                    ws.merge_cells(f"{letter}{row}:{letter}{row + 1}")
            else:
                ws.cell(row=row + 1, column=col, value=text).font = Font(bold=True)
        row += 1
    first = row + 1
    for r, values in enumerate(rows, start=first):
        for c, value in enumerate(values, start=1):
            if value is not None and value != "":
                ws.cell(row=r, column=c, value=value)
    for ref in percent_cells:
        ws[ref].number_format = "0.0%"
    for ref in merges:
        ws.merge_cells(ref)
    for name, more_header, more_rows in more:
        other = wb.create_sheet(name)
        other["A1"] = "PHÂN CÔNG NHIỆM VỤ NĂM 2025"
        for r, values in enumerate([more_header, *more_rows], start=3):
            for c, value in enumerate(values, start=1):
                if value is not None and value != "":
                    other.cell(row=r, column=c, value=value)
    wb.save(path)
    return path


def data_row(path: Path, header_rows: int = 1, titles: int = 1) -> int:
    """The Excel row of the first data row :func:`published_sheet` writes."""
    return 5 + titles + 1 + header_rows
