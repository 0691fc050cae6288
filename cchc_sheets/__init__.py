"""cchc-sheets: the weekly check of a commune's CCHC (PAR Index / SIPAS) plan workbook.

>>> from datetime import date
>>> from cchc_sheets import check, write_summary
>>> result = check("ke-hoach.xlsx", as_of=date(2025, 6, 30))   # doctest: +SKIP
>>> write_summary(result, "tong-hop.xlsx")                      # doctest: +SKIP
"""

from __future__ import annotations

from typing import Any

from cchc_sheets.api import check
from cchc_sheets.check import check_plan
from cchc_sheets.config import Config, load_config
from cchc_sheets.errors import (
    CchcError,
    ConfigError,
    OutputError,
    WorkbookFileError,
    WorkbookLayoutError,
)
from cchc_sheets.model import (
    CheckResult,
    Criterion,
    Deadline,
    Plan,
    Problem,
    Task,
    Thresholds,
    UnitSummary,
)
from cchc_sheets.reader import read_plan
from cchc_sheets.report import result_dict

__all__ = [
    "CchcError",
    "CheckResult",
    "Config",
    "ConfigError",
    "Criterion",
    "Deadline",
    "OutputError",
    "Plan",
    "Problem",
    "Task",
    "Thresholds",
    "UnitSummary",
    "WorkbookFileError",
    "WorkbookLayoutError",
    "check",
    "check_plan",
    "load_config",
    "read_plan",
    "result_dict",
    "write_summary",
    "write_template",
]


def __getattr__(name: str) -> Any:
    # The writers import xlsxwriter; load them only when asked for.
    if name == "write_summary":
        from cchc_sheets.summary import write_summary

        return write_summary
    if name == "write_template":
        from cchc_sheets.template import write_template

        return write_template
    raise AttributeError(name)
