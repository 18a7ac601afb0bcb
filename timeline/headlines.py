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
   quotation, never on a function word, a verb cut from its object ("… would connect"), a
   noun cut from its compound ("a new teacher") or a figure cut from its noun; with no such
   cut, what a reporting verb reports ("The program would connect 3.1 million homes").
   A list of dated items after one verb ("in the US on Oct. 3, in India in 2027"; "about 900
   flights on Tuesday and fewer than 300 on Wednesday") gives each date its own item.

Every word list and pattern is a ``timeline.lexicon`` table with examples that the tests run.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from . import entities, lexicon, text
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
# the quotation marks of reported speech (hard, but not the apostrophe of "Corp.'s"); a quoted
# phrase inside a clause does not divide.
_CUTS = re.compile(
    r"(?<=[,.?!])[”\"’'`]+(?![sS]\b)|(?:^|(?<=:\s))[“\"‘`]+|,(?!\d{3})|[()]|;|:(?!\d)|\s[—–_-]{1,2}\s"
)
_WORD = re.compile(r"[^\s]+")
_CLOCK = re.compile(r"^\d{1,2}[:.]\d{2}$")
_NAME_APPOSED = re.compile(r",\s+(?:[A-Z][\w’'.-]*\s+){1,3}[A-Z][\w’'.-]*,")  # a name between commas
_NUMBER = re.compile(r"[$€£¥]?\d[\d,.]*")


@dataclass(frozen=True)
class Clause:
    """The words a date belongs to, as spans of the article text."""

    span: Span  # the clause: what the headline is made of
    context: Span  # the clause with its introduction ("Earlier Monday, …"): its people and places
    main: bool  # a main clause outside quotation marks: a good headline
    asides: tuple[Span, ...] = ()  # stretches inside ``span`` that the headline leaves out
    shares_subject: bool = False  # a verb phrase ("… and promised new levees"): the sentence's subject
    elsewhere: tuple[Span, ...] = ()  # other places' items of a list ("in the US on Oct. 3, in Europe …")
    unit: Span | None = None  # the noun a bare figure of a list goes with ("… and fewer than 300": flights)
    said_by: Span | None = None  # who reports the clause ("Zelensky said on Telegram | that …"): its people


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
    cleft = _cleft(body, segments, expression)
    if cleft is not None:  # "it was not until Tuesday | that Castro revealed …"
        return _clause(body, segments, (cleft, cleft), [d for d in dates if d != expression])
    return _own_item(
        body, _clause(body, segments, expression, [d for d in dates if d != expression]), expression, dates
    )


def relative_opener(body: str, end: int, limit: int) -> int | None:
    """Where the word stands that opens a clause after a comma behind a date ending at ``end`` ("since
    2019, when …": date-relatives of no kind), looking no further than ``limit``; None if none does."""
    relative = re.match(r",\s+(\w+)", body[end:limit])
    if not relative or relative.group(1).lower() not in lexicon.words("date-relatives", kind=""):
        return None
    return end + relative.start(1)


def _cleft(body: str, segments: list[_Segment], expression: Span) -> int | None:
    """Where the clause of "it was … DATE that <clause>" starts (date-relatives, "cleft"), if it is one."""
    after = _NEXT_WORD.match(body, expression[1])
    if not after or after.group(1).lower() not in lexicon.words("date-relatives", kind="cleft"):
        return None
    own = next((seg for seg in segments if seg.start <= expression[0] < seg.end), None)
    it = re.search(r"\b[Ii]t\s+(?:is|was)\b", body[own.start : expression[0]]) if own else None
    between = body[own.start + it.end() : expression[0]].lower().split() if own and it else []
    adverbs = lexicon.words("date-relatives", kind="cleft adverb") | lexicon.words("date-words")
    if not it or not set(between) <= adverbs:
        return None  # not "it was informed Friday that …"
    at = after.start(1)
    return at if any(seg.start == at for seg in segments) else None


def relative_clause(
    body: str, sentence: Span, expression: Span, dates: Sequence[Span], saying: bool = False
) -> Clause | None:
    """ "… since 2019, | when a woman died at Fellbridge station": the clause a date-relatives word
    opens right after the date, which the date dates; None if none does, or if it only reports
    what someone said ("…, when the prosecutor told jurors that …") unless ``saying``."""
    at = relative_opener(body, expression[1], sentence[1])
    if at is None:
        return None
    start = sentence[0] + dateline_length(body[sentence[0] : sentence[1]])
    segments = _segments(body, start, sentence[1], expression)
    if not any(seg.start == at for seg in segments):
        return None
    clause = _clause(body, segments, (at, at), [d for d in dates if d != expression])
    return None if not saying and _speech_tag(_words(body, clause.span, dates)[1:]) is not None else clause


def _own_item(body: str, clause: Clause, expression: Span, dates: Sequence[Span]) -> Clause:
    """ "available in the US on Oct. 3, in Europe later this year and in India in 2027", "cancel about
    900 flights on Tuesday and fewer than 300 on Wednesday": a list of places or of figures, each
    with its date, after one verb; each date keeps its own item (the other items are ``elsewhere``,
    asides of the headline) and the clause ends with it.  A figure with no noun of its own ("fewer
    than 300") borrows the first one's ("flights"): the clause's ``unit``."""
    inside = sorted({expression, *(d for d in dates if clause.span[0] <= d[0] < clause.span[1])})
    if len(inside) < 2:
        undated = _figure_after_undated(body, clause, expression)
        if undated is None:
            return clause
        first, unit = undated  # "led by 1,900 votes on election night and by 640 on Thursday"
        span = (clause.span[0], expression[1])
        return replace(clause, span=span, context=(clause.context[0], span[1]), asides=(first,), unit=unit)
    unit = None
    starts = _place_items(body, clause, inside)
    if starts is None:
        figures = _figure_items(body, clause, inside)
        if figures is None:
            return clause
        starts, unit = figures
    k = inside.index(expression)
    others = tuple(itertools.pairwise(starts[: k + 1]))  # each with the connector after it
    span = (clause.span[0], expression[1])
    return replace(
        clause,
        span=span,
        context=(clause.context[0], expression[1]),
        asides=tuple(a for a in clause.asides if a[0] < span[1]) + others,
        elsewhere=others,
        unit=unit if k else None,
    )


_ITEM_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
_FIGURE_PREPOSITION = r"(?:(?:by|to|at)\s+)?"  # "led by 1,900 votes … and by 640": the figure's word again
_FIGURE_GAP = re.compile(_ITEM_GAP.pattern + _FIGURE_PREPOSITION)


def _place_items(body: str, clause: Clause, inside: Sequence[Span]) -> list[int] | None:
    """Where each item of a list of places with their dates starts ("in the US on Oct. 3, in …")."""
    starts: list[int] = []
    for before, after in itertools.pairwise(inside):
        gap = re.match(rf"{_ITEM_GAP.pattern}(\w+)\s", body[before[1] : after[0]])
        if gap is None or gap.group(1).lower() not in lexicon.words("place-prepositions"):
            return None
        if has_verb(body[before[1] : after[0]]):
            return None
        starts.append(before[1] + gap.start(1))
    preposition = re.escape(body[starts[0] : starts[0] + body[starts[0] :].find(" ")])
    opening = [m.start() for m in re.finditer(rf"\b{preposition}\b", body[clause.span[0] : inside[0][0]])]
    return [clause.span[0] + opening[-1], *starts] if opening else None


def _figure_items(body: str, clause: Clause, inside: Sequence[Span]) -> tuple[list[int], Span | None] | None:
    """Where each item of a list of figures with their dates starts ("about 900 flights on Tuesday and
    fewer than 300 on Wednesday"), and the first figure's noun ("flights")."""
    figure = _figure_pattern()
    first = list(figure.finditer(body, clause.span[0], inside[0][0]))
    if not first:
        return None
    tail = re.fullmatch(r"((?:\s+[a-z][\w-]*){0,2}?)\s+(?:[a-z]+\s+)?", body[first[-1].end() : inside[0][0]])
    if tail is None or has_verb(tail.group()):
        return None  # "cut 900 jobs and closed plants on Monday": no list of figures
    starts = [first[-1].start()]
    for before, after in itertools.pairwise(inside):
        gap = _FIGURE_GAP.match(body, before[1], after[0])
        item = gap and figure.match(body, gap.end(), after[0])
        rest = body[item.end() : after[0]] if item else ""
        if not item or not re.fullmatch(r"(?:\s+[a-z][\w-]*){0,3}\s+", rest) or has_verb(rest):
            return None
        starts.append(item.start())
    noun = tail.group(1).strip()
    at = first[-1].end() + tail.group(1).find(noun) if noun else None
    return starts, (at, at + len(noun)) if at is not None else None


def _figure_after_undated(body: str, clause: Clause, expression: Span) -> tuple[Span, Span | None] | None:
    """ "led by 1,900 votes on election night and by 640 on Thursday": a dated figure after one that no
    date of ours marks; the earlier item (an aside) and its noun."""
    figure = _figure_pattern()
    item = re.search(
        rf"\s+and\s+{_FIGURE_PREPOSITION}(?P<fig>{figure.pattern})(?:\s+[a-z]+)?\s+$",
        body[clause.span[0] : expression[0]],
    )
    if item is None:
        return None
    second = clause.span[0] + item.start("fig")
    earlier = list(figure.finditer(body, clause.span[0], clause.span[0] + item.start()))
    if not earlier:
        return None
    gap = body[earlier[-1].end() : clause.span[0] + item.start()]
    words = re.fullmatch(r"\s+([a-z][\w-]*)((?:\s+[a-z][\w-]*){0,3})", gap)
    if words is None or has_verb(gap) or not lexicon.is_noun(words.group(1)):
        return None
    at = earlier[-1].end() + 1
    return (earlier[-1].start(), second), (at, at + len(words.group(1)))


@cache
def _figure_pattern() -> re.Pattern[str]:
    """ "about 900", "fewer than 300", "$4.5 million", "12%": a figure (figure-openers before it)."""
    openers = "|".join(map(re.escape, sorted(lexicon.words("figure-openers"))))
    return re.compile(
        rf"(?<![\w$€£])(?:(?:{openers})\s+(?:than\s+)?)?[$€£]?\d[\d,.]*(?:%|\s+(?:million|billion|percent)\b)?"
    )


def opening_clause(body: str, sentence: Span, until: int | None = None) -> Clause | None:
    """The sentence's first clause, before ``until``: what a speech tag at its end ("…, officials
    said Friday") reports."""
    start = sentence[0] + dateline_length(body[sentence[0] : sentence[1]])
    first = re.search(r"\w", body[start : sentence[1] if until is None else until])
    if first is None:
        return None
    at = (start + first.start(), start + first.start())
    return _clause(body, _segments(body, start, sentence[1] if until is None else until, at), at)


def _clause(body: str, segments: list[_Segment], expression: Span, others: Sequence[Span] = ()) -> Clause:
    k = next(i for i, seg in enumerate(segments) if seg.start <= expression[0] < seg.end)
    first = k
    apposition = bool(_apposed_name(body, segments[k].start, segments[k].end))  # the date's own clause
    while (
        not apposition
        and first > 0
        and (segments[first].cut == "weak" or _is_aside(body, segments, first, k))
    ):
        first -= 1
    if first == 1 and _told_of_main(body, segments, others):
        first = 0  # "The two sides drew 1-1 | when they last met, in February": the draw is the news
    front = k if k > first and _is_speech_tail(body, segments[k], expression) else first
    if k + 1 < len(segments) and _only_date(body, segments[front].start, segments[k].end, expression):
        front = k + 1  # "09:15 BST: Police closed the road", "Update, 4:15 p.m.: The navy lifted …"
    while front + 1 < len(segments) and _is_introduction(body, segments[front]):
        if front == k and segments[k].cut == "opener" and k and has_verb(_text(body, segments[k - 1 : k])):
            break  # "County Road 14 is closed … | until at least Thursday, | the sheriff's office said"
        if front == k and (
            _names_happening(body, segments[k], expression)
            or (k and _opens_gerund(body[segments[k].start : segments[k].end].split()))
        ):
            break  # "until his resignation in March 2024, …", "… since peaking in March, the agency said"
        front += 1
        if front == k + 1 and front + 1 < len(segments) and _apposes_date(body, segments, front, expression):
            front += 1  # "In 2012, the last comparable heat wave, the county recorded …"
    last = max(k, front)
    while not _verb_in(body, segments, front, last, k) and last + 1 < len(segments):
        if segments[last + 1].cut not in ("opener", "weak"):
            break  # a hard cut, or a clause of its own after a splitter
        if last + 2 == len(segments) and _says_who_only(body, segments[last + 1]):
            break  # "Reyes leaves Friday for …, | her office said": who spoke is no verb of the clause
        last += 1
    if last + 1 < len(segments) and _names_person(body, segments, last + 1):
        last += 1  # "convicted the former director of the port, | Gerald Voss, | of taking bribes"
    if last + 2 < len(segments) and segments[last + 2].cut in _CONTINUATIONS:
        follows = segments[last + 2]
        if not any(follows.start <= d[0] < follows.end for d in others) and not (
            follows.cut == "predicate" and _is_reported(body, segments, front)
        ):
            last += 2  # "collapsed in October after Iceland raised its limit": undated, told with it
    if last + 1 < len(segments) and _wants_object(
        body, segments[front].start, segments[last].end, expression
    ):
        last += 1  # "recalled her promise in 2021 | that taxes would not rise": what was promised
    restrictive = _after_restrictive(body, segments, front, (expression, *others))
    main_verb = relative_end = None
    if restrictive and restrictive[1] < expression[0]:
        front = first = restrictive[0] - 1  # "A bill that would spend $12 billion | is headed for a vote …"
        main_verb = restrictive[1]
    elif restrictive:  # "The law that Parliament passed on Monday | bans …": the law's passing
        relative_end, last = len(body[: restrictive[1]].rstrip()), front
    span = (segments[front].start, relative_end or segments[last].end)
    asides = ((segments[front + 1].start, main_verb),) if main_verb is not None else ()
    asides += tuple(
        (seg.start, seg.end)
        for i, seg in enumerate(segments[front + 1 : last], front + 1)
        if _is_aside(body, segments, i, k)
        or (
            seg.cut == "weak"
            and not _names_person(body, segments, i)
            and (
                not has_verb(body[seg.start : seg.end])
                or _is_participle_aside(body, seg)
                or bool(_apposed_name(body, seg.start, seg.end))
            )
        )
    )
    main = (
        segments[first].cut in ("start", "weak", *_MAIN_SPLITS)
        and not apposition
        and not in_quotation(body, expression[0])
    )
    said_by = None
    if front and _is_reported(body, segments, front):  # "President Zelensky said on Telegram | that …"
        said_by = (segments[front - 1].start, segments[front - 1].end)
    predicate = segments[front].cut == "predicate"
    return Clause(span, (segments[first].start, span[1]), main, asides, predicate, said_by=said_by)


def _told_of_main(body: str, segments: list[_Segment], others: Sequence[Span]) -> bool:
    """Is the second segment a clause of the same moment (clause-openers, kind "time": "when")
    told of the sentence's undated opening clause, which is then the happening ("Police arrested
    him | when he landed on Friday")?  An opening clause that only says how things stood ("She was
    12 | when the war began in 1939", "He had been working there | when …": a copula or an
    auxiliary, event-judgements; a verb in the present) or who spoke leaves the "when" clause the news."""
    main, told = segments[0], segments[1]
    opener = body[told.start : told.end].split()[:1]
    same_moment = lexicon.words("clause-openers", kind="time")
    if told.cut != "opener" or not opener or opener[0].lower() not in same_moment:
        return False
    if any(main.start <= d[0] < main.end for d in others) or in_quotation(body, told.start):
        return False
    words = [w.strip(_QUOTES + ",") for w in body[main.start : main.end].split()]
    verbs = [w.lower() for i, w in enumerate(words) if i and _is_finite(words, i)]
    roles = lexicon.mapping("event-judgements")
    background = {w for w, role in roles.items() if role in ("copula", "auxiliary")}  # "had been working"
    if not verbs or verbs[0] in background | lexicon.words("speech-verbs"):
        return False
    tags = lexicon.verb_tags(verbs[0])  # "He faces 20 years in prison | when he is sentenced …": a state
    return "VBD" in tags or not tags & {"VBZ", "VBP"}


def _names_person(body: str, segments: list[_Segment], i: int) -> bool:
    """Is segment ``i`` only a person's name between commas after the object of a verb ("spoke with
    Russia's president, | Vladimir Putin, | on Monday")?  It says who the noun is: a headline keeps it."""
    segment = segments[i]
    if segment.cut != "weak" or body[segment.start : segment.start + 1] != ",":
        return False
    if i + 1 < len(segments) and body[segment.end : segment.end + 1] != ",":
        return False
    before = [w.strip(_QUOTES) for w in body[segments[i - 1].start : segment.start].split()]
    if not before or not (lexicon.is_noun(before[-1]) or before[-1][:1].isupper()):
        return False
    if not any(_is_finite(before, j) for j in range(1, len(before))):
        return False  # "The union's negotiator, | Grant Ellison, | said": the subject's name, an aside
    text = body[segment.start : segment.end]
    start, end = segment.start + len(text) - len(text.lstrip(" ,")), segment.start + len(text.rstrip(" ,.;"))
    people = [(m.start, m.end) for m in entities.find(body) if m.entity.kind == "person"]
    following = _COMMA_SPACE.match(body, segment.end).end()  # type: ignore[union-attr]
    before = len(body[max(0, segment.start - 40) : segment.start].rstrip()) + max(0, segment.start - 40)
    listed = any(b == before or a == following for a, b in people)
    return not listed and (start, end) in people  # not in a list: "Ana Ruiz, | Tom Baxter, | Lee Chan"


def _is_reported(body: str, segments: list[_Segment], front: int) -> bool:
    """Is the clause what someone said ("… and said the plant would close", "said on Telegram that
    more releases were expected")?  A verb phrase after it ("… and thanked the families") may be the
    speaker's own: it is not told with the reported happening."""
    if segments[front].cut == "speech":
        return True
    words = body[segments[front].start : segments[front].end].split()
    before = body[segments[front - 1].start : segments[front - 1].end].split() if front else []
    return (
        bool(words)
        and words[0].lower() == "that"
        and any(w.strip(_QUOTES + ",").lower() in lexicon.words("speech-verbs") for w in before)
    )


def _after_restrictive(
    body: str, segments: list[_Segment], front: int, dates: Sequence[Span]
) -> tuple[int, int] | None:
    """When the clause begins with a relative clause that goes on the sentence's opening noun phrase,
    without commas ("A bill that would spend $12 billion is headed for a vote next week"): the segment
    that opens it and where the main verb stands, the verb after the relative clause's own; a tense
    right after a date that closes the relative clause is one too ("Voters who backed the levy on
    Tuesday | face …")."""
    opened = next((i for i in range(front, 0, -1) if segments[i - 1].cut == "start"), 0)
    if not opened or not _opens_relative(body, segments[opened]):
        return None
    if any(seg.cut != "opener" for seg in segments[opened : front + 1]) or has_verb(
        body[segments[opened - 1].start : segments[opened - 1].end]
    ):
        return None
    end = next((i for i in range(front + 1, len(segments)) if segments[i].cut != "opener"), len(segments))
    found = list(_WORD.finditer(body, segments[opened].start, segments[end - 1].end))
    words = [m.group().strip(_QUOTES + ",") for m in found]
    finite = [i for i in range(1, len(words)) if words[i] and _is_finite(words, i)]
    later = [
        i
        for i in finite[1:]
        if i > finite[0] + 1
        and words[i].lower() in lexicon.words("verbs")  # "is headed", "was killed"; not "… her clothes dry"
        and words[i - 1].lower() not in ("and", "or", "but", "to", "that", "who", "which", *_PRONOUNS)
    ]  # "The man who said | he would resign …": a pronoun's verb is a clause of its own
    dated = [
        i
        for i in range(2, len(words))
        if finite
        and finite[0] < i - 1
        and any(found[i - 1].end() == d[1] for d in dates)
        and words[i].islower()
        and lexicon.verb_tags(words[i]) & {"VBD", "VBZ", "VBP"}
    ]
    verbs = sorted({*later, *dated})
    return (opened, found[verbs[0]].start()) if verbs else None


def _wants_object(body: str, start: int, end: int, expression: Span) -> bool:
    """Does the stretch end on a noun of saying ("her promise in 2021") or a verb ("Engineers
    discovered last year"), so that the "that" clause after it is what was promised or found?"""
    words = (body[start : expression[0]] + " " + body[expression[1] : end]).split()
    words = [w.strip(",") for w in words if w.lower() not in lexicon.words("date-words")]
    return (
        bool(words)
        and (words[-1].lower() in _nominal_verbs() or _found_something(words))
        and _THAT_AFTER.match(body, end) is not None
    )


def _found_something(words: Sequence[str]) -> bool:
    """ "Engineers discovered": a verb that wants what was found; a speech verb's words are reported."""
    return _is_finite(words, len(words) - 1) and words[-1].lower() not in lexicon.words("speech-verbs")


def _verb_in(body: str, segments: list[_Segment], front: int, last: int, k: int) -> bool:
    """A verb of the clause itself, not of a relative clause between commas inside it, unless the
    date stands in that relative clause (segment ``k``: "Whitaker, who took office in January 2022,");
    the date's own gerund or participle phrase has one ("since peaking in March")."""
    return any(
        has_verb(body[seg.start : seg.end]) or (i == k and _opens_verb_phrase(body, seg))
        for i, seg in enumerate(segments[front : last + 1], front)
        if not _is_aside(body, segments, i, k)
    )


def _opens_verb_phrase(body: str, segment: _Segment) -> bool:
    """A gerund ("since peaking in March") or, after a comma, a participle ("The pickup, | first
    shown in January 2025, …": "shown" is no past tense) that opens the date's own segment."""
    words = body[segment.start : segment.end].strip(" ,").split()
    participle = segment.cut == "weak" and bool(words) and _participle_at(words, 0) is not None
    return _opens_gerund(body[segment.start : segment.end].split()) or participle


def _segments(body: str, start: int, end: int, keep: Span) -> list[_Segment]:
    """The sentence cut at punctuation, at the words that open a subordinate clause and at the
    splitters that a clause of its own follows."""
    commas = _place_commas(body, start, end) | _figure_commas(body, start, end)
    cuts: list[tuple[int, str]] = [(start, "start")]
    for m in re.finditer(_CUTS, body[start:end]):
        pos = start + m.start()
        if not keep[0] <= pos < keep[1] and pos not in commas:
            cuts.append((pos, "weak" if m.group() in (",", "(", ")") else "hard"))
    for m in _WORD.finditer(body, start, end):
        word = m.group().strip(_QUOTES + ",.;:").lower()
        inside = keep[0] < m.start() < keep[1]  # "Earlier that day": no clause opens inside the date
        # "… | before winning a seat in 1971", "… | with preorders beginning Friday": a gerund phrase or an
        # absolute phrase that holds the date is a clause of its own
        ahead = body[m.start() : keep[0]].split() if m.start() < keep[0] else []
        gerund = _opens_gerund(ahead) or _absolute_participle(ahead) is not None
        opens = (word in lexicon.words("clause-openers") and not _after_auxiliary(body, m.start())) or gerund
        if opens and not inside and not _opens_date(body, m.end(), keep):
            cuts.append((m.start(), "opener"))
    split: set[int] = set()  # where a row of the table has divided already: the first row wins
    for pattern, kind in _splitters():
        for m in pattern.finditer(body, start, end):
            taken = (
                m.start() in split or keep[0] <= m.start() < keep[1] or _joins_dates(body, m.start(), m.end())
            )
            after = _without_date(body, m.end(), end, keep)
            if taken or not (
                _divides(after, kind)
                or (kind == "predicate" and _shares_modal(body[start : m.start()], after))
            ):
                continue
            if kind == "joined" and not has_verb(body[start : m.start()]):
                continue  # "Ukrainian and Russian negotiators met": no clause before it
            split.add(m.start())
            kind = "coordinate" if kind == "joined" else kind
            cuts += [(m.start(), "opener"), (m.end(), kind)]  # the splitter's words belong to neither
    cuts.sort(key=lambda cut: (cut[0], cut[1] in _SPLITS))  # a splitter's kind wins at its position
    bounds = [*cuts, (end, "end")]
    return [_Segment(a, b, cut) for (a, cut), (b, _) in itertools.pairwise(bounds) if b > a]


def _after_auxiliary(body: str, at: int) -> bool:
    """ "The agency has since tightened its rules": an opener right after an auxiliary (event-judgements)
    is an adverb of the verb phrase, no clause of its own."""
    before = re.search(r"(\w+)\s+$", body[max(0, at - 12) : at])
    return bool(before) and lexicon.mapping("event-judgements").get(before.group(1).lower()) == "auxiliary"


def _joins_dates(body: str, start: int, end: int) -> bool:
    """ "Sales in March and May rose": a splitter between two calendar words or figures joins dates."""
    before = re.findall(r"[\w’'.]+", body[max(0, start - 30) : start])[-1:]
    after = re.match(r"\s*([\w’'.]+)", body[end : end + 30])
    return bool(before and after) and all(
        w.strip(".").lower() in lexicon.words("calendar-words") or w.strip(".").isdigit()
        for w in (before[0], after.group(1))
    )


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


def _without_date(body: str, start: int, end: int, date: Span) -> str:
    """The text of ``start:end`` without the date and its own words: ", and in the spring of 2006 the
    Friends reopened …" has a subject and a verb right after "and"."""
    if not start <= date[0] < end:
        return body[start:end]
    a, b = date_phrase(body, date, start)
    before = body[start:a].split()
    while before and before[-1].lower() in lexicon.words("function-words"):
        before.pop()  # "in the" spring of 2006
    return " ".join(before) + " " + body[b:end]


def _divides(after: str, kind: str) -> bool:
    """Does a clause follow a splitter: a finite verb before the next punctuation, right after it
    for a verb phrase ("and promised"), after a subject otherwise ("and markets price")?"""
    after = _NAME_APPOSED.sub(" ", after)  # "and on Saturday the owner, Rosa Pellegrini, will lock …"
    stretch = re.split(r"[,;:.()?!—–]|\s[_-]{1,2}\s", after, maxsplit=1)[0]
    fillers = lexicon.words("title-fillers")
    words = [w.strip(_QUOTES) for w in stretch.split() if w.lower() not in fillers][: SPEAKER_WORDS + 1]
    if not words:
        return False
    if kind == "predicate":
        first = words[0].lower()
        if _is_infinitive(words, 0):
            return True  # "to arrive in 2033 and to touch down …"
        if _is_infinitive(words, 1) and lexicon.verb_tags(first) & {"VBZ", "VBD"}:
            return True  # "and hopes to return", "and plans to reopen": nouns too, but not right before "to"
        return _is_finite(words, 0) and (first in lexicon.words("verbs") or not lexicon.is_noun(first))
    if kind == "speech":
        return has_verb(" ".join(words))
    if kind == "joined":  # a short subject that opens as one, then its verb: "and the stadium is expected …"
        verb = next((i for i in range(len(words)) if _is_finite(words, i)), None)
        subject = words[:verb] if verb else []
        relative = lexicon.words("relative-pronouns")
        opens = subject[:1] != [] and subject[0].lower() in lexicon.words("determiners") | _PRONOUNS
        return opens and len(subject) <= SUBJECT_WORDS and not any(w.lower() in relative for w in subject)
    verb_after = [
        j
        for j in range(1, len(words) - 1)
        if words[j].lower() in ("and", "or", "but") and _is_finite(words, j + 1)
    ]
    if (
        kind == "subordinate" and verb_after
    ):  # "as an apprentice in 1983 and succeeded …": no clause of its own
        words = words[: verb_after[0]]
    return (
        bool(words) and not _is_finite(words, 0) and any(_is_finite(words, i) for i in range(1, len(words)))
    )


def shares_modal(body: str, sentence: Span, at: int) -> bool:
    """Does the verb phrase at ``at`` share the modal of the one before it ("would begin on 13 June and
    | end on 14 June"), so that it is told, and planned, as that one is?"""
    return _shares_modal(body[sentence[0] : at], body[at : sentence[1]]) is not None


def _shares_modal(before: str, after: str) -> str | None:
    """ "The strike would begin on 13 June | and end on 14 June": a bare verb after "and" that shares
    the modal of the verb before it (modals) is a verb phrase of its own, though no finite verb.
    The modal it shares, or None."""
    words = re.findall(r"[\w’'-]+", after)[:2]
    if not words or _modal(words[0]) or not _bare_infinitive(words[0]):
        return None  # "and will be available": a modal of its own
    if lexicon.is_noun(words[0]) and words[1:] and words[1].lower() not in lexicon.words("function-words"):
        return None  # "and trade negotiations": a noun
    shared = _modal_verb().findall(before)
    return shared[-1][0] if shared and _bare_infinitive(shared[-1][1]) else None


@cache
def _modal_verb() -> re.Pattern[str]:
    """A modal and the verb it governs, maybe after an adverb ("would quickly begin")."""
    modals = "|".join(sorted(lexicon.words("modals")))
    return re.compile(rf"\b({modals})\s+(?:[a-z]+ly\s+)?([a-z]+)\b")


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
            if re.match(r",\s+(?:and|or)\b", body[b.end : end]):  # not ", based in Dublin, Ohio, said"
                found.add(b.end)
    return frozenset(found)


# "a 10-year, $700 million contract", "a 6-foot-2, 220-pound lineman", "a two-year, 4% raise": a
# comma between two measures of one thing, inside its noun phrase.
_FIGURE_COMMA = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+\S+-\w+(,)\s+"
    r"(?=\$?\d[\d.]*(?:\s+(?:million|billion|trillion)|%|-\w+)?\s+[a-z])"
)


def _figure_commas(body: str, start: int, end: int) -> frozenset[int]:
    return frozenset(m.start(1) for m in _FIGURE_COMMA.finditer(body, start, end))


def _opens_date(body: str, after: int, keep: Span) -> bool:
    """ "until Friday": the opener is the date's own preposition, not a new clause."""
    between = body[after : keep[0]].split()
    return after <= keep[0] and all(
        w.lower() in lexicon.words("date-words") or _CLOCK.match(w) for w in between
    )


def _text(body: str, segments: Sequence[_Segment]) -> str:
    return body[segments[0].start : segments[-1].end] if segments else ""


def _is_aside(body: str, segments: list[_Segment], i: int, k: int) -> bool:
    """ "MindSpring, which provided the space, closed it": a relative clause between commas (or one
    of place, clause-openers of kind "aside": "A recount in the race, where 900 votes separate the
    candidates, is expected …"), also one in parts ("Castellano, who chairs the subcommittee that
    funds NASA, said …"; "Whitmore, who served three terms and later led the agency, died …")."""
    inner = ("opener", "predicate")
    if segments[i].cut not in inner:
        return False
    first = last = i
    while not _after_comma(body, segments[first]) and first > 0 and segments[first - 1].cut in inner:
        first -= 1
    while body[segments[last].end : segments[last].end + 1] != "," and last + 1 < len(segments):
        if segments[last + 1].cut not in inner:
            return False
        last += 1
    head = first - 1 if first > 0 and _is_apposition_head(body, segments[first - 1]) else first
    opener = body[segments[first].start : segments[first].end].split()[0].lower()
    return (
        not head <= k <= last
        and (
            _opens_relative(body, segments[first]) or opener in lexicon.words("clause-openers", kind="aside")
        )
        and (_after_comma(body, segments[first]) or head < first)
        and body[segments[last].end : segments[last].end + 1] == ","
    )


def _apposes_date(body: str, segments: list[_Segment], i: int, expression: Span) -> bool:
    """ "In 2012, | the last comparable heat wave, | the county …": a noun phrase between commas
    right after the date that opens the sentence ("In 2012,") says what the date was, when a clause
    with its own subject follows ("In the third quarter, the company, which …, had …" is no such)."""
    segment, date, after = segments[i], segments[i - 1], segments[i + 1]
    words = body[segment.start : segment.end].strip(" ,").split()
    rest = (body[date.start : expression[0]] + body[expression[1] : date.end]).split()
    clause = body[after.start : after.end].strip(" ,").split()
    return (
        len(rest) <= 1
        and after.cut == "weak"
        and bool(clause)
        and clause[0].lower() not in lexicon.words("relative-pronouns")
        and not _is_finite(clause, 0)
        and has_verb(" ".join(clause))
        and segment.cut == "weak"
        and body[segment.end : segment.end + 1] == ","
        and 1 < len(words) <= SUBJECT_WORDS + 2
        and words[0].lower() in lexicon.words("determiners")
        and not has_verb(" ".join(words))
    )


def _is_apposition_head(body: str, segment: _Segment) -> bool:
    """ "Miriam Rosen, the engineer | who turned a machine shop into …, died": a noun phrase after a
    comma that a relative clause goes on; the two are one aside."""
    words = body[segment.start : segment.end].strip(" ,").split()
    return (
        segment.cut == "weak"
        and body[segment.start : segment.start + 1] == ","
        and 1 < len(words) <= SUBJECT_WORDS
        and words[0].lower() in lexicon.words("determiners")
        and not has_verb(" ".join(words))
    )


def _is_participle_aside(body: str, segment: _Segment) -> bool:
    """ "The team, led by Dr. Omar Haddad, had hoped …": a participle phrase between commas."""
    words = body[segment.start : segment.end].strip(" ,").split()
    return (
        len(words) > 1
        and words[1] in lexicon.words("aside-prepositions")
        and "VBN" in lexicon.verb_tags(words[0])
        and body[segment.end : segment.end + 1] == ","
    )


def _apposed_name(body: str, start: int, end: int) -> list[str]:
    """ "NASA's Europa Clipper, an orbiter launched in October 2024, …": if ``start:end`` is such a
    noun phrase between commas (apposition-openers), the capitalised name it describes."""
    words = body[start:end].strip(" ,").split()
    before = body[: start + len(body[start:end]) - len(body[start:end].lstrip(" ,"))].rstrip()
    if len(words) < 2 or words[0].lower() not in lexicon.words("apposition-openers"):
        return []
    if not before.endswith(",") or body[end : end + 1] != ",":
        return []
    name = list(
        itertools.takewhile(lambda w: w[:1].isupper(), reversed(before[:-1].split()[-SUBJECT_WORDS:]))
    )
    return name[::-1]


def _after_comma(body: str, segment: _Segment) -> bool:
    return body[: segment.start].rstrip().endswith(",")


def _opens_relative(body: str, segment: _Segment) -> bool:
    return body[segment.start : segment.end].split()[0].lower() in lexicon.words("relative-pronouns")


def _names_happening(body: str, segment: _Segment, expression: Span) -> bool:
    """Does a noun of a happening (nominalisations table) stand right before the date?"""
    words = body[segment.start : expression[0]].split()
    words = [w for w in words if w.lower() not in lexicon.words("date-words")]
    return bool(words) and words[-1].lower() in _nominal_verbs()


def _only_date(body: str, start: int, end: int, expression: Span) -> bool:
    """Is the stretch the date alone, or the date and a label ("Update, 4:15 p.m.:")?"""
    rest = (body[start : expression[0]] + " " + body[expression[1] : end]).split()
    words = [w for w in rest if any(c.isalnum() for c in w)]
    return not words or (len(words) == 1 and body[end : end + 1] == ":" and not has_verb(words[0]))


def _is_speech_tail(body: str, segment: _Segment, expression: Span) -> bool:
    """ "…, an official said Saturday.", "…, chief executive Mark Delaney told investors on a call on
    Thursday morning.": the date's own stretch only says who spoke, to whom, and when."""
    words = (body[segment.start : expression[0]] + " " + body[expression[1] : segment.end]).split()
    words = [bare for w in words if (bare := w.strip(_QUOTES + ",.;:"))]
    verb = next((i for i, w in enumerate(words[:6]) if w.lower() in lexicon.words("speech-verbs")), None)
    if verb is None or len(words) > TITLE_WORDS + 2:
        return False
    return len(words) <= 8 or not (has_verb(" ".join(words[:verb])) or has_verb(" ".join(words[verb + 1 :])))


def _says_who_only(body: str, segment: _Segment) -> bool:
    """Is the segment only who spoke and when (", her office said on Monday."), nothing they said?"""
    words = [bare for w in body[segment.start : segment.end].split() if (bare := w.strip(_QUOTES + ",.;:"))]
    verb = next((i for i, w in enumerate(words[:6]) if w.lower() in lexicon.words("speech-verbs")), None)
    return verb is not None and len(words) - verb <= 4 and not has_verb(" ".join(words[verb + 1 :]))


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
    said = body[segment.start : segment.end].lstrip(" ,")
    if any(
        p.match(said[: m.end()])
        for m in re.finditer(r"\s+", said)
        for p in lexicon.patterns("period-ends", re.IGNORECASE)
    ):
        return True  # "For the year ended Sept. 30,": the period a figure is for (period-ends)
    months = {  # "On May 6,": the month, not the modal
        w.lower()
        for w in said.split()[1:]
        if w[:1].isupper() and w.lower() in lexicon.words("calendar-words")
    }
    if has_verb(" ".join(w for w in words if w not in months)) or _SUBJECT_PRONOUNS & set(words):
        return False  # "In 1966 she and her husband, Albert Rosen, founded …": the subject
    if any(_subject_after_date(words, i) for i in range(2, len(words))):
        return False  # "on Saturday the owner, Rosa Pellegrini, will lock …"
    opener = words[0]
    unit = next((i for i, w in enumerate(words[:3]) if w in lexicon.words("time-units")), len(words))
    timed = words[unit + 1 : unit + 2] and words[unit + 1] in lexicon.words("introduction-openers")
    return (
        bool(timed)  # "Hours before the exchange,", "Two days later,": timed from another happening
        or opener in lexicon.words("introduction-openers")
        or opener in lexicon.words("calendar-words")
        or (
            bool(lexicon.verb_tags(opener) & {"VBG"}) and opener not in _nominal_verbs()
        )  # not "Sentencing …,"
    )


def _subject_after_date(words: Sequence[str], i: int) -> bool:
    """A determiner right after a month or weekday name or a year opens a noun phrase of its own."""
    before = words[i - 1]
    return words[i] in lexicon.words("determiners") and (
        before in lexicon.words("calendar-words") or bool(re.fullmatch(r"\d{4}", before))
    )


def has_verb(clause: str) -> bool:
    """Does ``clause`` hold a finite verb?  A noun phrase ("his claims in 2022") does not."""
    words = [raw.strip(_QUOTES + ",.;:()[]") for raw in clause.replace(JOIN, " ").split()]
    return any(_is_finite(words, i) for i in range(len(words)))


def _is_finite(words: Sequence[str], i: int) -> bool:
    """A past or present tense, an auxiliary or a listed verb, not right after a determiner; a quotation
    by its first word ("the dam ‘is not at risk of failing’")."""
    if words[i][:1] in _QUOTES and len(words[i]) > 1:  # not "reiterated ‘it’s not our war’": an object
        first = words[i].strip(_QUOTES + ",.").split(JOIN)[0]
        opens = first.islower() and "'" not in first.replace("’", "'")  # not "‘Iron Curtain’", "‘it’s"
        return (
            bool(i)
            and opens
            and not _is_finite(words, i - 1)
            and (_is_finite([*words[:i], first], i) or bool(lexicon.verb_tags(first) & {"VBD", "VBZ", "VBP"}))
        )
    word = words[i].replace(JOIN, " ")
    lower = word.lower().replace("’", "'")
    if "'" in lower:  # "it's", "they're", "won't": a pronoun or a verb with its contraction
        stem, _, tail = lower.partition("'")
        return tail in ("s", "re", "ll", "ve", "d", "m", "t") and (
            stem in lexicon.words("function-words") or tail == "t"
        )
    if not lower.replace("-", "").isalpha():  # "re-elected" is a verb, "2.5%" no word
        return False
    if lower in lexicon.words("verbs") or lower in lexicon.words("speech-verbs"):
        article = i and words[i - 1].lower() in ("the", "a", "an")  # "that fell" is a relative clause's
        return not (article and lexicon.is_noun(lower))  # "the remains"
    tags = lexicon.verb_tags(lower)
    if i and words[i - 1].lower() in ("who", "which") and "VBZ" in tags:
        return True  # "which starts its semester": a noun too, but not after a relative pronoun
    relative = i and words[i - 1].lower() in lexicon.words("relative-pronouns")
    if relative and tags & {"VBD", "VBZ"} and not lexicon.is_noun(lower):
        return True  # "the chain that filed for bankruptcy": "that" is no determiner before a verb
    if _after_determiner(words, i):
        return False
    if word[0].isupper() and i:
        return False  # "United", "Cape": names
    if "VBP" in tags and i and is_plural_subject(words[i - 1]):
        return True  # "the incidents underscore", "they say"
    if "VBZ" in tags and i and words[i - 1].lower() in ("he", "she"):
        return True  # "she leaves for Berlin": no plural noun after a pronoun
    if "VBZ" in tags and words[i + 1 : i + 2] and words[i + 1].lower() in _OBJECT_OPENERS:
        return True  # "the college starts its term": a plural noun does not run on into "its"
    return "VBD" in tags or ("VBZ" in tags and not lexicon.is_noun(lower))


def _after_determiner(words: Sequence[str], i: int) -> bool:
    """ "the deal", "the first locally acquired infections": a word after a determiner and the
    adverbs that qualify it describes a noun; "the company recently acquired" has its subject between."""
    determiners = lexicon.words("determiners")
    j = i - 1
    while j >= 0 and words[j].lower() not in determiners and _only_adverb(words[j]):
        j -= 1
    if j >= 0 and words[j].lower() in determiners:
        return True
    return j < i - 1 and j > 0 and words[j - 1].lower() in determiners  # "the first [locally] acquired"


def _only_adverb(word: str) -> bool:
    """ "locally", "newly": an adverb that is no noun ("the overnight low did …": "low" is the subject)."""
    return lexicon.is_adverb(word) and not lexicon.is_noun(word)


def is_plural_subject(word: str) -> bool:
    """Does ``word`` head a plural subject ("they", "the talks")?"""
    lower = word.lower()
    if lower in ("they", "we", "i", "you"):
        return True
    if word[:1].isupper() and lower in lexicon.words("organisations"):
        return False  # "Northwind Robotics was founded": a firm is one
    return lower.endswith("s") and lexicon.is_noun(lower) and not lexicon.verb_tags(lower) - {"VBZ"}


def _quoted(body: str, span: Span) -> bool:
    """Is the clause ``span`` inside a quotation (its first word, past any opening mark)?"""
    first = re.search(r"\w", body[span[0] : span[1]])
    return in_quotation(body, span[0] + (first.start() if first else 0))


def in_quotation(body: str, at: int) -> bool:
    """Is ``at`` inside a quotation?  Counted from the paragraph's start: a quotation may run over
    several sentences ("“We lost this game twice last season. Tonight we deserved it.”")."""
    before = body[body.rfind("\n", 0, at) + 1 : at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def dateline_length(sentence: str) -> int:
    """How many characters of ``sentence`` are its dateline ("WASHINGTON — ", "NAIROBI (AP) _ ")."""
    for pattern in lexicon.patterns("datelines"):
        m = pattern.match(sentence)
        if m:
            return m.end()
    return 0


# --- 2. the words of a headline ---------------------------------------------------------------


def headline(
    body: str, clause: Clause, sentence: Span, expression: Span, dates: Sequence[Span], status: str
) -> str:
    """The headline of the happening ``expression`` dates in ``clause``; ``dates`` are all the
    temporal expressions of the sentence (none of them is part of a headline)."""
    asides = (*clause.asides, *_dated_participle_asides(body, clause, dates, expression))
    words = _subject_named(body, clause, dates, _words(body, clause.span, dates, asides, expression))
    if clause.context[0] < clause.span[0] and _participle_at(words, 0) is not None:
        around = _words(body, (clause.context[0], clause.span[1]), dates, asides, expression)
        told = _participle_told(around, status)  # "Planning permission, | first sought in 2019,"
        words = told if told != around else words
    opener = _participle_opener(body, sentence)
    if opener is not None and clause.span[0] < opener[1]:
        words = _participle_opener_words(body, sentence, opener, expression, dates, asides, words)
    if words[:1] == ["that"] and _only_who_spoke(body, clause):
        words = words[1:]  # "told analysts on a call | that …"; not "said it would reopen a mill | that …"
    words = _absolute_told(_told_in_period(words), status)
    words = _past_subject_relative(body, sentence, clause.span, expression, words)
    if clause.unit:
        words = _with_unit(words, body[clause.unit[0] : clause.unit[1]].split())
    if _quoted(body, clause.span):
        words = _attributed(body, sentence, dates, words) or words
    if clause.shares_subject:
        subject = _relative_subject(body, sentence, clause.span[0])
        subject = subject or _sentence_subject(body, sentence, dates, words[:1])
        words = [*subject, *_shared_auxiliary(body, sentence, clause.span[0], words), *words]
    elif words and words[0].islower() and _is_finite(words, 0):
        words = [*_sentence_subject(body, sentence, dates), *words]  # "The agency, Senapred, said …"
    if status == "happened" and _opens_gerund(words):  # "since joining … in August": the subject's joining
        subject = _sentence_subject(body, sentence, dates)
        words = [*subject, lexicon.inflect(words[1], "VBD"), *words[2:]] if subject else words
    tag = _speech_tag(words)
    named_speaker = tag is not None and (
        bool(entities.people_in(body, *clause.span)) or _is_named(words[:tag])
    )
    if tag is not None:
        reported = _reported(body, clause, sentence, dates, words, tag)
        if reported and _complete(_fit_words(reported)):
            words = reported
    words = _not_until(body, expression, words)  # after the speech tag: "did not tell … until" is none
    found = _fit_words(_tensed(_restructured(body, clause.span, words, status), status))
    as_written = _fit_words(_tensed(words, status))  # "she leaves …": "Vogel leaves" is no less a clause
    opening = opening_clause(body, sentence)
    if (
        not _acceptable(found)
        and not (_acceptable(as_written) and as_written[0].lower() in ("he", "she"))
        and opening
        and not (_quoted(body, opening.span) and (named_speaker or _speaks_of_self(opening, body)))
    ):
        # no subject, or only who spoke: the sentence says more (a named speaker's quotation stays theirs)
        other = _words(body, opening.span, dates, opening.asides)
        other = _fit_words(_tensed(_restructured(body, opening.span, other, status), status))
        if _acceptable(other):
            found = other
    return _title(_owner_named(body, sentence, found))


def _participle_opener(body: str, sentence: Span) -> Span | None:
    """ "Born on March 2, 1936, in Waterloo, Iowa, | Ms. Whitmore taught …", "Founded in 1902, | the
    company …": a participle phrase that opens the sentence and tells of its subject, up to the comma
    before that subject; None if the sentence opens otherwise."""
    start = sentence[0] + dateline_length(body[sentence[0] : sentence[1]])
    words = list(re.finditer(r"\S+", body[start : sentence[1]]))
    first = words[0].group() if words else ""
    if not first[:1].isupper() or "VBN" not in lexicon.verb_tags(first) or lexicon.is_noun(first):
        return None
    texts = [w.group() for w in words]
    for comma in (i for i in range(1, len(texts) - 1) if texts[i].endswith(",")):
        if any(_is_finite(texts, i) for i in range(1, comma)):
            return None  # "Elected officials in Miami warned …, …": the sentence's own verb came first
        end = _opener_subject_end(texts[comma + 1 :])
        if 0 < end <= SUBJECT_WORDS + 1 and not any(
            w.endswith(",") for w in texts[comma + 1 : comma + 1 + end]
        ):
            return (start, start + words[comma].end())  # the comma right before the subject
    return None


def _participle_opener_words(
    body: str,
    sentence: Span,
    opener: Span,
    expression: Span,
    dates: Sequence[Span],
    asides: Sequence[Span],
    words: list[str],
) -> list[str]:
    """The headline's words around a participle opener: what it tells of the subject when it holds
    the date ("Whitmore was born in Waterloo, Iowa"), else the clause without it."""
    rest = _words(body, (opener[1], sentence[1]), dates)
    subject = rest[: _opener_subject_end(rest)]
    if not opener[0] <= expression[0] < opener[1]:
        return [w for w in words if w not in _words(body, opener, dates)] if subject else words
    told = [w for w in _words(body, opener, dates) if w != "DATE"]
    told[-1:] = [w.rstrip(",") for w in told[-1:]]
    if not subject or not told:
        return words
    if [w.lower() for w in subject] in (["he"], ["she"]):  # "Born in 1934 in a fishing village, she …"
        named = referent(body, opener[1] + len(body[opener[1] :]) - len(body[opener[1] :].lstrip()))
        subject = [JOIN.join(short_name(body, named).split())] if named else subject
    be = "were" if is_plural_subject(subject[-1]) else "was"
    return [*subject, be, told[0].lower(), *told[1:], "DATE"]


def _opener_subject_end(rest: Sequence[str]) -> int:
    """Where the subject after a participle opener ends: at its finite verb, or, where that is only a
    present tense read after a plural ("Robotics builds | warehouse") or none is found, at the first
    word of a few that is a past or third-person form ("Founded in 1902, the company | makes
    tractors"; "Northwind Robotics | builds warehouse systems"); 0 if none."""
    found = next((i for i in range(len(rest)) if _is_finite(rest, i)), None)
    if found is not None and lexicon.verb_tags(rest[found]) & {"VBD", "VBZ"}:
        return found
    tensed = (i for i in range(1, min(len(rest), SUBJECT_WORDS + 1)) if rest[i].islower())
    return next((i for i in tensed if lexicon.verb_tags(rest[i]) & {"VBD", "VBZ"}), found or 0)


def _not_until(body: str, expression: Span, words: list[str]) -> list[str]:
    """ "Prices did not return to their peak until 2013": what did not happen until a date happened
    then ("Prices returned to their peak")."""
    if not _UNTIL_BEFORE.search(body, max(0, expression[0] - 20), expression[0]):
        return words
    lowered = [w.lower().replace("’", "'") for w in words]
    for i in range(len(words) - 1):
        negated = lowered[i + 1] == "not" and lowered[i] in ("did", "does", "do")
        if (negated or lowered[i] == "didn't") and i + 1 + negated < len(words):
            verb = i + 1 + negated
            if lowered[verb] in lexicon.words("speech-verbs") or lexicon.inflect(lowered[verb], "VBD") in (
                lexicon.words("speech-verbs")
            ):
                return words  # "did not tell drivers until Friday": told, the headline would be a tag
            return [*words[:i], lexicon.inflect(words[verb], "VBD"), *words[verb + 1 :]]
        if lowered[i + 1] == "not" and _modal(lowered[i]):  # "The road will not reopen until Friday"
            return [*words[: i + 1], *words[i + 2 :]]
        if lowered[i] in _NEGATED_MODALS:
            return [*words[:i], _NEGATED_MODALS[lowered[i]], *words[i + 1 :]]
    return words


def _told_in_period(words: list[str]) -> list[str]:
    """ "after a strong 2024 | in which it rose 30%": a stretch of time named as a noun, then what
    happened in it, which is the headline."""
    at = words.index("DATE") if "DATE" in words else -1
    inside = [w.lower() for w in words[at + 1 : at + 3]] in (["in", "which"], ["during", "which"])
    if at < 0 or not inside or has_verb(" ".join(words[:at])) or len(words) < at + 5:
        return words
    return words[at + 3 :]


def _only_who_spoke(body: str, clause: Clause) -> bool:
    """Does the clause report what a speech tag before it says, which tells nothing else?"""
    return clause.said_by is not None and _speech_tag(body[slice(*clause.said_by)].split()) is not None


def _owner_named(body: str, sentence: Span, words: list[str]) -> list[str]:
    """ "Sentencing is set for March 3, when Whitlock faces …" → "Whitlock’s sentencing is set": a
    happening done to someone (a patient noun of the nominalisations table) said without whom it is
    done to takes the one person its sentence names."""
    noun = words[0].lower() if words else ""
    if len(words) < 2 or _nominal_verbs().get(noun, ("", ""))[1] != "patient" or not _is_finite(words, 1):
        return words
    named = {JOIN.join(short_name(body, p).split()) for p in entities.people_in(body, *sentence)}
    if len(named) != 1 or named & {w.strip(_QUOTES + ",.;:") for w in words}:
        return words
    return [f"{named.pop()}’s", noun, *words[1:]]


def _dated_participle_asides(
    body: str, clause: Clause, dates: Sequence[Span], expression: Span
) -> list[Span]:
    """ "Arcline, founded in 2003 by …, will report … in early August": a participle aside between
    commas that another date dates is that date's happening, no part of this one."""
    start, end = clause.span
    found = []
    for m in re.finditer(r",\s+([a-z]+)(?:\s+([a-z]+))?\b[^,]*,", body[start:end]):
        a, b = start + m.start(), start + m.end() - 1
        other = any(a <= d[0] < b for d in dates if d != expression) and not a <= expression[0] < b
        if other and _participle_at([w for w in m.groups() if w], 0) is not None:
            found.append((a, b))
    return found


def _participle_at(words: Sequence[str], i: int) -> int | None:
    """Where a past participle stands at ``i``, maybe after an adverb ("held", "first introduced",
    "last updated"): its index, or None."""
    for j in (i, i + 1):
        tags = lexicon.verb_tags(words[j]) if j < len(words) and words[j].islower() else frozenset()
        if "VBN" in tags and "VBZ" not in tags:
            return j
        if j < len(words) and not (words[j].islower() and lexicon.is_adverb(words[j])):
            return None
    return None


def _subject_named(body: str, clause: Clause, dates: Sequence[Span], words: list[str]) -> list[str]:
    """ "Morland's father, Elias Morland, opened the shop" → "Elias Morland opened the shop": a subject
    named in apposition right before its verb is called by the name, as a reader would."""
    for a, b in clause.asides:
        aside = body[a:b].strip(" ,")
        named = [m for m in entities.find(body) if m.entity.kind == "person" and a <= m.start and m.end <= b]
        if len(named) != 1 or named[0].end - named[0].start != len(aside) or a <= clause.span[0]:
            continue
        subject = _words(body, (clause.span[0], a), dates)
        own = len(subject)
        if not subject or _count(subject) > SUBJECT_WORDS + 2 or has_verb(" ".join(subject)):
            continue
        if own < len(words) and words[:own] == subject and _is_finite(words, own):
            return [JOIN.join(short_name(body, named[0].entity).split()), *words[own:]]
    return words


def _opens_gerund(words: Sequence[str]) -> bool:
    """Does the clause open with a gerund-openers word and an -ing verb ("since joining …")?"""
    return (
        len(words) > 2
        and words[0].lower() in lexicon.words("gerund-openers")
        and words[1].islower()
        and "VBG" in lexicon.verb_tags(words[1])
    )


def _absolute_participle(words: Sequence[str]) -> int | None:
    """Where the participle of an absolute phrase stands ("with preorders | beginning …", "with the
    first game | scheduled for …": "with", a short noun phrase and a participle), or None."""
    if [w.lower() for w in words[:1]] != ["with"]:
        return None
    for i in range(2, min(len(words), SUBJECT_WORDS + 2)):
        if words[i].lower() in lexicon.words("relative-pronouns") or not words[i - 1][-1:].isalnum():
            return None  # "with a fire that destroyed …", "with six straight wins, slumped …"
        tags = lexicon.verb_tags(words[i]) if words[i].islower() else frozenset()
        after = words[i + 1] if i + 1 < len(words) else ""
        linked = after == "DATE" or after.lower() in lexicon.words("function-words")
        if "VBG" in tags or ("VBN" in tags and linked):
            return None if has_verb(" ".join(words[1:i])) else i  # "scheduled for", "expected around"
    return None


def _absolute_told(words: list[str], status: str) -> list[str]:
    """ "with preorders beginning on Friday" → "Preorders began" / "Preorders to begin"; "with the
    first game scheduled for Friday" → "The first game was scheduled" / "is scheduled"."""
    at = _absolute_participle(words)
    if at is None:
        return words
    subject, verb, done = words[1:at], words[at], status == "happened"
    if "VBG" in lexicon.verb_tags(verb):
        told = [lexicon.inflect(verb, "VBD")] if done else ["to", lexicon.inflect(verb, "VB")]
    else:
        plural = is_plural_subject(subject[-1])
        told = [("were" if plural else "was") if done else ("are" if plural else "is"), verb]
    return [*subject, *told, *words[at + 1 :]]


def _with_unit(words: list[str], unit: list[str]) -> list[str]:
    """ "cancel fewer than 300 DATE" → "cancel fewer than 300 flights DATE": the last bare figure
    before the date takes the noun of the list's first."""
    at = next((i for i in range(len(words) - 1, -1, -1) if words[i] == "DATE"), len(words))
    figure = next((i for i in range(at - 1, -1, -1) if _NUMBER.fullmatch(words[i].rstrip("%,"))), None)
    after = figure + 1 if figure is not None else at
    while after < at and words[after].lower() in lexicon.words("figure-openers"):
        after += 1  # "26 more [stores]"
    if figure is None or (after < at and words[after] not in lexicon.words("function-words")):
        return words  # "… and 300 flights on Wednesday": a noun of its own
    return [*words[:after], *unit, *words[after:]]


def reports_dated_clause(
    body: str,
    clause: Clause,
    sentence: Span,
    expression: Span,
    dates: Sequence[Span],
    reported: Sequence[Span],
    later: Sequence[Span] = (),
) -> bool:
    """ "A wildfire tore through the forest overnight, fire officials said on Thursday": ``clause`` is
    only a speech tag, and the clause it reports holds one of ``reported`` (dates of the sentence),
    or one of ``later`` unless the tag tells a decision or names who spoke ("The ferry will return …
    on Dec. 1, the department said Thursday": the plan has its day; "…, the board decided on Monday",
    "…, Paula Brandt told analysts on Wednesday" are happenings of their own)."""
    words = _words(body, clause.span, dates, clause.asides, expression)
    tag = _speech_tag(words)
    opening = opening_clause(body, sentence, clause.span[0]) if tag is not None else None
    announced = tag is not None and not _decides(words[tag].strip(",")) and not _is_named(words[:tag])
    told = [*reported, *(later if announced else ())]
    return opening is not None and any(
        opening.span[0] <= d[0] < opening.span[1] for d in told if d != expression
    )


def _attributed(body: str, sentence: Span, dates: Sequence[Span], quoted: list[str]) -> list[str]:
    """A date inside a quotation: "<speaker> said ‘<words>’" when the speech tag after the quotation
    names the speaker and the words fit, else the speech tag ("Reyes told supporters at a union hall")."""
    closing = [m.end() for m in re.finditer(r"[”\"]", body[sentence[0] : sentence[1]])]
    if not closing:
        return []
    tail = _words(body, (sentence[0] + closing[-1], sentence[1]), dates)
    verb = _speech_tag(tail)
    if verb is None or not _is_named(tail[:verb]):
        return []
    said = [w.strip(_QUOTES + ",") for w in quoted if w != "DATE"]
    if said and _count(said) + verb + 1 <= TITLE_WORDS:
        return [*tail[:verb], "said", *_quotations_joined([f"‘{said[0]}", *said[1:-1], f"{said[-1]}’"])]
    return tail


def _sentence_subject(
    body: str, sentence: Span, dates: Sequence[Span], predicate: Sequence[str] = ()
) -> list[str]:
    """ "The governor toured … and promised …": the words before the sentence's first verb; the
    reported clause's subject when the verb phrase repeats its verb ("Solberg said the suspension
    would take effect … and would be reviewed …": the suspension would be reviewed)."""
    opening = opening_clause(body, sentence)
    if opening is None or _quoted(body, opening.span):
        return []  # "“We will not go over a certain level,” said McCammon": no subject of ours
    opener = _participle_opener(body, sentence)  # "Born in 1936, | Whitmore taught …"
    start = opener[1] if opener and opening.span[0] < opener[1] < opening.span[1] else opening.span[0]
    words = _words(body, (start, opening.span[1]), dates, opening.asides)
    if opening.context[0] < start and _participle_at(words, 0) is not None:  # "Permission, | first sought"
        words = _words(body, (opening.context[0], opening.span[1]), dates, opening.asides)
    verb = next((i for i in range(len(words)) if _is_finite(words, i)), None)
    if verb is None:  # "The union, which represents …, said": the opening is the subject
        return words if len(words) <= SUBJECT_WORDS + 2 and words[:1] != [] and words[0][:1].isupper() else []
    speech = verb < len(words) and words[verb].strip(",").lower() in lexicon.words("speech-verbs")
    if speech and not _names_object(words[verb], words[verb + 1 :]):
        said = words[verb + 1 :] or _words(body, (opening.span[1], sentence[1]), dates)  # "said | that …"
        marked = said[:1] == ["that"]  # "… said that Nordvik made an offer in August but withdrew it"
        said = said[1:] if marked else said
        inner = next((i for i in range(1, len(said)) if _is_finite(said, i)), None)
        if (
            inner is not None
            and predicate
            and (
                marked
                or [w.lower() for w in predicate] == [said[inner].lower()]
                or (
                    _dated_after(body, opening.span, dates, words[verb])
                    and _modal(said[inner]) == (_modal(predicate[0]) or _bare_infinitive(predicate[0]))
                )
            )
        ):
            words, verb = said, inner
    while verb > 1 and words[verb - 1].islower() and lexicon.is_adverb(words[verb - 1]):
        verb -= 1  # "The pool first opened …": "first" goes with the verb
    opener = next((i for i in range(1, verb) if words[i].lower() in lexicon.words("clause-openers")), None)
    if opener is not None:
        words, verb = words[:opener], opener  # "National Intergroup, which owns …, posted": the subject
    apposed = next(  # "Nordvik Dairy, a Norwegian cooperative, made …": the name without its aside
        (
            i + 1
            for i in range(verb - 1)
            if words[i].endswith(",") and words[i + 1] in lexicon.words("determiners")
        ),
        verb,
    )
    subject = [*words[: apposed - 1], words[apposed - 1].rstrip(",")] if verb else []  # "Corp., hammered …,"
    named = sum(w.islower() for w in subject) <= 2  # "The United Food and Commercial Workers union": a name
    if apposed <= SUBJECT_WORDS + 2 or named:
        return subject
    head = next((i for i in range(1, len(subject)) if _breaks_before(subject, i)), len(subject))
    return subject[:head] if head <= SUBJECT_WORDS else []  # "Okonkwo [of the U.S. Bankruptcy Court …]"


def _names_object(verb: str, after: Sequence[str]) -> bool:
    """ "declared a state of emergency", "denied the charges": a speech verb of kind "object" followed
    by a noun phrase states or makes happen what it names, and reports no clause."""
    return (
        verb.lower().strip(",") in lexicon.words("speech-verbs", kind="object")
        and after[:1] != []
        and after[0].lower() in lexicon.words("determiners") | lexicon.words("possessives")
    )


def _dated_after(body: str, span: Span, dates: Sequence[Span], verb: str) -> bool:
    """Does a date stand in ``span`` after its speech verb ``verb``?  "Hartsell said the thefts began in
    2019 and came to light in July": a dated verb phrase of the same form after a dated reported clause
    goes on it."""
    said = re.search(rf"(?<!\w){re.escape(verb)}(?!\w)", body[span[0] : span[1]])
    return bool(said) and any(span[0] + said.end() <= d[0] < span[1] for d in dates)


def _modal(word: str) -> bool:
    """ "He said Corvane would begin … in October and hoped …": a modal's clause and a past verb after it
    are not told of one subject."""
    return word.lower() in lexicon.words("modals")


def _bare_infinitive(word: str) -> bool:
    """ "… would begin on 13 June and | end on 14 June": a verb that only a modal before it makes finite."""
    tags = lexicon.verb_tags(word)  # "cut", "set": a past tense too, the same word
    return word.islower() and "VB" in tags and "VBZ" not in tags


def _shared_auxiliary(body: str, sentence: Span, at: int, words: Sequence[str]) -> list[str]:
    """ "Whitlock was booked … and released Saturday": a participle after "and" shares the passive's
    auxiliary with its subject (passive-auxiliaries), a bare verb the modal ("will open on Friday and
    close on Sunday"); [] if the verb before it is active."""
    modal = (
        _shares_modal(body[sentence[0] : at], " ".join(w for w in words if w != "DATE")) if words else None
    )
    if modal:
        return [modal]
    if not words or _modal(words[0]) or "VBN" not in lexicon.verb_tags(words[0].lower()):
        return []  # "… and could make landfall": a modal is a verb phrase's own auxiliary
    if words[0].lower() in lexicon.words("intransitive-verbs"):
        return []  # "was named head … and retired in 1998": she retired
    auxiliaries = "|".join(lexicon.words("passive-auxiliaries"))
    before = re.findall(rf"\b({auxiliaries})\s+(?:[a-z]+ly\s+)?([a-z]+)\b", body[sentence[0] : at])
    if not before or "VBN" not in lexicon.verb_tags(before[-1][1]):
        return []
    return [before[-1][0]]


def _relative_subject(body: str, sentence: Span, at: int) -> list[str]:
    """ "…, said Karen Whitfield, who joined the company in 1983 and succeeded Rosen in 2009": a verb
    phrase that goes on a relative clause shares its subject, what the relative pronoun stands for."""
    opened = list(re.finditer(r",\s+(who|which)\s", body[sentence[0] : at]))
    if not opened or re.search(r"[,;:—–]", body[sentence[0] + opened[-1].end() : at]):
        return []
    return _antecedent(body, (sentence[0] + opened[-1].start(1), at))


def _acceptable(words: Sequence[str]) -> bool:
    """A headline opens with its subject, has a verb and says more than who spoke."""
    if len(words) < 2 or _speech_tag(words) is not None:
        return False
    first = words[0].strip(_QUOTES)
    lower = first.lower()
    opener = lower in lexicon.words("introduction-openers") or lower in lexicon.words("clause-openers")
    if opener and not _opens_figure(words, 0):  # "About 3,100 ballots remain …" opens with its subject
        return False
    if first.islower() and _is_verb(lower) and not lexicon.is_noun(lower) and lower not in _nominal_verbs():
        return False  # "rescued by fishermen …": the subject is missing; "sentencing is set" has one
    return has_verb(" ".join(words)) or "to" in words


def _words(
    body: str, span: Span, dates: Sequence[Span], asides: Sequence[Span] = (), marked: Span | None = None
) -> list[str]:
    """The words of ``span`` without dates, asides, parentheses and titles; people by surname,
    each name and each short quotation one unit; the ``marked`` date is the word DATE."""
    start, end = span
    starts = {a for a, _ in asides}  # an aside's closing comma goes with it, unless another aside opens there
    edits: list[tuple[int, int, str]] = [
        (a, b + (body[b : b + 1] == "," and b not in starts), " ") for a, b in asides
    ]
    inside = sorted(d for d in dates if start <= d[0] < end)
    edits += [_date_edit(body, d, start, d == marked) for d in inside]
    edits += [  # "in March and May": the word that joins two dates goes with them
        (a[1], b[0], " ")
        for a, b in itertools.pairwise(inside)
        if re.fullmatch(r",?\s+(?:and|or)\s+", body[a[1] : b[0]])
    ]
    edits += [(start + m.start(), start + m.end(), " ") for m in re.finditer(r"\([^()]*\)", body[start:end])]
    edits += [
        (start + m.start(), start + m.end(), " ")
        for m in re.finditer(
            r",\s+(?:who|which|whose)\b(?:[^,]|,(?=\d{3}))*,|\s[—–_]{1,2}\s[^—–_]*\s[—–_]{1,2}\s",
            body[start:end],
        )
    ]
    for m in entities.find(body):
        if start <= m.start and m.end <= end:
            name = short_name(body, m.entity) if m.entity.kind == "person" else body[m.start : m.end]
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


def _quotation_ended(words: list[str]) -> list[str]:
    """ "his family ‘deserve answers, | and they will …’": a cut at a comma inside a quotation ends a
    phrase of it, which the headline quotes closed."""
    opened = [i for i, w in enumerate(words) if w.startswith(_OPEN_QUOTES) and not _closes(w)]
    if not opened or any(_closes(w) for w in words[opened[-1] + 1 :]) or opened[-1] == len(words) - 1:
        return words
    mark = next(m for m in sorted(_OPEN_QUOTES, key=len, reverse=True) if words[opened[-1]].startswith(m))
    return [*words[:-1], words[-1] + {"“": "”", "``": "''", "‘": "’", "`": "'"}.get(mark, mark)]


def _closes(word: str) -> bool:
    return word.rstrip(",.;:!?").endswith(("”", '"', "''", "’")) and not word.endswith("’s")


def _date_edit(body: str, expression: Span, floor: int, marked: bool) -> tuple[int, int, str]:
    """The edit that takes a date out of a headline's words: "Wednesday's quake" → "the quake"."""
    possessive = _POSSESSIVE_NOUN.match(body, expression[1])
    if possessive:  # "in this year's spending bill" → "in the spending bill": the preposition stays
        return expression[0], expression[1] + 2, (" DATE " if marked else " ") + "the "
    if _is_subject(body, expression, floor):  # "This month will go down as the hottest July"
        return expression[0], expression[0], " DATE " if marked else " "
    if span_end := _YEAR_SPAN_END.match(body, expression[1]):  # "the 2026-27 season": the season
        expression = (expression[0], span_end.end())
    written = body[expression[0] : expression[1]].split()
    if len(written) > 2 and written[0].lower() == "the" and _names_thing(written[-1]):
        return expression[0], expression[1], (" DATE " if marked else " ") + f"the {written[-1]} "
    start, end = date_phrase(body, expression, floor)
    return start, end, " DATE " if marked else " "


def _names_thing(word: str) -> bool:
    """Does a date's last word name the thing it dates ("the spring semester": the semester stays
    in the headline; dated-nouns)?"""
    return word in lexicon.words("dated-nouns")


def _is_subject(body: str, expression: Span, floor: int) -> bool:
    """Is the date the subject of its clause: first in it, a finite verb right after it?"""
    after = body[expression[1] : expression[1] + 30].split()
    return (
        not re.search(r"\w", body[floor : expression[0]])
        and body[expression[0]].isupper()
        and bool(after)
        and after[0].lower() in lexicon.words("verbs")
    )


@cache
def _determined(owned: bool) -> re.Pattern[str]:
    """The words that make a date a noun phrase's ("in the spring of 2006"); with ``owned``, a possessive
    also does ("for its fiscal year"), which it can only where the date ends its phrase."""
    owners = "".join(f"|{w}" for w in sorted(lexicon.words("possessives"))) if owned else ""
    parts = "|".join(sorted(lexicon.words("date-words", kind="part of day")))
    return re.compile(rf"\b(?i:the{owners})\s+(?:(?:{parts})\s+of\s+)?$")


def date_phrase(body: str, expression: Span, floor: int) -> Span:
    """The expression with its own words before it ("on", "[", "earlier") and brackets after it."""
    start, end = expression
    floor = max(floor, start - DATE_PHRASE_REACH)  # the words read back stay near: no quadratic search
    modifies = _LOWER_WORD_AFTER.match(body, end)  # "the 1998 bombing": the date is an adjective
    ends = not modifies or modifies.group(1) in lexicon.words("function-words")
    m = _determined(owned=ends).search(body[floor:start])
    if m and not (modifies and _is_head_noun(modifies.group(1))):
        start = floor + m.start()  # "in the spring of 2006"
    ended = next(
        (e for p in lexicon.patterns("period-ends", re.IGNORECASE) if (e := p.search(body[floor:start]))),
        None,
    )
    if ended:  # "for the three months ended March 31"
        start = floor + ended.start()
    preposition = False  # "expected over the weekend": the first word before the date is its own
    adjective = (  # "third-quarter profit", "the 1998 bombing"; not "the incidents of Aug. 7 underscore"
        " " not in body[start:end]
        and modifies
        and _is_head_noun(modifies.group(1))
        and modifies.group(1).lower() not in lexicon.words("clock-words")
    )
    while not adjective:  # "a drop in | third-quarter profit": the preposition is the noun's
        m = re.search(r"(?:(\S+)\s+)?(\S+)\s*$", body[floor:start])
        if not m or m.group(2).strip("[(").lower() not in lexicon.words("date-words") | {"", "["}:
            break
        if preposition and _takes_particle((m.group(1) or "").lower(), m.group(2).lower()):
            break  # "took over | in the summer of 2024"
        start, preposition = floor + m.start(2), True
    while end < len(body) and body[end] in "])":
        end += 1
    if any(c.isdigit() for c in body[start:end]):  # "at 3:12 a.m. local time", "6:40 p.m. ET"
        while m := _CLOCK_WORD_AFTER.match(body, end):
            if m.group(1).lower() not in lexicon.words("clock-words"):
                break
            end = m.end()
    if start > floor and body[start - 1] == "[":
        start -= 1
    return start, end


def _is_head_noun(word: str) -> bool:
    """ "bombing" in "the 1998 bombing"; not "forced" in "the spring of 2014 forced …"."""
    return (
        word not in lexicon.words("function-words")
        and lexicon.is_noun(word)
        and not lexicon.verb_tags(word) & {"VBD", "VBZ"}
    )


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
        if lower in ("the", "a", "an") and seen_title:
            return floor + m.start()
        if lower in lexicon.words("function-words") and not (
            k and before[k - 1].group().lower() in _title_words()
        ):
            break  # "of" inside "Secretary of State", not in "the visit of Secretary Daley"
        if _AGED.fullmatch(lower):  # "the 47-year-old Vasquez"
            seen_title = True
        elif lower in _title_words() or (seen_title and lower in lexicon.words("organisations")):
            seen_title = seen_title or lower in lexicon.words("titles")
        elif seen_title and word.islower() and _modifies_title(before, k):
            pass  # "housing organizer", "planetary scientist": a title's own modifier
        elif seen_title and lower.rstrip("-") in lexicon.words("title-modifiers"):
            pass  # "former Millbrook Mayor": the title's qualifier goes with it
        elif not (word[0].isupper() and word.rstrip(".").replace(".", "").isalpha()):
            break
        start = floor + m.start()
    return start if seen_title else at


_AGED = re.compile(r"\d{1,3}-year-old")
# Patterns matched in place at an offset (a slice of the rest of the article at every date would
# make an article's headlines quadratic in its length).
_NEXT_WORD = re.compile(r"\s+(\w+)")
_COMMA_SPACE = re.compile(r"[ ,]*")
_POSSESSIVE_NOUN = re.compile(r"[’']s\s+[a-z]")
_LOWER_WORD_AFTER = re.compile(r"\s+([a-z][\w-]*)")
_CLOCK_WORD_AFTER = re.compile(r"\s+([\w.]+)")
_THAT_AFTER = re.compile(r"\s*that ")
_WITHIN_SENTENCE_CAPITAL = re.compile(r"(?<=[\w,;] )([A-Z][\w-]*(?:['’]\w+)?)")
_NEGATED_MODALS = {"won't": "will", "wouldn't": "would", "can't": "can", "couldn't": "could"}
_UNTIL_BEFORE = re.compile(r"\buntil\s+(?:at\s+least\s+)?$", re.IGNORECASE)
DATE_PHRASE_REACH = 120  # characters before a date that its own words ("for the three months ended") lie in
_YEAR_SPAN_END = re.compile(r"[-–/]\d{2}(?![\d-])")  # the "-27" of "2026-27"
_QUOTATION = re.compile(r"[“\"][^”\"]*[”\"]")


def _modifies_title(before: Sequence[re.Match[str]], k: int) -> bool:
    """Is ``before[k]`` a noun or adjective right before a title word ("marine biologist")?"""
    word = before[k].group().lower()
    nxt = before[k + 1].group().lower() if k + 1 < len(before) else ""
    return (
        nxt in lexicon.words("titles")
        and not nxt.endswith(".")  # "gunning down Dr. Slepian": "Dr." takes no modifier
        and word not in lexicon.words("function-words") | lexicon.words("verb-particles")
        and not lexicon.verb_tags(word) & {"VBD", "VBZ", "VBP"}  # "told President Clinton": no modifier
        and (lexicon.is_common_word(word) or bool(_AGED.fullmatch(word)))
    )


@cache
def _title_words() -> frozenset[str]:
    """Every word of every title phrase ("defense" of "defense minister") and the demonyms."""
    return frozenset(w for phrase in lexicon.phrases("titles") for w in phrase) | lexicon.words("demonyms")


def short_name(body: str, person: Entity) -> str:
    """How a headline names ``person``: by surname, unless the article names others with it
    ("Ellery" for Margaret, Thomas and Walter Ellery): then in full."""
    last = surname(person.name)
    others = {
        m.entity.name
        for m in entities.find(body)
        if m.entity.kind == "person" and m.entity != person and surname(m.entity.name) == last
    }
    return person.name if others else last


def surname(name: str) -> str:
    """The last word with the particles before it: "Ursula von der Leyen" → "von der Leyen";
    "Robert Smith Jr." → "Smith"."""
    roles = lexicon.mapping("name-particles")
    words = name.split()
    while len(words) > 1 and roles.get(words[-1]) == "suffix":
        words = words[:-1]
    k = len(words) - 1
    while k > 1 and roles.get(words[k - 1]) == "particle":
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
            after = words[i + 1 :]
            if any(
                w.lower() in _nominal_verbs() and "DATE" in after[k + 1 : k + 3] for k, w in enumerate(after)
            ):
                return None  # "recalled her promise in 2021": the promise's date; not "in a speech"
            says = rest and (
                any(_is_infinitive(rest, k) for k in range(len(rest)))  # "pledged to lift", "asked X to stop"
                or (  # "posted net income of $8.6 million", "posted a 54% drop": a figure as the object
                    rest[0].lower() not in lexicon.words("function-words") - lexicon.words("determiners")
                    and any(re.match(r"[$€£]?\d", w) for w in rest)
                )
                or _opens_figure(rest, 0)  # "recalled about 410,000 strollers": what was recalled
                or _names_object(word, rest)
                or (rest[0].lower() not in lexicon.words("introduction-openers") and has_verb(" ".join(rest)))
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
        said, quoted = _words(body, opening.span, dates, opening.asides), _quoted(body, opening.span)
    else:
        said, quoted = _words(body, after[0], dates), after[1]
    if said and said[0].lower() == "that":
        said = said[1:]
    if not has_verb(" ".join(said)):
        return []
    speaker = words[:verb]
    spoken = words[verb].strip(",")
    named = bool(entities.people_in(body, *clause.span)) or _is_named(speaker) or _decides(spoken)
    person = _speaker_referent(body, clause.span, speaker)
    if person is not None:  # "He said last month that a cut was unlikely": the governor named before
        speaker, named = [JOIN.join(short_name(body, person).split())], True
    if quoted and after is None and not named:  # "“He was told …,” the source said": the source's news
        return [] if _first_person(said[0]) else said
    if quoted and _count(said) + verb + 1 > TITLE_WORDS:
        if after is not None or said[0].strip(_QUOTES).lower() in _PRONOUNS:
            return []  # "“He treated the money as his own,” Oduya told jurors": not ours to say
        quoted = False  # "“RJR will concentrate on …,” Gerstner said": reported as he said it
        said = [w.strip(_QUOTES) if i in (0, len(said) - 1) else w for i, w in enumerate(said)]
    if quoted:
        said = _quotations_joined(
            [f"‘{said[0]}", *said[1:-1], f"{said[-1]}’"] if len(said) > 1 else [f"‘{said[0]}’"]
        )
    if not named:
        return said
    lowered = lexicon.words("function-words") | lexicon.words("date-words") | lexicon.words("determiners")
    name = said[1:2] != [] and said[1][:1].isupper()  # "Tropical Storm Dara is expected …"
    if said[0] != "I" and (said[0].lower() in lowered or (not name and _capital_only_opens(body, said[0]))):
        said = [said[0].lower(), *said[1:]]  # "… said this month will go down", from "This month will …"
    return [
        *speaker,
        "said" if spoken.lower() in lexicon.words("speech-verbs-with-object") else spoken,
        *said,
    ]


def _capital_only_opens(body: str, word: str) -> bool:
    """Is ``word`` an English word capitalised only because it opens a sentence ("Detours will
    remain …" → "Ferreira said detours will remain"), never in the middle of one as a name is
    ("Apple" in "shares of Apple fell")?"""
    return lexicon.is_common_word(word) and word not in _capitalised_within(body)


@lru_cache(maxsize=8)
def _capitalised_within(body: str) -> frozenset[str]:
    """The capitalised words the text writes in the middle of a sentence (after a word or a comma),
    as names are written: read once per article, not searched for at every headline."""
    found = _WITHIN_SENTENCE_CAPITAL.findall(body)  # "O'Brien", and "Apple" of "Apple's"
    return frozenset(found) | frozenset(re.split(r"['’]", word)[0] for word in found)


def _speaker_referent(body: str, span: Span, speaker: Sequence[str]) -> Entity | None:
    """Whom a speaker "he" or "she" stands for, read where the pronoun stands: after the quotation
    that may open the clause ("“Passengers have suffered enough,” she told MPs")."""
    if [w.lower() for w in speaker] not in (["he"], ["she"]):
        return None
    unquoted = _QUOTATION.sub(lambda m: " " * len(m.group()), body[span[0] : span[1]])
    pronoun = re.search(rf"\b{speaker[0]}\b", unquoted)
    return referent(body, span[0] + pronoun.start()) if pronoun else None


def _decides(verb: str) -> bool:
    """ "…, the ministers decided": a decision names who took it, named or not (speech-verbs)."""
    return verb.lower() in lexicon.words("speech-verbs", kind="decision")


_PRONOUNS = frozenset({"i", "we", "you", "he", "she", "it", "they"})
_OBJECT_OPENERS = frozenset({"its", "his", "her", "their", "the", "a", "an"})
_SUBJECT_PRONOUNS = frozenset({"i", "we", "he", "she", "they"})


def _first_person(word: str) -> bool:
    """ "we", "I’m", "We’ve": a speaker's own pronoun, contracted or not (first-person)."""
    bare = re.match(r"\w+", word.strip(_QUOTES))
    return bool(bare) and bare.group().lower() in lexicon.words("first-person")


def _speaks_of_self(clause: Clause, body: str) -> bool:
    """ "“We consider that his bid is acceptable,” said Kolber": a quotation about "we" or "I"."""
    first = re.search(r"\w+", body[clause.span[0] : clause.span[1]])
    return bool(first) and first.group().lower() in lexicon.words("first-person")


def said_then(body: str, clause: Clause, dates: Sequence[Span]) -> bool:
    """Is ``clause`` a bare speech tag in the past whose speaker the headline names ("organisers decided
    on Monday", "Vance told reporters …")?  What it dates is the saying, which has happened, whatever
    the words said look ahead to."""
    words = _words(body, clause.span, dates)
    tag = _speech_tag(words)
    if tag is None or "VBD" not in lexicon.verb_tags(words[tag].strip(",")):
        return False
    verb = words[tag].strip(",")  # a headline names the speaker only when worth naming ("officials said": no)
    return bool(entities.people_in(body, *clause.span)) or _is_named(words[:tag]) or _decides(verb)


def dated_verb_past(body: str, clause: Clause, expression: Span) -> bool:
    """Is the verb ``expression`` dates a simple past ("Harper, who said she would stay, quit the party
    on Wednesday")?  It tells what happened, whatever a modal elsewhere in the clause looks ahead to;
    a modal, "to" or a form of "be" before it ("will quit", "is expected to", "is set for": the modals and
    passive-auxiliaries tables) keeps it ahead."""
    cut = [(a, b) for a, b in clause.asides if b <= expression[0] or a >= expression[1]]
    before = _plain_words(body, clause.span[0], expression[0], cut)
    after = _plain_words(body, expression[1], clause.span[1], cut)
    verbs = [
        i
        for i in range(len(before))
        if _is_finite(before, i) or _is_infinitive(before, i) or _after_modal(before, i)
    ]
    if verbs:
        words, at = before, verbs[-1]
    else:  # "On Wednesday, Harper quit the party"
        words, at = after, next((i for i in range(len(after)) if _is_finite(after, i)), None)
    if at is None or "VBD" not in lexicon.verb_tags(words[at].lower()):
        return False
    if words[at].lower() in lexicon.words("speech-verbs"):
        return False  # "The bridge will reopen, officials said on Wednesday": a saying is said_then's
    helper = words[at - 1].lower() if at else ""  # "will quit", "is set": not a simple past
    return not _modal(helper) and helper not in lexicon.words("passive-auxiliaries")


def _after_modal(words: Sequence[str], i: int) -> bool:
    """ "would close": a bare verb after a modal."""
    return i > 0 and _modal(words[i - 1]) and "VB" in lexicon.verb_tags(words[i].lower())


def _plain_words(body: str, start: int, end: int, cut: Sequence[Span]) -> list[str]:
    """The words of ``body[start:end]`` outside ``cut``, without their punctuation."""
    kept = "".join(" " if any(a <= i < b for a, b in cut) else body[i] for i in range(start, end))
    return [w for w in (raw.strip(_QUOTES + ",.;:()[]") for raw in kept.split()) if w]


def tags_own_quotation(body: str, clause: Clause, sentence: Span, dates: Sequence[Span]) -> bool:
    """ "“I’m 74,” she told me on Wednesday": a speech tag of a speaker the headline would not name,
    whose only report is a quotation in which the speaker talks of themselves: the saying is no
    happening, and what is said has no subject a headline can name ("…,” Delaney said" is his news)."""
    words = _words(body, clause.span, dates)
    tag = _speech_tag(words)
    if tag is None or _complement(body, clause.span[1], sentence[1]):
        return False
    if entities.people_in(body, *clause.span) or _is_named(words[:tag]) or _decides(words[tag].strip(",")):
        return False
    opening = opening_clause(body, sentence, clause.span[0])
    said = _words(body, opening.span, dates) if opening and _quoted(body, opening.span) else []
    return bool(said) and _first_person(said[0])


def reported_span(body: str, clause: Clause, sentence: Span, dates: Sequence[Span]) -> Span | None:
    """What a bare speech tag reports ("The Kremlin said Wednesday | that the call between Putin and
    Trump …"): the headline tells it, so its people are the event's."""
    if _speech_tag(_words(body, clause.span, dates)) is None:
        return None
    after = _complement(body, clause.span[1], sentence[1])
    return after[0] if after else None


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
    words = _undone(body, span, words)
    relative = words and words[0].lower() in lexicon.words("relative-pronouns")
    antecedent = _antecedent(body, span) if relative else []
    verb = next((i for i in range(1, len(words)) if _is_finite(words, i)), None)
    if antecedent and verb is not None and all(w.islower() and lexicon.is_adverb(w) for w in words[1:verb]):
        words = antecedent + words[1:]  # "…, who was appointed" → "Duarte was appointed"; "who first …"
    elif antecedent:  # "The law that Parliament passed" → "Parliament passed the law"
        verb = next((i for i in range(1, len(words)) if _is_finite(words, i)), len(words) - 1)
        if antecedent[0].lower() in lexicon.words("determiners"):
            antecedent = [antecedent[0].lower(), *antecedent[1:]]
        words = [*words[1 : verb + 1], *antecedent, *words[verb + 1 :]]
    described = _apposed_name(body, *span)
    done = next((i for i in range(1, len(words)) if lexicon.verb_tags(words[i]) & {"VBN", "VBD"}), None)
    if described and done is not None:  # ", an orbiter launched in 2024," → "Europa Clipper launched"
        words = [*described, *words[done:]]
    rewritten = _rewrite(" ".join(words), body, span, status)
    if rewritten:
        words = rewritten.split()
    lead = next(
        (
            i
            for i, w in enumerate(words)
            if w != "DATE" and w.lower() not in lexicon.words("clause-openers") | _LEADING
        ),
        0,
    )
    pronoun = words[lead].strip(_QUOTES).lower() if lead < len(words) else ""
    if pronoun in ("he", "she"):
        named = referent(body, span[0])
        if named:
            words = [JOIN.join(short_name(body, named).split()), *words[lead + 1 :]]
    elif pronoun == "they" and (group := _group_named(body, span[0])):
        words = [*group, *words[lead + 1 :]]
    elif pronoun == "it" and words[lead + 1 : lead + 2] != [] and not _impersonal(words[lead + 1 : lead + 3]):
        named_thing = thing_referent(body, span[0])
        if named_thing:
            words = [*named_thing, *words[lead + 1 :]]
    elif pronoun in lexicon.words("possessives") and lead + 1 < len(words):
        owner = _possessor(body, span[0] + max(0, body[span[0] : span[1]].find(words[lead])), pronoun)
        words = [*_unrepeated(owner, words[lead + 1 :]), *words[lead + 1 :]]
    return _object_named(body, span, _participle_told(_relative_of_name(words), status))


def _participle_told(words: list[str], status: str) -> list[str]:
    """ "The first round, held on May 16 in the same palace," → "The first round was held in the same
    palace": a subject whose dated participle aside is all the clause tells is what happened to it."""
    comma = next((i for i, w in enumerate(words[: SUBJECT_WORDS + 2]) if w.endswith(",")), None)
    if status != "happened" or comma is None or comma + 1 >= len(words):
        return words
    subject, participle = words[: comma + 1], _participle_at(words, comma + 1)
    if participle is None or any(has_verb(" ".join(part)) for part in (subject, words[participle + 1 :])):
        return words
    close = next((i for i in range(participle, len(words)) if words[i].endswith(",")), len(words))
    if any(w.strip(".") not in ("", "DATE") for w in words[close + 1 :]):
        return words  # "the derby, originally set for Oct. 31, | moves to …": the clause goes on after it
    joined = (i for i in range(1, comma) if subject[i].lower() in lexicon.words("function-words"))
    head = subject[next(joined, comma + 1) - 1].rstrip(",")  # "The first round [of talks]"
    be = "were" if is_plural_subject(head) else "was"
    return [*subject[:-1], subject[-1].rstrip(","), be, *words[comma + 1 :]]


def _undone(body: str, span: Span, words: list[str]) -> list[str]:
    """ "… should also visit India, which she has promised to do in 2027": the "do" of a relative
    clause stands for the verb phrase before it ("Vogel has promised to visit India")."""
    at = next((i for i in range(1, len(words)) if words[i].lower() == "do" and words[i - 1] == "to"), None)
    sentence = text.sentence_at(_sentences(body), span[0])
    if at is None or sentence is None or words[0].lower() not in lexicon.words("relative-pronouns"):
        return words
    before = [w.strip(",;:") for w in body[sentence[0] : span[0]].split()]
    for i in range(len(before) - 1, 0, -1):
        helper = next((j for j in range(i - 1, -1, -1) if not lexicon.is_adverb(before[j])), None)
        helped = helper is not None and before[helper].lower() in lexicon.words("verbs") | {"to"}
        if helped and "VB" in lexicon.verb_tags(before[i]):
            rest = words[at + 2 :] if words[at + 1 : at + 2] in (["so"], ["it"]) else words[at + 1 :]
            return [*words[:at], *before[i:], *rest]
    return words


def _relative_of_name(words: list[str]) -> list[str]:
    """ "Beryl which knocked out power": a name with no verb of its own before a relative clause on it
    is that clause's subject."""
    at = next((i for i, w in enumerate(words) if w.lower() in ("which", "who")), None)
    if not at or not words[at - 1][:1].isupper() or at + 1 >= len(words) or not _is_finite(words, at + 1):
        return words
    return words if any(_is_finite(words, i) for i in range(at)) else [*words[:at], *words[at + 1 :]]


def _object_named(body: str, span: Span, words: list[str]) -> list[str]:
    """ "A bill … is headed for a vote after the House passed it": an "it" right after the clause's
    verb is the thing the sentence is about, the head of its subject ("the bill")."""
    verb = next((i for i in range(len(words)) if _is_finite(words, i)), None)
    while verb is not None and words[verb + 1 : verb + 2] == ["DATE"]:
        verb += 1
    if verb is not None and verb + 1 < len(words) and _is_infinitive(words, verb + 1):
        verb += 2  # "agreed in March to take it": the infinitive's object
    if verb is None or words[verb + 1 : verb + 2] == [] or words[verb + 1].lower() != "it":
        return words
    sentence = text.sentence_at(_sentences(body), span[0])
    opens = sentence is not None and not re.search(
        r"\w", body[sentence[0] + dateline_length(body[sentence[0] : sentence[1]]) : span[0]]
    )
    # the clause's own subject is no "it" of its verb ("A private equity firm bought it"): the thing
    # of the sentence before is ("Harvest Lane grew …"); "said it would" is a reported subject
    own = (
        opens
        and words[verb].lower() not in lexicon.words("speech-verbs")
        and not (verb + 2 < len(words) and _is_finite(words, verb + 2))
    )
    thing = thing_referent(body, sentence[0]) if own and sentence else _subject_head(body, span[0])
    if [w.lower() for w in thing] == [w.lower() for w in words[:verb]][-len(thing) :]:
        return words  # "They lost it": what "they" stands for is no "it" of theirs
    return [*words[: verb + 1], *thing, *words[verb + 2 :]] if thing else words


def _subject_head(body: str, at: int) -> list[str]:
    """ "A bipartisan bill that would …" → ["the", "bill"]: the noun that opens the sentence of ``at``
    (before ``at``), as a headline names a thing already spoken of."""
    sentence = text.sentence_at(_sentences(body), at)
    if sentence is None:
        return []
    noun = opening_noun(body, sentence[0] + dateline_length(body[sentence[0] : at]), at)
    if noun is None or noun.lower() in lexicon.words("titles"):
        return []  # "The governor declared an emergency … and expanded it": no "it" is a person
    return ["the", noun]


def opening_noun(body: str, start: int, end: int) -> str | None:
    """ "A magnitude 6.4 earthquake struck …" → "earthquake": the head noun of the subject that opens
    ``body[start:end]`` after a determiner, up to its verb (None if the stretch opens otherwise)."""
    phrase: list[str] = []
    for word in body[start:end].split():
        bare = word.strip(_QUOTES + ",;:")
        if bare.lower() in lexicon.words("relative-pronouns") or _is_finite([*phrase, bare], len(phrase)):
            break
        phrase.append(bare)
        if bare != word:
            break
    if len(phrase) < 2 or phrase[0].lower() not in lexicon.words("determiners") or not phrase[-1].islower():
        return None
    return phrase[-1] if lexicon.is_noun(phrase[-1]) else None


def _possessor(body: str, at: int, pronoun: str) -> list[str]:
    """ "His lawyer" → "Haines’s lawyer"; "Its plant" → "Kessler Stahlwerke’s plant"; "Their union" →
    "the dockworkers’ union" (possessives table); "the" when the article leaves any doubt."""
    kind = lexicon.mapping("possessives")[pronoun]
    if kind == "person" and (named := referent(body, at)):
        return [f"{JOIN.join(short_name(body, named).split())}’s"]
    if kind == "thing" and (thing := thing_referent(body, at)):
        return [*thing[:-1], f"{thing[-1]}’s"]
    group = _plural_subject(body, at) if kind == "group" else []
    return ["the", *group[:-1], f"{group[-1]}’"] if group else ["the"]


def _unrepeated(owner: list[str], rest: list[str]) -> list[str]:
    """ "Its board decided the clinic will stop …": "the board", not "Pinecrest Clinic’s board decided
    Pinecrest Clinic will stop", when the headline names the owner anyway."""
    name = " ".join(owner)[: -len("’s")] if owner[-1].endswith("’s") else ""
    return ["the"] if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", " ".join(rest)) else owner


def _plural_subject(body: str, at: int) -> list[str]:
    """The plural common noun that is the subject of the sentence before ``at`` ("Dockworkers at
    the port ended …" → ["dockworkers"]); [] when it is a name, a person, or no plural."""
    spans = _sentences(body)
    here = text.sentence_at(spans, at)
    if here is None or spans.index(here) == 0:
        return []
    start, end = spans[spans.index(here) - 1]
    start += dateline_length(body[start:end])
    words = [w.strip(",") for w in body[start:end].split()]
    verb = next((i for i in range(len(words)) if _is_finite(words, i)), None)
    subject = words[:verb] if verb else []
    if subject and subject[0].lower() == "the":
        subject = subject[1:]
    cut = next(
        (i for i, w in enumerate(subject) if w.lower() in lexicon.words("function-words")), len(subject)
    )
    head = [w.lower() for w in subject[:cut]]
    plural = (  # "Crews worked …": a noun that is also a verb ("crews") heads a subject before its verb
        bool(head)
        and re.search(r"[^s]s$", head[-1])
        and (not lexicon.verb_tags(head[-1]) or lexicon.is_noun(head[-1]))
    )
    coordinated = {"and", "or", "nor"} & {w.lower() for w in subject}  # whose is "their" then?
    if not plural or coordinated or len(head) > 2:
        return []
    reach = start + body[start:end].find(subject[cut - 1]) + len(subject[cut - 1])  # the head's end
    if any(m.start < reach and m.end > start for m in entities.find(body)):
        return []
    # "Dockworkers …" → "dockworkers"; "The Hawks …", a team's name, keeps its capitals
    return [w if w in _capitalised_within(body) else w.lower() for w in subject[:cut]]


def _group_named(body: str, at: int) -> list[str]:
    """Whom "they" at ``at`` stands for: the last group of people named before it within reach, with
    its count or describing word as a headline puts it ("charged three men …" → "Three men",
    group-nouns table), else the plural subject of the sentence before ("Dockworkers … They …" →
    "The dockworkers"); [] when none is."""
    nouns = "|".join(re.escape(w) for w in sorted(lexicon.words("group-nouns")))
    subject = _plural_subject(body, at)
    spans = _sentences(body)
    here = text.sentence_at(spans, at)
    before = spans[spans.index(here) - 1][0] if here and spans.index(here) else at - REFERENT_REACH
    reach = before if subject else at - REFERENT_REACH  # "Crews worked … they": not a group further back
    found = list(re.finditer(rf"\b(?:the\s+)?((?:[a-z][\w-]*\s+)?(?:{nouns}))\b", body[max(0, reach) : at]))
    phrase = found[-1].group(1).split() if found else []
    if len(phrase) == 2 and phrase[0] not in lexicon.words("function-words"):
        return [phrase[0].capitalize(), phrase[1]]
    plural = phrase[-1:] or subject
    return ["The", *plural] if plural else []


def _impersonal(verbs: Sequence[str]) -> bool:
    """Is the "it" before ``verbs`` (its verb and the word after) impersonal (impersonal-it table)?"""
    verb, after = verbs[0].lower().replace("’", "'"), [w.lower() for w in verbs[1:2]]
    kind = dict((row[0], row[1] if len(row) > 1 else "") for row in lexicon.table("impersonal-it").rows)
    if kind.get(verb) == "auxiliary" and after and after != ["been"] and "VBN" in lexicon.verb_tags(after[0]):
        return False
    return verb in kind or verb == "'s"


def thing_referent(body: str, at: int) -> list[str]:
    """What "it" at ``at`` stands for: the named subject of its sentence ("Kessler Stahlwerke said it
    would reopen a mill that it idled") or of the sentence before ("Northwind was founded … It went
    public"): capitalised words before the first verb, no person.  [] if neither has one."""
    spans = _sentences(body)
    here = text.sentence_at(spans, at)
    if here is None:
        return []
    k = spans.index(here)
    for start, end in ((here[0], at), *(spans[k - 1 : k] if k else ())):
        start += dateline_length(body[start:end])
        words = body[start:end].split()
        verb = next((i for i in range(len(words)) if _is_finite(words, i)), None)
        if verb is None and end == at:
            continue  # "It went public …": the subject is in the sentence before
        subject = words[:verb] if verb else []
        aside = next((i for i, w in enumerate(subject) if w.endswith(",")), None)  # "X, which starts …, said"
        subject = [w.strip(",") for w in subject[: None if aside is None else aside + 1]]
        head = next(
            (i for i in range(2, len(subject)) if subject[i] in lexicon.words("function-words")), None
        )
        if head is not None and subject[0].lower() == "the" and subject[head - 1].islower():
            subject = subject[:head]  # "The shop [on Mill Street] has printed … It will close"
        if (
            2 <= len(subject) <= SUBJECT_WORDS
            and subject[0].lower() == "the"
            and subject[-1].islower()
            and lexicon.is_noun(subject[-1])
            and all(w[:1].isupper() for w in subject[1:-1])
        ):  # "The bill was introduced … It would require …"; "The Sable Creek fire was reported … it"
            return ["the", *subject[1:]]
        if subject and subject[0].lower() == "the":
            subject = subject[1:]
        persons = [m for m in entities.find(body) if start <= m.start < end and m.entity.kind == "person"]
        named = 0 < len(subject) <= SUBJECT_WORDS and all(
            w[:1].isupper() and w.lower() not in lexicon.words("function-words") for w in subject
        )
        named = named and not (len(subject) == 1 and _capital_only_opens(body, subject[0]))  # "Forecasters"
        if named and not any(m.start < start + len(" ".join(words[: verb or 0])) for m in persons):
            return _without_opener(subject)
        if not subject or subject[-1].lower() != "it":
            return []  # "The lander is scheduled …, where it will drill": no name to give
    return []


def referent(body: str, at: int) -> Entity | None:
    """Whom "he" or "she" at ``at`` most likely stands for: the subject of its clause.  That is the
    first person named after the speech verb that opens the clause ("Zakharova said Putin was
    committed to the plan he proposed": Putin), else the first person of the sentence who is no
    owner ("Ruiz limped off with what Price described …; he will be assessed": Ruiz); the referent
    of a "he" that opens the sentence ("He has spoken with Elian since he arrived"); and only for a
    pronoun that is its sentence's subject (after a quotation too: "“…,” she said"), the last person
    named before it."""
    before = [m for m in entities.find(body) if m.end <= at and m.entity.kind == "person"]
    sentence = text.sentence_at(_sentences(body), at)
    start = sentence[0] if sentence else at
    start += dateline_length(body[start:at])
    opener = re.match(r"[\W_]*(He|She)\b", body[start:at])
    if opener and start + opener.start(1) < at:
        return referent(body, start + opener.start(1))
    own = re.match(r"\W*(?:[\w’'-]+\W+){0,2}?(he|she)\b", body[at : at + 40], re.IGNORECASE)
    sex = lexicon.mapping("gendered-words").get(own.group(1).lower()) if own else None
    if sex:  # no "she" for Frank Meier
        before = [m for m in before if entities.sex(body, m.entity) in (None, sex)]
    titled = _titled(body, start, at, before)
    if titled is not None:
        return titled
    earlier = [
        m
        for m in re.finditer(r"\b(he|she)\b", body[start:at], re.IGNORECASE)
        if own and m.group(1).lower() == own.group(1).lower()
    ]
    if earlier:  # "In 1998 she took it public, and in 2004 she opened …": the same "she"
        return referent(body, start + earlier[-1].start())
    subjects = [m for m in before if m.start >= start and not re.match(r"[’']s\b", body[m.end : m.end + 2])]
    said = [
        w.end()
        for w in _WORD.finditer(body, start, at)
        if w.group().strip(_QUOTES + ",").lower() in lexicon.words("speech-verbs")
        and not re.search(r"[;:]", body[w.end() : at])
    ]
    reported = [m for m in subjects if said and m.start >= said[-1]]
    if reported or subjects:
        chosen = (reported or subjects)[0]
        between = [w.strip(_QUOTES + ",").lower() for w in body[chosen.end : at].split()]
        others = len({m.entity for m in subjects}) > 1 or {"him", "his", "her", "them", "their"} & set(
            between
        )
        if others and set(between) & lexicon.words("clause-openers"):
            return None  # "… once Gonzalez arrives … the relatives who have cared for him since he …"
        return chosen.entity
    words = _QUOTATION.sub(" ", body[start:at]).split()  # "“Passengers have suffered enough,” she said"
    if any(_is_finite(words, i) for i in range(len(words))):
        return None  # "Elian has been the focus … since he was found": a subject not known as a person
    if not before or at - before[-1].end >= REFERENT_REACH:
        return None
    return _subject_before(body, sentence, before) or before[-1].entity


def _titled(body: str, start: int, at: int, people: Sequence[entities.Mention]) -> Entity | None:
    """ "… that the chancellor should visit India, which she has promised": the one person of the
    article named with that title ("Chancellor Katrin Vogel"), when no one is named after it."""
    found = list(re.finditer(r"\b[Tt]he\s+([a-z]+)\b", body[start:at]))
    title = found[-1] if found else None
    if title is None or (title.group(1),) not in lexicon.phrases("titles"):
        return None
    if any(m.start >= start + title.end() for m in people):
        return None
    titled = {
        m.entity
        for m in people
        if body[max(0, m.start - 40) : m.start].rstrip().lower().endswith(title.group(1))
    }
    return titled.pop() if len(titled) == 1 else None


def _subject_before(body: str, sentence: Span | None, people: Sequence[entities.Mention]) -> Entity | None:
    """ "Vogel arrives in Tokyo and will meet Tanaka. She flies on to Seoul": the subject of the
    sentence before, a person named at its start, rather than the last person it names (a name inside
    a quotation is not its subject: "“Mateo is the player we wanted,” Adebayo said. She said …")."""
    spans = _sentences(body)
    if sentence is None or sentence not in spans or spans.index(sentence) == 0:
        return None
    start, end = spans[spans.index(sentence) - 1]
    start += dateline_length(body[start:end])
    first = next((m for m in people if start <= m.start < end and not in_quotation(body, m.start)), None)
    if first is None or re.search(r"[,;:]", body[start : first.start]):
        return None
    lead = body[start : first.start].split()
    return (
        first.entity if len(lead) <= 2 and not re.match(r"[’']s\b", body[first.end : first.end + 2]) else None
    )


@lru_cache(maxsize=8)
def _sentences(body: str) -> list[Span]:
    return text.sentences(body)


def _past_subject_relative(
    body: str, sentence: Span, span: Span, expression: Span, words: list[str]
) -> list[str]:
    """ "The pipes that serve Dunmore burst this week": a relative clause inside the subject, and a
    second verb before the date, the sentence's own: the subject before the pronoun and that verb
    ("The pipes burst"; "Water stored in the reservoirs | that supply Northgate | fell …").
    A verb of saying takes a clause of its own ("who said he would …"); "the law that Parliament
    passed on Monday bans …" is dated inside the relative clause."""
    relative = lexicon.words("relative-pronouns") - {"whose"}
    if not words or words[0].lower() not in relative or not span[0] <= expression[0] <= span[1]:
        return words
    previous = body[: span[0]].split()[-1:]
    if not previous or _verb_before_that(previous[0].strip(",")):
        return words  # "…, adding | that crews expected …": what was said, no relative clause
    before = body[span[0] : expression[0]].split()
    finite = [  # "that serve Dunmore": a present tense right after the pronoun is its verb ("that crews
        i  # expected": not when a verb follows it)
        for i in range(1, len(before))
        if _is_finite(before, i)
        or (
            i == 1
            and lexicon.verb_tags(before[1]) & {"VBP", "VBZ", "VBD"}
            and not (len(before) > 2 and _is_finite(before, 2))
        )
    ]
    if len(finite) < 2 or before[finite[0]].lower() in lexicon.words("speech-verbs"):
        return words
    main = finite[1]
    joined = before[main - 1].lower() in ("and", "or", "but") or before[main - 1].endswith((",", ";"))
    same = [w.strip(",") for w in words[: main + 1]] == [w.strip(",") for w in before[: main + 1]]
    start = sentence[0] + dateline_length(body[sentence[0] : sentence[1]])
    subject = re.split(r"[,;:—–]\s", body[start : span[0]])[-1].split()  # after an introduction
    verbs = [w.strip(",").lower() for i, w in enumerate(subject) if _tells_subject(subject, i)]
    if any(v not in lexicon.words("speech-verbs") for v in verbs):
        return words  # "Crews replaced 14 pilings | that an engineer found rotted …": the object's clause
    if len(subject) > TITLE_WORDS - 3 or verbs:
        subject = _antecedent(body, span)  # "Officials said | the pipes that …": the clause they report
    return [*subject, *words[main:]] if subject and same and not joined else words


def _verb_before_that(word: str) -> bool:
    """ "adding that", "said that": a verb whose "that" opens what it reports, not a relative clause."""
    return word.lower() in lexicon.words("speech-verbs") or "VBG" in lexicon.verb_tags(word.lower())


def _tells_subject(words: list[str], i: int) -> bool:
    """ "Officials said | the pipes", "Crews replaced | 14 pilings": a verb before a noun phrase;
    "Water stored in …" is a participle of the subject itself (a preposition follows it:
    place-prepositions, passive-prepositions)."""
    bare = words[i].strip(",").lower()
    after = words[i + 1].lower() if i + 1 < len(words) else ""
    prepositions = lexicon.words("place-prepositions") | lexicon.words("passive-prepositions")
    participle = "VBN" in lexicon.verb_tags(bare) and after in prepositions
    return _is_finite(words, i) and (bare in lexicon.words("speech-verbs") or not participle)


def _antecedent(body: str, clause: Span) -> list[str]:
    """ "…, who was hospitalized in September": the words the relative pronoun stands for."""
    words = body[clause[0] : clause[1]].split()
    if len(words) < 2 or words[0].lower() not in lexicon.words("relative-pronouns") - {"whose"}:
        return []  # "a toy maker whose stock peaked": the owner is no subject
    before = _AGE_APPOSED.sub(",", body[max(0, clause[0] - 80) : clause[0]])  # "Marsh, 61, who …"
    people = [
        m for m in entities.find(body) if m.end <= clause[0] and _AGE_GAP.fullmatch(body[m.end : clause[0]])
    ]
    if people and people[-1].entity.kind == "person":
        return [JOIN.join(short_name(body, people[-1].entity).split())]
    sentence = text.sentence_at(_sentences(body), clause[0])
    lead = max(sentence[0] if sentence else 0, clause[0] - 80)  # "Voters | who backed …"; "St. Mark's …"
    opening = _AGE_APPOSED.sub(",", body[lead : clause[0]]).split()
    opening[-1:] = [w.rstrip(",") for w in opening[-1:]]  # "Mortgage rates, | which topped 7% …"
    plain = all(re.fullmatch(r"[\w’'-]+", w) for w in opening)
    if 0 < len(opening) <= SUBJECT_WORDS and plain and not has_verb(" ".join(opening)):
        return _definite(body, opening)
    nearest = [
        m.start()
        for m in re.finditer(r"\b(?:the|a|an|its|his|her|their|this|that|these|those)\s", before, re.I)
    ]
    phrase = before[nearest[-1] :].strip(" ,") if nearest else ""  # "the law", "a rolling mill in Duisburg"
    if nearest and _told(before[: nearest[-1]]):
        return []  # "Kohl told the board that …": what he told it, no relative clause
    if not re.fullmatch(r"(?:[\w’'-]+\s+){1,5}[\w’'-]+", phrase) or has_verb(phrase):
        return _name_before(before)  # "The company said that …" is no antecedent
    return _definite(body, phrase.split())


# A person's age set off by commas between the name and what is said of it ("Marsh, 61, who …").
_AGE_APPOSED = re.compile(r",\s*\d{1,3}\s*,\s*$")
_AGE_GAP = re.compile(r"\s*,\s*(?:\d{1,3}\s*,\s*)?")


def _told(before: str) -> bool:
    """Does ``before`` end on a speech verb that takes the person spoken to ("told", "assured")?"""
    last = re.findall(r"[\w’'-]+", before[-20:])[-1:]
    return bool(last) and last[0].lower() in lexicon.words("speech-verbs-with-object")


def _name_before(before: str) -> list[str]:
    """ "Furman University, which starts …": a name with no determiner stands for itself."""
    m = re.search(r"(?:^|[.!?]\s+|[^\w\s,]\s*)((?:[A-Z][\w’'&-]*\s+){0,4}[A-Z][\w’'&-]*)\s*,\s*$", before)
    if not m:
        return []
    name = m.group(1).split()
    short = before[: m.start(1)].split()[-1:]  # "St. | Mark's Church": the period ends no sentence
    if short and short[0][:1].isupper() and short[0].lower() in lexicon.words("abbreviations"):
        name = [short[0], *name]
    opener = lexicon.is_modifier(name[0]) or name[0].lower() in lexicon.words("clause-openers")
    if len(name) == 1 and opener:
        return []  # "Meanwhile, …" is no name
    return _without_opener(name)


def _without_opener(name: list[str]) -> list[str]:
    """ "Nearby Furman University": a word capitalised only because it opens the sentence is no part of
    the name it stands before."""
    opener = lexicon.is_modifier(name[0]) and not lexicon.is_noun(name[0])
    return name[1:] if opener and len(name) > 2 else name


def _definite(body: str, phrase: list[str]) -> list[str]:
    """ "a trial" → "the trial" when the article speaks of "the three-week trial": a headline names
    the thing the story is about as the story does."""
    if len(phrase) < 2 or phrase[0].lower() not in ("a", "an"):
        return phrase
    known = re.search(rf"\b[Tt]he\s+(?:[\w’'-]+\s+){{0,2}}{re.escape(phrase[-1])}\b", body)
    return ["the", *phrase[1:]] if known else phrase


def _rewrite(clause: str, body: str, span: Span, status: str) -> str | None:
    """The first title-rewrites row that matches: "the plan he proposed" → "Putin proposed the plan",
    "his claims that Moscow …" → "Putin claimed Moscow …", "the visit of Daley" → "Daley to visit"."""
    verbs = "|".join(map(re.escape, sorted(lexicon.words("verbs"))))
    nouns = "|".join(map(re.escape, sorted(_nominal_verbs(), key=len, reverse=True)))
    for _name, pattern, template in lexicon.table("title-rewrites").rows:
        pattern = pattern.replace("PARTICIPLE", f"(?:{_participles()})")
        m = re.search(pattern.replace("VERB", f"(?:{verbs})").replace("NOUN", f"(?:{nouns})"), clause)
        if not m or (_name == "participle" and not has_verb(clause[: m.start()])):
            continue  # "Workers at the plant returned": with no verb before it, the -ed word is the verb
        if _name == "purpose" and status != "planned":
            continue  # "pushed for the company to raise wages in January": the pushing's date
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


@cache
def _participles() -> str:
    """The verbs of the verbs table that can be past participles ("held", not "ran"): PARTICIPLE."""
    return "|".join(sorted(re.escape(v) for v in lexicon.words("verbs") if "VBN" in lexicon.verb_tags(v)))


def _owner(word: str, body: str, span: Span) -> str | None:
    """ "his" / "he" → the surname of the person named last; "Putin’s" → "Putin"."""
    if word.lower() in ("he", "she", "his", "her"):
        named = referent(body, span[0] + max(0, body[span[0] : span[1]].find(word)))
        return JOIN.join(short_name(body, named).split()) if named else None
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
    title = re.sub(
        r"[.,;:]([’'”\"])$", r"\1", title
    )  # "… sell ‘on our terms.’": no stop inside a closing quote
    title = _single_quoted(title)
    return (title[:1].upper() + title[1:]) if title else ""


def _fit_words(words: list[str]) -> list[str]:
    """Headline hygiene: no fillers or dangling words, at most TITLE_WORDS, cut where a phrase ends."""
    fillers = lexicon.words("title-fillers")
    kept = [
        w != "DATE" and (w == "&" or any(c.isalnum() for c in w)) and w.lower().strip(",") not in fillers
        for w in words
    ]
    words = _article_agreeing([w for w, keep in zip(words, kept, strict=True) if keep], words, kept)
    while words and words[0].strip(_QUOTES + ",").lower() in lexicon.words("clause-openers") | _LEADING:
        if _is_determiner_of(words, 0):
            words = ["the", *words[1:]]  # "that case is scheduled" → "The case is scheduled"
            break
        words = words[1:]
    words = [w for i, w in enumerate(words) if not (w == "that" and i and _is_finite(words, i - 1))]
    if _count(words) > TITLE_WORDS:
        words = _condensed(_said_of_itself(words))
    if _count(words) > TITLE_WORDS:
        words = _shortened(words)
    return _undangled(_quotes_closed(words))


def _article_agreeing(out: list[str], words: list[str], kept: list[bool]) -> list[str]:
    """ "an [earlier] Skydance offer" → "a Skydance offer": an article whose next word was left out
    agrees with the word that follows it now (by its first letter; "an FBI agent" stays untouched)."""
    at = 0
    for i, word in enumerate(words[:-1]):
        if not kept[i]:
            continue
        gap = not kept[i + 1] and at + 1 < len(out) and out[at + 1][:1].isalpha()
        if gap and word.lower() in ("a", "an"):
            article = "an" if out[at + 1][0].lower() in "aeiou" else "a"
            out[at] = article.capitalize() if word[0].isupper() else article
        at += 1
    return out


def _said_of_itself(words: list[str]) -> list[str]:
    """ "The union said the union would ask …" → "The union would ask …", "The power company said it
    expected …" → "The power company expected …": a speaker that reports what it does itself."""
    verb = next((i for i in range(1, len(words)) if _is_finite(words, i)), None)
    if verb is None or words[verb].lower() not in lexicon.words("speech-verbs"):
        return words
    speaker = [w.lower() for w in words[:verb]]
    again = [w.lower() for w in words[verb + 1 : verb + 1 + len(speaker)]]
    if again == speaker:
        return [*words[:verb], *words[verb + 1 + len(speaker) :]]
    thing = lexicon.is_common_word(words[verb - 1].strip(_QUOTES + ","))  # "The state power company"
    did = verb + 2 < len(words) and _is_finite(words, verb + 2) and not _modal(words[verb + 2])
    if thing and words[verb + 1 : verb + 2] == ["it"] and did:  # not "said it would …": that is the saying
        return [*words[:verb], *words[verb + 2 :]]  # "The power company said it expected" → "… expected"
    return words


def _condensed(words: list[str]) -> list[str]:
    """A headline too long, said shorter (title-condensing): "by a margin of 311 to 118" → "by 311 to 118"."""
    condensed = " ".join(words)
    for pattern, replacement, *when in lexicon.table("title-condensing").rows:
        shorter = re.sub(pattern, replacement, condensed)
        if when != ["fits"] or _count(shorter.split()) <= TITLE_WORDS:
            condensed = shorter
    return condensed.split()


def _takes_particle(verb: str, particle: str) -> bool:
    """ "took over", "stepped down"; "sworn in" (the verb-particles table: "in" only after a participle)."""
    kind = _verb_particles().get(particle)
    if kind is None:
        return False
    return lexicon.verb_tags(verb) == {"VBN"} if kind == "participle" else _is_verb(verb)


@cache
def _verb_particles() -> dict[str, str]:
    return {row[0]: row[1] if len(row) > 1 else "verb" for row in lexicon.table("verb-particles").rows}


def _is_determiner_of(words: Sequence[str], i: int) -> bool:
    """ "that case", "this plan": a demonstrative before a noun, not a conjunction."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return (
        words[i].lower() in lexicon.words("determiners")
        and nxt.islower()
        and nxt not in lexicon.words("function-words")
        and lexicon.is_noun(nxt)
        and not _is_finite(words, i + 1)
    )


def _undangled(words: list[str]) -> list[str]:
    """Without the function words and demonyms a cut may leave at the end ("… in Turkey for the"),
    but with a verb's particle ("Vasquez took over")."""
    dangling = lexicon.words("function-words") | lexicon.words("demonyms")
    if (
        len(words) > 3 and words[-2].endswith(",") and words[-1].islower()
    ):  # "… at Purdue University, graduating": a fragment
        words = [*words[:-2], words[-2].rstrip(",")]
    while words:
        if len(words) > 3 and words[-2].lower() in ("and", "or") and _only_adverb(words[-1].lower()):
            words = words[:-2]  # "to lower rates in December and twice [more in 2027]": the rest was cut
            continue
        last = words[-1].strip(",;:.").lower()
        hedge = next(
            (
                len(p)
                for p in lexicon.phrases("date-hedges")
                if tuple(w.lower() for w in words[-len(p) :]) == p
            ),
            0,
        )
        if hedge and len(words) > hedge:
            words = words[:-hedge]  # "… will stay closed at least [until Saturday]"
            continue
        before = words[-2].lower() if len(words) > 1 else ""
        owned = (
            before.endswith(("'s", "’s", "s'", "s’"))
            or before in lexicon.words("determiners")
            or lexicon.is_modifier(before)
            or before in lexicon.words("function-words")  # "points of easing", "for violating"
            or "-" in before  # "in over-the-counter trading"
            or (
                len(words) > 2 and words[-3].lower() in lexicon.words("determiners")
            )  # "an investment banking"
        )
        if len(words) > 3 and _is_gerund_only(last) and not owned and before not in lexicon.words("verbs"):
            words = words[:-1]  # "… resigned on Monday, explaining": a participle cut from its phrase
            continue
        acronym = len(last) > 1 and words[-1].strip(",;:.").isupper()  # "in the US", not "us"
        if last not in dangling or acronym or (before not in dangling and _takes_particle(before, last)):
            break
        words = words[:-1]
    return words


def _is_gerund_only(word: str) -> bool:
    """ "explaining", "citing": an -ing form that is no noun ("meeting", "testing" are)."""
    return lexicon.verb_tags(word) == {"VBG"} and not lexicon.is_noun(word)


_LEADING = frozenset({"and", "but", "or", "so", "then", "also"})


def _count(words: Sequence[str]) -> int:
    return sum(w.count(JOIN) + 1 for w in words)


def _shortened(words: list[str]) -> list[str]:
    """The longest run of whole phrases that fits, keeping the verb; a long subject keeps its head.
    With no such run: what a reporting verb reports ("The CBO estimated | the program would connect
    3.1 million homes"), else the longest run that ends on a whole word of its phrase (no bare verb,
    function word or figure, no noun cut from its compound: "a new teacher | training program")."""
    lean = _without_relative(words)
    if _count(lean) <= TITLE_WORDS:
        return lean  # "Liu said every ballot [that was cast legally] will be counted"
    verb = _main_verb(words)
    if verb is not None and _long_subject(words[:verb]) and _named_head(words[:verb]):
        words = _said_of_itself([words[0], words[verb - 1], *words[verb:]])  # "The [United Food …] union"
        verb = 2
        if _count(words) <= TITLE_WORDS:
            return words
    if verb is not None and _long_subject(words[:verb]):
        head = next((i for i in range(1, verb) if _breaks_before(words, i)), verb)
        while head > 2 and (
            (lexicon.verb_tags(words[head - 1]) & {"VBN", "VBG"} and not lexicon.is_noun(words[head - 1]))
            or _reduced_relative(words, head - 1)
        ):
            head -= 1  # "A wildfire driven [by gusts …] tore through": the participle goes with its phrase
        words = [*words[:head], *words[verb:]]
        verb = head
        if _count(words) <= TITLE_WORDS:
            return words  # "Ortiz [of the University of Chile] said the quake occurred on a fault"
    floor = (verb or 0) + 2  # a verb and at least one word after it
    fits = [i for i in range(floor, len(words)) if _count(words[:i]) <= TITLE_WORDS]
    breaks = [i for i in fits if _breaks_before(words, i) and not _unfinished_figure(words, i)]
    best = next(
        (i for i in reversed(breaks) if _complete(words[:i]) and not _says_only_subject(words, verb, i)), None
    )
    if best is None and (headed := _reported_subject_headed(words, verb)):
        return _shortened(headed) if _count(headed) > TITLE_WORDS else headed
    if best is None and words[0].lower() in ("the", "a", "an") and _count(words) == TITLE_WORDS + 1:
        return words[1:]  # headlinese drops an article before it drops what happened
    if best is None and (reported := _reported_clause(words, verb, named=False)):
        return _shortened(reported) if _count(reported) > TITLE_WORDS else reported
    if best is None:
        best = next((i for i in reversed(fits) if _whole_end(words, i) and not _closes_pair(words, i)), None)
    if best is None:
        best = next((i for i in reversed(breaks) if not _opens_unfinished_clause(words[:i])), 0)
    if best == 0:
        while best < len(words) and _count(words[: best + 1]) <= TITLE_WORDS:
            best += 1
        while best > floor and _unfinished_figure(words, best):
            best -= 1  # "… employers added [358,000 jobs]", not "… added 358,000"
    best = _before_cut_conjunct(words, best, floor)
    cut = [w.rstrip(",;:") if i == best - 1 else w for i, w in enumerate(words[:best])]
    if best > 0 and words[best - 1].endswith((",", ";")):
        cut = _quotation_ended(cut)
    if _ends_on_verb(words, best) and (reported := _reported_clause(words, verb, named=True)):
        return _shortened(reported) if _count(reported) > TITLE_WORDS else reported  # "Okoro said … to save"
    if _ends_on_verb(words, best) and words[0].lower() in ("the", "a", "an"):
        bare = words[1:]  # "[The] Centers for Disease Control … recorded about 2,400 cases"
        ends = (i for i in range(len(bare), 1, -1) if _count(bare[:i]) <= TITLE_WORDS and _whole_end(bare, i))
        end = next(ends, None)
        if end is not None and not _ends_on_verb(bare, end):
            return [w.rstrip(",;:") if i == end - 1 else w for i, w in enumerate(bare[:end])]
    return cut


def _long_subject(subject: Sequence[str]) -> bool:
    """Is a subject too long to keep whole (more than SUBJECT_WORDS, a pair's second member free)?"""
    return _count(subject) > SUBJECT_WORDS + 2 * _pairs(subject)


def _pairs(words: Sequence[str]) -> int:
    """How many pairs ``words`` open ("the call between Putin [and Trump]": paired-words): a subject
    that names two things the pair joins is no longer for it."""
    return sum(w.lower() in lexicon.words("paired-words") for w in words)


def _says_only_subject(words: Sequence[str], verb: int | None, end: int) -> bool:
    """ "The Kremlin said the call | between Putin and Trump had opened …": a cut between a verb of
    saying and the verb of what it reports keeps only the reported subject, no word of what was said."""
    if verb is None or words[verb].lower() not in lexicon.words("speech-verbs"):
        return False
    if words[verb].lower() in lexicon.words("speech-verbs-with-object"):
        return False
    said = range(verb + 2, len(words))
    return not any(_is_finite(words, k) for k in said if k < end) and any(_is_finite(words, k) for k in said)


def _reported_subject_headed(words: Sequence[str], verb: int | None) -> list[str]:
    """ "The Kremlin said the call [between Putin and Trump] had opened the way": the subject of what a
    verb of saying reports, cut to its head so that what was said fits ([] if it has no phrase to drop)."""
    if verb is None or not _says_only_subject(words, verb, verb + 2):
        return []
    start = verb + 1 + (words[verb + 1 : verb + 2] == ["that"])
    own = next((k for k in range(start + 1, len(words)) if _is_finite(words, k)), start)
    head = next((i for i in range(start + 1, own) if _breaks_before(words, i)), own)
    return [*words[:head], *words[own:]] if head < own else []


def _before_cut_conjunct(words: Sequence[str], best: int, floor: int) -> int:
    """ "Brooks set a trial date [and ordered Whitlock | to surrender her passport]": a cut before what a
    verb after "and" wants done leaves half of its phrase; the headline stops before the conjunction."""
    if best >= len(words) or not _is_infinitive(words, best):
        return best
    joins = [
        a
        for a in range(floor, best - 1)
        if words[a].lower() in ("and", "or", "but") and _is_finite(words, a + 1) and _complete(words[:a])
    ]
    return joins[-1] if joins else best


def _without_relative(words: list[str]) -> list[str]:
    """``words`` without the first relative clause on a noun that a modal's verb follows ("every ballot
    | that was cast legally | will be counted"): what the noun does is the headline's."""
    for i in range(1, len(words) - 2):
        if not (
            words[i].lower() in lexicon.words("relative-pronouns")
            and lexicon.is_noun(words[i - 1].lower())
            and not lexicon.verb_tags(words[i - 1]) & {"VBD", "VBN", "VBZ"}  # not "said that"
            and _is_finite(words, i + 1)
        ):
            continue
        end = next((j for j in range(i + 2, len(words)) if _modal(words[j]) and words[j] != "to"), None)
        if end is not None and words[end - 1].lower() not in _LINKS:
            return [*words[:i], *words[end:]]
        return words
    return words


def _main_verb(words: Sequence[str]) -> int | None:
    """The first verb, past a participle that opens a phrase on the subject when a verb follows it
    ("A former treasurer accused of embezzling $1.2 million | pleaded not guilty")."""
    verbs = [i for i in range(len(words)) if _is_finite(words, i) or _is_infinitive(words, i)]
    if len(verbs) > 1 and (_reduced_relative(words, verbs[0]) or _noun_infinitive(words, verbs[0])):
        later = [j for j in verbs[1:] if j > verbs[0] + 2 and words[j - 1].lower() not in _LINKS]
        return later[0] if later else verbs[0]
    return verbs[0] if verbs else None


def _noun_infinitive(words: Sequence[str], i: int) -> bool:
    """ "A petition | to put the deal to voters | gathered …": an infinitive right after the noun that
    opens the sentence describes it, when a finite verb follows."""
    noun = 1 <= i - 1 <= SUBJECT_WORDS and lexicon.is_noun(words[i - 1].lower())
    later = next((j for j in range(i + 2, len(words)) if _is_finite(words, j)), None)
    if not noun or words[i].lower() != "to" or later is None or later - i > SUBJECT_WORDS + 3:
        return False
    between = {w.lower().strip(",") for w in words[i + 2 : later]}
    openers = lexicon.words("clause-openers") | lexicon.words("gerund-openers") | {"and", "or", "but"}
    return not between & openers  # not "Harvest Lane Markets to close 38 stores … after talks broke down"


_LINKS = frozenset({"and", "or", "but", "to", "that", "who", "which"})  # no main verb comes after these


def _reduced_relative(words: Sequence[str], i: int) -> bool:
    """ "treasurer accused of …", "a storm driven by …": a past participle after a noun, with its
    preposition (passive-prepositions), describes the noun."""
    after = words[i + 1].lower() if i + 1 < len(words) else ""
    return (
        i > 0
        and "VBN" in lexicon.verb_tags(words[i])
        and lexicon.is_noun(words[i - 1].lower())
        and after in lexicon.words("passive-prepositions")
    )


def _ends_on_verb(words: list[str], end: int) -> bool:
    """ "… said the company expected to save [about $150 million]": a cut before ``words[end]`` that,
    without its dangling words, leaves a verb cut from its object."""
    kept = len(_undangled(list(words[:end])))
    return kept > 0 and _bare_verb(words, kept - 1)


def _bare_verb(words: Sequence[str], i: int) -> bool:
    """Is ``words[i]`` a verb cut from what it does (``words[i + 1]`` opens its object: "would connect
    | about 3.1 million homes"; not "could collapse | within a decade")?  After a modal or "to" (the
    modals table), a finite verb that is no noun ("the company expected"), or a form that is neither
    noun nor adjective ("recorded"; not "was closed", "too thin", nor "the company's trucking")."""
    word = words[i].strip(_QUOTES + ",;:")
    if not (word.islower() and _is_verb(word)) or i + 1 >= len(words) or not _opens_object(words, i + 1):
        return False
    prev = words[i - 1].lower() if i else ""
    if prev in lexicon.words("modals") and _is_infinitive(words, i + 1):
        return False  # "will meet | to decide …": a purpose, not what "meet" needs
    if prev in lexicon.words("modals"):
        return True
    if prev in lexicon.words("verbs"):
        return False
    if _is_finite(words, i) and not lexicon.is_noun(word):
        return True
    owned = prev.endswith(("'s", "’s")) or prev in lexicon.words("determiners") or lexicon.is_modifier(prev)
    return not (lexicon.is_noun(word) or lexicon.is_modifier(word) or (word.endswith("ing") and owned))


def _opens_object(words: Sequence[str], i: int) -> bool:
    """Does ``words[i]`` open a verb's object: a determiner, a figure, a name, "to" and a verb, a noun?"""
    word = words[i].strip(_QUOTES + ",;:")
    return (
        word.lower() in lexicon.words("determiners") | lexicon.words("possessives")
        or bool(_NUMBER.match(word))
        or _opens_figure(words, i)
        or word[:1].isupper()
        or _is_infinitive(words, i)  # "expected | to save …"
        or (word.lower() not in lexicon.words("function-words") and lexicon.is_noun(word))
    )


def _named_head(subject: Sequence[str]) -> bool:
    """ "The United Food and Commercial Workers union": a determiner, a name, and the common noun it
    qualifies, which names the subject alone ("The union")."""
    inside = subject[1:-1]
    return (
        len(subject) > 2
        and subject[0].lower() in lexicon.words("determiners")
        and subject[-1].islower()
        and lexicon.is_noun(subject[-1])
        and bool(inside)
        and inside[0][:1].isupper()
        and all(w[:1].isupper() or entities.name_connector(w) or w == "and" for w in inside)
    )


def _reported_clause(words: list[str], verb: int | None, named: bool) -> list[str]:
    """ "The Congressional Budget Office estimated | the program would connect …": the clause a verb
    near the start reports, with a subject of its own before its own verb; a named speaker only
    when ``named`` ("Brightwater said management should …" keeps Brightwater while it can); "it" or
    "she" after a speaker is the speaker ("The utility said it would open …" → "The utility would open …")."""
    if verb is None:
        return []
    for i in range(verb, min(verb + 2, len(words))):
        j = i + 1 + (words[i + 1 : i + 2] == ["that"])
        rest = words[j:]
        own_verb = (  # "the program would connect …"; not "a cut of …"
            _is_finite(rest, k) and rest[k - 1].lower() not in lexicon.words("determiners")
            for k in range(1, min(len(rest), SUBJECT_WORDS + 1 + 2 * _pairs(rest[:SUBJECT_WORDS])))
        )
        if not rest or not any(own_verb):
            continue
        first = rest[0].lower()
        speaker = words[:verb]
        finite = next(k for k in range(1, len(rest)) if _is_finite(rest, k))
        if named and "VBD" not in lexicon.verb_tags(rest[finite]):
            return []  # "NASA said its lander will launch": what NASA said, not what happened then
        thing = bool(speaker) and lexicon.is_common_word(speaker[-1].strip(_QUOTES + ","))  # "The utility"
        if first in ("he", "she") or (first == "it" and thing):
            return [*speaker, *rest[1:]]
        subject = first in lexicon.words("determiners") or rest[0][:1].isupper() or lexicon.is_noun(first)
        if first in _PRONOUNS or not subject:  # "the program would …", "management should …"
            return []
        unnamed = speaker[:1] and speaker[0].lower() in lexicon.words("determiners") | _PRONOUNS
        return rest if unnamed or named else []  # "Brightwater said management should …": who says it
    return []


def _whole_end(words: Sequence[str], end: int) -> bool:
    """May a headline stop before ``words[end]`` though no phrase breaks there?  Not after a function
    word, a bare verb, a possessive, a subject or an unfinished figure, nor inside a compound noun ("a
    new teacher | training")."""
    last = words[end - 1].strip(_QUOTES + ",;:")
    if last.lower() in lexicon.words("function-words") or _unfinished_figure(words, end):
        return False
    if _opens_unfinished_clause(words[:end]):
        return False  # "… as ballots [… were counted]"
    if _bare_verb(words, end - 1):
        return False  # "… would connect", "… should sell", "… a year starting"
    if last.endswith(("'s", "’s")) or (end < len(words) and _is_finite(words, end)):
        return False  # "… sell the company's", "… to see if Putin [was]": a noun that goes with what follows
    nxt = words[end].rstrip(".,;:") if end < len(words) else ""
    goes_on = (
        nxt.islower()
        and nxt not in lexicon.words("function-words")
        and lexicon.is_noun(nxt)
        and not _is_finite(words, end)
    )
    return not (goes_on and (lexicon.is_noun(last) or lexicon.is_modifier(last)))


def _unfinished_figure(words: Sequence[str], end: int) -> bool:
    """Would a headline stopping before ``words[end]`` cut a figure from its noun (figure-openers)?
    "about 2,400 | cases", "two million | of the phones", "a quarter | of a percentage point"."""
    number = _NUMBER.fullmatch(words[end - 1]) is not None or words[end - 1].lower() in _NUMBER_WORDS
    if number and end < len(words) and words[end].lower() in ("of", "per"):
        return True  # "two million | of the phones", "4.5 | per cent"
    return _opens_figure(words, end - 1) or (number and end < len(words) and not _breaks_before(words, end))


_NUMBER_WORDS = frozenset(
    {"hundred", "thousand", "million", "billion", "trillion", "dozen", "half", "quarter"}
)


def _opens_figure(words: Sequence[str], i: int) -> bool:
    """ "about 900", "fewer than 300", "at least three": a figure-openers phrase before a number (not
    "talking about it"; headline-number-words)."""
    for opener in lexicon.phrases("figure-openers"):
        if tuple(w.lower() for w in words[i : i + len(opener)]) == opener:
            rest = [w for w in words[i + len(opener) : i + len(opener) + 2] if w.lower() != "than"][:1]
            return bool(rest) and bool(
                _NUMBER.match(rest[0]) or rest[0].lower() in lexicon.words("headline-number-words")
            )
    return False


def _complete(words: Sequence[str]) -> bool:
    """Does the headline go on past its last verb to a word that is no verb ("… wanted to see" does not)
    or to the verb's particle ("… were sworn in")?"""
    words = _undangled(list(words))
    verbs = [i for i in range(len(words)) if _is_finite(words, i) or (i and _is_infinitive(words, i - 1))]
    rest = words[verbs[-1] + 1 :] if verbs else words
    if verbs and len(rest) == 1 and _takes_particle(words[verbs[-1]], rest[0].lower()):
        return True
    if verbs and not rest and _passive(words, verbs[-1]):
        return True  # "Liu said every ballot will be counted"
    if verbs and not rest and JOIN in words[verbs[-1]]:
        return True  # "Pierce said the dam ‘is not at risk of failing’": the quotation goes on
    if _opens_unfinished_clause(rest):
        return False
    return any(
        word.lower() not in lexicon.words("function-words") and (lexicon.is_noun(word) or not _is_verb(word))
        for word in (w.strip(_QUOTES + ",") for w in rest)
    )


def _passive(words: Sequence[str], i: int) -> bool:
    """ "will be counted", "was closed": a past participle after a listed verb (the verbs table)."""
    return i > 0 and words[i - 1].lower() in lexicon.words("verbs") and "VBN" in lexicon.verb_tags(words[i])


def _opens_unfinished_clause(rest: Sequence[str]) -> bool:
    """ "… overtook him as ballots [from the east side were counted]": a subordinating word (the
    subordinate clause-splitters, clause-openers) and a bare noun, the subject of a verb cut off."""
    openers = lexicon.words("clause-openers") | {"as", "after", "before", "once", "while"}
    for k in range(len(rest) - 1):
        if rest[k].lower() in openers and rest[k + 1].islower():
            noun = rest[k + 1].strip(",")
            bare = noun not in lexicon.words("function-words") and lexicon.is_noun(noun)
            return bare and not any(_is_finite(rest, j) for j in range(k + 2, len(rest)))
    return False


def _is_verb(word: str) -> bool:
    return bool(lexicon.verb_tags(word) - {"VBN"})


def _is_infinitive(words: Sequence[str], i: int) -> bool:
    """ "Fisheries ministers to meet …": a planned headline's verb."""
    return i + 1 < len(words) and words[i] == "to" and "VB" in lexicon.verb_tags(words[i + 1])


def _breaks_before(words: Sequence[str], i: int) -> bool:
    """May a headline stop before ``words[i]``?  At a phrase break or after a comma, not one inside a
    figure ("a two-year, $3.4 million repair"), a list of names ("Poland, Hungary and …") or a name
    ("Immigration and Naturalization Service")."""
    if words[i - 1].endswith((",", ";", ":")):
        listed = words[i - 1].endswith(",") and words[i - 1][:1].isupper() and words[i][:1].isupper()
        return not words[i][:1].isdigit() and not words[i].startswith("$") and not listed  # "Poland, Hungary"
    score = (  # "by a margin of 311 to 118", "a vote of 6-3": one figure
        words[i].lower() in ("to", "-")
        and words[i - 1][:1].isdigit()
        and words[i + 1 : i + 2] != []
        and words[i + 1][:1].isdigit()
    )
    listed = words[i] == "and" and i > 1 and words[i - 2].endswith(",") and words[i - 2][:1].isupper()
    compound = _compound_preposition_at(words, i)
    if compound is not None:
        return compound
    return (
        words[i].lower() in lexicon.words("phrase-breaks")
        and not _opens_figure(words, i - 1)  # not "fewer | than 300"
        and not _inside_name(words, i)
        and not score
        and not (listed and words[i - 1][:1].isupper())  # "Poland, Hungary and the Czech Republic"
        and not _closes_pair(words, i)
        and not (words[i].lower() == "of" and words[i - 1].lower() in lexicon.words("partitive-nouns"))
    )


def _compound_preposition_at(words: Sequence[str], i: int) -> bool | None:
    """True where a preposition of several words opens at ``words[i]`` ("… Whitlock | out of"), False
    inside one ("out | of"), None elsewhere (compound-prepositions)."""
    lower = [w.lower() for w in words]
    for phrase in lexicon.phrases("compound-prepositions"):
        for k in range(len(phrase)):
            if tuple(lower[i - k : i - k + len(phrase)]) == phrase and i - k >= 0:
                return k == 0
    return None


def _closes_pair(words: Sequence[str], i: int) -> bool:
    """Is ``words[i]`` the partner of an opener before it in the same phrase ("the call between Putin
    | and Trump": paired-words)?  Stopping there leaves the pair half said."""
    partners = lexicon.mapping("paired-words")
    for k in range(i - 1, max(-1, i - 6), -1):
        word = words[k].lower()
        if partners.get(word) == words[i].lower():
            return True
        if word == words[i].lower() or words[k].endswith((",", ";", ":")):
            return False
    return False


def _inside_name(words: Sequence[str], i: int) -> bool:
    """Does ``words[i]`` join capitalised words into one name?  "the Centers for Disease Control and
    Prevention", "the Bank of America", "Immigration and Naturalization Service" (a headline keeps them
    whole); not "Kenya and Tanzania", nor a person's place ("Kline of Ohio"), nor after a name of two
    words ("the National Register [of Historic Places]")."""
    if not (words[i - 1][:1].isupper() and words[i + 1 : i + 2] and words[i + 1][:1].isupper()):
        return False
    if entities.name_connector(words[i]):  # "the Bureau of Labor Statistics"; not "Weil of Weil Associates"
        return i > 1 and words[i - 2].lower() in lexicon.words("determiners")
    return words[i] == "and" and (
        (i + 2 < len(words) and words[i + 2][:1].isupper()) or _connected_name_before(words, i)
    )


def _connected_name_before(words: Sequence[str], i: int) -> bool:
    """Do the capitalised words before ``words[i]`` make one name through a connector ("Centers for
    Disease Control")?  Then an "and" after them goes on with that name."""
    j = i - 1
    while j > 0 and (words[j][:1].isupper() or entities.name_connector(words[j])):
        if entities.name_connector(words[j]) and words[j - 1][:1].isupper():
            return True
        j -= 1
    return False


def _quotes_closed(words: list[str]) -> list[str]:
    """No dangling quotation: close one cut after two words or more, stop before one cut sooner, or
    drop its marks."""
    for i, word in enumerate(words):
        if word.startswith(_OPEN_QUOTES) and not any(_closes(w) for w in words[i:]):
            kept = list(words[i:])
            while kept and kept[-1].strip(_QUOTES + ",").lower() in lexicon.words("function-words"):
                kept.pop()
            if len(kept) >= 2 and has_verb(" ".join(words[:i])):  # "said the bank was ‘not yet ready’"
                kept[0] = "‘" + kept[0].lstrip(_QUOTES)  # one kind of marks, whichever opened it
                return [*words[:i], *kept[:-1], kept[-1].rstrip(",;:") + "’"]
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
