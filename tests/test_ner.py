"""NER: CoNLL reading and tag sets, spans and scoring, tokenizer, gazetteer, the shipped model."""

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
    assert (d / "crf.model").stat().st_size < 30e6
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
