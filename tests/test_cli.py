"""The command line: JSON on stdout only, exit statuses, messages without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from importlib import resources
from pathlib import Path

import jsonschema
import openpyxl
import pytest
from click.testing import CliRunner
from officer_books import combined_plan, separate_plan, write_rows

from cchc_sheets import check, result_dict
from cchc_sheets.cli import cli

SCHEMA = json.loads(
    resources.files("cchc_sheets").joinpath("schema/cchc-check-1.json").read_text("utf-8")
)


def run(*args: str) -> tuple[int, str, str]:
    runner = CliRunner()
    result = runner.invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def clean_plan(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Phân công"
    write_rows(ws, 1, [
        ["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Trạng thái", "Tài liệu kiểm chứng"],
        [1, "Việc đã xong", "Văn phòng", "30/6/2025", "Hoàn thành", "QĐ 1"],
        [2, "Việc còn xa", "Tư pháp", "Quý IV/2025", "Đang thực hiện", None],
    ])
    wb.save(path)
    return path


@pytest.mark.parametrize("builder", [combined_plan, separate_plan])
def test_json_validates_and_stdout_holds_only_json(tmp_path: Path, builder) -> None:  # type: ignore[no-untyped-def]
    plan = builder(tmp_path / "kế hoạch 2025.xlsx")
    code, out, err = run("check", str(plan), "--as-of", "2025-06-30", "--format", "json",
                         "--no-history", "--no-summary")
    assert code == 1
    data = json.loads(out)  # nothing but JSON on stdout
    jsonschema.validate(data, SCHEMA)
    assert data["as_of"] == "2025-06-30" and data["source"]["plan"] == "kế hoạch 2025.xlsx"
    assert err == ""


def test_json_equals_the_library_result(tmp_path: Path) -> None:
    plan = combined_plan(tmp_path / "p.xlsx")
    code, out, _ = run("check", str(plan), "--as-of", "2025-06-30", "--format", "json",
                       "--no-history", "--no-summary")
    expected = result_dict(check(plan, as_of=date(2025, 6, 30)))
    assert json.loads(out) == json.loads(json.dumps(expected, ensure_ascii=False))


def test_exit_zero_when_nothing_needs_attention(tmp_path: Path) -> None:
    plan = clean_plan(tmp_path / "ok.xlsx")
    code, out, _ = run("check", str(plan), "--as-of", "2025-06-01", "--no-history",
                       "--no-summary")
    assert code == 0, out
    assert "Không có việc cần xử lý." in out
    code, out, _ = run("check", str(plan), "--as-of", "2025-07-01", "--no-history",
                       "--no-summary", "--lang", "en")
    assert code == 0 and "Nothing needs attention." in out
    code, out, _ = run("check", str(plan), "--as-of", "2026-01-05", "--no-history",
                       "--no-summary", "--lang", "en")
    assert code == 1 and "Overdue: 1" in out and "Most overdue:" in out


def test_missing_file_exit_two_without_traceback(tmp_path: Path) -> None:
    code, out, err = run("check", str(tmp_path / "không có.xlsx"), "--no-history")
    assert code == 2 and out == ""
    assert "Không tìm thấy tệp" in err and "không có.xlsx" in err
    assert "Traceback" not in err
    code, _, err = run("check", str(tmp_path / "none.xlsx"), "--lang", "en")
    assert code == 2 and err.startswith("Error: File not found")


def test_bad_as_of_is_exit_two(tmp_path: Path) -> None:
    plan = clean_plan(tmp_path / "ok.xlsx")
    code, _, err = run("check", str(plan), "--as-of", "30/06/2025")
    assert code == 2 and "YYYY-MM-DD" in err


def test_bad_config_names_the_key(tmp_path: Path) -> None:
    plan = clean_plan(tmp_path / "ok.xlsx")
    (tmp_path / "cchc.toml").write_text("\ufeff[thresholds]\nstale_day = 3\n", encoding="utf-8")
    code, _, err = run("check", str(plan), "--no-history", "--no-summary")
    assert code == 2 and "thresholds.stale_day" in err


@pytest.mark.parametrize(("config", "vi", "en"), [
    ("[thresholds]\nlow_ratio = 2\n", "số từ 0 đến 1", "a number from 0 to 1"),
    ("[thresholds]\nstale_days = -1\n", "số nguyên không âm", "a non-negative whole number"),
    (None, "không tìm thấy tệp", "not found"),
])
def test_config_errors_are_in_one_language(tmp_path: Path, config: str | None, vi: str,
                                           en: str) -> None:
    plan = clean_plan(tmp_path / "ok.xlsx")
    path = tmp_path / "khac.toml"
    if config is not None:
        path.write_text(config, encoding="utf-8")
    for lang, said, other in (("vi", vi, en), ("en", en, vi)):
        code, _, err = run("check", str(plan), "--config", str(path), "--no-history",
                           "--no-summary", "--lang", lang)
        assert code == 2 and said in err and other not in err and " / " not in err, err


def test_config_beside_the_plan_with_bom_is_used(tmp_path: Path) -> None:
    plan = clean_plan(tmp_path / "ok.xlsx")
    (tmp_path / "cchc.toml").write_text(
        "\ufeffplan_year = 2025\n[thresholds]\ndue_soon_days = 250\n", encoding="utf-8")
    code, out, _ = run("check", str(plan), "--as-of", "2025-06-01", "--no-history",
                       "--no-summary", "--format", "json")
    data = json.loads(out)
    assert data["totals"]["due_soon"] == 1 and code == 0


def test_text_output_fits_80_columns(tmp_path: Path) -> None:
    plan = combined_plan(tmp_path / "p.xlsx")
    for lang in ("vi", "en"):
        code, out, _ = run("check", str(plan), "--as-of", "2025-06-30", "--no-history",
                           "--no-summary", "--lang", lang)
        assert code == 1
        assert all(len(line) <= 80 for line in out.splitlines()), out
    assert "Quá hạn lâu nhất" in run("check", str(plan), "--as-of", "2025-06-30",
                                      "--no-history", "--no-summary")[1]


def test_text_output_points_to_the_summary_only_when_one_was_written(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Phân công"
    write_rows(wb.active, 1, [["STT", "Nhiệm vụ", "Chủ trì", "Thời hạn", "Trạng thái"]] + [
        [n, f"Việc {n}", "Văn phòng", f"{n}/6/2025", "Đang thực hiện"] for n in range(1, 8)])
    plan = tmp_path / "ke-hoach.xlsx"
    wb.save(plan)
    code, out, _ = run("check", str(plan), "--as-of", "2025-06-30", "--no-history",
                       "--no-summary", "--lang", "en")
    assert code == 1 and "… and 2 more\n" in out and "summary" not in out
    assert "29 days" in out and "1 day " not in out
    code, out, _ = run("check", str(plan), "--as-of", "2025-06-30", "--no-history",
                       "-o", str(tmp_path / "out.xlsx"), "--lang", "en")
    assert "… and 2 more (see the summary workbook)" in out
    code, out, _ = run("check", str(plan), "--as-of", "2025-06-02", "--no-history",
                       "--no-summary", "--lang", "en")
    assert "  Phân công!D2  1 day  " in out  # one day, not "1 days"


def test_python_dash_m_works_like_cchc(tmp_path: Path) -> None:
    plan = clean_plan(tmp_path / "ok.xlsx")
    proc = subprocess.run(
        [sys.executable, "-m", "cchc_sheets", "check", str(plan), "--as-of", "2025-06-01",
         "--no-history", "--no-summary", "--format", "json"],
        capture_output=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.decode("utf-8"))["totals"]["tasks"] == 2


def test_help_does_not_import_pandas_or_openpyxl() -> None:
    code = (
        "import sys; from click.testing import CliRunner; from cchc_sheets.cli import cli;"
        "CliRunner().invoke(cli, ['--help']);"
        "print('pandas' in sys.modules, 'openpyxl' in sys.modules)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.split() == ["False", "False"], proc.stderr



def test_package_names_are_not_shadowed_by_submodules() -> None:
    # importing a submodule sets an attribute of the package: no submodule may be named like a
    # public name, or ``from cchc_sheets import check`` gives a module once that one is loaded
    code = (
        "import importlib, pkgutil, cchc_sheets;"
        "[importlib.import_module('cchc_sheets.' + m.name)"
        " for m in pkgutil.iter_modules(cchc_sheets.__path__) if m.name != '__main__'];"
        "import types;"
        "print([n for n in cchc_sheets.__all__"
        " if isinstance(getattr(cchc_sheets, n), types.ModuleType)])"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.split() == ["[]"], proc.stdout + proc.stderr

def test_output_never_replaces_a_file_it_did_not_write(tmp_path: Path) -> None:
    plan = clean_plan(tmp_path / "ok.xlsx")
    other = clean_plan(tmp_path / "bao-cao-khac.xlsx")
    before = other.read_bytes()
    code, _, err = run("check", str(plan), "--as-of", "2025-06-01", "--no-history",
                       "-o", str(other))
    assert code == 2 and "bao-cao-khac.xlsx" in err and other.read_bytes() == before
    # a summary written earlier by the check is replaced as expected
    summary = tmp_path / "tong-hop.xlsx"
    for _ in range(2):
        code, _, _ = run("check", str(plan), "--as-of", "2025-06-01", "--no-history",
                         "-o", str(summary))
        assert code == 0
    code, _, err = run("check", str(plan), "--no-history", "-o", str(tmp_path / "no" / "x.xlsx"))
    assert code == 2 and "không tồn tại" in err


def test_template_refuses_an_existing_file_unless_forced(tmp_path: Path) -> None:
    plan = clean_plan(tmp_path / "ke-hoach.xlsx")
    before = plan.read_bytes()
    code, _, err = run("template", "-o", str(plan))
    assert code == 2 and plan.read_bytes() == before and "ke-hoach.xlsx" in err
    code, out, _ = run("template", "-o", str(plan), "--force")
    assert code == 0 and plan.read_bytes() != before


def test_a_refused_output_is_known_before_the_check_records_anything(tmp_path: Path) -> None:
    plan = clean_plan(tmp_path / "ok.xlsx")
    code, _, err = run("check", str(plan), "--as-of", "2025-06-01", "-o", str(plan))
    assert code == 2 and "ok.xlsx" in err
    assert not list(tmp_path.glob("*.sqlite"))


def test_console_output_survives_a_legacy_code_page(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from cchc_sheets import cli as cli_module

    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp437")
    monkeypatch.setattr(sys, "stdout", stream)
    cli_module._write("Quá hạn: 4 · Văn phòng – Thống kê")
    stream.flush()
    text = raw.getvalue().decode("cp437")
    assert text.startswith("Qua han: 4") and "Van phong" in text and "Thong ke" in text


# --- the help: every word in the catalogue (help:), in the language asked for ---------------


def _help(*args: str, env: dict[str, str] | None = None, spaces: bool = True) -> str:
    """A help page with its lines joined (``spaces=False``: with no white space at all, as
    click may wrap a line after a hyphen)."""
    result = CliRunner().invoke(cli, [*args, "--help"], env=env, catch_exceptions=False)
    assert result.exit_code == 0
    return (" " if spaces else "").join(result.output.split())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_option_of_every_command_has_its_help_in_both_languages(lang: str) -> None:
    import click

    from cchc_sheets.cli import _Command
    from cchc_sheets.cli_text import command_help, option_help

    commands = {c.name: c for c in cli.commands.values() if isinstance(c, _Command)}
    assert set(commands) == {"check", "doc", "send", "history", "tong-hop", "template"}
    for name, command in commands.items():
        page = _help(name, "--lang", lang, spaces=False)
        assert "".join(command_help(name, lang).split()) in page, (name, lang)
        for param in command.params:
            if isinstance(param, click.Option) and param.name:
                text = option_help(name, param.name, lang)
                assert text, (name, param.name)
                assert "".join(text.split()) in page, (name, param.name, lang)
                # click itself holds the Vietnamese (what a plain click tool would show)
                assert param.help == option_help(name, param.name, "vi")


def test_english_help_says_what_each_option_does() -> None:
    """Three English lines that said something else before the catalogue held the help."""
    assert "--open Open the summary after writing it" in _help("check", "--lang", "en")
    assert "(default: cchc.toml beside the summary)" in _help("send", "--lang", "en")
    assert "-o, --output FILE The blank plan to write." in _help("template", "--lang", "en")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_list_of_commands_has_a_whole_line_per_name(lang: str) -> None:
    from cchc_sheets.cli_text import command_line

    listing = _help(env={"CCHC_LANG": lang}, spaces=False)
    for name in ("check", "doc", "history", "send", "template", "tong-hop", "rollup"):
        line = command_line(name, lang)
        assert line and "".join(f"{name} {line}".split()) in listing, name
    assert command_line("tong-hop", lang) != command_line("rollup", lang)
