"""The short human summary printed after a check (Vietnamese, or English), within 80 columns.

Its words are :data:`TEXT`, in the one catalogue as ``terminal:<key>``; numbers and dates are
:func:`cchc_sheets.text.number` and :func:`cchc_sheets.text.day`.
"""

from __future__ import annotations

import textwrap
from datetime import date

from cchc_sheets import catalogue
from cchc_sheets.checking.figures import key_figures
from cchc_sheets.model import CheckResult
from cchc_sheets.read.reading import reading_line
from cchc_sheets.read.vocabulary import INDEX_BY_KEY, INDEXES
from cchc_sheets.text import day, number, percent, shown_name

WIDTH = 80

TEXT: dict[str, tuple[str, str]] = {
    "title": ("Kiểm tra kế hoạch {index} năm {year} — tính đến {as_of}",
              "{index} plan check, plan year {year} — as of {as_of}"),
    "source": ("Nguồn: {plan}", "Source: {plan}"),
    "tasks": ("Nhiệm vụ: {tasks} · hoàn thành {done} ({ratio}) · đang thực hiện {in_progress}"
              " · chưa thực hiện {not_started} · hủy {cancelled} · không rõ {unknown}",
              "Tasks: {tasks} · done {done} ({ratio}) · in progress {in_progress}"
              " · not started {not_started} · cancelled {cancelled} · unknown {unknown}"),
    "attention": ("Quá hạn: {overdue} · sắp đến hạn: {due_soon} · thiếu cập nhật: {missing}",
                  "Overdue: {overdue} · due soon: {due_soon} · missing updates: {missing}"),
    "points": ("Điểm năm {year}: {points}/{max} ({index}%) · điểm bị mất: {lost}"
               " · tiêu chí yếu: {weak} · chưa có nhiệm vụ: {uncovered}",
               "Points {year}: {points}/{max} ({index}%) · points lost: {lost}"
               " · weak criteria: {weak} · without a task: {uncovered}"),
    "overdue_head": ("Quá hạn lâu nhất:", "Most overdue:"),
    "days": ("{n} ngày", "{n} day[s]"),
    "weak_head": ("Tiêu chí yếu nhất:", "Weakest criteria:"),
    "weak_line": ("mất {lost} điểm", "lost {lost}"),
    "no_task": ("chưa có nhiệm vụ", "no task"),
    "problems_head": ("Lỗi dữ liệu: {errors} lỗi, {warnings} cảnh báo",
                      "Data problems: {errors} error[s], {warnings} warning[s]"),
    "more": ("… và {n} mục nữa (xem tệp tổng hợp)", "… and {n} more (see the summary workbook)"),
    "more_here": ("… và {n} mục nữa", "… and {n} more"),
    "ok": ("Không có việc cần xử lý.", "Nothing needs attention."),
    "no_lead": ("(chưa có đơn vị chủ trì)", "(no lead unit)"),
    "history_head": ("Các lần kiểm tra đã ghi trong {path}:", "Recorded checks in {path}:"),
    "history_cols": ("Ngày|Nhiệm vụ|Xong|Quá hạn|Thiếu CN|Điểm mất",
                     "As of|Tasks|Done|Overdue|Missing|Points lost"),
    "history_empty": ("Chưa có lần kiểm tra nào được ghi.", "No check has been recorded yet."),
}
# the plan's own index in the title line: "nâng cao Chỉ số CCHC"; "CCHC" in English
TEXT.update({f"index.{i.key}": (i.vi, i.short_en) for i in INDEXES})


def _t(key: str, lang: str, **args: object) -> str:
    return catalogue.say("terminal:" + key, lang, **args)


def _num(value: float | None, lang: str) -> str:
    return number(value, lang)


def _fit(text: str, width: int = WIDTH) -> str:
    text = text.replace("\n", " ")  # a title written on two lines in its cell
    return text if len(text) <= width else text[: width - 1] + "…"


def _index(result: CheckResult, lang: str) -> str:
    """The plan's own index in the title line ("nâng cao Chỉ số CCHC"; "CCHC" in English)."""
    index = result.plan.index if result.plan.index in INDEX_BY_KEY else "cchc"
    return _t("index." + index, lang)


def render_text(result: CheckResult, lang: str = "vi", limit: int = 5,
                summary: bool = True) -> str:
    """Counts and the worst items, each line at most 80 characters; ``summary``: a summary
    workbook was written, where the rest can be seen."""
    more = "more" if summary else "more_here"
    fig = key_figures(result)
    t = result.totals
    date_text = day(result.as_of, lang)
    year = result.plan_year or "—"
    ratio = percent(fig.done_ratio)
    lines = [
        _t("title", lang, year=year, as_of=date_text, index=_index(result, lang)),
        _t("source", lang, plan=shown_name(result.plan.source)),
        *([reading_line(result.plan.reading, lang, result.last_year)]
          if result.plan.reading is not None else []),
        _t("tasks", lang, tasks=t.tasks, done=t.done, ratio=ratio, in_progress=t.in_progress,
           not_started=t.not_started, cancelled=t.cancelled, unknown=t.unknown),
        _t("attention", lang, overdue=t.overdue, due_soon=t.due_soon, missing=t.missing_update),
    ]
    if fig.points is not None and result.last_year:
        lines.append(_t("points", lang, year=result.last_year, points=_num(fig.points, lang),
                        max=_num(fig.max_points, lang), index=_num(fig.par_index, lang),
                        lost=_num(fig.lost, lang), weak=fig.weak, uncovered=fig.uncovered))
    overdue = sorted((x for x in result.tasks if "overdue" in x.flags),
                     key=lambda x: (-(x.days_overdue or 0), x.sheet, x.row))
    if overdue:
        lines += ["", _t("overdue_head", lang)]
        for task in overdue[:limit]:
            days = _t("days", lang, n=task.days_overdue)
            unit = task.unit or _t("no_lead", lang)
            lines.append(_fit(f"  {task.cell('deadline')}  {days}  {unit}: {task.title}"))
        if len(overdue) > limit:
            lines.append("  " + _t(more, lang, n=len(overdue) - limit))
    if result.weak_criteria:
        lines += ["", _t("weak_head", lang)]
        for code in result.weak_criteria[:limit]:
            item = result.criterion(code)
            if item is None:
                continue
            note = _t("weak_line", lang, lost=_num(item.lost, lang))
            if "uncovered" in item.flags:
                note += ", " + _t("no_task", lang)
            lines.append(_fit(f"  {item.shown_code or item.ref}  {note}  {item.name}"))
    if result.problems:
        lines += ["", _t("problems_head", lang, errors=fig.errors, warnings=fig.warnings)]
        ordered = sorted(result.problems, key=lambda p: p.severity != "error")
        for problem in ordered[:limit]:
            lines.append("  " + problem.message(lang))  # wrapped below, never cut: it is a hint
        if len(ordered) > limit:
            lines.append("  " + _t(more, lang, n=len(ordered) - limit))
    if not result.needs_attention:
        lines += ["", _t("ok", lang)]
    wrapped: list[str] = []
    for line in lines:
        indent = "    " if line.startswith("  ") else "  "
        wrapped.extend(textwrap.wrap(line, WIDTH, subsequent_indent=indent,
                                     break_on_hyphens=False, break_long_words=False) or [""])
    return "\n".join(wrapped)


def render_history(checks: list[dict[str, object]], path: object, lang: str = "vi") -> str:
    """The recorded weekly checks as a small table."""
    head = _t("history_head", lang, path="{path}").replace("{path}", str(path))
    cols = _t("history_cols", lang).split("|")
    empty = _t("history_empty", lang)
    # the path is never cut: the officer needs all of it to find the file
    if not checks:
        return "\n".join([head, empty])
    lines = [head, "  ".join(f"{c:>10}" for c in cols)]
    for item in checks:
        as_of = item["as_of"]
        shown = day(as_of, lang) if isinstance(as_of, date) else str(as_of)
        lost = item.get("points_at_stake")
        lost_text = _num(float(lost), lang) if isinstance(lost, (int, float)) else "—"
        values = (shown, item["tasks"], item["done"], item["overdue"], item["missing_update"],
                  lost_text)
        lines.append("  ".join(f"{v!s:>10}" for v in values))
    return "\n".join(lines)


# the terminal's words in the one catalogue, as "terminal:<key>"
catalogue.define("terminal", TEXT)
