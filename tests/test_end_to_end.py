"""The whole pipeline as a user runs it: a project folder, the seed article, two commands."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.slow

PROJECT_FILES = ("pelicanconf.py", "publishconf.py", "tasks.py")
PROJECT_DIRS = ("theme", "seeds")


@pytest.fixture()
def project(tmp_path: Path, root: Path) -> Path:
    """A fresh copy of the project's site files, without content/ or output/."""
    for name in PROJECT_FILES:
        shutil.copy2(root / name, tmp_path / name)
    for name in PROJECT_DIRS:
        shutil.copytree(root / name, tmp_path / name)
    return tmp_path


def run(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{args}: {result.stderr}"
    return result


def timeline(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(cwd, sys.executable, "-m", "timeline", *args)


def index_dates(output: Path) -> str:
    soup = BeautifulSoup((output / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.get_text(" ", strip=True)


def test_ingest_then_build_gives_the_timeline(project: Path) -> None:
    timeline(project, "ingest", "seeds/")
    events = sorted((project / "content" / "events").glob("*.md"))
    sources = sorted((project / "content" / "sources").glob("*.md"))
    assert len(sources) == 1 and len(events) >= 5

    timeline(project, "build")
    output = project / "output"
    text = index_dates(output)
    for shown in ("16 May 2025", "19 May 2025", "14 June 2024", "February 2022"):
        assert shown in text
    for event in events:
        assert (output / "events" / f"{event.stem}.html").is_file()
    assert (output / "sources" / f"{sources[0].stem}.html").is_file()


def test_invoke_build_uses_the_same_settings(project: Path) -> None:
    timeline(project, "ingest", "seeds/")
    invoke = Path(sys.executable).with_name("invoke")
    run(project, str(invoke), "build")
    assert "16 May 2025" in index_dates(project / "output")


def test_reingesting_the_seed_changes_nothing(project: Path) -> None:
    timeline(project, "ingest", "seeds/")
    before = {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}
    timeline(project, "ingest", "seeds/")
    after = {p: p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}
    assert after == before


def test_committed_content_is_what_the_seed_gives(project: Path, root: Path) -> None:
    """content/ in the repository is the golden output of ingesting seeds/."""
    timeline(project, "ingest", "seeds/")
    made = {p.relative_to(project / "content"): p.read_text(encoding="utf-8")
            for p in (project / "content").rglob("*.md")}
    committed = {p.relative_to(root / "content"): p.read_text(encoding="utf-8")
                 for p in (root / "content").rglob("*.md")}
    assert made == committed, "run `bash dev.sh site` and commit content/ after changing extraction"



def _without_its_date(text: bytes) -> bytes:
    return b"".join(line for line in text.splitlines(True) if not line.startswith(b"Event_date:"))


@pytest.mark.parametrize(("breaks", "reason"), [
    (_without_its_date, "missing metadata key 'event_date'"),
    (lambda text: b"\xff\xfe" + text, "not UTF-8 text (invalid start byte at byte 0)"),
])
def test_an_entry_broken_by_hand_fails_the_build_in_one_line_and_keeps_the_site(project: Path, breaks,
                                                                                  reason: str) -> None:
    timeline(project, "ingest", "seeds/")
    timeline(project, "build")
    built = {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()}
    entry = sorted((project / "content" / "events").glob("*.md"))[0]
    entry.write_bytes(breaks(entry.read_bytes()))
    for args in (("build",), ("build", "--full"), ("build", "--settings", "publishconf.py")):
        broken = subprocess.run([sys.executable, "-m", "timeline", *args], cwd=project, capture_output=True,
                                text=True, timeout=600)
        assert broken.returncode == 1
        assert broken.stderr.splitlines()[-1] == f"timeline: {entry.resolve()}: {reason}"
        assert "Traceback" not in broken.stderr
        assert {p: p.read_bytes() for p in (project / "output").rglob("*") if p.is_file()} == built
