from __future__ import annotations

import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

EXAMPLE = ROOT / "examples" / "ke-hoach-cchc-xa-thanh-da-2025.xlsx"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden files from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def copy_example(folder: Path) -> Path:
    """Copy the example's own files (not what a check left beside them) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in (EXAMPLE.name, "scores-2024.xlsx", "cchc.toml"):
        (folder / name).write_bytes((EXAMPLE.parent / name).read_bytes())
    return folder / EXAMPLE.name
