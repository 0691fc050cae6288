"""The ``cchc`` command: a thin click layer over the library.

Exit status: 0 nothing needs attention, 1 something does, 2 the check could not run (or an
e-mail could not be sent). Help is in Vietnamese, in English with ``--lang en`` or
``CCHC_LANG=en``.
"""

from __future__ import annotations

import gc
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from cchc_sheets.config import CONFIG_NAME, Config
from cchc_sheets.deliver.atomic import check_output_path, is_cchc_summary
from cchc_sheets.errors import CchcError
from cchc_sheets.model import CheckResult
from cchc_sheets.text import pick, strip_marks

F = TypeVar("F", bound=Callable[..., Any])
LANG_ENV = "CCHC_LANG"

_UNEXPECTED = (
    "Lỗi không mong đợi: {detail}. Hãy chạy lại với --debug và gửi kết quả cho người hỗ trợ.",
    "Unexpected error: {detail}. Run again with --debug and send the output to support.",
)

# English help: each command's text and each option's, shown with --lang en or CCHC_LANG=en
_HELP_EN: dict[str, str] = {
    "check": "Check the plan: deadlines, updates, weak criteria; write the summary workbook.\n\n"
             "Example: cchc check ke-hoach.xlsx --as-of 2025-06-30",
    "send": "E-mail a summary workbook (the password from the CCHC_SMTP_PASSWORD environment "
            "variable).\n\nExample: cchc send tong-hop-cchc-2025-06-30.xlsx --to "
            "chutich@example.vn",
    "history": "List the checks recorded in the plan's check history.",
    "template": "Write a blank plan to fill in (Hướng dẫn, Tiêu chí, Phân công).",
    "tong-hop": "Province roll-up: every commune's plan or summary in one workbook (also "
                "cchc rollup).\n\nExample: cchc tong-hop communes-folder/ --as-of 2025-06-30",
    "rollup": "Province roll-up: every commune's plan or summary in one workbook (the same as "
              "cchc tong-hop).",
    "doc": "Say how the plan was read (tables, columns, plan year, rows left out); writes "
           "nothing.\n\nExample: cchc doc ke-hoach.xlsx",
}
_OPTION_EN: dict[str, str] = {
    "lang": "Language of messages, help and the summary (also the CCHC_LANG environment "
            "variable).",
    "debug": "Show a traceback on errors.",
    "scores": "Last year's scores workbook (when the scores are not in the plan).",
    "as_of": "Day of the check (default: today).",
    "output": "The summary workbook .xlsx (default: tong-hop-cchc-<date>.xlsx beside the plan).",
    "fmt": "What to print: text, or JSON (schema cchc-check/1) on standard output.",
    "config_path": "The configuration file cchc.toml (default: cchc.toml beside the plan).",
    "no_summary": "Write no summary workbook.",
    "history_path": "The check history file (default: <plan>.cchc-history.sqlite beside the "
                    "plan, or the same plan's history found nearby under another name).",
    "no_history": "Neither read nor write the check history.",
    "send": "E-mail the summary after the check (with --to and/or --per-unit).",
    "open": "Open the summary after writing it (Excel, LibreOffice…).",
    "dry_run": "Send nothing: write the messages as .eml files beside the summary (replacing "
               "those of an earlier dry run of the same summary).",
    "per_unit": "Send each lead unit its own list of tasks needing attention (addresses from "
                "[[units]] in cchc.toml).",
    "subject": "The e-mail subject (default: the check date and the key figures).",
    "cc": "Copy to this address (repeat the option for more).",
    "to": "Send to this address (repeat the option for more: --to a@x.vn --to b@x.vn).",
    "force": "Replace an existing file.",
}
_HISTORY_FMT_EN = "What to print: a table (text), or JSON: one object per recorded check."
# an option whose meaning differs in one command: (command, option) → its help
_COMMAND_OPTION_EN: dict[tuple[str, str], str] = {
    ("doc", "as_of"): "A day whose year is the plan year when neither cchc.toml nor the file "
                      "names one (default: today).",
    ("doc", "fmt"): "What to print: text, or JSON (schema cchc-reading/1) on standard output.",
    ("tong-hop", "scores"): "The province's score table: a row per commune.",
    ("tong-hop", "output"): "The roll-up workbook .xlsx (default: tong-hop-toan-tinh-<date>.xlsx "
                            "in the current folder).",
    ("tong-hop", "fmt"): "What to print: text, or JSON (schema cchc-rollup/1) on standard output.",
    ("tong-hop", "config_path"): "cchc.toml for the plans that have none beside them.",
    ("tong-hop", "jobs"): "Processes reading files side by side (default: the number of cores).",
}


def _lang_of(args: Sequence[str]) -> str:
    """The language asked for on the command line (``--lang en``), else by CCHC_LANG."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return "en" if args[index + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.endswith("=en") else "vi"
    return "en" if os.environ.get(LANG_ENV, "").strip().lower() == "en" else "vi"


class _Command(click.Command):
    """A command whose help follows --lang / CCHC_LANG."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["cchc_lang"] = _lang_of(args)
        return super().parse_args(ctx, args)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if ctx.meta.get("cchc_lang", _lang_of([])) != "en":
            return super().format_help(ctx, formatter)
        saved = self.help, [getattr(p, "help", None) for p in self.params]
        try:
            self.help = _HELP_EN.get(self.name or "", self.help)
            for param in self.params:
                if isinstance(param, click.Option) and param.name:
                    text = _COMMAND_OPTION_EN.get((self.name or "", param.name),
                                                  _OPTION_EN.get(param.name))
                    if self.name == "history" and param.name == "fmt":
                        text = _HISTORY_FMT_EN
                    if text:
                        param.help = text
            super().format_help(ctx, formatter)
        finally:
            self.help = saved[0]
            for param, text in zip(self.params, saved[1], strict=True):
                if isinstance(param, click.Option):
                    param.help = text


class _Group(click.Group):
    """The ``cchc`` group: with CCHC_LANG=en its list of commands is in English too."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["cchc_lang"] = _lang_of(args)
        return super().parse_args(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if ctx.meta.get("cchc_lang", _lang_of([])) != "en":
            return super().format_commands(ctx, formatter)
        saved = {name: command.short_help for name, command in self.commands.items()}
        try:
            for name, command in self.commands.items():
                if name in _HELP_EN:
                    command.short_help = _HELP_EN[name].split("\n")[0]
            super().format_commands(ctx, formatter)
        finally:
            for name, command in self.commands.items():
                command.short_help = saved[name]


def _write(text: str, err: bool = False) -> None:
    """Print text that survives a legacy console code page (diacritics dropped if needed)."""
    stream: Any = sys.stderr if err else sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        text = strip_marks(text).encode(encoding, "replace").decode(encoding, "replace")
    click.echo(text, file=stream)


def _common(func: F) -> F:
    """--lang and --debug on every command; our errors become a message and exit status 2."""

    @click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
                  envvar=LANG_ENV,
                  help="Ngôn ngữ thông báo, trợ giúp và tệp tổng hợp (cũng đặt được bằng biến "
                       "môi trường CCHC_LANG).")
    @click.option("--debug", is_flag=True, help="Hiện traceback khi có lỗi.")
    @wraps(func)
    def wrapper(*args: Any, lang: str, debug: bool, **kwargs: Any) -> Any:
        try:
            return func(*args, lang=lang, **kwargs)
        except CchcError as exc:
            if debug:
                import traceback

                traceback.print_exc()
            _write(_say("error", lang) + exc.message(lang), err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            sys.exit(130)
        except MemoryError:
            from cchc_sheets.messages import render

            _write(("Lỗi: " if lang == "vi" else "Error: ")
                   + render("out-of-memory", lang, path=_first_path(args, kwargs)), err=True)
            sys.exit(2)
        except Exception as exc:
            if debug:
                import traceback

                traceback.print_exc()
            detail = f"{exc.__class__.__name__}: {exc}"
            _write(_say("unexpected", lang).format(detail=detail), err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def _first_path(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """The file a command was given (for a message that names it)."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, Path):
            return str(value)
    return "?"


def _as_of(value: str | None) -> date:
    from cchc_sheets.read.deadlines import MAX_YEAR, MIN_YEAR

    if value is None:
        return date.today()
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise CchcError("bad-as-of", None, value=value) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise CchcError("as-of-out-of-range", None, value=value, first=MIN_YEAR, last=MAX_YEAR)
    return day


class _FilePath(click.Path):
    """A file argument: an empty one is refused at once with the project's message."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value:
            from cchc_sheets.messages import render

            self.fail(render("path-empty", "vi") + " / " + render("path-empty", "en"), param, ctx)
        return super().convert(value, param, ctx)


def _file_path() -> click.Path:
    return _FilePath(path_type=Path, dir_okay=False)


# what the commands say besides the library's messages: (Vietnamese, English)
_SAID = {
    "reading": ("Đang đọc kế hoạch…", "Reading the plan…"),
    "summary_written": ("Đã ghi tệp tổng hợp: ", "Summary written: "),
    "template_written": ("Đã ghi tệp mẫu: ", "Template written: "),
    "error": ("Lỗi: ", "Error: "),
    "unexpected": _UNEXPECTED,
}


def _say(key: str, lang: str) -> str:
    return pick(_SAID[key], lang)


def _mail_options(func: F) -> F:
    func = click.option("--dry-run", is_flag=True,
                        help="Không gửi: ghi thư thành tệp .eml cạnh tệp tổng hợp (thay các tệp "
                             ".eml của lần chạy thử trước với cùng tệp tổng hợp).")(func)
    func = click.option("--per-unit", is_flag=True,
                        help="Gửi mỗi bộ phận chủ trì danh sách việc cần chú ý của mình "
                             "(địa chỉ trong [[units]] của cchc.toml).")(func)
    func = click.option("--subject", help="Tiêu đề thư (mặc định: ngày kiểm tra và số liệu chính).")(func)
    func = click.option("--cc", multiple=True,
                        help="Đồng gửi tới địa chỉ này (ghi lại tùy chọn cho mỗi địa chỉ).")(func)
    func = click.option("--to", multiple=True,
                        help="Gửi tới địa chỉ này (ghi lại tùy chọn cho mỗi địa chỉ: --to a@x.vn "
                             "--to b@x.vn).")(func)
    return func


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cchc-sheets")
def cli() -> None:
    """cchc — theo dõi kế hoạch nâng cao Chỉ số CCHC của xã.

    Weekly check of a commune's PAR Index (Chỉ số CCHC) plan workbook
    (help in English: --lang en, or CCHC_LANG=en).
    """


def _usage(lang: str, vi: str, en: str) -> click.UsageError:
    return click.UsageError(pick((vi, en), lang))


@cli.command(cls=_Command)
@click.argument("plan", type=_file_path())
@click.option("--scores", type=_file_path(),
              help="Tệp điểm năm trước (nếu điểm không nằm trong kế hoạch).")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Ngày kiểm tra (mặc định: hôm nay).")
@click.option("-o", "--output", type=_file_path(),
              help="Tệp tổng hợp .xlsx (mặc định: tong-hop-cchc-<ngày>.xlsx cạnh kế hoạch).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True,
              help="Kết quả trên màn hình: văn bản, hoặc JSON (cchc-check/1) ra đầu ra chuẩn.")
@click.option("--config", "config_path", type=_file_path(),
              help="Tệp cấu hình cchc.toml (mặc định: cchc.toml cạnh kế hoạch).")
@click.option("--no-summary", is_flag=True, help="Không ghi tệp tổng hợp .xlsx.")
@click.option("--history", "history_path", type=_file_path(),
              help="Tệp lịch sử kiểm tra (mặc định: <kế hoạch>.cchc-history.sqlite cạnh kế hoạch, "
                   "hoặc lịch sử của cùng kế hoạch tìm thấy gần đó dưới tên khác).")
@click.option("--no-history", is_flag=True, help="Không đọc và không ghi lịch sử kiểm tra.")
@click.option("--send", is_flag=True,
              help="Gửi tệp tổng hợp qua thư điện tử sau khi kiểm tra (với --to và/hoặc "
                   "--per-unit).")
@click.option("--open", "open_after", is_flag=True,
              help="Mở tệp tổng hợp sau khi ghi (Excel, LibreOffice…).")
@_mail_options
@_common
def check(plan: Path, scores: Path | None, as_of: str | None, output: Path | None, fmt: str,
          config_path: Path | None, no_summary: bool, history_path: Path | None,
          no_history: bool, send: bool, open_after: bool, to: tuple[str, ...],
          cc: tuple[str, ...], subject: str | None, per_unit: bool, dry_run: bool,
          lang: str) -> None:
    """Kiểm tra kế hoạch: thời hạn, cập nhật, tiêu chí yếu; ghi tệp tổng hợp.

    Example: cchc check ke-hoach.xlsx --as-of 2025-06-30
    """
    from cchc_sheets.api import (
        AUTO,
        check_with_history,
        default_history_path,
        load_settings,
        record_history,
    )
    from cchc_sheets.render.report import result_dict

    mail_options = [name for name, given in (("--to", to), ("--cc", cc), ("--subject", subject),
                                              ("--per-unit", per_unit), ("--dry-run", dry_run))
                    if given]
    if mail_options and not send:
        raise _usage(lang, f"{', '.join(mail_options)} chỉ có tác dụng cùng --send; hãy thêm "
                           "--send (hoặc bỏ các tùy chọn đó).",
                     f"{', '.join(mail_options)} only work with --send; add --send (or leave "
                     "them out).")
    if send and no_summary:
        raise _usage(lang, "--send cần tệp tổng hợp; hãy bỏ --no-summary.",
                     "--send needs the summary; leave out --no-summary.")
    if send and not (to or per_unit):
        raise _usage(lang, "--send cần người nhận: --to ĐỊA_CHỈ và/hoặc --per-unit.",
                     "--send needs recipients: --to ADDRESS and/or --per-unit.")
    if open_after and no_summary:
        raise _usage(lang, "--open cần tệp tổng hợp; hãy bỏ --no-summary.",
                     "--open needs the summary; leave out --no-summary.")
    from cchc_sheets.errors import WorkbookFileError
    from cchc_sheets.read.paths import inspect_input

    day = _as_of(as_of)
    inspect_input(plan, WorkbookFileError)
    settings = load_settings(plan, config_path)
    history: Path | str | None = None if no_history else (history_path or AUTO)
    target = output or plan.with_name(f"tong-hop-cchc-{day.isoformat()}.xlsx")
    if not no_summary:  # before the check: a bad output path is known at once
        check_output_path(target, plan, scores, settings.path, history_path,
                          default_history_path(plan), may_replace=is_cchc_summary)
    if sys.stderr.isatty() and fmt == "text":
        _write(_say("reading", lang), err=True)
    result, use = check_with_history(plan, as_of=day, scores=scores, config=settings,
                                     history=history)
    result.problems.extend(use.problems)
    known = len(use.problems)
    written = None
    if not no_summary:
        from cchc_sheets.render.summary import write_summary

        written = write_summary(result, target, lang=lang)
    record_history(use, result)  # only now: a week is recorded once its summary is written
    if fmt == "json":
        # indented for a person at a terminal; compact (and far faster) into a pipe or file
        indent = 2 if sys.stdout.isatty() else None
        # (result_dict holds no reference cycles: the encoder need not look for them)
        data = json.dumps(result_dict(result, lang), ensure_ascii=False, indent=indent,
                          check_circular=False, allow_nan=False)
        sys.stdout.buffer.write(data.encode("utf-8"))
        sys.stdout.buffer.write(b"\n")
        sys.stdout.flush()
        for line in _history_lines(plan, result, use, settings, lang)[1:]:
            _write(line, err=True)  # which history was used: said, but not on standard output
    else:
        from cchc_sheets.render.terminal import render_text

        _write(render_text(result, lang, summary=written is not None))
        for line in _history_lines(plan, result, use, settings, lang):
            _write(line)
        if written is not None:
            _write(_say("summary_written", lang) + str(written))
    from cchc_sheets.messages import screen

    if written is not None and written != target:  # an edited summary was kept
        from cchc_sheets.messages import render

        _write(render("summary-kept-edited", lang, kept=str(target), path=str(written)), err=True)

    for problem in use.problems[known:]:
        _write(screen("history-record-failed", lang, message=problem.message(lang)), err=True)
    if open_after and written is not None:
        _open(written, lang)
    mail_failed = False
    if send and written is not None:
        mail_failed = _send(written, settings, to, cc, subject, lang, result, per_unit, dry_run,
                            plan.parent / CONFIG_NAME)
    sys.exit(2 if mail_failed else 1 if result.needs_attention else 0)


def _history_lines(plan: Path, result: CheckResult, use: Any, settings: Config,
                   lang: str) -> list[str]:
    """What the screen says about the history used, a back-dated check, and `unchanged`."""
    from cchc_sheets.config import HISTORY_SUFFIX, default_history_path
    from cchc_sheets.messages import screen

    if use.path is None or not use.usable:
        return []
    day = lambda value: value.strftime("%d/%m/%Y")  # noqa: E731
    latest_text = screen("history-latest", lang, latest=day(use.latest)) if use.latest else ""
    lines = [""]
    if use.how == "found" and use.recorded_for != plan.name:
        then = "" if use.backdated else screen("history-continue", lang)
        lines.append(screen("history-found", lang, path=use.path, recorded_for=use.recorded_for,
                            count=use.earlier, latest_text=latest_text, then=then))
    elif use.how == "found":
        lines.append(screen("history-found-same", lang, path=use.path, count=use.earlier,
                            latest_text=latest_text))
    elif use.how == "new" or (use.earlier == 0 and use.latest is None):
        lines.append(screen("history-new", lang, path=use.path))
    else:
        lines.append(screen("history-beside", lang, path=use.path, count=use.earlier,
                            latest_text=latest_text))
    default = default_history_path(plan)
    if use.path == default and default.name != plan.stem + HISTORY_SUFFIX:
        lines.append(screen("history-shortened", lang, path=default.name))
    if use.backdated and use.latest is not None:
        lines.append(screen("history-backdated", lang, as_of=day(result.as_of),
                            latest=day(use.latest)))
    earlier = [p for p in result.trend if p.as_of < result.as_of]
    if earlier and earlier[-1].missing_update != result.totals.missing_update:
        lines.append(screen("missing-change", lang, before=earlier[-1].missing_update,
                            now=result.totals.missing_update, day=day(earlier[-1].as_of)))
    unchanged = sum("unchanged" in t.flags for t in result.tasks)
    if unchanged:
        lines.append(screen("unchanged-note", lang, count=unchanged,
                            days=settings.thresholds.stale_days))
    return [_wrap(line) for line in lines]


def _wrap(text: str) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, 80, subsequent_indent="  ", break_on_hyphens=False,
                                   break_long_words=False)) if text else ""


def _open(path: Path, lang: str) -> None:
    from cchc_sheets.deliver.opener import open_file
    from cchc_sheets.messages import screen

    try:
        open_file(path)
    except OSError as exc:
        _write(screen("open-failed", lang, path=path, detail=exc.strerror or exc), err=True)


def _send(summary: Path, settings: Config, to: tuple[str, ...], cc: tuple[str, ...],
          subject: str | None, lang: str, result: CheckResult | None, per_unit: bool,
          dry_run: bool, looked_at: Path) -> bool:
    """Send or write the mail; print who got what and what was not sent. True when some
    message was not sent (exit status 2)."""
    from cchc_sheets.deliver.delivery import deliver, recipients_of
    from cchc_sheets.messages import render, screen

    if not dry_run and sys.stderr.isatty() and settings.email.get("host"):
        timeout = settings.email.get("timeout", 10)
        _write(screen("mail-connecting", lang, host=settings.email["host"], timeout=timeout),
               err=True)
    delivery = deliver(summary, settings, to=to, cc=cc, subject=subject, lang=lang, result=result,
                       per_unit=per_unit, dry_run=summary.parent if dry_run else None,
                       looked_at=looked_at)
    if per_unit:
        _write(screen("mail-units-head", lang))
        for line in delivery.unit_lines:
            _write(screen("mail-unit-line", lang, unit=line.unit, who=", ".join(line.recipients),
                          count=line.tasks))
        for unit in delivery.units_without_address:
            _write(_wrap("  " + render("mail-unit-no-address", lang, unit=unit,
                                       config=delivery.config)))
        if delivery.nothing_to_report:
            _write(_wrap(screen("mail-units-quiet", lang,
                                units=", ".join(delivery.nothing_to_report))))
        if delivery.unassigned:
            cells = ", ".join(t.cell("lead") if "lead" in t.cells else t.ref
                              for t in delivery.unassigned)
            _write(_wrap(screen("mail-unassigned", lang, count=len(delivery.unassigned),
                                cells=cells)))
    for path in delivery.written:
        _write(screen("mail-written", lang, path=path))
    for outcome in delivery.outcomes:
        who = [r for r in recipients_of(outcome.message) if r not in outcome.refused]
        reason = outcome.error.message(lang) if outcome.error else "?"
        if outcome.ok:
            _write(screen("mail-sent", lang, who=", ".join(who)))
        elif outcome.sent:
            _write(screen("mail-partly", lang, who=", ".join(who),
                          refused=", ".join(outcome.refused), reason=reason), err=True)
        else:
            _write(screen("mail-not-sent", lang, who=", ".join(recipients_of(outcome.message)),
                          reason=reason), err=True)
    failed = delivery.failed
    if failed:
        not_sent = sorted({r for o in failed for r in (o.refused or recipients_of(o.message))})
        _write(screen("mail-summary-failed", lang,
                      sent=sum(o.ok for o in delivery.outcomes), total=len(delivery.outcomes),
                      not_sent=", ".join(not_sent)), err=True)
    return bool(failed)


@cli.command(cls=_Command)
@click.argument("plan", type=_file_path())
@click.option("--scores", type=_file_path(),
              help="Tệp điểm năm trước (nếu điểm không nằm trong kế hoạch).")
@click.option("--config", "config_path", type=_file_path(),
              help="Tệp cấu hình cchc.toml (mặc định: cchc.toml cạnh kế hoạch).")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD",
              help="Ngày dùng làm năm kế hoạch khi tệp không ghi năm (mặc định: hôm nay).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Kết quả: văn bản, hoặc JSON (cchc-reading/1) ra đầu ra chuẩn.")
@_common
def doc(plan: Path, scores: Path | None, config_path: Path | None, as_of: str | None, fmt: str,
        lang: str) -> None:
    """Cho biết chương trình đọc tệp kế hoạch thế nào (bảng, cột, năm, dòng bỏ qua).

    Nothing is written. Example: cchc doc ke-hoach.xlsx
    """
    from cchc_sheets.api import load_settings
    from cchc_sheets.read.reader import read_plan
    from cchc_sheets.read.reading import doc_dict, render_reading

    settings = load_settings(plan, config_path)
    data = read_plan(plan, settings, scores=scores, default_year=_as_of(as_of).year)
    assert data.reading is not None
    last_year = data.plan_year - 1 if data.plan_year else None
    if fmt == "json":
        text = json.dumps(doc_dict(data, lang), ensure_ascii=False, indent=2, allow_nan=False)
        sys.stdout.buffer.write(text.encode("utf-8") + b"\n")
        sys.stdout.flush()
    else:
        _write(render_reading(data.reading, lang, data.problems, last_year))
    sys.exit(0)


@cli.command(cls=_Command)
@click.argument("summary", type=_file_path())
@_mail_options
@click.option("--config", "config_path", type=_file_path(),
              help="Tệp cấu hình cchc.toml (mặc định: cchc.toml cạnh tệp tổng hợp).")
@_common
def send(summary: Path, to: tuple[str, ...], cc: tuple[str, ...], subject: str | None,
         per_unit: bool, dry_run: bool, config_path: Path | None, lang: str) -> None:
    """Gửi tệp tổng hợp qua thư điện tử (mật khẩu lấy từ biến môi trường CCHC_SMTP_PASSWORD).

    Example: cchc send tong-hop-cchc-2025-06-30.xlsx --to chutich@example.vn
    """
    from cchc_sheets.api import load_settings
    from cchc_sheets.errors import WorkbookFileError
    from cchc_sheets.read.paths import inspect_input

    inspect_input(summary, WorkbookFileError)
    if not (to or per_unit):
        raise _usage(lang, "Chưa có người nhận: --to ĐỊA_CHỈ và/hoặc --per-unit.",
                     "No recipient: --to ADDRESS and/or --per-unit.")
    settings = load_settings(summary, config_path)
    failed = _send(summary, settings, to, cc, subject, lang, None, per_unit, dry_run,
                   summary.parent / CONFIG_NAME)
    sys.exit(2 if failed else 0)


@cli.command(cls=_Command)
@click.argument("plan", type=_file_path())
@click.option("--history", "history_path", type=_file_path(),
              help="Tệp lịch sử (mặc định: <kế hoạch>.cchc-history.sqlite cạnh kế hoạch, hoặc "
                   "lịch sử của cùng kế hoạch tìm thấy gần đó).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True,
              help="Kết quả: bảng (text) hoặc JSON, mỗi lần kiểm tra đã ghi một đối tượng.")
@_common
def history(plan: Path, history_path: Path | None, fmt: str, lang: str) -> None:
    """Liệt kê các lần kiểm tra đã ghi trong lịch sử của kế hoạch."""
    from cchc_sheets.api import default_history_path
    from cchc_sheets.checking.history import HistoryStore
    from cchc_sheets.messages import render

    path = history_path or default_history_path(plan)
    if history_path is None and not path.exists() and plan.is_file():
        path = _found_history(plan, path)
    with HistoryStore.open(path, create=False) as store:
        checks = store.checks()
        skipped = list(store.skipped)
    if skipped:
        _write(render("history-rows-skipped", lang, path=str(path), count=len(skipped),
                      rows=", ".join(skipped[:5])), err=True)
    if fmt == "json":
        sys.stdout.buffer.write(json.dumps(checks, ensure_ascii=False, indent=2,
                                           default=str, allow_nan=False).encode("utf-8") + b"\n")
        return
    from cchc_sheets.render.terminal import render_history

    _write(render_history(checks, path, lang))


@cli.command("tong-hop", cls=_Command)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Ngày kiểm tra (mặc định: hôm nay).")
@click.option("--scores", type=_file_path(),
              help="Bảng điểm của tỉnh: mỗi xã một dòng.")
@click.option("-o", "--output", type=_file_path(),
              help="Tệp tổng hợp .xlsx (mặc định: tong-hop-toan-tinh-<ngày>.xlsx ở thư mục hiện tại).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Kết quả trên màn hình: văn bản hoặc JSON.")
@click.option("--config", "config_path", type=_file_path(),
              help="cchc.toml cho các kế hoạch không có cchc.toml bên cạnh.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Số tiến trình đọc song song (mặc định: số lõi CPU).")
@_common
def tong_hop(paths: tuple[Path, ...], as_of: str | None, scores: Path | None,
             output: Path | None, fmt: str, config_path: Path | None, jobs: int | None,
             lang: str) -> None:
    """Tổng hợp toàn tỉnh: kế hoạch và tệp tổng hợp của mọi xã, phường vào một sổ
    (cũng gọi được là cchc rollup).

    Ví dụ: cchc tong-hop thu-muc-cac-xa/ --as-of 2025-06-30
    """
    from cchc_sheets.errors import CchcError as _Error
    from cchc_sheets.province.rollup import roll_up, rollup_dict
    from cchc_sheets.province.rollup_book import default_rollup_name, is_rollup_workbook, write_rollup

    day = _as_of(as_of)
    target = output or Path(default_rollup_name(day.isoformat()))
    check_output_path(target, scores, may_replace=is_rollup_workbook)
    table = None
    if scores is not None:
        from cchc_sheets.province.province_scores import read_province_table

        table = read_province_table(scores)
    progress = _Progress(lang) if fmt == "text" else None
    rollup = roll_up(list(paths), as_of=day, scores=table, config=config_path, jobs=jobs,
                     progress=progress)
    if progress is not None:
        progress.finish()
    if not rollup.communes:
        for problem in rollup.problems:
            _write(f"{problem.file}: {problem.message(lang)}", err=True)
        code = "rollup-no-files" if not rollup.files else "rollup-nothing-read"
        raise _Error(code, ", ".join(str(p) for p in paths), count=rollup.files)
    written = write_rollup(rollup, target, lang=lang, inputs=list(paths))
    if fmt == "json":
        for problem in rollup.left_out:
            if problem.severity == "error":
                _write(f"{problem.file}: {problem.message(lang)}", err=True)
        data = json.dumps(rollup_dict(rollup, lang), ensure_ascii=False, allow_nan=False,
                          indent=2 if sys.stdout.isatty() else None)
        sys.stdout.buffer.write(data.encode("utf-8") + b"\n")
        sys.stdout.flush()
    else:
        from cchc_sheets.province.rollup_text import render_rollup

        _write(render_rollup(rollup, lang))
        _write(("Đã ghi tệp tổng hợp: " if lang == "vi" else "Roll-up written: ") + str(written))
    sys.exit(1 if rollup.needs_attention else 0)


cli.add_command(tong_hop, "rollup")


class _Progress:
    """Files done / total and the current file on standard error, once the work has taken
    more than a second: one line rewritten on a terminal, a line every few seconds elsewhere."""

    def __init__(self, lang: str) -> None:
        import time

        self.lang = lang
        self.clock = time.monotonic
        self.start = self.clock()
        self.last = 0.0
        self.shown = False
        self.tty = sys.stderr.isatty()

    def __call__(self, done: int, total: int, file: str) -> None:
        now = self.clock()
        if now - self.start < 1.0 or (now - self.last < (0.1 if self.tty else 5.0)
                                      and done < total):
            return
        self.last = now
        word = "Đã đọc" if self.lang == "vi" else "Read"
        text = f"{word} {done}/{total}: {file}"
        if self.tty:
            width = 78
            text = text if len(text) <= width else text[:width - 1] + "…"
            try:
                text.encode(getattr(sys.stderr, "encoding", None) or "utf-8")
            except (UnicodeEncodeError, LookupError):
                text = strip_marks(text).encode("ascii", "replace").decode("ascii")
            sys.stderr.write("\r" + text.ljust(width))
            sys.stderr.flush()
        else:
            _write(text, err=True)
        self.shown = True

    def finish(self) -> None:
        if self.shown and self.tty:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _found_history(plan: Path, default: Path) -> Path:
    """The same plan's history under another name nearby, or ``default``."""
    from cchc_sheets.api import load_settings
    from cchc_sheets.checking.history import choose_history
    from cchc_sheets.read.reader import read_plan

    try:
        data = read_plan(plan, load_settings(plan))
    except CchcError:
        return default
    return choose_history(plan, data.tasks).path


@cli.command(cls=_Command)
@click.option("-o", "--output", type=_file_path(),
              default=Path("ke-hoach-cchc-mau.xlsx"), show_default=True,
              help="Tệp mẫu sẽ ghi.")
@click.option("--force", is_flag=True, help="Ghi đè nếu tệp đã có.")
@_common
def template(output: Path, force: bool, lang: str) -> None:
    """Ghi tệp kế hoạch mẫu để điền (Hướng dẫn, Tiêu chí, Phân công)."""
    from cchc_sheets.render.template import write_template

    path = write_template(output, lang=lang, replace=force)
    _write(_say("template_written", lang) + str(path))


@cli.command()
@click.argument("document", type=_file_path())
@click.option("-o", "--output", type=_file_path(),
              help="Sổ theo dõi .xlsx sẽ ghi (mặc định: cùng tên văn bản, đuôi .xlsx).")
@click.option("--force", is_flag=True, help="Ghi đè nếu tệp đã có / replace an existing file.")
@click.option("--config", "config_path", type=_file_path(),
              help="Tệp cấu hình cchc.toml (tên cột thêm; mặc định: cchc.toml cạnh văn bản).")
@_common
def nhap(document: Path, output: Path | None, force: bool, config_path: Path | None,
         lang: str) -> None:
    """Nhập phụ lục phân công nhiệm vụ từ văn bản Word (.docx, .doc) thành sổ theo dõi .xlsx.

    Import the task-assignment appendix of a Word plan into a tracking workbook.

    Example: cchc nhap PHU-LUC.docx -o ke-hoach.xlsx
    """
    from cchc_sheets.api import load_settings
    from cchc_sheets.word.wordimport import default_output, import_word, summary_line

    settings = load_settings(document, config_path)
    target = output or default_output(document)
    imported = import_word(document, target, replace=force, lang=lang, config=settings)
    _write(summary_line(imported, target, lang))


cli.add_command(nhap, name="import")


def main() -> None:
    """Entry point of the ``cchc`` script.

    One command runs and the process ends: the cycle collector is paused throughout (the
    check builds millions of objects and no cycles worth collecting; a full collection over
    that heap costs tenths of a second), and what is left is frozen before the interpreter
    shuts down, so its last collection does not walk it either.
    """
    from cchc_sheets.deliver.atomic import remove_on_signals

    remove_on_signals()  # SIGTERM, SIGHUP: the temporary files are removed on the way out
    gc.disable()
    try:
        cli(prog_name="cchc")
    finally:
        gc.freeze()
