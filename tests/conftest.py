"""Shared fixtures: where the project, the sample article and the shared corpora are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_article() -> Path:
    """The sample article with its front matter, as kept in seeds/."""
    return ROOT / "seeds" / "2025-05-19-nypost-putin-trump-call.md"


@pytest.fixture(scope="session")
def tbaq_dir() -> Path:
    path = SHARED / "corpora" / "tbaq"
    if not path.is_dir():
        if os.environ.get("CI"):  # CI runs with ../shared beside the clone: missing is a failure
            pytest.fail(f"TempEval-3 corpora not found at {path}")
        pytest.skip(f"TempEval-3 corpora not found at {path}")
    return path


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES
