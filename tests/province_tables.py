"""Province score tables as provinces publish them (see tests/fixtures/PROVENANCE-province-scores.md).

``tuyen_quang_2025`` and ``thanh_hoa_2023`` carry published figures only (names, points, index,
rank as reported); ``areas_table`` has the published frame of QĐ 2948/QĐ-BNV (eight areas and
their maxima) with made-up points, since no per-area commune table is published in text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl

# QĐ 2948/QĐ-BNV: the eight areas and their maximum points (shared/design/data)
AREAS_2948 = [
    ("Công tác chỉ đạo, điều hành cải cách hành chính", 10.0),
    ("Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", 10.0),
    ("Cải cách thủ tục hành chính", 14.5),
    ("Cải cách tổ chức bộ máy hành chính", 11.0),
    ("Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức", 16.0),
    ("Cải cách tài chính công", 7.0),
    ("Hiện đại hoá hành chính", 16.0),
    ("Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế - xã hội", 15.5),
]

# Tuyên Quang, Chỉ số CCHC 2025 of the merged communes: the three published at the top
TUYEN_QUANG_2025 = [("Xã Quang Bình", 85.10, 1), ("Xã Yên Phú", 85.07, 2), ("Xã Du Già", 84.36, 3)]

# Thanh Hóa, QĐ 600/QĐ-UBND (2023 index of sở and huyện): points, index %, rank as reported
THANH_HOA_2023 = [
    ("Sở Công Thương", 92.83, 92.83, 1), ("Sở Giao thông Vận tải", 91.86, 91.86, 2),
    ("Ban Quản lý Khu kinh tế Nghi Sơn", 91.651, 91.651, 6),
    ("Ban Dân tộc tỉnh", 68.32, 81.33, 20),
    ("Huyện Đông Sơn", 92.15, 92.15, 1), ("Huyện Hoằng Hóa", 91.92, 91.92, 2),
    ("Thành phố Thanh Hóa", 91.46, 91.46, 3), ("Huyện Mường Lát", 86.09, 86.09, 27),
]


def _title(ws: Any, lines: list[str]) -> None:
    for r, text in enumerate(lines, start=1):
        ws.cell(row=r, column=1, value=text)


def tuyen_quang_2025(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Cấp xã"
    _title(ws, ["ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG",
                "KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA UBND CÁC XÃ, PHƯỜNG"])
    for c, text in enumerate(["STT", "Tên đơn vị", "Chỉ số CCHC (%)", "Xếp hạng"], start=1):
        ws.cell(row=4, column=c, value=text)
    for i, (name, index, rank) in enumerate(TUYEN_QUANG_2025, start=1):
        for c, value in enumerate([i, name, index, rank], start=1):
            ws.cell(row=4 + i, column=c, value=value)
    wb.save(path)
    return path


def thanh_hoa_2023(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "QĐ 600"
    _title(ws, ["UBND TỈNH THANH HÓA",
                "XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"])
    for c, text in enumerate(["STT", "Đơn vị", "Tổng số điểm đạt được", "Chỉ số CCHC (%)",
                              "Xếp hạng"], start=1):
        ws.cell(row=4, column=c, value=text)
    for i, (name, points, index, rank) in enumerate(THANH_HOA_2023, start=1):
        for c, value in enumerate([i, name, points, index, rank], start=1):
            ws.cell(row=4 + i, column=c, value=value)
    wb.save(path)
    return path


def areas_table(path: Path, rows: list[tuple[str, list[float | str | None]]], *,
                year: int = 2024, max_row: bool = False) -> Path:
    """The two-row header of published tables: "Điểm các lĩnh vực" merged over "Lĩnh vực 1
    (10 điểm)"…, then Tổng điểm, Chỉ số (%), Xếp hạng; with ``max_row`` the maxima sit in a
    "Điểm tối đa" row instead of the header."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phụ lục"
    _title(ws, ["ỦY BAN NHÂN DÂN TỈNH", f"KẾT QUẢ CHỈ SỐ CCHC NĂM {year} CỦA CÁC XÃ, PHƯỜNG"])
    n = len(AREAS_2948)
    ws.cell(row=4, column=1, value="STT")
    ws.cell(row=4, column=2, value="Xã, phường")
    ws.cell(row=4, column=3, value="Điểm các lĩnh vực")
    ws.merge_cells(start_row=4, start_column=3, end_row=4, end_column=2 + n)
    for k, (_name, maximum) in enumerate(AREAS_2948, start=1):
        text = f"Lĩnh vực {k}" if max_row else f"Lĩnh vực {k} ({maximum:g} điểm)"
        ws.cell(row=5, column=2 + k, value=text)
    for k, text in enumerate(["Tổng điểm", "Chỉ số (%)", "Xếp hạng"], start=3 + n):
        ws.cell(row=4, column=k, value=text)
        ws.merge_cells(start_row=4, start_column=k, end_row=5, end_column=k)
    for c in (1, 2):
        ws.merge_cells(start_row=4, start_column=c, end_row=5, end_column=c)
    r = 6
    if max_row:
        ws.cell(row=r, column=2, value="Điểm tối đa")
        for k, (_, maximum) in enumerate(AREAS_2948, start=1):
            ws.cell(row=r, column=2 + k, value=maximum)
        ws.cell(row=r, column=3 + n, value=100)
        r += 1
    ranked = sorted(rows, key=lambda item: -sum(v for v in item[1] if isinstance(v, float)))
    for i, (name, points) in enumerate(ranked, start=1):
        total = round(sum(v for v in points if isinstance(v, (int, float))), 2)
        ws.cell(row=r, column=1, value=i)
        ws.cell(row=r, column=2, value=name)
        for k, value in enumerate(points, start=1):
            ws.cell(row=r, column=2 + k, value=value)
        ws.cell(row=r, column=3 + n, value=total)
        ws.cell(row=r, column=4 + n, value=total)
        ws.cell(row=r, column=5 + n, value=i)
        r += 1
    ws.cell(row=r, column=2, value="Trung bình")
    ws.cell(row=r, column=3 + n, value=0)
    wb.save(path)
    return path
