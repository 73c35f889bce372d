"""Sources and quotes: attributions P/R/F1 on the dev gold, PFSA-ID dev speaker/cue P/R, speed.

    .venv/bin/python bench/sources.py [--per-doc] [--pfsa-limit N]

Dev gold: /work/shared/data/news-dev-{lines,flat}.jsonl; `find_attributions` runs on each gold
`body`, and the sources are scored as the referee does (tools/score.py: a multiset per page of
NFKC-casefolded, whitespace-collapsed `source` strings, exact match). The gold writes a person
as `Name (Office)` on the text-lines and html pages and `Name, Office` on the text-flat pages, so
the score is printed for each fixed style and for the style chosen by the page's `format`.

PFSA-ID dev (/work/shared/data/ner/pfsa-id/dev-40.txt, CC BY-NC-SA, evaluation only: nothing
here is trained on it): each sentence is joined with single spaces and run through the rules;
a predicted speaker is the name of a person source as written in the sentence (its span), gold
speakers are PERSON and PERSONCOREF spans (a speaker's mentions; there is no cross-sentence
context here). PFSA-ID marks as CUE only the speech verb of an inverted attribution (`"...,"
kata X`): the cue line compares the cues of our inverted attributions with a named speaker to
CUE; `cuecoref` compares our `ujarnya`-type cues to CUECOREF; `anycue` every cue we find
(also `mengatakan`, `menurut`, `dilansir`, which PFSA-ID does not mark) to CUE or CUECOREF.
Exact span match, micro P/R.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from warta.understand.sources import _Doc, _events, _resolve, find_attributions, find_quotes  # noqa: E402

DATA = Path("/work/shared/data")


def norm(s):
    s = unicodedata.normalize("NFKC", s or "")
    return re.sub(r"\s+", " ", s).strip().casefold()


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else (1.0 if n_pred == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def who(source: str) -> str:
    """The name in a source string, its office dropped: `Name (Office)` and `Name, Office` alike."""
    return norm(re.split(r"\s*[(,]", source or "", maxsplit=1)[0])


def dev_gold(per_doc: bool) -> None:
    files = [DATA / "news-dev-lines.jsonl", DATA / "news-dev-flat.jsonl"]
    if not all(f.exists() for f in files):
        print("dev gold: skipped (/work/shared/data/news-dev-*.jsonl absent)")
        return
    docs = [json.loads(l) for f in files for l in f.open(encoding="utf-8")]
    for mode in ("paren", "comma", "by-format"):
        tp = npred = ngold = 0
        t0 = time.perf_counter()
        for d in docs:
            style = mode if mode != "by-format" else ("comma" if d["format"] == "text-flat" else "paren")
            pred = find_attributions(d["body"], style=style)
            gs = Counter(norm(a["source"]) for a in d.get("attributions") or [])
            ps = Counter(norm(a["source"]) for a in pred)
            tp += sum((gs & ps).values()); npred += sum(ps.values()); ngold += sum(gs.values())
            if per_doc and mode == "by-format":
                for x in sorted((gs - ps).elements()):
                    print(f"  {d['id']}\tmissed\t{x}")
                for x in sorted((ps - gs).elements()):
                    print(f"  {d['id']}\textra\t{x}")
        dt = time.perf_counter() - t0
        p, r, f = prf(tp, npred, ngold)
        print(f"dev gold attributions ({mode:9s}): P={p:.3f} R={r:.3f} F1={f:.3f}  "
              f"tp={tp} pred={npred} gold={ngold}  {len(docs) / dt:.0f} docs/s")
    # Who is cited, the office aside: the gold's free-form office (`Sutopo Purwo Nugroho (BNPB)`
    # for the page's `Kepala Pusat Data Informasi dan Humas BNPB`) is not what a user filters on.
    tp = npred = ngold = 0
    for d in docs:
        gs = Counter(who(a["source"]) for a in d.get("attributions") or [])
        ps = Counter(who(a["source"]) for a in find_attributions(d["body"]))
        tp += sum((gs & ps).values()); npred += sum(ps.values()); ngold += sum(gs.values())
    p, r, f = prf(tp, npred, ngold)
    print(f"dev gold attributions (name only): P={p:.3f} R={r:.3f} F1={f:.3f}  tp={tp} pred={npred} gold={ngold}")
    t0 = time.perf_counter()
    nq = sum(len(find_quotes(d["body"])) for d in docs)
    print(f"dev gold quotes: {nq} found, {len(docs) / (time.perf_counter() - t0):.0f} docs/s")


def pfsa_sentences(path: Path, limit: int | None):
    toks, tags = [], []
    n = 0
    for line in path.open(encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if toks:
                yield toks, tags
                n += 1
                if limit and n >= limit:
                    return
            toks, tags = [], []
            continue
        t, _, g = line.partition("\t")
        toks.append(t)
        tags.append(g or "O")
    if toks:
        yield toks, tags


def bilou_spans(tags, label):
    out, start = set(), None
    for i, t in enumerate(tags):
        p, _, l = t.partition("-")
        if l != label:
            start = None
            continue
        if p == "U":
            out.add((i, i + 1))
        elif p == "B":
            start = i
        elif p == "L" and start is not None:
            out.add((start, i + 1))
            start = None
    return out


def pfsa(limit: int | None) -> None:
    path = DATA / "ner" / "pfsa-id" / "dev-40.txt"
    if not path.exists():
        print("PFSA-ID: skipped (dev-40.txt absent)")
        return
    c = Counter()
    t0 = time.perf_counter()
    n = 0
    for toks, tags in pfsa_sentences(path, limit):
        n += 1
        text, offs, pos = "", [], 0
        for t in toks:
            offs.append((pos, pos + len(t)))
            text += t + " "
            pos += len(t) + 1
        starts = {a: i for i, (a, _) in enumerate(offs)}
        ends = {b: i + 1 for i, (_, b) in enumerate(offs)}

        def span(a, b):
            return (starts[a], ends[b]) if a in starts and b in ends else (-1, -1)

        doc = _Doc(text)
        evs = _events(doc)
        speakers, cues, cuecoref, allcues = set(), set(), set(), set()
        for ev in evs:
            allcues.add(span(*ev.cue))
            if ev.how == "after_nya":
                cuecoref.add(span(*ev.cue))
        for ev, src in _resolve(doc, evs, "paren"):
            if ev.how == "after" and src.kind == "person":
                cues.add(span(*ev.cue))
            if ev.src is not None and src.kind == "person":
                speakers.add(span(src.start, src.end))
        gold_cue = bilou_spans(tags, "CUE")
        for name, pred, gold in (("speaker", speakers, bilou_spans(tags, "PERSON") | bilou_spans(tags, "PERSONCOREF")),
                                 ("cue", cues, gold_cue),
                                 ("cuecoref", cuecoref, bilou_spans(tags, "CUECOREF")),
                                 ("anycue", allcues, gold_cue | bilou_spans(tags, "CUECOREF"))):
            c[name, "tp"] += len(pred & gold)
            c[name, "pred"] += len(pred)
            c[name, "gold"] += len(gold)
    dt = time.perf_counter() - t0
    for name in ("speaker", "cue", "cuecoref", "anycue"):
        p, r, f = prf(c[name, "tp"], c[name, "pred"], c[name, "gold"])
        print(f"PFSA-ID dev-40 {name:7s}: P={p:.3f} R={r:.3f} F1={f:.3f}  "
              f"tp={c[name, 'tp']} pred={c[name, 'pred']} gold={c[name, 'gold']}")
    print(f"PFSA-ID: {n} sentences in {dt:.1f}s ({n / dt:.0f} sentences/s)")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-doc", action="store_true")
    ap.add_argument("--pfsa-limit", type=int, default=None)
    ap.add_argument("--no-pfsa", action="store_true")
    a = ap.parse_args()
    dev_gold(a.per_doc)
    if not a.no_pfsa:
        pfsa(a.pfsa_limit)


if __name__ == "__main__":
    main()
