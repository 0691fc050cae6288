"""Text normalisation: NFC for everything shown, a folded form for everything compared; the one
number format and the one date format of each language (:func:`number`, :func:`day`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from functools import lru_cache

from cchc_sheets.lazyre import lazy

_SPACES = lazy(r"[ \t\u00a0\u2007\u202f\u200b\ufeff]+")
_FOLD_PUNCT = lazy(r"[^\w%]+")
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # every dash officers type, besides "-"


def clean(value: object) -> str:
    """Text as shown: NFC, non-breaking spaces made plain, runs of spaces collapsed, trimmed.

    New lines inside a cell are kept (officers use them to list several units).
    """
    if value is None:
        return ""
    if isinstance(value, str):
        return _clean_text(value) if len(value) < 512 else _clean_uncached(value)
    return _clean_uncached(str(value))


def _clean_uncached(value: str) -> str:
    text = unicodedata.normalize("NFC", value)
    if "\n" not in text and "\r" not in text and text == text.strip() \
            and not _odd_spaces(text):
        return text  # one line, trimmed, single plain spaces: already clean (most cells)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _odd_spaces(text: str) -> bool:
    """Whether ``_SPACES`` would change a line: a space other than a single plain one."""
    # a few searches for one character each: several times faster than one pattern of them
    return "  " in text or "\t" in text or "\u00a0" in text or "\u2007" in text \
        or "\u202f" in text or "\u200b" in text or "\ufeff" in text


# units, statuses and deadlines repeat across thousands of rows: remember short texts
_clean_text = lru_cache(maxsize=65536)(_clean_uncached)


def strip_marks(text: str) -> str:
    """Remove Vietnamese diacritics (and any combining mark); đ/Đ become d/D."""
    if text.isascii():
        return text
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    if _NOT_ASCII_OR_MARK.search(decomposed) is None:
        # (most texts) ASCII letters and the marks over them: the marks dropped in C
        return decomposed.encode("ascii", "ignore").decode("ascii")
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# anything but ASCII and the combining marks Vietnamese letters decompose into
_NOT_ASCII_OR_MARK = lazy("[^\x00-\x7f" + "".join(
    chr(c) for c in range(0x300, 0x370) if unicodedata.combining(chr(c))) + "]")


def fold(value: object) -> str:
    """Form for comparing names: case folded, no diacritics, đ→d, punctuation except % collapsed.

    >>> fold("  Thời gian HOÀN THÀNH ")
    'thoi gian hoan thanh'
    >>> fold("Văn phòng – Thống kê")
    'van phong thong ke'
    """
    if isinstance(value, str) and len(value) < 512:
        return _fold_text(value)
    return _fold_uncached(clean(value))


def _fold_uncached(cleaned: str) -> str:
    text = strip_marks(cleaned.casefold())
    for dash in DASHES:
        text = text.replace(dash, "-")
    text = _FOLD_PUNCT.sub(" ", text).replace("_", " ")
    return " ".join(text.split())


@lru_cache(maxsize=65536)
def _fold_text(value: str) -> str:
    return _fold_uncached(clean(value))


def contains_words(haystack: str, needle: str) -> bool:
    """True when the folded ``needle`` occurs in the folded ``haystack`` as whole words."""
    if not needle:
        return False
    if haystack == needle:
        return True
    return f" {needle} " in f" {haystack} "


def ascii_slug(text: str) -> str:
    """ASCII-safe file-name form: ``Tổng hợp CCHC`` → ``Tong-hop-CCHC``."""
    plain = strip_marks(unicodedata.normalize("NFC", text))
    plain = re.sub(r"[^A-Za-z0-9._-]+", "-", plain)
    return plain.strip("-") or "file"


# Letters that TCVN3 (.VnTime) and VNI fonts put where Unicode has Vietnamese letters:
# "Hoµn thµnh" is "Hoàn thành" typed in TCVN3, "Hoaøn thaønh" the same in VNI.
_TCVN3 = set("¸µ¶·¹¨»¾¼½Æ©®¬¡¢£¤¥¦§ª«ÇËÎÏÐÑÖ×ØÛÜÞßåæçëîïðñö÷øûüþ") - set(
    "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")  # letters Unicode Vietnamese also uses are not evidence
_VIETNAMESE = lazy("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]")


def any_legacy_letter(text: str) -> bool:
    """Whether ``text`` holds a letter of :func:`looks_legacy_encoded`'s evidence at all: a
    test of many cells at once, joined (a cell without one is never legacy text)."""
    # those letters are all Latin-1: keep the Latin-1 ones, drop the others (two passes in C,
    # faster than a search for a class of letters)
    return bool(text.encode("latin-1", "ignore").translate(None, _NOT_LEGACY_BYTES))


_NOT_LEGACY_BYTES = bytes(b for b in range(256) if chr(b) not in _TCVN3)


def looks_legacy_encoded(text: str) -> bool:
    """True for text that looks typed in a legacy Vietnamese font (TCVN3 or VNI), not Unicode."""
    if text.isascii() or _VIETNAMESE.search(text):
        return False
    odd = sum(1 for ch in text if ch in _TCVN3)
    return odd >= 2 and odd * 12 >= len(text)


_PLURAL = lazy(r"\{(\w+)\}( [\w-]*)\[([^\]|]*)(?:\|([^\]]*))?\]")


def english_plurals(template: str, args: Mapping[str, object]) -> str:
    """Counted English words in a template: "{n} task[s]" gives "1 task" and "2 tasks",
    "{n} [criterion|criteria]" the one or the other, by the value of ``n`` in ``args``."""
    if "[" not in template:
        return template

    def word(match: re.Match[str]) -> str:
        name, stem, one, many = match.groups()
        single = args.get(name) == 1
        if many is None:
            return f"{{{name}}}{stem}{'' if single else one}"
        return f"{{{name}}}{stem}{one if single else many}"

    return _PLURAL.sub(word, template)


def in_language(vi: str, en: str, lang: str, args: Mapping[str, object]) -> str:
    """The template of a Vietnamese / English pair in ``lang`` ("vi" or "en"), English counts
    agreeing with ``args`` (:func:`english_plurals`)."""
    return english_plurals(en, args) if lang == "en" else vi


def shown_name(path: object) -> str:
    """A file's name as text that can be written anywhere: a name in a legacy encoding (kept by
    Python as surrogate escapes) shows its undecodable bytes as U+FFFD."""
    name = getattr(path, "name", str(path))
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return name


# --- numbers and dates as every output shows them: one format per language -------------------

LANGS = ("vi", "en")


def language(tag: object) -> str:
    """The one of :data:`LANGS` a language tag names: "en" for an English one ("en", "EN-GB",
    "english"), "vi" for anything else (a summary's stored ``cchc_lang``, a setting)."""
    return "en" if str(tag or "").strip().lower().startswith("en") else "vi"


def pick(pair: tuple[str, str] | list[str], lang: str) -> str:
    """The ``lang`` half of a ``(vi, en)`` pair (Vietnamese for anything but "en")."""
    return pair[1] if lang == "en" else pair[0]


def number(value: float | None, lang: str = "vi", digits: int = 2) -> str:
    """A number as every output writes it: at most ``digits`` decimals, trailing zeros dropped,
    ``1.234,5`` in Vietnamese and ``1,234.5`` in English; ``—`` for None."""
    if value is None:
        return "—"
    text = f"{value:,.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "-0.0"):
        text = "0"
    if lang == "en":
        return text
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def percent(ratio: float | None) -> str:
    """``27%`` (rounded to a whole percent); ``—`` for None."""
    return "—" if ratio is None else f"{round(100 * ratio)}%"


DATE_PATTERN = "%d/%m/%Y"  # both languages: 30/06/2025, as Vietnamese offices write it


def day(value: date, lang: str = "vi") -> str:
    """A date as every output writes it: ``30/06/2025`` (the same in English)."""
    return value.strftime(DATE_PATTERN)
