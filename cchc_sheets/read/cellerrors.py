"""Error cells (#N/A, #REF!, #DIV/0!…) of .xls and .ods workbooks.

python-calamine gives an error cell as an empty value; the .xlsx reader finds them in the sheet
XML (:mod:`cchc_sheets.read.sources`). This module finds them in the other two formats, so that a
task whose text is ``#N/A`` is a problem naming its cell in every format:

* .xls: FORMULA records whose cached result is an error and BOOLERR records holding an error,
  in each sheet's part of the BIFF8 ``Workbook`` stream;
* .ods: ``table:table-cell`` elements with ``calcext:value-type="error"`` in ``content.xml``,
  placed by counting rows and cells (with their ``number-…-repeated`` attributes).

Both are looked for only when the file may hold one, and never raise: a file too damaged to
scan has no error cells found here (calamine says what is wrong with it).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

from cchc_sheets.lazyre import lazy
from cchc_sheets.read.odsxml import ods_cells

__all__ = ["cell_errors"]

Errors = dict[str, dict[tuple[int, int], str]]  # sheet name → (row, col) → "#N/A"

_BIFF_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!",
                0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A", 0x2B: "#GETTING_DATA"}


def cell_errors(path: Path, kind: str, data: bytes | None = None) -> Errors:
    """The error cells of each sheet of an .xls or .ods file (empty for anything else); ``data``
    is the .xls file's content when it differs from the file (decrypted)."""
    try:
        if kind == "xls":
            return _xls_errors(path, data)
        if kind == "ods":
            return _ods_errors(path)
    except (OSError, ValueError, KeyError, IndexError, struct.error, zipfile.BadZipFile,
            zlib.error, EOFError, RuntimeError, NotImplementedError):
        return {}
    return {}


# --- .xls ----------------------------------------------------------------------------------


def _xls_errors(path: Path, content: bytes | None) -> Errors:
    from cchc_sheets.read.preflight import workbook_stream

    data = workbook_stream(path, content)
    if data is None:
        return {}
    sheets: list[tuple[str, int]] = []
    pos, end = 0, len(data)
    biff8 = False
    while pos + 4 <= end:
        record, length = struct.unpack_from("<HH", data, pos)
        body = pos + 4
        if record == 0x0809 and pos == 0:
            biff8 = length >= 2 and struct.unpack_from("<H", data, body)[0] == 0x0600
        elif record == 0x0085 and biff8 and length >= 8:  # BOUNDSHEET8
            (offset,) = struct.unpack_from("<I", data, body)
            count, high = data[body + 6], data[body + 7] & 1
            raw = data[body + 8: body + 8 + count * (2 if high else 1)]
            name = raw.decode("utf-16-le" if high else "latin-1", "replace")
            if data[body + 5] == 0:  # a worksheet
                sheets.append((name, offset))
        elif record == 0x000A:  # EOF of the globals
            break
        pos = body + length
    out: Errors = {}
    for name, offset in sheets:
        found = _xls_sheet_errors(data, offset)
        if found:
            out[name] = found
    return out


def _xls_sheet_errors(data: bytes, pos: int) -> dict[tuple[int, int], str]:
    found: dict[tuple[int, int], str] = {}
    end = len(data)
    first = True
    while pos + 4 <= end:
        record, length = struct.unpack_from("<HH", data, pos)
        body = pos + 4
        if first and record != 0x0809:
            return found
        first = False
        if record == 0x0006 and length >= 14:  # FORMULA
            if data[body + 6] == 0x02 and data[body + 12: body + 14] == b"\xff\xff":
                row, col = struct.unpack_from("<HH", data, body)
                found[(row, col)] = _BIFF_ERRORS.get(data[body + 8], "#ERROR")
        elif record == 0x0205 and length >= 8:  # BOOLERR
            if data[body + 7] == 1:
                row, col = struct.unpack_from("<HH", data, body)
                found[(row, col)] = _BIFF_ERRORS.get(data[body + 6], "#ERROR")
        elif record == 0x000A:  # EOF of the sheet
            break
        pos = body + length
    return found


# --- .ods ----------------------------------------------------------------------------------

_TEXT = lazy(rb"<text:p\b[^<>]*>([^<]*)")


def _ods_errors(path: Path) -> Errors:
    with zipfile.ZipFile(path) as zf:
        data = zf.read("content.xml")
    if b'value-type="error"' not in data:
        return {}
    import html

    out: Errors = {}
    for name, row, col, count, match in ods_cells(data):
        if b'value-type="error"' in match.group(5):
            text = _TEXT.search(data, match.end(), match.end() + 4096)
            value = html.unescape(text.group(1).decode("utf-8", "replace")) if text else ""
            sheet = out.setdefault(name, {})
            for c in range(col, col + min(count, 16384)):
                sheet[(row, c)] = value.strip() or "#ERROR"
    return out
