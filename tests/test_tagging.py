"""Projection of character spans onto IOB2 tags over the scoring tokens, and back."""

from __future__ import annotations

import random

import pytest

from benchmark.tagging import repair, spans_to_tags, split_tag, tags_to_spans, token_range
from benchmark.tokenize import tokenize
from benchmark.types import Span

TEXT = "دخلت الولايات المتحدة وكازاخستان مرحلة جديدة، ووقعت شركة بوينج صفقة بقيمة 7 مليارات دولار."


def span(text: str, surface: str, label: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return Span(start, start + len(surface), label, surface)


def test_token_range():
    tokens = tokenize(TEXT)
    s = span(TEXT, "الولايات المتحدة", "LOC")
    assert token_range(tokens, s.start, s.end) == (1, 3)
    # a range inside one token still touches that token
    assert token_range(tokens, s.start + 2, s.start + 3) == (1, 2)
    # whitespace between tokens touches none
    gap = TEXT.index(" ")
    assert token_range(tokens, gap, gap + 1)[0] == token_range(tokens, gap, gap + 1)[1]


def test_spans_to_tags_hand_checked():
    tokens = tokenize(TEXT)
    words = [t.text for t in tokens]
    spans = [
        span(TEXT, "الولايات المتحدة", "LOC"),
        span(TEXT, "كازاخستان", "LOC"),
        span(TEXT, "شركة بوينج", "ORG"),
        span(TEXT, "7 مليارات دولار", "MONEY"),
    ]
    tags = spans_to_tags(tokens, spans)
    expected = {
        "الولايات": "B-LOC",
        "المتحدة": "I-LOC",
        "وكازاخستان": "B-LOC",
        "شركة": "B-ORG",
        "بوينج": "I-ORG",
        "7": "B-MONEY",
        "مليارات": "I-MONEY",
        "دولار": "I-MONEY",
    }
    assert tags == [expected.get(w, "O") for w in words]


def test_proclitic_out_gold_and_proclitic_in_prediction_land_on_the_same_token():
    tokens = tokenize(TEXT)
    gold = [span(TEXT, "كازاخستان", "LOC")]  # guidelines: proclitic و outside
    pred = [span(TEXT, "وكازاخستان", "LOC")]  # a model that keeps the clitic
    assert gold[0].start == pred[0].start + 1
    assert spans_to_tags(tokens, gold) == spans_to_tags(tokens, pred)
    # two proclitics (و + ب) as well
    text = "ورحب الزعيمان وبالصفقات"
    toks = tokenize(text)
    assert spans_to_tags(toks, [span(text, "الصفقات", "ORG")]) == spans_to_tags(toks, [span(text, "وبالصفقات", "ORG")])


def test_adjacent_spans_of_one_label_stay_two_entities():
    text = "الرياض جدة"
    tokens = tokenize(text)
    tags = spans_to_tags(tokens, [span(text, "الرياض", "LOC"), span(text, "جدة", "LOC")])
    assert tags == ["B-LOC", "B-LOC"]


def test_round_trip_spans_tags_spans():
    tokens = tokenize(TEXT)
    # spans on token boundaries come back unchanged (text included)
    spans = sorted(
        [
            span(TEXT, "الولايات المتحدة", "LOC"),
            span(TEXT, "وكازاخستان", "LOC"),
            span(TEXT, "شركة بوينج", "ORG"),
            span(TEXT, "7 مليارات دولار", "MONEY"),
        ]
    )
    back = tags_to_spans(TEXT, tokens, spans_to_tags(tokens, spans))
    assert back == spans
    assert [s.text for s in back] == [s.text for s in spans]
    # a span inside a token comes back widened to the whole token
    inner = span(TEXT, "كازاخستان", "LOC")
    (widened,) = tags_to_spans(TEXT, tokens, spans_to_tags(tokens, [inner]))
    assert widened.text == "وكازاخستان" and widened.end == inner.end
    # and tags -> spans -> tags is the identity on valid IOB2
    rng = random.Random(3)
    for _ in range(200):
        tags = [rng.choice(["O", "O", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]) for _ in tokens]
        tags, _ = repair(tags, "default")
        assert spans_to_tags(tokens, tags_to_spans(TEXT, tokens, tags)) == tags


def test_repair_default_reads_a_stray_i_as_b():
    assert repair(["O", "I-ORG", "I-ORG", "O"], "default") == (["O", "B-ORG", "I-ORG", "O"], 1)
    assert repair(["B-ORG", "I-LOC", "I-LOC"], "default") == (["B-ORG", "B-LOC", "I-LOC"], 1)
    assert repair(["B-ORG", "I-ORG"], "default") == (["B-ORG", "I-ORG"], 0)


def test_repair_strict_drops_an_entity_that_starts_with_i():
    assert repair(["O", "I-ORG", "I-ORG", "O"], "strict") == (["O", "O", "O", "O"], 2)
    assert repair(["B-ORG", "I-LOC", "B-LOC"], "strict") == (["B-ORG", "O", "B-LOC"], 1)
    with pytest.raises(ValueError, match="unknown repair mode"):
        repair(["O"], "lenient")


def test_split_tag():
    assert split_tag("B-MONEY") == ("B", "MONEY")
    assert split_tag("O") == ("O", None)
