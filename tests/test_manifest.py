"""The store's bookkeeping at scale: an ingest reads only the article records that its new
reports can reach (the manifest indexes every report's dates), rewrites only the slices of
the manifest whose records changed, and still reads a content folder that an earlier
version of the manifest describes."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from fixtures.stories import snapshot

from timeline import store
from timeline.ingest import ingest
from timeline.merge import ordinals
from timeline.model import Article, Entity, Event, Source
from timeline.slugs import slugify

HARBOR = Entity("Port Estra", "port-estra", "place")
MAYOR = Entity("Nadia Brandt", "nadia-brandt", "person")
FIRST = date(2024, 1, 8)


def report(article: str, day: str, sentence: str, n: int = 0, precision: str = "day") -> Event:
    return Event(
        id=f"{article}-{n}",
        slug=f"{slugify(day)}-{slugify(sentence, max_words=5)}",
        date=day,
        precision=precision,  # type: ignore[arg-type]
        title=sentence.rstrip("."),
        summary=sentence,
        status="happened",
        people=(MAYOR,),
        places=(HARBOR,),
        sources=(Source(article, day, f"https://gazette.example/{article}", sentence),),
    )


def record(slug: str, published: date, *reports: Event) -> store.ArticleRecord:
    article = Article(
        "", "", published, f"Title of {slug}", slug, f"https://gazette.example/{slug}", "Gazette"
    )
    return store.ArticleRecord(article, reports)


def absorb(content: Path, *records: store.ArticleRecord) -> store.Plan:
    with store.opened(content) as state:
        plan, _ = store.update(content, state, {r.article.slug: r for r in records})
    return plan


def archive(content: Path, size: int = 24) -> list[store.ArticleRecord]:
    """``size`` articles, each reporting its own day's council vote, six weeks apart."""
    records = []
    for n in range(size):
        day = FIRST + timedelta(weeks=6 * n)
        slug = f"gazette-{day.isoformat()}-council"
        sentence = f"The harbor council in Port Estra voted on the ferry budget on {day:%B %d}, Brandt said."
        records.append(record(slug, day, report(slug, day.isoformat(), sentence)))
    absorb(content, *records)
    return records


LATER = FIRST + timedelta(weeks=6 * 5)


def follow_up() -> store.ArticleRecord:
    """A later article on the vote of the sixth archived article's day: it joins that event."""
    slug = f"courier-{LATER + timedelta(days=1)}-vote"
    sentence = f"Brandt said the harbor council in Port Estra voted on the ferry budget on {LATER:%B %d}."
    return record(slug, LATER + timedelta(days=1), report(slug, LATER.isoformat(), sentence))


def test_an_ingest_reads_only_the_records_its_reports_can_reach(tmp_path):
    intact, damaged = tmp_path / "intact", tmp_path / "damaged"
    records = archive(intact)
    shutil.copytree(intact, damaged)
    reachable = f"gazette-{LATER.isoformat()}-council"
    for r in records:
        if r.article.slug != reachable:  # any read of these would fail
            (damaged / store.ARTICLES_DIR / f"{r.article.slug}.json").write_text("not a record")
    absorb(intact, follow_up())
    absorb(damaged, follow_up())
    events = store.load_events(damaged)
    (joined,) = [e for e in events if len(e.sources) == 2]
    assert {s.article for s in joined.sources} == {reachable, follow_up().article.slug}
    unread = {f"{store.ARTICLES_DIR}/{r.article.slug}.json" for r in records if r.article.slug != reachable}
    assert {k: v for k, v in snapshot(damaged).items() if k not in unread} == {
        k: v for k, v in snapshot(intact).items() if k not in unread
    }


def test_the_manifest_indexes_every_report_by_its_days(tmp_path):
    records = archive(tmp_path, size=3)
    week = report("herald-2024-02-01", "2024-W05", "The harbor council met all week.", precision="week")
    records.append(record("herald-2024-02-01", date(2024, 2, 1), week))
    absorb(tmp_path, records[-1])
    with store.opened(tmp_path) as state:
        assert state.records == {}  # nothing read to know what is there
        assert {
            slug: {rid: tuple(span[:2]) for rid, span in index["reports"].items()}
            for slug, index in state.articles.items()
        } == {r.article.slug: {e.id: ordinals(e) for e in r.reports} for r in records}
        # each report names its event, the one whose entry quotes it
        for slug, index in state.articles.items():
            for _, _, eid in index["reports"].values():
                entry = (tmp_path / "events" / f"{state.events[eid]}.md").read_text()
                assert f"{slug} |" in entry
        assert state.articles["herald-2024-02-01"]["url"] == "https://gazette.example/herald-2024-02-01"


def test_one_ingest_rewrites_only_the_slices_of_what_changed(tmp_path):
    archive(tmp_path, size=40)
    plan = absorb(tmp_path, follow_up())
    slices = [rel for rel in plan.changes if rel.startswith(f"{store.SLICES_DIR}/")]
    # the new article and its source page share one slice, the event it joined and its entry another
    assert 1 <= len(slices) <= 2
    assert len(list((tmp_path / store.SLICES_DIR).glob("*.json"))) > 2 * len(slices)
    assert store.MANIFEST not in plan.changes  # the head holds only the format and the deleted files


def test_the_bookkeeping_read_back_is_what_was_planned(tmp_path):
    records = archive(tmp_path, size=30)
    first = records[0]
    (tmp_path / "events" / f"{first.reports[0].slug}.md").unlink()  # deleted by hand
    moved = replace(records[1].reports[0], date="2024-03-01", id="moved", slug="2024-03-01-vote-moved")
    steps = [
        (follow_up(),),
        (replace(records[1], reports=(moved,)),),  # a corrected article: its old event goes
        (records[2], follow_up()),
    ]
    for batch in steps:
        plan = absorb(tmp_path, *batch)
        state = store.read_state(tmp_path)
        for part in ("articles", "events", "files", "suppressed"):
            assert getattr(state, part) == getattr(plan.state, part), part
    assert state.suppressed == {f"events/{first.reports[0].slug}.md"}
    assert "moved" in state.events and "gazette-2024-02-19-council-0" not in state.events


def test_a_content_folder_of_the_first_manifest_format_is_read_and_upgraded(tmp_path):
    current, old = tmp_path / "current", tmp_path / "old"
    archive(current, size=12)
    (current / "events" / "my-own-note.md").write_text(
        "Title: My own note\nEvent_date: 2024-01-09\n\nMine.\n"
    )
    shutil.copytree(current, old)
    # the manifest as the first format kept it: one file, with no index of the articles
    state = store.read_state(current)
    shutil.rmtree(old / store.SLICES_DIR)
    first = {
        "events": {eid: {"slug": slug, "reports": state.keys(eid)} for eid, slug in state.events.items()},
        "files": state.files,
        "format": 1,
        "suppressed": sorted(state.suppressed),
    }
    (old / store.MANIFEST).write_text(json.dumps(first))
    for content in (current, old):
        plan = absorb(content, follow_up())
        assert plan.conflicts == []
    assert snapshot(old) == snapshot(current)
    assert json.loads((old / store.MANIFEST).read_text())["format"] == store.FORMAT


STORY2 = Path(__file__).resolve().parent / "fixtures" / "story2"


def test_each_report_in_the_index_names_the_event_that_quotes_it_as_events_regroup(tmp_path):
    """Along a story whose events regroup as articles come (a correction moves a report to
    another event), the index keeps naming each report's event: the entry that quotes it."""
    for path in sorted(STORY2.glob("*.md")):
        assert ingest([path], tmp_path).ok
        state = store.read_state(tmp_path)
        for slug, index in state.articles.items():
            for _, _, eid in index["reports"].values():
                entry = (tmp_path / "events" / f"{state.events[eid]}.md").read_text()
                assert f"{slug} |" in entry, (path.name, slug, eid)
