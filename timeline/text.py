"""Sentence splitting for news text: exact character spans, one paragraph per line.

Spans, not strings, so that every quoted sentence is a substring of the article by
construction.  A period ends a sentence unless it closes an abbreviation that stands
before what follows ("Sen. Lindsey Graham", "Jan. 5", "George W. Bush"); an abbreviation
that may also close a sentence ("in the U.S.", "Greenville, Pa.") ends one only when a
typical sentence opener comes next.  The vocabularies are tables in ``timeline.lexicon``.
"""

from __future__ import annotations

import re
from functools import cache

from . import lexicon

Span = tuple[int, int]

# A run of terminal punctuation, any closing quotes or brackets, then white space.
_CANDIDATE = re.compile(r"(?:[.!?]+|…)(?:[\"”’')\]]|'')*(?=\s+\S)")
_LINE = re.compile(r"[^\n]+")
_OPENER = re.compile(r"[\"“‘'(\[`]*([A-Z0-9])")
_WORD_BEFORE = re.compile(r"(\S+)$")
_INITIAL = re.compile(r"^[(\"“‘']*[A-Z]\.$")
_DOTTED = re.compile(r"^[(\"“‘']*(?:[A-Za-z]\.){2,}$")
_NEXT_WORD = re.compile(r"[\"“‘'(\[`]*([A-Za-z]+)")
_WORD = re.compile(r"[\w.'’-]+")


def sentences(text: str) -> list[Span]:
    """The (start, end) spans of the sentences of ``text``, in order, trimmed of white space."""
    spans: list[Span] = []
    for line in _LINE.finditer(text):
        start = line.start()
        for end in _ends(text, line.start(), line.end()):
            spans.append(_trim(text, start, end))
            start = end
        spans.append(_trim(text, start, line.end()))
    return [(s, e) for s, e in spans if e > s]


def sentence_at(spans: list[Span], offset: int) -> Span | None:
    """The span that holds ``offset``."""
    return next(((s, e) for s, e in spans if s <= offset < e), None)


def _ends(text: str, start: int, end: int) -> list[int]:
    """Offsets just after each sentence-final punctuation run inside one line."""
    found = []
    for m in _CANDIDATE.finditer(text, start, end):
        rest = text[m.end() : end].lstrip()
        if _OPENER.match(rest) and _is_boundary(text[start : m.start()], m.group(), rest):
            found.append(m.end())
    return found


def _is_boundary(before: str, punct: str, after: str) -> bool:
    if punct[0] in "?!" and punct[-1] in "\"”’'" and _speech_follows(after):
        return False  # “Are you serious?” Vance asked.
    if not punct.startswith(".") or punct.startswith(".."):
        return True
    word_match = _WORD_BEFORE.search(before)
    if not word_match:
        return True
    word = word_match.group(1) + "."
    kind = _abbreviations().get(word.lstrip("(\"“‘'").lower())
    if kind == "title" or _INITIAL.match(word):
        return False
    if kind == "number":
        return not after[:1].isdigit()
    if kind == "clock":
        nxt = _NEXT_WORD.match(after)
        follower = nxt.group(1) if nxt else ""
        continues = lexicon.words("calendar-words") | lexicon.words("clock-words")
        return follower[:1].isupper() and follower.lower() not in continues and not follower.isupper()
    if kind == "trailing" or _DOTTED.match(word):
        nxt = _NEXT_WORD.match(after)
        return bool(nxt) and nxt.group(1).lower() in lexicon.words("sentence-starters")
    return True


def _speech_follows(after: str) -> bool:
    """Up to three capitalised words and a speech verb: the quotation's sentence goes on."""
    for word in _WORD.findall(after)[:4]:
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
