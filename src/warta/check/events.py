"""`same-event-two-days`: one event of one person dated by the article's present and by a date.

`Sebelumnya, Menko Agus Harimurti Yudhoyono hari ini melakukan rapat koordinasi ...` and later
`... tegas AHY usai rapat di kantornya, Rabu (19/3/2025).` in an article whose present (`hari ini`,
resolved by the dates step) is Thursday 20 March: the same meeting of the same person on two days.

Flagged only when all hold, so that a person's two meetings on two days are not mistaken for one:
the first sentence puts an event word (`rapat`) within a few words after a day word of the present
(`hari ini`, `kemarin`) whose date the dates step resolved; a later sentence names the same event
word after a word that places the speaker at it (`usai`, `dalam`) with a full date written with its
year right after, and no word that makes it another event (`rapat lanjutan`, `lalu`); the same
person (by canonical name from the entity step, so `AHY` is `Agus Harimurti Yudhoyono`) is in both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warta.check.lexicon import CheckWords, _alternation
from warta.check.text import Sentence, day_of
from warta.check.text import fmt_day as _fmt
from warta.lang import data_toml

_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|/\d{2}\)")


@dataclass(frozen=True)
class EventWords:
    deictic_re: re.Pattern[str]
    event_re: re.Pattern[str]
    after_re: re.Pattern[str]
    another_re: re.Pattern[str]


@lru_cache(maxsize=4)
def event_words(lang: str = "id") -> EventWords:
    t = data_toml(lang, "checks.toml")["same_event"]

    def rx(ws: list[str]) -> re.Pattern[str]:
        return re.compile(_alternation(ws), re.I)

    return EventWords(rx(t["deictic"]), rx(t["events"]), rx(t["after"]), rx(t["another"]))


def _people_in(entities: list[dict], s: int, e: int) -> set[str]:
    return {x.get("canonical") or x.get("text") for x in entities
            if x.get("type") == "PER" and s <= x.get("start", -1) < e}


def same_event_two_days(body: str, ds: list[dict], sents: list[Sentence], w: CheckWords,
                        published: str | None = None, entities: list[dict] | None = None) -> list[dict]:
    if not entities:
        return []
    ew = event_words()
    if not ew.deictic_re.search(body):
        return []
    out = []
    for i, a in enumerate(sents):
        for dm in ew.deictic_re.finditer(body, a.start, a.end):
            ddate = next((d for d in ds if d["start"] == dm.start() and d["end"] == dm.end()), None)
            aday = day_of(ddate.get("value")) if ddate else None
            if aday is None:
                continue
            em = ew.event_re.search(body, dm.end(), min(a.end, dm.end() + 40))
            if em is None or len(body[dm.end():em.start()].split()) > 3:
                continue
            noun = em.group().split()[0].casefold()
            people = _people_in(entities, a.start, a.end)
            if not people:
                continue
            for b in sents[i + 1:]:
                hit = _dated_mention(body, b, noun, ds, ew)
                if hit is None:
                    continue
                bdate, bday = hit
                if bday == aday or not (people & _people_in(entities, b.start, b.end)):
                    continue
                out.append({
                    "kind": "same-event-two-days",
                    "evidence": [{"text": body[dm.start():em.end()], "start": dm.start(), "end": em.end()},
                                 {"text": bdate["text"], "start": bdate["start"], "end": bdate["end"]}],
                    "explanation": f"The same {noun} of {sorted(people & _people_in(entities, b.start, b.end))[0]} "
                                   f"is dated '{dm.group()}' ({_fmt(aday)}) and later {_fmt(bday)}.",
                })
                break
    return out


def _dated_mention(body: str, b: Sentence, noun: str, ds: list[dict], ew: EventWords):
    """(date, day) when `b` places someone at the event (`usai rapat ..., Rabu (19/3/2025)`)."""
    for m in re.finditer(r"(?<!\w)" + re.escape(noun) + r"(?!\w)", body[b.start:b.end], re.I):
        s = b.start + m.start()
        if not ew.after_re.search(body[max(b.start, s - 12):s]):
            continue
        tail_end = min(b.end, s + 80)
        if ew.another_re.search(body, s, tail_end):
            continue
        for d in ds:
            day = day_of(d.get("value"))
            if day and s < d["start"] < tail_end and _YEAR.search(d["text"]):
                return d, day
    return None
