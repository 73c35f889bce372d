"""The record types that flow through warta: what a reader yields and what the pipeline returns.

Field names follow `../shared/spec/gold-format.md` (body, title, outlet, dateline, published,
authors, dates, attributions, inconsistencies), with the removed pieces in `removed`.
Every type is a plain dataclass, so `dataclasses.asdict` gives JSON-ready data.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal

# `text-lines`: a paragraph a line; `text-flat`: line breaks lost; `html`: a saved page.
Format = Literal["text-lines", "text-flat", "html"]

# Clutter kinds of the gold format's `drop` table.
CLUTTER_KINDS = (
    "read_also", "related", "headline", "dateline", "credit", "caption",
    "promo", "nav", "tags", "social", "footer", "other",
)


@dataclass(frozen=True)
class RawDoc:
    """One input record as a reader found it, decoded to text."""

    id: str
    content: str
    kind: Literal["text", "html"]
    url: str | None = None
    encoding: str | None = None  # the charset used to decode the bytes, when there were bytes
    source: str | None = None  # where it came from: file path, and line or record number


@dataclass(frozen=True)
class Quarantined:
    """An input record that could not be processed, and why. Never silently lost."""

    id: str | None
    reason: str  # a short machine-readable reason, e.g. `empty`, `binary`, `not-json`
    detail: str  # one plain sentence for a person
    source: str | None = None


@dataclass
class Removed:
    """A piece of clutter taken out of the page, kept so a user can audit or restore it.

    `start`/`end` are character offsets into the text that was cleaned: the input text itself
    for text inputs, the page's extracted text (blocks joined by newlines) for HTML.
    """

    text: str
    kind: str
    start: int
    end: int


@dataclass
class Article:
    """What warta makes of one page."""

    id: str | None
    body: str
    format: Format
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    dateline: str | None = None
    published: str | None = None  # YYYY-MM-DD
    authors: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    attributions: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)  # direct quotes with their speakers
    entities: list[dict[str, Any]] = field(default_factory=list)  # people, organisations, places
    inconsistencies: list[dict[str, Any]] = field(default_factory=list)
    encoding: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Article:
        """The inverse of `to_dict`: an Article back from its JSON record (unknown keys ignored,
        so records written by a newer warta still load)."""
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in record.items() if k in names}
        values["removed"] = [Removed(text=r["text"], kind=r["kind"], start=r["start"], end=r["end"])
                             for r in values.get("removed") or []]
        return cls(**values)
