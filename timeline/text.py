"""Sentence splitting for news text: exact character spans, one paragraph per line.

Spans, not strings, so that every quoted sentence is a substring of the article by
construction.  A period ends a sentence unless it closes an abbreviation that stands
before what follows ("Sen. Lindsey Graham", "Jan. 5", "George W. Bush"); an abbreviation
that may also close a sentence ("in the U.S.", "Greenville, Pa.") ends one only when a
typical sentence opener comes next.  The vocabularies are tables in ``timeline.lexicon``.

Linear in the text, whatever it holds: every later stage reads sentence by sentence, so a
line with no sentence end in it (a dump, a list run together) is read in pieces no longer
than any sentence, cut at white space.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache
from itertools import islice
from operator import itemgetter

from . import lexicon

Span = tuple[int, int]

# A run of terminal punctuation, any closing quotes or brackets, then white space.  Linear on
# any input: a run is matched from its first mark only and never given back, so a line of ten
# thousand dots or quote marks is one failed try, not one per character.
_CANDIDATE = re.compile(r"(?:(?<![.!?])[.!?]++|…)[\"”’')\]]*+(?=\s++\S)")
_LINE = re.compile(r"[^\n]+")
_OPENER = re.compile(r"[\"“‘'(\[`]*([A-Z0-9])")
_WORD_BEFORE = re.compile(r"(\S+)$")
_INITIAL = re.compile(r"^[(\"“‘']*[A-Z]\.$")
_DOTTED = re.compile(r"^[(\"“‘']*(?:[A-Za-z]\.){2,}$")
_NEXT_WORD = re.compile(r"[\"“‘'(\[`]*([A-Za-z]+)")
_WORD = re.compile(r"[\w.'’-]+")
_SPACE = re.compile(r"\s*")
# The word before a period is read from this many characters: an abbreviation or an initial is
# far shorter, and reading back to the sentence's start at every period would be quadratic.
WORD_CHARS = 64
# News sentences run to a few hundred characters, the longest to about 1,200.
MAX_SENTENCE_CHARS = 2_000


def sentences(text: str) -> list[Span]:
    """The (start, end) spans of the sentences of ``text``, in order, trimmed of white space."""
    spans: list[Span] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for end in _ends(text, line.start(), line.end()):
            spans.append(_trim(text, start, end))
            start = end
        spans.append(_trim(text, start, line.end()))
    return [piece for s, e in spans if e > s for piece in _bounded(text, s, e)]


def sentence_at(spans: list[Span], offset: int) -> Span | None:
    """The span that holds ``offset``, of spans in text order (found by bisection: an article of
    many sentences asks this for every expression in it)."""
    i = bisect_right(spans, offset, key=itemgetter(0)) - 1
    return spans[i] if i >= 0 and offset < spans[i][1] else None


def _bounded(text: str, start: int, end: int) -> Iterator[Span]:
    """A sentence, or a run far longer than any sentence (a line without a full stop) in pieces of
    at most ``MAX_SENTENCE_CHARS`` cut at white space, so that the work later stages do on each
    sentence stays bounded however the text is made."""
    while end - start > MAX_SENTENCE_CHARS:
        bound = start + MAX_SENTENCE_CHARS
        cut = next((i for i in range(bound, start, -1) if text[i].isspace()), bound)
        yield _trim(text, start, cut)
        start, end = _trim(text, cut, end)
    yield start, end


def _ends(text: str, start: int, end: int) -> list[int]:
    """Offsets just after each sentence-final punctuation run inside one line."""
    found = []
    for m in _CANDIDATE.finditer(text, start, end):
        after = _SPACE.match(text, m.end(), end).end()  # type: ignore[union-attr]
        if _OPENER.match(text, after, end) and _is_boundary(
            _word_before(text, start, m.start()), m.group(), text, after, end
        ):
            found.append(m.end())
    return found


def _word_before(text: str, start: int, at: int) -> str:
    """The word that ends at ``at`` (none before ``start``); '' when there is none or it is longer
    than any abbreviation."""
    window = max(start, at - WORD_CHARS)
    m = _WORD_BEFORE.search(text, window, at)
    if not m or (m.start() == window > start and not text[window - 1].isspace()):
        return ""
    return m.group(1)


def _is_boundary(before: str, punct: str, text: str, after: int, end: int) -> bool:
    """Whether ``punct`` after the word ``before`` ends a sentence, the next one opening at
    ``after`` (read in place: copying the rest of the line at every period would be quadratic)."""
    if punct[0] in "?!" and punct[-1] in "\"”’'" and _speech_follows(text, after, end):
        return False  # “Are you serious?” Vance asked.
    if not punct.startswith(".") or punct.startswith(".."):
        return True
    if not before:
        return True
    word = before + "."
    kind = _abbreviations().get(word.lstrip("(\"“‘'").lower())
    if kind == "title" or _INITIAL.match(word):
        return False
    if kind == "number":
        return not text[after : after + 1].isdigit()
    if kind == "clock":
        nxt = _NEXT_WORD.match(text, after, end)
        follower = nxt.group(1) if nxt else ""
        continues = lexicon.words("calendar-words") | lexicon.words("clock-words")
        return follower[:1].isupper() and follower.lower() not in continues and not follower.isupper()
    if kind == "trailing" or _DOTTED.match(word):
        nxt = _NEXT_WORD.match(text, after, end)
        return bool(nxt) and nxt.group(1).lower() in lexicon.words("sentence-starters")
    return True


def _speech_follows(text: str, after: int, end: int) -> bool:
    """Up to three capitalised words and a speech verb: the quotation's sentence goes on."""
    for word in (m.group() for m in islice(_WORD.finditer(text, after, end), 4)):
        if word.rstrip(".").lower() in lexicon.words("speech-verbs"):
            return True
        if not word[0].isupper():
            return False
    return False


@cache
def _abbreviations() -> dict[str, str]:
    return {row[0].lower(): row[1] for row in lexicon.table("abbreviations").rows}


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
