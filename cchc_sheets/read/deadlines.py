"""Deadlines as officers write them (contract §2), read by a small deterministic grammar.

Text is first normalised *keeping* the date separators: NFC, case folded, diacritics removed
(đ→d), every kind of dash (and ``~``, ``÷``) made ``-``, commas, semicolons and brackets made
spaces, spaces around ``/ . -`` removed, runs of spaces collapsed, a trailing period and a
leading bullet dropped. Each pattern below must then match the *whole* text; nothing is
searched for inside a longer sentence, so a phrase that is not understood is ``unparsed``
rather than guessed.

Day-first always. A missing year is the plan year; without one the deadline is ``unparsed``.
Two-digit years are 20yy. Dates outside 1950–2100 are treated as typing errors (``unparsed``).

Decisions beyond the contract table (all deliberate, see the tests):

* ``Trước ngày 15/3`` and ``Chậm nhất 15/3`` are due *on* 15/3 (late from the next day).
* Month phrases: ``Cuối tháng 6``, ``Hết tháng 6``, ``Đến (hết) tháng 6``, ``Chậm nhất tháng 6``
  → 30/6. ``Trước tháng 6`` (end of May? of June?), ``Đầu/Giữa tháng 6`` stay ``unparsed``.
* Day ranges (``Từ 01/3 đến 30/6/2025``, ``1/3-30/6/2025``) and year ranges (``2021-2025``,
  ``Giai đoạn 2021-2025``) end on their last day, like month and quarter ranges.
* ``Cuối năm 2025``, ``Cả năm``, a bare ``2025`` (text or number) → 31/12.
* ``Hằng tuần`` / ``Hằng ngày`` are ongoing every 7 / 1 days; ``Theo tháng`` / ``Theo quý`` are
  monthly / quarterly. Any other ``Theo …``, ``Khi có …``, ``Tùy …``, ``Sau khi có …`` and a lone dash
  mean no deadline (kind ``none``).
* ``Tuần …``, ``Đầu tháng …``, ``Định kỳ`` alone and two phrases joined by ``và`` are ``unparsed``.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache

from cchc_sheets.lazyre import lazy
from cchc_sheets.model import Deadline, DeadlineKind
from cchc_sheets.text import DASHES, clean, strip_marks

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "excel_serial",
    "from_excel_serial",
    "normalise_deadline_text",
    "parse_day",
    "parse_deadline",
]

MIN_YEAR = 1950
MAX_YEAR = 2100

_EPOCH = date(1899, 12, 30)  # Excel 1900 system, valid for serials from 61 (1 March 1900)
_MIN_SERIAL = (date(MIN_YEAR, 1, 1) - _EPOCH).days
_MAX_SERIAL = (date(MAX_YEAR, 12, 31) - _EPOCH).days

CADENCE_ONGOING = 30
CADENCE_MONTHLY = 31
CADENCE_QUARTERLY = 92
CADENCE_WEEKLY = 7
CADENCE_DAILY = 1

_Result = tuple[DeadlineKind, "date | None", "int | None"]
_UNPARSED: _Result = ("unparsed", None, None)


class _Invalid(Exception):
    """The text matched a form but names no real day (31/2, Tháng 13, no year known)."""


# ---------------------------------------------------------------------------------------------
# Numbers and years


def from_excel_serial(serial: float) -> date | None:
    """The day of an Excel 1900-system serial number (time fraction dropped), or None when the
    serial is not a plausible date (1950–2100)."""
    if isinstance(serial, bool) or not math.isfinite(serial):
        return None
    whole = math.floor(serial)
    if not _MIN_SERIAL <= whole <= _MAX_SERIAL:
        return None
    return _EPOCH + timedelta(days=whole)


def excel_serial(day: date) -> int:
    """The Excel 1900-system serial number of ``day`` (for days after 1 March 1900)."""
    return (day - _EPOCH).days


def _number_text(value: float) -> str:
    """A number as written: ``45838`` for ``45838.0``."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _year(text: str | None, plan_year: int | None) -> int:
    if text is None:
        if plan_year is None:
            raise _Invalid("no year")
        return plan_year
    year = int(text)
    if len(text) == 2:
        year += 2000
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _Invalid("implausible year")
    return year


def _month(text: str) -> int:
    month = int(text)
    if not 1 <= month <= 12:
        raise _Invalid("no such month")
    return month


def _day(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise _Invalid(str(exc)) from None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _quarter(text: str) -> int:
    quarter = _ROMAN.get(text) if not text.isdigit() else int(text)
    if quarter is None or not 1 <= quarter <= 4:
        raise _Invalid("no such quarter")
    return quarter


# ---------------------------------------------------------------------------------------------
# Normalisation

_TRANSLATE = str.maketrans(
    {
        **{dash: "-" for dash in DASHES + "~\u00f7"},
        **{mark: " " for mark in ",;()[]{}\"'\u201c\u201d\n\t"},
    }
)
_TIME = lazy(r"(?:\s+|(?<=\d)t)(?:luc\s+)?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]m)?$")
_AROUND_SEPARATOR = lazy(r"\s*([/.\-])\s*")
_COLON = lazy(r"\s*:\s*")


def normalise_deadline_text(text: str) -> str:
    """The form the grammar reads: ``"Quý II – 2025."`` → ``"quy ii-2025"``."""
    folded = strip_marks(clean(text).casefold()).translate(_TRANSLATE)
    folded = _TIME.sub("", folded.strip().rstrip(". "))
    folded = _COLON.sub(" ", folded)
    folded = _AROUND_SEPARATOR.sub(r"\1", folded)
    folded = " ".join(folded.split())
    return folded.strip(" .-+*\u2022")


# ---------------------------------------------------------------------------------------------
# The grammar. Building blocks are plain strings; every full pattern is matched with fullmatch.

_Y = r"\d{4}|\d{2}"
# before a year in month / quarter forms: "/", ".", "năm", or "-" / a space before four digits
_YSEP = r"(?:[/.](?:nam\s?)?|\s?nam\s|-(?=\d{4}(?!\d))|\s(?=\d{4}(?!\d)))"
_DONE = r"(?:(?:hoan thanh|xong|thuc hien)\s)?"
_LIMIT = r"(?:cham nhat|muon nhat)(?:\sla)?"
_DAY_PRE = (
    _DONE + rf"(?:(?:truoc|{_LIMIT}|han(?:\schot)?|den(?:\shet)?|het|trong|vao|toi)\s?)?"
    r"(?:ngay\s?)?"
)
_MONTH_PRE = (
    _DONE + rf"(?:(?:trong|trong vong|cuoi|het|den(?:\shet)?|{_LIMIT}|ngay cuoi(?:\scung)?"
    r"(?:\scua)?)\s)?"
)
_QUARTER_PRE = _DONE + rf"(?:(?:trong|cuoi|het|den(?:\shet)?|{_LIMIT})\s)?"
_RANGE = r"(?:-|\s(?:den(?:\shet)?|toi)\s)"
_MW = r"(?:thang\s?|t\.?\s?)"  # "tháng 6", "T6", "T.6"
_QW = r"(?:qu[yi]\s?|q\.?\s?)"  # "Quý II", "Quí 2", "Q2"
_Q = r"[ivx]+|\d"


def _dmy(n: str) -> str:
    return rf"(?P<d{n}>\d{{1,2}})[/.-](?P<m{n}>\d{{1,2}})(?:(?:[/.-]|\snam\s)(?P<y{n}>{_Y}))?"


_ISO = r"(?P<y1>\d{4})(?P<sep>[/.-])(?P<m1>\d{1,2})(?P=sep)(?P<d1>\d{1,2})"
_LONG = (
    rf"(?P<d1>\d{{1,2}})\s?thang\s?(?P<m1>\d{{1,2}})"
    rf"(?:(?:\s?nam\s?|[/.-]|\s(?=\d{{4}}$))(?P<y1>{_Y}))?"
)
_SERIAL = r"(?P<n>\d{5})(?:\.\d+)?"


def _c(pattern: str) -> re.Pattern[str]:
    return lazy(pattern)


_Handler = Callable[["re.Match[str]", "int | None"], _Result]


def _h_day(m: re.Match[str], plan_year: int | None) -> _Result:
    year = _year(m["y1"], plan_year)
    return ("date", _day(year, _month(m["m1"]), int(m["d1"])), None)


def _h_day_range(m: re.Match[str], plan_year: int | None) -> _Result:
    end = _day(_year(m["y2"], plan_year), _month(m["m2"]), int(m["d2"]))
    month, day = _month(m["m1"]), int(m["d1"])
    if m["y1"] is not None:
        start = _day(_year(m["y1"], plan_year), month, day)
        if start > end:
            raise _Invalid("range ends before it starts")
    else:
        _day(end.year if (month, day) <= (end.month, end.day) else end.year - 1, month, day)
    return ("date", end, None)


def _h_serial(m: re.Match[str], plan_year: int | None) -> _Result:
    due = from_excel_serial(float(m[0]))
    if due is None:
        raise _Invalid("implausible serial")
    return ("date", due, None)


def _h_month(m: re.Match[str], plan_year: int | None) -> _Result:
    return ("date", _month_end(_year(m["y1"], plan_year), _month(m["m1"])), None)


def _span_end(first: int, last: int, y1: str | None, y2: str | None,
              plan_year: int | None) -> int:
    """The year of a range's end; checks that the range does not run backwards."""
    if y2 is not None:
        end_year = _year(y2, plan_year)
    elif y1 is not None:
        end_year = _year(y1, plan_year) + (1 if last < first else 0)
    else:
        end_year = _year(None, plan_year)
    start_year = _year(y1, plan_year) if y1 is not None else (
        end_year if first <= last else end_year - 1)
    if (start_year, first) > (end_year, last):
        raise _Invalid("range ends before it starts")
    return end_year


def _h_month_range(m: re.Match[str], plan_year: int | None) -> _Result:
    first, last = _month(m["m1"]), _month(m["m2"])
    year = _span_end(first, last, m["y1"], m["y2"], plan_year)
    return ("date", _month_end(year, last), None)


def _h_quarter(m: re.Match[str], plan_year: int | None) -> _Result:
    return ("date", _month_end(_year(m["y1"], plan_year), 3 * _quarter(m["q1"])), None)


def _h_quarter_range(m: re.Match[str], plan_year: int | None) -> _Result:
    first, last = _quarter(m["q1"]), _quarter(m["q2"])
    year = _span_end(first, last, m["y1"], m["y2"], plan_year)
    return ("date", _month_end(year, 3 * last), None)


_MONTH_COUNTS = {"ba": 3, "sau": 6, "chin": 9}


def _h_half(m: re.Match[str], plan_year: int | None) -> _Result:
    """"6 tháng đầu năm" ends on 30 June, "9 tháng đầu năm" on 30 September; every "… tháng
    cuối năm" on 31 December."""
    year = _year(m["y1"], plan_year)
    if m["h"] == "cuoi":
        return ("date", date(year, 12, 31), None)
    months = 6 if m["n"] is None else _MONTH_COUNTS.get(m["n"]) or int(m["n"])
    return ("date", _month_end(year, months), None)


def _h_year(m: re.Match[str], plan_year: int | None) -> _Result:
    return ("date", date(_year(m["y1"], plan_year), 12, 31), None)


def _h_plan_year_end(m: re.Match[str], plan_year: int | None) -> _Result:
    return ("date", date(_year(None, plan_year), 12, 31), None)


def _h_year_range(m: re.Match[str], plan_year: int | None) -> _Result:
    first, last = _year(m["y1"], plan_year), _year(m["y2"], plan_year)
    if first >= last:
        raise _Invalid("range ends before it starts")
    return ("date", date(last, 12, 31), None)


def _ongoing(days: int) -> _Handler:
    def handler(m: re.Match[str], plan_year: int | None) -> _Result:
        return ("ongoing", None, days)

    return handler


def _h_none(m: re.Match[str], plan_year: int | None) -> _Result:
    return ("none", None, None)


_EVERY = r"(?:(?:dinh ky|thuc hien|bao cao|cap nhat)\s)?(?:hang|moi)\s"
_ALWAYS = r"(?:(?:thuc hien|duy tri)\s)?(?:thuong xuyen|lien tuc)"
# "trước ngày 20", "ngày 25", "chậm nhất ngày 15": a day of each month or quarter
_DAY_OF = rf"(?:(?:truoc|vao|{_LIMIT}|tu|den)\s)?(?:ngay\s)?\d{{1,2}}\s?"
_QUARTER_DAY = rf"{_DAY_OF}(?:cua\s)?thang\s(?:dau|cuoi)\s(?:cua\s)?qu[yi]\s?"
_PATTERNS: tuple[tuple[re.Pattern[str], _Handler], ...] = (
    # days
    (_c(_DAY_PRE + _dmy("1")), _h_day),
    (_c(_DAY_PRE + _ISO), _h_day),
    (_c(_DAY_PRE + _LONG), _h_day),
    (_c(r"(?:tu\s?(?:ngay\s?)?)?" + _dmy("1") + r"(?:-|\s?den\s?(?:het\s?)?(?:ngay\s?)?)"
        + _dmy("2")), _h_day_range),
    (_c(_SERIAL), _h_serial),
    # months
    (_c(_MONTH_PRE + _MW + rf"(?P<m1>\d{{1,2}})(?:{_YSEP}(?P<y1>{_Y}))?"), _h_month),
    (_c(_MONTH_PRE + r"(?P<m1>\d{1,2})[/.-](?P<y1>\d{4})"), _h_month),
    (_c(rf"(?:tu\s|{_MONTH_PRE}){_MW}(?P<m1>\d{{1,2}})(?:{_YSEP}(?P<y1>{_Y}))?{_RANGE}"
        rf"{_MW}?(?P<m2>\d{{1,2}})(?:{_YSEP}(?P<y2>{_Y}))?"), _h_month_range),
    # quarters
    (_c(_QUARTER_PRE + _QW + rf"(?P<q1>{_Q})(?:{_YSEP}(?P<y1>{_Y}))?"), _h_quarter),
    (_c(rf"(?:tu\s|{_QUARTER_PRE}){_QW}(?P<q1>{_Q})(?:{_YSEP}(?P<y1>{_Y}))?{_RANGE}"
        rf"{_QW}?(?P<q2>{_Q})(?:{_YSEP}(?P<y2>{_Y}))?"), _h_quarter_range),
    # half years and years
    (_c(r"(?:(?:trong|den het|het)\s)?(?:(?P<n>0?[369]|ba|sau|chin)\sthang|(?P<n2>nua))\s"
        r"(?P<h>dau|cuoi)\snam(?:[\s/.-](?P<y1>\d{4}))?"), _h_half),
    (_c(r"(?:(?:trong|ca|het|cuoi|den(?:\shet)?|suot|hoan thanh trong|thuc hien trong)\s)?"
        r"nam\s?(?P<y1>\d{4})"), _h_year),
    (_c(r"(?P<y1>\d{4})"), _h_year),
    (_c(r"(?:trong|ca|het|cuoi|den het|suot)\snam"), _h_plan_year_end),
    (_c(r"(?:dinh ky\s)?(?:hang|moi)\snam"), _h_plan_year_end),
    (_c(r"(?:giai doan\s|tu\s)?(?:nam\s)?(?P<y1>\d{4})(?:-|\sden\s)(?:nam\s)?(?P<y2>\d{4})"),
     _h_year_range),
    (_c(r"nam\s(?P<y1>\d{4})\s(?:va|-)\s(?:cac|nhung)\snam\s(?:tiep theo|sau(?:\sdo)?)"), _h_year),
    # ongoing work
    (_c(r"(?:(?:thuc hien|duy tri|dinh ky)\s)?(?:thuong xuyen|lien tuc)"
        r"(?:\s(?:va\s)?(?:thuong xuyen|lien tuc))?(?:\s(?:trong\s)?(?:ca\s)?nam(?:\s\d{4})?)?"),
     _ongoing(CADENCE_ONGOING)),
    (_c(rf"(?:{_EVERY}|theo\s)thang"), _ongoing(CADENCE_MONTHLY)),
    (_c(rf"(?:{_EVERY}|theo\s)qu[yi]"), _ongoing(CADENCE_QUARTERLY)),
    # "Thường xuyên, hằng quý"; "trước ngày 20 hằng tháng", "Hằng tháng, trước ngày 20"
    (_c(rf"{_ALWAYS}\s(?:va\s)?{_EVERY}thang"), _ongoing(CADENCE_MONTHLY)),
    (_c(rf"{_ALWAYS}\s(?:va\s)?{_EVERY}qu[yi]"), _ongoing(CADENCE_QUARTERLY)),
    (_c(rf"{_ALWAYS}\s(?:va\s)?{_EVERY}nam"), _ongoing(CADENCE_ONGOING)),
    (_c(rf"{_DAY_OF}(?:cua\s)?{_EVERY}thang|{_EVERY}thang\s{_DAY_OF}"), _ongoing(CADENCE_MONTHLY)),
    (_c(rf"{_QUARTER_DAY}(?:(?:cua\s)?{_EVERY}qu[yi])?|{_DAY_OF}(?:cua\s)?{_EVERY}qu[yi]"
        rf"|{_EVERY}qu[yi]\s(?:{_QUARTER_DAY}|{_DAY_OF})"), _ongoing(CADENCE_QUARTERLY)),
    (_c(rf"(?:{_EVERY}|theo\s)tuan"), _ongoing(CADENCE_WEEKLY)),
    (_c(rf"{_EVERY}ngay"), _ongoing(CADENCE_DAILY)),
    # no deadline by nature
    (_c(r"(?:theo|khi co|khi phat sinh|tuy|tuy theo|sau khi co)(?:\s.*)?"), _h_none),
)

_FAST = lazy(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_PUNCTUATION_ONLY = lazy(r"[\s\-./\u2010-\u2015\u2212_*+]+")


def _parse_normalised(text: str, plan_year: int | None) -> _Result:
    for pattern, handler in _PATTERNS:
        match = pattern.fullmatch(text)
        if match is not None:
            try:
                return handler(match, plan_year)
            except _Invalid:
                return _UNPARSED
    return _UNPARSED


def _parse_text(text: str, plan_year: int | None) -> _Result:
    fast = _FAST.fullmatch(text)
    if fast is not None:
        day, month, year = (int(part) for part in fast.groups())
        if MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12:
            try:
                return ("date", date(year, month, day), None)
            except ValueError:
                return _UNPARSED
        return _UNPARSED
    if _PUNCTUATION_ONLY.fullmatch(text):
        return ("none", None, None)
    result = _parse_normalised(normalise_deadline_text(text), plan_year)
    if result[0] == "unparsed" and "(" in text:
        return _without_remarks(text, plan_year) or result
    return result


_REMARK = lazy(r"\(([^()]*)\)")
_MOVED = lazy(r"(?:da\s)?(?:lui|gia han|dieu chinh|chuyen)(?:\s(?:thoi han|han))?"
                    r"(?:\s(?:den|sang|toi|thanh))?\s")


def _without_remarks(text: str, plan_year: int | None) -> _Result | None:
    """"Thường xuyên (báo cáo trước 15/12)", "Quý III/2025 (đợt 1)": the deadline outside the
    brackets, when what is inside them is a remark and not a second deadline."""
    remarks = [r for r in _REMARK.findall(text) if r.strip()]
    for remark in remarks:
        normal = normalise_deadline_text(remark)
        moved = _MOVED.match(normal)
        if moved:  # "(lùi đến 30/11/2025)", "(gia hạn đến quý IV)": the new deadline
            result = _parse_normalised(normal[moved.end():], plan_year)
            if result[0] == "date":
                return result
        if _parse_normalised(normal, plan_year)[0] in ("date", "ongoing"):
            return None  # two deadlines: which one holds is for the officer to say
    main = _REMARK.sub(" ", text).strip()
    if not main:
        return None
    result = _parse_normalised(normalise_deadline_text(main), plan_year)
    return None if result[0] == "unparsed" else result


def _date_text(day: date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def parse_deadline(value: object, plan_year: int | None) -> Deadline:
    """Read a deadline cell: a date cell, an Excel serial number, or text (contract §2).

    ``text`` keeps what the officer wrote (cleaned), ``dd/mm/yyyy`` for a date cell, the number
    for a serial. Never raises: what cannot be read is ``kind="unparsed"``.
    """
    if value is None:
        return Deadline("none", text="")
    if isinstance(value, datetime):
        return _day_deadline(value.date())
    if isinstance(value, date):
        return _day_deadline(value)
    if isinstance(value, bool):
        return Deadline("unparsed", text=str(value))
    if isinstance(value, (int, float)):
        text = _number_text(value)
        if isinstance(value, int) and MIN_YEAR <= value <= MAX_YEAR:
            return Deadline("date", date(value, 12, 31), text)  # a year typed as a number
        due = from_excel_serial(value)
        return Deadline("date", due, text) if due else Deadline("unparsed", text=text)
    text = clean(value)
    if not text:
        return Deadline("none", text="")
    return _text_deadline(text, plan_year)


# Deadlines repeat down a plan ("Quý II/2025", "Thường xuyên", the same date); a Deadline is
# immutable, so one object serves every task that has it.


@lru_cache(maxsize=8192)
def _text_deadline(text: str, plan_year: int | None) -> Deadline:
    kind, due, cadence = _parse_text(text, plan_year)
    return Deadline(kind, due, text, cadence)


@lru_cache(maxsize=4096)
def _day_deadline(day: date) -> Deadline:
    return Deadline("date", day, _date_text(day))


# ---------------------------------------------------------------------------------------------
# Single days (the "updated" and "completed" columns)

_DAY_ONLY: tuple[re.Pattern[str], ...] = (
    _c(r"(?:ngay\s?)?" + _dmy("1")),
    _c(r"(?:ngay\s?)?" + _ISO),
    _c(r"(?:ngay\s?)?" + _LONG),
)


@lru_cache(maxsize=4096)
def _parse_day_text(text: str, plan_year: int | None) -> date:
    fast = _FAST.fullmatch(text)
    if fast is not None:
        day, month, year = (int(part) for part in fast.groups())
        if MIN_YEAR <= year <= MAX_YEAR:
            try:
                return date(year, month, day)
            except ValueError as exc:
                raise ValueError(f"not a real day: {text!r} ({exc})") from None
        raise ValueError(f"implausible year: {text!r}")
    normal = normalise_deadline_text(text)
    serial = re.fullmatch(_SERIAL, normal)
    if serial is not None:
        found = from_excel_serial(float(normal))
        if found is None:
            raise ValueError(f"not a plausible date serial: {text!r}")
        return found
    for pattern in _DAY_ONLY:
        match = pattern.fullmatch(normal)
        if match is not None:
            try:
                result = _h_day(match, plan_year)[1]
            except _Invalid as exc:
                raise ValueError(f"not a real day: {text!r} ({exc})") from None
            assert result is not None
            return result
    raise ValueError(f"not a single day: {text!r}")


def parse_day(value: object, plan_year: int | None) -> date | None:
    """Read a single day (``Ngày cập nhật``, ``Ngày hoàn thành``): a date cell, a serial, or
    ``20/6/2025``, ``20/6`` (plan year), ``2025-06-20``, ``20.06.2025``.

    Returns None for an empty cell; raises ValueError when something else is written.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, (int, float)):
        found = from_excel_serial(value)
        if found is None:
            raise ValueError(f"not a plausible date serial: {value!r}")
        return found
    text = clean(value)
    if not text:
        return None
    try:
        return _parse_day_text(text, plan_year)
    except ValueError:
        latest = _latest_day(text, plan_year)
        if latest is None:
            raise
        return latest


_DAY_LIST = lazy(r"\s*(?:[;,\n]|\s-\s|\svà\s)\s*")
_TIMES = lazy(r"^(?:lần|đợt|lan|dot)\s*\d+\s*:?\s*", re.I)  # "Lần 2: 15/9/2025"


def _latest_day(text: str, plan_year: int | None) -> date | None:
    """"20/10/2025; 15/11/2025", "15/11/2025 (lần 2)": an officer adds each update's day to the
    cell, or a remark in brackets; the cell says the latest day, when every other part is one."""
    parts = [_TIMES.sub("", p) for p in _DAY_LIST.split(_REMARK.sub(" ", text).strip()) if p]
    if not parts or (len(parts) == 1 and parts[0] == text):
        return None
    try:
        return max(_parse_day_text(part, plan_year) for part in parts)
    except ValueError:
        return None
