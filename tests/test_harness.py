"""From cards to extractors: user callables and composites (no model needed)."""

from __future__ import annotations

import pytest

from benchmark.extractors.cards import Card
from benchmark.extractors.harness import CallableExtractor, CompositeExtractor, ExtractorError
from benchmark.types import Document, Span

DOC = Document("d1", "وقعت شركة وابتك عقدا بقيمة 4.2 مليار دولار مع شركة أخرى.")


def test_function_callable_returns_checked_spans():
    extractor = CallableExtractor("tests.fixtures.user_extractor:extract")
    spans = extractor.predict([DOC])["d1"]
    assert [(s.text, s.label) for s in spans] == [("وابتك", "ORG"), ("أخرى.", "ORG"), ("4.2 مليار دولار", "MONEY")]
    assert extractor.revision().startswith("sha256:")


def test_class_with_predict_is_instantiated():
    spans = CallableExtractor("tests.fixtures.user_extractor:ClassExtractor").predict([DOC])["d1"]
    assert len(spans) == 3


def test_bad_output_names_document_and_span():
    with pytest.raises(ExtractorError, match=r"d1: span 0: label 'PERSON' is not one of MONEY, ORG, LOC"):
        CallableExtractor("tests.fixtures.user_extractor:bad_label").predict([DOC])


def test_unimportable_callable_is_one_line():
    with pytest.raises(ExtractorError, match="cannot import module 'no_such_module'"):
        CallableExtractor("no_such_module:f")
    with pytest.raises(ExtractorError, match="has no attribute 'nope'"):
        CallableExtractor("tests.fixtures.user_extractor:nope")


class Fixed:
    def __init__(self, spans):
        self.spans = spans

    def predict(self, documents):
        return {d.id: list(self.spans) for d in documents}

    def revision(self):
        return "r"


def test_composite_takes_listed_labels_and_first_part_wins_overlaps():
    first = Fixed([Span(10, 15, "ORG"), Span(27, 42, "LOC")])
    second = Fixed([Span(27, 42, "MONEY"), Span(10, 15, "MONEY"), Span(50, 55, "ORG")])
    parts = iter([first, second])
    card = Card.from_table(
        {
            "name": "a+b",
            "kind": "composite",
            "parts": [{"model": "money-rules", "labels": ["ORG"]}, {"model": "money-rules", "labels": ["MONEY"]}],
        }
    )
    composite = CompositeExtractor(card, lambda _: next(parts))
    spans = composite.predict([DOC])["d1"]
    # LOC of the first part is not listed; MONEY [27,42) is kept since LOC was not taken;
    # MONEY [10,15) overlaps the first part's ORG and is dropped; ORG of part 2 is not listed.
    assert [(s.start, s.end, s.label) for s in spans] == [(10, 15, "ORG"), (27, 42, "MONEY")]
    assert composite.revision() == "r+r"


def test_ad_hoc_composite_parts_contribute_the_labels_they_can_produce():
    from benchmark.extractors.cards import card_label_map
    from benchmark.extractors.harness import producible_labels
    from benchmark.extractors.protocol import as_extractor
    from benchmark.extractors.rules.money.extractor import MoneyRulesExtractor
    from benchmark.extractors.transformers_ner import TransformersExtractor

    assert producible_labels(MoneyRulesExtractor()) == ("MONEY",)
    card = {"kind": "transformers", "label_map": {"LOC": "LOC", "ORG": "ORG", "PERS": "ignore"}}
    assert producible_labels(TransformersExtractor("some/model", label_map=card_label_map(card))) == ("ORG", "LOC")
    assert producible_labels(TransformersExtractor("some/model", label_map=None)) == ("MONEY", "ORG", "LOC")
    assert producible_labels(as_extractor(object())) == ("MONEY", "ORG", "LOC")


def test_every_extractor_kind_implements_the_protocol():
    from benchmark.extractors.cards import resolve
    from benchmark.extractors.harness import build_extractor
    from benchmark.extractors.protocol import Extractor
    from benchmark.extractors.transformers_ner import TransformersExtractor

    for model in ("gazetteer", "money-rules", "gazetteer+money-rules", "tests.fixtures.user_extractor:extract"):
        extractor = build_extractor(resolve(model))
        assert isinstance(extractor, Extractor), model
        assert extractor.revision().startswith("sha256:") or "+" in extractor.revision(), model
    assert isinstance(TransformersExtractor("some/model", label_map=None), Extractor)
