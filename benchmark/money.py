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
             | CURRENCY-NOUN [ADJ] واحد | DUAL-CURRENCY [اثنان]     ; دولار واحد، دولاران
             | [QUANTIFIER] PLURAL-SCALE [من] CURRENCY            ; vague: مليارات الدولارات
    AMOUNT  := GROUP (و GROUP)*          ; each GROUP with a smaller scale: مليار و200 مليون
    GROUP   := NUMBER [SCALE [SCALE]] [ونصف|وربع [same scale]] | SCALE ...
    NUMBER  := digits (Latin, Arabic-Indic, Persian) with . ٫ , ٬ | reversed AرB
             | number words (خمسة، خمسة وعشرون، ثلاثمئة...) | نصف، ربع، ثلث

Decisions (the guideline's where it has one, ours otherwise, stated here):
- "." and "٫" are decimal points; "," and "٬" are thousands separators when
  exactly three digits follow, decimal points otherwise ("4,2" = 4.2,
  "1,200" = 1200); a separator repeated ("1.500.000") can only group thousands.
- Reversed decimal (Jawhara FM, AFP/SPA): in "7ر10" the digits after ر are the
  integer part and those before it the fraction: 10.7.
- Bare currency nouns: ريال -> SAR, درهم -> AED, جنيه -> EGP; دينار and ليرة
  (used by many countries) -> no currency. The guideline lets an annotator use
  the article's country; a grammar that sees one span cannot.
- Vague amounts with a currency and no number ("مليارات الدولارات"، "مئات
  الملايين من الدولارات") ARE MONEY (GUIDELINES 5.4): `find_money` returns them
  with value None, and `parse_money` returns None for them (no definite value).
- "من A إلى B" after no verb of ranging is a change between two amounts: two
  spans, the first taking the scale and currency of the second (GUIDELINES
  5.4); "بين A و B"، "A إلى B"، "A-B"، "A أو B" are one range span.
- A bare number after a comparison ("84ر3 مليار دولار انخفاضًا من 13ر6") takes
  the scale and currency of the amount it is compared with (elided, 5.4).
- A number alone, a percentage, or a quantity (برميل، طن، سهم، نقطة) is never
  money: an amount needs a currency (or, inside parse_money, at least a scale).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from . import money_lexicon as lex
from .types import MoneyValue, Span

# GUIDELINES 5.4: vague amounts ("مليارات الدولارات") are MONEY, without value.
VAGUE_AMOUNTS_ARE_MONEY = True

# --- lexer ------------------------------------------------------------------

_DIGITS = "0-9\u0660-\u0669\u06F0-\u06F9"
# Arabic letters, marks and tatweel, and Latin letters. Leaves out the Arabic
# percent sign, decimal and thousands separators (U+066A-066C) and full stop.
_LETTERS = "\u0610-\u061A\u0620-\u065F\u066E-\u06D3\u06D5-\u06ED\u06FA-\u06FFA-Za-z"
_TOKEN_RE = re.compile(
    rf"(?P<rev>(?P<frac>[{_DIGITS}]+)ر(?P<int>[{_DIGITS}]+))(?![{_DIGITS}])"
    rf"|(?P<num>[{_DIGITS}]+(?:[.,٫٬][{_DIGITS}]+)*)"
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
_FRACTIONS = {"نصف": Fraction(1, 2), "نص": Fraction(1, 2), "ربع": Fraction(1, 4), "ثلث": Fraction(1, 3)}
_HALF_WORDS = {"نصف": Fraction(1, 2), "ربع": Fraction(1, 4)}  # "ونصف"، "وربع" after a scale
_ONE_WORDS = {"واحد", "واحده", "واحدا"}
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
            units.append(_Unit(pos, match.end(), "num", raw.translate(lex.DIGIT_MAP), raw, glued))
        elif kind == "word":
            units.extend(_word_units(pos, raw, glued))
        else:
            units.append(_Unit(pos, match.end(), "sym", raw, raw, glued))
        pos, glued = match.end(), True
    return units


# --- numbers ----------------------------------------------------------------

_SEPARATORS_RE = re.compile("[.,٫٬]")


def numeric_value(digits: str) -> Fraction | None:
    """The value of a written number ("1,200", "4.2", "1.500.000", "٢٫٥"), or None.

    `digits` may use any of the three digit scripts. See the module docstring
    for the separator rules; a malformed grouping ("1,2,3") gives None.
    """
    s = digits.translate(lex.DIGIT_MAP)
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


def _product(values) -> Fraction:
    out = Fraction(1)
    for v in values:
        out *= Fraction(v)
    return out


@dataclass(frozen=True)
class _Group:
    """NUMBER [SCALE...] [ونصف]: one term of an amount, e.g. "3 مليارات ونصف"."""

    start: int
    end: int
    number: Fraction | None
    scales: tuple[float, ...]
    dual: bool
    extra: Fraction  # "ونصف" / "وربع": a fraction of the scale

    @property
    def top(self) -> Fraction:
        return _product(self.scales)

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
    def first_top(self) -> Fraction:
        return self.groups[0].top

    @property
    def last_top(self) -> Fraction:
        return self.groups[-1].top


@dataclass(frozen=True)
class _Currency:
    iso: str | None
    unit: Fraction  # a cent is 1/100 of a dollar
    end: int


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


# --- parser -----------------------------------------------------------------


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
    def _word_part(self, i: int) -> tuple[int, str, int] | None:
        """One part of a number in words: (value, class, next). Classes: H U T D."""
        if not self.is_word(i):
            return None
        k, nxt = self.key(i), self.key(i + 1) if self.is_word(i + 1) else None
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

    def _word_number(self, i: int) -> tuple[Fraction, int] | None:
        """A number in words: "مئتان وخمسة وعشرون" = 225. Each class at most once."""
        first = self._word_part(i)
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
        if unit.kind == "word" and unit.key in _FRACTIONS:
            return _FRACTIONS[unit.key], i + 1
        return self._word_number(i)

    def group(self, i: int) -> _Group | None:
        number, j = None, i
        read = self._number(i)
        if read is not None:
            number, j = read
        scales: list[float] = []
        dual = False
        while self.is_word(j) and self.key(j) in lex.SCALES and len(scales) < 2:
            mult, form = lex.SCALES[self.key(j)]
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
        return _Group(i, j, number, tuple(scales), dual, extra)

    def amount(self, i: int, compound: bool = True) -> _Amount | None:
        first = self.group(i)
        if first is None:
            return None
        groups = [first]
        while compound and self.is_conj(groups[-1].end) and groups[-1].scales:
            nxt = self.group(groups[-1].end + 1)
            if nxt is None or nxt.top >= groups[-1].top:
                break
            groups.append(nxt)
        return _Amount(tuple(groups))

    # currencies
    def _adjective(self, j: int, family: lex.CurrencyFamily) -> tuple[str, int] | None:
        if self.is_word(j):
            iso = family.adjectives.get(_adjective_key(self.key(j)))
            if iso is not None:
                return iso, j + 1
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
        return _Currency(family.default, Fraction(family.unit), j + 1)

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
        if right is None:
            return None
        post = self.currency(right.end, after_scale=right.has_scale)
        cur = currency or post
        if cur is None and need_currency:
            return None
        end = post.end if post else right.end
        unit = cur.unit if cur else Fraction(1)
        iso = cur.iso if cur else None
        lower = left.value * (1 if left.has_scale else right.first_top) * unit
        upper = right.value * unit
        if need_currency and currency is None and self.key(sep) == "الي" and self._is_change(left.start):
            return [
                _Match(left.start, left.end, lower, lower, iso, True, right.last_top),
                _Match(right.start, end, upper, upper, iso, True, right.last_top),
            ]
        if lower > upper:
            return None  # "2025 إلى 5 مليارات" is not a range
        return [_Match(left.start, end, lower, upper, iso, cur is not None, right.last_top)]

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
            value = whole.value * cur.unit
            return [_Match(i, cur.end, value, value, cur.iso, True, whole.last_top)]
        if not need_currency and whole.has_scale:
            return [_Match(i, whole.end, whole.value, whole.value, None, False, whole.last_top)]
        return None

    def _match_prefixed(self, i: int, need_currency: bool) -> list[_Match] | None:
        """"$5 مليارات"، "USD 200": a currency sign or code before the amount."""
        cur = self.currency(i, nouns=False)
        if cur is None:
            return None
        amount = self.amount(cur.end)
        if amount is None:
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
        iso, j = family.default, i + 1
        adjective = self._adjective(j, family)
        if adjective:
            iso, j = adjective
        if form == "dual":
            count = 2
            if self.is_word(j, _TWO_WORDS):
                j += 1
        elif self.is_word(j, _ONE_WORDS):
            count, j = 1, j + 1
        else:
            return None
        value = count * Fraction(family.unit)
        return [_Match(i, j, value, value, iso)]

    def _match_vague(self, i: int, need_currency: bool) -> list[_Match] | None:
        """"مليارات الدولارات"، "عشرات الملايين من الدولارات": MONEY without a value."""
        if not VAGUE_AMOUNTS_ARE_MONEY or not self.is_word(i):
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
        taken = [(m.start, m.end) for m in matches]
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
            if any(s < amount.end and amount.start < e for s, e in taken):
                continue
            value = amount.value * (1 if amount.has_scale else anchor.scale)
            reference = anchor.upper
            if not reference or not reference / 100 <= value <= reference * 100:
                continue
            found.append(_Match(amount.start, amount.end, value, value, anchor.currency, True, anchor.scale))
            taken.append((amount.start, amount.end))
        return found

    def _ends_clause(self, k: int) -> bool:
        if k >= self.n:
            return True
        unit = self.units[k]
        if unit.kind == "sym":
            return unit.key in lex.CLAUSE_END_MARKS
        return unit.kind == "word" and unit.key in lex.ELIDED_FOLLOWERS


# --- public API -------------------------------------------------------------


def _as_value(match: _Match) -> MoneyValue | None:
    if match.lower is None or match.upper is None:
        return None
    return MoneyValue(float(match.lower), float(match.upper), match.currency)


def find_money(text: str) -> list[Span]:
    """Every MONEY mention in `text`, as character spans with their values."""
    units = _lex(text)
    parser = _Parser(units)
    matches: list[_Match] = []
    i = 0
    while i < len(units):
        found = parser.match_at(i)
        if found:
            matches.extend(found)
            i = found[-1].end
        else:
            i += 1
    matches.extend(parser.elided(matches))
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


def grammar_files() -> list[Path]:
    """The source files whose text defines the grammar (hashed into extractor revisions)."""
    here = Path(__file__).resolve().parent
    return [here / "money.py", here / "money_lexicon.py"]
