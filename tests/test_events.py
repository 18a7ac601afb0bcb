"""Events from articles: dates at their precision, grouping, headlines, status, people, places, sources.

The sample and the fixture articles run through the real temporal tagger; the rules about
which expressions date what are also tested on hand-built TIMEX3 lists.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from timeline import lexicon, periods
from timeline.events import extract_events
from timeline.model import Article, Event, Timex
from timeline.sources import SourceError, read_article

FIXTURES = Path(__file__).parent / "fixtures" / "events"
PAGES = Path(__file__).parent / "fixtures" / "pages"  # saved web pages (the sources engineer's)
TEXT_TABLES = ("abbreviations", "sentence-starters")
ENTITY_TABLES = (
    "titles", "speech-verbs", "demonyms", "organisations", "places", "not-places", "function-words",
    "calendar-words", "name-particles", "not-people", "named-things", "kinship",
    "former-names", "place-prepositions", "families", "place-types", "institution-modifiers", "place-leads",
    "story-labels",
)  # fmt: skip
HEADLINE_TABLES = (  # their examples run in test_headlines.py
    "title-rewrites", "title-fillers", "title-modifiers", "date-words", "clause-openers", "relative-pronouns",
    "verbs", "introduction-openers", "possessives", "determiners", "nominalisations", "phrase-breaks",
    "headline-tense", "speech-verbs-with-object", "verb-particles", "impersonal-it", "datelines",
    "summary-tidying", "clause-splitters", "apposition-openers", "title-condensing",
    "gendered-words", "group-nouns", "date-hedges", "figure-openers", "modals", "passive-prepositions",
    "gerund-openers", "headline-number-words", "paired-words", "passive-auxiliaries", "time-units",
    "compound-prepositions", "partitive-nouns", "period-ends", "aside-prepositions", "intransitive-verbs",
    "dated-nouns",
)  # fmt: skip
DEFAULT_PUBLISHED = "2025-05-19"  # a Monday


def article(text: str, published: str = DEFAULT_PUBLISHED, slug: str = "test-article") -> Article:
    """``published``: a day, or a day and its local time ("2026-01-13T18:30")."""
    return Article(
        path=f"{slug}.txt",
        text=text,
        published=date.fromisoformat(published[:10]),
        title=slug,
        slug=slug,
        published_at=published if "T" in published else None,
    )


def timex(text: str, body: str, type_: str, value: str, mod: str | None = None) -> Timex:
    start = body.index(text)
    return Timex(start, start + len(text), text, type_, value, mod)


def on(events: list[Event], value: str) -> list[Event]:
    return [e for e in events if e.date == value]


def sentences_of(event: Event) -> list[str]:
    return [s.sentence for s in event.sources]


# --- the sample article ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample(seed_article) -> tuple[Article, list[Event]]:
    art = read_article(seed_article)
    return art, extract_events(art)


def test_sample_call_on_monday(sample):
    _art, events = sample
    calls = [e for e in on(events, "2025-05-19") if any("two-hour call" in s for s in sentences_of(e))]
    assert len(calls) == 1
    call = calls[0]
    assert call.precision == "day" and call.status == "happened"
    assert {"Vladimir Putin", "Trump"} <= {p.name for p in call.people}
    assert any(s.startswith("Going into Monday’s phone call") for s in sentences_of(call))


def test_sample_vance_remarks_are_their_own_event(sample):
    _, events = sample
    vance = [e for e in on(events, "2025-05-19") if any(p.name == "JD Vance" for p in e.people)]
    assert len(vance) == 1
    assert not any("two-hour call" in s for s in sentences_of(vance[0]))
    assert "Vance" in vance[0].title


def test_sample_istanbul_talks_and_prisoner_swap_on_friday(sample):
    _, events = sample
    (talks,) = on(events, "2025-05-16")  # "Friday" in an article of Monday 19 May is the 16th
    found = sentences_of(talks)
    assert any(
        s.startswith("Ukrainian and Russian officials met face-to-face on Friday in Turkey") for s in found
    )
    assert any("negotiations held [Friday] in Istanbul" in s for s in found)
    assert any(s.startswith("The two sides agreed to exchange 1,000 prisoners of war") for s in found)
    assert {"Turkey", "Istanbul"} <= {p.name for p in talks.places}
    assert talks.status == "happened"


def test_sample_putins_plan_of_june_2024(sample):
    _, events = sample
    (plan,) = on(events, "2024-06-14")
    assert plan.precision == "day"
    assert "Vladimir Putin" in {p.name for p in plan.people}
    assert plan.title == "Putin proposed the plan"
    assert any(s.startswith("Those conditions included") for s in sentences_of(plan))


def test_sample_war_started_in_february_2022(sample):
    _, events = sample
    (war,) = on(events, "2022-02")
    assert war.precision == "month"
    assert war.sources[0].expression == "39-month-old"
    assert "war on Ukraine" in war.title and "Ukraine" in {p.name for p in war.places}


def test_a_length_dates_its_things_start_in_words_a_sentence_can_hold():
    body = "Pruitt testified against Voss during the three-week trial."
    article = Article(path="t.txt", text=body, published=date(2026, 10, 2), title="t", slug="t")
    (trial,) = extract_events(article)
    assert (trial.date, trial.precision) == ("2026-W37", "week")
    assert trial.summary == (
        "The trial began around the week of 7 September 2026, 3 weeks before this article."
    )


def test_sample_no_date_from_ages_or_counts(sample):
    _, events = sample
    expressions = {s.expression for e in events for s in e.sources if s.expression}
    assert not any(re.search(r"\b(?:72|78|47)\b|1,000|year-old$", x) for x in expressions)
    years = {periods.parse(e.date).start.year for e in events}
    assert years <= {2022, 2024, 2025}


def test_sample_sources_quote_the_article_exactly(sample):
    art, events = sample
    for event in events:
        assert event.sources, event
        for source in event.sources:
            assert source.sentence in art.text
            assert source.article == art.slug and source.published == "2025-05-19" and source.url == art.url
            if source.expression:
                assert source.expression in source.sentence


def test_sample_fields_follow_the_schema(sample):
    _, events = sample
    slugs = [e.slug for e in events]
    assert len(set(slugs)) == len(slugs)
    assert [periods.sort_key(e.date) for e in events] == sorted(periods.sort_key(e.date) for e in events)
    for e in events:
        period = periods.parse(e.date)
        assert e.date == periods.format_value(period.start, e.precision)
        assert re.fullmatch(rf"{period.start.isoformat()}-[a-z0-9]+(?:-[a-z0-9]+)*", e.slug)
        assert re.fullmatch(r"[0-9a-f]{12}", e.id)
        assert 2 <= len(e.title.split()) <= 10 and not any(c in e.title for c in '“”"[]')
        assert e.title not in {s.sentence for s in e.sources}
        assert e.summary and "\n" not in e.summary and not e.summary.startswith("WASHINGTON")
        assert e.status in ("happened", "planned")


def test_ids_come_from_the_event_not_from_order(sample, seed_article):
    art, events = sample
    again = extract_events(replace(art, text="A note from the editors.\n" + art.text))
    assert {e.id for e in events} == {e.id for e in again}
    assert len({e.id for e in events}) == len(events)
    other = extract_events(replace(art, slug="another-outlet-same-story"))
    assert not {e.id for e in events} & {e.id for e in other}


def test_extract_events_tags_the_text_when_no_timexes_are_given(sample):
    art, events = sample
    from timeline.temporal import tag

    assert extract_events(art, tag(art.text, art.published)) == events


# --- invented articles: other stories, outlets and days ---------------------------------------------


def test_port_strike_article():
    art = read_article(FIXTURES / "2024-03-08-harbour-gazette-port-strike.md")
    events = extract_events(art)
    by_date = {e.date: e for e in events if e.date != "2024-03-06"}
    assert set(by_date) == {"2023-04", "2023-05", "2024-03-05", "2024-03-14"}
    assert by_date["2023-05"].title == "Start of the strike"  # "the 10-month-long strike", 8 March 2024
    deal = by_date["2024-03-05"]
    assert any(s.startswith("The two sides agreed to a 14% pay rise") for s in sentences_of(deal))
    assert by_date["2024-03-14"].status == "planned" and deal.status == "happened"
    wednesday = on(events, "2024-03-06")  # Okonjo's remarks and Hale's statement stay apart
    assert sorted(p.name for e in wednesday for p in e.people) == ["Marta Okonjo", "Viktor Hale"]
    assert [p.name for e in wednesday for p in e.places] == ["Rotterdam"]
    assert all(
        e.sources[0].url == "https://harbour-gazette.example/2024/03/08/rotterdam-strike-deal" for e in events
    )


def test_bridge_article_precisions_and_status():
    art = read_article(FIXTURES / "2023-11-20-valley-courier-bridge.md")
    events = {e.date: e for e in extract_events(art)}
    assert set(events) == {"1958", "201", "2023-10", "2023-11-19", "2023-W48", "2024-Q1"}
    assert [events[v].precision for v in ("1958", "201", "2023-W48", "2024-Q1")] == [
        "year", "decade", "week", "quarter",
    ]  # fmt: skip
    assert events["2023-W48"].status == "planned" and events["2024-Q1"].status == "planned"
    assert events["2023-11-19"].status == "happened"
    assert [p.name for p in events["2023-11-19"].people] == ["Elena Marsh"]
    assert any(s.startswith("It was her first visit") for s in sentences_of(events["2023-11-19"]))
    assert not events["2023-W48"].summary.startswith("SACRAMENTO")


def test_wire_copy_as_plain_text():
    art = read_article(FIXTURES / "2025-02-03-wire-flood-relief.txt", published="2025-02-03")
    events = extract_events(art)
    sunday = on(events, "2025-02-02")
    assert sorted(p.name for e in sunday for p in e.people) == ["Abdul Rahman", "Prabowo Subianto"]
    (canals,) = on(events, "2027")
    assert canals.status == "planned" and canals.title.startswith("Subianto")
    assert on(events, "199") == []  # "flooded … since the 1990s": a stretch, not a happening
    counts = [s.expression for e in events for s in e.sources if re.fullmatch(r"[\d,]+", s.expression or "x")]
    assert counts == ["2027"]  # a year, never "14", "3,000" or "45"


def test_reported_clause_is_its_own_and_its_speaker_is_a_person_of_it():
    """ "… said on Telegram that more releases were expected over the weekend and thanked the families":
    the expectation is planned, the thanks are the speaker's, and the speaker is one of its people."""
    text = (
        "President Ana Costa said on Telegram that more releases were expected over the weekend and "
        "thanked the families who had campaigned for the return of their relatives."
    )
    (event,) = extract_events(article(text, "2025-05-23"))
    assert (event.date, event.status, event.title) == ("2025-W21", "planned", "More releases were expected")
    assert [p.name for p in event.people] == ["Ana Costa"]


def test_a_happening_named_by_its_day_is_one_report_with_the_clause_that_tells_it():
    text = (
        "The regulator asked the company to stop selling the heaters on Oct. 2.\n"
        "Sales have been halted at every store since the Oct. 2 request, the company said on Monday."
    )
    events = extract_events(article(text, "2026-10-21"))
    (asked,) = on(events, "2026-10-02")
    assert asked.title == "The regulator asked the company to stop selling the heaters"
    assert len(asked.sources) == 2


def test_a_clause_timed_after_before_or_until_a_day_is_no_event_of_that_day():
    """The preposition is the signal the tagger leaves to us: ballots that arrived after Election Day
    did not arrive on it, a road closed until Friday does not close on Friday; "did not … until"
    tells when it did, and "after Thursday's storm" names the storm of Thursday."""
    text = (
        "Ostrowski led by 1,900 votes on election night, the clerk said.\n"
        "About 3,100 ballots remain to be counted, most of them mailed ballots that arrived after "
        "Election Day.\n"
        "Crews reopened the bridge after Thursday's storm.\n"
        "Route 9 will stay closed until Friday, and the mayor did not declare an emergency until Sunday."
    )
    events = extract_events(article(text, "2026-11-09"))
    (night,) = on(events, "2026-11-03")
    assert [s.sentence[:9] for s in night.sources] == ["Ostrowski"]
    assert [e.title for e in on(events, "2026-11-05")] == ["The storm"]  # not the day the bridge reopened
    assert on(events, "2026-11-13") == []
    (declared,) = on(events, "2026-11-08")
    assert declared.title.startswith("The mayor did not declare")


# --- the tables' own examples ---------------------------------------------------------------------


def parse_example(example: str) -> tuple[str, str, str]:
    """'[date | ]text[ => expected]' → (published, text, expected)."""
    body, sep, expected = example.rpartition(" => ")
    if not sep:
        body, expected = example, ""
    m = re.match(r"^(\d{4}-\d{2}-\d{2}(?:T[\d:]+)?) \| (.*)$", body)
    published, body = m.groups() if m else (DEFAULT_PUBLISHED, body)
    return published, body, expected


def check_status(published: str, text: str, expected: str) -> None:
    assert [e.status for e in extract_events(article(text, published))] == [expected]


def check_attached(published: str, text: str, _: str) -> None:
    first, second = text.split(" | ")
    events = extract_events(article(f"{first}\n{second}", published))
    assert [sentences_of(e) for e in events] == [[first, second]]


def check_grouping(published: str, text: str, expected: str) -> None:
    events = extract_events(article(text.replace(" | ", "\n"), published))
    assert len(events) == (1 if expected == "same" else 2)


def check_start(published: str, text: str, expected: str) -> None:
    starts = [e.date for e in extract_events(article(text, published)) if e.title.startswith("Start of")]
    assert starts == ([] if expected == "-" else [expected])


def check_dates(published: str, text: str, expected: str) -> None:
    """``expected``: a date, "start/end" for a stretch, or "-" for no event."""
    found = extract_events(article(text, published))
    if "/" in expected:
        assert [f"{e.date}/{e.end_date}" for e in found] == [expected]
    else:
        assert [e.date for e in found] == ([] if expected == "-" else [expected])


def check_all_dates(published: str, text: str, expected: str) -> None:
    assert [e.date for e in extract_events(article(text, published))] == (
        [] if expected == "-" else expected.split()
    )


def check_range(published: str, text: str, expected: str) -> None:
    start, end = expected.split("/")
    assert [(e.date, e.end_date) for e in extract_events(article(text, published))] == [(start, end)]


def check_named(published: str, text: str, expected: str) -> None:
    """ "since the Sept. 8 walkout": an event of that day, headed by the words that name it."""
    day, _, title = expected.partition(" ")
    assert (day, title) in [(e.date, e.title) for e in extract_events(article(text, published))]


EVENT_TABLES = {
    "back-references": check_named,
    "measured-references": check_named,
    "planned-triggers": check_status,
    "anaphora": check_attached,
    "happenings": check_grouping,
    "beginnings": check_grouping,
    "anchorable-nouns": check_start,
    "duration-anchors": check_start,
    "range-connectors": check_range,
    "clock-words": check_dates,
    "stretch-words": check_dates,
    "date-relatives": check_dates,
    "event-negations": check_dates,
    "event-definites": check_grouping,
    "event-judgements": check_named,
    "happening-outcomes": check_named,
    "event-offsets": check_all_dates,
    "period-nouns": check_dates,
    "comparisons": check_dates,
    "comparison-ends": check_dates,
    "figure-periods": check_dates,
    "topic-dates": check_all_dates,
    "reported-results": check_dates,
    "first-person": check_dates,
    "pleasantries": check_dates,
    "subject-dates": check_all_dates,
}


@pytest.mark.parametrize(
    ("table", "example"), [(t, e) for t in EVENT_TABLES for e in lexicon.table(t).examples]
)
def test_every_table_example(table, example):
    EVENT_TABLES[table](*parse_example(example))


def test_every_table_has_examples_that_a_test_runs():
    assert set(lexicon.names()) == set(EVENT_TABLES) | set(TEXT_TABLES) | set(ENTITY_TABLES) | set(
        HEADLINE_TABLES
    )
    assert all(lexicon.table(name).examples for name in lexicon.names())


# --- which expressions date what: hand-built TIMEX3 lists -------------------------------------------

WAR = "Officials said the 39-month-old war on Ukraine had cost billions."


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value", "expected"),
    [
        (WAR, "39-month-old", "DURATION", "P39M", ("2022-02", "month")),
        ("The three-year-old conflict goes on.", "three-year-old", "DURATION", "P3Y", ("2022", "year")),
        ("The decade-old dispute flared.", "decade-old", "DURATION", "PXDE", ("201", "decade")),
        ("The war, now in its fourth year, goes on.", "its fourth year", "DURATION", "P4Y", ("2022", "year")),
        ("Talks ended on Monday evening.", "Monday evening", "TIME", "2025-05-19TEV", ("2025-05-19", "day")),
        ("The plant closed last week.", "last week", "DATE", "2025-W20", ("2025-W20", "week")),
        ("Sales fell in the summer of 2024.", "summer of 2024", "DATE", "2024-SU", ("2024-SU", "season")),
    ],
)
def test_expressions_that_date_an_event(text, expression, type_, value, expected):
    events = extract_events(article(text), [timex(expression, text, type_, value)])
    assert [(e.date, e.precision) for e in events] == [expected]


@pytest.mark.parametrize(
    ("text", "expression", "type_", "value", "mod"),
    [
        ("The 72-year-old added that talks would go on.", "72-year-old", "DURATION", "P72Y", None),
        ("A 25-year-old man was arrested.", "25-year-old", "DURATION", "P25Y", None),
        ("Decades-old feuds resurfaced.", "Decades-old", "DURATION", "PXDE", None),
        ("Trump, 78, put a happy spin on it.", "78", "DATE", "0078", None),
        ("They agreed to swap 1,000 prisoners.", "1,000", "DATE", "1000", None),
        ("Russia is ready now.", "now", "DATE", "PRESENT_REF", None),
        ("Ukraine is ready to talk every Monday.", "every Monday", "SET", "XXXX-WXX-1", None),
        ("Ukraine met on a Monday.", "Monday", "DATE", "XXXX-WXX-1", None),
        ("The talks lasted two hours.", "two hours", "DURATION", "PT2H", None),
        (
            "Officials met for the first time in more than three years.",
            "more than three years",
            "DURATION",
            "P3Y",
            "MORE_THAN",
        ),
        (
            "The dam was built more than 100 years ago.",
            "more than 100 years ago",
            "DATE",
            "1925",
            "MORE_THAN",
        ),
    ],
)
def test_expressions_that_date_nothing(text, expression, type_, value, mod):
    assert extract_events(article(text), [timex(expression, text, type_, value, mod)]) == []


def test_status_from_tense_and_date():
    text = "The ministers will meet in Oslo on Monday evening.\nThe ministers met in Oslo in 2023."
    events = extract_events(
        article(text),
        [timex("Monday evening", text, "TIME", "2025-05-19TEV"), timex("2023", text, "DATE", "2023")],
    )
    assert [(e.date, e.status) for e in events] == [("2023", "happened"), ("2025-05-19", "planned")]
    later = extract_events(
        article("Voting ends on June 2.", "2025-05-19"),
        [timex("June 2", "Voting ends on June 2.", "DATE", "2025-06-02")],
    )
    assert [e.status for e in later] == ["planned"]  # after publication, whatever the words


def test_a_simple_past_on_the_publication_day_has_happened():
    """The dated verb's tense decides, not a modal elsewhere in the sentence (a Wednesday article)."""
    cases = {
        "On Wednesday, Senator Ruth Okafor quit the party, and she will sit as an independent.": "happened",
        "The man who said he would resign quit the party on Wednesday.": "happened",
        "Senator Ruth Okafor is expected to quit the party on Wednesday.": "planned",
        "The party said Senator Ruth Okafor would quit on Wednesday.": "planned",
        "The bridge will reopen to traffic, officials said on Wednesday.": "planned",  # a saying
    }
    for text, status in cases.items():
        assert [e.status for e in extract_events(article(text, "2026-03-04"))] == [status], text


def test_a_range_is_one_event_with_an_end_date():
    text = "The summit ran from May 12 to May 14 in Geneva."
    events = extract_events(
        article(text),
        [timex("May 12", text, "DATE", "2025-05-12"), timex("May 14", text, "DATE", "2025-05-14")],
    )
    assert [(e.date, e.end_date, e.title) for e in events] == [
        ("2025-05-12", "2025-05-14", "The summit ran in Geneva")
    ]
    assert events[0].sources[0].expression == "May 12 to May 14"


@pytest.mark.parametrize(
    ("text", "expression", "value", "expected"),
    [
        (
            "The merger is expected to close in the second half of 2027.",
            "the second half of 2027",
            "2027-H2",
            ("2027-Q3", "quarter", "2027-Q4", "planned"),
        ),
        (
            "Sales fell sharply in the first half of 2026.",
            "the first half of 2026",
            "2026-H1",
            ("2026-Q1", "quarter", "2026-Q2", "happened"),
        ),
    ],
)
def test_a_half_year_is_a_range_of_two_quarters(
    text: str, expression: str, value: str, expected: tuple[str, str, str, str]
) -> None:
    events = extract_events(article(text, "2026-08-20"), [timex(expression, text, "DATE", value)])
    assert [(e.date, e.precision, e.end_date, e.status) for e in events] == [expected]


def test_same_day_different_happenings_stay_apart_and_same_happening_joins():
    text = (
        "Mayor Lena Torres opened the new tram line on Friday.\n"
        "Separately on Friday, Police Chief Aaron Wilkes resigned over the budget.\n"
        "Torres said on Friday that the tram line would carry 20,000 riders a day."
    )
    tx = [Timex(m.start(), m.end(), "Friday", "DATE", "2025-05-16") for m in re.finditer("Friday", text)]
    events = extract_events(article(text), tx)
    assert sorted(len(e.sources) for e in events) == [1, 2]
    joined = next(e for e in events if len(e.sources) == 2)
    assert [p.name for p in joined.people] == ["Lena Torres"]


def test_slugs_unique_within_a_batch():
    text = "Rebels attacked the town on Friday.\nRebels attacked the town on Friday, witnesses said."
    tx = [Timex(m.start(), m.end(), "Friday", "DATE", "2025-05-16") for m in re.finditer("Friday", text)]
    single = extract_events(article(text), tx)
    assert len(single) == 1 and len(single[0].sources) == 2
    twice = extract_events(article("Rebels attacked on Friday.\nRebels attacked on Friday night."), [
        Timex(20, 26, "Friday", "DATE", "2025-05-16"), Timex(48, 60, "Friday night", "TIME", "2025-05-16TNI"),
    ])  # fmt: skip
    assert len({e.slug for e in twice}) == len(twice)


# --- more invented articles: wire, British, local, business, court, planned, relative-only, live ----


def events_of(name: str) -> list[Event]:
    return extract_events(read_article(FIXTURES / name))


def summary_of(events: list[Event]) -> list[tuple[str, str, str]]:
    return [(e.date, e.precision, e.status) for e in events]


NOT_DATES = re.compile(
    r"^(?:\d{1,3}|\d{5,}|[\d.]*[,.][\d,.]*|\$.*|Article 5|G7|COVID-19|747|230)$"
)  # not "2017"


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.md")), ids=lambda p: p.stem)
def test_ages_counts_money_and_names_with_numbers_never_date_events(path):
    for event in extract_events(read_article(path)):
        for source in event.sources:
            assert not NOT_DATES.match(source.expression or "x"), (path.name, source.expression)
            assert not re.search(r"year-old|Article 5|G7|COVID|747|Section 230", source.expression or "")


def test_ap_wire_story():
    events = events_of("2024-10-17-ap-wildfire-evacuations.md")
    wednesday = on(events, "2024-10-16")
    assert {e.title for e in wednesday} == {
        "A fast-moving wildfire forced about 4,000 people from their homes",
        "Kotek declared a state of emergency",
    }
    assert [p.name for e in wednesday for p in e.people] == ["Tina Kotek"]
    assert not any(e.summary.startswith(("BEND", "(AP)")) for e in events)
    assert [(e.status, e.title) for e in on(events, "2024-10-18")] == [
        ("planned", "The state transportation department to reopen Highway 20")
    ]
    assert on(events, "2024-10-14")[0].title.startswith("The Pilot Butte Fire started")


def test_british_dates_and_spelling():
    events = events_of("2025-03-06-westminster-courier-council-budget.md")
    assert summary_of(events) == [
        ("2025-03-03", "day", "happened"),
        ("2025-03-04", "day", "happened"),
        ("2025-03-13", "day", "planned"),
        ("2025-04-30", "day", "planned"),
        ("2025-FA", "season", "planned"),
    ]
    assert on(events, "2025-03-04")[0].title == "Councillors in Lambeth voted to approve a budget"
    assert on(events, "2025-04-30")[0].title == "The Brixton and Streatham libraries will shut their doors"


def test_local_news_story():
    events = events_of("2024-06-12-riverside-herald-pool.md")
    assert on(events, "2022-08")[0].title == "The pool closed"
    assert on(events, "2024-06-22")[0].status == "planned"
    thursday = on(events, "2024-06-06")  # "last Thursday" in an article of Wednesday 12 June
    assert [p.name for p in thursday[0].people] == ["Luis Ortega"]
    assert thursday[0].title == "Ortega said the contractor finished the new filtration system"
    assert [e.precision for e in on(events, "199")] == ["decade"]


def test_business_story_quarters_and_fiscal_years():
    events = events_of("2025-02-13-market-ledger-chipmaker-results.md")
    dates = {e.date for e in events}
    assert {"2024", "2025-02-12", "2025-05-21", "2026-Q1"} <= dates
    assert "2024-Q4" not in dates and "2024-SU" not in dates  # "fourth-quarter results", "since …"
    factory = on(events, "2026-Q1")[0]
    assert (factory.precision, factory.status) == ("quarter", "planned")
    assert [p.name for p in factory.places] == ["Arizona"]
    assert factory.title == "The company will open a second factory in Arizona"
    assert on(events, "2024")[0].title == "Corvane sold its legacy networking unit"


def test_court_story():
    events = events_of("2025-01-10-county-courier-fraud-trial.md")
    arrest = on(events, "2023-01-05")[0]  # "on Jan. 5, 2023"
    assert (arrest.title, arrest.status) == ("Delaney was arrested", "happened")
    assert [p.name for p in arrest.people] == ["Mark Delaney"]
    verdict = on(events, "2025-01-09")[0]  # "on Thursday" in an article of Friday 10 January
    assert [p.name for p in verdict.people] == ["Mark Delaney"]
    assert on(events, "2025-W01")[0].precision == "week"  # "last week"
    sentencing = on(events, "2025-02")[0]  # "next month"
    assert (sentencing.precision, sentencing.status) == ("month", "planned")
    assert [p.name for p in sentencing.people] == ["Harold Kim"]


def test_planned_meeting():
    events = events_of("2025-05-28-wire-fisheries-talks.md")
    meeting = on(events, "2025-06-02")[0]
    assert meeting.status == "planned" and meeting.title == "Fisheries ministers to meet in Tromsø"
    assert {p.name for p in meeting.places} == {"Norway", "Iceland", "Faroe Islands"}
    assert on(events, "2025-09")[0].status == "planned"
    assert on(events, "2024-10")[0].title == "The talks collapsed after Iceland raised its own catch limit"
    assert not meeting.summary.startswith("OSLO")


def test_an_article_whose_dates_are_all_relative():
    events = events_of("2025-09-18-valley-times-factory-fire.md")
    assert summary_of(events) == [
        ("2025-08", "month", "happened"),
        ("2025-W36", "week", "happened"),
        ("2025-09-17", "day", "happened"),
        ("2025-09-22", "day", "planned"),
        ("2026", "year", "planned"),
    ]
    assert on(events, "2025-09-17")[0].title == "A fire gutted a furniture factory"


def test_live_blog_entries_are_dated_by_their_day():
    events = events_of("2025-07-21-coast-live-storm-updates.md")
    today = on(events, "2025-07-21")
    assert len(today) == 4 and all(e.precision == "day" for e in today)
    assert "Network Rail cancelled all trains between Cardiff and Swansea" in {e.title for e in today}
    assert [e.status for e in today if "Morgan" in e.title] == ["planned"]
    assert on(events, "2025-07-22")[0].status == "planned"


# --- comparisons, reported periods, beginnings, datelines -----------------------------------------

LOSS = "Harbor Robotics reported a second-quarter loss of $38 million, compared with a profit a year earlier."


def test_a_comparison_never_dates_the_happening():
    events = extract_events(article(LOSS, "2025-07-30"))
    assert [(e.date, e.precision) for e in events] == [("2025-Q2", "quarter")]
    assert [s.expression for s in events[0].sources] == ["second-quarter"]


@pytest.mark.parametrize(
    "text",
    [
        "Harbor Robotics expects a second-quarter loss of $38 million.",  # the quarter has not ended
        "Harbor Robotics will report second-quarter results.",  # a plan, not a result
    ],
)
def test_a_figure_for_a_period_dates_only_a_reported_result(text):
    assert extract_events(article(text, "2025-05-19")) == []


def test_a_figure_for_a_period_gives_way_to_the_day_it_was_reported():
    text = "Harbor Robotics reported second-quarter results on Tuesday."
    assert [e.date for e in extract_events(article(text, "2025-07-30"))] == ["2025-07-29"]


TRIAL = (
    "A jury convicted Haines, ending a trial that began in late October. "
    "Jurors met after the three-week trial."
)


def test_a_thing_dated_twice_is_one_event_when_the_dates_agree():
    timexes = [
        timex("late October", TRIAL, "DATE", "2024-10", "END"),
        timex("three-week", TRIAL, "DURATION", "P3W"),
    ]
    (trial,) = extract_events(article(TRIAL, "2024-11-15"), timexes)
    assert (trial.date, trial.precision) == ("2024-10", "month")
    assert [s.expression for s in trial.sources] == ["late October", "three-week"]
    assert "began" in trial.title


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (TRIAL.replace("late October", "early September"), "2024-09"),  # the week is not in September
        (TRIAL.replace("a trial that began", "talks that began"), "2024-10"),  # not the same thing
    ],
)
def test_a_thing_dated_twice_stays_apart_when_dates_or_nouns_differ(text, value):
    phrase = "early September" if "September" in text else "late October"
    timexes = [timex(phrase, text, "DATE", value), timex("three-week", text, "DURATION", "P3W")]
    events = extract_events(article(text, "2024-11-15"), timexes)
    assert sorted(e.date for e in events) == sorted([value, "2024-W43"])


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("HALDEN, Ore. — A fire destroyed the old mill on Monday.", ["Halden"]),
        ("HALDEN, Ore. — A fire in Portland destroyed the old mill on Monday.", ["Portland"]),
    ],
)
def test_a_dateline_places_the_lead_only_when_it_names_no_place(text, places):
    (event,) = extract_events(article(text))
    assert [p.name for p in event.places] == places


@pytest.mark.parametrize(
    "header",
    ["", "Fire destroys old mill\n\n", "Fire destroys old mill\nBy Ann Lee, Staff Writer\nMay 20, 2025\n\n"],
)
def test_a_dateline_after_a_copied_page_header_places_the_lead(header):
    """A text copied with its page's headline and byline: the story, and its dateline, open after them."""
    (event,) = extract_events(article(header + "HALDEN, Ore. — A fire destroyed the old mill on Monday."))
    assert [p.name for p in event.places] == ["Halden"]


def test_a_day_after_a_thing_is_no_part_of_its_name():
    events = extract_events(article("Dockworkers ended a nine-day strike on Sunday.", "2025-06-02"))
    assert [e.title for e in events if e.title.startswith("Start of")] == ["Start of the strike"]


def test_a_day_inside_a_coming_week_dates_the_same_happening():
    """ "a vote next week" and "the vote on Tuesday": one event, dated by the day; a deadline inside
    the week ("by Friday") and a past week ("last week") stay apart."""
    published = "2026-03-19"  # a Thursday; next week is 2026-W13, Tuesday 2026-03-24
    one = (
        "The budget bill is headed for a final vote next week. "
        "The speaker said on Wednesday that members would vote on it on Tuesday."
    )
    dated = {e.date: e for e in extract_events(article(one, published))}
    assert "2026-W13" not in dated and len(dated["2026-03-24"].sources) == 2
    deadline = (
        "A ruling in the case is expected next week. "
        "The judge said on Wednesday that the city must answer by Tuesday, ahead of her ruling."
    )
    assert "2026-W13" in {e.date for e in extract_events(article(deadline, published))}
    past = "Members held a vote last week on the budget. They voted again on Tuesday on the levy."
    assert {"2026-W11", "2026-03-17"} <= {e.date for e in extract_events(article(past, published))}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # the lead sentence puts the happening in Savannah: the dateline is no place of it
            "ATLANTA — A chemical fire broke out at a plant in Savannah late Tuesday, and officials ordered "
            "2,000 residents to leave their homes on Wednesday.",
            {"Savannah"},
        ),
        (  # no place in the sentence: where the story is filed
            "ATLANTA — Officials ordered 2,000 residents to leave their homes on Wednesday, the chief said.",
            {"Atlanta"},
        ),
        (  # a place of another happening the sentence names after it is not where this one happened
            "LONDON — Arsenal moved back to the top of the league on Wednesday, three days after a draw in "
            "Lisbon.",
            {"London"},
        ),
        (  # a place named as a modifier or a party is not where it happened
            "MINNEAPOLIS — Harrow Foods agreed on Wednesday to buy Greenfield Dairy, the Wisconsin dairy.",
            {"Minneapolis"},
        ),
    ],
)
def test_the_dateline_is_the_place_only_when_the_lead_sentence_puts_none(body, expected):
    (found,) = [e for e in extract_events(article(body, "2026-03-05")) if e.date == "2026-03-04"]
    assert {p.name for p in found.places} == expected


def test_a_back_reference_dates_the_happening_it_names_not_its_clause():
    body = (
        "Workers walked out on Sept. 8. Union members have been without a contract since the Sept. 8 "
        "walkout. After the March 3 vote, the board resigned."
    )
    events = extract_events(article(body, "2026-03-05"))
    assert [len(e.sources) for e in on(events, "2025-09-08")] == [2]  # the walkout, told twice
    (vote,) = on(events, "2026-03-03")
    assert vote.title == "The vote" and vote.status == "happened"
    assert not [e for e in events if "resigned" in e.title]  # the board resigned after that day


def test_a_happening_a_date_owns_judged_in_a_clause_is_that_happening_not_the_judgement():
    body = (
        "ATLANTA — Dockworkers walked off the job at the port on Sept. 8.\n"
        "Marisol Okafor said on Thursday the union would study the offer but warned that last week's "
        "walkout had shown members were prepared to stay out for weeks.\n"
        "Tuesday's storm flooded the terminal, officials said."
    )
    events = extract_events(article(body, "2026-09-18"))
    (walkout,) = on(events, "2026-W37")
    assert (walkout.title, walkout.status) == ("The walkout", "happened")
    assert not [e for e in events if "showed" in e.title or "shown" in e.title]
    assert [e.title for e in on(events, "2026-09-15")] == ["The storm flooded the terminal"]


def test_a_happening_a_date_owns_keeps_its_own_verb_and_place_unless_a_verb_judges_it():
    body = (
        "Friday's vote was held in the gym at Lincoln High School.\n"
        "The mayor said Tuesday's hearing had been a farce.\n"
        "Wednesday's auction has been postponed."
    )
    found = {e.date: e.title for e in extract_events(article(body, "2026-03-09"))}
    assert found["2026-03-06"].startswith("The vote was held in the gym")
    assert found["2026-03-03"] == "The hearing"
    assert found["2026-03-04"].startswith("The auction has been postponed")


def test_a_speech_tag_headed_by_what_it_reports_has_the_people_of_what_it_reports():
    body = (
        "LISBON — The Treasury said Thursday that Tuesday's meeting between Finance Minister Rui Carvalho "
        "and union leader Ana Pires had opened the way to an agreement on pensions and overtime pay.\n"
        "Deputy Mayor Tomas Lobo told reporters on Friday that the Socialist group would abstain."
    )
    found = {e.date: e for e in extract_events(article(body, "2026-03-13"))}
    said = found["2026-03-12"]
    assert said.title == "The Treasury said the meeting opened the way"
    assert {p.name for p in said.people} == {"Rui Carvalho", "Ana Pires"}
    assert {p.name for p in found["2026-03-13"].people} == {"Tomas Lobo"}  # told, not what he told


def test_a_measured_gap_from_a_dated_anchor_shifts_the_anchor_at_its_precision():
    body = (
        "The store reopened three days after Christmas.\n"
        "Ballots were mailed a week before the vote on May 3.\n"
        "The plant restarted two months after March 2026.\n"
        "The mayor resigned on Dec. 20, a week after the recall vote on Dec. 13.\n"
        "Crews left three days after March."
    )
    found = {(e.date, e.precision): e.title for e in extract_events(article(body, "2026-12-30"))}
    assert found == {
        ("2026-04-26", "day"): "Ballots were mailed",
        ("2026-05-03", "day"): "The vote",
        ("2026-05", "month"): "The plant restarted",
        ("2026-12-13", "day"): "The recall vote",
        ("2026-12-20", "day"): "The mayor resigned",
        ("2026-12-28", "day"): "The store reopened",
    }


def test_a_day_a_sentence_gives_and_the_day_it_lasts_until_are_one_stretch():
    body = (
        "Crews closed the Elm Street bridge on Monday after inspectors found cracks, and it will stay shut "
        "until Friday.\n"
        "The mayor did not declare an emergency until Sunday.\n"
        "The library closed in March and will stay shut until June 2027.\n"
        "Route 9 reopened on Tuesday."
    )
    found = {e.date: e.end_date for e in extract_events(article(body, "2026-05-10"))}
    assert found["2026-05-04"] == "2026-05-15"  # Monday to Friday: one stretch
    assert found["2026-03"] == "2027-06"
    assert found["2026-05-05"] is None  # no "until": a day
    assert "2026-05-15" not in found  # the end of a stretch is no event of its own


def test_a_count_read_as_a_day_of_a_list_is_no_date_of_the_list():
    body = "The closings will begin with 12 stores on Feb. 1 and 26 more on Feb. 22, the company said."
    found = {e.date: e.title for e in extract_events(article(body, "2027-01-19"))}
    assert found == {
        "2027-02-01": "The closings will begin with 12 stores",
        "2027-02-22": "The closings will begin with 26 more stores",
    }


@pytest.mark.parametrize(
    "text",
    [
        "FRIDAY HARBOR, Wash. — Fares will rise on July 1, the commission decided on Monday.",
        "MAY PEN, Jamaica — Schools reopened on Monday after the storm.",
        "MARCH AIR RESERVE BASE, Calif. (Wire) — The crew landed on Monday.",
    ],
)
def test_a_calendar_word_in_a_dateline_dates_nothing(text: str) -> None:
    events = extract_events(article(text, "2026-05-12"))
    assert events and all(e.date in ("2026-05-11", "2026-07-01") for e in events)


def test_a_name_modifying_an_institution_makes_no_person_of_the_event():
    body = (
        "Governor Maria Lindqvist signed the water bill on Monday. "
        "The Lindqvist administration said on Wednesday it would appeal the ruling. "
        "Lindqvist-era rules on wells were struck down on Thursday. Lindqvist vowed on Friday to fight on."
    )
    people = {e.date: {p.name for p in e.people} for e in extract_events(article(body))}
    assert people["2025-05-19"] == people["2025-05-16"] == {"Maria Lindqvist"}  # she acts
    assert people["2025-05-14"] == people["2025-05-15"] == set()  # the administration, the rules act


def test_a_named_happening_takes_the_people_and_place_of_the_words_that_tell_it():
    text = (
        "The jury deliberated for two days after closing arguments on March 3, when Prosecutor Ada Nwosu "
        "told jurors that Rex Palmer had planned the fraud.\n"
        "Many families who fled during last week's evacuation of Pine Flat are still at the shelter."
    )
    events = extract_events(article(text, "2026-03-12"))
    (arguments,) = on(events, "2026-03-03")
    assert arguments.title == "Closing arguments"
    assert [p.name for p in arguments.people] == ["Ada Nwosu", "Rex Palmer"]
    (evacuation,) = on(events, "2026-W10")
    assert [p.name for p in evacuation.places] == ["Pine Flat"]


def test_a_lead_sentence_puts_its_happening_where_a_trailing_phrase_says():
    text = (
        "Chile and Peru began a joint rescue on Friday, each side sending 40 divers to the border with "
        "Bolivia, officials said.\n"
        "The rescue is the first result of last week's summit in Lima, so far."
    )
    events = extract_events(article(text, "2026-03-14"))
    (rescue,) = on(events, "2026-03-13")
    assert [p.name for p in rescue.places] == ["Chile", "Peru", "Bolivia"]
    (summit,) = on(events, "2026-W10")
    assert summit.title == "The summit" and [p.name for p in summit.places] == ["Lima"]


def test_a_clock_time_of_something_doing_what_the_lead_told_is_the_hour_of_the_lead():
    text = (
        "DALTON, Ga. — A new public pool opened Saturday in Dalton's Riverside Park, and about 300 children "
        "swam on the first day.\n"
        "Parents waited in the shade before the gates opened at 10 a.m.\n"
        "The mayor said at noon that a second pool would follow."
    )
    events = extract_events(article(text, "2026-06-15"))
    (opening,) = [e for e in events if e.date == "2026-06-13" and "pool opened" in e.title]
    assert len(opening.sources) == 2 and "gates opened" in opening.sources[1].sentence
    assert not [e for e in events if e.title.startswith("The gates")]


def test_the_sentence_clause_tells_a_day_its_subjects_relative_clause_also_gives():
    """ "A storm that formed … on Monday morning flooded … by Monday night": one day, one event, told
    by the sentence's own clause, not by the relative clause inside its subject."""
    body = "A storm that formed over the gulf on Monday morning flooded two coastal towns by Monday night."
    events = extract_events(article(body, "2026-06-10"))
    assert [(e.date, e.title) for e in events] == [("2026-06-08", "A storm flooded two coastal towns")]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The bridge will reopen to traffic on March 3, the county roads department said Friday.",
            [("2026-03-03", "planned")],
        ),
        (  # a decision told like speech, and a named speaker's statement, are happenings of their own
            "The library will close for repairs in April, the trustees decided on Friday.",
            [("2026-02-13", "happened"), ("2026-04", "planned")],
        ),
    ],
)
def test_an_unnamed_announcement_of_a_dated_plan_is_the_plan_only(body, expected):
    """ "…, the department said Friday": the day it was said repeats the plan, whose own date dates it."""
    assert [(e.date, e.status) for e in extract_events(article(body, "2026-02-16"))] == expected


def test_a_clock_time_within_a_stretch_is_an_hour_of_every_day():
    body = (
        "Since early October the shuttle has run twice a day instead of hourly, and riders have had to "
        "board by 6:15 a.m. to reach the plant."
    )
    assert extract_events(article(body, "2026-11-20")) == []


def test_saved_ferry_page_has_one_return_and_no_daily_habit():
    ferry = read_article(PAGES / "reader-view-ferry-no-date.html", published="2025-11-06")
    found = [(e.date, e.title) for e in extract_events(ferry)]
    assert [d for d, t in found if t.startswith("The ferry will return")] == ["2025-12-01"], found
    assert not [t for _, t in found if "mainland" in t], found


def test_a_newsletter_addressing_its_readers_dates_nothing():
    """ "This week’s letter is about a drawer", "you bring the envelopes back in the fall": the writer
    talking to readers; the library's own plans stay."""
    letter = read_article(PAGES / "newsletter-post-seed-library.html")
    titles = [e.title for e in extract_events(letter)]
    assert not [t for t in titles if "letter" in t.lower() or t.lower().startswith("you ")], titles
    assert "The library will hold its first seed-saving workshop" in titles


def test_an_undated_sentence_carries_on_the_story_before_it_unless_it_sets_another_time():
    """ "The decision …" carries on a vote; set two years after another happening, it tells of then."""
    before = "A similar vote in 2019 failed by one vote. "
    carried = extract_events(article(before + "The decision surprised the parents.", "2024-05-17"))
    assert [len(e.sources) for e in carried] == [2]
    elsewhen = "The decision comes two years after the district closed Roosevelt Middle School."
    (event,) = extract_events(article(before + elsewhen, "2024-05-17"))
    assert [s.sentence for s in event.sources] == [before.strip()]


FIXTURE_ARTICLES = sorted(
    p
    for folder in ("temporal", "unseen", "pages", "sources", "events", "story", "story2", "story3", "story4")
    for p in (Path(__file__).parent / "fixtures" / folder).rglob("*")
    if p.suffix in (".txt", ".md", ".html")
)


@pytest.mark.parametrize("path", FIXTURE_ARTICLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_fixture_article_gives_well_formed_events(path: Path) -> None:
    """Whatever a fixture is for, extraction reads it whole: events with a title, a date that parses
    and sources quoted from the text (a clause-splitting rule once raised on a one-word stretch)."""
    day = re.match(r"\d{4}-\d{2}-\d{2}", path.name)
    try:
        source = read_article(path, published=day.group() if day else "2026-01-01")
    except SourceError as exc:  # a fixture of a refused page
        pytest.skip(f"not an article: {exc}")
    for event in extract_events(source):
        periods.parse(event.date)
        assert event.title.strip() and event.sources
        assert all(s.sentence in source.text for s in event.sources)


def test_a_copied_page_headline_dates_no_event_of_its_own():
    """ "Library to close for renovation, reopen in fall": the story tells it again, in full."""
    text = (
        "Library to close for renovation, reopen in fall\n\nBy Ann Lee\n\n"
        "MILLBROOK — The library will close its main branch on Saturday, June 1, the board said Tuesday.\n"
    )
    events = extract_events(article(text, "2024-05-14"))
    assert [(e.date, e.title) for e in events] == [("2024-06-01", "The library will close its main branch")]


def test_a_list_of_dates_that_opens_a_text_is_the_story_not_a_header():
    text = (
        "Key dates\n- Jan. 5: The council met\n- Feb. 2: The mayor resigned\n\n"
        "SPRINGFIELD — The council named a new mayor on Monday.\n"
    )
    assert sorted(e.date for e in extract_events(article(text, "2024-03-05"))) == [
        "2024-01-05",
        "2024-02-02",
        "2024-03-04",
    ]


def test_a_gap_and_its_anchor_on_two_lines_make_no_offset_date():
    text = "Prices rose 500 years after the\nQ3 slump."
    for event in extract_events(
        Article(path="t.txt", text=text, published=date(2000, 1, 1), title="t", slug="t")
    ):
        for source in event.sources:
            assert source.expression is None or source.expression in source.sentence
