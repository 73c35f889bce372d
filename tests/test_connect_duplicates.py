"""Duplicates on project-written texts: exact, near (truncated, reworded), syndicated, not same-topic."""

from __future__ import annotations

import dataclasses
import random

import pytest

from warta.connect import ConnectDoc, DuplicateRow, Links, link_corpus
from warta.connect.duplicates import find_duplicates

# Project-written, in the style of an Indonesian regional news report.
FLOOD = (
    "Banjir merendam ratusan rumah di Kecamatan Cibeunying, Kota Bandung, setelah hujan deras mengguyur "
    "wilayah itu sejak Minggu sore. Air setinggi satu meter masuk ke permukiman warga di bantaran Sungai "
    "Cikapundung dan memaksa sedikitnya 240 keluarga mengungsi ke masjid dan balai warga.\n"
    "Kepala Badan Penanggulangan Bencana Daerah Kota Bandung, Rahmat Hidayat, mengatakan petugas sudah "
    "mendirikan dapur umum dan posko kesehatan di tiga titik pengungsian. Perahu karet dikerahkan untuk "
    "menjemput warga lanjut usia yang masih bertahan di lantai dua rumah mereka.\n"
    "Menurut Rahmat, luapan sungai dipicu oleh sampah yang menyumbat pintu air di hilir. Pemerintah kota "
    "akan mengerahkan alat berat untuk mengangkut sampah itu begitu hujan reda. Warga diminta tetap "
    "waspada karena hujan dengan intensitas tinggi diperkirakan masih turun hingga akhir pekan.\n"
    "Sejumlah warga mengeluhkan bantuan yang datang terlambat. Mereka berharap pemerintah segera "
    "membangun tanggul permanen agar banjir serupa tidak terulang setiap musim hujan."
)
# Another report on the same topic (a flood in Bandung), written independently: not a duplicate.
FLOOD_OTHER = (
    "Hujan lebat yang turun selama lima jam membuat Sungai Cikapundung meluap pada Minggu malam. "
    "Sedikitnya empat kelurahan di Kota Bandung tergenang, dan lalu lintas di Jalan Dago tersendat "
    "karena genangan setinggi lutut orang dewasa.\n"
    "Wali kota meninjau lokasi pengungsian pada Senin pagi dan menjanjikan bantuan logistik bagi warga "
    "terdampak. Ia juga meminta dinas terkait memeriksa kondisi drainase di kawasan padat penduduk.\n"
    "Seorang pedagang di pasar setempat, Euis, mengaku kiosnya terendam dan dagangannya rusak. Ia "
    "memperkirakan kerugian mencapai jutaan rupiah dan belum tahu kapan bisa berjualan lagi."
)
MARKET = (
    "Harga cabai rawit di Pasar Induk Kramat Jati melonjak menjadi Rp80.000 per kilogram menjelang "
    "Lebaran. Pedagang menyebut pasokan dari Jawa Tengah berkurang karena gagal panen akibat cuaca. "
    "Pemerintah provinsi berencana menggelar operasi pasar di lima wilayah untuk menahan kenaikan harga."
)


def doc(id: str, body: str, outlet: str | None = "Warta Bandung", published: str | None = "2024-02-04") -> ConnectDoc:
    return ConnectDoc(id=id, outlet=outlet, published=published, title=None, body=body, entities=[], dates=[])


def clusters(links: Links) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in links.duplicates:
        out.setdefault(row.cluster_id, set()).add(row.article_id)
    return out


def row_of(links: Links, article_id: str) -> DuplicateRow:
    return next(r for r in links.duplicates if r.article_id == article_id)


def test_exact_copy_with_other_case_and_punctuation_is_exact():
    copy = FLOOD.upper().replace(",", " ,").replace("\n", "\n\n")
    links = link_corpus([doc("a", FLOOD), doc("b", copy), doc("m", MARKET)])
    assert list(clusters(links).values()) == [{"a", "b"}]
    member = next(r for r in links.duplicates if r.article_id != r.representative_id)
    assert member.kind == "exact" and member.similarity == 1.0


def test_truncated_copy_is_near():
    cut = FLOOD[: int(len(FLOOD) * 0.6)]
    links = link_corpus([doc("full", FLOOD), doc("cut", cut)])
    assert row_of(links, "cut").kind == "near"
    assert row_of(links, "cut").representative_id == "full"  # the longer body, same day


def test_lightly_reworded_copy_is_near():
    reworded = (FLOOD.replace("mengatakan", "menyebutkan").replace("sedikitnya", "setidaknya")
                .replace("segera", "secepatnya").replace("Sejumlah", "Beberapa").replace("rumah", "hunian"))
    links = link_corpus([doc("a", FLOOD, published="2024-02-04"), doc("b", reworded, published="2024-02-06")])
    assert clusters(links) == {"dup:a": {"a", "b"}}  # the earlier one represents the cluster
    assert 0.5 <= row_of(links, "b").similarity < 1.0


def test_copy_on_another_portal_with_its_clutter_is_syndicated():
    wrapped = (
        "BANDUNG, KABARPRIANGAN.ID - " + FLOOD.replace("\n", "\nBaca juga: Jalan Tol Cipularang Macet Total\n", 1)
        + "\nEditor: Dadan Supriatna\nIkuti berita terkini di WhatsApp Channel kami."
    )
    links = link_corpus([doc("orig", FLOOD, "Warta Bandung", "2024-02-04"),
                         doc("synd", wrapped, "Kabar Priangan", "2024-02-05")])
    assert row_of(links, "orig").representative_id == "orig"  # published first
    assert row_of(links, "synd").kind == "syndicated"
    assert row_of(links, "orig").kind == "syndicated"  # the cluster spans outlets


def test_same_topic_other_article_is_not_a_duplicate():
    links = link_corpus([doc("a", FLOOD), doc("b", FLOOD_OTHER), doc("c", MARKET)])
    assert links.duplicates == []


def test_short_texts_match_only_exactly():
    links = link_corpus([doc("a", "Foto: Dok. Humas"), doc("b", "Foto: Dok. Polres"), doc("c", "Foto: Dok. Humas")])
    assert clusters(links) == {"dup:a": {"a", "c"}}


def test_empty_bodies_are_never_duplicates():
    assert link_corpus([doc("a", ""), doc("b", "  \n")]).duplicates == []


def test_same_docs_in_any_order_give_the_same_rows():
    docs = [doc(f"n{i}", FLOOD[: 300 + 40 * i]) for i in range(10)] + [doc("m", MARKET), doc("o", FLOOD_OTHER)]
    first = link_corpus(docs)
    shuffled = docs[:]
    random.Random(7).shuffle(shuffled)
    assert link_corpus(shuffled) == first
    assert link_corpus(docs) == first


def test_ids_must_be_unique():
    with pytest.raises(ValueError):
        find_duplicates([doc("a", FLOOD), doc("a", MARKET)])


def test_contract_fields():
    assert [f.name for f in dataclasses.fields(ConnectDoc)] == [
        "id", "outlet", "published", "title", "body", "entities", "dates"]
    assert [f.name for f in dataclasses.fields(DuplicateRow)] == [
        "article_id", "cluster_id", "representative_id", "kind", "similarity"]
    from warta.connect import RelatedRow, StoryRow
    assert [f.name for f in dataclasses.fields(RelatedRow)] == ["article_id", "related_id", "score", "reasons"]
    assert [f.name for f in dataclasses.fields(StoryRow)] == ["story_id", "article_id"]
    assert [f.name for f in dataclasses.fields(Links)] == ["duplicates", "related", "stories"]
    links = link_corpus(iter([doc("a", FLOOD), doc("b", FLOOD)]), k_related=3)  # any iterable
    assert {r.article_id for r in links.duplicates} == {"a", "b"}


def test_connect_doc_from_a_processed_page():
    import warta
    from warta.connect import connect_doc

    page = "BANDUNG, WARTABANDUNG.ID - " + FLOOD
    cd = connect_doc(warta.process(page, id="p1"))
    assert cd.id == "p1" and "Cikapundung" in cd.body
    assert all(":" in e and e.split(":", 1)[0] in {"PER", "ORG", "LOC"} for e in cd.entities)
    assert len(cd.entities) == len(set(cd.entities))
    assert "LOC:Bandung" in cd.entities or "LOC:Kota Bandung" in cd.entities
