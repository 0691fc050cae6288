"""Exceptions, used only when nothing can be checked.

Problems in an officer's workbook that leave the rest readable are :class:`~cchc_sheets.model.Problem`
values, not exceptions. Every exception here carries a problem code and message arguments so
that the CLI can print it in Vietnamese or English.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Words(NamedTuple):
    """A message argument given in both languages."""

    vi: str
    en: str

    def joined(self, text: str) -> Words:
        """Both wordings followed by the same ``text`` (a technical detail)."""
        return Words(self.vi + text, self.en + text)


class CchcError(Exception):
    """Base class: the check cannot run. ``code`` selects the message in ``messages.py``."""

    def __init__(self, code: str, path: str | None = None, **args: Any) -> None:
        self.code = code
        self.path = path
        self.args_ = args
        super().__init__(code, path, args)

    def message(self, lang: str = "vi") -> str:
        from cchc_sheets.messages import render

        return render(self.code, lang, path=self.path or "", **self.args_)

    def __str__(self) -> str:
        return self.message("en")


class WorkbookFileError(CchcError):
    """The file is missing, empty, not a workbook, encrypted, damaged or too large."""


class WorkbookLayoutError(CchcError):
    """The workbook opened, but no table with the needed headers was found."""


class ConfigError(CchcError):
    """The configuration file is unreadable, or has an unknown key or a wrong type."""


class OutputError(CchcError):
    """An output file cannot be written (missing folder, no permission, same as the input)."""


class MailError(CchcError):
    """The e-mail cannot be built or sent; ``code`` names why (``mail-…`` in ``messages.py``)."""
