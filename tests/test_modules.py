"""The package's modules, read as code: what a linter does not check and a reader relies on."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "timeline"
MODULES = sorted(PACKAGE.rglob("*.py"))


def defined_twice(source: str) -> list[str]:
    """Names a module binds more than once at its top level (constants, functions, classes): the
    later silently replaces the earlier, so code written against the first reads the second."""
    names: Counter[str] = Counter()
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names[node.name] += 1
    return sorted(name for name, count in names.items() if count > 1)


def test_the_check_finds_a_name_defined_twice() -> None:
    assert defined_twice("WORDS = {'a'}\ndef f():\n    return WORDS\nWORDS = {'b'}\n") == ["WORDS"]
    assert defined_twice("WORDS = {'a'}\nOTHER = WORDS\n") == []


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_binds_a_top_level_name_twice(module: Path) -> None:
    assert defined_twice(module.read_text(encoding="utf-8")) == []
