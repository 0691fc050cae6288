"""The key figures of a summary workbook, read back from its ``cchc_*`` properties (written
and read by :mod:`cchc_sheets.render.properties`) or taken straight from a check: what the e-mail
shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cchc_sheets.checking.figures import KeyFigures, key_figures
from cchc_sheets.errors import MailError, Words
from cchc_sheets.model import CheckResult
from cchc_sheets.render.properties import NotASummary, read_properties


@dataclass(frozen=True)
class SummaryFigures:
    """The key figures of a summary workbook (its ``cchc_*`` custom document properties)."""

    as_of: date
    tasks: int
    done: int
    overdue: int
    due_soon: int
    missing_update: int
    weak_criteria: int = 0
    plan_year: int | None = None
    source: str = ""
    lang: str = "vi"
    index: str = "cchc"  # the plan's own index (vocabulary.INDEXES)

    @classmethod
    def of(cls, figures: KeyFigures, as_of: date, plan_year: int | None = None,
           source: str = "", lang: str = "vi", index: str = "cchc") -> SummaryFigures:
        """What the mail shows of the key figures (:class:`~cchc_sheets.checking.figures.KeyFigures`)."""
        return cls(as_of=as_of, tasks=figures.tasks, done=figures.done,
                   overdue=figures.overdue, due_soon=figures.due_soon,
                   missing_update=figures.missing_update, weak_criteria=figures.weak,
                   plan_year=plan_year, source=source, lang=lang, index=index)

    @classmethod
    def from_result(cls, result: CheckResult, lang: str = "vi") -> SummaryFigures:
        """The same figures straight from a check (for ``cchc check --send``)."""
        return cls.of(key_figures(result), result.as_of, result.plan_year,
                      result.plan.source.name, lang, result.plan.index)


_CUSTOM_XML = "docProps/custom.xml"
_PROP_WORDS = {
    "cchc_as_of": ("ngày kiểm tra", "the as-of date"),
    "cchc_tasks": ("số nhiệm vụ", "the number of tasks"),
    "cchc_done": ("số nhiệm vụ hoàn thành", "the number done"),
    "cchc_overdue": ("số nhiệm vụ quá hạn", "the number overdue"),
    "cchc_due_soon": ("số nhiệm vụ sắp đến hạn", "the number due soon"),
    "cchc_missing_update": ("số nhiệm vụ thiếu cập nhật", "the number missing updates"),
    "cchc_plan_year": ("năm kế hoạch", "the plan year"),
    _CUSTOM_XML: ("các số liệu của lần kiểm tra", "the check's figures"),
}


def _missing(names: Sequence[str]) -> Words:
    """The summary's missing properties in words (never their internal names)."""
    if len(names) > 2:
        names = [_CUSTOM_XML]
    vi = ", ".join(_PROP_WORDS.get(n, (n, n))[0] for n in names)
    en = ", ".join(_PROP_WORDS.get(n, (n, n))[1] for n in names)
    return Words(vi, en)


def read_summary_figures(path: Path) -> SummaryFigures:
    """Read the figures that ``cchc check`` stored in the summary's custom properties
    (:mod:`cchc_sheets.render.properties`).

    Raises :class:`MailError`: ``file-missing``, or ``mail-not-a-summary`` (naming the missing
    properties) for any other workbook or file.
    """
    path = Path(path)
    if not path.is_file():
        raise MailError("file-missing", str(path))
    try:
        props = read_properties(path)
    except NotASummary as exc:
        raise MailError("mail-not-a-summary", str(path), missing=_missing(exc.missing)) from None
    return SummaryFigures.of(props.figures, props.as_of, props.plan_year, props.source,
                             props.lang, props.index)
