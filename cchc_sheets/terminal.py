"""The short human summary printed after a check (Vietnamese, or English), within 80 columns."""

from __future__ import annotations

import textwrap

from cchc_sheets.figures import key_figures, vn_number
from cchc_sheets.model import CheckResult
from cchc_sheets.text import in_language, shown_name

WIDTH = 80

_TEXT = {
    "title": ("Kiểm tra kế hoạch nâng cao Chỉ số CCHC năm {year} — tính đến {as_of}",
              "CCHC plan check, plan year {year} — as of {as_of}"),
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
}


def _t(key: str, lang: str, **args: object) -> str:
    vi, en = _TEXT[key]
    return in_language(vi, en, lang, args).format(**args)


def _num(value: float | None, lang: str) -> str:
    text = vn_number(value)
    return text.replace(",", ".") if lang == "en" and value is not None and "." not in text else text


def _fit(text: str, width: int = WIDTH) -> str:
    text = text.replace("\n", " ")  # a title written on two lines in its cell
    return text if len(text) <= width else text[: width - 1] + "…"


def render_text(result: CheckResult, lang: str = "vi", limit: int = 5,
                summary: bool = True) -> str:
    """Counts and the worst items, each line at most 80 characters; ``summary``: a summary
    workbook was written, where the rest can be seen."""
    more = "more" if summary else "more_here"
    fig = key_figures(result)
    t = result.totals
    date_text = result.as_of.strftime("%d/%m/%Y")
    year = result.plan_year or "—"
    ratio = f"{round(100 * fig.done_ratio)}%" if fig.done_ratio is not None else "—"
    lines = [
        _t("title", lang, year=year, as_of=date_text),
        _t("source", lang, plan=shown_name(result.plan.source)),
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
            unit = task.unit or ("(chưa có đơn vị chủ trì)" if lang == "vi" else "(no lead unit)")
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
            lines.append(_fit(f"  {code}  {note}  {item.name}"))
    if result.problems:
        lines += ["", _t("problems_head", lang, errors=fig.errors, warnings=fig.warnings)]
        ordered = sorted(result.problems, key=lambda p: p.severity != "error")
        for problem in ordered[:limit]:
            lines.append(_fit("  " + problem.message(lang)))
        if len(ordered) > limit:
            lines.append("  " + _t(more, lang, n=len(ordered) - limit))
    if not result.needs_attention:
        lines += ["", _t("ok", lang)]
    wrapped: list[str] = []
    for line in lines:
        wrapped.extend(textwrap.wrap(line, WIDTH, subsequent_indent="  ") or [""])
    return "\n".join(wrapped)


def render_history(checks: list[dict[str, object]], path: object, lang: str = "vi") -> str:
    """The recorded weekly checks as a small table."""
    if lang == "en":
        head = f"Recorded checks in {path}:"
        cols = ("As of", "Tasks", "Done", "Overdue", "Missing", "Points lost")
        empty = "No check has been recorded yet."
    else:
        head = f"Các lần kiểm tra đã ghi trong {path}:"
        cols = ("Ngày", "Nhiệm vụ", "Xong", "Quá hạn", "Thiếu CN", "Điểm mất")
        empty = "Chưa có lần kiểm tra nào được ghi."
    if not checks:
        return "\n".join([_fit(head), empty])
    lines = [_fit(head), "  ".join(f"{c:>10}" for c in cols)]
    for item in checks:
        as_of = item["as_of"]
        day = as_of.strftime("%d/%m/%Y") if hasattr(as_of, "strftime") else str(as_of)
        lost = item.get("points_at_stake")
        lost_text = _num(float(lost), lang) if isinstance(lost, (int, float)) else "—"
        values = (day, item["tasks"], item["done"], item["overdue"], item["missing_update"],
                  lost_text)
        lines.append("  ".join(f"{v!s:>10}" for v in values))
    return "\n".join(lines)
