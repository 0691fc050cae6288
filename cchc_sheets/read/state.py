"""What reading one workbook's tables has gathered so far, passed to every step that reads rows.

The row loop (:mod:`~cchc_sheets.read.rows`) reads each table's rows into one
:class:`ReadState`: criterion rows (:mod:`~cchc_sheets.read.criteria`) and task rows
(:mod:`~cchc_sheets.read.tasks`) add their records and problems to it, and keep in it what one
row or table leaves to the next (the codes a list began with, the lines under a parent, each
table's status scale).
"""

from __future__ import annotations

from typing import Any

from cchc_sheets.model import Criterion, Problem, Task
from cchc_sheets.read.headers import Header, ScoreColumn, cell_name
from cchc_sheets.read.reading import Reading


class ReadState:
    """The tasks, criteria and problems read so far, and what the next row or table reads on from."""

    def __init__(self, plan_year: int | None, problems: list[Problem],
                 reading: Reading | None = None, source: str = "plan", file: str = "") -> None:
        self.plan_year = plan_year
        self.problems = problems
        self.reading = reading if reading is not None else Reading()
        self.source, self.file = source, file  # where the tables read come from, for the report
        self.tasks: list[Task] = []
        self.criteria: list[Criterion] = []
        self.by_code: dict[str, Criterion] = {}
        self.first_codes: set[str] = set()  # where each list of criteria and tasks began
        self.status_scales: dict[int, float] = {}  # a table's header → its status numbers' scale
        self.aliases: dict[str, str] = {}  # "criterion:3" → "2.3" (see CodePaths.aliases)
        self.line_count = 0  # lines under the current parent
        self.worded: list[tuple[Task, list[tuple[str, str]]]] = []  # tasks naming such codes
        # the table being read and its score columns by year (criteria.score_groups)
        self.score_groups: tuple[Header, list[tuple[int, list[ScoreColumn]]]] | None = None
        self.point_columns: list[int] = []  # that table's Header.point_columns

    def problem(self, problem_code: str, severity: str, at_sheet: str, at_row: int,
                at_col: int | None, /, **args: Any) -> None:
        # (names unlike any message argument's: compiled by mypyc, a keyword argument named as
        # a positional-only parameter would not reach **args)
        cell = cell_name(at_row, at_col) if at_col is not None else str(at_row + 1)
        self.problems.append(Problem(problem_code, severity, at_sheet, cell, args))  # type: ignore[arg-type]
