"""Browser fixtures: built sites served on 127.0.0.1 and Debian's Chromium driven by Playwright.

No tool downloads a browser: without /usr/bin/chromium (or the npm packages) these tests skip
with the reason, except in CI, where ``bash dev.sh test`` installs them and a skip would hide
a missing install step, so there they fail.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import NoReturn

import pytest
from browser.harness import CHROMIUM, Offline, launch, serve
from browser.sites import HOSTILE, ROOT, STORY, build_sample, build_story

TIMELINEJS_DIST = ROOT / "node_modules" / "@knight-lab" / "timelinejs" / "dist"


def _missing(what: str) -> NoReturn:
    if os.environ.get("CI"):
        pytest.fail(f"{what} (CI must install it: bash dev.sh test)")
    pytest.skip(what)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="module")  # Playwright's sync API runs one at a time: other tests may start their own
def browser():
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} not found: install Debian's chromium package")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


class Browsing:
    """Pages in fresh browser contexts that reach 127.0.0.1 only; errors and blocked requests recorded."""

    def __init__(self, browser) -> None:
        self.browser = browser
        self.offline = Offline()
        self.contexts: list = []

    def page(self, **options):
        context = self.browser.new_context(**{"viewport": {"width": 1000, "height": 800}, **options})
        self.contexts.append(context)
        self.offline.block_outside(context)
        context.set_default_timeout(10_000)
        page = context.new_page()
        self.offline.watch(page)
        return page

    @property
    def errors(self) -> list[str]:
        return self.offline.errors

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def browsing(browser):
    session = Browsing(browser)
    yield session
    session.close()


@pytest.fixture(scope="session")
def story_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_story(tmp_path_factory.mktemp("story"))


@pytest.fixture(scope="session")
def story_url(story_site: Path):
    """The story site, sending the CORS header docs/embedding.md asks for on its JSON."""
    with serve(story_site, cors=True) as url:
        yield url


@pytest.fixture(scope="session")
def story_timeline(story_site: Path) -> dict:
    return json.loads((story_site / "timeline.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample(tmp_path_factory.mktemp("sample"))


@pytest.fixture(scope="session")
def hostile_url(tmp_path_factory: pytest.TempPathFactory):
    site = build_story(tmp_path_factory.mktemp("hostile"), (*STORY, HOSTILE))
    with serve(site, cors=True) as url:
        yield url


@pytest.fixture
def host(tmp_path: Path):
    """Another origin (another port) for host pages: ``host(name, html)`` → the page's URL."""
    with serve(tmp_path) as base:

        def page(name: str, html: str) -> str:
            (tmp_path / name).write_text(html, encoding="utf-8")
            return base + name

        page.root = tmp_path  # type: ignore[attr-defined]
        yield page


@pytest.fixture(scope="session")
def timelinejs_dist() -> Path:
    if not (TIMELINEJS_DIST / "js" / "timeline.js").is_file():
        _missing(f"TimelineJS not found under {TIMELINEJS_DIST}: run `npm ci` in {ROOT}")
    return TIMELINEJS_DIST
