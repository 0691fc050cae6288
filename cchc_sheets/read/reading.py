"""How a plan was read (contract §8): a record the reader fills as it reads.

The record says, per table, where it is and what each column was read as; each score column's
year and kind; the plan year and where it came from; and every row left out with its reason.
It is shown as the JSON key ``reading``, the summary sheet "Cách đọc tệp", one terminal line and
``cchc doc``. Filling it costs a few objects per table and per row left out, nothing per task.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cchc_sheets.lazyre import lazy
from cchc_sheets.read.headers import Header, cell_name, col_letter, header_values
from cchc_sheets.read.sources import Grid
from cchc_sheets.read.vocabulary import FIELD_BY_NAME, SELF_WORDS, field_names, match_header
from cchc_sheets.render.labels import label
from cchc_sheets.text import fold, pick, shown_name

# reasons a row is left out, in the JSON (kebab-case, stable)
LEFT_OUT_REASONS = ("column-numbers", "total", "heading", "signature", "note", "instructions",
                    "last-year-copy", "duplicate", "no-table", "not-understood")
# kinds of score column, from the words of its header; the first that matches
_KINDS = (("phuc tra", "reviewed"), ("cham lai", "rescored"), ("cong bo", "published"),
          ("tham dinh", "appraised"), ("chinh thuc", "appraised"))
_YEAR_WORDS = lazy(r"\bnam (20\d\d)\b")
_ANY_YEAR = lazy(r"\b(20\d\d)\b")
_DATE_LINE = lazy(r"(?:ngay|thang)(?: \d{1,2})? nam 20\d\d")
# a line that cites another document: never where the plan year should come from
_CITES = ("kem theo", "can cu", "thuc hien ke hoach", "thuc hien quyet dinh", "theo quyet dinh",
          "theo ke hoach", "ban hanh kem")


def score_kind(header: str) -> str:
    """The kind of a score column from its header: ``self-assessed`` (tự chấm), ``appraised``
    (thẩm định), ``reviewed`` (phúc tra), ``rescored`` (chấm lại), ``published`` (kết quả
    công bố), else ``points`` (a plain "Điểm năm 2024")."""
    folded = fold(header)
    if any(w in folded for w in SELF_WORDS):
        return "self-assessed"
    for words, kind in _KINDS:
        if words in folded:
            return kind
    return "points"


@dataclass
class ColumnRead:
    """One column of a table's header: the field it was read as, or why it was left out."""

    sheet: str
    letter: str
    header: str
    field: str | None  # a field of vocabulary.py, "score", or None when left out
    reason: str = ""  # when left out: unknown, duplicate, ambiguous, not-read, counts, no-year
    file: str = ""
    cell: str = ""  # the header cell the officer typed (the lowest of a header of two rows)
    other: str = ""  # the column read instead of a repeated one ("F")


@dataclass
class ScoreRead:
    """A score column: its year, where the year came from, its kind, and whether it is the
    column the year's scores are taken from first (the official one beats self-assessed)."""

    sheet: str
    letter: str
    header: str
    year: int
    kind: str
    year_from: str  # header, title, sheet-name, file-name, last-year
    used: bool = True
    file: str = ""


@dataclass
class TableRead:
    sheet: str
    first_col: int
    last_col: int
    header_first: int  # 1-based rows
    header_last: int
    last_row: int  # the last row that belongs to the table (1-based)
    kind: str  # criteria+tasks, tasks, criteria
    source: str = "plan"  # or "scores"
    file: str = ""
    tasks: int = 0
    criteria: int = 0  # lines read below the areas (criteria, sub-criteria, items)
    areas: int = 0  # lines of the first level

    @property
    def range(self) -> str:
        return f"{cell_name(self.header_first - 1, self.first_col)}:" \
               f"{cell_name(self.last_row - 1, self.last_col)}"

    @property
    def ref(self) -> str:
        return f"{self.sheet}!{self.range}"


@dataclass
class PlanYearRead:
    year: int | None = None
    source: str | None = None  # config, title, scored-year, sheet-name, as-of
    sheet: str | None = None
    cell: str | None = None
    text: str = ""


@dataclass
class LeftOut:
    sheet: str
    row: int | None  # 1-based; None for a whole sheet
    reason: str
    cell: str | None = None
    text: str = ""
    file: str = ""


@dataclass
class Reading:
    """Everything the reading report shows, for one plan (and its scores workbook)."""

    file: str = ""
    scores_file: str = ""
    tables: list[TableRead] = field(default_factory=list)
    columns: list[ColumnRead] = field(default_factory=list)
    scores: list[ScoreRead] = field(default_factory=list)
    plan_year: PlanYearRead = field(default_factory=PlanYearRead)
    left_out: list[LeftOut] = field(default_factory=list)
    current_file: str = field(default="", repr=False)  # the file of the table being read

    # --- filled by the reader -------------------------------------------------------------

    def leave(self, sheet: str, row: int | None, reason: str, cell: str | None = None,
              text: str = "", file: str = "") -> None:
        """A row (0-based ``row``; None: a whole sheet) left out, and why."""
        self.left_out.append(LeftOut(sheet, None if row is None else row + 1, reason, cell,
                                     text[:80], file or self.current_file))

    def table(self, grid: Grid, header: Header, source: str = "plan",
              file: str = "") -> TableRead:
        """Record a table's header: every column, what it was read as or why not."""
        kind = "criteria+tasks" if header.is_task_table and header.is_criteria_table else (
            "tasks" if header.is_task_table else "criteria")
        cols = header.names
        table = TableRead(grid.name, min(cols, default=0), max(cols, default=0),
                          header.first_row + 1, header.row + 1, header.row + 1, kind, source,
                          file)
        self.tables.append(table)
        self.current_file = file
        by_col = {col: name for name, col in header.columns.items()}
        # two name columns (contract §7): the one merged over lines names their parent
        parent = getattr(header, "parent_name", None)
        if parent is not None:
            by_col.setdefault(parent, "parent")
        scores = {s.col: s for s in header.scores}
        ranked: dict[int, int] = {}
        for s in header.scores:
            if s.rank > ranked.get(s.year, -1):
                ranked[s.year] = s.rank
        for col in sorted(cols):
            text = cols[col].replace("\n", " ")
            letter = col_letter(col)
            row = next((r for r in range(header.row, header.first_row, -1)
                        if col < len(grid.rows[r]) and grid.rows[r][col] not in ("", None)),
                       header.first_row)
            cell = f"{letter}{row + 1}"
            if col in scores:
                s = scores[col]
                self.columns.append(ColumnRead(grid.name, letter, text, "score", file=file,
                                               cell=cell))
                self.scores.append(ScoreRead(grid.name, letter, text, s.year,
                                             score_kind(text), _year_from(grid, header, s, file),
                                             s.rank == ranked[s.year], file))
                continue
            name = by_col.get(col)
            if name is not None and (header.is_task_table or name in _CRITERIA
                                     or name == "parent"):
                self.columns.append(ColumnRead(grid.name, letter, text, name, file=file,
                                               cell=cell))
                continue
            reason = "not-read" if name is not None else header.dropped.get(col, "unknown")
            other = _read_instead(header, text) if reason == "duplicate" else ""
            self.columns.append(ColumnRead(grid.name, letter, text, None, reason, file, cell,
                                           other))
        return table

    # --- shown ----------------------------------------------------------------------------

    @property
    def tasks(self) -> int:
        return sum(t.tasks for t in self.tables)

    @property
    def criteria(self) -> int:
        """Criteria and sub-criteria read from the plan, areas aside."""
        return sum(t.criteria for t in self.tables if t.source == "plan")

    @property
    def areas(self) -> int:
        return sum(t.areas for t in self.tables if t.source == "plan")

    def not_understood(self) -> list[LeftOut]:
        return [x for x in self.left_out if x.reason == "not-understood"]

    def main_score(self, last_year: int | None) -> ScoreRead | None:
        """The column last year's scores are read from first (else the latest year's)."""
        used = [s for s in self.scores if s.used]
        if not used:
            return None
        # a scores workbook's columns win over the plan's (its scores are the ones used)
        mine = sorted((s for s in used if s.year == last_year), key=lambda s: not s.file)
        return mine[0] if mine else max(used, key=lambda s: (s.year, bool(s.file)))


_CRITERIA = frozenset({"code", "number", "criterion", "max", "lost"})


def _read_instead(header: Header, text: str) -> str:
    """The letter of the column read for the field a repeated header names."""
    fields, _ = match_header(fold(text), field_names())
    cols = [header.columns[f] for f in fields if f in header.columns]
    return col_letter(cols[0]) if cols else ""


def _year_from(grid: Grid, header: Header, column: Any, file: str) -> str:
    if column.dated:
        return "header"
    year = str(column.year)
    for row in range(header.first_row):
        if any(year in t for t in header_values(grid, row, {})):
            return "title"
    if year in grid.name:
        return "sheet-name"
    if file and year in file:
        return "file-name"
    return "last-year"


def locate_plan_year(reading: Reading, tables: list[tuple[Grid, Header]], year: int | None,
                     config_year: int | None, default_year: int | None) -> None:
    """Say where the plan year came from: the config, the title cell that names it (or names
    the scored year before it), a sheet's name, or the as-of date."""
    found = reading.plan_year = PlanYearRead(year)
    if year is None:
        return
    if config_year:
        found.source = "config"
        return
    cell, cited = _title_cell(tables, year)
    if cell is not None:
        found.source, (found.sheet, found.cell, found.text) = "title", cell
        return
    # the year after the scores: a score column of the year before (the title names an
    # earlier or the same year), else a title that names the scored year
    for grid, header in tables:
        for s in header.scores:
            if s.year == year - 1 and s.dated and s.rank > 1:
                found.source, found.sheet = "scored-year", grid.name
                found.cell, found.text = cell_name(header.row, s.col), s.header
                return
    cell, _ = _title_cell(tables, year - 1)
    if cell is not None:
        found.source, (found.sheet, found.cell, found.text) = "scored-year", cell
        return
    for grid, _ in tables:
        if str(year) in grid.name:
            found.source, found.sheet, found.text = "sheet-name", grid.name, grid.name
            return
    if cited is not None:  # a line citing another document gives no plan year (§7): last resort
        found.source, (found.sheet, found.cell, found.text) = "title", cited
        return
    found.source = "as-of" if year == default_year else "title"


_Place = tuple[str, str, str]


def _title_cell(tables: list[tuple[Grid, Header]],
                year: int) -> tuple[_Place | None, _Place | None]:
    """The first title cell above a table that names ``year`` ("… NĂM 2025") and cites no other
    document nor is a date line; and, apart, the first line citing a document that names it."""
    cited: _Place | None = None
    for grid, header in tables:
        for row in range(header.first_row):
            for col, text in enumerate(header_values(grid, row, {})):
                if not text or str(year) not in text:
                    continue
                folded = fold(text)
                named = [m for m in _YEAR_WORDS.finditer(folded) if m.group(1) == str(year)]
                if not named and not any(m.group(1) == str(year)
                                         for m in _ANY_YEAR.finditer(folded)):
                    continue
                if _DATE_LINE.search(folded) and not named[1:] and (
                        not named or _DATE_LINE.search(folded[:named[0].end()])):
                    continue
                place = (grid.name, cell_name(row, col), text.replace("\n", " "))
                if folded.startswith(_CITES) or folded.lstrip("( ").startswith(_CITES):
                    cited = cited or place
                    continue
                return place, cited
    return None, cited


# --------------------------------------------------------------------------- JSON


def reading_dict(reading: Reading) -> dict[str, Any]:
    """The JSON of the reading report (``reading`` in the check's JSON, and ``cchc doc``)."""
    year = reading.plan_year
    return {
        "tables": [{"sheet": t.sheet, "range": t.range, "header_rows": _rows(t), "kind": t.kind,
                    "source": t.source, "file": t.file, "tasks": t.tasks,
                    "criteria": t.criteria, "areas": t.areas} for t in reading.tables],
        "columns": [{"sheet": c.sheet, "letter": c.letter, "cell": c.cell, "header": c.header,
                     "field": c.field, "reason": c.reason or None, "file": c.file,
                     **({"instead": c.other} if c.other else {})}
                    for c in reading.columns],
        "scores": [{"sheet": s.sheet, "letter": s.letter, "header": s.header, "year": s.year,
                    "kind": s.kind, "year_from": s.year_from, "used": s.used, "file": s.file}
                   for s in reading.scores],
        "plan_year": {"year": year.year, "from": year.source, "sheet": year.sheet,
                      "cell": year.cell, "text": year.text},
        "counts": {"tasks": reading.tasks, "criteria": reading.criteria, "areas": reading.areas,
                   "left_out": len(reading.left_out),
                   "not_understood": len(reading.not_understood())},
        "left_out": [{"sheet": x.sheet, "row": x.row, "reason": x.reason, "cell": x.cell,
                      "text": x.text, "file": x.file} for x in reading.left_out],
    }


def _rows(table: TableRead) -> list[int]:
    return list(range(table.header_first, table.header_last + 1))


# --------------------------------------------------------------------------- words


def field_label(name: str | None, lang: str) -> str:
    if name is None:
        return ""
    if name in ("score", "parent"):
        return label("reading.field." + name, lang)
    item = FIELD_BY_NAME.get(name)
    if item is None:
        return name
    return pick((item.vi, item.en), lang)


def kind_label(kind: str, lang: str) -> str:
    return label("reading.kind." + kind, lang)


def year_place(reading: Reading, lang: str, main_sheet: str | None = None) -> str:
    """Where the plan year came from, in words: "ô A3", "cchc.toml", "ngày kiểm tra"."""
    year = reading.plan_year
    if year.source == "config":
        return label("reading.from.config", lang)
    if year.source == "as-of":
        return label("reading.from.as_of", lang)
    if year.source == "sheet-name":
        return label("reading.from.sheet", lang, sheet=year.sheet)
    if year.cell:
        cell = year.cell if year.sheet == main_sheet else f"{year.sheet}!{year.cell}"
        if year.source == "scored-year" and year.year is not None:
            return label("reading.from.scored", lang, cell=cell, year=year.year - 1)
        return label("reading.from.cell", lang, cell=cell)
    return ""


def reading_line(reading: Reading, lang: str = "vi", last_year: int | None = None) -> str:
    """One line: "Đã đọc Phụ lục!A8:N75: 45 nhiệm vụ, 22 tiêu chí · điểm 2024 thẩm định
    (cột F) · năm kế hoạch 2025 (ô A3)"."""
    plan_tables = [t for t in reading.tables if t.source == "plan"]
    where = ", ".join(t.ref for t in plan_tables) or "—"
    if reading.criteria or reading.areas:
        read = label("reading.line.read", lang, where=where, tasks=reading.tasks,
                     criteria=reading.criteria)
        read += label("reading.line.areas", lang, areas=reading.areas) if reading.areas else ""
    else:  # a list of tasks only
        read = label("reading.line.read_tasks", lang, where=where, tasks=reading.tasks)
    parts = [read]
    year = reading.plan_year.year
    main = reading.main_score(last_year if last_year is not None else
                              (year - 1 if year else None))
    if main is not None:
        column = main.letter if len(plan_tables) < 2 else f"{main.sheet}!{main.letter}"
        if main.file:
            column = f"{main.sheet}!{main.letter}, {main.file}"
        kind = "" if main.kind == "points" else " " + kind_label(main.kind, lang)
        parts.append(label("reading.line.score", lang, year=main.year, kind=kind,
                           column=column))
    if year is not None:
        main_sheet = plan_tables[0].sheet if plan_tables else None
        place = year_place(reading, lang, main_sheet)
        parts.append(label("reading.line.year", lang, year=year)
                     + (f" ({place})" if place else ""))
    unread = len(reading.not_understood())
    if unread:
        parts.append(label("reading.line.unread", lang, count=unread))
    return " · ".join(parts)


# --------------------------------------------------------------------------- cchc doc

# the problems met while reading that the report repeats (the rest belong to the check)
READING_PROBLEMS = frozenset({"ambiguous-header", "duplicate-column", "missing-column",
                              "old-plan-sheet", "hidden-sheet", "row-not-understood",
                              "row-below-table", "duplicate-criterion", "unknown-criterion",
                              "legacy-font"})


def column_read_as(column: ColumnRead, scores: dict[tuple[str, str, str], ScoreRead],
                   lang: str) -> str:
    """What a column was read as, in words: "Nhiệm vụ, giải pháp", "điểm năm 2024, thẩm
    định", "không nhận ra tiêu đề: bỏ qua"."""
    if column.field is None:
        if column.other:
            return label("reading.reason.duplicate_of", lang, other=column.other)
        return label("reading.reason." + (column.reason or "unknown"), lang)
    if column.field == "score":
        score = scores.get((column.file, column.sheet, column.letter))
        if score is not None:
            return score_read_as(score, lang)
    return field_label(column.field, lang)


def score_read_as(score: ScoreRead, lang: str) -> str:
    used = "" if score.used else label("reading.score.not_used", lang)
    kind = "" if score.kind == "points" else ", " + kind_label(score.kind, lang)
    text = label("reading.score", lang, year=score.year, kind=kind, used=used)
    if score.year_from != "header":
        text += label("reading.score.year_from." + score.year_from, lang)
    return text


def left_out_text(item: LeftOut, lang: str) -> str:
    reason = "duplicate-row" if item.reason == "duplicate" else item.reason
    return label("reading.reason." + reason, lang)


def render_reading(reading: Reading, lang: str = "vi",
                   problems: list[Any] | None = None, last_year: int | None = None) -> str:
    """The full report of ``cchc doc``: the line, the plan year, each table and its columns,
    the rows left out, and the warnings met while reading."""
    lines = [label("reading.title", lang, file=reading.file), reading_line(reading, lang,
                                                                          last_year), ""]
    year = reading.plan_year
    if year.year is None:
        lines.append(label("reading.year.none", lang))
    else:
        place = year_place(reading, lang, None)
        text = " " + _quoted(year.text, lang) if year.text and year.cell else ""
        lines.append(label("reading.year", lang, year=year.year)
                     + (f" — {place}{text}" if place else ""))
    scores = {(s.file, s.sheet, s.letter): s for s in reading.scores}
    for table in reading.tables:
        ref = table.ref if not table.file else f"{table.file}: {table.ref}"
        rows = f"{table.header_first}" + (f"–{table.header_last}"
                                          if table.header_last > table.header_first else "")
        kind = label("reading.kind." + table.kind, lang)
        if table.source == "scores":
            kind = label("reading.table.scores", lang, file=table.file)
        lines += ["", label("reading.table", lang, ref=ref, kind=kind, rows=rows,
                            tasks=table.tasks, criteria=table.criteria,
                            areas=table.areas)]
        for column in reading.columns:
            if column.sheet == table.sheet and column.file == table.file:
                lines.append("  " + label("reading.column", lang, letter=column.letter,
                                          header=_short(column.header),
                                          read=column_read_as(column, scores, lang)))
    lines += [""]
    if reading.left_out:
        lines.append(label("reading.left_out.head", lang))
        for item in reading.left_out:
            where = f"{item.sheet}!{item.cell}" if item.cell else (
                f"{item.sheet}!{item.row}" if item.row else _quoted(item.sheet, lang))
            if item.file:
                where = f"{item.file}: {where}"
            text = " " + _quoted(_short(item.text), lang) if item.text else ""
            lines.append(f"  {where}: {left_out_text(item, lang)}{text}")
    else:
        lines.append(label("reading.left_out.none", lang))
    shown = [p for p in problems or [] if p.code in READING_PROBLEMS]
    if shown:
        lines += ["", label("reading.problems.head", lang)]
        lines += ["  " + p.message(lang) for p in shown]
    return "\n".join(lines)


def _quoted(text: str, lang: str) -> str:
    return label("reading.quoted", lang, text=text)


def _short(text: str, limit: int = 60) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"


DOC_SCHEMA = "cchc-reading/1"


def doc_dict(plan: Any, lang: str = "vi") -> dict[str, Any]:
    """``cchc doc --format json``: the reading report of a plan, with its source and the
    problems met while reading."""
    from cchc_sheets.render.report import problem_dict

    reading = plan.reading if plan.reading is not None else Reading()
    return {
        "schema": DOC_SCHEMA,
        "source": {"plan": shown_name(plan.source),
                   "scores": shown_name(plan.scores_source) if plan.scores_source else None},
        "plan_year": reading_dict(reading)["plan_year"],
        **{k: v for k, v in reading_dict(reading).items() if k != "plan_year"},
        "problems": [problem_dict(p, lang) for p in plan.problems],
    }
