"""Pelican's own feeds (``FEED_ALL_ATOM``, ``FEED_ALL_RSS``), written without Pelican's run.

A feed holds the newest articles by date, up to ``FEED_MAX_ITEMS``, so a new event usually
reaches it.  Its items are what Pelican's feed writer reads from each article (title, link,
summary, content, category, tags, author, dates): each is read once, by Pelican's own
reader and with the plain-text title and summary the plugin gives it, and kept by the digest
of its entry; the feed is then written by Pelican's own writer.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pelican.contents import Article
from pelican.readers import Readers
from pelican.writers import Writer

from ..pelican_plugin.pages import as_text
from .inputs import EventEntry

Events = Mapping[str, tuple[bytes, EventEntry]]  # entry path → (digest, entry)
_OPTIONAL = ("category", "tags", "author", "modified")  # Pelican's writer asks hasattr() first


@dataclass(frozen=True)
class FeedSpec:
    """One of Pelican's feeds: the entries of its items, in the feed's order."""

    kind: str  # atom | rss
    path: str
    url: str
    items: tuple[str, ...]  # entry paths, from the content folder


def feed_specs(events: Events, settings: Mapping[str, Any]) -> list[FeedSpec]:
    """The newest articles by date, ties by slug as Pelican orders them (by slug first, then a
    stable sort by date), up to FEED_MAX_ITEMS."""

    def newest_first(rel: str) -> tuple[float, str]:
        entry = events[rel][1]
        return (-entry.order, entry.slug)

    limit = settings.get("FEED_MAX_ITEMS")  # sliced as Pelican's writer slices: None is all
    if isinstance(limit, int) and limit >= 0:  # keyed in full: only the events of the newest dates
        dates = heapq.nlargest(limit, [entry.order for _, entry in events.values()])
        recent = [rel for rel, (_, entry) in events.items() if entry.order >= dates[-1]] if dates else []
        items = tuple(heapq.nsmallest(limit, recent, key=newest_first))
    else:
        items = tuple(sorted(events, key=newest_first)[:limit])
    feeds = []
    for kind in ("atom", "rss"):
        name = f"FEED_ALL_{kind.upper()}"
        if settings.get(name):
            feeds.append(FeedSpec(kind, settings[name], settings.get(f"{name}_URL", settings[name]), items))
    return feeds


class FeedItem:
    """What Pelican's feed writer reads from an article, as plain values that keep."""

    def __init__(self, article: Article, site_url: str) -> None:
        self.title: str = article.title
        self.url: str = article.url
        self.summary = str(article.summary)
        self.content = str(article.get_content(site_url))
        self.date: datetime = article.date
        for name in _OPTIONAL:
            if hasattr(article, name):
                value = getattr(article, name)
                setattr(self, name, [str(v) for v in value] if name == "tags" else _plain(value))

    def get_content(self, _site_url: str) -> str:
        return self.content


def _plain(value: object) -> object:
    return value if isinstance(value, datetime) else str(value)


class Items:
    """Feed items by the digest of their entry, read when first needed."""

    def __init__(self, known: Mapping[bytes, FeedItem], settings: Mapping[str, Any]) -> None:
        self.known = dict(known)
        self.settings = settings
        # The context Pelican's run gives its readers and writer (``Pelican.run``).
        self.context = {**settings, "generated_content": {}, "static_links": set(), "static_content": {},
                        "localsiteurl": settings["SITEURL"]}  # fmt: skip
        self._readers: Readers | None = None

    def get(self, rel: str, digest: bytes, entry: EventEntry) -> FeedItem:
        item = self.known.get(digest)
        if item is None:
            item = self.known[digest] = self._read(rel, entry)
        return item

    def kept(self, digests: set[bytes]) -> dict[bytes, FeedItem]:
        return {d: item for d, item in self.known.items() if d in digests}

    def _read(self, rel: str, entry: EventEntry) -> FeedItem:
        if self._readers is None:
            self._readers = Readers(self.settings)
        path, context = self.settings["PATH"], self.context
        article = self._readers.read_file(base_path=path, path=rel, content_class=Article, context=context)
        as_text(article, entry.event.title, entry.event.summary)
        article.refresh_metadata_intersite_links()
        return FeedItem(article, self.settings["SITEURL"])


def write_feeds(feeds: Iterable[FeedSpec], events: Events, items: Items, output_dir: Path) -> None:
    """The feeds, as ``ArticlesGenerator.generate_feeds`` writes them."""
    writer = Writer(str(output_dir), settings=items.settings)
    for feed in feeds:
        chosen = [items.get(rel, *events[rel]) for rel in feed.items]
        writer.write_feed(chosen, items.context, feed.path, feed.url, feed_type=feed.kind)
