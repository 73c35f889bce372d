"""Text from the corpus, escaped, with spans of it wrapped in marks: the only way corpus text reaches HTML.

Every piece of text is escaped first (`markupsafe.escape`) and the tags are added around the
escaped pieces afterwards, so a `<script>` inside an article is shown as text, never run. Spans
are character offsets into the *unescaped* text (what the pipeline and the search index give);
escaping happens per segment, after cutting, so offsets never point into an entity like `&amp;`.

Spans may nest or cross (an entity inside a quote, a date that overlaps a name): the text is cut
at every span edge and each segment is wrapped in the tags of every span covering it, outermost
first, so the HTML is always well formed whatever the spans.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """One mark over text[start:end]: a tag (`mark`, `a`, `span`) with its attributes.

    Attribute values are escaped when rendered; attribute names are the caller's own constants.
    """

    start: int
    end: int
    tag: str = "mark"
    attrs: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    def open_tag(self) -> str:
        parts = [self.tag] + [f'{name}="{escape(value)}"' for name, value in self.attrs]
        return "<" + " ".join(parts) + ">"

    def close_tag(self) -> str:
        return f"</{self.tag}>"


_ALLOWED_TAGS = frozenset({"mark", "a", "span", "b", "q"})


def mark_text(text: str, spans: Iterable[Span]) -> Markup:
    """`text` escaped, with each valid span wrapped in its tag. Spans outside the text are ignored."""
    n = len(text)
    valid = sorted({s for s in spans if 0 <= s.start < s.end <= n and s.tag in _ALLOWED_TAGS},
                   key=lambda s: (s.start, -s.end, s.tag, s.attrs))
    if not valid:
        return Markup(escape(text))
    cuts = sorted({0, n, *(s.start for s in valid), *(s.end for s in valid)})
    out: list[str] = []
    open_now: list[Span] = []
    for a, b in pairwise(cuts):
        wanted = [s for s in valid if s.start <= a and b <= s.end]  # in (start, -end) order
        keep = 0
        while keep < min(len(open_now), len(wanted)) and open_now[keep] == wanted[keep]:
            keep += 1
        # Close what ends here (or is crossed by an earlier span ending), open what starts.
        out.extend(s.close_tag() for s in reversed(open_now[keep:]))
        out.extend(s.open_tag() for s in wanted[keep:])
        open_now = wanted
        out.append(str(escape(text[a:b])))
    out.extend(s.close_tag() for s in reversed(open_now))
    return Markup("".join(out))


def paragraphs(text: str, spans: Iterable[Span]) -> list[Markup]:
    """The text cut at line breaks (a paragraph a line, as warta's bodies are), each paragraph marked
    with the spans inside it; a span that runs over a line break is cut at it."""
    spans = list(spans)
    out: list[Markup] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        local = [Span(max(s.start, pos) - pos, min(s.end, end) - pos, s.tag, s.attrs)
                 for s in spans if s.start < end and s.end > pos]
        if line.strip():
            out.append(mark_text(line, local))
        pos = end + 1
    return out
