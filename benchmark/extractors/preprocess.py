"""Text normalization applied to words before a model sees them.

Arabic NER models were trained on text without short-vowel marks (harakat)
or tatweel, often with one digit script. Feeding them diacritized or
stretched words turns known words into unknown sub-tokens, so the harness
normalizes each word the way the model's training data looked.

Every operation here either deletes a character or replaces it with exactly
one other character, so a position in the normalized text always maps back to
a position in the untouched text (`Normalized.to_original`). Scores are
computed over the untouched text; nothing here ever changes gold offsets.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from ..errors import InputError

# The harakat CAMeL Tools removes (camel_tools.utils.charsets.AR_DIAC_CHARSET):
# tanween (U+064B-U+064D), fatha, damma, kasra, shadda, sukun (U+064E-U+0652)
# and the superscript (dagger) alef U+0670.
_CAMEL_DIACRITICS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
# Further marks that never carry a letter of their own: the less common
# vowel signs U+0656-U+065F (subscript alef, inverted damma, ...) and the
# Quranic annotation signs. U+0653-U+0655 (madda, hamza above/below) are
# left alone: in decomposed text they are part of a letter (ا + U+0654 = أ).
_EXTRA_DIACRITICS = (
    "".join(map(chr, range(0x0656, 0x0660)))
    + "".join(map(chr, range(0x0610, 0x061B)))
    + "".join(map(chr, range(0x06D6, 0x06DD)))
    + "".join(map(chr, range(0x06DF, 0x06E5)))
    + "\u06e7\u06e8"
    + "".join(map(chr, range(0x06EA, 0x06EE)))
)
DIACRITICS: frozenset[str] = frozenset(_CAMEL_DIACRITICS + _EXTRA_DIACRITICS)
TATWEEL = "\u0640"  # ـ the stretching character, never part of spelling

_LATIN_DIGITS = "0123456789"
_ARABIC_INDIC_DIGITS = "".join(chr(0x0660 + i) for i in range(10))  # ٠١٢٣٤٥٦٧٨٩
_EXTENDED_DIGITS = "".join(chr(0x06F0 + i) for i in range(10))  # ۰۱۲۳۴۵۶۷۸۹ (Persian/Urdu)

# digits: "keep" leaves them; "latin" writes every digit 0-9; "arabic-indic"
# writes every digit in U+0660-U+0669. Extended (Persian) digits are
# normalized by both non-"keep" modes.
DIGIT_MODES = ("keep", "latin", "arabic-indic")


class PreprocessingError(InputError, ValueError):
    """A preprocessing configuration is invalid; the message says which key."""


@dataclass(frozen=True)
class Normalized:
    """A normalized text and, for each of its positions, the original position.

    `offsets[i]` is the index in the original text of `text[i]`;
    `offsets[len(text)]` is the length of the original text.
    """

    text: str
    offsets: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map [start, end) in the normalized text to the original text.

        A deleted character (a haraka, a tatweel) belongs to the letter before
        it, so the end maps past any deleted characters that follow the last
        kept one: "كتابٌ" normalized to "كتاب" maps [0, 4) back to [0, 5).
        """
        if not 0 <= start <= end <= len(self.text):
            raise IndexError(f"span [{start}, {end}) is outside a text of length {len(self.text)}")
        return self.offsets[start], self.offsets[end]


@dataclass(frozen=True)
class Preprocessing:
    """Which normalizations to apply. The all-False default changes nothing."""

    dediacritize: bool = False
    drop_tatweel: bool = False
    digits: str = "keep"

    def __post_init__(self) -> None:
        for key in ("dediacritize", "drop_tatweel"):
            if not isinstance(getattr(self, key), bool):
                raise PreprocessingError(f"preprocessing.{key} must be true or false, got {getattr(self, key)!r}")
        if self.digits not in DIGIT_MODES:
            raise PreprocessingError(
                f"preprocessing.digits must be one of {', '.join(DIGIT_MODES)}; got {self.digits!r}"
            )

    @classmethod
    def from_config(cls, config: dict | None, base: "Preprocessing | None" = None) -> "Preprocessing":
        """Build from a model card's [preprocessing] table; missing keys keep `base`'s value."""
        base = base if base is not None else cls()
        if config is None:
            return base
        unknown = sorted(set(config) - {"dediacritize", "drop_tatweel", "digits"})
        if unknown:
            raise PreprocessingError(
                f"unknown preprocessing key(s): {', '.join(unknown)}; expected dediacritize, drop_tatweel, digits"
            )
        return replace(base, **config)

    def to_config(self) -> dict:
        return asdict(self)

    @property
    def is_identity(self) -> bool:
        return not self.dediacritize and not self.drop_tatweel and self.digits == "keep"

    def _table(self) -> dict[int, str | None]:
        table: dict[int, str | None] = {}
        if self.dediacritize:
            table.update({ord(ch): None for ch in DIACRITICS})
        if self.drop_tatweel:
            table[ord(TATWEEL)] = None
        if self.digits == "latin":
            table.update({ord(a): latin for a, latin in zip(_ARABIC_INDIC_DIGITS, _LATIN_DIGITS)})
            table.update({ord(e): latin for e, latin in zip(_EXTENDED_DIGITS, _LATIN_DIGITS)})
        elif self.digits == "arabic-indic":
            table.update({ord(latin): a for latin, a in zip(_LATIN_DIGITS, _ARABIC_INDIC_DIGITS)})
            table.update({ord(e): a for e, a in zip(_EXTENDED_DIGITS, _ARABIC_INDIC_DIGITS)})
        return table

    def apply(self, text: str) -> str:
        """The normalized text (fast path: no offsets)."""
        if self.is_identity:
            return text
        return text.translate(_cached_table(self))

    def apply_with_offsets(self, text: str) -> Normalized:
        """The normalized text with the map back to the original positions."""
        table = _cached_table(self)
        out: list[str] = []
        offsets: list[int] = []
        for i, ch in enumerate(text):
            mapped = table.get(ord(ch), ch)
            if mapped is None:
                continue
            out.append(mapped)
            offsets.append(i)
        offsets.append(len(text))
        return Normalized("".join(out), tuple(offsets))


_TABLES: dict[Preprocessing, dict[int, str | None]] = {}


def _cached_table(pre: Preprocessing) -> dict[int, str | None]:
    # Preprocessing is frozen (hashable) and has 12 possible values.
    table = _TABLES.get(pre)
    if table is None:
        table = _TABLES[pre] = pre._table()
    return table


def dediacritize(text: str) -> str:
    """`text` without harakat (see DIACRITICS)."""
    return Preprocessing(dediacritize=True).apply(text)
