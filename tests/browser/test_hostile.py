"""An event whose headline, summary and place carry markup: every view shows the text and runs nothing.

The payloads set ``window.__xss``; the pages are left to settle (the broken image included)
before the flag is read.
"""

from __future__ import annotations

from browser.harness import timelinejs_page
from browser.sites import HOSTILE, HOSTILE_PLACE, HOSTILE_SUMMARY, HOSTILE_TITLE

PLACE = HOSTILE.places[0]


def _ran_nothing(page, view: str = "body") -> None:
    """No payload ran, and the view holds no element that came from the data."""
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert (
        page.locator(view).evaluate("view => view.querySelectorAll('img, b, script:not([src])').length") == 0
    )


def test_embed_shows_the_markup_as_text(browsing, hostile_url):
    page = browsing.page()
    page.goto(f"{hostile_url}embed/place/{PLACE.slug}.html")
    assert page.locator("h1").text_content() == HOSTILE_PLACE
    item = page.locator("ol.events > li")
    assert item.locator("a.title").text_content() == HOSTILE_TITLE
    assert item.locator("p").text_content() == HOSTILE_SUMMARY
    _ran_nothing(page)


def test_widget_shows_the_markup_as_text(browsing, hostile_url, host):
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Host</title></head><body>
      <div data-timeline-src="{hostile_url}timeline.json" data-place="{PLACE.slug}"></div>
      <script src="{hostile_url}widget.js" defer></script></body></html>"""
    page = browsing.page()
    page.goto(host("news.html", html))
    item = page.locator("li")
    item.wait_for()
    assert item.locator("a.title").text_content() == HOSTILE_TITLE
    assert item.locator("p").text_content() == HOSTILE_SUMMARY
    assert page.locator("h2").text_content() == HOSTILE_PLACE
    _ran_nothing(page, "section.timeline")


def test_timelinejs_shows_the_markup_as_text(browsing, hostile_url, host, timelinejs_dist):
    page = browsing.page()
    page.goto(
        timelinejs_page(timelinejs_dist, hostile_url + "timelinejs.json", host) + f"#event-{HOSTILE.slug}"
    )
    page.wait_for_function("window.timeline.ready === true")
    slide = page.locator(f'[id="{HOSTILE.slug}"]')
    assert slide.locator(".tl-headline").text_content().strip() == HOSTILE_TITLE
    assert HOSTILE_SUMMARY in slide.locator(".tl-text-content").text_content()
    _ran_nothing(page, "#timeline")
    assert browsing.errors == []
