"""Turn a page's bytes into text, and tell when bytes are not text at all.

Order of trust in `decode_bytes`:

1. a byte-order mark (UTF-8, UTF-16, UTF-32): nothing else writes those bytes first;
2. the declared charset (HTTP / WARC header, then `<meta charset>` in the page), only if the
   bytes decode cleanly with it: a wrong declaration must not win;
3. strict UTF-8;
4. charset-normalizer's guess;
5. windows-1252 with replacement characters, which never fails.

`decode_bytes` never raises: every input gives some text and the name of the codec used.
"""

from __future__ import annotations

import codecs
import unicodedata

from .sniff import normalize_charset, sniff_markup_charset

# Longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# File signatures of formats that are clearly not pages, in case their first KB has no NUL.
_MAGIC = (b"%PDF-", b"PK\x03\x04", b"\x1f\x8b", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"7z\xbc\xaf",
          b"PAR1", b"\x7fELF")

# Bytes that plain text uses: tab, newline, form feed, carriage return, and everything printable.
_TEXT_BYTES = bytes([9, 10, 12, 13]) + bytes(range(32, 127)) + bytes(range(128, 256))

BINARY_SAMPLE = 8192
# Real text has almost no control bytes; a tenth of them means a binary format.
BINARY_CONTROL_SHARE = 0.10


def looks_binary(data: bytes) -> bool:
    """True when the bytes are a binary file (NUL bytes, a known signature, many control bytes)."""
    head = data[:BINARY_SAMPLE]
    if not head or _bom(head):
        return False  # UTF-16/32 text is full of NULs, but its BOM says what it is.
    if head.startswith(_MAGIC) or b"\x00" in head:
        return True
    controls = len(head.translate(None, _TEXT_BYTES))
    return controls / len(head) > BINARY_CONTROL_SHARE


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode a page's bytes; returns (text, name of the codec used). Never raises."""
    bom = _bom(data)
    if bom:
        # A BOM is a near-certain signal: replace damaged sequences rather than second-guess it.
        return data.decode(bom, errors="replace"), bom

    utf8_ok = _decodes(data, "utf-8")
    for charset in _unique(normalize_charset(declared), sniff_markup_charset(data)):
        if charset.startswith(("utf-16", "utf-32")) and b"\x00" not in data:
            continue  # UTF-16/32 without a NUL byte is a mislabel: it would read as CJK noise.
        if utf8_ok and charset not in ("utf-8", "ascii") and not data.isascii():
            # Valid non-ASCII UTF-8 is almost never an accident, while single-byte charsets
            # decode anything: a page labelled latin-1 that is valid UTF-8 is UTF-8.
            continue
        if _decodes(data, charset):
            return data.decode(charset), charset

    if utf8_ok:
        return data.decode("utf-8"), "utf-8"

    guessed = _guess(data)
    if guessed:
        return data.decode(guessed), guessed
    return data.decode("cp1252", errors="replace"), "cp1252"


def _bom(data: bytes) -> str | None:
    for mark, codec in _BOMS:
        if data.startswith(mark):
            return codec
    return None


def _decodes(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _unique(*charsets: str | None) -> list[str]:
    out: list[str] = []
    for charset in charsets:
        if charset and charset not in out:
            out.append(charset)
    return out


def _guess(data: bytes) -> str | None:
    """charset-normalizer's pick, corrected towards cp1252 for Latin-script text.

    On short Latin-script samples charset-normalizer cannot tell single-byte code pages apart
    (it reads `crème` as cp1250 `crčme`); windows-1252 is by far the commonest of them on the web,
    so when the guess yields only Latin letters and cp1252 decodes too, cp1252 wins.
    """
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        codec = normalize_charset(best.encoding) if best is not None else None
    except Exception:  # a detector bug must not stop a batch; the fallback still decodes
        codec = None
    if codec is None or not _decodes(data, codec):
        return "cp1252" if _decodes(data, "cp1252") else None
    if codec != "cp1252" and _decodes(data, "cp1252") and _latin_only(data.decode(codec)):
        return "cp1252"
    return codec


def _latin_only(text: str) -> bool:
    """True when every non-ASCII letter in the text is a Latin letter."""
    for char in set(text):
        if ord(char) > 127 and char.isalpha() and not unicodedata.name(char, "").startswith("LATIN"):
            return False
    return True
