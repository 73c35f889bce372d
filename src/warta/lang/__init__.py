"""Language knowledge, kept as data files (one folder a language) and loaded here.

The logic never names a word of Indonesian: it asks a `Lexicon` for marker patterns, credit
labels, word lists and outlet names. Adding Malay or English is a new folder beside `id/`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

DASH = r"(?:--|-|–|—|−)"


@dataclass(frozen=True)
class Marker:
    """A compiled clutter marker: where it matches, what kind it opens and how far the piece runs."""

    kind: str
    extent: str  # titles | label | phrase | rest | sentence
    pattern: re.Pattern[str]
    whole_line: bool = False
    opens_list: bool = False


@dataclass(frozen=True)
class Outlet:
    host: str
    name: str
    aliases: tuple[str, ...]


@dataclass
class Lexicon:
    markers: list[Marker]  # regex-shaped markers, each its own pattern
    phrase_re: re.Pattern[str]  # every literal marker phrase in one alternation, longest first
    phrase_markers: dict[str, Marker]  # phrase_key(matched text) -> its marker
    line_markers: dict[str, Marker]  # casefolded whole-paragraph text (no trailing colon) -> marker
    label_re: re.Pattern[str]  # a credit/caption label with its colon
    label_kind: dict[str, tuple[str, bool]]  # label casefold -> (kind, names are authors)
    line_labels_author: frozenset[str]
    credit_only_lines: frozenset[str]
    report_prefixes: tuple[str, ...]
    not_name: frozenset[str]
    title_lowercase: frozenset[str]
    sentence_starters: frozenset[str]
    strong_sentence_starters: frozenset[str]
    photo_credit_words: tuple[str, ...]
    caption_openers: tuple[str, ...]
    promo_openers: tuple[str, ...]
    promo_cues: tuple[str, ...]
    terminal: str
    closing_quotes: str
    opening_quotes: str
    places: frozenset[str]
    agency_codes: frozenset[str]
    name_connectors: frozenset[str]
    author_labels: tuple[str, ...]  # labels whose names are authors, as written (`Penulis`, `Editor`)
    days: tuple[str, ...]
    months: dict[str, int]
    zones: dict[str, str]
    outlets: list[Outlet] = field(default_factory=list)
    outlet_by_alias: dict[str, Outlet] = field(default_factory=dict)

    def outlet_for_host(self, host: str | None) -> Outlet | None:
        """The most specific table entry whose host is `host` or a parent domain of it."""
        if not host:
            return None
        host = host.lower().removeprefix("www.").removeprefix("m.").removeprefix("amp.")
        best: Outlet | None = None
        for o in self.outlets:
            if host == o.host or host.endswith("." + o.host):
                if best is None or len(o.host) > len(best.host):
                    best = o
        return best




def _phrase_body(phrase: str) -> str:
    body = re.escape(phrase).replace(r"\ ", r"\s+")
    if phrase.endswith(":"):
        body = body[: -1] + r"\s*:"  # `Baca juga :` as well as `Baca juga:`
    # A phrase ending in a word must not run into a longer word (`Tagged` is not `Tag`), but the
    # glued case `Baca JugaJudul` is real, so only a lowercase continuation is refused.
    tail = r"(?![a-z])" if phrase[-1].isalnum() else ""
    return body + tail


def _first_char_alternation(bodies: dict[str, str]) -> str:
    """One alternation of phrase patterns, grouped by their first character.

    Starting each branch with a literal character lets the regex engine skip to candidate
    positions instead of trying every branch everywhere (4x faster on a page). Behind the first
    character, the piece-start condition: a piece starts anywhere but right after a capital or a
    digit, so at the start, after white space or punctuation, or glued to a lowercase letter once
    line breaks were lost (`kemarinBaca Juga:`).
    """
    groups: dict[str, list[tuple[int, str]]] = {}
    for phrase, body in bodies.items():
        first = re.escape(phrase[0])
        groups.setdefault(first, []).append((len(phrase), body[len(first):]))
    return "|".join(
        first + r"(?<![A-Z0-9][\s\S])(?:" + "|".join(b for _n, b in sorted(alts, key=lambda x: -x[0])) + ")"
        for first, alts in groups.items()
    )


def phrase_key(matched: str) -> str:
    """The lookup key of a matched phrase: white space folded, none before a colon."""
    return re.sub(r"\s*:$", ":", re.sub(r"\s+", " ", matched))


def data_toml(lang: str, name: str) -> dict:
    """A language's TOML data file (`lang/<lang>/<name>`), parsed: every step reads its words so."""
    with resources.files("warta.lang").joinpath(lang, name).open("rb") as fh:
        return tomllib.load(fh)


def data_lines(lang: str, name: str) -> list[str]:
    """A language's word-list file: one entry a line, blank lines and `#` comments skipped."""
    text = resources.files("warta.lang").joinpath(lang, name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=4)
def load(lang: str = "id") -> Lexicon:
    m = data_toml(lang, "markers.toml")
    markers: list[Marker] = []
    line_markers: dict[str, Marker] = {}
    phrase_markers: dict[str, Marker] = {}
    for spec in m["marker"]:
        kind, extent = spec["kind"], spec["extent"]
        opens = bool(spec.get("opens_list", False))
        for ph in spec.get("phrases", []):
            # templates print their headers in capitals too (`ARTIKEL LAINNYA`, `TAG:`)
            for variant in dict.fromkeys((ph, ph.upper())):
                phrase_markers.setdefault(phrase_key(variant), Marker(kind, extent, re.compile(_phrase_body(variant))))
        for rx in spec.get("regex", []):
            markers.append(Marker(kind, extent, re.compile(rx)))
        for ln in spec.get("lines", []):
            line_markers[ln.casefold()] = Marker(kind, extent, re.compile(re.escape(ln), re.I), True, opens)

    c = data_toml(lang, "credits.toml")
    label_kind: dict[str, tuple[str, bool]] = {}
    for spec in c["label"]:
        for w in spec["words"]:
            label_kind[w.casefold()] = (spec["kind"], bool(spec["author"]))
    # Each label as written, in capitals and capitalised; matched with its case so that a label
    # glued to a name before it (`Ahmad MunjinEditor :`) still starts a credit.
    variants = {v for spec in c["label"] for w in spec["words"] for v in (w, w.upper(), w[:1].upper() + w[1:])}
    words = sorted(variants, key=len, reverse=True)
    # `Editor : Name`, `Penulis:Name`, also glued after a name (`MunjinEditor :`), never mid-word
    # in lowercase prose (`editor:` inside a sentence is rare and still a credit).
    label_re = re.compile(
        r"(?P<label>" + _first_char_alternation({w: re.escape(w).replace(r"\ ", r"\s+") for w in words}) + r")\s*:"
    )
    ll = c["line_label"]

    w = data_toml(lang, "words.toml")
    cal = data_toml(lang, "calendar.toml")
    outlets: list[Outlet] = []
    by_alias: dict[str, Outlet] = {}
    text = resources.files("warta.lang").joinpath(lang, "outlets.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        host, name = parts[0].strip(), parts[1].strip()
        aliases = tuple(a.strip() for a in (parts[2].split("|") if len(parts) > 2 else []) if a.strip())
        o = Outlet(host, name, aliases)
        outlets.append(o)
        for a in (name, host, *aliases):
            by_alias.setdefault(a.casefold(), o)

    # One alternation for all phrases (longest first within a group, so `Baca Juga:` wins over
    # `Baca:`): one pass over the text instead of one per phrase.
    alternation = _first_char_alternation({k: mk.pattern.pattern for k, mk in phrase_markers.items()})
    return Lexicon(
        markers=markers,
        phrase_re=re.compile(alternation),
        phrase_markers=phrase_markers,
        line_markers=line_markers,
        label_re=label_re,
        label_kind=label_kind,
        line_labels_author=frozenset(x.casefold() for x in ll["author"]),
        credit_only_lines=frozenset(x.casefold() for x in ll["credit_only"]),
        report_prefixes=tuple(ll["report_prefixes"]),
        not_name=frozenset(x.casefold() for x in c["name"]["not_name"]),
        title_lowercase=frozenset(w["title_lowercase"]),
        sentence_starters=frozenset(w["sentence_starters"]),
        strong_sentence_starters=frozenset(w["strong_sentence_starters"]),
        photo_credit_words=tuple(w["photo_credit_words"]),
        caption_openers=tuple(w["caption_openers"]),
        promo_openers=tuple(w["promo_openers"]),
        promo_cues=tuple(w["promo_cues"]),
        terminal=w["terminal"],
        closing_quotes=w["closing_quotes"],
        opening_quotes=w["opening_quotes"],
        places=frozenset(p.casefold() for p in data_lines(lang, "places.txt")),
        agency_codes=frozenset(x.casefold() for x in c["name"]["agency_codes"]),
        name_connectors=frozenset(x.casefold() for x in c["name"]["connectors"]),
        author_labels=tuple(w for spec in c["label"] if spec["author"] for w in spec["words"] if w[:1].isupper() and not w.isupper()),
        days=tuple(cal["days"]),
        months={k.casefold(): int(v) for k, v in cal["months"].items()},
        zones=dict(cal["zones"]),
        outlets=outlets,
        outlet_by_alias=by_alias,
    )
