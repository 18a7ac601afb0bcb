"""The script-tag widget inside a host page on another origin, whose CSS does its worst."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest
from browser.harness import documented_snippet, serve
from browser.sites import GENEVA, OKAFOR

AGGRESSIVE_CSS = """
  html { font-size: 48px !important; }
  body { font: italic 40px/4 "Comic Sans MS", cursive !important; color: rgb(255, 0, 0) !important;
         background: rgb(0, 0, 0) !important; letter-spacing: 0.5em !important;
         text-transform: uppercase !important; }
  body * { display: none !important; position: absolute !important; left: -10000px !important;
           opacity: 0 !important; visibility: hidden !important;
           width: 1px !important; height: 1px !important; }
  ol, li, a, p, time, h2, section, span {
    all: unset !important; color: lime !important; font-size: 72px !important; }
  div::before { content: "HOST" !important; }
"""


def _host_page(widgets: str, css: str = AGGRESSIVE_CSS) -> str:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>A news page</title>
      <style>{css}</style></head><body>
      <p class="probe">Host text</p>
      {widgets}</body></html>"""


def _script(site_url: str) -> str:
    return f'<script src="{site_url}widget.js" defer></script>'


def _expected(timeline: dict, json_url: str, kind: str, slug: str, limit: int | None = None) -> list[dict]:
    """What the widget must show, worked out from timeline.json itself."""
    events = [
        e for e in timeline["events"] if any((x["kind"], x["slug"]) == (kind, slug) for x in e["entities"])
    ]
    events = events[-limit:] if limit else events
    return [
        {"title": e["title"], "when": e["display_date"], "href": urljoin(json_url, e["url"])} for e in events
    ]


def _shown(page, selector: str) -> list[dict]:
    return page.locator(f"{selector} li").evaluate_all(
        """items => items.map(li => ({
             title: li.querySelector("a.title").textContent,
             when: li.querySelector("time").textContent,
             href: li.querySelector("a.title").href}))"""
    )


def test_widget_renders_the_filtered_latest_slice_whatever_the_host_css(
    browsing, story_url, story_timeline, host
):
    widgets = f"""
      <div id="okafor" data-timeline-src="{story_url}timeline.json"
           data-person="{OKAFOR.slug}" data-limit="3">
        <a href="{story_url}">The timeline</a></div>
      <div id="geneva" data-timeline-src="{story_url}places/{GENEVA.slug}/timeline.json"></div>"""
    page = browsing.page()
    page.goto(host("news.html", _host_page(widgets + _script(story_url))))
    page.locator("#geneva li").first.wait_for()
    page.locator("#okafor li").first.wait_for()

    expected = _expected(story_timeline, story_url + "timeline.json", "person", OKAFOR.slug, limit=3)
    assert len(expected) == 3
    assert _shown(page, "#okafor") == expected
    geneva = _expected(story_timeline, story_url + "timeline.json", "place", GENEVA.slug)
    assert _shown(page, "#geneva") == geneva and len(geneva) == 1
    assert page.locator("#okafor h2").inner_text() == OKAFOR.name

    # Drawn, in our own type, inside the viewport, whatever the host's CSS says.
    for item in page.locator("#okafor li").all():
        assert item.is_visible()
        box = item.bounding_box()
        assert box and box["x"] >= 0 and box["width"] > 100
    style = page.locator("#okafor li").first.evaluate(
        "li => { const s = getComputedStyle(li);"
        " return [s.fontSize, s.color, s.textTransform, s.fontStyle]; }"
    )
    assert style == ["16px", "rgb(27, 31, 36)", "none", "normal"]
    assert page.locator("#okafor").evaluate("div => getComputedStyle(div, '::before').content") == "none"

    # Nothing leaked out: the host's own nodes, sheets and styles are as they were.
    assert page.locator("#okafor").evaluate("div => [...div.children].map(c => c.tagName)") == ["A"]
    assert page.evaluate("document.styleSheets.length") == 1
    assert page.evaluate("getComputedStyle(document.querySelector('.probe')).marginTop") != "4px"
    assert browsing.errors == []


def test_documented_snippet_shows_the_latest_events_of_a_person(browsing, sample_site, host):
    with serve(sample_site, cors=True) as site_url:
        page = browsing.page()
        page.goto(host("news.html", _host_page(documented_snippet("widget", site_url), css="")))
        page.locator("li").first.wait_for()
        timeline = json.loads((sample_site / "timeline.json").read_text(encoding="utf-8"))
        expected = _expected(timeline, site_url + "timeline.json", "person", "vladimir-putin", limit=10)
        assert expected and _shown(page, "[data-timeline-src]") == expected
        assert browsing.errors == []


def test_every_item_is_reached_by_keyboard_with_a_visible_focus(browsing, story_url, host):
    widgets = f'<div data-timeline-src="{story_url}timeline.json" data-place="{GENEVA.slug}"></div>'
    page = browsing.page()
    page.goto(host("news.html", _host_page(widgets + _script(story_url), css="")))
    page.locator("li").first.wait_for()
    page.keyboard.press("Tab")  # the heading
    page.keyboard.press("Tab")  # the event
    focused = page.evaluate(
        "(() => { const root = document.querySelector('[data-timeline-src]').shadowRoot;"
        " const a = root.activeElement, s = getComputedStyle(a);"
        " return [a.className, s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert focused[0] == "title" and focused[1] != "none" and focused[2] >= 2


@pytest.mark.parametrize("cors", [True, False])
def test_cross_origin_use_needs_the_cors_header(browsing, story_site, host, cors):
    """Without Access-Control-Allow-Origin the host keeps its fallback link; with it, the widget shows."""
    with serve(story_site, cors=cors) as site_url:
        widgets = (
            f'<div data-timeline-src="{site_url}timeline.json"><a href="{site_url}">The timeline</a></div>'
        )
        page = browsing.page()
        url = host("news.html", _host_page(widgets + _script(site_url), css=""))
        if cors:
            page.goto(url)
            page.locator("li").first.wait_for()
            assert page.locator("li").count() > 1
        else:
            with page.expect_console_message(lambda m: m.text.startswith("timeline widget:")):
                page.goto(url)
            assert page.locator("li").count() == 0
            assert page.get_by_role("link", name="The timeline").is_visible()
