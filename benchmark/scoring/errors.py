"""Error lists, the type-confusion table and money-value accuracy.

All three are read off the token-level alignment (alignment.py), so they
agree with the seqeval numbers: a prediction seqeval counts right never shows
up as an error, and one that differs from the gold only by a proclitic the
gold leaves out is right (both land on the same token).
"""

from __future__ import annotations

from typing import Sequence

from ..tagging import OUTSIDE
from ..types import LABELS, Span
from .alignment import Alignment, align, projected_entities
from .prepare import GoldCorpus, PredictedDocument


def span_json(span: Span, text: str) -> dict:
    """A span as stored in run records, its text taken from the document."""
    out = {"start": span.start, "end": span.end, "label": span.label, "text": text[span.start : span.end]}
    if span.value is not None:
        out["value"] = span.value.to_json()
    return out


def alignments(gold: GoldCorpus, predicted: Sequence[PredictedDocument]) -> list[Alignment]:
    result = []
    for g_doc, p_doc in zip(gold.documents, predicted):
        g_entities, _ = projected_entities(g_doc.tokens, g_doc.spans, g_doc.tags)
        p_entities, dropped = projected_entities(g_doc.tokens, p_doc.spans, p_doc.tags)
        aligned = align(g_entities, p_entities)
        aligned.dropped.extend(dropped)
        result.append(aligned)
    return result


def error_lists(gold: GoldCorpus, aligned: Sequence[Alignment]) -> dict:
    """{"false_positives", "false_negatives", "boundary", "type", "dropped"},
    each entry naming its document and carrying the Arabic text."""
    out: dict[str, list] = {"false_positives": [], "false_negatives": [], "boundary": [], "type": [], "dropped": []}
    for g_doc, a in zip(gold.documents, aligned):
        doc_id, text = g_doc.document.id, g_doc.document.text
        out["false_positives"] += [{"document": doc_id, **span_json(e.span, text)} for e in a.false_positives]
        out["false_negatives"] += [{"document": doc_id, **span_json(e.span, text)} for e in a.false_negatives]
        for kind in ("boundary", "type"):
            out[kind] += [
                {"document": doc_id, "gold": span_json(g.span, text), "pred": span_json(p.span, text)}
                for g, p in getattr(a, kind)
            ]
        out["dropped"] += [{"document": doc_id, **span_json(s, text)} for s in a.dropped]
    return out


def confusion(aligned: Sequence[Alignment]) -> dict:
    """gold label -> predicted label -> count over entity pairs with the same
    token range; a gold entity without one counts under "O" (missed), a
    prediction without one in the "O" row (spurious). Boundary errors thus
    show as one missed and one spurious entity."""
    names = (*LABELS, OUTSIDE)
    table = {g: {p: 0 for p in names} for g in names}
    for a in aligned:
        for g, p in a.correct:
            table[g.label][p.label] += 1
        for g, p in a.type:
            if (g.first, g.end) == (p.first, p.end):
                table[g.label][p.label] += 1
            else:
                table[g.label][OUTSIDE] += 1
                table[OUTSIDE][p.label] += 1
        for g, p in a.boundary:
            table[g.label][OUTSIDE] += 1
            table[OUTSIDE][p.label] += 1
        for e in a.false_negatives:
            table[e.label][OUTSIDE] += 1
        for e in a.false_positives:
            table[OUTSIDE][e.label] += 1
    return table


def money_values(aligned: Sequence[Alignment]) -> dict:
    """Over predicted MONEY spans on the same tokens as a gold MONEY span:
    how many carry the gold's value (MoneyValue.matches). Gold spans without
    a value cannot be judged; they are counted apart."""
    matched = correct = without_value = 0
    for a in aligned:
        for g, p in a.correct:
            if g.label != "MONEY":
                continue
            if g.span.value is None:
                without_value += 1
                continue
            matched += 1
            correct += int(g.span.value.matches(p.span.value))
    return {
        "matched": matched,
        "correct": correct,
        "accuracy": correct / matched if matched else 0.0,
        "gold_without_value": without_value,
    }
