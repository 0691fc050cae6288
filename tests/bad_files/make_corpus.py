"""Build the corpus of files that ``preflight.sniff`` must refuse, and the good fixtures.

Run once, by hand, and commit what it writes (the files are fixtures, not built by the tests):

    python -m venv /tmp/corpus-venv
    /tmp/corpus-venv/bin/pip install xlsxwriter msoffcrypto-tool
    /tmp/corpus-venv/bin/python tests/bad_files/make_corpus.py

Needs LibreOffice (``soffice``) for the .ods/.xls/.xlsm fixtures, and LibreOffice's Python
bridge (``python3-uno``, run with the system ``/usr/bin/python3``) for the files LibreOffice
saves with a password. ``msoffcrypto-tool`` encrypts encrypted.xlsx the way Excel does
(ECMA-376 agile encryption). Writes ``tests/bad_files/*`` with ``expected.json`` and
``tests/fixtures/plain.{xlsx,ods,xls,xlsm}``.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"
PASSWORD = "matkhau123"

ROWS = [
    ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành", "Trạng thái"],
    ["1", "Rà soát, công bố thủ tục hành chính", "Văn phòng - Thống kê", "Quý II/2025",
     "Đang thực hiện"],
    ["2", "Số hóa hồ sơ, kết quả giải quyết TTHC", "Tư pháp - Hộ tịch", "30/6/2025",
     "Hoàn thành"],
    ["3", "Khảo sát sự hài lòng của người dân (SIPAS)", "Văn hóa - Xã hội", "Tháng 9/2025",
     "Chưa thực hiện"],
]

# ---------------------------------------------------------------------------- good workbooks


def make_plain_xlsx(target: Path) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(target))
    ws = wb.add_worksheet("Phân công")
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            ws.write(r, c, value)
    ws.write(len(ROWS), 0, 4)
    ws.write(len(ROWS), 1, "Công khai kết quả giải quyết hồ sơ")
    wb.close()


def soffice_convert(source: Path, fmt: str, outdir: Path) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", fmt, "--outdir", str(outdir), str(source)],
            check=True, capture_output=True, timeout=180,
        )
    out = outdir / (source.stem + "." + fmt.split(":")[0])
    if not out.exists():
        raise SystemExit(f"soffice did not write {out}")
    return out


# ----------------------------------------------------------------- files saved with a password

UNO_SCRIPT = r"""
import sys, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p

pipe, password = sys.argv[1], sys.argv[2]
jobs = [sys.argv[i:i + 3] for i in range(3, len(sys.argv), 3)]
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext(
    "com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(120):
    try:
        ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.5)
else:
    sys.exit("cannot reach soffice")
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
try:
    for source, target, filter_name in jobs:
        doc = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
        if doc is None:
            sys.exit(f"LibreOffice cannot open {source}")
        doc.storeToURL(uno.systemPathToFileUrl(target),
                       (prop("FilterName", filter_name), prop("Password", password)))
        doc.close(True)
finally:
    try:
        desktop.terminate()
    except Exception:
        pass
"""


def libreoffice_with_password(jobs: list[tuple[Path, Path, str]]) -> None:
    """Save each (source, target, filter) with PASSWORD through LibreOffice's UNO bridge."""
    pipe = f"cchc_corpus_{os.getpid()}"
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "save_with_password.py"
        script.write_text(UNO_SCRIPT, encoding="utf-8")
        office = subprocess.Popen(
            ["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
             "--invisible", "--norestore", "--nologo", "--nodefault",
             f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        try:
            args = ["/usr/bin/python3", str(script), pipe, PASSWORD]
            for n, (source, target, filter_name) in enumerate(jobs):
                copy = Path(tmp) / f"source{n}{source.suffix}"  # no lock file beside the fixture
                shutil.copy(source, copy)
                args += [str(copy), str(target), filter_name]
            subprocess.run(args, check=True, timeout=300)
        finally:
            try:
                office.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(office.pid, signal.SIGKILL)  # soffice.bin is a grandchild
                office.wait()


def msoffcrypto_encrypt(source: Path, target: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    with source.open("rb") as f:
        out = io.BytesIO()
        OOXMLFile(f).encrypt(PASSWORD, out)
    target.write_bytes(out.getvalue())
    # Check that it really is Excel's encryption: it decrypts back to the workbook.
    import msoffcrypto

    with target.open("rb") as f:
        office = msoffcrypto.OfficeFile(f)
        office.load_key(password=PASSWORD)
        back = io.BytesIO()
        office.decrypt(back)
    assert back.getvalue() == source.read_bytes()


# ------------------------------------------------------------- a small OLE (CFB) file writer

END, FREE, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def cfb(streams: dict[str, bytes]) -> bytes:
    """A version-3 compound file (512-byte sectors) holding ``streams`` in its root storage;
    streams under 4096 bytes go to the mini stream, as Office puts them."""
    size = 512
    body: list[bytes] = []  # sectors 0.. in order
    fat: list[int] = []

    def put(data: bytes) -> int:
        if not data:
            return END
        start = len(body)
        count = (len(data) + size - 1) // size
        for k in range(count):
            body.append(data[k * size : (k + 1) * size].ljust(size, b"\0"))
            fat.append(start + k + 1 if k < count - 1 else END)
        return start

    mini = bytearray()
    minifat: list[int] = []
    placed: list[tuple[str, int, int]] = []
    for name, data in streams.items():
        if len(data) < 4096:
            start = len(mini) // 64
            count = max(1, (len(data) + 63) // 64)
            minifat += [start + k + 1 if k < count - 1 else END for k in range(count)]
            mini += data.ljust(count * 64, b"\0")
            placed.append((name, start, len(data)))
        else:
            placed.append((name, put(data), len(data)))
    mini_start = put(bytes(mini))
    minifat_bytes = b"".join(struct.pack("<I", v) for v in minifat)
    minifat_start = put(minifat_bytes)

    def entry(name: str, kind: int, start: int, length: int, child: int, right: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (
            encoded.ljust(64, b"\0")
            + struct.pack("<HBB", len(encoded), kind, 1)
            + struct.pack("<III", NOSTREAM, right, child)
            + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
            + struct.pack("<IQ", start, length)
        )

    order = sorted(range(len(placed)), key=lambda i: (len(placed[i][0]), placed[i][0].upper()))
    entries = [entry("Root Entry", 5, mini_start, len(mini), order[0] + 1 if order else NOSTREAM,
                     NOSTREAM)]
    rights = {order[k]: order[k + 1] + 1 for k in range(len(order) - 1)}
    for i, (name, start, length) in enumerate(placed):
        entries.append(entry(name, 2, start, length, NOSTREAM, rights.get(i, NOSTREAM)))
    while len(entries) % 4:
        entries.append(b"\0" * 64 + struct.pack("<HBB", 0, 0, 0) + struct.pack("<III", *[NOSTREAM] * 3)
                       + b"\0" * 48)
    dir_start = put(b"".join(entries))

    n_fat = 1
    while (len(body) + n_fat) > n_fat * (size // 4):
        n_fat += 1
    fat_first = len(body)
    fat += [FATSECT] * n_fat
    fat += [FREE] * (n_fat * (size // 4) - len(fat))
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat)
    for k in range(n_fat):
        body.append(fat_bytes[k * size : (k + 1) * size])
    assert n_fat <= 109
    difat = [fat_first + k for k in range(n_fat)] + [FREE] * (109 - n_fat)
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
        + struct.pack("<IIII", 0, n_fat, dir_start, 0)
        + struct.pack("<IIIII", 4096, minifat_start, (len(minifat_bytes) + size - 1) // size,
                      END, 0)
        + struct.pack("<109I", *difat)
    )
    assert len(header) == 512
    return header + b"".join(body)


def biff_record(kind: int, payload: bytes) -> bytes:
    return struct.pack("<HH", kind, len(payload)) + payload


# ---------------------------------------------------------------------------- zip surgery


def rewrite_zip(source: Path, target: Path, replace: dict[str, bytes]) -> None:
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info)))


def central_directory_offset(data: bytes) -> int:
    eocd = data.rindex(b"PK\x05\x06")
    (offset,) = struct.unpack_from("<I", data, eocd + 16)
    return offset


def declare_size(data: bytes, member: str, size: int) -> bytes:
    """Make the central directory claim ``size`` uncompressed bytes for ``member``."""
    out = bytearray(data)
    pos = central_directory_offset(data)
    while out[pos : pos + 4] == b"PK\x01\x02":
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", out, pos + 28)
        name = bytes(out[pos + 46 : pos + 46 + name_len]).decode()
        if name == member:
            struct.pack_into("<I", out, pos + 24, size)
            return bytes(out)
        pos += 46 + name_len + extra_len + comment_len
    raise SystemExit(f"{member} not in the central directory")


# ---------------------------------------------------------------------------- the bad files

CSV_TEXT = "\ufeff" + "\r\n".join(
    ",".join(f'"{v}"' if "," in v else v for v in row) for row in ROWS
) + "\r\n"

HTML_TEXT = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<meta name=Generator content="Microsoft Excel 15">
<link id=Main-File rel=Main-File href="../ke-hoach.htm">
<!--[if gte mso 9]><xml>
 <x:ExcelWorkbook>
  <x:ExcelWorksheets>
   <x:ExcelWorksheet>
    <x:Name>Phân công</x:Name>
   </x:ExcelWorksheet>
  </x:ExcelWorksheets>
 </x:ExcelWorkbook>
</xml><![endif]-->
</head>

<body link="#0563C1" vlink="#954F72">

<table border=0 cellpadding=0 cellspacing=0 width=640 style='border-collapse:
 collapse;table-layout:fixed;width:480pt'>
{rows}
</table>

</body>

</html>
"""

MHTML_TEXT = """MIME-Version: 1.0\r
X-Document-Type: Workbook\r
Content-Type: multipart/related; boundary="----=_NextPart_01DB0000.00000000"\r
\r
This document is a Single File Web Page, also known as a Web Archive file.\r
\r
------=_NextPart_01DB0000.00000000\r
Content-Location: file:///C:/ke-hoach.htm\r
Content-Transfer-Encoding: quoted-printable\r
Content-Type: text/html; charset="utf-8"\r
\r
<html xmlns:o=3D"urn:schemas-microsoft-com:office:office">\r
<body><table><tr><td>STT</td><td>Nhi=E1=BB=87m v=E1=BB=A5</td></tr></table></body></html>\r
------=_NextPart_01DB0000.00000000--\r
"""

XML2003_TEXT = """<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <Worksheet ss:Name="Phân công">
  <Table>
{rows}
  </Table>
 </Worksheet>
</Workbook>
"""

PLAIN_TEXT = (
    "KẾ HOẠCH NÂNG CAO CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025\n\n"
    "Ủy ban nhân dân xã xây dựng kế hoạch nâng cao Chỉ số cải cách hành chính năm 2025 "
    "với các nội dung chủ yếu sau đây.\n"
    "Giao Văn phòng - Thống kê chủ trì theo dõi, tổng hợp kết quả thực hiện.\n"
)


def pdf_bytes() -> bytes:
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length 0 >>\nstream\n\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'))
        z.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>'))
        z.writestr("word/document.xml", (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>Kế hoạch nâng cao Chỉ số CCHC năm 2025</w:t></w:r></w:p>"
            "</w:body></w:document>"))
    return buf.getvalue()


BILLION_LAUGHS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    "<!DOCTYPE workbook [\n"
    ' <!ENTITY lol "lol">\n'
    + "".join(
        f' <!ENTITY lol{k} "{("&lol" + (str(k - 1) if k > 1 else "") + ";") * 10}">\n'
        for k in range(1, 10)
    )
    + "]>\n"
)

XXE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<!DOCTYPE sst [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'
)


def build() -> dict[str, dict[str, str]]:
    FIXTURES.mkdir(exist_ok=True)
    for old in HERE.iterdir():
        if old.name not in ("make_corpus.py", "__pycache__"):
            old.unlink()
    expected: dict[str, dict[str, str]] = {}

    def bad(name: str, data: bytes, code: str, what: str, content: str | None = None) -> None:
        (HERE / name).write_bytes(data)
        expected[name] = {"code": code, "what": what}
        if content:
            expected[name]["content"] = content

    plain = FIXTURES / "plain.xlsx"
    make_plain_xlsx(plain)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for fmt, name in (("ods", "plain.ods"), ("xls", "plain.xls"),
                          ('xlsm:Calc MS Excel 2007 VBA XML', "plain.xlsm")):
            shutil.copy(soffice_convert(plain, fmt, out), FIXTURES / name)
    plain_bytes = plain.read_bytes()

    bad("empty.xlsx", b"", "file-empty", "0 bytes")
    bad("zeros.xlsx", b"\0" * 16384, "file-corrupt",
        "16 KB of zero bytes, as a failed copy to a USB stick leaves")
    bad("csv_renamed.xlsx", CSV_TEXT.encode("utf-8"), "not-a-workbook",
        "Excel's 'CSV UTF-8' (BOM, commas, quoted fields) renamed .xlsx", "csv")
    semicolons = "\r\n".join(";".join(row) for row in ROWS) + "\r\n"
    bad("csv_semicolon_renamed.xlsx", semicolons.encode("cp1258", errors="replace"),
        "not-a-workbook", "semicolon CSV in the Windows Vietnamese code page, renamed", "csv")
    rows = "\n".join(
        " <tr height=20 style='height:15.0pt'>\n"
        + "".join(f"  <td class=xl65>{v}</td>\n" for v in row) + " </tr>"
        for row in ROWS
    )
    bad("html_renamed.xlsx", HTML_TEXT.replace("{rows}", rows).encode("utf-8"),
        "not-a-workbook", "Excel 'Save as Web Page' HTML table renamed .xlsx", "html")
    bad("mhtml_renamed.xlsx", MHTML_TEXT.encode("ascii"), "not-a-workbook",
        "Excel 'Single File Web Page' (.mht) renamed .xlsx", "mhtml")
    xml_rows = "\n".join(
        "   <Row>" + "".join(f'<Cell><Data ss:Type="String">{v}</Data></Cell>' for v in row)
        + "</Row>" for row in ROWS
    )
    bad("xml2003_renamed.xlsx", XML2003_TEXT.replace("{rows}", xml_rows).encode("utf-8"),
        "not-a-workbook", "XML Spreadsheet 2003 renamed .xlsx", "xml2003")
    bad("pdf_renamed.xlsx", pdf_bytes(), "not-a-workbook", "a one-page PDF renamed .xlsx", "pdf")
    bad("text_renamed.xlsx", PLAIN_TEXT.encode("utf-8"), "not-a-workbook",
        "Vietnamese plain text renamed .xlsx", "text")
    bad("truncated.xlsx", plain_bytes[: len(plain_bytes) // 2], "file-corrupt",
        "a real xlsx cut in half, as an interrupted download leaves it")
    damaged = bytearray(plain_bytes)
    cd = central_directory_offset(plain_bytes)
    damaged[cd : cd + 4] = b"\x13\x37\xbe\xef"
    bad("bitflip.xlsx", bytes(damaged), "file-corrupt",
        "a real xlsx whose central directory's first record is overwritten")
    bad("docx_renamed.xlsx", docx_bytes(), "not-a-workbook",
        "a Word document (word/document.xml) renamed .xlsx", "docx")
    plain_zip = io.BytesIO()
    with zipfile.ZipFile(plain_zip, "w") as z:
        z.writestr("ke-hoach/ghi-chu.txt", PLAIN_TEXT)
    bad("zip_renamed.xlsx", plain_zip.getvalue(), "not-a-workbook",
        "an ordinary zip archive renamed .xlsx", "zip")
    word = struct.pack("<H", 0xA5EC) + b"\0" * 4094
    bad("doc_renamed.xlsx", cfb({"WordDocument": word, "1Table": b"\0" * 512}),
        "not-a-workbook", "an OLE compound file with a WordDocument stream (old .doc)", "doc")

    # Password-protected files.
    with tempfile.TemporaryDirectory() as tmp:
        msoffcrypto_encrypt(plain, Path(tmp) / "enc.xlsx")
        bad("encrypted.xlsx", (Path(tmp) / "enc.xlsx").read_bytes(), "file-encrypted",
            "plain.xlsx encrypted by msoffcrypto-tool with ECMA-376 agile encryption "
            f"(password {PASSWORD}), as Excel's File > Info > Encrypt with Password does")
        # LibreOffice 7.4 ignores a password when it saves .xlsx, so only .xls and .ods here.
        jobs = [
            (plain, Path(tmp) / "lo.xls", "MS Excel 97"),
            (plain, Path(tmp) / "lo.ods", "calc8"),
        ]
        libreoffice_with_password(jobs)
        bad("encrypted.xls", (Path(tmp) / "lo.xls").read_bytes(), "file-encrypted",
            f"plain.xlsx saved as .xls by LibreOffice with the password {PASSWORD} (FILEPASS)")
        bad("encrypted.ods", (Path(tmp) / "lo.ods").read_bytes(), "file-encrypted",
            f"plain.xlsx saved as .ods by LibreOffice with the password {PASSWORD}")
    bof = biff_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 6))
    filepass = biff_record(0x002F, struct.pack("<HHH", 1, 1, 1) + b"\0" * 48)
    small = bof + filepass + biff_record(0x000A, b"")
    bad("encrypted_small.xls", cfb({"Workbook": small}), "file-encrypted",
        "an OLE file whose small Workbook stream (in the mini stream) starts BOF, FILEPASS")

    # Zip bombs.
    with tempfile.TemporaryDirectory() as tmp:
        bomb = Path(tmp) / "bomb.xlsx"
        with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(
            bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9
        ) as zout:
            for info in zin.infolist():
                if info.filename != "xl/worksheets/sheet1.xml":
                    zout.writestr(info.filename, zin.read(info))
                    continue
                sheet = zin.read(info)
                cut = sheet.index(b"<sheetData>") + len(b"<sheetData>")
                with zout.open("xl/worksheets/sheet1.xml", "w") as member:
                    member.write(sheet[:cut])
                    chunk = b" " * (1024 * 1024)
                    for _ in range(600):
                        member.write(chunk)
                    member.write(sheet[cut:])
        bad("zipbomb.xlsx", bomb.read_bytes(), "file-too-large",
            "a valid xlsx whose sheet1.xml is padded with 600 MiB of spaces (deflated ~1000:1)")
    bad("zipbomb_declared.xlsx",
        declare_size(plain_bytes, "xl/worksheets/sheet1.xml", 2 * 1024**3), "file-too-large",
        "plain.xlsx whose central directory claims sheet1.xml expands to 2 GiB")

    # XML entity attacks.
    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(plain) as z:
            workbook = z.read("xl/workbook.xml").decode("utf-8")
            shared = z.read("xl/sharedStrings.xml").decode("utf-8")
        body = workbook[workbook.index("<workbook"):]
        body = body.replace('name="Phân công"', 'name="&lol9;"')
        rewrite_zip(plain, Path(tmp) / "lol.xlsx",
                    {"xl/workbook.xml": (BILLION_LAUGHS + body).encode("utf-8")})
        bad("entities.xlsx", (Path(tmp) / "lol.xlsx").read_bytes(), "file-unsafe-xml",
            "xl/workbook.xml starts with a billion-laughs DOCTYPE")
        body = shared[shared.index("<sst"):].replace("<t>STT</t>", "<t>&xxe;</t>")
        rewrite_zip(plain, Path(tmp) / "xxe.xlsx",
                    {"xl/sharedStrings.xml": (XXE + body).encode("utf-8")})
        bad("xxe.xlsx", (Path(tmp) / "xxe.xlsx").read_bytes(), "file-unsafe-xml",
            "xl/sharedStrings.xml declares an external entity (file:///etc/passwd)")

    (HERE / "expected.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return expected


if __name__ == "__main__":
    written = build()
    for name, info in written.items():
        size = (HERE / name).stat().st_size
        print(f"{name:32} {size:>9}  {info['code']}")
    sys.exit(0)
