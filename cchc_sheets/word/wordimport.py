"""``cchc nhap``: the appendix of a Word plan into a tracking workbook (contract §10).

Every table of the document becomes a grid (:mod:`cchc_sheets.word.docxtables`). The plan reader's
own table discovery (:func:`cchc_sheets.read.reader.find_tables`, the vocabulary of
:mod:`cchc_sheets.read.vocabulary`) says which tables carry the appendix's headers; a table that
repeats the same header (one table per page) or goes on without one right after it (a table
split in two) is joined to it, and header rows repeated inside it are dropped. The joined grids,
under the plan's title lines, are read by :func:`cchc_sheets.read.reader.read_plan` exactly as a
workbook would be: combined tables, Roman areas, a)/b) items and codes mean the same. What it
read is written in the template's shape (:func:`cchc_sheets.render.template.write_plan`); every row
of the appendix that became neither a task nor a criterion is listed on a sheet
"Chưa nhập được" with its table and row in the document.

The document is only read. A ``.doc`` is converted by LibreOffice into a temporary folder.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_sheets.config import Config
from cchc_sheets.deliver.atomic import check_output_path
from cchc_sheets.errors import OutputError, Words, WorkbookFileError, WorkbookLayoutError
from cchc_sheets.lazyre import lazy
from cchc_sheets.messages import render
from cchc_sheets.model import Plan
from cchc_sheets.read.headers import Header, is_column_number_row, seen_headers
from cchc_sheets.read.preflight import sniff
from cchc_sheets.read.reader import find_tables, read_plan
from cchc_sheets.read.sources import Book, Grid, Merge
from cchc_sheets.read.vocabulary import FIELD_BY_NAME
from cchc_sheets.render.template import (
    CriterionLine,
    PlanContent,
    TaskLine,
    score_header,
    template_units,
    write_plan,
)
from cchc_sheets.text import clean, fold
from cchc_sheets.word.docxtables import WordDocument, WordTable, read_document

if TYPE_CHECKING:
    import xlsxwriter
    from xlsxwriter.format import Format

__all__ = ["SHEET_UNPLACED", "Imported", "Unplaced", "import_word", "read_appendix",
           "write_imported"]

SHEET_UNPLACED = "Chưa nhập được"
CONVERT_TIMEOUT = 120  # seconds LibreOffice may take to turn a .doc into a .docx

_TITLE_LINES = 4  # paragraphs just above the appendix kept as its title
_TITLE_MAX = 300  # a paragraph longer than this is body text, not a title
_SIGNATURE = ("noi nhan", "tm uy ban", "tm ubnd", "kt chu tich", "nguoi lap", "xac nhan cua",
              "ghi chu", "luu y")
_TOTAL = lazy(r"(?:tong|cong|total)\b")


@dataclass
class Unplaced:
    """A row of the appendix that became neither a task nor a criterion."""

    table: int  # the table's number in the document, from 1
    row: int  # the row's number in that table, from 1
    text: str  # its cells, " | " between them
    reason: str  # "total", "heading", "below-table", "not-understood"


@dataclass
class Imported:
    source: Path
    plan: Plan
    content: PlanContent
    unplaced: list[Unplaced] = field(default_factory=list)
    tables: list[list[int]] = field(default_factory=list)  # document tables read, per appendix


# ---------------------------------------------------------------------------------------------
# opening


def _open(path: Path) -> WordDocument:
    """The document's tables; a .doc is converted first. Raises with a message saying what the
    file is when it is not a Word document that can be read."""
    kind = _word_kind(path)
    if kind == "docx":
        return _read_docx(path, path)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise WorkbookFileError("word-doc-no-libreoffice", str(path))
    with tempfile.TemporaryDirectory(prefix="cchc-nhap-") as folder:
        source = Path(folder) / "phu-luc.doc"
        shutil.copyfile(path, source)  # the officer's file is never handed to another program
        profile = Path(folder) / "profile"
        try:
            done = subprocess.run(
                [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                 "--convert-to", "docx", "--outdir", folder, str(source)],
                capture_output=True, timeout=CONVERT_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise WorkbookFileError("word-doc-convert-failed", str(path),
                                    detail=type(exc).__name__) from exc
        converted = source.with_suffix(".docx")
        if not converted.is_file():
            detail = (done.stderr or done.stdout).decode("utf-8", "replace").strip()[:200]
            raise WorkbookFileError("word-doc-convert-failed", str(path),
                                    detail=detail or f"exit {done.returncode}")
        document = _read_docx(converted, path)
    document.path = Path(path)
    return document


def _word_kind(path: Path) -> str:
    """"docx" or "doc", judged by the content (the preflight's sniffing, which knows Word)."""
    try:
        kind = sniff(path)
    except WorkbookFileError as exc:
        if exc.code == "not-a-workbook":
            content = exc.args_.get("content")
            if content in ("docx", "doc"):
                return str(content)
            raise WorkbookFileError("word-not-a-document", str(path), kind=exc.args_.get("kind"),
                                    kind_en=exc.args_.get("kind_en")) from None
        if exc.code == "file-encrypted":
            raise WorkbookFileError("word-encrypted", str(path)) from None
        if exc.code == "file-corrupt":
            raise WorkbookFileError("word-corrupt", str(path),
                                    detail=exc.args_.get("detail", "")) from None
        raise
    raise WorkbookFileError("word-is-workbook", str(path), kind=kind)


def _read_docx(path: Path, shown: Path) -> WordDocument:
    try:
        return read_document(path)
    except WorkbookFileError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds for a damaged part
        text = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        raise WorkbookFileError("word-corrupt", str(shown), detail=text) from exc


# ---------------------------------------------------------------------------------------------
# finding and joining the appendix


@dataclass
class _Part:
    """One appendix: its tables joined into one grid, each row with where it came from."""

    header: Header
    width: int
    key: tuple[tuple[str, ...], ...]  # the header rows, folded: a later table repeating them
    rows: list[list[str]] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    origins: list[tuple[int, int]] = field(default_factory=list)
    tables: list[int] = field(default_factory=list)
    before: list[str] = field(default_factory=list)

    def add(self, table: WordTable, start: int, header_end: int = 0) -> None:
        """Rows ``start``… of ``table``, without rows repeating the header or column numbers
        (those above ``header_end``, the table's own header, are kept)."""
        filled = table.filled()
        keep = [r for r in range(start, len(table.rows))
                if r < header_end or not self._repeats_header(filled[r])]
        at = {r: len(self.rows) + i for i, r in enumerate(keep)}
        for r in keep:
            self.rows.append(list(table.rows[r]) + [""] * (self.width - len(table.rows[r])))
            self.origins.append((table.number, r + 1))
        for r1, c1, r2, c2 in table.merges:
            kept = [at[r] for r in range(r1, r2 + 1) if r in at]
            if r1 in at and (len(kept) > 1 or c2 > c1):
                self.merges.append((at[r1], c1, kept[-1], c2))
        self.tables.append(table.number)

    def _repeats_header(self, texts: list[str]) -> bool:
        folded = tuple(fold(t) for t in texts)
        return (any(folded) and folded in self.key) or is_column_number_row(texts)


def _header_key(table: WordTable, header: Header) -> tuple[tuple[str, ...], ...]:
    filled = table.filled()
    return tuple(tuple(fold(t) for t in filled[r]) for r in range(header.first_row, header.row + 1))


def _parts(document: WordDocument, config: Config | None) -> list[_Part]:
    """The appendix tables found by their headers, each with the tables that go on from it."""
    grids = [Grid(_table_name(t.number), t.rows, list(t.merges)) for t in document.tables]
    headers = {g.name: h for g, h in find_tables(Book(document.path, "docx", grids), config)}
    parts: list[_Part] = []
    last: _Part | None = None
    for table in document.tables:
        header = headers.get(_table_name(table.number))
        follows = last is not None and not table.before and table.width == last.width \
            and not _is_signature(table)
        if header is not None and follows and last is not None \
                and _header_key(table, header) != last.key \
                and header.quality() < last.header.quality():
            header = None  # the second half of a split table: a row of it looked like a header
        if header is not None:
            key = _header_key(table, header)
            same = next((p for p in parts if p.key == key and p.width == table.width), None)
            if same is not None:  # the same header again: the table goes on (one per page)
                same.add(table, header.data_start)
                last = same
                continue
            last = _Part(header, table.width, key, before=table.before)
            last.add(table, 0, header.data_start)
            parts.append(last)
        elif follows and last is not None:
            last.add(table, 0)  # a table split in two: the second half has no header
        else:
            last = None
    return parts


def _is_signature(table: WordTable) -> bool:
    first = next((t for row in table.rows for t in row if t), "")
    return fold(first[:40]).startswith(_SIGNATURE)


def _table_name(number: int) -> str:
    return f"Bảng {number}"


def _plan_title(document: WordDocument) -> str:
    """The plan's own title: "KẾ HOẠCH" and the line under it that says what it is about."""
    paragraphs = document.paragraphs
    for i, text in enumerate(paragraphs):
        folded = fold(text)
        if not folded.startswith("ke hoach") or len(text) > _TITLE_MAX:
            continue
        if len(folded.split()) <= 3 and i + 1 < len(paragraphs) \
                and len(paragraphs[i + 1]) <= _TITLE_MAX:
            return clean(f"{text} {paragraphs[i + 1]}").replace("\n", " ")
        return text.replace("\n", " ")
    return ""


def _commune(document: WordDocument) -> str:
    """The issuing body named in the document's heading ("ỦY BAN NHÂN DÂN XÃ THANH ĐA")."""
    candidates = [t.rows[0][0] for t in document.tables[:1] if t.rows and t.rows[0]]
    candidates += document.paragraphs[:6]
    for text in candidates:
        lines = [line for line in text.split("\n") if line.strip()]
        if lines and fold(lines[0]).startswith(("uy ban nhan dan", "ubnd")):
            taken = [lines[0]] + [line for line in lines[1:2]
                                  if not set(line.strip()) <= set("-–—_*. ")]
            return " ".join(taken)
    return ""


def _book(document: WordDocument, parts: list[_Part], title: str) -> tuple[Book, dict[str, _Part]]:
    """The joined appendices as sheets, under the plan's title and the lines just above them."""
    grids: list[Grid] = []
    by_name: dict[str, _Part] = {}
    for part in parts:
        lines = [title] if title else []
        near = [t.replace("\n", " ") for t in part.before if len(t) <= _TITLE_MAX]
        lines += [t for t in near[-_TITLE_LINES:] if t not in lines]
        top = [[line] + [""] * (part.width - 1) for line in lines]
        shift = len(top)
        name = _table_name(part.tables[0])
        grid = Grid(name, top + [list(r) for r in part.rows],
                    [(r1 + shift, c1, r2 + shift, c2) for r1, c1, r2, c2 in part.merges])
        part.origins = [(0, 0)] * shift + part.origins
        part.rows = grid.rows
        part.merges = grid.merges
        grids.append(grid)
        by_name[name] = part
    return Book(document.path, "docx", grids), by_name


# ---------------------------------------------------------------------------------------------
# reading


def read_appendix(path: Path, config: Config | None = None) -> Imported:
    """Read the appendix of a Word plan. Raises :class:`WorkbookFileError` when the file is not
    a Word document that can be read, :class:`WorkbookLayoutError` when no table carries the
    appendix's headers."""
    path = Path(path)
    document = _open(path)
    parts = _parts(document, config)
    if not parts:
        raise _no_appendix(document)
    title = _plan_title(document)
    book, by_name = _book(document, parts, title)
    plan = read_plan(path, config, book=book)
    tables = find_tables(book, config)
    unplaced = _unplaced(plan, tables, by_name)
    content = _content(plan, tables, by_name, title, _commune(document))
    return Imported(path, plan, content, unplaced, [p.tables for p in parts])


def _no_appendix(document: WordDocument) -> WorkbookLayoutError:
    seen: list[str] = []
    for table in document.tables:
        grid = Grid(_table_name(table.number), table.rows, list(table.merges))
        for text in seen_headers(grid, {}):
            text = text.replace("\n", " ")
            if text not in seen:
                seen.append(text)
    missing = [FIELD_BY_NAME[f].vi for f in ("task", "lead", "deadline")]
    return WorkbookLayoutError("word-no-appendix", str(document.path), tables=len(document.tables),
                               seen=seen[:20] or ["—"], missing=missing)


def _continued(merges: list[Merge]) -> set[tuple[int, int]]:
    """Cells a merge covers from the row above (their text is that row's)."""
    return {(r, c) for r1, c1, r2, c2 in merges for r in range(r1 + 1, r2 + 1)
            for c in range(c1, c2 + 1)}


def _filled(part: _Part) -> list[list[str]]:
    """The cells as the reader sees them: a merge's text in its first column on every row it
    covers (a criterion merged down over its tasks), nothing in the columns it spans."""
    out = [list(r) for r in part.rows]
    for r1, c1, r2, _c2 in part.merges:
        for r in range(r1 + 1, r2 + 1):
            out[r][c1] = part.rows[r1][c1]
    return out


def _unplaced(plan: Plan, tables: list[tuple[Grid, Header]],
              parts: dict[str, _Part]) -> list[Unplaced]:
    placed = {(t.sheet, t.row) for t in plan.tasks} | {(c.sheet, c.row) for c in plan.criteria}
    out: list[Unplaced] = []
    for grid, header in tables:
        part = parts[grid.name]
        filled = _filled(part)
        continued = _continued(part.merges)
        below = False
        for r in range(header.data_start, len(filled)):
            table, row = part.origins[r]
            texts = filled[r]
            own = [c for c, v in enumerate(texts) if v and (r, c) not in continued]
            if not table or not own or (grid.name, r + 1) in placed:
                continue
            if is_column_number_row(texts):
                continue
            shown = [texts[c] for c in own]
            first = fold(shown[0][:40])
            if below or first.startswith(_SIGNATURE):
                below, reason = True, "below-table"
            elif _TOTAL.match(first):
                reason = "total"
            elif not any(header.columns.get(f) in own for f in ("lead", "support", "deadline")):
                reason = "heading"  # "II | CẢI CÁCH THỦ TỤC HÀNH CHÍNH": nobody, no deadline
            else:
                reason = "not-understood"
            cells: list[str] = []
            for value in texts:
                if value and (not cells or cells[-1] != value):
                    cells.append(value)
            out.append(Unplaced(table, row, " | ".join(cells), reason))
    return out


# ---------------------------------------------------------------------------------------------
# what is written


_NUMBER = lazy(r"^[+-]?\d+(?:[.,]\d+)?$")


def _points(text: str) -> float | str | None:
    """A points cell as written: a number where it is one ("1,5"), else the text itself (the
    checker then says what it is), None when blank."""
    text = text.strip()
    if not text:
        return None
    compact = text.replace(" ", "")
    if _NUMBER.match(compact):
        return float(compact.replace(",", "."))
    return text


def _cell(filled: list[list[str]], address: str | None) -> str:
    """The text at a cell name ("F12") of a part's filled grid."""
    if not address:
        return ""
    match = re.fullmatch(r"([A-Z]+)(\d+)", address)
    if match is None:
        return ""
    col = 0
    for ch in match.group(1):
        col = col * 26 + ord(ch) - 64
    row = int(match.group(2)) - 1
    if row >= len(filled) or col - 1 >= len(filled[row]):
        return ""
    return filled[row][col - 1]


def _score_columns(plan: Plan, tables: list[tuple[Grid, Header]]) -> tuple[tuple[int, str], ...]:
    """Each scored year's column header: "Điểm tự chấm năm 2025" where the document only
    self-assessed that year (so that it does not read as a past, appraised year), else the
    template's "Điểm đạt năm 2024"."""
    years = sorted({y for c in plan.criteria for y in c.scores}, reverse=True)
    out = []
    for year in years:
        ranks = {s.rank for _, h in tables for s in h.scores if s.year == year}
        text = f"Điểm tự chấm năm {year}" if ranks == {1} else score_header(year)
        out.append((year, text))
    return tuple(out)


def _content(plan: Plan, tables: list[tuple[Grid, Header]], parts: dict[str, _Part],
             title: str, commune: str) -> PlanContent:
    filled = {name: _filled(part) for name, part in parts.items()}
    criteria = []
    for item in plan.criteria:
        grid = filled.get(item.cell_sheets.get("max", item.sheet), [])
        line = CriterionLine(item.code, item.name, area=item.level == 1)
        line.max = _points(_cell(grid, item.cells.get("max")))
        for year in item.scores:
            if f"score:{year}" not in item.cells:
                continue  # a sum the reader made, not a cell of the document
            sheet = item.cell_sheets.get(f"score:{year}", item.sheet)
            line.scores[year] = _points(_cell(filled.get(sheet, []), item.cells.get(f"score:{year}")))
        criteria.append(line)
    numbered = {grid.name for grid, header in tables if "number" in header.columns}
    product_header = {grid.name: clean(header.names.get(header.columns["evidence"], ""))
                      for grid, header in tables if "evidence" in header.columns}
    tasks = []
    for i, task in enumerate(plan.tasks, start=1):
        grid = filled[task.sheet]
        product = _cell(grid, task.address("evidence"))
        result = _cell(grid, task.address("result"))
        if product:  # the document's "Sản phẩm": kept beside the result, under its header
            label = product_header.get(task.sheet, "").replace("\n", " ") or "Sản phẩm"
            result = "\n".join(t for t in (result, f"{label}: {product}") if t)
        tasks.append(TaskLine(
            number=task.id if task.sheet in numbered else str(i),
            codes=", ".join(task.criteria),
            task=task.title,
            lead=_cell(grid, task.address("lead")),
            support=_cell(grid, task.address("support")),
            deadline=_cell(grid, task.address("deadline")),
            result=result,
        ))
    plan_year = plan.plan_year
    shown_title = title or plan.title
    if plan_year is not None and str(plan_year) not in shown_title:
        shown_title = f"{shown_title} năm {plan_year}".strip() if shown_title else ""
    base = "PHỤ LỤC {}. {}" + (f" NĂM {plan_year}" if plan_year else "")
    criteria_title = shown_title or base.format(
        "I", "KHUNG TIÊU CHÍ VÀ KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH – KẾ HOẠCH")
    tasks_title = shown_title or base.format(
        "II", "PHÂN CÔNG NHIỆM VỤ DUY TRÌ, CẢI THIỆN VÀ NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH")
    note = f"(Nhập từ văn bản «{plan.source.name}»)"
    return PlanContent(
        plan_year=plan_year, criteria_title=criteria_title, tasks_title=tasks_title, note=note,
        criteria=criteria, tasks=tasks, score_columns=_score_columns(plan, tables),
        units=_units(tasks), commune=commune)


def _units(tasks: list[TaskLine]) -> tuple[str, ...]:
    """The document's lead and support units first, then the template's, each once."""
    seen: dict[str, str] = {}
    for line in tasks:
        for text in (line.lead, line.support):
            for piece in re.split(r"[;\n]+", text):
                piece = clean(piece)
                if piece and len(piece) <= 120:
                    seen.setdefault(fold(piece), piece)
    for unit in template_units():
        seen.setdefault(fold(unit), unit)
    return tuple(seen.values())


# ---------------------------------------------------------------------------------------------
# writing


def write_imported(imported: Imported, output: Path, lang: str = "vi", *,
                   replace: bool = False) -> Path:
    """The tracking workbook, atomically; an existing file only with ``replace``."""
    output = Path(output)

    def unplaced_sheet(wb: xlsxwriter.Workbook, header: Format, text: Format) -> None:
        ws = wb.add_worksheet(SHEET_UNPLACED)
        heads = [render(f"nhap-col-{k}", lang) for k in ("table", "row", "cells", "reason")]
        for col, (head, width) in enumerate(zip(heads, (8, 7, 80, 36), strict=True)):
            ws.set_column(col, col, width)
            ws.write_string(0, col, head, header)
        if not imported.unplaced:
            ws.write_string(1, 0, render("nhap-none-unplaced", lang), text)
        for i, item in enumerate(imported.unplaced, start=1):
            ws.write_number(i, 0, item.table, text)
            ws.write_number(i, 1, item.row, text)
            ws.write_string(i, 2, item.text, text)
            ws.write_string(i, 3, render(f"nhap-reason-{item.reason}", lang), text)
        ws.freeze_panes(1, 0)
        ws.set_paper(9)  # A4 landscape, one page wide, the header on every page
        ws.set_landscape()
        ws.fit_to_pages(1, 0)
        ws.repeat_rows(0)

    imported.content.frame_note = render("nhap-guide-frame", lang, file=imported.source.name)
    return write_plan(output, imported.content, lang, inputs=(imported.source,), replace=replace,
                      extra=unplaced_sheet)


def default_output(path: Path) -> Path:
    """``PHU-LUC.docx`` → ``PHU-LUC.xlsx`` beside it."""
    return Path(path).with_suffix(".xlsx")


def import_word(path: Path, output: Path | None = None, *, replace: bool = False,
                lang: str = "vi", config: Config | None = None) -> Imported:
    """Read the Word appendix at ``path`` and write the tracking workbook to ``output``.

    An existing ``output`` is never replaced without ``replace`` (nothing is written); the
    document is never written to.
    """
    path = Path(path)
    output = Path(output) if output is not None else default_output(path)
    if not path.exists():
        raise WorkbookFileError("file-missing", str(path))
    if output.exists() and not replace and not output.is_dir():
        raise OutputError("import-output-exists", str(output))
    check_output_path(output, path)
    imported = read_appendix(path, config)
    write_imported(imported, output, lang, replace=replace)
    return imported


def summary_line(imported: Imported, output: Path, lang: str = "vi") -> str:
    """What was written, for the terminal."""
    tables = ", ".join("+".join(str(n) for n in group) for group in imported.tables)
    args: dict[str, Any] = {
        "path": str(output), "tasks": len(imported.plan.tasks),
        "criteria": len(imported.plan.criteria), "tables": tables,
        "unplaced": len(imported.unplaced),
        "year": imported.plan.plan_year or Words("không rõ", "unknown"),
    }
    return render("nhap-done", lang, **args)
