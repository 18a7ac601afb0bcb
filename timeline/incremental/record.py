"""The record of the last build, kept in Pelican's cache folder: what it read and what it wrote.

It holds each entry's digest and its parsed form (so an unchanged entry is never read
again; an event stays pickled until a page asks for it, ``inputs.EventEntry``), the digest
of everything else the build read (``inputs.build_key``), each output file's digest
(``outputs.plan``) and where the parts of the files assembled from parts lie
(``documents.Laid``).  It is written atomically after the output.  Before a regeneration
writes, it lists the files it is about to write (``pending``): if it is interrupted, the
next run writes those again whatever their digests say (and cuts no parts from them:
``documents``).  A full build first drops the record.  A record that cannot be read is no
record: the next run builds in full.

What the record keeps of each entry (its parsed form, its feed item, its list item's
digest) is most of it, and one new article changes few entries: it is kept in shards by
the entry's digest, each file named for the keys it holds, so a save writes only the shards
whose entries changed.  The other tables grow with the site too (each output's digest, each
entry's stat, and what the site model derives from all the events, ``site_model.Derived``,
which the next build patches): megabytes at ten thousand events, of which one article
changes a few dozen rows.  They are kept in a *base* file, written now and then, and the
index holds the rows that changed since (``changes``), so a save writes the changed rows;
once those are an eighth of the base (``FOLD``), a new base is written.  The small index
naming those files is written last (atomically), so that a save interrupted before it
leaves the last record whole; files no index names any more are then removed.

A process that regenerates again and again (``timeline watch``) may keep the record it saved
last (until ``release``): while the files it wrote are as it left them (each file's inode,
size and times), the next load returns it without reading them back, and its tables are not
made and freed again.
"""

from __future__ import annotations

import logging
import os
import pickle
import shutil
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import journal
from ..site_model import Derived
from . import fingerprint
from .documents import Laid
from .feeds import FeedItem
from .inputs import Entry, Scan

FORMAT = 11
FILE_NAME = "timeline-build.pickle"
PENDING_NAME = "timeline-build.pending"
SHARDS_DIR = "timeline-build.shards"
SHARDS = 256  # by the first byte of an entry's digest
FOLD = 8  # the changes since the base are folded into a new one once they are this share of it
# The record's tables keyed by an entry's digest, and how to find that digest in a key and value.
_BY_ENTRY = {
    "entries": lambda key, value: value[0],  # entry path → (digest, entry)
    "feed_items": lambda key, value: key,  # digest → item
    "items": lambda key, value: key,  # digest → digest of its list item
}

_OTHER_TABLES = tuple(t for t in _BY_ENTRY if t != "entries")  # keyed by the entry's digest itself

log = logging.getLogger(__name__)


@dataclass
class Record:
    key: bytes  # settings, theme, code and packages (inputs.build_key)
    output: str  # the output folder it describes
    scan: Scan  # of the content folder: each entry's digest, one of every other file
    entries: dict[str, tuple[bytes, Entry]]  # entry path → (digest, parsed entry)
    outputs: dict[str, bytes]  # output path → digest of what it is made from
    static: tuple[str, ...] = ()  # the theme's files Pelican copied, which only a full build writes
    feed_items: dict[bytes, FeedItem] = field(default_factory=dict)  # feeds.Items
    items: dict[bytes, bytes] = field(default_factory=dict)  # page_digests.ItemDigests
    refused: str | None = None  # why only full builds are right for this site, if so
    derived: Derived | None = None  # of the site model, which the next build patches
    laid: dict[str, Laid] = field(default_factory=dict)  # where the parts of the files made of parts lie
    format: int = FORMAT
    shards: tuple[str, ...] = ()  # the files of the tables above, while saved
    base_file: str = ""  # the file of the other tables (``_tables``) as of some save, while saved
    changes: dict[str, dict[Any, Any]] = field(default_factory=dict)  # since the base: table → key → row
    order: list[str] | None = None  # the model's events in order (``Derived.slugs``), when changes apply
    # The tables of each shard as loaded or saved, by number: what a save starts from (never saved).
    held: list[dict[str, dict[Any, Any]]] = field(default_factory=list, repr=False, compare=False)


def path_in(cache: Path) -> Path:
    return cache / FILE_NAME


def load(cache: Path) -> Record | None:
    kept = _kept(cache)
    if kept is not None:
        return kept
    path = path_in(cache)
    try:
        with path.open("rb") as handle:
            record = pickle.load(handle)
        if not isinstance(record, Record) or record.format != FORMAT:
            return None
        for name in record.shards:
            with (cache / SHARDS_DIR / name).open("rb") as handle:
                record.held.append(pickle.load(handle))
            for table, part in record.held[-1].items():
                getattr(record, table).update(part)
        with (cache / SHARDS_DIR / record.base_file).open("rb") as handle:
            base = pickle.load(handle)
        _apply(record, base, record.changes)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a broken record means only: build in full
        log.warning("%s: unreadable build record, building in full (%s)", path, exc)
        return None
    return record


def save(cache: Path, record: Record, previous: Record | None = None) -> None:
    """Write ``record``; given the ``previous`` one (as loaded, of the same build key and
    output), only the shards whose keys changed since are made again, from those loaded, and
    of the other tables only the rows that changed since the base are written (``_changes``)."""
    folder = cache / SHARDS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    if previous is not None and len(previous.shards) == len(previous.held) == SHARDS:
        names, held, shards = list(previous.shards), list(previous.held), _changed_shards(previous, record)
    else:
        names, held, shards = [""] * SHARDS, [{} for _ in range(SHARDS)], _shards(record)
    for number, shard in shards.items():
        name = f"{_signature(record, shard).hex()}.pickle"
        if not (folder / name).exists():  # a shard's name says what it holds: it is up to date
            _write(folder / name, shard)
        names[number], held[number] = name, shard
    tables = _tables(record)
    changes = _changes(previous, tables) if previous is not None else None
    if changes is None:  # a new base, of the tables as they are
        data = pickle.dumps(_base(record), protocol=pickle.HIGHEST_PROTOCOL)
        base, changes = f"base-{fingerprint.of_bytes(data).hex()}.pickle", {}
        if not (folder / base).exists():
            journal.write_atomic(folder / base, data, sync=False)
    else:
        base = previous.base_file  # type: ignore[union-attr]
    order = record.derived.slugs if changes and record.derived is not None else None
    saved = {"shards": tuple(names), "base_file": base, "changes": changes, "order": order}
    rest = {"outputs": {}, "scan": replace(record.scan, entries={}, stats={}), "derived": None}
    _write(path_in(cache), replace(record, **saved, **rest, held=[], **{t: {} for t in _BY_ENTRY}))
    for stale in set(os.listdir(folder)) - {*names, base}:
        (folder / stale).unlink(missing_ok=True)
    (cache / PENDING_NAME).unlink(missing_ok=True)
    _keep(cache, replace(record, **saved, held=held))


def _base(record: Record) -> dict[str, Any]:
    return {"outputs": record.outputs, "stats": record.scan.stats, "derived": record.derived}


def _tables(record: Record) -> dict[str, dict[Any, Any]]:
    """The tables of the base, by row: each output's digest, each entry's stat and, of the
    model, each event's list item and date, each group's events and each name's spellings."""
    tables = {"outputs": record.outputs, "stats": record.scan.stats}
    derived = record.derived
    if derived is not None:
        tables["items"] = dict(zip(derived.slugs, derived.items, strict=True))
        tables["dates"] = derived.dates
        tables["groups"] = {
            (kind, key): m for kind, groups in derived.groups.items() for key, m in groups.items()
        }
        tables["names"] = derived.names
    return tables


def _changes(previous: Record, tables: dict[str, dict[Any, Any]]) -> dict[str, dict[Any, Any]] | None:
    """The rows of ``tables`` that differ from the base of ``previous`` (its changes and those
    since), None gone; None when a new base is due (or ``previous`` has none to build on).
    Rows are compared by identity first: a patched model shares the rows it did not touch."""
    before = _tables(previous)
    if not previous.base_file or before.keys() != tables.keys():
        return None
    changes = {name: dict(previous.changes.get(name, {})) for name in tables}
    for name, rows in tables.items():
        old, changed = before[name], changes[name]
        if name in _PLAIN:  # rows of bytes, strings and tuples: a set difference (in C)
            changed.update(rows.items() - old.items())
        else:
            changed.update((k, r) for k, r in rows.items() if (w := old.get(k, _ABSENT)) is not r and w != r)
        changed.update(dict.fromkeys(old.keys() - rows.keys()))
    if sum(map(len, changes.values())) * FOLD > sum(map(len, tables.values())):
        return None
    return changes


_ABSENT = object()
_PLAIN = frozenset({"outputs", "stats", "dates"})  # tables whose rows hash by value


def _apply(record: Record, base: dict[str, Any], changes: dict[str, dict[Any, Any]]) -> None:
    """The tables of ``record``: those of its ``base`` with the ``changes`` since."""
    record.outputs, derived = _changed(base["outputs"], changes.get("outputs")), base["derived"]
    entries = {rel: digest for rel, (digest, _entry) in record.entries.items()}
    record.scan = replace(record.scan, entries=entries, stats=_changed(base["stats"], changes.get("stats")))
    if derived is not None and record.order is not None:
        items = _changed(dict(zip(derived.slugs, derived.items, strict=True)), changes.get("items"))
        derived.slugs, derived.items = record.order, [items[slug] for slug in record.order]
        _changed(derived.dates, changes.get("dates"))
        for (kind, key), members in changes.get("groups", {}).items():
            if members is None:
                del derived.groups[kind][key]
            else:
                derived.groups[kind][key] = members
        _changed(derived.names, changes.get("names"))
    record.derived = derived


def _changed(table: dict[Any, Any], changes: dict[Any, Any] | None) -> dict[Any, Any]:
    """``table`` (changed in place) with ``changes``: each row as it is now, None gone."""
    for key, row in (changes or {}).items():
        if row is None:
            table.pop(key, None)
        else:
            table[key] = row
    return table


def _shards(record: Record) -> dict[int, dict[str, dict[Any, Any]]]:
    """The per-entry tables split by the first byte of the entry's digest, by shard number."""
    shards: dict[int, dict[str, dict[Any, Any]]] = {n: {t: {} for t in _BY_ENTRY} for n in range(SHARDS)}
    for table, digest_of in _BY_ENTRY.items():
        for key, value in getattr(record, table).items():
            shards[digest_of(key, value)[0] % SHARDS][table][key] = value
    return shards


def _changed_shards(old: Record, new: Record) -> dict[int, dict[str, dict[Any, Any]]]:
    """The shards of ``new`` that differ from those ``old`` was loaded from: those holding a
    key that one record has and the other has not.  A value follows from its key and entry
    digest (an entry's parsed form from its bytes, a part or a feed item from the entry and
    the build key), so a key that both have holds the same value, and each changed shard is
    the loaded one without the keys lost and with the keys gained."""
    before, after = _entry_keys(old), _entry_keys(new)
    gone, gained = {"entries": before - after}, {"entries": after - before}  # of entries: (path, digest)
    for table in _OTHER_TABLES:
        keys, new_keys = getattr(old, table).keys(), getattr(new, table).keys()
        gone[table], gained[table] = keys - new_keys, new_keys - keys
    shards = {
        n: {t: {} for t in _BY_ENTRY}
        for n in sorted({_shard_of(t, k) for t in gone for k in gone[t] | gained[t]})
    }
    for number, shard in shards.items():
        held = old.held[number]
        shard["entries"] = {
            rel: v for rel, v in held["entries"].items() if (rel, v[0]) not in gone["entries"]
        }
        for table in _OTHER_TABLES:
            shard[table] = {key: v for key, v in held[table].items() if key not in gone[table]}
    for rel, digest in gained["entries"]:
        shards[digest[0] % SHARDS]["entries"][rel] = new.entries[rel]
    for table in _OTHER_TABLES:
        for key in gained[table]:
            shards[_shard_of(table, key)][table][key] = getattr(new, table)[key]
    return shards


def _entry_keys(record: Record) -> set[tuple[str, bytes]]:
    return {(rel, digest) for rel, (digest, _entry) in record.entries.items()}


def _shard_of(table: str, key: Any) -> int:
    """The shard of a key: for entries, their (path, digest)."""
    digest = key[1] if table == "entries" else _BY_ENTRY[table](key, None)
    return digest[0] % SHARDS


def _signature(record: Record, shard: dict[str, dict[Any, Any]]) -> bytes:
    """What a shard holds: its keys and their entries' digests, which with the build key (the
    settings a part or a feed item is rendered with, say) decide the values."""
    keys = {
        t: sorted((key, _BY_ENTRY[t](key, value)) for key, value in part.items()) for t, part in shard.items()
    }
    return fingerprint.of_value((record.key, record.output, keys))


def _write(path: Path, value: object) -> None:
    """Atomically, not synced: a record lost to a power cut is no record, and a full build follows."""
    journal.write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), sync=False)


def mark_pending(cache: Path, paths: list[str]) -> None:
    """Note the output files about to be written, until ``save`` records them."""
    journal.write_atomic(cache / PENDING_NAME, "".join(f"{p}\n" for p in paths), sync=False)


def pending(cache: Path) -> set[str]:
    """Output files an interrupted regeneration may have left half-written."""
    try:
        return set((cache / PENDING_NAME).read_text(encoding="utf-8").splitlines())
    except FileNotFoundError:
        return set()


def forget(cache: Path) -> None:
    """Drop the record before the output changes in ways it does not describe, and its files:
    the next save writes them all (a file found broken is then made again, not kept for its name)."""
    release()
    path_in(cache).unlink(missing_ok=True)
    shutil.rmtree(cache / SHARDS_DIR, ignore_errors=True)


# The record this process saved last, by its cache folder, with its files' stats then.
_saved: dict[str, tuple[tuple[tuple[int, ...], ...], Record]] = {}


def release() -> None:
    """Let go of the record kept in memory: the next load reads its files, as a new process does."""
    _saved.clear()


def _keep(cache: Path, record: Record) -> None:
    _saved.clear()  # one at a time: the last one is freed first
    _saved[os.path.abspath(cache)] = (_stats(cache, record), record)


def _kept(cache: Path) -> Record | None:
    """The record saved last in ``cache`` by this process, if its files are as it left them."""
    stats, record = _saved.get(os.path.abspath(cache), ((), None))
    return record if record is not None and _stats(cache, record) == stats else None


def _stats(cache: Path, record: Record) -> tuple[tuple[int, ...], ...]:
    """Inode, size, modification and change times of the index and of each file it names (none
    for a file that is missing): a file replaced or written to since has other ones."""
    found = []
    names = (*record.shards, record.base_file)
    for path in (path_in(cache), *(cache / SHARDS_DIR / name for name in names)):
        try:
            stat = os.stat(path)
        except FileNotFoundError:
            found.append(())
            continue
        found.append((stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns))
    return tuple(found)
