"""The money-rules extractor: the MONEY grammar run over documents."""

from __future__ import annotations

import re

from benchmark.extractors.rules.money import extractor as money_rules
from benchmark.extractors.rules.money.extractor import MoneyRulesExtractor
from benchmark.types import Document, MoneyValue


def test_name_and_labels():
    extractor = MoneyRulesExtractor()
    assert extractor.name == "money-rules"
    assert extractor.labels == ("MONEY",)


def test_predict_returns_money_spans_per_document():
    docs = [
        Document("a", "وقعت الشركة عقدا بقيمة 7 مليارات دولار مع الحكومة."),
        Document("b", "ارتفع الدولار 5% وتراجع النفط إلى 70 دولارا للبرميل، وبـ3 ملايين ريال."),
        Document("c", "لا مال هنا: مليون برميل و5 ملايين نسمة."),
    ]
    predictions = MoneyRulesExtractor().predict(docs)
    assert set(predictions) == {"a", "b", "c"}
    assert [(s.text, s.value) for s in predictions["a"]] == [
        ("7 مليارات دولار", MoneyValue(7e9, 7e9, "USD")),
    ]
    assert [s.text for s in predictions["b"]] == ["70 دولارا", "3 ملايين ريال"]
    assert predictions["c"] == []
    for doc in docs:
        for span in predictions[doc.id]:
            assert span.label == "MONEY"
            assert doc.text[span.start : span.end] == span.text


def test_predict_on_no_documents():
    assert MoneyRulesExtractor().predict([]) == {}


def test_revision_is_a_sha256_of_the_grammar():
    revision = MoneyRulesExtractor().revision()
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", revision)
    assert revision == MoneyRulesExtractor().revision()


def test_revision_changes_when_a_file_of_the_package_changes_or_is_added(tmp_path, monkeypatch):
    (tmp_path / "parser.py").write_text("GRAMMAR = 1\n", encoding="utf-8")
    monkeypatch.setattr(money_rules, "PACKAGE_DIR", tmp_path)
    before = money_rules.revision.__wrapped__()
    (tmp_path / "parser.py").write_text("GRAMMAR = 2\n", encoding="utf-8")
    edited = money_rules.revision.__wrapped__()
    (tmp_path / "values.py").write_text("", encoding="utf-8")  # a new module nobody listed
    added = money_rules.revision.__wrapped__()
    assert len({before, edited, added}) == 3
    assert all(r.startswith("sha256:") for r in (before, edited, added))


def test_revision_covers_every_file_of_the_package():
    # context.py decides currencies from the document: editing it must change the revision
    from benchmark.extractors import package_files

    names = {path.name for path in package_files(money_rules.PACKAGE_DIR)}
    assert {"parser.py", "lexicon.py", "context.py", "extractor.py"} <= names
    assert names == {path.name for path in money_rules.PACKAGE_DIR.glob("*.py")}


def test_predict_uses_the_whole_document():
    # GUIDELINES 6 and 9.3: the country and the elided currency come from other sentences
    doc = Document(
        "t", "قال البنك المركزي التونسي إن العجز اتسع.\nوبلغ العجز 3 مليارات دينار. ويريد خفضه بمقدار مليارين."
    )
    spans = MoneyRulesExtractor().predict([doc])["t"]
    assert [(s.text, s.value) for s in spans] == [
        ("3 مليارات دينار", MoneyValue(3e9, 3e9, "TND")),
        ("مليارين", MoneyValue(2e9, 2e9, "TND")),
    ]
