"""The weekly routine from the command line: history across weeks, the trend sheet, e-mail."""

from __future__ import annotations

import email
import email.policy
import json
import warnings
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import copy_example
from test_mail import smtp_server  # noqa: F401  (the aiosmtpd fixture)

from cchc_sheets.cli import cli


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "vd")


def test_weeks_of_history_give_unchanged_and_the_trend(plan: Path) -> None:
    for day in ("2025-06-02", "2025-06-09", "2025-06-16", "2025-06-30"):
        code, _, err = run("check", str(plan), "--as-of", day, "--no-summary")
        assert code == 1 and err == ""
    store = plan.with_name(plan.stem + ".cchc-history.sqlite")
    assert store.exists()
    # the same week again replaces it instead of adding one
    code, out, _ = run("check", str(plan), "--as-of", "2025-06-30", "--format", "json")
    data = json.loads(out)
    unchanged = [t for t in data["tasks"] if "unchanged" in t["flags"]]
    # nothing in the file changed between the weekly checks: every open task is unchanged
    open_tasks = [t for t in data["tasks"] if t["status"] not in ("done", "cancelled")]
    assert unchanged and len(unchanged) == len(open_tasks)
    code, out, _ = run("history", str(plan))
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()[2:]] == [
        "02/06/2025", "09/06/2025", "16/06/2025", "30/06/2025"]
    code, out, _ = run("history", str(plan), "--format", "json", "--lang", "en")
    assert [c["as_of"] for c in json.loads(out)] == [
        "2025-06-02", "2025-06-09", "2025-06-16", "2025-06-30"]
    summary = plan.with_name("tong-hop-cchc-2025-06-30.xlsx")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = openpyxl.load_workbook(summary)
    assert book.sheetnames[-2:] == ["Diễn biến", "Cách đọc tệp"]
    trend = book["Diễn biến"]
    dates = [c.value for c in trend["A"] if c.value is not None and hasattr(c.value, "year")]
    assert len(dates) == 4 and len(trend._charts) == 1


def test_no_history_writes_no_store(plan: Path) -> None:
    run("check", str(plan), "--as-of", "2025-06-30", "--no-summary", "--no-history")
    assert not list(plan.parent.glob("*.sqlite"))


def test_a_damaged_store_is_a_warning_and_the_check_runs(plan: Path) -> None:
    store = plan.with_name(plan.stem + ".cchc-history.sqlite")
    store.write_bytes(b"this is not a database" * 100)
    code, out, _ = run("check", str(plan), "--as-of", "2025-06-30", "--no-summary",
                       "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["totals"]["tasks"] == 45
    assert "history-unavailable" in [p["code"] for p in data["problems"]]
    assert store.read_bytes() == b"this is not a database" * 100


def test_history_of_a_plan_never_checked(plan: Path) -> None:
    code, _, err = run("history", str(plan))
    assert code == 2 and "Traceback" not in err and err


def _config(plan: Path, port: int) -> None:
    text = plan.with_name("cchc.toml").read_text(encoding="utf-8").split("\n# Gửi thư")[0]
    text += f'\n[email]\nhost = "127.0.0.1"\nport = {port}\nsecurity = "none"\n' \
            'from = "UBND xã Thanh Đa <vanphong@thanhda.example.vn>"\n'
    plan.with_name("cchc.toml").write_text(text, encoding="utf-8")


def test_send_the_summary_to_a_real_smtp_server(plan: Path, smtp_server: Any) -> None:  # noqa: F811
    sink, port = smtp_server()
    _config(plan, port)
    code, _, _ = run("check", str(plan), "--as-of", "2025-06-30", "--no-history")
    summary = plan.with_name("tong-hop-cchc-2025-06-30.xlsx")
    code, out, err = run("send", str(summary), "--to", "chutich@thanhda.example.vn",
                         "--cc", "vanphong@thanhda.example.vn")
    assert code == 0, err
    assert "chutich@thanhda.example.vn" in out
    message = sink.parsed(0)
    assert "30/06/2025" in str(message["Subject"])
    assert sorted(sink.envelopes[0].rcpt_tos) == [
        "chutich@thanhda.example.vn", "vanphong@thanhda.example.vn"]
    attachment = next(message.iter_attachments())
    assert attachment.get_content() == summary.read_bytes()
    body = message.get_body(("plain",))
    assert body is not None and "45" in body.get_content()


def test_check_send_per_unit_dry_run_writes_eml(plan: Path) -> None:
    _config(plan, 1)  # nothing listens there: a dry run must not connect
    code, out, err = run("check", str(plan), "--as-of", "2025-06-30", "--no-history", "--send",
                         "--per-unit", "--dry-run", "--to", "chutich@thanhda.example.vn")
    assert code == 1  # the plan needs attention; the mail itself went fine
    emls = sorted(plan.parent.glob("*.eml"))
    assert len(emls) >= 2 and "không gửi" in out
    parsed = [email.message_from_bytes(p.read_bytes(), policy=email.policy.default) for p in emls]
    recipients = {str(m["To"]) for m in parsed}
    assert any("vanphong@thanhda.example.vn" in r for r in recipients)
    assert any("chutich@thanhda.example.vn" in r for r in recipients)


def test_unreachable_server_is_a_clear_message(plan: Path) -> None:
    _config(plan, 1)
    run("check", str(plan), "--as-of", "2025-06-30", "--no-history")
    summary = plan.with_name("tong-hop-cchc-2025-06-30.xlsx")
    code, _, err = run("send", str(summary), "--to", "chutich@thanhda.example.vn")
    assert code == 2 and "127.0.0.1" in err and "Traceback" not in err
