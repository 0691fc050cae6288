"""E-mail from the command line against a real SMTP server on loopback (aiosmtpd): every
failure names the cchc.toml key to change and the file it looked at; header injection is
refused; refused recipients; per-unit lists; subjects that keep their spaces in the bytes."""

from __future__ import annotations

import email
import email.header
import email.policy
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import copy_example
from test_mail import PASSWORD, Certs, certs, free_port, smtp_server  # noqa: F401

from cchc_sheets.cli import cli
from cchc_sheets.deliver.mail import DEFAULT_TIMEOUT, email_settings

SENDER = "UBND xã Thanh Đa <vanphong@thanhda.example.vn>"


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env)
    return result.exit_code, result.stdout, result.stderr


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "vd")


def configure(plan: Path, server_port: int, **email_keys: Any) -> Path:
    keys: dict[str, Any] = {"host": "127.0.0.1", "port": server_port, "security": "none",
                            "from": SENDER, **email_keys}
    lines = ["", "[email]"] + [f"{k} = {v!r}".replace("'", '"') if isinstance(v, str)
                               else f"{k} = {v}" for k, v in keys.items() if v is not None]
    toml = plan.with_name("cchc.toml")
    base = toml.read_text(encoding="utf-8").split("\n# Gửi thư")[0].split("\n[email]")[0]
    toml.write_text(base + "\n".join(lines) + "\n", encoding="utf-8")
    return toml


def summary_of(plan: Path) -> Path:
    code, _, err = run("check", str(plan), "--as-of", "2025-06-30", "--no-history")
    assert code == 1, err
    return plan.with_name("tong-hop-cchc-2025-06-30.xlsx")


def test_default_timeout_is_ten_seconds() -> None:
    assert DEFAULT_TIMEOUT == 10 and email_settings({}).timeout == 10


def test_server_needs_a_login(plan: Path, smtp_server: Any) -> None:  # noqa: F811
    sink, port = smtp_server(auth_required=True, login=True)
    toml = configure(plan, port)
    code, out, err = run("send", str(summary_of(plan)), "--to", "chutich@thanhda.example.vn")
    assert code == 2
    assert "yêu cầu đăng nhập" in err and "«user»" in err and str(toml) in flat(err)
    assert sink.envelopes == []


def test_server_needs_starttls(plan: Path, smtp_server: Any, certs: Certs) -> None:  # noqa: F811
    sink, port = smtp_server(tls_context=certs.server_context(), require_starttls=True)
    toml = configure(plan, port)
    code, _, err = run("send", str(summary_of(plan)), "--to", "chutich@thanhda.example.vn",
                       "--lang", "en")
    assert code == 2
    assert "requires a secure connection" in err and "'security'" in err
    assert str(toml) in flat(err) and "Thiếu" not in err
    assert sink.envelopes == []


def test_login_over_none_to_a_starttls_server(plan: Path, smtp_server: Any,  # noqa: F811
                                              certs: Certs) -> None:  # noqa: F811
    sink, port = smtp_server(tls_context=certs.server_context(), require_starttls=True,
                             login=True)
    configure(plan, port, user="canbo")
    code, _, err = run("send", str(summary_of(plan)), "--to", "chutich@thanhda.example.vn",
                       env={"CCHC_SMTP_PASSWORD": PASSWORD})
    assert code == 2 and "«security»" in err and "starttls" in err
    assert "mật khẩu" not in err.split("CCHC_SMTP_PASSWORD")[0] or "security" in err
    assert sink.logins == [] and sink.envelopes == []


def test_self_signed_certificate_points_to_cafile(plan: Path, smtp_server: Any,  # noqa: F811
                                                  certs: Certs) -> None:  # noqa: F811
    sink, port = smtp_server(tls_context=certs.server_context(), require_starttls=True)
    toml = configure(plan, port, security="starttls")
    summary = summary_of(plan)
    code, _, err = run("send", str(summary), "--to", "chutich@thanhda.example.vn")
    assert code == 2 and "«cafile»" in err and str(toml) in flat(err)
    assert sink.envelopes == []
    configure(plan, port, security="starttls", cafile=str(certs.ca))
    code, out, err = run("send", str(summary), "--to", "chutich@thanhda.example.vn")
    assert code == 0, err
    assert len(sink.envelopes) == 1


def test_certificate_for_another_name_points_to_host(plan: Path, smtp_server: Any,  # noqa: F811
                                                      certs: Certs) -> None:  # noqa: F811
    sink, port = smtp_server(tls_context=certs.server_context(certs.other_cert))
    configure(plan, port, security="starttls", cafile=str(certs.ca))
    code, _, err = run("send", str(summary_of(plan)), "--to", "chutich@thanhda.example.vn")
    assert code == 2 and "«host»" in err and "chứng chỉ" in err


def test_login_refused(plan: Path, smtp_server: Any, certs: Certs) -> None:  # noqa: F811
    sink, port = smtp_server(tls_context=certs.server_context(), login=False)
    configure(plan, port, security="starttls", cafile=str(certs.ca), user="canbo")
    code, _, err = run("send", str(summary_of(plan)), "--to", "chutich@thanhda.example.vn",
                       env={"CCHC_SMTP_PASSWORD": "sai"})
    assert code == 2 and "«user»" in err and "CCHC_SMTP_PASSWORD" in err
    assert sink.envelopes == []


def test_ssl_against_a_plain_server_says_security_and_port(plan: Path,
                                                           smtp_server: Any) -> None:  # noqa: F811
    sink, port = smtp_server()
    configure(plan, port, security="ssl")
    code, _, err = run("send", str(summary_of(plan)), "--to", "chutich@thanhda.example.vn")
    assert code == 2 and "«security»" in err and "«port»" in err and "465" in err


def test_plain_against_an_implicit_tls_server(plan: Path, smtp_server: Any,  # noqa: F811
                                              certs: Certs) -> None:  # noqa: F811
    sink, port = smtp_server(ssl_context=certs.server_context())
    configure(plan, port, security="none", timeout=2)
    code, _, err = run("send", str(summary_of(plan)), "--to", "chutich@thanhda.example.vn")
    assert code == 2 and "«security»" in err and '"ssl"' in err


def test_unreachable_names_host_port_and_the_file(plan: Path) -> None:
    toml = configure(plan, free_port())
    code, _, err = run("send", str(summary_of(plan)), "--to", "chutich@thanhda.example.vn")
    assert code == 2 and "«host» và «port»" in err and str(toml) in flat(err)


def test_send_without_a_config_says_where_it_looked(plan: Path, tmp_path: Path) -> None:
    summary = summary_of(plan)
    alone = tmp_path / "gui" / summary.name
    alone.parent.mkdir()
    shutil.copy(summary, alone)
    code, _, err = run("send", str(alone), "--to", "chutich@thanhda.example.vn")
    assert code == 2
    assert str(alone.parent / "cchc.toml") in flat(err) and "không có tệp này" in err
    assert "«from»" in err or "«host»" in err


def test_a_bad_email_section_is_reported_when_the_config_is_loaded(plan: Path) -> None:
    configure(plan, 25, port="hai mươi lăm")
    code, _, err = run("check", str(plan), "--as-of", "2025-06-30", "--no-summary",
                       "--no-history")
    assert code == 2 and "email.port" in err


def test_a_refused_recipient_is_exit_two_and_never_listed_as_sent(plan: Path,
                                                                  smtp_server: Any) -> None:  # noqa: F811
    sink, port = smtp_server()
    configure(plan, port)
    code, out, err = run("send", str(summary_of(plan)), "--to", "chutich@thanhda.example.vn",
                         "--to", "sai@refused.example")
    assert code == 2
    text = flat(out + err)
    assert "Đã gửi tới chutich@thanhda.example.vn;" in text
    assert "KHÔNG gửi được tới sai@refused.example" in text
    assert "Đã gửi tới chutich@thanhda.example.vn, sai@refused.example" not in text
    assert "0/1 thư tới đủ mọi người nhận" in text and "chưa tới: sai@refused.example" in text
    assert sink.envelopes[0].rcpt_tos == ["chutich@thanhda.example.vn"]


def test_check_send_failure_is_exit_two(plan: Path) -> None:
    configure(plan, free_port())
    code, out, err = run("check", str(plan), "--as-of", "2025-06-30", "--no-history",
                         "--send", "--to", "chutich@thanhda.example.vn")
    assert code == 2 and "Đã ghi tệp tổng hợp" in out


def test_per_unit_from_send_says_who_got_what(plan: Path, smtp_server: Any) -> None:  # noqa: F811
    sink, port = smtp_server()
    toml = configure(plan, port)
    text = toml.read_text(encoding="utf-8")
    toml.write_text(text.replace('email = "tuphap@thanhda.example.vn"\n', ""), encoding="utf-8")
    summary = summary_of(plan)
    code, out, err = run("send", str(summary), "--per-unit")
    assert code == 0, err
    screen = flat(out)
    assert "Văn phòng - Thống kê → vanphong@thanhda.example.vn:" in screen
    assert "Phụ lục!H60" in screen and "không gửi cho ai" in screen
    sent = {e.rcpt_tos[0] for e in sink.envelopes}
    assert "vanphong@thanhda.example.vn" in sent and "tuphap@thanhda.example.vn" not in sent
    assert "Không gửi (không có nhiệm vụ cần chú ý): Văn hóa - Xã hội, Công an xã" in screen
    lines = [m for m in sink.envelopes if m.rcpt_tos == ["vanphong@thanhda.example.vn"]]
    message = email.message_from_bytes(lines[0].original_content, policy=email.policy.default)
    body = message.get_body(("plain",))
    assert body is not None and "nhiệm vụ cần chú ý" in body.get_content()
    # the unit that has tasks to report and no address is named, with the key to add
    assert "Bộ phận «Tư pháp - Hộ tịch» chưa có địa chỉ thư («email» của bộ phận" in screen
    assert str(toml) in screen


def test_per_unit_subject_keeps_its_spaces_in_the_bytes(plan: Path, smtp_server: Any,  # noqa: F811
                                                        tmp_path: Path) -> None:
    sink, port = smtp_server()
    configure(plan, port)
    code, _, err = run("check", str(plan), "--as-of", "2025-06-30", "--no-history", "--send",
                       "--per-unit")
    assert code == 1, err
    raw = [e.original_content for e in sink.envelopes]
    assert raw
    subjects = []
    for data in raw:
        assert isinstance(data, bytes)
        parsed = email.message_from_bytes(data, policy=email.policy.default)
        subject = str(parsed["Subject"])
        legacy = str(email.header.make_header(email.header.decode_header(
            email.message_from_bytes(data)["Subject"])))
        assert subject == legacy and " nhiệm vụ cần chú ý – tính đến ngày 30/06/2025" in subject
        subjects.append(subject)
    # every Python the project supports reads the same subjects from the same bytes
    sample = tmp_path / "mail.eml"
    sample.write_bytes(raw[0])
    for version in ("3.10", "3.11", "3.12", "3.13"):
        python = next((str(p) for p in Path.home().glob(f".pyenv/versions/{version}*/bin/python3")),
                      None) or shutil.which(f"python{version}")
        if python is None:
            continue
        out = subprocess.run(
            [python, "-c", "import email, email.policy, sys; m = email.message_from_bytes("
             "open(sys.argv[1], 'rb').read(), policy=email.policy.default); "
             "sys.stdout.buffer.write(str(m['Subject']).encode())", str(sample)],
            capture_output=True, check=True).stdout.decode()
        assert out == subjects[0], version


INJECTIONS = [
    ("--to", "=?utf-8?q?chutich=40thanhda.example.vn=0D=0ABcc=3A_x=40evil.example?="),
    ("--to", '"=?utf-8?q?A=0ABcc:_x@evil.example?=" <chutich@thanhda.example.vn>'),
    ("--cc", "=?utf-8?b?" + __import__("base64").b64encode(
        b"a@thanhda.example.vn\r\nBcc: x@evil.example").decode() + "?="),
    ("--subject", "Tuần 26=?utf-8?q?=0D=0ABcc:_x@evil.example?="),
    ("--subject", "Tuần 26\r\nBcc: x@evil.example"),
]


@pytest.mark.parametrize("option,value", INJECTIONS)
def test_header_injection_from_the_command_line(plan: Path, smtp_server: Any,  # noqa: F811
                                                option: str, value: str) -> None:
    sink, port = smtp_server()
    configure(plan, port)
    summary = summary_of(plan)
    args = ["send", str(summary), "--to", "chutich@thanhda.example.vn", option, value]
    if option == "--to":
        args = ["send", str(summary), option, value]
    code, out, err = run(*args)
    assert code == 2 and option in err and "xuống dòng" in err
    assert sink.envelopes == []  # nothing reached the server, least of all a Bcc


CONFIG_INJECTIONS = [
    ("from", 'from = "=?utf-8?q?UBND=0D=0ABcc:_x@evil.example?= <vp@thanhda.example.vn>"'),
    ("units[0].email", None),
    ("units[0].name", None),
]


@pytest.mark.parametrize("key,line", CONFIG_INJECTIONS)
def test_header_injection_from_the_config(plan: Path, smtp_server: Any,  # noqa: F811
                                          key: str, line: str | None) -> None:
    sink, port = smtp_server()
    toml = configure(plan, port)
    text = toml.read_text(encoding="utf-8")
    if key == "from":
        text = text.replace(f'from = "{SENDER}"', line or "")
    elif key == "units[0].email":
        text = text.replace('email = "vanphong@thanhda.example.vn"',
                            'email = "vanphong@thanhda.example.vn\\r\\nBcc: x@evil.example"')
    else:
        text = text.replace('name = "Văn phòng - Thống kê"',
                            'name = "=?utf-8?q?VP=0D=0ABcc:_x@evil.example?="')
    toml.write_text(text, encoding="utf-8")
    code, _, err = run("check", str(plan), "--as-of", "2025-06-30", "--no-history", "--send",
                       "--per-unit")
    assert code == 2 and key in err
    assert sink.envelopes == []


def test_dry_runs_do_not_mix_with_earlier_ones(plan: Path) -> None:
    configure(plan, 1)
    summary = summary_of(plan)
    stranger = plan.with_name("01-thu-rieng.eml")
    stranger.write_bytes(b"Subject: not ours\r\n\r\nhello\r\n")
    run("send", str(summary), "--per-unit", "--dry-run")
    first = sorted(p.name for p in plan.parent.glob("*.eml"))
    assert len(first) > 3
    code, out, _ = run("send", str(summary), "--to", "chutich@thanhda.example.vn", "--dry-run")
    assert code == 0
    now = sorted(p.name for p in plan.parent.glob("*.eml"))
    assert now == sorted(["01-thu-rieng.eml",
                          "tong-hop-cchc-2025-06-30-01-chutich-at-thanhda.example.vn.eml"])
    assert stranger.read_bytes().startswith(b"Subject: not ours")


@pytest.mark.parametrize("value", [
    "a\r\nBcc: x@evil.example", "a\nb", "a\rb", "a\x00b", "a\u2028b", "a\x85b",
    "=?utf-8?q?a=0Ab?=", "=?UTF-8?Q?a=0D?=", "x =?utf-8?B?YQ1CY2M6IHhAZXZpbC5leGFtcGxl?= y",
    "=?iso-8859-1?q?a=0Ab?=", '"=?utf-8?q?Lan=0A?=" <lan@x.vn>', "=?bogus-charset?q?a=0A?=",
])
def test_line_breaks_are_found_also_inside_encoded_words(value: str) -> None:
    from cchc_sheets.deliver.headers import has_line_break

    assert has_line_break(value)


@pytest.mark.parametrize("value", [
    "UBND xã Thanh Đa <vanphong@thanhda.example.vn>", "Tuần 26 – tính đến 30/06/2025",
    "=?utf-8?q?Thanh_=C4=90a?= <a@b.vn>", "a\tb",
])
def test_ordinary_values_pass(value: str) -> None:
    from cchc_sheets.deliver.headers import has_line_break

    assert not has_line_break(value)
