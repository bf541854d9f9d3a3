"""Character-span views of the score that seqeval's token tags cannot give.

  exact    a prediction is right when its start, end and label equal a gold
           span's.
  lenient  as exact, but a leading proclitic (one or two of و ف ب ل ك, e.g.
           "و", "وب", "ول") that one side includes and the other leaves out
           is ignored: same label, same end, and the starts differ only by
           those letters at the beginning of a word.
  partial  nervaluate's "partial" scheme with the label required: an exact
           match earns 1, a same-label overlap 0.5;
           P = credit / predicted spans, R = credit / gold spans.

Matching is one-to-one: exact pairs are taken first, then the looser pairs,
so a prediction never earns credit twice. Credit is booked to the gold span's
unit, each predicted span to its own unit (see prepare.GoldDocument.unit_of).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import pairwise
from typing import Callable, Sequence

from ..types import LABELS, Span
from .counts import UnitCounts
from .prepare import GoldCorpus, GoldDocument, PredictedDocument

PROCLITICS = frozenset("وفبلك")
VIEWS = ("exact", "lenient", "partial")


def is_proclitic_prefix(text: str, start: int, other_start: int, word_starts: frozenset[int]) -> bool:
    """True when text[start:other_start] is one or two proclitic letters at
    the beginning of a word (start < other_start)."""
    extra = text[start:other_start]
    return 1 <= len(extra) <= 2 and set(extra) <= PROCLITICS and start in word_starts


def _overlap(a: Span, b: Span) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match_spans(
    gold: Sequence[Span],
    pred: Sequence[Span],
    loose: Callable[[Span, Span], float] | None,
) -> list[tuple[int, int, float]]:
    """One-to-one pairs (gold index, pred index, credit): exact matches with
    credit 1, then among the rest the pairs `loose` gives credit > 0 to,
    best credit (then largest overlap, then leftmost) first."""
    exact_index = {(s.start, s.end, s.label): i for i, s in enumerate(gold)}
    pairs: list[tuple[int, int, float]] = []
    used_gold: set[int] = set()
    open_pred: list[int] = []
    for j, p in enumerate(pred):
        i = exact_index.get((p.start, p.end, p.label))
        if i is not None and i not in used_gold:
            pairs.append((i, j, 1.0))
            used_gold.add(i)
        else:
            open_pred.append(j)
    if loose is None or not open_pred:
        return pairs
    # Only gold spans that overlap p can earn credit. `gold` is sorted by start
    # (prepare.unique_sorted), and none is longer than `longest`, so those
    # start in [p.start - longest, p.end): two binary searches, not a scan.
    starts = [g.start for g in gold]
    longest = max((g.end - g.start for g in gold), default=0)
    ordered = all(a <= b for a, b in pairwise(starts))
    candidates = []
    for j in open_pred:
        p = pred[j]
        window = (
            range(bisect_right(starts, p.start - longest), bisect_left(starts, p.end)) if ordered else range(len(gold))
        )
        for i in window:
            g = gold[i]
            if i in used_gold or g.start >= p.end or g.end <= p.start:
                continue
            credit = loose(g, p)
            if credit > 0:
                candidates.append((-credit, -_overlap(g, p), g.start, p.start, i, j))
    taken_pred: set[int] = set()
    for neg_credit, _, _, _, i, j in sorted(candidates):
        if i in used_gold or j in taken_pred:
            continue
        pairs.append((i, j, -neg_credit))
        used_gold.add(i)
        taken_pred.add(j)
    return pairs


def _lenient_rule(doc: GoldDocument) -> Callable[[Span, Span], float]:
    text = doc.document.text
    word_starts: frozenset[int] | None = None  # built on first need: most pairs fail earlier

    def rule(g: Span, p: Span) -> float:
        nonlocal word_starts
        if g.label != p.label or g.end != p.end:
            return 0.0
        if word_starts is None:
            word_starts = frozenset(t.start for t in doc.tokens)
        first, second = sorted((g.start, p.start))
        return 1.0 if is_proclitic_prefix(text, first, second, word_starts) else 0.0

    return rule


def _partial_rule(g: Span, p: Span) -> float:
    return 0.5 if g.label == p.label and _overlap(g, p) > 0 else 0.0


def span_counts(gold: GoldCorpus, predicted: Sequence[PredictedDocument], view: str) -> UnitCounts:
    """Per-unit counts of one span view ("exact", "lenient" or "partial")."""
    if view not in VIEWS:
        raise ValueError(f"unknown span view {view!r}; expected one of {VIEWS}")
    counts = UnitCounts.zeros(gold.n_units, LABELS)
    column = {t: i for i, t in enumerate(LABELS)}
    for g_doc, p_doc in zip(gold.documents, predicted):
        g_spans, p_spans = g_doc.spans, p_doc.spans
        for span in g_spans:
            counts.n_gold[g_doc.unit_of(span), column[span.label]] += 1
        for span in p_spans:
            counts.n_pred[g_doc.unit_of(span), column[span.label]] += 1
        loose = {"exact": None, "lenient": _lenient_rule(g_doc), "partial": _partial_rule}[view]
        for i, _, credit in match_spans(g_spans, p_spans, loose):
            span = g_spans[i]
            counts.tp[g_doc.unit_of(span), column[span.label]] += credit
    return counts
