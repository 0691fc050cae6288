"""Finding a workbook's tables: on each sheet the header (:mod:`~cchc_sheets.read.headers`),
then what the table's columns really hold once their cells are looked at (a column of codes
under "STT" or "Tiêu chí", codes written with words, a name merged over its lines, a frame
scored met / not met, counts that are no tasks), and an instructions sheet's sample left out.
"""

from __future__ import annotations

from cchc_sheets.errors import WorkbookLayoutError
from cchc_sheets.lazyre import lazy
from cchc_sheets.read.codes import ROMAN, split_written_codes, word_code
from cchc_sheets.read.headers import Header, cell_name, find_header, seen_headers
from cchc_sheets.read.reading import Reading
from cchc_sheets.read.sheet import Sheet, ends_table, is_note
from cchc_sheets.read.sources import Book
from cchc_sheets.read.vocabulary import FIELD_BY_NAME
from cchc_sheets.text import clean, fold

_GUIDE_SHEETS = ("huong dan", "hd su dung", "hdsd", "instructions", "guide", "vi du")
_NUMBER_HEADERS = {"stt", "tt", "so tt", "so thu tu"}


def book_tables(book: Book, names: dict[str, list[str]],
                reading: Reading | None = None) -> list[tuple[Sheet, Header]]:
    """The tables of ``book`` the reader reads, each sheet prepared and its header found, with
    what the columns hold settled; the sheets without one are left out in ``reading``."""
    tables = []
    for grid in book.sheets:
        if not grid.rows:
            continue
        sheet = Sheet.prepare(grid)
        header = find_header(grid, names, sheet.header_fills)
        if header is None:
            if reading is not None:
                reading.leave(grid.name, None, "no-table")
            continue
        if "code" not in header.columns and "number" in header.columns and header.is_criteria_table:
            header.columns["code"] = header.columns.pop("number")
        _numbers_are_not_tasks(sheet, header)
        if not (header.is_task_table or header.is_criteria_table):
            if reading is not None:
                reading.leave(grid.name, None, "no-table")
            continue
        _codes_in_criterion_column(sheet, header)
        _word_codes_column(sheet, header)
        if header.is_criteria_table:
            _two_name_columns(sheet, header)
        code_col = header.columns.get("code")
        if (header.is_task_table and not header.is_criteria_table and code_col is not None
                and "number" not in header.columns
                and fold(header.names.get(code_col, "")) in _NUMBER_HEADERS
                and not _holds_codes(sheet, header, code_col)):
            # "STT" in a list of tasks only is the task's number (1, 2, 3…), unless it holds
            # criterion codes ("1.2", "2.1, 2.3")
            header.columns["number"] = header.columns.pop("code")
        _unscored_frame(sheet, header)
        tables.append((sheet, header))
    # an instructions sheet's sample table ("Hướng dẫn": "Ví dụ: Rà soát TTHC") is not the plan
    plan_tables = [t for t in tables if not fold(t[0].grid.name).startswith(_GUIDE_SHEETS)]
    if plan_tables and reading is not None:
        for sheet, header in tables:
            if (sheet, header) not in plan_tables:
                _leave_all(sheet, header, reading, "instructions")
    return plan_tables or tables


def _leave_all(sheet: Sheet, header: Header, reading: Reading, reason: str) -> None:
    """Every row of a table that is not read (an instructions sheet's sample), in the report."""
    for r in range(header.data_start, len(sheet.grid.rows)):
        values = sheet.grid.rows[r]
        first = next((v for v in values if isinstance(v, str) and v.strip()), "")
        if first and (ends_table(first) or is_note(first, values)):
            break
        if any(v not in ("", None) for v in values):
            text = sheet.text(r, header.columns.get("task", header.columns.get("criterion")))
            reading.leave(sheet.grid.name, r, reason, text=text or clean(first))


_CODE_LIST = lazy(r"^\s*\d+(\.\d+)*(\.?[a-zđ])?\.?\s*([,;\n]\s*\d+(\.\d+)*(\.?[a-zđ])?\.?\s*)*$")


def _numbers_are_not_tasks(sheet: Sheet, header: Header) -> None:
    """A "Số nhiệm vụ" column of counts (a tally sheet) is not a list of tasks."""
    col = header.columns.get("task")
    if col is None:
        return
    values = [sheet.raw(r, col) for r in range(header.data_start,
                                               min(len(sheet.grid.rows), header.data_start + 200))]
    values = [v for v in values if v not in ("", None)]
    numbers = sum(1 for v in values if isinstance(v, (int, float)) and not isinstance(v, bool))
    if values and numbers > 0.5 * len(values):
        header.dropped[header.columns.pop("task")] = "counts"
        header._letters = None


# a criterion code as the reader keeps it: "1", "2.3.b", "B.2", "1.1-1.3"
_CODE_SHAPE = lazy(r"^(?:[A-H]\.)?\d+(?:\.(?:\d+|[a-zđ]))*(?:-(?:[A-H]\.)?\d+(?:\.\d+)*)?$")


def _code_cell(text: str) -> bool:
    """A cell naming criteria the way officers write them ("TC 1.2", "Mã 2.1", "1.1 và 1.2",
    "2.1–2.2", "Lĩnh vực 3, B.2", "II.2", "1.2 (ưu tiên)"): every piece is a code."""
    if len(text) > 60:
        return False
    found = split_written_codes(text)
    return bool(found) and all(_CODE_SHAPE.match(code) for _, code in found)


_CODE_MARK = lazy(r"\d\.\d|\d\s*[,;\n]\s*\d")


def _codes_in(sheet: Sheet, header: Header, col: int) -> list[str] | None:
    """The first texts of a column when most of them are criterion codes ("1.2", "2.3, 2.4")."""
    values = [sheet.text(r, col) for r in range(header.data_start,
                                                 min(len(sheet.grid.rows), header.data_start + 200))]
    values = [v for v in values if v]
    if values and sum(1 for v in values if _CODE_LIST.match(v) or _code_cell(v)) \
            >= 0.6 * len(values):
        return values
    return None


def _holds_codes(sheet: Sheet, header: Header, col: int) -> bool:
    """A column of criterion codes, some of them dotted or listed: not a column of 1, 2, 3."""
    values = _codes_in(sheet, header, col)
    return values is not None and any(_CODE_MARK.search(v) for v in values)


def _codes_in_criterion_column(sheet: Sheet, header: Header) -> None:
    """In a list of tasks, a "Tiêu chí" column holding codes ("1.2", "2.3, 2.4") is the code."""
    cols = header.columns
    if not header.is_task_table or header.is_criteria_table or "criterion" not in cols:
        return
    stt = cols.get("code")
    if stt is not None and ("number" in cols or fold(header.names.get(stt, "")) not in
                            _NUMBER_HEADERS or _holds_codes(sheet, header, stt)):
        return  # a real code column
    if _codes_in(sheet, header, cols["criterion"]) is not None:
        if stt is not None:
            cols["number"] = stt  # "STT | Lĩnh vực": the task's number, and the codes
        cols["code"] = cols.pop("criterion")
        header._letters = None


def _unscored_frame(sheet: Sheet, header: Header) -> None:
    """A list of tasks whose rows are the lines of a frame scored met / not met (nông thôn
    mới: "TT | Tên tiêu chí | … | Nhiệm vụ"; PAPI: "Nội dung 1 | Tên nội dung"): a column of
    names beside a column of codes, not a running number 1, 2, 3 (contract §1.1: each row a
    criterion line that may also carry a task)."""
    cols = header.columns
    if header.is_criteria_table or not header.is_task_table or "criterion" not in cols:
        return
    col = cols.get("code", cols.get("number"))
    if col is None:
        return
    values = []
    lines_only = False  # a line of the frame that carries no task ("5 | Trường học")
    for r in range(header.data_start, min(len(sheet.grid.rows), header.data_start + 200)):
        value = sheet.text(r, col)
        if value and ends_table(value):
            break
        if value and (r, col) not in sheet.continued:
            values.append(value)
            lines_only = lines_only or (
                bool(sheet.text(r, cols["criterion"])) and not sheet.text(r, cols["task"]))
    worded = [v for v in values if _worded_codes(v)]
    numbers = [int(v) for v in values if v.isdigit()]
    running = numbers == list(range(numbers[0], numbers[0] + len(numbers))) if numbers else True
    if not values or not (len(worded) == len(values) or (
            len(numbers) == len(values) and not running and lines_only)):
        return
    if "code" not in cols:
        cols["code"] = cols.pop("number")
    header.unscored_frame = True
    header._letters = None


def _worded_codes(text: str) -> bool:
    """A cell of codes, at least one written with words: "Lĩnh vực 1", "Lĩnh vực 2, TC 1"."""
    if "," not in text and ";" not in text and "\n" not in text:  # one piece (most cells)
        found = word_code(text) if len(text) <= 60 else None
        return found is not None and not found[2]
    pieces = [p for p in _CODE_PIECES.split(text) if p.strip()]
    if any(len(p) > 60 for p in pieces):
        return False  # a name, not a code ("Tiêu chí thành phần 2.1" is a long code)
    words = [word_code(p) for p in pieces]
    return any(w is not None and not w[2] for w in words) and all(
        (w is not None and not w[2]) or _CODE_LIST.match(p) for p, w in zip(pieces, words, strict=True))


_CODE_PIECES = lazy(r"[,;\n]")


def _two_name_columns(sheet: Sheet, header: Header) -> None:
    """A name column merged down over several lines ("Tên tiêu chí") beside a per-line one
    ("Nội dung tiêu chí"): the merged one names the parents, the other each line."""
    cols = header.columns
    names = [c for c in [cols.get("criterion"), *header.others.get("criterion", [])]
             if c is not None and c != cols.get("code")]
    if len(names) < 2:
        return
    rows = range(header.data_start, len(sheet.grid.rows))
    merged = [c for c in names if any((r, c) in sheet.continued and sheet.text(r, c)
                                      for r in rows)]
    lines = [c for c in names if c not in merged]
    if len(merged) != 1 or not lines:
        return
    header.parent_name = merged[0]
    cols["criterion"] = lines[0]
    header._letters = None
    header.problems[:] = [p for p in header.problems if not (
        p.code == "duplicate-column" and p.cell in {cell_name(header.row, c) for c in names})]


def _word_codes_column(sheet: Sheet, header: Header) -> None:
    """A column whose cells hold codes written with words ("Lĩnh vực 1", "Tiêu chí 2", "Chỉ
    tiêu 1") is the code column whatever its header says ("Tiêu chí, chỉ tiêu"); another
    column naming the criterion ("Nội dung") then names the lines (contract §7)."""
    cols = header.columns
    candidates = [c for c in [cols.get("criterion"), *header.others.get("criterion", [])]
                  if c is not None]
    for col in candidates:
        values = []
        for r in range(header.data_start, min(len(sheet.grid.rows), header.data_start + 200)):
            value = sheet.text(r, col)
            if value and ends_table(value):
                break
            if value:
                values.append(value)
        words = sum(1 for v in values if _worded_codes(v))
        if not words:
            continue  # (most columns: names, not codes; the codes need no counting)
        codes = sum(1 for v in values if _CODE_LIST.match(v) or ROMAN.match(v.rstrip(".")))
        if words + codes < 0.8 * len(values):
            continue
        if "code" in cols and "number" not in cols:
            cols["number"] = cols["code"]  # "STT" beside it numbers the rows
        cols["code"] = col
        names = [c for c in candidates if c != col]
        if names:
            cols["criterion"] = names[0]
            header.problems[:] = [p for p in header.problems if not (
                p.code == "duplicate-column" and p.cell == cell_name(header.row, names[0]))]
        else:
            cols.pop("criterion", None)
        header._letters = None
        return


def no_header(book: Book, names: dict[str, list[str]]) -> WorkbookLayoutError:
    """The error of a workbook with no table: the headers seen, and the columns looked for."""
    seen: list[str] = []
    for grid in book.sheets:
        sheet = Sheet.prepare(grid)
        for text in seen_headers(grid, sheet.header_fills):
            if text not in seen:
                seen.append(text)
    missing = [FIELD_BY_NAME[f].vi for f in ("task", "lead", "deadline", "criterion", "max")]
    return WorkbookLayoutError("no-header", str(book.path), seen=seen[:25] or ["—"], missing=missing)

