"""The attachment: the workbook under an ASCII name every mail program shows, plus its real
(Vietnamese) name as RFC 2231 ``filename*=``."""

from __future__ import annotations

import mimetypes
import urllib.parse
from email.message import EmailMessage
from pathlib import Path

from cchc_sheets.text import ascii_slug

XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")


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
