"""warta: clean, structure and check Indonesian online news.

    >>> import warta
    >>> art = warta.process("JAKARTA, KOMPAS.com - Banjir melanda ... Baca juga: Judul Lain")
    >>> art.body, art.removed

`process` takes one page (text or HTML); `process_many` streams many.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .article import Article, Quarantined, RawDoc, Removed

__all__ = ["Article", "Removed", "RawDoc", "Quarantined", "process", "process_many"]
__version__ = "0.1.0"


def process(text_or_html: str, url: str | None = None, id: str | None = None) -> Article:
    """Clean one page and read its facts. HTML is recognised by its markup."""
    from .pipeline import process as run
    from .read.detect import detect_kind

    return run(RawDoc(id=id, content=text_or_html, kind=detect_kind(text_or_html), url=url))


def process_many(items: Iterable[str | RawDoc | dict]) -> Iterator[Article]:
    """Process a stream of pages: strings, RawDocs, or dicts with `text` or `html` (and `id`, `url`)."""
    from .pipeline import process as run
    from .read.detect import detect_kind

    for n, item in enumerate(items):
        if isinstance(item, RawDoc):
            yield run(item)
        elif isinstance(item, str):
            yield run(RawDoc(id=str(n), content=item, kind=detect_kind(item)))
        else:
            content = item.get("html") or item.get("text") or ""
            kind = "html" if item.get("html") else detect_kind(content)
            yield run(RawDoc(id=str(item.get("id", n)), content=content, kind=kind, url=item.get("url")))
