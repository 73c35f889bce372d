"""The CRF (CRFsuite through python-crfsuite): training, and tagging with CRFsuite itself.

Labels are BILOU over PER / ORG / LOC by default (`scheme`); tags come back as IOB2 either way.
warta tags with `fastcrf.FastTagger`, which reads the weights of the same model file and decodes
the same way, faster; `CRFTagger` is the reference it is checked against.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pycrfsuite

from . import conll
from .features import Extractor

DEFAULT_PARAMS = {
    "c1": 0.05,
    "c2": 0.02,
    "max_iterations": 200,
    "feature.possible_transitions": True,
}


def train(sents: Iterable[conll.Sentence], model_path: str, params: dict | None = None,
          scheme: str = "BILOU", verbose: bool = False, domains: dict[str, str] | None = None,
          extractor: Extractor | None = None, algorithm: str = "lbfgs") -> None:
    """Train on `sents`; with `domains` (dataset name -> domain), domain-marked feature copies.
    `params` are CRFsuite's for `algorithm` (`c1`, `c2` are L-BFGS's only)."""
    ex = extractor or Extractor()
    trainer = pycrfsuite.Trainer(algorithm=algorithm, verbose=verbose)
    for s in sents:
        labels = conll.tags_from_spans(conll.spans(s.tags), len(s.tokens), scheme)
        trainer.append(ex.sentence_features(s.tokens, domains.get(s.source) if domains else None), labels)
    defaults = DEFAULT_PARAMS if algorithm == "lbfgs" else {"feature.possible_transitions": True}
    trainer.set_params({**defaults, **(params or {})})
    trainer.train(model_path)


def domain_of(words: Sequence[str]) -> str:
    """The domain copy a sentence is tagged with: `news`, or `lower` when it has no capital letter."""
    return "news" if any(c.isupper() for w in words for c in w) else "lower"


class CRFTagger:
    def __init__(self, model_path: str, domains: bool = False, extractor: Extractor | None = None) -> None:
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(model_path))
        self.domains = domains  # trained with domain copies: news, or lower for lower-cased text
        self.extractor = extractor or Extractor()

    def tag(self, words: Sequence[str]) -> list[str]:
        """IOB2 tags of a tokenized sentence."""
        if not words:
            return []
        words = list(words)
        dom = domain_of(words) if self.domains else None
        raw = self.tagger.tag(self.extractor.sentence_features(words, dom))
        return conll.tags_from_spans(conll.spans(raw), len(raw))

    def tag_many(self, sents: Iterable[Sequence[str]]) -> list[list[str]]:
        return [self.tag(s) for s in sents]
