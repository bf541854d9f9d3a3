"""What happened to each mention: correct, missed, spurious, boundary, wrong type.

Shared by `bench report` (to colour the article) and `bench compare` (to list
mentions fixed or broken between two runs). Mentions are matched the way the
headline scorer sees them: over the benchmark tokens (a span covers the tokens
it overlaps, as tagging.spans_to_tags projects it), so a prediction that keeps
a proclitic the gold leaves out is *correct* here exactly as it is in seqeval.

Rules, per document:
  correct    a gold span and a prediction with the same tokens and label
  boundary   a gold span overlapped by a prediction of its label, other tokens
  wrong type a gold span overlapped only by predictions of other labels
  missed     a gold span no prediction overlaps
  spurious   a prediction that overlaps no gold span
A prediction may explain several gold spans (one long prediction over two
names makes both "boundary"/"wrong type"); it is only "spurious" when it
touches no gold at all.
"""
from __future__ import annotations

from dataclasses import dataclass

from .tagging import token_range
from .tokenize import tokenize
from .types import Document, Span

CORRECT, MISSED, SPURIOUS, BOUNDARY, WRONG_TYPE = "correct", "missed", "spurious", "boundary", "type"
OUTCOMES: tuple[str, ...] = (CORRECT, MISSED, SPURIOUS, BOUNDARY, WRONG_TYPE)
OUTCOME_NAMES = {
    CORRECT: "correct",
    MISSED: "missed",
    SPURIOUS: "spurious",
    BOUNDARY: "boundary",
    WRONG_TYPE: "wrong type",
}


@dataclass(frozen=True)
class Outcome:
    """One gold mention (with the prediction that explains it, if any), or one
    spurious prediction (gold None)."""

    kind: str
    document: str
    gold: Span | None
    pred: Span | None

    @property
    def anchor(self) -> Span:
        """The span the outcome is about: the gold one, or the spurious prediction."""
        return self.gold if self.gold is not None else self.pred  # type: ignore[return-value]


def _token_key(tokens, span: Span) -> tuple[int, int]:
    first, last = token_range(tokens, span.start, span.end)
    if first >= last:  # covers no token (only whitespace): fall back to characters
        return (-1 - span.start, -1 - span.end)
    return first, last


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def classify_document(document: Document, predictions: list[Span], tokens=None) -> list[Outcome]:
    """Outcomes of one document: one per gold span (in text order), then one
    per spurious prediction."""
    tokens = tokens if tokens is not None else tokenize(document.text)
    golds = sorted(document.spans)
    preds = sorted(predictions)
    gold_keys = [_token_key(tokens, g) for g in golds]
    pred_keys = [_token_key(tokens, p) for p in preds]

    outcomes: list[Outcome] = []
    exact_used: set[int] = set()
    touched: set[int] = set()  # predictions that overlap some gold span
    for g, gk in zip(golds, gold_keys):
        overlapping = [i for i, pk in enumerate(pred_keys) if _overlaps(gk, pk)]
        touched.update(overlapping)
        exact = next((i for i in overlapping if pred_keys[i] == gk and preds[i].label == g.label and i not in exact_used), None)
        if exact is not None:
            exact_used.add(exact)
            outcomes.append(Outcome(CORRECT, document.id, g, preds[exact]))
            continue
        same_label = [i for i in overlapping if preds[i].label == g.label]
        if same_label:
            outcomes.append(Outcome(BOUNDARY, document.id, g, preds[same_label[0]]))
        elif overlapping:
            outcomes.append(Outcome(WRONG_TYPE, document.id, g, preds[overlapping[0]]))
        else:
            outcomes.append(Outcome(MISSED, document.id, g, None))
    for i, p in enumerate(preds):
        if i not in touched:
            outcomes.append(Outcome(SPURIOUS, document.id, None, p))
    return outcomes


def classify(documents, predictions: dict[str, list[Span]]) -> dict[str, list[Outcome]]:
    """Outcomes of every document: document id -> outcomes."""
    return {doc.id: classify_document(doc, predictions.get(doc.id, [])) for doc in documents}


def count(outcomes: list[Outcome]) -> dict[str, int]:
    """Number of outcomes of each kind (every kind present, zero or not)."""
    counts = {kind: 0 for kind in OUTCOMES}
    for outcome in outcomes:
        counts[outcome.kind] += 1
    return counts
