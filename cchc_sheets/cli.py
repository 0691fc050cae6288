"""The ``cchc`` command: a thin click layer over the library.

Exit status: 0 nothing needs attention, 1 something does, 2 the check could not run (or an
e-mail could not be sent). Help is in Vietnamese, in English with ``--lang en`` or
``CCHC_LANG=en``: every word of it is in the one catalogue (``help:``, :mod:`cchc_sheets.cli_text`),
and what the commands print too (``screen:``, :mod:`cchc_sheets.messages`); no command chooses
words by the language itself.
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

from cchc_sheets.cli_text import command_help, command_line, option_help
from cchc_sheets.config import CONFIG_NAME, Config
from cchc_sheets.deliver.atomic import check_output_path, is_cchc_summary
from cchc_sheets.errors import CchcError
from cchc_sheets.model import CheckResult
from cchc_sheets.text import day as day_text
from cchc_sheets.text import strip_marks

F = TypeVar("F", bound=Callable[..., Any])
LANG_ENV = "CCHC_LANG"


def _lang_of(args: Sequence[str]) -> str:
    """The language asked for on the command line (``--lang en``), else by CCHC_LANG."""
    for index, arg in enumerate(args):
        if arg == "--lang" and index + 1 < len(args):
            return "en" if args[index + 1] == "en" else "vi"
        if arg.startswith("--lang="):
            return "en" if arg.endswith("=en") else "vi"
    return "en" if os.environ.get(LANG_ENV, "").strip().lower() == "en" else "vi"


def _help_lang(ctx: click.Context) -> str:
    return str(ctx.meta.get("cchc_lang", _lang_of([])))


class _Command(click.Command):
    """A command whose help page is the catalogue's (``help:``) in the language of --lang /
    CCHC_LANG."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["cchc_lang"] = _lang_of(args)
        return super().parse_args(ctx, args)

    def use_catalogue(self, lang: str) -> None:
        """Give click the texts of ``lang``: the command's and each option's."""
        self.help = command_help(self.name or "", lang)
        for param in self.params:
            if isinstance(param, click.Option) and param.name:
                param.help = option_help(self.name or "", param.name, lang)

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        saved = self.help, [getattr(p, "help", None) for p in self.params]
        try:
            self.use_catalogue(_help_lang(ctx))
            super().format_help(ctx, formatter)
        finally:
            self.help = saved[0]
            for param, text in zip(self.params, saved[1], strict=True):
                if isinstance(param, click.Option):
                    param.help = text


class _Group(click.Group):
    """The ``cchc`` group: its list of commands in the language of --lang / CCHC_LANG, one line
    per name (``tong-hop`` and ``rollup`` each their own)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["cchc_lang"] = _lang_of(args)
        return super().parse_args(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from gettext import gettext

        lang = _help_lang(ctx)
        commands = [(name, command) for name in self.list_commands(ctx)
                    if (command := self.get_command(ctx, name)) is not None
                    and not command.hidden]
        if not commands:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in commands)  # as click's
        rows = [(name, command_line(name, lang) or command.get_short_help_str(limit))
                for name, command in commands]
        with formatter.section(gettext("Commands")):
            formatter.write_dl(rows)


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
                  envvar=LANG_ENV, help=option_help("", "lang", "vi"))
    @click.option("--debug", is_flag=True, help=option_help("", "debug", "vi"))
    @wraps(func)
    def wrapper(*args: Any, lang: str, debug: bool, **kwargs: Any) -> Any:
        try:
            return func(*args, lang=lang, **kwargs)
        except CchcError as exc:
            if debug:
                import traceback

                traceback.print_exc()
            from cchc_sheets.messages import screen

            _write(screen("error", lang, message=exc.message(lang)), err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except KeyboardInterrupt:
            sys.exit(130)
        except MemoryError:
            from cchc_sheets.messages import render, screen

            message = render("out-of-memory", lang, path=_first_path(args, kwargs))
            _write(screen("error", lang, message=message), err=True)
            sys.exit(2)
        except Exception as exc:
            if debug:
                import traceback

                traceback.print_exc()
            from cchc_sheets.messages import screen

            detail = f"{exc.__class__.__name__}: {exc}"
            _write(screen("unexpected", lang, detail=detail), err=True)
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


def _mail_options(func: F) -> F:
    func = click.option("--dry-run", is_flag=True)(func)
    func = click.option("--per-unit", is_flag=True)(func)
    func = click.option("--subject")(func)
    func = click.option("--cc", multiple=True)(func)
    func = click.option("--to", multiple=True)(func)
    return func


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="cchc-sheets")
def cli() -> None:
    """cchc — theo dõi kế hoạch nâng cao Chỉ số CCHC của xã.

    Weekly check of a commune's PAR Index (Chỉ số CCHC) plan workbook
    (help in English: --lang en, or CCHC_LANG=en).
    """


def _usage(lang: str, key: str, **args: Any) -> click.UsageError:
    from cchc_sheets.messages import screen

    return click.UsageError(screen(key, lang, **args))


@cli.command(cls=_Command)
@click.argument("plan", type=_file_path())
@click.option("--scores", type=_file_path())
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD")
@click.option("-o", "--output", type=_file_path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--config", "config_path", type=_file_path())
@click.option("--no-summary", is_flag=True)
@click.option("--history", "history_path", type=_file_path())
@click.option("--no-history", is_flag=True)
@click.option("--send", is_flag=True)
@click.option("--open", "open_after", is_flag=True)
@_mail_options
@_common
def check(plan: Path, scores: Path | None, as_of: str | None, output: Path | None, fmt: str,
          config_path: Path | None, no_summary: bool, history_path: Path | None,
          no_history: bool, send: bool, open_after: bool, to: tuple[str, ...],
          cc: tuple[str, ...], subject: str | None, per_unit: bool, dry_run: bool,
          lang: str) -> None:
    """``cchc check``: read and check the plan, write the summary, record the week, send it
    (help: ``help:check``)."""
    from cchc_sheets.api import (
        AUTO,
        check_with_history,
        default_history_path,
        load_settings,
        record_history,
    )
    from cchc_sheets.messages import screen
    from cchc_sheets.render.report import result_dict

    mail_options = [name for name, given in (("--to", to), ("--cc", cc), ("--subject", subject),
                                              ("--per-unit", per_unit), ("--dry-run", dry_run))
                    if given]
    if mail_options and not send:
        raise _usage(lang, "usage-needs-send", options=", ".join(mail_options))
    if send and no_summary:
        raise _usage(lang, "usage-send-needs-summary")
    if send and not (to or per_unit):
        raise _usage(lang, "usage-send-needs-recipients")
    if open_after and no_summary:
        raise _usage(lang, "usage-open-needs-summary")
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
        _write(screen("reading", lang), err=True)
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
            _write(screen("summary-written", lang, path=str(written)))

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
    day = lambda value: day_text(value, lang)  # noqa: E731
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
@click.option("--scores", type=_file_path())
@click.option("--config", "config_path", type=_file_path())
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@_common
def doc(plan: Path, scores: Path | None, config_path: Path | None, as_of: str | None, fmt: str,
        lang: str) -> None:
    """``cchc doc``: how the plan was read; writes nothing (help: ``help:doc``)."""
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
@click.option("--config", "config_path", type=_file_path())
@_common
def send(summary: Path, to: tuple[str, ...], cc: tuple[str, ...], subject: str | None,
         per_unit: bool, dry_run: bool, config_path: Path | None, lang: str) -> None:
    """``cchc send``: e-mail a summary workbook (help: ``help:send``)."""
    from cchc_sheets.api import load_settings
    from cchc_sheets.errors import WorkbookFileError
    from cchc_sheets.read.paths import inspect_input

    inspect_input(summary, WorkbookFileError)
    if not (to or per_unit):
        raise _usage(lang, "usage-no-recipient")
    settings = load_settings(summary, config_path)
    failed = _send(summary, settings, to, cc, subject, lang, None, per_unit, dry_run,
                   summary.parent / CONFIG_NAME)
    sys.exit(2 if failed else 0)


@cli.command(cls=_Command)
@click.argument("plan", type=_file_path())
@click.option("--history", "history_path", type=_file_path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@_common
def history(plan: Path, history_path: Path | None, fmt: str, lang: str) -> None:
    """``cchc history``: the checks recorded for a plan (help: ``help:history``)."""
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
@click.option("--as-of", "as_of", metavar="YYYY-MM-DD")
@click.option("--scores", type=_file_path())
@click.option("-o", "--output", type=_file_path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--config", "config_path", type=_file_path())
@click.option("--jobs", type=click.IntRange(min=1), default=None)
@_common
def tong_hop(paths: tuple[Path, ...], as_of: str | None, scores: Path | None,
             output: Path | None, fmt: str, config_path: Path | None, jobs: int | None,
             lang: str) -> None:
    """``cchc tong-hop`` (``cchc rollup``): every commune in one workbook (help:
    ``help:tong-hop``)."""
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
        from cchc_sheets.messages import screen

        _write(screen("rollup-written", lang, path=str(written)))
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
        from cchc_sheets.messages import screen

        text = screen("read-progress", self.lang, done=done, total=total, file=file)
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
              default=Path("ke-hoach-cchc-mau.xlsx"), show_default=True)
@click.option("--force", is_flag=True)
@_common
def template(output: Path, force: bool, lang: str) -> None:
    """``cchc template``: the blank plan (help: ``help:template``)."""
    from cchc_sheets.render.template import write_template

    path = write_template(output, lang=lang, replace=force)
    from cchc_sheets.messages import screen

    _write(screen("template-written", lang, path=str(path)))


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


# click is given the Vietnamese texts (the help page shows the language asked for)
for _command in cli.commands.values():
    if isinstance(_command, _Command):
        _command.use_catalogue("vi")


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
