"""The record of the last build, kept in Pelican's cache folder: what it read and what it wrote.

It holds each entry's digest and its parsed form (so an unchanged entry is never read
again), the digest of everything else the build read (``inputs.build_key``), and each
output file's digest (``outputs.plan``).  It is written atomically after the output.
Before a regeneration writes, it lists the files it is about to write (``pending``): if it
is interrupted, the next run writes those again whatever their digests say.  A full build
first drops the record.  A record that cannot be read is no record: the next run builds
in full.
"""

from __future__ import annotations

import logging
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path

from .feeds import FeedItem
from .inputs import Entry, Scan

FORMAT = 2
FILE_NAME = "timeline-build.pickle"
PENDING_NAME = "timeline-build.pending"

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
    refused: str | None = None  # why only full builds are right for this site, if so
    format: int = FORMAT


def path_in(cache: Path) -> Path:
    return cache / FILE_NAME


def load(cache: Path) -> Record | None:
    path = path_in(cache)
    try:
        with path.open("rb") as handle:
            record = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a broken record means only: build in full
        log.warning("%s: unreadable build record, building in full (%s)", path, exc)
        return None
    if not isinstance(record, Record) or record.format != FORMAT:
        return None
    return record


def save(cache: Path, record: Record) -> None:
    cache.mkdir(parents=True, exist_ok=True)
    path = path_in(cache)
    tmp = path.with_name(f".{path.name}.tmp")
    with tmp.open("wb") as handle:
        pickle.dump(record, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    (cache / PENDING_NAME).unlink(missing_ok=True)


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
