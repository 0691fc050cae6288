"""Moved to :mod:`cchc_sheets.deliver.headers`; kept so that old imports keep working."""

from cchc_sheets.deliver.headers import has_line_break

__all__ = ["has_line_break"]
