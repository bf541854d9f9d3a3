"""DisjointIntervals gives the answers of the scans it replaced ("does this overlap one taken?")."""

from __future__ import annotations

import random

import pytest

from benchmark.intervals import DisjointIntervals


def scan_overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """The scan the passes used to run (harness merge, gazetteer select)."""
    return any(start < e and s < end for s, e in taken)


@pytest.mark.parametrize("seed", range(30))
def test_same_choices_as_the_scan_in_any_order(seed):
    # Random intervals, empty and reversed ones included, offered in random
    # order: the greedy choice with the index equals the choice with the scan.
    rng = random.Random(seed)
    offered = []
    for _ in range(300):
        start = rng.randrange(0, 200)
        kind = rng.random()
        end = start if kind < 0.1 else start - rng.randrange(1, 5) if kind < 0.15 else start + rng.randrange(1, 12)
        offered.append((start, end))
    scanned: list[tuple[int, int]] = []
    held = DisjointIntervals()
    for start, end in offered:
        expected = scan_overlaps(scanned, start, end)
        assert held.overlaps(start, end) == expected, (start, end, sorted(scanned))
        if not expected:
            scanned.append((start, end))
            held.add(start, end)
    assert len(held) == len(scanned)
    # queries of every shape against the final set
    for start in range(-2, 205, 3):
        for end in range(start - 3, start + 15, 2):
            assert held.overlaps(start, end) == scan_overlaps(scanned, start, end), (start, end)


def test_empty_intervals_at_borders():
    held = DisjointIntervals([(3, 8)])
    assert not held.overlaps(3, 3) and not held.overlaps(8, 8)  # at a border: no overlap
    assert held.overlaps(5, 5)  # strictly inside: overlaps, as in the scan
    held.add(8, 8)
    held.add(3, 3)
    assert held.overlaps(7, 9) and not held.overlaps(8, 12)


def test_adding_an_overlapping_interval_is_refused():
    held = DisjointIntervals([(0, 5)])
    with pytest.raises(ValueError, match=r"\[4, 6\) overlaps"):
        held.add(4, 6)
