"""``[email]`` is the configuration's: checked when ``cchc.toml`` is loaded (or a
:class:`Config` made), into ``Config.mail``, which sending reads without checking again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cchc_sheets.config import Config, load_config, parse_config
from cchc_sheets.config_email import EmailSettings, email_settings
from cchc_sheets.deliver.delivery import _settings, config_source
from cchc_sheets.errors import ConfigError, Words


def test_loading_the_config_checks_email_into_config_mail(tmp_path: Path) -> None:
    path = tmp_path / "cchc.toml"
    path.write_text('[email]\nhost = " smtp.example.vn "\nport = 465\nsecurity = "SSL"\n'
                    'user = "canbo@example.vn"\n', encoding="utf-8")
    config = load_config(path)
    assert config.mail == EmailSettings("smtp.example.vn", 465, "ssl", "canbo@example.vn",
                                        source=str(path))
    assert config.email["host"] == " smtp.example.vn "  # the section as written stays readable


def test_no_email_section_gives_the_defaults() -> None:
    assert Config().mail == EmailSettings() == parse_config({}).mail


@pytest.mark.parametrize(
    ("email", "key"),
    [({"port": "hai mươi lăm"}, "email.port"), ({"hots": "x"}, "email.hots"),
     ({"password": "x"}, "email.password"), ({"from": "không phải địa chỉ"}, "email.from")],
)
def test_a_bad_email_section_is_an_error_of_loading(email: dict[str, Any], key: str) -> None:
    with pytest.raises(ConfigError) as loaded:
        parse_config({"email": email}, Path("cchc.toml"))
    with pytest.raises(ConfigError) as made:
        Config(email=email)
    with pytest.raises(ConfigError) as direct:
        email_settings(email, "cchc.toml")
    assert loaded.value.code == made.value.code == direct.value.code
    assert loaded.value.message("en") == direct.value.message("en")
    assert key in loaded.value.message("vi") and key in made.value.message("en")


def test_sending_reads_the_checked_settings_naming_where_it_looked(tmp_path: Path) -> None:
    config = parse_config({"email": {"host": "smtp.example.vn", "user": "canbo"}},
                          tmp_path / "cchc.toml")
    settings = _settings(config, config_source(config, None))
    assert settings == config.mail and settings.source == str(tmp_path / "cchc.toml")
    absent = Config()
    source = config_source(absent, tmp_path / "cchc.toml")
    assert isinstance(source, Words)
    assert _settings(absent, source).source is source


def test_the_old_path_is_the_config_module() -> None:
    import cchc_sheets.config_email
    import cchc_sheets.deliver.mail as mail
    import cchc_sheets.deliver.settings as old

    assert old is cchc_sheets.config_email
    assert mail.email_settings is email_settings and mail.EmailSettings is EmailSettings
