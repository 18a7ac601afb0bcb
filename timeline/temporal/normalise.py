"""Value templates → TIMEX3 values.

A rule's value is a template filled with its normalised groups.  The result is either a
final value (``P{number}Y`` → ``P3Y``, ``PRESENT_REF``) or a call of one of the functions
below, with an optional TIMEX3 suffix: ``weekday(5,)TEV`` is "Friday evening".  The
functions are the only place where a value depends on the reference date, on the tense of
the clause or on the date the text last spoke of (the *anchor*: "a year earlier" is a year
before it), so every rule table shares one calendar arithmetic (dateutil's).

Direction arguments: empty means "decide by tense"; ``-1``/``1`` the one wholly before/after
the reference ("last June", "next May"); ``0`` the one containing it ("this summer");
``past``/``future`` the latest that has begun / the earliest not yet over, whatever the
tense; ``governed`` (weekdays) by tense only when the verb surely governs the expression,
else past; ``tense`` (months, quarters, halves) by tense, never as governed by the verb
("its third-quarter loss"); ``on`` (days of a month) by tense, and ahead when a future verb
surely governs it ("will host the visitors on Aug. 20"); a four-digit number is a year, and
``y-1``, ``y0``, ``y1`` the reference's year moved (``w-1``, ``w1`` its week, for weekdays;
``m-1``, ``m1`` its month, for days of the month; ``a-1``, ``a1`` the day the text named last;
``n0``, ``n-1``, ``n1`` the year "that year" refers to (``Context.that_year``), moved: "September
of that year", "of the following year").

A fiscal period ("the third quarter of fiscal 2025") is written ``FY2025-Q3``: it is no
calendar quarter, but later expressions count from it as from one and keep the prefix
("the quarter a year ago" is ``FY2024-Q3``).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import FR as FRI
from dateutil.relativedelta import MO, SA, SU, TH, TU, WE, relativedelta

from .tense import FUTURE, PAST, UNKNOWN

WEEKDAYS = (MO, TU, WE, TH, FRI, SA, SU)
GRAINS = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century")
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # a season's first month (winter: December)
_SEASON_OF_QUARTER = ("WI", "SP", "SU", "FA")  # by month // 3 % 4: the winter of 2025 ends in 2026
# How many days a yearless date may lie on the wrong side of the reference for its clause's
# tense before a farther occurrence on the right side is preferred: tense detection errs,
# and a date weeks away is likelier than one eleven months away.  A bare month ("in January")
# is trusted to its clause's tense further than a day's date or a quarter: news names months
# of its narrative up to a year back, while a yearless day ("payable Dec. 7") is mostly a
# schedule near publication, whatever verb stands near it.  When the verb surely governs a
# month, a quarter or a half (``Context.governing``: "Sales peaked in the third quarter"),
# the tense decides alone.
TENSE_PENALTY_DAYS = 180
MONTH_TENSE_PENALTY_DAYS = 240
GOVERNED_PENALTY_DAYS = 366
PUBLICATION_WEEK_DAYS = 7  # a day this close to the reference is when the news was told
MIDNIGHT = "T24:00"  # the end of a day: "midnight on Saturday"
SMALL_HOURS_END = "06:00"  # a time before this, after a day's midnight, is of the next day

# How a sentence tells the past year of a story's background (``Context.background``): by its
# own words (the year named before in it, a past perfect), or only by following the sentence
# that named it, in the past tense.  News gives a day of another year its year, so a yearless
# day after a mere past sentence is the news of the day ("He joined the paper in 1958. He died
# on May 30"), unless it lies within the month or season named ("In the summer of 1944 the
# landings began; on 6 June, troops came ashore"); a month is how a background is told ("Prices
# rose 3% in 2023. In December, they fell").  A day after a month or season named before it in its
# own past sentence is of that year when it lies within it ("in July he ordered a counter-attack
# that retook the town on 19 July"; "fought from 14 to 17 October"): NARRATED_WITHIN.
NARRATED, NARRATED_AFTER, NARRATED_WITHIN = 2, 1, 3
FISCAL = "FY"  # the prefix of a fiscal period's value
# Where ``Context.periods`` keeps the fiscal year the text named last, if the year it named last
# was one: quarters and halves without a year are of it.
FISCAL_YEAR = "fiscal year"
_CALL = re.compile(r"(\w+)\(([^()]*)\)(.*)", re.S)
_HOLIDAY = re.compile(r"(\d\d)-(\d\d|[A-Z]{2}[1-5L]|TUE)|E([+-]\d+)")
_VALUE_GRAIN = (
    ("day", re.compile(r"(\d{4})-(\d\d)-(\d\d)")),
    ("week", re.compile(r"(\d{4})-W(\d\d)(?:-WE)?")),  # a weekend is of its week
    ("month", re.compile(r"(\d{4})-(\d\d)")),
    ("quarter", re.compile(r"(\d{4})-Q([1-4])")),
    ("season", re.compile(r"(\d{4})-(SP|SU|FA|WI)")),
    ("half", re.compile(r"(\d{4})-H([12])")),
    ("year", re.compile(r"(\d{4})")),
    ("decade", re.compile(r"(\d{3})")),
    ("century", re.compile(r"(\d{2})")),
)
_STEP = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "month": relativedelta(months=1),
    "quarter": relativedelta(months=3),
    "season": relativedelta(months=3),
    "half": relativedelta(months=6),
    "year": relativedelta(years=1),
    "decade": relativedelta(years=10),
    "century": relativedelta(years=100),
}


class Unresolved(ValueError):
    """The groups do not make a date (February 30th, a number too large): no timex."""


@dataclass
class Context:
    """What a value may depend on besides its own words."""

    reference: date
    tense: Callable[[], int]  # PAST, UNKNOWN or FUTURE; lazily computed: most values never ask
    governing: Callable[[], bool] = lambda: False  # the tense comes from the expression's own verb
    # Ahead of a past event ("issued an ultimatum ... starting at noon Saturday"): a weekday is
    # the one nearest the reference, on either side; other dates read the tense as future.
    nearest: Callable[[], bool] = lambda: False
    anchor: str | None = None  # the value of the last date the text named
    periods: dict[str, str] = field(default_factory=dict)  # the last one named of each grain
    reported: str | None = None  # the last reporting period named: a quarter, a half, or P9M
    used: list[str] = field(default_factory=list)  # what the value was resolved against
    # Whether the date named last (``anchor``), or the last of a grain, stands in the expression's
    # paragraph (see ``_day_at``).
    anchor_nearby: Callable[..., bool] = lambda grain="": True
    # Whether the date named last opens the expression's sentence ("Last year, ...").
    anchor_opens_sentence: Callable[[], bool] = lambda: False
    # Whether the date named last stands in the expression's sentence.
    anchor_in_sentence: Callable[[], bool] = lambda: False
    # How surely the expression's sentence narrates the time of the date named last, its year
    # written ("Prices rose 3% in 2023. In December, they fell"): NARRATED, NARRATED_AFTER,
    # NARRATED_WITHIN or 0.
    background: Callable[[], int] = lambda: 0
    # The time of day named with the date named last: a part of the day ("AF"), a clock time
    # ("21:00"), "24:00" after a day's midnight ("2026-04-11T24:00"); empty for none.
    anchor_time: str = ""
    spoken_on: Callable[[], int | None] = lambda: None  # the weekday a quotation was said, if named
    published_at: str = ""  # the publication's time of day ("06:10"), when the reference has one
    # The value's day is inferred from the publication's time of day, not named: later
    # expressions do not count from it.
    inferred: bool = False
    # The value's year was placed by tense, not given by the text ("in April"): no "that year".
    guessed: bool = False
    # The future is a present tense ("the exhibit opens March 3"): after a past year that opens
    # the sentence, it is the historical present of that year.
    scheduled: Callable[[], bool] = lambda: False
    # The date the text gave a happening it mentioned before ("the earthquake"), if any.
    dated: Callable[[str], str | None] = lambda happening: None
    # The last day the text named that is not after the reference: where a clock time in the
    # past stands when the day named last is still ahead.
    past_day: Callable[[], str | None] = lambda: None
    # Whether the text told of the publication day's evening or night as past ("voted on Tuesday
    # night"): the story runs into that evening, whatever the page's time of publication.
    evening_told: Callable[[], bool] = lambda: False
    # What "that year" refers to: the last date named whose year the text gave, not one a yearless
    # date was placed in by tense ("... in February 2022. Officials now say that in April the
    # troops withdrew, and in November of that year ...": 2022).
    that_year: str | None = None


def evaluate(template_value: str, context: Context) -> str:
    """The TIMEX3 value; ``context.used`` says what it was resolved against, if anything."""
    call = _CALL.fullmatch(template_value)
    if not call:
        return template_value
    name, arguments, suffix = call.groups()
    function = FUNCTIONS.get(name)
    if function is None:
        raise Unresolved(f"unknown value function {name!r}")
    args = [a.strip() for a in arguments.split(",")] if arguments else []
    value = function(context, *args)
    if suffix and value[:1].isdigit() and "T" not in value:
        value += suffix
    return value


# --- periods ---------------------------------------------------------------------------


def _at(day: date, grain: str) -> str:
    """``day`` written at a grain: 2025-05-19, 2025-W21, 2025-05, 2025-Q2, 2025, 202, 20."""
    return _WRITE[grain](day)


_WRITE: dict[str, Callable[[date], str]] = {
    "day": date.isoformat,
    "week": lambda day: "{:04d}-W{:02d}".format(*day.isocalendar()[:2]),
    "month": lambda day: f"{day.year:04d}-{day.month:02d}",
    "quarter": lambda day: f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}",
    "season": lambda day: f"{day.year - (day.month < 3):04d}-{_SEASON_OF_QUARTER[day.month // 3 % 4]}",
    "half": lambda day: f"{day.year:04d}-H{(day.month - 1) // 6 + 1}",
    "year": lambda day: f"{day.year:04d}",
    "decade": lambda day: f"{day.year // 10:03d}",
    "century": lambda day: f"{day.year // 100:02d}",
}


def _period(value: str | None) -> tuple[date, str] | None:
    """A value's first day and grain (``1989-Q3`` → 1989-07-01, quarter), if it has one; a
    fiscal period (``FY1989-Q3``) counts as the calendar one of its name."""
    for grain, pattern in _VALUE_GRAIN:
        m = pattern.fullmatch((value or "").removeprefix(FISCAL))
        if m and grain == "season":
            return _date(int(m.group(1)), SEASON_START[m.group(2)], 1), grain
        if m:
            y, n = int(m.group(1)), int(m.group(2)) if m.lastindex and m.lastindex > 1 else 1
            if grain == "day":
                return _date(y, n, int(m.group(3))), grain
            if grain == "week":
                return date.fromisocalendar(y, max(1, min(n, 52)), 1), grain
            if grain in ("decade", "century"):
                return _date(y * (10 if grain == "decade" else 100), 1, 1), grain
            first_month = {"month": n, "quarter": 3 * n - 2, "half": 6 * n - 5, "year": 1}[grain]
            return _date(y, first_month, 1), grain
    return None


def _like(anchor: str | None, value: str) -> str:
    """``value`` counted from ``anchor``, fiscal if the anchor is a fiscal period of the year."""
    fiscal = (anchor or "").startswith(FISCAL) and grain_of(value) in ("quarter", "half", "year")
    return FISCAL + value if fiscal else value


def grain_of(value: str) -> str | None:
    """The grain of a value that names a calendar period later expressions may count from."""
    try:
        period = _period(value)
    except Unresolved:  # 0000-02-30: not a period
        return None
    return period[1] if period else None


def ends_after(value: str, day: date) -> bool:
    """Whether the period ``value`` names is not over by ``day`` ("the fourth quarter" or "the
    third quarter of 1990" in a report of October 1989: a forecast, not a period reported on)."""
    try:
        period = _period(value)
    except Unresolved:
        return False
    return bool(period and _shifted(period[0], period[1], 1) > day)


def _shifted(day: date, grain: str, count: float) -> date:
    if abs(count) > 3000:
        raise Unresolved("shift too far")
    if count != int(count):  # "a year and a half": by months
        months = {"century": 1200, "decade": 120, "year": 12, "half": 6, "quarter": 3}.get(grain)
        if months is None:
            raise Unresolved("fractional shift")
        return day + relativedelta(months=round(count * months))
    try:
        return day + _STEP[grain] * int(count)
    except (ValueError, OverflowError) as exc:
        raise Unresolved(str(exc)) from exc


def _days_after(day: date, offset: str) -> str:
    """``day`` moved by ``offset`` days, or weeks after a "W" ("2W"; none if empty), written as a day."""
    count, weeks = offset.removesuffix("W"), offset.endswith("W")
    return (day + timedelta(days=(_int(count) if count else 0) * (7 if weeks else 1))).isoformat()


def _int(text: str) -> int:
    try:
        number = float(text)
    except ValueError as exc:
        raise Unresolved(f"not a number: {text!r}") from exc
    if number != int(number) or abs(number) > 5000:
        raise Unresolved(f"not a whole number in range: {text!r}")
    return int(number)


def _date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise Unresolved(str(exc)) from exc


def _year_of(
    context: Context,
    span_in: Callable[[int], tuple[date, date]],
    when: str,
    fits: Callable[[date], bool] = lambda first: True,
    penalty: int = TENSE_PENALTY_DAYS,
) -> date:
    """The first day of a yearless period ("June", "Sept. 30", "the fourth quarter").

    ``span_in(year)`` gives the period's first and last day in a year.  See the module
    docstring for ``when``; by tense, the nearest occurrence wins, an occurrence on the
    wrong side of the reference counting ``penalty`` days farther, and one that ``fits``
    rejects ("Friday, March 3" in a year where March 3 is no Friday) only if none fits.
    """
    ref = context.reference
    if when and when.lstrip("-").isdigit() and abs(int(when)) >= 1000:
        return span_in(int(when))[0]
    if when.startswith("a"):  # "the following March": the first one after the date named last
        anchor, when = _period(context.anchor), when[1:]
        if anchor:
            return _next_to(context, span_in, anchor, int(when))
    if when.startswith("n"):  # "September of that year" (n0), "of the following year" (n1)
        anchor = _period(context.that_year)
        if anchor:
            context.used.append(str(context.that_year))
            return span_in(anchor[0].year + _int(when[1:]))[0]
        when = "y" + when[1:]  # no date named: the reference's year moved
    if when.startswith("y"):  # "last year's fourth quarter": y-1
        context.used.append(ref.isoformat())
        return span_in(ref.year + _int(when[1:]))[0]
    context.used.append(ref.isoformat())
    spans = [span_in(ref.year + k) for k in (-2, -1, 0, 1, 2)]  # last year's winter holds New Year's Day
    if when == "0":  # "this winter" on Jan. 5: the one under way, begun last year
        return next((s for s in spans if s[0] <= ref <= s[1]), span_in(ref.year))[0]
    if when in ("-1", "1"):
        wanted = [s for s in spans if (s[1] < ref if when == "-1" else s[0] > ref)]
        return wanted[-1 if when == "-1" else 0][0]
    context.guessed = True
    if when in ("past", "future"):
        wanted = [s for s in spans if (s[0] <= ref if when == "past" else s[1] >= ref)]
        return wanted[-1 if when == "past" else 0][0]
    spans = [span for span in spans if fits(span[0])] or spans
    tense = context.tense()

    def cost(span: tuple[date, date]) -> int:
        before, after = (ref - span[1]).days, (span[0] - ref).days
        wrong = (tense == PAST and after > 0) or (tense == FUTURE and before > 0)
        return max(before, after, 0) + (penalty if wrong else 0)

    return min(spans, key=cost)[0]


def _next_to(
    context: Context, span_in: Callable[[int], tuple[date, date]], anchor: tuple[date, str], step: int
) -> date:
    """The first day of the yearly period just before (``step`` -1) or after (1) a period, or
    (0) the one it lies in, else the one of its year ("In May 2019 ... that summer")."""
    first, grain = anchor
    last = _shifted(first, grain, 1) - timedelta(days=1)
    context.used.append(str(context.anchor))
    spans = [span_in(first.year + k) for k in (-2, -1, 0, 1, 2)]
    if step == 0:
        return next((span for span in spans if span[0] <= first <= span[1]), spans[2])[0]
    if step < 0:
        return max(span for span in spans if span[1] < first)[0]
    return min(span for span in spans if span[0] > last)[0]


def _day(make: Callable[[int], date]) -> Callable[[int], tuple[date, date]]:
    return lambda y: (make(y), make(y))


def _months(first: int, count: int) -> Callable[[int], tuple[date, date]]:
    """The span of ``count`` months from month ``first`` of a year (may run into the next)."""
    years, month = divmod(first - 1 + count, 12)  # the month after the span
    return lambda y: (date(y, first, 1), date(y + years, month + 1, 1) - timedelta(days=1))


# --- absolute values -----------------------------------------------------------------------


def date_(context: Context, year: str, month: str, day: str) -> str:
    return _date(_int(year), _int(month), _int(day)).isoformat()


def date_before(context: Context, year: str, month: str, day: str, later_month: str) -> str:
    """The first day of a span whose year is written after its last ("Dec. 29-Jan. 2, 2020"):
    a span over the new year begins the year before."""
    return date_(context, str(_int(year) - (_int(month) > _int(later_month))), month, day)


def year_month(context: Context, year: str, month: str) -> str:
    return _at(_date(_int(year), _int(month), 1), "month")


def year(context: Context, year: str) -> str:
    return f"{_int(year):04d}"


def year_after(context: Context, year: str, last_digits: str) -> str:
    """ "2023-24": the first year after ``year`` that ends in ``last_digits``."""
    first = _int(year)
    following = first - first % 100 + _int(last_digits)
    return f"{following + 100 if following <= first else following:04d}"


def decade(context: Context, year: str) -> str:
    return f"{_int(year) // 10:03d}"


def century(context: Context, ordinal: str) -> str:
    """The 20th century is TIMEX3 ``19``."""
    if not 1 <= _int(ordinal) <= 30:
        raise Unresolved(f"no century {ordinal}")
    return f"{_int(ordinal) - 1:02d}"


def duration(context: Context, amount: str, unit: str) -> str:
    """``P3Y``, ``PT2H``, ``P2Y6M``; decades and centuries as years (P30Y); X when vague."""
    base = {"DE": "Y", "CE": "Y", "2W": "W"}.get(unit, unit)
    if amount in ("", "X"):
        letter = unit if unit in ("DE", "CE") else base
        return ("PTX" if base in _TIME_UNITS else "PX") + _LETTER.get(letter, letter)
    number = float(amount) * {"DE": 10, "CE": 100, "2W": 2}.get(unit, 1)
    whole, rest = int(number), number - int(number)
    parts = [(whole, base)] if whole or not rest else []
    if rest:
        if base not in _SMALLER:
            raise Unresolved(f"no smaller unit than {base}")
        factor, smaller = _SMALLER[base]
        parts.append((round(rest * factor), smaller))
    dates = "".join(f"{n}{u}" for n, u in parts if u not in _TIME_UNITS)
    times = "".join(f"{n}{_LETTER.get(u, u)}" for n, u in parts if u in _TIME_UNITS)
    return "P" + dates + ("T" + times if times else "")


_TIME_UNITS = {"H", "MIN", "S"}
_LETTER = {"MIN": "M"}
_SMALLER = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"), "MIN": (60, "S")}


# --- values relative to the reference ------------------------------------------------------


def ahead(context: Context) -> str:
    """ "Soon" in a clause about the present or future is FUTURE_REF; in a past narrative ("he
    was soon released") it is shortly after the narrated event, not a time of its own."""
    if context.tense() == PAST:
        raise Unresolved("soon after a past event")
    return "FUTURE_REF"


def today(context: Context) -> str:
    day = _now(context).isoformat()
    context.used.append(day)
    return day


def _now(context: Context) -> date:
    """The day the words were said: the reference, or in a quotation whose attribution names
    a weekday ('"We will hold the line tonight," the mayor said Tuesday.'), that day, the
    latest one not after the reference."""
    weekday = context.spoken_on()
    if not weekday:
        return context.reference
    return context.reference + relativedelta(weekday=WEEKDAYS[weekday - 1](-1))


def month(context: Context, month: str, when: str = "") -> str:
    if not 1 <= _int(month) <= 12:
        raise Unresolved(f"no month {month}")
    year = _year_of_paragraph(context, when)
    if year is not None:
        context.used.append(str(context.anchor))
        return _at(date(_beside_season(context.anchor, year, _int(month)), _int(month), 1), "month")
    penalty = _penalty(context, when, MONTH_TENSE_PENALTY_DAYS)
    return _at(_year_of(context, _months(_int(month), 1), when, penalty=penalty), "month")


def _beside_season(anchor: str | None, year: int, month: int) -> int:
    """The year of a month a narrative names after a season: the occurrence nearest the season,
    which may run into the next year ("The winter of 1915–16 was harsh, and the armies fought
    little until March" is March 1916; after "the autumn of 1916", "In January" is 1917)."""
    period = _period(anchor)
    if period is None or period[1] != "season":
        return year
    first = 12 * period[0].year + period[0].month - 1

    def distance(y: int) -> int:
        at = 12 * y + month - 1
        return max(first - at, at - (first + 2), 0)

    return min((year, year + 1, year - 1), key=distance)


def month_span(context: Context, first: str, last: str, end: str) -> str:
    """One end (``end`` 0 or 1) of a yearless span of months ("from March to May", "between
    November and February"): the span is placed as a whole, by tense, so that its end never
    comes before its start and both lie in one year unless it runs over the new year."""
    start, stop = _int(first), _int(last)
    if not (1 <= start <= 12 and 1 <= stop <= 12):
        raise Unresolved(f"no months {first}-{last}")
    count = (stop - start) % 12 + 1
    penalty = _penalty(context, "", MONTH_TENSE_PENALTY_DAYS)
    begins = _year_of(context, _months(start, count), "", penalty=penalty)
    return _at(_shifted(begins, "month", (count - 1) * _int(end)), "month")


def _penalty(context: Context, when: str, ungoverned: int) -> int:
    """How far a yearless period on the wrong side of its clause's tense is pushed away: past
    any other occurrence when the verb surely governs it, else by ``ungoverned`` days."""
    return GOVERNED_PENALTY_DAYS if not when and context.governing() else ungoverned


def month_day(context: Context, month: str, day: str, when: str = "", weekday: str = "") -> str:
    """A yearless date; named with its weekday ("Friday, March 3"), in a year where they agree."""
    _date(2000, _int(month), _int(day))  # a day that exists in some year (Feb. 29 included)

    def fits(first: date) -> bool:
        return not weekday or first.isoweekday() == _int(weekday)

    # ``when`` "on": the day of the event of a verb ("will host the visitors on Aug. 20"). A future
    # verb that governs it puts it ahead however near it lies behind; a past one only weighs it
    # (as a month's name: "Cases rose on Feb. 1" is months back), as the day just ahead of a past
    # clause is often the deadline it set ("had been set to expire Nov. 6"), and so does a verb
    # the date does not time ("will review the Aug. 20 crash").
    event_day, when = when == "on", "" if when == "on" else when
    year = _year_of_paragraph(context, when, (_int(month), _int(day)))
    if year is not None and (_int(month), _int(day)) != (2, 29) and fits(date(year, _int(month), _int(day))):
        context.used.append(str(context.anchor))
        return date(year, _int(month), _int(day)).isoformat()
    ahead = event_day and context.tense() == FUTURE
    if ahead:
        penalty = _penalty(context, when, TENSE_PENALTY_DAYS)
    elif event_day and context.tense() == PAST and context.governing():
        penalty = MONTH_TENSE_PENALTY_DAYS
    else:
        penalty = TENSE_PENALTY_DAYS
    span_in = _day(lambda y: _leap_safe(y, _int(month), _int(day)))
    return _year_of(context, span_in, when, fits, penalty).isoformat()


def _year_of_paragraph(context: Context, when: str, day: tuple[int, int] | None = None) -> int | None:
    """Another year than the reference's, where a yearless day (``day``: month and day), month
    or quarter told with no direction (``when`` empty) lies: the year the date named last opens
    the sentence with ("Last year, the first frost came on Nov. 2"; "In 2028, the museum will
    open on May 3"), unless said ahead of a past year ("Last year it agreed ...; it will vote on
    March 3"), but for the historical present ("In 1865, Lincoln travels to Richmond on April
    4"); or the past year of a story's background that the sentence narrates (see
    ``NARRATED``)."""
    anchor = _period(context.anchor)
    if when or not anchor or anchor[0].year == context.reference.year:
        return None
    # The sentence the year opens: after it, a schedule is the news of the day as often as not
    # ("Last year, the chain opened 12 stores. Its next one opens on March 3").
    if anchor[1] == "year" and context.anchor_opens_sentence():
        if context.tense() == FUTURE and not context.scheduled() and anchor[0] < context.reference:
            return None
        return anchor[0].year
    if anchor[0].year >= context.reference.year or not _names_its_year(anchor[1]):
        return None
    narrated = context.background()
    if narrated in (NARRATED_AFTER, NARRATED_WITHIN) and day is not None:
        first, grain = anchor
        # In one sentence a day's month holds the next day named ("from 14 to 17 October").
        period = (
            str(context.anchor)[:7] if grain == "day" and narrated == NARRATED_WITHIN else str(context.anchor)
        )
        narrated = grain != "year" and _within(_leap_safe(first.year, *day), period)
    return anchor[0].year if narrated and narrated != NARRATED_WITHIN else None


def _names_its_year(grain: str) -> bool:
    """Whether a date of ``grain`` names its year ("in the 1990s" does not)."""
    return GRAINS.index(grain) <= GRAINS.index("year")


def named_day(context: Context, month: str, day: str, year: str = "") -> str:
    """A date with or without its year ("Sept. 30", "Sept. 30, 2024")."""
    return date_(context, year, month, day) if year else month_day(context, month, day)


def week_of_month(context: Context, which: str, month_: str, year: str = "") -> str:
    """ "The second week of June": the ISO week that holds most of its seven days (June 8 to
    14: the week of June 11)."""
    first = date(_int(year), _int(month_), 1) if year else date.fromisoformat(month(context, month_) + "-01")
    return _at(first + timedelta(days=7 * (_int(which) - 1) + 3), "week")


def week_of(context: Context, month: str, day: str, year: str = "") -> str:
    """ "The week of March 6": the ISO week of that day."""
    return _at(date.fromisoformat(named_day(context, month, day, year)), "week")


def period_ending(context: Context, grain: str, month: str, day: str, year: str = "") -> str:
    """ "The quarter ended Sept. 30": the period the text reports on, if it named one ("the
    fiscal first quarter"), as a fiscal quarter's number is not the calendar's; else the
    calendar period most of the span ending that day lies in (August to October: the third)."""
    if context.periods.get(grain):
        context.used.append(context.periods[grain])
        return context.periods[grain]
    last = date.fromisoformat(named_day(context, month, day, year))
    first = _shifted(last + timedelta(days=1), grain, -1)
    return _at(first + (last - first) / 2, grain)


def day_of_month(context: Context, day: str, when: str = "") -> str:
    """ "On the 14th": that day of the reference's month, or of the month before or after;
    ``m1`` ("the 14th of next month") fixes the month."""
    ref = context.reference
    spans = []
    for k in (_int(when[1:]),) if when.startswith("m") else (-1, 0, 1):
        month = ref.month + k
        try:
            spans.append(_date(ref.year + (month - 1) // 12, (month - 1) % 12 + 1, _int(day)))
        except Unresolved:
            continue
    if not spans:
        raise Unresolved(f"no day {day}")
    context.used.append(ref.isoformat())
    tense = context.tense() if not when else (PAST if when == "past" else FUTURE)

    def cost(candidate: date) -> int:
        wrong = (tense == PAST and candidate > ref) or (tense == FUTURE and candidate < ref)
        return abs((candidate - ref).days) + (31 if wrong else 0)

    return min(spans, key=cost).isoformat()


def _leap_safe(year: int, month: int, day: int) -> date:
    """Feb. 29 in a year without one stands for Feb. 28 when choosing the year."""
    if (month, day) == (2, 29) and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, month, day)


def weekday(context: Context, day: str, when: str = "", offset: str = "") -> str:
    """A weekday by tense: news means the one before publication unless the clause is future.

    ``a-1``/``a1`` count from the day the text named last instead ("the previous Friday");
    ``offset`` moves the day found by that many days ("the day before last Tuesday")."""
    return _days_after(date.fromisoformat(_weekday(context, day, when)), offset)


def _weekday(context: Context, day: str, when: str) -> str:
    ref, index = context.reference, _int(day) - 1
    if not 0 <= index < 7:
        raise Unresolved(f"no weekday {day}")
    if when.startswith("a"):  # "the previous Friday": from the day the text named last, if any
        when, anchor = when[1:], _period(context.anchor)
        ref = anchor[0] if anchor and anchor[1] == "day" else ref
    week = _period(context.periods.get("week"))
    if not when and week and context.anchor_nearby("week") and context.tense() == UNKNOWN:
        context.used.append(context.periods["week"])  # "This weekend looks dry, with frost early Saturday"
        return (week[0] + timedelta(days=index)).isoformat()
    context.used.append(ref.isoformat())
    if when in ("-1", "1"):  # "last Friday", "next Monday": never the reference day itself
        step = int(when)
        return (ref + relativedelta(days=step, weekday=WEEKDAYS[index](step))).isoformat()
    if when == "0" or when.startswith("w"):  # "this Friday", "Friday next week" (w1): in that week
        weeks = _int(when[1:]) if when.startswith("w") else 0
        return (ref + timedelta(days=index - ref.weekday(), weeks=weeks)).isoformat()
    if when == "governed":  # "Friday's vote": ahead only when its own verb says so ("ahead of")
        when = "" if context.governing() else "past"
    if not when and context.nearest():  # "issued an ultimatum ... starting at noon Saturday"
        before, after = (ref + relativedelta(weekday=WEEKDAYS[index](k)) for k in (-1, 1))
        return (before if ref - before <= after - ref else after).isoformat()
    future = when == "future" or (when != "past" and context.tense() == FUTURE)
    return (ref + relativedelta(weekday=WEEKDAYS[index](1 if future else -1))).isoformat()


def weekend(context: Context, when: str = "") -> str:
    """The Saturday and Sunday of a week: ``2025-W20-WE``."""
    ref = context.reference
    context.used.append(ref.isoformat())
    if when in ("-1", "0", "1"):
        day = ref + timedelta(weeks=int(when))
    elif context.tense() == FUTURE:
        day = ref + relativedelta(weekday=SA(1))
    else:  # "over the weekend": the one just past, or this one if it is the weekend
        day = ref if ref.weekday() >= 5 else ref + relativedelta(weekday=SA(-1))
    return _at(day, "week") + "-WE"


def shift(context: Context, grain: str, count: str, sign: str = "1") -> str:
    """The reference moved by ``count`` grains, written at that grain ("last year" → 2024)."""
    if grain not in _STEP:
        raise Unresolved(f"unknown grain {grain!r}")
    if count == "X":
        return "FUTURE_REF" if _int(sign) > 0 else "PAST_REF"
    start = _now(context) if grain == "day" else context.reference  # "tomorrow," he said Tuesday
    context.used.append(start.isoformat())
    number = float(count) * _int(sign)
    moved = _shifted(start, grain, number)
    if number != int(number):  # "a year and a half ago" is a month; "half a century ago" a year
        grain = "year" if grain in ("decade", "century") else "month"
    return _at(moved, grain)


def ago(context: Context, grain: str, count: str, of: str = "", at: str = "") -> str:
    """ "Three years ago": from the reference; but a year before a quarter or half the text
    reports on ("profit rose from $5m a year ago") is that period a year earlier; after a
    span of months ("for the nine months, ... a year ago") it is the year before, and after a
    month of that period named since ("fell 11% in June, versus 3% a year ago") that month.  ``of``
    names the period meant ("the quarter a year ago"): the last one of that grain named;
    ``at`` the grain of a retrospective ("forty years ago this week")."""
    if at:
        return moved_at(context, grain, count, at, "-1")
    reported = context.periods.get(of) if of else context.reported
    if reported and grain == "year" and count != "X" and grain_of(reported) in ("quarter", "half"):
        month = _period(context.anchor)
        if not of and month and month[1] == "month" and _within(month[0], reported):
            reported = str(context.anchor)  # "fell 11% in June, versus 3% a year ago"
        return _from_anchor(context, reported, grain, -float(count))
    return shift(context, grain, count, "-1")


def _within(day: date, value: str) -> bool:
    """Whether ``day`` lies in the period ``value`` names."""
    period = _period(value)
    return bool(period and period[0] <= day < _shifted(period[0], period[1], 1))


def relative(context: Context, grain: str, count: str, sign: str = "1") -> str:
    """ "Two days later", "a year earlier": from the date the text last named, written at its
    grain, when that date is at least as precise as the step; else from the reference.  A day
    of the publication week ("said Tuesday") names when the news was told, not a date of
    the story: a month or more from it counts from the reference ("... said Tuesday.
    Attendance was higher than a year before" is last year)."""
    anchor = _period(context.anchor)
    year = _period(context.periods.get("year"))
    if (
        anchor
        and year
        and GRAINS.index(grain) > GRAINS.index("year")
        and 0 <= anchor[0].year - year[0].year <= 1
    ):
        # "In 1998, a fire ... reopened the following spring. Two decades later": a count of
        # decades is of years, from the year the text wrote, not from a step just after it.
        return _from_anchor(context, context.periods["year"], grain, float(count) * _int(sign))
    if (
        count == "X"
        or not anchor
        or GRAINS.index(anchor[1]) > GRAINS.index(grain)
        or (_in_publication_week(context, anchor) and GRAINS.index(grain) >= GRAINS.index("month"))
    ):
        return shift(context, grain, count, sign)
    return _from_anchor(context, str(context.anchor), grain, float(count) * _int(sign))


# The times of a day after which its own night follows ("started on Sunday afternoon, grew
# overnight" is Sunday night): the parts from noon on, and clock times from noon on.
_LATE_PARTS = ("MI", "AF", "EV", "NI")
NOON = "12:00"


def overnight(context: Context) -> str:
    """ "Overnight": the night before the day the text named last ("fell on June 7 after
    overnight losses in New York"), or the night before the reference if it named none; but
    after a later part of that day in its own sentence ("a fire that started on Sunday
    afternoon grew overnight") that day's own night, the one that follows it ("Buses arrived
    in the afternoon.  Hours before, drones struck overnight" is the night before)."""
    anchor = _period(context.anchor)
    time_of_day = context.anchor_time
    late = _from(time_of_day, _LATE_PARTS, NOON)
    if anchor and anchor[1] == "day" and late and context.anchor_in_sentence():
        context.used.append(str(context.anchor))
        return str(context.anchor)
    return relative(context, "day", "1", "-1")


def moved_at(context: Context, grain: str, count: str, at: str, sign: str = "") -> str:
    """The reference moved by ``count`` grains (times ``sign``) and written at grain ``at``:
    "forty years ago this week" is the week of the publication day forty years back, "this
    time last year" that day a year back."""
    if grain not in _STEP or at not in _WRITE:
        raise Unresolved(f"unknown grain {grain!r} or {at!r}")
    context.used.append(context.reference.isoformat())
    return _at(_shifted(context.reference, grain, _int(count) * _int(sign or "1")), at)


def same_day_in(context: Context, at: str, year: str) -> str:
    """ "On this day in 1986": the publication day (or its week or month) in another year."""
    if at not in _WRITE:
        raise Unresolved(f"unknown grain {at!r}")
    ref = context.reference
    return _at(_leap_safe(_int(year), ref.month, ref.day), at)


# What a count of a unit of "after the earthquake" moves a date by.
_GRAIN_OF_UNIT = {"D": "day", "W": "week", "M": "month", "Y": "year", "DE": "decade", "CE": "century"}


def since_happening(
    context: Context, happening: str, count: str, unit: str, offset: str = "0", sign: str = "1"
) -> str:
    """ "A year after the earthquake", "the first anniversary of the attack": the date the text
    gave that happening, moved by ``count`` (plus ``offset``: "the 10th day of the strike" is
    nine days after its first; ``sign`` -1 before it), at that date's grain; none if the text
    dated it nowhere, or less precisely than the step ("two days after the flood" of March)."""
    dated = context.dated(happening) if happening else None
    period = _period(dated)
    grain = _GRAIN_OF_UNIT.get(unit, "")
    if period is None or not grain or GRAINS.index(period[1]) > GRAINS.index(grain):
        raise Unresolved(f"no date of {happening!r} to count {unit} from")
    return _from_anchor(context, str(dated), grain, (_int(count) + _int(offset)) * _int(sign))


def _in_publication_week(context: Context, anchor: tuple[date, str]) -> bool:
    """Whether the anchor is a day at most a week from the reference."""
    return anchor[1] == "day" and abs((anchor[0] - context.reference).days) <= PUBLICATION_WEEK_DAYS


def following(context: Context, grain: str, sign: str, when: str = "") -> str:
    """ "The following year", "the previous month": the period next to the date the text named
    last, when that date is at least as precise; else next to the reference's.  With ``when``
    ``past`` only in a past clause ("was re-elected the next year"; "in the next year" is
    the coming one)."""
    anchor = _period(context.anchor)
    deictic = when == "past" and context.tense() != PAST
    if deictic or not anchor or GRAINS.index(anchor[1]) > GRAINS.index(grain):
        return shift(context, grain, "1", sign)
    context.used.append(str(context.anchor))
    return _like(context.anchor, _at(_shifted(anchor[0], grain, _int(sign)), grain))


def _from_anchor(context: Context, anchor: str, grain: str, count: float) -> str:
    start, anchor_grain = _period(anchor) or (context.reference, "day")
    context.used.append(anchor)
    return _like(anchor, _at(_shifted(start, grain, count), anchor_grain))


def story_period(context: Context, grain: str) -> str:
    """ "The end of the year", "earlier in the month": in a story's background (see
    ``_year_of_paragraph``), the period of the date named last, when it is at least as precise;
    else the reference's."""
    anchor = _period(context.anchor)
    if (
        anchor
        and grain in GRAINS
        and GRAINS.index(anchor[1]) <= GRAINS.index(grain)
        and _year_of_paragraph(context, "") is not None
    ):
        context.used.append(str(context.anchor))
        return _like(context.anchor, _at(anchor[0], grain))
    return shift(context, grain, "0")


def same(context: Context, grain: str = "") -> str:
    """ "That year", "the same day", "later that month": the period of the date the text
    named last (for "that year", of the last one whose year it gave: ``Context.that_year``),
    when that date is at least as precise; else, for a day, the day its paragraph named last;
    else the reference's."""
    grain = grain or "day"
    year = _period(context.that_year)
    if grain == "year" and year and GRAINS.index(year[1]) <= GRAINS.index(grain):
        context.used.append(str(context.that_year))
        return _like(context.that_year, _at(year[0], grain))
    anchor = _period(context.anchor)
    if anchor and (anchor[1], grain) in _UNSPECIFIED:  # "last October ... that same day"
        context.used.append(str(context.anchor))
        return str(context.anchor) + _UNSPECIFIED[anchor[1], grain]
    if not anchor or GRAINS.index(anchor[1]) > GRAINS.index(grain):
        day = context.periods.get("day")
        if grain == "day" and day and context.anchor_nearby("day"):  # "on Wednesday ... the fourth
            context.used.append(day)  # quarter ... the same day": the day of the paragraph
            return day
        return shift(context, grain, "0")
    context.used.append(str(context.anchor))
    return _like(context.anchor, _at(anchor[0], grain))


# A day or month of a coarser period the text named: a day of October 1998 is 1998-10-XX.
_UNSPECIFIED = {("month", "day"): "-XX", ("year", "month"): "-XX", ("year", "day"): "-XX-XX"}


def current(context: Context, grain: str, which: str = "") -> str:
    """ "The quarter", "the latest quarter": the one the text reports on (the last such
    period it named; for "latest", only if it is over), else the last complete one, or the
    one containing the reference in a future clause."""
    reported = _period(context.periods.get(grain))
    if reported and (which != "latest" or _shifted(reported[0], grain, 1) <= context.reference):
        context.used.append(context.periods[grain])
        return context.periods[grain]
    complete = which == "latest" or context.tense() != FUTURE
    return shift(context, grain, "1" if complete else "0", "-1")


def in_year(context: Context, grain: str, year: str) -> str:
    """ "The 1988 quarter": the period the text reports on, in another year; else the year."""
    reported = _period(context.periods.get(grain))
    if not reported:
        return f"{_int(year):04d}"
    context.used.append(context.periods[grain])
    return _like(context.periods[grain], _at(reported[0].replace(year=_int(year)), grain))


def quarter(context: Context, which: str, when: str = "") -> str:
    """A quarter of the given year, of the year opening the sentence, or of the year the tense
    points to; after a fiscal quarter ("the fourth quarter of fiscal 2026 ... first-quarter
    results in October"), of the fiscal years it counts in."""
    q = _int(which)
    if not 1 <= q <= 4:
        raise Unresolved(f"no quarter {which}")
    named = context.periods.get("quarter", "")
    if named.startswith(FISCAL) and when in ("", "tense"):
        return _fiscal_quarter(context, named, q)
    if context.periods.get(FISCAL_YEAR) and when in ("", "tense"):
        return _of_fiscal_year(context, f"Q{q}")
    year = _year_of_paragraph(context, when)
    if year is not None:  # "In calendar 2024, it opened 40 stores, most in the third quarter"
        context.used.append(str(context.anchor))
        return f"{year:04d}-Q{q}"
    penalty = _penalty(context, when, TENSE_PENALTY_DAYS)
    return _at(_year_of(context, _months(3 * q - 2, 3), when, penalty=penalty), "quarter")


def _of_fiscal_year(context: Context, part: str) -> str:
    """A quarter or half (``part``) of the fiscal year the text named last ("Fiscal 2025 sales
    rose; in the fourth quarter ..." is ``FY2025-Q4``)."""
    year = context.periods[FISCAL_YEAR]
    context.used.append(year)
    return f"{FISCAL}{year}-{part}"


def _fiscal_quarter(context: Context, named: str, q: int) -> str:
    """Quarter ``q`` of the fiscal year of the fiscal quarter named last, or of the year before
    or after it, as the tense says: in the past, the latest not after it; ahead, the first
    after it ("will report first-quarter results"); else the one of its fiscal year."""
    period = _period(named)
    if not period:
        raise Unresolved(f"no fiscal quarter {named}")
    first = period[0]
    index = 4 * first.year + (first.month - 1) // 3
    same = 4 * first.year + q - 1
    candidates = (same - 4, same, same + 4)
    tense = context.tense()
    if tense == PAST:
        chosen = max(c for c in candidates if c <= index)
    elif tense == FUTURE:
        chosen = min(c for c in candidates if c > index)
    else:
        chosen = same
    context.used.append(named)
    return f"{FISCAL}{chosen // 4:04d}-Q{q}"


def fiscal(context: Context, grain: str, which: str) -> str:
    """A part of the fiscal year the text speaks of: "the second half of the fiscal year"
    after "fiscal 2027" is ``FY2027-H2``; with no year named, the reference's year."""
    named = _period(context.periods.get("year"))
    year = named[0].year if named else context.reference.year
    context.used.append(context.periods["year"] if named else context.reference.isoformat())
    letter = {"half": "H", "quarter": "Q"}[grain.lower()]
    return f"{FISCAL}{year:04d}-{letter}{_int(which)}"


def half(context: Context, which: str, when: str = "") -> str:
    h = _int(which)
    if h not in (1, 2):
        raise Unresolved(f"no half {which}")
    if context.periods.get(FISCAL_YEAR) and when in ("", "tense"):
        return _of_fiscal_year(context, f"H{h}")
    penalty = _penalty(context, when, TENSE_PENALTY_DAYS)
    return _at(_year_of(context, _months(6 * h - 5, 6), when, penalty=penalty), "half")


def season(context: Context, which: str, when: str = "") -> str:
    """A season of the given year, of the year opening the sentence or narrated, or by tense."""
    year = _year_of_paragraph(context, when)
    if year is not None:  # "The plant opened in 1998. In the spring, it had 400 workers"
        context.used.append(str(context.anchor))
        return f"{year:04d}-{which}"
    return _at(_year_of(context, _months(SEASON_START[which], 3), when), "season")


def holiday(context: Context, spec: str, when: str = "", offset: str = "", weekday: str = "") -> str:
    """A holiday by tense or ``when``; ``offset`` days away from it ("the day after Christmas"),
    or with a ``weekday``, the first such day on that side of it ("the Friday after
    Thanksgiving": ``holiday(11FR4,,1,5)``).  A past verb that governs the day names one gone
    by, however near the coming one lies ("Stores opened on Thanksgiving", the day before it);
    a week or weekend of it may have begun already ("as Easter week began")."""
    if not when and context.tense() == PAST and context.governing():
        when = "past"
    return _holiday(context, spec, when, offset, weekday)


def _holiday(context: Context, spec: str, when: str = "", offset: str = "", weekday: str = "") -> str:
    day = _narrated_holiday(context, spec, when) or _year_of(
        context, _day(lambda y: _holiday_in(spec, y)), when
    )
    if weekday:
        step = _int(offset)
        return (day + relativedelta(days=step, weekday=WEEKDAYS[_int(weekday) - 1](step))).isoformat()
    return _days_after(day, offset)


def _narrated_holiday(context: Context, spec: str, when: str) -> date | None:
    """The holiday of the past year a narrative tells of, as a yearless day ("The battle ended
    in October 1916, and on Christmas Eve the two sides agreed a truce"; see ``NARRATED``)."""
    anchor = _period(context.anchor)
    if when or not anchor:
        return None
    day = _holiday_in(spec, anchor[0].year)
    return day if _year_of_paragraph(context, when, (day.month, day.day)) == day.year else None


# How near the publication a day named after a holiday must be to be that holiday's: "election
# night" in a story of early November is Election Day's; in a story of April it is another
# election's, which its words do not date.
NEAR_HOLIDAY_DAYS = 45


def holiday_near(context: Context, spec: str, when: str = "") -> str:
    """A holiday's day, for a name that means it only near it ("election night")."""
    day = date.fromisoformat(_holiday(context, spec, when))
    if abs((day - context.reference).days) > NEAR_HOLIDAY_DAYS:
        raise Unresolved(f"{spec}: {day} is too far from {context.reference} to be meant")
    return day.isoformat()


def holiday_week(context: Context, spec: str, when: str = "") -> str:
    """ "Thanksgiving week": the ISO week the holiday falls in."""
    return _at(date.fromisoformat(_holiday(context, spec, when)), "week")


def holiday_weekend(context: Context, spec: str, when: str = "") -> str:
    """ "The Labor Day weekend": the weekend next to the holiday, the one before a Monday."""
    day = date.fromisoformat(_holiday(context, spec, when))
    return _at(day - timedelta(days=1 if day.weekday() == 0 else 0), "week") + "-WE"


def _holiday_in(spec: str, year: int) -> date:
    m = _HOLIDAY.fullmatch(spec)
    if not m:
        raise Unresolved(f"bad holiday rule {spec!r}")
    if m.group(3):
        return easter(year) + timedelta(days=int(m.group(3)))
    month, rule = int(m.group(1)), m.group(2)
    if rule.isdigit():
        return _date(year, month, int(rule))
    first = date(year, month, 1)
    if rule == "TUE":  # US election day: the Tuesday after the first Monday
        return first + relativedelta(days=1) + relativedelta(weekday=TU(1))
    index = ("MO", "TU", "WE", "TH", "FR", "SA", "SU").index(rule[:2])
    if rule[2] == "L":
        return first + relativedelta(day=31, weekday=WEEKDAYS[index](-1))
    return first + relativedelta(weekday=WEEKDAYS[index](int(rule[2])))


def clock(
    context: Context,
    hour: str,
    minute: str = "",
    half_day: str = "",
    day: str = "",
    month: str = "",
    mday: str = "",
    when: str = "",
) -> str:
    """A time of day on a weekday (``day``, by tense or ``when``), on a date (in the year
    ``when`` gives, if it gives one), or else on the
    day the text is at: the day it named last ("on Thursday ... at 9:40 p.m."), or the
    reference day."""
    at = _time_of_day(hour, minute, half_day)
    if month:
        return f"{month_day(context, month, mday, when)}T{at}"
    return f"{weekday(context, day, when) if day else _day_at(context, at)}T{at}"


def _day_at(context: Context, at: str) -> str:
    """The day the text named last, if it named a day, else the reference: a clock time is
    not put on an unknown day of a month.  A day gone by that an earlier paragraph named is
    no day for a time in a clause not in the past ("Polls close at 8 p.m." after a story of
    Saturday's flood), though a coming day is ("Voters go to the polls Thursday.").  A
    coarser date named since the paragraph's day does not take the time off that day ("On
    Tuesday, the council, formed in 2019, voted at 3 p.m.").  After that day's midnight, a time
    in the small hours is of the next day ("shortly before midnight on Saturday ... at 12:15
    a.m.").  A time in the past is on no day still ahead but on the last day named that is gone
    by ("late Thursday ... will appear in court on Monday ... began shortly after 11 p.m."), also
    when a coarser date was named since ("won on Tuesday ... will take office in January ...
    conceded shortly after 11 p.m." is Tuesday's).
    On no day named, a time ``at``
    gone by later in the day than the publication ("Polls closed at 7:30 p.m." in a story
    published at 06:10) is of the day before."""
    anchor = _period(context.anchor)
    day = context.periods.get("day")
    named = None
    if (not anchor or anchor[1] != "day") and day and context.anchor_nearby("day"):
        named = day
    elif (
        anchor
        and anchor[1] == "day"
        and (anchor[0] >= context.reference or context.anchor_nearby() or context.tense() == PAST)
    ):
        named = str(context.anchor)
    if named and named > context.reference.isoformat() and context.tense() == PAST:
        named = context.past_day()  # "will appear in court on Monday ... The fire began after 11 p.m."
    elif not named and context.tense() == PAST:
        # "won the race on Tuesday ... will take office in January ... conceded after 11 p.m."
        named = context.past_day()
    if named and named == context.anchor and context.anchor_time == MIDNIGHT[1:] and at < SMALL_HOURS_END:
        context.used.append(named)  # "midnight on Saturday ... at 12:15 a.m."
        return (date.fromisoformat(named) + timedelta(days=1)).isoformat()
    gone_by = _gone_by_since_publication(context, at)
    if named and (named != context.reference.isoformat() or not gone_by):
        context.used.append(named)
        return named
    if not gone_by:
        return today(context)
    context.used.append(context.reference.isoformat())
    context.inferred = True
    return (context.reference - timedelta(days=1)).isoformat()


def _gone_by_since_publication(context: Context, at: str) -> bool:
    """Whether a time of the publication day said in the past is later than the publication:
    then it is of the day before.  Not when the text told of that day's evening as past ("The
    board voted on Tuesday night ... a comment period that lasted past 10 p.m." in a story
    stamped 21:05): the page's time is then that of its first version, and the story runs on
    into that evening."""
    return (
        bool(context.published_at)
        and at > context.published_at
        and context.tense() == PAST
        and not context.evening_told()
    )


# The parts of a day from the evening on, and the clock times (from 18:00) that name them.
_EVENING_PARTS = ("EV", "NI")
EVENING = "18:00"


def is_evening(value: str) -> bool:
    """Whether a TIMEX3 value is an evening or a night, by part of day or clock time."""
    return _from(value.partition("T")[2], _EVENING_PARTS, EVENING)


def _from(time_of_day: str, parts: tuple[str, ...], clock: str) -> bool:
    """Whether a time of day ("EV", "21:00") is one of ``parts`` or a clock time from ``clock`` on."""
    return time_of_day in parts or (":" in time_of_day and time_of_day >= clock)


def stamp(context: Context, hour: str, minute: str = "", half_day: str = "") -> str:
    """A time that stamps a live report ("Update, 4:15 p.m.:"): on the day of publication,
    whatever day the text named last."""
    return f"{today(context)}T{_time_of_day(hour, minute, half_day)}"


def _time_of_day(hour: str, minute: str, half_day: str) -> str:
    h, m = _int(hour), _int(minute) if minute else 0
    if half_day == "pm" and h < 12:
        h += 12
    elif half_day == "am" and h == 12:
        h = 0
    if not (0 <= h <= 24 and 0 <= m < 60):
        raise Unresolved("no such time")
    return f"{h:02d}:{m:02d}"


FUNCTIONS: dict[str, Callable[..., str]] = {
    "date": date_,
    "date_before": date_before,
    "year_month": year_month,
    "year": year,
    "year_after": year_after,
    "decade": decade,
    "century": century,
    "duration": duration,
    "today": today,
    "ahead": ahead,
    "month": month,
    "month_span": month_span,
    "month_day": month_day,
    "day_of_month": day_of_month,
    "week_of": week_of,
    "week_of_month": week_of_month,
    "named_day": named_day,
    "period_ending": period_ending,
    "weekday": weekday,
    "weekend": weekend,
    "shift": shift,
    "moved_at": moved_at,
    "same_day_in": same_day_in,
    "since_happening": since_happening,
    "ago": ago,
    "relative": relative,
    "overnight": overnight,
    "following": following,
    "current": current,
    "same": same,
    "story_period": story_period,
    "in_year": in_year,
    "quarter": quarter,
    "fiscal": fiscal,
    "half": half,
    "season": season,
    "holiday": holiday,
    "holiday_near": holiday_near,
    "holiday_week": holiday_week,
    "holiday_weekend": holiday_weekend,
    "clock": clock,
    "stamp": stamp,
}
