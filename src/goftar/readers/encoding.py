"""Decode bytes of a text file: UTF-8, UTF-16 (with or without BOM), Windows-1256; refuse binary."""
from __future__ import annotations

import codecs

from ..errors import InputError


def _looks_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: Persian text has many NULs at odd/even positions in a pattern."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    # Persian in UTF-16: high byte 0x06 for letters, 0x00 for ASCII (spaces, digits, newlines)
    hi_le = sample[1::2]
    hi_be = sample[0::2]
    if (odd + hi_le.count(6)) > 0.8 * half and hi_le.count(6) + odd > even:
        return "utf-16-le"
    if (even + hi_be.count(6)) > 0.8 * half:
        return "utf-16-be"
    return None


def detect(data: bytes) -> str:
    """Name of the encoding ``data`` is in; raises InputError for binary data."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    u16 = _looks_utf16(data)
    if u16:
        return u16
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as e:
        if e.start > len(data) - 4:  # a truncated last character
            return "utf-8"
    if b"\x00" in data[:8000]:
        raise InputError("binary data, not text (NUL bytes)")
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        raise InputError("not text in UTF-8, UTF-16 or Windows-1256") from None
    arabic = sum(1 for ch in text[:4000] if "\u0600" <= ch <= "\u06ff")
    if arabic < 0.2 * len(text[:4000].strip() or "x"):
        raise InputError("not text in UTF-8, UTF-16 or Windows-1256 (undecodable bytes)")
    return "cp1256"


def decode(data: bytes, name: str = "<input>") -> str:
    try:
        enc = detect(data)
    except InputError as e:
        raise InputError(f"{name}: {e}") from None
    text = data.decode(enc, errors="replace")
    if "\x00" in text:
        raise InputError(f"{name}: binary data, not text (NUL characters)")
    return text
