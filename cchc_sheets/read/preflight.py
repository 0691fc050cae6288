"""Look at a file's bytes before any reader touches it.

:func:`sniff` tells what kind of workbook a file is ("xlsx", "xls" or "ods"), judged by its
content and never by its extension, and refuses everything else with a
:class:`~cchc_sheets.errors.WorkbookFileError` whose code says why: missing, empty, not a
workbook (and what it is instead: CSV, a web page, a PDF…), password-protected, damaged,
a zip bomb, or XML with entity declarations. Nothing here raises any other exception.

It is cheap: it reads the first 64 KB of the file, a zip's central directory and the first
few KB of each XML part, or an OLE file's header and directory.
"""

from __future__ import annotations

import contextlib
import errno
import io
import struct
import zipfile
import zlib
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple, NoReturn

from cchc_sheets.errors import Words, WorkbookFileError

__all__ = [
    "MAX_MEMBERS",
    "MAX_MEMBER_SIZE",
    "MAX_RATIO",
    "MAX_TOTAL_SIZE",
    "RATIO_MIN_SIZE",
    "Package",
    "check_zip",
    "excel_lock_present",
    "lock_files",
    "sniff",
    "sniffed",
]

MiB = 1024 * 1024
#: Zip-bomb limits, all taken from the central directory before anything is expanded.
MAX_TOTAL_SIZE = 1024 * MiB
MAX_MEMBER_SIZE = 512 * MiB
MAX_RATIO = 200
RATIO_MIN_SIZE = 10 * MiB
MAX_MEMBERS = 10_000
#: How much of the start of an XML part may be taken by its prolog (declaration, comments,
#: processing instructions) before it is refused: real parts have a prolog under 200 bytes.
MAX_PROLOG = 64 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEAD_SIZE = 64 * 1024
#: a zip up to this size is read into memory at once (a plan of 300 tasks is some 100 KB): its
#: parts are then read without a seek and a read of the disk each; the roll-up's file_kind
#: looks through such a zip's bytes whole
IN_MEMORY_SIZE = 4 * MiB

# (Vietnamese, English) names of what a file is, for the not-a-workbook message.
KINDS: dict[str, tuple[str, str]] = {
    "csv": (
        "văn bản CSV, các cột cách nhau bằng dấu phẩy hoặc chấm phẩy",
        "CSV text, columns separated by commas or semicolons",
    ),
    "tsv": ("văn bản phân tách bằng dấu tab", "tab-separated text"),
    "html": ("một trang web HTML", "an HTML web page"),
    "mhtml": ("một trang web lưu thành một tệp MHTML", "a single-file MHTML web page"),
    "xml2003": ("bảng tính XML 2003", "an XML Spreadsheet 2003 file"),
    "xml": ("dữ liệu XML", "XML data"),
    "text": ("văn bản thuần", "plain text"),
    "pdf": ("tài liệu PDF", "a PDF document"),
    "docx": ("tài liệu Word", "a Word document"),
    "pptx": ("bản trình chiếu PowerPoint", "a PowerPoint presentation"),
    "doc": ("tài liệu Word cũ .doc", "an old .doc Word document"),
    "ppt": ("bản trình chiếu PowerPoint cũ .ppt", "an old .ppt PowerPoint presentation"),
    "ole": ("tệp Office không chứa sổ tính", "an Office compound file without a workbook"),
    "odt": ("văn bản OpenDocument .odt", "an OpenDocument .odt text"),
    "odf": ("tài liệu OpenDocument không phải bảng tính", "an OpenDocument file, not a spreadsheet"),
    "zip": ("một tệp nén zip", "a zip archive"),
    "rar": ("một tệp nén RAR", "a RAR archive"),
    "7z": ("một tệp nén 7z", "a 7z archive"),
    "gzip": ("một tệp nén gzip", "a gzip archive"),
    "image": ("hình ảnh", "an image"),
    "binary": ("dữ liệu nhị phân không rõ định dạng", "binary data of an unknown format"),
}

_ODS_MIMETYPES = (
    b"application/vnd.oasis.opendocument.spreadsheet",
    b"application/vnd.oasis.opendocument.spreadsheet-template",
)
_XLSX_CONTENT_TYPES = (
    b"spreadsheetml.sheet.main+xml",
    b"spreadsheetml.template.main+xml",
    b"ms-excel.sheet.macroenabled.main+xml",
    b"ms-excel.template.macroenabled.main+xml",
)


# --------------------------------------------------------------------------------------------
# errors


def _fail(code: str, path: Path, **args: Any) -> NoReturn:
    raise WorkbookFileError(code, str(path), **args)


def _not_a_workbook(path: Path, what: str) -> NoReturn:
    vi, en = KINDS[what]
    _fail("not-a-workbook", path, kind=vi, kind_en=en, content=what)


def _os_error(path: Path, exc: OSError) -> NoReturn:
    if isinstance(exc, FileNotFoundError):
        _fail("file-missing", path)
    if isinstance(exc, PermissionError):
        _fail("file-locked", path, detail=exc.strerror or type(exc).__name__)
    _fail("file-unreadable", path, detail=exc.strerror or str(exc) or type(exc).__name__)


def _open_binary(path: Path) -> IO[bytes]:
    """Open for reading (kept apart so tests can stand in for Excel holding a lock)."""
    return open(path, "rb")


def _mb(size: int) -> int:
    return max(1, round(size / MiB))


# --------------------------------------------------------------------------------------------
# the lock file Excel leaves beside an open workbook


def lock_files(path: Path) -> list[Path]:
    """The owner files that show ``path`` is open: Excel's ``~$name``, LibreOffice's
    ``.~lock.name#``. Never raises."""
    path = Path(path)
    name = path.name
    candidates = [f"~${name}", f".~lock.{name}#"]
    if len(name) > 2:
        candidates.append(f"~${name[2:]}")  # Word-style owner file for long names
    found: list[Path] = []
    for candidate in candidates:
        lock = path.with_name(candidate)
        try:
            if lock.is_file():
                found.append(lock)
        except (OSError, ValueError):
            continue
    return found


def excel_lock_present(path: Path) -> bool:
    """True when an Excel (or LibreOffice) owner file beside ``path`` says it is open.

    Not an error: the file is only read, so the caller should warn that unsaved edits in the
    open window are not in what is checked.
    """
    return bool(lock_files(path))


# --------------------------------------------------------------------------------------------
# sniff


def sniff(path: Path) -> str:
    """The kind of workbook ``path`` holds: ``"xlsx"`` (any OOXML spreadsheet: .xlsx, .xlsm,
    .xltx, .xltm), ``"xls"`` (BIFF in an OLE file) or ``"ods"``.

    Raises :class:`WorkbookFileError` for anything else, with the code file-missing,
    file-unreadable, file-locked, file-empty, file-corrupt, file-encrypted, file-too-large,
    file-too-many-parts, file-unsafe-xml, not-a-workbook (args ``kind``/``kind_en``/``content``)
    or unsupported-format.
    """
    with sniffed(path) as (kind, _):
        return kind


class Package(NamedTuple):
    """An .xlsx that :func:`sniffed` found safe to open, still open: its zip, and the first bytes
    :func:`check_zip` read of the parts it was asked to keep (the whole part when that short)."""

    zf: zipfile.ZipFile
    heads: dict[zipfile.ZipInfo, bytes]

    def read(self, name: str) -> bytes:
        """What ``zf.read(name)`` gives, without expanding the part again when its head is the
        whole of it."""
        info = self.zf.getinfo(name)
        head = self.heads.get(info)
        if head is not None and len(head) == info.file_size:  # read to its end: CRC checked
            return head
        return self.zf.read(info)


@contextlib.contextmanager
def sniffed(path: Path, keep: Collection[str] = ()) -> Iterator[tuple[str, Package | None]]:
    """:func:`sniff`, and an .xlsx kept open while the block runs (for the reader's scan of its
    parts, which then neither opens the zip again nor expands again the parts in ``keep``
    that :func:`check_zip` read whole); ``None`` for any other kind."""
    with contextlib.ExitStack() as stack:
        kind, package = _sniff(Path(path), stack, keep)
        yield kind, package


def _sniff(path: Path, stack: contextlib.ExitStack, keep: Collection[str]
           ) -> tuple[str, Package | None]:
    from cchc_sheets.read.paths import inspect_input

    try:
        size = inspect_input(path, WorkbookFileError).st_size
        if size == 0:
            _fail("file-empty", path)
        f = stack.enter_context(_open_binary(path))
        head = f.read(HEAD_SIZE)
        if not head:
            _fail("file-empty", path)
        if head.startswith(OLE_MAGIC):
            return _sniff_ole(path, f, size), None
        if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
            if size <= IN_MEMORY_SIZE:
                f = io.BytesIO(head + f.read(IN_MEMORY_SIZE + 1 - len(head)))
            return _sniff_zip(path, f, stack, keep)
    except WorkbookFileError:
        raise
    except OSError as exc:
        _os_error(path, exc)
    except ValueError as exc:  # a NUL in the name, a path too long for the platform
        _fail("file-unreadable", path, detail=str(exc))
    except (struct.error, zlib.error, zipfile.BadZipFile, EOFError, IndexError) as exc:
        # Each reader above catches its own; this only keeps the promise of one exception type.
        _fail("file-corrupt", path, detail=f"{type(exc).__name__}: {exc}")
    _sniff_other(path, head)


# --------------------------------------------------------------------------------------------
# zip: xlsx, ods, or something else


def _declared_members(f: IO[bytes]) -> int | None:
    """The member count in the end-of-central-directory record, read before zipfile parses
    the whole directory; None when there is no plain (non-zip64) record to read."""
    f.seek(0, 2)
    size = f.tell()
    f.seek(max(0, size - 22 - 65535))
    tail = f.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return None
    (count,) = struct.unpack_from("<H", tail, at + 10)
    return None if count == 0xFFFF else int(count)


def _sniff_zip(path: Path, f: IO[bytes], stack: contextlib.ExitStack, keep: Collection[str]
               ) -> tuple[str, Package | None]:
    count = _declared_members(f)
    if count is not None and count > MAX_MEMBERS:
        _fail("file-too-many-parts", path, count=count, limit=MAX_MEMBERS)
    try:
        zf = zipfile.ZipFile(f)
    except zipfile.BadZipFile as exc:
        _fail("file-corrupt", path, detail=_zip_detail(exc))
    except (EOFError, ValueError, struct.error, NotImplementedError) as exc:
        _fail("file-corrupt", path, detail=f"zip: {exc}")
    except OSError as exc:
        _bad_offset(path, "zip", exc)
    stack.enter_context(zf)
    heads = _check_zip(path, zf, keep)
    names = set(zf.namelist())
    if "mimetype" in names:
        mimetype = _read_member(path, zf, "mimetype", 200).strip()
        if mimetype in _ODS_MIMETYPES:
            return "ods", None
        if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
            _not_a_workbook(path, "odt")
        if mimetype.startswith(b"application/vnd.oasis.opendocument."):
            _not_a_workbook(path, "odf")
    if "xl/workbook.xml" in names:
        return "xlsx", Package(zf, heads)
    if "xl/workbook.bin" in names:
        _fail("unsupported-format", path, format="xlsb")
    if "[Content_Types].xml" in names:
        types = _read_member(path, zf, "[Content_Types].xml", 256 * 1024).lower()
        if any(t in types for t in _XLSX_CONTENT_TYPES):
            return "xlsx", Package(zf, heads)
        if b"sheet.binary.macroenabled" in types:
            _fail("unsupported-format", path, format="xlsb")
        if b"wordprocessingml" in types:
            _not_a_workbook(path, "docx")
        if b"presentationml" in types:
            _not_a_workbook(path, "pptx")
    if "word/document.xml" in names:
        _not_a_workbook(path, "docx")
    if "ppt/presentation.xml" in names:
        _not_a_workbook(path, "pptx")
    _not_a_workbook(path, "zip")


def _zip_detail(exc: Exception) -> str:
    text = str(exc)
    if "not a zip file" in text:
        return "zip: end of archive missing, the file is cut short"
    return f"zip: {text}"


def _bad_offset(path: Path, where: str, exc: OSError) -> NoReturn:
    """A seek to a negative offset read from a damaged directory fails with EINVAL: that is
    damage, not a disk error. Any other OSError goes on up to :func:`sniff`."""
    if exc.errno == errno.EINVAL:
        _fail("file-corrupt", path, detail=f"{where}: offset out of range")
    raise exc


def _read_member(path: Path, zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
    try:
        with zf.open(name) as member:
            return member.read(limit)
    except zipfile.BadZipFile as exc:
        _fail("file-corrupt", path, detail=f"zip: {name}: {exc}")
    except (zlib.error, EOFError, ValueError, NotImplementedError) as exc:
        _fail("file-corrupt", path, detail=f"zip: {name}: {exc}")
    except RuntimeError:  # "File … is encrypted, password required"
        _fail("file-encrypted", path)
    except OSError as exc:
        _bad_offset(path, f"zip: {name}", exc)


def check_zip(path: Path, zf: zipfile.ZipFile) -> None:
    """Refuse a zip bomb (by the sizes its central directory declares, before anything is
    expanded) and XML parts that declare a DTD or entities.

    Limits: at most :data:`MAX_MEMBERS` parts; at most :data:`MAX_TOTAL_SIZE` expanded in all
    and :data:`MAX_MEMBER_SIZE` per part; a part over :data:`RATIO_MIN_SIZE` may not expand
    more than :data:`MAX_RATIO` times. Each part that starts like XML has its prolog read
    (normally the first 4 KB) and must not hold ``<!DOCTYPE`` or ``<!ENTITY``; an OpenDocument
    file may keep the public DTD reference old OpenOffice versions wrote, without an
    internal subset. A password-protected OpenDocument file is refused as encrypted.
    """
    _check_zip(Path(path), zf, ())


def _check_zip(path: Path, zf: zipfile.ZipFile, keep: Collection[str]) -> dict[zipfile.ZipInfo, bytes]:
    """:func:`check_zip`, giving the bytes it read of each part named in ``keep``."""
    heads: dict[zipfile.ZipInfo, bytes] = {}
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        _fail("file-too-many-parts", path, count=len(infos), limit=MAX_MEMBERS)
    total = 0
    for info in infos:
        if info.file_size > MAX_MEMBER_SIZE:
            _fail("file-too-large", path, size=_mb(info.file_size), limit=_mb(MAX_MEMBER_SIZE),
                  part=info.filename)
        if (
            info.file_size > RATIO_MIN_SIZE
            and info.file_size > MAX_RATIO * max(info.compress_size, 1)
        ):
            _fail("file-too-large", path, size=_mb(info.file_size), limit=_mb(RATIO_MIN_SIZE),
                  part=info.filename)
        total += info.file_size
        if total > MAX_TOTAL_SIZE:
            total = sum(i.file_size for i in infos)
            _fail("file-too-large", path, size=_mb(total), limit=_mb(MAX_TOTAL_SIZE))
        if info.flag_bits & 0x1:
            _fail("file-encrypted", path)

    names = {info.filename for info in infos}
    odf = "mimetype" in names
    if odf and "META-INF/manifest.xml" in names:
        manifest = _read_member(path, zf, "META-INF/manifest.xml", 1024 * 1024)
        if b"encryption-data" in manifest:
            _fail("file-encrypted", path)

    for info in infos:
        if info.is_dir() or info.file_size == 0:
            continue
        head = _check_xml_part(path, zf, info, odf)
        if info.filename in keep:
            heads[info] = head
    return heads


def _check_xml_part(path: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, odf: bool) -> bytes:
    """The first bytes of the part (4 KB, or its prolog), after checking its prolog."""
    try:
        with zf.open(info) as member:
            chunk = member.read(4096)
            if not _looks_like_xml(chunk):
                return chunk
            verdict = _scan_prolog(chunk)
            while verdict is None and len(chunk) < MAX_PROLOG:
                more = member.read(4096)
                if not more:
                    break
                chunk += more
                verdict = _scan_prolog(chunk)
    except zipfile.BadZipFile as exc:
        _fail("file-corrupt", path, detail=f"zip: {info.filename}: {exc}")
    except (zlib.error, EOFError, ValueError, NotImplementedError) as exc:
        _fail("file-corrupt", path, detail=f"zip: {info.filename}: {exc}")
    except RuntimeError:
        _fail("file-encrypted", path)
    except OSError as exc:
        _bad_offset(path, f"zip: {info.filename}", exc)
    if verdict is None:
        if len(chunk) >= MAX_PROLOG:  # a prolog this long is padding in front of something
            _fail("file-unsafe-xml", path, part=info.filename)
        return chunk
    if verdict == "entity" or (verdict == "subset") or (verdict == "doctype" and not odf):
        _fail("file-unsafe-xml", path, part=info.filename)
    return chunk


def _looks_like_xml(chunk: bytes) -> bool:
    if chunk.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return True
    stripped = chunk.lstrip(b" \t\r\n")
    return stripped.startswith(b"<") or stripped[:2] in (b"<\x00", b"\x00<")


def _decode_prolog(chunk: bytes) -> str:
    if chunk.startswith(b"\xef\xbb\xbf"):
        chunk = chunk[3:]
    elif chunk.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in chunk[:4]:
        if chunk.startswith(b"\xff\xfe") or chunk[1:2] == b"\x00":
            encoding = "utf-16-le"
        else:
            encoding = "utf-16-be"
        if chunk.startswith((b"\xff\xfe", b"\xfe\xff")):
            chunk = chunk[2:]
        return chunk[: len(chunk) // 2 * 2].decode(encoding, errors="replace")
    # The markup that matters is ASCII, the same in UTF-8 and every other ASCII superset.
    return chunk.decode("latin-1")


def _scan_prolog(chunk: bytes) -> str | None:
    """Walk an XML prolog: "ok" at the root element, "entity" / "subset" / "doctype" for a
    declaration found before it, None when the chunk ends first."""
    text = _decode_prolog(chunk)
    i = 0
    n = len(text)
    while True:
        while i < n and text[i] in " \t\r\n":
            i += 1
        if i >= n:
            return None
        if text[i] != "<":
            return "ok"  # not well-formed XML; the reader will say so
        if text.startswith("<?", i):
            end = text.find("?>", i + 2)
            if end < 0:
                return None
            i = end + 2
        elif text.startswith("<!--", i):
            end = text.find("-->", i + 4)
            if end < 0:
                return None
            i = end + 3
        elif text.startswith("<!", i):
            if n - i < 10:
                return None
            word = text[i + 2 : i + 9].upper()
            if word != "DOCTYPE":
                return "entity"  # <!ENTITY, or any other declaration out of place
            return _scan_doctype(text, i + 9)
        else:
            return "ok"


def _scan_doctype(text: str, i: int) -> str | None:
    """After ``<!DOCTYPE``: "subset" when an internal subset (``[``) opens, "doctype" when it
    closes without one, None when the text ends first. Quoted literals are skipped."""
    quote = ""
    for ch in text[i:]:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch == "[":
            return "subset"
        elif ch == ">":
            return "doctype"
    return None


# --------------------------------------------------------------------------------------------
# OLE compound file: .xls, or an encrypted OOXML package


_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE
_MAX_SECTOR = 0xFFFFFFFA


class _Cfb:
    """Just enough of [MS-CFB] to list the directory and read the start of a stream."""

    def __init__(self, path: Path, f: IO[bytes], size: int) -> None:
        self.path = path
        self.f = f
        self.size = size
        header = self._read_at(0, 512)
        if len(header) < 512:
            self.corrupt("header cut short")
        (self.major,) = struct.unpack_from("<H", header, 0x1A)
        (shift,) = struct.unpack_from("<H", header, 0x1E)
        (mini_shift,) = struct.unpack_from("<H", header, 0x20)
        if header[0x1C:0x1E] != b"\xfe\xff" or shift not in (9, 12) or mini_shift != 6:
            self.corrupt("bad header")
        self.sector_size = 1 << shift
        (n_fat, self.first_dir) = struct.unpack_from("<II", header, 0x2C)
        (self.mini_cutoff,) = struct.unpack_from("<I", header, 0x38)
        (first_difat, n_difat) = struct.unpack_from("<II", header, 0x44)
        self.n_sectors = max(0, (size - self.sector_size) // self.sector_size + 1)

        fat_sectors = [s for s in struct.unpack_from("<109I", header, 0x4C) if s <= _MAX_SECTOR]
        per = self.sector_size // 4
        sector, seen = first_difat, 0
        while sector <= _MAX_SECTOR and seen < n_difat:
            values = struct.unpack(f"<{per}I", self._sector(sector))
            fat_sectors.extend(s for s in values[:-1] if s <= _MAX_SECTOR)
            sector, seen = values[-1], seen + 1
            if len(fat_sectors) > self.n_sectors:
                break
        if n_fat:
            fat_sectors = fat_sectors[:n_fat]
        if not fat_sectors:
            self.corrupt("no allocation table")
        if len(fat_sectors) > self.n_sectors:  # a crafted loop, not a real file
            self.corrupt("allocation table larger than the file")
        fat: list[int] = []
        for s in fat_sectors:
            fat.extend(struct.unpack(f"<{per}I", self._sector(s)))
        self.fat = fat

    def corrupt(self, why: str) -> NoReturn:
        _fail("file-corrupt", self.path, detail=f"OLE: {why}")

    def _read_at(self, offset: int, length: int) -> bytes:
        self.f.seek(offset)
        return self.f.read(length)

    def _sector(self, sector: int) -> bytes:
        data = self._read_at((sector + 1) * self.sector_size, self.sector_size)
        if len(data) < self.sector_size:
            self.corrupt(f"sector {sector} past the end of the file")
        return data

    def chain(self, start: int) -> Iterator[int]:
        sector, steps = start, 0
        while sector != _END:
            if sector > _MAX_SECTOR or sector >= len(self.fat) or steps > len(self.fat):
                self.corrupt("broken sector chain")
            yield sector
            sector, steps = self.fat[sector], steps + 1

    def entries(self) -> list[tuple[str, int, int, int]]:
        """(name, type, start sector, size) of every used directory entry."""
        out: list[tuple[str, int, int, int]] = []
        for sector in self.chain(self.first_dir):
            data = self._sector(sector)
            for off in range(0, self.sector_size, 128):
                entry = data[off : off + 128]
                (name_len,) = struct.unpack_from("<H", entry, 0x40)
                kind = entry[0x42]
                if kind not in (1, 2, 5) or not 2 <= name_len <= 64:
                    continue
                name = entry[: name_len - 2].decode("utf-16-le", errors="replace")
                (start,) = struct.unpack_from("<I", entry, 0x74)
                (size,) = struct.unpack_from("<Q", entry, 0x78)
                if self.major == 3:
                    size &= 0xFFFFFFFF
                out.append((name, kind, start, size))
        if not out:
            self.corrupt("empty directory")
        return out

    def stream_head(self, start: int, size: int, root_start: int) -> bytes:
        """The first bytes (up to one sector or one mini sector) of a stream."""
        if size == 0 or start > _MAX_SECTOR:
            return b""
        if size >= self.mini_cutoff:
            return self._sector(start)[:size]
        # In the mini stream, kept in the root entry's chain, in 64-byte mini sectors.
        offset = start * 64
        index = offset // self.sector_size
        for i, sector in enumerate(self.chain(root_start)):
            if i == index:
                inner = offset % self.sector_size
                return self._sector(sector)[inner : inner + min(size, 64)]
        self.corrupt("mini stream too short")


def workbook_stream(path: Path, data: bytes | None = None) -> bytes | None:
    """The whole ``Workbook`` (BIFF) stream of an .xls file (or of its bytes ``data``), or None
    when it cannot be read. Raises nothing of its own but OSError."""
    with (io.BytesIO(data) if data is not None else _open_binary(path)) as f:
        f.seek(0, 2)
        size = f.tell()
        try:
            cfb = _Cfb(path, f, size)
            entries = cfb.entries()
            for stream in ("Workbook", "Book"):
                found = next((e for e in entries if e[0] == stream and e[1] == 2), None)
                if found is None:
                    continue
                _, _, start, length = found
                if length > size:
                    return None
                if length >= cfb.mini_cutoff:
                    return b"".join(cfb._sector(s) for s in cfb.chain(start))[:length]
                return _mini_stream(cfb, entries, start, length)
        except (WorkbookFileError, struct.error):
            return None
    return None


def workbook_sectors(path: Path) -> tuple[bytes, bytes, list[tuple[int, int]]] | None:
    """The file's bytes, its ``Workbook`` stream and where the stream's pieces lie in the file
    (offset, length): for rewriting the stream in place. None for a stream kept in the mini
    stream, or a file this cannot read."""
    try:
        data = path.read_bytes()
        f = io.BytesIO(data)
        cfb = _Cfb(path, f, len(data))
        entries = cfb.entries()
        found = next((e for e in entries if e[0] in ("Workbook", "Book") and e[1] == 2), None)
        if found is None or found[3] < cfb.mini_cutoff or found[3] > len(data):
            return None
        left = found[3]
        places: list[tuple[int, int]] = []
        for sector in cfb.chain(found[2]):
            if left <= 0:
                break
            length = min(cfb.sector_size, left)
            offset = (sector + 1) * cfb.sector_size
            if offset + length > len(data):
                return None
            places.append((offset, length))
            left -= length
        stream = b"".join(data[offset:offset + length] for offset, length in places)
        return data, stream, places
    except (OSError, WorkbookFileError, struct.error):
        return None


def _mini_stream(cfb: _Cfb, entries: list[tuple[str, int, int, int]], start: int,
                 length: int) -> bytes | None:
    """A stream kept in 64-byte mini sectors (a workbook under 4 KB)."""
    root_start = next((s for _, kind, s, _ in entries if kind == 5), _END)
    header = cfb._read_at(0, 512)
    (first_mini_fat,) = struct.unpack_from("<I", header, 0x3C)
    per = cfb.sector_size // 4
    mini_fat: list[int] = []
    for sector in cfb.chain(first_mini_fat):
        mini_fat.extend(struct.unpack(f"<{per}I", cfb._sector(sector)))
    container = b"".join(cfb._sector(s) for s in cfb.chain(root_start))
    out: list[bytes] = []
    sector, steps = start, 0
    while sector != _END and steps <= len(mini_fat):
        if sector >= len(mini_fat) or (sector + 1) * 64 > len(container):
            return None
        out.append(container[sector * 64:(sector + 1) * 64])
        sector, steps = mini_fat[sector], steps + 1
    return b"".join(out)[:length]


def _sniff_ole(path: Path, f: IO[bytes], size: int) -> str:
    try:
        cfb = _Cfb(path, f, size)
        entries = cfb.entries()
    except struct.error:
        _fail("file-corrupt", path, detail=Words("cấu trúc OLE bị cắt cụt", "OLE: structure cut short"))
    names = {name for name, _, _, _ in entries}
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        _fail("file-encrypted", path)
    root_start = next((start for _, kind, start, _ in entries if kind == 5), _END)
    for stream in ("Workbook", "Book"):
        found = next((e for e in entries if e[0] == stream and e[1] == 2), None)
        if found is None:
            continue
        head = cfb.stream_head(found[2], found[3], root_start)
        if _biff_has_filepass(head):
            from cchc_sheets.read.xlsprotect import open_protected

            if open_protected(path) is None:  # a structure lock uses a known password
                _fail("file-encrypted", path)
        return "xls"
    if "WordDocument" in names:
        _not_a_workbook(path, "doc")
    if "PowerPoint Document" in names:
        _not_a_workbook(path, "ppt")
    _not_a_workbook(path, "ole")


def _biff_has_filepass(head: bytes) -> bool:
    """In BIFF5/8 a FILEPASS record (0x002F) directly after the first BOF means the workbook
    is encrypted ("Password to open")."""
    if len(head) < 8:
        return False
    record, length = struct.unpack_from("<HH", head, 0)
    if record not in (0x0809, 0x0409, 0x0209, 0x0009):
        return False
    nxt = 4 + length
    if len(head) < nxt + 2:
        return False
    (record,) = struct.unpack_from("<H", head, nxt)
    return bool(record == 0x002F)


# --------------------------------------------------------------------------------------------
# everything that is neither a zip nor an OLE file


def _sniff_other(path: Path, head: bytes) -> NoReturn:
    if head.startswith(b"%PDF"):
        _not_a_workbook(path, "pdf")
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")) or (
        head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    ):
        _not_a_workbook(path, "image")
    if head.startswith(b"Rar!\x1a\x07"):
        _not_a_workbook(path, "rar")
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        _not_a_workbook(path, "7z")
    if head.startswith(b"\x1f\x8b"):
        _not_a_workbook(path, "gzip")
    if head[:2] in (b"\x09\x00", b"\x09\x02", b"\x09\x04") and len(head) >= 4:
        _fail("unsupported-format", path, format="BIFF2-4")  # Excel 2.x-4.0, before OLE
    if not head.strip(b"\x00"):
        _fail("file-corrupt", path, detail=Words("chỉ toàn byte 0", "only zero bytes"))

    text = _decode_text(head)
    if text is None:
        _not_a_workbook(path, "binary")
    _not_a_workbook(path, _text_kind(text))


def _decode_text(head: bytes) -> str | None:
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:].decode("utf-8", errors="replace")
    if head.startswith(b"\xff\xfe"):
        return head[2 : 2 + (len(head) - 2) // 2 * 2].decode("utf-16-le", errors="replace")
    if head.startswith(b"\xfe\xff"):
        return head[2 : 2 + (len(head) - 2) // 2 * 2].decode("utf-16-be", errors="replace")
    if b"\x00" in head:
        return None
    controls = sum(1 for b in head[:4096] if b < 0x20 and b not in (9, 10, 12, 13, 0x1B))
    if controls > len(head[:4096]) // 100 + 1:
        return None
    return head.decode("utf-8", errors="replace")


def _text_kind(text: str) -> str:
    start = text.lstrip(" \t\r\n").lower()
    low = text.lower()
    if start.startswith("mime-version:") or (
        "content-type: multipart/related" in low[:2048]
    ):
        return "mhtml"
    if start.startswith("<?xml") or start.startswith("<workbook"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in low:
            return "xml2003"
        if "<html" in low:
            return "html"
        return "xml"
    if start.startswith("<") and any(
        tag in low for tag in ("<html", "<table", "<!doctype html", "<body", "<head", "<meta")
    ):
        return "html"
    if "<html" in low[:4096] or "<table" in low[:4096]:
        return "html"
    return _delimited_kind(text) or "text"


def _delimited_kind(text: str) -> str | None:
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    if len(lines) > 1 and len(text) >= HEAD_SIZE // 2:
        lines = lines[:-1]  # the last line may be cut short
    if not lines:
        return None
    for delimiter, kind in (("\t", "tsv"), (";", "csv"), (",", "csv"), ("|", "csv")):
        counts = [line.count(delimiter) for line in lines]
        with_it = [c for c in counts if c]
        if not with_it:
            continue
        if len(lines) == 1:
            if counts[0] >= 2:
                return kind
            continue
        # Most lines split the same way: a table, not prose with the odd comma.
        common = max(set(with_it), key=with_it.count)
        if with_it.count(common) >= max(2, (len(lines) * 6) // 10):
            return kind
    return None
