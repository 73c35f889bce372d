"""The per-document steps, in order. Nothing else lives here.

    raw text ─┐
              ├─ clean (keep prose, cut clutter, record each cut) ─ facts (outlet, published)
    HTML ─ main-content blocks + metadata ─┘       ─ understand: dates (every date and time, ISO 8601),
                                                     sources and quotes (who is cited, who said what),
                                                     entities (people, organisations, places; canonical)
                                                   ─ check: contradictions (with their evidence)

Pure per document: the same RawDoc (and the same learned corpus templates, when given) always
gives the same Article.
"""

from __future__ import annotations

from .article import Article, RawDoc, Removed
from .clean.repetition import TemplateLines
from .clean.spans import Piece
from .clean.text import Cleaned, clean_text
from .facts import date_from_text, host_of, outlet_from
from .lang import load
from .check.contradictions import find_inconsistencies
from .understand.dates import find_dates, first_occurrences
from .understand.entities import find_entities
from .understand.sources import find_attributions, find_quotes
from .clean.regions import is_bare_domain


def process(raw: RawDoc, templates: TemplateLines | None = None) -> Article:
    """One page. `templates`: paragraphs its outlet repeats, learned from the corpus (optional)."""
    if raw.kind == "html":
        return _process_html(raw)
    return _process_text(raw, templates)


def _process_text(raw: RawDoc, templates: TemplateLines | None = None) -> Article:
    text = raw.content
    known = templates.pieces(text, host_of(raw.url)) if templates is not None else None
    cleaned = clean_text(text, url=raw.url, known=known)
    return _article(raw, text, cleaned, "text-flat" if cleaned.flat else "text-lines", site_name=None, published=None)


def _process_html(raw: RawDoc) -> Article:
    from .clean.html import extract_page

    page = extract_page(raw.content, raw.url)
    text = page.text
    cleaned = clean_text(text, url=raw.url or page.meta.canonical_url, title_hint=page.meta.title, flat=False,
                         known=_template_pieces(page))
    art = _article(raw, text, cleaned, "html", site_name=page.meta.site_name, published=page.meta.published)
    if not art.authors and page.meta.authors:
        art.authors = list(page.meta.authors)
    return art


def _template_pieces(page) -> list[Piece]:
    """Blocks whose markup names them clutter (a figcaption, a `berita-terkait` box, a share bar).

    A hint outside the article body is the template speaking; inside the body only the sharp
    kinds count (a caption in a figure, a read-also box), since `other` there may be a date line
    a journalist wrote into the story.
    """
    out: list[Piece] = []
    pos = 0
    for b in page.blocks:
        if b.hint and (not b.core or b.hint in ("caption", "read_also", "related", "social", "promo", "tags", "headline")):
            out.append(Piece(pos, pos + len(b.text), b.hint, "html-hint"))
        pos += len(b.text) + 1
    return out


def _article(raw: RawDoc, text: str, cleaned: Cleaned, fmt: str, site_name: str | None,
             published: str | None) -> Article:
    lex = load()
    removed = [Removed(text[p.start:p.end], p.kind, p.start, p.end) for p in cleaned.pieces]
    footer_domain = next((r.text for r in removed if r.kind == "footer" and is_bare_domain(r.text)), None)
    dl = cleaned.dateline
    outlet = outlet_from(dl.outlet if dl else None, site_name, footer_domain, raw.url, text, lex)
    if published is None:
        # A date the template printed in the head (`Selasa, 28 Juli 2015`, a byline's date).
        for r in removed:
            if r.kind in ("other", "credit", "nav", "caption") and r.start < (dl.start if dl else len(text) // 3 + 1):
                # a caption's date is the photo's event, unless it is a stamp with a time
                published = date_from_text(r.text, lex, with_time=r.kind == "caption")
                if published:
                    break
    # `(tan/jpnn)`: the outlet's own code among the initials is not an author.
    outlet_codes = {x.casefold() for x in (outlet, outlet.split(".")[0] if outlet else None,
                                            (host_of(raw.url) or "").removeprefix("www.").split(".")[0]) if x}
    authors = [a for a in cleaned.authors if a.casefold() not in outlet_codes]
    # Every occurrence for the checks (the same date written twice may date two events); the
    # record lists each expression once, the gold's convention.
    all_dates = find_dates(cleaned.body, published, unique=False)
    entities = find_entities(cleaned.body)
    return Article(
        dates=first_occurrences(all_dates),
        attributions=find_attributions(cleaned.body),
        entities=entities,
        quotes=find_quotes(cleaned.body),
        inconsistencies=find_inconsistencies(cleaned.body, all_dates, published, entities=entities),
        id=raw.id,
        body=cleaned.body,
        format=fmt,  # type: ignore[arg-type]
        url=raw.url,
        title=cleaned.title,
        outlet=outlet,
        dateline=dl.text if dl else None,
        published=published,
        authors=authors,
        removed=removed,
        encoding=raw.encoding,
    )
