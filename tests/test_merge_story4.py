"""Merging a fourth story end to end: a wildfire told by follow-ups over three and a half weeks.

tests/fixtures/story4 holds invented articles from four invented outlets and a wire service: a
fire that "started Sunday afternoon", recalled as "since it started on Aug. 3"; evacuation
orders issued "on Sunday night", expanded, lifted (and recalled as "last week's evacuation");
a shelter opened "Tuesday night" (a wire copy carried by two outlets); containment figures
each day, each its own event; a community meeting, a federal disaster declaration "expected
next week" and a recovery center "on Monday", each announced and then reported; one article
corrected under the same URL, which moves the day its sentence reports.  A fire story repeats
the same few words in every sentence ("fire", "orders", "residents"), so it tests that the
merge joins happenings, not topics.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
from fixtures.stories import (
    articles,
    batch_and_one_at_a_time,
    event_quoting,
    facts,
    ingested_again,
    reports_of,
    slug_of,
)

from timeline import store
from timeline.ingest import ingest
from timeline.merge import combine, merge

STORY = Path(__file__).resolve().parent / "fixtures" / "story4"
START = STORY / "2025-08-04-sierra-foothill-gazette-fire-forces-evacuations.md"
WIRE_SENTINEL = STORY / "2025-08-06-valley-sentinel-evacuations-expanded.md"
WIRE_HERALD = STORY / "2025-08-06-coastline-herald-evacuations-expanded.md"
RETURN = STORY / "2025-08-09-mountain-courier-millbrook-residents-return.md"
DECLARED = STORY / "2025-08-14-valley-sentinel-disaster-declaration.md"  # misstates a day
DECLARED_CORRECTED = STORY / "2025-08-14-valley-sentinel-disaster-declaration-corrected.md"
CENTER = STORY / "2025-08-19-coastline-herald-recovery-center-opens.md"
CONTAINED = STORY / "2025-08-28-sierra-foothill-gazette-fire-contained.md"
THE_STORY = [START, WIRE_SENTINEL, WIRE_HERALD, RETURN, DECLARED_CORRECTED, CENTER, CONTAINED]


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Path:
    """The story as a user adds it: one article at a time, the correction last."""
    content = tmp_path_factory.mktemp("story4") / "content"
    for path in [START, WIRE_SENTINEL, WIRE_HERALD, RETURN, DECLARED, CENTER, CONTAINED, DECLARED_CORRECTED]:
        assert ingest([path], content).ok, path.name
    return content


def test_the_fire_start_and_its_recollections_are_one_event(story):
    start = event_quoting(story, "wildfire that started Sunday afternoon", on="2025-08-03")
    assert (start.date, start.precision, start.status) == ("2025-08-03", "day", "happened")
    assert articles(start) == {slug_of(p) for p in (START, DECLARED, CONTAINED)}


def test_the_evacuation_ordered_the_same_night_is_another_event(story):
    ordered = event_quoting(story, "ordered the evacuation of about 1,800 residents")
    assert (ordered.date, ordered.precision, ordered.status) == ("2025-08-03", "day", "happened")
    assert ordered.id != event_quoting(story, "wildfire that started Sunday afternoon", on="2025-08-03").id


def test_last_weeks_evacuation_joins_the_evacuation_of_that_week(story):
    ordered = event_quoting(story, "ordered the evacuation of about 1,800 residents")
    assert articles(ordered) == {slug_of(START), slug_of(RETURN)}
    assert any("last week's evacuation of Alder Springs" in s.sentence for s in ordered.sources)


def test_the_declaration_expected_next_week_happened_and_shows_both_reports(story):
    declaration = event_quoting(story, "federal disaster declaration is expected next week")
    assert (declaration.date, declaration.precision, declaration.status) == ("2025-08-13", "day", "happened")
    assert articles(declaration) == {slug_of(p) for p in (WIRE_SENTINEL, WIRE_HERALD, DECLARED, CONTAINED)}
    page = (story / "events" / f"{declaration.slug}.md").read_text()
    assert "expected next week" in page and "approved a federal disaster declaration" in page


@pytest.mark.parametrize(
    ("announced", "reported", "day", "sources"),
    [
        ("community meeting about the fire on Wednesday", "At Wednesday's community meeting",
         "2025-08-06", (START, RETURN)),
        ("open a disaster recovery center in Millbrook on Monday", "recovery center opened Monday",
         "2025-08-18", (DECLARED, CENTER)),
    ],
)  # fmt: skip
def test_each_announcement_became_the_event_it_announced(story, announced, reported, day, sources):
    event = event_quoting(story, announced)
    assert (event.date, event.precision, event.status) == (day, "day", "happened")
    assert articles(event) == {slug_of(p) for p in sources}
    assert any(reported in s.sentence for s in event.sources)


def test_the_wire_copy_counts_once_per_outlet(story):
    shelter = event_quoting(story, "A second shelter opened Tuesday night")
    assert (shelter.date, shelter.precision) == ("2025-08-05", "day")
    carried = sorted(s.article for s in shelter.sources)
    assert carried == sorted([slug_of(WIRE_SENTINEL), slug_of(WIRE_HERALD)])
    assert len({s.sentence for s in shelter.sources}) == 1


def test_orders_expanded_and_homes_destroyed_the_same_day_stay_two_events(story):
    expanded = event_quoting(story, "expanded evacuation orders to the town of Millbrook")
    assert articles(expanded) == {slug_of(WIRE_SENTINEL), slug_of(WIRE_HERALD)}
    destroyed = event_quoting(story, "the fire destroyed dozens of homes on Tuesday")
    assert (destroyed.date, articles(destroyed)) == ("2025-08-05", {slug_of(RETURN)})


@pytest.mark.parametrize(
    ("words", "day"),
    [("0% contained on Monday", "2025-08-04"), ("82% contained on Thursday", "2025-08-14"),
     ("fully contained on Tuesday", "2025-08-26")],
)  # fmt: skip
def test_each_day_containment_figure_is_its_own_event(story, words, day):
    event = event_quoting(story, words, on=day)
    assert len(articles(event)) == 1


def test_the_correction_moves_its_sentence_to_the_day_it_now_reports(story):
    lifted = event_quoting(story, "lifted the last evacuation orders for Granite Flat")
    assert (lifted.date, lifted.status) == ("2025-08-12", "happened")
    assert articles(lifted) == {slug_of(DECLARED), slug_of(CONTAINED)}
    sentences = [s.sentence for e in store.load_events(story) for s in e.sources]
    assert not any("Granite Flat on Monday" in s for s in sentences)
    assert not [e for e in store.load_events(story) if e.date == "2025-08-11"]
    assert slug_of(DECLARED) == slug_of(DECLARED_CORRECTED)
    assert len(list((story / "sources").glob(f"{slug_of(DECLARED)}*.md"))) == 1


def test_the_planned_declaration_keeps_its_id_and_slug_as_reports_join(story, tmp_path):
    content = tmp_path / "content"
    ingest([WIRE_SENTINEL], content)
    planned = event_quoting(content, "federal disaster declaration is expected next week")
    assert (planned.precision, planned.status) == ("week", "planned")
    happened = event_quoting(story, "federal disaster declaration is expected next week")
    assert (happened.id, happened.slug) == (planned.id, planned.slug)


def test_ingesting_again_changes_no_byte(story, tmp_path):
    (report, _), unchanged = ingested_again(story, [[CONTAINED], THE_STORY], tmp_path / "content")
    assert (report.events_new, report.events_merged, report.events_updated) == (0, 0, 0)
    assert unchanged


def test_a_batch_and_reverse_order_ingests_give_the_same_events(story, tmp_path):
    expected = facts(store.load_events(story))
    assert batch_and_one_at_a_time(THE_STORY, tmp_path) == (expected, expected)


@pytest.mark.slow
def test_a_sample_of_orders_merges_the_same():
    """Seven articles have 5,040 orders: a fixed sample of them, merged one article at a time."""
    reports = reports_of(THE_STORY)
    orders = list(itertools.permutations(sorted(reports)))
    outcomes = set()
    for order in random.Random(4).sample(orders, 60):
        entries: list = []
        for slug in order:
            entries, _ = merge(entries, reports[slug], withdraw={slug})
        outcomes.add(facts(combine(e) for e in entries))
    assert len(outcomes) == 1
