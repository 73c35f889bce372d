"""An Article as rows of the store's tables: pure, so it runs in the worker processes.

The row tuples follow the column order of `schema.TABLES`; `ingested_at` is left None here and
set by the writer to the time of the batch's commit.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from ..article import Article, Quarantined
from ..facts import host_of
from .keys import body_hash

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


@dataclass
class ArticleRows:
    """One article's rows: its `articles` row and its child rows, table by table."""

    id: str
    body_hash: str | None
    article: tuple[Any, ...]
    children: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)


def article_rows(article: Article, *, key: str, hashed: str, source: str | None) -> ArticleRows:
    record = article_record(article)
    record["id"] = key
    record.pop("body")
    hb = body_hash(article.body)
    record_json = json.dumps(record, ensure_ascii=False)
    # Unpaired surrogates would pass here and fail in the store, stopping a whole batch: fail now.
    article.body.encode("utf-8")
    record_json.encode("utf-8")
    row = (
        key, hashed, hb, article.url, _host(article.url), article.outlet, article.title, article.dateline,
        iso_day(article.published), article.format, article.body, list(article.authors), article.encoding,
        source, len(article.body), len(article.removed), sum(len(r.text) for r in article.removed),
        len(article.entities), len(article.quotes), bool(article.inconsistencies),
        record_json, None,
    )
    children = {
        "removed": [(key, n, r.kind, r.text, r.start, r.end) for n, r in enumerate(article.removed)],
        "dates": [(key, n, d.get("text"), _str(d.get("value")), iso_day(d.get("value")), d.get("start"), d.get("end"))
                  for n, d in enumerate(article.dates)],
        "attributions": [(key, n, a.get("source"), a.get("kind"), a.get("text"), a.get("start"), a.get("end"),
                          json.dumps(a.get("mentions", []))) for n, a in enumerate(article.attributions)],
        "quotes": [(key, n, q.get("speaker"), q.get("text"), q.get("start"), q.get("end"))
                   for n, q in enumerate(article.quotes)],
        "entities": [(key, n, entity_key(e), e.get("text"), e.get("type"), e.get("canonical"), e.get("code"),
                      e.get("start"), e.get("end")) for n, e in enumerate(article.entities)],
        "inconsistencies": [(key, n, i.get("kind"), i.get("explanation"),
                             json.dumps(i.get("evidence", []), ensure_ascii=False))
                            for n, i in enumerate(article.inconsistencies)],
    }
    return ArticleRows(key, hb, row, children)


def article_record(article: Article) -> dict[str, Any]:
    """`article.to_dict()`, without `dataclasses.asdict`'s deep copy (a third of the row-building time):
    the lists of dicts are already JSON-ready and are only read, never changed."""
    record = {f.name: getattr(article, f.name) for f in fields(article)}
    record["removed"] = [{"text": r.text, "kind": r.kind, "start": r.start, "end": r.end} for r in article.removed]
    return record


def quarantine_row(item: Quarantined, key: str) -> tuple[Any, ...]:
    return (key, item.id, item.reason, item.detail, item.source, None)


def entity_key(entity: dict[str, Any]) -> str:
    """`TYPE:name`, the canonical name when the tagger knows it: the key entities are looked up by."""
    return f"{entity.get('type')}:{entity.get('canonical') or entity.get('text')}"


def iso_day(value: Any) -> date | None:
    """The calendar day an ISO 8601 value starts with (`2025-03-10`, `2025-03-10T19:00+07:00`), else None."""
    match = _DAY.match(value) if isinstance(value, str) else None
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _host(url: str | None) -> str | None:
    host = host_of(url)
    return host.removeprefix("www.") if host else None


def _str(value: Any) -> str | None:
    return None if value is None else str(value)
