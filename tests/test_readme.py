"""Every command example in README.md runs as written (on a copy of the examples, with a
loopback SMTP server for the e-mail ones), and every configuration example is valid."""

from __future__ import annotations

import re
import shlex
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from test_mail import smtp_server  # noqa: F401

from cchc_sheets.cli import cli
from cchc_sheets.config import parse_config
from cchc_sheets.deliver import opener

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)
# set-up commands: they install into the environment or run this very suite, so they are not run
# here; CI (.ci/run) runs their equivalents in a fresh environment
SETUP = {"python -m pip install .", 'python -m pip install -e ".[test]"', "python -m pytest"}


def blocks(kind: str) -> list[str]:
    return [body for lang, body in FENCE.findall(README) if lang == kind]


def commands() -> list[str]:
    out = []
    for body in blocks("console"):
        for line in body.splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                out.extend(part.strip() for part in line.split(" && "))
    return out


def test_the_two_set_up_commands_are_kept_exactly() -> None:
    lines = [line for body in blocks("console") for line in body.splitlines()]
    assert ("python -m pip install . && cchc check "
            "examples/ke-hoach-cchc-xa-thanh-da-2025.xlsx --as-of 2025-06-30") in lines
    assert 'python -m pip install -e ".[test]" && python -m pytest' in lines


def test_the_vietnamese_guide_comes_first() -> None:
    assert README.index("## Hướng dẫn sử dụng") < README.index("## English reference")
    for words in ("Cài đặt trên Windows", ".venv\\Scripts\\activate", "Mỗi lần mở cửa sổ",
                  "unchanged", "Chỉ sửa «Ngày cập nhật» không xóa cờ này", "cafile",
                  'security = "none"', "timeout", "Mã thoát",
                  "ke-hoach-cchc-xa-thanh-da-2025.cchc-history.sqlite",
                  "ghi lại cho mỗi người nhận"):
        assert words in README.split("## English reference")[0], words


def test_every_email_key_is_documented() -> None:
    from cchc_sheets.deliver.mail import _EMAIL_KEYS

    guide = README.split("## English reference")[0]
    for key in _EMAIL_KEYS:
        assert f"| `{key}` |" in guide, key


@pytest.mark.parametrize("body", blocks("toml"))
def test_every_configuration_example_is_valid(body: str) -> None:
    parse_config(tomllib.loads(body))


def test_every_command_example_runs(tmp_path: Path, smtp_server: Any,  # noqa: F811
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    sink, port = smtp_server()
    shutil.copytree(ROOT / "examples", tmp_path / "examples",
                    ignore=shutil.ignore_patterns("*.sqlite*", "tong-hop-*", "*.eml"))
    toml = tmp_path / "examples" / "cchc.toml"
    text = toml.read_text(encoding="utf-8")
    assert 'host = "smtp.thanhda.example.vn"' in text  # the example's own (fake) server ...
    text = text.replace('host = "smtp.thanhda.example.vn"', 'host = "127.0.0.1"')
    text = text.replace("port = 587", f"port = {port}").replace('"starttls"', '"none"')
    toml.write_text(text, encoding="utf-8")  # ... becomes the loopback one
    monkeypatch.chdir(tmp_path)
    opened: list[Any] = []
    monkeypatch.setattr(opener, "open_file", opened.append)
    ran = []
    for command in commands():
        if command in SETUP:
            continue
        words = shlex.split(command)
        if words[:3] == ["python", "-m", "cchc_sheets"]:
            words = ["cchc", *words[3:]]
        assert words[0] == "cchc", f"a README command that no test runs: {command}"
        result = CliRunner().invoke(cli, words[1:], catch_exceptions=False)
        assert result.exit_code in (0, 1), (command, result.stderr)
        assert "Traceback" not in result.stderr and "Lỗi không mong đợi" not in result.stderr
        ran.append(words[1])
    assert {"check", "send", "history", "template"} <= set(ran)
    assert opened and sink.envelopes  # --open asked to open; the e-mail examples sent mail
