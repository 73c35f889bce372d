"""`warta ingest`: every input record through the whole pipeline, in parallel, into the store.

    inputs ─ readers ─ learn templates (first records) ─ skip what the store holds ─┐
                                                                                    ├─ workers: pipeline + rows
    store ◄─ one transaction per batch (articles, children, quarantine, exact links) ┘
          ◄─ connect phase (duplicates, related, stories), unless --no-link

Resumable: a rerun reads the keys the store holds (articles and quarantine) and skips those records
before any work, so after a crash or `kill -9` it stores exactly what is missing. Each record is
stored under its id, or its content hash when it has none (keys.py); a record that reuses a stored
id with other content is quarantined as `duplicate-id`, never silently dropped.

Exit codes as `warta process`: 0 nothing quarantined by this run; 3 some record was; 2 usage error.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import duckdb
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, TaskID

from ..article import Quarantined, RawDoc
from ..clean.repetition import learn_ahead
from ..facts import host_of
from ..read.files import DEFAULT_MAX_BYTES, iter_inputs
from .estimate import estimate_records
from .keys import content_hash, quarantine_key, record_key
from .pool import run_chunks
from .report import IngestTally, make_progress, render_summary
from .rows import ArticleRows
from .schema import SchemaMismatch
from .work import QuarantineRow, Result, Task, duplicate_id_result, quarantined_result
from .writer import HASH_PREFIX, Batch, Known, StoreWriter

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_QUARANTINED = 3

DEFAULT_DB = "warta.duckdb"
DEFAULT_BATCH = 500  # records a transaction: large enough to amortise the commit, small enough to lose little
FLUSH_SECONDS = 5.0  # and at least this often, so a slow corpus still commits as it goes
CHUNK = 8  # records a worker takes at a time: few enough that the in-flight window stays small
LOG_SECONDS = 10.0  # without a terminal, a line about the commits at most this often


@dataclass
class IngestOptions:
    inputs: list[str]
    db: str = DEFAULT_DB
    workers: int | None = None  # None: every core this process may use
    batch_size: int = DEFAULT_BATCH
    link: bool = True
    max_bytes: int = DEFAULT_MAX_BYTES


def default_workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def run_ingest(options: IngestOptions, err: Console | None = None) -> int:
    err = err or Console(file=sys.stderr, highlight=False)
    problem = _usage_problem(options)
    if problem:
        err.print(f"[bold red]error:[/] {escape(problem)}")
        return EXIT_USAGE
    started = time.monotonic()
    try:
        writer = StoreWriter(options.db)
    except (SchemaMismatch, duckdb.IOException) as error:  # another program's file; a store in use
        err.print(f"[bold red]error:[/] cannot write the store {escape(options.db)}: {escape(str(error))}")
        return EXIT_USAGE
    with writer:
        run = _Ingest(writer, options, err)
        run.run()
        link_note = None
        if options.link:
            from .link import link_store

            link_note = link_store(writer.con)
        # the search index beside the store learns the new articles now, not at the first search
        from ..search import build_index

        index = build_index(options.db, connection=writer.con)
        index_note = f"{index.indexed:,} articles indexed, {index.total:,} in all ({index.index_dir})"
    run.tally.check()
    render_summary(err, run.tally, started=started, db=options.db, link_note=link_note,
                   index_note=index_note)
    return EXIT_QUARANTINED if run.tally.quarantined else EXIT_OK


def _usage_problem(options: IngestOptions) -> str | None:
    if not options.inputs:
        return "no inputs given: name files (.txt .html .jsonl[.gz] .parquet .warc[.gz]) or - for stdin."
    target = os.path.abspath(options.db)
    for suffix in ("", ".wal"):
        if any(p != "-" and os.path.abspath(p) == target + suffix for p in options.inputs):
            return f"the store {options.db}{suffix} is also an input."
    folder = os.path.dirname(target)
    if not os.path.isdir(folder):
        return f"the folder {folder} for the store does not exist."
    if options.workers is not None and options.workers < 1:
        return "--workers must be at least 1."
    if options.batch_size < 1:
        return "--batch-size must be at least 1."
    return None


class _Ingest:
    """One run: the skip decisions, the batch waiting for its commit, the tally and the display."""

    def __init__(self, writer: StoreWriter, options: IngestOptions, err: Console) -> None:
        self.writer = writer
        self.options = options
        self.err = err
        self.tally = IngestTally()
        self.known: Known = writer.known()
        self.batch = Batch()
        self.last_flush = time.monotonic()
        self.last_log = 0.0
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def run(self) -> None:
        total = estimate_records(self.options.inputs)
        items = iter_inputs(self.options.inputs, max_bytes=self.options.max_bytes)
        # Learned from the stream's first records, stored or not, so a rerun learns the same templates.
        templates, stream = learn_ahead(items, host_of)
        workers = self.options.workers or default_workers()
        with make_progress(self.err) as progress:
            self.progress = progress
            self.task = progress.add_task("ingesting", total=total, of=f"{total:,}" if total else "?")
            for results in run_chunks(self._chunks(stream), templates, workers):
                self._accept(results)
            self._flush()
            progress.update(self.task, total=self.tally.read, of=f"{self.tally.read:,}", description="stored")

    def _chunks(self, stream: Iterable[RawDoc | Quarantined]) -> Iterator[list[Task]]:
        """Tasks for the records the store lacks; quarantined and known records are settled here."""
        chunk: list[Task] = []
        for item in stream:
            self.tally.read += 1
            task = self._settle(item)
            if task is None:
                self._advance(1)
                self._flush_if_due()
                continue
            chunk.append(task)
            if len(chunk) >= CHUNK:
                yield chunk
                chunk = []
        if chunk:
            yield chunk

    def _settle(self, item: RawDoc | Quarantined) -> Task | None:
        """A Task when the record needs the pipeline; None when it was skipped or quarantined."""
        known = self.known
        if isinstance(item, Quarantined):
            key = quarantine_key(item)
            if key in known.quarantined:
                self.tally.already += 1
            else:
                self._quarantine(quarantined_result(item, key))
            return None
        hashed = content_hash(item.content)
        key = record_key(item, hashed)
        status = known.status(key, hashed)
        if status in ("stored", "quarantined"):
            self.tally.already += 1
            return None
        if status == "conflict":
            self._quarantine(duplicate_id_result(item.id, key, hashed, item.source))
            return None
        known.articles[key] = hashed[:HASH_PREFIX]  # in flight: a repeat of it later in the input is skipped
        return Task(key, hashed, item)

    def _quarantine(self, row: QuarantineRow) -> None:
        self.known.quarantined.add(row.key)
        self.batch.quarantined.append(row)
        self.tally.reasons[row.reason] += 1

    def _accept(self, results: list[Result]) -> None:
        for result in results:
            if isinstance(result, ArticleRows):
                self.batch.articles.append(result)
                self.tally.stored += 1
            else:
                del self.known.articles[result.key]  # not stored after all: it is in quarantine
                self._quarantine(result)
        self._advance(len(results))
        self._flush_if_due()

    def _flush_if_due(self) -> None:
        if len(self.batch) >= self.options.batch_size or (
                self.batch and time.monotonic() - self.last_flush >= FLUSH_SECONDS):
            self._flush()

    def _flush(self) -> None:
        self.last_flush = time.monotonic()
        if not self.batch:
            return
        committed = self.writer.write(self.batch, self.known)
        self.tally.linked += committed.linked
        self.batch = Batch()
        self._log_commit()

    def _advance(self, n: int) -> None:
        if self.progress is not None and self.task is not None:
            self.progress.advance(self.task, n)

    def _log_commit(self) -> None:
        """Without a terminal there is no live bar: a line now and then says the run is alive."""
        if self.err.is_terminal:
            return
        now = time.monotonic()
        if self.last_log and now - self.last_log < LOG_SECONDS:
            return
        self.last_log = now
        t = self.tally
        self.err.print(f"committed: {t.read:,} read, {t.stored:,} stored, {t.already:,} already stored, "
                       f"{t.quarantined:,} quarantined", highlight=False)
