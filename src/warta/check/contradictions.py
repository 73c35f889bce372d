"""Facts in one article body that contradict each other, each with its kind, evidence and a sentence.

    >>> from warta.understand.dates import find_dates
    >>> body = "Rapat itu digelar Jumat (15/3/2025) di Balai Kota."
    >>> [i["kind"] for i in find_inconsistencies(body, find_dates(body))]
    ['weekday-mismatch']

Kinds, each checked only where the text leaves one reading (a flag must be right; a missed
contradiction costs less than a false alarm):

- `weekday-mismatch`: a day name written with a full date that has its year (`Jumat (15/3/2025)`,
  `Sabtu, 22 Maret 2025`) that is not that date's weekday by the calendar.
- `event-after-report`: (a) a cue of reporting or quoting with a date (`seperti dikutip X pada
  31 Desember 2022`) in a sentence that dates what it reports later (`Pada 30 Desember 2023, ...`);
  (b) a speaker's statement dated by its attribution (`kata Irawan, Senin (10/3/2025)`) that, in
  that sentence or a later one attributed to the same speaker (`Irawan menambahkan, ...`), tells
  of a later day as already past (`sudah`, `telah`, `lalu`). A clause with a word of the future,
  a plan or a range (`akan`, `dijadwalkan`, `hingga`, `sebelum`) is never flagged.
- `count-mismatch`: a whole announced as split (`terdiri atas`, `Dari total kasus tersebut,`) into
  two or more parts of one unit joined by `dan`, whose sum is not the whole; the whole is the count
  before the cue, or, when the cue points back (`lapak yang ...`, `kasus tersebut`), the nearest
  exact count of that unit in the sentences before that is not a comparison (`dibandingkan ...
  76 kasus`). Nothing is checked when a part is a subset (`di antaranya`), a share (`persen`) or
  approximate (`sekitar`), or when another count of that unit nearby equals the sum.

- `name-spelling`: a person's two-word name with one word spelled two ways, one letter apart
  inside the word (`warta.check.names`).

Checks on the timeline alone (`warta.check.timeline`): `impossible-date` (`Rabu (4/11/205)`),
`two-dates-one-event` (one promotion given `17-23 Maret` and `17 - 20 Maret`), `elapsed-years`
(`terbit sejak 3 Mei 2016` and `Sudah 17 berlalu sejak diterbitkannya` in a 2016 article).
With the entity step's people (`entities`), `same-event-two-days` (`warta.check.events`): one
person's meeting dated `hari ini` and later `usai rapat ..., Rabu (19/3/2025)`.
The words live in `lang/id/checks.toml`; the dates come from the caller (`find_dates`).
"""

from __future__ import annotations

import datetime as dt
import re

from warta.check.lexicon import CheckWords, words
from warta.check.names import name_spellings
from warta.check.text import Number, Sentence, day_of, located, numbers, sentences
from warta.check.text import fmt_day as _fmt
from warta.check.text import span as _span
from warta.check.events import same_event_two_days
from warta.check.timeline import elapsed_years, impossible_dates, ranges_for_one_event

__all__ = ["find_inconsistencies"]

_WEEKDAY_EN = ("", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_CAP = re.compile(r"[A-Z][\w'’-]+")
_QUOTES = "\"“”"


def find_inconsistencies(body: str, dates: list[dict], published: str | None = None,
                         lang: str = "id", entities: list[dict] | None = None) -> list[dict]:
    """Every contradiction found in `body`: `{"kind", "evidence": [{"text","start","end"}], "explanation"}`.

    `dates` are the body's date expressions as `find_dates` gives them (offsets are found from the
    text when missing). `published` (YYYY-MM-DD) is the article's present for the timeline checks.
    Never raises: a body or date list it cannot read gives what it could read, or nothing.
    """
    if not isinstance(body, str) or not body.strip():
        return []
    try:
        w = words(lang)
        ds = located(body, dates if isinstance(dates, list) else [])
        sents = sentences(body, w)
        found: list[dict] = []
        for check in (_weekday_mismatch, _event_after_report, _count_mismatch, _names):
            try:
                found.extend(check(body, ds, sents, w))
            except Exception:  # noqa: BLE001 - one check failing must not cost the others
                continue
        for timeline_check in (impossible_dates, ranges_for_one_event, elapsed_years):
            try:
                found.extend(timeline_check(body, ds, sents, w, published))
            except Exception:  # noqa: BLE001 - one check failing must not cost the others
                continue
        try:
            found.extend(same_event_two_days(body, ds, sents, w, published, entities))
        except Exception:  # noqa: BLE001
            pass
        return _unique(found)
    except Exception:  # noqa: BLE001 - never raises
        return []


def _unique(found: list[dict]) -> list[dict]:
    out, seen = [], set()
    for f in sorted(found, key=lambda f: (f["evidence"][0]["start"], f["kind"])):
        k = (f["kind"], tuple((e["start"], e["end"]) for e in f["evidence"]))
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out


def _names(body: str, ds: list[dict], sents: list[Sentence], w: CheckWords) -> list[dict]:
    return name_spellings(body)


# --- weekday-mismatch ----------------------------------------------------------------------------

def _weekday_mismatch(body: str, ds: list[dict], sents: list[Sentence], w: CheckWords) -> list[dict]:
    out = []
    for d in ds:
        day = day_of(d.get("value"))
        if day is None:
            continue
        text, start = d["text"], d["start"]
        m = w.day_re.match(text)
        if m is None:  # the day name may stand just before the span: `Jumat, 15 Maret 2025`
            pm = re.search(r"(" + w.day_re.pattern + r")(?:,\s*|\s+)$", body[max(0, start - 12):start], re.I)
            if pm is None:
                continue
            name, s = pm.group(1), max(0, start - 12) + pm.start(1)
        else:
            name, s = m.group(), start
        if str(day.year) not in _YEAR.findall(text):  # only a year the text writes, never an inferred one
            continue
        if w.day_re.search(body, max(0, s - 20), s):
            continue  # a range or list of days (`Senin sampai Jumat, 10 Maret 2025`)
        wd = w.weekday.get(name.casefold())
        if wd is None or wd == day.isoweekday():
            continue
        out.append({
            "kind": "weekday-mismatch",
            "evidence": [_span(body, s, d["end"])],
            "explanation": f"The text writes {name} for {_fmt(day)}, but {_fmt(day)} was a "
                           f"{_WEEKDAY_EN[day.isoweekday()]}, not a {_WEEKDAY_EN[wd]}.",
        })
    return out


# --- event-after-report --------------------------------------------------------------------------

def _days_in(ds: list[dict], s: int, e: int) -> list[tuple[dict, dt.date]]:
    return [(d, day) for d in ds if s <= d["start"] and d["end"] <= e
            and (day := day_of(d.get("value"))) is not None]


def _event_after_report(body: str, ds: list[dict], sents: list[Sentence], w: CheckWords) -> list[dict]:
    out = []
    # (a) a report or quote cue with its date, and a later event date in the same sentence
    for st in sents:
        dated = _days_in(ds, st.start, st.end)
        if len(dated) < 2:
            continue
        for m in w.report_re.finditer(body, st.start, st.end):
            rep = next(((d, day) for d, day in dated
                        if m.end() <= d["start"] <= m.end() + 100), None)
            if rep is None:
                continue
            rd, rday = rep
            between = body[m.end():rd["start"]]
            if w.speech_re.search(between) or w.report_re.search(between) or any(q in between for q in _QUOTES):
                continue
            if sum(1 for t in between.split() if t[:1].islower()) > 4:
                continue  # more than a source and where it was read (`X pada kanal YouTube Y pada`)
            for d, day in dated:
                if d["end"] > m.start() or day <= rday:
                    continue  # only what the sentence dates before its report cue
                clause = body[st.start:m.start()] + " " + body[rd["end"]:st.end]
                if w.future_re.search(clause) or w.other_time_re.match(body[st.start:st.end].lstrip(_QUOTES + " ")):
                    continue
                out.append({
                    "kind": "event-after-report",
                    "evidence": [_span(body, d["start"], d["end"]), _span(body, m.start(), rd["end"])],
                    "explanation": f"The sentence dates the event {_fmt(day)} but says it was reported "
                                   f"('{m.group().lower()}') on {_fmt(rday)}, before it happened.",
                })
    # (b) a dated statement, then a later day told as past by the same speaker
    statements = [_statement(body, st, ds, w) for st in sents]  # each sentence read once, not per window
    for i, st in enumerate(sents):
        stmt = statements[i]
        if stmt is None:
            continue
        speaker, sday, sdate, verb = stmt
        for j in range(i, min(len(sents), i + 8)):
            sj = sents[j]
            if j > i:
                other = statements[j]
                if other is not None:
                    if other[0] == speaker:
                        break
                    continue
                if not _attributed_to(body, sj, speaker, w):
                    continue
            if w.future_re.search(sj.text) or w.other_time_re.match(sj.text.lstrip(_QUOTES + " ")):
                continue
            for d, day in _days_in(ds, sj.start, sj.end):
                if d is sdate or day <= sday:
                    continue
                before = body[sj.start:d["start"]]
                after = body[d["end"]:d["end"] + 8]
                if j == i and d["start"] > verb.start():
                    continue  # a date in the attribution itself
                if not (w.past_re.search(before) or re.match(r"\s*(?:" + w.past_re.pattern + ")", after, re.I)):
                    continue
                out.append({
                    "kind": "event-after-report",
                    "evidence": [_span(body, sdate["start"], sdate["end"]), _span(body, d["start"], d["end"])],
                    "explanation": f"{speaker} speaks on {_fmt(sday)}, yet what he or she says treats "
                                   f"{_fmt(day)}, a later day, as already past.",
                })
    return out


def _statement(body: str, st: Sentence, ds: list[dict], w: CheckWords):
    """(speaker, day, date, verb match) when the sentence's attribution carries a day: `kata X, Senin (10/3/2025).`"""
    for m in w.speech_re.finditer(body, st.start, st.end):
        for d, day in _days_in(ds, m.end(), st.end):
            between = body[m.end():d["start"]]
            tail = body[d["end"]:st.end]
            if len(between) > 90 or any(q in between for q in _QUOTES) or len(tail.strip(" .,;")) > 12:
                continue
            if len(re.findall(r"(?<![\w-])[a-z][\w-]*", between)) > 3:
                continue  # content, not an attribution (`menambahkan, pompa itu sudah ... pada Rabu`)
            cap = _CAP.match(body, m.end() + len(between) - len(between.lstrip()))
            if cap is None:  # `X mengatakan, Senin (10/3/2025), ...`: the speaker before the verb
                caps = _CAP.findall(body[max(st.start, m.start() - 40):m.start()])
                if not caps:
                    break
                cap_text = caps[-1] if len(caps) == 1 else caps[-2] if _CAP.fullmatch(caps[-1]) and len(caps) >= 2 else caps[-1]
            else:
                cap_text = cap.group()
            if w.day_re.fullmatch(cap_text):
                break
            return cap_text, day, d, m
    return None


def _attributed_to(body: str, st: Sentence, speaker: str, w: CheckWords) -> bool:
    """The sentence gives its words to `speaker` by name next to a speech verb (`Irawan menambahkan,`)."""
    for m in re.finditer(r"(?<!\w)" + re.escape(speaker) + r"(?!\w)", st.text):
        near = st.text[max(0, m.start() - 25):m.end() + 40]
        if w.speech_re.search(near) or w.continuation_re.search(near):
            return True
    return False


# --- count-mismatch ------------------------------------------------------------------------------

def _compatible(whole_unit: str, part_unit: str, w: CheckWords) -> bool:
    return whole_unit == part_unit or part_unit in w.same_unit.get(whole_unit, ())


def _parts(body: str, s: int, e: int, w: CheckWords) -> list[Number] | None:
    """Two or more counts of one unit listed from `s` (`38 lapak ... dan 31 lapak ...`), else None."""
    region = body[s:e]
    if w.subset_re.search(region):
        return None
    nums = numbers(region, s, w)
    digits = [n for n in nums if body[n.start].isdigit()]
    if digits:  # words beside digits are parts of names (`roda dua`), not counts
        nums = digits
    if len(nums) < 2 or not nums[0].unit or nums[0].start - s > 30:
        return None
    unit = nums[0].unit
    if any(n.unit != unit for n in nums):
        return None
    for a, b in zip(nums, nums[1:]):
        gap = body[a.unit_end:b.start]
        if not re.search(r"(?<!\w)(?:dan|serta)(?!\w)|,", gap, re.I):
            return None
    last_gap = body[nums[-2].unit_end:nums[-1].start]
    if not re.search(r"(?<!\w)(?:dan|serta)(?!\w)", last_gap, re.I):
        return None
    return nums


def _exact(body: str, n: Number, floor: int, w: CheckWords) -> bool:
    """The count is stated exactly (no `sekitar`, `lebih dari`, `hingga` just before it)."""
    before = body[max(floor, n.start - 25):n.start]
    return not re.search(r"(?:" + w.approximate_re.pattern + r")\s*$", before, re.I)


def _count_mismatch(body: str, ds: list[dict], sents: list[Sentence], w: CheckWords) -> list[dict]:
    if not (w.partition_re.search(body) or w.whole_opener_re.search(body)):
        return []  # most pages announce no whole split into parts: one scan, not one a sentence
    out = []
    date_spans = [(d["start"], d["end"]) for d in ds]

    def in_date(n: Number) -> bool:
        return any(a <= n.start < b for a, b in date_spans)

    for i, st in enumerate(sents):
        cues = [(m, "partition") for m in w.partition_re.finditer(body, st.start, st.end)]
        cues += [(m, "opener") for m in w.whole_opener_re.finditer(body, st.start, st.end)]
        for m, how in cues:
            whole: Number | None = None
            noun = None
            if how == "partition":
                parts = _parts(body, m.end(), st.end, w)
                if not parts or any(in_date(p) for p in parts):
                    continue
                prefix = [n for n in numbers(body[st.start:m.start()], st.start, w) if not in_date(n)]
                if prefix:
                    cand = [n for n in prefix if _compatible(n.unit, parts[0].unit, w)]
                    if not cand or cand[-1] is not prefix[-1]:
                        continue
                    whole = cand[-1]
                else:
                    pre = body[st.start:m.start()].casefold()
                    toks = re.findall(r"[^\W\d_][\w-]*", pre)
                    if parts[0].unit in toks and any(t in w.anaphora for t in toks[toks.index(parts[0].unit) + 1:]):
                        noun = parts[0].unit
                    else:
                        continue
            else:
                after = body[m.end():st.end]
                head = re.match(r"\s+([^,]{1,40}?),\s*", after)
                if head is None:
                    continue
                parts = _parts(body, m.end() + head.end(), st.end, w)
                if not parts or any(in_date(p) for p in parts):
                    continue
                hnums = numbers(head.group(1), m.end() + head.start(1), w)
                if hnums:
                    if len(hnums) != 1 or not _compatible(hnums[0].unit, parts[0].unit, w):
                        continue
                    whole = hnums[0]
                else:
                    toks = re.findall(r"[^\W\d_][\w-]*", head.group(1).casefold())
                    if not toks or toks[-1] not in w.anaphora:
                        continue
                    nouns = [t for t in toks if t not in w.anaphora]
                    noun = nouns[-1] if nouns else parts[0].unit
            total_sum = sum(p.value for p in parts)
            if whole is None:
                whole, others = _antecedent(body, sents, i, noun, parts[0].unit, in_date, w)
                if whole is None or any(abs(o - total_sum) < 1e-9 for o in others):
                    continue
            elif not _exact(body, whole, st.start, w):
                continue
            if abs(whole.value - total_sum) < 1e-9 or whole.value < max(p.value for p in parts):
                continue
            listed = " + ".join(_num(p.value) for p in parts)
            out.append({
                "kind": "count-mismatch",
                "evidence": [_span(body, whole.start, whole.unit_end)]
                            + [_span(body, p.start, p.unit_end) for p in parts],
                "explanation": f"The text gives {_num(whole.value)} {whole.unit} in all, but the parts it "
                               f"lists ({listed}) add up to {_num(total_sum)}.",
            })
    return out


def _antecedent(body: str, sents: list[Sentence], i: int, noun: str, part_unit: str, in_date,
                w: CheckWords) -> tuple[Number | None, list[float]]:
    """The whole a pointing-back cue refers to: the one exact count of `noun` (or of a unit the parts
    may count) in the 4 sentences before that is not in a comparison; none when two such counts
    differ. Also every count of it there, to spare a sum that matches one of them."""
    cands: list[tuple[Number, bool]] = []
    for st in sents[max(0, i - 4):i]:
        if sents[i].paragraph - st.paragraph > 1:
            continue
        for n in numbers(st.text, st.start, w):
            if in_date(n) or not (_compatible(noun, n.unit, w) or _compatible(n.unit, part_unit, w)):
                continue
            clause_start = max(st.start, body.rfind(",", st.start, n.start) + 1)
            compared = bool(w.comparison_re.search(body, clause_start, n.start)) or bool(
                w.comparison_re.search(body[st.start:n.start]))
            cands.append((n, compared))
    others = [n.value for n, _ in cands]
    plain = [n for n, compared in cands if not compared]
    if len({n.value for n in plain}) != 1:
        return None, others  # none, or two wholes it could be
    whole = plain[-1]
    if not _exact(body, whole, 0, w):
        return None, others
    return whole, [n.value for n, _ in cands if n is not whole]


def _num(v: float) -> str:
    return str(int(v)) if v == int(v) else str(v).replace(".", ",")
