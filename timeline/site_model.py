"""What each page of the site shows: plain view models built from events, sources and settings.

The theme renders from these views alone, never from Pelican's content objects, and every
page is a ``PageSpec`` (where it is saved, which template, which variables) computed here by
pure functions that need no Pelican.  So any page can be rendered again outside a full build,
from the list of events and sources, byte for byte as the full build renders it.  Views are
frozen dataclasses that compare by value: the pages one new event touches are exactly the
specs that differ between the old timeline's ``all_pages`` and the new one's.  An event's
or a source's view is made when first read (``EventViews``, ``SourceViews``, ``ViewContext``):
a regeneration renders few.

The timeline is split into *sections* so that one event touches a bounded set of pages: an
event dated to a day, a week or a month belongs to the month it starts in; an event dated
more coarsely (a quarter, a season, a year, a decade) to a section of its own period.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import groupby
from operator import attrgetter
from typing import Any, Generic, TypeVar, overload

from . import periods
from .markdown_format import safe_url
from .model import Article, Event, Source

MONTH_PRECISIONS = ("day", "week", "month")  # an event at these precisions sits in a month section
STATUS_LABELS = {"happened": "Happened", "planned": "Planned"}


@dataclass(frozen=True)
class Layout:
    """Where pages are saved (a site-relative path, which is also the page's URL) and what the
    index shows.  Event and source pages follow Pelican's ARTICLE_URL and PAGE_URL; the pages
    the plugin adds follow TIMELINE_* settings, with these defaults."""

    event: str = "events/{slug}.html"
    source: str = "sources/{slug}.html"
    person: str = "people/{slug}.html"
    place: str = "places/{slug}.html"
    section: str = "timeline/{key}.html"
    index: str = "index.html"
    people: str = "people/index.html"
    places: str = "places/index.html"
    sources: str = "sources/index.html"
    recent_sections: int = 12  # sections shown in full on the index; all are in its contents

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Layout:
        names = {
            "event": "ARTICLE_URL", "source": "PAGE_URL",
            "person": "TIMELINE_PERSON_URL", "place": "TIMELINE_PLACE_URL",
            "section": "TIMELINE_SECTION_URL", "index": "TIMELINE_INDEX_URL",
            "people": "TIMELINE_PEOPLE_URL", "places": "TIMELINE_PLACES_URL",
            "sources": "TIMELINE_SOURCES_URL", "recent_sections": "TIMELINE_RECENT_SECTIONS",
        }  # fmt: skip
        return cls(**{attr: settings[key] for attr, key in names.items() if key in settings})


# ---------------------------------------------------------------- views


@dataclass(frozen=True)
class Link:
    label: str
    url: str


@dataclass(frozen=True)
class When:
    """A date at its precision, as a reader sees it and as ``<time datetime>`` takes it."""

    label: str  # "February 2022", "Week of 12 May 2025", "16 May 2025 – 20 May 2025"
    value: str  # ISO at its precision
    datetime: str | None  # only the forms HTML accepts (day, week, month, year)


@dataclass(frozen=True)
class EventItem:
    """An event as one entry of a list."""

    title: str
    url: str
    when: When
    status: str
    status_label: str
    summary: str


@dataclass(frozen=True)
class Quote:
    """A sentence an event rests on, with where it comes from."""

    sentence: str
    source_title: str
    source_url: str | None  # our page about the article, when there is one
    publisher: str | None
    published: When
    original: str | None  # the article itself (http or https only)


@dataclass(frozen=True)
class EventView:
    slug: str
    url: str
    title: str
    when: When
    status: str
    status_label: str
    summary: str
    people: tuple[Link, ...]
    places: tuple[Link, ...]
    quotes: tuple[Quote, ...]
    section: Link
    previous: EventItem | None = None
    next: EventItem | None = None


@dataclass(frozen=True)
class Excerpt:
    """What one event takes from a source article."""

    event: EventItem
    sentences: tuple[str, ...]


@dataclass(frozen=True)
class SourceView:
    slug: str
    url: str
    title: str
    published: When
    publisher: str | None
    dateline: str | None
    original: str | None
    excerpts: tuple[Excerpt, ...]


@dataclass(frozen=True)
class EntityView:
    """A person or a place and the events that name them."""

    kind: str  # person | place
    name: str
    slug: str
    url: str
    events: tuple[EventItem, ...]


@dataclass(frozen=True)
class SectionView:
    key: str  # "2025-05", "2025-Q2", "2024", "199"
    label: str  # "May 2025"
    short: str  # "May", as listed under its year in the contents
    group: str  # the year it is listed under, "2025"; a decade stands alone, "1990s"
    url: str
    events: tuple[EventItem, ...]
    previous: Link | None = None
    next: Link | None = None


@dataclass(frozen=True)
class YearView:
    label: str  # "2025", or a decade: "1990s"
    sections: tuple[SectionView, ...]


@dataclass(frozen=True)
class TimelineView:
    """The index: the most recent sections in full and every section in the contents."""

    years: tuple[YearView, ...]
    contents: tuple[YearView, ...]
    total: int
    shown: int
    first: When | None
    last: When | None


@dataclass(frozen=True)
class ListEntry:
    label: str
    url: str
    count: int
    note: str | None = None


@dataclass(frozen=True)
class ListingView:
    """An index of people, places or sources."""

    kind: str  # people | places | sources
    title: str
    url: str
    entries: tuple[ListEntry, ...]


V = TypeVar("V")


class _LazyViews(Sequence[V], Generic[V]):
    """Views made when first read and kept; compares by value, as a tuple of the views.

    A regeneration renders the few pages a change reaches: making the thousands of views it
    never reads would be a third of its model."""

    _made: list[V | None]
    _noun = "views"

    def _make(self, index: int) -> V:
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self._made)

    @overload
    def __getitem__(self, index: int) -> V: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[V, ...]: ...
    def __getitem__(self, index: int | slice) -> V | tuple[V, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        view = self._made[index]  # IndexError as a tuple raises it
        if view is None:
            i = index % len(self._made)
            view = self._made[i] = self._make(i)
        return view

    def __iter__(self) -> Iterator[V]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self)} {self._noun})"


class EventViews(_LazyViews[EventView]):
    """The events' views in chronological order, each made when first read.

    A regeneration digests every event page from its entry and its neighbours' list items
    (``incremental.page_digests``, through ``slugs`` and ``items``) and renders only the
    few that changed: it reads the events of those only (``InOrder``)."""

    _noun = "events"

    def __init__(
        self,
        events: InOrder,
        items: Sequence[EventItem],
        sources: Mapping[str, Article],
        layout: Layout,
        dates: Mapping[str, str],
    ) -> None:
        self.events, self.items, self.slugs = events, items, events.slugs
        self._sources, self._layout, self.dates = sources, layout, dates  # by slug
        self._made: list[EventView | None] = [None] * len(events)

    def order(self, index: int) -> tuple[Any, ...]:
        """``event_order`` of event ``index``, without reading the event."""
        slug = self.slugs[index]
        return _order_of(self.dates[slug], slug)

    def _make(self, index: int) -> EventView:
        return _event_view(
            self.events[index], self.items[index], *self.neighbours(index), self._sources, self._layout
        )

    def neighbours(self, index: int) -> tuple[EventItem | None, EventItem | None]:
        """The list items of the events before and after event ``index``, if any."""
        following = index + 1 < len(self.items)
        return (self.items[index - 1] if index else None, self.items[index + 1] if following else None)


class SourceViews(_LazyViews[SourceView]):
    """The source articles' views in order of publication, each made when first read.

    A regeneration renders the pages of the few articles a change reaches; the sources'
    index needs of the others only their own fields and how many events quote each
    (``count``)."""

    _noun = "articles"

    def __init__(
        self, articles: Sequence[Article], citing: Mapping[str, list[int]], events: EventViews, layout: Layout
    ) -> None:
        self.articles, self._citing, self._events, self._layout = articles, citing, events, layout
        self._made: list[SourceView | None] = [None] * len(articles)
        self._index: dict[str, int] | None = None

    def _make(self, index: int) -> SourceView:
        article = self.articles[index]
        excerpts = tuple(
            _excerpt(self._events.events[e], self._events.items[e], article.slug)
            for e in self._citing.get(article.slug, ())
        )
        return _source_view(article, excerpts, self._layout)

    def count(self, index: int) -> int:
        """How many events quote article ``index``: the excerpts of its view."""
        return len(self._citing.get(self.articles[index].slug, ()))

    def find(self, slug: str) -> int | None:
        """The index of the article ``slug``, if it has a view."""
        if self._index is None:
            self._index = {a.slug: i for i, a in enumerate(self.articles)}
        return self._index.get(slug)


@dataclass(frozen=True)
class Site:
    layout: Layout
    events: EventViews  # in chronological order
    sources: SourceViews  # in order of publication
    people: tuple[EntityView, ...]
    places: tuple[EntityView, ...]
    sections: tuple[SectionView, ...]
    timeline: TimelineView


@dataclass(frozen=True)
class PageSpec:
    """One output file: rendered by ``template`` with the settings plus ``context``."""

    save_as: str
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)


# ---------------------------------------------------------------- small pure helpers

_HTML_DATETIME = ("day", "week", "month", "year")


@lru_cache(maxsize=1 << 16)  # a site shows the same dates again and again (and a When never changes)
def when(value: str, end: str | None = None) -> When:
    label = periods.human(value)
    if end and end != value:
        label = f"{label} – {periods.human(end)}"
    datetime = value if periods.precision_of(value) in _HTML_DATETIME else None
    return When(label=label, value=value, datetime=datetime)


@lru_cache(maxsize=1 << 16)  # called for every event on every build, with dates that recur
def section_key(value: str) -> str:
    """'2025-05-16' → '2025-05'; a week → the month it starts in; coarser periods stand alone."""
    period = periods.parse(value)
    if period.precision in MONTH_PRECISIONS:
        return periods.format_value(period.start, "month")
    return value


def section_path(key: str) -> str:
    """The file name part of a section: '2025-05', '2025-q2', '2025-su', '2024', '1990s'."""
    if periods.precision_of(key) == "decade":
        return periods.human(key)
    return key.lower()


def _section_short(key: str) -> str:
    period = periods.parse(key)
    if period.precision == "month":
        return periods.MONTH_NAMES[period.start.month - 1]
    if period.precision in ("quarter", "season"):
        return periods.human(key).split()[0]
    if period.precision == "year":
        return "The year"
    return "The decade"


def _section_group(key: str) -> str:
    if periods.precision_of(key) == "decade":
        return periods.human(key)
    return str(periods.parse(key).start.year)


# A site shows the same dates again and again: each is parsed once to sort by it.
_date_order = lru_cache(maxsize=1 << 16)(periods.sort_key)


def event_order(event: Event) -> tuple[Any, ...]:
    """The timeline's order: chronological, a wider period first, then by slug (a total order)."""
    return _order_of(event.date, event.slug)


def _order_of(date: str, slug: str) -> tuple[Any, ...]:
    return (_date_order(date), slug)


def _url(pattern: str, **fields: str) -> str:
    return pattern.format(**fields)


# The same people, places, sections and article URLs recur on event after event: each is made
# once per process, and a site of ten thousand events is modelled a third faster.
@lru_cache(maxsize=1 << 16)
def _link(label: str, pattern: str, slug: str) -> Link:
    return Link(label, _url(pattern, slug=slug))


@lru_cache(maxsize=1 << 16)
def _section_link(key: str, pattern: str) -> Link:
    return Link(periods.human(key), _url(pattern, key=section_path(key)))


_safe_url = lru_cache(maxsize=1 << 16)(safe_url)


# ---------------------------------------------------------------- building the model


def build_model(events: Iterable[Event], sources: Iterable[Article], layout: Layout | None = None) -> Site:
    """Every view of the site, from the timeline's events and its source articles."""
    layout = layout or Layout()
    events = list(events)
    return site_from(derive(events, layout), {e.slug: e for e in events}, sources, layout)


Members = dict[str, list[str]]  # a group's key → the slugs of its events, in the timeline's order


@dataclass
class Derived:
    """What the model derives from every event (their order, list items and groups), by slug:
    kept from one build to the next, so that a regeneration patches it with the few events
    that changed (``patch``) instead of deriving it again from all of them."""

    slugs: list[str]  # in the timeline's order (``event_order``)
    items: list[EventItem]  # of ``slugs``
    dates: dict[str, str]  # each event's date, by slug: its place in the order
    groups: dict[str, Members]  # section | person | place | article → key → its events
    names: dict[tuple[str, str], dict[str, int]]  # (person | place, slug) → each spelling, how often


def derive(events: Iterable[Event], layout: Layout) -> Derived:
    """The ``Derived`` of a timeline, from scratch."""
    ordered = sorted(events, key=event_order)
    derived = Derived(
        slugs=[e.slug for e in ordered],
        items=[_event_item(e, layout.event) for e in ordered],
        dates={e.slug: e.date for e in ordered},
        groups={kind: {} for kind in _GROUPS},
        names={},
    )
    for event in ordered:
        _join(derived, event, list.append)
    return derived


def patch(derived: Derived, gone: Sequence[Event], new: Sequence[Event], layout: Layout) -> Derived:
    """``derived`` without the events ``gone`` and with the events ``new`` (an edited event is
    in both, as it was and as it is): equal to ``derive`` of the timeline after.  What the
    changes touch is copied first: ``derived`` itself is left as it was."""
    result = Derived(
        list(derived.slugs), list(derived.items), dict(derived.dates),
        {kind: dict(members) for kind, members in derived.groups.items()}, dict(derived.names),
    )  # fmt: skip
    for event in (*gone, *new):
        for kind, key in _group_keys(event):
            members = result.groups[kind]
            members[key] = list(members.get(key, ()))
        for key, _name in _spellings(event):
            result.names[key] = dict(result.names.get(key, {}))
    for event in gone:
        at = result.slugs.index(event.slug)
        del result.slugs[at], result.items[at]
        _leave(result, event)
        del result.dates[event.slug]
    for event in new:
        result.dates[event.slug] = event.date
        at = _place(result, result.slugs, event.slug)
        result.slugs.insert(at, event.slug)
        result.items.insert(at, _event_item(event, layout.event))
        _join(result, event, lambda members, slug: members.insert(_place(result, members, slug), slug))
    return result


_GROUPS = ("section", "person", "place", "article")


def _group_keys(event: Event) -> Iterator[tuple[str, str]]:
    """The groups ``event`` is listed in, each once."""
    yield "section", section_key(event.date)
    for kind, named in (("person", event.people), ("place", event.places)):
        for slug in dict.fromkeys(entity.slug for entity in named):
            yield kind, slug
    for article in dict.fromkeys(source.article for source in event.sources):
        yield "article", article


def _spellings(event: Event) -> Iterator[tuple[tuple[str, str], str]]:
    for kind, named in (("person", event.people), ("place", event.places)):
        for entity in named:
            yield (kind, entity.slug), entity.name


def _place(derived: Derived, members: list[str], slug: str) -> int:
    """Where the event ``slug`` goes in ``members``, a list in the timeline's order."""
    dates = derived.dates

    def order(s: str) -> tuple[Any, ...]:
        return _order_of(dates[s], s)

    return bisect_left(members, order(slug), key=order)


def _join(derived: Derived, event: Event, add: Callable[[list[str], str], None]) -> None:
    for kind, key in _group_keys(event):
        members = derived.groups[kind]
        if key not in members:
            members[key] = []
        add(members[key], event.slug)
    for key, name in _spellings(event):
        spellings = derived.names.setdefault(key, {})
        spellings[name] = spellings.get(name, 0) + 1


def _leave(derived: Derived, event: Event) -> None:
    for kind, key in _group_keys(event):
        members = derived.groups[kind]
        members[key].remove(event.slug)
        if not members[key]:
            del members[key]
    for key, name in _spellings(event):
        spellings = derived.names[key]
        spellings[name] -= 1
        if not spellings[name]:
            del spellings[name]
        if not spellings:
            del derived.names[key]


class InOrder(Sequence[Event]):
    """The events of ``slugs``, in that order, each taken from ``events`` when read: a
    regeneration reads few of them (``incremental.inputs.EventEntry``)."""

    def __init__(self, slugs: Sequence[str], events: Mapping[str, Event]) -> None:
        self.slugs, self._events = slugs, events

    def __len__(self) -> int:
        return len(self.slugs)

    @overload
    def __getitem__(self, index: int) -> Event: ...
    @overload
    def __getitem__(self, index: slice) -> list[Event]: ...
    def __getitem__(self, index: int | slice) -> Event | list[Event]:
        if isinstance(index, slice):
            return [self._events[slug] for slug in self.slugs[index]]
        return self._events[self.slugs[index]]


def site_from(
    derived: Derived, events: Mapping[str, Event], sources: Iterable[Article], layout: Layout
) -> Site:
    """The model of the timeline that ``derived`` was derived from; ``events``: its events by
    slug (read only for the views made)."""
    item_of = dict(zip(derived.slugs, derived.items, strict=True))
    by_slug = {a.slug: a for a in sources}
    views = EventViews(InOrder(derived.slugs, events), derived.items, by_slug, layout, derived.dates)
    index = {slug: i for i, slug in enumerate(derived.slugs)}
    citing = {article: [index[s] for s in slugs] for article, slugs in derived.groups["article"].items()}
    sections = _sections(derived.groups["section"], item_of, layout)
    return Site(
        layout=layout,
        events=views,
        sources=SourceViews(sorted(by_slug.values(), key=_dated), citing, views, layout),
        people=_entities(derived, item_of, "person", layout.person),
        places=_entities(derived, item_of, "place", layout.place),
        sections=sections,
        timeline=_timeline(sections, derived.items, layout.recent_sections),
    )


_dated = attrgetter("published", "slug")  # an article's place in the sources' order (in C: thousands)


def _event_item(event: Event, pattern: str) -> EventItem:
    """Made for every event on every build: positional, which is a quarter faster than keywords."""
    label = STATUS_LABELS.get(event.status) or event.status.capitalize()
    # title, url, when, status, status_label, summary
    return EventItem(
        event.title, _url(pattern, slug=event.slug), when(event.date, event.end_date), event.status, label,
        event.summary,
    )  # fmt: skip


def _event_view(
    event: Event,
    item: EventItem,
    previous: EventItem | None,
    following: EventItem | None,
    sources: Mapping[str, Article],
    layout: Layout,
) -> EventView:
    return EventView(
        slug=event.slug,
        url=item.url,
        title=item.title,
        when=item.when,
        status=item.status,
        status_label=item.status_label,
        summary=item.summary,
        people=tuple(_link(p.name, layout.person, p.slug) for p in event.people),
        places=tuple(_link(p.name, layout.place, p.slug) for p in event.places),
        quotes=tuple(_quote(source, sources, layout) for source in event.sources),
        section=_section_link(section_key(event.date), layout.section),
        previous=previous,
        next=following,
    )


def _quote(source: Source, articles: Mapping[str, Article], layout: Layout) -> Quote:
    article = articles.get(source.article)
    if article is None:  # cited but without a page of its own: say what we know
        published = when(source.published)
        return Quote(source.sentence, source.article, None, None, published, _safe_url(source.url))
    return Quote(
        sentence=source.sentence,
        source_title=article.title,
        source_url=_url(layout.source, slug=article.slug),
        publisher=article.publisher or None,
        published=when(article.published.isoformat()),
        original=_safe_url(source.url) or _safe_url(article.url),
    )


def _excerpt(event: Event, item: EventItem, article: str) -> Excerpt:
    """What ``event`` takes from ``article``: the sentences it cites from it, each once, in order."""
    return Excerpt(item, tuple(dict.fromkeys(s.sentence for s in event.sources if s.article == article)))


def _source_view(article: Article, excerpts: tuple[Excerpt, ...], layout: Layout) -> SourceView:
    return SourceView(
        slug=article.slug,
        url=_url(layout.source, slug=article.slug),
        title=article.title,
        published=when(article.published.isoformat()),
        publisher=article.publisher or None,
        dateline=article.dateline or None,
        original=safe_url(article.url),
        excerpts=excerpts,
    )


def _entities(
    derived: Derived, item_of: Mapping[str, EventItem], kind: str, pattern: str
) -> tuple[EntityView, ...]:
    views = [
        EntityView(
            kind, _display_name(derived.names[(kind, slug)]), slug, _url(pattern, slug=slug),
            tuple(item_of[s] for s in events),
        )
        for slug, events in derived.groups[kind].items()
    ]  # fmt: skip
    return tuple(sorted(views, key=lambda v: (v.name.casefold(), v.slug)))


def _display_name(names: Iterable[str]) -> str:
    """Several spellings share a slug: show the longest, the same one on every build."""
    return min(names, key=lambda n: (-len(n), n))


def _sections(grouped: Members, item_of: Mapping[str, EventItem], layout: Layout) -> tuple[SectionView, ...]:
    sections = [
        SectionView(
            key=key,
            label=periods.human(key),
            short=_section_short(key),
            group=_section_group(key),
            url=_url(layout.section, key=section_path(key)),
            events=tuple(item_of[s] for s in grouped[key]),
        )
        for key in sorted(grouped, key=_date_order)
    ]
    links = [Link(s.label, s.url) for s in sections]
    return tuple(
        replace(s, previous=links[i - 1] if i else None, next=links[i + 1] if i + 1 < len(links) else None)
        for i, s in enumerate(sections)
    )


def _by_year(sections: Iterable[SectionView]) -> tuple[YearView, ...]:
    return tuple(YearView(label, tuple(group)) for label, group in groupby(sections, key=lambda s: s.group))


def _timeline(sections: tuple[SectionView, ...], items: Sequence[EventItem], recent: int) -> TimelineView:
    shown = sections[-recent:] if recent > 0 else sections
    return TimelineView(
        years=_by_year(shown),
        contents=_by_year(sections),
        total=len(items),
        shown=sum(len(s.events) for s in shown),
        first=items[0].when if items else None,
        last=items[-1].when if items else None,
    )


def _entity_listing(kind: str, url: str, entities: Iterable[EntityView]) -> ListingView:
    entries = tuple(ListEntry(e.name, e.url, len(e.events)) for e in entities)
    return ListingView(kind, kind.capitalize(), url, entries)


def _listings(site: Site) -> tuple[ListingView, ...]:
    return (
        _entity_listing("people", site.layout.people, site.people),
        _entity_listing("places", site.layout.places, site.places),
        _sources_listing(site),
    )


def _sources_listing(site: Site) -> ListingView:
    """From the articles and their counts: the fields their views would show, without the views."""
    sources, pattern = site.sources, site.layout.source
    entries = tuple(
        ListEntry(
            label=a.title,
            url=_url(pattern, slug=a.slug),
            count=sources.count(i),
            note=", ".join(part for part in (a.publisher, when(a.published.isoformat()).label) if part),
        )
        for i, a in enumerate(sources.articles)
    )
    return ListingView("sources", "Sources", site.layout.sources, entries)


# ---------------------------------------------------------------- pages


class ViewContext(Mapping[str, Any]):
    """An event's or a source's page variables, ``{key: {"timeline": view}}`` as Pelican gives
    its content object (``article`` or ``page``), with the view made when first read
    (``EventViews``, ``SourceViews``); ``views`` and ``index`` say which view it is."""

    def __init__(self, key: str, views: EventViews | SourceViews, index: int) -> None:
        self.key, self.views, self.index = key, views, index

    def _value(self) -> dict[str, Any]:
        return {self.key: {"timeline": self.views[self.index]}}

    def __getitem__(self, key: str) -> Any:
        return self._value()[key]

    def __iter__(self) -> Iterator[str]:
        return iter((self.key,))

    def __len__(self) -> int:
        return 1


def content_pages(site: Site) -> list[PageSpec]:
    """Event and source pages.  Pelican writes these for its articles and pages, whose
    ``timeline`` attribute the plugin sets to the view; the templates read nothing else."""
    return [content_page(site, i) for i in range(len(site.events) + len(site.sources))]


def content_paths(site: Site) -> list[str]:
    """Where the pages of ``content_pages`` are saved, in order, without making them: a
    regeneration makes only the few pages a change reaches (``content_page``)."""
    pattern = site.layout.source
    return [
        *(item.url for item in site.events.items),
        *(_url(pattern, slug=a.slug) for a in site.sources.articles),
    ]


def content_page(site: Site, index: int) -> PageSpec:
    """The page ``index`` of ``content_pages``: the events' pages, then the sources'."""
    events, sources = site.events, site.sources
    if index < len(events):
        return PageSpec(events.items[index].url, "article", ViewContext("article", events, index))
    index -= len(events)
    url = _url(site.layout.source, slug=sources.articles[index].slug)
    return PageSpec(url, "source", ViewContext("page", sources, index))


def listing_pages(site: Site) -> list[PageSpec]:
    """The pages the plugin writes itself: the index, sections, people, places and the indexes."""
    layout = site.layout
    return [
        PageSpec(layout.index, "index", {"timeline": site.timeline}),
        *(PageSpec(s.url, "section", {"section": s}) for s in site.sections),
        *(PageSpec(e.url, "entity", {"entity": e}) for e in (*site.people, *site.places)),
        *(PageSpec(v.url, "listing", {"listing": v}) for v in _listings(site)),
    ]


def all_pages(site: Site) -> list[PageSpec]:
    return listing_pages(site) + content_pages(site)
