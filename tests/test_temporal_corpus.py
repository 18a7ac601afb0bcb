"""The tagger on TempEval-3's TBAQ corpora, scored by the shared TempEval-3 scorer.

A regression floor, not the benchmark: ``bench/timex_eval.py`` prints the full tables and
the throughput.  The floor sits a little under the figures measured when it was set, so
that a change which costs accuracy fails here.
"""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

import pytest

from timeline.temporal import tag

pytestmark = pytest.mark.slow

FLOOR = {"strict": 0.897, "relaxed": 0.948, "value": 0.830}


def _scorer(tbaq_dir: Path):
    path = tbaq_dir.parent.parent / "tools" / "timex_score.py"
    spec = importlib.util.spec_from_file_location("timex_score", path)
    if spec is None or spec.loader is None or not path.is_file():
        pytest.skip(f"scorer not found at {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def test_tbaq_scores_stay_above_the_floor(tbaq_dir: Path) -> None:
    scorer = _scorer(tbaq_dir)
    gold = scorer.load_gold([str(tbaq_dir)])
    system = {}
    for doc in gold:
        found = tag(doc.text, date.fromisoformat(doc.dct[:10]))
        for timex in found:
            assert doc.text[timex.start : timex.end] == timex.text
        system[doc.doc] = [t.to_json() for t in found]
    result = scorer.score(gold, system)
    figures = {name: result[name]["F1"] for name in FLOOR}
    assert all(figures[name] >= floor for name, floor in FLOOR.items()), figures
