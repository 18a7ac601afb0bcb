"""Every example phrase of every rule in the tables does what its row says.

The examples are resolved against Monday 2025-05-19 (the sample article's publication day)
unless a row gives its own; the tense lists' examples (``tense.toml``) each give their own publication day.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from timeline.temporal import lexicon, tag, tagger, triggers
from timeline.temporal.lexicon import phrase_regex, rules, tense_words
from timeline.temporal.tagger import find, matches
from timeline.temporal.triggers import Words, forms

REFERENCE = date(2025, 5, 19)
EXAMPLES = [(rule, *example) for rule in rules() for example in rule.examples]


def test_every_rule_has_an_example() -> None:
    assert [r.name for r in rules() if not r.examples] == []


@pytest.mark.parametrize("rule", [r for r in rules() if r.needs is not None], ids=lambda r: r.name)
def test_what_a_rule_needs_is_in_each_of_its_matches(rule) -> None:
    """A rule is skipped on a text without what it needs: that must never lose a match."""
    for phrase, *_ in rule.examples:
        for m in rule.regex.finditer(phrase):
            assert rule.needs.search(m.group()), f"{rule.name}: {m.group()!r} lacks what it needs"


# Every rule's example phrases, and each again with its letters in the odd forms Python's
# case-insensitive ``re`` also takes for them ("ſunday", "weeK"), and the golden articles.
PHRASES = sorted({phrase for rule in rules() for phrase, *_ in rule.examples})
ODD_FORMS = str.maketrans({"s": "\u017f", "k": "\u212a", "i": "\u0131", "I": "\u0130"})
TEXTS = [
    *PHRASES,
    *(p.translate(ODD_FORMS) for p in PHRASES),
    *(p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.glob("fixtures/temporal/*.txt"))),
]


def test_a_rule_is_searched_wherever_it_matches() -> None:
    """A rule is skipped on a text without its triggers and tried only where its finder
    stops: neither may ever lose a match (both are read from the pattern, see ``triggers``)."""
    for text in TEXTS:
        words = Words.of(text)
        for rule in rules():
            spans = [m.span() for m in rule.regex.finditer(text)]
            assert [m.span() for m in matches(rule, text)] == spans, (rule.name, text[:80])
            assert rule.triggers.found_in(words) or not spans, (rule.name, text[:80])


def test_most_rules_have_triggers_and_a_finder() -> None:
    """The search is fast only if the analysis understands the tables: it reads most rules."""
    assert sum(1 for r in rules() if r.triggers.needed) > 0.8 * len(rules())
    assert sum(1 for r in rules() if r.finder is not None) > 0.6 * len(rules())


class _ParserOfAnotherShape:
    """``re``'s private parser as another Python version might have it: reading fails."""

    def __init__(self, error: type[Exception]) -> None:
        self.error = error

    def parse(self, pattern: str, flags: int) -> list:
        raise self.error(pattern)


@pytest.mark.parametrize(
    "parser", [None, _ParserOfAnotherShape(IndexError), _ParserOfAnotherShape(AttributeError)]
)
def test_tagging_is_the_same_when_the_patterns_cannot_be_read(monkeypatch, parser) -> None:
    """Triggers and finders are read with ``re``'s private parser; where it is missing
    (``None``: it could not be imported) or fails, every rule is searched everywhere, and
    finds what it finds with them."""
    articles = [
        p.read_text(encoding="utf-8") for p in sorted(Path(__file__).parent.glob("fixtures/temporal/*.txt"))
    ]
    texts = [*PHRASES, *articles[:3]]
    found = [tag(text, REFERENCE) for text in texts]
    # The tables compiled afresh with that parser (the cached rules are left as they are).
    monkeypatch.setattr(triggers, "_parser", parser)
    monkeypatch.setattr(lexicon, "_STANDS_FOR", {})
    monkeypatch.setattr(lexicon, "_placeholder", cache(lexicon._placeholder.__wrapped__))
    unread = rules.__wrapped__()
    assert all(not rule.triggers.needed and rule.finder is None for rule in unread)
    monkeypatch.setattr(tagger, "rules", lambda: unread)
    assert [tag(text, REFERENCE) for text in texts] == found


def test_words_fold_every_form_case_insensitive_re_takes_for_a_letter() -> None:
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for m in re.finditer(letter, every, re.IGNORECASE):
            assert Words.of(m.group()).folded == letter, hex(ord(m.group()))
            assert m.group() in forms(letter), hex(ord(m.group()))


def test_rule_names_are_unique() -> None:
    names = [r.name for r in rules()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("rule", "phrase", "expected", "published"), EXAMPLES, ids=[f"{r.name}:{p}" for r, p, *_ in EXAMPLES]
)
def test_example(rule, phrase: str, expected: str | None, published: date | None) -> None:
    matches = find(phrase, published or REFERENCE)
    if expected is None:  # a rejecting rule: it claims the phrase and nothing is tagged
        assert any(m.rule is rule for m in matches), f"{rule.name} did not match {phrase!r}"
        assert tag(phrase, published or REFERENCE) == []
        return
    produced = [(m.value, phrase[m.start : m.end]) for m in matches if m.rule is rule]
    assert produced, f"{rule.name} did not win in {phrase!r}: {[(m.rule.name, m.value) for m in matches]}"
    assert expected in [value for value, _ in produced]


TENSE_EXAMPLES = [
    (table, sentence, published, value)
    for table, rows in tense_words()["examples"].items()
    for sentence, published, value in rows
]


def test_every_tense_list_has_an_example() -> None:
    words = tense_words()
    assert [name for name in words if name != "examples" and name not in words["examples"]] == []


@pytest.mark.parametrize(
    ("table", "sentence", "published", "value"),
    TENSE_EXAMPLES,
    ids=[f"{t}:{s}" for t, s, _, _ in TENSE_EXAMPLES],
)
def test_tense_example(table: str, sentence: str, published: str, value: str) -> None:
    assert value in [t.value for t in tag(sentence, date.fromisoformat(published))]


@pytest.mark.parametrize(
    ("text", "matched"),
    [
        ("was expected to", "was expected"),
        ("was", "was"),
        ("wasn't", "was"),
        ("were expected", "were expected"),
        ("set  for", "set  for"),
        ("won’t", "won’t"),
        ("co‑operate", "co‑operate"),
    ],
)
def test_phrase_regex_prefers_the_longest_phrase(text: str, matched: str) -> None:
    regex = re.compile(
        phrase_regex(["was", "was expected", "were", "were expected", "set for", "won't", "co-operate"])
    )
    found = regex.match(text)
    assert found is not None and found.group() == matched
