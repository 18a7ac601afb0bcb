"""Invented news at any scale, for the benchmarks: a long-running regional story told by
several outlets, with recurring people and places, dates spread over ten years at every
precision, planned and happened events, and events reported by more than one article.

Two products: ``invent(n)`` gives a timeline of ``n`` events and their source articles as the
store would hold them (written through ``store.plan`` with every article's reports, so a
real ingest merges into the whole archive, while no tagger runs: a bench of ten thousand
events stays fast), and ``article_text`` gives one new article as a person would
drop it into the inbox, for the real ``timeline ingest``.  Every name, outlet and sentence is
invented and comes from the tables below; the same seed always gives the same story.
"""

from __future__ import annotations

import hashlib
import random
from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from timeline import journal, periods, slugs, store
from timeline.merge import Entry
from timeline.model import Article, Entity, Event, Source

OUTLETS = (
    ("Harbor Times", "harbor-times.example"),
    ("Valley Ledger", "valley-ledger.example"),
    ("Northern Courier", "northern-courier.example"),
    ("Capital Herald", "capital-herald.example"),
    ("Coastal Wire", "coastal-wire.example"),
    ("Prairie Gazette", "prairie-gazette.example"),
    ("Summit Daily", "summit-daily.example"),
    ("Riverside Observer", "riverside-observer.example"),
)
FIRST_NAMES = (
    "Marta", "Daniel", "Ruth", "Tomas", "Amara", "Leon", "Ingrid", "Kwame", "Sofia", "Henrik",
    "Nadia", "Felix", "Oona", "Rafael", "Greta", "Idris", "Lucia", "Piotr", "Yara", "Callum",
)  # fmt: skip
LAST_NAMES = (
    "Ilves", "Okafor", "Calloway", "Brandt", "Mensah", "Varga", "Lindqvist", "Osei", "Moreau", "Haugen",
    "Petrov", "Quinlan", "Saari", "Delgado", "Novak", "Achterberg", "Rinaldi", "Kowal", "Farouk", "Doyle",
)  # fmt: skip
ROLES = ("Mayor", "Governor", "union leader", "Senator", "port director", "council member", "minister")
PLACES = (
    "Halvard", "Brennick", "Port Estra", "Lowmoor", "Kestrel Bay", "Ardent Falls", "Norvale", "Saltmere",
    "Dunmore Heights", "Caskbridge", "Elderholm", "Fenwick", "Graystone", "Harrowgate", "Ivybridge",
    "Juniper Cove", "Kingsreach", "Larkfield", "Millbrook", "Northwatch", "Oakhaven", "Pinecrest",
    "Queensferry", "Redwater", "Stonehaven", "Thornbury", "Upton Marsh", "Westmarch", "Yarrowdale",
    "Zephyr Point",
)  # fmt: skip
# What happens: a headline and the sentence a report gives; when it can be announced ahead,
# also the sentence of the announcement.  {person}, {other}, {place} and {when} (the date as
# the report states it) are filled in.
HAPPENINGS = (
    ("{person} opens talks with {other} in {place}",
     "{person} opened talks with {other} in {place} {when}, officials said.",
     "{person} is expected to open talks with {other} in {place} {when}, officials said."),
    ("Council in {place} approves a new budget",
     "The city council in {place} approved a new budget {when} after a long debate, {person} said.",
     "The city council in {place} is due to vote on a new budget {when}, {person} said."),
    ("{person} resigns from the {place} port board",
     "{person} resigned from the {place} port board {when}, citing the stalled negotiations.", None),
    ("Floods close the harbor road in {place}",
     "Floods closed the harbor road in {place} {when}, and {person} ordered an inquiry.", None),
    ("Rail strike halts trains through {place}",
     "A rail strike halted trains through {place} {when}, {person} told reporters.",
     "Rail workers plan to halt trains through {place} {when}, {person} told reporters."),
    ("{person} wins the runoff in {place}",
     "{person} won the runoff in {place} {when}, defeating {other} by a narrow margin.", None),
    ("Court in {place} blocks the dock expansion",
     "A court in {place} blocked the dock expansion {when} in a case brought by {person}.", None),
    ("{person} and {other} sign a ferry agreement in {place}",
     "{person} and {other} signed a ferry agreement in {place} {when}, ending months of dispute.",
     "{person} and {other} are due to sign a ferry agreement in {place} {when}."),
    ("Fire damages a warehouse in {place}",
     "A fire damaged a warehouse in {place} {when}; {person} said no one was hurt.", None),
    ("{person} unveils a housing plan for {place}",
     "{person} unveiled a housing plan for {place} {when}, promising 2,000 new homes.",
     "{person} will unveil a housing plan for {place} {when}, aides said."),
    ("Protesters march on city hall in {place}",
     "Hundreds of protesters marched on city hall in {place} {when}, demanding that {person} step down.",
     "Protesters plan to march on city hall in {place} {when} to demand that {person} step down."),
    ("{person} visits the shipyard in {place}",
     "{person} visited the shipyard in {place} {when} and met workers with {other}.",
     "{person} is scheduled to visit the shipyard in {place} {when} with {other}."),
)  # fmt: skip
# How often each precision occurs, and how a report words a date at it.
PRECISIONS = (("day", 70), ("week", 8), ("month", 12), ("quarter", 4), ("season", 2), ("year", 4))
FIRST_DAY = date(2016, 1, 4)
SPAN_DAYS = 3650


@dataclass(frozen=True)
class Story:
    events: list[Event]
    sources: list[Article]

    def write(self, content: Path) -> Path:
        """The story under ``content/`` as ingesting its articles one by one would have left it:
        the entries, and the store's bookkeeping (each article's reports, which reports make up
        which event), so that a real ingest merges into the whole archive."""
        reports: dict[str, list[Event]] = {a.slug: [] for a in self.sources}
        entries = []
        for event in self.events:
            mine = tuple(replace(event, slug="", sources=(s,)) for s in event.sources)
            for report in mine:
                reports[report.sources[0].article].append(report)
            entries.append(Entry(event.id, event.slug, mine))
        batch = {a.slug: store.ArticleRecord(a, tuple(reports[a.slug])) for a in self.sources}
        journal.commit(content, store.plan(content, store.State(), entries, (), batch).changes)
        return content


def people(count: int = 120) -> list[Entity]:
    """The recurring cast: a fixed list, the same for every story size."""
    names = [f"{first} {last}" for last in LAST_NAMES for first in FIRST_NAMES]
    chosen = random.Random("cast").sample(names, count)
    return [Entity(name, slugs.slugify(name), "person") for name in chosen]


def places() -> list[Entity]:
    return [Entity(name, slugs.slugify(name), "place") for name in PLACES]


def invent(n_events: int, seed: int = 0) -> Story:
    """A story of ``n_events`` events, reported by about one article for every four events."""
    rng = random.Random(seed)
    cast, towns = people(), places()
    events: list[Event] = []
    articles: list[Article] = []
    taken: set[str] = set()
    while len(events) < n_events:
        published = FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS))
        outlet, domain = rng.choice(OUTLETS)
        count = min(rng.randint(2, 6), n_events - len(events))
        reported = [_event(rng, published, cast, towns) for _ in range(count)]
        article = _article(outlet, domain, published, reported[0], len(articles))
        articles.append(article)
        for event, sentence, wording in reported:
            slug = _unique(f"{event.date.lower()}-{slugs.slugify(event.title, max_words=8)}", taken)
            source = Source(article.slug, published.isoformat(), article.url, sentence, wording)
            events.append(_finish(event, slug, len(events), source))
    _second_reports(rng, events, articles)
    return Story(events, articles)


def _unique(slug: str, taken: set[str]) -> str:
    """``slug``, or ``slug-2``, ``slug-3`` …; recorded in ``taken`` (a set kept across calls:
    ``slugs.unique`` copies its argument, which is quadratic over ten thousand events)."""
    n, free = 1, slug
    while free in taken:
        n += 1
        free = f"{slug}-{n}"
    taken.add(free)
    return free


def _event(
    rng: random.Random, published: date, cast: list[Entity], towns: list[Entity]
) -> tuple[Event, str, str]:
    """An event a report of ``published`` tells, mostly in the weeks before, sometimes planned after."""
    precision = rng.choices([p for p, _ in PRECISIONS], [w for _, w in PRECISIONS])[0]
    headline, report, announcement = rng.choice(HAPPENINGS)
    planned = bool(announcement) and precision == "day" and rng.random() < 0.2
    sentence = announcement if planned else report
    day = published + timedelta(days=rng.randint(1, 30) if planned else -rng.randint(0, 90))
    value = periods.format_value(day, precision)
    person, other = rng.sample(cast, 2)
    place = rng.choice(towns)
    wording = _wording(value, precision)
    fill = {"person": person.name, "other": other.name, "place": place.name, "when": wording}
    named = tuple(e for key, e in (("person", person), ("other", other)) if f"{{{key}}}" in sentence)
    event = Event(
        id="", slug="", date=value, precision=precision,  # type: ignore[arg-type]
        title=headline.format(**fill),
        summary=sentence.format(**fill),
        status="planned" if planned else "happened",
        people=named, places=(place,),
    )  # fmt: skip
    return event, sentence.format(**fill), wording


def _wording(value: str, precision: str) -> str:
    label = periods.human(value)
    if precision == "day":
        return "on " + label
    if precision == "week":
        return "in the " + label[0].lower() + label[1:]
    return "in " + label


def _article(outlet: str, domain: str, published: date, lead: tuple[Event, str, str], n: int) -> Article:
    headline = lead[0].title
    slug = f"{slugs.slugify(outlet)}-{published.isoformat()}-{slugs.slugify(headline, max_words=6)}-{n}"
    return Article(
        path="",
        text="",
        published=published,
        title=headline,
        slug=slug,
        url=f"https://{domain}/{published:%Y/%m/%d}/{slug}",
        publisher=outlet,
        dateline=lead[0].places[0].name.upper(),
    )


def _finish(event: Event, slug: str, n: int, source: Source) -> Event:
    ident = hashlib.sha256(f"bench-event-{n}".encode()).hexdigest()[:12]
    return Event(**{**event.__dict__, "id": ident, "slug": slug, "sources": (source,)})


def _second_reports(rng: random.Random, events: list[Event], articles: list[Article]) -> None:
    """One event in five is reported again by a later article of another outlet."""
    by_day = sorted(articles, key=lambda a: a.published)
    days = [a.published for a in by_day]
    for i, event in enumerate(events):
        if rng.random() >= 0.2:
            continue
        first = event.sources[0]
        after = bisect_right(days, date.fromisoformat(first.published))
        later = [a for a in by_day[after : after + 8] if a.slug != first.article]
        if not later:
            continue
        article = rng.choice(later)
        sentence = f"{article.publisher} also reported that {event.summary[0].lower()}{event.summary[1:]}"
        again = Source(article.slug, article.published.isoformat(), article.url, sentence)
        events[i] = Event(**{**event.__dict__, "sources": (*event.sources, again)})


def article_text(published: date, seed: int = 1) -> tuple[str, str]:
    """A new article as an outlet publishes it (front matter, then paragraphs), and its file name.

    Dates are worded as news words them (a weekday, "last week", a planned day), so the
    real tagger dates them against ``published``."""
    rng = random.Random(seed)
    cast, towns = people(), places()
    outlet, domain = rng.choice(OUTLETS)
    person, other, third = rng.sample(cast, 3)
    place, elsewhere = rng.sample(towns, 2)
    ahead = published + timedelta(days=9)
    title = f"{person.name} and {other.name} resume talks in {place.name}"
    slug = slugs.slugify(f"{outlet} {published.isoformat()} {title}")
    paragraphs = [
        f"{place.name.upper()} — {person.name} and {other.name} resumed talks in {place.name} on Tuesday, "
        f"two weeks after the last round collapsed, officials said.",
        f"Mayor {third.name} met both delegations in {elsewhere.name} on Wednesday and urged them "
        "to reach a deal before the end of the month.",
        f"The two sides are expected to meet again in {place.name} on {ahead.day} "
        f"{periods.MONTH_NAMES[ahead.month - 1]}, a spokesperson said.",
    ]
    front = [
        f"Title: {title}",
        f"Date: {published.isoformat()}",
        f"Url: https://{domain}/{published:%Y/%m/%d}/{slug}",
        f"Publisher: {outlet}",
        f"Dateline: {place.name}",
    ]
    return "\n".join(front) + "\n\n" + "\n".join(paragraphs) + "\n", f"{slug}.md"
