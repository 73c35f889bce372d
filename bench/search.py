"""Search at 100,000 articles: warta's tantivy index against DuckDB's fts extension, same data, same run.

    python bench/search.py [--docs 100000] [--rounds 5] [--duckdb-rounds 1] [--keep DIR]

The corpus: the 51 dev gold bodies (read in place from ../shared, never copied into the repository)
replicated to `--docs` articles with distinct ids, outlets (20 names), dates (three years), a
contradiction flag on 8 % and duplicate clusters on 10 %, and light variation of the words (each
sentence kept with probability 0.85, three words of the corpus's vocabulary inserted), so that
term frequencies and lengths differ from copy to copy. Entities are the pipeline's own
(`find_entities`) on each gold body. The articles, entities and duplicates go into a DuckDB file
with the store's columns; both engines index that file.

Measured:
- build: `warta.search.build_index(db)` (read from DuckDB, stem, index, commit) against
  `PRAGMA create_fts_index` (snowball `indonesian` stemmer, as the issue checked it); then an update
  with nothing new, and one with 1,000 new articles;
- latency over 30 queries written from the corpus's topics, each alone and with one filter (outlet,
  date range, entity, contradiction flag, duplicate status, in turn): p50, p95 and max in ms.
  tantivy is timed three ways: the top-20 ids and the total (what DuckDB's query gives, plus the
  total), the full `Searcher.search` answer without facets (hits with snippets), and with facets
  (what `warta search` and the web app get);
- matches: on the 51 gold pages themselves, the pages each engine finds for root words a reader
  types and the forms of the word they matched on; and each stemmer's stems for words news uses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import common

OUTLETS = ["Kompas.com", "Detik", "Tribunnews.com", "CNN Indonesia", "Liputan6.com", "ANTARA", "Okezone",
           "IDN Times", "Republika Online", "Suara.com", "CNBC Indonesia", "Bisnis.com", "iNews.id",
           "Tempo.co", "Media Indonesia", "Beritasatu.com", "Kumparan", "Jawa Pos", "Sindonews", "Pikiran Rakyat"]
QUERIES = [
    "banjir", "banjir subang", "gempa maluku", "harga saham", "ihsg melemah", "polisi", "pencurian motor",
    "penculikan anak", "rusia ukraina", "presiden joko widodo", "jokowi tasikmalaya", "pinjaman online",
    "paylater", "dompet digital", "menteri kesehatan", "pemerintah", "bandara lombok", "penerbangan dibatalkan",
    "tanggul laut", '"indeks harga saham gabungan"', '"solo leveling"', "ramadan", "diabetes", "film pariwisata",
    "top up ovo", "kirim thr", "muhammadiyah", "penembakan brigadir", "menteri komunikasi digital", "mengungsi",
]
# Words for the stemming table: derived forms news uses, names that must stay whole, and the
# issue's example of the snowball stemmer's damage (`kerjasama`).
STEM_WORDS = ["kebanjiran", "penangkapan", "perekonomian", "pembangunan", "kerjasama", "pemerintah",
              "pemerintahan", "pemilu", "diberitakan", "keuangan", "bekasi", "pekalongan", "mengungsi",
              "pengungsi"]
# Root words a reader types, looked up in the 51 gold pages themselves (no copies), by both engines.
QUALITY_WORDS = ["tangkap", "kirim", "bayar", "pinjam", "serang", "bangun", "layan", "uang", "banjir", "cara"]
SENTENCE = re.compile(r"(?<=[.!?])\s+")
WORD = re.compile(r"\w+")


# --- corpus --------------------------------------------------------------------------------------

def make_corpus(n: int, seed: int = 7) -> tuple[list[dict], list[tuple], list[tuple]]:
    """Articles (dicts in the store's columns), entity rows and duplicate rows, deterministic."""
    from warta.understand.entities import find_entities

    gold = sorted(common.dev_gold().values(), key=lambda g: g["id"])
    vocab = Counter(w for g in gold for w in WORD.findall(g["body"]) if w.isalpha() and len(w) > 3)
    vocab_words, vocab_weights = list(vocab), list(vocab.values())
    entities = {g["id"]: sorted({f"{e['type']}:{e.get('canonical') or e['text']}" for e in find_entities(g["body"])})
                for g in gold}
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    articles, ents, dups = [], [], []
    for i in range(n):
        g = gold[i % len(gold)]
        sentences = [s for s in SENTENCE.split(g["body"]) if rng.random() < 0.85] or [g["body"]]
        body_words = " ".join(sentences).split(" ")
        for w in rng.choices(vocab_words, vocab_weights, k=3):
            body_words.insert(rng.randrange(len(body_words) + 1), w)
        body = " ".join(body_words)
        title = g.get("title") or " ".join(g["body"].split()[:10])
        aid = f"{g['id']}#{i}"
        articles.append({
            "id": aid, "url": f"https://example.invalid/{aid}", "outlet": OUTLETS[rng.randrange(len(OUTLETS))],
            "title": title, "published": start + dt.timedelta(days=rng.randrange(3 * 365)), "body": body,
            "has_contradiction": rng.random() < 0.08,
        })
        for seq, key in enumerate(entities[g["id"]]):
            typ, name = key.split(":", 1)
            ents.append((aid, seq, key, name, typ, name))
    # Duplicate clusters: 10 % of the articles are copies of the article before them.
    for i in range(1, n, 10):
        dups.append((articles[i]["id"], f"c{i}", articles[i - 1]["id"], "near", 0.9))
    return articles, ents, dups


def write_store(db: Path, articles: list[dict], ents: list[tuple], dups: list[tuple]) -> None:
    import duckdb
    import pyarrow as pa

    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE articles (id VARCHAR PRIMARY KEY, url VARCHAR, outlet VARCHAR, title VARCHAR, "
                "published DATE, body VARCHAR NOT NULL, has_contradiction BOOLEAN)")
    con.execute('CREATE TABLE entities (article_id VARCHAR, seq INTEGER, "key" VARCHAR, text VARCHAR, '
                'type VARCHAR, canonical VARCHAR)')
    con.execute("CREATE TABLE duplicates (article_id VARCHAR PRIMARY KEY, cluster_id VARCHAR, "
                "representative_id VARCHAR, kind VARCHAR, similarity DOUBLE)")
    art_tbl = pa.Table.from_pylist(articles)  # noqa: F841  (read by name in the SQL below)
    con.execute("INSERT INTO articles SELECT id, url, outlet, title, published, body, has_contradiction FROM art_tbl")
    ent_tbl = pa.table(list(zip(*ents)), names=["article_id", "seq", "key", "text", "type", "canonical"])  # noqa: F841
    con.execute("INSERT INTO entities SELECT * FROM ent_tbl")
    con.executemany("INSERT INTO duplicates VALUES (?, ?, ?, ?, ?)", dups)
    con.close()


# --- measuring ------------------------------------------------------------------------------------

def timed(fn, *args) -> tuple[Any, float]:
    t = time.perf_counter()
    out = fn(*args)
    return out, (time.perf_counter() - t) * 1000


def summary(ms: list[float]) -> dict[str, float]:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return {"n": len(ms), "p50": round(statistics.median(ms), 2), "p95": round(p95, 2), "max": round(ms[-1], 2)}


def filter_sets(articles: list[dict], ents: list[tuple]) -> list[tuple[str, dict[str, Any]]]:
    common_entity = Counter(e[2] for e in ents).most_common(1)[0][0]
    return [
        ("outlet", {"outlet": OUTLETS[3]}),
        ("date range", {"date_from": "2024-01-01", "date_to": "2024-06-30"}),
        ("entity", {"entity": common_entity}),
        ("contradiction", {"has_contradiction": True}),
        ("duplicate none", {"duplicate": "none"}),
    ]


def bench_tantivy(db: Path, filters: list[tuple[str, dict]], rounds: int) -> dict[str, Any]:
    from tantivy import Occur, Query

    from warta.search import Searcher
    from warta.search.query import Filters, parse, to_tantivy

    s = Searcher(db)
    index, schema, stemmer = s._index, s._schema, s._stemmer  # the engine below the Python answer

    def top20(q: str, kw: dict) -> int:
        tq = to_tantivy(parse(q), schema, stemmer)
        fq = Filters.of(**kw).queries(schema)
        if fq:
            tq = Query.boolean_query([(Occur.Must, tq)] + [(Occur.Must, Query.const_score_query(f, 0.0)) for f in fq])
        return index.searcher().search(tq, 20, count=True).count

    cases = [(q, {}) for q in QUERIES] + [(q, filters[i % len(filters)][1]) for i, q in enumerate(QUERIES)]
    out: dict[str, Any] = {}
    for name, call in [
        ("top-20 + total", lambda q, kw: top20(q, kw)),
        ("answer, no facets", lambda q, kw: s.search(q, limit=20, facets=False, **kw).total),
        ("answer with facets", lambda q, kw: s.search(q, limit=20, **kw).total),
    ]:
        for q, kw in cases:  # warm-up: caches, stems of the query words, mmap'd files
            call(q, kw)
        plain, filtered = [], []
        for _ in range(rounds):
            for q, kw in cases:
                (plain if not kw else filtered).append(timed(call, q, kw)[1])
        out[name] = {"no filter": summary(plain), "one filter": summary(filtered), "all": summary(plain + filtered)}
    out["totals"] = {q: s.search(q, limit=1, facets=False).total for q in QUERIES}
    return out


def duckdb_connect(db: Path):
    import duckdb

    con = duckdb.connect(str(db))
    con.execute(f"SET extension_directory = '{fts_extension_dir()}'")
    con.execute("LOAD fts")
    return con


def fts_extension_dir() -> str:
    import duckdb_ext  # the package duckdb-ext-fts: the extension file for this duckdb version

    return str(Path(next(iter(duckdb_ext.__path__))) / "extensions")


def duckdb_query(q: str, kw: dict) -> tuple[str, list]:
    """DuckDB's BM25 top-20 with every word required (`conjunctive`), as warta's queries are."""
    where, args = ["score IS NOT NULL"], [q.replace('"', "")]
    if "outlet" in kw:
        where.append("outlet = ?")
        args.append(kw["outlet"])
    if "date_from" in kw:
        where.append("published BETWEEN ? AND ?")
        args += [kw["date_from"], kw["date_to"]]
    if "entity" in kw:
        where.append('id IN (SELECT article_id FROM entities WHERE "key" = ?)')
        args.append(kw["entity"])
    if "has_contradiction" in kw:
        where.append("has_contradiction = ?")
        args.append(kw["has_contradiction"])
    if kw.get("duplicate") == "none":
        where.append("id NOT IN (SELECT article_id FROM duplicates) "
                     "AND id NOT IN (SELECT representative_id FROM duplicates)")
    sql = (f"SELECT id, score FROM (SELECT *, fts_main_articles.match_bm25(id, ?, conjunctive := 1) AS score "
           f"FROM articles) sq WHERE {' AND '.join(where)} ORDER BY score DESC LIMIT 20")
    return sql, args


def bench_duckdb(db: Path, filters: list[tuple[str, dict]], rounds: int) -> dict[str, Any]:
    con = duckdb_connect(db)
    _, build_ms = timed(lambda: con.execute(
        "PRAGMA create_fts_index('articles', 'id', 'title', 'body', stemmer = 'indonesian', "
        "stopwords = 'none', ignore = '(\\.|[^a-z0-9])+', strip_accents = 1, lower = 1, overwrite = 1)"))
    cases = [(q, {}) for q in QUERIES] + [(q, filters[i % len(filters)][1]) for i, q in enumerate(QUERIES)]
    for q, kw in cases[:3]:
        sql, args = duckdb_query(q, kw)
        con.execute(sql, args).fetchall()
    plain, filtered = [], []
    for _ in range(rounds):
        for q, kw in cases:
            sql, args = duckdb_query(q, kw)
            (plain if not kw else filtered).append(timed(lambda s, a: con.execute(s, a).fetchall(), sql, args)[1])
    totals = {q: con.execute(
        "SELECT count(*) FROM (SELECT fts_main_articles.match_bm25(id, ?, conjunctive := 1) AS s FROM articles) "
        "WHERE s IS NOT NULL", [q.replace('"', "")]).fetchone()[0] for q in QUERIES}
    stems = {w: con.execute("SELECT stem(?, 'indonesian')", [w]).fetchone()[0] for w in STEM_WORDS}
    con.close()
    return {"build_s": round(build_ms / 1000, 2), "no filter": summary(plain), "one filter": summary(filtered),
            "all": summary(plain + filtered), "totals": totals, "stems": stems}


def quality_on_gold(work: Path) -> dict[str, Any]:
    """Each engine's matches for root words on the 51 gold pages, and the word forms that matched.

    A page holding a form of the word (`ditangkap`, `penangkapan` for `tangkap`) is what a reader
    of a search for the word wants; the forms listed were checked by hand to be such forms.
    """
    import duckdb

    from warta.search import Searcher, build_index
    from warta.search.analysis import shared_stemmer, words

    gold = sorted(common.dev_gold().values(), key=lambda g: g["id"])
    db = work / "gold.duckdb"
    db.unlink(missing_ok=True)
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE articles (id VARCHAR PRIMARY KEY, title VARCHAR, body VARCHAR)")
    con.executemany("INSERT INTO articles VALUES (?, ?, ?)", [[g["id"], g.get("title"), g["body"]] for g in gold])
    con.close()
    build_index(db, rebuild=True)
    searcher, stem = Searcher(db), shared_stemmer().stem
    con = duckdb_connect(db)
    con.execute("PRAGMA create_fts_index('articles', 'id', 'title', 'body', stemmer = 'indonesian', "
                "stopwords = 'none', overwrite = 1)")
    text = {g["id"]: f"{g.get('title') or ''} {g['body']}" for g in gold}

    def snowball(w: str) -> str:
        return con.execute("SELECT stem(?, 'indonesian')", [w]).fetchone()[0]

    out = {}
    for q in QUALITY_WORDS:
        ours = [h.id for h in searcher.search(q, limit=100, facets=False).hits]
        exact = searcher.search(f'"{q}"', limit=100, facets=False).total
        theirs = [r[0] for r in con.execute(
            "SELECT id FROM (SELECT id, fts_main_articles.match_bm25(id, ?) AS s FROM articles) WHERE s IS NOT NULL",
            [q]).fetchall()]
        out[q] = {
            "warta": len(ours), "warta exact form": exact, "duckdb": len(theirs),
            "warta forms": sorted({w for i in ours for w in words(text[i]) if stem(w) == stem(q)}),
            "duckdb forms": sorted({w for i in theirs for w in words(text[i]) if snowball(w) == snowball(q)}),
        }
    con.close()
    return {"matches": out, "stems": {w: stem(w) for w in STEM_WORDS}}


def stemming_cost(articles: list[dict]) -> dict[str, Any]:
    """What the stem fields cost inside the build: Sastrawi on each new word type (cold), and the
    stem text of every article once the types are cached (warm)."""
    from warta.search.analysis import Stemmer, shared_stemmer, words

    types = [w for w in shared_stemmer()._seen if w.isalpha()]
    cold = Stemmer()
    _, cold_ms = timed(lambda: [cold.stem(w) for w in types])
    _, warm_ms = timed(lambda: [cold.derived_stems(words(a["body"])) for a in articles])
    return {"word_types": len(types), "stem_cold_s": round(cold_ms / 1000, 2), "stem_warm_s": round(warm_ms / 1000, 2)}


def stemmer_rate() -> dict[str, Any]:
    """Sastrawi's speed on a larger vocabulary than the replicated corpus has: every word type of
    the NER corpora in ../shared/data/ner (news sentences, one token a line, first column)."""
    from warta.search.analysis import Stemmer, words

    folder = common.SHARED / "data" / "ner"
    vocab: set[str] = set()
    for path in sorted(folder.glob("*/*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line and not line.startswith("-DOCSTART-"):
                vocab.update(words(line.split()[0]) if line.split() else [])
    types = sorted(w for w in vocab if w.isalpha() and len(w) > 3)  # what the stemmer is asked about
    if not types:
        return {}
    fresh = Stemmer()
    _, ms = timed(lambda: [fresh.stem(w) for w in types])
    return {"ner_types": len(types), "ner_stem_s": round(ms / 1000, 2), "types_per_s": round(len(types) / ms * 1000)}


def dir_mb(p: Path) -> float:
    return round(sum(f.stat().st_size for f in p.rglob("*") if f.is_file()) / 2**20, 1)


# --- report ---------------------------------------------------------------------------------------

def report(res: dict[str, Any]) -> str:
    t, d, b = res["tantivy"], res["duckdb"], res["build"]
    lines = [f"`.venv/bin/python bench/search.py --docs {res['docs']}`: {common.machine_line(res['machine'])}", ""]
    lines.append(common.markdown_table(
        ("step", "warta (tantivy + Sastrawi stems)", "DuckDB fts (snowball indonesian)"),
        [(f"index build from scratch, {res['docs'] + 1_000:,} articles", f"{b['tantivy_s']} s", f"{d['build_s']} s"),
         (f"first build, {res['docs']:,} articles (stemmer cold)", f"{b['first_s']} s", "—"),
         ("update, nothing new", f"{b['noop_s']} s", "—"),
         ("update, 1,000 new articles", f"{b['add_s']} s", "— (the fts index is rebuilt whole)"),
         ("in the first build: Sastrawi on each word type, cold", f"{b['stem_cold_s']} s ({b['word_types']:,} types)", "—"),
         (f"in the first build: words and stem text of the {res['docs']:,} articles, warm", f"{b['stem_warm_s']} s", "—"),
         ("Sastrawi on a larger vocabulary (the NER corpora's word types), cold",
          f"{b.get('ner_stem_s', '—')} s ({b.get('ner_types', 0):,} types, {b.get('types_per_s', 0):,} a second)", "—"),
         ("index size on disk", f"{b['tantivy_mb']} MB", f"{b['duckdb_fts_mb']} MB (store file growth)")]))
    lines += ["", (f"Latency in ms over {len(QUERIES)} queries alone and the same with one filter each "
                   "(p50 / p95 / max; rounds as given):"), ""]
    rows = []
    for name in ("top-20 + total", "answer, no facets", "answer with facets"):
        for part in ("no filter", "one filter", "all"):
            m = t[name][part]
            rows.append((f"tantivy, {name}", part, m["n"], m["p50"], m["p95"], m["max"]))
    for part in ("no filter", "one filter", "all"):
        m = d[part]
        rows.append(("DuckDB fts, top-20", part, m["n"], m["p50"], m["p95"], m["max"]))
    lines.append(common.markdown_table(("engine, what is timed", "queries", "n", "p50", "p95", "max"), rows))
    lines += ["", "Root words on the 51 gold pages (no copies): pages found, and the forms that matched:", ""]
    lines.append(common.markdown_table(
        ("word", "warta pages (exact form only)", "warta forms", "DuckDB fts pages", "DuckDB forms"),
        [(w, f"{m['warta']} ({m['warta exact form']})", ", ".join(m["warta forms"]), m["duckdb"],
          ", ".join(m["duckdb forms"])) for w, m in res["quality"]["matches"].items()]))
    lines += ["", "Stems:", ""]
    lines.append(common.markdown_table(("word", "warta (Sastrawi + guards)", "snowball indonesian"),
                                       [(w, res["quality"]["stems"][w], d["stems"][w]) for w in STEM_WORDS]))
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds over the queries, tantivy")
    ap.add_argument("--duckdb-rounds", type=int, default=1, help="timed rounds over the queries, DuckDB fts")
    ap.add_argument("--keep", type=Path, help="build the stores here and keep them (default: a temporary folder)")
    args = ap.parse_args()

    from warta.search import build_index

    work = args.keep or Path(tempfile.mkdtemp(prefix="warta-bench-search-"))
    work.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {"docs": args.docs, "machine": common.machine()}
    try:
        (articles, ents, dups), gen_ms = timed(lambda: make_corpus(args.docs))
        print(f"corpus: {len(articles):,} articles, {len(ents):,} entity rows, {len(dups):,} duplicates "
              f"({gen_ms / 1000:.1f} s)", file=sys.stderr)
        db = work / "bench.duckdb"
        fts_db = work / "bench-fts.duckdb"
        for p in (db, fts_db):
            p.unlink(missing_ok=True)
            write_store(p, articles, ents, dups)
        filters = filter_sets(articles, ents)

        report_full, _ = timed(lambda: build_index(db, rebuild=True))
        print(f"tantivy build: {report_full}", file=sys.stderr)
        noop, _ = timed(lambda: build_index(db))
        import duckdb

        # 1,000 new articles (copies of the first, under new ids), in both stores: the engines then
        # answer over the same articles.
        new_rows = [[a["id"] + "+new", a["url"], a["outlet"], a["title"], a["published"], a["body"],
                     a["has_contradiction"]] for a in articles[:1_000]]
        for p in (db, fts_db):
            con = duckdb.connect(str(p))
            con.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)", new_rows)
            con.close()
        add = build_index(db)
        # From scratch over the same articles as DuckDB's index below (first build plus the new ones).
        full = build_index(db, rebuild=True)
        print(f"tantivy rebuild: {full}", file=sys.stderr)
        res["build"] = {**stemming_cost(articles), **stemmer_rate(), "first_s": report_full.seconds, "tantivy_s": full.seconds,
                        "noop_s": noop.seconds, "add_s": add.seconds,
                        "added": add.indexed, "tantivy_mb": dir_mb(db.with_name("bench.search"))}
        res["tantivy"] = bench_tantivy(db, filters, args.rounds)
        res["quality"] = quality_on_gold(work)
        fts_size_before = fts_db.stat().st_size
        res["duckdb"] = bench_duckdb(fts_db, filters, args.duckdb_rounds)
        res["build"]["duckdb_fts_mb"] = round((fts_db.stat().st_size - fts_size_before) / 2**20, 1)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    common.OUT.mkdir(exist_ok=True)
    (common.OUT / "search.json").write_text(json.dumps(res, indent=1, ensure_ascii=False, default=str))
    print(report(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
