"""`warta ingest --engine ray`: the same pipeline as Ray Data, through Parquet shards, merged into the store.

    input files ─ Ray Data: read (warta's readers, one task a file) ─ skip what the store holds
                ─ process (an actor pool: the pipeline loaded once per actor) ─ write Parquet shards
    shards ─ driver: merge into the store, one transaction per batch, as `warta ingest` does

Why shards and not results streamed back to the driver: on a cluster the workers write to a
shared filesystem or an object store (`--shards s3://bucket/run/`, any path pyarrow and Ray can
write), so the driver never carries the corpus, and a shard is itself a dataset in the Hugging
Face convention (`id`, `text` = the clean body, `url`, and the whole record as JSON in `record`).

Resumable like the local engine: a rerun first merges the shards a killed run left (a shard file
that cannot be read is skipped: its records are not in the store, so they are processed again),
then processes only the records whose key the store does not hold, and merges those. A record
is stored once under its key; one that reuses a stored id with other content is quarantined as
`duplicate-id` at the merge, exactly as the local engine does. A shard folder is removed once
merged, unless `keep_shards`.

Every record read ends in `articles` or `quarantine`: the merge counts them, and the summary
says read = stored + already stored + quarantined, as the local engine's does.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.markup import escape

from ..article import Article, Quarantined
from ..clean.repetition import TemplateLines, learn_ahead
from ..facts import host_of
from ..read.files import DEFAULT_MAX_BYTES, iter_inputs
from ..store.report import IngestTally, render_summary
from ..store.rows import article_rows
from ..store.work import QuarantineRow, duplicate_id_result, quarantined_result
from ..store.writer import HASH_PREFIX, Batch, StoreWriter
from .ray_stages import PROCESS_BATCH, ProcessRecords, read_file

EXIT_OK, EXIT_USAGE, EXIT_QUARANTINED = 0, 2, 3
MERGE_BATCH = 500  # records a store transaction


@dataclass
class RayOptions:
    inputs: list[str]
    db: str
    shards: str | None = None  # default: `<db>.shards` beside the store
    address: str | None = None  # a running cluster (`auto`, `ray://host:10001`); None: a local Ray
    workers: int | None = None  # actors processing records; None: every CPU Ray has
    keep_shards: bool = False
    link: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES


# ---------------------------------------------------------------- the driver

@dataclass
class _Merge:
    """Shard rows into the store: the local engine's skip and conflict rules, one transaction a batch."""

    writer: StoreWriter
    tally: IngestTally = field(default_factory=IngestTally)

    def __post_init__(self) -> None:
        self.known = self.writer.known()
        self.batch = Batch()

    def add(self, row: dict[str, Any]) -> None:
        self.tally.read += 1
        key, hashed, source = row["key"], row["hashed"] or "", row["source"]
        if row["status"] == "skipped":
            self.tally.already += 1
            return
        record = json.loads(row["record"])
        if row["status"] == "quarantined":
            item = Quarantined(id=record.get("id"), reason=record["reason"], detail=record["detail"], source=source)
            if key in self.known.quarantined:
                self.tally.already += 1
            else:
                self._quarantine(quarantined_result(item, key))
            return
        status = self.known.status(key, hashed)
        if status in ("stored", "quarantined"):
            self.tally.already += 1
            return
        if status == "conflict":  # (a conflict already quarantined reads as "stored" above)
            self._quarantine(duplicate_id_result(key, key, hashed, source))
            return
        article = Article.from_dict(record)
        self.known.articles[key] = hashed[:HASH_PREFIX]
        self.batch.articles.append(article_rows(article, key=key, hashed=hashed, source=source))
        self.tally.stored += 1
        if len(self.batch) >= MERGE_BATCH:
            self.flush()

    def _quarantine(self, row: QuarantineRow) -> None:
        self.known.quarantined.add(row.key)
        self.batch.quarantined.append(row)
        self.tally.reasons[row.reason] += 1
        if len(self.batch) >= MERGE_BATCH:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            committed = self.writer.write(self.batch, self.known)
            self.tally.linked += committed.linked
            self.batch = Batch()


def merge_shards(folder: str, merge: _Merge, err: Console) -> int:
    """Merge every readable Parquet shard under `folder`; returns the number of shard files merged."""
    import pyarrow.parquet as pq

    merged = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".parquet"):
            continue
        path = os.path.join(folder, name)
        try:
            table = pq.read_table(path)
        except Exception as error:  # noqa: BLE001 - a shard a killed run left half-written
            err.print(f"[yellow]skipped an unreadable shard[/] {escape(path)}: {escape(str(error))} "
                      "(its records are processed again)")
            continue
        for row in table.to_pylist():
            merge.add(row)
        merge.flush()
        merged += 1
    return merged


def _learn_templates(inputs: list[str], max_bytes: int) -> TemplateLines | None:
    """The outlet templates from the corpus's first records, as the local engine learns them."""
    templates, stream = learn_ahead(iter_inputs(inputs, max_bytes=max_bytes), host_of)
    del stream  # only the read-ahead was needed
    return templates


def run_ray_ingest(options: RayOptions, err: Console | None = None) -> int:
    err = err or Console(file=sys.stderr, highlight=False)
    if not options.inputs or "-" in options.inputs:
        err.print("[bold red]error:[/] the Ray engine reads files (a shared filesystem on a cluster), not stdin.")
        return EXIT_USAGE
    missing = [p for p in options.inputs if not os.path.exists(p)]
    if missing:
        err.print(f"[bold red]error:[/] no such input: {escape(missing[0])}")
        return EXIT_USAGE
    import ray

    started = time.monotonic()
    shards = options.shards or f"{options.db}.shards"
    os.makedirs(shards, exist_ok=True)
    with StoreWriter(options.db) as writer:
        merge = _Merge(writer)
        # 1. what a killed run left: stored now, so this run reads those records as already stored
        for folder in sorted(d for d in os.listdir(shards) if d.startswith("run-")):
            path = os.path.join(shards, folder)
            n = merge_shards(path, merge, err)
            merge.flush()
            err.print(f"recovered {merge.tally.stored:,} article(s) and {merge.tally.quarantined:,} quarantined "
                      f"record(s) from {n} shard file(s) a previous run left in {escape(path)}")
            shutil.rmtree(path, ignore_errors=True)
            merge.tally = IngestTally()
        skip = frozenset(merge.known.articles) | frozenset(merge.known.quarantined)
        templates = _learn_templates(options.inputs, options.max_bytes)
        # 2. the corpus through Ray Data into this run's shard folder
        run_dir = os.path.join(shards, f"run-{int(time.time())}-{uuid.uuid4().hex[:8]}")
        if not ray.is_initialized():
            ray.init(address=options.address, num_cpus=options.workers if options.address is None else None,
                     include_dashboard=False, log_to_driver=False, configure_logging=False)
        workers = options.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = err.is_terminal
        files = [os.path.abspath(p) for p in options.inputs]
        ds = ray.data.from_items([{"path": p} for p in files], override_num_blocks=len(files))
        ds = ds.map_batches(read_file, batch_size=1, fn_kwargs={"skip": skip, "max_bytes": options.max_bytes})
        ds = ds.map_batches(ProcessRecords, batch_size=PROCESS_BATCH, compute=ray.data.ActorPoolStrategy(size=workers),
                            fn_constructor_kwargs={"templates": templates})
        ds.write_parquet(run_dir)
        processed_at = time.monotonic()
        # 3. the shards into the store
        if os.path.isdir(run_dir):
            merge_shards(run_dir, merge, err)
            if not options.keep_shards:
                shutil.rmtree(run_dir, ignore_errors=True)
        merge.flush()
        tally = merge.tally
        link_note = None
        if options.link:
            from ..store.link import link_store

            link_note = link_store(writer.con)
        # the search index beside the store learns the new articles now, not at the first search
        from ..search import build_index

        index = build_index(options.db, connection=writer.con)
        index_note = f"{index.indexed:,} articles indexed, {index.total:,} in all ({index.index_dir})"
    tally.check()
    err.print(f"Ray: {workers} worker(s), pipeline {processed_at - started:.1f} s, merge "
              f"{time.monotonic() - processed_at:.1f} s")
    render_summary(err, tally, started=started, db=options.db, link_note=link_note, index_note=index_note)
    return EXIT_QUARANTINED if tally.quarantined else EXIT_OK

