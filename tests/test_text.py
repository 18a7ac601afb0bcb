"""Sentence splitting: exact spans, robust to abbreviations, initials, decimals and quotations."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import lexicon
from timeline.sources import read_article
from timeline.text import sentence_at, sentences


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def table_examples(*names: str) -> list[str]:
    return [example for name in names for example in lexicon.table(name).examples]


@pytest.mark.parametrize("example", table_examples("abbreviations", "sentence-starters"))
def test_every_table_example_splits_as_written(example):
    expected = example.split(" | ")
    assert split(" ".join(expected)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Shares rose 10.66% to $4.5 billion. Bonds fell.",
            ["Shares rose 10.66% to $4.5 billion.", "Bonds fell."],
        ),
        ("“Are you serious?” Vance asked. He left.", ["“Are you serious?” Vance asked.", "He left."]),
        ("“Let the process begin!” Trump concluded.", ["“Let the process begin!” Trump concluded."]),
        ("He wrote: “We won.” Then he left.", ["He wrote: “We won.”", "Then he left."]),
        ("It exploded,'' he said. ``We ran.''", ["It exploded,'' he said.", "``We ran.''"]),
        (
            "The vote is on Jan. 5 in Washington, D.C. It may slip.",
            ["The vote is on Jan. 5 in Washington, D.C.", "It may slip."],
        ),
        (
            "Gen. Mark Ruiz and Lt. Col. Ana Diaz arrived. Nobody spoke.",
            ["Gen. Mark Ruiz and Lt. Col. Ana Diaz arrived.", "Nobody spoke."],
        ),
        ("Wait... What happened? Nobody knows!", ["Wait...", "What happened?", "Nobody knows!"]),
    ],
)
def test_news_punctuation(text, expected):
    assert split(text) == expected


def test_one_paragraph_per_line_never_runs_across_lines():
    text = "First paragraph ends without a period\nSecond one starts here. And goes on.\n\n  Third.  \n"
    assert split(text) == [
        "First paragraph ends without a period",
        "Second one starts here.",
        "And goes on.",
        "Third.",
    ]


def test_sample_article_sentences(seed_article):
    text = read_article(seed_article).text
    found = split(text)
    assert "“Let the process begin!”" in found
    assert any(
        s.startswith("Sen. Lindsey Graham (R-SC) is intending") and s.endswith("other products.")
        for s in found
    )
    assert "“It’s not our war,” Vance said." in found
    assert found[-1].startswith("Those conditions included Ukraine withdrawing")
    assert found[-2].endswith("he proposed on June 14, 2024,.")  # the article's own typo stays
    assert all("\n" not in s for s in found)


def test_sentence_at_finds_the_span_holding_an_offset():
    text = "One. Two three. Four."
    spans = sentences(text)
    assert sentence_at(spans, text.index("three")) == (5, 15)
    assert sentence_at(spans, text.index(" Four")) is None  # the space between sentences


@given(
    st.lists(
        st.sampled_from(
            ["Sen.", "U.S.", "Jan.", "5", "said", "“Yes!”", "Putin", "the", "10.5%", "?", "\n", "It."]
        ),
        max_size=30,
    )
)
def test_spans_are_ordered_trimmed_and_cover_every_word(words):
    text = " ".join(words)
    spans = sentences(text)
    assert all(s < e for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in itertools.pairwise(spans))
    assert all(text[s:e] == text[s:e].strip() and "\n" not in text[s:e] for s, e in spans)
    covered = {i for s, e in spans for i in range(s, e)}
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())
