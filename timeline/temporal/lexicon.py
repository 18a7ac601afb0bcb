"""The language knowledge of the tagger, read from the tables in ``resources/``.

Vocabularies (``vocabularies.toml``) map words to values; fragments (``fragments.toml``)
are named regular-expression pieces; rules (``rules-*.toml``, one file per kind) are
patterns that refer to both by name (``{month} {day}, {year}``), with the value template,
type and mod they produce and example phrases.  This module turns the tables into compiled rules and
knows how to read a matched group back into a value; it holds no English itself.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from .triggers import Table, Triggers, read, table

RESOURCES = Path(__file__).resolve().parent / "resources"
# Rule files in the order their rules win ties between spans of equal length.
RULE_FILES = ("reject", "time", "date", "relative", "duration", "set")

_REFERENCE = re.compile(r"\{([a-z_]\w*)(?::(\w+))?\}")
# Blank: whitespace, or the zero-width characters web text leaves between words ("June\u200b14").
_BLANK = "[\\s\u200b\u200c\u200d\u2060\ufeff]"
_SPACES = re.compile(_BLANK + "+")
# Where an expression may start and end: not inside a word or a number ("1,000", "COVID-19").
# Every expression starts with a letter, a digit, an apostrophe ("the '90s"), a currency sign
# or a parenthesis (rejected money and phone numbers); checking that first lets every rule
# skip punctuation and spaces at once, which hostile input ("-" * 300000) is made of.  (A
# rule's finder repeats the first look-behind: ``triggers._WORD_START``.)
_LEFT = r"(?<![\w$£€#@/])(?=[\w'’$£€¥(])(?<![\d][,.])(?<![A-Za-z]-)"
_RIGHT = r"(?![\w%])(?![,.:/][0-9])(?!-[0-9])"


class LexiconError(ValueError):
    """A resource table that cannot be compiled: the message names the table and the entry."""


@dataclass(frozen=True)
class Rule:
    """One row of a rule table, compiled."""

    name: str
    regex: re.Pattern[str]
    groups: Mapping[str, str]  # group name → the vocabulary or fragment it reads
    type: str  # DATE | TIME | DURATION | SET, or "" for a rule that rejects its span
    parts: tuple[tuple[str, str], ...]  # (group whose span is the timex, "" for all; value template)
    # What the match yields when no part resolves: (group, type, value template), or None
    otherwise: tuple[str, str, str] | None
    # What every match contains, read from the pattern: a text without it is not searched with
    # the rule, which is most of the cost of tagging.
    triggers: Triggers
    finder: re.Pattern[str] | None  # finds fast where a match may start (see ``triggers``)
    # Words any match contains, as the table names them ("ago"): a further check, for rules
    # whose triggers say too little.
    needs: re.Pattern[str] | None
    mod: str
    anchored: bool  # a duration counted back from the reference ("39-month-old war")
    reports: bool  # names the span of the year a financial report is about ("the nine months")
    fiscal: bool  # names a fiscal year: a quarter named after it without a year is one of it
    # (phrase, expected value or None for no timex, its own publication day or None for the tests')
    examples: tuple[tuple[str, str | None, date | None], ...]


def key(words: str) -> str:
    """How a vocabulary is looked up: lower case, no dots, single spaces, plain apostrophes."""
    return _SPACES.sub(" ", words.lower().replace(".", "").replace("’", "'").replace("‑", "-")).strip()


@cache
def vocabularies() -> dict[str, dict[str, Any]]:
    """Every vocabulary as {lookup key: value}, ``_include`` unions expanded."""
    return {name: {key(k): v for k, v in _entries(name).items()} for name in _load("vocabularies.toml")}


def _entries(name: str) -> dict[str, Any]:
    table = _load("vocabularies.toml")[name]
    entries = {k: v for k, v in table.items() if not k.startswith("_")}
    for included in table.get("_include", ()):
        entries.update(_entries(included))
    return entries


@cache
def fragments() -> dict[str, dict[str, str]]:
    return _load("fragments.toml")


@cache
def tense_words() -> dict[str, Any]:
    return _load("tense.toml")


@cache
def rules() -> tuple[Rule, ...]:
    compiled = []
    for stem in RULE_FILES:
        for row in _load(f"rules-{stem}.toml").get("rule", []):
            compiled.append(_compile_rule(stem, row))
    return tuple(compiled)


@cache
def parser_for(source: str) -> Callable[[str], Any]:
    """The function that reads a group matched by vocabulary or fragment ``source``."""
    if source in vocabularies():
        table = vocabularies()[source]
        return lambda text: table.get(key(text))
    return _PARSERS[fragments()[source]["parse"]]


@cache
def _load(relative: str) -> dict[str, Any]:
    path = RESOURCES / relative
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{path}: {exc}") from exc


def vocabulary_regex(name: str) -> str:
    """A vocabulary's words as one regex (case as the vocabulary says), for the tense rules."""
    return _vocabulary_regex(name)


@cache
def _vocabulary_regex(name: str) -> str:
    table = _load("vocabularies.toml")[name]
    words = [k for k in table if not k.startswith("_")]
    if "_include" in table:
        parts = [_vocabulary_regex(t) for t in table["_include"]]
        return "(?:" + "|".join([*parts, phrase_regex(words)] if words else parts) + ")"
    if table.get("_case") == "title":
        return "(?-i:" + phrase_regex(form for w in words for form in (_title(w), w.upper())) + ")"
    return "(?:" + phrase_regex(words) + ")"


def phrase_regex(phrases: Iterable[str]) -> str:
    """Phrases as one regex that prefers the longest, like an alternation sorted by length,
    but branching letter by letter (a trie): the regex engine then tries a handful of
    branches at a word, not every phrase in turn.  Spaces match any run of whitespace,
    apostrophes and hyphens either form."""
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(trie)


def _branches(node: dict[str, dict]) -> str:
    pieces = [_CHAR.get(c, re.escape(c)) + _branches(child) for c, child in sorted(node.items()) if c]
    if not pieces:
        return ""
    body = pieces[0] if len(pieces) == 1 else "(?:" + "|".join(pieces) + ")"
    return f"(?:{body})?" if "" in node else body


_CHAR = {" ": _BLANK + "+", "'": "['’]", "-": "[-‑]"}


def _title(words: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in words.split(" "))


@cache
def _piece(name: str) -> str:
    """The regex of a vocabulary or fragment, with inner references expanded (not captured)."""
    if name in _load("vocabularies.toml"):
        return _vocabulary_regex(name)
    if name in fragments():
        inner = fragments()[name]["pattern"]
        return "(?:" + _REFERENCE.sub(lambda m: _piece(m.group(1)), inner) + ")"
    raise LexiconError(f"unknown vocabulary or fragment {{{name}}}")


def _compile_rule(stem: str, row: dict[str, Any]) -> Rule:
    name = row.get("name", "?")
    where = f"rules-{stem}.toml: rule {name!r}"
    groups: dict[str, str] = {}

    def expand(m: re.Match[str]) -> str:
        source, group = m.group(1), m.group(2) or m.group(1)
        if group in groups:
            raise LexiconError(f"group {group!r} used twice; name the second {{{source}:other}}")
        groups[group] = source
        return f"(?P<{group}>{_piece(source)})"

    try:
        body = _REFERENCE.sub(expand, _spaces(row["pattern"]))
        regex = re.compile(_LEFT + "(?:" + body + ")" + _RIGHT, re.IGNORECASE)
        examples = tuple(_example(e) for e in row["examples"])
        parts = _parts(row, regex)
        needs = _needs(row)
        triggers, finder = read(_analysed(row["pattern"]), regex.flags, _STANDS_FOR)
    except (KeyError, re.error, LexiconError, TypeError, ValueError) as exc:
        raise LexiconError(f"{where}: {exc}") from exc
    return Rule(
        name=name,
        regex=regex,
        groups=groups,
        type="" if row.get("reject") else row["type"],
        parts=parts,
        otherwise=_otherwise(row, regex),
        triggers=triggers,
        finder=finder,
        needs=needs,
        mod=row.get("mod", ""),
        anchored=bool(row.get("anchored", False)),
        reports=bool(row.get("reports", False)),
        fiscal=bool(row.get("fiscal", False)),
        examples=examples,
    )


def _analysed(pattern: str) -> str:
    """A rule's pattern as ``triggers`` reads it: references as placeholders (below), and at
    its edges what ``_LEFT`` and ``_RIGHT`` say of words."""
    return rf"(?<!\w)(?:{_placeholders(_spaces(pattern))})(?!\w)"


def _placeholders(pattern: str) -> str:
    """``pattern`` with each reference one character standing for its table (as a group of
    the same name): a pattern of a few dozen characters, cheap to read for triggers."""

    def place(m: re.Match[str]) -> str:
        return f"(?P<{m.group(2) or m.group(1)}>{_placeholder(m.group(1))})"

    return _REFERENCE.sub(place, pattern)


# What each placeholder character stands for: what its table matches (see ``triggers``).
_STANDS_FOR: dict[str, Table] = {}


@cache
def _placeholder(name: str) -> str:
    """A private-use character standing for a vocabulary or fragment in ``_STANDS_FOR``."""
    if name in _load("vocabularies.toml"):
        what = table(_vocabulary_regex(name), re.IGNORECASE, {})
    elif name in fragments():
        inner = _REFERENCE.sub(lambda m: _placeholder(m.group(1)), fragments()[name]["pattern"])
        what = table(inner, re.IGNORECASE, _STANDS_FOR)
    else:
        raise LexiconError(f"unknown vocabulary or fragment {{{name}}}")
    char = chr(0xE000 + len(_STANDS_FOR))
    _STANDS_FOR[char] = what
    return char


def _parts(row: dict[str, Any], regex: re.Pattern[str]) -> tuple[tuple[str, str], ...]:
    """What a match yields: one value over the match (or over its ``extent`` group), or with
    ``parts`` several, each over its own group ("May 15–16" is May 15 and May 16)."""
    if row.get("reject"):
        return ()
    if "parts" in row:
        parts = tuple((str(group), str(value)) for group, value in row["parts"])
    else:
        parts = (("extent" if "extent" in regex.groupindex else "", row["value"]),)
    missing = [group for group, _ in parts if group and group not in regex.groupindex]
    if missing:
        raise LexiconError(f"parts name groups the pattern lacks: {missing}")
    return parts


def _needs(row: dict[str, Any]) -> re.Pattern[str] | None:
    """``needs = "{before_after} the"``: what every match of the rule contains, as a pattern
    that may name vocabularies and fragments (not captured)."""
    if "needs" not in row:
        return None
    return re.compile(_REFERENCE.sub(lambda m: _piece(m.group(1)), _spaces(row["needs"])), re.IGNORECASE)


def _otherwise(row: dict[str, Any], regex: re.Pattern[str]) -> tuple[str, str, str] | None:
    """The fallback of a rule whose value may not resolve: ``["span", "DURATION", "duration(…)"]``
    ("a year after the war" is a date only when the text dated the war, else a span of a year)."""
    if "otherwise" not in row:
        return None
    group, kind, value = (str(item) for item in row["otherwise"])
    if group and group not in regex.groupindex:
        raise LexiconError(f"otherwise names a group the pattern lacks: {group!r}")
    return group, kind, value


def _spaces(pattern: str) -> str:
    """A space in a rule pattern matches any run of whitespace; " ?" an optional one.

    Inside a character class a space stays as written; inside a look-behind, which must
    have a fixed width, it matches exactly one whitespace character.
    """
    out: list[str] = []
    groups: list[bool] = []  # for each open group: is it a look-behind?
    in_class, i = False, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            groups.append(pattern.startswith(("(?<=", "(?<!"), i))
        elif c == ")" and groups:
            groups.pop()
        elif c == " ":
            optional = pattern[i + 1 : i + 2] == "?"
            out.append(_BLANK if any(groups) else _BLANK + ("*" if optional else "+"))
            i += 2 if optional else 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _example(entry: Any) -> tuple[str, str | None, date | None]:
    """``["on Friday", "2025-05-16"]``, or ``"the 72-year-old"`` for a phrase that is no timex;
    a third item is the phrase's own publication day (``"2024-11-07"``) where the value needs one."""
    if isinstance(entry, str):
        return entry, None, None
    phrase, expected, *published = entry
    return str(phrase), str(expected), date.fromisoformat(published[0]) if published else None


def _parse_int(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def _parse_ordinal(text: str) -> int | None:
    """ "20th" → 20, "twentieth" → 20."""
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else vocabularies()["ordinal"].get(key(text))


def _parse_ordinal_day(text: str) -> int | None:
    """ "eighth" → 8, "twenty-first" → 21."""
    return vocabularies()["day_ordinal"].get(key(text))


def _parse_spelled_year(text: str) -> int | None:
    """ "nineteen ninety-six" → 1996, "two thousand and one" → 2001."""
    words = [w for w in key(text).replace("-", " ").split() if w not in ("and", "oh")]
    if words[:2] == ["two", "thousand"]:
        century, words = 20.0, words[2:]
    else:
        century, words = _parse_number(words[0]), words[1:]
    rest = 0.0 if words in ([], ["hundred"]) else _parse_number(" ".join(words))
    return None if century is None or rest is None else int(century * 100 + rest)


def _parse_year2(text: str) -> int:
    two = int(text[-2:])
    return 1900 + two if two >= 30 else 2000 + two


def _parse_ampm(text: str) -> str:
    return "pm" if text[:1].lower() == "p" else "am"


def _parse_number(text: str) -> float | None:
    """ "39" → 39, "twenty-four" → 24, "2 1/2" → 2.5, "two and a half" → 2.5."""
    text = key(text)
    half = 0.0
    for suffix in (" and a half", "-and-a-half", "½"):
        if text.endswith(suffix):
            text, half = text[: -len(suffix)].strip(), 0.5
    fraction = re.fullmatch(r"([\d,]+)[ -](\d)/(\d)", text)
    if fraction:
        return int(fraction.group(1).replace(",", "")) + int(fraction.group(2)) / int(fraction.group(3))
    if re.fullmatch(r"[\d,]+(\.\d+)?", text):
        return float(text.replace(",", "")) + half
    words = vocabularies()["number_word"]
    if text in words:
        return words[text] + half
    total = 0
    for part in re.split(r"[- ]", text):
        if part not in words:
            return None
        total += words[part]
    return total + half


_PARSERS: dict[str, Callable[[str], Any]] = {
    "int": _parse_int,
    "number": _parse_number,
    "year2": _parse_year2,
    "ordinal": _parse_ordinal,
    "ordinal_day": _parse_ordinal_day,
    "spelled_year": _parse_spelled_year,
    "ampm": _parse_ampm,
    "text": str,  # as written: a part that only widens the span ("local time")
}
