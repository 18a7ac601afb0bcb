"""The Markdown entry format: an Event or an Article ↔ the text of a file under ``content/``.

This is the store's on-disk contract, kept apart from the file handling in ``store``
so that the Pelican plugin parses exactly what the writer wrote.  Every metadata value
is one line, every key comes from ``EVENT_KEYS``/``SOURCE_KEYS``, and all text we did
not write ourselves is escaped, so nothing in an article can become markup, a link or
a Pelican setting such as ``save_as`` or ``template``.

An event entry::

    Title: Putin and Trump speak for two hours
    Summary: Putin doubled down on …
    Date: 2025-05-19
    Event_date: 2025-05-19
    Slug: 2025-05-19-putin-and-trump-speak-for-two-hours
    Event_id: 5d0c7d3ad1f2
    Precision: day
    Status: happened
    People: Vladimir Putin; Donald Trump
    Places: Ukraine
    Tags: Vladimir Putin, Donald Trump, Ukraine
    Modified: 2025-05-21
    Source: nypost-2025-05-19-… | 2025-05-19 | https://… | "Russian President …" | "Monday"

    Putin doubled down on …

The lines fall into three *parts* (``EntryParts``): the wording (title, summary, body),
the facts (dates, status, people, places) and the evidence (sources and ``Modified``,
the newest publication date among them, i.e. when the event was last revealed).  The
store checksums each part separately, so a person may edit one part by hand while new
sources are still attached to another.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from .model import Article, Entity, Event, Source
from .periods import PeriodError, precision_of
from .periods import parse as parse_period
from .slugs import slugify

EVENT_KEYS = (
    "title", "summary", "date", "event_date", "slug", "event_id", "precision", "end_date", "status",
    "people", "places", "tags", "modified", "source", "category", "template",
)  # fmt: skip
SOURCE_KEYS = ("title", "date", "slug", "url", "publisher", "dateline", "template", "status")

# Which part of an entry each key belongs to; every other line is a fact ("meta").
_PART_OF_KEY = {"title": "text", "summary": "text", "modified": "sources", "source": "sources"}
PARTS = ("text", "meta", "sources")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|~])")
_WS = re.compile(r"\s+")
_SAFE_URL = re.compile(r"https?://[^\s\"'<>|]+", re.IGNORECASE)
_SEP = " | "
_LINE_BREAKS = {ord(c): f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"}


class FormatError(ValueError):
    """An entry whose text does not follow the format."""


def one_line(value: str) -> str:
    """Collapse all white space (newlines included) to single spaces."""
    return _WS.sub(" ", value).strip()


def escape_text(value: str) -> str:
    """Plain text → Markdown that renders as that text and nothing else (no HTML, no links)."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(one_line(value), quote=False))


def unescape_text(value: str) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", value))


def safe_url(url: str | None) -> str | None:
    """An http(s) URL on one line, or None: ``javascript:`` and friends never reach a page."""
    value = one_line(url or "")
    return value if _SAFE_URL.fullmatch(value) else None


def render_source_line(source: Source) -> str:
    """``slug | published | url | "sentence"`` and, when known, ``| "expression"``.

    The sentence and the expression are JSON strings, so they may hold anything (newlines,
    ``|``, quotes) and still be read back exactly.
    """
    fields = [
        one_line(source.article),
        one_line(source.published),
        safe_url(source.url) or "-",
        _json_line(source.sentence),
    ]
    if source.expression:
        fields.append(_json_line(source.expression))
    return _SEP.join(fields)


def _json_line(value: str) -> str:
    """A JSON string that no reader splits: JSON leaves U+2028, U+2029 and U+0085 raw."""
    return json.dumps(value, ensure_ascii=False).translate(_LINE_BREAKS)


def parse_source_line(line: str) -> Source:
    """Inverse of ``render_source_line``."""
    parts = line.split(_SEP, 3)
    if len(parts) != 4:
        raise FormatError(f"source line needs 'slug | date | url | \"sentence\"': {line[:80]!r}")
    article, published, url, rest = (p.strip() for p in parts)
    sentence, rest = _json_string(rest, "sentence")
    expression = None
    if rest:
        if not rest.startswith(_SEP.strip()):
            raise FormatError(f"unexpected text after the source sentence: {rest[:40]!r}")
        expression, tail = _json_string(rest[1:].strip(), "expression")
        if tail:
            raise FormatError(f"unexpected text after the source expression: {tail[:40]!r}")
    return Source(
        article=article,
        published=published,
        url=None if url == "-" else url,
        sentence=sentence,
        expression=expression,
    )


def _json_string(text: str, what: str) -> tuple[str, str]:
    """The JSON string at the start of ``text`` and what follows it."""
    try:
        value, end = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"source {what} is not a JSON string: {exc}") from None
    if not isinstance(value, str):
        raise FormatError(f"source {what} is not a JSON string")
    return value, text[end:].strip()


def modified_of(event: Event) -> str:
    """When the event was last revealed: the newest publication date among its sources."""
    return max((s.published for s in event.sources), default="")


def render_event(event: Event) -> str:
    meta: list[tuple[str, str]] = [
        ("Title", one_line(event.title)),
        ("Summary", escape_text(event.summary)),
        ("Date", parse_period(event.date).start.isoformat()),  # Pelican wants a full date
        ("Event_date", event.date),
        ("Slug", event.slug),
        ("Event_id", one_line(event.id)),
        ("Precision", event.precision),
        ("Status", event.status),
        ("End_date", event.end_date or ""),
        ("People", "; ".join(_name(p) for p in event.people)),
        ("Places", "; ".join(_name(p) for p in event.places)),
        ("Tags", ", ".join(_name(e).replace(",", " ") for e in (*event.people, *event.places))),
        ("Modified", modified_of(event)),
    ]
    meta += [("Source", render_source_line(s)) for s in event.sources]
    head = "\n".join(f"{k}: {v}" for k, v in meta if v != "")
    return f"{head}\n\n{escape_text(event.summary)}\n"


def _name(entity: Entity) -> str:
    return one_line(entity.name).replace(";", ",")


def parse_entry(text: str) -> tuple[dict[str, list[str]], str]:
    """Split an entry into metadata (key → values, keys lower-cased) and body.

    Lines end at newlines (CR LF and CR count as one), as Python-Markdown reads them for Pelican.
    """
    head, _, body = text.replace("\r\n", "\n").replace("\r", "\n").partition("\n\n")
    meta: dict[str, list[str]] = {}
    for line in head.split("\n") if head else ():
        key, sep, value = line.partition(":")
        if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", key.strip()):
            raise FormatError(f"not a metadata line: {line[:80]!r}")
        meta.setdefault(key.strip().lower(), []).append(value.strip())
    return meta, body


def parse_event(text: str) -> Event:
    meta, _body = parse_entry(text)

    def one(key: str, default: str | None = None) -> str:
        values = meta.get(key)
        if not values:
            if default is None:
                raise FormatError(f"missing metadata key {key!r}")
            return default
        return values[0]

    def entities(key: str, kind: str) -> tuple[Entity, ...]:
        names = [n.strip() for n in one(key, "").split(";") if n.strip()]
        return tuple(Entity(name=n, slug=slugify(n), kind=kind) for n in names)  # type: ignore[arg-type]

    date = one("event_date")
    try:
        precision_of(date)
    except PeriodError as exc:
        raise FormatError(str(exc)) from None
    return Event(
        id=one("event_id"),
        slug=one("slug"),
        date=date,
        precision=one("precision"),  # type: ignore[arg-type]
        title=one("title"),
        summary=unescape_text(one("summary", "")),
        status=one("status"),  # type: ignore[arg-type]
        people=entities("people", "person"),
        places=entities("places", "place"),
        sources=tuple(parse_source_line(v) for v in meta.get("source", [])),
        end_date=meta.get("end_date", [None])[0],
    )


def render_source(article: Article) -> str:
    """A source article's entry: its metadata only, never someone else's full text."""
    meta = [
        ("Title", one_line(article.title)),
        ("Date", article.published.isoformat()),
        ("Slug", article.slug),
        ("Url", safe_url(article.url) or ""),
        ("Publisher", one_line(article.publisher or "")),
        ("Dateline", one_line(article.dateline or "")),
        ("Template", "source"),
    ]
    return "\n".join(f"{k}: {v}" for k, v in meta if v) + "\n\n"


@dataclass(frozen=True)
class EntryParts:
    """An entry cut into the parts a person may edit separately (see the module docstring).

    Cutting never fails: a line that is not ``Key: value`` counts as a fact, so even a
    file broken by hand has parts that can be compared with what we last wrote.
    """

    text_head: tuple[str, ...]
    meta: tuple[str, ...]
    sources: tuple[str, ...]
    body: str

    @classmethod
    def of(cls, text: str) -> EntryParts:
        head, _, body = text.partition("\n\n")
        groups: dict[str, list[str]] = {part: [] for part in PARTS}
        for line in head.split("\n") if head else ():
            key = line.partition(":")[0].strip().lower()
            groups[_PART_OF_KEY.get(key, "meta")].append(line)
        return cls(tuple(groups["text"]), tuple(groups["meta"]), tuple(groups["sources"]), body)

    def texts(self) -> dict[str, str]:
        """Each part as one string, for checksums."""
        return {
            "text": "\n".join(self.text_head) + "\n\n" + self.body,
            "meta": "\n".join(self.meta),
            "sources": "\n".join(self.sources),
        }

    def take(self, other: EntryParts, parts: set[str]) -> EntryParts:
        """These parts, with the ones named in ``parts`` taken from ``other``."""
        text = other if "text" in parts else self
        return EntryParts(
            text_head=text.text_head,
            meta=(other if "meta" in parts else self).meta,
            sources=(other if "sources" in parts else self).sources,
            body=text.body,
        )

    def render(self) -> str:
        return "\n".join((*self.text_head, *self.meta, *self.sources)) + "\n\n" + self.body
