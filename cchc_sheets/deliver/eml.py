"""``--dry-run``: the messages written as ``.eml`` files instead of sent (replacing the drafts
an earlier dry run of the same summary left)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from email.message import EmailMessage
from pathlib import Path

from cchc_sheets.deliver.addresses import recipients_of
from cchc_sheets.deliver.atomic import atomic_output
from cchc_sheets.deliver.headers import MAILER
from cchc_sheets.errors import OutputError
from cchc_sheets.text import ascii_slug


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
