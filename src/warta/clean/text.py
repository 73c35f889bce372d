"""Clean a page of text: keep the article's own prose, cut the clutter, say what was cut.

The order of decisions:
1. each paragraph by itself (menu words, list headers, credits, dates, captions);
2. clutter inside paragraphs (markers with their extents, credit labels, initials, captions,
   promo sentences), which is all there is to go on in flat text;
3. the dateline, and before it the template's head (headline, menus, bylines, teasers);
4. list items under list headers, and the template's tail after the last prose paragraph;
5. the headline, through the URL's slug or its shape;
6. in flat text, the keyword tail after the last sentence.
Every decision only ever deletes: the body is the input with pieces cut out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lang import Lexicon, load
from .dateline import Dateline, find_dateline
from .headline import find_slug_title
from .inline import openers, scan
from .patterns import patterns
from .credits import INITIALS_SLASH, initials_names, label_extent
from .regions import is_bare_domain, is_list_item, is_name_line, line_kind, prose_paragraph
from .shape import ends_with_terminal, is_headline_shaped, title_case_ratio, words
from .spans import Para, Piece, body_without, normalise, paragraphs

HEAD_MAX_PARAS = 14
HEAD_MAX_CHARS = 3000
FLAT_DATELINE_WITHIN = 1500


@dataclass
class Cleaned:
    body: str
    pieces: list[Piece]
    flat: bool
    title: str | None = None
    dateline: Dateline | None = None
    authors: list[str] = field(default_factory=list)


def _fill(pieces: list[Piece], start: int, end: int, kind: str, why: str, text: str) -> None:
    """Cover [start, end) with `kind` where no piece lies yet, so finer pieces keep their kinds."""
    inside = sorted((p for p in pieces if p.end > start and p.start < end), key=lambda p: p.start)
    pos = start
    for p in inside:
        if p.start > pos and text[pos:p.start].strip():
            pieces.append(Piece(pos, p.start, kind, why))
        pos = max(pos, p.end)
    if pos < end and text[pos:end].strip():
        pieces.append(Piece(pos, end, kind, why))


def _kept_chunks(text: str, start: int, end: int, pieces: list[Piece]) -> list[tuple[int, int]]:
    inside = sorted((p for p in pieces if p.end > start and p.start < end), key=lambda p: p.start)
    out, pos = [], start
    for p in inside:
        if p.start > pos and text[pos:p.start].strip():
            out.append((pos, p.start))
        pos = max(pos, p.end)
    if pos < end and text[pos:end].strip():
        out.append((pos, end))
    return out


def _fully_taken(text: str, para: Para, pieces: list[Piece]) -> bool:
    return not _kept_chunks(text, para.start, para.end, pieces)


def _names_in_line(s: str, lex: Lexicon) -> list[str]:
    """Author names in a credit paragraph that has no `label:` (those are read inline):
    `Laporan Wartawan X, Nama`, `EditorNama`, `By Nama`, `Nama - detikinet`, `(Nama)`, `(ren)`,
    or a name alone on a byline line."""
    s = s.strip()
    for p in lex.report_prefixes:
        if s.startswith(p):
            return [s.rsplit(",", 1)[-1].strip()] if "," in s else []
    m = patterns(lex).glued_label.match(s)
    if m:
        return [s[m.end():].strip()]
    for label in sorted(lex.line_labels_author, key=len, reverse=True):
        if s.casefold().startswith(label + " ") and is_name_line(s[len(label) + 1:], lex):
            return [s[len(label) + 1:].strip()]
    if s.startswith("(") and s.endswith(")"):
        inner = s[1:-1].strip()
        if is_name_line(inner, lex):
            return [inner]
        return initials_names(s, lex) if INITIALS_SLASH.fullmatch(s) or inner.isalpha() and inner.islower() else []
    name, sep, rest = s.partition(" - ")
    if sep and is_name_line(name, lex) and len(rest.split()) == 1:
        return [name.strip()]
    if is_name_line(s, lex) and not _label_alone(s, lex):
        return [s.rstrip(",")]
    return []


def _label_alone(s: str, lex: Lexicon) -> bool:
    """A credit label standing alone (`Penulis`, `Editor :`) or a job word (`Jurnalis`)."""
    key = s.strip().rstrip(":").strip().casefold()
    return key in lex.line_labels_author or key in lex.label_kind or key in lex.not_name


def _tag_like(s: str, lex: Lexicon) -> bool:
    """A trailing run of keywords: capitalised or lowercase words with repeats, no sentence."""
    ws = [w.text for w in words(s)]
    if not 2 <= len(ws) <= 40 or any(ch in s for ch in '"“”'):
        return False
    bigrams = list(zip(ws, ws[1:]))
    repeated = len(bigrams) != len(set(bigrams))
    return repeated and title_case_ratio(words(s), lex) >= 0.8


@dataclass
class _Page:
    """What the steps below know about the page so far."""

    text: str
    paras: list[Para]
    flat: bool
    lex: Lexicon
    pieces: list[Piece]
    authors: list[str] = field(default_factory=list)
    whole: dict[int, str] = field(default_factory=dict)  # paragraph index -> its clutter kind
    dateline: Dateline | None = None
    head_end: int = 0  # paragraphs before this index are the template's head
    title: str | None = None
    url: str | None = None

    def para_text(self, i: int) -> str:
        return self.text[self.paras[i].start:self.paras[i].end]


def clean_text(text: str, url: str | None = None, title_hint: str | None = None,
               flat: bool | None = None, lex: Lexicon | None = None, known: list[Piece] | None = None) -> Cleaned:
    """Clean `text`; `known` are pieces already judged by other evidence (HTML markup, the corpus)."""
    lex = lex or load()
    paras = paragraphs(text)
    if flat is None:
        flat = len(paras) == 1 and len(text) > 400
    page = _Page(text, paras, flat, lex, list(known or []), title=title_hint, url=url)
    _judge_paragraphs(page)
    _find_dateline(page)
    _find_head_end(page)
    _headline_and_head(page, url)
    if not flat:
        _list_items(page)
        _tail(page)
    _leftovers(page)
    pieces = normalise(page.pieces, text)
    seen: list[str] = []
    for a in page.authors:
        a = a.strip(" ,;|")
        if a and a not in seen and a.casefold() not in lex.credit_only_lines:
            seen.append(a)
    return Cleaned(body=body_without(text, pieces, flat), pieces=pieces, flat=flat, title=page.title,
                   dateline=page.dateline, authors=seen)


def _judge_paragraphs(page: _Page) -> None:
    """1-2. Each paragraph by itself, then the clutter inside it."""
    text, lex = page.text, page.lex
    opens = openers(text, 0, len(text), lex)
    for i, p in enumerate(page.paras):
        s = text[p.start:p.end]
        if i - 1 in page.whole and _label_alone(page.para_text(i - 1), lex) and s.startswith(":"):
            # `Penulis` / `: Kontributor Lhokseumawe, Masriadi`: a label and its names split
            # over two lines by the page's layout
            page.whole[i] = "credit"
            page.pieces.append(Piece(p.start, p.end, "credit", "label-names"))
            page.authors.extend(label_extent(text, p.start + 1, p.end, lex)[1])
            continue
        k = line_kind(s, lex) if not page.flat else None
        if k is None:
            k = next((q.kind for q in page.pieces if q.start <= p.start and p.end <= q.end), None)
        if k:
            page.whole[i] = k
            page.pieces.append(Piece(p.start, p.end, k, "line"))
            if k == "credit":
                page.authors.extend(_names_in_line(s, lex) or scan(text, p.start, p.end, lex, opens).authors)
                page.authors.extend(scan(text, p.start, p.end, lex).authors)
            continue
        f = scan(text, p.start, p.end, lex, opens)
        page.pieces.extend(f.pieces)
        page.authors.extend(f.authors)


# a capital or a lowercase domain (`eBrita.com -`) after white space, with the dateline's dash,
# comma, colon or parenthesis within reach
_FLAT_DATELINE_START = re.compile(r"(?<=\s)(?:[A-Z]|[a-z]\w*\.[a-z])(?=[^\n]{0,60}?(?:-|–|—|−|,|:|\())")


def _find_dateline(page: _Page) -> None:
    """3. The dateline: at the start of one of the first paragraphs; in flat text, also after a
    head of clutter (`... Listen to this article JAKARTA lintasjatimnews – ...`)."""
    text, lex = page.text, page.lex
    for i, p in enumerate(page.paras[:HEAD_MAX_PARAS]):
        if p.start > HEAD_MAX_CHARS:
            break
        if i in page.whole:
            continue
        dl = find_dateline(text, p.start, p.end, lex)
        if dl:
            page.dateline = dl
            if not page.flat:
                page.head_end = i
            break
    if page.dateline is None and page.flat and page.paras:
        p = page.paras[0]
        # candidate starts: a capital, or a lowercase domain (`eBrita.com -`) after white space
        for m in _FLAT_DATELINE_START.finditer(text, p.start, min(p.end, p.start + FLAT_DATELINE_WITHIN)):
            pos = m.start()
            if any(q.start <= pos < q.end for q in page.pieces if q.kind != "other"):
                continue
            dl = find_dateline(text, pos, p.end, lex, strong_only=True)
            if dl:
                page.dateline = dl
                break
    if page.dateline is None and page.flat and page.paras:
        # A page that opens with its own headline (the URL's slug) has its template's head
        # there: a bare place and a dash soon after it (`JAKARTA -`) is the dateline.
        p = page.paras[0]
        head = find_slug_title(text, page.url, p.start, min(p.end, p.start + 400))
        if head and head[0] - p.start < 50:
            for m in _FLAT_DATELINE_START.finditer(text, head[1], min(p.end, head[1] + FLAT_DATELINE_WITHIN)):
                if any(q.start <= m.start() < q.end for q in page.pieces if q.kind != "other"):
                    continue
                dl = find_dateline(text, m.start(), p.end, lex)
                if dl:
                    page.dateline = dl
                    break
    if page.dateline is not None:
        page.pieces.append(Piece(page.dateline.start, page.dateline.end, "dateline", "dateline"))


def _find_head_end(page: _Page) -> None:
    """Without a dateline, a page's article starts at its first prose paragraph."""
    if page.flat or page.dateline is not None:
        return
    for i, p in enumerate(page.paras[:HEAD_MAX_PARAS]):
        if i in page.whole or _fully_taken(page.text, p, page.pieces):
            continue
        s = page.para_text(i)
        # a long paragraph, or a short sentence with its full stop and a lowercase word
        # (`Gempa mengguncang Bali.`): headlines, dates and menus end without one
        short_sentence = len(s.split()) >= 3 and s.rstrip(page.lex.closing_quotes).endswith(".") and (
            title_case_ratio(words(s), page.lex) < 0.9)
        if prose_paragraph(s, page.lex) or short_sentence:
            page.head_end = i
            break


def _headline_and_head(page: _Page, url: str | None) -> None:
    """5. The headline (HTML metadata, the URL's slug, or the head's shape), and the head itself:
    everything before the article's start is the template's."""
    text, lex, paras = page.text, page.lex, page.paras
    if page.dateline is not None:
        head_stop = page.dateline.start
    else:
        head_stop = paras[page.head_end].start if paras and page.head_end < len(paras) else 0
    slug_span = find_slug_title(text, url, 0, head_stop) if head_stop else None
    if slug_span is None and url:
        # the headline inside template clutter (a ticker), but not in the body
        for q in page.pieces:
            slug_span = find_slug_title(text, url, q.start, q.end)
            if slug_span:
                break
    if page.title is None and slug_span:
        page.title = text[slug_span[0]:slug_span[1]].strip()
    if slug_span and slug_span[1] <= head_stop:
        page.pieces.append(Piece(slug_span[0], slug_span[1], "headline", "slug"))

    if page.flat:
        if not paras:
            return
        p = paras[0]
        if page.dateline is not None and page.dateline.start > p.start:
            _fill(page.pieces, p.start, page.dateline.start, "other", "flat-head", text)
        elif page.dateline is None:
            _flat_head_headline(text, p, page.pieces, lex, page.title)
            if page.title is None:
                hp = next((q for q in page.pieces if q.why == "flat-headline"), None)
                if hp:
                    page.title = text[hp.start:hp.end].strip()
        return

    name_run = False
    for i in range(page.head_end):
        p = paras[i]
        s = page.para_text(i)
        if page.title is None and i not in page.whole and is_headline_shaped(s, lex) and not any(
                p.start <= q.start < p.end for q in page.pieces):
            page.title = s.strip()
        if page.title is not None and s.strip().casefold() == page.title.strip().casefold():
            page.pieces.append(Piece(p.start, p.end, "headline", "head-title"))
            continue
        if i in page.whole:
            continue
        # `Nurhadi Saputra • 09 Januari 2025 08:12`: a name, a separator, the date
        byline = _BYLINE_DATE.match(s.strip())
        if byline and is_name_line(byline.group(1), lex) and patterns(lex).date_bit.match(s.strip(), byline.end()):
            page.pieces.append(Piece(p.start, p.end, "credit", "head-byline"))
            page.authors.append(byline.group(1).strip())
            continue
        # bylines without labels: names beside a credit or a date line (`Ardito Ramadhan,`)
        if is_name_line(s, lex) and (name_run or page.whole.get(i + 1) == "credit"
                                     or page.whole.get(i - 1) in ("credit", "other")):
            name_run = True
            page.pieces.append(Piece(p.start, p.end, "credit", "head-names"))
            page.authors.append(s.strip().rstrip(","))
            continue
        _fill(page.pieces, p.start, p.end, "other", "head", text)


_LIST_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]|[-•*▪●])\s*\w")


def _ends_a_list(page: _Page, i: int) -> bool:
    """Whether paragraph i is an item of the article's own list (`Berikut langkahnya:` then
    `1. Buka aplikasi`, `2. Pilih menu`), which may end the article without a full stop."""
    j = i
    while j > page.head_end and _LIST_ITEM.match(page.para_text(j)) and j not in page.whole:
        j -= 1
    return j < i and page.para_text(j).rstrip().endswith(":")


_BYLINE_DATE = re.compile(r"([^•|·–\-]{3,40}?)\s*[•|·–\-]\s*")


def _list_items(page: _Page) -> None:
    """4a. The headlines under a list header (`Artikel Terkait`) are the list's."""
    i = 0
    while i < len(page.paras):
        key = page.para_text(i).strip().rstrip(":").strip().casefold()
        mk = page.lex.line_markers.get(key)
        if not (page.whole.get(i) and mk is not None and mk.opens_list):
            i += 1
            continue
        j = i + 1
        while j < len(page.paras) and j not in page.whole:
            if not is_list_item(page.para_text(j), page.lex, strict=(mk.kind == "read_also")):
                break
            page.pieces.append(Piece(page.paras[j].start, page.paras[j].end, mk.kind, "list-item"))
            j += 1
        i = j


def _tail(page: _Page) -> None:
    """4b. After the last prose paragraph, what is left is the template's (bylines, a footer's
    bare domain, menus)."""
    text, lex, paras = page.text, page.lex, page.paras
    last_prose = None
    for i in range(len(paras) - 1, page.head_end - 1, -1):
        p = paras[i]
        if i in page.whole or _fully_taken(text, p, page.pieces):
            continue
        kept = " ".join(text[a:b] for a, b in _kept_chunks(text, p.start, p.end, page.pieces))
        if ends_with_terminal(kept, lex) or len(kept.split()) >= 12 or _ends_a_list(page, i):
            last_prose = i
            break
    if last_prose is None:
        return
    for i in range(last_prose + 1, len(paras)):
        if i in page.whole:
            continue
        p, s = paras[i], page.para_text(i)
        near_credit = page.whole.get(i - 1) == "credit" or page.whole.get(i + 1) == "credit" or any(
            q.why == "tail-names" and q.start == paras[i - 1].start for q in page.pieces)
        if is_bare_domain(s):
            page.pieces.append(Piece(p.start, p.end, "footer", "tail-domain"))
        elif near_credit and is_name_line(s, lex):
            page.pieces.append(Piece(p.start, p.end, "credit", "tail-names"))
            page.authors.append(s.strip().rstrip(","))
        else:
            _fill(page.pieces, p.start, p.end, "other", "tail", text)


_BARE_URL = re.compile(r"\s*https?://\S+\s*")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*(?=\s|$)")


def _leftovers(page: _Page) -> None:
    """6. A bare URL left between pieces; a keyword tail after the last sentence."""
    text, lex = page.text, page.lex
    for p in page.paras:
        for a, b in _kept_chunks(text, p.start, p.end, page.pieces):
            if _BARE_URL.fullmatch(text, a, b):
                page.pieces.append(Piece(a, b, "other", "bare-url"))
    if not page.paras:
        return
    p = page.paras[-1]
    chunks = _kept_chunks(text, p.start, p.end, page.pieces)
    if not chunks:
        return
    a, b = chunks[-1]
    last_end = None
    for last_end in _SENTENCE_END.finditer(text, a, b):
        pass
    frag_start = last_end.end() if last_end else a
    frag = text[frag_start:b]
    # a fragment right after the closing byline (`... (/) giant sea wall proyek`), or a run of
    # capitalised keywords after the last piece of clutter (`ADVERTISEMENT Kopi Sleman Wisata`)
    after = [q for q in page.pieces if q.end <= a and not text[q.end:a].strip()]
    after_byline = last_end is None and any(q.kind == "credit" for q in after)
    n = len(frag.split())
    keywords_after_clutter = (page.flat and last_end is None and after and n >= 2
                              and not _LIST_ITEM.match(frag) and title_case_ratio(words(frag), lex) >= 0.8)
    if frag.strip() and n <= 40 and not ends_with_terminal(frag, lex) and (
        (after_byline and (page.flat or n <= 12)) or _tag_like(frag, lex) or keywords_after_clutter
    ):
        page.pieces.append(Piece(frag_start, b, "tags", "keyword-tail"))


def _flat_head_headline(text: str, p: Para, pieces: list[Piece], lex: Lexicon, title: str | None) -> None:
    """Flat text that opens with its headline and a byline: `Judul ... Reporter: A | Editor: B`."""
    first = min((q for q in pieces if q.start >= p.start), key=lambda q: q.start, default=None)
    if first is None or first.kind != "credit" or first.start == p.start:
        return
    lead = text[p.start:first.start]
    if len(lead.split()) > 30 or not is_headline_shaped(lead.strip(), lex):
        return
    pieces.append(Piece(p.start, first.start, "headline", "flat-headline"))
    # The headline again right after the byline (an image's caption or alt text).
    head = lead.strip()
    after = first.end
    # past the whole byline: its pieces may be chained by separators (`A | Editor: B | date`)
    chain = sorted((q for q in pieces if q.start >= first.start), key=lambda q: q.start)
    for q in chain:
        if q.start <= after or not re.search(r"\w", text[after:q.start]):
            after = max(after, q.end)
        else:
            break
    while after < p.end and (text[after].isspace() or text[after] in "|"):
        after += 1
    if text.startswith(head, after):
        end = after + len(head)
        while end < p.end and text[end] in "-–—:|":
            end += 1
        pieces.append(Piece(after, end, "caption", "repeated-headline"))
