"""Sending the summary: one call for ``cchc send`` and ``cchc check --send``.

Builds the messages (the whole summary to the given addresses, or each lead unit its own list),
then either writes ``.eml`` files (dry run) or sends them over SMTP. Returns what happened to each
message so the CLI can say it; nothing is reported as sent that the server did not accept.
``cchc send --per-unit`` checks again the plan the summary names (beside the summary), as of the
summary's date, without recording anything.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from cchc_sheets.config import CONFIG_NAME, Config
from cchc_sheets.config_email import PASSWORD_ENV, EmailSettings
from cchc_sheets.deliver.addresses import recipients_of
from cchc_sheets.deliver.compose import build_message, unit_messages
from cchc_sheets.deliver.eml import write_eml
from cchc_sheets.deliver.smtp import SendOutcome, send_messages
from cchc_sheets.deliver.summary_figures import SummaryFigures, read_summary_figures
from cchc_sheets.errors import MailError, Words
from cchc_sheets.model import CheckResult, Task
from cchc_sheets.text import ascii_slug


@dataclass
class UnitLine:
    """One unit's list: who it went to and how many tasks it holds."""

    unit: str
    recipients: list[str]
    tasks: int


@dataclass
class Delivery:
    """What ``deliver`` did: files written (dry run) or outcomes of sending, and for
    ``--per-unit`` who got what and who got nothing."""

    written: list[Path] = field(default_factory=list)
    outcomes: list[SendOutcome] = field(default_factory=list)
    units_without_address: list[str] = field(default_factory=list)
    unit_lines: list[UnitLine] = field(default_factory=list)
    nothing_to_report: list[str] = field(default_factory=list)
    unassigned: list[Task] = field(default_factory=list)
    config: Any = CONFIG_NAME  # the configuration file looked at, for messages

    @property
    def failed(self) -> list[SendOutcome]:
        return [o for o in self.outcomes if not o.ok]


def config_source(config: Config, looked_at: Path | None) -> Any:
    """How messages name the configuration: its path, or where it was looked for."""
    if config.path is not None:
        return str(config.path)
    if looked_at is not None:
        return Words(f"{looked_at} (không có tệp này)", f"{looked_at} (no such file)")
    return CONFIG_NAME


def _settings(config: Config, source: Any) -> EmailSettings:
    """``[email]`` as the config checked it when loaded, naming the file as ``source`` says."""
    return replace(config.mail, source=source)


def plan_of_summary(summary: Path, figures: SummaryFigures | None = None) -> Path:
    """The plan a summary was made from: the file it names, beside it."""
    figures = figures or read_summary_figures(summary)
    plan = summary.parent / figures.source if figures.source else None
    if plan is None or not plan.is_file():
        raise MailError("mail-per-unit-needs-check", str(summary),
                        plan=str(plan) if plan else "?")
    return plan


def _recheck(summary: Path, config: Config) -> CheckResult:
    """The check behind a summary, again: its plan as of its date, history read, not written."""
    from cchc_sheets.api import AUTO, check

    figures = read_summary_figures(summary)
    return check(plan_of_summary(summary, figures), as_of=figures.as_of, config=config,
                 history=AUTO, record=False)


def build_messages(
    summary: Path,
    config: Config,
    *,
    to: Sequence[str] = (),
    cc: Sequence[str] = (),
    subject: str | None = None,
    lang: str = "vi",
    result: CheckResult | None = None,
    per_unit: bool = False,
    looked_at: Path | None = None,
    delivery: Delivery | None = None,
) -> tuple[list[EmailMessage], list[str]]:
    """The messages to send and the lead units that have no configured address (``delivery``,
    when given, also gets who gets what)."""
    source = config_source(config, looked_at)
    sender = _settings(config, source).from_address
    messages: list[EmailMessage] = []
    without: list[str] = []
    if to:
        figures = SummaryFigures.from_result(result, lang) if result else read_summary_figures(summary)
        messages.append(build_message(summary, figures, sender, list(to), list(cc), subject, lang))
    if per_unit:
        if result is None:
            result = _recheck(summary, config)
        mailing = unit_messages(result, config.units, sender, lang=lang, cc=list(cc),
                                summary=summary)
        messages.extend(mailing.messages)
        without = list(mailing.without_address)
        if delivery is not None:
            delivery.unit_lines = [
                UnitLine(unit, recipients_of(message), count)
                for unit, message, count in zip(mailing.units, mailing.messages, mailing.counts,
                                                strict=True)]
            delivery.nothing_to_report = list(mailing.nothing_to_report)
            delivery.unassigned = list(mailing.unassigned)
    if not messages and not without:
        raise MailError("mail-no-recipients", str(summary))
    return messages, without


def deliver(
    summary: Path,
    config: Config,
    *,
    to: Sequence[str] = (),
    cc: Sequence[str] = (),
    subject: str | None = None,
    lang: str = "vi",
    result: CheckResult | None = None,
    per_unit: bool = False,
    dry_run: Path | None = None,
    looked_at: Path | None = None,
) -> Delivery:
    """Build and send (or, with ``dry_run`` set to a folder, write ``.eml`` files named after
    the summary, replacing the drafts of an earlier dry run of it). ``looked_at``: where the
    configuration was looked for when there is none, for the messages."""
    delivery = Delivery(config=config_source(config, looked_at))
    messages, without = build_messages(summary, config, to=to, cc=cc, subject=subject, lang=lang,
                                       result=result, per_unit=per_unit, looked_at=looked_at,
                                       delivery=delivery)
    delivery.units_without_address = without
    if not messages:
        return delivery
    if dry_run is not None:
        prefix = ascii_slug(summary.stem)[:60] + "-"
        delivery.written = write_eml(messages, dry_run, prefix)
        return delivery
    delivery.outcomes = send_messages(messages, _settings(config, delivery.config),
                                      os.environ.get(PASSWORD_ENV))
    return delivery


__all__ = ["Delivery", "UnitLine", "build_messages", "config_source", "deliver",
           "plan_of_summary", "recipients_of"]
