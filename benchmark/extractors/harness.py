"""From a model card to an extractor, and from an extractor to predictions.

Every extractor offers `predict(documents) -> {document id: [Span]}` and
`revision() -> str`. Heavy backends are imported only when their card is
chosen (the lazy registry of lm-evaluation-harness, by `module:attribute`).
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .cards import Card, card_label_map, expand_source, is_local_source, resolve
from ..errors import BenchError, InputError, require
from ..intervals import DisjointIntervals
from ..types import LABELS, Document, Predictions, Span
from .protocol import Extractor, ExtractorBase, as_extractor


class ExtractorError(InputError):
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
    except Exception as err:  # the user's module itself fails (a syntax error, an exception at import)
        detail = " ".join(str(err).split())
        raise ExtractorError(
            f"{what} {target!r}: importing module {module_name!r} raised {type(err).__name__}: {detail}"
        ) from err
    try:
        return getattr(module, attribute)
    except AttributeError:
        raise ExtractorError(f"{what} {target!r}: module {module_name!r} has no attribute {attribute!r}") from None


def source_revision(obj: Any) -> str:
    """sha256 of the source file defining `obj`: a changed extractor gets a new
    revision, so its cached predictions are never reused."""
    from . import files_revision

    try:
        path = inspect.getsourcefile(obj)
    except TypeError:
        path = None
    if path and Path(path).exists():
        return files_revision([Path(path)])
    return "sha256:" + hashlib.sha256(repr(obj).encode()).hexdigest()


def coerce_span(raw: Any, document: Document, where: str) -> Span:
    """A user's span (Span, dict, or (start, end, label) tuple) checked against the text."""
    start: Any
    end: Any
    label: Any
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


class CallableExtractor(ExtractorBase):
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
            with user_code(f"extractor {target!r} raised when instantiated"):
                self.target = self.target()
        if not (hasattr(self.target, "predict") or callable(self.target)):
            raise ExtractorError(f"extractor {target!r} is neither callable nor has predict()")

    def revision(self) -> str:
        if hasattr(self.target, "revision"):
            with user_code(f"extractor {self.name!r} raised in revision()"):
                revision = self.target.revision()
            if not isinstance(revision, str) or not revision:
                raise ExtractorError(
                    f"extractor {self.name!r}: revision() must return a non-empty string, not {revision!r}"
                )
            return revision
        return source_revision(self.target if not hasattr(self.target, "predict") else type(self.target))

    def code_revision(self) -> str:
        """sha256 over every file of the user's code behind the callable
        (prediction_inputs.user_code_files)."""
        from . import files_revision
        from .prediction_inputs import user_code_files

        return files_revision(user_code_files(self.module, self._added))

    def predict(self, documents: Sequence[Document]) -> Predictions:
        if hasattr(self.target, "predict"):
            with user_code(f"extractor {self.name!r} raised in predict() over {len(documents)} document(s)"):
                raw = self.target.predict(list(documents))
        else:
            raw = {}
            for doc in documents:
                with user_code(f"extractor {self.name!r} raised on document {doc.id!r}"):
                    found = self.target(doc.text)
                    # a generator runs the user's code only when read
                    raw[doc.id] = list(found) if _is_iterable_of_spans(found) else found
        if not isinstance(raw, dict):
            raise ExtractorError(
                f"extractor {self.name!r}: predict() must return {{document id: spans}}, not {type(raw).__name__}"
            )
        out: Predictions = {}
        for doc in documents:
            spans = raw.get(doc.id, [])
            if not _is_iterable_of_spans(spans):
                raise ExtractorError(
                    f"extractor {self.name!r}: returned {type(spans).__name__} for document "
                    f"{doc.id!r}; expected a list of spans (an empty list when there are none)"
                )
            out[doc.id] = [
                coerce_span(s, doc, f"extractor {self.name!r}: document {doc.id}: span {i}")
                for i, s in enumerate(spans)
            ]
        return out


def _is_iterable_of_spans(value: Any) -> bool:
    """A list, tuple, set or generator; not None, a string, a dict or a number."""
    return value is not None and not isinstance(value, (str, bytes, dict)) and hasattr(value, "__iter__")


@contextmanager
def user_code(what: str) -> Iterator[None]:
    """Turn an exception of the user's own extractor into one line naming it
    (`bench --debug` shows the original traceback, chained)."""
    try:
        yield
    except BenchError:
        raise
    except Exception as err:
        detail = " ".join(str(err).split())
        raise ExtractorError(f"{what}: {type(err).__name__}{': ' + detail if detail else ''}") from err


def producible_labels(extractor: Extractor) -> tuple[str, ...]:
    """The benchmark labels an extractor can output (`labels` of the protocol:
    a rules class lists them, a transformers model's come from its label map)."""
    return tuple(extractor.labels) or LABELS


class CompositeExtractor(ExtractorBase):
    """Parts run in order; each contributes only its labels (listed in the
    card, or for an ad-hoc `A+B` the labels the part can produce), and a span
    overlapping one already taken from an earlier part is dropped."""

    def __init__(self, card: Card, build: Callable[[Card], Extractor]):
        self.name = card.name
        self.parts: list[tuple[Extractor, tuple[str, ...]]] = []
        self.part_cards: list[Card] = []
        for part in card.parts:
            part_card = resolve(part.model)
            extractor = as_extractor(build(part_card))
            labels = part.labels if part.labels is not None else producible_labels(extractor)
            self.parts.append((extractor, labels))
            self.part_cards.append(part_card)
        self.labels = tuple(label for label in LABELS if any(label in labels for _, labels in self.parts))
        self.stats: dict = {}

    def load(self) -> None:
        for extractor, _ in self.parts:
            extractor.load()

    def revision(self) -> str:
        return "+".join(extractor.revision() for extractor, _ in self.parts)

    def predict(self, documents: Sequence[Document]) -> Predictions:
        merged: Predictions = {doc.id: [] for doc in documents}
        occupied = {doc.id: DisjointIntervals() for doc in documents}  # `merged`'s spans, searchable
        for extractor, labels in self.parts:
            predictions = extractor.predict(documents)
            self.stats.update(extractor.stats or {})
            for doc in documents:
                taken, held = merged[doc.id], occupied[doc.id]
                for span in predictions.get(doc.id, []):
                    if span.label in labels and not held.overlaps(span.start, span.end):
                        taken.append(span)
                        held.add(span.start, span.end)
        return {doc_id: sorted(spans) for doc_id, spans in merged.items()}


def build_extractor(card: Card, options: dict | None = None) -> Extractor:
    """The extractor a card describes. `options` are CLI overrides (device,
    batch_size, trust_remote_code, progress; for llm cards base_url, shots,
    concurrency, use_cache)."""
    options = options or {}
    kind = card.kind
    if kind == "composite":
        return CompositeExtractor(card, lambda part: build_extractor(part, options))
    if kind == "callable":
        assert card.extractor is not None  # checked by cards._check_card
        return CallableExtractor(card.extractor)
    if kind == "rules":
        assert card.extractor is not None  # checked by cards._check_card
        cls = import_attribute(card.extractor, f"card {card.name!r}: extractor")
        extractor = cls()
        if not (callable(getattr(extractor, "predict", None)) and callable(getattr(extractor, "revision", None))):
            raise ExtractorError(
                f"card {card.name!r}: extractor {card.extractor!r} made a "
                f"{type(extractor).__name__}, which has no predict() and revision()"
            )
        return as_extractor(extractor)
    if kind == "llm":
        from .llm.extractor import LLMExtractor

        return LLMExtractor(card, options)
    assert card.source is not None  # checked by cards._check_card
    source = expand_source(card.source)
    if is_local_source(source) and not Path(source).exists():
        hint = card.build_hint or "pass an existing model directory"
        raise ExtractorError(f"model {card.name!r}: {source} does not exist; build it with `{hint}`")
    what = f"model {card.name!r}"
    require("torch", "models", what)  # a hub id or a model directory: torch and transformers run it
    require("transformers", "models", what)
    from .transformers_ner import TransformersExtractor

    label_map = card_label_map(card)
    inference = card.inference or {}
    return TransformersExtractor(
        source,
        name=card.name,
        label_map=label_map,
        revision=card.revision,
        preprocessing=dict(card.preprocessing) if card.preprocessing is not None else None,
        max_length=options.get("max_length") or inference.get("max_length", 512),
        stride=inference.get("stride", 64),
        batch_size=options.get("batch_size") or inference.get("batch_size", 16),
        device=options.get("device", "auto"),
        trust_remote_code=options.get("trust_remote_code", False),
        word_alignment=inference.get("word_alignment", "first"),
        progress=options.get("progress", True),
    )
