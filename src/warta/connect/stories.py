"""Stories: groups of articles about one event or continuing topic, across outlets and days.

A story is a connected component of strong links: two articles are linked when each is among
the other's related articles with a score of at least `min_score` (mutual links: an article
that many others list, a hub, does not chain unrelated stories together through itself), and
the members of a duplicate cluster are always in one story. Components of one article are no
story. The threshold and the choice of mutual links were measured (docs/connect.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .records import ConnectDoc, StoryRow
from .related import ScoredPair
from .unionfind import UnionFind


@dataclass(frozen=True)
class StoryParams:
    min_score: float = 0.2
    mutual: bool = True


DEFAULT_STORIES = StoryParams()


def find_stories(docs: Sequence[ConnectDoc], related: Sequence[Sequence[ScoredPair]], cluster_of: dict[str, str],
                 params: StoryParams = DEFAULT_STORIES) -> list[StoryRow]:
    n = len(docs)
    uf = UnionFind(n)
    first_of_cluster: dict[str, int] = {}
    for i, d in enumerate(docs):
        c = cluster_of.get(d.id)
        if c is not None:
            uf.union(first_of_cluster.setdefault(c, i), i)
    strong = {(q.a, q.b) for pairs in related for q in pairs if q.score >= params.min_score}
    for a, b in strong:
        if not params.mutual or (b, a) in strong:
            uf.union(a, b)
    rows = []
    for members in uf.groups().values():
        ids = sorted(docs[m].id for m in members)
        story_id = "story:" + ids[0]
        rows.extend(StoryRow(story_id, i) for i in ids)
    rows.sort(key=lambda r: (r.story_id, r.article_id))
    return rows
