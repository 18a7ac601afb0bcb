"""What a build reads, and what of it changed: the entries one by one, everything else at once.

Entries (``events/*.md``, ``sources/*.md``) are the inputs a regeneration handles piece by
piece: each is known by the digest of its bytes, and only a changed one is read again.
Bytes decide, never modification times (a fresh checkout gives every file a new one, a copy
may keep an old one); but, as git does, a file whose inode, size, mtime and ctime are all
as the last scan saw them is not read again, unless it changed so close to that scan that
a second change could have left them equal (no tool can set a ctime).
Everything else a build reads (the settings, the theme, the code that renders and the
packages it uses, any other file under the content folder) is summed up in one *build
key*: when it changes, the pages may all change, and only a full build is right.  The code
that renders is the plugins' and this package's modules and every module of their own
packages that they refer to, found by following their names: editing the tagger changes
no page, and no full build follows.

An entry is read as the Pelican plugin reads it (``pelican_plugin.content``), plus the two
things Pelican itself takes from it for the feeds and exports (its date and modified date).
An entry that uses a Pelican feature the regeneration does not reproduce (its own template,
a draft status, a save_as …) is ``Unsupported``: the caller then builds in full.
"""

from __future__ import annotations

import fnmatch
import importlib
import inspect
import os
import pickle
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from pelican.readers import METADATA_PROCESSORS
from pelican.utils import set_date_tzinfo

from ..exports import updated_on
from ..markdown_format import EVENT_KEYS, SOURCE_KEYS, FormatError, parse_entry
from ..model import Article, Event
from ..pelican_plugin.content import SOURCE_TEMPLATE, EntryError, event_from_text, read_source
from . import fingerprint

EVENTS, SOURCES = "events", "sources"
ENTRY_SUFFIX = ".md"
# What renders a page besides our code and the theme: a new version may change any byte.
RENDERING_PACKAGES = ("pelican", "jinja2", "markupsafe", "markdown", "feedgenerator", "icalendar")
# Metadata whose effect on the site a regeneration reproduces; any other key is Pelican's to handle.
_EVENT_KEYS = frozenset(EVENT_KEYS) - {"template"}
_SOURCE_KEYS = frozenset(SOURCE_KEYS) - {"status"}


class Unsupported(Exception):
    """Something only a full build renders right; str() says what, for the log."""


class EventEntry:
    """An event entry as a build reads it: the event, and what Pelican takes from the entry.

    The record keeps thousands, and a regeneration reads the event of few (those a change
    reaches): kept, the event is pickled on its own and unpickled when first read, while
    what every build reads of every entry (the slug, the order, the date updated) is at hand."""

    __slots__ = ("_event", "_pickled", "order", "slug", "updated")

    def __init__(self, event: Event, order: float, updated: date) -> None:
        self.slug = event.slug
        self.order = order  # Pelican's date of the article (a POSIX timestamp): the order of its feed
        self.updated = updated  # when the exports say it was last found or changed (Pelican's ``Modified``)
        self._event: Event | None = event
        self._pickled: bytes | None = None

    @property
    def event(self) -> Event:
        if self._event is None:
            self._event = pickle.loads(self._pickled or b"")
        return self._event

    def __reduce__(self) -> tuple[object, tuple[str, float, date, bytes]]:
        if self._pickled is None:
            self._pickled = pickle.dumps(self._event, protocol=pickle.HIGHEST_PROTOCOL)
        return _kept_entry, (self.slug, self.order, self.updated, self._pickled)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, EventEntry):
            return NotImplemented
        return (self.event, self.order, self.updated) == (other.event, other.order, other.updated)

    def __hash__(self) -> int:
        return hash((self.slug, self.order, self.updated))

    def __repr__(self) -> str:
        return f"EventEntry({self.slug!r}, order={self.order!r}, updated={self.updated!r})"


def _kept_entry(slug: str, order: float, updated: date, pickled: bytes) -> EventEntry:
    """An ``EventEntry`` as the record keeps it: its event unpickled when first read."""
    entry = EventEntry.__new__(EventEntry)
    entry.slug, entry.order, entry.updated, entry._event, entry._pickled = slug, order, updated, None, pickled
    return entry


@dataclass(frozen=True)
class SourceEntry:
    article: Article


Entry = EventEntry | SourceEntry


Stat = tuple[int, int, int, int]  # inode, size, mtime and ctime in ns
RACY_NS = 2_000_000_000  # changed this close to a scan: its stat may hide a second change


@dataclass(frozen=True)
class Scan:
    """The content folder now: each entry's digest (by path from the folder), one digest of
    every other file a build would read from it, and what the next scan may trust."""

    entries: dict[str, bytes]
    others: bytes
    stats: dict[str, Stat]  # of the entries
    started: int  # time.time_ns() when the scan began


def scan(content: Path, ignore: Sequence[str], last: Scan | None = None) -> Scan:
    """Digest every file under ``content`` that Pelican would see (``IGNORE_FILES`` apply);
    an entry whose stat is as ``last`` saw it, long enough before it, keeps its digest."""
    started = time.time_ns()
    ignored = _matcher(ignore)
    trusted = last.started - RACY_NS if last else 0
    entries: dict[str, bytes] = {}
    stats: dict[str, Stat] = {}
    others: list[bytes | str] = []
    for folder, dirs, files in os.walk(content):
        dirs[:] = sorted(d for d in dirs if not ignored(d))
        rel_folder = Path(folder).relative_to(content).as_posix()
        prefix = "" if rel_folder == "." else f"{rel_folder}/"
        holds_entries = rel_folder in (EVENTS, SOURCES)
        handle = os.open(folder, os.O_RDONLY)  # each entry is stat'ed by name in it: a third faster
        try:
            for name in sorted(files):
                if ignored(name):
                    continue
                rel = prefix + name
                if not (holds_entries and name.endswith(ENTRY_SUFFIX)):
                    others += [rel, fingerprint.of_file(Path(folder, name))]
                    continue
                found = os.stat(name, dir_fd=handle)
                stat = stats[rel] = (found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)
                if last is not None and last.stats.get(rel) == stat and found.st_ctime_ns < trusted:
                    entries[rel] = last.entries[rel]
                else:
                    entries[rel] = fingerprint.of_file(Path(folder, name))
        finally:
            os.close(handle)
    return Scan(entries, fingerprint.of_parts(others), stats, started)


def _matcher(patterns: Sequence[str]) -> Callable[[str], bool]:
    """Whether a name matches one of the ``fnmatch`` patterns (one regular expression for all)."""
    if not patterns:
        return lambda _name: False
    either = re.compile("|".join(fnmatch.translate(os.path.normcase(p)) for p in patterns))
    return lambda name: either.match(os.path.normcase(name)) is not None


def build_key(settings: Mapping[str, Any]) -> bytes:
    """Everything but the entries that decides the output: settings, theme, code, packages."""
    theme = Path(settings["THEME"])
    overrides = [Path(p) for p in settings.get("THEME_TEMPLATES_OVERRIDES", ())]
    modules = rendering_modules([*settings.get("PLUGINS", ()), __package__])
    return fingerprint.of_parts([
        fingerprint.of_settings(settings),
        fingerprint.of_tree(theme),
        *(fingerprint.of_tree(p) for p in overrides),
        *(part for m in modules for part in (m.__name__, fingerprint.of_file(Path(m.__file__ or "")))),
        fingerprint.of_software(RENDERING_PACKAGES),
    ])  # fmt: skip


def rendering_modules(roots: Iterable[str | ModuleType]) -> list[ModuleType]:
    """The ``roots`` and every module of their top-level package that they refer to, by a
    module, function or class they hold, and so on; sorted by name."""
    found: dict[str, ModuleType] = {}
    todo = [r if isinstance(r, ModuleType) else importlib.import_module(r) for r in roots]
    while todo:
        module = todo.pop()
        if module.__name__ in found or not getattr(module, "__file__", None):
            continue
        found[module.__name__] = module
        top = module.__name__.partition(".")[0]
        for value in vars(module).values():
            target = (
                value
                if inspect.ismodule(value)
                else sys.modules.get(getattr(value, "__module__", None) or "")
            )
            if target is not None and target.__name__.partition(".")[0] == top:
                todo.append(target)
    return [found[name] for name in sorted(found)]


def read_entry(content: Path, rel: str, settings: Mapping[str, Any]) -> Entry:
    """One entry as the site shows it; ``Unsupported`` if only Pelican can say how."""
    path = content / rel
    try:
        text = path.read_text(encoding="utf-8")
        meta, _body = parse_entry(text)
        if rel.startswith(f"{EVENTS}/"):
            _only(meta, _EVENT_KEYS)
            return _event_entry(event_from_text(text, path), meta, settings)
        _only(meta, _SOURCE_KEYS)
        if meta.get("template") != [SOURCE_TEMPLATE]:
            raise ValueError(f"not a source page (Template: {SOURCE_TEMPLATE})")
        return SourceEntry(read_source(path))
    except (OSError, UnicodeDecodeError, FormatError, EntryError, ValueError) as exc:
        raise Unsupported(f"{rel}: {exc}") from None


def _event_entry(event: Event, meta: dict[str, list[str]], settings: Mapping[str, Any]) -> EventEntry:
    if "date" not in meta:
        raise ValueError("no Date")
    when = METADATA_PROCESSORS["date"](meta["date"][0], settings)
    modified = meta.get("modified")
    return EventEntry(
        event=event,
        order=set_date_tzinfo(when, settings.get("TIMEZONE")).timestamp(),
        updated=updated_on(
            event, METADATA_PROCESSORS["modified"](modified[0], settings).date() if modified else None
        ),
    )


def _only(meta: dict[str, list[str]], keys: frozenset[str]) -> None:
    """Metadata a regeneration renders as Pelican does, each key once (but sources)."""
    extra = sorted(set(meta) - keys)
    if extra:
        raise ValueError(f"metadata {', '.join(extra)} is rendered by Pelican only")
    repeated = sorted(k for k, v in meta.items() if len(v) > 1 and k != "source")
    if repeated:
        raise ValueError(f"{', '.join(repeated)} given more than once")
