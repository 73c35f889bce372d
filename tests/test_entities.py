"""find_entities: offsets, types, canonical names and codes, on text the project wrote."""

from __future__ import annotations

import pytest

from warta.understand.entities import find_entities

TEXT = (
    "JAKARTA - Presiden Joko Widodo bertemu Perdana Menteri Jepang Fumio Kishida di Istana Merdeka, "
    "Jakarta, Senin (10/3/2025). Jokowi mengatakan Indonesia dan Jepang sepakat memperluas kerja sama. "
    "Sementara itu, Gubernur Jawa Barat Irawan Setiadi meninjau banjir di Kabupaten Bogor. "
    "Menurut Irawan, Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperkirakan hujan masih "
    "turun hingga April. Tiongkok dan Amerika Serikat juga menyampaikan belasungkawa."
)


@pytest.fixture(scope="module")
def ents():
    return find_entities(TEXT)


def test_offsets_point_into_the_text(ents):
    assert ents
    for e in ents:
        assert TEXT[e["start"]:e["end"]] == e["text"]
        assert e["type"] in ("PER", "ORG", "LOC")
        assert set(e) == {"text", "type", "start", "end", "canonical", "code"}
    assert [e["start"] for e in ents] == sorted(e["start"] for e in ents)


def _by_text(ents, text):
    return [e for e in ents if e["text"] == text]


def test_people_and_aliases_merged(ents):
    assert any(e["type"] == "PER" and e["canonical"] == "Joko Widodo" for e in _by_text(ents, "Jokowi"))
    assert any(e["type"] == "PER" for e in _by_text(ents, "Joko Widodo"))
    # a person named by part of a longer name found in the same text takes the longer name
    assert all(e["canonical"] == "Irawan Setiadi" for e in _by_text(ents, "Irawan") if e["type"] == "PER")


def test_countries_and_provinces_have_codes(ents):
    codes = {e["text"]: e["code"] for e in ents if e["type"] == "LOC"}
    assert codes.get("Jepang") == "JP"
    assert codes.get("Tiongkok") == "CN"
    assert codes.get("Amerika Serikat") == "US"
    assert codes.get("Jawa Barat") == "ID-JB"


def test_china_is_tiongkok():
    (e,) = [e for e in find_entities("Ekspor batu bara ke China naik tajam tahun ini.") if e["text"] == "China"]
    assert (e["text"], e["canonical"], e["code"]) == ("China", "Tiongkok", "CN")


def test_country_inside_an_organisation_name_is_not_split_out():
    ents = find_entities("Kementerian Luar Negeri China membantah tuduhan itu.")
    assert not any(e["text"] == "China" for e in ents)


def test_span_edges_trimmed_and_open_brackets_cut():
    from warta.understand.entities import _trim

    t = "saham PT Bank Rakyat Indonesia Tbk (BBRI naik"
    a = t.index("PT")
    assert t[slice(*_trim(t, a, t.index(" naik")))] == "PT Bank Rakyat Indonesia Tbk"
    t = "( Kemenkes ) ,"
    assert t[slice(*_trim(t, 0, len(t)))] == "Kemenkes"
    t = "Badan Pusat Statistik (BPS)"
    assert t[slice(*_trim(t, 0, len(t)))] == t
    assert _trim("( )", 0, 3) is None


def test_empty_and_entity_free_text():
    assert find_entities("") == []
    assert find_entities("ia pulang ke rumah sore itu .") == []


def test_a_country_name_ending_a_longer_place_name_is_not_the_country():
    ents = find_entities("Sumarni, warga RW 05 Bidara Cina, mengaku lega melihat pompa sudah terpasang.")
    assert not [e for e in ents if e["code"] == "CN"]


def test_a_name_listing_fields_before_its_acronym_is_one_organisation():
    text = "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) mencatat pusat gempa di Cianjur."
    orgs = [(e["text"], e["canonical"]) for e in find_entities(text) if e["type"] == "ORG"]
    assert orgs == [("Badan Meteorologi, Klimatologi, dan Geofisika", "Badan Meteorologi, Klimatologi, dan Geofisika"),
                    ("BMKG", "Badan Meteorologi, Klimatologi, dan Geofisika")]
