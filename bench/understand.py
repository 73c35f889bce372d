"""The understanding stage together: dates, sources and quotes, entities, contradictions, per core.

    .venv/bin/python bench/understand.py [--rounds 10]

Runs the four steps exactly as the pipeline does (`warta.pipeline`), on the gold `body` and
`published` of the 51 dev pages (/work/shared/data/news-dev-{lines,flat}.jsonl), in one process
(one core), `--rounds` times over; prints docs/s for the stage and the share of each step. The
issue's target is ≥ 200 docs/s per core for the four together. Caches keyed by the body (the
sources step memoises its parse for quotes) are cleared between rounds, so no round is free.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from warta.check.contradictions import find_inconsistencies  # noqa: E402
from warta.understand import sources as sources_mod  # noqa: E402
from warta.understand.dates import find_dates, first_occurrences  # noqa: E402
from warta.understand.entities import find_entities  # noqa: E402
from warta.understand.sources import find_attributions, find_quotes  # noqa: E402

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=10)
    a = ap.parse_args()
    files = [DATA / "news-dev-lines.jsonl", DATA / "news-dev-flat.jsonl"]
    if not all(f.exists() for f in files):
        print("skipped: ../shared/data/news-dev-*.jsonl is absent (third-party pages kept outside the repository)")
        return
    docs = [json.loads(line) for f in files for line in f.open(encoding="utf-8") if line.strip()]
    spent = {"dates": 0.0, "sources and quotes": 0.0, "entities": 0.0, "contradictions": 0.0}
    # one warm-up pass: models and data files load once per process, as in a long ingest
    for d in docs[:3]:
        find_entities(d["body"]), find_dates(d["body"], d.get("published"))
    n = 0
    for _ in range(a.rounds):
        sources_mod._resolved.cache_clear()
        for d in docs:
            body, published = d["body"], d.get("published")
            t0 = time.perf_counter()
            all_dates = find_dates(body, published, unique=False)
            first_occurrences(all_dates)
            t1 = time.perf_counter()
            find_attributions(body), find_quotes(body)
            t2 = time.perf_counter()
            entities = find_entities(body)
            t3 = time.perf_counter()
            find_inconsistencies(body, all_dates, published, entities=entities)
            t4 = time.perf_counter()
            spent["dates"] += t1 - t0
            spent["sources and quotes"] += t2 - t1
            spent["entities"] += t3 - t2
            spent["contradictions"] += t4 - t3
            n += 1
    total = sum(spent.values())
    print(f"{platform.node()} {platform.processor() or platform.machine()}, Python {platform.python_version()}, one process")
    print(f"understanding stage: {n} docs in {total:.2f} s = {n / total:.1f} docs/s per core (target >= 200)")
    for step, s in spent.items():
        print(f"  {step:20s} {s / n * 1000:7.2f} ms/doc  {n / s:9.1f} docs/s  {s / total:6.1%}")


if __name__ == "__main__":
    main()
