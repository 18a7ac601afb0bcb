"""Incremental regeneration (issue 4, "Fast"): after each kind of change the output folder is,
file for file and byte for byte, what a full Pelican build into an empty folder gives, and
only the outputs the change reaches were written."""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import pickle
import shutil
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from timeline import journal, periods, slugs
from timeline.exports import Entry, atom_feed, chronological
from timeline.exports import Site as ExportSite
from timeline.incremental import (
    Result,
    documents,
    exported,
    feeds,
    fingerprint,
    inputs,
    outputs,
    page_digests,
    reach,
    record,
    regenerate,
)
from timeline.ingest import ingest
from timeline.model import Event
from timeline.pelican_plugin.exports import TIMELINEJS, json_text
from timeline.site import build_site, site_settings
from timeline.site_model import (
    Layout,
    build_model,
    derive,
    event_order,
    listing_pages,
    section_key,
    section_path,
)
from timeline.store import load_events

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "pelicanconf.py"
STORY = Path(__file__).resolve().parent / "fixtures" / "story"
ATOM = "{http://www.w3.org/2005/Atom}"
SEED = ROOT / "seeds" / "2025-05-19-nypost-putin-trump-call.md"
FIRST = [SEED, STORY / "2025-05-21-harbor-times-kremlin-memorandum.md"]
LATER = STORY / "2025-05-23-northern-courier-prisoner-exchange.md"
ORIGINAL = STORY / "2025-06-03-harbor-times-second-round.md"
CORRECTED = STORY / "2025-06-03-harbor-times-second-round-corrected.md"


class Site:
    """A project folder: content/, output/ and cache/, built with the project's settings."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.content = root / "content"
        self.output = root / "output"
        self.settings: dict[str, object] = {"PATH": str(self.content), "CACHE_PATH": str(root / "cache")}

    def regenerate(self, keep: bool = False, **settings: object) -> Result:
        return regenerate(SETTINGS, self.output, {**self.settings, **settings}, keep=keep)

    def full_build(self, where: Path, **settings: object) -> Path:
        """What a full Pelican build of the same content gives, in an empty folder."""
        overrides = {**self.settings, "CACHE_PATH": str(where / "cache"), **settings}
        return build_site(SETTINGS, where / "output", overrides)


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def assert_same_tree(incremental: Path, full: Path) -> None:
    mine, theirs = files(incremental), files(full)
    assert sorted(mine) == sorted(theirs)
    differ = [path for path in theirs if mine[path] != theirs[path]]
    assert not differ, f"{len(differ)} files differ from a full build, first {differ[:5]}"


def main_text(path: Path) -> str:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser").find("main").get_text(" ", strip=True)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Content with the sample article and two follow-ups ingested, built by nobody yet."""
    content = tmp_path_factory.mktemp("ingested") / "content"
    report = ingest([*FIRST, ORIGINAL], content)
    assert report.ok and report.events_new
    return content


@pytest.fixture
def site(ingested: Path, tmp_path: Path) -> Site:
    """A site built in full once, with its record: what every regeneration starts from."""
    shutil.copytree(ingested, tmp_path / "content")
    site = Site(tmp_path)
    first = site.regenerate()
    assert first.full and first.reason == "no record of a previous build"
    return site


def test_without_changes_nothing_is_written(site: Site) -> None:
    before = {p: p.stat().st_mtime_ns for p in site.output.rglob("*") if p.is_file()}
    result = site.regenerate()
    assert not result.full
    assert result.written == () and result.removed == ()
    assert {p: p.stat().st_mtime_ns for p in site.output.rglob("*") if p.is_file()} == before


def test_a_new_article_rewrites_only_what_it_reaches(site: Site, tmp_path: Path) -> None:
    old_events = {p.name for p in (site.content / "events").glob("*.md")}
    report = ingest([LATER], site.content)
    assert report.events_new + report.events_merged
    result = site.regenerate()
    assert not result.full
    new_events = {p.name for p in (site.content / "events").glob("*.md")} - old_events
    assert {f"events/{name.removesuffix('.md')}.html" for name in new_events} <= set(result.written)
    assert {"index.html", "timeline.json", "timeline.ics", "feeds/all.atom.xml"} <= set(result.written)
    untouched = [p for p in files(site.output) if p not in result.written]
    assert len(untouched) > len(result.written) / 2  # most of the site stays as it was
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))


def test_a_corrected_article_replaces_its_sentences(site: Site, tmp_path: Path) -> None:
    ingest([CORRECTED], site.content)
    result = site.regenerate()
    assert not result.full and result.written
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))


def retitle(entry: Path, title: str) -> Path:
    """Edit an entry's title line by hand, as a person would."""
    text = entry.read_text("utf-8")
    old = next(line for line in text.splitlines() if line.startswith("Title: "))
    entry.write_text(text.replace(old, f"Title: {title}", 1), "utf-8")
    return entry


def test_a_hand_edited_entry_is_shown_as_edited(site: Site, tmp_path: Path) -> None:
    entry = retitle(sorted((site.content / "events").glob("*.md"))[0], "A headline written by hand")
    result = site.regenerate()
    assert not result.full
    page = f"events/{entry.stem}.html"
    assert page in result.written and "index.html" in result.written
    assert "A headline written by hand" in main_text(site.output / page)
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))


def test_a_retitled_source_reaches_the_events_that_quote_it(site: Site, tmp_path: Path) -> None:
    retitle(sorted((site.content / "sources").glob("*.md"))[0], "A source title written by hand")
    result = site.regenerate()
    assert not result.full
    quoting = [p for p in result.written if p.startswith("events/")]
    assert quoting and all("A source title written by hand" in main_text(site.output / p) for p in quoting)
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))


def test_a_deleted_event_disappears_from_every_page(site: Site, tmp_path: Path) -> None:
    entry = sorted((site.content / "events").glob("*.md"))[1]
    entry.unlink()
    result = site.regenerate()
    assert not result.full
    assert f"events/{entry.stem}.html" in result.removed
    assert not (site.output / "events" / f"{entry.stem}.html").exists()
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))


def test_a_person_with_no_events_left_loses_their_pages(site: Site, tmp_path: Path) -> None:
    people = {p.stem for p in (site.output / "people").glob("*.html")} - {"index"}
    for entry in (site.content / "events").glob("*.md"):
        if "People:" in entry.read_text("utf-8"):
            entry.unlink()
    result = site.regenerate()
    assert not result.full
    assert {f"people/{slug}.html" for slug in people} <= set(result.removed)
    assert not list((site.output / "people").glob("*/timeline.json"))
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))


def test_a_deleted_source_leaves_the_events_quoting_it_without_a_link(site: Site, tmp_path: Path) -> None:
    entry = sorted((site.content / "sources").glob("*.md"))[0]
    entry.unlink()
    result = site.regenerate()
    assert not result.full and f"sources/{entry.stem}.html" in result.removed
    quoting = [p for p in result.written if p.startswith("events/")]
    assert quoting  # their quotes name the article but link to no page of ours
    for page in quoting:
        links = BeautifulSoup((site.output / page).read_text("utf-8"), "html.parser").select("main a[href]")
        assert not any(f"{entry.stem}.html" in a["href"] for a in links)
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))


def test_short_feeds_keep_the_newest_events_as_a_full_build_does(site: Site, tmp_path: Path) -> None:
    short = {"FEED_MAX_ITEMS": 2}  # Pelican's feed and the updates feed keep the two newest
    assert site.regenerate(**short).full  # another setting
    ingest([LATER], site.content)
    result = site.regenerate(**short)
    assert not result.full and {"feeds/all.atom.xml", "feeds/updates.atom.xml"} <= set(result.written)
    for feed in ("feeds/all.atom.xml", "feeds/updates.atom.xml"):
        assert len(BeautifulSoup((site.output / feed).read_bytes(), "xml").find_all("entry")) == 2
    assert_same_tree(site.output, site.full_build(tmp_path / "full", **short))


def test_a_settings_change_builds_in_full(site: Site, tmp_path: Path) -> None:
    result = site.regenerate(SITENAME="The Istanbul talks")
    assert result.full and result.reason == "settings, theme or code changed"
    assert "The Istanbul talks" in (site.output / "index.html").read_text("utf-8")
    assert_same_tree(site.output, site.full_build(tmp_path / "full", SITENAME="The Istanbul talks"))
    assert not site.regenerate(SITENAME="The Istanbul talks").full


def test_what_the_record_keeps_follows_a_settings_change(site: Site, tmp_path: Path) -> None:
    moved = {"SITEURL": "https://example.org/istanbul-talks"}  # in every event of the exports
    assert site.regenerate(**moved).full
    ingest([LATER], site.content)
    assert not site.regenerate(**moved).full
    assert "https://example.org/istanbul-talks" in (site.output / "timeline.json").read_text("utf-8")
    assert_same_tree(site.output, site.full_build(tmp_path / "full", **moved))


def test_a_theme_change_builds_in_full(site: Site, tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    site.settings["THEME"] = str(theme)
    assert site.regenerate().full  # another theme folder is another setting
    footer = theme / "templates" / "base.html"
    footer.write_text(footer.read_text("utf-8").replace("Every event quotes", "Each event quotes"), "utf-8")
    result = site.regenerate()
    assert result.full and result.reason == "settings, theme or code changed"
    assert "Each event quotes" in (site.output / "index.html").read_text("utf-8")
    assert_same_tree(site.output, site.full_build(tmp_path / "full", THEME=str(theme)))


def test_bounded_embeds_are_written_as_a_full_build_writes_them(site: Site, tmp_path: Path) -> None:
    bounded = {"TIMELINE_EMBED_LIMIT": 2}
    assert site.regenerate(**bounded).full  # another setting
    ingest([LATER], site.content)
    result = site.regenerate(**bounded)
    assert not result.full and "embed/index.html" in result.written
    listed = BeautifulSoup((site.output / "embed/index.html").read_text("utf-8"), "html.parser")
    assert len(listed.select("ol.events > li")) == 2
    assert_same_tree(site.output, site.full_build(tmp_path / "full", **bounded))


def test_the_build_key_follows_the_code_that_renders_and_no_other() -> None:
    names = {
        m.__name__ for m in inputs.rendering_modules(["timeline.pelican_plugin", "timeline.incremental"])
    }
    assert {"timeline.site_model", "timeline.exports", "timeline.markdown_format", "timeline.periods",
            "timeline.pelican_plugin.pages", "timeline.incremental.documents"} <= names  # fmt: skip
    assert not {n for n in names if n.startswith(("timeline.temporal", "timeline.events", "timeline.merge"))}


@pytest.mark.parametrize("gone", ["people", "theme/css", "sources/index.html", "index.html"])
def test_a_missing_output_builds_in_full(site: Site, tmp_path: Path, gone: str) -> None:
    """A whole folder, or one file of a folder that is still there."""
    path = site.output / gone
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink()
    result = site.regenerate()
    assert result.full and "missing from the output folder" in result.reason
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))


def test_an_entry_only_pelican_can_render_builds_in_full(site: Site, tmp_path: Path) -> None:
    entry = next(
        p for p in sorted((site.content / "events").glob("*.md")) if "Status: happened" in p.read_text()
    )
    text = entry.read_text("utf-8")
    entry.write_text(text.replace("Status: happened", "Status: happened\nAuthor: Desk editor", 1), "utf-8")
    result = site.regenerate()
    assert result.full and entry.name in result.reason and "author" in result.reason
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))
    entry.write_text(text, "utf-8")
    assert site.regenerate().full  # the last build had no record of its outputs
    assert not site.regenerate().full  # but this one has: incremental again


def test_an_interrupted_regeneration_is_finished_by_the_next(site: Site, tmp_path: Path) -> None:
    ingest([LATER], site.content)
    cache = Path(str(site.settings["CACHE_PATH"]))
    # As if a regeneration had written the index halfway and died before saving its record.
    record.mark_pending(cache, ["index.html"])
    (site.output / "index.html").write_text("<html><body>half", "utf-8")
    result = site.regenerate()
    assert not result.full and "index.html" in result.written
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))


def test_a_data_file_that_cannot_be_written_fails_the_run_and_the_next_writes_it(
    site: Site, tmp_path: Path
) -> None:
    """The data files are written by a thread of their own while the pages render: its error is
    the run's, which saves no record, and the next run writes again what this one meant to."""
    ingest([LATER], site.content)
    blocker = site.output / f".timeline.json{journal.TMP_SUFFIX}"  # where the new file is written first
    (blocker / "in-the-way").mkdir(parents=True)
    with pytest.raises(IsADirectoryError):
        site.regenerate()
    full = site.full_build(tmp_path / "full")
    assert (site.output / "timeline.json").read_bytes() != (full / "timeline.json").read_bytes()
    shutil.rmtree(blocker)
    result = site.regenerate()
    assert not result.full and {"timeline.json", "index.html"} <= set(result.written)
    assert_same_tree(site.output, full)


def test_what_pelican_writes_beyond_our_outputs_keeps_every_build_full(site: Site, tmp_path: Path) -> None:
    result = site.regenerate(FEED_ATOM="feeds/articles.atom.xml")  # Pelican's own feed of articles
    assert result.full and (site.output / "feeds/articles.atom.xml").is_file()
    again = site.regenerate(FEED_ATOM="feeds/articles.atom.xml")
    assert (
        again.full and again.reason == "Pelican wrote feeds/articles.atom.xml, which only a full build writes"
    )


def test_the_first_article_of_an_empty_site(tmp_path: Path) -> None:
    site = Site(tmp_path)
    site.content.mkdir()
    assert site.regenerate().full
    ingest([SEED], site.content)
    result = site.regenerate()
    assert not result.full and "index.html" in result.written
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))


def test_whole_timeline_files_are_assembled_from_the_last_build_s_parts(
    site: Site, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    ingest([LATER], site.content)
    caplog.set_level(logging.WARNING, logger="timeline.incremental")
    result = site.regenerate()
    assert {"timeline.ics", "timeline.json", "timelinejs.json"} <= set(result.written)
    assert not caplog.records  # no file had to be made whole
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))


def _mark_first_event(path: Path) -> None:
    """Change the title of the first event of a JSON export, as no build writes it."""
    text = path.read_text("utf-8")
    assert text.count('\n   "title": "') > 1
    path.write_text(text.replace('\n   "title": "', '\n   "title": "Marked: ', 1), "utf-8")


def test_an_unchanged_event_s_part_is_cut_from_the_file_the_last_build_wrote(site: Site) -> None:
    """Proof that a part is taken, not made again: a mark put into the last file stays."""
    for name in ("timeline.json", "places/ukraine/timeline.json"):
        _mark_first_event(site.output / name)
    ingest([LATER], site.content)
    result = site.regenerate()
    for name in ("timeline.json", "places/ukraine/timeline.json"):
        assert name in result.written
        assert '"title": "Marked: ' in (site.output / name).read_text("utf-8")


def test_a_feed_keeps_the_entries_of_unchanged_events_from_the_feed_the_last_build_wrote(
    site: Site, tmp_path: Path
) -> None:
    """Proof that an entry is taken, not made again: a mark put into every entry of the last
    feed stays in those of events the article left as they were, and only there."""
    names = ["feeds/updates.atom.xml", "feeds/places/ukraine.atom.xml"]
    for name in names:
        path = site.output / name
        path.write_text(path.read_text("utf-8").replace("<summary>", "<summary>Marked: "), "utf-8")
    ingest([LATER], site.content)
    result = site.regenerate()
    full = site.full_build(tmp_path / "full")
    for name in names:
        assert name in result.written
        ours, theirs = (ET.parse(root / name).getroot() for root in (site.output, full))
        summaries = _summaries(ours)
        assert 0 < sum(s.startswith("Marked: ") for s in summaries) < len(summaries)
        assert [s.removeprefix("Marked: ") for s in summaries] == _summaries(theirs)


def _summaries(feed: ET.Element) -> list[str]:
    return [entry.findtext(f"{ATOM}summary") or "" for entry in feed.iter(f"{ATOM}entry")]


def test_a_file_an_interrupted_run_may_have_written_is_not_cut(site: Site, tmp_path: Path) -> None:
    """Its parts may be those of entries the record does not know: every part is made."""
    _mark_first_event(site.output / "timeline.json")
    record.mark_pending(Path(str(site.settings["CACHE_PATH"])), ["timeline.json"])
    ingest([LATER], site.content)
    assert "timeline.json" in site.regenerate().written
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))


@pytest.mark.parametrize("last", ["full build", "regeneration"])
def test_a_file_that_does_not_cut_into_its_events_is_made_whole(
    site: Site, tmp_path: Path, last: str
) -> None:
    """Also when the last build was a regeneration, which recorded where its parts lay: the
    file changed since, and that record no longer says."""
    if last == "regeneration":
        ingest([LATER], site.content)
        assert not site.regenerate().full
    calendar = site.output / "timeline.ics"
    data = calendar.read_bytes()
    first = data.index(b"BEGIN:VEVENT\r\n")
    calendar.write_bytes(data[:first] + data[data.index(b"BEGIN:VEVENT\r\n", first + 1) :])  # one event less
    document = site.output / "timelinejs.json"
    document.write_text(document.read_text("utf-8").replace('"events": [', '"slides": [', 1), "utf-8")
    ingest([CORRECTED if last == "regeneration" else LATER], site.content)
    assert {"timeline.ics", "timelinejs.json"} <= set(site.regenerate().written)
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))


ASSEMBLED = ("timeline.json", "timelinejs.json", "timeline.ics", "places/ukraine/timeline.json")


def _cut_by_search(site: Site, name: str) -> list[bytes] | None:
    data = (site.output / name).read_bytes()
    if name == "timeline.ics":
        head = data[: data.index(b"BEGIN:VEVENT\r\n")]
        found = documents.calendar_blocks(data, head)
    else:
        found = documents.json_objects(data)
    return None if found is None else [bytes(part) for part in found]


def test_where_each_part_lies_is_recorded_as_the_file_is_assembled(site: Site) -> None:
    """The record says where the parts of each file it assembled lie, as searching the file finds them."""
    ingest([LATER], site.content)
    result = site.regenerate()
    laid = record.load(Path(str(site.settings["CACHE_PATH"]))).laid
    for name in ASSEMBLED:
        assert name in result.written and name in laid
        path = site.output / name
        assert laid[name].stat == documents.stat_of(path.stat())
        parts = [bytes(p) for p in laid[name].parts(path.read_bytes())]
        assert len(parts) > 1 and parts == _cut_by_search(site, name)


def test_a_file_whose_parts_the_record_places_is_not_searched(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a regeneration the next one cuts its files where the record says, without looking
    for the boundaries of their parts (the whole-timeline files are tens of megabytes)."""
    ingest([LATER], site.content)
    first = site.regenerate().written
    searched: list[bytes] = []
    for name in ("json_objects", "calendar_blocks"):
        search = getattr(documents, name)
        monkeypatch.setattr(documents, name, lambda data, *a, s=search: searched.append(data) or s(data, *a))
    laid = {name: (site.output / name).read_bytes() for name in first if name.endswith(ASSEMBLED[:3])}
    ingest([CORRECTED], site.content)
    again = [name for name in site.regenerate().written if name in laid]
    assert set(ASSEMBLED[:3]) <= set(again) and len(again) > 3  # and a slice
    assert not {laid[name] for name in again}.intersection(searched)
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))


# Pages inside the slices' folders: each slice links to its own page as 'index.html' and to
# another's as '../<slug>/index.html'.
INSIDE = {"TIMELINE_PERSON_URL": "people/{slug}/index.html", "TIMELINE_PLACE_URL": "places/{slug}/index.html"}


@pytest.mark.parametrize("layout", [{}, INSIDE], ids=["default", "pages inside the slices' folders"])
def test_json_slices_are_assembled_from_the_last_build_s_parts(
    site: Site, tmp_path: Path, layout: dict[str, str]
) -> None:
    """A recurring name's slice holds much of the site: it is assembled as the whole-timeline
    files are, each from its own last file."""
    if layout:
        assert site.regenerate(**layout).full
    for article in (LATER, CORRECTED):
        ingest([article], site.content)
        result = site.regenerate(**layout)
        assert any(p.endswith("/timeline.json") for p in result.written)  # a slice, assembled again
    assert_same_tree(site.output, site.full_build(tmp_path / "full", **layout))


def _index_digest(events: list[Event], layout: Layout) -> tuple[bytes, object]:
    """The digest of the index page of a model of ``events``, as a build takes it, and its view."""
    model = build_model(events, [], layout)
    entries = {e.slug: fingerprint.of_value(e) for e in events}
    values = fingerprint.Values(outputs.SHARED_VIEWS)
    pages = page_digests.PageDigests(model, entries, {}, {}, values.of)
    return pages.of(next(s for s in listing_pages(model) if s.template == "index")), model.timeline


def test_the_index_s_digest_follows_every_section_it_lists(site: Site) -> None:
    """The index is digested from its own fields and its sections' digests: an event changed in
    a section that only its contents list changes it, as it changes the index's view."""
    events, layout = load_events(site.content), Layout(recent_sections=1)
    oldest = min(events, key=event_order)
    digest, view = _index_digest(events, layout)
    assert oldest.title not in str(view.years) and oldest.title in str(view.contents)
    retitled = [replace(e, title=f"{e.title}, again") if e is oldest else e for e in events]
    other, other_view = _index_digest(retitled, layout)
    assert other_view != view and other != digest
    assert _index_digest(list(reversed(events)), layout)[0] == digest  # the same view, the same digest


def test_an_entry_whose_stat_is_as_last_seen_is_not_read_again(site: Site) -> None:
    """Bytes decide; a stat that cannot have changed without a write saves reading the file."""
    entry = sorted((site.content / "events").glob("*.md"))[0]
    rel = f"events/{entry.name}"
    first = inputs.scan(site.content, [".timeline"])
    later = replace(first, started=first.started + 10**10)  # as if scanned ten seconds later
    trusted = replace(later, entries={**later.entries, rel: b"as recorded"})
    assert inputs.scan(site.content, [".timeline"], trusted).entries[rel] == b"as recorded"
    old = entry.stat()
    text = entry.read_text("utf-8")
    entry.write_text(text.replace("Status: happened", "Status: happeneD"), "utf-8")  # same size
    os.utime(entry, ns=(old.st_atime_ns, old.st_mtime_ns))  # and the old mtime: only ctime tells
    assert inputs.scan(site.content, [".timeline"], trusted).entries[rel] == fingerprint.of_file(entry)
    racy = replace(first, entries={**first.entries, rel: b"as recorded"})  # changed as it was scanned
    assert inputs.scan(site.content, [".timeline"], racy).entries[rel] == fingerprint.of_file(entry)


def test_a_broken_record_means_a_full_build(site: Site) -> None:
    path = record.path_in(Path(str(site.settings["CACHE_PATH"])))
    path.write_bytes(b"not a record")
    result = site.regenerate()
    assert result.full and result.reason == "no record of a previous build"


def test_a_record_of_an_older_format_means_a_full_build(site: Site, tmp_path: Path) -> None:
    """A record written by an older version (which kept less, or kept it otherwise) is no record."""
    cache = Path(str(site.settings["CACHE_PATH"]))
    index = pickle.loads(record.path_in(cache).read_bytes())
    record.path_in(cache).write_bytes(pickle.dumps(replace(index, format=record.FORMAT - 1)))
    record.release()  # as a new process would
    ingest([LATER], site.content)
    result = site.regenerate()
    assert result.full and result.reason == "no record of a previous build"
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))


def test_a_missing_record_shard_means_a_full_build(site: Site) -> None:
    shards = Path(str(site.settings["CACHE_PATH"])) / record.SHARDS_DIR
    next(shards.iterdir()).unlink()
    result = site.regenerate()
    assert result.full and result.reason == "no record of a previous build"


def test_a_broken_record_shard_is_made_again_by_the_full_build_that_follows(site: Site) -> None:
    """A shard's name says what it holds, but not that its bytes are whole: a full build writes
    every file of its record again, so the run after it regenerates."""
    shards = Path(str(site.settings["CACHE_PATH"])) / record.SHARDS_DIR
    for path in shards.iterdir():
        path.write_bytes(b"not a pickle")
    result = site.regenerate()
    assert result.full and result.reason == "no record of a previous build"
    ingest([LATER], site.content)
    assert not site.regenerate().full


def test_saving_the_record_rewrites_only_the_shards_of_changed_entries(site: Site) -> None:
    shards = Path(str(site.settings["CACHE_PATH"])) / record.SHARDS_DIR
    before = {p.name for p in shards.iterdir()}
    ingest([LATER], site.content)
    assert not site.regenerate().full
    after = {p.name for p in shards.iterdir()}
    assert before - after and after - before  # the shards of new entries were replaced,
    assert len(after - before) < len(after) / 2  # and most kept
    loaded = record.load(Path(str(site.settings["CACHE_PATH"])))
    assert set(loaded.entries) == set(inputs.scan(site.content, [".timeline"]).entries)


def test_a_record_saved_in_part_is_the_record_saved_whole(site: Site, tmp_path: Path) -> None:
    """A regeneration saves only the shards whose keys changed; what it leaves is what saving
    the same record from scratch writes."""
    cache = Path(str(site.settings["CACHE_PATH"]))
    ingest([LATER], site.content)
    assert not site.regenerate().full
    kept = record.load(cache)
    record.save(tmp_path / "whole", kept)
    names = {p.name for p in (tmp_path / "whole" / record.SHARDS_DIR).iterdir()} - {kept.base_file}
    assert names == {p.name for p in (cache / record.SHARDS_DIR).iterdir()} - {kept.base_file}
    record.release()  # read from the files, not the record this process kept
    again = record.load(tmp_path / "whole")
    assert (again.entries, again.items) == (kept.entries, kept.items)
    assert again.feed_items.keys() == kept.feed_items.keys()


def test_a_regeneration_writes_the_rows_that_changed_not_the_tables_they_are_in(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each output's digest, each entry's stat and the model's tables (megabytes at ten thousand
    events) are kept in a base file; a save writes the rows that changed since into the index,
    and the record read back is the one the regeneration made."""
    cache = Path(str(site.settings["CACHE_PATH"]))
    monkeypatch.setattr(record, "FOLD", 0)  # never a new base
    base = cache / record.SHARDS_DIR / record.load(cache).base_file
    before = base.stat()
    ingest([LATER], site.content)
    assert not site.regenerate(keep=True).full
    kept = record.load(cache)  # the record as the regeneration made it, kept in memory
    index = pickle.loads(record.path_in(cache).read_bytes())
    assert (index.derived, index.outputs, index.scan.stats) == (None, {}, {})
    assert cache / record.SHARDS_DIR / index.base_file == base
    assert (base.stat().st_ino, base.stat().st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert index.changes["outputs"] and index.changes["items"] and index.changes["groups"]
    record.release()  # as a new process would read it
    read = record.load(cache)
    assert read is not kept
    assert (read.outputs, read.scan, read.derived) == (kept.outputs, kept.scan, kept.derived)
    assert read.derived == derive(load_events(site.content), Layout())


def test_once_the_changes_are_a_large_share_of_the_base_a_new_base_is_written(site: Site) -> None:
    """A small site's one article changes more than an eighth of its rows."""
    cache = Path(str(site.settings["CACHE_PATH"]))
    base = record.load(cache).base_file
    assert site.regenerate().written == ()
    assert pickle.loads(record.path_in(cache).read_bytes()).base_file == base  # nothing changed
    ingest([LATER], site.content)
    assert not site.regenerate().full
    index = pickle.loads(record.path_in(cache).read_bytes())
    assert index.base_file != base and not index.changes
    assert not (cache / record.SHARDS_DIR / base).exists()
    record.release()
    assert record.load(cache).derived == derive(load_events(site.content), Layout())


def test_a_missing_base_of_the_record_means_a_full_build(site: Site) -> None:
    cache = Path(str(site.settings["CACHE_PATH"]))
    (cache / record.SHARDS_DIR / record.load(cache).base_file).unlink()
    record.release()
    result = site.regenerate()
    assert result.full and result.reason == "no record of a previous build"


# A regeneration in a process of its own: settings file, output, content and cache folders.
CHILD = """
import sys
from pathlib import Path
from timeline.incremental import regenerate
settings, output, content, cache = sys.argv[1:]
regenerate(Path(settings), Path(output), {"PATH": content, "CACHE_PATH": cache})
"""


@pytest.mark.slow
def test_a_regeneration_killed_while_saving_its_record_leaves_one_the_next_run_can_trust(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record's files (shards, the model's groups, the index last) are written one by one: a
    regeneration killed (SIGKILL) after each of those writes leaves the last record whole (its
    index and the files it names) or the new one, which the next run regenerates from; its
    output is a full build's.  (A file the index names that is missing: a full build, above.)"""
    ingest([LATER], site.content)
    folders = ("content", "output", "cache")
    for name in folders:
        shutil.copytree(site.root / name, tmp_path / "before" / name)
    counted: list[int] = []
    save = record.save

    def counting(*args: object, **kwargs: object) -> None:
        counted.append(journal._writes)
        save(*args, **kwargs)
        counted.append(journal._writes)

    monkeypatch.setattr(record, "save", counting)
    start = journal._writes
    assert not site.regenerate().full
    monkeypatch.undo()
    full = site.full_build(tmp_path / "full")
    first, last = (n - start for n in counted)
    assert last - first >= 6  # a shard, the base (a small site's) and the index, each written then renamed
    for n in range(first + 2, last + 1, 2):  # right after each file of the record is renamed into place
        for name in folders:
            shutil.rmtree(site.root / name)
            shutil.copytree(tmp_path / "before" / name, site.root / name)
        args = [str(SETTINGS), str(site.output), str(site.content), str(site.settings["CACHE_PATH"])]
        env = {**os.environ, journal.CRASH_ENV: str(n)}
        killed = subprocess.run(
            [sys.executable, "-c", CHILD, *args], env=env, capture_output=True, timeout=300
        )
        assert killed.returncode == -signal.SIGKILL, killed.stderr
        record.release()
        assert not site.regenerate().full  # the last record whole, or the new one
        assert_same_tree(site.output, full)
        assert site.regenerate().written == ()  # and the record it saved describes it


# ---------------------------------------------------------------- a bigger, generated story


@pytest.fixture(scope="module")
def story_module():
    """The benchmark's generator of invented stories (bench/_story.py)."""
    spec = importlib.util.spec_from_file_location("_story", ROOT / "bench" / "_story.py")
    module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_one_article_into_a_generated_story_of_300_events(story_module, tmp_path: Path) -> None:
    site = Site(tmp_path)
    story = story_module.invent(300, seed=7)
    story.write(site.content)
    assert site.regenerate().full
    latest = max(a.published for a in story.sources)
    text, name = story_module.article_text(latest + timedelta(days=3), seed=3)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / name).write_text(text, "utf-8")
    report = ingest([inbox / name], site.content)
    assert report.ok and report.events_new >= 2
    result = site.regenerate()
    assert not result.full
    total = len(files(site.output))
    assert len(result.written) < total / 10, (len(result.written), total)
    assert_same_tree(site.output, site.full_build(tmp_path / "full"))


@pytest.mark.slow
def test_a_regeneration_reads_the_events_of_the_pages_it_reaches_only(
    story_module, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The others stay pickled in the record (``inputs.EventEntry``).  Feeds and embeds show
    the newest events whatever changed: short ones here, so that what is read is what the
    article reaches."""
    site = Site(tmp_path)
    short = {"FEED_MAX_ITEMS": 5, "TIMELINE_EMBED_LIMIT": 5}
    story = story_module.invent(300, seed=11)
    story.write(site.content)
    assert site.regenerate(**short).full
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    later = max(a.published for a in story.sources) + timedelta(days=3)
    text, name = story_module.article_text(later, seed=5)
    (inbox / name).write_text(text, "utf-8")
    assert ingest([inbox / name], site.content).ok
    read: set[str] = set()
    unread = inputs.EventEntry.event

    def reading(entry: inputs.EventEntry) -> Event:
        read.add(entry.slug)
        return unread.fget(entry)

    monkeypatch.setattr(inputs.EventEntry, "event", property(reading))
    assert not site.regenerate(**short).full
    monkeypatch.undo()
    assert 0 < len(read) < 300 / 5, len(read)
    assert_same_tree(site.output, site.full_build(tmp_path / "full", **short))


def test_an_event_entry_keeps_its_event_pickled_until_read() -> None:
    event = Event("e1", "talks-in-istanbul", "2025-05-16", "day", "Talks in Istanbul", "", "happened")
    entry = inputs.EventEntry(event, order=1747353600.0, updated=date(2025, 5, 19))
    kept = pickle.loads(pickle.dumps(entry))
    assert (kept.slug, kept.order, kept.updated) == ("talks-in-istanbul", 1747353600.0, date(2025, 5, 19))
    assert pickle.dumps(kept) == pickle.dumps(entry)  # saved again as it was loaded, unread
    assert kept.event == event and kept == entry


def test_views_follow_each_build_s_layout_in_one_process(story_module) -> None:
    """The site model keeps the links it makes for the life of the process (``watch`` builds
    again and again): a build with other URL settings still shows its own URLs."""
    story = story_module.invent(60, seed=5)
    first = build_model(story.events, story.sources, Layout())
    moved = Layout(person="who/{slug}/", place="where/{slug}/", section="when/{key}/", source="read/{slug}/")
    events, articles = {e.slug: e for e in story.events}, {a.slug for a in story.sources}
    for view in build_model(story.events, story.sources, moved).events:
        event = events[view.slug]
        assert [p.url for p in view.people] == [f"who/{p.slug}/" for p in event.people]
        assert [p.url for p in view.places] == [f"where/{p.slug}/" for p in event.places]
        assert view.section.url == f"when/{section_path(section_key(event.date))}/"
        cited = [f"read/{s.article}/" if s.article in articles else None for s in event.sources]
        assert [q.source_url for q in view.quotes] == cited
    assert build_model(story.events, story.sources, Layout()) == first


# ---------------------------------------------------------------- what a change reaches, in a bigger story


class Story(Site):
    """A generated story of 150 events built in full once; each test starts from that build,
    restored in the same folder (the record names its output folder)."""

    def __init__(self, root: Path, snapshot: Path) -> None:
        super().__init__(root)
        self.snapshot = snapshot

    def restore(self) -> None:
        shutil.rmtree(self.root)
        shutil.copytree(self.snapshot, self.root)

    def events(self) -> list[Path]:
        return sorted((self.content / "events").glob("*.md"))

    def field(self, entry: Path, name: str) -> str:
        return next(line for line in entry.read_text("utf-8").splitlines() if line.startswith(f"{name}: "))


@pytest.fixture(scope="module")
def built_story(story_module, tmp_path_factory: pytest.TempPathFactory) -> Story:
    root = tmp_path_factory.mktemp("story") / "site"
    snapshot = root.parent / "snapshot"
    story = Story(root, snapshot)
    story_module.invent(150, seed=11).write(story.content)
    assert story.regenerate().full
    shutil.copytree(root, snapshot)
    return story


@pytest.fixture
def story(built_story: Story) -> Story:
    built_story.restore()
    return built_story


def _edit(entry: Path, old: str, new: str) -> None:
    text = entry.read_text("utf-8")
    assert old in text
    entry.write_text(text.replace(old, new, 1), "utf-8")


def _day_event(story: Story, after: int = 0) -> Path:
    """An event dated to a day, past the first ``after`` of them."""
    return [e for e in story.events() if story.field(e, "Precision") == "Precision: day"][after]


def move_to_an_empty_month(story: Story) -> list[str]:
    """Redate the only event of its month to a month no event is in: its section goes (the
    sections on each side now link to each other), and a new one comes between two others."""
    sections = Counter(section_key(story.field(e, "Event_date").split(": ")[1]) for e in story.events())
    entry = next(
        e
        for e in story.events()[10:]
        if story.field(e, "Precision") == "Precision: day"
        and sections[section_key(story.field(e, "Event_date").split(": ")[1])] == 1
    )
    taken = set(sections)
    year = int(story.field(entry, "Event_date").split(": ")[1][:4])
    empty = next(
        f"{y}-{m:02d}" for y in range(year, year + 20) for m in range(1, 13) if f"{y}-{m:02d}" not in taken
    )
    day = story.field(entry, "Event_date").split(": ")[1]
    _edit(entry, f"Event_date: {day}", f"Event_date: {empty}-15")
    _edit(entry, f"Date: {day}", f"Date: {empty}-15")
    return [f"events/{entry.stem}.html", f"timeline/{empty}.html"]


def delete_an_event(story: Story) -> list[str]:
    entry = _day_event(story, 20)
    entry.unlink()
    return []


def rename_a_person(story: Story) -> list[str]:
    """One event names a person otherwise: a new person's pages, and the old one's lose it."""
    entry = next(e for e in story.events()[30:] if ";" not in story.field(e, "People"))
    name = story.field(entry, "People").split(": ")[1]
    _edit(entry, f"People: {name}", f"People: {name} Okonkwo")
    return [f"events/{entry.stem}.html", f"people/{slugs.slugify(name + ' Okonkwo')}.html"]


def respell_a_person(story: Story) -> list[str]:
    """The same slug spelt otherwise, which becomes the name the person's pages show."""
    entry = next(e for e in story.events()[40:] if ";" not in story.field(e, "People"))
    name = story.field(entry, "People").split(": ")[1]
    _edit(entry, f"People: {name}", f"People: {name.upper()}")
    return [f"people/{slugs.slugify(name)}.html"]


def retitle_an_event(story: Story) -> list[str]:
    """Its neighbours' pages link to it by title."""
    items = build_model(load_events(story.content), []).events.items
    entry = story.events()[70]
    retitle(entry, "A title a neighbour shows")
    at = next(i for i, item in enumerate(items) if item.url == f"events/{entry.stem}.html")
    return [items[at - 1].url, items[at].url, items[at + 1].url]


def retitle_a_source(story: Story) -> list[str]:
    retitle(sorted((story.content / "sources").glob("*.md"))[25], "A source retitled by hand")
    return []


def a_new_article(story_module) -> Callable[[Story], list[str]]:
    def add(story: Story) -> list[str]:
        text, name = story_module.article_text(date(2019, 3, 4), seed=5)  # within the story's years
        inbox = story.root / "inbox"
        inbox.mkdir()
        (inbox / name).write_text(text, "utf-8")
        before = set((story.content / "sources").glob("*.md"))
        report = ingest([inbox / name], story.content)
        assert report.ok and report.events_new
        return [f"sources/{p.stem}.html" for p in set((story.content / "sources").glob("*.md")) - before]

    return add


def plan_an_event(story: Story) -> list[str]:
    """A happened event becomes planned: its page, its list items and its neighbours' pages."""
    entry = _day_event(story, 50)
    _edit(entry, "Status: happened", "Status: planned")
    return [f"events/{entry.stem}.html"]


EDITS = {
    "move to an empty month": move_to_an_empty_month,
    "plan an event": plan_an_event,
    "delete an event": delete_an_event,
    "rename a person": rename_a_person,
    "respell a person": respell_a_person,
    "retitle an event": retitle_an_event,
    "retitle a source": retitle_a_source,
}


@pytest.mark.slow
@pytest.mark.parametrize("edit", [*EDITS, "a new article"])
def test_an_edit_rewrites_what_it_reaches_and_the_tree_is_a_full_build_s(
    story: Story, story_module, tmp_path: Path, edit: str
) -> None:
    change = EDITS.get(edit) or a_new_article(story_module)
    expected = change(story)
    result = story.regenerate()
    assert not result.full
    assert set(expected) <= set(result.written)
    assert len(result.written) + len(result.removed) < len(files(story.output)) / 10
    assert_same_tree(story.output, story.full_build(tmp_path / "full"))


def _record_fields(kept: record.Record) -> tuple[object, ...]:
    """What a record holds, its shards' tables too (feed items, which compare by identity, by key)."""
    held = [{t: v.keys() if t == "feed_items" else v for t, v in shard.items()} for shard in kept.held]
    return (
        kept.key, kept.output, kept.scan, kept.entries, kept.outputs, kept.static,
        kept.feed_items.keys(), kept.items, kept.refused, kept.derived, kept.shards, held,
    )  # fmt: skip


@pytest.mark.slow
def test_the_record_a_process_keeps_is_the_one_its_files_hold_edit_after_edit(
    story: Story, story_module, tmp_path: Path
) -> None:
    """``timeline watch`` regenerates again and again in one process, from the record it saved
    last (kept in memory, not read back): after each edit it is what a new process would read."""
    cache = Path(str(story.settings["CACHE_PATH"]))
    assert story.regenerate(keep=True).written == ()
    previous = record.load(cache)
    for number, change in enumerate((a_new_article(story_module), *EDITS.values())):
        change(story)
        assert record.load(cache) is previous  # kept, and its files as it left them
        assert not story.regenerate(keep=True).full
        kept = record.load(cache)
        assert kept is not previous and kept is record.load(cache)
        read = record.load(shutil.copytree(cache, tmp_path / f"cache-{number}"))  # from its files
        assert _record_fields(read) == _record_fields(kept)
        previous = kept
    assert_same_tree(story.output, story.full_build(tmp_path / "full"))


@pytest.mark.slow
def test_the_model_patched_edit_after_edit_is_the_model_derived_from_scratch(
    story: Story, story_module, tmp_path: Path
) -> None:
    """A regeneration patches the last build's model with the changed events (``site_model.patch``):
    after each edit, and whether its record was kept or read back, it is the one derived from
    every event, and the tree is a full build's."""
    cache = Path(str(story.settings["CACHE_PATH"]))
    layout = Layout.from_settings(site_settings(SETTINGS, story.output, story.settings))
    for number, change in enumerate((a_new_article(story_module), *EDITS.values())):
        change(story)
        assert not story.regenerate(keep=number % 2 == 1).full
        assert record.load(cache).derived == derive(load_events(story.content), layout)
    assert_same_tree(story.output, story.full_build(tmp_path / "full"))


def test_a_record_its_process_did_not_write_is_read_from_its_files(site: Site) -> None:
    """Files of the record written since (another process, a restored backup) are read again;
    a regeneration that is not asked to keep the record lets it go."""
    cache = Path(str(site.settings["CACHE_PATH"]))
    assert record.load(cache) is not record.load(cache)
    assert site.regenerate(keep=True).written == ()
    kept = record.load(cache)
    assert kept is record.load(cache)
    path = record.path_in(cache)
    journal.write_atomic(path, path.read_bytes(), sync=False)  # the same bytes, another file
    read = record.load(cache)
    assert read is not kept and _record_fields(read) == _record_fields(kept)
    shard = cache / record.SHARDS_DIR / read.shards[0]
    shard.write_bytes(b"not a shard")
    assert record.load(cache) is None
    assert site.regenerate().reason == "no record of a previous build"


# Each rule of ``reach``, and an edit that needs it: without the rule, the regeneration leaves
# a page stale (so the edits above do test the rules).
BROKEN = {
    "_neighbours": "retitle an event",
    "_sections": "move to an empty month",
    "_quoting": "retitle a source",
    "_subjects": "rename a person",
}


@pytest.mark.slow
@pytest.mark.parametrize("rule", BROKEN)
def test_a_reach_without_one_of_its_rules_leaves_stale_pages(
    story: Story, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rule: str
) -> None:
    monkeypatch.setattr(reach, rule, lambda *_args: set())
    EDITS[BROKEN[rule]](story)
    assert not story.regenerate().full
    with pytest.raises(AssertionError, match="differ from a full build"):
        assert_same_tree(story.output, story.full_build(tmp_path / "full"))


def test_timelinejs_ids_that_collide_are_assembled_as_the_exporter_renames_them() -> None:
    """Each event's part is made alone, where its id cannot collide; the whole file is then
    made by the exporter, which renames the second of two ids that do."""
    site = ExportSite("Talks")

    def entry(slug: str) -> Entry:
        event = Event(slug, slug, "2025-05-16", "day", "Talks in Istanbul", "", "happened")
        return Entry(event, f"events/{slug}.html", date(2025, 5, 19))

    # Past the two events the assembly is checked on; "gr-ve" and "grève" both give the id gr-ve.
    ordered = chronological([entry(slug) for slug in ("accord", "gr-ve", "grève", "talks")])
    digests = [fingerprint.of_bytes(e.event.slug.encode("utf-8")) for e in ordered]
    document = exported.whole_documents(site)[TIMELINEJS]
    made = documents.json_document(TIMELINEJS, document, ordered, digests, None, documents.Parts())
    assert made.decode("utf-8") == json_text(document(ordered))
    ids = [slide["unique_id"] for slide in json.loads(made)["events"]]
    assert len(set(ids)) == len(ids) == 4


def _tied_entries() -> list[Entry]:
    """Twenty events, four to a date and eight to a day they were found on: ties on every part
    of a feed's order but the slug."""
    return [
        Entry(
            Event(
                f"{i:012x}", f"talks-{i:02d}", f"2025-05-{10 + i // 4:02d}", "day", "Talks", "", "happened"
            ),
            f"events/talks-{i:02d}.html",
            date(2025, 6, 1) + timedelta(days=i // 8),
        )
        for i in range(20)
    ]


@pytest.mark.parametrize("limit", [1, 4, 5, 7, 30])
def test_a_feed_s_newest_events_are_those_of_a_full_sort_whatever_the_ties(limit: int) -> None:
    """Feeds key in full only the events of their newest days or dates: with many events on
    those, the items and their order are still those of sorting every event."""
    entries = _tied_entries()
    site = ExportSite("Talks", "https://talks.example")
    feed = ET.fromstring(atom_feed(entries[::-1], site, "feeds/updates.atom.xml", "Talks", limit))
    shown = [link.get("href") for link in feed.iterfind(f"{ATOM}entry/{ATOM}link")]
    newest = sorted(entries, key=lambda e: (e.updated, periods.sort_key(e.event.date), e.event.slug))[::-1]
    assert shown == [f"https://talks.example/{e.page}" for e in newest[:limit]]

    events = {
        f"events/{e.event.slug}.md": (
            fingerprint.of_bytes(e.event.slug.encode()),
            inputs.EventEntry(e.event, order=e.updated.toordinal() * 86400.0, updated=e.updated),
        )
        for e in entries[::-1]
    }
    settings = {"FEED_MAX_ITEMS": limit, "FEED_ALL_ATOM": "feeds/all.atom.xml"}
    (spec,) = feeds.feed_specs(events, settings)
    by_date = sorted(events, key=lambda rel: (-events[rel][1].order, events[rel][1].event.slug))
    assert spec.items == tuple(by_date[:limit])
