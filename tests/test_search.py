"""warta.search: the index beside a store, the query language, filters, facets, paging, snippets.

Every page here was written for this project (fictional outlets and people, real places). The
store is a DuckDB file with the store's `articles`, `entities` and `duplicates` columns, made in
tmp_path; the sample pages (src/warta/samples) go through the real pipeline once.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import warta
from warta.cli import app
from warta.search import (
    MAX_QUERY_CHARS,
    IndexRecord,
    Searcher,
    SearchError,
    build_index,
    index_dir_for,
    record_from_article,
    search,
)
from warta.search.analysis import shared_stemmer, words

ROOT = Path(__file__).resolve().parents[1]

# id: (outlet, published, title, body, has_contradiction, entity keys)
PAGES: dict[str, tuple[str, str | None, str, str, bool, list[str]]] = {
    "jk-banjir": ("Jakarta Kini", "2025-03-10", "Banjir Rendam Ratusan Rumah di Jakarta Timur",
                  ("Banjir merendam ratusan rumah di Kampung Melayu, Jakarta Timur, Senin (10/3/2025). "
                  "Warga mulai mengungsi ke masjid terdekat.\nPetugas Dinas SDA menyiagakan pompa mobile "
                  "di titik rawan genangan."), True, ["LOC:Jakarta", "LOC:Jakarta Timur", "ORG:Dinas SDA"]),
    "wn-kebanjiran": ("Warta Nusantara", "2025-03-12", "Warga Cawang Kebanjiran Lagi",
                      ("Ratusan warga Cawang kembali kebanjiran setelah hujan deras semalaman. Air setinggi "
                      "lutut orang dewasa menggenangi permukiman."), False, ["LOC:Jakarta", "PER:Rina Wulandari"]),
    "gp-rob": ("Gemapantura.com", "2025-02-23", "Rob Kembali Rendam Pesisir Pekalongan",
               ("Banjir rob kembali merendam pesisir Kota Pekalongan. Sebanyak 640 rumah tergenang air laut "
               "pasang."), False, ["LOC:Kota Pekalongan"]),
    "sd-gabah": ("Suara Deli", "2025-04-17", "Petani Keluhkan Harga Gabah Anjlok",
                 ("Petani di Percut Sei Tuan mengeluhkan harga gabah yang anjlok saat panen raya. Pemerintah "
                 "daerah diminta turun tangan membeli gabah petani."), False, ["LOC:Deli Serdang", "PER:Parlindungan Sitorus"]),
    "pr-pkl": ("Pelita Rinjani", "2025-01-08", "Satpol PP Tertibkan Lapak di Taman Udayana",
               ("Satuan Polisi Pamong Praja Kota Mataram menertibkan 64 lapak pedagang kaki lima di trotoar Taman "
               "Udayana. Penertiban berlangsung tertib."), True, ["LOC:Kota Mataram", "ORG:Satuan Polisi Pamong Praja"]),
    "kp-meriam": ("Khatulistiwa Pos", None, "Festival Meriam Karbit Diikuti 42 Kelompok",
                  ("Festival meriam karbit di tepian Sungai Kapuas, Pontianak, diikuti 42 kelompok pemuda. "
                  "Dentuman meriam terdengar hingga tengah malam."), False, ["LOC:Pontianak"]),
    "jk-banjir-copy": ("Kabar Ibu Kota", "2025-03-10", "Banjir Rendam Ratusan Rumah di Jakarta Timur",
                       ("Banjir merendam ratusan rumah di Kampung Melayu, Jakarta Timur, Senin (10/3/2025). "
                       "Warga mulai mengungsi ke masjid terdekat."), False, ["LOC:Jakarta", "LOC:Jakarta Timur"]),
    "jk-longsor": ("Jakarta Kini", "2025-03-28", "Longsor Tutup Jalan Puncak",
                   ("Longsor menutup jalur Puncak, Bogor, sejak dini hari. Penangkapan sopir truk yang "
                   "menabrak pembatas dilakukan polisi."), False, ["LOC:Bogor"]),
}
# jk-banjir-copy is a syndicated copy of jk-banjir, which represents the cluster.
DUPLICATES = [("jk-banjir-copy", "c1", "jk-banjir", "syndicated", 0.93)]


def write_store(db: Path, pages: dict = PAGES, duplicates: list = DUPLICATES) -> Path:
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE IF NOT EXISTS articles (id VARCHAR PRIMARY KEY, url VARCHAR, outlet VARCHAR, "
                "title VARCHAR, published DATE, body VARCHAR NOT NULL, has_contradiction BOOLEAN)")
    con.execute('CREATE TABLE IF NOT EXISTS entities (article_id VARCHAR, seq INTEGER, "key" VARCHAR, '
                'text VARCHAR, type VARCHAR, canonical VARCHAR, code VARCHAR, start INTEGER, "end" INTEGER)')
    con.execute("CREATE TABLE IF NOT EXISTS duplicates (article_id VARCHAR PRIMARY KEY, cluster_id VARCHAR, "
                "representative_id VARCHAR, kind VARCHAR, similarity DOUBLE)")
    for pid, (outlet, published, title, body, contra, ents) in pages.items():
        con.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [pid, f"https://example.invalid/{pid}", outlet, title, published, body, contra])
        for seq, key in enumerate(ents):
            typ, name = key.split(":", 1)
            con.execute("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, NULL, 0, 1)", [pid, seq, key, name, typ, name])
    for row in duplicates:
        con.execute("INSERT INTO duplicates VALUES (?, ?, ?, ?, ?)", list(row))
    con.close()
    return db


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = write_store(tmp_path_factory.mktemp("search") / "corpus.duckdb")
    build_index(db)
    return db


@pytest.fixture(scope="module")
def searcher(store: Path) -> Searcher:
    return Searcher(store)


def ids(results) -> list[str]:
    return [h.id for h in results.hits]


# -- words, forms, phrases ------------------------------------------------------------------------

def test_the_index_sits_beside_the_store(store: Path) -> None:
    assert index_dir_for(store) == store.with_name("corpus.search")
    assert (store.with_name("corpus.search") / "manifest.parquet").exists()


def test_a_word_finds_its_derived_forms_and_back(searcher: Searcher) -> None:
    # `kebanjiran` only in wn-kebanjiran; `banjir` only in the others.
    assert "wn-kebanjiran" in ids(searcher.search("banjir"))
    found = ids(searcher.search("kebanjiran"))
    assert found[0] == "wn-kebanjiran"  # the form typed ranks first
    assert {"jk-banjir", "gp-rob"} <= set(found)
    assert "jk-longsor" in ids(searcher.search("tangkap"))  # penangkapan


def test_quotes_match_the_exact_words_in_order(searcher: Searcher) -> None:
    assert ids(searcher.search('"banjir rob"')) == ["gp-rob"]
    assert "wn-kebanjiran" not in ids(searcher.search('"banjir"'))  # no stemming inside quotes
    assert searcher.search('"rob banjir"').total == 0


def test_minus_excludes_and_or_joins(searcher: Searcher) -> None:
    assert "gp-rob" not in ids(searcher.search("banjir -rob"))
    assert set(ids(searcher.search("gabah OR meriam"))) == {"sd-gabah", "kp-meriam"}
    everything_but = ids(searcher.search("-banjir"))
    assert "sd-gabah" in everything_but and "jk-banjir" not in everything_but


def test_words_are_all_required_but_function_words_are_not(searcher: Searcher) -> None:
    assert ids(searcher.search("banjir pekalongan")) == ["gp-rob"]
    # `yang` is in neither flood page about Jakarta's pumps; as a function word it is not required.
    assert "jk-banjir" in ids(searcher.search("pompa yang"))
    assert searcher.search("pompa gabah").total == 0


def test_place_names_and_function_words_are_not_stemmed() -> None:
    stem = shared_stemmer().stem
    assert stem("bekasi") == "bekasi" and stem("pekalongan") == "pekalongan"
    assert stem("secara") == "secara" and stem("setelah") == "setelah"
    assert stem("kebanjiran") == "banjir" and stem("pemerintah") == "pemerintah"


def test_a_function_word_is_not_found_under_a_content_word(tmp_path: Path) -> None:
    page = ("Kabar Uji", "2025-05-01", "Posko Banjir", "Warga secara bergiliran menjaga posko banjir.", False, [])
    db = write_store(tmp_path / "fw.duckdb", {"fw-1": page}, [])
    assert search(db, "cara").total == 0
    assert ids(search(db, "jaga posko")) == ["fw-1"]


# -- filters --------------------------------------------------------------------------------------

def _expected(pred) -> set[str]:
    return {pid for pid, page in PAGES.items() if pred(pid, page)}


@pytest.mark.parametrize(("filters", "pred"), [
    ({"outlet": "jakarta kini"}, lambda pid, p: p[0] == "Jakarta Kini"),
    ({"outlet": ["Suara Deli", "Pelita Rinjani"]}, lambda pid, p: p[0] in ("Suara Deli", "Pelita Rinjani")),
    ({"date_from": "2025-03-10"}, lambda pid, p: p[1] is not None and p[1] >= "2025-03-10"),
    ({"date_to": "2025-03-10"}, lambda pid, p: p[1] is not None and p[1] <= "2025-03-10"),
    ({"date_from": dt.date(2025, 3, 1), "date_to": dt.date(2025, 3, 12)},
     lambda pid, p: p[1] is not None and "2025-03-01" <= p[1] <= "2025-03-12"),
    ({"entity": "LOC:Jakarta"}, lambda pid, p: "LOC:Jakarta" in p[5]),
    ({"entity": "rina wulandari"}, lambda pid, p: "PER:Rina Wulandari" in p[5]),
    ({"entity": ["LOC:Jakarta", "LOC:Jakarta Timur"]}, lambda pid, p: {"LOC:Jakarta", "LOC:Jakarta Timur"} <= set(p[5])),
    ({"has_contradiction": True}, lambda pid, p: p[4]),
    ({"has_contradiction": False}, lambda pid, p: not p[4]),
    ({"duplicate": "representative"}, lambda pid, p: pid == "jk-banjir"),
    ({"duplicate": "duplicate"}, lambda pid, p: pid == "jk-banjir-copy"),
    ({"duplicate": "none"}, lambda pid, p: pid not in ("jk-banjir", "jk-banjir-copy")),
])
def test_each_filter_keeps_exactly_the_matching_articles(searcher: Searcher, filters: dict, pred) -> None:
    everything = searcher.search("", limit=100, **filters)
    assert set(ids(everything)) == _expected(pred)
    assert everything.total == len(_expected(pred))
    # With words: the filter narrows the words' matches and nothing else.
    words_only = set(ids(searcher.search("banjir", limit=100)))
    both = searcher.search("banjir", limit=100, **filters)
    assert set(ids(both)) == words_only & _expected(pred)


def test_filters_combine(searcher: Searcher) -> None:
    r = searcher.search("banjir", outlet="Jakarta Kini", has_contradiction=True, duplicate="representative",
                        entity="Jakarta Timur", date_from="2025-03-10", date_to="2025-03-10")
    assert ids(r) == ["jk-banjir"]


def test_filters_do_not_change_the_ranking_scores(searcher: Searcher) -> None:
    plain = {h.id: h.score for h in searcher.search("banjir").hits}
    filtered = {h.id: h.score for h in searcher.search("banjir", outlet="Jakarta Kini").hits}
    assert filtered and all(plain[i] == s for i, s in filtered.items())


@pytest.mark.parametrize("bad", [
    {"duplicate": "copy"}, {"date_from": "10/03/2025"}, {"date_to": "2025-13-01"},
    {"date_from": "2025-04-01", "date_to": "2025-03-01"}, {"limit": 0}, {"limit": 101}, {"offset": -1},
    {"offset": 10_001}, {"sort": "oldest"},
])
def test_bad_parameters_raise_a_clear_search_error(searcher: Searcher, bad: dict) -> None:
    with pytest.raises(SearchError):
        searcher.search("banjir", **bad)


# -- queries that must not break ------------------------------------------------------------------

def test_a_query_over_the_limit_is_refused_with_its_length(searcher: Searcher) -> None:
    searcher.search("a" * MAX_QUERY_CHARS)
    with pytest.raises(SearchError, match=f"{MAX_QUERY_CHARS + 1} characters"):
        searcher.search("a" * (MAX_QUERY_CHARS + 1))


@pytest.mark.parametrize("q", [
    '"', '""', '"banjir', 'banjir"', "(((", "banjir AND", "OR", "OR OR banjir", "-", "--banjir", "title:banjir",
    "banjir^2", "banj*", "?", "\\", "~~~", "[2025 TO 2026]", "banjir\x00rob", "🌊 banjir", "ＢＡＮＪＩＲ", "  ",
])
def test_malformed_queries_do_not_crash(searcher: Searcher, q: str) -> None:
    r = searcher.search(q)
    assert r.total >= len(r.hits)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(max_size=MAX_QUERY_CHARS))
def test_any_text_within_the_limit_is_a_query(searcher: Searcher, q: str) -> None:
    r = searcher.search(q, limit=5)
    assert r.total >= len(r.hits)


def test_symbols_inside_a_word_are_cut_as_the_index_cuts_them(searcher: Searcher) -> None:
    assert ids(searcher.search("sei-tuan")) == ["sd-gabah"]  # a phrase of `sei` `tuan`
    assert "gp-rob" in ids(searcher.search("ROB!!!"))


# -- paging, order, determinism -----------------------------------------------------------------

def test_pages_add_up_to_the_whole_list(searcher: Searcher) -> None:
    whole = searcher.search("banjir OR warga OR petani OR meriam", limit=100)
    assert whole.total == len(whole.hits) >= 5
    paged = []
    for offset in range(0, whole.total, 2):
        page = searcher.search("banjir OR warga OR petani OR meriam", limit=2, offset=offset)
        assert page.total == whole.total and len(page.hits) <= 2
        paged += ids(page)
    assert paged == ids(whole)
    assert searcher.search("banjir", offset=50).hits == []


def test_a_blank_query_lists_by_date_newest_first_undated_last(searcher: Searcher) -> None:
    r = searcher.search("", limit=100)
    assert r.total == len(PAGES)
    dates = [h.published for h in r.hits]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates[-1] is None
    assert all(h.score is None for h in r.hits)


def test_newest_first_on_request(searcher: Searcher) -> None:
    r = searcher.search("banjir", sort="newest")
    dated = [h.published for h in r.hits if h.published]
    assert dated == sorted(dated, reverse=True)


def test_results_are_deterministic_across_calls_and_rebuilds(store: Path, tmp_path: Path) -> None:
    first = Searcher(store).search("banjir rumah", limit=10).to_dict()
    assert Searcher(store).search("banjir rumah", limit=10).to_dict() == first
    other = write_store(tmp_path / "again.duckdb")
    build_index(other)
    assert search(other, "banjir rumah", limit=10).to_dict() == first


# -- hits: snippets and facets --------------------------------------------------------------------

def test_snippet_spans_mark_query_words_in_plain_text(searcher: Searcher) -> None:
    r = searcher.search("kebanjiran pompa")
    stem = shared_stemmer().stem
    wanted = {stem("kebanjiran"), stem("pompa")}
    for hit in r.hits:
        body = PAGES[hit.id][3]
        text = hit.snippet.text
        assert "<" not in text and text.strip("…") in body.replace("\n", " ")
        assert hit.snippet.highlights
        for a, b in hit.snippet.highlights:
            assert stem(words(text[a:b])[0]) in wanted
        for a, b in hit.title_highlights:
            assert stem(words(hit.title[a:b])[0]) in wanted


def test_a_long_body_is_cut_around_the_words(tmp_path: Path) -> None:
    filler = "Kalimat pembuka tanpa kata yang dicari. " * 30
    page = ("Kabar Uji", "2025-05-01", "Uji Cuplikan", filler + "Di ujung berita, kebakaran gudang terjadi. " + filler,
            False, [])
    db = write_store(tmp_path / "long.duckdb", {"long-1": page}, [])
    hit = search(db, "bakar").hits[0]
    assert hit.snippet.text.startswith("…") and hit.snippet.text.endswith("…")
    assert len(hit.snippet.text) <= 250
    (a, b), = hit.snippet.highlights
    assert hit.snippet.text[a:b] == "kebakaran"


def test_the_snippet_goes_where_most_query_words_meet(tmp_path: Path) -> None:
    filler = "Kalimat pengisi tanpa kata yang dicari di sini. " * 12
    body = "Gudang terbakar pagi tadi. " + filler + "Kebakaran gudang beras di Cakung merugikan pedagang. " + filler
    db = write_store(tmp_path / "meet.duckdb", {"m-1": ("Kabar Uji", "2025-05-01", "Uji", body, False, [])}, [])
    snip = search(db, "bakar beras").hits[0].snippet
    marked = [snip.text[a:b] for a, b in snip.highlights]
    assert "Kebakaran" in marked and "beras" in marked and "terbakar" not in marked


def test_facets_count_the_whole_matching_set(searcher: Searcher) -> None:
    r = searcher.search("banjir", limit=1)
    matching = [PAGES[i] for i in ids(searcher.search("banjir", limit=100))]
    f = r.facets
    assert {c.value: c.count for c in f.outlet} == {o: sum(p[0] == o for p in matching) for o in {p[0] for p in matching}}
    months = {p[1][:7] for p in matching if p[1]}
    assert {c.value: c.count for c in f.month} == {m: sum(bool(p[1]) and p[1][:7] == m for p in matching) for m in months}
    assert f.has_contradiction == {"true": sum(p[4] for p in matching), "false": sum(not p[4] for p in matching)}
    assert sum(f.duplicate.values()) == r.total == len(matching)
    assert searcher.search("banjir", facets=False).facets is None


def test_results_are_json_ready(searcher: Searcher) -> None:
    d = searcher.search("banjir", outlet="Jakarta Kini").to_dict()
    assert json.loads(json.dumps(d)) == d
    assert set(d["hits"][0]) >= {"id", "title", "outlet", "published", "score", "snippet", "title_highlights"}


# -- keeping the index up to date -----------------------------------------------------------------

def test_updates_index_new_changed_and_gone_articles_only(tmp_path: Path) -> None:
    db = write_store(tmp_path / "live.duckdb")
    first = build_index(db)
    assert first.rebuilt and first.indexed == first.total == len(PAGES)
    assert build_index(db).indexed == 0

    extra = {"new-1": ("Suara Deli", "2025-05-02", "Harga Cabai Naik", "Harga cabai di Medan naik tajam.", False,
                       ["LOC:Medan"])}
    write_store(db, extra, [("gp-rob", "c2", "gp-rob", "near", 1.0)])  # gp-rob now represents a cluster
    con = duckdb.connect(str(db))
    con.execute("DELETE FROM articles WHERE id = 'kp-meriam'")
    con.close()
    report = build_index(db)
    assert (report.indexed, report.deleted, report.total) == (2, 1, len(PAGES))
    s = Searcher(db)
    assert ids(s.search("cabai")) == ["new-1"]
    assert s.search("meriam").total == 0
    assert ids(s.search("rob", duplicate="representative")) == ["gp-rob"]

    assert build_index(db, rebuild=True).rebuilt
    assert Searcher(db).search("", limit=100).total == len(PAGES)


def test_a_lost_manifest_means_a_rebuild_not_doubled_articles(tmp_path: Path) -> None:
    db = write_store(tmp_path / "lost.duckdb")
    build_index(db)
    (index_dir_for(db) / "manifest.parquet").unlink()
    report = build_index(db)
    assert report.rebuilt and report.total == len(PAGES)


def test_a_searcher_builds_a_missing_index_and_sees_updates(tmp_path: Path) -> None:
    db = write_store(tmp_path / "fresh.duckdb")
    s = Searcher(db)
    assert s.num_docs == len(PAGES)
    write_store(db, {"new-2": ("Jakarta Kini", "2025-06-01", "Gempa Guncang Sukabumi", "Gempa mengguncang Sukabumi.",
                               False, [])}, [])
    build_index(db)
    s.refresh()
    assert ids(s.search("gempa")) == ["new-2"]


def test_an_update_does_not_stem_again_the_words_the_index_has_met(store: Path) -> None:
    from warta.search.analysis import Stemmer
    from warta.search.build import load_stems

    fresh = Stemmer()
    load_stems(fresh, index_dir_for(store))

    def no_sastrawi(word: str) -> str:
        raise AssertionError(f"{word} was stemmed again")

    fresh._stem_word = no_sastrawi
    assert fresh.stem("kebanjiran") == "banjir" and fresh.stem("penangkapan") == "tangkap"
    assert "tangkap" in fresh.derived_stems(words(PAGES["jk-longsor"][3])).split()


def test_a_new_searcher_updates_an_index_older_than_the_store(tmp_path: Path) -> None:
    db = write_store(tmp_path / "stale.duckdb")
    build_index(db)
    manifest = index_dir_for(db) / "manifest.parquet"
    os.utime(manifest, (manifest.stat().st_atime, manifest.stat().st_mtime - 60))  # the update came before ...
    write_store(db, {"new-3": ("Jakarta Kini", "2025-06-02", "Kemarau Panjang", "Kemarau panjang melanda.",
                               False, [])}, [])  # ... this ingest, which did not update the index
    assert Searcher(db, update=False).search("kemarau").total == 0
    assert ids(Searcher(db).search("kemarau")) == ["new-3"]


def test_a_file_without_articles_is_refused_clearly(tmp_path: Path) -> None:
    db = tmp_path / "other.duckdb"
    duckdb.connect(str(db)).close()
    with pytest.raises(SearchError, match="not a warta store"):
        build_index(db)


def test_no_store_no_index_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SearchError, match="no search index"):
        Searcher(tmp_path / "absent.duckdb")


# -- pages through the pipeline, and the command line ---------------------------------------------

@pytest.fixture(scope="module")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus through the real pipeline, into a store of the same columns."""
    rows = [json.loads(line) for line in (ROOT / "src/warta/samples/corpus.jsonl").read_text().splitlines()]
    records = [record_from_article(a) for a in warta.process_many(r for r in rows if r.get("text") or r.get("html"))]
    pages = {r.id: (r.outlet, r.published.isoformat() if r.published else None, r.title, r.body,
                    r.has_contradiction, list(r.entity_keys)) for r in records}
    return write_store(tmp_path_factory.mktemp("samples") / "samples.duckdb", pages, [])


def test_sample_pages_are_found_by_their_stories(sample_store: Path) -> None:
    s = Searcher(sample_store)
    assert ids(s.search("pompa mobile"))[0] == "jakarta-kini-1"
    assert ids(s.search("harga gabah"))[0] == "suara-deli-1"
    assert ids(s.search("meriam karbit"))[0] == "khatulistiwa-pos-1"
    assert "pelita-rinjani-1" in ids(s.search("", has_contradiction=True))
    entity = next(k for k in record_from_article(next(warta.process_many(
        [json.loads((ROOT / "src/warta/samples/corpus.jsonl").read_text().splitlines()[0])]))).entity_keys)
    assert "jakarta-kini-1" in ids(s.search("", entity=entity))


def test_records_without_a_store_go_into_an_index_folder(tmp_path: Path) -> None:
    from warta.search import index_records

    folder = tmp_path / "pages.search"
    rows = [json.loads(line) for line in (ROOT / "src/warta/samples/corpus.jsonl").read_text().splitlines()]
    articles = list(warta.process_many(r for r in rows if r.get("text")))
    assert index_records(folder, (record_from_article(a) for a in articles)) == len(articles)
    s = Searcher(folder)
    assert ids(s.search("harga gabah"))[0] == "suara-deli-1"
    # Adding a record again replaces it: ids stay unique.
    index_records(folder, [record_from_article(articles[0])])
    assert Searcher(folder).search("", limit=100).total == len(articles)


def test_index_record_refuses_an_unknown_duplicate_status() -> None:
    with pytest.raises(ValueError):
        IndexRecord(id="x", body="y", duplicate="copy")


def test_cli_search_table_and_json(store: Path) -> None:
    runner = CliRunner(env={"COLUMNS": "200", "NO_COLOR": "1"})
    r = runner.invoke(app, ["search", "banjir", "--db", str(store), "--outlet", "Jakarta Kini"])
    assert r.exit_code == 0 and "jk-banjir" in r.stdout and "articles match" in r.stdout
    r = runner.invoke(app, ["search", "banjir", "--db", str(store), "--contradiction", "--json", "--limit", "5"])
    data = json.loads(r.stdout)
    assert r.exit_code == 0 and [h["id"] for h in data["hits"]] == ["jk-banjir"]
    r = runner.invoke(app, ["search", "x" * (MAX_QUERY_CHARS + 1), "--db", str(store)])
    assert r.exit_code == 2 and "limit is 200" in r.stderr
    r = runner.invoke(app, ["search", "banjir", "--db", str(store.with_name("nope.duckdb"))])
    assert r.exit_code == 2
