"""The outputs a change of entries reaches: of the pages and files made for one event, source,
section, person or place, those whose view may show something of a changed entry.

Digesting every page of the site on every regeneration walks the whole model (a tenth of a
second at ten thousand events) to find the few dozen pages one article changed.  The
pages and files that grow with the site are each made for one thing, and what they show of
the entries is known from the views (``site_model``):

- an event's page shows its own entry, its neighbours' list items and the entries of the
  articles it quotes;
- a source page, the list items and sentences of the events that quote it;
- a section page, its events' list items and the labels of the sections before and after it;
- a person's or place's page, embed, JSON slice and feed, the events that name them.

So a changed entry (new, edited or gone: both its versions count) reaches the pages of its
events, of their neighbours before and after the change, of their sections and the sections
next to those, of their people and places and of the articles they quote; a changed source
entry reaches its page and the pages of the events that quote it.  Every other output (the
index, the listings, the whole-timeline files and feeds, the whole timeline's embed) is one
per site and is digested on every run.  The regeneration digests the reached outputs and
keeps the last build's digest for the others (``outputs.plan``); an output that did not
exist before is always digested.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence

from .. import periods
from ..model import Event
from ..pelican_plugin.exports import subject_files
from ..site_model import Layout, Site, event_order, section_key, section_path
from .inputs import Entry, EventEntry, SourceEntry

Entries = Mapping[str, tuple[bytes, Entry]]  # entry path → (digest, entry)


def changes(before: Entries, after: Entries) -> tuple[list[Entry], list[Entry]]:
    """The entries of ``before`` that are not in ``after`` as they were (gone or edited), and
    those of ``after`` that are not in ``before``."""
    return _not_in(before, after), _not_in(after, before)


def _not_in(these: Entries, those: Entries) -> list[Entry]:
    """The entries of ``these`` that ``those`` has not, or has with another digest (tested
    inline: this runs on every entry of the site)."""
    return [
        entry
        for rel, (digest, entry) in these.items()
        if (other := those.get(rel)) is None or other[0] != digest
    ]


def reached(olds: Sequence[Entry], news: Sequence[Entry], model: Site) -> set[str]:
    """The per-item outputs that may differ between the build that had the entries ``olds`` and
    the build that has ``news`` instead, whose model is ``model``."""
    old_events = [e.event for e in olds if isinstance(e, EventEntry)]
    new_events = [e.event for e in news if isinstance(e, EventEntry)]
    layout = model.layout
    found: set[str] = set()
    for event in (*old_events, *new_events):
        found.add(layout.event.format(slug=event.slug))
        found.update(layout.source.format(slug=source.article) for source in event.sources)
        found |= _subjects(layout, event)
    found |= _neighbours(model, old_events, new_events)
    found |= _sections(model, old_events, new_events)
    articles = {e.article.slug for e in (*olds, *news) if isinstance(e, SourceEntry)}
    found.update(layout.source.format(slug=slug) for slug in articles)
    if articles:
        found.update(_quoting(model, articles))
    return found


def _subjects(layout: Layout, event: Event) -> set[str]:
    """The pages and files of the people and places ``event`` names."""
    found: set[str] = set()
    for kind, pattern, named in (
        ("person", layout.person, event.people),
        ("place", layout.place, event.places),
    ):
        for entity in named:
            found.add(pattern.format(slug=entity.slug))
            found.update(subject_files(kind, entity.slug))
    return found


def _neighbours(model: Site, old_events: list[Event], new_events: list[Event]) -> set[str]:
    """The pages of the events next to a changed one, in the new order and in the old.  The old
    neighbours of an old version are, in the new order, the nearest unchanged events on each
    side of where it stood (a changed event in between has its own page reached anyway)."""
    views = model.events
    slugs, items, at = views.slugs, views.items, range(len(views))
    fresh = {e.slug for e in new_events}
    found: set[str] = set()
    for event in new_events:
        i = bisect_left(at, event_order(event), key=views.order)
        found.update(items[j].url for j in (i - 1, i + 1) if 0 <= j < len(items))
    for event in old_events:
        i = bisect_left(at, event_order(event), key=views.order)
        below = next((j for j in range(i - 1, -1, -1) if slugs[j] not in fresh), None)
        above = next((j for j in range(i, len(slugs)) if slugs[j] not in fresh), None)
        found.update(items[j].url for j in (below, above) if j is not None)
    return found


def _sections(model: Site, old_events: list[Event], new_events: list[Event]) -> set[str]:
    """The sections of the changed events' dates, and those next to where they stand in the
    new list of sections, whose links may name them.  The new list is enough: a section whose
    neighbour changed has, in the new list, a changed event's section as its neighbour or,
    when that section is gone, none between it and where that section stood."""
    keys = [s.key for s in model.sections]
    found = {k for e in (*old_events, *new_events) for k in _around(keys, section_key(e.date))}
    return {model.layout.section.format(key=section_path(key)) for key in found}


def _around(keys: Sequence[str], key: str) -> Iterable[str]:
    """``key``, the keys that sort as it does (whose order among them is the events' own) and
    the nearest key on each side of them."""
    start = bisect_left(keys, periods.sort_key(key), key=periods.sort_key)
    end = bisect_right(keys, periods.sort_key(key), key=periods.sort_key)
    return [key, *keys[max(start - 1, 0) : end + 1]]


def _quoting(model: Site, articles: set[str]) -> Iterable[str]:
    """The pages of the events that quote one of ``articles``: its page's excerpts say which;
    an article without a page (its entry is gone) is looked for in every event."""
    sources = model.sources
    at = {slug: sources.find(slug) for slug in articles}
    found = [e.event.url for i in at.values() if i is not None for e in sources[i].excerpts]
    if None in at.values():
        views = model.events
        found += (
            item.url
            for event, item in zip(views.events, views.items, strict=True)
            if any(source.article in articles for source in event.sources)
        )
    return found
