"""Task status and progress as officers write them (contract §3).

Status text is compared after :func:`cchc_sheets.text.fold`. A status is recognised when the
folded text *starts* with a known phrase (whole words), so ``Đang thực hiện, dự kiến xong T7``
is in progress; the longest known phrase wins, which keeps ``Chưa hoàn thành`` away from
``Hoàn thành`` and ``Hoàn thành một phần`` away from ``Hoàn thành``.

Decisions beyond the contract table:

* ``Chưa hoàn thành`` / ``Chưa xong`` / ``Không hoàn thành`` mean *not done*: in progress when
  the progress column is above 0, otherwise not started.
* ``Hoàn thành một phần``, ``Cơ bản hoàn thành``, ``Hoàn thành cơ bản`` are in progress (the
  task is not finished, so it stays open and visible).
* A done phrase directly followed by a percentage below 100 (``Đã hoàn thành 80%``) is in
  progress; ``Hoàn thành 100%`` is done.
* A status cell holding only a percentage (``50%``; the "Tiến độ" header is used for both) is
  read like the progress column: 100 done, above 0 in progress, 0 not started.
* Any text starting with ``Đang`` is in progress, any starting with ``Chưa`` (other than the
  not-done phrases) is not started. ``Dừng`` alone is cancelled, but ``Đúng …`` folds to the same
  letters and is never taken for it (``Đúng tiến độ`` is in progress).
* ``Đã thực hiện`` counts as done, ``Đã triển khai`` as in progress.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import cast

from cchc_sheets.lazyre import lazy
from cchc_sheets.model import Status
from cchc_sheets.text import clean, fold

__all__ = [
    "STATUS_WORDS",
    "parse_progress",
    "parse_status",
    "progress_scale",
    "scale_progress",
    "status_from_progress",
]

STATUS_WORDS: dict[Status, str] = {
    "done": "Hoàn thành",
    "in_progress": "Đang thực hiện",
    "not_started": "Chưa thực hiện",
    "cancelled": "Hủy",
}
"""The canonical Vietnamese label of each status (template drop-down, messages)."""

_NOT_DONE = "not_done"  # "Chưa hoàn thành": in progress or not started, by progress

_PHRASES: dict[str, str] = {
    # done
    **dict.fromkeys(
        (
            "hoan thanh", "da hoan thanh", "xong", "da xong", "ht", "da ht", "hoan tat",
            "da hoan tat", "hoan thanh xong", "thuc hien xong", "da thuc hien xong",
            "da thuc hien", "done", "completed", "complete", "finished",
        ),
        "done",
    ),
    # in progress
    **dict.fromkeys(
        (
            "dang", "dang thuc hien", "dang trien khai", "dang lam", "dang xu ly",
            "qua han", "cham", "cham tien do", "tre han", "tre", "dung tien do",
            "dam bao tien do", "tiep tuc thuc hien", "da trien khai", "hoan thanh mot phan",
            "hoan thanh 1 phan", "hoan thanh co ban", "co ban hoan thanh", "in progress",
            "ongoing", "overdue", "delayed",
        ),
        "in_progress",
    ),
    # not started
    **dict.fromkeys(
        ("chua", "chua thuc hien", "chua trien khai", "chua lam", "chua bat dau",
         "not started"),
        "not_started",
    ),
    # not done: depends on progress
    **dict.fromkeys(
        ("chua hoan thanh", "chua xong", "chua ht", "chua hoan tat", "khong hoan thanh",
         "not done"),
        _NOT_DONE,
    ),
    # cancelled
    **dict.fromkeys(
        (
            "huy", "da huy", "bi huy", "huy bo", "bai bo", "khong thuc hien",
            "khong trien khai", "tam dung", "tam ngung", "tam hoan", "hoan thuc hien", "ngung",
            "ngung thuc hien",
            "dung thuc hien", "khong ap dung", "kad", "n a", "cancelled", "canceled",
            "on hold", "not applicable",
        ),
        "cancelled",
    ),
}
# Matched only as the whole text: "Dừng" folds to "dung", like "Đúng" ("right, on time").
_EXACT: dict[str, Status] = {"dung": "cancelled", "da dung": "cancelled", "bi dung": "cancelled"}
_MAX_WORDS = max(len(phrase.split()) for phrase in _PHRASES)

_PERCENT = lazy(r"(\d+)(?: (\d+))? ?%")  # folded: "80,5 %" → "80 5 %"


def status_from_progress(progress: float | None) -> Status:
    """State of a task with no status text: 100 done, above 0 in progress, 0 not started."""
    if progress is None or math.isnan(progress):
        return "unknown"
    if progress >= 100:
        return "done"
    return "in_progress" if progress > 0 else "not_started"


def _percent(match: re.Match[str]) -> float:
    whole, fraction = match.groups()
    return float(f"{whole}.{fraction}" if fraction else whole)


def parse_status(text: str, progress: float | None) -> tuple[Status, bool]:
    """The status of a task and whether its text was recognised (contract §3).

    ``progress`` is on the 0–100 scale (None when the progress column is empty or absent).
    Empty text takes its state from progress and counts as recognised; text not understood is
    ``("unknown", False)``.
    """
    folded = fold(text)
    if not folded:
        return status_from_progress(progress), True
    found = _meaning(folded) if len(folded) < 200 else _meaning.__wrapped__(folded)
    if found is None:
        return "unknown", False
    if found == _NOT_DONE:
        return ("in_progress" if progress and progress > 0 else "not_started"), True
    return cast(Status, found), True


@lru_cache(maxsize=4096)  # the same few statuses on every row of every plan
def _meaning(folded: str) -> str | None:
    """What a folded status text says whatever the progress: a status, :data:`_NOT_DONE`
    (the progress decides), or None (not understood)."""
    exact = _EXACT.get(folded)
    if exact is not None:
        return exact
    only_percent = _PERCENT.fullmatch(folded)
    if only_percent is not None:
        value = _percent(only_percent)
        return status_from_progress(value) if value <= 100 else None
    words = folded.split()
    for size in range(min(len(words), _MAX_WORDS), 0, -1):
        found = _PHRASES.get(" ".join(words[:size]))
        if found is None:
            continue
        if found == "done":
            partial = _PERCENT.match(" ".join(words[size:]))
            if partial is not None and _percent(partial) < 100:
                return "in_progress"
        return found
    return None


# ---------------------------------------------------------------------------------------------
# Progress

_PROGRESS = lazy(r"(\d+(?:[.,]\d+)?)\s*(%?)")
_BLANK = {"-", "\u2013", "\u2014"}


def _progress_text(text: str) -> tuple[float, bool] | None:
    """``(number, has_percent_sign)`` of a progress text, None when blank."""
    if not text or text in _BLANK:
        return None
    match = _PROGRESS.fullmatch(text)
    if match is None:
        raise ValueError(f"not a progress: {text!r}")
    return float(match[1].replace(",", ".")), bool(match[2])


def _check(number: float, shown: object) -> float:
    if not math.isfinite(number) or number < 0 or number > 100:
        raise ValueError(f"progress out of 0–100: {shown!r}")
    return number


def parse_progress(value: object, scale: float | None = None) -> float | None:
    """A progress cell as written: a number, or text ``50%``, ``50 %``, ``50``, ``0,5``.

    Returns the number on the scale it was written in (0–100, or 0–1 for a column formatted as
    %; see :func:`progress_scale`), None for an empty cell (or a lone dash), and raises
    ValueError for anything that is not a number from 0 to 100. With ``scale``, its column's
    :func:`progress_scale`, a number is put on the 0–100 scale (:func:`scaled`); text is taken
    as typed ("0,5" stays 0.5, unlike :func:`scale_progress`).
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a progress: {value!r}")
    if isinstance(value, (int, float)):
        number = _check(float(value), value)
        if scale is None:
            return number
        number = scaled(number, scale)
        if not 0 <= number <= 100:
            raise ValueError(f"progress out of 0–100: {value!r}")
        return number
    parsed = _progress_text(clean(value))
    return None if parsed is None else _check(parsed[0], value)


# A column of both kinds, 50 and 100 typed beside cells formatted as % (0.3, 1.0): each number
# up to 1 is a fraction, the others are percents. See :func:`scaled`.
MIXED = 0.0


def scaled(number: float, scale: float) -> float:
    """A progress number on the 0–100 scale, given its column's :func:`progress_scale`."""
    if scale == MIXED:
        return number * 100 if number <= 1 else number
    return number * scale


def progress_scale(values: Iterable[object]) -> float:
    """100.0 when every number in a progress column lies in [0, 1] (a column formatted as %:
    the readers give 0.5 for 50%); :data:`MIXED` when some lie above 0 and up to 1 and others
    above 1; else 1.0. Put the column's numbers through :func:`scaled` with it.

    Accepts raw cell values: text with an explicit ``%`` is always 0–100 and is not counted;
    blanks and values that are not progress are ignored.
    """
    numbers: list[float] = []
    for value in values:
        if value is None or isinstance(value, bool):
            continue
        if isinstance(value, (int, float)):
            numbers.append(float(value))
            continue
        try:
            parsed = _progress_text(clean(value))
        except ValueError:
            continue
        if parsed is not None and not parsed[1]:
            numbers.append(parsed[0])
    if not numbers:
        return 1.0
    if all(0 <= n <= 1 for n in numbers):
        return 100.0
    # 1 among 50s and 100s is a cell formatted as % (100%): nobody reports 1% done
    return MIXED if any(0 < n <= 1 for n in numbers) else 1.0


def scale_progress(value: object, scale: float) -> float | None:
    """A progress cell on the 0–100 scale: :func:`parse_progress` times ``scale``, except text
    with an explicit ``%`` (already 0–100). Raises ValueError like :func:`parse_progress`."""
    number = parse_progress(value)
    if number is None:
        return None
    if isinstance(value, str) and "%" in value:
        return number
    return _check(scaled(number, scale), value)
