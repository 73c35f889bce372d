"""Token features for the CRF: the word, its affixes and shape, its neighbours, gazetteer matches.

Per token: the lower-cased word; prefixes and suffixes of 1-4 letters; the word's shape
(`Xxxx`, `XX`, `dd/dd`) and its short form (`Xx`); capitalisation, digit, hyphen and punctuation
flags; whether it is a title or office word (`Presiden`, `Kapolda`) or an organisation head
(`Partai`, `Universitas`) from `lang/id/entities/`. Context: the words and short shapes of two
tokens either side, bigrams with the neighbours. Gazetteer (optional, `gaz`; the shipped model
does without, see models/ner/README.md): where the token lies in a longest match of a country,
province, regency, known person or organisation name (`gazetteer.py`), with and without its
capitalisation. Sentence: whether the sentence has no capital letter at all (NERP is
lower-cased), so that the model can weigh the shape features down there.

The features of a word alone are cached, so a word met again costs a dictionary look-up.
"""

from __future__ import annotations

import re

from .gazetteer import gazetteer, word_list

_SHAPE_SUB = [(re.compile(r"[A-Z]"), "X"), (re.compile(r"[a-z]"), "x"), (re.compile(r"[0-9]"), "d")]
_CACHE: dict[str, tuple[list[str], str, str]] = {}
_CACHE_MAX = 200_000


def shape(w: str) -> str:
    out = []
    for c in w:
        if c.isupper():
            out.append("X")
        elif c.islower():
            out.append("x")
        elif c.isdigit():
            out.append("d")
        else:
            out.append(c)
    return "".join(out)


def short_shape(sh: str) -> str:
    out = []
    for c in sh:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _word(w: str) -> tuple[list[str], str, str]:
    """(features of the word alone, its lower form, its short shape), cached."""
    hit = _CACHE.get(w)
    if hit is not None:
        return hit
    lw = w.casefold()
    sh = shape(w)
    ssh = short_shape(sh)
    f = [
        "w=" + lw,
        "sh=" + (sh if len(sh) <= 6 else sh[:3] + ".." + sh[-2:]),
        "ssh=" + ssh,
    ]
    for k in (1, 2, 3, 4):
        if len(lw) > k:
            f.append(f"p{k}={lw[:k]}")
            f.append(f"s{k}={lw[-k:]}")
    if w[:1].isupper():
        f.append("title")
        if w.isupper() and len(w) > 1:
            f.append("upper")
    if any(c.isdigit() for c in w):
        f.append("digit")
    if "-" in w:
        f.append("hyphen")
        f.append("hyph_last=" + lw.rsplit("-", 1)[-1])
    if not any(c.isalnum() for c in w):
        f.append("punct")
    if lw in word_list("person_titles.txt"):
        f.append("pertitle")
    if lw in word_list("org_words.txt"):
        f.append("orgword")
    if len(lw) <= 3:
        f.append("short")
    core = w.strip("()[]\"'“”‘’,.:;")
    if core and core != w and any(c.isalnum() for c in core):  # `(MK)`, `(Jokowi)`: the word inside
        f.append("core=" + core.casefold())
        f.append("wrapped=" + w[0] + (w[-1] if not w[-1].isalnum() else ""))
        if core[:1].isupper():
            f.append("core_title")
    out = (f, lw, ssh)
    if len(_CACHE) < _CACHE_MAX:
        _CACHE[w] = out
    return out


def sentence_features(words: list[str], domain: str | None = None, gaz: bool = True) -> list[list[str]]:
    """Features of each token; with `domain`, each feature also comes as a copy marked with it;
    with `gaz`, the gazetteer-match features.

    The copies are Daume's "frustratingly easy" domain adaptation: trained on several corpora
    (news, encyclopedic, lower-cased news), the shared features learn what holds everywhere and
    the marked copies what holds in one corpus only.
    """
    n = len(words)
    if n == 0:
        return []
    ws = [_word(w) for w in words]
    lowered = not any(c.isupper() for w in words for c in w)
    gz: list[list[str]] = [[] for _ in range(n)]
    for s, e, entry in (gazetteer().matches(words, ignore_case=lowered) if gaz else ()):
        cap = words[s][:1].isupper()
        for k in range(s, e):
            pos = "B" if k == s else "I"
            gz[k].append(f"gz={pos}-{entry.kind}")
            gz[k].append(f"gzt={entry.type}")
            if cap:
                gz[k].append(f"gzc={pos}-{entry.kind}")
        if e < n:
            gz[e].append(f"gz_prev={entry.kind}")
        if s > 0:
            gz[s - 1].append(f"gz_next={entry.kind}")
    # Runs of capitalised words: where a token lies in one (begin, inside, end, single) and the run's
    # length, so that span edges can lean on them.
    caps = [w[:1].isupper() or (w[:1] == "(" and w[1:2].isupper()) for w in words]
    run = [""] * n
    i = 0
    while i < n:
        if caps[i]:
            j = i
            while j + 1 < n and caps[j + 1]:
                j += 1
            L = j - i + 1
            for k in range(i, j + 1):
                run[k] = "S" if L == 1 else "B" if k == i else "E" if k == j else "I"
                run[k] += str(min(L, 4))
            i = j + 1
        else:
            i += 1
    feats = []
    for i in range(n):
        f0, lw, ssh = ws[i]
        f = list(f0)
        f.extend(gz[i])
        if run[i]:
            f.append("run=" + run[i])
        if lowered:
            f.append("lowersent")
        if i == 0:
            f.append("BOS")
            if "title" in f0:
                f.append("title_first")
        else:
            pf, plw, pssh = ws[i - 1]
            f.append("-1w=" + plw)
            f.append("-1ssh=" + pssh)
            f.append("-1w|w=" + plw + "|" + lw)
            if "pertitle" in pf:
                f.append("-1pertitle")
            if "orgword" in pf:
                f.append("-1orgword")
            if i > 1:
                f.append("-2w=" + ws[i - 2][1])
                f.append("-2ssh=" + ws[i - 2][2])
        if i == n - 1:
            f.append("EOS")
        else:
            nf, nlw, nssh = ws[i + 1]
            f.append("+1w=" + nlw)
            f.append("+1ssh=" + nssh)
            f.append("w|+1w=" + lw + "|" + nlw)
            if i < n - 2:
                f.append("+2w=" + ws[i + 2][1])
                f.append("+2ssh=" + ws[i + 2][2])
        if domain:
            f.extend([domain + ":" + x for x in f])
        feats.append(f)
    return feats
