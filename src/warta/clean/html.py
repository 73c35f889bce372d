"""Find a news page's article region and hand it on as text blocks.

    page = extract_page(html, url)
    page.blocks   # the article column, one Block per paragraph-level piece, in document order
    page.meta     # title, site_name, published, authors, canonical_url, lang

This is the HTML-specific half of cleaning. It keeps the article column *with* what sits in and
right around it (headline, byline, captions, "Baca juga" boxes, tags, credits), because the text
cleaner downstream decides those better when it sees them, and leaves out what is plainly not the
article: site navigation, menus, footers, sidebars, comment sections and scripts.

How the region is found (measured against alternatives in bench/html_extractors.py):
1. One walk over the DOM (selectolax/lexbor) cuts the text into runs at every block-level element
   and every <br>, so an article paragraph is never glued to the clutter beside it.
2. Each run is scored as prose (long, few links, punctuated) or junk (links, short lines). Every
   container gets prose - ALPHA * junk of the runs inside it; text under containers whose
   class/id/role name clutter (comments, sidebar, related, share...) counts as junk. The best
   container is the *core* (the article body).
3. The column runs from the page's headline (when it stands shortly before the core) through the
   core, and takes in whole sibling containers on either side while they stay small (byline,
   caption, credits, tags, a "Baca juga" box), stopping at big boxes and bare link lists.
4. Blocks get structural flags and a `hint` (a clutter kind named by the template) from the
   containers between them and the core, never from the core's own ancestors, whose names say
   nothing about one block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .html_meta import PageMeta, read_meta, same_title
from .html_signals import NEGATIVE_KINDS, SPLIT_KINDS, TAG_KIND, is_comments, is_figure, is_positive, kind_of

__all__ = ["Block", "HtmlPage", "PageMeta", "extract_page", "segment_html"]

# Pages beyond this many characters are cut: the article is near the top of a page, and the tail of
# a multi-megabyte page is scripts or endless comment threads.
MAX_HTML_CHARS = 4_000_000

# Weight of junk characters (link text, short lines) against prose characters when scoring a
# container. At 1.0 a container may only take in as much junk as it gains prose.
ALPHA = 1.0
# A run shorter than this is not prose however it reads (dates, bylines, labels, buttons).
MIN_PROSE_CHARS = 30
# A run with at least this share of its characters inside links is navigation-like.
LINKY = 0.5
# Neighbours of the core join the column while their text stays under this many characters, or
# this share of the core's, whichever is more; and only from this many container levels up.
NEIGHBOUR_CHARS = 300
NEIGHBOUR_SHARE = 0.25
NEIGHBOUR_LEVELS = 4
# A list of this many items, each a linked headline over a summary, is a list of other stories.
TEASER_ITEMS = 3
# Most text allowed between the headline and the core (or the core's size, if larger).
HEAD_GAP_CHARS = 1500

# Elements whose content never reaches a reader as article text.
_SKIP = frozenset({
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "embed", "select",
    "option", "textarea", "button", "input", "map", "audio", "video", "math", "head", "link", "meta",
    "title", "frameset", "frame", "applet", "dialog",
})
# Elements that flow inside a line of text; every other element starts a new block.
_INLINE = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "blink", "cite", "code", "data", "del", "dfn",
    "em", "font", "i", "img", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span",
    "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "picture", "source", "o:p",
})
_LIST_TAGS = frozenset({"li", "ul", "ol", "dl", "dd", "dt", "menu"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HIDDEN_CLASSES = frozenset({"hide", "hidden", "d-none", "sr-only", "visually-hidden", "screen-reader-text"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Hidden text longer than this is kept: sites hide the rest of an article behind "read more".
_HIDDEN_KEEP_CHARS = 200
_WS = re.compile(r"\s+")
_SPACES = (" ", "\n", "\t", "\r", "\xa0")
_DROP_SPACES = str.maketrans("", "", "".join(_SPACES))  # counting visible characters in one C-level pass
_PUNCT = re.compile(r"[.,;:!?\"”’)]")
_NAME_LEVELS = 4  # how many containers' class/id names go into Block.classes


@dataclass
class Block:
    """One paragraph-level piece of text, with what its markup says about it."""

    text: str
    tag: str  # the element that holds the text: p, div, li, h1, td, figcaption...
    link_density: float  # share of the text's non-space characters inside <a>
    in_list: bool = False
    in_figure: bool = False  # inside figure/figcaption or a photo-named container
    heading: bool = False
    hint: str | None = None  # a clutter kind the template names (gold `drop` kinds), else None
    classes: str = ""  # class/id tokens of the element and its nearest containers, lowercased
    core: bool = False  # inside the container chosen as the article body itself


@dataclass
class HtmlPage:
    blocks: list[Block] = field(default_factory=list)
    meta: PageMeta = field(default_factory=PageMeta)
    outside: list[Block] = field(default_factory=list)  # only with keep_outside=True; hint = kind guess

    @property
    def text(self) -> str:
        """The blocks joined by newlines: the text that offsets downstream refer to."""
        return "\n".join(b.text for b in self.blocks)


class _Frame:
    """A block-level element met during the walk: its names, and the runs inside it."""

    __slots__ = ("tag", "names", "signals", "parent", "start", "end", "has_core", "neg")

    def __init__(self, tag: str, names: str, signals: str, parent: _Frame | None, start: int) -> None:
        self.tag = tag
        self.names = names  # class and id, as written
        self.signals = signals  # class, id, role and itemprop: what the scoring reads
        self.parent = parent
        self.start = start  # runs [start, end) lie inside this element
        self.end = start
        self.has_core = False
        self.neg = False


class _Run:
    __slots__ = ("text", "owner", "link_density")

    def __init__(self, text: str, owner: _Frame, link_density: float) -> None:
        self.text = text
        self.owner = owner
        self.link_density = link_density


def extract_page(html: str, url: str | None = None, keep_outside: bool = False) -> HtmlPage:
    """The article region of an HTML page as blocks, and the page's metadata. Never raises."""
    try:
        return _extract(html, url, keep_outside)
    except Exception:  # noqa: BLE001 - a broken page must not stop a corpus run
        return HtmlPage()


def segment_html(html: str) -> list[str]:
    """Every visible text run of an HTML page or fragment, cut as extract_page cuts its blocks, with
    no region chosen. For splitting other extractors' HTML output into paragraphs the same way."""
    try:
        tree = LexborHTMLParser(html[:MAX_HTML_CHARS]) if html and html.strip() else None
        if tree is None or tree.body is None:
            return []
        return [r.text for r in _walk(tree.body)[0]]
    except Exception:  # noqa: BLE001 - same promise as extract_page
        return []


def _extract(html: str, url: str | None, keep_outside: bool) -> HtmlPage:
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not html or not html.strip():
        return HtmlPage()
    html = html[:MAX_HTML_CHARS]
    tree = LexborHTMLParser(html)
    meta = read_meta(tree, url, html)
    if tree.body is None:
        return HtmlPage(meta=meta)
    runs, root = _walk(tree.body)
    if not runs:
        return HtmlPage(meta=meta)
    core = _choose_core(runs, root)
    start, end = _span(core, runs, meta.title)
    head = _headline(runs, start, end, core.start, meta.title)
    blocks = [_block(r, core.start <= i < core.end, i == head) for i, r in enumerate(runs[start:end], start)]
    outside: list[Block] = []
    if keep_outside:
        outside = [_outside_block(r) for r in runs[:start] + runs[end:]]
    return HtmlPage(blocks=blocks, meta=meta, outside=outside)


# --- 1. the walk ---------------------------------------------------------------------------------

def _walk(body: LexborNode) -> tuple[list[_Run], _Frame]:
    """Cut the page's visible text into runs at block boundaries and <br>s, in document order."""
    runs: list[_Run] = []
    root = _Frame("body", "", _signals(body.attributes), None, 0)
    pieces: list[str] = []
    link_chars = 0
    all_chars = 0
    links_open = 0
    owner = root

    def flush() -> None:
        nonlocal link_chars, all_chars
        if pieces:
            text = _WS.sub(" ", "".join(pieces)).strip()
            if text:
                runs.append(_Run(text, owner, link_chars / all_chars if all_chars else 0.0))
            pieces.clear()
        link_chars = all_chars = 0

    # Work items: (node, None) enters a node; (None, frame) leaves a block element; (None, None)
    # leaves an <a>. An explicit stack, because broken pages nest deeper than Python recursion.
    stack: list[tuple[LexborNode | None, _Frame | None]] = [(c, None) for c in _children_reversed(body)]
    while stack:
        node, leaving = stack.pop()
        if node is None:
            if leaving is None:
                links_open -= 1
            else:
                flush()
                leaving.end = len(runs)
                owner = leaving.parent or root
            continue
        tag = node.tag
        if tag == "-text":
            raw = node.text_content
            if raw:
                n = len(raw.translate(_DROP_SPACES))
                all_chars += n
                if links_open:
                    link_chars += n
                pieces.append(raw)
            continue
        if tag is None or tag.startswith("-") or tag in _SKIP:
            continue  # comments, doctype, scripts and the like
        if tag in ("br", "hr"):
            flush()
            continue
        attrs = node.attributes
        if _hidden(node, attrs):
            continue
        if tag in _INLINE and not _splits(attrs):
            if tag == "a":
                links_open += 1
                stack.append((None, None))
            stack.extend((c, None) for c in _children_reversed(node))
            continue
        flush()
        names = " ".join(v for v in (attrs.get("class"), attrs.get("id")) if v)
        frame = _Frame(tag, names, _signals(attrs), owner, len(runs))
        owner = frame
        stack.append((None, frame))
        stack.extend((c, None) for c in _children_reversed(node))
    flush()
    root.end = len(runs)
    return runs, root


def _children_reversed(node: LexborNode) -> list[LexborNode]:
    out = []
    child = node.last_child
    while child is not None:
        out.append(child)
        child = child.prev
    return out


def _signals(attrs: dict[str, str | None]) -> str:
    return " ".join(v for v in (attrs.get("class"), attrs.get("id"), attrs.get("role"), attrs.get("itemprop")) if v)


def _splits(attrs: dict[str, str | None]) -> bool:
    """An inline element named as a read-also or caption box is cut out as a block of its own."""
    names = attrs.get("class") or attrs.get("id")
    return bool(names) and kind_of(_signals(attrs)) in SPLIT_KINDS


def _hidden(node: LexborNode, attrs: dict[str, str | None]) -> bool:
    """Hidden by markup and short: menus, templates, duplicate labels. Long hidden text is kept."""
    style = attrs.get("style")
    classes = attrs.get("class")
    hidden = (
        "hidden" in attrs
        or bool(style and _HIDDEN_STYLE.search(style))
        or bool(classes and _HIDDEN_CLASSES.intersection(classes.lower().split()))
    )
    return hidden and len(node.text(deep=True)) < _HIDDEN_KEEP_CHARS


# --- 2. choosing the core ------------------------------------------------------------------------

def _prose_and_junk(run: _Run) -> tuple[float, float]:
    """How many characters of a run read as article prose, and how many as junk."""
    n = len(run.text)
    if run.link_density >= LINKY:
        return 0.0, float(n)
    if n < MIN_PROSE_CHARS:
        return 0.0, n * 0.5  # short lines near an article (dates, labels) cost little
    linked = n * run.link_density
    prose = n - linked
    if not _PUNCT.search(run.text):
        prose *= 0.5  # teaser headlines have no punctuation; paragraphs nearly always do
    return prose, linked


def _choose_core(runs: list[_Run], root: _Frame) -> _Frame:
    """The container with the most prose net of junk: the article body."""
    frames = _frames_of(runs, root)
    own = _own_scores(runs, _teasers(runs, frames))
    plain_prose = _sum_up(frames, own, negate=False)[0]
    total_prose = plain_prose[id(root)]
    for f in frames:
        kind = TAG_KIND.get(f.tag) or kind_of(f.signals)
        # A clutter name on a container that holds most of the page's prose is a page-wide class
        # (`has-sidebar`, `side-article`), not a clutter box; comment threads are the exception.
        f.neg = kind in NEGATIVE_KINDS and (plain_prose[id(f)] < 0.5 * total_prose or is_comments(f.signals))
    prose, junk = _sum_up(frames, own, negate=True)
    under_neg: dict[int, bool] = {}
    best, best_score = root, float("-inf")
    for f in frames:  # outer first, so a parent's answer is known before its children ask
        under_neg[id(f)] = f.neg or (f.parent is not None and under_neg[id(f.parent)])
        if under_neg[id(f)]:
            continue
        score = prose[id(f)] - ALPHA * junk[id(f)]
        if f.tag == "article" or is_positive(f.signals):
            score *= 1.1
        if score >= best_score:  # frames come outer-first, so ties go to the inner one
            best, best_score = f, score
    return best


def _teasers(runs: list[_Run], frames: list[_Frame]) -> set[int]:
    """Runs that summarise other stories: the text under a linked headline, in a list of at least
    TEASER_ITEMS sibling items shaped like that. Summaries read like prose, so without this a long
    "latest news" column outweighs a short article."""
    items: dict[int, list[_Frame]] = {}
    for f in frames:
        if f.parent is not None and 2 <= f.end - f.start <= 6 and _linked_then_prose(runs[f.start:f.end]):
            items.setdefault(id(f.parent), []).append(f)
    out: set[int] = set()
    for siblings in items.values():
        if len(siblings) >= TEASER_ITEMS:
            for f in siblings:
                out.update(range(f.start, f.end))
    return out


def _linked_then_prose(item: list[_Run]) -> bool:
    seen_link = False
    for r in item:
        if r.link_density >= LINKY:
            seen_link = True
        elif seen_link and len(r.text) >= MIN_PROSE_CHARS:
            return True
    return False


def _own_scores(runs: list[_Run], teasers: set[int]) -> dict[int, tuple[float, float]]:
    """Prose and junk of the runs straight inside each container."""
    own: dict[int, tuple[float, float]] = {}
    for i, r in enumerate(runs):
        p, j = _prose_and_junk(r)
        if i in teasers:
            p, j = 0.0, p + j
        op, oj = own.get(id(r.owner), (0.0, 0.0))
        own[id(r.owner)] = (op + p, oj + j)
    return own


def _sum_up(frames: list[_Frame], own: dict[int, tuple[float, float]], negate: bool
            ) -> tuple[dict[int, float], dict[int, float]]:
    """Prose and junk inside every container. With `negate`, the prose of a clutter-named
    container counts as junk for the containers above it."""
    prose = {id(f): own.get(id(f), (0.0, 0.0))[0] for f in frames}
    junk = {id(f): own.get(id(f), (0.0, 0.0))[1] for f in frames}
    for f in reversed(frames):  # inner containers first, each adding itself to its parent
        if f.parent is None:
            continue
        key, up = id(f), id(f.parent)
        if negate and f.neg:
            junk[up] += prose[key] + junk[key]
        else:
            prose[up] += prose[key]
            junk[up] += junk[key]
    return prose, junk


def _frames_of(runs: list[_Run], root: _Frame) -> list[_Frame]:
    """Every container that holds a run, outer ones first."""
    seen: dict[int, _Frame] = {id(root): root}
    order: list[_Frame] = [root]
    for r in runs:
        chain = []
        f: _Frame | None = r.owner
        while f is not None and id(f) not in seen:
            chain.append(f)
            f = f.parent
        for f in reversed(chain):
            seen[id(f)] = f
            order.append(f)
    return order


# --- 3. widening to the article column ---------------------------------------------------------

def _span(core: _Frame, runs: list[_Run], title: str | None) -> tuple[int, int]:
    """The runs of the article column, [start, end): from the headline (or small leading
    neighbours) through the core to small trailing neighbours (credits, tags, a "Baca juga" box)."""
    f: _Frame | None = core
    while f is not None:
        f.has_core = True
        f = f.parent
    cum = _cumulative(runs)
    core_chars = cum[core.end] - cum[core.start]
    budget = max(NEIGHBOUR_CHARS, NEIGHBOUR_SHARE * core_chars)
    start = core.start
    head = _headline_before(runs, core.start, title)
    # Between headline and body sit byline, date, lead photo and caption; a long stretch there
    # means the "headline" belongs to something else (a teaser above a gallery, say).
    if head is not None and cum[core.start] - cum[head] <= max(HEAD_GAP_CHARS, core_chars):
        start = head
    else:
        start = _extend(runs, cum, core, start, budget, step=-1)
    end = _extend(runs, cum, core, core.end, budget, step=1)
    return start, end


def _cumulative(runs: list[_Run]) -> list[int]:
    cum = [0]
    for r in runs:
        cum.append(cum[-1] + len(r.text))
    return cum


def _extend(runs: list[_Run], cum: list[int], core: _Frame, edge: int, budget: float, step: int) -> int:
    """Take whole sibling containers of the core and of its near ancestors, one after the other in
    `step` direction, while their text fits in `budget` characters."""
    while 0 < edge if step < 0 else edge < len(runs):
        i = edge - 1 if step < 0 else edge
        unit = runs[i].owner
        while unit.parent is not None and not unit.parent.has_core:
            unit = unit.parent
        if unit.has_core:  # text straight inside an ancestor of the core: a unit of one run
            lo, hi = i, i + 1
        else:
            lo, hi = (unit.start, edge) if step < 0 else (edge, unit.end)
            if _levels_above(core, unit.parent) > NEIGHBOUR_LEVELS:
                break  # siblings of a page-level wrapper are the page's header and footer
        size = cum[hi] - cum[lo]
        if size > budget or _unnamed_link_list(runs[lo:hi]):
            break
        budget -= size
        edge = lo if step < 0 else hi
    return edge


def _unnamed_link_list(runs: list[_Run]) -> bool:
    """Several lines of links under no clutter name: a menu or a list of other stories."""
    if len(runs) < 3:
        return False
    chars = sum(len(r.text) for r in runs)
    linked = sum(len(r.text) * r.link_density for r in runs)
    return linked >= 0.6 * chars and not any(kind_of(r.owner.signals) for r in runs)


def _levels_above(core: _Frame, ancestor: _Frame | None) -> int:
    n, f = 0, core
    while f is not None and f is not ancestor:
        f = f.parent  # type: ignore[assignment]
        n += 1
    return n


def _headline(runs: list[_Run], start: int, end: int, core_start: int, title: str | None) -> int | None:
    """Index of the run in [start, end) that is the page's own headline: the one before the core,
    else the first inside the column."""
    before = _headline_before(runs, core_start, title)
    if before is not None and start <= before:
        return before
    return next((i for i in range(start, end) if _heading_like(runs[i].owner) and same_title(runs[i].text, title or "")),
                None)


def _headline_before(runs: list[_Run], before: int, title: str | None) -> int | None:
    """Index of the last heading before the core that states the page title."""
    if not title:
        return None
    for i in range(before - 1, -1, -1):
        r = runs[i]
        if _heading_like(r.owner) and same_title(r.text, title):
            return i
    return None


def _heading_like(f: _Frame) -> bool:
    names = f.signals.lower()
    return f.tag in _HEADINGS or "title" in names or "headline" in names or "judul" in names


# --- 4. blocks -----------------------------------------------------------------------------------

def _block(run: _Run, core: bool, headline: bool) -> Block:
    hint, in_list, in_figure, heading = _context(run.owner)
    return Block(
        text=run.text,
        tag=run.owner.tag,
        link_density=round(run.link_density, 3),
        in_list=in_list,
        in_figure=in_figure,
        heading=heading,
        hint="headline" if headline else hint,
        classes=_classes(run.owner),
        core=core,
    )


def _context(owner: _Frame) -> tuple[str | None, bool, bool, bool]:
    """(hint, in_list, in_figure, heading) from the containers between a run and the core's line.

    Only containers below the core's ancestors describe one block; the names of the core and of
    what holds it (`detail-img`, `post-tags`) describe the whole page."""
    hint = None
    in_list = in_figure = heading = False
    f: _Frame | None = owner
    while f is not None and not f.has_core:
        in_list = in_list or f.tag in _LIST_TAGS
        heading = heading or f.tag in _HEADINGS
        in_figure = in_figure or f.tag in ("figure", "figcaption") or is_figure(f.names)
        if hint is None:
            hint = TAG_KIND.get(f.tag) or kind_of(f.signals)  # the nearest name wins
        f = f.parent
    if hint == "caption":
        in_figure = True
    elif hint is None and in_figure:
        hint = "caption"  # text in a photo container that is not the article is its caption
    return hint, in_list, in_figure, heading


def _classes(owner: _Frame) -> str:
    tokens: list[str] = []
    f: _Frame | None = owner
    levels = 0
    while f is not None and levels < _NAME_LEVELS:
        if f.names:
            levels += 1
            for t in f.names.lower().split():
                if t not in tokens:
                    tokens.append(t)
        f = f.parent
    return " ".join(tokens)


def _outside_block(run: _Run) -> Block:
    """A block outside the column, its hint a coarse kind guess: named, else nav or other."""
    block = _block(run, core=False, headline=False)
    if block.hint is None:
        block.hint = "nav" if run.link_density >= LINKY else "other"
    return block
