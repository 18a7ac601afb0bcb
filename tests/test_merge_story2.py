"""Merging a second story end to end: a port strike told by follow-ups over five weeks.

tests/fixtures/story2 holds invented articles from five invented outlets: a walkout on a
Monday, talks "on Friday" that later articles report as "last Friday" and "the first round,
held on Sept. 12", a revised offer "expected on Sept. 15" then presented "at Monday's
session", a tentative deal, a ratification vote "next month" that the last article reports;
one wire copy carried by two outlets, one article corrected under the same URL.
"""

from __future__ import annotations

import math
from collections import Counter
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

STORY = Path(__file__).resolve().parent / "fixtures" / "story2"
WALKOUT = STORY / "2025-09-09-tidewater-gazette-dockworkers-walk-out.md"
WIRE_TRIBUNE = STORY / "2025-09-14-harbor-tribune-talks-break-off.md"
WIRE_POST = STORY / "2025-09-14-inland-post-talks-break-off.md"
OFFER = STORY / "2025-09-17-delta-courier-revised-offer.md"
DEAL = STORY / "2025-09-19-metro-daily-tentative-deal.md"  # misstates the raises
DEAL_CORRECTED = STORY / "2025-09-19-metro-daily-tentative-deal-corrected.md"
RATIFIED = STORY / "2025-10-10-tidewater-gazette-contract-ratified.md"
THE_STORY = [WALKOUT, WIRE_TRIBUNE, WIRE_POST, OFFER, DEAL_CORRECTED, RATIFIED]


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Path:
    """The story as a user adds it: one article at a time, the correction last."""
    content = tmp_path_factory.mktemp("story2") / "content"
    for path in [WALKOUT, WIRE_TRIBUNE, WIRE_POST, OFFER, DEAL, RATIFIED, DEAL_CORRECTED]:
        assert ingest([path], content).ok, path.name
    return content


def test_the_talks_announced_reported_and_recalled_are_one_happened_event(story):
    talks = event_quoting(story, "expected to resume talks on Friday")
    assert (talks.date, talks.precision, talks.status) == ("2025-09-12", "day", "happened")
    assert articles(talks) == {slug_of(p) for p in (WALKOUT, WIRE_TRIBUNE, WIRE_POST, OFFER)}
    assert any("first round of talks, held on Sept. 12" in s.sentence for s in talks.sources)


def test_the_offer_expected_then_presented_at_monday_session_is_one_event(story):
    offer = event_quoting(story, "a revised offer is expected on Sept. 15")
    assert (offer.date, offer.precision, offer.status) == ("2025-09-15", "day", "happened")
    assert articles(offer) == {slug_of(p) for p in (WIRE_TRIBUNE, WIRE_POST, OFFER)}
    assert any("at Monday's session" in s.sentence for s in offer.sources)


def test_the_walkout_gathers_its_back_references(story):
    walkout = event_quoting(story, "walked off the job on Monday")
    assert (walkout.date, walkout.precision, walkout.status) == ("2025-09-08", "day", "happened")
    assert {slug_of(WALKOUT), slug_of(OFFER)} <= articles(walkout)  # "last week's walkout"
    assert any("last week's walkout" in s.sentence for s in walkout.sources)


def test_the_vote_expected_next_month_happened_and_shows_both_reports(story):
    vote = event_quoting(story, "ratification vote by union members is expected next month")
    assert (vote.date, vote.precision, vote.status) == ("2025-10-09", "day", "happened")
    assert articles(vote) == {slug_of(DEAL), slug_of(RATIFIED)}
    page = (story / "events" / f"{vote.slug}.md").read_text()
    assert "expected next month" in page and "voted on Thursday to ratify" in page


def test_the_tentative_deal_is_one_event_with_its_later_mention(story):
    deal = event_quoting(story, "reached a tentative deal on Thursday", on="2025-09-18")
    assert (deal.precision, deal.status) == ("day", "happened")
    assert articles(deal) == {slug_of(DEAL), slug_of(RATIFIED)}


def test_the_wire_copy_counts_once_per_outlet(story):
    talks = event_quoting(story, "broke off last Friday without an agreement")
    carried = [s for s in talks.sources if "broke off last Friday" in s.sentence]
    assert sorted(s.article for s in carried) == sorted([slug_of(WIRE_TRIBUNE), slug_of(WIRE_POST)])
    assert len({s.sentence for s in carried}) == 1


def test_nothing_unrelated_is_merged(story):
    """Each happening is its own event: no event reports two different days' happenings."""
    events = store.load_events(story)
    for one in ("would return to work on Saturday", "start the automation committee's work next week"):
        assert len(event_quoting(story, one).sources) == 1
    dated = Counter((e.date, e.precision) for e in events)
    assert all(n == 1 for n in dated.values()), dated  # and no happening split in two


def test_the_correction_replaces_the_article_sentences(story):
    sentences = [s.sentence for e in store.load_events(story) for s in e.sources]
    assert not any("18 percent" in s for s in sentences)
    assert any("16 percent" in s for s in sentences)
    assert len(list((story / "sources").glob("metro-daily-*.md"))) == 1


def test_ingesting_again_changes_no_byte(story, tmp_path):
    (report, _), unchanged = ingested_again(story, [[RATIFIED], THE_STORY], tmp_path / "content")
    assert (report.events_new, report.events_merged, report.events_updated) == (0, 0, 0)
    assert unchanged


def test_a_batch_and_reverse_order_ingests_give_the_same_events(story, tmp_path):
    expected = facts(store.load_events(story))
    assert batch_and_one_at_a_time(THE_STORY, tmp_path) == (expected, expected)


@pytest.mark.slow
def test_every_order_merges_the_same():
    """All 720 orders of the story's articles give the same events (fixtures/stories.py walks them)."""
    outcomes = outcomes_of_every_order(THE_STORY)
    assert list(outcomes.values()) == [math.factorial(len(THE_STORY))]


def test_the_planned_talks_keep_their_id_and_slug_as_reports_join(story, tmp_path):
    content = tmp_path / "content"
    ingest([WALKOUT], content)
    planned = event_quoting(content, "expected to resume talks on Friday")
    assert planned.status == "planned" and len(planned.sources) == 1
    happened = event_quoting(story, "expected to resume talks on Friday")
    assert (happened.id, happened.slug) == (planned.id, planned.slug)
