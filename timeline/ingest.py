"""``timeline ingest``: read articles, extract their events, merge them into ``content/``.

One batch is one transaction (see ``store.update`` and ``journal``): every article that
can be read is merged, every one that cannot (unreadable, empty, without a date) is
reported with its reason and skipped, and ``content/`` changes all at once or not at all.
An article ingested before (same URL or same slug) replaces its earlier version: its
sentences are replaced, not added, and it keeps the slug it was first given.

The report counts events: *new* ones, existing ones that new articles *merged* into, and
existing ones otherwise *updated* (a corrected article changed or withdrew their sources).
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from . import store
from .events import extract_events
from .merge import distinct_ids
from .model import Article, Event, Report
from .slugs import is_slug, slugify
from .sources import SourceError, find_articles, read_article

log = logging.getLogger(__name__)


def ingest(
    paths: Sequence[Path], content_dir: Path, published: str | None = None, restore: bool = False
) -> Report:
    """Merge the articles at ``paths`` (files or folders) into the entries under ``content_dir``."""
    report = Report()
    files = _expand(paths, report)
    with store.opened(content_dir) as state:
        batch = _read_batch(files, published, state, report)
        if not batch and not restore:
            return report  # nothing read: content/ stays as it was, byte for byte
        plan, decisions = store.update(content_dir, state, batch, restore=restore)
    suppressed = plan.state.suppressed
    for d in decisions:
        log.debug("%s %s: %s", d.kind, d.slug, d.detail)
        if f"{store.EVENTS_DIR}/{d.slug}.md" in suppressed:
            continue
        counter = f"events_{d.kind}"  # new | merged | updated | removed
        setattr(report, counter, getattr(report, counter) + 1)
    report.kept_hand_edited = plan.kept
    report.conflicts = plan.conflicts
    return report


def _expand(paths: Sequence[Path], report: Report) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        try:
            found = find_articles([path])
        except SourceError as exc:
            report.refused.append((str(path), exc.reason))
            continue
        if not found:
            report.refused.append((str(path), "no articles found"))
        files += found
    return files


def _read_batch(
    files: Sequence[Path], published: str | None, state: store.State, report: Report
) -> dict[str, store.ArticleRecord]:
    """Each readable article under the slug it is known by, with the events taken from it.

    A later file of the batch that is the same article (same URL or slug) replaces an
    earlier one, as a later ingest would.
    """
    batch: dict[str, store.ArticleRecord] = {}
    progress = Progress(len(files))
    for n, path in enumerate(files, 1):
        progress.show(n - 1, path.name)
        try:
            article = read_article(path, published=published)
        except SourceError as exc:
            report.refused.append((str(path), exc.reason))
            continue
        if not article.text.strip():
            report.refused.append((str(path), "empty article: no text to read"))
            continue
        report.articles_read += 1
        article = replace(article, slug=_slug_for(article, state, batch))
        reports = distinct_ids([_cited_as(r, article.slug) for r in extract_events(article)])
        if not reports:
            log.debug("%s: no dated events found", path)
        batch.pop(article.slug, None)
        batch[article.slug] = store.ArticleRecord(replace(article, text="", path=""), tuple(reports))
    progress.show(len(files), "")
    progress.close()
    return batch


def _slug_for(article: Article, state: store.State, batch: dict[str, store.ArticleRecord]) -> str:
    """The slug the article had when first ingested (a correction keeps its page), else its own."""
    known = store.known_slug(state, article)
    if known:
        return known
    for slug, record in batch.items():
        if slug == article.slug or (article.url and record.article.url == article.url):
            return slug
    return article.slug if is_slug(article.slug) else slugify(article.title)


def _cited_as(report: Event, slug: str) -> Event:
    """A report whose sources name the article by its (kept) slug."""
    if all(s.article == slug for s in report.sources):
        return report
    return replace(report, sources=tuple(replace(s, article=slug) for s in report.sources))


class Progress:
    """A one-line progress bar on stderr, drawn only for batches and only on a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.enabled = total > 1 and self.stream.isatty()
        self.width = 0

    def show(self, done: int, label: str) -> None:
        if not self.enabled:
            return
        columns = _columns(self.stream)
        bar_width = max(10, min(40, columns - 40))
        filled = bar_width * done // self.total
        line = f"[{'#' * filled}{'.' * (bar_width - filled)}] {done}/{self.total} {label}"
        line = line[: columns - 1]
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def _columns(stream: TextIO) -> int:
    """The width of the terminal the bar is drawn on (stdout may well be a pipe)."""
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError):
        columns = 0
    return columns or shutil.get_terminal_size().columns  # a new pseudo-terminal says 0
