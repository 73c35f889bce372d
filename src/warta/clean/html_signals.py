"""What class, id, role and itemprop names say about a page region.

News portals name their template parts in a mix of English and Indonesian (`berita-terkait`,
`baca-juga`, `kcm-read-text`, `read-page--tags`). These tables map those words to the clutter
kinds of the gold format, so that the extractor can score containers and hint blocks from
structure alone. They describe portal templates in general, not one site.

Matching is on the *parts* of a name: `read-page--social-share__btn` has the parts
`read page social share btn`, and camelCase is split too (`relatedPosts` -> `related posts`).
Short words (`nav`, `ad`, `tag`) must be whole parts, because as substrings they hide inside
unrelated names (`canvas`, `header`, `instagram`); long distinctive words may also match inside a
part (`beritaterkait`, `sharebox`), since sites glue words together.
"""

from __future__ import annotations

import re
from functools import lru_cache

# kind -> words that must equal a whole part of a name
_EXACT: dict[str, frozenset[str]] = {
    "caption": frozenset({"caption", "captions", "keterangan", "figcaption", "ketfoto"}),
    "tags": frozenset({"tag", "tags", "tagging", "hashtag", "hashtags", "topik", "topic", "topics", "keyword", "keywords", "label", "labels"}),
    "read_also": frozenset({"bacajuga", "readalso", "bacajg", "juga", "also"}),
    "related": frozenset({"related", "terkait", "rekomendasi", "recommended", "recommendation", "populer",
                          "popular", "terpopuler", "trending", "lainnya", "terbaru", "latest", "most",
                          "mostread", "mustread", "morenews", "headlines", "hot", "terkini", "breaking", "pick",
                          "picks", "pilihan"}),
    "social": frozenset({"share", "shares", "social", "sosmed", "sosial", "addthis", "sharethis", "fb",
                         "facebook", "twitter", "tweet", "gplus", "whatsapp", "instagram", "tiktok", "comment", "comments",
                         "komentar", "disqus", "rate", "rating", "thumbs", "like", "likes", "vote"}),
    "nav": frozenset({"nav", "navbar", "navigation", "navigasi", "menu", "menus", "submenu", "breadcrumb",
                      "breadcrumbs", "pagination", "paging", "pager", "crumbs", "topbar", "toolbar", "topnav",
                      "subnav", "mainnav", "megamenu"}),
    "footer": frozenset({"footer", "foot", "copyright", "colophon", "disclaimer"}),
    "promo": frozenset({"ad", "ads", "adv", "advert", "advertisement", "iklan", "banner", "sponsor",
                        "sponsored", "promo", "promotion", "newsletter", "subscribe", "langganan", "gpt",
                        "dfp", "adsbygoogle", "parallax", "outbrain", "taboola"}),
    "credit": frozenset({"byline", "author", "authors", "penulis", "reporter", "editor", "editors",
                         "credit", "credits", "kontributor", "writer", "pewarta"}),
    "other": frozenset({"date", "time", "tanggal", "waktu", "datetime", "timestamp", "pubdate", "dateline", "meta",
                        "sidebar", "aside", "widget", "widgets", "rail"}),
}

# kind -> long words that may sit inside a part (glued names such as `beritaterkait`)
_INSIDE: dict[str, tuple[str, ...]] = {
    "caption": ("caption", "keterangan"),
    "read_also": ("bacajuga", "readalso", "bacajg"),
    "related": ("related", "terkait", "rekomendasi", "recommend", "populer", "popular", "trending",
                "lainnya", "mostread", "mustread", "morenews", "othernews"),
    "social": ("share", "social", "sosmed", "comment", "komentar", "disqus"),
    "nav": ("breadcrumb", "navbar", "navigation", "pagination", "dropdown"),
    "footer": ("footer", "copyright"),
    "promo": ("advert", "iklan", "banner", "sponsor", "newsletter", "subscribe", "adsense", "adslot"),
    "credit": ("byline", "penulis", "reporter"),
    "other": ("sidebar",),
}

# Checked in this order, so that a name with several signals gets the most specific kind:
# `comment-share` is social, `related-tags` related, `photo-caption` caption.
_ORDER = ("read_also", "caption", "related", "tags", "credit", "social", "nav", "promo", "footer", "other")

# Words that look like a clutter word but are not (`tagline` is often the article's deck).
_NOT = frozenset({"tagline", "headline", "upload", "download", "loading", "shadow", "header", "thead"})

# Parts that mark the article body container itself.
_POSITIVE = frozenset({"article", "artikel", "content", "konten", "detail", "entry", "post", "body", "text",
                       "story", "isi", "berita", "read", "main", "articlebody", "post_content",
                       "postbody", "entrycontent", "detailberita", "isiberita", "txt", "newsbody"})

# Photo-ish container words: text inside such a container (that is not the article itself) is
# almost always a caption or a photo credit.
_FIGURE = frozenset({"photo", "foto", "image", "images", "img", "gallery", "galeri", "pic", "picture",
                     "thumbnail", "thumb", "media", "figure", "video"})

# Kinds that, named on an inline element (<span class="baca-juga">), make it a block of its own.
SPLIT_KINDS = frozenset({"read_also", "caption"})

# Kinds that, named on a container, make its text count against it when choosing the main region.
NEGATIVE_KINDS = frozenset({"related", "read_also", "social", "nav", "footer", "promo", "tags", "other", "caption",
                            "credit"})

# WordPress marks a post element with its taxonomy (`hentry tag-jokowi category-news`): on such an
# element `tag-…` names the post's tags, not a tag box, so those classes are read as nothing.
_WP_POST = re.compile(r"\b(?:hentry|type-post|status-publish|postid-\d+)\b")
_WP_TAXONOMY = re.compile(r"\b(?:tag|category|kategori|author|format|topic)-[\w-]+")
_COMMENTS = ("comment", "komentar", "disqus")

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=8192)
def name_parts(names: str) -> tuple[str, ...]:
    """The lowercase parts of a space-separated class/id string (camelCase split)."""
    return tuple(p for p in _SPLIT.split(_CAMEL.sub(" ", names).lower()) if p)


@lru_cache(maxsize=8192)
def kind_of(names: str) -> str | None:
    """The clutter kind that a class/id/role string names, or None."""
    if _WP_POST.search(names):
        names = _WP_TAXONOMY.sub(" ", names)
    parts = [p for p in name_parts(names) if p not in _NOT]
    if not parts:
        return None
    for kind in _ORDER:
        exact = _EXACT[kind]
        if any(p in exact for p in parts):
            return kind
        inside = _INSIDE.get(kind, ())
        if any(w in p for p in parts for w in inside):
            return kind
    return None


@lru_cache(maxsize=8192)
def is_comments(names: str) -> bool:
    """Whether a class/id string names a comment section (clutter however much prose it holds)."""
    low = names.lower()
    return any(w in low for w in _COMMENTS)


@lru_cache(maxsize=8192)
def is_positive(names: str) -> bool:
    """Whether a class/id/itemprop string names an article body container."""
    return any(p in _POSITIVE for p in name_parts(names))


@lru_cache(maxsize=8192)
def is_figure(names: str) -> bool:
    """Whether a class/id string names a photo or media container."""
    return any(p in _FIGURE for p in name_parts(names))


# Structural kinds of elements, whatever their names.
TAG_KIND: dict[str, str] = {
    "nav": "nav",
    "footer": "footer",
    "aside": "other",
    "figcaption": "caption",
    "caption": "caption",  # <caption> of a table
    "menu": "nav",
}
