"""What a build writes: every output file, with a digest of what it is made from and a recipe.

A page is a ``PageSpec`` of the site model and its digest changes whenever the spec's
value does, so the pages one change reaches are those whose spec differs (``site_model`` is
built for that); the pages that grow with the site are digested from the entries they are
made of rather than walked (``page_digests``).
An export's digest is that of the entries it is made from (``exported``).  Pelican's own
feed is made from the newest articles, and its digest is theirs.  A regeneration digests
only the outputs of one event, source, section, person or place that the changed entries
reach (``reach``), and keeps the last build's digest for the others (of the thousands of
event and source pages, those it keeps are not even made: ``site_model.content_paths``);
its model is the last build's patched with the changed events (``site_model.patch``).
Theme files that Pelican copies are not listed: only a full build writes them, and one runs
whenever the theme changes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import Any, NamedTuple

from ..model import Event
from ..pelican_plugin.exports import EMBED, embed_pages, export_site
from ..site_model import (
    Derived,
    EventItem,
    Layout,
    PageSpec,
    content_page,
    content_paths,
    derive,
    listing_pages,
    patch,
    site_from,
)
from . import exported, feeds, fingerprint, reach
from .documents import Before
from .inputs import Entry, EventEntry, SourceEntry, Unsupported
from .page_digests import ItemDigests, PageDigests

Entries = Mapping[str, tuple[bytes, EventEntry | SourceEntry]]  # entry path → (digest, entry)
# Views that many pages show (an event in every list that has it, on its neighbours' pages
# and in the embeds): digested once each.  An event's own view is on its page and, for the
# most recent, in the bounded whole-timeline embed: digested with those pages.
SHARED_VIEWS = (EventItem,)
# The pages made for one event, source, section, person or place (``reach``), by template;
# and the embeds, but the whole timeline's.
_PER_ITEM_TEMPLATES = frozenset({"article", "source", "section", "entity"})


class Output(NamedTuple):
    """An output file: its digest, and one recipe (a page, a data text, or a Pelican feed).
    A named tuple: a plan makes one for every file of the site.  The page of an event or a
    source that no change reached keeps the last build's digest and has no recipe: no
    regeneration writes it (``write`` refuses to)."""

    digest: bytes
    page: PageSpec | None = None
    text: exported.Make | None = None
    feed: feeds.FeedSpec | None = None


@dataclass(frozen=True)
class Since:
    """The last build, for a regeneration: the entries it read and its outputs' digests;
    ``again``: outputs to digest whatever the change reaches (those an interrupted run left)."""

    entries: Entries
    outputs: Mapping[str, bytes]
    again: Set[str] = frozenset()
    derived: Derived | None = None  # of its model, which this build's patches (``site_model.patch``)
    # The entries that changed since (``reach.changes``), when the caller knows them already.
    changes: tuple[list[Entry], list[Entry]] | None = None


class Plan(NamedTuple):
    outputs: dict[str, Output]  # by path from the output folder
    items: ItemDigests  # the digests of the events' list items (``page_digests``)
    derived: Derived  # of the model, for the next build to patch
    events: dict[str, tuple[bytes, EventEntry]]  # the event entries (``events_of``), for the writers


def events_of(entries: Entries) -> dict[str, tuple[bytes, EventEntry]]:
    return {rel: pair for rel, pair in entries.items() if isinstance(pair[1], EventEntry)}


class EventsBySlug(Mapping[str, Event]):
    """The events of ``entries`` by slug, each read from its entry when asked for: a build's
    model reads the events of the pages it makes only (``site_model.InOrder``)."""

    def __init__(self, entries: Iterable[EventEntry]) -> None:
        self._entries = {e.slug: e for e in entries}

    def __getitem__(self, slug: str) -> Event:
        return self._entries[slug].event

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


def plan(
    entries: Entries,
    settings: Mapping[str, Any],
    known: ItemDigests | None = None,
    since: Since | None = None,
) -> Plan:
    """Every output of a build of ``entries`` with ``settings``; ``known``: the digests of the
    list items of the last build; ``since``: the last build, whose digests the outputs no
    change reached keep, and whose model this one's is patched from."""
    events = events_of(entries)
    sources = {rel: (d, e.article) for rel, (d, e) in entries.items() if isinstance(e, SourceEntry)}
    by_slug = EventsBySlug(e for _, e in events.values())
    if len(by_slug) < len(events):
        _unique("event", [e.slug for _, e in events.values()])
    _unique("source", [a.slug for _, a in sources.values()])
    layout = Layout.from_settings(settings)
    changes = None if since is None else since.changes or reach.changes(since.entries, entries)
    derived = _derived(events, since.derived if since is not None else None, changes, layout)
    model = site_from(derived, by_slug, (a for _, a in sources.values()), layout)
    site = export_site(settings, layout)
    out: dict[str, Output] = {}
    values = fingerprint.Values(SHARED_VIEWS)
    published, digest_of = exported.exported_entries(events, model)
    pages = PageDigests(model, digest_of, {a.slug: d for d, a in sources.values()}, known or {}, values.of)
    values.known.update(pages.by_identity)  # the embeds' items, digested once for all
    fresh = None if since is None or changes is None else reach.reached(*changes, model) | since.again
    kept = _kept(since, fresh)
    for spec in listing_pages(model):
        _add(out, spec.save_as, _page(spec, pages, kept))
    # Thousands: a page is made only if a change reached it, the others keep their digests (at once).
    contents = dict(zip(content_paths(model), count()))
    if len(contents) < len(model.events) + len(model.sources) or not contents.keys().isdisjoint(out):
        raise Unsupported(f"two outputs would be written to {_repeated([*out, *content_paths(model)])}")
    unreached = _unreached(since, fresh, contents.keys())
    out.update(zip(unreached, map(Output, unreached.values()), strict=True))
    for path, index in contents.items():
        if path not in unreached:
            out[path] = _page(content_page(model, index), pages, kept)
    for spec in embed_pages(model, settings):
        _add(out, spec.save_as, _page(spec, pages, kept))
    limit = settings.get("FEED_MAX_ITEMS")
    before = _before(since)
    files = exported.data_files(
        published, digest_of, model, site, limit, Path(settings["THEME"]), kept, before
    )
    for path, (digest, make) in files.items():
        _add(out, path, Output(digest, text=make))
    for feed in feeds.feed_specs(events, settings):
        digest = fingerprint.of_parts([fingerprint.of_value(feed), *(events[p][0] for p in feed.items)])
        _add(out, feed.path, Output(digest, feed=feed))
    return Plan(out, pages.items, derived, events)


def _derived(
    events: Mapping[str, tuple[bytes, EventEntry]],
    last: Derived | None,
    changes: tuple[list[Entry], list[Entry]] | None,
    layout: Layout,
) -> Derived:
    """The last build's ``Derived`` patched with the changed events, or one derived from all."""
    if last is None or changes is None:
        return derive((e.event for _, e in events.values()), layout)
    olds, news = ([e.event for e in part if isinstance(e, EventEntry)] for part in changes)
    return patch(last, olds, news, layout)


def _before(since: Since | None) -> Before:
    """The events the last build wrote into the files made of parts (``documents``)."""
    if since is None:
        return Before()
    return Before(since.derived, {e.slug: d for d, e in since.entries.values() if isinstance(e, EventEntry)})


def _page(spec: PageSpec, pages: PageDigests, kept: Callable[[str], bytes | None]) -> Output:
    digest = kept(spec.save_as) if _per_item(spec) else None
    return Output(digest or pages.of(spec), page=spec)


def _kept(since: Since | None, fresh: Set[str] | None) -> Callable[[str], bytes | None]:
    """The last build's digest of an output of one item that no change reached (``fresh``:
    those it reached), by path."""
    if since is None or fresh is None:
        return lambda _path: None
    last = since.outputs
    return lambda path: None if path in fresh else last.get(path)


def _unreached(since: Since | None, fresh: Set[str] | None, paths: Set[str]) -> dict[str, bytes]:
    """Of ``paths`` (outputs of one item each), those the last build wrote and no change
    reached, with their digests then: ``_kept`` for thousands at once."""
    if since is None or fresh is None:
        return {}
    last = since.outputs
    unreached = (last.keys() & paths) - fresh
    return dict(zip(unreached, map(last.__getitem__, unreached), strict=True))


def _per_item(spec: PageSpec) -> bool:
    return spec.template in _PER_ITEM_TEMPLATES or (spec.template == "embed" and spec.save_as != EMBED)


def _add(out: dict[str, Output], path: str, output: Output) -> None:
    if path in out:
        raise Unsupported(f"two outputs would be written to {path}")
    out[path] = output


def _repeated(paths: list[str]) -> str:
    return next(p for p, n in Counter(paths).items() if n > 1)


def _unique(kind: str, slugs: list[str]) -> None:
    seen: set[str] = set()
    for slug in slugs:
        if slug in seen:
            raise Unsupported(f"two {kind} entries have the slug {slug}")
        seen.add(slug)
