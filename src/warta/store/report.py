"""What an ingest shows: a progress bar (count, docs/s, ETA) and the closing summary."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

from rich.console import Console
from rich.progress import (BarColumn, Progress, ProgressColumn, SpinnerColumn, Task, TextColumn,
                           TimeElapsedColumn, TimeRemainingColumn)
from rich.table import Table
from rich.text import Text


@dataclass
class IngestTally:
    """Every record read is stored, already stored, or quarantined: read == the sum of the three."""

    read: int = 0
    stored: int = 0
    already: int = 0  # stored (or quarantined) by an earlier run, or earlier in this input
    linked: int = 0  # stored articles linked to an exact copy of their body
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def quarantined(self) -> int:
        return sum(self.reasons.values())

    def check(self) -> None:
        if self.read != self.stored + self.already + self.quarantined:
            raise RuntimeError(f"records lost: read {self.read}, stored {self.stored}, already stored "
                               f"{self.already}, quarantined {self.quarantined}")


class _RateColumn(ProgressColumn):
    """Records per second over the whole run: steadier than rich's sliding-window speed."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0.0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:,.1f} docs/s", style="progress.data.speed")


def make_progress(console: Console) -> Progress:
    """Count (of the estimated total, when known), a bar, docs/s, elapsed time and ETA."""
    return Progress(SpinnerColumn(finished_text="[green]✓"), TextColumn("{task.description}"), BarColumn(),
                    TextColumn("[progress.download]{task.completed:,}/{task.fields[of]} records"), _RateColumn(),
                    TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=console)


def render_summary(console: Console, tally: IngestTally, *, started: float, db: str,
                   link_note: str | None, index_note: str | None = None) -> None:
    elapsed = max(time.monotonic() - started, 1e-9)
    table = Table(title="warta ingest", caption="read = stored + already stored + quarantined",
                  show_header=False, box=None, padding=(0, 2))
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_column(style="dim")
    table.add_row("read", f"{tally.read:,}", f"{tally.read / elapsed:,.1f} docs/s, {elapsed:,.1f} s")
    table.add_row("stored", f"{tally.stored:,}", db)
    table.add_row("already stored", f"{tally.already:,}", "skipped: in the store before this record")
    table.add_row("duplicates linked", f"{tally.linked:,}", "stored, linked to an exact copy of their body")
    table.add_row(Text("quarantined", style="bold red" if tally.quarantined else "bold"), f"{tally.quarantined:,}",
                  "table quarantine" if tally.quarantined else "")
    for reason, count in sorted(tally.reasons.items(), key=lambda item: (-item[1], item[0])):
        table.add_row(Text(f"  {reason}", style="red"), f"{count:,}", "")
    if link_note:
        table.add_row("links", "", link_note)
    if index_note:
        table.add_row("search index", "", index_note)
    console.print(table)
