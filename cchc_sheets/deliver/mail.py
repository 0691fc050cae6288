"""E-mailing the summary workbook (``cchc send``, ``cchc check --send``, ``--per-unit``).

The code lives in the other modules of :mod:`cchc_sheets.deliver`, one per step (headers,
addresses, summary_figures, wording, attachments, compose, smtp, eml, delivery); ``[email]`` is
the configuration's (:mod:`cchc_sheets.config_email`, old path ``cchc_sheets.deliver.settings``),
checked when ``cchc.toml`` is loaded. Every public name is importable from here (and from its
old path ``cchc_sheets.mail``), as documented below.

Settings come from ``[email]`` in ``cchc.toml``; the password never does: it is read from the
environment (:data:`PASSWORD_ENV`, ``CCHC_SMTP_PASSWORD``) by the caller and passed to
:func:`send_messages`. TLS certificates are always verified (``ssl.create_default_context()``).

``cchc send SUMMARY --to … [--cc …] [--subject …] [--dry-run]`` (what
:func:`cchc_sheets.deliver.delivery.deliver` does; ``--dry-run`` writes the .eml files beside the summary)::

    settings = config.mail                                      # [email], checked when loaded
    figures = read_summary_figures(summary)                     # MailError if not a summary
    message = build_message(summary, figures, settings.from_address, to, cc, subject)
    if dry_run:
        write_eml([message], folder)                            # nothing is sent
    else:
        outcomes = send_messages([message], settings, os.environ.get(PASSWORD_ENV))
        # MailError for connection, TLS and login failures (then nothing was sent);
        # per-message failures are in the outcomes: outcome.sent / outcome.error

``cchc check … --send [--per-unit]``: the same with ``SummaryFigures.from_result(result)``, plus
for ``--per-unit``::

    mailing = unit_messages(result, config.units, settings.from_address)
    for unit in mailing.without_address:                       # warn: "mail-unit-no-address"
        ...
    outcomes = send_messages(mailing.messages, settings, password)

``cchc.toml``::

    [email]
    host = "smtp.example.vn"
    port = 587                      # default from security: 587 starttls, 465 ssl, 25 none
    security = "starttls"           # "starttls", "ssl" or "none" (login only to a local relay)
    user = "vanphong@example.vn"    # omit for a relay without login
    from = "UBND xã Thanh Đa <vanphong@example.vn>"   # default: user
    timeout = 10                    # seconds to wait for the server (connect and each reply)
    cafile = "ca-tinh.pem"          # optional: a CA to trust besides the system's

Every failure is a :class:`MailError` (:mod:`cchc_sheets.errors`) whose ``code`` selects a
Vietnamese/English message in ``messages.py``: ``mail-bad-address``, ``mail-no-recipients``,
``mail-not-a-summary``, ``mail-not-configured``, ``mail-no-password``, ``mail-insecure-login``,
``mail-login-refused``, ``mail-unreachable``, ``mail-tls-failed``, ``mail-recipients-refused``,
``mail-rejected``, ``mail-needs-login``, ``mail-needs-tls``, ``mail-wrong-security``,
``mail-cert-untrusted``, ``mail-cert-name``, ``mail-line-break``. Each names the ``cchc.toml``
key to change and the configuration file it looked at (``EmailSettings.source``).
A message counts as sent only when the server accepted it (``SendOutcome.sent``).
"""

from cchc_sheets.config_email import (
    _EMAIL_KEYS,
    DEFAULT_PORTS,
    DEFAULT_TIMEOUT,
    PASSWORD_ENV,
    SECURITIES,
    EmailSettings,
    Security,
    email_settings,
)
from cchc_sheets.deliver.addresses import parse_address, parse_addresses, recipients_of
from cchc_sheets.deliver.attachments import XLSX_TYPE, ascii_filename, attach_file
from cchc_sheets.deliver.compose import (
    ATTENTION_FLAGS,
    UnitMailing,
    build_message,
    default_subject,
    summary_body,
    unit_body,
    unit_messages,
)
from cchc_sheets.deliver.eml import glob_escape, write_eml
from cchc_sheets.deliver.headers import MAILER, check_header_value, has_line_break, subject_header
from cchc_sheets.deliver.smtp import SendOutcome, send_messages
from cchc_sheets.deliver.summary_figures import SummaryFigures, read_summary_figures
from cchc_sheets.errors import MailError

__all__ = [
    "ATTENTION_FLAGS", "DEFAULT_PORTS", "DEFAULT_TIMEOUT", "MAILER", "PASSWORD_ENV", "SECURITIES",
    "XLSX_TYPE", "EmailSettings", "MailError", "Security", "SendOutcome", "SummaryFigures",
    "UnitMailing", "_EMAIL_KEYS", "ascii_filename", "attach_file", "build_message",
    "check_header_value", "default_subject", "email_settings", "glob_escape", "has_line_break",
    "parse_address", "parse_addresses", "read_summary_figures", "recipients_of", "send_messages",
    "subject_header", "summary_body", "unit_body", "unit_messages", "write_eml",
]
