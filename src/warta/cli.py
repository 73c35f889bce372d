"""The `warta` command line."""

from __future__ import annotations

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Clean, structure and check Indonesian online news.")


@app.command()
def process(
    inputs: list[str] = typer.Argument(..., help="Files (.txt .html .jsonl[.gz] .parquet .warc[.gz]) or - for stdin."),
    output: str | None = typer.Option(None, "--output", "-o", help="Write one JSON record per input record here."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON records instead of the terminal view."),
) -> None:
    """Clean pages and read their facts.

    Exit codes: 0 all records processed; 3 some records quarantined (see OUT.quarantine.jsonl);
    2 usage error.
    """
    from .run.batch import run_process

    raise typer.Exit(run_process(inputs, output=output, json_out=json_out))


@app.command("eval")
def eval_cmd(
    gold: list[str] = typer.Option(None, "--gold", help="Gold JSONL file(s) in the gold format."),
    pred: str | None = typer.Option(None, "--pred", help="Predictions JSONL; without it warta processes the gold pages itself."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    per_doc: bool = typer.Option(False, "--per-doc", help="Print a line per document."),
    ner: str | None = typer.Option(None, "--ner", help="Score the shipped NER model on this CoNLL-style file (token first, tag last, IOB or BILOU) and exit."),
) -> None:
    """Score predictions (or warta itself) against gold records, with the referee's metrics."""
    if ner is not None:
        from .understand.ner.evaluate import run_ner_eval

        raise typer.Exit(run_ner_eval(ner, json_out=json_out))
    if not gold:
        raise typer.BadParameter("give --gold FILE (or --ner FILE)", param_hint="--gold")
    from .evaluate import run_eval

    raise typer.Exit(run_eval(gold, pred=pred, json_out=json_out, per_doc=per_doc))


@app.command()
def ingest(
    inputs: list[str] = typer.Argument(..., help="Files (.txt .html .jsonl[.gz] .parquet .warc[.gz]) or - for stdin."),
    db: str = typer.Option("warta.duckdb", "--db", help="The store (DuckDB file); created when absent."),
    workers: int | None = typer.Option(None, "--workers", "-w", help="Worker processes [default: every core]."),
    batch_size: int = typer.Option(500, "--batch-size", help="Records per transaction."),
    no_link: bool = typer.Option(False, "--no-link", help="Skip the connect phase (duplicates, related, stories)."),
    engine: str = typer.Option("local", "--engine", help="local (a process pool) or ray (Ray Data, through Parquet shards)."),
    shards: str | None = typer.Option(None, "--shards", help="Ray: where workers write Parquet shards [default: DB.shards]; a shared path on a cluster."),
    ray_address: str | None = typer.Option(None, "--ray-address", help="Ray: a running cluster (auto, ray://host:10001) [default: start a local Ray]."),
    keep_shards: bool = typer.Option(False, "--keep-shards", help="Ray: keep the merged shards (a Hugging Face-style dataset of the articles)."),
) -> None:
    """Process a corpus into the store, in parallel; rerun the same command to resume after a crash.

    Exit codes: 0 nothing quarantined; 3 some records quarantined (table quarantine); 2 usage error.
    """
    if engine == "ray":
        from .run.ray_ingest import RayOptions, run_ray_ingest

        raise typer.Exit(run_ray_ingest(RayOptions(inputs, db=db, shards=shards, address=ray_address,
                                                   workers=workers, keep_shards=keep_shards, link=not no_link)))
    if engine != "local":
        raise typer.BadParameter("local or ray", param_hint="--engine")
    from .store.ingest import IngestOptions, run_ingest

    raise typer.Exit(run_ingest(IngestOptions(inputs, db=db, workers=workers, batch_size=batch_size,
                                              link=not no_link)))


@app.command()
def export(
    db: str = typer.Option("warta.duckdb", "--db", help="The store to export."),
    fmt: str = typer.Option("parquet", "--format", "-f", help="parquet or jsonl."),
    output: str = typer.Option(..., "--output", "-o", help="The file to write."),
) -> None:
    """Write the store's articles as Hugging Face datasets-compatible Parquet or JSON lines (text = body)."""
    from .store.export import run_export

    raise typer.Exit(run_export(db, output, fmt))


@app.command()
def link(
    db: str = typer.Option("warta.duckdb", "--db", help="The store to link."),
) -> None:
    """Find duplicates, related articles and stories across the store (replaces the three link tables)."""
    from .store.link import run_link

    raise typer.Exit(run_link(db))


@app.command()
def search(
    query: str = typer.Argument(..., help='Words (`banjir jakarta`), "a phrase", -excluded, a OR b; "" lists by date.'),
    db: str = typer.Option("warta.duckdb", "--db", help="The store; its index is STORE.search/ beside it."),
    outlet: list[str] = typer.Option(None, "--outlet", help="Only this outlet (repeat for several)."),
    date_from: str | None = typer.Option(None, "--from", help="Published on or after YYYY-MM-DD."),
    date_to: str | None = typer.Option(None, "--to", help="Published on or before YYYY-MM-DD."),
    entity: list[str] = typer.Option(None, "--entity", help="Naming this entity: `PER:Joko Widodo` or a name (repeat: all)."),
    contradiction: bool | None = typer.Option(None, "--contradiction/--no-contradiction",
                                              help="Only articles with (or without) a contradiction."),
    duplicate: str | None = typer.Option(None, "--duplicate", help="none | representative | duplicate."),
    limit: int = typer.Option(20, "--limit", help="Hits to show (1-100)."),
    offset: int = typer.Option(0, "--offset", help="Hits to skip (paging)."),
    sort: str = typer.Option("relevance", "--sort", help="relevance | newest."),
    json_out: bool = typer.Option(False, "--json", help="Print the results (hits, snippets, facets) as JSON."),
) -> None:
    """Full-text search over the store, with filters.

    Exit codes: 0 the search ran (with or without hits); 2 a bad request or no store.
    """
    from .search.view import run_search

    raise typer.Exit(run_search(query, db=db, outlet=outlet, date_from=date_from, date_to=date_to, entity=entity,
                                has_contradiction=contradiction, duplicate=duplicate, limit=limit,
                                offset=offset, sort=sort, json_out=json_out))


@app.command()
def serve(
    db: str = typer.Option("warta.duckdb", "--db", help="The store to serve (made by `warta ingest`); opened read-only."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on; the default reaches this machine only."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
) -> None:
    """Search and read the store in a browser: pages and a JSON API (/openapi.json). Read-only: no write endpoint.

    Exit codes: 0 stopped; 2 no store at --db or not a warta store.
    """
    from .web.serve import run_serve

    raise typer.Exit(run_serve(db, host=host, port=port))


if __name__ == "__main__":
    app()
