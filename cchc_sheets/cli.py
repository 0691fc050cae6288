"""The ``cchc`` command: a thin click layer over the library.

Exit status: 0 nothing needs attention, 1 something does, 2 the check could not run.
"""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from cchc_sheets.atomic import check_output_path, is_cchc_summary
from cchc_sheets.config import Config
from cchc_sheets.errors import CchcError
from cchc_sheets.model import CheckResult
from cchc_sheets.text import strip_marks

F = TypeVar("F", bound=Callable[..., Any])

_UNEXPECTED = (
    "Lỗi không mong đợi: {detail}. Hãy chạy lại với --debug và gửi kết quả cho người hỗ trợ.",
    "Unexpected error: {detail}. Run again with --debug and send the output to support.",
)


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
                  help="Ngôn ngữ thông báo và tệp tổng hợp / language of messages and output.")
    @click.option("--debug", is_flag=True, help="Hiện traceback khi có lỗi / show tracebacks.")
    @wraps(func)
    def wrapper(*args: Any, lang: str, debug: bool, **kwargs: Any) -> Any:
        try:
            return func(*args, lang=lang, **kwargs)
        except CchcError as exc:
            if debug:
                import traceback

                traceback.print_exc()
            _write(("Lỗi: " if lang == "vi" else "Error: ") + exc.message(lang), err=True)
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
            _write(_UNEXPECTED[lang == "en"].format(detail=detail), err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def _first_path(args: tuple[Any, ...], kwargs: dict[str, Any]) -> str:
    """The file a command was given (for a message that names it)."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, Path):
            return str(value)
    return "?"


def _as_of(value: str | None) -> date:
    from cchc_sheets.deadlines import MAX_YEAR, MIN_YEAR

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


def _mail_options(func: F) -> F:
    func = click.option("--dry-run", is_flag=True,
                        help="Không gửi: ghi thư thành tệp .eml cạnh tệp tổng hợp.")(func)
    func = click.option("--per-unit", is_flag=True,
                        help="Gửi mỗi bộ phận chủ trì danh sách việc của mình "
                             "(địa chỉ trong cchc.toml).")(func)
    func = click.option("--subject", help="Tiêu đề thư (mặc định: ngày kiểm tra và số liệu chính).")(func)
    func = click.option("--cc", multiple=True, help="Đồng gửi (có thể ghi nhiều lần).")(func)
    func = click.option("--to", multiple=True, help="Người nhận (có thể ghi nhiều lần).")(func)
    return func


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cchc-sheets")
def cli() -> None:
    """cchc — theo dõi kế hoạch nâng cao Chỉ số CCHC của xã.

    Weekly check of a commune's PAR Index (Chỉ số CCHC) plan workbook.
    """


@cli.command()
@click.argument("plan", type=_file_path())
@click.option("--scores", type=_file_path(),
              help="Tệp điểm năm trước (nếu điểm không nằm trong kế hoạch).")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Ngày kiểm tra (mặc định: hôm nay).")
@click.option("-o", "--output", type=_file_path(),
              help="Tệp tổng hợp .xlsx (mặc định: tong-hop-cchc-<ngày>.xlsx cạnh kế hoạch).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Kết quả trên màn hình: văn bản hoặc JSON.")
@click.option("--config", "config_path", type=_file_path(),
              help="Tệp cấu hình cchc.toml (mặc định: cchc.toml cạnh kế hoạch).")
@click.option("--no-summary", is_flag=True, help="Không ghi tệp tổng hợp .xlsx.")
@click.option("--history", "history_path", type=_file_path(),
              help="Tệp lịch sử kiểm tra (mặc định: <kế hoạch>.cchc-history.sqlite).")
@click.option("--no-history", is_flag=True, help="Không dùng và không ghi lịch sử kiểm tra.")
@click.option("--send", is_flag=True, help="Gửi tệp tổng hợp qua thư điện tử sau khi kiểm tra.")
@_mail_options
@_common
def check(plan: Path, scores: Path | None, as_of: str | None, output: Path | None, fmt: str,
          config_path: Path | None, no_summary: bool, history_path: Path | None,
          no_history: bool, send: bool, to: tuple[str, ...], cc: tuple[str, ...],
          subject: str | None, per_unit: bool, dry_run: bool, lang: str) -> None:
    """Kiểm tra kế hoạch: thời hạn, cập nhật, tiêu chí yếu; ghi tệp tổng hợp.

    Example: cchc check ke-hoach.xlsx --as-of 2025-06-30
    """
    from cchc_sheets.api import check as run_check
    from cchc_sheets.api import default_history_path, load_settings
    from cchc_sheets.errors import WorkbookFileError
    from cchc_sheets.paths import inspect_input
    from cchc_sheets.report import result_dict

    day = _as_of(as_of)
    inspect_input(plan, WorkbookFileError)
    settings = load_settings(plan, config_path)
    if send and no_summary:
        raise click.UsageError("--send cần tệp tổng hợp; bỏ --no-summary / --send needs the summary")
    history = None if no_history else (history_path or default_history_path(plan))
    target = output or plan.with_name(f"tong-hop-cchc-{day.isoformat()}.xlsx")
    if not no_summary:  # before the check: a bad output path is known at once
        check_output_path(target, plan, scores, settings.path, history_path,
                          default_history_path(plan), may_replace=is_cchc_summary)
    if sys.stderr.isatty() and fmt == "text":
        _write("Đang đọc kế hoạch…" if lang == "vi" else "Reading the plan…", err=True)
    result = run_check(plan, as_of=day, scores=scores, config=settings, history=history)
    written = None
    if not no_summary:
        from cchc_sheets.summary import write_summary

        written = write_summary(result, target, lang=lang)
    if fmt == "json":
        # indented for a person at a terminal; compact (and far faster) into a pipe or file
        indent = 2 if sys.stdout.isatty() else None
        # (result_dict holds no reference cycles: the encoder need not look for them)
        data = json.dumps(result_dict(result, lang), ensure_ascii=False, indent=indent,
                          check_circular=False, allow_nan=False)
        sys.stdout.buffer.write(data.encode("utf-8"))
        sys.stdout.buffer.write(b"\n")
        sys.stdout.flush()
    else:
        from cchc_sheets.terminal import render_text

        _write(render_text(result, lang, summary=written is not None))
        if written is not None:
            _write(("Đã ghi tệp tổng hợp: " if lang == "vi" else "Summary written: ") + str(written))
    if written is not None and written != target:
        from cchc_sheets.messages import render

        _write(render("summary-kept-edited", lang, kept=str(target), path=str(written)), err=True)
    mail_failed = False
    if send and written is not None:
        mail_failed = _send(written, settings, to, cc, subject, lang, result, per_unit, dry_run)
    sys.exit(1 if result.needs_attention or mail_failed else 0)


def _send(summary: Path, settings: Config, to: tuple[str, ...], cc: tuple[str, ...],
          subject: str | None, lang: str, result: CheckResult | None, per_unit: bool,
          dry_run: bool) -> bool:
    """Send or write the mail; print what happened. True when some message was not sent."""
    from cchc_sheets.messages import render
    from cchc_sheets.sending import deliver, recipients_of

    delivery = deliver(summary, settings, to=to, cc=cc, subject=subject, lang=lang, result=result,
                       per_unit=per_unit, dry_run=summary.parent if dry_run else None)
    for unit in delivery.units_without_address:
        _write(render("mail-unit-no-address", lang, unit=unit), err=True)
    for path in delivery.written:
        _write(("Đã ghi thư (không gửi): " if lang == "vi" else "Mail written (not sent): ")
               + str(path))
    for outcome in delivery.outcomes:
        who = ", ".join(recipients_of(outcome.message))
        if outcome.ok:
            _write(("Đã gửi tới " if lang == "vi" else "Sent to ") + who)
        elif outcome.sent:
            refused = ", ".join(outcome.refused)
            _write(("Đã gửi tới " if lang == "vi" else "Sent to ") + who + " — "
                   + ("bị từ chối: " if lang == "vi" else "refused: ") + refused, err=True)
        else:
            reason = outcome.error.message(lang) if outcome.error else "?"
            _write(("CHƯA gửi tới " if lang == "vi" else "NOT sent to ") + who + ": " + reason,
                   err=True)
    return bool(delivery.failed)


@cli.command()
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
    from cchc_sheets.paths import inspect_input

    inspect_input(summary, WorkbookFileError)
    settings = load_settings(summary, config_path)
    failed = _send(summary, settings, to, cc, subject, lang, None, per_unit, dry_run)
    sys.exit(1 if failed else 0)


@cli.command()
@click.argument("plan", type=_file_path())
@click.option("--history", "history_path", type=_file_path(),
              help="Tệp lịch sử (mặc định: <kế hoạch>.cchc-history.sqlite).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@_common
def history(plan: Path, history_path: Path | None, fmt: str, lang: str) -> None:
    """Liệt kê các lần kiểm tra đã ghi trong lịch sử của kế hoạch."""
    from cchc_sheets.api import default_history_path
    from cchc_sheets.history import HistoryStore

    path = history_path or default_history_path(plan)
    with HistoryStore.open(path, create=False) as store:
        checks = store.checks()
    if fmt == "json":
        sys.stdout.buffer.write(json.dumps(checks, ensure_ascii=False, indent=2,
                                           default=str, allow_nan=False).encode("utf-8") + b"\n")
        return
    from cchc_sheets.terminal import render_history

    _write(render_history(checks, path, lang))


@cli.command()
@click.option("-o", "--output", type=_file_path(),
              default=Path("ke-hoach-cchc-mau.xlsx"), show_default=True,
              help="Tệp mẫu sẽ ghi.")
@click.option("--force", is_flag=True, help="Ghi đè nếu tệp đã có / replace an existing file.")
@_common
def template(output: Path, force: bool, lang: str) -> None:
    """Ghi tệp kế hoạch mẫu để điền (Hướng dẫn, Tiêu chí, Phân công)."""
    from cchc_sheets.template import write_template

    path = write_template(output, lang=lang, replace=force)
    _write(("Đã ghi tệp mẫu: " if lang == "vi" else "Template written: ") + str(path))


def main() -> None:
    """Entry point of the ``cchc`` script.

    One command runs and the process ends: the cycle collector is paused throughout (the
    check builds millions of objects and no cycles worth collecting; a full collection over
    that heap costs tenths of a second), and what is left is frozen before the interpreter
    shuts down, so its last collection does not walk it either.
    """
    from cchc_sheets.atomic import remove_on_signals

    remove_on_signals()  # SIGTERM, SIGHUP: the temporary files are removed on the way out
    gc.disable()
    try:
        cli(prog_name="cchc")
    finally:
        gc.freeze()
