"""Merging reports into events, on hand-built reports of the sample story and its follow-ups."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

import pytest

from timeline.merge import (
    WORD_FAMILIES,
    WORD_SENSES,
    Archive,
    Entry,
    cluster,
    combine,
    distinct_ids,
    merge,
    merge_into,
    report_key,
    words_of,
)
from timeline.model import Entity, Event, Source
from timeline.slugs import slugify

PEOPLE = {
    name: Entity(name, slugify(name), "person")
    for name in (
        "Vladimir Putin", "Putin", "Donald Trump", "Trump", "JD Vance", "Volodymyr Zelensky",
        "Marisol Okafor", "Okafor", "Grant Ellison", "Ruth Calloway", "Gerald Hanley", "Leon Hartsell",
    )
}  # fmt: skip
PLACES = {
    name: Entity(name, slugify(name), "place")
    for name in ("Istanbul", "Turkey", "Kyiv", "Ankara", "Savannah", "Oakland", "Spokane", "Wellington")
}


def report(article, published, date, sentence, people=(), places=(), status="happened", n=0):
    """One article's report of an event, as ``events.extract_events`` would give it."""
    precision = {10: "day", 8: "week", 7: "month", 4: "year"}[len(date)]
    title = sentence.split(",")[0][:60]
    return Event(
        id=f"{article}-{n}",
        slug=f"{slugify(date)}-{slugify(title, max_words=6)}",
        date=date,
        precision=precision,
        title=title,
        summary=sentence,
        status=status,
        people=tuple(PEOPLE[p] for p in people),
        places=tuple(PLACES[p] for p in places),
        sources=(Source(article, published, None, sentence),),
    )


# The sample (New York Post, Monday 2025-05-19), as extraction reports it.
POST = "nypost-2025-05-19"
CALL = report(
    POST, "2025-05-19", "2025-05-19",
    "Russian President Vladimir Putin doubled down Monday on not accepting a cease-fire following a "
    "two-hour call with President Trump.",
    people=("Vladimir Putin", "Donald Trump"), n=0,
)  # fmt: skip
TALKS = report(
    POST, "2025-05-19", "2025-05-16",
    "Ukrainian and Russian officials met face-to-face on Friday in Turkey for the first time in more "
    "than three years, opting to hold talks despite Putin declining to attend.",
    people=("Vladimir Putin",), places=("Turkey", "Istanbul"), n=1,
)  # fmt: skip
VANCE = report(
    POST, "2025-05-19", "2025-05-19",
    "Earlier Monday, Vice President JD Vance told reporters on Air Force Two that the administration "
    "wanted to see if Putin was serious about negotiating peace.",
    people=("JD Vance", "Vladimir Putin"), n=2,
)  # fmt: skip

# Follow-ups: a wire story carried by two outlets, an announcement, the report of it.
WIRE_A = "harbor-2025-05-21-kremlin"
WIRE_B = "valley-2025-05-21-kremlin"
WIRE_SENTENCE = (
    "The Kremlin said Wednesday that Monday's call between Putin and Trump had opened the way to a "
    "memorandum on a future peace deal."
)
WIRE_CALL_A = report(WIRE_A, "2025-05-21", "2025-05-19", WIRE_SENTENCE, ("Putin", "Trump"))
WIRE_CALL_B = report(WIRE_B, "2025-05-21", "2025-05-19", WIRE_SENTENCE, ("Putin", "Trump"))
LOOKBACK = "ledger-2025-05-23-lookback"
LAST_WEEK = report(
    LOOKBACK, "2025-05-23", "2025-W20",
    "Last week's talks in Istanbul ended with a promise to trade proposals.", places=("Istanbul",),
)  # fmt: skip
PLANNED_AT = "courier-2025-05-28-round-two"
PLANNED = report(
    PLANNED_AT, "2025-05-28", "2025-06-02",
    "The delegations are expected to meet again in Istanbul on June 2, Turkish officials said.",
    places=("Istanbul",), status="planned",
)  # fmt: skip
PHONE_CALL = report(
    PLANNED_AT, "2025-05-28", "2025-05-19",
    "Trump has not spoken to Putin since their May 19 phone call.", ("Trump", "Putin"), n=1,
)  # fmt: skip
HELD_AT = "ledger-2025-06-03-round-two"
HELD = report(
    HELD_AT, "2025-06-03", "2025-06-02",
    "Russian and Ukrainian delegations met in Istanbul on Monday for a second round of talks that "
    "lasted just over an hour.",
    places=("Istanbul",),
)  # fmt: skip
FIRST_ROUND = report(
    HELD_AT, "2025-06-03", "2025-05-16",
    "The first round, held on May 16 in Istanbul, produced an agreement to hold more talks.",
    places=("Istanbul",), n=1,
)  # fmt: skip
KYIV = report(
    HELD_AT, "2025-06-03", "2025-06-02",
    "In Kyiv, air raid sirens sounded on Monday as Russian drones struck the city's outskirts.",
    places=("Kyiv",), n=2,
)  # fmt: skip

ARTICLES = {
    POST: [CALL, TALKS, VANCE],
    WIRE_A: [WIRE_CALL_A],
    WIRE_B: [WIRE_CALL_B],
    LOOKBACK: [LAST_WEEK],
    PLANNED_AT: [PLANNED, PHONE_CALL],
    HELD_AT: [HELD, FIRST_ROUND, KYIV],
}


def ingest_in_order(order, entries=()):
    """Merge the articles one at a time, as separate ingests would."""
    entries = list(entries)
    for article in order:
        entries, _ = merge(entries, ARTICLES[article], withdraw={article})
    return entries


def facts(entries):
    """What must not depend on ingest order: dates, precisions, statuses and sources."""
    out = set()
    for entry in entries:
        e = combine(entry)
        out.add((e.date, e.precision, e.end_date, e.status, e.sources))
    return out


def event_with(entries, sentence_start):
    found = [
        combine(e) for e in entries if any(s.sentence.startswith(sentence_start) for s in combine(e).sources)
    ]
    assert len(found) == 1, f"{sentence_start!r} is in {len(found)} events"
    return found[0]


def test_the_whole_story_merges_into_the_right_events():
    entries = ingest_in_order(ARTICLES)
    call = event_with(entries, "Russian President Vladimir Putin doubled down")
    assert {s.article for s in call.sources} == {POST, WIRE_A, WIRE_B, PLANNED_AT}
    talks = event_with(entries, "Ukrainian and Russian officials met")
    assert {s.article for s in talks.sources} == {POST, LOOKBACK, HELD_AT}
    assert (talks.date, talks.precision) == ("2025-05-16", "day")
    second = event_with(entries, "The delegations are expected")
    assert second.status == "happened" and {s.article for s in second.sources} == {PLANNED_AT, HELD_AT}
    assert second.title.startswith("Russian and Ukrainian delegations met")  # the report, not the plan
    assert len(event_with(entries, "Earlier Monday, Vice President").sources) == 1
    assert len(event_with(entries, "In Kyiv, air raid sirens").sources) == 1
    assert len(entries) == 5


def test_the_same_wire_copy_from_two_outlets_is_two_sources_of_one_event():
    (entry,) = cluster([WIRE_CALL_A, WIRE_CALL_B])[:1]
    assert len(entry) == 2
    event = combine(Entry("x", "x", entry))
    assert [s.article for s in event.sources] == [WIRE_A, WIRE_B]


@pytest.mark.parametrize(
    "back_reference", [PHONE_CALL, WIRE_CALL_A], ids=["May 19 phone call", "Monday's call"]
)
def test_a_loose_back_reference_finds_the_call_not_the_other_event_that_day(back_reference):
    groups = cluster([CALL, VANCE, back_reference])
    assert sorted(len(g) for g in groups) == [1, 2]
    assert next(g for g in groups if len(g) == 2)[0] in (CALL, back_reference)
    assert {CALL, back_reference} == set(next(g for g in groups if len(g) == 2))


def test_last_week_holds_friday_and_the_day_refines_the_week():
    (group,) = cluster([LAST_WEEK, TALKS])
    event = combine(Entry("x", "x", group))
    assert (event.date, event.precision) == ("2025-05-16", "day")
    assert {s.article for s in event.sources} == {POST, LOOKBACK}


def test_a_week_that_does_not_hold_the_day_keeps_two_events():
    other_week = replace(LAST_WEEK, date="2025-W21")
    assert len(cluster([other_week, TALKS])) == 2


def test_when_unsure_two_events_are_kept():
    # same day, talks both, but in different places
    ankara = report(
        "gazette-2025-06-03-ankara", "2025-06-03", "2025-06-02",
        "Zelensky met Turkish leaders in Ankara on Monday for talks on a longer ceasefire.",
        people=("Volodymyr Zelensky",), places=("Ankara",),
    )  # fmt: skip
    assert len(cluster([HELD, ankara])) == 2
    # same day, only the day in common
    assert len(cluster([HELD, KYIV])) == 2
    # one article's reports are its own events, however alike
    twin = replace(CALL, id="twin")
    assert len(cluster([CALL, twin])) == 2


def test_a_planned_event_becomes_happened_and_shows_both_sources():
    entries, _ = merge([], [PLANNED])
    before = combine(entries[0])
    assert before.status == "planned"
    entries, decisions = merge(entries, [HELD, FIRST_ROUND, KYIV], withdraw={HELD_AT})
    after = event_with(entries, "The delegations are expected")
    assert after.status == "happened"
    assert [s.article for s in after.sources] == [PLANNED_AT, HELD_AT]
    assert (after.id, after.slug) == (before.id, before.slug)
    assert ("merged", before.id) in {(d.kind, d.id) for d in decisions}


def test_an_event_keeps_its_id_and_slug_when_sources_join():
    entries = ingest_in_order([HELD_AT])
    first = event_with(entries, "The first round, held on May 16")
    entries = ingest_in_order([LOOKBACK, POST, WIRE_A], entries)
    joined = event_with(entries, "The first round, held on May 16")
    assert len(joined.sources) == 3
    assert (joined.id, joined.slug) == (first.id, first.slug)
    assert joined.title != first.title  # the earliest report now gives the wording


ORDER_FREE = [POST, WIRE_A, WIRE_B, LOOKBACK, PLANNED_AT, HELD_AT]


def test_any_ingest_order_gives_the_same_events():
    expected = facts(ingest_in_order(ORDER_FREE))
    for order in itertools.permutations(ORDER_FREE):
        assert facts(ingest_in_order(order)) == expected, order


def test_one_batch_gives_the_same_events_as_one_article_at_a_time():
    batch, _ = merge([], [r for a in ORDER_FREE for r in ARTICLES[a]], withdraw=ORDER_FREE)
    assert facts(batch) == facts(ingest_in_order(ORDER_FREE))


def test_merging_only_what_new_reports_reach_equals_clustering_everything():
    everything = sorted(
        sorted(map(report_key, g)) for g in cluster([r for a in ARTICLES for r in ARTICLES[a]])
    )
    for order in itertools.permutations(ARTICLES):
        merged = sorted(sorted(map(report_key, e.reports)) for e in ingest_in_order(order))
        assert merged == everything, order


def test_ingesting_an_article_again_changes_nothing():
    entries = ingest_in_order(ORDER_FREE)
    again, decisions = merge(entries, ARTICLES[HELD_AT], withdraw={HELD_AT})
    assert again == entries and decisions == []


def test_a_corrected_article_replaces_its_sentences():
    entries = ingest_in_order([POST, HELD_AT])
    fixed = replace(
        FIRST_ROUND,
        id="fixed-0",
        summary=FIRST_ROUND.summary.replace("more talks", "further talks"),
        sources=(replace(FIRST_ROUND.sources[0], sentence=FIRST_ROUND.summary.replace("more", "further")),),
    )
    corrected = [HELD, fixed, KYIV]
    after, _ = merge(entries, corrected, withdraw={HELD_AT})
    talks = event_with(after, "Ukrainian and Russian officials met")
    assert [s.sentence for s in talks.sources if s.article == HELD_AT] == [fixed.sources[0].sentence]
    assert talks.id == event_with(entries, "Ukrainian and Russian officials met").id


def test_an_event_only_a_corrected_article_reported_goes_when_the_correction_drops_it():
    entries = ingest_in_order([POST, HELD_AT])
    kyiv = event_with(entries, "In Kyiv, air raid sirens")
    moved = replace(KYIV, date="2025-06-01", id=f"{HELD_AT}-9")  # the correction: it was Sunday
    after, decisions = merge(entries, [HELD, FIRST_ROUND, moved], withdraw={HELD_AT})
    assert kyiv.id not in {e.id for e in after}
    assert ("removed", kyiv.id) in {(d.kind, d.id) for d in decisions}
    assert event_with(after, "In Kyiv, air raid sirens").date == "2025-06-01"


def test_a_corrected_sentence_keeps_the_event_of_its_only_article():
    entries, _ = merge([], [KYIV])
    reworded = replace(KYIV, id="other-id", sources=(replace(KYIV.sources[0], sentence="Sirens sounded."),))
    after, _ = merge(entries, [reworded], withdraw={HELD_AT})
    assert [(e.id, e.slug) for e in after] == [(entries[0].id, entries[0].slug)]
    assert combine(after[0]).sources[0].sentence == "Sirens sounded."


def test_new_events_do_not_take_reserved_slugs_or_ids():
    entries, _ = merge([], [KYIV], reserved={KYIV.slug, KYIV.id})
    assert entries[0].slug == f"{KYIV.slug}-2" and entries[0].id == f"{KYIV.id}-2"


def test_a_new_event_does_not_take_the_slug_or_id_of_an_event_it_does_not_reach():
    """An event no new report links to is kept as it was, without being looked at again;
    its id and slug stay taken all the same."""
    entries, _ = merge([], [KYIV])
    # The same words, id and slug from another article, a month later: no link reaches Kyiv's event.
    later = replace(
        KYIV,
        date="2025-07-07",
        sources=(replace(KYIV.sources[0], article="kyiv-independent-2025-07-08", published="2025-07-08"),),
    )
    after, decisions = merge(entries, [later], withdraw={"kyiv-independent-2025-07-08"})
    assert after[0] is entries[0]
    assert after[1].slug == f"{KYIV.slug}-2" and after[1].id == f"{KYIV.id}-2"
    assert [(d.kind, d.id) for d in decisions] == [("new", after[1].id)]


def test_merge_into_reads_only_the_reports_that_new_ones_can_reach():
    """The archive's reports are read on demand: a year of other news is never read, and the
    merge is the same as over every report in memory."""
    story = ingest_in_order(ORDER_FREE)
    other_news = [
        report(f"gazette-2024-{m:02d}-{d:02d}", f"2024-{m:02d}-{d:02d}", f"2024-{m:02d}-{d:02d}",
               "Talks in Istanbul on the grain corridor resumed, officials said.", places=("Istanbul",))
        for m in range(1, 13) for d in (3, 17)
    ]  # fmt: skip
    entries, _ = merge(story, other_news, withdraw={r.sources[0].article for r in other_news})
    archive = Archive.of(entries)
    asked = []
    reading = replace(archive, report=lambda key: asked.append(key) or archive.report(key))
    changed, regrouped, _ = merge_into(reading, ARTICLES[HELD_AT], withdraw={HELD_AT})
    assert asked and not {report_key(r) for r in other_news} & set(asked)
    expected, _ = merge(entries, ARTICLES[HELD_AT], withdraw={HELD_AT})
    gone = {e.id for e in changed}
    assert sorted([*(e for e in entries if e.id not in gone), *regrouped], key=lambda e: e.id) == sorted(
        expected, key=lambda e: e.id
    )


def test_a_week_holds_its_first_and_last_days_for_linking():
    """The pool finds a report of a wider period holding a new one's day at either edge."""
    week = replace(LAST_WEEK, date="2025-W21")  # Monday 19 May to Sunday 25 May
    for day in ("2025-05-19", "2025-05-25"):
        held = replace(TALKS, date=day)
        entries, _ = merge([], [week], withdraw={LOOKBACK})
        after, _ = merge(entries, [held], withdraw={POST})
        assert len(after) == 1, day


def test_people_named_shortly_and_in_full_are_one_person():
    (group,) = cluster([CALL, WIRE_CALL_A])
    event = combine(Entry("x", "x", group))
    assert [p.name for p in event.people] == ["Vladimir Putin", "Donald Trump"]


def test_duplicate_report_ids_of_one_article_are_made_distinct():
    assert [r.id for r in distinct_ids([CALL, CALL, CALL])] == [CALL.id, f"{CALL.id}-2", f"{CALL.id}-3"]


@pytest.mark.parametrize("family", WORD_FAMILIES, ids=[f[0] for f in WORD_FAMILIES])
def test_each_word_family_example_pair_shares_the_family(family):
    key, _members, (one, other) = family
    assert key in words_of(one) and key in words_of(other)


@pytest.mark.parametrize(
    ("phrase", "family"), [example for *_, examples in WORD_SENSES for example in examples], ids=str
)
def test_an_ambiguous_word_takes_its_family_from_its_sentence(phrase, family):
    assert family in words_of(phrase)


def test_a_labour_strike_and_an_air_strike_on_one_day_stay_two_events():
    walkout = report(
        "gazette-2025-09-09", "2025-09-09", "2025-09-08",
        "Dockworkers went on strike at the port on Monday after contract talks collapsed.",
        places=("Savannah",),
    )  # fmt: skip
    attack = report(
        "courier-2025-09-09", "2025-09-09", "2025-09-08",
        "A missile strike hit the port on Monday, killing two workers.", places=("Savannah",),
    )  # fmt: skip
    picket = report(
        "ledger-2025-09-10", "2025-09-10", "2025-09-08",
        "The walkout that began at the port on Monday has idled 40 ships.", places=("Savannah",),
    )  # fmt: skip
    groups = {frozenset(r.id for r in group) for group in cluster([walkout, attack, picket])}
    assert groups == {frozenset({walkout.id, picket.id}), frozenset({attack.id})}


def test_an_abbreviated_month_is_no_name_two_reports_share():
    one = report("review-2026-09-17", "2026-09-17", "2026-10-29", "Lumen will report results on Oct. 29.")
    other = report("ledger-2026-10-06", "2026-10-06", "2026-10-29", "Harrow will report results on Oct. 29.")
    assert len(cluster([one, other])) == 2


def test_a_negated_word_is_not_the_word():
    assert words_of("she pleaded not guilty") & words_of("he pleaded guilty") == {"plea"}
    assert "not agreeme" in words_of("talks ended without agreement")


def test_names_and_stop_words_are_not_wording():
    sentence = "Last week Putin told reporters in Istanbul that Russian forces advanced."
    assert words_of(sentence) == words_of("forces advanced") == words_of("the force advances")
    assert len(words_of(sentence)) == 2


def test_sources_are_ordered_by_publication_then_article():
    entries = ingest_in_order([HELD_AT, LOOKBACK, POST])
    talks = event_with(entries, "Ukrainian and Russian officials met")
    keys = [(s.published, s.article) for s in talks.sources]
    assert keys == sorted(keys)
    assert re.fullmatch(r"[a-z0-9-]+", talks.slug)


# A second story (a port strike, September 2025), with the loose back-references of its follow-ups.
GAZETTE = "gazette-2025-09-09-walkout"
WALKOUT = report(
    GAZETTE, "2025-09-09", "2025-09-08",
    "SAVANNAH, Ga. — Hundreds of dockworkers walked off the job on Monday after contract talks stalled.",
    places=("Savannah",),
)  # fmt: skip
RESUME = report(
    GAZETTE, "2025-09-09", "2025-09-12",
    "Both sides are expected to resume talks on Friday at a federal mediation office, a mediator said.",
    status="planned", n=1,
)  # fmt: skip
WIRE_STRIKE = (
    "SAVANNAH, Ga. (Gulfline Wire) — Negotiations between striking dockworkers and the port authority "
    "broke off last Friday without an agreement."
)
TRIBUNE, POST_WIRE = "tribune-2025-09-14-talks", "inland-post-2025-09-14-talks"
BROKE_OFF = [
    report(a, "2025-09-14", "2025-09-12", WIRE_STRIKE, places=("Savannah",)) for a in (TRIBUNE, POST_WIRE)
]
COURIER = "courier-2025-09-17-offer"
FIRST_HELD = report(
    COURIER, "2025-09-17", "2025-09-12",
    "The first round of talks, held on Sept. 12, had ended after less than two hours.",
)  # fmt: skip
LAST_WEEKS_WALKOUT = report(
    COURIER, "2025-09-17", "2025-W37",
    "Okafor warned that last week's walkout by dockworkers showed members would stay out.",
    people=("Okafor",), n=1,
)  # fmt: skip
OFFER_SESSION = report(
    COURIER, "2025-09-17", "2025-09-15",
    "ATLANTA — The port authority presented a revised offer to the union at Monday's session.", n=2,
)  # fmt: skip
DAILY = "daily-2025-09-19-deal"
VOTE_NEXT_MONTH = report(
    DAILY, "2025-09-19", "2025-10", "A ratification vote by union members is expected next month.",
    status="planned",
)  # fmt: skip
RATIFY_AT = "gazette-2025-10-10-ratified"
RATIFIED = report(
    RATIFY_AT, "2025-10-10", "2025-10-09",
    "SAVANNAH, Ga. — Members of the Harbor Workers Union voted on Thursday to ratify a four-year contract.",
    people=("Marisol Okafor",), places=("Savannah",),
)  # fmt: skip
STRIKE = {
    GAZETTE: [WALKOUT, RESUME],
    TRIBUNE: [BROKE_OFF[0]],
    POST_WIRE: [BROKE_OFF[1]],
    COURIER: [FIRST_HELD, LAST_WEEKS_WALKOUT, OFFER_SESSION],
    DAILY: [VOTE_NEXT_MONTH],
    RATIFY_AT: [RATIFIED],
}


def strike_in_order(order):
    entries = []
    for article in order:
        entries, _ = merge(entries, STRIKE[article], withdraw={article})
    return entries


def test_the_strike_story_merges_into_the_right_events():
    entries = strike_in_order(STRIKE)
    talks = event_with(entries, "Both sides are expected to resume talks")
    assert (talks.date, talks.status) == ("2025-09-12", "happened")
    assert [s.article for s in talks.sources] == [GAZETTE, POST_WIRE, TRIBUNE, COURIER]
    walkout = event_with(entries, "SAVANNAH, Ga. — Hundreds of dockworkers")
    assert (walkout.date, walkout.precision) == ("2025-09-08", "day")
    assert {s.article for s in walkout.sources} == {GAZETTE, COURIER}
    vote = event_with(entries, "A ratification vote")
    assert (vote.date, vote.precision, vote.status) == ("2025-10-09", "day", "happened")
    assert {s.article for s in vote.sources} == {DAILY, RATIFY_AT}
    assert len(event_with(entries, "ATLANTA — The port authority").sources) == 1
    assert len(entries) == 4


def test_the_same_kind_of_happening_on_the_same_day_is_one_event():
    assert len(cluster([RESUME, FIRST_HELD])) == 1
    # the same day but another kind of happening: two
    assert len(cluster([WALKOUT, replace(OFFER_SESSION, date="2025-09-08")])) == 2
    # the same kind in a week, not on a day: the day alone does not count
    assert len(cluster([replace(RESUME, date="2025-W37", precision="week"), FIRST_HELD])) == 2


def test_a_common_noun_matches_the_name_it_stands_for():
    # "union members" (a month ahead) and "Members of the Harbor Workers Union" (the day)
    assert len(cluster([VOTE_NEXT_MONTH, RATIFIED])) == 1
    assert len(cluster([VOTE_NEXT_MONTH, replace(RATIFIED, places=(PLACES["Oakland"],))])) == 1
    lone = replace(RATIFIED, summary="Dockworkers voted on Thursday.", sources=(
        replace(RATIFIED.sources[0], sentence="Dockworkers voted on Thursday."),))  # fmt: skip
    assert len(cluster([VOTE_NEXT_MONTH, lone])) == 2


def test_a_dateline_is_not_a_name():
    assert words_of("SAVANNAH, Ga. — Members voted.") == words_of("members voted")
    assert words_of("MOSCOW (Meridian Press) — Talks ended.") == words_of("talks ended")


def test_any_ingest_order_of_the_strike_story_gives_the_same_events():
    expected = facts(strike_in_order(STRIKE))
    for order in itertools.permutations(STRIKE):
        assert facts(strike_in_order(order)) == expected, order


# Reports from other fields, which one content folder may hold beside the stories above.


def test_a_name_of_several_words_counts_once():
    # "City Council" is one name, not two people: approving in June is not the Lakewood budget
    plan = report(
        "ledger-2025-11-05", "2025-11-05", "2025-06", "The City Council approved the zoning plan in June."
    )
    budget = report(
        "courier-2025-06-24", "2025-06-24", "2025-06-23",
        "The Lakewood City Council on Monday approved a budget for the coming year.",
    )  # fmt: skip
    assert len(cluster([plan, budget])) == 2


def test_last_weeks_happening_joins_the_day_of_that_week_by_a_name_both_write():
    ordered = report(
        "gazette-2025-08-04", "2025-08-04", "2025-08-03",
        "Sheriff Ruth Calloway ordered the evacuation of Alder Springs and Granite Flat on Sunday night.",
        people=("Ruth Calloway",),
    )  # fmt: skip
    recalled = report(
        "courier-2025-08-09", "2025-08-09", "2025-W31",
        "Families who fled during last week's evacuation of Alder Springs are still at the shelter.",
    )  # fmt: skip
    assert len(cluster([ordered, recalled])) == 1
    # the kind of happening alone is not enough for a week: "last week's evacuation" of somewhere else
    elsewhere = replace(recalled, summary=recalled.summary.replace("Alder Springs", "Lone Pine"))
    elsewhere = replace(elsewhere, sources=(replace(recalled.sources[0], sentence=elsewhere.summary),))
    assert len(cluster([ordered, elsewhere])) == 2
    # … also when extraction recognised the place in one report and the other only writes its name
    alder = Entity("Alder Springs", "alder-springs", "place")
    assert len(cluster([replace(ordered, places=(alder,)), recalled])) == 1


def test_orders_expanded_and_homes_destroyed_on_one_day_are_two_kinds_of_happening():
    expanded = report(
        "wire-2025-08-06", "2025-08-06", "2025-08-05",
        "Authorities expanded evacuation orders to the town of Millbrook on Tuesday as the Cedar Ridge "
        "Fire jumped a ridge.",
    )  # fmt: skip
    destroyed = report(
        "courier-2025-08-09", "2025-08-09", "2025-08-05",
        "Orders remain in place for Granite Flat, where the fire destroyed dozens of homes on Tuesday.",
    )  # fmt: skip
    assert len(cluster([expanded, destroyed])) == 2


VERDICT = report(
    "tribune-2026-01-15", "2026-01-15", "2026-01-14",
    "SPOKANE, Wash. — A federal jury on Wednesday convicted former Spokane County treasurer Gerald Hanley "
    "of wire fraud.",
    people=("Gerald Hanley",), places=("Spokane",),
)  # fmt: skip
OPENING = (
    "The verdict came nine days after opening statements on Jan. 14, when Prosecutor Leon Hartsell told "
    "jurors that Whitlock had treated the county treasury like a checking account."
)


@pytest.mark.parametrize("people", [("Leon Hartsell",), ()], ids=["extracted", "named in another clause"])
def test_reports_naming_other_people_on_one_day_stay_two_events(people):
    other_case = report("sentinel-2026-01-24", "2026-01-24", "2026-01-14", OPENING, people=people)
    assert len(cluster([VERDICT, other_case])) == 2
    # the same sentence about the same man is the same verdict
    same = OPENING.replace("Prosecutor Leon Hartsell", "prosecutors").replace("Whitlock", "Gerald Hanley")
    assert len(cluster([VERDICT, report("sentinel-2026-01-24", "2026-01-24", "2026-01-14", same)])) == 1


def test_beyond_a_week_shared_wording_alone_is_not_enough():
    expected = report(
        "ledger-2026-03-20", "2026-03-20", "2026-05",
        "Most economists surveyed expected a quarter-point cut in May.", status="planned",
    )  # fmt: skip
    decision = report(
        "review-2026-05-15", "2026-05-15", "2026-05-20",
        "Most economists now expect a cut of a quarter point when the bank meets on May 20.",
        status="planned",
    )  # fmt: skip
    assert len(cluster([expected, decision])) == 2
    # the same wording with a place both name is enough
    here = [replace(r, places=(PLACES["Wellington"],)) for r in (expected, decision)]
    assert len(cluster(here)) == 1
