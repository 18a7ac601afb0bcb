"""Every internal link of a built site resolves, and the pages link each other both ways."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from fixtures.site import sitebuild

LINK_ATTRIBUTES = {
    "a": "href", "link": "href", "img": "src", "script": "src", "iframe": "src", "source": "src",
}  # fmt: skip
EXTERNAL_SCHEMES = {"http", "https", "mailto"}


@pytest.fixture(scope="module", params=["story", "seed"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if request.param == "seed":
        pytest.importorskip("timeline.ingest")
        return sitebuild.seed_site(tmp_path_factory)
    return sitebuild.story_site(tmp_path_factory)


def links(pages: dict) -> list[tuple[str, str]]:
    """(page, link) for every link-bearing attribute of every page."""
    return [
        (path, element[attribute])
        for path, soup in pages.items()
        for tag, attribute in LINK_ATTRIBUTES.items()
        for element in soup.find_all(tag, attrs={attribute: True})
    ]


def resolve(page: str, link: str) -> tuple[str, str] | None:
    """The file (from the site root) and fragment an internal link points to; None if external."""
    parts = urlsplit(link)
    if parts.scheme in EXTERNAL_SCHEMES:
        return None
    assert not parts.scheme and not parts.netloc, f"{page}: link {link!r} is neither internal nor http(s)"
    if not parts.path:
        return page, parts.fragment
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
    assert not target.startswith(".."), f"{page}: link {link!r} leaves the site"
    if parts.path.endswith("/") or target == ".":
        target = posixpath.join(target, "index.html")
    return target, parts.fragment


def test_every_internal_link_resolves(site: Path) -> None:
    pages = sitebuild.html_pages(site)
    checked, broken = 0, []
    for page, link in links(pages):
        resolved = resolve(page, link)
        if resolved is None:
            continue
        target, fragment = resolved
        checked += 1
        if (site / target).is_dir():
            target = posixpath.join(target, "index.html")
        if not (site / target).is_file():
            broken.append(f"{page}: {link} → {target} (no such file)")
        elif fragment and not pages[target].find(id=fragment):
            broken.append(f"{page}: {link} → no element with id {fragment!r} in {target}")
    assert checked > 100
    assert not broken, "\n".join(broken)


def targets(site: Path, page: str) -> set[str]:
    """The internal pages a page links to, as paths from the site root."""
    soup = sitebuild.soup(site / page)
    found = {resolve(page, a["href"]) for a in soup.find("main").find_all("a", href=True)}
    return {r[0] for r in found if r}


def test_events_and_their_sources_link_both_ways(site: Path) -> None:
    events = sorted(p.relative_to(site).as_posix() for p in (site / "events").glob("*.html"))
    assert events
    for event in events:
        sources = {t for t in targets(site, event) if t.startswith("sources/") and t != "sources/index.html"}
        assert sources, f"{event} links to no source page"
        for source in sources:
            assert event in targets(site, source), f"{source} does not link back to {event}"


def test_people_places_and_events_link_both_ways(site: Path) -> None:
    entity_pages = [
        p.relative_to(site).as_posix()
        for folder in ("people", "places")
        for p in (site / folder).glob("*.html")
        if p.name != "index.html"
    ]
    assert entity_pages
    linked_from_events: set[str] = set()
    for event in (site / "events").glob("*.html"):
        page = event.relative_to(site).as_posix()
        for target in targets(site, page):
            if target in entity_pages:
                linked_from_events.add(target)
                assert page in targets(site, target), f"{target} does not list {page}"
    for entity in entity_pages:
        events = {t for t in targets(site, entity) if t.startswith("events/")}
        assert events, f"{entity} lists no event"
        for event in events:
            assert entity in targets(site, event), f"{event} does not link back to {entity}"
    assert linked_from_events == set(entity_pages)
