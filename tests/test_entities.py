"""People and places: found by signals, named by the longest form the article uses, slugged."""

from __future__ import annotations

import pytest

from timeline import entities, lexicon
from timeline.slugs import slugify
from timeline.sources import read_article

ENTITY_TABLES = (
    "titles", "speech-verbs", "demonyms", "organisations", "places", "not-places", "function-words",
    "calendar-words", "name-particles", "not-people", "named-things", "kinship",
    "former-names", "place-prepositions", "families", "place-types", "place-leads", "story-labels",
)  # fmt: skip


def names(text: str, kind: str | None = None) -> set[str]:
    return {m.entity.name for m in entities.find(text) if kind in (None, m.entity.kind)}


@pytest.mark.parametrize(
    ("table", "example"), [(t, e) for t in ENTITY_TABLES for e in lexicon.table(t).examples]
)
def test_every_table_example_finds_exactly_its_entities(table, example):
    text, expected = example.rsplit(" => ", 1)
    wanted = set() if expected == "-" else {n.strip() for n in expected.split(";")}
    assert names(text) == wanted, table


@pytest.fixture(scope="module")
def sample(seed_article) -> str:
    return read_article(seed_article).text


def test_sample_people_by_their_longest_form(sample):
    people = names(sample, "person")
    assert {
        "Vladimir Putin", "Trump", "JD Vance", "Volodymyr Zelensky", "Dmitry Peskov", "Maria Zakharova",
        "Lindsey Graham", "Kateryna Stepanenko", "Ursula von der Leyen", "Emmanuel Macron", "Giorgia Meloni",
        "Friedrich Merz", "Alexander Stubb",
    } <= people  # fmt: skip
    assert "Donald Trump" not in people  # never completed from outside knowledge
    assert not people & {"Putin", "Vance", "Zelensky", "Stepanenko"}  # short forms are the same people
    assert not people & {
        "Russian",
        "Kremlin",
        "Monday",
        "Oval Office",
        "TASS",
        "Truth Social",
        "Pope",
        "Post",
    }


def test_every_surname_mention_is_the_full_name(sample):
    for m in entities.find(sample):
        if sample[m.start : m.end] == "Putin":
            assert m.entity == entities.Entity("Vladimir Putin", "vladimir-putin", "person")


def test_sample_places(sample):
    places = names(sample, "place")
    assert {
        "Ukraine",
        "Russia",
        "Kyiv",
        "Moscow",
        "Turkey",
        "Istanbul",
        "United States",
        "Donbas",
        "Vatican",
    } <= places
    assert not places & {"Russian", "Ukrainian", "US", "WASHINGTON", "European"}  # "US" is the United States


def test_mentions_are_exact_spans_and_slugs_come_from_slugify(sample):
    for m in entities.find(sample):
        surface = sample[m.start : m.end]
        assert surface and surface == surface.strip()
        assert m.entity.slug == slugify(m.entity.name)
        if m.entity.kind == "person":
            assert m.entity.name.endswith(surface.split()[-1])


def test_in_a_span_names_stay_canonical(sample):
    start = sample.index("“It’s not our war,” Vance said.")
    end = start + len("“It’s not our war,” Vance said.")
    assert [p.name for p in entities.people_in(sample, start, end)] == ["JD Vance"]
    assert entities.places_in(sample, start, end) == ()


def test_a_title_alone_gives_the_surname_only():
    text = "President Garza signed the bill. Garza said it would help farmers."
    assert names(text, "person") == {"Garza"}


def test_shared_surnames_go_to_the_nearest_full_name_before():
    text = (
        "Senator Maria Lopez spoke first. Her brother, Judge Daniel Lopez, spoke next. "
        "Lopez said the ruling stood."
    )
    mentions = [m for m in entities.find(text) if text[m.start : m.end] == "Lopez"]
    assert [m.entity.name for m in mentions] == ["Daniel Lopez"]


def test_a_name_set_off_by_commas_before_a_speech_verb_is_a_person():
    text = "Minister Pavel Dorin spoke first. His counterpart, Mehmet Arslan, said the offer fell short."
    assert names(text, "person") == {"Pavel Dorin", "Mehmet Arslan"}
    assert names("Its parent, Harrow Foods, said profits fell.", "person") == set()


def test_common_words_and_sentence_openers_are_not_people():
    text = "Officials said the plant would close. Analysts said costs rose. Witnesses told police little."
    assert names(text, "person") == set()


def test_places_inside_organisation_names_are_not_places():
    text = "The Bank of America and the New York Times reported on Kenya."
    assert names(text) == {"Kenya"}


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Putin", "Vladimir Putin", True),
        ("Vladimir Putin", "Putin", True),
        ("James Kopp", "James C. Kopp", True),
        ("Ursula von der Leyen", "von der Leyen", True),
        ("Joe Biden", "Hunter Biden", False),
        ("Trump", "Vance", False),
    ],
)
def test_same_person_across_articles(a, b, same):
    assert entities.same_person(a, b) is same


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("HALDEN, Ore. — A fire destroyed the old mill on Monday.", "Halden"),  # in no gazetteer
        ("BRUSSELS (Wire) — European ministers met on Tuesday.", "Brussels"),
        ("NEW YORK (AP) _ Stocks fell sharply on Friday.", "New York"),
        ("O'SMACH, Cambodia (AP) _ Troops withdrew on Sunday.", "O'Smach"),
        ("WILKES-BARRE, Pa. — The mine closed on Friday.", "Wilkes-Barre"),
    ],
)
def test_the_place_of_a_dateline_is_a_place(text, place):
    found = [m for m in entities.find(text) if m.entity.kind == "place"]
    assert (found[0].entity.name, found[0].start) == (place, 0)


@pytest.mark.parametrize(
    "text", ["UPDATE — The navy lifted the warning.", "EXCLUSIVE (Wire) — Talks stalled."]
)
def test_a_label_before_a_dash_is_no_place(text):
    assert names(text, "place") == set()


def test_capitals_later_in_the_text_are_no_dateline():
    text = "Officials met on Monday.\n\nBRUSSELS is far away, NATO said."
    assert not [m for m in entities.find(text) if text[m.start : m.end] == "BRUSSELS"]


def test_a_shared_surname_is_not_the_relative_named_in_apposition():
    text = (
        "Miriam Rosen died on Sunday. Her son, Daniel Rosen, said she had been ill. "
        "In 1966 she and her husband, Albert Rosen, founded a shop. Albert Rosen died in 1991. "
        "Mrs. Rosen became chief executive."
    )
    last = [m for m in entities.find(text) if m.start > text.index("Mrs.")]
    assert [m.entity.name for m in last] == ["Miriam Rosen"]


def test_a_birth_name_is_no_person_of_its_own():
    text = "Miriam Rosen was born Miriam Kowalczyk in Toledo. Rosen studied engineering."
    assert names(text, "person") == {"Miriam Rosen"}


def test_a_family_is_no_one_of_its_members():
    text = "Derek Whitlow and Shane Whitlow were charged. Police arrested the Whitlow brothers on Tuesday."
    at = text.index("Whitlow brothers")
    assert not [m for m in entities.find(text) if m.start == at]  # neither Derek nor Shane alone


@pytest.mark.parametrize("example", lexicon.table("institution-modifiers").examples)
def test_a_name_modifying_an_institution_is_no_mention_of_the_person(example):
    text, expected = example.rsplit(" => ", 1)
    mentioned = {text[m.start : m.end] for m in entities.find(text) if m.entity.kind == "person"}
    assert mentioned == {n.strip() for n in expected.split(";")}


def test_a_name_modifying_an_institution_leaves_a_place_a_place():
    assert names("The Georgia government said on Monday it would appeal.", "place") == {"Georgia"}


def test_the_dateline_place_is_a_place_wherever_the_story_names_it_again():
    text = (
        "ALDER SPRINGS, Calif. — A fire burned east of Alder Springs on Sunday; West Alder Springs, a "
        "hamlet, was spared. In Alder Springs, schools closed."
    )
    found = [(m.entity.name, text[m.start : m.end]) for m in entities.find(text) if m.entity.kind == "place"]
    assert found == [("Alder Springs", "ALDER SPRINGS"), *[("Alder Springs", "Alder Springs")] * 2]
