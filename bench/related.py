"""Related articles and stories: precision@k on labelled pairs, and speed at 100,000 documents.

    .venv/bin/python bench/related.py eval           # precision@k, recall, stories (needs ../shared)
    .venv/bin/python bench/related.py todo           # the listed pairs that have no label yet
    .venv/bin/python bench/related.py scale -n 100000

The corpus is the 51 dev gold pages (../shared, processed by `warta.process` from their raw text,
read in place) and the project-written pages of tests/fixtures/connect-pages.jsonl (a few stories
that continue dev pages, the Russia-China-war pages for dev-l00, and unrelated recipes, gossip,
football and gadget pages like those a portal's own "Artikel Terkait" box lists).

The measure: a listed related article is right when it reports the same event or the same
continuing topic (a follow-up, another outlet's report, the same market day, the same war), as
judged by a reader of both texts. bench/data/related-labels.tsv holds those judgements (ids and
labels only), with who labelled and how. precision@k is over the related lists of the dev pages
(each list cut at k; a list may be shorter, since pairs under the score threshold are not
listed); `--no-threshold` scores the ranking alone, every list filled to k.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from common import OUT, ROOT, dev_gold

LABELS = ROOT / "bench" / "data" / "related-labels.tsv"
FIXTURES = ROOT / "tests" / "fixtures" / "connect-pages.jsonl"


def corpus() -> list:
    """ConnectDocs of the dev pages and the fixture pages, as the store would make them."""
    import warta
    from warta.connect import connect_doc

    docs = []
    for gid, g in sorted(dev_gold().items()):
        docs.append(connect_doc(warta.process(g["raw"], url=g.get("url"), id=gid)))
    for line in FIXTURES.read_text(encoding="utf-8").splitlines():
        p = json.loads(line)
        d = connect_doc(warta.process(p["text"], id=p["id"]))
        # A store has the outlet and date of a page from its metadata, as these fixtures do.
        docs.append(dataclasses.replace(d, outlet=p["outlet"], published=p["published"] or d.published,
                                        title=d.title or p["title"]))
    return docs


def load_labels() -> dict[tuple[str, str], int]:
    out = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#") and not line.startswith("article_id"):
            a, b, label, *_ = line.split("\t")
            out[(a, b)] = out[(b, a)] = int(label)
    return out


def link(docs, threshold: bool):
    import warta.connect.related as related
    from warta.connect.duplicates import find_duplicates
    from warta.connect.features import build_features
    from warta.connect.stories import find_stories

    params = related.DEFAULT_RELATED if threshold else dataclasses.replace(related.DEFAULT_RELATED, min_score=0.0)
    docs = sorted(docs, key=lambda d: d.id)
    dups = find_duplicates(docs)
    feats = build_features(docs)
    best = related.find_related(docs, feats, dups.cluster_of, 5, params)
    return docs, related.to_rows(best, docs, feats), find_stories(docs, best, dups.cluster_of)


def precision_at(rows, labels, ks=(1, 3, 5), only_prefix: str = "dev-") -> tuple[dict, list, int]:
    lists: dict[str, list] = defaultdict(list)
    for r in rows:
        if r.article_id.startswith(only_prefix):
            lists[r.article_id].append(r)
    unlabelled = sorted({(r.article_id, r.related_id) for rs in lists.values() for r in rs
                         if (r.article_id, r.related_id) not in labels})
    out = {}
    for k in ks:
        judged = [labels[(r.article_id, r.related_id)] for rs in lists.values() for r in rs[:k]
                  if (r.article_id, r.related_id) in labels]
        out[k] = (sum(judged) / len(judged) if judged else float("nan"), len(judged))
    return out, unlabelled, len(lists)


def cmd_eval(args) -> dict:
    labels = load_labels()
    docs = corpus()
    byid = {d.id: d for d in docs}
    result = {}
    print(f"{len(docs)} documents ({sum(d.id.startswith('dev-') for d in docs)} dev pages); "
          f"{len(labels) // 2} labelled pairs\n")
    print("| lists | precision@1 | precision@3 | precision@5 | dev pages with a list | related listed (dev pages) |")
    print("| --- | --- | --- | --- | --- | --- |")
    todo = []
    for threshold in (True, False):
        _docs, rows, stories = link(docs, threshold)
        p, unlabelled, n_lists = precision_at(rows, labels)
        todo += unlabelled
        listed = sum(1 for r in rows if r.article_id.startswith("dev-"))
        name = "warta (score >= threshold)" if threshold else "warta ranking alone (every list filled to 5)"
        cells = " | ".join(f"{p[k][0]:.3f} ({p[k][1]})" for k in (1, 3, 5))
        print(f"| {name} | {cells} | {n_lists} / 51 | {listed} |")
        result[name] = {"precision": {k: v[0] for k, v in p.items()}, "judged": {k: v[1] for k, v in p.items()},
                        "lists": n_lists, "listed": listed}
        if threshold:
            kept_rows, kept_stories = rows, stories
        else:
            all_rows = rows
    print("\nthe threshold, on the ranking's lists (dev pages, top 5): precision and recall of the labelled pairs")
    print("| min score | precision@5 | recall | related listed |")
    print("| --- | --- | --- | --- |")
    relevant_all = {pair for pair, lab in labels.items() if lab == 1 and pair[0].startswith("dev-")}
    sweep = {}
    for t in (0.08, 0.10, 0.12, 0.14, 0.16, 0.18, 0.20, 0.25):
        kept = [r for r in all_rows if r.article_id.startswith("dev-") and r.score >= t]
        judged = [labels[(r.article_id, r.related_id)] for r in kept if (r.article_id, r.related_id) in labels]
        found = {(r.article_id, r.related_id) for r in kept}
        prec = sum(judged) / len(judged) if judged else float("nan")
        rec = len(relevant_all & found) / len(relevant_all)
        print(f"| {t:.2f} | {prec:.3f} | {rec:.3f} | {len(kept)} |")
        sweep[t] = {"precision": prec, "recall": rec, "listed": len(kept)}
    result["threshold_sweep"] = sweep
    relevant = {pair for pair, lab in labels.items() if lab == 1 and pair[0].startswith("dev-")}
    found = {(r.article_id, r.related_id) for r in kept_rows}
    recall = len(relevant & found) / len(relevant) if relevant else float("nan")
    print(f"\nrecall of the pairs labelled related (dev pages, either direction): {len(relevant & found)} / "
          f"{len(relevant)} = {recall:.3f}")
    result["recall"] = recall
    l00 = [r for r in kept_rows if r.article_id == "dev-l00"]
    print("\ndev-l00 (Putin and Xi Jinping talk; its portal's own 'Artikel Terkait' lists recipes and gossip):")
    for r in l00:
        d = byid[r.related_id]
        print(f"  {r.score:.3f}  {r.related_id}  {(d.title or d.body[:60])[:70]}  [{'; '.join(r.reasons)}]")
    print("\nstories:")
    members = defaultdict(list)
    for s in kept_stories:
        members[s.story_id].append(s.article_id)
    story_pairs = {(a, b) for m in members.values() for a in m for b in m if a < b}
    judged = [labels[p] for p in story_pairs if p in labels]
    for sid, m in sorted(members.items()):
        print(f"  {sid}: {', '.join(m)}")
    print(f"story pairs judged related: {sum(judged)} / {len(judged)} judged ({len(story_pairs)} pairs)")
    result["stories"] = {"count": len(members), "pairs": len(story_pairs), "judged": len(judged),
                         "related": sum(judged)}
    result["story_sweep"] = story_sweep(docs, labels)
    if todo:
        print(f"\n{len(set(todo))} listed pairs have no label yet: `bench/related.py todo`", file=sys.stderr)
    return result


def story_sweep(docs, labels) -> dict:
    """Stories at other thresholds, with and without mutual links: pairs judged related / judged."""
    import warta.connect.related as related
    from warta.connect.duplicates import find_duplicates
    from warta.connect.features import build_features
    from warta.connect.stories import StoryParams, find_stories

    docs = sorted(docs, key=lambda d: d.id)
    dups = find_duplicates(docs)
    feats = build_features(docs)
    best = related.find_related(docs, feats, dups.cluster_of, 5)
    relevant = {p for p, lab in labels.items() if lab == 1 and p[0] < p[1]}
    print("\n| story min score | mutual | stories | pairs in stories | judged related / judged | related pairs found |")
    print("| --- | --- | --- | --- | --- | --- |")
    out = {}
    for min_score in (0.14, 0.2, 0.3):
        for mutual in (True, False):
            members: dict[str, list[str]] = defaultdict(list)
            for s in find_stories(docs, best, dups.cluster_of, StoryParams(min_score, mutual)):
                members[s.story_id].append(s.article_id)
            pairs = {(a, b) for m in members.values() for a in m for b in m if a < b}
            judged = [labels[p] for p in pairs if p in labels]
            print(f"| {min_score:.2f} | {mutual} | {len(members)} | {len(pairs)} | {sum(judged)} / {len(judged)} | "
                  f"{len(pairs & relevant)} / {len(relevant)} |")
            out[f"{min_score}:{mutual}"] = {"stories": len(members), "pairs": len(pairs), "judged": len(judged),
                                            "related": sum(judged), "found": len(pairs & relevant)}
    return out


def cmd_todo(args) -> dict:
    """Print the unlabelled listed pairs with the start of both texts, for a reader to judge."""
    labels = load_labels()
    docs = corpus()
    byid = {d.id: d for d in docs}
    seen = set()
    for threshold in (True, False):
        _docs, rows, _stories = link(docs, threshold)
        for r in rows:
            pair = (r.article_id, r.related_id)
            if pair in labels or pair in seen or (pair[1], pair[0]) in seen:
                continue
            seen.add(pair)
            a, b = byid[pair[0]], byid[pair[1]]
            print(f"{pair[0]}\t{pair[1]}\t{r.score:.3f}\n   A: {(a.title or '')[:80]} | {a.body[:240]!r}\n"
                  f"   B: {(b.title or '')[:80]} | {b.body[:240]!r}")
    return {}


# --- 100,000 documents -----------------------------------------------------------------------------

def cmd_scale(args) -> dict:
    """`link_corpus` on n documents: the duplicate bench's set, with entities from a fixed pool.

    Entities and dates are drawn per original (copies keep theirs), from a pool with a long tail,
    as a real corpus has: a few keys in many articles (`LOC:Indonesia`), most in a few.
    """
    OUT.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([sys.executable, __file__, "child", "-n", str(args.n)], capture_output=True, text=True)
    if proc.returncode != 0:
        print(proc.stderr[-3000:])
        return {}
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    print("| documents | link_corpus s (CPU s) | docs/s | peak RSS MB | duplicate rows | related rows | story rows |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    print(f"| {args.n:,} | {r['link_s']:.1f} ({r['cpu_s']:.1f}) | {args.n / r['link_s']:,.0f} | {r['peak_mb']:,.0f} | "
          f"{r['duplicates']:,} | {r['related']:,} | {r['stories']:,} |")
    return r


def child(args) -> None:
    import random

    import duplicates as dupbench

    from warta.connect import ConnectDoc, link_corpus

    t0 = time.perf_counter()
    rng = random.Random(7)
    pool = [f"{t}:Nama {i}" for i, t in zip(range(20_000), ["PER", "ORG", "LOC"] * 10_000)]
    weights = [1.0 / (i + 1) for i in range(len(pool))]  # Zipf: a few keys everywhere, most rare
    docs, keys_of = [], {}
    for r in dupbench.build_scale_set(dev_gold(), args.n):
        if r["source"] not in keys_of:
            day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            keys_of[r["source"]] = (sorted(set(rng.choices(pool, weights, k=rng.randint(3, 15)))), [day], day)
        ents, dates, day = keys_of[r["source"]]
        docs.append(ConnectDoc(r["id"], r["outlet"], day, None, r["text"], ents, dates))
    build = time.perf_counter() - t0
    t0, cpu0 = time.perf_counter(), time.process_time()
    links = link_corpus(docs)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"build_s": build, "link_s": seconds, "cpu_s": cpu, "peak_mb": peak, "duplicates": len(links.duplicates),
                      "related": len(links.related), "stories": len(links.stories)}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("eval")
    sub.add_parser("todo")
    for name in ("scale", "child"):
        p = sub.add_parser(name)
        p.add_argument("-n", type=int, default=100_000)
    args = ap.parse_args()
    if args.cmd == "child":
        child(args)
        return
    result = {"eval": cmd_eval, "todo": cmd_todo, "scale": cmd_scale}[args.cmd](args)
    if result:
        (OUT / f"related-{args.cmd}.json").write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
