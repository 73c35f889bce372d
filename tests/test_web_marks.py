"""The web app's escaping and marking of corpus text, its charts and link helpers (no store needed)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from warta.web.charts import bar_chart
from warta.web.marks import Span, mark_text, paragraphs
from warta.web.render import month_end, outside_url, path_part, query_string

HL = (("class", "hl"),)


class _Balance(HTMLParser):
    """Checks that tags open and close in order and collects the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Balance:
    p = _Balance()
    p.feed(html)
    p.close()
    return p


def test_text_is_escaped_before_it_is_marked():
    text = 'Peretas menulis <script>alert("x")</script> & <img src=x onerror=alert(1)> di situs.'
    html = mark_text(text, [Span(0, 7, "mark", HL)])
    assert "<script>" not in html and "<img" not in html
    assert html.startswith('<mark class="hl">Peretas</mark>')
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &lt;img" in html
    assert "".join(_parse(html).text) == text


def test_spans_are_offsets_into_the_unescaped_text():
    text = "a < b & c"
    html = mark_text(text, [Span(6, 7, "mark", HL)])  # the `&`
    assert html == 'a &lt; b <mark class="hl">&amp;</mark> c'


def test_nested_and_crossing_spans_give_balanced_html():
    text = "Gubernur Jawa Barat Dedi Mulyadi"
    spans = [Span(0, 19, "mark", (("class", "a"),)), Span(9, 24, "mark", (("class", "b"),)),
             Span(20, 32, "a", (("href", "/entity/x"),))]
    html = mark_text(text, spans)
    parsed = _parse(html)
    assert parsed.ok and not parsed.stack
    assert "".join(parsed.text) == text


def test_spans_outside_the_text_and_unknown_tags_are_ignored():
    assert mark_text("abc", [Span(2, 9), Span(-1, 2), Span(1, 1), Span(0, 1, "script")]) == "abc"


def test_attribute_values_are_escaped():
    html = mark_text("x", [Span(0, 1, "mark", (("title", '"><script>alert(1)</script>'),))])
    assert "<script>" not in html and "&#34;&gt;&lt;script&gt;" in html


@given(st.text(alphabet='ab<>&"\' \n', max_size=40),
       st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=6))
def test_any_text_and_spans_give_balanced_html_with_the_text_intact(text, pairs):
    spans = [Span(a, b, "mark", (("class", f"s{i}"),)) for i, (a, b) in enumerate(pairs)]
    html = mark_text(text, spans)
    parsed = _parse(html)
    assert parsed.ok and not parsed.stack
    assert "".join(parsed.text) == text
    assert not re.search(r"<(?!/?mark\b)", html)  # no tag but the marks


def test_paragraphs_cut_spans_at_line_breaks():
    text = "Satu dua.\n\nTiga empat."
    out = paragraphs(text, [Span(5, 15, "mark", HL)])
    assert [str(p) for p in out] == ['Satu <mark class="hl">dua.</mark>', '<mark class="hl">Tiga</mark> empat.']


def test_bar_chart_draws_a_bar_per_period_and_escapes_labels():
    svg = bar_chart([("2025-01", 3), ("<b>", 1)], label="Artikel <x>")
    assert svg.count('<rect class="bar"') == 2
    assert "<b>" not in svg and "&lt;b&gt;" in svg and "Artikel &lt;x&gt;" in svg
    assert "No dated data" in bar_chart([], label="x")


def test_outside_links_only_for_http_urls():
    assert outside_url("https://kabar.example/a?b=1") == "https://kabar.example/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "", None, "//evil.example"):
        assert outside_url(bad) is None


def test_path_part_and_query_string_quote_what_they_carry():
    assert path_part("PER:Joko Widodo/x?y") == "PER%3AJoko%20Widodo%2Fx%3Fy"
    assert query_string({"q": "banjir & rob", "page": 2, "outlet": None}, page=None) == "?q=banjir+%26+rob"
    assert month_end("2024-02") == "2024-02-29" and month_end("x") is None
