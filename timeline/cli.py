"""The ``timeline`` command: a thin shell over the pipeline modules.

Exit codes are part of the contract: 0 all went well, 1 some input was refused (each
refusal is one line on stderr naming the file and the reason), 2 usage error, 141 the
reader of the output closed the pipe early.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .markdown_format import one_line
from .model import SCHEMA_VERSION, Article, Event

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE

log = logging.getLogger("timeline")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 already; keep the one-line form
        self.exit(EXIT_USAGE, f"timeline: error: {_escaped(message)}\n")


def _escaped(text: str) -> str:
    """``text`` with its line breaks and other unprintable characters written as Python writes them
    in a string (a file may be called "a\\nb"): what we print about it stays on one line."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="timeline", description="News articles in, a linked static timeline site out.")
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    verbosity = parser.add_mutually_exclusive_group()
    verbosity.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    verbosity.add_argument("-v", "--verbose", action="store_true", help="print what each step does")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("extract", help="print the events found in articles; writes nothing")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--published", help="publication date (YYYY-MM-DD or ISO date-time with offset)")
    p.add_argument("--json", action="store_true", help="print the event schema as JSON")

    p = sub.add_parser("timex", help="print the temporal expressions found in an article")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--published", help="reference date (YYYY-MM-DD or ISO date-time with offset)")
    p.add_argument("--json", action="store_true", help="print TIMEX3-style JSON objects")

    p = sub.add_parser("ingest", help="merge articles into the Markdown entries under content/")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE|DIR")
    p.add_argument("--published", help="publication date for every FILE given")
    p.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    p.add_argument("--restore", action="store_true", help="bring back events deleted by hand")

    p = sub.add_parser("events", help="list the merged timeline as it stands in content/")
    p.add_argument("--content", type=Path, default=Path("content"), help="content folder (default: content)")
    p.add_argument("--json", action="store_true", help="print the event schema as JSON")

    p = sub.add_parser("build", help="build the site into output/, rebuilding only what changed")
    p.add_argument("--settings", type=Path, default=Path("pelicanconf.py"), help="Pelican settings file")
    p.add_argument("--output", type=Path, default=Path("output"), help="output folder (default: output)")
    p.add_argument("--full", action="store_true", help="rebuild everything with Pelican")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "published", None):
        from .sources import parse_published

        try:
            parse_published(args.published)
        except ValueError as exc:
            parser.error(f"--published: {exc}")
    level = logging.ERROR if args.quiet else logging.DEBUG if args.verbose else logging.INFO
    logging.basicConfig(level=level, format="%(message)s", stream=sys.stderr)
    # Pelican reports every file it writes at INFO: only with --verbose.
    logging.getLogger("pelican").setLevel(level if args.verbose or args.quiet else logging.WARNING)
    # trafilatura warns "discarding data: None" when a page has no story: we say it ourselves.
    logging.getLogger("trafilatura").setLevel(level if args.verbose else logging.ERROR)
    command = {
        "extract": _extract,
        "timex": _timex,
        "ingest": _ingest,
        "events": _events,
        "build": _build,
    }[args.command]
    try:
        return command(args)
    except BrokenPipeError:
        # The reader went away (`timeline extract … | head`): stop quietly, as a killed pipe
        # writer would, and keep Python from complaining again when it flushes at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE


def _refuse(path: object, reason: object) -> None:
    """One line on stderr, whatever the file is called."""
    print(f"timeline: {_escaped(str(path))}: {_escaped(one_line(str(reason)))}", file=sys.stderr)


def _read_all(files: Sequence[Path], published: str | None) -> tuple[list[Article], int]:
    """The articles that can be read (folders expanded), and how many were refused."""
    from .sources import SourceError, find_articles, read_article

    articles, refused = [], 0
    paths: list[Path] = []
    for given in files:
        try:
            paths += find_articles([given])
        except SourceError as exc:
            _refuse(exc.path, exc.reason)
            refused += 1
    for path in paths:
        try:
            articles.append(read_article(path, published=published))
        except SourceError as exc:
            _refuse(exc.path, exc.reason)
            refused += 1
    return articles, refused


def _extract(args: argparse.Namespace) -> int:
    from .events import extract_events

    articles, refused = _read_all(args.files, args.published)
    events = [event for article in articles for event in extract_events(article)]
    if args.json:
        print(json.dumps([e.to_json() for e in events], ensure_ascii=False, indent=2))
    else:
        _print_events(events)
    return EXIT_REFUSED if refused else EXIT_OK


def _timex(args: argparse.Namespace) -> int:
    from .temporal import tag

    articles, refused = _read_all(args.files, args.published)
    found = [(article, tag(article.text, article.reference)) for article in articles]
    if args.json:
        if len(args.files) == 1 and len(found) <= 1:
            payload: list = [t.to_json() for t in found[0][1]] if found else []
        else:
            payload = [{"file": a.path, "timexes": [t.to_json() for t in ts]} for a, ts in found]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for article, timexes in found:
            for t in timexes:
                mod = f" mod={t.mod}" if t.mod else ""
                print(f"{article.path}:{t.start}-{t.end}\t{t.type}\t{t.value}{mod}\t{t.text}")
    return EXIT_REFUSED if refused else EXIT_OK


def _ingest(args: argparse.Namespace) -> int:
    from .ingest import ingest
    from .journal import JournalError
    from .store import StoreError

    try:
        report = ingest(args.files, args.content, published=args.published, restore=args.restore)
    except (StoreError, JournalError) as exc:
        _refuse(args.content, exc)
        return EXIT_REFUSED
    for path, reason in report.refused:
        _refuse(path, reason)
    for line in report.summary_lines():
        log.info(line)
    return EXIT_OK if report.ok else EXIT_REFUSED


def _events(args: argparse.Namespace) -> int:
    from .journal import JournalError
    from .store import StoreError, read_events

    if not args.content.is_dir():
        _refuse(args.content, "no such content folder")
        return EXIT_REFUSED
    try:
        events, unreadable = read_events(args.content)
    except (StoreError, JournalError) as exc:
        _refuse(args.content, exc)
        return EXIT_REFUSED
    for path, reason in unreadable:
        _refuse(path, reason)
    if args.json:
        print(json.dumps([e.to_json() for e in events], ensure_ascii=False, indent=2))
    else:
        _print_events(events)
    return EXIT_REFUSED if unreadable else EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from .incremental import regenerate
    from .pelican_plugin.content import EntryError

    try:
        # Pelican prints its summary itself; --quiet means errors only.
        with contextlib.redirect_stdout(io.StringIO()) if args.quiet else contextlib.nullcontext():
            result = regenerate(args.settings, args.output, full=args.full)
    except EntryError as exc:  # a hand edit broke an entry: its message names the file
        print(f"timeline: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except BrokenPipeError:
        raise  # an OSError too, but the reader's doing: ``main`` ends quietly
    except (OSError, RuntimeError) as exc:
        _refuse(args.settings, exc)
        return EXIT_REFUSED
    log.info(result.summary())
    return EXIT_OK


def _print_events(events: Sequence[Event]) -> None:
    from .periods import human

    for e in events:
        who = ", ".join(p.name for p in (*e.people, *e.places))
        print(f"{human(e.date):>24}  [{e.status}] {e.title}" + (f"  ({who})" if who else ""))
        for s in e.sources:
            print(f"{'':>26}- {s.article}: {s.sentence}")


__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_OK",
    "EXIT_REFUSED",
    "EXIT_USAGE",
    "SCHEMA_VERSION",
    "build_parser",
    "main",
]
