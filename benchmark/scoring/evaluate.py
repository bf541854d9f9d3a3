"""evaluate(): the `metrics` object of a run record (docs/run-record.md).

gold + predicted spans
  -> one tokenization, IOB2 projection (prepare.py)
  -> per-unit counts for each count-based metric (seqeval_metrics.py,
     span_metrics.py), summed for the scores, resampled for the CIs
  -> token-level alignment for errors, confusion and money values
"""

from __future__ import annotations

from typing import Mapping, Sequence

from ..types import LABELS, Document, Span
from .alignment import Alignment
from .bootstrap import ci95, paired_test
from .counts import UnitCounts, summarize
from .errors import alignments, confusion, error_lists, money_values
from .prepare import GoldCorpus, PredictedDocument, prepare_gold, prepare_predictions
from .seqeval_metrics import sequence_counts
from .span_metrics import span_counts

# Every metric that reduces to per-unit counts, i.e. every metric the
# bootstrap can resample.
COUNT_METRICS = ("seqeval_strict", "seqeval_default", "span_exact", "span_lenient", "span_partial")


def unit_counts(gold: GoldCorpus, predicted: Sequence[PredictedDocument], metric: str) -> UnitCounts:
    if metric.startswith("seqeval_") and metric in COUNT_METRICS:
        mode = metric[len("seqeval_") :]
        sequences = ((g.tags, p.tags, g.unit_of_token) for g, p in zip(gold.documents, predicted))
        return sequence_counts(sequences, mode, gold.n_units, LABELS)
    if metric.startswith("span_") and metric in COUNT_METRICS:
        return span_counts(gold, predicted, metric[len("span_") :])
    raise ValueError(f"unknown metric {metric!r}; expected one of {COUNT_METRICS}")


def evaluate(
    documents: Sequence[Document],
    predictions: Mapping[str, Sequence[Span]],
    *,
    n_resamples: int = 1000,
    seed: int = 0,
) -> dict:
    """Score `predictions` (document id -> spans) against the gold of
    `documents`; returns the run record's `metrics` object.

    A document without an entry in `predictions` has no predicted spans.
    Raises ValueError for a predicted label other than MONEY/ORG/LOC, spans
    outside their text, or predictions for unknown documents.
    """
    gold = prepare_gold(documents)
    predicted = prepare_predictions(gold, predictions)
    metrics: dict = {}
    for metric in COUNT_METRICS:
        counts = unit_counts(gold, predicted, metric)
        block = summarize(counts)
        if metric.startswith("seqeval_"):
            block["ci95"] = ci95(counts, n_resamples=n_resamples, seed=seed, unit=gold.unit)
        metrics[metric] = block
    aligned = alignments(gold, predicted)
    metrics["money_values"] = money_values(aligned)
    metrics["confusion"] = confusion(aligned)
    metrics["errors"] = error_lists(gold, aligned)
    return metrics


def align_predictions(
    documents: Sequence[Document],
    predictions: Mapping[str, Sequence[Span]],
) -> dict[str, Alignment]:
    """Document id -> the token-level pairing of `predictions` with the gold
    of `documents` (alignment.py): the one evaluate() reads its error lists,
    confusion table and money values from, for tools that show outcomes per
    mention. Raises ValueError as evaluate() does."""
    gold = prepare_gold(documents)
    aligned = alignments(gold, prepare_predictions(gold, predictions))
    return {g.document.id: a for g, a in zip(gold.documents, aligned)}


def paired_bootstrap(
    documents: Sequence[Document],
    predictions_a: Mapping[str, Sequence[Span]],
    predictions_b: Mapping[str, Sequence[Span]],
    *,
    metric: str = "seqeval_strict",
    n_resamples: int = 1000,
    seed: int = 0,
) -> dict:
    """Is b better than a on `metric` (micro F1)? Both are scored on the same
    resamples of the same units.

    Returns {"metric", "f1_a", "f1_b", "delta" (f1_b - f1_a), "p_value"
    (two-sided, see bootstrap.paired_test), "ci95" (of delta), "n_resamples",
    "unit", "seed"}.
    """
    gold = prepare_gold(documents)
    counts_a = unit_counts(gold, prepare_predictions(gold, predictions_a), metric)
    counts_b = unit_counts(gold, prepare_predictions(gold, predictions_b), metric)
    return {"metric": metric, **paired_test(counts_a, counts_b, n_resamples=n_resamples, seed=seed, unit=gold.unit)}
