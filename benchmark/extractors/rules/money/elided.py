"""The MONEY grammar, last part: amounts whose currency is left out, given
one by a MONEY mention nearby: after a comparison word, a price per face
value, or a parallel amount of the same sentence or numbered list
(GUIDELINES 5.4, 9.3, 9.4). Over the whole mentions of mentions.py."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from fractions import Fraction

from . import lexicon as lex
from ....intervals import DisjointIntervals
from .mentions import _Mentions
from .values import _Match, numeric_value


class _Parser(_Mentions):
    """The whole grammar: mentions, then the amounts that borrow a currency."""

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
                elif (
                    compared
                    and 0 <= j < self.n
                    and self.units[j].kind in ("word", "clitic")
                    and self.key(j) in lex.COMPARISON_PREPOSITIONS
                ):
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

    def per_face_value(self, matches: list[_Match]) -> list[_Match]:
        """ "99.958 لكل 100 ريال عماني": a price per a full amount takes its currency (GUIDELINES 9.4).

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
            if not (
                amount.has_scale and counted and not amount.definite and not (i > 0 and self.units[i - 1].kind == "num")
            ):
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

    def _parallel_currency(self, i: int, anchors: _Anchors, sentence: list[int]) -> tuple[str | None, Fraction] | None:
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
            assert nearest.upper is not None  # anchors are only matches with a value
            return nearest.currency, nearest.upper
        low = here - 1
        if self._is_list_item(i, sentence):
            low = min(low, self._list_first_sentence(i, sentence))
        currencies, last = anchors.summary(low, here - 1, sentence)
        if last is None or len(currencies) != 1:
            return None
        assert last.upper is not None  # anchors are only matches with a value
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
        return (
            k + 1 < self.n
            and self.units[k].kind == "num"
            and self.units[k + 1].kind == "sym"
            and self.units[k + 1].key in lex.LIST_MARKS
        )

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

    def __init__(self, matches: Iterable[_Match] = ()) -> None:
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
