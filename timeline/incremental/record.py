"""The record of the last build, kept in Pelican's cache folder: what it read and what it wrote.

It holds each entry's digest and its parsed form (so an unchanged entry is never read
again), the digest of everything else the build read (``inputs.build_key``), and each
output file's digest (``outputs.plan``).  It is written atomically after the output.
Before a regeneration writes, it lists the files it is about to write (``pending``): if it
is interrupted, the next run writes those again whatever their digests say.  A full build
first drops the record.  A record that cannot be read is no record: the next run builds
in full.

What the record keeps of each entry (its parsed form, its parts of the whole-timeline
files, its feed item, its list item's digest) is most of it, and one new article changes
few entries: it is kept in shards by the entry's digest, each file named for the keys it
holds, so a save writes only the shards whose entries changed and the small index naming
them (atomically, last); files no index names any more are then removed.
"""

from __future__ import annotations

import logging
import os
import pickle
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import fingerprint
from .feeds import FeedItem
from .inputs import Entry, Scan

FORMAT = 3
FILE_NAME = "timeline-build.pickle"
PENDING_NAME = "timeline-build.pending"
SHARDS_DIR = "timeline-build.shards"
SHARDS = 256  # by the first byte of an entry's digest
# The record's tables keyed by an entry's digest, and how to find that digest in a key and value.
_BY_ENTRY = {
    "entries": lambda key, value: value[0],  # entry path → (digest, entry)
    "parts": lambda key, value: key[1],  # (document, digest) → text
    "feed_items": lambda key, value: key,  # digest → item
    "items": lambda key, value: key,  # digest → digest of its list item
}

log = logging.getLogger(__name__)


@dataclass
class Record:
    key: bytes  # settings, theme, code and packages (inputs.build_key)
    output: str  # the output folder it describes
    scan: Scan  # of the content folder: each entry's digest, one of every other file
    entries: dict[str, tuple[bytes, Entry]]  # entry path → (digest, parsed entry)
    outputs: dict[str, bytes]  # output path → digest of what it is made from
    static: tuple[str, ...] = ()  # the theme's files Pelican copied, which only a full build writes
    parts: dict[tuple[str, bytes], str] = field(default_factory=dict)  # documents.Parts
    feed_items: dict[bytes, FeedItem] = field(default_factory=dict)  # feeds.Items
    items: dict[bytes, bytes] = field(default_factory=dict)  # page_digests.ItemDigests
    refused: str | None = None  # why only full builds are right for this site, if so
    format: int = FORMAT
    shards: tuple[str, ...] = ()  # the files of the tables above, while saved


def path_in(cache: Path) -> Path:
    return cache / FILE_NAME


def load(cache: Path) -> Record | None:
    path = path_in(cache)
    try:
        with path.open("rb") as handle:
            record = pickle.load(handle)
        if not isinstance(record, Record) or record.format != FORMAT:
            return None
        for name in record.shards:
            with (cache / SHARDS_DIR / name).open("rb") as handle:
                for table, part in pickle.load(handle).items():
                    getattr(record, table).update(part)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a broken record means only: build in full
        log.warning("%s: unreadable build record, building in full (%s)", path, exc)
        return None
    return record


def save(cache: Path, record: Record) -> None:
    folder = cache / SHARDS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for shard in _shards(record):
        name = f"{_signature(record, shard).hex()}.pickle"
        if not (folder / name).exists():  # a shard's name says what it holds: it is up to date
            _write(folder / name, shard)
        names.append(name)
    index = replace(record, shards=tuple(names), **{t: {} for t in _BY_ENTRY})
    _write(path_in(cache), index)
    for stale in set(os.listdir(folder)) - set(names):
        (folder / stale).unlink(missing_ok=True)
    (cache / PENDING_NAME).unlink(missing_ok=True)


def _shards(record: Record) -> list[dict[str, dict[Any, Any]]]:
    """The per-entry tables, split by the first byte of the entry's digest."""
    shards: list[dict[str, dict[Any, Any]]] = [{t: {} for t in _BY_ENTRY} for _ in range(SHARDS)]
    for table, digest_of in _BY_ENTRY.items():
        for key, value in getattr(record, table).items():
            shards[digest_of(key, value)[0] % SHARDS][table][key] = value
    return shards


def _signature(record: Record, shard: dict[str, dict[Any, Any]]) -> bytes:
    """What a shard holds: its keys and their entries' digests, which with the build key (the
    settings a part or a feed item is rendered with, say) decide the values."""
    keys = {
        t: sorted((key, _BY_ENTRY[t](key, value)) for key, value in part.items()) for t, part in shard.items()
    }
    return fingerprint.of_value((record.key, record.output, keys))


def _write(path: Path, value: object) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def mark_pending(cache: Path, paths: list[str]) -> None:
    """Note the output files about to be written, until ``save`` records them."""
    cache.mkdir(parents=True, exist_ok=True)
    tmp = cache / f".{PENDING_NAME}.tmp"
    tmp.write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")
    os.replace(tmp, cache / PENDING_NAME)


def pending(cache: Path) -> set[str]:
    """Output files an interrupted regeneration may have left half-written."""
    try:
        return set((cache / PENDING_NAME).read_text(encoding="utf-8").splitlines())
    except FileNotFoundError:
        return set()


def forget(cache: Path) -> None:
    """Drop the record before the output changes in ways it does not describe."""
    path_in(cache).unlink(missing_ok=True)
