"""Criterion codes: as written in a sheet ("II", "3", "b)", "TC 1.2") and as paths ("2.3.b").

Where a sheet numbers each level on its own (areas in Roman numerals, criteria in plain numbers
restarting under each area, items in letters), the code is the path (contract §1.1).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cchc_sheets.model import Criterion
from cchc_sheets.scoring import code_key
from cchc_sheets.text import DASHES, clean

ROMAN = re.compile(r"^(?=[IVXLC])(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_DOTTED = re.compile(r"^\d+(\.\d+)+$")
_PLAIN = re.compile(r"^\d+$")
_LETTER = re.compile(r"^[a-zđ]$")
_PART = re.compile(r"^[A-H]$")
_CODE_PREFIX = re.compile(
    r"^(?:ti[eê]u\s*ch[ií](?:\s*th[aà]nh\s*ph[aầ]n)?|tctp|tc|m[aã](?:\s*s[oố])?|s[oố])"
    r"(?=[\s.:]*\d)[\s.:]*", re.I)
_ITEM_ON_CODE = re.compile(r"^(\d+(?:\.\d+)+)\.?([a-zđ])$")  # "2.3b" is item b of 2.3
_DASH_TO_HYPHEN = str.maketrans(dict.fromkeys(DASHES, "-"))
_CODE_RANGE = re.compile(r"^(\d+(?:\.\d+)*)-(\d+(?:\.\d+)*)$")  # "1.1-1.3"
_CODES_SPLIT = re.compile(r"[,;\n&+]+|\s(?:và|va)\s", re.I)


def split_codes(text: str) -> list[str]:
    """The codes a task's cell names: "1.1, 1.2", "TC 2.1; Mã 1.2", "1.1 và 1.2", "1.1 đến
    1.3", "2.3 (a, b)" (items a and b of 2.3), "1.2 (ưu tiên)" (a remark)."""
    if "(" in text:
        text = _ITEMS_OF.sub(lambda m: ", ".join(f"{m[1]}.{item}" for item in
                                                 re.split(r"\s*[,;]\s*", m[2])), text)
        text = _REMARK.sub(" ", text)
    text = _RANGE_WORDS.sub("-", text)
    return [c for c in (clean_code(p) for p in _CODES_SPLIT.split(text)) if c]


_ITEMS_OF = re.compile(r"(\d+(?:\.\d+)+)\s*\(\s*([a-zđ](?:\s*[,;]\s*[a-zđ])*)\s*\)")
_REMARK = re.compile(r"\([^()]*\)")
_RANGE_WORDS = re.compile(r"(?<=\d)\s+(?:đến|tới|den|toi)\s+(?=\d)", re.I)
_ROMAN_PATH = re.compile(r"^([IVX]+)\.(\d.*)$")  # "II.3": criterion 3 of area II


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

    def _restart(self) -> None:
        self.area: str | None = None
        self.criterion: str | None = None
        self.roman_seen = False
        self.counter = 0
        self.plain: str | None = None  # the criterion's own number under a Roman area

    def resolve(self, written: str, row: int) -> tuple[str | None, int]:
        """The path of a code as written and its level; ``None`` for a part's heading."""
        code = clean_code(written)
        if _PART.match(code) and not clean(written).endswith(")") \
                and (self.in_parts or not self.started):
            self.prefix = f"{code}." if self.in_parts else ""
            self.in_parts = self.part_started = True
            self._restart()
            return None, 0
        path, level = self._resolve(code, written, row)
        if not self.started and path is not None:
            self.first_path = path
            if self.part_for is not None and not self.prefix:
                self.prefix = self.part_for(path)
        self.started = True
        return (self.prefix + path if path is not None else None), level

    def _resolve(self, code: str, written: str, row: int) -> tuple[str | None, int]:
        if not code:
            # a named line with points but no code: number it under the current path
            self.counter += 1
            base = self.criterion or self.area
            code = f"{base}.~{self.counter}" if base else f"~{row + 1}"
            return code, code.count(".") + 1
        upper = code.upper()
        written = clean(written).rstrip(".: ")
        # "c)" or "c" is an item; only capitals without a bracket are Roman numerals
        roman = code == upper and not written.endswith(")") and bool(ROMAN.match(upper))
        if roman:
            self.roman_seen = True
            self.area = str(roman_value(upper))
            self.criterion = None
            self.plain = None
            return self.area, 1
        if _DOTTED.match(code) and self.roman_seen and self.plain is not None \
                and self.criterion is not None and code.split(".")[0] == self.plain:
            # "1.2" under criterion "1" of area II: the second sub-criterion, 2.1.2
            path = self.criterion + "." + code.split(".", 1)[1]
            return path, path.count(".") + 1
        if _DOTTED.match(code):
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


def clean_code(text: str) -> str:
    """A code as written, without prefix words, brackets and spaces: "TC 2.3 b)" → "2.3.b"."""
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
