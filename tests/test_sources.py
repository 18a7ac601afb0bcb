"""Reading article files: the text offsets refer to, the reference day, metadata, and every refusal."""

from __future__ import annotations

import codecs
import json
import os
import re
import socket
from dataclasses import dataclass
from datetime import date
from html import unescape
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from timeline.events import extract_events
from timeline.html_extract import (
    BYLINE_DATE_EXAMPLES,
    FURNITURE_EXAMPLES,
    NOTE_EXAMPLES,
    WRITTEN_DATE,
    extract_page,
    furniture_kind,
    is_furniture_line,
    is_note_line,
    plain,
)
from timeline.model import Article
from timeline.slugs import is_slug
from timeline.sources import (
    DATELINE_EXAMPLES,
    HEADER_EXAMPLES,
    LANGUAGE_EXAMPLES,
    MAX_BYTES,
    TITLE_WORDS,
    SourceError,
    dateline_of,
    find_articles,
    headline_from,
    page_header,
    parse_published,
    read_article,
    reads_as_english,
)

HERE = Path(__file__).resolve().parent / "fixtures" / "sources"
LAKESHORE = HERE / "lakeshore-bridge-vote.html"
HOSTILE = HERE / "hostile-page.html"
KYIV = HERE / "kyiv-power-grid.txt"
HARBOR = HERE / "harbor-strike.md"
COUNCIL = HERE / "council-budget-yaml.md"
PAGES = HERE.parent / "pages"


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to resolve a name or open a connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def refusal(path: Path | str, published: str | None = None) -> SourceError:
    with pytest.raises(SourceError) as info:
        read_article(path, published=published)
    exc = info.value
    assert str(exc) == f"{exc.path}: {exc.reason}"
    assert exc.path == str(path)
    assert "\n" not in exc.reason and exc.reason.strip() == exc.reason and exc.reason
    return exc


BAY_POST = "<meta property='og:site_name' content='Bay Post'>"


def page(head: str = "", body: str = "") -> str:
    story = "<p>Officials met on Monday to discuss the harbor budget and agreed to meet again in June.</p>"
    return f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{body}{story}</body></html>"


# --- plain text -------------------------------------------------------------------------------


def test_txt_is_the_whole_file_unchanged_with_the_given_day() -> None:
    article = read_article(KYIV, published="2025-02-19")
    raw = KYIV.read_text(encoding="utf-8")
    assert article.text == raw
    phrase = "Air defenses shot down 41 of the 58 drones"
    start = raw.index(phrase)
    assert article.text[start : start + len(phrase)] == phrase
    assert article.published == date(2025, 2, 19)
    assert article.published_at == "2025-02-19"
    assert article.path == str(KYIV)
    assert article.url is None and article.publisher is None


def test_txt_dateline_is_read_and_the_text_keeps_it() -> None:
    article = read_article(KYIV, published="2025-02-19")
    assert article.dateline == "Kyiv"
    assert article.text.startswith("KYIV, Ukraine (AP) — Russian drones")


def test_txt_title_is_a_short_opening_without_the_dateline() -> None:
    article = read_article(KYIV, published="2025-02-19")
    words = article.title.rstrip("…").split()
    assert 3 <= len(words) <= TITLE_WORDS
    assert "KYIV" not in article.title and "\n" not in article.title
    assert article.text.splitlines()[0].split("— ", 1)[1].startswith(" ".join(words))


def test_txt_without_published_is_refused_and_names_the_fix() -> None:
    exc = refusal(KYIV)
    assert exc.reason == "no publication date: give --published"


def test_txt_bom_is_dropped_and_crlf_kept_so_offsets_match_the_decoded_file(tmp_path: Path) -> None:
    body = "CHICAGO — Transit officials said Thursday\r\nthat fares would rise in July.\r\n"
    path = write(tmp_path, "fares.txt", codecs.BOM_UTF8 + body.encode("utf-8"))
    article = read_article(path, published="2025-03-06")
    assert article.text == body
    assert article.text[body.index("fares") : body.index("fares") + 5] == "fares"
    assert article.dateline == "Chicago"


def test_published_datetime_with_offset_gives_the_local_day_as_written() -> None:
    article = read_article(KYIV, published="2025-05-19T22:30:00-04:00")
    assert article.published == date(2025, 5, 19)  # 02:30 on the 20th in UTC: not converted
    assert article.published_at == "2025-05-19T22:30:00-04:00"


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2025-05-19", date(2025, 5, 19)),
        ("2025-05-19T22:30:00-04:00", date(2025, 5, 19)),
        ("2025-05-20T02:30:00Z", date(2025, 5, 20)),
        ("2025-05-19 10:20", date(2025, 5, 19)),
        ("2025-05-19T23:59:59.5+05:30", date(2025, 5, 19)),
        (" 2024-02-29 ", date(2024, 2, 29)),
    ],
)
def test_parse_published_accepts_iso_dates_and_date_times(value: str, day: date) -> None:
    assert parse_published(value) == (day, value.strip())


@pytest.mark.parametrize(
    "value", ["19/05/2025", "May 19, 2025", "2025-05", "2025-02-30", "2025-13-01", "2025-W21-1", "20250519",
              "2025-05-19T25:00", "yesterday", ""],
)  # fmt: skip
def test_parse_published_refuses_anything_else_naming_the_value(value: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(value))):
        parse_published(value)


def test_invalid_published_is_a_source_error_naming_the_value() -> None:
    exc = refusal(KYIV, published="19.05.2025")
    assert "--published" in exc.reason and "'19.05.2025'" in exc.reason


# --- Markdown with front matter ---------------------------------------------------------------


def test_md_front_matter_gives_metadata_and_the_body_is_the_text() -> None:
    article = read_article(HARBOR)
    raw = HARBOR.read_text(encoding="utf-8")
    body = raw[raw.index("\n\n") + 2 :]
    assert article.text == body
    phrase = "agreed to a six-year contract"
    start = body.index(phrase)
    assert article.text[start : start + len(phrase)] == phrase
    assert article.title == "Dockworkers end six-day strike at Gulf ports after wage deal"
    assert article.published == date(2025, 10, 7)
    assert article.published_at == "2025-10-07T21:15:00-05:00"
    assert article.url == "https://www.gulfcoastledger.example/business/dockworkers-end-strike"
    assert article.publisher == "Gulf Coast Ledger"
    assert article.dateline == "Houston"


def test_published_overrides_the_front_matter_date() -> None:
    article = read_article(HARBOR, published="2025-10-08")
    assert article.published == date(2025, 10, 8)
    assert article.published_at == "2025-10-08"


def test_md_keys_are_case_insensitive_with_aliases_and_continuation_lines(tmp_path: Path) -> None:
    path = write(tmp_path, "story.markdown", (
        "TITLE: Flood barrier tested ahead of\n"
        "    storm season\n"
        "date: 2025-09-01\n"
        "LINK: https://example.org/flood-barrier\n"
        "Outlet: Delta Herald\n"
        "\n"
        "\n"
        "ROTTERDAM — Engineers closed the barrier on Sunday.\n"
    ))  # fmt: skip
    article = read_article(path)
    assert article.title == "Flood barrier tested ahead of storm season"
    assert article.url == "https://example.org/flood-barrier"
    assert article.publisher == "Delta Herald"
    assert article.dateline == "Rotterdam"  # not in the front matter: read from the text
    assert article.text == "ROTTERDAM — Engineers closed the barrier on Sunday.\n"


def test_md_yaml_front_matter_is_tolerated() -> None:
    article = read_article(COUNCIL)
    raw = COUNCIL.read_text(encoding="utf-8")
    assert article.title == "Riverside council passes budget: libraries spared, road repairs delayed"
    assert article.published == date(2025, 6, 24)
    assert article.url == "https://news.riversidecourier.example/2025/06/24/budget-vote"
    assert article.publisher == "Riverside Courier"
    assert article.text == raw[raw.index("The Riverside City Council") :]
    assert article.dateline is None


def test_md_crlf_front_matter(tmp_path: Path) -> None:
    text = "Title: Bridge reopens\r\nDate: 2025-04-02\r\n\r\nThe bridge reopened.\r\n"
    path = write(tmp_path, "crlf.md", text)
    article = read_article(path)
    assert (article.title, article.published, article.text) == (
        "Bridge reopens", date(2025, 4, 2), "The bridge reopened.\r\n")  # fmt: skip


def test_md_without_front_matter_is_all_text(tmp_path: Path) -> None:
    text = "Update: The vote was moved to Thursday.\nThe council had planned to vote on Tuesday.\n"
    path = write(tmp_path, "update.md", text)
    article = read_article(path, published="2025-04-03")
    assert article.text == text  # "Update:" is not a front-matter key: the paragraph stays
    assert refusal(path).reason == "no publication date: give --published or a Date: line"


def test_md_without_date_is_refused(tmp_path: Path) -> None:
    text = "Title: Ferry service resumes\nPublisher: Island Times\n\nFerries ran.\n"
    path = write(tmp_path, "nodate.md", text)
    assert refusal(path).reason == "no publication date: give --published or a Date: line"
    assert read_article(path, published="2025-07-01").published == date(2025, 7, 1)


@pytest.mark.parametrize("value", ["next Tuesday", "May 2025", "05/06/2025", "2025-02-30"])
def test_md_with_an_unreadable_date_is_refused_naming_it(tmp_path: Path, value: str) -> None:
    path = write(tmp_path, "bad.md", f"Title: Ferry service resumes\nDate: {value}\n\nFerries ran.\n")
    exc = refusal(path)
    assert repr(value) in exc.reason and exc.reason.startswith("Date:")
    assert read_article(path, published="2025-07-01").published == date(2025, 7, 1)


@pytest.mark.parametrize(
    ("value", "day", "written"),
    [
        ("Mon, 19 May 2025 22:30:00 -0400", date(2025, 5, 19), "2025-05-19T22:30:00-04:00"),
        ("May 19, 2025", date(2025, 5, 19), "2025-05-19"),
        ("19 Sept. 2024", date(2024, 9, 19), "2024-09-19"),
    ],
)
def test_md_date_written_with_a_month_name(tmp_path: Path, value: str, day: date, written: str) -> None:
    path = write(tmp_path, "named.md", f"Title: Ferry service resumes\nDate: {value}\n\nFerries ran.\n")
    article = read_article(path)
    assert (article.published, article.published_at) == (day, written)


def test_md_url_must_be_a_web_address(tmp_path: Path) -> None:
    path = write(tmp_path, "js.md", "Title: X\nDate: 2025-01-01\nUrl: javascript:alert(1)\n\nText.\n")
    assert "javascript:alert(1)" in refusal(path).reason


def test_md_with_front_matter_only_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.md", "Title: Nothing here\nDate: 2025-01-01\n\n  \n")
    assert refusal(path).reason == "empty article text"


def test_seed_article(seed_article: Path, root: Path) -> None:
    article = read_article(seed_article)
    assert article.published == date(2025, 5, 19)
    assert article.dateline == "Washington"
    assert article.publisher == "New York Post"
    assert article.title == "Putin doubles down on refusing a cease-fire after two-hour call with Trump"
    assert article.text.startswith("WASHINGTON — Russian President Vladimir Putin doubled down Monday")
    phrase = "agreed to exchange 1,000 prisoners of war"
    start = article.text.index(phrase)
    assert article.text[start : start + len(phrase)] == phrase
    assert is_slug(article.slug) and article.slug.startswith("new-york-post-2025-05-19-putin")
    shared = root.parent / "shared" / "seeds" / "000_cd00b1d464915fbf.txt"
    if shared.exists():  # the body is the user's text, unchanged
        assert article.text == shared.read_text(encoding="utf-8")


# --- saved HTML pages -------------------------------------------------------------------------


def test_html_main_text_without_boilerplate(offline: None) -> None:
    article = read_article(LAKESHORE)
    text = article.text
    paragraphs = [p.get_text() for p in BeautifulSoup(LAKESHORE.read_text(encoding="utf-8"), "html.parser")
                  .select("div.story-body > p")]  # fmt: skip
    assert len(paragraphs) == 8
    positions = [text.index(p) for p in paragraphs]  # every paragraph, whole and in order
    assert positions == sorted(positions)
    assert text.startswith("DULUTH, Minn. — The City Council voted 7-2 on Friday")
    for boilerplate in ("We use cookies", "Accept all", "Subscribe for $1", "Obituaries", "Advertisement",
                        "Harbor Ford", "Lakeside Dental", "Lift bridge closed to cars", "Bulldogs clinch",
                        "Morning Briefing", "northshore_dave", "lived here 30 years", "shuttle boat crew",
                        "All rights reserved", "Privacy policy", "dataLayer", "gtag", "metrics.example",
                        "Staff writer", "Tribune file photo"):  # fmt: skip
        assert boilerplate not in text, boilerplate


def test_html_metadata_from_the_page(offline: None) -> None:
    article = read_article(LAKESHORE)
    assert article.title == "Duluth council approves $48 million repair of flood-damaged lift bridge"
    assert article.publisher == "The Lakeshore Tribune"
    assert article.url == ("https://www.lakeshoretribune.example/news/local/2025/03/14/"
                           "duluth-council-approves-lift-bridge-repair/")  # fmt: skip
    assert article.published == date(2025, 3, 14)  # the published time, not the update of the 15th
    assert article.published_at == "2025-03-14T18:05:00-05:00"
    assert article.dateline == "Duluth"
    phrase = "a bond sale planned for June"
    start = article.text.index(phrase)
    assert article.text[start : start + len(phrase)] == phrase


def test_html_reading_is_deterministic_and_independent_of_earlier_pages(offline: None) -> None:
    first = read_article(LAKESHORE)
    read_article(HOSTILE)
    assert read_article(LAKESHORE) == first
    assert read_article(LAKESHORE, published="2025-03-15").text == first.text


def test_hostile_page_yields_text_not_markup(offline: None) -> None:
    article = read_article(HOSTILE)
    for field in (article.text, article.title, article.url or "", article.publisher or ""):
        for bad in ("<", ">", "onerror", "onload", "onclick", "javascript:", "alert(", "exfil", "document."):
            assert bad not in field, (bad, field)
    for hidden in ("iframe fallback", "Plugin fallback", "Template content"):
        assert hidden not in article.text
    assert "ran a script that quietly collected" in article.text  # the words themselves are news
    assert "does not use javascript trackers" in article.text
    assert "Read the staff memo before the hearing" in article.text  # a javascript: link's words stay
    assert article.url is None  # its canonical link was javascript:
    assert article.title == "Harbor commission delays vote on ferry contract"
    assert article.publisher == "Bayside Gazette"
    assert article.published == date(2025, 6, 2)
    assert article.dateline == "Port Angeles"
    assert article.text.startswith("PORT ANGELES, Wash. — ")  # the repeated headline is not text


@pytest.mark.parametrize(
    ("head", "body", "day"),
    [
        ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
         '{"@type": "WebSite", "name": "X"}, '
         '{"@type": ["NewsArticle"], "datePublished": "2024-11-05T06:00:00+01:00"}'
         ']}</script>', "", date(2024, 11, 5)),
        ('<meta itemprop="datePublished" content="2024-11-06">', "", date(2024, 11, 6)),
        ('<script type="application/ld+json">[{"@type": "NewsArticle", "headline": "Ferry pilots strike", '
         '"datePublished": "2024-11-01"}, {"@type": "NewsArticle", "headline": "Harbor budget approved", '
         '"datePublished": "2024-11-04"}]</script>', "<h1>Harbor budget approved</h1>", date(2024, 11, 4)),
        ('<meta name="parsely-pub-date" content="2024-11-07T23:30:00Z">', "", date(2024, 11, 7)),
        ('<meta name="DC.date.issued" content="2024-11-08">', "", date(2024, 11, 8)),
        ('<meta name="sailthru.date" content="Sat, 09 Nov 2024 10:00:00 -0500">', "", date(2024, 11, 9)),
        ("", '<time pubdate datetime="2024-11-10T09:00:00-08:00">Nov. 10</time>', date(2024, 11, 10)),
        ("", '<article><header><time datetime="2024-11-11">Nov. 11</time></header></article>',
         date(2024, 11, 11)),
        ('<meta property="article:published_time" content="not a date">'
         '<meta property="og:published_time" content="2024-11-12">', "", date(2024, 11, 12)),
        ("", '<time class="updated" datetime="2024-11-14">Nov. 14</time>'
             '<time class="entry-date published" datetime="2024-11-13T07:00:00+00:00">Nov. 13</time>',
         date(2024, 11, 13)),
        ("", '<article><header><time>November 15, 2024</time></header></article>', date(2024, 11, 15)),
        ("", '<article><header>Updated <time datetime="2024-11-19">Nov. 19</time> · Published '
             '<time datetime="2024-11-18">Nov. 18</time></header></article>', date(2024, 11, 18)),
        ("", '<article><header><time itemprop="dateModified" datetime="2024-11-19">Nov. 19</time>'
             '<time datetime="2024-11-17">Nov. 17</time></header></article>', date(2024, 11, 17)),
        ("", '<div itemscope itemtype="https://schema.org/NewsArticle"><meta itemprop="datePublished" '
             'content="2024-11-20"><a href="/other">Another story</a></div><article><h1>Harbor budget</h1>'
             '<meta itemprop="datePublished" content="2024-11-16"></article>', date(2024, 11, 16)),
        ("", '<div class="top"><time datetime="2024-11-30">Today</time></div><h1>Harbor budget</h1>'
             '<div class="info"><span>Updated <time datetime="2024-11-23">Nov. 23</time></span> '
             '<span><time datetime="2024-11-21T06:00:00-08:00">Nov. 21</time></span></div>',
         date(2024, 11, 21)),
        ("", '<header><h1><a href="/">Bay Post</a></h1><time datetime="2024-11-30">Today</time></header>'
             '<div class="story"><h1>Harbor budget approved</h1><span><time datetime="2024-11-22">'
             "Nov. 22</time></span></div>", date(2024, 11, 22)),
        ("", '<h1>Harbor budget approved</h1><div class="info">By <a href="/ann">Ann Lee</a> · Nov. 24, '
             "2024 · 4 min read</div>", date(2024, 11, 24)),  # a date written alone in the byline
        ("", "<h1>Harbor budget approved</h1><div>Updated Nov. 27, 2024</div><div>Published 25 November "
             "2024, 6:05 pm</div>", date(2024, 11, 25)),
    ],
)  # fmt: skip
def test_html_date_from_each_kind_of_declaration(tmp_path: Path, head: str, body: str, day: date) -> None:
    path = write(tmp_path, "page.html", page(head, body))
    assert read_article(path).published == day


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ('<meta property="article:modified_time" content="2024-11-12T10:00:00Z">', ""),  # an update is not it
        ("", "<p>Posted Nov. 12, 2024</p>"),  # a date in the text is a guess
        ('<link rel="canonical" href="https://example.org/2024/11/12/harbor-budget/">', ""),  # so is the URL
        ("", '<header class="site"><time datetime="2024-11-12">Today</time></header>'),  # the day saved
        ("", '<header class="site"><time datetime="2024-11-12">Today</time></header><h1>Harbor budget</h1>'),
        (
            "",
            '<header><h1 class="logo"><a href="/">Bay Post</a></h1><time datetime="2024-11-12">Today</time>'
            "</header>",
        ),  # a masthead's <h1> has no byline
        (
            "",
            '<h1><a href="/"><img src="logo.png" alt="Bay Post"></a></h1><time datetime="2024-11-12">Today'
            "</time>",
        ),
        (
            "",
            "<h1>Harbor budget</h1><p>The harbor commission approved its budget after a long debate over "
            "dredging, ferry subsidies and the pay of its pilots, who threatened to strike.</p><p>The next "
            'hearing is on <time datetime="2024-11-30">Nov. 30</time>.</p>',
        ),  # a day the story names
        (
            "",
            "<h1>Harbor budget</h1><p>The harbor commission approved its budget after a long debate over "
            "dredging, ferry subsidies and the pay of its pilots, who threatened to strike.</p><p>Nov. 30, "
            "2024</p>",
        ),
        ("", "<h1>Harbor budget</h1><div>Updated Nov. 12, 2024</div>"),  # the last change only
        (
            "",
            "<h1>Harbor budget</h1><div>The harbor commission approved its budget after a long debate over "
            "dredging, ferry subsidies and the pay of its pilots, who threatened to strike.<br><br>Nov. 30, "
            "2024<br><br>The pilots said they would vote on the offer.</div>",
        ),  # text between <br>s
    ],
)
def test_html_without_a_declared_publication_date_is_refused(tmp_path: Path, head: str, body: str) -> None:
    path = write(tmp_path, "page.html", page(head, body))
    assert refusal(path).reason.startswith("no publication date: the page declares none; give --published")
    assert read_article(path, published="2024-11-12").published == date(2024, 11, 12)


def test_a_day_in_the_address_is_named_in_the_refusal_never_taken(tmp_path: Path) -> None:
    canonical = '<link rel="canonical" href="https://example.org/news/2024/11/12/harbor-budget/">'
    reason = refusal(write(tmp_path, "page.html", page(canonical))).reason
    assert (
        reason
        == "no publication date: the page declares none; give --published (its address suggests 2024-11-12)"
    )
    impossible = canonical.replace("11/12", "13/45")
    assert refusal(write(tmp_path, "other.html", page(impossible))).reason.endswith("give --published")


def test_a_utc_declaration_gives_way_to_the_same_instant_in_local_time(tmp_path: Path) -> None:
    utc = '<meta property="article:published_time" content="2024-11-13T02:00:00Z">'
    local = '<time class="entry-date published" datetime="2024-11-12T21:00:00-05:00">Nov. 12</time>'
    article = read_article(write(tmp_path, "page.html", page(utc, local)))
    assert (article.published, article.published_at) == (date(2024, 11, 12), "2024-11-12T21:00:00-05:00")
    other = local.replace("21:00", "20:00")  # another instant: the UTC declaration stands
    assert read_article(write(tmp_path, "other.html", page(utc, other))).published == date(2024, 11, 13)


@pytest.mark.parametrize(
    ("head", "title"),
    [
        (f"<title>Harbor budget approved | Local | Bay Post</title>{BAY_POST}", "Harbor budget approved"),
        ("<title>Harbor budget approved | Local News</title>", "Harbor budget approved"),
        (f"<title>THE BAY POST — Harbor budget approved</title>{BAY_POST}", "Harbor budget approved"),
        ("<title>Harbor budget approved - Bay Post</title>"
         "<meta property='og:title' content='Harbor budget wins'>", "Harbor budget wins"),
        ("<title>Budget - what it means for the harbor</title>", "Budget - what it means for the harbor"),
        (f"<title>Bay Post</title>{BAY_POST}<h1>Harbor budget approved</h1>", "Harbor budget approved"),
        (f"<title>Bay Post | Local | Harbor budget approved</title>{BAY_POST}", "Harbor budget approved"),
        ("<title>Lakeland Gazette | Opinion | Why the levy failed</title>", "Why the levy failed"),
        ("<title>Ferry | Fares | Bay</title>", "Ferry | Fares | Bay"),  # no part stands out: all kept
        # a headline shorter than the site's unknown name never gives way to it
        ("<title>Levy passes | The Lakeshore Tribune</title>", "Levy passes | The Lakeshore Tribune"),
    ],
)  # fmt: skip
def test_html_title_without_the_site_name(tmp_path: Path, head: str, title: str) -> None:
    path = write(tmp_path, "page.html", page(head + '<meta name="date" content="2024-11-12">'))
    assert read_article(path).title == title


@pytest.mark.parametrize(
    "h1",
    [
        # a headline linking to its own story (a common blog theme's markup) is the headline …
        '<h1 class="entry-title"><a href="/2024/11/12/levy-passes/">Levy passes after recount</a></h1>',
        # … a site's name linking to its front page is a masthead
        '<h1 class="logo"><a href="https://lakeshore.example/">The Lakeshore Tribune</a></h1>'
        '<h1 class="entry-title">Levy passes after recount</h1>',
    ],
)  # fmt: skip
def test_a_headline_linking_to_its_story_is_no_masthead(tmp_path: Path, h1: str) -> None:
    dated = '<meta name="date" content="2024-11-12">'
    head = "<title>Levy passes after recount | The Lakeshore Tribune</title>" + dated
    article = read_article(write(tmp_path, "page.html", page(head, h1)))
    assert (article.title, article.publisher) == ("Levy passes after recount", "The Lakeshore Tribune")


@pytest.mark.parametrize(
    ("title", "publisher"),
    [
        ("Harbor budget approved - Bay Post", "Bay Post"),
        ("Print: Harbor budget approved | The Bay Post", "The Bay Post"),
        ("Harbor budget approved | Local | Bay Post", None),  # which part is the site's is unclear
        ("Harbor budget approved", None),
        ("Harbor budget approved - what it means for the ferry fares next year", None),  # more headline
    ],
)
def test_html_publisher_from_what_follows_the_headline_in_the_title(
    tmp_path: Path, title: str, publisher: str | None
) -> None:
    head = f'<title>{title}</title><meta name="date" content="2024-11-12">'
    path = write(tmp_path, "page.html", page(head, "<h1>Harbor budget approved</h1>"))
    assert read_article(path).publisher == publisher


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    html = page('<meta name="date" content="2025-01-08"><meta property="og:title" content="Café’s plea">')
    declaration = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
    html = html.replace("<meta charset='utf-8'>", declaration)
    html = html.replace("Officials met", "Café owners’ association officials met")
    article = read_article(write(tmp_path, "cp1252.html", html.encode("cp1252")))
    assert article.title == "Café’s plea"
    assert "Café owners’ association" in article.text


def test_html_latin1_label_is_read_as_windows_1252_like_browsers(tmp_path: Path) -> None:
    html = page('<meta name="date" content="2025-01-08">').replace("utf-8", "iso-8859-1")
    html = html.replace("Officials met", "The mayor’s officials met")
    assert "mayor’s officials" in read_article(write(tmp_path, "latin1.html", html.encode("cp1252"))).text


def test_html_utf16_with_bom(tmp_path: Path) -> None:
    html = page('<meta name="date" content="2025-01-08">').replace("<meta charset='utf-8'>", "")
    article = read_article(write(tmp_path, "utf16.html", html.encode("utf-16")))
    assert "harbor budget" in article.text


def test_html_without_a_charset_and_not_utf8_is_windows_1252_like_browsers(tmp_path: Path) -> None:
    html = page('<meta name="date" content="2025-01-08">').replace("<meta charset='utf-8'>", "")
    path = write(tmp_path, "guess.html", html.replace("Officials", "Café officials’").encode("cp1252"))
    assert "Café officials’ met on Monday" in read_article(path).text


def test_html_without_a_charset_and_neither_utf8_nor_windows_1252_is_refused(tmp_path: Path) -> None:
    html = page('<meta name="date" content="2025-01-08">').replace("<meta charset='utf-8'>", "")
    data = html.replace("Officials", "Café officials").encode("cp1252").replace(b"fficials", b"ffi\x81cials")
    at = data.index(b"\x81")
    assert refusal(write(tmp_path, "guess.html", data)).reason == (
        f"not valid UTF-8 or windows-1252 text (byte 0x81 at offset {at})"
    )


def test_html_a_legacy_charset_on_a_page_saved_as_utf8_is_read_as_utf8(tmp_path: Path) -> None:
    html = page('<meta name="date" content="2025-01-08">').replace("utf-8", "iso-8859-1")
    html = html.replace("Officials met", "The mayor’s officials met")
    path = write(tmp_path, "resaved.html", html.encode("utf-8"))
    assert "The mayor’s officials met" in read_article(path).text  # not "mayorâ€™s"


def test_html_wrong_bytes_for_the_declared_charset_are_refused(tmp_path: Path) -> None:
    html = page('<meta name="date" content="2025-01-08">').replace("utf-8", "shift_jis")
    path = write(tmp_path, "sjis.html", html.encode("ascii") + b"\x81\x20")
    assert refusal(path).reason.startswith("not valid shift_jis text")


def test_html_unknown_charset_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "odd.html", page().replace("utf-8", "klingon-8"))
    assert refusal(path).reason == "the page declares an unknown charset 'klingon-8'"


def test_html_without_article_text_is_refused(tmp_path: Path) -> None:
    html = "<html><head><meta name='date' content='2025-01-08'><script>var a = 1;</script></head><body>"
    assert refusal(write(tmp_path, "blank.html", html)).reason == "no article text found in the page"


@pytest.mark.parametrize("depth", [300, 5000])
def test_html_nested_deeply_still_gives_the_story(tmp_path: Path, offline: None, depth: int) -> None:
    story = (
        "<p>The county board voted on Tuesday to close the old ferry landing.</p>"
        "<p>Repairs are <b>expected</b> to start in <a href='/x'>April</a>.</p>"
    )
    furniture = "<nav><p>Home | Sports | Weather</p></nav><footer><p>Copyright 2025 The Ledger</p></footer>"
    html = (
        page(
            "<meta name='date' content='2025-03-04'>",
            furniture + "<div>" * depth + story + "</div>" * depth,
        )
        .replace("<p>Officials met", "<aside><p>Officials met")
        .replace("June.</p>", "June.</p></aside>")
    )
    article = read_article(write(tmp_path, "deep.html", html))
    assert [paragraph for paragraph in article.text.split("\n") if paragraph] == [
        "The county board voted on Tuesday to close the old ferry landing.",
        "Repairs are expected to start in April.",
    ]


def test_html_story_container_scopes_the_fallback_paragraphs(offline: None) -> None:
    html = (
        "<html><head><meta name='date' content='2025-03-04'></head><body>"
        + "<div>" * 400
        + "<p>Sign up for our newsletter.</p><article><p>The ferry landing closed on Tuesday.</p></article>"
        + "</div>" * 400
        + "</body></html>"
    )
    assert extract_page(html).text == "The ferry landing closed on Tuesday."


# --- pages saved the way readers save them (tests/fixtures/pages) -------------------------------


@dataclass(frozen=True)
class Saved:
    """What a saved page must give: its story paragraphs (a CSS selector into the page, or
    ``JSON_LD_BODY`` for a story the page carries only in its JSON-LD), its metadata, and words
    from around the story that must stay out of the text.  ``given`` is the --published a page
    that declares no date needs."""

    story: str
    title: str
    published_at: str
    url: str | None
    publisher: str | None
    dateline: str | None
    not_text: tuple[str, ...]
    given: str | None = None


JSON_LD_BODY = "json-ld articleBody"


SAVED = {
    "live-blog-ice-storm": Saved(
        story=".liveblog-summary p, .liveblog-entry p",
        title="Live updates: Ice storm knocks out power across the Tidewater region",
        published_at="2026-02-03T05:40:00-05:00",  # not the update of the 4th, not the WebPage's Jan. 1
        url="https://www.tidewaterdispatch.example/weather/2026/02/03/ice-storm-live-updates/",
        publisher="Tidewater Dispatch", dateline="Norfolk",
        not_text=("214 partners", "Accept cookies", "E-Edition", "99 cents", "By Dispatch staff",
                  "Last update", "4:05 p.m.", "Copy link", "Hatteras Hardware", "Morning Tide",
                  "Ferry captain retires",
                  "Admirals win", "double downtown parking", "iceman757", "Thank you to the line crews",
                  "All rights reserved", "Rail strike ends"),
    ),
    "amp-transit-fare-vote": Saved(
        story=".article-body > p",
        title="Transit board raises bus fares for the first time in a decade",
        published_at="2026-06-18T21:47:00-07:00",
        url="https://www.pinecrestledger.example/news/transit/bus-fares-rise-2026",
        publisher="The Pinecrest Ledger", dateline="Spokane",
        not_text=("Menu", "Puzzles", "By Dolores Whitcombe", "Ledger photo", "Advertisement", "Ad blocked",
                  "library bond", "doubleheader", "gtag", "amp-start", "Copyright"),
    ),
    "updated-line-court-ruling": Saved(
        story=".story-body p:not(:-soup-contains('Correction:'))",  # a note about the story, not its text
        title="Appeals court revives lawsuit over closed rural hospital",
        published_at="2026-03-02T16:20:00-06:00",  # JSON-LD's published day, not the "Updated" line's
        # the canonical link is relative: og:url gives the address
        url="https://prairiesentinel.example/2026/03/02/appeals-court-hospital-lawsuit",
        publisher="Prairie Sentinel", dateline="Lincoln",
        not_text=("free articles", "Subscribe", "Farm & Ranch", "Related stories", "Last patients leave",
                  "Ambulance waits", "Updated March 4", "Tomasz Ekwueme", "Blizzard closes",
                  "nonprofit newsroom", "misstated"),
    ),
    "windows-1252-opinion-cafe": Saved(
        story=".article-text p",
        title="The harbour café that taught a town to argue",  # neither "Opinion |" nor the site name
        published_at="2026-04-10",
        url="https://www.harrowgatestar.example/opinion/harbour-cafe-closing",
        publisher="Harrowgate Evening Star", dateline=None,
        not_text=("We use cookies", "By Gwen Ashcombe", "Friday 10 April", "Share this article",
                  "Fortnightly bin collections", "rail replacement", "harbourlad", "Gwen Ashcombe"),
    ),
    "split-story-ads-reservoir": Saved(
        story=".article-body__part > p, .article-body__part li",
        title="Reservoir levels drop to lowest May reading on record",
        published_at="2026-05-07T08:00:00+01:00",  # the story's <time>, not a "Top stories" card's
        url="https://www.northgateobserver.example/news/2026/05/07/reservoir-levels-drop",
        publisher="Northgate Observer", dateline="Northgate",
        not_text=("BREAKING", "Rail strike", "Search the Observer", "Bypass opens", "confidence vote",
                  "Priya Okonkwo-Hale", "exposed banks", "Advertisement", "Story continues",
                  "garden furniture",
                  "Sponsored", "pension mistakes", "Please enable JavaScript", "Rainfall in millimetres",
                  "Poll:", "vote()", "dryfields", "water butt", "cup final", "Westmarch Media", "__adq",
                  "font-face", "base64"),
    ),
    "single-file-library-fire": Saved(
        story="[itemprop=articleBody] p",
        title="Police arrest teenager after fire at Eastbank library",
        published_at="2026-08-22T11:45:00-04:00",  # not the day it was saved, nor a teaser's microdata
        # the canonical link is javascript:, og:url gives the address
        url="https://www.rivermouthherald.example/local/2026/08/22/library-fire-arson-arrest",
        publisher="Rivermouth Herald", dateline="Rivermouth",
        not_text=("Skip to main content", "Newsletters", "Harriers clinch", "Bridge toll", "hours ago",
                  "Lucinda Marsh-Oyelowo", "Herald Headlines", "weird trick", "Careers", "SingleFile"),
    ),
    "firefox-complete-school-closures": Saved(  # Firefox "Web Page, complete": _files/ links, injected ads
        story=".story__body > p:not(:-soup-contains('RELATED:')), .story__body li",
        title="School board votes to close two elementary schools",  # not "Cedar Valley Courier | Education"
        published_at="2026-01-20T21:05:00-06:00",  # Open Graph only; not the masthead's day it was saved
        url="https://www.cedarvalleycourier.example/education/school-board-closes-maple-street-ridgeview",
        publisher="Cedar Valley Courier", dateline="Cedar Falls",
        not_text=("Families at Maple Street", "Odalys Brennan-Kwiatek", "Courier photo", "RELATED",
                  "enrollment falls for fifth", "187 partners", "Advertisement", "snowplow", "wrestlers",
                  "morning briefing", "Share on Facebook", "E-Edition", "dataLayer", "_files",
                  "Schools Cedar"),
    ),
    "chrome-html-only-wildfire": Saved(  # Chrome "HTML only": no <article>, a <time> its only date
        story=".story-text > p:not(:-soup-contains('How the fire grew')), .story-text li",
        title="Juniper Ridge fire forces evacuation of 1,200 homes",
        published_at="2026-07-14T06:30:00-07:00",  # the byline's <time>, not "Last updated" nor a rail's
        url=None,  # the canonical link is relative and nothing else names the address
        publisher="High Desert Record", dateline="Bend",  # the publisher: what follows the <title>'s headline
        not_text=("RED FLAG", "Outdoors", "Dmitri Okafor-Lind", "ADVERTISEMENT", "How the fire grew",
                  "Acres burned", "4,100", "Containment", "free articles", "rodeo", "Algae", "sagebrushsam",
                  "Chandler Ave", "__STORY__", "pixel", "Smoke rises", "Record photo"),
    ),
    "paywall-teaser-json-body": Saved(  # the page shows a teaser; its JSON-LD carries the story
        story=JSON_LD_BODY,
        title="Clinic to stop delivering babies as county loses last maternity ward",
        published_at="2026-10-27T17:45:00-04:00",
        url="https://www.granitebaychronicle.example/health/clinic-ends-births-maternity-ward",
        publisher="Granite Bay Chronicle", dateline="Conway",
        not_text=("3 months for $1", "Keep reading", "Cancel anytime", "Log in", "Bartholomew Nakashima",
                  "&amp;", "Media LLC"),
    ),
    "newsletter-post-seed-library": Saved(  # a newsletter platform's post page
        story=".available-content .body > p:not(.button-wrapper)",
        title="The library that lends seeds",
        published_at="2026-09-05T11:02:14+00:00",
        url="https://lowtideletters.example/p/the-library-that-lends-seeds",
        publisher="Low Tide Letters", dateline=None,
        not_text=("biggest garden club", "Thanks for reading", "Subscribe", "Sign in", "Share", "14 Likes",
                  "Restack", "Discussion about this post", "after your letter in May", "Ready for more",
                  "Start writing", "Get the app", "home for great culture", "Sep 05, 2026"),
    ),
    "wire-republished-editors-note": Saved(  # a republished wire story under an editor's note
        story=".entry-content > p:not(:-soup-contains('note:')):not(:has(strong))"
              ":not(:-soup-contains('originally published'))",
        title="Flood buyouts stall as towns wait on federal money",
        published_at="2026-10-08T21:30:00-04:00",  # local time, not the 9th of the UTC declarations
        url="https://threeriversexaminer.example/2026/10/08/flood-buyouts-stall/",
        publisher="Three Rivers Examiner", dateline="Marietta",
        not_text=("Editor", "updated on Oct. 9", "Correction", "41 homes", "originally published",
                  "Creative Commons", "Republish this story", "Lock repairs", "Donate", "Ohio Valley",
                  "Delacroix-Imber"),
    ),
    "hashed-classes-wire-port-strike": Saved(  # a script-built page: hashed classes, wire credits
        story="section[name=articleBody] p.evys1bk0:not(:-soup-contains('Reporting by'))"
        ":not(:-soup-contains('Our Standards'))",
        title="Santos dockworkers end nine-day strike after pay deal",
        published_at="2026-03-04T11:22:10-03:00",  # the byline's local time for JSON-LD's instant in UTC
        url="https://www.meridianwire.example/world/americas/santos-dockworkers-end-strike-2026-03-04/",
        publisher="Meridian Wire", dateline="Santos",
        not_text=("Supported by", "ADVERTISEMENT", "Listen to this article", "Share full article",
                  "stranded about 40 ships", "By Ana Lima", "Reporting by", "Editing by", "Our Standards",
                  "More in World", "Chile copper", "Terms of Use", "Skip to", "Search", "pageProps"),
    ),
    "print-view-levy-url-date": Saved(  # a print view: <br> paragraphs; its day only in its address
        story=".print-body",
        title="School levy fails by 212 votes",
        published_at="2025-03-14", url="https://www.lakelandgazette.example/news/2025/03/14/school-levy-fails-212-votes/",
        publisher="Lakeland Gazette", dateline="Lakeland",
        not_text=("Printed", "Nov. 25, 2026", "Staff report", "personal, non-commercial", "reprints"),
        given="2025-03-14",
    ),
    "reader-view-ferry-no-date": Saved(  # Firefox Reader View saved: no date anywhere
        story=".moz-reader-content p",
        title="Island ferry to resume winter sailings after dock repairs",
        published_at="2025-11-06", url=None, publisher=None, dateline="Gull Island",
        not_text=("saltmarshsentinel", "Imogen Vasquez-Thorne", "minutes", "Close Reader View", "Listen"),
        given="2025-11-06",
    ),
}  # fmt: skip
# Pages refused whatever they hold, with the reason given.
REFUSED = {
    "print-view-levy-url-date":
        "no publication date: the page declares none; give --published (its address suggests 2025-03-14)",
    "reader-view-ferry-no-date": "no publication date: the page declares none; give --published",
    "non-english-mercado":
        "the text is not in English (the page declares 'es'); timeline reads English news only",
}  # fmt: skip


def saved(name: str) -> Path:
    return PAGES / f"{name}.html"


def read_saved(name: str) -> Article:
    return read_article(saved(name), published=SAVED[name].given)


def story_paragraphs(name: str) -> list[str]:
    """The story as the page shows it (or as its JSON-LD carries it), paragraph by paragraph."""
    data = saved(name).read_bytes()
    soup = BeautifulSoup(data, "lxml", from_encoding="cp1252" if b"windows-1252" in data else None)
    if SAVED[name].story == JSON_LD_BODY:
        [script] = soup.select('script[type="application/ld+json"]')
        [body] = [obj["articleBody"] for obj in json.loads(script.string)["@graph"] if "articleBody" in obj]
        blocks = [" ".join(unescape(paragraph).split()) for paragraph in body.split("\n\n")]
    else:
        blocks = [" ".join(el.get_text().split()) for el in soup.select(SAVED[name].story)]
    return [line for block in blocks for line in re.split(r"(?<=[.\"”])\s+(?=[A-Z“\"])", block) if line]


def test_every_saved_page_is_checked() -> None:
    hostile = {"hostile-metadata-ferry-fares"}  # checked on its own below
    assert {p.stem for p in PAGES.iterdir()} == set(SAVED) | set(REFUSED) | hostile


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_saved_pages_refused_with_one_clear_line(offline: None, name: str) -> None:
    assert refusal(saved(name)).reason == REFUSED[name]


@pytest.mark.parametrize("name", sorted(SAVED))
def test_saved_page_text_is_the_whole_story_in_order(offline: None, name: str) -> None:
    text = " ".join(read_saved(name).text.split())
    paragraphs = story_paragraphs(name)
    assert len(paragraphs) >= 4
    at = 0
    for paragraph in paragraphs:  # each found after the one before it
        found = text.find(paragraph, at)
        assert found >= 0, paragraph
        at = found + len(paragraph)


@pytest.mark.parametrize("name", sorted(SAVED))
def test_saved_page_text_has_nothing_from_around_the_story(offline: None, name: str) -> None:
    text = read_saved(name).text
    assert [words for words in SAVED[name].not_text if words in text] == []
    assert "<" not in text and "{" not in text


@pytest.mark.parametrize("name", sorted(SAVED))
def test_saved_page_metadata_is_the_storys(offline: None, name: str) -> None:
    article, want = read_saved(name), SAVED[name]
    assert (article.title, article.published_at, article.url, article.publisher, article.dateline) == (
        want.title, want.published_at, want.url, want.publisher, want.dateline)  # fmt: skip
    assert article.published == date.fromisoformat(want.published_at[:10])


@pytest.mark.parametrize("name", sorted(SAVED))
def test_saved_page_events_come_from_the_story_only(offline: None, name: str) -> None:
    article = read_saved(name)
    events = extract_events(article)
    assert events
    story = " ".join(" ".join(story_paragraphs(name)).split())
    quoted = {" ".join(source.sentence.split()) for event in events for source in event.sources}
    assert [sentence for sentence in quoted if sentence not in story] == []


def test_live_blog_keeps_every_update_and_its_heading_but_no_clock_stamps(offline: None) -> None:
    text = read_article(saved("live-blog-ice-storm")).text
    headings = ["Utility says most customers will wait until Thursday", "Warming centers open in four cities",
                "Both tunnels open, bridges closed", "Schools closed"]  # fmt: skip
    assert [text.index(h) for h in headings] == sorted(text.index(h) for h in headings)
    assert not re.search(r"^\d{1,2}:\d{2} [ap]\.m\.", text, re.MULTILINE)


def test_windows_1252_page_keeps_its_curly_quotes_and_accents(offline: None) -> None:
    article = read_article(saved("windows-1252-opinion-cafe"))
    assert "“I’m 74,” she told me on Wednesday" in article.text
    assert "I did the sums — there is no sum that works.”" in article.text
    assert "\ufffd" not in article.text and "â€" not in article.text


def test_split_story_reads_a_formula_and_survives_broken_nesting(offline: None) -> None:
    text = read_article(saved("split-story-ads-reservoir")).text
    assert "Its model treats demand as D=kP for a population P" in text
    assert "operations director, Neil Farrant, said in a statement." in text  # <b><i></b></i>
    assert "Reservoir B: 63 percent" in text  # unclosed <li>


def test_markup_in_a_pages_metadata_is_never_carried_over(offline: None) -> None:
    article = read_article(saved("hostile-metadata-ferry-fares"))
    assert article.title == "Ferry fares to rise in July"  # the <title>'s words, its <script> gone
    assert article.publisher == "Sound Islands Reporter"
    assert article.url is None  # canonical, og:url and JSON-LD url are all javascript:
    assert article.published == date(2026, 5, 12)
    for field in (article.text, article.title, article.publisher, article.slug):
        for bad in ("<", ">", "alert", "javascript", "onerror", "onclick", "Eve Mallory"):
            assert bad not in field, (bad, field)
    assert article.text.startswith("FRIDAY HARBOR, Wash. — State ferry fares will rise 4 percent")


def test_subheads_list_items_and_br_paragraphs_are_lines_of_their_own(offline: None) -> None:
    """A block boundary is a line boundary: no sentence runs from one block into the next."""
    school = read_saved("firefox-complete-school-closures").text.splitlines()
    for line in ("Parents asked for another year", "How the plan got here",
                 "Nov. 17: A consultant recommended closing three schools."):  # fmt: skip
        assert line in school  # a subhead alone; a list item without a marker
    assert not any(line.startswith(("- ", "• ")) for line in school)
    assert sum("counting the buses later" in line for line in school) == 1  # not again from its pull quote
    levy = read_saved("print-view-levy-url-date").text.splitlines()
    ends = [line for line in levy if line.endswith("who live within two miles of school")]
    assert len(ends) == 1  # a <br> paragraph without a full stop does not run into the next one
    assert "The district last passed an operating levy in 2015." in levy[levy.index(ends[0]) + 1]
    ferry = read_saved("reader-view-ferry-no-date").text.splitlines()
    assert ferry[ferry.index("Pilings replaced") + 1].startswith("Crews replaced 14 pilings")


LEVY = (
    "LAKELAND — Voters rejected the levy on Tuesday by 212 votes, the second defeat in 16 months",
    "The superintendent said the board would meet on March 24 to discuss cuts to bus service",
    "Board chair Anders Pohl said the board had not decided whether to ask voters again.",
)


@pytest.mark.parametrize(
    ("body", "lines"),
    [
        ("<p>{0}<br><br>{1}<br>{2}</p>", LEVY),
        ("<div>{0}<br/>{1}<br />{2}</div>", LEVY),
        ("<p>{0}<br>\n{1}</p><p>{2}</p>", LEVY),
        ("<p>{0}</p><h3>Cuts ahead</h3><p>{1}</p><p><strong>What next</strong></p><p>{2}</p>",
         (LEVY[0], "Cuts ahead", LEVY[1], "What next", LEVY[2])),
        ("<p>{0}</p><ul><li>{1}</li><li>{2}</li></ul>", LEVY),
    ],
)  # fmt: skip
def test_every_block_is_a_line_so_no_sentence_runs_into_the_next(body: str, lines: tuple[str, ...]) -> None:
    html = (
        "<html><head><meta name=date content=2026-03-03></head><body><article><h1>Levy fails</h1>"
        f"{body.format(*LEVY)}</article></body></html>"
    )
    assert tuple(extract_page(html).text.splitlines()) == lines


def test_a_page_laid_out_in_a_table_keeps_its_cells_apart(offline: None) -> None:
    html = (
        "<html><head><meta name=date content=2026-03-03></head><body><table width=100%><tr>"
        "<td class=nav-cell><a href=/>Home</a></td></tr><tr><td><b>Council approves budget</b><br>"
        "ELMSFORD — The city council approved a $48 million budget on Tuesday after a long meeting.<br><br>"
        "Mayor Dana Whitlock said she would sign it on Friday, and the new fees would start in July.<br>"
        "<table><tr><th>Fee</th><th>Now</th></tr><tr><td>Trash</td><td>$18</td></tr></table>"
        "</td></tr></table></body></html>"
    )
    lines = extract_page(html).text.splitlines()
    assert "Council approves budget" not in lines[1:]  # a headline read as the first line is dropped …
    assert any(line.startswith("ELMSFORD — The city council approved") for line in lines)
    assert any(line.startswith("Mayor Dana Whitlock said") for line in lines)
    assert not any("|" in line or "Trash" in line for line in lines)  # … and the data table is no text


def test_a_json_ld_body_stands_in_only_for_its_own_story(offline: None) -> None:
    teaser = "CONWAY, N.H. — The clinic will stop delivering babies on Dec. 31, its board decided on Monday."
    rest = "The clinic delivered 212 babies last year. Its chief said it could not find nurses."

    def body_page(article_body: str) -> str:
        ld = json.dumps({"@type": "NewsArticle", "datePublished": "2026-10-27", "articleBody": article_body})
        ld = ld.replace("</", "<\\/")  # as pages write it: "</script>" in a string would end the <script>
        return (f'<html><head><script type="application/ld+json">{ld}</script></head><body><article>'
                f"<h1>Clinic ends births</h1><p>{teaser}</p><div class=paywall>Subscribe</div></article>"
                "</body></html>")  # fmt: skip

    assert extract_page(body_page(f"{teaser}\n\n{rest}")).text.splitlines() == [teaser, *rest.split("\n")]
    marked = f"<p>{teaser}</p><p>{rest}<script>alert(1)</script><img src=x onerror=alert(2)></p>"
    assert extract_page(body_page(marked)).text.splitlines() == [teaser, rest]
    other = "PORTLAND — A different story, about ferries, that runs much longer than the teaser. " * 3
    assert extract_page(body_page(other)).text == teaser  # another story's body is never this one's


def test_a_page_showing_no_text_takes_only_its_own_json_ld_body(offline: None) -> None:
    """A page its scripts would fill in: the body of the object headlined as the page is its story,
    a linked story's body never is."""
    own = {"@type": "NewsArticle", "headline": "Ferry landing to close", "datePublished": "2026-03-03"}
    linked = {
        "@type": "NewsArticle",
        "headline": "Mayor opens new library",
        "datePublished": "2026-02-01",
        "articleBody": "The mayor opened the new library on Saturday before a crowd of 300 residents.",
    }

    def empty_page(*objects: dict) -> str:
        return (
            f'<html><head><title>Ferry landing to close</title><script type="application/ld+json">'
            f'{json.dumps(list(objects))}</script></head><body><div id="root"></div></body></html>'
        )

    assert extract_page(empty_page(own, linked)).text == ""
    body = "The county will close the old ferry landing on Friday, officials said on Tuesday."
    assert extract_page(empty_page({**own, "articleBody": body}, linked)).text == body


@pytest.mark.parametrize(("part", "written"), BYLINE_DATE_EXAMPLES)
def test_byline_date_examples(part: str, written: str | None) -> None:
    m = WRITTEN_DATE.fullmatch(part)
    assert (m["date"] if m else None) == written


@pytest.mark.parametrize(("line", "note"), NOTE_EXAMPLES)
def test_note_line_examples(line: str, note: bool) -> None:
    assert is_note_line(line) is note


@pytest.mark.parametrize(("text", "english"), LANGUAGE_EXAMPLES)
def test_language_examples(text: str, english: bool) -> None:
    assert reads_as_english(text) is english


def test_the_text_decides_the_language_not_the_declaration(tmp_path: Path) -> None:
    english = (
        "The harbor commission voted on Monday to extend the ferry contract by two years, and the "
        "operator said it would add a late sailing on Fridays from the first week of June."
    )
    misdeclared = write(
        tmp_path,
        "de.html",
        f"<html lang='de'><head><meta name=date content=2026-02-02>"
        f"</head><body><article><p>{english}</p></article></body></html>",
    )
    assert read_article(misdeclared).text == english  # a template's wrong lang attribute is no reason
    spanish = LANGUAGE_EXAMPLES[1][0]
    undeclared = write(tmp_path, "es.md", f"Title: Mercado\nDate: 2026-02-11\n\n{spanish}\n")
    assert refusal(undeclared).reason == "the text is not in English; timeline reads English news only"


@pytest.mark.parametrize(
    ("names", "kind"),
    [(names, kind) for names, kind in FURNITURE_EXAMPLES],
)
def test_furniture_examples(names: str, kind: str | None) -> None:
    assert furniture_kind(names) == kind


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("Fares rise", "Fares rise"),
        ("<script>alert(1)</script>Fares  rise", "Fares rise"),
        ("<img src=x onerror=alert(1)>", ""),
        ("Prices <b>up</b> 3%", "Prices up 3%"),
        ("Why x < y matters", "Why x < y matters"),
        ("Fares &amp; fees rise &#8212; again", "Fares & fees rise — again"),
        ("&lt;script&gt;alert(1)&lt;/script&gt;Fares rise", "Fares rise"),
    ],
)
def test_plain_metadata(value: str, text: str) -> None:
    assert plain(value) == text


@pytest.mark.parametrize(
    ("line", "furniture"),
    [("ADVERTISEMENT", True), ("Story continues below advertisement", True), ("Read more:", True),
     ("  Related stories ›", True), ("Share", True), ("Advertisement revenue fell 4 percent.", False),
     ("Read more about the plan on the city's website, the mayor said.", False), ("", False)],
)  # fmt: skip
def test_furniture_line_examples(line: str, furniture: bool) -> None:
    assert is_furniture_line(line) is furniture


def test_furniture_lines_without_a_class_leave_the_text(offline: None) -> None:
    story = [
        "The city reopened the fishing pier on Monday after a three-month repair that cost $2 million.",
        "Anglers lined the rail by dawn, and the bait shop at its foot reported its busiest morning in June.",
        "The repair replaced 40 pilings damaged by the October storm, the public works director said.",
    ]
    html = (
        f"<html><head><meta name=date content=2026-01-05></head><body><article><h1>Pier reopens</h1>"
        f"<p>{story[0]}</p><div><span>ADVERTISEMENT</span></div>"
        f"<div><p>Story continues below advertisement</p></div><p>{story[1]}</p>"
        f"<div><p>Read more:</p></div><p>{story[2]}</p></article></body></html>"
    )
    assert extract_page(html).text.split("\n") == story


# --- errors -----------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert refusal(tmp_path / "nowhere.txt", "2025-01-01").reason == "no such file"


def test_folder(tmp_path: Path) -> None:
    (tmp_path / "stories.md").mkdir()
    assert refusal(tmp_path / "stories.md", "2025-01-01").reason == "is a folder, not an article file"


@pytest.mark.parametrize("name", ["story.pdf", "story.docx", "README"])
def test_unsupported_type(tmp_path: Path, name: str) -> None:
    reason = refusal(write(tmp_path, name, "text"), "2025-01-01").reason
    assert reason.startswith("unsupported file type") and ".txt, .md" in reason


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", "Text.")
    path.chmod(0)
    assert refusal(path, "2025-01-01").reason == "cannot read the file: permission denied"


def test_file_that_cannot_be_opened(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    assert refusal(loop, "2025-01-01").reason.startswith("cannot read the file: ")


def test_binary_content(tmp_path: Path) -> None:
    data = b"\x00\x01\x02 not any known kind of file" + bytes(range(256))
    for name in ("blob.txt", "blob.md", "blob.html"):
        reason = refusal(write(tmp_path, name, data), "2025-01-01").reason
        assert reason == "binary content, not a text article"


@pytest.mark.parametrize(
    ("head", "what"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"GIF89a\x01\x00", "a GIF image"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8 ", "a WebP image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive (or a .docx, .odt or .epub)"),
        (b"\x1f\x8b\x08\x00", "gzip-compressed data"),
    ],
)  # fmt: skip
def test_a_file_of_another_kind_renamed_html_is_refused_by_what_it_is(
    tmp_path: Path, head: bytes, what: str
) -> None:
    path = write(tmp_path, "story.html", head + bytes(range(256)) * 4)
    assert refusal(path, "2025-01-01").reason == f"{what}, not a text article"


def test_a_pdf_without_nul_bytes_is_still_no_page(tmp_path: Path) -> None:
    path = write(tmp_path, "story.html", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n<p>x</p>\n%%EOF\n")
    assert refusal(path).reason == "a PDF document, not a text article"


def test_an_mhtml_archive_renamed_html_is_refused_with_the_fix(tmp_path: Path) -> None:
    mhtml = (
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://news.example/story\r\n"
        "Subject: Harbor budget approved\r\nDate: Mon, 4 May 2026 10:00:00 -0000\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        '\tboundary="----MultipartBoundary--x"\r\n\r\n'
        "------MultipartBoundary--x\r\nContent-Type: text/html\r\n\r\n<html><p>Officials met.</p></html>\r\n"
    )
    reason = refusal(write(tmp_path, "story.html", mhtml), "2026-05-04").reason
    assert reason == "an MHTML web archive, not an HTML page: save the page as HTML"


def test_not_utf8_text(tmp_path: Path) -> None:
    path = write(tmp_path, "latin1.txt", "Caf\xe9 owners met on Monday.".encode("latin-1"))
    assert refusal(path, "2025-01-01").reason == "not valid UTF-8 text (byte 0xe9 at offset 3)"


@pytest.mark.parametrize("content", ["", " \n\t\n", codecs.BOM_UTF8.decode("utf-8")])
def test_empty_text(tmp_path: Path, content: str) -> None:
    assert refusal(write(tmp_path, "empty.txt", content), "2025-01-01").reason == "empty article text"


@pytest.mark.parametrize("content", [b"", b" \r\n\t", codecs.BOM_UTF8 + b"\n"])
def test_empty_page_is_an_empty_file(tmp_path: Path, content: bytes) -> None:
    assert refusal(write(tmp_path, "empty.html", content), "2025-01-01").reason == "empty file"


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse: costs no disk
        f.truncate(MAX_BYTES + 1)
    assert refusal(path, "2025-01-01").reason.startswith("file too large")


# --- slugs ------------------------------------------------------------------------------------


def test_slug_is_ours_stable_and_not_from_the_url(tmp_path: Path) -> None:
    original = read_article(HARBOR)
    corrected = HARBOR.read_text(encoding="utf-8").replace("58 percent", "62 percent")
    corrected = corrected.replace("/business/dockworkers-end-strike", "/business/strike-over-corrected")
    again = read_article(write(tmp_path, "harbor-strike-corrected.md", corrected))
    assert again.text != original.text and again.url != original.url
    assert again.slug == original.slug
    assert original.slug == "gulf-coast-ledger-2025-10-07-dockworkers-end-six-day-strike-at-gulf-ports-after"
    other = write(tmp_path, "other.md", corrected.replace("Gulf Coast Ledger", "Port City Times"))
    assert read_article(other).slug != original.slug


def test_slugs_are_safe_and_bounded(tmp_path: Path) -> None:
    title = "../../etc/passwd <script>alert(1)</script> " + "very long headline words " * 20
    path = write(tmp_path, "x.md", f"Title: {title}\nDate: 2025-01-01\nPublisher: Ünïcode Néws\n\nText.\n")
    slug = read_article(path).slug
    assert is_slug(slug) and len(slug) <= 80 and slug.startswith("unicode-news-2025-01-01-etc-passwd")
    assert all(is_slug(read_article(p).slug) for p in (LAKESHORE, HOSTILE, HARBOR, COUNCIL))
    assert is_slug(read_article(KYIV, "2025-02-19").slug)


# --- finding articles -------------------------------------------------------------------------


def test_find_articles_expands_folders_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ["b/2.md", "b/1.HTML", "a.txt", "c/d/e.htm", "c/notes.pdf", ".hidden.md", ".git/x.md",
                 "b/.draft.txt", "c/page.markdown", "b/backup.md~"]:  # fmt: skip
        (tmp_path / "in" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "in" / name).write_text("x")
    (tmp_path / "in" / "folder.md").mkdir()
    single = write(tmp_path, "single.pdf", "x")
    found = find_articles([single, tmp_path / "in", tmp_path / "in" / "a.txt"])
    rel = [str(p.relative_to(tmp_path)) for p in found]
    assert rel == ["single.pdf", "in/a.txt", "in/b/1.HTML", "in/b/2.md", "in/c/d/e.htm", "in/c/page.markdown"]


def test_find_articles_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as info:
        find_articles([KYIV, tmp_path / "gone"])
    assert info.value.path == str(tmp_path / "gone")
    assert info.value.reason == "no such file or folder"


# --- the small rules, each with its examples ------------------------------------------------------


@pytest.mark.parametrize(("opening", "city"), DATELINE_EXAMPLES)
def test_dateline_examples(opening: str, city: str) -> None:
    assert dateline_of(opening) == city


@pytest.mark.parametrize(("text", "expected"), HEADER_EXAMPLES)
def test_header_examples(text: str, expected: tuple[str | None, str | None, str]) -> None:
    headline, date_written, opening = expected
    found, dates, lead = page_header(text)
    assert (found, dates[:1]) == (headline, (date_written,) if date_written else ())
    assert text[lead:].lstrip().startswith(opening)


def test_a_plain_text_copied_with_its_page_header(tmp_path: Path) -> None:
    """Headline, byline and date as a page shows them: the date is the publication date, the
    headline the title, and the dateline is read where the story opens; offsets stay the file's."""
    path = tmp_path / "closure.txt"
    text = (
        "Board votes to close Lincoln Elementary\n\nBy Ann Lee\nStaff Writer\n"
        "Published May 17, 2024 at 6:05 p.m.\n\n"
        "SPRINGFIELD — The school board voted 5-2 late Thursday to close Lincoln Elementary.\n"
    )
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    assert (article.published, article.title, article.dateline) == (
        date(2024, 5, 17),
        "Board votes to close Lincoln Elementary",
        "Springfield",
    )
    assert article.text == text


def test_a_byline_first_is_no_title_and_markdown_keeps_its_own_date(tmp_path: Path) -> None:
    plain = tmp_path / "byline.txt"
    plain.write_text("By Ann Lee\nStaff Writer\n\nDULUTH, Minn. — The City Council voted on Monday.\n")
    article = read_article(plain, published="2024-05-21")
    assert (article.title, article.dateline) == ("The City Council voted on Monday", "Duluth")
    marked = tmp_path / "story.md"
    marked.write_text(
        "---\ntitle: Council votes\ndate: 2024-05-21\n---\nBy Ann Lee\nMay 20, 2024\n\n"
        "DULUTH, Minn. — The City Council voted on Monday.\n"
    )
    article = read_article(marked)
    assert (article.published, article.title, article.dateline) == (
        date(2024, 5, 21),
        "Council votes",
        "Duluth",
    )


def test_a_plain_text_without_a_written_date_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text("Board votes\nBy Ann Lee\nUpdated May 18, 2024\n\nSPRINGFIELD — The board voted.\n")
    with pytest.raises(SourceError, match="no publication date"):
        read_article(path)


@pytest.mark.parametrize(
    "opening",
    ["COVID-19 cases rose again", "Washington — the capital", "Trump — who spoke Monday",
     "The NATO summit — held", "U.S. officials said", "A — B", ""],
)  # fmt: skip
def test_no_dateline(opening: str) -> None:
    assert dateline_of(opening) is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Ferry service resumes\n\nFerries ran on Monday.", "Ferry service resumes"),
        ("Talks collapsed. The delegations left Geneva on Tuesday.", "Talks collapsed"),
        ("WASHINGTON — Prices rose 3 percent in the U.S. The Fed said Monday.",
         "Prices rose 3 percent in the U.S."),
        ("BOSTON — Sen. Ed Marlowe said Tuesday he will retire. He is 81.\n",
         "Sen. Ed Marlowe said Tuesday he will retire"),
        ("The U.S. Senate voted 52-48 late Thursday to confirm the nominee, ending months of delay.",
         "The U.S. Senate voted 52-48 late Thursday to confirm the nominee…"),
        ("Officials in three counties said Thursday that the water was safe to drink again after tests.",
         "Officials in three counties said Thursday that the water was safe to…"),
        ("“We are not done,” the mayor said after the vote, promising new hearings next month.",
         "“We are not done,” the mayor said after the vote…"),
        ("Turnout was “very low ” in the county, election officials said on Friday after counting.",
         "Turnout was “very low ” in the county…"),
    ],
)  # fmt: skip
def test_headline_from_the_opening(text: str, title: str) -> None:
    assert headline_from(text) == title


@pytest.mark.parametrize(
    ("opening", "published"),
    [
        (
            "AUSTIN, Texas, March 12, 2026 /PRNewswire/ -- Northwind Robotics opened a plant on Thursday.",
            "2026-03-12",
        ),
        ("WASHINGTON, March 3, 2026 (AP) — The Senate voted on Monday.", "2026-03-03"),
    ],
)
def test_a_dateline_with_a_full_date_declares_the_publication_date(
    tmp_path: Path, opening: str, published: str
) -> None:
    path = tmp_path / "release.txt"
    path.write_text(f"FOR IMMEDIATE RELEASE\n\nNorthwind Opens Austin Plant\n\n{opening}\n", encoding="utf-8")
    article = read_article(path)
    assert (article.published.isoformat(), article.title) == (published, "Northwind Opens Austin Plant")


def test_a_dateline_without_a_year_declares_nothing(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("LONDON, Nov 4 (Metro Wire) - The bank held rates on Thursday.\n", encoding="utf-8")
    with pytest.raises(SourceError, match="no publication date"):
        read_article(path)
