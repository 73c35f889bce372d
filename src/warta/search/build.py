"""Building and updating the index from the store, or from records a caller has.

`build_index(db)` is incremental: it indexes the store's articles that are new or whose indexed
fields changed since the last update, and drops those gone; `rebuild=True` starts over. The
index also starts over by itself when its schema or stemming data changed.

Safe against a crash at any point: the manifest (which ids are indexed, with what content) is
written only after tantivy's commit, and every update first deletes the ids it (re)adds, so a
stale manifest costs re-indexing, never a missing or doubled article.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import tantivy

from . import store_source
from .analysis import Stemmer, shared_stemmer
from .query import SearchError
from .records import IndexRecord, to_document
from .schema import (
    MANIFEST_FILE,
    META_FILE,
    STEMS_FILE,
    IndexMeta,
    create_index,
    index_dir_for,
    index_exists,
    open_index,
)

WRITER_HEAP_BYTES = 256_000_000
COMMIT_EVERY = 200_000  # documents between commits on a large first build (bounds the writer's memory)


@dataclass
class BuildReport:
    index_dir: str
    indexed: int  # articles added or re-indexed
    deleted: int  # articles gone from the store, taken out of the index
    total: int  # articles in the index afterwards
    rebuilt: bool  # started from an empty index
    seconds: float


def build_index(db_path: str | Path, *, rebuild: bool = False,
                connection: duckdb.DuckDBPyConnection | None = None) -> BuildReport:
    """Bring the index beside the store (`X.duckdb` -> `X.search/`) up to date with its articles.

    `connection`: an open connection to the same store (a caller that holds it, such as ingest,
    passes it; DuckDB allows one writer process). Without it the store is opened read-only.
    """
    started = time.perf_counter()
    index_dir = index_dir_for(db_path)
    own = connection is None
    if own:
        try:
            con = duckdb.connect(str(db_path), read_only=True)
        except duckdb.Error as e:
            raise SearchError(f"cannot open the store {db_path} to index it: {e}") from None
    else:
        con = connection
    try:
        try:
            store_source.snapshot(con)
        except LookupError as e:
            raise SearchError(f"{db_path} is not a warta store: {e}") from None
        index, fresh = _open_for_update(index_dir, rebuild)
        manifest = index_dir / MANIFEST_FILE
        gone = store_source.mark_todo(con, None if fresh or not manifest.exists() else str(manifest))
        if not fresh and not manifest.exists():
            # No record of what the index holds: start over rather than guess.
            index, fresh = _open_for_update(index_dir, True)
        stemmer = shared_stemmer()
        load_stems(stemmer, index_dir)
        written = _write(index, store_source.todo_records(con), delete_first=not fresh, delete_ids=gone)
        if written:
            save_stems(stemmer, index_dir)
        tmp = str(manifest) + ".tmp"
        store_source.write_manifest(con, tmp)
        os.replace(tmp, manifest)
    finally:
        store_source.drop_temp(con)
        if own:
            con.close()
    index.reload()
    return BuildReport(str(index_dir), written, len(gone), index.searcher().num_docs, fresh,
                       round(time.perf_counter() - started, 3))


def index_records(index_dir: str | Path, records: Iterable[IndexRecord], *, rebuild: bool = False) -> int:
    """Add (or replace, by id) records in an index folder: the path for callers without a store."""
    index, fresh = _open_for_update(Path(index_dir), rebuild)
    n = _write(index, records, delete_first=not fresh, delete_ids=[])
    index.reload()
    return n


def load_stems(stemmer: Stemmer, index_dir: Path) -> None:
    """Sastrawi is slow on a new word (a few thousand a second): the stems an index was built with
    are kept beside it, so an update stems only the words it has not met before."""
    try:
        text = (index_dir / STEMS_FILE).read_text(encoding="utf-8")
    except OSError:
        return
    stemmer.learn([tuple(line.split("\t", 1)) for line in text.splitlines() if "\t" in line])


def save_stems(stemmer: Stemmer, index_dir: Path) -> None:
    tmp = index_dir / (STEMS_FILE + ".tmp")
    tmp.write_text("".join(f"{w}\t{s}\n" for w, s in stemmer.learned()), encoding="utf-8")
    tmp.replace(index_dir / STEMS_FILE)


def _open_for_update(index_dir: Path, rebuild: bool) -> tuple[tantivy.Index, bool]:
    """The index to write to, and whether it starts empty (no deletes needed)."""
    meta = IndexMeta.current()
    exists = index_exists(index_dir)
    if exists and not rebuild and IndexMeta.read(index_dir) == meta:
        return open_index(index_dir), False
    if index_dir.exists():
        if any(index_dir.iterdir()) and not (exists or (index_dir / META_FILE).exists()):
            raise SearchError(f"{index_dir} exists and is not a warta search index: move it away")
        shutil.rmtree(index_dir)
    index = create_index(index_dir)
    meta.write(index_dir)
    return index, True


def _write(index: tantivy.Index, records: Iterable[IndexRecord], *, delete_first: bool,
           delete_ids: list[str]) -> int:
    stemmer = shared_stemmer()
    try:
        writer = index.writer(heap_size=WRITER_HEAP_BYTES)
    except ValueError as e:  # tantivy's lock: another process is writing this index
        raise SearchError(f"the search index is being updated by another process: {e}") from None
    n = 0
    try:
        for doc_id in delete_ids:
            writer.delete_documents_by_term("id", doc_id)
        for rec in records:
            if delete_first:
                writer.delete_documents_by_term("id", rec.id)
            writer.add_document(to_document(rec, stemmer))
            n += 1
            if n % COMMIT_EVERY == 0:
                writer.commit()
        writer.commit()
        writer.wait_merging_threads()
    except BaseException:
        writer.rollback()
        raise
    return n
