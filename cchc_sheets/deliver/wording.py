"""Every word of the e-mails, in both languages: change the body here and nowhere else.

The two bodies are one template per language, filled by :mod:`cchc_sheets.deliver.compose` from
the key figures (``{tasks}``, ``{done}``, …), the plan of its index (``{plan}``, ``{year}``),
the as-of date (``{day}``, written as every output writes dates) and, for the per-unit lists,
the groups of tasks (``{groups}``) and the index's tag (``{tag}``: ``[CCHC]``). A flag's reason
in a unit's list is in :mod:`cchc_sheets.checking.flags`.
"""

from __future__ import annotations

from typing import Any

from cchc_sheets import catalogue

# --- the summary e-mail (``cchc send``, ``cchc check --send``) --------------------------------

SUMMARY_SUBJECT = (
    "Tổng hợp thực hiện {plan}{year} – tính đến ngày {day}: "
    "{done}/{tasks} hoàn thành, {overdue} quá hạn",
    "{plan}{year} – progress as of {day}: {done}/{tasks} done, {overdue} overdue",
)

SUMMARY_BODY = (
    """\
Kính gửi các đồng chí,

Gửi kèm bảng tổng hợp tình hình thực hiện {plan}{year}, tính đến ngày {day}{source}.

Số liệu chính:
- Tổng số nhiệm vụ: {tasks}
- Đã hoàn thành: {done} ({done_percent})
- Quá hạn: {overdue}
- Sắp đến hạn: {due_soon}
- Thiếu cập nhật: {missing_update}
- Tiêu chí yếu: {weak_criteria}
{note}
Chi tiết xem tệp đính kèm {attachment}.

Thư được soạn tự động bằng cchc-sheets.
""",
    """\
Dear colleagues,

Attached is the progress summary of the {plan}{year} as of {day}{source}.

Key figures:
- Tasks: {tasks}
- Done: {done} ({done_percent})
- Overdue: {overdue}
- Due soon: {due_soon}
- Missing updates: {missing_update}
- Weak criteria: {weak_criteria}
{note}
Details are in the attached workbook {attachment}.

This message was prepared by cchc-sheets.
""",
)

# --- one lead unit's list (``--per-unit``) ---------------------------------------------------

UNIT_SUBJECT = (
    "[{tag}] {unit}: {count} nhiệm vụ cần chú ý – tính đến ngày {day}",
    "[{tag}] {unit}: {count} task[s] needing attention – as of {day}",
)

UNIT_BODY = (
    """\
Kính gửi: {unit}

Theo dõi thực hiện {plan}{year}, tính đến ngày {day}, bộ phận có {count} nhiệm vụ cần chú ý.

{groups}\
Đề nghị bộ phận cập nhật trạng thái, tiến độ, kết quả thực hiện vào bảng phân công trước lần \
kiểm tra tới.

Thư được soạn tự động bằng cchc-sheets.
""",
    """\
To: {unit}

{plan}{year}, as of {day}, your unit has {count} task[s] needing attention.

{groups}\
Please update the status, progress and results in the assignment sheet before the next check.

This message was prepared by cchc-sheets.
""",
)

# the groups of a unit's list, in this order; "other": a flag none of the others is about
UNIT_GROUPS = {
    "overdue": ("Quá hạn", "Overdue"),
    "due-soon": ("Sắp đến hạn", "Due soon"),
    "missing-update": ("Thiếu cập nhật", "Missing updates"),
    "other": ("Nhiệm vụ khác cần chú ý", "Other tasks needing attention"),
}

# --- the pieces the templates are filled with -------------------------------------------------

WORDS: dict[str, tuple[str, str]] = {
    # {plan}: the plan of the index (vocabulary.INDEXES: "nâng cao Chỉ số CCHC", "raise …")
    "plan": ("Kế hoạch {vi}", "Plan to {en}"),
    "plan-cchc": ("Kế hoạch nâng cao Chỉ số CCHC", "PAR Index improvement plan"),
    "year": (" năm {year}", " {year}"),
    "source": (" (nguồn: {source})", " (source: {source})"),
    "group": ("{heading} ({count}):", "{heading} ({count}):"),
    # one task of a unit's list: "criterion 1.2; due 30/06/2025 (Quý II/2025); overdue 3 days"
    "criteria": ("tiêu chí {codes}", "criterion {codes}"),
    "due": ("hạn {due}", "due {due}"),
    "ongoing": ("thường xuyên", "ongoing"),
    "deadline": ("thời hạn {text}", "deadline {text}"),
    "no-deadline": ("chưa có thời hạn", "no deadline"),
    "last-update": (" (lần cuối {day})", " (last {day})"),
}
# each group's heading, as "group.<key>"
WORDS.update({f"group.{key}": heading for key, heading in UNIT_GROUPS.items()})


def words(key: str, lang: str, **values: Any) -> str:
    """The piece ``key`` in ``lang``, filled with ``values`` (:func:`cchc_sheets.catalogue.say`
    of ``"mail:" + key``)."""
    return catalogue.say("mail:" + key, lang, **values)


def fill(template: tuple[str, str], lang: str, **values: Any) -> str:
    """One of the templates above in ``lang``, filled with ``values`` (English counts agree):
    :func:`cchc_sheets.catalogue.fill`."""
    return catalogue.fill(template, lang, **values)


# the pieces in the one catalogue, as "mail:<key>"
catalogue.define("mail", WORDS)
