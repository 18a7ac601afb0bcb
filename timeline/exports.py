"""The timeline in the formats other sites and tools read: our JSON, TimelineJS 3, iCalendar, Atom.

Pure functions from published events to a dict or a text; the Pelican plugin
(``pelican_plugin.exports``) chooses the file names and writes them.  Every link in a
file is absolute when the site has a ``SITEURL`` and otherwise relative to the file
itself, so a reader resolves it as a browser resolves a link in that file.

TimelineJS 3.9.11 trusts its input in ways measured here: it silently renames a
duplicate ``unique_id`` (also one equal to the title slide's), cannot link an id with
characters outside ``[A-Za-z0-9._~-]``, reads month 13 as February, drops an event
without ``start_date`` without a word, and decodes entities in ``display_date`` and
``group`` before stripping tags, then puts ``display_date`` into the page as HTML.  So
ids are made unique and linkable here, every date goes through ``periods.parse`` (which
range-checks it), and those two fields only ever hold plain labels.
"""

from __future__ import annotations

import heapq
import html
import posixpath
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

import icalendar

from . import slugs
from .markdown_format import one_line
from .model import SCHEMA_VERSION, Entity, Event
from .periods import human, sort_key
from .periods import parse as parse_period
from .site_model import STATUS_LABELS, Layout, when

# The id of TimelineJS's title slide: '_' never occurs in our slugs, so no event can take it.
TITLE_SLIDE_ID = "_title"
# How many date parts TimelineJS gets at each precision: never a day that was not stated.
_TIMELINEJS_PARTS = {"day": 3, "week": 3, "month": 2, "quarter": 2, "season": 2, "year": 1, "decade": 1}
_NOT_TIMELINEJS_ID = re.compile(r"[^A-Za-z0-9._~-]+")
_NOT_LABEL = re.compile(r"[<>&\"'`]")
_ATOM = "http://www.w3.org/2005/Atom"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # not allowed in XML 1.0 nor in iCalendar TEXT


@dataclass(frozen=True)
class Site:
    """What the exports say about the site: its name, and where it lives (``""``: links stay relative)."""

    name: str
    url: str = ""
    subtitle: str = ""
    author: str = ""
    lang: str = "en"
    layout: Layout = field(default_factory=Layout)

    def link(self, path: str, here: str) -> str:
        """``path`` (from the site root) as written in the file at ``here``."""
        if self.url:
            return f"{self.url.rstrip('/')}/{path}"
        return _relative(path, posixpath.dirname(here) or ".")

    def entity_page(self, kind: str, slug: str) -> str:
        return (self.layout.person if kind == "person" else self.layout.place).format(slug=slug)


# A file links to the same pages many times (each person's page from every event naming them).
_relative = lru_cache(maxsize=1 << 16)(posixpath.relpath)


@dataclass(frozen=True)
class Entry:
    """An event as the site publishes it: its page (from the site root) and when it was last found."""

    event: Event
    page: str
    updated: date

    @property
    def slug(self) -> str:
        return self.event.slug

    @property
    def date(self) -> str:
        """The event's date (a feed's order needs no more of the event)."""
        return self.event.date


def updated_on(event: Event, modified: date | None = None) -> date:
    """When an event was last found or changed: its newest source, or a later ``Modified`` date.

    An event with neither is dated by the start of its own period."""
    days = [date.fromisoformat(s.published[:10]) for s in event.sources]
    if modified is not None:
        days.append(modified)
    return max(days, default=parse_period(event.date).start)


def display_date(event: Event) -> str:
    """The event's date as the site shows it: '16 May 2025', 'February 2022 – March 2022'."""
    return when(event.date, event.end_date).label


def chronological(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (sort_key(e.date), e.slug))


# timeline.json -------------------------------------------------------------------------------


def timeline_json(entries: Iterable[Entry], site: Site, here: str, subject: Entity | None = None) -> dict:
    """The event schema of ``timeline extract --json`` wrapped with the site's links (schema:
    ``timeline/schema/timeline.schema.json``); ``subject`` names the person or place of a slice."""

    def link(path: str) -> str:
        return site.link(path, here)

    about = None
    if subject is not None:
        about = {**subject.to_json(), "url": link(site.entity_page(subject.kind, subject.slug))}
    return {
        "version": SCHEMA_VERSION,
        "title": site.name,
        "home": link(site.layout.index),
        "slice": about,
        "events": [_event_json(entry, site, link) for entry in chronological(entries)],
    }


def _event_json(entry: Entry, site: Site, link: Callable[[str], str]) -> dict:
    data = entry.event.to_json()
    data["url"] = link(entry.page)
    data["display_date"] = display_date(entry.event)
    data["updated"] = entry.updated.isoformat()
    for entity in data["entities"]:
        entity["url"] = link(site.entity_page(entity["kind"], entity["slug"]))
    return data


# TimelineJS 3 --------------------------------------------------------------------------------


def timelinejs(entries: Iterable[Entry], site: Site, here: str = "timelinejs.json") -> dict:
    """TimelineJS 3 JSON: a title slide, then one slide per event grouped by status."""
    taken = {TITLE_SLIDE_ID}
    slides = []
    for entry in chronological(entries):
        unique_id = _NOT_TIMELINEJS_ID.sub("-", entry.event.slug).strip("-") or "event"
        if unique_id in taken:  # rare: ``slugs.unique`` copies the set, once per event it would be N²
            unique_id = slugs.unique(unique_id, taken)
        taken.add(unique_id)
        slides.append(_slide(entry, unique_id, lambda path: site.link(path, here)))
    return {
        "title": {
            "unique_id": TITLE_SLIDE_ID,
            "text": {"headline": html.escape(site.name), "text": html.escape(site.subtitle)},
        },
        "events": slides,
    }


def _slide(entry: Entry, unique_id: str, link: Callable[[str], str]) -> dict:
    event = entry.event
    first = parse_period(event.date)
    last = parse_period(event.end_date) if event.end_date else first
    start = _timelinejs_date(first.start, first.precision)
    end = _timelinejs_date(last.end, last.precision)
    text = f"<p>{html.escape(event.summary)}</p>" if event.summary else ""
    text += f'<p><a href="{html.escape(link(entry.page))}">Sources and details</a></p>'
    slide = {
        "unique_id": unique_id,
        "start_date": {**start, "display_date": _label(human(first.value))},
        "display_date": _label(display_date(event)),
        "text": {"headline": html.escape(event.title), "text": text},
        "group": _label(STATUS_LABELS.get(event.status, event.status.capitalize())),
    }
    if end != start:  # a week, a quarter, a decade or a stated end spans more than one date part
        slide["end_date"] = {**end, "display_date": _label(human(last.value))}
    return slide


def _timelinejs_date(day: date, precision: str) -> dict[str, int]:
    """``day`` cut to the parts stated at ``precision``: {year, month} for a month."""
    parts = {"year": day.year, "month": day.month, "day": day.day}
    return dict(list(parts.items())[: _TIMELINEJS_PARTS[precision]])


def _label(text: str) -> str:
    """Plain text for the fields TimelineJS puts into the page as HTML: no tags, no entities."""
    return one_line(_NOT_LABEL.sub("", text))


def _text(value: str) -> str:
    """Text as XML and iCalendar can carry it: without control characters."""
    return _CONTROL.sub("", value)


# iCalendar -----------------------------------------------------------------------------------


def event_uid(event: Event) -> str:
    """A stable, globally unique id for an event, shared by the iCalendar UID and the Atom entry id."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:timeline:event:{event.id}"))


def icalendar_text(entries: Iterable[Entry], site: Site, here: str = "timeline.ics") -> str:
    """RFC 5545: one all-day VEVENT per event, spanning exactly the days of its period."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//timeline//timeline exports//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("name", site.name)
    calendar.add("x-wr-calname", site.name)
    for entry in chronological(entries):
        calendar.add_component(_vevent(entry, site, here))
    return calendar.to_ical().decode("utf-8")


def _vevent(entry: Entry, site: Site, here: str) -> icalendar.Event:
    event = entry.event
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event))
    vevent.add("dtstamp", datetime.combine(entry.updated, time(), UTC))
    vevent.add("dtstart", parse_period(event.date).start)
    # DTEND of an all-day event is exclusive: the day after the period ends.
    vevent.add("dtend", parse_period(event.end_date or event.date).end + timedelta(days=1))
    vevent.add("summary", _text(event.title))
    vevent.add("description", _text(_description(event)))
    vevent.add("status", "CONFIRMED" if event.status == "happened" else "TENTATIVE")
    names = [_text(e.name) for e in (*event.people, *event.places)]
    if names:
        vevent.add("categories", names)
    if site.url:  # a calendar URL must be absolute
        vevent.add("url", site.link(entry.page, here))
    return vevent


def _description(event: Event) -> str:
    quotes = "\n".join(f"“{s.sentence}” ({s.article}, {s.published})" for s in event.sources)
    return "\n\n".join(part for part in (display_date(event), event.summary, quotes) if part)


# Atom ----------------------------------------------------------------------------------------


def atom_feed(entries: Sequence[Entry], site: Site, here: str, title: str, limit: int | None = None) -> str:
    """Atom (RFC 4287), newest first by when each event was found or updated."""
    return atom_text(atom_newest(entries, limit), site, here, title)


def atom_newest(entries: Sequence[Entry], limit: int | None = None) -> list[Entry]:
    """The entries of a feed, newest first by when each event was found or updated."""

    def newest(entry: Entry) -> tuple[date, tuple[date, int], str]:
        return (entry.updated, sort_key(entry.date), entry.slug)

    if limit is not None and limit > 0:  # the newest few, keyed in full only from the newest days
        days = heapq.nlargest(limit, [e.updated for e in entries])
        recent = [e for e in entries if e.updated >= days[-1]] if days else []
        return heapq.nlargest(limit, recent, key=newest)
    return sorted(entries, key=newest, reverse=True)[: limit or None]  # as a slice takes any other limit


def atom_text(
    ordered: Sequence[Entry], site: Site, here: str, title: str, updated: date | None = None
) -> str:
    """The feed of ``ordered`` (``atom_newest``); ``updated``: the feed's, if not its entries' newest."""
    feed = ET.Element("feed", {"xmlns": _ATOM, "xml:lang": site.lang})
    ET.SubElement(feed, "title").text = _text(title)
    ET.SubElement(feed, "id").text = (
        site.link(here, here) if site.url else f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, site.name + here)}"
    )
    newest = updated or max((e.updated for e in ordered), default=date.min)
    ET.SubElement(feed, "updated").text = _atom_time(newest)
    _atom_link(feed, "self", "application/atom+xml", site.link(here, here))
    _atom_link(feed, "alternate", "text/html", site.link(site.layout.index, here))
    ET.SubElement(ET.SubElement(feed, "author"), "name").text = _text(site.author or site.name)
    for entry in ordered:
        feed.append(_atom_entry(entry, site, here))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def atom_entry_text(entry: Entry, site: Site, here: str) -> str:
    """An entry as ``atom_text`` writes it inside the feed (indented one level)."""
    element = _atom_entry(entry, site, here)
    ET.indent(element, level=1)
    return ET.tostring(element, encoding="unicode")


def _atom_entry(entry: Entry, site: Site, here: str) -> ET.Element:
    event = entry.event
    element = ET.Element("entry")
    ET.SubElement(element, "title").text = _text(f"{display_date(event)}: {event.title}")
    ET.SubElement(element, "id").text = f"urn:uuid:{event_uid(event)}"
    ET.SubElement(element, "updated").text = _atom_time(entry.updated)
    _atom_link(element, "alternate", "text/html", site.link(entry.page, here))
    ET.SubElement(element, "summary").text = _text(event.summary or event.title)
    for entity in (*event.people, *event.places):
        ET.SubElement(element, "category", {"term": entity.slug, "label": _text(entity.name)})
    return element


def _atom_link(parent: ET.Element, rel: str, media_type: str, href: str) -> None:
    ET.SubElement(parent, "link", {"rel": rel, "type": media_type, "href": href})


def _atom_time(day: date) -> str:
    return datetime.combine(day, time(), UTC).isoformat().replace("+00:00", "Z")
