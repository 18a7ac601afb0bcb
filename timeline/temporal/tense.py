"""Is the clause around an expression about the past or the future?

"Officials met on Friday" is the Friday before publication, "they will meet Thursday" the
Thursday after.  Without a parser, the nearest tense trigger of the same sentence decides
(the word lists are in ``resources/tense.toml``), not looking past a quotation mark; a
clause with none is a deadline ahead after "by" or "until" ("they have until Friday") and
otherwise read as the past, as news English is.
"""

from __future__ import annotations

import re
from functools import cache

from .lexicon import tense_words

PAST, UNKNOWN, FUTURE = -1, 0, 1
WINDOW = 160  # characters either side; a clause rarely reaches further
# Triggers after the expression count as this much farther: the verb that governs a
# time adverbial usually comes before it ("met on Friday"), and one after it often belongs
# to another clause ("by August, in markets untouched by ...").
AFTER_WEIGHT = 2
# A participle after "be", "to", "is" ... is a passive or an infinitive, not a past tense:
# "will be named", "is expected", "will be paid".
_NOT_PARTICIPLE = "".join(rf"(?<!\b{w}\s)" for w in ("be", "to", "is", "are", "am", "being", "get", "gets"))
# A sentence ends at . ! ? or ; followed by space, or at a blank line; a period after an
# abbreviation ("Sen.", "vs.", "U.S.") does not end it.
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+|;\s|\n\s*\n")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]?[\"'”’)\]]*\s*$")
# A quotation mark separates what was said from the clause that reports it: in '"We will
# leave Thursday," he said', "said" does not set the tense of Thursday, nor "will" in
# 'He said Friday, "We will win."'.
_QUOTE = re.compile(r"[\"“”]|''|``")


@cache
def _triggers() -> re.Pattern[str]:
    words = tense_words()

    def alternation(phrases: list[str]) -> str:
        ordered = sorted(set(phrases), key=len, reverse=True)
        return "|".join(re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]") for p in ordered)

    not_past = "|".join(re.escape(w) for w in words["not_past"])
    # A plural present after "to" or "not" ("cannot", "didn't") is an infinitive or negated.
    not_finite = "".join(rf"(?<!{re.escape(w)}\s)" for w in words["not_finite_after"])
    plural = rf"{not_finite}(?:{alternation(words['scheduled_plural'])})"
    return re.compile(
        rf"(?<![\w'’])(?:(?P<future>{alternation(words['future'])}|{plural})"
        rf"|(?P<past>{_NOT_PARTICIPLE}(?:{alternation(words['past'])}))"
        rf"|(?P<ed>{_NOT_PARTICIPLE}(?!(?:{not_past})\b)[a-z]{{2,}}ed))(?![\w'’])",
        re.IGNORECASE,
    )


@cache
def _deadline(table: str = "future_prepositions") -> re.Pattern[str]:
    """A preposition right before the expression that points to the future ("in time for")."""
    words = "|".join(re.escape(w) for w in tense_words()[table])
    return re.compile(rf"(?<![\w'’])(?:{words})\s+(?:the\s+)?$", re.IGNORECASE)


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in tense_words()["abbreviations"])


def _ends_sentence(text: str, boundary: re.Match[str]) -> bool:
    if boundary.group()[0] != ".":
        return True
    word = _WORD_BEFORE.search(text, max(0, boundary.start() - 12), boundary.start() + 1)
    if not word:
        return True
    token = word.group(1).lower().rstrip(".")
    return not (token in _abbreviations() or len(token) == 1 or "." in token)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, cut to WINDOW characters either side."""
    left = max(0, start - WINDOW)
    for m in _BOUNDARY.finditer(text, left, start):
        if _ends_sentence(text, m):
            left = m.end()
    right = min(len(text), end + WINDOW)
    for m in _BOUNDARY.finditer(text, end, right):
        if _ends_sentence(text, m):
            right = m.start() + 1
            break
    return left, right


def tense_at(text: str, start: int, end: int) -> int:
    """PAST, FUTURE or UNKNOWN for the expression at ``text[start:end]``."""
    left, right = sentence_bounds(text, start, end)
    if _deadline().search(text, max(left, start - 16), start):
        return FUTURE
    for quote in _QUOTE.finditer(text, left, start):
        left = quote.end()
    quote_after = _QUOTE.search(text, end, right)
    right = quote_after.start() if quote_after else right
    best, best_distance = UNKNOWN, WINDOW * 2
    for segment_start, segment_end in ((left, start), (end, right)):
        for m in _triggers().finditer(text, segment_start, segment_end):
            distance = start - m.end() if segment_end == start else (m.start() - end) * AFTER_WEIGHT
            if distance < best_distance:
                best, best_distance = (FUTURE if m.group("future") else PAST), distance
    if best == UNKNOWN and _deadline("weak_future_prepositions").search(text, max(left, start - 16), start):
        return FUTURE
    return best
