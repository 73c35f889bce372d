"""Word classes for the CRF's features, learned from text: `lexicon.tsv` beside the model.

A CRF learns little about a word it met once or never; a class shared by many words lets it carry
what it learned from the frequent ones to the rare ones. Three kinds of class, each a column:

- `fq`: how common the (lower-cased) word is in Indonesian at large: wordfreq's Zipf frequency,
  rounded (0 for a word wordfreq does not list). Names of people and small organisations are rare
  there; function words and common nouns, capitalised at the start of a sentence, are frequent.
- `cr`: how the cased training text writes the word inside a sentence (not as its first token):
  `cap` (capitalised 90% of the time or more), `mixed`, `low` (10% or less); words seen there fewer
  than twice get none.
- `c1`, `c2`, `c3`: distributional clusters at three granularities (Brown clusters' prefixes play
  the same part): words are grouped by the words found next to them in the training text
  (positive PMI of left and right neighbours, reduced by SVD, then k-means), so that `Bekasi`
  falls with `Depok` and `Kemensos` with `Kemenkeu` without any label.

Built by `make train-ner` (`build`) from the train splits' text only (never a dev or test split),
deterministic; loaded by the tagger with the model. wordfreq is needed to build the table, not to
use it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

COLUMNS = ("fq", "cr", "c1", "c2", "c3")
NEIGHBOUR_COLUMNS = ("fq", "cr", "c2")


class Lexicon:
    def __init__(self, table: dict[str, tuple[str, ...]], columns: Sequence[str] = COLUMNS,
                 neighbour_columns: Sequence[str] = NEIGHBOUR_COLUMNS) -> None:
        self.table = table
        self.columns = tuple(columns)
        self.neighbour_columns = tuple(neighbour_columns)
        self._nb_idx = [i for i, c in enumerate(self.columns) if c in self.neighbour_columns]
        self._default = ("fq=0",) if "fq" in self.columns else ()

    def classes(self, word: str, neighbour: bool = False) -> list[str]:
        """`column=value` strings of a lower-cased word (only the neighbour columns with `neighbour`)."""
        row = self.table.get(word)
        if row is None:
            return list(self._default)
        idx = self._nb_idx if neighbour else range(len(self.columns))
        return [self.columns[i] + "=" + row[i] for i in idx if row[i]]

    def save(self, path: str | Path) -> None:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write("# word\t" + "\t".join(self.columns) + "\n")
            fh.writelines(w + "\t" + "\t".join(self.table[w]) + "\n" for w in sorted(self.table))

    @classmethod
    def load(cls, path: str | Path) -> Lexicon:
        table: dict[str, tuple[str, ...]] = {}
        with open(path, encoding="utf-8") as fh:
            columns = tuple(fh.readline().rstrip("\n").split("\t")[1:])
            for line in fh:
                cols = line.rstrip("\n").split("\t")
                table[cols[0]] = tuple(cols[1:])
        return cls(table, columns)


def frequency_classes() -> dict[str, str]:
    """Word -> rounded Zipf frequency in Indonesian (wordfreq's `id` list)."""
    import wordfreq

    out = {}
    for w in wordfreq.iter_wordlist("id"):
        z = wordfreq.zipf_frequency(w, "id")
        if z > 0:
            out[w] = str(round(z))
    return out


def capitalisation_classes(sents: Iterable[Sequence[str]], min_count: int = 2) -> dict[str, str]:
    """Word -> `cap` / `mixed` / `low`: how the text writes it inside a sentence."""
    cap: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for toks in sents:
        for w in toks[1:]:
            if w[:1].isalpha():
                lw = w.casefold()
                total[lw] += 1
                if w[:1].isupper():
                    cap[lw] += 1
    out = {}
    for w, n in total.items():
        if n >= min_count:
            r = cap[w] / n
            out[w] = "cap" if r >= 0.9 else "low" if r <= 0.1 else "mixed"
    return out


def cluster_classes(sents: Iterable[Sequence[str]], ks: Sequence[int] = (32, 128, 512), min_count: int = 2,
                    n_context: int = 1000, dim: int = 60, seed: int = 0) -> dict[str, tuple[str, ...]]:
    """Word -> cluster ids at each granularity of `ks` (see the module's docstring)."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds

    sents = [[w.casefold() for w in s] for s in sents]
    counts = Counter(w for s in sents for w in s)
    vocab = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[:n_context])}
    nc = len(ctx) + 1  # the last context: the sentence's edge
    edge = nc - 1
    pairs: Counter[tuple[int, int]] = Counter()
    for s in sents:
        padded = [None, *s, None]
        for i in range(1, len(padded) - 1):
            r = index.get(padded[i])
            if r is None:
                continue
            left, right = padded[i - 1], padded[i + 1]
            lc = edge if left is None else ctx.get(left)
            rc = edge if right is None else ctx.get(right)
            if lc is not None:
                pairs[r, lc] += 1
            if rc is not None:
                pairs[r, nc + rc] += 1
    keys = sorted(pairs)
    rows = np.array([k[0] for k in keys])
    cols = np.array([k[1] for k in keys])
    vals = np.array([pairs[k] for k in keys], dtype=np.float64)
    m = coo_matrix((vals, (rows, cols)), shape=(len(vocab), 2 * nc)).tocsr()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75  # context smoothing (Levy et al. 2015)
    col_p = col_sum / col_sum.sum()
    m = m.tocoo()
    pmi = np.log((m.data / total) / ((row_sum[m.row] / total) * col_p[m.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape).tocsr()
    v0 = np.ones(min(ppmi.shape)) / np.sqrt(min(ppmi.shape))
    u, s, _vt = svds(ppmi, k=max(1, min(dim, min(ppmi.shape) - 1)), v0=v0)
    keep = s > s.max() * 1e-6  # directions of the null space are arbitrary: left out
    x = u[:, keep] * s[keep]
    x *= np.sign(x[np.abs(x).argmax(0), np.arange(x.shape[1])])  # each component's sign fixed
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    x = np.round(x, 6)  # the last bits of threaded BLAS sums vary: the same words, the same points
    labels = [_kmeans(x, k, seed) for k in ks]
    return {w: tuple(str(lab[i]) for lab in labels) for i, w in enumerate(vocab)}


def _kmeans(x, k: int, seed: int, iterations: int = 30):
    """Lloyd's k-means with k-means++ seeding from a fixed seed: the same labels on every run."""
    import numpy as np

    rng = np.random.default_rng(seed)
    n = len(x)
    centres = [x[rng.integers(n)]]
    d2 = ((x - centres[0]) ** 2).sum(1)
    for _ in range(1, min(k, n)):
        if d2.sum() <= 0:  # fewer distinct words than clusters
            break
        c = x[rng.choice(n, p=d2 / d2.sum())]
        centres.append(c)
        d2 = np.minimum(d2, ((x - c) ** 2).sum(1))
    c = np.array(centres)
    k = len(c)
    lab = np.zeros(n, dtype=np.int64)
    for _ in range(iterations):
        lab = (x @ c.T * -2 + (c ** 2).sum(1)).argmin(1)
        for j in range(k):
            members = x[lab == j]
            if len(members):
                c[j] = members.mean(0)
    return lab


def build(sents: Sequence[Sequence[str]], cased: Sequence[Sequence[str]], columns: Sequence[str] = COLUMNS) -> Lexicon:
    """The lexicon of the training text: `sents` (every train split) for the clusters, `cased` (the
    splits written with capitals) for `cr`, wordfreq for `fq`."""
    fq = frequency_classes() if "fq" in columns else {}
    cr = capitalisation_classes(cased) if "cr" in columns else {}
    cl = cluster_classes(sents) if any(c.startswith("c") and c[1:].isdigit() for c in columns) else {}
    table: dict[str, tuple[str, ...]] = {}
    for w in sorted(set(fq) | set(cr) | set(cl)):
        row = []
        for c in columns:
            if c == "fq":
                row.append(fq.get(w, "0"))
            elif c == "cr":
                row.append(cr.get(w, ""))
            else:
                row.append(cl[w][int(c[1:]) - 1] if w in cl else "")
        table[w] = tuple(row)
    return Lexicon(table, columns)
