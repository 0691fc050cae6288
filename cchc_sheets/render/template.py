"""``cchc template``: the canonical blank plan, in the separate-sheets shape (contract §1.1).

The workbook has four sheets:

* **Hướng dẫn** — how to fill it in (what each column means, the deadline forms the checker
  understands, the statuses, how codes join the two sheets, how to run ``cchc check``). The
  column list is generated from :data:`cchc_sheets.read.vocabulary.FIELDS`, so the instructions and
  the headers cannot drift apart.
* **Tiêu chí** — the criteria frame with max points and the scores of the two years before the
  plan year. It is pre-filled with the *contents* (nội dung) of a real published frame, Hà Nội
  QĐ 5666/QĐ-UBND of 17/11/2025 (8 nội dung + điểm thưởng, điểm trừ). The decision's point
  values were not available, so "Điểm tối đa" is left blank for the officer: no point value
  here is invented.
* **Phân công** — the task table, with drop-down lists (units, statuses) fed from a range of the
  hidden **Danh mục** sheet (never inline lists, which break past 255 characters), date
  validation on the update / completion dates and a 0–100 check on progress. The deadline
  column is free text ("Quý II/2026" is valid) with an input message listing the forms.
* **Danh mục** (hidden) — the lists behind the drop-downs.

Every word of it is data in :mod:`cchc_sheets.render.template_text` (the guide's rows in both
languages, the input messages); this module lays the sheets out.

Language: ``lang="en"`` writes the same workbook with the instructions sheet ("Instructions")
and the input messages in English. Sheet names, titles, column headers and list values stay
Vietnamese: they are what officers exchange and what the reader matches.

The output is byte-for-byte deterministic (fixed creation date; XlsxWriter stamps the zip
entries with a fixed date), so the shipped ``workbook_templates/ke-hoach-cchc-mau.xlsx`` can be
compared with a fresh one in the tests. Regenerate it after a change with
``python -m cchc_sheets template -o workbook_templates/ke-hoach-cchc-mau.xlsx --force``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.format import Format
from xlsxwriter.worksheet import Worksheet

from cchc_sheets import catalogue
from cchc_sheets.deliver.atomic import atomic_output
from cchc_sheets.errors import OutputError
from cchc_sheets.model import Status
from cchc_sheets.read.status import STATUS_WORDS
from cchc_sheets.read.vocabulary import FIELD_BY_NAME, Field
from cchc_sheets.render.template_text import (
    DEADLINE_EXAMPLES,
    GUIDE,
    TEXTS,
    deadline_examples,
    guide_key,
)
from cchc_sheets.render.xlsx_style import A4, DATE_FORMAT, FONT, FONT_SIZE, a4_landscape, text_only_options

__all__ = [
    "CRITERIA_FIELDS",
    "FRAME_HANOI_5666",
    "CriterionLine",
    "PlanContent",
    "TaskLine",
    "LANGS",
    "PLAN_YEAR_DEFAULT",
    "SHEET_CRITERIA",
    "SHEET_GUIDE",
    "SHEET_LISTS",
    "SHEET_TASKS",
    "TASK_FIELDS",
    "TASK_ROWS",
    "UNITS_BEFORE_2025",
    "UNITS_FROM_2025",
    "guide_sheet_name",
    "score_header",
    "template_units",
    "write_plan",
    "write_template",
]

PLAN_YEAR_DEFAULT = 2026
"""Plan year of the blank template; its score columns are for the two years before."""

LANGS = ("vi", "en")

# Fixed so that the same code writes the same bytes (docProps/core.xml "created").
_CREATED = datetime(2026, 1, 1, 0, 0, 0, tzinfo=timezone.utc)

FONT_NAME = FONT  # (the look shared with the summary: xlsx_style.py)

SHEET_GUIDE, SHEET_GUIDE_EN = TEXTS["sheet_guide"]  # its name in each language
SHEET_CRITERIA = "Tiêu chí"
SHEET_TASKS = "Phân công"
SHEET_LISTS = "Danh mục"

TASK_ROWS = 200  # formatted empty task rows
CRITERIA_BLANK_ROWS = 3  # formatted empty criterion rows under each area

# Columns of the two data sheets, by vocabulary field (headers are the fields' ``vi`` labels).
CRITERIA_FIELDS = ("code", "criterion", "max")
TASK_FIELDS = (
    "number", "code", "task", "lead", "support", "deadline", "status", "progress",
    "result", "evidence", "updated", "completed",
)

# Commune bodies from 1/7/2025 (NĐ 150/2025/NĐ-CP) and the công chức titles before it
# (NĐ 33/2023/NĐ-CP), as the decrees name them. "Phòng Kinh tế" is the commune's name
# (a ward has "Phòng Kinh tế, Hạ tầng và Đô thị"; officers may type it: the list is not strict).
UNITS_FROM_2025: tuple[str, ...] = (
    "Văn phòng HĐND và UBND",
    "Phòng Kinh tế",
    "Phòng Văn hóa - Xã hội",
    "Trung tâm Phục vụ hành chính công",
)
UNITS_BEFORE_2025: tuple[str, ...] = (
    "Văn phòng - Thống kê",
    "Tư pháp - Hộ tịch",
    "Địa chính - Xây dựng",
    "Tài chính - Kế toán",
    "Văn hóa - Xã hội",
    "Chỉ huy trưởng Quân sự",
)

# Hà Nội QĐ 5666/QĐ-UBND (17/11/2025): 8 nội dung + 1 nội dung điểm thưởng, điểm trừ, for the
# Sở and the UBND xã, phường. The names are
# the Vietnamese renderings of the city portal's English list (sovhtt.hanoi.gov.vn/en/?p=30628);
# the decision's per-criterion points were not published in any source we could read.
FRAME_HANOI_5666: tuple[tuple[str, str], ...] = (
    ("1", "Công tác chỉ đạo, điều hành CCHC"),
    ("2", "Cải cách thể chế"),
    ("3", "Cải cách thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông"),
    ("4", "Cải cách tổ chức bộ máy"),
    ("5", "Cải cách chế độ công vụ"),
    ("6", "Cải cách tài chính công"),
    ("7", "Xây dựng và phát triển chính quyền điện tử, chính quyền số"),
    ("8", "Tác động của CCHC đến phát triển kinh tế - xã hội của Thành phố"),
    ("9", "Điểm thưởng, điểm trừ trong công tác CCHC"),
)

# Excel limits for data-validation input messages.
_TITLE_MAX = 32
_MESSAGE_MAX = 255


def score_header(year: int) -> str:
    """The header of a score column: ``Điểm đạt năm 2025``."""
    return f"Điểm đạt năm {year}"


def guide_sheet_name(lang: str = "vi") -> str:
    return _t("sheet_guide", lang)


def template_units() -> tuple[str, ...]:
    """The units offered in the lead / support drop-downs, newest organisation first."""
    return UNITS_FROM_2025 + UNITS_BEFORE_2025


# the names tests and older code import from here
_TX = TEXTS
_deadline_examples = deadline_examples

_STATUS_ORDER: tuple[Status, ...] = ("not_started", "in_progress", "done", "cancelled")


def _status_labels() -> tuple[str, ...]:
    """Statuses in the order work goes: not started, in progress, done, cancelled."""
    return tuple(STATUS_WORDS[s] for s in _STATUS_ORDER)


def _field(name: str) -> Field:
    return FIELD_BY_NAME[name]


@dataclass
class CriterionLine:
    """A line of the criteria sheet as another document gave it (points as numbers where they
    are numbers, else the text as written)."""

    code: str
    name: str
    max: float | str | None = None
    scores: dict[int, float | str | None] = field(default_factory=dict)
    area: bool = False  # shown bold, as the template shows its areas


@dataclass
class TaskLine:
    """A row of the task sheet as another document gave it; the officer's columns (status,
    progress, evidence, updated, completed) stay blank."""

    number: str
    codes: str
    task: str
    lead: str = ""
    support: str = ""
    deadline: str = ""
    result: str = ""


@dataclass
class PlanContent:
    """A plan to write in the template's shape instead of the blank frame (``cchc nhap``)."""

    plan_year: int | None
    criteria_title: str
    tasks_title: str
    note: str
    criteria: list[CriterionLine]
    tasks: list[TaskLine]
    score_columns: tuple[tuple[int, str], ...] = ()  # (year, header), as the document kinds them
    units: tuple[str, ...] = ()  # offered first in the unit drop-downs
    commune: str = ""
    frame_note: str = ""  # in the guide, instead of the paragraph on the pre-filled frame


def _t(key: str, lang: str, **fmt: Any) -> str:
    return catalogue.say("template:" + key, lang, **fmt)


# ---------------------------------------------------------------------------------------------
# The guide sheet: template_text.GUIDE, in one language


@dataclass(frozen=True)
class _Line:
    kind: str  # "title" | "section" | "para" | "pair" (a bold term, then its explanation)
    a: str = ""
    b: str = ""
    sep: str = " – "


def _column_lines(fields: tuple[str, ...], lang: str) -> list[_Line]:
    """One line per column: the header (the field's ``vi`` label) and what it means."""
    lines = []
    for name in fields:
        f = _field(name)
        text = _t("column", lang, help=_t("field." + name, lang), name=f.en)
        others = [h for h in f.headers if h != f.vi]
        if others:
            text += _t("column_others", lang, names="; ".join(others))
        lines.append(_Line("pair", f.vi, text))
    return lines


def _status_lines(lang: str) -> list[_Line]:
    return [_Line("pair", STATUS_WORDS[key],
                  _t("status", lang, meaning=_t(f"status.{key}.meaning", lang),
                     words=_t(f"status.{key}.also", lang)))
            for key in _STATUS_ORDER]


def _guide_lines(lang: str, plan_year: int, frame_note: str = "") -> list[_Line]:
    """The rows of :data:`~cchc_sheets.render.template_text.GUIDE` in ``lang``, filled in; with
    ``frame_note``, that note instead of the paragraph on the pre-filled frame."""
    y = plan_year
    values = {
        "y": y, "last": y - 1, "prev": y - 2, "units": "; ".join(template_units()),
        "criteria": SHEET_CRITERIA, "tasks": SHEET_TASKS, "lists": SHEET_LISTS,
        "score_last": score_header(y - 1), "score_prev": score_header(y - 2),
        "frame_source": _t("frame_source", lang),
    }
    lines: list[_Line] = []
    for index, row in enumerate(GUIDE):
        if row.kind == "columns":
            lines += _column_lines(CRITERIA_FIELDS if row.key == "criteria" else TASK_FIELDS,
                                   lang)
        elif row.kind == "deadlines":
            lines += [_Line("pair", written.format(y=y), _t(f"deadline.{n}", lang, y=y), "  →  ")
                      for n, (written, _, _) in enumerate(DEADLINE_EXAMPLES)]
        elif row.kind == "statuses":
            lines += _status_lines(lang)
        elif row.key == "frame" and frame_note:
            lines.append(_Line("para", frame_note))  # the frame came from a document
        else:
            text = _t(guide_key(index), lang, **values)
            lines.append(_Line(row.kind, row.term.format(**values) if row.term else text,
                               text if row.term else ""))
    return lines


# ---------------------------------------------------------------------------------------------
# Writing


class _Formats:
    def __init__(self, wb: xlsxwriter.Workbook) -> None:
        base: dict[str, Any] = {"font_name": FONT_NAME, "font_size": FONT_SIZE}

        def add(**props: Any) -> Format:
            return wb.add_format({**base, **props})

        cell = {"border": 1, "text_wrap": True, "valign": "top"}
        self.title = add(bold=True, font_size=14, align="center", valign="vcenter",
                         text_wrap=True)
        self.subtitle = add(italic=True, align="center", valign="vcenter", text_wrap=True)
        self.commune = add(bold=True)
        self.header = add(bold=True, align="center", valign="vcenter", text_wrap=True,
                          border=1, bg_color="#DDEBF7")
        self.text = add(**cell)
        self.code = add(**cell, num_format="@", align="center")
        self.number = add(**cell, align="center")
        self.points = add(**cell, num_format="0.00", align="center")
        self.progress = add(**cell, num_format="0", align="center")
        self.date = add(**cell, num_format=DATE_FORMAT, align="center")
        self.area_code = add(**cell, num_format="@", align="center", bold=True,
                             bg_color="#F2F2F2")
        self.area_text = add(**cell, bold=True, bg_color="#F2F2F2")
        self.area_points = add(**cell, num_format="0.00", align="center", bold=True,
                               bg_color="#F2F2F2")
        self.guide_title = add(bold=True, font_size=14, text_wrap=True)
        self.guide_section = add(bold=True, font_color="#1F4E79", text_wrap=True)
        self.guide_text = add(text_wrap=True, valign="top")
        self.guide_bold = add(bold=True)
        self.plain = add()


def _setup_print(ws: Worksheet, header_row: int, lang: str) -> None:
    a4_landscape(ws, margins=(0.5, 0.4, 0.6, 0.6), header_row=header_row,
                 footer=_t("footer", lang))


def _lines_needed(text: str, width: float) -> int:
    """Rough number of wrapped lines of ``text`` in a column ``width`` characters wide."""
    per_line = max(1.0, width * 1.05)  # Times New Roman is a little narrower than the unit
    return sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n"))


def _write_guide(wb: xlsxwriter.Workbook, fm: _Formats, lang: str, plan_year: int,
                 frame_note: str = "") -> None:
    """The instructions, one cell per line in a single wide column.

    One column on purpose: a line such as "Tiêu chí – … điểm tối đa …" spread over two cells
    would look like a header row (two field names side by side) to a reader that searches every
    sheet for its table.
    """
    ws = wb.add_worksheet(guide_sheet_name(lang))
    width = 85.0
    ws.set_column(0, 0, width)
    ws.hide_gridlines(2)
    ws.set_paper(A4)
    ws.set_portrait()
    ws.fit_to_pages(1, 0)
    ws.set_footer(_t("footer", lang))
    row = 0
    for line in _guide_lines(lang, plan_year, frame_note):
        if line.kind == "title":
            ws.write_string(row, 0, line.a, fm.guide_title)
            ws.set_row(row, 24)
            row += 2
            continue
        if line.kind == "section":
            row += 1
            ws.write_string(row, 0, line.a, fm.guide_section)
            text = line.a
        elif line.kind == "para":
            ws.write_string(row, 0, line.a, fm.guide_text)
            text = line.a
        else:  # "pair"
            ws.write_rich_string(row, 0, fm.guide_bold, line.a, fm.guide_text,
                                 line.sep + line.b, fm.guide_text)
            text = line.a + line.sep + line.b
        lines = _lines_needed(text, width)
        if lines > 1:
            ws.set_row(row, 16.5 * lines)
        row += 1


def _title_rows(ws: Worksheet, fm: _Formats, last_col: int, title: str, note: str,
                commune: str = "") -> None:
    ws.write_string(0, 0, commune or _t("commune", "vi"), fm.commune)
    ws.merge_range(1, 0, 1, last_col, title, fm.title)
    ws.set_row(1, 36)
    ws.merge_range(2, 0, 2, last_col, note, fm.subtitle)


def _input_message(title: str, message: str) -> dict[str, Any]:
    if len(title) > _TITLE_MAX or len(message) > _MESSAGE_MAX:  # Excel's limits
        raise ValueError(f"input message too long: {title!r} ({len(message)} characters)")
    return {"input_title": title, "input_message": message}


def _write_criteria(wb: xlsxwriter.Workbook, fm: _Formats, lang: str, plan_year: int,
                    content: PlanContent | None = None) -> None:
    ws = wb.add_worksheet(SHEET_CRITERIA)
    years: tuple[int, ...] = (plan_year - 1, plan_year - 2)
    score_headers = [score_header(y) for y in years]
    if content is not None and content.score_columns:
        years = tuple(year for year, _ in content.score_columns)
        score_headers = [text for _, text in content.score_columns]
    headers = [_field(name).vi for name in CRITERIA_FIELDS] + score_headers
    last_col = len(headers) - 1
    widths = (12, 70, 12) + (14,) * len(years)
    for col, width in enumerate(widths):
        ws.set_column(col, col, width)
    if content is not None:
        _title_rows(ws, fm, last_col, content.criteria_title, content.note, content.commune)
    else:
        _title_rows(ws, fm, last_col, _t("criteria_title", lang, year=plan_year),
                    _t("criteria_note", lang))
    header_row = 4
    ws.set_row(header_row, 33)
    for col, text in enumerate(headers):
        ws.write_string(header_row, col, text, fm.header)
    row = header_row + 1
    first_data = row
    if content is not None:
        row = _criteria_lines(ws, fm, row, years, content.criteria)
    for code, name in (FRAME_HANOI_5666 if content is None else ()):
        ws.write_string(row, 0, code, fm.area_code)
        ws.write_string(row, 1, name, fm.area_text)
        for col in range(2, last_col + 1):
            ws.write_blank(row, col, None, fm.area_points)
        row += 1
        for _ in range(CRITERIA_BLANK_ROWS):
            ws.write_blank(row, 0, None, fm.code)
            ws.write_blank(row, 1, None, fm.text)
            for col in range(2, last_col + 1):
                ws.write_blank(row, col, None, fm.points)
            row += 1
    if content is not None:
        for _ in range(CRITERIA_BLANK_ROWS):  # room for a line the document did not have
            ws.write_blank(row, 0, None, fm.code)
            ws.write_blank(row, 1, None, fm.text)
            for col in range(2, last_col + 1):
                ws.write_blank(row, col, None, fm.points)
            row += 1
    last_data = row - 1
    ws.data_validation(first_data, 0, last_data, 0, {
        "validate": "any", **_input_message(_t("ccode_t", lang), _t("ccode_m", lang))})
    ws.data_validation(first_data, 2, last_data, 2, {
        "validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 100,
        "error_title": _t("max_t", lang), "error_message": _t("max_e", lang),
        **_input_message(_t("max_t", lang), _t("max_m", lang))})
    ws.data_validation(first_data, 3, last_data, last_col, {
        "validate": "any", **_input_message(_t("score_t", lang), _t("score_m", lang))})
    ws.freeze_panes(header_row + 1, 0)
    _setup_print(ws, header_row, lang)


def _points(ws: Worksheet, row: int, col: int, value: float | str | None, fmt: Format) -> None:
    if value is None or value == "":
        ws.write_blank(row, col, None, fmt)
    elif isinstance(value, str):
        ws.write_string(row, col, value, fmt)
    else:
        ws.write_number(row, col, value, fmt)


def _criteria_lines(ws: Worksheet, fm: _Formats, row: int, years: tuple[int, ...],
                    lines: list[CriterionLine]) -> int:
    """The criteria of a document, from ``row``; returns the row under the last."""
    for line in lines:
        code_fmt, text_fmt, points_fmt = (fm.area_code, fm.area_text, fm.area_points) \
            if line.area else (fm.code, fm.text, fm.points)
        ws.write_string(row, 0, line.code, code_fmt)
        ws.write_string(row, 1, line.name, text_fmt)
        _points(ws, row, 2, line.max, points_fmt)
        for i, year in enumerate(years):
            _points(ws, row, 3 + i, line.scores.get(year), points_fmt)
        if "\n" in line.name or len(line.name) > 75:
            ws.set_row(row, 15.75 * _lines_needed(line.name, 70))
        row += 1
    return row


def _list_ref(col: str, count: int) -> str:
    return f"='{SHEET_LISTS}'!${col}$2:${col}${count + 1}"


def _write_tasks(wb: xlsxwriter.Workbook, fm: _Formats, lang: str, plan_year: int,
                 content: PlanContent | None = None) -> None:
    ws = wb.add_worksheet(SHEET_TASKS)
    headers = [_field(name).vi for name in TASK_FIELDS]
    col_of = {name: i for i, name in enumerate(TASK_FIELDS)}
    last_col = len(headers) - 1
    widths = {
        "number": 5, "code": 8, "task": 36, "lead": 17, "support": 17, "deadline": 14,
        "status": 13, "progress": 8, "result": 26, "evidence": 22, "updated": 11.5,
        "completed": 11.5,
    }
    for name, width in widths.items():
        ws.set_column(col_of[name], col_of[name], width)
    if content is not None:
        _title_rows(ws, fm, last_col, content.tasks_title, content.note, content.commune)
    else:
        _title_rows(ws, fm, last_col, _t("tasks_title", lang, year=plan_year),
                    _t("tasks_note", lang, year=plan_year))
    header_row = 4
    ws.set_row(header_row, 33)
    for col, text in enumerate(headers):
        ws.write_string(header_row, col, text, fm.header)
    lines = content.tasks if content is not None else []
    first, last = header_row + 1, header_row + max(TASK_ROWS, len(lines) + 50)
    cell_format = {
        "number": fm.number, "code": fm.code, "progress": fm.progress, "updated": fm.date,
        "completed": fm.date,
    }
    for row in range(first, last + 1):
        line = lines[row - first] if row - first < len(lines) else None
        for name in TASK_FIELDS:
            value = getattr(line, _TASK_LINE.get(name, "-"), "") if line is not None else ""
            if value:
                ws.write_string(row, col_of[name], value, cell_format.get(name, fm.text))
            else:
                ws.write_blank(row, col_of[name], None, cell_format.get(name, fm.text))
        if line is not None:
            height = max(_lines_needed(getattr(line, a), widths[n])
                         for n, a in _TASK_LINE.items())
            if height > 1:
                ws.set_row(row, 15.75 * height)

    def validate(name: str, options: dict[str, Any]) -> None:
        col = col_of[name]
        ws.data_validation(first, col, last, col, options)

    y = plan_year
    units = content.units if content is not None and content.units else template_units()
    n_units, n_status = len(units), len(_status_labels())
    validate("code", {"validate": "any",
                      **_input_message(_t("code_t", lang), _t("code_m", lang))})
    validate("lead", {
        "validate": "list", "source": _list_ref("A", n_units), "error_type": "information",
        "error_title": _t("lead_t", lang), "error_message": _t("lead_e", lang),
        **_input_message(_t("lead_t", lang), _t("lead_m", lang))})
    # Several units per cell are normal here: the list is offered, no error is ever shown.
    validate("support", {
        "validate": "list", "source": _list_ref("A", n_units), "show_error": False,
        **_input_message(_t("support_t", lang), _t("support_m", lang))})
    # No validation on the deadline: "Quý II/2026" and "Thường xuyên" are valid deadlines.
    validate("deadline", {"validate": "any",
                          **_input_message(_t("deadline_t", lang), _t("deadline_m", lang, y=y))})
    labels = ", ".join(_status_labels())
    validate("status", {
        "validate": "list", "source": _list_ref("B", n_status), "error_type": "warning",
        "error_title": _t("status_t", lang), "error_message": _t("status_e", lang),
        **_input_message(_t("status_t", lang), _t("status_m", lang, labels=labels))})
    validate("progress", {
        "validate": "decimal", "criteria": "between", "minimum": 0, "maximum": 100,
        "error_title": _t("progress_t", lang), "error_message": _t("progress_e", lang),
        **_input_message(_t("progress_t", lang), _t("progress_m", lang))})
    for name in ("updated", "completed"):
        title = _t("name." + name, lang)
        validate(name, {
            "validate": "date", "criteria": "between",
            "minimum": date(2000, 1, 1), "maximum": date(2100, 12, 31),
            "error_title": title, "error_message": _t("date_e", lang, y=y),
            **_input_message(title, _t("date_m", lang, y=y))})
    ws.freeze_panes(header_row + 1, 0)
    _setup_print(ws, header_row, lang)


# TaskLine attribute of each task column a document fills
_TASK_LINE = {"number": "number", "code": "codes", "task": "task", "lead": "lead",
              "support": "support", "deadline": "deadline", "result": "result"}


def _write_lists(wb: xlsxwriter.Workbook, fm: _Formats, lang: str,
                 units: tuple[str, ...] = ()) -> None:
    ws = wb.add_worksheet(SHEET_LISTS)
    units = units or template_units()
    statuses = _status_labels()
    ws.set_column(0, 0, 36)
    ws.set_column(1, 1, 20)
    ws.write_string(0, 0, _t("lists_units", lang), fm.header)
    ws.write_string(0, 1, _t("lists_status", lang), fm.header)
    for i, unit in enumerate(units, start=1):
        ws.write_string(i, 0, unit, fm.plain)
    for i, label in enumerate(statuses, start=1):
        ws.write_string(i, 1, label, fm.plain)
    ws.hide()


def write_template(output: Path, lang: str = "vi", plan_year: int = PLAN_YEAR_DEFAULT,
                   *, replace: bool = False) -> Path:
    """Write the blank plan to ``output`` (atomically) and return ``output``.

    An existing file is never replaced unless ``replace`` is true (it may be an officer's
    plan). The same arguments always give the same bytes.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    output = Path(output)
    if output.is_file() and not replace:
        raise OutputError("template-exists", str(output))
    with atomic_output(output, may_replace=lambda _path: replace) as temp:
        _write_book(temp, lang, plan_year, None, {
            "title": f"Kế hoạch duy trì, nâng cao Chỉ số CCHC năm {plan_year} (mẫu)",
            "comments": "cchc template"})
    return output


ExtraSheet = Callable[[xlsxwriter.Workbook, Format, Format], None]
"""Writes one more sheet into the workbook, given the header and the text formats."""


def write_plan(output: Path, content: PlanContent, lang: str = "vi", *,
               inputs: tuple[Path, ...] = (), replace: bool = False,
               extra: ExtraSheet | None = None) -> Path:
    """Write ``content`` in the template's shape to ``output`` (atomically): the same sheets,
    drop-downs, validation and look as ``cchc template``, holding a document's criteria and
    tasks. ``extra`` adds a sheet after the task sheet. An existing file is replaced only
    with ``replace``; none of ``inputs`` is ever written."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    output = Path(output)
    with atomic_output(output, *inputs, may_replace=lambda _path: replace) as temp:
        year = content.plan_year or PLAN_YEAR_DEFAULT
        _write_book(temp, lang, year, content, {
            "title": content.tasks_title, "comments": "cchc nhap"}, extra)
    return output


def _write_book(temp: Path, lang: str, plan_year: int, content: PlanContent | None,
                properties: dict[str, Any], extra: ExtraSheet | None = None) -> None:
    wb = xlsxwriter.Workbook(str(temp), {
        "default_format_properties": {"font_name": FONT_NAME, "font_size": FONT_SIZE},
        **text_only_options(),
    })
    wb.set_properties({
        "title": properties["title"],
        "subject": "Phụ lục phân công nhiệm vụ",
        "author": "cchc-sheets",
        "company": "",
        "comments": properties["comments"],
        "created": _CREATED,
    })
    fm = _Formats(wb)
    _write_guide(wb, fm, lang, plan_year, content.frame_note if content is not None else "")
    _write_criteria(wb, fm, lang, plan_year, content)
    _write_tasks(wb, fm, lang, plan_year, content)
    if extra is not None:
        extra(wb, fm.header, fm.text)
    # last, hidden: the drop-downs of Phân công refer to it
    _write_lists(wb, fm, lang, content.units if content is not None else ())
    wb.worksheets()[0 if content is None else 2].activate()  # an imported plan: its tasks
    wb.close()
