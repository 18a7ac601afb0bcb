"""Digests of the pages, from what each page is made of rather than from its whole value.

Digesting every page spec by value (``fingerprint.Values``) walks the whole site model on
every regeneration: half a second at ten thousand events, however little changed.  The
pages that grow with the site are made of entries, so their digest is taken from those
instead: an event's page from its own entry, its neighbours' list items and the entries of
the articles it quotes; a source page from its entry and its excerpts; a section, person or
place page from its own few fields and its events' list items.  An event's list item is a
function of its entry alone (the layout is in the build key), so its digest is kept from
one build to the next by the entry's digest (``items``) and an unchanged event is never
digested again.  A page of any other shape is digested by value, as before.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping

from ..site_model import EntityView, EventItem, EventView, PageSpec, SectionView, Site, SourceView
from . import fingerprint

ItemDigests = dict[bytes, bytes]  # an event entry's digest → the digest of its list item
# Stands for a missing neighbour, or a quote of an article without a page: every part of a
# page's digest is a digest of the same size, so their concatenation is unambiguous.
_NONE = bytes(fingerprint.DIGEST_SIZE)


class PageDigests:
    """The digest of each page of ``model``; ``event_entries`` and ``source_entries``: the
    digest of each entry by the URL of its page; ``known``: item digests of the last build."""

    def __init__(
        self,
        model: Site,
        event_entries: Mapping[str, bytes],
        source_entries: Mapping[str, bytes],
        known: ItemDigests,
        by_value: Callable[[object], bytes],
    ) -> None:
        self.events, self.sources, self.by_value = event_entries, source_entries, by_value
        self.items: ItemDigests = {}  # of this build, for the next one
        # By the identity of the model's items (as ``fingerprint.Values.known`` takes them).
        self.by_identity: dict[int, tuple[bytes, object]] = {}
        for section in model.sections:
            for item in section.events:
                entry = event_entries[item.url]
                digest = self.items[entry] = known.get(entry) or fingerprint.of_value(item)
                self.by_identity[id(item)] = (digest, item)
        self.shapes: dict[str, tuple[str, type, Callable[..., list[bytes]]]] = {
            "article": ("article", EventView, self._event),
            "source": ("page", SourceView, self._source),
            "section": ("section", SectionView, self._listing),
            "entity": ("entity", EntityView, self._listing),
        }

    def of(self, spec: PageSpec) -> bytes:
        view = self._view(spec)
        if view is None:
            return self.by_value((spec.template, spec.context))
        parts = self.shapes[spec.template][2](view)
        return fingerprint.of_bytes(b"".join([spec.template.encode("utf-8"), b"\0", *parts]))

    def _view(self, spec: PageSpec) -> object | None:
        """The page's view, when the page has one of the shapes digested by parts."""
        shape = self.shapes.get(spec.template)
        if shape is None or len(spec.context) != 1 or shape[0] not in spec.context:
            return None
        view = spec.context[shape[0]]
        if spec.template in ("article", "source"):  # Pelican's content object, of which the theme reads this
            view = view.get("timeline") if isinstance(view, dict) and len(view) == 1 else None
        return view if type(view) is shape[1] else None

    def _item(self, item: EventItem | None) -> bytes:
        return _NONE if item is None else self.by_identity[id(item)][0]

    def _event(self, view: EventView) -> list[bytes]:
        quoted = [self.sources[q.source_url] if q.source_url else _NONE for q in view.quotes]
        return [self.events[view.url], self._item(view.previous), self._item(view.next), *quoted]

    def _source(self, view: SourceView) -> list[bytes]:
        excerpts = [fingerprint.of_parts([self._item(e.event), *e.sentences]) for e in view.excerpts]
        return [self.sources[view.url], *excerpts]

    def _listing(self, view: SectionView | EntityView) -> list[bytes]:
        own = {f.name: getattr(view, f.name) for f in dataclasses.fields(view) if f.name != "events"}
        return [fingerprint.of_value(own), b"".join(self._item(i) for i in view.events)]
