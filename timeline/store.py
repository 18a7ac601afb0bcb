"""The timeline on disk: entries under ``content/`` and the bookkeeping that keeps them safe.

``content/events/<slug>.md`` and ``content/sources/<slug>.md`` are for Pelican and for
people; ``content/.timeline/`` is ours:

* ``articles/<slug>.json``: each ingested article's metadata and the reports extracted
  from it (never its text), so that merging can start again from every report;
* ``manifest.json``: which reports make up which event (ids and slugs), a checksum of each
  part of every file we wrote (see ``markdown_format.EntryParts``), and the files people
  deleted by hand.

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
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from . import collector, journal
from .markdown_format import PARTS, EntryParts, FormatError, parse_event, render_event, render_source
from .merge import Decision, Entry, ReportKey, article_of, combine, merge, report_key
from .model import Article, Event
from .periods import sort_key

EVENTS_DIR = "events"
SOURCES_DIR = "sources"
MANIFEST = f"{journal.STATE_DIR}/manifest.json"
ARTICLES_DIR = f"{journal.STATE_DIR}/articles"
FORMAT = 1

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
            "format": FORMAT,
            "article": self.article.metadata_json(),
            "reports": [r.to_json() for r in self.reports],
        }

    @classmethod
    def from_json(cls, data: dict) -> ArticleRecord:
        article = Article.from_metadata_json(data["article"])
        return cls(article, tuple(Event.from_json(r) for r in data["reports"]))


@dataclass
class State:
    """Everything under ``content/.timeline/``."""

    articles: dict[str, ArticleRecord] = field(default_factory=dict)
    events: dict[str, tuple[str, tuple[ReportKey, ...]]] = field(default_factory=dict)  # id → slug, keys
    files: dict[str, dict[str, str]] = field(default_factory=dict)  # path → part → checksum
    suppressed: set[str] = field(default_factory=set)  # paths deleted by hand
    format: int = FORMAT  # of the manifest read; another one means every file is rendered again

    def manifest_text(self) -> str:
        data = {
            "format": FORMAT,
            "events": {
                eid: {"slug": slug, "reports": [list(k) for k in keys]}
                for eid, (slug, keys) in self.events.items()
            },
            "files": self.files,
            "suppressed": sorted(self.suppressed),
        }
        return _json_text(data)


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
        timeline, loose = previous(state)
        new_reports = [r for record in batch.values() for r in record.reports]
        entries, decisions = merge(
            timeline, [*loose, *new_reports], withdraw=batch.keys(), reserved=reserved(content_dir, state)
        )
        changes = plan(content_dir, state, entries, batch, restore=restore)
    journal.commit(content_dir, changes.changes)
    return changes, decisions


def read_state(content_dir: Path) -> State:
    with collector.paused():
        return _read_state(content_dir)


def _read_state(content_dir: Path) -> State:
    state = State()
    for path in sorted((content_dir / ARTICLES_DIR).glob("*.json")):
        record = ArticleRecord.from_json(_read_json(path))
        state.articles[record.article.slug] = record
    manifest = content_dir / MANIFEST
    if manifest.exists():
        data = _read_json(manifest)
        state.events = {
            eid: (e["slug"], tuple((a, r) for a, r in e["reports"])) for eid, e in data["events"].items()
        }
        state.files = data["files"]
        state.suppressed = set(data["suppressed"])
        state.format = data.get("format", 0)
    return state


def previous(state: State) -> tuple[list[Entry], list[Event]]:
    """The events as merged last time, and any report that belongs to none (for re-merging)."""
    reports = {report_key(r): r for rec in state.articles.values() for r in rec.reports}
    out = []
    for eid, (slug, keys) in state.events.items():
        mine = tuple(reports.pop(k) for k in keys if k in reports)
        if mine:
            out.append(Entry(eid, slug, mine))
    return out, list(reports.values())


def known_slug(state: State, article: Article) -> str | None:
    """The slug under which this article (same URL, or same slug) was ingested before."""
    if article.slug in state.articles:
        return article.slug
    if article.url:
        for slug, record in state.articles.items():
            if record.article.url == article.url:
                return slug
    return None


def reserved(content_dir: Path, state: State) -> set[str]:
    """Slugs and ids of event files we did not write: new events must not take them."""
    taken = set()
    for name in _entry_names(content_dir / EVENTS_DIR):
        rel = f"{EVENTS_DIR}/{name}"
        if rel in state.files:
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
    timeline: Sequence[Entry],
    batch: Mapping[str, ArticleRecord],
    restore: bool = False,
) -> Plan:
    """The changes that bring ``content/`` to ``timeline``, leaving every hand edit alone."""
    new = State(
        articles={**state.articles, **batch},
        events={e.id: (e.slug, tuple(sorted(map(report_key, e.reports)))) for e in timeline},
        files={},
        suppressed=set() if restore else set(state.suppressed),
    )
    present = {f"{d}/{name}" for d in (EVENTS_DIR, SOURCES_DIR) for name in _entry_names(content_dir / d)}
    new.suppressed |= {rel for rel in state.files if rel not in present and not restore}
    new.suppressed -= present  # brought back by hand: theirs again
    wanted: dict[str, Callable[[], str]] = {
        f"{EVENTS_DIR}/{e.slug}.md": partial(_render_entry, e) for e in timeline
    }
    wanted |= {f"{SOURCES_DIR}/{s}.md": partial(render_source, r.article) for s, r in new.articles.items()}
    settled = _settled(state, new, timeline, batch, present) if state.format == FORMAT else set()
    out = Plan(changes={}, state=new, kept=[], conflicts=[])
    for rel, render in sorted(wanted.items()):
        if rel in settled:
            new.files[rel] = state.files[rel]
        else:
            _plan_file(content_dir, rel, render(), state.files.get(rel), rel in present, out)
    for rel in sorted(set(state.files) - set(wanted)):
        _plan_removal(content_dir, rel, state.files[rel], rel in present, out)
    new.suppressed &= set(new.files)
    for slug in batch:
        _change_if_new(content_dir, f"{ARTICLES_DIR}/{slug}.json", _json_text(batch[slug].to_json()), out)
    _change_if_new(content_dir, MANIFEST, new.manifest_text(), out)
    return out


def _render_entry(entry: Entry) -> str:
    return render_event(combine(entry))


def _settled(
    old: State, new: State, timeline: Sequence[Entry], batch: Mapping[str, ArticleRecord], present: set[str]
) -> set[str]:
    """Files that nothing in this batch can change: we skip rendering them (a large archive
    would otherwise be rendered in full for every article).  Bump ``FORMAT`` whenever the
    rendering changes, so that every file is rendered again once."""
    unchanged = {
        f"{EVENTS_DIR}/{e.slug}.md"
        for e in timeline
        if old.events.get(e.id) == new.events[e.id] and not any(article_of(r) in batch for r in e.reports)
    }
    unchanged |= {f"{SOURCES_DIR}/{slug}.md" for slug in old.articles if slug not in batch}
    return {rel for rel in unchanged if rel in old.files and (rel in present or rel in new.suppressed)}


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


def _change_if_new(content_dir: Path, rel: str, text: str, out: Plan) -> None:
    path = content_dir / rel
    if not (path.is_file() and path.read_text(encoding="utf-8") == text):
        out.changes[rel] = text


def _checksums(parts: EntryParts) -> dict[str, str]:
    return {p: hashlib.sha256(t.encode("utf-8")).hexdigest()[:16] for p, t in parts.texts().items()}


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
