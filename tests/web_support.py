"""The web app's test store and live server, shared by tests/test_web_*.py.

The store is ingested once per test process (`warta ingest`'s own code, one worker) from pages
written for this project: the sample corpus (src/warta/samples/corpus.jsonl) and the web pages
of tests/fixtures/web-pages.jsonl (a flood told by two outlets and copied by a third, an
earthquake report with two contradictions, two pages whose text holds script and img tags and a
`javascript:` URL).
"""

from __future__ import annotations

import atexit
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_FILES = [ROOT / "src" / "warta" / "samples" / "corpus.jsonl", ROOT / "tests" / "fixtures" / "web-pages.jsonl"]
CHROMIUM = Path("/usr/bin/chromium")


@lru_cache(maxsize=1)
def web_store() -> Path:
    """A store (with its search index) of the test pages, built once and removed at exit."""
    from rich.console import Console

    from warta.search import build_index
    from warta.store.ingest import IngestOptions, run_ingest

    folder = Path(tempfile.mkdtemp(prefix="warta-web-test-"))
    atexit.register(shutil.rmtree, folder, True)
    db = folder / "web.duckdb"
    quiet = Console(file=open(folder / "ingest.log", "w"), highlight=False)  # noqa: SIM115 (closed at exit)
    code = run_ingest(IngestOptions([str(p) for p in CORPUS_FILES], db=str(db), workers=1), err=quiet)
    assert code in (0, 3), f"ingest failed with exit code {code}: see {folder / 'ingest.log'}"
    build_index(db)
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def live_server(db: Path) -> Iterator[str]:
    """`warta serve`'s app under uvicorn on a free port, in a thread; yields its base URL."""
    import uvicorn

    from warta.web import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
