"""The web app through FastAPI's test client: pages, JSON API, bounds, errors and escaping."""

from __future__ import annotations

import hashlib
import re

import pytest
from fastapi.testclient import TestClient
from web_support import web_store

from warta.web import create_app


@pytest.fixture(scope="module")
def client() -> TestClient:
    with TestClient(create_app(web_store())) as c:
        yield c


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# -- search -------------------------------------------------------------------------------------

def test_home_page_has_a_labelled_search_box(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert re.search(r'<label for="q"[^>]*>Search the news</label>', r.text)
    assert re.search(r'<input id="q" name="q" type="search" maxlength="200"', r.text)


def test_search_finds_articles_and_highlights_the_words(client):
    api = client.get("/api/search", params={"q": "banjir"}).json()
    ids = {h["id"] for h in api["hits"]}
    assert {"lintas-metro-banjir-1", "harian-cakrawala-banjir-2", "kabar-timur-banjir-1"} <= ids
    assert api["total"] == len(api["hits"]) and api["page"] == 1 and api["pages"] == 1
    page = client.get("/search", params={"q": "banjir"}).text
    assert f'{api["total"]} articles for “banjir”' in _text(page)
    assert re.search(r'<mark class="hl">[Bb]anjir</mark>', page)
    for hit in api["hits"]:  # every hit links to its article page
        assert f'href="/article/{hit["id"]}"' in page


def test_search_counts_match_the_facets(client):
    api = client.get("/api/search", params={"q": "banjir"}).json()
    facets = api["facets"]
    assert sum(f["count"] for f in facets["outlet"]) + facets["outlet_other"] == api["total"]
    assert sum(facets["has_contradiction"].values()) == api["total"]
    assert sum(facets["duplicate"].values()) == api["total"]


@pytest.mark.parametrize("params,expected", [
    ({"q": "banjir", "outlet": "HARIAN CAKRAWALA"}, {"harian-cakrawala-banjir-2"}),
    ({"has_contradiction": "true"}, {"jakarta-kini-1", "pelita-rinjani-1", "serambi-priangan-gempa-1"}),
    ({"q": "kelurahan", "date_from": "2025-02-11", "date_to": "2025-02-20"}, {"jaga-siber-xss-2"}),
    ({"entity": "PER:Dewi Anggraini"}, {"lintas-metro-banjir-1", "harian-cakrawala-banjir-2", "kabar-timur-banjir-1"}),
    ({"q": "banjir", "duplicate": "duplicate"}, {"lintas-metro-banjir-1"}),
])
def test_filters_narrow_the_results(client, params, expected):
    api = client.get("/api/search", params=params).json()
    assert {h["id"] for h in api["hits"]} == expected
    assert api["total"] == len(expected)
    page = client.get("/search", params=params).text
    assert {m for m in re.findall(r'class="result-link" href="/article/([^"]+)"', page)} == expected


def test_blank_form_fields_mean_no_filter(client):
    blank = {"q": "banjir", "outlet": "", "date_from": "", "date_to": "", "entity": "", "has_contradiction": "",
             "duplicate": ""}
    assert client.get("/api/search", params=blank).json()["total"] == client.get("/api/search?q=banjir").json()["total"]


def test_pagination_walks_through_every_result_once(client):
    total = client.get("/api/search", params={"q": "jakarta"}).json()["total"]
    assert total >= 3
    seen = []
    for page in range(1, total + 1):
        api = client.get("/api/search", params={"q": "jakarta", "size": 1, "page": page}).json()
        assert api["pages"] == total and len(api["hits"]) == 1
        seen.append(api["hits"][0]["id"])
    assert len(set(seen)) == total
    html = client.get("/search", params={"q": "jakarta", "size": 1, "page": 2}).text
    assert 'rel="prev" href="/search?q=jakarta&amp;size=1"' in html  # page 1 is the default
    assert 'rel="next" href="/search?q=jakarta&amp;page=3&amp;size=1"' in html


# -- bounds and errors ----------------------------------------------------------------------------

@pytest.mark.parametrize("params,fragment", [
    ({"q": "x" * 201}, "q: String should have at most 200 characters"),
    ({"q": "banjir", "size": 101}, "size: Input should be less than or equal to 100"),
    ({"q": "banjir", "size": 0}, "size: Input should be greater than or equal to 1"),
    ({"q": "banjir", "page": 51, "size": 20}, "goes past result 1000"),
    ({"q": "banjir", "date_from": "13-03-2025"}, "date_from: String should match pattern"),
    ({"q": "banjir", "date_from": "2025-02-30"}, "date_from: 2025-02-30 is not a calendar day"),
    ({"q": "banjir", "date_from": "2025-03-02", "date_to": "2025-03-01"}, "is after date_to"),
    ({"q": "banjir", "duplicate": "maybe"}, "duplicate: String should match pattern"),
    ({"q": "banjir", "outlet": "o" * 201}, "outlet: String should have at most 200 characters"),
])
def test_out_of_bounds_requests_are_400_in_html_and_json(client, params, fragment):
    api = client.get("/api/search", params=params)
    assert api.status_code == 400 and api.headers["content-type"] == "application/json"
    assert fragment in api.json()["error"]["message"]
    page = client.get("/search", params=params)
    assert page.status_code == 400 and page.headers["content-type"].startswith("text/html")
    assert "400 · Bad Request" in page.text and fragment in page.text.replace("&#39;", "'")


def test_missing_things_are_404_in_html_and_json(client):
    for path in ("/article/tidak-ada", "/entity/PER:Tidak Ada", "/outlet/Tidak Ada", "/halaman-lain"):
        page = client.get(path)
        assert page.status_code == 404 and "404 · Not Found" in page.text
        assert 'href="/"' in page.text
    for path in ("/api/article/tidak-ada", "/api/entity/PER:Tidak Ada", "/api/outlet/Tidak Ada", "/api/lain"):
        api = client.get(path)
        assert api.status_code == 404 and api.json()["error"]["status"] == 404


def test_overlong_ids_are_refused(client):
    assert client.get("/api/article/" + "a" * 301).status_code == 400
    assert client.get("/article/" + "a" * 301).status_code == 400


def test_there_is_no_write_endpoint(client):
    spec = client.get("/openapi.json").json()
    assert {m for ops in spec["paths"].values() for m in ops} == {"get"}
    for method in ("post", "put", "patch", "delete"):
        for path in ("/", "/search", "/api/search", "/api/article/jakarta-kini-1", "/article/jakarta-kini-1"):
            assert client.request(method, path).status_code == 405


def test_requests_leave_the_store_unchanged():
    db = web_store()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    with TestClient(create_app(db)) as c:
        for path in ("/", "/search?q=banjir", "/article/jakarta-kini-1", "/api/article/jakarta-kini-1"):
            assert c.get(path).status_code == 200
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_openapi_lists_the_json_routes(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/article/{article_id}", "/api/entity/{key}", "/api/outlet/{name}"} <= set(spec["paths"])
    params = {p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]}
    assert {"q", "outlet", "date_from", "date_to", "entity", "has_contradiction", "duplicate", "page", "size"} <= params


def test_security_headers_on_every_response(client):
    for path in ("/", "/api/search?q=banjir", "/article/tidak-ada"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


# -- article ---------------------------------------------------------------------------------------

def test_article_page_marks_entities_and_dates_in_the_clean_body(client):
    page = client.get("/article/jakarta-kini-1").text
    assert re.search(r'<a class="ent ent-PER" href="/entity/PER%3AIrawan%20Setiadi" title="PER: Irawan Setiadi">Irawan Setiadi</a>', page)
    assert '<mark class="date" title="2025-03-20">20 Maret 2025</mark>' in page
    body = page.split('<div class="body" lang="id">')[1].split("</div>")[0]
    assert "Baca Juga" not in body and "Artikel Terkait" not in body and "Resep Semur Jengkol" not in body


def test_article_page_shows_contradictions_with_their_evidence_marked(client):
    api = client.get("/api/article/serambi-priangan-gempa-1").json()
    kinds = {c["kind"] for c in api["inconsistencies"]}
    assert kinds == {"weekday-mismatch", "count-mismatch"}
    page = client.get("/article/serambi-priangan-gempa-1").text
    assert "2 contradictions in this article" in page
    for n, item in enumerate(api["inconsistencies"], 1):
        assert item["explanation"] in page.replace("&#39;", "'")
        for m, ev in enumerate(item["evidence"], 1):
            # in the list, linking to the same words marked in the body
            assert f'<a href="#c{n}-e{m}"><mark class="evidence">{ev["text"]}</mark></a>' in page
            assert re.search(rf'<mark class="evidence" id="c{n}-e{m}"[^>]*>', page)


def test_article_page_keeps_the_removed_clutter_behind_a_toggle(client):
    api = client.get("/api/article/jakarta-kini-1").json()
    page = client.get("/article/jakarta-kini-1").text
    details = page.split('<details class="clutter" id="clutter">')[1].split("</details>")[0]
    assert f"Removed from the page: {len(api['removed'])} pieces" in details
    for r in api["removed"]:
        assert f'<span class="kind">{r["kind"]}</span>' in details
    assert "Resep Semur Jengkol Empuk Tanpa Bau" in details


def test_article_page_lists_copies_and_sources(client):
    page = client.get("/article/lintas-metro-banjir-1").text
    dups = page.split('id="duplicates-title"')[1].split("</section>")[0]
    assert 'href="/article/kabar-timur-banjir-1"' in dups and "syndicated" in dups
    assert "Dewi Anggraini" in page.split('<ul class="sources">')[1].split("</ul>")[0]


def test_article_page_says_so_when_nothing_is_related(client):
    api = client.get("/api/article/khatulistiwa-pos-1").json()
    page = client.get("/article/khatulistiwa-pos-1").text
    assert "Baca juga · Artikel terkait" in page
    if not api["related"]:
        assert "No article in this store is related closely enough to list." in page


# -- entity and outlet -------------------------------------------------------------------------------

def test_entity_page_charts_mentions_and_lists_what_comes_with_it(client):
    api = client.get("/api/entity/PER:Irawan Setiadi").json()
    assert api["articles"] == 4 and api["type"] == "PER"
    page = client.get("/entity/PER%3AIrawan%20Setiadi").text
    assert "named 5 times in 4 articles" in page
    dated = sum(m["articles"] for m in api["per_month"])
    assert page.count('<rect class="bar"') == len(api["per_month"]) and dated == 3
    assert "1 of its articles have no publication date" in page
    assert '<a class="ent ent-PER" href="/entity/PER%3ADewi%20Anggraini">Dewi Anggraini</a>' in page
    for o in api["outlets"]:
        assert f'href="/outlet/{o["outlet"].replace(" ", "%20")}"' in page
    assert 'href="/search?entity=PER%3AIrawan+Setiadi"' in page


def test_outlet_page_shows_volume_and_shares(client):
    api = client.get("/api/outlet/SERAMBI PRIANGAN").json()
    assert api["articles"] == 1 and api["share_contradiction"] == 1.0
    page = client.get("/outlet/SERAMBI%20PRIANGAN").text
    assert "<b>100.0 %</b>of pages contradict themselves" in page
    assert "<b>100.0 %</b>of pages had clutter removed" in page
    assert page.count('<rect class="bar"') == 1
    assert 'href="/article/serambi-priangan-gempa-1"' in page


def test_home_page_lists_outlets_with_their_shares(client):
    stats = client.get("/api/stats").json()
    page = client.get("/").text
    assert f"<b>{stats['stats']['articles']}</b>articles" in page
    for o in stats["outlets"]:
        assert f'href="/outlet/{o["outlet"].replace(" ", "%20")}"' in page


def test_monthly_series_fills_empty_months_and_keeps_the_latest():
    from warta.web.pages import MAX_CHART_MONTHS, monthly

    rows = [{"month": "2024-11", "articles": 2}, {"month": "2025-02", "articles": 5}]
    assert monthly(rows, "articles") == [("2024-11", 2), ("2024-12", 0), ("2025-01", 0), ("2025-02", 5)]
    stray = monthly([{"month": "1900-01", "articles": 1}, {"month": "2025-02", "articles": 5}], "articles")
    assert len(stray) == MAX_CHART_MONTHS and stray[-1] == ("2025-02", 5)
    assert monthly([], "articles") == []


# -- hostile text ------------------------------------------------------------------------------------

@pytest.mark.parametrize("article_id", ["jaga-siber-xss-1", "jaga-siber-xss-2"])
def test_tags_in_article_text_are_shown_as_text(client, article_id):
    api = client.get(f"/api/article/{article_id}").json()
    assert "<script>window.__pwned=1</script>" in api["body"]
    page = client.get(f"/article/{article_id}").text
    assert "<script>window" not in page and "<img src=x" not in page
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert page.count("<script") == 1  # the app's own /static/warta.js only


def test_tags_in_titles_are_shown_as_text_in_results(client):
    page = client.get("/search", params={"q": "kode jahat"}).text
    assert "jaga-siber-xss-2" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=&#34;window.__pwned=3&#34;&gt;" in page


def test_a_javascript_url_is_never_a_link(client):
    api = client.get("/api/article/jaga-siber-xss-1").json()
    assert api["url"].startswith("javascript:")
    page = client.get("/article/jaga-siber-xss-1").text
    assert "javascript:" not in page.lower()


# -- related list, rendered ------------------------------------------------------------------------

def test_related_articles_are_listed_as_links_with_their_reasons(client):
    """The "Baca juga · Artikel terkait" list from the store's `related` rows: rendered here from a
    stored article with related rows added, so the list is tested whatever the linker finds."""
    from warta.web.app import HERE
    from warta.web.article_view import article_view
    from warta.web.render import make_templates

    record = client.get("/api/article/lintas-metro-banjir-1").json()
    record["related"] = [
        {"id": "harian-cakrawala-banjir-2", "score": 0.8, "reasons": ["shared entities", "same days"],
         "title": "Banjir di Kampung Melayu Mulai Surut", "outlet": "HARIAN CAKRAWALA", "published": "2025-03-14"},
        {"id": "x/<y>", "score": 0.5, "reasons": [], "title": "<script>window.__pwned=5</script>", "outlet": None,
         "published": None},
    ]
    html = make_templates(HERE / "templates").env.get_template("article.html").render(
        a=record, v=article_view(record), q="")
    related = html.split('id="related-title"')[1].split("</section>")[0]
    assert '<a href="/article/harian-cakrawala-banjir-2" lang="id">Banjir di Kampung Melayu Mulai Surut</a>' in related
    assert "shared entities · same days" in related
    assert 'href="/article/x%2F%3Cy%3E"' in related and "&lt;script&gt;window.__pwned=5&lt;/script&gt;" in related
    assert "<script>window" not in html


def test_every_article_page_lists_exactly_the_stores_related_articles(client):
    for hit in client.get("/api/search", params={"size": 100}).json()["hits"]:
        api = client.get(f"/api/article/{hit['id']}").json()
        page = client.get(f"/article/{hit['id']}").text
        related = page.split('id="related-title"')[1].split("</section>")[0]
        shown = re.findall(r'<a href="/article/([^"]+)"', related)
        assert shown == [r["id"] for r in api["related"]][:10]
        if not api["related"]:
            assert "No article in this store is related closely enough to list." in related


# -- the command ---------------------------------------------------------------------------------

def test_serve_prints_its_url_and_answers(tmp_path):
    import subprocess
    import sys
    import time

    import httpx
    from web_support import free_port

    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "warta.cli", "serve", "--db", str(web_store()), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = proc.stdout.readline()
        assert line.strip() == f"warta: serving {web_store()} (read-only) at http://127.0.0.1:{port}/  (Ctrl+C stops)"
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/search?q=banjir", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "warta serve did not answer"
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["total"] >= 3
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_refuses_a_missing_store(tmp_path):
    from typer.testing import CliRunner

    from warta.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "nothing.duckdb")])
    assert result.exit_code == 2
    assert "no store at" in result.output and "warta ingest" in result.output


def test_only_loopback_hosts_count_as_local():
    from warta.web.serve import is_loopback

    assert all(is_loopback(h) for h in ("127.0.0.1", "localhost", "::1", "127.0.0.2"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "192.168.1.5", "example.org", "::"))
