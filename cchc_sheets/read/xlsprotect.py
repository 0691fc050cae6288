"""An .xls whose structure is protected without a password: readable, not "password-protected".

Excel and LibreOffice save such a workbook RC4-encrypted with the fixed password
``VelvetSweatshop`` (a FILEPASS record follows the first BOF), so it looks like a workbook with
a password to open. :func:`open_protected` tries that password ([MS-OFFCRYPTO] 2.3.6, RC4 of
Office 97–2003, and the per-1024-byte re-keying of [MS-XLS] 2.2.10) and gives the file with its
``Workbook`` stream decrypted, or None when another password is needed (then it is refused as
encrypted, as before).
"""

from __future__ import annotations

import hashlib
import struct
from pathlib import Path

__all__ = ["DEFAULT_PASSWORD", "open_protected"]

DEFAULT_PASSWORD = "VelvetSweatshop"
_FILEPASS = 0x002F
_BOUNDSHEET = 0x0085
# records whose bodies are never encrypted
_PLAIN = {0x0809, _FILEPASS, 0x0194, 0x0195, 0x00E1, 0x0138, 0x0196}
_NOT_ENCRYPTED = 0x0160  # what FILEPASS becomes: a record readers skip (USESELFS, same length)


def _rc4(key: bytes, length: int) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 0xFF
        s[i], s[j] = s[j], s[i]
    out = bytearray(length)
    i = j = 0
    for n in range(length):
        i = (i + 1) & 0xFF
        j = (j + s[i]) & 0xFF
        s[i], s[j] = s[j], s[i]
        out[n] = s[(s[i] + s[j]) & 0xFF]
    return bytes(out)


def _base_key(password: str, salt: bytes) -> bytes:
    h0 = hashlib.md5(password.encode("utf-16-le")).digest()  # noqa: S324 - the file format's
    return hashlib.md5((h0[:5] + salt) * 16).digest()[:5]  # noqa: S324


def _block_key(base: bytes, block: int) -> bytes:
    return hashlib.md5(base + struct.pack("<I", block)).digest()  # noqa: S324


def _verifies(filepass: bytes, password: str) -> bytes | None:
    """The base key when ``password`` opens an RC4 (version 1.1) FILEPASS, else None."""
    if len(filepass) < 54:
        return None
    kind, major, minor = struct.unpack_from("<HHH", filepass, 0)
    if kind != 1 or (major, minor) != (1, 1):
        return None  # XOR obfuscation or RC4 CryptoAPI: not what a structure lock writes
    salt, verifier, verifier_hash = filepass[6:22], filepass[22:38], filepass[38:54]
    base = _base_key(password, salt)
    stream = _rc4(_block_key(base, 0), 32)
    plain = bytes(a ^ b for a, b in zip(verifier + verifier_hash, stream, strict=True))
    if hashlib.md5(plain[:16]).digest() != plain[16:]:  # noqa: S324
        return None
    return base


def decrypt_workbook(data: bytes, password: str = DEFAULT_PASSWORD) -> bytes | None:
    """The BIFF8 ``Workbook`` stream decrypted (FILEPASS made inert), or None."""
    if len(data) < 8:
        return None
    record, length = struct.unpack_from("<HH", data, 0)
    nxt = 4 + length
    if record != 0x0809 or len(data) < nxt + 4:
        return None
    record, length = struct.unpack_from("<HH", data, nxt)
    if record != _FILEPASS:
        return None
    base = _verifies(data[nxt + 4: nxt + 4 + length], password)
    if base is None:
        return None
    out = bytearray(data)
    struct.pack_into("<H", out, nxt, _NOT_ENCRYPTED)
    keys: dict[int, bytes] = {}
    pos = 0
    while pos + 4 <= len(data):
        record, length = struct.unpack_from("<HH", data, pos)
        body = pos + 4
        end = min(body + length, len(data))
        if pos > nxt and record not in _PLAIN:
            start = body + 4 if record == _BOUNDSHEET else body  # lbPlyPos stays plain
            for at in range(start, end):
                block = at // 1024
                stream = keys.get(block)
                if stream is None:
                    stream = keys[block] = _rc4(_block_key(base, block), 1024)
                out[at] ^= stream[at % 1024]
        pos = body + length
    return bytes(out)


def open_protected(path: Path) -> bytes | None:
    """The whole .xls file with its ``Workbook`` stream decrypted with the default password, or
    None (not such a file, another password, or a layout this does not rewrite)."""
    from cchc_sheets.read.preflight import workbook_sectors

    found = workbook_sectors(path)
    if found is None:
        return None
    file_bytes, stream, places = found
    plain = decrypt_workbook(stream)
    if plain is None:
        return None
    out = bytearray(file_bytes)
    at = 0
    for offset, length in places:
        out[offset:offset + length] = plain[at:at + length]
        at += length
    return bytes(out)
