"""Per-unit counts and the precision/recall/F1 computed from them.

Every count-based metric (seqeval strict/default, span exact/lenient/partial)
is reduced once to a `UnitCounts`: for each resampling unit (a document, or a
sentence when the corpus has one document) and each entity type, the credit
of true positives, the number of predicted and the number of gold entities.
Summing the rows gives the corpus score; the bootstrap resamples rows.

P/R/F1 follow seqeval 1.2.2's arithmetic operation for operation
(p = tp/pred, r = tp/gold, f = 2*p*r/(p+r), 0 when a denominator is 0), so
the summed counts reproduce seqeval's own numbers bit for bit (pinned by
tests/test_scoring_seqeval.py). Macro F1 is seqeval's too: the mean F1 over
the types that occur in the gold or the predictions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class UnitCounts:
    """tp, n_pred, n_gold: arrays of shape (n_units, n_types).

    `tp` is float because partial matching gives half credit."""

    types: tuple[str, ...]
    tp: np.ndarray
    n_pred: np.ndarray
    n_gold: np.ndarray

    @classmethod
    def zeros(cls, n_units: int, types: tuple[str, ...]) -> "UnitCounts":
        shape = (n_units, len(types))
        return cls(types, np.zeros(shape), np.zeros(shape, dtype=np.int64), np.zeros(shape, dtype=np.int64))

    @property
    def n_units(self) -> int:
        return self.tp.shape[0]


def divide(numerator: float, denominator: float) -> float:
    return float(numerator / denominator) if denominator else 0.0


def f1_from(precision: float, recall: float) -> float:
    """seqeval's F1 (beta = 1), same operation order."""
    denominator = precision + recall
    return float(2.0 * precision * recall / denominator) if denominator else 0.0


def prf(tp: float, n_pred: int, n_gold: int) -> dict:
    """{"precision", "recall", "f1", "support"} as plain Python numbers."""
    precision = divide(tp, n_pred)
    recall = divide(tp, n_gold)
    return {"precision": precision, "recall": recall, "f1": f1_from(precision, recall), "support": int(n_gold)}


def summarize(counts: UnitCounts) -> dict:
    """{"overall": micro P/R/F1/support, "per_type": {type: ...}, "macro_f1": m}.

    per_type lists every type of `counts.types`, zeros for an absent one; the
    macro mean only covers types present in gold or predictions (seqeval)."""
    tp = counts.tp.sum(axis=0)
    n_pred = counts.n_pred.sum(axis=0)
    n_gold = counts.n_gold.sum(axis=0)
    per_type = {t: prf(tp[i], n_pred[i], n_gold[i]) for i, t in enumerate(counts.types)}
    present = [per_type[t]["f1"] for i, t in enumerate(counts.types) if n_pred[i] or n_gold[i]]
    return {
        "overall": prf(tp.sum(), n_pred.sum(), n_gold.sum()),
        "per_type": per_type,
        "macro_f1": float(np.mean(present)) if present else 0.0,
    }
