"""Render time of the web app's pages at 100,000 articles: `python bench/web.py [--docs 100000]`.

    python bench/web.py [--docs N] [--keep DIR] [--reuse DIR] [--write-docs]

The store: the 51 dev gold pages (read in place from ../shared, never copied into the repository),
the sample corpus and the web tests' pages go through `warta ingest` (the real pipeline, with the
connect phase) into a seed store; its rows are then replicated inside DuckDB until the store holds
at least `--docs` articles: every table that hangs off an article (removed, dates, attributions,
quotes, entities, inconsistencies, duplicates, related, stories) is copied with the article, under
ids `ID~k`, and each copy's publication day is moved by a pseudo-random number of days over three
years (in the `published` column and in the stored record), so charts and date filters see a
spread. Bodies are the seed's: a copy is as long and as marked-up as the page it copies. The search
index is built by `warta.search.build_index`.

Measured: the app under `warta serve` in its own process, a client in this one sending requests one
at a time over loopback (httpx); the time from sending the request to the last byte of the page,
after a warm-up round. Pages: home (20 requests), search (30 queries from the corpus's topics, each alone, with a
filter, and on page 3), article (300 random articles), entity (60 keys), outlet (every outlet),
and their /api twins. p50, p95 and max in ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import common

ROOT = Path(__file__).resolve().parents[1]
SEED_INPUTS = [common.SHARED / "data" / "news-dev-lines.jsonl", common.SHARED / "data" / "news-dev-flat.jsonl",
               ROOT / "src" / "warta" / "samples" / "corpus.jsonl", ROOT / "tests" / "fixtures" / "web-pages.jsonl"]
QUERIES = [
    "banjir", "banjir subang", "gempa maluku", "harga saham", "ihsg melemah", "polisi", "pencurian motor",
    "penculikan anak", "rusia ukraina", "presiden joko widodo", "jokowi tasikmalaya", "pinjaman online",
    "paylater", "dompet digital", "menteri kesehatan", "pemerintah", "bandara lombok", "penerbangan dibatalkan",
    "tanggul laut", '"indeks harga saham gabungan"', "ramadan", "diabetes", "pompa mobile", "kampung melayu",
    "top up ovo", "kirim thr", "muhammadiyah", "putin xi jinping", "menteri komunikasi digital", "mengungsi",
]
# Child tables: (table, columns that hold an article id or a link id and get the copy's suffix).
COPIED = {
    "removed": ("article_id",), "dates": ("article_id",), "attributions": ("article_id",), "quotes": ("article_id",),
    "entities": ("article_id",), "inconsistencies": ("article_id",),
    "duplicates": ("article_id", "cluster_id", "representative_id"), "related": ("article_id", "related_id"),
    "stories": ("story_id", "article_id"),
}
DAYS_SPREAD = 3 * 365


def seed_store(db: Path) -> None:
    from rich.console import Console

    from warta.store.ingest import IngestOptions, run_ingest

    missing = [str(p) for p in SEED_INPUTS if not p.exists()]
    if missing:
        sys.exit(f"missing input (../shared beside the repository?): {', '.join(missing)}")
    log = open(db.with_suffix(".ingest.log"), "w")  # noqa: SIM115
    code = run_ingest(IngestOptions([str(p) for p in SEED_INPUTS], db=str(db)), err=Console(file=log))
    if code not in (0, 3):
        sys.exit(f"seed ingest failed with exit code {code}; see {log.name}")


def replicate(db: Path, target: int) -> dict[str, int]:
    """Copy every article (and what hangs off it) until the store holds at least `target` articles."""
    import duckdb

    con = duckdb.connect(str(db))
    seed = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    copies = -(-target // seed)  # the originals are copy 0
    con.execute("CREATE TEMP TABLE k AS SELECT range AS k FROM range(1, ?)", [copies])
    # The day shift of copy k of an article: pseudo-random, the same for the article and its rows.
    shift = f"(hash(a.id || '~' || k.k) % {DAYS_SPREAD})::INTEGER"
    new_day = f"(coalesce(a.published, DATE '2024-01-01') - {DAYS_SPREAD // 2} + {shift})"
    con.execute("BEGIN")
    con.execute(f"""
        INSERT INTO articles SELECT a.* REPLACE (
            a.id || '~' || k.k AS id,
            a.content_hash || '~' || k.k AS content_hash,
            {new_day} AS published,
            json_merge_patch(a.record, json_object('id', a.id || '~' || k.k,
                                                   'published', strftime({new_day}, '%Y-%m-%d')))::JSON AS record)
        FROM articles a, k""")
    for table, cols in COPIED.items():
        replaced = ", ".join(f"t.{c} || '~' || k.k AS {c}" for c in cols)
        con.execute(f"INSERT INTO {table} SELECT t.* REPLACE ({replaced}) FROM {table} t, k "
                    f"WHERE t.{cols[0]} NOT LIKE '%~%'")
    con.execute("COMMIT")
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", *COPIED)}
    con.execute("CHECKPOINT")
    con.close()
    return counts


def start_server(db: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "warta.cli", "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    line = proc.stdout.readline()
    if "serving" not in line:
        proc.kill()
        sys.exit(f"the server did not start: {line}{proc.stdout.read()}")
    return proc


def wait_ready(client, base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if client.get(base + "/api/search?q=x").status_code == 200:
                return
        except Exception:  # noqa: BLE001 - not listening yet
            time.sleep(0.2)
    sys.exit("the server did not answer within 60 s")


def timed_get(client, url: str) -> float:
    started = time.perf_counter()
    r = client.get(url)
    elapsed = (time.perf_counter() - started) * 1000
    if r.status_code != 200:
        raise RuntimeError(f"{url}: HTTP {r.status_code}: {r.text[:200]}")
    return elapsed


def api_twin(path: str) -> str:
    """The JSON route behind a page: /api/stats for the home page, /api + the path for the rest."""
    return "/api/stats" if path == "/" else "/api" + path


def summary(ms: list[float]) -> dict[str, float]:
    ordered = sorted(ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"n": len(ms), "p50": round(statistics.median(ms), 1), "p95": round(p95, 1), "max": round(max(ms), 1)}


def request_sets(db: Path, rng: random.Random) -> dict[str, list[str]]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    ids = [r[0] for r in con.execute("SELECT id FROM articles").fetchall()]
    outlets = [r[0] for r in con.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL "
                                         "ORDER BY outlet").fetchall()]
    keys = [r[0] for r in con.execute("SELECT key FROM entities GROUP BY key ORDER BY count(*) DESC, key "
                                      "LIMIT 200").fetchall()]
    con.close()
    searches = []
    for i, q in enumerate(QUERIES):
        qs = f"q={quote(q)}"
        searches += [qs, qs + ("&has_contradiction=true" if i % 3 == 0 else
                               "&date_from=2024-01-01&date_to=2024-06-30" if i % 3 == 1 else
                               f"&outlet={quote(rng.choice(outlets))}"), qs + "&page=3"]
    return {
        "home": ["/"] * 20,
        "search": [f"/search?{s}" for s in searches],
        "article": [f"/article/{quote(i, safe='')}" for i in rng.sample(ids, 300)],
        "entity": [f"/entity/{quote(k, safe='')}" for k in rng.sample(keys, min(60, len(keys)))],
        "outlet": [f"/outlet/{quote(o, safe='')}" for o in outlets],
    }


def measure(base: str, sets: dict[str, list[str]]) -> dict[str, dict[str, float]]:
    import httpx

    out: dict[str, dict[str, float]] = {}
    with httpx.Client(timeout=60) as client:
        wait_ready(client, base)
        for paths in sets.values():  # warm-up: caches, the stemmer, DuckDB's buffers
            for path in paths[:20]:
                timed_get(client, base + path)
        for name, paths in sets.items():
            out[name] = summary([timed_get(client, base + p) for p in paths])
            out["api " + name] = summary([timed_get(client, base + api_twin(p)) for p in paths])
    return out


def report(res: dict[str, Any]) -> str:
    m = res["machine"]
    rows = [(name, s["n"], s["p50"], s["p95"], s["max"]) for name, s in res["timings"].items()]
    tables = ", ".join(f"{t} {n:,}" for t, n in res["rows"].items())
    load = res["load"]
    return "\n".join([
        "## Web app render time (issue 5)",
        "",
        (f"`.venv/bin/python bench/web.py --docs {res['target']}`, measured {m['date']} on commit `{m['commit']}`: "
         f"{m['cpu']}, {m['cores']} cores (shared with other work), {m['ram_gb']} GB RAM, Python {m['python']}."),
        "",
        (f"Store: {res['seed']} pages through `warta ingest` (the 51 dev gold pages, the sample corpus and the web "
         f"tests' pages), replicated in DuckDB to {res['rows']['articles']:,} articles with every table that hangs "
         f"off them, publication days spread over three years ({res['store_mb']:.0f} MB store, "
         f"{res['index_mb']:.0f} MB search index; seed ingest {res['seed_s']:.0f} s, replication "
         f"{res['replicate_s']:.0f} s, index build {res['index_s']:.0f} s). Rows: {tables}."),
        "",
        ("Time from request to the last byte, one request at a time over loopback to `warta serve` in its own "
         "process, after a warm-up round. Search pages include the facets; `api X` is the page's JSON twin "
         f"(`/api/stats` for home). Load average (1 min) {load[0]:.1f} when the requests began, {load[1]:.1f} "
         "when they ended."),
        "",
        common.markdown_table(["page", "requests", "p50 ms", "p95 ms", "max ms"], rows),
        "",
        (f"Target (issue 5): p95 < 200 ms for the search and article pages at 100,000 articles: "
         f"search p95 {res['timings']['search']['p95']} ms, article p95 {res['timings']['article']['p95']} ms."),
        "",
    ])


def dir_mb(p: Path) -> float:
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) / 2**20 if p.is_dir() else p.stat().st_size / 2**20


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--keep", type=Path, help="build the store in this folder and keep it")
    ap.add_argument("--reuse", type=Path, help="a folder a previous --keep run left: skip building")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--write-docs", action="store_true", help="append the section to docs/benchmarks.md")
    args = ap.parse_args()

    from warta.search import build_index, index_dir_for

    folder = args.reuse or args.keep or Path(tempfile.mkdtemp(prefix="warta-bench-web-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "web.duckdb"
    res: dict[str, Any] = {"target": args.docs, "seed_s": 0.0, "replicate_s": 0.0, "index_s": 0.0}
    try:
        if not args.reuse:
            t = time.perf_counter()
            seed_store(db)
            res["seed_s"] = time.perf_counter() - t
            t = time.perf_counter()
            import duckdb

            with duckdb.connect(str(db), read_only=True) as con:
                res["seed"] = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            res["rows"] = replicate(db, args.docs)
            res["replicate_s"] = time.perf_counter() - t
            t = time.perf_counter()
            build_index(db)
            res["index_s"] = time.perf_counter() - t
            (folder / "build.json").write_text(json.dumps(res))
        else:
            res = json.loads((folder / "build.json").read_text())
        res["store_mb"] = dir_mb(db)
        res["index_mb"] = dir_mb(index_dir_for(db))
        print(f"store: {res['rows']['articles']:,} articles, {res['store_mb']:.0f} MB", flush=True)
        sets = request_sets(db, random.Random(5))
        server = start_server(db, args.port)
        try:
            load_before = os.getloadavg()[0]
            res["timings"] = measure(f"http://127.0.0.1:{args.port}", sets)
            res["load"] = (load_before, os.getloadavg()[0])
        finally:
            server.terminate()
            server.wait(timeout=30)
        res["machine"] = common.machine()
        text = report(res)
        print(text)
        if args.write_docs:
            with open(ROOT / "docs" / "benchmarks.md", "a", encoding="utf-8") as fh:
                fh.write("\n" + text)
    finally:
        if not args.keep and not args.reuse:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
