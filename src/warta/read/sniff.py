"""Find the charset a page declares: in an HTTP Content-Type header, or in its own markup.

A declaration is only a claim; `decode.decode_bytes` checks it against the bytes.
"""

from __future__ import annotations

import codecs
import re

# How far into a page to look for <meta charset>: browsers look at the first 1024 bytes;
# real pages put a long <head> first often enough that a few KB is safer.
SNIFF_BYTES = 4096

_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]+)""", re.I)
# Covers <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:+-]+)""", re.I)

# Labels that name ISO-8859-1 are decoded as windows-1252, as browsers do (WHATWG Encoding):
# servers say "latin-1" and send cp1252 quotes and dashes far more often than C1 controls.
_AS_CP1252 = {"iso8859-1", "latin-1"}


def normalize_charset(label: str | None) -> str | None:
    """Python's codec name for a charset label, or None when Python does not know it."""
    if not label:
        return None
    try:
        info = codecs.lookup(label.strip().strip("\"'"))
    except (LookupError, ValueError):
        return None
    # Python also knows bytes-to-bytes codecs (base64, zlib) by name; a page cannot use them.
    # UTF-7 is refused as browsers refuse it: it hides markup from filters.
    if not getattr(info, "_is_text_encoding", True) or info.name == "utf-7":
        return None
    return "cp1252" if info.name in _AS_CP1252 else info.name


def charset_from_content_type(value: str | None) -> str | None:
    """The charset parameter of a Content-Type header value, e.g. `text/html; charset=utf-8`."""
    if not value:
        return None
    match = _HEADER_CHARSET.search(value)
    return normalize_charset(match.group(1)) if match else None


def sniff_markup_charset(data: bytes) -> str | None:
    """The charset a page declares in `<meta>` or an XML declaration within its first few KB."""
    head = data[:SNIFF_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return normalize_charset(match.group(1).decode("ascii")) if match else None
