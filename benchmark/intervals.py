"""A growing set of non-overlapping half-open intervals, asked "does [start, end) overlap one?".

Several passes keep a list of what they have taken so far (spans, units of a
text) and add a new interval only when it overlaps none of them. Scanning the
list for every new interval costs time in proportion to the square of the
text's length; `DisjointIntervals` answers the same question by binary search.

"Overlap" is the usual half-open test, `start < other.end and other.start <
end`, exactly as the scans it replaces wrote it, for every interval, empty
([5, 5): it overlaps only an interval that strictly contains 5) or even
reversed (start > end, which a user extractor might return): an interval added
here is kept so that `overlaps()` gives the scan's answer whatever is added.

Why binary search is enough: among intervals that pairwise do not overlap and
are not reversed, sorted by (start, end), the ends never decrease (an empty
interval sits at a border of any non-empty one, never inside it). So of the
intervals that start before `end`, the last one has the largest end, and the
query overlaps one of them exactly when it overlaps that last one. Reversed
intervals, which that argument does not cover, are kept apart and scanned.
"""

from __future__ import annotations

from bisect import bisect_left, insort


class DisjointIntervals:
    """Intervals added only where they overlap none already held (the caller
    checks with `overlaps()` first, as the scans did); `add()` of one that
    overlaps raises ValueError, since the binary search relies on it."""

    __slots__ = ("_keys", "_reversed")

    def __init__(self, intervals=()):
        self._keys: list[tuple[int, int]] = []  # (start, end), sorted
        self._reversed: list[tuple[int, int]] = []  # start > end: scanned
        for start, end in intervals:
            self.add(start, end)

    def __len__(self) -> int:
        return len(self._keys) + len(self._reversed)

    def overlaps(self, start: int, end: int) -> bool:
        """Some interval held has `start < its end and its start < end`."""
        k = bisect_left(self._keys, (end,))  # the intervals before k start before `end`
        if k and start < self._keys[k - 1][1]:
            return True
        return any(start < e and s < end for s, e in self._reversed)

    def add(self, start: int, end: int) -> None:
        if self.overlaps(start, end):
            raise ValueError(f"interval [{start}, {end}) overlaps one already held")
        if start > end:
            self._reversed.append((start, end))
        else:
            insort(self._keys, (start, end))
