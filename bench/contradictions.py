#!/usr/bin/env python3
"""Contradiction flags on the dev gold and the project's fixtures, scored as the referee does.

    .venv/bin/python bench/contradictions.py [--flags] [--repeat 20]

For each gold page, `find_inconsistencies` reads the gold `body` as the pipeline gives it: with every
date `find_dates` finds in it (given the gold `published` as reference) and the entities
`find_entities` finds, and the page is flagged when it returns anything.
The referee (`shared/tools/score.py`) scores inconsistencies per page as a flag: gold non-empty
against prediction non-empty, precision and recall. Printed for the dev gold (both files) and for
tests/fixtures/*-gold.jsonl, with every flag raised (`--flags`) and every false alarm always.
Speed: pages per second of `find_inconsistencies` alone (dates and entities found beforehand), over `--repeat`
passes on one core. The dev gold is third-party text, read in place (skipped when absent).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = ROOT.parent / "shared" / "data"
DEV = [SHARED / "news-dev-lines.jsonl", SHARED / "news-dev-flat.jsonl"]

from warta.check.contradictions import find_inconsistencies  # noqa: E402
from warta.understand.dates import find_dates  # noqa: E402
from warta.understand.entities import find_entities  # noqa: E402


def load(paths):
    out = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            out.extend(json.loads(line) for line in fh if line.strip())
    return out


def score(name, pages, show):
    tp = fp = fn = tn = 0
    prepared = []
    for g in pages:
        ds = find_dates(g["body"], g.get("published"), unique=False)
        ents = find_entities(g["body"])
        prepared.append((g, ds, ents))
        got = find_inconsistencies(g["body"], ds, g.get("published"), entities=ents)
        gold = bool(g.get("inconsistencies"))
        tp += gold and bool(got)
        fp += (not gold) and bool(got)
        fn += gold and not got
        tn += (not gold) and not got
        for f in got:
            if show or not gold:
                tag = "FLAG" if gold else "FALSE ALARM"
                ev = " | ".join(e["text"] for e in f["evidence"])
                print(f"  {tag} {g['id']} {f['kind']}: [{ev}] {f['explanation']}")
        if gold and not got and show:
            print(f"  missed {g['id']}: {g['inconsistencies'][0][:110]}")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    print(f"{name}: pages={len(pages)} gold_flagged={tp + fn} predicted={tp + fp} "
          f"tp={tp} fp={fp} fn={fn} precision={p:.3f} recall={r:.3f}")
    return prepared


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--flags", action="store_true", help="print every flag and every miss")
    ap.add_argument("--repeat", type=int, default=20)
    a = ap.parse_args()
    prepared = []
    if all(p.is_file() for p in DEV):
        prepared += score("dev gold", load(DEV), a.flags)
    else:
        print(f"dev gold skipped: {', '.join(map(str, DEV))} absent (third-party text kept outside the repository)")
    fixtures = sorted((ROOT / "tests" / "fixtures").glob("*-gold.jsonl"))
    prepared += score("fixtures", load(fixtures), a.flags)
    t = time.perf_counter()
    for _ in range(a.repeat):
        for g, ds, ents in prepared:
            find_inconsistencies(g["body"], ds, g.get("published"), entities=ents)
    dt_ = time.perf_counter() - t
    n = a.repeat * len(prepared)
    chars = a.repeat * sum(len(g["body"]) for g, _, _ in prepared)
    print(f"speed: {n / dt_:.0f} pages/s ({dt_ / n * 1000:.2f} ms/page, {chars / dt_ / 1e6:.2f} M chars/s) "
          f"over {a.repeat} passes of {len(prepared)} pages, one process")


if __name__ == "__main__":
    main()
