"""The modules compiled with mypyc (``setup.py``, ``cchc_sheets/_compiled.py``) are the same
program as their Python sources: every workbook of the repository read and checked both ways
gives the same reading report and the same check, byte for byte; an edited source runs at once;
and a build that cannot compile installs the sources alone."""

from __future__ import annotations

import importlib.util
import json
import os
import runpy
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import cchc_sheets
from cchc_sheets import _compiled

ROOT = Path(cchc_sheets.__file__).parent.parent
TESTS = Path(__file__).parent

# With --rollup DIR first, the roll-up of DIR in both languages; then each workbook (a folder:
# its files) read, with the report of how it was read, and checked at three dates, in both
# languages: one JSON line per file. Anything raised is part of the output, so a compiled module
# raising where its source does not (a TypeError at a typed boundary) is a difference.
# Run with and without CCHC_PURE_PYTHON.
_SNAPSHOT = textwrap.dedent("""
    import json, sys
    from datetime import date
    from pathlib import Path
    from cchc_sheets import _compiled
    from cchc_sheets.api import load_settings
    from cchc_sheets.checking.rules import check_plan
    from cchc_sheets.errors import CchcError
    from cchc_sheets.province.rollup import roll_up, rollup_dict
    from cchc_sheets.read.reader import read_plan
    from cchc_sheets.read.reading import doc_dict
    from cchc_sheets.render.report import result_dict
    from cchc_sheets.render.terminal import render_text

    print(json.dumps({"compiled": _compiled.compiled()}))
    names = sys.argv[1:]
    if names[0] == "--rollup":
        for lang in ("vi", "en"):
            rollup = roll_up([Path(names[1])], as_of=date(2025, 6, 30), jobs=1)
            print(json.dumps(rollup_dict(rollup, lang), ensure_ascii=False, sort_keys=True))
        names = names[2:]
    paths = [p for name in names for p in
             (sorted(Path(name).iterdir()) if Path(name).is_dir() else [Path(name)])]
    for path in paths:
        out = {"file": str(path)}
        try:
            settings = load_settings(path)
            plan = read_plan(path, settings, default_year=2025)
            out["doc"] = [doc_dict(plan, "vi"), doc_dict(plan, "en")]
            for day in (date(2025, 3, 31), date(2025, 6, 30), date(2025, 12, 31)):
                result = check_plan(plan, day, settings)
                out[str(day)] = [result_dict(result, "vi"), result_dict(result, "en"),
                                 render_text(result, "en")]
        except CchcError as exc:
            out["error"] = [exc.code, sorted(map(str, exc.args_))]
        except Exception as exc:
            out["raised"] = f"{type(exc).__name__}: {exc}"
        print(json.dumps(out, ensure_ascii=False, sort_keys=True, default=str))
""")


def _workbooks(generated: Path) -> list[str]:
    """The generated plans' folder (rolled up, then each read and checked), then every workbook
    stored in the repository (published plans, officers' books, bad and hostile files)."""
    found = [p for folder in (TESTS, ROOT / "examples") for p in folder.rglob("*")
             if p.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods") and not p.name.startswith("~$")]
    return ["--rollup", str(generated), *sorted(str(p) for p in generated.iterdir()),
            *sorted(str(p) for p in found)]


def _generated(folder: Path) -> Path:
    """Eight plans as benchmarks/rollup.py makes them: both shapes, four sheet names, every kind
    of deadline, merged criterion cells, 250-350 tasks each."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import rollup as bench  # benchmarks/rollup.py
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    folder.mkdir()
    for i in range(8):
        bench._write_one((folder, i, 300))
    return folder


def _run_both(script: str, *args: str) -> tuple[list[str], list[str]]:
    runs = []
    for pure in (False, True):
        env = {k: v for k, v in os.environ.items() if k != "CCHC_PURE_PYTHON"}
        if pure:
            env["CCHC_PURE_PYTHON"] = "1"
        done = subprocess.run([sys.executable, "-c", script, *args], env=env,
                              capture_output=True, text=True, encoding="utf-8", timeout=600)
        assert done.returncode == 0, done.stderr[-3000:]
        # split at "\n" alone: officers' text may hold U+2028 and the like, which JSON keeps
        runs.append(done.stdout.rstrip("\n").split("\n"))
    return runs[0], runs[1]


@pytest.mark.skipif(not _compiled.compiled(), reason="the modules are not compiled here "
                    "(no C compiler at install time, or a source edited since)")
def test_compiled_and_pure_python_read_and_check_every_workbook_alike(tmp_path: Path) -> None:
    generated = _generated(tmp_path / "plans")
    compiled, pure = _run_both(_SNAPSHOT, *_workbooks(generated))
    assert json.loads(compiled[0]) == {"compiled": True}
    assert json.loads(pure[0]) == {"compiled": False}
    assert len(compiled) == len(pure) > 70
    assert len(json.loads(compiled[1])["communes"]) == 8
    assert sum('"doc"' in line for line in compiled) > 45  # most of them are plans that read
    assert not [line for line in compiled if '"raised"' in line]
    for ours, theirs in zip(compiled[1:], pure[1:], strict=True):
        assert ours == theirs


@pytest.mark.skipif(not _compiled.compiled(), reason="the modules are not compiled here")
def test_compiled_and_pure_python_agree_on_fuzzed_workbooks(tmp_path: Path) -> None:
    """tests/read/test_fuzz.py's workbooks (any header, merges anywhere, values of every type in
    every cell, hidden rows and sheets, the 1904 dates): the same plans, checks, reports and
    errors both ways, and nothing raised but the project's own errors."""
    from hypothesis import given, settings

    spec = importlib.util.spec_from_file_location("fuzz_books", TESTS / "read" / "test_fuzz.py")
    assert spec is not None and spec.loader is not None
    fuzz = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzz)
    folder = tmp_path / "fuzzed"
    folder.mkdir()
    calls = iter(range(10**6))

    @settings(fuzz._BASE, max_examples=150 * fuzz.SCALE)
    @given(book=fuzz.workbook_specs())
    def write(book: dict[str, Any]) -> None:
        fuzz.build(book, folder / f"{next(calls):05d}.xlsx")

    write()
    books = len(list(folder.iterdir()))
    compiled, pure = _run_both(_SNAPSHOT, str(folder))
    assert json.loads(compiled[0]) == {"compiled": True}
    assert json.loads(pure[0]) == {"compiled": False}
    assert len(compiled) == len(pure) == books + 1 > 100
    assert sum('"doc"' in line for line in compiled) > books // 3  # tables were found
    assert not [line for line in compiled if '"raised"' in line]
    for ours, theirs in zip(compiled[1:], pure[1:], strict=True):
        assert ours == theirs


def test_setup_compiles_the_modules_listed_once() -> None:
    setup = runpy.run_path(str(ROOT / "setup.py"), run_name="setup_under_test")
    assert setup["compiled_modules"]() == list(_compiled.MODULES)
    for name in _compiled.MODULES:
        assert (ROOT / Path(*name.split("."))).with_suffix(".py").is_file(), name


def _tree(tmp_path: Path, compiled: bool) -> Path:
    """A checkout's shape: pyproject.toml, the package's _compiled.py and the listed sources,
    with (or without) a compiled file beside each."""
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    package = tmp_path / "cchc_sheets"
    package.mkdir()
    (package / "_compiled.py").write_text((ROOT / "cchc_sheets" / "_compiled.py").read_text(
        encoding="utf-8"), encoding="utf-8")
    from importlib.machinery import EXTENSION_SUFFIXES

    for name in _compiled.MODULES:
        source = (tmp_path / Path(*name.split("."))).with_suffix(".py")
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text("", encoding="utf-8")
        os.utime(source, (1_000_000, 1_000_000))
        if compiled:
            so = source.with_suffix(EXTENSION_SUFFIXES[0])
            so.write_bytes(b"")
            os.utime(so, (2_000_000, 2_000_000))
    return package / "_compiled.py"


def _wanted(module: Path, env: dict[str, str] | None = None) -> bool:
    code = ("import importlib.util, sys; spec = importlib.util.spec_from_file_location('c', "
            f"{str(module)!r}); m = importlib.util.module_from_spec(spec); "
            "spec.loader.exec_module(m); print(m.sources_wanted())")
    base = {k: v for k, v in os.environ.items() if k != "CCHC_PURE_PYTHON"}
    done = subprocess.run([sys.executable, "-c", code], env={**base, **(env or {})},
                          capture_output=True, text=True, check=True)
    return done.stdout.strip() == "True"


def test_a_checkout_runs_its_sources_once_one_is_newer_than_the_compiled_modules(
        tmp_path: Path) -> None:
    module = _tree(tmp_path, compiled=True)
    assert not _wanted(module)  # built after every source: the compiled modules run
    assert _wanted(module, {"CCHC_PURE_PYTHON": "1"})
    edited = (tmp_path / Path(*_compiled.MODULES[-1].split("."))).with_suffix(".py")
    os.utime(edited, (3_000_000, 3_000_000))
    assert _wanted(module)  # one edited: all sources, as they call each other directly


def test_a_pure_checkout_and_an_installed_package_have_nothing_to_choose(tmp_path: Path) -> None:
    pure = tmp_path / "pure"
    pure.mkdir()
    assert not _wanted(_tree(pure, compiled=False))
    installed = tmp_path / "site"
    installed.mkdir()
    module = _tree(installed, compiled=True)
    (installed / "pyproject.toml").unlink()
    edited = (installed / Path(*_compiled.MODULES[0].split("."))).with_suffix(".py")
    os.utime(edited, (3_000_000, 3_000_000))
    assert not _wanted(module)  # an installed package runs as it was built


def test_a_build_that_cannot_compile_installs_the_sources_alone(tmp_path: Path) -> None:
    """setup.py's build_ext: a compile error leaves no extension and no error (the package is
    then pure Python), unless CCHC_COMPILE=1 asks for a failure."""
    (tmp_path / "broken.c").write_text("this is not C\n", encoding="utf-8")
    code = textwrap.dedent(f"""
        import runpy, sys
        from setuptools import Distribution, Extension
        setup = runpy.run_path({str(ROOT / "setup.py")!r}, run_name="setup_under_test")
        dist = Distribution({{"ext_modules": [Extension("broken", ["broken.c"])]}})
        cmd = setup["OptionalBuildExt"](dist)
        cmd.build_lib = "lib"
        cmd.build_temp = "tmp"
        cmd.ensure_finalized()
        cmd.run()
        print("outputs", cmd.get_outputs(), dist.ext_modules)
    """)
    env = {k: v for k, v in os.environ.items() if k != "CCHC_COMPILE"}
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "outputs [] []" in done.stdout
    assert "installing the pure-Python modules" in done.stderr
    assert not list(tmp_path.rglob("broken*.so")) and not list(tmp_path.rglob("broken*.pyd"))
    strict = subprocess.run([sys.executable, "-c", code], cwd=tmp_path,
                            env={**env, "CCHC_COMPILE": "1"}, capture_output=True, text=True)
    assert strict.returncode != 0
