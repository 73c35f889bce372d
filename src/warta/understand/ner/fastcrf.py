"""Tagging with a CRFsuite model, faster than CRFsuite from Python, with the same result.

CRFsuite itself is quick, but each token's 40-80 feature strings must cross into it and be looked up
there, for every token of every text: most of the time went there. A linear-chain CRF's score is a
sum, so this tagger reads the model file's weights (`read_crfsuite`) and adds them up once per
word type instead:

- the weights of a word's own features, and of what it tells each neighbour (`features.Extractor`
  groups the features that way), are summed once per word type and kept in a table; a sentence's
  label scores are then a few array look-ups and additions (numpy), its word pairs and sentence
  features a dictionary look-up each;
- decoding is CRFsuite's Viterbi (first-order transitions, no start or end weights, ties to the
  lowest label id), run over all the sentences given at once: one array operation per step for
  all of them (`viterbi`), so a page costs about as many steps as its longest sentence has tokens.
  `tag_many` (a page at a time) is therefore much faster than `tag` sentence by sentence.

(An exact short cut that drops a label whose score at a token is too far below `O`'s for any
neighbouring labels to make up was tried: with BILOU transitions the bound is loose, and it kept
nearly every label of nearly every token, so it is not used.)

Domain copies (`train.py`) cost nothing here: the weights of `x` and `news:x` are added into one
table when the model is read. `tests/test_ner.py` checks that the tags equal CRFsuite's.
"""

from __future__ import annotations

import struct
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import conll
from .crf import domain_of
from .features import Extractor

_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])


@dataclass
class CRFModel:
    """The weights of a CRFsuite model file: labels, attributes, state and transition weights."""

    labels: list[str]
    attributes: list[str]
    state_attr: np.ndarray  # attribute id of each state feature
    state_label: np.ndarray  # label id of each state feature
    state_weight: np.ndarray
    transitions: np.ndarray  # (labels, labels): from row to column


def read_crfsuite(path: str | Path) -> CRFModel:
    """Read a CRFsuite 1st-order CRF model file (`crf1dm`, as `pycrfsuite.Trainer` writes it)."""
    buf = Path(path).read_bytes()
    if buf[:4] != b"lCRF" or buf[8:12] != b"FOMC":
        raise ValueError(f"{path}: not a CRFsuite CRF1d model")
    _version, _nf, n_labels, _n_attrs, off_feat, off_labels, off_attrs, _olr, _oar = struct.unpack_from("<9I", buf, 12)
    if buf[off_feat:off_feat + 4] != b"FEAT":
        raise ValueError(f"{path}: no feature chunk where the header says")
    (n_feat,) = struct.unpack_from("<I", buf, off_feat + 8)
    feats = np.frombuffer(buf, dtype=_FEATURE, count=n_feat, offset=off_feat + 12)
    labels = _cqdb_strings(buf, off_labels)
    attrs = _cqdb_strings(buf, off_attrs)
    state = feats[feats["type"] == 0]
    trans = feats[feats["type"] == 1]
    t = np.zeros((n_labels, n_labels))
    t[trans["src"], trans["dst"]] = trans["weight"]
    return CRFModel(labels, attrs, state["src"].astype(np.int64), state["dst"].astype(np.int64),
                    state["weight"].astype(np.float64), t)


def _cqdb_strings(buf: bytes, off: int) -> list[str]:
    """The strings of a CQDB (CRFsuite's string <-> id store), in id order, from its backward array."""
    if buf[off:off + 4] != b"CQDB":
        raise ValueError("not a CQDB chunk")
    _size, _flag, _order, n, bwd_off = struct.unpack_from("<5I", buf, off + 4)
    out = [""] * n
    for rec in np.frombuffer(buf, dtype="<u4", count=n, offset=off + bwd_off).tolist():
        ident, ksize = struct.unpack_from("<2I", buf, off + rec)
        out[ident] = buf[off + rec + 8: off + rec + 8 + ksize - 1].decode("utf-8")
    return out


class _View:
    """The weights as one domain sees them (`x` plus `domain:x`), and sums per word type."""

    def __init__(self, model: CRFModel, domain: str, ex: Extractor) -> None:
        k = len(model.labels)
        prefix = domain + ":" if domain else ""
        names: dict[str, int] = {}
        rows, cols, vals = [], [], []
        for a, lab, w in zip(model.state_attr.tolist(), model.state_label.tolist(), model.state_weight.tolist()):
            name = model.attributes[a]
            if ":" in name and name.split(":", 1)[0] in _DOMAINS:
                if not prefix or not name.startswith(prefix):
                    continue
                name = name[len(prefix):]
            rows.append(names.setdefault(name, len(names)))
            cols.append(lab)
            vals.append(w)
        weights = np.zeros((len(names) + 1, k))  # the last row: unknown attributes (zero)
        np.add.at(weights, (np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64)), vals)
        self.index = names
        self.weights = weights
        self.unknown = len(names)
        self.ex = ex
        self.k = k
        n_off = len(ex.offsets)
        # Per word type: slot 0 is padding (all zero).
        self.slot: dict[str, int] = {}
        self.lower: list[str] = [""]
        self.own = np.zeros((1024, k))
        self.nb = np.zeros((1024, n_off, k))
        self.cap = np.zeros(1024, dtype=bool)  # starts a run of capitalised words (`runs`)
        self.title = np.zeros(1024, dtype=bool)  # capitalised (`title_first`)
        self.upper = np.zeros(1024, dtype=bool)  # holds a capital letter (`lowersent`)
        # Word pairs: (a, b) -> (the weights of `-1w|w=a|b`, on b; of `w|+1w=a|b`, on a).
        prev, nxt = self._pairs("-1w|w="), self._pairs("w|+1w=")
        self.pairs = {key: (prev.get(key), nxt.get(key)) for key in prev.keys() | nxt.keys()}
        # Sentence features: `run=` by kind (S B I E) * 5 + length (1-4); row 0 outside runs.
        self.run_table = np.zeros((20, k))
        for kind, letter in enumerate("SBIE"):
            for size in range(1, 5):
                self.run_table[kind * 5 + size] = self._sum([f"run={letter}{size}"])
        self.fixed = {f: self._sum([f]) for f in ("BOS", "EOS", "title_first", "lowersent")}
        self.extras: dict[tuple[str, ...], np.ndarray] = {}

    def _pairs(self, head: str) -> dict[tuple[str, str], np.ndarray]:
        out: dict[tuple[str, str], np.ndarray] = {}
        for name, row in self.index.items():
            if name.startswith(head):
                rest = name[len(head):]
                # Every split of `a|b` is kept: a word holding `|` gives the same string either way,
                # so CRFsuite would fire the same attribute.
                pos = rest.find("|")
                while pos >= 0:
                    out[rest[:pos], rest[pos + 1:]] = self.weights[row]
                    pos = rest.find("|", pos + 1)
        return out

    def _sum(self, feats: list[str]) -> np.ndarray:
        idx = [self.index.get(f, self.unknown) for f in feats]
        return self.weights[idx].sum(0)

    def slots(self, words: Sequence[str]) -> list[int]:
        slot = self.slot
        out = []
        for w in words:
            s = slot.get(w)
            if s is None:
                s = self._add(w)
            out.append(s)
        return out

    def forget_if_full(self, limit: int = 30_000) -> None:
        """A bound on memory for endless streams of new words (called between batches only: the
        slots of a batch must stay valid while it is scored)."""
        if len(self.slot) >= limit:
            self.slot.clear()
            del self.lower[1:]

    def _add(self, w: str) -> int:
        s = len(self.slot) + 1
        if s >= len(self.own):
            self.own = np.concatenate([self.own, np.zeros_like(self.own)])
            self.nb = np.concatenate([self.nb, np.zeros_like(self.nb)])
            self.cap = np.concatenate([self.cap, np.zeros_like(self.cap)])
            self.title = np.concatenate([self.title, np.zeros_like(self.title)])
            self.upper = np.concatenate([self.upper, np.zeros_like(self.upper)])
        self.cap[s] = w[:1].isupper() or (w[:1] == "(" and w[1:2].isupper())
        self.title[s] = w[:1].isupper()
        self.upper[s] = any(c.isupper() for c in w)
        own, lw, _ = self.ex.own(w)
        self.own[s] = self._sum(own)
        for j, f in enumerate(self.ex.neighbour(w)):
            self.nb[s, j] = self._sum(f)
        self.slot[w] = s
        if s < len(self.lower):
            self.lower[s] = lw
        else:
            self.lower.append(lw)
        return s

    def extra(self, feats: list[str]) -> np.ndarray:
        key = tuple(feats)
        v = self.extras.get(key)
        if v is None:
            v = self.extras[key] = self._sum(feats)
        return v


_DOMAINS = ("news", "wiki", "lower")
_BATCH = 512  # sentences decoded together at most
_SMALL = 64  # tokens up to which a batch's sentence features are added token by token
# `run=` values (`Extractor.runs`) -> row of `_View.run_table`: kind (S B I E) * 5 + length (1-4).
_RUN_CODE = {"": 0, **{f"{letter}{size}": kind * 5 + size for kind, letter in enumerate("SBIE") for size in range(1, 5)}}


class FastTagger:
    """Tags sentences with a CRFsuite model's weights (see the module's docstring)."""

    def __init__(self, model_path: str | Path, domains: bool = False, extractor: Extractor | None = None) -> None:
        self.model = read_crfsuite(model_path)
        self.extractor = extractor or Extractor()
        self.domains = domains
        self.labels = self.model.labels
        self.o = self.labels.index("O")
        self._split = [conll.split_tag(t) for t in self.labels]
        self._views: dict[str, _View] = {}
        self._lock = threading.Lock()  # the word tables grow while tagging: one caller at a time

    def view(self, domain: str) -> _View:
        v = self._views.get(domain)
        if v is None:
            v = self._views[domain] = _View(self.model, domain if self.domains else "", self.extractor)
        return v

    def tag(self, words: Sequence[str]) -> list[str]:
        """IOB2 tags of a tokenized sentence."""
        return self.tag_many([words])[0]

    def tag_many(self, sents: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags of each tokenized sentence (faster together than one by one)."""
        out: list[list[str] | None] = [None] * len(sents)
        groups: dict[str, list[int]] = {}
        for i, s in enumerate(sents):
            if not s:
                out[i] = []
            else:
                groups.setdefault(domain_of(s) if self.domains else "", []).append(i)
        with self._lock:
            for dom, idx in groups.items():
                for c in range(0, len(idx), _BATCH):  # bounded memory for a long list of sentences
                    chunk = idx[c:c + _BATCH]
                    for i, tags in zip(chunk, self._tag_group(self.view(dom), [list(sents[i]) for i in chunk])):
                        out[i] = tags
        return out  # type: ignore[return-value]

    # -- scores -------------------------------------------------------------------------------
    def scores(self, view: _View, sents: list[list[str]]) -> tuple[np.ndarray, list[int]]:
        """Label scores of every token of `sents`, one row each (sentences one after the other),
        and where each sentence starts."""
        view.forget_if_full()
        offsets = self.extractor.offsets
        pad = max((abs(k) for k in offsets), default=0)
        seq: list[int] = [0] * pad
        real: list[int] = []
        starts: list[int] = []
        pair_pos: list[int] = []
        pair_vec: list[np.ndarray] = []
        n_tok = 0
        pairs, lower = view.pairs, view.lower
        for words in sents:
            starts.append(n_tok)
            sl = view.slots(words)
            real.extend(range(len(seq), len(seq) + len(sl)))
            seq.extend(sl)
            seq.extend([0] * pad)
            prev = lower[sl[0]]
            for i in range(1, len(sl)):
                cur = lower[sl[i]]
                hit = pairs.get((prev, cur))
                if hit is not None:
                    on_second, on_first = hit
                    if on_second is not None:
                        pair_pos.append(n_tok + i)
                        pair_vec.append(on_second)
                    if on_first is not None:
                        pair_pos.append(n_tok + i - 1)
                        pair_vec.append(on_first)
                prev = cur
            n_tok += len(sl)
        ids = np.array(seq, dtype=np.int64)
        m = len(ids)
        full = view.own[ids]
        for j, k in enumerate(offsets):
            if k < 0:
                full[-k:] += view.nb[ids[:m + k], j]
            else:
                full[:m - k] += view.nb[ids[k:], j]
        e = full[real]
        if pair_pos:
            np.add.at(e, np.array(pair_pos), np.array(pair_vec))
        if n_tok <= _SMALL:
            self._sentence_scores_small(view, e, sents)
        else:
            self._sentence_scores(view, e, ids[real], starts)
        if self.extractor.fs.gazetteer:
            k = 0
            for words in sents:
                lowered = not any(c.isupper() for w in words for c in w)
                for f in self.extractor.gazetteer_features(words, lowered):
                    if f:
                        e[k] += view.extra(f)
                    k += 1
        return e, starts

    def _sentence_scores(self, view: _View, e: np.ndarray, slots: np.ndarray, starts: list[int]) -> None:
        """Add the sentence features of `Extractor.sentence_extras` (runs of capitalised words,
        first and last token, lower-cased sentence), computed for all tokens at once."""
        n = len(e)
        start = np.array(starts)
        ends = np.append(start[1:], n) - 1
        cap = view.cap[slots]
        same_prev = np.ones(n, dtype=bool)
        same_prev[start] = False
        prev_cap = np.zeros(n, dtype=bool)
        prev_cap[1:] = cap[:-1]
        prev_cap &= same_prev
        next_cap = np.zeros(n, dtype=bool)
        next_cap[:-1] = cap[1:] & same_prev[1:]
        if cap.any():
            begin = cap & ~prev_cap
            end = cap & ~next_cap
            run = np.cumsum(begin) - 1
            length = np.flatnonzero(end) - np.flatnonzero(begin) + 1
            size = np.minimum(length[run], 4)
            kind = np.where(length[run] == 1, 0, np.where(begin, 1, np.where(end, 3, 2)))
            code = np.where(cap, kind * 5 + size, 0)
            e += view.run_table[code]
        e[start] += view.fixed["BOS"]
        e[start[view.title[slots[start]]]] += view.fixed["title_first"]
        e[ends] += view.fixed["EOS"]
        upper = np.logical_or.reduceat(view.upper[slots], start)
        if not upper.all():
            lens = np.diff(np.append(start, n))
            e[np.repeat(~upper, lens)] += view.fixed["lowersent"]

    def _sentence_scores_small(self, view: _View, e: np.ndarray, sents: list[list[str]]) -> None:
        """The same as `_sentence_scores`, token by token: for a sentence or two, a loop costs less
        than numpy's fixed costs."""
        runs = self.extractor.runs
        e += view.run_table[[_RUN_CODE[r] for words in sents for r in runs(words)]]
        k = 0
        for words in sents:
            e[k] += view.fixed["BOS"]
            if words[0][:1].isupper():
                e[k] += view.fixed["title_first"]
            k += len(words)
            e[k - 1] += view.fixed["EOS"]
            if not any(c.isupper() for w in words for c in w):
                e[k - len(words):k] += view.fixed["lowersent"]

    # -- decoding -----------------------------------------------------------------------------
    def _tag_group(self, view: _View, sents: list[list[str]]) -> list[list[str]]:
        e, starts = self.scores(view, sents)
        labels = self.viterbi(e, starts)
        out = []
        o = self.o
        n = len(e)
        for si, s in enumerate(starts):
            end = starts[si + 1] if si + 1 < len(starts) else n
            seg = labels[s:end]
            out.append(["O"] * (end - s) if seg.count(o) == end - s else self._iob2(seg))
        return out

    def _iob2(self, seg: list[int]) -> list[str]:
        """IOB2 tags of a sentence's label ids, read as `conll.spans` reads BILOU tags (conlleval's
        way, so that an ill-formed sequence gives the same spans as CRFsuite's labels would)."""
        out = []
        cur, ended = "", True
        for y in seg:
            pre, typ = self._split[y]
            if pre == "O":
                out.append("O")
                cur, ended = "", True
                continue
            if pre in "BSU" or typ != cur or ended:
                out.append("B-" + typ)
                cur = typ
            else:
                out.append("I-" + typ)
            ended = pre in "ELSU"
            if ended:
                cur = ""
        return out

    def viterbi(self, e: np.ndarray, starts: list[int]) -> list[int]:
        """CRFsuite's Viterbi over every sentence at once: label ids of the best path of each.

        The sentences are sorted longest first, so that at step t the ones still running are the
        first `active[t]`: four array operations a step for all of them. Ties go to the lowest
        label id, as in CRFsuite."""
        n, k = e.shape
        if len(starts) == 1:
            return self._viterbi_one(e)
        bounds = [*starts, n]
        lens = [bounds[i + 1] - bounds[i] for i in range(len(starts))]
        order = sorted(range(len(lens)), key=lambda i: -lens[i])
        longest = lens[order[0]]
        padded = np.zeros((longest, len(lens), k))  # time first: padded[t, :a] is one block
        for r, i in enumerate(order):
            padded[:lens[i], r] = e[starts[i]:bounds[i + 1]]
        active = [0] * (longest + 1)
        for i in lens:
            active[i - 1] += 1
        for t in range(longest - 2, -1, -1):  # active[t]: sentences longer than t
            active[t] += active[t + 1]
        trans = self.model.transitions
        score = padded[0].copy()
        back = np.zeros((longest, len(lens), k), dtype=np.int64)
        buf = np.empty((len(lens), k, k))
        for t in range(1, longest):
            a = active[t]
            c = np.add(score[:a, :, None], trans, out=buf[:a])
            c.argmax(1, out=back[t, :a])
            np.maximum.reduce(c, axis=1, out=score[:a])
            score[:a] += padded[t, :a]
        best_last = score.argmax(1).tolist()
        back_l = back.tolist()
        out = [0] * n
        for r, i in enumerate(order):
            y = best_last[r]
            s0 = starts[i]
            for t in range(lens[i] - 1, 0, -1):
                out[s0 + t] = y
                y = back_l[t][r][y]
            out[s0] = y
        return out

    def _viterbi_one(self, e: np.ndarray) -> list[int]:
        """`viterbi` for one sentence: the same steps on vectors instead of stacks of them."""
        trans = self.model.transitions
        score = e[0].copy()
        back = np.zeros(e.shape, dtype=np.int64)
        for t in range(1, len(e)):
            c = score[:, None] + trans
            c.argmax(0, out=back[t])
            score = np.maximum.reduce(c, axis=0)
            score += e[t]
        y = int(score.argmax())
        back_l = back.tolist()
        out = [0] * len(e)
        for t in range(len(e) - 1, 0, -1):
            out[t] = y
            y = back_l[t][y]
        out[0] = y
        return out
