"""What the index holds of one article, and how it becomes a tantivy document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import tantivy

from .analysis import Stemmer, words
from .schema import DUPLICATE_STATUSES


@dataclass(frozen=True)
class IndexRecord:
    id: str
    body: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    entity_keys: tuple[str, ...] = field(default_factory=tuple)  # `PER:Joko Widodo`, as typed keys
    has_contradiction: bool = False
    duplicate: str = "none"  # none | representative | duplicate

    def __post_init__(self) -> None:
        if self.duplicate not in DUPLICATE_STATUSES:
            raise ValueError(f"duplicate status {self.duplicate!r} is not one of {DUPLICATE_STATUSES}")


def entity_key(type_: str, canonical: str) -> str:
    return f"{type_}:{canonical}"


def record_from_article(article: Any, *, duplicate: str = "none") -> IndexRecord:
    """An `Article` (or its dict) as an index record; the store's path is `store_source`.

    Used where there is no store: tests, benchmarks, a caller indexing pages it processed itself.
    """
    a = article if isinstance(article, dict) else article.to_dict()
    keys = tuple(dict.fromkeys(entity_key(e["type"], e.get("canonical") or e["text"])
                               for e in a.get("entities") or []))
    published = a.get("published")
    return IndexRecord(
        id=str(a["id"]),
        body=a.get("body") or "",
        title=a.get("title"),
        url=a.get("url"),
        outlet=a.get("outlet"),
        published=dt.date.fromisoformat(published) if isinstance(published, str) else published,
        entity_keys=keys,
        has_contradiction=bool(a.get("inconsistencies")),
        duplicate=duplicate,
    )


def to_document(rec: IndexRecord, stemmer: Stemmer) -> tantivy.Document:
    doc = tantivy.Document()
    doc.add_text("id", rec.id)
    if rec.url:
        doc.add_text("url", rec.url)
    title_words = words(rec.title) if rec.title else []
    if rec.title:
        doc.add_text("title", rec.title)
        doc.add_text("title_stem", stemmer.derived_stems(title_words))
    doc.add_text("body", rec.body)
    doc.add_text("body_stem", stemmer.derived_stems(words(rec.body)))
    if rec.outlet:
        doc.add_text("outlet", rec.outlet)
        doc.add_text("outlet_key", rec.outlet)
    if rec.published is not None:
        doc.add_date("published", dt.datetime(rec.published.year, rec.published.month, rec.published.day,
                                              tzinfo=dt.UTC))
        doc.add_text("month", f"{rec.published.year:04d}-{rec.published.month:02d}")
    for value in _entity_values(rec.entity_keys):
        doc.add_text("entity", value)
    doc.add_boolean("has_contradiction", rec.has_contradiction)
    doc.add_text("duplicate", rec.duplicate)
    return doc


def _entity_values(keys: Iterable[str]) -> list[str]:
    """Each typed key, and its canonical name alone: a filter may name either."""
    out: dict[str, None] = {}
    for key in keys:
        out[key] = None
        _type, sep, name = key.partition(":")
        if sep and name:
            out[name] = None
    return list(out)
