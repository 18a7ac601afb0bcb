"""The entry format: what we write reads back exactly, and nothing in an article becomes a setting."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest
from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG

from timeline.markdown_format import (
    EVENT_KEYS,
    SOURCE_KEYS,
    EntryParts,
    FormatError,
    parse_entry,
    parse_event,
    parse_source_line,
    render_event,
    render_source,
    render_source_line,
)
from timeline.model import Article, Entity, Event, Source


def _event(**changes) -> Event:
    base = dict(
        id="a1b2c3d4e5f6",
        slug="2025-06-02-second-round-of-talks-in-istanbul",
        date="2025-06-02",
        precision="day",
        title="Second round of talks in Istanbul",
        summary="Delegations met in Istanbul for about an hour.",
        status="happened",
        people=(Entity("Rustem Umerov", "rustem-umerov", "person"),),
        places=(Entity("Istanbul", "istanbul", "place"),),
        sources=(
            Source(
                "wire-2025-05-28-talks", "2025-05-28", None, "They are expected to meet on June 2.", "June 2"
            ),
            Source(
                "ledger-2025-06-03-talks", "2025-06-03", "https://ledger.example/a", "They met on Monday."
            ),
        ),
    )
    base.update(changes)
    return Event(**base)


def _pelican_read(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "entry.md"
    path.write_text(text, encoding="utf-8")
    _content, metadata = MarkdownReader(copy.deepcopy(DEFAULT_CONFIG)).read(str(path))
    return metadata


def test_event_round_trips_with_every_field():
    event = _event(end_date="2025-06-03", precision="day")
    assert parse_event(render_event(event)) == event


def test_modified_is_the_newest_source_date():
    meta, _ = parse_entry(render_event(_event()))
    assert meta["modified"] == ["2025-06-03"]
    assert meta["date"] == ["2025-06-02"]


def test_week_precision_entry_has_a_full_pelican_date():
    meta, _ = parse_entry(render_event(_event(date="2025-W20", precision="week")))
    assert meta["date"] == ["2025-05-12"] and meta["event_date"] == ["2025-W20"]


@pytest.mark.parametrize(
    "sentence",
    ['He said "no" | twice.', "Line one\nline two", "Ends with a backslash \\", ' | " | '],
)
def test_source_line_keeps_any_sentence_exactly(sentence):
    source = Source("post-2025-05-19-call", "2025-05-19", "https://example.com/a?b=1", sentence, "Monday")
    assert parse_source_line(render_source_line(source)) == source


def test_four_field_source_lines_still_parse():
    line = 'nypost-2025-05-19-call | 2025-05-19 | - | "Putin spoke with Trump on Monday."'
    assert parse_source_line(line) == Source(
        "nypost-2025-05-19-call", "2025-05-19", None, "Putin spoke with Trump on Monday."
    )


@pytest.mark.parametrize(
    "line", ["a | b | c", 'a | b | c | "x" junk', 'a | b | c | "x" | 3', "a | b | c | x"]
)
def test_broken_source_lines_are_refused(line):
    with pytest.raises(FormatError):
        parse_source_line(line)


def test_parts_cut_and_join_back_to_the_same_text():
    text = render_event(_event())
    parts = EntryParts.of(text)
    assert parts.render() == text
    assert [line.split(":")[0] for line in parts.text_head] == ["Title", "Summary"]
    assert all(line.startswith(("Source:", "Modified:")) for line in parts.sources)
    assert not any(line.startswith(("Title:", "Source:")) for line in parts.meta)


def test_taking_a_part_from_an_edited_file_keeps_its_lines():
    ours = EntryParts.of(render_event(_event()))
    edited = render_event(_event()).replace("Title: Second round", "Title: The second round")
    mixed = ours.take(EntryParts.of(edited), {"text"})
    assert "Title: The second round of talks in Istanbul" in mixed.render()
    assert mixed.sources == ours.sources


def test_parts_of_a_broken_file_still_cut():
    parts = EntryParts.of("no colon here\nTitle: x\n\nbody")
    assert parts.meta == ("no colon here",) and parts.text_head == ("Title: x",)


HOSTILE = "Talks end\nsave_as: ../../evil.html\nTemplate: y\n\n<script>alert(1)</script>"


def test_a_headline_cannot_inject_metadata(tmp_path):
    event = _event(
        title=HOSTILE,
        summary=HOSTILE,
        people=(Entity("Eve\nStatus: draft", "eve-status-draft", "person"),),
        sources=(Source("s", "2025-06-03", "javascript:alert(1)", HOSTILE, "Save_as: x"),),
    )
    text = render_event(event)
    meta, body = parse_entry(text)
    assert set(meta) <= set(EVENT_KEYS)
    assert meta["title"] == [" ".join(HOSTILE.split())]
    read = _pelican_read(tmp_path, text)
    assert "save_as" not in read and "template" not in read
    assert read["status"] == "happened"
    assert "<script>" not in read["summary"] and "<script>" not in body
    assert "javascript:" not in text


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\r", "\x0b", "\x1c"])
def test_unicode_line_separators_cannot_inject_metadata_either(tmp_path, separator):
    hostile = f"Talks end{separator}Save_as: evil.html"
    event = _event(title=hostile, sources=(Source("s", "2025-06-03", None, hostile, hostile),))
    text = render_event(event)
    assert text.split("\n\n")[0].splitlines() == text.split("\n\n")[0].split("\n")
    meta, _ = parse_entry(text)
    assert set(meta) <= set(EVENT_KEYS)
    assert parse_event(text).sources[0].sentence == hostile
    assert "save_as" not in _pelican_read(tmp_path, text)


def test_a_source_entry_is_metadata_only_and_safe(tmp_path):
    article = Article(
        path="x.md",
        text="The whole article text must never be copied.",
        published=date(2025, 6, 3),
        title="Talks\nSave_as: evil.html",
        slug="ledger-2025-06-03-talks",
        url="javascript:alert(1)",
        publisher="The Ledger\nTemplate: evil",
        dateline="ISTANBUL",
    )
    text = render_source(article)
    meta, body = parse_entry(text)
    assert set(meta) <= set(SOURCE_KEYS) and body == ""
    assert "url" not in meta and "never be copied" not in text
    read = _pelican_read(tmp_path, text)
    assert "save_as" not in read and read["template"] == "source"
    assert read["title"] == "Talks Save_as: evil.html"


def test_http_urls_are_kept():
    article = Article("x", "", date(2025, 6, 3), "T", "t", url="https://ledger.example/talks?id=3")
    assert "Url: https://ledger.example/talks?id=3" in render_source(article)
