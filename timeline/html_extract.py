"""A news page saved as HTML → its main text and the metadata the page declares.

trafilatura separates the story from navigation, ads, related links, comments and
scripts; we do not hand-write boilerplate removal.  The metadata (date, title, URL,
publisher) is read only from what the page declares in its markup — JSON-LD, ``<meta>``,
``<time>`` — never from dates that merely appear in the text, the title or the URL: a page
that declares no date is refused upstream rather than misdated.

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
from typing import Any

import lxml.html
import trafilatura
from bs4 import BeautifulSoup
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
    "//article//header//time/@datetime",  # <article><header>… <time datetime="…">
)
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

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_PRESCAN_BYTES = 4096
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# When trafilatura finds nothing (libxml2 gives up below 256 levels of nesting, so a page
# built to be deep loses its body), the paragraphs of the story's container, else of the page
# outside these page-furniture elements, are the text.
STORY_CONTAINERS = ("article", "main")
FURNITURE = frozenset({"nav", "header", "footer", "aside", "form", "script", "style", "template"})


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


def extract_page(html: str) -> Page:
    """Main text and declared metadata of one decoded page."""
    tree = _parse(html)
    metas = _meta_contents(tree)
    objects = list(_article_objects(tree))
    publisher = _first(
        *(metas.get(name, ()) for name in SITE_NAME_META),
        (_name(obj.get("publisher")) for obj in objects),
    )
    titles = [one_line(t) for t in _title_candidates(tree, metas, objects)]
    title = next((_strip_site_name(t, publisher) for t in titles if t), None)
    return Page(
        text=_main_text(tree, titles) or _paragraphs(html),
        title=title,
        dates=_declared_dates(tree, metas, objects),
        url=_first(
            (href for href in tree.xpath('//link[@rel="canonical"]/@href') if safe_url(href)),
            *((u for u in metas.get(name, ()) if safe_url(u)) for name in URL_META),
            (u for obj in objects for u in _urls(obj) if safe_url(u)),
        ),
        publisher=publisher,
    )


def _parse(html: str) -> lxml.html.HtmlElement:
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False)
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
        return rest
    return text


def _paragraphs(html: str) -> str:
    """The page's story paragraphs read with Python's own parser, which has no depth limit."""
    soup = BeautifulSoup(html, "html.parser")
    scope = next((found for name in STORY_CONTAINERS if (found := soup.find(name))), soup)
    texts = (
        one_line(p.get_text())
        for p in scope.find_all("p")
        if not any(parent.name in FURNITURE for parent in p.parents)
    )
    return "\n\n".join(t for t in texts if t)


def _meta_contents(tree: lxml.html.HtmlElement) -> dict[str, list[str]]:
    """``<meta>`` contents keyed by lower-cased property, name or itemprop, in page order."""
    contents: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip()
        for attr in ("property", "name", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key and content:
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
    tree: lxml.html.HtmlElement, metas: dict[str, list[str]], objects: list[dict[str, Any]]
) -> Iterator[str]:
    for name in TITLE_META:
        yield from metas.get(name, ())
    yield from (obj["headline"] for obj in objects if isinstance(obj.get("headline"), str))
    yield from (el.text_content() for el in tree.iter("title"))
    yield from (el.text_content() for el in tree.iter("h1"))


def _declared_dates(
    tree: lxml.html.HtmlElement, metas: dict[str, list[str]], objects: list[dict[str, Any]]
) -> tuple[str, ...]:
    found = [obj["datePublished"] for obj in objects if isinstance(obj.get("datePublished"), str)]
    found += [value for name in PUBLISHED_META for value in metas.get(name, ())]
    found += [str(value) for xpath in PUBLISHED_TIME_XPATHS for value in tree.xpath(xpath)]
    return tuple(dict.fromkeys(v.strip() for v in found if v.strip()))


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
            if isinstance(value, str) and value.strip():
                return one_line(value)
    return None
