"""NER: CoNLL reading and tag sets, spans and scoring, tokenizer, gazetteer, features and word classes,
the fast tagger against CRFsuite, the shipped model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from warta.understand.ner import conll
from warta.understand.ner.score import report, score
from warta.understand.ner.tokenize import sentences, tokenize, tokenize_sentences

ROOT = Path(__file__).resolve().parents[1]
NER_DATA = ROOT.parent / "shared" / "data" / "ner"
needs_shared = pytest.mark.skipif(not NER_DATA.is_dir(), reason="../shared/data/ner is absent: the NER datasets are third-party data kept outside the repository")


# -- spans and tag schemes ---------------------------------------------------------------------
def test_spans_same_for_iob1_iob2_bilou():
    iob2 = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-LOC", "O", "B-ORG"]
    iob1 = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-LOC", "O", "I-ORG"]
    bilou = ["B-PER", "L-PER", "O", "U-LOC", "B-LOC", "L-LOC", "O", "U-ORG"]
    want = [("PER", 0, 2), ("LOC", 3, 4), ("LOC", 4, 6), ("ORG", 7, 8)]
    assert conll.spans(iob2) == conll.spans(iob1) == conll.spans(bilou) == want


def test_stray_inside_tag_opens_a_span_and_type_change_closes_one():
    assert conll.spans(["O", "I-PER", "I-ORG", "I-ORG"]) == [("PER", 1, 2), ("ORG", 2, 4)]


def test_tags_from_spans_round_trip():
    sp = [("PER", 0, 2), ("LOC", 3, 4)]
    for scheme in ("IOB", "BILOU"):
        assert conll.spans(conll.tags_from_spans(sp, 5, scheme)) == sp


def test_dataset_tag_sets_map_to_warta_types():
    s = conll.Sentence(["a", "b", "c", "d", "e", "f"], ["B-PPL", "I-PPL", "B-IND", "B-EVT", "B-PLACE", "B-TIME"])
    conll.normalise(s)
    assert s.tags == ["B-PER", "I-PER", "B-ORG", "O", "B-LOC", "O"]


def test_read_conll_crlf_three_columns_and_tabs(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"Saya PRON O\r\nJoko PROPN B-PER\r\nWidodo PROPN I-PER\r\n\r\n-DOCSTART- O\r\n\r\nke\tO\nBali\tB-PLC\n")
    sents = conll.read_conll(p)
    assert [s.tokens for s in sents] == [["Saya", "Joko", "Widodo"], ["ke", "Bali"]]
    assert sents[0].tags == ["O", "B-PER", "I-PER"] and sents[1].tags == ["O", "B-PLC"]


def test_read_inline_xml(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("Kata <PERSON>Arie Sujito</PERSON> di <LOCATION>Bali</LOCATION>, <TIME>Selasa</TIME>.\n", encoding="utf-8")
    (s,) = conll.read_inline_xml(p, tokenize)
    conll.normalise(s)
    assert s.tokens == ["Kata", "Arie", "Sujito", "di", "Bali", ",", "Selasa", "."]
    assert conll.spans(s.tags) == [("PER", 1, 3), ("LOC", 4, 5)]


# -- scoring -------------------------------------------------------------------------------------
def test_score_exact_span_micro_f1():
    gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]]
    pred = [["B-PER", "O", "O", "B-LOC"], ["B-ORG", "O"]]  # PER span too short: wrong
    r = score(gold, pred)
    assert r["overall"]["precision"] == pytest.approx(2 / 3)
    assert r["overall"]["recall"] == pytest.approx(2 / 3)
    assert r["per_type"]["PER"]["f1"] == 0.0 and r["per_type"]["LOC"]["f1"] == 1.0
    assert report(r).splitlines()[-1] == "entity_f1: 0.667"


# -- tokenizer -----------------------------------------------------------------------------------
def test_tokens_like_the_training_data():
    t = 'Dr. M. Nuh (Jokowi-JK) ke Kompas.com, Senin (2/12/2014): naik 10% jadi 1.000,50.'
    toks = [t[a:b] for a, b in tokenize(t)]
    assert toks == ["Dr", ".", "M", ".", "Nuh", "(", "Jokowi-JK", ")", "ke", "Kompas.com", ",", "Senin", "(",
                    "2/12/2014", ")", ":", "naik", "10%", "jadi", "1.000,50", "."]


def test_sentences_not_cut_after_abbreviations_or_initials():
    t = 'Kata Dr. Budi dan M. Nuh di Jl. Sudirman. "Kami siap," ujarnya! Lalu pulang.\nBaris baru'
    got = [t[a:b] for a, b in sentences(t)]
    assert got == ['Kata Dr. Budi dan M. Nuh di Jl. Sudirman.', '"Kami siap," ujarnya!', "Lalu pulang.", "Baris baru"]
    for sent in tokenize_sentences(t):
        for a, b in sent:
            assert t[a:b].strip() == t[a:b] and t[a:b]


# -- gazetteer ----------------------------------------------------------------------------------------
def test_gazetteer_countries_provinces_aliases():
    from warta.understand.ner.gazetteer import gazetteer

    g = gazetteer()
    assert (g.lookup("China").canonical, g.lookup("China").code) == ("Tiongkok", "CN")
    assert g.lookup("Tiongkok").code == "CN"
    assert g.lookup("AS").code == "US" and g.lookup("as") is None  # short capitals only as written
    assert g.lookup("Rusia").code == "RU" and g.lookup("Inggris").code == "GB"
    assert (g.lookup("Jabar").canonical, g.lookup("Jabar").code) == ("Jawa Barat", "ID-JB")
    assert g.lookup("DKI Jakarta").code == "ID-JK"
    assert g.lookup("Jokowi").canonical == "Joko Widodo"
    assert g.lookup("Kota Depok").code is None and g.lookup("Kota Depok").type == "LOC"


def test_every_kemendagri_province_has_an_iso_code():
    from lokal.provinces import PROVINCES

    from warta.understand.ner.gazetteer import gazetteer

    codes = gazetteer().province_codes
    assert set(codes) == set(PROVINCES)
    assert len(set(codes.values())) == len(PROVINCES)
    assert all(c.startswith("ID-") and len(c) == 5 for c in codes.values())


# -- the shipped model and `warta eval --ner` ---------------------------------------------------------
def test_shipped_model_is_there_with_its_readme():
    d = ROOT / "src" / "warta" / "models" / "ner"
    assert (d / "crf.model").stat().st_size < 20e6
    readme = (d / "README.md").read_text(encoding="utf-8")
    assert "make train-ner" in readme and "MIT" in readme and "CC BY-SA" in readme


def test_eval_ner_cli_last_line(tmp_path):
    p = tmp_path / "g.conll"
    p.write_text("Presiden\tO\nJoko\tB-PER\nWidodo\tI-PER\nberkunjung\tO\nke\tO\nJepang\tB-LOC\n.\tO\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "warta.cli", "eval", "--ner", str(p)],
                         capture_output=True, text=True, check=True).stdout
    last = out.strip().splitlines()[-1]
    assert last.startswith("entity_f1: ") and 0.0 <= float(last.split()[1]) <= 1.0


@needs_shared
def test_training_data_never_holds_a_dev_sentence_nor_pfsa():
    from warta.understand.ner import datasets as D
    from warta.understand.ner.train import TRAIN_SETS, dev_splits, training_data

    assert "pfsa-id" not in TRAIN_SETS
    with pytest.raises(ValueError):
        training_data(("pfsa-id",))
    devkeys = {k for v in dev_splits().values() for s in v if len(k := D.text_key(s.tokens)) > 15}
    sents, _ = training_data()
    assert not any(D.text_key(s.tokens) in devkeys for s in sents)


@needs_shared
def test_shipped_model_on_idner_dev():
    from warta.understand.ner import datasets as D
    from warta.understand.ner.model import load_tagger

    dev = D.read("idner-news-2k", "dev")
    tagger = load_tagger()
    r = score([s.tags for s in dev], [tagger.tag(s.tokens) for s in dev])
    assert r["overall"]["f1"] >= 0.84  # measured at training time: see models/ner/README.md


# -- features, word classes, the fast tagger --------------------------------------------------------
# Project-written sentences in the style of Indonesian news, with their entities.
_TRAIN = [
    ("Presiden Joko Widodo meresmikan Bendungan Sukamahi di Kabupaten Bogor , Jawa Barat , Senin .",
     [("PER", 1, 3), ("LOC", 4, 6), ("LOC", 7, 9), ("LOC", 10, 12)]),
    ("Menurut Kepala BMKG Dwikorita Karnawati , hujan lebat turun di Jakarta sore ini .",
     [("ORG", 2, 3), ("PER", 3, 5), ("LOC", 10, 11)]),
    ("Partai Golkar menggelar rapat di Hotel Sultan , kata Ketua Umum Bahlil Lahadalia .",
     [("ORG", 0, 2), ("LOC", 5, 7), ("PER", 11, 13)]),
    ("Warga Desa Sukamaju mengadu ke Dewan Perwakilan Rakyat Daerah ( DPRD ) Kabupaten Garut .",
     [("LOC", 1, 3), ("ORG", 5, 9), ("ORG", 10, 11), ("LOC", 12, 14)]),
    ("Bank Indonesia menahan suku bunga acuan , ujar Gubernur BI Perry Warjiyo di Jakarta .",
     [("ORG", 0, 2), ("ORG", 9, 10), ("PER", 10, 12), ("LOC", 13, 14)]),
    ("gubernur jawa tengah ahmad luthfi meninjau banjir di kota semarang bersama basarnas .",
     [("LOC", 1, 3), ("PER", 3, 5), ("LOC", 8, 10), ("ORG", 11, 12)]),
    ("Polres Metro Bekasi menangkap dua pelaku pencurian di Tambun Selatan .",
     [("ORG", 0, 3), ("LOC", 8, 10)]),
    ("Siti Nurhaliza dari Universitas Gadjah Mada meraih beasiswa ke Jepang .",
     [("PER", 0, 2), ("ORG", 3, 6), ("LOC", 9, 10)]),
]
_TAG = [
    "Wakil Presiden Gibran Rakabuming Raka berkunjung ke Kota Surakarta , Jawa Tengah , Selasa ( 4/2 ) .",
    "kepala bnpb suharyanto meninjau lokasi longsor di kabupaten cianjur .",
    "Jokowi",
    "Ketua DPRD Garut | Euis Ida Wartiah | mengatakan , \" Kami menunggu keputusan Kementerian Dalam Negeri . \"",
    ("Ia tiba di Bandara Soekarno-Hatta pukul 10.30 WIB dan langsung menuju Istana Merdeka untuk bertemu Presiden "
     "Prabowo Subianto serta Menteri Luar Negeri Sugiono yang baru kembali dari Beijing , Tiongkok , dalam rangka "
     "kunjungan kerja selama tiga hari yang membahas kerja sama perdagangan , investasi , dan pendidikan tinggi ."),
]


def _tiny_model(tmp_path, fs=None, lexicon=None, domains=True):
    from warta.understand.ner import crf

    sents = []
    for i, (text, sp) in enumerate(_TRAIN):
        toks = text.split()
        s = conll.Sentence(toks, conll.tags_from_spans(sp, len(toks)), "nerp" if text.islower() else "idner-news-2k")
        sents.append(s)
    from warta.understand.ner.features import Extractor
    from warta.understand.ner.train import DOMAINS

    ex = Extractor(fs, lexicon)
    path = tmp_path / "tiny.model"
    crf.train(sents, str(path), {"max_iterations": 50}, domains=DOMAINS if domains else None, extractor=ex)
    return path, ex


@pytest.mark.parametrize("window", [1, 2, 3])
def test_fast_tagger_tags_as_crfsuite_does(tmp_path, window):
    from warta.understand.ner.crf import CRFTagger
    from warta.understand.ner.fastcrf import FastTagger
    from warta.understand.ner.features import FeatureSet

    path, ex = _tiny_model(tmp_path, FeatureSet(window=window, neighbour_flags=window == 3))
    fast, ref = FastTagger(path, domains=True, extractor=ex), CRFTagger(str(path), domains=True, extractor=ex)
    sents = [t.split() for t in _TAG] + [[]] + [t.split() for t, _ in _TRAIN]
    sents.append(" ".join(_TAG).split())  # one sentence longer than 64 tokens
    want = [ref.tag(s) for s in sents]
    assert fast.tag_many(sents) == want  # all sentences at once
    assert [fast.tag(s) for s in sents] == want  # one at a time
    assert any(t != "O" for tags in want for t in tags)  # the tiny model does tag names
    if window == 2:  # more sentences than one batch holds; word tables emptied in between
        assert fast.tag_many(sents * 50) == want * 50
        for view in fast._views.values():
            view.forget_if_full(limit=1)
            assert not view.slot
        assert fast.tag_many(sents) == want


def test_fast_tagger_without_domain_copies_and_with_gazetteer_features(tmp_path):
    from warta.understand.ner.crf import CRFTagger
    from warta.understand.ner.fastcrf import FastTagger
    from warta.understand.ner.features import FeatureSet

    path, ex = _tiny_model(tmp_path, FeatureSet(gazetteer=True), domains=False)
    fast, ref = FastTagger(path, extractor=ex), CRFTagger(str(path), extractor=ex)
    sents = [t.split() for t in _TAG]
    assert fast.tag_many(sents) == [ref.tag(s) for s in sents]


def test_read_crfsuite_model_file(tmp_path):
    from warta.understand.ner.fastcrf import read_crfsuite

    path, _ = _tiny_model(tmp_path)
    m = read_crfsuite(path)
    assert "O" in m.labels and "U-LOC" in m.labels and m.transitions.shape == (len(m.labels),) * 2
    assert "w=jakarta" in m.attributes and "news:w=jakarta" in m.attributes
    assert len(m.state_attr) == len(m.state_label) == len(m.state_weight) > 0
    (tmp_path / "bad.model").write_bytes(b"not a model")
    with pytest.raises(ValueError):
        read_crfsuite(tmp_path / "bad.model")


def test_neighbour_features_name_the_word_where_it_lies():
    from warta.understand.ner.features import Extractor, FeatureSet

    ex = Extractor(FeatureSet(window=2))
    feats = ex.sentence_features(["Kata", "Presiden", "Prabowo", "di", "Jakarta"])
    assert "-1w=presiden" in feats[2] and "-1pertitle" in feats[2] and "+2w=jakarta" in feats[2]
    assert "-2w=kata" in feats[2] and "+1w=di" in feats[2] and "-1w|w=presiden|prabowo" in feats[2]
    assert "run=B3" in feats[0] and "run=E3" in feats[2] and "run=S1" in feats[4]
    assert "BOS" in feats[0] and "title_first" in feats[0] and "EOS" in feats[4]
    with_domain = ex.sentence_features(["di", "Jakarta"], "news")
    assert "news:w=jakarta" in with_domain[1] and "w=jakarta" in with_domain[1]


def test_lexicon_classes_build_save_load(tmp_path):
    from warta.understand.ner.features import Extractor, FeatureSet
    from warta.understand.ner.lexicon import Lexicon, build

    sents = [t.split() for t, _ in _TRAIN] * 3
    lex = build(sents, sents, columns=("cr",))
    assert lex.table["jakarta"] == ("cap",) and lex.table["di"] == ("low",)
    lex.save(tmp_path / "lexicon.tsv")
    again = Lexicon.load(tmp_path / "lexicon.tsv")
    assert again.table == lex.table and again.columns == lex.columns
    assert again.classes("jakarta") == ["cr=cap"] and again.classes("kata-yang-tidak-ada") == []
    ex = Extractor(FeatureSet(lexicon=True), again)
    feats = ex.sentence_features(["ke", "Jakarta"])
    assert "cr=cap" in feats[1] and "-1cr=low" in feats[1]


def test_clusters_group_words_by_their_neighbours_the_same_way_every_time():
    import random

    from warta.understand.ner.lexicon import cluster_classes

    rng = random.Random(0)
    names, places = ["Budi", "Siti", "Andi", "Rina"], ["Jakarta", "Bandung", "Medan", "Garut"]
    sents = [[rng.choice(names), rng.choice(["pergi", "pulang", "tiba"]), rng.choice(["ke", "dari"]), rng.choice(places),
              rng.choice(["kemarin", "pagi", "sore"]), "."] for _ in range(300)]
    cl = cluster_classes(sents, ks=(2, 4, 8))
    fine = {w: c[2] for w, c in cl.items()}  # the finest of the three granularities (8 clusters)
    assert fine["budi"] == fine["siti"] == fine["andi"] == fine["rina"]
    assert fine["pergi"] == fine["pulang"] == fine["tiba"] != fine["budi"]
    assert fine["ke"] == fine["dari"] and fine["jakarta"] != fine["budi"]
    assert cluster_classes(sents, ks=(2, 4, 8)) == cl


def test_feature_set_json_round_trip_and_card_of_the_shipped_model():
    import json

    from warta.understand.ner.features import FeatureSet

    fs = FeatureSet(window=3, lexicon=True)
    assert FeatureSet.from_json(fs.to_json()) == fs and FeatureSet.from_json(None) == FeatureSet()
    card = json.loads((ROOT / "src" / "warta" / "models" / "ner" / "crf.json").read_text(encoding="utf-8"))
    assert FeatureSet.from_json(card["features"]) == FeatureSet()  # the shipped model's features
    assert set(card["dev"]) == {"idner-news-2k", "nergrit", "nerp"}


def test_shipped_model_tags_a_news_sentence_and_agrees_with_crfsuite():
    from warta.understand.ner.model import load_reference_tagger, load_tagger

    text = ("Presiden Joko Widodo bertemu Gubernur Jawa Barat Ridwan Kamil di Gedung Sate, Bandung, Senin (3/2/2025). "
            "Keduanya membahas banjir di Kabupaten Bekasi bersama Badan Nasional Penanggulangan Bencana (BNPB).")
    sents = [[text[a:b] for a, b in s] for s in tokenize_sentences(text)]
    tags = load_tagger().tag_many(sents)
    found = {(t, " ".join(ws[i:j])) for ws, tg in zip(sents, tags) for t, i, j in conll.spans(tg)}
    assert {("PER", "Joko Widodo"), ("PER", "Ridwan Kamil"), ("LOC", "Bandung")} <= found
    assert any(t == "ORG" and "Badan Nasional" in name for t, name in found)
    ref = load_reference_tagger()
    assert tags == [ref.tag(s) for s in sents]
