"""The whole-timeline iCalendar file, assembled from one block per event kept between builds.

``exports.icalendar_text`` writes a header, one VEVENT block per event in chronological
order, and an end line.  The icalendar library spends about 0.3 ms on each event (3 s for
ten thousand), so a regeneration keeps each event's block, known by the digest of the
event's entry, and makes only the blocks of new and changed events.  After a full build
the blocks are cut from the file the build wrote, so the first regeneration is fast too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from ..exports import Entry, Site, chronological, icalendar_text
from . import fingerprint

HERE = "timeline.ics"
_END = "END:VCALENDAR\r\n"
_BLOCK_START = re.compile(r"^BEGIN:VEVENT\r$", re.MULTILINE)


class Parts:
    """Texts of per-event blocks by key, kept from one build to the next."""

    def __init__(self, known: Mapping[bytes, str]) -> None:
        self.known = dict(known)
        self.used: dict[bytes, str] = {}

    def get(self, key: bytes, make: Callable[[], str]) -> str:
        text = self.used.get(key) or self.known.get(key)
        if text is None:
            text = make()
        self.used[key] = text
        return text

    def kept(self) -> dict[bytes, str]:
        """What to keep for the next build: the blocks used now, or all known if none was."""
        return self.used or self.known


def calendar(entries: list[Entry], site: Site, digest_of: Mapping[str, bytes], parts: Parts) -> str:
    """``icalendar_text(entries, site)``, each event's block taken from ``parts`` when known."""
    head = _head(site)
    if head is None:
        return icalendar_text(entries, site, HERE)

    def block(entry: Entry) -> str:
        return icalendar_text([entry], site, HERE)[len(head) : -len(_END)]

    blocks = [parts.get(_key(digest_of, e), lambda e=e: block(e)) for e in chronological(entries)]
    return head + "".join(blocks) + _END


def blocks_of(
    text: str, entries: list[Entry], site: Site, digest_of: Mapping[str, bytes]
) -> dict[bytes, str]:
    """The blocks of a calendar a full build wrote, by key; nothing if it is not one block per event."""
    head = _head(site)
    if head is None or not (text.startswith(head) and text.endswith(_END)):
        return {}
    body = text[len(head) : -len(_END)]
    starts = [m.start() for m in _BLOCK_START.finditer(body)]
    ordered = chronological(entries)
    if len(starts) != len(ordered) or (starts and starts[0] != 0):
        return {}
    cuts = [*starts, len(body)]
    return {_key(digest_of, e): body[a:b] for e, a, b in zip(ordered, cuts, cuts[1:], strict=False)}


def _head(site: Site) -> str | None:
    """The text before the first event; None if the calendar does not end as expected."""
    empty = icalendar_text([], site, HERE)
    return empty[: -len(_END)] if empty.endswith(_END) else None


def _key(digest_of: Mapping[str, bytes], entry: Entry) -> bytes:
    return fingerprint.of_parts([HERE, digest_of[entry.event.slug]])
