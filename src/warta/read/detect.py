"""Tell HTML from plain text."""

from __future__ import annotations

import re

_MARKUP = re.compile(r"<(?:!doctype\s+html|html|head|body|div|p|article|meta|title)\b", re.I)


def detect_kind(content: str) -> str:
    """`html` when the first few kilobytes carry document markup, else `text`."""
    return "html" if _MARKUP.search(content[:4096]) else "text"
