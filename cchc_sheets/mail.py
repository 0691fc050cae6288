"""E-mailing the summary workbook (``cchc send``, ``cchc check --send``, ``--per-unit``).

Settings come from ``[email]`` in ``cchc.toml``; the password never does: it is read from the
environment (:data:`PASSWORD_ENV`, ``CCHC_SMTP_PASSWORD``) by the caller and passed to
:func:`send_messages`. TLS certificates are always verified (``ssl.create_default_context()``).

``cchc send SUMMARY --to … [--cc …] [--subject …] [--dry-run]`` (what
:func:`cchc_sheets.sending.deliver` does; ``--dry-run`` writes the .eml files beside the summary)::

    settings = email_settings(config.email, path=str(config.path))
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

Every failure is a :class:`MailError` whose ``code`` selects a Vietnamese/English message in
``messages.py``: ``mail-bad-address``, ``mail-no-recipients``, ``mail-not-a-summary``,
``mail-not-configured``, ``mail-no-password``, ``mail-insecure-login``, ``mail-login-refused``,
``mail-unreachable``, ``mail-tls-failed``, ``mail-recipients-refused``, ``mail-rejected``,
``mail-needs-login``, ``mail-needs-tls``, ``mail-wrong-security``, ``mail-cert-untrusted``,
``mail-cert-name``, ``mail-line-break``. Each names the ``cchc.toml`` key to change and the
configuration file it looked at (``EmailSettings.source``).
A message counts as sent only when the server accepted it (``SendOutcome.sent``).
"""

from __future__ import annotations

import base64
import email.header
import ipaddress
import mimetypes
import re
import smtplib
import ssl
import urllib.parse
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any, Literal, NamedTuple

from cchc_sheets import flags
from cchc_sheets.atomic import atomic_output
from cchc_sheets.errors import CchcError, ConfigError, OutputError, Words
from cchc_sheets.figures import KeyFigures, key_figures
from cchc_sheets.header_text import has_line_break
from cchc_sheets.model import CheckResult, Task
from cchc_sheets.properties import NotASummary, read_properties
from cchc_sheets.text import ascii_slug, clean, day, fold, percent

PASSWORD_ENV = "CCHC_SMTP_PASSWORD"
MAILER = "cchc-sheets"  # X-Mailer of every message: how a dry run knows its own earlier .eml files
XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
Security = Literal["starttls", "ssl", "none"]
SECURITIES: tuple[Security, ...] = ("starttls", "ssl", "none")
DEFAULT_PORTS: dict[str, int] = {"starttls": 587, "ssl": 465, "none": 25}
DEFAULT_TIMEOUT = 10.0  # seconds: a wrong port or a silent firewall is reported, not waited on
# the task flags that put a task in its unit's e-mail (flags.py: needing attention, or due soon)
ATTENTION_FLAGS = tuple(sorted(flags.unit_mail()))


class MailError(CchcError):
    """The e-mail cannot be built or sent; ``code`` names why (see the module docstring)."""


# --- settings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmailSettings:
    """``[email]`` of ``cchc.toml``. There is deliberately no password field."""

    host: str = ""
    port: int | None = None  # None: 587 for starttls, 465 for ssl, 25 for none
    security: Security = "starttls"
    user: str = ""
    sender: str = ""  # "from" in cchc.toml; defaults to ``user`` when that is an address
    timeout: float = DEFAULT_TIMEOUT
    cafile: str | None = None  # extra CA bundle (a provincial mail server's own CA)
    source: Any = "cchc.toml"  # the configuration file looked at (a path, or Words), for messages

    @property
    def smtp_port(self) -> int:
        return self.port or DEFAULT_PORTS[self.security]

    @property
    def from_address(self) -> str:
        """The sender for the From header; raises ``mail-not-configured`` when there is none."""
        if self.sender:
            return self.sender
        if self.user and "@" in self.user:
            return self.user
        raise MailError("mail-not-configured", key="from", example='from = "vanphong@example.vn"',
                        config=self.source)


_EMAIL_KEYS = ("host", "port", "security", "user", "from", "timeout", "cafile")


def email_settings(
    config_email: Mapping[str, Any] | None, path: str | None = None, source: Any = None
) -> EmailSettings:
    """Check ``[email]`` (a dict from the TOML file) and make :class:`EmailSettings`.

    Raises :class:`~cchc_sheets.errors.ConfigError`: ``config-password-in-file`` for any password
    key, ``config-unknown-key``, ``config-bad-value`` (wrong type or value; the message shows
    valid examples). ``path`` is the config file, for the messages (``source`` how to name it
    when there is none). An empty or missing section gives the defaults (enough for
    ``--dry-run``; sending then asks for ``host``). A value holding a line break, typed or inside
    an RFC 2047 encoded word, is refused (``config-bad-value``): it could add a header.
    """
    config = dict(config_email or {})
    for key in config:
        folded = fold(key).replace(" ", "")
        if "pass" in folded or "matkhau" in folded or folded in ("pwd", "secret"):
            raise ConfigError("config-password-in-file", path, key=f"email.{key}")
    for key in config:
        if key not in _EMAIL_KEYS:
            raise ConfigError("config-unknown-key", path, key=f"email.{key}",
                              allowed=[f"email.{k}" for k in _EMAIL_KEYS])

    def text(key: str, example: str) -> str:
        value = config.get(key, "")
        if not isinstance(value, str) or has_line_break(value):
            raise ConfigError("config-bad-value", path, key=f"email.{key}", value=value,
                              allowed=example)
        return value.strip()

    host = text("host", '"smtp.example.vn"')
    user = text("user", '"vanphong@example.vn"')
    sender = text("from", '"UBND xã <vanphong@example.vn>"')
    cafile = text("cafile", '"C:/certs/ca.pem"') or None
    security_text = text("security", '"starttls", "ssl", "none"').lower() or "starttls"
    if security_text not in SECURITIES:
        raise ConfigError("config-bad-value", path, key="email.security", value=security_text,
                          allowed=["starttls", "ssl", "none"])
    security: Security = security_text  # type: ignore[assignment]
    port = config.get("port")
    if port is not None and (isinstance(port, bool) or not isinstance(port, int)
                             or not 1 <= port <= 65535):
        raise ConfigError("config-bad-value", path, key="email.port", value=port,
                          allowed=[587, 465, 25])
    timeout = config.get("timeout", DEFAULT_TIMEOUT)
    if (isinstance(timeout, bool) or not isinstance(timeout, (int, float))
            or not 0 < timeout <= 600):
        raise ConfigError("config-bad-value", path, key="email.timeout", value=timeout,
                          allowed=[10, 30, 60])
    if sender:
        try:
            parse_address(sender)
        except MailError:
            raise ConfigError("config-bad-value", path, key="email.from", value=sender,
                              allowed='"UBND xã <vanphong@example.vn>"') from None
    return EmailSettings(host=host, port=port, security=security, user=user, sender=sender,
                         timeout=float(timeout), cafile=cafile,
                         source=source or path or "cchc.toml")


# --- header safety -------------------------------------------------------------------------

def check_header_value(text: str, what: str) -> str:
    """``text`` if it can go into a header; else :class:`MailError` ``mail-line-break`` naming
    ``what`` (the option or key it came from)."""
    if has_line_break(text):
        raise MailError("mail-line-break", what=what, value=text[:80])
    return text


def subject_header(subject: str) -> str:
    """The Subject header's value as folded source text: RFC 2047 encoded words that carry every
    space inside them, so every mail program (and Python 3.10–3.12's own parser, which drops a
    space between two encoded words) reads the subject back with its spaces."""
    if subject.isascii() and len(subject) <= 66:
        return subject
    return email.header.Header(subject, "utf-8", header_name="Subject",
                               maxlinelen=76).encode(linesep="\n")


# --- addresses -----------------------------------------------------------------------------

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL = re.compile(rf"{_ATOM}(?:\.{_ATOM})*")
_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")
_NAMED = re.compile(r"(.*?)\s*<([^<>]*)>")
_SPLIT = re.compile(r'(?:"[^"]*"|<[^>]*>|[^,;])+')


def parse_address(text: str) -> Address:
    """One address, ``ten@donvi.gov.vn`` or ``Tên hiển thị <ten@donvi.gov.vn>``.

    Internationalised domains are accepted and converted to their ASCII (``xn--``) form; the
    local part must be ASCII. Raises :class:`MailError` ``mail-bad-address``.
    """
    raw = clean(text)
    if has_line_break(raw):
        raise MailError("mail-line-break", what="address", value=raw[:80])
    named = _NAMED.fullmatch(raw)
    name, spec = (named.group(1).strip().strip('"').strip(), named.group(2).strip()) if named \
        else ("", raw)
    bad = MailError("mail-bad-address", address=raw)
    if spec.count("@") != 1:
        raise bad
    local, domain = spec.split("@")
    if len(local) > 64 or not _LOCAL.fullmatch(local):
        raise bad
    try:
        ascii_domain = domain.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise bad from None
    labels = ascii_domain.split(".")
    if (len(ascii_domain) > 253 or len(labels) < 2 or labels[-1].isdigit()
            or not all(_LABEL.fullmatch(label) for label in labels)):
        raise bad
    return Address(display_name=name, username=local, domain=ascii_domain)


def parse_addresses(values: Iterable[str]) -> list[Address]:
    """Addresses from ``--to``/``--cc`` values; each may hold several, split on ``,`` or ``;``.

    Repeats (compared without case) are dropped.
    """
    out: list[Address] = []
    seen: set[str] = set()
    for value in values:
        for piece in _SPLIT.findall(value or ""):
            if not piece.strip():
                continue
            address = parse_address(piece)
            if address.addr_spec.lower() not in seen:
                seen.add(address.addr_spec.lower())
                out.append(address)
    return out


# --- the summary's figures -----------------------------------------------------------------


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

    @classmethod
    def of(cls, figures: KeyFigures, as_of: date, plan_year: int | None = None,
           source: str = "", lang: str = "vi") -> SummaryFigures:
        """What the mail shows of the key figures (:class:`~cchc_sheets.figures.KeyFigures`)."""
        return cls(as_of=as_of, tasks=figures.tasks, done=figures.done,
                   overdue=figures.overdue, due_soon=figures.due_soon,
                   missing_update=figures.missing_update, weak_criteria=figures.weak,
                   plan_year=plan_year, source=source, lang=lang)

    @classmethod
    def from_result(cls, result: CheckResult, lang: str = "vi") -> SummaryFigures:
        """The same figures straight from a check (for ``cchc check --send``)."""
        return cls.of(key_figures(result), result.as_of, result.plan_year,
                      result.plan.source.name, lang)


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
    (:mod:`cchc_sheets.properties`).

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
                             props.lang)


# --- building messages ---------------------------------------------------------------------


def _day(value: date, lang: str) -> str:
    return day(value, lang)  # 30/06/2025 in both languages, as every other output


def default_subject(figures: SummaryFigures, lang: str = "vi") -> str:
    """``Tổng hợp thực hiện Kế hoạch nâng cao Chỉ số CCHC năm 2025 – tính đến ngày 30/06/2025:
    15/42 hoàn thành, 6 quá hạn``."""
    day = _day(figures.as_of, lang)
    if lang == "en":
        year = f" {figures.plan_year}" if figures.plan_year else ""
        return (f"PAR Index improvement plan{year} – progress as of {day}: "
                f"{figures.done}/{figures.tasks} done, {figures.overdue} overdue")
    year = f" năm {figures.plan_year}" if figures.plan_year else ""
    return (f"Tổng hợp thực hiện Kế hoạch nâng cao Chỉ số CCHC{year} – tính đến ngày {day}: "
            f"{figures.done}/{figures.tasks} hoàn thành, {figures.overdue} quá hạn")


def _percent(part: int, whole: int) -> str:
    return percent(part / whole if whole else None)


def summary_body(figures: SummaryFigures, attachment_name: str, lang: str = "vi",
                 extra: str = "") -> str:
    """The plain-text body of the summary e-mail."""
    day = _day(figures.as_of, lang)
    source = f" (nguồn: {figures.source})" if figures.source and lang != "en" else (
        f" (source: {figures.source})" if figures.source else "")
    note = f"\n{extra.strip()}\n" if extra.strip() else ""
    if lang == "en":
        year = f" {figures.plan_year}" if figures.plan_year else ""
        return (
            "Dear colleagues,\n\n"
            f"Attached is the progress summary of the PAR Index improvement plan{year} as of "
            f"{day}{source}.\n\n"
            "Key figures:\n"
            f"- Tasks: {figures.tasks}\n"
            f"- Done: {figures.done} ({_percent(figures.done, figures.tasks)})\n"
            f"- Overdue: {figures.overdue}\n"
            f"- Due soon: {figures.due_soon}\n"
            f"- Missing updates: {figures.missing_update}\n"
            f"- Weak criteria: {figures.weak_criteria}\n"
            f"{note}\n"
            f"Details are in the attached workbook {attachment_name}.\n\n"
            "This message was prepared by cchc-sheets.\n"
        )
    year = f" năm {figures.plan_year}" if figures.plan_year else ""
    return (
        "Kính gửi các đồng chí,\n\n"
        f"Gửi kèm bảng tổng hợp tình hình thực hiện Kế hoạch nâng cao Chỉ số CCHC{year}, "
        f"tính đến ngày {day}{source}.\n\n"
        "Số liệu chính:\n"
        f"- Tổng số nhiệm vụ: {figures.tasks}\n"
        f"- Đã hoàn thành: {figures.done} ({_percent(figures.done, figures.tasks)})\n"
        f"- Quá hạn: {figures.overdue}\n"
        f"- Sắp đến hạn: {figures.due_soon}\n"
        f"- Thiếu cập nhật: {figures.missing_update}\n"
        f"- Tiêu chí yếu: {figures.weak_criteria}\n"
        f"{note}\n"
        f"Chi tiết xem tệp đính kèm {attachment_name}.\n\n"
        "Thư được soạn tự động bằng cchc-sheets.\n"
    )


def ascii_filename(name: str) -> str:
    """``Tổng hợp CCHC 30.06.2025.xlsx`` → ``Tong-hop-CCHC-30.06.2025.xlsx`` (at most ~64 chars)."""
    path = Path(name)
    suffix = ascii_slug(path.suffix.lstrip(".")) if path.suffix else ""
    stem = ascii_slug(path.stem)[:60].strip("-.") or "file"
    return f"{stem}.{suffix}" if suffix else stem


def _rfc2231_lines(name: str) -> list[str]:
    """``filename*=`` of ``name`` as RFC 2231 parameters, split into continuations."""
    encoded = urllib.parse.quote(name, safe="")
    chunks: list[str] = []
    start = 0
    while start < len(encoded):
        end = min(start + 48, len(encoded))
        while end < len(encoded) and "%" in encoded[end - 2:end]:
            end -= 1  # never split a %XX escape
        chunks.append(encoded[start:end])
        start = end
    if len(chunks) == 1:
        return [f"filename*=utf-8''{chunks[0]}"]
    return [f"filename*{i}*={'utf-8' + chr(39) * 2 if i == 0 else ''}{chunk}"
            for i, chunk in enumerate(chunks)]


def attach_file(message: EmailMessage, data: bytes, name: str) -> None:
    """Attach ``data`` as ``name``: an ASCII ``filename=`` (and ``name=``) for old mail programs,
    plus the real name as RFC 2231 ``filename*=`` when it is not ASCII."""
    mime = XLSX_TYPE if name.lower().endswith(".xlsx") else tuple(
        (mimetypes.guess_type(name)[0] or "application/octet-stream").split("/", 1))
    plain = ascii_filename(name)
    message.add_attachment(data, maintype=mime[0], subtype=mime[1], filename=plain)
    part = list(message.iter_attachments())[-1]
    part.set_param("name", plain)
    if plain != name:
        del part["Content-Disposition"]
        # Set as already-folded source text: the email package would otherwise keep only one of
        # the two filename parameters. Lines stay under 78 characters so it is never refolded.
        lines = ["attachment", *_rfc2231_lines(name), f'filename="{plain}"']
        part.set_raw("Content-Disposition", ";\n ".join(lines))


def _new_message(sender: str, to: Sequence[str], cc: Sequence[str], subject: str,
                 when: datetime | None, to_from: str = "--to") -> EmailMessage:
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

    ``to``/``cc`` are address strings (each may hold several, see :func:`parse_addresses`);
    ``lang`` defaults to the summary's own language; ``when`` is the Date header (default now).
    Raises :class:`MailError` (``mail-bad-address``, ``mail-no-recipients``, ``file-missing``)
    before anything is sent.
    """
    lang = lang or figures.lang
    summary = Path(summary)
    message = _new_message(sender, to, cc, subject or default_subject(figures, lang), when)
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
    en = lang == "en"
    parts: list[str] = []
    if task.criteria:
        parts.append(("criterion " if en else "tiêu chí ") + ", ".join(task.criteria))
    deadline = task.deadline
    if deadline.kind == "date" and deadline.due:
        due = _day(deadline.due, lang)
        shown = f"{due} ({deadline.text})" if deadline.text and deadline.text != due else due
        parts.append(("due " if en else "hạn ") + shown)
    elif deadline.kind == "ongoing":
        parts.append(deadline.text or ("ongoing" if en else "thường xuyên"))
    elif deadline.text:
        parts.append(("deadline " if en else "thời hạn ") + deadline.text)
    else:
        parts.append("no deadline" if en else "chưa có thời hạn")
    for flag in flags.FLAGS:  # each flag the way its table entry says it
        if flag.name not in task.flags or flag.reason is None:
            continue
        if flag.name == "overdue" and task.days_overdue is None:
            continue
        reason = flags.reason_of(flag.name, lang, days=task.days_overdue)
        if reason and flag.field == "updated" and task.updated:
            reason += (f" (last {_day(task.updated, lang)})" if en
                       else f" (lần cuối {_day(task.updated, lang)})")
        if reason:
            parts.append(reason)
    title = " ".join(task.title.split())
    if len(title) > 160:
        title = title[:157] + "…"
    return f"{number}. [{_task_cell(task)}] {title} — " + "; ".join(parts)


def unit_body(unit: str, tasks: Sequence[Task], as_of: date, lang: str = "vi",
              plan_year: int | None = None) -> str:
    """The short list for one lead unit: overdue, due soon, then missing updates."""
    en = lang == "en"
    missing = frozenset(flags.missing_update())
    listed = {"overdue", "due-soon"} | missing
    groups: list[tuple[str, list[Task]]] = [
        ("Overdue" if en else "Quá hạn",
         sorted((t for t in tasks if "overdue" in t.flags),
                key=lambda t: (-(t.days_overdue or 0), t.sheet, t.row))),
        ("Due soon" if en else "Sắp đến hạn",
         sorted((t for t in tasks if "overdue" not in t.flags and "due-soon" in t.flags),
                key=lambda t: (t.deadline.due or as_of, t.sheet, t.row))),
        ("Missing updates" if en else "Thiếu cập nhật",
         [t for t in tasks if "overdue" not in t.flags and "due-soon" not in t.flags
          and not missing.isdisjoint(t.flags)]),
        # a task needing attention for a flag none of the lists above is about
        ("Other tasks needing attention" if en else "Nhiệm vụ khác cần chú ý",
         [t for t in tasks if listed.isdisjoint(t.flags)]),
    ]
    day = _day(as_of, lang)
    lines: list[str]
    if en:
        year = f" {plan_year}" if plan_year else ""
        lines = [f"To: {unit}", "",
                 f"PAR Index improvement plan{year}, as of {day}: {len(tasks)} of your tasks "
                 "need attention.", ""]
    else:
        year = f" năm {plan_year}" if plan_year else ""
        lines = [f"Kính gửi: {unit}", "",
                 f"Theo dõi thực hiện Kế hoạch nâng cao Chỉ số CCHC{year}, tính đến ngày {day}, "
                 f"bộ phận có {len(tasks)} nhiệm vụ cần chú ý.", ""]
    for heading, items in groups:
        if not items:
            continue
        lines.append(f"{heading} ({len(items)}):")
        lines.extend(_task_line(i, task, lang) for i, task in enumerate(items, 1))
        lines.append("")
    if en:
        lines.append("Please update the status, progress and results in the assignment sheet "
                     "before the next check.")
        lines += ["", "This message was prepared by cchc-sheets."]
    else:
        lines.append("Đề nghị bộ phận cập nhật trạng thái, tiến độ, kết quả thực hiện vào bảng "
                     "phân công trước lần kiểm tra tới.")
        lines += ["", "Thư được soạn tự động bằng cchc-sheets."]
    return "\n".join(lines) + "\n"


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
        day = _day(result.as_of, lang)
        one_line = " ".join(unit.split()).replace("=?", "= ?")  # a lead cell may wrap
        subject = (f"[CCHC] {one_line}: {len(tasks)} tasks need attention – as of {day}"
                   if lang == "en" else
                   f"[CCHC] {one_line}: {len(tasks)} nhiệm vụ cần chú ý – tính đến ngày {day}")
        message = _new_message(sender, recipients, cc, subject, when,
                               to_from=f"email of [[units]] «{unit}»")
        message.set_content(unit_body(unit, tasks, result.as_of, lang, result.plan_year),
                            cte="quoted-printable")
        if data is not None and summary is not None:
            attach_file(message, data, Path(summary).name)
        messages.append(message)
        units.append(unit)
        counts.append(len(tasks))
    nothing = [name for key, name in quiet.items() if key not in grouped]
    return UnitMailing(messages, units, without, counts, nothing, unassigned)


# --- sending -------------------------------------------------------------------------------


@dataclass
class SendOutcome:
    """What happened to one message. ``sent`` is True only when the server accepted it;
    ``refused`` lists recipients the server turned down (the others received it)."""

    message: EmailMessage
    recipients: list[str]
    sent: bool
    refused: dict[str, str] = field(default_factory=dict)
    error: MailError | None = None

    @property
    def ok(self) -> bool:
        return self.sent and not self.refused

    @property
    def subject(self) -> str:
        return str(self.message.get("Subject", ""))


def _detail(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        return f"{exc.smtp_code} {text}".strip()
    if isinstance(exc, ssl.SSLCertVerificationError):
        return exc.verify_message or exc.reason or str(exc)
    if isinstance(exc, ssl.SSLError):
        return exc.reason or str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def recipients_of(message: EmailMessage) -> list[str]:
    """The envelope recipients (To, Cc, Bcc) of a built message."""
    out: list[str] = []
    for header in ("To", "Cc", "Bcc"):
        value = message.get(header)
        if value is not None:
            out.extend(a.addr_spec for a in getattr(value, "addresses", ()))
    return out


class _Tracking:
    """Remembers whether the TCP connection was made, so that a server that then says nothing
    (an implicit-TLS port reached without TLS) is told apart from one that cannot be reached."""

    connected = False

    def _get_socket(self, host: str, port: int, timeout: float) -> Any:
        sock = super()._get_socket(host, port, timeout)  # type: ignore[misc]
        self.connected = True
        return sock


class _SMTP(_Tracking, smtplib.SMTP):
    pass


class _SMTPSSL(_Tracking, smtplib.SMTP_SSL):
    def _get_socket(self, host: str, port: int, timeout: float) -> Any:
        sock = smtplib.SMTP._get_socket(self, host, port, timeout)  # type: ignore[attr-defined]
        self.connected = True
        return self.context.wrap_socket(sock, server_hostname=host)


_UNTRUSTED = (18, 19, 20, 21, 27)  # self-signed, unknown issuer, untrusted: X509_V_ERR_*
_WRONG_NAME = 62  # X509_V_ERR_HOSTNAME_MISMATCH
_IP_MISMATCH = 64  # X509_V_ERR_IP_ADDRESS_MISMATCH


def _tls_error(exc: BaseException, settings: EmailSettings) -> MailError:
    """The right message for a failed TLS handshake."""
    host, port, source = settings.host, settings.smtp_port, settings.source
    if isinstance(exc, ssl.SSLCertVerificationError):
        if exc.verify_code in (_WRONG_NAME, _IP_MISMATCH):
            return MailError("mail-cert-name", host=host, detail=_detail(exc), config=source)
        return MailError("mail-cert-untrusted", host=host, detail=_detail(exc), config=source,
                         cafile=settings.cafile or "—")
    if isinstance(exc, ssl.CertificateError):
        return MailError("mail-cert-name", host=host, detail=_detail(exc), config=source)
    reason = str(getattr(exc, "reason", "") or "").upper()
    if "WRONG_VERSION" in reason or "UNKNOWN_PROTOCOL" in reason or "RECORD_LAYER" in reason:
        return MailError("mail-wrong-security", host=host, port=port, security=settings.security,
                         detail=_detail(exc), config=source)
    return MailError("mail-tls-failed", host=host, detail=_detail(exc), config=source)


def _connect(settings: EmailSettings, context: ssl.SSLContext) -> smtplib.SMTP:
    host, port, source = settings.host, settings.smtp_port, settings.source
    smtp: _SMTP | _SMTPSSL
    if settings.security == "ssl":
        smtp = _SMTPSSL(timeout=settings.timeout, context=context)
    else:
        smtp = _SMTP(timeout=settings.timeout)
    smtp._host = host  # type: ignore[union-attr]  # STARTTLS checks the certificate for it
    try:
        code, greeting = smtp.connect(host, port)
        if code != 220:
            raise smtplib.SMTPConnectError(code, greeting)
        smtp.ehlo()
        if settings.security == "starttls":
            if not smtp.has_extn("starttls"):
                raise MailError("mail-tls-failed", host=host, config=source,
                                detail=Words("máy chủ không hỗ trợ STARTTLS",
                                             "the server does not offer STARTTLS"))
            smtp.starttls(context=context)
            smtp.ehlo()
        return smtp
    except MailError:
        _close(smtp)
        raise
    except (ssl.SSLError, ssl.CertificateError) as exc:
        _close(smtp)
        raise _tls_error(exc, settings) from exc
    except smtplib.SMTPNotSupportedError as exc:
        _close(smtp)
        raise MailError("mail-tls-failed", host=host, detail=_detail(exc), config=source) from exc
    except (smtplib.SMTPException, OSError) as exc:
        _close(smtp)
        if smtp.connected and isinstance(exc, (TimeoutError, smtplib.SMTPServerDisconnected)):
            # the port answered but the server said nothing: it waits for TLS first
            raise MailError("mail-wrong-security", host=host, port=port,
                            security=settings.security, detail=_detail(exc),
                            config=source) from exc
        if isinstance(exc, TimeoutError):
            detail: Any = Words(f"không trả lời sau {settings.timeout:g} giây",
                                f"no answer within {settings.timeout:g} seconds")
        else:
            detail = _detail(exc)
        raise MailError("mail-unreachable", host=host, port=port, detail=detail,
                        config=source) from exc


def _close(smtp: smtplib.SMTP | None) -> None:
    if smtp is None:
        return
    try:
        if smtp.sock is not None:
            smtp.quit()
    except (smtplib.SMTPException, OSError):
        smtp.close()
    finally:
        smtp.close()


def _on_tls(smtp: smtplib.SMTP) -> bool:
    return isinstance(smtp.sock, ssl.SSLSocket)


def _login(smtp: smtplib.SMTP, settings: EmailSettings, password: str) -> None:
    user, host, source = settings.user, settings.host, settings.source
    if not smtp.has_extn("auth") and not _on_tls(smtp) and smtp.has_extn("starttls"):
        raise MailError("mail-needs-tls", host=host, port=settings.smtp_port, config=source,
                        detail=Words("máy chủ chỉ cho đăng nhập sau STARTTLS",
                                     "the server offers login only after STARTTLS"))
    try:
        if (user + password).isascii():
            smtp.login(user, password)
        else:
            _login_utf8(smtp, user, password)
    except smtplib.SMTPAuthenticationError as exc:
        raise MailError("mail-login-refused", host=host, user=user, detail=_detail(exc),
                        config=source) from exc
    except smtplib.SMTPNotSupportedError as exc:
        raise MailError("mail-login-refused", host=host, user=user, config=source,
                        detail=Words("máy chủ không cho đăng nhập (AUTH) ở đây",
                                     "the server offers no login (AUTH) here")) from exc
    except smtplib.SMTPServerDisconnected as exc:
        raise MailError("mail-unreachable", host=host, port=settings.smtp_port,
                        detail=_detail(exc), config=source) from exc
    except smtplib.SMTPException as exc:
        raise MailError("mail-login-refused", host=host, user=user, detail=_detail(exc),
                        config=source) from exc
    except OSError as exc:
        raise MailError("mail-unreachable", host=host, port=settings.smtp_port,
                        detail=_detail(exc), config=source) from exc


def _login_utf8(smtp: smtplib.SMTP, user: str, password: str) -> None:
    """AUTH PLAIN with UTF-8 (RFC 4616), for a user name or password with Vietnamese letters:
    ``smtplib`` encodes credentials as ASCII only."""
    smtp.ehlo_or_helo_if_needed()
    if "PLAIN" not in smtp.esmtp_features.get("auth", "").upper().split():
        raise smtplib.SMTPNotSupportedError("the server offers no AUTH PLAIN for a non-ASCII "
                                            "password")
    token = base64.b64encode(f"\0{user}\0{password}".encode()).decode("ascii")
    code, response = smtp.docmd("AUTH", "PLAIN " + token)
    if code not in (235, 503):
        raise smtplib.SMTPAuthenticationError(code, response)


def _session_error(exc: smtplib.SMTPResponseException, smtp: smtplib.SMTP,
                   settings: EmailSettings) -> MailError | None:
    """A refusal that concerns the whole session, not this message: the server wants a login
    (no ``user`` set) or TLS first (``security = "none"``)."""
    text = _detail(exc)
    upper = text.upper()
    if exc.smtp_code == 530 and "STARTTLS" in upper or (
            "TLS" in upper and not _on_tls(smtp) and exc.smtp_code in (530, 550, 554)):
        return MailError("mail-needs-tls", host=settings.host, port=settings.smtp_port,
                         detail=text, config=settings.source)
    if exc.smtp_code in (530, 550, 554) and ("AUTH" in upper or "5.7.0" in upper
                                             or "5.7.1" in upper and "RELAY" in upper):
        if not settings.user:
            return MailError("mail-needs-login", host=settings.host, detail=text,
                             config=settings.source)
    return None


def _send_one(smtp: smtplib.SMTP, message: EmailMessage, settings: EmailSettings) -> SendOutcome:
    recipients = recipients_of(message)
    subject = str(message.get("Subject", ""))
    try:
        refused = smtp.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        details = {addr: _detail(smtplib.SMTPResponseException(code, text))
                   for addr, (code, text) in exc.recipients.items()}
        error = MailError("mail-recipients-refused", addresses=sorted(details),
                          detail="; ".join(sorted(set(details.values()))),
                          config=settings.source)
        return SendOutcome(message, recipients, False, details, error)
    except smtplib.SMTPResponseException as exc:  # (an OSError too: caught before those)
        session = _session_error(exc, smtp, settings)
        if session is not None:
            return SendOutcome(message, recipients, False, {}, session)
        error = MailError("mail-rejected", subject=subject, detail=_detail(exc))
        return SendOutcome(message, recipients, False, {}, error)
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        error = MailError("mail-unreachable", host=settings.host, port=settings.smtp_port,
                          detail=_detail(exc), config=settings.source)
        return SendOutcome(message, recipients, False, {}, error)
    except smtplib.SMTPException as exc:
        error = MailError("mail-rejected", subject=subject, detail=_detail(exc))
        return SendOutcome(message, recipients, False, {}, error)
    if refused:
        details = {addr: _detail(smtplib.SMTPResponseException(code, text))
                   for addr, (code, text) in refused.items()}
        error = MailError("mail-recipients-refused", addresses=sorted(details),
                          detail="; ".join(sorted(set(details.values()))),
                          config=settings.source)
        return SendOutcome(message, recipients, True, details, error)
    return SendOutcome(message, recipients, True)


_SESSION_CODES = ("mail-unreachable", "mail-needs-login", "mail-needs-tls")


def send_messages(
    messages: Sequence[EmailMessage],
    settings: EmailSettings,
    password: str | None = None,
    *,
    ssl_context: ssl.SSLContext | None = None,
) -> list[SendOutcome]:
    """Send ``messages`` over one SMTP connection; one :class:`SendOutcome` per message.

    Raises :class:`MailError` before anything is sent when the settings are incomplete
    (``mail-not-configured``, ``mail-no-password``, ``mail-insecure-login``), the server cannot
    be reached (``mail-unreachable``; ``settings.timeout`` seconds at most), answers another
    kind of connection (``mail-wrong-security``), TLS fails (``mail-cert-untrusted``: add
    ``cafile``; ``mail-cert-name``; ``mail-tls-failed``), the server wants a login or TLS first
    (``mail-needs-login``, ``mail-needs-tls``) or the login is refused (``mail-login-refused``).
    Later failures are per message in the outcomes; if the connection drops, the remaining
    messages are reported unsent. ``ssl_context`` replaces the default verifying context (tests
    use one that trusts their own certificate). A login over ``security = "none"`` is allowed
    only to a relay on this computer (localhost); a user name or password with Vietnamese
    letters is sent as UTF-8 AUTH PLAIN.
    """
    if not settings.host:
        raise MailError("mail-not-configured", key="host", example='host = "smtp.example.vn"',
                        config=settings.source)
    for message in messages:
        if not recipients_of(message):
            raise MailError("mail-no-recipients")
    if settings.user and not password:
        raise MailError("mail-no-password", user=settings.user)
    if settings.user and settings.security == "none" and not _is_loopback(settings.host):
        raise MailError("mail-insecure-login", host=settings.host, config=settings.source)
    if not messages:
        return []
    if ssl_context is None:
        try:
            ssl_context = ssl.create_default_context(cafile=settings.cafile)
        except (OSError, ssl.SSLError) as exc:
            raise MailError("mail-bad-cafile", str(settings.cafile), detail=_detail(exc),
                            config=settings.source) from exc
    smtp = _connect(settings, ssl_context)
    outcomes: list[SendOutcome] = []
    try:
        if settings.user:
            assert password is not None
            _login(smtp, settings, password)
        for index, message in enumerate(messages):
            outcome = _send_one(smtp, message, settings)
            if (outcome.error is not None and outcome.error.code in _SESSION_CODES[1:]
                    and not any(o.sent for o in outcomes)):
                raise outcome.error  # nothing sent: one clear message, as for a failed login
            outcomes.append(outcome)
            if outcome.error is not None and outcome.error.code in _SESSION_CODES:
                for rest in messages[index + 1:]:
                    outcomes.append(SendOutcome(rest, recipients_of(rest), False, {},
                                                outcome.error))
                break
    finally:
        _close(smtp)
    return outcomes


# --- dry run -------------------------------------------------------------------------------


def _own_drafts(folder: Path, prefix: str) -> list[Path]:
    """``.eml`` files in ``folder`` named ``<prefix>NN-…`` that this program wrote (its
    X-Mailer header in the first lines)."""
    out = []
    for path in sorted(folder.glob(f"{glob_escape(prefix)}[0-9][0-9]-*.eml")):
        try:
            with path.open("rb") as handle:
                head = handle.read(4096)
        except OSError:
            continue
        if f"\nX-Mailer: {MAILER}\r".encode() in head or f"\nX-Mailer: {MAILER}\n".encode() in head:
            out.append(path)
    return out


def glob_escape(text: str) -> str:
    """``text`` with the characters ``glob`` treats specially put in brackets."""
    return re.sub(r"([*?\[])", r"[\1]", text)


def write_eml(messages: Sequence[EmailMessage], folder: Path, prefix: str = "") -> list[Path]:
    """``--dry-run``: write each message as ``<prefix>01-<first recipient>.eml`` in ``folder``
    (atomic writes, ASCII names, CRLF line ends as mail programs expect). Nothing is sent.

    The drafts an earlier dry run of the same ``prefix`` left there (files this program wrote,
    known by their X-Mailer header) are removed first, so the folder never mixes two runs.

    Raises :class:`~cchc_sheets.errors.OutputError` when the folder is missing or not writable.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise OutputError("output-dir-missing", str(folder))
    for old in _own_drafts(folder, prefix):
        try:
            old.unlink()
        except OSError as exc:
            raise OutputError("output-not-writable", str(old), detail=exc.strerror or exc) from exc
    paths: list[Path] = []
    for number, message in enumerate(messages, 1):
        recipients = recipients_of(message)
        label = ascii_slug(recipients[0].replace("@", "-at-")) if recipients else "message"
        path = folder / f"{prefix}{number:02d}-{label[:60]}.eml"
        data = message.as_bytes(policy=message.policy.clone(linesep="\r\n"))
        with atomic_output(path) as temp:
            try:
                temp.write_bytes(data)
            except OSError as exc:
                raise OutputError("output-not-writable", str(path),
                                  detail=exc.strerror or exc) from exc
        paths.append(path)
    return paths
