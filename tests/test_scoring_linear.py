"""The scorer's shortcuts for long documents (issue 9, "Linear cost") give exactly the
answers of the plain definitions: seqeval's strict reader over the whole sequence,
the alignment's and the span views' scans over every gold entity."""

from __future__ import annotations

import random

import pytest

from benchmark.scoring import seqeval_metrics
from benchmark.scoring.alignment import Entity, align
from benchmark.scoring.span_metrics import _partial_rule, match_spans
from benchmark.types import Span

TAGS = ["O", "O", "O", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "I-ORG", "B-MONEY", "I-MONEY"]


def whole_strict(tags: list[str]) -> list[tuple[str, int, int]]:
    from seqeval.scheme import IOB2, Entities

    return [(e.tag, e.start, e.end) for e in Entities([tags], IOB2).entities[0]]


@pytest.mark.parametrize("seed", range(25))
def test_strict_read_in_pieces_equals_the_whole(seed, monkeypatch):
    # Small pieces, so that every sequence is cut many times; invalid IOB2 (I- after O,
    # B-X I-Y) and long runs without an "O" included.
    monkeypatch.setattr(seqeval_metrics, "PIECE", 5)
    rng = random.Random(seed)
    tags = [rng.choice(TAGS) for _ in range(rng.randrange(1, 400))]
    if seed % 5 == 0:
        tags[10:60] = ["I-ORG"] * 50
    assert seqeval_metrics.extract_entities(tags, "strict") == whole_strict(tags)


def test_pieces_end_with_an_o_and_cover_the_sequence():
    tags = ["B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "O", "O"]
    assert seqeval_metrics._pieces(tags, 2) == [(0, 4), (4, 6), (6, 7)]
    assert seqeval_metrics._pieces(["I-ORG"] * 5, 2) == [(0, 5)]


def reference_align(gold, pred):
    """alignment.align as first written: every leftover prediction scans every gold entity."""
    from benchmark.scoring.alignment import Alignment

    result = Alignment()
    by_range = {(g.first, g.end): g for g in gold}
    used: set[int] = set()
    rest = []
    for p in pred:
        g = by_range.get((p.first, p.end))
        if g is None:
            rest.append(p)
        elif g.label == p.label:
            result.correct.append((g, p))
            used.add(id(g))
        else:
            result.type.append((g, p))
            used.add(id(g))
    for p in rest:
        overlapping = [g for g in gold if id(g) not in used and g.first < p.end and p.first < g.end]
        if not overlapping:
            result.false_positives.append(p)
            continue
        same = [g for g in overlapping if g.label == p.label]
        g = max(same or overlapping, key=lambda g: (min(g.end, p.end) - max(g.first, p.first), -g.first))
        (result.boundary if same else result.type).append((g, p))
        used.add(id(g))
    result.false_negatives.extend(g for g in gold if id(g) not in used)
    return result


def random_entities(rng: random.Random, n_tokens: int) -> list[Entity]:
    """Disjoint entities in token order, as one IOB2 projection gives them."""
    out, i = [], rng.randrange(3)
    while i < n_tokens:
        end = min(n_tokens, i + rng.randrange(1, 5))
        label = rng.choice(["ORG", "LOC", "MONEY"])
        out.append(Entity(label, i, end, Span(i, end, label)))
        i = end + rng.randrange(0, 4)
    return out


@pytest.mark.parametrize("seed", range(25))
def test_alignment_equals_the_scan(seed):
    rng = random.Random(seed)
    gold, pred = random_entities(rng, 120), random_entities(rng, 120)
    fast, slow = align(gold, pred), reference_align(gold, pred)
    for kind in ("correct", "boundary", "type", "false_positives", "false_negatives"):
        assert getattr(fast, kind) == getattr(slow, kind), kind


def reference_match(gold, pred, loose):
    """span_metrics.match_spans as first written (every open prediction scans every gold span)."""
    exact_index = {(s.start, s.end, s.label): i for i, s in enumerate(gold)}
    pairs, used_gold, open_pred = [], set(), []
    for j, p in enumerate(pred):
        i = exact_index.get((p.start, p.end, p.label))
        if i is not None and i not in used_gold:
            pairs.append((i, j, 1.0))
            used_gold.add(i)
        else:
            open_pred.append(j)
    candidates = []
    for j in open_pred:
        p = pred[j]
        for i, g in enumerate(gold):
            if i in used_gold or g.start >= p.end or g.end <= p.start:
                continue
            credit = loose(g, p)
            if credit > 0:
                candidates.append((-credit, -(min(g.end, p.end) - max(g.start, p.start)), g.start, p.start, i, j))
    taken = set()
    for neg, _, _, _, i, j in sorted(candidates):
        if i in used_gold or j in taken:
            continue
        pairs.append((i, j, -neg))
        used_gold.add(i)
        taken.add(j)
    return pairs


@pytest.mark.parametrize("seed", range(25))
def test_partial_matching_equals_the_scan(seed):
    # gold sorted as prepare.unique_sorted leaves it; overlapping gold spans too
    # (the scorer does not require them disjoint) and one long span
    rng = random.Random(seed)

    def spans(n):
        out = []
        for _ in range(n):
            start = rng.randrange(0, 300)
            out.append(
                Span(
                    start,
                    start + rng.randrange(1, 60 if rng.random() < 0.05 else 8),
                    rng.choice(["ORG", "LOC", "MONEY"]),
                )
            )
        return tuple(sorted(set(out)))

    gold, pred = spans(60), spans(60)
    assert match_spans(gold, pred, _partial_rule) == reference_match(gold, pred, _partial_rule)
