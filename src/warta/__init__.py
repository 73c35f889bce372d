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


def process_many(items: Iterable[str | RawDoc | dict], learn_templates: bool = True) -> Iterator[Article]:
    """Process a stream of pages: strings, RawDocs, or dicts with `text` or `html` (and `id`, `url`).

    With `learn_templates` (the default), the stream's first pages are read ahead to learn the
    paragraphs each outlet's template repeats, a signal no single page gives.
    """
    from .clean.repetition import learn_ahead
    from .facts import host_of
    from .pipeline import process as run

    raws = (_as_raw(n, item) for n, item in enumerate(items))
    templates = None
    if learn_templates:
        templates, raws = learn_ahead(raws, host_of)
    for raw in raws:
        yield run(raw, templates)


def _as_raw(n: int, item: str | RawDoc | dict) -> RawDoc:
    from .read.detect import detect_kind

    if isinstance(item, RawDoc):
        return item
    if isinstance(item, str):
        return RawDoc(id=str(n), content=item, kind=detect_kind(item))
    content = item.get("html") or item.get("text") or ""
    kind = "html" if item.get("html") else detect_kind(content)
    return RawDoc(id=str(item.get("id", n)), content=content, kind=kind, url=item.get("url"))
