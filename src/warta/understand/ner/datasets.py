"""The NER datasets under `../shared/data/ner`: where each split lives, how it is read, its licence.

`shippable` says whether a model that warta ships may be trained on the set (see each set's
README there): PFSA-ID is CC BY-NC-SA (non-commercial), so it is never used for training here.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import conll
from .tokenize import tokenize


@dataclass(frozen=True)
class Dataset:
    name: str
    folder: str
    train: str | None
    dev: str | None
    fmt: str  # conll | inline-xml
    licence: str
    shippable: bool
    cased: bool = True


DATASETS: dict[str, Dataset] = {d.name: d for d in (
    Dataset("idner-news-2k", "idner-news-2k", "train.txt", "dev.txt", "conll",
            "MIT (c) 2020 khairunnisaor", True),
    Dataset("nergrit", "indonlu-nergrit", "train_preprocess.txt", "valid_preprocess.txt", "conll",
            "NERGRIT corpus: free for learning and commercial use with contributors and licence credited; IndoNLU repo Apache-2.0", True),
    Dataset("nerp", "indonlu-nerp", "train_preprocess.txt", "valid_preprocess.txt", "conll",
            "CC BY-SA 4.0 (as NusaCrowd lists it; IndoNLU repo Apache-2.0)", True, cased=False),
    Dataset("yusufsyaifudin", "yusufsyaifudin-indonesia-ner", "data_train.txt", None, "inline-xml",
            "MIT (c) 2016 Yusuf Syaifudin", True),
    Dataset("pfsa-id", "pfsa-id", None, None, "conll", "CC BY-NC-SA 4.0 (non-commercial)", False),
)}


def shared_dir() -> Path | None:
    """`../shared` beside the repository (or $WARTA_SHARED), if it is there."""
    env = os.environ.get("WARTA_SHARED")
    if env:
        return Path(env) if Path(env).is_dir() else None
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        cand = base.parent / "shared" if base.name != "shared" else base
        if (cand / "data" / "ner").is_dir():
            return cand
    return None


def ner_dir() -> Path | None:
    s = shared_dir()
    return s / "data" / "ner" if s else None


def read(name: str, split: str, root: Path | None = None) -> list[conll.Sentence]:
    """A split (`train` or `dev`) of a dataset, tags mapped to warta's types (IOB2)."""
    ds = DATASETS[name]
    fname = ds.train if split == "train" else ds.dev
    if fname is None:
        return []
    root = root or ner_dir()
    if root is None:
        raise FileNotFoundError("../shared/data/ner is absent")
    path = root / ds.folder / fname
    if ds.fmt == "inline-xml":
        sents = conll.read_inline_xml(path, tokenize, source=name)
    else:
        sents = conll.read_conll(path, source=name)
    for s in sents:
        s.source = name
        conll.normalise(s)
    return sents


def text_key(tokens: list[str]) -> str:
    """The de-duplication key of a sentence: lower-cased, only [0-9a-z] kept (as in ../shared)."""
    return re.sub(r"[^0-9a-z]", "", " ".join(tokens).lower())
