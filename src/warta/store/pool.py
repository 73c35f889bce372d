"""Run chunks of tasks on worker processes, results as they finish, with few chunks in flight.

Memory stays bounded: at most `IN_FLIGHT_PER_WORKER` chunks per worker are submitted ahead of
the results, so a slow writer or a huge input never piles records up in the queue. One worker
runs in this process (no pickling, no start-up): the honest one-core measure.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from ..clean.repetition import TemplateLines
from .work import Result, Task, run_chunk

IN_FLIGHT_PER_WORKER = 2
WARM_MODULE = "warta.store.warm"

_templates: TemplateLines | None = None  # each worker's copy, sent once when it starts


def _start_worker(templates: TemplateLines | None) -> None:
    global _templates
    _templates = templates


def _run_in_worker(tasks: list[Task]) -> list[Result]:
    return run_chunk(tasks, _templates)


def run_chunks(chunks: Iterable[list[Task]], templates: TemplateLines | None, workers: int) -> Iterator[list[Result]]:
    """Each chunk's results, in the order they finish."""
    if workers <= 1:
        for tasks in chunks:
            yield run_chunk(tasks, templates)
        return
    # forkserver, not fork: the parent holds DuckDB's threads, which a forked child must not inherit.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([WARM_MODULE])  # workers fork from a server that has loaded the pipeline
    with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker,
                             initargs=(templates,)) as pool:
        pending: set[Future[list[Result]]] = set()
        limit = workers * IN_FLIGHT_PER_WORKER
        for tasks in chunks:
            pending.add(pool.submit(_run_in_worker, tasks))
            if len(pending) >= limit:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
