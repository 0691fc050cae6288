"""Sending the summary: one call for ``cchc send`` and ``cchc check --send``.

Builds the messages (the whole summary to the given addresses, or each lead unit its own list),
then either writes ``.eml`` files (dry run) or sends them over SMTP. Returns what happened to each
message so the CLI can say it; nothing is reported as sent that the server did not accept.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path

from cchc_sheets.config import Config
from cchc_sheets.mail import (
    PASSWORD_ENV,
    EmailSettings,
    MailError,
    SendOutcome,
    SummaryFigures,
    build_message,
    email_settings,
    read_summary_figures,
    recipients_of,
    send_messages,
    unit_messages,
    write_eml,
)
from cchc_sheets.model import CheckResult


@dataclass
class Delivery:
    """What ``deliver`` did: files written (dry run) or outcomes of sending, and warnings."""

    written: list[Path] = field(default_factory=list)
    outcomes: list[SendOutcome] = field(default_factory=list)
    units_without_address: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[SendOutcome]:
        return [o for o in self.outcomes if not o.ok]


def _settings(config: Config) -> EmailSettings:
    return email_settings(config.email, str(config.path) if config.path else None)


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
) -> tuple[list[EmailMessage], list[str]]:
    """The messages to send and the lead units that have no configured address."""
    sender = _settings(config).from_address
    messages: list[EmailMessage] = []
    without: list[str] = []
    if to:
        figures = SummaryFigures.from_result(result, lang) if result else read_summary_figures(summary)
        messages.append(build_message(summary, figures, sender, list(to), list(cc), subject, lang))
    if per_unit:
        if result is None:
            raise MailError("mail-per-unit-needs-check", str(summary))
        mailing = unit_messages(result, config.units, sender, lang=lang, cc=list(cc),
                                summary=summary)
        messages.extend(mailing.messages)
        without = list(mailing.without_address)
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
) -> Delivery:
    """Build and send (or, with ``dry_run`` set to a folder, write ``.eml`` files)."""
    messages, without = build_messages(summary, config, to=to, cc=cc, subject=subject, lang=lang,
                                       result=result, per_unit=per_unit)
    delivery = Delivery(units_without_address=without)
    if not messages:
        return delivery
    if dry_run is not None:
        delivery.written = write_eml(messages, dry_run)
        return delivery
    delivery.outcomes = send_messages(messages, _settings(config), os.environ.get(PASSWORD_ENV))
    return delivery


__all__ = ["Delivery", "build_messages", "deliver", "recipients_of"]
