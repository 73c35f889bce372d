"""Whole-paragraph decisions: what a paragraph is by itself, and by where it stands.

By itself: a menu word (`Share`, `Tag`), a list header (`Artikel Terkait`), a credit (`Tim
Redaksi`, `Laporan Wartawan X, Nama`), a date or a count alone, a caption, a bare domain.
By position: a page's article starts at its dateline or its first prose paragraph, and what
stands before it is the template's (headline, menus, bylines, teasers); what follows the last
prose paragraph is the template's too; headline-shaped paragraphs after a list header are the
list's items.
"""

from __future__ import annotations

import re

from ..lang import Lexicon
from .captions import photo_credits
from .patterns import patterns
from .shape import is_headline_shaped, is_prose, words

_NUMBER_ONLY = re.compile(r"^[\d.,]+$")
_BARE_DOMAIN = re.compile(r"^[A-Za-z0-9][\w-]*(?:\.[\w-]+)*\.(?:com|co\.id|id|net|tv|co|or\.id|go\.id|news|org)$", re.I)
_HANDLE = re.compile(r"^\S*[/@]\S*$")
_NAME_LINE = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3},?$")


# `Home » Nasional`, `Beranda > Berita > Daerah`, `News | Politik`: short items and separators
_BREADCRUMB = re.compile(r"^\S+(?:\s\S+){0,3}(?:\s*[»›>|/]\s*\S+(?:\s\S+){0,3})+$")


def line_kind(s: str, lex: Lexicon) -> str | None:
    """The clutter kind of a paragraph by itself, or None when it may be the article's."""
    key = s.strip().rstrip(":").strip().casefold()
    mk = lex.line_markers.get(key)
    if mk is not None:
        return mk.kind
    if key in lex.credit_only_lines or key in lex.line_labels_author:
        return "credit"
    if any(s.startswith(p) for p in lex.report_prefixes):
        return "credit"
    if (_BREADCRUMB.match(s.strip()) and any(ch in s for ch in "»›>|") and not s.rstrip().endswith(".")
            and not lex.label_re.search(s)):
        return "nav"
    pat = patterns(lex)
    if pat.glued_label.match(s):
        return "credit"
    if pat.date_only.fullmatch(s.strip()):
        return "other"
    if _NUMBER_ONLY.match(s.strip()):
        return "social"
    if s.startswith("(") and s.endswith(")") and len(s.split()) <= 12:
        inner = s[1:-1]
        return "caption" if photo_credits(s, 0, len(s), lex) or ":" in inner else "credit"
    n = len(s.split())
    if n <= 3 and _HANDLE.match(s.strip()) and not _BARE_DOMAIN.match(s.strip()):
        return "caption"
    if n <= 40 and photo_credits(s, 0, len(s), lex) and s.rstrip().endswith(")"):
        return "caption"
    if any(s.startswith(op) for op in lex.caption_openers) and n <= 40 and not is_prose(s, lex):
        return "caption"
    return None


def is_list_item(s: str, lex: Lexicon, strict: bool) -> bool:
    """A headline (or a teaser cut short with `...`) under a list header."""
    t = s.rstrip()
    n = len(t.split())
    if t.endswith(("...", "…")) and n <= 40:
        return True
    if strict:
        # under `Baca juga`: headlines, in Title Case or in sentence case, without a full stop
        return is_headline_shaped(t, lex) or (3 <= n <= 20 and not t.endswith((".", ",", ";", ":", '"', "”")))
    return n <= 30 and not t.endswith((".", "!", "?", '"', "”"))


def is_name_line(s: str, lex: Lexicon) -> bool:
    t = s.strip()
    ws = t.rstrip(",").split()
    return bool(_NAME_LINE.match(t)) and 1 <= len(ws) <= 4 and not any(w.casefold() in lex.places for w in ws)


def is_bare_domain(s: str) -> bool:
    return bool(_BARE_DOMAIN.match(s.strip()))


def prose_paragraph(s: str, lex: Lexicon) -> bool:
    return is_prose(s, lex) and len(words(s)) >= 6
