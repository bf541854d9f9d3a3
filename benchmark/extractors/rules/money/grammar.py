"""The MONEY grammar over lexed units (lexer.py), first part: numbers written
in words or digits, groups and amounts, and currencies (names, adjectives,
abbreviations, symbols). mentions.py builds whole mentions on top of it."""

from __future__ import annotations

from fractions import Fraction

from . import context as money_context
from . import lexicon as lex
from .lexer import _DEFINITE_NUMBER_STEMS, _HALF_WORDS, _Unit
from .values import _Amount, _Currency, _Group, numeric_value

# --- parser -----------------------------------------------------------------


def _strip_conjunction(key: str) -> str:
    """ "وارتفع" -> "ارتفع": a verb seen with the conjunction still glued on."""
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


class _Grammar:
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
            mult, form = lex.SCALES[self.units[j].key]
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
            after = lex.SCALES.get(self.units[j + 2].key) if self.is_word(j + 2) else None
            if after is None:
                extra, j = _HALF_WORDS[self.units[j + 1].key], j + 2  # "3 مليارات ونصف"
            elif after[0] == scales[-1]:
                extra, j = _HALF_WORDS[self.units[j + 1].key], j + 3  # "مليار ونصف المليار"
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
            iso = family.adjectives.get(f"{self.units[j].key} {_adjective_key(self.units[j + 1].key)}")
            if iso is not None:
                return iso, j + 2
        if self.is_word(j):
            iso = family.adjectives.get(_adjective_key(self.units[j].key))
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
        """ "ر.س"، "د.إ": letter, dot, letter with nothing between them."""
        if j + 2 >= self.n:
            return None
        a, dot, b = self.units[j : j + 3]
        if dot.raw != "." or not dot.glued or not b.glued or a.kind == "num" or b.kind == "num":
            return None
        iso = lex.ABBREVIATIONS.get(f"{lex.strip_marks(a.raw)}.{lex.strip_marks(b.raw)}")
        return (iso, j + 3) if iso else None

    def currency(
        self, j: int, *, nouns: bool = True, after_scale: bool = False, vague: bool = False
    ) -> _Currency | None:
        """A currency starting at unit j: symbol, ISO code, abbreviation, or noun [+ adjective]."""
        if not 0 <= j < self.n:
            return None
        unit = self.units[j]
        if unit.kind == "sym" and unit.key in lex.SYMBOLS:
            return _Currency(lex.SYMBOLS[unit.key], Fraction(1), j + 1)
        if unit.kind == "word" and unit.raw in lex.ISO_CODES:
            return _Currency(unit.raw, Fraction(1), j + 1)
        if (
            unit.kind == "word"
            and unit.raw == "US"
            and j + 1 < self.n
            and self.units[j + 1].raw == "$"
            and self.units[j + 1].glued
        ):
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
            after = lex.CURRENCY_NOUNS.get(self.units[j + 1].key) if self.is_word(j + 1) else None
            if after is not None and after[1] in ("art", "pl"):
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
        """ "ريال مدريد": the currency noun starts a club's name."""
        key = self.key(j)
        blockers = lex.NOT_CURRENCY_BEFORE.get(key) if key is not None else None
        return bool(blockers) and self.is_word(j + 1, blockers)
