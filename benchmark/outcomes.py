"""What happened to each mention: correct, missed, spurious, boundary, wrong type.

Shared by `bench report` (to colour the article) and `bench compare` (to list
mentions fixed or broken between two runs). It is the scoring engine's own
token-level alignment (benchmark/scoring/alignment.py) read per mention, so
what the report and the diff show always agrees with the record's seqeval
numbers and error lists: a prediction that keeps a proclitic the gold leaves
out lands on the same tokens and is *correct* here, as in seqeval.

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

from .tagging import spans_to_tags
from .tokenize import tokenize
from .types import Document, Span

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


def classify_document(document: Document, predictions: list[Span]) -> list[Outcome]:
    """Outcomes of one document: gold mentions in text order, then spurious
    predictions in text order."""
    from .scoring.alignment import align, projected_entities  # numpy-light; shared with the scorer

    tokens = tokenize(document.text)
    golds = sorted(set(document.spans))
    preds = sorted(set(predictions))
    gold_entities, _ = projected_entities(tokens, golds, spans_to_tags(tokens, golds))
    pred_entities, _dropped = projected_entities(tokens, preds, spans_to_tags(tokens, preds))
    aligned = align(gold_entities, pred_entities)

    outcomes = [Outcome(CORRECT, document.id, g.span, p.span) for g, p in aligned.correct]
    outcomes += [Outcome(BOUNDARY, document.id, g.span, p.span) for g, p in aligned.boundary]
    outcomes += [Outcome(WRONG_TYPE, document.id, g.span, p.span) for g, p in aligned.type]
    outcomes += [Outcome(MISSED, document.id, g.span, None) for g in aligned.false_negatives]
    outcomes.sort(key=lambda o: (o.gold.start, o.gold.end))
    outcomes += sorted((Outcome(SPURIOUS, document.id, None, p.span) for p in aligned.false_positives),
                       key=lambda o: (o.pred.start, o.pred.end))
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
