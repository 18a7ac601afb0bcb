"""The whole-timeline exports and the slices of people and places, assembled from one part per
event: the parts of the events that did not change are cut from the file the last build wrote.

``timeline.json``, ``timelinejs.json`` and ``timeline.ics`` hold every event, and a recurring
name's slice (``people/<slug>/timeline.json``) a good part of them, so any change remakes
them; and the exporters spend most of their time on each event (the icalendar library
~0.3 ms, the JSON encoder with indentation a little less): three seconds and more for ten
thousand events.  Each of these files is a head, one part per event in chronological order,
and a tail.  The last build's file holds the part of each of its events, in the order the
record keeps (``Before``): a regeneration cuts the file at the boundaries of its parts,
keeps the parts of the events whose entries did not change (slices of the file's bytes,
never decoded nor copied but once, into the new file), and makes only the parts of new and
changed events, with the exporters' own functions applied to that one event.  A file the
last build did not write, or that an interrupted run may have written (``again``), or that
does not cut into as many parts as the record says it holds, is not cut: its parts are all
made.  Where each part of a file lies is known when the file is assembled, and the record
keeps it (``Laid``), with the file's stat then: while the file's stat is the same (a file
written or replaced since has another ctime), it is cut there, without looking for the
boundaries through tens of megabytes.

Cutting and joining relies on how the files are laid out (one VEVENT block per event; the
JSON indented by one space with ``events`` as the last key): each time, the assembly is
checked against the exporter on two events, and if they differ the whole file is made by
the exporter, as in a full build (only slower).

The Atom feeds list the newest events (a hundred, say) in the order of when each was found
or updated, which the record does not keep: their entries are found in the last feed by the
link to their page, and taken when their event's entry did not change (``atom``).
"""

from __future__ import annotations

import json
import logging
import os
import re
from array import array
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass
from itertools import accumulate, pairwise
from pathlib import Path
from xml.sax.saxutils import escape

from ..exports import Entry, Site, atom_entry_text, atom_text, icalendar_text
from ..pelican_plugin.exports import CALENDAR, json_text
from ..site_model import Derived

log = logging.getLogger(__name__)

_CALENDAR_END = b"END:VCALENDAR\r\n"
_BLOCK_START = re.compile(rb"\nBEGIN:VEVENT\r\n")  # from the end of the line before
_EVENTS_EMPTY = b'"events": []'
_EVENTS_OPEN, _EVENTS_SEP, _EVENTS_CLOSE = b'"events": [\n  ', b",\n  ", b"\n ]"
# The end of one event's object and the start of the next (deeper lines are indented more).
_EVENTS_BETWEEN = b"\n  }" + _EVENTS_SEP + b"{"
_EVENTS_BETWEEN_FOUND = re.compile(re.escape(_EVENTS_BETWEEN))
# A JSON string, its loop unrolled (runs of plain characters at once): read from every event.
_UNIQUE_ID = re.compile(rb'\A\{\n\s*"unique_id": ("[^"\\]*(?:\\.[^"\\]*)*")')

Document = Callable[[list[Entry]], dict]  # entries → a whole-timeline JSON document
Part = bytes | memoryview  # UTF-8
Cut = Callable[[bytes], list[memoryview] | None]  # a file's bytes → its parts, if it cuts


@dataclass(frozen=True)
class Before:
    """The events the last build wrote into each file made of parts, by their entries' digests:
    the model's order and groups that build derived, and each event's digest by slug."""

    derived: Derived | None = None
    digests: Mapping[str, bytes] | None = None

    def whole(self) -> list[bytes] | None:
        """Of the whole-timeline files: every event, in order."""
        return None if self.derived is None else self._of(self.derived.slugs)

    def slice(self, kind: str, slug: str) -> list[bytes] | None:
        """Of a person's or place's slice: their events, in order."""
        members = None if self.derived is None else self.derived.groups[kind].get(slug)
        return None if members is None else self._of(members)

    def _of(self, slugs: Sequence[str]) -> list[bytes] | None:
        digests = self.digests or {}
        found = [digests.get(slug) for slug in slugs]
        return None if None in found else found  # type: ignore[return-value]


Stat = tuple[int, int, int, int]  # inode, size, mtime and ctime in ns


@dataclass(frozen=True)
class Laid:
    """Where the parts of a file lie, as it was written: part ``i`` is ``data[bounds[i] :
    bounds[i + 1] - gap]`` (``gap``: the bytes between two parts); ``stat``: the file's then."""

    stat: Stat
    bounds: array
    gap: int

    def parts(self, data: bytes) -> list[memoryview]:
        whole, gap = memoryview(data), self.gap
        return [whole[a : b - gap] for a, b in pairwise(self.bounds)]


def stat_of(found: os.stat_result) -> Stat:
    return (found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


class Parts:
    """The parts of this build's files made of parts: the last build's, cut from the files it
    wrote into ``output_dir`` (but those of ``again``) where ``laid`` says (while the file's
    stat is the same) or where they are found, or made; ``made``: where the parts of the
    files assembled here lie, by name."""

    def __init__(
        self,
        output_dir: Path | None = None,
        again: Set[str] = frozenset(),
        laid: Mapping[str, Laid] | None = None,
    ) -> None:
        self.output_dir, self.again, self.laid = output_dir, again, laid or {}
        self.made: dict[str, tuple[array, int]] = {}

    def note(self, name: str, first: int, texts: Sequence[Part], gap: int) -> None:
        """The parts ``texts`` of the file ``name`` as assembled: the first at ``first``, each
        followed by ``gap`` bytes."""
        self.made[name] = (array("Q", accumulate((len(t) + gap for t in texts), initial=first)), gap)

    def written(self) -> dict[str, Laid]:
        """Where the parts of the files assembled here lie, with their stats now (once written)."""
        assert self.output_dir is not None  # only files written there are laid
        return {
            name: Laid(stat_of(os.stat(self.output_dir / name)), bounds, gap)
            for name, (bounds, gap) in self.made.items()
        }

    def texts(
        self,
        name: str,
        ordered: list[Entry],
        digests: Sequence[bytes],
        make: Callable[[Entry], str],
        before: tuple[Sequence[bytes] | None, Cut] | None = None,
    ) -> list[Part]:
        """The part of each entry in the file ``name``: the one the last build wrote, when
        ``before`` (the digests of the events it wrote into ``name``, and how to cut it) says
        which it is, or ``make(entry)``; ``digests``: of each entry's file, in the same order."""
        known = self._cut(name, *before) if before is not None else {}
        texts: list[Part | None] = list(map(known.get, digests))
        for i, text in enumerate(texts):
            if text is None:
                texts[i] = make(ordered[i]).encode("utf-8")
        return texts  # type: ignore[return-value]

    def _cut(self, name: str, digests: Sequence[bytes] | None, cut: Cut) -> dict[bytes, Part]:
        if digests is None or self.output_dir is None or name in self.again:
            return {}
        try:
            with (self.output_dir / name).open("rb") as handle:
                stat, data = stat_of(os.fstat(handle.fileno())), handle.read()
        except OSError:  # not written by the last build
            return {}
        laid = self.laid.get(name)
        parts = laid.parts(data) if laid is not None and laid.stat == stat else cut(data)
        if parts is None or len(parts) != len(digests):
            return {}
        return dict(zip(digests, parts, strict=True))


# ---------------------------------------------------------------- iCalendar


def calendar(
    ordered: list[Entry], site: Site, digests: Sequence[bytes], before: Sequence[bytes] | None, parts: Parts
) -> bytes:
    """``icalendar_text(ordered, site)``, each event's block taken from the last build's file
    when ``before`` (its events' digests) says which it is; ``ordered`` as
    ``exports.chronological`` orders entries (as every function here wants them)."""
    head = _calendar_head(site)

    def block(entry: Entry) -> str:
        return icalendar_text([entry], site, CALENDAR)[len(head or "") : -len(_CALENDAR_END)]

    sample = ordered[:2]
    if head is None or _calendar(head, [_utf8(block(e)) for e in sample]) != _utf8(
        icalendar_text(sample, site, CALENDAR)
    ):
        log.warning("%s: cannot be assembled from its events, made whole", CALENDAR)
        return _utf8(icalendar_text(ordered, site, CALENDAR))

    def cut(data: bytes) -> list[memoryview] | None:
        return calendar_blocks(data, head)

    blocks = parts.texts(CALENDAR, ordered, digests, block, (before, cut))
    parts.note(CALENDAR, len(head), blocks, 0)
    return _calendar(head, blocks)


def calendar_blocks(data: bytes, head: bytes) -> list[memoryview] | None:
    """The VEVENT blocks of a calendar that starts with ``head``; None if it does not cut."""
    if not (data.startswith(head) and data.endswith(_CALENDAR_END)):
        return None
    end = len(data) - len(_CALENDAR_END)
    cuts = [m.start() + 1 for m in _BLOCK_START.finditer(data, len(head) - 1, end)]
    if (cuts[0] if cuts else end) != len(head):
        return None
    whole = memoryview(data)
    return [whole[a:b] for a, b in pairwise([*cuts, end])]


def _calendar_head(site: Site) -> bytes | None:
    """The text before the first event; None if the calendar does not end as expected."""
    empty = _utf8(icalendar_text([], site, CALENDAR))
    return empty[: -len(_CALENDAR_END)] if empty.endswith(_CALENDAR_END) else None


def _calendar(head: bytes, blocks: list[Part]) -> bytes:
    return b"".join([head, *blocks, _CALENDAR_END])


# ---------------------------------------------------------------- JSON


def json_document(
    name: str,
    document: Document,
    ordered: list[Entry],
    digests: Sequence[bytes],
    before: Sequence[bytes] | None,
    parts: Parts,
) -> bytes:
    """``json_text(document(ordered))``, each event's object taken from the last build's file
    when ``before`` (its events' digests) says which it is (``digests``: of the entries, in the
    same order)."""
    empty = _utf8(json_text(document([])))

    def part(entry: Entry) -> str:
        return _json_part(document([entry])["events"][0])

    sample = ordered[:2]
    if _json(empty, [_utf8(part(e)) for e in sample]) != _utf8(json_text(document(sample))):
        log.warning("%s: cannot be assembled from its events, made whole", name)
        return _utf8(json_text(document(ordered)))
    texts = parts.texts(name, ordered, digests, part, (before, json_objects))
    if not _distinct_ids(texts):  # TimelineJS ids that collide are renamed by the exporter
        return _utf8(json_text(document(ordered)))
    parts.note(name, empty.rfind(_EVENTS_EMPTY) + len(_EVENTS_OPEN), texts, len(_EVENTS_SEP))
    return _json(empty, texts)


def json_objects(data: bytes) -> list[memoryview] | None:
    """The event objects of a JSON document as the exports write it; None if it does not cut."""
    start, end = data.rfind(_EVENTS_OPEN), data.rfind(_EVENTS_CLOSE)
    if start < 0 or end < start:
        return None
    cuts = [m.start() for m in _EVENTS_BETWEEN_FOUND.finditer(data, start, end)]
    starts = [start + len(_EVENTS_OPEN), *(at + len(_EVENTS_BETWEEN) - 1 for at in cuts)]  # at "{"
    ends = [*(at + 4 for at in cuts), end]  # after "\n  }"
    whole = memoryview(data)
    return [whole[a:b] for a, b in zip(starts, ends, strict=True)]


def _json_part(value: dict) -> str:
    """An event's object as it stands in the document: one level deeper than on its own."""
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n  ")


def _json(empty: bytes, texts: list[Part]) -> bytes:
    if not texts:
        return empty
    head, _, tail = empty.rpartition(_EVENTS_EMPTY)
    joined = [_EVENTS_SEP] * (2 * len(texts) - 1)  # joined once: the file is tens of megabytes
    joined[::2] = texts
    return b"".join([head, _EVENTS_OPEN, *joined, _EVENTS_CLOSE, tail])


def _distinct_ids(texts: list[Part]) -> bool:
    """Whether the ``unique_id`` of each event is its own; a document whose events have none
    (the first one says) is not looked through."""
    if not texts or not _UNIQUE_ID.match(texts[0]):
        return True
    ids = [bytes(m.group(1)) for t in texts if (m := _UNIQUE_ID.match(t))]
    return len(set(ids)) == len(ids)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


# ---------------------------------------------------------------- Atom


_FEED_END = "\n</feed>\n"
_FEED_ENTRY = re.compile(rb"\n  (<entry>.*?\n  </entry>)", re.DOTALL)
_ENTRY_PAGE = re.compile(rb'<link rel="alternate" type="text/html" href="([^"]*)" />')
_ATTRIBUTE = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#09;"}  # and &, <, > (``escape``)


def atom(
    name: str,
    ordered: list[Entry],
    site: Site,
    title: str,
    unchanged: Callable[[Entry], bool],
    parts: Parts,
) -> bytes:
    """``exports.atom_text(ordered, site, name, title)``, the entry of each event for which
    ``unchanged`` holds taken from the feed the last build wrote (found by its page's link):
    a feed lists the newest events, most of which the last one listed too."""
    empty = atom_text([], site, name, title, updated=max((e.updated for e in ordered), default=None))
    head = empty.removesuffix(_FEED_END)

    def assembled(blocks: list[str]) -> str:
        return head + "".join(f"\n  {block}" for block in blocks) + _FEED_END

    sample = ordered[:2]
    if head == empty or assembled([atom_entry_text(e, site, name) for e in sample]) != atom_text(
        sample, site, name, title, updated=max((e.updated for e in ordered), default=None)
    ):
        log.warning("%s: cannot be assembled from its entries, made whole", name)
        return _utf8(atom_text(ordered, site, name, title))
    known = _feed_entries(parts, name)
    blocks = []
    for entry in ordered:
        block = known.get(_attribute(site.link(entry.page, name))) if unchanged(entry) else None
        blocks.append(block if block is not None else atom_entry_text(entry, site, name))
    return _utf8(assembled(blocks))


def _feed_entries(parts: Parts, name: str) -> dict[str, str]:
    """The entries of the feed the last build wrote, by the link to their page (as written)."""
    if parts.output_dir is None or name in parts.again:
        return {}
    try:
        data = (parts.output_dir / name).read_bytes()
    except OSError:  # not written by the last build
        return {}
    found = {}
    for match in _FEED_ENTRY.finditer(data):
        page = _ENTRY_PAGE.search(match.group(1))
        if page is not None:
            found[page.group(1).decode("utf-8")] = match.group(1).decode("utf-8")
    return found


def _attribute(value: str) -> str:
    """As XML writes an attribute's value (``xml.etree``'s escapes)."""
    return escape(value, _ATTRIBUTE)
