"""Every date and time expression in an article body, normalised to ISO 8601.

    >>> find_dates("Gempa terjadi Selasa (18/1/2022) pukul 23.30 WIB.")
    [{'text': 'Selasa (18/1/2022) pukul 23.30 WIB', 'value': '2022-01-18T23:30+07:00', 'start': 14, 'end': 48}]

Values: a day `2022-01-18`, a day without its year `--01-18`, a month `2022-01`, a year `2022`, an
ISO week `2025-W12`, a clock time `T23:30+07:00`, a day with its time `2022-01-18T23:30+07:00`, an
interval `A/B`; or a short English note (starting with "a ") where the text does not say enough
(`Kamis` with no date to count from: "a Thursday (date not stated)").

How it works: a grammar of patterns built from the language's data files
(`warta.understand.dates_grammar`, words in `lang/id/time.toml` and `calendar.toml`) finds the
candidate spans; overlapping ones give way to the longest; a day and its clock time next to it
become one span. Then each span is resolved:

- explicit dates as written; a `d/m` or `d Month` without a year takes the year from the
  publication date (nearest, or the latest before it after `lalu`); without one, from an earlier
  mention of the same day with its year, or from the years written in the text when the day name
  fixes it (`Kamis (20/3)` in a text about 2024 is 2025-03-20, the Thursday); else no year (`--03-20`).
- relative expressions (`kemarin`, `tadi`, `pekan lalu`, `tiga hari lalu`, `tahun ini`, `akhir pekan
  ini`, `Januari tahun lalu`) count from the reference date: the publication date when given, else
  the text's own "now", the latest day it dates with a day name (`katanya, Jumat (15/5)`), else the
  latest day it dates. A bare day name (`Kamis`) needs the publication date or a day-named date;
  else it is a note. `akhir pekan` alone is the weekend nearest the reference date.
- a part of a period keeps the period's granularity: `awal Maret` is the month, `akhir tahun` the
  year; alone (`akhir tahun`, `awal pekan`) it is the reference date's, unless general (`setiap
  akhir pekan`, `terutama pada akhir pekan`). `kuartal I 2025` is the interval of its months.
- anaphoric expressions (`sehari sebelumnya`, `dua hari kemudian`, `keesokan harinya`, `bulan
  sebelumnya`) count from the day or month the text last mentioned; `periode yang sama tahun
  lalu` is the period last mentioned in its paragraph, a year before.
- a clock time, in numbers or words (`pukul 23.30 WIB`, `pukul tujuh malam`), takes the day written
  with it, else the day of its sentence, else (with a publication date) the day last named in its
  paragraph or the publication date; a time in a sentence about something recurring (`setiap hari
  pukul 19.00 WIB`, `biasanya jam delapan`) stays a time of day.
- holidays with a year: a fixed one is its day (`Natal 2024` -> 2024-12-25), a moving one the day
  the text states for it (`Idul Fitri 2025 ... jatuh pada Senin, 31 Maret 2025`) else its year; a
  season (`Lebaran 2025`, `Ramadan 2025`) its year; a Hijri year gives a note. An eve named alone
  (`malam pergantian tahun`) is the occurrence nearest the reference date, and a date beside such a
  name dates its holiday (`malam takbiran, Minggu (30/3/2025)`: Idul Fitri is 31 March);
  `H-7 Lebaran`, `hari kedua Lebaran` count from the day the text (or a fixed holiday's calendar)
  gives, else they are notes. No Hijri date is converted: no offline calendar gives the days
  Indonesia fixes by sighting the moon.
- a year right after a capitalised name is part of the name (`IBL 2025`), not a date.

By default each distinct expression is listed once, at its first occurrence, as the gold
annotations do (`unique=False` lists every occurrence). dateparser is not used at run time: it
reads `(11/3/2024)` month first inside running text and has no words for `pekan lalu`, `lusa` or
number words; the tests use it as an oracle for the expressions it does read right.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from warta.understand.dates_grammar import Grammar, Holiday, grammar, key

__all__ = ["find_dates"]

_WEEKDAY_EN = ("", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_EN = ("", "January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
_YEARS = range(1000, 2200)  # a four-digit number read as a year


# --- candidates ---------------------------------------------------------------------------------

@dataclass
class Cand:
    start: int
    end: int
    # date | drange | mrange | yrange | month | year | year_period | holiday | countdown | relday | unit
    # | count | weekday | time | same_period | note
    kind: str
    f: dict[str, Any]
    prio: int = 0
    time: dict[str, Any] | None = None  # a clock time merged into a day
    value: str | None = None
    day: dt.date | None = None  # the day it names, once resolved (a stand-in year when yearless)
    yearless: bool = False
    wd_known: bool = False  # for a yearless day: its stand-in year has the right weekday
    explicit_year: int | None = None  # a year written in the span itself


def _word_before(g: Grammar, text: str, pos: int) -> str | None:
    m = g.rx["word_before"].search(text, max(0, pos - 40), pos)
    return m.group(1) if m else None


def _word_after(g: Grammar, text: str, pos: int) -> str | None:
    m = g.rx["word_after"].match(text[pos: pos + 40])
    return m.group(1) if m else None


def _capitalised(s: str) -> bool:
    return s[:1].isupper()


def _is_day_name(g: Grammar, s: str) -> bool:
    return _capitalised(s) and key(s) in g.weekday


def _year_shift(g: Grammar, m: re.Match) -> dict[str, Any]:
    """`tahun lalu` after a month or a day: how many years from the reference (or, `yanaph`, from
    the year last mentioned) its year is; empty when the match has none."""
    shift = m.group("yshift")
    if shift is None:
        return {}
    k = key(shift)
    if k in g.unit_anaphoric:
        return {"yshift": g.unit_anaphoric[k], "yanaph": True}
    return {"yshift": g.unit_shift[k], "yanaph": False}


def _valid(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _scan(g: Grammar, text: str, sentences: _Sentences) -> list[Cand]:
    """Every candidate span: the patterns that may start at each anchor word or digit, tried there."""
    rx = g.rx
    out: list[Cand] = []

    def add(m: re.Match, kind: str, f: dict, prio: int = 0, start: int | None = None, end: int | None = None) -> None:
        out.append(Cand(m.start() if start is None else start, m.end() if end is None else end, kind, f, prio))

    def at_sentence_start(pos: int) -> bool:
        starts = sentences.starts
        i = bisect.bisect_right(starts, pos) - 1
        return i >= 0 and not text[starts[i]:pos].strip()

    def wdate(m: re.Match) -> None:
        wd = m.group("wd")
        if key(wd) in g.weekday and not _is_day_name(g, wd):
            return
        f = {"d": m.group("d"), "m": m.group("m"), "y": m.group("y"), "wd": g.weekday.get(key(wd)), "paren": True}
        # a `lalu` after the parentheses is not part of the expression (`Rabu (19/3/2025) lalu`)
        add(m, "date", f, 2, end=m.end("part") if m.group("part") else m.end("paren"))

    def dmy(m: re.Match) -> None:
        mon = key(m.group("mon"))
        if m.group("y") is None and mon not in g.full_months:
            return  # `21 Mar` without a year: too easily something else
        wd = m.group("wd")
        start = m.start()
        if wd and not _is_day_name(g, wd):
            start = m.start("dw") if m.group("dw") else m.start("d")
            wd = None
        f = {"d": m.group("d"), "m": g.months[mon], "y": m.group("y"), "wd": g.weekday.get(key(wd)) if wd else None,
             "rel": m.group("rel"), "since": g.has("since_cues", _word_before(g, text, start))}
        end = m.end()
        if m.group("yshift"):
            if m.group("y"):
                end = m.end("y")  # `17 Agustus 2024 tahun lalu`: the written year rules
            else:
                f.update(_year_shift(g, m))
        if mon in g.full_months and text[m.end("mon"):end] == ".":
            end -= 1  # the sentence's full stop, not an abbreviation's
        add(m, "date", f, 1, start=start, end=end)

    def num(m: re.Match) -> None:
        wd = m.group("wd")
        named = bool(wd) and _is_day_name(g, wd)
        start = m.start() if named else (m.start("d") if m.group("d") else m.start("iy"))
        if m.group("iy"):
            f = {"d": m.group("id"), "m": m.group("im"), "y": m.group("iy"), "wd": None}
        else:
            f = {"d": m.group("d"), "m": m.group("m"), "y": m.group("y"), "wd": g.weekday.get(key(wd)) if named else None}
        add(m, "date", f, 1, start=start)

    def pdrange(m: re.Match) -> None:
        if m.group("wd1") and not (_is_day_name(g, m.group("wd1")) and _is_day_name(g, m.group("wd2"))):
            return
        y2 = m.group("y2")
        f = {"d1": int(m.group("d1")), "m1": int(m.group("m1")) if m.group("m1") else None, "y1": None,
             "d2": int(m.group("d2")), "m2": int(m.group("m2")),
             "y2": None if y2 is None else int(y2) + (2000 if len(y2) == 2 else 0)}
        if f["m2"] > 12 or (f["m1"] or 1) > 12:
            return
        add(m, "drange", f, 2)

    def mdy(m: re.Match) -> None:
        add(m, "date", {"d": m.group("d"), "m": g.months[key(m.group("mon"))], "y": m.group("y"), "wd": None}, 1)

    def drange(m: re.Match) -> None:
        f = {"d1": int(m.group("d1")), "m1": g.months[key(m.group("mon1"))] if m.group("mon1") else None,
             "y1": int(m.group("y1")) if m.group("y1") else None, "d2": int(m.group("d2")),
             "m2": g.months[key(m.group("mon2"))], "y2": int(m.group("y2")) if m.group("y2") else None,
             "rel": m.group("rel"), **_year_shift(g, m)}
        add(m, "drange", f, 1)

    def mrange(m: re.Match) -> None:
        f = {"m1": g.months[key(m.group("mon1"))], "y1": int(m.group("y1")) if m.group("y1") else None,
             "m2": g.months[key(m.group("mon2"))], "y2": int(m.group("y2")) if m.group("y2") else None,
             "rel": m.group("rel"), **_year_shift(g, m)}
        if f["y2"] is None and f["m1"] == f["m2"]:
            return
        add(m, "mrange", f, 1)

    def yrange(m: re.Match) -> None:
        y1, y2 = int(m.group("y1")), int(m.group("y2"))
        if m.group("sep") == "/" and y2 != y1 + 1:
            return  # `2024/2025` is a season or school year; other `A/B` are not years
        if y1 in _YEARS and y2 in _YEARS and 0 < y2 - y1 <= 100:
            add(m, "yrange", {"y1": y1, "y2": y2}, 1)

    def my(m: re.Match) -> None:
        y = int(m.group("y"))
        if y in _YEARS:
            add(m, "month", {"m": g.months[key(m.group("mon"))], "y": y, "part": m.group("part")}, 1)

    def month(m: re.Match) -> None:
        has_cue = m.group("part") or m.group("mw") or m.group("yshift")
        if not has_cue:
            has_cue = g.has("month_cues", _word_before(g, text, m.start()))
        if not has_cue and not (m.group("rel") and _capitalised(m.group("mon"))):
            return
        f = {"m": g.months[key(m.group("mon"))], "y": None, "rel": m.group("rel"), **_year_shift(g, m),
             "since": g.has("since_cues", _word_before(g, text, m.start()))}
        add(m, "month", f, 0)

    def year(m: re.Match) -> None:
        c = _year_cand(g, text, m)
        if c is not None:
            out.append(c)

    def holiday(m: re.Match) -> None:
        y = int(m.group("y"))
        hol = g.holidays[key(m.group("name"))]
        hij = m.group("hij")
        if hij and hij[0].islower() and len(hij) == 1:
            hij = None
        if hij:
            add(m, "note", {"note": f"a date in the Hijri calendar ({m.group(0)}); Gregorian date not stated"}, 2)
        elif y in _YEARS:
            add(m, "holiday", {"hol": hol, "y": y}, 2)

    def holiday_bare(m: re.Match) -> None:
        add(m, "holiday", {"hol": g.holidays[key(m.group("name"))], "y": None}, 1)

    def countdown(m: re.Match) -> None:
        name = m.group("name")
        f = {"n": int(m.group("n")) * (-1 if m.group("sign") == "-" else 1),
             "hol": g.holidays[key(name)] if name else None, "y": int(m.group("y")) if m.group("y") else None}
        add(m, "countdown", f, 2)

    def holiday_day(m: re.Match) -> None:
        n = g.ordinals[key(m.group("ord"))] if m.group("ord") else int(m.group("n"))
        if n < 1:
            return
        f = {"n": n - 1, "hol": g.holidays[key(m.group("name"))], "y": int(m.group("y")) if m.group("y") else None,
             "nth_day": n}
        add(m, "countdown", f, 2)

    def year_period(m: re.Match) -> None:
        months, n = g.year_period[key(m.group("qw"))], g.year_period_number[key(m.group("qn"))]
        y = int(m.group("y")) if m.group("y") else None
        if n * months > 12 or (y is not None and y not in _YEARS):
            return
        add(m, "year_period", {"months": months, "n": n, "y": y, **_year_shift(g, m)}, 2)

    def same_period(m: re.Match) -> None:
        add(m, "same_period", _year_shift(g, m), 1)

    def relday(m: re.Match) -> None:
        rd = key(m.group("rd"))
        if g.has("may_point_back", rd) and _points_back(g, text, m.start(), m.end()):
            return  # `seperti disebutkan tadi`: earlier in the text, not earlier today
        add(m, "relday", {"off": g.relative_day[rd]}, 0)

    def relday_back(m: re.Match) -> None:
        add(m, "relday", {"off": g.relative_day_anaphoric[key(m.group("rd"))], "anaphoric": True}, 0)

    def unit(m: re.Match) -> None:
        u = m.group("unit")
        if key(u) in g.weekday and _capitalised(u) and not at_sentence_start(m.start("unit")):
            return  # `Minggu lalu` mid-sentence is last Sunday
        part, shift = m.group("part"), m.group("shift")
        if shift is None and (part is None or not _period_of_now(g, text, m)):
            return
        shift = key(shift) if shift else None
        before = None if part else _word_before(g, text, m.start())
        if before and (before.isdigit() or g.number(before) is not None):
            return  # `selama 17 tahun ini`: a count of years, not this year
        weekend = part is not None and key(f"{part} {u}") in g.words["weekend"]
        f: dict[str, Any] = {"gran": g.unit[key(u)], "weekend": weekend}
        if shift is None:
            f["shift"], f["nearest"] = 0, True  # `akhir pekan`: the one nearest the reference date
        elif shift in g.unit_anaphoric:
            f["anaphoric"] = g.unit_anaphoric[shift]
        else:
            f["shift"] = g.unit_shift[shift]
        add(m, "unit", f, 0)

    def count(m: re.Match) -> None:
        u = key(m.group("unit") or m.group("unit1"))
        n_text = m.group("n")
        n = 1 if n_text is None else g.number(n_text)
        if n is None and not g.has("vague_counts", n_text):
            return
        direction = key(m.group("dir"))
        anaphoric = direction in g.words["count_anaphoric_past"] or direction in g.words["count_anaphoric_future"]
        past = direction in g.words["count_past"] or direction in g.words["count_anaphoric_past"]
        f = {"n": n, "vague": n_text, "gran": g.unit[u], "sign": -1 if past else 1, "unit": u, "anaphoric": anaphoric,
             "span": direction in g.words["count_span_future"]}
        add(m, "count", f, 0)

    def weekday(m: re.Match) -> None:
        wd = m.group("wd")
        if not _is_day_name(g, wd):
            return
        before = _word_before(g, text, m.start())
        if g.has("weekday_not_after", before) or (before and g.rx["recurring"].fullmatch(before)):
            return
        if rx["wd_recurring_before"].search(text, max(0, m.start() - 60), m.start()):
            return  # `setiap Sabtu dan Minggu`, `tiap hari Senin`
        if rx["wd_join_after"].match(text, m.end("wd")) or _joined_after_day(g, text, m.start()):
            return  # `Senin-Jumat`: days of a recurring schedule
        rel = m.group("rel")
        add(m, "weekday", {"wd": g.weekday[key(wd)], "rel": key(rel) if rel else None}, 0)

    def time(m: re.Match) -> None:
        c = _time_cand(g, text, m)
        if c is not None:
            out.append(c)

    def wtime(m: re.Match) -> None:
        if _duration_unit(g, text, m.start(), m.group("op")):
            return
        clock = _clock_in_words(g, m)
        if clock is not None:
            f = {"t1": _clock(g, *clock, m.group("part")), "zone": _zone(g, m.group("zone")), "t2": None}
            add(m, "time", f, 0)

    handlers = {
        "wdate": wdate, "pdrange": pdrange, "dmy": dmy, "num": num, "mdy": mdy, "drange": drange, "mrange": mrange,
        "yrange": yrange, "my": my, "month": month, "year": year, "holiday": holiday, "relday": relday,
        "unit": unit, "count": count, "weekday": weekday, "time": time, "wtime": wtime,
        "holiday_bare": holiday_bare, "countdown": countdown, "holiday_day": holiday_day, "year_period": year_period,
        "same_period": same_period, "relday_back": relday_back,
    }
    for a in rx["anchor"].finditer(text):
        pos = a.start()
        w = a.group("w")
        for name in g.first.get(w.casefold(), ()) if w else g.digit_first:
            m = rx[name].match(text, pos)
            if m is not None:
                handlers[name](m)
    return out


def _period_of_now(g: Grammar, text: str, m: re.Match) -> bool:
    """Is a part of a period with no shift (`akhir tahun`, `awal pekan`) the period of the reference
    date? Not when it is general (`setiap akhir pekan`, `terutama pada akhir pekan`), nor when the
    words after it name another period (`akhir tahun anggaran`, `awal bulan Ramadan`, `akhir tahun 2024`)."""
    start, end = m.start(), m.end()
    after = text[end:end + 40]
    nxt = re.match(r"[ \t]+(\S)", after)
    if nxt and (nxt.group(1).isupper() or nxt.group(1).isdigit()):
        return False
    if g.rx["holiday_at"].match(text, m.start("unit")):
        return False  # `pertengahan bulan suci Ramadan`: the part of a holiday season
    if g.has("period_other_after", _word_after(g, text, end)):
        return False
    head = text[max(0, start - 60):start]
    words = re.findall(r"[\w-]+", head.rsplit(".", 1)[-1])[-2:]
    if g.has("period_alone_needs_cue", m.group("unit")):
        return bool(words) and g.has("period_alone_cues", words[-1])
    if words and g.has("period_glue", words[-1]):
        words = words[:-1]
    return not (words and g.has("period_general_before", words[-1]))


def _duration_unit(g: Grammar, text: str, pos: int, opener: str) -> bool:
    """Is the opener at `pos` a unit of a duration (`24 jam 7 hari`, `buka 24 jam tiga hari`)?"""
    if not g.has("duration_openers", opener):
        return False
    before = _word_before(g, text, pos)
    return before is not None and (before.isdigit() or g.number(before) is not None)


def _points_back(g: Grammar, text: str, start: int, end: int) -> bool:
    """Does `tadi` point back in the text (`seperti disebutkan tadi`, `yang tadi saya sampaikan`)?"""
    if g.has("discourse_back", _word_before(g, text, start)):
        return True
    return any(g.has("discourse_back", w) for w in re.findall(r"\w+", text[end:end + 30])[:2])


def _clock_in_words(g: Grammar, m: re.Match) -> tuple[int, int] | None:
    """(hour, minute) of `jam delapan`, `pukul setengah delapan`, `pukul enam kurang seperempat`."""
    h = g.number(m.group("hw"))
    if h is None:
        return None
    mi = 0
    if m.group("half"):
        if m.group("mw"):
            return None
        h, mi = h - 1, 30
    elif m.group("mw"):
        minutes = key(m.group("mw"))
        n = 15 if minutes == key(g.clock.quarter) else 30 if minutes == key(g.clock.half) else g.number(minutes)
        if n is None or not 0 < n < 60:
            return None
        if m.group("past"):
            mi = n
        else:
            h, mi = h - 1, 60 - n
    return h % 24, mi


def _joined_after_day(g: Grammar, text: str, pos: int) -> bool:
    """Is the day name at `pos` the second end of a `Senin-Jumat` or `Senin hingga Jumat`?"""
    head = text[max(0, pos - 30):pos]
    for name in g.day_names:
        i = head.rfind(name)
        if i >= 0 and g.rx["wd_join_after"].match(head[i + len(name):] + text[pos:pos + 12]):
            return True
    return False


def _year_cand(g: Grammar, text: str, m: re.Match) -> Cand | None:
    y = int(m.group("y"))
    if m.group("hij") and not (m.group("hij")[0].islower() and len(m.group("hij")) == 1):
        return Cand(m.start(), m.end(), "note",
                    {"note": f"a year in the Hijri calendar ({m.group(0).strip()}); Gregorian year not stated"}, 1)
    end = m.end()
    if y not in _YEARS:
        return None
    ys = m.start("y")
    after = _word_after(g, text, m.end("y"))
    if after and g.has("count_nouns", after):
        return None
    if m.group("yw"):
        return Cand(m.start(), end, "year", {"y": y}, 1)
    if ys > 0 and text[ys - 1] == "(" and text[m.end("y"): m.end("y") + 1] == ")":
        return Cand(ys, m.end("y"), "year", {"y": y}, 1)
    before = _word_before(g, text, ys)
    if before is None:
        return Cand(ys, end, "year", {"y": y}, 1)  # the text starts with it
    gap = text[ys - 40 if ys >= 40 else 0: ys]
    if gap.rstrip(" ").endswith(("\n", ".", ":", ";")) and not gap.rstrip(" ").endswith(".."):
        return Cand(ys, end, "year", {"y": y}, 1)  # a sentence or a line starts with it
    b = key(before.rstrip(".’'"))
    if b in g.words["number_openers"] or before.lower().startswith("rp"):
        return None
    if b in g.words["year_cues"]:
        return Cand(ys, end, "year", {"y": y}, 1)
    if _capitalised(before) or before.isupper() or any(ch.isdigit() for ch in before):
        return None  # `IBL 2025`, `Lucky Draw 2024`: part of a name
    return Cand(ys, end, "year", {"y": y}, 1)


def _time_cand(g: Grammar, text: str, m: re.Match) -> Cand | None:
    op, h, mi, zone, part = m.group("op1"), int(m.group("h1")), m.group("mi1"), m.group("zone1"), m.group("part1")
    if not (op or (mi and zone)):
        return None
    if op and _duration_unit(g, text, m.start("op1"), op):
        return None
    if h > 24 or (mi is not None and int(mi) > 59):
        return None
    end = m.end()
    if part and g.rx["relday_at"].match(text, m.start("part1")):
        part, end = None, m.start("part1")  # `pukul 05.00 WIB pagi tadi`: the part belongs to `pagi tadi`
        end = len(text[:end].rstrip())
    t1 = _clock(g, h, int(mi or 0), part)
    f: dict[str, Any] = {"t1": t1, "zone": _zone(g, zone), "t2": None}
    if end == m.end():
        tail = g.rx["time_tail"].match(text, end)
        if tail:
            h2, mi2, zone2, part2 = int(tail.group("h2")), tail.group("mi2"), tail.group("zone2"), tail.group("part2")
            ok = (tail.group("op2") or mi2 or zone2 or part2) and h2 <= 24 and (mi2 is None or int(mi2) <= 59)
            if ok and not (part2 and g.rx["relday_at"].match(text, tail.start("part2"))):
                f["t2"] = _clock(g, h2, int(mi2 or 0), part2)
                if zone2:
                    f["zone2"] = _zone(g, zone2)
                    if not zone:
                        f["zone"] = f["zone2"]
                end = tail.end()
    return Cand(m.start(), end, "time", f, 0)


def _clock(g: Grammar, h: int, mi: int, part: str | None) -> tuple[int, int]:
    if part:
        p = g.part_of_day[key(part)]
        if h == 12 and p.midnight12:
            h = 0
        elif p.plus12 and p.plus12[0] <= h < p.plus12[1]:
            h += 12
    return h, mi


def _zone(g: Grammar, zone: str | None) -> str:
    if not zone:
        return ""
    return g.zones.get(zone.upper(), "")  # `waktu setempat`: local, no offset


def _select(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates: the longest first, then the higher priority, then the earlier."""
    cands.sort(key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    taken: list[tuple[int, int]] = []
    chosen: list[Cand] = []
    for c in cands:
        if c.end <= c.start:
            continue
        i = bisect.bisect_left(taken, (c.start, c.start))
        if i > 0 and taken[i - 1][1] > c.start:
            continue
        if i < len(taken) and taken[i][0] < c.end:
            continue
        taken.insert(i, (c.start, c.end))
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _merge(g: Grammar, text: str, cands: list[Cand]) -> list[Cand]:
    """A day and the clock time beside it are one span (`Sabtu, 22 Maret 2025 pukul 23.30 WIB`), and
    so are a holiday named alone and its date (`malam takbiran, Minggu (30/3/2025)`)."""
    out: list[Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "holiday" and prev.f["y"] is None and c.kind == "date"
                and g.rx["holiday_apposition"].match(text[prev.end:c.start])):
            c.f["holiday"], c.start = prev.f["hol"], prev.start
            out[-1] = c
            continue
        if prev is not None and prev.time is None:
            gap = text[prev.end:c.start]
            dayish = prev.kind in ("relday", "weekday") or (prev.kind == "date")
            if dayish and c.kind == "time" and g.rx["glue"].match(gap):
                prev.time, prev.end = c.f, c.end
                continue
            if prev.kind == "time" and c.kind == "relday" and not gap.strip():
                c.time, c.start = prev.f, prev.start
                out[-1] = c
                continue
        out.append(c)
    return out


# --- resolution ---------------------------------------------------------------------------------

def _parse_published(published: Any) -> dt.date | None:
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(published))
    return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _stand_in_year(m: int, d: int, wd: int | None) -> int | None:
    """A year in which `d/m` exists (and falls on weekday `wd` when given): arithmetic for yearless days."""
    for y in (2000, *range(2001, 2029)):
        day = _valid(y, m, d)
        if day and (wd is None or day.isoweekday() == wd):
            return y
    return None


def _fmt_day(day: dt.date, yearless: bool) -> str:
    return f"--{day.month:02d}-{day.day:02d}" if yearless else day.isoformat()


def _fmt_week(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


@dataclass
class Ref:
    day: dt.date
    yearless: bool
    wd_known: bool
    strong: bool  # the publication date, or a day the text names with its day name


class _Sentences:
    """Where sentences and paragraphs start, found the first time they are asked for."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def starts(self) -> list[int]:
        return _sentence_starts(self.text)

    @cached_property
    def paragraphs(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer(r"\n+", self.text)]


class _Doc:
    def __init__(self, g: Grammar, text: str, pub: dt.date | None, cands: list[Cand], sentences: _Sentences):
        self.g, self.text, self.pub, self.cands = g, text, pub, cands
        self.sentences = sentences
        self.written: list[tuple[int, int]] = []  # (position, year) of years written in the text
        for c in cands:
            for k in ("y", "y1", "y2"):
                v = c.f.get(k)
                if isinstance(v, str) and len(v) == 4 and v.isdigit():
                    v = int(v)
                if isinstance(v, int) and v in _YEARS and c.kind != "note":
                    self.written.append((c.start, v))
        self.written.sort()
        self.ref: Ref | None = None

    @property
    def sent_start(self) -> list[int]:
        return self.sentences.starts

    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self.sentences.starts, pos) - 1

    def paragraph(self, pos: int) -> int:
        return bisect.bisect_right(self.sentences.paragraphs, pos) - 1

    def years_between(self, a: int, b: int) -> set[int]:
        i = bisect.bisect_left(self.written, (a, -1))
        j = bisect.bisect_left(self.written, (b, -1))
        return {y for _p, y in self.written[i:j]}


def _sentence_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer(r"[.!?]+[\"”’')]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+", text):
        starts.append(m.end())
    return starts


def _resolve_date(doc: _Doc, c: Cand) -> None:
    """A written day: `d`, `m` and maybe `y` (a string as written), maybe a weekday."""
    f = c.f
    if f.get("yshift") is not None:
        return  # `17 Agustus tahun lalu`: once the reference is known, see _resolve_date_shifted
    d, m = int(f["d"]), int(f["m"])
    y_text = f.get("y")
    wd = f.get("wd")
    if y_text is not None and len(y_text) not in (2, 4):
        c.value = f"a date written with the year {y_text}, which is not a year ({doc.text[c.start:c.end]})"
        return
    if y_text is not None:
        y = int(y_text) + (2000 if len(y_text) == 2 else 0)
        day = _valid(y, m, d)
        if day is None:
            c.value = f"a date that does not exist ({doc.text[c.start:c.end]})"
            return
        c.day, c.explicit_year = day, y
        return
    if _valid(2000, m, d) is None:
        c.value = f"a date that does not exist ({doc.text[c.start:c.end]})"
        return
    y = _infer_year(doc, c, m, d, wd, f.get("rel"), f.get("since", False))
    if y is not None and _valid(y, m, d):
        c.day = _valid(y, m, d)
    else:
        sy = _stand_in_year(m, d, wd)
        c.day, c.yearless = _valid(sy or 2000, m, d), True
        c.wd_known = wd is not None and sy is not None


def _resolve_date_shifted(doc: _Doc, c: Cand) -> None:
    """`17 Agustus tahun lalu`: the day in the year named from the reference (or the last year)."""
    d, m = int(c.f["d"]), int(c.f["m"])
    y = _shifted_year(doc, c)
    day = _valid(y, m, d) if y is not None else None
    if day is not None:
        c.day = day
    elif _valid(2000, m, d) is not None:
        c.day, c.yearless = _valid(2000, m, d), True
    else:
        c.value = f"a date that does not exist ({doc.text[c.start:c.end]})"


def _infer_year(doc: _Doc, c: Cand, m: int, d: int, wd: int | None, rel: str | None,
                since: bool = False) -> int | None:
    g, pub = doc.g, doc.pub
    if pub is not None:
        options = [(y, _valid(y, m, d)) for y in (pub.year - 1, pub.year, pub.year + 1)]
        options = [(y, day) for y, day in options if day]
        if since or (rel and g.has("date_past", rel)):
            options = [(y, day) for y, day in options if day <= pub] or options
            return max(options, key=lambda o: o[1])[0]
        if rel and g.has("date_future", rel):
            options = [(y, day) for y, day in options if day >= pub] or options
            return min(options, key=lambda o: o[1])[0]
        if wd is not None:
            fit = [(y, day) for y, day in options if day.isoweekday() == wd]
            options = fit or options
        return min(options, key=lambda o: (abs((o[1] - pub).days), o[1] > pub))[0]
    # the same day written earlier with its year, no other year written in between
    for o in doc.cands:
        if o.start >= c.start:
            break
        if o.kind == "date" and o.explicit_year and o.day and (o.day.month, o.day.day) == (m, d):
            between = doc.years_between(o.end, c.start)
            if between <= {o.explicit_year}:
                return o.explicit_year
    # the weekday fixes the year among those the text writes (or the next: a text's present is
    # rarely before every year it names, `digelar pertama kali pada 2015 ... Sabtu (7/6)`)
    if wd is not None and doc.written:
        years = [y for _p, y in doc.written]
        lo, hi = min(years), max(years)
        fit = [y for y in range(lo, hi + 2) if (day := _valid(y, m, d)) and day.isoweekday() == wd]
        if fit:
            return min(fit, key=lambda y: (abs(y - hi), -y))
    # `Kemarin (19/3)` beside `Kamis (20/3/2025)`: a dateline-style day takes the year of the
    # nearest day written with its year in the same paragraph
    if c.f.get("paren"):
        p = doc.paragraph(c.start)
        near = [o for o in doc.cands if o.kind == "date" and o.explicit_year and doc.paragraph(o.start) == p]
        if near:
            return min(near, key=lambda o: abs(o.start - c.start)).explicit_year
    return None


def _reference(doc: _Doc) -> Ref | None:
    if doc.pub is not None:
        return Ref(doc.pub, False, True, True)
    days = [c for c in doc.cands if c.kind == "date" and c.day is not None]
    ranked = []
    for c in days:
        strong = c.f.get("wd") is not None
        ranked.append((strong, not c.yearless, c))
    for strong, with_year in ((True, True), (True, False), (False, True), (False, False)):
        pool = [c for s, w, c in ranked if s == strong and w == with_year]
        if pool:
            best = max(pool, key=lambda c: (c.day.month, c.day.day) if c.yearless else (c.day.year, c.day.month, c.day.day))
            return Ref(best.day, best.yearless, (not best.yearless) or best.wd_known, strong)
    ranges = [c for c in doc.cands if c.kind == "drange" and c.day is not None]
    if ranges:
        best = max(ranges, key=lambda c: (c.yearless, c.day))
        return Ref(best.day, best.yearless, not best.yearless, False)
    return None


def _resolve_drange(doc: _Doc, c: Cand) -> None:
    """`17-23 Maret 2025`; without a year, the year as for a day (`1-5 Maret lalu`); with a relative
    year (`1-5 Maret tahun lalu`) once the reference is known (the caller's second pass)."""
    f = c.f
    m1 = f["m1"] or f["m2"]
    y2 = f["y2"]
    y1 = f["y1"] or y2
    if y2 is None and f.get("yshift") is not None:
        y2 = y1 = _shifted_year(doc, c)
    elif y2 is None:
        y2 = _infer_year(doc, c, f["m2"], f["d2"], None, f.get("rel"))
        y1 = y2
    if y1 is not None and y2 is not None:
        a, b = _valid(y1, m1, f["d1"]), _valid(y2, f["m2"], f["d2"])
        if a and b and a > b and f["y1"] is None:
            a = _valid(y1 - 1, m1, f["d1"])  # `28 Desember - 3 Januari 2025`
        if a and b and a <= b:
            c.value, c.day = f"{a.isoformat()}/{b.isoformat()}", b
            return
    a, b = _valid(2000, m1, f["d1"]), _valid(2000, f["m2"], f["d2"])
    if a and b:
        c.value = f"{_fmt_day(a, True)}/{_fmt_day(b, True)}"
        c.day, c.yearless = b, True
    else:
        c.value = f"a range of dates that do not exist ({doc.text[c.start:c.end]})"


def _shift_day(ref: Ref, days: int) -> tuple[dt.date, bool]:
    return ref.day + dt.timedelta(days=days), ref.yearless


def _resolve_relative(doc: _Doc, c: Cand) -> None:
    g, ref, f = doc.g, doc.ref, c.f
    phrase = doc.text[c.start:c.end]
    if c.kind == "relday" and f.get("anaphoric"):
        _count_from_mentioned(doc, c, "day", f["off"])
        return
    if c.kind == "relday":
        if ref is None:
            c.value = f"a day counted from a date the text does not state ({phrase})"
            return
        c.day, c.yearless = _shift_day(ref, f["off"])
        c.wd_known = ref.wd_known
        return
    if c.kind == "weekday":
        _resolve_weekday(doc, c)
        return
    if c.kind == "unit":
        if "anaphoric" in f:
            _count_from_mentioned(doc, c, f["gran"], f["anaphoric"])
            return
        if ref is None or ref.yearless:
            what = "weekend" if f["weekend"] else f["gran"]
            c.value = f"a {what} counted from a date the text does not state ({phrase})"
            return
        s, day = f["shift"], ref.day
        if f["weekend"]:
            a, b = _weekend(g, day, s, f.get("nearest", False))
            c.value = f"{a.isoformat()}/{b.isoformat()}"
        elif f["gran"] == "week":
            c.value = _fmt_week(day + dt.timedelta(weeks=s))
        elif f["gran"] == "month":
            y, m = _add_months(day.year, day.month, s)
            c.value = f"{y:04d}-{m:02d}"
        elif f["gran"] == "year":
            c.value = f"{day.year + s:04d}"
        return
    if c.kind == "count":
        if f["n"] is None:
            c.value = f"a few {f['unit']} {'before' if f['sign'] < 0 else 'after'} the reference date ({phrase})"
            return
        k = f["n"] * f["sign"]
        if f["anaphoric"]:
            _count_from_mentioned(doc, c, f["gran"], k)
            return
        if ref is None or (ref.yearless and f["gran"] != "day"):
            c.value = f"a time counted from a date the text does not state ({phrase})"
            return
        if f["span"]:
            c.value = _span_after(ref, f["gran"], k)
        elif f["gran"] == "day":
            c.day, c.yearless = _shift_day(ref, k)
        elif f["gran"] == "week":
            c.value = _fmt_week(ref.day + dt.timedelta(weeks=k))
        elif f["gran"] == "month":
            y, m = _add_months(ref.day.year, ref.day.month, k)
            c.value = f"{y:04d}-{m:02d}"
        else:
            c.value = f"{ref.day.year + k:04d}"


def _span_after(ref: Ref, gran: str, n: int) -> str:
    """`dua pekan ke depan`: the days from the day after the reference to the end of the n weeks;
    months and years as the n whole ones after the reference's (`tiga bulan ke depan` in March is
    April to June)."""
    if gran in ("day", "week"):
        a = ref.day + dt.timedelta(days=1)
        b = ref.day + dt.timedelta(days=n * (7 if gran == "week" else 1))
        return f"{_fmt_day(a, ref.yearless)}/{_fmt_day(b, ref.yearless)}"
    if gran == "month":
        (y1, m1), (y2, m2) = _add_months(ref.day.year, ref.day.month, 1), _add_months(ref.day.year, ref.day.month, n)
        return f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}"
    return f"{ref.day.year + 1:04d}/{ref.day.year + n:04d}"


def _weekend(g: Grammar, day: dt.date, weeks: int, nearest: bool) -> tuple[dt.date, dt.date]:
    """The weekend of `day`'s week moved by `weeks`; with `nearest` (`akhir pekan` alone), the
    weekend nearest `day` (a Monday's is the one just past, a Thursday's the coming one; a
    Wednesday's, as far from both, the coming one)."""
    monday = day - dt.timedelta(days=day.isoweekday() - 1) + dt.timedelta(weeks=weeks)
    a, b = (monday + dt.timedelta(days=k - 1) for k in g.weekend_days)
    if nearest:
        pa, pb = a - dt.timedelta(weeks=1), b - dt.timedelta(weeks=1)
        if (day - pb).days < (a - day).days:
            return pa, pb
    return a, b


def _last_mentioned(doc: _Doc, c: Cand, gran: str) -> tuple[dt.date | None, int, int, bool] | None:
    """The latest day (or for a month count, month) the text mentions before `c`: (day or None,
    year, month, yearless). `sehari sebelumnya` counts from it. For a year count, the year last
    written (`per 31 Desember 2024 ... Kamis (20/3) ... tahun sebelumnya` is 2023: a dateline's
    inferred year is not what the text compares with), else the year of what it last mentions."""
    if gran == "year":
        written = [y for p, y in doc.written if p < c.start]
        if written:
            return None, written[-1], 0, False
    i = doc.cands.index(c)
    for o in reversed(doc.cands[:i]):
        if o.kind in ("time", "note", "drange", "same_period", "countdown"):
            continue
        if o.day is not None and o.value is None:
            if o.yearless and gran not in ("day", "week"):
                continue
            return o.day, o.day.year, o.day.month, o.yearless
        v = o.value or ""
        if gran in ("month", "year") and re.fullmatch(r"\d{4}-\d{2}", v):
            return None, int(v[:4]), int(v[5:]), False
        if gran == "year" and re.fullmatch(r"\d{4}", v):
            return None, int(v), 0, False
    return None


def _count_from_mentioned(doc: _Doc, c: Cand, gran: str, k: int) -> None:
    """`sehari sebelumnya`, `bulan sebelumnya`, `keesokan harinya`: `k` units from the day (month,
    year) the text last mentioned."""
    anchor = _last_mentioned(doc, c, gran)
    if anchor is None or (anchor[0] is None and gran in ("day", "week")):
        c.value = f"a {gran} counted from another the text does not date ({doc.text[c.start:c.end]})"
        return
    day, y, m, yearless = anchor
    if gran == "day":
        c.day, c.yearless = day + dt.timedelta(days=k), yearless
    elif gran == "week" and yearless:
        c.value = f"a week counted from a date without its year ({doc.text[c.start:c.end]})"
    elif gran == "week":
        c.value = _fmt_week(day + dt.timedelta(weeks=k))
    elif gran == "month":
        y, m = _add_months(y, m, k)
        c.value = f"{y:04d}-{m:02d}"
    else:
        c.value = f"{y + k:04d}"


def _shifted_year(doc: _Doc, c: Cand) -> int | None:
    """The year of `Januari tahun lalu` (from the reference date) or `Januari tahun sebelumnya`
    (from the year last mentioned); None when neither is known."""
    k = c.f["yshift"]
    if c.f["yanaph"]:
        anchor = _last_mentioned(doc, c, "year")
        return anchor[1] + k if anchor else None
    if doc.ref is None or doc.ref.yearless:
        return None
    return doc.ref.day.year + k


def _resolve_weekday(doc: _Doc, c: Cand) -> None:
    g, ref, f = doc.g, doc.ref, c.f
    wd, rel = f["wd"], f["rel"]
    if rel is None:
        # `Kamis` after `Kamis (20/3)`: the day the text has already dated
        for o in reversed(doc.cands):
            if o.start < c.start and o.kind == "date" and o.day is not None and o.f.get("wd") == wd:
                c.day, c.yearless, c.wd_known = o.day, o.yearless, True
                return
    if ref is None or not ref.strong or not ref.wd_known:
        c.value = f"a {_WEEKDAY_EN[wd]} (date not stated)"
        return
    day, rwd = ref.day, ref.day.isoweekday()
    week_shift = None
    if rel is not None:
        parts = rel.split()
        if len(parts) >= 2 and g.unit.get(parts[0]) == "week":
            week_shift = g.unit_shift.get(" ".join(parts[1:]))
        elif rel in g.unit_shift and g.unit_shift[rel] == 0:
            week_shift = 0
    if week_shift is not None:
        monday = day - dt.timedelta(days=rwd - 1) + dt.timedelta(weeks=week_shift)
        target = monday + dt.timedelta(days=wd - 1)
    elif rel is not None and g.has("weekday_future", rel):
        target = day + dt.timedelta(days=((wd - rwd) % 7) or 7)
    elif rel is not None and g.has("weekday_past", rel):
        target = day - dt.timedelta(days=((rwd - wd) % 7) or 7)
    else:
        target = day - dt.timedelta(days=(rwd - wd) % 7)  # the latest such day, the reference day included
    c.day, c.yearless, c.wd_known = target, ref.yearless, True


def _resolve_month(doc: _Doc, c: Cand) -> None:
    f = c.f
    m = f["m"]
    if f["y"] is not None:
        c.value = f"{f['y']:04d}-{m:02d}"
        return
    if f.get("yshift") is not None:
        y = _shifted_year(doc, c)
    else:
        y = _year_for_month(doc, c, m, f.get("rel"), f.get("since", False))
    c.value = f"{y:04d}-{m:02d}" if y is not None else f"a {_MONTH_EN[m]} (year not stated)"


def _year_for_month(doc: _Doc, c: Cand, m: int, rel: str | None, since: bool = False) -> int | None:
    """The year of a month written without one: nearest the publication date (the latest up to it
    after `lalu` or `sejak`, the next after `mendatang`), else the year the text last wrote, else the
    reference's. Without a publication date, `lalu`, `sejak` and `mendatang` count from the text's
    own reference date (`sejak akhir Desember` in a text of March 2025 is December 2024)."""
    g = doc.g
    past = since or bool(rel and g.has("date_past", rel))
    future = bool(rel and g.has("date_future", rel))
    p = doc.pub
    if p is None and (past or future) and doc.ref is not None and not doc.ref.yearless:
        p = doc.ref.day
    if p is not None:
        opts = [(p.year + k, m) for k in (-1, 0, 1)]
        def dist(o):
            return (o[0] * 12 + o[1]) - (p.year * 12 + p.month)
        if past:
            return max((o for o in opts if dist(o) <= 0), key=dist)[0]
        if future:
            return min((o for o in opts if dist(o) >= 0), key=dist)[0]
        return min(opts, key=lambda o: (abs(dist(o)), dist(o) > 0))[0]
    before = [y for p, y in doc.written if p < c.start]
    if before:
        return before[-1]
    if doc.ref is not None and not doc.ref.yearless:
        return doc.ref.day.year
    return None


def _resolve_mrange(doc: _Doc, c: Cand) -> None:
    """`Januari-Desember 2024`, `September hingga November` (the year as for a month), `Januari
    hingga Maret tahun lalu`."""
    f = c.f
    y2 = f["y2"]
    if y2 is None and f.get("yshift") is not None:
        y2 = _shifted_year(doc, c)
    elif y2 is None and f["y1"] is not None:
        y2 = f["y1"] if f["m2"] >= f["m1"] else f["y1"] + 1
    elif y2 is None:
        y2 = _year_for_month(doc, c, f["m2"], f["rel"])
    if y2 is None:
        c.value = f"a range of months in a year the text does not state ({doc.text[c.start:c.end]})"
        return
    y1 = f["y1"] or y2
    if (y1, f["m1"]) > (y2, f["m2"]):
        y1 = y2 - 1  # `Desember-Maret 2025` starts the year before
    c.value = f"{y1:04d}-{f['m1']:02d}/{y2:04d}-{f['m2']:02d}"


def _resolve_year_period(doc: _Doc, c: Cand) -> None:
    """`kuartal I 2025` -> 2025-01/2025-03, `semester II tahun lalu` -> the second half of last year."""
    f = c.f
    y = f["y"] if f["y"] is not None else _shifted_year(doc, c)
    if y is None:
        c.value = f"a part of a year the text does not state ({doc.text[c.start:c.end]})"
        return
    first = (f["n"] - 1) * f["months"] + 1
    c.value = f"{y:04d}-{first:02d}/{y:04d}-{first + f['months'] - 1:02d}"


def _shift_value_years(value: str, k: int) -> str | None:
    """An ISO value (a year, month, week, day or an interval of them) `k` years later; None when it
    has no year or the day does not exist then (29 February)."""
    out = []
    for end in value.split("/"):
        m = re.fullmatch(r"(\d{4})(-W\d{2}|-\d{2}(?:-\d{2})?)?", end.split("T")[0])
        if m is None:
            return None
        y, rest = int(m.group(1)) + k, m.group(2) or ""
        if len(rest) == 6 and _valid(y, int(rest[1:3]), int(rest[4:6])) is None:
            return None
        out.append(f"{y:04d}{rest}")
    return "/".join(out)


def _resolve_same_period(doc: _Doc, c: Cand) -> None:
    """`periode yang sama tahun lalu`: the period last mentioned in its paragraph, `yshift` years on."""
    i = doc.cands.index(c)
    p = doc.paragraph(c.start)
    for o in reversed(doc.cands[:i]):
        if doc.paragraph(o.start) != p:
            break
        if o.kind in ("time", "note", "same_period"):
            continue
        v = o.value if o.value is not None else (_fmt_day(o.day, o.yearless) if o.day else None)
        shifted = _shift_value_years(v, c.f["yshift"]) if v and not c.f["yanaph"] else None
        if shifted:
            c.value = shifted
            return
        break
    c.value = f"a period the text does not date ({doc.text[c.start:c.end]})"


def _holiday_day(doc: _Doc, hol: Holiday, y: int, stated: dict[tuple[str, int], dt.date]) -> dt.date | None:
    """The day of `hol` in year `y`: a fixed day, the day the text states for a movable one, the day
    before for an eve; None when the text does not date it."""
    g = doc.g
    if hol.kind == "eve" and hol.eve_of in g.holiday_by_key:
        base = _holiday_day(doc, g.holiday_by_key[hol.eve_of], y, stated)
        return base - dt.timedelta(days=1) if base else None
    if hol.kind == "season" and hol.day_of in g.holiday_by_key:
        return _holiday_day(doc, g.holiday_by_key[hol.day_of], y, stated)
    if hol.kind == "fixed" and hol.month and hol.day:
        return _valid(y, hol.month, hol.day)
    if hol.kind == "movable":
        return stated.get((hol.key, y))
    return None


def _nearest_holiday(doc: _Doc, hol: Holiday, stated: dict[tuple[str, int], dt.date]) -> dt.date | None:
    """The occurrence of `hol` nearest the reference date (`malam pergantian tahun`, `H-1 Natal`)."""
    if doc.ref is None or doc.ref.yearless:
        return None
    ref = doc.ref.day
    days = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _holiday_day(doc, hol, y, stated))]
    return min(days, key=lambda d: (abs((d - ref).days), d < ref)) if days else None


def _resolve_holiday(doc: _Doc, c: Cand, stated: dict[tuple[str, int], dt.date]) -> None:
    hol, y = c.f["hol"], c.f["y"]
    if y is None:  # a name that is a day by itself (`malam pergantian tahun`)
        c.day = _nearest_holiday(doc, hol, stated)
        if c.day is None:
            c.value = f"a holiday the text does not date ({doc.text[c.start:c.end]})"
        return
    day = _holiday_day(doc, hol, y, stated) if hol.kind != "season" else None
    if day is not None:
        c.day = day
    else:
        c.value = f"{y:04d}"


def _resolve_countdown(doc: _Doc, c: Cand, stated: dict[tuple[str, int], dt.date]) -> None:
    """`H-7 Lebaran`: seven days before the holiday's day, when the text (or the calendar) dates it."""
    hol, y, n = c.f["hol"], c.f["y"], c.f["n"]
    day = None
    if hol is not None:
        day = _holiday_day(doc, hol, y, stated) if y is not None else _nearest_holiday(doc, hol, stated)
    if day is None:
        phrase = doc.text[c.start:c.end]
        if "nth_day" in c.f:
            c.value = f"a day of a holiday the text does not date ({phrase})"
            return
        days = f"{abs(n)} day{'s' if abs(n) != 1 else ''}"
        c.value = f"a day {days} {'before' if n < 0 else 'after'} a holiday the text does not date ({phrase})"
        return
    c.day = day + dt.timedelta(days=n)


def _stated_holidays(doc: _Doc) -> dict[tuple[str, int], dt.date]:
    """(holiday, year) -> the day the text says it falls on: in a sentence with a cue (`jatuh pada`),
    or written beside its name (`malam takbiran, Minggu (30/3/2025)`: the eve of Idul Fitri 2025)."""
    out: dict[tuple[str, int], dt.date] = {}
    for c in doc.cands:
        hol = c.f.get("holiday") if c.kind == "date" else None
        if hol is None or c.day is None or c.yearless:
            continue
        if hol.kind == "eve" and hol.eve_of:
            day = c.day + dt.timedelta(days=1)
            out.setdefault((hol.eve_of, day.year), day)
        else:
            out.setdefault((hol.key, c.day.year), c.day)
    by_sentence: dict[int, list[Cand]] = {}
    for c in doc.cands:
        by_sentence.setdefault(doc.sentence(c.start), []).append(c)
    for s, cs in by_sentence.items():
        hols = [c for c in cs if c.kind == "holiday" and c.f["hol"].kind == "movable"]
        if not hols:
            continue
        end = doc.sent_start[s + 1] if s + 1 < len(doc.sent_start) else len(doc.text)
        for h in hols:
            if not doc.g.rx["holiday_cue"].search(doc.text, h.end, end):
                continue
            for c in cs:
                if c.start > h.end and c.kind == "date" and c.explicit_year == h.f["y"] and c.day:
                    out.setdefault((h.f["hol"].key, h.f["y"]), c.day)
                    break
    return out


def _time_value(t: dict[str, Any], day: str = "") -> str:
    (h, mi), zone = t["t1"], t["zone"]
    one = f"{day}T{h:02d}:{mi:02d}{zone}"
    if t.get("t2") is None:
        return one
    h2, mi2 = t["t2"]
    return f"{one}/{day}T{h2:02d}:{mi2:02d}{t.get('zone2', zone)}"


def _attach_time(doc: _Doc, c: Cand) -> str:
    """The day of a clock time that stands alone (see the module docstring)."""
    s = doc.sentence(c.start)
    s_start = doc.sent_start[s]
    s_end = doc.sent_start[s + 1] if s + 1 < len(doc.sent_start) else len(doc.text)
    if doc.g.rx["recurring"].search(doc.text, s_start, s_end):
        return _time_value(c.f)
    same = [o for o in doc.cands if o is not c and s_start <= o.start < s_end]
    if any(o.kind in ("drange", "mrange", "yrange") for o in same):
        return _time_value(c.f)
    days = [o for o in same if o.day is not None and o.kind in ("date", "relday", "weekday") and o.time is None]
    if days:
        before = [o for o in days if o.start < c.start]
        o = before[-1] if before else days[0]
        return _time_value(c.f, _fmt_day(o.day, o.yearless))
    if doc.pub is not None:
        p = doc.paragraph(c.start)
        earlier = [o for o in doc.cands if o.start < c.start and o.day is not None and o.kind == "date"
                   and doc.paragraph(o.start) == p]
        if earlier:
            return _time_value(c.f, _fmt_day(earlier[-1].day, earlier[-1].yearless))
        return _time_value(c.f, doc.pub.isoformat())
    return _time_value(c.f)


def _find(body: str, published: Any, unique: bool) -> list[dict[str, Any]]:
    g = grammar()
    pub = _parse_published(published)
    sentences = _Sentences(body)
    cands = _merge(g, body, _select(_scan(g, body, sentences)))
    if not cands:
        return []
    doc = _Doc(g, body, pub, cands, sentences)
    for c in cands:
        if c.kind == "date":
            _resolve_date(doc, c)
    for c in cands:
        if c.kind == "drange" and c.f.get("yshift") is None:
            _resolve_drange(doc, c)
    doc.ref = _reference(doc)
    stated = _stated_holidays(doc)
    # in text order: what counts from the day last mentioned (`sehari sebelumnya`) finds it resolved
    for c in cands:
        f = c.f
        if c.kind == "date" and f.get("yshift") is not None:
            _resolve_date_shifted(doc, c)
        elif c.kind == "drange" and f.get("yshift") is not None:
            _resolve_drange(doc, c)
        elif c.kind in ("relday", "weekday", "unit", "count"):
            _resolve_relative(doc, c)
        elif c.kind == "month":
            _resolve_month(doc, c)
        elif c.kind == "mrange":
            _resolve_mrange(doc, c)
        elif c.kind == "year_period":
            _resolve_year_period(doc, c)
        elif c.kind == "holiday":
            _resolve_holiday(doc, c, stated)
        elif c.kind == "countdown":
            _resolve_countdown(doc, c, stated)
        elif c.kind == "same_period":
            _resolve_same_period(doc, c)
        elif c.kind == "yrange":
            c.value = f"{f['y1']:04d}/{f['y2']:04d}"
        elif c.kind == "year":
            c.value = f"{f['y']:04d}"
        elif c.kind == "note":
            c.value = f["note"]
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for c in cands:
        if c.kind == "time":
            value = _attach_time(doc, c)
        elif c.day is not None and c.value is None:
            value = _fmt_day(c.day, c.yearless)
            if c.time is not None:
                value = _time_value(c.time, value)
        elif c.time is not None:
            value = _time_value(c.time)  # a day we cannot date, with its clock time
        else:
            value = c.value
        if not value:
            continue
        text = body[c.start:c.end]
        if unique:
            if text in seen:
                continue
            seen.add(text)
        out.append({"text": text, "value": value, "start": c.start, "end": c.end})
    return out


def first_occurrences(dates: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each distinct expression once, at its first occurrence: `find_dates(unique=False)` made unique."""
    seen: set[str] = set()
    out = []
    for d in dates:
        if d["text"] not in seen:
            seen.add(d["text"])
            out.append(d)
    return out


def find_dates(body: str, published: str | None = None, *, unique: bool = True) -> list[dict[str, Any]]:
    """Every date or time expression in `body`, in text order: `{text, value, start, end}`.

    `published` (`YYYY-MM-DD`, a date or a datetime) is the reference for relative expressions;
    without it the text's own dates are. `unique`: each distinct expression once, at its first
    occurrence (the gold's convention); False lists every occurrence. Never raises: on input it
    cannot read it returns what it found, or an empty list.
    """
    if not isinstance(body, str) or not body:
        return []
    try:
        return _find(body, published, unique)
    except Exception:  # noqa: BLE001 - a date finder must not stop a pipeline; tests cover the grammar
        return []
