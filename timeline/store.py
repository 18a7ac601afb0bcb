"""The timeline on disk: entries under ``content/`` and the bookkeeping that keeps them safe.

``content/events/<slug>.md`` and ``content/sources/<slug>.md`` are for Pelican and for
people; ``content/.timeline/`` is ours:

* ``articles/<slug>.json``: each ingested article's metadata and the reports extracted
  from it (never its text), so that merging can start again from every report;
* ``manifest.json``: its format, and the files people deleted by hand;
* ``manifest/<xx>.json``: the rest of the manifest, in slices (by a hash of the slug each
  record is about, so that one ingest rewrites a few small files): an index of every
  article (its URL, each report's first and last day), which reports make up which event
  (ids and slugs), and a checksum of each part of every file we wrote (see
  ``markdown_format.EntryParts``).

The index is what lets an ingest read only the records of the reports its new ones can
reach (``merge.merge_into``): a large archive is never read in full.  A manifest of an
earlier format is rebuilt from the records on the next ingest.

A part whose file no longer matches the checksum was edited by hand: it is never
overwritten, and when we meant to change it the conflict is reported.  A file we wrote
that has disappeared was deleted by hand: it stays deleted unless ``restore``.  Nothing
here writes but ``update``: ``plan`` computes the changes, ``journal.commit`` applies them.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import zlib
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import collector, journal
from .markdown_format import PARTS, EntryParts, FormatError, parse_event, render_event, render_source
from .merge import Archive, Decision, Entry, ReportKey, combine, merge_into, ordinals, report_key
from .model import Article, Event
from .periods import sort_key

EVENTS_DIR = "events"
SOURCES_DIR = "sources"
MANIFEST = f"{journal.STATE_DIR}/manifest.json"
SLICES_DIR = f"{journal.STATE_DIR}/manifest"
SLICES = 256
_SECTIONS = ("articles", "events", "files")
ARTICLES_DIR = f"{journal.STATE_DIR}/articles"
FORMAT = 2  # of the manifest; 2 added the index of articles
RECORD_FORMAT = 1  # of an article's record

_PART_NAMES = {
    "text": "title, summary or body",
    "meta": "dates, status, people or places",
    "sources": "sources",
}

log = logging.getLogger(__name__)


class StoreError(RuntimeError):
    """Bookkeeping under ``content/.timeline/`` that cannot be read: a person must look at it."""


def load_events(content_dir: Path) -> list[Event]:
    """The timeline as it stands in ``content/`` (hand edits included), in chronological order;
    an entry that cannot be read is logged and left out."""
    events, unreadable = read_events(content_dir)
    for path, reason in unreadable:
        log.error("%s: %s", path, reason)
    return events


def read_events(content_dir: Path) -> tuple[list[Event], list[tuple[Path, str]]]:
    """The readable events in chronological order, and each entry that is not one with why, so
    that a command can say which hand edit broke it instead of listing a shorter timeline."""
    if (content_dir / journal.JOURNAL).exists():
        with journal.locked(content_dir):
            journal.recover(content_dir)
    events, unreadable = [], []
    for path in sorted((content_dir / EVENTS_DIR).glob("*.md")):
        try:
            events.append(parse_event(path.read_text(encoding="utf-8")))
        except (FormatError, OSError, UnicodeDecodeError) as exc:
            unreadable.append((path, f"not an event entry: {exc}"))
    return sorted(events, key=lambda e: (sort_key(e.date), e.id)), unreadable


@dataclass(frozen=True)
class ArticleRecord:
    """An ingested article: its metadata (``text`` left empty) and the reports taken from it."""

    article: Article
    reports: tuple[Event, ...]

    def to_json(self) -> dict:
        return {
            "format": RECORD_FORMAT,
            "article": self.article.metadata_json(),
            "reports": [r.to_json() for r in self.reports],
        }

    @classmethod
    def from_json(cls, data: dict) -> ArticleRecord:
        article = Article.from_metadata_json(data["article"])
        return cls(article, tuple(Event.from_json(r) for r in data["reports"]))

    def index(self, owners: Mapping[ReportKey, str]) -> dict:
        """What the manifest keeps of it: its URL, and each report's first and last day and the
        id of the event it is part of (in ``owners``)."""
        slug = self.article.slug
        return {
            "url": self.article.url,
            "reports": {r.id: [*ordinals(r), owners.get((slug, r.id))] for r in self.reports},
        }


@dataclass
class State:
    """Everything under ``content/.timeline/``; an article's record is read when first needed.

    ``articles``, ``events`` and ``files`` are kept as the manifest's JSON has them, so that
    reading and writing a large archive's bookkeeping costs no conversion of what is unchanged.
    Which reports an event has is read from the index of articles (each report names its event).
    """

    root: Path | None = None  # the content folder the records are read from
    articles: dict[str, dict] = field(default_factory=dict)  # slug → ``ArticleRecord.index``
    events: dict[str, str] = field(default_factory=dict)  # id → slug
    files: dict[str, dict[str, str]] = field(default_factory=dict)  # path → part → checksum
    suppressed: set[str] = field(default_factory=set)  # paths deleted by hand
    format: int = FORMAT  # of the manifest read; another one means every file is rendered again
    slices: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # slice → section → its keys
    records: dict[str, ArticleRecord] = field(default_factory=dict)  # read so far, or new
    loose: list[Event] = field(default_factory=list)  # reports of no event (an old manifest's), to merge
    _index: tuple | None = field(default=None, repr=False)  # see ``_indexed``

    def record(self, slug: str) -> ArticleRecord:
        if slug not in self.records:
            assert self.root is not None, f"no content folder to read {slug!r} from"
            self.records[slug] = ArticleRecord.from_json(
                _read_json(self.root / ARTICLES_DIR / f"{slug}.json")
            )
        return self.records[slug]

    def report(self, key: ReportKey) -> Event:
        found = [r for r in self.record(key[0]).reports if r.id == key[1]]
        if not found:
            raise StoreError(f"{self.root}/{ARTICLES_DIR}/{key[0]}.json: no report {key[1]!r}, which the "
                             "manifest lists; restore it or move the manifest away")  # fmt: skip
        return found[0]

    def keys(self, eid: str) -> tuple[ReportKey, ...]:
        """An event's reports, in order."""
        return tuple(sorted(self._indexed()[2].get(eid, ())))

    def entry(self, eid: str) -> Entry:
        return Entry(eid, self.events[eid], tuple(self.report(k) for k in self.keys(eid)))

    def archive(self) -> Archive:
        """The timeline for ``merge_into``: the index in memory, the reports read on demand."""
        spans, owners, _ = self._indexed()
        return Archive(
            slugs=self.events,
            owners=owners,
            spans=spans,
            keys=self.keys,
            reports_of=lambda slug: [(slug, rid) for rid in self.articles.get(slug, {}).get("reports", ())],
            report=self.report,
        )

    def _indexed(
        self,
    ) -> tuple[list[tuple[ReportKey, int, int]], dict[ReportKey, str], dict[str, list[ReportKey]]]:
        """Every report with its days, each report's event, each event's reports: one pass over
        the index of articles (the only pass over the whole archive that an ingest makes)."""
        if self._index is None:
            spans, owners, members = [], {}, {}
            for slug, index in self.articles.items():
                for rid, (first, last, eid) in index["reports"].items():
                    key = (slug, rid)
                    spans.append((key, first, last))
                    if eid is not None:
                        owners[key] = eid
                        members.setdefault(eid, []).append(key)
            self._index = (spans, owners, members)
        return self._index


@contextmanager
def opened(content_dir: Path) -> Iterator[State]:
    """The content folder locked for one writer, any interrupted commit finished, and its state."""
    with journal.locked(content_dir):
        journal.recover(content_dir)
        yield read_state(content_dir)


def update(
    content_dir: Path, state: State, batch: Mapping[str, ArticleRecord], restore: bool = False
) -> tuple[Plan, list[Decision]]:
    """Merge a batch of articles (keyed by their known slugs) into ``content/``, in one commit."""
    with collector.paused():
        present = entry_files(content_dir)
        new_reports = [*state.loose, *(r for record in batch.values() for r in record.reports)]
        changed, regrouped, decisions = merge_into(
            state.archive(),
            new_reports,
            withdraw=batch.keys(),
            reserved=reserved(content_dir, state, present),
        )
        gone = {e.id for e in changed}
        changes = plan(content_dir, state, regrouped, gone, batch, restore=restore, present=present)
    journal.commit(content_dir, changes.changes)
    return changes, decisions


def read_state(content_dir: Path) -> State:
    with collector.paused():
        return _read_state(content_dir)


def _read_state(content_dir: Path) -> State:
    """The manifest and its slices.  A manifest of an earlier format (or none) is rebuilt from
    the article records, every one of which is read, and every file is rendered again once."""
    manifest = content_dir / MANIFEST
    data = _read_json(manifest) if manifest.exists() else {}
    state = State(root=content_dir, format=data.get("format", 0))
    state.suppressed = set(data.get("suppressed", ()))
    if state.format == FORMAT:
        for path in sorted((content_dir / SLICES_DIR).glob("*.json")):
            part = _read_json(path)
            state.slices[path.stem] = {section: list(part.get(section, {})) for section in _SECTIONS}
            state.articles.update(part.get("articles", {}))
            state.events.update(part.get("events", {}))
            state.files.update(part.get("files", {}))
        return state
    state.files = data.get("files", {})
    for path in sorted((content_dir / ARTICLES_DIR).glob("*.json")):
        record = ArticleRecord.from_json(_read_json(path))
        state.records[record.article.slug] = record
    reports = {report_key(r): r for rec in state.records.values() for r in rec.reports}
    owners = {}
    for eid, e in data.get("events", {}).items():
        mine = [(a, r) for a, r in e["reports"] if reports.pop((a, r), None)]
        if mine:
            state.events[eid] = e["slug"]
            owners |= dict.fromkeys(mine, eid)
    state.articles = {slug: record.index(owners) for slug, record in state.records.items()}
    state.loose = list(reports.values())
    return state


def known_slug(state: State, article: Article) -> str | None:
    """The slug under which this article (same URL, or same slug) was ingested before."""
    if article.slug in state.articles:
        return article.slug
    if article.url:
        for slug, index in state.articles.items():
            if index["url"] == article.url:
                return slug
    return None


def reserved(content_dir: Path, state: State, present: set[str] | None = None) -> set[str]:
    """Slugs and ids of event files we did not write: new events must not take them."""
    taken = set()
    others = (entry_files(content_dir) if present is None else present) - state.files.keys()
    for rel in others:
        if not rel.startswith(f"{EVENTS_DIR}/"):
            continue
        path = content_dir / rel
        taken.add(path.stem)
        with contextlib.suppress(FormatError, OSError, UnicodeDecodeError):
            taken.add(parse_event(path.read_text(encoding="utf-8")).id)
    return taken


@dataclass
class Plan:
    """What an ingest will write: the file changes, the new bookkeeping, what a person must know."""

    changes: dict[str, str | None]
    state: State
    kept: list[str]  # files left as a person made them although we meant to change them
    conflicts: list[str]  # one line each: which file, which part, why


def plan(
    content_dir: Path,
    state: State,
    regrouped: Sequence[Entry],
    gone: Collection[str],
    batch: Mapping[str, ArticleRecord],
    restore: bool = False,
    present: set[str] | None = None,
) -> Plan:
    """The changes that bring ``content/`` to the timeline where the events ``gone`` (ids) have
    given way to ``regrouped`` and the articles of ``batch`` are (re)ingested, leaving every
    hand edit alone.

    Only the files this can change are looked at: those of the events gone and regrouped, and
    the source pages of the batch (every file when restoring, or when the manifest is of an
    earlier format).  Every other file stays as the manifest records it.  ``present``: the
    entry files on disk (``entry_files``), when the caller has them already.
    """
    events = {**state.events}
    for eid in gone:
        del events[eid]
    events |= {e.id: e.slug for e in regrouped}
    articles, indexed = _reindexed(state.articles, regrouped, batch)
    new = State(
        root=state.root,
        articles=articles,
        events=events,
        suppressed=set() if restore else set(state.suppressed),
        records={**state.records, **batch},
    )
    present = entry_files(content_dir) if present is None else present
    if not restore:
        new.suppressed |= state.files.keys() - present
    new.suppressed -= present  # brought back by hand: theirs again
    everything = restore or state.format != FORMAT
    if everything:
        wanted = {_event_file(slug): (EVENTS_DIR, eid) for eid, slug in events.items()}
        wanted |= {_source_file(slug): (SOURCES_DIR, slug) for slug in new.articles}
        unwanted = state.files.keys() - wanted.keys()
    else:
        wanted = {_event_file(e.slug): (EVENTS_DIR, e.id) for e in regrouped}
        wanted |= {_source_file(slug): (SOURCES_DIR, slug) for slug in batch}
        unwanted = {_event_file(state.events[eid]) for eid in gone} - wanted.keys()
    new.files = {} if state.format != FORMAT else {**state.files}
    fresh = {e.id: e for e in regrouped}
    settled = _settled(state, new, wanted, fresh, batch, present) if state.format == FORMAT else set()
    out = Plan(changes={}, state=new, kept=[], conflicts=[])
    looked_at = set()  # the files whose record may change
    for rel, (kind, key) in sorted(wanted.items()):
        if rel in settled:
            new.files[rel] = state.files[rel]
            continue
        looked_at.add(rel)
        if kind == EVENTS_DIR:
            text = _render_entry(fresh.get(key) or state.entry(key))
        else:
            text = render_source(new.record(key).article)
        _plan_file(content_dir, rel, text, state.files.get(rel), rel in present, out)
    for rel in sorted(unwanted & state.files.keys()):
        looked_at.add(rel)
        new.files.pop(rel, None)
        _plan_removal(content_dir, rel, state.files[rel], rel in present, out)
    new.suppressed &= new.files.keys()
    for slug in batch:
        _change_if_new(content_dir, f"{ARTICLES_DIR}/{slug}.json", _json_text(batch[slug].to_json()), out)
    changed = {"articles": indexed, "events": {*gone, *fresh}, "files": looked_at}
    for rel, text in _manifest(state, new, changed).items():
        _change_if_new(content_dir, rel, text, out)
    return out


def _event_file(slug: str) -> str:
    return f"{EVENTS_DIR}/{slug}.md"


def _source_file(slug: str) -> str:
    return f"{SOURCES_DIR}/{slug}.md"


def _render_entry(entry: Entry) -> str:
    return render_event(combine(entry))


def _reindexed(
    articles: Mapping[str, dict], regrouped: Sequence[Entry], batch: Mapping[str, ArticleRecord]
) -> tuple[dict[str, dict], set[str]]:
    """The index of articles once the batch is in and the ``regrouped`` events' reports name
    their events; and the articles whose index changed."""
    owners = {k: e.id for e in regrouped for k in map(report_key, e.reports)}
    out = {**articles, **{slug: record.index(owners) for slug, record in batch.items()}}
    changed = set(batch)
    for (slug, rid), eid in owners.items():
        if slug in batch or out[slug]["reports"][rid][2] == eid:
            continue
        if slug not in changed:  # a copy: the index read stays as it was
            out[slug] = {**out[slug], "reports": {**out[slug]["reports"]}}
            changed.add(slug)
        out[slug]["reports"][rid] = [*out[slug]["reports"][rid][:2], eid]
    return out, changed


def _settled(
    old: State,
    new: State,
    wanted: Mapping[str, tuple[str, str]],
    fresh: Mapping[str, Entry],
    batch: Mapping[str, ArticleRecord],
    present: set[str],
) -> set[str]:
    """Files that nothing in this batch can change: we skip rendering them (a large archive
    would otherwise be rendered in full for every article).  Bump ``FORMAT`` whenever the
    rendering changes, so that every file is rendered again once."""
    out = set()
    for rel, (kind, key) in wanted.items():
        if kind == EVENTS_DIR:
            keys = tuple(sorted(map(report_key, fresh[key].reports))) if key in fresh else old.keys(key)
            same = (
                old.events.get(key) == new.events[key]
                and old.keys(key) == keys
                and not any(a in batch for a, _ in keys)
            )
        else:
            same = key in old.articles and key not in batch
        if same and rel in old.files and (rel in present or rel in new.suppressed):
            out.add(rel)
    return out


def _manifest(old: State, new: State, changed: Mapping[str, Collection[str]]) -> dict[str, str | None]:
    """The manifest's texts that change: its head (format, files deleted by hand), and each slice
    holding an article, event or file whose record may have ``changed`` (a slice left empty is
    removed); every slice when the manifest read was of an earlier format.

    The records are spread over ``SLICES`` files by a hash of the slug they are about (an
    article and its source page share a slice, and so do an event and its entry), so that one
    ingest rewrites a few small files however large the archive."""
    sections = {"articles": (old.articles, new.articles), "events": (old.events, new.events),
                "files": (old.files, new.files)}  # fmt: skip
    rewrite = old.format != FORMAT
    touched: dict[str, dict[str, set[str]]] = {}
    for section, (before, after) in sections.items():
        for key in after if rewrite else changed[section]:
            for value in (before.get(key), after.get(key)):
                if value is not None:
                    touched.setdefault(_slice(section, key, value), {}).setdefault(section, set()).add(key)
    head = {"format": FORMAT, "suppressed": sorted(new.suppressed)}
    texts: dict[str, str | None] = {MANIFEST: _json_text(head)}
    for name, keys in sorted(touched.items()):
        data = {}
        for section, (_, after) in sections.items():
            mine = keys.get(section, set()).union(old.slices.get(name, {}).get(section, ()))
            data[section] = {k: after[k] for k in mine if k in after and _slice(section, k, after[k]) == name}
        texts[f"{SLICES_DIR}/{name}.json"] = _json_text(data) if any(data.values()) else None
    return texts


def _slice(section: str, key: str, value: dict | str) -> str:
    """The slice a record is kept in: by the slug of the article, event or entry it is about."""
    if section == "events":
        slug = str(value)
    elif section == "files":
        slug = key.rpartition("/")[2].removesuffix(".md")
    else:
        slug = key
    return f"{zlib.crc32(slug.encode('utf-8')) % SLICES:02x}"


def _plan_file(
    content_dir: Path, rel: str, text: str, record: dict[str, str] | None, present: bool, out: Plan
) -> None:
    ours = EntryParts.of(text)
    checksums = _checksums(ours)
    out.state.files[rel] = checksums
    if rel in out.state.suppressed:
        if record != checksums:
            out.kept.append(rel)
            out.conflicts.append(f"{rel}: deleted by hand, so it was not written again (see --restore)")
        return
    if record == checksums and present:
        return  # nothing new from us; whatever is there stays
    if not present:
        out.changes[rel] = text
        return
    current = (content_dir / rel).read_text(encoding="utf-8")
    theirs = EntryParts.of(current)
    disk = _checksums(theirs)
    edited = {p for p in PARTS if disk[p] != checksums[p] and (record is None or disk[p] != record[p])}
    refused = {p for p in edited if record is None or record[p] != checksums[p]}
    if refused:
        out.kept.append(rel)
        parts = " and ".join(_PART_NAMES[p] for p in PARTS if p in refused)
        out.conflicts.append(f"{rel}: {parts} edited by hand, so our update of it was not applied")
    if any(disk[p] != checksums[p] for p in PARTS if p not in edited):
        out.changes[rel] = ours.take(theirs, edited).render()


def _plan_removal(content_dir: Path, rel: str, record: dict[str, str], present: bool, out: Plan) -> None:
    """A file whose event has gone (its only article was corrected): remove it unless edited."""
    if not present:
        return
    theirs = _checksums(EntryParts.of((content_dir / rel).read_text(encoding="utf-8")))
    if theirs == record:
        out.changes[rel] = None
    else:
        out.kept.append(rel)
        out.conflicts.append(f"{rel}: its sources were withdrawn, but it was edited by hand, so it stays")


def _change_if_new(content_dir: Path, rel: str, text: str | None, out: Plan) -> None:
    path = content_dir / rel
    if text is None:
        if path.exists():
            out.changes[rel] = None
    elif not (path.is_file() and path.read_text(encoding="utf-8") == text):
        out.changes[rel] = text


def _checksums(parts: EntryParts) -> dict[str, str]:
    return {p: hashlib.sha256(t.encode("utf-8")).hexdigest()[:16] for p, t in parts.texts().items()}


def entry_files(content_dir: Path) -> set[str]:
    """The entries in ``content/`` (``events/…`` and ``sources/…``), ours or not."""
    return {f"{d}/{name}" for d in (EVENTS_DIR, SOURCES_DIR) for name in _entry_names(content_dir / d)}


def _entry_names(folder: Path) -> list[str]:
    """The Markdown files in ``folder`` by name (plain names: a large archive lists thousands)."""
    try:
        return [name for name in os.listdir(folder) if name.endswith(".md")]
    except FileNotFoundError:
        return []


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: unreadable bookkeeping ({exc}); restore it or move it away") from None


def _json_text(data: dict) -> str:
    """Deterministic JSON, one line per item of each top-level collection (for readable diffs).

    The same data always gives the same bytes; compact items keep Python's fast encoder.
    """
    lines = []
    for key, value in sorted(data.items()):
        if isinstance(value, dict) and value:
            items = [f"{_compact(k)}:{_compact(v)}" for k, v in sorted(value.items())]
        elif isinstance(value, list) and value:
            items = [_compact(v) for v in value]
        else:
            lines.append(f"{_compact(key)}:{_compact(value)}")
            continue
        opening, closing = "{}" if isinstance(value, dict) else "[]"
        lines.append(f"{_compact(key)}:{opening}\n" + ",\n".join(items) + f"\n{closing}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


_compact = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
