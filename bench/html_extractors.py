"""Which main-content extractor should the HTML path start from? Measured on the dev HTML pages.

    .venv/bin/python bench/html_extractors.py [--reps 3] [--per-page]

For each candidate, on the `format == "html"` records of ../shared/data/news-dev-lines.jsonl:
body F1 / precision / recall against the gold `body` (the referee's tokens and bag overlap,
macro-averaged over pages), the gold drop pieces (>= 12 chars) whose text leaks into the output,
and pages per second on one core (best of --reps passes over all pages, after a warm-up pass).

The output of an extractor is not yet the cleaned body: headlines, datelines, credits and
"Baca juga" lines left in it are the text cleaner's job downstream. Rows marked `warta ...`
show what the HTML step hands on: all blocks, blocks without a structural hint, and the core only.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "news-dev-lines.jsonl"
SCORE = SHARED / "tools" / "score.py"
sys.path.insert(0, str(ROOT / "src"))

from warta.clean.html import extract_page, segment_html  # noqa: E402


def _load_referee():
    spec = importlib.util.spec_from_file_location("score", SCORE)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


# --- candidates: html, url -> body text (paragraphs joined by newlines) --------------------------

def trafilatura_default(html: str, url: str | None) -> str:
    import trafilatura
    return trafilatura.extract(html, url=url, include_comments=False) or ""


def trafilatura_recall(html: str, url: str | None) -> str:
    import trafilatura
    return trafilatura.extract(html, url=url, include_comments=False, favor_recall=True) or ""


def trafilatura_xml(html: str, url: str | None) -> str:
    """trafilatura's XML output, one paragraph per element that holds text."""
    import trafilatura
    from lxml import etree
    xml = trafilatura.extract(html, url=url, include_comments=False, output_format="xml",
                              include_formatting=False, include_tables=True)
    if not xml:
        return ""
    root = etree.fromstring(xml.encode("utf-8"))
    body = root.find("main") if root.find("main") is not None else root
    paras = []
    for el in body.iter("p", "head", "item", "quote", "cell"):
        text = " ".join("".join(el.itertext()).split())
        if text:
            paras.append(text)
    return "\n".join(paras)


def readability(html: str, url: str | None) -> str:
    """readability-lxml's summary, cut into paragraphs as warta cuts blocks."""
    from readability import Document
    return "\n".join(segment_html(Document(html, url=url).summary(html_partial=True)))


def resiliparse(html: str, url: str | None) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    return extract_plain_text(html, main_content=True)


def justext_(html: str, url: str | None) -> str:
    import justext
    paras = justext.justext(html.encode("utf-8"), justext.get_stoplist("Indonesian"))
    return "\n".join(p.text for p in paras if not p.is_boilerplate)


def warta_all(html: str, url: str | None) -> str:
    return extract_page(html, url).text


def warta_unhinted(html: str, url: str | None) -> str:
    return "\n".join(b.text for b in extract_page(html, url).blocks if b.hint is None)


def warta_core(html: str, url: str | None) -> str:
    return "\n".join(b.text for b in extract_page(html, url).blocks if b.core and b.hint is None)


CANDIDATES: dict[str, Callable[[str, str | None], str]] = {
    "trafilatura (default)": trafilatura_default,
    "trafilatura (favor_recall)": trafilatura_recall,
    "trafilatura (xml paragraphs)": trafilatura_xml,
    "readability-lxml (summary)": readability,
    "resiliparse (main_content)": resiliparse,
    "justext (Indonesian)": justext_,
    "warta blocks (all)": warta_all,
    "warta blocks (hint is None)": warta_unhinted,
    "warta blocks (core, no hint)": warta_core,
}


def measure(name: str, fn, pages: list[dict], ref, reps: int) -> dict:
    outs = [fn(p["raw"], p.get("url")) for p in pages]  # also the warm-up pass (imports, caches)
    best = float("inf")
    for _ in range(reps):
        t = time.perf_counter()
        for p in pages:
            fn(p["raw"], p.get("url"))
        best = min(best, time.perf_counter() - t)
    f1s, ps, rs, per_page = [], [], [], []
    leaked = tested = 0
    for p, out in zip(pages, outs):
        gold, pred = ref.tokens(p["body"]), ref.tokens(out)
        prec, rec, f1 = ref.prf(ref.bag_overlap(pred, gold), len(pred), len(gold))
        f1s.append(f1), ps.append(prec), rs.append(rec)
        npred, ngold = ref.norm(out), ref.norm(p["body"])
        kinds = []
        for d in p["drop"]:
            t = ref.norm(d["text"])
            if len(t) < 12:
                continue
            tested += 1
            if t in npred and t not in ngold:
                leaked += 1
                kinds.append(d["kind"])
        per_page.append((p["id"], f1, prec, rec, kinds))
    n = len(pages)
    return {"name": name, "f1": sum(f1s) / n, "p": sum(ps) / n, "r": sum(rs) / n, "min_r": min(rs),
            "leaked": leaked, "tested": tested, "pps": n / best if best > 0 else float("inf"),
            "per_page": per_page}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--per-page", action="store_true")
    ap.add_argument("--only", help="substring of the candidate names to run")
    a = ap.parse_args()
    if not DATA.exists() or not SCORE.exists():
        sys.exit(f"needs {DATA} and {SCORE} (the shared folder beside the project)")
    ref = _load_referee()
    pages = [r for r in map(json.loads, DATA.read_text(encoding="utf-8").splitlines()) if r.get("format") == "html"]
    print(f"{len(pages)} dev HTML pages; F1/P/R macro over pages; leaks = gold drop pieces >= 12 chars in the output\n")
    print(f"{'candidate':30} {'F1':>6} {'P':>6} {'R':>6} {'minR':>6} {'leaked':>9} {'pages/s':>8}")
    for name, fn in CANDIDATES.items():
        if a.only and a.only not in name:
            continue
        try:
            m = measure(name, fn, pages, ref, a.reps)
        except ImportError as e:
            print(f"{name:30} skipped: {e}")
            continue
        leak = f"{m['leaked']}/{m['tested']}"
        print(f"{name:30} {m['f1']:6.3f} {m['p']:6.3f} {m['r']:6.3f} {m['min_r']:6.3f} {leak:>9} {m['pps']:8.1f}")
        if a.per_page:
            for pid, f1, p, r, kinds in m["per_page"]:
                print(f"    {pid} F1={f1:.3f} P={p:.3f} R={r:.3f} leaks={','.join(kinds) or '-'}")


if __name__ == "__main__":
    main()
