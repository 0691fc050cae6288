"""Sending over SMTP: one connection for every message, TLS certificates always verified,
every failure a :class:`~cchc_sheets.errors.MailError` that names the ``cchc.toml`` key to
change. A message counts as sent only when the server accepted it (:class:`SendOutcome`)."""

from __future__ import annotations

import base64
import ipaddress
import smtplib
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

from cchc_sheets.config_email import EmailSettings
from cchc_sheets.deliver.addresses import recipients_of
from cchc_sheets.errors import MailError, Words


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
