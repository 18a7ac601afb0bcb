"""Dated events from an article and its temporal expressions.

An event is what a reader expects on a timeline: a happening, its date at the precision
the article gives it, a short headline, and every sentence of the article that reports it.
The steps, in order:

1. *Dating*: each calendar expression (``Friday``, ``June 14, 2024``, ``last week``) dates
   the clause it stands in; a duration that gives a thing's age ("his 39-month-old war")
   dates the thing's start; ages of people, counts, sets and vague words date nothing, nor
   does a time stamp alone ("Updated 6:40 p.m. ET") or a quoted "we" ("“We grew too fast in
   2021,” he said": no subject a headline could name).  The date of a comparison ("compared
   with a profit a year earlier") or of the period a figure is for ("a surplus for 2025") dates
   nothing; "from 2016 to 2020" is one stretch with an end date.  A date that refers back to a
   happening ("since the Sept. 8 walkout", "after the March 3 vote": back-references; "nine days
   after opening statements on Jan. 14": measured-references), and so does one owning the subject of
   a judgement ("last week's walkout had shown …": event-judgements): it dates that happening, not the
   clause around it; told with a verb of its own ("Friday's vote was held in the gym") it is that
   happening, headed by the clause.  A measured gap from a date dates the clause that far from it ("three days
   after Christmas": event-offsets), and a day that lasts "until" a later one the sentence
   gives is a stretch ("closed on Monday and will stay shut until Friday": stretch-words).
2. *Clauses*: the clause that holds the date is the happening (``timeline.headlines`` finds
   it and words its headline and summary); its people and places are the event's (a lead
   sentence's place, and only then its dateline, when the clause names none).
3. *Grouping*: sentences with the same date that are about the same person, name the same
   kind of happening (``happenings`` table) told of no other person, or share most of their words
   are one event;
   others on that day stay apart (Vance's remarks on Monday are not Monday's call).  A thing
   whose start a duration dates ("the three-week trial") joins the sentence that says it began
   ("a trial that began in late October") when the two dates agree.  A happening named by its day
   ("since the Oct. 2 request") is the one other happening of that day, or the one of its kind
   told less precisely ("filed for bankruptcy this month").
4. *Attachment*: an undated sentence that carries the previous one on ("The two sides
   agreed …") is another source of that sentence's event.

All wording knowledge is in ``timeline.lexicon`` tables.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache, lru_cache

from dateutil.relativedelta import relativedelta

from . import entities, headlines, lexicon, periods, slugs, text
from .model import Article, Entity, Event, Source, Timex
from .periods import PeriodError
from .sources import page_header

Span = tuple[int, int]

SAME_WORDING = 0.5  # share of content words two clauses on one date need to be one happening
COMPARISON_REACH = 100  # characters from "compared with" to the date of what is compared
COMPOUND_TAIL = 4  # letters of the shortest word a closed compound ends on ("wild|fire", "earth|quake")
_COMPARISON_GAP = re.compile(rf"(?!\w)(?:[^;:—–.!?\n]|\.(?=\d)){{0,{COMPARISON_REACH}}}$")
_SKIPPED_MODS = frozenset({"BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "MORE_THAN", "LESS_THAN"})
_DURATION = re.compile(r"^P(\d+|X)(DE|CE|Y|M|W|D)$")
_UNITS = {  # TIMEX3 unit → (relativedelta keyword, factor, precision of the start, word)
    "D": ("days", 1, "day", "day"),
    "W": ("weeks", 1, "week", "week"),
    "M": ("months", 1, "month", "month"),
    "Y": ("years", 1, "year", "year"),
    "DE": ("years", 10, "decade", "decade"),
}
_TIME_OF_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})T.*$")
_PART_OF_WEEK = re.compile(r"^(\d{4}-W\d{2})-\w+$")
_YEAR_DIGITS = re.compile(r"(?<![\d,.])\d{4}(?![\d,])")
# A half-year (TIMEX3 "2027-H2") has no precision of its own on the timeline: it spans two quarters.
_HALF = re.compile(r"^(\d{4})-H([12])$")
_HALF_QUARTERS = {"1": ("Q1", "Q2"), "2": ("Q3", "Q4")}
_CLOCK = re.compile(r"^\d{4}-\d{2}-\d{2}T\d")
_POSSESSIVE = re.compile(r"['’]s(?!\w)")  # "Tuesday's storm"
_NAMED_PLACE = re.compile(r"\s+(?:of|in|at|near)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")  # "of Pine Flat"
_FINENESS = ("day", "week", "month", "quarter", "year", "decade")  # a shift keeps its anchor's precision


@dataclass(frozen=True)
class _Date:
    value: str
    precision: str
    end_value: str | None = None
    thing: Span | None = None  # a duration dating a thing's start: the words naming the thing
    how_long: str | None = None  # "39 months", for the summary of such a start
    clock: bool = False  # "at 3:12 a.m.": an hour of the day


@dataclass(frozen=True)
class _Mention:
    """One dated statement: an expression dating (a clause of) a sentence."""

    sentence: Span
    expression: Span
    date: _Date
    clause: headlines.Clause  # the happening the date belongs to
    dates: tuple[Span, ...]  # every calendar expression of the sentence: none is part of a headline
    subject: str | None  # slug of the first person named in the clause
    kinds: frozenset[str]
    words: frozenset[str]  # the clause's content words, without the date
    named: tuple[Span, ...] = ()  # "since the Sept. 8 walkout": the words naming the happening, no date


@dataclass
class _Group:
    mentions: list[_Mention]
    attached: list[Span] = field(default_factory=list)


def extract_events(article: Article, timexes: list[Timex] | None = None) -> list[Event]:
    """The events of ``article``, in chronological order (``periods.sort_key``)."""
    if timexes is None:
        from .temporal import tag

        timexes = tag(article.text, article.reference)
    spans = text.sentences(article.text)
    mentions = _mentions(article, spans, timexes)
    groups = _join_beginnings(article.text, _group(mentions))
    groups = _join_named(article.text, _join_days(article.text, groups, article.published))
    groups = _join_hours(article.text, groups)
    groups = _attach(article.text, spans, groups, timexes)
    events = [_event(article, g) for g in groups]
    events.sort(key=lambda e: (periods.sort_key(e.date), article.text.find(e.sources[0].sentence)))
    return _unique_slugs(events)


# --- 1. dating --------------------------------------------------------------------------------


def _date_of(timex: Timex, article_text: str, published: date, spans: list[Span]) -> _Date | None:
    """The date a temporal expression gives an event, or None if it dates nothing."""
    if timex.type == "DURATION":
        return _start_of_thing(timex, article_text, published, spans)
    if timex.type not in ("DATE", "TIME") or timex.mod in _SKIPPED_MODS:
        return None
    if _bare_number(timex):
        return None  # a bare number ("1,000", "78") is a count or an age, never a date
    return _calendar_date(timex)


def _bare_number(timex: Timex) -> bool:
    """ "1,000", "78", the "26" of "on Feb. 1 and 26 more on Feb. 22": a count, no date of any clause."""
    return not any(c.isalpha() for c in timex.text) and not _YEAR_DIGITS.search(timex.text)


def _calendar_date(timex: Timex) -> _Date | None:
    value = _PART_OF_WEEK.sub(r"\1", _TIME_OF_DAY.sub(r"\1", timex.value))
    if half := _HALF.match(value):
        first, last = _HALF_QUARTERS[half.group(2)]
        return _Date(f"{half.group(1)}-{first}", "quarter", f"{half.group(1)}-{last}")
    try:
        period = periods.parse(value)
    except PeriodError:
        return None  # PRESENT_REF, XXXX-WXX-1, P3Y …: no place on a timeline
    start = periods.format_value(period.start, period.precision)
    return _Date(start, period.precision, clock=bool(_CLOCK.match(timex.value)))


def _start_of_thing(timex: Timex, article_text: str, published: date, spans: list[Span]) -> _Date | None:
    """ "his 39-month-old war" → the war began 39 months before publication (duration-anchors)."""
    m = _DURATION.match(timex.value)
    if not m or m.group(2) not in _UNITS:
        return None
    keyword, factor, precision, word = _UNITS[m.group(2)]
    if m.group(1) == "X":  # "decade-old" is one decade; "decades-old" is no date
        if not re.search(rf"\b{word}\b", timex.text, re.IGNORECASE):
            return None
        count = 1
    else:
        count = int(m.group(1))
    window_start = max(0, timex.start - 120)
    window = article_text[window_start : timex.end + 120]
    for how, pattern in _anchor_patterns(timex.text):
        for found in pattern.finditer(window):
            if found.start("timex") + window_start != timex.start:
                continue
            if how == "age" and _length_to_come(timex, article_text, spans):
                return None  # "will hold a two-day trial": its length, and it has not begun
            back = count - 1 if how == "ordinal" else count
            start = published - relativedelta(**{keyword: back * factor})
            thing = _without_day(
                article_text, found.start("thing") + window_start, found.end("thing") + window_start
            )
            unit = word if count == 1 else f"{word}s"
            return _Date(periods.format_value(start, precision), precision, None, thing, f"{count} {unit}")
    return None


def _length_to_come(timex: Timex, article_text: str, spans: list[Span]) -> bool:
    """A length without "old" or "long" after a word of what is to come in its sentence."""
    if re.search(r"[- ](?:old|long)\b", timex.text + article_text[timex.end : timex.end + 5]):
        return False
    sentence = text.sentence_at(spans, timex.start)
    return _plans(article_text[sentence[0] if sentence else 0 : timex.start])


def _without_day(body: str, start: int, end: int) -> Span:
    """ "a nine-day strike on Sunday": the thing is the strike; a day after it is no part of its name
    (calendar-words), "the war on Ukraine" keeps its place."""
    words = list(re.finditer(r"\S+", body[start:end]))
    if len(words) > 2 and words[-1].group().strip(".,").lower() in lexicon.words("calendar-words"):
        words = words[:-2]
    return start, start + words[-1].end()


@lru_cache(maxsize=256)
def _anchor_patterns(expression: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    nouns = "|".join(sorted(map(re.escape, lexicon.words("anchorable-nouns")), key=len, reverse=True))
    out = []
    for how, pattern in lexicon.table("duration-anchors").rows:
        source = pattern.replace("NOUN", rf"(?:{nouns})\b").replace(
            "{T}", f"(?P<timex>{re.escape(expression)})"
        )
        out.append((how, re.compile(source)))
    return tuple(out)


def _ranges(
    article_text: str, dated: list[tuple[Timex, _Date]], timexes: Sequence[Timex]
) -> list[tuple[Span, _Date]]:
    """Join "from May 12 to May 14" into one dated stretch; keep every other date as it is."""
    out: list[tuple[Span, _Date]] = []
    i = 0
    while i < len(dated):
        (a, da), nxt = dated[i], dated[i + 1] if i + 1 < len(dated) else None
        nxt = _dashed_end(article_text, a, timexes) or nxt
        if (
            nxt
            and da.thing is None
            and nxt[1].thing is None
            and _is_range(article_text, a, nxt[0], da, nxt[1])
        ):
            out.append(((a.start, nxt[0].end), _Date(da.value, da.precision, nxt[1].value)))
            i += 2 if i + 1 < len(dated) and dated[i + 1][0] == nxt[0] else 1
            continue
        out.append(((a.start, a.end), da))
        i += 1
    return out


def _offsets(article_text: str, timexes: Sequence[Timex]) -> list[tuple[Span, _Date]]:
    """ "three days after Christmas", "a week before the vote on May 3" (event-offsets): a measured gap
    from a dated anchor in the same phrase dates the clause that far from the anchor, at the anchor's
    precision; the whole phrase is the expression."""
    out = []
    for gap, anchor in itertools.pairwise(timexes):
        m = _DURATION.match(gap.value)
        found = _offset_lead().match(article_text, gap.end, anchor.start)
        if gap.type != "DURATION" or not (m and m.group(1) != "X" and found) or m.group(2) not in _UNITS:
            continue
        if "\n" in article_text[gap.end : anchor.start]:
            continue  # a phrase, like a sentence, never runs over a line's end
        when = _calendar_date(anchor)
        keyword, factor, precision, _ = _UNITS[m.group(2)]
        if not when or when.precision not in _FINENESS[: _FINENESS.index(precision) + 1]:
            continue  # "three days after March": no day
        offset = " ".join(found.group(1).lower().split())  # "ahead  of" → "ahead of"
        sign = 1 if offset in lexicon.words("event-offsets", kind="+") else -1
        shift = relativedelta(**{keyword: sign * int(m.group(1)) * factor})
        try:
            shifted = periods.parse(when.value).start + shift
        except (OverflowError, ValueError):
            continue  # "5,000 years after 2020": off the calendar
        phrase = (gap.start, _thing_end(article_text, anchor.end))  # "… after the Sept. 8 walkout"
        out.append((phrase, _Date(periods.format_value(shifted, when.precision), when.precision)))
    return out


@cache
def _offset_lead() -> re.Pattern[str]:
    """ " after ", " before the vote on ": the offset word and at most a few words naming the anchor."""
    return re.compile(rf"\s+((?i:{_offset_words()}))\s+(?:[^\W\d][\w'’-]*\s+){{0,3}}$")


@cache
def _offset_after() -> re.Pattern[str]:
    """ " after", " before": an event-offsets word right after a measured gap."""
    return re.compile(rf"\s+(?i:{_offset_words()})\b")


def _offset_words() -> str:
    """The event-offsets words as one alternation, the longest first."""
    words = (r"\s+".join(map(re.escape, w.split())) for w in lexicon.words("event-offsets"))
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


def _stretches_until(
    body: str, spans: list[Span], ranged: list[tuple[Span, _Date]], timexes: Sequence[Timex]
) -> list[tuple[Span, _Date]]:
    """ "The city closed the bridge on Monday and it will stay shut until Friday": a day the sentence
    dates a happening by, and the later day it stays so "until" (stretch-words "end"), are one stretch."""
    out = []
    starts = [t.start for t in timexes]  # in text order: the next date is found by bisection
    for expression, when in ranged:
        following = bisect_left(starts, expression[1])
        after = timexes[following] if following < len(timexes) else None
        end = (
            None if when.end_value or after is None else _end_of_stretch(body, spans, expression, when, after)
        )
        out.append((expression, replace(when, end_value=end) if end else when))
    return out


def _end_of_stretch(body: str, spans: list[Span], expression: Span, when: _Date, after: Timex) -> str | None:
    """The value of the date ``after`` the expression when it ends a stretch "until" it in the same
    sentence (not "did not … until"), at the precision of ``when`` and later than it."""
    sentence = text.sentence_at(spans, expression[0])
    if sentence is None or after.start >= sentence[1] or when.thing:
        return None
    lead = _stretch_lead().search(body[max(0, after.start - 30) : after.start])
    signal = _stretch_words()[" ".join(lead.group(1).lower().split())] if lead else ()
    if "end" not in signal or _negated(body[max(0, after.start - 100) : after.start]):
        return None
    end = _calendar_date(after) if after.type in ("DATE", "TIME") else None
    if end is None or end.precision != when.precision:
        return None
    return end.value if periods.sort_key(when.value) < periods.sort_key(end.value) else None


def _dashed_end(article_text: str, a: Timex, timexes: Sequence[Timex]) -> tuple[Timex, _Date] | None:
    """ "2014-16", "June 2-4": the bare number after a dash ends the range that ``a`` begins (alone it
    would be no date at all)."""
    if article_text[a.end : a.end + 1] not in ("-", "–"):
        return None
    end = next((t for t in timexes if t.start == a.end + 1 and t.text.isdigit()), None)
    when = _calendar_date(end) if end and end.type == "DATE" else None
    return (end, when) if end and when else None


def _is_range(article_text: str, a: Timex, b: Timex, da: _Date, db: _Date) -> bool:
    between = article_text[a.end : b.start].strip()
    before = article_text[max(0, a.start - 12) : a.start].split()
    for connector, opener, *adjacent in lexicon.table("range-connectors").rows:
        if between == connector and (opener == "-" or (before and before[-1].lower() == opener)):
            if adjacent and not _adjacent(da, db):
                continue  # "in March and May": two months, no stretch
            return periods.sort_key(da.value) < periods.sort_key(db.value)
    return False


def _adjacent(a: _Date, b: _Date) -> bool:
    """ "in March and April", "in 2024 and 2025": two periods alike, the second right after the first."""
    first, second = periods.parse(a.value), periods.parse(b.value)
    return a.precision == b.precision and first.end + timedelta(days=1) == second.start


# --- 2. clauses -------------------------------------------------------------------------------


def _mentions(article: Article, spans: list[Span], timexes: Sequence[Timex]) -> list[_Mention]:
    body = article.text
    dated = _dated(body, spans, timexes, article.published)
    calendar = [(t.start, t.end) for t in timexes if t.type in ("DATE", "TIME") and not _bare_number(t)]
    found: list[_Mention] = []
    seen: dict[tuple[Span, str, str | None], _Mention | None] = {}
    offsets = _offsets(body, timexes)
    ranged = _stretches_until(body, spans, _ranges(body, dated, timexes), timexes)
    relatives = {(t.start, t.end) for t in timexes if _opens_relative(body, t) and _bounds(body, t, timexes)}
    dating = [(t.start, t.end) for t, _ in dated]  # not "… rose 34%, from $1.43 billion a year earlier"
    story = page_header(body)[2]  # a copied page's headline tells again what the story tells
    for expression, when in sorted(ranged + offsets, key=lambda ew: ew[0]):
        if expression[0] < story:
            continue
        sentence = text.sentence_at(spans, expression[0])
        key = (sentence, when.value, when.end_value) if sentence else None
        if sentence is None or (key in seen and not _subject_relative(body, seen[key], expression)):
            continue  # the same date twice in a sentence is one statement
        if (expression, when) in offsets and _dated_otherwise(sentence, expression, dated):
            continue
        opening = sentence[0] + headlines.dateline_length(body[sentence[0] : sentence[1]])
        if expression[0] < opening:
            continue  # "FRIDAY HARBOR, Wash. —", "MAY PEN, Jamaica —": a dateline says where, not when
        earlier = seen.get(key)  # type: ignore[arg-type]
        seen.setdefault(key, None)  # type: ignore[arg-type]
        dates = tuple(sorted({expression, *(d for d in calendar if opening <= d[0] < sentence[1])}))
        dating_here = [d for d in dating if opening <= d[0] < sentence[1]]
        if not _says_something(body, sentence, dates) or _in_subject(body, opening, expression, dating_here):
            continue
        here = [(t, d) for t, d in dated if sentence[0] <= t.start < sentence[1]]
        done = tuple(  # dates of the sentence no later than this one: what a speech tag may report
            (t.start, t.end)
            for t, d in here
            if periods.parse(d.value).start <= periods.parse(when.value).start
        )
        later = tuple((t.start, t.end) for t, _ in here if (t.start, t.end) not in done)
        mention = _mention(article, sentence, expression, when, dates, (done, later), expression in relatives)
        if mention and earlier:
            found[found.index(earlier)] = mention
        elif mention:
            found.append(mention)
        if mention:
            seen[key] = mention  # type: ignore[index]
    return found


def _subject_relative(body: str, earlier: _Mention | None, expression: Span) -> bool:
    """ "A wildfire that started … on Sunday afternoon | grew … overnight" (one night): the sentence's
    own clause, not the subject's relative clause, tells the day's happening."""
    return (
        earlier is not None
        and not earlier.clause.main
        and earlier.clause.span[1] <= expression[0]
        and body[earlier.clause.span[0] : earlier.clause.span[1]].split()[0].lower()
        in lexicon.words("relative-pronouns")
    )


def _in_subject(body: str, opening: int, expression: Span, dates: Sequence[Span]) -> bool:
    """ "A hearing on an increase for next summer is scheduled for Jan. 14": a date after a word that
    makes it part of a noun (subject-dates), in the subject, before a verb that another date
    (``dates``: those that date something) dates, is what the noun is about, no happening."""
    lead = body[opening : expression[0]].split()
    if (
        not lead
        or lead[-1].lower() not in lexicon.words("subject-dates")
        or headlines.has_verb(" ".join(lead))
    ):
        return False
    return any(  # the same clause: "… for next summer will rise, the board said on Monday" is the rise's
        d[0] >= expression[1]
        and headlines.has_verb(between := body[expression[1] : d[0]])
        and "," not in between
        for d in dates
    )


def _dated_otherwise(sentence: Span, expression: Span, dated: Iterable[tuple[Timex, _Date]]) -> bool:
    """ "The mayor resigned on Friday, two weeks after the vote on Nov. 2": a sentence a date of its own
    dates is not shifted from another's."""
    return any(
        sentence[0] <= t.start < sentence[1] and not expression[0] <= t.start < expression[1]
        for t, _ in dated
    )


def _dated(
    body: str, spans: list[Span], timexes: Sequence[Timex], published: date
) -> list[tuple[Timex, _Date]]:
    """The expressions that date something.  A clock time beside a day ("at 10:35 a.m. Friday")
    or within a stretch ("Since early October … by 2:30 p.m.": an hour of every day) is part of
    that statement: it dates the sentence only when no other date is in it; so does
    the period a reported figure covers ("reported a second-quarter loss")."""
    found = [(t, d) for t in timexes if (d := _date_of(t, body, published, spans))]
    candidates = [
        (t, d)
        for t, d in found
        if (
            not ((_bounds(body, t, timexes) and not _opens_relative(body, t)) or _compared(body, t))
            or _back_reference(body, (t.start, t.end))
        )
    ]
    dated = [(t, d) for t, d in candidates if not (_covers(body, t) or _topic(body, t))]
    with_date = {text.sentence_at(spans, t.start) for t, _ in dated}
    dated += [
        (t, d)
        for t, d in candidates
        if _covers(body, t) and _reported_result(body, spans, t, d, published, with_date)
    ]
    dated.sort(key=lambda td: td[0].start)
    with_day = {  # "Since early October … had to leave by 2:30 p.m.": a day's hour within a stretch
        text.sentence_at(spans, t.start) for t, _ in found if not _CLOCK.match(t.value) or _names_day(t.text)
    }
    return [
        (t, d)
        for t, d in dated
        if not (
            _CLOCK.match(t.value) and not _names_day(t.text) and text.sentence_at(spans, t.start) in with_day
        )
    ]


def _bounds(body: str, timex: Timex, timexes: Sequence[Timex]) -> bool:
    """ "since 2017", "ballots that arrived after Election Day", "closed until March 4" (stretch-words):
    the date bounds a stretch of time, it is not the day of the clause's happening.  A clock time keeps
    its day where the table says so ("shortly after 3 a.m. Tuesday"), so does a denied verb before
    "until" ("did not tell them until May") and a month or year "through" which a thing went on ("rose
    through January"); "from Monday until Friday" is one stretch (range-connectors)."""
    before = _stretch_lead().search(body[max(0, timex.start - 30) : timex.start]) or _phrase_lead(
        body[max(0, timex.start - 60) : timex.start]
    )
    signal = _stretch_words()[" ".join(before.group(1).lower().split())] if before else None
    if signal is None or ("day" in signal and _CLOCK.match(timex.value)):
        return False
    if "not" in signal and _negated(body[max(0, timex.start - 100) : timex.start]):
        return False  # "did not tell the regulator until May 2026": it told it then
    if "period" in signal and (when := _calendar_date(timex)) and when.precision != "day":
        return False  # "admissions rose through January": all of January
    return not _ends_range(body, timex, timexes)


def _opens_relative(body: str, timex: Timex) -> bool:
    """Is the date followed by a comma and a date-relatives word ("since 2019, when …")?"""
    return headlines.relative_opener(body, timex.end, timex.end + 20) is not None


def _negated(lead: str) -> bool:
    """Does the clause ending ``lead`` deny its verb ("would not return", "won't reopen": event-negations)?"""
    clause = re.split(r"[,;:.!?—]", lead)[-1]
    return any(p.search(clause) for p in lexicon.patterns("event-negations", re.IGNORECASE))


@cache
def _stretch_words() -> dict[str, tuple[str, ...]]:
    return {row[0].lower(): row[1:] for row in lexicon.table("stretch-words").rows}


@cache
def _stretch_lead() -> re.Pattern[str]:
    """ "… after ", "… ahead of the ": a stretch word just before a date."""
    words = sorted((r"\s+".join(map(re.escape, w.split())) for w in _stretch_words()), key=len, reverse=True)
    return re.compile(rf"(?<![\w-])((?i:{'|'.join(words)}))\W+(?:the\s+)?$")


def _phrase_lead(lead: str) -> re.Match[str] | None:
    """ "since the company's last report in ": a stretch word of kind "phrase", a noun phrase, and the
    preposition of the date that closes it."""
    pattern = _phrase_pattern()
    m = pattern.search(lead) if pattern else None
    return m if m and not headlines.has_verb(m.group(2)) else None  # not "since the project began in 2022"


@cache
def _phrase_pattern() -> re.Pattern[str] | None:
    """The pattern of ``_phrase_lead``; None if no stretch word is of kind "phrase"."""
    words = [w for w, kind in _stretch_words().items() if "phrase" in kind]
    if not words:
        return None
    opener = "|".join(map(re.escape, words))
    owners = "|".join(sorted(lexicon.words("possessives")))
    return re.compile(
        rf"(?<![\w-])((?i:{opener}))\s+((?:the|{owners}|[A-Z][\w-]*[’']s)\s+(?:[\w’'-]+\s+){{0,4}}?)(?:in|on)\s+$"
    )


def _ends_range(body: str, timex: Timex, timexes: Sequence[Timex]) -> bool:
    """Is ``timex`` the second date of "from Monday until Friday"?"""
    first = next((t for t in reversed(timexes) if t.end <= timex.start), None)
    if first is None:
        return False
    da, db = _calendar_date(first), _calendar_date(timex)
    return bool(da and db and _is_range(body, first, timex, da, db))


def _covers(body: str, timex: Timex) -> bool:
    """ "fourth-quarter results", "fiscal 2025 revenue" (period-nouns), "a surplus of $4 million for
    2025" (figure-periods): the period a figure covers, not the day something happened."""
    after = re.match(r"[^\w.!?;:\n]{0,2}(\w+)", body[timex.end : timex.end + 30])  # not "May. Results …"
    if after and timex.type == "DATE" and after.group(1).lower() in lexicon.words("period-nouns"):
        return True
    lead = body[max(0, timex.start - 60) : timex.start]
    return any(p.search(lead) for p in lexicon.patterns("figure-periods", re.IGNORECASE))


def _topic(body: str, timex: Timex) -> bool:
    """ "would decide about Wednesday" (topic-dates): the day is what the decision is about."""
    lead = body[max(0, timex.start - 60) : timex.start]
    return any(p.search(lead) for p in lexicon.patterns("topic-dates", re.IGNORECASE))


def _compared(body: str, timex: Timex) -> bool:
    """ "… compared with a profit of $12 million a year earlier", "up from $376 million in 2023": the
    date of the figure compared against (comparisons table), not of the sentence's happening."""
    lead = body[max(0, timex.start - COMPARISON_REACH - 40) : timex.start]
    for p in lexicon.patterns("comparisons", re.IGNORECASE):
        *_, nearest = [None, *p.finditer(lead)]  # "fell 3% from May, while rent rose 6% from a year earlier"
        gap = nearest and _COMPARISON_GAP.match(lead, nearest.end())
        if gap and not _opens_clause(gap.group()):
            return True
    return False


def _opens_clause(words: str) -> bool:
    """ "… before the board met", "…, the company said on Monday": a clause of its own after the
    comparison, whose date is its own (comparison-ends, clause-openers; a speech verb after a comma:
    "the 16 cents it reported last year" is still the comparison)."""
    found = {w.lower() for w in re.findall(r"[\w’']+", words)}
    spoken = {w.lower() for w in re.findall(r"[\w’']+", words.rpartition(",")[2] if "," in words else "")}
    return bool(
        found & (lexicon.words("comparison-ends") | lexicon.words("clause-openers"))
        or spoken & lexicon.words("speech-verbs")
    )


def _reported_result(
    body: str, spans: list[Span], timex: Timex, when: _Date, published: date, with_date: set[Span | None]
) -> bool:
    """ "Harbor reported a second-quarter loss": a figure for a finished period, reported (the
    reported-results table) in a sentence that nothing else dates and that plans nothing, dates
    that sentence (the loss happened then)."""
    sentence = text.sentence_at(spans, timex.start)
    if sentence is None or sentence in with_date or periods.parse(when.value).end >= published:
        return False
    lead = body[max(sentence[0], timex.start - 60) : timex.start]
    reported = any(p.search(lead) for p in lexicon.patterns("reported-results", re.IGNORECASE))
    return reported and not _plans(body[sentence[0] : sentence[1]])


def _says_something(body: str, sentence: Span, dates: Sequence[Span]) -> bool:
    """More than a time stamp and more than a greeting: "Updated 6:40 p.m. ET", "For the year ended
    Sept. 30:" or "See you next Saturday." dates no happening."""
    pieces, pos = [], sentence[0]
    for start, end in (headlines.date_phrase(body, d, sentence[0]) for d in dates):
        pieces.append(body[pos:start])
        pos = max(pos, end)
    pieces.append(body[pos : sentence[1]])
    words = re.findall(r"[^\W\d_][\w’'-]*", " ".join(pieces))
    return len([w for w in words if w.lower() not in lexicon.words("clock-words")]) >= 2 and not _pleasantry(
        body[sentence[0] + headlines.dateline_length(body[sentence[0] : sentence[1]]) : sentence[1]]
    )


def _pleasantry(sentence: str) -> bool:
    """ "Hello from a wet Saturday", "See you next week": a writer greeting readers (pleasantries
    table) names a day but no happening."""
    return any(p.match(sentence) for p in lexicon.patterns("pleasantries", re.IGNORECASE))


def _names_day(expression: str) -> bool:
    """ "Monday evening", "tonight": a time that names its day; "10:35 a.m." does not."""
    return any(w[:1].isalpha() and w.lower() not in lexicon.words("clock-words") for w in expression.split())


def _mention(
    article: Article,
    sentence: Span,
    expression: Span,
    when: _Date,
    dates: tuple[Span, ...],
    reported: tuple[tuple[Span, ...], tuple[Span, ...]] = ((), ()),
    relative: bool = False,
) -> _Mention | None:
    """``reported``: the sentence's dates no later than ``when``, and the later ones; a speech tag dated
    ``when`` that reports a clause dated by one of them ("… tore through the forest overnight, officials
    said on Thursday"; "The ferry will return … on Dec. 1, the department said Thursday") is only when
    it was said, no happening of its own (a decision told like speech is one).  ``relative``: the
    date bounds a stretch and dates the clause after it ("since 2019, when a woman died")."""
    body = article.text
    named = _back_reference(body, expression)
    if named:
        return _named_mention(body, sentence, expression, when, dates, named)
    if when.thing:
        clause = headlines.Clause(when.thing, when.thing, False)
        subject = None
        nouns = [
            w
            for w in body[when.thing[0] : when.thing[1]].lower().split()
            if w in lexicon.words("anchorable-nouns")
        ]
        kinds = frozenset({f"start:{nouns[0]}"} if nouns else ())
    else:
        clause = (
            headlines.relative_clause(body, sentence, expression, dates)
            if relative
            else headlines.clause_of(body, sentence, expression, dates)
        )
        if clause is None:
            return None  # "since early December, when Castro promised …": a bound, and no happening after it
        named = _possessed(body, expression)  # "… on Monday under the deal reached at last week's talks"
        if named and (
            _judged(body, named)
            or _owns_happening(body, sentence, expression, dates, clause)
            or _states_now(body, clause, named)
        ):
            return _named_mention(body, sentence, expression, when, dates, named)
        if named and _acts(body, named):  # "Friday's vote was held in the gym": told with its own verb
            told = replace(clause, span=(named[0][0], clause.span[1]))
            return _named_mention(body, sentence, expression, when, dates, named, told)
        if (
            _speaker_of_themselves(body, clause, expression)
            or headlines.tags_own_quotation(body, clause, sentence, dates)
            or headlines.reports_dated_clause(body, clause, sentence, expression, dates, *reported)
        ):
            return None
        people = entities.people_in(body, *clause.span)
        subject = people[0].slug if people else None
        kinds = _kinds(body[sentence[0] : sentence[1]])
    words = frozenset(
        w
        for w in re.findall(
            r"[a-z]+",
            (body[clause.span[0] : expression[0]] + " " + body[expression[1] : clause.span[1]]).lower(),
        )
        if w not in lexicon.words("function-words")
    )
    return _Mention(sentence, expression, when, clause, dates, subject, kinds, words)


def _named_mention(
    body: str,
    sentence: Span,
    expression: Span,
    when: _Date,
    dates: tuple[Span, ...],
    named: tuple[Span, ...],
    told: headlines.Clause | None = None,
) -> _Mention:
    """The happening "the Sept. 8 walkout" names, dated that day: its words are its headline, or the
    clause ``told`` that says what it did ("Friday's vote was held in the gym").  A clause the date
    opens ("after opening statements on Jan. 14, | when the prosecutor told jurors …") tells what
    happened then, and a name after it says where ("the evacuation of Alder Springs"): their people
    and places are the happening's."""
    span = (named[0][0], named[-1][1])
    words = " ".join(body[a:b] for a, b in named).lower()
    relative = headlines.relative_clause(body, sentence, expression, dates, saying=True)
    whereof = _NAMED_PLACE.match(body, span[1])  # "last week's evacuation | of Alder Springs"
    end = whereof.end() if whereof else span[1]
    if relative:  # "… told jurors | that Whitlock had …": whom it tells of too
        reported = headlines.reported_span(body, relative, sentence, dates)
        end = max(relative.context[1], reported[1] if reported else 0)
    context = (span[0], end)
    return _Mention(
        sentence,
        expression,
        when,
        told or headlines.Clause(span, context, False),
        dates,
        None,
        _kinds(words),
        frozenset(re.findall(r"[a-z]+", words)) - lexicon.words("function-words"),
        named,
    )


def _back_reference(body: str, expression: Span) -> tuple[Span, ...]:
    """ "since the Sept. 8 walkout", "after the union's March 3 vote" (back-references): the words
    before and after the date that name the happening of that day (the nouns after it: "strike
    vote"), or after a measured gap ("nine days after opening statements on Jan. 14"); () when the
    date stands in no such phrase."""
    lead = _back_reference_lead().search(body[max(0, expression[0] - 80) : expression[0]])
    possessive = _POSSESSIVE.match(body, expression[1])  # "after Tuesday's storm"
    if lead is None or not (lead.group("owner") or possessive):
        return _measured_reference(body, expression)
    start = expression[0] - len(lead.group("owner"))
    after = possessive.end() if possessive else expression[1]
    end = _thing_end(body, after)
    if end == after:
        return _measured_reference(body, expression)
    return ((start, expression[0]), (after, end))


def _possessed(body: str, expression: Span) -> tuple[Span, ...]:
    """ "last week's talks": the words after a date that owns them naming a happening of that date
    (() if the date owns none)."""
    possessive = _POSSESSIVE.match(body, expression[1])
    if possessive is None:
        return ()
    after = possessive.end()
    end = _thing_end(body, after)
    return ((expression[0], expression[0]), (after, end)) if end > after else ()


def _owns_happening(
    body: str, sentence: Span, expression: Span, dates: Sequence[Span], clause: headlines.Clause
) -> bool:
    """ "Ukraine and Russia exchanged prisoners on Monday under the deal reached at last week's talks":
    a clause happens on one day; another date of it (one that owns a happening) names that happening."""
    return any(
        d != expression and headlines.clause_of(body, sentence, d, dates).span == clause.span for d in dates
    )


def _states_now(body: str, clause: headlines.Clause, named: tuple[Span, ...]) -> bool:
    """ "The swap is the first stage of the exchange agreed at last week's talks": a clause in the
    present tense of a copula (event-judgements) states how things stand; the date it holds only
    dates the happening it owns."""
    roles = lexicon.mapping("event-judgements")
    before = re.findall(r"[a-z]+", body[clause.span[0] : named[0][0]].lower())
    verb = next((w for w in before if w in roles), None)
    return roles.get(verb or "") == "copula" and bool(lexicon.verb_tags(verb or "") & {"VBZ", "VBP"})


def _judged(body: str, named: tuple[Span, ...]) -> bool:
    """ "… warned that last week's walkout had shown members were prepared": the happening a date owns is
    the subject of a verb that judges it (event-judgements), no verb of that day: after its auxiliaries
    ("had shown"), a judging verb, or a copula with a noun ("was a turning point"; "was held in the gym"
    is the happening itself)."""
    roles = lexicon.mapping("event-judgements")
    following = re.findall(r"[a-z]+", body[named[-1][1] : named[-1][1] + 40].lower())
    following = following if re.match(r"\s+[a-z]", body[named[-1][1] :]) else []
    for word, after in itertools.pairwise([*following, ""]):
        role = roles.get(word)
        if role != "auxiliary":
            return role == "judges" or (role == "copula" and after in lexicon.words("determiners"))
    return False


def _acts(body: str, named: tuple[Span, ...]) -> bool:
    """Is the happening a date owns the subject of a verb ("Friday's vote was held …")?"""
    verb = re.match(r"\s+([a-z]+)\b", body[named[-1][1] : named[-1][1] + 30])
    return bool(verb and lexicon.verb_tags(verb.group(1)))


def _thing_end(body: str, after: int) -> int:
    """Where the nouns from ``after`` that name a thing end ("… walkout", "… strike vote")."""
    end = after
    for word in re.finditer(r"\s+([a-z][a-z-]*)", body[after : after + 60]):
        if word.start() != end - after or not _names_thing(word.group(1)):
            break
        end = after + word.end()
    return end


def _measured_reference(body: str, expression: Span) -> tuple[Span, ...]:
    """ "nine days after opening statements on Jan. 14" (measured-references): the words between the
    gap and the date name the happening of that day."""
    before = body[max(0, expression[0] - 80) : expression[0]]
    found = _measured_lead().search(before)
    if found is None:
        return ()
    words = found.group("thing").split()
    named = words[1:] if words[0].lower() in lexicon.words("determiners") else words
    if not named or not all(_names_thing(w.lower()) for w in named):
        return ()
    start = expression[0] - len(before) + found.start("thing")
    return ((start, start + len(found.group("thing"))),)


@cache
def _measured_lead() -> re.Pattern[str]:
    gaps = "|".join(lexicon.table("measured-references").column())
    return re.compile(rf"(?<![\w-])(?i:{gaps})\s+(?P<thing>[\w'’-]+(?:\s+[\w'’-]+){{0,2}}?)\s+(?:on|in)\s+$")


def _names_thing(word: str) -> bool:
    """A noun that is no function, calendar or verb form of a clause ("walkout", "vote"; not "passed")."""
    return (
        lexicon.is_noun(word)
        and word not in lexicon.words("function-words") | lexicon.words("calendar-words")
        and not lexicon.verb_tags(word) & {"VBD", "VBN"}
    )


@cache
def _back_reference_lead() -> re.Pattern[str]:
    openers = "|".join(
        sorted(
            (r"\s+".join(map(re.escape, p.split())) for p in lexicon.table("back-references").column()),
            key=len,
        )[::-1]
    )
    owner = (  # "the", "the union's", "Harlan's"
        r"(?:the|its|their|his|her|this|that)(?:\s+[\w-]+){0,2}?(?:['’]s)?"
        r"|(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*['’]s"
    )
    return re.compile(rf"(?<![\w-])(?i:{openers})\s+(?P<owner>(?:(?:{owner})\s+)?)$")


def _speaker_of_themselves(body: str, clause: headlines.Clause, expression: Span) -> bool:
    """ "“We grew too fast in 2021,” the 54-year-old said": a quoted clause about "we" or "I"
    (first-person table) has no subject a headline can name."""
    spoken = body[clause.span[0] : expression[0]] + " " + body[expression[1] : clause.span[1]]
    words = re.findall(r"[\w’']+", spoken.lower())
    words = [w for w in words if w not in lexicon.words("clause-openers")]
    return (
        bool(words)
        and words[0] in lexicon.words("first-person")
        and headlines.in_quotation(body, expression[0])
    )


def _kinds(sentence: str) -> frozenset[str]:
    table = lexicon.mapping("happenings")
    return frozenset(table[w] for w in re.findall(r"[a-z]+", sentence.lower()) if w in table)


# --- 3. grouping and 4. attachment --------------------------------------------------------------


def _group(mentions: list[_Mention]) -> list[_Group]:
    """One group per happening: same date, and the same subject or the same kind of happening."""
    groups: list[_Group] = []
    for m in mentions:
        same = [
            g for g in groups
            if (g.mentions[0].date.value, g.mentions[0].date.end_value) == (m.date.value, m.date.end_value)
            and any(_same_happening(m, other) for other in g.mentions)
        ]  # fmt: skip
        if not same:
            groups.append(_Group([m]))
            continue
        target = same[0]
        target.mentions.append(m)
        for other in same[1:]:  # m links groups that were apart
            target.mentions.extend(other.mentions)
            groups.remove(other)
    return groups


def _join_beginnings(body: str, groups: list[_Group]) -> list[_Group]:
    """ "the three-week trial" (its start dated from its length) and "a trial that began in late
    October" are one happening: same noun, a beginning word (beginnings table), and dates of which
    one lies within the other.  Anything less stays apart."""
    for start in [g for g in groups if len(g.mentions) == 1 and g.mentions[0].date.thing]:
        (thing,) = start.mentions
        begun = [g for g in groups if g is not start and any(_begins(body, m, thing) for m in g.mentions)]
        if begun:
            begun[0].mentions.append(thing)
            groups.remove(start)
    return groups


def _join_days(body: str, groups: list[_Group], published: date) -> list[_Group]:
    """ "a Senate vote next week" and "bring the act to the floor on Tuesday, … the votes to pass it":
    one happening told at two precisions, when the day lies within the week and the two name the
    same kind of happening (happenings table); it is dated by the day.  Two such days stay apart, and
    so do a past week and a day in it ("last week" tells of more than one day), and a deadline ("a
    ruling expected next week" is not "must be returned by Jan. 14")."""
    weeks = [
        g
        for g in groups
        if {m.date.precision for m in g.mentions} == {"week"}
        and periods.parse(g.mentions[0].date.value).start > published
    ]
    for week in weeks:
        kinds = frozenset().union(*(m.kinds for m in week.mentions))
        days = [
            g
            for g in groups
            if all(m.date.precision == "day" and not m.date.end_value for m in g.mentions)
            and any(
                m.kinds & kinds
                and _agree(m.date, week.mentions[0].date)
                and not _deadline(body, m.expression)
                for m in g.mentions
            )
        ]
        if len(days) == 1:
            days[0].mentions.extend(week.mentions)
            groups.remove(week)
    return groups


def _join_named(body: str, groups: list[_Group]) -> list[_Group]:
    """ "since the Oct. 2 request" names a happening the article tells: the one other happening of that
    day ("The commission … asked the company to stop … on Oct. 2") if its noun is of a known kind (not
    "after Tuesday's storm"), else the one happening of its kind told less precisely ("the chain that
    filed for bankruptcy this month" and "the Jan. 6 filing"; happenings table), else the lead's
    happening of that day when the name is the lead's noun ("A magnitude 6.4 earthquake struck … early
    Wednesday" and "Wednesday's quake had occurred on a fault").  One report, dated by the day."""
    lead = _lead(body, groups)
    for named in [g for g in groups if all(m.named for m in g.mentions)]:
        day = named.mentions[0].date
        if day.precision != "day" or day.end_value or named not in groups:
            continue
        kinds = frozenset().union(*(m.kinds for m in named.mentions))
        same_day = [
            g
            for g in groups
            if g is not named
            and _date_key(g) == (day.value, None)
            and kinds  # "after Thursday's storm": a happening of no known kind is no other one's
            and not _other_kind(kinds, frozenset().union(*(m.kinds for m in g.mentions)))
        ]
        around = [
            g
            for g in groups
            if g is not named
            and all(m.date.precision in ("week", "month") and _agree(m.date, day) for m in g.mentions)
            and any(m.kinds & kinds for m in g.mentions)
        ]
        home = [lead[0]] if lead and _names_lead(body, named, day, lead) else []
        for found in (same_day, around, home):
            if len(found) == 1:
                found[0].mentions.extend(named.mentions)
                found[0].attached.extend(named.attached)
                groups.remove(named)
                break
    return groups


def _join_hours(body: str, groups: list[_Group]) -> list[_Group]:
    """ "A magnitude 6.4 earthquake struck central Chile early Wednesday …" and "The quake hit at 3:12
    a.m. …": a clock time on the lead's day whose clause names the lead's happening as a thing already
    told tells the hour of that happening.  One report."""
    if (lead := _lead(body, groups)) is None:
        return groups
    home, noun = lead
    verbs = {  # what the lead tells happened ("opened"), not that someone said it
        w
        for m in home.mentions
        for w in m.words
        if "VBD" in lexicon.verb_tags(w) and w not in lexicon.words("speech-verbs")
    }
    for g in [g for g in groups if g is not home and _date_key(g) == _date_key(home)]:
        if all(_tells_hour(body, m, noun, verbs) for m in g.mentions):
            home.mentions.extend(g.mentions)
            home.attached.extend(g.attached)
            groups.remove(g)
    return groups


def _lead(body: str, groups: list[_Group]) -> tuple[_Group, str | None] | None:
    """The group of the article's first main clause that tells a happening, and the noun it opens with."""
    told = [m for g in groups for m in g.mentions if m.clause.main and not (m.named or m.date.thing)]
    if not told:
        return None
    first = min(told, key=lambda m: m.sentence)
    (home,) = [g for g in groups if first in g.mentions]
    return home, headlines.opening_noun(body, *first.clause.span)


def _names_lead(body: str, named: _Group, day: _Date, lead: tuple[_Group, str | None]) -> bool:
    """Does ``named`` ("Wednesday's quake") name the lead's happening of its day by the lead's noun?"""
    home, noun = lead
    words = [body[a:b].split() for m in named.mentions for a, b in m.named if b > a]
    return bool(
        home is not named
        and noun
        and _date_key(home) == (day.value, None)
        and all(w and _same_noun(w[-1].lower(), noun) for w in words)
    )


def _same_noun(other: str, noun: str) -> bool:
    """ "quake" names an "earthquake", "fire" a "wildfire": a noun or the end of its closed compound."""
    return other == noun or (len(other) >= COMPOUND_TAIL and noun.endswith(other))


def _tells_hour(body: str, mention: _Mention, noun: str | None, verbs: set[str]) -> bool:
    """Is ``mention`` a clock time of a clause opening with ``noun`` already told ("The quake hit at 3:12
    a.m.": event-definites), or with the end of its closed compound ("earthquake", "the quake";
    "wildfire", "the fire"), or with a thing already told doing what the lead told (``verbs``: "A
    recovery center opened Monday …" and "… before the doors opened at 9 a.m.")?"""
    opening = body[mention.clause.span[0] : mention.clause.span[1]].split()[:1]
    other = headlines.opening_noun(body, *mention.clause.span)
    return bool(
        mention.date.clock
        and opening
        and opening[0].lower() in lexicon.words("event-definites")
        and other
        and ((noun and _same_noun(other, noun)) or mention.words & verbs)
    )


def _other_kind(a: frozenset[str], b: frozenset[str]) -> bool:
    """ "since the Oct. 2 vote" is not "a blast hit the port on Oct. 2": two kinds, none shared."""
    return bool(a and b and not a & b)


def _date_key(group: _Group) -> tuple[str, str | None]:
    first = group.mentions[0].date
    return first.value, first.end_value


def _deadline(body: str, expression: Span) -> bool:
    """ "by Jan. 14": the day before which something must happen, not the day it is set for."""
    return body[max(0, expression[0] - 4) : expression[0]].lower() == " by "


def _begins(body: str, mention: _Mention, thing: _Mention) -> bool:
    """Does ``mention`` say that ``thing`` began, at a date that agrees with its start?"""
    nouns = {k.removeprefix("start:") for k in thing.kinds}
    before = re.findall(r"[a-z]+", body[max(0, mention.clause.span[0] - 30) : mention.clause.span[0]].lower())
    named = mention.words | set(before[-1:])  # "a trial | that began …": the noun the clause hangs on
    return bool(nouns & named and lexicon.words("beginnings") & mention.words) and _agree(
        mention.date, thing.date
    )


def _agree(a: _Date, b: _Date) -> bool:
    """Does one date lie within the other ("late October" and the week of 21 October)?"""
    pa, pb = periods.parse(a.value), periods.parse(b.value)
    return pa.contains(pb) or pb.contains(pa)


def _same_happening(a: _Mention, b: _Mention) -> bool:
    """Same person, the same kind of happening told of no other person, or mostly the same words
    ("Ferris overtook him on Saturday" and "Ostrowski said on Saturday he would wait": two people, two
    happenings of one count)."""
    if a.subject is not None and a.subject == b.subject:
        return True
    if a.kinds & b.kinds and (a.subject is None or b.subject is None):
        return True
    union = a.words | b.words
    return bool(union) and len(a.words & b.words) / len(union) >= SAME_WORDING


def _attach(body: str, spans: list[Span], groups: list[_Group], timexes: Sequence[Timex]) -> list[_Group]:
    """Give each undated sentence that carries the story on to the event before it; one that sets its
    story a measured gap from another happening ("The decision comes two years after the district
    closed …") tells of another time."""
    elsewhen = {
        text.sentence_at(spans, t.start)
        for t in timexes
        if t.type == "DURATION" and _offset_after().match(body, t.end)
    }
    owner: dict[Span, _Group] = {}
    ranked = sorted(
        ((m, g) for g in groups for m in g.mentions),
        key=lambda mg: (mg[0].sentence, mg[0].date.thing is None, mg[0].clause.main, mg[0].expression),
    )
    for m, g in ranked:
        owner[m.sentence] = g  # the sentence's main dated clause carries its story on
    for prev, cur in itertools.pairwise(spans):
        if cur in owner or prev not in owner or cur in elsewhen:
            continue
        opening = next(
            (m for p in lexicon.patterns("anaphora") if (m := p.match(body[cur[0] : cur[1]]))), None
        )
        if opening and _carries_on(opening.group(), body[prev[0] : prev[1]]):
            owner[cur] = owner[prev]
            owner[cur].attached.append(cur)
    return groups


def _carries_on(opening: str, before: str) -> bool:
    """ "The strike …" carries on a sentence about a strike, not one about shares that rose: an
    opening that names a kind of happening (happenings table) needs that kind before it."""
    kinds = _kinds(opening)
    return not kinds or bool(kinds & _kinds(before))


# --- the event ----------------------------------------------------------------------------------


def _event(article: Article, group: _Group) -> Event:
    body = article.text
    mentions = sorted(group.mentions, key=lambda m: m.sentence)
    finest = max(periods.sort_key(m.date.value)[1] for m in mentions)
    best = min(  # stable: first; a day told with its week dates the event (_join_days)
        mentions,
        key=lambda m: (
            m.date.thing is not None,
            periods.sort_key(m.date.value)[1] != finest,
            not m.clause.main,
        ),
    )
    when = best.date
    sentences = sorted({m.sentence for m in mentions} | set(group.attached))
    expressions = {m.sentence: body[m.expression[0] : m.expression[1]] for m in reversed(mentions)}
    sources = tuple(
        Source(
            article=article.slug,
            published=article.published.isoformat(),
            url=article.url,
            sentence=body[s:e],
            expression=expressions.get((s, e)),
        )
        for s, e in sentences
    )
    regions = [part for m in mentions for part in _without(m.clause.context, m.clause.elsewhere)]
    regions += list(group.attached)
    speakers = [m.clause.said_by for m in mentions if m.clause.said_by]  # "Zelensky said | that …"
    status = _status(body, best, article.published)
    told = best  # a happening named by its date ("the Jan. 6 filing") is headed by the clause that tells it
    if best.named:
        told = next((m for m in mentions if not (m.named or m.date.thing) and _agree(m.date, when)), best)
    title = _title(body, told, status)
    reported = [  # "The Kremlin said the call opened the way": the people of what the headline reports
        r
        for m in mentions
        if (r := headlines.reported_span(body, m.clause, m.sentence, m.dates))
        and _tells(title, body[r[0] : r[1]])
    ]
    first = body[mentions[0].sentence[0] : mentions[0].sentence[1]]
    return Event(
        id=_event_id(article.slug, when, first),
        slug=f"{periods.parse(when.value).start.isoformat()}-{slugs.slugify(title, max_words=8)}",
        date=when.value,
        precision=when.precision,  # type: ignore[arg-type]
        end_date=when.end_value,
        title=title,
        summary=_summary(body, told, group.attached),
        status=status,  # type: ignore[arg-type]
        people=tuple(
            dict.fromkeys(
                (
                    *_entities(body, regions, entities.people_in),
                    *_entities(body, speakers, entities.people_in),
                    *_entities(body, reported, entities.people_in),
                    *_referents(body, mentions),
                    *_named_in(body, title, mentions),
                )
            )
        ),
        places=_places(body, regions, mentions),
        sources=sources,
    )


def _without(span: Span, cuts: Sequence[Span]) -> list[Span]:
    """``span`` without the stretches ``cuts`` (sorted, inside it)."""
    parts, pos = [], span[0]
    for a, b in cuts:
        parts.append((pos, a))
        pos = max(pos, b)
    return [*parts, (pos, span[1])]


def _places(body: str, regions: Iterable[Span], mentions: list[_Mention]) -> tuple[Entity, ...]:
    """The places of the clauses that tell the happening, and those where a lead sentence puts it
    ("Ukraine and Russia began the exchange on Friday, each side freeing soldiers at the border with
    Belarus")."""
    told = _entities(body, regions, entities.places_in)
    lead = _lead_places(body, mentions)
    if not told:
        return lead
    where = {  # outside the clause, undated: "in Canada on Oct. 3, | in Britain later this year" is another's
        p
        for m in mentions
        for part in _without(m.sentence, [m.clause.span])
        if not any(part[0] <= d[0] < part[1] for d in m.dates)
        for p in entities.places_where(body, part[0], _relative_start(body, part))
    }
    return tuple(dict.fromkeys((*told, *(p for p in lead if p in where))))


def _relative_start(body: str, part: Span) -> int:
    """Where a relative clause opens in ``part`` (", ending a strike | that had stranded ships in San
    Francisco Bay": where the ships were, not the happening), or its end."""
    for word in re.finditer(r"[\w’']+", body[part[0] : part[1]]):
        if word.group().lower() in lexicon.words("relative-pronouns"):
            return part[0] + word.start()
    return part[1]


def _lead_places(body: str, mentions: Iterable[_Mention]) -> tuple[Entity, ...]:
    """ "ATLANTA — A fire broke out in Savannah late Tuesday, and officials ordered …": a lead
    sentence's main happening with no place in its clause took place where the sentence puts one ("in
    Savannah"; not "the Wisconsin cheese maker"), and only if it puts none, where the story is filed
    ("HALDEN, Ore. — A fire destroyed …"; a story filed in Washington may lead with a call in Sochi)."""
    story = page_header(body)[2]  # after a copied page's headline and byline
    for m in mentions:
        if not (m.clause.main and not body[story : m.sentence[0]].strip()):
            continue
        filed = m.sentence[0] + headlines.dateline_length(body[m.sentence[0] : m.sentence[1]])
        other = _another_happening().search(body, filed, m.sentence[1])  # "… after a draw in Lisbon"
        named = entities.places_where(body, filed, other.start() if other else m.sentence[1])
        return named or entities.places_in(body, m.sentence[0], filed)
    return ()


@cache
def _another_happening() -> re.Pattern[str]:
    """ "after", "before", "since", "while" …: a word that opens another happening (event-offsets and
    gerund-openers), whose place is its own."""
    return re.compile(rf"\b(?:{_offset_words()}|{'|'.join(sorted(lexicon.words('gerund-openers')))})\b")


def _referents(body: str, mentions: Iterable[_Mention]) -> list[Entity]:
    """The people "he", "she" or "his" opening a dated clause ("since he arrived", "His lawyer filed …")
    stand for."""
    found = []
    for m in mentions:
        words = re.finditer(r"[\w’']+", body[m.clause.span[0] : m.clause.span[1]])
        skipped = lexicon.words("clause-openers") | lexicon.words("date-words")
        lead = next(  # "In 1998 she took it public": past the date
            (
                w
                for w in words
                if w.group().lower() not in skipped
                and not any(a <= m.clause.span[0] + w.start() < b for a, b in m.dates)
            ),
            None,
        )
        if lead and (lead.group().lower() in ("he", "she") or _possessor_kind(lead.group()) == "person"):
            person = headlines.referent(body, m.clause.span[0] + lead.start())
            found += [person] if person else []
    return found


def _possessor_kind(word: str) -> str | None:
    """ "his" → "person" (the possessives table): whose lawyer, whose car."""
    return lexicon.mapping("possessives").get(word.lower())


def _named_in(body: str, title: str, mentions: Iterable[_Mention]) -> list[Entity]:
    """The people of the sentences whom the headline names ("Okonjo scored nine goals …" from
    "… since joining … in August": the clause is the joining, the headline's subject Okonjo)."""
    return [
        p
        for m in mentions
        for p in entities.people_in(body, *m.sentence)
        if re.search(rf"(?<!\w){re.escape(headlines.short_name(body, p))}(?!\w)", title)
    ]


def _tells(title: str, words: str) -> bool:
    """Does ``title`` say something of ``words`` (a content word of theirs)?"""
    said = set(re.findall(r"[a-z]+", title.lower())) - lexicon.words("function-words")
    return bool(said & set(re.findall(r"[a-z]+", words.lower())))


def _event_id(article_slug: str, when: _Date, first_sentence: str) -> str:
    """Derived from the event itself, so that the same input always gives the same id."""
    key = "\x1f".join((when.value, when.precision, article_slug, " ".join(first_sentence.split())))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _entities(body: str, regions: Iterable[Span], finder) -> tuple[Entity, ...]:
    found: list[Entity] = []
    for start, end in regions:
        found.extend(finder(body, start, end))
    return tuple(dict.fromkeys(found))


def _status(body: str, mention: _Mention, published: date) -> str:
    period = periods.parse(mention.date.value)
    if period.start > published:
        return "planned"
    if period.end < published:
        return "happened"
    if headlines.said_then(body, mention.clause, mention.dates):
        return "happened"  # "The race will start in Lyon, organisers decided on Monday": the deciding
    if headlines.dated_verb_past(body, mention.clause, mention.expression):
        return "happened"  # "Harper, who had said she would stay, quit the party on Wednesday"
    start, end = mention.clause.context
    if mention.clause.shares_subject and headlines.shares_modal(body, mention.sentence, start):
        start = mention.sentence[0]  # "expects to obtain approval and | complete the deal by year-end"
    return "planned" if _plans(body[start:end]) else "happened"


def _plans(words: str) -> bool:
    """Does ``words`` speak of what is to come ("will", "is scheduled to": planned-triggers)?"""
    return any(
        re.search(rf"(?<!\w)(?:{p.pattern})(?!\w)", words, re.IGNORECASE)
        for p in lexicon.patterns("planned-triggers")
    )


def _title(body: str, mention: _Mention, status: str) -> str:
    if mention.named and mention.clause.span == (mention.named[0][0], mention.named[-1][1]):
        said = " ".join(" ".join(body[a:b].split()) for a, b in mention.named if b > a)
        if mention.named[0][0] == mention.named[0][1]:
            said = f"the {said}"  # "after Tuesday's storm": the storm
        said = _outcome(body, mention.named, said) if status == "happened" else said
        return said[:1].upper() + said[1:]
    if mention.date.thing:
        thing = " ".join(body[mention.date.thing[0] : mention.date.thing[1]].split())
        return f"Start of the {thing}"
    found = headlines.headline(
        body, mention.clause, mention.sentence, mention.expression, mention.dates, status
    )
    return found or "Untitled event"


def _outcome(body: str, named: tuple[Span, ...], said: str) -> str:
    """ "the exchange agreed at last week's talks in Istanbul": what a participle ties to the named
    happening (happening-outcomes) came of it, "the exchange was agreed at the talks in Istanbul"."""
    lead = _outcome_lead().search(body, max(0, named[0][0] - 80), named[0][0])
    if lead is None or "VBN" not in lexicon.verb_tags(lead.group("verb")):
        return said
    thing = lead.group("thing").split()
    if any(w.lower() in lexicon.words("function-words") for w in thing):
        return said  # "the deal to be signed at …": no noun phrase of its own
    place = _NAMED_PLACE.match(body, named[-1][1])
    be = "were" if headlines.is_plural_subject(thing[-1]) else "was"
    where = " ".join(place.group().split()) if place else ""
    where = where[:-1] if re.search(r"[a-z]\.$", where) else where  # "in Doha." ends the sentence
    return " ".join(
        [lead.group("det").lower(), *thing, be, lead.group("verb"), lead.group("prep"), said, where]
    ).strip()


@cache
def _outcome_lead() -> re.Pattern[str]:
    prepositions = "|".join(sorted(lexicon.words("happening-outcomes"), key=len, reverse=True))
    return re.compile(
        r"\b(?P<det>the|a|an)\s+(?P<thing>(?:[\w'’,-]+\s+){0,2}?[\w'’-]+)\s+(?P<verb>[a-z]+)\s+"
        rf"(?P<prep>{prepositions})\s+$",
        re.IGNORECASE,
    )


def _summary(body: str, mention: _Mention, attached: list[Span]) -> str:
    if mention.date.thing:
        thing = " ".join(body[mention.date.thing[0] : mention.date.thing[1]].split())
        return (
            f"The {thing} began {_around(mention.date.value)}, {mention.date.how_long} before this article."
        )
    return headlines.summary(body, [mention.sentence, *attached[:1]])


def _around(value: str) -> str:
    """ "around February 2022", "in the 2010s", "around the week of 7 September 2026", "around
    summer 2026": a date's label as words inside a sentence."""
    precision, label = periods.precision_of(value), periods.human(value)
    if precision == "decade":
        return f"in the {label}"
    if precision in ("week", "season"):
        label = label[0].lower() + label[1:]
    return f"around the {label}" if precision == "week" else f"around {label}"


def _unique_slugs(events: list[Event]) -> list[Event]:
    taken: set[str] = set()
    out = []
    for e in events:
        slug = slugs.unique(e.slug, taken)
        taken.add(slug)
        out.append(e if slug == e.slug else replace(e, slug=slug))
    return out
