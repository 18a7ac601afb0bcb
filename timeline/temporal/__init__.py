"""The temporal layer: TIMEX3-style temporal expressions found in news text.

``tag(text, reference)`` finds dates, times, durations and sets and normalises them against
the reference (the article's publication day).  The engine (``tagger``, ``normalise``,
``tense``) knows no English: the words and patterns are the tables in ``resources/``.
"""

from .tagger import tag

__all__ = ["tag"]
