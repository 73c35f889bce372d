"""Sources and quotes: who is cited in a news body, and who said each direct quote.

    >>> from warta.understand.sources import find_attributions, find_quotes
    >>> find_attributions("Kapolda Lampung Irjen Pol Budi Santoso mengatakan pelaku ditangkap.")[0]["source"]
    'Irjen Pol Budi Santoso (Kapolda Lampung)'

`find_attributions(body)` gives every cited source once, in order of first mention, each a dict
`{"text", "source", "name", "role", "kind", "start", "end", "mentions"}`: `text` is the attribution
phrase of the first mention (`body[start:end]`), `source` the normalised source (`name` and `role`
are its two parts, `role` None when the text gives no office), `kind` one of person,
organisation, agency, outlet, channel, document, unnamed, `mentions` the `[start, end]` of every
phrase citing the same source. The source of a person is the name as written (rank and title
kept: `AKP Yasir`, `dr X`; academic `Drs` dropped) with the office the text gives beside it:
`Name, Office` (style "comma", the default) or `Name (Office)` (style "paren"); the comma reads
better when the office holds its own brackets (`Lily Pujiati, Ketua Serikat Pekerja Angkutan
Indonesia (SPAI)`). A person named
by part of a name (`kata Arys`) takes the longer name and its office from elsewhere in the text;
`ujarnya`, `katanya`, `Ia mengatakan`, `menurutnya` refer to the last named speaker. A report
passed on (`dikutip detikINET dari BBC`) is cited by its last source (`BBC`); a channel keeps
its opening words (`kanal YouTube @x`).

`find_quotes(body)` gives every direct quote (“…”, "…", ‘’…’’) as `{"text", "speaker", "start",
"end"}` (`text` without the quote marks), the speaker's source string or None.

Rules only: the words are in `lang/id/sources.toml` (with `entities/person_titles.txt`,
`entities/org_words.txt`, `outlets.tsv`). Deterministic; never raises (returns [] on error).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..lang import data_toml

_TOKEN = re.compile(r"@?[\w][\w'’\-@&]*(?:\.[\w@][\w'’\-@]*)*|&")
_HARD = re.compile(r"[.!?;:\n\"“”‘’«»]|'(?!\w)|(?<!\w)'")
_QUOTES = re.compile(r"“([^“”\n]{2,}?)”|‘‘([^\n]{2,}?)’’|\"([^\"\n]{2,}?)\"|''([^\n]{2,}?)''")


def _lines(name: str) -> list[str]:
    try:
        text = resources.files("warta.lang").joinpath("id", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return []
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass
class _Lex:
    after: set[str]
    reporting: set[str]
    passive: set[str]
    pronouns: set[str]
    cues: list[list[str]]  # token sequences, longest first
    hops: set[str]
    agencies: dict[str, str]
    outlets: dict[str, str]
    channels: list[list[str]]
    documents: list[list[str]]
    ranks: set[str]
    drop: set[str]
    role_abbr: set[str]
    role_words: set[str]
    descriptors: set[str]
    org_words: set[str]
    openers: set[str]
    connectors: set[str]
    stop_after: set[str]
    prepositions: set[str]
    dates: set[str]
    generic: set[str]
    rank_aliases: list[tuple[list[str], str]]
    police: set[str]
    places: set[str] = field(default_factory=set)
    origin: set[str] = field(default_factory=set)


def _low(xs) -> set[str]:
    return {x.casefold() for x in xs}


def _seqs(xs) -> list[list[str]]:
    return sorted(({tuple(x.casefold().split()) for x in xs}), key=lambda s: -len(s))


@lru_cache(maxsize=1)
def _lex() -> _Lex:
    d = data_toml("id", "sources.toml")
    v, c, s, n = d["verbs"], d["cues"], d["sources"], d["names"]
    after = _low(v["after_quote"])
    outlets = {x.casefold(): x for x in s["outlets"]}
    for ln in _lines("outlets.tsv"):
        parts = ln.split("\t")
        for x in parts[1:2] + (parts[2].split("|") if len(parts) > 2 else []):
            if x.strip():
                outlets.setdefault(x.strip().casefold(), x.strip())
    titles = _lines("entities/person_titles.txt")
    places = set()
    for p in _lines("places.txt"):
        places |= _low(p.split())
    return _Lex(
        after=after,
        reporting=_low(v["reporting"]),
        passive=_low(v["passive"]),
        pronouns=_low(v["pronouns"]),
        cues=[list(x) for x in _seqs(c["before_source"])],
        hops=_low(c["hop"]),
        agencies={x.casefold(): x for x in s["agencies"]},
        outlets=outlets,
        channels=[list(x) for x in _seqs(s["channels"])],
        documents=[list(x) for x in _seqs(s["documents"])],
        ranks=_low(n["ranks"]),
        drop=_low(n["drop"]),
        role_abbr=_low(n["role_abbreviations"]),
        role_words=_low(n["role_words"]) | _low(titles) - _low(n["ranks"]),
        descriptors=_low(n.get("descriptors", [])),
        org_words=_low(_lines("entities/org_words.txt")),
        openers=_low(n["openers"]),
        connectors=_low(n["connectors"]),
        stop_after=_low(n["stop_after"]),
        generic=_low(n["generic"]),
        prepositions=_low(n["prepositions"]),
        dates=_low(x for x in n["stop_after"] if x[0].isupper()),  # day and month names
        rank_aliases=sorted(((k.casefold().split(), v) for k, v in n["rank_aliases"].items()), key=lambda x: -len(x[0])),
        police=_low(n["police_words"]),
        places=places,
        origin=_low(n.get("origin", [])),
    )


# ---------------------------------------------------------------- tokens


class _Doc:
    def __init__(self, body: str):
        self.body = body
        self.toks: list[tuple[int, int, str]] = []
        ranks = _lex().ranks
        n = len(body)
        for m in _TOKEN.finditer(body):
            a, b = m.span()
            t = m.group()
            # keep the dot of an initial or a dotted title: `V.`, `dr.`, `H.`
            if b < n and body[b] == "." and (len(t) == 1 and t.isupper() or t.casefold() + "." in ranks):
                b += 1
                t += "."
            self.toks.append((a, b, t))
        self.low = [t[2].casefold() for t in self.toks]
        # paren depth of each token
        self.paren = []
        depth = 0
        prev = 0
        for a, b, _ in self.toks:
            gap = body[prev:a]
            if gap.strip():  # most gaps are one space: nothing to count
                depth = max(0, depth + gap.count("(") + gap.count("[") - gap.count(")") - gap.count("]"))
            self.paren.append(depth > 0)
            prev = b

    def gap(self, i: int) -> str:
        """Text between token i-1 and token i."""
        a = self.toks[i - 1][1] if i > 0 else 0
        return self.body[a:self.toks[i][0]] if i < len(self.toks) else self.body[a:]

    def text(self, i: int, j: int) -> str:
        """Body text from token i to token j (inclusive), closing an open bracket."""
        s = self.body[self.toks[i][0]:self.toks[j][1]]
        if s.count("(") > s.count(")") and self.body[self.toks[j][1]:self.toks[j][1] + 1] == ")":
            s += ")"
        return s


def _hard(gap: str) -> bool:
    return bool(_HARD.search(gap))


def _namey(doc: _Doc, i: int) -> bool:
    t = doc.toks[i][2]
    lx = _lex()
    if doc.low[i] in lx.dates:  # Kamis, Desember
        return False
    if t[0] == "@" or t[0].isupper():
        return True
    if doc.low[i] in lx.ranks:
        return True
    if any(ch.isupper() for ch in t[1:]):  # detikINET, iPhone
        return True
    return "." in t and len(t) > 4  # a domain: filmindonesia.or.id


# ---------------------------------------------------------------- runs of name words


def _run_back(doc: _Doc, i: int) -> list[int]:
    """Name-like tokens right before token i (the verb), within the clause."""
    lx = _lex()
    out: list[int] = []
    j = i - 1
    while j >= 0 and len(out) < 24:
        if _hard(doc.gap(j + 1)):
            break
        low = doc.low[j]
        if _namey(doc, j) or (doc.paren[j] and doc.toks[j][2].isdigit()):
            out.append(j)
        elif low in lx.connectors and out:
            out.append(j)
        elif doc.toks[j][2].isdigit() and len(doc.toks[j][2]) <= 3 and out and j > 0 and _namey(doc, j - 1) \
                and not _hard(doc.gap(j)):
            out.append(j)  # a number inside an address or a name: `RW 05 Bidara Cina`
        elif low in lx.descriptors and out and j > 0 and "," in doc.gap(j) and (
                _namey(doc, j - 1) or (doc.paren[j - 1] and doc.toks[j - 1][2].isdigit())):
            out.append(j)  # `Sumarni (54), warga RW 05 ...`: the description of a named person
        else:
            break
        j -= 1
    out.reverse()
    if out and out[0] > 0 and not _hard(doc.gap(out[0])) and doc.low[out[0] - 1] in lx.prepositions:
        # the run is the object of a preposition: `AKP Yasir kepada Kompas.com, menyebutkan`
        if doc.low[out[0] - 1] in ("kepada", "pada"):
            return _run_back(doc, out[0] - 1)
        return []
    return _trim(doc, out)


def _run_fwd(doc: _Doc, i: int, stop_comma: bool = False) -> list[int]:
    """Name-like tokens from token i on, within the clause."""
    lx = _lex()
    out: list[int] = []
    j = i
    while j < len(doc.toks) and len(out) < 24:
        if _hard(doc.gap(j)):
            break
        if out and "," in doc.gap(j) and (stop_comma or not _namey(doc, j)):
            break
        low = doc.low[j]
        if low in lx.stop_after and not doc.paren[j]:
            break
        if _namey(doc, j) or (doc.paren[j] and doc.toks[j][2].isdigit()):
            out.append(j)
        elif low in lx.connectors and out:
            out.append(j)
        else:
            break
        j += 1
    return _trim(doc, out)


def _trim(doc: _Doc, run: list[int]) -> list[int]:
    lx = _lex()
    while run and (doc.low[run[0]] in lx.connectors or doc.low[run[0]] in lx.openers
                   or doc.low[run[0]] in lx.pronouns or doc.toks[run[0]][2].isdigit()):
        run = run[1:]
    while run and doc.low[run[-1]] in lx.connectors:
        run = run[:-1]
    return run


# ---------------------------------------------------------------- name and office


@dataclass
class _Src:
    name: str
    role: str
    kind: str
    start: int  # offsets of the source words in the body
    end: int

    def key(self) -> str:
        return " ".join(self.name.casefold().split())


def _is_role_word(doc: _Doc, i: int) -> bool:
    lx = _lex()
    low = doc.low[i]
    return low in lx.role_words or low in lx.org_words or low in lx.places or low in lx.connectors


def _acronym(t: str) -> bool:
    return len(t) >= 2 and t.isupper() and t.isalpha()


def _name_like(doc: _Doc, part: list[int]) -> bool:
    lx = _lex()
    core = [i for i in part if not doc.paren[i]]
    if not core or len(core) > 5:
        return False
    for i in core:
        if doc.low[i] in lx.ranks:
            continue
        if not _namey(doc, i) or _is_role_word(doc, i) or _acronym(doc.toks[i][2]):
            return False
    return not all(doc.low[i] in lx.ranks for i in core)


def _clean_role(doc: _Doc, part: list[int]) -> str:
    if not part:
        return ""
    lx = _lex()
    s = doc.text(part[0], part[-1])
    s = re.sub(r"\s*\((\d+)\)", "", s)
    s = re.sub(r"\s*\(([^()]*)\)", lambda m: "" if m.group(1).casefold() in lx.role_abbr else m.group(0), s)
    return " ".join(s.split()).strip(" ,")


def _name_text(doc: _Doc, part: list[int]) -> str:
    lx = _lex()
    keep = [i for i in part if not doc.paren[i] and doc.low[i] not in lx.drop]
    return " ".join(doc.toks[i][2] for i in keep)


def _parse(doc: _Doc, run: list[int]) -> _Src | None:
    """Split a run of words into a person's name and office, or an organisation."""
    lx = _lex()
    # an age (`Yana (36)`) is dropped, but marks the word before it as the end of a person's name
    aged = {run[k - 1] for k, i in enumerate(run) if k and doc.paren[i] and doc.toks[i][2].isdigit()}
    run = [i for i in run if not (doc.paren[i] and doc.toks[i][2].isdigit())]
    if not run:
        return None
    whole = doc.text(run[0], run[-1])
    if " ".join(doc.low[i] for i in run) in lx.generic:
        return None
    a, b = doc.toks[run[0]][0], doc.toks[run[-1]][1]
    key = whole.casefold()
    if key in lx.agencies:
        return _Src(whole, "", "agency", a, b)
    if key in lx.outlets:
        return _Src(whole, "", "outlet", a, b)
    # parts split at commas outside brackets
    parts: list[list[int]] = [[]]
    for i in run:
        if parts[-1] and "," in doc.gap(i) and not doc.paren[i]:
            parts.append([])
        parts[-1].append(i)
    parts = [p for p in parts if p]
    if len(parts) > 1 and doc.low[run[0]] in lx.org_words and any(doc.low[p[0]] in ("dan", "serta", "&") for p in parts[1:]):
        # `Badan Meteorologi, Klimatologi, dan Geofisika (BMKG)`: the commas list one body's fields
        parts = [run]
    if len(parts) > 1:
        names = [p for p in parts if _name_like(doc, p)]
        if len(names) > 1:
            # `Warga Kelurahan Pabuaran, Suryani (34)`, `asal Jerman, Markus Lehmann`: the person is the
            # part with an age, else not a place or a description
            names = ([p for p in names if p[-1] in aged]
                     or [p for p in names if not _place_or_description(doc, p)] or names)
        if names:
            p = names[0]
            role = ", ".join(r for r in (_clean_role(doc, q) for q in parts if q is not p) if r)
            return _person(doc, p, role)
        parts = [run]
    core = parts[0]
    # a police rank written out: `Kapolsek Kelapa Gading Komisaris Martua Silitonga`
    for k in range(1, len(core)):
        for seq, short in lx.rank_aliases:
            if doc.low[core[k]:core[k] + len(seq)] == seq and core[k] + len(seq) - 1 in core \
                    and any(doc.low[c] in lx.police for c in core[:k]):
                rest = core[k + len(seq):]
                if rest and _name_like(doc, rest):
                    src = _person(doc, rest, _clean_role(doc, core[:k]))
                    src.name = short + " " + src.name
                    return src
    # a rank opens the name: `Kapolda Lampung Irjen Pol Helfi Assegaf`
    for k, i in enumerate(core):
        if doc.low[i] in lx.ranks and k > 0 or (doc.low[i] in lx.ranks and k == 0 and len(core) > 1):
            rest = core[k:]
            if _name_like(doc, rest):
                return _person(doc, rest, _clean_role(doc, core[:k]))
            break
    # after a bracket: `Menteri Kesehatan (Menkes) Budi Gunadi Sadikin`
    last_paren = max((k for k, i in enumerate(core) if doc.paren[i]), default=-1)
    if 0 <= last_paren < len(core) - 1:
        rest = core[last_paren + 1:]
        if len(rest) <= 4 and _name_like(doc, rest):
            return _person(doc, rest, _clean_role(doc, core[:last_paren + 1]))
    # a body's name: `Kementerian Kesehatan`, `PT Sumber Air`
    if doc.low[core[0]] in lx.org_words:
        return _Src(" ".join(whole.split()), "", "organisation", a, b)
    # trailing name words
    n = 0
    for i in reversed(core):
        if doc.paren[i] or not _namey(doc, i) or _is_role_word(doc, i) or _acronym(doc.toks[i][2]):
            break
        n += 1
    if n == len(core) and n <= 4:
        if n == 1 and not _rank_or_title(doc, core):
            return _Src(_name_text(doc, core), "", "unknown", a, b)
        return _person(doc, core, "")
    if n == 0:
        if len(core) >= 3 and not any(doc.low[i] in lx.org_words or doc.low[i] in lx.role_words for i in core):
            return None  # a title-case heading, not a body
        return _Src(" ".join(whole.split()), "", "organisation", a, b)
    n = min(n, 2)
    return _person(doc, core[-n:], _clean_role(doc, core[:-n]))


def _place_or_description(doc: _Doc, part: list[int]) -> bool:
    """A part naming where someone is from or what they are: `Warga Kelurahan Pabuaran`, `Jerman`
    after `asal`, every word a place."""
    lx = _lex()
    if doc.low[part[0]] in lx.descriptors:
        return True
    before = doc.low[part[0] - 1] if part[0] > 0 and not _hard(doc.gap(part[0])) else ""
    if before in lx.origin:
        return True
    return all(doc.low[i] in lx.places for i in part)


def _rank_or_title(doc: _Doc, part: list[int]) -> bool:
    return any(doc.low[i] in _lex().ranks for i in part)


def _person(doc: _Doc, name: list[int], role: str) -> _Src:
    core = [i for i in name if not doc.paren[i]]
    return _Src(_name_text(doc, name), role, "person", doc.toks[core[0]][0], doc.toks[core[-1]][1])


# ---------------------------------------------------------------- events


@dataclass
class _Ev:
    start: int  # attribution phrase
    end: int
    src: _Src | None  # None: the last named speaker
    cue: tuple[int, int]
    how: str = ""  # after (`kata X`), after_nya (`ujarnya`), reporting, passive, pronoun, cue


_BY_FIRST: dict[int, dict[str, list]] = {}


def _match_seq(doc: _Doc, i: int, seqs: list[list[str]]) -> int:
    """Length of the longest sequence in `seqs` that starts at token i, else 0."""
    index = _BY_FIRST.get(id(seqs))
    if index is None:  # the sequences by their first word, longest first: one lookup a token
        index = {}
        for s in seqs:
            index.setdefault(s[0], []).append(s)
        _BY_FIRST[id(seqs)] = index
    if i >= len(doc.low):
        return 0
    for s in index.get(doc.low[i], ()):
        if i + len(s) <= len(doc.toks) and doc.low[i:i + len(s)] == s:
            if all(not _hard(doc.gap(i + k)) for k in range(1, len(s))):
                return len(s)
    return 0


def _role_after(doc: _Doc, j: int) -> tuple[str, int]:
    """A lower-case office after a comma ending the sentence: `ujar Yana (36), warga setempat.`"""
    lx = _lex()
    if j >= len(doc.toks) or "," not in doc.gap(j) or _hard(doc.gap(j)):
        return "", -1
    k = j
    while k < len(doc.toks) and k - j < 5:
        if k > j and (_hard(doc.gap(k)) or "," in doc.gap(k)):
            break
        if doc.low[k] in lx.stop_after or doc.toks[k][2][0].isdigit():
            return "", -1
        k += 1
    end_gap = doc.gap(k) if k < len(doc.toks) else "."
    if k == j or not re.match(r"\s*[.!?\n]", end_gap) or doc.toks[j][2][0].isupper():
        return "", -1
    return doc.text(j, k - 1), k - 1


def _events(doc: _Doc) -> list[_Ev]:
    lx = _lex()
    evs: list[_Ev] = []
    toks, low = doc.toks, doc.low
    i = 0
    while i < len(toks):
        w = low[i]
        a, b = toks[i][0], toks[i][1]
        # `"...," kata Budi` / `ujarnya`
        base = w[:-3] if w.endswith("nya") and w[:-3] in lx.after else None
        if base or w in lx.after:
            g = doc.gap(i)
            after_quote = bool(re.search(r"[,.!?]?\s*[\"”’']\s*$|,\s*$", g)) or bool(re.search(r"[\"”’]", g))
            if after_quote or (base and i + 1 < len(toks) and _hard(doc.gap(i + 1))):
                if base:
                    evs.append(_Ev(a, b, None, (a, b), "after_nya"))
                else:
                    run = _run_fwd(doc, i + 1)
                    src = _parse(doc, run)
                    if src and src.kind in ("person", "unknown"):
                        role, last = _role_after(doc, run[-1] + 1)
                        if role and not src.role:
                            src.role = role
                            src.kind = "person"
                        end = toks[last][1] if last >= 0 else toks[run[-1]][1]
                        evs.append(_Ev(a, _extend(doc, end), src, (a, b), "after"))
                    elif src:
                        evs.append(_Ev(a, toks[run[-1]][1], src, (a, b), "after"))
                    elif low[i + 1:i + 2] and low[i + 1] in lx.pronouns:
                        evs.append(_Ev(a, toks[i + 1][1], None, (a, b), "after_nya"))
            i += 1
            continue
        # `Kapolda X mengatakan`
        if w in lx.reporting and toks[i][2].islower():
            run = _run_back(doc, i)
            if run:
                src = _parse(doc, run)
                if src:
                    evs.append(_Ev(toks[run[0]][0], b, src, (a, b), "reporting"))
            elif i > 0 and low[i - 1] in lx.pronouns and not _hard(doc.gap(i)):
                evs.append(_Ev(toks[i - 1][0], b, None, (a, b), "pronoun"))
            i += 1
            continue
        # `disampaikan Menteri X`
        if w in lx.passive:
            j = i + 1
            if j < len(toks) and low[j] == "oleh":
                j += 1
            run = _run_fwd(doc, j) if j < len(toks) and not _hard(doc.gap(j)) else []
            src = _parse(doc, run)
            if src and src.kind != "unknown":
                evs.append(_Ev(a, toks[run[-1]][1], src, (a, b), "passive"))
            i += 1
            continue
        # `menurutnya`
        if w == "menurutnya":
            evs.append(_Ev(a, b, None, (a, b), "pronoun"))
            i += 1
            continue
        n = _match_seq(doc, i, lx.cues)
        if n:
            ev = _cue_source(doc, i, n)
            if ev:
                evs.append(ev)
                i += n
                continue
        i += 1
    return evs


def _extend(doc: _Doc, end: int) -> int:
    """Carry an inverted attribution on over `kepada X di Y` (the phrase, not the source)."""
    m = re.match(r"\s+(kepada|pada)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*(?:\s+di\s+[A-Z]\w*(?:\s+[A-Z]\w*)*)?", doc.body[end:])
    return end + m.end() if m else end


def _cue_source(doc: _Doc, i: int, n: int) -> _Ev | None:
    """The source after a cue such as `menurut`, `dilansir dari`, `dikutip X dari Y`."""
    lx = _lex()
    toks, low = doc.toks, doc.low
    a = toks[i][0]
    cue = (a, toks[i + n - 1][1])
    j = i + n
    if j >= len(toks) or _hard(doc.gap(j)):
        return None
    if low[j] in ("dia", "beliau"):
        return _Ev(a, toks[j][1], None, cue, "pronoun")
    src: _Src | None = None
    end = cue[1]
    while j < len(toks) and not _hard(doc.gap(j)):
        prefix_kind = None
        m = _match_seq(doc, j, lx.channels)
        if m:
            prefix_kind = "channel"
        else:
            m = _match_seq(doc, j, lx.documents)
            if m:
                prefix_kind = "document"
        k = j + m
        run = _run_fwd(doc, k, stop_comma=True) if k < len(toks) and not _hard(doc.gap(k)) else []
        if m:  # `kanal YouTube X`, `laporan keuangan`
            pre = doc.text(j, j + m - 1)
            if run:
                words = doc.text(run[0], run[-1])
                s = _Src(" ".join((pre + " " + words).split()), "", prefix_kind, toks[j][0], toks[run[-1]][1])
                last = run[-1]
            else:
                s = _Src(" ".join(pre.split()), "", prefix_kind, toks[j][0], toks[j + m - 1][1])
                last = j + m - 1
            src, end = s, s.end
        elif run:
            after = run[-1] + 1
            if doc.low[run[0]] in lx.role_words and after < len(toks) and "," in doc.gap(after) \
                    and not _hard(doc.gap(after)):
                # `menurut Kepala Pusat ... Kemendikdasmen, Dimas Aryasatya, ...`: the name follows the office
                named = _run_fwd(doc, after, stop_comma=True)
                if named and _name_like(doc, named):
                    run = run + named
            src = _parse(doc, run)
            last = run[-1]
            end = toks[last][1]
        else:
            break
        # a further hop: `dikutip detikINET dari BBC`
        nxt = last + 1
        if nxt < len(toks) and low[nxt] in lx.hops and not _hard(doc.gap(nxt)) and nxt + 1 < len(toks) \
                and not _hard(doc.gap(nxt + 1)) and (_namey(doc, nxt + 1) or _match_seq(doc, nxt + 1, lx.channels)) \
                and low[nxt + 1] not in lx.stop_after:
            j = nxt + 1
            continue
        break
    if src is None:
        return None
    return _Ev(a, end, src, cue, "cue")


# ---------------------------------------------------------------- resolution


def _resolve(doc: _Doc, evs: list[_Ev], style: str) -> list[tuple[_Ev, _Src]]:
    """Each event with its source: pronouns and -nya to the last speaker, short names to long."""
    people: list[_Src] = []
    out: list[tuple[_Ev, _Src]] = []
    last: _Src | None = None
    for ev in sorted(evs, key=lambda e: e.start):
        src = ev.src
        if src is None:
            if last is None:
                continue
            src = last
        elif src.kind == "organisation" and all(t.casefold() in _lex().role_words for t in src.name.split()):
            src = _corefer(doc, src, people)
            if src.kind == "person":
                last = src
        elif src.kind in ("person", "unknown"):
            src = _corefer(doc, src, people, ev.how == "after")
            if src.kind == "person" and src not in people:
                people.append(src)
            last = src
        out.append((ev, src))
    return out


def _corefer(doc: _Doc, src: _Src, people: list[_Src], after_verb: bool = False) -> _Src:
    lx = _lex()
    toks = [t for t in src.name.split() if t.casefold() not in lx.ranks]
    low = [t.casefold() for t in toks]
    # an office alone: `kata Kapolsek` -> the person holding it
    if low and all(t in lx.role_words for t in low):
        for p in reversed(people):
            if p.role.casefold().startswith(" ".join(low)):
                return p
        return src
    # the same name with or without rank: `Fauzi Saleh` = `AKP Fauzi Saleh`
    for p in people:
        pl = [t.casefold() for t in p.name.split() if t.casefold() not in lx.ranks]
        if len(low) > 1 and low == pl[-len(low):]:
            return p
    if len(toks) == 1:
        t = toks[0].casefold()
        for p in people:
            if any(w == t or (len(t) >= 4 and w.startswith(t)) for w in p.name.casefold().split()):
                return p
        # the longer name elsewhere in the body: `Lily Pujiati` for `kata Lily`
        m = re.search(r"\b" + re.escape(toks[0]) + r"(?:\s+[A-Z][\w'’.-]*)+", doc.body)
        if m:
            i = next((k for k, t_ in enumerate(doc.toks) if t_[0] == m.start()), None)
            if i is not None:
                run = _run_fwd(doc, i, stop_comma=True)
                back = _run_back(doc, i)
                whole = _parse(doc, back + run) if back else None
                if whole and whole.kind == "person" and toks[0] in whole.name.split():
                    return whole
                cand = _parse(doc, run)
                if cand and cand.kind == "person" and len(cand.name.split()) > 1:
                    # an office after a comma: `Lily Pujiati, Ketua X`
                    return cand
    for p in people:
        if p.key() == src.key():
            if not p.role and src.role:
                p.role = src.role
            return p
    if src.kind == "unknown":  # one word: a person when it speaks (`kata Parwati`)
        src.kind = "person" if after_verb else "organisation"
    return src


def _source_string(src: _Src, style: str) -> str:
    if src.kind == "person" and src.role:
        return f"{src.name} ({src.role})" if style == "paren" else f"{src.name}, {src.role}"
    return src.name


def _kind(src: _Src) -> str:
    lx = _lex()
    key = src.name.casefold()
    if key in lx.agencies:
        return "agency"
    if key in lx.outlets:
        return "outlet"
    return src.kind if src.kind in ("person", "organisation", "channel", "document") else "organisation"


# ---------------------------------------------------------------- API


def find_attributions(body: str, style: str = "comma") -> list[dict]:
    """Every cited source of `body` once, in order of first mention (see the module doc)."""
    try:
        return _find_attributions(body or "", style)
    except Exception:  # noqa: BLE001 - never raise on odd input
        return []


@lru_cache(maxsize=4)
def _resolved(body: str, style: str) -> tuple[_Doc, list]:
    """The body's cues and their sources, read once for both attributions and quotes."""
    doc = _Doc(body)
    return doc, _resolve(doc, _events(doc), style)


def _find_attributions(body: str, style: str) -> list[dict]:
    doc, resolved = _resolved(body, style)
    seen: dict[str, dict] = {}
    out: list[dict] = []
    for ev, src in resolved:
        s = _source_string(src, style)
        k = " ".join(src.name.casefold().split())
        if k in seen:
            seen[k]["mentions"].append([ev.start, ev.end])
            continue
        d = {"text": body[ev.start:ev.end], "source": s, "kind": _kind(src), "start": ev.start,
             "end": ev.end, "mentions": [[ev.start, ev.end]], "_src": src}
        seen[k] = d
        out.append(d)
    for d in out:  # an office learnt at a later mention
        src = d.pop("_src")
        d["source"] = _source_string(src, style)
        d["name"], d["role"] = src.name, (src.role if src.kind == "person" and src.role else None)
    return out


def find_quotes(body: str, style: str = "comma") -> list[dict]:
    """Every direct quote of `body` with its speaker when the text states it."""
    try:
        return _find_quotes(body or "", style)
    except Exception:  # noqa: BLE001
        return []


def _find_quotes(body: str, style: str) -> list[dict]:
    doc, resolved = _resolved(body, style)
    out = []
    for m in _QUOTES.finditer(body):
        g = next(k for k in range(1, 5) if m.group(k) is not None)
        qa, qb = m.span()
        speaker = None
        # a cue right after the quote: `"...," kata X` / `ujarnya`
        for ev, src in resolved:
            if qb <= ev.cue[0] <= qb + 4 and not _hard(body[qb:ev.cue[0]].replace(",", "")):
                speaker = src
                break
        if speaker is None:
            # a cue before it in the same sentence: `X mengatakan, "..."` / `kata X: "..."`
            for ev, src in reversed(resolved):
                if ev.end <= qa and qa - ev.end <= 4 and re.fullmatch(r"[\s,:]*", body[ev.end:qa]):
                    speaker = src
                    break
        out.append({"text": m.group(g), "speaker": _source_string(speaker, style) if speaker else None,
                    "start": m.start(g), "end": m.end(g)})
    return out
