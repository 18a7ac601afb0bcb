"""Every example phrase of every rule in the tables does what its row says.

The examples are resolved against Monday 2025-05-19 (the sample article's publication day).
"""

from __future__ import annotations

from datetime import date

import pytest

from timeline.temporal import tag
from timeline.temporal.lexicon import rules
from timeline.temporal.tagger import find

REFERENCE = date(2025, 5, 19)
EXAMPLES = [(rule, phrase, expected) for rule in rules() for phrase, expected in rule.examples]


def test_every_rule_has_an_example() -> None:
    assert [r.name for r in rules() if not r.examples] == []


def test_rule_names_are_unique() -> None:
    names = [r.name for r in rules()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("rule", "phrase", "expected"), EXAMPLES, ids=[f"{r.name}:{p}" for r, p, _ in EXAMPLES]
)
def test_example(rule, phrase: str, expected: str | None) -> None:
    matches = find(phrase, REFERENCE)
    if expected is None:  # a rejecting rule: it claims the phrase and nothing is tagged
        assert any(m.rule is rule for m in matches), f"{rule.name} did not match {phrase!r}"
        assert tag(phrase, REFERENCE) == []
        return
    produced = [(m.value, phrase[m.start : m.end]) for m in matches if m.rule is rule]
    assert produced, f"{rule.name} did not win in {phrase!r}: {[(m.rule.name, m.value) for m in matches]}"
    assert expected in [value for value, _ in produced]
