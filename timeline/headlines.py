"""How a dated happening reads on a timeline: the clause a date belongs to, its headline, its summary.

A date belongs to a clause, and that clause is the happening: in "Putin said following the
call, his first contact with Trump since Russian and Ukrainian negotiators agreed Friday to
trade proposals", Friday is the day "Russian and Ukrainian negotiators agreed to trade
proposals".  The steps:

1. *Clause*: the sentence is cut at punctuation, at the words that open a subordinate
   clause and where a clause of its own follows (", and markets price …", "after data showed
   …", "and said policymakers would …": the clause-splitters table); the date's clause is the
   smallest that holds it (with the sentence's subject if it is a bare verb phrase).  It
   reaches back to its start, steps over introductions ("Earlier Monday,", "Putin added,")
   and runs on until it has a verb ("his claims in 2022 that …").
2. *Words*: dates, asides, parentheses and titles go; people are named by surname.
3. *Shape*: a bare speech tag ("…, officials said Friday") reports what was said; a relative
   clause, a participle or a noun of saying becomes subject and verb ("his claims that …" →
   "Putin claimed …"); a pronoun subject becomes the person named last; the tense is a
   headline's (past for what happened, "to" for what is planned).
4. *Fit*: at most TITLE_WORDS words, cut where a phrase ends, never inside a name or a
   quotation, never on a function word.

Every word list and pattern is a ``timeline.lexicon`` table with examples that the tests run.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from . import entities, lexicon
from .model import Entity

Span = tuple[int, int]

TITLE_WORDS = 10  # a headline, not a sentence
SUBJECT_WORDS = 4
SPEAKER_WORDS = 7  # "The FBI and Kenyan police said": who speaks, before the speech verb
QUOTE_WORDS = 6  # a quotation this short is kept whole or left out, never cut
REFERENT_REACH = 400  # characters back to the person a pronoun stands for
JOIN = "\u2060"  # joins the words of a name or a quotation into one unit of a headline
_QUOTES = "“”\"‘’'`"
_OPEN_QUOTES = ("“", '"', "``", "‘", "`")
# Where a sentence divides: commas and parentheses (weak), and semicolons, colons, dashes and
# the quotation marks of reported speech (hard); a quoted phrase inside a clause does not divide.
_CUTS = re.compile(r"(?<=[,.?!])[”\"’'`]+|(?:^|(?<=:\s))[“\"‘`]+|,(?!\d{3})|[()]|;|:(?!\d)|\s[—–_-]{1,2}\s")
_WORD = re.compile(r"[^\s]+")
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")


@dataclass(frozen=True)
class Clause:
    """The words a date belongs to, as spans of the article text."""

    span: Span  # the clause: what the headline is made of
    context: Span  # the clause with its introduction ("Earlier Monday, …"): its people and places
    main: bool  # a main clause outside quotation marks: a good headline
    asides: tuple[Span, ...] = ()  # stretches inside ``span`` that the headline leaves out
    shares_subject: bool = False  # a verb phrase ("… and promised new levees"): the sentence's subject


# --- 1. the clause of a date ------------------------------------------------------------------


@dataclass(frozen=True)
class _Segment:
    """A stretch of a sentence between two cuts; ``cut`` says what begins it."""

    start: int
    end: int
    cut: str  # "start" | "weak" (comma, parenthesis) | "hard" (quote, dash, ;, :) | "opener" | a splitter's


def clause_of(body: str, sentence: Span, expression: Span, dates: Sequence[Span] = ()) -> Clause:
    """The clause ``expression`` dates (``dates``: every temporal expression of the sentence).

    It reaches back over commas to the start of the sentence, a quotation or a subordinate
    clause, starts after any introduction, and runs on over commas, relative clauses between
    commas and into a subordinate clause while it has no verb ("police in the Comoros, off the
    coast, raided …"; "his claims in 2022 that Moscow was invading …").  A clause of its own
    stops it ("…, and markets price in …"), except a verb phrase or a subordinate clause that
    follows with no date of its own ("visited the site in August and found no problems").
    """
    start = sentence[0] + dateline_length(body[sentence[0] : sentence[1]])
    segments = _segments(body, start, sentence[1], expression)
    return _clause(body, segments, expression, sentence[0], [d for d in dates if d != expression])


def opening_clause(body: str, sentence: Span, until: int | None = None) -> Clause | None:
    """The sentence's first clause, before ``until``: what a speech tag at its end ("…, officials
    said Friday") reports."""
    start = sentence[0] + dateline_length(body[sentence[0] : sentence[1]])
    first = re.search(r"\w", body[start : sentence[1] if until is None else until])
    if first is None:
        return None
    at = (start + first.start(), start + first.start())
    return _clause(body, _segments(body, start, sentence[1] if until is None else until, at), at, sentence[0])


def _clause(
    body: str, segments: list[_Segment], expression: Span, sentence_start: int, others: Sequence[Span] = ()
) -> Clause:
    k = next(i for i, seg in enumerate(segments) if seg.start <= expression[0] < seg.end)
    first = k
    while first > 0 and (segments[first].cut == "weak" or _is_aside(body, segments, first, k)):
        first -= 1
    front = k if k > first and _is_speech_tail(body, segments[k], expression) else first
    if front == k and k + 1 < len(segments) and _only_date(body, segments[k], expression):
        front = k + 1  # "09:15 BST: Police closed the road"
    while front + 1 < len(segments) and _is_introduction(body, segments[front]):
        front += 1
    last = max(k, front)
    while not _verb_in(body, segments, front, last) and last + 1 < len(segments):
        if segments[last + 1].cut not in ("opener", "weak"):
            break  # a hard cut, or a clause of its own after a splitter
        last += 1
    if last + 2 < len(segments) and segments[last + 2].cut in _CONTINUATIONS:
        follows = segments[last + 2]
        if not any(follows.start <= d[0] < follows.end for d in others):
            last += 2  # "collapsed in October after Iceland raised its limit": undated, told with it
    if last + 1 < len(segments) and _names_saying(
        body, segments[front].start, segments[last].end, expression
    ):
        last += 1  # "recalled her promise in 2021 | that taxes would not rise": what was promised
    span = (segments[front].start, segments[last].end)
    asides = tuple(
        (seg.start, seg.end)
        for i, seg in enumerate(segments[front + 1 : last], front + 1)
        if _is_aside(body, segments, i, k) or (seg.cut == "weak" and not has_verb(body[seg.start : seg.end]))
    )
    main = segments[first].cut in ("start", "weak", *_MAIN_SPLITS) and not _in_quotation(
        body, sentence_start, expression[0]
    )
    return Clause(span, (segments[first].start, span[1]), main, asides, segments[front].cut == "predicate")


def _names_saying(body: str, start: int, end: int, expression: Span) -> bool:
    """Does the stretch end on a noun of saying ("her promise in 2021"), so that a "that" clause follows?"""
    words = (body[start : expression[0]] + " " + body[expression[1] : end]).split()
    words = [w for w in words if w.lower() not in lexicon.words("date-words")]
    return (
        bool(words)
        and words[-1].strip(",").lower() in _nominal_verbs()
        and body[end:].lstrip().startswith("that ")
    )


def _verb_in(body: str, segments: list[_Segment], front: int, last: int) -> bool:
    """A verb of the clause itself, not of a relative clause between commas inside it."""
    return any(
        has_verb(body[seg.start : seg.end])
        for i, seg in enumerate(segments[front : last + 1], front)
        if not _is_aside(body, segments, i, -1)
    )


def _segments(body: str, start: int, end: int, keep: Span) -> list[_Segment]:
    """The sentence cut at punctuation, at the words that open a subordinate clause and at the
    splitters that a clause of its own follows."""
    commas = _place_commas(body, start, end)
    cuts: list[tuple[int, str]] = [(start, "start")]
    for m in re.finditer(_CUTS, body[start:end]):
        pos = start + m.start()
        if not keep[0] <= pos < keep[1] and pos not in commas:
            cuts.append((pos, "weak" if m.group() in (",", "(", ")") else "hard"))
    for m in _WORD.finditer(body, start, end):
        word = m.group().strip(_QUOTES + ",.;:").lower()
        if word in lexicon.words("clause-openers") and not _opens_date(body, m.end(), keep):
            cuts.append((m.start(), "opener"))
    split: set[int] = set()  # where a row of the table has divided already: the first row wins
    for pattern, kind in _splitters():
        for m in pattern.finditer(body, start, end):
            taken = m.start() in split or keep[0] <= m.start() < keep[1]
            if taken or not _divides(body[m.end() : end], kind):
                continue
            split.add(m.start())
            cuts += [(m.start(), "opener"), (m.end(), kind)]  # the splitter's words belong to neither
    cuts.sort(key=lambda cut: (cut[0], cut[1] in _SPLITS))  # a splitter's kind wins at its position
    bounds = [*cuts, (end, "end")]
    return [_Segment(a, b, cut) for (a, cut), (b, _) in itertools.pairwise(bounds) if b > a]


_SPLITS = frozenset({"coordinate", "subordinate", "predicate", "speech"})
_MAIN_SPLITS = ("coordinate", "predicate", "speech")  # the clauses that follow are main clauses
_CONTINUATIONS = ("subordinate", "predicate")  # what an undated one adds belongs to the clause before


@cache
def _splitters() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The clause-splitters table, SPEECH standing for the speech verbs."""
    speech = "|".join(map(re.escape, sorted(lexicon.words("speech-verbs"), key=len, reverse=True)))
    return tuple(
        (re.compile(pattern.replace("SPEECH", f"(?:{speech})"), re.IGNORECASE), kind)
        for pattern, kind in lexicon.table("clause-splitters").rows
    )


def _divides(after: str, kind: str) -> bool:
    """Does a clause follow a splitter: a finite verb before the next punctuation, right after it
    for a verb phrase ("and promised"), after a subject otherwise ("and markets price")?"""
    stretch = re.split(r"[,;:.()?!—–]|\s[_-]{1,2}\s", after, maxsplit=1)[0]
    fillers = lexicon.words("title-fillers")
    words = [w.strip(_QUOTES) for w in stretch.split() if w.lower() not in fillers][: SPEAKER_WORDS + 1]
    if not words:
        return False
    if kind == "predicate":
        return _is_finite(words, 0) and not lexicon.is_noun(words[0])
    if kind == "speech":
        return has_verb(" ".join(words))
    return not _is_finite(words, 0) and any(_is_finite(words, i) for i in range(1, len(words)))


def _place_commas(body: str, start: int, end: int) -> frozenset[int]:
    """The commas of "Nairobi, Kenya, and …": a place's country is no new clause ("in East Africa,
    U.S. forces …" is one)."""
    places = [
        m for m in entities.find(body) if start <= m.start and m.end <= end and m.entity.kind == "place"
    ]
    found = set()
    for a, b in itertools.pairwise(places):
        if body[a.end : b.start] == ", " and re.match(r"(?:[,.;:)]|\s+(?:and|or)\b|$)", body[b.end : end]):
            found.add(a.end)
            if body[b.end : b.end + 1] == ",":
                found.add(b.end)
    return frozenset(found)


def _opens_date(body: str, after: int, keep: Span) -> bool:
    """ "until Friday": the opener is the date's own preposition, not a new clause."""
    between = body[after : keep[0]].split()
    return after <= keep[0] and all(
        w.lower() in lexicon.words("date-words") or _CLOCK.match(w) for w in between
    )


def _text(body: str, segments: Sequence[_Segment]) -> str:
    return body[segments[0].start : segments[-1].end] if segments else ""


def _is_aside(body: str, segments: list[_Segment], i: int, k: int) -> bool:
    """ "MindSpring, which provided the space, closed it": a relative clause between commas."""
    seg = segments[i]
    return (
        i != k
        and seg.cut == "opener"
        and body[seg.start : seg.end].split()[0].lower() in lexicon.words("relative-pronouns")
        and body[: seg.start].rstrip().endswith(",")
        and body[seg.end : seg.end + 1] == ","
    )


def _only_date(body: str, segment: _Segment, expression: Span) -> bool:
    rest = body[segment.start : expression[0]] + body[expression[1] : segment.end]
    return not any(c.isalnum() for c in rest)


def _is_speech_tail(body: str, segment: _Segment, expression: Span) -> bool:
    """ "…, an official said Saturday.": the date's own stretch only says who spoke, and when."""
    words = (body[segment.start : expression[0]] + " " + body[expression[1] : segment.end]).split()
    words = [w.strip(_QUOTES + ",.;:").lower() for w in words]
    return len(words) <= 8 and any(w in lexicon.words("speech-verbs") for w in words[:6])


def _is_introduction(body: str, segment: _Segment) -> bool:
    """A phrase before a comma that is not the clause: "Earlier Monday,", "In the Oval Office …,",
    "Retaliating for the bombings,", or a speech tag such as "Putin added,"."""
    if body[segment.end : segment.end + 1] != ",":
        return False
    words = [w.strip(_QUOTES + ",").lower() for w in body[segment.start : segment.end].split()]
    words = [w for w in words if w]
    if not words:
        return True
    if words[-1] in lexicon.words("speech-verbs") and len(words) <= 4:
        return True
    if has_verb(" ".join(words)):
        return False
    opener = words[0]
    return (
        opener in lexicon.words("introduction-openers")
        or opener in lexicon.words("calendar-words")
        or bool(lexicon.verb_tags(opener) & {"VBG"})
    )


def has_verb(clause: str) -> bool:
    """Does ``clause`` hold a finite verb?  A noun phrase ("his claims in 2022") does not."""
    words = [raw.strip(_QUOTES + ",.;:()[]") for raw in clause.replace(JOIN, " ").split()]
    return any(_is_finite(words, i) for i in range(len(words)))


def _is_finite(words: Sequence[str], i: int) -> bool:
    """A past or present tense, an auxiliary or a listed verb, not right after a determiner."""
    word = words[i].replace(JOIN, " ")
    lower = word.lower().replace("’", "'")
    if "'" in lower:  # "it's", "they're", "won't": a pronoun or a verb with its contraction
        stem, _, tail = lower.partition("'")
        return tail in ("s", "re", "ll", "ve", "d", "m", "t") and (
            stem in lexicon.words("function-words") or tail == "t"
        )
    if not lower.isalpha():
        return False
    if lower in lexicon.words("verbs") or lower in lexicon.words("speech-verbs"):
        return True
    if i and words[i - 1].lower() in lexicon.words("determiners"):
        return False
    if word[0].isupper() and i:
        return False  # "United", "Cape": names
    tags = lexicon.verb_tags(lower)
    if "VBP" in tags and i and _is_plural_subject(words[i - 1]):
        return True  # "the incidents underscore", "they say"
    return "VBD" in tags or ("VBZ" in tags and not lexicon.is_noun(lower))


def _is_plural_subject(word: str) -> bool:
    lower = word.lower()
    if lower in ("they", "we", "i", "you"):
        return True
    return lower.endswith("s") and lexicon.is_noun(lower) and not lexicon.verb_tags(lower) - {"VBZ"}


def _in_quotation(body: str, start: int, at: int) -> bool:
    before = body[start:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def dateline_length(sentence: str) -> int:
    """How many characters of ``sentence`` are its dateline ("WASHINGTON — ", "NAIROBI (AP) _ ")."""
    for pattern in _patterns("datelines"):
        m = pattern.match(sentence)
        if m:
            return m.end()
    return 0


@cache
def _patterns(name: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(row[0]) for row in lexicon.table(name).rows)


# --- 2. the words of a headline ---------------------------------------------------------------


def headline(
    body: str, clause: Clause, sentence: Span, expression: Span, dates: Sequence[Span], status: str
) -> str:
    """The headline of the happening ``expression`` dates in ``clause``; ``dates`` are all the
    temporal expressions of the sentence (none of them is part of a headline)."""
    words = _words(body, clause.span, dates, clause.asides, expression)
    if clause.shares_subject:
        words = [*_sentence_subject(body, sentence, dates), *words]
    tag = _speech_tag(words)
    if tag is not None:
        reported = _reported(body, clause, sentence, dates, words, tag)
        if reported and _complete(_fit_words(reported)):
            words = reported
    found = _fit_words(_tensed(_restructured(body, clause.span, words, status), status))
    opening = opening_clause(body, sentence)
    if not _acceptable(found) and opening:  # no subject, or only who spoke: the sentence says more
        other = _words(body, opening.span, dates, opening.asides)
        other = _fit_words(_tensed(_restructured(body, opening.span, other, status), status))
        if _acceptable(other):
            found = other
    return _title(found)


def _sentence_subject(body: str, sentence: Span, dates: Sequence[Span]) -> list[str]:
    """ "The governor toured … and promised …": the words before the sentence's first verb."""
    opening = opening_clause(body, sentence)
    if opening is None:
        return []
    words = _words(body, opening.span, dates, opening.asides)
    verb = next((i for i in range(len(words)) if _is_finite(words, i)), 0)
    while verb > 1 and words[verb - 1].islower() and lexicon.is_adverb(words[verb - 1]):
        verb -= 1  # "The pool first opened …": "first" goes with the verb
    return words[:verb] if verb <= SUBJECT_WORDS + 2 else []


def _acceptable(words: Sequence[str]) -> bool:
    """A headline opens with its subject, has a verb and says more than who spoke."""
    if len(words) < 2 or _speech_tag(words) is not None:
        return False
    first = words[0].strip(_QUOTES)
    lower = first.lower()
    if lower in lexicon.words("introduction-openers") or lower in lexicon.words("clause-openers"):
        return False
    if first.islower() and _is_verb(lower) and not lexicon.is_noun(lower):
        return False  # "rescued by fishermen …": the subject is missing
    return has_verb(" ".join(words)) or "to" in words


def _words(
    body: str, span: Span, dates: Sequence[Span], asides: Sequence[Span] = (), marked: Span | None = None
) -> list[str]:
    """The words of ``span`` without dates, asides, parentheses and titles; people by surname,
    each name and each short quotation one unit; the ``marked`` date is the word DATE."""
    start, end = span
    edits: list[tuple[int, int, str]] = [(a, b, " ") for a, b in asides]
    edits += [
        (*_date_phrase(body, d, start), " DATE " if d == marked else " ")
        for d in dates
        if start <= d[0] < end
    ]
    edits += [(start + m.start(), start + m.end(), " ") for m in re.finditer(r"\([^()]*\)", body[start:end])]
    edits += [
        (start + m.start(), start + m.end(), " ")
        for m in re.finditer(
            r",\s+(?:who|which|whose)\b[^,]*,|\s[—–_]{1,2}\s[^—–_]*\s[—–_]{1,2}\s", body[start:end]
        )
    ]
    for m in entities.find(body):
        if start <= m.start and m.end <= end:
            name = surname(m.entity.name) if m.entity.kind == "person" else body[m.start : m.end]
            head = _title_prefix_start(body, m.start, start) if m.entity.kind == "person" else m.start
            edits.append((head, m.end, " " + JOIN.join(name.split())))
            aside = _apposition(body, m.end, end) if m.entity.kind == "person" else None
            if aside:
                edits.append((m.end, aside, " "))
    pieces, pos = [], start
    for a, b, replacement in _non_overlapping(edits):
        pieces += [body[pos:a], replacement]
        pos = b
    pieces.append(body[pos:end])
    words = "".join(pieces).split()
    while words and not any(c.isalnum() for c in words[0]):
        words = words[1:]
    return _quotations_joined(words)


def _quotations_joined(words: list[str]) -> list[str]:
    """ "to “de-Nazify” the country": a short quotation is one unit."""
    out: list[str] = []
    i = 0
    while i < len(words):
        if words[i].startswith(_OPEN_QUOTES):
            for n in range(1, QUOTE_WORDS + 1):
                if i + n <= len(words) and _closes(words[i + n - 1]):
                    out.append(JOIN.join(words[i : i + n]))
                    i += n
                    break
            else:
                out.append(words[i])
                i += 1
            continue
        out.append(words[i])
        i += 1
    return out


def _closes(word: str) -> bool:
    return word.rstrip(",.;:!?").endswith(("”", '"', "''", "’")) and not word.endswith("’s")


def _date_phrase(body: str, expression: Span, floor: int) -> Span:
    """The expression with its own words before it ("on", "[", "earlier") and brackets after it."""
    start, end = expression
    while True:
        m = re.search(r"(\S+)\s*$", body[floor:start])
        if not m or m.group(1).strip("[(").lower() not in lexicon.words("date-words") | {"", "["}:
            break
        start = floor + m.start(1)
    while end < len(body) and body[end] in "])":
        end += 1
    if start > floor and body[start - 1] == "[":
        start -= 1
    return start, end


def _apposition(body: str, after_name: int, end: int) -> int | None:
    """ "Trump, 78, put …", "Stepanenko, Russia analyst at the ISW, told …": where the aside ends."""
    if body[after_name : after_name + 1] != ",":
        return None
    close = body.find(",", after_name + 1, end)
    aside = body[after_name + 1 : close]
    if close < 0 or len(aside.split()) > 12 or has_verb(aside) or any(c in aside for c in _QUOTES):
        return None
    if any(w.lower() in lexicon.words("clause-openers") for w in aside.split()):
        return None
    return close + 1


def _title_prefix_start(body: str, at: int, floor: int) -> int:
    """ "the U.S. Ambassador Prudence Bushnell" → where "the U.S. Ambassador" begins: the title goes
    with the name, and so do the capitalised words, demonyms and article before it."""
    start, seen_title = at, False
    before = list(re.finditer(r"\S+", body[floor:at]))
    for k in range(len(before) - 1, -1, -1):
        m = before[k]
        if body[floor + m.end() : start].strip():
            break
        word = m.group()
        lower = word.lower()
        if lower in lexicon.words("function-words") and not (
            k and before[k - 1].group().lower() in _title_words()
        ):
            break  # "of" inside "Secretary of State", not in "the visit of Secretary Daley"
        if lower in _title_words() or (seen_title and lower in lexicon.words("organisations")):
            seen_title = seen_title or lower in lexicon.words("titles")
        elif lower in ("the", "a", "an") and seen_title:
            return floor + m.start()
        elif not (word[0].isupper() and word.rstrip(".").replace(".", "").isalpha()):
            break
        start = floor + m.start()
    return start if seen_title else at


@cache
def _title_words() -> frozenset[str]:
    """Every word of every title phrase ("defense" of "defense minister") and the demonyms."""
    return frozenset(w for phrase in lexicon.phrases("titles") for w in phrase) | lexicon.words("demonyms")


def surname(name: str) -> str:
    """The last word with the particles before it: "Ursula von der Leyen" → "von der Leyen"."""
    words = name.split()
    k = len(words) - 1
    while k > 1 and words[k - 1] in dict(lexicon.table("name-particles").rows):
        k -= 1
    return " ".join(words[k:])


def _non_overlapping(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for edit in sorted(edits, key=lambda e: (e[0], -e[1])):
        if not out or edit[0] >= out[-1][1]:
            out.append(edit)
    return out


# --- 3. the shape of a headline -----------------------------------------------------------------


def _speech_tag(words: Sequence[str]) -> int | None:
    """Where the speech verb stands when the clause only says who spoke ("Officials said",
    "Vance told reporters on Air Force Two"); None when it reports something itself."""
    for i, word in enumerate(words[: SPEAKER_WORDS + 1]):
        if word.lower().strip(",") in lexicon.words("speech-verbs"):
            rest = [w for w in words[i + 1 :] if w != "DATE"]
            if any(w.lower() in _nominal_verbs() for w in rest):
                return None  # "recalled her promise in 2021 that …": the date is the promise's
            says = (
                rest
                and rest[0].lower() not in lexicon.words("introduction-openers")
                and has_verb(" ".join(rest))
            )
            if i == 0 or has_verb(" ".join(words[:i])) or says:
                return None
            return i
    return None


def _reported(
    body: str, clause: Clause, sentence: Span, dates: Sequence[Span], words: list[str], verb: int
) -> list[str]:
    """What a speech tag reports, as "<speaker> <verb> <what>", or just <what> from a nameless
    speaker ("officials said"): the words after the tag, or the sentence's opening clause."""
    after = _complement(body, clause.span[1], sentence[1])
    if after is None:
        opening = opening_clause(body, sentence, clause.span[0])
        if opening is None:
            return []
        said, quoted = _words(body, opening.span, dates, opening.asides), False
    else:
        said, quoted = _words(body, after[0], dates), after[1]
    if said and said[0].lower() == "that":
        said = said[1:]
    if not has_verb(" ".join(said)):
        return []
    if quoted:
        said = _quotations_joined(
            [f"‘{said[0]}", *said[1:-1], f"{said[-1]}’"] if len(said) > 1 else [f"‘{said[0]}’"]
        )
    speaker = words[:verb]
    if not (entities.people_in(body, *clause.span) or _is_named(speaker)):
        return said
    spoken = words[verb].strip(",")
    return [
        *speaker,
        "said" if spoken.lower() in lexicon.words("speech-verbs-with-object") else spoken,
        *said,
    ]


def _complement(body: str, after: int, end: int) -> tuple[Span, bool] | None:
    """ "… told reporters Monday that the plan stands": the words after the tag up to a hard cut,
    and whether they are quoted (then up to the closing quotation mark)."""
    m = re.match(r"[\s,]*(?:(?P<that>that\s+)|:\s*)?(?P<quote>[“\"]?)", body[after:end])
    if not m or not (m.group("that") or m.group("quote") or ":" in m.group()):
        return None
    start = after + m.end()
    stop = re.search(r"[”\"]" if m.group("quote") else r";|\s[—–_]{1,2}\s", body[start:end])
    return (start, start + stop.start() if stop else end), bool(m.group("quote"))


def _is_named(words: Sequence[str]) -> bool:
    """ "The FBI and Kenyan police": a speaker worth naming; "Officials", "An official" not."""
    return any(
        w[:1].isupper() and w.lower() not in lexicon.words("function-words") and (i or not lexicon.is_noun(w))
        for i, w in enumerate(words)
    )


def _restructured(body: str, span: Span, words: list[str], status: str) -> list[str]:
    """Subject first: a relative pronoun's antecedent, a rewrite of the title-rewrites table, and
    the person a pronoun subject stands for."""
    antecedent = _antecedent(body, span)
    if antecedent and len(words) > 1 and _is_finite(words, 1):
        words = antecedent + words[1:]  # "…, who was appointed" → "Duarte was appointed"
    elif antecedent:  # "the law that Parliament passed" → "Parliament passed the law"
        verb = next((i for i in range(1, len(words)) if _is_finite(words, i)), len(words) - 1)
        words = [*words[1 : verb + 1], *antecedent, *words[verb + 1 :]]
    rewritten = _rewrite(" ".join(words), body, span, status)
    if rewritten:
        words = rewritten.split()
    if words and words[0].strip(_QUOTES) in ("He", "She"):
        named = referent(body, span[0])
        if named:
            words = [JOIN.join(surname(named.name).split()), *words[1:]]
    return words


def referent(body: str, at: int) -> Entity | None:
    """Whom "he" or "she" at ``at`` most likely stands for: the last person named before it."""
    before = [m for m in entities.find(body) if m.end <= at and m.entity.kind == "person"]
    return before[-1].entity if before and at - before[-1].end < REFERENT_REACH else None


def _antecedent(body: str, clause: Span) -> list[str]:
    """ "…, who was hospitalized in September": the words the relative pronoun stands for."""
    words = body[clause[0] : clause[1]].split()
    if len(words) < 2 or words[0].lower() not in lexicon.words("relative-pronouns"):
        return []
    before = body[max(0, clause[0] - 80) : clause[0]]
    people = [
        m for m in entities.find(body) if m.end <= clause[0] and not body[m.end : clause[0]].strip(" ,")
    ]
    if people and people[-1].entity.kind == "person":
        return [JOIN.join(surname(people[-1].entity.name).split())]
    m = re.search(
        r"\b(?:the|a|an|its|his|her|their)\s+(?:[\w’'-]+\s+){0,2}[\w’'-]+[\s,]*$", before, re.IGNORECASE
    )
    if not m or has_verb(m.group()):  # "The company said that …" is no antecedent
        return []
    return m.group().strip(" ,").split()


def _rewrite(clause: str, body: str, span: Span, status: str) -> str | None:
    """The first title-rewrites row that matches: "the plan he proposed" → "Putin proposed the plan",
    "his claims that Moscow …" → "Putin claimed Moscow …", "the visit of Daley" → "Daley to visit"."""
    verbs = "|".join(map(re.escape, sorted(lexicon.words("verbs"))))
    nouns = "|".join(map(re.escape, sorted(_nominal_verbs(), key=len, reverse=True)))
    for _name, pattern, template in lexicon.table("title-rewrites").rows:
        m = re.search(pattern.replace("VERB", f"(?:{verbs})").replace("NOUN", f"(?:{nouns})"), clause)
        if not m:
            continue
        fields = {k: v or "" for k, v in m.groupdict().items()}
        if any(w in lexicon.words("function-words") for w in fields.get("object", "").split()):
            continue  # "the list after Gadhafi agreed" is no relative clause
        for key in ("subject", "owner"):
            if key in fields:
                named = _owner(fields[key], body, span)
                if named is None:
                    break
                fields[key] = named
        else:
            if "noun" in fields:
                fields["noun"] = _verb_of(fields["noun"], status)
            return template.format(**fields, rest=clause[m.end() :])
    return None


def _owner(word: str, body: str, span: Span) -> str | None:
    """ "his" / "he" → the surname of the person named last; "Putin’s" → "Putin"."""
    if word.lower() in ("he", "she", "his", "her"):
        named = referent(body, span[0] + max(0, body[span[0] : span[1]].find(word)))
        return JOIN.join(surname(named.name).split()) if named else None
    return re.sub(r"[’']s$", "", word)


@cache
def _nominal_verbs() -> dict[str, tuple[str, str]]:
    """Noun of a happening → (its verb, whose it is: agent or patient)."""
    return {row[0]: (row[1], row[2]) for row in lexicon.table("nominalisations").rows}


def _verb_of(noun: str, status: str) -> str:
    """ "claims" → "claimed"; "visit" (planned) → "to visit"; "arrest" → "was arrested"."""
    verb, role = _nominal_verbs()[noun]
    if role == "patient":
        return ("to be " if status == "planned" else "was ") + lexicon.inflect(verb, "VBN")
    return f"to {verb}" if status == "planned" else lexicon.inflect(verb, "VBD")


def _tensed(words: list[str], status: str) -> list[str]:
    """A headline's tense: "are expected to vote" → "to vote"; "had ended" → "ended" (headline-tense)."""
    text = " ".join(words)
    for pattern, replacement, when in lexicon.table("headline-tense").rows:
        if when in ("any", status):
            text = re.sub(pattern, lambda m, r=replacement: _tense_of(m, r), text, flags=re.IGNORECASE)
    return text.split()


def _tense_of(m: re.Match[str], replacement: str) -> str:
    verb = m.groupdict().get("verb")
    if verb is None:
        return m.expand(replacement)
    tags = lexicon.verb_tags(verb)
    if "VBN" not in tags:
        return m.group()  # "had talks" stays
    if "VBD" in tags:
        verb = verb if verb.islower() else verb.lower()
        return replacement.format(past=verb)  # "had cancelled" → "cancelled", in the article's spelling
    return replacement.format(past=lexicon.inflect(verb, "VBD"))


# --- 4. fit --------------------------------------------------------------------------------------


def _title(words: list[str]) -> str:
    """The headline's text, capitalised, quoting with single marks."""
    title = " ".join(words).replace(JOIN, " ").strip(" ,;:.—–-_")
    title = _single_quoted(title)
    return (title[:1].upper() + title[1:]) if title else ""


def _fit_words(words: list[str]) -> list[str]:
    """Headline hygiene: no fillers or dangling words, at most TITLE_WORDS, cut where a phrase ends."""
    fillers = lexicon.words("title-fillers")
    words = [
        w
        for w in words
        if w != "DATE" and any(c.isalnum() for c in w) and w.lower().strip(",") not in fillers
    ]
    while words and words[0].strip(_QUOTES + ",").lower() in lexicon.words("clause-openers") | _LEADING:
        words = words[1:]
    if _count(words) > TITLE_WORDS:
        words = _shortened(words)
    return _undangled(_quotes_closed(words))


def _undangled(words: list[str]) -> list[str]:
    """Without the function words and demonyms a cut may leave at the end ("… in Turkey for the")."""
    dangling = lexicon.words("function-words") | lexicon.words("demonyms")
    while words and words[-1].strip(",;:.").lower() in dangling:
        words = words[:-1]
    return words


_LEADING = frozenset({"and", "but", "or", "so", "then", "also"})


def _count(words: Sequence[str]) -> int:
    return sum(w.count(JOIN) + 1 for w in words)


def _shortened(words: list[str]) -> list[str]:
    """The longest run of whole phrases that fits, keeping the verb; a long subject keeps its head."""
    verb = next((i for i in range(len(words)) if _is_finite(words, i) or _is_infinitive(words, i)), None)
    if verb is not None and _count(words[:verb]) > SUBJECT_WORDS:
        head = next((i for i in range(1, verb) if _breaks_before(words, i)), verb)
        words = [*words[:head], *words[verb:]]
        verb = head
    floor = (verb or 0) + 2  # a verb and at least one word after it
    breaks = [
        i for i in range(floor, len(words)) if _breaks_before(words, i) and _count(words[:i]) <= TITLE_WORDS
    ]
    best = next((i for i in reversed(breaks) if _complete(words[:i])), breaks[-1] if breaks else None)
    if best is None:
        best = 0
        while best < len(words) and _count(words[: best + 1]) <= TITLE_WORDS:
            best += 1
    return [w.rstrip(",;:") if i == best - 1 else w for i, w in enumerate(words[:best])]


def _complete(words: Sequence[str]) -> bool:
    """Does the headline go on past its last verb to a word that is no verb ("… wanted to see" does not)?"""
    words = _undangled(list(words))
    verbs = [i for i in range(len(words)) if _is_finite(words, i) or (i and _is_infinitive(words, i - 1))]
    rest = words[verbs[-1] + 1 :] if verbs else words
    return any(
        word.lower() not in lexicon.words("function-words") and (lexicon.is_noun(word) or not _is_verb(word))
        for word in (w.strip(_QUOTES + ",") for w in rest)
    )


def _is_verb(word: str) -> bool:
    return bool(lexicon.verb_tags(word) - {"VBN"})


def _is_infinitive(words: Sequence[str], i: int) -> bool:
    """ "Fisheries ministers to meet …": a planned headline's verb."""
    return words[i] == "to" and i + 1 < len(words) and "VB" in lexicon.verb_tags(words[i + 1])


def _breaks_before(words: Sequence[str], i: int) -> bool:
    """May a headline stop before ``words[i]``?  At a phrase break or after a comma (not one inside a
    figure: "a two-year, $3.4 million repair")."""
    if words[i - 1].endswith((",", ";", ":")):
        return not words[i][:1].isdigit() and not words[i].startswith("$")
    return words[i].lower() in lexicon.words("phrase-breaks")


def _quotes_closed(words: list[str]) -> list[str]:
    """No dangling quotation: stop before one that opens and does not close, or drop its marks."""
    for i, word in enumerate(words):
        if word.startswith(_OPEN_QUOTES) and not _closes(word):
            if i >= 3 and has_verb(" ".join(words[:i])):
                return words[:i]
            return [w.strip(_QUOTES) if w[-2:] not in ("’s", "'s") else w.lstrip(_QUOTES) for w in words]
    return words


def _single_quoted(title: str) -> str:
    """Headlines quote with single marks: “de-Nazify” → ‘de-Nazify’; stray marks go."""
    title = re.sub(r"(?:“|``|\"(?=\w))(.+?)(?:”|''|\")", r"‘\1’", title)
    return title.replace("“", "").replace("”", "").replace('"', "").replace("[", "").replace("]", "")


# --- summaries -----------------------------------------------------------------------------------


def summary(body: str, sentences: Sequence[Span]) -> str:
    """The sentences, one line, without dateline or reporting tail ("…, officials said.")."""
    return " ".join(_plain(body, s) for s in sentences)


def _plain(body: str, sentence: Span) -> str:
    raw = body[sentence[0] : sentence[1]]
    text = " ".join(raw[dateline_length(raw) :].split())
    for pattern, replacement in lexicon.table("summary-tidying").rows:
        text = re.sub(pattern, replacement, text)
    return text[:1].upper() + text[1:]
