"""The look shared by every workbook the package writes: the template, the summary and the
roll-up (Times New Roman 12, A4 landscape one page wide, the header row repeated, a page footer
"Trang &P/&N"), and the summary's cell formats, which the roll-up reuses.

Only shared facts live here: the template keeps its own cell formats (its bytes are fixed);
the summary's are here because the roll-up uses them too.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "A4",
    "CHANGE_FORMAT",
    "DATE_FORMAT",
    "FONT",
    "FONT_SIZE",
    "POINTS_FORMAT",
    "SummaryFormats",
    "a4_landscape",
    "footer_font",
    "text_only_options",
]

FONT = "Times New Roman"
FONT_SIZE = 12
DATE_FORMAT = "dd/mm/yyyy"
POINTS_FORMAT = "0.0#"
CHANGE_FORMAT = "+0.0#;-0.0#;0"
A4 = 9  # XlsxWriter's paper code


def text_only_options() -> dict[str, Any]:
    """Workbook options that keep officer text as text: never a formula, a link or a number."""
    return {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def footer_font(size: int = 10) -> str:
    """The font code of a header/footer section (Excel codes)."""
    return f'&"{FONT},Regular"&{size}'


def a4_landscape(ws: Any, *, margins: tuple[float, float, float, float],
                 header_row: int | None, footer: str,
                 footer_options: dict[str, Any] | None = None) -> None:
    """A4 landscape, one page wide and as many pages down as needed, ``header_row`` (when
    given) printed on every page, and ``footer``; ``margins`` are (left, right, top, bottom)
    in inches."""
    ws.set_paper(A4)
    ws.set_landscape()
    left, right, top, bottom = margins
    ws.set_margins(left=left, right=right, top=top, bottom=bottom)
    ws.fit_to_pages(1, 0)
    if header_row is not None:
        ws.repeat_rows(header_row)
    ws.set_footer(footer, footer_options)


class SummaryFormats:
    """The cell formats of the summary and the roll-up, made once per workbook (XlsxWriter
    numbers formats in the order they are made, so the order here is part of the bytes)."""

    def __init__(self, wb: Any) -> None:
        add = wb.add_format
        cell = {"border": 1, "border_color": "#808080", "valign": "top"}
        self.title = add({"bold": True, "font_size": 14, "valign": "vcenter"})
        self.title_center = add({"bold": True, "font_size": 14, "align": "center",
                                 "valign": "vcenter", "text_wrap": True})
        self.line = add({"valign": "vcenter"})
        self.line_center = add({"align": "center", "valign": "vcenter", "italic": True})
        self.note = add({"italic": True, "font_size": 11, "font_color": "#404040"})
        self.section = add({"bold": True, "font_size": 13, "valign": "vcenter"})
        self.empty = add({"italic": True, "font_size": 12})
        self.header = add({"bold": True, "text_wrap": True, "align": "center",
                           "valign": "vcenter", "border": 1, "border_color": "#808080",
                           "bg_color": "#D9E1F2"})
        self.text = add(cell)
        self.wrap = add({**cell, "text_wrap": True})
        self.date = add({**cell, "num_format": DATE_FORMAT, "align": "center"})
        self.int = add({**cell, "num_format": "0", "align": "center"})
        self.pct = add({**cell, "num_format": "0%", "align": "center"})
        self.points = add({**cell, "num_format": POINTS_FORMAT, "align": "center"})
        self.change = add({**cell, "num_format": CHANGE_FORMAT, "align": "center"})
        self.id = add({**cell, "align": "center"})
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
        # (format for text, format for numbers and dates) of each kind of column
        self.of_kind: dict[str, tuple[Any, Any]] = {
            "text": (self.text, self.text),
            "wrap": (self.wrap, self.wrap),
            "date": (self.date, self.date),
            "id": (self.id, self.id),
            "count": (self.wrap, self.int),
            "int": (self.int, self.int),
            "pct": (self.pct, self.pct),
            "points": (self.points, self.points),
            "change": (self.change, self.change),
        }

    def chart_font(self, size: int = 10, bold: bool = False) -> dict[str, Any]:
        return {"name": FONT, "size": size, "bold": bold}
