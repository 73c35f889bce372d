"""Turn what a reader found (a page's bytes, or a corpus record) into a RawDoc, or a Quarantined.

Every check a record must pass lives here, so all readers quarantine for the same reasons:

| reason | when |
| --- | --- |
| `unreadable` | a path that does not exist, cannot be opened, or has an unknown extension |
| `empty` | nothing but whitespace |
| `binary` | NUL bytes, a binary file signature, or many control bytes |
| `too-large` | over the reader's `max_bytes` |
| `not-json` | a JSON-lines line that does not parse |
| `not-an-object` | a JSON-lines line that parses to something other than an object |
| `no-content` | a record with no `html`, `text` (or gold-format `raw`) string |
| `decode-error` | text that cannot be written back as UTF-8, or mostly replacement characters |
| `bad-parquet` | a Parquet file, or a row of one, that pyarrow cannot read |
| `bad-warc` | a WARC file, or a record of one, that warcio cannot read |
"""

from __future__ import annotations

from typing import Any

from ..article import Quarantined, RawDoc
from .decode import decode_bytes, looks_binary
from .detect import detect_kind

# Content fields of a corpus record, in order of preference: `html` keeps the most of the
# page; `text` is the Hugging Face datasets convention; `raw` is the gold format's input field.
CONTENT_FIELDS = ("html", "text", "raw")

# Replacement characters beyond this share of the text mean the bytes were not really text.
_MAX_REPLACEMENT_SHARE = 0.02
_MIN_REPLACEMENTS = 8


def quarantine(reason: str, detail: str, *, id: str | None, source: str | None) -> Quarantined:
    return Quarantined(id=id, reason=reason, detail=detail, source=source)


def too_large(size: int, max_bytes: int, *, what: str, id: str | None, source: str | None,
              at_least: bool = False) -> Quarantined:
    # `at_least`: reading stopped at the limit, so the exact size is unknown.
    detail = (f"The {what} is larger than the {max_bytes:,}-byte limit." if at_least
              else f"The {what} is {size:,} bytes, over the {max_bytes:,}-byte limit.")
    return quarantine("too-large", detail, id=id, source=source)


def page_from_bytes(data: bytes, *, id: str, source: str, max_bytes: int, url: str | None = None,
                    declared: str | None = None, kind: str | None = None) -> RawDoc | Quarantined:
    """A page given as bytes: check, decode (declared charset as a hint), and detect its kind."""
    if len(data) > max_bytes:
        return too_large(len(data), max_bytes, what="page", id=id, source=source, at_least=True)
    if not data.strip():
        return quarantine("empty", "The page has no content, only whitespace or nothing.", id=id, source=source)
    if looks_binary(data):
        return quarantine("binary", "The bytes are a binary file, not text or HTML.", id=id, source=source)
    text, encoding = decode_bytes(data, declared)
    if not text.strip():  # e.g. a UTF-16 page of spaces: blank only once decoded
        return quarantine("empty", "The page has no content, only whitespace.", id=id, source=source)
    problem = _text_problem(text)
    if problem:
        return problem_quarantine(problem, id=id, source=source)
    return RawDoc(id=id, content=text, kind=kind or detect_kind(text), url=url, encoding=encoding,
                  source=source)  # type: ignore[arg-type]


def doc_from_record(record: dict[str, Any], *, fallback_id: str, source: str, max_bytes: int,
                    encoding: str | None) -> RawDoc | Quarantined:
    """A corpus record (a JSON object, a Parquet row): `id`, `html` or `text` (or `raw`), `url`."""
    raw_id = record.get("id")
    doc_id = fallback_id if raw_id is None or raw_id == "" else str(raw_id)
    url = record.get("url") if isinstance(record.get("url"), str) else None

    field, value = _content(record)
    if field is None:
        names = ", ".join(f"`{name}`" for name in CONTENT_FIELDS)
        return quarantine("no-content", f"The record has none of the content fields {names} as a string.",
                          id=doc_id, source=source)
    kind = "html" if field == "html" or record.get("format") == "html" else None
    if isinstance(value, bytes):  # a binary Parquet column: decode it like a page
        return page_from_bytes(value, id=doc_id, source=source, max_bytes=max_bytes, url=url, kind=kind)

    assert isinstance(value, str)
    try:
        encoded = value.encode("utf-8")
    except UnicodeEncodeError:
        # json.loads accepts "\ud800"; such text cannot be written out as UTF-8 later.
        return quarantine("decode-error", f"The `{field}` field holds unpaired surrogate code points, "
                          "which are not valid Unicode text.", id=doc_id, source=source)
    if len(encoded) > max_bytes:
        return too_large(len(encoded), max_bytes, what=f"`{field}` field", id=doc_id, source=source)
    if not value.strip():
        return quarantine("empty", f"The record's `{field}` is empty or only whitespace.", id=doc_id, source=source)
    if looks_binary(encoded):
        return quarantine("binary", f"The record's `{field}` holds binary data, not text.", id=doc_id, source=source)
    problem = _text_problem(value)
    if problem:
        return problem_quarantine(problem, id=doc_id, source=source)
    return RawDoc(id=doc_id, content=value, kind=kind or detect_kind(value), url=url,  # type: ignore[arg-type]
                  encoding=encoding, source=source)


def problem_quarantine(problem: str, *, id: str | None, source: str | None) -> Quarantined:
    return quarantine("decode-error", problem, id=id, source=source)


def _content(record: dict[str, Any]) -> tuple[str | None, str | bytes | None]:
    """The first content field with non-blank text; else the first present one (it is blank)."""
    present: list[tuple[str, str | bytes]] = [
        (name, record[name]) for name in CONTENT_FIELDS if isinstance(record.get(name), (str, bytes))
    ]
    for name, value in present:
        if value.strip():
            return name, value
    return present[0] if present else (None, None)


def _text_problem(text: str) -> str | None:
    """A sentence saying why decoded text is not usable, or None when it is."""
    replaced = text.count("\ufffd")
    if replaced >= _MIN_REPLACEMENTS and replaced > _MAX_REPLACEMENT_SHARE * len(text):
        return (f"{replaced:,} of {len(text):,} characters could not be decoded in any charset tried; "
                "the bytes are probably not text.")
    return None
