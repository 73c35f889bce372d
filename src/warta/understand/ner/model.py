"""The shipped NER model (`warta/models/ner/`), loaded once on first use."""

from __future__ import annotations

import json
import threading
from importlib import resources
from pathlib import Path

from .crf import CRFTagger

_lock = threading.Lock()
_tagger: CRFTagger | None = None


def model_path() -> Path:
    return Path(str(resources.files("warta").joinpath("models", "ner", "crf.model")))


def load_tagger(path: str | Path | None = None) -> CRFTagger:
    """The CRF tagger of `path` (default: the shipped model), cached when it is the shipped one."""
    global _tagger
    if path is not None:
        return _open(Path(path))
    if _tagger is None:
        with _lock:
            if _tagger is None:
                _tagger = _open(model_path())
    return _tagger


def _open(path: Path) -> CRFTagger:
    if not path.exists():
        raise FileNotFoundError(f"{path}: no NER model there (train one with `make train-ner`)")
    meta_path = path.with_suffix(".json")
    meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
    tagger = CRFTagger(str(path), domains=bool(meta.get("domains")), gaz=bool(meta.get("gazetteer_features")))
    tagger.meta = meta
    tagger.size_mb = path.stat().st_size / 1e6
    return tagger
