"""Properties of event extraction over generated articles (hypothesis).

Whatever an article says, extraction never raises, and every event it gives is well formed:
a valid date at a known precision (an end after its start), a known status, a title, and
sources that quote sentences of the article itself with the expression found in them.
"""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.events import extract_events
from timeline.model import PRECISIONS, STATUSES, Article
from timeline.periods import parse

# Sentences made of news words, names, dates and figures, so that extraction meets real cases.
_WORD_TEXT = """
    The|the|council|voted|on|Monday|Friday|last|week|next|month|will|meet|said|Mayor|Jane|Ortiz|President
    |Putin|in|Istanbul|Ohio|June 14, 2024|May 15–16|2022|1990s|39-month-old|war|72-year-old|1,000|prisoners
    |$2 billion|talks|were|expected|to|resume|after|since|the Sept. 8 walkout|who|was|arrested|Oct. 3|and|but
    |,|.|;|—|(|)|"|“|”|'s|at|3 p.m.|earlier|this|year|two|days|ago|about|more than|three|years|early
    |Update, 4:15 p.m.:|WASHINGTON —|Q3|fiscal 2026|tonight|yesterday|not|would|plans|announced|deal|strike
    |500|more|by|Tuesday evening
"""
WORDS = st.sampled_from([w.strip() for w in _WORD_TEXT.split("|")] + ["\n", "\n\n"])
TEXTS = st.lists(WORDS, min_size=1, max_size=80).map(" ".join)
PUBLISHED = st.dates(min_value=date(1950, 1, 1), max_value=date(2080, 12, 31))


def article(text: str, published: date, at: str | None = None) -> Article:
    return Article(path="generated.txt", text=text, published=published, title="Generated", slug="generated",
                   published_at=at)  # fmt: skip


def check(events, text: str) -> None:
    for event in events:
        period = parse(event.date)
        assert event.precision in PRECISIONS and event.status in STATUSES
        if event.end_date:
            assert parse(event.end_date).end >= period.start
        assert event.title.strip() and event.slug
        assert event.sources
        for source in event.sources:
            assert source.sentence in text
            if source.expression:
                assert source.expression in source.sentence


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS, PUBLISHED)
def test_any_article_gives_well_formed_events(text: str, published: date) -> None:
    check(extract_events(article(text, published)), text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), PUBLISHED, st.times())
def test_any_text_at_any_time_of_day_never_raises(text: str, published: date, at) -> None:
    moment = datetime.combine(published, at).isoformat()
    check(extract_events(article(text, published, moment)), text)
