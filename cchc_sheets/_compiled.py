"""The modules compiled with mypyc at install time, and the choice between them and their sources.

Reading a plan spends most of its time in a few pure-Python modules (the row reader, the header
search, text cleaning, the check's rules). ``setup.py`` compiles the modules of :data:`MODULES`
with mypyc where a C compiler is at hand (about a quarter less CPU time for the roll-up); the
Python files stay beside them and are the same program, run wherever compiling was not possible.

:func:`install` runs the sources instead of the compiled modules when

- ``CCHC_PURE_PYTHON=1`` is set (to compare both, or to debug with tracebacks into the source);
- in a checkout (an editable install, ``pyproject.toml`` beside the package), any listed source
  is newer than its compiled module, or one of them has none: an edited file then takes effect
  at once, without a rebuild. The compiled modules call each other directly, so it is all of
  them or none. ``python -m pip install -e .`` compiles them again.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec, SourceFileLoader
from importlib.util import spec_from_file_location
from types import ModuleType

#: the modules setup.py compiles (dotted names), read there by ``ast``: keep it a literal tuple
MODULES = (
    "cchc_sheets.text",
    "cchc_sheets.checking.rules",
    "cchc_sheets.read.codes",
    "cchc_sheets.read.criteria",
    "cchc_sheets.read.deadlines",
    "cchc_sheets.read.headers",
    "cchc_sheets.read.layout",
    "cchc_sheets.read.rows",
    "cchc_sheets.read.scoring",
    "cchc_sheets.read.sheet",
    "cchc_sheets.read.state",
    "cchc_sheets.read.status",
    "cchc_sheets.read.tasks",
)

_HERE = os.path.dirname(os.path.abspath(__file__))


def _stem(name: str) -> str:
    """A listed module's path without its suffix."""
    return os.path.join(os.path.dirname(_HERE), *name.split("."))


def _source(name: str) -> str:
    return _stem(name) + ".py"


def _compiled_file(name: str) -> str | None:
    stem = _stem(name)
    for suffix in EXTENSION_SUFFIXES:
        if os.path.exists(stem + suffix):
            return stem + suffix
    return None


def sources_wanted() -> bool:
    """Whether the Python sources of :data:`MODULES` should run (see the module's docstring)."""
    if os.environ.get("CCHC_PURE_PYTHON", "") not in ("", "0"):
        return True
    if not os.path.exists(os.path.join(os.path.dirname(_HERE), "pyproject.toml")):
        return False  # an installed package runs as it was built
    built = [_compiled_file(name) for name in MODULES]
    if not any(built):
        return False  # a pure-Python checkout: nothing to choose
    try:
        return any(so is None or os.path.getmtime(_source(name)) > os.path.getmtime(so)
                   for name, so in zip(MODULES, built, strict=True))
    except OSError:
        return True


class _Sources:
    """A meta path finder that loads each module of :data:`MODULES` from its ``.py`` file."""

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname not in MODULES:
            return None
        source = _source(fullname)
        return spec_from_file_location(fullname, source, loader=SourceFileLoader(fullname, source))


def compiled() -> bool:
    """Whether the compiled modules are the ones that run."""
    import cchc_sheets.read.tasks

    return not (cchc_sheets.read.tasks.__file__ or "").endswith(".py")


def install() -> None:
    """Put the source finder first on ``sys.meta_path`` when the sources are wanted (once)."""
    if any(isinstance(finder, _Sources) for finder in sys.meta_path):
        return
    if sources_wanted():
        sys.meta_path.insert(0, _Sources())
