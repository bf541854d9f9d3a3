"""The MONEY grammar: find amounts of money in Arabic text and read their value.

Two entry points share one grammar (annotations/GUIDELINES.md section 5):

- `parse_money(text)` reads one MONEY span's surface into a `MoneyValue`
  (lower, upper, ISO 4217 currency), or None when the text states no definite
  amount of money.
- `find_money(text)` finds every MONEY mention in a text as character spans,
  following the annotation conventions: number + scale + currency as one span,
  a range as one span, triggers (بقيمة، مبلغ), approximators (نحو، حوالي، أكثر من)
  and proclitics (و ف ب ل ك، بـ) outside.

How it works: a small lexer cuts the text into units (numbers, words, symbols)
with character offsets and splits a proclitic off a word whose rest is in the
lexicon ("بمليار" -> "ب" + "مليار"); a recursive-descent parser over the units
then reads, at each position, the longest amount it can:

    MONEY   := [PREFIX-CUR] AMOUNT [SEP AMOUNT] [CURRENCY]       ; range, $5 مليارات
             | AMOUNT CURRENCY SEP AMOUNT CURRENCY                ; same currency: one range
             | CURRENCY-NOUN [ADJ] واحد | DUAL-CURRENCY [اثنان]     ; دولار واحد، دولاران
             | [QUANTIFIER] PLURAL-SCALE [من] CURRENCY            ; vague: مليارات الدولارات
    AMOUNT  := GROUP (و GROUP)*          ; each GROUP with a smaller scale: مليار و200 مليون
    GROUP   := NUMBER [SCALE [SCALE]] [ونصف|وربع [same scale]] | SCALE ...
             | DEF-SCALE | DEF-NUMBER-WORD [SCALE]  ; المليار، المئة مليار: only before a currency
    NUMBER  := digits (Latin, Arabic-Indic, Persian) with . ٫ , ٬ ، | reversed AرB
             | number words (خمسة، خمسة وعشرون، ثلاثمئة...) | نصف، ربع، ثلث
    CURRENCY:= symbol | ISO code | ر.س | م د | د | NOUN [ADJ [ADJ]]  ; دولار هونغ كونغي

Decisions (the guideline's where it has one, ours otherwise, stated here):
- "." and "٫" are decimal points; "," and "٬" are thousands separators when
  exactly three digits follow, decimal points otherwise ("4,2" = 4.2,
  "1,200" = 1200); a separator repeated ("1.500.000") can only group thousands.
  The Arabic comma "،" between digits is read like "," (GUIDELINES 9.5).
- Reversed decimal (Jawhara FM, AFP/SPA): in "7ر10" the digits after ر are the
  integer part and those before it the fraction: 10.7.
- Bare currency nouns: ريال -> SAR, درهم -> AED, جنيه -> EGP; دينار and ليرة
  (used by many countries) -> no currency, in `parse_money`, which sees one
  span. `find_money` sees the whole text and gives them the country the
  sentence or article is about (GUIDELINES 6; rules in context.py).
- Jawhara FM's "م د" (million dinars) and "د" (dinar) are currencies when they
  stand alone after a number; sub-units (سنت، هللة، قرش، فلس، مليم) are valued
  in the main unit; بيتكوين is a currency with no ISO code (value, currency None).
- Vague amounts with a currency and no number ("مليارات الدولارات"، "مئات
  الملايين من الدولارات") ARE MONEY (GUIDELINES 5.4): `find_money` returns them
  with value None, and `parse_money` returns None for them (no definite value).
- "من A إلى B" after no verb of ranging is a change between two amounts: two
  spans, the first taking the scale and currency of the second (GUIDELINES
  5.4); "بين A و B"، "A إلى B"، "A-B"، "A أو B" are one range span.
- A bare number after a comparison ("84ر3 مليار دولار انخفاضًا من 13ر6") takes
  the scale and currency of the amount it is compared with (elided, 5.4).
- A number + scale with no currency ("ونحو 40 ملياراً") takes the one currency
  of the amounts in its sentence, or else of the previous sentence or the
  earlier items of its numbered list (5.4, 9.3), when it ends its clause or is
  followed by a preposition or time word (not by a counted noun).
- A plain number before "لكل" + a full amount ("99.958 لكل 100 ريال عماني")
  takes that amount's currency (9.4).
- "A دولار إلى B دولار" with one currency on both ends is one range when the
  ends rise within one order of magnitude and no verb of change, "من" (a
  change) or "على التوالي" (respectively) says it is two amounts (5.4).
- A number alone, a percentage, or a quantity (برميل، طن، سهم، نقطة) is never
  money: an amount needs a currency (or, inside parse_money, at least a scale),
  its own or one lent by a parallel amount as above.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from fractions import Fraction

from . import context as money_context
from . import lexicon as lex
from ....intervals import DisjointIntervals
from ....types import MoneyValue, Span

# --- lexer ------------------------------------------------------------------

_DIGITS = "0-9\u0660-\u0669\u06F0-\u06F9"
# Arabic letters, marks and tatweel, and Latin letters. Leaves out the Arabic
# percent sign, decimal and thousands separators (U+066A-066C) and full stop.
_LETTERS = "\u0610-\u061A\u0620-\u065F\u066E-\u06D3\u06D5-\u06ED\u06FA-\u06FFA-Za-z"
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
    lex.UNITS, lex.TEEN_HEADS, lex.TEN_WORDS, lex.TENS, lex.HUNDREDS, lex.FRACTIONS,
    lex.SCALES, lex.CURRENCY_NOUNS, lex.VAGUE_QUANTIFIERS,
)
_HALF_WORDS = {word: lex.FRACTIONS[word] for word in ("نصف", "ربع")}  # "ونصف"، "وربع" after a scale
_ONE_WORDS = {"واحد", "واحده", "واحدا"}
# Number words that may carry the article in an amount ("المئة مليار دولار").
# Not اثنين/اثنان: with the article they are the weekday Monday.
_DEFINITE_NUMBER_STEMS = (frozenset().union(lex.UNITS, lex.TENS, lex.HUNDREDS, lex.TEN_WORDS)
                          - {"اثنين", "اثنان"})
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
        stem = key[len(clitic):]
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


# --- numbers ----------------------------------------------------------------

_SEPARATORS_RE = re.compile("[.,٫٬]")  # "،" arrives as "," (see _ascii_number)


def _ascii_number(digits: str) -> str:
    """`digits` in ASCII digits, an Arabic comma between them read as "," (GUIDELINES 9.5: "2،5" is "2,5")."""
    return digits.translate(lex.DIGIT_MAP).replace("،", ",")


def numeric_value(digits: str) -> Fraction | None:
    """The value of a written number ("1,200", "4.2", "1.500.000", "٢٫٥"), or None.

    `digits` may use any of the three digit scripts. See the module docstring
    for the separator rules; a malformed grouping ("1,2,3") gives None.
    """
    s = _ascii_number(digits)
    seps = _SEPARATORS_RE.findall(s)
    parts = _SEPARATORS_RE.split(s)
    if not all(part.isdigit() for part in parts):
        return None
    if not seps:
        return Fraction(int(s))
    decimal: str | None
    if "٫" in seps:
        decimal = "٫"
    elif "." in seps and ("," in seps or "٬" in seps):
        decimal = seps[-1]  # "1,234.5" / "1.234,5": the last separator is the decimal one
    elif len(seps) == 1:
        sep = seps[0]
        decimal = None if sep in ",٬" and len(parts[1]) == 3 else sep
    else:
        decimal = None  # repeated separator: thousands grouping
    if decimal is not None:
        if seps.count(decimal) != 1 or seps[-1] != decimal:
            return None
        int_parts, fraction = parts[:-1], parts[-1]
    else:
        int_parts, fraction = parts, ""
    if len(int_parts) > 1 and (len(int_parts[0]) > 3 or any(len(p) != 3 for p in int_parts[1:])):
        return None
    value = Fraction(int("".join(int_parts)))
    if fraction:
        value += Fraction(int(fraction), 10 ** len(fraction))
    return value


# --- parse results ----------------------------------------------------------


@dataclass(frozen=True)
class _Group:
    """NUMBER [SCALE...] [ونصف]: one term of an amount, e.g. "3 مليارات ونصف"."""

    start: int
    end: int
    number: Fraction | None
    scales: tuple[float, ...]
    dual: bool
    extra: Fraction  # "ونصف" / "وربع": a fraction of the scale
    # "المليار"، "المئة مليار": a number or scale with the article. It states an
    # amount only with a currency after it (GUIDELINES 5.1 DEF-SCALE, 9.6).
    definite: bool = False

    @property
    def top(self) -> Fraction:
        return math.prod(map(Fraction, self.scales), start=Fraction(1))

    @property
    def value(self) -> Fraction:
        count = self.number if self.number is not None else Fraction(2 if self.dual else 1)
        return (count + self.extra) * self.top


@dataclass(frozen=True)
class _Amount:
    """GROUP (و GROUP)*: "مليار و200 مليون" = 1.2e9."""

    groups: tuple[_Group, ...]

    @property
    def start(self) -> int:
        return self.groups[0].start

    @property
    def end(self) -> int:
        return self.groups[-1].end

    @property
    def value(self) -> Fraction:
        return sum((g.value for g in self.groups), Fraction(0))

    @property
    def has_scale(self) -> bool:
        return any(g.scales for g in self.groups)

    @property
    def definite(self) -> bool:
        return self.groups[0].definite

    @property
    def first_top(self) -> Fraction:
        return self.groups[0].top

    @property
    def last_top(self) -> Fraction:
        return self.groups[-1].top


@dataclass(frozen=True)
class _Currency:
    iso: str | None
    unit: Fraction  # a cent is 1/100 of a dollar; "م د" (million dinars) is 1e6 dinars
    end: int
    # The family of a currency noun written without a nationality adjective
    # ("ريال", "دينار"): its country may be read from the document (money_context).
    bare_family: str | None = None


@dataclass(frozen=True)
class _Match:
    """A MONEY mention over units [start, end) with its value (None when vague)."""

    start: int
    end: int
    lower: Fraction | None
    upper: Fraction | None
    currency: str | None
    has_currency: bool = True
    scale: Fraction = Fraction(1)  # scale of the last group, for an elided amount after it
    bare_family: str | None = None  # see _Currency.bare_family


# --- parser -----------------------------------------------------------------


def _strip_conjunction(key: str) -> str:
    """"وارتفع" -> "ارتفع": a verb seen with the conjunction still glued on."""
    return key[1:] if key[:1] in ("و", "ف") and len(key) > 3 else key


def _adjective_key(key: str) -> str:
    """A nationality adjective in its masculine singular base form: الأمريكية -> امريكي."""
    if key.startswith("ال"):
        key = key[2:]
    if key.endswith("ا"):
        key = key[:-1]  # accusative tanween: أمريكياً
    if key.endswith("ه"):
        key = key[:-1]  # feminine: تركية
    return key


class _Parser:
    """Recursive descent over the units of one text; each rule returns None when it does not apply."""

    def __init__(self, units: list[_Unit]):
        self.units = units
        self.n = len(units)
        # Per sentence list (see _sentence_start, _list_first_sentence): computed once.
        self._firsts: tuple[list[int], dict[int, int]] | None = None
        self._list_runs: tuple[list[int], dict[int, int]] | None = None

    # small helpers
    def key(self, i: int) -> str | None:
        return self.units[i].key if 0 <= i < self.n else None

    def is_word(self, i: int, words=None) -> bool:
        if not 0 <= i < self.n or self.units[i].kind != "word":
            return False
        return words is None or self.units[i].key in words

    def is_conj(self, i: int) -> bool:
        return 0 <= i < self.n and self.units[i].kind == "clitic" and self.units[i].key == "و"

    # numbers
    def _word_part(self, i: int, key: str | None = None) -> tuple[int, str, int] | None:
        """One part of a number in words: (value, class, next). Classes: H U T D.

        `key` replaces the word's own key (the stem of "المئة" is "مئه").
        """
        if not self.is_word(i):
            return None
        k, nxt = key or self.key(i), self.key(i + 1) if self.is_word(i + 1) else None
        if k in lex.HUNDREDS:
            return lex.HUNDREDS[k], "H", i + 1
        if k in lex.UNITS and nxt in lex.HUNDRED_WORDS:
            return lex.UNITS[k] * 100, "H", i + 2  # "ثلاث مئة"
        if k in lex.TEEN_HEADS and nxt in lex.TEN_WORDS:
            return 10 + lex.TEEN_HEADS[k], "T", i + 2  # "خمسة عشر"
        if k in lex.TENS:
            return lex.TENS[k], "D", i + 1
        if k in lex.TEN_WORDS:
            return 10, "T", i + 1
        if k in lex.UNITS:
            return lex.UNITS[k], "U", i + 1
        return None

    def _word_number(self, i: int, first_key: str | None = None) -> tuple[Fraction, int] | None:
        """A number in words: "مئتان وخمسة وعشرون" = 225. Each class at most once."""
        first = self._word_part(i, first_key)
        if first is None:
            return None
        total, used, j = first[0], {first[1]}, first[2]
        while self.is_conj(j):
            part = self._word_part(j + 1)
            if part is None:
                break
            value, cls, nxt = part
            # hundreds lead; units may pair with tens (خمسة وعشرون) but not with teens
            if cls in used or cls == "H" or ({cls} | used) >= {"T", "U"} or ({cls} | used) >= {"T", "D"}:
                break
            total, j = total + value, nxt
            used.add(cls)
        return Fraction(total), j

    def _number(self, i: int) -> tuple[Fraction, int] | None:
        if not 0 <= i < self.n:
            return None
        unit = self.units[i]
        if unit.kind == "num":
            value = numeric_value(unit.key)
            return (value, i + 1) if value is not None else None
        if unit.kind == "word" and unit.key in lex.FRACTIONS:
            return lex.FRACTIONS[unit.key], i + 1
        return self._word_number(i)

    def _definite_number(self, i: int) -> tuple[Fraction, int] | None:
        """A number word with the article: "المئة" (مليار دولار), GUIDELINES 9.6."""
        key = self.key(i) if self.is_word(i) else None
        if not key or not key.startswith("ال") or key[2:] not in _DEFINITE_NUMBER_STEMS:
            return None
        return self._word_number(i, key[2:])

    def group(self, i: int) -> _Group | None:
        number, j = None, i
        read = self._number(i)
        definite = False
        if read is None:
            read = self._definite_number(i)
            definite = read is not None
        if read is not None:
            number, j = read
        scales: list[float] = []
        dual = False
        while self.is_word(j) and self.key(j) in lex.SCALES and len(scales) < 2:
            mult, form = lex.SCALES[self.key(j)]
            if form == "art" and not scales and (number is None or self.is_word(i, lex.FRACTIONS)):
                # "المليار يورو": the article scale counts one (GUIDELINES 5.1);
                # "نصف المليار دولار": a fraction's construct takes the article.
                definite = number is None
                scales.append(mult)
                j += 1
                continue
            if form.startswith("art") or (scales and mult <= scales[-1]):
                break
            if number is None and not scales:
                if form == "pl":
                    break  # "مليارات" with no number is vague, not a count
                dual = form == "dual"  # "ملياري دولار" = 2e9; after a number it is the accusative
            scales.append(mult)
            j += 1
        if number is None and not scales:
            return None
        extra = Fraction(0)
        if scales and self.is_conj(j) and self.is_word(j + 1, _HALF_WORDS):
            after = lex.SCALES.get(self.key(j + 2)) if self.is_word(j + 2) else None
            if after is None:
                extra, j = _HALF_WORDS[self.key(j + 1)], j + 2  # "3 مليارات ونصف"
            elif after[0] == scales[-1]:
                extra, j = _HALF_WORDS[self.key(j + 1)], j + 3  # "مليار ونصف المليار"
            # another scale ("مليار ونصف مليون") is a second group, read by amount()
        return _Group(i, j, number, tuple(scales), dual, extra, definite)

    def amount(self, i: int, compound: bool = True) -> _Amount | None:
        first = self.group(i)
        if first is None:
            return None
        groups = [first]
        while compound and self.is_conj(groups[-1].end) and groups[-1].scales:
            nxt = self.group(groups[-1].end + 1)
            if nxt is None or nxt.definite or nxt.top >= groups[-1].top:
                break
            groups.append(nxt)
        return _Amount(tuple(groups))

    # currencies
    def _adjective(self, j: int, family: lex.CurrencyFamily) -> tuple[str, int] | None:
        """A nationality adjective after a currency noun: one word, or two ("هونغ كونغي")."""
        if self.is_word(j) and self.is_word(j + 1):
            iso = family.adjectives.get(f"{self.key(j)} {_adjective_key(self.key(j + 1))}")
            if iso is not None:
                return iso, j + 2
        if self.is_word(j):
            iso = family.adjectives.get(_adjective_key(self.key(j)))
            if iso is not None:
                return iso, j + 1
        return None

    def _letter_abbreviation(self, j: int) -> _Currency | None:
        """Jawhara FM's "م د" (million dinars) and "د" (dinar) after an amount (GUIDELINES 5.1).

        Each letter stands alone (a one-letter word not glued to anything); the
        dinar's country is left to the document, like a bare "دينار".
        """
        def letter(k: int, raw: str) -> bool:
            glued_after = k + 1 < self.n and self.units[k + 1].glued and self.units[k + 1].kind != "sym"
            return self.is_word(k) and self.units[k].raw == raw and not self.units[k].glued and not glued_after
        dinar = lex.CURRENCY_NOUNS["دينار"][0]
        if letter(j, "م") and letter(j + 1, "د"):
            return _Currency(dinar.default, Fraction(10**6), j + 2, dinar.name)
        if letter(j, "د"):
            return _Currency(dinar.default, Fraction(1), j + 1, dinar.name)
        return None

    def _abbreviation(self, j: int) -> tuple[str, int] | None:
        """"ر.س"، "د.إ": letter, dot, letter with nothing between them."""
        if j + 2 >= self.n:
            return None
        a, dot, b = self.units[j : j + 3]
        if dot.raw != "." or not dot.glued or not b.glued or a.kind == "num" or b.kind == "num":
            return None
        iso = lex.ABBREVIATIONS.get(f"{lex.strip_marks(a.raw)}.{lex.strip_marks(b.raw)}")
        return (iso, j + 3) if iso else None

    def currency(self, j: int, *, nouns: bool = True, after_scale: bool = False,
                 vague: bool = False) -> _Currency | None:
        """A currency starting at unit j: symbol, ISO code, abbreviation, or noun [+ adjective]."""
        if not 0 <= j < self.n:
            return None
        unit = self.units[j]
        if unit.kind == "sym" and unit.key in lex.SYMBOLS:
            return _Currency(lex.SYMBOLS[unit.key], Fraction(1), j + 1)
        if unit.kind == "word" and unit.raw in lex.ISO_CODES:
            return _Currency(unit.raw, Fraction(1), j + 1)
        if unit.kind == "word" and unit.raw == "US" and j + 1 < self.n and self.units[j + 1].raw == "$" \
                and self.units[j + 1].glued:
            return _Currency("USD", Fraction(1), j + 2)
        abbreviation = self._abbreviation(j)
        if abbreviation:
            return _Currency(abbreviation[0], Fraction(1), abbreviation[1])
        if not nouns or unit.kind != "word":
            return None
        if not vague:
            letters = self._letter_abbreviation(j)
            if letters:
                return letters
        allowed = {"sg", "pl", "art"} if vague else {"sg", "pl"}
        if unit.key == "من" and (after_scale or vague):
            # "5 ملايين من الدولارات"
            if self.is_word(j + 1) and lex.CURRENCY_NOUNS.get(self.key(j + 1), (None, ""))[1] in ("art", "pl"):
                j, unit = j + 1, self.units[j + 1]
                allowed = {"art", "pl"}
            else:
                return None
        entry = lex.CURRENCY_NOUNS.get(unit.key)
        if entry is None or entry[1] not in allowed or self._names_something_else(j):
            return None
        family = entry[0]
        adjective = self._adjective(j + 1, family)
        if adjective:
            return _Currency(adjective[0], Fraction(family.unit), adjective[1])
        return _Currency(family.default, Fraction(family.unit), j + 1, family.name)

    def currency_evidence(self, sentence: list[int]) -> list[money_context.Evidence]:
        """What the text says about countries: "الريال القطري" (stated), "قطر"، "التونسي"."""
        evidence: list[money_context.Evidence] = []
        for k, unit in enumerate(self.units):
            if unit.kind != "word":
                continue
            entry = lex.CURRENCY_NOUNS.get(unit.key)
            if entry is not None and entry[0].name in money_context.RESOLVABLE_FAMILIES:
                adjective = self._adjective(k + 1, entry[0])
                if adjective:
                    evidence.append(money_context.Evidence(sentence[k], k, entry[0].name, adjective[0], True))
            evidence.extend(money_context.word_evidence(sentence[k], k, unit.key))
        return evidence

    def _names_something_else(self, j: int) -> bool:
        """"ريال مدريد": the currency noun starts a club's name."""
        blockers = lex.NOT_CURRENCY_BEFORE.get(self.key(j))
        return bool(blockers) and self.is_word(j + 1, blockers)

    # mentions
    def _is_between(self, i: int) -> bool:
        return self.is_word(i - 1, lex.BETWEEN_WORDS)

    def _is_change(self, i: int) -> bool:
        """"من A إلى B" with no verb of ranging before it: two amounts, not a range."""
        if not self.is_word(i - 1, lex.FROM_WORDS):
            return False
        before = [self.key(k) or "" for k in range(max(0, i - 4), i - 1)]
        return not any(word.startswith(lex.RANGE_VERB_PREFIXES) for word in before)

    def _is_separator(self, j: int, between: bool) -> bool:
        if self.is_word(j, lex.RANGE_WORDS):
            return True
        if 0 <= j < self.n and self.units[j].kind == "sym" and self.units[j].key in lex.RANGE_DASHES:
            return True
        return between and self.is_conj(j)

    def _range(self, left: _Amount, currency: _Currency | None, need_currency: bool,
               between: bool) -> list[_Match] | None:
        """LEFT SEP RIGHT [CURRENCY], with the right side's scale and currency shared."""
        sep = left.end
        if not self._is_separator(sep, between):
            return None
        right = self.amount(sep + 1)
        if right is None or right.definite or left.definite:
            return None
        post = self.currency(right.end, after_scale=right.has_scale)
        cur = currency or post
        if cur is None and need_currency:
            return None
        end = post.end if post else right.end
        unit = cur.unit if cur else Fraction(1)
        iso = cur.iso if cur else None
        bare = cur.bare_family if cur else None
        lower = left.value * (1 if left.has_scale else right.first_top) * unit
        upper = right.value * unit
        if need_currency and currency is None and self.key(sep) == "الي" and self._is_change(left.start):
            return [
                _Match(left.start, left.end, lower, lower, iso, True, right.last_top, bare),
                _Match(right.start, end, upper, upper, iso, True, right.last_top, bare),
            ]
        if lower > upper:
            return None  # "2025 إلى 5 مليارات" is not a range
        return [_Match(left.start, end, lower, upper, iso, cur is not None, right.last_top, bare)]

    def _repeated_currency_range(self, left: _Amount, cur: _Currency) -> _Match | None:
        """"60 مليار دولار إلى 62 مليار دولار": a range with its currency on both ends (GUIDELINES 5.4).

        One span when the two currencies are the same and the amounts rise
        within one order of magnitude (a range is one uncertain amount, stated
        low to high); two spans, read separately, after "من" with no verb of
        ranging ("من 3 دولارات إلى 5 دولارات": a change), after a verb of change
        earlier in the clause ("ارتفع الخام في السوق 0.5 دولار إلى 70 دولارا":
        by 0.5, to 70), and with "على التوالي" (respectively: two amounts of
        two things).
        """
        sep = cur.end
        if left.definite or not self._is_separator(sep, self._is_between(left.start)):
            return None
        right = self.amount(sep + 1)
        if right is None or right.definite:
            return None
        post = self.currency(right.end, after_scale=right.has_scale)
        if post is None or (post.iso, post.unit, post.bare_family) != (cur.iso, cur.unit, cur.bare_family):
            return None
        lower, upper = left.value * cur.unit, right.value * post.unit
        if not lower < upper <= 10 * lower:
            return None
        if self.key(sep) == "الي" and self._is_change(left.start):
            return None
        if any(_strip_conjunction(self.key(k)).startswith(lex.CHANGE_VERB_PREFIXES)
               for k in self._clause_before(left.start, 8)):
            return None
        around = range(max(0, left.start - 6), min(self.n, post.end + 3))
        if any(self.key(k) in lex.RESPECTIVELY_WORDS for k in around):
            return None
        return _Match(left.start, post.end, lower, upper, cur.iso, True, right.last_top, cur.bare_family)

    def _match_amount(self, i: int, need_currency: bool) -> list[_Match] | None:
        whole = self.amount(i)
        if whole is None:
            return None
        between = self._is_between(i)
        lefts = [self.amount(i, compound=False), whole] if between else [whole]
        for left in lefts:
            found = self._range(left, None, need_currency, between)
            if found:
                return found
        cur = self.currency(whole.end, after_scale=whole.has_scale)
        if cur is not None:
            ranged = self._repeated_currency_range(whole, cur)
            if ranged:
                return [ranged]
            value = whole.value * cur.unit
            return [_Match(i, cur.end, value, value, cur.iso, True, whole.last_top, cur.bare_family)]
        if whole.definite:
            return None  # "المليار" with no currency is not an amount (GUIDELINES 9.6)
        if not need_currency and whole.has_scale:
            return [_Match(i, whole.end, whole.value, whole.value, None, False, whole.last_top)]
        return None

    def _match_prefixed(self, i: int, need_currency: bool) -> list[_Match] | None:
        """"$5 مليارات"، "USD 200": a currency sign or code before the amount."""
        cur = self.currency(i, nouns=False)
        if cur is None:
            return None
        amount = self.amount(cur.end)
        if amount is None or amount.definite:
            return None
        found = self._range(amount, cur, need_currency, False)
        if found:
            return [_Match(i, found[0].end, found[0].lower, found[0].upper, cur.iso, True, found[0].scale)]
        value = amount.value * cur.unit
        return [_Match(i, amount.end, value, value, cur.iso, True, amount.last_top)]

    def _match_currency_first(self, i: int, need_currency: bool) -> list[_Match] | None:
        """"دولار واحد"، "دولار أمريكي واحد"، "دولاران": the counted noun before its number."""
        if not self.is_word(i):
            return None
        entry = lex.CURRENCY_NOUNS.get(self.key(i))
        if entry is None or entry[1] not in ("sg", "dual") or self._names_something_else(i):
            return None
        family, form = entry
        iso, j, bare = family.default, i + 1, family.name
        adjective = self._adjective(j, family)
        if adjective:
            (iso, j), bare = adjective, None
        if form == "dual":
            count = 2
            if self.is_word(j, _TWO_WORDS):
                j += 1
        elif self.is_word(j, _ONE_WORDS):
            count, j = 1, j + 1
        else:
            return None
        value = count * Fraction(family.unit)
        return [_Match(i, j, value, value, iso, bare_family=bare)]

    def _match_vague(self, i: int, need_currency: bool) -> list[_Match] | None:
        """"مليارات الدولارات"، "عشرات الملايين من الدولارات": MONEY without a value."""
        if not self.is_word(i):
            return None
        if i > 0 and self.units[i - 1].kind == "num":
            return None  # the plural of a counted amount whose currency is missing
        j = i + 1 if self.key(i) in lex.VAGUE_QUANTIFIERS else i
        quantified = j > i
        scales = 0
        while scales < 2 and self.is_word(j) and lex.SCALES.get(self.key(j), (0, ""))[1] in ("pl", "art_pl"):
            j, scales = j + 1, scales + 1
        if not quantified and not scales:
            return None
        cur = self.currency(j, vague=True)
        if cur is None:
            return None
        if not scales:
            noun = j + 1 if self.key(j) == "من" else j
            form = lex.CURRENCY_NOUNS.get(self.key(noun), (None, ""))[1] if self.is_word(noun) else ""
            if form not in ("pl", "art"):
                return None  # "مئات الدولارات"، "عدة دولارات"; not "عدة دولار" nor "عشرات $"
        return [_Match(i, cur.end, None, None, cur.iso)]

    def match_at(self, i: int, need_currency: bool = True) -> list[_Match]:
        """The longest MONEY mention(s) starting at unit i, or []."""
        if self.units[i].kind == "clitic":
            return []
        for attempt in (self._match_prefixed, self._match_amount, self._match_currency_first, self._match_vague):
            found = attempt(i, need_currency)
            if found:
                return found
        return []

    def elided(self, matches: list[_Match]) -> list[_Match]:
        """Bare amounts compared with a preceding MONEY mention (GUIDELINES 5.4).

        "84ر3 مليار دولار انخفاضًا من 13ر6" -> 13ر6 is 6.13e9 USD. Only after a
        comparison word, only when the number ends the clause or is followed by
        a time/place complement, and only when the value is within a factor
        of 100 of the amount it is compared with (so a year is not read as money).
        """
        taken = DisjointIntervals((m.start, m.end) for m in matches)
        found: list[_Match] = []
        for anchor in matches:
            if anchor.lower is None or not anchor.has_currency:
                continue
            j, compared = anchor.end, False
            for _ in range(3):
                if self.is_word(j, lex.COMPARISON_WORDS):
                    compared, j = True, j + 1
                elif compared and 0 <= j < self.n and self.units[j].kind in ("word", "clitic") \
                        and self.key(j) in lex.COMPARISON_PREPOSITIONS:
                    j += 1
                else:
                    break
            if not compared:
                continue
            amount = self.amount(j)
            if amount is None or not self._ends_clause(amount.end):
                continue
            if taken.overlaps(amount.start, amount.end):
                continue
            value = amount.value * (1 if amount.has_scale else anchor.scale)
            reference = anchor.upper
            if not reference or not reference / 100 <= value <= reference * 100:
                continue
            found.append(_Match(amount.start, amount.end, value, value, anchor.currency, True, anchor.scale))
            taken.add(amount.start, amount.end)
        return found

    def _clause_before(self, i: int, limit: int) -> list[int]:
        """The word units before unit i in its clause, at most `limit` units back."""
        out = []
        for k in range(i - 1, max(-1, i - 1 - limit), -1):
            unit = self.units[k]
            if unit.kind == "sym" and unit.key in lex.CLAUSE_END_MARKS:
                break
            if unit.kind == "word":
                out.append(k)
        return out

    def _ends_clause(self, k: int) -> bool:
        if k >= self.n:
            return True
        unit = self.units[k]
        if unit.kind == "sym":
            return unit.key in lex.CLAUSE_END_MARKS
        return unit.kind == "word" and unit.key in lex.ELIDED_FOLLOWERS

    def per_face_value(self, matches: list[_Match]) -> list[_Match]:
        """"99.958 لكل 100 ريال عماني": a price per a full amount takes its currency (GUIDELINES 9.4).

        Only a plain number written right before "لكل" and an amount with a
        currency right after it (not "للسهم"، "لكل سهم": those carry no amount).
        """
        taken = DisjointIntervals((m.start, m.end) for m in matches)
        found: list[_Match] = []
        for anchor in matches:
            k = anchor.start - 1
            if anchor.lower is None or not anchor.has_currency or not self.is_word(k, lex.PER_WORDS):
                continue
            if k < 1 or self.units[k - 1].kind != "num" or taken.overlaps(k - 1, k):  # unit k-1 is taken
                continue
            value = numeric_value(self.units[k - 1].key)
            if value is None:
                continue
            found.append(_Match(k - 1, k, value, value, anchor.currency))
            taken.add(k - 1, k)
        return found

    def elided_in_context(self, matches: list[_Match], sentence: list[int]) -> list[_Match]:
        """Number + scale with no currency, given one by a parallel amount (GUIDELINES 5.4, 9.3).

        "10 مليارات دولار هذا العام، ونحو 40 ملياراً على المدى البعيد" -> 4e10 USD.
        The currency comes from the MONEY mentions of the same sentence (before
        or after: "بواقع ثلاثة مليارات أخرى ... إلى 30 مليار دولار"), failing
        that from those of the previous sentence, or from the earlier items of
        the same numbered list; and only when all of them have one currency.
        The amount needs a number (or a dual scale), and must end its clause or
        be followed by a preposition or time word: "30 مليون نسمة" counts people.
        Its value must lie within a factor of 1000 of the parallel amount. An
        amount found so lends its currency in turn (the next item of a list).
        """
        # The matches never overlap (each pass adds only what overlaps none), so
        # sorted by start their ends rise too: one binary search finds the
        # match holding unit i, or the last one starting before an amount's end.
        taken = sorted((m.start, m.end) for m in matches)
        starts = [s for s, _ in taken]
        anchors = _Anchors(m for m in matches if m.lower is not None and m.has_currency)
        found: list[_Match] = []
        i = 0
        while i < self.n:
            k = bisect_right(starts, i) - 1
            if k >= 0 and i < taken[k][1]:
                i = taken[k][1]
                continue
            amount = self.amount(i) if self.units[i].kind != "clitic" else None
            if amount is None:
                i += 1
                continue
            first = amount.groups[0]
            counted = first.number is not None or first.dual
            if not (amount.has_scale and counted and not amount.definite and
                    not (i > 0 and self.units[i - 1].kind == "num")):
                i = amount.end
                continue
            k = bisect_left(starts, amount.end) - 1  # the last match starting before the amount ends
            if (k >= 0 and i < taken[k][1]) or not self._ends_elided(amount.end, sentence):
                i = amount.end
                continue
            currency = self._parallel_currency(i, anchors, sentence)
            if currency is not None:
                iso, reference = currency
                if reference / 1000 <= amount.value <= reference * 1000:
                    match = _Match(i, amount.end, amount.value, amount.value, iso, True, amount.last_top)
                    found.append(match)
                    anchors.add(match, sentence)  # a list's next item may take its currency from this one
            i = amount.end
        return found

    def _ends_elided(self, k: int, sentence: list[int]) -> bool:
        """The end of the clause (a line break too), or a word that may follow an elided amount."""
        if 0 < k < self.n and sentence[k] != sentence[k - 1]:
            return True
        return self._ends_clause(k) or self.is_word(k, lex.ELIDED_SCALE_FOLLOWERS)

    def _parallel_currency(self, i: int, anchors: _Anchors,
                           sentence: list[int]) -> tuple[str | None, Fraction] | None:
        """The one currency of the amounts parallel to unit i, with the nearest one's value.

        Those of unit i's sentence; failing them, those of the previous
        sentence or, in a numbered list, of the list's earlier items (all
        before unit i: the nearest is the one that starts last)."""
        here = sentence[i]
        near = anchors.of_sentence(here, sentence)
        if near:
            if len({m.currency for m in near}) != 1:
                return None
            nearest = min(near, key=lambda m: abs(m.start - i))
            return nearest.currency, nearest.upper
        low = here - 1
        if self._is_list_item(i, sentence):
            low = min(low, self._list_first_sentence(i, sentence))
        currencies, last = anchors.summary(low, here - 1, sentence)
        if last is None or len(currencies) != 1:
            return None
        return last.currency, last.upper

    def _sentence_start(self, i: int, sentence: list[int]) -> int:
        """The first unit of unit i's sentence (sentence numbers never decrease)."""
        if self._firsts is None or self._firsts[0] is not sentence:
            firsts: dict[int, int] = {}
            for k, s in enumerate(sentence):
                firsts.setdefault(s, k)
            self._firsts = (sentence, firsts)
        return self._firsts[1][sentence[i]]

    def _is_list_item(self, i: int, sentence: list[int]) -> bool:
        """A sentence that opens with an item number: "3- الفلبين: 33 مليار"، "2) ..."."""
        k = self._sentence_start(i, sentence)
        return k + 1 < self.n and self.units[k].kind == "num" and self.units[k + 1].kind == "sym" \
            and self.units[k + 1].key in lex.LIST_MARKS

    def _list_first_sentence(self, i: int, sentence: list[int]) -> int:
        """The first sentence of the run of numbered-list items right before unit
        i's sentence (sentence[i] itself when the sentence before is no item).

        A unit of an earlier sentence lies in an earlier item of unit i's list
        exactly when its sentence is at least this one. Remembered per
        sentence, so a list of n items costs n steps, not n^2."""
        if self._list_runs is None or self._list_runs[0] is not sentence:
            self._list_runs = (sentence, {})
        runs = self._list_runs[1]
        walked: list[int] = []  # sentences whose run starts where the walk back ends
        unit = i
        while True:
            here = sentence[unit]
            if here in runs:
                first = runs[here]
                break
            walked.append(here)
            k = self._sentence_start(unit, sentence)
            if k == 0 or not self._is_list_item(k - 1, sentence):
                first = here
                break
            unit = k - 1
        for s in walked:
            runs[s] = first
        return runs[sentence[i]]


class _Anchors:
    """The MONEY mentions that lend their currency to an elided amount, by
    sentence, so that finding those of a sentence (or of a run of sentences)
    never scans the whole text. Each sentence keeps them in the order added."""

    def __init__(self, matches=()):
        self._by_sentence: dict[int, list[_Match]] = {}
        self._pending = list(matches)  # filed once the sentence numbers are known
        # first sentence -> [last sentence summed, currencies, the anchor that starts last]
        self._runs: dict[int, list] = {}

    def add(self, match: _Match, sentence: list[int]) -> None:
        self._file(sentence)
        self._by_sentence.setdefault(sentence[match.start], []).append(match)

    def _file(self, sentence: list[int]) -> None:
        for m in self._pending:
            self._by_sentence.setdefault(sentence[m.start], []).append(m)
        self._pending = []

    def of_sentence(self, s: int, sentence: list[int]) -> list[_Match]:
        self._file(sentence)
        return self._by_sentence.get(s, [])

    def summary(self, low: int, high: int, sentence: list[int]) -> tuple[set, _Match | None]:
        """The currencies of the anchors of sentences low..high, and the one of
        them that starts last. Asked for sentences the scan has left behind
        (whose anchors are all known), with `high` growing for a given `low`
        as the scan moves on: each sentence is summed once per `low`."""
        self._file(sentence)
        run = self._runs.get(low)
        if run is None or run[0] > high:
            run = [low - 1, set(), None]
            self._runs[low] = run
        for s in range(run[0] + 1, high + 1):
            for m in self._by_sentence.get(s, ()):
                run[1].add(m.currency)
                if run[2] is None or m.start > run[2].start:
                    run[2] = m
        run[0] = max(run[0], high)
        return run[1], run[2]


# --- public API -------------------------------------------------------------


def _as_value(match: _Match) -> MoneyValue | None:
    if match.lower is None or match.upper is None:
        return None
    return MoneyValue(float(match.lower), float(match.upper), match.currency)


_SENTENCE_END_MARKS = {".", "!", "?", "؟"}


def _sentence_ids(text: str, units: list[_Unit]) -> list[int]:
    """The sentence number of each unit: a new one after . ! ? ؟ or a line break.

    A dot glued between two words ("د.ك"، "العربية.نت") is not a full stop.
    """
    ids, current = [], 0
    for k, unit in enumerate(units):
        if k and "\n" in text[units[k - 1].end : unit.start]:
            current += 1
        ids.append(current)
        if unit.kind == "sym" and unit.key in _SENTENCE_END_MARKS:
            inside_word = k > 0 and unit.glued and k + 1 < len(units) and units[k + 1].glued \
                and units[k + 1].kind == "word" and units[k - 1].kind == "word"
            if not inside_word:
                current += 1
    return ids


def _resolve_bare_currencies(parser: _Parser, matches: list[_Match], sentence: list[int]) -> list[_Match]:
    """Give a bare "ريال"، "دينار" ... the currency of the country the text is about (GUIDELINES 6)."""
    bare = [m for m in matches if m.bare_family in money_context.RESOLVABLE_FAMILIES]
    if not bare:
        return matches
    evidence = parser.currency_evidence(sentence)
    isos = money_context.resolve([(sentence[m.start], m.start, m.bare_family) for m in bare], evidence)
    chosen = {id(m): iso for m, iso in zip(bare, isos)}
    return [replace(m, currency=chosen[id(m)]) if id(m) in chosen else m for m in matches]


def find_money(text: str) -> list[Span]:
    """Every MONEY mention in `text`, as character spans with their values.

    Beyond the span grammar, the whole text is used for what one span cannot
    say: the country of a bare "ريال"/"دينار" (GUIDELINES 6) and the currency
    of an amount that leaves it to a parallel one (5.4, 9.3, 9.4).
    """
    units = _lex(text)
    parser = _Parser(units)
    sentence = _sentence_ids(text, units)
    matches: list[_Match] = []
    i = 0
    while i < len(units):
        found = parser.match_at(i)
        if found:
            matches.extend(found)
            i = found[-1].end
        else:
            i += 1
    matches = _resolve_bare_currencies(parser, matches, sentence)
    matches.extend(parser.elided(matches))
    matches.extend(parser.per_face_value(matches))
    matches.extend(parser.elided_in_context(matches, sentence))
    spans = []
    for m in sorted(matches, key=lambda m: m.start):
        start, end = units[m.start].start, units[m.end - 1].end
        spans.append(Span(start, end, "MONEY", text[start:end], _as_value(m)))
    return spans


def _is_leftover(unit: _Unit) -> bool:
    """A unit that may stand beside the amount in a span without changing its value."""
    if unit.kind == "clitic":
        return True
    if unit.kind == "sym":
        return unit.key in lex.CLAUSE_END_MARKS or unit.key in {"'", "[", "]", "*"}
    return unit.kind == "word" and unit.key in lex.LEFTOVER_WORDS


def parse_money(text: str) -> MoneyValue | None:
    """The value of one MONEY span's text, or None when it states no definite amount.

    The text may carry what a span from another convention keeps (a proclitic,
    a trigger such as بقيمة, an approximator such as نحو): those do not change
    the value. A currency is optional here (the span is already known to be
    MONEY: "10 مليارات" -> 1e10 with currency None) but then a scale is needed;
    a bare number, a percentage, a quantity, a currency without an amount, a
    vague amount ("مليارات الدولارات") and two amounts in one text give None.
    """
    units = _lex(text)
    parser = _Parser(units)
    i = 0
    while i < len(units) and _is_leftover(units[i]):
        i += 1
    if i == len(units):
        return None
    found = parser.match_at(i, need_currency=False)
    if len(found) != 1:
        return None
    if not all(_is_leftover(unit) for unit in units[found[0].end :]):
        return None
    return _as_value(found[0])

