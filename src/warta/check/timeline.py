"""Checks on an article's timeline that need no event model, only the dates as written.

- `impossible-date`: a day name with a numeric date that no calendar has (`Rabu (4/11/205)`,
  `Senin (31/4/2025)`): the year is not one (three digits) or the day does not exist. Only the
  news convention `DAYNAME (d/m/y)` is read, so reference numbers (`No. 3/11/205`) are never dates.
- `two-dates-one-event`: one thing given two ranges of days that share a first (or last) day but
  not the other (`Promo ... 17-23 Maret 2025` and later `17 - 20 Maret 2025`). The two sentences
  must name the same thing: the same amount of money or the same name of two or more capitalised
  words; a shared percentage or a shared common word is not enough.
- `elapsed-years`: something that started in a year (`terbit sejak 3 Mei 2016`) and a count of the
  years since that same start (`Sudah 17 [tahun] berlalu sejak diterbitkannya`) that reaches past
  the article's own present: its publication year, or when unknown the latest year it writes.

The words live in `lang/id/checks.toml` (`[timeline]`); day names in `calendar.toml`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from warta.check.lexicon import CheckWords, _alternation
from warta.check.text import Sentence, day_of
from warta.check.text import fmt_day as _fmt
from warta.check.text import span as _span
from warta.lang import data_toml

_NUMERIC_DATE = r"\(\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{1,5})\s*\)"
_NUMERIC_DATE_RE = re.compile(_NUMERIC_DATE)
_MONEY = re.compile(r"(?i)\b(?:Rp|US\$|\$)\s?\d[\d.,]*(?:\s*(?:ribu|juta|miliar|triliun|rb|jt|M|T)\b)?")
_NAME = re.compile(r"(?<![\w.])([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)")
_FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


@dataclass(frozen=True)
class TimelineWords:
    # `terbit sejak [tanggal]` at the end of the text before a date: group 1 is the verb of the start
    start_re: re.Pattern[str]
    # `17 [tahun] [berlalu] sejak diterbitkannya`: group 1 the count, group 2 the verb counted from
    counted_re: re.Pattern[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]
    calendar_words: frozenset[str]  # day and month names: never a name of a thing


@lru_cache(maxsize=4)
def timeline_words(lang: str = "id") -> TimelineWords:
    t = data_toml(lang, "checks.toml")["timeline"]
    cal = data_toml(lang, "calendar.toml")
    months = [k for k in cal.get("months", {})] if isinstance(cal.get("months"), dict) else list(cal.get("months", []))
    since, elapsed, years = _alternation(t["since"]), _alternation(t["elapsed"]), _alternation(t["years"])
    return TimelineWords(
        start_re=re.compile(r"([^\W\d_][\w-]*)\s+(?:" + since + r")\s+(?:(?:" + _alternation(t["date_nouns"])
                            + r")\s+)?$", re.I),
        counted_re=re.compile(r"(\d{1,3})\s+(?:(?:" + years + r")\s+)?(?:(?:" + elapsed + r")\s+)?(?:" + since
                              + r")\s+([^\W\d_][\w-]*)", re.I),
        prefixes=tuple(sorted(t["prefixes"], key=len, reverse=True)),
        suffixes=tuple(sorted(t["suffixes"], key=len, reverse=True)),
        calendar_words=frozenset(w.casefold() for w in [*cal["days"], *months]),
    )


# --- impossible-date -----------------------------------------------------------------------------

def impossible_dates(body: str, ds: list[dict], sents: list[Sentence], w: CheckWords,
                     published: str | None = None) -> list[dict]:
    out = []
    for m in _NUMERIC_DATE_RE.finditer(body):
        d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
        if len(y) in (2, 4):
            try:
                dt.date(int(y) + (2000 if len(y) == 2 else 0), mo, d)
                continue
            except ValueError:
                problem = f"{d}/{mo}/{y} is not a day of the calendar"
        else:
            problem = f"{y} is not a year"
        day = _day_before(w.day_re.pattern).search(body, max(0, m.start() - 20), m.start())
        if day is None:
            continue  # without a day name before it, `(4/11/205)` may be a reference number
        evidence = [_span(body, day.start(), m.end())]
        meant = _meant_year(body, y, published, m.start())
        hint = ""
        if meant is not None:
            year_text, s, e = meant
            hint = f" (the article's other dates are in {year_text}: probably a typo)"
            evidence.append(_span(body, s, e))
        out.append({
            "kind": "impossible-date",
            "evidence": evidence,
            "explanation": f"The text dates something {body[day.start():m.end()]}, but {problem}{hint}.",
        })
    return out


@lru_cache(maxsize=4)
def _day_before(day_names: str) -> re.Pattern[str]:
    """A day name right before a bracketed numeric date: `Rabu (`, `Rabu, (`."""
    return re.compile(r"(?:" + day_names + r")\s*,?\s*$", re.I)


def _meant_year(body: str, written: str, published: str | None, skip: int) -> tuple[str, int, int] | None:
    """A four-digit year the article writes elsewhere whose digits contain the written ones in order
    (`205` in `2015`), with where it stands: the year the typo most likely meant."""
    if len(written) != 3:
        return None
    for m in _FOUR_DIGIT_YEAR.finditer(body):
        if abs(m.start() - skip) < 3:
            continue
        if _subsequence(written, m.group(1)):
            return m.group(1), m.start(), m.end()
    return None


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


# --- two-dates-one-event -------------------------------------------------------------------------

def _range_of(value: object) -> tuple[dt.date, dt.date] | None:
    if not isinstance(value, str) or value.count("/") != 1:
        return None
    a, b = (day_of(v) for v in value.split("/"))
    return (a, b) if a and b and a < b else None


def _keys(text: str, tw: TimelineWords) -> set[str]:
    """What names a thing in a sentence: amounts of money and names of two or more capitalised words."""
    keys = {"money:" + re.sub(r"\s+", "", m.group()).casefold() for m in _MONEY.finditer(text)}
    for m in _NAME.finditer(text):
        words = [x for x in m.group(1).split() if x.casefold() not in tw.calendar_words]
        if len(words) >= 2:
            keys.add("name:" + " ".join(words).casefold())
    return keys


def ranges_for_one_event(body: str, ds: list[dict], sents: list[Sentence], w: CheckWords,
                         published: str | None = None) -> list[dict]:
    tw = timeline_words()
    ranged = [(d, r) for d in ds if (r := _range_of(d.get("value")))]
    out = []
    for i, (d1, r1) in enumerate(ranged):
        for d2, r2 in ranged[i + 1:]:
            if r1 == r2 or (r1[0] != r2[0] and r1[1] != r2[1]):
                continue
            s1, s2 = _sentence_of(sents, d1["start"]), _sentence_of(sents, d2["start"])
            if s1 is None or s2 is None or s1 is s2:
                continue
            shared = _keys(s1.text, tw) & _keys(s2.text, tw)
            if not shared:
                continue
            thing = sorted(shared)[0].split(":", 1)[1]
            out.append({
                "kind": "two-dates-one-event",
                "evidence": [_span(body, d1["start"], d1["end"]), _span(body, d2["start"], d2["end"])],
                "explanation": f"The same thing ({_as_written(s1.text, thing)}) is given two periods: "
                               f"{_fmt(r1[0])} to {_fmt(r1[1])}, and {_fmt(r2[0])} to {_fmt(r2[1])}.",
            })
    return out


def _as_written(text: str, key: str) -> str:
    m = re.search(r"\s*".join(re.escape(c) for c in key.replace(" ", "")), text, re.I)
    return m.group() if m else key


def _sentence_of(sents: list[Sentence], pos: int) -> Sentence | None:
    return next((s for s in sents if s.start <= pos < s.end), None)


# --- elapsed-years -------------------------------------------------------------------------------

def _stems(word: str, tw: TimelineWords) -> set[str]:
    w = word.casefold()
    heads = {w} | {w[len(p):] for p in tw.prefixes if w.startswith(p)}
    out = set()
    for h in heads:
        out.add(h)
        out.update(h[:-len(s)] for s in tw.suffixes if h.endswith(s))
    return {s for s in out if len(s) >= 4}


def elapsed_years(body: str, ds: list[dict], sents: list[Sentence], w: CheckWords,
                  published: str | None = None) -> list[dict]:
    tw = timeline_words()
    starts = []  # (verb, year, span start, span end)
    for d in ds:
        year = _year_of(d.get("value"))
        if year is None or str(year) not in d["text"]:
            continue
        m = tw.start_re.search(body, max(0, d["start"] - 40), d["start"])
        if m:
            starts.append((m.group(1), year, m.start(), d["end"]))
    if not starts:
        return []
    present = _present_year(ds, published)
    if present is None:
        return []
    out = []
    for m in tw.counted_re.finditer(body):
        n, verb = int(m.group(1)), m.group(2)
        for sverb, year, s, e in starts:
            if not (_stems(verb, tw) & _stems(sverb, tw)):
                continue
            if year + n <= present + 1:
                continue
            out.append({
                "kind": "elapsed-years",
                "evidence": [_span(body, s, e), _span(body, m.start(), m.end())],
                "explanation": f"The text counts {n} years since it began ('{body[s:e]}'), which "
                               f"would make it {year + n}, yet the article's present is {present}.",
            })
            break
    return out


def _present_year(ds: list[dict], published: str | None) -> int | None:
    if published and re.match(r"\d{4}", published):
        return int(published[:4])
    years = [y for d in ds if (y := _year_of(d.get("value"))) is not None]
    return max(years) if years else None


def _year_of(value: object) -> int | None:
    """The year of a date value that names a day, a month or a year (`2016-05-03`, `1999-03`, `2016`)."""
    day = day_of(value)
    if day is not None:
        return day.year
    if isinstance(value, str) and re.fullmatch(r"\d{4}(-\d{2})?", value):
        return int(value[:4])
    return None
