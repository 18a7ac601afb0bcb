#!/usr/bin/env python3
"""Measure the temporal tagger on TempEval-3's TBAQ corpora with the shared scorer.

    .venv/bin/python bench/timex_eval.py [--corpus DIR] [--errors N] [--per-doc] [--out DIR]
    .venv/bin/python bench/timex_eval.py --scale
    .venv/bin/python bench/timex_eval.py --corpus fixtures [--errors N] [--per-doc]

Runs ``timeline.temporal.tag`` on every document with its creation time as the reference
day, writes the scorer's input (one JSON line per document), and prints the scorer's
tables (extraction, type and value, and the table by gold type) for TimeBank, AQUAINT and
both together, the N most common kinds of remaining error (10 unless told), the
throughput on one core — the tagging alone and the whole process (interpreter start,
imports and rule compilation included) — and whether each target of the issue is met.
``--scale`` tags 1 MB to 10 MB of corpus text in one string each and prints the time
taken, which should grow linearly.  ``--corpus fixtures`` scores our own invented golden
articles (``tests/fixtures/temporal/*.txt`` with their ``.expected.json``) the same way, as a
corpus of their own: a measure on genres and styles TBAQ lacks.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

from timeline.temporal import tag

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "temporal"
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "timex_score.py"
PARTS = ("TimeBank", "AQUAINT")
# The targets of issue 3 on TBAQ: scorer figures in percent, throughput in documents and
# thousands of characters a second.
TARGETS = {"strict F1": 88.0, "relaxed F1": 94.0, "value F1": 86.0, "whole-process docs/s": 50.0,
           "whole-process kchars/s": 150.0}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus", type=Path, default=SHARED / "corpora" / "tbaq", help='a TimeML directory, or "fixtures"'
    )
    parser.add_argument("--errors", type=int, default=10, metavar="N", help="print the N most common errors")
    parser.add_argument("--per-doc", action="store_true", help="print the scorer's figures per document")
    parser.add_argument("--out", type=Path, help="keep the scorer's input and output here")
    parser.add_argument("--scale", action="store_true", help="time 1 MB … 10 MB of input instead")
    args = parser.parse_args(argv)
    if str(args.corpus) == "fixtures":
        _evaluate_fixtures(args.errors, args.per_doc)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        docs = _extract(args.corpus, out / "docs.jsonl")
        if args.scale:
            _scale(docs)
        else:
            _evaluate(args.corpus, docs, out, args.errors, args.per_doc)
    return 0


def _extract(corpus: Path, path: Path) -> list[dict]:
    subprocess.run([sys.executable, SCORER, "extract", corpus, "-o", path], check=True)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _reference(dct: str) -> date:
    return date.fromisoformat(dct[:10])


def _evaluate(corpus: Path, docs: list[dict], out: Path, n_errors: int, per_doc: bool) -> None:
    started = time.process_time()
    lines = []
    for doc in docs:
        timexes = tag(doc["text"], _reference(doc["dct"]))
        lines.append(json.dumps({"doc": doc["doc"], "timexes": [t.to_json() for t in timexes]}))
    tagging = time.process_time() - started
    whole = _cpu_seconds()
    system = out / "system.jsonl"
    system.write_text("\n".join(lines) + "\n", encoding="utf-8")

    parts = [(name, [corpus / name]) for name in PARTS if (corpus / name).is_dir()]
    for name, paths in [*parts, ("TBAQ (all)", [corpus])]:
        report = out / f"score-{name.split()[0]}.json"
        command = [sys.executable, SCORER, "score", *paths, "-s", system, "--name", name, "--json", report]
        command += ["--errors", "100000"] + (["--per-doc"] if per_doc else [])
        printed = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        print("\n".join(line for line in printed.splitlines() if not line.startswith("warnings:")), "\n")
    result = json.loads((out / "score-TBAQ.json").read_text(encoding="utf-8"))
    if n_errors:
        _print_errors(result, n_errors)
    chars = sum(len(d["text"]) for d in docs)
    print(f"\nthroughput, one core: {len(docs)} docs, {chars:,} chars")
    print(f"   tagging only:  {len(docs) / tagging:8.1f} docs/s  {chars / tagging:12,.0f} chars/s")
    print(
        f"   whole process: {len(docs) / whole:8.1f} docs/s  {chars / whole:12,.0f} chars/s"
        "  (interpreter start, imports, rule compilation and tagging)"
    )
    figures = {
        "strict F1": 100 * result["strict"]["F1"],
        "relaxed F1": 100 * result["relaxed"]["F1"],
        "value F1": 100 * result["value"]["F1"],
        "whole-process docs/s": len(docs) / whole,
        "whole-process kchars/s": chars / whole / 1000,
    }
    print("\ntargets on TBAQ (all):")
    for name, target in TARGETS.items():
        met = "met" if figures[name] >= target else "NOT met"
        print(f"   {name:22s} {figures[name]:6.1f}  target ≥ {target:5.1f}  {met}")


def _evaluate_fixtures(n_errors: int, per_doc: bool) -> None:
    """Score the golden fixtures with the shared scorer, read as a module: they are JSON, not TimeML."""
    scorer = _scorer_module()
    gold, system = [], {}
    for article in sorted(FIXTURES.glob("*.txt")):
        text = article.read_text(encoding="utf-8")
        expected = json.loads(article.with_suffix(".expected.json").read_text(encoding="utf-8"))
        timexes = [
            scorer.Timex(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in expected["timexes"]
        ]
        gold.append(scorer.GoldDoc(article.stem, str(article), expected["published"], text, timexes))
        system[article.stem] = [t.to_json() for t in tag(text, _reference(expected["published"]))]
    result = scorer.score(gold, system, n_errors=100000)
    print(scorer.format_report(result, "golden fixtures", per_doc), "\n")
    if n_errors:
        _print_errors(result, n_errors, "the golden fixtures")


def _scorer_module():
    spec = importlib.util.spec_from_file_location("timex_score", SCORER)
    if spec is None or spec.loader is None:
        sys.exit(f"{SCORER}: scorer not found")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _print_errors(result: dict, n: int, corpus: str = "TBAQ") -> None:
    """The most common errors on a corpus, grouped by kind and lower-cased text."""
    kinds: Counter[tuple[str, str, str]] = Counter()
    for e in result.get("errors", []):
        if e["kind"] == "wrong_attr":
            g, s = e["gold"], e["system"]
            kinds[("wrong", g["text"].lower(), _shape(g, s))] += 1
        elif e["kind"] == "missed":
            kinds[("missed", e["gold"]["text"].lower(), e["gold"]["type"])] += 1
        else:
            kinds[("spurious", e["system"]["text"].lower(), e["system"]["type"])] += 1
    print(f"{n} most common remaining errors on {corpus} (count, kind, text, detail):")
    for (kind, text, detail), count in kinds.most_common(n):
        print(f"   {count:4d}  {kind:8s} {text!r:40s} {detail}")


def _shape(gold: dict, system: dict) -> str:
    """Group wrong values by how they differ, not by the exact dates."""
    if gold["type"] != system["type"]:
        return f"type {gold['type']} ≠ ours {system['type']}"
    return f"value gold {_pattern(gold['value'])} ≠ ours {_pattern(system['value'])}"


def _pattern(value: str) -> str:
    return "".join("9" if c.isdigit() else c for c in value)


def _scale(docs: list[dict]) -> None:
    corpus = "\n\n".join(d["text"] for d in docs)
    reference = date(2000, 1, 1)
    print("   MB   seconds   MB/s   timexes")
    for megabytes in range(1, 11):
        size = megabytes * 1_000_000
        text = (corpus * (size // len(corpus) + 1))[:size]
        started = time.process_time()
        found = tag(text, reference)
        seconds = time.process_time() - started
        print(f"   {megabytes:2d}   {seconds:7.2f}   {megabytes / seconds:4.2f}   {len(found):7d}")


if __name__ == "__main__":
    sys.exit(main())
