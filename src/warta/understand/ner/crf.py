"""The CRF tagger (CRFsuite through python-crfsuite): training and tagging.

Labels are BILOU over PER / ORG / LOC by default (`scheme`); tags come back as IOB2 either way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pycrfsuite

from . import conll
from .features import sentence_features

DEFAULT_PARAMS = {
    "c1": 0.05,
    "c2": 0.02,
    "max_iterations": 200,
    "feature.possible_transitions": True,
}


def train(sents: Iterable[conll.Sentence], model_path: str, params: dict | None = None,
          scheme: str = "BILOU", verbose: bool = False, domains: dict[str, str] | None = None,
          gaz: bool = False) -> None:
    """Train on `sents`; with `domains` (dataset name -> domain), domain-marked feature copies;
    with `gaz`, gazetteer-match features."""
    trainer = pycrfsuite.Trainer(verbose=verbose)
    for s in sents:
        labels = conll.tags_from_spans(conll.spans(s.tags), len(s.tokens), scheme)
        trainer.append(sentence_features(s.tokens, domains.get(s.source) if domains else None, gaz), labels)
    trainer.set_params({**DEFAULT_PARAMS, **(params or {})})
    trainer.train(model_path)


class CRFTagger:
    def __init__(self, model_path: str, domains: bool = False, gaz: bool = False) -> None:
        self.tagger = pycrfsuite.Tagger()
        self.tagger.open(str(model_path))
        self.domains = domains  # trained with domain copies: news, or lower for lower-cased text
        self.gaz = gaz  # trained with gazetteer features

    def domain_of(self, words: Sequence[str]) -> str | None:
        if not self.domains:
            return None
        return "news" if any(c.isupper() for w in words for c in w) else "lower"

    def tag(self, words: Sequence[str]) -> list[str]:
        """IOB2 tags of a tokenized sentence."""
        if not words:
            return []
        raw = self.tagger.tag(sentence_features(list(words), self.domain_of(words), self.gaz))
        return conll.tags_from_spans(conll.spans(raw), len(raw))

    def tag_many(self, sents: Iterable[Sequence[str]]) -> list[list[str]]:
        return [self.tag(s) for s in sents]
