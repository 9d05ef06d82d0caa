"""Decode text files: UTF-8 (with or without BOM), GB18030, UTF-16 LE/BE (with or without BOM).

A byte-order mark decides; else strict UTF-8; else the charset-normalizer detector chooses among
UTF-16 LE, UTF-16 BE and GB18030 (limited to those: on short Chinese text left free it guesses
Korean cp949); else strict GB18030. Bytes that none of these decode are binary data (E002) when they
hold NUL bytes, undecodable text (E003) otherwise.
"""

from __future__ import annotations

import re

from ..errors import Errors, InputError

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_DETECT = ["utf_16_le", "utf_16_be", "gb18030"]
_CODEC = {"utf_16_le": "utf-16-le", "utf_16_be": "utf-16-be", "gb18030": "gb18030"}
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes, path: str) -> tuple[str, str]:
    """(text, encoding) of a text file's bytes; ``InputError`` E002/E003 when they are not text."""
    text, encoding = _decode(data, path)
    if len(_CONTROL.findall(text[:8192])) > 8 or not _readable(text[:8192]):
        raise InputError(Errors.E002.format(path=path))
    return text, encoding


def _readable(sample: str) -> bool:
    """Whether decoded text reads as writing: most of its characters are CJK, kana, Latin, digits,
    punctuation or spaces. Binary bytes behind a byte-order mark decode to rarer blocks (ﯺ, private
    use, unassigned) and fail this."""
    if not sample:
        return True
    common = sum(1 for c in sample if c.isspace() or c.isascii() or "\u2000" <= c <= "\u206f"
                 or "\u3000" <= c <= "\u30ff" or "\u3400" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef"
                 or "\u00a0" <= c <= "\u024f" or "\u2460" <= c <= "\u27bf" or "\uf900" <= c <= "\ufaff")
    return common >= 0.7 * len(sample)


def _decode(data: bytes, path: str) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec), codec
            except UnicodeDecodeError as err:
                raise InputError(Errors.E003.format(path=path, offset=err.start + len(bom))) from None
    has_nul = b"\x00" in data[:8192]
    first_bad = 0
    if not has_nul:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as err:
            first_bad = err.start
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_DETECT).best()
    if best is not None and best.encoding in _CODEC:
        codec = _CODEC[best.encoding]
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            pass
    if has_nul:
        raise InputError(Errors.E002.format(path=path))
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise InputError(Errors.E003.format(path=path, offset=first_bad)) from None
