"""Invariants that must hold for any input (hypothesis).

- cleaning only deletes: the body's tokens are a subsequence of the input's tokens (a cut through
  a glued word, `Baca Juga:Judul LainKalimat`, makes two tokens of one: the input is tokenised
  with its cut points as boundaries);
- every removed piece is the input text at its offsets;
- processing is deterministic;
- nothing raises, whatever text, bytes or HTML comes in.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import warta
from warta.clean.text import clean_text
from warta.read.decode import decode_bytes

TOKEN = re.compile(r"\w+")

# Text built from the pieces portal pages are made of, so that the rules actually fire.
FRAGMENTS = [
    "JAKARTA, KABARKITA.COM - ", "Baca Juga:", "BACA JUGA: ", "Baca juga ", "Artikel Terkait", "Berita Terkait\n",
    "Penulis: Andi Wijaya", "Editor : Budi", "(ant/red)", "(Tim)", "(*)", "(Foto: Dok. Humas)", "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT", "Tag: banjir, jakarta", "Copyright © 2025 Kabar Kita", "Halaman 1 2 3",
    "Simak berita lainnya di Google News.", "0 Komentar", "Share", "\n", "\n\n", " ", ". ", ", ", "“", "”", "(", ")",
    "Pemerintah Kota Menambah Armada Bus", "warga mengeluhkan kemacetan panjang", "kata dia.", "ujarnya, Senin (3/3/2025).",
    "Sementara itu", "Ia menambahkan", "2. ", "InflasiBPJS", "https://contoh.id/a", "|", "—", "-", "•",
]
page_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=30)), max_size=40).map("".join)


def is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(t == b for b in it) for t in small)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page_text)
def test_cleaning_only_deletes(text: str) -> None:
    c = clean_text(text)
    cuts = sorted({x for p in c.pieces for x in (p.start, p.end)})
    marked = "".join(text[a:b] + " " for a, b in zip([0, *cuts], [*cuts, len(text)]))
    assert is_subsequence(TOKEN.findall(c.body), TOKEN.findall(marked))
    assert is_subsequence(list(c.body.replace(" ", "").replace("\n", "")), list(text.replace(" ", "").replace("\n", "")))
    for p in c.pieces:
        assert 0 <= p.start < p.end <= len(text)


@settings(max_examples=150, deadline=None)
@given(page_text, st.sampled_from([None, "https://kabarkita.com/read/2025/03/01/pemerintah-kota-menambah-armada-bus"]))
def test_processing_is_deterministic_and_removed_pieces_point_into_the_input(text: str, url: str | None) -> None:
    a, b = warta.process(text, url=url), warta.process(text, url=url)
    assert a.to_dict() == b.to_dict()
    if a.format != "html":
        for r in a.removed:
            assert text[r.start:r.end] == r.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000))
def test_arbitrary_text_never_raises(text: str) -> None:
    warta.process(text)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    text, _encoding = decode_bytes(data)
    warta.process(text)


html_fragment = st.lists(
    st.one_of(
        st.sampled_from(["<html>", "<body>", "<div class='content'>", "<p>", "</p>", "<article>", "<br>", "</div>",
                         "<script>x()</script>", "<ul class='related'><li><a href='/a'>Judul</a></li></ul>", "<!--",
                         "<figure><figcaption>Foto: Dok</figcaption></figure>", "<meta property='og:title' content='T'>",
                         "<p>Baca Juga: <a href='/b'>Judul Lain</a></p>", "&amp;", "&#34;", "<", ">", "</"]),
        st.text(max_size=40),
    ),
    max_size=40,
).map(lambda parts: "<html><body>" + "".join(parts))


@settings(max_examples=150, deadline=None)
@given(html_fragment)
def test_arbitrary_html_never_raises(html: str) -> None:
    art = warta.process(html)
    assert art.format == "html"
