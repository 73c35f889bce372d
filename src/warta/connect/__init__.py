"""Corpus linking: duplicates (exact, near, syndicated), related articles and stories.

    >>> from warta.connect import connect_doc, link_corpus
    >>> links = link_corpus(connect_doc(warta.process(page, id=i)) for i, page in pages)
    >>> links.duplicates, links.related, links.stories

The method, its parameters and the measurements behind them: docs/connect.md.
"""

from __future__ import annotations

from .link import connect_doc, link_corpus
from .records import ConnectDoc, DuplicateRow, Links, RelatedRow, StoryRow

__all__ = ["ConnectDoc", "DuplicateRow", "RelatedRow", "StoryRow", "Links", "link_corpus", "connect_doc"]
