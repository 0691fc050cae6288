"""``cchc.toml``: optional settings beside the plan or given with ``--config``.

Everything has a default. An unknown key or a wrong type raises :class:`ConfigError` naming it,
when the file is loaded: ``[email]`` too (its keys and checks are
:mod:`cchc_sheets.config_email`, part of the configuration; sending reads :attr:`Config.mail`).
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from cchc_sheets.config_email import EmailSettings, email_settings
from cchc_sheets.deliver.headers import has_line_break
from cchc_sheets.errors import ConfigError, Words
from cchc_sheets.model import Thresholds
from cchc_sheets.read.vocabulary import FIELD_BY_NAME

CONFIG_NAME = "cchc.toml"
HISTORY_SUFFIX = ".cchc-history.sqlite"
#: The most days a threshold may count (ten years).
MAX_DAYS = 3650
#: The largest configuration file read (a real one is a few KB).
MAX_CONFIG_BYTES = 1024 * 1024
_TOP_KEYS = ("plan_year", "commune", "thresholds", "units", "columns", "email")
_THRESHOLD_TYPES: dict[str, tuple[type, ...]] = {
    "due_soon_days": (int,),
    "stale_days": (int,),
    "low_ratio": (int, float),
}
_UNIT_KEYS = ("name", "aliases", "email")


class UnitConfig(NamedTuple):
    name: str
    aliases: tuple[str, ...] = ()
    email: str | None = None


@dataclass
class Config:
    plan_year: int | None = None
    thresholds: Thresholds = field(default_factory=Thresholds)
    units: list[UnitConfig] = field(default_factory=list)
    columns: dict[str, list[str]] = field(default_factory=dict)
    email: dict[str, Any] = field(default_factory=dict)  # [email] as written in the file
    path: Path | None = None
    commune: str = ""  # the commune's name as the province writes it ("Xã Thanh Đa")
    #: ``[email]`` checked (when the config is made or loaded): what sending reads
    mail: EmailSettings = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # a Config made in code is checked as a loaded one is: a bad [email] is known at once
        self.mail = email_settings(self.email, str(self.path) if self.path else None)


NAME_BYTES = 255 - len("-journal")  # a file name's limit, less what SQLite adds beside it


def default_history_path(plan: Path) -> Path:
    """``Kế hoạch 2025.xlsx`` → ``Kế hoạch 2025.cchc-history.sqlite`` in the same folder.

    A plan name too long for that (file names hold 255 bytes, and SQLite adds ``-journal``)
    gives a shortened stem ending in ``~`` and 8 hex digits of the full stem's digest, so two
    long names that begin alike still get two histories.
    """
    plan = Path(plan)
    name = plan.stem + HISTORY_SUFFIX
    if len(name.encode("utf-8", "surrogateescape")) <= NAME_BYTES:
        return plan.with_name(name)
    import hashlib

    tag = "~" + hashlib.sha256(plan.stem.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    room = NAME_BYTES - len((tag + HISTORY_SUFFIX).encode("utf-8"))
    stem = plan.stem.encode("utf-8", "surrogateescape")[:room].decode("utf-8", "ignore")
    return plan.with_name(stem.rstrip(" .") + tag + HISTORY_SUFFIX)


def find_config(plan: Path | None, explicit: Path | None) -> Path | None:
    """The config to use: ``explicit`` if given, else ``cchc.toml`` beside the plan, else None."""
    if explicit is not None:
        return explicit
    if plan is not None:
        candidate = plan.parent / CONFIG_NAME
        try:
            if candidate.is_file():
                return candidate
        except (OSError, ValueError):  # a path too long, a loop: the plan's own check says it
            return None
    return None


def load_config(path: Path | None) -> Config:
    """Read and validate a config file; ``None`` gives the defaults."""
    if path is None:
        return Config()
    where = str(path)
    from cchc_sheets.read.paths import inspect_input

    try:
        size = inspect_input(path, ConfigError).st_size
    except ConfigError as exc:
        if exc.code != "file-missing":
            raise
        raise ConfigError("config-unreadable", where,
                          detail=Words("không tìm thấy tệp", "not found")) from None
    if size > MAX_CONFIG_BYTES:
        raise ConfigError("config-unreadable", where,
                          detail=Words("tệp quá lớn cho một tệp cấu hình",
                                       "too large for a configuration file"))
    try:
        with open(path, "rb") as f:
            raw = f.read(MAX_CONFIG_BYTES + 1)
    except FileNotFoundError as exc:
        raise ConfigError("config-unreadable", where,
                          detail=Words("không tìm thấy tệp", "not found")) from exc
    except OSError as exc:
        raise ConfigError("config-unreadable", where, detail=exc.strerror or exc) from exc
    # imported here: most checks run without a config file (2-3 ms of start-up saved)
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ConfigError("config-unreadable", where, detail=Words("không phải UTF-8", "not UTF-8")) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("config-unreadable", where, detail=str(exc)) from exc
    except RecursionError as exc:  # tables or lists nested thousands deep
        raise ConfigError("config-unreadable", where,
                          detail=Words("các bảng hoặc danh sách lồng nhau quá sâu",
                                       "tables or lists nested too deeply")) from exc
    return parse_config(data, path)


def parse_config(data: dict[str, Any], path: Path | None = None) -> Config:
    """Validate a parsed TOML document into a :class:`Config`."""
    where = str(path) if path else "cchc.toml"
    _known(data, _TOP_KEYS, "", where)
    config = Config(path=path)
    if "plan_year" in data:
        year = data["plan_year"]
        if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
            raise ConfigError("config-bad-type", where, key="plan_year",
                              expected=Words("một năm, ví dụ 2025", "a year such as 2025"))
        config.plan_year = year
    if "commune" in data:
        commune = data["commune"]
        if not isinstance(commune, str) or not commune.strip():
            raise ConfigError("config-bad-type", where, key="commune",
                              expected=Words("tên xã, phường (chuỗi)",
                                             "the commune's name (a string)"))
        config.commune = " ".join(commune.split())
    thresholds = _table(data.get("thresholds", {}), "thresholds", where)
    _known(thresholds, tuple(_THRESHOLD_TYPES), "thresholds.", where)
    values: dict[str, Any] = {}
    for key, value in thresholds.items():
        number_ok = isinstance(value, _THRESHOLD_TYPES[key]) and not isinstance(value, bool)
        # NaN compares false with everything: it would pass "< 0" and "> 1" and clear every flag
        if not number_ok or not math.isfinite(value) or value < 0:
            expected = Words("số từ 0 đến 1", "a number from 0 to 1")
            if key != "low_ratio":
                expected = Words("số nguyên không âm", "a non-negative whole number")
            raise ConfigError("config-bad-type", where, key=f"thresholds.{key}", expected=expected)
        if key != "low_ratio" and value > MAX_DAYS:
            raise ConfigError("config-bad-type", where, key=f"thresholds.{key}",
                              expected=Words(f"số ngày từ 0 đến {MAX_DAYS}",
                                             f"a number of days from 0 to {MAX_DAYS}"))
        values[key] = value
    if "low_ratio" in values and values["low_ratio"] > 1:
        raise ConfigError("config-bad-type", where, key="thresholds.low_ratio",
                          expected=Words("số từ 0 đến 1", "a number from 0 to 1"))
    config.thresholds = Thresholds(**values)
    units = data.get("units", [])
    if not isinstance(units, list):
        raise ConfigError("config-bad-type", where, key="units",
                          expected=Words("danh sách [[units]]", "a list of [[units]] tables"))
    for index, unit in enumerate(units):
        key = f"units[{index}]"
        unit = _table(unit, key, where)
        _known(unit, _UNIT_KEYS, key + ".", where)
        name = unit.get("name")
        if isinstance(name, str) and has_line_break(name):
            raise ConfigError("config-bad-value", where, key=key + ".name", value=name,
                              allowed=Words("tên trên một dòng", "a name on one line"))
        if not isinstance(name, str) or not name.strip():
            raise ConfigError("config-bad-type", where, key=key + ".name",
                              expected=Words("tên đơn vị (chuỗi)", "a unit name (string)"))
        aliases = unit.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise ConfigError("config-bad-type", where, key=key + ".aliases",
                              expected=Words("danh sách chuỗi", "a list of strings"))
        email = unit.get("email")
        if email is not None and not isinstance(email, str):
            raise ConfigError("config-bad-type", where, key=key + ".email",
                              expected=Words("địa chỉ e-mail (chuỗi)", "an e-mail address (string)"))
        if email is not None and email.strip():
            _check_address(email, key + ".email", where)
        config.units.append(UnitConfig(name.strip(), tuple(aliases), email))
    columns = _table(data.get("columns", {}), "columns", where)
    _known(columns, tuple(FIELD_BY_NAME), "columns.", where)
    for key, names in columns.items():
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise ConfigError("config-bad-type", where, key=f"columns.{key}",
                              expected=Words("danh sách tên cột", "a list of header names"))
        config.columns[key] = list(names)
    email = _table(data.get("email", {}), "email", where)
    # checked now, so that a bad [email] is known before anything runs
    config.email, config.mail = email, email_settings(email, where)
    return config


def _check_address(value: str, key: str, where: str) -> None:
    from cchc_sheets.deliver.addresses import parse_address
    from cchc_sheets.errors import MailError

    try:
        if has_line_break(value):
            raise MailError("mail-line-break")
        parse_address(value)
    except MailError:
        raise ConfigError("config-bad-value", where, key=key, value=value,
                          allowed='"vanphong@example.vn"') from None


def _table(value: Any, key: str, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError("config-bad-type", where, key=key, expected=Words("một bảng TOML", "a TOML table"))
    return value


def _known(table: dict[str, Any], allowed: tuple[str, ...], prefix: str, where: str) -> None:
    for key in table:
        if key not in allowed:
            raise ConfigError("config-unknown-key", where, key=prefix + key,
                              allowed=", ".join(prefix + a for a in allowed))
