"""Cleaning quality on the dev gold: warta and its peers, scored with warta.evaluate, per input format.

    python bench/quality.py [--only TOOL]

Text pages (text-lines, text-flat) go to the text tools, HTML pages to the HTML tools. Prints a markdown
table and writes bench/out/quality.json (the full summary of every tool and format).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

import common
from warta.evaluate import score

FORMATS = ("text-lines", "text-flat", "html")
HEADERS = ("format", "tool", "pages", "body F1", "body P", "body R", "keep recall",
           "drop leaked/tested", "read_also leaked", "related leaked", "status")


def predict(factory: Callable[[], common.Tool], pages: Sequence[common.Page]) -> tuple[dict[str, dict[str, Any]], int, str]:
    """Run one tool on the pages: (id -> prediction, pages it failed on, status).

    A page the tool raises on is left out (scored as missing, body empty) and counted; a tool that
    cannot even be built is `failed` with its error, and the run goes on to the next one.
    """
    try:
        run = factory()
    except Exception as e:  # noqa: BLE001 - a broken peer is a result, not a crash
        return {}, len(pages), f"failed: {type(e).__name__}: {e}"
    preds: dict[str, dict[str, Any]] = {}
    errors, first = 0, ""
    for page in pages:
        try:
            preds[page["id"]] = {"id": page["id"], **run(page)}
        except Exception as e:  # noqa: BLE001
            errors += 1
            first = first or f"{page['id']}: {type(e).__name__}: {e}"
    if errors == len(pages):
        return preds, errors, f"failed: {first}"
    return preds, errors, f"ok, {errors} page(s) failed ({first})" if errors else "ok"


def leak(s: dict[str, Any], kind: str) -> str:
    return s["leak_by_kind"].get(kind, "0/0")


def row(fmt: str, tool: str, s: dict[str, Any] | None, status: str) -> list[Any]:
    if s is None:
        return [fmt, tool, "-", "-", "-", "-", "-", "-", "-", "-", status]
    return [fmt, tool, s["docs"], f"{s['body_f1']:.3f}", f"{s['body_precision']:.3f}", f"{s['body_recall']:.3f}",
            f"{s['keep_recall']:.3f}", f"{s['drop_leaked']}/{s['drop_tested']}", leak(s, "read_also"),
            leak(s, "related"), status]


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", help="run only this tool (by its table name, e.g. warta)")
    ap.add_argument("--gold", action="append", help="gold JSONL file(s) instead of the dev gold "
                    "(e.g. tests/fixtures/blind-gold.jsonl, the project's blind set)")
    a = ap.parse_args(argv)
    if a.gold:
        from warta.evaluate import load

        gold = load(a.gold)
        label = ", ".join(Path(g).name for g in a.gold)
    else:
        gold = common.dev_gold()
        label = "the dev gold"
    m = common.machine()
    rows, results = [], []
    for fmt in FORMATS:
        pages = [g for g in gold.values() if g.get("format") == fmt]
        sub = {g["id"]: g for g in pages}
        for tool, factory in common.tools_of("html" if fmt == "html" else "text").items():
            if a.only and tool != a.only:
                continue
            t0 = time.perf_counter()
            preds, errors, status = predict(factory, pages)
            seconds = time.perf_counter() - t0
            s = None if status.startswith("failed") else score(sub, preds)
            if s is not None:
                s.pop("per_format")  # one format at a time already
            rows.append(row(fmt, tool, s, status))
            results.append({"format": fmt, "tool": tool, "status": status, "errors": errors,
                            "seconds": round(seconds, 3), "summary": s})
            print(f"  {fmt:10s} {tool:20s} {status} ({seconds:.1f} s)", file=sys.stderr)
    print(f"Cleaning quality on {label} ({len(gold)} pages), scored by warta.evaluate")
    print(common.machine_line(m))
    print()
    print(common.markdown_table(HEADERS, rows))
    common.OUT.mkdir(parents=True, exist_ok=True)
    out = common.OUT / ("quality.json" if not a.gold else f"quality-{Path(a.gold[0]).stem}.json")
    out.write_text(json.dumps({"machine": m, "results": results}, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nwrote {out.relative_to(common.ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
