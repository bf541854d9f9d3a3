"""From a model card to an extractor, and from an extractor to predictions.

Every extractor offers `predict(documents) -> {document id: [Span]}` and
`revision() -> str`. Heavy backends are imported only when their card is
chosen (the lazy registry of lm-evaluation-harness, by `module:attribute`).
"""
from __future__ import annotations

import hashlib
import importlib
import importlib.util
import inspect
import json
import site
import sys
import sysconfig
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Sequence

from .cards import card_label_map, expand_source, is_local_source, resolve
from .corpus import project_root
from .types import LABELS, Document, Predictions, Span


class ExtractorError(Exception):
    """An extractor cannot be built or returned unusable output (one line)."""


def import_attribute(target: str, what: str) -> Any:
    """`module:attribute` -> the object; the current directory is importable,
    as it is for `python -m`, so a user's own module just works."""
    module_name, _, attribute = target.partition(":")
    if "" not in sys.path and str(Path.cwd()) not in sys.path:
        sys.path.insert(0, str(Path.cwd()))
    try:
        module = importlib.import_module(module_name)
    except ImportError as err:
        raise ExtractorError(f"{what} {target!r}: cannot import module {module_name!r} ({err})") from None
    try:
        return getattr(module, attribute)
    except AttributeError:
        raise ExtractorError(f"{what} {target!r}: module {module_name!r} has no attribute {attribute!r}") from None


def source_revision(obj: Any) -> str:
    """sha256 of the source file defining `obj`: a changed extractor gets a new
    revision, so its cached predictions are never reused."""
    from .extractors import files_revision

    try:
        path = inspect.getsourcefile(obj)
    except TypeError:
        path = None
    if path and Path(path).exists():
        return files_revision([Path(path)])
    return "sha256:" + hashlib.sha256(repr(obj).encode()).hexdigest()


# --- what decides a user extractor's predictions: its code -------------------------------
#
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


def user_code_files(module: ModuleType, added: set[str] = frozenset()) -> list[Path]:
    """The source files of the user's code behind `module` (the three walks above)."""
    roots = _library_roots()
    benchmark_dir = Path(__file__).resolve().parent
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


def card_content(card: dict) -> str:
    """sha256 of the card as written (its file's bytes), or of the card dict for an ad-hoc card."""
    path = card.get("card_path")
    if path:
        full = Path(path) if Path(path).is_absolute() else project_root() / path
        if full.is_file():
            return hashlib.sha256(full.read_bytes()).hexdigest()
    return hashlib.sha256(json.dumps(card, sort_keys=True, default=str).encode("utf-8")).hexdigest()


def prediction_inputs(card: dict, extractor: Any) -> dict:
    """Everything beyond the extractor's revision that decides its predictions,
    for the prediction cache key: the card's content; for `module:callable`
    the user's code (user_code_files); for a local model directory every file
    in it (config and id2label, tokenizer, weights); for a composite, each
    part's inputs."""
    from .extractors import directory_revision

    inputs: dict = {"card": card_content(card)}
    if card["kind"] == "composite":
        inputs["parts"] = [prediction_inputs(part_card, part)
                           for part_card, (part, _) in zip(extractor.part_cards, extractor.parts)]
    elif card["kind"] == "callable" and hasattr(extractor, "code_revision"):
        inputs["code"] = extractor.code_revision()
    elif card["kind"] == "transformers" and hasattr(extractor, "local_dir"):
        local = extractor.local_dir()
        if local is not None:
            inputs["files"] = directory_revision(local)
    return inputs


def coerce_span(raw: Any, document: Document, where: str) -> Span:
    """A user's span (Span, dict, or (start, end, label) tuple) checked against the text."""
    if isinstance(raw, Span):
        start, end, label = raw.start, raw.end, raw.label
    elif isinstance(raw, dict):
        start, end, label = raw.get("start"), raw.get("end"), raw.get("label")
    elif isinstance(raw, (tuple, list)) and len(raw) >= 3:
        start, end, label = raw[0], raw[1], raw[2]
    else:
        raise ExtractorError(f"{where}: expected a Span, a dict or (start, end, label), got {raw!r}")
    if label not in LABELS:
        raise ExtractorError(f"{where}: label {label!r} is not one of {', '.join(LABELS)}")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(document.text)):
        raise ExtractorError(f"{where}: offsets [{start}, {end}) are not inside the text ({len(document.text)} chars)")
    value = raw.value if isinstance(raw, Span) else None
    return Span(start, end, label, document.text[start:end], value)


class CallableExtractor:
    """The user's own extractor, `module:callable`.

    The callable is either a function `f(text) -> iterable of spans`, or a class
    (instantiated without arguments) with `predict(documents)` returning
    `{document id: spans}`; spans are Span objects, dicts with start/end/label,
    or (start, end, label) tuples over the untouched text.
    """

    def __init__(self, target: str):
        self.name = target
        before = set(sys.modules)
        self.target = import_attribute(target, "extractor")
        self.module = sys.modules[target.partition(":")[0]]
        self._added = set(sys.modules) - before
        if inspect.isclass(self.target):
            self.target = self.target()
        if not (hasattr(self.target, "predict") or callable(self.target)):
            raise ExtractorError(f"extractor {target!r} is neither callable nor has predict()")

    def revision(self) -> str:
        if hasattr(self.target, "revision"):
            return self.target.revision()
        return source_revision(self.target if not hasattr(self.target, "predict") else type(self.target))

    def code_revision(self) -> str:
        """sha256 over every file of the user's code behind the callable (user_code_files)."""
        from .extractors import files_revision

        return files_revision(user_code_files(self.module, self._added))

    def predict(self, documents: Sequence[Document]) -> Predictions:
        if hasattr(self.target, "predict"):
            raw = self.target.predict(list(documents))
        else:
            raw = {doc.id: self.target(doc.text) for doc in documents}
        if not isinstance(raw, dict):
            raise ExtractorError(f"extractor {self.name!r}: predict() must return {{document id: spans}}")
        out: Predictions = {}
        for doc in documents:
            spans = raw.get(doc.id, [])
            out[doc.id] = [coerce_span(s, doc, f"{self.name}: {doc.id}: span {i}") for i, s in enumerate(spans)]
        return out


def producible_labels(card: dict, extractor: Any) -> tuple[str, ...]:
    """The benchmark labels an extractor can output: a rules class says so
    (`labels`), a transformers card through its label map; else all three."""
    if getattr(extractor, "labels", None):
        return tuple(extractor.labels)
    label_map = card.get("label_map")
    if card.get("kind") == "transformers" and label_map:
        return tuple(label for label in LABELS if label in label_map.values())
    return LABELS


class CompositeExtractor:
    """Parts run in order; each contributes only its labels (listed in the
    card, or for an ad-hoc `A+B` the labels the part can produce), and a span
    overlapping one already taken from an earlier part is dropped."""

    def __init__(self, card: dict, build: Callable[[dict], Any]):
        self.name = card["name"]
        self.parts = []
        self.part_cards: list[dict] = []
        for part in card["parts"]:
            part_card = resolve(part["model"])
            extractor = build(part_card)
            labels = tuple(part["labels"]) if "labels" in part else producible_labels(part_card, extractor)
            self.parts.append((extractor, labels))
            self.part_cards.append(part_card)
        self.stats: dict = {}

    def load(self) -> None:
        for extractor, _ in self.parts:
            if hasattr(extractor, "load"):
                extractor.load()

    def revision(self) -> str:
        return "+".join(extractor.revision() for extractor, _ in self.parts)

    def predict(self, documents: Sequence[Document]) -> Predictions:
        merged: Predictions = {doc.id: [] for doc in documents}
        for extractor, labels in self.parts:
            predictions = extractor.predict(documents)
            self.stats.update(getattr(extractor, "stats", {}) or {})
            for doc in documents:
                taken = merged[doc.id]
                for span in predictions.get(doc.id, []):
                    if span.label in labels and not any(span.start < t.end and t.start < span.end for t in taken):
                        taken.append(span)
        return {doc_id: sorted(spans) for doc_id, spans in merged.items()}


def build_extractor(card: dict, options: dict | None = None):
    """The extractor a card describes. `options` are CLI overrides (device,
    batch_size, trust_remote_code, progress)."""
    options = options or {}
    kind = card["kind"]
    if kind == "composite":
        return CompositeExtractor(card, lambda part: build_extractor(part, options))
    if kind == "callable":
        return CallableExtractor(card["extractor"])
    if kind == "rules":
        cls = import_attribute(card["extractor"], f"card {card['name']!r}: extractor")
        return cls()
    source = expand_source(card["source"])
    if is_local_source(source) and not Path(source).exists():
        hint = card.get("build_hint") or "pass an existing model directory"
        raise ExtractorError(f"model {card['name']!r}: {source} does not exist; build it with `{hint}`")
    from .extractors.transformers_ner import TransformersExtractor

    label_map = card_label_map(card)
    inference = card.get("inference", {})
    return TransformersExtractor(
        source,
        name=card["name"],
        label_map=label_map,
        revision=card.get("revision"),
        preprocessing=card.get("preprocessing"),
        max_length=options.get("max_length") or inference.get("max_length", 512),
        stride=inference.get("stride", 64),
        batch_size=options.get("batch_size") or inference.get("batch_size", 16),
        device=options.get("device", "auto"),
        trust_remote_code=options.get("trust_remote_code", False),
        word_alignment=inference.get("word_alignment", "first"),
        progress=options.get("progress", True),
    )
