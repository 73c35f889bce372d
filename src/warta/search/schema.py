"""The search index's fields and where the index lives: beside the store, `NAME.duckdb` -> `NAME.search/`.

Text is searched in four fields: the words of the title and body as written (`title`, `body`,
positions kept for phrases) and the stems of their derived words (`title_stem`, `body_stem`,
frequencies only). Filters and facets are fields of their own, indexed for exact terms and
ranges and kept as fast (columnar) values for counting.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import tantivy

from .analysis import key_analyzer, stem_analyzer, stemming_fingerprint, word_analyzer

# Bumped whenever the fields change: an index of another version is rebuilt, not misread.
SCHEMA_VERSION = 2
META_FILE = "warta-search.json"
STEMS_FILE = "stems.tsv"  # word types stemmed for this index: a later update does not stem them again
MANIFEST_FILE = "manifest.parquet"  # id and signature (64-bit hash of its indexed fields) of every article

ANALYZER_WORDS = "warta_words"
ANALYZER_KEY = "warta_key"
ANALYZER_STEMS = "warta_stems"

DUPLICATE_STATUSES = ("none", "representative", "duplicate")


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("url", stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("title", stored=True, tokenizer_name=ANALYZER_WORDS)
    sb.add_text_field("body", stored=True, tokenizer_name=ANALYZER_WORDS)
    sb.add_text_field("title_stem", tokenizer_name=ANALYZER_STEMS, index_option="freq")
    sb.add_text_field("body_stem", tokenizer_name=ANALYZER_STEMS, index_option="freq")
    # Facets count the outlet as written; the filter matches it in any case.
    sb.add_text_field("outlet", stored=True, fast=True, tokenizer_name="raw", index_option="basic")
    sb.add_text_field("outlet_key", tokenizer_name=ANALYZER_KEY, index_option="basic")
    sb.add_date_field("published", stored=True, indexed=True, fast=True)
    sb.add_text_field("month", fast=True, tokenizer_name="raw", index_option="basic")  # YYYY-MM
    # `per:joko widodo` and `joko widodo` for each entity: by typed key or by canonical name.
    sb.add_text_field("entity", tokenizer_name=ANALYZER_KEY, index_option="basic")
    sb.add_boolean_field("has_contradiction", stored=True, indexed=True, fast=True)
    sb.add_text_field("duplicate", stored=True, fast=True, tokenizer_name="raw", index_option="basic")
    return sb.build()


def register_analyzers(index: tantivy.Index) -> None:
    index.register_tokenizer(ANALYZER_WORDS, word_analyzer())
    index.register_tokenizer(ANALYZER_KEY, key_analyzer())
    index.register_tokenizer(ANALYZER_STEMS, stem_analyzer())
    index.register_fast_field_tokenizer(ANALYZER_KEY, key_analyzer())


def index_dir_for(db_path: str | Path) -> Path:
    """`corpus.duckdb` -> `corpus.search/`, in the same folder."""
    p = Path(db_path)
    return p.with_name(p.stem + ".search") if p.suffix else p.with_name(p.name + ".search")


@dataclass(frozen=True)
class IndexMeta:
    schema_version: int
    stemming: str  # analysis.stemming_fingerprint() at build time

    @classmethod
    def current(cls) -> IndexMeta:
        return cls(SCHEMA_VERSION, stemming_fingerprint())

    @classmethod
    def read(cls, index_dir: Path) -> IndexMeta | None:
        try:
            data = json.loads((index_dir / META_FILE).read_text(encoding="utf-8"))
            return cls(int(data["schema_version"]), str(data["stemming"]))
        except (OSError, ValueError, KeyError):
            return None

    def write(self, index_dir: Path) -> None:
        tmp = index_dir / (META_FILE + ".tmp")
        tmp.write_text(json.dumps({"schema_version": self.schema_version, "stemming": self.stemming}),
                       encoding="utf-8")
        tmp.replace(index_dir / META_FILE)


def index_exists(index_dir: Path) -> bool:
    return index_dir.is_dir() and tantivy.Index.exists(str(index_dir))


def open_index(index_dir: Path) -> tantivy.Index:
    index = tantivy.Index.open(str(index_dir))
    register_analyzers(index)
    return index


def create_index(index_dir: Path) -> tantivy.Index:
    index_dir.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(build_schema(), path=str(index_dir), reuse=False)
    register_analyzers(index)
    return index
