"""The summary workbook of the weekly check (contract §5.1), written with XlsxWriter.

One call, :func:`write_summary`, turns a :class:`~cchc_sheets.model.CheckResult` into an
``.xlsx`` meant to be e-mailed and printed by a commune officer:

* sheets in this order: Tổng quan, Quá hạn, Sắp đến hạn, Thiếu cập nhật, Tiêu chí yếu,
  Tất cả nhiệm vụ, Lỗi dữ liệu (and Diễn biến when the check history has weeks);
* every list is an Excel table with filter buttons, a frozen header and the source cell of each
  row; an empty list is one line saying so;
* A4 landscape, one page wide, header row repeated, footer "Trang 1/3", Times New Roman;
* officer text is always written as text (``write_string``), never as a formula or a link;
* the same result and as-of date give the same bytes.

Every word comes from :mod:`cchc_sheets.render.labels`; numbers and dates are real values with number
formats, so Excel shows them in the reader's locale (``81,5`` in Vietnamese).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timezone
from operator import attrgetter
from pathlib import Path
from typing import Any, NamedTuple

from xlsxwriter.exceptions import XlsxWriterException
from xlsxwriter.workbook import Workbook

from cchc_sheets.checking import flags as flag_table
from cchc_sheets.checking.figures import KeyFigures, children_map, key_figures, year_points
from cchc_sheets.checking.rules import MISSING_UPDATE_FLAGS
from cchc_sheets.deliver.atomic import (
    atomic_output,
    beside_if_edited,
    quiet_abandoned_zips,
    seal,
    unchanged_summary,
    write_error,
)
from cchc_sheets.errors import OutputError
from cchc_sheets.model import (
    STATUSES,
    CheckResult,
    Criterion,
    Problem,
    Task,
    UnitSummary,
    shown_code,
)
from cchc_sheets.pause import no_cyclic_gc
from cchc_sheets.read.reading import (
    Reading,
    column_read_as,
    left_out_text,
    reading_line,
    year_place,
)
from cchc_sheets.render.fastsheet import SummaryWorkbook
from cchc_sheets.render.labels import LANGS, flag_label, index_name, label, status_label
from cchc_sheets.render.properties import write_properties
from cchc_sheets.text import day, fold, number, shown_name

__all__ = ["write_summary", "MISSING_UPDATE_FLAGS", "summary_figures"]

FONT = "Times New Roman"
DATE_FORMAT = "dd/mm/yyyy"
POINTS_FORMAT = "0.0#"
CHANGE_FORMAT = "+0.0#;-0.0#;0"

# list sheets: title, line under it, a note, then the table header
HEADER_ROW = 3
OVERVIEW_ONE_PAGE_UNITS = 15  # up to this many units the overview prints on one page
OVERVIEW_PRINT_COLS = 9  # A:I hold the title, the boxes, the unit table and the charts
WIDTH_SAMPLE = 400  # rows looked at to size the columns
MAX_WIDTH = 60

# Row heights are set from the wrapped lines: LibreOffice does not re-measure rows of an xlsx
# on opening (Excel does), and the printout goes through either.
LINE_HEIGHT = 15.75  # points per line of Times New Roman 12
CHARS_PER_WIDTH = 1.15  # Vietnamese text: characters per unit of column width (8-pixel digits)
LIST_BUDGET = 150.0  # total width of a list, in characters: about 80 % print scale on A4
WIDE_LIST_BUDGET = 180.0  # "Tất cả nhiệm vụ", 15 columns

_PLAIN_NUMBER = re.compile(r"[1-9][0-9]{0,8}")


def write_summary(result: CheckResult, output: Path, lang: str = "vi") -> Path:
    """Write the summary workbook of ``result`` to ``output``; return ``output``.

    The file is written beside ``output`` under a temporary name and renamed in one step, so a
    failure leaves an existing ``output`` as it was. ``output`` may not be the plan or the scores
    workbook (:class:`~cchc_sheets.errors.OutputError` ``output-is-input``).
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    output = beside_if_edited(Path(output))  # an officer's edits are never written over
    with atomic_output(output, result.plan.source, result.plan.scores_source,
                       may_replace=unchanged_summary) as temp, \
            no_cyclic_gc():
        workbook = SummaryWorkbook(str(temp), _workbook_options(len(result.tasks)))
        try:
            _SummaryWriter(result, lang, workbook).write()
        except BaseException:
            workbook.fileclosed = True  # nothing is saved; atomic_output removes the temp file
            raise
        _close(workbook, output)
        seal(temp)
    return output


IN_MEMORY_TASKS = 5000  # below this, build the file in memory (faster); above, save memory


def _workbook_options(tasks: int = 0) -> dict[str, Any]:
    return {
        "in_memory": tasks < IN_MEMORY_TASKS,  # the same bytes either way
        "strings_to_formulas": False,
        "strings_to_urls": False,
        "strings_to_numbers": False,
        # no theme scheme: Excel would otherwise show the theme's font (Calibri) in its place
        "default_format_properties": {"font_name": FONT, "font_size": 12, "font_scheme": "none"},
        # Times New Roman 12: 8-pixel digits, 21-pixel rows (what Excel uses for this font)
        "default_column_width": 72,
        "default_row_height": 21,
        "default_date_format": DATE_FORMAT,
    }


def _close(workbook: Workbook, output: Path) -> None:
    try:
        workbook.close()
    except (XlsxWriterException, OSError) as exc:
        cause = exc if isinstance(exc, OSError) else (exc.args[0] if exc.args else exc)
        if isinstance(cause, OSError):
            quiet_abandoned_zips()  # the half-written zip's own clean-up fails the same way
            raise write_error(output, cause) from exc
        raise OutputError("output-not-writable", str(output), detail=exc) from exc


# --------------------------------------------------------------------------- figures


def _all_problems(result: CheckResult) -> list[Problem]:
    """The check's one list of problems, errors first, otherwise as found."""
    return sorted(result.problems, key=lambda p: p.severity != "error")


def summary_figures(result: CheckResult) -> KeyFigures:
    """The key figures shown on "Tổng quan" and stored as custom document properties
    (:func:`cchc_sheets.checking.figures.key_figures`, the same as every output shows)."""
    return key_figures(result)


# --------------------------------------------------------------------------- columns


class _Col(NamedTuple):
    """One column of a list: label key, kind of value, width limits (characters)."""

    key: str
    kind: str  # text, wrap, id, date, int, pct, points, change, count
    min_width: float
    max_width: float = MAX_WIDTH
    header: str = ""


_FIXED_KINDS = {"date", "int", "pct", "points", "change", "id", "count"}


def _display_length(value: Any) -> float:
    if value is None:
        return 0
    if isinstance(value, str):
        return max((_visual_length(line) for line in value.split("\n")), default=0)
    if isinstance(value, date):
        return 10
    if isinstance(value, float):
        return len(f"{value:.2f}")
    return len(str(value))


def _column_widths(cols: Sequence[_Col], rows: Sequence[Sequence[Any]],
                   budget: float = 0) -> list[float]:
    """Widths from the text of a sample of rows, within each column's limits.

    When the columns together are wider than ``budget`` (characters), the wrapped-text columns
    give up width in proportion to what they have above their minimum, so that the printout,
    fitted to the page width, keeps a readable font: rows grow taller instead.
    """
    sample = rows[:WIDTH_SAMPLE]
    widths = []
    for j, col in enumerate(cols):
        words = col.header.split() or [""]
        # headers wrap (up to three lines) and carry a filter button
        header_need = max(max(len(w) for w in words), math.ceil(len(col.header) / 3)) + 3
        cap = max(col.max_width, col.min_width)
        content = _content_length((row[j] for row in sample), cap)
        width = max(content * 0.95 + 2, header_need, col.min_width)
        widths.append(min(width, cap))
    excess = sum(widths) - budget if budget else 0
    if excess > 0:
        slack = [w - c.min_width if c.kind == "wrap" else 0.0 for w, c in zip(widths, cols, strict=True)]
        total = sum(slack)
        if total > 0:
            share = min(excess / total, 1.0)
            widths = [w - s * share for w, s in zip(widths, slack, strict=True)]
    return [round(w, 1) for w in widths]


def _content_length(values: Iterable[Any], cap: float) -> float:
    """The longest display length among ``values``, looked at only as far as it matters: text
    that cannot beat the longest so far is skipped (capitals count at most 1.6), and the search
    stops once the column is as wide as ``cap`` allows."""
    best: float = 0
    for value in values:
        if value.__class__ is str and len(value) * 1.6 <= best:
            continue
        length = _display_length(value)
        if length > best:
            best = length
            if best * 0.95 + 2 >= cap:
                break
    return best


def _visual_length(text: str) -> float:
    """Length in average characters: capitals (HĐND, UBND) count 1.6."""
    return len(text) + 0.6 * sum(map(str.isupper, text))


def _line_count(text: str, width: float, factor: float = CHARS_PER_WIDTH) -> int:
    """Lines that ``text`` takes in a wrapped cell ``width`` characters wide (word wrap)."""
    capacity = max(width * factor, 1.0)
    lines = 0
    for para in text.split("\n"):
        if len(para) * 1.5 <= capacity:
            lines += 1
            continue
        words = para.split(" ")
        # (no capital after the first letter: a quick test for most lines)
        if not para[1:].islower() and sum(map(str.isupper, para)) > 1:
            # capitals (HĐND, UBND) are about 1.6 times as wide as the average letter
            sizes: list[float] = [len(w) + 0.6 * sum(map(str.isupper, w)) for w in words]
        else:
            sizes = list(map(len, words))
        count, used = 1, -1.0  # -1: nothing on the line yet
        for size in sizes:
            if used >= 0 and used + 1 + size <= capacity:
                used += 1 + size
                continue
            if used >= 0:
                count += 1
            while size > capacity:  # a word longer than the line is broken
                count += 1
                size -= capacity
            used = size
        lines += count
    return lines


# --------------------------------------------------------------------------- writer


class _SummaryWriter:
    """Builds the sheets of one summary; formats are made once, in ``__init__``."""

    def __init__(self, result: CheckResult, lang: str, workbook: Workbook) -> None:
        self.result = result
        self.lang = lang
        self.wb = workbook
        self.figures = summary_figures(result)
        self.as_of_text = day(result.as_of, lang)
        self.source_name = shown_name(result.plan.source)
        self._sheet_order = {sheet: i for i, sheet in enumerate(
            dict.fromkeys([*result.plan.task_sheets, *(t.sheet for t in result.tasks)]))}
        self._units_rows = (0, -1)
        self._overview_widths: list[float] = []
        self._getters = self._task_getters()
        self._make_formats()

    # ----------------------------------------------------------------- helpers

    def t(self, key: str, **args: Any) -> str:
        return label(key, self.lang, **args)

    def _make_formats(self) -> None:
        add = self.wb.add_format
        cell = {"border": 1, "border_color": "#808080", "valign": "top"}
        self.f_title = add({"bold": True, "font_size": 14, "valign": "vcenter"})
        self.f_title_center = add({"bold": True, "font_size": 14, "align": "center",
                                   "valign": "vcenter", "text_wrap": True})
        self.f_line = add({"valign": "vcenter"})
        self.f_line_center = add({"align": "center", "valign": "vcenter", "italic": True})
        self.f_note = add({"italic": True, "font_size": 11, "font_color": "#404040"})
        self.f_section = add({"bold": True, "font_size": 13, "valign": "vcenter"})
        self.f_empty = add({"italic": True, "font_size": 12})
        self.f_header = add({"bold": True, "text_wrap": True, "align": "center",
                             "valign": "vcenter", "border": 1, "border_color": "#808080",
                             "bg_color": "#D9E1F2"})
        self.f_text = add(cell)
        self.f_wrap = add({**cell, "text_wrap": True})
        self.f_date = add({**cell, "num_format": DATE_FORMAT, "align": "center"})
        self.f_int = add({**cell, "num_format": "0", "align": "center"})
        self.f_pct = add({**cell, "num_format": "0%", "align": "center"})
        self.f_points = add({**cell, "num_format": POINTS_FORMAT, "align": "center"})
        self.f_change = add({**cell, "num_format": CHANGE_FORMAT, "align": "center"})
        self.f_id = add({**cell, "align": "center"})
        # conditional formats (differential formats)
        self.cf_yellow = add({"bg_color": "#FFEB9C", "font_color": "#7F4F00"})
        self.cf_orange = add({"bg_color": "#F8CBAD", "font_color": "#843C0C", "bold": True})
        self.cf_red = add({"bg_color": "#E06666", "font_color": "#FFFFFF", "bold": True})
        self.cf_soft_red = add({"bg_color": "#FFC7CE", "font_color": "#9C0006"})
        self.cf_soft_orange = add({"bg_color": "#FCE4D6", "font_color": "#843C0C"})
        self.cf_grid = add({"border": 1, "border_color": "#808080"})
        # key-figure boxes: a label cell over a value cell, one palette per meaning
        palettes = {
            "blue": ("#DDEBF7", "#1F4E79"),
            "green": ("#E2EFDA", "#375623"),
            "red": ("#FFC7CE", "#9C0006"),
            "amber": ("#FFF2CC", "#7F6000"),
            "orange": ("#FCE4D6", "#843C0C"),
            "grey": ("#EDEDED", "#3A3A3A"),
        }
        edge = {"border_color": "#FFFFFF", "left": 2, "right": 2}
        self.box_label: dict[str, Any] = {}
        self.box_value: dict[tuple[str, str], Any] = {}
        for name, (fill, ink) in palettes.items():
            self.box_label[name] = add({**edge, "top": 2, "bg_color": fill, "font_color": ink,
                                        "font_size": 11, "text_wrap": True, "align": "center",
                                        "valign": "vcenter"})
            for kind, num_format in (("int", "0"), ("pct", "0%"), ("points", POINTS_FORMAT),
                                     ("text", "@")):
                self.box_value[(name, kind)] = add({
                    **edge, "bottom": 2, "bg_color": fill, "font_color": ink, "bold": True,
                    "font_size": 18, "align": "center", "valign": "vcenter",
                    "num_format": num_format})

    def _page_setup(self, ws: Any, header_row: int | None) -> None:
        ws.set_landscape()
        ws.set_paper(9)  # A4
        ws.fit_to_pages(1, 0)  # one page wide, as many pages down as needed
        ws.set_margins(left=0.4, right=0.4, top=0.55, bottom=0.6)
        if header_row is not None:
            ws.repeat_rows(header_row)
        font = f'&"{FONT},Regular"&10'
        ws.set_footer(
            f"&L{font}&A&C{font}{self.t('footer.page')}"
            f"&R{font}{self.t('footer.as_of', date=self.as_of_text)}",
            {"margin": 0.3},
        )

    def _formats_of(self, kind: str) -> tuple[Any, Any]:
        """(format for text, format for numbers and dates) of a column ``kind``."""
        return {
            "text": (self.f_text, self.f_text),
            "wrap": (self.f_wrap, self.f_wrap),
            "date": (self.f_date, self.f_date),
            "id": (self.f_id, self.f_id),
            "count": (self.f_wrap, self.f_int),
            "int": (self.f_int, self.f_int),
            "pct": (self.f_pct, self.f_pct),
            "points": (self.f_points, self.f_points),
            "change": (self.f_change, self.f_change),
        }[kind]

    def _write_rows(self, ws: Any, first_row: int, cols: Sequence[_Col],
                    rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> None:
        """Write the body of a table (officer text always as text, never a formula or a link);
        rows with wrapped text get their height."""
        formats = [self._formats_of(c.kind) for c in cols]
        ws.put_rows(first_row, rows, [f[0] for f in formats], [f[1] for f in formats])
        # (column, width, the length up to which text surely fits on one line)
        wrapped = [(j, widths[j], widths[j] * CHARS_PER_WIDTH / 1.5)
                   for j, c in enumerate(cols) if c.kind in ("wrap", "count")]
        heights: dict[int, float] = {}
        cache: dict[tuple[str, float], int] = {}
        for i, values in enumerate(rows):
            row = first_row + i
            lines = 1
            for j, width, one_line in wrapped:
                value = values[j]
                if value.__class__ is not str or len(value) <= one_line:
                    continue  # short text: one line
                key = (value, width)
                count = cache.get(key)
                if count is None:
                    count = cache[key] = _line_count(value, width)
                lines = max(lines, count)
            if lines > 1:
                heights[row] = LINE_HEIGHT * lines + 2  # points, Times New Roman 12
        ws.set_heights(heights)
        if rows:
            # borders of the empty cells, in one rule instead of one blank cell each
            ws.conditional_format(first_row, 0, first_row + len(rows) - 1, len(cols) - 1,
                                  {"type": "blanks", "format": self.cf_grid})

    def _header_height(self, ws: Any, row: int, headers: Sequence[str],
                       widths: Sequence[float]) -> None:
        # bold text is a little wider
        lines = max(_line_count(h, w, CHARS_PER_WIDTH / 1.05)
                    for h, w in zip(headers, widths, strict=True))
        ws.set_row(row, LINE_HEIGHT * lines + 3)

    def _title_rows(self, ws: Any, ncols: int, title: str, line: str, note: str = "") -> None:
        ws.set_row(0, 24)
        for row, text, fmt in ((0, title, self.f_title), (1, line, self.f_line),
                               (2, note, self.f_note)):
            if not text:
                continue
            if ncols > 1:
                ws.merge_range(row, 0, row, ncols - 1, "", fmt)
            ws.write_string(row, 0, text, fmt)

    def _list_sheet(
        self,
        name_key: str,
        table_name: str,
        title: str,
        line: str,
        cols: Sequence[_Col],
        rows: Sequence[Sequence[Any]],
        empty: str,
        note: str = "",
        budget: float = LIST_BUDGET,
    ) -> tuple[Any, int]:
        """A sheet holding one list as an Excel table; returns (worksheet, first data row)."""
        ws = self.wb.add_worksheet(self.t(name_key))
        cols = [_Col(c.key, c.kind, c.min_width, c.max_width, c.header or self.t(c.key))
                for c in cols]
        widths = _column_widths(cols, rows, budget)
        for j, width in enumerate(widths):
            ws.set_column(j, j, width)
        if not rows:
            self._page_setup(ws, None)
            self._title_rows(ws, len(cols), title, line)
            ws.write_string(HEADER_ROW, 0, empty, self.f_empty)
            return ws, HEADER_ROW + 1
        self._page_setup(ws, HEADER_ROW)
        self._title_rows(ws, len(cols), title, line, note)
        first = HEADER_ROW + 1
        self._write_rows(ws, first, cols, rows, widths)
        self._header_height(ws, HEADER_ROW, [c.header for c in cols], widths)
        ws.add_table(HEADER_ROW, 0, HEADER_ROW + len(rows), len(cols) - 1, {
            "name": table_name,
            "style": "Table Style Light 1",
            "autofilter": True,
            "columns": [{"header": c.header, "header_format": self.f_header} for c in cols],
        })
        ws.freeze_panes(first, 0)
        return ws, first

    def _as_of_line(self, count_key: str | None = None, count: int = 0) -> str:
        text = self.t("line.as_of", date=self.as_of_text, source=self.source_name)
        if count_key:
            text += " · " + self.t(count_key, count=count)
        return text

    # ----------------------------------------------------------------- write

    def write(self) -> None:
        result = self.result
        title_year = result.plan_year
        index = index_name(result.plan.index, self.lang).upper()
        title = (self.t("title.overview", year=title_year, index=index) if title_year
                 else self.t("title.overview.no_year", index=index))
        self.wb.set_properties({
            "title": title,
            "subject": self.t("doc.subject"),
            "author": "cchc-sheets",
            "comments": self._as_of_line(),
            "created": datetime(result.as_of.year, result.as_of.month, result.as_of.day,
                                tzinfo=timezone.utc),
        })
        self._custom_properties()
        self._overview(title)
        self._overdue()
        self._due_soon()
        self._missing()
        self._weak()
        self._all_tasks()
        self._problems()
        if result.trend:
            self._trend()
        if result.plan.reading is not None:
            self._reading(result.plan.reading)

    def _custom_properties(self) -> None:
        write_properties(self.wb, self.figures, self.result.as_of, self.result.plan_year,
                         self.source_name, self.lang, self.result.plan.index,
                         commune=self.result.plan.commune)

    # ----------------------------------------------------------------- Tổng quan

    def _overview(self, title: str) -> None:
        result = self.result
        figures = self.figures
        ws = self.wb.add_worksheet(self.t("sheet.overview"))
        ncols = 7
        unit_width = max([24.0] + [min(len(self._unit_name(u)) * 0.95 + 2, 38.0)
                                   for u in result.units[:WIDTH_SAMPLE]])
        ws.set_column(0, 0, unit_width)
        ws.set_column(1, ncols - 1, 13)
        self._overview_widths = [unit_width] + [13.0] * (ncols - 1)
        ws.set_column(ncols, ncols + 1, 9)

        row = 0
        ws.set_row(row, 24)
        ws.merge_range(row, 0, row, OVERVIEW_PRINT_COLS - 1, "", self.f_title_center)
        ws.write_string(row, 0, title, self.f_title_center)
        row += 1
        if result.plan.title:
            ws.merge_range(row, 0, row, OVERVIEW_PRINT_COLS - 1, "", self.f_line_center)
            ws.write_string(row, 0, result.plan.title, self.f_line_center)
            row += 1
        line = self._as_of_line()
        if result.plan.scores_source is not None:
            line += self.t("line.scores", source=shown_name(result.plan.scores_source))
        ws.merge_range(row, 0, row, OVERVIEW_PRINT_COLS - 1, "", self.f_line_center)
        ws.write_string(row, 0, line, self.f_line_center)
        row += 2

        # key figures: tasks
        done_ratio = figures.done_ratio
        errors, warnings = figures.errors, figures.warnings
        boxes: list[tuple[str, str, str, Any]] = [
            ("box.tasks", "blue", "int", figures.tasks),
            ("box.done", "green", "int", figures.done),
            ("box.done_ratio", "green", "pct", done_ratio),
            ("box.overdue", "red" if figures.overdue else "green", "int", figures.overdue),
            ("box.due_soon", "amber" if figures.due_soon else "green", "int",
             figures.due_soon),
            ("box.missing", "orange" if figures.missing_update else "green", "int",
             figures.missing_update),
            ("box.problems", "red" if errors else ("amber" if warnings else "green"), "int",
             errors + warnings),
        ]
        row = self._boxes(ws, row, [(self.t(k), c, kind, v) for k, c, kind, v in boxes])
        row += 1
        last, previous = figures.total, figures.previous
        if last is not None:
            score_boxes: list[tuple[str, str, str, Any]] = [
                (self.t("box.points", year=last.year), "blue", "points", last.score),
                (self.t("box.index", year=last.year), "blue", "pct", last.ratio),
            ]
            if previous is not None:
                score_boxes.append((self.t("box.points", year=previous.year), "grey", "points",
                                    previous.score))
            score_boxes += [
                (self.t("box.lost"), "red" if figures.lost > 0 else "green", "points",
                 figures.lost),
                (self.t("box.weak"), "orange" if figures.weak else "green", "int",
                 figures.weak),
                (self.t("box.uncovered"), "red" if figures.uncovered else "green", "int",
                 figures.uncovered),
            ]
            # "81,5/100": the points box carries the applicable maximum in its number format
            of_max = self.wb.add_format({
                "left": 2, "right": 2, "bottom": 2, "border_color": "#FFFFFF",
                "bg_color": "#DDEBF7", "font_color": "#1F4E79", "bold": True, "font_size": 18,
                "align": "center", "valign": "vcenter",
                "num_format": POINTS_FORMAT + '"/' + number(last.max, self.lang) + '"'})
            row = self._boxes(ws, row, score_boxes, first_format=of_max)
        else:
            ws.write_string(row, 0, self.t("empty.scores"), self.f_empty)
            row += 1
        row += 1

        # per-unit table
        ws.set_row(row, 20)
        ws.write_string(row, 0, self.t("section.units"), self.f_section)
        row += 1
        units = sorted(result.units, key=lambda u: (-u.overdue, -u.missing_update,
                                                    fold(u.unit), u.unit))
        if not units:
            ws.write_string(row, 0, self.t("empty.units"), self.f_empty)
            row += 2
        else:
            row = self._unit_table(ws, row, units)
        end = self._charts(ws, row, units)
        self._page_setup(ws, None)
        if len(units) <= OVERVIEW_ONE_PAGE_UNITS:
            ws.fit_to_pages(1, 1)  # the overview is the one page handed to the chairman
        ws.center_horizontally()
        # print only what is shown: the helper columns of the charts are hidden, to the right
        ws.print_area(0, 0, end, OVERVIEW_PRINT_COLS - 1)

    def _boxes(self, ws: Any, row: int, boxes: Sequence[tuple[str, str, str, Any]],
               first_format: Any = None) -> int:
        ws.set_row(row, 33)
        ws.set_row(row + 1, 30)
        for col, (text, colour, kind, value) in enumerate(boxes):
            ws.write_string(row, col, text, self.box_label[colour])
            fmt = self.box_value[(colour, kind)]
            if first_format is not None and col == 0:
                fmt = first_format
            if value is None:
                ws.write_string(row + 1, col, "—", self.box_value[(colour, "text")])
            else:
                ws.write_number(row + 1, col, value, fmt)
        return row + 2

    def _unit_name(self, unit: UnitSummary) -> str:
        return unit.unit or self.t("unit.none")

    def _unit_table(self, ws: Any, row: int, units: Sequence[UnitSummary]) -> int:
        cols = [_Col("col.unit", "wrap", 20), _Col("col.tasks", "int", 9),
                _Col("col.done", "int", 9), _Col("col.overdue", "int", 9),
                _Col("col.due_soon", "int", 9), _Col("col.missing_update", "int", 9),
                _Col("col.on_time", "pct", 9)]
        rows = [(self._unit_name(u), u.tasks, u.done, u.overdue, u.due_soon, u.missing_update,
                 u.on_time_ratio) for u in units]
        header = row
        first = header + 1
        self._write_rows(ws, first, cols, rows, self._overview_widths)
        self._header_height(ws, header, [self.t(c.key) for c in cols], self._overview_widths)
        last = first + len(rows) - 1
        ws.add_table(header, 0, last, len(cols) - 1, {
            "name": "DonVi",
            "style": "Table Style Light 1",
            "autofilter": True,
            "columns": [{"header": self.t(c.key), "header_format": self.f_header} for c in cols],
        })
        ws.conditional_format(first, 3, last, 3, {"type": "cell", "criteria": ">",
                                                  "value": 0, "format": self.cf_soft_red})
        ws.conditional_format(first, 5, last, 5, {"type": "cell", "criteria": ">",
                                                  "value": 0, "format": self.cf_soft_orange})
        self._units_rows = (first, last)
        return last + 2

    def _chart_font(self, size: int = 10, bold: bool = False) -> dict[str, Any]:
        return {"name": FONT, "size": size, "bold": bold}

    def _charts(self, ws: Any, row: int, units: Sequence[UnitSummary]) -> int:
        """The two charts side by side from ``row``; returns the last row they cover."""
        areas = self._area_losses()
        if not units and not areas:
            return row
        ws.set_row(row, 20)
        ws.write_string(row, 0, self.t("section.charts"), self.f_section)
        row += 1
        sheet = self.t("sheet.overview")
        data_col = 12  # hidden helper columns for the chart series
        height = 320
        placed = 0
        if units:
            first, last = self._units_rows
            for i, u in enumerate(units):
                open_ = max(u.in_progress + u.not_started + u.unknown - u.overdue, 0)
                ws.write_number(first + i, data_col, open_)
                ws.write_number(first + i, data_col + 1, u.cancelled)
            chart = self.wb.add_chart({"type": "bar", "subtype": "stacked"})
            series = [("chart.units.done", 2, "#70AD47"), ("chart.units.overdue", 3, "#C00000"),
                      ("chart.units.open", data_col, "#5B9BD5")]
            if any(u.cancelled for u in units):
                series.append(("chart.units.cancelled", data_col + 1, "#A5A5A5"))
            for key, col, colour in series:
                chart.add_series({
                    "name": self.t(key),
                    "categories": [sheet, first, 0, last, 0],
                    "values": [sheet, first, col, last, col],
                    "fill": {"color": colour},
                    "border": {"color": "#FFFFFF"},
                    "gap": 60,
                })
            height = max(height, 90 + 26 * len(units))
            chart.set_title({"name": self.t("chart.units"), "name_font": self._chart_font(12, True)})
            # worst unit on top, value axis at the bottom
            chart.set_y_axis({"reverse": True, "crossing": "max",
                              "num_font": self._chart_font(10)})
            chart.set_x_axis({"num_font": self._chart_font(9), "major_gridlines": {
                "visible": True, "line": {"color": "#D9D9D9"}}, "num_format": "0",
                "name": self.t("chart.axis.tasks"), "name_font": self._chart_font(9)})
            chart.set_legend({"position": "bottom", "font": self._chart_font(10)})
            chart.show_hidden_data()
            chart.set_size({"width": 500, "height": height})
            ws.insert_chart(row, 0, chart, {"x_offset": 2, "y_offset": 6, "object_position": 1})
            placed += 1
        if areas:
            top = self._units_rows[0] if units else row
            area_col = data_col + 3
            years = [y for y in (self.result.previous_year, self.result.last_year)
                     if y is not None]
            for i, (name, losses) in enumerate(areas):
                ws.write_string(top + i, area_col, name)
                for k, year in enumerate(years):
                    value = losses.get(year)
                    if value is not None:
                        ws.write_number(top + i, area_col + 1 + k, value)
            chart = self.wb.add_chart({"type": "column"})
            colours = ["#A5A5A5", "#ED7D31"] if len(years) == 2 else ["#ED7D31"]
            for k, year in enumerate(years):
                chart.add_series({
                    "name": self.t("chart.areas.year", year=year),
                    "categories": [sheet, top, area_col, top + len(areas) - 1, area_col],
                    "values": [sheet, top, area_col + 1 + k, top + len(areas) - 1,
                               area_col + 1 + k],
                    "fill": {"color": colours[k]},
                    "gap": 80,
                })
            chart.set_title({"name": self.t("chart.areas"), "name_font": self._chart_font(12, True)})
            chart.set_x_axis({"num_font": self._chart_font(9)})
            chart.set_y_axis({"num_font": self._chart_font(9), "num_format": "0.#",
                              "name": self.t("chart.axis.points"),
                              "name_font": self._chart_font(9),
                              "major_gridlines": {"visible": True,
                                                  "line": {"color": "#D9D9D9"}}})
            chart.set_legend({"position": "bottom", "font": self._chart_font(10)})
            chart.show_hidden_data()
            chart.set_size({"width": 470, "height": height})
            # beside the first chart (offsets are in pixels from column A)
            ws.insert_chart(row, 0, chart, {"x_offset": 2 + placed * 520, "y_offset": 6,
                                            "object_position": 1})
        ws.set_column(data_col, data_col + 6, None, None, {"hidden": True})
        return row + math.ceil((height + 12) / 21)

    def _area_losses(self) -> list[tuple[str, dict[int, float]]]:
        """Points lost per top-level area (bonus lines left out), per score year."""
        result = self.result
        if not result.criteria:
            return []
        children = children_map(result.criteria)
        years = [y for y in (result.previous_year, result.last_year) if y is not None]
        out: list[tuple[str, dict[int, float]]] = []
        for top in children.get(None, []):
            if top.bonus or not top.applicable:
                continue
            losses: dict[int, float] = {}
            for year in years:
                score, maximum, found = year_points(top, year, children)
                if found:
                    losses[year] = round(maximum - score, 4)
            if losses:
                out.append((_short_name(top), losses))
        return out

    # ----------------------------------------------------------------- task lists

    def _task_order(self, task: Task) -> tuple[int, int]:
        return (self._sheet_order.get(task.sheet, len(self._sheet_order)), task.row)

    def _task_getters(self) -> dict[str, Callable[[Task], Any]]:
        """What each task-list column shows of a task."""
        lang = self.lang
        as_of = self.result.as_of
        flags = {flag.name: flag_label(flag.name, lang) for flag in flag_table.FLAGS}
        missing = frozenset(flag_table.missing_update())
        statuses = {s: status_label(s, lang) for s in STATUSES}

        def status(task: Task) -> str:
            text = statuses.get(task.status, task.status)
            if task.status == "unknown" and task.status_text:
                text += f" ({task.status_text})"
            return text

        def days_left(task: Task) -> int | None:
            due = task.deadline.due
            return (due - as_of).days if due is not None else None

        return {
            # a plain number is written as a number (Excel sorts 2 before 10)
            "col.number": lambda t: int(t.id) if _PLAIN_NUMBER.fullmatch(t.id) else t.id,
            "col.criteria": lambda t: ", ".join(c for c in t.criteria if shown_code(c)),
            "col.task": attrgetter("title"),
            "col.lead": lambda t: t.unit or t.lead,
            "col.support": lambda t: ", ".join(t.support),
            "col.deadline": attrgetter("deadline.text"),
            "col.due": lambda t: t.deadline.due if t.deadline.kind == "date" else None,
            "col.status": status,
            "col.progress": lambda t: t.progress / 100 if t.progress is not None else None,
            "col.updated": attrgetter("updated"),
            "col.days_overdue": attrgetter("days_overdue"),
            "col.days_left": days_left,
            "col.flags": lambda t: "; ".join(flags.get(f, f) for f in t.flags),
            "col.needs": lambda t: "; ".join(flags.get(f, f) for f in t.flags if f in missing),
            "col.result": attrgetter("result"),
            "col.evidence": attrgetter("evidence"),
        }

    def _task_rows(self, tasks: Sequence[Task], cols: Sequence[_Col],
                   source: Callable[[Task], str]) -> list[tuple[Any, ...]]:
        getters = [source, *(self._getters[c.key] for c in cols[1:])]
        # column by column (map and zip loop in C): a row is a tuple of its columns
        return list(zip(*(list(map(get, tasks)) for get in getters), strict=True))

    def _overdue(self) -> None:
        tasks = sorted((t for t in self.result.tasks if "overdue" in t.flags),
                       key=lambda t: (-(t.days_overdue or 0), self._task_order(t)))
        cols = [SOURCE, NUMBER, CRITERIA, TASK, LEAD, DEADLINE, DUE, DAYS_OVERDUE, STATUS,
                PROGRESS, RESULT]
        rows = self._task_rows(tasks, cols, lambda t: t.cell("deadline"))
        ws, first = self._list_sheet(
            "sheet.overdue", "QuaHan", self.t("title.overdue"),
            self._as_of_line("line.tasks", len(tasks)), cols, rows,
            self.t("empty.overdue"), self.t("line.overdue_colours"))
        if rows:
            self._days_overdue_colours(ws, first, first + len(rows) - 1, cols.index(DAYS_OVERDUE))

    def _days_overdue_colours(self, ws: Any, first: int, last: int, col: int) -> None:
        for criteria, value, fmt in (("between", (1, 7), self.cf_yellow),
                                     ("between", (8, 30), self.cf_orange),
                                     (">", 30, self.cf_red)):
            rule: dict[str, Any] = {"type": "cell", "criteria": criteria, "format": fmt}
            if isinstance(value, tuple):
                rule["minimum"], rule["maximum"] = value
            else:
                rule["value"] = value
            ws.conditional_format(first, col, last, col, rule)

    def _due_soon(self) -> None:
        tasks = sorted((t for t in self.result.tasks if "due-soon" in t.flags),
                       key=lambda t: (t.deadline.due or date.max, self._task_order(t)))
        cols = [SOURCE, NUMBER, CRITERIA, TASK, LEAD, SUPPORT, DEADLINE, DUE, DAYS_LEFT, STATUS,
                PROGRESS]
        days = self.result.thresholds.due_soon_days
        rows = self._task_rows(tasks, cols, lambda t: t.cell("deadline"))
        self._list_sheet(
            "sheet.due_soon", "SapDenHan", self.t("title.due_soon", days=days),
            self._as_of_line("line.tasks", len(tasks)), cols, rows,
            self.t("empty.due_soon", days=days))

    def _missing(self) -> None:
        missing = frozenset(flag_table.missing_update())
        tasks = sorted((t for t in self.result.tasks if not missing.isdisjoint(t.flags)),
                       key=self._task_order)

        fields = {flag.name: flag.field or "task" for flag in flag_table.FLAGS}

        def source(task: Task) -> str:
            # the cell an officer has to fill for the first missing update (flags.py)
            first = next(f for f in task.flags if f in missing)
            return task.cell(fields[first])

        cols = [SOURCE, NUMBER, TASK, LEAD, NEEDS, STATUS, UPDATED, DUE, RESULT, EVIDENCE]
        # STT counts this list 1..n; the source cell (first column) says where each task is
        rows = [(row[0], number, *row[2:])
                for number, row in enumerate(self._task_rows(tasks, cols, source), 1)]
        self._list_sheet(
            "sheet.missing", "ThieuCapNhat", self.t("title.missing"),
            self._as_of_line("line.tasks", len(tasks)), cols, rows,
            self.t("empty.missing"), self.t("line.missing_help"))

    def _all_tasks(self) -> None:
        tasks = sorted(self.result.tasks, key=self._task_order)
        cols = [SOURCE, NUMBER, CRITERIA, TASK, LEAD, SUPPORT, DEADLINE, DUE, STATUS, PROGRESS,
                UPDATED, DAYS_OVERDUE, FLAGS, RESULT, EVIDENCE]
        rows = self._task_rows(tasks, cols, lambda t: t.cell("task"))
        ws, first = self._list_sheet(
            "sheet.all", "TatCaNhiemVu", self.t("title.all"),
            self._as_of_line("line.tasks", len(tasks)), cols, rows, self.t("empty.all"),
            budget=WIDE_LIST_BUDGET)
        if rows:
            self._days_overdue_colours(ws, first, first + len(rows) - 1, cols.index(DAYS_OVERDUE))

    # ----------------------------------------------------------------- criteria

    def _weak(self) -> None:
        result = self.result
        last, previous = result.last_year, result.previous_year
        by_code = {c.code: c for c in result.criteria}
        items = [by_code[code] for code in result.weak_criteria if code in by_code]
        cols = [SOURCE, _Col("col.code", "text", 6, 10), _Col("col.criterion", "wrap", 30, 50),
                _Col("col.max", "points", 8)]
        cols.append(_Col("col.score_year", "points", 8,
                         header=self.t("col.score_year", year=last) if last
                         else self.t("col.score_last")))
        if previous is not None:
            cols.append(_Col("col.score_year", "points", 8,
                             header=self.t("col.score_year", year=previous)))
            cols.append(_Col("col.change", "change", 9))
        cols += [_Col("col.lost", "points", 11), _Col("col.ratio", "pct", 8),
                 _Col("col.flags", "wrap", 16, 30), _Col("col.task_count", "count", 10, 18)]
        rows = []
        for c in items:
            row: list[Any] = [self._criterion_source(c), c.shown_code, c.name, c.max, c.score]
            if previous is not None:
                change = (round(c.score - c.previous, 4)
                          if c.score is not None and c.previous is not None else None)
                row += [c.previous, change]
            row += [c.lost, c.ratio, "; ".join(flag_label(f, self.lang) for f in c.flags),
                    c.covering or flag_label("uncovered", self.lang)]
            rows.append(row)
        title = (self.t("title.weak.year", year=last) if last else self.t("title.weak"))
        empty = self.t("empty.weak") if result.criteria else self.t("empty.weak.no_scores")
        ws, first = self._list_sheet(
            "sheet.weak", "TieuChiYeu", title,
            self._as_of_line("line.criteria", len(items)), cols, rows, empty,
            self.t("line.weak_help"))
        if rows:
            col = [c.key for c in cols].index("col.lost")
            ws.conditional_format(first, col, first + len(rows) - 1, col, {
                "type": "data_bar", "bar_color": "#F4B183", "bar_solid": True,
                "min_type": "num", "min_value": 0, "bar_border_color": "#C55A11"})

    def _criterion_source(self, item: Criterion) -> str:
        key = f"score:{self.result.last_year}"
        cell = item.cells.get(key) if self.result.last_year is not None else None
        if cell and item.sheet:
            return f"{item.sheet_of(key)}!{cell}"
        return item.ref

    # ----------------------------------------------------------------- problems

    def _problems(self) -> None:
        problems = _all_problems(self.result)
        cols = [_Col("col.severity", "text", 10, 12), _Col("col.cell", "text", 10, 24),
                _Col("col.problem_code", "text", 12, 22), _Col("col.message", "wrap", 40, MAX_WIDTH)]
        rows = [(self.t("severity." + p.severity), p.ref, p.code, p.message(self.lang))
                for p in problems]
        errors, warnings = self.figures.errors, self.figures.warnings
        line = self._as_of_line() + " · " + self.t("line.problems", errors=errors,
                                                    warnings=warnings)
        ws, first = self._list_sheet(
            "sheet.problems", "LoiDuLieu", self.t("title.problems"), line, cols, rows,
            self.t("empty.problems"))
        if rows:
            ws.conditional_format(first, 0, first + len(rows) - 1, 0, {
                "type": "cell", "criteria": "==",
                "value": '"' + self.t("severity.error") + '"', "format": self.cf_soft_red})

    # ----------------------------------------------------------------- reading

    def _reading(self, reading: Reading) -> None:
        """"Cách đọc tệp": the plan year and its cell, each table, each column and what it
        was read as, each row left out (contract §8)."""
        lang = self.lang
        rows: list[tuple[str, str, str, str]] = []
        year = reading.plan_year
        if year.year is not None:
            place = year_place(reading, lang)
            cell = f"{year.sheet}!{year.cell}" if year.cell else (year.sheet or "")
            rows.append((self.t("reading.item.year"), cell, year.text,
                         f"{year.year}" + (f" — {place}" if place else "")))
        scores = {(s.file, s.sheet, s.letter): s for s in reading.scores}
        for table in reading.tables:
            prefix = f"{table.file}: " if table.file else ""
            counts = self.t("reading.line.read", where="", tasks=table.tasks,
                            criteria=table.criteria).split(": ", 1)[-1]
            counts += self.t("reading.line.areas", areas=table.areas) if table.areas else ""
            rows.append((self.t("reading.item.table"), prefix + table.ref,
                         self.t("reading.kind." + table.kind), counts))
            for column in reading.columns:
                if column.sheet == table.sheet and column.file == table.file:
                    rows.append((self.t("reading.item.column"),
                                 f"{prefix}{column.sheet}!{column.cell}",
                                 column.header, column_read_as(column, scores, lang)))
        for item in reading.left_out:
            prefix = f"{item.file}: " if item.file else ""
            where = item.cell or (str(item.row) if item.row else "")
            rows.append((self.t("reading.item.left_out" if item.row else "reading.item.sheet"),
                         prefix + (f"{item.sheet}!{where}" if where else item.sheet),
                         item.text, left_out_text(item, lang)))
        cols = [_Col("col.reading_item", "text", 10, 16), _Col("col.cell", "text", 10, 30),
                _Col("col.reading_text", "wrap", 30, 50), _Col("col.reading_as", "wrap", 24, 40)]
        line = reading_line(reading, lang, self.result.last_year)
        ws, first = self._list_sheet(
            "sheet.reading", "CachDocTep", self.t("title.reading"), line, cols, rows, "",
            self.t("line.reading_help"))
        # the line is the terminal's, often longer than the page is wide: wrapped in its row
        wrap = self.wb.add_format({"valign": "top", "text_wrap": True})
        ws.write_string(1, 0, line, wrap)
        width = sum(_column_widths(cols, rows, LIST_BUDGET)) if rows else 80.0
        ws.set_row(1, LINE_HEIGHT * _line_count(line, width) + 2)
        unread = self.t("reading.reason.not-understood")
        if rows:
            ws.conditional_format(first, 3, first + len(rows) - 1, 3, {
                "type": "cell", "criteria": "==", "value": f'"{unread}"',
                "format": self.cf_soft_red})

    # ----------------------------------------------------------------- trend

    def _trend(self) -> None:
        points = sorted(self.result.trend, key=lambda p: p.as_of)
        cols = [_Col("col.check_date", "date", 12), _Col("col.tasks", "int", 10),
                _Col("col.done", "int", 11), _Col("col.overdue", "int", 10),
                _Col("col.missing_update", "int", 11), _Col("col.points_at_stake", "points", 12)]
        rows = [(p.as_of, p.tasks, p.done, p.overdue, p.missing_update, p.points_at_stake)
                for p in points]
        ws, first = self._list_sheet(
            "sheet.trend", "DienBien", self.t("title.trend"),
            self._as_of_line("line.checks", len(points)), cols, rows, "")
        last = first + len(rows) - 1
        sheet = self.t("sheet.trend")
        chart = self.wb.add_chart({"type": "line"})
        for col, colour in ((2, "#70AD47"), (3, "#C00000"), (4, "#ED7D31")):
            chart.add_series({
                "name": [sheet, HEADER_ROW, col],
                "categories": [sheet, first, 0, last, 0],
                "values": [sheet, first, col, last, col],
                "line": {"color": colour, "width": 2.25},
                "marker": {"type": "circle", "size": 5,
                           "fill": {"color": colour}, "border": {"color": colour}},
            })
        chart.add_series({
            "name": [sheet, HEADER_ROW, 5],
            "categories": [sheet, first, 0, last, 0],
            "values": [sheet, first, 5, last, 5],
            "line": {"color": "#5B9BD5", "width": 2.25, "dash_type": "dash"},
            "y2_axis": True,
        })
        chart.set_title({"name": self.t("chart.trend"), "name_font": self._chart_font(12, True)})
        chart.set_x_axis({"date_axis": True, "num_format": "dd/mm", "num_font": self._chart_font(9),
                          "major_unit": 7, "major_unit_type": "days"})
        chart.set_y_axis({"name": self.t("chart.axis.tasks"), "name_font": self._chart_font(9),
                          "num_font": self._chart_font(9), "num_format": "0",
                          "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
        chart.set_y2_axis({"name": self.t("chart.axis.points"), "name_font": self._chart_font(9),
                           "num_font": self._chart_font(9), "num_format": "0.#"})
        chart.set_legend({"position": "bottom", "font": self._chart_font(10)})
        chart.set_size({"width": 720, "height": 320})
        ws.insert_chart(last + 2, 0, chart, {"x_offset": 2, "y_offset": 6, "object_position": 1})


# task-list columns: label key, kind, min width, max width (characters of Times New Roman 12)
SOURCE = _Col("col.source", "text", 10, 18)
NUMBER = _Col("col.number", "id", 5, 6)
CRITERIA = _Col("col.criteria", "wrap", 7, 10)
TASK = _Col("col.task", "wrap", 26, 42)
LEAD = _Col("col.lead", "wrap", 13, 22)
SUPPORT = _Col("col.support", "wrap", 12, 18)
DEADLINE = _Col("col.deadline", "wrap", 10, 15)
DUE = _Col("col.due", "date", 11, 11)
STATUS = _Col("col.status", "wrap", 11, 15)
PROGRESS = _Col("col.progress", "pct", 8, 8)
UPDATED = _Col("col.updated", "date", 11, 11)
DAYS_OVERDUE = _Col("col.days_overdue", "int", 8, 8)
DAYS_LEFT = _Col("col.days_left", "int", 8, 8)
FLAGS = _Col("col.flags", "wrap", 14, 24)
NEEDS = _Col("col.needs", "wrap", 16, 26)
RESULT = _Col("col.result", "wrap", 16, 32)
EVIDENCE = _Col("col.evidence", "wrap", 14, 26)


def _short_name(item: Criterion, limit: int = 26) -> str:
    name = item.name
    if len(name) > limit:
        name = name[: limit - 1].rstrip(" ,;-–") + "…"
    code = item.shown_code
    return (f"{code}. {name}" if code else name) if name else code or item.ref
