"""`name-spelling`: one person's name written two ways (`Michelle Zudith` ... `Michelle Ziudith`).

A name here is two capitalised words whose first is a given name (not a title, a word that opens a
place, body or event, nor a place: the lists in `lang/id/`), with a sign of a person at one of the
two spellings (a title or cue just before it, an age after it): a firm or a district spelled two
ways is a typo the gold does not count as a contradiction. Two names are flagged when
they share one word and their other word differs by exactly one letter inside it (one inserted,
dropped or changed, not at its end: `Anwar` and `Anwari` may be two people), both words at least
`min_length` letters long.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

_NAME = re.compile(r"(?<![\w@./-])[A-Z][a-z][a-z'’-]*(?:[ \t]+[A-Z][a-z][a-z'’-]*)+(?![\w@])")


def _lines(base, rel: str) -> set[str]:
    try:
        text = base.joinpath(rel).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return set()
    return {ln.strip().casefold() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")}


@lru_cache(maxsize=4)
def _lists(lang: str = "id") -> tuple[frozenset[str], frozenset[str], int]:
    """(words that are not a given name, words that mark a person, shortest word checked)."""
    base = resources.files("warta.lang").joinpath(lang)
    with base.joinpath("checks.toml").open("rb") as fh:
        names = tomllib.load(fh)["names"]
    titles = _lines(base, "entities/person_titles.txt")
    skip = {w.casefold() for w in names["not_given"]} | titles
    skip |= _lines(base, "entities/org_words.txt") | _lines(base, "places.txt")
    person = titles | {w.casefold() for w in names.get("person_cues", [])}
    return frozenset(skip), frozenset(person), int(names.get("min_length", 5))


def _one_inside(a: str, b: str) -> bool:
    """`a` and `b` differ by one letter inserted, dropped or changed, not at either end."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    j = 0
    while j < min(len(a), len(b)) - i and a[-1 - j] == b[-1 - j]:
        j += 1
    if len(a) == len(b):
        ok = len(a) - i - j == 1
    else:
        ok = max(len(a), len(b)) - i - j == 1 and min(len(a), len(b)) - i - j == 0
    return ok and i > 0 and j > 0


def name_spellings(body: str, lang: str = "id") -> list[dict]:
    skip, person_words, min_len = _lists(lang)
    names: dict[tuple[str, ...], tuple[int, int]] = {}  # words -> first span
    person: set[tuple[str, ...]] = set()
    for m in _NAME.finditer(body):
        toks = list(re.finditer(r"\S+", m.group()))
        marked = False
        while toks and toks[0].group().casefold() in skip:
            marked = marked or toks[0].group().casefold() in person_words
            toks.pop(0)
        if len(toks) != 2 or any(t.group().casefold() in skip for t in toks):
            continue
        key = tuple(t.group() for t in toks)
        s, e = m.start() + toks[0].start(), m.start() + toks[-1].end()
        names.setdefault(key, (s, e))
        before = re.findall(r"[^\W\d_]+", body[max(0, s - 40):s])
        if marked or any(b.casefold() in person_words for b in before[-4:]) or re.match(r"\s*\(\d{1,3}\)", body[e:e + 8]):
            person.add(key)
    out, seen = [], set()
    keys = sorted(names, key=lambda k: names[k][0])
    for x, a in enumerate(keys):
        for b in keys[x + 1:]:
            for same, diff in ((0, 1), (1, 0)):
                if a[same] != b[same]:
                    continue
                u, v = a[diff], b[diff]
                if min(len(u), len(v)) < min_len or u.casefold() == v.casefold() or not _one_inside(u, v):
                    continue
                pair = frozenset((a, b))
                if pair in seen or not (a in person or b in person):
                    continue
                seen.add(pair)
                (s1, e1), (s2, e2) = names[a], names[b]
                out.append({
                    "kind": "name-spelling",
                    "evidence": [{"text": body[s1:e1], "start": s1, "end": e1},
                                 {"text": body[s2:e2], "start": s2, "end": e2}],
                    "explanation": f"The same name is spelled '{body[s1:e1]}' and later '{body[s2:e2]}'.",
                })
    return out
