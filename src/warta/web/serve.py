"""`warta serve`: the web app over one store, on this machine only unless told otherwise."""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

EXIT_OK = 0
EXIT_USAGE = 2


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_serve(db: str, host: str = "127.0.0.1", port: int = 8000) -> int:
    """Open the store read-only, print the URL, serve until interrupted."""
    import duckdb
    import uvicorn

    from ..search import SearchError
    from ..store import SchemaMismatch
    from .app import create_app

    path = Path(db)
    if not path.exists():
        print(f"error: no store at {db}: create one with `warta ingest FILES --db {db}`", file=sys.stderr)
        return EXIT_USAGE
    from ..search import index_dir_for

    if not index_dir_for(path).exists():
        print(f"warta: building the search index beside the store ({index_dir_for(path)}), once", flush=True)
    try:
        app = create_app(path)
    except (SchemaMismatch, SearchError, OSError, duckdb.Error) as e:
        # duckdb.Error: most often a writer (`warta ingest`, `warta link`) holds the file.
        print(f"error: {e}", file=sys.stderr)
        return EXIT_USAGE
    shown = f"[{host}]" if ":" in host else host
    print(f"warta: serving {db} (read-only) at http://{shown}:{port}/  (Ctrl+C stops)", flush=True)
    if not is_loopback(host):
        print(f"warta: note: {host} is not a loopback address, so other machines can reach this server; "
              "it has no login", file=sys.stderr, flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
    return EXIT_OK
