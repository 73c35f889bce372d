"""warta.evaluate: the referee's metrics, and agreement with the referee itself.

The unit tests use small records written here. The agreement tests read the dev gold from
../shared (third-party pages, never copied into the repository) and skip when it is absent.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from warta import evaluate as ev

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REFEREE = SHARED / "tools" / "score.py"
GOLD = sorted((SHARED / "data").glob("news-dev-*.jsonl"))


# --- unit tests on hand-written records -----------------------------------------------------------

def rec(**kw: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"id": "a", "format": "text-lines", "body": "", "keep": [], "drop": []}
    return {**base, **kw}


def test_norm_nfkc_casefold_whitespace() -> None:
    assert ev.norm("  Ｊａｋａｒｔａ\n\t ﬁle  ") == "jakarta file"
    assert ev.norm(None) == ""
    assert ev.tokens("Hari-ini, 12 Mei!") == ["hari", "ini", "12", "mei"]


def test_prf_empty_sides() -> None:
    assert ev.prf(0, 0, 0) == (1.0, 1.0, 1.0)
    assert ev.prf(0, 3, 0) == (0.0, 0.0, 0.0)
    assert ev.prf(0, 0, 3) == (0.0, 0.0, 0.0)
    p, r, f = ev.prf(2, 4, 2)
    assert (p, r) == (0.5, 1.0) and f == pytest.approx(2 / 3)


def test_body_bag_overlap_and_keep() -> None:
    g = rec(body="satu dua dua tiga", keep=["satu dua", "tiga"])
    d = ev.score_doc(g, {"id": "a", "body": "Satu  DUA empat"})
    # tokens: pred satu dua empat, gold satu dua dua tiga -> overlap 2
    assert (d.body_p, d.body_r) == (pytest.approx(2 / 3), 0.5)
    assert (d.keep_hits, d.keep_n) == (1, 2)


def test_drop_leaks_only_long_pieces_not_in_gold_body() -> None:
    g = rec(body="Isi berita yang asli di sini.",
            drop=[{"text": "Baca juga: Judul berita lain", "kind": "read_also"},
                  {"text": "Foto: ant", "kind": "caption"},  # under 12 chars: not tested
                  {"text": "yang asli di sini", "kind": "other"}])  # also in the gold body: never a leak
    d = ev.score_doc(g, {"id": "a", "body": "Isi berita yang asli di sini. BACA JUGA: judul berita lain"})
    assert d.drop_by_kind == {"read_also": 1, "other": 1}
    assert d.leak_by_kind == {"read_also": 1}
    assert d.leaks == ["read_also"]


def test_fields_authors_dates_attributions() -> None:
    g = rec(title="Judul", outlet=None, dateline="JAKARTA, X -", published="2023-01-02",
            authors=["Ani", "Budi"],
            dates=[{"text": "kemarin", "value": "2023-01-01"},
                   {"text": "pekan lalu", "value": "minggu sebelum tanggal terbit"},  # a note: not scored
                   {"text": "pukul 10.00", "value": "T10:00"}],
            attributions=[{"text": "dilansir AFP", "source": "AFP"}])
    p = {"id": "a", "title": " judul ", "outlet": "Lain", "dateline": "JAKARTA -", "published": "2023-01-02",
         "authors": ["ani", "Cici"],
         "dates": [{"value": "2023-01-01"}, {"value": "10:00"}, {"value": "besok"}],
         "attributions": [{"source": "afp"}, {"source": "Reuters"}]}
    d = ev.score_doc(g, p)
    assert d.fields == {"title": (1, 1), "dateline": (0, 1), "published": (1, 1)}  # outlet: no gold, not tested
    assert d.authors == (1, 2, 2)
    assert d.dates == (2, 2, 2)
    assert d.attributions == (1, 2, 1)


def test_date_value_iso_forms() -> None:
    for ok in ("2022-12-30", "2023-01", "2025-03-22T23:30+07:00", "2023-W05", "--12-25", "2023-01-01/2023-01-05"):
        assert ev.date_value({"value": ok}), ok
    for note in ("", None, "akhir bulan", "30 Desember"):
        assert ev.date_value({"value": note}) == ""


def test_summary_macro_means_missing_and_inconsistency() -> None:
    gold = {"a": rec(id="a", body="satu dua", inconsistencies=["x"]),
            "b": rec(id="b", body="tiga", format="html"),
            "c": rec(id="c", body="empat", format="text-flat", inconsistencies=["y"])}
    pred = {"a": {"id": "a", "body": "satu dua", "inconsistencies": ["z"]},
            "b": {"id": "b", "body": "lima", "inconsistencies": ["w"]}}
    s = ev.score(gold, pred)
    assert s["docs"] == 3 and s["missing"] == 1
    assert s["body_f1"] == pytest.approx(1 / 3)
    assert s["inconsistency_p_r"] == (0.5, 0.5)
    assert list(s["per_format"]) == ["text-lines", "text-flat", "html"]
    assert s["per_format"]["text-lines"]["body_f1"] == 1.0
    assert s["per_format"]["text-flat"]["missing"] == 1


def test_summary_keys_match_the_referee_order() -> None:
    s = ev.summarize([ev.score_doc(rec(body="x"), {"body": "x"})])
    assert list(s) == ["docs", "missing", "body_f1", "body_precision", "body_recall", "keep_recall",
                       "drop_tested", "drop_leaked", "leak_by_kind", "field_accuracy", "authors_f1",
                       "dates_p_r_f1", "attributions_p_r_f1", "inconsistency_p_r"]
    assert ev.summarize([])["docs"] == 0  # no crash on an empty gold set


def test_run_eval_bad_json_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "gold.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    assert ev.run_eval([str(bad)], pred=str(bad)) == 1
    assert "not JSON" in capsys.readouterr().err


# --- agreement with the referee on the dev gold ----------------------------------------------------

needs_shared = pytest.mark.skipif(not (REFEREE.is_file() and GOLD),
                                  reason="../shared (referee and dev gold) is absent beside the repository")


def numbers(v: Any, path: str = "") -> Iterator[tuple[str, float]]:
    """Every numeric leaf of a summary value, with where it sits; `a/b` leak ratios count as two numbers."""
    if isinstance(v, dict):
        for k, x in v.items():
            yield from numbers(x, f"{path}.{k}")
    elif isinstance(v, (list, tuple)):
        for i, x in enumerate(v):
            yield from numbers(x, f"{path}[{i}]")
    elif isinstance(v, str) and "/" in v:
        a, b = v.split("/")
        yield f"{path}.leaked", float(a)
        yield f"{path}.tested", float(b)
    elif isinstance(v, (int, float)) and not isinstance(v, bool):
        yield path, float(v)
    elif v is None:
        yield path, float("nan")


def parse_lines(out: str) -> dict[str, Any]:
    """`key: value` lines up to the first blank line (the referee's part of the output)."""
    s: dict[str, Any] = {}
    for line in out.split("\n\n")[0].splitlines():
        k, v = line.split(": ", 1)
        s[k] = ast.literal_eval(v)
    return s


def assert_agree(ref: dict[str, Any], ours: dict[str, Any]) -> None:
    assert list(ours)[: len(ref)] == list(ref)
    a, b = dict(numbers(ref)), dict(numbers({k: ours[k] for k in ref}))
    assert a.keys() == b.keys()
    for k in a:
        same_nan = a[k] != a[k] and b[k] != b[k]
        assert same_nan or round(a[k], 3) == round(b[k], 3), (k, a[k], b[k])


def run(cmd: list[str]) -> str:
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def gold_args() -> list[str]:
    return [a for g in GOLD for a in ("--gold", str(g))]


def gold_records() -> list[dict[str, Any]]:
    return list(ev.load(map(str, GOLD)).values())


def perturbed(g: dict[str, Any], n: int) -> dict[str, Any] | None:
    """A prediction that is right on some things and wrong on others, varied by position."""
    if n % 7 == 3:
        return None  # missing
    words = g["body"].split()
    return {
        "id": g["id"],
        "body": " ".join(words[: len(words) * 2 // 3]) + (" " + g["drop"][0]["text"] if g["drop"] else ""),
        "title": (g.get("title") or "").upper() if n % 2 else "judul lain",
        "outlet": g.get("outlet") if n % 3 else None,
        "dateline": g.get("dateline"),
        "published": "2001-01-01" if n % 4 == 0 else g.get("published"),
        "authors": (g.get("authors") or [])[:1] + ["Orang Lain"],
        "dates": (g.get("dates") or [])[::2] + [{"text": "x", "value": "2020-02-02"}, {"text": "y", "value": "nanti"}],
        "attributions": (g.get("attributions") or [])[1:] + [{"text": "z", "source": "Reuters"}],
        "inconsistencies": ["ada"] if n % 5 == 0 else [],
    }


def prediction_sets() -> dict[str, list[dict[str, Any]]]:
    golds = gold_records()
    keys = ("body", "title", "outlet", "dateline", "published", "authors", "dates", "attributions", "inconsistencies")
    return {
        "gold": [{"id": g["id"], **{k: g.get(k) for k in keys}} for g in golds],
        "raw": [{"id": g["id"], "body": g["raw"]} for g in golds],
        "empty": [],
        "perturbed": [p for n, g in enumerate(golds) if (p := perturbed(g, n)) is not None],
    }


def referee_python() -> str:
    return shutil.which("python3") or sys.executable


@needs_shared
@pytest.mark.parametrize("name", ["gold", "raw", "empty", "perturbed"])
def test_agrees_with_referee(tmp_path: Path, name: str) -> None:
    pred = tmp_path / f"{name}.jsonl"
    pred.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in prediction_sets()[name]),
                    encoding="utf-8")
    ref_cmd = [referee_python(), str(REFEREE), *gold_args(), "--pred", str(pred)]
    our_cmd = [sys.executable, "-m", "warta.cli", "eval", *gold_args(), "--pred", str(pred)]
    ref_text, our_text = run(ref_cmd), run(our_cmd)
    assert_agree(parse_lines(ref_text), parse_lines(our_text))
    assert "per_format:" in our_text
    assert_agree(json.loads(run([*ref_cmd, "--json"])), json.loads(run([*our_cmd, "--json"])))
    # --per-doc lines come first, one per gold page, in the referee's form.
    ref_rows = run([*ref_cmd, "--per-doc"]).splitlines()[: len(gold_records())]
    our_rows = run([*our_cmd, "--per-doc"]).splitlines()[: len(gold_records())]
    assert our_rows == ref_rows


@needs_shared
def test_perfect_prediction_scores_one() -> None:
    golds = {g["id"]: g for g in gold_records()}
    s = ev.score(golds, {g["id"]: p for g, p in zip(golds.values(), prediction_sets()["gold"])})
    assert s["body_f1"] == 1.0 and s["keep_recall"] == 1.0 and s["drop_leaked"] == 0
    assert set(s["per_format"]) == {"text-lines", "text-flat", "html"}


@needs_shared
def test_eval_runs_warta_in_process() -> None:
    out = run([sys.executable, "-m", "warta.cli", "eval", *gold_args()])
    s = parse_lines(out)
    assert s["docs"] == len(gold_records())
    for fmt in ("text-lines", "text-flat", "html"):
        assert f"  {fmt}: docs=" in out
