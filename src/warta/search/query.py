"""The query language, read without ever failing, and its translation into tantivy queries.

    banjir jakarta          pages with both words (any form: `kebanjiran` counts for `banjir`)
    "banjir rob"            the exact words in this order (no stemming inside quotes)
    banjir -rob             `banjir` but not `rob` (nor its forms)
    banjir OR longsor       either side; each side is a group of required words

Any other character is part of a word and cut as the index cuts text (`COVID-19` is the phrase
`covid 19`). Function words (`di`, `yang`) are not required unless the query has nothing else.
An unclosed quote runs to the end of the query. There is no syntax error: whatever is typed
is read this way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from tantivy import FieldType, Occur, Query, Schema

from .analysis import Stemmer, stop_words, words
from .schema import DUPLICATE_STATUSES

MAX_QUERY_CHARS = 200

# Field weights. An exact word in the title counts most; a word's other forms count less than
# the form typed, so `kebanjiran` ranks pages that say `kebanjiran` above those saying `banjir`.
_W_TITLE, _W_BODY = 2.0, 1.0
_W_STEM = 0.5

_ITEM = re.compile(r'(?P<neg>-?)(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')


class SearchError(ValueError):
    """A request the index cannot answer as asked; the message says what to change."""


@dataclass
class Clause:
    terms: list[str]  # index terms; one term is a word, several a phrase
    exact: bool  # quoted: this form only
    negated: bool = False

    @property
    def is_stop_word(self) -> bool:
        return not self.exact and len(self.terms) == 1 and self.terms[0] in stop_words()


@dataclass
class ParsedQuery:
    groups: list[list[Clause]] = field(default_factory=list)  # OR of groups; AND inside a group

    @property
    def is_empty(self) -> bool:
        return not any(self.groups)

    def positive_terms(self) -> list[str]:
        """The words the pages are searched for (not the excluded ones), for highlighting."""
        return list(dict.fromkeys(t for g in self.groups for c in g if not c.negated for t in c.terms))


def check_length(text: str) -> None:
    if len(text) > MAX_QUERY_CHARS:
        raise SearchError(f"the query is {len(text)} characters long; the limit is {MAX_QUERY_CHARS}")


def parse(text: str) -> ParsedQuery:
    check_length(text)
    groups: list[list[Clause]] = [[]]
    for m in _ITEM.finditer(text):
        if m.group("word") == "OR" and not m.group("neg"):
            if groups[-1]:
                groups.append([])
            continue
        raw = m.group("phrase") if m.group("phrase") is not None else m.group("word")
        terms = words(raw)
        if not terms:
            continue
        quoted = m.group("phrase") is not None
        groups[-1].append(Clause(terms, exact=quoted, negated=bool(m.group("neg"))))
    return ParsedQuery([g for g in groups if g])


def to_tantivy(parsed: ParsedQuery, schema: Schema, stemmer: Stemmer) -> Query:
    """The parsed query as one tantivy query. Empty (nothing searchable): matches nothing."""
    groups = [q for g in parsed.groups if (q := _group_query(g, schema, stemmer)) is not None]
    if not groups:
        return Query.empty_query()
    if len(groups) == 1:
        return groups[0]
    return Query.boolean_query([(Occur.Should, q) for q in groups])


def _group_query(clauses: list[Clause], schema: Schema, stemmer: Stemmer) -> Query | None:
    positive = [c for c in clauses if not c.negated]
    required = [c for c in positive if not c.is_stop_word]
    optional = [c for c in positive if c.is_stop_word]
    if not required:  # `di mana`: nothing but function words, so they are what was asked for
        required, optional = optional, []
    parts: list[tuple[Occur, Query]] = [(Occur.Must, _clause_query(c, schema, stemmer)) for c in required]
    parts += [(Occur.Should, _clause_query(c, schema, stemmer)) for c in optional]
    negated = [(Occur.MustNot, _clause_query(c, schema, stemmer)) for c in clauses if c.negated]
    if not parts:
        if not negated:
            return None
        parts = [(Occur.Must, Query.all_query())]  # `-rob` alone: every page but those
    return Query.boolean_query(parts + negated)


def _clause_query(c: Clause, schema: Schema, stemmer: Stemmer) -> Query:
    if len(c.terms) > 1:
        return _either(
            (Query.phrase_query(schema, "title", c.terms), _W_TITLE),
            (Query.phrase_query(schema, "body", c.terms), _W_BODY),
        )
    term = c.terms[0]
    alternatives = [(Query.term_query(schema, "title", term), _W_TITLE),
                    (Query.term_query(schema, "body", term), _W_BODY)]
    if not c.exact:
        stem = stemmer.stem(term)
        # Pages with a derived form of the word's stem (`kebanjiran` for `banjir`) ...
        alternatives += [(Query.term_query(schema, "title_stem", stem), _W_TITLE * _W_STEM),
                         (Query.term_query(schema, "body_stem", stem), _W_BODY * _W_STEM)]
        if stem != term:
            # ... and, for a derived query word, pages with the bare stem (`banjir` for `kebanjiran`).
            alternatives += [(Query.term_query(schema, "title", stem), _W_TITLE * _W_STEM),
                             (Query.term_query(schema, "body", stem), _W_BODY * _W_STEM)]
    return _either(*alternatives)


def _either(*weighted: tuple[Query, float]) -> Query:
    return Query.boolean_query([(Occur.Should, Query.boost_query(q, w) if w != 1.0 else q)
                                for q, w in weighted])


# -- filters ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Filters:
    outlet: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    entity: tuple[str, ...] = ()
    has_contradiction: bool | None = None
    duplicate: tuple[str, ...] = ()

    @classmethod
    def of(cls, *, outlet: str | Sequence[str] | None = None, date_from: dt.date | str | None = None,
           date_to: dt.date | str | None = None, entity: str | Sequence[str] | None = None,
           has_contradiction: bool | None = None,
           duplicate: str | Sequence[str] | None = None) -> Filters:
        """Checked filters from what a caller passes; a wrong value raises `SearchError`."""
        dups = _as_tuple(duplicate)
        for d in dups:
            if d not in DUPLICATE_STATUSES:
                raise SearchError(f"duplicate must be one of {', '.join(DUPLICATE_STATUSES)}, not {d!r}")
        f = cls(outlet=_as_tuple(outlet), date_from=_as_date(date_from, "date_from"),
                date_to=_as_date(date_to, "date_to"), entity=_as_tuple(entity),
                has_contradiction=has_contradiction, duplicate=dups)
        if f.date_from and f.date_to and f.date_from > f.date_to:
            raise SearchError(f"date_from {f.date_from} is after date_to {f.date_to}")
        return f

    def queries(self, schema: Schema) -> list[Query]:
        out = []
        if self.outlet:
            out.append(_any_term(schema, "outlet_key", [o.strip().lower() for o in self.outlet]))
        if self.date_from or self.date_to:
            out.append(Query.range_query(schema, "published", FieldType.Date,
                                         _midnight(self.date_from) if self.date_from else None,
                                         _midnight(self.date_to) if self.date_to else None))
        for e in self.entity:  # every entity named must be in the page
            out.append(Query.term_query(schema, "entity", e.strip().lower()))
        if self.has_contradiction is not None:
            out.append(Query.term_query(schema, "has_contradiction", self.has_contradiction))
        if self.duplicate:
            out.append(_any_term(schema, "duplicate", list(self.duplicate)))
        return out


def _any_term(schema: Schema, field_name: str, values: list[str]) -> Query:
    if len(values) == 1:
        return Query.term_query(schema, field_name, values[0])
    return Query.term_set_query(schema, field_name, values)


def _as_tuple(v: str | Sequence[str] | None) -> tuple[str, ...]:
    if v is None:
        return ()
    items = (v,) if isinstance(v, str) else tuple(v)
    return tuple(s for s in items if s and s.strip())


def _as_date(v: dt.date | str | None, name: str) -> dt.date | None:
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise SearchError(f"{name} must be a date written YYYY-MM-DD, not {v!r}") from None


def _midnight(d: dt.date) -> dt.datetime:
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC)
