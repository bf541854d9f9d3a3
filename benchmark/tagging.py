"""Projection between character spans and IOB2 tags over the benchmark tokens.

spans -> tags: a token takes a span's label when it overlaps the span at all;
the span's first such token is B-, the rest I-. So a gold span that leaves out
a proclitic ("و" of "وكازاخستان") and a prediction that keeps it land on the
same token and score the same.

tags -> spans: each B-X I-X... run becomes the character span from its first
token's start to its last token's end.

Model output is not always valid IOB2 (an I- after O, or B-X I-Y); `repair`
fixes it by a stated rule and counts what it changed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Iterable, Sequence

from .types import Span, Token

OUTSIDE = "O"


class TokenIndex:
    """The offsets of one text's tokens, collected once, so that any number of
    character ranges can be mapped to token ranges by binary search. Every
    span -> token mapping (the IOB2 projection, gold validation, the scorer's
    error alignment and resampling units) goes through `token_range`, so they
    all agree on what "a token the span touches" means."""

    __slots__ = ("starts", "ends")

    def __init__(self, tokens: Sequence[Token]):
        self.starts = [t.start for t in tokens]
        self.ends = [t.end for t in tokens]

    def token_range(self, start: int, end: int) -> tuple[int, int]:
        """Indices [first, last+1) of the tokens that overlap [start, end);
        first == last when none does (first is then the next token)."""
        first = bisect_right(self.ends, start)  # first token whose end > start
        last = bisect_left(self.starts, end)  # first token whose start >= end
        return first, last


def token_range(tokens: Sequence[Token], start: int, end: int) -> tuple[int, int]:
    """Indices [first, last+1) of the tokens that overlap [start, end). For
    one lookup; map many spans over the same tokens with one TokenIndex."""
    return TokenIndex(tokens).token_range(start, end)


def spans_to_tags(tokens: Sequence[Token], spans: Iterable[Span]) -> list[str]:
    """IOB2 tags for `tokens`. Overlapping spans must have been rejected earlier
    (see validate); if two spans touch one token, the earlier span wins."""
    tags = [OUTSIDE] * len(tokens)
    index = TokenIndex(tokens)
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        first, last = index.token_range(span.start, span.end)
        if first >= last or tags[first] != OUTSIDE:
            continue
        tags[first] = f"B-{span.label}"
        for i in range(first + 1, last):
            if tags[i] != OUTSIDE:
                break
            tags[i] = f"I-{span.label}"
    return tags


def split_tag(tag: str) -> tuple[str, str | None]:
    """("B", "ORG") for "B-ORG", ("O", None) for "O"."""
    if tag == OUTSIDE:
        return OUTSIDE, None
    prefix, _, label = tag.partition("-")
    return prefix, label


def tags_to_spans(text: str, tokens: Sequence[Token], tags: Sequence[str]) -> list[Span]:
    """Character spans of the entities in valid IOB2 `tags` (see `repair`)."""
    spans: list[Span] = []
    open_label: str | None = None
    open_first = 0

    def close(upto: int) -> None:
        if open_label is not None:
            start, end = tokens[open_first].start, tokens[upto - 1].end
            spans.append(Span(start, end, open_label, text[start:end]))

    for i, tag in enumerate(tags):
        prefix, label = split_tag(tag)
        if prefix == "I" and label == open_label:
            continue
        close(i)
        open_label, open_first = (label, i) if prefix in ("B", "I") else (None, i)
    close(len(tags))
    return spans


# How an I-X that does not continue an X entity is repaired:
#  - "default" (conlleval, seqeval's default mode): it starts a new X entity,
#    i.e. it is read as B-X.
#  - "strict" (seqeval strict IOB2): it is not a valid entity start and is
#    dropped, i.e. read as O.
REPAIR_MODES = ("default", "strict")


def repair(tags: Sequence[str], mode: str = "default") -> tuple[list[str], int]:
    """Make `tags` valid IOB2; return (tags, number of tags changed)."""
    if mode not in REPAIR_MODES:
        raise ValueError(f"unknown repair mode {mode!r}; expected one of {REPAIR_MODES}")
    fixed: list[str] = []
    changes = 0
    previous_label: str | None = None
    for tag in tags:
        prefix, label = split_tag(tag)
        if prefix == "I" and label != previous_label:
            changes += 1
            if mode == "default":
                tag = f"B-{label}"
            else:
                tag, label = OUTSIDE, None
        fixed.append(tag)
        previous_label = label
    return fixed, changes
