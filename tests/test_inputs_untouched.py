"""Nothing lost: every input file has the same bytes and modification time after every run.

Inputs of each kind (the plan as .xlsx, .xlsm, .ods and .xls, a scores workbook, ``cchc.toml``)
are hashed before and after ``cchc check`` (with the summary and the check history at their
default places beside the plan) and ``cchc template``. An audit hook also watches every
open-for-writing, rename, removal and SQLite connection in the process: none may touch an input.
The program refuses an output that is the plan, and a crash while writing the summary leaves
neither a partial output nor a temporary file.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter.workbook
from click.testing import CliRunner, Result
from officer_books import combined_plan

from cchc_sheets.cli import cli
from cchc_sheets.messages import render

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2025-06-30"
SUMMARY = f"tong-hop-cchc-{AS_OF}.xlsx"
OLD_TIME_NS = 1_704_164_645_123_456_789  # 2 January 2024: any touch would show
CONFIG = """\ufeff# cấu hình thử
plan_year = 2025
[thresholds]
stale_days = 21
[[units]]
name = "Văn phòng - Thống kê"
aliases = ["VP-TK", "Văn phòng"]
"""

# --------------------------------------------------------------------------------------------
# an audit hook that sees every write the process attempts on a watched path

_WATCHED: dict[str, str] = {}
_TOUCHES: list[tuple[str, str]] = []  # (event, path) for writes on watched paths
_READS: set[str] = set()
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_TRUNC


def _real(path: Any) -> str | None:
    if isinstance(path, int) or path is None:
        return None
    try:
        text = os.fsdecode(os.fspath(path))
    except TypeError:
        return None
    return os.path.realpath(text)


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if not _WATCHED:
        return
    if event == "open":
        path, mode, flags = (tuple(args) + (None, None))[:3]
        real = _real(path)
        if real not in _WATCHED:
            return
        writes = (isinstance(mode, str) and any(ch in mode for ch in "wax+")) or (
            isinstance(flags, int) and bool(flags & _WRITE_FLAGS))
        if writes:
            _TOUCHES.append((f"open {mode!r} {flags!r}", real))
        else:
            _READS.add(real)
    elif event in ("os.rename", "os.replace", "shutil.copyfile", "shutil.move"):
        for path in args[:2]:
            if _real(path) in _WATCHED:
                _TOUCHES.append((event, str(_real(path))))
    elif event in ("os.remove", "os.truncate", "os.utime", "os.chmod", "os.chown",
                   "sqlite3.connect", "sqlite3.connect/handle"):
        if args and _real(args[0]) in _WATCHED:
            _TOUCHES.append((event, str(_real(args[0]))))


sys.addaudithook(_audit)


@contextmanager
def watching(paths: list[Path]) -> Iterator[None]:
    _WATCHED.clear()
    _TOUCHES.clear()
    _READS.clear()
    _WATCHED.update({os.path.realpath(p): p.name for p in paths})
    try:
        yield
    finally:
        _WATCHED.clear()


# --------------------------------------------------------------------------------------------
# inputs


def fingerprint(paths: list[Path]) -> dict[str, tuple[str, int, int]]:
    """sha256, size and modification time (ns) of each file."""
    out = {}
    for path in paths:
        stat = path.stat()
        out[path.name] = (hashlib.sha256(path.read_bytes()).hexdigest(), stat.st_size,
                          stat.st_mtime_ns)
    return out


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A commune officer's folder, with accents and spaces in its name, holding one input of
    each kind, all dated 2 January 2024."""
    where = tmp_path / "Kế hoạch CCHC 2025"
    where.mkdir()
    shutil.copy(ROOT / "examples" / "ke-hoach-cchc-xa-thanh-da-2025.xlsx", where / "Kế hoạch 2025.xlsx")
    shutil.copy(ROOT / "examples" / "scores-2024.xlsx", where / "Điểm 2024.xlsx")
    combined_plan(where / "Phụ lục phân công.xlsx")
    for fixture in sorted((ROOT / "tests" / "fixtures").glob("plain.*")):
        shutil.copy(fixture, where / f"plain{fixture.suffix}")
    (where / "cchc.toml").write_text(CONFIG, encoding="utf-8")
    for path in where.iterdir():
        os.utime(path, ns=(OLD_TIME_NS, OLD_TIME_NS))
    return where


def inputs(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir()
                  if p.suffix in (".xlsx", ".xlsm", ".xls", ".ods", ".toml")
                  and not p.name.startswith(("tong-hop-cchc-", ".~cchc-", "ke-hoach-cchc-mau")))


def run(*args: str, lang: str = "vi") -> Result:
    return CliRunner().invoke(cli, [*args, "--lang", lang], catch_exceptions=False)


def leftovers(folder: Path) -> list[str]:
    """Temporary or lock files a run left behind."""
    return sorted(p.name for p in folder.iterdir()
                  if p.name.startswith((".~cchc-", "~$", ".~lock")) or p.suffix == ".tmp")


PLANS = ["Kế hoạch 2025.xlsx", "Phụ lục phân công.xlsx", "plain.xlsx", "plain.xlsm", "plain.ods",
         "plain.xls"]


# --------------------------------------------------------------------------------------------
# check and template


@pytest.mark.parametrize("plan_name", PLANS)
def test_check_leaves_every_input_as_it_was(folder: Path, plan_name: str) -> None:
    plan = folder / plan_name
    if not plan.exists():
        pytest.skip(f"no {plan_name} fixture in tests/fixtures")
    files = inputs(folder)
    assert {p.suffix for p in files} >= {".xlsx", ".toml"}
    before = fingerprint(files)
    scores = ["--scores", str(folder / "Điểm 2024.xlsx")] if plan_name == "Kế hoạch 2025.xlsx" else []
    with watching(files):
        first = run("check", str(plan), "--as-of", AS_OF, *scores)
        second = run("check", str(plan), "--as-of", "2025-07-14", *scores, "--format", "json")
    assert first.exit_code in (0, 1), first.output
    assert second.exit_code in (0, 1), second.output
    assert fingerprint(files) == before
    assert _TOUCHES == []
    assert os.path.realpath(plan) in _READS  # the hook did see the plan being read
    # what the runs wrote, beside the plan: the summaries and the history, nothing else
    assert (folder / SUMMARY).is_file() and (folder / "tong-hop-cchc-2025-07-14.xlsx").is_file()
    assert (folder / f"{plan.stem}.cchc-history.sqlite").is_file()
    assert leftovers(folder) == []


def test_check_through_a_relative_path_and_the_python_module(folder: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The same from inside the folder (``cchc check plan.xlsx``), several times in a row."""
    monkeypatch.chdir(folder)
    files = inputs(folder)
    before = fingerprint(files)
    with watching(files):
        for day in ("2025-06-16", "2025-06-30", "2025-06-30"):
            result = run("check", "Phụ lục phân công.xlsx", "--as-of", day)
            assert result.exit_code in (0, 1), result.output
    assert fingerprint(files) == before and _TOUCHES == []
    assert leftovers(folder) == []


def test_template_leaves_every_input_as_it_was(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    files = inputs(folder)
    before = fingerprint(files)
    with watching(files):
        default = run("template")
        named = run("template", "-o", str(folder / "mẫu kế hoạch.xlsx"), lang="en")
    assert default.exit_code == 0 and named.exit_code == 0, default.output + named.output
    assert (folder / "ke-hoach-cchc-mau.xlsx").is_file() and (folder / "mẫu kế hoạch.xlsx").is_file()
    assert fingerprint(files) == before and _TOUCHES == []
    assert leftovers(folder) == []


# --------------------------------------------------------------------------------------------
# refusing to write over an input


def _refused(result: Result, path: Path, lang: str) -> None:
    assert result.exit_code == 2, result.output
    expected = render("output-is-input", lang, path=str(path))
    assert expected in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_output_equal_to_the_plan_is_refused(folder: Path, lang: str) -> None:
    plan = folder / "Phụ lục phân công.xlsx"
    files = inputs(folder)
    before = fingerprint(files)
    with watching(files):
        result = run("check", str(plan), "--as-of", AS_OF, "-o", str(plan), lang=lang)
    _refused(result, plan, lang)
    assert fingerprint(files) == before and _TOUCHES == []
    assert not (folder / SUMMARY).exists() and leftovers(folder) == []


def test_output_that_is_the_plan_under_another_name_is_refused(folder: Path) -> None:
    plan = folder / "Phụ lục phân công.xlsx"
    scores = folder / "Điểm 2024.xlsx"
    link = folder / "liên kết.xlsx"
    hard = folder / "bản cứng.xlsx"
    link.symlink_to(plan)
    os.link(plan, hard)
    files = inputs(folder)
    before = fingerprint(files)
    cases = [
        (plan, ["-o", str(folder / "x" / ".." / plan.name)], None),  # refused: no folder x
        (plan, ["-o", str(link)], link),
        (plan, ["-o", str(hard)], hard),
        (link, ["-o", str(plan)], plan),
        (plan, ["--scores", str(scores), "-o", str(scores)], scores),
    ]
    with watching(files):
        for source, extra, target in cases:
            result = run("check", str(source), "--as-of", AS_OF, "--no-history", *extra)
            assert result.exit_code == 2, result.output
            if target is not None:
                _refused(result, target, "vi")
    assert fingerprint(files) == before and _TOUCHES == []
    assert not (folder / SUMMARY).exists() and leftovers(folder) == []


def test_output_equal_to_the_config_is_refused(folder: Path) -> None:
    config = folder / "cchc.toml"
    before = config.read_bytes()
    result = run("check", str(folder / "plain.xlsx"), "--as-of", AS_OF, "-o", str(config),
                 "--no-history")
    assert config.read_bytes() == before
    assert result.exit_code == 2


def test_output_equal_to_the_history_is_refused(folder: Path) -> None:
    plan = folder / "plain.xlsx"
    history = folder / "plain.cchc-history.sqlite"
    assert run("check", str(plan), "--as-of", "2025-06-16").exit_code in (0, 1)
    before = history.read_bytes()
    run("check", str(plan), "--as-of", AS_OF, "-o", str(history), "--no-history")
    assert history.read_bytes() == before


def test_template_does_not_replace_an_existing_workbook(folder: Path) -> None:
    plan = folder / "Phụ lục phân công.xlsx"
    before = plan.read_bytes()
    run("template", "-o", str(plan))
    assert plan.read_bytes() == before


# --------------------------------------------------------------------------------------------
# a crash while writing the summary


def _crashing_close(error: BaseException) -> Any:
    def close(self: xlsxwriter.workbook.Workbook) -> None:
        # half a file reaches the disk, then the disk fills up (or anything else goes wrong)
        with open(self.filename, "wb") as handle:
            handle.write(b"PK\x03\x04 half a workbook")
        raise error

    return close


@pytest.mark.parametrize("error", [OSError(errno.ENOSPC, "No space left on device"),
                                   RuntimeError("boom")], ids=["disk-full", "unexpected"])
def test_crash_while_writing_the_summary_leaves_nothing_behind(
        folder: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException) -> None:
    plan = folder / "Phụ lục phân công.xlsx"
    previous = folder / SUMMARY
    # an earlier summary of the same name (the check replaces only its own summaries)
    assert run("check", str(plan), "--as-of", AS_OF, "--no-history").exit_code in (0, 1)
    earlier = previous.read_bytes()
    files = inputs(folder)
    before = fingerprint(files)
    monkeypatch.setattr(xlsxwriter.workbook.Workbook, "close", _crashing_close(error))
    with watching(files):
        result = run("check", str(plan), "--as-of", AS_OF)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    if isinstance(error, OSError):
        assert "ổ đĩa đã đầy" in result.output  # the disk is full: one message of its own
    assert fingerprint(files) == before and _TOUCHES == []
    assert previous.read_bytes() == earlier  # not half replaced
    assert leftovers(folder) == []
    assert sorted(p.name for p in folder.iterdir() if p.suffix == ".xlsx" and
                  p.name.startswith("tong-hop")) == [SUMMARY]


def test_crash_without_an_earlier_summary_leaves_no_output(folder: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    plan = folder / "Kế hoạch 2025.xlsx"
    target = folder / "báo cáo" / "tổng hợp.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(xlsxwriter.workbook.Workbook, "close",
                        _crashing_close(OSError(errno.EIO, "Input/output error")))
    result = run("check", str(plan), "--as-of", AS_OF, "-o", str(target), "--no-history")
    assert result.exit_code == 2
    assert list(target.parent.iterdir()) == []
    assert leftovers(folder) == []


def test_the_watch_sees_writes(tmp_path: Path) -> None:
    """The audit hook is not blind: opening for writing, replacing and connecting are seen."""
    import sqlite3

    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"x")
    other = tmp_path / "other.xlsx"
    other.write_bytes(b"y")
    with watching([target]):
        with open(target, "rb"):
            pass
        with open(target, "ab"):
            pass
        os.close(os.open(target, os.O_RDWR))
        os.replace(other, target)
        sqlite3.connect(target).close()
    assert [event.split(" ")[0] for event, _ in _TOUCHES] == [
        "open", "open", "os.rename", "sqlite3.connect"]  # os.replace audits as os.rename
    assert os.path.realpath(target) in _READS
