"""``[email]`` of ``cchc.toml``: its keys, their types and their checks, owned by the
configuration (:mod:`cchc_sheets.config` imports this module and checks the section when the file
is loaded, into :attr:`Config.mail <cchc_sheets.config.Config.mail>`; whoever sends reads that).

The old path ``cchc_sheets.deliver.settings`` is this module (:mod:`cchc_sheets._moved`). The
password is never a setting: it is read from the environment (:data:`PASSWORD_ENV`) by the
caller."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from cchc_sheets.deliver.headers import has_line_break
from cchc_sheets.errors import ConfigError, MailError
from cchc_sheets.text import fold

PASSWORD_ENV = "CCHC_SMTP_PASSWORD"
Security = Literal["starttls", "ssl", "none"]
SECURITIES: tuple[Security, ...] = ("starttls", "ssl", "none")
DEFAULT_PORTS: dict[str, int] = {"starttls": 587, "ssl": 465, "none": 25}
DEFAULT_TIMEOUT = 10.0  # seconds: a wrong port or a silent firewall is reported, not waited on


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
        # imported here: email.headerregistry is not needed by a config without a sender
        from cchc_sheets.deliver.addresses import parse_address

        try:
            parse_address(sender)
        except MailError:
            raise ConfigError("config-bad-value", path, key="email.from", value=sender,
                              allowed='"UBND xã <vanphong@example.vn>"') from None
    return EmailSettings(host=host, port=port, security=security, user=user, sender=sender,
                         timeout=float(timeout), cafile=cafile,
                         source=source or path or "cchc.toml")
