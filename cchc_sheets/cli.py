"""The ``cchc`` command: a thin click layer over the library.

Exit status: 0 nothing needs attention, 1 something does, 2 the check could not run.
"""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Callable
from datetime import date
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from cchc_sheets.errors import CchcError
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
                traceback.print_exc()
            _write(("Lỗi: " if lang == "vi" else "Error: ") + exc.message(lang), err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            sys.exit(130)
        except Exception as exc:
            if debug:
                traceback.print_exc()
            detail = f"{exc.__class__.__name__}: {exc}"
            _write(_UNEXPECTED[lang == "en"].format(detail=detail), err=True)
            sys.exit(2)

    return wrapper  # type: ignore[return-value]


def _as_of(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CchcError("bad-as-of", None, value=value) from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cchc-sheets")
def cli() -> None:
    """cchc — theo dõi kế hoạch nâng cao Chỉ số CCHC của xã.

    Weekly check of a commune's PAR Index (Chỉ số CCHC) plan workbook.
    """


@cli.command()
@click.argument("plan", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--scores", type=click.Path(path_type=Path, dir_okay=False),
              help="Tệp điểm năm trước (nếu điểm không nằm trong kế hoạch).")
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD", help="Ngày kiểm tra (mặc định: hôm nay).")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Tệp tổng hợp .xlsx (mặc định: tong-hop-cchc-<ngày>.xlsx cạnh kế hoạch).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Kết quả trên màn hình: văn bản hoặc JSON.")
@click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Tệp cấu hình cchc.toml (mặc định: cchc.toml cạnh kế hoạch).")
@click.option("--no-summary", is_flag=True, help="Không ghi tệp tổng hợp .xlsx.")
@click.option("--history", "history_path", type=click.Path(path_type=Path, dir_okay=False),
              help="Tệp lịch sử kiểm tra (mặc định: <kế hoạch>.cchc-history.sqlite).")
@click.option("--no-history", is_flag=True, help="Không dùng và không ghi lịch sử kiểm tra.")
@_common
def check(plan: Path, scores: Path | None, as_of: str | None, output: Path | None, fmt: str,
          config_path: Path | None, no_summary: bool, history_path: Path | None,
          no_history: bool, lang: str) -> None:
    """Kiểm tra kế hoạch: thời hạn, cập nhật, tiêu chí yếu; ghi tệp tổng hợp.

    Example: cchc check ke-hoach.xlsx --as-of 2025-06-30
    """
    from cchc_sheets.api import check as run_check
    from cchc_sheets.api import default_history_path, load_settings
    from cchc_sheets.report import result_dict
    from cchc_sheets.terminal import render_text

    day = _as_of(as_of)
    settings = load_settings(plan, config_path)
    history = None if no_history else (history_path or default_history_path(plan))
    result = run_check(plan, as_of=day, scores=scores, config=settings, history=history)
    written = None
    if not no_summary:
        from cchc_sheets.summary import write_summary

        target = output or plan.with_name(f"tong-hop-cchc-{day.isoformat()}.xlsx")
        written = write_summary(result, target, lang=lang)
    if fmt == "json":
        data = json.dumps(result_dict(result, lang), ensure_ascii=False, indent=2)
        sys.stdout.buffer.write(data.encode("utf-8") + b"\n")
        sys.stdout.flush()
    else:
        _write(render_text(result, lang))
        if written is not None:
            _write(("Đã ghi tệp tổng hợp: " if lang == "vi" else "Summary written: ") + str(written))
    sys.exit(1 if result.needs_attention else 0)


@cli.command()
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              default=Path("ke-hoach-cchc-mau.xlsx"), show_default=True,
              help="Tệp mẫu sẽ ghi.")
@_common
def template(output: Path, lang: str) -> None:
    """Ghi tệp kế hoạch mẫu để điền (Hướng dẫn, Tiêu chí, Phân công)."""
    from cchc_sheets.template import write_template

    path = write_template(output, lang=lang)
    _write(("Đã ghi tệp mẫu: " if lang == "vi" else "Template written: ") + str(path))


def main() -> None:
    """Entry point of the ``cchc`` script."""
    cli(prog_name="cchc")
