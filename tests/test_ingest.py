"""``timeline ingest`` end to end on the sample story and its follow-ups (tests/fixtures/story)."""

from __future__ import annotations

import json
import math
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures.stories import event_quoting, facts, outcomes_of_every_order, snapshot

from timeline import store
from timeline.ingest import ingest
from timeline.markdown_format import parse_entry

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "2025-05-19-nypost-putin-trump-call.md"
STORY = Path(__file__).resolve().parent / "fixtures" / "story"
WIRE_HARBOR = STORY / "2025-05-21-harbor-times-kremlin-memorandum.md"
WIRE_VALLEY = STORY / "2025-05-21-valley-ledger-kremlin-memorandum.md"
COURIER = STORY / "2025-05-23-northern-courier-prisoner-exchange.md"
HERALD = STORY / "2025-05-28-capital-herald-second-round-proposed.md"
SECOND_ROUND = STORY / "2025-06-03-harbor-times-second-round.md"  # misdates the first round
CORRECTED = STORY / "2025-06-03-harbor-times-second-round-corrected.md"
LEDGER = STORY / "2025-06-10-valley-ledger-exchanges-resume.md"
THE_STORY = [SEED, WIRE_HARBOR, WIRE_VALLEY, COURIER, HERALD, CORRECTED, LEDGER]


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args], capture_output=True, text=True, timeout=300, **kwargs
    )


def publishers(event) -> set[str]:
    return {s.article.split("-2025-")[0] for s in event.sources}


@pytest.fixture(scope="module")
def story(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("story") / "content"
    report = ingest(THE_STORY, content)
    assert report.ok and report.articles_read == len(THE_STORY)
    return content


def test_one_event_per_happening_with_every_source(story):
    call = event_quoting(story, "two-hour call with President Trump", on="2025-05-19")
    assert {s.article.split("-2025")[0] for s in call.sources} >= {
        "new-york-post",
        "harbor-times",
        "valley-ledger",
    }
    assert any("their May 19 phone call" in s.sentence for s in call.sources)
    assert call.date == "2025-05-19"


def test_loose_back_references_join_the_istanbul_talks(story):
    talks = event_quoting(story, "met face-to-face on Friday in Turkey")
    quoted = " ".join(s.sentence for s in talks.sources)
    assert "Last Friday's talks in Istanbul" in quoted  # the wire copy
    assert "agreed at last week's talks in Istanbul" in quoted  # a week holding the day
    assert "The first round, held on May 16" in quoted
    assert (talks.date, talks.precision) == ("2025-05-16", "day")


def test_the_same_wire_copy_counts_once_per_outlet(story):
    sanctions = event_quoting(story, "approved a new package of sanctions")
    assert publishers(sanctions) == {"harbor-times", "valley-ledger"}
    assert len(sanctions.sources) == 2


def test_the_planned_round_happened_and_shows_announcement_and_report(story):
    second = event_quoting(story, "expected to meet again in Istanbul on June 2")
    assert second.status == "happened" and second.date == "2025-06-02"
    quoted = [s.sentence for s in second.sources]
    assert any("met in Istanbul on Monday for a second round" in s for s in quoted)
    page = (story / "events" / f"{second.slug}.md").read_text()
    assert "expected to meet again" in page and "met in Istanbul on Monday" in page


def test_events_are_recorded_as_modified_when_last_revealed(story):
    for path in (story / "events").glob("*.md"):
        meta, _ = parse_entry(path.read_text())
        assert meta["modified"] == [max(s.split(" | ")[1] for s in meta["source"])]


def test_every_source_article_has_a_metadata_page(story):
    pages = sorted(p.stem for p in (story / "sources").glob("*.md"))
    assert len(pages) == len(THE_STORY)
    for page in pages:
        meta, body = parse_entry((story / "sources" / f"{page}.md").read_text())
        assert body == "" and meta["template"] == ["source"]


def test_ingesting_again_changes_no_byte(story, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(story, content)
    before = snapshot(content)
    report = ingest([LEDGER], content)
    assert snapshot(content) == before
    assert (report.events_new, report.events_merged, report.events_updated) == (0, 0, 0)
    ingest(THE_STORY, content)
    assert snapshot(content) == before


@pytest.mark.slow
def test_ingest_order_does_not_change_the_events(story, tmp_path):
    expected = facts(store.load_events(story))
    orders = [
        THE_STORY[::-1],
        THE_STORY[3:] + THE_STORY[:3],
        [HERALD, LEDGER, SEED, CORRECTED, COURIER, WIRE_VALLEY, WIRE_HARBOR],
    ]
    for n, order in enumerate(orders):
        content = tmp_path / f"order-{n}"
        for path in order:
            assert ingest([path], content).ok
        assert facts(store.load_events(content)) == expected, [p.name for p in order]


@pytest.mark.slow
def test_every_order_of_the_story_merges_the_same():
    """All 5,040 orders of the story give the same events (fixtures/stories.py walks them)."""
    outcomes = outcomes_of_every_order(THE_STORY)
    assert list(outcomes.values()) == [math.factorial(len(THE_STORY))]


def test_an_event_keeps_its_slug_and_id_when_sources_join(tmp_path):
    content = tmp_path / "content"
    ingest([HERALD], content)
    planned = event_quoting(content, "expected to meet again in Istanbul on June 2")
    assert planned.status == "planned"
    report = ingest([CORRECTED, LEDGER], content)
    happened = event_quoting(content, "expected to meet again in Istanbul on June 2")
    assert (happened.id, happened.slug, happened.status) == (planned.id, planned.slug, "happened")
    assert report.events_merged >= 1


def test_a_corrected_article_replaces_its_sentences(tmp_path):
    content = tmp_path / "content"
    ingest([SEED, SECOND_ROUND], content)
    misdated = event_quoting(content, "The first round, held on May 15")
    assert misdated.date == "2025-05-15"
    talks_before = event_quoting(content, "met face-to-face on Friday in Turkey")
    ingest([CORRECTED], content)
    assert not (content / "events" / f"{misdated.slug}.md").exists()
    talks = event_quoting(content, "met face-to-face on Friday in Turkey")
    assert talks.slug == talks_before.slug
    assert any("The first round, held on May 16" in s.sentence for s in talks.sources)
    assert not any("May 15" in s.sentence for e in store.load_events(content) for s in e.sources)
    harbor_pages = list((content / "sources").glob("harbor-times-*.md"))
    assert len(harbor_pages) == 1  # one source, its first slug kept
    meta, _ = parse_entry(harbor_pages[0].read_text())
    assert meta["title"] == ["Second round of Istanbul talks ends after an hour with new prisoner deal"]
    second = event_quoting(content, "met in Istanbul on Monday for a second round")
    assert len([s for s in second.sources if s.article == harbor_pages[0].stem]) == 1


def test_bad_articles_are_refused_and_the_batch_goes_on(tmp_path):
    empty = tmp_path / "empty.md"
    empty.write_text("Title: Nothing here\nDate: 2025-06-01\n\n   \n")
    dateless = tmp_path / "dateless.txt"
    dateless.write_text("Talks resumed in Istanbul on Monday.\n")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 not text")
    missing = tmp_path / "missing.md"
    content = tmp_path / "content"
    report = ingest([empty, HERALD, dateless, binary, missing], content)
    assert report.articles_read == 1 and not report.ok
    assert [Path(p).name for p, _ in report.refused] == [
        "missing.md",
        "empty.md",
        "dateless.txt",
        "binary.txt",
    ]
    assert all(reason for _, reason in report.refused)
    assert event_quoting(content, "expected to meet again in Istanbul on June 2")


def test_a_batch_of_refused_articles_writes_nothing(story, tmp_path):
    dateless = tmp_path / "dateless.txt"
    dateless.write_text("Talks resumed in Istanbul on Monday.\n")
    content = tmp_path / "content"
    shutil.copytree(story, content)
    before = snapshot(content)
    assert not ingest([dateless], content).ok
    assert snapshot(content) == before
    fresh = tmp_path / "fresh"
    assert not ingest([dateless], fresh).ok
    assert [p for p in fresh.rglob("*") if p.is_file()] == []


def test_the_command_reports_refusals_and_sums_up(tmp_path):
    dateless = tmp_path / "dateless.txt"
    dateless.write_text("Talks resumed in Istanbul on Monday.\n")
    content = tmp_path / "content"
    done = run_cli("ingest", str(HERALD), str(dateless), "--content", str(content))
    assert done.returncode == 1
    assert f"{dateless}:" in done.stderr and "--published" in done.stderr
    summary = re.search(r"articles read: 1; events new: (\d+), merged: 0, updated: 0", done.stderr)
    assert summary and int(summary[1]) == len(store.load_events(content))
    done = run_cli("ingest", str(CORRECTED), "--content", str(content))
    merged = re.search(r"articles read: 1; events new: \d+, merged: (\d+)", done.stderr)
    assert done.returncode == 0 and merged and int(merged[1]) >= 1
    assert "[#" not in done.stderr  # no progress bar when stderr is not a terminal


def test_a_progress_bar_is_drawn_on_a_terminal(tmp_path):
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "timeline", "ingest", str(STORY), "--content", str(tmp_path / "c")],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=follower,
            timeout=300,
        )
        os.close(follower)
        out = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    finally:
        os.close(leader)
    assert done.returncode == 0
    text = out.decode()
    total = len(list(STORY.glob("*.md")))
    assert f"] 0/{total} " in text and f"] {total}/{total}" in text and "[" + "#" * 10 in text
    assert "articles read:" in text


def test_timeline_events_lists_the_merged_timeline_as_json(story):
    done = run_cli("events", "--content", str(story), "--json")
    assert done.returncode == 0
    listed = json.loads(done.stdout)
    assert listed == [e.to_json() for e in store.load_events(story)]
    assert all(
        e["sources"] and set(e["sources"][0]) >= {"article", "published", "url", "sentence"} for e in listed
    )
    dates = [e["date"] for e in listed]
    assert dates.index("2022-02") < dates.index("2025-05-16") < dates.index("2025-06-02")


def test_timeline_events_names_a_broken_entry_and_fails_but_lists_the_rest(story, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(story, content)
    broken = sorted((content / "events").glob("*.md"))[0]
    broken.write_text("Title: no date and no id\n\nA hand edit gone wrong.\n")
    done = run_cli("events", "--content", str(content), "--json")
    assert done.returncode == 1
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"timeline: {broken}: not an event entry: ")
    assert len(json.loads(done.stdout)) == len(store.load_events(story)) - 1


def test_timeline_events_refuses_a_content_folder_that_is_not_there(tmp_path):
    done = run_cli("events", "--content", str(tmp_path / "contnet"))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == f"timeline: {tmp_path / 'contnet'}: no such content folder\n"


def test_a_deleted_event_stays_deleted_unless_restored(tmp_path):
    content = tmp_path / "content"
    ingest([HERALD], content)
    planned = event_quoting(content, "expected to meet again in Istanbul on June 2")
    (content / "events" / f"{planned.slug}.md").unlink()
    report = ingest([CORRECTED], content)
    assert not (content / "events" / f"{planned.slug}.md").exists()
    assert f"events/{planned.slug}.md" in report.kept_hand_edited
    done = run_cli("ingest", str(LEDGER), "--restore", "--content", str(content))
    assert done.returncode == 0
    restored = event_quoting(content, "expected to meet again in Istanbul on June 2")
    assert restored.slug == planned.slug and restored.status == "happened"
