"""Near duplicates: precision and recall on a set labelled by construction, and speed at 100,000 docs.

    .venv/bin/python bench/duplicates.py eval            # the labelled set: warta and datatrove
    .venv/bin/python bench/duplicates.py sweep           # similarities by edit and shingle size
    .venv/bin/python bench/duplicates.py scale -n 100000 # docs/s and peak memory, warta vs datatrove

The set is built at run time from the bodies of the 51 dev gold pages (../shared, third-party text:
read in place, never written into the repository), seeded, so every run builds the same set. Each
page is the original of a cluster; its copies are made by edits a corpus really shows:

- `syndicated-raw`: another outlet's template around it (dateline, read-also boxes between
  paragraphs, credits, a promotion line), as a crawl stores it before cleaning;
- `syndicated-clean`: the same, then cleaned by `warta.process` (what the store holds);
- `clutter`: the same outlet with other clutter (other read-also titles, credits, promotion);
- `truncated`: the first 60-80 % of the text (a teaser, a page cut by the crawler);
- `reworded`: synonym swaps (bench/data/synonyms.tsv), one sentence dropped, two swapped;
- `truncated+syndicated`, `reworded+clutter`: two edits at once.

Negatives are every pair of copies of two different originals, among them the same-topic pairs of
bench/data/dev-topics.tsv (four IHSG reports of one day, two reports of one police shooting, ...).
Scores are pairwise over the clusters (a pair of documents in one predicted cluster is right when
they share an original) and, per edit, the share of copies clustered with their original.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
import tomllib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path

from common import OUT, ROOT, dev_gold

DATA = ROOT / "bench" / "data"
SEED = 20260426
EDITS = ("syndicated-raw", "syndicated-clean", "clutter", "truncated", "reworded",
         "truncated+syndicated", "reworded+clutter")


# --- project-written edit material ---------------------------------------------------------------

@dataclass(frozen=True)
class Material:
    template: dict
    synonyms: dict[str, str]
    synonym_re: re.Pattern[str]


def material() -> Material:
    template = tomllib.loads((DATA / "syndication.toml").read_text(encoding="utf-8"))
    synonyms: dict[str, str] = {}
    for line in (DATA / "synonyms.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            a, b = line.split("\t")
            synonyms.setdefault(a, b)
            synonyms.setdefault(b, a)
    alternation = "|".join(sorted(map(re.escape, synonyms), key=len, reverse=True))
    return Material(template, synonyms, re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE))


# --- edits -----------------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def paragraphs(body: str) -> list[str]:
    return [p for p in body.split("\n") if p.strip()]


def wrap(body: str, outlet: str, rng: random.Random, m: Material) -> str:
    """`body` as `outlet` would publish it: dateline, read-also boxes, credits and a promotion line."""
    t = m.template
    host = re.sub(r"\W", "", outlet).lower() + rng.choice([".com", ".id", ".co.id"])
    fill = {"city": rng.choice(t["cities"]), "outlet": outlet, "OUTLET": outlet.upper(), "host": host}
    paras = paragraphs(body)
    paras[0] = rng.choice(t["datelines"]).format(**fill) + paras[0]
    for _ in range(rng.randint(1, 3)):
        at = rng.randint(1, max(1, len(paras) - 1))
        paras.insert(at, rng.choice(t["read_also"]).format(title=rng.choice(t["titles"])))
    names = rng.sample(t["names"], 2)
    initials = ["".join(w[0] for w in n.split()).lower() for n in names]
    paras.append(rng.choice(t["credits"]).format(name=names[0], name2=names[1], initials=initials[0],
                                                  initials2=initials[1], **fill))
    if rng.random() < 0.7:
        paras.append(rng.choice(t["promos"]).format(**fill))
    return "\n".join(paras)


def truncate(body: str, rng: random.Random, low: float = 0.6, high: float = 0.8) -> str:
    """The first 60-80 % of the text, cut after a word."""
    cut = int(len(body) * rng.uniform(low, high))
    space = body.rfind(" ", 0, cut)
    return body[: space if space > 0 else cut]


def reword(body: str, rng: random.Random, m: Material, swap_share: float = 0.6) -> str:
    """Light rewording: synonym swaps, one sentence dropped and two neighbours swapped (texts of 4+)."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        if rng.random() >= swap_share:
            return word
        other = m.synonyms[word.lower()]
        return other.capitalize() if word[0].isupper() else other

    out = []
    for para in paragraphs(m.synonym_re.sub(swap, body)):
        out.append(_SENTENCE_END.split(para))
    sentences = [(pi, s) for pi, para in enumerate(out) for s in para]
    if len(sentences) >= 4:
        drop = rng.randrange(1, len(sentences))  # never the lead
        sentences.pop(drop)
        k = rng.randrange(1, len(sentences) - 1)
        sentences[k], sentences[k + 1] = sentences[k + 1], sentences[k]
    paras: dict[int, list[str]] = defaultdict(list)
    for pi, s in sentences:
        paras[pi].append(s)
    return "\n".join(" ".join(paras[pi]) for pi in sorted(paras))


# --- the labelled set ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    id: str
    source: str  # the original it was made from: the gold label
    edit: str  # `original` or one of EDITS
    outlet: str | None
    body: str


def make_copy(edit: str, body: str, outlet: str | None, rng: random.Random, m: Material,
              clean: Callable[[str], str] | None) -> tuple[str, str | None]:
    """One edited copy of `body` and the outlet it appears under."""
    others = [o for o in m.template["outlets"] if o != outlet]
    if edit == "syndicated-raw":
        new = rng.choice(others)
        return wrap(body, new, rng, m), new
    if edit == "syndicated-clean":
        new = rng.choice(others)
        wrapped = wrap(body, new, rng, m)
        return (clean(wrapped) if clean else wrapped), new
    if edit == "clutter":
        return wrap(body, outlet or rng.choice(others), rng, m), outlet
    if edit == "truncated":
        return truncate(body, rng), outlet
    if edit == "reworded":
        return reword(body, rng, m), outlet
    if edit == "truncated+syndicated":
        new = rng.choice(others)
        return wrap(truncate(body, rng, 0.65, 0.85), new, rng, m), new
    if edit == "reworded+clutter":
        return wrap(reword(body, rng, m), outlet or rng.choice(others), rng, m), outlet
    raise ValueError(edit)


def build_eval_set(gold: dict[str, dict], seed: int = SEED) -> list[Item]:
    import warta

    m = material()
    rng = random.Random(seed)
    items: list[Item] = []
    for gid in sorted(gold):
        g = gold[gid]
        items.append(Item(gid, gid, "original", g.get("outlet"), g["body"]))
        for edit in EDITS:
            body, outlet = make_copy(edit, g["body"], g.get("outlet"), rng, m, lambda t: warta.process(t).body)
            items.append(Item(f"{gid}~{edit}", gid, edit, outlet, body))
    return items


def topic_groups() -> dict[str, str]:
    out = {}
    for line in (DATA / "dev-topics.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            group, gid = line.split("\t")
            out[gid] = group
    return out


# --- scoring ---------------------------------------------------------------------------------------

@dataclass
class Score:
    precision: float
    recall: float
    pairs_true: int
    pairs_predicted: int
    per_edit_recall: dict[str, float]
    same_topic_merges: int  # predicted pairs of two same-topic originals' copies
    other_merges: int  # predicted pairs of two unrelated originals' copies


def score(items: Sequence[Item], cluster_of: dict[str, str]) -> Score:
    """Pairwise precision and recall of predicted clusters (id -> cluster; absent: a singleton)."""
    source = {it.id: it.source for it in items}
    topics = topic_groups()
    predicted: dict[str, list[str]] = defaultdict(list)
    for doc_id, c in cluster_of.items():
        predicted[c].append(doc_id)
    tp = fp_topic = fp_other = n_pred = 0
    for members in predicted.values():
        for a, b in combinations(members, 2):
            n_pred += 1
            if source[a] == source[b]:
                tp += 1
            elif topics.get(source[a]) and topics.get(source[a]) == topics.get(source[b]):
                fp_topic += 1
            else:
                fp_other += 1
    by_source = Counter(it.source for it in items)
    n_true = sum(k * (k - 1) // 2 for k in by_source.values())
    per_edit: dict[str, list[bool]] = defaultdict(list)
    for it in items:
        if it.edit != "original":
            c = cluster_of.get(it.id)
            per_edit[it.edit].append(c is not None and c == cluster_of.get(it.source))
    return Score(
        precision=tp / n_pred if n_pred else 1.0, recall=tp / n_true if n_true else 1.0,
        pairs_true=n_true, pairs_predicted=n_pred,
        per_edit_recall={e: sum(v) / len(v) for e, v in sorted(per_edit.items())},
        same_topic_merges=fp_topic, other_merges=fp_other,
    )


def one_copy_at_a_time(items: Sequence[Item], run: Callable[[list], dict[str, str]]) -> float:
    """The share of copies linked to their original when the corpus holds the originals and one
    kind of copy only: no other copy can bridge the two, so each link is made directly."""
    found = total = 0
    originals = [it for it in items if it.edit == "original"]
    for edit in EDITS:
        subset = originals + [it for it in items if it.edit == edit]
        clusters = run(as_docs(subset))
        for it in subset:
            if it.edit == edit:
                total += 1
                found += clusters.get(it.id) is not None and clusters.get(it.id) == clusters.get(it.source)
    return found / total


def as_docs(items: Sequence[Item]) -> list:
    from warta.connect import ConnectDoc

    return [ConnectDoc(it.id, it.outlet, None, None, it.body, [], []) for it in items]


# --- the tools -------------------------------------------------------------------------------------

def run_warta(items: Sequence[Item], params=None) -> dict[str, str]:
    from warta.connect.duplicates import DEFAULT_PARAMS, find_duplicates

    return find_duplicates(as_docs(items), params or DEFAULT_PARAMS).cluster_of


def run_datatrove(items: Sequence[Item], workdir: Path, n_grams: int = 5, buckets: int = 14,
                  per_bucket: int = 8) -> dict[str, str]:
    """datatrove's four MinHash stages (signatures, buckets, clusters, filter) on the same texts.

    Its defaults are 5-word shingles and 14 bands of 8 hashes; the shingles come from its own
    normalisation and spaCy's Indonesian word splitter. Clusters are read from stage 3's
    `.clusters` file (doc index -> cluster id), so the documents it would drop are known exactly.
    """
    src = workdir / "input"
    src.mkdir(parents=True, exist_ok=True)
    with (src / "docs.jsonl").open("w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps({"id": it.id, "text": it.body}, ensure_ascii=False) + "\n")
    cluster_of = run_datatrove_on_folder(src, workdir, n_grams, buckets, per_bucket)
    return {items[i].id: c for i, c in cluster_of.items()}


def _jsonl_documents(path: Path) -> Callable:
    """A datatrove pipeline step (a plain function) yielding the JSONL file's records as Documents.

    datatrove's JsonlReader needs orjson; this reads the same lines with the standard library.
    """
    from datatrove.data import Document

    def read(data, rank: int = 0, world_size: int = 1):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                yield Document(text=r["text"], id=r["id"])

    return read


def run_datatrove_on_folder(src: Path, workdir: Path, n_grams: int = 5, buckets: int = 14,
                            per_bucket: int = 8) -> dict[int, str]:
    """datatrove's MinHash pipeline over one JSONL file in `src`: doc index -> cluster id (members only)."""
    import struct

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.dedup.minhash import (MinhashConfig, MinhashDedupBuckets, MinhashDedupCluster,
                                                  MinhashDedupFilter, MinhashDedupSignature)
    from datatrove.utils.typeshelper import Languages

    config = MinhashConfig(n_grams=n_grams, num_buckets=buckets, hashes_per_bucket=per_bucket)
    sigs, bkts, clus, logs = (workdir / x for x in ("sigs", "buckets", "clusters", "logs"))
    quiet = dict(skip_completed=False)
    reader = _jsonl_documents(next(src.glob("*.jsonl")))
    LocalPipelineExecutor([reader, MinhashDedupSignature(str(sigs), config=config, language=Languages.indonesian)],
                          tasks=1, logging_dir=str(logs / "1"), **quiet).run()
    LocalPipelineExecutor([MinhashDedupBuckets(str(sigs), str(bkts), config=config)],
                          tasks=config.num_buckets, logging_dir=str(logs / "2"), **quiet).run()
    LocalPipelineExecutor([MinhashDedupCluster(str(bkts), str(clus), config=config, save_cluster_id=True)],
                          tasks=1, logging_dir=str(logs / "3"), **quiet).run()
    LocalPipelineExecutor([reader, MinhashDedupFilter(str(clus))],
                          tasks=1, logging_dir=str(logs / "4"), **quiet).run()
    out: dict[int, str] = {}
    path = clus / "000000.clusters"
    if path.exists():
        raw = path.read_bytes()
        for doc, cluster in struct.iter_unpack("<II", raw):
            out[doc] = f"dt{cluster}"
    return out


# --- commands --------------------------------------------------------------------------------------

def fmt_score(name: str, s: Score, seconds: float) -> str:
    edits = " / ".join(f"{s.per_edit_recall.get(e, 0):.2f}" for e in EDITS)
    return (f"| {name} | {s.precision:.3f} | {s.recall:.3f} | {edits} | {s.same_topic_merges} | "
            f"{s.other_merges} | {seconds:.2f} |")


def cmd_eval(args: argparse.Namespace) -> dict:
    from warta.connect.duplicates import DEFAULT_PARAMS, DuplicateParams

    items = build_eval_set(dev_gold(), args.seed)
    print(f"{len(items)} documents: {len({i.source for i in items})} originals x (1 + {len(EDITS)} copies); "
          f"seed {args.seed}\n")
    print("| tool | precision | recall | per-edit recall (" + " / ".join(EDITS) + ") | same-topic merges "
          "| other merges | s |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    rows = {}
    runs: list[tuple[str, Callable[[], dict[str, str]]]] = [
        (f"warta ({_describe(DEFAULT_PARAMS)})", lambda: run_warta(items)),
        ("warta, datatrove's parameters (5-word shingles, 14x8 bands, Jaccard >= 0.7 check)",
         lambda: run_warta(items, DuplicateParams(shingle=5, num_perm=112, bands=14, rows=8, min_jaccard=0.7,
                                                   min_containment=1.1))),
        ("warta, datatrove's parameters, no check (every band collision linked)",
         lambda: run_warta(items, DuplicateParams(shingle=5, num_perm=112, bands=14, rows=8, min_jaccard=0.0))),
    ]
    if not args.no_datatrove:
        runs.append(("datatrove 0.10.1 MinHash (5-grams, 14x8)",
                     lambda: run_datatrove(items, Path(tempfile.mkdtemp(prefix="warta-dt-")))))
    for name, run in runs:
        t0 = time.perf_counter()
        clusters = run()
        s = score(items, clusters)
        print(fmt_score(name, s, time.perf_counter() - t0), flush=True)
        rows[name] = s.__dict__
    return {"eval": rows, "documents": len(items), "seed": args.seed}


def _describe(p) -> str:
    return (f"{p.shingle}-word shingles, {p.bands}x{p.rows} bands, check Jaccard >= {p.min_jaccard} or "
            f"containment >= {p.min_containment}")


def cmd_sweep(args: argparse.Namespace) -> dict:
    """Jaccard and containment of every copy with its original, and the highest between originals."""
    import numpy as np

    from warta.connect.text import WordHasher, jaccard_and_containment, shingle_hashes, words

    items = build_eval_set(dev_gold(), args.seed)
    originals = [it for it in items if it.edit == "original"]
    topics = topic_groups()
    hasher = WordHasher()
    out = {}
    print("| shingle | edit | Jaccard min / p5 / median | containment min / p5 / median |")
    print("| --- | --- | --- | --- |")
    for size in (1, 2, 3, 4, 5):
        sets = {it.id: shingle_hashes(hasher(words(it.body)), size) for it in items}
        by_edit: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for it in items:
            if it.edit != "original":
                by_edit[it.edit].append(jaccard_and_containment(sets[it.id], sets[it.source]))
        neg: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for a, b in combinations(items, 2):
            if a.source != b.source:
                same_topic = topics.get(a.source) is not None and topics.get(a.source) == topics.get(b.source)
                neg["negative, same topic" if same_topic else "negative, other"].append(
                    jaccard_and_containment(sets[a.id], sets[b.id]))
        for edit, vals in [*by_edit.items(), *neg.items()]:
            j = np.array([v[0] for v in vals])
            c = np.array([v[1] for v in vals])
            if edit.startswith("negative"):
                cols = (f"max {j.max():.3f} / p99 {np.percentile(j, 99):.3f} / median {np.median(j):.3f}",
                        f"max {c.max():.3f} / p99 {np.percentile(c, 99):.3f} / median {np.median(c):.3f}")
            else:
                cols = (f"{j.min():.3f} / {np.percentile(j, 5):.3f} / {np.median(j):.3f}",
                        f"{c.min():.3f} / {np.percentile(c, 5):.3f} / {np.median(c):.3f}")
            print(f"| {size} | {edit} | {cols[0]} | {cols[1]} |")
            out[f"{size}:{edit}"] = {"jaccard": sorted(j.tolist())[:5], "containment": sorted(c.tolist())[:5]}
    return {"sweep": out}


def cmd_grid(args: argparse.Namespace) -> dict:
    """Shingle size and bands x rows on the labelled set: precision, recall, pairs checked, seconds.

    """
    from warta.connect.duplicates import DEFAULT_PARAMS, find_duplicates

    items = build_eval_set(dev_gold(), args.seed)
    print("| shingle | bands x rows | perms | P(candidate) at J=0.3 / 0.5 / 0.1 | precision | recall | "
          "recall, one copy at a time | pairs checked | s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    out = {}
    for shingle, bands, rows in [(3, 40, 2), (3, 28, 2), (3, 20, 3), (3, 40, 3), (3, 25, 4), (3, 14, 8),
                                 (2, 28, 2), (4, 28, 2), (5, 40, 2), (5, 14, 8)]:
        p = replace(DEFAULT_PARAMS, shingle=shingle, bands=bands, rows=rows, num_perm=bands * rows)
        t0 = time.perf_counter()
        result = find_duplicates(as_docs(items), p)
        sec = time.perf_counter() - t0
        s = score(items, result.cluster_of)
        alone = one_copy_at_a_time(items, lambda docs: find_duplicates(docs, p).cluster_of)
        curve = " / ".join(f"{1 - (1 - j ** rows) ** bands:.3f}" for j in (0.3, 0.5, 0.1))
        print(f"| {shingle} | {bands} x {rows} | {bands * rows} | {curve} | {s.precision:.3f} | {s.recall:.3f} | "
              f"{alone:.3f} | {result.pairs_checked} | {sec:.2f} |", flush=True)
        out[f"{shingle}:{bands}x{rows}"] = {"precision": s.precision, "recall": s.recall, "recall_alone": alone,
                                            "checked": result.pairs_checked, "seconds": sec}
    return {"grid": out}


# --- 100,000 documents -----------------------------------------------------------------------------

def build_scale_set(gold: dict[str, dict], n: int, seed: int = SEED) -> Iterable[dict]:
    """`n` documents: originals and their edited copies, about one original in three with copies.

    The originals are the 51 dev bodies, then new texts drawn from a word-bigram model of those
    bodies: distinct texts with the dev pages' vocabulary and common phrases, that share 3-word
    shingles at the rate unrelated news does, not whole sentences. (Texts mixed from the dev pages'
    sentences were tried first: with 51 pages to draw from, thousands of mixes share sentences and
    half-texts, so "distinct" originals were near duplicates of each other.)
    """
    m = material()
    rng = random.Random(seed)
    pages = [gold[k] for k in sorted(gold)]
    follow, starts = _bigram_model(g["body"] for g in pages)
    outlets = m.template["outlets"]
    made = 0
    base_no = 0
    while made < n:
        if base_no < len(pages):
            body, outlet = pages[base_no]["body"], pages[base_no].get("outlet")
        else:
            body, outlet = _babble(follow, starts, rng), rng.choice(outlets)
        source = f"b{base_no}"
        base_no += 1
        yield {"id": source, "source": source, "edit": "original", "outlet": outlet, "text": body}
        made += 1
        copies = rng.choice((0, 0, 0, 0, 1, 2, 3, 4, 5))
        for c in range(copies):
            if made >= n:
                break
            edit = rng.choice(EDITS)
            text, out = make_copy(edit, body, outlet, rng, m, clean=_light_clean)
            yield {"id": f"{source}.{c}", "source": source, "edit": edit, "outlet": out, "text": text}
            made += 1


def _bigram_model(bodies: Iterable[str]) -> tuple[dict[str, list[str]], list[str]]:
    follow: dict[str, list[str]] = defaultdict(list)
    starts: list[str] = []
    for body in bodies:
        toks = body.split()
        for i, (a, b) in enumerate(zip(toks, toks[1:])):
            follow[a].append(b)
            if i == 0 or a.endswith((".", "!", "?")):
                starts.append(b if i else a)
    return dict(follow), starts


def _babble(follow: dict[str, list[str]], starts: list[str], rng: random.Random) -> str:
    """A text of 150-600 words walked from the bigram model, in paragraphs of 40-90 words."""
    length = rng.randint(150, 600)
    paras, words_, tok = [], [], rng.choice(starts)
    next_break = rng.randint(40, 90)
    for i in range(length):
        words_.append(tok)
        if len(words_) >= next_break and tok.endswith("."):
            paras.append(" ".join(words_))
            words_, next_break = [], rng.randint(40, 90)
        nxt = follow.get(tok)
        tok = rng.choice(nxt) if nxt else rng.choice(starts)
    if words_:
        paras.append(" ".join(words_))
    return "\n".join(paras)


def _light_clean(text: str) -> str:
    """`syndicated-clean` at scale: the clutter lines dropped by their shapes (warta.process per copy
    would make building the set slower than what it measures)."""
    m = material()
    t = m.template
    starts = tuple(x.split("{", 1)[0] for x in t["read_also"] + t["credits"]) + ("Pewarta:", "Editor:", "Reporter:")
    keep = [ln for ln in text.split("\n") if not ln.startswith(starts) and not ln.startswith("(")
            and not any(p.split("{", 1)[0] in ln for p in t["promos"])]
    if keep:
        keep[0] = re.sub(r"^[^-–]{0,60}?(?:--|-|–) ", "", keep[0], count=1)
    return "\n".join(keep)


def child_main(args: argparse.Namespace) -> None:
    """One tool on the scale set's JSONL, in its own process: time, peak memory, clusters."""
    path = Path(args.input)
    t0 = time.perf_counter()
    # CPU seconds of this process and its children: less moved than wall time by other work on the machine.
    cpu0 = _cpu_seconds()
    if args.child == "warta":
        from warta.connect import ConnectDoc
        from warta.connect.duplicates import find_duplicates

        docs = []
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                docs.append(ConnectDoc(r["id"], r["outlet"], None, None, r["text"], [], []))
        result = find_duplicates(docs)
        clusters = result.cluster_of
        extra = {"pairs_checked": result.pairs_checked, "pairs_linked": result.pairs_linked}
    else:
        work = Path(tempfile.mkdtemp(prefix="warta-dt-scale-"))
        src = work / "input"
        src.mkdir()
        os.symlink(path, src / "docs.jsonl")
        by_index = run_datatrove_on_folder(src, work)
        ids = [json.loads(line)["id"] for line in path.open(encoding="utf-8")]
        clusters = {ids[i]: c for i, c in by_index.items()}
        extra = {}
    seconds = time.perf_counter() - t0
    extra["cpu_s"] = _cpu_seconds() - cpu0
    # The largest process: this one, or one of the pool datatrove starts for its bucket stage.
    peak_mb = max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024
    json.dump({"seconds": seconds, "peak_mb": peak_mb, "clusters": clusters, **extra}, sys.stdout)


def _cpu_seconds() -> float:
    return sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


def cmd_scale(args: argparse.Namespace) -> dict:
    gold = dev_gold()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"duplicates-{args.n}.jsonl"
    items = []
    t0 = time.perf_counter()
    with path.open("w", encoding="utf-8") as fh:
        for r in build_scale_set(gold, args.n, args.seed):
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            items.append(Item(r["id"], r["source"], r["edit"], r["outlet"], ""))
    print(f"{args.n} documents built in {time.perf_counter() - t0:.0f} s "
          f"({len({i.source for i in items})} originals, {sum(i.edit != 'original' for i in items)} copies); "
          f"{path.stat().st_size / 1e6:.0f} MB of JSONL\n")
    print("| tool | seconds (CPU s) | docs/s | peak RSS MB | precision | recall |")
    print("| --- | --- | --- | --- | --- | --- |")
    results = {}
    tools = ["warta"] + ([] if args.no_datatrove else ["datatrove"])
    for tool in tools:
        proc = subprocess.run([sys.executable, __file__, "child", "--child", tool, "--input", str(path)],
                              capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            print(f"| {tool} | failed: {proc.stderr.strip().splitlines()[-1:]} | | | | |")
            continue
        r = json.loads(proc.stdout)
        s = score(items, r.pop("clusters"))
        print(f"| {tool} | {r['seconds']:.1f} ({r['cpu_s']:.1f}) | {args.n / r['seconds']:,.0f} | {r['peak_mb']:,.0f} | "
              f"{s.precision:.3f} | {s.recall:.3f} |", flush=True)
        results[tool] = {**r, "precision": s.precision, "recall": s.recall, "per_edit_recall": s.per_edit_recall}
    path.unlink()
    return {"scale": results, "n": args.n}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("eval", "sweep", "grid", "scale"):
        p = sub.add_parser(name)
        p.add_argument("--seed", type=int, default=SEED)
        p.add_argument("--no-datatrove", action="store_true")
        p.add_argument("-n", type=int, default=100_000)
    c = sub.add_parser("child")
    c.add_argument("--child", choices=("warta", "datatrove"), required=True)
    c.add_argument("--input", required=True)
    args = ap.parse_args()
    if args.cmd == "child":
        child_main(args)
        return
    result = {"eval": cmd_eval, "sweep": cmd_sweep, "grid": cmd_grid, "scale": cmd_scale}[args.cmd](args)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"duplicates-{args.cmd}.json").write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
