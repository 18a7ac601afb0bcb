"""Our entries as the plugin reads them: an event or a source article from its file under content/.

Pelican's own metadata parsing is lossy for us (a repeated ``Source`` key is a string or a
list depending on the count, ``Summary`` comes back as HTML), so the plugin reads each
entry's file with ``markdown_format``, the same parser the store uses, and sees exactly
what ``timeline ingest`` wrote.  Without Pelican these functions also serve whoever
re-renders pages outside a full build.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..markdown_format import FormatError, parse_entry, parse_event
from ..model import STATUSES, Article, Event
from ..periods import PeriodError, parse

SOURCE_TEMPLATE = "source"


class EntryError(ValueError):
    """An entry the site cannot show; str() is 'path: reason'."""

    def __init__(self, path: str | Path, reason: object) -> None:
        super().__init__(f"{path}: {reason}")


def read_event(path: str | Path) -> Event:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise EntryError(path, exc) from None
    return event_from_text(text, path)


def event_from_text(text: str, path: str | Path) -> Event:
    """The event of an entry's text, read from ``path``: for a caller that has the text already."""
    try:
        event = parse_event(text)
        for value in filter(None, (event.date, event.end_date)):
            parse(value)
    except (FormatError, PeriodError) as exc:
        raise EntryError(path, exc) from None
    if event.status not in STATUSES:
        raise EntryError(path, f"unknown status {event.status!r} (not in {', '.join(STATUSES)})")
    return event


def read_source(path: str | Path) -> Article:
    """A source article's entry: metadata only, so the Article's text is empty."""
    try:
        meta, _body = parse_entry(Path(path).read_text(encoding="utf-8"))
        published = date.fromisoformat(_one(meta, "date")[:10])
        return Article(
            path=str(path),
            text="",
            published=published,
            title=_one(meta, "title"),
            slug=_one(meta, "slug"),
            url=_one(meta, "url", ""),
            publisher=_one(meta, "publisher", ""),
            dateline=_one(meta, "dateline", ""),
        )
    except (OSError, FormatError, ValueError) as exc:
        raise EntryError(path, exc) from None


def read_content(content: Path) -> tuple[list[Event], list[Article]]:
    """Every event and source entry under a content folder, as the site shows them."""
    events = [read_event(p) for p in sorted((content / "events").glob("*.md"))]
    sources = [read_source(p) for p in sorted((content / "sources").glob("*.md"))]
    return events, sources


def _one(meta: dict[str, list[str]], key: str, default: str | None = None) -> str:
    values = meta.get(key)
    if values:
        return values[0]
    if default is None:
        raise FormatError(f"missing metadata key {key!r}")
    return default
