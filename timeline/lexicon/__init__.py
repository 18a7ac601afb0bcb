"""The language knowledge of sentence splitting, entity finding and event building, as flat tables.

Each ``*.txt`` file beside this module is one table: one row a line, columns separated by a
tab, ``#`` starts a comment.  A comment line ``# example: …`` states a phrase the table is
meant to handle; the tests run every example through the engine that reads the table, so
adding a row (or an example) never touches control flow.

Which forms a word can take as a verb ("agreed" is a past tense, "claims" also a plural noun)
comes from lemminflect's English lexicon, a data package: no table of ours lists every verb.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from types import MappingProxyType, ModuleType

_EXAMPLE = re.compile(r"^#\s*example:\s*(.+?)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Table:
    name: str
    rows: tuple[tuple[str, ...], ...]
    examples: tuple[str, ...]

    def column(self, index: int = 0) -> tuple[str, ...]:
        return tuple(row[index] for row in self.rows if len(row) > index)


@cache
def table(name: str) -> Table:
    """The table ``name`` (file ``name.txt`` beside this module)."""
    text = (resources.files(__package__) / f"{name}.txt").read_text(encoding="utf-8")
    rows: list[tuple[str, ...]] = []
    examples: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            m = _EXAMPLE.match(stripped)
            if m:
                examples.append(m.group(1))
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return Table(name, tuple(rows), tuple(examples))


@cache
def words(name: str, kind: str | None = None) -> frozenset[str]:
    """The first column of ``name``, lower-cased: a vocabulary to test membership against.  With
    ``kind``, only the rows whose second column is ``kind`` ("" for the rows with no second column):
    one table holds several related lists (the speech verbs of kind "decision": "decided", "decides")."""
    rows = table(name).rows
    return frozenset(
        row[0].lower() for row in rows if kind is None or (row[1] if len(row) > 1 else "") == kind
    )


@cache
def mapping(name: str) -> Mapping[str, str]:
    """A two-column table ``name`` as a read-only mapping of its first column to its second."""
    return MappingProxyType(dict(table(name).rows))


@cache
def patterns(name: str, flags: int = 0) -> tuple[re.Pattern[str], ...]:
    """The first column of table ``name`` as regular expressions."""
    return tuple(re.compile(row[0], flags) for row in table(name).rows)


@cache
def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """The first column of ``name`` as lower-cased word tuples, longest first (for greedy matching)."""
    return tuple(sorted({tuple(p.lower().split()) for p in table(name).column(0)}, key=len, reverse=True))


def names() -> list[str]:
    """Every table that ships with the package."""
    return sorted(p.name[:-4] for p in resources.files(__package__).iterdir() if p.name.endswith(".txt"))


VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")  # Penn Treebank: base, past, -ing, participle, present


@lru_cache(maxsize=16384)
def verb_tags(word: str) -> frozenset[str]:
    """The verb forms ``word`` can be: "agreed" → {VBD, VBN}, "claims" → {VBZ}, "Friday" → {}."""
    lower = word.lower()
    found = set()
    for pos, lemmas in _lemminflect().getAllLemmas(lower).items():
        if pos not in ("VERB", "AUX"):
            continue
        for lemma in lemmas:
            found.update(tag for tag in VERB_TAGS if lower in _lemminflect().getInflection(lemma, tag))
    return frozenset(found)


@lru_cache(maxsize=16384)
def is_noun(word: str) -> bool:
    """Can ``word`` be a noun ("claims", "talks")?  Such a verb form is no sure sign of a clause."""
    return "NOUN" in _lemminflect().getAllLemmas(word.lower())


@lru_cache(maxsize=16384)
def is_common_word(word: str) -> bool:
    """Is ``word`` an English noun, adjective or verb form ("Logistics", "Structural", "Mining")?  A
    firm's name may end on one; a surname such as "Peskov" or "Whitley" is no entry of the lexicon."""
    return bool({"NOUN", "ADJ", "VERB"} & set(_lemminflect().getAllLemmas(word.lower())))


@lru_cache(maxsize=16384)
def is_adverb(word: str) -> bool:
    """Can ``word`` be an adverb ("first", "recently")?  It qualifies a verb, not a subject."""
    return "ADV" in _lemminflect().getAllLemmas(word.lower())


@lru_cache(maxsize=16384)
def is_modifier(word: str) -> bool:
    """Can ``word`` be an adjective or adverb ("heavy", "early")?  An -ing word after it is its noun."""
    return bool({"ADJ", "ADV"} & set(_lemminflect().getAllLemmas(word.lower())))


def inflect(word: str, tag: str) -> str:
    """``word`` as the verb form ``tag`` ("begun", VBD → "began"); ``word`` itself if it is no verb."""
    lower = word.lower()
    lemmas = _lemminflect().getAllLemmas(lower)
    lemma = next(iter(lemmas.get("VERB", lemmas.get("AUX", ()))), None)
    forms = _lemminflect().getInflection(lemma, tag) if lemma else ()
    return forms[0] if forms else word


@cache
def _lemminflect() -> ModuleType:
    """Imported on first use: its lexicon costs a tenth of a second that only event building needs."""
    import lemminflect

    return lemminflect
