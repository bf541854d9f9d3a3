"""Arabic financial-entity extraction benchmark: gold spans, harness, scoring.

The library API (benchmark.api, documented in README "Library API"):
  run(model, corpus="seed", **options) -> run record (dict)
  score(record, corpus_dir=None) -> the record re-scored from its predictions
  compare(run_a, run_b, ...) -> Comparison (deltas, paired bootstrap, entity diff)
  check(baseline, candidate=None, *, model=None, max_drop=0.0, ...) -> Verdict
  load_dataset(corpora=None) -> datasets.DatasetDict of the gold

Light on import: benchmark.api (and heavy libraries: torch, transformers,
datasets) load only when one of these functions is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .types import LABELS, Document, MoneyValue, Span, Token

if TYPE_CHECKING:
    from .api import Comparison
    from .results.compare import Verdict

__all__ = [
    "run",
    "score",
    "compare",
    "check",
    "load_dataset",
    "LABELS",
    "Document",
    "MoneyValue",
    "Span",
    "Token",
    "__version__",
]


def run(model: str, corpus: Any = "seed", **options: Any) -> dict:
    """benchmark.api.run: run `model` over `corpus` and return its run record."""
    from .api import run as _run

    return _run(model, corpus, **options)


def score(record: Any, corpus_dir: Any = None) -> dict:
    """benchmark.api.score: a run record re-scored from its stored predictions."""
    from .api import score as _score

    return _score(record, corpus_dir)


def compare(run_a: Any, run_b: Any, **options: Any) -> Comparison:
    """benchmark.api.compare: what changed from run A to run B."""
    from .api import compare as _compare

    return _compare(run_a, run_b, **options)


def check(baseline: Any, candidate: Any = None, **options: Any) -> Verdict:
    """benchmark.api.check: the regression gate's verdict."""
    from .api import check as _check

    return _check(baseline, candidate, **options)


def load_dataset(corpora=None):
    """The gold as a `datasets.DatasetDict` (see benchmark.corpora.export)."""
    from .corpora.export import load_dataset as _load_dataset

    return _load_dataset(corpora)
