"""Token features for the CRF: the word, its affixes and shape, its neighbours, word classes.

Every feature of a token falls in one of five groups, so that the fast tagger (`fastcrf.py`) can
add up a model's weights per word type once and reuse the sums (`FeatureSet` says which are on):

- the word alone (`own_features`): the lower-cased word; prefixes and suffixes of 1-4 letters; the
  shape (`Xxxx`, `XX`, `dd/dd`) and its short form (`Xx`); capitalisation, digit, hyphen and
  punctuation flags; title or office words (`Presiden`, `Kapolda`) and organisation heads
  (`Partai`, `Universitas`) from `lang/id/entities/`; the word inside brackets (`(MK)`); with
  `lexicon`, the word's classes from `lexicon.tsv` (how common it is in Indonesian, how often the
  training text capitalises it inside a sentence, its distributional clusters);
- a neighbour (`neighbour_features`, offsets -window..+window): its lower-cased word and short
  shape, title and organisation-head flags, its classes;
- a pair of adjacent words (`-1w|w`, `w|+1w`);
- the sentence: first or last token, the token's place in a run of capitalised words, whether
  the sentence has no capital letter at all (NERP is lower-cased);
- the gazetteer (optional, `gazetteer`; the shipped model does without, see models/ner/README.md):
  where the token lies in a longest match of a country, province, regency, known person or
  organisation name (`gazetteer.py`).

With a domain (`news`, `wiki`, `lower`), every feature also comes as a copy marked with it:
Daume's "frustratingly easy" domain adaptation (see `train.py`).

The word's own and neighbour features are cached per word type, so a word met again costs a
dictionary look-up.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .gazetteer import gazetteer, word_list
from .lexicon import Lexicon

_STRIP = "()[]\"'“”‘’,.:;"


@dataclass(frozen=True)
class FeatureSet:
    """Which feature groups a model was trained with (kept in the model's JSON card)."""

    window: int = 2  # neighbour words and shapes this far either side
    neighbour_flags: bool = False  # title / org-head flags of every neighbour, not only the previous one
    lexicon: bool = False  # word classes from lexicon.tsv for the word and its neighbours
    gazetteer: bool = False  # gazetteer-match features

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, d: dict | None) -> FeatureSet:
        return cls(**{k: v for k, v in (d or {}).items() if k in cls.__dataclass_fields__})


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


def offset_name(k: int) -> str:
    return f"+{k}" if k > 0 else str(k)


class Extractor:
    """The features of a `FeatureSet` (and its lexicon), with per-word caches."""

    def __init__(self, fs: FeatureSet | None = None, lexicon: Lexicon | None = None, cache_size: int = 200_000) -> None:
        """`cache_size`: word types whose feature strings are kept (0 for a user, such as the fast
        tagger, that keeps what it derives from them instead)."""
        self.fs = fs or FeatureSet()
        self.cache_size = cache_size
        if self.fs.lexicon and lexicon is None:
            raise ValueError("this feature set needs a lexicon")
        self.lexicon = lexicon if self.fs.lexicon else None
        self.offsets = [k for k in range(-self.fs.window, self.fs.window + 1) if k != 0]
        self._titles = word_list("person_titles.txt")
        self._heads = word_list("org_words.txt")
        self._own: dict[str, tuple[list[str], str, bool]] = {}
        self._nb: dict[str, list[list[str]]] = {}

    # -- per word type ------------------------------------------------------------------------
    def own(self, w: str) -> tuple[list[str], str, bool]:
        """(features of the word alone, its lower-cased form, whether it is capitalised), cached."""
        hit = self._own.get(w)
        if hit is not None:
            return hit
        lw = w.casefold()
        sh = shape(w)
        f = ["w=" + lw, "sh=" + (sh if len(sh) <= 6 else sh[:3] + ".." + sh[-2:]), "ssh=" + short_shape(sh)]
        for k in (1, 2, 3, 4):
            if len(lw) > k:
                f.append(f"p{k}={lw[:k]}")
                f.append(f"s{k}={lw[-k:]}")
        title = w[:1].isupper()
        if title:
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
        if lw in self._titles:
            f.append("pertitle")
        if lw in self._heads:
            f.append("orgword")
        if len(lw) <= 3:
            f.append("short")
        core = w.strip(_STRIP)
        if core and core != w and any(c.isalnum() for c in core):  # `(MK)`, `(Jokowi)`: the word inside
            f.append("core=" + core.casefold())
            f.append("wrapped=" + w[0] + (w[-1] if not w[-1].isalnum() else ""))
            if core[:1].isupper():
                f.append("core_title")
        if self.lexicon is not None:
            f.extend(self.lexicon.classes(core.casefold() if core else lw))
        out = (f, lw, title)
        if len(self._own) < self.cache_size:
            self._own[w] = out
        return out

    def neighbour(self, w: str) -> list[list[str]]:
        """What the word tells a token at each offset of `self.offsets` from it, cached.

        Index j holds the features the word gives the token at offset -offsets[j] from it, named
        by where the word lies seen from that token (`-1w=` is the previous word)."""
        hit = self._nb.get(w)
        if hit is not None:
            return hit
        own, lw, _ = self.own(w)
        ssh = own[2][4:]
        flags = [x for x in own if x in ("pertitle", "orgword")]
        classes = self.lexicon.classes(lw, neighbour=True) if self.lexicon is not None else []
        out = []
        for k in self.offsets:
            name = offset_name(k)
            f = [name + "w=" + lw, name + "ssh=" + ssh]
            if k == -1 or self.fs.neighbour_flags:
                f.extend(name + x for x in flags)
            f.extend(name + c for c in classes)
            out.append(f)
        if len(self._nb) < self.cache_size:
            self._nb[w] = out
        return out

    # -- per sentence -----------------------------------------------------------------------
    @staticmethod
    def runs(words: list[str]) -> list[str]:
        """Each token's place in a run of capitalised words (`B3`, `I4`, `E2`, `S1`) or ""."""
        n = len(words)
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
                    run[k] = ("S" if L == 1 else "B" if k == i else "E" if k == j else "I") + str(min(L, 4))
                i = j + 1
            else:
                i += 1
        return run

    def gazetteer_features(self, words: list[str], lowered: bool) -> list[list[str]]:
        n = len(words)
        gz: list[list[str]] = [[] for _ in range(n)]
        for s, e, entry in gazetteer().matches(words, ignore_case=lowered):
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
        return gz

    def sentence_extras(self, words: list[str]) -> list[list[str]]:
        """The sentence-level features of each token (runs, first/last, lower-cased sentence, gazetteer)."""
        lowered = not any(c.isupper() for w in words for c in w)
        run = self.runs(words)
        out = [["run=" + r] if r else [] for r in run]
        if lowered:
            for f in out:
                f.append("lowersent")
        out[0].append("BOS")
        if words[0][:1].isupper():
            out[0].append("title_first")
        out[-1].append("EOS")
        if self.fs.gazetteer:
            for f, g in zip(out, self.gazetteer_features(words, lowered)):
                f.extend(g)
        return out

    def sentence_features(self, words: list[str], domain: str | None = None) -> list[list[str]]:
        """Features of each token; with `domain`, each feature also comes as a copy marked with it.

        The order of a token's features is the one the model of 2026-11-26 was first trained with
        (the word, gazetteer, run, sentence, then the words before and the words after): CRFsuite
        numbers features as it meets them, and the order of its sums follows, so keeping the order
        keeps the trained model the same file."""
        n = len(words)
        if n == 0:
            return []
        own = [self.own(w) for w in words]
        nb = [self.neighbour(w) for w in words]
        lowered = not any(c.isupper() for w in words for c in w)
        run = self.runs(words)
        gz = self.gazetteer_features(words, lowered) if self.fs.gazetteer else None
        before = [(j, k) for j, k in enumerate(self.offsets) if k < 0][::-1]  # -1, -2, ...
        after = [(j, k) for j, k in enumerate(self.offsets) if k > 0]  # +1, +2, ...
        feats = []
        for i in range(n):
            f0, lw, title = own[i]
            f = list(f0)
            if gz is not None:
                f.extend(gz[i])
            if run[i]:
                f.append("run=" + run[i])
            if lowered:
                f.append("lowersent")
            if i == 0:
                f.append("BOS")
                if title:
                    f.append("title_first")
            for j, k in before:
                if i + k < 0:
                    break
                g = nb[i + k][j]
                if k == -1:  # the pair with the previous word after its word and shape
                    f.extend(g[:2])
                    f.append("-1w|w=" + own[i - 1][1] + "|" + lw)
                    f.extend(g[2:])
                else:
                    f.extend(g)
            if i == n - 1:
                f.append("EOS")
            for j, k in after:
                if i + k >= n:
                    break
                g = nb[i + k][j]
                if k == 1:
                    f.extend(g[:2])
                    f.append("w|+1w=" + lw + "|" + own[i + 1][1])
                    f.extend(g[2:])
                else:
                    f.extend(g)
            if domain:
                f.extend([domain + ":" + x for x in f])
            feats.append(f)
        return feats
