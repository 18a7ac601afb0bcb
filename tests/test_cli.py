"""The command line is a contract: commands, JSON fields and exit codes as the README says."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline import __version__
from timeline.cli import EXIT_BROKEN_PIPE, EXIT_OK, EXIT_REFUSED, EXIT_USAGE

SCHEMA_FIELDS = {"id", "slug", "date", "precision", "end_date", "title", "summary", "status",
                 "people", "places", "entities", "sources"}
SOURCE_FIELDS = {"article", "published", "url", "sentence", "expression"}


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300)


def test_version() -> None:
    result = run("--version")
    assert result.returncode == EXIT_OK
    assert result.stdout.strip() == f"timeline {__version__}"


@pytest.mark.parametrize("args", [(), ("frobnicate",), ("extract",), ("extract", "a.txt", "--nope")])
def test_usage_errors_exit_2_with_one_line(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == EXIT_USAGE
    assert result.stderr.strip().splitlines()[-1].startswith("timeline: error:")


def test_missing_file_is_refused_with_its_name(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    result = run("extract", str(missing), "--published", "2025-05-19")
    assert result.returncode == EXIT_REFUSED
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(missing) in lines[0]


def test_page_without_a_story_is_refused_in_exactly_one_line(tmp_path: Path) -> None:
    page = tmp_path / "blank.html"
    page.write_text("<html><head><meta name='date' content='2025-03-04'></head><body></body></html>")
    result = run("extract", str(page))
    assert result.returncode == EXIT_REFUSED
    assert result.stderr.splitlines() == [f"timeline: {page}: no article text found in the page"]


def test_dateless_text_is_refused_not_guessed(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("Officials met on Friday in Geneva to discuss the accord.\n", encoding="utf-8")
    result = run("extract", str(article), "--json")
    assert result.returncode == EXIT_REFUSED
    assert str(article) in result.stderr and "date" in result.stderr.lower()
    assert json.loads(result.stdout) == [], "stdout stays valid JSON for scripts"


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path, seed_article: Path) -> None:
    missing = tmp_path / "gone.md"
    result = run("extract", str(missing), str(seed_article), "--json")
    assert result.returncode == EXIT_REFUSED
    events = json.loads(result.stdout)
    assert events, "the readable article still yields its events"


def test_extract_json_follows_the_schema(seed_article: Path) -> None:
    result = run("extract", str(seed_article), "--json")
    assert result.returncode == EXIT_OK, result.stderr
    events = json.loads(result.stdout)
    assert events
    text = seed_article.read_text(encoding="utf-8")
    for event in events:
        assert set(event) >= SCHEMA_FIELDS
        assert event["status"] in {"happened", "planned"}
        for source in event["sources"]:
            assert set(source) >= SOURCE_FIELDS
            assert source["published"] == "2025-05-19"
            assert source["sentence"] in text


def test_extract_writes_nothing(tmp_path: Path, seed_article: Path) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    result = run("extract", str(seed_article), cwd=tmp_path)
    assert result.returncode == EXIT_OK, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert "2025" in result.stdout


def test_published_overrides_the_files_date(seed_article: Path) -> None:
    result = run("timex", str(seed_article), "--published", "2025-05-26T09:00:00-04:00", "--json")
    assert result.returncode == EXIT_OK, result.stderr
    values = {t["text"]: t["value"] for t in json.loads(result.stdout)}
    assert values.get("Monday") == "2025-05-26"


def test_timex_json_offsets_point_into_the_article_text(tmp_path: Path) -> None:
    article = tmp_path / "note.txt"
    text = "The summit ended on Friday. Leaders will meet again on June 2, 2025.\n"
    article.write_text(text, encoding="utf-8")
    result = run("timex", str(article), "--published", "2025-05-19", "--json")
    assert result.returncode == EXIT_OK, result.stderr
    timexes = json.loads(result.stdout)
    assert set(timexes[0]) >= {"start", "end", "text", "type", "value", "mod"}
    for t in timexes:
        assert text[t["start"]:t["end"]] == t["text"]
    assert ("Friday", "2025-05-16") in {(t["text"], t["value"]) for t in timexes}
    assert any(t["value"] == "2025-06-02" for t in timexes)


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2026-11-04T06:10:00-05:00", "2026-11-03T19:30"),  # a morning story: last night's close
        ("2026-11-04T21:45:00-05:00", "2026-11-04T19:30"),  # an evening story: tonight's
        ("2026-11-04", "2026-11-04T19:30"),  # no time given: the publication day
    ],
)
def test_timex_counts_a_clock_time_from_the_publication_time(tmp_path: Path, written: str, value: str):
    article = tmp_path / "count.md"
    article.write_text(f"Title: Count\nDate: {written}\n\nPolls closed at 7:30 p.m. in the county.\n")
    result = run("timex", str(article), "--json")
    assert result.returncode == EXIT_OK, result.stderr
    assert [(t["text"], t["value"]) for t in json.loads(result.stdout)] == [("7:30 p.m.", value)]


def test_a_reader_closing_the_pipe_stops_the_command_quietly(tmp_path: Path) -> None:
    """`timeline timex … | head`: no traceback, the exit status of a writer killed by SIGPIPE."""
    text = tmp_path / "long.txt"
    text.write_text("The council met on March 3, 2020, and again on Friday.\n" * 4000)
    process = subprocess.Popen([sys.executable, "-m", "timeline", "timex", str(text), "--published",
                                "2024-01-01", "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline().strip() == b"["  # far more than a pipe holds is still to come
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=300) == EXIT_BROKEN_PIPE
    assert stderr == ""
