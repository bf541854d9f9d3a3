"""What happened to each mention: correct, missed, spurious, boundary, wrong type.

Shared by `bench report` (to colour the article) and `bench compare` (to list
mentions fixed or broken between two runs). It is the scoring engine's own
token-level alignment (scoring.align_predictions, the pairing the record's
error lists come from) read per mention, so what the report and the diff show
always agrees with the record's seqeval numbers and error lists: a prediction
that keeps a proclitic the gold leaves out lands on the same tokens and is
*correct* here, as in seqeval.

  correct    gold and prediction on the same tokens with the same label
  boundary   overlapping tokens, same label, other extent
  wrong type overlapping tokens, another label
  missed     a gold mention left without a partner
  spurious   a prediction left without a partner
Pairs are one-to-one (alignment.py says in which order). A prediction the IOB2
projection drops (it covers no token, or its first token belongs to an
earlier prediction) is invisible to seqeval and gets no outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from ..types import Document, Predictions, Span

if TYPE_CHECKING:
    from ..scoring import Alignment

CORRECT, MISSED, SPURIOUS, BOUNDARY, WRONG_TYPE = "correct", "missed", "spurious", "boundary", "type"
OUTCOMES: tuple[str, ...] = (CORRECT, MISSED, SPURIOUS, BOUNDARY, WRONG_TYPE)


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


def _outcomes(doc_id: str, aligned: Alignment) -> list[Outcome]:
    """Outcomes of one document: gold mentions in text order, then spurious
    predictions in text order."""
    outcomes = [Outcome(CORRECT, doc_id, g.span, p.span) for g, p in aligned.correct]
    outcomes += [Outcome(BOUNDARY, doc_id, g.span, p.span) for g, p in aligned.boundary]
    outcomes += [Outcome(WRONG_TYPE, doc_id, g.span, p.span) for g, p in aligned.type]
    outcomes += [Outcome(MISSED, doc_id, g.span, None) for g in aligned.false_negatives]
    outcomes.sort(key=lambda o: (o.anchor.start, o.anchor.end))  # the gold span here
    outcomes += sorted(
        (Outcome(SPURIOUS, doc_id, None, p.span) for p in aligned.false_positives),
        key=lambda o: (o.anchor.start, o.anchor.end),
    )  # the prediction here
    return outcomes


def classify(documents: Sequence[Document], predictions: Predictions) -> dict[str, list[Outcome]]:
    """Outcomes of every document: document id -> outcomes (gold mentions in
    text order, then spurious predictions in text order). A document without
    an entry in `predictions` has none; ValueError for predictions the
    scorer rejects (see scoring.evaluate)."""
    from ..scoring import align_predictions  # numpy only; not needed to import this module

    aligned = align_predictions(documents, predictions)
    return {doc.id: _outcomes(doc.id, aligned[doc.id]) for doc in documents}


def count(outcomes: list[Outcome]) -> dict[str, int]:
    """Number of outcomes of each kind (every kind present, zero or not)."""
    counts = {kind: 0 for kind in OUTCOMES}
    for outcome in outcomes:
        counts[outcome.kind] += 1
    return counts
