"""The language knowledge of sentence splitting, entity finding and event building, as flat tables.

Each ``*.txt`` file beside this module is one table: one row a line, columns separated by a
tab, ``#`` starts a comment.  A comment line ``# example: …`` states a phrase the table is
meant to handle; the tests run every example through the engine that reads the table, so
adding a row (or an example) never touches control flow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

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
def words(name: str) -> frozenset[str]:
    """The first column of ``name``, lower-cased: a vocabulary to test membership against."""
    return frozenset(w.lower() for w in table(name).column(0))


@cache
def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """The first column of ``name`` as lower-cased word tuples, longest first (for greedy matching)."""
    return tuple(sorted({tuple(p.lower().split()) for p in table(name).column(0)}, key=len, reverse=True))


def names() -> list[str]:
    """Every table that ships with the package."""
    return sorted(p.name[:-4] for p in resources.files(__package__).iterdir() if p.name.endswith(".txt"))
