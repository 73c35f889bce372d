"""An article as its page shows it: the clean body with entities, dates and contradiction evidence
marked, and the lists beside it (facts, sources, quotes, contradictions, removed clutter,
duplicates, related articles).

Input is the store's article dict: the `Article` record (`warta.article.Article.to_dict()`) plus
`duplicates` and `related`. Offsets of entities, dates, quotes and evidence are offsets into
`body`; a span that does not fit the body is left unmarked rather than trusted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from . import bounds
from .marks import Span, paragraphs
from .render import path_part

# What each clutter kind (warta.article.CLUTTER_KINDS) is, said to the reader: why it was taken out.
CLUTTER_REASONS = {
    "read_also": "a link to another article dropped into the text",
    "related": "the portal's list of other articles",
    "headline": "the headline, repeated above the text",
    "dateline": "the place and outlet opening the first paragraph",
    "credit": "writer, editor or photo credits",
    "caption": "a photo or video caption",
    "promo": "an advertisement or a call to follow the outlet",
    "nav": "the site's navigation",
    "tags": "topic tags",
    "social": "share buttons and comment counts",
    "footer": "the site's footer",
    "other": "page furniture that is not the article",
}


@dataclass
class Contradiction:
    number: int
    kind: str
    explanation: str
    evidence: list[tuple[str, str]]  # (anchor id in the body, quoted text)


@dataclass
class ArticleView:
    record: dict[str, Any]
    body: list[Markup]
    entities: list[dict[str, Any]]  # one per key: key, type, name, count, code
    dates: list[dict[str, Any]]
    contradictions: list[Contradiction]
    removed: list[dict[str, Any]]
    removed_kinds: list[tuple[str, int]]
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    related: list[dict[str, Any]] = field(default_factory=list)


def entity_key(entity: dict[str, Any]) -> str:
    """`TYPE:name`, the canonical name when known: the store's key for an entity (store/rows.py)."""
    return f"{entity.get('type')}:{entity.get('canonical') or entity.get('text')}"


def entity_url(key: str) -> str:
    return "/entity/" + path_part(key)


def article_view(record: dict[str, Any]) -> ArticleView:
    body = record.get("body") or ""
    contradictions, evidence_spans = _contradictions(record.get("inconsistencies") or [], len(body))
    spans = _entity_spans(record.get("entities") or []) + _date_spans(record.get("dates") or []) + evidence_spans
    removed = [{"kind": r.get("kind") or "other", "why": CLUTTER_REASONS.get(r.get("kind") or "other", ""),
                "text": r.get("text") or ""} for r in record.get("removed") or []]
    return ArticleView(
        record=record,
        body=paragraphs(body, spans),
        entities=_entity_summary(record.get("entities") or []),
        dates=[d for d in record.get("dates") or [] if d.get("text")],
        contradictions=contradictions,
        removed=removed,
        removed_kinds=Counter(r["kind"] for r in removed).most_common(),
        duplicates=list(record.get("duplicates") or [])[: bounds.MAX_DUPLICATES_SHOWN],
        related=list(record.get("related") or [])[: bounds.MAX_RELATED_SHOWN],
    )


def _entity_spans(entities: list[dict[str, Any]]) -> list[Span]:
    """A link per mention to its entity page. Mentions that overlap an earlier one are left
    unlinked: a link inside a link is not HTML."""
    out: list[Span] = []
    last_end = -1
    for e in sorted(entities, key=lambda e: (e.get("start", -1), -e.get("end", -1))):
        start, end = e.get("start"), e.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or start < last_end:
            continue
        key = entity_key(e)
        title = f"{e.get('type')}: {e.get('canonical') or e.get('text')}"
        out.append(Span(start, end, "a", (("class", f"ent ent-{e.get('type')}"), ("href", entity_url(key)),
                                          ("title", title))))
        last_end = end
    return out


def _date_spans(dates: list[dict[str, Any]]) -> list[Span]:
    return [Span(d["start"], d["end"], "mark", (("class", "date"), ("title", str(d.get("value") or ""))))
            for d in dates if isinstance(d.get("start"), int) and isinstance(d.get("end"), int)]


def _contradictions(items: list[dict[str, Any]], body_len: int) -> tuple[list[Contradiction], list[Span]]:
    out: list[Contradiction] = []
    spans: list[Span] = []
    for n, item in enumerate(items, 1):
        evidence: list[tuple[str, str]] = []
        for m, ev in enumerate(item.get("evidence") or [], 1):
            anchor = f"c{n}-e{m}"
            start, end = ev.get("start"), ev.get("end")
            in_body = isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= body_len
            if in_body:
                spans.append(Span(start, end, "mark", (("class", "evidence"), ("id", anchor),
                                                       ("title", f"Contradiction {n}: {item.get('kind')}"))))
            evidence.append((anchor if in_body else "", str(ev.get("text") or "")))
        out.append(Contradiction(n, str(item.get("kind") or "contradiction"), str(item.get("explanation") or ""),
                                 evidence))
    return out, spans


def _entity_summary(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_key: dict[str, dict[str, Any]] = {}
    for e in entities:
        key = entity_key(e)
        row = by_key.setdefault(key, {"key": key, "url": entity_url(key), "type": e.get("type"),
                                      "name": e.get("canonical") or e.get("text"), "code": e.get("code"),
                                      "count": 0})
        row["count"] += 1
    order = {"PER": 0, "ORG": 1, "LOC": 2}
    return sorted(by_key.values(), key=lambda r: (order.get(r["type"], 3), -r["count"], r["name"] or ""))

