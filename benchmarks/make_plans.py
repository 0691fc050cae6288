"""Deterministic officer-style plans for the speed benchmarks.

Writes, for each size N (default 300, 3,000 and 30,000 tasks), into ``benchmarks/out/``:

- ``plan-combined-N.xlsx``: one combined table the way commune officers lay it out — title rows
  (UBND xã…, Quốc hiệu, "PHỤ LỤC" merged, "Kèm theo Kế hoạch số…"), a two-row merged header
  ("Điểm" over Tối đa | Năm 2023 | Năm 2024), a row of column numbers "(1) (2) …", 8 areas in
  Roman numerals (bold, merged across the criterion columns), 60 criteria numbered 1… under each
  area (some with a), b) items), N tasks spread over the criteria with the criterion cells
  (STT, name, points) MERGED down over each criterion's task rows, text deadlines of every kind
  and date cells, statuses, units, update dates, a few blank rows and a signature block.
- ``plan-separate-N.xlsx``: a "Tiêu chí" sheet of the same 60 criteria (dotted codes, scores
  for 2023 and 2024) and a "Phân công" sheet of N tasks naming criterion codes.
- ``plan-styled-empty-300.xlsx``: the combined 300-task plan with formatting applied to 50,000
  empty rows below the table (a row format on every row, and bordered blank cells in every
  column), as when an officer selects whole columns and adds borders.

Everything is written with XlsxWriter (openpyxl takes ~20 s for the 30,000-task plan); date
cells carry a dd/mm/yyyy number format as in officers' files. The output is deterministic: the
same seed gives byte-identical cell content (xlsxwriter's file timestamps aside).

Usage: python benchmarks/make_plans.py [--sizes 300,3000,30000] [--out DIR] [--seed 2025]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import xlsxwriter

HERE = Path(__file__).resolve().parent
DEFAULT_OUT = HERE / "out"
DEFAULT_SIZES = (300, 3000, 30000)
STYLED_EMPTY_ROWS = 50_000

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
AREAS = [
    "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
    "XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QUY PHẠM PHÁP LUẬT",
    "CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
    "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH",
    "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ",
    "CẢI CÁCH TÀI CHÍNH CÔNG",
    "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ",
    "TÁC ĐỘNG CỦA CẢI CÁCH HÀNH CHÍNH ĐẾN NGƯỜI DÂN, TỔ CHỨC",
]
CRITERIA_PER_AREA = [7, 6, 10, 6, 8, 6, 9, 8]  # 60 criteria
assert sum(CRITERIA_PER_AREA) == 60

CRITERION_WORDS = [
    "Kế hoạch cải cách hành chính năm", "Báo cáo cải cách hành chính định kỳ",
    "Kiểm tra công tác cải cách hành chính", "Công tác tuyên truyền cải cách hành chính",
    "Sáng kiến, giải pháp mới trong cải cách hành chính", "Thực hiện nhiệm vụ được giao",
    "Công khai thủ tục hành chính", "Tỷ lệ hồ sơ giải quyết đúng hạn",
    "Tiếp nhận, xử lý phản ánh, kiến nghị", "Thực hiện cơ chế một cửa, một cửa liên thông",
    "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Dịch vụ công trực tuyến toàn trình",
    "Tuyển dụng, sử dụng công chức", "Đánh giá, xếp loại công chức", "Chấp hành kỷ luật, kỷ cương",
    "Quản lý, sử dụng kinh phí", "Thực hiện cơ chế tự chủ tài chính", "Ứng dụng hệ thống quản lý văn bản",
    "Chữ ký số trong xử lý văn bản", "Mức độ hài lòng của người dân",
]
ITEM_WORDS = ["Ban hành đúng thời hạn", "Nội dung đầy đủ, cụ thể", "Tổ chức thực hiện có hiệu quả",
              "Có báo cáo kết quả thực hiện"]
TASK_VERBS = ["Ban hành", "Rà soát, cập nhật", "Tổ chức thực hiện", "Xây dựng", "Kiểm tra",
              "Niêm yết, công khai", "Tổng hợp, báo cáo", "Triển khai", "Tuyên truyền", "Theo dõi"]
TASK_OBJECTS = ["kế hoạch cải cách hành chính năm 2025", "danh mục thủ tục hành chính tại Bộ phận một cửa",
                "báo cáo quý về cải cách hành chính", "hồ sơ giải quyết quá hạn và xin lỗi người dân",
                "sổ theo dõi văn bản đến, văn bản đi", "quy chế làm việc của UBND xã",
                "kết quả khảo sát sự hài lòng", "số hóa kết quả giải quyết thủ tục hành chính",
                "dịch vụ công trực tuyến trên Cổng dịch vụ công quốc gia", "chữ ký số cho công chức"]
UNITS = ["Văn phòng - Thống kê", "VP-TK", "Tư pháp - Hộ tịch", "Văn hóa - Xã hội",
         "Địa chính - Xây dựng", "Tài chính - Kế toán", "Công an xã", "Bộ phận một cửa",
         "Văn phòng – Thống kê", "Chủ tịch UBND xã"]
STATUSES = ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Đã hoàn thành", "Đang triển khai",
            "HT", "Xong", "", "Chậm tiến độ", "Tạm dừng"]
RESULTS = ["Đã ban hành Kế hoạch số 15/KH-UBND", "Đang dự thảo", "Đã niêm yết đầy đủ", "",
           "Đã gửi báo cáo về Phòng Nội vụ", "Chưa bố trí được kinh phí"]
EVIDENCE = ["Kế hoạch số 15/KH-UBND ngày 20/01/2025", "Báo cáo số 32/BC-UBND",
            "Quyết định số 101/QĐ-UBND", "Ảnh chụp bảng niêm yết"]

HEADERS = [  # column, two-row header (top, bottom or None when merged down)
    ("STT", None), ("Lĩnh vực, tiêu chí, tiêu chí thành phần", None),
    ("Điểm", "Tối đa"), ("Điểm", "Năm 2023"), ("Điểm", "Năm 2024"),
    ("Nhiệm vụ, giải pháp khắc phục", None), ("Đơn vị chủ trì", None), ("Đơn vị phối hợp", None),
    ("Thời gian hoàn thành", None), ("Trạng thái", None), ("Tiến độ (%)", None),
    ("Kết quả thực hiện", None), ("Tài liệu kiểm chứng", None), ("Ngày cập nhật", None),
    ("Ngày hoàn thành", None),
]
NCOLS = len(HEADERS)


@dataclass
class Line:
    """One scored line of the frame: a criterion, or an a)/b) item under one."""

    area: int            # 1-based
    number: int          # criterion number within its area
    letter: str = ""     # "a", "b" … for items
    name: str = ""
    max: float = 0.0
    s2023: float = 0.0
    s2024: float = 0.0
    items: list[Line] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)

    @property
    def dotted(self) -> str:
        base = f"{self.area}.{self.number}"
        return f"{base}.{ord(self.letter) - 96}" if self.letter else base


def build_frame(rng: random.Random) -> list[list[Line]]:
    """8 areas of criteria; every 4th criterion has 2–3 a)/b)/c) items."""
    areas: list[list[Line]] = []
    serial = 0
    for a, count in enumerate(CRITERIA_PER_AREA, start=1):
        crits: list[Line] = []
        for n in range(1, count + 1):
            serial += 1
            name = f"{CRITERION_WORDS[serial % len(CRITERION_WORDS)]} ({serial})"
            crit = Line(a, n, name=name)
            if serial % 4 == 0:
                for i in range(rng.choice((2, 3))):
                    item = Line(a, n, letter="abc"[i], name=ITEM_WORDS[(serial + i) % len(ITEM_WORDS)])
                    _points(item, rng)
                    crit.items.append(item)
                crit.max = sum(i.max for i in crit.items)
                crit.s2023 = sum(i.s2023 for i in crit.items)
                crit.s2024 = sum(i.s2024 for i in crit.items)
            else:
                _points(crit, rng)
            crits.append(crit)
        areas.append(crits)
    return areas


def _points(line: Line, rng: random.Random) -> None:
    line.max = float(rng.choice((0.5, 1, 1, 1.5, 2, 2, 3)))
    steps = int(line.max * 4)
    line.s2023 = rng.randint(steps // 3, steps) / 4
    line.s2024 = rng.randint(steps // 3, steps) / 4


def leaves(areas: list[list[Line]]) -> list[Line]:
    return [leaf for crits in areas for c in crits for leaf in (c.items or [c])]


DEADLINE_KINDS = [
    lambda r: f"Quý {r.choice(['I', 'II', 'III', 'IV'])}/2025",
    lambda r: f"Tháng {r.randint(1, 12)}/2025",
    lambda r: f"{r.randint(1, 28)}/{r.randint(1, 12)}/2025",
    lambda r: "Thường xuyên",
    lambda r: f"Trước ngày {r.randint(1, 28)}/{r.randint(1, 12)}/2025",
    lambda r: date(2025, 1, 1) + timedelta(days=r.randint(0, 364)),   # a date cell
    lambda r: date(2025, 1, 1) + timedelta(days=r.randint(0, 364)),
    lambda r: r.choice(["Hằng quý", "Hàng tháng", "Năm 2025", "6 tháng đầu năm 2025",
                        "Quý II-III/2025", "Theo quy định", "tháng 9 năm 2025", "T10/2025"]),
]


def make_tasks(lines: list[Line], n: int, rng: random.Random) -> None:
    """Spread n tasks over the leaf lines: every line gets ≥1 where n allows, the rest at random."""
    counts = [0] * len(lines)
    for i in range(n):
        counts[i % len(lines) if i < len(lines) else rng.randrange(len(lines))] += 1
    serial = 0
    for line, count in zip(lines, counts, strict=True):
        for _ in range(count):
            serial += 1
            line.tasks.append(make_task(serial, rng))


def make_task(serial: int, rng: random.Random) -> dict[str, Any]:
    status = rng.choice(STATUSES)
    done = status in ("Hoàn thành", "Đã hoàn thành", "HT", "Xong")
    progress: Any = 100 if done else rng.choice((0, 10, 25, 50, 75, "", ""))
    upd_kind = rng.random()
    if upd_kind < 0.6:
        updated: Any = date(2025, 6, 30) - timedelta(days=rng.randint(0, 60))
    elif upd_kind < 0.75:
        d = date(2025, 6, 30) - timedelta(days=rng.randint(0, 60))
        updated = f"{d.day}/{d.month}/{d.year}"
    else:
        updated = ""
    completed: Any = ""
    if done and rng.random() < 0.7:
        completed = date(2025, 1, 15) + timedelta(days=rng.randint(0, 160))
    support = "; ".join(rng.sample(UNITS[:8], rng.choice((0, 0, 1, 2))))
    return {
        "task": f"{rng.choice(TASK_VERBS)} {rng.choice(TASK_OBJECTS)} (nhiệm vụ {serial})",
        "lead": rng.choice(UNITS) if rng.random() > 0.02 else "",
        "support": support,
        "deadline": rng.choice(DEADLINE_KINDS)(rng),
        "status": status,
        "progress": progress,
        "result": rng.choice(RESULTS),
        "evidence": rng.choice(EVIDENCE) if done and rng.random() < 0.8 else "",
        "updated": updated,
        "completed": completed,
    }


class Formats:
    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        base = {"font_name": "Times New Roman", "font_size": 12}
        cell = {**base, "border": 1, "valign": "vcenter", "text_wrap": True}
        self.title = wb.add_format({**base, "bold": True, "align": "center"})
        self.plain = wb.add_format(base)
        self.italic = wb.add_format({**base, "italic": True, "align": "center"})
        self.head = wb.add_format({**cell, "bold": True, "align": "center"})
        self.numbers = wb.add_format({**cell, "italic": True, "align": "center"})
        self.area = wb.add_format({**cell, "bold": True})
        self.cell = wb.add_format(cell)
        self.center = wb.add_format({**cell, "align": "center"})
        self.date = wb.add_format({**cell, "num_format": "dd/mm/yyyy", "align": "center"})
        self.empty = wb.add_format({**base, "border": 1})


def put(ws: Any, f: Formats, row: int, col: int, value: Any, fmt: Any = None) -> None:
    fmt = fmt or f.cell
    if value is None or value == "":
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, date):
        ws.write_datetime(row, col, value, f.date)
    elif isinstance(value, (int, float)):
        ws.write_number(row, col, value, f.center if fmt is f.cell else fmt)
    else:
        ws.write_string(row, col, value, fmt)


TASK_KEYS = ["task", "lead", "support", "deadline", "status", "progress", "result", "evidence",
             "updated", "completed"]


def write_combined(path: Path, areas: list[list[Line]], *, styled_empty: int = 0,
                   commune: str = "XÃ THANH ĐA", sheet: str = "Phụ lục 2025") -> None:
    """``commune``: the heading's second line (the roll-up benchmark varies it)."""
    wb = xlsxwriter.Workbook(str(path))
    f = Formats(wb)
    ws = wb.add_worksheet(sheet)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_column(0, 0, 6)
    ws.set_column(1, 1, 40)
    ws.set_column(2, 4, 8)
    ws.set_column(5, 5, 45)
    ws.set_column(6, 14, 16)
    ws.merge_range(0, 0, 0, 4, "ỦY BAN NHÂN DÂN", f.title)
    ws.merge_range(0, 5, 0, 14, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f.title)
    ws.merge_range(1, 0, 1, 4, commune, f.title)
    ws.merge_range(1, 5, 1, 14, "Độc lập - Tự do - Hạnh phúc", f.title)
    ws.merge_range(3, 0, 3, 14, "PHỤ LỤC", f.title)
    ws.merge_range(4, 0, 4, 14, "PHÂN CÔNG NHIỆM VỤ NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025",
                   f.title)
    ws.merge_range(5, 0, 5, 14, "(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND xã)",
                   f.italic)
    h1, h2 = 6, 7
    c = 0
    while c < NCOLS:
        top, bottom = HEADERS[c]
        if bottom is None:
            ws.merge_range(h1, c, h2, c, top, f.head)
            c += 1
            continue
        span = c
        while span + 1 < NCOLS and HEADERS[span + 1][0] == top and HEADERS[span + 1][1]:
            span += 1
        ws.merge_range(h1, c, h1, span, top, f.head)
        for k in range(c, span + 1):
            ws.write_string(h2, k, HEADERS[k][1], f.head)
        c = span + 1
    for k in range(NCOLS):
        ws.write_string(h2 + 1, k, f"({k + 1})", f.numbers)
    ws.repeat_rows(h1, h2 + 1)
    ws.freeze_panes(h2 + 2, 0)

    row = h2 + 2
    serial = 0
    for a, crits in enumerate(areas, start=1):
        if a in (3, 6):
            row += 1  # a blank row, as officers leave between parts
        ws.write_string(row, 0, ROMAN[a - 1], f.area)
        ws.write_string(row, 1, AREAS[a - 1], f.area)
        ws.write_number(row, 2, sum(c.max for c in crits), f.area)
        ws.write_number(row, 3, sum(c.s2023 for c in crits), f.area)
        ws.write_number(row, 4, sum(c.s2024 for c in crits), f.area)
        ws.merge_range(row, 5, row, NCOLS - 1, "", f.area)
        row += 1
        for crit in crits:
            if crit.items:
                # the criterion line itself: stated sums, no task
                _line_cells(ws, f, row, str(crit.number), crit)
                ws.merge_range(row, 5, row, NCOLS - 1, "", f.cell)
                row += 1
                for item in crit.items:
                    serial, row = _line_with_tasks(ws, f, row, f"{item.letter})", item, serial)
            else:
                serial, row = _line_with_tasks(ws, f, row, str(crit.number), crit, serial)
    # signature block, after a blank row
    row += 2
    ws.write_string(row, 1, "Nơi nhận:", f.plain)
    ws.write_string(row, 9, "TM. ỦY BAN NHÂN DÂN", f.title)
    ws.write_string(row + 1, 1, "- UBND huyện (b/c);", f.plain)
    ws.write_string(row + 1, 9, "CHỦ TỊCH", f.title)
    ws.write_string(row + 2, 1, "- Các bộ phận chuyên môn;", f.plain)
    ws.write_string(row + 3, 1, "- Lưu: VT.", f.plain)
    ws.write_string(row + 5, 9, "Nguyễn Văn An", f.title)
    row += 6
    if styled_empty:
        # formatting over a large empty range: row formats plus bordered blank cells
        for r in range(row, row + styled_empty):
            ws.set_row(r, None, f.empty)
            for k in range(NCOLS):
                ws.write_blank(r, k, None, f.empty)
    wb.close()


def _line_cells(ws: Any, f: Formats, row: int, code: str, line: Line) -> None:
    ws.write_string(row, 0, code, f.center)
    ws.write_string(row, 1, line.name, f.cell)
    ws.write_number(row, 2, line.max, f.center)
    ws.write_number(row, 3, line.s2023, f.center)
    ws.write_number(row, 4, line.s2024, f.center)


def _line_with_tasks(ws: Any, f: Formats, row: int, code: str, line: Line,
                     serial: int) -> tuple[int, int]:
    """The line's cells merged down over its task rows (or left blank under it, for some)."""
    tasks = line.tasks or [{}]
    n = len(tasks)
    merge = n > 1 and (line.area * 7 + line.number) % 5 != 0  # one line in five: blank under it
    if merge:
        ws.merge_range(row, 0, row + n - 1, 0, code, f.center)
        ws.merge_range(row, 1, row + n - 1, 1, line.name, f.cell)
        ws.merge_range(row, 2, row + n - 1, 2, line.max, f.center)
        ws.merge_range(row, 3, row + n - 1, 3, line.s2023, f.center)
        ws.merge_range(row, 4, row + n - 1, 4, line.s2024, f.center)
    else:
        _line_cells(ws, f, row, code, line)
    for i, task in enumerate(tasks):
        r = row + i
        if not merge and i > 0:
            for k in range(5):
                ws.write_blank(r, k, None, f.cell)
        for k, key in enumerate(TASK_KEYS, start=5):
            put(ws, f, r, k, task.get(key, ""))
        if task:
            serial += 1
    return serial, row + n


def write_separate(path: Path, areas: list[list[Line]], *, commune: str | None = None) -> None:
    """``commune`` ("xã Hòa Thắng"): named under the task sheet's title, as plans do."""
    wb = xlsxwriter.Workbook(str(path))
    f = Formats(wb)
    ws = wb.add_worksheet("Tiêu chí")
    ws.set_column(0, 0, 10)
    ws.set_column(1, 1, 50)
    ws.set_column(2, 4, 12)
    ws.merge_range(0, 0, 0, 4, "KHUNG TIÊU CHÍ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2025", f.title)
    heads = ["Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm đạt năm 2023", "Điểm thẩm định 2024"]
    for k, h in enumerate(heads):
        ws.write_string(2, k, h, f.head)
    row = 3
    for a, crits in enumerate(areas, start=1):
        ws.write_string(row, 0, str(a), f.area)
        ws.write_string(row, 1, AREAS[a - 1], f.area)
        for k, v in enumerate((sum(c.max for c in crits), sum(c.s2023 for c in crits),
                               sum(c.s2024 for c in crits)), start=2):
            ws.write_number(row, k, v, f.area)
        row += 1
        for crit in crits:
            for line in [crit, *crit.items]:
                ws.write_string(row, 0, line.dotted, f.center)
                ws.write_string(row, 1, line.name, f.cell)
                ws.write_number(row, 2, line.max, f.center)
                ws.write_number(row, 3, line.s2023, f.center)
                ws.write_number(row, 4, line.s2024, f.center)
                row += 1

    ts = wb.add_worksheet("Phân công")
    ts.set_column(0, 1, 8)
    ts.set_column(2, 2, 45)
    ts.set_column(3, 11, 16)
    ts.merge_range(0, 0, 0, 11, "PHÂN CÔNG NHIỆM VỤ NÂNG CAO CHỈ SỐ CCHC NĂM 2025", f.title)
    if commune:
        ts.merge_range(1, 0, 1, 11, "(Kèm theo Kế hoạch số 12/KH-UBND ngày 10/01/2025 của "
                       f"UBND {commune})", f.italic)
    heads = ["STT", "Mã tiêu chí", "Nhiệm vụ", "Bộ phận chủ trì", "Phối hợp", "Thời hạn",
             "Trạng thái", "Tiến độ (%)", "Kết quả", "Tài liệu kiểm chứng", "Ngày cập nhật",
             "Ngày hoàn thành"]
    for k, h in enumerate(heads):
        ts.write_string(2, k, h, f.head)
    ts.freeze_panes(3, 0)
    row = 3
    serial = 0
    all_leaves = leaves(areas)
    for li, line in enumerate(all_leaves):
        for task in line.tasks:
            serial += 1
            codes = line.dotted
            if serial % 37 == 0:  # a task naming two criteria
                codes += ", " + all_leaves[(li + 5) % len(all_leaves)].dotted
            ts.write_number(row, 0, serial, f.center)
            ts.write_string(row, 1, codes, f.center)
            for k, key in enumerate(TASK_KEYS, start=2):
                put(ts, f, row, k, task[key])
            row += 1
            if serial % 1000 == 500:
                row += 1  # a stray blank row inside the table
    row += 2
    ts.write_string(row, 2, "Người lập biểu", f.title)
    ts.write_string(row, 8, "TM. ỦY BAN NHÂN DÂN", f.title)
    wb.close()


def build(n: int, seed: int) -> list[list[Line]]:
    rng = random.Random(f"{seed}-{n}")
    areas = build_frame(rng)
    make_tasks(leaves(areas), n, rng)
    return areas


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--no-styled-empty", action="store_true")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    for n in sizes:
        areas = build(n, args.seed)
        for shape, writer in (("combined", write_combined), ("separate", write_separate)):
            path = args.out / f"plan-{shape}-{n}.xlsx"
            t0 = time.perf_counter()
            writer(path, areas)
            print(f"{path}  {path.stat().st_size / 1024:,.0f} KB  {time.perf_counter() - t0:.1f} s")
    if not args.no_styled_empty:
        n = 300
        path = args.out / f"plan-styled-empty-{n}.xlsx"
        t0 = time.perf_counter()
        write_combined(path, build(n, args.seed), styled_empty=STYLED_EMPTY_ROWS)
        print(f"{path}  {path.stat().st_size / 1024:,.0f} KB  {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
