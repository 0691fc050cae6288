"""preflight.sniff: the kind of workbook by its bytes, and a clear refusal of everything else."""

from __future__ import annotations

import io
import json
import shutil
import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc_sheets.errors import WorkbookFileError
from cchc_sheets.read import preflight
from cchc_sheets.read.preflight import check_zip, excel_lock_present, lock_files, sniff

TESTS = Path(__file__).resolve().parents[1]
BAD = TESTS / "bad_files"
FIXTURES = TESTS / "fixtures"
EXPECTED: dict[str, dict[str, str]] = json.loads(
    (BAD / "expected.json").read_text(encoding="utf-8")
)


def refusal(path: Path) -> WorkbookFileError:
    with pytest.raises(WorkbookFileError) as info:
        sniff(path)
    return info.value


def assert_clear(err: WorkbookFileError, path: Path) -> None:
    """Both languages name the file and fill every field of the message."""
    assert err.path == str(path)
    for lang in ("vi", "en"):
        text = err.message(lang)
        assert path.name in text, text
        assert "?" not in text, text  # "?" is what a missing field renders as
        assert "Traceback" not in text


# ------------------------------------------------------------------------------ the corpus


def test_manifest_lists_every_corpus_file() -> None:
    files = {p.name for p in BAD.iterdir() if p.is_file()} - {"make_corpus.py", "expected.json"}
    assert files == set(EXPECTED)
    for case in ("empty.xlsx", "csv_renamed.xlsx", "html_renamed.xlsx", "xml2003_renamed.xlsx",
                 "pdf_renamed.xlsx", "truncated.xlsx", "bitflip.xlsx", "docx_renamed.xlsx",
                 "encrypted.xlsx", "zipbomb.xlsx", "entities.xlsx"):
        assert case in EXPECTED
    assert all((BAD / name).stat().st_size < 1024 * 1024 for name in EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file_is_refused_with_its_code(name: str) -> None:
    path = BAD / name
    err = refusal(path)
    assert err.code == EXPECTED[name]["code"], err.message("en")
    if "content" in EXPECTED[name]:
        assert err.args_["content"] == EXPECTED[name]["content"]
    assert_clear(err, path)


def test_encrypted_ooxml_says_password_and_how_to_remove_it() -> None:
    err = refusal(BAD / "encrypted.xlsx")
    assert "mật khẩu" in err.message("vi")
    assert "password-protected" in err.message("en")
    assert "save it again" in err.message("en")


def test_not_a_workbook_names_what_it_is_in_each_language() -> None:
    err = refusal(BAD / "html_renamed.xlsx")
    assert "trang web" in err.message("vi")
    assert "web page" in err.message("en")
    err = refusal(BAD / "csv_renamed.xlsx")
    assert "CSV" in err.message("vi") and "CSV" in err.message("en")
    assert "dấu phẩy" in err.message("vi") and "commas" in err.message("en")


def test_zip_bomb_is_refused_before_expanding(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: object, *args: object, **kwargs: object) -> object:
        opened.append(getattr(name, "filename", name))  # type: ignore[arg-type]
        return real_open(self, name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    for name in ("zipbomb.xlsx", "zipbomb_declared.xlsx"):
        err = refusal(BAD / name)
        assert err.code == "file-too-large"
        assert err.args_["size"] > err.args_["limit"]
    assert opened == []  # decided from the central directory alone


# ------------------------------------------------------------------------ good workbooks


@pytest.mark.parametrize(
    ("name", "kind"),
    [("plain.xlsx", "xlsx"), ("plain.xlsm", "xlsx"), ("plain.ods", "ods"), ("plain.xls", "xls")],
)
def test_good_fixture_is_sniffed_and_calamine_reads_it(name: str, kind: str) -> None:
    from python_calamine import CalamineWorkbook

    path = FIXTURES / name
    assert sniff(path) == kind
    book = CalamineWorkbook.from_path(str(path))
    assert book.sheet_names == ["Phân công"]
    rows = book.get_sheet_by_index(0).to_python()
    assert rows[0][:2] == ["STT", "Nhiệm vụ"]


def test_xlsm_fixture_has_the_macro_enabled_content_type() -> None:
    with zipfile.ZipFile(FIXTURES / "plain.xlsm") as z:
        assert b"macroEnabled.main+xml" in z.read("[Content_Types].xml")


def test_xlsxwriter_and_openpyxl_workbooks(tmp_path: Path) -> None:
    import openpyxl
    import xlsxwriter

    made = tmp_path / "Kế hoạch CCHC 2025.xlsx"
    book = xlsxwriter.Workbook(str(made))
    book.add_worksheet("Phân công").write(0, 0, "Nhiệm vụ")
    book.close()
    assert sniff(made) == "xlsx"

    wb = openpyxl.Workbook()
    wb.active["A1"] = "Nhiệm vụ"
    for suffix in (".xlsx", ".xlsm"):
        target = tmp_path / f"openpyxl{suffix}"
        wb.save(target)
        assert sniff(target) == "xlsx"


@pytest.mark.parametrize(
    ("source", "renamed", "kind"),
    [
        ("plain.xlsx", "plan.xlsm", "xlsx"),
        ("plain.xlsx", "plan.xls", "xlsx"),
        ("plain.xlsx", "plan", "xlsx"),
        ("plain.xls", "plan.xlsx", "xls"),
        ("plain.ods", "plan.xlsx", "ods"),
        ("plain.xlsm", "plan.xltx", "xlsx"),
    ],
)
def test_kind_comes_from_the_bytes_not_the_name(
    tmp_path: Path, source: str, renamed: str, kind: str
) -> None:
    target = tmp_path / renamed
    shutil.copy(FIXTURES / source, target)
    assert sniff(target) == kind


def test_thirty_thousand_rows_sniff_as_xlsx(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "big.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Phân công")
    for r in range(30_000):
        sheet.write_row(r, 0, [r, f"Nhiệm vụ {r}", "Văn phòng - Thống kê", "Quý II/2025",
                               "Đang thực hiện", f"Kết quả {r}"])
    book.close()
    assert sniff(path) == "xlsx"  # its cost is measured by the benchmarks, not here


# ------------------------------------------------------------------------- file system


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "không có.xlsx"
    err = refusal(path)
    assert err.code == "file-missing"
    assert_clear(err, path)


def test_directory_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "thư mục.xlsx"
    path.mkdir()
    err = refusal(path)
    assert err.code == "path-not-a-file"
    assert_clear(err, path)


def test_permission_error_means_locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "đang mở.xlsx"
    shutil.copy(FIXTURES / "plain.xlsx", path)

    def locked(_: Path) -> io.BufferedReader:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(preflight, "_open_binary", locked)
    err = refusal(path)
    assert err.code == "file-locked"
    assert_clear(err, path)


def test_other_os_errors_are_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.xlsx"
    shutil.copy(FIXTURES / "plain.xlsx", path)

    def broken(_: Path) -> io.BufferedReader:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(preflight, "_open_binary", broken)
    err = refusal(path)
    assert err.code == "file-unreadable"
    assert "Input/output error" in err.message("en")


def test_excel_lock_file_is_noticed_but_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "Kế hoạch 2025.xlsx"
    shutil.copy(FIXTURES / "plain.xlsx", path)
    assert not excel_lock_present(path)
    (tmp_path / "~$Kế hoạch 2025.xlsx").write_bytes(b"\x0bNguyen Van A")
    assert excel_lock_present(path)
    assert sniff(path) == "xlsx"
    (tmp_path / "~$Kế hoạch 2025.xlsx").unlink()
    (tmp_path / ".~lock.Kế hoạch 2025.xlsx#").write_text("Nguyen Van A,host,", encoding="utf-8")
    assert lock_files(path) == [tmp_path / ".~lock.Kế hoạch 2025.xlsx#"]
    assert not excel_lock_present(tmp_path / "khác.xlsx")


# --------------------------------------------------------------------------- zip limits


def write_zip(path: Path, members: dict[str, bytes], **kwargs: object) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, **kwargs) as z:  # type: ignore[arg-type]
        for name, data in members.items():
            z.writestr(name, data)
    return path


def xlsx_with(tmp_path: Path, replace: dict[str, bytes], name: str = "plan.xlsx") -> Path:
    with zipfile.ZipFile(FIXTURES / "plain.xlsx") as z:
        members = {info.filename: z.read(info) for info in z.infolist()}
    members.update(replace)
    return write_zip(tmp_path / name, members)


def check(path: Path) -> None:
    with zipfile.ZipFile(path) as zf:
        check_zip(path, zf)


def test_too_many_members(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preflight, "MAX_MEMBERS", 20)
    path = xlsx_with(tmp_path, {f"xl/media/image{i}.png": b"\x89PNG" for i in range(20)})
    err = refusal(path)
    assert err.code == "file-too-many-parts"
    assert err.args_["count"] == 30
    assert_clear(err, path)


def test_check_zip_counts_members_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = xlsx_with(tmp_path, {f"xl/media/image{i}.png": b"\x89PNG" for i in range(20)})
    check(path)
    monkeypatch.setattr(preflight, "MAX_MEMBERS", 20)
    with pytest.raises(WorkbookFileError) as info:
        check(path)
    assert info.value.code == "file-too-many-parts"


def test_total_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preflight, "MAX_TOTAL_SIZE", 3 * preflight.MiB)
    data = bytes(range(256)) * 4096  # 1 MiB that barely compresses
    path = xlsx_with(tmp_path, {f"xl/media/image{i}.bin": data for i in range(4)})
    err = refusal(path)
    assert err.code == "file-too-large"
    assert (err.args_["size"], err.args_["limit"]) == (4, 3)
    assert_clear(err, path)


def test_ratio_limit_only_for_large_members(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(preflight, "RATIO_MIN_SIZE", 2 * preflight.MiB)
    small = xlsx_with(tmp_path, {"xl/media/zeros.bin": b"\0" * preflight.MiB}, "small.xlsx")
    assert sniff(small) == "xlsx"  # 1000:1 but under the size where the ratio counts
    large = xlsx_with(tmp_path, {"xl/media/zeros.bin": b"\0" * (3 * preflight.MiB)}, "big.xlsx")
    err = refusal(large)
    assert err.code == "file-too-large"
    assert err.args_["part"] == "xl/media/zeros.bin"


def test_zip_level_encryption_is_refused(tmp_path: Path) -> None:
    path = xlsx_with(tmp_path, {})
    data = bytearray(path.read_bytes())
    # Set the "encrypted" flag in the central directory's first record.
    eocd = data.rindex(b"PK\x05\x06")
    (cd,) = struct.unpack_from("<I", data, eocd + 16)
    (flags,) = struct.unpack_from("<H", data, cd + 8)
    struct.pack_into("<H", data, cd + 8, flags | 1)
    path.write_bytes(bytes(data))
    assert refusal(path).code == "file-encrypted"


# ------------------------------------------------------------------------ XML entities

PLAIN_DOCTYPE = b'<!DOCTYPE workbook SYSTEM "http://example.invalid/x.dtd">\n'


def workbook_xml(prefix: bytes) -> bytes:
    with zipfile.ZipFile(FIXTURES / "plain.xlsx") as z:
        body = z.read("xl/workbook.xml")
    start = body.index(b"<workbook")
    return body[:start] + prefix + body[start:]


@pytest.mark.parametrize(
    "prefix",
    [
        PLAIN_DOCTYPE,
        b'<!DOCTYPE workbook [<!ENTITY a "b">]>',
        b"<!ENTITY a 'b'>",
        b"<!-- " + b"x" * 9000 + b" -->\n" + b"<!DOCTYPE w [<!ENTITY a 'b'>]>",
        b'<!DOCTYPE workbook PUBLIC "a>b" "c" [ <!ENTITY e SYSTEM "file:///etc/passwd"> ]>',
        b"<?pad " + b"y" * 5000 + b"?>\n<!doctype workbook>",
    ],
)
def test_declarations_before_the_root_are_refused(tmp_path: Path, prefix: bytes) -> None:
    path = xlsx_with(tmp_path, {"xl/workbook.xml": workbook_xml(prefix)})
    err = refusal(path)
    assert err.code == "file-unsafe-xml"
    assert err.args_["part"] == "xl/workbook.xml"
    assert_clear(err, path)


def test_utf16_part_is_scanned(tmp_path: Path) -> None:
    text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE sst [<!ENTITY a "b">]><sst/>'
    path = xlsx_with(tmp_path, {"xl/sharedStrings.xml": "\ufeff".encode("utf-16-le")
                                + text.encode("utf-16-le")})
    assert refusal(path).code == "file-unsafe-xml"
    path = xlsx_with(tmp_path, {"xl/sharedStrings.xml": text.encode("utf-16-be")}, "be.xlsx")
    assert refusal(path).code == "file-unsafe-xml"


def test_a_prolog_padded_past_the_limit_is_refused(tmp_path: Path) -> None:
    padding = b"<!-- " + b"z" * (preflight.MAX_PROLOG + 10) + b" -->"
    path = xlsx_with(tmp_path, {"xl/styles.xml": workbook_xml(padding)})
    assert refusal(path).code == "file-unsafe-xml"


def test_the_word_doctype_in_cell_text_is_harmless(tmp_path: Path) -> None:
    strings = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lt;!DOCTYPE x&gt; '
        b"&lt;!ENTITY y&gt;</t></si></sst>"
    )
    path = xlsx_with(tmp_path, {"xl/sharedStrings.xml": strings})
    assert sniff(path) == "xlsx"


def ods_with(tmp_path: Path, name: str, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(FIXTURES / "plain.ods") as z:
        members = {info.filename: z.read(info) for info in z.infolist()}
    members.update(replace)
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as z:
        for member, data in members.items():
            kind = zipfile.ZIP_STORED if member == "mimetype" else zipfile.ZIP_DEFLATED
            z.writestr(member, data, compress_type=kind)
    return path


def test_ods_may_keep_old_openoffice_public_dtd(tmp_path: Path) -> None:
    with zipfile.ZipFile(FIXTURES / "plain.ods") as z:
        manifest = z.read("META-INF/manifest.xml")
    start = manifest.index(b"<manifest:manifest")
    old = (manifest[:start] + b'<!DOCTYPE manifest:manifest PUBLIC "-//OpenOffice.org//DTD '
           b'Manifest 1.0//EN" "Manifest.dtd">\n' + manifest[start:])
    assert sniff(ods_with(tmp_path, "old.ods", {"META-INF/manifest.xml": old})) == "ods"
    subset = manifest[:start] + b'<!DOCTYPE m [<!ENTITY a "b">]>' + manifest[start:]
    err = refusal(ods_with(tmp_path, "subset.ods", {"META-INF/manifest.xml": subset}))
    assert err.code == "file-unsafe-xml"


# ------------------------------------------------------------------- other kinds of file


@pytest.mark.parametrize(
    ("data", "content"),
    [
        ("STT\tNhiệm vụ\tChủ trì\r\n1\tRà soát\tVăn phòng\r\n".encode("utf-16"), "tsv"),
        (b"<!DOCTYPE html>\n<html><body><p>Xin chao</p></body></html>", "html"),
        (b"  \r\n<TABLE><TR><TD>1</TD></TR></TABLE>", "html"),
        (b"STT,Nhiem vu,Chu tri,Thoi han\n", "csv"),
        (b'<?xml version="1.0"?><note>Ghi chu</note>', "xml"),
        ("Kính gửi: Ủy ban nhân dân xã, các bộ phận.\nĐề nghị báo cáo trước ngày 15/6.\n"
         "Trân trọng.\n".encode(), "text"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image"),
        (b"Rar!\x1a\x07\x00" + b"\0" * 32, "rar"),
        (bytes(range(1, 256)) * 8, "binary"),
    ],
)
def test_other_content_is_named(tmp_path: Path, data: bytes, content: str) -> None:
    path = tmp_path / "plan.xlsx"
    path.write_bytes(data)
    err = refusal(path)
    assert (err.code, err.args_.get("content")) == ("not-a-workbook", content)
    assert_clear(err, path)


def test_oldest_excel_formats_are_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "excel4.xls"
    path.write_bytes(b"\x09\x04\x06\x00\x00\x00\x10\x00" + b"\0" * 100)
    err = refusal(path)
    assert err.code == "unsupported-format"
    assert_clear(err, path)


def test_truncated_ole_file_is_corrupt(tmp_path: Path) -> None:
    for cut in (300, 700, 2000):
        path = tmp_path / f"cut{cut}.xls"
        path.write_bytes((FIXTURES / "plain.xls").read_bytes()[:cut])
        err = refusal(path)
        assert err.code == "file-corrupt", (cut, err.message("en"))


def test_ole_allocation_table_loop_is_corrupt(tmp_path: Path) -> None:
    header = bytearray((FIXTURES / "plain.xls").read_bytes()[:512])
    struct.pack_into("<II", header, 0x44, 0, 0xFFFFFFFF)  # DIFAT chain: sector 0, forever
    sector0 = struct.pack("<128I", *([0] * 128))  # lists sector 0 as FAT, next DIFAT: 0
    path = tmp_path / "loop.xls"
    path.write_bytes(bytes(header) + sector0 * 4)
    err = refusal(path)
    assert err.code == "file-corrupt"
    assert_clear(err, path)


# ------------------------------------------------------------ never anything but our error

SEEDS = [(FIXTURES / name).read_bytes() for name in ("plain.xlsx", "plain.xls", "plain.ods")]


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.sampled_from(range(len(SEEDS))),
    cut=st.integers(min_value=1, max_value=20_000),
    flips=st.lists(st.tuples(st.integers(0, 20_000), st.integers(0, 255)), max_size=8),
)
def test_damaged_files_raise_only_workbook_file_error(
    tmp_path: Path, seed: int, cut: int, flips: list[tuple[int, int]]
) -> None:
    data = bytearray(SEEDS[seed][:cut])
    for pos, value in flips:
        if pos < len(data):
            data[pos] = value
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(bytes(data))
    try:
        kind = sniff(path)
    except WorkbookFileError as err:
        err.message("vi")
        err.message("en")
    else:
        assert kind in ("xlsx", "xls", "ods")


@settings(max_examples=200, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=1, max_size=4096))
def test_random_bytes_raise_only_workbook_file_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.xlsx"
    path.write_bytes(data)
    with pytest.raises(WorkbookFileError):
        sniff(path)
