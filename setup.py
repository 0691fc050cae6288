"""The build: everything is in pyproject.toml except the compiled modules.

The reader's busiest modules (``cchc_sheets/_compiled.py``'s MODULES) are compiled with mypyc
where it and a C compiler are at hand: about a quarter less CPU time to read and check a plan.
Compiling is only an optimisation. Without mypyc, without a compiler (a Windows machine
without Visual C++), or when compiling fails, the package is installed as pure Python, the same
program, with a warning; ``CCHC_COMPILE=0`` skips compiling, ``CCHC_COMPILE=1`` makes a failure
stop the build (CI).
"""

from __future__ import annotations

import ast
import os
import sys
from pathlib import Path
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent
MODE = os.environ.get("CCHC_COMPILE", "auto")


def _warn(what: str) -> None:
    print(f"cchc-sheets: {what}; installing the pure-Python modules (the same program, slower)",
          file=sys.stderr)


def compiled_modules() -> list[str]:
    """The MODULES tuple of ``cchc_sheets/_compiled.py``, read without importing the package."""
    tree = ast.parse((HERE / "cchc_sheets" / "_compiled.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == "MODULES" for target in node.targets):
            return list(ast.literal_eval(node.value))
    raise RuntimeError("cchc_sheets/_compiled.py has no MODULES")


def extensions() -> list[Any]:
    if MODE == "0":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        if MODE == "1":
            raise
        _warn("mypyc is not available")
        return []
    paths = [str(Path(*name.split(".")).with_suffix(".py")) for name in compiled_modules()]
    try:
        return list(mypycify(paths, opt_level="3", group_name="cchc_sheets_compiled"))
    except (Exception, SystemExit) as exc:
        if MODE == "1":
            raise
        _warn(f"mypyc could not translate the modules ({exc})")
        return []


class OptionalBuildExt(build_ext):
    """Build the compiled modules, or none of them: they call each other directly, so a partial
    set would not import."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:
            if MODE == "1":
                raise
            for output in self.get_outputs():
                if os.path.exists(output):
                    os.remove(output)
            self.extensions: list[Any] = []
            self.distribution.ext_modules = []
            _warn(f"the compiled modules could not be built ({type(exc).__name__}: "
                  f"{str(exc)[:120]})")

    def get_outputs(self) -> list[str]:
        return super().get_outputs() if self.extensions else []


if __name__ == "__main__":  # (setuptools runs this file as __main__; tests import it)
    setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
