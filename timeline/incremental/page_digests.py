"""Digests of the pages, from what each page is made of rather than from its whole value.

Digesting every page spec by value (``fingerprint.Values``) walks the whole site model on
every regeneration: half a second at ten thousand events, however little changed.  The
pages that grow with the site are made of entries, so their digest is taken from those
instead: an event's page from its own entry, its neighbours' list items and the entries of
the articles it quotes (in one pass, without making its view); a source page from its
entry and the entries of the events that quote it; a section, person or place page from
its own few fields and its events' list items; the index from its own few fields and the
digests of its sections, as their pages are digested; an embed from its own fields and the
digests of the items it lists (or, of the most recent events, of their pages: a view is
what its page shows).  An event's list item is a function of its entry alone (the layout
is in the build key), so its digest is kept from one build to the next by the entry's
digest (``items``) and an unchanged event is never digested again.  A page of any other
shape is digested by value.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from ..site_model import (
    EntityView,
    EventItem,
    EventView,
    PageSpec,
    SectionView,
    Site,
    SourceView,
    TimelineView,
    ViewContext,
    YearView,
)
from . import fingerprint

ItemDigests = dict[bytes, bytes]  # an event entry's digest → the digest of its list item
# Stands for a missing neighbour, or a quote of an article without a page: every part of a
# page's digest is a digest of the same size, so their concatenation is unambiguous.
_NONE = bytes(fingerprint.DIGEST_SIZE)


class PageDigests:
    """The digest of each page of ``model``; ``event_entries``: the digest of each event's entry
    by the event's slug; ``source_entries``: of each source article's entry by its slug
    (an article that is not among them has no page); ``known``: item digests of the last build."""

    def __init__(
        self,
        model: Site,
        event_entries: Mapping[str, bytes],
        source_entries: Mapping[str, bytes],
        known: ItemDigests,
        by_value: Callable[[object], bytes],
    ) -> None:
        self.model, self.events, self.sources, self.by_value = model, event_entries, source_entries, by_value
        self.items: ItemDigests = {}  # of this build, for the next one
        # By the identity of the model's items (as ``fingerprint.Values.known`` takes them).
        self.by_identity: dict[int, tuple[bytes, object]] = {}
        views = model.events
        for slug, item in zip(views.slugs, views.items, strict=True):
            entry = event_entries[slug]
            digest = self.items[entry] = known.get(entry) or fingerprint.of_value(item)
            self.by_identity[id(item)] = (digest, item)
        self._event_pages: list[bytes | None] = [None] * len(model.events)
        self._event_index: dict[str, int] | None = None

    def of(self, spec: PageSpec) -> bytes:
        if type(spec.context) is ViewContext and spec.context.views is self.model.events:
            return self.event_page(spec.context.index)
        if spec.template == "embed":
            parts = self._embed(spec.context)
        else:
            view = self._view(spec)
            parts = None if view is None else _SHAPES[spec.template][2](self, view)
        if parts is None:  # by value (a lazy context made plain: what it holds, not how far it got)
            return self.by_value((spec.template, dict(spec.context)))
        return _joined(spec.template, parts)

    def event_page(self, index: int) -> bytes:
        """The digest of the page of the model's event ``index``: from the event's entry, its
        neighbours' list items and the entries of the articles it quotes, which are what its
        view (``site_model._event_view``) is made of."""
        digest = self._event_pages[index]
        if digest is None:
            views = self.model.events
            event = views.events[index]
            page = fingerprint.hasher(b"article\0")  # as ``_joined`` joins them, piece by piece
            page.update(self.events[views.slugs[index]])
            for neighbour in views.neighbours(index):
                page.update(self._item(neighbour))
            for source in event.sources:
                page.update(self.sources.get(source.article, _NONE))
            digest = self._event_pages[index] = page.digest()
        return digest

    def _view(self, spec: PageSpec) -> object | None:
        """The page's view, when the page has one of the shapes digested by parts."""
        shape = _SHAPES.get(spec.template)
        if shape is None or len(spec.context) != 1 or shape[0] not in spec.context:
            return None
        view = spec.context[shape[0]]
        if spec.template == "source":  # Pelican's content object, of which the theme reads this
            view = view.get("timeline") if isinstance(view, dict) and len(view) == 1 else None
        return view if type(view) is shape[1] else None

    def _index(self, url: str) -> int:
        """The index of the event whose page is at ``url``."""
        if self._event_index is None:
            self._event_index = {item.url: i for i, item in enumerate(self.model.events.items)}
        return self._event_index[url]

    def _item(self, item: EventItem | None) -> bytes:
        return _NONE if item is None else self.by_identity[id(item)][0]

    def _source(self, view: SourceView) -> list[bytes]:
        """From its entry and, in order, the entries of the events that quote it: an excerpt is
        the event's list item and the sentences it quotes from this article, both of its entry."""
        slugs = self.model.events.slugs
        quoting = (self.events[slugs[self._index(e.event.url)]] for e in view.excerpts)
        return [self.sources[view.slug], *quoting]

    def _listing(self, view: SectionView | EntityView) -> list[bytes]:
        own = {f.name: getattr(view, f.name) for f in dataclasses.fields(view) if f.name != "events"}
        return [fingerprint.of_value(own), b"".join(self._item(i) for i in view.events)]

    def _timeline(self, view: TimelineView) -> list[bytes]:
        """The index: its own fields and, for the years of the recent sections and of the
        contents, each year's label and its sections' digests (those of their pages)."""
        own = fingerprint.of_value((view.total, view.shown, view.first, view.last))
        sections: dict[int, bytes] = {}  # the recent sections are in the contents too

        def years(group: tuple[YearView, ...]) -> bytes:
            parts: list[bytes | str] = []
            for year in group:
                parts += [year.label, str(len(year.sections))]
                for section in year.sections:
                    digest = sections.get(id(section))
                    if digest is None:
                        digest = sections[id(section)] = _joined("section", self._listing(section))
                    parts.append(digest)
            return fingerprint.of_parts(parts)

        return [own, years(view.years), years(view.contents)]

    def _embed(self, context: Mapping[str, object]) -> list[bytes] | None:
        """An embed lists list items, or the views of the most recent events: a view by the
        digest of its event's page, which is made of the same (None for any other list)."""
        events = context.get("events")
        if not isinstance(context, dict) or not isinstance(events, tuple):
            return None
        views = self.model.events
        parts = [fingerprint.of_value({k: v for k, v in context.items() if k != "events"})]
        for event in events:
            if type(event) is EventItem and id(event) in self.by_identity:
                parts.append(b"i" + self._item(event))
            elif type(event) is EventView and views[index := self._index(event.url)] is event:
                parts.append(b"v" + self.event_page(index))
            else:
                return None
        return parts


# The pages digested from their view's parts: template → (the context's key, the view's type, how).
# A table of plain functions: bound methods kept on the object would make it a cycle, which
# holds the whole model until the cyclic collector walks it.
_SHAPES: dict[str, tuple[str, type, Callable[[PageDigests, Any], list[bytes]]]] = {
    "source": ("page", SourceView, PageDigests._source),
    "section": ("section", SectionView, PageDigests._listing),
    "entity": ("entity", EntityView, PageDigests._listing),
    "index": ("timeline", TimelineView, PageDigests._timeline),
}


def _joined(template: str, parts: list[bytes]) -> bytes:
    return fingerprint.of_bytes(b"".join([template.encode("utf-8"), b"\0", *parts]))
