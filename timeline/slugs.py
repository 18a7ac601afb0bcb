"""Slugs are ours: ``[a-z0-9-]+``, never empty, never a path."""

from __future__ import annotations

import re
from collections.abc import Container

from unidecode import unidecode

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_words: int = 10, fallback: str = "untitled") -> str:
    """ASCII, lower case, hyphen-separated; ``fallback`` when nothing is left."""
    words = [w for w in _NON_SLUG.split(unidecode(text).lower()) if w]
    return "-".join(words[:max_words]) or fallback


def unique(slug: str, taken: Container[str]) -> str:
    """``slug``, or ``slug-2``, ``slug-3`` … whichever is free (``taken`` is only asked, never copied)."""
    if slug not in taken:
        return slug
    n = 2
    while f"{slug}-{n}" in taken:
        n += 1
    return f"{slug}-{n}"


def is_slug(value: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", value))
