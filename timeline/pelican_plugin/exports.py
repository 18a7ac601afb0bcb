"""Writes the exports and the embeddable timeline into the built site: the Pelican side of
``timeline.exports``.

Files, from the site root (documented for users in docs/embedding.md):

- ``timeline.json``; slices ``people/<slug>/timeline.json`` and ``places/<slug>/timeline.json``
  (schema: ``timeline/schema/timeline.schema.json``)
- ``timelinejs.json`` (TimelineJS 3), ``timeline.ics`` (iCalendar)
- ``feeds/updates.atom.xml`` (the whole timeline), ``feeds/people/<slug>.atom.xml`` and
  ``feeds/places/<slug>.atom.xml``: newest first by when each event was found or updated
- ``embed/index.html``, ``embed/person/<slug>.html``, ``embed/place/<slug>.html`` (iframe pages:
  the most recent ``TIMELINE_EMBED_LIMIT`` events, default 200, and a link to all of them)
- ``widget.js`` (the script-tag widget, copied from the theme)

Events are read from each Pelican article's own file as the site's pages read them
(``content.read_event``), so the exports see exactly what ``timeline ingest`` wrote; people's
and places' names and the embed lists come from the same view model as the site's pages.
The list of files (``data_files``, ``embed_pages``) is also what ``timeline.incremental``
writes from, one file at a time.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator
from pelican.writers import Writer

from ..exports import (
    Entry,
    Site,
    atom_feed,
    icalendar_text,
    timeline_json,
    timelinejs,
    updated_on,
)
from ..journal import write_atomic
from ..model import Entity
from ..site_model import Layout, PageSpec, build_model
from ..site_model import Site as SiteModel
from .content import EntryError, read_event
from .render import write_pages

log = logging.getLogger(__name__)

TIMELINE, TIMELINEJS, CALENDAR = "timeline.json", "timelinejs.json", "timeline.ics"
UPDATES, WIDGET = "feeds/updates.atom.xml", "widget.js"
EMBED = "embed/index.html"  # the whole timeline's embed
SLICE_FOLDERS = {"person": "people", "place": "places"}  # people/<slug>/timeline.json, feeds/people/…
# The whole timeline as JSON: file → the document of (entries, site, the file's own path).
JSON_DOCUMENTS: dict[str, Callable[[Iterable[Entry], Site, str], dict]] = {
    TIMELINE: timeline_json,
    TIMELINEJS: timelinejs,
}
# Events an embed lists, the most recent (TIMELINE_EMBED_LIMIT; 0: all): an iframe is a
# glance at the story, and its page is rendered again whenever one of them changes.
EMBED_LIMIT = 200


@dataclass(frozen=True)
class DataFile:
    """A data export: the entries it is made from, the person or place of a slice, and how to
    make its text (from those alone, and the site)."""

    entries: Sequence[Entry]
    make: Callable[[], str]
    subject: Entity | None = None


def register() -> None:
    signals.get_generators.connect(_generators)


def _generators(_pelican: object) -> type[Generator]:
    return ExportsGenerator


class ExportsGenerator(Generator):
    """Reads the published events in the context phase; writes every export in the output phase."""

    def generate_context(self) -> None:
        self.entries = load_entries(self.context.get("articles", []))
        self.site = export_site(self.settings, Layout.from_settings(self.settings))
        self.model = build_model([e.event for e in self.entries], [], self.site.layout)

    def generate_output(self, writer: Writer) -> None:
        output = Path(self.output_path)
        limit = self.settings.get("FEED_MAX_ITEMS")
        for path, file in data_files(self.entries, self.model, self.site, limit, Path(self.theme)).items():
            write_atomic(output / path, file.make())
        pages = embed_pages(self.model, self.settings)
        write_pages(pages, writer, self.get_template, self.context, self.settings.get("RELATIVE_URLS", False))


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


def data_files(
    entries: Sequence[Entry], model: SiteModel, site: Site, limit: int | None, theme: Path
) -> dict[str, DataFile]:
    """Every data export, by path from the site root: the whole timeline, then each person's
    and place's slice (named as the site's own pages name them); ``limit`` is FEED_MAX_ITEMS.
    The widget is the theme's own script."""
    files = {
        name: DataFile(entries, partial(_json_file, document, entries, site, name))
        for name, document in JSON_DOCUMENTS.items()
    }
    files[CALENDAR] = DataFile(entries, partial(icalendar_text, entries, site, CALENDAR))
    title = f"{site.name}: new and updated events"
    files[UPDATES] = DataFile(entries, partial(atom_feed, entries, site, UPDATES, title, limit))
    files[WIDGET] = DataFile((), partial(_read_text, theme / "static" / WIDGET))
    # A slice lists the entries of the events its view lists (each once, in order), found by
    # their pages' URLs: the model has grouped them already.
    by_slug = {entry.slug: entry for entry in entries}
    views = model.events
    by_url = {item.url: by_slug[slug] for slug, item in zip(views.slugs, views.items, strict=True)}
    for view in (*model.people, *model.places):
        subject = Entity(view.name, view.slug, view.kind)  # type: ignore[arg-type]
        part = [by_url[item.url] for item in view.events]
        data, feed, _embed_page = subject_files(view.kind, view.slug)
        files[data] = DataFile(
            part, partial(_json_file, timeline_json, part, site, data, subject=subject), subject
        )
        title = f"{site.name}: {view.name}"
        files[feed] = DataFile(part, partial(atom_feed, part, site, feed, title, limit), subject)
    return files


def subject_files(kind: str, slug: str) -> tuple[str, str, str]:
    """The files of one person's or place's own: its JSON slice, its feed and its embed."""
    folder = SLICE_FOLDERS[kind]
    return f"{folder}/{slug}/timeline.json", f"feeds/{folder}/{slug}.atom.xml", f"embed/{kind}/{slug}.html"


def embed_pages(model: SiteModel, settings: Mapping[str, Any]) -> list[PageSpec]:
    """The iframe pages: the whole timeline, then one per person and place."""
    limit = settings.get("TIMELINE_EMBED_LIMIT", EMBED_LIMIT)
    home = model.layout.index
    whole = _embed(settings.get("SITENAME", ""), home, home, model.events, limit)
    pages = [PageSpec(EMBED, "embed", whole)]
    pages += [
        PageSpec(subject_files(v.kind, v.slug)[2], "embed", _embed(v.name, v.url, home, v.events, limit))
        for v in (*model.people, *model.places)
    ]
    return pages


def _embed(
    heading: str, heading_url: str, home: str, events: Sequence[object], limit: int
) -> dict[str, object]:
    shown = tuple(events[-limit:] if limit > 0 else events)
    return {
        "heading": heading,
        "heading_url": heading_url,
        "home_url": home,
        "events": shown,
        "total": len(events),
    }


def load_entries(articles: list) -> list[Entry]:
    """Our Events from the Pelican articles' files; an entry that cannot be read is logged and left out."""
    entries = []
    for article in articles:
        try:
            event = read_event(article.source_path)
        except EntryError as exc:
            log.error("not exported: %s", exc)
            continue
        modified = getattr(article, "modified", None)
        day = modified.date() if isinstance(modified, datetime) else None
        entries.append(Entry(event, article.url, updated_on(event, day)))
    return entries


def json_text(data: dict) -> str:
    """A JSON export's text: UTF-8, indented by one space, a final newline."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _json_file(
    document: Callable[..., dict], entries: Iterable[Entry], site: Site, here: str, **kw: Any
) -> str:
    return json_text(document(entries, site, here, **kw))


def _read_text(path: Path) -> str:
    return path.read_text("utf-8")
