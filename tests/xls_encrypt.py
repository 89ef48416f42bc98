"""An .xls encrypted as Excel encrypts a workbook "protected for reading" (RC4 CryptoAPI).

No tool on PyPI writes one: msoffcrypto-tool encrypts OOXML only, and xlwt writes plain BIFF8.
This follows MS-XLS 2.4.117 (FilePass) and MS-OFFCRYPTO 2.3.5 (RC4 CryptoAPI), which
msoffcrypto-tool implements for decryption: a FilePass record right after the workbook's
BOF, then every record body encrypted with RC4, keyed per 1,024-byte block of the Workbook
stream, record headers and a few records left in the clear. Decrypting it with msoffcrypto
(as the import does) and reading the figures back is the check that it is right.
"""
from __future__ import annotations

import os
import struct
from hashlib import sha1
from pathlib import Path

BOF, FILEPASS, BOUNDSHEET = 0x0809, 0x002F, 0x0085
# Records left in the clear (MS-XLS 2.2.10): BOF, FilePass, UsrExcl, FileLock, InterfaceHdr,
# RRDInfo, RRDHead.
CLEAR = {BOF, FILEPASS, 0x0194, 0x0195, 0x00E1, 0x0196, 0x0138}
BLOCK = 1024
KEY_BITS = 128
CSP = "Microsoft Enhanced Cryptographic Provider v1.0"


def _key(password: str, salt: bytes, block: int) -> bytes:
    h0 = sha1(salt + password.encode("utf-16-le")).digest()
    return sha1(h0 + struct.pack("<I", block)).digest()[:KEY_BITS // 8]


def _rc4(key: bytes):
    try:
        from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
    except ImportError:  # cryptography < 43
        from cryptography.hazmat.primitives.ciphers.algorithms import ARC4
    from cryptography.hazmat.primitives.ciphers import Cipher

    return Cipher(ARC4(key), mode=None).encryptor()


def _records(stream: bytes) -> list[tuple[int, bytes]]:
    out, at = [], 0
    while at + 4 <= len(stream):
        num, size = struct.unpack_from("<HH", stream, at)
        out.append((num, stream[at + 4:at + 4 + size]))
        at += 4 + size
    return out


def _file_pass(password: str, salt: bytes) -> bytes:
    csp = (CSP + "\0").encode("utf-16-le")
    header = struct.pack("<8I", 0x04, 0, 0x6801, 0x8004, KEY_BITS, 0x01, 0, 0) + csp
    verifier = os.urandom(16)
    rc4 = _rc4(_key(password, salt, 0))
    encrypted = rc4.update(verifier) + rc4.update(sha1(verifier).digest())
    return (struct.pack("<HHH", 1, 2, 2) + struct.pack("<II", 0x04, len(header)) + header
            + struct.pack("<I", 16) + salt + encrypted[:16] + struct.pack("<I", 20)
            + encrypted[16:])


def encrypt_biff(stream: bytes, password: str = "VelvetSweatshop") -> bytes:
    """A BIFF8 Workbook stream -> the same, encrypted with `password`."""
    salt = os.urandom(16)
    records = _records(stream)
    assert records[0][0] == BOF
    file_pass = _file_pass(password, salt)
    shift = 4 + len(file_pass)  # every record after the globals' BOF moves by this much
    records.insert(1, (FILEPASS, file_pass))
    # xlwt pads the stream with zeros to 4 KB and declares the padded size: a reader walking
    # records (msoffcrypto does) must land on a 4-byte boundary to read them as empty ones.
    end = sum(4 + len(body) for _, body in records)
    records.append((0, bytes(-(end + 4) % 4)))
    plain, clear = bytearray(), bytearray()  # clear: 1 where a byte stays unencrypted
    for num, body in records:
        if num == BOUNDSHEET:  # lbPlyPos: where the sheet's BOF now is, in the clear
            body = struct.pack("<I", struct.unpack_from("<I", body)[0] + shift) + body[4:]
        plain += struct.pack("<HH", num, len(body)) + body
        kept = len(body) if num in CLEAR else 4 if num == BOUNDSHEET else 0
        clear += b"\1" * (4 + kept) + b"\0" * (len(body) - kept)
    out = bytearray(plain)
    for start in range(0, len(out), BLOCK):
        stream_key = _rc4(_key(password, salt, start // BLOCK)).update(bytes(BLOCK))
        for i in range(start, min(start + BLOCK, len(out))):
            if not clear[i]:
                out[i] ^= stream_key[i - start]
    return bytes(out)


def encrypted_xls(path: Path, workbook, password: str = "VelvetSweatshop") -> Path:
    """Save the xlwt `workbook` to `path` as an encrypted .xls."""
    from xlwt.CompoundDoc import XlsDoc

    XlsDoc().save(str(path), encrypt_biff(workbook.get_biff_data(), password))
    return path
