"""The package laid out as its pipeline: every old flat import path is the very module it moved
to (``cchc_sheets/_moved.py``), and the tree holds no stub files for them."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import cchc_sheets
from cchc_sheets._moved import MOVED

PACKAGE = Path(cchc_sheets.__file__).parent


def test_old_import_paths_are_the_moved_modules() -> None:
    import cchc_sheets.read.reader
    import cchc_sheets.reader as r

    assert r is cchc_sheets.read.reader
    for old, new in MOVED.items():
        assert importlib.import_module(old) is importlib.import_module(new), old


def test_old_import_paths_from_import_names() -> None:
    from cchc_sheets.deliver.delivery import deliver as real_deliver
    from cchc_sheets.read.reader import read_plan as real_read_plan
    from cchc_sheets.reader import read_plan
    from cchc_sheets.sending import deliver

    assert read_plan is real_read_plan and deliver is real_deliver


def test_old_import_paths_keep_the_real_modules_spec() -> None:
    """The import system overwrites ``__spec__`` of what a loader gives; the finder gives the
    real module its own back, so reloading and ``-m`` still see the real name."""
    import cchc_sheets.render.summary
    import cchc_sheets.summary  # noqa: F401

    real = sys.modules["cchc_sheets.render.summary"]
    assert sys.modules["cchc_sheets.summary"] is real
    assert real.__spec__ is not None and real.__spec__.name == "cchc_sheets.render.summary"
    assert real.__name__ == "cchc_sheets.render.summary"


def test_monkeypatch_through_an_old_path_changes_the_real_module(monkeypatch: pytest.MonkeyPatch) -> None:
    import cchc_sheets.read.deadlines as deadlines

    marker = object()
    monkeypatch.setattr("cchc_sheets.deadlines.parse_deadline", marker)
    assert deadlines.parse_deadline is marker


def test_an_unknown_name_is_still_an_import_error() -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("cchc_sheets.no_such_module")


def test_the_tree_has_no_file_for_an_old_name() -> None:
    for old, new in MOVED.items():
        assert not (PACKAGE / (old.split(".", 1)[1] + ".py")).exists(), old
        assert (PACKAGE / (new.split(".", 1)[1].replace(".", "/") + ".py")).is_file(), new


def test_the_public_names_still_resolve_and_check_is_the_function() -> None:
    """``cchc_sheets.check`` is the function: the check stage is ``checking/`` so that importing
    it never puts a subpackage where the public name is."""
    import cchc_sheets.checking.rules  # noqa: F401

    for name in cchc_sheets.__all__:
        assert getattr(cchc_sheets, name) is not None, name
    assert callable(cchc_sheets.check) and not isinstance(cchc_sheets.check, type(sys))


def test_importing_the_package_loads_no_moved_module() -> None:
    """The finder costs nothing until an old name is imported: ``import cchc_sheets`` loads none
    of the subpackages' modules."""
    code = ("import sys, cchc_sheets; "
            "print(' '.join(m for m in sys.modules if m.startswith('cchc_sheets.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=PACKAGE.parent).stdout.split()
    assert "cchc_sheets._moved" in out
    moved = set(MOVED.values())
    assert not moved & set(out), sorted(moved & set(out))
