"""Real TimelineJS 3 (npm @knight-lab/timelinejs 3.9.11, served locally) reads our timelinejs.json."""

from __future__ import annotations

import json

from browser.harness import timelinejs_page
from browser.sites import STORY

from timeline.exports import TITLE_SLIDE_ID


def _load(browsing, url: str):
    page = browsing.page()
    page.goto(url)
    page.wait_for_function("window.timeline.ready === true")
    return page


def test_timelinejs_shows_the_title_slide_and_every_event(
    browsing, story_url, story_site, host, timelinejs_dist
):
    data = json.loads((story_site / "timelinejs.json").read_text(encoding="utf-8"))
    page = _load(browsing, timelinejs_page(timelinejs_dist, story_url + "timelinejs.json", host))

    # Every event kept, under the id we gave it: none dropped, none renamed.
    loaded = page.evaluate("timeline.config.events.map(e => e.unique_id)")
    assert sorted(loaded) == sorted(e["unique_id"] for e in data["events"])
    assert len(loaded) == len(STORY)
    assert page.evaluate("timeline.config.title.unique_id") == TITLE_SLIDE_ID

    title = page.locator(f'[id="{TITLE_SLIDE_ID}"]')
    assert "tl-slide-titleslide" in title.get_attribute("class")
    assert title.locator(".tl-headline").text_content().strip() == data["title"]["text"]["headline"]
    for event in STORY:
        slide = page.locator(f'[id="{event.slug}"]')
        assert slide.locator(".tl-headline").text_content().strip() == event.title
        assert slide.locator(".tl-headline-date").count() == 1

    # The month-precision event shows its month, not an invented day.
    strike_notice = next(e for e in STORY if e.precision == "month")
    assert page.locator(f'[id="{strike_notice.slug}"] .tl-headline-date').text_content() == "February 2025"
    assert browsing.errors == []


def test_an_event_link_opens_its_slide(browsing, story_url, host, timelinejs_dist):
    target = next(e for e in STORY if e.precision == "week")
    url = timelinejs_page(timelinejs_dist, story_url + "timelinejs.json", host)
    page = _load(browsing, f"{url}#event-{target.slug}")
    assert page.evaluate("timeline.current_id") == target.slug
    assert browsing.errors == []
