"""The roll-up workbook (contract §9), in the summary's look.

Sheets: Toàn tỉnh (key figures, the ten communes needing most attention, a chart), Xếp hạng xã
(every commune, worst first), Tiêu chí (criteria losing points across communes, then a heat map
commune × area), Tệp lỗi (files left out and notes). The formats, page setup, column widths and
row heights are the summary's own (:mod:`cchc_sheets.render.summary`, :mod:`cchc_sheets.render.xlsx_style`);
each list's columns are declared once below (:class:`~cchc_sheets.summary_columns.Column`); the
workbook carries the custom
property ``cchc_rollup``, by which a later roll-up recognises and skips it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from cchc_sheets.deliver.atomic import atomic_output
from cchc_sheets.pause import no_cyclic_gc
from cchc_sheets.province.rollup import ROLLUP_PROPERTY, SCHEMA, CommuneFigures, Rollup, file_kind
from cchc_sheets.render.fastsheet import SummaryWorkbook
from cchc_sheets.render.labels import LANGS
from cchc_sheets.render.listsheet import MAX_WIDTH, column_widths, header_height
from cchc_sheets.render.summary import HEADER_ROW, _close, _SummaryBase, _workbook_options
from cchc_sheets.render.summary_columns import Column, Words, index_of
from cchc_sheets.render.xlsx_style import SummaryFormats
from cchc_sheets.text import day

__all__ = ["default_rollup_name", "is_rollup_workbook", "write_rollup"]

WORST = 10
AREA_NAME_CHARS = 48


@dataclass(frozen=True)
class _Context(Words):
    """What the roll-up's column getters need besides their item."""

    rollup: Rollup


def _col(key: str, width: tuple[float, float], get: Any, kind: str) -> Column:
    return Column(key, "col." + key, width, get, kind)


def _with_scores(c: _Context) -> bool:
    return c.rollup.scores is not None


# "Toàn tỉnh": the ten communes needing most attention (widths: the sheet's columns)
WORST_COLUMNS = (
    _col("commune", (20, MAX_WIDTH), lambda x, c: x.commune, "wrap"),
    _col("tasks", (9, MAX_WIDTH), lambda x, c: x.tasks, "int"),
    _col("done_ratio", (9, MAX_WIDTH), lambda x, c: x.done_ratio, "pct"),
    _col("overdue", (9, MAX_WIDTH), lambda x, c: x.overdue, "int"),
    _col("due_soon", (9, MAX_WIDTH), lambda x, c: x.due_soon, "int"),
    _col("missing_update", (9, MAX_WIDTH), lambda x, c: x.missing_update, "int"),
    _col("lost", (9, MAX_WIDTH), lambda x, c: x.points_lost, "points"),
)
# "Xếp hạng xã": every commune, worst first
COMMUNE_COLUMNS = (
    _col("number", (5, 7), None, "int"),
    _col("commune", (18, 30), lambda x, c: x.commune, "wrap"),
    _col("tasks", (9, MAX_WIDTH), lambda x, c: x.tasks, "int"),
    _col("done_ratio", (9, MAX_WIDTH), lambda x, c: x.done_ratio, "pct"),
    _col("overdue", (8, MAX_WIDTH), lambda x, c: x.overdue, "int"),
    _col("due_soon", (8, MAX_WIDTH), lambda x, c: x.due_soon, "int"),
    _col("missing_update", (9, MAX_WIDTH), lambda x, c: x.missing_update, "int"),
    _col("lost", (8, MAX_WIDTH), lambda x, c: x.points_lost, "points"),
    _col("weak", (8, MAX_WIDTH), lambda x, c: x.weak, "int"),
    _col("uncovered", (10, MAX_WIDTH), lambda x, c: x.uncovered, "int"),
    _col("as_of", (11, MAX_WIDTH), lambda x, c: x.as_of, "date"),
    _col("kind", (10, 16), lambda x, c: c.t(f"kind.{x.kind}"), "wrap"),
    _col("file", (16, 40), lambda x, c: x.file, "wrap"),
    Column("province_points", "col.province_points", (9, MAX_WIDTH),
           lambda x, c: x.province.total if x.province else None, "points", when=_with_scores),
    Column("province_index", "col.province_index", (8, MAX_WIDTH),
           lambda x, c: x.province.index if x.province else None, "points", when=_with_scores),
    Column("province_rank", "col.province_rank", (8, MAX_WIDTH),
           lambda x, c: x.province.rank if x.province else None, "int", when=_with_scores),
)
# "Tiêu chí": criteria losing points across communes
CRITERION_COLUMNS = (
    _col("code", (7, 10), lambda x, c: x.code, "id"),
    _col("criterion", (24, 40), lambda x, c: x.name, "wrap"),
    _col("communes_lost", (9, MAX_WIDTH), lambda x, c: x.communes_lost, "int"),
    _col("lost_mean", (9, MAX_WIDTH), lambda x, c: x.lost_mean, "points"),
    _col("lost_total", (9, MAX_WIDTH), lambda x, c: x.lost_total, "points"),
    _col("communes_uncovered", (9, MAX_WIDTH), lambda x, c: x.communes_uncovered, "int"),
)
# "Tệp lỗi": files left out and notes
FILE_COLUMNS = (
    _col("file", (18, 45), lambda p, c: p.file, "wrap"),
    _col("severity", (9, MAX_WIDTH), lambda p, c: c.t(f"severity.{p.severity}"), "text"),
    Column("code", "col.problem_code", (12, 26), lambda p, c: p.code, "text"),
    _col("message", (40, 80), lambda p, c: p.message(c.lang), "wrap"),
)


def default_rollup_name(as_of_iso: str) -> str:
    return f"tong-hop-toan-tinh-{as_of_iso}.xlsx"


def is_rollup_workbook(path: Path) -> bool:
    """True for a workbook an earlier roll-up wrote (it may be replaced)."""
    return file_kind(Path(path)) == "rollup"


def write_rollup(rollup: Rollup, output: Path, lang: str = "vi",
                 inputs: Sequence[Path] = ()) -> Path:
    """Write the roll-up workbook to ``output`` atomically; return ``output``."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, not {lang!r}")
    output = Path(output)
    scores = rollup.scores.path if rollup.scores else None
    with atomic_output(output, scores, *[p for p in inputs if p.is_file()],
                       may_replace=is_rollup_workbook) as temp, no_cyclic_gc():
        tasks = sum(len(c.areas) + 1 for c in rollup.communes)
        workbook = SummaryWorkbook(str(temp), _workbook_options(tasks))
        try:
            _RollupWriter(rollup, lang, workbook).write()
        except BaseException:
            workbook.fileclosed = True
            raise
        _close(workbook, output)
    return output


class _RollupWriter(_SummaryBase):
    """The summary's formats and list sheets, over a roll-up instead of a check."""

    def __init__(self, rollup: Rollup, lang: str, workbook: Any) -> None:  # noqa: D107
        self.rollup = rollup
        self.lang = lang
        self.wb = workbook
        self.context = _Context(lang, rollup)
        self.as_of_text = day(rollup.as_of)
        self.f = SummaryFormats(workbook)
        for (_, kind), fmt in self.f.box_value.items():
            if kind == "int":  # province totals run to tens of thousands: 90.655
                fmt.set_num_format("#,##0")
        self.f_line_wrap = workbook.add_format({"align": "center", "valign": "vcenter",
                                                "italic": True, "text_wrap": True})

    def write(self) -> None:
        rollup = self.rollup
        title = self.t("title.rollup")
        self.wb.set_properties({
            "title": title,
            "subject": self.t("doc.rollup_subject"),
            "author": "cchc-sheets",
            "comments": self._line(),
            "created": datetime(rollup.as_of.year, rollup.as_of.month, rollup.as_of.day,
                                tzinfo=timezone.utc),
        })
        for name, value in ((ROLLUP_PROPERTY, SCHEMA),
                            ("cchc_rollup_as_of", rollup.as_of.isoformat()),
                            ("cchc_communes", len(rollup.communes)),
                            ("cchc_lang", self.lang)):
            self.wb.set_custom_property(name, value)
        self._overview(title)
        self._communes()
        self._criteria()
        self._files()

    # ----------------------------------------------------------------- helpers

    def _line(self) -> str:
        rollup = self.rollup
        text = self.t("line.rollup", date=self.as_of_text, communes=len(rollup.communes),
                      files=rollup.files)
        if rollup.left_out:
            text += self.t("line.rollup.left_out", count=len(rollup.left_out))
        ignored = sum(rollup.ignored.values())
        if ignored:
            text += self.t("line.rollup.ignored", count=ignored)
        if rollup.scores is not None:
            text += self.t("line.scores", source=rollup.scores.path.name)
        return text

    # ----------------------------------------------------------------- Toàn tỉnh

    def _overview(self, title: str) -> None:
        rollup = self.rollup
        communes = rollup.communes
        ws = self.wb.add_worksheet(self.t("sheet.rollup.overview"))
        ncols = 7
        widths = [30.0] + [14.0] * (ncols - 1)
        for j, width in enumerate(widths):
            ws.set_column(j, j, width)
        row = 0
        ws.set_row(row, 42)
        ws.merge_range(row, 0, row, ncols - 1, "", self.f.title_center)
        ws.write_string(row, 0, title, self.f.title_center)
        row += 1
        ws.merge_range(row, 0, row, ncols - 1, "", self.f_line_wrap)
        ws.write_string(row, 0, self._line(), self.f_line_wrap)
        ws.set_row(row, 36)
        row += 2
        tasks = sum(c.tasks for c in communes)
        done = sum(c.done for c in communes)
        overdue = sum(c.overdue for c in communes)
        missing = sum(c.missing_update for c in communes)
        losses = [c.points_lost for c in communes if c.points_lost is not None]
        lost_mean = round(sum(losses) / len(losses), 2) if losses else None
        boxes: list[tuple[str, str, str, Any]] = [
            (self.t("box.communes"), "blue", "int", len(communes)),
            (self.t("box.tasks"), "blue", "int", tasks),
            (self.t("box.done_ratio"), "green", "pct", done / tasks if tasks else None),
            (self.t("box.overdue"), "red" if overdue else "green", "int", overdue),
            (self.t("box.missing"), "orange" if missing else "green", "int", missing),
            (self.t("box.lost_mean"), "red" if lost_mean else "grey", "points", lost_mean),
            (self.t("box.files_left_out"), "red" if rollup.left_out else "green", "int",
             len(rollup.left_out)),
        ]
        row = self._boxes(ws, row, boxes) + 1
        ws.set_row(row, 20)
        ws.write_string(row, 0, self.t("section.worst"), self.f.section)
        row += 1
        worst = communes[:WORST]
        if not worst:
            ws.write_string(row, 0, self.t("empty.communes"), self.f.empty)
            self._page_setup(ws, None)
            return
        cols, shown, rows = self._columns(WORST_COLUMNS, worst)
        header = row
        # (the header row less the filter button's room)
        last = self._table(ws, header, shown, rows, widths, "MuoiXa",
                           header_widths=[w - 2.5 for w in widths])
        self._shade(ws, header + 1, last, index_of(cols, "overdue"), self.f.cf_soft_red)
        self._shade(ws, header + 1, last, index_of(cols, "missing_update"),
                    self.f.cf_soft_orange)
        end = self._chart(ws, last + 2, worst, header + 1)
        self._page_setup(ws, None)
        ws.fit_to_pages(1, 1)
        ws.center_horizontally()
        ws.print_area(0, 0, end, ncols - 1)

    def _chart(self, ws: Any, row: int, worst: Sequence[CommuneFigures], first: int) -> int:
        sheet = self.t("sheet.rollup.overview")
        data_col = 12
        last = first + len(worst) - 1
        for i, c in enumerate(worst):
            ws.write_number(first + i, data_col, c.done)
            ws.write_number(first + i, data_col + 1, c.overdue)
            ws.write_number(first + i, data_col + 2, max(c.tasks - c.done - c.overdue, 0))
        chart = self.wb.add_chart({"type": "bar", "subtype": "stacked"})
        for key, col, colour in (("chart.units.done", data_col, "#70AD47"),
                                 ("chart.units.overdue", data_col + 1, "#C00000"),
                                 ("chart.units.open", data_col + 2, "#5B9BD5")):
            chart.add_series({
                "name": self.t(key),
                "categories": [sheet, first, 0, last, 0],
                "values": [sheet, first, col, last, col],
                "fill": {"color": colour},
                "border": {"color": "#FFFFFF"},
                "gap": 60,
            })
        height = max(300, 90 + 28 * len(worst))
        chart.set_title({"name": self.t("chart.communes"), "name_font": self.f.chart_font(12, True)})
        chart.set_y_axis({"reverse": True, "crossing": "max", "num_font": self.f.chart_font(10)})
        chart.set_x_axis({"num_font": self.f.chart_font(9), "num_format": "0",
                          "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}},
                          "name": self.t("chart.axis.tasks"), "name_font": self.f.chart_font(9)})
        chart.set_legend({"position": "bottom", "font": self.f.chart_font(10)})
        chart.show_hidden_data()
        chart.set_size({"width": 980, "height": height})
        ws.insert_chart(row, 0, chart, {"x_offset": 2, "y_offset": 6, "object_position": 1})
        ws.set_column(data_col, data_col + 2, None, None, {"hidden": True})
        return row + (height + 12) // 21 + 1

    # ----------------------------------------------------------------- Xếp hạng xã

    def _communes(self) -> None:
        rollup = self.rollup
        cols, shown, rows = self._columns(COMMUNE_COLUMNS, rollup.communes)
        listed = self._list_sheet(
            "sheet.rollup.communes", "XaPhuong", self.t("title.rollup.communes"), self._line(),
            shown, rows, self.t("empty.communes"), self.t("line.rollup.order"))
        for key, fmt in (("overdue", self.f.cf_soft_red), ("missing_update", self.f.cf_soft_orange),
                         ("uncovered", self.f.cf_soft_red)):
            self._shade(listed.ws, listed.first, listed.last, index_of(cols, key), fmt)

    # ----------------------------------------------------------------- Tiêu chí

    def _criteria(self) -> None:
        """The criteria list, and beside it (sharing its header row, which prints on every
        page) the heat map commune × area."""
        rollup = self.rollup
        cols, shown, rows = self._columns(CRITERION_COLUMNS, rollup.criteria)
        listed = self._list_sheet(
            "sheet.rollup.criteria", "TieuChi", self.t("title.rollup.criteria"), self._line(),
            shown, rows, self.t("empty.rollup_criteria"))
        widths = column_widths(shown, rows)  # (unbudgeted: the heat map's header row)
        self._heat_map(listed.ws, len(cols) + 1, [c.header for c in shown] if rows else [],
                       widths)

    def _heat_map(self, ws: Any, col0: int, list_headers: list[str],
                  list_widths: list[float]) -> None:
        rollup = self.rollup
        areas = rollup.areas
        communes = [c for c in rollup.communes if c.areas]
        if not areas or not communes:
            return
        ws.write_string(0, col0, self.t("title.rollup.heat"), self.f.title)
        ws.write_string(2, col0, self.t("line.rollup.heat"), self.f.note)
        seen: set[str] = set()
        headers = [self.t("col.number"), self.t("col.commune")]
        for code, name in areas:
            text = f"{code}. {name}" if name else code
            if len(text) > AREA_NAME_CHARS:
                text = text[:AREA_NAME_CHARS - 1].rstrip() + "…"
            while text.casefold() in seen or text in headers:
                text += " "
            seen.add(text.casefold())
            headers.append(text)
        longest = max(len(c.commune) for c in communes[:400])
        widths = [6.0, min(max(longest * 0.95 + 2, 16.0), 30.0)] + [10.0] * len(areas)
        ws.set_column(col0 - 1, col0 - 1, 2)
        for j, width in enumerate(widths):
            ws.set_column(col0 + j, col0 + j, width)
        header = HEADER_ROW
        for i, commune in enumerate(communes):
            row = header + 1 + i
            ws.write_number(row, col0, i + 1, self.f.int)
            ws.write_string(row, col0 + 1, commune.commune, self.f.text)
            for k, (code, _) in enumerate(areas):
                value = commune.areas.get(code)
                if value is None:
                    ws.write_blank(row, col0 + 2 + k, None, self.f.points)
                else:
                    ws.write_number(row, col0 + 2 + k, value, self.f.points)
        last = header + len(communes)
        ws.add_table(header, col0, last, col0 + len(headers) - 1, {
            "name": "NhietDo",
            "style": "Table Style Light 1",
            "autofilter": True,
            "columns": [{"header": h, "header_format": self.f.header} for h in headers],
        })
        ws.conditional_format(header + 1, col0 + 2, last, col0 + len(headers) - 1, {
            "type": "3_color_scale", "min_color": "#FFFFFF", "mid_color": "#FFD966",
            "max_color": "#E06666", "min_type": "num", "min_value": 0})
        # one header row for both tables: as tall as the taller needs (less the filter button)
        header_height(ws, header, [*list_headers, *headers],
                            [w - 2.5 for w in [*list_widths[:len(list_headers)], *widths]])
        ws.freeze_panes(header + 1, 0)
        ws.repeat_rows(header)

    # ----------------------------------------------------------------- Tệp lỗi

    def _files(self) -> None:
        problems = sorted(self.rollup.problems, key=lambda p: (p.severity != "error", p.file))
        cols, shown, rows = self._columns(FILE_COLUMNS, problems)
        self._list_sheet("sheet.rollup.files", "TepLoi", self.t("title.rollup.files"),
                         self._line(), shown, rows, self.t("empty.files"))
