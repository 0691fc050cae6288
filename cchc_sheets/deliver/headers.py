"""Text bound for an e-mail header: no line break, even one hidden in an RFC 2047 encoded word;
the Subject folded so that every mail program reads its spaces back.

Used where officer text or configuration becomes a header (``--to``, ``--cc``, ``--subject``,
``[email] from``, ``[[units]]`` ``name`` and ``email``): a value whose decoded form holds CR or LF
could add a header line (a ``Bcc:``), so it is refused before any message is built.
"""

from __future__ import annotations

from cchc_sheets.errors import MailError
from cchc_sheets.lazyre import lazy

MAILER = "cchc-sheets"  # X-Mailer of every message: how a dry run knows its own earlier .eml files

_ENCODED_WORD = lazy(r"=\?[^?\s]+\?[QqBb]\?[^?]*\?=")
_BREAKS = lazy(r"[\x00-\x08\x0a-\x1f\x7f\x85\u2028\u2029]")


def has_line_break(text: str) -> bool:
    """True when ``text``, or any RFC 2047 encoded word in it once decoded, holds a line break
    (CR, LF, or another control character that could end a header line)."""
    if _BREAKS.search(text):
        return True
    words = _ENCODED_WORD.findall(text)
    if not words:
        return False
    import email.errors  # only now: most values hold no encoded word
    import email.header

    for word in words:
        try:
            parts = email.header.decode_header(word)
        except (ValueError, LookupError, email.errors.HeaderParseError):
            return True  # an encoded word that cannot be decoded is not let through either
        for data, charset in parts:
            if isinstance(data, bytes):
                try:
                    data = data.decode(charset or "ascii", "replace")
                except LookupError:
                    return True
            if _BREAKS.search(data):
                return True
    return False


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
    import email.header

    return email.header.Header(subject, "utf-8", header_name="Subject",
                               maxlinelen=76).encode(linesep="\n")
