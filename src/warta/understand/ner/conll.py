"""CoNLL-style NER files: reading, tag-set mapping to warta's types, spans from tags and back.

A CoNLL-style file has one token a line with its tag in the last column (columns split by tabs or
spaces), a blank line between sentences; `-DOCSTART-` lines are skipped. Tags may be IOB1, IOB2,
IOE or BILOU (`B- I- L- U- E- S-` prefixes); they are read into spans the way seqeval's default
(conlleval) mode does, so a stray `I-X` opens a span.

Types are mapped to warta's three (`PER`, `ORG`, `LOC`) by `TYPE_MAP`; every other type is read as
outside (`O`). The mapping covers the tag sets of the datasets under `../shared/data/ner`:

| dataset | PER | ORG | LOC | read as O |
| --- | --- | --- | --- | --- |
| idner-news-2k | PER | ORG | LOC | - |
| NERGrit (IndoNLU) | PERSON | ORGANISATION | PLACE | - |
| NERP (IndoNLU) | PPL | IND | PLC | EVT, FNB |
| yusufsyaifudin (inline XML) | PERSON | ORGANIZATION | LOCATION | TIME, QUANTITY |
| PFSA-ID (BILOU) | PERSON | - | LOCATION | PERSONCOREF, ROLE, AFFILIATION, CUE, ... |

NERP's IND is "product/brand/organisation-like": mostly companies, clubs, media and institutions,
but also products (`android`, `ios`); it is read as ORG, which is the nearest of warta's types.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

TYPES = ("PER", "ORG", "LOC")

TYPE_MAP: dict[str, str] = {
    "PER": "PER", "PERSON": "PER", "PPL": "PER",
    "ORG": "ORG", "ORGANISATION": "ORG", "ORGANIZATION": "ORG", "IND": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "PLACE": "LOC", "PLC": "LOC",
}


@dataclass
class Sentence:
    tokens: list[str]
    tags: list[str]  # IOB2 over warta's types after `normalise`, as read before
    source: str = ""
    meta: dict = field(default_factory=dict)


Span = tuple[str, int, int]  # (type, first token, one past the last token)


def split_tag(tag: str) -> tuple[str, str]:
    """`B-PER` -> ("B", "PER"); `O` -> ("O", ""); a bare type `PER` -> ("I", "PER")."""
    if tag in ("O", "", "-"):
        return "O", ""
    if len(tag) > 2 and tag[1] in "-_" and tag[0] in "BIELSU":
        return tag[0], tag[2:]
    return "I", tag


def spans(tags: Iterable[str]) -> list[Span]:
    """Entity spans from a tag sequence, conlleval-style (IOB1/IOB2/IOE/BILOU all accepted)."""
    out: list[Span] = []
    cur_type, cur_start, prev_end = "", -1, True
    i = -1
    for i, tag in enumerate(tags):
        pre, typ = split_tag(tag)
        if pre == "O":
            if cur_type:
                out.append((cur_type, cur_start, i))
            cur_type, prev_end = "", True
            continue
        starts = pre in "BSU" or typ != cur_type or prev_end
        if starts:
            if cur_type:
                out.append((cur_type, cur_start, i))
            cur_type, cur_start = typ, i
        prev_end = pre in "ELSU"
        if prev_end:
            out.append((cur_type, cur_start, i + 1))
            cur_type = ""
    if cur_type:
        out.append((cur_type, cur_start, i + 1))
    return out


def tags_from_spans(spans_: Iterable[Span], n: int, scheme: str = "IOB") -> list[str]:
    tags = ["O"] * n
    for typ, s, e in spans_:
        if scheme == "BILOU":
            if e - s == 1:
                tags[s] = "U-" + typ
            else:
                tags[s] = "B-" + typ
                for k in range(s + 1, e - 1):
                    tags[k] = "I-" + typ
                tags[e - 1] = "L-" + typ
        else:
            tags[s] = "B-" + typ
            for k in range(s + 1, e):
                tags[k] = "I-" + typ
    return tags


def map_spans(spans_: Iterable[Span], type_map: dict[str, str] | None = None) -> list[Span]:
    """Keep the spans whose type maps to one of warta's types, renamed; drop the rest."""
    tm = TYPE_MAP if type_map is None else type_map
    return [(tm[t.upper()], s, e) for t, s, e in spans_ if t.upper() in tm]


def normalise(sent: Sentence, type_map: dict[str, str] | None = None) -> Sentence:
    """The sentence with IOB2 tags over warta's types (other types become O)."""
    sent.tags = tags_from_spans(map_spans(spans(sent.tags), type_map), len(sent.tokens))
    return sent


def read_conll(path: str | Path, source: str = "") -> list[Sentence]:
    """Sentences of a CoNLL-style file, tags as written (not yet mapped)."""
    out: list[Sentence] = []
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            cols = line.split()
            if not cols or cols[0] == "-DOCSTART-":
                if toks:
                    out.append(Sentence(toks, tags, source))
                    toks, tags = [], []
                continue
            if "\t" in line:  # a tab-separated file may hold tokens with spaces: token is column 1
                tcols = line.split("\t")
                tok, tag = tcols[0].strip(), tcols[-1].strip()
            else:
                tok, tag = cols[0], cols[-1]
            if len(cols) == 1 and "\t" not in line:
                tag = "O"
            toks.append(tok)
            tags.append(tag)
    if toks:
        out.append(Sentence(toks, tags, source))
    return out


_XML_TAG = re.compile(r"<(/?)([A-Za-z]+)>")


def read_inline_xml(path: str | Path, tokenize, source: str = "") -> list[Sentence]:
    """One sentence a line with entities marked inline (`<PERSON>Arie</PERSON>`).

    The text without the marks is tokenized with `tokenize` (a function giving `(start, end)`
    token offsets); a token is in an entity when it overlaps the marked characters. Marks inside
    a word (`K<LOCATION>antor ...`) therefore take the whole word, which is what the annotator meant
    more often than not.
    """
    out: list[Sentence] = []
    with open(path, encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            text_parts: list[str] = []
            ents: list[tuple[str, int, int]] = []
            pos, n, open_ = 0, 0, None
            for m in _XML_TAG.finditer(line):
                chunk = line[pos:m.start()]
                text_parts.append(chunk)
                n += len(chunk)
                if m.group(1) == "":
                    open_ = (m.group(2), n)
                elif open_ is not None and open_[0] == m.group(2):
                    ents.append((open_[0], open_[1], n))
                    open_ = None
                pos = m.end()
            text_parts.append(line[pos:])
            text = "".join(text_parts)
            offs = tokenize(text)
            toks = [text[s:e] for s, e in offs]
            sp: list[Span] = []
            for typ, cs, ce in ents:
                idx = [k for k, (s, e) in enumerate(offs) if s < ce and e > cs]
                if idx:
                    sp.append((typ, idx[0], idx[-1] + 1))
            sp.sort(key=lambda x: (x[1], -x[2]))
            kept: list[Span] = []
            for s in sp:  # overlapping marks: the first wins
                if not kept or s[1] >= kept[-1][2]:
                    kept.append(s)
            out.append(Sentence(toks, tags_from_spans(kept, len(toks)), source))
    return out


def write_conll(sents: Iterable[Sentence], path: str | Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for s in sents:
            for t, g in zip(s.tokens, s.tags):
                fh.write(f"{t}\t{g}\n")
            fh.write("\n")


def iter_tokens(sents: Iterable[Sentence]) -> Iterator[str]:
    for s in sents:
        yield from s.tokens
