"""The linker's input and output records: the contract the store codes against.

`ConnectDoc` is what the linker needs of one article (its id, where and when it appeared, its
text, and the canonical keys the understanding steps found); `Links` is everything it finds.
Rows are plain dataclasses so that `dataclasses.asdict` gives a table row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DuplicateKind = Literal["exact", "near", "syndicated"]


@dataclass(frozen=True)
class ConnectDoc:
    """One article as the linker sees it."""

    id: str
    outlet: str | None
    published: str | None  # YYYY-MM-DD
    title: str | None
    body: str
    entities: list[str]  # canonical keys like "PER:Joko Widodo", "LOC:Rusia", "ORG:BNPB"
    dates: list[str]  # ISO values of the dates in the body


@dataclass(frozen=True)
class DuplicateRow:
    """An article that belongs to a duplicate cluster (two or more members).

    `kind` says how the article relates to the cluster's representative: `exact` (the same
    normalised body), `near` (an edited copy: truncated, reworded, with other clutter) or
    `syndicated` (the same story under another outlet). The representative's own row carries
    the cluster's kind (`syndicated` when the cluster spans outlets) and similarity 1.0.
    `similarity` is the Jaccard similarity of the word-shingle sets with the representative.
    """

    article_id: str
    cluster_id: str
    representative_id: str
    kind: DuplicateKind
    similarity: float


@dataclass(frozen=True)
class RelatedRow:
    """One of an article's most related articles, with the score and the evidence for it."""

    article_id: str
    related_id: str
    score: float
    reasons: list[str]


@dataclass(frozen=True)
class StoryRow:
    """An article's membership in a story: related articles across outlets and days."""

    story_id: str
    article_id: str


@dataclass
class Links:
    duplicates: list[DuplicateRow] = field(default_factory=list)
    related: list[RelatedRow] = field(default_factory=list)
    stories: list[StoryRow] = field(default_factory=list)
