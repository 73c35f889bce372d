"""The per-record work of an ingest, the part that runs in the worker processes.

A `Task` is a record the store does not hold yet, with the key it will be stored under and
its content hash; the work is the whole pipeline and the conversion to table rows. A record the
pipeline (or the conversion) fails on becomes a `pipeline-error` quarantine, as in `warta process`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .. import pipeline
from ..article import Quarantined, RawDoc
from ..clean.repetition import TemplateLines
from .keys import conflict_key
from .rows import ArticleRows, article_rows, quarantine_row

_MAX_ERROR_CHARS = 500


@dataclass(frozen=True)
class Task:
    key: str
    hashed: str
    raw: RawDoc


@dataclass(frozen=True)
class QuarantineRow:
    """A record that could not be stored as an article, as its `quarantine` row."""

    key: str
    reason: str
    row: tuple[Any, ...]


Result = ArticleRows | QuarantineRow


def quarantined_result(item: Quarantined, key: str) -> QuarantineRow:
    return QuarantineRow(key, item.reason, quarantine_row(item, key))


def duplicate_id_result(id_: str | None, key: str, hashed: str, source: str | None) -> QuarantineRow:
    """The quarantine row of a record that reuses a stored id (`key`) with other content."""
    clash = Quarantined(id=id_, reason="duplicate-id", source=source,
                        detail=f"Another record with the id {key!r} and different content is "
                               "already stored; this one is kept here instead.")
    ckey = conflict_key(key, hashed)
    return QuarantineRow(ckey, clash.reason, quarantine_row(clash, ckey))


def run_task(task: Task, templates: TemplateLines | None) -> Result:
    raw = task.raw
    try:
        article = pipeline.process(raw, templates) if templates is not None else pipeline.process(raw)
        article.id = task.key
        article.url = article.url or raw.url
        article.encoding = article.encoding or raw.encoding
        rows = article_rows(article, key=task.key, hashed=task.hashed, source=raw.source)
    except Exception as error:
        message = f"{type(error).__name__}: {error}"[:_MAX_ERROR_CHARS]
        failed = Quarantined(id=task.key, reason="pipeline-error", detail=f"The pipeline failed: {message}",
                             source=raw.source)
        return quarantined_result(failed, task.key)
    return rows


def run_chunk(tasks: list[Task], templates: TemplateLines | None) -> list[Result]:
    return [run_task(task, templates) for task in tasks]
