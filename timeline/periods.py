"""Dates at a precision: ``2025-05-16``, ``2025-W20``, ``2022-02``, ``2025-Q2``, ``2025-SU``,
``2024``, ``199`` (the 1990s).

An event's date is a period, not a day.  Everything that needs to order, compare,
display or export such dates goes through these small pure functions, so the rules
(ISO weeks, meteorological seasons, decades as three digits as in TIMEX3) live in one
place.  Every list, page and export of a site orders and labels its events with them, again
and again for the same few thousand values, so their answers are cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# Northern-hemisphere meteorological seasons, as TIMEX3's SP/SU/FA/WI.
SEASONS = {"SP": (3, "Spring"), "SU": (6, "Summer"), "FA": (9, "Autumn"), "WI": (12, "Winter")}

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("day", re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")),
    ("week", re.compile(r"^(\d{4})-W(\d{2})$")),
    ("month", re.compile(r"^(\d{4})-(\d{2})$")),
    ("quarter", re.compile(r"^(\d{4})-Q([1-4])$")),
    ("season", re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")),
    ("year", re.compile(r"^(\d{4})$")),
    ("decade", re.compile(r"^(\d{3})$")),
)


_CACHED = 1 << 16  # distinct values remembered: far more than a site's dates, bounded in a long run


class PeriodError(ValueError):
    """A date string that is not ISO 8601 at one of our precisions."""


@dataclass(frozen=True, order=True)
class Period:
    """A closed range of days with the precision it was stated at."""

    start: date
    end: date
    precision: str
    value: str

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end


@lru_cache(maxsize=_CACHED)
def precision_of(value: str) -> str:
    """The precision a value is written at; raises PeriodError for anything else."""
    for precision, pattern in _PATTERNS:
        if pattern.match(value):
            return precision
    raise PeriodError(f"not a date at a known precision: {value!r}")


@lru_cache(maxsize=_CACHED)
def parse(value: str) -> Period:
    """``'2022-02'`` → Period(2022-02-01 … 2022-02-28, 'month')."""
    precision = precision_of(value)
    m = dict(_PATTERNS)[precision].match(value)
    assert m is not None
    g = m.groups()
    try:
        if precision == "day":
            start = end = date(int(g[0]), int(g[1]), int(g[2]))
        elif precision == "week":
            start = date.fromisocalendar(int(g[0]), int(g[1]), 1)
            end = start + timedelta(days=6)
        elif precision == "month":
            start = date(int(g[0]), int(g[1]), 1)
            end = _month_end(start.year, start.month)
        elif precision == "quarter":
            first = 3 * (int(g[1]) - 1) + 1
            start, end = date(int(g[0]), first, 1), _month_end(int(g[0]), first + 2)
        elif precision == "season":
            first = SEASONS[g[1]][0]
            start = date(int(g[0]), first, 1)
            last = first + 2
            end = _month_end(int(g[0]) + (last > 12), (last - 1) % 12 + 1)
        elif precision == "year":
            start, end = date(int(g[0]), 1, 1), date(int(g[0]), 12, 31)
        else:
            decade = int(g[0]) * 10
            start, end = date(max(decade, 1), 1, 1), date(decade + 9, 12, 31)
    except ValueError as exc:
        raise PeriodError(f"not a valid date: {value!r} ({exc})") from None
    return Period(start, end, precision, value)


def format_value(day: date, precision: str) -> str:
    """The ISO value of the period of ``precision`` that contains ``day``."""
    if precision == "day":
        return day.isoformat()
    if precision == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if precision == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if precision == "season":
        # December belongs to the winter that starts in that year.
        code = {12: "WI", 1: "WI", 2: "WI"}.get(day.month) or ("SP", "SU", "FA")[(day.month - 3) // 3]
        year = day.year - 1 if day.month in (1, 2) else day.year
        return f"{year:04d}-{code}"
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "decade":
        return f"{day.year // 10:03d}"
    raise PeriodError(f"unknown precision: {precision!r}")


@lru_cache(maxsize=_CACHED)
def human(value: str) -> str:
    """How a reader sees a date: 'February 2022', '16 May 2025', 'Week of 12 May 2025'."""
    p = parse(value)
    s = p.start
    if p.precision == "day":
        return f"{s.day} {MONTH_NAMES[s.month - 1]} {s.year}"
    if p.precision == "week":
        return f"Week of {s.day} {MONTH_NAMES[s.month - 1]} {s.year}"
    if p.precision == "month":
        return f"{MONTH_NAMES[s.month - 1]} {s.year}"
    if p.precision == "quarter":
        return f"Q{(s.month - 1) // 3 + 1} {s.year}"
    if p.precision == "season":
        return f"{SEASONS[value[-2:]][1]} {s.year}"
    if p.precision == "year":
        return str(s.year)
    return f"{s.year - s.year % 10}s"


@lru_cache(maxsize=_CACHED)
def sort_key(value: str) -> tuple[date, int]:
    """Chronological order: by start, and a wider period before the days inside it."""
    p = parse(value)
    return (p.start, -(p.end - p.start).days)


def _month_end(year: int, month: int) -> date:
    nxt = date(year + month // 12, month % 12 + 1, 1)
    return nxt - timedelta(days=1)
