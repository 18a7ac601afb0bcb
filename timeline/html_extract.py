"""A news page saved as HTML → its main text and the metadata the page declares.

trafilatura separates the story from navigation, ads, related links, comments and
scripts.  Before it reads the page we take out what holds no story in any page (templates,
frames) and the furniture that pages name by class or id ("ad-slot", "most-read",
"byline"), from the data tables below: what sites call their furniture is knowledge of page
design, kept apart from the code.  The story's element (the <article> or <main> of its
<h1>) then bounds where its date may be declared, so a rail of other stories with dates
and headlines of its own never speaks for it.

The text is the story's sentences, one block a line, so no sentence runs across a subhead, a
list item or a ``<br>`` paragraph: a dek, a byline, an editor's note or correction, a
republishing credit and an inline "RELATED:" link are left out, and so are data tables (a grid
of figures holds no sentence; a table that lays out an old page is read as blocks).  A page
that shows only a paywall's teaser is read from its JSON-LD ``articleBody`` when that holds the
teaser's opening.

The metadata (date, title, URL, publisher) is read only from what the page declares in its
markup — JSON-LD, ``<meta>``, ``<time>`` — or written alone in its byline, between the headline and
the story — never from dates that merely appear in the text, the title or the URL: a page that
declares no date is refused upstream rather than misdated.
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
from functools import lru_cache
from html import unescape
from itertools import islice
from typing import Any
from urllib.parse import urlsplit

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
# The encodings browsers decode (WHATWG Encoding Standard), by Python's names.  Python knows other
# codecs by names a page may declare ("rot13", "base64", "unicode-escape", "utf-7"): those are no
# page's encoding, and decoding with them fails or rewrites the text.
WEB_ENCODINGS = (
    "utf-8", "utf-16", "utf-16-le", "utf-16-be", "ibm866", "iso-8859-2", "iso-8859-3", "iso-8859-4",
    "iso-8859-5", "iso-8859-6", "iso-8859-7", "iso-8859-8", "iso-8859-10", "iso-8859-13", "iso-8859-14",
    "iso-8859-15", "iso-8859-16", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874", "cp1250",
    "cp1251", "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "gbk", "gb18030",
    "big5", "euc-jp", "iso-2022-jp", "shift_jis", "euc-kr",
)  # fmt: skip
_WEB_CODECS = frozenset(codecs.lookup(name).name for name in WEB_ENCODINGS)

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_PRESCAN_BYTES = 4096
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# A saved news page has a few thousand elements; trafilatura's time grows faster than their
# number, so a page far beyond that (a repetition bomb, millions of nested tags) is refused
# after a bounded scan, before any parsing.
MAX_START_TAGS = 30_000
# … and so is a page with far more text than a news page shows (trafilatura holds several copies
# of it: twenty megabytes of text took a gigabyte of memory).
MAX_PAGE_TEXT = 1_000_000
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
    ("dek", "chrome"), ("deck", "chrome"), ("standfirst", "chrome"), ("strapline", "chrome"),
    ("subtitle", "chrome"), ("subscription", "chrome"), ("button", "chrome"), ("buttons", "chrome"),
    ("footer", "chrome"), ("editors note", "chrome"), ("editor note", "chrome"), ("correction", "chrome"),
    ("republish", "chrome"), ("donate", "chrome"), ("pullquote", "chrome"), ("pull quote", "chrome"),
    ("caption", "chrome"), ("credit", "chrome"), ("credits", "chrome"),
)  # fmt: skip
# Lines that label furniture rather than say anything, left in the story's flow by an ad or a
# rail that has no class to tell it by; matched against whole lines, case and closing marks aside.
FURNITURE_LINES = frozenset({
    "advertisement", "advertisements", "skip advertisement", "story continues below advertisement",
    "story continues below", "article continues below", "continue reading below", "continue reading",
    "continue reading the main story", "scroll to continue with content", "sponsored", "sponsored content",
    "paid content", "paid post", "promoted", "read more", "read next", "related", "related stories",
    "related articles", "related coverage", "recommended", "recommended stories", "most read", "most popular",
    "more stories", "share", "share this article", "share this story", "share full article", "sign up",
    "subscribe", "supported by", "listen to this article", "more on this story", "related topics",
})  # fmt: skip
# Elements furniture by their tag: menus and asides list other pages; a footer is the page's or
# the story's small print, which may still carry its publication <time>.
FURNITURE_TAGS = {"nav": "rail", "aside": "rail", "footer": "chrome"}
FURNITURE_EXAMPLES = (  # (a class or id, the kind it names or None); tests run each
    ("ad-container", "chrome"), ("adSlot", "chrome"), ("related-stories", "rail"), ("mostRead", "rail"),
    ("rail rail--latest", "rail"), ("article-byline", "chrome"), ("onetrust-banner-sdk", "chrome"),
    ("comments-section", "chrome"), ("you-may-also-like", "rail"),
    ("article-body__part", None), ("story-header", None), ("headline", None), ("badge", None),
    ("liveblog-entry", None), ("load-more", None), ("story__dek", "chrome"), ("subtitle", "chrome"),
    ("subscription-widget-wrap", "chrome"), ("button-wrapper", "chrome"), ("post-footer", "chrome"),
    ("editors-note", "chrome"), ("republish-widget", "chrome"), ("body markup", None),
    ("entry-content", None), ("pull-quote", "chrome"), ("photo-caption", "chrome"),
    ("credits reader-credits", "chrome"),
)  # fmt: skip
# Openings that mark a line of the story's flow as a note about the story or a pointer elsewhere,
# not its text: an editor's note or correction above it, a republishing credit below it, an inline
# link to another story, a print view's source line.  Matched at the start of a line, case aside.
NOTE_OPENINGS = (
    "editor's note", "editor’s note", "editors' note", "editors’ note", "correction:", "corrections:",
    "clarification:", "this story was originally published", "this article was originally published",
    "this story originally appeared", "this article originally appeared", "this story first appeared",
    "this article first appeared", "originally published by", "originally published in",
    "republished with permission", "this story was updated", "this article was updated",
    "this story has been updated", "this article has been updated", "this story was corrected",
    "this article was corrected", "this story has been corrected", "this article has been corrected",
    "this article was amended", "this story was amended", "reporting by", "additional reporting by",
    "writing by", "editing by", "our standards:", "related:", "read more:", "see also:", "also read:",
    "more:", "printed from", "printed on",
)  # fmt: skip
NOTE_EXAMPLES = (  # (a line, whether it is a note); tests run each
    ("Editor’s note: This story was updated on Oct. 9 to correct a figure.", True),
    ("Correction: An earlier version of this story misstated the vote.", True),
    ("This story was originally published by Northwind News Service.", True),
    ("RELATED: Cedar Valley enrollment falls for fifth straight year", True),
    ("Printed from https://www.example.org/news/levy on Nov. 25, 2026", True),
    ("This article was amended on 3 March 2026 to correct the name of the bridge.", True),
    ("Reporting by Ana Lima; Editing by Tom Hale", True),
    ("The correction came after the vote, officials said.", False),
    ("Related charges were dropped on Monday.", False),
    ("More than 60 people spoke during the meeting.", False),
)  # fmt: skip
_BLOCK_END = re.compile(r"<\s*(?:/\s*(?:p|div|h[1-6]|li|blockquote)|br\s*/?)\s*>", re.IGNORECASE)
_WORD = re.compile(r"\w+")
OPENING_WORDS = 12  # the shown text's opening words that a JSON-LD articleBody must hold
LONGER_BODY = 1.2  # … and how much longer than the shown text it must be to replace it
# A paragraph (or a run of text between <br>s) this long is the story's: a byline's dates come
# before the first of them, and the element that holds them all is the story's.
BODY_PARAGRAPH_CHARS = 120
# A byline's parts ("By Ann Lee · Nov. 24, 2024 | 6 min read"), and a date written alone in one,
# maybe after "Published" or "Posted"; "Updated Nov. 25, 2024" is the last change, not this.
_BYLINE_PARTS = re.compile(r"\s[·•|]\s|\s[—–]\s")
WRITTEN_DATE = re.compile(
    r"""(?:(?:first\ )?(?:published|posted)(?:\ on)?:?\ )?
    (?P<date>(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\ )?
      (?:MONTH\ \d{1,2},?\ \d{4}|\d{1,2}\ MONTH,?\ \d{4}))
    (?:,?\ (?:at\ )?\d{1,2}(?:[:.]\d{2})?\ ?(?:[ap]\.?m\.?)?(?:\ [A-Z]{2,4})?)?""".replace(
        "MONTH",
        r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
        r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?",
    ),
    re.VERBOSE | re.IGNORECASE,
)
BYLINE_DATE_EXAMPLES = (  # (a byline's part, the date read from it or None); tests run each
    ("Nov. 24, 2024", "Nov. 24, 2024"), ("Published 24 November 2024, 6:05 pm", "24 November 2024"),
    ("Thursday, March 5, 2026", "Thursday, March 5, 2026"), ("Posted on Sept. 9, 2026", "Sept. 9, 2026"),
    ("Updated Nov. 25, 2024", None), ("March 2026", None), ("On March 3, 2024, voters", None),
    ("Mayday 24, 2024", None),
)  # fmt: skip
LANGUAGE_META = ("og:locale", "language", "dc.language")
LANGUAGE_CHARS = 35  # a language tag is at most this long ("zh-Hant-TW"); a longer value is cut
# Cells of a data table hold figures and labels, not sentences; a table whose cells hold
# paragraphs or line breaks (or this much text) lays out a page instead.
DATA_CELL_CHARS = 150
LAYOUT_CONTENT = ("p", "div", "br", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "article",
                  "section", "blockquote")  # fmt: skip
TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "colgroup", "col")
# trafilatura writes a list item as "- item": the dash is its marker, not the page's text.
_LIST_MARKER = re.compile(r"^- (?=\S)", re.MULTILINE)
# The page's XPath queries, compiled once rather than on every page.
_NEVER_TEXT = etree.XPath(" | ".join(f"//{tag}" for tag in NEVER_TEXT))
_MATH = etree.XPath("//math")
_JSON_LD = etree.XPath('//script[@type="application/ld+json"]')
_PUBLISHED_TIMES = tuple(map(etree.XPath, PUBLISHED_TIME_XPATHS))
_LANGUAGE = etree.XPath("/html/@lang")
_CANONICAL = etree.XPath('//link[@rel="canonical"]/@href')
_HIDDEN = etree.XPath(".//script | .//style | .//template")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Control characters other than white space are nothing a page shows: an escape sequence or a NUL
# (``&#27;``, ``\u0000`` in JSON-LD) would be carried into our entries as is.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


class PageError(ValueError):
    """A page that cannot be decoded or parsed; the message is one line."""


@dataclass(frozen=True)
class Page:
    text: str  # the main text: what offsets refer to
    title: str | None
    dates: tuple[str, ...]  # declared publication dates as written, most trustworthy first
    url: str | None
    publisher: str | None
    language: str | None = None  # as declared: <html lang="es">, og:locale, JSON-LD inLanguage


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
        name = None
    if name not in _WEB_CODECS:
        raise PageError(f"the page declares an unknown charset {label!r}")
    # A <meta> that could be read as ASCII is in no UTF-16: browsers read such a page as UTF-8.
    return "utf-8-sig" if name == "utf-8" or name.startswith("utf-16") else name


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
    if (size := _text_sizes(tree)[tree]) > MAX_PAGE_TEXT:
        limit = f"{size:,} characters; the limit is {MAX_PAGE_TEXT:,}"
        raise PageError(f"too much text for a news page ({limit})")
    headline = _headline(tree)
    story = _story(tree, headline)
    metas = _meta_contents(tree, story)
    shown = plain(headline.text_content()) if headline is not None else None  # the headline as read
    headlines = _page_titles(shown, metas)
    objects = _own_first(list(_article_objects(tree)), headlines)
    publisher = _first(
        *(metas.get(name, ()) for name in SITE_NAME_META),
        (_name(obj.get("publisher")) for obj in objects),
        _site_after_headline(tree, shown),
    )
    titles = [t for t in map(plain, _title_candidates(tree, metas, objects, shown)) if t]
    stripped = (_strip_site_name(t, publisher) for t in titles)
    title = next((t for t in stripped if not (publisher and _same_name(t, publisher))), None)
    dates = _declared_dates(tree, metas, objects, headline, story)
    language = _first(_LANGUAGE(tree), *(metas.get(name, ()) for name in LANGUAGE_META),
                      (obj.get("inLanguage") for obj in objects))  # fmt: skip
    text = _CONTROL.sub("", _main_text(_readable(tree, headline, story), titles) or _paragraphs(html))
    return Page(
        text=_article_body(objects, text, headlines | ({title.casefold()} if title else set())) or text,
        title=title,
        dates=dates,
        url=_first(
            (href for href in _CANONICAL(tree) if safe_url(href)),
            *((u for u in metas.get(name, ()) if safe_url(u)) for name in URL_META),
            (u for obj in objects for u in _urls(obj) if safe_url(u)),
        ),
        publisher=publisher,
        language=language[:LANGUAGE_CHARS] if language else None,
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
    lines = _story_lines(text)
    known = {t.casefold() for t in titles}
    while len(lines) > 1 and one_line(lines[0]).casefold() in known:
        del lines[0]
    return "\n".join(lines)


def _story_lines(text: str) -> list[str]:
    """The lines of extracted text that are the story's: no list markers, furniture or notes."""
    lines = _LIST_MARKER.sub("", text).split("\n")
    return [line for line in lines if not (is_furniture_line(line) or is_note_line(line))]


def is_furniture_line(line: str) -> bool:
    """'ADVERTISEMENT', 'Story continues below advertisement' → True; a sentence → False."""
    return line.strip().rstrip(".:!…›»>").strip().casefold() in FURNITURE_LINES


def is_note_line(line: str) -> bool:
    """'Correction: An earlier version…', 'RELATED: …' → True; 'Related charges were…' → False."""
    return line.strip().casefold().startswith(NOTE_OPENINGS)


def _article_body(objects: list[dict[str, Any]], shown: str, titles: set[str]) -> str | None:
    """The JSON-LD ``articleBody`` when the page shows only its opening (a paywall's teaser).

    Used only if it is longer than what the page shows and holds the shown text's opening
    words, or, on a page that shows no text, if its object's headline is the page's: another
    story's body (a teaser's) never stands in for this one.
    """
    opening = _words(shown)[:OPENING_WORDS]
    for obj in objects:
        body = obj.get("articleBody")
        if not isinstance(body, str):
            continue
        text = "\n".join(line for line in _story_lines(_body_lines(body)) if line)
        ours = _holds(_words(text), opening) if opening else _is_own(obj, titles)
        if len(text) > len(shown) * LONGER_BODY and ours:
            return text
    return None


def _body_lines(body: str) -> str:
    """An ``articleBody`` as lines of plain text: its paragraph breaks (line breaks or block tags)
    kept, its markup and entities read as text."""
    broken = _BLOCK_END.sub("\n", body)
    return "\n".join(text for line in broken.splitlines() if (text := plain(line)))


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _holds(words: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(words[i : i + n] == run for i in range(len(words) - n + 1))


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
    return "\n\n".join(t for t in _story_lines("\n".join(texts)) if t)


def _soup_furniture(tag: Tag) -> bool:
    names = f"{' '.join(tag.get_attribute_list('class', []))} {tag.get('id', '')}"
    return tag.name in FURNITURE or furniture_kind(names) is not None


def plain(value: str) -> str:
    """Metadata as the text a reader would see: markup in a title or a name is dropped, one line.

    ``<title><script>alert(1)</script>Fares rise</title>`` → 'Fares rise'; a value made only of
    markup (``<img onerror=…>``) → ''.  JSON-LD strings often carry entities ("Fares &amp; fees"):
    they are read as the characters they stand for.
    """
    value = _CONTROL.sub("", unescape(value) if "&" in value else value)
    if "<" not in value:
        return one_line(value)
    try:
        fragment = lxml.html.fragment_fromstring(value, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for el in _HIDDEN(fragment):
        el.drop_tree()
    return one_line(fragment.text_content())


_FURNITURE_RUNS = {tuple(words.split()): kind for words, kind in FURNITURE_WORDS}
_LONGEST_RUN = max((len(run) for run in _FURNITURE_RUNS), default=0)


@lru_cache(maxsize=4096)
def furniture_kind(names: str) -> str | None:
    """'related-stories' → 'rail', 'ad-container' → 'chrome', 'article-body' → None.  Cached:
    a page repeats its class names, and every ancestor of a candidate is asked about."""
    words = [w.lower() for w in _NAME_WORD.findall(names)]
    runs, longest = _FURNITURE_RUNS, _LONGEST_RUN
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
    rail's), one in an <article> or <main> first.  A byline or meta block may wrap it
    ("article-meta-header"): that is the story's own.  A masthead's <h1> (the site's name as a
    link home, or a logo without text) is none."""
    found = [
        h1
        for h1 in tree.iter("h1")
        if not any(_kind(a) == "rail" for a in h1.iterancestors()) and not _is_masthead(h1)
    ]
    in_story = [h1 for h1 in found if any(a.tag in STORY_CONTAINERS for a in h1.iterancestors())]
    return next(iter(in_story or found), None)


def _is_masthead(h1: lxml.html.HtmlElement) -> bool:
    """``<h1><a href="/"><img alt="Bay Post"></a></h1>`` or ``<h1><a href="/">Bay Post</a></h1>``;
    not a headline linking to its own story (``<h1><a href="/2024/11/levy-passes/">``)."""
    text = one_line(h1.text_content())
    return not text or any(
        one_line(a.text_content()) == text and _links_home(a.get("href", "")) for a in h1.iter("a")
    )


def _links_home(href: str) -> bool:
    """'/', 'https://baypost.example/', './', 'index.html': the site's front page."""
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return False
    return not parts.query and parts.path.removeprefix(".").removesuffix("index.html") in ("", "/")


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
    for el in _NEVER_TEXT(tree):
        el.drop_tree()
    _untable(tree)
    for math in _MATH(tree):  # a formula is words of the sentence it sits in
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
    if story is None:
        _name_the_story(tree)
        return tree
    if story.getparent() is None:
        return tree
    sizes = _text_sizes(tree)
    if sizes[story] < sizes[tree] / 2:
        return tree
    page = lxml.html.document_fromstring("<html><body></body></html>")
    page.body.append(story)
    return page


def _name_the_story(tree: lxml.html.HtmlElement) -> None:
    """A page without <article> or <main> (old templates, plain <div>s): the element that holds all
    its paragraphs of story length is named <article>, so that trafilatura reads it as the story,
    lists and subheads included, rather than gleaning loose paragraphs."""
    counts: dict[lxml.html.HtmlElement, int] = {}
    for el in reversed(list(tree.iter(etree.Element))):  # from the leaves up: linear however deep
        own = el.tag == "p" and len(one_line(el.text_content())) >= BODY_PARAGRAPH_CHARS
        counts[el] = own + sum(counts[child] for child in el)
    total, holder = counts[tree], tree
    if not total:
        return
    while (inner := next((c for c in holder if counts[c] == total and c.tag != "p"), None)) is not None:
        holder = inner
    if holder.tag not in ("html", "body", "article", "main"):
        holder.tag = "article"


def _untable(tree: lxml.html.HtmlElement) -> None:
    """Data tables out (a grid of figures holds no sentence, and read as text its cells run
    together); a table that lays out the page becomes blocks, so that its cells stay apart."""
    blocks: dict[lxml.html.HtmlElement, bool] = {}  # whether an element holds block content
    for el in reversed(list(tree.iter(etree.Element))):
        blocks[el] = any(child.tag in LAYOUT_CONTENT or blocks[child] for child in el)
    for table in list(tree.iter("table")):
        if blocks[table] or any(
            len(one_line(cell.text_content())) > DATA_CELL_CHARS for cell in table.iter("td", "th")
        ):
            continue  # a layout table: its cells are read below
        lead_in = table.getprevious()  # "How the fire grew:" goes with the table it announces
        if lead_in is not None and lead_in.tag == "p" and one_line(lead_in.text_content()).endswith(":"):
            lead_in.drop_tree()
        table.drop_tree()
    for el in list(tree.iter(*TABLE_PARTS)):  # what is left lays out the page
        el.tag = "div"
        for attr in ("colspan", "rowspan", "width"):
            el.attrib.pop(attr, None)


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
    """The JSON-LD objects that describe an article, in page order.  A script that cannot be read
    is skipped like one that is not JSON: nested too deep for the parser, or with a number too
    long to convert (Python refuses integers over 4,300 digits with a ValueError)."""
    for script in _JSON_LD(tree):
        try:
            data = read_json(script.text or "")
        except (ValueError, RecursionError):
            continue
        yield from (obj for obj in _flatten(data) if _types(obj) & ARTICLE_TYPES)


def read_json(text: str) -> Any:
    """JSON whose strings can be written out: an escape of half a surrogate pair ("\\ud83d", an
    emoji cut in two) becomes U+FFFD, as a browser shows it; no encoder accepts it as it is."""
    data = json.loads(text)
    if "\\u" not in text:  # no escape, so no lone surrogate (the text itself is valid Unicode)
        return data
    written = json.dumps(data, ensure_ascii=False)
    return json.loads(_LONE_SURROGATE.sub("\ufffd", written)) if _LONE_SURROGATE.search(written) else data


def _own_first(objects: list[dict[str, Any]], titles: set[str]) -> list[dict[str, Any]]:
    """The article objects whose headline is the page's before the others: a page may describe
    the stories it links to as well, with dates and bodies of their own."""
    return sorted(objects, key=lambda obj: not _is_own(obj, titles))


def _page_titles(shown: str | None, metas: dict[str, list[str]]) -> set[str]:
    """The page's own headline as its <h1> (``shown``: None without one) and its og:title give it,
    case-folded."""
    titles = {plain(title).casefold() for name in TITLE_META for title in metas.get(name, ())}
    if shown is not None:
        titles.add(shown.casefold())
    return titles


def _is_own(obj: dict[str, Any], titles: set[str]) -> bool:
    return plain(str(obj.get("headline", ""))).casefold() in titles


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    """The objects of a JSON-LD document, those in its lists and @graphs included, in document
    order; walked without recursion, so that no nesting the parser accepted can overflow the stack."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack += reversed(item)
        elif isinstance(item, dict):
            yield item
            stack.append(item.get("@graph", []))


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
    shown: str | None,
) -> Iterator[str]:
    """Declared titles first; then the page's <h1> (``shown``) if the <title> holds it ('Opinion | <h1> —
    Site')."""
    for name in TITLE_META:
        yield from metas.get(name, ())
    yield from (obj["headline"] for obj in objects if isinstance(obj.get("headline"), str))
    for el in tree.iter("title"):
        if shown and shown.casefold() in plain(el.text_content()).casefold():
            yield shown
        yield el.text_content()
    yield from (el.text_content() for el in tree.iter("h1"))


def _declared_dates(
    tree: lxml.html.HtmlElement,
    metas: dict[str, list[str]],
    objects: list[dict[str, Any]],
    headline: lxml.html.HtmlElement | None,
    story: lxml.html.HtmlElement | None,
) -> tuple[str, ...]:
    found = [obj["datePublished"] for obj in objects if isinstance(obj.get("datePublished"), str)]
    found += [value for name in PUBLISHED_META for value in metas.get(name, ())]
    found += [
        str(value)
        for xpath in _PUBLISHED_TIMES
        for value in xpath(tree)
        if _speaks_for_story(value.getparent(), story) and not _marks_an_update(value.getparent())
    ]
    found += _byline_dates(tree, headline, story)
    return tuple(dict.fromkeys(v.strip() for v in found if v.strip()))


def _byline_dates(
    tree: lxml.html.HtmlElement, headline: lxml.html.HtmlElement | None, story: lxml.html.HtmlElement | None
) -> list[str]:
    """The dates between the story's <h1> and its first paragraph: its byline's, whatever the markup
    around them — a <time>, else a date written alone ("By Ann Lee · Nov. 24, 2024", "Published 24
    November 2024").  A site header's date (today's) comes before the headline; one in the text
    names a day the story is about."""
    if headline is None:
        return []
    times: list[str] = []
    written: list[str] = []
    after = False
    for el in (story if story is not None else tree).iter(etree.Element):
        after = after or el is headline
        if not after or el.tag in ("script", "style") or not _speaks_for_story(el, story):
            continue
        texts = [el.text or "" if el.tag != "time" else "", *(child.tail or "" for child in el)]
        if any(len(one_line(text)) >= BODY_PARAGRAPH_CHARS for text in texts) or (
            el.tag == "p" and len(one_line(el.text_content())) >= BODY_PARAGRAPH_CHARS
        ):
            break  # the story has begun (a paragraph, or a run of text between <br>s)
        if el.tag == "time" and not _marks_an_update(el):
            times.append(el.get("datetime") or el.text_content())
        written += [m["date"] for text in texts for part in _BYLINE_PARTS.split(text)
                    if (m := WRITTEN_DATE.fullmatch(one_line(part)))]  # fmt: skip
    return times + written


def _marks_an_update(time_el: lxml.html.HtmlElement) -> bool:
    """'Updated <time>', <time class="updated">, <time itemprop="dateModified">: not the publication."""
    names = " ".join(time_el.get(attr, "") for attr in ("class", "id", "itemprop"))
    previous = time_el.getprevious()
    before = (previous.tail if previous is not None else time_el.getparent().text) or ""
    written = _NAME_WORD.findall(before[-40:])[-1:]  # the word just before it
    return any(word.lower() in UPDATE_WORDS for word in [*_NAME_WORD.findall(names), *written])


def _site_after_headline(tree: lxml.html.HtmlElement, shown: str | None) -> Iterator[str]:
    """'Fire forces evacuation - High Desert Record' for the <h1> 'Fire forces evacuation' (``shown``):
    what follows the headline in the <title>, after one separator, is the site's name."""
    for el in tree.iter("title") if shown else ():
        _, found, tail = plain(el.text_content()).partition(shown)
        sep = next((sep for sep in TITLE_SEPARATORS if found and tail.startswith(sep)), None)
        name = tail.removeprefix(sep or "").strip()
        if sep and 0 < len(name.split()) <= MAX_SUFFIX_WORDS and not any(s in name for s in TITLE_SEPARATORS):
            yield name


def _strip_site_name(title: str, publisher: str | None) -> str:
    """'Headline | The Lakeshore Tribune' → 'Headline'; also 'Site — Headline', 'Headline | Local',
    'Site | Section | Headline': of parts between bars, the one longer than all the short others.
    Of two parts of a site whose name we do not know, only a shorter last part goes: sites put
    their name last, and a short headline ('Levy passes | The Lakeshore Tribune') must not lose to
    the name."""
    if publisher:
        title = _without_publisher(title, publisher)
    parts = [part.strip() for part in title.split(" | ")]
    sizes = [len(part.split()) for part in parts]
    if len(parts) == 2 and not publisher:
        return parts[0] if sizes[1] <= min(MAX_SUFFIX_WORDS, sizes[0] - 1) else title
    longest = max(range(len(parts)), key=sizes.__getitem__)
    others = sizes[:longest] + sizes[longest + 1 :]
    if others and max(others) <= MAX_SUFFIX_WORDS and max(others) < sizes[longest]:
        return parts[longest]
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
