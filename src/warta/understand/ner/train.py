"""`make train-ner`: train the shipped NER model from `../shared/data/ner`.

    python -m warta.understand.ner.train [--out src/warta/models/ner/crf.model] [--sets ...]

Training data: the union of the train splits of the sets a shipped model may learn from
(idner-news-2k, yusufsyaifudin, NERGrit, NERP; never PFSA-ID, which is non-commercial), tags mapped
to PER / ORG / LOC (`conll.TYPE_MAP`). Two filters keep the dev scores honest and the data clean:

- a train sentence whose normalised text equals a sentence of ANY dev split is dropped (the sets
  share Kompas sentences: NERP holds lower-cased copies of idner-news-2k's);
- a yusufsyaifudin sentence already in idner-news-2k train is dropped (idner-news-2k is the cleaned
  re-annotation of the same sentences; the older marks are noisier).

Each set trains its own domain copy of the features (news: idner-news-2k and yusufsyaifudin;
wiki: NERGrit; lower: NERP); tagging uses the news copy, or the lower one on a sentence without a
capital letter. Gazetteer-match features are left out by default: on the dev splits they changed
nothing beyond noise (bench/ner.py), and without them the model does not depend on tables that
people edit (`lang/id/entities/aliases.tsv`); `find_entities` uses the gazetteer after tagging.
The dev scores of the new model are printed at the end, one table per dev split, with how many
dev sentences the fast tagger (`fastcrf.py`, what warta uses) tags exactly as CRFsuite does.

Other feature sets can be tried (`--window`, `--neighbour-flags`, `--lexicon`, `--gazetteer-features`,
`--c1`, `--c2`); the shipped one is the best of those measured on idner-news-2k dev
(docs/benchmarks.md, NER section). Training is deterministic: the same data and options give the
same model file.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from . import conll
from . import datasets as D
from .features import Extractor, FeatureSet

TRAIN_SETS = ("idner-news-2k", "yusufsyaifudin", "nergrit", "nerp")
DEV_SETS = ("idner-news-2k", "nergrit", "nerp")
DOMAINS = {"idner-news-2k": "news", "yusufsyaifudin": "news", "nergrit": "wiki", "nerp": "lower"}
MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "ner"


def dev_splits(root: Path | None = None) -> dict[str, list[conll.Sentence]]:
    return {n: D.read(n, "dev", root) for n in DEV_SETS}


def training_data(sets=TRAIN_SETS, root: Path | None = None) -> tuple[list[conll.Sentence], dict]:
    """The de-duplicated union of the train splits, and counts of what was kept and dropped."""
    for n in sets:
        if not D.DATASETS[n].shippable:
            raise ValueError(f"{n}: its licence does not allow training a shipped model on it")
    devkeys = {k for v in dev_splits(root).values() for s in v if len(k := D.text_key(s.tokens)) > 15}
    out: list[conll.Sentence] = []
    seen: set[str] = set()
    stats: dict[str, dict[str, int]] = {}
    for n in sets:
        st = stats.setdefault(n, {"kept": 0, "tokens": 0, "in_dev": 0, "duplicate": 0})
        for s in D.read(n, "train", root):
            k = D.text_key(s.tokens)
            if len(k) > 15 and k in devkeys:
                st["in_dev"] += 1
                continue
            if n == "yusufsyaifudin" and k in seen:
                st["duplicate"] += 1
                continue
            seen.add(k)
            out.append(s)
            st["kept"] += 1
            st["tokens"] += len(s.tokens)
    return out, stats


def evaluate(tagger, sents: list[conll.Sentence]) -> dict:
    from .score import score

    t = time.perf_counter()
    pred = tagger.tag_many([s.tokens for s in sents])
    dt = time.perf_counter() - t
    r = score([s.tags for s in sents], pred)
    n = sum(len(s.tokens) for s in sents)
    r["tokens"] = n
    r["tokens_per_s"] = n / dt if dt else 0.0
    r["pred"] = pred
    return r


def build_lexicon(sents: list[conll.Sentence], columns: tuple[str, ...]):
    """Word classes of the training text (`lexicon.py`): clusters from every set, `cr` from the cased ones."""
    from .lexicon import build

    return build([s.tokens for s in sents], [s.tokens for s in sents if D.DATASETS[s.source].cased], columns)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m warta.understand.ner.train", description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(MODEL_DIR / "crf.model"))
    ap.add_argument("--sets", default=",".join(TRAIN_SETS), help="train splits to use (comma-separated)")
    ap.add_argument("--c1", type=float, default=None)
    ap.add_argument("--c2", type=float, default=None)
    ap.add_argument("--no-domains", action="store_true", help="one feature set for all corpora")
    ap.add_argument("--window", type=int, default=2, help="neighbour words and shapes this far either side")
    ap.add_argument("--neighbour-flags", action="store_true", help="title / org-head flags of every neighbour")
    ap.add_argument("--lexicon", default="", metavar="COLUMNS",
                    help="word classes from the training text, e.g. fq,cr,c1,c2,c3 (lexicon.py; fq needs wordfreq)")
    ap.add_argument("--gazetteer-features", action="store_true", help="add gazetteer-match features")
    args = ap.parse_args(argv)

    root = D.ner_dir()
    if root is None:
        print("../shared/data/ner is absent: nothing to train on", file=sys.stderr)
        return 2
    from . import crf, score
    from .fastcrf import FastTagger

    sets = tuple(s for s in args.sets.split(",") if s)
    sents, stats = training_data(sets, root)
    print(f"training on {len(sents)} sentences, {sum(len(s.tokens) for s in sents)} tokens")
    for n, st in stats.items():
        print(f"  {n}: kept {st['kept']} ({st['tokens']} tokens), dropped {st['in_dev']} also in a dev split, "
              f"{st['duplicate']} duplicates of idner-news-2k")
    params = {k: v for k, v in (("c1", args.c1), ("c2", args.c2)) if v is not None}
    domains = None if args.no_domains else DOMAINS
    fs = FeatureSet(window=args.window, neighbour_flags=args.neighbour_flags, lexicon=bool(args.lexicon),
                    gazetteer=args.gazetteer_features)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    lexicon = None
    lexicon_path = out.with_name("lexicon.tsv")
    if fs.lexicon:
        lexicon = build_lexicon(sents, tuple(args.lexicon.split(",")))
        lexicon.save(lexicon_path)
        print(f"lexicon: {len(lexicon.table)} words ({lexicon_path})")
    elif lexicon_path.exists() and out.parent == MODEL_DIR:
        lexicon_path.unlink()  # a lexicon of an earlier model would be shipped for nothing
    ex = Extractor(fs, lexicon)
    t, c = time.perf_counter(), time.process_time()
    crf.train(sents, str(out), params, domains=domains, extractor=ex)
    train_s, train_cpu_s = time.perf_counter() - t, time.process_time() - c
    print(f"trained in {train_s:.0f} s ({train_cpu_s:.0f} CPU s): {out} ({out.stat().st_size / 1e6:.1f} MB)")
    meta = {
        "trained_on": {n: stats[n] for n in sets},
        "domains": domains,
        "features": fs.to_json(),
        **({"lexicon": lexicon_path.name} if fs.lexicon else {}),
        "params": {**crf.DEFAULT_PARAMS, **params},
        "scheme": "BILOU",
        "train_seconds": round(train_s, 1),
        "train_cpu_seconds": round(train_cpu_s, 1),
        "dev": {},
    }
    tagger = FastTagger(out, domains=domains is not None, extractor=ex)
    reference = crf.CRFTagger(str(out), domains=domains is not None, extractor=ex)
    for n, dev in dev_splits(root).items():
        r = evaluate(tagger, dev)
        same = sum(p == reference.tag(s.tokens) for p, s in zip(r["pred"], dev))
        meta["dev"][n] = {"overall_f1": round(r["overall"]["f1"], 4),
                          "per_type_f1": {t: round(m["f1"], 4) for t, m in r["per_type"].items()},
                          "tokens": r["tokens"], "same_as_crfsuite": f"{same}/{len(dev)}"}
        print()
        print(f"(fast tagger: {same} of {len(dev)} sentences tagged as CRFsuite tags them)")
        print(score.report(r, f"{n} dev ({r['tokens']} tokens)"))
    out.with_suffix(".json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
