"""Which reports are the same event: new articles in, one merged timeline out.

An article yields *reports*: the events ``events.extract_events`` found in it, each
quoting that article's sentences.  The timeline is a partition of all reports ever
ingested into events (``Entry``: an id, a slug and its reports); an event's dates,
status, people, places and sources are derived from its reports by ``combine``.

Two reports are the same event when their dates are compatible (one period inside the
other: "last week" holds "Friday"; a more precise date refines a vaguer one), they come
from different articles, and their people, places and wording agree enough; the
evidence needed grows with the width of the vaguer date, and beyond a week wording alone
never gives it (two reports of one field share many words).  The same kind of happening
on the very same day counts as evidence of its own, two different kinds (a walkout and an
attack) count against, so do other people or other places, and a negated word is another
word ("pleaded not guilty" is no "pleaded guilty").  A name of several words counts once
("Riverside City Council"); a common noun in one report may stand for the name whose head
it is in the other ("the union", "the Harbor Workers Union").  When unsure we keep two
events.  The partition is what a deterministic greedy pass over all reports gives
(``cluster``: strongest links first), so it depends only on *which* articles were
ingested, never on their order; ``merge`` re-runs that pass only over the reports that
new ones can reach by links, which gives the same partition at a fraction of the cost
(``merge_into`` does so reading only those reports, from an ``Archive`` that indexes the
others by their dates).
Ids and slugs are the one thing history decides: a new partition inherits them from the
old events it overlaps most, so an event keeps its URL when sources join it.

The language knowledge (stop words, word families, the senses of ambiguous words) is in
the tables below; each family carries two phrases that the tests check share it, each
sense the phrases that the tests check give it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from itertools import chain

from unidecode import unidecode

from .entities import people_in, same_person
from .model import Entity, Event
from .periods import parse as parse_period
from .periods import sort_key
from .slugs import is_slug, slugify, unique

# ---------------------------------------------------------------------------------------
# Language knowledge: words that say nothing about which event is meant.
_STOPWORD_TEXT = """
    a about above after again against ago all almost along already also although always am among an
    and another any are around as at away back be became because been before being below between both
    but by came can cannot could did do does doing done down during each earlier early either else
    ever every few for from further had has have having he her here hers him his how however if in
    into is it its itself just last late later least less like made make many may me might more most
    much must my near nearly never new next no nor not now of off often on once one only or other our
    out over own per perhaps same several she should since so some still such than that the their
    them then there these they this those though through thus to today together tomorrow too toward
    towards under until up upon us very was we were what when where whether which while who whom
    whose why will with within without would yesterday yet you your
    week weeks weekend day days month months year years hour hours time times morning afternoon
    evening night tonight monday tuesday wednesday thursday friday saturday sunday january february
    march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    said says say saying told tell telling according added adding asked noted stated statement
    reporters reporter news report reported reports reportedly announced spokesman
    spokeswoman spokesperson official officials president minister leader leaders government
    country countries people two three four five six seven eight nine ten first second third
    dozen hundreds thousands percent
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# A word right after one of these says the opposite: "pleaded not guilty" is no "pleaded guilty".
NEGATIONS = frozenset({"not", "no", "never", "without"})

# Words that name the same kind of happening; the key is what the family is called.
# (key, members, (example phrase, example phrase that shares the family))
WORD_FAMILIES: tuple[tuple[str, tuple[str, ...], tuple[str, str]], ...] = (
    ("talks",
     ("talks", "talk", "negotiations", "negotiation", "negotiate", "negotiated", "negotiating",
      "round", "rounds", "meeting", "meetings", "meet", "meets", "met", "summit", "summits"),
     ("last week's talks in Istanbul", "the first round, held on May 16")),
    ("call",
     ("call", "calls", "called", "phone", "phoned", "conversation", "spoke", "speak", "spoken"),
     ("their May 19 phone call", "the leaders' two-hour conversation")),
    ("swap",
     ("swap", "swapped", "swaps", "exchange", "exchanged", "exchanges", "trade", "traded"),
     ("the prisoner swap on Saturday", "an exchange of 390 prisoners")),
    ("ceasefire", ("ceasefire", "ceasefires", "truce", "truces", "armistice"),
     ("a 30-day ceasefire", "the Easter truce")),
    ("attack",
     ("attack", "attacks", "attacked", "airstrike", "airstrikes", "barrage", "bombardment",
      "assault", "shelling", "shelled"),
     ("the drone attack on Kyiv", "the overnight shelling of Kyiv")),
    ("proposal", ("memorandum", "memo", "proposal", "proposals", "plan", "draft", "terms"),
     ("a memorandum on a future peace treaty", "the Russian draft handed over in Istanbul")),
    ("killed", ("killed", "kill", "killing", "dead", "died", "deaths", "death", "casualties"),
     ("at least 12 people were killed", "the deaths of 12 civilians")),
    ("vote", ("vote", "votes", "voted", "voting", "ballot", "ballots", "ratify", "ratified", "ratification"),
     ("a ratification vote by union members", "members voted to ratify the contract")),
    ("walkout",
     ("walkout", "walkouts", "walked", "picket", "picketing", "pickets", "stoppage", "lockout"),
     ("last week's walkout", "dockworkers walked off the job")),
    ("arrest", ("arrest", "arrests", "arrested", "detained", "detention", "apprehended", "custody"),
     ("she was arrested Friday at her home", "taken into custody on Oct. 3")),
    ("plea", ("plea", "pleas", "pleaded", "pleads", "arraigned", "arraignment"),
     ("she is scheduled to be arraigned on Oct. 14", "pleaded not guilty Tuesday")),
    ("verdict", ("verdict", "verdicts", "convicted", "conviction", "acquitted", "acquittal"),
     ("a jury on Friday convicted the former treasurer", "the verdict came after two days")),
    ("sentencing", ("sentencing", "sentenced", "sentence"),
     ("sentencing is set for March 3", "she was sentenced to eight years")),
    ("resignation", ("resigned", "resign", "resigns", "resignation", "quit", "quits"),
     ("the minister resigned on Sunday", "her resignation took effect")),
    ("evacuation",
     ("evacuation", "evacuations", "evacuate", "evacuated", "evacuating", "evacuee", "evacuees",
      "fled", "flee", "fleeing"),
     ("the sheriff ordered the evacuation of 1,800 residents", "families who fled last week")),
    ("destruction",
     ("destroyed", "destroy", "destroys", "destruction", "razed", "levelled", "leveled", "gutted"),
     ("the fire destroyed dozens of homes", "homes razed by the blaze")),
)  # fmt: skip

# Words that name a kind of happening only in context: a strike by workers is a walkout, a
# strike by missiles an attack, and "struck a deal" neither.  A sense needs one of its cue
# words in the same sentence; without one the word is only itself (its first form).
# (word forms, ((family, its cue words), ...), ((example phrase, the family it gives), ...))
WordSense = tuple[tuple[str, ...], tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]
WORD_SENSES: tuple[WordSense, ...] = (
    (("strike", "strikes", "struck", "striking"),
     (("walkout", """union unions unionized workers worker dockworkers employees staff nurses teachers
                     drivers pilots picket pickets picketing wage wages pay contract bargaining labor"""),
      ("attack", """missile missiles drone drones rocket rockets air airstrike military army artillery
                    bomb bombs bomber bombers troops forces warplanes killed wounded civilians targeted""")),
     (("dockworkers went on strike for higher pay", "walkout"),
      ("a missile strike on the port killed four", "attack"),
      ("the two sides struck a deal", "strike"))),
)  # fmt: skip

# The evidence two reports need, by the width in days of the vaguer of their dates, and
# whether wording alone may give it.  Beyond a week, two reports of one field share many
# words ("economists expected a quarter-point cut in May" and "economists now expect a cut
# of a quarter point in July"): a month or a year names its happening by its kind, its
# people or its places ("last month's vote", "the plea she entered in October").
EVIDENCE_NEEDED: tuple[tuple[int, int, bool], ...] = ((7, 2, True), (31, 3, False), (10**6, 4, False))
# What the same day adds when both reports name the same kind of happening on it:
# "talks resume on Friday" and "the first round of talks, held on Sept. 12".
SAME_DAY_AND_KIND = 1
# What it costs when each names a kind of happening and none of them is the same:
# "dockworkers walked out at the port" and "a missile attack on the port".
OTHER_KINDS = 1

# A dateline opening a sentence ("SAVANNAH, Ga. — ", "MOSCOW (Meridian Press) — "): the
# word after it starts the sentence, so it is not taken for a name.
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]+(?:,[^—–()]{1,30})?\s*(?:\([^)]*\))?\s*[—–]\s*")


@dataclass(frozen=True)
class Entry:
    """An event of the timeline: its identity and the per-article reports it merges."""

    id: str
    slug: str
    reports: tuple[Event, ...]


@dataclass(frozen=True)
class Decision:
    """What a merge did to one event, for the report and for ``--verbose``."""

    kind: str  # new | merged | updated | removed
    id: str
    slug: str
    detail: str


ReportKey = tuple[str, str]  # (article slug, report id)


def report_key(report: Event) -> ReportKey:
    return (article_of(report), report.id)


def article_of(report: Event) -> str:
    return report.sources[0].article if report.sources else ""


def distinct_ids(reports: Sequence[Event]) -> list[Event]:
    """One article's reports with ids made unique (``id``, ``id-2`` …), so keys identify them."""
    seen: set[str] = set()
    out = []
    for report in reports:
        rid = unique(report.id, seen)
        seen.add(rid)
        out.append(report if rid == report.id else replace(report, id=rid))
    return out


def merge(
    entries: Sequence[Entry],
    reports: Sequence[Event],
    withdraw: Collection[str] = (),
    reserved: Collection[str] = (),
) -> tuple[list[Entry], list[Decision]]:
    """The timeline after adding ``reports`` and withdrawing the articles in ``withdraw``.

    ``withdraw`` names the articles being re-ingested (corrected or not): their earlier
    reports are replaced by the new ones.  ``reserved`` holds ids and slugs that belong
    to files we do not manage; new events never take them.
    """
    changed, regrouped, decisions = merge_into(Archive.of(entries), reports, withdraw, reserved)
    gone = {e.id for e in changed}
    return sort_entries([*(e for e in entries if e.id not in gone), *regrouped]), decisions


@dataclass
class Archive:
    """The timeline merged so far, as ``merge_into`` reads it: each event's slug, an index of
    every report (its event, its first and last day), and the rest only on demand: a new
    article reaches few of a large archive's reports, and the store reads just those."""

    slugs: Mapping[str, str]  # event id → slug
    owners: Mapping[ReportKey, str]  # report → the id of its event
    spans: Iterable[tuple[ReportKey, int, int]]  # every report, its first and last day as ordinals
    keys: Callable[[str], Sequence[ReportKey]]  # an event's reports, in their order
    reports_of: Callable[[str], Iterable[ReportKey]]  # an article's reports
    report: Callable[[ReportKey], Event]

    @classmethod
    def of(cls, entries: Sequence[Entry]) -> Archive:
        """An archive held in memory."""
        reports = {report_key(r): r for e in entries for r in e.reports}
        keys = {e.id: tuple(map(report_key, e.reports)) for e in entries}
        by_article: dict[str, list[ReportKey]] = {}
        for key in reports:
            by_article.setdefault(key[0], []).append(key)
        return cls(
            slugs={e.id: e.slug for e in entries},
            owners={k: eid for eid, ks in keys.items() for k in ks},
            spans=[(key, *ordinals(r)) for key, r in reports.items()],
            keys=keys.__getitem__,
            reports_of=lambda article: by_article.get(article, ()),
            report=reports.__getitem__,
        )

    def entry(self, eid: str) -> Entry:
        return Entry(eid, self.slugs[eid], tuple(self.report(k) for k in self.keys(eid)))


def merge_into(
    archive: Archive,
    reports: Sequence[Event],
    withdraw: Collection[str] = (),
    reserved: Collection[str] = (),
) -> tuple[list[Entry], list[Entry], list[Decision]]:
    """``merge`` reading only what the new reports can reach: the events that change (as
    they were, by id), the events that replace them, and what was done.  Every other event
    of the archive stays exactly as it was, id and slug too."""
    withdrawn = set(withdraw)
    # The events losing a report, and each one's reports that stay.
    losing = {archive.owners[k] for a in withdrawn for k in archive.reports_of(a) if k in archive.owners}
    old = {eid: archive.entry(eid) for eid in sorted(losing)}
    kept = {eid: tuple(r for r in e.reports if article_of(r) not in withdrawn) for eid, e in old.items()}
    gone = [r for e in old.values() for r in e.reports if article_of(r) in withdrawn]
    pool = _Pool(archive.spans, withdrawn, reports, archive.report)
    # What may change: the new reports, the events losing a report, what the lost ones linked.
    shrunk = [r for group in kept.values() for r in group]
    reached = pool.reach([*reports, *shrunk, *(r for g in gone for r in pool.linked(g))])
    touched = {archive.owners[k] for k in reached if k in archive.owners and k[0] not in withdrawn}
    reached |= {k for eid in touched for k in archive.keys(eid) if k[0] not in withdrawn}
    changing = touched | losing
    changed = [old.get(eid) or archive.entry(eid) for eid in sorted(changing)]
    taken = {i for i in archive.slugs if i not in changing}
    taken_slugs = {slug for i, slug in archive.slugs.items() if i not in changing}
    regrouped = sort_entries(
        _identify(cluster([pool.report(key) for key in reached]), changed, set(reserved), taken, taken_slugs)
    )
    return changed, regrouped, _decisions(changed, regrouped)


def combine(entry: Entry) -> Event:
    """The event an entry shows: every source, the most precise date, the best wording.

    The wording comes from the earliest report of the event having happened (else the
    earliest announcement), so it does not depend on the order of ingestion either.
    """
    reports = sorted(entry.reports, key=_rank)
    lead = reports[0]
    narrow = _narrowest(reports)
    sources, seen = [], set()
    for report in sorted(reports, key=lambda r: (_published(r), article_of(r))):
        for source in report.sources:
            if (source.article, source.sentence) not in seen:
                seen.add((source.article, source.sentence))
                sources.append(source)
    return Event(
        id=entry.id,
        slug=entry.slug,
        date=narrow.date,
        precision=narrow.precision,
        end_date=narrow.end_date,
        title=lead.title,
        summary=lead.summary,
        status="happened" if any(r.status == "happened" for r in reports) else "planned",
        people=_union(e for r in reports for e in r.people),
        places=_union(e for r in reports for e in r.places),
        sources=tuple(sources),
    )


def sort_entries(entries: Iterable[Entry]) -> list[Entry]:
    """Chronological, then by id: the order events are written and listed in."""
    return sorted(entries, key=lambda e: (sort_key(_narrowest(e.reports).date), e.id))


# ---------------------------------------------------------------------------------------
# Clustering: a pure function of the set of reports.


@dataclass(frozen=True)
class _Profile:
    key: ReportKey
    article: str
    start: int  # proleptic ordinal of the first day
    end: int  # … and of the last
    people: frozenset[str]  # person slugs (or, failing those, the names in its sentences)
    named: bool  # whether ``people`` are people (extraction's, else those its sentences name)
    names: frozenset[str]  # the names in its sentences, each run of capitalised words as a slug
    places: frozenset[str]
    words: frozenset[str]  # word families of the sentences, names left out
    named_words: frozenset[str]  # the head word of each name, as a family: "Union" in "Harbor Workers Union"


def cluster(reports: Sequence[Event]) -> list[tuple[Event, ...]]:
    """Group reports into events; the result depends on the set only, not on its order."""
    reports = sorted(reports, key=report_key)
    profiles = [_profile(r) for r in reports]
    by_start = sorted(range(len(profiles)), key=lambda i: (profiles[i].start, profiles[i].key))
    links = []
    for pos, i in enumerate(by_start):
        a = profiles[i]
        for j in by_start[pos + 1 :]:
            b = profiles[j]
            if b.start > a.end:
                break
            score = evidence(a, b)
            if score is not None:
                links.append((-score, min(a.key, b.key), max(a.key, b.key), i, j))
    links.sort()
    parent = list(range(len(reports)))
    members = {i: [i] for i in range(len(reports))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for *_, i, j in links:
        ri, rj = find(i), find(j)
        if ri != rj and _may_join([profiles[k] for k in members[ri]], [profiles[k] for k in members[rj]]):
            parent[rj] = ri
            members[ri] += members.pop(rj)
    groups = [tuple(reports[k] for k in sorted(ks)) for ks in members.values()]
    return sorted(groups, key=lambda g: report_key(g[0]))


class _Pool:
    """Reports indexed by date, to find the few that one report could be linked to.

    Clustering links only reports with nested dates, so the events that new reports can
    change are those reachable from them by links; ``merge`` re-clusters just those and
    keeps every other event as it was, which is what clustering everything would give.
    The index needs only each report's dates; a report is read (``load``) when a link to
    it is weighed.
    """

    def __init__(
        self,
        spans: Iterable[tuple[ReportKey, int, int]],
        leave_out: Collection[str],
        new: Iterable[Event],
        load: Callable[[ReportKey], Event],
    ) -> None:
        """The reports of ``spans`` but those of the articles to ``leave_out``, and ``new`` ones."""
        self._new = {report_key(r): r for r in new}
        self._load = load
        self._starting: dict[int, list[ReportKey]] = {}  # first day → the reports starting on it
        self._wide: dict[int, list[tuple[int, ReportKey]]] = {}  # … of more than a day: (last day, report)
        self._widest = 0
        kept = (
            (key, first, last)
            for key, first, last in spans
            if key[0] not in leave_out and key not in self._new
        )
        for key, first, last in chain(kept, ((k, *ordinals(r)) for k, r in self._new.items())):
            self._starting.setdefault(first, []).append(key)
            if last > first:
                self._wide.setdefault(first, []).append((last, key))
                self._widest = max(self._widest, last - first)
        self._reports: dict[ReportKey, Event] = {}
        self._profiles: dict[ReportKey, _Profile] = {}

    def report(self, key: ReportKey) -> Event:
        if key in self._new:
            return self._new[key]
        if key not in self._reports:
            self._reports[key] = self._load(key)
        return self._reports[key]

    def linked(self, report: Event) -> list[Event]:
        """The reports of the pool that ``report`` would be linked to."""
        a = _profile(report)
        inside = {key for day in range(a.start, a.end + 1) for key in self._starting.get(day, ())}
        holding = {
            key
            for day in range(a.end - self._widest, a.start)
            for end, key in self._wide.get(day, ())
            if a.end <= end
        }
        return [self.report(k) for k in sorted(inside | holding) if evidence(a, self._profile(k)) is not None]

    def reach(self, seeds: Iterable[Event]) -> set[ReportKey]:
        """The keys of every pool report linked, directly or not, to one of ``seeds``."""
        todo = [report_key(r) for r in seeds]
        seen = set(todo)
        while todo:
            for other in self.linked(self.report(todo.pop())):
                key = report_key(other)
                if key not in seen:
                    seen.add(key)
                    todo.append(key)
        return seen

    def _profile(self, key: ReportKey) -> _Profile:
        if key not in self._profiles:
            self._profiles[key] = _profile(self.report(key))
        return self._profiles[key]


def evidence(a: _Profile, b: _Profile) -> int | None:
    """How strongly two reports look like one event; None when they cannot be one."""
    if a.article == b.article or not _nested(a, b):
        return None
    shared = a.words & b.words
    if not shared:
        return None
    # "the union" in one report is the "Harbor Workers Union" another names
    words = len(shared) + len((a.words - shared) & b.named_words) + len((b.words - shared) & a.named_words)
    people = min(_shared_people(a.people, b.people), _shared_people(b.people, a.people))
    # a place one report recognised is the name the other only writes ("Alder Springs")
    places = len((a.places & b.places) | (a.places & b.names) | (b.places & a.names))
    # a name both sentences write alike ("the evacuation of Alder Springs") where extraction saw none
    named = max(people, len(a.names & b.names))
    score = words + min(named, 2) + min(places, 2)
    if a.end == a.start == b.start == b.end and shared & _KINDS:
        score += SAME_DAY_AND_KIND
    if a.words & _KINDS and b.words & _KINDS and not shared & _KINDS:
        score -= OTHER_KINDS
    if a.places and b.places and not places:
        score -= 2  # said to be in different places
    if a.named and b.named and people < min(len(a.people), len(b.people)):
        score -= 1 if people else 2  # each has someone the other lacks; or they name other people
    width = max(a.end - a.start, b.end - b.start) + 1
    needed, wording_will_do = next((n, w) for days, n, w in EVIDENCE_NEEDED if width <= days)
    if not (wording_will_do or shared & _KINDS or named or places):
        return None
    return score if score >= needed else None


def _may_join(xs: list[_Profile], ys: list[_Profile]) -> bool:
    """One report per article in an event, and all its dates nested in one another."""
    if {x.article for x in xs} & {y.article for y in ys}:
        return False
    return all(_nested(x, y) for x in xs for y in ys)


def _nested(a: _Profile, b: _Profile) -> bool:
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def _shared_people(a: frozenset[str], b: frozenset[str]) -> int:
    return sum(1 for x in a if any(_same_person(x, y) for y in b))


def _same_person(a: str, b: str) -> bool:
    """The same person, by slug: "putin" and "vladimir-putin"; not "donald-trump" and "melania-trump"."""
    return same_person(a.replace("-", " "), b.replace("-", " "))


def _profile(report: Event) -> _Profile:
    """What a report is compared by.  When extraction named no one (a back-reference such as
    "since their May 19 phone call", or people in another clause), the people its sentences
    name, else the names in them, stand in for its people."""
    start, end = _span(report)
    words, names = set(), set()
    texts = (report.summary, *(s.sentence for s in report.sources))
    for text in texts:
        w, n = _read(text)
        words |= w
        names |= n
    place_words = {token for place in report.places for token in place.slug.split("-")}
    # "Spokane County" is the place Spokane, compared as a place: a name it starts is not a name of its own
    names = {
        kept
        for name in names
        if name[0] not in place_words and (kept := tuple(w for w in name if w not in place_words))
    }
    slugs = frozenset("-".join(name) for name in names)
    people = frozenset(p.slug for p in report.people) or frozenset().union(
        *(_people_in(text) for text in texts)
    )
    return _Profile(
        key=report_key(report),
        article=article_of(report),
        start=start.toordinal(),
        end=end.toordinal(),
        people=people or slugs,
        named=bool(people),
        names=slugs,
        places=frozenset(p.slug for p in report.places),
        words=frozenset(words),
        named_words=frozenset(_family(name[-1]) for name in names),
    )


@lru_cache(maxsize=1 << 14)
def _people_in(text: str) -> frozenset[str]:
    """The people a sentence names, for a report extraction gave none (they sit in another clause)."""
    return frozenset(person.slug for person in people_in(text))


def ordinals(report: Event) -> tuple[int, int]:
    """A report's first and last day as proleptic ordinals: all that the index of an archive
    needs to find the reports another one may be linked to."""
    start, end = _span(report)
    return start.toordinal(), end.toordinal()


def _span(report: Event) -> tuple[date, date]:
    return _period_span(report.date, report.end_date or report.date)


@lru_cache(maxsize=1 << 14)
def _period_span(first: str, last: str) -> tuple[date, date]:
    return parse_period(first).start, parse_period(last).end


def _narrowest(reports: Sequence[Event]) -> Event:
    """The report with the most precise date (which all the others' dates hold)."""
    if len(reports) == 1:  # most events: sorting a large timeline asks this of every one
        return reports[0]
    return min(reports, key=lambda r: (_width(_span(r)), _rank(r)))


def _width(span: tuple[date, date]) -> int:
    return (span[1] - span[0]).days


# ---------------------------------------------------------------------------------------
# Wording: content words, reduced to families.

_TOKEN = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
# What may stand between two words of one name: a space, or the full stop of an initial.
_NAME_GAP = re.compile(r"\.?\s+")


def _stem(word: str) -> str:
    """A crude suffix stripper: enough for "exchanged"/"exchanges", "talks"/"talk"."""
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    if word.endswith("ing") and len(word) >= 7:
        word = word[:-3]
    elif word.endswith("ed") and len(word) >= 5:
        word = word[:-2]
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    return word[:7]


_FAMILY = {form: key for key, members, _ in WORD_FAMILIES for m in members for form in (m, _stem(m))}
_KINDS = frozenset(key for key, _, _ in WORD_FAMILIES)
_SENSES = {
    form: (forms[0], tuple((family, frozenset(cues.split())) for family, cues in senses))
    for forms, senses, _ in WORD_SENSES
    for form in forms
}


def words_of(text: str) -> set[str]:
    """The word families of a sentence, leaving out stop words and capitalised names.

    Names are compared as people and places, so a capitalised word other than the first
    of the sentence is left to the entities (and "Russian" does not make two events one).
    """
    return set(_read(text)[0])


@lru_cache(maxsize=1 << 16)
def _read(text: str) -> tuple[frozenset[str], frozenset[tuple[str, ...]]]:
    """(word families, capitalised names) of a sentence, stop words left out of both.

    A name is a run of capitalised words ("Riverside City Council", "Gerald P. Hanley"), so
    that it counts once however many words it has."""
    dateline = _DATELINE.match(text)
    body = unidecode(text[dateline.end() if dateline else 0 :])
    matches = list(_TOKEN.finditer(body))
    tokens = [m.group() for m in matches]
    plain = [token.lower().removesuffix("'s").removesuffix("’s").replace("-", "") for token in tokens]
    words, names, run = set(), set(), []
    for n, (token, word) in enumerate(zip(tokens, plain, strict=True)):
        capital = n > 0 and token[0].isupper()
        if run and not (capital and _NAME_GAP.fullmatch(body, matches[n - 1].end(), matches[n].start())):
            names.add(tuple(run))
            run = []
        if word in STOPWORDS or len(word) < 3:
            continue
        if capital:
            run.append(word)
        else:
            family = _sense(n, plain) if word in _SENSES else _family(word)
            words.add(f"not {family}" if n and plain[n - 1] in NEGATIONS else family)
    if run:
        names.add(tuple(run))
    return frozenset(words), frozenset(names)


def _sense(at: int, words: list[str]) -> str:
    """The family of the ambiguous word at ``at``, by the cue word nearest to it in its
    sentence ("a missile strike ... killing two workers" is an attack); else the word itself."""
    itself, senses = _SENSES[words[at]]
    distances = [
        (min((abs(i - at) for i, word in enumerate(words) if word in cues), default=len(words)), n)
        for n, (_, cues) in enumerate(senses)
    ]
    distance, n = min(distances)
    return senses[n][0] if distance < len(words) else itself


def _family(word: str) -> str:
    return _FAMILY.get(word) or _FAMILY.get(_stem(word)) or _stem(word)


# ---------------------------------------------------------------------------------------
# Combining reports.


def _rank(report: Event) -> tuple[bool, str, str, str]:
    return (report.status != "happened", _published(report), article_of(report), report.id)


def _published(report: Event) -> str:
    return min((s.published for s in report.sources), default="")


def _union(entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """Each person or place once, named by the longest form any report uses."""
    out: list[Entity] = []
    for entity in entities:
        same = [k for k, e in enumerate(out) if e.kind == entity.kind and _same_entity(e, entity)]
        if not same:
            out.append(entity)
        elif len(same) == 1 and len(entity.name) > len(out[same[0]].name):
            out[same[0]] = entity
    return tuple(out)


def _same_entity(a: Entity, b: Entity) -> bool:
    return a.slug == b.slug or (a.kind == "person" and _same_person(a.slug, b.slug))


# ---------------------------------------------------------------------------------------
# Identity: ids and slugs survive as reports come and go.


def _identify(
    groups: list[tuple[Event, ...]],
    old: Sequence[Entry],
    reserved: set[str],
    settled_ids: set[str],
    settled_slugs: set[str],
) -> list[Entry]:
    """Entries for the new groups: old ids where reports carry over, new ones derived from the
    group's leading report (never from a counter), kept clear of ``reserved`` and of the ids
    and slugs of the settled events, which no group touches."""
    owner = {report_key(r): e.id for e in old for r in e.reports}
    old_by_id = {e.id: e for e in old}
    ids: dict[int, str] = {}
    _claim(
        ids,
        (
            (-n, old_id, g)
            for g, group in enumerate(groups)
            for old_id, n in Counter(owner[k] for k in map(report_key, group) if k in owner).items()
        ),
    )
    _claim(ids, _corrected_claims(groups, old_by_id, ids))
    taken_ids = set(ids.values()) | reserved | settled_ids
    taken_slugs = {old_by_id[i].slug for i in ids.values()} | reserved | settled_slugs
    entries = [Entry(ids[g], old_by_id[ids[g]].slug, group) for g, group in enumerate(groups) if g in ids]
    leads = {g: min(group, key=_rank) for g, group in enumerate(groups) if g not in ids}
    for g, lead in sorted(leads.items(), key=lambda item: _rank(item[1])):
        new_id = unique(lead.id, taken_ids)
        slug = lead.slug if is_slug(lead.slug) else slugify(f"{lead.date} {lead.title}")
        slug = unique(slug, taken_slugs)
        taken_ids.add(new_id)
        taken_slugs.add(slug)
        entries.append(Entry(new_id, slug, groups[g]))
    return entries


def _claim(ids: dict[int, str], claims: Iterable[tuple]) -> None:
    """Give old ids to groups, strongest claim ``(…, old_id, group)`` first, each id once."""
    used = set(ids.values())
    for *_, old_id, g in sorted(claims):
        if g not in ids and old_id not in used:
            ids[g] = old_id
            used.add(old_id)


def _corrected_claims(
    groups: list[tuple[Event, ...]], old: dict[str, Entry], ids: dict[int, str]
) -> list[tuple]:
    """An event whose only article was corrected keeps its id if the new text still reports it.

    Its reports have new keys (the sentence changed), so it shares no report with the old
    event; it is the same event when it comes from the same article at a compatible date.
    """
    used = set(ids.values())
    orphans = [
        (e, _profile_of_group(e.reports), {article_of(r) for r in e.reports})
        for e in old.values()
        if e.id not in used
    ]
    claims = []
    for g, group in enumerate(groups):
        if g in ids or not orphans:
            continue
        mine, articles = _profile_of_group(group), {article_of(r) for r in group}
        for orphan, theirs, their_articles in orphans:
            shared = articles & their_articles
            if shared and _nested(mine, theirs):
                claims.append((-len(shared), -len(mine.words & theirs.words), orphan.id, g))
    return claims


def _profile_of_group(reports: Sequence[Event]) -> _Profile:
    narrow = _narrowest(reports)
    profiles = [_profile(r) for r in reports]
    base = _profile(narrow)
    return _Profile(
        key=base.key,
        article=base.article,
        start=base.start,
        end=base.end,
        people=frozenset().union(*(p.people for p in profiles)),
        named=any(p.named for p in profiles),
        names=frozenset().union(*(p.names for p in profiles)),
        places=frozenset().union(*(p.places for p in profiles)),
        words=frozenset().union(*(p.words for p in profiles)),
        named_words=frozenset().union(*(p.named_words for p in profiles)),
    )


def _decisions(old: Sequence[Entry], new: Sequence[Entry]) -> list[Decision]:
    before = {e.id: e for e in old}
    after = {e.id for e in new}
    out = []
    for entry in new:
        prev = before.get(entry.id)
        if prev is None:
            out.append(Decision("new", entry.id, entry.slug, _articles_text(entry.reports)))
            continue
        joined = {article_of(r) for r in entry.reports} - {article_of(r) for r in prev.reports}
        if joined:
            out.append(Decision("merged", entry.id, entry.slug, f"joined by {', '.join(sorted(joined))}"))
        elif entry.reports != prev.reports and combine(entry) != combine(prev):
            out.append(Decision("updated", entry.id, entry.slug, _articles_text(entry.reports)))
    out += [Decision("removed", e.id, e.slug, "its sources were withdrawn") for e in old if e.id not in after]
    return out


def _articles_text(reports: Iterable[Event]) -> str:
    return "from " + ", ".join(sorted({article_of(r) for r in reports}))
