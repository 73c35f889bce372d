"""Score article records against gold records, with the referee's metrics.

The definitions are those of `../shared/tools/score.py` (the referee), written again here so that
warta can score itself without the shared folder and break the numbers down per input format,
which the referee does not. The text summary prints the referee's lines first, in its order and
with its formatting of values, so the two can be compared line by line; a per-format section follows.

From Python:

    >>> from warta.evaluate import load, score
    >>> summary = score(load(["gold.jsonl"]), load(["pred.jsonl"]))
    >>> summary["body_f1"], summary["per_format"]["html"]["body_f1"]

Gold and predictions are mappings of id to record; a record missing from the predictions is scored
as an empty one and counted in `missing`.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .article import RawDoc

TOKEN = re.compile(r"\w+", re.UNICODE)
FIELDS = ("title", "outlet", "dateline", "published")
FORMATS = ("text-lines", "text-flat", "html")
# Drop pieces shorter than this (after normalisation) are not tested: too short to test by containment.
MIN_DROP_CHARS = 12

_TIME = r"\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|z)?"
_DATE = r"(\d{4}(-w\d{2}|-\d{2}(-\d{2})?)?|--\d{2}-\d{2})"
_ONE = rf"({_DATE}(t{_TIME})?|t?{_TIME})"
# ISO 8601 date, time, datetime, week, --MM-DD, or an interval A/B; matched after casefolding.
ISO = re.compile(rf"^{_ONE}(/{_ONE})?$")


# --- the referee's primitives -------------------------------------------------------------------

def norm(s: str | None) -> str:
    """NFKC, whitespace runs to one space, trimmed, casefolded."""
    s = unicodedata.normalize("NFKC", s or "")
    return re.sub(r"\s+", " ", s).strip().casefold()


def tokens(s: str | None) -> list[str]:
    return TOKEN.findall(norm(s))


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty side counts as perfect only when the other is empty too."""
    p = tp / n_pred if n_pred else (1.0 if n_gold == 0 else 0.0)
    r = tp / n_gold if n_gold else (1.0 if n_pred == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def bag_overlap(a: Iterable[str], b: Iterable[str]) -> int:
    """Size of the multiset intersection."""
    return sum((Counter(a) & Counter(b)).values())


def date_value(d: Any) -> str:
    """The normalised ISO value, or "" when the value is a note (notes are not scored)."""
    v = d.get("value") if isinstance(d, dict) else d
    v = norm(str(v)) if v else ""
    v = "/".join(x[1:] if x.startswith("t") else x for x in v.split("/"))
    return v if ISO.match(v) else ""


def source_name(a: Any) -> str:
    return norm(a.get("source") if isinstance(a, dict) else str(a))


# --- one page -----------------------------------------------------------------------------------

@dataclass
class DocScore:
    """Everything the summary needs from one page: rates for the macro means, counts for the rest."""

    id: str
    format: str | None
    missing: bool
    body_p: float
    body_r: float
    body_f: float
    keep_hits: int
    keep_n: int
    drop_by_kind: Counter = field(default_factory=Counter)
    leak_by_kind: Counter = field(default_factory=Counter)
    leaks: list[str] = field(default_factory=list)  # kinds of the leaked pieces, in gold order
    fields: dict[str, tuple[int, int]] = field(default_factory=dict)  # name -> (hit, tested)
    authors: tuple[int, int, int] = (0, 0, 0)  # (tp, n_pred, n_gold)
    dates: tuple[int, int, int] = (0, 0, 0)
    attributions: tuple[int, int, int] = (0, 0, 0)
    inconsistency: tuple[bool, bool] = (False, False)  # (gold flags one, prediction flags one)


def _overlap_counts(gold: Counter, pred: Counter) -> tuple[int, int, int]:
    return sum((gold & pred).values()), sum(pred.values()), sum(gold.values())


def score_doc(gold: Mapping[str, Any], pred: Mapping[str, Any] | None) -> DocScore:
    """Score one prediction against its gold record (`pred=None`: the prediction is missing)."""
    p = pred or {}
    body = p.get("body") or ""
    gt, pt = tokens(gold["body"]), tokens(body)
    bp, br, bf = prf(bag_overlap(pt, gt), len(pt), len(gt))
    nb, ngold = norm(body), norm(gold["body"])
    keep = gold.get("keep", [])
    s = DocScore(id=str(gold.get("id")), format=gold.get("format"), missing=pred is None,
                 body_p=bp, body_r=br, body_f=bf,
                 keep_hits=sum(1 for k in keep if norm(k) in nb), keep_n=len(keep))
    for d in gold.get("drop", []):
        t = norm(d["text"])
        if len(t) < MIN_DROP_CHARS:
            continue
        s.drop_by_kind[d["kind"]] += 1
        # A piece that also occurs in the gold body cannot be told apart from kept prose.
        if t in nb and t not in ngold:
            s.leak_by_kind[d["kind"]] += 1
            s.leaks.append(d["kind"])
    for k in FIELDS:
        if gold.get(k):
            s.fields[k] = (int(norm(str(p.get(k) or "")) == norm(str(gold[k]))), 1)
    s.authors = _overlap_counts(Counter(norm(x) for x in gold.get("authors") or []),
                                Counter(norm(x) for x in p.get("authors") or []))
    s.dates = _overlap_counts(Counter(v for v in map(date_value, gold.get("dates") or []) if v),
                              Counter(v for v in map(date_value, p.get("dates") or []) if v))
    s.attributions = _overlap_counts(Counter(map(source_name, gold.get("attributions") or [])),
                                     Counter(map(source_name, p.get("attributions") or [])))
    s.inconsistency = (bool(gold.get("inconsistencies")), bool(p.get("inconsistencies")))
    return s


# --- many pages ---------------------------------------------------------------------------------

def _sum3(triples: Iterable[tuple[int, int, int]]) -> tuple[int, int, int]:
    a = b = c = 0
    for x, y, z in triples:
        a, b, c = a + x, b + y, c + z
    return a, b, c


def summarize(docs: Sequence[DocScore]) -> dict[str, Any]:
    """The referee's summary: same keys, same order, same values (means summed in the same order)."""
    n = len(docs)
    drop_by_kind: Counter = sum((d.drop_by_kind for d in docs), Counter())
    leak_by_kind: Counter = sum((d.leak_by_kind for d in docs), Counter())
    fields = {k: [0, 0] for k in FIELDS}
    for d in docs:
        for k, (hit, tested) in d.fields.items():
            fields[k][0] += hit
            fields[k][1] += tested
    keep_hits, keep_n = sum(d.keep_hits for d in docs), sum(d.keep_n for d in docs)
    inc = Counter(d.inconsistency for d in docs)
    tt, ft, tf = inc[(True, True)], inc[(False, True)], inc[(True, False)]
    # The referee divides by n unguarded; an empty gold set gives 0.0 here instead of a crash.
    mean = (lambda xs: sum(xs) / n) if n else (lambda xs: 0.0)
    return {
        "docs": n,
        "missing": sum(d.missing for d in docs),
        "body_f1": mean([d.body_f for d in docs]),
        "body_precision": mean([d.body_p for d in docs]),
        "body_recall": mean([d.body_r for d in docs]),
        "keep_recall": keep_hits / keep_n if keep_n else 1.0,
        "drop_tested": sum(drop_by_kind.values()),
        "drop_leaked": sum(leak_by_kind.values()),
        "leak_by_kind": {k: f"{leak_by_kind[k]}/{drop_by_kind[k]}" for k in sorted(drop_by_kind)},
        "field_accuracy": {k: (v[0] / v[1] if v[1] else None) for k, v in fields.items()},
        "authors_f1": prf(*_sum3(d.authors for d in docs))[2],
        "dates_p_r_f1": prf(*_sum3(d.dates for d in docs)),
        "attributions_p_r_f1": prf(*_sum3(d.attributions for d in docs)),
        "inconsistency_p_r": prf(tt, tt + ft, tt + tf)[:2],
    }


def score_docs(gold: Mapping[str, Mapping[str, Any]], pred: Mapping[str, Mapping[str, Any]]) -> list[DocScore]:
    """One DocScore per gold record, in gold order."""
    return [score_doc(g, pred.get(gid)) for gid, g in gold.items()]


def per_format(docs: Sequence[DocScore]) -> dict[str, dict[str, Any]]:
    """The summary of each input format's pages, known formats first."""
    seen = {d.format or "unknown" for d in docs}
    order = [f for f in FORMATS if f in seen] + sorted(seen - set(FORMATS))
    return {f: summarize([d for d in docs if (d.format or "unknown") == f]) for f in order}


def score(gold: Mapping[str, Mapping[str, Any]], pred: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Summary of `pred` against `gold` (both: id -> record), with a `per_format` breakdown added."""
    docs = score_docs(gold, pred)
    return {**summarize(docs), "per_format": per_format(docs)}


# --- files and warta itself ---------------------------------------------------------------------

def load(paths: Iterable[str]) -> dict[str, dict[str, Any]]:
    """id -> record over JSONL files; a later record with the same id replaces the earlier one."""
    out: dict[str, dict[str, Any]] = {}
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    raise ValueError(f"{path}:{n}: not JSON: {e}") from e
                out[str(rec.get("id"))] = rec
    return out


def gold_to_rawdoc(g: Mapping[str, Any]) -> RawDoc:
    """The input warta would get for a gold page: `raw` as HTML when its format is html, else as text."""
    from .article import RawDoc  # lazily: scoring alone needs nothing of the pipeline

    return RawDoc(id=str(g.get("id")), content=g["raw"], kind="html" if g.get("format") == "html" else "text",
                  url=g.get("url"))


def warta_predictions(gold: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Run warta's pipeline in-process on every gold page. A page it fails on is reported on stderr and
    left out, so it is scored as missing rather than ending the evaluation."""
    from .pipeline import process

    out: dict[str, dict[str, Any]] = {}
    for gid, g in gold.items():
        try:
            out[gid] = process(gold_to_rawdoc(g)).to_dict()
        except Exception as e:  # noqa: BLE001 - one bad page must not hide the others' scores
            print(f"warta failed on {gid}: {type(e).__name__}: {e}", file=sys.stderr)
    return out


# --- printing -----------------------------------------------------------------------------------

def format_summary(s: Mapping[str, Any]) -> list[str]:
    """The referee's text lines: `key: value` with Python's own rendering of the value."""
    return [f"{k}: {v}" for k, v in s.items() if k != "per_format"]


def _ratio(s: Mapping[str, Any], kind: str) -> str:
    return s["leak_by_kind"].get(kind, "0/0")


def format_per_format(pf: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """One line per input format, three decimals; leaks as leaked/tested."""
    lines = ["per_format:"]
    for fmt, s in pf.items():
        lines.append(
            f"  {fmt}: docs={s['docs']} missing={s['missing']} body_f1={s['body_f1']:.3f} "
            f"body_precision={s['body_precision']:.3f} body_recall={s['body_recall']:.3f} "
            f"keep_recall={s['keep_recall']:.3f} drop_leaked={s['drop_leaked']}/{s['drop_tested']} "
            f"read_also={_ratio(s, 'read_also')} related={_ratio(s, 'related')}")
    return lines


def doc_line(d: DocScore) -> str:
    """The referee's per-document line."""
    return f"{d.id}\tbody_f1={d.body_f:.3f}\tkeep={d.keep_hits}/{d.keep_n}\tleaks={','.join(d.leaks) or '-'}"


def run_eval(gold_paths: Sequence[str], pred: str | None = None, json_out: bool = False,
             per_doc: bool = False) -> int:
    """`warta eval`: score `pred` (or warta itself, run in-process) against the gold files. Exit code."""
    try:
        gold = load(gold_paths)
        preds = load([pred]) if pred else warta_predictions(gold)
    except (OSError, ValueError) as e:
        print(f"warta eval: {e}", file=sys.stderr)
        return 1
    if not gold:
        print("warta eval: the gold files hold no records", file=sys.stderr)
        return 1
    docs = score_docs(gold, preds)
    summary = summarize(docs)
    pf = per_format(docs)
    if per_doc:
        for d in docs:
            print(doc_line(d))
    if json_out:
        print(json.dumps({**summary, "per_format": pf}, ensure_ascii=False))
    else:
        print("\n".join(format_summary(summary)))
        print()
        print("\n".join(format_per_format(pf)))
    missing = [d.id for d in docs if d.missing]
    if missing:
        print(f"missing predictions: {', '.join(missing[:20])}", file=sys.stderr)
    return 0
