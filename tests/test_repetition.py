"""Template paragraphs learned from a corpus: the repeated line goes, the article stays."""

from __future__ import annotations

import warta
from warta.article import RawDoc
from warta.clean.repetition import TemplateLines

PROMO = "Dukung jurnalisme lokal dengan berlangganan edisi cetak kami"


def page(i: int, host: str = "kabarlembah.id") -> RawDoc:
    text = (
        f"Warga desa nomor {i} menggelar kerja bakti membersihkan saluran air menjelang musim hujan.\n"
        f"{PROMO}\n"
        f"Kepala desa mengatakan kegiatan serupa akan digelar setiap bulan hingga akhir tahun, dan {i} kelompok ikut.\n"
    )
    return RawDoc(id=str(i), content=text, kind="text", url=f"https://{host}/read/{i}")


def test_a_line_repeated_across_an_outlets_pages_is_removed_only_with_the_corpus() -> None:
    pages = [page(i) for i in range(5)]
    alone = warta.process(pages[0].content, url=pages[0].url)
    assert PROMO in alone.body  # one page by itself gives no such signal
    arts = list(warta.process_many(pages))
    for art in arts:
        assert PROMO not in art.body
        assert "kerja bakti" in art.body and "Kepala desa" in art.body
        assert [r.text for r in art.removed] == [PROMO]


def test_other_hosts_and_duplicates_do_not_make_a_template() -> None:
    t = TemplateLines()
    for i in range(4):
        t.learn(page(i).content, f"host{i}.id")  # the same line on different outlets
    dup = page(9).content
    for _ in range(5):
        t.learn(dup, "kabarlembah.id")  # the same page five times counts once
    t.freeze()
    assert t.pieces(page(1).content, "host1.id") == []
    assert t.pieces(dup, "kabarlembah.id") == []


def test_long_sentences_are_never_templates() -> None:
    sentence = ("Sebelumnya diberitakan, pemerintah kabupaten telah menyiapkan anggaran khusus untuk "
                "perbaikan saluran air di seluruh desa sejak awal tahun ini.")
    t = TemplateLines()
    for i in range(5):
        t.learn(f"Paragraf pembuka nomor {i} tentang kegiatan warga desa.\n{sentence}\n", "kabarlembah.id")
    t.freeze()
    assert t.pieces(f"Pembuka.\n{sentence}\n", "kabarlembah.id") == []
