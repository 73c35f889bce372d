"""Read web archives (`.warc`, `.warc.gz`): the HTML and text responses, streamed with warcio.

Request, metadata and other records, and responses of other media types, are not pages and
are passed over. A response's HTTP Content-Type charset is the declared charset for decoding.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..article import Quarantined, RawDoc
from .records import page_from_bytes, quarantine, too_large
from .sniff import charset_from_content_type

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
PAGE_TYPES = HTML_TYPES | {"text/plain"}


def iter_warc(path: str, stem: str, max_bytes: int) -> Iterator[RawDoc | Quarantined]:
    from warcio.archiveiterator import ArchiveIterator

    number = 0
    with open(path, "rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                number += 1
                page = _page(record, path=path, stem=stem, number=number, max_bytes=max_bytes)
                if page is not None:
                    yield page
        except Exception as error:  # warcio raises ArchiveLoadFailed, but also zlib and I/O errors
            yield quarantine("bad-warc", f"Reading stopped at record {number + 1:,}: {error}.",
                             id=None if number else stem, source=f"{path}:{number + 1}")


def _page(record, *, path: str, stem: str, number: int, max_bytes: int) -> RawDoc | Quarantined | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    media_type = content_type.split(";")[0].strip().lower()
    if media_type not in PAGE_TYPES:
        return None

    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip().strip("<>")
    doc_id = record_id or f"{stem}:{number}"
    source = f"{path}:{number}"
    try:
        # content_stream undoes chunked and gzip transfer encodings; read one byte past the cap.
        data = record.content_stream().read(max_bytes + 1)
    except Exception as error:
        return quarantine("bad-warc", f"Record {number:,}'s HTTP body cannot be read: {error}.",
                          id=doc_id, source=source)
    if len(data) > max_bytes:
        size = int(record.length or 0)  # the WARC Content-Length: HTTP headers and body together
        if size > max_bytes:
            return too_large(size, max_bytes, what="response record", id=doc_id, source=source)
        return too_large(max_bytes, max_bytes, what="response body", id=doc_id, source=source, at_least=True)
    return page_from_bytes(data, id=doc_id, source=source, max_bytes=max_bytes,
                           url=record.rec_headers.get_header("WARC-Target-URI"),
                           declared=charset_from_content_type(content_type),
                           kind="html" if media_type in HTML_TYPES else None)
