"""The officer's week through the command line: the history follows the plan (renamed, moved,
a long name), a back-dated check never rewrites a week, foreign or damaged histories, and the
smaller things the screen says (hints, help, --open, usage errors)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import copy_example

from cchc_sheets.checking.history import plan_fingerprint
from cchc_sheets.cli import cli
from cchc_sheets.deliver import opener

SUFFIX = ".cchc-history.sqlite"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env)
    return result.exit_code, result.stdout, result.stderr


def flat(text: str) -> str:
    """The screen's text with its wrapping undone."""
    return " ".join(text.split())


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "vd")


def missing(plan: Path, day: str, *extra: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = run("check", str(plan), "--as-of", day, "--format", "json", "--no-summary",
                       *extra)
    data = json.loads(out)
    return data["totals"]["missing_update"], data


def edit(plan: Path, cells: dict[str, Any]) -> None:
    book = openpyxl.load_workbook(plan)
    sheet = book["Phụ lục"]
    for ref, value in cells.items():
        sheet[ref] = value
    book.save(plan)


def checks_rows(store: Path) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT * FROM checks ORDER BY as_of").fetchall()
    finally:
        conn.close()


# --- the history follows the plan -------------------------------------------------------------


def test_a_renamed_copy_keeps_its_history_and_says_which_file(plan: Path) -> None:
    for day in ("2025-06-02", "2025-06-09"):
        run("check", str(plan), "--as-of", day, "--no-summary")
    same_plan_kept, _ = missing(plan, "2025-06-30", "--no-history")
    renamed = plan.with_name("Kế hoạch CCHC 2025 (bản sửa).xlsx")
    shutil.copy(plan, renamed)
    code, out, _ = run("check", str(renamed), "--as-of", "2025-06-30", "--no-summary")
    store = plan.with_name(plan.stem + SUFFIX)
    # the screen names the history used and the plan it was recorded for
    assert str(store) in flat(out) and plan.name in flat(out)
    assert not renamed.with_name(renamed.stem + SUFFIX).exists()  # no empty one beside it
    assert [row[0] for row in checks_rows(store)] == ["2025-06-02", "2025-06-09", "2025-06-30"]
    # the `unchanged` flags did not vanish: more missing updates than without any history
    now, data = missing(renamed, "2025-06-30")
    assert now > same_plan_kept
    assert any("unchanged" in t["flags"] for t in data["tasks"])


def test_a_plan_moved_into_a_subfolder_finds_its_history(plan: Path) -> None:
    for day in ("2025-06-02", "2025-06-16"):
        run("check", str(plan), "--as-of", day, "--no-summary")
    moved = plan.parent / "2025" / plan.name
    moved.parent.mkdir()
    shutil.move(plan, moved)
    shutil.copy(plan.with_name("cchc.toml"), moved.with_name("cchc.toml"))
    code, out, _ = run("check", str(moved), "--as-of", "2025-06-30", "--no-summary")
    assert "dùng" in out and str(plan.with_name(plan.stem + SUFFIX)) in flat(out)
    assert len(checks_rows(plan.with_name(plan.stem + SUFFIX))) == 3
    code, out, _ = run("history", str(moved))
    assert code == 0 and "30/06/2025" in out


def test_a_live_plan_in_another_folder_keeps_its_history_to_itself(plan: Path) -> None:
    run("check", str(plan), "--as-of", "2025-06-02", "--no-summary")
    other = copy_example(plan.parent / "xa-khac")  # the same template in a subfolder
    code, out, _ = run("check", str(other), "--as-of", "2025-06-30", "--no-summary")
    assert "bắt đầu tệp mới" in out
    assert other.with_name(other.stem + SUFFIX).exists()


def test_another_plan_in_the_folder_starts_its_own_history(plan: Path, tmp_path: Path) -> None:
    run("check", str(plan), "--as-of", "2025-06-02", "--no-summary")
    other = plan.with_name("khac.xlsx")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Trạng thái"])
    sheet.append([1, "Một việc khác hẳn", "Văn phòng", "30/6/2025", "Đang thực hiện"])
    book.save(other)
    code, out, _ = run("check", str(other), "--as-of", "2025-06-30", "--no-summary")
    assert "bắt đầu tệp mới" in out
    assert other.with_name("khac" + SUFFIX).exists()
    assert len(checks_rows(plan.with_name(plan.stem + SUFFIX))) == 1


def test_the_history_records_the_plan_fingerprint(plan: Path) -> None:
    from cchc_sheets import check

    run("check", str(plan), "--as-of", "2025-06-02", "--no-summary")
    row = checks_rows(plan.with_name(plan.stem + SUFFIX))[0]
    result = check(plan, as_of=__import__("datetime").date(2025, 6, 2))
    assert row[-1] == plan_fingerprint(result) and len(row[-1]) == 16


def test_a_back_dated_check_never_rewrites_a_week(plan: Path) -> None:
    for day in ("2025-06-02", "2025-06-16", "2025-06-30"):
        run("check", str(plan), "--as-of", day, "--no-summary")
    store = plan.with_name(plan.stem + SUFFIX)
    before = checks_rows(store)
    edit(plan, {"L15": "Đã trình dự thảo", "K22": "Hoàn thành"})
    code, out, _ = run("check", str(plan), "--as-of", "2025-06-16", "--no-summary")
    assert "KHÔNG được ghi" in flat(out) and "30/06/2025" in flat(out)
    assert checks_rows(store) == before
    # a later check still compares with what 16/06 really recorded
    code, out, _ = run("check", str(plan), "--as-of", "2025-06-30", "--no-summary",
                       "--format", "json")
    tasks = {t["row"]: t for t in json.loads(out)["tasks"]}
    assert "unchanged" not in tasks[15]["flags"]


def test_a_week_is_recorded_only_once_its_summary_is_written(
        plan: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cchc_sheets.errors import OutputError
    from cchc_sheets.render import summary as summary_module

    def fail(*args: Any, **kwargs: Any) -> Path:
        raise OutputError("output-not-writable", "x.xlsx", detail="disk full")

    monkeypatch.setattr(summary_module, "write_summary", fail)
    code, _, err = run("check", str(plan), "--as-of", "2025-06-02")
    assert code == 2 and "disk full" in err
    assert not plan.with_name(plan.stem + SUFFIX).exists()


def test_a_foreign_sqlite_file_is_only_read(plan: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "contacts.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Lan')")
    conn.commit()
    conn.close()
    data = foreign.read_bytes()
    code, out, _ = run("check", str(plan), "--as-of", "2025-06-30", "--no-summary",
                       "--history", str(foreign), "--format", "json")
    assert code == 1
    assert "history-unavailable" in [p["code"] for p in json.loads(out)["problems"]]
    assert foreign.read_bytes() == data  # not switched to WAL, no table added
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("contacts")) == [
        "contacts.sqlite"]
    wal_db = tmp_path / "wal-notes.sqlite"
    conn = sqlite3.connect(wal_db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.commit()
    conn.close()
    data = wal_db.read_bytes()
    run("check", str(plan), "--as-of", "2025-06-30", "--no-summary", "--history", str(wal_db))
    assert wal_db.read_bytes() == data
    assert not list(tmp_path.glob("wal-notes.sqlite-*"))  # no WAL index nor journal beside it
    empty_db = tmp_path / "empty-with-version.sqlite"
    conn = sqlite3.connect(empty_db)
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    data = empty_db.read_bytes()
    run("check", str(plan), "--as-of", "2025-06-30", "--no-summary", "--history", str(empty_db))
    assert empty_db.read_bytes() == data


def test_unreadable_history_rows_are_skipped_with_a_warning(plan: Path) -> None:
    for day in ("2025-06-02", "2025-06-09", "2025-06-16"):
        run("check", str(plan), "--as-of", day, "--no-summary")
    store = plan.with_name(plan.stem + SUFFIX)
    conn = sqlite3.connect(store)
    conn.execute("UPDATE checks SET as_of = '2025-02-31' WHERE as_of = '2025-06-02'")
    conn.execute("UPDATE checks SET tasks = 'bốn mươi' WHERE as_of = '2025-06-09'")
    conn.execute("UPDATE task_states SET progress = 'nửa chừng' WHERE rowid = 3")
    conn.commit()
    conn.close()
    code, out, err = run("check", str(plan), "--as-of", "2025-06-30", "--format", "json")
    assert code == 1 and "Traceback" not in err
    data = json.loads(out)
    assert "history-rows-skipped" in [p["code"] for p in data["problems"]]
    code, out, err = run("history", str(plan))
    assert code == 0 and "2025-02-31" in err and "16/06/2025" in out


def test_a_long_plan_name_gets_a_shortened_history_name(tmp_path: Path) -> None:
    folder = tmp_path / "vd"
    plan = copy_example(folder)
    long_name = ("Kế hoạch nâng cao chỉ số cải cách hành chính " * 6)[:80].strip() + ".xlsx"
    while len(long_name.encode()) < 243:
        long_name = "x" + long_name
    long_plan = plan.with_name(long_name)
    plan.rename(long_plan)
    assert len(long_plan.name.encode()) == 243
    code, out, err = run("check", str(long_plan), "--as-of", "2025-06-30", "--no-summary")
    assert code == 1, err
    stores = list(folder.glob("*" + SUFFIX))
    assert len(stores) == 1 and len(stores[0].name.encode()) <= 247
    assert stores[0].name in flat(out) and "rút gọn" in out
    code, out, err = run("check", str(long_plan), "--as-of", "2025-07-07", "--no-summary")
    assert "1 lần kiểm tra trước" in flat(out)


# --- what the screen says ------------------------------------------------------------------


def test_unchanged_is_explained_and_the_jump_in_missing_updates_is_said(plan: Path) -> None:
    for day in ("2025-06-02", "2025-06-09"):
        run("check", str(plan), "--as-of", day, "--no-summary")
    code, out, _ = run("check", str(plan), "--as-of", "2025-06-23", "--no-summary")
    text = flat(out)
    assert "«không thay đổi»" in text and "Ngày cập nhật" in text
    assert "Thiếu cập nhật:" in text and "so với lần kiểm tra 09/06/2025" in text


def test_hints_are_never_cut_in_the_terminal(plan: Path) -> None:
    code, out, _ = run("check", str(plan), "--as-of", "2025-06-30", "--no-summary",
                       "--no-history")
    assert "Quý II/2025) hoặc «Thường xuyên»." in flat(out)
    assert all(len(line) <= 80 for line in out.splitlines())


def test_hints_use_the_plan_year(plan: Path) -> None:
    toml = plan.with_name("cchc.toml")
    toml.write_text(toml.read_text(encoding="utf-8").replace("plan_year = 2025",
                                                             "plan_year = 2026"),
                    encoding="utf-8")
    code, out, _ = run("check", str(plan), "--as-of", "2026-06-30", "--no-summary",
                       "--no-history", "--format", "json")
    message = next(p["message"] for p in json.loads(out)["problems"]
                   if p["code"] == "unparsed-deadline")
    assert "30/6/2026" in message and "2025" not in message


def test_history_header_keeps_the_whole_path(plan: Path) -> None:
    run("check", str(plan), "--as-of", "2025-06-30", "--no-summary")
    code, out, _ = run("history", str(plan))
    assert str(plan.with_name(plan.stem + SUFFIX)) in out.splitlines()[0]


@pytest.mark.parametrize("option", [["--to", "a@x.vn"], ["--cc", "a@x.vn"],
                                    ["--per-unit"], ["--subject", "Tuần 26"], ["--dry-run"]])
def test_mail_options_without_send_are_a_usage_error(plan: Path, option: list[str]) -> None:
    code, _, err = run("check", str(plan), "--as-of", "2025-06-30", *option)
    assert code == 2 and "--send" in err and option[0] in err
    assert not list(plan.parent.glob("tong-hop-*"))


@pytest.mark.parametrize("how", ["option", "env"])
def test_help_in_english(how: str) -> None:
    for command in ("check", "send", "history", "template"):
        if how == "option":
            code, out, _ = run(command, "--help", "--lang", "en")
        else:
            code, out, _ = run(command, "--help", env={"CCHC_LANG": "en"})
        assert code == 0
        assert "Ngôn ngữ" not in out and "Language of messages" in out
    code, out, _ = run("history", "--help", "--lang", "en")
    assert "one object per recorded check" in flat(out)
    code, out, _ = run("history", "--help")
    assert "mỗi lần kiểm tra đã ghi một đối tượng" in flat(out)
    code, out, _ = run("check", "--help")
    assert "Gửi tới địa chỉ này" in flat(out) and "ghi lại tùy chọn" in flat(out)


def test_the_list_of_commands_in_english() -> None:
    code, out, _ = run("--help", env={"CCHC_LANG": "en"})
    assert code == 0 and "List the checks recorded" in out and "Liệt kê" not in out
    code, out, _ = run("--help")
    assert "Liệt kê các lần kiểm tra" in out


def test_cchc_lang_sets_the_language_of_the_run(plan: Path) -> None:
    code, out, _ = run("check", str(plan), "--as-of", "2025-06-30", "--no-summary",
                       "--no-history", env={"CCHC_LANG": "en"})
    assert out.startswith("CCHC plan check")


@pytest.mark.parametrize("platform,expected", [("linux", ["xdg-open"]), ("darwin", ["open"]),
                                               ("win32", None)])
def test_open_after_writing(plan: Path, monkeypatch: pytest.MonkeyPatch, platform: str,
                            expected: list[str] | None) -> None:
    calls: list[Any] = []
    monkeypatch.setattr(opener.sys, "platform", platform)
    monkeypatch.setattr(opener.subprocess, "Popen", lambda args, **kw: calls.append(args))
    monkeypatch.setattr(opener.os, "startfile", lambda path: calls.append(path), raising=False)
    code, out, _ = run("check", str(plan), "--as-of", "2025-06-30", "--no-history", "--open")
    summary = plan.with_name("tong-hop-cchc-2025-06-30.xlsx")
    assert summary.is_file()
    if expected is None:
        assert calls == [str(summary)]
    else:
        assert calls == [[*expected, str(summary)]]


def test_open_failing_is_a_message_not_an_error(plan: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def missing_opener(args: Any, **kw: Any) -> None:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(opener.sys, "platform", "linux")
    monkeypatch.setattr(opener.subprocess, "Popen", missing_opener)
    code, _, err = run("check", str(plan), "--as-of", "2025-06-30", "--no-history", "--open")
    assert code == 1 and "hãy mở bằng tay" in err


def test_open_without_a_summary_is_a_usage_error(plan: Path) -> None:
    code, _, err = run("check", str(plan), "--no-summary", "--open")
    assert code == 2 and "--open" in err



def test_back_dated_check_of_a_renamed_plan_never_says_it_records(plan: Path) -> None:
    for day in ("2025-06-02", "2025-06-16"):
        run("check", str(plan), "--as-of", day, "--no-summary")
    renamed = plan.rename(plan.with_name("Kế hoạch CCHC 2025 (bản sửa).xlsx"))
    code, out, _ = run("check", str(renamed), "--as-of", "2025-06-23", "--no-summary")
    assert "ghi tiếp" in flat(out)
    code, out, _ = run("check", str(renamed), "--as-of", "2025-06-30", "--no-summary")
    assert "lịch sử của kế hoạch này dưới tên tệp khác" in flat(out)
    code, out, err = run("check", str(renamed), "--as-of", "2025-06-30", "--no-summary",
                         "--format", "json")
    assert json.loads(out)["as_of"] == "2025-06-30"  # standard output holds only the JSON
    assert plan.stem + SUFFIX in flat(err)  # the history used is said on standard error
    code, out, _ = run("check", str(renamed), "--as-of", "2025-06-09", "--no-summary")
    assert "ghi tiếp" not in flat(out) and "KHÔNG được ghi" in flat(out)


def test_two_long_names_that_begin_alike_get_two_histories(tmp_path: Path) -> None:
    from cchc_sheets.config import default_history_path

    stem = "Kế hoạch " * 30
    first = default_history_path(tmp_path / (stem + "A.xlsx"))
    second = default_history_path(tmp_path / (stem + "B.xlsx"))
    assert first != second and first.name.endswith(SUFFIX)
    assert max(len(first.name.encode()), len(second.name.encode())) <= 247
    short = default_history_path(tmp_path / "ke-hoach.xlsx")
    assert short.name == "ke-hoach" + SUFFIX
