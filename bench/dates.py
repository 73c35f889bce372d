#!/usr/bin/env python3
"""Dates on the dev gold: warta's `find_dates` against dateparser's `search_dates`, scored as the referee does.

    .venv/bin/python bench/dates.py [--diff] [--repeat 20]

Each tool reads each gold page's `body` (and its `published`, when the gold states one, as the
reference date), and its values are scored with the referee's `dates_p_r_f1`: per page, the multiset
of ISO 8601 values (notes are not scored), summed over pages. dateparser runs as a user would call it
for this job: `search_dates(body, languages=["id"], settings={"RELATIVE_BASE": published})`, each
datetime written as a day, or a day and time (with its offset when dateparser gives one) when the
matched text holds a clock time; each distinct matched text counted once, as warta and the gold do.
`--diff` prints each page's missing and extra values for warta. Speed: pages per second over
`--repeat` passes of the dev bodies on one core (the dev bodies, not a replicated corpus).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import dev_gold  # noqa: E402  (also puts src/ on the path)

from warta.evaluate import date_value, prf  # noqa: E402  the referee's primitives
from warta.understand.dates import find_dates  # noqa: E402

_CLOCK = re.compile(r"\d[.:]\d\d|\b(?:pukul|jam)\b", re.I)


def warta_dates(page: dict) -> list[dict]:
    return find_dates(page["body"], page.get("published"))


def dateparser_dates(page: dict) -> list[dict]:
    from dateparser.search import search_dates

    settings = {}
    if page.get("published"):
        settings["RELATIVE_BASE"] = dt.datetime.fromisoformat(page["published"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(page["body"], languages=["id"], settings=settings) or []
    out, seen = [], set()
    for text, when in found:
        if text in seen:
            continue
        seen.add(text)
        if _CLOCK.search(text):
            v = when.isoformat(timespec="minutes")
        else:
            v = when.date().isoformat()
        out.append({"text": text, "value": v})
    return out


def score(gold: dict, run) -> tuple[tuple[float, float, float], dict[str, tuple[Counter, Counter]], float]:
    tp = n_pred = n_gold = 0
    per_page = {}
    t0 = time.perf_counter()
    preds = {gid: run(g) for gid, g in gold.items()}
    secs = time.perf_counter() - t0
    for gid, g in gold.items():
        gd = Counter(v for v in map(date_value, g.get("dates") or []) if v)
        pd = Counter(v for v in map(date_value, preds[gid]) if v)
        tp += sum((gd & pd).values())
        n_pred += sum(pd.values())
        n_gold += sum(gd.values())
        per_page[gid] = (gd - pd, pd - gd)
    return prf(tp, n_pred, n_gold), per_page, secs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--diff", action="store_true", help="print warta's missing and extra values per page")
    ap.add_argument("--repeat", type=int, default=20, help="passes over the dev bodies for the speed figure")
    ap.add_argument("--no-baseline", action="store_true", help="skip dateparser")
    a = ap.parse_args()
    gold = dev_gold()
    n_gold = sum(1 for g in gold.values() for d in g.get("dates") or [] if date_value(d))
    print(f"dev gold: {len(gold)} pages, {n_gold} scored date values (notes are not scored)\n")
    rows = []
    (p, r, f), per_page, _ = score(gold, warta_dates)
    t0 = time.perf_counter()
    for _ in range(a.repeat):
        for g in gold.values():
            find_dates(g["body"], g.get("published"))
    secs = time.perf_counter() - t0
    rows.append(("warta find_dates", p, r, f, a.repeat * len(gold) / secs))
    if not a.no_baseline:
        try:
            (bp, br, bf), _pp, bsecs = score(gold, dateparser_dates)
            rows.append(("dateparser search_dates", bp, br, bf, len(gold) / bsecs))
        except ImportError as e:
            print(f"dateparser: failed ({e})", file=sys.stderr)
    print("| tool | dates P | dates R | dates F1 | pages/s |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, p, r, f, speed in rows:
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {speed:,.0f} |")
    chars = sum(len(g["body"]) for g in gold.values())
    print(f"\nwarta: {a.repeat * chars / secs / 1e6:.2f} M characters/s over {a.repeat} passes "
          f"(mean body {chars // len(gold)} characters); dateparser timed over one pass")
    if a.diff:
        print()
        for gid, (missing, extra) in per_page.items():
            if missing or extra:
                print(f"{gid}\tmissing={dict(missing)}\textra={dict(extra)}")


if __name__ == "__main__":
    main()
