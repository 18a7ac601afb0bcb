"""``invoke watch`` (issue 4, "Fast"): each article dropped into the inbox is ingested once it is
completely written, the site is regenerated, and one line says what happened."""

from __future__ import annotations

import logging
import os
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from timeline.incremental import Result, regenerate
from timeline.store import load_events
from timeline.watch import INGESTED, REFUSED, Watcher, watch

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "pelicanconf.py"
STORY = Path(__file__).resolve().parent / "fixtures" / "story"
EXCHANGE = STORY / "2025-05-23-northern-courier-prisoner-exchange.md"
MEMORANDUM = STORY / "2025-05-21-harbor-times-kremlin-memorandum.md"


class Clock:
    """The watcher's clock, moved by hand: no test waits on real time to see a file settle."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Project:
    def __init__(self, root: Path) -> None:
        self.inbox = root / "inbox"
        self.content = root / "content"
        self.output = root / "output"
        self.overrides = {"PATH": str(self.content), "CACHE_PATH": str(root / "cache")}
        self.builds: list[Result] = []
        self.inbox.mkdir()

    def regenerate(self) -> Result:
        result = regenerate(SETTINGS, self.output, self.overrides)
        self.builds.append(result)
        return result

    def watcher(self, clock: Clock | None = None, settle: float = 1.0) -> Watcher:
        return Watcher(
            self.inbox, self.content, self.regenerate, settle=settle, clock=clock or time.monotonic
        )


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


def test_an_article_still_being_written_waits_until_it_is_complete(project: Project) -> None:
    clock = Clock()
    watcher = project.watcher(clock)
    text = EXCHANGE.read_text("utf-8")
    first, rest = text[: len(text) // 3], text[len(text) // 3 :]
    arriving = project.inbox / EXCHANGE.name
    arriving.write_text(first, "utf-8")
    watcher.notice(arriving)
    assert watcher.step() == []  # first look: remembered
    clock.now += 0.8
    assert watcher.step() == []  # not settled yet
    with arriving.open("a", encoding="utf-8") as handle:  # the writer goes on
        handle.write(rest)
    clock.now += 0.5
    assert watcher.step() == []  # it changed: the wait starts again
    clock.now += 0.8
    assert watcher.step() == []
    assert not project.builds and arriving.exists()
    clock.now += 0.5
    (line,) = watcher.step()
    assert line.startswith(f"ingested {EXCHANGE.name}: ") and " new, " in line and " merged, " in line
    assert not arriving.exists() and (project.inbox / INGESTED / EXCHANGE.name).exists()
    assert len(project.builds) == 1 and (project.output / "index.html").is_file()
    quoted = {s.sentence for e in load_events(project.content) for s in e.sources}
    assert any(sentence in rest for sentence in quoted)  # read whole, not the first third


def test_an_empty_file_is_not_an_article_yet(project: Project) -> None:
    clock = Clock()
    watcher = project.watcher(clock)
    empty = project.inbox / "still-downloading.html"
    empty.touch()
    watcher.notice(empty)
    for _ in range(5):
        clock.now += 10
        assert watcher.step() == []
    assert empty.exists() and not project.builds


def test_only_article_files_in_the_inbox_are_looked_at(project: Project) -> None:
    watcher = project.watcher(Clock())
    for name in (".draft.md", "notes.docx", "photo.jpg", f"{INGESTED}/old.md"):
        watcher.notice(project.inbox / name)
    watcher.notice(project.inbox / "report.md")
    assert [p.name for p in watcher.seen] == ["report.md"]


def test_an_article_that_cannot_be_read_is_refused_with_its_reason(project: Project) -> None:
    clock = Clock()
    watcher = project.watcher(clock)
    broken = project.inbox / "scanned-page.txt"
    broken.write_bytes(b"\x00\x01PK binary \x00 data")
    watcher.notice(broken)
    watcher.step()
    clock.now += 2
    (line,) = watcher.step()
    assert line.startswith("refused scanned-page.txt: ") and len(line) > len("refused scanned-page.txt: ")
    assert (project.inbox / REFUSED / broken.name).exists()
    assert not project.builds  # nothing changed, nothing to build


def test_each_article_gets_its_own_line_and_regeneration(project: Project) -> None:
    clock = Clock()
    watcher = project.watcher(clock)
    for source in (MEMORANDUM, EXCHANGE):
        shutil.copy(source, project.inbox / source.name)
        watcher.notice(project.inbox / source.name)
    watcher.step()
    clock.now += 2
    lines = watcher.step()
    assert [line.split(":")[0] for line in lines] == [
        f"ingested {MEMORANDUM.name}",
        f"ingested {EXCHANGE.name}",
    ]
    assert [b.full for b in project.builds] == [True, False]  # the second only rewrote what changed
    assert "; site: full build (no record of a previous build), " in lines[0]
    assert f"; site: {len(project.builds[1].written)} files rewritten, 0 removed; in " in lines[1]


def test_the_watcher_ingests_what_is_dropped_and_stops_when_told(
    project: Project, caplog: pytest.LogCaptureFixture
) -> None:
    """The real thing: watchdog, a thread, real files; waits are bounded, never asserted on."""
    caplog.set_level(logging.INFO, logger="timeline.watch")
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(project.watcher(settle=0.3), stop), kwargs={"poll": 0.05})
    thread.start()
    try:
        _wait_for(thread, lambda: project.builds, "the first build")
        shutil.copy(EXCHANGE, project.inbox / EXCHANGE.name)
        done = project.inbox / INGESTED / EXCHANGE.name
        _wait_for(thread, lambda: done.exists() and len(project.builds) > 1, "the article and the rebuild")
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not thread.is_alive()
    said = [r.getMessage() for r in caplog.records]
    assert any(m.startswith(f"ingested {EXCHANGE.name}: ") for m in said)
    index = BeautifulSoup((project.output / "index.html").read_text("utf-8"), "html.parser")
    assert index.select("li.event")


def test_ctrl_c_stops_the_watcher_cleanly(project: Project, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="timeline.watch")
    before = threading.active_count()

    def interrupted() -> Result:
        os.kill(os.getpid(), signal.SIGINT)  # as Ctrl-C in the terminal
        time.sleep(30)  # the signal interrupts this
        raise AssertionError("Ctrl-C was not delivered")

    watch(Watcher(project.inbox, project.content, interrupted), poll=0.05)
    assert any(r.getMessage().startswith("stopped watching") for r in caplog.records)
    assert threading.active_count() == before  # watchdog's observer was stopped and joined


def test_sigterm_stops_the_watcher_as_ctrl_c_does(project: Project, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="timeline.watch")
    handler = signal.getsignal(signal.SIGTERM)

    def terminated() -> Result:
        os.kill(os.getpid(), signal.SIGTERM)  # as a service manager stops it
        return project.regenerate()

    watch(Watcher(project.inbox, project.content, terminated), poll=0.05)
    assert any(r.getMessage().startswith("stopped watching") for r in caplog.records)
    assert signal.getsignal(signal.SIGTERM) == handler  # given back


def _wait_for(thread: threading.Thread, condition, what: str, limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while not condition():
        if not thread.is_alive() or time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)
