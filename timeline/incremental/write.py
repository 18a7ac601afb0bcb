"""Writing some of a build's outputs without Pelican's run, byte for byte as the run writes them.

Pages go through ``render.write_standalone`` (the theme's templates, Pelican's writer),
data exports through ``journal.write_atomic``, Pelican's feeds through ``feeds``.  Removing an
output also removes the folders it leaves empty: a full build into an empty folder would
not have made them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ..journal import write_atomic
from ..pelican_plugin.render import write_standalone
from . import feeds
from .documents import Parts
from .outputs import Output


def write(
    outputs: Mapping[str, Output],
    paths: Sequence[str],
    settings: Mapping[str, Any],
    output_dir: Path,
    parts: Parts,
    items: feeds.Items,
    events: feeds.Events,
) -> None:
    """Write the outputs at ``paths``, with the last build's parts (``documents``) and the kept
    feed items.

    The data files are made here and written (and synced) by a thread of their own while the
    pages and feeds render: the whole-timeline files are tens of megabytes at ten thousand
    events, and the disk would otherwise be waited on alone."""
    chosen = [outputs[p] for p in paths]
    unmade = next((p for p, o in zip(paths, chosen, strict=True) if not (o.page or o.text or o.feed)), None)
    if unmade:
        raise ValueError(f"{unmade}: no recipe (an output the plan kept from the last build)")
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="timeline-write") as disk:
        written = [
            disk.submit(write_atomic, output_dir / path, output.text(parts))
            for path, output in zip(paths, chosen, strict=True)
            if output.text
        ]
        write_standalone([o.page for o in chosen if o.page], settings, output_dir)
        feeds.write_feeds([o.feed for o in chosen if o.feed], events, items, output_dir)
        for done in written:
            done.result()  # raises what the write raised


def remove(paths: Iterable[str], output_dir: Path) -> None:
    for rel in paths:
        path = output_dir / rel
        path.unlink(missing_ok=True)
        for folder in path.parents:
            if folder == output_dir or not folder.is_relative_to(output_dir) or any(folder.iterdir()):
                break
            folder.rmdir()
