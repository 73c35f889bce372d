"""Scaling of the Ray engine's distributed stage (read -> pipeline -> Parquet shards) with workers.

    python bench/ray_scaling.py --data DEV_JSONL... [--docs 6000] [--workers 1,2,4,8,16] [--out FILE]

The corpus: the dev gold pages (their `raw` text or HTML), replicated with distinct ids into 16
JSON-lines files (the shards a crawler would leave). For each worker count, a fresh local Ray
with that many CPUs runs exactly the stages `warta ingest --engine ray` runs on a cluster
(`warta.run.ray_stages`: read with warta's readers, the whole pipeline in an actor pool, Parquet
shards written), and the wall time from the dataset's start to the last shard written is taken.
The merge into DuckDB is the driver's single-process step and is not part of this curve.
`--engine pool` runs the same records through a plain process pool instead (no Ray), to tell
Ray's overhead from the pipeline's own scaling. One process without either gives the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))


def make_corpus(data: list[str], docs: int, folder: Path, files: int = 16) -> list[str]:
    pages = []
    for path in data:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    g = json.loads(line)
                    key = "html" if g.get("format") == "html" else "text"
                    pages.append({key: g["raw"], "url": g.get("url")})
    paths = [folder / f"shard-{n:02d}.jsonl" for n in range(files)]
    handles = [p.open("w", encoding="utf-8") for p in paths]
    for n in range(docs):
        rec = {"id": f"doc-{n:07d}", **pages[n % len(pages)]}
        handles[n % files].write(json.dumps(rec, ensure_ascii=False) + "\n")
    for h in handles:
        h.close()
    return [str(p) for p in paths]


def baseline(paths: list[str], limit: int) -> float:
    """docs/s of the pipeline in this one process, no executor at all."""
    from warta.read.files import iter_inputs
    from warta.run.ray_stages import _process
    from warta.article import RawDoc

    records = [r for r in iter_inputs(paths) if isinstance(r, RawDoc)][:limit]
    _process(records[0], "warm", None)
    t0 = time.perf_counter()
    for r in records:
        _process(r, r.id or "", None)
    return len(records) / (time.perf_counter() - t0)


def run_ray(paths: list[str], workers: int, out: str) -> float:
    import ray

    from warta.run.ray_stages import PROCESS_BATCH, ProcessRecords, read_file

    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        ray.data.DataContext.get_current().enable_progress_bars = False
        t0 = time.perf_counter()
        ds = ray.data.from_items([{"path": p} for p in paths], override_num_blocks=len(paths))
        ds = ds.map_batches(read_file, batch_size=1, fn_kwargs={"skip": frozenset(), "max_bytes": 8_000_000})
        ds = ds.map_batches(ProcessRecords, batch_size=PROCESS_BATCH, compute=ray.data.ActorPoolStrategy(size=workers),
                            fn_constructor_kwargs={"templates": None})
        ds.write_parquet(out)
        return time.perf_counter() - t0
    finally:
        ray.shutdown()


def _pool_file(path: str) -> int:
    from warta.read.files import iter_inputs
    from warta.run.ray_stages import _process
    from warta.article import RawDoc

    n = 0
    for r in iter_inputs([path]):
        if isinstance(r, RawDoc):
            _process(r, r.id or "", None)
            n += 1
    return n


def run_pool(paths: list[str], workers: int) -> float:
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        sum(pool.map(_pool_file, paths))
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", nargs="+", required=True)
    ap.add_argument("--docs", type=int, default=6000)
    ap.add_argument("--workers", default="1,2,4,8,16")
    ap.add_argument("--engine", default="ray", choices=["ray", "pool"])
    ap.add_argument("--out", default=None, help="also write the table here")
    a = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="warta-scaling-"))
    paths = make_corpus(a.data, a.docs, work)
    lines = [f"{platform.node()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
             f"{a.docs:,} docs in {len(paths)} JSONL files, engine {a.engine}"]
    base = baseline(paths, 300)
    lines.append(f"baseline, one process, no executor: {base:.1f} docs/s")
    lines.append("| workers | wall s | docs/s | speed-up vs 1 worker | vs baseline |")
    lines.append("| --- | --- | --- | --- | --- |")
    first = None
    for w in [int(x) for x in a.workers.split(",")]:
        out = str(work / f"out-{w}")
        secs = run_ray(paths, w, out) if a.engine == "ray" else run_pool(paths, w)
        rate = a.docs / secs
        first = first or rate
        lines.append(f"| {w} | {secs:.1f} | {rate:.1f} | {rate / first:.2f}x | {rate / base:.2f}x |")
        print(lines[-1], flush=True)
        shutil.rmtree(out, ignore_errors=True)
    text = "\n".join(lines)
    print(text)
    if a.out:
        Path(a.out).write_text(text + "\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
