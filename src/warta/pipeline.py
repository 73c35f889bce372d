"""The per-document steps, in order. Nothing else lives here.

    decode (readers) → clean (text pieces or HTML blocks; keep prose, drop clutter) → facts

Pure per document: the same RawDoc always gives the same Article.
"""

from __future__ import annotations

from .article import Article, RawDoc


def process(raw: RawDoc) -> Article:
    # Placeholder until the cleaner lands (this session): body is the input unchanged.
    return Article(id=raw.id, body=raw.content, format="html" if raw.kind == "html" else "text-lines",
                   url=raw.url, encoding=raw.encoding)
