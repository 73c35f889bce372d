"""Imported once by the ingest's fork server: load everything the pipeline loads lazily (language
data, the NER model, the HTML parser) by running it on two tiny pages, so that every worker
forked from the server starts warm, sharing those pages of memory, instead of loading them itself."""

from __future__ import annotations

from ..article import RawDoc
from ..pipeline import process

_TEXT = "JAKARTA - Gubernur meresmikan jembatan baru di Jakarta Timur, Senin (3/3/2025), kata petugas."
process(RawDoc(id="warm-text", content=_TEXT, kind="text"))
process(RawDoc(id="warm-html", content=f"<html><body><article><p>{_TEXT}</p></article></body></html>", kind="html"))
