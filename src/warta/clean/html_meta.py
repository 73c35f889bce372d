"""Page facts that the markup states: title, site name, publication date, authors, URL, language.

Read from <meta> (Open Graph, Twitter, Dublin Core, itemprop), JSON-LD, <link rel=canonical>,
<html lang> and, last, the visible headline. These are what the page *declares*; the facts step
downstream reconciles them with what the text says (credit lines, datelines).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

__all__ = ["PageMeta", "read_meta", "same_title"]


@dataclass
class PageMeta:
    title: str | None = None  # the headline, without the site's suffix
    site_name: str | None = None  # as the page names itself (og:site_name, application-name, publisher)
    published: str | None = None  # YYYY-MM-DD
    authors: list[str] = field(default_factory=list)  # people, never the outlet
    canonical_url: str | None = None
    lang: str | None = None  # primary language subtag, e.g. `id`


_WS = re.compile(r"\s+")
_TITLE_SEP = re.compile(r"\s+(?:-|\||::|–|—|»|:)\s+")
_DATE = re.compile(r"((?:19|20)\d\d)[-/.](\d{1,2})[-/.](\d{1,2})")
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)/")
_DOMAIN = re.compile(r"\b[\w-]+\.(?:com|co\.id|id|net|org|tv)\b", re.I)
_ARTICLE_TYPES = ("article", "posting", "report")
# Second-level labels under which Indonesian and other sites register (`republika.co.id`).
_SLD = frozenset({"co", "or", "go", "ac", "web", "my", "sch", "net", "com", "org", "biz", "gov", "edu"})
# Words that mark a title segment as the site's name rather than the story's.
_SITE_WORDS = frozenset({"news", "online", "com", "portal", "berita", "tv", "media", "network"})
# Author values that are a newsroom, not a person.
_NOT_PERSON = re.compile(r"https?://|www\.|@|\b(?:redaksi|admin|tim|team|staff|media|cyber|news)\b", re.I)
# Meta keys that state the publication date, best first.
_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
    "publish_date", "publish-date", "dc.date.issued", "dcterms.issued", "dc.date", "date",
    "sailthru.date", "parsely-pub-date", "content_publishedtime", "datecreated",
)


def read_meta(tree: LexborHTMLParser, url: str | None = None, html: str | None = None) -> PageMeta:
    """Everything the page's markup declares about itself. Missing facts stay None.

    `html` is the page source the tree was parsed from, for the date fallback (htmldate)."""
    metas = _meta_tags(tree)
    ld = list(_ld_articles(tree))
    canonical = _canonical(tree, metas) or url
    brands = _brands(canonical or url, metas.get("og:site_name"))
    site = metas.get("og:site_name") or metas.get("application-name") or _ld_publisher(ld)
    return PageMeta(
        title=_title(tree, metas, ld, brands),
        site_name=_clean(site),
        published=_published(tree, metas, ld, canonical, html),
        authors=_authors(tree, metas, ld, brands | _words(site)),
        canonical_url=canonical,
        lang=_lang(tree, metas, ld),
    )


def _clean(s: Any) -> str | None:
    if not isinstance(s, str):
        return None
    s = _WS.sub(" ", s).strip()
    return s or None


def _meta_tags(tree: LexborHTMLParser) -> dict[str, str]:
    """First content of each meta key (property, name, itemprop or http-equiv), keys lowercased."""
    out: dict[str, str] = {}
    for node in tree.css("meta"):
        a = node.attributes
        content = a.get("content")
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = a.get(attr)
            if key:
                out.setdefault(key.strip().lower(), content.strip())
    return out


def _ld_articles(tree: LexborHTMLParser) -> Iterator[dict[str, Any]]:
    """JSON-LD objects that describe an article (or a web page, the fallback), articles first."""
    pages = []
    for node in tree.css('script[type="application/ld+json"]'):
        data = _loads(node.text(deep=True) or "")
        for obj in _ld_objects(data):
            types = obj.get("@type")
            types = " ".join(types) if isinstance(types, list) else str(types or "")
            if any(t in types.lower() for t in _ARTICLE_TYPES):
                yield obj
            elif "webpage" in types.lower():
                pages.append(obj)
    yield from pages


def _loads(text: str) -> Any:
    """JSON as sites write it: sometimes with raw newlines in strings or trailing commas."""
    text = text.strip().rstrip(";")
    for attempt in (text, re.sub(r"[\x00-\x1f]+", " ", text), re.sub(r",\s*([}\]])", r"\1", text)):
        try:
            return json.loads(attempt)
        except (ValueError, RecursionError):
            continue
    return None


def _ld_objects(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_objects(data["@graph"], depth + 1)


def _ld_publisher(ld: list[dict[str, Any]]) -> str | None:
    for obj in ld:
        pub = obj.get("publisher")
        if isinstance(pub, list) and pub:
            pub = pub[0]
        if isinstance(pub, dict) and isinstance(pub.get("name"), str):
            return pub["name"]
    return None


def _canonical(tree: LexborHTMLParser, metas: dict[str, str]) -> str | None:
    for node in tree.css("link[rel]"):
        if "canonical" in (node.attributes.get("rel") or "").lower().split():
            href = (node.attributes.get("href") or "").strip()
            if href:
                return href
    return metas.get("og:url") or None


def _brands(url: str | None, site_name: str | None) -> set[str]:
    """Lowercase words that name the outlet: its domain label (`kompas`) and site-name words."""
    brands: set[str] = set()
    host = urlsplit(url).hostname if url and "//" in url else None
    if host:
        labels = host.lower().split(".")
        if len(labels) >= 3 and labels[-2] in _SLD:
            labels = labels[:-1]
        if len(labels) >= 2:
            brands.add(labels[-2])
    return brands | _words(site_name)


def _words(s: str | None) -> set[str]:
    """Distinctive lowercase words of a name (`KOMPAS.com` -> {kompas})."""
    if not s:
        return set()
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if len(w) >= 4 and w not in _SITE_WORDS}


# --- title ---------------------------------------------------------------------------------------

def _title(tree: LexborHTMLParser, metas: dict[str, str], ld: list[dict[str, Any]], brands: set[str]) -> str | None:
    page_title = tree.css_first("title")
    candidates = [
        metas.get("og:title"),
        metas.get("twitter:title"),
        next((o["headline"] for o in ld if isinstance(o.get("headline"), str)), None),
        page_title.text(deep=True) if page_title is not None else None,
    ]
    candidates = [c for c in map(_clean, candidates) if c]
    headings = [t for t in (_clean(h.text(deep=True)) for h in tree.css("h1, h2, h3")[:60]) if t]
    # The visible headline is the title as the story states it; the meta titles carry the site's
    # name. The longest match wins, since a blog's name in its <h1> can match `Blog: Story` too.
    for cand in candidates:
        matches = [h for h in headings if same_title(h, cand)]
        if matches:
            return max(matches, key=len)
    if candidates:
        return _strip_site(candidates[0], brands)
    h1 = tree.css_first("h1")
    return _clean(h1.text(deep=True)) if h1 is not None else None


def same_title(text: str, title: str) -> bool:
    """Whether a heading states the title: the same, or the title with the site's name before or
    after it (`Story - Kompas.com`, `Blog Name: Story`)."""
    got, want = _WS.sub(" ", text).strip().casefold(), _WS.sub(" ", title).strip().casefold()
    if not got or len(got) < 0.5 * len(want):
        return False
    return got == want or want.startswith(got) or want.endswith(got)


def _strip_site(title: str, brands: set[str]) -> str:
    """`Story - Kompas.com Regional` -> `Story`: drop trailing segments that name the site."""
    while True:
        seps = list(_TITLE_SEP.finditer(title))
        if not seps:
            return title
        last = seps[-1]
        tail = title[last.end():]
        words = re.findall(r"[a-z0-9]+", tail.lower())
        names_site = bool(brands & set(words)) or bool(_DOMAIN.search(tail)) or bool(_SITE_WORDS & set(words))
        if not names_site or len(words) > 5 or last.start() < 10:
            return title
        title = title[:last.start()].strip()


# --- date ----------------------------------------------------------------------------------------

def _published(tree: LexborHTMLParser, metas: dict[str, str], ld: list[dict[str, Any]], url: str | None,
               html: str | None) -> str | None:
    values: list[Any] = [o.get("datePublished") for o in ld]
    values += [metas.get(k) for k in _DATE_KEYS]
    for node in tree.css('[itemprop="datePublished"], time[pubdate], time[datetime]')[:5]:
        values.append(node.attributes.get("datetime") or node.attributes.get("content"))
    for v in values:
        day = _iso_day(v)
        if day:
            return day
    # Portals put the day in the article's path (`/read/2015/11/04/...`): cheaper than htmldate.
    m = _URL_DATE.search(url or "")
    if m:
        return _iso_day("-".join(m.groups()))
    return _htmldate(html if html is not None else tree.html or "", url)


def _iso_day(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    m = _DATE.search(value)
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if 1 <= mo <= 12 and 1 <= d <= 31:
        return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _htmldate(html: str, url: str | None) -> str | None:
    """Last resort: htmldate's reading of the page (URL patterns, visible dates). Slower."""
    try:
        from htmldate import find_date
    except ImportError:  # htmldate comes with trafilatura, but warta does not need it to run
        return None
    try:
        found = find_date(html, url=url, original_date=True, extensive_search=True,
                          outputformat="%Y-%m-%d")
    except Exception:  # noqa: BLE001 - htmldate on a broken page is a missing date, not an error
        return None
    return found or None


# --- authors -------------------------------------------------------------------------------------

def _authors(tree: LexborHTMLParser, metas: dict[str, str], ld: list[dict[str, Any]], outlet: set[str]) -> list[str]:
    raw: list[Any] = []
    for obj in ld[:1]:
        raw += _ld_names(obj.get("author"))
    raw += [metas.get("author"), metas.get("article:author"), metas.get("dc.creator")]
    for node in tree.css('[itemprop="author"]')[:10]:
        name = node.css_first('[itemprop="name"]')
        value = node.attributes.get("content") or (name or node).text(deep=True)
        raw.append(value)
    out: list[str] = []
    for value in raw:
        name = _clean(value)
        if not name or len(name) > 60 or _NOT_PERSON.search(name) or _DOMAIN.search(name):
            continue
        if outlet & set(re.findall(r"[a-z0-9]+", name.lower())):
            continue  # `Kompas Cyber Media`, `Liputan6.com`: the outlet, not a person
        if name.casefold() not in (o.casefold() for o in out):
            out.append(name)
    return out


def _ld_names(author: Any) -> list[str]:
    if isinstance(author, str):
        return [author]
    if isinstance(author, dict):
        return [author["name"]] if isinstance(author.get("name"), str) else []
    if isinstance(author, list):
        return [n for a in author[:10] for n in _ld_names(a)]
    return []


# --- language ------------------------------------------------------------------------------------

def _lang(tree: LexborHTMLParser, metas: dict[str, str], ld: list[dict[str, Any]]) -> str | None:
    html = tree.css_first("html")
    values = [
        html.attributes.get("lang") if html is not None else None,
        html.attributes.get("xml:lang") if html is not None else None,
        metas.get("content-language"),
        metas.get("language"),
        metas.get("og:locale"),
        next((o["inLanguage"] for o in ld if isinstance(o.get("inLanguage"), str)), None),
    ]
    for v in values:
        if v and v.strip():
            primary = re.split(r"[-_,\s]", v.strip().lower())[0]
            if primary.isalpha() and 2 <= len(primary) <= 3:
                return "id" if primary == "in" else primary  # `in` is the withdrawn code for Indonesian
    return None
