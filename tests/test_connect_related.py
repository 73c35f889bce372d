"""Related articles and stories: project-written pages, the dev pages (dev-l00), a scaled smoke run.

tests/fixtures/connect-pages.jsonl is project-written: Russia-China-war pages, follow-ups of some
dev pages, and unrelated recipes, gossip, football and gadget pages of the kind a portal's own
"Artikel Terkait" box lists.
"""

from __future__ import annotations

import dataclasses
import json
import random
import time
from pathlib import Path

import pytest

from warta.connect import ConnectDoc, Links, connect_doc, link_corpus

FIXTURES = Path(__file__).parent / "fixtures" / "connect-pages.jsonl"
WAR = {"fx-ru01", "fx-ru01b", "fx-ru02", "fx-ru03", "fx-ru04", "fx-ru05"}


def fixture_docs() -> list[ConnectDoc]:
    import warta

    docs = []
    for line in FIXTURES.read_text(encoding="utf-8").splitlines():
        p = json.loads(line)
        d = connect_doc(warta.process(p["text"], id=p["id"]))
        docs.append(dataclasses.replace(d, outlet=p["outlet"], published=p["published"], title=p["title"]))
    return docs


@pytest.fixture(scope="module")
def fixtures() -> list[ConnectDoc]:
    return fixture_docs()


def related_of(links: Links, article_id: str) -> list[str]:
    return [r.related_id for r in links.related if r.article_id == article_id]


def test_war_pages_relate_to_each_other_not_to_recipes_or_gossip(fixtures):
    links = link_corpus(fixtures)
    for war_page in ("fx-ru01", "fx-ru03"):
        got = related_of(links, war_page)
        assert got and set(got) <= WAR, (war_page, got)
    for other in ("fx-x01", "fx-x02", "fx-x04"):
        assert not set(related_of(links, other)) & WAR


def test_duplicates_are_not_listed_as_related(fixtures):
    links = link_corpus(fixtures)
    assert {r.article_id for r in links.duplicates} == {"fx-ru01", "fx-ru01b"}
    assert "fx-ru01b" not in related_of(links, "fx-ru01") and "fx-ru01" not in related_of(links, "fx-ru01b")
    # ...and of a duplicate cluster one member at most in anyone's list
    for doc in fixtures:
        assert not {"fx-ru01", "fx-ru01b"} <= set(related_of(links, doc.id))


def test_rows_are_ranked_scored_explained_and_cut_at_k(fixtures):
    links = link_corpus(fixtures, k_related=2)
    by_article: dict[str, list] = {}
    for r in links.related:
        by_article.setdefault(r.article_id, []).append(r)
        assert 0 < r.score <= 1 and r.reasons and r.article_id != r.related_id
    for rows in by_article.values():
        assert len(rows) <= 2
        assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
    ru01 = by_article["fx-ru01"][0]
    assert ru01.reasons[0].startswith("entities:") and "Rusia" in ru01.reasons[0]


def test_stories_keep_a_duplicate_cluster_together(fixtures):
    links = link_corpus(fixtures)
    story_of = {s.article_id: s.story_id for s in links.stories}
    assert story_of["fx-ru01"] == story_of["fx-ru01b"]
    assert all(story_of.get(x) is None for x in ("fx-x01", "fx-x02", "fx-x04"))


def test_same_corpus_in_any_order_gives_the_same_links(fixtures):
    shuffled = fixtures[:]
    random.Random(3).shuffle(shuffled)
    assert link_corpus(shuffled) == link_corpus(fixtures)


def test_dev_l00_related_are_about_russia_china_or_the_war(dev_gold, fixtures):
    """The reference page: its portal's 'Artikel Terkait' lists recipes and gossip; warta must not."""
    import warta

    dev = [connect_doc(warta.process(g["raw"], url=g.get("url"), id=g["id"])) for g in dev_gold]
    links = link_corpus(dev + fixtures)
    got = related_of(links, "dev-l00")
    assert len(got) >= 3, got
    assert set(got) <= WAR, got


def test_a_few_thousand_documents_link_in_seconds(fixtures):
    """Scaled smoke run: 3,000 docs (fixture texts with edits, copies, random entity keys)."""
    rng = random.Random(11)
    texts = [d.body for d in fixtures]
    pool = [f"LOC:Tempat {i}" for i in range(400)] + [f"PER:Orang {i}" for i in range(400)]
    docs = []
    for i in range(3000):
        words = rng.choice(texts).split()
        rng.shuffle(words)  # a new text from the same words: not a duplicate of its source
        body = " ".join(words[: rng.randint(40, len(words))])
        ents = sorted(set(rng.sample(pool, 6)))
        docs.append(ConnectDoc(f"s{i:04d}", f"Outlet {i % 7}", f"2025-03-{1 + i % 28:02d}", None, body, ents, []))
        if i % 10 == 0:  # a syndicated copy on another outlet
            docs.append(ConnectDoc(f"s{i:04d}c", f"Outlet {(i + 1) % 7}", None, None, "JAKARTA - " + body, ents, []))
    start = time.perf_counter()
    links = link_corpus(docs)
    seconds = time.perf_counter() - start
    copies = {r.article_id for r in links.duplicates if r.article_id.endswith("c")}
    assert len(copies) == 300
    assert {r.kind for r in links.duplicates if r.article_id in copies} == {"syndicated"}
    assert links.related and all(r.reasons for r in links.related)
    assert seconds < 60, seconds  # measured about 3 s on the 2-core development machine
