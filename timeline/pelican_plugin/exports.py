"""Writes the exports and the embeddable timeline into the built site: the Pelican side of
``timeline.exports``.

Files, from the site root (documented for users in docs/embedding.md):

- ``timeline.json``; slices ``people/<slug>/timeline.json`` and ``places/<slug>/timeline.json``
  (schema: ``timeline/schema/timeline.schema.json``)
- ``timelinejs.json`` (TimelineJS 3), ``timeline.ics`` (iCalendar)
- ``feeds/updates.atom.xml`` (the whole timeline), ``feeds/people/<slug>.atom.xml`` and
  ``feeds/places/<slug>.atom.xml``: newest first by when each event was found or updated
- ``embed/index.html``, ``embed/person/<slug>.html``, ``embed/place/<slug>.html`` (iframe pages)
- ``widget.js`` (the script-tag widget, copied from the theme)

Events are read from each Pelican article's own file as the site's pages read them
(``content.read_event``), so the exports see exactly what ``timeline ingest`` wrote; people's
and places' names and the embed lists come from the same view model as the site's pages.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from datetime import datetime
from pathlib import Path

from pelican import signals
from pelican.generators import Generator
from pelican.writers import Writer

from ..exports import (
    Entry,
    Site,
    atom_feed,
    by_subject,
    icalendar_text,
    timeline_json,
    timelinejs,
    updated_on,
)
from ..model import Entity
from ..site_model import EntityView, Layout, build_model
from .content import EntryError, read_event

log = logging.getLogger(__name__)

SLICE_FOLDERS = {"person": "people", "place": "places"}  # people/<slug>/timeline.json, feeds/people/…


def register() -> None:
    signals.get_generators.connect(_generators)


def _generators(_pelican: object) -> type[Generator]:
    return ExportsGenerator


class ExportsGenerator(Generator):
    """Reads the published events in the context phase; writes every export in the output phase."""

    def generate_context(self) -> None:
        self.entries = load_entries(self.context.get("articles", []))
        layout = Layout.from_settings(self.settings)
        self.site = Site(
            name=self.settings.get("SITENAME", ""),
            url=self.settings.get("SITEURL", ""),
            subtitle=self.settings.get("SITESUBTITLE") or "",
            author=self.settings.get("AUTHOR") or "",
            lang=self.settings.get("DEFAULT_LANG", "en"),
            layout=layout,
        )
        self.model = build_model([e.event for e in self.entries], [], layout)

    def generate_output(self, writer: Writer) -> None:
        output = Path(self.output_path)
        for path, text in self.data_files().items():
            write_atomic(output / path, text)
        write_atomic(output / "widget.js", (Path(self.theme) / "static" / "widget.js").read_text("utf-8"))
        self.write_embeds(writer)

    def subjects(self) -> list[EntityView]:
        """Every person and place, named as the site's own pages name them."""
        return [*self.model.people, *self.model.places]

    def data_files(self) -> dict[str, str]:
        """Every data export: path from the site root → text."""
        site, entries = self.site, self.entries
        limit = self.settings.get("FEED_MAX_ITEMS")
        files = {
            "timeline.json": _json(timeline_json(entries, site, "timeline.json")),
            "timelinejs.json": _json(timelinejs(entries, site, "timelinejs.json")),
            "timeline.ics": icalendar_text(entries, site, "timeline.ics"),
        }
        here = "feeds/updates.atom.xml"
        files[here] = atom_feed(entries, site, here, f"{site.name}: new and updated events", limit)
        slices = by_subject(entries)
        for view in self.subjects():
            entity = Entity(view.name, view.slug, view.kind)  # type: ignore[arg-type]
            part = slices[view.kind, view.slug]
            folder = SLICE_FOLDERS[view.kind]
            here = f"{folder}/{view.slug}/timeline.json"
            files[here] = _json(timeline_json(part, site, here, subject=entity))
            here = f"feeds/{folder}/{view.slug}.atom.xml"
            files[here] = atom_feed(part, site, here, f"{site.name}: {view.name}", limit)
        return files

    def write_embeds(self, writer: Writer) -> None:
        """The iframe pages: the whole timeline, then one per person and place."""
        template = self.get_template("embed")
        relative = self.settings.get("RELATIVE_URLS", False)
        home = self.model.layout.index
        pages = [("embed/index.html", self.site.name, home, self.model.events)]
        pages += [(f"embed/{v.kind}/{v.slug}.html", v.name, v.url, v.events) for v in self.subjects()]
        for name, heading, heading_url, events in pages:
            writer.write_file(
                name, template, self.context, relative_urls=relative,
                heading=heading, heading_url=heading_url, home_url=home, events=events,
            )  # fmt: skip


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


def write_atomic(path: Path, text: str) -> None:
    """Write the whole file or nothing; text as given (an iCalendar file keeps its CRLF)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
