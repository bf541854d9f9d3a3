"""Cutting a document into the chunks an LLM is sent.

A chunk is a run of whole paragraphs (lines) that fits `budget` characters;
a paragraph longer than the budget is cut into runs of whole sentences, and a
sentence longer than the budget at the last space before it. Each chunk is an
exact slice `text[start:end]` of the untouched document (leading and trailing
whitespace trimmed), so offsets found in a chunk map back to the document by
adding `start`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? ؟ or … followed by whitespace (not inside 3.5 or ر.س).
_SENTENCE_END = re.compile(r"(?<=[.!?؟…])\s+")


@dataclass(frozen=True)
class Chunk:
    index: int  # position in the document, from 0
    start: int  # offsets of the chunk in the document: text[start:end]
    end: int
    text: str


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pieces(text: str, start: int, end: int, pattern: re.Pattern) -> list[tuple[int, int]]:
    """[start, end) cut after each match of `pattern` (the separator stays with the left piece)."""
    out, left = [], start
    for match in pattern.finditer(text, start, end):
        out.append((left, match.end()))
        left = match.end()
    if left < end:
        out.append((left, end))
    return out


def _hard_cut(text: str, start: int, end: int, budget: int) -> list[tuple[int, int]]:
    """A sentence longer than the budget: cut at the last space that fits (or anywhere if none)."""
    out = []
    while end - start > budget:
        cut = text.rfind(" ", start + 1, start + budget + 1)
        cut = cut if cut > start else start + budget
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _pack(text: str, pieces: list[tuple[int, int]], budget: int) -> list[tuple[int, int]]:
    """Greedily join consecutive pieces while the joined span fits the budget."""
    out: list[tuple[int, int]] = []
    for start, end in pieces:
        if out and end - out[-1][0] <= budget:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def chunk_document(text: str, budget: int) -> list[Chunk]:
    """The chunks of `text`, in reading order, each at most `budget` characters
    (after trimming) unless a single word is longer."""
    if budget < 1:
        raise ValueError(f"chunk budget must be positive, not {budget}")
    units: list[tuple[int, int]] = []
    for p_start, p_end in _pieces(text, 0, len(text), re.compile(r"\n")):
        p_start, p_end = _trim(text, p_start, p_end)
        if p_start == p_end:
            continue
        if p_end - p_start <= budget:
            units.append((p_start, p_end))
            continue
        sentences = []
        for s_start, s_end in _pieces(text, p_start, p_end, _SENTENCE_END):
            s_start, s_end = _trim(text, s_start, s_end)
            if s_start < s_end:
                sentences.extend(_hard_cut(text, s_start, s_end, budget))
        units.extend(_pack(text, sentences, budget))
    chunks = []
    for index, (start, end) in enumerate(_pack(text, units, budget)):
        start, end = _trim(text, start, end)
        chunks.append(Chunk(index, start, end, text[start:end]))
    return chunks
