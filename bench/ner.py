"""NER, measured: the tagger's speed on the dev pages, and candidate models' F1 on the dev splits.

    .venv/bin/python bench/ner.py                       # speed of the shipped model (about a minute)
    .venv/bin/python bench/ner.py --repeat 50 --model PATH/crf.model
    .venv/bin/python bench/ner.py --candidates          # train and score every candidate (~1 h on 2 cores)
    .venv/bin/python bench/ner.py --candidates --only shipped-config lexicon-fq

**Speed** (`speed`): the gold `body` of the 51 dev pages (../shared/data/news-dev-*.jsonl), cut into
sentences and tokens by warta's tokenizer once, then tagged `--repeat` times after one warm-up pass
(the word caches are warm, as on a real corpus after its first pages). docs/s is pages per CPU second
of this process (`time.process_time`), so that other work on a shared machine weighs less on it;
wall-clock seconds are printed beside. Rows:

- `crfsuite, per sentence`: features as strings, tagged by python-crfsuite (how warta tagged before);
- `fast, per sentence`: `FastTagger.tag` (`fastcrf.py`), one call a sentence;
- `fast, per page`: `FastTagger.tag_many`, one call a page (all its sentences at once);
- `tokenize`: sentence split and tokens alone (`ner.tokenize`);
- `find_entities`: the whole entity step (`understand/entities.py`: tokenize, tag, gazetteer, names),
  as it is, and with the CRFsuite tagger in place of the fast one (as before).

The fast and CRFsuite tags are compared on every sentence (they must be the same).

**Candidates** (`--candidates`): each trained here from ../shared/data/ner under the shipped model's data
rules (train sentences also in a dev split dropped; PFSA-ID never used), then scored on each dev split
(entity micro-F1, exact spans); see CANDIDATES. spaCy rows need `.venv/bin/pip install spacy`
(skipped otherwise); lexicon rows with `fq` need `pip install wordfreq`. Results land in bench/out/ner.json.
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
sys.path.insert(0, str(ROOT / "bench"))

from common import machine, machine_line

from warta.understand.ner import conll, crf, score
from warta.understand.ner import datasets as D
from warta.understand.ner import train as T
from warta.understand.ner.features import Extractor, FeatureSet

OUT = ROOT / "bench" / "out"
SHARED = Path(os.environ.get("WARTA_SHARED", ROOT.parent / "shared"))


# -- speed ---------------------------------------------------------------------------------------
def dev_bodies() -> list[str]:
    out = []
    for name in ("news-dev-lines.jsonl", "news-dev-flat.jsonl"):
        with (SHARED / "data" / name).open(encoding="utf-8") as fh:
            out.extend(json.loads(line)["body"] for line in fh if line.strip())
    return out


def _time(fn, items, repeat: int) -> tuple[float, float]:
    for it in items:  # warm-up: word caches filled, views built
        fn(it)
    c, w = time.process_time(), time.perf_counter()
    for _ in range(repeat):
        for it in items:
            fn(it)
    return time.process_time() - c, time.perf_counter() - w


def _with_tagger(fn, tagger):
    """`fn` run with `tagger` in place of the shipped fast one (entities.py looks it up on each call)."""
    from warta.understand import entities

    def run(arg):
        saved = entities.load_tagger
        entities.load_tagger = lambda: tagger
        try:
            return fn(arg)
        finally:
            entities.load_tagger = saved

    return run


def speed(model: str | None, repeat: int) -> dict:
    from warta.understand.entities import find_entities
    from warta.understand.ner.model import load_reference_tagger, load_tagger
    from warta.understand.ner.tokenize import sentences, tokenize

    bodies = dev_bodies()
    pages = [[ws for s, e in sentences(b) if (ws := [b[x:y] for x, y in tokenize(b, s, e)])] for b in bodies]
    n_tok = sum(len(s) for p in pages for s in p)
    c = time.process_time()
    fast = load_tagger(model)
    ref = load_reference_tagger(model)
    fast.tag_many(pages[0])
    ref.tag(pages[0][0])
    load_s = time.process_time() - c
    same = sum(a == ref.tag(s) for p in pages for a, s in zip(fast.tag_many(p), p))
    n_sent = sum(len(p) for p in pages)
    rows = {
        "crfsuite, per sentence": (lambda p: [ref.tag(s) for s in p], pages),
        "fast, per sentence": (lambda p: [fast.tag(s) for s in p], pages),
        "fast, per page": (fast.tag_many, pages),
        "tokenize": (lambda b: [tokenize(b, s, e) for s, e in sentences(b)], bodies),
    }
    if model is None:
        rows["find_entities"] = (find_entities, bodies)
        rows["find_entities, CRFsuite tagger (as before)"] = (_with_tagger(find_entities, ref), bodies)
    out = {"pages": len(pages), "sentences": n_sent, "tokens": n_tok, "repeat": repeat,
           "same_tags": f"{same}/{n_sent}", "load_cpu_s": round(load_s, 2), "rows": {}}
    for name, (fn, items) in rows.items():
        cpu, wall = _time(fn, items, repeat)
        out["rows"][name] = {"docs_per_cpu_s": len(items) * repeat / cpu, "tokens_per_cpu_s": n_tok * repeat / cpu,
                             "cpu_s": cpu, "wall_s": wall}
    return out


def speed_report(r: dict) -> str:
    lines = [(f"{r['pages']} dev page bodies, {r['sentences']} sentences, {r['tokens']:,} tokens; "
              f"{r['repeat']} passes after a warm-up; fast tagger = CRFsuite on {r['same_tags']} sentences; "
              f"loading both taggers and tagging the first page {r['load_cpu_s']} CPU s"),
             "", "| what | docs/s (CPU) | tokens/s (CPU) | CPU s | wall s |", "| --- | --- | --- | --- | --- |"]
    for name, m in r["rows"].items():
        lines.append(f"| {name} | {m['docs_per_cpu_s']:,.0f} | {m['tokens_per_cpu_s']:,.0f} | {m['cpu_s']:.1f} | {m['wall_s']:.1f} |")
    return "\n".join(lines)


# -- candidates ----------------------------------------------------------------------------------
def run_crf(name: str, tmp: Path, sets=T.TRAIN_SETS, domains: bool = True, fs: FeatureSet | None = None,
            lexicon: str = "", params: dict | None = None, algorithm: str = "lbfgs", scheme: str = "BILOU",
            oversample: int = 1, drop_nerp_news: bool = False, neighbour_classes: str | None = None) -> dict:
    from warta.understand.ner.fastcrf import FastTagger

    sents, _ = T.training_data(sets)
    if drop_nerp_news:  # NERP's lower-cased copies of idner-news-2k / yusufsyaifudin train sentences
        news = {D.text_key(s.tokens) for s in sents if s.source in ("idner-news-2k", "yusufsyaifudin")}
        sents = [s for s in sents if s.source != "nerp" or D.text_key(s.tokens) not in news]
    lex = T.build_lexicon(T.training_data()[0], tuple(lexicon.split(","))) if lexicon else None
    if lex is not None and neighbour_classes is not None:
        from warta.understand.ner.lexicon import Lexicon

        lex = Lexicon(lex.table, lex.columns, tuple(neighbour_classes.split(",")))
    fs = fs or FeatureSet(lexicon=bool(lexicon))
    ex = Extractor(fs, lex)
    if oversample > 1:
        sents = sents + [s for s in sents if s.source == "idner-news-2k"] * (oversample - 1)
    path = tmp / f"{name}.model"
    t = time.perf_counter()
    crf.train(sents, str(path), params, scheme=scheme, domains=T.DOMAINS if domains else None, extractor=ex,
              algorithm=algorithm)
    train_s = time.perf_counter() - t
    tagger = FastTagger(path, domains=domains, extractor=ex)
    return {"train_s": train_s, "size_mb": path.stat().st_size / 1e6,
            "train_tokens": sum(len(s.tokens) for s in sents), **_eval_all(tagger.tag_many)}


def run_spacy(name: str, sets, tmp: Path, epochs: int = 20) -> dict:
    import spacy
    from spacy.tokens import Doc
    from spacy.training import Example, biluo_tags_to_spans, iob_to_biluo
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


def _eval_all(tag_many) -> dict:
    out = {"dev": {}}
    total_tok, total_s = 0, 0.0
    for n, dev in T.dev_splits().items():
        t = time.process_time()
        pred = tag_many([s.tokens for s in dev])
        dt = time.process_time() - t
        r = score.score([s.tags for s in dev], pred)
        ntok = sum(len(s.tokens) for s in dev)
        total_tok += ntok
        total_s += dt
        out["dev"][n] = {"f1": r["overall"]["f1"], "precision": r["overall"]["precision"],
                         "recall": r["overall"]["recall"], "support": r["overall"]["support"],
                         "per_type": {t: m["f1"] for t, m in r["per_type"].items()}, "tokens": ntok}
    out["tokens_per_s"] = total_tok / total_s if total_s else 0.0
    return out


CANDIDATES = {  # name -> (what, how)
    "shipped-config": ("CRF, union, per-corpus feature copies (the shipped configuration)", lambda tmp: run_crf("a", tmp)),
    "idner-only": ("the same features, idner-news-2k train only, no copies",
                   lambda tmp: run_crf("b", tmp, ("idner-news-2k",), domains=False)),
    "union-no-copies": ("union, one feature set", lambda tmp: run_crf("c", tmp, domains=False)),
    "no-nergrit": ("union without NERGrit", lambda tmp: run_crf("d", tmp, ("idner-news-2k", "yusufsyaifudin", "nerp"))),
    "no-nerp": ("union without NERP", lambda tmp: run_crf("e", tmp, ("idner-news-2k", "yusufsyaifudin", "nergrit"))),
    "nerp-without-news-copies": ("union, NERP's lower-cased copies of idner-news-2k train sentences dropped",
                                 lambda tmp: run_crf("f", tmp, drop_nerp_news=True)),
    "idner-twice": ("union, idner-news-2k train given twice", lambda tmp: run_crf("g", tmp, oversample=2)),
    "gazetteer": ("+ gazetteer-match features", lambda tmp: run_crf("h", tmp, fs=FeatureSet(gazetteer=True))),
    "window-3": ("neighbours three either side", lambda tmp: run_crf("i", tmp, fs=FeatureSet(window=3))),
    "neighbour-flags": ("title / org-head flags of every neighbour",
                        lambda tmp: run_crf("j", tmp, fs=FeatureSet(neighbour_flags=True))),
    "lexicon-fq": ("+ wordfreq frequency class of the word and neighbours", lambda tmp: run_crf("k", tmp, lexicon="fq")),
    "lexicon-cr": ("+ capitalisation class from the training text", lambda tmp: run_crf("l", tmp, lexicon="cr")),
    "lexicon-clusters": ("+ distributional clusters (3 granularities)", lambda tmp: run_crf("m", tmp, lexicon="c1,c2,c3")),
    "lexicon-all": ("+ frequency, capitalisation and cluster classes",
                    lambda tmp: run_crf("n", tmp, lexicon="fq,cr,c1,c2,c3")),
    "lexicon-all-window-3": ("+ all three classes, three neighbours either side",
                             lambda tmp: run_crf("n3", tmp, fs=FeatureSet(window=3, lexicon=True), lexicon="fq,cr,c1,c2,c3")),
    "lexicon-fq-cr": ("+ frequency and capitalisation classes (neighbours: frequency only)",
                      lambda tmp: run_crf("n4", tmp, lexicon="fq,cr", neighbour_classes="fq")),
    "lexicon-fq-nerp-without-news-copies": ("+ frequency class, NERP's copies of idner sentences dropped",
                                            lambda tmp: run_crf("n5", tmp, lexicon="fq", drop_nerp_news=True)),
    "lexicon-fq-idner-thrice": ("+ frequency class, idner-news-2k given three times",
                                lambda tmp: run_crf("n6", tmp, lexicon="fq", oversample=3)),
    "lexicon-fq-no-copies": ("+ frequency class, no per-corpus copies",
                             lambda tmp: run_crf("n7", tmp, lexicon="fq", domains=False)),
    **{f"c1-{c1}-c2-{c2}": (f"c1 {c1}, c2 {c2}", lambda tmp, c1=c1, c2=c2: run_crf("o", tmp, params={"c1": c1, "c2": c2}))
       for c1, c2 in ((0.1, 0.01), (0.02, 0.05), (0.2, 0.005), (0.05, 0.1), (0.03, 0.03), (0.07, 0.015))},
    "iterations-100": ("100 L-BFGS iterations", lambda tmp: run_crf("q", tmp, params={"max_iterations": 100})),
    "bio": ("BIO labels instead of BILOU", lambda tmp: run_crf("r", tmp, scheme="IOB")),
    "min-frequency-2": ("features seen fewer than twice dropped",
                        lambda tmp: run_crf("t", tmp, params={"feature.minfreq": 2})),
    "averaged-perceptron": ("CRFsuite's averaged perceptron, 30 epochs",
                            lambda tmp: run_crf("u", tmp, algorithm="ap", params={"max_iterations": 30})),
    "passive-aggressive": ("CRFsuite's passive-aggressive training, 30 epochs",
                           lambda tmp: run_crf("s", tmp, algorithm="pa", params={"max_iterations": 30})),
    "spacy-idner": ("spaCy `blank(\"id\")` + `ner`, idner-news-2k train, 20 epochs",
                    lambda tmp: run_spacy("spacy-idner", ("idner-news-2k",), tmp)),
    "spacy-union": ("spaCy, union, 20 epochs", lambda tmp: run_spacy("spacy-union", T.TRAIN_SETS, tmp)),
}

PUBLISHED = {  # test-split F1 of published baselines, for the table (dev numbers here are not test)
    "idner-news-2k": "CRF 0.84 (test)",
    "nergrit": "XLM-R base 0.79 (test)",
    "nerp": "IndoBERT-large 0.79 (test)",
}


def table(results: dict) -> str:
    devs = list(T.DEV_SETS)
    head = "| candidate | " + " | ".join(f"{d} F1 (PER / ORG / LOC)" for d in devs) + " | tokens/s (CPU) | train s | MB |"
    lines = [head, "|" + " --- |" * (len(devs) + 4)]
    for name, r in results.items():
        what = CANDIDATES[name][0] if name in CANDIDATES else name
        if "error" in r:
            lines.append(f"| {what} | " + " | ".join("-" for _ in devs) + f" | skipped: {r['error']} | | |")
            continue
        cells = []
        for d in devs:
            m = r["dev"][d]
            pt = m["per_type"]
            cells.append(f"**{m['f1']:.3f}** ({pt.get('PER', 0):.3f} / {pt.get('ORG', 0):.3f} / {pt.get('LOC', 0):.3f})")
        lines.append(f"| {what} | " + " | ".join(cells) +
                     f" | {r['tokens_per_s']:,.0f} | {r['train_s']:.0f} | {r['size_mb']:.1f} |")
    lines.append("| published (test split) | " + " | ".join(PUBLISHED[d] for d in devs) + " | | | |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--candidates", action="store_true", help="train and score the candidate models")
    ap.add_argument("--only", nargs="*", choices=sorted(CANDIDATES), help="candidates to run")
    ap.add_argument("--model", help="a model to time instead of the shipped one (its .json card beside it)")
    ap.add_argument("--repeat", type=int, default=20, help="passes over the dev pages for the speed table")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    m = machine()
    print(machine_line(m))
    if not args.candidates:
        if not (SHARED / "data" / "news-dev-lines.jsonl").is_file():
            print("../shared/data/news-dev-*.jsonl is absent: skipping the NER speed benchmark", file=sys.stderr)
            return 0
        r = speed(args.model, args.repeat)
        (OUT / "ner_speed.json").write_text(json.dumps({"machine": m, **r}, indent=2) + "\n")
        print(speed_report(r))
        return 0
    if D.ner_dir() is None:
        print("../shared/data/ner is absent: skipping the NER candidates", file=sys.stderr)
        return 0
    names = args.only or list(CANDIDATES)
    prev = OUT / "ner.json"
    results = json.loads(prev.read_text()) if prev.exists() and args.only else {}
    results = {k: v for k, v in results.items() if k in CANDIDATES}
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            print(f"... {name}", file=sys.stderr, flush=True)
            try:
                results[name] = CANDIDATES[name][1](Path(tmp))
            except ImportError as e:
                results[name] = {"error": f"{e.name or e} not installed"}
            prev.write_text(json.dumps(results, indent=2) + "\n")
    print(f"NER on the dev splits; {os.cpu_count()} cores, one process per candidate, CPU")
    print(table({k: results[k] for k in CANDIDATES if k in results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
