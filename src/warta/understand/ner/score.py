"""Entity scoring, seqeval-style: exact-span micro precision / recall / F1, overall and per type.

A predicted entity counts when its type, first and last token all equal a gold entity's. Spans are
read from the tags conlleval-style (`conll.spans`), so IOB1, IOB2 and BILOU tags all score alike.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from .conll import spans


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> dict:
    """{"overall": {p, r, f1, support}, "per_type": {TYPE: {...}}} over sentence tag lists."""
    tp: Counter[str] = Counter()
    ng: Counter[str] = Counter()
    npred: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(spans(g)), set(spans(p))
        for t, *_ in gs:
            ng[t] += 1
        for t, *_ in ps:
            npred[t] += 1
        for t, *_ in gs & ps:
            tp[t] += 1
    out = {"per_type": {}}
    for t in sorted(set(ng) | set(npred)):
        pr, rc, f = prf(tp[t], npred[t], ng[t])
        out["per_type"][t] = {"precision": pr, "recall": rc, "f1": f, "support": ng[t], "predicted": npred[t]}
    pr, rc, f = prf(sum(tp.values()), sum(npred.values()), sum(ng.values()))
    out["overall"] = {"precision": pr, "recall": rc, "f1": f, "support": sum(ng.values()), "predicted": sum(npred.values())}
    return out


def report(result: dict, title: str = "") -> str:
    """A plain table; its last line is `entity_f1: 0.xxx`."""
    lines = [title] if title else []
    lines.append(f"{'type':<8}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}")
    for t, m in result["per_type"].items():
        lines.append(f"{t:<8}{m['precision']:>10.3f}{m['recall']:>10.3f}{m['f1']:>10.3f}{m['support']:>10}")
    o = result["overall"]
    lines.append(f"{'micro':<8}{o['precision']:>10.3f}{o['recall']:>10.3f}{o['f1']:>10.3f}{o['support']:>10}")
    lines.append(f"entity_f1: {o['f1']:.3f}")
    return "\n".join(lines)
