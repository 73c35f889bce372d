"""The leading dateline: `JAKARTA, KOMPAS.com -`, `Jakarta (ANTARA) -`, `Liputan6.com, Jakarta`.

A dateline names a place, an outlet, or both, before a dash at the start of the article's first
paragraph. A place is one of the gazetteer's names or a run of capitals (`EMPAT LAWANG`); an
outlet is a domain (`iNews.id`), a known outlet alias, a run of capitals (`JAKARTA INSIDER`), or
any name in parentheses (`(IndoTelko)`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lang import DASH, Lexicon

_DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?i:com|co\.id|id|net|tv|co|or\.id|go\.id|web\.id|ac\.id|news|org|info|my\.id|biz\.id)"
_CAPS = r"[A-Z][A-Z0-9.'&-]+(?:\s+[A-Z][A-Z0-9.'&-]+){0,2}"
_WORDS = r"[A-Z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*){0,2}"


_OPENS_PROSE = re.compile(r"[\"“'‘(]?[A-Z0-9]")
_DATE_AHEAD = re.compile(r"\d{1,2}[/-]\d{1,2}")
_DASH_AHEAD = re.compile(r"(?:--|-|–|—|−|,|:|\()")


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int  # end of the dateline piece, including the white space after the dash
    text: str  # as written, without trailing space
    place: str | None
    outlet: str | None


def _is_place(s: str, lex: Lexicon) -> bool:
    s = s.strip()
    if not s:
        return False
    if s.casefold() in lex.places:
        return True
    # `Mataram, NTB` / `Jakarta Pusat`: every comma part a place
    parts = [p.strip() for p in s.split(",")]
    if len(parts) > 1 and all(p.casefold() in lex.places or (p.isupper() and len(p) <= 5) for p in parts):
        return True
    return bool(re.fullmatch(_CAPS, s)) and not re.search(r"\.(?:COM|ID|CO)\b", s)


def _is_outlet(s: str, lex: Lexicon) -> bool:
    s = s.strip()
    return bool(re.fullmatch(_DOMAIN, s, re.I)) or s.casefold() in lex.outlet_by_alias or bool(re.fullmatch(_CAPS, s))


# Each form: (regex, which groups are place/outlet). Tried in order at the paragraph start.
_FORMS = [
    # JAKARTA, KOMPAS.com -     Jakarta, IDN Times -     JAKARTA, solopopuler.com —
    (re.compile(rf"(?P<place>[A-Z][\w .'-]{{1,30}}?)\s*,\s*(?P<outlet>{_DOMAIN}|{_WORDS})\s*{DASH}\s*"), "both"),
    # TRIBUNNEWS.COM, JAKARTA -    Liputan6.com, Jakarta -    Bloomberg Technoz, Jakarta -
    (re.compile(rf"(?P<outlet>{_DOMAIN}|{_WORDS})\s*,\s*(?P<place>[A-Z][\w .'-]{{1,30}}?)\s*{DASH}\s*"), "both"),
    # Jakarta (ANTARA) -    Mataram, NTB (ANTARA News) -    JAKARTA (IndoTelko) -
    (re.compile(rf"(?P<place>[A-Z][\w .,'-]{{1,30}}?)\s*\((?P<outlet>[^()]{{2,30}})\)\s*{DASH}\s*"), "paren"),
    # JAKARTA lintasjatimnews –
    (re.compile(rf"(?P<place>{_CAPS})\s+(?P<outlet>[a-z][a-z0-9.]{{3,30}})\s*{DASH}\s*"), "place"),
    # YMI-BANDUNG,
    (re.compile(r"(?P<outlet>[A-Z]{2,8})-(?P<place>[A-Z]{3,20}(?:\s[A-Z]{3,20})?)\s*,\s*"), "both"),
    # KOMPAS.com -   KABARPARLEMEN.ID–   JAKARTA INSIDER -   Pantau –   Semarang -   EMPAT LAWANG -
    (re.compile(rf"(?P<one>{_DOMAIN}|{_CAPS}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s*{DASH}\s*"), "one"),
    # Jakarta:   (a colon after a place the gazetteer knows: some outlets' house style)
    (re.compile(r"(?P<place>[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)\s*:\s+"), "gazetteer"),
    # Liputan6.com, Jakarta   (no dash: the outlet's own house style)
    (re.compile(rf"(?P<outlet>{_DOMAIN})\s*,\s*(?P<place>[A-Z][a-z]+)\s+(?=[A-Z])"), "both"),
]


def find_dateline(text: str, pos: int, end: int, lex: Lexicon, strong_only: bool = False) -> Dateline | None:
    """A dateline starting exactly at `pos`, followed by the article's prose."""
    seg = text[pos:min(end, pos + 400)]
    # every form has a dash, a comma, a colon or a parenthesis within its first words
    if not _DASH_AHEAD.search(seg, 0, 70):
        return None
    for rx, mode in _FORMS:
        m = rx.match(seg)
        if not m:
            continue
        place = outlet = None
        if mode == "one":
            one = m.group("one").strip()
            if re.fullmatch(_DOMAIN, one, re.I) or one.casefold() in lex.outlet_by_alias:
                outlet = one
            elif _is_place(one, lex):
                place = one
            elif re.fullmatch(_CAPS, one):
                outlet = one
            else:
                continue
            if strong_only and outlet is None:
                continue
        elif mode == "gazetteer":
            place = m.group("place").strip()
            if place.casefold() not in lex.places or strong_only:
                continue
        elif mode in ("paren", "place"):
            place, outlet = m.group("place").strip(), m.group("outlet").strip()
            if not _is_place(place, lex):
                continue
        else:
            place, outlet = m.group("place").strip(), m.group("outlet").strip()
            if not (_is_place(place, lex) and _is_outlet(outlet, lex)):
                continue
        rest = seg[m.end():]
        # The dateline opens prose: a capitalised word (or a quote), then a run of words.
        if not _OPENS_PROSE.match(rest) or len(rest[:200].split()) < 6:
            continue
        if _DATE_AHEAD.match(rest):  # `Kompas.com - 29/08/2018, 16:47 WIB` is a date line
            continue
        raw = m.group(0)
        return Dateline(pos, pos + len(raw), raw.rstrip(), place, outlet)
    return None
