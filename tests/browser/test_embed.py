"""The iframe embed as a reader and a host page see it, in headless Chromium."""

from __future__ import annotations

from urllib.parse import urljoin

from browser.harness import documented_snippet, serve
from browser.sites import OKAFOR, STORY

from timeline.periods import sort_key
from timeline.store import load_events

IN_ORDER = sorted(STORY, key=lambda e: (sort_key(e.date), e.slug))


def _listed(page) -> list[tuple[str, str]]:
    """(title, absolute href) of each event the page lists, in document order."""
    return [
        (link.inner_text(), urljoin(page.url, link.get_attribute("href")))
        for link in page.locator("ol.events > li a.title").all()
    ]


def test_embed_lists_every_event_in_order_each_linking_to_its_page(browsing, story_url):
    page = browsing.page()
    page.goto(story_url + "embed/index.html")
    assert _listed(page) == [(e.title, f"{story_url}events/{e.slug}.html") for e in IN_ORDER]
    assert page.locator("ol.events > li time").all_inner_texts()[:2] == ["1990s", "2019"]
    for title, href in _listed(page):
        response = page.request.get(href)
        assert response.ok, href
        assert title in response.text()
    assert page.evaluate("getComputedStyle(document.querySelector('ol.events')).listStyleType") == "none"
    assert browsing.errors == []  # the CSP lets our own stylesheet and script in and complains of nothing


def test_sample_site_embed_lists_every_event_in_order(browsing, sample_site):
    events = sorted(load_events(sample_site.parent / "content"), key=lambda e: (sort_key(e.date), e.slug))
    assert len(events) >= 5
    with serve(sample_site) as url:
        page = browsing.page()
        page.goto(url + "embed/index.html")
        assert _listed(page) == [(e.title, f"{url}events/{e.slug}.html") for e in events]
        for _title, href in _listed(page):
            assert page.request.get(href).ok, href


def test_slice_embed_lists_only_that_persons_events(browsing, story_url):
    page = browsing.page()
    page.goto(f"{story_url}embed/person/{OKAFOR.slug}.html")
    expected = [(e.title, f"{story_url}events/{e.slug}.html") for e in IN_ORDER if OKAFOR in e.people]
    assert len(expected) >= 5
    assert _listed(page) == expected
    assert page.locator("h1").inner_text() == OKAFOR.name


def test_embed_is_readable_without_javascript(browsing, story_url):
    page = browsing.page(java_script_enabled=False)
    page.goto(story_url + "embed/index.html")
    assert [title for title, _ in _listed(page)] == [e.title for e in IN_ORDER]
    assert page.locator("ol.events > li").first.is_visible()


def test_keyboard_focus_is_visible(browsing, story_url):
    page = browsing.page()
    page.goto(story_url + "embed/index.html")
    page.keyboard.press("Tab")  # the heading link
    page.keyboard.press("Tab")  # the first event
    focused = page.evaluate(
        "(() => { const a = document.activeElement, s = getComputedStyle(a);"
        " return [a.textContent, s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert focused[0] == IN_ORDER[0].title
    assert focused[1] != "none" and focused[2] >= 2


def test_motion_follows_the_readers_preference(browsing, story_url):
    durations = {}
    for preference in ("reduce", "no-preference"):
        page = browsing.page(reduced_motion=preference)
        page.goto(story_url + "embed/index.html")
        durations[preference] = page.evaluate(
            "getComputedStyle(document.querySelector('a.title')).transitionDuration"
        )
    assert set(durations["reduce"].split(", ")) == {"0s"}
    assert durations["no-preference"] != durations["reduce"]


def test_documented_iframe_fits_its_container_and_takes_the_height_it_reports(browsing, story_url, host):
    snippet = documented_snippet("iframe", story_url)
    html = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Host</title></head><body>
      <div style="width: 300px">{snippet}</div></body></html>"""
    page = browsing.page()
    page.goto(host("host.html", html))
    frame = page.frame_locator("iframe.timeline-embed")
    frame.locator("ol.events > li").last.wait_for()
    inside = frame.locator("html").evaluate(
        "html => ({height: html.getBoundingClientRect().height,"
        " scroll: html.scrollWidth, width: html.clientWidth})"
    )
    assert inside["scroll"] <= inside["width"] <= 300  # nothing sticks out sideways
    assert inside["height"] > 600  # taller than the snippet's first guess: the message must resize it
    page.wait_for_function(
        "height => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - height) <= 1",
        arg=inside["height"],
    )
    assert frame.locator("html").evaluate("html => html.scrollHeight <= innerHeight")  # no scrolling inside
    assert browsing.errors == []
