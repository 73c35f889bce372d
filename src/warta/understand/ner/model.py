"""The shipped NER model (`warta/models/ner/`), loaded once on first use.

A model is its CRFsuite file (`crf.model`), its card (`crf.json`: the feature set, the domains,
how it was trained and scored) and, when its features use word classes, `lexicon.tsv`.
"""

from __future__ import annotations

import json
import threading
from importlib import resources
from pathlib import Path

from .crf import CRFTagger
from .fastcrf import FastTagger
from .features import Extractor, FeatureSet
from .lexicon import Lexicon

_lock = threading.Lock()
_tagger: FastTagger | None = None


def model_path() -> Path:
    return Path(str(resources.files("warta").joinpath("models", "ner", "crf.model")))


def load_tagger(path: str | Path | None = None) -> FastTagger:
    """The tagger of `path` (default: the shipped model), cached when it is the shipped one."""
    global _tagger
    if path is not None:
        return _open(Path(path))
    if _tagger is None:
        with _lock:
            if _tagger is None:
                _tagger = _open(model_path())
    return _tagger


def card(path: Path) -> dict:
    meta_path = path.with_suffix(".json")
    return json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}


def extractor_for(path: Path, meta: dict, cache_size: int = 200_000) -> Extractor:
    """The feature extractor a model was trained with, as its card says."""
    fs = FeatureSet.from_json(meta.get("features") or {"gazetteer": bool(meta.get("gazetteer_features"))})
    lexicon = Lexicon.load(path.parent / meta.get("lexicon", "lexicon.tsv")) if fs.lexicon else None
    return Extractor(fs, lexicon, cache_size)


def _open(path: Path, reference: bool = False) -> FastTagger:
    if not path.exists():
        raise FileNotFoundError(f"{path}: no NER model there (train one with `make train-ner`)")
    meta = card(path)
    cls = CRFTagger if reference else FastTagger
    # The fast tagger keeps its own per-word sums: the feature strings need no cache beside them.
    ex = extractor_for(path, meta, cache_size=200_000 if reference else 0)
    tagger = cls(str(path), domains=bool(meta.get("domains")), extractor=ex)
    tagger.meta = meta
    tagger.size_mb = path.stat().st_size / 1e6
    return tagger


def load_reference_tagger(path: str | Path | None = None) -> CRFTagger:
    """The same model tagged by CRFsuite itself (slower; what `FastTagger` is checked against)."""
    return _open(Path(path) if path is not None else model_path(), reference=True)
