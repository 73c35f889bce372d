"""`warta process`: read every input record, run the pipeline on it, and write or show the results.

Where results go:

* `--output OUT.jsonl`: one JSON line per processed record (`Article.to_dict()`); every record
  that could not be processed goes to `OUT.quarantine.jsonl` beside it (fields id, reason,
  detail, source), a file created only when something was quarantined (a stale one from an
  earlier run is removed). A progress bar and a summary table go to stderr.
* no `--output`, one page (a .txt/.html file, or one page on stdin): a readable terminal view,
  or with `--json` the record as one JSON line.
* no `--output`, a corpus: JSON lines on stdout; quarantined records and the summary on stderr.

Every record read is either written or quarantined, never lost: read == written + quarantined.
A record the pipeline fails on is quarantined as `pipeline-error` and the batch goes on.

Exit codes: 0 nothing was quarantined; 3 at least one record was quarantined; 2 usage error
(no inputs, an output that is also an input, an output folder that does not exist). Anything
else (a full disk, a bug) ends with Python's traceback and exit code 1. `--json` changes only
the single-page view; corpus output is always JSON lines.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain

from rich.console import Console
from rich.markup import escape

from .. import pipeline
from ..clean.repetition import TemplateLines, learn_ahead
from ..facts import host_of
from ..article import Article, Quarantined, RawDoc
from ..read.files import DEFAULT_MAX_BYTES, is_page_file, iter_inputs
from ..read.stdin import STDIN_SOURCE
from .output import (LazyJsonl, make_progress, quarantine_line, quarantine_path, render_page,
                     render_quarantined, render_summary)

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_QUARANTINED = 3

# Quarantined records listed one by one on stderr when there is no quarantine file; the rest are counted.
SHOWN_QUARANTINED = 20
_MAX_ERROR_CHARS = 500


@dataclass
class Processed:
    """A record the pipeline handled: the Article and its JSON line, ready to write."""

    article: Article
    line: str


@dataclass
class Tally:
    read: int = 0
    written: int = 0
    reasons: Counter[str] = field(default_factory=Counter)

    @property
    def quarantined(self) -> int:
        return sum(self.reasons.values())

    def check(self) -> None:
        # A real check, not `assert`: it must hold under `python -O` too.
        if self.read != self.written + self.quarantined:
            raise RuntimeError(f"records lost: read {self.read}, written {self.written}, "
                               f"quarantined {self.quarantined}")

    @property
    def exit_code(self) -> int:
        return EXIT_QUARANTINED if self.quarantined else EXIT_OK


def process_one(raw: RawDoc, templates: TemplateLines | None = None) -> Processed | Quarantined:
    """Run the pipeline on one record; any failure becomes a `pipeline-error` quarantine."""
    try:
        # looked up per call, so tests and plugins can swap it
        article = pipeline.process(raw, templates) if templates is not None else pipeline.process(raw)
        # The pipeline owns the Article, but the record must stay traceable to its input.
        article.id = article.id if article.id is not None else raw.id
        article.url = article.url or raw.url
        article.encoding = article.encoding or raw.encoding
        line = json.dumps(article.to_dict(), ensure_ascii=False)
        line.encode("utf-8")  # unpaired surrogates would only fail later, at write time
    except Exception as error:
        message = f"{type(error).__name__}: {error}"[:_MAX_ERROR_CHARS]
        return Quarantined(id=raw.id, reason="pipeline-error", detail=f"The pipeline failed: {message}",
                           source=raw.source)
    return Processed(article, line)


def process_all(items: Iterable[RawDoc | Quarantined], learn_templates: bool = True) -> Iterator[Processed | Quarantined]:
    """Process records in order. With `learn_templates`, the first records are read ahead to learn
    the paragraphs each outlet's template repeats (clean/repetition.py), and every record is
    then cleaned knowing them; memory stays bounded by the read-ahead."""
    templates: TemplateLines | None = None
    stream: Iterable[RawDoc | Quarantined] = items
    if learn_templates:
        templates, stream = learn_ahead(items, host_of)
    for item in stream:
        yield item if isinstance(item, Quarantined) else process_one(item, templates)


def run_process(inputs: list[str], output: str | None = None, json_out: bool = False,
                max_bytes: int = DEFAULT_MAX_BYTES) -> int:
    """Process every record of `inputs`; returns the exit code (0, 3, or 2 for a usage error)."""
    err = Console(file=sys.stderr, highlight=False)
    problem = _usage_problem(inputs, output)
    if problem:
        err.print(f"[bold red]error:[/] {escape(problem)}")
        return EXIT_USAGE

    items = iter_inputs(inputs, max_bytes=max_bytes)
    if output:
        return _to_files(items, output, err)
    first = next(items, None)
    if first is None:  # nothing at all was read, e.g. a WARC with no HTML responses
        render_summary(err, read=0, written=0, reasons=Counter(), started=time.monotonic())
        return EXIT_OK
    if len(inputs) == 1 and (is_page_file(inputs[0]) or first.source == STDIN_SOURCE):
        return _show_page(first, json_out, err)
    return _to_stdout(chain([first], items), err)


def _usage_problem(inputs: list[str], output: str | None) -> str | None:
    if not inputs:
        return "no inputs given: name files (.txt .html .jsonl[.gz] .parquet .warc[.gz]) or - for stdin."
    if output:
        target = os.path.abspath(output)
        if any(path != "-" and os.path.abspath(path) == target for path in inputs):
            return f"the output {output} is also an input; it would be overwritten while read."
        if os.path.abspath(str(quarantine_path(output))) in {os.path.abspath(p) for p in inputs if p != "-"}:
            return f"the quarantine file {quarantine_path(output)} is also an input."
        folder = os.path.dirname(target)
        if not os.path.isdir(folder):
            return f"the folder {folder} for the output does not exist."
    return None


def _to_files(items: Iterator[RawDoc | Quarantined], output: str, err: Console) -> int:
    started = time.monotonic()
    tally = Tally()
    quarantine_file = quarantine_path(output)
    quarantine_file.unlink(missing_ok=True)  # a stale file would blame this run for old records
    quarantined = LazyJsonl(quarantine_file)
    try:
        with open(output, "w", encoding="utf-8") as out, make_progress(err) as progress:
            task = progress.add_task("processing", total=None)
            for result in process_all(items):
                tally.read += 1
                if isinstance(result, Quarantined):
                    tally.reasons[result.reason] += 1
                    quarantined.write(quarantine_line(result))
                else:
                    out.write(result.line + "\n")
                    tally.written += 1
                progress.advance(task)
            progress.update(task, total=tally.read, description="done")  # a total marks it finished
    finally:
        quarantined.close()
    tally.check()
    render_summary(err, read=tally.read, written=tally.written, reasons=tally.reasons, started=started,
                   output=output, quarantine_file=quarantine_file)
    return tally.exit_code


def _to_stdout(items: Iterator[RawDoc | Quarantined], err: Console) -> int:
    started = time.monotonic()
    tally = Tally()
    for result in process_all(items):
        tally.read += 1
        if isinstance(result, Quarantined):
            tally.reasons[result.reason] += 1
            if tally.quarantined <= SHOWN_QUARANTINED:
                render_quarantined(err, result)
        else:
            sys.stdout.write(result.line + "\n")
            tally.written += 1
    sys.stdout.flush()
    if tally.quarantined > SHOWN_QUARANTINED:
        err.print(f"… and {tally.quarantined - SHOWN_QUARANTINED:,} more quarantined "
                  "(use --output to keep them all in a quarantine file)")
    tally.check()
    render_summary(err, read=tally.read, written=tally.written, reasons=tally.reasons, started=started)
    return tally.exit_code


def _show_page(item: RawDoc | Quarantined, json_out: bool, err: Console) -> int:
    result = item if isinstance(item, Quarantined) else process_one(item)  # one page: nothing to learn from
    if isinstance(result, Quarantined):
        render_quarantined(err, result)
        return EXIT_QUARANTINED
    if json_out:
        sys.stdout.write(result.line + "\n")
        sys.stdout.flush()
    else:
        render_page(Console(file=sys.stdout, highlight=False), result.article)
    return EXIT_OK
