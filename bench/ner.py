"""NER candidates, measured: entity F1 on each dev split and tagging speed, CPU, one process.

    .venv/bin/python bench/ner.py                      # every candidate (~15 min on 2 cores)
    .venv/bin/python bench/ner.py --only crf-union-dom spacy-idner

Candidates (each trained here from ../shared/data/ner, the shipped model's data rules applied:
train sentences that are also in a dev split are dropped, PFSA-ID is never used):

| name | what |
| --- | --- |
| crf-idner | CRF (CRFsuite, L-BFGS), warta's features with gazetteer matches, idner-news-2k train only |
| crf-union | the same on the union of idner-news-2k, yusufsyaifudin, NERGrit, NERP train, one feature set |
| crf-union-dom | the union, with per-corpus feature copies and gazetteer-match features |
| crf-union-dom-nogaz | the same without the gazetteer features (the shipped configuration) |
| spacy-idner | spaCy `blank("id")` + `ner` (tok2vec CNN with hash embeddings), idner-news-2k train |
| spacy-union | the same on the union |
| shipped | the model in src/warta/models/ner (not retrained) |

spaCy is not a warta dependency: `.venv/bin/pip install spacy` to measure it (skipped otherwise).
After the table, `find_entities` end to end on the bundled sample pages' bodies (docs/s, tokens/s).
Tokens/s in the table: tagging the dev tokens already split into sentences and tokens (feature extraction
included), one sentence at a time for the CRF, `nlp.pipe` batches for spaCy. Results land in
bench/out/ner.json; the table printed is markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from warta.understand.ner import conll, crf, datasets as D, score  # noqa: E402
from warta.understand.ner import train as T  # noqa: E402

OUT = ROOT / "bench" / "out"


def run_crf(name: str, sets, domains: bool, tmp: Path, gaz: bool = True) -> dict:
    sents, _ = T.training_data(sets)
    path = tmp / f"{name}.model"
    t = time.perf_counter()
    crf.train(sents, str(path), domains=T.DOMAINS if domains else None, gaz=gaz)
    train_s = time.perf_counter() - t
    tagger = crf.CRFTagger(str(path), domains=domains, gaz=gaz)
    res = _eval_all(tagger.tag_many)
    return {"train_s": train_s, "size_mb": path.stat().st_size / 1e6, "train_tokens": sum(len(s.tokens) for s in sents), **res}


def run_spacy(name: str, sets, tmp: Path, epochs: int = 20) -> dict:
    import spacy
    from spacy.tokens import Doc
    from spacy.training import Example, iob_to_biluo, biluo_tags_to_spans
    from spacy.util import minibatch

    sents, _ = T.training_data(sets)
    nlp = spacy.blank("id")
    ner = nlp.add_pipe("ner")
    for t in conll.TYPES:
        ner.add_label(t)
    examples = []
    for s in sents:
        doc = Doc(nlp.vocab, words=s.tokens)
        doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(s.tags))
        examples.append(Example(Doc(nlp.vocab, words=s.tokens), doc))
    random.seed(0)
    t = time.perf_counter()
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(epochs):
        random.shuffle(examples)
        for batch in minibatch(examples, size=32):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    train_s = time.perf_counter() - t
    path = tmp / name
    nlp.to_disk(path)
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6

    def tag_many(token_lists):
        docs = (Doc(nlp.vocab, words=list(ws)) for ws in token_lists)
        out = []
        for doc in nlp.pipe(docs, batch_size=256):
            tags = ["O"] * len(doc)
            for e in doc.ents:
                tags[e.start] = "B-" + e.label_
                for k in range(e.start + 1, e.end):
                    tags[k] = "I-" + e.label_
            out.append(tags)
        return out

    return {"train_s": train_s, "size_mb": size, "train_tokens": sum(len(s.tokens) for s in sents),
            "epochs": epochs, **_eval_all(tag_many)}


def run_shipped() -> dict:
    from warta.understand.ner.model import load_tagger

    tagger = load_tagger()
    return {"size_mb": tagger.size_mb, **_eval_all(tagger.tag_many)}


def _eval_all(tag_many) -> dict:
    out = {"dev": {}}
    total_tok, total_s = 0, 0.0
    for n, dev in T.dev_splits().items():
        t = time.perf_counter()
        pred = tag_many([s.tokens for s in dev])
        dt = time.perf_counter() - t
        r = score.score([s.tags for s in dev], pred)
        ntok = sum(len(s.tokens) for s in dev)
        total_tok += ntok
        total_s += dt
        out["dev"][n] = {"f1": r["overall"]["f1"], "precision": r["overall"]["precision"],
                         "recall": r["overall"]["recall"],
                         "per_type": {t: m["f1"] for t, m in r["per_type"].items()}, "tokens": ntok}
    out["tokens_per_s"] = total_tok / total_s if total_s else 0.0
    return out


CANDIDATES = {
    "crf-idner": lambda tmp: run_crf("crf-idner", ("idner-news-2k",), False, tmp),
    "crf-union": lambda tmp: run_crf("crf-union", T.TRAIN_SETS, False, tmp),
    "crf-union-dom": lambda tmp: run_crf("crf-union-dom", T.TRAIN_SETS, True, tmp),
    "crf-union-dom-nogaz": lambda tmp: run_crf("crf-union-dom-nogaz", T.TRAIN_SETS, True, tmp, gaz=False),
    "spacy-idner": lambda tmp: run_spacy("spacy-idner", ("idner-news-2k",), tmp),
    "spacy-union": lambda tmp: run_spacy("spacy-union", T.TRAIN_SETS, tmp),
    "shipped": lambda tmp: run_shipped(),
}

def entities_speed(repeat: int = 200) -> dict:
    """`find_entities` end to end (sentences, tokens, tagging, gazetteer, canonical names) on the
    bodies of the bundled sample pages (written by the project), each text a fresh string."""
    import warta
    from warta.understand.entities import find_entities
    from warta.understand.ner.tokenize import tokenize

    bodies = []
    for f in sorted((ROOT / "src" / "warta" / "samples").glob("*.txt")):
        bodies.append(warta.process(f.read_text(encoding="utf-8")).body)
    t = time.perf_counter()
    find_entities(bodies[0])
    load_s = time.perf_counter() - t
    docs = [("" + b + " ")[:-1] for _ in range(repeat) for b in bodies]
    ntok = sum(len(tokenize(d)) for d in docs)
    t = time.perf_counter()
    n_ents = sum(len(find_entities(d)) for d in docs)
    dt = time.perf_counter() - t
    return {"docs": len(docs), "tokens": ntok, "seconds": dt, "docs_per_s": len(docs) / dt,
            "tokens_per_s": ntok / dt, "entities": n_ents, "first_call_s": load_s,
            "mean_tokens_per_doc": ntok / len(docs)}


PUBLISHED = {  # test-split F1 of published baselines, for the table (dev numbers here are not test)
    "idner-news-2k": "CRF 0.84 (test)",
    "nergrit": "XLM-R base 0.79 (test)",
    "nerp": "IndoBERT-large 0.79 (test)",
}


def table(results: dict) -> str:
    devs = list(T.DEV_SETS)
    head = "| candidate | " + " | ".join(f"{d} F1 (PER / ORG / LOC)" for d in devs) + " | tokens/s | train s | MB |"
    lines = [head, "|" + " --- |" * (len(devs) + 4)]
    for name, r in results.items():
        if "error" in r:
            lines.append(f"| {name} | " + " | ".join("-" for _ in devs) + f" | skipped: {r['error']} | | |")
            continue
        cells = []
        for d in devs:
            m = r["dev"][d]
            pt = m["per_type"]
            cells.append(f"**{m['f1']:.3f}** ({pt.get('PER', 0):.3f} / {pt.get('ORG', 0):.3f} / {pt.get('LOC', 0):.3f})")
        ts = f"{r['train_s']:.0f}" if "train_s" in r else "-"
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {r['tokens_per_s']:,.0f} | {ts} | {r['size_mb']:.1f} |")
    lines.append("| published (test split) | " + " | ".join(PUBLISHED[d] for d in devs) + " | | | |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", nargs="*", choices=sorted(CANDIDATES), help="candidates to run")
    args = ap.parse_args()
    if D.ner_dir() is None:
        print("../shared/data/ner is absent: skipping the NER benchmark", file=sys.stderr)
        return 0
    names = args.only or list(CANDIDATES)
    OUT.mkdir(parents=True, exist_ok=True)
    prev = OUT / "ner.json"
    results = json.loads(prev.read_text()) if prev.exists() and args.only else {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            print(f"... {name}", file=sys.stderr, flush=True)
            try:
                results[name] = CANDIDATES[name](Path(tmp))
            except ImportError as e:
                results[name] = {"error": f"{e.name or e} not installed"}
            prev.write_text(json.dumps(results, indent=2) + "\n")
    print(f"NER on the dev splits; {os.cpu_count()} cores, one process, CPU")
    print(table(results))
    if not args.only or "shipped" in names:
        sp = entities_speed()
        (OUT / "ner_entities_speed.json").write_text(json.dumps(sp, indent=2) + "\n")
        print(f"\nfind_entities, shipped model, one core: {sp['docs']:,} sample bodies of {sp['mean_tokens_per_doc']:.0f} "
              f"tokens: {sp['docs_per_s']:,.0f} docs/s, {sp['tokens_per_s']:,.0f} tokens/s "
              f"(first call, loading model and gazetteer: {sp['first_call_s']:.2f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
