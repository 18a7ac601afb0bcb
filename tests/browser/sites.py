"""Real sites for the export and browser tests: hand-built events written as entries, built by Pelican.

The story is invented (a port labour dispute, reported by an invented outlet) and uses every
precision, a stated end date, planned events and people and places shared between events.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import date
from pathlib import Path

from timeline.markdown_format import render_event, render_source
from timeline.model import Article, Entity, Event, Source
from timeline.site import build_site
from timeline.slugs import slugify

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_TITLE = 'Talks end <img src=x onerror="window.__xss=1"> in Brussels'
HOSTILE_SUMMARY = "Delegates left early <script>window.__xss=2</script> &amp; said little."
HOSTILE_PLACE = 'Ghent <b onmouseover="window.__xss=3">Port</b> & Co'  # no ';': it separates names


def person(name: str) -> Entity:
    return Entity(name, slugify(name), "person")


def place(name: str) -> Entity:
    return Entity(name, slugify(name), "place")


def _source(published: str, sentence: str) -> Source:
    return Source(f"coastal-ledger-{published}", published, f"https://ledger.example/{published}", sentence)


def event(
    date_: str, precision: str, title: str, summary: str, people=(), places=(), sources=(),
    status: str = "happened", end_date: str | None = None,
) -> Event:  # fmt: skip
    slug = f"{date_.lower()}-{slugify(title, max_words=6)}"
    return Event(
        id=hashlib.sha1(slug.encode()).hexdigest()[:12],
        slug=slug,
        date=date_,
        precision=precision,  # type: ignore[arg-type]
        title=title,
        summary=summary,
        status=status,  # type: ignore[arg-type]
        people=tuple(people),
        places=tuple(places),
        sources=tuple(sources),
        end_date=end_date,
    )


MOREAU, OKAFOR, BERG = person("Ines Moreau"), person("Daniel Okafor"), person("Hanna Berg")
KESTREL, GENEVA, BRUSSELS = place("Kestrel Harbour"), place("Geneva"), place("Brussels")

STORY: tuple[Event, ...] = (
    event("199", "decade", "Harbour sold to private operators",
          "The state sold the harbour to a private consortium in the 1990s.", places=[KESTREL],
          sources=[_source("2025-05-19", "The harbour has been privately run since the 1990s.")]),
    event("2019", "year", "Automation plan first proposed",
          "The operator first proposed automated cranes in 2019.", [BERG], [KESTREL],
          [_source("2025-05-12", "Berg first floated automated cranes in 2019.")]),
    event("2023-Q4", "quarter", "Contract talks open",
          "Talks on a new labour contract opened in the last quarter of 2023.", [OKAFOR, BERG], [KESTREL],
          [_source("2025-05-12", "Talks on a new contract began in the fourth quarter of 2023.")]),
    event("2024-SU", "season", "Go-slow at the terminals",
          "Dockers worked to rule through the summer of 2024.", [OKAFOR], [KESTREL],
          [_source("2025-05-12", "Dockers worked to rule last summer.")]),
    event("2025-02", "month", "Union files strike notice",
          "The union gave notice of a strike in February.", [OKAFOR],
          sources=[_source("2025-05-12", "The union filed its notice in February.")]),
    event("2025-W19", "week", "Strike shuts the container terminal",
          "A strike closed the container terminal for ten days.", [OKAFOR], [KESTREL],
          [_source("2025-05-12", "The terminal has been shut since last week.")], end_date="2025-05-14"),
    event("2025-05-16", "day", "Mediated talks held in Geneva",
          "Moreau brought both sides together in Geneva on Friday.", [MOREAU, OKAFOR, BERG], [GENEVA],
          [_source("2025-05-19", "Moreau brought both sides to Geneva on Friday."),
           _source("2025-05-21", "The Geneva talks on Friday lasted nine hours.")]),
    event("2025-06", "month", "Members to vote on the deal",
          "Union members are to vote on the proposed deal in June.", [OKAFOR], [KESTREL],
          [_source("2025-05-19", "Members will vote on the deal in June.")], status="planned"),
    event("2025-Q3", "quarter", "Review of port subsidies due",
          "The commission is due to review port subsidies in the third quarter.", [MOREAU], [BRUSSELS],
          [_source("2025-05-21", "A review of subsidies is due in the third quarter.")], status="planned"),
)  # fmt: skip

HOSTILE = event(
    "2025-05-20", "day", HOSTILE_TITLE, HOSTILE_SUMMARY, [OKAFOR], [place(HOSTILE_PLACE)],
    [_source("2025-05-21", "Delegates left early.")],
)  # fmt: skip


def write_content(events: tuple[Event, ...] | list[Event], content: Path) -> Path:
    """Each event and each cited source article as the entries ``timeline ingest`` writes."""
    (content / "events").mkdir(parents=True, exist_ok=True)
    (content / "sources").mkdir(parents=True, exist_ok=True)
    for e in events:
        (content / "events" / f"{e.slug}.md").write_text(render_event(e), encoding="utf-8")
    cited = {s.article: s for e in events for s in e.sources}
    for slug, s in cited.items():
        article = Article(
            path="", text="", published=date.fromisoformat(s.published),
            title=f"Coastal Ledger, {s.published}", slug=slug, url=s.url, publisher="Coastal Ledger",
        )  # fmt: skip
        (content / "sources" / f"{slug}.md").write_text(render_source(article), encoding="utf-8")
    return content


def build(content: Path, output: Path, **settings: object) -> Path:
    """Build the site of ``content`` with the project's own settings, theme and plugin."""
    overrides = {"PATH": str(content), "CACHE_PATH": str(output.parent / "cache"), **settings}
    return build_site(settings=ROOT / "pelicanconf.py", output=output, overrides=overrides)


def build_story(tmp: Path, events: tuple[Event, ...] | list[Event] = STORY, **settings: object) -> Path:
    return build(write_content(events, tmp / "content"), tmp / "output", **settings)


def build_sample(tmp: Path) -> Path:
    """The sample article in seeds/ through ``timeline ingest``, then built: the README's sample site."""
    content = tmp / "content"
    command = [sys.executable, "-m", "timeline", "ingest", str(ROOT / "seeds"), "--content", str(content)]
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    return build(content, tmp / "output")
