"""The built site (issue 2, point 4): real Pelican builds of an invented story, parsed with BeautifulSoup."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from fixtures.site import sitebuild
from pelican.settings import read_settings

from timeline import periods
from timeline.model import Entity, Event, Source
from timeline.pelican_plugin.content import read_content
from timeline.pelican_plugin.render import write_standalone
from timeline.site_model import (
    Layout,
    all_pages,
    build_model,
    content_page,
    content_pages,
    content_paths,
    listing_pages,
)

ISO_DATE = re.compile(r"\b\d{4}-(?:\d{2}|W\d{2}|Q\d)(?:-\d{2})?\b")


@pytest.fixture(scope="module")
def story() -> tuple[list[Event], list]:
    return sitebuild.load_story()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sitebuild.story_site(tmp_path_factory)


def chronological(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (periods.sort_key(e.date), e.slug))


def page(site: Path, path: str):
    return sitebuild.soup(site / path)


def main_text(soup) -> str:
    return soup.find("main").get_text(" ", strip=True)


def hrefs(element) -> set[str]:
    """Links in an element, as paths from the site root (the pages link relatively)."""
    found = set()
    for a in element.find_all("a", href=True):
        href = a["href"]
        while href.startswith(("../", "./")):
            href = href.split("/", 1)[1]
        found.add(href)
    return found


# ---------------------------------------------------------------- the timeline


def test_index_groups_events_by_year_then_month_or_period(site: Path) -> None:
    index = page(site, "index.html")
    years = [h.get_text(strip=True) for h in index.select("main h2.year__heading")]
    sections = [h.get_text(strip=True) for h in index.select("main h3.section__heading")]
    assert years == ["2010s", "2019", "2023", "2024", "2025"]
    assert sections == [
        "2010s", "2019", "Q4 2023", "Summer 2024", "September 2024",
        "October 2024", "November 2024", "January 2025",
    ]  # fmt: skip


def test_dates_are_shown_at_their_precision_never_as_iso(site: Path, story) -> None:
    index = page(site, "index.html")
    shown = {
        li.select_one(".event__title").get_text(strip=True): li.select_one("time").get_text(strip=True)
        for li in index.select("li.event")
    }
    assert shown["Contract talks collapse"] == "Week of 30 September 2024"
    assert shown["The dockworkers' contract expires"] == "September 2024"
    assert shown["Dockworkers walk out"] == "7 October 2024"
    assert shown["Ships are diverted to Brennick"] == "8 October 2024 – 20 October 2024"
    assert shown["Union members authorize a strike"] == "Summer 2024"
    assert shown["Container traffic at the port doubles"] == "2010s"
    for path in ("index.html", *(f"events/{e.slug}.html" for e in story[0])):
        assert not ISO_DATE.search(main_text(page(site, path))), path


def test_time_elements_carry_machine_dates_html_accepts(site: Path) -> None:
    index = page(site, "index.html")
    stamps = {t.get_text(strip=True): t.get("datetime") for t in index.select("main time")}
    assert stamps["Week of 30 September 2024"] == "2024-W40"
    assert stamps["September 2024"] == "2024-09"
    assert stamps["7 October 2024"] == "2024-10-07"
    assert stamps["2019"] == "2019"
    assert stamps["Q4 2023"] is None and stamps["2010s"] is None  # HTML has no form for these


def test_planned_events_are_marked(site: Path, story) -> None:
    index = page(site, "index.html")
    for li in index.select("li.event"):
        title = li.select_one(".event__title").get_text(strip=True)
        event = next(e for e in story[0] if e.title == title)
        assert (li.select_one(".badge") is not None) == (event.status == "planned"), title


def test_every_event_is_on_the_page_of_its_month_and_links_back(site: Path, story) -> None:
    events = story[0]
    index = page(site, "index.html")
    contents = [a["href"].removeprefix("./") for a in index.select("nav.contents a")]
    seen: list[str] = []
    for path in contents:
        section = page(site, path)
        listed = [a["href"].removeprefix("../") for a in section.select("li.event .event__title a")]
        seen += listed
        for event_path in listed:
            kicker = page(site, event_path).select_one(".kicker")
            assert path in hrefs(kicker), (event_path, path)
    assert sorted(seen) == sorted(f"events/{e.slug}.html" for e in events)


def test_a_large_timeline_shows_its_recent_months_and_a_contents_of_all(tmp_path: Path) -> None:
    start = date(2022, 1, 10)
    events = [
        Event(
            id=f"m{n:03d}",
            slug=f"council-meeting-{n}",
            date=(start + timedelta(days=31 * n)).isoformat(),
            precision="day",
            title=f"Council meeting number {n}",
            summary="The council met.",
            status="happened",
        )
        for n in range(30)
    ]
    site = sitebuild.build_story(tmp_path, events, [], TIMELINE_RECENT_SECTIONS=6)
    index = page(site, "index.html")
    on_index = {a.get_text(strip=True) for a in index.select("li.event .event__title a")}
    assert on_index == {e.title for e in events[-6:]}
    contents = index.select("nav.contents a")
    assert len(contents) == 30
    assert "most recent 6 events" in index.select_one("p.note").get_text()
    first_month = page(site, contents[0]["href"].removeprefix("./"))
    assert [a.get_text(strip=True) for a in first_month.select("li.event a")] == [events[0].title]


# ---------------------------------------------------------------- event, source, person, place pages


def test_event_pages_show_the_event_its_sources_and_its_neighbours(site: Path, story) -> None:
    events, sources = story
    titles = {s.slug: s.title for s in sources}
    order = chronological(events)
    for i, event in enumerate(order):
        soup = page(site, f"events/{event.slug}.html")
        assert soup.h1.get_text(strip=True) == event.title
        assert soup.select_one(".kicker time").get_text(strip=True).startswith(periods.human(event.date))
        assert soup.select_one(".status").get_text(strip=True) == event.status.capitalize()
        assert soup.select_one(".summary").get_text(strip=True) == event.summary
        quotes = soup.select("figure.quote")
        assert [q.blockquote.get_text(strip=True) for q in quotes] == [s.sentence for s in event.sources]
        for quote, source in zip(quotes, event.sources, strict=True):
            links = {a.get_text(strip=True): a["href"] for a in quote.figcaption.find_all("a")}
            assert links[titles[source.article]] == f"../sources/{source.article}.html"
            assert links.get("original article") == source.url
        entities = soup.select_one("section.entities")
        names = {a.get_text(strip=True): a["href"] for a in entities.find_all("a")} if entities else {}
        assert names == {
            **{p.name: f"../people/{p.slug}.html" for p in event.people},
            **{p.name: f"../places/{p.slug}.html" for p in event.places},
        }
        neighbours = {a["rel"][0]: a["href"] for a in soup.select("a[rel=prev], a[rel=next]")}
        expected = {"prev": order[i - 1] if i else None, "next": order[i + 1] if i + 1 < len(order) else None}
        assert neighbours == {rel: f"../events/{e.slug}.html" for rel, e in expected.items() if e}


def test_source_pages_show_metadata_and_only_the_quoted_sentences(site: Path, story) -> None:
    events, sources = story
    for source in sources:
        soup = page(site, f"sources/{source.slug}.html")
        assert soup.h1.get_text(strip=True) == source.title
        meta = sitebuild.definitions(soup)
        assert meta["Publisher"].get_text(strip=True) == source.publisher
        assert meta["Published"].get_text(strip=True) == periods.human(source.published.isoformat())
        assert ("Dateline" in meta) == bool(source.dateline)
        if source.url:
            assert meta["Original"].a["href"] == source.url
            assert "noopener" in meta["Original"].a["rel"]
        else:
            assert "Original" not in meta and not soup.select("main a.external")
        cited = [e for e in chronological(events) if any(s.article == source.slug for s in e.sources)]
        listed = [a["href"] for a in soup.select(".excerpt h3 a")]
        assert listed == [f"../events/{e.slug}.html" for e in cited]
        quoted = {s.sentence for e in cited for s in e.sources if s.article == source.slug}
        assert {b.get_text(strip=True) for b in soup.select("main blockquote")} == quoted


def test_person_and_place_pages_list_exactly_their_events(site: Path, story) -> None:
    events = story[0]
    for kind, folder in (("people", "people"), ("places", "places")):
        named: dict[str, set[str]] = {}
        for event in events:
            for entity in getattr(event, kind):
                named.setdefault(entity.slug, set()).add(f"events/{event.slug}.html")
        listing = page(site, f"{folder}/index.html")
        counts = {
            li.a["href"]: li.select_one(".listing__count").get_text(strip=True)
            for li in listing.select("li.listing__entry")
        }
        expected_counts = {slug: f"{len(n)} event" + ("s" if len(n) > 1 else "") for slug, n in named.items()}
        assert counts == {f"../{folder}/{slug}.html": text for slug, text in expected_counts.items()}
        for slug, expected in named.items():
            soup = page(site, f"{folder}/{slug}.html")
            assert hrefs(soup.select_one("ol.events")) == expected


def test_the_atom_feed_lists_every_event(site: Path, story) -> None:
    feed = ET.parse(site / "feeds" / "all.atom.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = sorted(e.findtext("a:title", namespaces=ns) for e in feed.findall("a:entry", ns))
    assert titles == sorted(e.title for e in story[0])


# ---------------------------------------------------------------- rendering from view models


def test_pages_render_byte_for_byte_outside_pelican(site: Path, tmp_path: Path) -> None:
    """What incremental regeneration relies on: a page re-rendered from the events, the sources
    and the settings alone is the file the full build wrote."""
    content = site.parent / "content"
    settings = read_settings(
        str(sitebuild.SETTINGS), override={"PATH": str(content), "OUTPUT_PATH": str(tmp_path)}
    )
    events, sources = read_content(content)
    specs = all_pages(build_model(events, sources, Layout.from_settings(settings)))
    write_standalone(specs, settings, tmp_path)
    assert len(specs) > 30
    for spec in specs:
        assert (tmp_path / spec.save_as).read_bytes() == (site / spec.save_as).read_bytes(), spec.save_as


def test_an_event_s_or_a_source_s_page_is_made_alone_where_the_list_of_them_saves_it(story) -> None:
    """A regeneration makes only the event and source pages a change reaches, one by one, and
    knows the others by where they are saved: the pages' paths and the pages made alone are
    those of the whole list, in its order (the events', then the sources')."""
    events, sources = story
    model = build_model(events, sources, Layout(event="e/{slug}/", source="s/{slug}.htm"))
    pages = content_pages(model)
    paths = content_paths(model)
    assert paths == [f"e/{e.slug}/" for e in chronological(events)] + [
        f"s/{a.slug}.htm" for a in sorted(sources, key=lambda a: (a.published, a.slug))
    ]
    assert paths == [p.save_as for p in pages]
    for index, path in enumerate(paths):  # each page made alone shows the view of what it is saved for
        spec = content_page(model, index)
        key = "article" if spec.template == "article" else "page"
        assert spec.save_as == path and spec.context[key]["timeline"].url == path
    assert [p.template for p in pages] == ["article"] * len(events) + ["source"] * len(sources)


def test_one_new_event_touches_a_bounded_set_of_pages(story) -> None:
    events, sources = story
    layout = Layout()
    ledger = next(s for s in sources if s.publisher == "Northern Ledger")
    new = Event(
        id="0a0b0c0d0e0f", slug="2024-10-10-union-rallies-downtown", date="2024-10-10", precision="day",
        title="Union rallies downtown", summary="Strikers marched through Halvard.", status="happened",
        people=(Entity("Marta Ilves", "marta-ilves", "person"),),
        places=(Entity("Harbor Square", "harbor-square", "place"),),
        sources=(Source(ledger.slug, "2024-10-21", ledger.url, "Thousands marched downtown on Oct. 10."),),
    )  # fmt: skip
    before = {p.save_as: p for p in all_pages(build_model(events, sources, layout))}
    after = {p.save_as: p for p in all_pages(build_model([*events, new], sources, layout))}
    touched = {path for path, spec in after.items() if before.get(path) != spec}
    assert touched == {
        "events/2024-10-10-union-rallies-downtown.html",
        "events/2024-10-08-ships-diverted-to-brennick.html",  # its previous event
        "events/2024-10-18-governor-appoints-mediator.html",  # its next event
        "timeline/2024-10.html", "index.html",
        "people/marta-ilves.html", "people/index.html",
        "places/harbor-square.html", "places/index.html",
        f"sources/{ledger.slug}.html", "sources/index.html",
    }  # fmt: skip


def test_event_views_made_when_read_are_the_same_in_any_order(story) -> None:
    """A regeneration reads few event views, the last ones first (the embed): each is the view
    of its event between its neighbours, as reading them all in order gives."""
    events, sources = story
    in_order = list(build_model(events, sources).events)
    lazy = build_model(events, sources).events
    assert (lazy[-1], lazy[len(in_order) // 2]) == (in_order[-1], in_order[len(in_order) // 2])
    assert lazy[-3:] == tuple(in_order[-3:]) and lazy == in_order and len(lazy) == len(events)
    for before, view, after in zip(in_order, in_order[1:], in_order[2:], strict=False):
        assert (view.previous.url, view.next.url) == (before.url, after.url)
    assert in_order[0].previous is None and in_order[-1].next is None
    with pytest.raises(IndexError):
        lazy[len(events)]


def test_source_views_made_when_read_agree_with_the_sources_index(story) -> None:
    """A regeneration reads few source views, and the sources' index counts each article's
    excerpts without making them: both say the same as the views read in order."""
    events, sources = story
    in_order = list(build_model(events, sources).sources)
    lazy = build_model(events, sources).sources
    assert lazy[-1] == in_order[-1] and lazy == in_order and len(lazy) == len(sources)
    index = next(p for p in listing_pages(build_model(events, sources)) if p.save_as == "sources/index.html")
    counted = [(e.url, e.count) for e in index.context["listing"].entries]
    assert counted == [(v.url, len(v.excerpts)) for v in in_order]
    with_pages = {a.slug for a in sources}
    cited = {(e.slug, s.article) for e in events for s in e.sources if s.article in with_pages}
    assert sum(count for _, count in counted) == len(cited)  # each event once per article it quotes


def test_a_changed_headline_reaches_every_page_that_shows_it(story) -> None:
    events, sources = story
    target = events[6]
    edited = [replace(e, title="Dockworkers strike") if e is target else e for e in events]
    before = {p.save_as: p for p in all_pages(build_model(events, sources))}
    after = {p.save_as: p for p in all_pages(build_model(edited, sources))}
    touched = {path for path in after if before[path] != after[path]}
    assert {f"events/{target.slug}.html", "index.html", "timeline/2024-10.html"} <= touched
    assert {f"sources/{s.article}.html" for s in target.sources} <= touched
    assert {f"people/{p.slug}.html" for p in target.people} <= touched
    assert "timeline/2019.html" not in touched and "people/ruth-calloway.html" not in touched


# ---------------------------------------------------------------- the theme


def theme_pages(site: Path) -> dict:
    """Our theme's pages; the embeds are the exports' own."""
    return {p: s for p, s in sitebuild.html_pages(site).items() if not p.startswith("embed/")}


def test_every_page_is_accessible_and_self_contained(site: Path) -> None:
    pages = theme_pages(site)
    assert len(pages) > 30
    for path, soup in pages.items():
        assert soup.html.get("lang") == "en", path
        assert soup.find("meta", attrs={"name": "viewport"}), path
        csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert csp and "default-src 'none'" in csp["content"], path
        assert soup.title.get_text(strip=True), path
        assert len(soup.find_all("h1")) == 1, path
        skip = soup.find("a", class_="skip-link")
        assert skip and skip["href"] == "#main" and soup.find("main", id="main"), path
        assert soup.find("header") and soup.find("nav") and soup.find("footer"), path
        assert not soup.find_all(["script", "iframe", "img", "object", "embed"]), path
        for link in soup.find_all("link", href=True):
            assert not link["href"].startswith(("http:", "https:", "//")), (path, link)
        levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
        assert all(b - a <= 1 for a, b in pairwise(levels)), (path, levels)
        current = soup.select("nav.site-nav a[aria-current=page]")
        assert len(current) <= 1, path


@pytest.mark.browser
@pytest.mark.slow
def test_pages_fit_a_phone_and_need_no_javascript(site: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("Chromium not installed at /usr/bin/chromium")
    args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"]  # fmt: skip
    paths = ["index.html", "events/2024-10-08-ships-diverted-to-brennick.html", "timeline/2024-10.html",
             "sources/halvard-courier-2024-10-07-dockworkers-walk-out.html", "people/index.html"]  # fmt: skip
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=args)
        context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
        tab = context.new_page()
        blocked: list[str] = []
        tab.on("console", lambda msg: blocked.extend([msg.text] if "Security Policy" in msg.text else []))
        for path in paths:
            tab.goto((site / path).as_uri())
            width = tab.evaluate("document.documentElement.scrollWidth")  # evaluate works with page JS off
            assert width <= 360, (path, width)
            assert tab.locator("main h1").is_visible(), path
            assert tab.eval_on_selector("body", "b => getComputedStyle(b).fontFamily").startswith("Charter")
        tab.goto((site / "index.html").as_uri())
        tab.keyboard.press("Tab")
        skip = tab.locator("a.skip-link")
        assert skip.evaluate("a => a === document.activeElement")
        assert skip.bounding_box()["y"] >= 0  # shown when focused
        assert tab.eval_on_selector("a.skip-link", "a => getComputedStyle(a).outlineStyle") != "none"
        browser.close()
    assert not blocked


# ---------------------------------------------------------------- the sample article, end to end


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("timeline.ingest")
    return sitebuild.seed_site(tmp_path_factory)


def test_the_sample_site_shows_every_event_at_its_precision(seed_site: Path) -> None:
    events, _ = read_content(seed_site.parent / "content")
    index = page(seed_site, "index.html")
    shown = {a["href"].removeprefix("./"): a for a in index.select("li.event .event__title a")}
    assert set(shown) == {f"events/{e.slug}.html" for e in events}
    for event in events:
        item = shown[f"events/{event.slug}.html"].find_parent("li")
        assert item.time.get_text(strip=True).startswith(periods.human(event.date)), event.slug


def test_source_page_quotes_but_never_republishes_its_article(seed_site: Path, seed_article: Path) -> None:
    events, sources = read_content(seed_site.parent / "content")
    (source,) = sources
    text = main_text(page(seed_site, f"sources/{source.slug}.html"))
    quoted = [s.sentence for e in events for s in e.sources]
    body = seed_article.read_text(encoding="utf-8").partition("\n\n")[2]
    paragraphs = [p.strip() for p in body.splitlines() if p.strip()]
    unquoted = [p for p in paragraphs if not any(q in p or p in q for q in quoted)]
    assert quoted and unquoted
    assert all(" ".join(q.split()) in text for q in quoted)
    assert not [p for p in unquoted if p in text]


def test_an_empty_timeline_still_builds_a_working_site(tmp_path: Path) -> None:
    site = sitebuild.build_story(tmp_path, [], [])
    index = page(site, "index.html")
    assert "No events yet" in main_text(index)
    for path in ("people/index.html", "places/index.html", "sources/index.html"):
        assert "None yet" in main_text(page(site, path))
