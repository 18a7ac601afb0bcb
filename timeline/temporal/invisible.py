"""Characters that do not show, read through where they stand inside a word.

Web text carries zero-width spaces, joiners and soft hyphens inside words ("Mon\u200bday",
"Sep\u00adtember", "20\u200b26"): a reader sees the word, so the rules must too.  The tagger
matches the text without them and maps every span back, so offsets stay the text's own.
Between a word and a number ("June\u200b14") such a character is a blank (``lexicon._BLANK``).
"""

from __future__ import annotations

import re

_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_INSIDE_WORD = re.compile(f"(?<=[^\\W\\d_])[{_INVISIBLE}]+(?=[^\\W\\d_])|(?<=\\d)[{_INVISIBLE}]+(?=\\d)")
_ANY = re.compile(f"[{_INVISIBLE}]")


def read_through(text: str) -> tuple[str, list[int]] | None:
    """The text without the invisible characters inside its words, and for every offset of
    that text (and its end) the offset in ``text``; None when there are none to drop."""
    if _ANY.search(text) is None or _INSIDE_WORD.search(text) is None:
        return None
    kept: list[str] = []
    where: list[int] = []
    at = 0
    for m in _INSIDE_WORD.finditer(text):
        kept.append(text[at : m.start()])
        where.extend(range(at, m.start()))
        at = m.end()
    kept.append(text[at:])
    where.extend(range(at, len(text) + 1))
    return "".join(kept), where
