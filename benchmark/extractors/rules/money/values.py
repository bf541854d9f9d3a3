"""Numbers and parse results of the MONEY grammar (parser.py): reading digit
strings in every script, and the groups, amounts, currencies and matches the
grammar builds."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from fractions import Fraction

from . import lexicon as lex

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
