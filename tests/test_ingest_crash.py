"""An ingest killed (SIGKILL) after its n-th file-system write, for every n, loses nothing.

Right after the kill every entry is its old or its new version, never half-written; the
next ``timeline`` command sees ``content/`` exactly as before or exactly as after; and the
next ingest ends exactly where an uninterrupted one would have.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from fixtures.stories import snapshot

from timeline import journal
from timeline.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "2025-05-19-nypost-putin-trump-call.md"
STORY = Path(__file__).resolve().parent / "fixtures" / "story"
BATCH = [
    STORY / "2025-05-28-capital-herald-second-round-proposed.md",
    STORY / "2025-06-03-harbor-times-second-round.md",
]


def ingest_killed_after(n: int, content: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, journal.CRASH_ENV: str(n)}
    command = [sys.executable, "-m", "timeline", "ingest", *map(str, BATCH), "--content", str(content)]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def states(tmp_path_factory) -> tuple[Path, dict[str, bytes], dict[str, bytes]]:
    """A content folder holding the sample, and its bytes before and after the batch."""
    base = tmp_path_factory.mktemp("crash")
    before = base / "before"
    assert ingest([SEED], before).ok
    after = base / "after"
    shutil.copytree(before, after)
    assert ingest(BATCH, after).ok
    return before, snapshot(before), snapshot(after)


@pytest.mark.slow
def test_an_ingest_killed_at_any_write_is_all_or_nothing(states, tmp_path):
    before_dir, before, after = states
    assert before != after
    outcomes = []
    n = 0
    while True:
        n += 1
        content = tmp_path / f"kill-{n}"
        shutil.copytree(before_dir, content)
        done = ingest_killed_after(n, content)
        if done.returncode == 0:
            break  # n is past the last write: the ingest finished
        assert done.returncode == -signal.SIGKILL, done.stderr
        crashed = snapshot(content)
        for rel, data in crashed.items():
            if rel == journal.JOURNAL:
                json.loads(data)  # the journal is whole, or absent
            elif not rel.endswith(journal.TMP_SUFFIX):
                assert data in (before.get(rel), after.get(rel)), f"{rel} half-written after write {n}"
        assert journal.recover(content) == (journal.JOURNAL in crashed)
        recovered = snapshot(content)
        assert recovered in (before, after), f"neither before nor after, killed after write {n}"
        outcomes.append("after" if recovered == after else "before")
        assert ingest(BATCH, content).ok
        assert snapshot(content) == after, f"the next run did not complete, killed after write {n}"
    assert snapshot(tmp_path / f"kill-{n}") == after
    # the journal's rename is the commit point: every kill before it rolls back, every kill after it forward
    assert outcomes == sorted(outcomes, key=["before", "after"].index)
    assert {"before", "after"} <= set(outcomes) and len(outcomes) > 10


def test_a_damaged_journal_is_reported_not_guessed(tmp_path):
    (tmp_path / journal.STATE_DIR).mkdir()
    (tmp_path / journal.JOURNAL).write_text('{"format": 1, "changes": {"events/x.md": "Tit')
    with pytest.raises(journal.JournalError, match="unreadable journal"):
        journal.recover(tmp_path)


def test_a_journal_cannot_write_outside_the_content_folder(tmp_path):
    content = tmp_path / "content"
    (content / journal.STATE_DIR).mkdir(parents=True)
    (content / journal.JOURNAL).write_text(json.dumps({"format": 1, "changes": {"../evil.md": "x"}}))
    with pytest.raises(journal.JournalError, match="outside"):
        journal.recover(content)
    assert not (tmp_path / "evil.md").exists()


def test_temporary_files_of_a_crash_are_cleared(tmp_path):
    stray = tmp_path / "events" / f".x.md{journal.TMP_SUFFIX}"
    stray.parent.mkdir()
    stray.write_text("half")
    # killed while writing the journal: its own temporary file is left, and the folder is swept
    (tmp_path / journal.STATE_DIR).mkdir()
    half_journal = tmp_path / journal.STATE_DIR / f".journal.json{journal.TMP_SUFFIX}"
    half_journal.write_text('{"format": 1, "chan')
    assert journal.recover(tmp_path) is False
    assert not stray.exists() and not half_journal.exists()
    # killed while applying the journal
    stray.write_text("half")
    (tmp_path / journal.JOURNAL).write_text(
        json.dumps({"format": 1, "changes": {"events/x.md": "Title: X\n"}})
    )
    assert journal.recover(tmp_path) is True
    assert not stray.exists() and (tmp_path / "events" / "x.md").read_text() == "Title: X\n"
