"""The date grammar's words and patterns, built once from the language's data files.

Day and month names, weekday numbers and time zones come from `lang/<lang>/calendar.toml`; every
other word (relative days, parts of the day, units, counts, holidays, cue words) from
`lang/<lang>/time.toml`. Nothing here names an Indonesian word: the patterns are alternations of
what the data files list, and `warta.understand.dates` reads the groups they capture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang import data_toml


def key(s: str) -> str:
    """The lookup form of a phrase: casefolded, white space runs to one space."""
    return " ".join(s.casefold().split())


def alt(phrases) -> str:
    """One regex alternation of `phrases`, longest first; a space inside matches any white space run."""
    uniq = sorted({p for p in phrases if p}, key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in uniq)


@dataclass(frozen=True)
class Holiday:
    key: str
    kind: str  # fixed | movable | season | eve
    month: int | None
    day: int | None
    eve_of: str | None = None  # an eve: the key of the holiday it is the day before
    day_of: str | None = None  # a season: the key of the holiday whose day `H-7 <season>` counts from
    bare: bool = False  # its name alone is the occurrence nearest the reference date


@dataclass(frozen=True)
class ClockWords:
    """Words of clock times said in words (`pukul setengah delapan`, `jam enam kurang seperempat`)."""

    half: str
    quarter: str
    past: frozenset[str]
    to: frozenset[str]
    minute: frozenset[str]


@dataclass(frozen=True)
class PartOfDay:
    plus12: tuple[int, int] | None  # [from, to) hours that move to the afternoon/evening
    midnight12: bool  # `12` means 00


@dataclass
class Grammar:
    weekday: dict[str, int]
    day_names: tuple[str, ...]
    months: dict[str, int]
    full_months: frozenset[str]
    zones: dict[str, str]
    relative_day: dict[str, int]
    relative_day_anaphoric: dict[str, int]
    part_of_day: dict[str, PartOfDay]
    unit: dict[str, str]
    unit_shift: dict[str, int]
    unit_anaphoric: dict[str, int]
    numbers: dict[str, int]
    teen: str
    tens: str
    one_prefix: str
    words: dict[str, frozenset[str]]
    weekend_days: tuple[int, int]
    holidays: dict[str, Holiday]  # by casefolded name
    holiday_by_key: dict[str, Holiday]
    clock: ClockWords
    year_period: dict[str, int]  # `kuartal` -> months it spans
    year_period_number: dict[str, int]  # `ii` -> 2
    ordinals: dict[str, int]  # `kedua` -> 2
    # compiled patterns, see _compile
    rx: dict[str, re.Pattern[str]]
    # which patterns may start at a word (its casefolded first `\w+` run) or at a digit
    first: dict[str, tuple[str, ...]] = field(default_factory=dict)
    digit_first: tuple[str, ...] = ()

    def has(self, listname: str, phrase: str | None) -> bool:
        return phrase is not None and key(phrase) in self.words[listname]

    def number(self, s: str) -> int | None:
        """`3`, `tiga`, `dua belas`, `dua puluh satu` -> int; None when it is not a number."""
        s = key(s)
        if s.isdigit():
            return int(s)
        parts = s.split()
        total, cur = 0, 0
        for p in parts:
            if p in self.numbers:
                cur += self.numbers[p]
            elif p == self.teen:
                total, cur = total + 10 + cur, 0
            elif p == self.tens:
                total, cur = total + 10 * max(cur, 1), 0
            else:
                return None
        return total + cur


@lru_cache(maxsize=4)
def grammar(lang: str = "id") -> Grammar:
    cal = data_toml(lang, "calendar.toml")
    t = data_toml(lang, "time.toml")
    months = {key(k): int(v) for k, v in cal["months"].items()}
    # A month key is a full name (usable alone, `awal Maret`) when it is at least five letters or
    # the longest key of its month (`Mei`, `Juni`); shorter ones (`Mar`, `Agt`) need a day and a year.
    longest: dict[int, int] = {}
    for k, v in months.items():
        longest[v] = max(longest.get(v, 0), len(k))
    full = frozenset(k for k, v in months.items() if len(k) >= 5 or len(k) == longest[v])
    pods = {
        key(k): PartOfDay(tuple(v["plus12"]) if v.get("plus12") else None, bool(v.get("midnight12")))
        for k, v in t["part_of_day"].items()
    }
    holidays: dict[str, Holiday] = {}
    holiday_by_key: dict[str, Holiday] = {}
    for h in t["holiday"]:
        hol = Holiday(h["key"], h["kind"], h.get("month"), h.get("day"), h.get("eve_of"), h.get("day_of"),
                      bool(h.get("bare")))
        holiday_by_key[hol.key] = hol
        for n in h["names"]:
            holidays.setdefault(key(n), hol)
    cw = t["clock_words"]
    clock = ClockWords(cw["half"], cw["quarter"], frozenset(map(key, cw["past"])), frozenset(map(key, cw["to"])),
                       frozenset(map(key, cw["minute"])))
    words = {k: frozenset(key(x) for x in v) for k, v in t["words"].items()
             if isinstance(v, list) and all(isinstance(x, str) for x in v)}
    parts = t["number_parts"]
    g = Grammar(
        weekday={key(k): int(v) for k, v in cal["weekday"].items()},
        day_names=tuple(cal["days"]),
        months=months,
        full_months=full,
        zones={k.upper(): v for k, v in cal["zones"].items()},
        relative_day={key(k): int(v) for k, v in t["relative_day"].items()},
        relative_day_anaphoric={key(k): int(v) for k, v in t["relative_day_anaphoric"].items()},
        part_of_day=pods,
        unit={key(k): v for k, v in t["unit"].items()},
        unit_shift={key(k): int(v) for k, v in t["unit_shift"].items()},
        unit_anaphoric={key(k): int(v) for k, v in t["unit_shift_anaphoric"].items()},
        numbers={key(k): int(v) for k, v in t["numbers"].items()},
        teen=key(parts["teen"]),
        tens=key(parts["tens"]),
        one_prefix=key(parts["one_prefix"]),
        words=words,
        weekend_days=tuple(t["words"]["weekend_days"]),
        holidays=holidays,
        holiday_by_key=holiday_by_key,
        clock=clock,
        year_period={key(k): int(v) for k, v in t["year_period"].items()},
        year_period_number={key(k): int(v) for k, v in t["year_period_number"].items()},
        ordinals={key(k): int(v) for k, v in t["words"]["ordinals"].items()},
        rx={},
    )
    g.rx = _compile(g, t["words"])
    _anchors(g, t["words"])
    return g


def _first_word(phrase: str) -> str | None:
    m = re.match(r"\w+", key(phrase))
    return m.group(0) if m else None


def _anchors(g: Grammar, w: dict) -> None:
    """The words (and digits) a pattern may start with, and one pattern that finds them all.

    Scanning the text once for these anchors and trying only the patterns that can start there is
    what makes the grammar fast: Python's regex engine pays for every position a pattern is tried at.
    """
    first: dict[str, set[str]] = {}

    def put(words, *names: str) -> None:
        for phrase in words:
            fw = _first_word(phrase)
            if fw:
                first.setdefault(fw, set()).update(names)

    put(g.weekday, "wdate", "dmy", "num", "weekday", "pdrange")
    put(g.relative_day, "wdate", "relday")
    put(g.relative_day_anaphoric, "relday_back")
    put(g.full_months, "mdy", "mrange", "my", "month")
    put(w["period_parts"], "my", "month", "unit")
    put(w["month_words"], "my", "month")
    put(w["year_words"], "yrange", "year")
    put(w["date_words"], "dmy", "drange")
    put(g.holidays, "holiday")
    put([n for n, h in g.holidays.items() if h.bare], "holiday_bare")
    put(w["holiday_countdown"], "countdown")
    put([u for u, gran in g.unit.items() if gran == "day"], "holiday_day")
    put([u for u, gran in g.unit.items() if gran != "day"], "unit")
    put(list(g.numbers) + list(w["vague_counts"]) + [g.one_prefix + u for u in g.unit], "count")
    put(w["time_openers"], "time", "wtime")
    put(g.year_period, "year_period")
    put(w["same_period"], "same_period")
    digit_first = {"dmy", "num", "drange", "yrange", "year", "time", "count", "pdrange"}
    for k in [k for k in first if k[0].isdigit()]:
        digit_first |= first.pop(k)  # `1 Muharram`: tried at every number
    g.first = {k: tuple(sorted(v)) for k, v in first.items()}
    g.digit_first = tuple(sorted(digit_first))
    groups: dict[str, list[str]] = {}
    for word in g.first:
        groups.setdefault(word[0], []).append(word[1:])
    branches = []
    for c, rests in sorted(groups.items()):
        cls = re.escape(c) if c == c.upper() else f"[{re.escape(c)}{re.escape(c.upper())}]"
        branches.append(cls + "(?:" + "|".join(re.escape(r) for r in sorted(rests, key=len, reverse=True)) + ")")
    heads = "".join(sorted({c for c in groups} | {c.upper() for c in groups}))
    # a number that starts after a word character or inside a number (`Rp333`, `1.650`) starts no pattern
    g.rx["anchor"] = re.compile(
        rf"(?=[{re.escape(heads)}0-9])(?:(?<!\w)(?P<w>{'|'.join(branches)})(?!\w)|(?<![\w.,:/-])\d)", re.IGNORECASE
    )


def _compile(g: Grammar, w: dict) -> dict[str, re.Pattern[str]]:
    days = set(g.day_names) | {d.upper() for d in g.day_names}
    WD = alt(days)
    MONA = alt(g.months)
    MONF = alt(g.full_months)
    PART = alt(g.part_of_day)
    RELD = alt(g.relative_day)
    ZONE = alt(list(g.zones) + list(w["local_time"]))
    OPEN = alt(w["time_openers"])
    JOIN = alt(w["range_joiners"])
    PERIOD = alt(w["period_parts"])
    DATEW = alt(w["date_words"])
    MONW = alt(w["month_words"])
    YEARW = alt(w["year_words"])
    HIJRI = alt(w["hijri_marks"])
    week_units = [u for u, gran in g.unit.items() if gran == "week"]
    SHIFT = alt(g.unit_shift)
    ANAPH = alt(g.unit_anaphoric)
    UNITS_REL = alt(u for u, gran in g.unit.items() if gran != "day")
    UNITS = alt(g.unit)
    WREL = alt(
        list(w["weekday_past"]) + list(w["weekday_future"]) + [k for k, v in g.unit_shift.items() if v == 0]
        + [f"{u} {s}" for u in week_units for s in g.unit_shift]
    )
    DREL = alt(list(w["date_past"]) + list(w["date_future"]) + [k for k, v in g.unit_shift.items() if v == 0])
    NUMW = alt(g.numbers)
    NUMBER = rf"\d{{1,3}}|(?:{NUMW})(?:\s+(?:{re.escape(g.teen)}|{re.escape(g.tens)}(?:\s+(?:{NUMW}))?))?"
    COUNT = rf"{NUMBER}|{alt(w['vague_counts'])}"
    CDIR = alt(list(w["count_past"]) + list(w["count_future"]) + list(w["count_anaphoric_past"])
               + list(w["count_anaphoric_future"]) + list(w["count_span_future"]))
    HOL = alt(g.holidays)
    YEARU = alt(u for u, gran in g.unit.items() if gran == "year")
    # a year named from the reference or from the year last written (`tahun lalu`, `tahun sebelumnya`)
    YSHIFT = rf"(?P<yu>{YEARU})\s+(?P<yshift>{SHIFT}|{ANAPH})(?![\w])"
    teen_words = [f"{n} {g.teen}" for n, v in g.numbers.items() if v + 10 <= 12]
    HOURW = alt([n for n, v in g.numbers.items() if 1 <= v <= 12] + teen_words)
    MINW = rf"{re.escape(g.clock.quarter)}|{re.escape(g.clock.half)}|{NUMBER}"
    MINUTE = alt(g.clock.minute)
    NUMPARTS = f"{re.escape(g.teen)}|{re.escape(g.tens)}"
    NB = r"(?<![\w])"  # no word character before
    NA = r"(?![\w])"  # no word character after
    def time_one(n: int) -> str:
        return (
            rf"(?:(?P<op{n}>{OPEN})\s*)?(?P<h{n}>\d{{1,2}})(?:[.:](?P<mi{n}>\d{{2}}))?(?!\d|[.,:]\d)"
            rf"(?:\s*(?P<zone{n}>{ZONE}){NA})?(?:\s+(?P<part{n}>{PART}){NA})?"
        )

    I = re.IGNORECASE
    return {
        # `Selasa (18/1/2022)`, `Jumat (21/3)`, `Sabtu (9/5) pagi`, `kemarin (20/3)`
        "wdate": re.compile(
            rf"{NB}(?P<wd>{WD}|{RELD}){NA}(?:\s+(?P<wpart>{PART}){NA})?(?:\s+(?P<wrel>{WREL}){NA})?\s*,?\s*"
            rf"(?P<paren>\(\s*(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>\d{{1,4}}))?\s*\))"
            rf"(?:\s+(?P<part>{PART}){NA})?(?:\s+(?P<rel>{WREL}){NA})?",
            I,
        ),
        # `Senin-Selasa (17-18/3/2025)`; alone inside its parentheses `(31/3-2/4)` from its first number
        "pdrange": re.compile(
            rf"(?:{NB}(?P<wd1>{WD})\s*(?:{JOIN})\s*(?P<wd2>{WD})\s*,?\s*\(\s*|(?<=\())"
            rf"(?P<d1>\d{{1,2}})(?:\s*/\s*(?P<m1>\d{{1,2}}))?\s*(?:{JOIN})\s*(?P<d2>\d{{1,2}})\s*/\s*(?P<m2>\d{{1,2}})"
            rf"(?:\s*/\s*(?P<y2>\d{{4}}|\d{{2}}))?(?:(?(wd1)\s*\)|(?=\s*\))))",
            I,
        ),
        # `30 Desember 2023`, `Sabtu, 22 Maret 2025`, `tanggal 26 Juli`, `23 Maret lalu`
        "dmy": re.compile(
            rf"(?:{NB}(?P<wd>{WD})(?:\s+(?P<wpart>{PART}){NA})?\s*,?\s*)?(?:{NB}(?P<dw>{DATEW})\s*)?(?<![\w.,/:-])"
            rf"(?P<d>\d{{1,2}})\s*(?P<mon>{MONA})\.?{NA}"
            rf"(?:\s*,?\s*(?P<y>\d{{4}})(?![\w.,/]\d|\d))?(?:\s+{YSHIFT}|\s+(?P<rel>{DREL}){NA})?",
            I,
        ),
        # `18/1/2022`, `18-01-2022`, `2022-01-18`
        "num": re.compile(
            rf"(?:{NB}(?P<wd>{WD})(?:\s+(?P<wpart>{PART}){NA})?\s*,?\s*)?(?<![\w./-])"
            rf"(?:(?P<d>\d{{1,2}})(?P<sep>[/-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})"
            rf"|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))(?![\w/]|[.-]\d)",
            I,
        ),
        # `March 22, 2025`
        "mdy": re.compile(rf"{NB}(?P<mon>{MONF})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,\s*(?P<y>\d{{4}})(?!\d)", I),
        # `17-23 Maret 2025`, `1 hingga 31 Desember 2024`, `1 Juli hingga 10 Juli 2024`, `1-5 Maret lalu`
        "drange": re.compile(
            rf"(?:{NB}(?P<dw>{DATEW})\s*)?(?<![\w.,/:-])(?P<d1>\d{{1,2}})(?:\s+(?P<mon1>{MONF})(?:\s+(?P<y1>\d{{4}}))?)?"
            rf"\s*(?:{JOIN})\s*(?P<d2>\d{{1,2}})\s+(?P<mon2>{MONF}){NA}"
            rf"(?:\s+(?P<y2>\d{{4}})(?!\d)|\s+{YSHIFT}|\s+(?P<rel>{DREL}){NA})?",
            I,
        ),
        # `Januari-Desember 2024`, `Maret-April lalu`, `September hingga November`
        "mrange": re.compile(
            rf"{NB}(?P<mon1>{MONF})(?:\s+(?P<y1>\d{{4}}))?\s*(?:{JOIN})\s*(?P<mon2>{MONF}){NA}"
            rf"(?:\s+(?P<y2>\d{{4}})(?!\d)|\s+{YSHIFT}|\s+(?P<rel>{DREL}){NA}|(?!\s*\d))", I
        ),
        # `2019-2024`, `tahun 2019-2024`
        "yrange": re.compile(
            rf"(?:{NB}(?P<yw>{YEARW})\s+)?(?<![\w.,/-])(?P<y1>\d{{4}})\s*(?P<sep>[-–—/])\s*(?P<y2>\d{{4}})(?![\w/-]|[.,]\d)", I
        ),
        # `Oktober 2024`, `bulan Maret 1999`, `awal Maret 2025`
        "my": re.compile(
            rf"(?:{NB}(?P<part>{PERIOD})\s+)?(?:{NB}(?P<mw>{MONW})\s+)?{NB}(?P<mon>{MONF})\s+(?P<y>\d{{4}})(?![\w.,/]\d|\d)", I
        ),
        # `awal Maret`, `pada bulan Juni`, `Maret lalu` (a cue before it is checked in code)
        "month": re.compile(
            rf"(?:{NB}(?P<part>{PERIOD})\s+)?(?:{NB}(?P<mw>{MONW})\s+)?{NB}(?P<mon>{MONF}){NA}(?!\s*\d)"
            rf"(?:\s+{YSHIFT}|\s+(?P<rel>{DREL}){NA})?",
            I,
        ),
        # `sejak 1971`, `tahun 2016`, `(2007)`, `tahun 2025 ini`, `1444 H` (context checked in code)
        "year": re.compile(
            rf"(?:{NB}(?P<yw>{YEARW})\s+)?(?<![\w.,/-])(?P<y>\d{{4}})(?:\s*(?P<hij>{HIJRI})(?![\w]))?"
            rf"(?![\w/]|[.,:]\d|-\d|-an)(?:\s+(?P<ini>{alt(k for k, v in g.unit_shift.items() if v == 0)}){NA})?",
            I,
        ),
        # `Idul Fitri 2025`, `Lebaran 2025`, `Idul Fitri 1444 H`
        "holiday": re.compile(
            rf"{NB}(?P<name>{HOL})(?:\s+(?:{YEARW}))?\s+(?P<y>\d{{4}})(?:\s*(?P<hij>{HIJRI})(?![\w]))?(?![\w]|[.,]\d)", I
        ),
        # `kemarin`, `hari ini`, `tadi pagi`, `lusa`, `kemarin sore`
        "relday": re.compile(rf"{NB}(?P<rd>{RELD}){NA}(?:\s+(?P<part>{PART}){NA})?", I),
        # `pekan lalu`, `tahun ini`, `akhir pekan ini`, `tahun sebelumnya`; `akhir tahun`, `awal pekan` (a
        # part with no shift: checked in code); not `tahun-tahun sebelumnya`
        "unit": re.compile(
            rf"(?:{NB}(?P<part>{PERIOD})\s+)?(?<![\w-])(?P<unit>{UNITS_REL})(?!-)"
            rf"(?:\s+(?P<shift>{SHIFT}|{ANAPH}){NA}|{NA})", I
        ),
        # `tiga hari lalu`, `2 hari yang lalu`, `sepekan lalu`, `dua bulan lagi`
        "count": re.compile(
            rf"{NB}(?:(?P<n>{COUNT})\s+(?P<unit>{UNITS})|{re.escape(g.one_prefix)}(?P<unit1>{UNITS}))\s+(?P<dir>{CDIR}){NA}", I
        ),
        # `keesokan harinya`, `malam sebelumnya`: from the day last mentioned
        "relday_back": re.compile(rf"{NB}(?P<rd>{alt(g.relative_day_anaphoric)}){NA}", I),
        # `Kamis`, `Selasa malam`, `Jumat pekan ini`, `Senin lalu`
        "weekday": re.compile(
            rf"{NB}(?P<wd>{WD}){NA}(?:\s+(?P<part>{PART}){NA})?(?:\s+(?P<rel>{WREL}){NA})?"
        ),
        # `pukul 23.30 WIB`, `03.00 WIB`, `jam 10 pagi hingga 11:59 malam`
        "time": re.compile(r"(?<![\w.,:])" + time_one(1), I),
        "time_tail": re.compile(rf"\s*(?:{JOIN})\s*" + time_one(2), I),
        # `jam delapan`, `pukul tujuh malam`, `pukul setengah delapan`, `jam sembilan lewat seperempat`
        "wtime": re.compile(
            rf"{NB}(?P<op>{OPEN})\s+(?:(?P<half>{re.escape(g.clock.half)})\s+)?(?P<hw>{HOURW}){NA}"
            rf"(?!\s+(?:{NUMPARTS}|{MINUTE}){NA})"
            rf"(?:\s+(?:(?P<past>{alt(g.clock.past)})|(?P<to>{alt(g.clock.to)}))\s+(?P<mw>{MINW}){NA}"
            rf"(?:\s+(?:{MINUTE}){NA})?)?"
            rf"(?:\s*(?P<zone>{ZONE}){NA})?(?:\s+(?P<part>{PART}){NA})?",
            I,
        ),
        # `kuartal I 2025`, `triwulan pertama tahun ini`, `semester II/2024`
        "year_period": re.compile(
            rf"{NB}(?P<qw>{alt(g.year_period)})\s*-?\s*(?P<qn>{alt(g.year_period_number)}){NA}"
            rf"(?:\s*[/-]?\s*(?:(?:{YEARW})\s+)?(?P<y>\d{{4}})(?![\w.,/]\d|\d)|\s+{YSHIFT})",
            I,
        ),
        # `malam pergantian tahun`: a holiday named without its year
        "holiday_bare": re.compile(
            rf"{NB}(?P<name>{alt(n for n, h in g.holidays.items() if h.bare)}){NA}(?!\s+(?:{YEARW}\s+)?\d)", I
        ),
        # `H-7 Lebaran`, `H+3 Idul Fitri 2025`, `H-1`
        "countdown": re.compile(
            rf"{NB}(?-i:{alt(w['holiday_countdown'])})\s*(?P<sign>[-+])\s*(?P<n>\d{{1,3}})(?!\d)"
            rf"(?:\s+(?P<name>{HOL}){NA}(?:\s+(?P<y>\d{{4}})(?!\d))?)?(?![\w-])",
            I,
        ),
        # `hari kedua Lebaran`, `hari ke-3 Idul Fitri 2025`
        "holiday_day": re.compile(
            rf"{NB}(?:{alt(u for u, gran in g.unit.items() if gran == 'day')})\s+"
            rf"(?:(?P<ord>{alt(g.ordinals)})|{re.escape(w['ordinal_prefix'])}-?\s*(?P<n>\d{{1,2}}))\s+"
            rf"(?P<name>{HOL}){NA}(?:\s+(?P<y>\d{{4}})(?!\d))?",
            I,
        ),
        # `malam takbiran, Minggu (30/3/2025)`: what may stand between a holiday and its date
        "holiday_apposition": re.compile(rf"^\s*,?\s*(?:(?:{alt(w['holiday_apposition'])})\s+)?$", I),
        # `periode yang sama tahun lalu`: the period last mentioned, in another year
        "same_period": re.compile(rf"{NB}(?:{alt(w['same_period'])})\s+{YSHIFT}", I),
        # pieces read around a match
        "relday_at": re.compile(rf"(?:{RELD}){NA}", I),
        "word_before": re.compile(r"([\w.’']+)[\s,]*$"),
        "word_after": re.compile(r"^[\s,]*([\w]+)"),
        "wd_join_after": re.compile(rf"\s*(?:{JOIN})\s*(?:{WD}){NA}"),
        # `setiap Sabtu dan ` before a day name: it is one of a recurring list
        "wd_recurring_before": re.compile(
            rf"{NB}(?:{alt(w['recurring'])})(?:\s+(?:{alt(u for u, gran in g.unit.items() if gran == 'day')}))?\s+"
            rf"(?:(?:{WD})\s*(?:{alt(w['list_joiners'])}|{JOIN})\s*)*$",
            I,
        ),
        "glue": re.compile(rf"^\s*,?\s*(?:(?:{alt(w['date_time_glue'])})\s+)?$", I),
        "recurring": re.compile(rf"{NB}(?:{alt(w['recurring'])}){NA}", I),
        "holiday_at": re.compile(rf"(?:{HOL}){NA}", I),
        "holiday_cue": re.compile(rf"{NB}(?:{alt(w['holiday_date_cues'])}){NA}", I),
    }
