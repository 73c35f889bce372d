"""The page's own headline inside its text: found through the URL's slug, or by its shape.

Portals put the headline in the URL (`/read/2018/08/29/.../polisi-jika-lihat-kejahatan-viralkan`),
so the run of words whose slug is the URL's is the headline, wherever the template left it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import urlparse


# Words as a slug sees them: letters and digits, a decimal kept whole (`5,7` -> `57`).
_SLUG_WORD = re.compile(r"[^\W_]+(?:[,.][0-9]+)*")
_ID_LIKE = re.compile(r"^(?:\d{5,}|[0-9a-z]{6,}\d[0-9a-z]*|\d+[a-z]?)$")


_NON_ALNUM = re.compile(r"[^a-z0-9]")


def _slug_token(w: str) -> str:
    if not w.isascii():
        w = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode()
    return _NON_ALNUM.sub("", w.lower())


@lru_cache(maxsize=4096)
def _first_word_re(tok: str) -> re.Pattern[str]:
    return re.compile(r"(?<![^\W_])" + re.escape(tok), re.I)


@lru_cache(maxsize=4096)
def slug_tokens(url: str | None) -> list[str]:
    """The headline words of a URL's last meaningful path segment, ids and extensions dropped."""
    if not url:
        return []
    if "://" not in url:
        url = "http://" + url
    path = urlparse(url).path
    segs = [s for s in path.split("/") if s]
    best: list[str] = []
    for seg in segs:
        seg = re.sub(r"\.(?:html?|php|aspx?)$", "", seg)
        toks = [t for t in re.split(r"[-_.,]+", seg.lower()) if t]
        if len(toks) >= 3 and len(toks) > len(best):
            best = toks
    # Trailing ids (`...-00-rygnv-8n5rfz`, `...-354082-mvk`) are not words of the headline.
    while best and (_ID_LIKE.match(best[-1]) and not best[-1].isdigit() or (best[-1].isdigit() and len(best[-1]) >= 5)):
        best.pop()
    return best


def find_slug_title(text: str, url: str | None, lo: int = 0, hi: int | None = None) -> tuple[int, int] | None:
    """The span of text[lo:hi] whose words slugify to the URL's slug (at least 3 words, and most of it)."""
    toks = list(slug_tokens(url))
    if len(toks) < 3:
        return None
    hi = len(text) if hi is None else hi
    need = max(3, int(len(toks) * 0.7))
    # Only where the slug's first word stands is a headline possible: tokenise from there.
    first = _first_word_re(toks[0])
    for start in (m.start() for m in first.finditer(text, lo, hi)):
        found = _match_at(text, start, hi, toks, need)
        if found:
            return found
    return None


def _match_at(text: str, lo: int, hi: int, toks: list[str], need: int) -> tuple[int, int] | None:
    """The slug matched word by word from `lo`; a word may hold two tokens (`5,7` -> `57`)."""
    ws = []
    for m in _SLUG_WORD.finditer(text, lo, hi):
        ws.append(m)
        if len(ws) > len(toks) + 2:
            break
    k = j = 0
    while j < len(ws) and k < len(toks):
        w = _slug_token(ws[j].group())
        if not w:
            j += 1
            continue
        acc, kk = "", k
        while kk < len(toks) and len(acc) < len(w):
            acc += toks[kk]
            kk += 1
        if acc != w:
            break
        k, j = kk, j + 1
    if k < need:
        return None
    end = ws[j - 1].end()
    while end < hi and text[end] in "!?":  # keep a closing `!`/`?` of the headline
        end += 1
    while end > lo and text[end - 1] in ",;:-–—":
        end -= 1
    return lo, end
