"""The package's shape: no import cycles, and imports that go one way.

Every module under benchmark/ is parsed (ast, not imported) and every import
of a benchmark module counts, including imports inside functions and under
`if TYPE_CHECKING:`: a cycle through a lazy import is still a cycle of the
design. The layers, from the bottom (docs/architecture.md explains them):

    base        types, errors, io, paths, diskcache, intervals, formatting,
                overwrite, tokenize, tagging, _version
    corpora     benchmark.corpora.*       -> base
    scoring     benchmark.scoring.*       -> base
    extractors  benchmark.extractors.*    -> corpora, base
    results     benchmark.results.*       -> scoring, extractors, corpora, base
    training    benchmark.e5.*            -> scoring, extractors, corpora, base
    api         benchmark.api             -> results, scoring, extractors, corpora, base
    testing     benchmark.testing         -> api, results, ... base
    package     benchmark (__init__)      -> api, and everything below it
    cli         benchmark.cli.*           -> every layer but package

Each layer may also import its own modules (without a cycle).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE_DIR = Path(__file__).resolve().parent.parent / "benchmark"

BASE = {
    "types",
    "errors",
    "io",
    "paths",
    "diskcache",
    "intervals",
    "formatting",
    "overwrite",
    "tokenize",
    "tagging",
    "_version",
}

# layer -> the layers it may import (besides itself)
ALLOWED: dict[str, set[str]] = {
    "base": set(),
    "corpora": {"base"},
    "scoring": {"base"},
    "extractors": {"corpora", "base"},
    "results": {"scoring", "extractors", "corpora", "base"},
    "training": {"scoring", "extractors", "corpora", "base"},
    "api": {"results", "scoring", "extractors", "corpora", "base"},
    "testing": {"api", "results", "scoring", "extractors", "corpora", "base"},
    "package": {"api", "testing", "results", "scoring", "extractors", "corpora", "base"},
    "cli": {"api", "testing", "training", "results", "scoring", "extractors", "corpora", "base"},
}


def layer(module: str) -> str:
    parts = module.split(".")
    if parts == ["benchmark"]:
        return "package"
    top = parts[1]
    if top in BASE:
        return "base"
    named = {
        "corpora": "corpora",
        "scoring": "scoring",
        "extractors": "extractors",
        "results": "results",
        "e5": "training",
        "api": "api",
        "testing": "testing",
        "cli": "cli",
    }
    if top not in named:
        raise AssertionError(
            f"{module}: not placed in a layer (add it to tests/test_architecture.py and docs/architecture.md)"
        )
    return named[top]


def modules() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        if is_package:
            parts = parts[:-1]
        found[".".join(parts)] = (path, is_package)
    return found


def import_graph() -> dict[str, set[str]]:
    """module -> the benchmark modules it imports (anywhere in its body)."""
    known = modules()
    graph: dict[str, set[str]] = {}
    for module, (path, is_package) in known.items():
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    here = module.split(".") if is_package else module.split(".")[:-1]
                    base = ".".join(here[: len(here) - node.level + 1] + ([node.module] if node.module else []))
                else:
                    base = node.module or ""
                if base != "benchmark" and not base.startswith("benchmark."):
                    continue
                for alias in node.names:  # `from . import news` imports the module benchmark.x.news
                    candidate = f"{base}.{alias.name}"
                    targets.add(candidate if candidate in known else base)
            elif isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name == "benchmark" or a.name.startswith("benchmark."))
        for target in targets:
            assert target in known, f"{module} imports {target}, which is not a module of benchmark/"
        graph[module] = targets - {module}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (as a path that returns to its start), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt) :] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def test_the_import_graph_has_every_module():
    graph = import_graph()
    assert "benchmark.api" in graph and "benchmark.corpora.corpus" in graph
    assert "benchmark.corpora.documents" in graph["benchmark.corpora.corpus"]
    # an import inside a function counts: the CLI's `bench run` imports the API
    assert "benchmark.api" in graph["benchmark.cli.commands.run"]


def test_no_import_cycles():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_imports_go_one_way():
    wrong = []
    for module, targets in sorted(import_graph().items()):
        own = layer(module)
        for target in sorted(targets):
            if layer(target) != own and layer(target) not in ALLOWED[own]:
                wrong.append(f"{module} ({own}) imports {target} ({layer(target)})")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    "graph, cycle",
    [
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}}, ["a", "b", "c", "a"]),
        ({"a": {"b"}, "b": set(), "c": {"a", "b"}}, None),
    ],
)
def test_the_cycle_finder_finds_cycles(graph, cycle):
    assert find_cycle(graph) == cycle
