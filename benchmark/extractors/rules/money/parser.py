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

The code is split by job: lexicon.py (word lists), lexer.py (the text as
units), values.py (numbers and parse results), grammar.py (numbers, amounts,
currencies), mentions.py (whole mentions), elided.py (elided and parallel
currencies), context.py (the country a text is about); this module holds the
entry points.
"""

from __future__ import annotations

from dataclasses import replace

from . import context as money_context
from . import lexicon as lex
from ....types import MoneyValue, Span
from .lexer import _lex, _Unit
from .elided import _Parser
from .values import _Match

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
            inside_word = (
                k > 0
                and unit.glued
                and k + 1 < len(units)
                and units[k + 1].glued
                and units[k + 1].kind == "word"
                and units[k - 1].kind == "word"
            )
            if not inside_word:
                current += 1
    return ids


def _resolve_bare_currencies(parser: _Parser, matches: list[_Match], sentence: list[int]) -> list[_Match]:
    """Give a bare "ريال"، "دينار" ... the currency of the country the text is about (GUIDELINES 6)."""
    bare = [
        (m, family)
        for m in matches
        if (family := m.bare_family) is not None and family in money_context.RESOLVABLE_FAMILIES
    ]
    if not bare:
        return matches
    evidence = parser.currency_evidence(sentence)
    isos = money_context.resolve([(sentence[m.start], m.start, family) for m, family in bare], evidence)
    chosen = {id(m): iso for (m, _), iso in zip(bare, isos)}
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
