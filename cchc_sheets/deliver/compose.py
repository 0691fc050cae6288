"""Composing the messages: the summary e-mail (key figures, the workbook attached) and each lead
unit's short list of the tasks needing its attention. The words are in
:mod:`cchc_sheets.deliver.wording`; nothing is sent here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any, NamedTuple

from cchc_sheets.checking import flags
from cchc_sheets.deliver import wording
from cchc_sheets.deliver.addresses import parse_address, parse_addresses
from cchc_sheets.deliver.attachments import attach_file
from cchc_sheets.deliver.headers import MAILER, check_header_value, subject_header
from cchc_sheets.deliver.summary_figures import SummaryFigures
from cchc_sheets.deliver.wording import fill, words
from cchc_sheets.errors import MailError
from cchc_sheets.model import CheckResult, Task
from cchc_sheets.read.vocabulary import INDEX_BY_KEY
from cchc_sheets.render.labels import index_name
from cchc_sheets.text import clean, day, fold, percent

# the task flags that put a task in its unit's e-mail (flags.py: needing attention, or due soon)
ATTENTION_FLAGS = tuple(sorted(flags.unit_mail()))


def _plan(plan_year: int | None, lang: str, index: str = "cchc") -> dict[str, str]:
    """``{plan}`` (the plan of the index) and ``{year}`` of the templates."""
    year = words("year", lang, year=plan_year) if plan_year else ""
    if index == "cchc" or index not in INDEX_BY_KEY:
        return {"plan": words("plan-cchc", lang), "year": year}
    plan = words("plan", lang, vi=index_name(index), en=INDEX_BY_KEY[index].en)
    return {"plan": plan, "year": year}


def default_subject(figures: SummaryFigures, lang: str = "vi") -> str:
    """``Tổng hợp thực hiện Kế hoạch nâng cao Chỉ số CCHC năm 2025 – tính đến ngày 30/06/2025:
    15/42 hoàn thành, 6 quá hạn``."""
    return fill(wording.SUMMARY_SUBJECT, lang, **_plan(figures.plan_year, lang, figures.index),
                day=day(figures.as_of, lang), done=figures.done, tasks=figures.tasks,
                overdue=figures.overdue)


def _percent(part: int, whole: int) -> str:
    return percent(part / whole if whole else None)


def summary_body(figures: SummaryFigures, attachment_name: str, lang: str = "vi",
                 extra: str = "") -> str:
    """The plain-text body of the summary e-mail."""
    source = words("source", lang, source=figures.source) if figures.source else ""
    note = f"\n{extra.strip()}\n" if extra.strip() else ""
    return fill(wording.SUMMARY_BODY, lang, **_plan(figures.plan_year, lang, figures.index),
                day=day(figures.as_of, lang), source=source, note=note,
                attachment=attachment_name, tasks=figures.tasks, done=figures.done,
                done_percent=_percent(figures.done, figures.tasks), overdue=figures.overdue,
                due_soon=figures.due_soon, missing_update=figures.missing_update,
                weak_criteria=figures.weak_criteria)


def new_message(sender: str, to: Sequence[str], cc: Sequence[str], subject: str,
                when: datetime | None, to_from: str = "--to") -> EmailMessage:
    """A message with its headers checked and set (no body yet); ``to_from`` names where the
    ``to`` addresses came from, for the messages."""
    check_header_value(sender, "from ([email])")
    for value in to:
        check_header_value(value, to_from)
    for value in cc:
        check_header_value(value, "--cc")
    from_address = parse_address(sender)
    to_addresses = parse_addresses(to)
    cc_addresses = [a for a in parse_addresses(cc)
                    if a.addr_spec.lower() not in {t.addr_spec.lower() for t in to_addresses}]
    if not to_addresses:
        raise MailError("mail-no-recipients")
    message = EmailMessage()
    message.set_raw("Subject", subject_header(check_header_value(subject, "--subject")))
    message["From"] = from_address
    message["To"] = to_addresses
    if cc_addresses:
        message["Cc"] = cc_addresses
    message["Date"] = format_datetime(when or datetime.now().astimezone())
    message["Message-ID"] = make_msgid(domain=from_address.domain)
    message["X-Mailer"] = MAILER
    return message


def build_message(
    summary: Path,
    figures: SummaryFigures,
    sender: str,
    to: Sequence[str],
    cc: Sequence[str] = (),
    subject: str | None = None,
    lang: str | None = None,
    body_extra: str = "",
    *,
    when: datetime | None = None,
) -> EmailMessage:
    """The summary e-mail: Vietnamese (or English) subject and body with the as-of date and the
    key figures, and the workbook attached under an ASCII name plus its real name.

    ``to``/``cc`` are address strings (each may hold several, see
    :func:`~cchc_sheets.deliver.addresses.parse_addresses`); ``lang`` defaults to the summary's
    own language; ``when`` is the Date header (default now). Raises
    :class:`~cchc_sheets.errors.MailError` (``mail-bad-address``, ``mail-no-recipients``,
    ``file-missing``) before anything is sent.
    """
    lang = lang or figures.lang
    summary = Path(summary)
    message = new_message(sender, to, cc, subject or default_subject(figures, lang), when)
    try:
        data = summary.read_bytes()
    except OSError as exc:
        raise MailError("file-missing", str(summary)) from exc
    message.set_content(summary_body(figures, summary.name, lang, body_extra),
                        cte="quoted-printable")
    attach_file(message, data, summary.name)
    return message


# --- per-unit lists ------------------------------------------------------------------------


class UnitMailing(NamedTuple):
    """What :func:`unit_messages` made: one message per unit with an address, in ``units``
    order (``counts``: how many tasks each lists), the units that have tasks to report but no
    address, the units whose tasks need nothing (nothing sent to them), and the tasks needing
    attention that have no lead unit (they went to nobody)."""

    messages: list[EmailMessage]
    units: list[str]
    without_address: list[str]
    counts: list[int] = []
    nothing_to_report: list[str] = []
    unassigned: list[Task] = []


def _entry(entry: Any, key: str, default: Any = None) -> Any:
    if isinstance(entry, Mapping):
        return entry.get(key, default)
    return getattr(entry, key, default)


def _task_cell(task: Task) -> str:
    for name in ("task", "title"):
        if name in task.cells:
            return task.cell(name)
    return task.ref


def _task_line(number: int, task: Task, lang: str) -> str:
    parts: list[str] = []
    if task.criteria:
        parts.append(words("criteria", lang, codes=", ".join(task.criteria)))
    deadline = task.deadline
    if deadline.kind == "date" and deadline.due:
        due = day(deadline.due, lang)
        shown = f"{due} ({deadline.text})" if deadline.text and deadline.text != due else due
        parts.append(words("due", lang, due=shown))
    elif deadline.kind == "ongoing":
        parts.append(deadline.text or words("ongoing", lang))
    elif deadline.text:
        parts.append(words("deadline", lang, text=deadline.text))
    else:
        parts.append(words("no-deadline", lang))
    for flag in flags.FLAGS:  # each flag the way its table entry says it
        if flag.name not in task.flags or flag.reason is None:
            continue
        if flag.name == "overdue" and task.days_overdue is None:
            continue
        reason = flags.reason_of(flag.name, lang, days=task.days_overdue)
        if reason and flag.field == "updated" and task.updated:
            reason += words("last-update", lang, day=day(task.updated, lang))
        if reason:
            parts.append(reason)
    title = " ".join(task.title.split())
    if len(title) > 160:
        title = title[:157] + "…"
    return f"{number}. [{_task_cell(task)}] {title} — " + "; ".join(parts)


def _unit_groups(tasks: Sequence[Task], as_of: date) -> dict[str, list[Task]]:
    """A unit's tasks by group (:data:`~cchc_sheets.deliver.wording.UNIT_GROUPS`): overdue,
    due soon, then missing updates, then any other flag needing attention."""
    missing = frozenset(flags.missing_update())
    listed = {"overdue", "due-soon"} | missing
    return {
        "overdue": sorted((t for t in tasks if "overdue" in t.flags),
                          key=lambda t: (-(t.days_overdue or 0), t.sheet, t.row)),
        "due-soon": sorted((t for t in tasks if "overdue" not in t.flags
                            and "due-soon" in t.flags),
                           key=lambda t: (t.deadline.due or as_of, t.sheet, t.row)),
        "missing-update": [t for t in tasks if "overdue" not in t.flags
                           and "due-soon" not in t.flags and not missing.isdisjoint(t.flags)],
        "other": [t for t in tasks if listed.isdisjoint(t.flags)],
    }


def unit_body(unit: str, tasks: Sequence[Task], as_of: date, lang: str = "vi",
              plan_year: int | None = None, index: str = "cchc") -> str:
    """The short list for one lead unit: overdue, due soon, then missing updates."""
    groups = _unit_groups(tasks, as_of)
    shown = ""
    for key in wording.UNIT_GROUPS:
        items = groups[key]
        if not items:
            continue
        lines = [words("group", lang, heading=words("group." + key, lang), count=len(items))]
        lines.extend(_task_line(i, task, lang) for i, task in enumerate(items, 1))
        shown += "\n".join(lines) + "\n\n"
    return fill(wording.UNIT_BODY, lang, **_plan(plan_year, lang, index), unit=unit,
                day=day(as_of, lang), count=len(tasks), groups=shown)


def unit_messages(
    result: CheckResult,
    units_config: Sequence[Any],
    sender: str,
    *,
    lang: str = "vi",
    cc: Sequence[str] = (),
    summary: Path | None = None,
    when: datetime | None = None,
) -> UnitMailing:
    """``--per-unit``: one short message per lead unit with tasks needing attention.

    ``units_config`` is ``[[units]]`` of ``cchc.toml`` (dicts, or objects with ``name``,
    ``aliases``, ``email`` attributes); ``email`` may be one address or a list. A task belongs to
    the entry whose name or alias folds like its unit (``task.unit``, else ``task.lead``).
    Units without tasks needing attention get nothing; units with such tasks but no address
    are returned in ``without_address``. ``summary``, when given, is attached to each message.
    Raises ``mail-bad-address`` for a malformed configured address.
    """
    by_name: dict[str, Any] = {}
    for entry in units_config:
        name = clean(_entry(entry, "name", "") or "")
        if not name:
            continue
        for alias in [name, *(_entry(entry, "aliases", None) or [])]:
            by_name.setdefault(fold(alias), entry)
    grouped: dict[str, list[Task]] = {}
    shown: dict[str, str] = {}
    quiet: dict[str, str] = {}
    unassigned: list[Task] = []
    mailed = flags.unit_mail()
    for task in result.tasks:
        attention = not mailed.isdisjoint(task.flags)
        unit = clean(task.unit or task.lead)
        if not unit:
            if attention:
                unassigned.append(task)
            continue
        entry = by_name.get(fold(unit))
        key = fold(_entry(entry, "name", "")) if entry is not None else fold(unit)
        name = clean(_entry(entry, "name", "")) if entry is not None else unit
        if not attention:
            quiet.setdefault(key, name)
            continue
        shown.setdefault(key, name)
        grouped.setdefault(key, []).append(task)
    data = Path(summary).read_bytes() if summary is not None else None
    messages: list[EmailMessage] = []
    units: list[str] = []
    counts: list[int] = []
    without: list[str] = []
    for key, tasks in grouped.items():
        unit = shown[key]
        entry = by_name.get(key)
        emails = _entry(entry, "email", None) if entry is not None else None
        recipients = [emails] if isinstance(emails, str) else list(emails or [])
        recipients = [r for r in recipients if r and r.strip()]
        if not recipients:
            without.append(unit)
            continue
        one_line = " ".join(unit.split()).replace("=?", "= ?")  # a lead cell may wrap
        tag = INDEX_BY_KEY.get(result.plan.index, INDEX_BY_KEY["cchc"]).tag
        subject = fill(wording.UNIT_SUBJECT, lang, tag=tag, unit=one_line, count=len(tasks),
                       day=day(result.as_of, lang))
        message = new_message(sender, recipients, cc, subject, when,
                              to_from=f"email of [[units]] «{unit}»")
        message.set_content(unit_body(unit, tasks, result.as_of, lang, result.plan_year,
                                      result.plan.index),
                            cte="quoted-printable")
        if data is not None and summary is not None:
            attach_file(message, data, Path(summary).name)
        messages.append(message)
        units.append(unit)
        counts.append(len(tasks))
    nothing = [name for key, name in quiet.items() if key not in grouped]
    return UnitMailing(messages, units, without, counts, nothing, unassigned)
