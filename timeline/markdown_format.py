"""The Markdown entry format: an Event or an Article ↔ the text of a file under ``content/``.

This is the store's on-disk contract, kept apart from the file handling in ``store``
so that the Pelican plugin parses exactly what the writer wrote.  Every metadata value
is one line, every key comes from ``EVENT_KEYS``/``SOURCE_KEYS``, and all text we did
not write ourselves is escaped, so nothing in an article can become markup, a link or
a Pelican setting such as ``save_as`` or ``template``.

An event entry::

    Title: Putin and Trump speak for two hours
    Date: 2025-05-19
    Event_date: 2025-05-19
    Slug: 2025-05-19-putin-and-trump-speak-for-two-hours
    Event_id: 5d0c7d3ad1f2
    Precision: day
    Status: happened
    People: Vladimir Putin; Donald Trump
    Places: Ukraine
    Tags: Vladimir Putin, Donald Trump, Ukraine
    Summary: Putin doubled down on …
    Source: nypost-2025-05-19-… | 2025-05-19 | https://… | "Russian President …"

    Putin doubled down on …
"""

from __future__ import annotations

import html
import json
import re
from .model import Article, Entity, Event, Source
from .periods import parse as parse_period
from .slugs import slugify

EVENT_KEYS = (
    "title", "date", "event_date", "slug", "event_id", "precision", "end_date", "status",
    "people", "places", "tags", "summary", "source", "category", "template",
)  # fmt: skip
SOURCE_KEYS = ("title", "date", "slug", "url", "publisher", "dateline", "template", "status")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|~])")
_WS = re.compile(r"\s+")


class FormatError(ValueError):
    """An entry whose text does not follow the format."""


def one_line(value: str) -> str:
    """Collapse all white space (newlines included) to single spaces."""
    return _WS.sub(" ", value).strip()


def escape_text(value: str) -> str:
    """Plain text → Markdown that renders as that text and nothing else (no HTML, no links)."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(one_line(value), quote=False))


def render_source_line(source: Source) -> str:
    sentence = json.dumps(source.sentence, ensure_ascii=False)  # exact, newlines escaped
    return f"{source.article} | {source.published} | {source.url or '-'} | {sentence}"


def parse_source_line(line: str) -> Source:
    """Inverse of ``render_source_line``; the sentence is a JSON string so it may hold anything."""
    parts = line.split(" | ", 3)
    if len(parts) != 4:
        raise FormatError(f"source line needs 'slug | date | url | \"sentence\"': {line[:80]!r}")
    article, published, url, sentence = (p.strip() for p in parts)
    try:
        text = json.loads(sentence)
    except json.JSONDecodeError as exc:
        raise FormatError(f"source sentence is not a JSON string: {exc}") from None
    if not isinstance(text, str):
        raise FormatError("source sentence is not a JSON string")
    return Source(article=article, published=published, url=None if url == "-" else url, sentence=text)


def render_event(event: Event) -> str:
    meta: list[tuple[str, str]] = [
        ("Title", one_line(event.title)),
        ("Date", parse_period(event.date).start.isoformat()),  # Pelican wants a full date
        ("Event_date", event.date),
        ("Slug", event.slug),
        ("Event_id", event.id),
        ("Precision", event.precision),
        ("Status", event.status),
    ]
    if event.end_date:
        meta.append(("End_date", event.end_date))
    meta += [
        ("People", "; ".join(one_line(p.name) for p in event.people)),
        ("Places", "; ".join(one_line(p.name) for p in event.places)),
        ("Tags", ", ".join(one_line(e.name).replace(",", " ") for e in (*event.people, *event.places))),
        ("Summary", escape_text(event.summary)),
    ]
    meta += [("Source", render_source_line(s)) for s in event.sources]
    head = "\n".join(f"{k}: {v}" for k, v in meta if v != "")
    return f"{head}\n\n{escape_text(event.summary)}\n"


def parse_entry(text: str) -> tuple[dict[str, list[str]], str]:
    """Split an entry into metadata (key → values, keys lower-cased) and body."""
    head, _, body = text.partition("\n\n")
    meta: dict[str, list[str]] = {}
    for line in head.splitlines():
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

    return Event(
        id=one("event_id"),
        slug=one("slug"),
        date=one("event_date"),
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
        ("Url", one_line(article.url or "")),
        ("Publisher", one_line(article.publisher or "")),
        ("Dateline", one_line(article.dateline or "")),
        ("Template", "source"),
    ]
    return "\n".join(f"{k}: {v}" for k, v in meta if v) + "\n\n"


def unescape_text(value: str) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", value))
