"""The stages of `warta ingest --engine ray` that run on the Ray workers (no store here: the
workers never open DuckDB, so a cluster node needs only the pipeline's packages).

`read_file` reads input files with warta's own readers (so decoding and the quarantine reasons
are those of the local engine) and `ProcessRecords` runs the whole pipeline; a row of their
output is a row of a shard: `id`, `text` (the clean body) and `url` in the Hugging Face
convention, the store key and content hash, `status` (article, quarantined, skipped), and the
whole record as JSON in `record`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .. import pipeline
from ..article import Quarantined, RawDoc
from ..clean.repetition import TemplateLines
from ..read.files import iter_inputs
from ..store.keys import content_hash, quarantine_key, record_key
from ..store.rows import article_record

READ_BATCH = 256  # records a read task hands on at a time: a big file streams, it is never held whole
PROCESS_BATCH = 32  # records an actor processes per call
SHARD_COLUMNS = ("id", "text", "url", "key", "hashed", "source", "status", "reason", "record")
_MAX_ERROR_CHARS = 500


def read_file(batch: dict[str, Any], skip: frozenset[str], max_bytes: int) -> Iterator[dict[str, list]]:
    """Ray Data UDF: the records of each input file in `batch["path"]`, as rows to process.

    Records the store holds already (`skip`) are dropped here, before any work; records the
    reader could not read pass on as quarantined rows."""
    out: dict[str, list] = {c: [] for c in ("key", "hashed", "source", "id", "content", "kind", "url",
                                            "encoding", "status", "reason", "detail")}
    for path in batch["path"]:
        for item in iter_inputs([str(path)], max_bytes=max_bytes):
            if isinstance(item, Quarantined):
                key = quarantine_key(item)
                row = {"key": key, "hashed": "", "source": item.source, "id": item.id, "content": "",
                       "kind": "", "url": None, "encoding": None, "status": "quarantined",
                       "reason": item.reason, "detail": item.detail}
            else:
                hashed = content_hash(item.content)
                key = record_key(item, hashed)
                row = {"key": key, "hashed": hashed, "source": item.source, "id": item.id,
                       "content": item.content, "kind": item.kind, "url": item.url,
                       "encoding": item.encoding, "status": "new", "reason": None, "detail": None}
            if key in skip:  # only its key travels on, so that the summary still counts it
                row.update(content="", status="skipped", reason=None, detail=None)
            for c, v in row.items():
                out[c].append(v)
            if len(out["key"]) >= READ_BATCH:
                yield out
                out = {c: [] for c in out}
    if out["key"]:
        yield out


class ProcessRecords:
    """Ray Data UDF (an actor): the whole pipeline on each record, loaded once per actor."""

    def __init__(self, templates: TemplateLines | None) -> None:
        from ..understand.entities import find_entities

        find_entities("Presiden Joko Widodo di Jakarta.")  # load the models now, not on the first record
        self.templates = templates

    def __call__(self, batch: dict[str, Any]) -> dict[str, list]:
        out: dict[str, list] = {c: [] for c in SHARD_COLUMNS}
        for n in range(len(batch["key"])):
            row = {c: batch[c][n] for c in batch}
            key, source = str(row["key"]), _opt(row["source"])
            if row["status"] == "skipped":
                _add(out, None, None, None, key, str(row["hashed"]), source, "skipped", None, "{}")
                continue
            if row["status"] == "quarantined":
                item = Quarantined(id=_opt(row["id"]), reason=str(row["reason"]), detail=str(row["detail"]),
                                   source=source)
                _add(out, None, None, None, key, "", source, "quarantined", item.reason,
                     json.dumps({"id": item.id, "reason": item.reason, "detail": item.detail}, ensure_ascii=False))
                continue
            raw = RawDoc(id=_opt(row["id"]), content=str(row["content"]), kind=str(row["kind"]),  # type: ignore[arg-type]
                         url=_opt(row["url"]), encoding=_opt(row["encoding"]), source=source)
            try:
                record = _process(raw, key, self.templates)
            except Exception as error:  # as the local engine: a record the pipeline fails on is quarantined
                detail = f"The pipeline failed: {type(error).__name__}: {error}"[:_MAX_ERROR_CHARS]
                _add(out, None, None, None, key, str(row["hashed"]), source, "quarantined", "pipeline-error",
                     json.dumps({"id": raw.id, "reason": "pipeline-error", "detail": detail}, ensure_ascii=False))
                continue
            _add(out, key, record["body"], record.get("url"), key, str(row["hashed"]), source, "article", None,
                 json.dumps(record, ensure_ascii=False))
        return out


def _process(raw: RawDoc, key: str, templates: TemplateLines | None) -> dict[str, Any]:
    """The pipeline on one record, as `warta.store.work.run_task` runs it, as a JSON-ready record."""
    article = pipeline.process(raw, templates) if templates is not None else pipeline.process(raw)
    article.id = key
    article.url = article.url or raw.url
    article.encoding = article.encoding or raw.encoding
    record = article_record(article)
    json.dumps(record, ensure_ascii=False).encode("utf-8")  # unpaired surrogates fail here, not in the store
    return record


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)


def _add(out: dict[str, list], id_: str | None, text: str | None, url: str | None, key: str, hashed: str,
         source: str | None, status: str, reason: str | None, record: str) -> None:
    for c, v in zip(SHARD_COLUMNS, (id_, text, url, key, hashed, source, status, reason, record)):
        out[c].append(v)
