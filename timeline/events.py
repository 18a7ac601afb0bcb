"""Dated events from an article and its temporal expressions.

An event is what a reader expects on a timeline: a happening, its date at the precision
the article gives it, a short headline, and every sentence of the article that reports it.
The steps, in order:

1. *Dating*: each calendar expression (``Friday``, ``June 14, 2024``, ``last week``) dates
   the clause it stands in; a duration that gives a thing's age ("his 39-month-old war")
   dates the thing's start; ages of people, counts, sets and vague words date nothing.
2. *Clauses*: the clause that holds the date is found (a headline is made of it, and its
   people and places are the event's); the dateline is never part of it.
3. *Grouping*: sentences with the same date that are about the same person, name the same
   kind of happening (``happenings`` table) or share most of their words are one event;
   others on that day stay apart (Vance's remarks on Monday are not Monday's call).
4. *Attachment*: an undated sentence that carries the previous one on ("The two sides
   agreed …") is another source of that sentence's event.

All wording knowledge is in ``timeline.lexicon`` tables.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache

from dateutil.relativedelta import relativedelta

from . import entities, lexicon, periods, slugs, text
from .model import Article, Entity, Event, Source, Timex
from .periods import PeriodError

Span = tuple[int, int]

TITLE_WORDS = 10  # a headline, not a sentence
SAME_WORDING = 0.5  # share of content words two clauses on one date need to be one happening
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
_WORD = re.compile(r"[^\s]+")
_QUOTES = "“”\"‘’'`"
# Where a sentence divides: commas and parentheses (weak), and semicolons, colons, dashes and
# the quotation marks of reported speech (hard); a quoted phrase inside a clause does not divide.
_CUTS = re.compile(r"(?<=[,.?!])[”\"’'`]+|(?:^|(?<=:\s))[“\"‘`]+|[,()]|;|:(?!\d)|\s[—–-]\s")


@dataclass(frozen=True)
class _Date:
    value: str
    precision: str
    end_value: str | None = None
    thing: Span | None = None  # a duration dating a thing's start: the words naming the thing
    how_long: str | None = None  # "39 months", for the summary of such a start


@dataclass(frozen=True)
class _Mention:
    """One dated statement: an expression dating (a clause of) a sentence."""

    sentence: Span
    expression: Span
    date: _Date
    clause: Span  # the words the headline is made of
    context: Span  # the clause with its introduction ("Earlier Monday, …"): people and places
    main: bool  # a main clause outside quotation marks: a good headline
    subject: str | None  # slug of the first person named in the clause
    kinds: frozenset[str]
    words: frozenset[str]  # the clause's content words, without the date


@dataclass
class _Group:
    mentions: list[_Mention]
    attached: list[Span] = field(default_factory=list)


def extract_events(article: Article, timexes: list[Timex] | None = None) -> list[Event]:
    """The events of ``article``, in chronological order (``periods.sort_key``)."""
    if timexes is None:
        from .temporal import tag

        timexes = tag(article.text, article.published)
    spans = text.sentences(article.text)
    mentions = _mentions(article, spans, timexes)
    groups = _attach(article.text, spans, _group(mentions))
    events = [_event(article, g) for g in groups]
    events.sort(key=lambda e: (periods.sort_key(e.date), article.text.find(e.sources[0].sentence)))
    return _unique_slugs(events)


# --- 1. dating --------------------------------------------------------------------------------


def _date_of(timex: Timex, article_text: str, published: date) -> _Date | None:
    """The date a temporal expression gives an event, or None if it dates nothing."""
    if timex.type == "DURATION":
        return _start_of_thing(timex, article_text, published)
    if timex.type not in ("DATE", "TIME") or timex.mod in _SKIPPED_MODS:
        return None
    if not any(c.isalpha() for c in timex.text) and not _YEAR_DIGITS.search(timex.text):
        return None  # a bare number ("1,000", "78") is a count or an age, never a date
    value = _PART_OF_WEEK.sub(r"\1", _TIME_OF_DAY.sub(r"\1", timex.value))
    try:
        period = periods.parse(value)
    except PeriodError:
        return None  # PRESENT_REF, XXXX-WXX-1, P3Y …: no place on a timeline
    return _Date(periods.format_value(period.start, period.precision), period.precision)


def _start_of_thing(timex: Timex, article_text: str, published: date) -> _Date | None:
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
            back = count - 1 if how == "ordinal" else count
            start = published - relativedelta(**{keyword: back * factor})
            thing = (found.start("thing") + window_start, found.end("thing") + window_start)
            unit = word if count == 1 else f"{word}s"
            return _Date(periods.format_value(start, precision), precision, None, thing, f"{count} {unit}")
    return None


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


def _ranges(article_text: str, dated: list[tuple[Timex, _Date]]) -> list[tuple[Span, _Date]]:
    """Join "from May 12 to May 14" into one dated stretch; keep every other date as it is."""
    out: list[tuple[Span, _Date]] = []
    i = 0
    while i < len(dated):
        (a, da), nxt = dated[i], dated[i + 1] if i + 1 < len(dated) else None
        if (
            nxt
            and da.thing is None
            and nxt[1].thing is None
            and _is_range(article_text, a, nxt[0], da, nxt[1])
        ):
            out.append(((a.start, nxt[0].end), _Date(da.value, da.precision, nxt[1].value)))
            i += 2
            continue
        out.append(((a.start, a.end), da))
        i += 1
    return out


def _is_range(article_text: str, a: Timex, b: Timex, da: _Date, db: _Date) -> bool:
    between = article_text[a.end : b.start].strip()
    before = article_text[max(0, a.start - 12) : a.start].split()
    for connector, opener in lexicon.table("range-connectors").rows:
        if between == connector and (opener == "-" or (before and before[-1].lower() == opener)):
            return periods.sort_key(da.value) < periods.sort_key(db.value)
    return False


# --- 2. clauses -------------------------------------------------------------------------------


def _mentions(article: Article, spans: list[Span], timexes: Sequence[Timex]) -> list[_Mention]:
    body = article.text
    dated = [(t, d) for t in timexes if (d := _date_of(t, body, article.published))]
    found: list[_Mention] = []
    seen: set[tuple[Span, str, str | None]] = set()
    for expression, when in _ranges(body, dated):
        sentence = text.sentence_at(spans, expression[0])
        key = (sentence, when.value, when.end_value) if sentence else None
        if sentence is None or key in seen:
            continue  # the same date twice in a sentence is one statement
        seen.add(key)  # type: ignore[arg-type]
        found.append(_mention(article, sentence, expression, when))
    return found


def _mention(article: Article, sentence: Span, expression: Span, when: _Date) -> _Mention:
    body = article.text
    if when.thing:
        clause = context = when.thing
        main, subject = False, None
        nouns = [
            w for w in body[clause[0] : clause[1]].lower().split() if w in lexicon.words("anchorable-nouns")
        ]
        kinds = frozenset({f"start:{nouns[0]}"} if nouns else ())
    else:
        clause, context, main = _clause(body, sentence, expression)
        people = entities.people_in(body, *clause)
        subject = people[0].slug if people else None
        kinds = _kinds(body[sentence[0] : sentence[1]])
    words = frozenset(
        w
        for w in re.findall(
            r"[a-z]+", (body[clause[0] : expression[0]] + " " + body[expression[1] : clause[1]]).lower()
        )
        if w not in lexicon.words("function-words")
    )
    return _Mention(sentence, expression, when, clause, context, main, subject, kinds, words)


@dataclass(frozen=True)
class _Segment:
    """A stretch of a sentence between two cuts; ``cut`` says what begins it."""

    start: int
    end: int
    cut: str  # "start" | "weak" (comma, parenthesis) | "hard" (quote, dash, ;, :) | "opener"


def _segments(body: str, start: int, end: int, keep: Span) -> list[_Segment]:
    """The sentence cut at punctuation and at the words that open a subordinate clause."""
    cuts: list[tuple[int, str]] = [(start, "start")]
    for m in re.finditer(_CUTS, body[start:end]):
        pos = start + m.start()
        if not keep[0] <= pos < keep[1]:
            cuts.append((pos, "weak" if m.group() in (",", "(", ")") else "hard"))
    for m in _WORD.finditer(body, start, end):
        word = m.group().strip(_QUOTES + ",.;:").lower()
        if word in lexicon.words("clause-openers") and not _opens_date(body, m.end(), keep):
            cuts.append((m.start(), "opener"))
    cuts.sort()
    bounds = [*cuts, (end, "end")]
    return [_Segment(a, b, cut) for (a, cut), (b, _) in itertools.pairwise(bounds) if b > a]


def _opens_date(body: str, after: int, keep: Span) -> bool:
    """ "until Friday": the opener is the date's own preposition, not a new clause."""
    between = body[after : keep[0]].split()
    return after <= keep[0] and all(w.lower() in lexicon.words("date-words") for w in between)


def _clause(body: str, sentence: Span, expression: Span) -> tuple[Span, Span, bool]:
    """The clause a date belongs to, that clause with its introduction, and whether it is main.

    The clause reaches back over commas to the start of the sentence, a quotation or a
    subordinate clause; it starts after an introduction ("Earlier Monday,", "Putin added,")
    and runs on into a subordinate clause while it has no verb ("claims in 2022 that …").
    """
    start = sentence[0] + _dateline_length(body[sentence[0] : sentence[1]])
    segments = _segments(body, start, sentence[1], expression)
    k = next(i for i, seg in enumerate(segments) if seg.start <= expression[0] < seg.end)
    first = k
    while first > 0 and (segments[first].cut == "weak" or _is_aside(body, segments, first, k)):
        first -= 1
    front = first
    while front + 1 < len(segments) and _is_introduction(body, segments[front]):
        front += 1
    last = max(k, front)
    while not _has_verb(body[segments[front].start : segments[last].end]) and last + 1 < len(segments):
        if segments[last + 1].cut != "opener":  # "… claims in 2022 that Moscow was invading …"
            break
        last += 1
    clause = (segments[front].start, segments[last].end)
    main = segments[first].cut in ("start", "weak") and not _in_quotation(body, sentence[0], expression[0])
    return clause, (segments[first].start, clause[1]), main


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


def _sentence_clause(body: str, sentence: Span) -> Span:
    """The sentence's opening clause: what a speech tag ("officials said Friday") reports."""
    start = sentence[0] + _dateline_length(body[sentence[0] : sentence[1]])
    segments = _segments(body, start, sentence[1], (start, start))
    while segments and not any(c.isalnum() for c in body[segments[0].start : segments[0].end]):
        segments = segments[1:]
    if not segments:
        return sentence
    first = 0
    while first + 1 < len(segments) and _is_introduction(body, segments[first]):
        first += 1
    last = first
    while last + 1 < len(segments) and segments[last + 1].cut == "weak":
        last += 1
    return segments[first].start, segments[last].end


def _is_introduction(body: str, segment: _Segment) -> bool:
    """A phrase before a comma that is not the clause: "Earlier Monday,", "In the Oval Office …,",
    or a speech tag such as "Putin added,"."""
    if body[segment.end : segment.end + 1] != ",":
        return False
    words = [w.strip(_QUOTES + ",").lower() for w in body[segment.start : segment.end].split()]
    words = [w for w in words if w]
    if not words:
        return True
    if words[-1] in lexicon.words("speech-verbs") and len(words) <= 4:
        return True
    opener = words[0]
    return not _has_verb(" ".join(words)) and (
        opener in lexicon.words("function-words")
        or opener in lexicon.words("date-words")
        or opener in lexicon.words("calendar-words")
    )


def _has_verb(clause: str) -> bool:
    for raw in clause.split():
        word = raw.strip(_QUOTES + ",.;:()[]").lower()
        if word in lexicon.words("verbs") or word in lexicon.words("speech-verbs"):
            return True
        if len(word) > 4 and word.endswith("ed") and word.isalpha():
            return True
    return False


def _in_quotation(body: str, start: int, at: int) -> bool:
    before = body[start:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _dateline_length(sentence: str) -> int:
    for pattern in _patterns("datelines"):
        m = pattern.match(sentence)
        if m:
            return m.end()
    return 0


@cache
def _patterns(name: str, flags: int = 0) -> tuple[re.Pattern[str], ...]:
    """The first column of table ``name`` as regular expressions."""
    return tuple(re.compile(row[0], flags) for row in lexicon.table(name).rows)


def _kinds(sentence: str) -> frozenset[str]:
    table = dict(lexicon.table("happenings").rows)
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


def _same_happening(a: _Mention, b: _Mention) -> bool:
    """Same kind of happening, same person, or mostly the same words."""
    if a.kinds & b.kinds or (a.subject is not None and a.subject == b.subject):
        return True
    union = a.words | b.words
    return bool(union) and len(a.words & b.words) / len(union) >= SAME_WORDING


def _attach(body: str, spans: list[Span], groups: list[_Group]) -> list[_Group]:
    """Give each undated sentence that carries the story on to the event before it."""
    owner: dict[Span, _Group] = {}
    ranked = sorted(
        ((m, g) for g in groups for m in g.mentions),
        key=lambda mg: (mg[0].sentence, mg[0].date.thing is None, mg[0].main, mg[0].expression),
    )
    for m, g in ranked:
        owner[m.sentence] = g  # the sentence's main dated clause carries its story on
    for prev, cur in itertools.pairwise(spans):
        if cur in owner or prev not in owner:
            continue
        if any(p.match(body[cur[0] : cur[1]]) for p in _patterns("anaphora")):
            owner[cur] = owner[prev]
            owner[cur].attached.append(cur)
    return groups


# --- the event ----------------------------------------------------------------------------------


def _event(article: Article, group: _Group) -> Event:
    body = article.text
    mentions = sorted(group.mentions, key=lambda m: m.sentence)
    best = next((m for m in mentions if m.main), mentions[0])
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
    regions = [m.context for m in mentions] + list(group.attached)
    title = _title(body, best)
    first = body[mentions[0].sentence[0] : mentions[0].sentence[1]]
    return Event(
        id=_event_id(article.slug, when, first),
        slug=f"{periods.parse(when.value).start.isoformat()}-{slugs.slugify(title, max_words=8)}",
        date=when.value,
        precision=when.precision,  # type: ignore[arg-type]
        end_date=when.end_value,
        title=title,
        summary=_summary(body, best, group.attached),
        status=_status(body, best, article.published),
        people=tuple(
            dict.fromkeys((*_entities(body, regions, entities.people_in), *_referents(body, mentions)))
        ),
        places=_entities(body, regions, entities.places_in),
        sources=sources,
    )


def _referents(body: str, mentions: Iterable[_Mention]) -> list[Entity]:
    return [r for m in mentions if (r := _referent(body, m))]


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
    clause = body[mention.context[0] : mention.context[1]]
    planned = any(
        re.search(rf"(?<!\w)(?:{p.pattern})(?!\w)", clause, re.IGNORECASE)
        for p in _patterns("planned-triggers")
    )
    return "planned" if planned else "happened"


def _summary(body: str, mention: _Mention, attached: list[Span]) -> str:
    if mention.date.thing:
        thing = " ".join(body[mention.date.thing[0] : mention.date.thing[1]].split())
        return (
            f"The {thing} began {_around(mention.date.value)}, {mention.date.how_long} before this article."
        )
    parts = [_plain_sentence(body, mention.sentence)]
    parts += [_plain_sentence(body, s) for s in attached[:1]]
    return " ".join(parts)


def _around(value: str) -> str:
    """ "around February 2022", "in the 2010s"."""
    return (
        f"in the {periods.human(value)}"
        if periods.precision_of(value) == "decade"
        else f"around {periods.human(value)}"
    )


def _plain_sentence(body: str, sentence: Span) -> str:
    raw = body[sentence[0] : sentence[1]]
    return " ".join(raw[_dateline_length(raw) :].split())


# --- headlines ----------------------------------------------------------------------------------


def _title(body: str, mention: _Mention) -> str:
    if mention.date.thing:
        thing = " ".join(body[mention.date.thing[0] : mention.date.thing[1]].split())
        return _tidy(f"Start of the {thing}".split())
    title = _headline(body, mention.clause, mention.expression)
    referent = _referent(body, mention)
    if referent and title.split()[0] in ("He", "She"):
        title = _tidy([_surname(referent.name), *title.split()[1:]])
    own = _own_segment(body, mention)
    if _is_speech_tag(title) or (
        own and _is_speech_tag(_headline(body, own, mention.expression))
    ):  # "…, officials said Friday." reports what the sentence opens with
        title = _headline(body, _sentence_clause(body, mention.sentence), mention.expression) or title
    return title or "Untitled event"


def _referent(body: str, mention: _Mention) -> Entity | None:
    """Whom a clause that opens with "He" or "She" is about: the last person named before it."""
    words = body[mention.clause[0] : mention.clause[1]].split()
    if not words or words[0].strip(_QUOTES) not in ("He", "She"):
        return None
    before = [m for m in entities.find(body) if m.end <= mention.clause[0] and m.entity.kind == "person"]
    return before[-1].entity if before and mention.clause[0] - before[-1].end < 400 else None


def _own_segment(body: str, mention: _Mention) -> Span | None:
    """The stretch between commas that holds the date, when the clause is longer than that."""
    start = body.rfind(",", mention.clause[0], mention.expression[0])
    end = body.find(",", mention.expression[1], mention.clause[1])
    if start < 0:
        return None
    return start + 1, end if end >= 0 else mention.clause[1]


def _is_speech_tag(title: str) -> bool:
    """ "Officials said", "The newspaper reported": who said it, not what happened."""
    words = [w.lower() for w in title.split()]
    return len(words) < 2 or (len(words) <= 4 and words[-1] in lexicon.words("speech-verbs"))


def _headline(body: str, clause: Span, expression: Span) -> str:
    words = _headline_words(body, clause, expression)
    antecedent = _antecedent(body, clause)
    if antecedent and _has_verb(words[1] if len(words) > 1 else ""):
        words = antecedent + words[1:]  # "…, who was appointed" → "Duarte was appointed"
    elif antecedent:  # "the law that Parliament passed" → "Parliament passed the law"
        verb = next((i for i, w in enumerate(words) if i and _has_verb(w)), len(words) - 1)
        words = [*words[1 : verb + 1], *antecedent, *words[verb + 1 :]]
    rewritten = _rewrite(" ".join(words), body, clause)
    return _tidy(rewritten.split() if rewritten else words)


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
        return [_surname(people[-1].entity.name)]
    m = re.search(
        r"\b(?:the|a|an|its|his|her|their)\s+(?:[\w’'-]+\s+){0,2}[\w’'-]+[\s,]*$", before, re.IGNORECASE
    )
    if not m or _has_verb(m.group()):  # "The company said that …" is no antecedent
        return []
    return m.group().strip(" ,").split()


def _headline_words(body: str, clause: Span, expression: Span) -> list[str]:
    """The clause's words without the date, asides and titles, people named by surname."""
    start, end = clause
    edits: list[tuple[int, int, str]] = []
    if start <= expression[0] < end:
        edits.append((*_date_phrase(body, expression, start), " DATE "))
    edits += [(start + m.start(), start + m.end(), " ") for m in re.finditer(r"\([^()]*\)", body[start:end])]
    edits += [
        (m.start(), m.end(), " ")
        for m in re.finditer(r",\s+(?:who|which|whose)\b[^,]*,", body[start:end])
        if not start + m.start() <= expression[0] < start + m.end()
    ]
    for m in entities.find(body):
        if start <= m.start and m.end <= end and m.entity.kind == "person":
            edits.append((_title_prefix_start(body, m.start, start), m.end, _surname(m.entity.name)))
            aside = _apposition(body, m.end, end)
            if aside:
                edits.append((m.end, aside, " "))
    pieces, pos = [], start
    for a, b, replacement in _non_overlapping(edits):
        pieces += [body[pos:a], replacement]
        pos = b
    pieces.append(body[pos:end])
    return "".join(pieces).split()


def _apposition(body: str, after_name: int, end: int) -> int | None:
    """ "Trump, 78, put …", "Stepanenko, Russia analyst at the ISW, told …": where the aside ends."""
    if body[after_name : after_name + 1] != ",":
        return None
    close = body.find(",", after_name + 1, end)
    aside = body[after_name + 1 : close]
    if close < 0 or len(aside.split()) > 12 or _has_verb(aside) or any(c in aside for c in _QUOTES):
        return None
    if any(w.lower() in lexicon.words("clause-openers") for w in aside.split()):
        return None
    return close + 1


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


def _title_prefix_start(body: str, at: int, floor: int) -> int:
    """ "the U.S. Ambassador Prudence Bushnell" → where "the U.S. Ambassador" begins: the title goes
    with the first name, and so do the capitalised words, demonyms and article before it."""
    start, seen_title = at, False
    for m in reversed(list(re.finditer(r"\S+", body[floor:at]))):
        if body[floor + m.end() : start].strip():
            break
        word = m.group()
        lower = word.lower()
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


def _surname(name: str) -> str:
    """The last word with the particles before it: "Ursula von der Leyen" → "von der Leyen"."""
    words = name.split()
    k = len(words) - 1
    while k > 1 and words[k - 1] in dict(lexicon.table("name-particles").rows):
        k -= 1
    return " ".join(words[k:])


def _non_overlapping(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for edit in sorted(edits):
        if not out or edit[0] >= out[-1][1]:
            out.append(edit)
    return out


def _rewrite(clause: str, body: str, clause_span: Span) -> str | None:
    """A date in a relative clause or after a participle dates that clause's happening:
    "the plan he proposed DATE" → "Putin proposed the plan" (title-rewrites)."""
    verbs = "|".join(map(re.escape, sorted(lexicon.words("verbs"))))
    for name, pattern, template in lexicon.table("title-rewrites").rows:
        m = re.search(pattern.replace("VERB", f"(?:{verbs})"), clause)
        if not m:
            continue
        fields = m.groupdict()
        if any(w in lexicon.words("function-words") for w in fields["object"].split()):
            continue  # "the list after Gadhafi agreed DATE" is no relative clause
        if name == "relative" and fields["subject"].lower() in ("he", "she"):
            named = _last_named(clause[: m.start("subject")], entities.people_in(body, *clause_span))
            if not named:
                continue
            fields["subject"] = named
        return template.format(**fields, rest=clause[m.end() :])
    return None


def _last_named(before: str, people: Sequence[Entity]) -> str | None:
    """The surname of the person named last in ``before``: whom "he" or "she" most likely means."""
    surnames = sorted((before.rfind(_surname(p.name)), _surname(p.name)) for p in people)
    return surnames[-1][1] if surnames and surnames[-1][0] >= 0 else None


def _tidy(words: list[str]) -> str:
    """Headline hygiene: no date marker, fillers, quotes or dangling words; at most TITLE_WORDS."""
    out: list[str] = []
    for i, word in enumerate(words):
        if word == "DATE" or not any(c.isalnum() for c in word):
            continue
        if word.lower().strip(",") in lexicon.words("title-fillers"):
            continue
        if len(out) >= 3 and word[0] in _QUOTES:
            break
        if i == 0 and word.lower() in lexicon.words("clause-openers"):
            continue
        out.append(word)
        if len(out) >= 3 and word.endswith((",", ";", ":")):
            break
        if len(out) == TITLE_WORDS:
            break
    dangling = lexicon.words("function-words") | lexicon.words("demonyms")
    while out and out[-1].strip(",;:.").lower() in dangling:
        out.pop()
    while out and out[0].strip(",").lower() in ("and", "but", "or", "so", "then"):
        out.pop(0)
    title = " ".join(out).strip(" ,;:.—–-")
    title = "".join(c for c in title if c not in '“”"[]') if _unbalanced(title) else title
    return (title[:1].upper() + title[1:]) if title else "Untitled event"


def _unbalanced(title: str) -> bool:
    return title.count("“") != title.count("”") or title.count('"') % 2 == 1 or "[" in title or "]" in title


def _unique_slugs(events: list[Event]) -> list[Event]:
    taken: set[str] = set()
    out = []
    for e in events:
        slug = slugs.unique(e.slug, taken)
        taken.add(slug)
        out.append(e if slug == e.slug else replace(e, slug=slug))
    return out
