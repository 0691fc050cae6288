"""The reader on files saved by a real spreadsheet program (LibreOffice Calc)."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from officer_books import combined_plan, separate_plan

from cchc_sheets.read.reader import read_plan

SOFFICE = shutil.which("soffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"
)


def convert(source: Path, fmt: str, outdir: Path, profile: Path) -> Path:
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", fmt, "--outdir", str(outdir), str(source)],
        check=True, capture_output=True, timeout=180,
    )
    out = outdir / (source.stem + "." + fmt)
    assert out.exists(), f"LibreOffice did not write {out}"
    return out


def snapshot(path: Path) -> dict[str, Any]:
    plan = read_plan(path, default_year=2025)
    tasks = [asdict(t) | {"sheet": t.sheet} for t in plan.tasks]
    return {
        "tasks": tasks,
        "criteria": [asdict(c) for c in plan.criteria],
        "problems": sorted((p.code, p.ref) for p in plan.problems),
    }


@pytest.mark.parametrize("builder", [combined_plan, separate_plan])
@pytest.mark.parametrize("fmt", ["xlsx", "ods", "xls"])
def test_saved_by_libreoffice_reads_the_same(tmp_path: Path, builder, fmt: str) -> None:  # type: ignore[no-untyped-def]
    original = builder(tmp_path / "ke-hoach.xlsx")
    saved = convert(original, fmt, tmp_path / "lo", tmp_path / "profile")
    assert snapshot(saved) == snapshot(original)


def test_committed_libreoffice_fixtures_read() -> None:
    fixtures = Path(__file__).parents[1] / "fixtures"
    found = sorted(fixtures.glob("thanh-da-libreoffice.*"))
    if not found:
        pytest.skip("no committed LibreOffice fixtures")
    shots = [snapshot(p) for p in found]
    assert shots[0]["tasks"] and all(s == shots[0] for s in shots)
