"""`warta ingest --engine ray` on a local Ray instance: the same store as the local engine, resumable.

One local Ray (2 CPUs) serves the whole module; it starts in a few seconds.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'warta[ray]'")

from warta.run.ray_ingest import RayOptions, run_ray_ingest  # noqa: E402
from warta.store.ingest import IngestOptions, run_ingest  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1] / "src" / "warta" / "samples"
INPUTS = [str(SAMPLES / "corpus.jsonl"), str(SAMPLES / "jakarta-kini-1.txt"), str(SAMPLES / "kabar-priangan.html")]


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def _articles(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT id, body, outlet, title, published, record FROM articles ORDER BY id").fetchall()


def _quarantine(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT key, reason FROM quarantine ORDER BY key").fetchall()


def test_the_ray_engine_stores_what_the_local_engine_stores(tmp_path):
    local, distributed = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    assert run_ingest(IngestOptions(INPUTS, db=str(local), workers=1, link=False)) == 3  # the bad sample record
    assert run_ray_ingest(RayOptions(INPUTS, db=str(distributed), workers=2, link=False)) == 3
    assert _articles(distributed) == _articles(local)
    assert _quarantine(distributed) == _quarantine(local)
    assert not any(p.name.startswith("run-") for p in (tmp_path / "ray.duckdb.shards").iterdir())  # merged, removed


def test_a_rerun_stores_nothing_twice(tmp_path, capsys):
    db = tmp_path / "store.duckdb"
    run_ray_ingest(RayOptions(INPUTS, db=str(db), workers=2, link=False))
    first = _articles(db)
    assert run_ray_ingest(RayOptions(INPUTS, db=str(db), workers=2, link=False)) == 0  # nothing new quarantined
    assert _articles(db) == first
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) = count(DISTINCT id) FROM articles").fetchone()[0]


def test_shards_a_killed_run_left_are_merged_and_a_broken_one_is_redone(tmp_path):
    # A finished run's shards, kept, stand for what a run killed before its merge leaves behind.
    donor = tmp_path / "donor.duckdb"
    run_ray_ingest(RayOptions(INPUTS, db=str(donor), workers=2, link=False, keep_shards=True))
    left = next((tmp_path / "donor.duckdb.shards").iterdir())
    db = tmp_path / "store.duckdb"
    os.makedirs(f"{db}.shards")
    target = Path(f"{db}.shards") / left.name
    shutil.copytree(left, target)
    shards = sorted(target.glob("*.parquet"))
    (target / "zz-half-written.parquet").write_bytes(b"PAR1 killed mid-write")
    if len(shards) > 1:
        shards[-1].unlink()  # a shard that never got written: its records must be processed again
    assert run_ray_ingest(RayOptions(INPUTS, db=str(db), workers=2, link=False)) in (0, 3)
    assert _articles(db) == _articles(donor)
    assert _quarantine(db) == _quarantine(donor)
    assert not target.exists()


def test_stdin_is_refused_with_a_usage_error(tmp_path):
    assert run_ray_ingest(RayOptions(["-"], db=str(tmp_path / "s.duckdb"))) == 2
