"""`kill -9` in the middle of `warta ingest`, then the same command again: nothing lost, nothing twice."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from conftest import DEV_GOLD, ROOT, load_gold
from warta.store.schema import CHILD_TABLES

RECORDS = 300
BAD_EVERY = 97  # a line that is not JSON, now and then
KILL_TIMEOUT = 120


def pages() -> list[dict]:
    """The dev gold pages when ../shared is there, else the project-written samples."""
    if all(p.exists() for p in DEV_GOLD):
        return [{"html" if g["format"] == "html" else "text": g["raw"], "url": g.get("url")} for g in load_gold(DEV_GOLD)]
    corpus = ROOT / "src" / "warta" / "samples" / "corpus.jsonl"
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [{k: r[k] for k in ("text", "html", "url") if k in r} for r in records if "text" in r or "html" in r]


def write_corpus(path: Path) -> tuple[set[str], set[str]]:
    """RECORDS lines: pages under distinct ids (each copy a little different), and some bad lines."""
    base = pages()
    good, bad = set(), set()
    with path.open("w", encoding="utf-8") as out:
        for n in range(1, RECORDS + 1):
            if n % BAD_EVERY == 0:
                out.write("{not json\n")
                bad.add(f"{path.stem}:{n}")  # the reader's id for a bad line: file stem and line number
                continue
            page = dict(base[n % len(base)])
            field = "html" if "html" in page else "text"
            page[field] = page[field] + f"\nKode arsip {n}."  # distinct content, so distinct bodies
            page["id"] = f"doc-{n:05d}"
            good.add(page["id"])
            out.write(json.dumps(page, ensure_ascii=False) + "\n")
    return good, bad


def start_ingest(corpus: Path, db: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "warta.cli", "ingest", str(corpus), "--db", str(db),
               "--workers", "2", "--batch-size", "10", "--no-link"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, cwd=corpus.parent)


def kill_after_first_commit(process: subprocess.Popen) -> None:
    """SIGKILL the ingest once it says it committed a batch (its workers go with their group)."""
    deadline = time.monotonic() + KILL_TIMEOUT
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("committed:"):
            break
        assert time.monotonic() < deadline, "no batch committed in time"
    else:
        pytest.fail(f"the ingest ended before committing anything (exit {process.wait()})")
    time.sleep(0.2)  # a little further into the run: more batches, workers busy
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    try:
        os.killpg(process.pid, signal.SIGKILL)  # the workers and the forkserver, if still about
    except ProcessLookupError:
        pass


def test_kill_then_rerun_loses_nothing_and_stores_nothing_twice(tmp_path: Path) -> None:
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "store.duckdb"
    good, bad = write_corpus(corpus)

    process = start_ingest(corpus, db)
    kill_after_first_commit(process)
    assert process.returncode == -signal.SIGKILL

    with duckdb.connect(str(db), read_only=True) as con:
        stored_before = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < stored_before < len(good), "the kill must land mid-run"

    rerun = start_ingest(corpus, db)
    _, errors = rerun.communicate(timeout=KILL_TIMEOUT)
    assert rerun.returncode in (0, 3), errors

    with duckdb.connect(str(db), read_only=True) as con:
        ids = [r[0] for r in con.execute("SELECT id FROM articles").fetchall()]
        quarantined = [r[0] for r in con.execute("SELECT id FROM quarantine").fetchall()]
        # every article whole: as many child rows as its record lists
        for table in CHILD_TABLES:  # each child table is named after the Article list it holds
            mismatched = con.execute(f"""
                SELECT count(*) FROM articles a
                WHERE json_array_length(a.record -> '{table}') <>
                      (SELECT count(*) FROM {table} c WHERE c.article_id = a.id)""").fetchone()[0]
            assert mismatched == 0, table
            repeated = con.execute(f"SELECT count(*) FROM (SELECT article_id, seq FROM {table} "
                                   "GROUP BY ALL HAVING count(*) > 1)").fetchone()[0]
            assert repeated == 0, table
    assert len(ids) == len(set(ids)) and len(quarantined) == len(set(quarantined))  # none twice
    assert set(ids) | set(quarantined) == good | bad  # none lost
    assert set(ids) & set(quarantined) == set()
    assert set(quarantined) == bad
    # the rerun's summary: it stored exactly what the killed run had not
    stored_now = re.search(r"^\s*stored\s+([\d,]+)", errors, re.M)
    assert stored_now and int(stored_now[1].replace(",", "")) == len(good) - stored_before, errors
