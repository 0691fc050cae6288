"""Criterion codes: as written in a sheet ("II", "3", "b)", "TC 1.2") and as paths ("2.3.b").

Where a sheet numbers each level on its own (areas in Roman numerals, criteria in plain numbers
restarting under each area, items in letters), the code is the path (contract §1.1).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from cchc_sheets.lazyre import lazy
from cchc_sheets.model import Criterion
from cchc_sheets.read.scoring import code_key
from cchc_sheets.text import DASHES, clean, strip_marks

ROMAN = lazy(r"^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_DOTTED = lazy(r"^\d+(\.\d+)+$")
_PLAIN = lazy(r"^\d+$")
_LETTER = lazy(r"^[a-zđ]$")
_PART = lazy(r"^[A-H]$")
_CODE_PREFIX = lazy(
    r"^(?:ti[eê]u\s*ch[ií](?:\s*th[aà]nh\s*ph[aầ]n)?|tctp|tc|m[aã](?:\s*s[oố])?|s[oố]"
    r"|l[iĩ]nh\s*v[uự]c|n[oộ]i\s*dung|ch[iỉ]\s*ti[eê]u)(?=[\s.:]*(?:\d|[IVX]+\b))[\s.:]*",
    re.I)
# Codes written with words (contract §7), on the text without diacritics: "Lĩnh vực 3",
# "Nội dung 3" an area; "Tiêu chí 1", "TC 1" a criterion; "Chỉ tiêu 2", "Tiêu chí thành phần 2"
# a child of the criterion above. The number may be followed by the line's name.
_WORD_CODE = lazy(
    r"^\s*(?:(?P<area>linh\s*vuc|noi\s*dung)|(?P<child>tieu\s*chi\s*thanh\s*phan|tctp|chi\s*tieu)"
    r"|(?P<criterion>tieu\s*chi|tc))\s*(?:so\s*)?(?P<code>\d+(?:\.\d+)*|[IVX]+(?![a-z]))"
    r"(?![\d%,])\.?\s*(?:[:.)\-\u2013]\s*)?(?P<rest>.*)$", re.I | re.S)


def word_code(text: str) -> tuple[str, str, str] | None:
    """(kind, code, rest) of a code written with words: "Tiêu chí 2: Công khai" →
    ("criterion", "2", "Công khai"); kind is "area", "criterion" or "child"; None otherwise."""
    if not text or text.lstrip()[:1] not in "LlNnTtCc":
        return None
    return _word_code(text) if len(text) < 512 else _word_code.__wrapped__(text)


@lru_cache(maxsize=4096)  # the same "TC 2.1", "Tiêu chí 3" on every task of every plan
def _word_code(text: str) -> tuple[str, str, str] | None:
    plain = strip_marks(text)
    match = _WORD_CODE.match(plain)
    if match is None:
        return None
    kind = next(k for k in ("area", "child", "criterion") if match.group(k))
    code = match.group("code")
    if not code[0].isdigit():
        if code != code.upper() or not ROMAN.match(code):
            return None
        code = str(roman_value(code))
    rest = text[match.start("rest"):] if len(plain) == len(text) else match.group("rest")
    return kind, code, clean(rest)
_ITEM_ON_CODE = lazy(r"^(\d+(?:\.\d+)+)\.?([a-zđ])$")  # "2.3b" is item b of 2.3
_DASH_TO_HYPHEN = str.maketrans(dict.fromkeys(DASHES, "-"))
_CODE_RANGE = lazy(r"^(\d+(?:\.\d+)*)-(\d+(?:\.\d+)*)$")  # "1.1-1.3"
_CODES_SPLIT = lazy(r"[,;\n&+]+|\s(?:và|va)\s", re.I)


def split_codes(text: str) -> list[str]:
    """The codes a task's cell names: "1.1, 1.2", "TC 2.1; Mã 1.2", "1.1 và 1.2", "1.1 đến
    1.3", "2.3 (a, b)" (items a and b of 2.3), "1.2 (ưu tiên)" (a remark), "Lĩnh vực 3, B.2"."""
    return [code for _, code in split_written_codes(text)]


def split_written_codes(text: str) -> list[tuple[str, str]]:
    """:func:`split_codes` with the kind each code was written with ("criterion" for "Tiêu chí
    3", "" for a bare "3"), so that the reader can find the line the words name."""
    if len(text) < 200:
        return list(_split_written(text))  # the same few cells on every task of every plan
    return _split_written_uncached(text)


def _split_written_uncached(text: str) -> list[tuple[str, str]]:
    if "(" in text:
        text = _ITEMS_OF.sub(lambda m: ", ".join(f"{m[1]}.{item}" for item in
                                                 re.split(r"\s*[,;]\s*", m[2])), text)
        text = _REMARK.sub(" ", text)
    text = _RANGE_WORDS.sub("-", text)
    found = []
    for piece in _CODES_SPLIT.split(text):
        words = word_code(piece)
        if words is not None:
            found.append((words[0], words[1]))
        elif code := clean_code(piece):
            # "II" names area II, whose path is 2
            found.append(("", str(roman_value(code)) if ROMAN.match(code) else code))
    return found


@lru_cache(maxsize=4096)
def _split_written(text: str) -> tuple[tuple[str, str], ...]:
    return tuple(_split_written_uncached(text))


_ITEMS_OF = lazy(r"(\d+(?:\.\d+)+)\s*\(\s*([a-zđ](?:\s*[,;]\s*[a-zđ])*)\s*\)")
_REMARK = lazy(r"\([^()]*\)")
_RANGE_WORDS = lazy(r"(?<=\d)\s+(?:đến|tới|den|toi)\s+(?=\d)", re.I)
_ROMAN_PATH = lazy(r"^([IVX]+)\.(\d.*)$")  # "II.3": criterion 3 of area II


class CodePaths:
    """Turns the codes as written into paths: ``II`` → 2, ``3`` under it → 2.3, ``b)`` → 2.3.b."""

    def __init__(self, part_for: Callable[[str], str] | None = None) -> None:
        self._restart()
        self.started = False
        self.part_for = part_for  # the prefix of a table that begins where an earlier one did
        # a table in parts, "A. CHỈ SỐ CCHC" then "B. CHỈ SỐ SIPAS": the first part's codes are
        # written as they are, a later part's under its letter ("B.1", "B.1.2")
        self.in_parts = False
        self.prefix = ""
        self.part_started = False  # the row just resolved began a part
        self.first_path: str | None = None  # the first code of the table, as a path
        # codes written with words, as written ("criterion:3") → their path ("2.3")
        self.aliases: dict[str, str] = {}
        self.written_parent: str | None = None  # the last line with a code in its code cell
        self.named_parent: str | None = None  # the last line numbered in its name

    def _restart(self) -> None:
        self.area: str | None = None
        self.criterion: str | None = None
        self.roman_seen = False
        self.counter = 0
        self.plain: str | None = None  # the criterion's own number under a Roman area

    def resolve(self, written: str, row: int) -> tuple[str | None, int]:
        """The path of a code as written and its level; ``None`` for a part's heading."""
        words = word_code(written) if written[:1].isalpha() else None
        if words is not None:
            worded, worded_level = self._resolve_words(words[0], words[1])
            worded = self.prefix + worded
            self.written_parent, self.named_parent = worded, None
            add_alias(self.aliases, f"{words[0]}:{words[1]}", worded)
            if not self.started:
                self.first_path = worded
            self.started = True
            return worded, worded_level
        code = clean_code(written)
        if _PART.match(code) and not clean(written).endswith(")") \
                and (self.in_parts or not self.started):
            self.prefix = f"{code}." if self.in_parts else ""
            self.in_parts = self.part_started = True
            self._restart()
            return None, 0
        path, level = self._resolve(code, written, row)
        if path is not None and "~" not in path:
            self.written_parent = self.prefix + path
            self.named_parent = None
        if not self.started and path is not None:
            self.first_path = path
            if self.part_for is not None and not self.prefix:
                self.prefix = self.part_for(path)
        self.started = True
        return (self.prefix + path if path is not None else None), level

    def resolve_in_name(self, number: str) -> tuple[str | None, int]:
        """The path of a number typed at the start of a line's name when its code cell is
        blank (contract §7): a dotted number ("2.2.3.") is used as written; a plain "1." is a
        child of the last line with a code of its own, "a)" of the last numbered line."""
        code = number.rstrip(".)")
        if ROMAN.match(code) and number.endswith("."):
            return self.resolve(code, 0)
        if "." in code:
            path, level = self.prefix + code, code.count(".") + 1
            self.named_parent = path
        elif code.isdigit():
            parent = self.written_parent or self.criterion or self.area
            path = f"{parent}.{int(code)}" if parent else self.prefix + str(int(code))
            level = path.count(".") + 1 - self.prefix.count(".")
            self.named_parent = path
        else:
            parent = self.named_parent or self.written_parent or self.criterion or self.area
            path = f"{parent}.{code}" if parent else self.prefix + code
            level = path.count(".") + 1 - self.prefix.count(".")
        if not self.started:
            self.first_path = path
        self.started = True
        return path, level

    def _resolve_words(self, kind: str, code: str) -> tuple[str, int]:
        """The path of a code written with words: "Lĩnh vực 2" is area 2; "Tiêu chí 3" under
        it is 2.3 (3 where there are no areas); "Chỉ tiêu 1" under that is 2.3.1."""
        if "." in code:
            return self._resolve(code, code, 0)  # type: ignore[return-value]
        if kind == "area":
            self.roman_seen = True
            self.area, self.criterion, self.plain = code, None, None
            return code, 1
        if kind == "criterion":
            if self.roman_seen and self.area is not None:
                self.criterion, self.plain = f"{self.area}.{code}", code
                return self.criterion, 2
            self.area = self.criterion = code
            return code, 1
        parent = self.criterion or self.area
        if parent is None:
            self.area = self.criterion = code
            return code, 1
        return f"{parent}.{code}", parent.count(".") + 2

    def _resolve(self, code: str, written: str, row: int) -> tuple[str | None, int]:
        if code and not code[0].isalnum() and not any(ch.isalnum() for ch in code):
            code = ""  # "??", "…": no code written, whatever the cell holds
        if not code:
            # a named line with points but no code: numbered under the current path with an
            # internal mark ("2.3.~1") that no output shows (see model.shown_code)
            self.counter += 1
            base = self.criterion or self.area
            code = f"{base}.~{self.counter}" if base else f"~{row + 1}"
            return code, code.count(".") + 1
        upper = code.upper()
        # "c)" or "c" is an item; only capitals without a bracket are Roman numerals
        roman = upper[0] in "IVXLC" and code == upper \
            and not clean(written).rstrip(".: ").endswith(")") and bool(ROMAN.match(upper))
        if roman:
            self.roman_seen = True
            self.area = str(roman_value(upper))
            self.criterion = None
            self.plain = None
            return self.area, 1
        dotted = _DOTTED.match(code) is not None
        if dotted and self.roman_seen and self.plain is not None \
                and self.criterion is not None and code.split(".")[0] == self.plain:
            # "1.2" under criterion "1" of area II: the second sub-criterion, 2.1.2
            path = self.criterion + "." + code.split(".", 1)[1]
            return path, path.count(".") + 1
        if dotted:
            self.plain = None
            self.criterion = code
            if code.count(".") == 1 or self.area is None:
                self.area = code.split(".")[0]
            return code, code.count(".") + 1
        if _PLAIN.match(code):
            number = str(int(code))
            if self.roman_seen and self.area is not None:
                self.criterion = f"{self.area}.{number}"
                self.plain = number
                return self.criterion, 2
            self.area, self.criterion = number, number
            return number, 1
        if _LETTER.match(code.lower()):
            parent = self.criterion or self.area
            if parent is None:
                return code.lower(), 1
            return f"{parent}.{code.lower()}", parent.count(".") + 2
        return code, code.count(".") + 1


WORD_OF_KIND = {"area": "Lĩnh vực", "criterion": "Tiêu chí", "child": "Chỉ tiêu"}


def add_alias(aliases: dict[str, str], key: str, path: str) -> None:
    """Record that ``key`` ("child:2") names ``path``; a key naming several lines keeps them all,
    joined by "|" ("1.2|2.2")."""
    known = aliases.get(key)
    if known is None:
        aliases[key] = path
    elif path not in known.split("|"):
        aliases[key] = f"{known}|{path}"


def worded_path(aliases: dict[str, str], kind: str, code: str) -> str:
    """The path a code written with words names, or its words as written where they name
    several lines ("Chỉ tiêu 2" under each criterion) or none: never a guess."""
    path = aliases.get(f"{kind}:{code}")
    if path and "|" not in path:
        return path
    return f"{WORD_OF_KIND[kind]} {code}" if path else code


def clean_code(text: str) -> str:
    """A code as written, without prefix words, brackets and spaces: "TC 2.3 b)" → "2.3.b"."""
    return _clean_code(text) if isinstance(text, str) and len(text) < 512 else \
        _clean_code.__wrapped__(text)


@lru_cache(maxsize=4096)  # codes repeat on every task of every plan
def _clean_code(text: str) -> str:
    code = clean(text).strip()
    code = _CODE_PREFIX.sub("", code) if not ROMAN.match(code) else code
    code = code.strip().rstrip(".):").lstrip("(").strip()
    if code in ("-", "+", "*", "•"):
        return ""
    code = code.replace(" ", "").translate(_DASH_TO_HYPHEN)
    roman_path = _ROMAN_PATH.match(code)
    if roman_path and ROMAN.match(roman_path.group(1)):
        code = f"{roman_value(roman_path.group(1))}.{roman_path.group(2)}"
    item = _ITEM_ON_CODE.match(code)
    return f"{item.group(1)}.{item.group(2)}" if item else code


def roman_value(text: str) -> int:
    """"XIV" → 14."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(text):
        value = values[ch]
        if i + 1 < len(text) and values[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def expand_range(code: str, criteria: list[Criterion]) -> list[str]:
    """"1.1-1.3": the criteria from the first to the last, siblings under one parent."""
    match = _CODE_RANGE.match(code)
    if match is None:
        return [code]
    by_code = {c.code: c for c in criteria}
    first, last = by_code.get(match.group(1)), by_code.get(match.group(2))
    if first is None or last is None or first.parent != last.parent \
            or code_key(first.code) > code_key(last.code):
        return [code]
    return [c.code for c in criteria if c.parent == first.parent
            and code_key(first.code) <= code_key(c.code) <= code_key(last.code)]
