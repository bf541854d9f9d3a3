"""The MONEY grammar, second part: whole mentions (an amount with its
currency, ranges, currency-first and vague amounts) starting at one unit, over
the numbers and currencies of grammar.py. elided.py adds the amounts whose
currency is left out."""

from __future__ import annotations

from fractions import Fraction

from . import lexicon as lex
from .grammar import _Grammar, _strip_conjunction
from .lexer import _ONE_WORDS, _TWO_WORDS
from .values import _Amount, _Currency, _Match


class _Mentions(_Grammar):
    """Mentions over the numbers and currencies of _Grammar."""

    # mentions
    def _is_between(self, i: int) -> bool:
        return self.is_word(i - 1, lex.BETWEEN_WORDS)

    def _is_change(self, i: int) -> bool:
        """ "من A إلى B" with no verb of ranging before it: two amounts, not a range."""
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

    def _range(
        self, left: _Amount, currency: _Currency | None, need_currency: bool, between: bool
    ) -> list[_Match] | None:
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
        """ "60 مليار دولار إلى 62 مليار دولار": a range with its currency on both ends (GUIDELINES 5.4).

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
        if any(
            _strip_conjunction(self.units[k].key).startswith(lex.CHANGE_VERB_PREFIXES)
            for k in self._clause_before(left.start, 8)
        ):
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
        lefts = [whole]
        if between:
            head = self.amount(i, compound=False)
            assert head is not None  # its first group is whole's, which was read at unit i
            lefts = [head, whole]
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
        """ "$5 مليارات"، "USD 200": a currency sign or code before the amount."""
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
        """ "دولار واحد"، "دولار أمريكي واحد"، "دولاران": the counted noun before its number."""
        if not self.is_word(i):
            return None
        entry = lex.CURRENCY_NOUNS.get(self.units[i].key)
        if entry is None or entry[1] not in ("sg", "dual") or self._names_something_else(i):
            return None
        family, form = entry
        iso, j = family.default, i + 1
        bare: str | None = family.name
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
        """ "مليارات الدولارات"، "عشرات الملايين من الدولارات": MONEY without a value."""
        if not self.is_word(i):
            return None
        if i > 0 and self.units[i - 1].kind == "num":
            return None  # the plural of a counted amount whose currency is missing
        j = i + 1 if self.key(i) in lex.VAGUE_QUANTIFIERS else i
        quantified = j > i
        scales = 0
        while scales < 2 and self.is_word(j) and lex.SCALES.get(self.units[j].key, (0, ""))[1] in ("pl", "art_pl"):
            j, scales = j + 1, scales + 1
        if not quantified and not scales:
            return None
        cur = self.currency(j, vague=True)
        if cur is None:
            return None
        if not scales:
            noun = j + 1 if self.key(j) == "من" else j
            entry = lex.CURRENCY_NOUNS.get(self.units[noun].key) if self.is_word(noun) else None
            form = entry[1] if entry is not None else ""
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
