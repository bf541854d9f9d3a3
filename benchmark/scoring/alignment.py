"""Token-level pairing of gold and predicted entities, for error analysis.

The entities are the ones seqeval scores: the IOB2 projection of each side's
spans (tagging.spans_to_tags), read back as (label, first token, end token).
Each is traced to the character span it came from, so error lists can show
the Arabic text. Pairs are formed one-to-one, in this order:

  correct   same token range, same label
  type      same token range, different label
  boundary  overlapping token ranges, same label, different range
  type      overlapping token ranges, different labels (when no same-label
            overlap is left for that prediction)
  false positive / false negative: whatever is left on each side.

A predicted span that the projection drops (it covers no token, or its first
token already belongs to another predicted span) is `dropped`: seqeval never
sees it, so it is neither right nor wrong there.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Sequence

from ..tagging import TokenIndex
from ..types import Span, Token


@dataclass(frozen=True)
class Entity:
    label: str
    first: int
    end: int
    span: Span  # the character span the entity was projected from


@dataclass
class Alignment:
    correct: list[tuple[Entity, Entity]] = field(default_factory=list)
    boundary: list[tuple[Entity, Entity]] = field(default_factory=list)
    type: list[tuple[Entity, Entity]] = field(default_factory=list)
    false_positives: list[Entity] = field(default_factory=list)
    false_negatives: list[Entity] = field(default_factory=list)
    dropped: list[Span] = field(default_factory=list)


def projected_entities(
    tokens: Sequence[Token], spans: Sequence[Span], tags: Sequence[str]
) -> tuple[list[Entity], list[Span]]:
    """The entities of the projected `tags` (valid IOB2 by construction),
    each with its source span; and the spans the projection dropped.

    spans_to_tags gives a token to the earliest span (by start, end) that
    reaches it first, so the source of an entity starting at token t with
    label L is the earliest span with that label whose first token is t."""
    source: dict[tuple[int, str], Span] = {}
    index = TokenIndex(tokens)
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        lo, hi = index.token_range(span.start, span.end)
        if lo < hi:
            source.setdefault((lo, span.label), span)
    entities: list[Entity] = []
    first: int | None = None
    for i, tag in enumerate(list(tags) + ["O"]):
        if first is not None and not tag.startswith("I-"):
            label = tags[first][2:]
            entities.append(Entity(label, first, i, source[(first, label)]))
            first = None
        if tag.startswith("B-"):
            first = i
    kept = {id(e.span) for e in entities}
    dropped = [s for s in spans if id(s) not in kept]
    return entities, dropped


def align(gold: Sequence[Entity], pred: Sequence[Entity]) -> Alignment:
    result = Alignment()
    by_range = {(g.first, g.end): g for g in gold}  # gold entities never overlap
    used: set[int] = set()
    rest: list[Entity] = []
    same_range_type: list[tuple[Entity, Entity]] = []
    for p in pred:
        g = by_range.get((p.first, p.end))
        if g is None:
            rest.append(p)
        elif g.label == p.label:
            result.correct.append((g, p))
            used.add(id(g))
        else:
            same_range_type.append((g, p))
            used.add(id(g))
    result.type.extend(same_range_type)
    # Gold entities are disjoint and in token order (one IOB2 projection), so
    # those a prediction overlaps are the ones between two binary searches.
    firsts, ends = [g.first for g in gold], [g.end for g in gold]
    ordered = all(g.first < g.end for g in gold) and all(a <= b for a, b in zip(ends, firsts[1:]))
    for p in rest:
        near = gold[bisect_right(ends, p.first) : bisect_left(firsts, p.end)] if ordered else gold
        overlapping = [g for g in near if id(g) not in used and g.first < p.end and p.first < g.end]
        if not overlapping:
            result.false_positives.append(p)
            continue
        same = [g for g in overlapping if g.label == p.label]
        pool = same or overlapping
        g = max(pool, key=lambda g: (min(g.end, p.end) - max(g.first, p.first), -g.first))
        (result.boundary if same else result.type).append((g, p))
        used.add(id(g))
    result.false_negatives.extend(g for g in gold if id(g) not in used)
    return result
