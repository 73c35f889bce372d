"""End-to-end ingest: `warta ingest` into its store against datatrove's FineWeb-style pipeline, same data, same run.

    python bench/ingest.py [--docs 2000] [--html-docs 400] [--workers 1 2] [--keep DIR]

The corpus is the dev pages replicated to `--docs` records (and an HTML-only corpus of `--html-docs`),
each copy after the first made distinct by swapping two adjacent words in each paragraph (HTML: each text run between
tags that is plain prose), so bodies are not exact copies of each other and the store compresses what
a real corpus would give it. The records are written once as JSON lines (`id`, `text`, `url`,
`format`), HTML and text pages in separate shards, two of each, and every tool reads those files.

* warta process: the same pipeline without the store (`warta process SHARDS --output X.jsonl`), one
  process, so the store's share of the time shows.
* warta: `warta ingest SHARDS --db X --workers N --no-link` as a subprocess (the whole pipeline: clean,
  dates, sources and quotes, entities, contradictions, and the store's transactions). The connect phase
  (`warta link`) is timed on its own afterwards, once.
* datatrove 0.10.1, a FineWeb-style pipeline: JsonlReader -> Trafilatura(favour_precision) for the
  HTML shards -> GopherRepetitionFilter -> GopherQualityFilter (Indonesian stop words) -> C4QualityFilter
  (filter_no_terminal_punct=False) -> FineWebQualityFilter -> JsonlWriter, every filter with datatrove's
  Indonesian word tokenizer (`ind`). Text shards skip the extractor. One LocalPipelineExecutor per
  format, `tasks = workers = N`; its time is the sum of the two. FineWeb's URL and fastText language
  filters are left out (the language model is a download), as is its deduplication.

Each command runs alone; its time is wall-clock for the whole command (start-up, imports and
writing included); its memory is the peak of the summed PSS (proportional set size: shared pages
counted once) of the command and all its descendant processes, sampled every 0.1 s, and its CPU
time theirs, from the same samples. On a machine other work shares, wall-clock rates fall with the
load; docs per CPU second is the steadier per-core measure, and the load average is printed as it runs.
Results: a markdown table on stdout, and `bench/out/ingest.json`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import common

PYTHON = sys.executable
SHARDS = 2
_HTML_PROSE = re.compile(r"(?<=>)([^<>{}\"=;]{60,})(?=<)")


# --- the corpus -----------------------------------------------------------------------------------

def swap_two_words(text: str, rng: random.Random) -> str:
    words = text.split(" ")
    if len(words) < 8:
        return text
    k = rng.randrange(2, len(words) - 3)
    words[k], words[k + 1] = words[k + 1], words[k]
    return " ".join(words)


def variant(page: dict[str, Any], copy: int) -> str:
    """The page's raw text or HTML, copy `copy`: copy 0 as it is, later copies each a little different."""
    raw = page["raw"]
    if copy == 0:
        return raw
    rng = random.Random(f"{page['id']}#{copy}")
    if page["format"] == "html":
        return _HTML_PROSE.sub(lambda m: swap_two_words(m.group(1), rng), raw)
    return "\n".join(swap_two_words(line, rng) for line in raw.split("\n"))


def write_corpus(folder: Path, pages: list[dict[str, Any]], n: int, only_html: bool = False) -> dict[str, list[Path]]:
    """`n` records over `pages`, as JSON-lines shards by format: {'html': [...], 'text': [...]}."""
    folder.mkdir(parents=True, exist_ok=True)
    pool = [p for p in pages if p["format"] == "html"] if only_html else pages
    shards: dict[str, list[Any]] = {}
    paths: dict[str, list[Path]] = {}
    for kind in ("html", "text"):
        paths[kind] = [folder / f"{kind}-{i}.jsonl" for i in range(SHARDS)]
        shards[kind] = [p.open("w", encoding="utf-8") for p in paths[kind]]
    counts = {"html": 0, "text": 0}
    for i in range(n):
        page = pool[i % len(pool)]
        kind = "html" if page["format"] == "html" else "text"
        record = {"id": f"{page['id']}#{i}", "text": variant(page, i // len(pool)), "url": page.get("url"),
                  "format": page["format"]}
        shards[kind][counts[kind] % SHARDS].write(json.dumps(record, ensure_ascii=False) + "\n")
        counts[kind] += 1
    for files in shards.values():
        for f in files:
            f.close()
    return {kind: [p for p in ps if p.stat().st_size] for kind, ps in paths.items()}


# --- measuring a command ------------------------------------------------------------------------------

def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            pass
    return out


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_ticks(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, IndexError, ValueError):
        return 0


def measure(command: list[str], cwd: Path | None = None) -> dict[str, Any]:
    """Run `command`: wall seconds, the CPU seconds of it and all its descendants (each process's last
    sample: a process ending between two samples loses at most 0.1 s), and the peak of their summed PSS."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "COLUMNS": "120"})
    peak = 0
    ticks: dict[int, int] = {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            pids = _tree(process.pid)
            peak = max(peak, sum(_pss_kb(p) for p in pids))
            for p in pids:
                ticks[p] = max(ticks.get(p, 0), _cpu_ticks(p))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stderr = process.stderr.read() if process.stderr else ""
    process.wait()
    wall = time.perf_counter() - started
    done.set()
    sampler.join()
    return {"seconds": wall, "cpu_seconds": sum(ticks.values()) / os.sysconf("SC_CLK_TCK"),
            "peak_pss_mb": peak / 1024, "exit": process.returncode, "stderr_tail": stderr[-3000:]}


# --- the tools -------------------------------------------------------------------------------------

def run_warta(files: list[Path], db: Path, workers: int) -> dict[str, Any]:
    for suffix in ("", ".wal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    result = measure([PYTHON, "-m", "warta.cli", "ingest", *map(str, files), "--db", str(db),
                      "--workers", str(workers), "--no-link"])
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        result["stored"] = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        result["quarantined"] = con.execute("SELECT count(*) FROM quarantine").fetchone()[0]
        _, _, block_size, _, used_blocks, free_blocks, *_ = con.execute("PRAGMA database_size").fetchone()
    result["store_bytes"] = db.stat().st_size
    # The file keeps the blocks DuckDB freed while checkpointing (reused by later writes, never returned):
    # the used blocks are what the data takes.
    result["store_used_bytes"] = used_blocks * block_size
    result["store_free_bytes"] = free_blocks * block_size
    return result


def run_datatrove(files_by_kind: dict[str, list[Path]], out: Path, workers: int) -> dict[str, Any]:
    """One executor per format (HTML through Trafilatura, text straight to the filters); times summed."""
    total: dict[str, Any] = {"seconds": 0.0, "cpu_seconds": 0.0, "peak_pss_mb": 0.0, "kept": 0, "parts": {}}
    for kind, files in files_by_kind.items():
        if not files:
            continue
        folder = out / kind
        shutil.rmtree(folder, ignore_errors=True)
        part = measure([PYTHON, __file__, "--datatrove-child", kind, str(files[0].parent), f"{kind}-*.jsonl",
                        str(folder), str(workers)])
        if part["exit"] != 0:
            raise RuntimeError(f"datatrove ({kind}) failed: {part['stderr_tail']}")
        part["kept"] = sum(1 for f in (folder / "output").glob("*.jsonl") for _ in f.open(encoding="utf-8"))
        part["stats"] = _datatrove_stats(folder / "logs")
        total["parts"][kind] = part
        total["seconds"] += part["seconds"]
        total["cpu_seconds"] += part["cpu_seconds"]
        total["peak_pss_mb"] = max(total["peak_pss_mb"], part["peak_pss_mb"])
        total["kept"] += part["kept"]
    total["exit"] = 0
    return total


def _datatrove_stats(logs: Path) -> dict[str, Any]:
    stats = logs / "stats.json"
    if not stats.exists():
        return {}
    merged: dict[str, Any] = {}
    for step in json.loads(stats.read_text()):
        merged[step["name"]] = {k: (v["total"] if isinstance(v, dict) and "total" in v else v)
                                for k, v in step.get("stats", {}).items() if k in ("total", "forwarded", "dropped",
                                                                                 "extracted", "timeout")}
    return merged


def datatrove_child(kind: str, folder: str, glob: str, out: str, workers: int) -> None:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.extractors import Trafilatura
    from datatrove.pipeline.filters import (C4QualityFilter, FineWebQualityFilter, GopherQualityFilter,
                                            GopherRepetitionFilter)
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from warta.lang import data_lines

    stop_words = data_lines("id", "search-stopwords.txt")  # Indonesian function words: Gopher's stop-word rule
    steps: list[Any] = [JsonlReader(folder, glob_pattern=glob, text_key="text", id_key="id")]
    if kind == "html":
        steps.append(Trafilatura(favour_precision=True, timeout=5.0))
    steps += [
        GopherRepetitionFilter(language="ind"),
        GopherQualityFilter(stop_words=stop_words, language="ind"),
        C4QualityFilter(filter_no_terminal_punct=False, language="ind"),
        FineWebQualityFilter(language="ind"),
        JsonlWriter(f"{out}/output", output_filename="${rank}.jsonl", compression=None),
    ]
    LocalPipelineExecutor(pipeline=steps, tasks=workers, workers=workers, logging_dir=f"{out}/logs").run()


# --- the run ---------------------------------------------------------------------------------------

def row(tool: str, corpus: str, workers: int, docs: int, r: dict[str, Any], note: str = "") -> dict[str, Any]:
    rate = docs / r["seconds"]
    return {"tool": tool, "corpus": corpus, "processes": workers, "docs": docs, "seconds": round(r["seconds"], 1),
            "docs_per_s": round(rate, 1), "docs_per_s_per_process": round(rate / workers, 1),
            "cpu_seconds": round(r["cpu_seconds"], 1), "docs_per_cpu_s": round(docs / max(r["cpu_seconds"], 1e-9), 1),
            "peak_pss_mb": round(r["peak_pss_mb"]), "note": note}


def run_warta_process(files: list[Path], out: Path) -> dict[str, Any]:
    """The same pipeline without the store: `warta process` to a JSON-lines file, one process."""
    return measure([PYTHON, "-m", "warta.cli", "process", *map(str, files), "--output", str(out)])


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--html-docs", type=int, default=400)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="keep the corpus, stores and outputs here")
    parser.add_argument("--datatrove-child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.datatrove_child:
        kind, folder, glob, out, workers = args.datatrove_child
        datatrove_child(kind, folder, glob, out, int(workers))
        return 0

    pages = list(common.dev_gold().values())  # exits 0 with the reason when ../shared is absent
    work = args.keep or Path(tempfile.mkdtemp(prefix="warta-bench-ingest-"))
    work.mkdir(parents=True, exist_ok=True)
    mixed = write_corpus(work / "mixed", pages, args.docs)
    html = write_corpus(work / "html", pages, args.html_docs, only_html=True)
    input_bytes = sum(p.stat().st_size for ps in mixed.values() for p in ps)
    results: list[dict[str, Any]] = []
    raw: dict[str, Any] = {"machine": common.machine(), "docs": args.docs, "html_docs": args.html_docs,
                           "input_bytes": input_bytes, "runs": []}
    print(f"corpus: {args.docs:,} records ({sum(1 for ps in mixed['html'] for _ in ps.open())} HTML), "
          f"{input_bytes / 1e6:,.1f} MB; HTML-only corpus: {args.html_docs:,}", file=sys.stderr)

    print(f"[load {load_average()}] warta process (no store), mixed, 1 process...", file=sys.stderr)
    p = run_warta_process([p for ps in mixed.values() for p in ps], work / "process.jsonl")
    results.append(row("warta process (no store)", "mixed", 1, args.docs, p, "the pipeline alone, JSON lines out"))
    raw["runs"].append({"tool": "warta process", "corpus": "mixed", "workers": 1, **p})
    for workers in args.workers:
        for corpus, files, n in (("mixed", mixed, args.docs), ("html", html, args.html_docs)):
            print(f"[load {load_average()}] warta ingest, {corpus}, {workers} process(es)...", file=sys.stderr)
            db = work / f"warta-{corpus}-{workers}.duckdb"
            w = run_warta([p for ps in files.values() for p in ps], db, workers)
            if w["exit"] not in (0, 3):
                raise RuntimeError(f"warta ingest failed: {w['stderr_tail']}")
            results.append(row("warta ingest", corpus, workers, n, w,
                               f"{w['stored']:,} stored, {w['quarantined']:,} quarantined; store file "
                               f"{w['store_bytes'] / 1e6:,.1f} MB, {w['store_used_bytes'] / 1e6:,.1f} MB used"))
            raw["runs"].append({"tool": "warta", "corpus": corpus, "workers": workers, **w})
            print(f"[load {load_average()}] datatrove FineWeb-style, {corpus}, {workers} process(es)...",
                  file=sys.stderr)
            d = run_datatrove(files, work / f"datatrove-{corpus}-{workers}", workers)
            results.append(row("datatrove FineWeb-style", corpus, workers, n, d, f"{d['kept']:,} kept by the filters"))
            raw["runs"].append({"tool": "datatrove", "corpus": corpus, "workers": workers, **d})

    # The connect phase, once, on the 1-process mixed store; and the store's size per 1,000 articles.
    db = work / f"warta-mixed-{args.workers[0]}.duckdb"
    link = measure([PYTHON, "-m", "warta.cli", "link", "--db", str(db)])
    raw["link"] = link
    first = next(r for r in raw["runs"] if r["tool"] == "warta" and r["corpus"] == "mixed")
    per_thousand = first["store_used_bytes"] / first["stored"] * 1000
    raw["store_used_bytes_per_1000"] = per_thousand
    common.OUT.mkdir(parents=True, exist_ok=True)
    (common.OUT / "ingest.json").write_text(json.dumps(raw, indent=2, ensure_ascii=False, default=str))

    print(common.machine_line(raw["machine"]))
    print()
    headers = ("tool", "corpus", "processes", "docs", "seconds", "docs/s", "docs/s per process", "CPU s",
               "docs per CPU s", "peak PSS MB", "note")
    print(common.markdown_table(headers, [list(r.values()) for r in results]))
    print()
    print(f"store: {per_thousand / 1e6:,.2f} MB used per 1,000 articles ({first['stored']:,} articles, "
          f"{first['store_used_bytes'] / 1e6:,.1f} MB used of a {first['store_bytes'] / 1e6:,.1f} MB file; "
          f"the input JSON lines: {input_bytes / 1e6:,.1f} MB)")
    print(f"warta link on that store: {link['seconds']:,.1f} s, peak PSS {link['peak_pss_mb']:,.0f} MB "
          f"(exit {link['exit']}): {link['stderr_tail'].strip().splitlines()[-1] if link['stderr_tail'].strip() else ''}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
