"""The exports plugin's files as a regeneration makes them: one at a time, each with the digest
of the entries it is made from.

This mirrors ``pelican_plugin.exports.ExportsGenerator`` file by file (the site it names,
the data files, the embed pages), with the exports' own functions doing all the writing;
the regeneration tests compare every byte with a full build, so the two cannot drift apart
unnoticed.  A whole-timeline file is made from every entry, a person's or place's slice
from the entries that name them, so a new event remakes the slices of its own people and
places only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from .. import site_model
from ..exports import Entry, Site, atom_feed, by_subject, chronological, timeline_json, timelinejs, updated_on
from ..model import Entity
from ..pelican_plugin.exports import SLICE_FOLDERS
from ..pelican_plugin.exports import _json as json_text
from ..site_model import Layout, PageSpec
from . import documents, fingerprint
from .documents import Parts
from .inputs import EventEntry

Make = Callable[[Parts], str]
TIMELINE = "timeline.json"
TIMELINEJS = "timelinejs.json"
UPDATES = "feeds/updates.atom.xml"
WIDGET = "widget.js"


def export_site(settings: Mapping[str, Any], layout: Layout) -> Site:
    """The site as the exports name it."""
    return Site(
        name=settings.get("SITENAME", ""),
        url=settings.get("SITEURL", ""),
        subtitle=settings.get("SITESUBTITLE") or "",
        author=settings.get("AUTHOR") or "",
        lang=settings.get("DEFAULT_LANG", "en"),
        layout=layout,
    )


def exported_entries(
    events: Mapping[str, tuple[bytes, EventEntry]], site: Site
) -> tuple[list[Entry], dict[str, bytes]]:
    """Each event as the exports publish it, in chronological order, and the digest of its
    entry by event slug."""
    entries, digest_of = [], {}
    for digest, entry in events.values():
        page = site.layout.event.format(slug=entry.event.slug)
        entries.append(Entry(entry.event, page, updated_on(entry.event, entry.modified)))
        digest_of[entry.event.slug] = digest
    return chronological(entries), digest_of


def embed_pages(model: site_model.Site, site: Site) -> list[PageSpec]:
    """The iframe pages: the whole timeline, then one per person and place."""
    home = model.layout.index
    pages = [PageSpec("embed/index.html", "embed", _embed(site.name, home, home, model.events))]
    pages += [
        PageSpec(f"embed/{v.kind}/{v.slug}.html", "embed", _embed(v.name, v.url, home, v.events))
        for v in (*model.people, *model.places)
    ]
    return pages


def _embed(heading: str, heading_url: str, home: str, events: object) -> dict[str, object]:
    return {"heading": heading, "heading_url": heading_url, "home_url": home, "events": events}


def data_files(
    entries: list[Entry],
    digest_of: Mapping[str, bytes],
    model: site_model.Site,
    site: Site,
    limit: int | None,
    theme: Path,
) -> dict[str, tuple[bytes, Make]]:
    """Every data export: path → (digest of what it is made from, how to make its text).

    The widget is a copy of the theme's, which only changes with the theme (and so with a
    full build): its digest is that of its name."""

    def digest(part: list[Entry], *names: str) -> bytes:
        return fingerprint.of_parts([*names, *sorted(digest_of[e.event.slug] for e in part)])

    everything = digest(entries)
    files: dict[str, tuple[bytes, Make]] = {
        name: (everything, _document(name, document, entries, digest_of))
        for name, document in whole_documents(site).items()
    }
    files |= {
        documents.CALENDAR: (everything, lambda parts: documents.calendar(entries, site, digest_of, parts)),
        UPDATES: (everything, _feed(entries, site, UPDATES, f"{site.name}: new and updated events", limit)),
        WIDGET: (fingerprint.of_parts([WIDGET]), lambda _: (theme / "static" / WIDGET).read_text("utf-8")),
    }
    slices = by_subject(entries)
    for view in (*model.people, *model.places):
        part = slices[view.kind, view.slug]
        inputs = digest(part, view.kind, view.slug, view.name)
        folder = SLICE_FOLDERS[view.kind]
        here = f"{folder}/{view.slug}/timeline.json"
        files[here] = (inputs, _slice(part, site, here, Entity(view.name, view.slug, view.kind)))  # type: ignore[arg-type]
        here = f"feeds/{folder}/{view.slug}.atom.xml"
        files[here] = (inputs, _feed(part, site, here, f"{site.name}: {view.name}", limit))
    return files


def whole_documents(site: Site) -> dict[str, documents.Document]:
    """The JSON files of the whole timeline, as functions of the entries."""
    return {
        TIMELINE: lambda entries: timeline_json(entries, site, TIMELINE),
        TIMELINEJS: lambda entries: timelinejs(entries, site, TIMELINEJS),
    }


def _document(
    name: str, document: documents.Document, entries: list[Entry], digest_of: Mapping[str, bytes]
) -> Make:
    return lambda parts: documents.json_document(name, document, entries, digest_of, parts)


def _slice(part: list[Entry], site: Site, here: str, subject: Entity) -> Make:
    return lambda _: json_text(timeline_json(part, site, here, subject=subject))


def _feed(part: list[Entry], site: Site, here: str, title: str, limit: int | None) -> Make:
    return lambda _: atom_feed(part, site, here, title, limit)
