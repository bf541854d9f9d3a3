"""What decides an extractor's predictions, beyond its revision: the inputs
the prediction cache key must cover (results.prediction_cache.cache_key), so a cached entry
of older code, another model configuration or another card is never reused.

  * a card: its content (the card file's bytes);
  * `module:callable`: the source of every module of the user's code the
    extractor loads (user_code_files, three walks explained below);
  * a local model directory: every file in it (config with id2label,
    tokenizer files, weights), not the weights alone;
  * a composite: each part's inputs.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import site
import sys
import sysconfig
from pathlib import Path
from types import ModuleType
from typing import Any

from ..paths import project_root
from .cards import Card

# The prediction cache must never serve predictions of older code. For
# `module:callable` the code is not one file: helpers, a package's other
# modules, a module of this benchmark it calls. Three walks, united:
#   1. the modules that importing the callable added to sys.modules, minus the
#      standard library and installed packages (site-packages): everything the
#      import pulled in of the user's own code, however it was imported;
#   2. every .py file of the callable's top-level package folder: covers a
#      helper the import did not add because it was imported earlier in the
#      same process (pytest), and modules imported lazily inside functions;
#   3. the user modules the callable's module imports (every `import` and
#      `from ... import` statement in its source, function bodies included),
#      transitively: covers a top-level helper module imported earlier,
#      outside any package, even when only a constant is taken from it.
# Over-inclusion only costs a cache miss; under-inclusion would be a stale hit.


def _library_roots() -> tuple[Path, ...]:
    paths = sysconfig.get_paths()
    roots = {paths[k] for k in ("stdlib", "platstdlib", "purelib", "platlib") if paths.get(k)}
    roots.update(site.getsitepackages() if hasattr(site, "getsitepackages") else [])
    return tuple(Path(r).resolve() for r in roots)


def _user_file(module: Any, roots: tuple[Path, ...]) -> Path | None:
    """The source file of `module` when it is the user's code (not stdlib, not an installed package)."""
    if not isinstance(module, ModuleType):
        return None
    file = getattr(module, "__file__", None)
    if not file:
        return None
    path = Path(file).resolve()
    if not path.is_file() or {"site-packages", "dist-packages"} & set(path.parts):
        return None
    if any(path.is_relative_to(root) for root in roots):
        return None
    return path


def user_code_files(module: ModuleType, added: set[str] | frozenset[str] = frozenset()) -> list[Path]:
    """The source files of the user's code behind `module` (the three walks above)."""
    roots = _library_roots()
    benchmark_dir = Path(__file__).resolve().parent.parent
    files: set[Path] = set()
    for name in added:  # 1. what the import added (this benchmark's own modules only via walk 3)
        path = _user_file(sys.modules.get(name), roots)
        if path is not None and not path.is_relative_to(benchmark_dir):
            files.add(path)
    top = sys.modules.get(module.__name__.partition(".")[0])
    for folder in getattr(top, "__path__", None) or []:  # 2. the package folder
        if not any(Path(folder).resolve().is_relative_to(root) for root in roots):
            files.update(p.resolve() for p in Path(folder).rglob("*.py"))
    seen: set[str] = set()
    stack = [(module.__name__, getattr(module, "__package__", None) or "")]
    while stack:  # 3. import statements, transitively
        name, package = stack.pop()
        if name in seen:
            continue
        seen.add(name)
        path = _module_file(name, roots)
        if path is None:
            continue
        files.add(path)
        is_package = path.name == "__init__.py"
        for imported in _imports(path, name if is_package else package):
            stack.append((imported, imported if _is_package_name(imported) else imported.rpartition(".")[0]))
    return sorted(files)


def _is_package_name(name: str) -> bool:
    return hasattr(sys.modules.get(name), "__path__")


def _module_file(name: str, roots: tuple[Path, ...]) -> Path | None:
    """The user's source file of module `name` (imported or not), or None."""
    module = sys.modules.get(name)
    if module is not None:
        return _user_file(module, roots)
    if "." in name and name.rpartition(".")[0] not in sys.modules:
        return None  # finding it would import its parent package
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    origin = getattr(spec, "origin", None)
    if not origin or not origin.endswith(".py"):
        return None
    path = Path(origin).resolve()
    if {"site-packages", "dist-packages"} & set(path.parts) or any(path.is_relative_to(r) for r in roots):
        return None
    return path


def _imports(path: Path, package: str) -> set[str]:
    """Module names imported anywhere in the file at `path` (relative imports
    resolved against `package`); for `from M import N`, M and M.N."""
    import ast

    try:
        tree = ast.parse(path.read_bytes(), filename=str(path))
    except (SyntaxError, ValueError, OSError):
        return set()
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")
                parent = parent[: len(parent) - (node.level - 1)] if node.level > 1 else parent
                base = ".".join([p for p in parent if p] + ([base] if base else []))
            if base:
                names.add(base)
                names.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
    return names


def card_content(card: Card) -> str:
    """sha256 of the card as written (its file's bytes), or of the card table for an ad-hoc card."""
    path = card.card_path
    if path:
        full = Path(path) if Path(path).is_absolute() else project_root() / path
        if full.is_file():
            return hashlib.sha256(full.read_bytes()).hexdigest()
    return hashlib.sha256(json.dumps(card.to_dict(), sort_keys=True, default=str).encode("utf-8")).hexdigest()


def prediction_inputs(card: Card, extractor: Any) -> dict:
    """Everything beyond the extractor's revision that decides its predictions,
    for the prediction cache key: the card's content; for `module:callable`
    the user's code (user_code_files); for a local model directory every file
    in it (config and id2label, tokenizer, weights); for a composite, each
    part's inputs."""
    from . import directory_revision

    inputs: dict = {"card": card_content(card)}
    if card.kind == "composite":
        inputs["parts"] = [
            prediction_inputs(part_card, part) for part_card, (part, _) in zip(extractor.part_cards, extractor.parts)
        ]
    elif card.kind == "callable" and hasattr(extractor, "code_revision"):
        inputs["code"] = extractor.code_revision()
    elif card.kind == "transformers" and hasattr(extractor, "local_dir"):
        local = extractor.local_dir()
        if local is not None:
            inputs["files"] = directory_revision(local)
    return inputs
