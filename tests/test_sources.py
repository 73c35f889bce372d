"""find_attributions / find_quotes on sentences written for these tests."""
import json
from pathlib import Path

import pytest

from warta.understand.sources import find_attributions, find_quotes


def sources(body, **kw):
    return [a["source"] for a in find_attributions(body, **kw)]


def test_office_then_ranked_name():
    body = "Kapolres Sukamaju AKBP Budi Hartono mengatakan pelaku sudah ditangkap."
    [a] = find_attributions(body)
    assert a["source"] == "AKBP Budi Hartono, Kapolres Sukamaju"
    assert a["kind"] == "person"
    assert body[a["start"]:a["end"]] == a["text"] == "Kapolres Sukamaju AKBP Budi Hartono mengatakan"


def test_comma_style_and_apposition():
    body = "Kepala Dinas Pertanian Kota Sukamaju, Rina Wulandari, menjelaskan panen naik."
    assert sources(body) == ["Rina Wulandari, Kepala Dinas Pertanian Kota Sukamaju"]
    assert sources(body, style="paren") == ["Rina Wulandari (Kepala Dinas Pertanian Kota Sukamaju)"]
    a = find_attributions(body)[0]
    assert (a["name"], a["role"]) == ("Rina Wulandari", "Kepala Dinas Pertanian Kota Sukamaju")


def test_bracketed_office_abbreviation_dropped():
    body = "Menteri Kesehatan (Menkes) Andi Wijaya Putra menyampaikan vaksin tiba."
    assert sources(body) == ["Andi Wijaya Putra, Menteri Kesehatan"]


def test_police_rank_written_out():
    body = "Kapolsek Sukamaju Komisaris Dedi Irawan menyatakan kasus diselidiki."
    assert sources(body) == ["Kompol Dedi Irawan, Kapolsek Sukamaju"]


def test_agency_outlet_channel():
    body = ("Harga minyak naik, seperti dilansir AFP. Dikutip dari Reuters, stok turun. "
            "Hal itu seperti dikutip Warta Kita pada kanal YouTube @wartakita.id kemarin.")
    out = find_attributions(body)
    assert [a["source"] for a in out] == ["AFP", "Reuters", "kanal YouTube @wartakita.id"]
    assert [a["kind"] for a in out] == ["agency", "agency", "channel"]


def test_passed_on_report_takes_last_source():
    body = "Dikutip situs Teknologi dari BBC, Kamis (5/11), perusahaan itu menambal celah."
    assert "BBC" in sources(body)


def test_menurut_organisation():
    body = "Menurut Kementerian Kesehatan, kasus baru turun."
    [a] = find_attributions(body)
    assert a["source"] == "Kementerian Kesehatan"
    assert a["kind"] == "organisation"


def test_short_name_and_nya_resolve_to_full_name_once():
    body = ("Ketua Koperasi Maju Jaya Siti Rahmawati mengatakan stok cukup. "
            "\"Kami siap melayani,\" ujar Siti. \"Harga tetap,\" katanya.")
    out = find_attributions(body)
    assert [a["source"] for a in out] == ["Siti Rahmawati, Ketua Koperasi Maju Jaya"]
    assert len(out[0]["mentions"]) == 3


def test_inverted_with_lowercase_role_and_age():
    body = "\"Airnya naik cepat sekali,\" ujar Tono (40), warga setempat."
    assert sources(body) == ["Tono, warga setempat"]


def test_interview_target_is_not_the_speaker():
    body = "Kasat Reskrim Polres Sukamaju AKP Rudi kepada Warta Kita, menyebutkan pelaku kabur."
    assert sources(body) == ["AKP Rudi, Kasat Reskrim Polres Sukamaju"]


def test_generic_subjects_and_headings_are_not_sources():
    assert sources("Polisi mengimbau warga tenang. Warga berharap bantuan datang.") == []
    assert sources("Keamanan Belanja Daring Terjamin Penuh memastikan pelanggan nyaman.") == []


def test_quotes_with_speakers():
    body = ("Direktur Utama PT Sumber Air Dewi Lestari mengatakan distribusi lancar. "
            "“Kami menambah armada,” ujarnya. \"Semua aman,\" kata Bayu Pratama. "
            "Ia menutup dengan “terima kasih”.")
    q = find_quotes(body)
    assert [x["text"] for x in q] == ["Kami menambah armada,", "Semua aman,", "terima kasih"]
    assert q[0]["speaker"] == "Dewi Lestari, Direktur Utama PT Sumber Air"
    assert q[1]["speaker"] == "Bayu Pratama"
    assert q[2]["speaker"] is None
    for x in q:
        assert body[x["start"]:x["end"]] == x["text"]


def test_quote_before_colon_cue():
    body = "Ketua RT Joko Susilo mengatakan: \"Besok kerja bakti.\""
    assert find_quotes(body)[0]["speaker"] == "Joko Susilo, Ketua RT"


@pytest.mark.parametrize("body", ["", "   ", "\"", "“tanpa tutup", "kata", "ujarnya.", "menurut", None, "x" * 10000])
def test_never_raises(body):
    assert isinstance(find_attributions(body), list)
    assert isinstance(find_quotes(body), list)


def test_deterministic_and_offsets():
    body = ("Seperti dilansir Antara, Bupati Sukamaju Hendra Saputra mengatakan jalan diperbaiki. "
            "\"Selesai bulan depan,\" tuturnya.")
    a, b = find_attributions(body), find_attributions(body)
    assert a == b
    for x in a:
        assert body[x["start"]:x["end"]] == x["text"]
        for s, e in x["mentions"]:
            assert 0 <= s < e <= len(body)


DEV = [Path("/work/shared/data/news-dev-lines.jsonl"), Path("/work/shared/data/news-dev-flat.jsonl")]


@pytest.mark.skipif(not all(p.exists() for p in DEV), reason="dev gold /work/shared/data/news-dev-*.jsonl absent")
def test_dev_gold_floor():
    """A regression floor, well below what bench/sources.py measures (F1 0.585 when written)."""
    tp = npred = ngold = 0
    for p in DEV:
        for line in p.open(encoding="utf-8"):
            d = json.loads(line)
            style = "comma" if d["format"] == "text-flat" else "paren"
            gs = [" ".join(a["source"].casefold().split()) for a in d.get("attributions") or []]
            ps = [" ".join(a["source"].casefold().split()) for a in find_attributions(d["body"], style=style)]
            ngold += len(gs)
            npred += len(ps)
            rest = list(gs)
            for x in ps:
                if x in rest:
                    rest.remove(x)
                    tp += 1
    assert tp / ngold >= 0.5 and tp / npred >= 0.5


def test_a_named_person_described_by_residence_is_the_source_not_the_place():
    (a,) = find_attributions("Sumarni (54), warga RW 05 Bidara Cina, mengaku sedikit lega melihat pompa terpasang.")
    assert a["source"] == "Sumarni, warga RW 05 Bidara Cina"


@pytest.mark.parametrize("body, source", [
    # the part with an age is the person, the other part where they live
    ("Warga Kelurahan Pabuaran, Suryani (34), mengaku anaknya sempat dirawat.", "Suryani, Warga Kelurahan Pabuaran"),
    # a country after `asal` is where the person comes from
    ("Salah satu wisatawan asal Jerman, Markus Lehmann, mengaku kagum dengan ombaknya.", "Markus Lehmann, Jerman"),
    # `Haji` is a title of the name, like `H.`
    ("Ketua Himpunan Pedagang Pasar Terong, Haji Baso Tang, mengatakan pedagang sudah pindah.",
     "Haji Baso Tang, Ketua Himpunan Pedagang Pasar Terong"),
    # after `menurut`, an office then the name between commas
    ("Hal itu menurut Kepala Pusat Standar dan Kebijakan Pendidikan Kemendikdasmen, Dimas Aryasatya, kemarin.",
     "Dimas Aryasatya, Kepala Pusat Standar dan Kebijakan Pendidikan Kemendikdasmen"),
])
def test_which_comma_part_is_the_person(body, source):
    assert sources(body) == [source]


def test_a_bodys_name_that_lists_its_fields_is_one_organisation():
    body = "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) mencatat pusat gempa berada di darat."
    a = find_attributions(body)
    assert [(x["source"], x["kind"]) for x in a] == [("Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)", "organisation")]
