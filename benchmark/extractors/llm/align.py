"""Placing the surfaces an LLM returned back into its chunk as character spans.

An LLM answers with entity strings, not offsets. Each returned surface is
placed, in the order the answer lists them, by the first rule that finds an
eligible occurrence:

  1. exact       the surface as written;
  2. normalized  both sides normalized (`normalize`): diacritics and tatweel
                 dropped; أ إ آ ٱ -> ا, ؤ -> و, ئ -> ي, ى -> ي, ة -> ه;
                 Arabic-Indic and Persian digits -> Latin, ٫ -> . and ٬ -> ,;
                 whitespace runs -> one space;
  3. proclitic   the normalized surface without one leading و ف ب ل ك (the
                 guidelines keep proclitics outside the span);
  4. li-article  a surface starting with the article ال found as ل + the rest,
                 as Arabic writes ل + ال ("للبرازيل": the span is "لبرازيل",
                 GUIDELINES 2).

An occurrence is eligible when it does not overlap a span already placed in
the chunk and it sits on word boundaries: it starts the text, follows a
non-word character, or follows one or two proclitic letters that start a word
(so "أرامكو" is found in "لأرامكو" and "الرياض" in "وبالرياض"); and it ends the text or is followed by a
non-word character. Among the eligible occurrences of the first rule that has
any, the leftmost one at or after the end of the previous placed span is taken
(reading order), otherwise the leftmost one anywhere.

A surface with no eligible occurrence is *unaligned* (a hallucination, or a
repeat with every occurrence already used) and is reported, never dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

PROCLITICS = "وفبلك"
_DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_CHAR_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ئ": "ي",
        "ى": "ي",
        "ة": "ه",
        "٫": ".",
        "٬": ",",
        **{chr(0x0660 + i): str(i) for i in range(10)},
        **{chr(0x06F0 + i): str(i) for i in range(10)},
    }
)


@dataclass(frozen=True)
class Placed:
    """A surface placed in the chunk: [start, end) relative to the chunk."""

    start: int
    end: int
    label: str
    surface: str  # what the model returned
    rule: str  # "exact", "normalized", "proclitic" or "li-article"


@dataclass(frozen=True)
class Unplaced:
    label: str
    surface: str
    reason: str  # "not in the chunk", "only inside words", "every occurrence already used"


def normalize_char(char: str) -> str:
    """The normalized form of one character ("" when it is dropped)."""
    if _DIACRITICS.match(char):
        return ""
    if char.isspace():
        return " "
    return char.translate(_CHAR_MAP)


def normalize(text: str) -> str:
    """The normalized form of a surface (whitespace collapsed and trimmed)."""
    return re.sub(r" +", " ", "".join(normalize_char(c) for c in unicodedata.normalize("NFC", text))).strip()


class NormalizedView:
    """A chunk's normalized text with a map from each normalized character
    back to the original characters it came from."""

    def __init__(self, text: str):
        chars: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for i, char in enumerate(text):
            out = normalize_char(char)
            if not out:
                if ends:  # a dropped mark belongs to the character before it
                    ends[-1] = i + 1
                continue
            if out == " " and chars and chars[-1] == " ":
                ends[-1] = i + 1
                continue
            chars.append(out)
            starts.append(i)
            ends.append(i + 1)
        self.text = "".join(chars)
        self.starts = starts
        self.ends = ends

    def original(self, start: int, end: int) -> tuple[int, int]:
        return self.starts[start], self.ends[end - 1]


def _is_word(char: str) -> bool:
    return char.isalnum() or bool(_DIACRITICS.match(char))


def on_boundaries(text: str, start: int, end: int) -> bool:
    """Does [start, end) start and end on word boundaries (one proclitic allowed before it)?"""
    if end < len(text) and _is_word(text[end]):
        return False
    # up to two proclitic letters may precede it ("وب", "ول", "فل" ...), then a word start
    for clitics in range(3):
        at = start - clitics
        if at == 0 or not _is_word(text[at - 1]):
            return all(text[i] in PROCLITICS for i in range(at, start))
    return False


def _occurrences(haystack: str, needle: str) -> list[int]:
    found, at = [], haystack.find(needle)
    while at != -1 and needle:
        found.append(at)
        at = haystack.find(needle, at + 1)
    return found


class Aligner:
    """Places the surfaces of one chunk, in the order they are given."""

    def __init__(self, text: str):
        self.text = text
        self.view = NormalizedView(text)
        self.taken: list[tuple[int, int]] = []
        self.cursor = 0

    def _free(self, start: int, end: int) -> bool:
        return not any(start < t_end and t_start < end for t_start, t_end in self.taken)

    def _candidates(self, surface: str) -> tuple[list[tuple[str, int, int]], str]:
        """(eligible (rule, start, end) of the first rule that has any, why none was eligible)."""
        reason = "not in the chunk"
        rules: list[tuple[str, str, bool]] = [("exact", surface, False)]
        norm = normalize(surface)
        rules.append(("normalized", norm, True))
        if len(norm) > 2 and norm[0] in PROCLITICS:
            rules.append(("proclitic", norm[1:].lstrip(), True))
        if len(norm) > 3 and norm.startswith("ال"):
            rules.append(("li-article", "ل" + norm[2:], True))
        for rule, needle, normalized in rules:
            if not needle:
                continue
            haystack = self.view.text if normalized else self.text
            spans = []
            for at in _occurrences(haystack, needle):
                start, end = self.view.original(at, at + len(needle)) if normalized else (at, at + len(needle))
                spans.append((start, end))
            if spans and reason == "not in the chunk":
                reason = "only inside words"
            on_words = [(s, e) for s, e in spans if on_boundaries(self.text, s, e)]
            if on_words:
                reason = "every occurrence already used"
            eligible = [(rule, s, e) for s, e in on_words if self._free(s, e)]
            if eligible:
                return eligible, reason
        return [], reason

    def place(self, label: str, surface: str) -> Placed | Unplaced:
        candidates, reason = self._candidates(surface)
        if not candidates:
            return Unplaced(label, surface, reason)
        after = [c for c in candidates if c[1] >= self.cursor]
        rule, start, end = min(after or candidates, key=lambda c: c[1])
        self.taken.append((start, end))
        self.cursor = end
        return Placed(start, end, label, surface, rule)


def align(text: str, entities: list[tuple[str, str]]) -> tuple[list[Placed], list[Unplaced]]:
    """Place every (label, surface) of one answer in `text` (see module docstring)."""
    aligner = Aligner(text)
    placed: list[Placed] = []
    unplaced: list[Unplaced] = []
    for label, surface in entities:
        result = aligner.place(label, surface)
        if isinstance(result, Placed):
            placed.append(result)
        else:
            unplaced.append(result)
    return placed, unplaced
