"""Where a run of headlines ends and the article's prose resumes.

After `Baca Juga:` or `Artikel Terkait` come one or more headlines of other articles. With line
breaks lost, the prose follows on the same line, sometimes glued (`...Kendalikan InflasiBPJS
Kesehatan Pastikan ... 2025 Sung Jinwoo pun muncul di Pulau Jeju`). The run ends where the shape
of the words changes:

- Title Case headlines: at the first lowercase content word that a headline would have
  capitalised (with another soon after), the prose has resumed; its sentence began at the
  capitalised word(s) just before (the subject: `Dody menekankan`, `Sung Jinwoo pun muncul`).
  How many capitalised words belong to the subject is decided by whether that phrase occurs
  elsewhere in the page (the article keeps naming its people; a foreign headline does not).
- sentence-case headlines (`Wapres imbau masyarakat ikut program ...`): at a capitalised common
  word after a lowercase one (`... diuji coba Seperti diketahui`), or after a full stop.
- always: a list number (`2. PT Bank ...`), an opening quote after the headline (`“Kami ...`).
"""

from __future__ import annotations

from ..lang import Lexicon
from .shape import Word, core, ends_sentence, is_cap, is_list_number, is_lower_content, is_upper_word, title_case_ratio, words

MAX_TITLE_WORDS = 200  # a list of headlines with no prose after it runs to its limit


def _prose_window(ws: list[Word], j: int, lex: Lexicon) -> bool:
    """Whether a lowercase content word at j starts real prose, not one odd word in a headline."""
    window = ws[j:j + 8]
    return sum(is_lower_content(w.text, lex) for w in window) >= 2


def _starts_quote(w: Word, lex: Lexicon) -> bool:
    return bool(w.text) and w.text[0] in "“\"‘" and is_cap(w.text)


def _occurs_elsewhere(phrase: str, page: str, span: tuple[int, int]) -> bool:
    i = page.find(phrase)
    while i != -1:
        if not (span[0] <= i < span[1]):
            return True
        i = page.find(phrase, i + 1)
    return False


def _subject_start(ws: list[Word], j: int, page: str, span: tuple[int, int], lex: Lexicon) -> int:
    """Index of the word where the sentence containing ws[j] begins."""
    b = j - 1
    # Skip back over lowercase function words between the subject and its verb (`Jinwoo pun`).
    while b > 0 and not is_cap(ws[b].text) and core(ws[b].text).lower() in lex.title_lowercase:
        b -= 1
    if b <= 0:
        return max(b, 0)
    if not is_cap(ws[b].text) or core(ws[b].text)[:1].isdigit():
        return j  # no capitalised subject: the prose starts at j itself
    # A word glued to the headline's last one (`LebaranMenurut`), or a capitalised word that
    # opens sentences (`Menurut`, `Di`, `Sementara`), is where the sentence begins.
    k = b
    while k > 0 and is_cap(ws[k].text) and not ends_sentence(ws[k - 1].text, lex):
        glued_start = ws[k].glued and k + 1 < len(ws) and is_lower_content(ws[k + 1].text, lex)
        if glued_start or core(ws[k].text) in lex.strong_sentence_starters:
            return k
        if b - k >= 3:
            break
        k -= 1
    # Grow the subject leftwards while the phrase is one the article itself uses elsewhere.
    while b - 1 > 0:
        prev = ws[b - 1]
        if not is_cap(prev.text) or core(prev.text)[:1].isdigit() or ends_sentence(prev.text, lex):
            break
        if ws[b].glued or prev.text.endswith((",", ":", ";", "'", "’", "”", '"', ")")):
            break
        phrase = page[prev.start:ws[b].end]
        if not _occurs_elsewhere(phrase, page, span):
            break
        b -= 1
    return b


def title_run_end(page: str, start: int, limit: int, lex: Lexicon) -> int:
    """End offset of the headline run that starts at `start`; `limit` bounds it (next marker)."""
    # Most runs end within a few hundred characters: look there first, further only if needed.
    end = None
    for reach in (250, 700, MAX_TITLE_WORDS * 12):
        near = min(limit, start + reach)
        end = _run_end(page, start, near, lex)
        if end is not None or near >= limit:
            break
    if end is None:
        ws = words(page, start, min(limit, start + MAX_TITLE_WORDS * 12))
        return ws[min(len(ws), MAX_TITLE_WORDS) - 1].end if ws else start
    return end


def _run_end(page: str, start: int, limit: int, lex: Lexicon) -> int | None:
    """The run's end if the prose resumes within page[start:limit], else None."""
    ws = words(page, start, limit)
    if not ws:
        return start
    span = (start, limit)
    head = ws[: min(6, len(ws))]
    title_case = title_case_ratio(head, lex) >= 0.7
    for j in range(1, min(len(ws), MAX_TITLE_WORDS)):
        w, prev = ws[j], ws[j - 1]
        if is_list_number(w.text) or (w.glued and is_list_number(w.text)):
            return prev.end
        if j >= 2 and _starts_quote(w, lex):
            # An opening quote after two headline words opens a quoted sentence of the article,
            # unless the headline itself quotes (rare: then the quote closes within the title).
            if _prose_window(ws, j + 1, lex) or ends_sentence(prev.text, lex):
                return prev.end
        if title_case:
            if is_lower_content(w.text, lex) and _prose_window(ws, j, lex):
                b = _subject_start(ws, j, page, span, lex)
                if b == 0:
                    return start  # prose from the start: no headline here
                if b >= 2:  # a headline of one word is no headline: read on
                    return ws[b - 1].end
            if ends_sentence(prev.text, lex) and prev.text.rstrip(lex.closing_quotes)[-1:] == "." and is_cap(w.text):
                if _prose_window(ws, j, lex) or _prose_window(ws, j + 1, lex):
                    return prev.end
        else:
            if j >= 3 and is_cap(w.text) and not is_upper_word(w.text) and not core(w.text)[:1].isdigit():
                starter = core(w.text) in lex.sentence_starters
                after_lower = core(prev.text)[:1].islower() and not ends_sentence(prev.text, lex)
                followed = j + 1 < len(ws) and is_lower_content(ws[j + 1].text, lex)
                # a name the article itself uses, opening a clause (`... turun ke level terendah
                # Aprindo meminta pemerintah ...`): the headline has ended
                named_here = (j >= 4 and after_lower and followed and _occurs_elsewhere(core(w.text), page, span)
                              and core(w.text).casefold() not in lex.months and core(w.text) not in lex.days)
                if (starter and (after_lower or ends_sentence(prev.text, lex))) or (
                    ends_sentence(prev.text, lex) and followed
                ) or (after_lower and followed and w.glued) or named_here:
                    return prev.end
    return None
