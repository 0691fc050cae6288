"""E-mail addresses: one typed or configured address checked and made ASCII (``xn--``
domains), a ``--to``/``--cc`` list split and de-duplicated, and the recipients of a built
message."""

from __future__ import annotations

from collections.abc import Iterable
from email.headerregistry import Address
from email.message import EmailMessage

from cchc_sheets.deliver.headers import has_line_break
from cchc_sheets.errors import MailError
from cchc_sheets.lazyre import lazy
from cchc_sheets.text import clean

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL = lazy(rf"{_ATOM}(?:\.{_ATOM})*")
_LABEL = lazy(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")
_NAMED = lazy(r"(.*?)\s*<([^<>]*)>")
_SPLIT = lazy(r'(?:"[^"]*"|<[^>]*>|[^,;])+')


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


def recipients_of(message: EmailMessage) -> list[str]:
    """The envelope recipients (To, Cc, Bcc) of a built message."""
    out: list[str] = []
    for header in ("To", "Cc", "Bcc"):
        value = message.get(header)
        if value is not None:
            out.extend(a.addr_spec for a in getattr(value, "addresses", ()))
    return out
