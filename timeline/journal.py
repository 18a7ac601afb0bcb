"""Crash-safe changes to ``content/``: atomic files, and a journal that makes a batch all-or-nothing.

``write_atomic`` is the one helper for every file we replace whole: the entries, the site's
data exports (``pelican_plugin.exports``, ``incremental.write``), and, not synced, the
build record in the cache (``incremental.record``), which a full build remakes if lost.

One ingest touches many files, so renaming each one into place is not enough: a crash
between two renames would leave a timeline that is neither the old one nor the new.
``commit`` therefore first writes every new file's text into one journal (itself written
atomically: that rename is the commit point), then applies it, then deletes it.  The
next run that finds a journal rolls it forward (``recover``); a crash before the journal
exists leaves only temporary files, which ``recover`` removes.  So ``content/`` is, as
every ``timeline`` command sees it, either as before or as after.

For the crash tests, ``TIMELINE_CRASH_AFTER_WRITES=n`` makes the process kill itself
with SIGKILL right after its n-th file-system write (a temporary file written and
synced, a rename, or a removal), so every point of a commit can be tested.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

STATE_DIR = ".timeline"
JOURNAL = f"{STATE_DIR}/journal.json"
TMP_SUFFIX = ".timeline-tmp"
CRASH_ENV = "TIMELINE_CRASH_AFTER_WRITES"

Changes = Mapping[str, str | None]  # path relative to the root → new text, or None to remove

_writes = 0


class JournalError(RuntimeError):
    """A journal that cannot be read back: the content folder needs a person's attention."""


@contextmanager
def locked(root: Path) -> Iterator[None]:
    """Hold the content folder's lock: one writer at a time (an advisory ``flock``)."""
    state = root / STATE_DIR
    state.mkdir(parents=True, exist_ok=True)
    fd = os.open(state, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def commit(root: Path, changes: Changes) -> None:
    """Apply all ``changes`` under ``root``, or none of them until ``recover`` finishes."""
    if not changes:
        return
    record = {"format": 1, "changes": dict(sorted(changes.items()))}
    write_atomic(root / JOURNAL, json.dumps(record, ensure_ascii=False, indent=0) + "\n")
    _apply(root, record["changes"])
    remove(root / JOURNAL)


def recover(root: Path) -> bool:
    """Finish a commit that a crash interrupted; True if there was one.

    A commit leaves temporary files behind only while its journal, or the journal's own
    temporary file, exists: only then is the folder swept (a large archive holds many files).
    """
    journal = root / JOURNAL
    found = journal.exists()
    interrupted = found or _temporary(journal).exists()
    if found:
        try:
            record = json.loads(journal.read_text(encoding="utf-8"))
            changes = record["changes"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise JournalError(f"{journal}: unreadable journal ({exc}); move it away to continue") from None
        _apply(root, changes)
        remove(journal)
    if interrupted:
        for tmp in _temporaries(root):
            tmp.unlink()
    return found


def write_atomic(path: Path, text: str | bytes, sync: bool = True) -> None:
    """Replace ``path`` with ``text`` (bytes, or text written in UTF-8 as given: an iCalendar
    file keeps its CRLF) so that a reader sees the old file or the new, never half; synced
    to disk unless ``sync`` is false (for a cache, which is rebuilt if lost)."""
    _replace(path, text, sync)
    if sync:
        _sync_dir(path.parent)


def remove(path: Path) -> None:
    if _unlink(path):
        _sync_dir(path.parent)


def _replace(path: Path, text: str | bytes, sync: bool = True) -> None:
    """``write_atomic`` but for syncing the folder's new entry, which the caller does."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temporary(path)
    with open(tmp, "wb") as fh:
        fh.write(text.encode("utf-8") if isinstance(text, str) else text)
        if sync:
            fh.flush()
            os.fsync(fh.fileno())
    _wrote()
    os.replace(tmp, path)
    _wrote()


def _unlink(path: Path) -> bool:
    if not path.exists():
        return False
    path.unlink()
    _wrote()
    return True


def _apply(root: Path, changes: Mapping[str, str | None]) -> None:
    """Apply the journal's changes; each folder touched is synced once, at the end, before the
    journal may go (a crash before that leaves the journal, and the next run applies it again)."""
    folders = set()
    for rel, text in changes.items():
        path = _inside(root, rel)
        if text is None:
            if _unlink(path):
                folders.add(path.parent)
        elif not (path.is_file() and path.read_text(encoding="utf-8") == text):
            _replace(path, text)
            folders.add(path.parent)
    for folder in sorted(folders):
        _sync_dir(folder)


def _inside(root: Path, rel: str) -> Path:
    """A journal path, refused if it would leave the content folder."""
    path = (root / rel).resolve()
    if not path.is_relative_to(root.resolve()):
        raise JournalError(f"{root / JOURNAL}: path outside the content folder: {rel!r}")
    return root / rel


def _temporary(path: Path) -> Path:
    return path.with_name(f".{path.name}{TMP_SUFFIX}")


def _temporaries(root: Path) -> Iterator[Path]:
    """Every temporary file under ``root`` (plain names: a large archive holds thousands of files)."""
    for folder, _, names in os.walk(root):
        for name in names:
            if name.startswith(".") and name.endswith(TMP_SUFFIX):
                yield Path(folder, name)


def _sync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _wrote() -> None:
    """Count a write; crash here if the crash tests asked for it."""
    global _writes
    _writes += 1
    if os.environ.get(CRASH_ENV) == str(_writes):
        os.kill(os.getpid(), signal.SIGKILL)
