"""Extraction over the 256 TempEval-3 news documents (TimeBank + AQUAINT) with their creation dates.

Real news from other years and outlets: nothing may crash, every quoted sentence must be
an exact substring of its document, and no event may be dated from an age or a count.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date

import pytest

from timeline import periods
from timeline.events import extract_events
from timeline.model import Article
from timeline.slugs import slugify

pytestmark = pytest.mark.slow

AGE = re.compile(r"\b\d{1,3}[- ]years?[- ]old\b", re.IGNORECASE)
BARE_NUMBER = re.compile(r"[\d,.\s]+")


@pytest.fixture(scope="module")
def corpus_events(tbaq_dir, tmp_path_factory):
    """(article, events) for every document, read with the shared scorer's own text extraction."""
    out = tmp_path_factory.mktemp("tbaq") / "docs.jsonl"
    scorer = tbaq_dir.parent.parent / "tools" / "timex_score.py"
    subprocess.run([sys.executable, str(scorer), "extract", str(tbaq_dir), "-o", str(out)], check=True)
    found = []
    for line in out.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        art = Article(
            path=doc["doc"],
            text=doc["text"],
            published=date.fromisoformat(doc["dct"][:10]),
            title=doc["doc"],
            slug=slugify(doc["doc"]),
        )
        found.append((art, extract_events(art)))
    return found


def test_every_document_is_read_and_most_give_events(corpus_events):
    assert len(corpus_events) == 256
    assert sum(1 for _, events in corpus_events if events) > 200
    assert sum(len(events) for _, events in corpus_events) > 1000


def test_quoted_sentences_are_exact_substrings(corpus_events):
    for art, events in corpus_events:
        for event in events:
            assert event.sources, (art.path, event.title)
            for source in event.sources:
                assert source.sentence in art.text, (art.path, source.sentence)
                assert source.sentence == source.sentence.strip()


def test_no_event_is_dated_from_an_age_or_a_count(corpus_events):
    for art, events in corpus_events:
        for event in events:
            for source in event.sources:
                expression = source.expression
                if not expression:
                    continue
                if BARE_NUMBER.fullmatch(expression):
                    assert re.fullmatch(r"\d{4}", expression.strip()), (art.path, expression)
                    assert not re.search(rf",\s*{re.escape(expression)}\s*,", source.sentence), (
                        art.path,
                        expression,
                    )
                if AGE.search(expression):
                    assert event.title.startswith("Start of"), (art.path, expression, event.title)


def test_fields_are_well_formed(corpus_events):
    for art, events in corpus_events:
        assert len({e.slug for e in events}) == len(events), art.path
        assert len({e.id for e in events}) == len(events), art.path
        for e in events:
            assert periods.format_value(periods.parse(e.date).start, e.precision) == e.date
            assert e.title and len(e.title.split()) <= 10, (art.path, e.title)
