"""Watch an inbox folder: each article dropped into it is ingested and the site regenerated.

One log line per article: ``ingested NAME: 2 new, 1 merged, 0 updated; site: 14 files
rewritten, 0 removed; in 1.9 s`` or ``refused NAME: reason``.  A processed article moves to
``inbox/ingested/`` (or ``inbox/refused/``), so the inbox shows what is still to come and
a restart does not ingest the same article again; one that failed for a reason of ours
(``failed NAME: …``) stays, to be tried again.  Ctrl-C or SIGTERM stops the watcher between
two steps of its loop; an ingest it interrupts is finished or rolled back by the next run
(``journal``), a regeneration by the next regeneration (``incremental.record``).

A file is taken only once it is *stable*: not empty, and with the same size and
modification time for ``settle`` seconds, so an article still being written (copied over
a network, saved by a browser) is never read half-way.  The watching (``watchdog``) only
tells which files to look at; ``Watcher.step`` decides, on a clock it is given, which are
ready, so the logic is tested without waiting on real time.
"""

from __future__ import annotations

import logging
import os
import queue
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .incremental import Result
from .ingest import ingest
from .sources import KINDS

INGESTED, REFUSED = "ingested", "refused"
SETTLE_SECONDS = 1.0
POLL_SECONDS = 0.2

log = logging.getLogger(__name__)


@dataclass
class _Seen:
    signature: tuple[int, int]  # size, mtime in ns
    since: float  # when it last changed, on the watcher's clock


class Watcher:
    """Which inbox files are ready, and what to do with each: ingest, regenerate, file away."""

    def __init__(
        self,
        inbox: Path,
        content: Path,
        regenerate: Callable[[], Result],
        settle: float = SETTLE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.inbox = inbox.absolute()
        self.content = content
        self.regenerate = regenerate
        self.settle = settle
        self.clock = clock
        self.seen: dict[Path, _Seen] = {}

    def is_article(self, path: Path) -> bool:
        """A file directly in the inbox, not hidden, of a kind ``timeline ingest`` reads."""
        return path.parent == self.inbox and not path.name.startswith(".") and path.suffix.lower() in KINDS

    def notice(self, path: Path) -> None:
        """Something happened to ``path``: look at it from now on."""
        path = Path(os.path.abspath(path))
        if self.is_article(path) and path not in self.seen:
            self.seen[path] = _Seen((-1, -1), self.clock())

    def step(self) -> list[str]:
        """Process every file that has been stable for ``settle`` seconds; their log lines."""
        now = self.clock()
        ready = []
        for path, seen in list(self.seen.items()):
            signature = _signature(path)
            if signature is None:  # gone (moved away, deleted)
                del self.seen[path]
            elif signature != seen.signature or signature[0] == 0:
                self.seen[path] = _Seen(signature, now)
            elif now - seen.since >= self.settle:
                ready.append(path)
        lines = []
        for path in sorted(ready):
            del self.seen[path]
            lines.append(self.process(path))
        return lines

    def process(self, path: Path) -> str:
        """Ingest one article and regenerate the site; the line that says what happened."""
        started = time.perf_counter()
        try:
            report = ingest([path], self.content)
        except Exception as exc:  # not the article's fault: it stays, to be tried again on restart
            log.debug("ingesting %s failed", path, exc_info=True)
            return f"failed {path.name}: {exc} (left in the inbox)"
        if report.refused:
            self._file_away(path, REFUSED)
            return f"refused {path.name}: {'; '.join(reason for _, reason in report.refused)}"
        self._file_away(path, INGESTED)
        said = f"{report.events_new} new, {report.events_merged} merged, {report.events_updated} updated"
        if report.kept_hand_edited:
            said += f", {len(report.kept_hand_edited)} kept as edited by hand"
        try:
            site = _site_said(self.regenerate())
        except Exception as exc:  # a failed build is reported; the next article tries again
            site = f"not rebuilt ({exc})"
        return f"ingested {path.name}: {said}; site: {site}; in {time.perf_counter() - started:.2f} s"

    def _file_away(self, path: Path, folder: str) -> None:
        target = self.inbox / folder / path.name
        target.parent.mkdir(exist_ok=True)
        n = 1
        while target.exists():
            n += 1
            target = target.with_name(f"{path.stem}-{n}{path.suffix}")
        shutil.move(path, target)


def _site_said(result: Result) -> str:
    if result.full:
        return f"full build ({result.reason}), {len(result.written)} files"
    return f"{len(result.written)} files rewritten, {len(result.removed)} removed"


def _signature(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_size, stat.st_mtime_ns


class _Handler(FileSystemEventHandler):
    """Hands the paths of watchdog's events to the watching loop."""

    def __init__(self, paths: queue.SimpleQueue[Path]) -> None:
        self.paths = paths

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            for path in (event.src_path, getattr(event, "dest_path", "")):
                if path:
                    self.paths.put(Path(os.fsdecode(path)))


def watch(watcher: Watcher, stop: threading.Event | None = None, poll: float = POLL_SECONDS) -> None:
    """Bring the site up to date, then watch until ``stop`` is set or Ctrl-C; files already in
    the inbox are taken first."""
    stop = stop or threading.Event()
    for folder in (watcher.inbox, watcher.content):
        folder.mkdir(parents=True, exist_ok=True)
    paths: queue.SimpleQueue[Path] = queue.SimpleQueue()
    observer = Observer()
    observer.schedule(_Handler(paths), str(watcher.inbox), recursive=False)
    observer.start()
    previous = _stop_on_sigterm(stop)
    try:
        log.info("site: %s", watcher.regenerate().summary())
        log.info("watching %s for articles (Ctrl-C to stop)", watcher.inbox)
        _notice(watcher, sorted(watcher.inbox.iterdir()))
        while not stop.wait(poll):
            _notice(watcher, _drain(paths))
            for line in watcher.step():
                log.info("%s", line)
    except KeyboardInterrupt:
        pass
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        observer.stop()
        observer.join()
    log.info("stopped watching %s", watcher.inbox)


def _stop_on_sigterm(stop: threading.Event) -> signal.Handlers | Callable | int | None:
    """Let SIGTERM stop the loop as Ctrl-C does (signals can only be handled on the main thread)."""
    if threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, lambda _signum, _frame: stop.set())


def _notice(watcher: Watcher, paths: Iterable[Path]) -> None:
    for path in paths:
        watcher.notice(path)


def _drain(paths: queue.SimpleQueue[Path]) -> list[Path]:
    found = []
    while True:
        try:
            found.append(paths.get_nowait())
        except queue.Empty:
            return found
