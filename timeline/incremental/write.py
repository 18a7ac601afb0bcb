"""Writing some of a build's outputs without Pelican's run, byte for byte as the run writes them.

Pages go through ``render.write_standalone`` (the theme's templates, Pelican's writer);
data exports through ``write_atomic``; Pelican's own feed through Pelican's writer, from
its newest articles read by Pelican's readers and given the plain-text title and summary
the plugin gives them.  Removing an output also removes the folders it leaves empty, as
a full build into an empty folder would not have made them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from pelican.contents import Article
from pelican.readers import Readers
from pelican.writers import Writer

from ..pelican_plugin.exports import write_atomic
from ..pelican_plugin.pages import _as_text as as_plain_text
from ..pelican_plugin.render import write_standalone
from .documents import Parts
from .inputs import EventEntry
from .outputs import FeedSpec, Output


def write(
    outputs: Mapping[str, Output],
    paths: Iterable[str],
    settings: Mapping[str, Any],
    output_dir: Path,
    events: Mapping[str, EventEntry],
    parts: Parts,
) -> None:
    """Write the outputs at ``paths``; ``events`` (entry path → entry) feed Pelican's feeds."""
    chosen = [outputs[p] for p in paths]
    write_standalone([o.page for o in chosen if o.page], settings, output_dir)
    for path, output in zip(paths, chosen, strict=True):
        if output.text:
            write_atomic(output_dir / path, output.text(parts))
    feeds = [o.feed for o in chosen if o.feed]
    if feeds:
        write_feeds(feeds, settings, output_dir, events)


def write_feeds(
    feeds: list[FeedSpec], settings: Mapping[str, Any], output_dir: Path, events: Mapping[str, EventEntry]
) -> None:
    """Pelican's feeds, as ``ArticlesGenerator.generate_feeds`` writes them."""
    context = dict(settings)
    readers = Readers(settings)
    writer = Writer(str(output_dir), settings=settings)
    read: dict[str, Article] = {}
    for feed in feeds:
        for rel in feed.items:
            if rel not in read:
                read[rel] = _feed_item(readers, settings, context, rel, events[rel])
        writer.write_feed(
            [read[rel] for rel in feed.items], context, feed.path, feed.url, feed_type=feed.kind
        )


def _feed_item(
    readers: Readers, settings: Mapping[str, Any], context: dict, rel: str, entry: EventEntry
) -> Article:
    article = readers.read_file(base_path=settings["PATH"], path=rel, content_class=Article, context=context)
    as_plain_text(article, entry.event.title, entry.event.summary)
    article.refresh_metadata_intersite_links()
    return article


def remove(paths: Iterable[str], output_dir: Path) -> None:
    for rel in paths:
        path = output_dir / rel
        path.unlink(missing_ok=True)
        for folder in path.parents:
            if folder == output_dir or not folder.is_relative_to(output_dir) or any(folder.iterdir()):
                break
            folder.rmdir()
