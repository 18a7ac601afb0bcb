"""Merging a third story end to end: a court case told over four months.

tests/fixtures/story3 holds invented articles from three invented outlets: an arrest "on
Friday" that later articles recall as "arrested Oct. 3"; an arraignment "scheduled on
Oct. 14" that a wire story (carried by two outlets) reports as a plea "Tuesday" and a later
article as "pleaded not guilty last month"; a trial "set for Jan. 12" that begins with jury
selection "Monday"; a ruling, a verdict and a sentencing date, each its own event.  The court
language is new to the merge (arraigned/pleaded, convicted/verdict), and a second court story
in the same content folder (a fraud verdict with a co-defendant who "pleaded guilty in
October") must not mix with this one.
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from fixtures.stories import (
    articles,
    batch_and_one_at_a_time,
    event_quoting,
    facts,
    ingested_again,
    outcomes_of_every_order,
    slug_of,
)

from timeline import store
from timeline.ingest import ingest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
STORY = FIXTURES / "story3"
ARREST = STORY / "2025-10-04-fairview-sentinel-treasurer-arrested.md"
WIRE_LEDGER = STORY / "2025-10-14-columbus-ledger-treasurer-pleads.md"
WIRE_COURIER = STORY / "2025-10-14-dayton-courier-treasurer-pleads.md"
RULING = STORY / "2025-11-20-fairview-sentinel-trial-stays.md"
JURY = STORY / "2026-01-13-columbus-ledger-jury-selection.md"
VERDICT = STORY / "2026-01-24-fairview-sentinel-verdict.md"
THE_STORY = [ARREST, WIRE_LEDGER, WIRE_COURIER, RULING, JURY, VERDICT]
OTHER_CASE = FIXTURES / "unseen" / "2026-01-15-cascade-tribune-fraud-verdict.md"


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Path:
    """The story as a user adds it, one article at a time, with another court story beside it."""
    content = tmp_path_factory.mktemp("story3") / "content"
    for path in [OTHER_CASE, *THE_STORY]:
        assert ingest([path], content).ok, path.name
    return content


def test_the_arrest_and_its_recollections_are_one_event(story):
    arrest = event_quoting(story, "was arrested Friday at her home")
    assert (arrest.date, arrest.precision, arrest.status) == ("2025-10-03", "day", "happened")
    assert articles(arrest) == {slug_of(p) for p in (ARREST, WIRE_LEDGER, WIRE_COURIER, JURY, VERDICT)}
    recalled = {s.expression for s in arrest.sources if "who was arrested" in s.sentence}
    assert recalled == {"Oct. 3", "October", "October 2025"}


def test_the_scheduled_arraignment_became_the_plea_and_shows_both_reports(story):
    plea = event_quoting(story, "scheduled to be arraigned on Oct. 14")
    assert (plea.date, plea.precision, plea.status) == ("2025-10-14", "day", "happened")
    assert articles(plea) == {slug_of(p) for p in (ARREST, WIRE_LEDGER, WIRE_COURIER, RULING)}
    page = (story / "events" / f"{plea.slug}.md").read_text()
    assert "scheduled to be arraigned" in page and "pleaded not guilty Tuesday" in page
    assert "pleaded not guilty last month" in page


def test_another_case_guilty_plea_is_not_this_not_guilty_plea(story):
    other = event_quoting(story, "pleaded guilty in October")
    assert slug_of(ARREST) not in articles(other) and slug_of(RULING) not in articles(other)
    assert articles(other) == {slug_of(OTHER_CASE)}


def test_the_trial_set_for_a_date_then_begun_is_one_happened_event(story):
    trial = event_quoting(story, "Jury selection began Monday")
    assert (trial.date, trial.precision, trial.status) == ("2026-01-12", "day", "happened")
    assert articles(trial) == {slug_of(p) for p in (WIRE_LEDGER, WIRE_COURIER, RULING, JURY)}


def test_opening_statements_expected_then_recalled_are_one_happened_event(story):
    opening = event_quoting(story, "Opening statements are expected Wednesday")
    assert (opening.date, opening.status) == ("2026-01-14", "happened")
    assert {slug_of(JURY), slug_of(VERDICT)} <= articles(opening)


def test_the_wire_copy_counts_once_per_outlet(story):
    plea = event_quoting(story, "pleaded not guilty Tuesday")
    carried = sorted(s.article for s in plea.sources if "pleaded not guilty Tuesday" in s.sentence)
    assert carried == sorted([slug_of(WIRE_LEDGER), slug_of(WIRE_COURIER)])


@pytest.mark.parametrize(
    ("words", "date", "status"),
    [
        ("refused to move the embezzlement trial", "2025-11-19", "happened"),
        ("jury on Friday convicted former Treasurer Dana Whitlock", "2026-01-23", "happened"),
        ("Sentencing is set for March 3", "2026-03-03", "planned"),
    ],
)
def test_each_other_step_of_the_case_is_its_own_event(story, words, date, status):
    event = event_quoting(story, words)
    assert (event.date, event.status) == (date, status)
    assert len(articles(event)) == 1  # ("The verdict came nine days after ..." tells the same verdict)


def test_ingesting_again_changes_no_byte(story, tmp_path):
    _, unchanged = ingested_again(story, [THE_STORY], tmp_path / "content")
    assert unchanged


def test_a_batch_gives_the_same_events_as_one_at_a_time(story, tmp_path):
    expected = facts(store.load_events(story))
    assert batch_and_one_at_a_time([*reversed(THE_STORY), OTHER_CASE], tmp_path) == (expected, expected)


@pytest.mark.slow
def test_every_order_merges_the_same():
    """All 720 orders of the story's articles give the same events (fixtures/stories.py walks them)."""
    outcomes = outcomes_of_every_order(THE_STORY)
    assert list(outcomes.values()) == [math.factorial(len(THE_STORY))]
