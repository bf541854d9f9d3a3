"""seqeval's two readings of a tag sequence, reduced to per-unit counts.

  strict   seqeval `mode="strict", scheme=IOB2`: entities are read with
           seqeval.scheme.Entities(..., IOB2). An entity must start with B-;
           an I-X that does not continue an X entity starts nothing, and
           `B-ORG I-LOC` is one ORG entity of one token.
  default  seqeval's default (conlleval-compatible) mode: entities are read
           with seqeval.metrics.sequence_labeling.get_entities. An I-X after
           O or after another type starts a new X entity.

We call seqeval's own extraction (not a re-implementation) on each sequence,
then count per unit, so that the corpus totals equal what
seqeval.metrics.classification_report gives on the same sequences (pinned by
tests/test_scoring_seqeval.py) while the bootstrap can resample units.

seqeval is imported on first use: it pulls in scikit-learn, which commands
that never score should not pay for.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Sequence

import numpy as np

from .counts import UnitCounts

MODES = ("strict", "default")


@lru_cache(maxsize=1)
def _seqeval():
    from seqeval.metrics.sequence_labeling import get_entities
    from seqeval.scheme import IOB2, Entities

    return get_entities, Entities, IOB2


def check_mode(mode: str) -> None:
    if mode not in MODES:
        raise ValueError(f"unknown seqeval mode {mode!r}; expected one of {MODES}")


def extract_entities(tags: Sequence[str], mode: str) -> list[tuple[str, int, int]]:
    """(type, first token, last token + 1) of each entity seqeval reads in
    `tags` under `mode`."""
    check_mode(mode)
    return list(_extract_cached(tuple(tags), mode))


@lru_cache(maxsize=4096)
def _extract_cached(tags: tuple[str, ...], mode: str) -> tuple[tuple[str, int, int], ...]:
    # Cached because gold sequences are re-read on every evaluate() and
    # paired_bootstrap() call over the same corpus.
    get_entities, Entities, IOB2 = _seqeval()
    if not tags:
        return ()
    if mode == "strict":
        # seqeval's strict reader copies the rest of the sequence for every
        # entity it meets (Tokens._forward slices it), which is quadratic in a
        # long document. It is fed pieces that end with an "O" instead: an
        # entity never spans an "O", and after one the reader is in the state
        # it starts a sequence in, so the pieces give exactly the entities of
        # the whole (tests/test_scoring_seqeval.py checks it on random tags).
        found = []
        for first, end in _pieces(tags, PIECE):
            piece = Entities([list(tags[first:end])], IOB2).entities[0]
            found += [(e.tag, e.start + first, e.end + first) for e in piece]
        return tuple(found)
    # get_entities' end is inclusive.
    return tuple((label, start, end + 1) for label, start, end in get_entities(list(tags)))


# Tags per piece given to seqeval's strict reader: long enough that its
# per-call cost does not matter, short enough that its per-entity copy does not.
PIECE = 2000


def _pieces(tags: Sequence[str], size: int) -> list[tuple[int, int]]:
    """[first, end) ranges covering `tags`, each (but the last) ending with an
    "O" at or after `size` tags from its start."""
    pieces, first = [], 0
    while first < len(tags):
        end = first + size
        while end < len(tags) and tags[end - 1] != "O":
            end += 1
        end = min(end, len(tags))
        pieces.append((first, end))
        first = end
    return pieces


def sequence_counts(
    sequences: Iterable[tuple[Sequence[str], Sequence[str], Sequence[int] | np.ndarray]],
    mode: str,
    n_units: int,
    types: tuple[str, ...] | None = None,
) -> UnitCounts:
    """Counts of seqeval entities per unit.

    `sequences` yields (gold_tags, pred_tags, unit_of_token) for every
    sequence seqeval should see (a document, or a CoNLL sentence);
    unit_of_token[i] is the resampling unit of token i, and an entity belongs
    to the unit of its first token. A true positive is a gold entity that the
    prediction has with the same type and the same first and last token.

    `types` fixes the columns (unknown types raise ValueError); None takes
    every type found, sorted.
    """
    check_mode(mode)
    records = []  # (unit, type, kind) with kind 0 = tp, 1 = pred, 2 = gold
    found_types: set[str] = set()
    for gold_tags, pred_tags, unit_of_token in sequences:
        if len(gold_tags) != len(pred_tags):
            raise ValueError(f"gold has {len(gold_tags)} tags but prediction has {len(pred_tags)}")
        gold = set(extract_entities(gold_tags, mode))
        pred = set(extract_entities(pred_tags, mode))
        for kind, entities in ((0, gold & pred), (1, pred), (2, gold)):
            for label, first, _ in entities:
                records.append((unit_of_token[first], label, kind))
                found_types.add(label)
    if types is None:
        types = tuple(sorted(found_types))
    else:
        unknown = found_types - set(types)
        if unknown:
            raise ValueError(f"entity type(s) {sorted(unknown)} not among {list(types)}")
    counts = UnitCounts.zeros(n_units, types)
    column = {t: i for i, t in enumerate(types)}
    targets = (counts.tp, counts.n_pred, counts.n_gold)
    for unit, label, kind in records:
        targets[kind][unit, column[label]] += 1
    return counts


def unit_array(n_tokens: int, unit: int) -> np.ndarray:
    """unit_of_token for a sequence that is one unit."""
    return np.full(n_tokens, unit, dtype=np.int64)


def score_sequences(
    gold: Sequence[Sequence[str]],
    pred: Sequence[Sequence[str]],
    mode: str,
    types: tuple[str, ...] | None = None,
) -> dict:
    """seqeval scores of tag sequences (e.g. the sentences of a CoNLL file):
    {"overall", "per_type", "macro_f1"}; per_type holds `types`, or every
    type found in gold or prediction when None."""
    from .counts import summarize

    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sequences but {len(pred)} predicted")
    sequences = ((g, p, unit_array(len(g), i)) for i, (g, p) in enumerate(zip(gold, pred)))
    return summarize(sequence_counts(sequences, mode, len(gold), types))
