"""cchc-sheets: the weekly check of a commune's CCHC (PAR Index / SIPAS) plan workbook.

>>> from datetime import date
>>> from cchc_sheets import check, write_summary
>>> result = check("ke-hoach.xlsx", as_of=date(2025, 6, 30))   # doctest: +SKIP
>>> write_summary(result, "tong-hop.xlsx")                      # doctest: +SKIP

Names are loaded when first used, so ``cchc --help`` starts fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from cchc_sheets import _compiled, _moved

_compiled.install()
_moved.install()

_WHERE = {
    "check": "cchc_sheets.api",
    "check_plan": "cchc_sheets.checking.rules",
    "Config": "cchc_sheets.config",
    "load_config": "cchc_sheets.config",
    "CchcError": "cchc_sheets.errors",
    "ConfigError": "cchc_sheets.errors",
    "OutputError": "cchc_sheets.errors",
    "WorkbookFileError": "cchc_sheets.errors",
    "WorkbookLayoutError": "cchc_sheets.errors",
    "CheckResult": "cchc_sheets.model",
    "Criterion": "cchc_sheets.model",
    "Deadline": "cchc_sheets.model",
    "Plan": "cchc_sheets.model",
    "Problem": "cchc_sheets.model",
    "Task": "cchc_sheets.model",
    "Thresholds": "cchc_sheets.model",
    "UnitSummary": "cchc_sheets.model",
    "read_plan": "cchc_sheets.read.reader",
    "result_dict": "cchc_sheets.render.report",
    "write_summary": "cchc_sheets.render.summary",
    "write_template": "cchc_sheets.render.template",
}

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

if TYPE_CHECKING:
    from cchc_sheets.api import check
    from cchc_sheets.checking.rules import check_plan
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
    from cchc_sheets.read.reader import read_plan
    from cchc_sheets.render.report import result_dict
    from cchc_sheets.render.summary import write_summary
    from cchc_sheets.render.template import write_template


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'cchc_sheets' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
