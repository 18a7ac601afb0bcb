"""Properties of the tagger over generated input (hypothesis).

For any text and any reference day the tagger never raises, returns sorted non-overlapping
spans inside the text, and every value is a valid TIMEX3 value; date phrases generated from
a day normalise back to that day.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.temporal import tag
from timeline.temporal.lexicon import rules
from timeline.temporal.tagger import matches
from timeline.temporal.triggers import Words

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip
ABBREVIATIONS = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
                 "Dec.")  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_TIME = r"(?:T(?:\d\d:\d\d|MO|AF|EV|NI|MI))?"
_DURATION_PART = r"(?:\d+(?:\.\d+)?|X)"
TIMEX3_VALUE = re.compile(
    "|".join(
        (
            rf"\d{{4}}-\d\d-\d\d{_TIME}",
            r"\d{4}-\d\d",
            rf"\d{{4}}-(?:\d\d|XX)-XX{_TIME}",
            r"\d{4}-XX",
            r"\d{4}-W\d\d(?:-WE)?",
            r"(?:FY\d{4}|\d{4}|XXXX)-Q[1-4]",  # fiscal: FY2025-Q3; every second quarter: XXXX-Q2
            r"(?:FY)?\d{4}-H[12]",
            r"(?:\d{4}|XXXX)-(?:SP|SU|FA|WI)",  # every spring: XXXX-SP
            r"\d{2,4}",
            rf"P(?:{_DURATION_PART}(?:Y|M|W|D|DE|CE|Q|WE))*(?:T(?:{_DURATION_PART}[HMS])+)?",
            rf"XXXX-WXX-(?:[1-7]|WE|WD){_TIME}",  # weekends: WE; weekdays: WD (TIMEX3 has none)
            r"XXXX-\d\d(?:-\d\d)?",  # a month or a day of every year ("whose fiscal year ends June 30")
            r"(?:PRESENT|PAST|FUTURE)_REF",
            r"PXX",  # a span of no stated unit ("for a while"), as TimeBank writes it
        )
    )
)

REFERENCES = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)) | st.datetimes(
    min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31)
)  # a publication day, or its date and time
DAYS = st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31))
# Text made of words the tagger cares about, so that the properties meet real matches.
WORDS = st.sampled_from(
    [*MONTHS, *WEEKDAYS, "last", "next", "this", "week", "year", "years", "ago", "the", "on", "in", "will",
     "said", "more than", "about", "early", "mid-", "1,000", "2024", "1990s", "14", "3rd", "-", "–", ",", ".",
     "'s", "old", "-year-old", "two", "hour", "twenty-four", "a", "quarter", "third", "fiscal", "yesterday",
     "today", "Monday's", "p.m.", "10:30", "$", "%", "\n", "Article", "COVID-19", "every", "daily", "closed",
     "at", "7:30", "local time", "ET", "weekdays", "eighth", "twenty-first", "of", "and", "more",
     "election night", "watch", "from", "until", "that", "reported", "\u200b", "\u200f", "\ufeff", '"', "“",
     "\n\n"]
)  # fmt: skip
# Zero-width characters that web text leaves between words.
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")
# Hostile input: long runs of one thing, which a careless rule or engine handles in quadratic
# time or not at all.
HOSTILE = {
    "digits": "1234567890" * 2000,
    "numbers": " ".join(str(n % 3000) for n in range(0, 40000, 7)),
    "dates": "June 14, 2024; " * 800,
    "months": "May " * 3000,
    "weekdays": "Monday " * 2000,
    "weekdays unspaced": "Monday" * 2000,
    "day lists": "May 1 and 2 and 3 and 4 and " * 400,
    "mixed scripts": "Июнь 14 июня 2024 ١٤ يونيو ٢٠٢٤ 六月十四日 June 14, 2024 " * 200,
    "bidirectional marks": "\u202bJune 14, 2024\u202c \u200fMonday\u200f " * 400,
    "zero-width": "June\u200b14, 2024 and Mon\u200bday, \ufeffJune 14\u200d " * 300,
    "open quotation": '"We will leave tonight ' * 800,
    "paragraphs": "Monday\n\n" * 2000,
    "abbreviations": "Jan. " * 3000,
}


def _valid(value: str) -> bool:
    if not TIMEX3_VALUE.fullmatch(value):
        return False
    day = re.match(r"(\d{4}-\d\d-\d\d)", value)
    if day:
        date.fromisoformat(day.group(1))  # raises for 2025-02-30
    return True


def _check(text: str, reference: date | datetime) -> None:
    found = tag(text, reference)
    previous_end = 0
    for timex in found:
        assert 0 <= previous_end <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert _valid(timex.value), timex
        previous_end = timex.end


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), REFERENCES)
def test_any_text_is_safe(text: str, reference: date | datetime) -> None:
    _check(text, reference)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=40).map(" ".join), REFERENCES)
def test_temporal_word_salad_is_safe(text: str, reference: date | datetime) -> None:
    _check(text, reference)


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS | st.text(max_size=3), max_size=30).map(" ".join))
def test_searching_only_where_a_rule_may_match_loses_nothing(text: str) -> None:
    """Triggers skip a rule on a text and finders skip places in it (``triggers``): the rule's
    matches are those of its whole search."""
    words = Words.of(text)
    for rule in rules():
        spans = [m.span() for m in rule.regex.finditer(text)]
        assert [m.span() for m in matches(rule, text)] == spans, rule.name
        assert rule.triggers.found_in(words) or not spans, rule.name


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_input_is_safe(text: str) -> None:
    for reference in (date(2026, 11, 4), datetime(2026, 11, 4, 6, 10)):
        _check(text, reference)


def _only(text: str, reference: date) -> str:
    found = tag(text, reference)
    assert len(found) == 1, found
    return found[0].value


@given(DAYS, st.integers(0, 400), st.booleans())
def test_full_dates_normalise_to_their_day(day: date, days_away: int, abbreviate: bool) -> None:
    reference = day + timedelta(days=days_away)
    month = (ABBREVIATIONS if abbreviate else MONTHS)[day.month - 1]
    weekday = WEEKDAYS[day.weekday()]
    assert _only(f"They met on {weekday}, {month} {day.day}, {day.year}.", reference) == day.isoformat()
    assert _only(f"It opened {month} {day.day}, {day.year}, in Paris.", reference) == day.isoformat()
    assert _only(f"It opened on {day.day} {MONTHS[day.month - 1]} {day.year}.", reference) == day.isoformat()
    assert _only(f"It was {day.isoformat()}.", reference) == day.isoformat()
    assert _only(f"Sales fell in {MONTHS[day.month - 1]} {day.year}.", reference) == day.isoformat()[:7]


@given(DAYS, st.integers(0, 400), st.sampled_from(ZERO_WIDTH))
def test_a_zero_width_character_between_words_is_a_space(day: date, days_away: int, blank: str) -> None:
    reference = day + timedelta(days=days_away)
    month = MONTHS[day.month - 1]
    assert _only(f"It opened {month}{blank}{day.day},{blank}{day.year}.", reference) == day.isoformat()


@given(DAYS, st.integers(0, 6), st.sampled_from((*ZERO_WIDTH, "\u00ad")), st.data())
def test_an_invisible_character_inside_a_word_is_read_through(
    day: date, days_after: int, invisible: str, data: st.DataObject
) -> None:
    weekday = WEEKDAYS[day.weekday()]
    cut = data.draw(st.integers(1, len(weekday) - 1))
    hidden = weekday[:cut] + invisible + weekday[cut:]
    text = f"The talks ended on {hidden} in Geneva."
    found = tag(text, day + timedelta(days=days_after))
    start = text.index(hidden)
    assert [(t.start, t.end, t.text, t.value) for t in found] == [
        (start, start + len(hidden), hidden, day.isoformat())
    ]


@given(DAYS, st.integers(1, 7))
def test_last_weekday_is_the_one_before(day: date, days_after: int) -> None:
    reference = day + timedelta(days=days_after)
    assert _only(f"The talks ended last {WEEKDAYS[day.weekday()]}.", reference) == day.isoformat()


@given(DAYS, st.integers(0, 6))
def test_bare_weekday_in_the_past(day: date, days_after: int) -> None:
    reference = day + timedelta(days=days_after)
    assert _only(f"Officials met on {WEEKDAYS[day.weekday()]} in Geneva.", reference) == day.isoformat()


@given(DAYS, st.integers(0, 6))
def test_bare_weekday_in_the_future(day: date, days_before: int) -> None:
    reference = day - timedelta(days=days_before)
    assert _only(f"The two leaders will meet {WEEKDAYS[day.weekday()]}.", reference) == day.isoformat()


@given(DAYS, st.integers(-150, 150))
def test_month_day_without_year_is_the_nearest(day: date, offset: int) -> None:
    reference = day + timedelta(days=offset)
    phrase = f"The report is dated {ABBREVIATIONS[day.month - 1]} {day.day}."
    if (day.month, day.day) == (2, 29):
        return  # a leap day has no nearest occurrence in most years
    assert _only(phrase, reference) == day.isoformat()


@given(DAYS, st.integers(1, 30))
def test_days_ago(day: date, count: int) -> None:
    words = {1: "one", 2: "two", 3: "three", 7: "seven", 10: "ten"}
    amount = words.get(count, str(count))
    assert _only(f"It began {amount} days ago.", day + timedelta(days=count)) == day.isoformat()
    assert _only("It began yesterday.", day + timedelta(days=1)) == day.isoformat()


# Round trips: a phrase written from a period reads back as that period at its precision, against
# any reference day (the phrase states its year, so the reference must not matter).
ORDINALS = ("first", "second", "third", "fourth")
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS = {"early": "START", "mid-": "MID", "late": "END"}
YEARS = st.integers(1950, 2049)
ROUND_TRIP = settings(deadline=None)  # a loaded machine: timings are not the property


def _values(text: str, reference: date | datetime) -> list[tuple[str, str | None]]:
    return [(timex.value, timex.mod) for timex in tag(text, reference)]


@ROUND_TRIP
@given(YEARS, st.integers(1, 12), st.sampled_from(sorted(PARTS)), REFERENCES)
def test_part_of_a_month_or_year(year: int, month: int, part: str, reference: date | datetime) -> None:
    gap = "" if part.endswith("-") else " "
    phrase = f"Prices rose in {part}{gap}{MONTHS[month - 1]} {year}."
    assert _values(phrase, reference) == [(f"{year}-{month:02d}", PARTS[part])]
    assert _values(f"It opens {part}{gap}{year}.", reference) == [(str(year), PARTS[part])]


@ROUND_TRIP
@given(st.integers(195, 209), REFERENCES)
def test_decade(decade: int, reference: date | datetime) -> None:
    assert _values(f"Prices rose in the {decade}0s.", reference) == [(str(decade), None)]


@ROUND_TRIP
@given(DAYS, REFERENCES)
def test_numeric_dates(day: date, reference: date | datetime) -> None:
    assert _values(f"It was {day.isoformat()}.", reference) == [(day.isoformat(), None)]
    assert _values(f"It was {day.month}/{day.day}/{day.year}.", reference) == [(day.isoformat(), None)]


@ROUND_TRIP
@given(DAYS, REFERENCES, st.booleans())
def test_written_dates(day: date, reference: date | datetime, abbreviate: bool) -> None:
    month = (ABBREVIATIONS if abbreviate else MONTHS)[day.month - 1]
    weekday = WEEKDAYS[day.weekday()]
    assert _values(f"It opened {day.day} {MONTHS[day.month - 1]} {day.year}.", reference) == [
        (day.isoformat(), None)
    ]
    assert _values(f"It opened {month} {day.day}, {day.year}.", reference) == [(day.isoformat(), None)]
    assert _values(f"They met on {weekday}, {month} {day.day}, {day.year}.", reference) == [
        (day.isoformat(), None)
    ]


@ROUND_TRIP
@given(YEARS, st.integers(1, 4), REFERENCES)
def test_quarters(year: int, quarter: int, reference: date | datetime) -> None:
    expected = [(f"{year}-Q{quarter}", None)]
    assert _values(f"Sales in the {ORDINALS[quarter - 1]} quarter of {year} fell.", reference) == expected
    assert _values(f"Sales in Q{quarter} {year} fell.", reference) == expected
    assert _values(f"Its {ORDINALS[quarter - 1]}-quarter {year} profit fell.", reference) == expected


@ROUND_TRIP
@given(YEARS, st.integers(1, 12), REFERENCES)
def test_month_of_a_year(year: int, month: int, reference: date | datetime) -> None:
    assert _values(f"Sales fell in {MONTHS[month - 1]} {year}.", reference) == [(f"{year}-{month:02d}", None)]


@ROUND_TRIP
@given(DAYS, REFERENCES)
def test_the_week_of_a_day_is_its_iso_week(day: date, reference: date | datetime) -> None:
    iso = day.isocalendar()
    phrase = f"They met the week of {MONTHS[day.month - 1]} {day.day}, {day.year}."
    assert _values(phrase, reference) == [(f"{iso.year}-W{iso.week:02d}", None)]


@ROUND_TRIP
@given(YEARS, st.sampled_from(sorted(SEASONS)), REFERENCES)
def test_season_of_a_year(year: int, season: str, reference: date | datetime) -> None:
    assert _values(f"It happened in {season} {year}.", reference) == [(f"{year}-{SEASONS[season]}", None)]


@ROUND_TRIP
@given(DAYS, st.integers(1, 6), REFERENCES)
def test_a_range_of_days_is_its_two_ends(first: date, length: int, reference: date | datetime) -> None:
    last = first + timedelta(days=length)
    ends = [(first.isoformat(), None), (last.isoformat(), None)]
    month, last_month = MONTHS[first.month - 1], MONTHS[last.month - 1]
    if last.month == first.month:
        assert _values(f"It ran {month} {first.day}-{last.day}, {first.year}.", reference) == ends
        assert _values(f"It runs {first.day}-{last.day} {month} {first.year}.", reference) == ends
    else:  # over a month's end, or the new year's
        assert _values(f"It ran {month} {first.day}-{last_month} {last.day}, {last.year}.", reference) == ends


@ROUND_TRIP
@given(YEARS, st.integers(1, 11), st.integers(1, 11), REFERENCES)
def test_a_range_of_months_is_its_two_ends(
    year: int, start: int, length: int, reference: date | datetime
) -> None:
    end = min(start + length, 12)
    phrase = f"It ran from {MONTHS[start - 1]} to {MONTHS[end - 1]} {year}."
    assert _values(phrase, reference) == [(f"{year}-{start:02d}", None), (f"{year}-{end:02d}", None)]
