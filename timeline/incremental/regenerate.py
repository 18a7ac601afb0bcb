"""Regenerate the site: render and write only what changed since the last build, or build in full.

After one new article, a full Pelican build reads and renders every entry again (half a
minute for ten thousand events here).  A regeneration reads only the entries whose bytes
changed, builds the site model again from all of them (plain data, whose event views are
made only for the pages written: of the events of unchanged entries, only those are read
from the record, ``inputs.EventEntry``), digests the site-wide outputs and those of the items the
changed entries reach (``reach``; the others keep the digest the record holds), and writes
only the outputs whose digest differs from the record of the last build, then removes the
outputs that are gone (``bench/regenerate.py`` measures it); when no entry changed, it
plans and writes nothing.  The result is, byte for byte, the site a full build into an
empty folder gives (tests/test_regenerate.py compares every file).

A full build runs instead when there is no record, when anything but the entries changed
(settings, theme, our code, the rendering packages, another file under the content
folder), when an output the record lists is missing, or when an entry asks for something
only Pelican renders.  After a full build the outputs Pelican wrote are checked against
those a regeneration would write; if Pelican wrote more (a setting turned on its tag
pages, say), the record says so and every later regeneration builds in full.
"""

from __future__ import annotations

import logging
import os
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from operator import attrgetter
from pathlib import Path
from typing import Any

from pelican import signals

from .. import collector, journal
from ..site import build_site, site_settings
from . import documents, feeds, inputs, outputs, record, write
from .inputs import Unsupported

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Result:
    full: bool
    reason: str  # why a full build ran; "" after an incremental one
    written: tuple[str, ...]  # output files written (every one, after a full build)
    removed: tuple[str, ...]
    seconds: float
    pelican_seconds: float = 0.0  # of which in Pelican's run (a full build only)

    def summary(self) -> str:
        if self.full:
            return f"full build ({self.reason}): {len(self.written)} files written in {self.seconds:.2f} s"
        return f"regenerated {len(self.written)} files, removed {len(self.removed)}, in {self.seconds:.2f} s"


def regenerate(
    settings_file: Path = Path("pelicanconf.py"),
    output: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    full: bool = False,
    keep: bool = False,
) -> Result:
    """Bring the output folder up to date with the content folder; ``full`` forces a full build.

    ``keep``: hold the build record in memory for the next call in this process (``timeline
    watch``), which then neither reads it back nor makes it again (``record``).  Not worth it
    for one call: what the record holds then outlives the pause of the collector, which walks
    all of it once it runs again."""
    started = time.perf_counter()
    settings = site_settings(settings_file, output, overrides)
    content, output_dir, cache = (Path(settings[k]) for k in ("PATH", "OUTPUT_PATH", "CACHE_PATH"))
    with journal.locked(content):
        if (content / journal.JOURNAL).exists():
            journal.recover(content)  # an ingest that was interrupted is finished first
        with collector.paused():
            last = record.load(cache)
            scan = inputs.scan(content, settings["IGNORE_FILES"], last.scan if last else None)
            key = inputs.build_key(settings)
            reason = "asked for" if full else _why_full(last, key, scan, output_dir)
            done = None
            if reason is None and last is not None:
                try:
                    done = _incremental(last, scan, settings, content, output_dir, cache)
                except Unsupported as exc:
                    reason = str(exc)
            earlier = tuple(last.outputs) if last is not None and last.output == str(output_dir) else ()
            del last  # freed while the collector rests, which would otherwise walk it once more
            if not keep:
                record.release()  # and so is the record just saved
        if done is not None:
            return Result(False, "", *done, time.perf_counter() - started)
        log.info("full build: %s", reason)
        written, removed, pelican = _full(settings_file, output, overrides, settings, scan, key, earlier)
        if not keep:
            record.release()
    return Result(True, reason, written, removed, time.perf_counter() - started, pelican)


def _why_full(last: record.Record | None, key: bytes, scan: inputs.Scan, output_dir: Path) -> str | None:
    if last is None:
        return "no record of a previous build"
    if last.refused:
        return last.refused
    if last.key != key:
        return "settings, theme or code changed"
    if last.output != str(output_dir):
        return "the last build wrote to another folder"
    if last.scan.others != scan.others:
        return "a file other than an entry changed in the content folder"
    missing = _missing((*last.outputs, *last.static), output_dir)
    if missing:
        return f"{missing} is missing from the output folder"
    return None


def _incremental(
    last: record.Record, scan: inputs.Scan, settings: dict, content: Path, output_dir: Path, cache: Path
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    again = record.pending(cache)
    if not again and scan.entries == last.scan.entries:  # which the last build's entries were read from
        record.save(cache, replace(last, scan=scan), last)  # the same outputs: nothing to write
        return (), ()
    # Which entries changed, by their digests (a set difference, in C: the site has thousands).
    # The last build's entries are those its scan digested (the record keeps both as one).
    if last.entries.keys() != last.scan.entries.keys():
        raise Unsupported("the record's entries are not those of its scan")
    stale = last.scan.entries.items() - scan.entries.items()  # gone or edited, as they were
    fresh = scan.entries.items() - last.scan.entries.items()  # new or edited, as they are
    entries = dict(last.entries)
    olds = [entries.pop(rel)[1] for rel, _digest in sorted(stale)]
    for rel, digest in sorted(fresh):
        entries[rel] = (digest, inputs.read_entry(content, rel, settings))
    news = [entries[rel][1] for rel, _digest in sorted(fresh)]
    since = outputs.Since(last.entries, last.outputs, again, last.derived, (olds, news))
    plan, items_seen, derived, events = outputs.plan(entries, settings, last.items, since)
    digests = dict(zip(plan, map(attrgetter("digest"), plan.values()), strict=True))
    changed = sorted({p for p, _digest in digests.items() - last.outputs.items()} | (plan.keys() & again))
    gone = sorted(last.outputs.keys() - plan.keys())
    record.mark_pending(cache, changed)
    parts = documents.Parts(output_dir, again, last.laid)
    items = feeds.Items(last.feed_items, settings)
    write.write(plan, changed, settings, output_dir, parts, items, events)
    write.remove(gone, output_dir)
    current = set(scan.entries.values())
    rewritten = set(changed)
    laid = {p: at for p, at in last.laid.items() if p in plan and p not in rewritten} | parts.written()
    kept = {"feed_items": items.kept(current), "items": items_seen, "derived": derived, "laid": laid}
    record.save(cache, replace(last, scan=scan, entries=entries, outputs=digests, **kept), last)
    return tuple(changed), tuple(gone)


def _full(
    settings_file: Path,
    output: Path | None,
    overrides: Mapping[str, Any] | None,
    settings: dict,
    scan: inputs.Scan,
    key: bytes,
    earlier: tuple[str, ...],
) -> tuple[tuple[str, ...], tuple[str, ...], float]:
    """Pelican's build, then the record of it; ``earlier``: what the last build wrote to this
    output folder, of which the files no build writes any more are removed."""
    content, output_dir, cache = (Path(settings[k]) for k in ("PATH", "OUTPUT_PATH", "CACHE_PATH"))
    record.forget(cache)
    started = time.perf_counter()
    with _pelican_writes(output_dir) as written:
        build_site(settings_file, output, dict(overrides or {}))
    pelican = time.perf_counter() - started
    new = record.Record(key, str(output_dir), scan, {}, {})
    stale: list[str] = []
    with collector.paused():
        try:
            new.entries = {
                rel: (d, inputs.read_entry(content, rel, settings)) for rel, d in scan.entries.items()
            }
            plan, new.items, new.derived, _events = outputs.plan(new.entries, settings)
            new.outputs = {p: o.digest for p, o in plan.items()}
            new.refused = _unreproduced(plan, written, output_dir)
            new.static = _theme_files(settings, output_dir)
            new.feed_items = _feed_items(plan, new.entries, settings)
            stale = [p for p in earlier if p not in plan and p not in written]
        except Unsupported as exc:
            new.refused = str(exc)
    write.remove(stale, output_dir)
    record.save(cache, new)
    return tuple(sorted(written | set(new.outputs))), tuple(stale), pelican


@contextmanager
def _pelican_writes(output_dir: Path) -> Iterator[set[str]]:
    """The files Pelican's writer writes meanwhile (pages and feeds; exports are written apart),
    by path from the output folder."""
    written: set[str] = set()
    root = os.path.abspath(output_dir)

    def note(path: str, **_: object) -> None:
        written.add(os.path.relpath(os.path.abspath(path), root))

    with signals.content_written.connected_to(note), signals.feed_written.connected_to(note):
        yield written


def _unreproduced(plan: Mapping[str, outputs.Output], written: set[str], output_dir: Path) -> str | None:
    """Why a regeneration could not reproduce this full build, if it could not."""
    extra = sorted(p for p in written if p not in plan)
    if extra:
        return f"Pelican wrote {extra[0]}, which only a full build writes"
    present = _files(output_dir)
    missing = next((p for p in plan if p not in present), None)
    return f"a full build did not write {missing}" if missing else None


def _theme_files(settings: Mapping[str, Any], output_dir: Path) -> tuple[str, ...]:
    """The files Pelican copied from the theme (into THEME_STATIC_DIR)."""
    folder = Path(settings["THEME_STATIC_DIR"].strip("/") or ".")
    return tuple(sorted((folder / p).as_posix() for p in _files(output_dir / folder)))


def _feed_items(
    plan: Mapping[str, outputs.Output], entries: outputs.Entries, settings: Mapping[str, Any]
) -> dict[bytes, feeds.FeedItem]:
    """The items of Pelican's feeds, read now so that the next regeneration need not."""
    events, items = outputs.events_of(entries), feeds.Items({}, settings)
    for rel in {rel for o in plan.values() if o.feed for rel in o.feed.items}:
        items.get(rel, *events[rel])
    return items.known


def _missing(paths: Iterable[str], root: Path) -> str | None:
    """One of ``paths`` (from ``root``) that is not there, if any: each folder is listed
    once, and its names compared at once (a tenth of the time of walking the whole tree)."""
    by_folder: dict[str, list[str]] = defaultdict(list)
    for path in paths:
        folder, _, name = path.rpartition("/")
        by_folder[folder].append(name)
    for folder, names in by_folder.items():
        try:
            listed = os.listdir(root / folder)
        except (FileNotFoundError, NotADirectoryError):
            listed = []
        lacking = set(names).difference(listed)
        if lacking:
            return f"{folder}/{min(lacking)}" if folder else min(lacking)
    return None


def _files(root: Path) -> set[str]:
    """Every file under ``root``, by path from it."""
    found = set()
    for folder, _dirs, files in os.walk(root):
        rel = Path(folder).relative_to(root).as_posix()
        prefix = "" if rel == "." else f"{rel}/"
        found.update(prefix + name for name in files)
    return found
