"""What a build writes: every output file, with a digest of what it is made from and a recipe.

A page is a ``PageSpec`` of the site model and its digest is the spec's value, so the pages
one change reaches are exactly those whose spec differs (``site_model`` is built for that).
An export is made from entries, and its digest is that of the entries it is made from:
all of them for the whole-timeline files, those naming a person or place for a slice.
Pelican's own feed is made from the newest articles, and its digest is theirs.

The exports mirror ``ExportsGenerator`` (``pelican_plugin.exports``) file by file: the
regeneration tests compare every byte with a full build, so the two cannot drift apart
unnoticed.  Theme files that Pelican copies are not listed: only a full build writes them,
and it runs whenever the theme changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ..exports import Entry, Site, atom_feed, by_subject, chronological, icalendar_text, timeline_json
from ..exports import timelinejs as timelinejs_json
from ..model import Entity
from ..pelican_plugin.exports import _json as json_text
from ..site_model import Layout, PageSpec, all_pages, build_model
from . import fingerprint
from .inputs import EventEntry, SourceEntry, Unsupported


@dataclass(frozen=True)
class FeedSpec:
    """One of Pelican's own feeds: the entries of its items, in the feed's order."""

    kind: str  # atom | rss
    path: str
    url: str
    items: tuple[str, ...]  # entry paths, from the content folder


class Parts:
    """Per-event parts of the whole-timeline documents, kept from one build to the next, so
    that a new event costs one part and not the whole calendar again."""

    def __init__(self, known: Mapping[bytes, str]) -> None:
        self.known = dict(known)
        self.used: dict[bytes, str] = {}

    def get(self, key: bytes, make: Callable[[], str]) -> str:
        text = self.used.get(key) or self.known.get(key)
        if text is None:
            text = make()
        self.used[key] = text
        return text

    def kept(self) -> dict[bytes, str]:
        """What to keep for the next build: the parts used now, or all known if none was."""
        return self.used or self.known


@dataclass(frozen=True)
class Output:
    """An output file: its digest, and one recipe (a page, a data text, or a Pelican feed)."""

    digest: bytes
    page: PageSpec | None = None
    text: Callable[[Parts], str] | None = None
    feed: FeedSpec | None = None


Entries = Mapping[str, tuple[bytes, EventEntry | SourceEntry]]  # entry path → (digest, entry)


def plan(entries: Entries, settings: Mapping[str, Any]) -> dict[str, Output]:
    """Every output of a build of ``entries`` with ``settings``, by path from the output folder."""
    events = {rel: (d, e) for rel, (d, e) in entries.items() if isinstance(e, EventEntry)}
    sources = [e.article for _, e in entries.values() if isinstance(e, SourceEntry)]
    _unique_slugs([e.event.slug for _, e in events.values()], "event")
    _unique_slugs([a.slug for a in sources], "source")
    layout = Layout.from_settings(settings)
    model = build_model((e.event for _, e in events.values()), sources, layout)
    site = export_site(settings, layout)
    out: dict[str, Output] = {}
    pages = all_pages(model) + embed_pages(model, site)
    for spec in pages:
        _add(out, spec.save_as, Output(fingerprint.of_value((spec.template, spec.context)), page=spec))
    for path, output in data_outputs(events, model, site, settings).items():
        _add(out, path, output)
    for feed in pelican_feeds(events, settings):
        _add(out, feed.path, Output(fingerprint.of_value(feed) + _digests(events, feed.items), feed=feed))
    return out


def _add(out: dict[str, Output], path: str, output: Output) -> None:
    if path in out:
        raise Unsupported(f"two outputs would be written to {path}")
    out[path] = output


def _unique_slugs(slugs: list[str], kind: str) -> None:
    if len(set(slugs)) != len(slugs):
        seen: set[str] = set()
        twice = sorted({s for s in slugs if s in seen or seen.add(s)})  # type: ignore[func-returns-value]
        raise Unsupported(f"{kind} slug used by two entries: {', '.join(twice)}")


def _digests(events: Mapping[str, tuple[bytes, EventEntry]], paths: tuple[str, ...]) -> bytes:
    return fingerprint.of_parts(events[p][0] for p in paths)


def export_site(settings: Mapping[str, Any], layout: Layout) -> Site:
    """The site as the exports name it (as ``ExportsGenerator.generate_context`` does)."""
    return Site(
        name=settings.get("SITENAME", ""),
        url=settings.get("SITEURL", ""),
        subtitle=settings.get("SITESUBTITLE") or "",
        author=settings.get("AUTHOR") or "",
        lang=settings.get("DEFAULT_LANG", "en"),
        layout=layout,
    )


def embed_pages(model: Any, site: Site) -> list[PageSpec]:
    """The iframe pages (as ``ExportsGenerator.write_embeds`` writes them)."""
    home = model.layout.index
    pages = [PageSpec("embed/index.html", "embed", _embed(site.name, home, home, model.events))]
    pages += [
        PageSpec(f"embed/{v.kind}/{v.slug}.html", "embed", _embed(v.name, v.url, home, v.events))
        for v in (*model.people, *model.places)
    ]
    return pages


def _embed(heading: str, heading_url: str, home: str, events: object) -> dict[str, object]:
    return {"heading": heading, "heading_url": heading_url, "home_url": home, "events": events}


def data_outputs(
    events: Mapping[str, tuple[bytes, EventEntry]], model: Any, site: Site, settings: Mapping[str, Any]
) -> dict[str, Output]:
    """The data exports (as ``ExportsGenerator.data_files`` writes them), each with the digest
    of the entries it is made from."""
    limit = settings.get("FEED_MAX_ITEMS")
    digest_of: dict[str, bytes] = {}
    entries: list[Entry] = []
    for digest, entry in events.values():
        page = site.layout.event.format(slug=entry.event.slug)
        from ..exports import updated_on

        exported = Entry(entry.event, page, updated_on(entry.event, entry.modified))
        digest_of[entry.event.slug] = digest
        entries.append(exported)

    def digest(part: list[Entry], *names: str) -> bytes:
        return fingerprint.of_parts([*names, *sorted(digest_of[e.event.slug] for e in part)])

    everything = digest(entries)
    updates = "feeds/updates.atom.xml"
    out = {
        "timeline.json": Output(everything, text=lambda _: json_text(timeline_json(entries, site, "timeline.json"))),
        "timelinejs.json": Output(everything, text=lambda _: json_text(timelinejs_json(entries, site))),
        "timeline.ics": Output(everything, text=lambda parts: calendar(entries, site, digest_of, parts)),
        updates: Output(
            everything,
            text=lambda _: atom_feed(entries, site, updates, f"{site.name}: new and updated events", limit),
        ),
    }
    slices = by_subject(entries)
    for view in (*model.people, *model.places):
        entity = Entity(view.name, view.slug, view.kind)
        part = slices[view.kind, view.slug]
        folder = {"person": "people", "place": "places"}[view.kind]
        inputs = digest(part, view.kind, view.slug, view.name)
        here = f"{folder}/{view.slug}/timeline.json"
        out[here] = Output(inputs, text=_slice_json(part, site, here, entity))
        here = f"feeds/{folder}/{view.slug}.atom.xml"
        out[here] = Output(inputs, text=_slice_feed(part, site, here, f"{site.name}: {view.name}", limit))
    return out


def _slice_json(part: list[Entry], site: Site, here: str, entity: Entity) -> Callable[[Parts], str]:
    return lambda _: json_text(timeline_json(part, site, here, subject=entity))


def _slice_feed(part: list[Entry], site: Site, here: str, title: str, limit: int | None) -> Callable[[Parts], str]:
    return lambda _: atom_feed(part, site, here, title, limit)


_CALENDAR_END = "END:VCALENDAR\r\n"


def calendar(entries: list[Entry], site: Site, digest_of: Mapping[str, bytes], parts: Parts) -> str:
    """``icalendar_text`` of every entry, its events taken from ``parts`` where known.

    An iCalendar file is its header, one VEVENT block per event, and its end line; the
    icalendar library spends ~0.3 ms on each event, so each block is made once."""
    here = "timeline.ics"
    empty = icalendar_text([], site, here)
    if not empty.endswith(_CALENDAR_END):
        return icalendar_text(entries, site, here)
    head = empty[: -len(_CALENDAR_END)]

    def block(entry: Entry) -> str:
        return icalendar_text([entry], site, here)[len(head) : -len(_CALENDAR_END)]

    blocks = [
        parts.get(fingerprint.of_parts([here, digest_of[e.event.slug]]), lambda e=e: block(e))
        for e in chronological(entries)
    ]
    return head + "".join(blocks) + _CALENDAR_END


def pelican_feeds(events: Mapping[str, tuple[bytes, EventEntry]], settings: Mapping[str, Any]) -> list[FeedSpec]:
    """Pelican's FEED_ALL_ATOM and FEED_ALL_RSS: the newest articles by date (ties by slug,
    as Pelican orders them), up to FEED_MAX_ITEMS."""
    by_slug = sorted(events, key=lambda rel: events[rel][1].event.slug)
    newest = sorted(by_slug, key=lambda rel: events[rel][1].date, reverse=True)
    items = tuple(newest[: settings.get("FEED_MAX_ITEMS")])
    feeds = []
    for kind in ("atom", "rss"):
        name = f"FEED_ALL_{kind.upper()}"
        if settings.get(name):
            feeds.append(FeedSpec(kind, settings[name], settings.get(f"{name}_URL", settings[name]), items))
    return feeds
