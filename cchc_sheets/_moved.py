"""Old import paths: ``import cchc_sheets.reader`` is the very module ``cchc_sheets.read.reader``.

The package is laid out as its pipeline (``read/``, ``checking/``, ``render/``, ``deliver/``,
``word/``); the flat names it had before keep working through :data:`MOVED` and one finder,
placed last on :data:`sys.meta_path` (it is asked only after the normal finders found nothing,
so it costs nothing to any other import). The old name is an alias: the same module object,
so ``monkeypatch.setattr("cchc_sheets.reader.X", ...)`` changes the real module.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:  # importlib.abc itself costs 80 ms at start-up (importlib.resources)
    from importlib.abc import Loader

#: old module name → where it lives now
MOVED: dict[str, str] = {
    "cchc_sheets.atomic": "cchc_sheets.deliver.atomic",
    "cchc_sheets.cellerrors": "cchc_sheets.read.cellerrors",
    "cchc_sheets.codes": "cchc_sheets.read.codes",
    "cchc_sheets.commune": "cchc_sheets.province.commune",
    "cchc_sheets.deadlines": "cchc_sheets.read.deadlines",
    "cchc_sheets.deliver.settings": "cchc_sheets.config_email",
    "cchc_sheets.docxtables": "cchc_sheets.word.docxtables",
    "cchc_sheets.fastsheet": "cchc_sheets.render.fastsheet",
    "cchc_sheets.figures": "cchc_sheets.checking.figures",
    "cchc_sheets.flags": "cchc_sheets.checking.flags",
    "cchc_sheets.frames": "cchc_sheets.render.frames",
    "cchc_sheets.header_text": "cchc_sheets.deliver.headers",
    "cchc_sheets.headers": "cchc_sheets.read.headers",
    "cchc_sheets.history": "cchc_sheets.checking.history",
    "cchc_sheets.isolate": "cchc_sheets.read.isolate",
    "cchc_sheets.labels": "cchc_sheets.render.labels",
    "cchc_sheets.mail": "cchc_sheets.deliver.mail",
    "cchc_sheets.odsbounds": "cchc_sheets.read.odsbounds",
    "cchc_sheets.opener": "cchc_sheets.deliver.opener",
    "cchc_sheets.paths": "cchc_sheets.read.paths",
    "cchc_sheets.preflight": "cchc_sheets.read.preflight",
    "cchc_sheets.properties": "cchc_sheets.render.properties",
    "cchc_sheets.province_scores": "cchc_sheets.province.province_scores",
    "cchc_sheets.reader": "cchc_sheets.read.reader",
    "cchc_sheets.reading": "cchc_sheets.read.reading",
    "cchc_sheets.report": "cchc_sheets.render.report",
    "cchc_sheets.rollup": "cchc_sheets.province.rollup",
    "cchc_sheets.rollup_book": "cchc_sheets.province.rollup_book",
    "cchc_sheets.rollup_text": "cchc_sheets.province.rollup_text",
    "cchc_sheets.rules": "cchc_sheets.checking.rules",
    "cchc_sheets.scoring": "cchc_sheets.read.scoring",
    "cchc_sheets.sending": "cchc_sheets.deliver.delivery",
    "cchc_sheets.sources": "cchc_sheets.read.sources",
    "cchc_sheets.status": "cchc_sheets.read.status",
    "cchc_sheets.summary": "cchc_sheets.render.summary",
    "cchc_sheets.template": "cchc_sheets.render.template",
    "cchc_sheets.template_text": "cchc_sheets.render.template_text",
    "cchc_sheets.terminal": "cchc_sheets.render.terminal",
    "cchc_sheets.vocabulary": "cchc_sheets.read.vocabulary",
    "cchc_sheets.wordimport": "cchc_sheets.word.wordimport",
    "cchc_sheets.xlsprotect": "cchc_sheets.read.xlsprotect",
    "cchc_sheets.years": "cchc_sheets.read.years",
}


class _Finder:
    """Find an old name and load it as the module that now holds it (a meta path finder and
    its loader, by their methods)."""

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname not in MOVED:
            return None
        return ModuleSpec(fullname, cast("Loader", self))

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        module = importlib.import_module(MOVED[spec.name])
        spec.loader_state = module.__spec__  # the import system is about to overwrite it
        return module

    def exec_module(self, module: ModuleType) -> None:
        # already executed under its own name: give it its own spec back
        spec = module.__spec__
        if spec is not None and isinstance(spec.loader_state, ModuleSpec):
            module.__spec__ = spec.loader_state


def install() -> None:
    """Put the finder on ``sys.meta_path`` (once)."""
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.append(_Finder())
