"""A news page saved as HTML → its main text and the metadata the page declares.

trafilatura separates the story from navigation, ads, related links, comments and
scripts.  Before it reads the page we take out what holds no story in any page (templates,
frames) and the furniture that pages name by class or id ("ad-slot", "most-read",
"byline"), from the data tables below: what sites call their furniture is knowledge of page
design, kept apart from the code.  The story's element (the <article> or <main> of its
<h1>) then bounds where its date may be declared, so a rail of other stories with dates
and headlines of its own never speaks for it.

The metadata (date, title, URL, publisher) is read only from what the page declares in its
markup — JSON-LD, ``<meta>``, ``<time>`` — never from dates that merely appear in the text,
the title or the URL: a page that declares no date is refused upstream rather than misdated.
Markup inside metadata (``<title><script>…``) is dropped, never carried over as text.

Nothing here touches the network or the clock: we decode and parse the bytes ourselves
and hand trafilatura a parsed tree (given a string that looks like a URL, htmldate would
fetch it, and its date bounds depend on today), so the same file always gives the same
``Page``.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from html import unescape
from itertools import islice
from typing import Any

import lxml.html
import trafilatura
from bs4 import BeautifulSoup, Tag
from lxml import etree
from lxml.etree import ParserError

from .markdown_format import one_line, safe_url

# Where pages declare their publication date, most specific first.  Names are matched
# case-insensitively against a <meta>'s property, name or itemprop.
PUBLISHED_META = (
    "article:published_time",  # Open Graph: <meta property="article:published_time" content="2025-05-19T…">
    "og:article:published_time",
    "og:published_time",
    "datepublished",  # schema.org microdata: <meta itemprop="datePublished" content="2025-05-19">
    "parsely-pub-date",  # Parse.ly: <meta name="parsely-pub-date" content="2025-05-19T23:30:00Z">
    "sailthru.date",  # Sailthru: <meta name="sailthru.date" content="2025-05-19 22:30:00">
    "article.published",
    "publish-date",
    "publishdate",
    "publication_date",
    "pubdate",
    "dc.date.issued",  # Dublin Core: <meta name="DC.date.issued" content="2025-05-19">
    "dcterms.issued",
    "dcterms.created",
    "dc.date",
    "citation_publication_date",
    "date",  # <meta name="date" content="2025-05-19">
)
# <time> elements that say they carry the publication date, then the byline's <time> in the
# article's own header (a site header's <time> is usually today's date, not the story's).
PUBLISHED_TIME_XPATHS = (
    '//time[@itemprop="datePublished"]/@datetime',  # <time itemprop="datePublished" datetime="…">
    "//time[@pubdate]/@datetime",  # <time pubdate datetime="…">
    # WordPress: <time class="entry-date published" datetime="…"> beside <time class="updated">
    '//time[contains(concat(" ", normalize-space(@class), " "), " published ")]/@datetime',
    "//article//header//time/@datetime",  # <article><header>… <time datetime="…">
    # the same without a datetime: <time itemprop="datePublished">March 2, 2026</time>
    '//time[@itemprop="datePublished"][not(@datetime)]/text()',
    "//article//header//time[not(@datetime)]/text()",
)
# Words that mark a <time> as the last change, not the publication: in its class, id or
# itemprop ("dateModified" → date modified), or as the word written just before it ("Updated").
UPDATE_WORDS = frozenset({"updated", "update", "modified", "revised", "edited"})
# schema.org types whose datePublished/headline describe the story itself (lower case).
ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "backgroundnewsarticle", "reviewnewsarticle", "askpublicnewsarticle", "blogposting",
    "liveblogposting", "report", "socialmediaposting",
})  # fmt: skip
TITLE_META = ("og:title", "twitter:title")
SITE_NAME_META = ("og:site_name",)
URL_META = ("og:url",)
# "Headline | Site", "Headline - Site", "Site — Headline": what sites put between the two.
TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ")
# A trailing "| Section" or "| Site" is dropped even when the site name is unknown, if short.
MAX_SUFFIX_WORDS = 4
# WHATWG: browsers decode these labels as windows-1252, which is a superset of them.
CHARSET_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
                   "ascii": "cp1252", "l1": "cp1252"}  # fmt: skip

# What browsers fall back to for a page that declares no encoding (WHATWG, English locales).
UNDECLARED_ENCODINGS = ("utf-8-sig", "cp1252")

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_PRESCAN_BYTES = 4096
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# A saved news page has a few thousand elements; trafilatura's time grows faster than their
# number, so a page far beyond that (a repetition bomb, millions of nested tags) is refused
# after a bounded scan, before any parsing.
MAX_START_TAGS = 30_000
_START_TAG = re.compile(r"<[A-Za-z]")
_NAME_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
# When trafilatura finds nothing (libxml2 gives up below 2,048 levels of nesting, so a page
# built to be deep loses its body), the paragraphs of the story's container, else of the page
# outside these page-furniture elements, are the text.
STORY_CONTAINERS = ("article", "main")
FURNITURE = frozenset({"nav", "header", "footer", "aside", "form", "script", "style", "template"})
# Elements that hold no story text in any page: their content is markup for later (a
# <template>) or another document (an <iframe srcdoc>), never what the reader was shown.
NEVER_TEXT = ("template", "iframe", "frame", "object", "embed")
# Page furniture named by its class or id.  A class or id is read as words ("mostRead",
# "most-read", "most_read" → most read); a row matches a run of them.  Kind "rail": a list of
# other stories, whose dates and headlines are never the story's.  Kind "chrome": the page's
# own furniture around the story (ads, banners, bylines, sharing, comments), kept out of the text.
FURNITURE_WORDS = (
    ("related", "rail"), ("recommended", "rail"), ("recommendations", "rail"), ("trending", "rail"),
    ("popular", "rail"), ("most read", "rail"), ("most viewed", "rail"), ("most popular", "rail"),
    ("top stories", "rail"), ("more stories", "rail"), ("also like", "rail"), ("read next", "rail"),
    ("rail", "rail"), ("sidebar", "rail"), ("teaser", "rail"), ("teasers", "rail"), ("recirc", "rail"),
    ("outbrain", "rail"), ("taboola", "rail"),
    ("ad", "chrome"), ("ads", "chrome"), ("advert", "chrome"), ("advertisement", "chrome"),
    ("advertising", "chrome"), ("sponsored", "chrome"), ("promo", "chrome"), ("newsletter", "chrome"),
    ("paywall", "chrome"), ("subscribe", "chrome"), ("cookie", "chrome"), ("cookies", "chrome"),
    ("consent", "chrome"), ("onetrust", "chrome"), ("byline", "chrome"), ("author", "chrome"),
    ("timestamp", "chrome"), ("timestamps", "chrome"), ("meta", "chrome"), ("share", "chrome"),
    ("social", "chrome"), ("comments", "chrome"), ("comment", "chrome"), ("breadcrumb", "chrome"),
    ("breadcrumbs", "chrome"), ("tags", "chrome"), ("menu", "chrome"), ("skip", "chrome"),
)  # fmt: skip
# Lines that label furniture rather than say anything, left in the story's flow by an ad or a
# rail that has no class to tell it by; matched against whole lines, case and closing marks aside.
FURNITURE_LINES = frozenset({
    "advertisement", "advertisements", "skip advertisement", "story continues below advertisement",
    "story continues below", "article continues below", "continue reading below", "continue reading",
    "continue reading the main story", "scroll to continue with content", "sponsored", "sponsored content",
    "paid content", "paid post", "promoted", "read more", "read next", "related", "related stories",
    "related articles", "related coverage", "recommended", "recommended stories", "most read", "most popular",
    "more stories", "share", "share this article", "share this story", "sign up", "subscribe",
})  # fmt: skip
# Elements furniture by their tag: menus and asides list other pages; a footer is the page's or
# the story's small print, which may still carry its publication <time>.
FURNITURE_TAGS = {"nav": "rail", "aside": "rail", "footer": "chrome"}
FURNITURE_EXAMPLES = (  # (a class or id, the kind it names or None); tests run each
    ("ad-container", "chrome"), ("adSlot", "chrome"), ("related-stories", "rail"), ("mostRead", "rail"),
    ("rail rail--latest", "rail"), ("article-byline", "chrome"), ("onetrust-banner-sdk", "chrome"),
    ("comments-section", "chrome"), ("you-may-also-like", "rail"),
    ("article-body__part", None), ("story-header", None), ("headline", None), ("badge", None),
    ("liveblog-entry", None), ("load-more", None),
)  # fmt: skip


class PageError(ValueError):
    """A page that cannot be decoded or parsed; the message is one line."""


@dataclass(frozen=True)
class Page:
    text: str  # the main text: what offsets refer to
    title: str | None
    dates: tuple[str, ...]  # declared publication dates as written, most trustworthy first
    url: str | None
    publisher: str | None


def declared_encoding(data: bytes) -> str | None:
    """The encoding a page declares: its byte-order mark, else its ``<meta charset>``."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    m = _CHARSET.search(data[:_PRESCAN_BYTES])
    if not m:
        return None
    label = m.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(CHARSET_ALIASES.get(label, label)).name
    except LookupError:
        raise PageError(f"the page declares an unknown charset {label!r}") from None
    return "utf-8-sig" if name == "utf-8" else name


def page_encodings(data: bytes) -> tuple[str, ...]:
    """The encodings to try on a page, in order, as a browser would decode it.

    Undeclared: UTF-8 if valid, else windows-1252, the web's legacy default for English.  A
    legacy label on bytes that are valid, non-ASCII UTF-8 is a page re-saved as UTF-8 under its
    old ``<meta>`` (the server said UTF-8): read as declared it would turn ’ into â€™.
    """
    declared = declared_encoding(data)
    if declared is None:
        return UNDECLARED_ENCODINGS
    if declared.startswith(("utf-8", "utf-16")) or data.isascii():
        return (declared,)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return (declared,)
    return ("utf-8-sig",)


def extract_page(html: str) -> Page:
    """Main text and declared metadata of one decoded page."""
    if next(islice(_START_TAG.finditer(html), MAX_START_TAGS, None), None) is not None:
        raise PageError(f"too much markup for a news page (over {MAX_START_TAGS:,} tags)")
    tree = _parse(html)
    objects = list(_article_objects(tree))
    headline = _headline(tree)
    story = _story(tree, headline)
    metas = _meta_contents(tree, story)
    publisher = _first(
        *(metas.get(name, ()) for name in SITE_NAME_META),
        (_name(obj.get("publisher")) for obj in objects),
    )
    titles = [t for t in map(plain, _title_candidates(tree, metas, objects, headline)) if t]
    stripped = (_strip_site_name(t, publisher) for t in titles)
    title = next((t for t in stripped if not (publisher and _same_name(t, publisher))), None)
    dates = _declared_dates(tree, metas, objects, story)
    return Page(
        text=_main_text(_readable(tree, headline, story), titles) or _paragraphs(html),
        title=title,
        dates=dates,
        url=_first(
            (href for href in tree.xpath('//link[@rel="canonical"]/@href') if safe_url(href)),
            *((u for u in metas.get(name, ()) if safe_url(u)) for name in URL_META),
            (u for obj in objects for u in _urls(obj) if safe_url(u)),
        ),
        publisher=publisher,
    )


def _parse(html: str) -> lxml.html.HtmlElement:
    # huge_tree: a 20 MB inline image or a long text node is read whole, not silently cut short
    # (libxml2's default stops there and drops the rest of the page).
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, huge_tree=True)
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1), parser=parser)
    except (ParserError, ValueError) as exc:
        raise PageError(f"not a parsable HTML page ({one_line(str(exc))})") from None


def _main_text(tree: lxml.html.HtmlElement, titles: list[str]) -> str:
    """trafilatura's plain text, without the headline it sometimes repeats as the first line."""
    text = (
        trafilatura.extract(
            tree,  # a tree, never a string: nothing is fetched
            output_format="txt",
            favor_precision=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            with_metadata=False,
            deduplicate=False,  # the dedup cache is global state: results would depend on earlier pages
        )
        or ""
    )
    first, newline, rest = text.partition("\n")
    if newline and one_line(first).casefold() in {t.casefold() for t in titles}:
        text = rest
    return "\n".join(line for line in text.split("\n") if not is_furniture_line(line))


def is_furniture_line(line: str) -> bool:
    """'ADVERTISEMENT', 'Story continues below advertisement' → True; a sentence → False."""
    return line.strip().rstrip(".:!…›»>").strip().casefold() in FURNITURE_LINES


def _paragraphs(html: str) -> str:
    """The page's story paragraphs read with Python's own parser, which has no depth limit."""
    soup = BeautifulSoup(html, "html.parser")
    scope = next((found for name in STORY_CONTAINERS if (found := soup.find(name))), soup)
    texts: list[str] = []
    stack: list[Tag] = [scope]
    while stack:  # one walk from the top, furniture skipped whole: linear however deep the page
        el = stack.pop()
        if el.name == "p":
            texts.append(one_line(el.get_text()))
            continue
        stack += reversed(
            [child for child in el.children if isinstance(child, Tag) and not _soup_furniture(child)]
        )
    return "\n\n".join(t for t in texts if t)


def _soup_furniture(tag: Tag) -> bool:
    names = f"{' '.join(tag.get_attribute_list('class', []))} {tag.get('id', '')}"
    return tag.name in FURNITURE or furniture_kind(names) is not None


def plain(value: str) -> str:
    """Metadata as the text a reader would see: markup in a title or a name is dropped, one line.

    ``<title><script>alert(1)</script>Fares rise</title>`` → 'Fares rise'; a value made only of
    markup (``<img onerror=…>``) → ''.  JSON-LD strings often carry entities ("Fares &amp; fees"):
    they are read as the characters they stand for.
    """
    value = unescape(value) if "&" in value else value
    if "<" not in value:
        return one_line(value)
    try:
        fragment = lxml.html.fragment_fromstring(value, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for el in fragment.xpath(".//script | .//style | .//template"):
        el.drop_tree()
    return one_line(fragment.text_content())


@cache
def _furniture_runs() -> dict[tuple[str, ...], str]:
    return {tuple(words.split()): kind for words, kind in FURNITURE_WORDS}


def furniture_kind(names: str) -> str | None:
    """'related-stories' → 'rail', 'ad-container' → 'chrome', 'article-body' → None."""
    words = [w.lower() for w in _NAME_WORD.findall(names)]
    runs = _furniture_runs()
    longest = max((len(run) for run in runs), default=0)
    kinds = {
        runs[tuple(words[i : i + n])]
        for i in range(len(words))
        for n in range(1, longest + 1)
        if tuple(words[i : i + n]) in runs
    }
    return "rail" if "rail" in kinds else next(iter(kinds), None)


def _kind(el: lxml.html.HtmlElement) -> str | None:
    """An element's furniture kind: by its tag for <nav>, <aside>, <footer>, else by class and id."""
    if el.tag in FURNITURE_TAGS:
        return FURNITURE_TAGS[el.tag]
    names = f"{el.get('class', '')} {el.get('id', '')}"
    return furniture_kind(names) if names.strip() else None


def _headline(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The story's own <h1>: the first one outside the page's lists of other stories (a menu's, a
    rail's).  A byline or meta block may wrap it ("article-meta-header"): that is the story's own."""
    return next(
        (h1 for h1 in tree.iter("h1") if not any(_kind(a) == "rail" for a in h1.iterancestors())), None
    )


def _story(
    tree: lxml.html.HtmlElement, headline: lxml.html.HtmlElement | None
) -> lxml.html.HtmlElement | None:
    """The element that holds the story and only it: the headline's <article>, <main> or schema.org
    Article item (teasers of other stories are articles too, but without the page's headline);
    without a headline, the page's only <article> or <main>."""
    if headline is None:
        for tag in STORY_CONTAINERS:
            found = list(islice(tree.iter(tag), 2))
            if len(found) == 1:
                return found[0]
        return None
    for el in headline.iterancestors():
        if el.tag in STORY_CONTAINERS or "article" in (el.get("itemtype") or "").lower():
            return el
    return None


def _speaks_for_story(el: lxml.html.HtmlElement, story: lxml.html.HtmlElement | None) -> bool:
    """Whether a date or <meta> at ``el`` is the story's: the head's are, a rail's never are."""
    ancestors = list(el.iterancestors())
    if any(a.tag == "head" for a in ancestors):
        return True
    if story is not None and el is not story and story not in ancestors:
        return False
    return not any(_kind(a) == "rail" for a in ancestors)


def _readable(
    tree: lxml.html.HtmlElement,
    headline: lxml.html.HtmlElement | None,
    story: lxml.html.HtmlElement | None,
) -> lxml.html.HtmlElement:
    """What trafilatura reads: the page without furniture, narrowed to the story's element when
    that holds most of what is left (an alert bar or a teaser above it is then out of reach).

    An element that holds the headline, or at least half of the page's text, is the story's
    frame whatever its class says ("page-with-sidebar"), and stays.
    """
    for el in tree.xpath(" | ".join(f"//{tag}" for tag in NEVER_TEXT)):
        el.drop_tree()
    for math in tree.xpath("//math"):  # a formula is words of the sentence it sits in
        math.tag, math.text = "span", one_line(math.text_content())
        for child in list(math):
            math.remove(child)
    keep = set(headline.iterancestors()) | {headline} if headline is not None else set()
    sizes = _text_sizes(tree)
    half = sizes[tree] / 2
    doomed = [
        el
        for el in tree.iter(etree.Element)
        if el not in keep and el.tag not in ("html", "body") and sizes[el] <= half and _kind(el)
    ]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    if story is None or story.getparent() is None:
        return tree
    sizes = _text_sizes(tree)
    if sizes[story] < sizes[tree] / 2:
        return tree
    page = lxml.html.document_fromstring("<html><body></body></html>")
    page.body.append(story)
    return page


def _text_sizes(tree: lxml.html.HtmlElement) -> dict[lxml.html.HtmlElement, int]:
    """The length of every element's visible text, its children's included, in one pass from the leaves up."""
    sizes: dict[lxml.html.HtmlElement, int] = {}
    for el in reversed(list(tree.iter(etree.Element))):
        own = 0 if el.tag in ("script", "style") else len(el.text or "")
        sizes[el] = own + sum(sizes[child] + len(child.tail or "") for child in el)
    return sizes


def _meta_contents(tree: lxml.html.HtmlElement, story: lxml.html.HtmlElement | None) -> dict[str, list[str]]:
    """``<meta>`` contents keyed by lower-cased property, name or itemprop, in page order.

    Open Graph and named metas describe the page wherever they stand; a ``<meta itemprop>``
    describes its microdata item, so it counts only where a date would: a teaser's does not.
    """
    contents: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip()
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key and content and (attr != "itemprop" or _speaks_for_story(meta, story)):
                contents.setdefault(key, []).append(content)
    return contents


def _article_objects(tree: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    """The JSON-LD objects that describe an article, in page order; invalid JSON is skipped."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except json.JSONDecodeError:
            continue
        yield from (obj for obj in _flatten(data) if _types(obj) & ARTICLE_TYPES)


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        yield from _flatten(data.get("@graph", []))


def _types(obj: dict[str, Any]) -> set[str]:
    kinds = obj.get("@type", [])
    return {k.lower() for k in ([kinds] if isinstance(kinds, str) else kinds) if isinstance(k, str)}


def _name(value: Any) -> str | None:
    if isinstance(value, list):
        return next(filter(None, map(_name, value)), None)
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) else None


def _urls(obj: dict[str, Any]) -> Iterator[str]:
    for key in ("url", "mainEntityOfPage"):
        value = obj.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str):
            yield value


def _title_candidates(
    tree: lxml.html.HtmlElement,
    metas: dict[str, list[str]],
    objects: list[dict[str, Any]],
    headline: lxml.html.HtmlElement | None,
) -> Iterator[str]:
    """Declared titles first; then the page's <h1> if the <title> holds it ('Opinion | <h1> — Site')."""
    for name in TITLE_META:
        yield from metas.get(name, ())
    yield from (obj["headline"] for obj in objects if isinstance(obj.get("headline"), str))
    shown = plain(headline.text_content()) if headline is not None else ""
    for el in tree.iter("title"):
        if shown and shown.casefold() in plain(el.text_content()).casefold():
            yield shown
        yield el.text_content()
    yield from (el.text_content() for el in tree.iter("h1"))


def _declared_dates(
    tree: lxml.html.HtmlElement,
    metas: dict[str, list[str]],
    objects: list[dict[str, Any]],
    story: lxml.html.HtmlElement | None,
) -> tuple[str, ...]:
    found = [obj["datePublished"] for obj in objects if isinstance(obj.get("datePublished"), str)]
    found += [value for name in PUBLISHED_META for value in metas.get(name, ())]
    found += [
        str(value)
        for xpath in PUBLISHED_TIME_XPATHS
        for value in tree.xpath(xpath)
        if _speaks_for_story(value.getparent(), story) and not _marks_an_update(value.getparent())
    ]
    return tuple(dict.fromkeys(v.strip() for v in found if v.strip()))


def _marks_an_update(time_el: lxml.html.HtmlElement) -> bool:
    """'Updated <time>', <time class="updated">, <time itemprop="dateModified">: not the publication."""
    names = " ".join(time_el.get(attr, "") for attr in ("class", "id", "itemprop"))
    previous = time_el.getprevious()
    before = (previous.tail if previous is not None else time_el.getparent().text) or ""
    written = _NAME_WORD.findall(before[-40:])[-1:]  # the word just before it
    return any(word.lower() in UPDATE_WORDS for word in [*_NAME_WORD.findall(names), *written])


def _strip_site_name(title: str, publisher: str | None) -> str:
    """'Headline | The Lakeshore Tribune' → 'Headline'; also 'Site — Headline', 'Headline | Local'."""
    if publisher:
        title = _without_publisher(title, publisher)
    head, found, tail = title.rpartition(" | ")
    if found and len(tail.split()) <= min(MAX_SUFFIX_WORDS, len(head.split()) - 1):
        return head.strip()
    return title


def _without_publisher(title: str, publisher: str) -> str:
    for sep in TITLE_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if found and head and _same_name(tail, publisher):
            return head.strip()
        lead, found, rest = title.partition(sep)
        if found and rest and _same_name(lead, publisher):
            return rest.strip()
    return title


def _same_name(a: str, b: str) -> bool:
    """'the lakeshore tribune' ≈ 'Lakeshore Tribune' ≈ 'LAKESHORE-TRIBUNE'."""

    def norm(s: str) -> str:
        return re.sub(r"\W+", "", re.sub(r"^the\s+", "", s.strip().casefold()))

    return bool(norm(a)) and norm(a) == norm(b)


def _first(*candidates: Iterable[object]) -> str | None:
    """The first non-empty string among several iterables of candidates, one line."""
    for values in candidates:
        for value in values:
            if isinstance(value, str) and (text := plain(value)):
                return text
    return None
