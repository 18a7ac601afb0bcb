"""Article files → ``Article``: the text that offsets refer to, and the day that anchors it.

Three kinds of file:

- ``.txt``: the whole file is the text, exactly as decoded; the date comes from ``--published``;
- ``.md`` / ``.markdown``: Pelican-style ``Key: value`` front matter (or YAML between ``---``
  lines) above the text; the date comes from ``Date:``;
- ``.html`` / ``.htm``: a page saved from a news site; the text is its main text, the date
  the one its markup declares (see ``html_extract``).

``--published`` overrides the file's own date.  A date is never guessed: without one the
file is refused (a date in a page's address is named in the refusal, never taken).  Of two
declarations of the same instant, the one written in local time is taken: the day is the
publication's own, not UTC's.  Every problem is a ``SourceError`` whose reason is one line, so
that a batch can report the file and go on.

We tag English news: a text that does not read as English (whatever language a page declares,
since templates declare wrongly both ways) is refused rather than read as nonsense.
"""

from __future__ import annotations

import codecs
import contextlib
import json
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path

from dateutil import parser as dateutil_parser

from .html_extract import WRITTEN_DATE, PageError, extract_page, page_encodings, read_json
from .markdown_format import one_line, safe_url
from .model import Article
from .periods import MONTH_NAMES
from .slugs import slugify
from .text import sentences

KINDS = {".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
MAX_BYTES = 50_000_000
BINARY_PROBE_BYTES = 8192  # a NUL byte here means binary, as git decides
# What a file is when it is no text at all, by its first bytes: a photo or a PDF saved under
# an .html name is refused by what it is.  (offset, signature, what it is); each signature is
# one no article opens with.
SIGNATURES = (
    (0, b"%PDF-", "a PDF document"),
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (0, b"\xff\xd8\xff", "a JPEG image"),
    (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"),
    (8, b"WEBPVP8", "a WebP image"),
    (0, b"II*\x00", "a TIFF image"),
    (0, b"MM\x00*", "a TIFF image"),
    (0, b"PK\x03\x04", "a ZIP archive (or a .docx, .odt or .epub)"),
    (0, b"\x1f\x8b", "gzip-compressed data"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (0, b"{\\rtf", "an RTF document"),
    (0, b"%!PS", "a PostScript document"),
    (0, b"bplist00", "a Safari web archive"),
    (0, b"\x7fELF", "a program"),
)
# "Save as… Webpage, Single File" in Chrome writes MIME (MHTML), not HTML: mail-like headers
# ("From: <Saved by Blink>", "MIME-Version: 1.0") come first and name a multipart/related body.
_HEADER_LINE = re.compile(rb"[A-Za-z][\w-]*:[ \t]")
MHTML_MARKS = (b"mime-version:", b"multipart/related")
TITLE_WORDS = 12  # a derived title is at most this long
TITLE_MIN_CLAUSE_WORDS = 6  # … and is cut at a comma or dash only after this many words
MAX_TITLE_CHARS = 200  # a declared title longer than any headline is cut at a word, with "…"
SLUG_WORDS, SLUG_CHARS = 16, 80
ENCODING_LABELS = {"utf-8-sig": "UTF-8", "cp1252": "windows-1252"}  # codec → the name people know

# Front-matter keys (case-insensitive) → Article fields.
FRONT_MATTER_FIELDS = {
    "title": "title", "headline": "title",
    "date": "date", "published": "date",
    "url": "url", "link": "url", "source_url": "url", "original_url": "url",
    "publisher": "publisher", "source": "publisher", "outlet": "publisher", "site_name": "publisher",
    "dateline": "dateline",
}  # fmt: skip
# Keys that mark a block as front matter although we do not use them.
OTHER_FRONT_MATTER_KEYS = frozenset({
    "author", "authors", "byline", "tags", "category", "summary", "description", "modified",
    "updated", "slug", "lang", "status", "section",
})  # fmt: skip
NO_DATE_HINTS = {
    "text": "give --published",
    "markdown": "give --published or a Date: line",
    "html": "the page declares none; give --published",
}

# A wire-style dateline opens a story: CITY[, Region | , Month Day][ (Agency)] — dash.
DATELINE = re.compile(
    r"""\s*
    (?P<city>[A-Z][A-Z.'’-]+(?:\ [A-Z][A-Z.'’-]*){0,3})  # WASHINGTON, NEW YORK, ST. LOUIS
    (?:,\ [A-Z][\w.'’]*(?:\ [A-Z][\w.'’]*){0,2})?          # , Ukraine  , Minn.  , N.M.
    (?:,\ [A-Z][a-z]{2,8}\.?\ \d{1,2}(?:,\ \d{4})?)?         # , May 19  (Reuters style), 2026
    (?:\ ?\([A-Za-z][\w .&-]{0,30}\)|\ /[A-Za-z][\w .&-]{0,30}/)?  # (AP)  (Reuters)  /PRNewswire/
    (?:\ *[—–]\ *|\ +--?\ +)                               # — or a spaced hyphen, not COVID-19
    """,
    re.VERBOSE,
)
DATELINE_EXAMPLES = (  # (opening of a story, the dateline read from it); tests run each
    ("WASHINGTON — Russian President Vladimir Putin said", "Washington"),
    ("KYIV, Ukraine (AP) — Russian drones struck", "Kyiv"),
    ("LONDON (Reuters) - British inflation rose", "London"),
    ("PARIS, May 19 (Reuters) - France's finance minister", "Paris"),
    ("NEW YORK (AP) — A jury on Tuesday", "New York"),
    ("ST. LOUIS — The city's aldermen", "St. Louis"),
    ("DULUTH, Minn. — The City Council voted", "Duluth"),
    ("WINSTON-SALEM, N.C. -- Officials said", "Winston-Salem"),
    ("AUSTIN, Texas, March 12, 2026 /PRNewswire/ -- Northwind Robotics", "Austin"),
)
# A text copied from a page may open with the page's header: a headline, a byline ("By Ann Lee,
# Staff Writer"), a date written alone ("May 17, 2024", "Published May 17, 2024 3:15 p.m.").
# Header lines are short and end without a full stop; the story opens at the first line that
# does not (its dateline is there), and a text of short lines only is all story.
HEADER_LINES = 6  # a header has at most this many lines
STORY_LINE_CHARS = 120  # a line this long is the story's
_BYLINE = re.compile(r"[Bb][Yy]:?\s+[A-Z]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_LIST_ITEM = re.compile(r"(?:[-*•–]|\d{1,2}[.)])\s")
HEADER_EXAMPLES = (  # (a text's opening, (its headline, its written date, its story's opening))
    ("School board votes to close Lincoln\nBy Ann Lee\nStaff Writer\nMay 17, 2024\n\n"
     "SPRINGFIELD — The board voted on Thursday.",
     ("School board votes to close Lincoln", "May 17, 2024", "SPRINGFIELD")),
    ("By Ann Lee\nStaff Writer\n\nSPRINGFIELD — The board voted on Thursday.", (None, None, "SPRINGFIELD")),
    ("Quake shakes the coast\n\nPublished 3 March 2026, 6:05 pm\nKOBE, Japan (AP) — A strong quake struck.",
     ("Quake shakes the coast", "3 March 2026", "KOBE")),
    ("Officials met on Monday.\nThey agreed on a plan.", (None, None, "Officials")),
    ("LONDON (Reuters) - British inflation fell to 2.3% in April, its lowest level in nearly three years, "
     "official figures showed on Wednesday.", (None, None, "LONDON")),
    ("Road closed\nBridge shut\nDetour posted", (None, None, "Road")),
    ("CHICAGO — Transit officials said Thursday\nthat fares would rise in July.", (None, None, "CHICAGO")),
    ("Key dates\n- Jan. 5: The council met\n- Feb. 2: The mayor resigned\n\nSPRINGFIELD — The council met.",
     (None, None, "Key dates")),
    ("FOR IMMEDIATE RELEASE\n\nNorthwind Opens Austin Plant\n\nAUSTIN, Texas, March 12, 2026 /PRNewswire/ -- "
     "Northwind opened a plant.", ("Northwind Opens Austin Plant", None, "AUSTIN")),
)  # fmt: skip
_CLAUSE_END = re.compile(r"[,;:]$|^(?:—|–|--|-)$")
_MONTH_NAME = re.compile(r"\b(?:" + "|".join(m[:3] for m in MONTH_NAMES) + r")", re.IGNORECASE)
_ISO_DATE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
_KEY_LINE = re.compile(r"[ ]{0,3}(?P<key>[A-Za-z][A-Za-z0-9_-]*):(?:[ \t]+(?P<value>.*?))?[ \t]*")
_CONTINUATION = re.compile(r"(?:[ ]{4,}|\t)(?P<value>.*?)\s*")
_LEADING_BLANK_LINES = re.compile(r"(?:[ \t]*(?:\r\n|\n|\r))*")
SAME_INSTANT = timedelta(minutes=1)
_FILE_KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device",
               stat.S_IFSOCK: "a socket"}  # fmt: skip
# The years a publication date may fall in: a declared 0001-01-01 or 9999-12-31 is a template's
# placeholder, not the day a story ran, and would date every event in it millennia away.
PUBLISHED_YEARS = range(1700, 2200)
# A news story's text is at most a few tens of thousands of words; a longer "article" (a dump, a
# generated file) is refused rather than read for minutes.
MAX_TEXT_CHARS = 300_000
QUOTED_CHARS = 60  # a value named in a refusal is cut after this many characters
# A day in a page's address (/2025/03/14/): a hint we name when refusing, never a declaration.
_URL_DAY = re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)(?:/|$)")

# Words frequent in any English news text and rare in other languages' (no "a", "in", "die"),
# and the like of them in the languages a news page is most often in instead.  A text is refused
# only on evidence: few English ones *and* more of another language's, so that English in
# headline style, a bulleted timeline or a list of results (few function words at all) is read.
ENGLISH_MARKERS = frozenset({
    "the", "and", "of", "to", "was", "were", "is", "are", "that", "with", "for", "said", "from", "have",
    "has", "had", "will", "would", "which", "this", "these", "they", "their", "on", "at", "by", "it", "be",
    "been", "not", "but", "or", "after", "who", "its", "an",
})  # fmt: skip
OTHER_MARKERS = frozenset({
    "el", "los", "las", "del", "que", "y", "por", "para", "con", "una", "según", "como",  # Spanish
    "le", "les", "des", "du", "et", "est", "pour", "dans", "une", "qui", "sur", "avec",  # French
    "der", "das", "und", "ist", "mit", "den", "von", "zu", "nicht", "auf", "wird", "sich",  # German
    "il", "di", "che", "per", "della", "sono", "gli", "anche",  # Italian
    "não", "os", "uma", "em", "foi", "pelo",  # Portuguese
    "het", "een", "van", "niet", "werd", "zijn",  # Dutch
})  # fmt: skip
ENGLISH_SHARE = 0.12  # a text with fewer English markers than this share of its words …
JUDGED_WORDS = 30  # … and at least this many words, more of them another language's, is not English
LANGUAGE_EXAMPLES = (  # (text, whether it reads as English); tests run each
    ("The council voted on Tuesday to close the old ferry landing, and the mayor said it would reopen "
     "in the spring after repairs that have been delayed by a dispute with the state over who pays.", True),
    ("El mercado central de la ciudad reabrirá sus puertas el próximo 15 de abril, después de dos años "
     "de obras que han costado 7,4 millones de euros, según anunció el miércoles el Ayuntamiento.", False),
    ("Der Stadtrat hat am Dienstag beschlossen, die alte Fähre im Sommer wieder in Betrieb zu nehmen. "
     "Was das kosten wird, ist noch offen, sagte die Bürgermeisterin am Abend vor der Presse.", False),
    ("Le conseil municipal a décidé mardi de remettre en service le vieux bac cet été, mais on ne sait "
     "pas encore combien cela coûtera, a déclaré la maire, qui présentera un plan à l'automne.", False),
    ("Officials met on Monday.", True),  # too short to judge: read
    ("Storm batters coast. Thousands lose power. Roads closed across three counties. Schools shut "
     "Monday. Governor declares emergency. Crews work overnight. Shelters open in Dover, Milford, "
     "Lewes. Ferry service suspended until Wednesday. Residents urged: stay home.", True),
    ("Results Saturday: Rovers 2, Athletic 1. United 3, Wanderers 0. Top scorers: Okafor 14 goals, "
     "Lindqvist 12 goals, Mbeki 11 goals. Next fixtures Tuesday: Rovers v United, Athletic v Wanderers. "
     "Kickoff 7:45 p.m. Tickets sold out.", True),
    ("2019 – Norvale founded in Dayton. 2020 – Norvale raises $5 million led by Pike Capital. 2021 – "
     "offices open in Leeds, Lyon and Graz. 2022 – Norvale acquires Tessel. 2023 – chief executive "
     "Ines Marlow steps down; Theo Rask named successor. 2024 – revenue tops $100 million.", True),
)  # fmt: skip
_LETTERS = re.compile(r"[^\W\d_]+")


class SourceError(Exception):
    """A file that cannot become an Article; ``reason`` is one human line."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = one_line(reason)
        super().__init__(f"{self.path}: {self.reason}")


@dataclass(frozen=True)
class _Parts:
    """What one kind of file yields before the common rules (date, title, slug) apply."""

    text: str
    title: str | None = None
    dates: tuple[str, ...] = ()  # declared publication dates, most trustworthy first
    url: str | None = None
    publisher: str | None = None
    dateline: str | None = None
    language: str | None = None  # the language a page declares, named when its text is refused
    lead: int = 0  # where the story opens in ``text``, after a header copied with it


def parse_published(value: str) -> tuple[date, str]:
    """``'2025-05-19T22:30:00-04:00'`` → (2025-05-19, the string as given).

    The day is the publication's local date as written, never converted to UTC: "Friday"
    in a story filed late on Monday evening in New York still means the Friday before.
    """
    given = value.strip()
    if not _ISO_DATE.fullmatch(given):
        raise ValueError(
            f"{quoted(value)} is not a date: use YYYY-MM-DD or an ISO date-time like "
            "2025-05-19T22:30:00-04:00"
        )
    try:
        datetime.fromisoformat(given.replace(",", "."))
    except ValueError as exc:
        raise ValueError(f"{quoted(value)} is not a valid date ({exc})") from None
    day = date.fromisoformat(given[:10])
    if day.year not in PUBLISHED_YEARS:
        raise ValueError(f"{quoted(value)} is {_out_of_range()}")
    return day, given


def quoted(value: str) -> str:
    """A value named in a refusal, quoted, and cut short if long: the refusal stays a readable line."""
    return repr(value if len(value) <= QUOTED_CHARS else value[:QUOTED_CHARS] + "…")


def _out_of_range() -> str:
    return f"outside the years {PUBLISHED_YEARS[0]}–{PUBLISHED_YEARS[-1]} that news is dated in"


def find_articles(paths: Iterable[Path]) -> list[Path]:
    """Files as given, directories expanded to their supported, non-hidden files (sorted)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            try:
                found += sorted(p for p in path.rglob("*") if _is_article_file(p, path))
            except OSError as exc:
                raise SourceError(path, f"cannot list the folder: {exc.strerror or exc}") from None
        elif path.exists():
            found.append(path)
        else:
            raise SourceError(path, "no such file or folder")
    return list(dict.fromkeys(found))


def read_article(path: Path | str, published: str | None = None) -> Article:
    """Read one article file; ``published`` (``--published``) overrides its own date."""
    path = Path(path)
    override = _override(path, published)
    data = _read_bytes(path)
    kind = KINDS[path.suffix.lower()]
    parts = _READERS[kind](path, data)
    if len(parts.text) > MAX_TEXT_CHARS:
        raise SourceError(
            path, f"article text too long ({len(parts.text):,} characters; the limit is {MAX_TEXT_CHARS:,})"
        )
    if not parts.text.strip():
        raise SourceError(
            path, "no article text found in the page" if kind == "html" else "empty article text"
        )
    if not reads_as_english(parts.text):
        declared = f" (the page declares {parts.language!r})" if parts.language else ""
        raise SourceError(path, f"the text is not in English{declared}; timeline reads English news only")
    day, published_at = override or _declared_date(path, parts, kind)
    story = parts.text[parts.lead :]
    title = _bounded_title(parts.title) if parts.title else headline_from(story)
    return Article(
        path=str(path),
        text=parts.text,
        published=day,
        title=title,
        slug=article_slug(parts.publisher, day, title),
        url=parts.url,
        publisher=parts.publisher,
        dateline=parts.dateline or dateline_of(story),
        published_at=published_at,
    )


def reads_as_english(text: str) -> bool:
    """Whether ``text`` is English: enough of the words English uses everywhere, or at least no
    fewer of them than of another language's."""
    words = [w.casefold() for w in _LETTERS.findall(text)]
    if len(words) < JUDGED_WORDS:
        return True
    english = sum(w in ENGLISH_MARKERS for w in words)
    return english >= ENGLISH_SHARE * len(words) or english >= sum(w in OTHER_MARKERS for w in words)


def article_slug(publisher: str | None, published: date, title: str) -> str:
    """Ours and stable: the same publisher, day and title give the same slug (a corrected text too)."""
    slug = slugify(f"{publisher or ''} {published.isoformat()} {title}", max_words=SLUG_WORDS)
    if len(slug) <= SLUG_CHARS:
        return slug
    cut = slug[: SLUG_CHARS + 1]
    return cut.rsplit("-", 1)[0] if "-" in cut else cut[:SLUG_CHARS]


def dateline_of(text: str) -> str | None:
    """'KYIV, Ukraine (AP) — …' → 'Kyiv'; None when the text does not open with a dateline."""
    m = DATELINE.match(text)
    return m.group("city").title() if m else None


def headline_from(text: str) -> str:
    """A short title from the opening line: its first sentence, cut at a clause to ~12 words."""
    line = next((line for line in text.splitlines() if line.strip()), "")
    m = DATELINE.match(line)
    line = line[m.end() if m else 0 :]
    spans = sentences(line)
    words = (line[spans[0][0] : spans[0][1]] if spans else line).split()
    if len(words) <= TITLE_WORDS:
        if words and words[-1].count(".") == 1:  # a full stop, not "U.S."
            words[-1] = words[-1].removesuffix(".")
        return " ".join(words) or "Untitled"
    clause_ends = (
        n for n in range(TITLE_WORDS, TITLE_MIN_CLAUSE_WORDS - 1, -1) if _CLAUSE_END.search(words[n - 1])
    )
    cut = next(clause_ends, TITLE_WORDS)
    return " ".join(words[:cut]).rstrip(",;:—–- ") + "…"


def _bounded_title(title: str) -> str:
    """A title as declared, or cut at a word and marked cut when it runs past any headline's length
    (front matter or a ``<title>`` holding a whole paragraph, or a hundred kilobytes)."""
    if len(title) <= MAX_TITLE_CHARS:
        return title
    head = title[: MAX_TITLE_CHARS + 1]
    cut = head.rsplit(" ", 1)[0] if " " in head.strip() else head[:MAX_TITLE_CHARS]
    return cut.rstrip(",;:—–- ") + "…"


@lru_cache(maxsize=8)  # read for the article, its dateline and its events' places
def page_header(text: str) -> tuple[str | None, tuple[str, ...], int]:
    """A copied page's header: its headline (when it comes first), the dates written alone in
    it, and where the story opens (0 when the text has no header).

    Whole paragraphs of header lines are the header; in the paragraph where the story opens,
    only bylines and dates before it are, so that a story hard-wrapped into short lines
    ("CHICAGO — Transit officials said Thursday / that fares would rise") stays whole."""
    header: list[str] = []
    for block in _blocks(text):
        if all(_header_line(line) for _, line in block):
            header += [line for _, line in block]
            continue
        for at, line in block:
            if not _byline_or_date(line):
                return _header_parts(header, at)
            header.append(line)
    return None, (), 0  # short lines only: a list of facts, all story


def _blocks(text: str) -> Iterator[list[tuple[int, str]]]:
    """The text's paragraphs (runs of lines between blank ones), each line stripped, with its offset."""
    block: list[tuple[int, str]] = []
    at = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            block.append((at, line.strip()))
        elif block:
            yield block
            block = []
        at += len(line)
    if block:
        yield block


def _header_parts(header: list[str], lead: int) -> tuple[str | None, tuple[str, ...], int]:
    if not header or len(header) > HEADER_LINES:
        return None, (), 0
    dates = tuple(m["date"] for line in header if (m := WRITTEN_DATE.fullmatch(line)))
    # "FOR IMMEDIATE RELEASE", "BREAKING": a line in capitals before one in mixed case labels the page
    worded = [line for line in header[:2] if not line.isupper()]
    headline = header[0] if not header[0].isupper() or not worded else worded[0]
    return (None if _byline_or_date(headline) else headline), dates, lead


def _byline_or_date(line: str) -> bool:
    return bool(_BYLINE.match(line) or WRITTEN_DATE.fullmatch(line))


def _header_line(line: str) -> bool:
    """A list item is the story's ("- Jan. 5: The council met"), however short."""
    if _LIST_ITEM.match(line):
        return False
    return _byline_or_date(line) or (len(line) < STORY_LINE_CHARS and not _SENTENCE_END.search(line))


def _override(path: Path, published: str | None) -> tuple[date, str] | None:
    if published is None:
        return None
    try:
        return parse_published(published)
    except ValueError as exc:
        raise SourceError(path, f"--published {exc}") from None


def _read_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(path, "is a folder, not an article file")
        if path.suffix.lower() not in KINDS:
            suffix = path.suffix or "(none)"
            raise SourceError(path, f"unsupported file type {suffix!r}: use {', '.join(KINDS)}")
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device would be read forever
            what = _FILE_KINDS.get(stat.S_IFMT(info.st_mode), "a special file")
            raise SourceError(path, f"{what}, not a file")
        if info.st_size > MAX_BYTES:
            raise SourceError(path, f"file too large ({info.st_size:,} bytes; the limit is {MAX_BYTES:,})")
        return path.read_bytes()
    except FileNotFoundError:
        raise SourceError(path, "no such file") from None
    except PermissionError:
        raise SourceError(path, "cannot read the file: permission denied") from None
    except OSError as exc:
        raise SourceError(path, f"cannot read the file: {exc.strerror or exc}") from None


def _decode(path: Path, data: bytes, encodings: tuple[str, ...]) -> str:
    """Strict decoding by the first encoding that fits: a wrong byte is an error, never a silent
    replacement that shifts offsets."""
    for offset, signature, what in SIGNATURES:
        if data[offset : offset + len(signature)] == signature:
            raise SourceError(path, f"{what}, not a text article")
    if not encodings[0].startswith("utf-16") and b"\x00" in data[:BINARY_PROBE_BYTES]:
        raise SourceError(path, "binary content, not a text article")
    bad = ""
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            bad = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
            continue
        if (at := text.find("\x00")) >= 0:  # past the probe: no article holds a NUL anywhere
            raise SourceError(path, f"binary content, not a text article (a NUL character at offset {at:,})")
        return text
    labels = " or ".join(ENCODING_LABELS.get(e, e) for e in encodings)
    raise SourceError(path, f"not valid {labels} text ({bad})")


def _text_encodings(data: bytes) -> tuple[str, ...]:
    """UTF-8, unless the file opens with a UTF-16 byte-order mark (Windows Notepad's "Unicode")."""
    return ("utf-16",) if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else ("utf-8-sig",)


def _read_text(path: Path, data: bytes) -> _Parts:
    text = _decode(path, data, _text_encodings(data))
    headline, dates, lead = page_header(text)
    return _Parts(text=text, title=headline, dates=dates or _dateline_date(text, lead), lead=lead)


def _dateline_date(text: str, lead: int) -> tuple[str, ...]:
    """The full date a dateline gives where the story opens, a wire's or a press release's ("AUSTIN,
    Texas, March 12, 2026 /PRNewswire/ --"): declared by the story, as a date written alone is."""
    dateline = DATELINE.match(text, lead)
    found = WRITTEN_DATE.search(dateline.group()) if dateline else None
    return (found["date"],) if found else ()


def _read_markdown(path: Path, data: bytes) -> _Parts:
    meta, body = _split_front_matter(_decode(path, data, _text_encodings(data)))
    url = meta.get("url")
    if url and safe_url(url) is None:
        raise SourceError(path, f"Url {quoted(url)} is not an http(s) address")
    headline, dates, lead = page_header(body)
    return _Parts(
        text=body,
        title=meta.get("title") or headline,
        dates=(meta["date"], *dates) if "date" in meta else dates or _dateline_date(body, lead),
        url=url,
        publisher=meta.get("publisher"),
        dateline=meta.get("dateline"),
        lead=lead,
    )


def _read_html(path: Path, data: bytes) -> _Parts:
    if not data.removeprefix(codecs.BOM_UTF8).strip():
        raise SourceError(path, "empty file")
    head = data[:BINARY_PROBE_BYTES].lower()
    if _HEADER_LINE.match(data) and all(mark in head for mark in MHTML_MARKS):
        raise SourceError(path, "an MHTML web archive, not an HTML page: save the page as HTML")
    try:
        page = extract_page(_decode(path, data, page_encodings(data)))
    except PageError as exc:
        raise SourceError(path, str(exc)) from None
    return _Parts(
        text=page.text,
        title=page.title,
        dates=page.dates,
        url=page.url,
        publisher=page.publisher,
        language=page.language,
    )


_READERS: dict[str, Callable[[Path, bytes], _Parts]] = {
    "text": _read_text,
    "markdown": _read_markdown,
    "html": _read_html,
}


def _split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(fields by Article name, body).  The body is stored text, leading blank lines aside.

    A first block of ``Key: value`` lines is front matter only if it names a key we know,
    so a story that opens with "Update: …" keeps its first paragraph.
    """
    lines = text.splitlines(keepends=True)
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), None)
        if end is not None:
            pairs = [_yaml_pair(line) for line in lines[1:end]]
            return _fields([p for p in pairs if p]), _body(lines, end + 1)
    head = _pelican_head(lines)
    known = FRONT_MATTER_FIELDS.keys() | OTHER_FRONT_MATTER_KEYS
    if head is None or not any(key.lower() in known for key, _ in head[0]):
        return {}, text
    pairs, end = head
    return _fields(pairs), _body(lines, end)


def _pelican_head(lines: list[str]) -> tuple[list[tuple[str, str]], int] | None:
    """The ``Key: value`` lines (indented lines continue a value) before the first blank line.
    A value's lines are joined once at the end: joined at every line, they took quadratic time."""
    pairs: list[tuple[str, list[str]]] = []
    end = len(lines)
    for i, line in enumerate(lines):
        if not line.strip():
            end = i
            break
        if (m := _KEY_LINE.fullmatch(line.rstrip("\r\n"))) is not None:
            pairs.append((m["key"], [m["value"] or ""]))
        elif pairs and (m := _CONTINUATION.fullmatch(line.rstrip("\r\n"))) is not None:
            pairs[-1][1].append(m["value"])
        else:
            return None
    return [(key, " ".join(parts)) for key, parts in pairs], end


def _yaml_pair(line: str) -> tuple[str, str] | None:
    """A top-level scalar ``key: value`` of YAML front matter; lists and nesting are skipped."""
    m = _KEY_LINE.fullmatch(line.rstrip("\r\n"))
    if m is None or line[:1].isspace() or not m["value"]:
        return None
    value = m["value"]
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            value = read_json(value)
        except json.JSONDecodeError:
            value = value[1:-1]
    elif len(value) >= 2 and value[0] == value[-1] == "'":
        value = value[1:-1].replace("''", "'")
    return m["key"], str(value)


def _fields(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Article field → first non-empty value, one line."""
    fields: dict[str, str] = {}
    for key, value in pairs:
        name = FRONT_MATTER_FIELDS.get(key.lower())
        if name and one_line(value) and name not in fields:
            fields[name] = one_line(value)
    return fields


def _body(lines: list[str], start: int) -> str:
    rest = "".join(lines[start:])
    return rest[_LEADING_BLANK_LINES.match(rest).end() :]  # type: ignore[union-attr]


def _declared_date(path: Path, parts: _Parts, kind: str) -> tuple[date, str]:
    """The first declared date that reads as a full date; a date is never guessed."""
    dates = parts.dates
    if not dates:
        m = _URL_DAY.search(parts.url or "")
        hint = f" (its address suggests {'-'.join(m.groups())})" if m and _is_day(*m.groups()) else ""
        raise SourceError(path, f"no publication date: {NO_DATE_HINTS[kind]}{hint}")
    for value in dates:
        try:
            return _in_local_time(parse_published(value), dates)
        except ValueError:
            if (loose := _parse_written_date(value)) is not None and loose[0].year in PUBLISHED_YEARS:
                return loose
    label = "Date:" if kind == "markdown" else "the page's date"
    problem = _out_of_range() if _names_a_day(dates[0]) else "not a full date"
    raise SourceError(path, f"{label} {quoted(dates[0])} is {problem}; give --published")


def _names_a_day(value: str) -> bool:
    """Whether ``value`` names a real day, whatever its year."""
    if _ISO_DATE.fullmatch(value.strip()):
        with contextlib.suppress(ValueError):
            return bool(datetime.fromisoformat(value.strip().replace(",", ".")))
        return False
    return _parse_written_date(value) is not None


def _in_local_time(found: tuple[date, str], dates: tuple[str, ...]) -> tuple[date, str]:
    """A date-time written in UTC gives way to a declaration of the same instant in local time:
    '2026-10-09T01:30:00Z' beside '2026-10-08T21:30:00-04:00' is an evening story of the 8th.
    The same instant to the minute: one declaration may carry milliseconds the other rounds off."""
    utc = _instant(found[1])
    if utc is None or utc.utcoffset() != timedelta(0):
        return found
    for value in dates:
        try:
            local = parse_published(value)
        except ValueError:
            continue
        instant = _instant(local[1])
        if instant is not None and instant.utcoffset() and abs(instant - utc) < SAME_INSTANT:
            return local
    return found


def _instant(written: str) -> datetime | None:
    """The moment an ISO date-time names, if it carries an offset."""
    moment = datetime.fromisoformat(written.replace(",", "."))
    return moment if moment.tzinfo is not None else None


def _is_day(year: str, month: str, day: str) -> bool:
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def _parse_written_date(value: str) -> tuple[date, str] | None:
    """'Mon, 19 May 2025 22:30:00 -0400' or 'May 19, 2025' → the day as written.

    Only with a month name (so '05/06/2025' is never read the American or the British way),
    and only if day, month and year are all given: parsing with two different defaults
    shows whether any part was filled in.
    """
    if not _MONTH_NAME.search(value):
        return None
    try:
        a = dateutil_parser.parse(value, default=datetime(2001, 1, 1))
        b = dateutil_parser.parse(value, default=datetime(2002, 2, 2))
    except (ValueError, OverflowError):
        return None
    if a.date() != b.date():
        return None
    written = a.isoformat() if a.tzinfo or a.time() != time() else a.date().isoformat()
    return a.date(), written


def _is_article_file(path: Path, root: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return not hidden and path.suffix.lower() in KINDS and path.is_file()
