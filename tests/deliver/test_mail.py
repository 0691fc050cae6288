"""E-mail: settings, building, sending to a real SMTP server (aiosmtpd on 127.0.0.1), dry runs."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import ipaddress
import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
import xlsxwriter
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_sheets.deliver.mail import (
    PASSWORD_ENV,
    EmailSettings,
    MailError,
    SummaryFigures,
    attach_file,
    build_message,
    default_subject,
    email_settings,
    parse_address,
    parse_addresses,
    read_summary_figures,
    send_messages,
    unit_messages,
    write_eml,
)
from cchc_sheets.errors import ConfigError, OutputError
from cchc_sheets.messages import MESSAGES, render
from cchc_sheets.model import CheckResult, Deadline, Plan, Task, Thresholds, Totals

AS_OF = date(2025, 6, 30)
SUMMARY_NAME = "Tổng hợp CCHC tính đến 30-06-2025.xlsx"
PASSWORD = "Mk-bí-mật-9271"
SENDER = "UBND xã Thanh Đa <vanphong@thanhda.example.vn>"
WHEN = dt.datetime(2025, 6, 30, 16, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))


# --- fixtures: a summary workbook, certificates, an SMTP server ------------------------------


def make_summary(path: Path, **overrides: Any) -> Path:
    props: dict[str, Any] = {
        "cchc_as_of": "2025-06-30", "cchc_plan_year": 2025, "cchc_tasks": 42, "cchc_done": 15,
        "cchc_overdue": 6, "cchc_due_soon": 5, "cchc_missing_update": 9,
        "cchc_weak_criteria": 12, "cchc_source": "phu-luc-2025.xlsx", "cchc_lang": "vi",
    }
    props.update(overrides)
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Tổng quan")
    sheet.write(0, 0, "TỔNG HỢP TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NÂNG CAO CHỈ SỐ CCHC NĂM 2025")
    book.set_properties({"created": dt.datetime(2025, 6, 30, tzinfo=dt.timezone.utc)})
    for name, value in props.items():
        if value is not None:
            book.set_custom_property(name, value)
    book.close()
    return path


@pytest.fixture
def summary(tmp_path: Path) -> Path:
    return make_summary(tmp_path / SUMMARY_NAME)


@dataclass
class Certs:
    ca: Path
    cert: Path
    key: Path
    other_cert: Path  # signed by the same CA, but for another host name

    def server_context(self, cert: Path | None = None) -> ssl.SSLContext:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert or self.cert, self.key)
        return context

    def client_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=str(self.ca))


@pytest.fixture(scope="session")
def certs(tmp_path_factory: pytest.TempPathFactory) -> Certs:
    """A private CA, and server certificates signed by it: one for 127.0.0.1 / localhost, one
    for mail.other.example."""
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    folder = tmp_path_factory.mktemp("certs")
    now = dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "cchc test CA")])
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                     content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())

    def issue(names: list[Any]) -> bytes:
        cert = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "cchc test")]))
            .issuer_name(ca_name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName(names), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]),
                           critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                critical=False)
            .sign(ca_key, hashes.SHA256())
        )
        return bytes(cert.public_bytes(serialization.Encoding.PEM))

    paths = Certs(folder / "ca.pem", folder / "server.pem", folder / "server.key",
                  folder / "other.pem")
    paths.ca.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths.cert.write_bytes(issue([x509.DNSName("localhost"),
                                  x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]))
    paths.other_cert.write_bytes(issue([x509.DNSName("mail.other.example")]))
    paths.key.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                            serialization.PrivateFormat.PKCS8,
                                            serialization.NoEncryption()))
    return paths


def free_port() -> int:
    """A port nothing listens on (aiosmtpd cannot take port 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Sink:
    """Keeps every envelope; refuses recipients at ``refused.example``; counts sessions."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []
        self.logins: list[tuple[bytes, bytes]] = []

    async def handle_RCPT(self, server: Any, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        if address.endswith("@refused.example"):
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted"

    def parsed(self, index: int = 0) -> EmailMessage:
        content = self.envelopes[index].original_content or self.envelopes[index].content
        assert isinstance(content, bytes)
        message = email.message_from_bytes(content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        return message


def authenticator(accept: bool, sink: Sink) -> Callable[..., AuthResult]:
    def check(server: Any, session: Session, envelope: Envelope, mechanism: str,
              auth_data: Any) -> AuthResult:
        assert isinstance(auth_data, LoginPassword)
        sink.logins.append((auth_data.login, auth_data.password))
        ok = accept and auth_data.login == b"canbo" and auth_data.password == PASSWORD.encode()
        return AuthResult(success=ok, handled=False)
    return check


@pytest.fixture
def smtp_server() -> Iterator[Callable[..., tuple[Sink, int]]]:
    """Start aiosmtpd on 127.0.0.1 at an explicit free port; every server is stopped after."""
    started: list[Controller] = []

    def start(**options: Any) -> tuple[Sink, int]:
        sink = Sink()
        port = free_port()
        login = options.pop("login", None)
        if login is not None:
            options["authenticator"] = authenticator(login, sink)
        controller = Controller(sink, hostname="127.0.0.1", port=port, **options)
        started.append(controller)
        controller.start()
        return sink, port

    yield start
    for controller in started:
        try:
            controller.stop()
        except AssertionError:
            pass  # never started


def plain(port: int, **changes: Any) -> EmailSettings:
    return EmailSettings(host="127.0.0.1", port=port, security="none", timeout=10, **changes)


def figures() -> SummaryFigures:
    return SummaryFigures(as_of=AS_OF, tasks=42, done=15, overdue=6, due_soon=5,
                          missing_update=9, weak_criteria=12, plan_year=2025,
                          source="phu-luc-2025.xlsx")


# --- reading the summary's figures -----------------------------------------------------------


def test_read_summary_figures(summary: Path) -> None:
    assert read_summary_figures(summary) == figures()


def test_figures_without_plan_year_and_in_english(tmp_path: Path) -> None:
    path = make_summary(tmp_path / "s.xlsx", cchc_plan_year=None, cchc_lang="en",
                        cchc_tasks=3.0, cchc_weak_criteria="1.2, 2.3")
    got = read_summary_figures(path)
    assert (got.plan_year, got.lang, got.tasks, got.weak_criteria) == (None, "en", 3, 2)


def test_other_workbooks_are_not_summaries(tmp_path: Path) -> None:
    plain_book = xlsxwriter.Workbook(str(tmp_path / "plan.xlsx"))
    plain_book.add_worksheet()
    plain_book.close()
    with pytest.raises(MailError) as caught:
        read_summary_figures(tmp_path / "plan.xlsx")
    assert caught.value.code == "mail-not-a-summary"
    # the officer reads what is missing in words, never the properties' internal names
    assert "cchc_" not in caught.value.message("vi") + caught.value.message("en")
    assert "số liệu của lần kiểm tra" in caught.value.message("vi")
    partial = make_summary(tmp_path / "partial.xlsx", cchc_done=None)
    with pytest.raises(MailError, match="the number done") as caught:
        read_summary_figures(partial)
    assert "số nhiệm vụ hoàn thành" in caught.value.message("vi")
    (tmp_path / "notes.xlsx").write_text("không phải zip", encoding="utf-8")
    with pytest.raises(MailError) as caught:
        read_summary_figures(tmp_path / "notes.xlsx")
    assert caught.value.code == "mail-not-a-summary"
    with pytest.raises(MailError) as caught:
        read_summary_figures(tmp_path / "missing.xlsx")
    assert caught.value.code == "file-missing"


# --- settings --------------------------------------------------------------------------------


def test_email_settings_defaults_and_values() -> None:
    assert email_settings({}) == EmailSettings()
    assert EmailSettings(security="ssl").smtp_port == 465
    assert EmailSettings().smtp_port == 587
    settings = email_settings({"host": "smtp.example.vn", "port": 465, "security": "SSL",
                               "user": "canbo@example.vn", "timeout": 12})
    assert settings == EmailSettings("smtp.example.vn", 465, "ssl", "canbo@example.vn", "", 12.0)
    assert settings.from_address == "canbo@example.vn"
    assert email_settings({"from": SENDER, "user": "canbo"}).from_address == SENDER
    with pytest.raises(MailError) as caught:
        _ = email_settings({"user": "canbo"}).from_address
    assert caught.value.code == "mail-not-configured"


@pytest.mark.parametrize("key", ["password", "smtp_password", "Pass", "mat_khau"])
def test_password_in_config_is_refused(key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        email_settings({"host": "smtp.example.vn", key: "x"}, path="cchc.toml")
    assert caught.value.code == "config-password-in-file"
    assert "CCHC_SMTP_PASSWORD" in caught.value.message("vi")
    assert "CCHC_SMTP_PASSWORD" in caught.value.message("en")
    assert "cchc.toml" in caught.value.message("en")


@pytest.mark.parametrize(
    ("config", "code", "key"),
    [
        ({"hots": "smtp.example.vn"}, "config-unknown-key", "email.hots"),
        ({"port": "587"}, "config-bad-value", "email.port"),
        ({"port": True}, "config-bad-value", "email.port"),
        ({"port": 70000}, "config-bad-value", "email.port"),
        ({"security": "tls"}, "config-bad-value", "email.security"),
        ({"host": 5}, "config-bad-value", "email.host"),
        ({"timeout": 0}, "config-bad-value", "email.timeout"),
        ({"from": "không phải địa chỉ"}, "config-bad-value", "email.from"),
    ],
)
def test_bad_email_settings(config: dict[str, Any], code: str, key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        email_settings(config, path="cchc.toml")
    assert caught.value.code == code
    assert key in caught.value.message("vi") and key in caught.value.message("en")


# --- addresses -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "spec", "name"),
    [
        ("vanphong@thanhda.gov.vn", "vanphong@thanhda.gov.vn", ""),
        ("  Văn phòng <vp@Example.VN> ", "vp@example.vn", "Văn phòng"),
        ('"Nguyễn Văn A" <a.nguyen+cchc@example.vn>', "a.nguyen+cchc@example.vn", "Nguyễn Văn A"),
        ("canbo@xã-thanh-đa.vn", "canbo@xn--x-thanh-a-l2a72c.vn", ""),
    ],
)
def test_parse_address(text: str, spec: str, name: str) -> None:
    address = parse_address(text)
    assert (address.addr_spec, address.display_name) == (spec, name)


@pytest.mark.parametrize(
    "text",
    ["", "vanphong", "a@b", "a@@b.vn", "a b@c.vn", "a@-b.vn", "a@b..vn", "a.@b.vn",
     "cán.bộ@example.vn", "a@b.123", "a@b.vn>", "<a@b.vn"],
)
def test_bad_addresses(text: str) -> None:
    with pytest.raises(MailError) as caught:
        parse_address(text)
    assert caught.value.code == "mail-bad-address"


def test_parse_addresses_splits_and_dedupes() -> None:
    got = parse_addresses(["a@x.vn, B@x.vn; a@X.vn", '"Lê, B" <c@x.vn>'])
    assert [a.addr_spec for a in got] == ["a@x.vn", "B@x.vn", "c@x.vn"]


# --- building --------------------------------------------------------------------------------


def test_default_subject() -> None:
    assert default_subject(figures()) == (
        "Tổng hợp thực hiện Kế hoạch nâng cao Chỉ số CCHC năm 2025 – tính đến ngày 30/06/2025: "
        "15/42 hoàn thành, 6 quá hạn")
    # English mail writes dates as every other output does (it wrote 2025-06-30 before)
    assert "as of 30/06/2025" in default_subject(figures(), "en")


def test_bad_address_fails_before_any_connection(summary: Path, smtp_server: Any) -> None:
    sink, _port = smtp_server()
    with pytest.raises(MailError) as caught:
        build_message(summary, figures(), SENDER, ["truongphong@example.vn", "sai địa chỉ"])
    assert caught.value.code == "mail-bad-address"
    assert "sai địa chỉ" in caught.value.message("vi")
    with pytest.raises(MailError) as caught:
        build_message(summary, figures(), SENDER, [])
    assert caught.value.code == "mail-no-recipients"
    assert sink.envelopes == []


def test_attachment_names_for_old_and_new_mail_programs(summary: Path) -> None:
    message = build_message(summary, figures(), SENDER, ["a@example.vn"], when=WHEN)
    raw = message.as_bytes()
    assert max(len(line) for line in raw.splitlines() if b"filename" in line) <= 78
    part = next(email.message_from_bytes(raw, policy=email.policy.default).iter_attachments())
    assert part.get_filename() == SUMMARY_NAME  # RFC 2231 aware
    assert part.get_content_type() == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    disposition = str(part.get("Content-Disposition", ""))
    legacy = email.message_from_bytes(raw, policy=email.policy.compat32)
    old_part = list(legacy.walk())[-1]
    assert old_part.get_param("name") == "Tong-hop-CCHC-tinh-den-30-06-2025.xlsx"
    params = old_part.get_params(header="content-disposition")
    assert params is not None
    assert ("filename", "Tong-hop-CCHC-tinh-den-30-06-2025.xlsx") in params
    assert "filename*0*=utf-8''T%E1%BB%95ng" in raw.decode("ascii")
    assert disposition  # parsed without failure
    # an ASCII name is attached as it is, once
    ascii_book = make_summary(summary.with_name("tong-hop-cchc-2025-06-30.xlsx"))
    message = build_message(ascii_book, figures(), SENDER, ["a@example.vn"])
    text = message.as_string()
    assert 'filename="tong-hop-cchc-2025-06-30.xlsx"' in text and "filename*" not in text


# --- sending to a real server ----------------------------------------------------------------


def test_send_summary_round_trip(summary: Path, smtp_server: Any) -> None:
    sink, port = smtp_server()
    message = build_message(summary, figures(), SENDER,
                            ["Chủ tịch UBND <chutich@thanhda.example.vn>"],
                            ["vanphong@thanhda.example.vn", "chutich@thanhda.example.vn"],
                            body_extra="Đề nghị các bộ phận cập nhật trước thứ Sáu.", when=WHEN)
    outcomes = send_messages([message], plain(port))
    assert [(o.sent, o.ok, o.error) for o in outcomes] == [(True, True, None)]
    envelope = sink.envelopes[0]
    assert envelope.mail_from == "vanphong@thanhda.example.vn"
    assert envelope.rcpt_tos == ["chutich@thanhda.example.vn", "vanphong@thanhda.example.vn"]
    got = sink.parsed()
    assert got["Subject"] == (
        "Tổng hợp thực hiện Kế hoạch nâng cao Chỉ số CCHC năm 2025 – tính đến ngày 30/06/2025: "
        "15/42 hoàn thành, 6 quá hạn")
    assert got["From"].addresses[0].display_name == "UBND xã Thanh Đa"
    assert got["To"].addresses[0].display_name == "Chủ tịch UBND"
    assert str(got["Cc"]) == "vanphong@thanhda.example.vn"  # To is not repeated in Cc
    assert got["Date"].datetime == WHEN
    assert got["Message-ID"].endswith("@thanhda.example.vn>")
    body = got.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    for expected in ("tính đến ngày 30/06/2025", "Tổng số nhiệm vụ: 42",
                     "Đã hoàn thành: 15 (36%)", "Quá hạn: 6", "Sắp đến hạn: 5",
                     "Thiếu cập nhật: 9", "Tiêu chí yếu: 12", "phu-luc-2025.xlsx",
                     "Đề nghị các bộ phận cập nhật trước thứ Sáu.", SUMMARY_NAME):
        assert expected in text
    attachment = next(got.iter_attachments())
    assert attachment.get_filename() == SUMMARY_NAME
    assert attachment.get_content() == summary.read_bytes()


def test_english_message(tmp_path: Path, smtp_server: Any) -> None:
    path = make_summary(tmp_path / "summary.xlsx", cchc_lang="en")
    sink, port = smtp_server()
    message = build_message(path, read_summary_figures(path), "cchc@example.vn",
                            ["a@example.vn"], subject="Weekly PAR check")
    send_messages([message], plain(port))
    got = sink.parsed()
    assert got["Subject"] == "Weekly PAR check"
    body = got.get_body(("plain",))
    assert body is not None and "Overdue: 6" in body.get_content()


def test_starttls_with_a_trusted_certificate_and_login(summary: Path, smtp_server: Any,
                                                       certs: Certs) -> None:
    sink, port = smtp_server(tls_context=certs.server_context(), require_starttls=True,
                             login=True)
    settings = EmailSettings("127.0.0.1", port, "starttls", user="canbo", timeout=10)
    message = build_message(summary, figures(), SENDER, ["a@example.vn"])
    outcomes = send_messages([message], settings, PASSWORD, ssl_context=certs.client_context())
    assert outcomes[0].sent
    assert sink.logins == [(b"canbo", PASSWORD.encode())]
    assert next(sink.parsed().iter_attachments()).get_content() == summary.read_bytes()
    assert PASSWORD.encode() not in (sink.envelopes[0].original_content or b"")


def test_starttls_certificate_not_trusted_by_default(summary: Path, smtp_server: Any,
                                                     certs: Certs) -> None:
    sink, port = smtp_server(tls_context=certs.server_context(), require_starttls=True,
                             login=True)
    settings = EmailSettings("127.0.0.1", port, "starttls", user="canbo", timeout=10)
    message = build_message(summary, figures(), SENDER, ["a@example.vn"])
    with pytest.raises(MailError) as caught:
        send_messages([message], settings, PASSWORD)
    # a self-signed (private CA) certificate: the only fix is cafile, and the message says so
    assert caught.value.code == "mail-cert-untrusted"
    assert "certificate" in caught.value.message("en")
    assert "cafile" in caught.value.message("en") and "cafile" in caught.value.message("vi")
    assert sink.envelopes == [] and sink.logins == []
    # ... and with cafile set to that CA, the same server takes the mail
    trusted = EmailSettings("127.0.0.1", port, "starttls", user="canbo", timeout=10,
                            cafile=str(certs.ca))
    assert send_messages([message], trusted, PASSWORD)[0].sent


def test_certificate_for_another_name_is_refused(summary: Path, smtp_server: Any,
                                                 certs: Certs) -> None:
    sink, port = smtp_server(tls_context=certs.server_context(certs.other_cert))
    settings = EmailSettings("127.0.0.1", port, "starttls", timeout=10)
    with pytest.raises(MailError) as caught:
        send_messages([build_message(summary, figures(), SENDER, ["a@example.vn"])], settings,
                      ssl_context=certs.client_context())
    assert caught.value.code == "mail-cert-name"
    assert "127.0.0.1" in caught.value.message("en") and "'host'" in caught.value.message("en")
    assert sink.envelopes == []


def test_implicit_tls(summary: Path, smtp_server: Any, certs: Certs) -> None:
    sink, port = smtp_server(ssl_context=certs.server_context())
    settings = EmailSettings("127.0.0.1", port, "ssl", timeout=10)
    message = build_message(summary, figures(), SENDER, ["a@example.vn"])
    with pytest.raises(MailError) as caught:
        send_messages([message], settings)
    assert caught.value.code == "mail-cert-untrusted"
    outcomes = send_messages([message], settings, ssl_context=certs.client_context())
    assert outcomes[0].sent and len(sink.envelopes) == 1


def test_login_refused_over_starttls(summary: Path, smtp_server: Any, certs: Certs) -> None:
    sink, port = smtp_server(tls_context=certs.server_context(), login=False)
    settings = EmailSettings("127.0.0.1", port, "starttls", user="canbo", timeout=10)
    message = build_message(summary, figures(), SENDER, ["a@example.vn"])
    with pytest.raises(MailError) as caught:
        send_messages([message], settings, "sai-mat-khau", ssl_context=certs.client_context())
    assert caught.value.code == "mail-login-refused"
    assert "CCHC_SMTP_PASSWORD" in caught.value.message("vi")
    assert "535" in caught.value.message("en")
    assert sink.envelopes == []


def test_login_refused_on_a_local_relay(summary: Path, smtp_server: Any) -> None:
    sink, port = smtp_server(auth_require_tls=False, login=True)
    message = build_message(summary, figures(), SENDER, ["a@example.vn"])
    with pytest.raises(MailError) as caught:
        send_messages([message], plain(port, user="canbo"), "sai-mat-khau")
    assert caught.value.code == "mail-login-refused"
    assert set(sink.logins) == {(b"canbo", b"sai-mat-khau")} and sink.envelopes == []
    assert send_messages([message], plain(port, user="canbo"), PASSWORD)[0].sent


def test_login_without_password_or_over_plain_text_is_refused_before_connecting(
        summary: Path) -> None:
    message = build_message(summary, figures(), SENDER, ["a@example.vn"])
    with pytest.raises(MailError) as caught:
        send_messages([message], plain(free_port(), user="canbo"), None)
    assert caught.value.code == "mail-no-password"
    assert "CCHC_SMTP_PASSWORD" in caught.value.message("en")
    remote = EmailSettings("smtp.example.invalid", 25, "none", user="canbo")
    with pytest.raises(MailError) as caught:
        send_messages([message], remote, PASSWORD)
    assert caught.value.code == "mail-insecure-login"
    with pytest.raises(MailError) as caught:
        send_messages([message], EmailSettings(), PASSWORD)
    assert caught.value.code == "mail-not-configured"


def test_unreachable_server(summary: Path) -> None:
    port = free_port()
    message = build_message(summary, figures(), SENDER, ["a@example.vn"])
    with pytest.raises(MailError) as caught:
        send_messages([message], plain(port))
    assert caught.value.code == "mail-unreachable"
    assert f"127.0.0.1:{port}" in caught.value.message("vi")


def test_server_without_starttls(summary: Path, smtp_server: Any) -> None:
    sink, port = smtp_server()
    settings = EmailSettings("127.0.0.1", port, "starttls", timeout=10)
    with pytest.raises(MailError) as caught:
        send_messages([build_message(summary, figures(), SENDER, ["a@example.vn"])], settings)
    assert caught.value.code == "mail-tls-failed"
    assert "STARTTLS" in caught.value.message("en")
    assert sink.envelopes == []


def test_refused_recipients_are_reported_and_only_sent_messages_count(summary: Path,
                                                                      smtp_server: Any) -> None:
    sink, port = smtp_server()
    some = build_message(summary, figures(), SENDER, ["a@example.vn", "x@refused.example"])
    none = build_message(summary, figures(), SENDER, ["y@refused.example"])
    after = build_message(summary, figures(), SENDER, ["b@example.vn"])
    outcomes = send_messages([some, none, after], plain(port))
    assert [(o.sent, o.ok) for o in outcomes] == [(True, False), (False, False), (True, True)]
    assert list(outcomes[0].refused) == ["x@refused.example"]
    first_error, second_error = outcomes[0].error, outcomes[1].error
    assert first_error is not None and first_error.code == "mail-recipients-refused"
    assert second_error is not None and "y@refused.example" in second_error.message("vi")
    assert [e.rcpt_tos for e in sink.envelopes] == [["a@example.vn"], ["b@example.vn"]]


# --- per unit --------------------------------------------------------------------------------


@dataclass
class UnitEntry:
    name: str
    aliases: tuple[str, ...] = ()
    email: str | None = None


def unit_result() -> CheckResult:
    def t(row: int, title: str, unit: str, flags: list[str], **extra: Any) -> Task:
        return Task(sheet="Phân công", row=row, id=str(row), title=title, criteria=["1.2"],
                    lead=unit, unit=unit, flags=flags, cells={"task": f"C{row}"}, **extra)

    tasks = [
        t(12, "Rà soát thủ tục hành chính", "Văn phòng - Thống kê", ["overdue"],
          deadline=Deadline("date", date(2025, 5, 31), "Tháng 5/2025"), days_overdue=30,
          status="in_progress"),
        t(13, "Niêm yết công khai TTHC", "Văn phòng - Thống kê", ["due-soon", "stale"],
          deadline=Deadline("date", date(2025, 7, 10), "10/7/2025"), status="in_progress",
          updated=date(2025, 5, 1)),
        t(14, "Ban hành kế hoạch", "Văn phòng - Thống kê", [], status="done"),
        t(15, "Cập nhật cổng thông tin", "Tư pháp - Hộ tịch", ["unchanged"],
          deadline=Deadline("ongoing", None, "Thường xuyên", 30), status="in_progress"),
        t(16, "Khảo sát sự hài lòng", "Địa chính", ["no-status"], status="unknown"),
        t(17, "Tập huấn", "Công an xã", [], status="done"),
    ]
    plan = Plan(Path("plan.xlsx"), tasks, [], [], plan_year=2025)
    return CheckResult(AS_OF, plan, Thresholds(), Totals(tasks=len(tasks)), [], [])


def test_unit_messages(smtp_server: Any) -> None:
    units = [
        {"name": "Văn phòng – Thống kê", "aliases": ["VP-TK"], "email": "vanphong@example.vn"},
        UnitEntry("Tư pháp - Hộ tịch", ("TP-HT",), "tuphap@example.vn"),
        {"name": "Địa chính"},
        {"name": "Công an xã", "email": "congan@example.vn"},
    ]
    mailing = unit_messages(unit_result(), units, SENDER, when=WHEN)
    assert mailing.units == ["Văn phòng – Thống kê", "Tư pháp - Hộ tịch"]
    assert mailing.without_address == ["Địa chính"]
    assert render("mail-unit-no-address", "vi", unit="Địa chính").startswith("Bộ phận «Địa chính»")
    sink, port = smtp_server()
    outcomes = send_messages(mailing.messages, plain(port))
    assert all(o.ok for o in outcomes)
    assert [e.rcpt_tos for e in sink.envelopes] == [["vanphong@example.vn"],
                                                   ["tuphap@example.vn"]]
    first = sink.parsed(0)
    assert first["Subject"] == ("[CCHC] Văn phòng – Thống kê: 2 nhiệm vụ cần chú ý – "
                                "tính đến ngày 30/06/2025")
    body = first.get_body(("plain",))
    assert body is not None
    text = body.get_content().replace("\r\n", "\n")
    assert "Quá hạn (1):\n1. [Phân công!C12] Rà soát thủ tục hành chính — tiêu chí 1.2; " \
           "hạn 31/05/2025 (Tháng 5/2025); quá hạn 30 ngày" in text
    assert "Sắp đến hạn (1):\n1. [Phân công!C13] Niêm yết công khai TTHC" in text
    assert "lâu chưa cập nhật (lần cuối 01/05/2025)" in text
    assert "Ban hành kế hoạch" not in text
    second = sink.parsed(1).get_body(("plain",))
    assert second is not None
    assert "Thiếu cập nhật (1):" in second.get_content()
    assert "Thường xuyên" in second.get_content()
    assert list(sink.parsed(1).iter_attachments()) == []


def test_unit_messages_in_english_with_the_summary(summary: Path) -> None:
    units = [{"name": "Văn phòng - Thống kê", "email": ["vp1@example.vn", "vp2@example.vn"]}]
    mailing = unit_messages(unit_result(), units, SENDER, lang="en", summary=summary)
    assert len(mailing.messages) == 1
    message = mailing.messages[0]
    assert str(message["To"]) == "vp1@example.vn, vp2@example.vn"
    body = message.get_body(("plain",))
    assert body is not None and "30 days overdue" in body.get_content()
    assert next(message.iter_attachments()).get_content() == summary.read_bytes()
    assert sorted(mailing.without_address) == ["Tư pháp - Hộ tịch", "Địa chính"]


def test_english_unit_subjects_and_bodies_count_in_agreement() -> None:
    units = [{"name": "Văn phòng - Thống kê", "email": "vp@example.vn"},
             {"name": "Tư pháp - Hộ tịch", "email": "tp@example.vn"}]
    mailing = unit_messages(unit_result(), units, SENDER, lang="en", when=WHEN)
    subjects = sorted(str(m["Subject"]) for m in mailing.messages)
    assert subjects == [
        "[CCHC] Tư pháp - Hộ tịch: 1 task needing attention – as of 30/06/2025",
        "[CCHC] Văn phòng - Thống kê: 2 tasks needing attention – as of 30/06/2025",
    ]
    bodies = [m.get_body(("plain",)).get_content() for m in mailing.messages]  # type: ignore[union-attr]
    assert any("your unit has 1 task needing attention." in b for b in bodies)
    assert any("your unit has 2 tasks needing attention." in b for b in bodies)


# --- dry run ---------------------------------------------------------------------------------


def test_dry_run_writes_eml_files_without_the_password(summary: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    outbox = tmp_path / "thư nháp"
    outbox.mkdir()
    settings = email_settings({"host": "smtp.example.vn", "user": "canbo@example.vn"})
    main = build_message(summary, figures(), settings.from_address,
                         ["Chủ tịch <chutich@example.vn>"])
    mailing = unit_messages(unit_result(), [{"name": "Địa chính", "email": "dc@example.vn"}],
                            settings.from_address)
    paths = write_eml([main, *mailing.messages], outbox)
    assert [p.name for p in paths] == ["01-chutich-at-example.vn.eml", "02-dc-at-example.vn.eml"]
    back = email.message_from_bytes(paths[0].read_bytes(), policy=email.policy.default)
    assert back["Subject"] == main["Subject"]
    assert next(back.iter_attachments()).get_content() == summary.read_bytes()
    assert b"\r\n" in paths[0].read_bytes()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert PASSWORD.encode() not in path.read_bytes()
            assert PASSWORD.encode("utf-16-le") not in path.read_bytes()
    assert PASSWORD not in repr(settings)
    assert sorted(p.name for p in outbox.iterdir()) == [p.name for p in paths]  # no temp files


def test_dry_run_into_a_missing_folder(summary: Path, tmp_path: Path) -> None:
    message = build_message(summary, figures(), SENDER, ["a@example.vn"])
    with pytest.raises(OutputError) as caught:
        write_eml([message], tmp_path / "nowhere")
    assert caught.value.code == "output-dir-missing"


# --- messages --------------------------------------------------------------------------------


def test_every_mail_code_has_both_languages() -> None:
    codes = [c for c in MESSAGES if c.startswith("mail-")] + [
        "config-password-in-file", "config-bad-value", "history-missing"]
    assert len(codes) >= 14
    for code in codes:
        vi, en = MESSAGES[code]
        assert vi != en and vi.strip() and en.strip()


@given(st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "Zs", "Pd", "Ps",
                                                                   "Pe", "Po"],
                                      exclude_characters="/\\\"\u2028\u2029"),
               min_size=1, max_size=120).map(lambda s: " ".join(s.split())).filter(bool))
@settings(max_examples=60, deadline=None)
def test_any_attachment_name_round_trips(name: str) -> None:
    message = EmailMessage()
    attach_file(message, b"PK\x03\x04", name + ".xlsx")
    raw = message.as_bytes()
    part = next(email.message_from_bytes(raw, policy=email.policy.default).iter_attachments())
    assert part.get_filename() == name + ".xlsx"
    assert max(len(line) for line in raw.splitlines()) <= 998
    assert raw.isascii()


# --- the code's layout: cchc_sheets.deliver, the old import paths, the words in one place -----


def test_old_import_paths_give_the_deliver_modules_objects() -> None:
    import cchc_sheets.mail as mail
    import cchc_sheets.sending as sending
    from cchc_sheets.deliver import compose, delivery, eml, headers, settings, smtp
    from cchc_sheets.header_text import has_line_break

    assert mail.build_message is compose.build_message
    assert mail.send_messages is smtp.send_messages and mail.write_eml is eml.write_eml
    assert mail.email_settings is settings.email_settings and mail.MailError is MailError
    assert sending.deliver is delivery.deliver and has_line_break is headers.has_line_break
    for module in (mail, sending):
        missing = [name for name in module.__all__ if not hasattr(module, name)]
        assert not missing, (module.__name__, missing)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_email_bodies_come_from_the_wording_module(lang: str, summary: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The body of each e-mail is one template per language in deliver/wording.py: a changed
    template is what arrives, filled from the key figures."""
    from cchc_sheets.deliver import wording

    body = ("{tasks}|{done}|{done_percent}|{overdue}|{due_soon}|{missing_update}|"
            "{weak_criteria}|{day}|{plan}{year}{source}|{attachment}|{note}")
    unit = "{unit}|{count}|{day}|{plan}{year}\n{groups}end"
    monkeypatch.setattr(wording, "SUMMARY_BODY", (body, body))
    monkeypatch.setattr(wording, "UNIT_BODY", (unit, unit))
    message = build_message(summary, figures(), SENDER, ["a@example.vn"], lang=lang, when=WHEN)
    text = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    plan = "Kế hoạch nâng cao Chỉ số CCHC năm 2025" if lang == "vi" else \
        "PAR Index improvement plan 2025"
    source = " (nguồn: phu-luc-2025.xlsx)" if lang == "vi" else " (source: phu-luc-2025.xlsx)"
    assert text == f"42|15|36%|6|5|9|12|30/06/2025|{plan}{source}|{summary.name}|\n"
    mailing = unit_messages(unit_result(), [{"name": "Địa chính", "email": "dc@example.vn"}],
                            SENDER, lang=lang, when=WHEN)
    got = mailing.messages[0].get_body(("plain",)).get_content()  # type: ignore[union-attr]
    heading = "Thiếu cập nhật" if lang == "vi" else "Missing updates"
    assert got.startswith(f"Địa chính|1|30/06/2025|{plan}\n{heading} (1):\n1. [Phân công!C16]")
    assert got.endswith("\n\nend\n")
