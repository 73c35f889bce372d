"""The limits every request is held to, in one place: the pages and the JSON API read them from here.

A request past a limit is refused with 400 and a sentence saying which limit, never trimmed
silently, so a script learns what it asked for was not what it got.
"""

from __future__ import annotations

MAX_QUERY_CHARS = 200      # the search box's text; the search engine refuses longer queries too
MAX_FILTER_CHARS = 200     # an outlet name or an entity key given as a filter
MAX_PAGE_SIZE = 100        # results a page
DEFAULT_PAGE_SIZE = 20
MAX_RESULT_WINDOW = 1000   # how deep a user may page: offset + page size never passes this
MAX_ID_CHARS = 300         # an article id, an entity key or an outlet name in a path
MAX_RELATED_SHOWN = 10     # "Artikel terkait" on an article page
MAX_DUPLICATES_SHOWN = 50  # copies listed on an article page
MAX_COOCCURRING_SHOWN = 30 # entities listed beside an entity


def max_page(size: int) -> int:
    """The last page a user may ask for at this page size."""
    return max(1, MAX_RESULT_WINDOW // size)
MAX_OUTLETS_SHOWN = 100   # outlets listed on the home page (all of them at /api/stats)
