"""Both reading paths (python-calamine and openpyxl) give the same tasks, criteria and problems."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from factories import plan_snapshot
from officer_books import combined_plan, separate_plan

from cchc_sheets.read.reader import read_plan

ROOT = Path(__file__).parents[2]
SHIPPED = sorted(
    p for pattern in ("examples/*.xlsx", "tests/fixtures/*.xlsx", "workbook_templates/*.xlsx")
    for p in ROOT.glob(pattern)
    if not p.name.startswith("scores")
)


def _snapshot(path: Path, engine: str) -> dict[str, Any]:
    return plan_snapshot(read_plan(path, engine=engine, default_year=2025))


def _built(tmp_path: Path) -> list[Path]:
    return [combined_plan(tmp_path / "combined.xlsx"), separate_plan(tmp_path / "separate.xlsx")]


def test_built_workbooks_read_alike(tmp_path: Path) -> None:
    for path in _built(tmp_path):
        assert _snapshot(path, "calamine") == _snapshot(path, "openpyxl"), path.name


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_workbooks_read_alike(path: Path) -> None:
    assert _snapshot(path, "calamine") == _snapshot(path, "openpyxl")
