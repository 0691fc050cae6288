"""The row loop: each row of a table read as a criterion, a task or both, and every row not read
(a heading, a total line, points on no criterion, what lies under the signature block) noted in
the reading report.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from cchc_sheets.errors import Words
from cchc_sheets.lazyre import lazy
from cchc_sheets.messages import number_text, words
from cchc_sheets.model import Criterion, Problem
from cchc_sheets.read.codes import CodePaths, add_alias
from cchc_sheets.read.criteria import criterion_row, part_for, score_groups
from cchc_sheets.read.headers import Header, cell_name, cell_text
from cchc_sheets.read.sheet import TOTAL_LINE, Sheet, ends_table, is_note, may_be_total
from cchc_sheets.read.state import ReadState
from cchc_sheets.read.tasks import TaskColumns, task_row
from cchc_sheets.read.vocabulary import CRITERION_FIELDS
from cchc_sheets.text import any_legacy_letter, clean, fold, looks_legacy_encoded

_COUNT_OF_TASKS = lazy(r"\d+ nhiem vu.*")  # "10 nhiệm vụ" on a total line


def read_table(state: ReadState, sheet: Sheet, header: Header) -> None:
    """Read a table's rows into ``state``: its criteria and tasks, its problems, and in the
    reading report the table and every row it leaves out."""
    grid, cols = sheet.grid, header.columns
    is_criteria = header.is_criteria_table
    is_tasks = header.is_task_table
    # a formula or error cell matters only in a column this table is read for
    read = cols if is_tasks else {f: c for f, c in cols.items() if f in CRITERION_FIELDS}
    used = set(read.values()) | {s.col for s in header.scores}
    used_in_order = sorted(used)
    task_columns = TaskColumns.of(sheet, header) if is_tasks else None
    paths = CodePaths(partial(part_for, state) if is_tasks and state.criteria else None)
    current: Criterion | None = None
    hidden_rows: list[int] = []
    record = state.reading
    table = record.table(grid, header, state.source, state.file)
    tasks_before, criteria_before, criteria_read, areas = len(state.tasks), len(state.criteria), 0, 0
    counted: set[int] = set()  # the lines read on their own rows (a parent has none)
    for r in range(header.row + 1, header.data_start):
        record.leave(grid.name, r, "column-numbers")
    last = header.data_start - 1
    point_cols = [c for c in [cols.get("max"), *(s.col for s in header.scores)]
                  if c is not None] if is_criteria else []
    formulas = grid.formulas
    state.score_groups = (header, score_groups(header))  # the header stays as it is meanwhile
    state.point_columns = header.point_columns
    for r in range(header.data_start, len(grid.rows)):
        row_values = grid.rows[r]
        # a blank row (its first cell tells most rows; the others are counted at C speed)
        if (not row_values or (row_values[0] == "" or row_values[0] is None) and
                row_values.count("") + row_values.count(None) == len(row_values)) and not (
                formulas and any((r, c) in formulas for c in used)):
            continue
        first_text = ""
        for v in row_values:
            if isinstance(v, str) and v.strip():
                first_text = v
                break
        if first_text and ends_table(first_text):
            _below_table(state, sheet, header, r, "signature", first_text)
            break
        if first_text and is_note(first_text, row_values):
            _below_table(state, sheet, header, r, "note", first_text)
            break
        last = r
        if is_criteria and may_be_total(first_text) and _is_total(sheet, header, r):
            current = None  # "TỔNG CỘNG": the sums of the lines above, not a line
            record.leave(grid.name, r, "total", text=first_text)
            continue
        if grid.formulas or grid.errors:
            _cell_issues(state, sheet, r, used_in_order)
        if (r + 1) in grid.hidden_rows:
            hidden_rows.append(r + 1)
        started = None
        part = False
        if is_criteria:
            started = criterion_row(state, sheet, header, r, paths)
            if started is not None:
                current = started
                areas += started.level == 1
                criteria_read += started.level != 1
                counted.add(id(started))
            elif paths.part_started:
                current, paths.part_started, part = None, False, True
        task_read: bool | str | None = None
        if task_columns is not None:
            task_read = task_row(state, sheet, header, r, current if is_criteria else None,
                                 task_columns)
        if started is None and task_read is not True:
            _not_read(state, sheet, header, r, "heading" if part else task_read, first_text)
        elif task_read is True and started is None and point_cols:
            # a task under a criterion: points typed on its row are no criterion's
            for c in point_cols:
                if c < len(row_values) and row_values[c] not in ("", None):
                    _points_not_read(state, sheet, header, r)
                    break
    for alias, path in paths.aliases.items():
        add_alias(state.aliases, alias, path)
    table.last_row = last + 1
    for item in state.criteria[criteria_before:]:
        if id(item) not in counted:  # a parent named by a cell merged over its lines
            areas += item.level == 1
            criteria_read += item.level != 1
    if not criteria_read:  # a frame of one level ("Tiêu chí 1" … "Tiêu chí 19"): criteria
        criteria_read, areas = areas, 0
    table.tasks, table.criteria, table.areas = len(state.tasks) - tasks_before, \
        criteria_read, areas
    if is_tasks and is_criteria and paths.first_path is not None:
        state.first_codes.add(paths.first_path)
    _legacy_text(state, sheet, header)
    if hidden_rows:
        shown = ", ".join(str(n) for n in hidden_rows[:10]) + ("…" if len(hidden_rows) > 10 else "")
        state.problems.append(Problem("hidden-rows", "warning", grid.name, None,
                                      {"count": len(hidden_rows), "rows": shown}))


def _is_total(sheet: Sheet, header: Header, r: int) -> bool:
    """A total line of a frame ("TỔNG CỘNG", "Tổng số điểm") in its code or name cells, with
    no task of its own."""
    cols = header.columns
    texts = {fold(sheet.text(r, cols.get(f))) for f in ("code", "criterion") if f in cols}
    if not any(TOTAL_LINE.fullmatch(t) for t in texts if t):
        return False
    task = fold(sheet.text(r, cols.get("task")))
    return not task or task in texts or _COUNT_OF_TASKS.fullmatch(task) is not None


def _cell_issues(state: ReadState, sheet: Sheet, r: int, used: list[int]) -> None:
    """A formula with no value or an error cell (#N/A) in a column the table is read for."""
    grid = sheet.grid
    for c in used:
        if (r, c) in grid.formulas and (r, c) not in sheet.continued:
            state.problem("formula-no-value", "error", grid.name, r, c, formula=grid.formulas[(r, c)])
        elif (r, c) in grid.errors and (r, c) not in sheet.continued:
            state.problem("error-cell", "error", grid.name, r, c, value=grid.errors[(r, c)])


def _legacy_text(state: ReadState, sheet: Sheet, header: Header) -> None:
    """One warning per table whose text looks typed in a TCVN3/VNI font."""
    columns = [header.columns[f] for f in ("task", "criterion", "lead") if f in header.columns]
    rows = range(header.data_start, min(len(sheet.grid.rows), header.data_start + 400))
    lines = sheet.cells[rows.start:rows.stop]
    if not any_legacy_letter("".join(
            v for c in columns for line in lines
            if c < len(line) and isinstance(v := line[c], str))):
        return  # (most tables: no cell holds a letter of those fonts)
    for r in rows:
        for c in columns:
            value = sheet.raw(r, c)
            if isinstance(value, str) and looks_legacy_encoded(value):
                state.problem("legacy-font", "warning", sheet.grid.name, r, c,
                              value=clean(value)[:40])
                return


# --- rows not read, in the reading report ----------------------------------------------------


def _not_read(state: ReadState, sheet: Sheet, header: Header, r: int, read: bool | str | None,
              first_text: str) -> None:
    """A row of the table read as neither a criterion nor a task: a heading or a total is
    left out; a row with points is not understood (a warning naming its cell)."""
    if read == "continued":
        return  # the task merged down from the row above
    if read is None and may_be_total(first_text) and TOTAL_LINE.fullmatch(fold(first_text)):
        read = "total"  # "Tổng số điểm" in a column read as neither code nor name
    if read in ("heading", "total"):
        state.reading.leave(sheet.grid.name, r, str(read), text=_row_words(sheet.grid.rows[r]))
        return
    if _points_not_read(state, sheet, header, r):
        return
    name_col = header.columns.get("criterion")
    if header.is_criteria_table and name_col is not None \
            and (r, name_col) not in sheet.continued and sheet.text(r, name_col):
        # a named line without a code or points: a heading of the lines under it
        state.reading.leave(sheet.grid.name, r, "heading", text=sheet.text(r, name_col))
        return
    # a text alone on its row, or only in the number or name columns ("I. CÔNG TÁC CHỈ
    # ĐẠO, ĐIỀU HÀNH" merged across a list of tasks): a heading
    cols = header.columns
    labels = {cols.get(f) for f in ("code", "number", "criterion")}
    filled = [c for c, v in enumerate(sheet.grid.rows[r]) if v not in ("", None)]
    if first_text and (len(filled) == 1 or all(c in labels for c in filled)):
        state.reading.leave(sheet.grid.name, r, "heading", text=_row_words(sheet.grid.rows[r]))


def _row_words(row: list[Any]) -> str:
    """A heading as the report shows it: its number and its words ("II. CẢI CÁCH THỦ TỤC
    HÀNH CHÍNH" from "II | CẢI CÁCH THỦ TỤC HÀNH CHÍNH"), not the number alone."""
    texts: list[str] = []
    for value in row:
        text = clean(value) if isinstance(value, str) else ""
        if text and text not in texts:
            texts.append(text)
    if len(texts) > 1 and _HEADING_NUMBER.fullmatch(texts[0]):
        return f"{texts[0]}. {texts[1]}"  # the number and the words beside it
    return texts[0] if texts else ""


_HEADING_NUMBER = lazy(r"[IVXLC]+|[A-Z]|\d{1,2}")  # "II", "B", "3" (no dot of its own)


def _own_points(sheet: Sheet, header: Header, r: int) -> list[int]:
    """The max and score cells a row fills itself (not merged down from above)."""
    cols = [header.columns.get("max")] + [s.col for s in header.scores]
    continued = sheet.continued
    return [c for c in cols if c is not None and (r, c) not in continued
            and sheet.raw(r, c) not in ("", None)]


def _points_not_read(state: ReadState, sheet: Sheet, header: Header, r: int) -> bool:
    """Points on a row that is no criterion: a warning naming the cell, and the row is
    left out as not understood. True when there were such points."""
    cells = _own_points(sheet, header, r)
    if not cells:
        return False
    cols = header.columns
    code_col, name_col = cols.get("code"), cols.get("criterion")
    fix_col = code_col if code_col is not None else name_col
    code_cell = cell_name(r, fix_col) if fix_col is not None else str(r + 1)
    if code_col is not None and (r, code_col) in sheet.continued:
        why = words("why.merged", cell=code_cell)
    elif name_col is not None and (r, name_col) in sheet.continued:
        why = words("why.merged-name", cell=code_cell)
    else:
        why = words("why.no-code", cell=code_cell)
    points = _points_words(sheet, r, cells)
    state.problem("row-not-understood", "warning", sheet.grid.name, r, cells[0],
                  row=r + 1, points=points, why=why, code_cell=code_cell)
    state.reading.leave(sheet.grid.name, r, "not-understood", cell_name(r, cells[0]),
                        sheet.text(r, name_col) or points.vi)
    return True


def _below_table(state: ReadState, sheet: Sheet, header: Header, end: int, reason: str,
                 text: str) -> None:
    """The table ends at ``end`` (the signature block, a note): the row is left out, and
    a row under it with points, or a task with its lead or deadline, is not understood."""
    grid = sheet.grid
    state.reading.leave(grid.name, end, reason, text=text)
    cols = header.columns
    task_col = cols.get("task")
    others = [cols[f] for f in ("lead", "deadline") if f in cols]
    for r in range(end + 1, len(grid.rows)):
        cells = _own_points(sheet, header, r)
        task = sheet.text(r, task_col) if task_col is not None else ""
        if cells and all(isinstance(sheet.raw(r, c), (int, float)) for c in cells):
            points = _points_words(sheet, r, cells)
            what = Words(words("what.points", points=points.vi).vi,
                         words("what.points", points=points.en).en)
            cell = cell_name(r, cells[0])
        elif task and task_col is not None and any(sheet.text(r, c) for c in others):
            what = words("what.task", value=task[:60])
            cell = cell_name(r, task_col)
        else:
            continue
        state.problems.append(Problem("row-below-table", "warning", grid.name, cell, {
            "row": r + 1, "what": what, "end": words("end." + reason), "end_row": end + 1}))
        state.reading.leave(grid.name, r, "not-understood", cell, task)


def _points_words(sheet: Sheet, r: int, cells: list[int]) -> Words:
    """"C8 = 1, D8 = 0,5" (and "0.5" in English): the points a row holds, for a message."""
    def shown(value: Any, lang: str) -> str:
        if isinstance(value, float) and not value.is_integer():
            return number_text(value, lang)
        return cell_text(value)

    return Words(*(", ".join(f"{cell_name(r, c)} = {shown(sheet.raw(r, c), lang)}"
                             for c in cells) for lang in ("vi", "en")))
