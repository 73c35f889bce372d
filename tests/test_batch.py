"""`warta process` end to end: outputs, the quarantine file, the summary, and exit codes.

All fixtures are written to tmp_path at test time. The pipeline is whatever `warta.pipeline`
holds now; tests that need a particular Article swap `warta.pipeline.process` for a stub.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import warta.pipeline
from warta.article import Article, RawDoc, Removed
from warta.cli import app
from warta.run.batch import EXIT_OK, EXIT_QUARANTINED, EXIT_USAGE, run_process
from warta.run.output import quarantine_path

PAGE = "JAKARTA - Presiden meresmikan jembatan baru di Jakarta, Senin (3/3/2025).\nWarga menyambutnya.\n"
LEGACY = "Kafe di Bandung menjual crème brûlée. “Murah sekali”, kata José – pemiliknya."


@pytest.fixture
def runner() -> CliRunner:
    # Wide enough that rich never wraps a summary row.
    return CliRunner(env={"COLUMNS": "250", "NO_COLOR": "1"})


@pytest.fixture
def identity(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pass-through pipeline, for tests about reading and writing rather than cleaning."""
    monkeypatch.setattr(warta.pipeline, "process", lambda raw, templates=None: Article(
        id=raw.id, body=raw.content, format="html" if raw.kind == "html" else "text-lines",
        url=raw.url, encoding=raw.encoding))


def invoke(runner: CliRunner, *args: str, input: bytes | str | None = None):
    return runner.invoke(app, ["process", *args], input=input, catch_exceptions=False)


def summary(stderr: str) -> dict[str, int]:
    """The numbers of the summary table: read, written, quarantined and each reason."""
    counts = {}
    for name, number in re.findall(r"^\s*([a-z-]+)\s+([\d,]+)(?:\s|$)", stderr, re.M):
        counts.setdefault(name, int(number.replace(",", "")))
    return counts


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def write_jsonl(path: Path, lines: list[str | dict]) -> Path:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n"
                            for line in lines), encoding="utf-8")
    return path


@pytest.fixture
def mixed(tmp_path: Path) -> list[Path]:
    """Good and bad inputs together: 6 good records, 7 quarantined."""
    (tmp_path / "baik.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "rusak.html").write_text("<html><body><div><p>Tanpa penutup<p>lagi <b>tebal", encoding="utf-8")
    (tmp_path / "kosong.txt").write_bytes(b"")
    (tmp_path / "biner.txt").write_bytes(b"\x00\x01\x02" * 500)
    (tmp_path / "lama.html").write_bytes(f'<meta charset="utf-8"><p>{LEGACY}</p>'.encode("cp1252"))
    corpus = write_jsonl(tmp_path / "korpus.jsonl", [
        {"id": "k1", "text": PAGE}, "{rusak", {"id": "k3", "html": "<p>isi</p>"},
        {"id": "k4", "url": "https://contoh.id"}, [1], {"text": PAGE},
    ])
    return [tmp_path / "baik.txt", tmp_path / "rusak.html", tmp_path / "kosong.txt", tmp_path / "biner.txt",
            tmp_path / "lama.html", corpus, tmp_path / "tidak-ada.txt"]


# --- a corpus to files -----------------------------------------------------------------------

def test_output_and_quarantine_files(runner: CliRunner, mixed: list[Path], tmp_path: Path, identity: None) -> None:
    out = tmp_path / "hasil.jsonl"
    result = invoke(runner, *map(str, mixed), "--output", str(out))
    assert result.exit_code == EXIT_QUARANTINED, result.output

    written = jsonl(out)
    assert [r["id"] for r in written] == ["baik", "rusak", "lama", "k1", "k3", "korpus:6"]
    assert written[2]["encoding"] == "cp1252" and LEGACY in written[2]["body"]  # wrong meta charset lost

    quarantined = jsonl(tmp_path / "hasil.quarantine.jsonl")
    assert all(set(q) == {"id", "reason", "detail", "source"} for q in quarantined)
    assert [(q["id"], q["reason"]) for q in quarantined] == [
        ("kosong", "empty"), ("biner", "binary"), ("korpus:2", "not-json"), ("k4", "no-content"),
        ("korpus:5", "not-an-object"), ("tidak-ada", "unreadable"),
    ]
    assert quarantined[2]["source"] == f"{mixed[5]}:2" and "Line 2" in quarantined[2]["detail"]

    counts = summary(result.stderr)
    assert counts["read"] == 12 and counts["written"] == 6 and counts["quarantined"] == 6
    assert counts["read"] == counts["written"] + counts["quarantined"] == len(written) + len(quarantined)
    assert {reason: counts[reason] for reason in ("empty", "binary", "not-json", "no-content",
                                                   "not-an-object", "unreadable")} == dict.fromkeys(
        ("empty", "binary", "not-json", "no-content", "not-an-object", "unreadable"), 1)
    assert result.stdout == ""  # everything for people goes to stderr


def test_clean_run_exits_zero_and_removes_a_stale_quarantine_file(runner: CliRunner, tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "bersih.jsonl", [{"id": "a", "text": PAGE}, {"id": "b", "html": "<p>x</p>"}])
    out = tmp_path / "out.jsonl"
    stale = quarantine_path(out)
    stale.write_text('{"id": "lama", "reason": "empty"}\n', encoding="utf-8")
    result = invoke(runner, str(corpus), "-o", str(out))
    assert result.exit_code == EXIT_OK, result.output
    assert not stale.exists()
    assert [r["id"] for r in jsonl(out)] == ["a", "b"]
    counts = summary(result.stderr)
    assert (counts["read"], counts["written"], counts["quarantined"]) == (2, 2, 0)


def test_quarantine_path() -> None:
    assert quarantine_path("a/out.jsonl") == Path("a/out.quarantine.jsonl")
    assert quarantine_path("out.json") == Path("out.json.quarantine.jsonl")


def test_pipeline_error_is_quarantined_and_the_batch_goes_on(runner: CliRunner, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    real = warta.pipeline.process

    def flaky(raw: RawDoc, templates=None) -> Article:
        if raw.id == "bom":
            raise ValueError("tidak bisa")
        return real(raw, templates)

    monkeypatch.setattr(warta.pipeline, "process", flaky)
    corpus = write_jsonl(tmp_path / "k.jsonl", [{"id": "a", "text": PAGE}, {"id": "bom", "text": PAGE},
                                                 {"id": "c", "text": PAGE}])
    out = tmp_path / "out.jsonl"
    result = invoke(runner, str(corpus), "-o", str(out))
    assert result.exit_code == EXIT_QUARANTINED
    assert [r["id"] for r in jsonl(out)] == ["a", "c"]
    (error,) = jsonl(quarantine_path(out))
    assert error["reason"] == "pipeline-error" and "ValueError" in error["detail"] and "tidak bisa" in error["detail"]
    assert error["source"] == f"{corpus}:2"
    assert summary(result.stderr)["pipeline-error"] == 1


def test_pipeline_output_that_cannot_be_written_is_quarantined(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warta.pipeline, "process",
                        lambda raw, templates=None: Article(id=raw.id, body="\ud800", format="text-lines"))
    corpus = write_jsonl(tmp_path / "k.jsonl", [{"id": "a", "text": PAGE}])
    out = tmp_path / "out.jsonl"
    assert run_process([str(corpus)], output=str(out)) == EXIT_QUARANTINED
    assert out.read_text(encoding="utf-8") == ""
    assert jsonl(quarantine_path(out))[0]["reason"] == "pipeline-error"


def test_fifty_megabyte_page_in_a_batch(runner: CliRunner, tmp_path: Path) -> None:
    big = tmp_path / "besar.txt"
    with open(big, "wb") as stream:
        for _ in range(50):
            stream.write(b"kata " * 200_000 + b"\n")
    small = tmp_path / "kecil.txt"
    small.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    result = invoke(runner, str(big), str(small), "-o", str(out))
    assert time.monotonic() - started < 5
    assert result.exit_code == EXIT_QUARANTINED
    (item,) = jsonl(quarantine_path(out))
    assert item["reason"] == "too-large" and "50,000,050 bytes" in item["detail"]
    assert [r["id"] for r in jsonl(out)] == ["kecil"]


def test_real_pipeline_processes_plain_and_broken_pages(runner: CliRunner, tmp_path: Path) -> None:
    """Whatever `warta.pipeline` is today, ordinary and malformed pages come through it."""
    (tmp_path / "biasa.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "rusak.html").write_text("<html><head><title>Judul<body><div><p>Paragraf tanpa penutup"
                                         "<p>Lagi <b>tebal <i>miring</div></span></td>", encoding="utf-8")
    (tmp_path / "lama.html").write_bytes(f"<html><body><p>{LEGACY}</p></body></html>".encode("cp1252"))
    out = tmp_path / "out.jsonl"
    result = invoke(runner, str(tmp_path / "biasa.txt"), str(tmp_path / "rusak.html"), str(tmp_path / "lama.html"),
                    "-o", str(out))
    assert result.exit_code == EXIT_OK, result.stderr
    records = jsonl(out)
    assert [(r["id"], r["encoding"]) for r in records] == [("biasa", "utf-8"), ("rusak", "utf-8"), ("lama", "cp1252")]
    assert records[0]["format"].startswith("text-") and records[1]["format"] == records[2]["format"] == "html"
    assert not quarantine_path(out).exists()


# --- one page to the terminal ----------------------------------------------------------------

def test_single_page_view(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def stub(raw: RawDoc, templates=None) -> Article:
        return Article(id=raw.id, body="Presiden meresmikan [jembatan] baru.", format="text-lines",
                       title="Jembatan Baru", outlet="Contoh News", dateline="JAKARTA -", published="2025-03-03",
                       authors=["Budi", "Sari"], encoding=raw.encoding,
                       removed=[Removed("Baca Juga: Berita lain", "read_also", 0, 22),
                                Removed("Penulis: Budi", "credit", 40, 53)])

    monkeypatch.setattr(warta.pipeline, "process", stub)
    page = tmp_path / "halaman.txt"
    page.write_text(PAGE, encoding="utf-8")
    result = invoke(runner, str(page))
    assert result.exit_code == EXIT_OK, result.output
    out = result.stdout
    for fact in ("Jembatan Baru", "Contoh News", "JAKARTA -", "2025-03-03", "Budi, Sari", "utf-8"):
        assert fact in out
    assert "[jembatan]" in out  # page text is not read as rich markup
    assert "read_also" in out and "Baca Juga: Berita lain" in out and "credit" in out
    assert "2 pieces removed (1 read_also, 1 credit)" in out
    assert out.index("Presiden meresmikan") < out.index("Baca Juga: Berita lain")  # body, then removed


def test_single_page_json(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "halaman.html"
    page.write_text("<html><body><p>Paragraf<div>tanpa penutup", encoding="utf-8")  # broken HTML
    result = invoke(runner, str(page), "--json")
    assert result.exit_code == EXIT_OK
    record = json.loads(result.stdout)
    assert record["id"] == "halaman" and record["format"] == "html" and record["encoding"] == "utf-8"


def test_single_page_quarantined(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "kosong.html"
    page.write_text("  \n", encoding="utf-8")
    result = invoke(runner, str(page))
    assert result.exit_code == EXIT_QUARANTINED
    assert "empty" in result.stderr and result.stdout == ""


# --- standard input --------------------------------------------------------------------------

def test_stdin_page(runner: CliRunner, identity: None) -> None:
    result = invoke(runner, "-", "--json", input=PAGE.encode())
    assert result.exit_code == EXIT_OK
    record = json.loads(result.stdout)
    assert record["id"] == "stdin" and record["body"] == PAGE


def test_stdin_page_view(runner: CliRunner) -> None:
    result = invoke(runner, "-", input=PAGE.encode())
    assert result.exit_code == EXIT_OK and "characters kept" in result.stdout


def test_stdin_jsonl(runner: CliRunner) -> None:
    lines = "\n" + json.dumps({"id": "s1", "text": PAGE}) + "\nbukan json\n" + json.dumps({"html": "<p>x</p>"}) + "\n"
    result = invoke(runner, "-", input=lines.encode())
    assert result.exit_code == EXIT_QUARANTINED
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["s1", "stdin:4"]
    assert "not-json" in result.stderr and "<stdin>:3" in result.stderr
    counts = summary(result.stderr)
    assert (counts["read"], counts["written"], counts["quarantined"]) == (3, 2, 1)


def test_empty_stdin(runner: CliRunner) -> None:
    result = invoke(runner, "-", input=b"")
    assert result.exit_code == EXIT_QUARANTINED and "empty" in result.stderr


# --- a corpus to stdout ----------------------------------------------------------------------

def test_corpus_to_stdout(runner: CliRunner, mixed: list[Path], identity: None) -> None:
    result = invoke(runner, *map(str, mixed))
    assert result.exit_code == EXIT_QUARANTINED
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["baik", "rusak", "lama", "k1", "k3", "korpus:6"]
    counts = summary(result.stderr)
    assert (counts["read"], counts["written"], counts["quarantined"]) == (12, 6, 6)
    assert len(re.findall(r"^quarantined /", result.stderr, re.M)) == 6  # one line each, then the summary


# --- usage -----------------------------------------------------------------------------------

def test_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    assert run_process([], output=None) == EXIT_USAGE
    assert runner.invoke(app, ["process"]).exit_code == EXIT_USAGE
    corpus = write_jsonl(tmp_path / "k.jsonl", [{"id": "a", "text": PAGE}])
    result = invoke(runner, str(corpus), "-o", str(corpus))
    assert result.exit_code == EXIT_USAGE and "also an input" in result.stderr
    assert corpus.read_text(encoding="utf-8").strip()  # not truncated
    result = invoke(runner, str(corpus), "-o", str(tmp_path / "tidak" / "ada.jsonl"))
    assert result.exit_code == EXIT_USAGE and "does not exist" in result.stderr


def test_installed_command_reads_stdin(tmp_path: Path) -> None:
    """The real entry point, a real pipe: exit codes reach the shell."""
    command = [sys.executable, "-m", "warta.cli", "process", "-", "--json"]
    done = subprocess.run(command, input=PAGE.encode(), capture_output=True, timeout=60)
    assert done.returncode == EXIT_OK, done.stderr.decode()
    record = json.loads(done.stdout)
    assert record["id"] == "stdin" and "Presiden meresmikan" in record["body"]
    done = subprocess.run(command, input=b"\x00\x01binary", capture_output=True, timeout=60)
    assert done.returncode == EXIT_QUARANTINED and b"binary" in done.stderr
