"""The words the checks read, loaded once from the language's data files (`lang/id/`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from warta.lang import data_toml


def _alternation(words: list[str]) -> str:
    """One regex alternation of literal phrases, longest first, bounded as whole words.

    The word boundaries stand once around the group of phrases that begin and end with a letter
    or digit, not around each phrase: Python's `re` then tries the group only where a word
    starts, which makes a scan of a page about ten times faster."""
    parts = sorted({w for w in words if w}, key=len, reverse=True)
    if not parts:
        return r"(?!x)x"

    def core(w: str) -> str:
        return re.escape(w).replace(r"\ ", r"\s+")

    bounded = [w for w in parts if w[0].isalnum() and w[-1].isalnum()]
    others = [w for w in parts if not (w[0].isalnum() and w[-1].isalnum())]
    alts = []
    if bounded:
        alts.append(r"(?<![\w@])(?:" + "|".join(core(w) for w in bounded) + r")(?!\w)")
    for w in others:
        left = r"(?<![\w@])" if w[0].isalnum() else ""
        right = r"(?!\w)" if w[-1].isalnum() else ""
        alts.append(left + core(w) + right)
    return "|".join(alts)


@dataclass(frozen=True)
class CheckWords:
    weekday: dict[str, int]  # casefolded day name -> ISO weekday
    day_re: re.Pattern[str]
    numbers: dict[str, int]
    report_re: re.Pattern[str]
    speech_re: re.Pattern[str]
    continuation_re: re.Pattern[str]
    past_re: re.Pattern[str]
    future_re: re.Pattern[str]
    other_time_re: re.Pattern[str]
    partition_re: re.Pattern[str]
    whole_opener_re: re.Pattern[str]
    anaphora: frozenset[str]
    subset_re: re.Pattern[str]
    approximate_re: re.Pattern[str]
    comparison_re: re.Pattern[str]
    same_unit: dict[str, frozenset[str]]
    abbreviations: frozenset[str]


@lru_cache(maxsize=4)
def words(lang: str = "id") -> CheckWords:
    cal = data_toml(lang, "calendar.toml")
    time = data_toml(lang, "time.toml")
    chk = data_toml(lang, "checks.toml")
    rep, cnt = chk["report"], chk["count"]
    weekday = {k.casefold(): int(v) for k, v in cal["weekday"].items()}

    def rx(ws: list[str]) -> re.Pattern[str]:
        return re.compile(_alternation(ws), re.I)

    return CheckWords(
        weekday=weekday,
        day_re=re.compile(_alternation(list(cal["days"])), re.I),
        numbers={k.casefold(): int(v) for k, v in time.get("numbers", {}).items()},
        report_re=rx(rep["cues"]),
        speech_re=rx(rep["speech"]),
        continuation_re=rx(rep["continuation"]),
        past_re=rx(rep["past"]),
        future_re=rx(rep["future"]),
        other_time_re=rx(rep["other_time"]),
        partition_re=rx(cnt["partition"]),
        whole_opener_re=rx(cnt["whole_openers"]),
        anaphora=frozenset(w.casefold() for w in cnt["anaphora"]),
        subset_re=rx(cnt["subset"]),
        approximate_re=rx(cnt["approximate"]),
        comparison_re=rx(cnt["comparison"]),
        same_unit={k.casefold(): frozenset(x.casefold() for x in v)
                   for k, v in cnt.get("same_unit", {}).items()},
        abbreviations=frozenset(w.casefold() for w in chk["text"]["abbreviations"]),
    )
