"""Speed and peak memory on one core: warta and its peers, each in a subprocess of its own.

    python bench/speed.py [--docs 10000] [--seconds 60] [--text-seconds 0] [--small 2000] [--only TOOL]

The dev pages are replicated (lazily, never held as a corpus) to `--docs` documents: text pages for the
text tools, HTML pages for the HTML tools. Text tools run all of them; HTML extractors are slow, so each
runs until it has done them all or spent `--seconds`, and docs/s is over what it completed. Every child is
pinned to one CPU with its thread pools at one thread; its peak RSS comes from the kernel's rusage of
that child (os.wait4), so imports and everything the tool allocates count. Timing covers the document
loop only, after one untimed warm-up page; every output is serialised as JSON and written to /dev/null.

warta runs through its streaming path, `warta.process_many`, and is measured again at `--small` docs so
the table shows whether its memory stays flat as the corpus grows.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import common

# Everything that could start a thread pool is held to one thread: the measure is per core.
ONE_THREAD = {k: "1" for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                               "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS", "RAYON_NUM_THREADS")}
HEADERS = ("tool", "input", "docs done", "seconds", "docs/s", "CPU s", "peak RSS MB",
           "docs/s vs warta", "RSS vs warta", "note")
SKIP_TEXT = {"no cleaning"}  # not a tool: its speed is only the loop's


# --- the child: one tool, one core ---------------------------------------------------------------

def pin_one_cpu() -> None:
    try:
        os.sched_setaffinity(0, {max(os.sched_getaffinity(0))})
    except (AttributeError, OSError):
        pass  # not Linux: the thread limits still hold


def warta_outputs(pages: Sequence[common.Page], n: int) -> Iterator[str]:
    """warta's streaming path: process_many over the replicated records, each Article as one JSON line.

    The warm-up runs now; the stream itself (read-ahead included, where process_many may learn from
    the first records before cleaning any) runs when the caller starts timing it.
    """
    import warta

    warta.process(pages[0]["raw"], url=pages[0].get("url"))  # anything loaded on first use
    items = ({"id": p["id"], "html" if p["format"] == "html" else "text": p["raw"], "url": p.get("url")}
             for p in common.replicate(pages, n))
    return (json.dumps(art.to_dict(), ensure_ascii=False) for art in warta.process_many(items))


def warta_clean_outputs(pages: Sequence[common.Page], n: int) -> Iterator[str]:
    """warta's cleaning step alone (clean_text: body and removed pieces, no facts or dates), the
    figure the core issue's speed target is about; `warta` above is the whole pipeline."""
    from warta.clean.text import clean_text

    clean_text(pages[0]["raw"], url=pages[0].get("url"))

    def lines() -> Iterator[str]:
        for p in common.replicate(pages, n):
            c = clean_text(p["raw"], url=p.get("url"))
            yield json.dumps({"id": p["id"], "body": c.body,
                              "removed": [[q.start, q.end, q.kind] for q in c.pieces]}, ensure_ascii=False)
    return lines()


def peer_outputs(tool: str, kind: str, pages: Sequence[common.Page], n: int, errors: list[str]) -> Iterator[str]:
    """A peer, built and warmed up now, over the replicated pages; a page it raises on is counted, skipped."""
    run = common.tools_of(kind)[tool]()
    run(pages[0])

    def lines() -> Iterator[str]:
        for page in common.replicate(pages, n):
            try:
                body = run(page)["body"]
            except Exception as e:  # noqa: BLE001 - count it, keep timing the rest
                errors.append(f"{page['id']}: {type(e).__name__}: {e}")
                body = ""
            yield json.dumps({"id": page["id"], "body": body}, ensure_ascii=False)
    return lines()


def worker(tool: str, kind: str, n: int, seconds: float, result: str) -> int:
    pin_one_cpu()
    pages = common.pages_of(common.dev_gold(), kind)
    errors: list[str] = []
    t_setup = time.perf_counter()
    if tool == "warta":
        lines = warta_outputs(pages, n)
    elif tool == "warta-clean":
        lines = warta_clean_outputs(pages, n)
    else:
        lines = peer_outputs(tool, kind, pages, n, errors)
    setup = time.perf_counter() - t_setup  # imports, building the tool, one warm-up page: not timed
    done, budget_hit = 0, False
    with open(os.devnull, "w", encoding="utf-8") as sink:
        t0, c0 = time.perf_counter(), time.process_time()
        for line in lines:
            sink.write(line + "\n")
            done += 1
            if seconds and time.perf_counter() - t0 >= seconds:
                budget_hit = done < n
                break
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    Path(result).write_text(json.dumps({"done": done, "seconds": wall, "cpu_seconds": cpu, "setup_seconds": setup,
                                        "budget_hit": budget_hit, "errors": len(errors), "first_error": errors[:1]}))
    return 0


# --- the parent: one child per tool --------------------------------------------------------------

def measure(tool: str, kind: str, n: int, seconds: float) -> dict[str, Any]:
    """Run one tool in a fresh child; its result plus the child's peak RSS from the kernel."""
    with tempfile.TemporaryDirectory() as tmp:
        result, err = Path(tmp) / "result.json", Path(tmp) / "stderr"
        cmd = [sys.executable, __file__, "--worker", tool, "--kind", kind, "--docs", str(n),
               "--seconds", str(seconds), "--result", str(result)]
        with open(err, "w") as fh:
            pid = os.posix_spawn(sys.executable, cmd, {**os.environ, **ONE_THREAD},
                                 file_actions=[(os.POSIX_SPAWN_DUP2, fh.fileno(), 2)])
        # Watchdog: the child stops itself at its budget; this catches one that hangs on a page.
        deadline = time.monotonic() + (seconds * 2 if seconds else 1800) + 120
        while True:
            got, status, usage = os.wait4(pid, os.WNOHANG)
            if got:
                break
            if time.monotonic() > deadline:
                os.kill(pid, 9)
                _, status, usage = os.wait4(pid, 0)
                break
            time.sleep(0.1)
        out: dict[str, Any] = {"tool": tool, "kind": kind, "requested": n, "budget_s": seconds,
                               "peak_rss_mb": usage.ru_maxrss / 1024}  # ru_maxrss is in KiB on Linux
        code = os.waitstatus_to_exitcode(status)
        if code == 0 and result.is_file():
            return {**out, **json.loads(result.read_text())}
        tail = err.read_text(errors="replace").strip().splitlines()
        return {**out, "failed": f"exit {code}: {tail[-1] if tail else 'no message'}"}


def plan(a: argparse.Namespace) -> list[tuple[str, str, int, float]]:
    """(tool, kind, docs, seconds) for each child, text tools first."""
    jobs = [(t, "text", a.docs, a.text_seconds) for t in common.TEXT_TOOLS if t not in SKIP_TEXT]
    jobs.append(("warta-clean", "text", a.docs, a.text_seconds))
    jobs += [(t, "html", a.docs, a.seconds) for t in common.HTML_TOOLS]
    if a.small and a.small < a.docs:
        jobs.append(("warta", "text", a.small, a.text_seconds))  # memory at a second corpus size
    return [j for j in jobs if not a.only or j[0] == a.only]


def note(r: dict[str, Any]) -> str:
    if "failed" in r:
        return f"failed: {r['failed']}"
    parts = [f"time budget {r['budget_s']:g} s reached: docs/s over the {r['done']:,} done"
             if r["budget_hit"] else f"all {r['done']:,}"]
    if r["errors"]:
        parts.append(f"{r['errors']} page(s) raised, first: {r['first_error'][0]}")
    return "; ".join(parts)


def table_rows(results: Sequence[dict[str, Any]], docs: int) -> list[list[Any]]:
    """One row per child; ratios against warta on the same input kind at the full corpus size."""
    ref = {r["kind"]: r for r in results if r["tool"] == "warta" and r["requested"] == docs and "failed" not in r}
    rows = []
    for r in results:
        if "failed" in r:
            rows.append([r["tool"], r["kind"], "-", "-", "-", "-", f"{r['peak_rss_mb']:.0f}", "-", "-", note(r)])
            continue
        rate = r["done"] / r["seconds"] if r["seconds"] else float("inf")
        w = ref.get(r["kind"])
        w_rate = w["done"] / w["seconds"] if w and w["seconds"] else None
        rows.append([r["tool"], r["kind"], f"{r['done']:,}", f"{r['seconds']:.1f}", f"{rate:,.1f}",
                     f"{r['cpu_seconds']:.1f}", f"{r['peak_rss_mb']:.0f}",
                     f"{rate / w_rate:.2f}×" if w_rate else "-",
                     f"{r['peak_rss_mb'] / w['peak_rss_mb']:.2f}×" if w else "-",
                     note(r) + ("" if r["requested"] == docs else "; second corpus size, for memory")])
    return rows


def memory_line(results: Sequence[dict[str, Any]]) -> str | None:
    """warta's peak RSS at each corpus size it ran on (text input, all documents)."""
    runs = sorted((r for r in results if r["tool"] == "warta" and r["kind"] == "text" and "failed" not in r),
                  key=lambda r: r["done"])
    if len(runs) < 2:
        return None
    return "warta peak RSS by corpus size (text, streaming): " + "; ".join(
        f"{r['done']:,} docs → {r['peak_rss_mb']:.0f} MB" for r in runs)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000, help="documents per tool (default 10000)")
    ap.add_argument("--seconds", type=float, default=60, help="time budget of each HTML tool (default 60)")
    ap.add_argument("--text-seconds", type=float, default=0, help="time budget of each text tool (0: none)")
    ap.add_argument("--small", type=int, default=2_000, help="second corpus size for warta's memory (0: skip)")
    ap.add_argument("--only", help="run only this tool (by its table name, e.g. warta or trafilatura)")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--kind", help=argparse.SUPPRESS)
    ap.add_argument("--result", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.worker:
        return worker(a.worker, a.kind, a.docs, a.seconds, a.result)
    gold = common.dev_gold()  # exits with the reason when the dev gold is absent
    jobs = plan(a)
    if not jobs:
        print(f"no tool named {a.only!r}; tools: {sorted((set(common.TEXT_TOOLS) - SKIP_TEXT) | set(common.HTML_TOOLS))}",
              file=sys.stderr)
        return 2
    m = common.machine()
    results = []
    for tool, kind, n, seconds in jobs:
        print(f"  {tool} ({kind}, {n:,} docs{f', {seconds:g} s budget' if seconds else ''}) ...",
              file=sys.stderr, flush=True)
        results.append(measure(tool, kind, n, seconds))
    n_text, n_html = len(common.pages_of(gold, "text")), len(common.pages_of(gold, "html"))
    print(f"Speed and peak memory, one core per tool, dev pages replicated to {a.docs:,} documents "
          f"({n_text} text pages, {n_html} HTML pages)")
    print(common.machine_line(m))
    print()
    print(common.markdown_table(HEADERS, table_rows(results, a.docs)))
    if line := memory_line(results):
        print()
        print(line)
    common.OUT.mkdir(parents=True, exist_ok=True)
    out = common.OUT / "speed.json"
    out.write_text(json.dumps({"machine": m, "options": {k: v for k, v in vars(a).items()
                                                         if k not in ("worker", "kind", "result")},
                               "results": results}, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nwrote {out.relative_to(common.ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
