"""Hostile and damaged files (contract §11): the check never aborts, never hangs, never loses
the officer's work, and says what is wrong in its own words (exit 2), never through the
catch-all message.

Every case that could exhaust memory runs in a child process under ``ulimit -v 3000000``.
"""

from __future__ import annotations

import errno
import io
import json
import os
import random
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, ROOT

from cchc_sheets.cli import cli
from cchc_sheets.config import load_config
from cchc_sheets.deliver import atomic
from cchc_sheets.errors import ConfigError, WorkbookFileError
from cchc_sheets.read import sources
from cchc_sheets.read.isolate import run_isolated
from cchc_sheets.read.sources import load_book

SOFFICE = shutil.which("soffice")
LIMIT_KB = 3_000_000  # contract §11: every case runs under ulimit -v 3000000
CATCH_ALL = ("Unexpected error", "Lỗi không mong đợi")
needs_soffice = pytest.mark.skipif(SOFFICE is None,
                                   reason="LibreOffice (soffice) is not installed; .ci/run installs it")


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_KB * 1024, LIMIT_KB * 1024))


def cchc(*args: str, cwd: Path | None = None, timeout: float = 120,
         env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m cchc_sheets ARGS`` in its own process under the memory limit."""
    environment = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    proc = subprocess.run([sys.executable, "-m", "cchc_sheets", *args], cwd=cwd,
                          capture_output=True, timeout=timeout, preexec_fn=_limit,
                          env=environment)
    return subprocess.CompletedProcess(proc.args, proc.returncode,
                                       proc.stdout.decode("utf-8", "replace"),
                                       proc.stderr.decode("utf-8", "replace"))


def check_args(plan: Path, *more: str) -> list[str]:
    return ["check", str(plan), "--as-of", "2025-06-30", "--no-history", "--lang", "en", *more]


def assert_own_error(proc: subprocess.CompletedProcess[str], *words: str) -> None:
    """Exit 2 with the project's own message, no traceback, no catch-all."""
    out = proc.stdout + proc.stderr
    assert proc.returncode == 2, out
    assert "Traceback" not in out and not any(text in out for text in CATCH_ALL), out
    assert proc.stderr.startswith("Error: "), out
    for word in words:
        assert word in proc.stderr, proc.stderr


def strict_json(text: str) -> Any:
    def refuse(constant: str) -> Any:
        raise AssertionError(f"{constant} in the JSON")

    return json.loads(text, parse_constant=refuse)


def rezip(source: Path, target: Path, change: dict[str, Any]) -> Path:
    """A copy of the zip ``source`` with members replaced (bytes) or edited (a function)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            edit = change.get(info.filename)
            if callable(edit):
                data = edit(data)
            elif edit is not None:
                data = edit
            out.writestr(info.filename, data)
    target.write_bytes(buffer.getvalue())
    return target


@pytest.fixture(scope="module")
def saved_by_libreoffice(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example plan saved as .xls and .ods by LibreOffice (the committed small fixtures
    when LibreOffice is missing)."""
    if SOFFICE is None:
        return {"xls": ROOT / "tests/fixtures/plain.xls", "ods": ROOT / "tests/fixtures/plain.ods"}
    folder = tmp_path_factory.mktemp("lo")
    out: dict[str, Path] = {}
    for fmt in ("xls", "ods"):
        subprocess.run([SOFFICE, f"-env:UserInstallation=file://{folder}/profile", "--headless",
                        "--convert-to", fmt, "--outdir", str(folder), str(EXAMPLE)],
                       check=True, capture_output=True, timeout=180)
        out[fmt] = folder / f"{EXAMPLE.stem}.{fmt}"
    return out


# --------------------------------------------------------------------------------------------
# bounds before any engine runs


def test_a_far_off_value_is_a_warning_and_the_plan_still_reads(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(EXAMPLE)
    ws = wb.worksheets[0]
    ws["XFD60000"] = "gõ nhầm"
    far = tmp_path / "far.xlsx"
    wb.save(far)
    plain = cchc(*check_args(EXAMPLE, "--format", "json", "--no-summary"), cwd=tmp_path)
    proc = cchc(*check_args(far, "--format", "json", "-o", str(tmp_path / "out.xlsx")),
                cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    report = strict_json(proc.stdout)
    stray = [p for p in report["problems"] if p["code"] == "stray-cells"]
    assert [(p["sheet"], p["cell"], p["severity"]) for p in stray] == \
        [(ws.title, "XFD60000", "warning")]
    assert "XFD60000" in stray[0]["message"]
    assert len(report["tasks"]) == len(strict_json(plain.stdout)["tasks"]) > 0
    assert (tmp_path / "out.xlsx").is_file()


@needs_soffice
def test_a_far_off_value_in_an_ods_is_a_warning_too(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(EXAMPLE)
    wb.worksheets[0]["XFD60000"] = "gõ nhầm"
    far = tmp_path / "far.xlsx"
    wb.save(far)
    subprocess.run([str(SOFFICE), f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--headless", "--convert-to", "ods", "--outdir", str(tmp_path / "ods"),
                    str(far)], check=True, capture_output=True, timeout=180)
    proc = cchc(*check_args(tmp_path / "ods" / "far.ods", "--format", "json", "--no-summary"))
    assert proc.returncode in (0, 1), proc.stderr
    report = strict_json(proc.stdout)
    assert [p["cell"] for p in report["problems"] if p["code"] == "stray-cells"] == ["XFD60000"]
    assert len(report["tasks"]) > 0


def test_the_used_range_limit_keeps_the_table_and_leaves_the_far_cells_out() -> None:
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>x</t></is></c>'
                   f'<c r="B{r}"><v>{r}</v></c></row>' for r in range(1, 6))
    far = '<row r="90000"><c r="ZZ90000"><v>1</v></c></row>'
    patch = sources._bounds("S", "m", ("<sheetData>" + rows + far + "</sheetData>").encode(), 0)
    assert patch is not None
    assert [(n.code, n.row, n.col) for n in patch.notes] == [("stray-cells", 89999, 701)]
    assert len(patch.spans) == 1
    start, end, _ = patch.spans[0]
    assert patch.data[start:end] == b'<c r="ZZ90000"><v>1</v></c>'
    # a cell outside any <row>, and one left unclosed, are placed and left out all the same
    data = ('<sheetData><c r="XFD1048576"><v>1</v></c>' + rows
            + '<row r="9"><c r="A9"><v>1</v></c><c r="ZZZ900000"><v>3</v></row></sheetData>')
    patch = sources._bounds("S", "m", data.encode(), 0)
    assert patch is not None
    assert [patch.data[a:b] for a, b, _ in patch.spans] == \
        [b'<c r="XFD1048576"><v>1</v></c>', b'<c r="ZZZ900000"><v>3</v>']


def test_the_sheet_xml_scan_is_linear_on_unclosed_rows(tmp_path: Path) -> None:
    """A 7 KB file with 200,000 unclosed <row> tags once took minutes (a quadratic regex)."""
    body = b"".join(b'<row r="%d">' % r for r in range(1, 200_001))

    def hostile(data: bytes) -> bytes:
        return data.replace(b"<sheetData>", b"<sheetData>" + body, 1)

    path = rezip(EXAMPLE, tmp_path / "rows.xlsx", {"xl/worksheets/sheet1.xml": hostile})
    started = time.perf_counter()
    sources._xlsx_extras(path)
    scan = time.perf_counter() - started
    data = b"<sheetData>" + body + b'<c r="A1"><f>1+1</f></c>'
    started = time.perf_counter()
    _, formulas, _ = sources._scan_sheet(data, False)
    assert time.perf_counter() - started < 1.0
    assert scan < 1.0
    assert formulas == {(0, 0): "=1+1"}
    started = time.perf_counter()
    try:  # the whole load: read as calamine can, or refused; no hang
        load_book(path)
    except WorkbookFileError:
        pass
    assert time.perf_counter() - started < 5.0


def test_a_shared_string_count_asking_for_gigabytes_is_made_true(tmp_path: Path) -> None:
    """calamine reserves room for the declared count: 2,000,000,000 aborted the process."""
    import xlsxwriter

    saved = tmp_path / "plan.xlsx"
    book = xlsxwriter.Workbook(str(saved))
    ws = book.add_worksheet("Phân công")
    for r, row in enumerate([["STT", "Nhiệm vụ", "Bộ phận chủ trì", "Thời hạn hoàn thành"],
                             [1, "Rà soát thủ tục", "Văn phòng", "30/6/2025"]]):
        ws.write_row(r, 0, row)
    book.close()

    def inflate(data: bytes) -> bytes:
        return re.sub(rb'(uniqueCount|count)="\d+"', rb'\1="2000000000"', data)

    path = rezip(saved, tmp_path / "sst.xlsx", {"xl/sharedStrings.xml": inflate})
    proc = cchc(*check_args(path, "--format", "json", "--no-summary"))
    assert proc.returncode in (0, 1), proc.stderr
    assert [t["title"] for t in strict_json(proc.stdout)["tasks"]] == ["Rà soát thủ tục"]


def test_a_reader_that_aborts_or_asks_too_much_is_a_clear_error(tmp_path: Path) -> None:
    """What a Rust allocation failure does (abort) and a runaway allocation, in the child."""
    path = tmp_path / "damaged.xls"
    path.write_bytes(b"x")

    def aborts(_path: Path, _kind: str) -> None:
        os.abort()

    def allocates(_path: Path, _kind: str) -> None:
        hog = []
        while True:
            hog.append(bytearray(256 * 1024 * 1024))

    for reader in (aborts, allocates):
        with pytest.raises(WorkbookFileError) as caught:
            run_isolated(reader, path, "xls")
        assert caught.value.code == "file-corrupt"
        assert "damaged.xls" in caught.value.message("en")
        assert "memory" in caught.value.message("en")


def test_a_calamine_panic_becomes_our_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import python_calamine

    class PanicException(BaseException):  # what pyo3 raises for a Rust panic
        pass

    def panics(*_args: Any, **_kwargs: Any) -> None:
        raise PanicException("index out of bounds: the len is 3 but the index is 7")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", panics)
    with pytest.raises(WorkbookFileError) as caught:
        load_book(EXAMPLE)
    assert caught.value.code == "file-corrupt"
    assert EXAMPLE.name in caught.value.message("en")


def _flipped(data: bytes, seed: int, count: int = 2) -> bytes:
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(count):
        out[rng.randrange(512, len(out))] = rng.randrange(256)
    return bytes(out)


def _two_bytes_at(path: Path, record_type: int, offset: int) -> bytes:
    """The .xls file with 2 bytes of the first ``record_type`` record's body (at ``offset``)
    set to 0xFF, found through the file's own sector chain."""
    import struct

    from cchc_sheets.read.preflight import workbook_sectors

    found = workbook_sectors(path)
    assert found is not None
    data, stream, places = found
    pos = 0
    while pos + 4 <= len(stream):
        kind, length = struct.unpack_from("<HH", stream, pos)
        if kind == record_type:
            break
        pos += 4 + length
    else:
        raise AssertionError(f"no record {record_type:#x}")
    out = bytearray(data)
    for at in (pos + 4 + offset, pos + 5 + offset):  # stream offset → file offset
        before = 0
        for start, size in places:
            if at < before + size:
                out[start + at - before] = 0xFF
                break
            before += size
    return bytes(out)


@needs_soffice
@pytest.mark.parametrize(("record", "offset", "why"), [
    (0x0200, 0, "memory"),   # DIMENSIONS: a first row of 65,535… rows to allocate (abort)
    (0x0085, 0, "range"),    # BOUNDSHEET: the sheet's offset past the end (a Rust panic)
    (0x00E5, 0, "range"),    # MERGEDCELLS: more ranges than the record holds (a panic)
])
def test_two_changed_bytes_of_an_xls_are_a_clear_error(saved_by_libreoffice: dict[str, Path],
                                                      tmp_path: Path, record: int, offset: int,
                                                      why: str) -> None:
    path = tmp_path / f"damaged-{record:04x}.xls"
    path.write_bytes(_two_bytes_at(saved_by_libreoffice["xls"], record, offset))
    proc = cchc(*check_args(path, "--no-summary"), env={"RUST_BACKTRACE": "1"})
    assert_own_error(proc, path.name, "damaged")
    assert "panicked" not in proc.stderr and "backtrace" not in proc.stderr
    if why == "memory":
        assert "too much memory" in proc.stderr


def test_damaged_xls_from_libreoffice_never_aborts(saved_by_libreoffice: dict[str, Path],
                                                    tmp_path: Path) -> None:
    """Two changed bytes of a LibreOffice-saved plan: read (0/1) or refused (2), in words."""
    data = saved_by_libreoffice["xls"].read_bytes()
    statuses = []
    for seed in range(6):
        path = tmp_path / f"flip{seed}.xls"
        path.write_bytes(_flipped(data, seed))
        proc = cchc(*check_args(path, "--no-summary"), timeout=120)
        out = proc.stdout + proc.stderr
        assert proc.returncode in (0, 1, 2), out
        assert "Traceback" not in out and not any(t in out for t in CATCH_ALL), out
        if proc.returncode == 2:
            assert path.name in proc.stderr
        statuses.append(proc.returncode)
    assert statuses


def test_a_structure_protected_xls_without_password_reads(saved_by_libreoffice: dict[str, Path]
                                                          ) -> None:
    """LibreOffice (and Excel) encrypt it with the fixed password VelvetSweatshop; it is read,
    the same as the plan saved without protection. A real password is still refused."""
    locked = ROOT / "tests/fixtures/structure-locked.xls"
    assert sources.sniff(locked) == "xls"
    proc = cchc(*check_args(locked, "--format", "json", "--no-summary"))
    assert proc.returncode == 1, proc.stderr
    report = strict_json(proc.stdout)
    assert len(report["tasks"]) == 45
    if SOFFICE is not None:  # the same plan, saved without the lock
        plain = strict_json(cchc(*check_args(saved_by_libreoffice["xls"], "--format", "json",
                                             "--no-summary")).stdout)
        report["source"] = plain["source"]
        assert report == plain
    with pytest.raises(WorkbookFileError) as caught:
        load_book(ROOT / "tests/bad_files/encrypted.xls")
    assert caught.value.code == "file-encrypted"


# --------------------------------------------------------------------------------------------
# cells


def _nan_plan(tmp_path: Path) -> Path:
    wb = openpyxl.load_workbook(EXAMPLE)
    ws = wb.worksheets[0]
    marks = {"C12": "NaN", "E13": "INF", "D15": "-1e999"}
    for ref in marks:
        ws[ref] = 0.25  # a number to find in the XML
    saved = tmp_path / "marked.xlsx"
    wb.save(saved)

    def poison(data: bytes) -> bytes:
        for ref, text in marks.items():
            data, n = re.subn(rb'(<c r="' + ref.encode() + rb'"[^>]*><v>)0.25(</v>)',
                              rb"\g<1>" + text.encode() + rb"\g<2>", data)
            assert n == 1, ref
        return data

    return rezip(saved, tmp_path / "nan.xlsx", {"xl/worksheets/sheet1.xml": poison})


def test_nan_and_infinity_are_problems_and_the_summary_is_written(tmp_path: Path) -> None:
    plan = _nan_plan(tmp_path)
    out = tmp_path / "summary.xlsx"
    proc = cchc(*check_args(plan, "--format", "json", "-o", str(out)), cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    report = strict_json(proc.stdout)  # no NaN / Infinity: strict parsers accept it
    found = {p["cell"]: p["code"] for p in report["problems"] if p["cell"] in ("C12", "E13", "D15")}
    assert found == {"C12": "bad-max", "E13": "bad-score", "D15": "bad-score"}
    assert out.is_file()
    for criterion in report["criteria"]:
        for key in ("max", "score", "previous", "lost", "ratio"):
            value = criterion.get(key)
            assert value is None or value == value and abs(value) != float("inf")


def test_the_json_is_strict() -> None:
    from cchc_sheets import cli as cli_module

    source = Path(cli_module.__file__).read_text("utf-8")
    assert source.count("json.dumps(") == source.count("allow_nan=False")


@needs_soffice
def test_error_cells_in_xls_and_ods_are_problems_as_in_xlsx(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(EXAMPLE)
    ws = wb.worksheets[0]
    ws["G12"] = "=NA()"  # a task's text
    ws["C13"] = "=1/0"   # a maximum
    ws["G15"] = "=#REF!+1"
    source = tmp_path / "errors.xlsx"
    wb.save(source)
    found: dict[str, list[tuple[str, str]]] = {}
    for fmt in ("xlsx", "xls", "ods"):
        folder = tmp_path / fmt
        subprocess.run([str(SOFFICE), f"-env:UserInstallation=file://{tmp_path}/profile",
                        "--headless", "--convert-to", fmt, "--outdir", str(folder), str(source)],
                       check=True, capture_output=True, timeout=180)
        proc = cchc(*check_args(folder / f"errors.{fmt}", "--format", "json", "--no-summary"))
        assert proc.returncode == 1, proc.stderr
        report = strict_json(proc.stdout)
        found[fmt] = sorted((p["cell"], p["message"].split(":", 1)[1])
                            for p in report["problems"] if p["code"] == "error-cell")
    assert [cell for cell, _ in found["xlsx"]] == ["C13", "G12", "G15"]
    assert "#N/A" in found["xlsx"][1][1] and "#DIV/0!" in found["xlsx"][0][1]
    assert found["xls"] == found["xlsx"] == found["ods"]


def test_a_bad_shared_string_index_is_a_problem(tmp_path: Path) -> None:
    import xlsxwriter  # writes text as shared strings (openpyxl writes inline strings)

    saved = tmp_path / "strings.xlsx"
    book = xlsxwriter.Workbook(str(saved))
    ws = book.add_worksheet("Phân công")
    rows = [["STT", "Nhiệm vụ", "Bộ phận chủ trì", "Thời hạn hoàn thành"],
            [1, "Rà soát thủ tục", "Văn phòng", "30/6/2025"],
            [2, "Niêm yết công khai", "Công an xã", "30/9/2025"]]
    for r, row in enumerate(rows):
        ws.write_row(r, 0, row)
    book.close()
    with zipfile.ZipFile(saved) as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml")

    def cell(ref: str) -> bytes:
        return rb'(<c r="' + ref.encode() + rb'"[^>]*t="s"[^>]*><v>)\d+(</v>)'

    assert re.search(cell("B2"), sheet) and re.search(cell("C3"), sheet)
    cases = {"out-of-range": b"99999", "not-a-number": b"abc"}
    for name, index in cases.items():

        def damage(data: bytes, index: bytes = index) -> bytes:
            data = re.sub(cell("B2"), rb"\g<1>" + index + rb"\g<2>", data)
            return re.sub(cell("C3"), rb"\g<1>" + index + rb"\g<2>", data)

        path = rezip(saved, tmp_path / f"{name}.xlsx", {"xl/worksheets/sheet1.xml": damage})
        proc = cchc(*check_args(path, "--format", "json", "--no-summary"))
        assert proc.returncode == 1, proc.stderr
        report = strict_json(proc.stdout)
        bad = sorted(p["cell"] for p in report["problems"] if p["code"] == "bad-shared-string")
        assert bad == ["B2", "C3"], name
        titles = [t["title"] for t in report["tasks"]]
        assert "STT" not in titles  # index 0 ("STT") is not silently read in its place


# --------------------------------------------------------------------------------------------
# paths


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(EXAMPLE, tmp_path / "plan.xlsx")
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "loop1").symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(tmp_path / "loop1")
    return tmp_path


@pytest.mark.parametrize("role", ["plan", "scores", "config", "output"])
@pytest.mark.parametrize("target", ["/dev/full", "/dev/zero", "/dev/urandom", "fifo", "loop1"])
def test_devices_pipes_and_loops_are_refused_at_once(folder: Path, role: str, target: str) -> None:
    if not Path(target).is_absolute():
        target = str(folder / target)
    elif not os.path.exists(target):
        pytest.skip(f"{target} is missing here")
    plan = folder / "plan.xlsx"
    args = {
        "plan": check_args(Path(target), "--no-summary"),
        "scores": check_args(plan, "--no-summary", "--scores", target),
        "config": check_args(plan, "--no-summary", "--config", target),
        "output": check_args(plan, "-o", target),
    }[role]
    proc = cchc(*args, cwd=folder, timeout=60)
    words = ["loop"] if target.endswith("loop1") else ["is not a file"]
    assert_own_error(proc, Path(target).name, *words)


def test_an_empty_plan_argument(folder: Path) -> None:
    proc = cchc("check", "", "--lang", "en", cwd=folder)
    assert proc.returncode == 2
    assert "The file name is empty" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_path_over_4096_bytes(folder: Path) -> None:
    proc = cchc(*check_args(Path("a/" * 2100 + "plan.xlsx"), "--no-summary"), cwd=folder)
    assert_own_error(proc, "too long")


def test_as_of_far_from_any_plan(folder: Path) -> None:
    proc = cchc("check", "plan.xlsx", "--as-of", "0001-01-01", "--lang", "en", cwd=folder)
    assert_own_error(proc, "0001-01-01", "1950")


@pytest.mark.skipif(sys.platform != "linux", reason="names of raw bytes: Linux file systems")
def test_a_file_name_that_is_not_utf8(folder: Path) -> None:
    name = b"k\xe9 ho\xb9ch.xlsx"  # Windows-1252 bytes, not UTF-8
    os.rename(folder / "plan.xlsx", os.path.join(os.fsencode(folder), name))
    proc = subprocess.run([sys.executable, "-m", "cchc_sheets", "check", name, "--as-of",
                           "2025-06-30", "--lang", "en", "--format", "json"],  # with history
                          cwd=folder, capture_output=True, timeout=120, preexec_fn=_limit,
                          env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 1, proc.stderr
    report = strict_json(proc.stdout.decode("utf-8"))
    assert report["source"]["plan"] == "k\ufffd ho\ufffdch.xlsx"
    assert len(report["tasks"]) > 0
    assert (folder / "tong-hop-cchc-2025-06-30.xlsx").is_file()
    doc = subprocess.run([sys.executable, "-m", "cchc_sheets", "doc", name, "--format", "json"],
                         cwd=folder, capture_output=True, timeout=120, preexec_fn=_limit,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert doc.returncode == 0, doc.stderr
    assert strict_json(doc.stdout.decode("utf-8"))["source"]["plan"] == "k\ufffd ho\ufffdch.xlsx"


def test_an_unsearchable_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root, permissions do not stop a read: the system's answer is stood in for."""
    from cchc_sheets.read import paths

    real_stat = os.stat

    def refuse(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
        if "locked" in os.fsdecode(path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(paths.os, "stat", refuse)
    result = CliRunner().invoke(cli, check_args(folder / "locked" / "plan.xlsx", "--no-summary"))
    assert result.exit_code == 2
    assert "No permission to reach" in result.output
    assert not any(text in result.output for text in CATCH_ALL)


def test_out_of_memory_has_its_own_message(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import cchc_sheets.api

    def exhausted(*_args: Any, **_kwargs: Any) -> None:
        raise MemoryError

    monkeypatch.setattr(cchc_sheets.api, "read_plan", exhausted)
    result = CliRunner().invoke(cli, check_args(folder / "plan.xlsx", "--no-summary"))
    assert result.exit_code == 2
    assert "Not enough memory to check" in result.output and "plan.xlsx" in result.output
    assert "MemoryError" not in result.output
    assert not any(text in result.output for text in CATCH_ALL)


# --------------------------------------------------------------------------------------------
# configuration


@pytest.mark.parametrize(("text", "key"), [
    ("[thresholds]\ndue_soon_days = 1000000000000000000\n", "thresholds.due_soon_days"),
    ("[thresholds]\nstale_days = 1000000000000000000\n", "thresholds.stale_days"),
    ("[thresholds]\nlow_ratio = nan\n", "thresholds.low_ratio"),
    ("[thresholds]\nlow_ratio = inf\n", "thresholds.low_ratio"),
    ("[thresholds]\nlow_ratio = -inf\n", "thresholds.low_ratio"),
    ("[thresholds]\nstale_days = nan\n", "thresholds.stale_days"),
    ("plan_year = 1000000000000000000\n", "plan_year"),
])
def test_config_values_out_of_range_name_their_key(tmp_path: Path, text: str, key: str) -> None:
    path = tmp_path / "cchc.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert f"'{key}'" in caught.value.message("en")


@pytest.mark.parametrize("nesting", ["a = " + "[" * 20000 + "]" * 20000,
                                     "a = " + "{b=" * 20000 + "}" * 20000])
def test_deeply_nested_config_is_refused(tmp_path: Path, nesting: str) -> None:
    path = tmp_path / "cchc.toml"
    path.write_text(nesting + "\n", "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert "nested too deeply" in caught.value.message("en")


# --------------------------------------------------------------------------------------------
# outputs: the officer's edits, temporary files, permissions, a full disk


def test_an_edited_summary_is_never_replaced(folder: Path) -> None:
    plan = folder / "plan.xlsx"
    summary = folder / "tong-hop-cchc-2025-06-30.xlsx"
    for _ in range(2):  # an unedited summary of ours is replaced in place
        proc = cchc(*check_args(plan), cwd=folder)
        assert proc.returncode == 1, proc.stderr
        assert atomic.unchanged_summary(summary)
    assert sorted(p.name for p in folder.glob("tong-hop*")) == [summary.name]
    wb = openpyxl.load_workbook(summary)  # the officer adds a note and saves (properties kept)
    wb.worksheets[0]["A40"] = "Ghi chú của cán bộ: đã nhắc các bộ phận"
    wb.save(summary)
    assert atomic.is_cchc_summary(summary) and not atomic.unchanged_summary(summary)
    edited = summary.read_bytes()
    proc = cchc(*check_args(plan), cwd=folder)
    assert proc.returncode == 1, proc.stderr
    beside = folder / "tong-hop-cchc-2025-06-30 (2).xlsx"
    assert summary.read_bytes() == edited
    assert beside.is_file() and atomic.unchanged_summary(beside)
    assert "was edited after it was written" in proc.stderr and beside.name in proc.stderr
    proc = cchc(*check_args(plan), cwd=folder)  # next week's run: the copy beside is replaced
    assert proc.returncode == 1, proc.stderr
    assert sorted(p.name for p in folder.glob("tong-hop*")) == sorted([summary.name, beside.name])
    assert summary.read_bytes() == edited
    loaded = openpyxl.load_workbook(beside)  # the sealed file is a workbook like any other
    assert loaded.sheetnames


def test_outputs_get_the_permissions_of_a_new_file(folder: Path) -> None:
    old = os.umask(0o022)
    try:
        result = CliRunner().invoke(cli, check_args(folder / "plan.xlsx"))
    finally:
        os.umask(old)
    assert result.exit_code == 1, result.output
    mode = stat.S_IMODE((folder / "tong-hop-cchc-2025-06-30.xlsx").stat().st_mode)
    assert mode == 0o644


def test_stale_temporaries_of_ours_are_removed(folder: Path) -> None:
    old = time.time() - atomic.STALE_SECONDS - 60
    ours = [folder / ".~cchc-abcd1234.xlsx", folder / ".~cchc-zz_9zz99.eml"]
    fresh = folder / ".~cchc-fresh123.xlsx"
    others = [folder / ".~cchc-notours.txt.bak", folder / "~$plan.xlsx", folder / ".~lock.plan.xlsx#"]
    for path in [*ours, fresh, *others]:
        path.write_bytes(b"x")
        os.utime(path, (old, old))
    os.utime(fresh)
    result = CliRunner().invoke(cli, check_args(folder / "plan.xlsx"))
    assert result.exit_code == 1, result.output
    assert not any(path.exists() for path in ours)
    assert fresh.exists() and all(path.exists() for path in others)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_leave_no_temporary_file(tmp_path: Path, signum: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import make_plans

    plan = tmp_path / "big.xlsx"
    make_plans.write_combined(plan, make_plans.build(3000, 2025))
    proc = subprocess.Popen(
        [sys.executable, "-m", "cchc_sheets", *check_args(plan, "-o", str(tmp_path / "s.xlsx"))],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_limit,
        env=dict(os.environ, PYTHONPATH=str(ROOT)))
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".~cchc-*")) and proc.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.002)
    if proc.poll() is not None:
        pytest.skip("the check finished before a signal could be sent")
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum
    assert list(tmp_path.glob(".~cchc-*")) == []
    assert b"Traceback" not in stderr


def test_a_full_disk_is_one_message(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from xlsxwriter.exceptions import FileCreateError

    from cchc_sheets.render import summary

    def full(self: Any) -> None:
        raise FileCreateError(OSError(errno.ENOSPC, "No space left on device"))

    monkeypatch.setattr(summary.SummaryWorkbook, "close", full)
    result = CliRunner().invoke(cli, check_args(folder / "plan.xlsx"))
    assert result.exit_code == 2
    assert "the disk is full" in result.output
    assert list(folder.glob(".~cchc-*")) == []
    assert not (folder / "tong-hop-cchc-2025-06-30.xlsx").exists()


def test_a_full_disk_prints_no_zip_traceback(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    """On a real 64 KB file system (where this machine lets a tmpfs be mounted)."""
    small = tmp_path_factory.mktemp("small")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(small)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("no tmpfs can be mounted here")
    try:
        (small / "filler").write_bytes(b"\0" * 50 * 1024)
        proc = cchc(*check_args(folder / "plan.xlsx", "-o", str(small / "out.xlsx")), cwd=folder)
        assert_own_error(proc, "the disk is full")
        assert proc.stderr.count("\n") == 1, proc.stderr
        assert sorted(p.name for p in small.iterdir()) == ["filler"]
    finally:
        subprocess.run(["umount", str(small)], capture_output=True)


# --------------------------------------------------------------------------------------------
# a seeded, bounded fuzz run: every case in its own process, under the memory and time limits

FUZZ_SEED = int(os.environ.get("HOSTILE_FUZZ_SEED", "20261207"))
FUZZ_CASES = int(os.environ.get("HOSTILE_FUZZ_CASES", "120"))  # of each kind
_FRAGMENTS = [
    b"<row>", b"</row>", b'<row r="1048576">', b"<c>", b'<c r="XFD1048576"><v>1</v></c>',
    b"<v>NaN</v>", b"<v>-INF</v>", b'<c r="A1" t="s"><v>999999</v></c>',
    b'<c r="B2" t="s"><v>x</v></c>', b'<c r="C3" t="e"><v>#N/A</v></c>', b"<f>", b"</c>",
    b'table:number-rows-repeated="1048576"', b'table:number-columns-repeated="16384"',
    b'office:value-type="float" office:value="NaN"', b'calcext:value-type="error"',
    b"<table:table-row>", b"<table:table-cell>", b"\x00", b"&", b"<",
]


def _mutate(data: bytes, rng: random.Random, kind: str) -> bytes:
    out = bytearray(data)
    if kind == "truncate":
        return bytes(out[: rng.randrange(len(out))])
    if kind == "flip":
        for _ in range(rng.randint(1, 8)):
            out[rng.randrange(len(out))] = rng.randrange(256)
        return bytes(out)
    for _ in range(rng.randint(1, 3)):  # insert
        at = rng.randrange(len(out) + 1)
        out[at:at] = rng.choice(_FRAGMENTS)
    return bytes(out)


def _member_mutation(seed: bytes, rng: random.Random) -> bytes:
    with zipfile.ZipFile(io.BytesIO(seed)) as zf:
        members = [(info.filename, zf.read(info)) for info in zf.infolist()]
    xml = [i for i, (name, _) in enumerate(members) if name.endswith((".xml", ".rels"))]
    index = rng.choice(xml)
    kind = rng.choice(["truncate", "flip", "insert", "insert"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for i, (name, body) in enumerate(members):
            out.writestr(name, _mutate(body, rng, kind) if i == index else body)
    return buffer.getvalue()


def fuzz_cases(folder: Path, seeds: dict[str, list[bytes]], per_kind: int,
               seed: int) -> dict[str, list[Path]]:
    """Damaged files of each kind, the same for the same ``seed``."""
    rng = random.Random(seed)
    cases: dict[str, list[Path]] = {}
    everything = [(fmt, data) for fmt, items in seeds.items() for data in items]
    zips = [(fmt, data) for fmt, data in everything if fmt in ("xlsx", "ods")]
    for kind in ("truncate", "flip-xlsx", "flip-xls", "flip-ods", "xml-member"):
        paths = cases.setdefault(kind, [])
        for n in range(per_kind):
            if kind == "truncate":
                fmt, data = rng.choice(everything)
                body = _mutate(data, rng, "truncate")
            elif kind.startswith("flip-"):
                fmt = kind[5:]
                body = _mutate(rng.choice(seeds[fmt]), rng, "flip")
            else:
                fmt, data = rng.choice(zips)
                body = _member_mutation(data, rng)
            path = folder / f"{kind}-{n:04d}.{fmt}"
            path.write_bytes(body)
            paths.append(path)
    return cases


def run_fuzz(cases: list[Path], seconds: float = 60.0) -> list[dict[str, Any]]:
    runner = Path(__file__).with_name("hostile_runner.py")
    proc = subprocess.run(
        [sys.executable, str(runner), "--seconds", str(seconds), "--workers", "2",
         *map(str, cases)],
        capture_output=True, timeout=60 + len(cases) * seconds, preexec_fn=_limit,
        env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")[-2000:]
    return [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]


def test_seeded_fuzz_of_damaged_files_in_their_own_processes(
        saved_by_libreoffice: dict[str, Path], tmp_path: Path) -> None:
    seeds = {
        "xlsx": [EXAMPLE.read_bytes(), (ROOT / "tests/fixtures/thanh-da-libreoffice.xlsx").read_bytes()],
        "xls": [saved_by_libreoffice["xls"].read_bytes()],
        "ods": [saved_by_libreoffice["ods"].read_bytes()],
    }
    cases = fuzz_cases(tmp_path, seeds, FUZZ_CASES, FUZZ_SEED)
    kind_of_case = {path.name: kind for kind, paths in cases.items() for path in paths}
    results = run_fuzz([path for paths in cases.values() for path in paths])
    assert len(results) == len(kind_of_case)
    counts: dict[str, dict[str, int]] = {}
    for result in results:
        tally = counts.setdefault(kind_of_case[result["case"]], {})
        tally[str(result["status"])] = tally.get(str(result["status"]), 0) + 1
    print(f"\n[hostile fuzz] seed {FUZZ_SEED}, {FUZZ_CASES} of each kind: {counts}")
    bad = [r for r in results if r["bad"]]
    assert bad == [], f"seed {FUZZ_SEED}: " + json.dumps(bad[:5], ensure_ascii=False, indent=1)
