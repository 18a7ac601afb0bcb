"""How long one new article takes to reach the site, against a full build of it.

    .venv/bin/python bench/regenerate.py [--events N] [--keep DIR]

Invents a story of N events (default 10,000; ``bench/_story.py``: eight outlets, a recurring
cast, thirty places, ten years, every precision) and writes it as ingesting its articles
would have left it: entries and the store's bookkeeping, so that a real ingest merges into
the whole archive (no tagger runs, so the bench itself stays fast); builds the site in
full (``timeline.incremental.regenerate(full=True)``: Pelican, then the build record);
then writes one new templated article, ingests it for real (``timeline.ingest``) and
regenerates, as ``timeline regenerate`` does; then two more, regenerated as ``timeline
watch`` does, keeping the build record in memory for the next one.  An archive's entries
were written long before the build that follows them, while the bench writes them just
before: it waits, untimed, until they are older than the scan's racy window
(``inputs.RACY_NS``), or the first regeneration would have to read every entry again (as it
rightly does for entries that changed as the last build scanned them).

Prints the figures, and as its last line:

    events N: full build X s, one-article regenerate Y s, ratio Z

Both builds run in this process (no interpreter start-up in either figure).
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import _story

from timeline.incremental import Result, regenerate
from timeline.incremental.inputs import RACY_NS
from timeline.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "pelicanconf.py"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000, help="events in the story (default 10000)")
    parser.add_argument(
        "--keep", type=Path, help="build in this folder and keep it (default: a temporary one)"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    where = args.keep or Path(tempfile.mkdtemp(prefix="bench-regenerate-"))
    try:
        run(args.events, where)
    finally:
        if args.keep is None:
            shutil.rmtree(where, ignore_errors=True)
    return 0


def run(n: int, where: Path) -> None:
    content, output = where / "content", where / "output"
    overrides = {"PATH": str(content), "CACHE_PATH": str(where / "cache")}

    started = time.perf_counter()
    story = _story.invent(n)
    story.write(content)
    took = time.perf_counter() - started
    print(f"invented {len(story.events)} events from {len(story.sources)} templated articles; written "
          f"through the store (entries and bookkeeping) in {took:.1f} s")  # fmt: skip
    wait = RACY_NS / 1e9 + 0.1
    time.sleep(wait)
    print(
        f"waited {wait:.1f} s (untimed) so that the entries are older than a scan's racy window, "
        "as an archive's are"
    )

    full = regenerate(SETTINGS, output, overrides, full=True)
    record = full.seconds - full.pelican_seconds
    print(f"full build: {len(full.written)} files in {full.seconds:.2f} s "
          f"(Pelican's run {full.pelican_seconds:.2f} s, the build record {record:.2f} s)")  # fmt: skip

    published = max(a.published for a in story.sources) + timedelta(days=2)
    ingests = [_ingest(where, content, *_story.article_text(published))]
    one = _regenerate(overrides, output)
    shown = ", ".join(sorted(one.written)[:6])
    print(f"regenerate: {len(one.written)} files written ({shown}, …), {len(one.removed)} removed")
    print(f"against Pelican's run alone: ratio {one.seconds / full.pelican_seconds:.3f}")

    watched = []
    for day in (1, 2):
        text, name = _story.article_text(published + timedelta(days=day), seed=1 + day)
        ingests.append(_ingest(where, content, text, name))
        watched.append(_regenerate(overrides, output, keep=True).seconds)
    print(f"two more articles, regenerated keeping the build record for the next (as timeline watch "
          f"does): {watched[0]:.2f} s, then from the record kept {watched[1]:.2f} s")  # fmt: skip
    # The first ingest also loads and compiles the tagger: the later ones are what an article costs.
    print(f"one-article ingest (merge into the archive, entries written): {min(ingests[1:]):.2f} s; "
          f"ingest and regenerate together: {min(ingests[1:]) + one.seconds:.2f} s")  # fmt: skip
    print(f"events {n}: full build {full.seconds:.1f} s, "
          f"one-article regenerate {one.seconds:.2f} s, ratio {one.seconds / full.seconds:.3f}")  # fmt: skip


def _ingest(where: Path, content: Path, text: str, name: str) -> float:
    inbox = where / "inbox"
    inbox.mkdir(exist_ok=True)
    (inbox / name).write_text(text, encoding="utf-8")
    started = time.perf_counter()
    report = ingest([inbox / name], content)
    took = time.perf_counter() - started
    print(f"one new templated article, ingested for real (timeline.ingest): {name}")
    print(f"  {'; '.join(report.summary_lines())} in {took:.2f} s")
    return took


def _regenerate(overrides: dict[str, str], output: Path, keep: bool = False) -> Result:
    result = regenerate(SETTINGS, output, overrides, keep=keep)
    if result.full:
        sys.exit(f"the regeneration fell back to a full build: {result.reason}")
    return result


if __name__ == "__main__":
    sys.exit(main())
