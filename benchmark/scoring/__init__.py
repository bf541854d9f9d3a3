"""Scoring: seqeval (strict IOB2 and default), span views, bootstrap.

Public API:
  evaluate(documents, predictions, *, n_resamples=1000, seed=0) -> dict
      the `metrics` object of a run record (docs/run-record.md)
  paired_bootstrap(documents, predictions_a, predictions_b, *,
                   metric="seqeval_strict", n_resamples=1000, seed=0) -> dict
  score_sequences(gold_tag_seqs, pred_tag_seqs, mode, types=None) -> dict
      seqeval scores of raw tag sequences (what `bench conlleval` prints)

Imports numpy only; seqeval (and through it scikit-learn) loads on first use.
"""
from .counts import prf, summarize
from .evaluate import COUNT_METRICS, evaluate, paired_bootstrap
from .seqeval_metrics import MODES, extract_entities, score_sequences

__all__ = [
    "COUNT_METRICS",
    "MODES",
    "evaluate",
    "extract_entities",
    "paired_bootstrap",
    "prf",
    "score_sequences",
    "summarize",
]
