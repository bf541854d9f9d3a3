"""The Extractor protocol: what every extractor kind (rules, callable,
composite, transformers) offers the harness and benchmark.api.run.

    predict(documents) -> {document id: [Span]}   character spans over the untouched text
    revision() -> str                             changes whenever the predictions may change
                                                  (the prediction cache key holds it)
    labels: tuple[str, ...]                       the benchmark labels it can output
    load() -> None                                optional: load weights before timing predict
    stats: Mapping[str, Any]                      optional: inference statistics of the last predict
    effective_label_map() / effective_preprocessing()
                                                  optional: what the run record reports as used

`ExtractorBase` gives the optional members their defaults (nothing to load,
no statistics, nothing to report); `as_extractor` wraps an object that only
has predict() and revision() (a user's own `rules` class) in those defaults.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, Protocol, cast, runtime_checkable

from ..types import LABELS, Document, Predictions


@runtime_checkable
class Extractor(Protocol):
    @property
    def labels(self) -> tuple[str, ...]: ...

    @property
    def stats(self) -> Mapping[str, Any]: ...

    def predict(self, documents: Sequence[Document]) -> Predictions: ...

    def revision(self) -> str: ...

    def load(self) -> None: ...

    def effective_label_map(self) -> dict[str, str | None] | None: ...

    def effective_preprocessing(self) -> dict | None: ...


class ExtractorBase:
    """Defaults of the optional members of the protocol."""

    labels: tuple[str, ...] = LABELS
    stats: Mapping[str, Any] = MappingProxyType({})  # an extractor with statistics sets its own dict

    def load(self) -> None:
        """Nothing to load."""

    def effective_label_map(self) -> dict[str, str | None] | None:
        return None

    def effective_preprocessing(self) -> dict | None:
        return None


class _Adapted(ExtractorBase):
    """An object with predict() and revision() only, given the defaults."""

    def __init__(self, inner: Any):
        self.inner = inner
        self.labels = tuple(getattr(inner, "labels", None) or LABELS)

    def predict(self, documents: Sequence[Document]) -> Predictions:
        return self.inner.predict(documents)

    def revision(self) -> str:
        return self.inner.revision()

    def load(self) -> None:
        if callable(getattr(self.inner, "load", None)):
            self.inner.load()

    @property
    def stats(self) -> Mapping[str, Any]:  # type: ignore[override]
        return getattr(self.inner, "stats", None) or {}


def as_extractor(obj: Any) -> Extractor:
    """`obj` itself when it implements the whole protocol, else `obj` with the defaults."""
    return obj if isinstance(obj, Extractor) else cast(Extractor, _Adapted(obj))
