"""Mention lists -> spans with offsets (`bench annotate`)."""

from __future__ import annotations

import pytest

from benchmark.corpora.annotate import spans_from_mentions
from benchmark.corpora.documents import CorpusError
from benchmark.types import MoneyValue

TEXT = "وقال البنك إن بنك الرياض وشركة أرامكو في الرياض دفعت 5 ملايين ريال."


def test_finds_mentions_in_order_with_proclitics_outside():
    spans = spans_from_mentions(
        TEXT, ["ORG\tبنك الرياض", "ORG\tشركة أرامكو", "LOC\tالرياض", "MONEY\t5 ملايين ريال\t\t5e6 SAR"]
    )
    assert [(s.text, s.label) for s in spans] == [
        ("بنك الرياض", "ORG"),
        ("شركة أرامكو", "ORG"),
        ("الرياض", "LOC"),
        ("5 ملايين ريال", "MONEY"),
    ]
    assert all(TEXT[s.start : s.end] == s.text for s in spans)
    # "وشركة": the conjunction stays outside the span
    assert TEXT[spans[1].start - 1] == "و"
    assert spans[3].value == MoneyValue(5e6, 5e6, "SAR")


def test_does_not_match_inside_a_longer_word():
    # "بنك" first occurs inside "البنك"; the whole-word match is the later one.
    spans = spans_from_mentions(TEXT, ["ORG\tبنك"])
    assert spans[0].start == TEXT.index("بنك الرياض")


def test_missing_mention_names_the_line():
    with pytest.raises(CorpusError, match="mentions: line 2: 'دبي' not found"):
        spans_from_mentions(TEXT, ["LOC\tالرياض", "LOC\tدبي"])


def test_numbers_glued_to_a_word_or_to_a_proclitic_with_tatweel():
    text = "ناهزت500 مليون دينار ثم ارتفعت بـ32.5 مليار دينار"
    spans = spans_from_mentions(text, ["MONEY\t500 مليون دينار\t\t5e8 TND", "MONEY\t32.5 مليار دينار\t\t3.25e10 TND"])
    assert [s.text for s in spans] == ["500 مليون دينار", "32.5 مليار دينار"]
    assert text[spans[1].start - 2 : spans[1].start] == "بـ"


def test_a_pinned_offset_takes_the_mention_even_inside_a_glued_word():
    text = "بلغ 7158 مليون ديناروتحقيق"
    spans = spans_from_mentions(text, ["MONEY\t7158 مليون دينار\t4\t7.158e9 TND"])
    assert (spans[0].start, spans[0].text) == (4, "7158 مليون دينار")
    with pytest.raises(CorpusError):
        spans_from_mentions(text, ["MONEY\t7158 مليون دينار"])  # unpinned: whole words only
