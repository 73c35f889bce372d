"""Where results go: JSON-lines files, JSON on stdout, the terminal view of one page, the summary.

`run.batch` decides what goes where; this module only knows how to write and draw it.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from pathlib import Path
from typing import IO

from rich.console import Console
from rich.panel import Panel
from rich.progress import Progress, ProgressColumn, SpinnerColumn, Task, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from ..article import Article, Quarantined

# Colours of the clutter kinds in the terminal view: related families share a colour.
KIND_STYLES = {
    "read_also": "magenta", "related": "magenta", "headline": "cyan", "dateline": "cyan",
    "credit": "green", "caption": "yellow", "promo": "red", "social": "red", "nav": "blue",
    "tags": "blue", "footer": "bright_black", "other": "white",
}
# Removed pieces longer than this are shortened in the terminal view (the JSON keeps them whole).
VIEW_PIECE_CHARS = 240


def quarantine_path(output: str | os.PathLike[str]) -> Path:
    """`OUT.jsonl` -> `OUT.quarantine.jsonl`; any other name gets `.quarantine.jsonl` appended."""
    path = Path(output)
    if path.name.endswith(".jsonl") and len(path.name) > len(".jsonl"):
        return path.with_name(path.name[: -len(".jsonl")] + ".quarantine.jsonl")
    return path.with_name(path.name + ".quarantine.jsonl")


def quarantine_record(item: Quarantined) -> dict[str, str | None]:
    return {"id": item.id, "reason": item.reason, "detail": item.detail, "source": item.source}


def quarantine_line(item: Quarantined) -> str:
    return json.dumps(quarantine_record(item), ensure_ascii=False)


class LazyJsonl:
    """A JSON-lines file that is created only when the first line is written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stream: IO[str] | None = None
        self.lines = 0

    def write(self, line: str) -> None:
        if self._stream is None:
            self._stream = open(self.path, "w", encoding="utf-8")
        self._stream.write(line + "\n")
        self.lines += 1

    def close(self) -> None:
        if self._stream is not None:
            self._stream.close()


class _RateColumn(ProgressColumn):
    """Records per second over the whole run: steadier than rich's sliding-window speed."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.1f} docs/s", style="progress.data.speed")


def make_progress(console: Console) -> Progress:
    """A progress display for a stream of unknown length: a count, a rate and the time."""
    return Progress(SpinnerColumn(finished_text="[green]✓"), TextColumn("{task.description}"),
                    TextColumn("[progress.download]{task.completed:,} records"), _RateColumn(),
                    TimeElapsedColumn(), console=console)


def render_summary(console: Console, *, read: int, written: int, reasons: Counter[str], started: float,
                   output: str | None = None, quarantine_file: Path | None = None) -> None:
    """The closing table: records read, written and quarantined, with the quarantine reasons."""
    elapsed = max(time.monotonic() - started, 1e-9)
    quarantined = sum(reasons.values())
    table = Table(title="warta process", caption="read = written + quarantined", show_header=False,
                  box=None, padding=(0, 2))
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_column(style="dim")
    table.add_row("read", f"{read:,}", f"{read / elapsed:,.1f} docs/s")
    table.add_row("written", f"{written:,}", output or "")
    table.add_row(Text("quarantined", style="bold red" if quarantined else "bold"), f"{quarantined:,}",
                  str(quarantine_file) if quarantine_file and quarantined else "")
    for reason, count in sorted(reasons.items(), key=lambda item: (-item[1], item[0])):
        table.add_row(Text(f"  {reason}", style="red"), f"{count:,}", "")
    console.print(table)


def render_quarantined(console: Console, item: Quarantined) -> None:
    """One line on stderr for a record that could not be processed."""
    line = Text("quarantined ", style="bold red")
    line.append(item.source or item.id or "?", style="bold")
    line.append(f"  {item.reason}", style="red")
    line.append(f"  {item.detail}")
    console.print(line, soft_wrap=True)  # one line per record, whole, so it can be grepped


def render_page(console: Console, article: Article) -> None:
    """The terminal view of one page: its facts, its body, then every removed piece and a count."""
    console.print(Text(article.title or "(no title found)", style="bold" if article.title else "dim italic"))
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column()
    for name, value in (("outlet", article.outlet), ("dateline", article.dateline),
                        ("published", article.published), ("authors", ", ".join(article.authors)),
                        ("url", article.url), ("encoding", article.encoding), ("id", article.id),
                        ("format", article.format)):
        facts.add_row(name, Text(value) if value else Text("—", style="dim"))
    console.print(facts)
    # Text objects, not markup strings: page text is full of [brackets] rich would eat.
    console.print(Panel(Text(article.body), title="body", title_align="left", border_style="dim"))

    if article.removed:
        pieces = Table.grid(padding=(0, 1))
        pieces.add_column(justify="right", no_wrap=True)
        pieces.add_column()  # wraps under itself, not under the kind
        for piece in article.removed:
            text = piece.text if len(piece.text) <= VIEW_PIECE_CHARS else piece.text[: VIEW_PIECE_CHARS - 1] + "…"
            pieces.add_row(Text(piece.kind, style=f"bold {KIND_STYLES.get(piece.kind, 'white')}"),
                           Text(text.replace("\n", " ⏎ ")))
        console.print(Panel(pieces, title=f"removed ({len(article.removed)})", title_align="left",
                            border_style="dim"))
    _render_understanding(console, article)
    kinds = Counter(piece.kind for piece in article.removed)
    breakdown = ", ".join(f"{count} {kind}" for kind, count in kinds.most_common())
    console.print(Text(f"{len(article.body):,} characters kept, {len(article.removed)} pieces removed"
                       + (f" ({breakdown})" if breakdown else ""), style="dim"))


def _render_understanding(console: Console, article: Article) -> None:
    """What the body says, normalised: its dates (and, as the pipeline grows, its sources and
    the contradictions it carries)."""
    if article.dates:
        dates = Table.grid(padding=(0, 2))
        dates.add_column(no_wrap=True)
        dates.add_column(style="cyan")
        for d in article.dates:
            dates.add_row(Text(d.get("text", "")), Text(str(d.get("value", ""))))
        console.print(Panel(dates, title=f"dates ({len(article.dates)})", title_align="left", border_style="dim"))
    if article.attributions:
        sources = Table.grid(padding=(0, 2))
        sources.add_column(style="green")
        sources.add_column()
        for a in article.attributions:
            sources.add_row(Text(str(a.get("source", ""))), Text(str(a.get("text", ""))))
        console.print(Panel(sources, title=f"sources ({len(article.attributions)})", title_align="left",
                            border_style="dim"))
    if article.entities:
        seen: dict[tuple[str, str], str | None] = {}
        for e in article.entities:
            seen.setdefault((str(e.get("canonical") or e.get("text")), str(e.get("type"))), e.get("code"))
        listed = Text()
        for n, ((name, kind), code) in enumerate(seen.items()):
            listed.append(("; " if n else "") + name)
            listed.append(f" {kind}" + (f" {code}" if code else ""), style="dim")
        console.print(Panel(listed, title=f"entities ({len(seen)})", title_align="left", border_style="dim"))
    for inc in article.inconsistencies:
        evidence = " | ".join(e.get("text", "") for e in inc.get("evidence", []))
        console.print(Panel(Text(f"{inc.get('explanation', '')}\n{evidence}"), title=f"contradiction: {inc.get('kind')}",
                            title_align="left", border_style="red"))
