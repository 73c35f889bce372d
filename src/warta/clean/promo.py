"""Promotional sentences: calls to follow, subscribe, install or join a channel.

A promo opens with a call (`Simak`, `Ikuti`, `Follow`, `Dapatkan`, `Cek`, `Klik`...) and names a
channel (`Google News`, `WhatsApp Channel`, an app) before its sentence ends. It can open where a
sentence opens, or right after another piece of clutter (flat text has no sentence end there:
`« 1 2 3 » Cek Berita dan Artikel yang lain di Google News`). The sentences right after it that
carry a link, a channel or an install instruction belong to the same promo.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lang import Lexicon
from .shape import sentences

_LINK = re.compile(r"https?://|www\.|\.com/|\bklik\b|\blink\b|\binstall\b|\binstal\b", re.I)
_SENT_END = re.compile(r"[.!?](?=\s|$)")
MAX_PROMO_WORDS = 45


def _has_cue(s: str, lex: Lexicon) -> bool:
    return _cue_re(lex.promo_cues).search(s) is not None


@lru_cache(maxsize=4)
def _opener_re(openers: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(o) for o in sorted(openers, key=len, reverse=True)))


@lru_cache(maxsize=4)
def _cue_re(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True)))


def _sentence_end(text: str, pos: int, end: int) -> int:
    m = _SENT_END.search(text, pos, end)
    return m.end() if m else end


def _trim_after_cue(text: str, start: int, stop: int, lex: Lexicon) -> int:
    """Where a promo ends when its sentence has no full stop before the article goes on
    (`... follow WhatsApp Channel & Google News Baru diresmikan beberapa tahun ...`)."""
    last = max((m.end() for m in _cue_re(lex.promo_cues).finditer(text, start, stop)), default=-1)
    m = re.search(r"https?://\S+", text[start:stop])
    if m:
        last = max(last, start + m.end())
    if last < 0:
        return stop
    rest = text[last:stop]
    ws = rest.split()
    # a capitalised word opening six or more words after the last channel: the prose resumed
    if len(ws) >= 6:
        mm = re.search(r"\s(?=[A-Z][a-z])", rest)
        if mm and len(rest[mm.end():].split()) >= 6 and not re.search(r"[.!?]", rest[:mm.start()]):
            return last + mm.start()
    return stop


def promo_spans(text: str, start: int, end: int, lex: Lexicon, boundaries: list[int] = ()) -> list[tuple[int, int]]:
    """Spans of promotional sentences inside text[start:end]; `boundaries` are extra places
    where a promo may open (the ends of clutter pieces found already)."""
    opens = sorted({s for s, _ in sentences(text, start, end)} | {b for b in boundaries if start <= b < end})
    out: list[tuple[int, int]] = []
    covered_to = start
    for pos in opens:
        while pos < end and text[pos].isspace():
            pos += 1
        if pos < covered_to:
            continue
        head = text[pos:pos + 40].lstrip("\"'“‘( ")
        if not _opener_re(lex.promo_openers).match(head):
            continue
        stop = _sentence_end(text, pos, end)
        first = text[pos:stop]
        if not _has_cue(first, lex):
            continue
        stop = _trim_after_cue(text, pos, stop, lex)
        if len(text[pos:stop].split()) > MAX_PROMO_WORDS:
            continue
        # the following sentences that still speak of links, channels or installing
        while stop < end:
            ns = stop
            while ns < end and text[ns].isspace():
                ns += 1
            ne = _sentence_end(text, ns, end)
            nt = text[ns:ne]
            if ns >= end or len(nt.split()) > 30 or nt.startswith(("\"", "“")):
                break
            if not (_has_cue(nt, lex) or _LINK.search(nt)):
                break
            stop = _trim_after_cue(text, ns, ne, lex)
            if stop < ne:
                break
        out.append((pos, stop))
        covered_to = stop
    return out
