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
from .inline import scan
from .patterns import patterns
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
    """Author names in a credit paragraph that has no `label:` (those are read inline)."""
    for p in lex.report_prefixes:
        if s.startswith(p):
            return [s.rsplit(",", 1)[-1].strip()] if "," in s else []
    m = patterns(lex).glued_label.match(s)
    if m:
        return [s[m.end():].strip()]
    return []


def _tag_like(s: str, lex: Lexicon) -> bool:
    """A trailing run of keywords: capitalised or lowercase words with repeats, no sentence."""
    ws = [w.text for w in words(s)]
    if not 2 <= len(ws) <= 40 or any(ch in s for ch in '"“”'):
        return False
    bigrams = list(zip(ws, ws[1:]))
    repeated = len(bigrams) != len(set(bigrams))
    return repeated and title_case_ratio(words(s), lex) >= 0.8


def clean_text(text: str, url: str | None = None, title_hint: str | None = None,
               flat: bool | None = None, lex: Lexicon | None = None, known: list[Piece] | None = None) -> Cleaned:
    """Clean `text`; `known` are pieces already judged by other evidence (HTML markup)."""
    lex = lex or load()
    paras = paragraphs(text)
    if flat is None:
        flat = len(paras) == 1 and len(text) > 400
    pieces: list[Piece] = list(known or [])
    authors: list[str] = []
    whole: dict[int, str] = {}

    # 1-2. paragraphs by themselves, then clutter inside them
    for i, p in enumerate(paras):
        s = text[p.start:p.end]
        k = line_kind(s, lex) if not flat else None
        if k is None:
            k = next((q.kind for q in pieces if q.start <= p.start and p.end <= q.end), None)
        if k:
            whole[i] = k
            pieces.append(Piece(p.start, p.end, k, "line"))
            if k == "credit":
                authors.extend(_names_in_line(s, lex))
                if s.startswith("(") and s.endswith(")") and is_name_line(s[1:-1], lex):
                    authors.append(s[1:-1].strip())
                inner = scan(text, p.start, p.end, lex)
                authors.extend(inner.authors)
            continue
        f = scan(text, p.start, p.end, lex)
        pieces.extend(f.pieces)
        authors.extend(f.authors)

    # 3. the dateline and the head before it
    dateline: Dateline | None = None
    d_idx: int | None = None
    for i, p in enumerate(paras[:HEAD_MAX_PARAS]):
        if p.start > HEAD_MAX_CHARS:
            break
        if i in whole:
            continue
        dl = find_dateline(text, p.start, p.end, lex)
        if dl:
            dateline, d_idx = dl, i
            break
    if dateline is None and flat and paras:
        p = paras[0]
        # candidate starts: a capital, or a lowercase domain (`eBrita.com -`) after white space
        for m in re.finditer(r"(?<=\s)(?:[A-Z]|[a-z]\w*\.[a-z])", text[p.start:min(p.end, p.start + FLAT_DATELINE_WITHIN)]):
            pos = p.start + m.start()
            if any(q.start <= pos < q.end for q in pieces if q.kind != "other"):
                continue
            dl = find_dateline(text, pos, p.end, lex, strong_only=True)
            if dl:
                dateline, d_idx = dl, 0
                break
    if dateline is not None:
        pieces.append(Piece(dateline.start, dateline.end, "dateline", "dateline"))

    head_end_para = 0  # paragraphs before this index are the template's head
    if not flat:
        if d_idx is not None:
            head_end_para = d_idx
        else:
            for i, p in enumerate(paras[:HEAD_MAX_PARAS]):
                if i in whole:
                    continue
                if prose_paragraph(text[p.start:p.end], lex) and not _fully_taken(text, p, pieces):
                    head_end_para = i
                    break

    # 5. the headline: from HTML metadata, the URL's slug, or the head's shape
    title = title_hint
    head_stop = dateline.start if dateline is not None else (paras[head_end_para].start if paras and head_end_para < len(paras) else 0)
    slug_span = find_slug_title(text, url, 0, head_stop) if head_stop else None
    if slug_span is None and url:
        sp = find_slug_title(text, url)
        if sp and any(q.start <= sp[0] and sp[1] <= q.end for q in pieces):
            slug_span = sp
    if title is None and slug_span:
        title = text[slug_span[0]:slug_span[1]].strip()
    if slug_span and slug_span[1] <= head_stop:
        pieces.append(Piece(slug_span[0], slug_span[1], "headline", "slug"))

    if not flat:
        name_run = False
        for i in range(head_end_para):
            p = paras[i]
            s = text[p.start:p.end]
            if title is None and i not in whole and is_headline_shaped(s, lex) and not any(
                    p.start <= q.start < p.end for q in pieces):
                title = s.strip()
            if title is not None and s.strip().casefold() == title.strip().casefold():
                pieces.append(Piece(p.start, p.end, "headline", "head-title"))
                continue
            if i in whole:
                continue
            if is_name_line(s, lex) and (name_run or (i + 1 < len(paras) and whole.get(i + 1) == "credit")
                                         or (i > 0 and whole.get(i - 1) in ("credit", "other"))):
                name_run = True
                pieces.append(Piece(p.start, p.end, "credit", "head-names"))
                authors.append(s.strip().rstrip(","))
                continue
            _fill(pieces, p.start, p.end, "other", "head", text)
    elif paras:
        p = paras[0]
        if dateline is not None and dateline.start > p.start:
            _fill(pieces, p.start, dateline.start, "other", "flat-head", text)
        elif dateline is None:
            _flat_head_headline(text, p, pieces, lex, title)
            if title is None:
                hp = next((q for q in pieces if q.why == "flat-headline"), None)
                if hp:
                    title = text[hp.start:hp.end].strip()

    # 4. list items under list headers, and the tail after the last prose paragraph
    if not flat:
        i = 0
        while i < len(paras):
            k = whole.get(i)
            key = text[paras[i].start:paras[i].end].strip().rstrip(":").strip().casefold()
            mk = lex.line_markers.get(key)
            if k and mk is not None and mk.opens_list:
                j = i + 1
                while j < len(paras) and j not in whole:
                    s = text[paras[j].start:paras[j].end]
                    if not is_list_item(s, lex, strict=(mk.kind == "read_also")):
                        break
                    pieces.append(Piece(paras[j].start, paras[j].end, mk.kind, "list-item"))
                    j += 1
                i = j
            else:
                i += 1
        last_prose = None
        for i in range(len(paras) - 1, head_end_para - 1, -1):
            p = paras[i]
            if i in whole or _fully_taken(text, p, pieces):
                continue
            chunks = _kept_chunks(text, p.start, p.end, pieces)
            kept = " ".join(text[a:b] for a, b in chunks)
            if ends_with_terminal(kept, lex) or len(kept.split()) >= 12:
                last_prose = i
                break
        if last_prose is not None:
            for i in range(last_prose + 1, len(paras)):
                p = paras[i]
                s = text[p.start:p.end]
                if i in whole:
                    continue
                near_credit = whole.get(i - 1) == "credit" or whole.get(i + 1) == "credit" or (
                    i > 0 and any(q.why == "tail-names" and q.start == paras[i - 1].start for q in pieces))
                if is_bare_domain(s):
                    pieces.append(Piece(p.start, p.end, "footer", "tail-domain"))
                elif near_credit and is_name_line(s, lex):
                    pieces.append(Piece(p.start, p.end, "credit", "tail-names"))
                    authors.append(s.strip().rstrip(","))
                else:
                    _fill(pieces, p.start, p.end, "other", "tail", text)

    # 6. flat text: a keyword tail after the last sentence; a bare URL left between pieces
    for p in paras:
        chunks = _kept_chunks(text, p.start, p.end, pieces)
        for a, b in chunks:
            if re.fullmatch(r"\s*https?://\S+\s*", text[a:b]):
                pieces.append(Piece(a, b, "other", "bare-url"))
    if paras:
        p = paras[-1]
        chunks = _kept_chunks(text, p.start, p.end, pieces)
        if chunks:
            a, b = chunks[-1]
            seg = text[a:b]
            m = None
            for m in re.finditer(r"[.!?…][\"'”’)]*(?=\s|$)", seg):
                pass
            frag_start = a + (m.end() if m else 0)
            frag = text[frag_start:b]
            # a fragment right after the closing byline (`... (/) giant sea wall proyek`)
            after_piece = m is None and any(
                q.kind == "credit" and q.end <= a and not text[q.end:a].strip() for q in pieces)
            if frag.strip() and len(frag.split()) <= 40 and (
                (after_piece and (flat or len(frag.split()) <= 12) and not ends_with_terminal(frag, lex))
                or _tag_like(frag, lex)
            ):
                pieces.append(Piece(frag_start, b, "tags", "keyword-tail"))

    pieces = normalise(pieces, text)
    body = body_without(text, pieces, flat)
    seen: list[str] = []
    for a in authors:
        a = a.strip(" ,;|")
        if a and a not in seen and a.casefold() not in lex.credit_only_lines:
            seen.append(a)
    return Cleaned(body=body, pieces=pieces, flat=flat, title=title, dateline=dateline, authors=seen)


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
