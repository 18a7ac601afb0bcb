"""The whole-timeline exports, assembled from one part per event kept from build to build.

``timeline.json``, ``timelinejs.json`` and ``timeline.ics`` hold every event, so any change
remakes them, and the exporters spend most of their time on each event (the icalendar
library ~0.3 ms, the JSON encoder with indentation a little less): three seconds and more
for ten thousand events.  Each of these files is a head, one part per event in
chronological order, and a tail; so a regeneration keeps each event's part, known by the
digest of the event's entry, and makes only the parts of new and changed events, with the
exporters' own functions applied to that one event.  After a full build the parts are cut
from the files it wrote, so the first regeneration is fast too.  Parts are kept, and files
assembled, as UTF-8 bytes: the files are tens of megabytes at ten thousand events, and
neither the record nor the writer then decodes or encodes them again.

Cutting and joining relies on how the files are laid out (one VEVENT block per event; the
JSON indented by one space with ``events`` as the last key): each time, the assembly is
checked against the exporter on two events, and if they differ the whole file is made by
the exporter, as in a full build (only slower).
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise

from ..exports import Entry, Site, icalendar_text
from ..pelican_plugin.exports import CALENDAR, json_text

log = logging.getLogger(__name__)

_CALENDAR_END = "END:VCALENDAR\r\n"
_BLOCK_START = re.compile(r"^BEGIN:VEVENT\r$", re.MULTILINE)
_EVENTS_EMPTY = '"events": []'
_EVENTS_OPEN, _EVENTS_SEP, _EVENTS_CLOSE = '"events": [\n  ', ",\n  ", "\n ]"
# A JSON string, its loop unrolled (runs of plain characters at once): read from every event.
_UNIQUE_ID = re.compile(rb'\A\{\n\s*"unique_id": ("[^"\\]*(?:\\.[^"\\]*)*")')

Document = Callable[[list[Entry]], dict]  # entries → a whole-timeline JSON document


Key = tuple[str, bytes]  # (the file, the digest of the event's entry)


class Parts:
    """Per-event parts (UTF-8) by key, kept from one build to the next."""

    def __init__(self, known: Mapping[Key, bytes]) -> None:
        self.known = dict(known)

    def texts(
        self, name: str, ordered: list[Entry], digests: Sequence[bytes], make: Callable[[Entry], str]
    ) -> list[bytes]:
        """The part of each entry in the file ``name``: the one kept, or ``make(entry)``;
        ``digests``: of each entry's file, in the same order."""
        keys = [(name, digest) for digest in digests]
        texts = list(map(self.known.get, keys))
        for i, text in enumerate(texts):
            if text is None:
                texts[i] = self.known[keys[i]] = make(ordered[i]).encode("utf-8")
        return texts

    def kept(self, digests: set[bytes]) -> dict[Key, bytes]:
        """What to keep for the next build: the parts of the entries there are now."""
        return {k: text for k, text in self.known.items() if k[1] in digests}


# ---------------------------------------------------------------- iCalendar


def calendar(ordered: list[Entry], site: Site, digests: Sequence[bytes], parts: Parts) -> bytes:
    """``icalendar_text(ordered, site)``, each event's block taken from ``parts`` when known;
    ``ordered`` as ``exports.chronological`` orders entries (as every function here wants them)."""
    head = _calendar_head(site)

    def block(entry: Entry) -> str:
        return icalendar_text([entry], site, CALENDAR)[len(head or "") : -len(_CALENDAR_END)]

    sample = ordered[:2]
    if head is None or _calendar(head, [_utf8(block(e)) for e in sample]) != _utf8(
        icalendar_text(sample, site, CALENDAR)
    ):
        log.warning("%s: cannot be assembled from its events, made whole", CALENDAR)
        return _utf8(icalendar_text(ordered, site, CALENDAR))
    return _calendar(head, parts.texts(CALENDAR, ordered, digests, block))


def calendar_parts(text: str, site: Site, digests: Sequence[bytes]) -> dict[Key, bytes]:
    """The blocks of a calendar a full build wrote, by key (``digests``: of its events' entries,
    in order); none if it is not one block per event."""
    head = _calendar_head(site)
    if head is None or not (text.startswith(head) and text.endswith(_CALENDAR_END)):
        return {}
    body = text[len(head) : -len(_CALENDAR_END)]
    cuts = [m.start() for m in _BLOCK_START.finditer(body)]
    blocks = [body[a:b] for a, b in pairwise([*cuts, len(body)])]
    return _parts_by_key(CALENDAR, blocks, digests, whole=cuts[:1] == [0] or not body)


def _calendar_head(site: Site) -> str | None:
    """The text before the first event; None if the calendar does not end as expected."""
    empty = icalendar_text([], site, CALENDAR)
    return empty[: -len(_CALENDAR_END)] if empty.endswith(_CALENDAR_END) else None


def _calendar(head: str, blocks: list[bytes]) -> bytes:
    return b"".join([_utf8(head), *blocks, _utf8(_CALENDAR_END)])


# ---------------------------------------------------------------- JSON


def json_document(
    name: str, document: Document, ordered: list[Entry], digests: Sequence[bytes], parts: Parts
) -> bytes:
    """``json_text(document(ordered))``, each event's object taken from ``parts`` when known
    (``digests``: of the entries, in the same order)."""
    empty = json_text(document([]))

    def part(entry: Entry) -> str:
        return _json_part(document([entry])["events"][0])

    sample = ordered[:2]
    if _json(empty, [_utf8(part(e)) for e in sample]) != _utf8(json_text(document(sample))):
        log.warning("%s: cannot be assembled from its events, made whole", name)
        return _utf8(json_text(document(ordered)))
    texts = parts.texts(name, ordered, digests, part)
    if not _distinct_ids(texts):  # TimelineJS ids that collide are renamed by the exporter
        return _utf8(json_text(document(ordered)))
    return _json(empty, texts)


def json_parts(name: str, text: str, digests: Sequence[bytes]) -> dict[Key, bytes]:
    """The event objects of a JSON document a full build wrote, by key (``digests``: of its
    events' entries, in order); none if it does not cut."""
    start, end = text.rfind(_EVENTS_OPEN), text.rfind(_EVENTS_CLOSE)
    if start < 0 or end < start:
        return {}
    body = text[start + len(_EVENTS_OPEN) : end]
    pieces = body.split("\n  },\n  {")
    texts = [p if i == 0 else "{" + p for i, p in enumerate(pieces)]
    texts = [t if i == len(texts) - 1 else t + "\n  }" for i, t in enumerate(texts)]
    return _parts_by_key(name, texts, digests, whole=_EVENTS_SEP.join(texts) == body)


def _json_part(value: dict) -> str:
    """An event's object as it stands in the document: one level deeper than on its own."""
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n  ")


def _json(empty: str, texts: list[bytes]) -> bytes:
    if not texts:
        return _utf8(empty)
    head, _, tail = empty.rpartition(_EVENTS_EMPTY)
    body = _utf8(_EVENTS_SEP).join(texts)
    return b"".join([_utf8(head + _EVENTS_OPEN), body, _utf8(_EVENTS_CLOSE + tail)])


def _distinct_ids(texts: list[bytes]) -> bool:
    """Whether the ``unique_id`` of each event is its own; a document whose events have none
    (the first one says) is not looked through."""
    if not texts or not _UNIQUE_ID.match(texts[0]):
        return True
    ids = [m.group(1) for t in texts if (m := _UNIQUE_ID.match(t))]
    return len(set(ids)) == len(ids)


def _parts_by_key(name: str, texts: list[str], digests: Sequence[bytes], whole: bool) -> dict[Key, bytes]:
    if not whole or len(texts) != len(digests):
        return {}
    return {(name, digest): _utf8(t) for digest, t in zip(digests, texts, strict=True)}


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")
