"""Digests that say whether something changed: of files by their bytes, of values by their value.

Files are compared by content, never by modification time: a fresh checkout gives every
file a new mtime and an unchanged text, and a copy can keep an old mtime over a new text.
Values (the page specs of ``site_model``) are digested through pickle in *fast* mode,
which keeps no memo: an object that occurs twice is written twice, so the bytes depend on
the value only, never on which equal strings happened to be the same object.  Views that
many pages show (an event's list item, say) are digested once and stand in the pages'
digests by their own digest (``Values``).
"""

from __future__ import annotations

import copyreg
import hashlib
import importlib.metadata
import io
import json
import pickle
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

DIGEST_SIZE = 16


def of_bytes(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE).digest()


def hasher(data: bytes = b"") -> Any:
    """A hash to ``update`` piece by piece: its ``digest()`` is ``of_bytes`` of the pieces joined."""
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE)


def of_file(path: Path) -> bytes:
    return of_bytes(path.read_bytes())


def of_value(value: object) -> bytes:
    """The digest of a value built from plain data and (frozen) dataclasses."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo: equal values give equal bytes whatever their identity
    pickler.dump(value)
    return of_bytes(buffer.getvalue())


class Values:
    """Digests of values; each instance of a ``shared`` class is digested once, however many
    values hold it, and stands in them for its digest (the instances must live as long as
    this object: they are known by identity)."""

    def __init__(self, shared: tuple[type, ...]) -> None:
        self.known: dict[int, tuple[bytes, object]] = {}
        self.shared = shared

    def of(self, value: object) -> bytes:
        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=5)
        pickler.fast = True
        # Made for each value, not kept: kept, it would hold this object by its own method, a
        # cycle that leaves every value known here to the cyclic collector.
        pickler.dispatch_table = {**copyreg.dispatch_table, **dict.fromkeys(self.shared, self._reduce)}
        pickler.dump(value)
        return of_bytes(buffer.getvalue())

    def _reduce(self, obj: object) -> tuple[object, tuple[bytes]]:
        known = self.known.get(id(obj))
        if known is None:
            known = self.known[id(obj)] = (self.of((type(obj).__qualname__, vars(obj))), obj)
        return _digested, (known[0],)


def _digested(digest: bytes) -> bytes:
    """What a shared value stands for in a digest (never called: digests are not unpickled)."""
    return digest


def of_parts(parts: Iterable[bytes | str]) -> bytes:
    """One digest for a sequence of digests or names, in the order given."""
    h = hashlib.blake2b(digest_size=DIGEST_SIZE)
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(4, "little"))
        h.update(data)
    return h.digest()


def of_tree(root: Path, skip: Iterable[str] = ()) -> bytes:
    """Every file under ``root`` (names and bytes); folders named in ``skip`` are left out."""
    skipped = set(skip)
    parts: list[bytes | str] = []
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            rel = path.relative_to(root)
            if path.is_file() and not skipped.intersection(rel.parts):
                parts += [rel.as_posix(), of_file(path)]
    return of_parts(parts)


def of_settings(settings: Mapping[str, Any]) -> bytes:
    """Pelican settings by value; a function, class or module counts by its qualified name."""
    return of_bytes(json.dumps(_plain(settings), sort_keys=True, ensure_ascii=False).encode("utf-8"))


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(repr(_plain(v)) for v in value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    module = getattr(value, "__module__", None) or getattr(value, "__name__", "")
    name = getattr(value, "__qualname__", None) or type(value).__qualname__
    return f"<{module}.{name}>"


def of_software(packages: Iterable[str]) -> bytes:
    """The Python version and the versions of the packages a build's output depends on."""
    return of_parts([sys.version, *(f"{p}=={importlib.metadata.version(p)}" for p in packages)])
