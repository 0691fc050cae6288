"""The roll-up on the terminal: a few lines, the communes needing most attention first."""

from __future__ import annotations

from cchc_sheets.province.rollup import Rollup
from cchc_sheets.render.labels import label
from cchc_sheets.text import day, number, percent

SHOWN = 5
FILES_SHOWN = 10


def _count(value: int, lang: str) -> str:
    return number(value, lang, 0)


def _ratio(part: int, whole: int) -> str:
    return percent(part / whole if whole else None)


def render_rollup(rollup: Rollup, lang: str = "vi") -> str:
    """The roll-up's key figures, the worst communes and the files left out, as text."""
    communes = rollup.communes
    tasks = sum(c.tasks for c in communes)
    done = sum(c.done for c in communes)
    lines = [
        label("term.rollup.head", lang, date=day(rollup.as_of, lang), communes=len(communes),
              files=rollup.files),
        label("term.rollup.tasks", lang, tasks=_count(tasks, lang), done=_count(done, lang),
              ratio=_ratio(done, tasks),
              overdue=_count(sum(c.overdue for c in communes), lang),
              missing=_count(sum(c.missing_update for c in communes), lang)),
    ]
    attention = [c for c in communes if c.overdue or c.missing_update][:SHOWN]
    if attention:
        lines.append(label("term.rollup.worst", lang))
        for rank, c in enumerate(attention, start=1):
            lines.append("  " + label("term.rollup.commune", lang, rank=rank, commune=c.commune,
                                      overdue=c.overdue, missing=c.missing_update,
                                      ratio=_ratio(c.done, c.tasks)))
    problems = rollup.problems
    if problems:
        lines.append(label("term.rollup.files", lang, count=len(problems)))
        for problem in problems[:FILES_SHOWN]:
            lines.append(f"  {problem.file}: {problem.message(lang)}")
        if len(problems) > FILES_SHOWN:
            lines.append("  " + label("term.rollup.more", lang, count=len(problems) - FILES_SHOWN))
    return "\n".join(lines)
