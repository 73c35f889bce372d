"""`warta search`: one search against the store's index, drawn as a table or printed as JSON."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .query import SearchError
from .searcher import Searcher, SearchResults

HIGHLIGHT = "bold yellow"


def run_search(query: str, *, db: str, outlet: Sequence[str] | None = None, date_from: str | None = None,
               date_to: str | None = None, entity: Sequence[str] | None = None,
               has_contradiction: bool | None = None, duplicate: str | None = None, limit: int = 20,
               offset: int = 0, sort: str = "relevance", json_out: bool = False) -> int:
    """Exit codes: 0 the search ran (with or without hits); 2 a bad request or no store."""
    err = Console(stderr=True)
    if not Path(db).exists():
        err.print(f"[red]no store at {db}[/red]: create one with `warta ingest FILES --db {db}`")
        return 2
    try:
        results = Searcher(db).search(query, outlet=outlet or None, date_from=date_from, date_to=date_to,
                                      entity=entity or None, has_contradiction=has_contradiction,
                                      duplicate=duplicate, limit=limit, offset=offset, sort=sort)  # type: ignore[arg-type]
    except SearchError as e:
        err.print(f"[red]search:[/red] {e}")
        return 2
    if json_out:
        sys.stdout.write(json.dumps(results.to_dict(), ensure_ascii=False) + "\n")
    else:
        draw(results, Console())
    return 0


def draw(results: SearchResults, console: Console) -> None:
    shown = f"{results.offset + 1}–{results.offset + len(results.hits)}" if results.hits else "none"
    console.print(Text.assemble(
        (f"{results.total:,}", "bold"), " articles match ", (repr(results.query), "cyan"), f" (showing {shown})"))
    if results.hits:
        table = Table(show_lines=True, expand=True)
        table.add_column("#", justify="right", no_wrap=True)
        table.add_column("score", justify="right", no_wrap=True)
        table.add_column("published", no_wrap=True)
        table.add_column("outlet")
        table.add_column("article", ratio=1)
        table.add_column("flags")
        for n, hit in enumerate(results.hits, start=results.offset + 1):
            article = _marked(hit.title or "(no title)", hit.title_highlights, "bold")
            article.append("\n")
            article.append_text(_marked(hit.snippet.text, hit.snippet.highlights, ""))
            article.append(f"\n{hit.id}", style="bright_black")
            flags = [f for f in ("contradiction" if hit.has_contradiction else "",
                                 hit.duplicate if hit.duplicate != "none" else "") if f]
            table.add_row(str(n), f"{hit.score:.2f}" if hit.score is not None else "",
                          hit.published or "", hit.outlet or "", article, "\n".join(flags))
        console.print(table)
    f = results.facets
    if f is not None and results.total:
        outlets = ", ".join(f"{c.value} {c.count}" for c in f.outlet[:8])
        if len(f.outlet) > 8 or f.outlet_other:
            outlets += ", …"
        months = ", ".join(f"{c.value} {c.count}" for c in f.month[:6])
        console.print(Text.assemble(("outlets: ", "bold"), outlets or "-"))
        console.print(Text.assemble(("months: ", "bold"), months or "-", "  ",
                                    ("contradiction: ", "bold"), str(f.has_contradiction.get("true", 0)), "  ",
                                    ("duplicates: ", "bold"),
                                    ", ".join(f"{k} {v}" for k, v in f.duplicate.items())))


def _marked(text: str, spans: list[tuple[int, int]], base: str) -> Text:
    """Plain text with its spans styled (a `Text`, never markup: the page's text is not parsed)."""
    out = Text(text, style=base)
    for a, b in spans:
        out.stylize(HIGHLIGHT, a, b)
    return out
