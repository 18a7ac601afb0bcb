"""The store on real folders: entries, bookkeeping, hand edits, hand deletions, idempotence."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import date
from pathlib import Path

from fixtures.stories import snapshot

from timeline import journal, store
from timeline.markdown_format import parse_entry
from timeline.model import Article, Entity, Event, Source
from timeline.slugs import slugify

ISTANBUL = Entity("Istanbul", "istanbul", "place")
UMEROV = Entity("Rustem Umerov", "rustem-umerov", "person")


def rep(article: str, published: str, day: str, sentence: str, status="happened", n=0) -> Event:
    precision = {10: "day", 8: "week"}[len(day)]
    return Event(
        id=f"{article}-{n}",
        slug=f"{slugify(day)}-{slugify(sentence, max_words=5)}",
        date=day,
        precision=precision,
        title=sentence.rstrip("."),
        summary=sentence,
        status=status,
        people=(UMEROV,),
        places=(ISTANBUL,),
        sources=(Source(article, published, None, sentence),),
    )


def record(slug: str, published: str, *reports: Event, url: str | None = None) -> store.ArticleRecord:
    article = Article("", "", date.fromisoformat(published), f"Title of {slug}", slug, url, "The Ledger")
    return store.ArticleRecord(article, reports)


PLAN = record(
    "courier-2025-05-28",
    "2025-05-28",
    rep("courier-2025-05-28", "2025-05-28", "2025-06-02", "Delegations will meet in Istanbul.", "planned"),
)
HELD = record(
    "ledger-2025-06-03",
    "2025-06-03",
    rep("ledger-2025-06-03", "2025-06-03", "2025-06-02", "Delegations met in Istanbul for talks."),
)
WEEK = record(
    "gazette-2025-06-09",
    "2025-06-09",
    rep("gazette-2025-06-09", "2025-06-09", "2025-W23", "Last week's talks in Istanbul stalled."),
)
LATER_PLAN = record(
    "herald-2025-05-30",
    "2025-05-30",
    rep(
        "herald-2025-05-30", "2025-05-30", "2025-06-02", "Delegations are set to meet in Istanbul.", "planned"
    ),
)


def absorb(content: Path, *records: store.ArticleRecord, restore: bool = False) -> store.Plan:
    with store.opened(content) as state:
        plan, _ = store.update(content, state, {r.article.slug: r for r in records}, restore=restore)
    return plan


def the_event_file(content: Path) -> Path:
    (path,) = (content / "events").glob("*.md")
    return path


def test_articles_become_one_event_with_every_source_and_a_page_per_source(tmp_path):
    absorb(tmp_path, PLAN)
    absorb(tmp_path, HELD)
    (event,) = store.load_events(tmp_path)
    assert event.status == "happened"
    assert [s.article for s in event.sources] == ["courier-2025-05-28", "ledger-2025-06-03"]
    assert event.slug == PLAN.reports[0].slug  # the first report named it, and it stays
    meta, _ = parse_entry(the_event_file(tmp_path).read_text())
    assert meta["modified"] == ["2025-06-03"]
    assert sorted(p.name for p in (tmp_path / "sources").iterdir()) == [
        "courier-2025-05-28.md",
        "ledger-2025-06-03.md",
    ]


def test_absorbing_the_same_article_again_changes_no_byte(tmp_path):
    absorb(tmp_path, PLAN, HELD)
    before = snapshot(tmp_path)
    assert absorb(tmp_path, HELD).changes == {}
    assert absorb(tmp_path, PLAN, HELD).changes == {}
    assert snapshot(tmp_path) == before
    assert not (tmp_path / journal.JOURNAL).exists()


def test_only_changed_files_are_written(tmp_path):
    absorb(tmp_path, PLAN)
    plan = absorb(tmp_path, HELD)
    event_file = f"events/{PLAN.reports[0].slug}.md"
    slices = {rel for rel in plan.changes if rel.startswith(f"{store.SLICES_DIR}/")}
    assert set(plan.changes) - slices == {
        event_file,
        "sources/ledger-2025-06-03.md",
        ".timeline/articles/ledger-2025-06-03.json",
    }
    # the manifest's slices that hold the records that changed: an event, two files, an article
    assert 1 <= len(slices) <= 4


def test_a_hand_edited_title_is_kept_while_new_sources_are_attached(tmp_path):
    absorb(tmp_path, PLAN)
    path = the_event_file(tmp_path)
    path.write_text(path.read_text().replace("Title: Delegations will meet", "Title: Envoys to meet"))
    plan = absorb(tmp_path, LATER_PLAN)  # a later announcement: our wording stays the same
    text = path.read_text()
    assert "Title: Envoys to meet in Istanbul" in text
    assert "herald-2025-05-30 |" in text
    assert plan.conflicts == [] and plan.kept == []


def test_a_wording_change_on_a_hand_edited_title_is_a_conflict_but_sources_still_join(tmp_path):
    absorb(tmp_path, PLAN)
    path = the_event_file(tmp_path)
    path.write_text(path.read_text().replace("Title: Delegations will meet", "Title: Envoys to meet"))
    plan = absorb(tmp_path, HELD)  # the report of it happening now gives our wording
    text = path.read_text()
    assert "Title: Envoys to meet in Istanbul" in text
    assert "ledger-2025-06-03 |" in text and "Status: happened" in text
    assert plan.kept == [f"events/{path.name}"]
    assert "title, summary or body edited by hand" in plan.conflicts[0]


def test_hand_edited_sources_are_left_alone_and_the_conflict_is_reported(tmp_path):
    absorb(tmp_path, PLAN)
    path = the_event_file(tmp_path)
    edited = path.read_text().replace('Delegations will meet in Istanbul."', 'Delegations meet."')
    path.write_text(edited)
    plan = absorb(tmp_path, LATER_PLAN)
    assert path.read_text() == edited
    assert plan.kept == [f"events/{path.name}"] and "sources edited by hand" in plan.conflicts[0]


def test_hand_edited_facts_stay_even_when_a_new_source_refines_them(tmp_path):
    absorb(tmp_path, WEEK)
    path = the_event_file(tmp_path)
    path.write_text(path.read_text().replace("Places: Istanbul", "Places: Istanbul; Dolmabahce Palace"))
    plan = absorb(tmp_path, HELD)  # would make the week a day
    text = path.read_text()
    assert "Event_date: 2025-W23" in text and "Dolmabahce Palace" in text
    assert "ledger-2025-06-03 |" in text
    assert "dates, status, people or places edited by hand" in plan.conflicts[0]


def test_a_deleted_event_stays_deleted_until_restored(tmp_path):
    absorb(tmp_path, PLAN)
    path = the_event_file(tmp_path)
    path.unlink()
    plan = absorb(tmp_path, HELD)
    assert not path.exists()
    assert plan.kept == [f"events/{path.name}"] and "deleted by hand" in plan.conflicts[0]
    manifest = json.loads((tmp_path / store.MANIFEST).read_text())
    assert manifest["suppressed"] == [f"events/{path.name}"]
    assert absorb(tmp_path, WEEK).changes.get(f"events/{path.name}") is None
    assert not path.exists()
    absorb(tmp_path, restore=True)
    (event,) = store.load_events(tmp_path)
    assert len(event.sources) == 3 and event.slug == path.stem


def test_a_deleted_source_page_stays_deleted(tmp_path):
    absorb(tmp_path, PLAN, HELD)
    page = tmp_path / "sources" / "ledger-2025-06-03.md"
    page.unlink()
    absorb(tmp_path, HELD, WEEK)
    assert not page.exists()


def test_a_corrected_article_updates_its_source_page_around_hand_edits(tmp_path):
    absorb(tmp_path, HELD)
    page = tmp_path / "sources" / "ledger-2025-06-03.md"
    page.write_text(page.read_text().replace("Publisher: The Ledger", "Publisher: The Valley Ledger"))
    plan = absorb(tmp_path, replace(HELD, article=replace(HELD.article, title="Corrected title")))
    assert "Title: Corrected title" in page.read_text() and "Publisher: The Valley Ledger" in page.read_text()
    assert plan.kept == []
    page.write_text(page.read_text().replace("Title: Corrected title", "Title: Our own title"))
    plan = absorb(tmp_path, replace(HELD, article=replace(HELD.article, title="Corrected again")))
    assert "Title: Our own title" in page.read_text()
    assert plan.kept == ["sources/ledger-2025-06-03.md"]


def test_files_we_did_not_write_are_never_touched_nor_their_slugs_taken(tmp_path):
    mine = tmp_path / "events" / f"{PLAN.reports[0].slug}.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("Title: My own note\nEvent_date: 2025-06-02\n\nWritten by hand.\n")
    absorb(tmp_path, PLAN)
    assert mine.read_text().startswith("Title: My own note")
    assert (tmp_path / "events" / f"{PLAN.reports[0].slug}-2.md").exists()


def test_an_event_whose_only_article_was_corrected_away_is_removed(tmp_path):
    absorb(tmp_path, HELD)
    old = the_event_file(tmp_path)
    moved = replace(HELD.reports[0], date="2025-06-01", id="moved", slug="2025-06-01-delegations-met")
    plan = absorb(tmp_path, record(HELD.article.slug, "2025-06-03", moved))
    assert plan.changes[f"events/{old.name}"] is None
    assert [p.name for p in (tmp_path / "events").iterdir()] == ["2025-06-01-delegations-met.md"]


def test_an_edited_event_whose_sources_were_withdrawn_stays(tmp_path):
    absorb(tmp_path, HELD)
    old = the_event_file(tmp_path)
    old.write_text(old.read_text() + "\nA note by the editor.\n")
    moved = replace(HELD.reports[0], date="2025-06-01", id="moved", slug="2025-06-01-delegations-met")
    plan = absorb(tmp_path, record(HELD.article.slug, "2025-06-03", moved))
    assert old.exists() and "sources were withdrawn" in plan.conflicts[0]
    assert absorb(tmp_path, record(HELD.article.slug, "2025-06-03", moved)).changes == {}


def test_a_broken_hand_edit_is_reported_by_load_events_and_kept_by_ingest(tmp_path, caplog):
    absorb(tmp_path, PLAN)
    path = the_event_file(tmp_path)
    path.write_text("this is not an entry any more\n")
    with caplog.at_level(logging.ERROR):
        assert store.load_events(tmp_path) == []
    assert path.name in caplog.text
    plan = absorb(tmp_path, HELD)
    assert path.read_text() == "this is not an entry any more\n" and plan.kept


def test_the_article_record_keeps_metadata_and_reports_but_no_text(tmp_path):
    absorb(tmp_path, replace(HELD, article=replace(HELD.article, text="Secret full text.")))
    saved = (tmp_path / store.ARTICLES_DIR / "ledger-2025-06-03.json").read_text()
    assert "Secret full text" not in saved
    with store.opened(tmp_path) as state:
        assert state.record("ledger-2025-06-03").reports == HELD.reports


def test_a_known_url_or_slug_finds_the_first_ingest(tmp_path):
    absorb(tmp_path, record("ledger-2025-06-03", "2025-06-03", *HELD.reports, url="https://ledger.example/a"))
    with store.opened(tmp_path) as state:
        renamed = Article(
            "", "", date(2025, 6, 4), "New title", "ledger-2025-06-04-new-title", "https://ledger.example/a"
        )
        assert store.known_slug(state, renamed) == "ledger-2025-06-03"
        assert store.known_slug(state, replace(renamed, url=None)) is None
        assert (
            store.known_slug(state, replace(renamed, url=None, slug="ledger-2025-06-03"))
            == "ledger-2025-06-03"
        )


def test_load_events_finishes_an_interrupted_commit(tmp_path):
    absorb(tmp_path, PLAN)
    path = the_event_file(tmp_path)
    changed = path.read_text().replace("Status: planned", "Status: happened")
    journal.write_atomic(
        tmp_path / journal.JOURNAL,
        json.dumps({"format": 1, "changes": {f"events/{path.name}": changed}}),
    )
    (event,) = store.load_events(tmp_path)
    assert event.status == "happened" and not (tmp_path / journal.JOURNAL).exists()
