"""A document's normalized copy as words, and the word-level matching helpers
the `gazetteer` rules share: proclitic readings, lexicon lookup, quoted names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

import regex

from . import data
from .lexicon import Lexicon

LATIN_RE = regex.compile(r"[a-z]+")
# What may separate the words of a multi-word name: spaces, a hyphen or dash
# ("الكونغو - كينشاسا"، "آسيا-المحيط الهادي"), a hashtag inside a name
# ("جنوب #أفريقيا"), or a dot with no space (العربية.نت).
NAME_GAP_RE = regex.compile(r"\s+#?|\s*[-–]\s*|\.")
# A name in quotes right after its designator: شركة "وابتك", مجموعة «سامبا»;
# some papers write both guillemets the same way (»بوبا»).
OPEN_QUOTE_RE = regex.compile(r"\s*[\"«“»']\s*")
CLOSE_QUOTE_RE = regex.compile(r"\s*[\"»”«']")

# Proclitic letter sequences that may precede a name (conjunction, then
# preposition). ل before the article is handled apart ("لل").
_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


# Arabic verbal-noun shapes (تفعيل: تصنيف، تطوير; استفعال: استثمار) that a
# transliterated name practically never has.
# (تفاعل: تداول، تعاون.)
MASDAR_RE = regex.compile(r"ت..ي.|است...ا.|ت.ا..")


# --- the text as words --------------------------------------------------------------


@dataclass(frozen=True)
class Words:
    """A document's matching copy split into words (offsets into the copy)."""

    norm: str
    words: list[tuple[int, int]]

    def word(self, k: int) -> str:
        s, e = self.words[k]
        return self.norm[s:e]

    def gap(self, k: int) -> str:
        """What separates word k from word k+1."""
        return self.norm[self.words[k][1] : self.words[k + 1][0]]

    def after(self, k: int) -> str:
        """Everything after word k up to the next word (or the end)."""
        end = self.words[k + 1][0] if k + 1 < len(self.words) else len(self.norm)
        return self.norm[self.words[k][1] : end]

    def joined(self, k: int) -> bool:
        """Word k+1 follows word k with only spaces or a hyphen between."""
        return k + 1 < len(self.words) and NAME_GAP_RE.fullmatch(self.gap(k)) is not None

    def spaced(self, k: int) -> bool:
        """Word k+1 follows word k with only spaces between."""
        return 0 <= k and k + 1 < len(self.words) and self.gap(k).isspace()

    def index_at(self, offset: int) -> int | None:
        """The word that starts at `offset`, if any."""
        return self._starts.get(offset)

    @cached_property
    def _starts(self) -> dict[int, int]:
        return {s: i for i, (s, _) in enumerate(self.words)}


@lru_cache(maxsize=65536)
def readings(word: str) -> tuple[tuple[str, int], ...]:
    """(word without proclitics, characters skipped); the bare reading first.
    Cached: every rule asks it of every word."""
    out = [(word, 0)]
    for p in _PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2:
            out.append((word[len(p) :], len(p)))
    # ل + ال is written "لل": the span starts at the article's ل.
    for conj in ("", "و", "ف"):
        lead = conj + "لل"
        if word.startswith(lead) and len(word) - len(lead) >= 2:
            out.append(("ال" + word[len(lead) :], len(conj) + 1))
    return tuple(out)


def definite_reading(word: str) -> str:
    """The word without proclitics when that leaves a definite word, else itself."""
    for bare, skipped in readings(word)[1:]:
        if bare.startswith("ال"):
            return bare
    return word


def is_nisba(word: str) -> bool:
    return word.endswith("ية") or (word.endswith("ي") and len(word) > 4)


def is_feminine_nisba(word: str) -> bool:
    """عالمية، سيادية; not nouns in -اية (وقاية، رعاية، بداية)."""
    return word.endswith("ية") and not word.endswith("اية")


# --- lexicon matches -------------------------------------------------------------------


def lexicon_match(t: Words, k: int, lex: Lexicon, *, clitics: bool = True, strip: int = 0):
    """The longest lexicon name starting at word k: (last word, label, start offset) or None.
    `strip`: read word k without its first `strip` letters (a known conjunction)."""
    ways: Sequence[tuple[str, int]]
    if strip:
        ways = [(t.word(k)[strip:], strip)]
    else:
        ways = readings(t.word(k)) if clitics else [(t.word(k), 0)]
    best = None
    for first, skipped in ways:
        words = [first]
        last = k
        while True:
            label = lex.names.get(tuple(words))
            if label is not None and (best is None or last > best[0]):
                if len(words) > 1 or first not in lex.ambiguous_loc or _is_place_reading(t, k, skipped, lex):
                    best = (last, label, t.words[k][0] + skipped)
            if len(words) >= lex.max_words or not t.joined(last):
                break
            last += 1
            words.append(t.word(last))
    return best


def _is_place_reading(t: Words, k: int, skipped: int, lex: Lexicon) -> bool:
    """An ambiguous name (السعودية) is a place unless it agrees, as an adjective,
    with a definite noun right before it (الشركات السعودية)."""
    if skipped or not t.spaced(k - 1):
        return True
    previous = definite_reading(t.word(k - 1))
    return not previous.startswith("ال") or previous in lex.stop


def context_match(t: Words, k: int, lex: Lexicon):
    """A word that is a place only after its area word (منطقة [اليورو])."""
    if not t.spaced(k - 1):
        return None
    for bare, skipped in readings(t.word(k)):
        area_words = lex.context_loc.get(bare)
        if area_words and any(b in area_words for b, _ in readings(t.word(k - 1))):
            return k, "LOC", t.words[k][0] + skipped
    return None


# --- designator + name -------------------------------------------------------------------


def name_up_to_mark(t: Words, first: int, max_words: int, close_re: regex.Pattern) -> int | None:
    """The last word of a name of at most `max_words` words from word `first`
    that `close_re` (a closing quote or bracket) ends, its words joined as in
    a name (Words.joined); None when no such mark comes first."""
    for j in range(first, min(first + max_words, len(t.words))):
        if close_re.match(t.after(j)):
            return j
        if not t.joined(j):
            return None
    return None


def quoted_name(t: Words, k: int):
    """Words k+1.. inside quotes right after word k: the last word, or None.
    Inside the quotes words may be joined by a hyphen (كوين-تشيك)."""
    if k + 1 >= len(t.words) or not OPEN_QUOTE_RE.fullmatch(t.gap(k)):
        return None
    return name_up_to_mark(t, k + 1, data.MAX_NAME_WORDS, CLOSE_QUOTE_RE)
