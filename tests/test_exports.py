"""The exports a real Pelican build writes: timeline.json and its slices, TimelineJS, iCalendar,
Atom and the embed pages, each checked with the tool that reads its format."""

from __future__ import annotations

import html
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from importlib.resources import files
from pathlib import Path

import icalendar
import pytest
from browser.sites import (
    BRUSSELS,
    GENEVA,
    HOSTILE,
    HOSTILE_TITLE,
    OKAFOR,
    ROOT,
    STORY,
    build_sample,
    build_story,
)
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from timeline.exports import TITLE_SLIDE_ID, Entry, Site, atom_feed, event_uid, icalendar_text, timelinejs
from timeline.model import Event
from timeline.periods import PeriodError, sort_key
from timeline.periods import parse as parse_period

SCHEMA = json.loads(files("timeline").joinpath("schema/timeline.schema.json").read_text(encoding="utf-8"))
ATOM = "{http://www.w3.org/2005/Atom}"
BY_SLUG = {e.slug: e for e in (*STORY, HOSTILE)}
DAY = date(2025, 5, 19)
TIMELINEJS_PARTS = {"day": 3, "week": 3, "month": 2, "quarter": 2, "season": 2, "year": 1, "decade": 1}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_story(tmp_path_factory.mktemp("exports"), (*STORY, HOSTILE))


def _load(site: Path, path: str) -> dict:
    return json.loads((site / path).read_text(encoding="utf-8"))


def _target(here: str, url: str) -> str:
    """The file a relative link in the file at ``here`` points to, from the site root."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(here), url))


def _slices(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.glob("*/*/timeline.json"))


# timeline.json ----------------------------------------------------------------------------------


def test_schema_is_valid_json_schema():
    Draft202012Validator.check_schema(SCHEMA)


def test_timeline_json_validates_and_holds_each_event_as_extract_writes_it(site):
    data = _load(site, "timeline.json")
    Draft202012Validator(SCHEMA).validate(data)
    assert data["slice"] is None
    assert [e["slug"] for e in data["events"]] == [
        e.slug for e in sorted(BY_SLUG.values(), key=lambda e: (sort_key(e.date), e.slug))
    ]
    for item in data["events"]:
        event = BY_SLUG[item["slug"]]
        assert Event.from_json(item) == event  # same field names and values as Event.to_json
        assert set(event.to_json()) < set(item)
        assert item["url"] == f"events/{event.slug}.html"
    talks = next(e for e in data["events"] if e["places"] == [GENEVA.name])
    assert talks["updated"] == "2025-05-21"  # the newest of its two sources
    assert talks["display_date"] == "16 May 2025"


def test_every_link_in_timeline_json_and_its_slices_leads_to_a_built_page(site):
    for here in ["timeline.json", *_slices(site)]:
        data = _load(site, here)
        urls = [data["home"]] + ([data["slice"]["url"]] if data["slice"] else [])
        for event in data["events"]:
            urls += [event["url"], *(e["url"] for e in event["entities"])]
        for url in urls:
            assert (site / _target(here, url)).is_file(), f"{here}: {url}"


def test_each_slice_validates_and_holds_exactly_the_events_naming_it(site):
    slices = _slices(site)
    entities = {e for event in BY_SLUG.values() for e in (*event.people, *event.places)}
    assert len(slices) == len(entities)
    for here in slices:
        data = _load(site, here)
        Draft202012Validator(SCHEMA).validate(data)
        folder, slug = here.split("/")[:2]
        kind = {"people": "person", "places": "place"}[folder]
        assert (data["slice"]["kind"], data["slice"]["slug"]) == (kind, slug)
        naming = [e.slug for e in BY_SLUG.values() if slug in {x.slug for x in (*e.people, *e.places)}]
        assert sorted(e["slug"] for e in data["events"]) == sorted(naming)
    okafor = _load(site, f"people/{OKAFOR.slug}/timeline.json")
    assert okafor["slice"]["name"] == OKAFOR.name
    assert len(okafor["events"]) == sum(OKAFOR in e.people for e in BY_SLUG.values()) > 3


def test_a_published_site_links_with_absolute_urls(tmp_path):
    site = build_story(tmp_path, STORY[-2:], SITEURL="https://news.example/strike", RELATIVE_URLS=False)
    data = _load(site, f"places/{BRUSSELS.slug}/timeline.json")
    assert data["home"] == "https://news.example/strike/index.html"
    assert data["slice"]["url"] == f"https://news.example/strike/places/{BRUSSELS.slug}.html"
    assert data["events"][0]["url"] == f"https://news.example/strike/events/{STORY[-1].slug}.html"
    calendar = icalendar.Calendar.from_ical((site / "timeline.ics").read_bytes())
    assert [str(v["URL"]) for v in calendar.walk("VEVENT")] == [
        f"https://news.example/strike/events/{e.slug}.html" for e in STORY[-2:]
    ]


# TimelineJS -------------------------------------------------------------------------------------


def test_timelinejs_ids_are_unique_linkable_and_never_the_title_slides(site):
    data = _load(site, "timelinejs.json")
    ids = [e["unique_id"] for e in data["events"]]
    assert data["title"]["unique_id"] == TITLE_SLIDE_ID not in ids
    assert len(set(ids)) == len(ids) == len(BY_SLUG)
    assert all(re.fullmatch(r"[A-Za-z0-9._~-]+", i) for i in [*ids, TITLE_SLIDE_ID])
    assert set(ids) == set(BY_SLUG)  # the event's slug: stable, and the same as its page's name


def test_timelinejs_dates_are_stated_at_their_precision_and_in_range(site):
    for slide in _load(site, "timelinejs.json")["events"]:
        event = BY_SLUG[slide["unique_id"]]
        first = parse_period(event.date)
        last = parse_period(event.end_date) if event.end_date else first
        parts = ("year", "month", "day")[: TIMELINEJS_PARTS[event.precision]]
        start = {k: v for k, v in slide["start_date"].items() if k != "display_date"}
        assert list(start) == list(parts)  # no invented day for a month, no month for a year
        assert start == {p: getattr(first.start, p) for p in parts}
        date(
            start["year"], start.get("month", 1), start.get("day", 1)
        )  # a real date: month 1-12, day in month
        end = {k: v for k, v in slide.get("end_date", {}).items() if k != "display_date"}
        if end:
            assert end == {p: getattr(last.end, p) for p in ("year", "month", "day")[: len(end)]}
        else:
            assert first == last and event.precision in ("day", "month", "year")


def test_timelinejs_labels_are_plain_text_and_headlines_escaped(site):
    for slide in _load(site, "timelinejs.json")["events"]:
        event = BY_SLUG[slide["unique_id"]]
        for label in (slide["display_date"], slide["start_date"]["display_date"], slide["group"]):
            assert label and not set(label) & set("<>&;\"'")
        assert html.unescape(slide["text"]["headline"]) == event.title
        assert "<" not in slide["text"]["headline"]
    hostile = next(s for s in _load(site, "timelinejs.json")["events"] if s["unique_id"] == HOSTILE.slug)
    assert hostile["text"]["headline"] == html.escape(HOSTILE_TITLE)
    assert {s["group"] for s in _load(site, "timelinejs.json")["events"]} == {"Happened", "Planned"}


def test_timelinejs_ids_stay_unique_for_colliding_or_unlinkable_slugs():
    def entry(slug: str) -> Entry:
        return Entry(Event(slug, slug, "2025-05-16", "day", "Talks", "", "happened"), "events/x.html", DAY)

    slides = timelinejs([entry(s) for s in ("talks", "talks", TITLE_SLIDE_ID, "grève/ação", "")], Site("T"))
    ids = [s["unique_id"] for s in slides["events"]]
    assert len(set(ids)) == 5 and TITLE_SLIDE_ID not in ids
    assert all(re.fullmatch(r"[A-Za-z0-9._~-]+", i) for i in ids)


def test_an_out_of_range_date_is_refused_never_shifted():
    bad = Entry(Event("x", "x", "2025-13", "month", "Talks", "", "happened"), "events/x.html", DAY)
    with pytest.raises(PeriodError):
        timelinejs([bad], Site("T"))


# iCalendar --------------------------------------------------------------------------------------


def test_icalendar_parses_back_with_all_day_events_spanning_their_periods(site):
    raw = (site / "timeline.ics").read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n")  # RFC 5545 line endings
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75
    calendar = icalendar.Calendar.from_ical(raw)
    vevents = {str(v["UID"]): v for v in calendar.walk("VEVENT")}
    assert len(vevents) == len(BY_SLUG)
    for event in BY_SLUG.values():
        vevent = vevents[event_uid(event)]
        last = parse_period(event.end_date or event.date)
        start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
        assert type(start) is date and type(end) is date  # VALUE=DATE: all day, no invented time
        assert (start, end) == (parse_period(event.date).start, last.end + timedelta(days=1))
        assert str(vevent["SUMMARY"]) == event.title
        assert str(vevent["STATUS"]) == {"happened": "CONFIRMED", "planned": "TENTATIVE"}[event.status]


def test_icalendar_uids_depend_on_the_event_id_alone(site, tmp_path):
    renamed = [Event.from_json({**e.to_json(), "title": e.title + " (updated)"}) for e in STORY[:3]]
    again = icalendar.Calendar.from_ical((build_story(tmp_path, renamed) / "timeline.ics").read_bytes())
    first = icalendar.Calendar.from_ical((site / "timeline.ics").read_bytes())
    uids = {str(v["SUMMARY"]).removesuffix(" (updated)"): str(v["UID"]) for v in again.walk("VEVENT")}
    assert uids == {
        str(v["SUMMARY"]): str(v["UID"]) for v in first.walk("VEVENT") if str(v["SUMMARY"]) in uids
    }


# Atom -------------------------------------------------------------------------------------------


def _feed(site: Path, here: str) -> ET.Element:
    return ET.parse(site / here).getroot()  # raises on anything not well-formed


def test_feeds_are_well_formed_atom_whose_links_lead_to_built_pages(site):
    feeds = sorted(str(p.relative_to(site)) for p in (site / "feeds").rglob("*.atom.xml"))
    assert "feeds/updates.atom.xml" in feeds and f"feeds/people/{OKAFOR.slug}.atom.xml" in feeds
    for here in feeds:
        feed = _feed(site, here)
        assert feed.tag == f"{ATOM}feed"
        for element in (feed, *feed.iter(f"{ATOM}entry")):
            assert all(element.findtext(f"{ATOM}{name}") for name in ("id", "title", "updated"))
        ids = [e.findtext(f"{ATOM}id") for e in feed.iter(f"{ATOM}entry")]
        assert len(ids) == len(set(ids)) > 0
        if (
            here.startswith("feeds/people/") or here == "feeds/updates.atom.xml"
        ):  # ours; all.atom.xml is Pelican's
            for link in feed.iter(f"{ATOM}link"):
                assert (site / _target(here, link.get("href"))).is_file(), f"{here}: {link.get('href')}"


def test_updates_feed_puts_the_latest_found_first(site):
    feed = _feed(site, "feeds/updates.atom.xml")
    entries = list(feed.iter(f"{ATOM}entry"))
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True) and len(entries) == len(BY_SLUG)
    newest = {
        f"urn:uuid:{event_uid(e)}"
        for e in BY_SLUG.values()
        if max(s.published for s in e.sources) == "2025-05-21"
    }
    assert {e.findtext(f"{ATOM}id") for e in entries[: len(newest)]} == newest
    assert feed.findtext(f"{ATOM}updated") == "2025-05-21T00:00:00Z"


def test_control_characters_in_the_text_never_break_the_feed_or_the_calendar():
    event = Event("c1", "c1", "2025-05", "month", "Vote\x0bdelayed\x01", "Ballots\x00 lost.", "happened")
    entry = Entry(event, "events/c1.html", DAY)
    feed = ET.fromstring(atom_feed([entry], Site("T"), "feeds/updates.atom.xml", "T"))
    assert feed.find(f"{ATOM}entry/{ATOM}title").text == "May 2025: Votedelayed"
    vevent = icalendar.Calendar.from_ical(icalendar_text([entry], Site("T"))).walk("VEVENT")[0]
    assert str(vevent["SUMMARY"]) == "Votedelayed"


def test_person_feed_holds_exactly_their_events(site):
    feed = _feed(site, f"feeds/people/{OKAFOR.slug}.atom.xml")
    ids = {e.findtext(f"{ATOM}id") for e in feed.iter(f"{ATOM}entry")}
    assert ids == {f"urn:uuid:{event_uid(e)}" for e in BY_SLUG.values() if OKAFOR in e.people}


# Embed pages and widget -------------------------------------------------------------------------


def _soup(site: Path, here: str) -> BeautifulSoup:
    return BeautifulSoup((site / here).read_text(encoding="utf-8"), "html.parser")


def test_embed_pages_are_self_contained_lists_under_a_content_security_policy(site):
    pages = sorted(str(p.relative_to(site)) for p in (site / "embed").rglob("*.html"))
    entities = {(e.kind, e.slug) for event in BY_SLUG.values() for e in (*event.people, *event.places)}
    assert pages == sorted(["embed/index.html", *(f"embed/{kind}/{slug}.html" for kind, slug in entities)])
    for here in pages:
        soup = _soup(site, here)
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert "default-src 'none'" in csp and "unsafe-inline" not in csp
        assert not soup.find_all(style=True) and not soup.find("style")
        assert all(s.get("src") for s in soup.find_all("script"))  # no inline script: the CSP allows none
        for tag, attr in (("script", "src"), ("link", "href"), ("a", "href")):
            for element in soup.find_all(tag, attrs={attr: True}):
                url = element[attr]
                assert "//" not in url and (site / _target(here, url)).is_file(), f"{here}: {url}"
        items = soup.select("main ol.events > li")
        assert items and all(li.find("time") and li.select_one("a.title") for li in items)
    listed = [a.get_text() for a in _soup(site, "embed/index.html").select("ol.events > li a.title")]
    assert listed == [e.title for e in sorted(BY_SLUG.values(), key=lambda e: (sort_key(e.date), e.slug))]

    assert len(_soup(site, "embed/index.html").select("main p.more")) == 1  # all shown: no note of how many


def test_embeds_list_the_most_recent_events_and_link_to_all_of_them(tmp_path):
    limit = 3
    site = build_story(tmp_path, STORY, TIMELINE_EMBED_LIMIT=limit)
    in_order = sorted(STORY, key=lambda e: (sort_key(e.date), e.slug))
    pages = {"embed/index.html": (in_order, "index.html")}
    for entity in {e for event in STORY for e in (*event.people, *event.places)}:
        about = [e for e in in_order if entity.slug in {x.slug for x in (*e.people, *e.places)}]
        folder = "people" if entity.kind == "person" else "places"
        pages[f"embed/{entity.kind}/{entity.slug}.html"] = (about, f"{folder}/{entity.slug}.html")
    assert len(pages["embed/index.html"][0]) > limit
    assert any(len(events) > limit for here, (events, _) in pages.items() if here != "embed/index.html")
    for here, (events, full_list) in pages.items():
        soup = _soup(site, here)
        listed = [a.get_text() for a in soup.select("ol.events > li a.title")]
        assert listed == [e.title for e in events[-limit:]], here
        notes = [" ".join(p.get_text().split()) for p in soup.select("main p.more")]
        if len(events) <= limit:
            assert len(notes) == 1, here  # only the link to the whole site
            continue
        slice_link = "" if here == "embed/index.html" else ": all of them"
        assert notes[0] == f"The {limit} most recent of {len(events)} events{slice_link}.", here
        links = {_target(here, a["href"]) for a in soup.select("main p.more a")}
        assert links == {full_list, "index.html"}, here
        if slice_link:  # the person's or place's own page lists every one
            page = BeautifulSoup((site / full_list).read_text("utf-8"), "html.parser")
            assert {e.title for e in events} <= {a.get_text(strip=True) for a in page.select("main a")}


def test_widget_script_is_published_at_the_site_root(site):
    widget = (site / "widget.js").read_text(encoding="utf-8")
    assert widget == (ROOT / "theme" / "static" / "widget.js").read_text(encoding="utf-8")
    assert "innerHTML" not in widget and "insertAdjacentHTML" not in widget and "eval(" not in widget


# The sample article ---------------------------------------------------------------------------


@pytest.mark.slow
def test_sample_site_exports_validate(tmp_path):
    site = build_sample(tmp_path)
    data = _load(site, "timeline.json")
    Draft202012Validator(SCHEMA).validate(data)
    for here in _slices(site):
        Draft202012Validator(SCHEMA).validate(_load(site, here))
    assert len(data["events"]) >= 5
    slides = _load(site, "timelinejs.json")["events"]
    assert [s["unique_id"] for s in slides] == [e["slug"] for e in data["events"]]
    war = next(s for s in slides if s["start_date"].get("month") == 2 and s["start_date"]["year"] == 2022)
    assert "day" not in war["start_date"] and war["display_date"] == "February 2022"
    calendar = icalendar.Calendar.from_ical((site / "timeline.ics").read_bytes())
    assert len(calendar.walk("VEVENT")) == len(data["events"])
