"""`warta eval --ner FILE`: the shipped model scored on a CoNLL-style file.

The file's tokens are tagged as they are (one sentence per blank-line block); its tags are mapped
to PER / ORG / LOC by `conll.TYPE_MAP` (other types are read as O); the score is seqeval-style
exact-span micro-F1, overall and per type. The last line printed is `entity_f1: 0.xxx` (with
`--json`, one JSON object holding `entity_f1`).
"""

from __future__ import annotations

import json
import sys
import time

from . import conll
from .model import load_tagger
from .score import report, score


def run_ner_eval(path: str, json_out: bool = False, model: str | None = None) -> int:
    try:
        sents = [conll.normalise(s) for s in conll.read_conll(path)]
    except OSError as e:
        print(f"warta eval --ner: {e}", file=sys.stderr)
        return 2
    tagger = load_tagger(model)
    t = time.perf_counter()
    pred = tagger.tag_many([s.tokens for s in sents])
    dt = time.perf_counter() - t
    r = score([s.tags for s in sents], pred)
    ntok = sum(len(s.tokens) for s in sents)
    if json_out:
        r.update(sentences=len(sents), tokens=ntok, tokens_per_s=round(ntok / dt) if dt else None,
                 entity_f1=round(r["overall"]["f1"], 4))
        print(json.dumps(r, indent=2))
    else:
        print(report(r, f"{path}: {len(sents)} sentences, {ntok} tokens, {ntok / dt if dt else 0:,.0f} tokens/s"))
    return 0
