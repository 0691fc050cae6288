"""Fuzzing the reader: whatever the workbook holds, only the project's own error comes out.

Two sources of workbooks:

* hypothesis builds them with openpyxl: headers drawn from the real vocabulary and from random
  Vietnamese/ASCII text, several header rows, merges anywhere (overlapping, past the data),
  values of every type (text with NFD and control characters, numbers, booleans, dates, formulas,
  error values, very long strings), hidden rows and sheets, the 1904 date system;
* the bytes of real workbooks (the officer-style builders, ``examples/``, ``tests/fixtures/``,
  ``tests/bad_files/``) truncated, bit-flipped and with bytes inserted, both in the file as a
  whole and inside one XML part of the zip (so that the damage reaches the XML parsers).

Runs are reproducible: with ``CI`` (or ``FUZZ_DERANDOMIZE=1``) set, hypothesis derives the cases
from the test's name (``derandomize``); a failure prints its example and a replay blob.

``read_plan`` must return a Plan or raise :class:`~cchc_sheets.errors.CchcError`; the check, the
JSON and the terminal text must never raise on a Plan it returned. Each test prints how many
cases ran and what came out (``pytest -s tests/read/test_fuzz.py``); ``FUZZ_SCALE=10`` runs ten times
as many.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import unicodedata
import warnings
import zipfile
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st
from officer_books import combined_plan, separate_plan
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import CALENDAR_MAC_1904

from cchc_sheets.checking.rules import check_plan
from cchc_sheets.cli import cli
from cchc_sheets.config import Config
from cchc_sheets.errors import CchcError
from cchc_sheets.model import Plan
from cchc_sheets.read.reader import read_plan
from cchc_sheets.read.vocabulary import FIELDS
from cchc_sheets.render.report import result_dict
from cchc_sheets.render.terminal import render_text

ROOT = Path(__file__).resolve().parents[2]
SCALE = max(1, int(os.environ.get("FUZZ_SCALE", "1")))
AS_OF = date(2025, 6, 30)
# Reproducible: in CI (CI=true) the cases are derived from each test's name, so a failure
# there fails the same way on every run; locally they are random unless FUZZ_DERANDOMIZE=1.
# A failure prints the falsifying example and the blob that replays it (@reproduce_failure).
DERANDOMIZE = bool(os.environ.get("CI") or os.environ.get("FUZZ_DERANDOMIZE"))
_BASE = settings(
    deadline=None,
    database=None,
    derandomize=DERANDOMIZE,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much],
)


def fuzz(examples: int) -> settings:
    """Settings of one fuzz test: ``examples`` cases (times FUZZ_SCALE), no deadline."""
    return settings(_BASE, max_examples=examples * SCALE)

# --------------------------------------------------------------------------------------------
# what must hold for every workbook


def _outcome(path: Path, counts: Counter[str], engine: str = "calamine") -> Plan | None:
    """Read, check and serialise ``path``; anything but CchcError fails the test."""
    try:
        plan = read_plan(path, default_year=2025, engine=engine)
    except CchcError as exc:
        counts[f"error:{exc.code}"] += 1
        event(f"CchcError {exc.code}")
        exc.message("vi")
        exc.message("en")
        return None
    counts["plan"] += 1
    event("read")
    result = check_plan(plan, AS_OF, Config())
    for lang in ("vi", "en"):
        text = json.dumps(result_dict(result, lang), ensure_ascii=False)
        json.loads(text)
        render_text(result, lang)
    counts["problems"] += len(result.problems)
    counts["tasks"] += len(plan.tasks)
    return plan


# --------------------------------------------------------------------------------------------
# hypothesis-built workbooks

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữự"
    "ýỳỷỹỵAĂÂĐÊÔƠƯÁẮẤÉẾÍÓỐỚÚỨÝ"
)
CHARS = st.one_of(
    st.sampled_from(VIETNAMESE + "0123456789 ,.;:-–—/()%#=+@!?'\"\n\r\t\u00a0\u200b\ufeff"),
    st.characters(codec="utf-8", exclude_categories=["Cs"]),
)
VOCABULARY = sorted({h for f in FIELDS for h in f.headers} | {
    "Điểm đạt năm 2024", "Điểm thẩm định 2024", "Điểm tự chấm 2024", "Năm 2023", "Năm 2024",
    "Điểm", "Tối đa", "Tiến độ (%)", "(1)", "(2)", "STT", "I", "II", "1.2", "a)",
    "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "PHỤ LỤC", "Kế hoạch năm 2025",
})
STATUS_WORDS = ["Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Hủy", "HT", "Xong", "???",
                "Không áp dụng", "KAD", "N/A", "-"]
DEADLINE_WORDS = ["Quý II/2025", "30/6/2025", "31/2/2025", "Tháng 13/2025", "Thường xuyên",
                  "Hằng quý", "Trước ngày 15/3", "Từ tháng 3 đến tháng 6/2025", "6 tháng đầu năm",
                  "Năm 2025", "2025-06-30", "30.6.2025", "Theo quy định"]
ERRORS = ["#REF!", "#VALUE!", "#N/A", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"]


def _text(min_size: int = 0, max_size: int = 30) -> st.SearchStrategy[str]:
    plain = st.text(CHARS, min_size=min_size, max_size=max_size)
    decomposed = plain.map(lambda s: unicodedata.normalize("NFD", s))
    return st.one_of(plain, decomposed)


def _legal(text: str) -> str:
    """What openpyxl can store (it refuses XML-illegal control characters)."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


HEADER = st.one_of(
    st.sampled_from(VOCABULARY),
    st.sampled_from(VOCABULARY).map(lambda s: unicodedata.normalize("NFD", s.upper())),
    st.tuples(st.sampled_from(VOCABULARY), st.sampled_from(VOCABULARY)).map(
        lambda p: f"{p[0]}\n{p[1]}"),
    _text(0, 20),
    st.none(),
)

VALUE: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    _text(0, 40),
    st.sampled_from(STATUS_WORDS + DEADLINE_WORDS + VOCABULARY),
    st.integers(min_value=-(2**40), max_value=2**40),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.floats(min_value=0, max_value=1),
    st.floats(min_value=40000, max_value=50000),  # plausible date serials
    st.booleans(),
    st.dates(min_value=date(1904, 1, 2), max_value=date(9999, 12, 31)),
    st.datetimes(min_value=datetime(1904, 1, 2), max_value=datetime(9999, 12, 31)),
    st.times(),
    st.sampled_from(["=1+1", "=SUM(A1:A3)", "=TODAY()", '=IF(A1="","",1)', "=#REF!+1",
                     "=DATE(2025,6,30)", "=Sheet9!Z99", "=1/0"]),
    st.sampled_from(ERRORS).map(lambda e: ("error", e)),
    st.integers(min_value=1000, max_value=40000).map(lambda n: "Rà soát thủ tục " * (n // 16)),
)


FIELD_HEADERS = [list(f.headers) for f in FIELDS]


@st.composite
def header_rows(draw: st.DrawFn, ncols: int) -> list[list[Any]]:
    """One or two header rows: random cells, or one usual name per field in random order
    (so that many cases reach the table reader), with random cells mixed in."""
    rows = draw(st.integers(1, 2))
    if draw(st.booleans()):
        return [[draw(HEADER) for _ in range(ncols)] for _ in range(rows)]
    names = [draw(st.sampled_from(options)) for options in FIELD_HEADERS]
    names += ["Điểm đạt năm 2024", "Năm 2023", "Điểm tự chấm 2024"]
    picked = draw(st.permutations(names))[:ncols]
    top = [draw(st.one_of(st.just(n), HEADER)) if draw(st.integers(0, 4)) == 0 else n
           for n in picked]
    return [top] + [[draw(HEADER) for _ in range(ncols)] for _ in range(rows - 1)]


@st.composite
def sheet_specs(draw: st.DrawFn) -> dict[str, Any]:
    ncols = draw(st.integers(1, 12))
    title_rows = draw(st.integers(0, 3))
    nrows = draw(st.integers(0, 10))
    headers = draw(header_rows(ncols))
    titles = [draw(st.one_of(_text(0, 30), st.sampled_from(VOCABULARY))) for _ in range(title_rows)]
    data = [[draw(VALUE) for _ in range(ncols)] for _ in range(nrows)]
    last_row = title_rows + len(headers) + nrows + 3
    merges = draw(st.lists(
        st.tuples(st.integers(1, last_row + 3), st.integers(1, ncols + 2),
                  st.integers(0, 4), st.integers(0, 3)),
        max_size=5,
    ))
    hidden_rows = draw(st.lists(st.integers(1, last_row + 5), max_size=3))
    return {
        "name": draw(st.one_of(st.sampled_from(["Phân công", "Tiêu chí", "Sheet1", "PL 2025"]),
                               _text(1, 31))),
        "titles": titles, "headers": headers, "data": data, "merges": merges,
        "hidden_rows": hidden_rows, "hidden": draw(st.sampled_from(["visible", "visible", "hidden",
                                                                    "veryHidden"])),
        "column_numbers": draw(st.booleans()),
    }


@st.composite
def workbook_specs(draw: st.DrawFn) -> dict[str, Any]:
    return {"sheets": draw(st.lists(sheet_specs(), min_size=1, max_size=3)),
            "date1904": draw(st.booleans())}


def _sheet_title(name: str, taken: set[str]) -> str:
    title = "".join(ch for ch in _legal(name) if ch not in "[]:*?/\\'").strip()[:31] or "Sheet"
    base, n = title, 1
    while title.casefold() in taken:
        n += 1
        title = f"{base[:28]}~{n}"
    taken.add(title.casefold())
    return title


def _put(ws: Any, row: int, col: int, value: Any) -> None:
    cell = ws.cell(row=row, column=col)
    if isinstance(value, tuple) and value and value[0] == "error":
        cell.value = value[1]
        cell.data_type = "e"
    elif isinstance(value, str):
        cell.value = _legal(value)[:32767]
    else:
        cell.value = value


def build(spec: dict[str, Any], path: Path) -> Path:
    wb = openpyxl.Workbook()
    if spec["date1904"]:
        wb.epoch = CALENDAR_MAC_1904
    taken: set[str] = set()
    wb.remove(wb.active)
    for sheet in spec["sheets"]:
        ws = wb.create_sheet(_sheet_title(sheet["name"], taken))
        rows: list[list[Any]] = [[t] for t in sheet["titles"]] + sheet["headers"]
        if sheet["column_numbers"]:
            rows.append([f"({c + 1})" for c in range(len(sheet["headers"][0]))])
        rows += sheet["data"]
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values, start=1):
                if value is not None:
                    _put(ws, r, c, value)
        for row, col, height, width in sheet["merges"]:
            if height or width:
                ref = f"{get_column_letter(col)}{row}:{get_column_letter(col + width)}{row + height}"
                try:
                    ws.merge_cells(ref)
                except (ValueError, KeyError):
                    pass
        for row in sheet["hidden_rows"]:
            ws.row_dimensions[row].hidden = True
    states = [s["hidden"] for s in spec["sheets"]]
    if all(state != "visible" for state in states):
        states[0] = "visible"  # a workbook needs one visible sheet
    for ws, state in zip(wb.worksheets, states, strict=True):
        ws.sheet_state = state
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb.save(path)
    return path


def test_generated_workbooks_read_or_raise_our_error(tmp_path_factory: pytest.TempPathFactory) -> None:
    counts: Counter[str] = Counter()
    folder = tmp_path_factory.mktemp("generated")

    @fuzz(200)
    @given(spec=workbook_specs(), engine=st.sampled_from(["calamine", "calamine", "openpyxl"]))
    def run(spec: dict[str, Any], engine: str) -> None:
        counts["cases"] += 1
        counts[f"engine:{engine}"] += 1
        path = build(spec, folder / "book.xlsx")
        note(f"sheets: {[s['name'] for s in spec['sheets']]}")
        _outcome(path, counts, engine)

    run()
    print(f"\n[fuzz] generated workbooks: {dict(sorted(counts.items()))}")
    assert counts["cases"] >= 200 * SCALE * 0.9
    assert counts["plan"] > 0  # the strategy does reach the reader's tables


# --------------------------------------------------------------------------------------------
# mutated bytes of real workbooks


def _seeds() -> list[tuple[str, bytes]]:
    import tempfile

    found: list[tuple[str, bytes]] = []
    with tempfile.TemporaryDirectory() as folder:
        for builder in (combined_plan, separate_plan):
            path = builder(Path(folder) / f"{builder.__name__}.xlsx")
            found.append((path.name, path.read_bytes()))
    for pattern in ("examples/*.xls*", "tests/fixtures/*.xls*", "tests/fixtures/*.ods",
                    "tests/bad_files/*.xls*", "tests/bad_files/*.ods"):
        for path in sorted(ROOT.glob(pattern)):
            if path.stat().st_size <= 2_000_000:
                found.append((path.relative_to(ROOT).as_posix(), path.read_bytes()))
    return found


SEEDS = _seeds()
ZIP_SEEDS = [(name, data) for name, data in SEEDS if data[:4] == b"PK\x03\x04"
             and not name.startswith("tests/bad_files/")]


@st.composite
def mutations(draw: st.DrawFn, data: bytes) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["truncate", "bitflip", "insert", "mixed"]))
    out = bytearray(data)
    if kind in ("truncate", "mixed") and out:
        out = out[: draw(st.integers(0, len(out) - 1))]
    if kind in ("bitflip", "mixed") and out:
        for _ in range(draw(st.integers(1, 8))):
            pos = draw(st.integers(0, len(out) - 1))
            out[pos] ^= 1 << draw(st.integers(0, 7))
    if kind in ("insert", "mixed"):
        for _ in range(draw(st.integers(1, 4))):
            pos = draw(st.integers(0, len(out)))
            out[pos:pos] = draw(st.one_of(
                st.binary(min_size=1, max_size=16),
                st.sampled_from([b"<", b">", b"&", b'"', b"<c r=\"A1\">", b"</row>", b"\x00",
                                 b"<f>1+</f>", b't="e"', b"\xff\xfe", b"<v>9e999</v>"]),
            ))
    return kind, bytes(out)


@st.composite
def mutated_files(draw: st.DrawFn) -> tuple[str, str, bytes]:
    name, data = draw(st.sampled_from(SEEDS))
    kind, out = draw(mutations(data))
    return name, kind, out


@st.composite
def mutated_parts(draw: st.DrawFn) -> tuple[str, str, bytes]:
    """A valid zip whose one XML part (a sheet, the shared strings, the workbook…) is damaged."""
    name, data = draw(st.sampled_from(ZIP_SEEDS))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = [(info, zf.read(info)) for info in zf.infolist()]
    xml_parts = [i for i, (info, _) in enumerate(members)
                 if info.filename.endswith((".xml", ".rels"))]
    index = draw(st.sampled_from(xml_parts))
    kind, part = draw(mutations(members[index][1]))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for i, (info, body) in enumerate(members):
            out.writestr(info.filename, part if i == index else body)
    return f"{name}:{members[index][0].filename}", kind, buffer.getvalue()


def _suffix(name: str) -> str:
    return "." + name.split(":")[0].rsplit(".", 1)[-1]


def test_mutated_files_read_or_raise_our_error(tmp_path_factory: pytest.TempPathFactory) -> None:
    counts: Counter[str] = Counter()
    folder = tmp_path_factory.mktemp("mutated")

    @fuzz(300)
    @given(case=mutated_files())
    def run(case: tuple[str, str, bytes]) -> None:
        name, kind, data = case
        counts["cases"] += 1
        counts[f"mutation:{kind}"] += 1
        note(f"seed {name}, {kind}, {len(data)} bytes")
        path = folder / f"m{_suffix(name)}"
        path.write_bytes(data)
        _outcome(path, counts)

    run()
    print(f"\n[fuzz] mutated files ({len(SEEDS)} seeds): {dict(sorted(counts.items()))}")
    assert counts["cases"] >= 300 * SCALE * 0.9


def test_mutated_xml_parts_read_or_raise_our_error(tmp_path_factory: pytest.TempPathFactory) -> None:
    counts: Counter[str] = Counter()
    folder = tmp_path_factory.mktemp("parts")

    @fuzz(300)
    @given(case=mutated_parts(), engine=st.sampled_from(["calamine", "calamine", "openpyxl"]))
    def run(case: tuple[str, str, bytes], engine: str) -> None:
        name, kind, data = case
        counts["cases"] += 1
        counts[f"mutation:{kind}"] += 1
        note(f"seed {name}, {kind}, engine {engine}")
        path = folder / f"p{_suffix(name)}"
        path.write_bytes(data)
        _outcome(path, counts, engine)

    run()
    print(f"\n[fuzz] mutated XML parts ({len(ZIP_SEEDS)} seeds): {dict(sorted(counts.items()))}")
    assert counts["cases"] >= 300 * SCALE * 0.9


# --------------------------------------------------------------------------------------------
# through the command line


def _damaged(tmp_path: Path) -> list[Path]:
    """Deterministic damage to each zip seed that no reader can get past: cut in half, the
    end-of-central-directory record cut off, and the central directory overwritten."""
    out: list[Path] = []
    for i, (name, data) in enumerate(ZIP_SEEDS):
        suffix = _suffix(name)
        directory = data.rfind(b"PK\x01\x02")
        first_entry = data.find(b"PK\x01\x02")
        damaged = {
            "cut": data[: len(data) // 2],
            "noend": data[: data.rfind(b"PK\x05\x06") + 10],
            "nodir": data[:first_entry] + b"\xa5" * (directory - first_entry) + data[directory:],
        }
        for label, body in damaged.items():
            path = tmp_path / f"{label}{i}{suffix}"
            path.write_bytes(body)
            out.append(path)
    return out


def test_damaged_files_through_the_cli_exit_2_without_traceback(tmp_path: Path) -> None:
    runner = CliRunner()
    cases = _damaged(tmp_path)
    statuses: Counter[int] = Counter()
    for path in cases:
        result = runner.invoke(cli, ["check", str(path), "--as-of", "2025-06-30", "--no-summary",
                                     "--no-history"])
        statuses[result.exit_code] += 1
        assert result.exit_code == 2, (path.name, result.output)
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "Traceback" not in result.output
        assert "Unexpected error" not in result.output
        assert "không mong đợi" not in result.output
        assert str(path.name) in result.output  # the message names the file
    print(f"\n[fuzz] CLI on damaged files: {len(cases)} cases, exit statuses {dict(statuses)}")


def test_damaged_files_in_a_real_process(tmp_path: Path) -> None:
    """A few through ``python -m cchc_sheets`` in its own process: real stderr, real status."""
    cases = _damaged(tmp_path)[:4]
    for path in cases:
        proc = subprocess.run(
            [sys.executable, "-m", "cchc_sheets", "check", str(path), "--as-of", "2025-06-30",
             "--no-summary", "--no-history", "--lang", "en"],
            capture_output=True, timeout=120,
        )
        stderr = proc.stderr.decode("utf-8", "replace")
        assert proc.returncode == 2, stderr
        assert "Traceback" not in stderr and "Unexpected error" not in stderr
        assert stderr.startswith("Error: "), stderr
        assert proc.stdout == b""
    print(f"\n[fuzz] real processes on damaged files: {len(cases)} cases, all exit 2")
