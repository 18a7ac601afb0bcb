"""Where a rule may match, read from its pattern, so that the search skips texts and places
where it cannot.

Searching is most of the cost of tagging: Python's ``re`` tries each rule, case-insensitive
and opening with look-behinds, at every character of the text.  Two things read from a
rule's pattern narrow that down, and neither changes what is found:

- its *triggers*: a few sets of alternatives, one of each of which any text the rule
  matches contains: whole words where the pattern bounds them (``{month} {day}`` needs a
  month name as a word), pieces of a word where it does not.  A text is read once into its
  words (``Words``); a rule whose triggers it lacks is not searched.
- its *finder*: a pattern for the first characters of its matches at the start of a word
  ("jun", "jul", "ja" … for a rule opening with a month), written so that ``re`` skips in
  C every character that cannot start one; the rule is tried only where it stops.

The analysis walks the parse tree of Python's ``re`` (``re._parser``, ``sre_parse`` before
Python 3.11) of a rule's pattern with each vocabulary and fragment standing as one
character for its ``Table``; whatever it does not understand it takes as "may be
anything", so it can only ever search too much, never too little.  That parser is private
to ``re``: where neither module can be imported, or reading a pattern with it fails in any
way (a parse tree of another shape), the pattern may match anywhere and its rule is
searched everywhere — slower, never different.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

try:  # the parser of ``re`` itself and the names in its parse trees
    from re import _constants as sre
    from re import _parser
except ImportError:  # before Python 3.11
    try:
        import sre_constants as sre
        import sre_parse as _parser
    except ImportError:
        sre = _parser = None  # type: ignore[assignment]  # every pattern may match anywhere

# A pattern's alternatives are followed through its tables up to this many strings; past
# that, the piece counts as open-ended ("may be anything").
_LIMIT = 256
_EDGE = "|"  # a place where a word ends: a space, punctuation, ``\b`` or the text's edge
_WORD = re.compile(r"[^\W_]+")
# Characters Python's case-insensitive ``re`` takes for an ASCII letter that ``str.lower``
# does not lower to it (the dotted capital I, the dotless i, the long s), and the Kelvin sign,
# which it does.
_ODD_FORMS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLD = str.maketrans(_ODD_FORMS)
_KEPT = 3  # the strongest sets of alternatives a rule is checked for
# Alternatives with more pieces of words than this cost more to look for than they save.
_MOST_PIECES = 16
_HEAD = 3  # the first characters of a match a finder looks for
# A finder that stops at more kinds of first character (counting each case) stops at most
# letters of a text and saves nothing over the rule's own search.
_MOST_FIRSTS = 24
# After the first character of a match: nothing that continues a word stood before it (the
# look-behind a rule opens with, one character further on).
_WORD_START = r"(?<![\w$£€#@/].)"
# Names of parse trees that not every version of ``re`` has (possessive repeats and atomic
# groups came in 3.11) stand for nothing where it lacks them.
_REPEATS = tuple(getattr(sre, name, None) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"))
_ATOMIC_GROUP = getattr(sre, "ATOMIC_GROUP", None)
# What reading a pattern with ``re``'s private parser may raise when that parser is missing
# or not the one this module was written for.
_UNREADABLE = (ImportError, AttributeError, LookupError, TypeError, ValueError, RecursionError)


@dataclass(frozen=True)
class Words:
    """A text as the triggers look at it: lower-cased, and its set of words."""

    folded: str
    words: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Words:
        folded = text.translate(_FOLD).lower()
        return cls(folded, frozenset(_WORD.findall(folded)))


@dataclass(frozen=True)
class Alternatives:
    """One of these is in the text: a whole word, or a piece of a word."""

    words: frozenset[str]
    pieces: tuple[str, ...]

    def found_in(self, text: Words) -> bool:
        return not self.words.isdisjoint(text.words) or any(piece in text.folded for piece in self.pieces)


@dataclass(frozen=True)
class Triggers:
    """What every match of a pattern contains: each of ``needed`` (none: anything may match)."""

    needed: tuple[Alternatives, ...]

    def found_in(self, text: Words) -> bool:
        return all(alternatives.found_in(text) for alternatives in self.needed)


@dataclass(frozen=True)
class Table:
    """What a vocabulary or fragment matches, for the patterns that refer to it: its strings
    as triggers spell them (lower case, ``|`` where a word ends) and its heads (see
    ``_Reader.heads``), each ``None`` where they are too many to follow."""

    strings: frozenset[str] | None
    heads: frozenset[tuple[str, bool]] | None


def table(pattern: str, flags: int, stands_for: Mapping[str, Table]) -> Table:
    """What ``pattern`` matches, in which each character of ``stands_for`` stands for a table."""
    try:
        reader, items = _Reader(stands_for), _parse(pattern, flags)
        strings, heads = reader.known_sequence(items), reader.heads_sequence(items, _HEAD)
    except _UNREADABLE:
        return Table(None, None)
    return Table(None if strings is None else frozenset(strings), None if heads is None else frozenset(heads))


def read(
    pattern: str, flags: int, stands_for: Mapping[str, Table]
) -> tuple[Triggers, re.Pattern[str] | None]:
    """The triggers and the finder (``None``: any word may start a match) of ``pattern``, in
    which each character of ``stands_for`` stands for a table."""
    try:
        reader, items = _Reader(stands_for), _parse(pattern, flags)
        found = {frozenset(strings) for strings in reader.contained(items) if _strength(strings)}
        strongest = sorted(found, key=lambda strings: (-_strength(strings), sorted(strings)))[:_KEPT]
        alternatives = (a for a in map(_alternatives, strongest) if a and len(a.pieces) <= _MOST_PIECES)
        return Triggers(tuple(alternatives)), _finder(reader.heads_sequence(items, _HEAD))
    except _UNREADABLE:
        return Triggers(()), None


def _finder(heads: set[tuple[str, bool]] | None) -> re.Pattern[str] | None:
    """One class of every first character, then a branch per first character for the next
    ones: ``re`` sees that a match opens with one of a set and skips every other in C."""
    if heads is None or any(not head for head, _ in heads):
        return None
    rests: dict[str, set[str]] = {}
    for head, _ in heads:
        rests.setdefault(head[0], set()).add(head[1:])
    firsts = [form for first in sorted(rests) for form in forms(first)]
    if len(firsts) > _MOST_FIRSTS:
        return None
    branches = []
    for first, after in sorted(rests.items()):
        rest = "" if "" in after else "(?:" + "|".join(sorted(_any_case(r) for r in after)) + ")"
        branches.append(f"(?<={_any_case(first)}){rest}")
    return re.compile(f"[{''.join(map(re.escape, firsts))}]{_WORD_START}(?:{'|'.join(branches)})")


def _parse(pattern: str, flags: int) -> list:
    """The parse tree of ``pattern``; one ``re`` cannot read with its tables standing as single
    characters (a look-behind over one) is a pattern that may match anywhere."""
    if _parser is None:
        raise ImportError("neither re._parser nor sre_parse can be imported")
    try:
        return list(_parser.parse(pattern, flags))
    except re.error:
        return [(sre.ANY, None)]


def _alternatives(strings: Iterable[str]) -> Alternatives | None:
    """What a text must hold for one of ``strings`` to be in it (see ``_checks``), each piece
    that holds a shorter one left out ("day" finds "days")."""
    checks = _checks(frozenset(strings))
    if checks is None:
        return None
    words, pieces = checks
    pieces = {p for p in pieces if not any(q in p for q in pieces if len(q) < len(p))}
    words = {w for w in words if not any(q in w for q in pieces)}
    return Alternatives(frozenset(words), tuple(sorted(pieces)))


@cache
def _checks(strings: frozenset[str]) -> tuple[set[str], set[str]] | None:
    """For each string its longest word: a whole word where ``|`` bounds it, else a piece of
    one; ``None`` when a string holds nothing as long as two characters, which tells no texts
    apart."""
    words, pieces = set(), set()
    for string in strings:
        parts = string.split(_EDGE)
        whole = [p for p in parts[1:-1] if p]
        partial = [p for p in (parts[0], parts[-1]) if p] if len(parts) > 1 else parts
        longest = max([*whole, *partial], key=len, default="")
        if len(longest) < 2:
            return None
        (words if longest in whole else pieces).add(longest)
    return (words, pieces) if words or pieces else None


class _Reader:
    """Reads a parse tree of ``re._parser``; ``stands_for`` maps placeholder characters to the
    table each stands for."""

    def __init__(self, stands_for: Mapping[str, Table]) -> None:
        self.stands_for = stands_for

    def contained(self, items: Sequence) -> list[set[str]]:
        """Sets of strings one of which every match of the sequence ``items`` contains: each
        run of items whose matches are known, each such item that must match, and what each
        other item that must match contains."""
        found: list[set[str]] = []
        run: set[str] = {""}
        for item in [*items, None]:
            known = self.known(item) if item is not None else None
            if known is not None:
                if "" not in known:
                    found.append(known)
                joined = _join(run, known)
                if joined is not None:
                    run = joined
                    continue
            if run != {""}:
                found.append(run)
            run = known if known is not None else {""}
            if item is not None and known is None:
                found.extend(self.contained_in(item))
        return found

    def contained_in(self, item) -> list[set[str]]:
        """What every match of one item of a sequence contains."""
        op, av = item
        if op is sre.SUBPATTERN:
            return self.contained(list(av[3]))
        if op is _ATOMIC_GROUP:
            return self.contained(list(av))
        if op in _REPEATS and av[0] >= 1:
            return self.contained(list(av[2]))
        if op is sre.ASSERT:  # a look-ahead or look-behind: in the text, if not in the match
            return self.contained(list(av[1]))
        if op is sre.BRANCH:  # one of each branch's: the union of their best
            union: set[str] = set()
            for branch in av[1]:
                best = max(self.contained(list(branch)), key=_strength, default=None)
                if best is None or _strength(best) == 0:
                    return []
                union |= best
            return [union] if len(union) <= _LIMIT else []
        return []

    def known(self, item) -> set[str] | None:
        """Every string one item matches, if few enough."""
        op, av = item
        if op is sre.LITERAL:
            char = chr(av)
            if char in self.stands_for:
                strings = self.stands_for[char].strings
                return None if strings is None else set(strings)
            return _char(char)
        if op is sre.IN:
            return _class(av)
        if op is sre.AT:
            return {_EDGE} if av is sre.AT_BOUNDARY else {""}
        if op is sre.ASSERT_NOT:
            return {_EDGE} if _is_word_class(av[1]) else {""}
        if op is sre.ASSERT:
            return {""}
        if op is sre.SUBPATTERN:
            return self.known_sequence(av[3])
        if op is _ATOMIC_GROUP:
            return self.known_sequence(av)
        if op is sre.BRANCH:
            return _union(self.known_sequence(branch) for branch in av[1])
        if op is sre.GROUPREF_EXISTS:
            return _union(self.known_sequence(branch or []) for branch in av[1:])
        if op in _REPEATS:
            low, high, inner = av
            once = self.known_sequence(inner)
            if once == {_EDGE}:  # a run of spaces
                return {_EDGE} if low else {"", _EDGE}
            if once is None or high > 1:
                return None
            return once | {""} if low == 0 else once
        return None

    def known_sequence(self, items) -> set[str] | None:
        strings: set[str] | None = {""}
        for item in items:
            known = self.known(item)
            if known is None or strings is None:
                return None
            strings = _join(strings, known)
        return strings

    def heads_sequence(self, items, length: int) -> set[tuple[str, bool]] | None:
        """The first ``length`` characters of every match of ``items`` (lower case), each with
        whether the match may go on after fewer: ``("jun", False)`` for "June", ``("a",
        True)`` for "a" in "a day"; a head is cut short before a character that is not known
        (a space).  ``None`` when a match may start with any character."""
        heads: set[tuple[str, bool]] | None = {("", True)}
        for item in items:
            if heads is None or not any(open_ and len(head) < length for head, open_ in heads):
                break
            heads = self._followed(heads, item, length)
        return heads

    def _followed(self, heads: set[tuple[str, bool]], item, length: int) -> set[tuple[str, bool]] | None:
        """``heads`` followed by the heads of ``item``."""
        following: set[tuple[str, bool]] = set()
        for head, open_ in heads:
            after = self.heads(item, length - len(head)) if open_ and len(head) < length else None
            if after is None:
                if not head:
                    return None
                following.add((head, False))
            else:
                following |= {(head + more, more_open) for more, more_open in after}
        return following if len(following) <= _LIMIT else None

    def heads(self, item, length: int) -> set[tuple[str, bool]] | None:
        """The heads of one item (see ``heads_sequence``)."""
        op, av = item
        if op is sre.LITERAL and chr(av) in self.stands_for:
            heads = self.stands_for[chr(av)].heads
            return None if heads is None else {(h[:length], o and len(h) <= length) for h, o in heads}
        if op in (sre.LITERAL, sre.IN):
            chars = _chars(item)
            return None if chars is None else {(c, True) for c in chars}
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            return {("", True)}
        if op is sre.SUBPATTERN:
            return self.heads_sequence(av[3], length)
        if op is _ATOMIC_GROUP:
            return self.heads_sequence(av, length)
        if op in (sre.BRANCH, sre.GROUPREF_EXISTS):
            branches = av[1] if op is sre.BRANCH else [branch or [] for branch in av[1:]]
            union: set[tuple[str, bool]] = set()
            for branch in branches:
                heads = self.heads_sequence(branch, length)
                if heads is None:
                    return None
                union |= heads
            return union
        if op in _REPEATS:
            low, high, inner = av
            group = (sre.SUBPATTERN, (None, 0, 0, inner))
            heads = {("", True)}
            for count in range(min(high, length)):  # each further one adds a character, if any
                more = self._followed(heads, group, length)
                if more is None:
                    return None
                heads = heads | more if count >= low else more  # past ``low``, one more may follow
            return heads
        return None


def _chars(item) -> set[str] | None:
    """The characters a literal or a class matches, lower case, if few and known."""
    op, av = item
    members = [(op, av)] if op is sre.LITERAL else av
    chars: set[str] = set()
    if not all(_add_literal(member, value, chars) for member, value in members):
        return None
    if any(c.lower() != c.upper() and not c.isascii() for c in chars):
        return None  # a cased letter beyond ASCII: its case-insensitive forms are many
    return {c.lower() for c in chars}


def _any_case(chars: str) -> str:
    """A regex for ``chars`` in any case, as case-insensitive ``re`` reads them."""
    return f"(?i:{re.escape(chars)})"


def forms(chars: str) -> list[str]:
    """Every character case-insensitive ``re`` takes for each of ``chars``."""
    forms = []
    for char in chars:
        odd = [form for form, plain in _ODD_FORMS.items() if plain == char]
        forms += [char, *({char.upper()} - {char}), *odd]
    return forms


def _strength(strings: set[str]) -> int:
    """How well a set of strings tells texts apart: the length of its shortest check (a word
    counts one more than a piece as long)."""
    checks = _checks(frozenset(strings))
    if checks is None:
        return 0
    words, pieces = checks
    return min([len(w) + 1 for w in words] + [len(p) for p in pieces])


def _collapse(string: str) -> str:
    while _EDGE * 2 in string:
        string = string.replace(_EDGE * 2, _EDGE)
    return string


def _join(left: set[str], right: set[str]) -> set[str] | None:
    if len(left) * len(right) > _LIMIT:
        return None
    return {_collapse(a + b) for a in left for b in right}


def _union(sets: Iterable[set[str] | None]) -> set[str] | None:
    union: set[str] = set()
    for strings in sets:
        if strings is None:
            return None
        union |= strings
    return union if len(union) <= _LIMIT else None


def _char(char: str) -> set[str] | None:
    if not char.isalnum():
        return {_EDGE}
    if char.isascii() or char.lower() == char.upper():
        return {char.lower()}
    return None  # a cased letter beyond ASCII: its case-insensitive forms are many


def _class(members) -> set[str] | None:
    """A character class: its letters if few, one word end if it holds no letter or digit."""
    chars: set[str] = set()
    for op, av in members:
        if op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            chars.add(" ")
        elif not _add_literal(op, av, chars):
            return None
    return _union(_char(char) for char in chars)


def _add_literal(op, av, chars: set[str]) -> bool:
    """Add to ``chars`` what a literal or a short range matches; False for anything else."""
    if op is sre.LITERAL:
        chars.add(chr(av))
    elif op is sre.RANGE and av[1] - av[0] < 16:
        chars.update(chr(c) for c in range(av[0], av[1] + 1))
    else:
        return False
    return True


def _is_word_class(items) -> bool:
    """Whether a negative look-around is about a word character (``(?<![\\w$])``)."""
    items = list(items)
    return (
        len(items) == 1
        and items[0][0] is sre.IN
        and any(op is sre.CATEGORY and av is sre.CATEGORY_WORD for op, av in items[0][1])
        and not any(op is sre.NEGATE for op, _ in items[0][1])
    )
