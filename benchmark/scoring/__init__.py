"""Scoring: seqeval (strict IOB2 and default), span views, bootstrap.

Public API:
  evaluate(documents, predictions, *, n_resamples=1000, seed=0) -> dict
      the `metrics` object of a run record (docs/run-record.md)
  paired_bootstrap(documents, predictions_a, predictions_b, *,
                   metric="seqeval_strict", n_resamples=1000, seed=0) -> dict
  score_sequences(gold_tag_seqs, pred_tag_seqs, mode, types=None) -> dict
      seqeval scores of raw tag sequences (what `bench conlleval` prints)
  align_predictions(documents, predictions) -> {doc_id: Alignment}
      the token-level pairing behind the error lists, per document
      (what `bench report` and `bench compare` show per mention)

Imports numpy only; seqeval (and through it scikit-learn) loads on first use.
"""

from .alignment import Alignment, Entity
from .counts import prf, summarize
from .evaluate import COUNT_METRICS, align_predictions, evaluate, paired_bootstrap
from .seqeval_metrics import MODES, extract_entities, score_sequences

__all__ = [
    "COUNT_METRICS",
    "MODES",
    "Alignment",
    "Entity",
    "align_predictions",
    "evaluate",
    "extract_entities",
    "paired_bootstrap",
    "prf",
    "score_sequences",
    "summarize",
]
