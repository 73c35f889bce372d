"""What identifies a record in the store, and what makes two bodies the same.

* `record_key`: the record's own id; for a record without one (a JSON line or Parquet row whose id
  the reader made up from the file name and position, `news:12`; a page piped in on stdin), the hash
  of its raw content, so the same record is recognised again under another file name or at another line.
* `content_hash`: blake2b-160 of the raw content, stored with every article, and what a rerun
  compares to tell a record it already stored from another record that reuses its id.
* `body_hash`: blake2b-128 of the normalised body (NFKC, casefolded, words only): two pages whose
  cleaned text differs only in case, spacing or punctuation are exact duplicates.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from ..article import Quarantined, RawDoc
from ..read.files import input_stem
from ..read.stdin import STDIN_ID, STDIN_SOURCE

_WORD = re.compile(r"\w+")


def content_hash(content: str) -> str:
    return hashlib.blake2b(content.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def body_hash(body: str) -> str | None:
    """The normalised body's hash, or None when the body has no words (nothing to be a copy of)."""
    words = _WORD.findall(unicodedata.normalize("NFKC", body).casefold())
    if not words:
        return None
    return hashlib.blake2b(" ".join(words).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def has_own_id(raw: RawDoc) -> bool:
    """False when the id is the reader's stand-in: `STEM:N` for the record at `PATH:N` (`stdin:N` on
    standard input), or `stdin` for the one page piped in."""
    if raw.id is None or raw.source == STDIN_SOURCE:
        return False
    path, sep, number = (raw.source or "").rpartition(":")
    if not sep or not number.isdigit():
        return True
    stem = STDIN_ID if path == STDIN_SOURCE else input_stem(path)
    return raw.id != f"{stem}:{number}"


def record_key(raw: RawDoc, hashed: str) -> str:
    """The id the record is stored under: its own, else its content hash (`hashed`)."""
    return raw.id if has_own_id(raw) else hashed  # type: ignore[return-value]


def quarantine_key(item: Quarantined) -> str:
    """What a rerun looks a quarantined record up by: its id, else where it was read."""
    return item.id if item.id else f"@{item.source}"


def conflict_key(key: str, hashed: str) -> str:
    """The quarantine key of a record that reuses a stored id with other content."""
    return f"{key}#{hashed[:16]}"
