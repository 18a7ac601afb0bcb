"""The engine: run every rule over the text, keep the best non-overlapping matches, normalise.

Every rule proposes its matches; a longer match beats a shorter one it overlaps (so "June
14, 2024" beats "June" and "2024", and "the 72-year-old", a rejecting rule, beats
"72-year"); between equal lengths the earlier rule wins.  The winners are then normalised in
text order, so that "a year earlier" can count from the date named before it; rejecting
rules' winners produce nothing: they exist to claim a span from the others.  Last, the
yearless days heading the items of a chronology are put in its order.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache, partial
from itertools import pairwise

from ..model import Timex
from .invisible import read_through
from .lexicon import Rule, parser_for, rules
from .normalise import (
    FISCAL,
    FISCAL_YEAR,
    NARRATED,
    NARRATED_AFTER,
    NARRATED_WITHIN,
    Context,
    Unresolved,
    ends_after,
    evaluate,
    grain_of,
    is_evening,
)
from .tense import (
    FUTURE,
    PARAGRAPH_BREAK,
    PAST,
    Clause,
    names_prior_period,
    opens_coordinate_clause,
    past_perfect,
    sentence_bounds,
    sets_scene,
    speech_weekday,
    tells_present,
)
from .triggers import Words

# A span of the year other than a quarter ("the nine months"): a report on it is not about
# the quarter or the date named before.
_REPORTED_SPAN = re.compile(r"P(?!3M)(?:[2-9]|1[01])M")
# The periods a financial report is about.
_REPORTING_GRAINS = ("quarter", "half")
# A list item's mark before the date that heads it, and what ends that head ("- March 2: ...").
_ITEM_MARK = re.compile(r"[ \t]*(?:[-*•–—]|\d{1,2}[.)])[ \t]+")
_ITEM_HEAD_END = re.compile(r"[ \t]*(?::|[-–—][ \t])")
_YEAR = re.compile(r"\d{4}")
# What may stand before a date that opens a sentence: "In", "Back in", "Earlier in".
_SCENE_OPENING = re.compile(r"[\W_]*(?:[A-Za-z]+\s+){0,2}")


@dataclass(frozen=True)
class Match:
    """A rule's match with its normalised value; ``type == ""`` marks a rejected span."""

    start: int
    end: int
    rule: Rule
    value: str
    mod: str | None
    anchor: str | None  # what the value was resolved against: the reference or an earlier date
    type: str  # the rule's type, or its fallback's ("otherwise"); "" for a rejected span


def find(text: str, reference: date | datetime) -> list[Match]:
    """All winning matches (including rejected spans), sorted by start; a ``datetime``
    reference is the publication day and its time of day (see ``tag``)."""
    candidates = []
    words = Words.of(text)
    for order, rule in enumerate(rules()):
        if not rule.triggers.found_in(words) or (rule.needs is not None and rule.needs.search(text) is None):
            continue
        for m in matches(rule, text):
            candidates.append((m.start() - m.end(), order, m))
    candidates.sort(key=lambda c: (c[0], c[1], c[2].start()))
    starts: list[int] = []
    ends: list[int] = []
    winners: list[tuple[int, re.Match[str]]] = []
    for _, order, m in candidates:
        i = bisect.bisect_left(starts, m.start())
        if (i < len(starts) and starts[i] < m.end()) or (i > 0 and ends[i - 1] > m.start()):
            continue
        starts.insert(i, m.start())
        ends.insert(i, m.end())
        winners.append((order, m))
    winners.sort(key=lambda w: w[1].start())
    day, published_at = _day_and_time(reference)
    found = sorted(_normalise_in_order(text, day, published_at, winners), key=lambda match: match.start)
    return _in_list_order(text, found, day)


def _in_list_order(text: str, found: list[Match], reference: date) -> list[Match]:
    """A chronology's items in the order it lists them: a yearless day heading an item
    ("- March 2: Inspectors report ...") taken to lie ahead of the publication day, but after
    the item below it ("- June 18: A second inspection ...", gone by), is of the year before."""
    items = [
        i
        for i, m in enumerate(found)
        if m.type == "DATE" and grain_of(m.value) == "day" and _heads_item(text, m)
    ]
    for here, below in reversed(list(pairwise(items))):
        m, after = found[here], found[below]
        if (
            m.value > max(after.value, reference.isoformat())
            and not PARAGRAPH_BREAK.search(text, m.end, after.start)
            and _YEAR.search(text, m.start, m.end) is None
            and (earlier := _year_before(m.value)) <= after.value
        ):
            found[here] = replace(m, value=earlier)
    return found


def _heads_item(text: str, m: Match) -> bool:
    """Whether the match opens an item of a list, before a colon or a dash ("- March 2: ...")."""
    line = text.rfind("\n", 0, m.start) + 1
    return (
        _ITEM_MARK.fullmatch(text, line, m.start) is not None
        and _ITEM_HEAD_END.match(text, m.end) is not None
    )


def _year_before(day: str) -> str:
    """The same day a year earlier (Feb. 29 stays as it is)."""
    try:
        return date.fromisoformat(day).replace(year=int(day[:4]) - 1).isoformat()
    except ValueError:  # Feb. 29
        return day


def matches(rule: Rule, text: str) -> Iterator[re.Match[str]]:
    """The rule's matches, as ``rule.regex.finditer(text)`` finds them, tried only where its
    finder says one may start."""
    if rule.finder is None:
        yield from rule.regex.finditer(text)
        return
    at = 0
    while (place := rule.finder.search(text, at)) is not None:
        m = rule.regex.match(text, place.start())
        if m is None:
            at = place.start() + 1
            continue
        yield m
        at = max(m.end(), m.start() + 1)


def tag(text: str, reference: date | datetime) -> list[Timex]:
    """The temporal expressions of ``text``, sorted by start and non-overlapping.

    ``reference`` is the publication day; a ``datetime`` adds its time of day, as written
    in the article's own zone, so that a time gone by later in the day than the publication
    ("Polls closed at 7:30 p.m." in a story published at 06:10) is of the day before.
    Invisible characters inside a word ("Mon\u200bday") are read through; spans stay the text's."""
    seen = read_through(text)
    found = [m for m in find(seen[0] if seen else text, reference) if m.type]
    spans = [(m.start, m.end) if seen is None else (seen[1][m.start], seen[1][m.end - 1] + 1) for m in found]
    return [
        Timex(
            start=start,
            end=end,
            text=text[start:end],
            type=m.type,
            value=m.value,
            mod=m.mod,
            anchor=m.anchor,
        )
        for m, (start, end) in zip(found, spans, strict=True)
    ]


def _day_and_time(reference: date | datetime) -> tuple[date, str]:
    """The reference day and its time of day ("06:10"; empty for a plain date)."""
    if isinstance(reference, datetime):
        return reference.date(), reference.strftime("%H:%M")
    return reference, ""


def _normalise_in_order(
    text: str, reference: date, published_at: str, winners: list[tuple[int, re.Match[str]]]
) -> Iterator[Match]:
    """Normalise the winners in text order, each date becoming the anchor of those after it."""
    anchors = Anchors()
    for order, m in winners:
        rule = rules()[order]
        if not rule.type:
            yield Match(m.start(), m.end(), rule, "", None, None, "")
            continue
        fields: dict[str, object] = {k: v or "" for k, v in m.groupdict().items()}  # plain groups: as written
        for group, source in rule.groups.items():
            matched = m.group(group)
            fields[group] = "" if matched is None else _field(parser_for(source)(matched))
        anchors.spans.append(m.span())
        clause = Clause(text, m.start(), m.end())
        resolve = partial(_resolve, text, reference, published_at, anchors, m, clause, rule, fields)
        resolved = False
        for group, template in rule.parts:
            for match in resolve(group, template, rule.type):
                resolved = True
                yield match
        if not resolved and rule.otherwise:  # "a year after the war", no war dated: a span of a year
            group, kind, template = rule.otherwise
            yield from resolve(group, template, kind)


def _resolve(
    text: str,
    reference: date,
    published_at: str,
    anchors: Anchors,
    m: re.Match[str],
    clause: Clause,
    rule: Rule,
    fields: dict[str, object],
    group: str,
    template: str,
    kind: str,
) -> Iterator[Match]:
    """The timex of one part of a match (over ``group``, or all of it), if its value resolves."""
    if group and m.group(group) is None:
        return
    context = Context(
        reference,
        clause.tense,
        clause.governing,
        clause.nearest,
        anchors.last,
        anchors.by_grain,
        anchors.reported,
        anchor_nearby=partial(anchors.in_paragraph_of, text, m.start()),
        anchor_opens_sentence=partial(anchors.opens_sentence_of, text, m.start()),
        anchor_in_sentence=partial(anchors.in_sentence_of, text, m.start()),
        background=partial(anchors.narrates, text, m.start(), clause),
        spoken_on=partial(speech_weekday, text, m.start()),
        published_at=published_at,
        scheduled=clause.scheduled,
        anchor_time=anchors.time,
        dated=partial(anchors.dated, text, m.start()),
        past_day=partial(anchors.past_day, reference),
        evening_told=lambda: reference.isoformat() in anchors.evenings,
        that_year=anchors.that_year,
    )
    try:
        value = evaluate(template.format_map(fields), context)
        mod = rule.mod.format_map(fields) or None
    except (Unresolved, KeyError, ValueError, OverflowError):
        return
    used = context.used[0] if context.used else reference.isoformat() if rule.anchored else None
    start, end = m.span(group) if group else m.span()
    named = kind in ("DATE", "TIME") and not context.inferred
    if named and grain_of(value) in _REPORTING_GRAINS and names_prior_period(text, start):
        named = False  # "After a flat second quarter, ...": not the period the report is about
    if named and used in (None, reference.isoformat(), value):  # not derived
        anchors.note(value.split("T")[0], start, end, reference, fiscal=rule.fiscal, written=used is None)
        anchors.year_given(value.split("T")[0], context.guessed)
        anchors.time = value.partition("T")[2]
        if is_evening(value) and clause.tense() == PAST:
            anchors.evenings.add(value.split("T")[0])
    elif named and used in (anchors.last, anchors.that_year):  # the story moves on
        anchors.move(value.split("T")[0], start, end)
        anchors.year_given(value.split("T")[0], context.guessed)
        anchors.time = value.partition("T")[2]
    elif rule.reports:
        anchors.note_span(value)
    yield Match(start, end, rule, value, mod, used, kind)


class Anchors:
    """The dates the text has named so far, which later relative expressions count from, and
    the period a financial report is about ("the third quarter", "the nine months")."""

    def __init__(self) -> None:
        self.last: str | None = None
        self.last_start = self.last_end = 0  # where the text named it
        self.evenings: set[str] = set()  # the days whose evening or night the text told of as past
        self.time = ""  # the time of day named with it ("AF", "21:00"; "24:00": "midnight on Saturday")
        self.by_grain: dict[str, str] = {}
        self.named_at: dict[str, int] = {}  # where the text named the last one of each grain
        self.named: list[tuple[int, str]] = []  # every date the text named, with where it starts
        self.spans: list[tuple[int, int]] = []  # where the text's expressions stand, so far
        self.reported: str | None = None
        self.told = False  # whether the year of the date named last was written, not the reference's
        self.written_year = ""  # the year of the last date named with its year written
        self.that_year: str | None = None  # the last date named whose year the text gave

    def note(
        self, value: str, start: int, end: int, reference: date, fiscal: bool = False, written: bool = False
    ) -> None:
        """A date the text named; ``written`` with its year, not counted from the reference."""
        grain = grain_of(value)
        fiscal_year = self.by_grain.get(FISCAL_YEAR)
        if grain == "year":  # the year quarters without one are of: a fiscal year, or none
            self.by_grain[FISCAL_YEAR] = value if fiscal else ""
        elif fiscal_year and written and grain and not value.startswith((FISCAL, fiscal_year)):
            self.by_grain[FISCAL_YEAR] = ""  # "Back in March 2023": the story has left the fiscal year
        if grain:
            self.last = self.by_grain[grain] = value
            self.told = written
            if written:
                self.written_year = _year_in(value)
            self.last_start, self.last_end = start, end
            self.named_at[grain] = end
            self.named.append((start, value))
        if grain in ("quarter", "half") and not ends_after(value, reference):  # a forecast reports nothing
            self.reported = value

    def in_paragraph_of(self, text: str, start: int, grain: str = "") -> bool:
        """Whether the date named last (of ``grain``, if given) stands in the paragraph of
        ``text[start:]``."""
        named = self.named_at.get(grain, -1) if grain else self.last_end
        return named >= 0 and not PARAGRAPH_BREAK.search(text, named, start)

    def opens_sentence_of(self, text: str, start: int) -> bool:
        """Whether the date named last sets the scene of the sentence of ``text[start:]``,
        opening it before a comma ("Last year, the first frost came on Nov. 2")."""
        left = sentence_bounds(text, start, start)[0]
        return (
            left <= self.last_start
            and self.last_end < start
            and text.startswith(",", self.last_end)
            and _SCENE_OPENING.fullmatch(text, left, self.last_start) is not None
        )

    def narrates(self, text: str, start: int, clause: Clause) -> int:
        """How surely the sentence of ``text[start:]`` narrates the time of the date named last,
        in its paragraph with its year written (see ``NARRATED``): a yearless date there is of that
        year, not of the reference's.  News tells its background in the past, and a sentence is
        of that background when it names the year before the expression, opening the sentence or
        a clause before the one the expression opens ("In May 1940 the invasion began, and by
        late June ..."), or tells a past perfect ("By April, its forces had withdrawn"); or, less
        surely, when it follows the sentence that named it in the past tense ("Prices rose 3% in
        2023. In December, they fell").  Never when it tells of the present ("now", "has fallen",
        a weekday: the news of the day) or ahead of it ("In June, the company will open a
        plant"), nor after a year that starts a span to the present ("since 1980") or qualifies a
        noun ("the 1988 bombing")."""
        if (
            not self.told
            or self.last is None
            or PARAGRAPH_BREAK.search(text, self.last_end, start)
            or not sets_scene(text, self.last_start, self.last_end)
        ):
            return 0
        left, right = sentence_bounds(text, start, start)
        if tells_present(text, left, right):
            return 0
        tense = clause.tense()
        if left <= self.last_start:
            opens = _SCENE_OPENING.fullmatch(text, left, self.last_start) is not None
            told = opens or opens_coordinate_clause(text, self.last_end, start)
            if told and (tense != FUTURE or clause.scheduled()):
                return NARRATED
            return NARRATED_WITHIN if tense == PAST and self._year_still_written() else 0
        if tense == FUTURE:
            return 0
        if past_perfect(text, left, right):
            return NARRATED
        previous = sentence_bounds(text, max(left - 2, 0), max(left - 2, 0))[0]
        return (
            NARRATED_AFTER
            if tense == PAST and self._year_still_written() and previous <= self.last_start
            else 0
        )

    def _year_still_written(self) -> bool:
        """Whether the date named last is of the year written last, not one counted from it ("On
        May 22, 1995, he was promoted, and the following year he was posted abroad. However, in
        December ..." is no narration of 1996)."""
        return bool(self.written_year) and _year_in(self.last or "") == self.written_year

    def in_sentence_of(self, text: str, start: int) -> bool:
        """Whether the date named last stands in the sentence of ``text[start:]``."""
        return sentence_bounds(text, start, start)[0] <= self.last_start

    def dated(self, text: str, start: int, happening: str) -> str | None:
        """The date the text gave ``happening`` before ``start``: the one named nearest it in
        the last sentence that mentions it with a date ("The earthquake struck on April 5,
        2025" for "a year after the earthquake"), if any.  A mention inside an expression ("a
        year after the earthquake, ... Friday") is no dating of it."""
        mentions = [
            m.start()
            for m in _mention(happening).finditer(text, 0, start)
            if not any(left <= m.start() < right for left, right in self.spans)
        ]
        for at in reversed(mentions):
            left, right = sentence_bounds(text, at, at)
            in_sentence = [(abs(named - at), value) for named, value in self.named if left <= named < right]
            if in_sentence:
                return min(in_sentence)[1]
        return None

    def past_day(self, reference: date) -> str | None:
        """The last day the text named that is not after ``reference``."""
        today = reference.isoformat()
        days = (value for _, value in reversed(self.named) if grain_of(value) == "day" and value <= today)
        return next(days, None)

    def move(self, value: str, start: int, end: int) -> None:
        """A date counted from the last one ("three weeks later") is where the story is now,
        for the next anaphoric expression; it is not a period the text reports on."""
        if grain_of(value):
            self.last, self.last_start, self.last_end = value, start, end

    def year_given(self, value: str, guessed: bool) -> None:
        """The date just named is what "that year" refers to, unless its year was placed by tense
        ("in April" with no year told): "that year" is one the text gave."""
        if grain_of(value) and not guessed:
            self.that_year = value

    def note_span(self, value: str) -> None:
        """A span of months other than a quarter ("for the nine months") is reported on: "a
        year earlier" now means the year before, not the date named last."""
        if _REPORTED_SPAN.fullmatch(value):
            self.reported, self.last, self.that_year = value, None, None


def _year_in(value: str) -> str:
    """The year a value names ("2025" of "FY2025-Q3"), or "" for a decade or century."""
    year = _YEAR.search(value)
    return year.group() if year else ""


def _field(value: object) -> object:
    """A normalised group as it goes into a template: whole numbers as int ("{month:02d}")."""
    if isinstance(value, float) and value == int(value):
        return int(value)
    return "" if value is None else value


@cache
def _mention(happening: str) -> re.Pattern[str]:
    """A mention of ``happening`` (a word or an alternation of words), singular or plural."""
    return re.compile(rf"\b(?:{happening})s?\b", re.IGNORECASE)
