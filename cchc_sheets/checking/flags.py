"""Every flag of the check, in one table: what it is called, what it is on, what it means.

Each :class:`Flag` says

* ``name``: the stable kebab-case name (JSON, the history, ``--format json``);
* ``scope``: ``task`` or ``criterion``;
* ``kind``: ``attention`` (the check exits 1 for a task flag of this kind), ``missing-update``
  (needs attention, and is listed on "Thiếu cập nhật"), ``quiet`` (shown, never the exit
  status) or ``weak`` (a criterion losing points: "Tiêu chí yếu");
* ``field``: the field an officer fills to clear it (the cell each list points at);
* ``label``: its words, Vietnamese and English (labels.py reads them as ``flag.<name>``);
* ``reason``: how the per-unit e-mail says it, ``{days}`` filled for ``overdue``; None when the
  e-mail does not say it.

Every output reads this table: the rules (:mod:`cchc_sheets.checking.rules`) return the names, the model's
exit status, the e-mail's selection and reasons, the summary's lists and cells, the labels and
the JSON schema's enums. Adding a flag is one entry here plus its rule.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from cchc_sheets import catalogue

Scope = Literal["task", "criterion"]
Kind = Literal["attention", "missing-update", "quiet", "weak"]


class Flag(NamedTuple):
    name: str
    scope: Scope
    kind: Kind
    field: str | None
    label: tuple[str, str]  # (vi, en)
    reason: tuple[str, str] | None = None  # (vi, en) in the per-unit e-mail


FLAGS: list[Flag] = [
    # --- task flags (contract §4.1), in the order they are checked and shown ---
    Flag("overdue", "task", "attention", "deadline", ("Quá hạn", "Overdue"),
         ("quá hạn {days} ngày", "{days} days overdue")),
    Flag("due-soon", "task", "quiet", "deadline", ("Sắp đến hạn", "Due soon")),
    Flag("done-late", "task", "quiet", "completed", ("Hoàn thành muộn", "Done late")),
    Flag("no-status", "task", "missing-update", "status",
         ("Chưa có trạng thái", "No status"), ("chưa ghi trạng thái", "no status")),
    Flag("stale", "task", "missing-update", "updated",
         ("Lâu chưa cập nhật", "Not updated recently"),
         ("lâu chưa cập nhật", "not updated recently")),
    Flag("no-evidence", "task", "missing-update", "evidence",
         ("Thiếu tài liệu kiểm chứng", "No evidence"),
         ("đã xong nhưng chưa có tài liệu kiểm chứng", "done but no evidence")),
    Flag("no-lead", "task", "attention", "lead", ("Chưa có đơn vị chủ trì", "No lead unit"),
         ("chưa có đơn vị chủ trì", "no lead unit")),
    Flag("unchanged", "task", "missing-update", "result",
         ("Không thay đổi từ lần trước", "Unchanged since last check"),
         ("không thay đổi qua các lần kiểm tra gần đây", "unchanged over recent checks")),
    # --- criterion flags (contract §4.2) ---
    Flag("lost", "criterion", "weak", "score", ("Bị trừ điểm", "Points lost")),
    Flag("low", "criterion", "weak", "score", ("Điểm thấp", "Low score")),
    Flag("declined", "criterion", "weak", "score", ("Giảm điểm", "Declined")),
    Flag("not-improved", "criterion", "quiet", "score", ("Không cải thiện", "Not improved")),
    Flag("maintain", "criterion", "quiet", "score", ("Cần duy trì", "Keep at full marks")),
    Flag("uncovered", "criterion", "attention", "criteria", ("Chưa có nhiệm vụ", "No task")),
]


def by_name() -> dict[str, Flag]:
    """The table by flag name (read afresh, so a flag added to :data:`FLAGS` is seen)."""
    return {flag.name: flag for flag in FLAGS}


def names(scope: Scope, *kinds: Kind) -> tuple[str, ...]:
    """The flags of ``scope`` (of the given kinds, or all), in table order."""
    return tuple(f.name for f in FLAGS if f.scope == scope and (not kinds or f.kind in kinds))


def needs_attention() -> frozenset[str]:
    """The task flags that make the check exit 1 and the per-unit e-mail list a task."""
    return frozenset(names("task", "attention", "missing-update"))


# quiet flags the per-unit e-mail still lists: a unit is reminded of what falls due soon
UNIT_REMINDERS: tuple[str, ...] = ("due-soon",)


def unit_mail() -> frozenset[str]:
    """The task flags for which a lead unit's e-mail lists a task."""
    return needs_attention() | frozenset(UNIT_REMINDERS)


def missing_update() -> tuple[str, ...]:
    """The task flags listed on "Thiếu cập nhật" (an officer has something to fill in)."""
    return names("task", "missing-update")


def quiet() -> tuple[str, ...]:
    """Task flags shown but never the exit status."""
    return names("task", "quiet")


def weak() -> tuple[str, ...]:
    """Criterion flags that make a criterion weak."""
    return names("criterion", "weak")


def field_of(flag: str) -> str | None:
    """The field an officer fills to clear ``flag`` (None for an unknown flag)."""
    found = by_name().get(flag)
    return found.field if found else None


def label_of(flag: str, lang: str = "vi") -> str:
    """``flag`` in words; an unknown flag is shown as it is."""
    found = by_name().get(flag)
    if found is None:
        return flag
    return catalogue.fill(found.label, lang)


def reason_of(flag: str, lang: str = "vi", **args: object) -> str | None:
    """How the per-unit e-mail says ``flag`` (None: it does not say it)."""
    found = by_name().get(flag)
    if found is None or found.reason is None:
        return None
    return catalogue.fill(found.reason, lang, **args)
