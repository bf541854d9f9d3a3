"""The lexer of the MONEY grammar (parser.py): the text as units (digit runs,
words with their proclitics split off, punctuation), with character offsets
into the untouched text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lex
from .values import _ascii_number

# --- lexer ------------------------------------------------------------------

_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
# Arabic letters, marks and tatweel, and Latin letters. Leaves out the Arabic
# percent sign, decimal and thousands separators (U+066A-066C) and full stop.
_LETTERS = "\u0610-\u061a\u0620-\u065f\u066e-\u06d3\u06d5-\u06ed\u06fa-\u06ffA-Za-z"
_TOKEN_RE = re.compile(
    rf"(?P<rev>(?P<frac>[{_DIGITS}]+)ر(?P<int>[{_DIGITS}]+))(?![{_DIGITS}])"
    rf"|(?P<num>[{_DIGITS}]+(?:[.,٫٬،][{_DIGITS}]+)*)"
    rf"|(?P<word>[{_LETTERS}]+)"
    r"|(?P<sym>\S)"
)
# Bidi marks, zero-width characters and BOM separate tokens like whitespace.
_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_GAP_RE = re.compile(rf"[\s{_INVISIBLE}]+")

_CLITIC_KEYS = frozenset(lex.PROCLITICS)
# Two-letter stems that may still lose a proclitic ("وست" = و + ست, "بنص" = ب + نص).
_SHORT_STEMS = frozenset({"ست", "نص"})
_LEXICAL = frozenset().union(
    lex.UNITS,
    lex.TEEN_HEADS,
    lex.TEN_WORDS,
    lex.TENS,
    lex.HUNDREDS,
    lex.FRACTIONS,
    lex.SCALES,
    lex.CURRENCY_NOUNS,
    lex.VAGUE_QUANTIFIERS,
)
_HALF_WORDS = {word: lex.FRACTIONS[word] for word in ("نصف", "ربع")}  # "ونصف"، "وربع" after a scale
_ONE_WORDS = {"واحد", "واحده", "واحدا"}
# Number words that may carry the article in an amount ("المئة مليار دولار").
# Not اثنين/اثنان: with the article they are the weekday Monday.
_DEFINITE_NUMBER_STEMS = frozenset().union(lex.UNITS, lex.TENS, lex.HUNDREDS, lex.TEN_WORDS) - {"اثنين", "اثنان"}
_TWO_WORDS = {"اثنان", "اثنين"}


@dataclass(frozen=True)
class _Unit:
    """One lexical unit: a number, a word (or word stem), a proclitic or a symbol."""

    start: int
    end: int
    kind: str  # "num" | "word" | "clitic" | "sym"
    key: str  # normalized word; for "num" the digits in ASCII with their separators
    raw: str
    glued: bool  # no whitespace between the previous unit and this one


def _word_units(start: int, raw: str, glued: bool) -> list[_Unit]:
    """A word as one unit, or as proclitic + stem when the stem is a money word."""
    end = start + len(raw)
    key = lex.normalize(raw)
    if key in _CLITIC_KEYS:
        return [_Unit(start, end, "clitic", key, raw, glued)]
    if key in _LEXICAL or not key:
        return [_Unit(start, end, "word", key, raw, glued)]
    kept = [k for k, ch in enumerate(raw) if lex.strip_marks(ch)]  # raw index of each key char
    for clitic in lex.PROCLITICS:
        if not key.startswith(clitic) or len(key) == len(clitic):
            continue
        stem = key[len(clitic) :]
        if clitic.endswith("ل") and stem.startswith("ل") and "ا" + stem in _LEXICAL:
            stem = "ا" + stem  # لل = ل + ال with the alef not written: only the first ل is the clitic
        elif stem not in _LEXICAL:
            continue
        if len(stem) < 3 and stem not in _SHORT_STEMS:
            continue  # "بين" is not ب + ين (yen)
        cut = start + kept[len(clitic)]
        return [
            _Unit(start, cut, "clitic", clitic, raw[: cut - start], glued),
            _Unit(cut, end, "word", stem, raw[cut - start :], True),
        ]
    # A typo glues a currency noun to "و" + the next word ("ديناروتحقيق"): the
    # span still ends after the noun (GUIDELINES 2, a span may end inside a token).
    for k in range(4, len(key) - 2):
        if key[k] == "و" and key[:k] in lex.CURRENCY_NOUNS:
            noun_end, rest = start + kept[k], start + kept[k + 1]
            return [
                _Unit(start, noun_end, "word", key[:k], raw[: noun_end - start], glued),
                _Unit(noun_end, rest, "clitic", "و", raw[noun_end - start : rest - start], True),
                _Unit(rest, end, "word", key[k + 1 :], raw[rest - start :], True),
            ]
    return [_Unit(start, end, "word", key, raw, glued)]


def _lex(text: str) -> list[_Unit]:
    units: list[_Unit] = []
    pos, glued = 0, False
    while pos < len(text):
        gap = _GAP_RE.match(text, pos)
        if gap:
            pos, glued = gap.end(), False
            continue
        match = _TOKEN_RE.match(text, pos)
        # _TOKEN_RE ends in a one-character catch-all, so it matches at every position.
        assert match is not None
        raw, kind = match.group(0), match.lastgroup
        if match.group("rev"):
            # "7ر10": the part after ر is the integer part, before it the fraction.
            key = f"{match.group('int')}٫{match.group('frac')}".translate(lex.DIGIT_MAP)
            units.append(_Unit(pos, match.end(), "num", key, raw, glued))
        elif kind == "num":
            units.append(_Unit(pos, match.end(), "num", _ascii_number(raw), raw, glued))
        elif kind == "word":
            units.extend(_word_units(pos, raw, glued))
        else:
            units.append(_Unit(pos, match.end(), "sym", raw, raw, glued))
        pos, glued = match.end(), True
    return units
