"""Long documents cut into model windows of whole words, and which window each
word takes its label from.

Pure planning over sub-token counts (no torch): `plan_windows` covers a
document with windows that overlap by `stride` words, `assign_words` gives each
word the window where it has the most context on its short side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import InputError
from ..types import Token


class ExtractorConfigError(InputError, ValueError):
    """An inference option is invalid (device, word alignment, lengths)."""


def plan_windows(piece_counts: Sequence[int], capacity: int, stride: int) -> list[tuple[int, int]]:
    """Windows [first word, last word + 1) covering every word of a document.

    A window holds as many whole words as fit in `capacity` sub-tokens (at
    least one word: a single word longer than the capacity is truncated by the
    caller, which keeps its first sub-token). Consecutive windows overlap by
    `stride` words, but by at most half a window so that every window moves on.
    """
    if capacity < 1:
        raise ExtractorConfigError(f"max_length leaves no room for words (capacity {capacity})")
    windows: list[tuple[int, int]] = []
    n = len(piece_counts)
    start = 0
    while start < n:
        end, used = start, 0
        while end < n and (end == start or used + piece_counts[end] <= capacity):
            used += piece_counts[end]
            end += 1
        windows.append((start, end))
        if end >= n:
            break
        start = max(end - stride, start + max(1, (end - start) // 2))
    return windows


def assign_words(windows: Sequence[tuple[int, int]], n_words: int) -> list[int]:
    """For each word, the index of the window it takes its label from: the one
    where its context on the short side is longest. A window edge that is also
    the document's edge limits nothing (there is no context to miss there).
    Ties go to the earlier window."""
    best = [-1] * n_words
    best_score = [-1.0] * n_words
    for w, (start, end) in enumerate(windows):
        for i in range(start, end):
            left = i - start if start > 0 else float("inf")
            right = end - 1 - i if end < n_words else float("inf")
            score = min(left, right)
            if score > best_score[i]:
                best[i], best_score[i] = w, score
    return best


@dataclass
class _Window:
    """One model input: a run of a document's words and where their first
    sub-tokens sit in `input_ids`."""

    doc: int
    words: list[int]  # document word indices, one per first sub-token position
    first_positions: list[int]
    input_ids: list[int]


@dataclass
class EncodedCorpus:
    """Everything predict() computes before the model runs."""

    tokens: list[list[Token]]  # per document: the benchmark words
    windows: list[_Window]
    owner: list[list[int]]  # per document, per word: the window index its label comes from, -1 for none
    n_words: int
    n_empty: int  # words with no sub-token (tagged O)
