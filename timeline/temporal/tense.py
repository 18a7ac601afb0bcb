"""Is the clause around an expression about the past or the future?

"Officials met on Friday" is the Friday before publication, "they will meet Thursday" the
Thursday after.  Without a parser, the nearest tense trigger of the same sentence decides
(the word lists are in ``resources/tense.toml``), not looking past a quotation mark; a
clause with none is a deadline ahead after "by" or "until" ("they have until Friday") and
otherwise read as the past, as news English is.  The tense is *governing* when its trigger
surely is the verb of the expression: close before it in the same clause ("gunmen killed
12 people in January"), or the main verb of a sentence the expression opens ("In January,
gunmen killed ..."); a month, a quarter or a half is then read by tense however far the
other side lies.  A stop put in place until the expression ("cancelled flights through
Thursday", "closed until Monday") looks ahead whatever the tense of its verb: the state
still holds when the news is written, unless a past verb after the expression ends it; a
past negated until the expression ("did not tell drivers until Friday") says when the thing
did happen, so it is past.

What is not the expression's clause is left out: an attribution tail that ends the
sentence (", the ministry said."), a relative clause closed before it (", which had been
expected,"), a clause after "and" when a verb before the expression gives the tense, and
the clause before "and" when the expression opens the one after it ("..., and on Saturday
the owner will lock the door").  A
decision in a relative clause ("which the union voted to hold on Monday") looks ahead from
the decision, so a past main clause after it ("..., ended early") makes the day past.
An onset right after a past verb ("issued an ultimatum ... starting at noon Saturday") looks
ahead from that verb's event (``NEAREST``), and so does a notice in force from a day ("issued
a flood watch from Tuesday afternoon"; "until" a day, it lies ahead); a noun phrase right after
a speech verb ("said the spring semester would start") takes the tense of its own verb.  A
headline drops the tense ("Cold front brings rain Tuesday"): with no trigger, its day is the
one nearest publication.  A schedule in the present ("the exhibit opens March 3", "Alder Park
host the leaders on Jan. 16") looks ahead too (``SCHEDULE``), but in a sentence a past year
opens ("In 1865, Lincoln travels to Richmond on April 4") it is the historical present of that
year.  A past verb of arranging with its object ("scheduled a trial for March 8") is past for
a day before it and looks ahead for one after it, as a decision does.  What one can do ("You can
vote at the town hall on Tuesday") is still open, so "can" looks ahead like a modal of the future,
except as a noun after a determiner ("kicked a can").
"""

from __future__ import annotations

import bisect
import re
from functools import cache, cached_property, lru_cache

from .lexicon import key, phrase_regex, tense_words, vocabularies, vocabulary_regex

PAST, UNKNOWN, FUTURE = -1, 0, 1
# Ahead of a past event ("issued an ultimatum ... starting at noon Saturday"): the occurrence
# nearest publication, on either side.
NEAREST = 2
# The present of a schedule ("the exhibit opens March 3"): ahead, except in the historical
# present of a past narrative ("In 1865, Lincoln travels to Richmond on April 4").
SCHEDULE = 3
WINDOW = 160  # characters either side; a clause rarely reaches further
# Triggers after the expression count as this much farther: the verb that governs a
# time adverbial usually comes before it ("met on Friday"), and one after it often belongs
# to another clause ("by August, in markets untouched by ...").
AFTER_WEIGHT = 2
QUOTE_REACH = 2000  # characters back to where a quotation may open (a paragraph rarely runs longer)
HEADLINE_OFFSET = 200  # blank space a text may open with before its headline
HEADLINE_LENGTH = 300  # characters; a longer first line is no headline
LEAD_IN = 32  # characters before the expression where a deadline preposition may stand ("until at least")
GOVERNING_DISTANCE = 24  # characters from a trigger before the expression that still surely governs it
# What stands between a governing trigger and its expression: no clause boundary.
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-\s")
# A sentence ends at . ! ? or ; followed by space, or at a blank line; a period after an
# abbreviation ("Sen.", "vs.", "U.S.") does not end it.
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*\s+|;\s|\n\s*\n")
_CLAUSE_GAP = r"(?:[^,;:\"“”.!?]{0,60}\s)?"  # in one clause, at most 60 characters
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_NOT_BLANK = re.compile(r"\S")
_WORD_BEFORE = re.compile(r"([\w.]+)[.!?]?[\"'”’)\]]*\s*$")
# A quotation mark separates what was said from the clause that reports it: in '"We will
# leave Thursday," he said', "said" does not set the tense of Thursday, nor "will" in
# 'He said Friday, "We will win."'.
_QUOTE = re.compile(r"[\"“”]|''|``")
# What stands between a speech verb and the noun phrase that opens the clause it reports.
_REPORTED_SUBJECT = re.compile(r"\s+(?:that\s+)?the\s", re.IGNORECASE)


@cache
def _triggers() -> re.Pattern[str]:
    words = tense_words()
    not_past = "|".join(re.escape(w) for w in words["not_past"])
    # A participle after "be", "to", "stay" ... is a passive, an infinitive or an adjective, not
    # a past tense: "will be named", "is expected", "will stay closed".
    participle = "".join(rf"(?<!\b{re.escape(w)}\s)" for w in words["participle_after"])
    # An -ed word after a determiner qualifies a noun ("at its renovated stadium"); a present
    # after one, or after a possessive, is a noun ("the play", "a host of", "the show's hosts").
    determined = "".join(rf"(?<!\b{re.escape(w)}\s)" for w in words["adjective_after"])
    not_noun = rf"{determined}(?<!['’]s\s)"
    # A plural present after "to" or "not" ("cannot", "didn't") is an infinitive or negated.
    not_finite = "".join(rf"(?<!{re.escape(w)}\s)" for w in words["not_finite_after"])
    plural = _guarded(phrase_regex(words["scheduled_plural"]), not_finite + not_noun)
    scheduled = _guarded(phrase_regex(words["scheduled"]), not_noun)
    # A past phrase that opens with a future word ("could not be reached", "must have") wins.
    longer_past = phrase_regex(
        p for p in words["past"] if any(p.startswith(f + " ") for f in words["future"])
    )
    # "The president leaves Friday": a verb of travel that is often a noun ("the leaves fell") is
    # a schedule after its subject and right before a weekday.
    pronoun = phrase_regex(words["singular_pronouns"] + words["plural_pronouns"])
    subject = rf"(?:{pronoun}|the\s+[a-z]+|(?-i:(?!(?:The|A|An)\b)[A-Z][a-z]+))"
    weekday = vocabulary_regex("any_weekday")
    travel = rf"{subject}\s+(?:{phrase_regex(words['travel'])})(?=\s+{weekday}(?![\w'’]))"
    # "Preorders open on Friday": a timetable after its subject, never after "remained" ("open" there
    # is an adjective), right before a weekday.
    holder = rf"(?!(?:{phrase_regex(words['copulas'])})\s)(?:{subject}|[a-z]+s)"
    timetable = rf"{holder}\s+(?:{phrase_regex(words['timetable'])})(?=\s+(?:on\s+)?{weekday}(?![\w'’]))"
    # "The museum remains open Sunday": a state that holds now, right before a weekday.
    state = (
        rf"(?:{phrase_regex(words['present_copulas'])})\s+(?:{phrase_regex(words['states'])})"
        rf"(?=\s+(?:on\s+)?{weekday}(?![\w'’]))"
    )
    # "Game 7 is Tuesday", "the anniversary falls on Tuesday": a present stating the day of a thing.
    dating = rf"(?:{phrase_regex(words['dating_copulas'])})(?=\s+(?:on\s+)?{weekday}(?![\w'’]))"
    # "May" with a capital is the month ("from May 12 to May 14"), not the modal.
    ability = _guarded(phrase_regex(words["ability"]), not_noun)  # "can vote", not "a can"
    modal = rf"{phrase_regex(words['future'])}|{ability}"
    future = rf"(?!(?-i:May)(?![\w'’]))(?!(?:{longer_past})(?![\w'’]))(?:{modal})"
    schedule = rf"{scheduled}|{plural}|{travel}|{timetable}|{state}|{dating}"
    # "agreed to meet": a decision about what comes next, before the expression ("agreed to meet
    # Thursday"); after it, the expression dates the decision ("In May, it agreed to buy ...").
    # "Agreed to a truce" is no infinitive.
    preposition = phrase_regex(words["not_infinitive"])
    intention = rf"(?:{phrase_regex(words['intention'])})\s+to\s+(?!(?:{preposition})\b)[a-z]+"
    # "scheduled a trial": a past act of arranging, looking ahead like a decision.
    arrangement = phrase_regex(words["arrangement"])
    # "warned of a storm surge", "predicted heavy rain": a verb of foretelling with what it
    # foretells, neither after "had" nor right before a preposition, "that" or a date.
    not_object = phrase_regex(words["fronting_prepositions"] + words["not_foretold"])
    foretold = rf"(?=\s+(?!(?:{not_object}|{vocabulary_regex('any_weekday')})(?![\w'’]))[\w$£€])"
    foretelling = _guarded(phrase_regex(words["foretelling"]), r"(?<!\bhad\s)") + foretold
    # "it forecast", "the company cut its outlook": a past whose form is the base form.
    verb = rf"(?:\s+(?:{phrase_regex(words['adverbs'])}))?\s+(?:{phrase_regex(words['base_past'])})"

    def noun(guard: str = "") -> str:  # a singular noun after a determiner, or a name
        return rf"(?:(?:{phrase_regex(words['determiners'])})\s+{guard}[a-z]+|(?-i:[A-Z][a-z]+))(?<!s)"

    # One that takes no object is past before a preposition too ("the storm hit in the early
    # hours"), but not after a word that qualifies a noun ("a big hit in May").
    qualified = rf"(?!(?:{phrase_regex(words['noun_adjectives'])})\s)"
    intransitive = rf"\s+(?:{phrase_regex(words['intransitive_base_past'])})"
    base_past = (
        rf"(?:{phrase_regex(words['singular_pronouns'])}){verb}"
        rf"|{noun()}{verb}(?=\s+(?:{phrase_regex(words['object_starts'])}|[$£€0-9])(?![\w'’]))"
        rf"|{noun(qualified)}{intransitive}(?=\s+(?:{phrase_regex(words['fronting_prepositions'])})\s)"
    )
    return re.compile(
        # A word that opens a compound is none of these ("last-ditch talks", "a left-wing party").
        rf"(?<![\w'’])(?:(?P<intention>{intention})|(?P<arrangement>{arrangement}|{foretelling})"
        rf"|(?P<onset>{phrase_regex(words['onset'])})|(?P<future>{future})|(?P<schedule>{schedule})"
        rf"|(?P<past>{participle}(?:{phrase_regex(words['past'])}|{base_past}))"
        rf"|(?P<ed>(?=[a-z]{{2,}}ed(?![\w'’])){participle}{determined}(?!(?:{not_past})\b)[a-z]{{2,}}ed))(?![\w'’-])",
        re.IGNORECASE,
    )


def _guarded(phrases: str, guards: str) -> str:
    """``phrases`` where none of the look-behind ``guards`` fails; the look-ahead comes first, so
    that the guards are tried only where such a phrase starts."""
    return rf"(?=(?:{phrases})(?![\w'’])){guards}(?:{phrases})"


@cache
def _lead_in() -> str:
    """What may stand between a preposition and its date: a hedge ("until at least
    Wednesday") and "the"."""
    return rf"\s+(?:(?:{phrase_regex(tense_words()['hedges'])})\s+)?(?:the\s+)?$"


@cache
def _deadline(table: str = "future_prepositions") -> re.Pattern[str]:
    """A preposition right before the expression that points to the future ("in time for")."""
    words = "|".join(re.escape(w) for w in tense_words()[table])
    return re.compile(rf"(?<![\w'’])(?:{words}){_lead_in()}", re.IGNORECASE)


def _suspension_holds(text: str, left: int, start: int, end: int, right: int) -> bool:
    """A stop put in place until the expression, which the sentence does not say is over:
    "flights were cancelled through Thursday", but not "payments were frozen until the 9th,
    when the bank reopened" (a past verb after the expression)."""
    if not _suspended().search(text, left, start):
        return False
    starts, ends, _, to_earlier, _, _ = _found(text)
    after = bisect.bisect_left(starts, end)
    return not (after < len(starts) and ends[after] <= right and to_earlier[after] == PAST)


@cache
def _suspended() -> re.Pattern[str]:
    """A stop put in place until the expression ("cancelled flights through Thursday"): the
    expression ends a state that still holds, so it lies ahead."""
    words = tense_words()
    verbs, prepositions = phrase_regex(words["suspension"]), phrase_regex(words["suspension_prepositions"])
    return re.compile(rf"(?<![\w'’])(?:{verbs})\s{_CLAUSE_GAP}(?:{prepositions}){_lead_in()}", re.IGNORECASE)


@cache
def _negated_past() -> re.Pattern[str]:
    """A past negated until the expression ("did not tell drivers until Friday"): the thing
    happened then, so it is past."""
    words = tense_words()
    negations, until = phrase_regex(words["negated_past"]), phrase_regex(["until", "till"])
    return re.compile(rf"(?<![\w'’])(?:{negations})\s{_CLAUSE_GAP}(?:{until}){_lead_in()}", re.IGNORECASE)


def _notice_in_force(text: str, left: int, start: int) -> int | None:
    """A notice valid from or until the expression ("issued a flood watch from Tuesday
    afternoon through Thursday"): NEAREST for its start, FUTURE for its end, None if there
    is no such notice or a verb after it tells what became of it ("the curfew lasted until")."""
    notice = _validity().search(text, left, start)
    if not notice:
        return None
    starts = _found(text)[0]
    if bisect.bisect_left(starts, notice.end("notice")) != bisect.bisect_left(starts, notice.start("edge")):
        return None
    return FUTURE if notice.group("until") else NEAREST


@cache
def _validity() -> re.Pattern[str]:
    words = tense_words()
    notices, until = phrase_regex(words["validity"]), phrase_regex(words["suspension_prepositions"])
    onsets = phrase_regex(["from", *words["onset"]])
    return re.compile(
        rf"(?<![\w'’])(?P<notice>{notices})\s{_CLAUSE_GAP}(?P<edge>(?P<until>{until})|{onsets})(?:\s+(?:on|at))?{_lead_in()}",
        re.IGNORECASE,
    )


@cache
def _attribution() -> re.Pattern[str]:
    """An attribution tail from the end of an expression to the end of its sentence: a comma,
    at most six words of subject, the speech verb with no object of its own, then no other
    clause but a participle's (", officials said on Tuesday." and ", forecasters said Monday,
    ending a dry spell", but not ", officials said, adding ..." nor ", a second caller
    reported gunshots")."""
    words = tense_words()
    verbs = phrase_regex(words["attribution"])
    # "Told" takes its listener ("told reporters"); another speech verb with an object is a
    # clause of its own.
    objects = phrase_regex(words["object_starts"])
    no_object = rf"(?:(?<=told)|(?<=tells)|(?!\s+(?:{objects}|(?-i:[a-z]{{3,}}s))(?![\w'’])))"
    return re.compile(
        rf"[^,;:\"“”]*?,\s+(?:[^\s,;:\"“”]+\s+){{0,6}}?(?:{verbs})(?![\w'’]){no_object}"
        rf"(?:[^,;:\"“”]*$|\s+[^\s,;:\"“”][^,;:\"“”]*?,\s+[a-z]+ing\s[^;:\"“”]*$)",
        re.IGNORECASE,
    )


@cache
def _coordinator() -> re.Pattern[str]:
    """A conjunction that opens another clause: a verb after it ("rallied on Saturday and were
    planning to ...") is not the expression's when a verb before it is."""
    return re.compile(
        rf"(?<![\w'’])(?:{phrase_regex(tense_words()['coordinators'])})(?![\w'’])", re.IGNORECASE
    )


@cache
def _relative_clause() -> re.Pattern[str]:
    """The opening of a relative clause set off by a comma, up to the expression."""
    pronouns = phrase_regex(tense_words()["relative_pronouns"])
    return re.compile(rf",\s+(?:{pronouns})\s[^,;:\"“”]*$", re.IGNORECASE)


@cache
def _closed_relative_clause() -> re.Pattern[str]:
    """A relative clause set off by commas, and the present main verb after it if one follows."""
    pronouns = phrase_regex(tense_words()["relative_pronouns"])
    verbs = phrase_regex(tense_words()["present_main_verbs"])
    return re.compile(
        rf",\s+(?:{pronouns})\s[^,;:\"“”]*,(?=(?P<space>\s+)(?:(?P<verb>{verbs})(?![\w'’]))?)", re.IGNORECASE
    )


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(a.lower() for a in tense_words()["abbreviations"])


def _ends_sentence(text: str, boundary: re.Match[str]) -> bool:
    if boundary.group()[0] != "." or PARAGRAPH_BREAK.search(boundary.group()):  # "at 9 p.m.\n\nOn Tuesday"
        return True
    word = _WORD_BEFORE.search(text, max(0, boundary.start() - 12), boundary.start() + 1)
    if not word:
        return True
    token = word.group(1).lower().rstrip(".")
    return not (token in _abbreviations() or len(token) == 1 or "." in token)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``text[start:end]``, cut to WINDOW characters either side."""
    left = max(0, start - WINDOW)
    for m in _BOUNDARY.finditer(text, left, start):
        if _ends_sentence(text, m):
            left = m.end()
    right = min(len(text), end + WINDOW)
    for m in _BOUNDARY.finditer(text, end, right):
        if _ends_sentence(text, m):
            right = m.start() + 1
            break
    return left, right


def speech_weekday(text: str, start: int) -> int | None:
    """The weekday (1-7) on which the words around ``text[start]`` were said, when they stand in
    a quotation whose attribution names it ('"We will hold the line tonight," the mayor said
    Tuesday.'): "tonight" there is that Tuesday's."""
    reach = max(0, start - QUOTE_REACH)
    before = text[text.rfind("\n\n", reach, start) + 1 or reach : start]
    if before.count("“") <= before.count("”") and before.count('"') % 2 == 0:
        return None
    closing = _QUOTE.search(text, start, start + QUOTE_REACH)
    said = _said_on().match(text, closing.end()) if closing else None
    return vocabularies()["any_weekday"].get(key(said.group("day"))) if said else None


@cache
def _said_on() -> re.Pattern[str]:
    """An attribution naming a weekday, right after a closing quotation mark."""
    verbs = phrase_regex(tense_words()["attribution"])
    return re.compile(
        rf"\s*(?:[^\s.!?;:\"“”]+\s+){{0,6}}?(?:{verbs})\s+(?:(?:on|late|early)\s+)?"
        rf"(?P<day>{vocabulary_regex('any_weekday')})(?![\w'’])",
        re.IGNORECASE,
    )


# What stands right before the period a forecast is for: "for the fourth quarter".
_FOR = re.compile(r"(?<![\w'’])for\s+$", re.IGNORECASE)


class Clause:
    """The tense of the clause around ``text[start:end]``, read when first asked: few values
    need it."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self._where = (text, start, end)

    @cached_property
    def _reading(self) -> tuple[int, bool]:
        return read_clause(*self._where)

    def tense(self) -> int:
        """PAST, FUTURE or UNKNOWN (a NEAREST or SCHEDULE clause reads as FUTURE)."""
        return FUTURE if self._reading[0] in (NEAREST, SCHEDULE) else self._reading[0]

    def scheduled(self) -> bool:
        """Whether the future is a present tense (see ``SCHEDULE``)."""
        return self._reading[0] == SCHEDULE

    def nearest(self) -> bool:
        """Whether the clause looks ahead from a past event (see ``NEAREST``)."""
        return self._reading[0] == NEAREST

    def governing(self) -> bool:
        """Whether the tense comes from the verb the expression surely belongs to."""
        return self._reading[1]


def read_clause(text: str, start: int, end: int) -> tuple[int, bool]:
    """The tense (PAST, FUTURE, UNKNOWN, NEAREST or SCHEDULE) for the expression at ``text[start:end]``, and
    whether it is governing (see the module docstring)."""
    left, right = sentence_bounds(text, start, end)
    if _deadline().search(text, max(left, start - LEAD_IN), start):
        return FUTURE, False
    for quote in _QUOTE.finditer(text, left, start):
        left = quote.end()
    quote_after = _QUOTE.search(text, end, right)
    right = quote_after.start() if quote_after else right
    tail = _attribution().match(text, end, right)  # not the main verb of a date opening the sentence
    right = text.index(",", end, right) if tail and not _opens_sentence(text, left, start, end) else right
    if _negated_past().search(text, left, start):
        return PAST, False
    if _suspension_holds(text, left, start, end, right):
        return FUTURE, False
    notice = _notice_in_force(text, left, start)
    if notice is not None:
        return notice, False
    starts, ends, to_later, to_earlier, intentions, onsets = _found(text)
    deadline = _deadline("weak_future_prepositions").search(text, max(left, start - LEAD_IN), start)
    best, best_distance, governing, chosen = UNKNOWN, WINDOW * 2, False, -1
    before = bisect.bisect_right(ends, start) - 1  # the nearest trigger before, if in the clause
    for aside in reversed(_asides(text, left, start)):  # not one of a relative clause closed before it
        if before >= 0 and aside[0] <= starts[before] < aside[1]:
            before = bisect.bisect_right(ends, aside[0]) - 1
    if before >= 0 and (
        _opens_reported_clause(text, starts[before], ends[before], start)
        or _opens_coordinate_clause(text, ends[before], start, end, right)
    ):
        before = -1
    if before >= 0 and starts[before] >= left:
        best, best_distance, chosen = to_later[before], start - ends[before], before
        between = text[ends[before] : start]
        governing = best_distance <= GOVERNING_DISTANCE and not deadline and not _CLAUSE_BREAK.search(between)
        if before in intentions and _main_clause_past(text, left, start, end, right):
            return PAST, False
        if before in onsets and before > 0 and starts[before - 1] >= left and to_later[before - 1] == PAST:
            return NEAREST, False
    after = bisect.bisect_left(starts, end)  # the nearest after, counting AFTER_WEIGHT times farther
    if (
        not governing  # a verb close before, in the same clause, governs the expression
        and after < len(starts)
        and ends[after] <= right
        and (starts[after] - end) * AFTER_WEIGHT < best_distance
        and not (best != UNKNOWN and _coordinator().search(text, end, starts[after]))
    ):
        best, governing, chosen = to_earlier[after], _opens_sentence(text, left, start, end), after
    if best == PAST and chosen >= 0 and _forecast_for(text, starts[chosen], ends[chosen], left, start):
        return FUTURE, governing
    if best == UNKNOWN and deadline:
        return FUTURE, False
    if best == UNKNOWN and _in_headline(text, start, end):
        return NEAREST, False
    return best, governing


def _forecast_for(text: str, verb_start: int, verb_end: int, left: int, start: int) -> bool:
    """ "For the fourth quarter, it forecast revenue of $2.2 billion": a period a forecast is
    for (``forecast_verbs``, the expression after "for") is ahead, whenever the forecast was made."""
    verb = text[verb_start:verb_end].lower().split()[-1]  # "it forecast": a trigger with its subject
    return (
        verb in _forecast_verbs() and _FOR.search(text, max(left, start - len("for the ")), start) is not None
    )


def _in_headline(text: str, start: int, end: int) -> bool:
    """Whether the expression stands in a headline: the first line of a text with more after
    it, without a full stop.  Headlines drop the tense ("Cold front brings rain Tuesday",
    "Storm knocks out power Monday"): the day is the one nearest publication."""
    if start > HEADLINE_OFFSET + HEADLINE_LENGTH:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end, line_start + HEADLINE_LENGTH)
    if line_start > HEADLINE_OFFSET or line_end < 0 or text[:line_start].strip():
        return False
    line = text[line_start:line_end].rstrip()
    return not line.endswith((".", "!", "?", '"', "”", ":")) and _NOT_BLANK.search(text, line_end) is not None


def _opens_reported_clause(text: str, trigger_start: int, trigger_end: int, start: int) -> bool:
    """ "Officials said the spring semester would start ...": a noun phrase right after a
    speech verb is the subject of the reported clause, whose own verb follows it ("said
    Friday" still dates the saying)."""
    if text[trigger_start:trigger_end].lower() not in _speech_verbs():
        return False
    subject = _REPORTED_SUBJECT.match(text, trigger_end)
    return bool(subject and subject.end() > start)


def _opens_coordinate_clause(text: str, trigger_end: int, start: int, end: int, right: int) -> bool:
    """ "Regulars have shared its tables, and on Saturday the owner will lock the door": an
    expression that opens a clause after a conjunction, its subject right after it, belongs
    to that clause's verb, not to the one before the conjunction.  The subject stands in the
    clause (up to ``right``): after "late Thursday or early Friday" the attribution (", the
    center said") is none."""
    return opens_coordinate_clause(text, trigger_end, start) and bool(
        _clause_subject().match(text, end, right)
    )


COORDINATE_REACH = 60  # characters: a conjunction and a preposition ("and by", "but in the wake of")


@cache
def _coordinate_opening() -> re.Pattern[str]:
    words = tense_words()
    coordinators = phrase_regex(words["coordinators"])
    prepositions = phrase_regex(words["fronting_prepositions"])
    return re.compile(rf"(?<![\w'’])(?:{coordinators})\s+(?:(?:{prepositions})\s+)?$", re.IGNORECASE)


@cache
def _clause_subject() -> re.Pattern[str]:
    """What opens a clause's subject, right after the expression or after its comma and an
    aside ("on Saturday, after 31 years, the owner"): a determiner, a pronoun or a name."""
    words = tense_words()
    openers = phrase_regex(
        words["determiners"] + words["object_starts"] + words["singular_pronouns"] + words["plural_pronouns"]
    )
    aside = r"[^,;:\"“”.!?]{1,40},\s+"  # "on Saturday, after 31 years, the owner"
    return re.compile(rf"(?:,\s+(?:{aside})?|\s+)(?:(?i:{openers})|(?:[A-Z][a-z]+))(?![\w'’])")


@cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(w.lower() for w in tense_words()["attribution"])


@cache
def _forecast_verbs() -> frozenset[str]:
    return frozenset(w.lower() for w in tense_words()["forecast_verbs"])


def _asides(text: str, left: int, start: int) -> list[tuple[int, int]]:
    """The relative clauses set off by commas that close before ``start`` where the main clause
    resumes with its verb: "The sale, which had been expected, is part of a plan to repay the
    loan by February" (not the list in "who resigned as chairman, president and ...")."""
    starts = _found(text)[0]
    asides = []
    for m in _closed_relative_clause().finditer(text, left, start):
        after = bisect.bisect_left(starts, m.end("space"))
        if m.group("verb") or (after < len(starts) and starts[after] == m.end("space")):
            asides.append(m.span())
    return asides


def _main_clause_past(text: str, left: int, start: int, end: int, right: int) -> bool:
    """Whether the expression lies in a relative clause set off by commas whose main clause,
    after it, is in the past: "The strike, which the union voted to hold on Monday, ended
    early" held the strike on the Monday past."""
    opening = _relative_clause().search(text, left, start)
    closing = text.find(",", end, right)
    if not opening or closing < 0 or _CLAUSE_BREAK.search(text, end, closing):
        return False
    main = _triggers().search(text, closing, right)
    return bool(main and (main.group("past") or main.group("ed")))


def names_prior_period(text: str, start: int) -> bool:
    """Whether the expression at ``text[start:]`` opens its sentence after a preposition of what
    came before (``prior_prepositions``) and at most three words of its noun phrase: "After a
    flat second quarter, ..." names a time before the one the sentence tells."""
    left = sentence_bounds(text, start, start)[0]
    return _prior().fullmatch(text, left, start) is not None


@cache
def _prior() -> re.Pattern[str]:
    prepositions = phrase_regex(tense_words()["prior_prepositions"])
    return re.compile(rf"[\W_]*(?:{prepositions})\s+(?:[\w-]+\s+){{0,3}}", re.IGNORECASE)


def _opens_sentence(text: str, left: int, start: int, end: int) -> bool:
    """ "In January, ...": the expression, after at most a preposition, opens the sentence."""
    return text[end : end + 1] == "," and bool(_fronting().fullmatch(text, left, start))


@cache
def _fronting() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in tense_words()["fronting_prepositions"])
    return re.compile(rf"\s*(?:(?:{words})\s+)?", re.IGNORECASE)


@lru_cache(maxsize=1)
def _found(text: str) -> tuple[list[int], list[int], list[int], list[int], frozenset[int], frozenset[int]]:
    """Every tense trigger of ``text``, found in one pass (a text dense with dates, "June, June,
    ...", would otherwise be scanned once per date): starts, ends, the tense each gives to an
    expression after it and to one before it, which are verbs of intention and which onsets."""
    starts, ends, to_later, to_earlier, intentions, onsets = [], [], [], [], set(), set()
    for i, m in enumerate(_triggers().finditer(text)):
        starts.append(m.start())
        ends.append(m.end())
        schedule = bool(m.group("schedule"))
        to_later.append(PAST if m.group("past") or m.group("ed") else SCHEDULE if schedule else FUTURE)
        to_earlier.append(SCHEDULE if schedule else FUTURE if m.group("future") or m.group("onset") else PAST)
        if m.group("intention"):
            intentions.add(i)
        if m.group("onset"):
            onsets.add(i)
    return starts, ends, to_later, to_earlier, frozenset(intentions), frozenset(onsets)


def past_perfect(text: str, left: int, right: int) -> bool:
    """Whether ``text[left:right]`` tells a past perfect ("had withdrawn", "had already sold"):
    a time before a past one, which a yearless date there shares with the story's past year."""
    return _past_perfect().search(text, left, right) is not None


def sets_scene(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` may set the scene of the sentences after it: not
    the start of a span reaching to the present ("since 1980") nor a modifier of a noun ("the
    strike of 1984", "the August 1988 cease-fire")."""
    before = max(0, start - LEAD_IN)
    return not (
        _span_opening().search(text, before, start)
        or _noun_complement().search(text, before, start)
        or (_determined().search(text, before, start) and _noun_after().match(text, end))
    )


def opens_coordinate_clause(text: str, after: int, start: int) -> bool:
    """Whether the expression at ``text[start:]`` opens a clause after a conjunction that
    stands after ``text[after]``, at most a preposition before it ("..., and by late June").  Only
    the last ``COORDINATE_REACH`` characters can hold them: searched from ``after`` (the previous
    tense cue, maybe the article's start) at every expression, it was quadratic."""
    return bool(_coordinate_opening().search(text, max(after, start - COORDINATE_REACH), start))


def tells_present(text: str, left: int, right: int) -> bool:
    """Whether ``text[left:right]`` tells of the present ("now", "has fallen", "this year",
    "on Tuesday"): news of the day, not the background the paragraph told of before."""
    return _present().search(text, left, right) is not None


@cache
def _past_perfect() -> re.Pattern[str]:
    words = tense_words()
    auxiliaries = phrase_regex(words["past_perfect"])
    adverbs = phrase_regex(words["past_perfect_adverbs"])
    objects = phrase_regex(words["object_starts"] + words["determiners"] + words["not_participles"])
    return re.compile(
        rf"(?<![\w'’])(?:{auxiliaries})\s+(?:(?:{adverbs})\s+)?(?!(?:{objects})(?![\w'’]))[a-z]{{2,}}(?![\w'’])",
        re.IGNORECASE,
    )


@cache
def _present() -> re.Pattern[str]:
    words = phrase_regex(tense_words()["present_cues"])
    # "This year's bond", "Tuesday's vote": a possessive is the word's too.
    return re.compile(
        rf"(?<![\w'’])(?:{words}|{vocabulary_regex('weekday')})(?:['’]s)?(?![\w'’])", re.IGNORECASE
    )


@cache
def _span_opening() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w'’])(?:{phrase_regex(tense_words()['span_openers'])})\s+(?:the\s+)?$", re.IGNORECASE
    )


@cache
def _noun_complement() -> re.Pattern[str]:
    """A noun and the preposition whose complement the date is ("the strike of 1984"), not a part
    of time ("much of 1987")."""
    words = tense_words()
    prepositions, parts = phrase_regex(words["noun_complements"]), phrase_regex(words["parts_of_time"])
    return re.compile(rf"(?<![\w'’])(?!(?i:{parts})\s)[a-z]+\s+(?:{prepositions})\s+$")


@cache
def _determined() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’])(?:{phrase_regex(tense_words()['adjective_after'])})\s+$", re.IGNORECASE)


@cache
def _noun_after() -> re.Pattern[str]:
    breaks = phrase_regex(tense_words()["noun_phrase_breaks"])
    return re.compile(rf",?\s+(?!(?:{breaks})(?![\w'’]))[a-z]")
