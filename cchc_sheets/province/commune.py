"""The commune a plan belongs to, from its heading, and names compared the province's way.

A plan's heading names its commune: "ỦY BAN NHÂN DÂN XÃ HÒA THẮNG" in one cell, "ỦY BAN NHÂN
DÂN" over "XÃ THANH ĐA" in two, "UBND phường Xuân Phương", or "(Kèm theo Kế hoạch … của UBND xã
Thanh Đa)". Names are compared folded (no case, no diacritics) and without the words "xã",
"phường", "thị trấn", "đặc khu", "UBND" (contract §9).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from cchc_sheets.lazyre import lazy
from cchc_sheets.text import clean, fold

__all__ = ["commune_from_texts", "commune_in_rows", "commune_key", "display_name"]

HEADING_ROWS = 12  # rows looked at on each sheet
HEADING_COLS = 16

_KIND = r"(?P<kind>xã|phường|thị\s+trấn|đặc\s+khu)"
_COUNCIL = r"(?:ủy|uỷ)\s+ban\s+nhân\s+dân|ubnd"
# a name: words of letters (and a number, "Phường 3"); stops at punctuation, a new line, or a
# word that begins what follows the name ("ngày", "năm", "huyện", "tỉnh" …)
_NAME = (r"(?P<name>[^\W_][\w']*(?:[ \t]+(?!(?:ngày|năm|về|v/v|huyện|tỉnh|thành\s+phố|thị\s+xã"
         r"|quận|số)\b)[\w']+){0,5})")
_STOP_WORDS = ("ngày", "năm", "về", "huyện", "tỉnh", "quận", "số")
_IN_TEXT = lazy(rf"(?:{_COUNCIL})[ \t]*\n?[ \t]*{_KIND}[ \t]+{_NAME}", re.IGNORECASE)
_ALONE = lazy(rf"\s*{_KIND}[ \t]+{_NAME}\s*[.,;:]?\s*", re.IGNORECASE)
_COUNCIL_ALONE = lazy(rf"\s*(?:{_COUNCIL})\s*", re.IGNORECASE)
_KIND_WORDS = lazy(r"^(?:(?:uy ban nhan dan|ubnd)\s+)?(?:xa|phuong|thi tran|dac khu)\s+")
_KIND_NAMES = {"xa": "Xã", "phuong": "Phường", "thi tran": "Thị trấn", "dac khu": "Đặc khu"}


def display_name(kind: str, name: str) -> str:
    """``("XÃ", "HÒA THẮNG")`` → ``"Xã Hòa Thắng"``: the kind capitalised, a name written in
    capitals put in title case, a name in mixed case kept as written."""
    kind_text = _KIND_NAMES.get(fold(kind), clean(kind).capitalize())
    name = clean(name)
    if name.isupper():
        name = " ".join(word.capitalize() for word in name.split())
    return f"{kind_text} {name}"


def _from_match(match: re.Match[str]) -> str | None:
    words = match.group("name").split()
    while words and fold(words[-1]) in {fold(w) for w in _STOP_WORDS}:
        words.pop()
    if not words:
        return None
    return display_name(match.group("kind"), " ".join(words))


def commune_from_texts(texts: Iterable[str]) -> str | None:
    """The commune named by heading texts (in reading order), or None.

    A text naming the council and the commune together wins; else a cell that is only
    "XÃ THANH ĐA" under a cell that is only "ỦY BAN NHÂN DÂN" / "UBND".
    """
    texts = [clean(t) for t in texts if t]
    for text in texts:
        match = _IN_TEXT.search(text)
        if match:
            name = _from_match(match)
            if name:
                return name
    council_seen = False
    for text in texts:
        if _COUNCIL_ALONE.fullmatch(text):
            council_seen = True
            continue
        if council_seen:
            match = _ALONE.fullmatch(text)
            if match:
                name = _from_match(match)
                if name:
                    return name
    return None


def commune_in_rows(sheets: Sequence[Sequence[Sequence[Any]]]) -> str | None:
    """The commune named in the first rows of the sheets (each a list of rows of values)."""
    for rows in sheets:
        texts = [value for row in rows[:HEADING_ROWS] for value in row[:HEADING_COLS]
                 if isinstance(value, str) and value.strip()]
        name = commune_from_texts(texts)
        if name:
            return name
    return None


def commune_key(name: str) -> str:
    """The form two communes' names are compared in: folded, without "UBND", "xã", "phường"…

    >>> commune_key("UBND xã Hòa Thắng") == commune_key("HÒA THẮNG")
    True
    """
    folded = fold(name)
    return _KIND_WORDS.sub("", folded).strip()
