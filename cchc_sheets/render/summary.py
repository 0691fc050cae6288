"""The summary workbook of the weekly check (contract §5.1), written with XlsxWriter.

One call, :func:`write_summary`, turns a :class:`~cchc_sheets.model.CheckResult` into an
``.xlsx`` meant to be e-mailed and printed by a commune officer:

* sheets in this order: Tổng quan, Quá hạn, Sắp đến hạn, Thiếu cập nhật, Tiêu chí yếu,
  Tất cả nhiệm vụ, Lỗi dữ liệu (and Diễn biến when the check history has weeks, Cách đọc tệp
  when the plan was read with its reading report);
* every list is an Excel table with filter buttons, a frozen header and the source cell of each
  row; an empty list is one line saying so;
* A4 landscape, one page wide, header row repeated, footer "Trang 1/3", Times New Roman;
* officer text is always written as text (``write_string``), never as a formula or a link;
* the same result and as-of date give the same bytes.

The columns of every list are declared once, in :mod:`cchc_sheets.render.summary_columns`; the shared
look in :mod:`cchc_sheets.render.xlsx_style`; writing long lists fast in :mod:`cchc_sheets.render.listsheet`
(and :mod:`cchc_sheets.render.fastsheet`). This module is the layout. Every word comes from
:mod:`cchc_sheets.render.labels`; numbers and dates are real values with number formats, so Excel
shows them in the reader's locale (``81,5`` in Vietnamese).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, NamedTuple

from xlsxwriter.exceptions import XlsxWriterException
from xlsxwriter.workbook import Workbook

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
from cchc_sheets.model import CheckResult, Criterion, Problem, Task, UnitSummary
from cchc_sheets.pause import no_cyclic_gc
from cchc_sheets.read.reading import (
    Reading,
    column_read_as,
    left_out_text,
    reading_line,
    year_place,
)
from cchc_sheets.render import summary_columns as columns
from cchc_sheets.render.fastsheet import SummaryWorkbook
from cchc_sheets.render.labels import LANGS, index_name, label
from cchc_sheets.render.listsheet import (
    LINE_HEIGHT,
    Shown,
    column_widths,
    header_height,
    line_count,
    table_rows,
    write_body,
)
from cchc_sheets.render.properties import write_properties
from cchc_sheets.render.summary_columns import Column, Context, Words
from cchc_sheets.render.xlsx_style import (
    DATE_FORMAT,
    FONT,
    FONT_SIZE,
    POINTS_FORMAT,
    SummaryFormats,
    a4_landscape,
    footer_font,
    text_only_options,
)
from cchc_sheets.text import day, fold, number, shown_name

__all__ = ["write_summary", "MISSING_UPDATE_FLAGS", "summary_figures"]

# list sheets: title, line under it, a note, then the table header
HEADER_ROW = 3
OVERVIEW_ONE_PAGE_UNITS = 15  # up to this many units the overview prints on one page
OVERVIEW_PRINT_COLS = 9  # A:I hold the title, the boxes, the unit table and the charts
WIDTH_SAMPLE = 400  # units looked at to size the overview's first column
LIST_BUDGET = 150.0  # total width of a list, in characters: about 80 % print scale on A4
WIDE_LIST_BUDGET = 180.0  # "Tất cả nhiệm vụ", 15 columns
MARGINS = (0.4, 0.4, 0.55, 0.6)  # left, right, top, bottom (inches)


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
        **text_only_options(),
        # no theme scheme: Excel would otherwise show the theme's font (Calibri) in its place
        "default_format_properties": {"font_name": FONT, "font_size": FONT_SIZE,
                                      "font_scheme": "none"},
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


# --------------------------------------------------------------------------- writer


class Listed(NamedTuple):
    """A list sheet as written: its worksheet, first data row, rows and column widths."""

    ws: Any
    first: int
    rows: int
    widths: list[float]

    @property
    def last(self) -> int:
        return self.first + self.rows - 1


class _SummaryBase:
    """The layout of a list sheet and of key-figure boxes, shared with the roll-up."""

    lang: str
    wb: Any
    f: SummaryFormats
    as_of_text: str
    context: Words  # what the column getters need besides their item

    def t(self, key: str, **args: Any) -> str:
        return label(key, self.lang, **args)

    def _columns(self, declared: Sequence[Column], items: Sequence[Any],
                 ) -> tuple[list[Column], list[Shown], list[tuple[Any, ...]]]:
        """The columns of ``declared`` shown in this workbook, as laid out, and the rows of
        ``items`` under them."""
        cols = columns.shown(declared, self.context)
        rows = table_rows([c.get for c in cols], items, self.context)
        return cols, columns.laid_out(cols, self.context), rows

    def _page_setup(self, ws: Any, header_row: int | None) -> None:
        font = footer_font()
        a4_landscape(ws, margins=MARGINS, header_row=header_row, footer=(
            f"&L{font}&A&C{font}{self.t('footer.page')}"
            f"&R{font}{self.t('footer.as_of', date=self.as_of_text)}"),
            footer_options={"margin": 0.3})

    def _title_rows(self, ws: Any, ncols: int, title: str, line: str, note: str = "") -> None:
        ws.set_row(0, 24)
        for row, text, fmt in ((0, title, self.f.title), (1, line, self.f.line),
                               (2, note, self.f.note)):
            if not text:
                continue
            if ncols > 1:
                ws.merge_range(row, 0, row, ncols - 1, "", fmt)
            ws.write_string(row, 0, text, fmt)

    def _table(self, ws: Any, header: int, cols: Sequence[Shown], rows: Sequence[Sequence[Any]],
               widths: Sequence[float], name: str, header_widths: Sequence[float] = ()) -> int:
        """An Excel table at ``header`` over ``rows`` (widths already set); returns its last
        row. ``header_widths`` size the header row when they differ from ``widths``."""
        first = header + 1
        write_body(ws, first, [c.kind for c in cols], rows, widths, self.f.of_kind,
                   self.f.cf_grid)
        header_height(ws, header, [c.header for c in cols], header_widths or widths)
        last = first + len(rows) - 1
        ws.add_table(header, 0, last, len(cols) - 1, {
            "name": name,
            "style": "Table Style Light 1",
            "autofilter": True,
            "columns": [{"header": c.header, "header_format": self.f.header} for c in cols],
        })
        return last

    def _list_sheet(self, name_key: str, table_name: str, title: str, line: str,
                    cols: Sequence[Shown], rows: Sequence[Sequence[Any]], empty: str,
                    note: str = "", budget: float = LIST_BUDGET) -> Listed:
        """A sheet holding one list as an Excel table under its title rows."""
        ws = self.wb.add_worksheet(self.t(name_key))
        widths = column_widths(cols, rows, budget)
        for j, width in enumerate(widths):
            ws.set_column(j, j, width)
        if not rows:
            self._page_setup(ws, None)
            self._title_rows(ws, len(cols), title, line)
            ws.write_string(HEADER_ROW, 0, empty, self.f.empty)
            return Listed(ws, HEADER_ROW + 1, 0, widths)
        self._page_setup(ws, HEADER_ROW)
        self._title_rows(ws, len(cols), title, line, note)
        self._table(ws, HEADER_ROW, cols, rows, widths, table_name)
        ws.freeze_panes(HEADER_ROW + 1, 0)
        return Listed(ws, HEADER_ROW + 1, len(rows), widths)

    def _boxes(self, ws: Any, row: int, boxes: Sequence[tuple[str, str, str, Any]],
               first_format: Any = None) -> int:
        ws.set_row(row, 33)
        ws.set_row(row + 1, 30)
        for col, (text, colour, kind, value) in enumerate(boxes):
            ws.write_string(row, col, text, self.f.box_label[colour])
            fmt = self.f.box_value[(colour, kind)]
            if first_format is not None and col == 0:
                fmt = first_format
            if value is None:
                ws.write_string(row + 1, col, "—", self.f.box_value[(colour, "text")])
            else:
                ws.write_number(row + 1, col, value, fmt)
        return row + 2

    def _shade(self, ws: Any, first: int, last: int, col: int, fmt: Any,
               criteria: str = ">", value: Any = 0) -> None:
        """``fmt`` on the cells of column ``col`` from ``first`` to ``last`` that pass."""
        if last >= first:
            ws.conditional_format(first, col, last, col, {"type": "cell", "criteria": criteria,
                                                          "value": value, "format": fmt})


class _SummaryWriter(_SummaryBase):
    """Builds the sheets of one summary from one check result."""

    context: Context

    def __init__(self, result: CheckResult, lang: str, workbook: Workbook) -> None:
        self.result = result
        self.lang = lang
        self.wb = workbook
        self.context = Context.of(result, lang)
        self.figures = summary_figures(result)
        self.as_of_text = day(result.as_of, lang)
        self.source_name = shown_name(result.plan.source)
        self._sheet_order = {sheet: i for i, sheet in enumerate(
            dict.fromkeys([*result.plan.task_sheets, *(t.sheet for t in result.tasks)]))}
        self.f = SummaryFormats(workbook)

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
        write_properties(self.wb, self.figures, result.as_of, result.plan_year,
                         self.source_name, self.lang, result.plan.index,
                         commune=result.plan.commune)
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

    # ----------------------------------------------------------------- Tổng quan

    def _overview(self, title: str) -> None:
        result = self.result
        figures = self.figures
        ws = self.wb.add_worksheet(self.t("sheet.overview"))
        ncols = 7
        unit_width = max([24.0] + [min(len(columns.unit_name(u, self.context)) * 0.95 + 2, 38.0)
                                   for u in result.units[:WIDTH_SAMPLE]])
        ws.set_column(0, 0, unit_width)
        ws.set_column(1, ncols - 1, 13)
        widths = [unit_width] + [13.0] * (ncols - 1)
        ws.set_column(ncols, ncols + 1, 9)

        row = 0
        ws.set_row(row, 24)
        ws.merge_range(row, 0, row, OVERVIEW_PRINT_COLS - 1, "", self.f.title_center)
        ws.write_string(row, 0, title, self.f.title_center)
        row += 1
        if result.plan.title:
            ws.merge_range(row, 0, row, OVERVIEW_PRINT_COLS - 1, "", self.f.line_center)
            ws.write_string(row, 0, result.plan.title, self.f.line_center)
            row += 1
        line = self._as_of_line()
        if result.plan.scores_source is not None:
            line += self.t("line.scores", source=shown_name(result.plan.scores_source))
        ws.merge_range(row, 0, row, OVERVIEW_PRINT_COLS - 1, "", self.f.line_center)
        ws.write_string(row, 0, line, self.f.line_center)
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
            ws.write_string(row, 0, self.t("empty.scores"), self.f.empty)
            row += 1
        row += 1

        # per-unit table
        ws.set_row(row, 20)
        ws.write_string(row, 0, self.t("section.units"), self.f.section)
        row += 1
        units = sorted(result.units, key=lambda u: (-u.overdue, -u.missing_update,
                                                    fold(u.unit), u.unit))
        units_first = row + 1  # (the table's first data row)
        if not units:
            ws.write_string(row, 0, self.t("empty.units"), self.f.empty)
            row += 2
        else:
            row = self._unit_table(ws, row, units, widths)
        end = self._charts(ws, row, units, units_first)
        self._page_setup(ws, None)
        if len(units) <= OVERVIEW_ONE_PAGE_UNITS:
            ws.fit_to_pages(1, 1)  # the overview is the one page handed to the chairman
        ws.center_horizontally()
        # print only what is shown: the helper columns of the charts are hidden, to the right
        ws.print_area(0, 0, end, OVERVIEW_PRINT_COLS - 1)

    def _unit_table(self, ws: Any, header: int, units: Sequence[UnitSummary],
                    widths: Sequence[float]) -> int:
        """The per-unit table with its header at ``header``, in the overview's ``widths``;
        returns the row after it."""
        cols, shown, rows = self._columns(columns.UNITS, units)
        last = self._table(ws, header, shown, rows, widths, "DonVi")
        first = header + 1
        self._shade(ws, first, last, columns.index_of(cols, "overdue"), self.f.cf_soft_red)
        self._shade(ws, first, last, columns.index_of(cols, "missing_update"),
                    self.f.cf_soft_orange)
        return last + 2

    def _charts(self, ws: Any, row: int, units: Sequence[UnitSummary], units_first: int) -> int:
        """The two charts side by side from ``row``; returns the last row they cover. The
        per-unit table's rows start at ``units_first``; hidden columns beside them hold the
        series."""
        areas = self._area_losses()
        if not units and not areas:
            return row
        ws.set_row(row, 20)
        ws.write_string(row, 0, self.t("section.charts"), self.f.section)
        row += 1
        sheet = self.t("sheet.overview")
        data_col = 12  # hidden helper columns for the chart series
        height = 320
        placed = 0
        if units:
            first, last = units_first, units_first + len(units) - 1
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
            chart.set_title({"name": self.t("chart.units"), "name_font": self.f.chart_font(12, True)})
            # worst unit on top, value axis at the bottom
            chart.set_y_axis({"reverse": True, "crossing": "max",
                              "num_font": self.f.chart_font(10)})
            chart.set_x_axis({"num_font": self.f.chart_font(9), "major_gridlines": {
                "visible": True, "line": {"color": "#D9D9D9"}}, "num_format": "0",
                "name": self.t("chart.axis.tasks"), "name_font": self.f.chart_font(9)})
            chart.set_legend({"position": "bottom", "font": self.f.chart_font(10)})
            chart.show_hidden_data()
            chart.set_size({"width": 500, "height": height})
            ws.insert_chart(row, 0, chart, {"x_offset": 2, "y_offset": 6, "object_position": 1})
            placed += 1
        if areas:
            top = units_first if units else row
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
            chart.set_title({"name": self.t("chart.areas"), "name_font": self.f.chart_font(12, True)})
            chart.set_x_axis({"num_font": self.f.chart_font(9)})
            chart.set_y_axis({"num_font": self.f.chart_font(9), "num_format": "0.#",
                              "name": self.t("chart.axis.points"),
                              "name_font": self.f.chart_font(9),
                              "major_gridlines": {"visible": True,
                                                  "line": {"color": "#D9D9D9"}}})
            chart.set_legend({"position": "bottom", "font": self.f.chart_font(10)})
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

    def _task_list(self, name_key: str, table_name: str, title: str, declared: Sequence[Column],
                   tasks: Sequence[Task], empty: str, note: str = "",
                   budget: float = LIST_BUDGET) -> tuple[list[Column], Listed]:
        cols, shown, rows = self._columns(declared, tasks)
        listed = self._list_sheet(name_key, table_name, title,
                                  self._as_of_line("line.tasks", len(tasks)), shown, rows,
                                  empty, note, budget)
        return cols, listed

    def _days_overdue_colours(self, listed: Listed, col: int) -> None:
        for criteria, value, fmt in (("between", (1, 7), self.f.cf_yellow),
                                     ("between", (8, 30), self.f.cf_orange),
                                     (">", 30, self.f.cf_red)):
            rule: dict[str, Any] = {"type": "cell", "criteria": criteria, "format": fmt}
            if isinstance(value, tuple):
                rule["minimum"], rule["maximum"] = value
            else:
                rule["value"] = value
            listed.ws.conditional_format(listed.first, col, listed.last, col, rule)

    def _overdue(self) -> None:
        tasks = sorted((t for t in self.result.tasks if "overdue" in t.flags),
                       key=lambda t: (-(t.days_overdue or 0), self._task_order(t)))
        cols, listed = self._task_list(
            "sheet.overdue", "QuaHan", self.t("title.overdue"), columns.OVERDUE, tasks,
            self.t("empty.overdue"), self.t("line.overdue_colours"))
        if listed.rows:
            self._days_overdue_colours(listed, columns.index_of(cols, "days_overdue"))

    def _due_soon(self) -> None:
        tasks = sorted((t for t in self.result.tasks if "due-soon" in t.flags),
                       key=lambda t: (t.deadline.due or date.max, self._task_order(t)))
        days = self.result.thresholds.due_soon_days
        self._task_list("sheet.due_soon", "SapDenHan", self.t("title.due_soon", days=days),
                        columns.DUE_SOON, tasks, self.t("empty.due_soon", days=days))

    def _missing(self) -> None:
        missing = self.context.missing
        tasks = sorted((t for t in self.result.tasks if not missing.isdisjoint(t.flags)),
                       key=self._task_order)
        self._task_list("sheet.missing", "ThieuCapNhat", self.t("title.missing"),
                        columns.MISSING, tasks, self.t("empty.missing"),
                        self.t("line.missing_help"))

    def _all_tasks(self) -> None:
        tasks = sorted(self.result.tasks, key=self._task_order)
        cols, listed = self._task_list(
            "sheet.all", "TatCaNhiemVu", self.t("title.all"), columns.ALL_TASKS, tasks,
            self.t("empty.all"), budget=WIDE_LIST_BUDGET)
        if listed.rows:
            self._days_overdue_colours(listed, columns.index_of(cols, "days_overdue"))

    # ----------------------------------------------------------------- criteria

    def _weak(self) -> None:
        result = self.result
        by_code = {c.code: c for c in result.criteria}
        items: list[Criterion] = [by_code[code] for code in result.weak_criteria
                                  if code in by_code]
        cols, shown, rows = self._columns(columns.WEAK, items)
        last = result.last_year
        title = (self.t("title.weak.year", year=last) if last else self.t("title.weak"))
        empty = self.t("empty.weak") if result.criteria else self.t("empty.weak.no_scores")
        listed = self._list_sheet(
            "sheet.weak", "TieuChiYeu", title,
            self._as_of_line("line.criteria", len(items)), shown, rows, empty,
            self.t("line.weak_help"))
        if rows:
            col = columns.index_of(cols, "lost")
            listed.ws.conditional_format(listed.first, col, listed.last, col, {
                "type": "data_bar", "bar_color": "#F4B183", "bar_solid": True,
                "min_type": "num", "min_value": 0, "bar_border_color": "#C55A11"})

    # ----------------------------------------------------------------- problems

    def _problems(self) -> None:
        cols, shown, rows = self._columns(columns.PROBLEMS, _all_problems(self.result))
        errors, warnings = self.figures.errors, self.figures.warnings
        line = self._as_of_line() + " · " + self.t("line.problems", errors=errors,
                                                    warnings=warnings)
        listed = self._list_sheet(
            "sheet.problems", "LoiDuLieu", self.t("title.problems"), line, shown, rows,
            self.t("empty.problems"))
        if rows:
            self._shade(listed.ws, listed.first, listed.last, columns.index_of(cols, "severity"),
                        self.f.cf_soft_red, "==", '"' + self.t("severity.error") + '"')

    # ----------------------------------------------------------------- reading

    def _reading(self, reading: Reading) -> None:
        """"Cách đọc tệp": the plan year and its cell, each table, each column and what it
        was read as, each row left out (contract §8)."""
        lines = _reading_lines(reading, self.context)
        cols, shown, rows = self._columns(columns.READING, lines)
        line = reading_line(reading, self.lang, self.result.last_year)
        listed = self._list_sheet(
            "sheet.reading", "CachDocTep", self.t("title.reading"), line, shown, rows, "",
            self.t("line.reading_help"))
        # the line is the terminal's, often longer than the page is wide: wrapped in its row
        wrap = self.wb.add_format({"valign": "top", "text_wrap": True})
        listed.ws.write_string(1, 0, line, wrap)
        width = sum(listed.widths) if rows else 80.0
        listed.ws.set_row(1, LINE_HEIGHT * line_count(line, width) + 2)
        if rows:
            unread = self.t("reading.reason.not-understood")
            self._shade(listed.ws, listed.first, listed.last, columns.index_of(cols, "read_as"),
                        self.f.cf_soft_red, "==", f'"{unread}"')

    # ----------------------------------------------------------------- trend

    def _trend(self) -> None:
        points = sorted(self.result.trend, key=lambda p: p.as_of)
        cols, shown, rows = self._columns(columns.TREND, points)
        listed = self._list_sheet(
            "sheet.trend", "DienBien", self.t("title.trend"),
            self._as_of_line("line.checks", len(points)), shown, rows, "")
        first, last, ws = listed.first, listed.last, listed.ws
        done, overdue, missing, stake = (columns.index_of(cols, key) for key in (
            "done", "overdue", "missing_update", "points_at_stake"))
        sheet = self.t("sheet.trend")
        chart = self.wb.add_chart({"type": "line"})
        for col, colour in ((done, "#70AD47"), (overdue, "#C00000"), (missing, "#ED7D31")):
            chart.add_series({
                "name": [sheet, HEADER_ROW, col],
                "categories": [sheet, first, 0, last, 0],
                "values": [sheet, first, col, last, col],
                "line": {"color": colour, "width": 2.25},
                "marker": {"type": "circle", "size": 5,
                           "fill": {"color": colour}, "border": {"color": colour}},
            })
        chart.add_series({
            "name": [sheet, HEADER_ROW, stake],
            "categories": [sheet, first, 0, last, 0],
            "values": [sheet, first, stake, last, stake],
            "line": {"color": "#5B9BD5", "width": 2.25, "dash_type": "dash"},
            "y2_axis": True,
        })
        chart.set_title({"name": self.t("chart.trend"), "name_font": self.f.chart_font(12, True)})
        chart.set_x_axis({"date_axis": True, "num_format": "dd/mm", "num_font": self.f.chart_font(9),
                          "major_unit": 7, "major_unit_type": "days"})
        chart.set_y_axis({"name": self.t("chart.axis.tasks"), "name_font": self.f.chart_font(9),
                          "num_font": self.f.chart_font(9), "num_format": "0",
                          "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
        chart.set_y2_axis({"name": self.t("chart.axis.points"), "name_font": self.f.chart_font(9),
                           "num_font": self.f.chart_font(9), "num_format": "0.#"})
        chart.set_legend({"position": "bottom", "font": self.f.chart_font(10)})
        chart.set_size({"width": 720, "height": 320})
        ws.insert_chart(last + 2, 0, chart, {"x_offset": 2, "y_offset": 6, "object_position": 1})




def _reading_lines(reading: Reading, context: Context) -> list[tuple[str, str, str, str]]:
    """The lines of "Cách đọc tệp": (what, where, the text read, what it was read as)."""
    lang, t = context.lang, context.t
    rows: list[tuple[str, str, str, str]] = []
    year = reading.plan_year
    if year.year is not None:
        place = year_place(reading, lang)
        cell = f"{year.sheet}!{year.cell}" if year.cell else (year.sheet or "")
        rows.append((t("reading.item.year"), cell, year.text,
                     f"{year.year}" + (f" — {place}" if place else "")))
    scores = {(s.file, s.sheet, s.letter): s for s in reading.scores}
    for table in reading.tables:
        prefix = f"{table.file}: " if table.file else ""
        counts = t("reading.line.read", where="", tasks=table.tasks,
                   criteria=table.criteria).split(": ", 1)[-1]
        counts += t("reading.line.areas", areas=table.areas) if table.areas else ""
        rows.append((t("reading.item.table"), prefix + table.ref,
                     t("reading.kind." + table.kind), counts))
        for column in reading.columns:
            if column.sheet == table.sheet and column.file == table.file:
                rows.append((t("reading.item.column"), f"{prefix}{column.sheet}!{column.cell}",
                             column.header, column_read_as(column, scores, lang)))
    for item in reading.left_out:
        prefix = f"{item.file}: " if item.file else ""
        where = item.cell or (str(item.row) if item.row else "")
        rows.append((t("reading.item.left_out" if item.row else "reading.item.sheet"),
                     prefix + (f"{item.sheet}!{where}" if where else item.sheet),
                     item.text, left_out_text(item, lang)))
    return rows


def _short_name(item: Criterion, limit: int = 26) -> str:
    name = item.name
    if len(name) > limit:
        name = name[: limit - 1].rstrip(" ,;-–") + "…"
    code = item.shown_code
    return (f"{code}. {name}" if code else name) if name else code or item.ref
