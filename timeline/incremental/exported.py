"""The exports plugin's files as a regeneration makes them: one at a time, each with the digest
of what it is made from.

The files are the plugin's own (``pelican_plugin.exports.data_files`` and ``embed_pages``),
so a regeneration and a full build cannot list different ones; here each gets the digest of
its entries (and of the person or place it is about), so a new event remakes the slices of
its own people and places only.  The whole-timeline files, the JSON slices of people
and places and the Atom feeds are assembled from per-event parts, those of unchanged events
cut from the files the last build wrote (``documents``), as the exporters would write them whole.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path

from .. import site_model
from ..exports import Entry, Site, atom_feed, atom_newest, timeline_json
from ..model import Event
from ..pelican_plugin import exports as plugin
from . import documents, fingerprint
from .documents import Before, Parts
from .inputs import EventEntry

Make = Callable[[Parts], str | bytes]  # a text, or one assembled in UTF-8 (``documents``)


class Published(Entry):
    """An event as the exports publish it, read from its entry only when asked for: of most
    events, a regeneration's exports read only the slug and the date updated (plain attributes:
    read tens of thousands of times)."""

    # Set on each (attributes, not ``Entry``'s properties, which read the event).
    slug: str = ""
    date: str = ""

    def __init__(self, entry: EventEntry, page: str, day: str) -> None:
        vars(self).update(_entry=entry, page=page, updated=entry.updated, slug=entry.slug, date=day)

    @property
    def event(self) -> Event:  # type: ignore[override]
        return self._entry.event


def exported_entries(
    events: Mapping[str, tuple[bytes, EventEntry]], model: site_model.Site
) -> tuple[list[Entry], dict[str, bytes]]:
    """Each event of ``model`` as the exports publish it, in chronological order (the model's,
    which is ``exports.chronological``), and the digest of its entry by event slug."""
    digest_of, entry_of = {}, {}
    for digest, entry in events.values():
        digest_of[entry.slug], entry_of[entry.slug] = digest, entry
    views = model.events
    entries: list[Entry] = [
        Published(entry_of[slug], item.url, views.dates[slug])
        for slug, item in zip(views.slugs, views.items, strict=True)
    ]
    return entries, digest_of


def data_files(
    entries: list[Entry],
    digest_of: Mapping[str, bytes],
    model: site_model.Site,
    site: Site,
    limit: int | None,
    theme: Path,
    kept: Callable[[str], bytes | None] = lambda _path: None,
    before: Before | None = None,
) -> dict[str, tuple[bytes, Make]]:
    """Every data export: path → (digest of what it is made from, how to make its text);
    ``entries`` in chronological order, as ``exported_entries`` gives them; ``kept(path)``: the
    last build's digest of a person's or place's file that no change reached (``reach``);
    ``before``: the events of the files the last build wrote, whose parts are cut from them."""
    of_list: dict[int, bytes] = {}  # by the list of entries, which the whole-timeline files share

    def digest(path: str, file_entries: Sequence[Entry], subject: tuple[str, ...]) -> bytes:
        known = of_list.get(id(file_entries))
        if known is None:
            # Digests of one size: joined, they are unambiguous.
            joined = b"".join(sorted([digest_of[e.slug] for e in file_entries]))
            known = of_list[id(file_entries)] = fingerprint.of_bytes(joined)
        return fingerprint.of_parts([path, *subject, known])

    # The whole-timeline files, from the parts of the events, as the exporters would write them.
    before = before or Before()
    digests, whole = [digest_of[e.slug] for e in entries], before.whole()
    assembled: dict[str, Make] = {
        name: partial(documents.json_document, name, document, entries, digests, whole)
        for name, document in whole_documents(site).items()
    }
    assembled[plugin.CALENDAR] = partial(documents.calendar, entries, site, digests, whole)
    files: dict[str, tuple[bytes, Make]] = {}
    for path, file in plugin.data_files(entries, model, site, limit, theme).items():
        make = assembled.get(path)
        if (
            make is None
            and file.subject
            and path == plugin.subject_files(file.subject.kind, file.subject.slug)[0]
        ):
            make = partial(_slice, path, file, site, digest_of, before)
        if make is None and _is_feed(file.make):
            make = partial(_feed, path, file, digest_of, before)
        make = make or partial(_made, file.make)
        if file.subject is None:
            files[path] = (digest(path, file.entries, ()), make)
        else:
            subject = (file.subject.kind, file.subject.slug, file.subject.name)
            files[path] = (kept(path) or digest(path, file.entries, subject), make)
    return files


def whole_documents(site: Site) -> dict[str, documents.Document]:
    """The JSON files of the whole timeline, as functions of the entries."""
    return {name: partial(document, site=site, here=name) for name, document in plugin.JSON_DOCUMENTS.items()}


def _slice(
    path: str, file: plugin.DataFile, site: Site, digest_of: Mapping[str, bytes], before: Before, parts: Parts
) -> bytes:
    """A person's or place's JSON slice (its file's ``subject``), assembled from the parts of
    its events: a recurring name's slice holds a good part of the site."""
    subject, entries = file.subject, list(file.entries)
    assert subject is not None  # a slice's
    document = partial(timeline_json, site=site, here=path, subject=subject)
    return documents.json_document(
        path,
        document,
        entries,
        [digest_of[e.slug] for e in entries],
        before.slice(subject.kind, subject.slug),
        parts,
    )


def _is_feed(make: Callable[[], str]) -> bool:
    return isinstance(make, partial) and make.func is atom_feed


def _feed(
    path: str, file: plugin.DataFile, digest_of: Mapping[str, bytes], before: Before, parts: Parts
) -> bytes:
    """An Atom feed (``exports.atom_feed``, as the plugin's ``file.make`` would call it),
    assembled from the entries of the feed the last build wrote where their events did not
    change: a recurring name's feed lists a hundred events, one article changes few."""
    entries, site, _here, title, limit = file.make.args  # type: ignore[attr-defined]
    digests = before.digests or {}

    def unchanged(entry: Entry) -> bool:
        return digests.get(entry.slug) == digest_of[entry.slug]

    return documents.atom(path, atom_newest(entries, limit), site, title, unchanged, parts)


def _made(make: Callable[[], str], _parts: Parts) -> str:
    return make()
