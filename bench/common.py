"""What bench/quality.py and bench/speed.py share: where the dev gold lives, the tools compared, the machine.

Every tool is a factory that returns `run(page) -> prediction`, where `page` is a gold record of which only
`raw`, `format`, `url` and `id` are read (never the answers), and the prediction is a dict with at least
`body`. Factories import their library when called, so a peer that is not installed or breaks on import
is reported as failed by the caller instead of stopping the whole benchmark.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import re
import subprocess
import sys
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# The dev gold is third-party text: read in place beside the repository, never copied into it.
SHARED = Path(os.environ.get("WARTA_SHARED", ROOT.parent / "shared"))
DEV_FILES = ("news-dev-lines.jsonl", "news-dev-flat.jsonl")
OUT = ROOT / "bench" / "out"
TEXT_FORMATS = ("text-lines", "text-flat")

sys.path.insert(0, str(ROOT / "src"))  # run from a checkout without installing

Page = Mapping[str, Any]
Tool = Callable[[Page], dict[str, Any]]


# --- data ----------------------------------------------------------------------------------------

def dev_gold() -> dict[str, dict[str, Any]]:
    """id -> gold record of the dev files; exits with the reason (status 0: a skip) when they are absent."""
    paths = [SHARED / "data" / name for name in DEV_FILES]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"skipped: the dev gold is absent ({', '.join(missing)}); "
              "it lives in ../shared beside the repository (or set WARTA_SHARED)", file=sys.stderr)
        sys.exit(0)
    from warta.evaluate import load

    return load(map(str, paths))


def pages_of(gold: Mapping[str, Page], kind: str) -> list[Page]:
    """The dev pages a tool of `kind` reads: `text` (text-lines and text-flat) or `html`."""
    want = TEXT_FORMATS if kind == "text" else ("html",)
    return [g for g in gold.values() if g.get("format") in want]


def replicate(pages: Sequence[Page], n: int) -> Iterator[Page]:
    """`n` pages cycling over `pages`, made lazily so the corpus itself never sits in memory.

    Each page's text is a fresh copy, as a reader would give it: a tool that holds on to records
    (a read-ahead buffer, a cache) then pays for them in memory as it would on a real corpus.
    """
    for i in range(n):
        g = pages[i % len(pages)]
        raw = (" " + g["raw"])[1:]  # a new string object (plain slicing or `+ ""` may return the same one)
        yield {"id": f"{g['id']}#{i}", "raw": raw, "format": g["format"], "url": g.get("url")}


# --- text tools ----------------------------------------------------------------------------------

def no_cleaning() -> Tool:
    return lambda page: {"body": page["raw"]}


# The three spellings a page template uses; a marker inside a sentence is left alone.
_BACA_JUGA = re.compile(r"^\s*(?:Baca juga|BACA JUGA|Baca Juga)\b")
# Flat text has no line breaks left, so the baseline falls back to sentence ends.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def baca_juga_regex() -> Tool:
    """Drop every line (flat text: every sentence) that starts with a `Baca juga` marker."""
    def run(page: Page) -> dict[str, Any]:
        flat = page["format"] == "text-flat"
        pieces = _SENTENCE_END.split(page["raw"]) if flat else page["raw"].split("\n")
        return {"body": (" " if flat else "\n").join(p for p in pieces if not _BACA_JUGA.match(p))}
    return run


def c4_line_filter() -> Tool:
    """datatrove's C4QualityFilter, keeping the text it leaves; a page it rejects whole gets an empty body.

    Its page-level rule `min_num_sentences` is turned off: it is a page filter rather than a cleaning
    step, and its sentence splitter needs spaCy, which is not among the bench dependencies.
    """
    from datatrove.data import Document
    from datatrove.pipeline.filters import C4QualityFilter

    f = C4QualityFilter(min_num_sentences=-1)

    def run(page: Page) -> dict[str, Any]:
        doc = Document(text=page["raw"], id=str(page["id"]))
        return {"body": doc.text if f.filter(doc) is True else ""}
    return run


# --- HTML tools ----------------------------------------------------------------------------------

_BLOCK_TAGS = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
               "blockquote", "section", "article", "figure", "figcaption", "pre", "table", "header", "footer"}


def fragment_text(html: str) -> str:
    """Text of an HTML fragment with a line break after each block, so words of two blocks never fuse."""
    import lxml.html

    if not html.strip():
        return ""
    root = lxml.html.fromstring(html)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    lines = (re.sub(r"[ \t\r\f\v]+", " ", x).strip() for x in root.text_content().split("\n"))
    return "\n".join(x for x in lines if x)


def trafilatura_tool() -> Tool:
    import trafilatura

    return lambda page: {"body": trafilatura.extract(page["raw"], url=page.get("url")) or ""}


def readability_tool() -> Tool:
    from readability import Document

    return lambda page: {"body": fragment_text(Document(page["raw"]).summary(html_partial=True))}


def justext_tool() -> Tool:
    import justext

    stoplist = justext.get_stoplist("Indonesian")

    def run(page: Page) -> dict[str, Any]:
        paragraphs = justext.justext(page["raw"], stoplist)
        return {"body": "\n".join(p.text for p in paragraphs if not p.is_boilerplate)}
    return run


def newspaper_tool() -> Tool:
    with warnings.catch_warnings():  # it warns on import that nltk (unused here) is absent
        warnings.simplefilter("ignore")
        from newspaper import Article

    def run(page: Page) -> dict[str, Any]:
        # fetch_images=False: by default it downloads the page's images, which stalls without a network.
        art = Article(page.get("url") or "https://example.invalid/", language="id", fetch_images=False)
        art.download(input_html=page["raw"])
        art.parse()
        return {"body": art.text or ""}
    return run


def resiliparse_tool() -> Tool:
    from resiliparse.extract.html2text import extract_plain_text

    return lambda page: {"body": extract_plain_text(page["raw"], main_content=True)}


# --- warta ---------------------------------------------------------------------------------------

def warta_tool() -> Tool:
    """warta's pipeline on one page, the way `warta eval` runs it: the whole Article as the prediction."""
    from warta.evaluate import gold_to_rawdoc
    from warta.pipeline import process

    return lambda page: process(gold_to_rawdoc(page)).to_dict()


# name -> factory, in the order the tables list them.
TEXT_TOOLS: dict[str, Callable[[], Tool]] = {
    "no cleaning": no_cleaning,
    "baca-juga regex": baca_juga_regex,
    "datatrove C4 lines": c4_line_filter,
    "warta": warta_tool,
}
HTML_TOOLS: dict[str, Callable[[], Tool]] = {
    "trafilatura": trafilatura_tool,
    "readability-lxml": readability_tool,
    "jusText": justext_tool,
    "newspaper4k": newspaper_tool,
    "resiliparse": resiliparse_tool,
    "warta": warta_tool,
}


def tools_of(kind: str) -> dict[str, Callable[[], Tool]]:
    return TEXT_TOOLS if kind == "text" else HTML_TOOLS


# --- machine and report --------------------------------------------------------------------------

def machine() -> dict[str, Any]:
    """What the numbers were measured on: CPU model, cores, RAM, Python, and warta's commit (`-dirty`: the
    working tree had uncommitted changes to tracked files)."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = None
    try:
        ram_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError):
        pass
    return {"date": dt.datetime.now().astimezone().isoformat(timespec="seconds"), "cpu": cpu,
            "cores": os.cpu_count(), "ram_gb": ram_gb, "python": platform.python_version(),
            "commit": _git_commit()}


def _git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True,
                             text=True, timeout=10)
        return out.stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


def machine_line(m: Mapping[str, Any]) -> str:
    return (f"{m['date']} · {m['cpu']} · {m['cores']} cores · {m['ram_gb']} GB RAM · "
            f"Python {m['python']} · warta commit {m['commit']}")


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)
