"""The summary workbook's custom document properties (``cchc_*``): written and read here only.

``cchc check`` stores the key figures in the summary it writes (:func:`write_properties`), so
that ``cchc send`` can mail a summary without the plan (:func:`read_properties`) and a later
check knows a file it may replace (:func:`is_summary`).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from cchc_sheets.checking.figures import KeyFigures, ScoreTotal, figures_of
from cchc_sheets.text import language

CUSTOM_XML = "docProps/custom.xml"
CUSTOM_LIMIT = 1 << 20  # a summary's properties are a few hundred bytes
# the properties a summary must carry to be mailed without its plan
REQUIRED = ("cchc_as_of", "cchc_tasks", "cchc_done", "cchc_overdue", "cchc_due_soon",
            "cchc_missing_update")


@dataclass(frozen=True)
class SummaryProperties:
    """What a summary says about itself: its check's date, plan, language and key figures."""

    as_of: date
    figures: KeyFigures
    plan_year: int | None = None
    source: str = ""
    lang: str = "vi"
    index: str = "cchc"  # the plan's own index (vocabulary.INDEXES)
    commune: str = ""  # "Xã Thanh Đa": the plan's commune (the province's roll-up names it so)


class NotASummary(ValueError):
    """The file is not a summary written by ``cchc check``; ``missing`` names what it lacks."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__(", ".join(missing))
        self.missing = missing


def properties_of(figures: KeyFigures, as_of: date, plan_year: int | None, source: str,
                  lang: str, index: str = "cchc", commune: str = "") -> list[tuple[str, Any]]:
    """The ``(name, value)`` pairs a summary carries (None values are left out when written)."""
    props: list[tuple[str, Any]] = [
        ("cchc_as_of", as_of.isoformat()),
        ("cchc_plan_year", plan_year),
        ("cchc_index", index),
        ("cchc_tasks", figures.tasks),
        ("cchc_done", figures.done),
        ("cchc_overdue", figures.overdue),
        ("cchc_due_soon", figures.due_soon),
        ("cchc_missing_update", figures.missing_update),
        ("cchc_weak_criteria", figures.weak),
        ("cchc_uncovered", figures.uncovered),
        ("cchc_errors", figures.errors),
        ("cchc_warnings", figures.warnings),
        ("cchc_source", source),
        ("cchc_commune", commune or None),
        ("cchc_lang", lang),
    ]
    last = figures.total
    if last is not None:
        props += [("cchc_last_year", last.year), ("cchc_points", last.score),
                  ("cchc_points_max", last.max), ("cchc_lost", figures.lost)]
    return props


def write_properties(workbook: Any, figures: KeyFigures, as_of: date, plan_year: int | None,
                     source: str, lang: str, index: str = "cchc", commune: str = "") -> None:
    """Set the ``cchc_*`` properties on an XlsxWriter workbook."""
    for name, value in properties_of(figures, as_of, plan_year, source, lang, index, commune):
        if value is not None:
            workbook.set_custom_property(name, value)


def raw_properties(path: Path) -> dict[str, str]:
    """Every custom property of an .xlsx, as text; :class:`NotASummary` when there are none or
    the file is not a workbook."""
    from defusedxml import ElementTree  # only when a summary is read back (cchc send)

    try:
        with zipfile.ZipFile(path) as book:
            info = book.getinfo(CUSTOM_XML)
            if info.file_size > CUSTOM_LIMIT:
                raise NotASummary([CUSTOM_XML])
            data = book.read(info)
        root = ElementTree.fromstring(data)
    except NotASummary:
        raise
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, SyntaxError) as exc:
        raise NotASummary(list(REQUIRED)) from exc
    props: dict[str, str] = {}
    for prop in root:
        name = prop.get("name")
        if name and len(prop):
            props[name] = (prop[0].text or "").strip()
    return props


def read_properties(path: Path) -> SummaryProperties:
    """What ``cchc check`` stored in the summary at ``path``.

    Raises :class:`NotASummary` (naming the missing properties) for any other workbook or file.
    """
    props = raw_properties(Path(path))
    missing = [name for name in REQUIRED if name not in props]
    if missing:
        raise NotASummary(missing)

    def number(name: str, default: int | None = None) -> int | None:
        value = props.get(name, "")
        if not value:
            return default
        try:
            return int(float(value))
        except ValueError:
            if name == "cchc_weak_criteria":  # a list of codes also works
                return len([v for v in re.split(r"[,;]", value) if v.strip()])
            if name in REQUIRED or name == "cchc_plan_year":
                raise NotASummary([name]) from None
            return default

    def real(name: str) -> float | None:
        try:
            return float(props[name]) if props.get(name) else None
        except ValueError:
            return None

    try:
        as_of = date.fromisoformat(props["cchc_as_of"][:10])
    except ValueError:
        raise NotASummary(["cchc_as_of"]) from None
    year, points, maximum = number("cchc_last_year"), real("cchc_points"), real("cchc_points_max")
    total = (ScoreTotal(year, points, maximum)
             if year is not None and points is not None and maximum is not None else None)
    figures = figures_of(
        tasks=number("cchc_tasks", 0) or 0, done=number("cchc_done", 0) or 0,
        overdue=number("cchc_overdue", 0) or 0, due_soon=number("cchc_due_soon", 0) or 0,
        missing_update=number("cchc_missing_update", 0) or 0,
        weak=number("cchc_weak_criteria", 0) or 0, uncovered=number("cchc_uncovered", 0) or 0,
        errors=number("cchc_errors", 0) or 0, warnings=number("cchc_warnings", 0) or 0,
        total=total)
    return SummaryProperties(as_of=as_of, figures=figures, plan_year=number("cchc_plan_year"),
                             source=props.get("cchc_source", ""),
                             lang=language(props.get("cchc_lang")),
                             index=props.get("cchc_index", "") or "cchc",
                             commune=props.get("cchc_commune", ""))


def is_summary(path: Path) -> bool:
    """True for a summary workbook that ``cchc check`` wrote (it carries ``cchc_as_of``)."""
    try:
        return b'name="cchc_as_of"' in custom_xml_head(path)
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


def custom_xml_head(path: Path) -> bytes:
    """The first 64 KB of a workbook's custom properties, as bytes, for a test of the names
    they hold without parsing them; ``b""`` when it has none. A damaged zip raises."""
    with zipfile.ZipFile(path) as zf:
        try:
            info = zf.getinfo(CUSTOM_XML)
        except KeyError:
            return b""
        with zf.open(info) as part:
            return part.read(65536)
