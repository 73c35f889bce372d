"""Sentences, numbers and dated spans of a body, with their character offsets."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from warta.check.lexicon import CheckWords

_END = re.compile(r"[.!?]+[\"”’']?(?=\s+[\"“‘'(]?[A-Z0-9])|\n+")
_WORD_BEFORE = re.compile(r"([\w.]+)\.$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T|$)")
_NUM = re.compile(r"(?<![\w.,/:-])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\w/:]|[.,]\d)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    text: str


def sentences(body: str, w: CheckWords) -> list[Sentence]:
    """The body cut into sentences (and always at line breaks), each with its paragraph number."""
    out: list[Sentence] = []
    start, para = 0, 0
    for m in _END.finditer(body):
        if m.group().startswith("\n"):
            cut = m.start()
        else:
            wb = _WORD_BEFORE.search(body, max(0, m.start() - 20), m.start() + 1)
            if wb and wb.group(1).casefold().rstrip(".") in w.abbreviations:
                continue
            cut = m.end()
        if body[start:cut].strip():
            out.append(Sentence(start, cut, para, body[start:cut]))
        start = m.end()
        if "\n" in m.group():
            para += 1
        while start < len(body) and body[start] in " \t":
            start += 1
    if body[start:].strip():
        out.append(Sentence(start, len(body), para, body[start:]))
    return out


_MONTHS_EN = ("", "January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")


def span(body: str, s: int, e: int) -> dict:
    """An evidence span: the text and its offsets."""
    return {"text": body[s:e], "start": s, "end": e}


def fmt_day(d: dt.date) -> str:
    """A day as the explanations write it (`20 March 2025`), whatever the process's locale."""
    return f"{d.day} {_MONTHS_EN[d.month]} {d.year}"


def day_of(value: object) -> dt.date | None:
    """The single day an ISO value names (`2025-03-22`, `2025-03-22T23:30+07:00`), else None."""
    if not isinstance(value, str):
        return None
    m = _DAY.match(value)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


@dataclass(frozen=True)
class Number:
    start: int
    end: int  # end of the number itself
    value: float
    unit: str  # the casefolded word after it ("" when none)
    unit_end: int


def numbers(text: str, offset: int, w: CheckWords) -> list[Number]:
    """Counts written in digits (`1.250`, `38`) or as one number word (`dua`), with the word after each."""
    out: list[Number] = []
    for m in _NUM.finditer(text):
        v = float(m.group(1).replace(".", ""))
        if m.group(2):
            v += float("0." + m.group(2))
        out.append(_with_unit(text, offset, m.start(), m.end(), v))
    for m in _WORD.finditer(text):
        n = w.numbers.get(m.group().casefold())
        if n is not None:
            out.append(_with_unit(text, offset, m.start(), m.end(), float(n)))
    out.sort(key=lambda n: n.start)
    return out


def _with_unit(text: str, offset: int, s: int, e: int, v: float) -> Number:
    u = re.match(r"[ \t]+([^\W\d_][\w-]*)", text[e:])
    unit, uend = (u.group(1).casefold(), e + u.end()) if u else ("", e)
    return Number(offset + s, offset + e, v, unit, offset + uend)


def located(body: str, dates: list[dict]) -> list[dict]:
    """The dates with their offsets: given ones kept, missing ones found by their text in order."""
    out, pos = [], {}
    for d in dates or []:
        if not isinstance(d, dict) or not isinstance(d.get("text"), str) or not d["text"]:
            continue
        s, e = d.get("start"), d.get("end")
        if isinstance(s, int) and isinstance(e, int) and body[s:e] == d["text"]:
            out.append({"text": d["text"], "value": d.get("value"), "start": s, "end": e})
            continue
        i = body.find(d["text"], pos.get(d["text"], 0))
        if i < 0:
            continue
        pos[d["text"]] = i + 1
        out.append({"text": d["text"], "value": d.get("value"), "start": i, "end": i + len(d["text"])})
    out.sort(key=lambda d: d["start"])
    return out
