"""`link_corpus`: duplicates, related articles and stories of a whole corpus in one call."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .duplicates import find_duplicates
from .features import build_features
from .records import ConnectDoc, Links
from .related import find_related, to_rows
from .stories import find_stories

if TYPE_CHECKING:
    from ..article import Article

_ISO = re.compile(r"^\d{4}(?:-\d{2}){0,2}")


def connect_doc(article: Article) -> ConnectDoc:
    """What the linker needs of a processed article (`warta.process`).

    Entities become canonical keys `TYPE:canonical` (each once, in order of first mention);
    dates keep the ISO values (each once), not the prose ones (`a Friday (date not stated)`).
    """
    entities = list(dict.fromkeys(
        f"{e['type']}:{e.get('canonical') or e.get('text')}" for e in article.entities
        if e.get("type") and (e.get("canonical") or e.get("text"))
    ))
    dates = list(dict.fromkeys(
        str(d["value"]) for d in article.dates if d.get("value") and _ISO.match(str(d["value"]))
    ))
    return ConnectDoc(
        id=str(article.id), outlet=article.outlet, published=article.published, title=article.title,
        body=article.body, entities=entities, dates=dates,
    )


def link_corpus(docs: Iterable[ConnectDoc], *, k_related: int = 5) -> Links:
    """Duplicate clusters, each article's `k_related` most related articles, and stories.

    Deterministic: the same documents, in any order, give the same rows.
    """
    corpus = sorted(docs, key=lambda d: d.id)  # one order whatever the input's
    dups = find_duplicates(corpus)
    feats = build_features(corpus)
    best = find_related(corpus, feats, dups.cluster_of, k_related)
    return Links(
        duplicates=dups.rows,
        related=to_rows(best, corpus, feats),
        stories=find_stories(corpus, best, dups.cluster_of),
    )
