"""The plain dataclasses that flow through the pipeline, and the event schema.

sources → temporal → events → merge → store → Pelican plugin/theme all speak these
types.  ``Event.to_json`` is the one serialisation of an event: ``timeline extract``,
``timeline events`` and the site's ``timeline.json`` all use it, so a field is
added here once and never renamed (see ``SCHEMA_VERSION`` and the README).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, Literal

SCHEMA_VERSION = 1

Precision = Literal["day", "week", "month", "quarter", "season", "year", "decade"]
Status = Literal["happened", "planned"]
EntityKind = Literal["person", "place"]

PRECISIONS: tuple[str, ...] = ("day", "week", "month", "quarter", "season", "year", "decade")
STATUSES: tuple[str, ...] = ("happened", "planned")


@dataclass(frozen=True)
class Article:
    """One source article as read from disk; offsets everywhere refer to ``text``."""

    path: str
    text: str
    published: date  # the publication's local date as written: the reference day
    title: str
    slug: str
    url: str | None = None
    publisher: str | None = None
    dateline: str | None = None
    published_at: str | None = None  # the date-time as given (ISO 8601, maybe with offset)

    @property
    def reference(self) -> date | datetime:
        """What relative expressions count from: the publication day, with its local wall-clock
        time when the article gives one on that day ("Polls closed at 7:30 p.m." in a story
        published at 06:10 was the evening before).  Midnight is taken for "no time given"."""
        try:
            moment = datetime.fromisoformat(self.published_at or "")
        except ValueError:
            return self.published
        if moment.date() != self.published or moment.time() == time(0):
            return self.published
        return moment.replace(tzinfo=None)

    def metadata_json(self) -> dict[str, Any]:
        """Everything but the text and path: what the store keeps of someone else's article."""
        return {
            "slug": self.slug,
            "title": self.title,
            "published": self.published.isoformat(),
            "published_at": self.published_at,
            "url": self.url,
            "publisher": self.publisher,
            "dateline": self.dateline,
        }

    @classmethod
    def from_metadata_json(cls, data: dict[str, Any]) -> Article:
        """An article known by its metadata only (``text`` and ``path`` empty)."""
        return cls(
            path="",
            text="",
            published=date.fromisoformat(data["published"]),
            title=data["title"],
            slug=data["slug"],
            url=data.get("url"),
            publisher=data.get("publisher"),
            dateline=data.get("dateline"),
            published_at=data.get("published_at"),
        )


@dataclass(frozen=True)
class Timex:
    """A TIMEX3-style temporal expression found in an article's text."""

    start: int  # character offset into Article.text
    end: int  # exclusive
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value: 2025-05-16, 2025-W20, P3Y, XXXX-WXX-1, PRESENT_REF …
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, MORE_THAN, LESS_THAN …
    anchor: str | None = None  # the reference the value was resolved against, if any

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "anchor": self.anchor,
        }


@dataclass(frozen=True)
class Entity:
    """A person or place, named by the longest form the sources use."""

    name: str
    slug: str
    kind: EntityKind

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "slug": self.slug, "kind": self.kind}


@dataclass(frozen=True)
class Source:
    """One supporting sentence: which article said it, and the words exactly as written."""

    article: str  # the source article's slug
    published: str  # ISO date of the source article
    url: str | None
    sentence: str  # exact substring of the article text
    expression: str | None = None  # the temporal expression that dated the event, if any

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "published": self.published,
            "url": self.url,
            "sentence": self.sentence,
            "expression": self.expression,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Source:
        return cls(
            article=data["article"],
            published=data["published"],
            url=data.get("url"),
            sentence=data["sentence"],
            expression=data.get("expression"),
        )


@dataclass(frozen=True)
class Event:
    """A dated event of the story.

    ``date`` is ISO 8601 at its precision (``2025-05-16``, ``2025-W20``, ``2022-02``,
    ``2025-Q2``, ``2025-SU``, ``2024``, ``199`` for the 1990s).  ``id`` and ``slug`` are
    derived from the event when it is first written and never change afterwards.
    """

    id: str
    slug: str
    date: str
    precision: Precision
    title: str
    summary: str
    status: Status
    people: tuple[Entity, ...] = ()
    places: tuple[Entity, ...] = ()
    sources: tuple[Source, ...] = ()
    end_date: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "slug": self.slug,
            "date": self.date,
            "precision": self.precision,
            "end_date": self.end_date,
            "title": self.title,
            "summary": self.summary,
            "status": self.status,
            "people": [p.name for p in self.people],
            "places": [p.name for p in self.places],
            "entities": [e.to_json() for e in (*self.people, *self.places)],
            "sources": [s.to_json() for s in self.sources],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        entities = [Entity(e["name"], e["slug"], e["kind"]) for e in data.get("entities", [])]
        return cls(
            id=data["id"],
            slug=data["slug"],
            date=data["date"],
            precision=data["precision"],
            title=data["title"],
            summary=data["summary"],
            status=data["status"],
            people=tuple(e for e in entities if e.kind == "person"),
            places=tuple(e for e in entities if e.kind == "place"),
            sources=tuple(Source.from_json(s) for s in data.get("sources", [])),
            end_date=data.get("end_date"),
        )


@dataclass
class Report:
    """What a batch did, for the end-of-run summary and the exit code."""

    articles_read: int = 0
    events_new: int = 0
    events_merged: int = 0
    events_updated: int = 0
    events_removed: int = 0  # a corrected article no longer reports them
    kept_hand_edited: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)

    @property
    def ok(self) -> bool:
        return not self.refused

    def summary_lines(self) -> list[str]:
        lines = [
            f"articles read: {self.articles_read}; events new: {self.events_new}, "
            f"merged: {self.events_merged}, updated: {self.events_updated}, removed: {self.events_removed}"
        ]
        lines += [f"kept (edited by hand): {name}" for name in self.kept_hand_edited]
        lines += [f"conflict: {text}" for text in self.conflicts]
        lines += [f"refused: {len(self.refused)} file(s)"] if self.refused else []
        return lines
