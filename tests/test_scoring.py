"""evaluate() on hand-made cases whose scores were worked out by hand.

Each case states the entity counts it expects (tp / predicted / gold) in a
comment; the numbers asserted follow from them.
"""

from __future__ import annotations

import warnings

import pytest

from benchmark.scoring import evaluate, score_sequences
from benchmark.types import LABELS, Document, MoneyValue, Span

TEXT = "وقعت شركة بوينج صفقة بقيمة 7 مليارات دولار مع وكازاخستان في واشنطن."


def span(text: str, surface: str, label: str, value: MoneyValue | None = None) -> Span:
    start = text.index(surface)
    return Span(start, start + len(surface), label, surface, value)


GOLD = (
    span(TEXT, "شركة بوينج", "ORG"),
    span(TEXT, "7 مليارات دولار", "MONEY"),
    span(TEXT, "كازاخستان", "LOC"),  # proclitic و left out, as the guidelines say
    span(TEXT, "واشنطن", "LOC"),
)
DOC = Document("d1", TEXT, GOLD)


def score(predicted, documents=(DOC,), **kw):
    kw.setdefault("n_resamples", 0)
    if not isinstance(predicted, dict):
        predicted = {documents[0].id: list(predicted)}
    return evaluate(list(documents), predicted, **kw)


def prf(block, key=None):
    s = block["overall"] if key is None else block["per_type"][key]
    return (s["precision"], s["recall"], s["f1"], s["support"])


def replace(label_or_surface: str, new: Span) -> list[Span]:
    return [new if g.text == label_or_surface else g for g in GOLD]


def test_perfect_prediction():
    m = score(GOLD)
    for key in ("seqeval_strict", "seqeval_default", "span_exact", "span_lenient", "span_partial"):
        assert prf(m[key]) == (1.0, 1.0, 1.0, 4)
        assert m[key]["macro_f1"] == 1.0
    assert m["errors"]["false_positives"] == m["errors"]["false_negatives"] == []
    assert m["confusion"]["LOC"] == {"MONEY": 0, "ORG": 0, "LOC": 2, "O": 0}


def test_result_has_the_run_record_shape():
    m = score(GOLD, n_resamples=20)
    assert list(m) == [
        "seqeval_strict",
        "seqeval_default",
        "span_exact",
        "span_lenient",
        "span_partial",
        "money_values",
        "confusion",
        "errors",
    ]
    for key in ("seqeval_strict", "seqeval_default"):
        assert set(m[key]) == {"overall", "per_type", "macro_f1", "ci95"}
        assert set(m[key]["ci95"]) == {"low", "high", "n_resamples", "unit", "seed"}
    for key in ("span_exact", "span_lenient", "span_partial"):
        assert set(m[key]) == {"overall", "per_type", "macro_f1"}
        assert list(m[key]["per_type"]) == list(LABELS)
    assert set(m["confusion"]) == {*LABELS, "O"}
    assert {"false_positives", "false_negatives", "boundary", "type"} <= set(m["errors"])


def test_boundary_too_short():
    # ORG predicted as "بوينج" without "شركة": strict tp 3 / pred 4 / gold 4.
    m = score(replace("شركة بوينج", span(TEXT, "بوينج", "ORG")))
    assert prf(m["seqeval_strict"]) == (0.75, 0.75, 0.75, 4)
    assert prf(m["seqeval_strict"], "ORG") == (0.0, 0.0, 0.0, 1)
    assert m["seqeval_strict"]["macro_f1"] == pytest.approx(2 / 3)  # (0 + 1 + 1) / 3
    # partial: 3 exact + 0.5 for the overlap = 3.5 of 4
    assert prf(m["span_partial"]) == (0.875, 0.875, 0.875, 4)
    assert prf(m["span_partial"], "ORG") == (0.5, 0.5, 0.5, 1)
    (b,) = m["errors"]["boundary"]
    assert (b["document"], b["gold"]["text"], b["pred"]["text"]) == ("d1", "شركة بوينج", "بوينج")
    assert m["errors"]["false_positives"] == m["errors"]["false_negatives"] == m["errors"]["type"] == []
    assert m["confusion"]["ORG"]["O"] == 1 and m["confusion"]["O"]["ORG"] == 1


def test_boundary_too_long():
    # MONEY predicted with the trigger "بقيمة": strict tp 3 / 4 / 4.
    m = score(replace("7 مليارات دولار", span(TEXT, "بقيمة 7 مليارات دولار", "MONEY")))
    assert prf(m["seqeval_strict"]) == (0.75, 0.75, 0.75, 4)
    assert prf(m["seqeval_default"], "MONEY") == (0.0, 0.0, 0.0, 1)
    assert prf(m["span_partial"], "MONEY") == (0.5, 0.5, 0.5, 1)
    (b,) = m["errors"]["boundary"]
    assert b["pred"]["text"] == "بقيمة 7 مليارات دولار" and b["gold"]["label"] == "MONEY"


def test_same_span_wrong_type():
    # "واشنطن" predicted as ORG: tp 3 / 4 / 4 overall;
    # LOC tp 1 / pred 1 / gold 2; ORG tp 1 / pred 2 / gold 1.
    m = score(replace("واشنطن", span(TEXT, "واشنطن", "ORG")))
    assert prf(m["seqeval_strict"]) == (0.75, 0.75, 0.75, 4)
    assert prf(m["seqeval_strict"], "LOC") == (1.0, 0.5, pytest.approx(2 / 3), 2)
    assert prf(m["seqeval_strict"], "ORG") == (0.5, 1.0, pytest.approx(2 / 3), 1)
    assert m["seqeval_strict"]["macro_f1"] == pytest.approx((1 + 2 / 3 + 2 / 3) / 3)
    assert prf(m["span_partial"]) == (0.75, 0.75, 0.75, 4)  # a wrong type earns no partial credit
    (t,) = m["errors"]["type"]
    assert (t["gold"]["label"], t["pred"]["label"], t["pred"]["text"]) == ("LOC", "ORG", "واشنطن")
    assert m["confusion"]["LOC"]["ORG"] == 1 and m["confusion"]["LOC"]["LOC"] == 1
    assert m["errors"]["boundary"] == []


def test_empty_prediction_scores_zero_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m = score([], n_resamples=50)
    for key in ("seqeval_strict", "seqeval_default", "span_exact", "span_lenient", "span_partial"):
        assert prf(m[key]) == (0.0, 0.0, 0.0, 4)
        assert m[key]["macro_f1"] == 0.0
    assert m["seqeval_strict"]["ci95"]["low"] == m["seqeval_strict"]["ci95"]["high"] == 0.0
    assert len(m["errors"]["false_negatives"]) == 4
    assert m["confusion"]["LOC"]["O"] == 2 and m["confusion"]["O"] == {"MONEY": 0, "ORG": 0, "LOC": 0, "O": 0}


def test_empty_gold_scores_zero_without_warnings():
    doc = Document("empty", TEXT, ())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m = score(GOLD[:2], documents=(doc,), n_resamples=50)
        both_empty = score([], documents=(doc,), n_resamples=50)
    assert prf(m["seqeval_strict"]) == (0.0, 0.0, 0.0, 0)
    assert [e["text"] for e in m["errors"]["false_positives"]] == ["شركة بوينج", "7 مليارات دولار"]
    assert prf(both_empty["seqeval_strict"]) == (0.0, 0.0, 0.0, 0)
    assert both_empty["seqeval_strict"]["macro_f1"] == 0.0
    assert list(both_empty["seqeval_strict"]["per_type"]) == list(LABELS)


def test_several_documents():
    d1 = Document("a", "زار الوفد الرياض أمس", (span("زار الوفد الرياض أمس", "الرياض", "LOC"),))
    d2 = Document("b", "أعلنت أرامكو أرباحها", (span("أعلنت أرامكو أرباحها", "أرامكو", "ORG"),))
    d3 = Document("c", "بلغت 5 ملايين دولار", ())
    predicted = {
        "a": [span(d1.text, "الرياض", "LOC")],  # right
        # "b": nothing predicted -> ORG missed
        "c": [span(d3.text, "5 ملايين دولار", "MONEY")],  # spurious
    }
    # tp 1 / pred 2 / gold 2
    m = evaluate([d1, d2, d3], predicted, n_resamples=30)
    assert prf(m["seqeval_strict"]) == (0.5, 0.5, 0.5, 2)
    assert prf(m["seqeval_strict"], "LOC") == (1.0, 1.0, 1.0, 1)
    assert prf(m["seqeval_strict"], "ORG") == (0.0, 0.0, 0.0, 1)
    assert prf(m["seqeval_strict"], "MONEY") == (0.0, 0.0, 0.0, 0)
    assert m["seqeval_strict"]["macro_f1"] == pytest.approx(1 / 3)  # all three types occur
    assert m["seqeval_strict"]["ci95"]["unit"] == "document"
    assert [(e["document"], e["text"]) for e in m["errors"]["false_negatives"]] == [("b", "أرامكو")]
    assert [(e["document"], e["text"]) for e in m["errors"]["false_positives"]] == [("c", "5 ملايين دولار")]


def test_entities_never_cross_documents():
    # Each document ends inside an entity and the next starts with one of the
    # same type; joined into one sequence they could merge, per document not.
    d1 = Document("a", "في الرياض", (span("في الرياض", "الرياض", "LOC"),))
    d2 = Document("b", "جدة اليوم", (span("جدة اليوم", "جدة", "LOC"),))
    m = evaluate([d1, d2], {"a": list(d1.spans), "b": list(d2.spans)}, n_resamples=0)
    assert prf(m["seqeval_default"]) == (1.0, 1.0, 1.0, 2)


def test_proclitic_views():
    # prediction keeps the و the gold leaves out: same token, so seqeval
    # counts it right; exact does not; lenient does; partial gives half.
    predicted = replace("كازاخستان", span(TEXT, "وكازاخستان", "LOC"))
    m = score(predicted)
    assert prf(m["seqeval_strict"]) == (1.0, 1.0, 1.0, 4)
    assert prf(m["span_exact"], "LOC") == (0.5, 0.5, 0.5, 2)
    assert prf(m["span_lenient"], "LOC") == (1.0, 1.0, 1.0, 2)
    assert prf(m["span_partial"], "LOC") == (0.75, 0.75, 0.75, 2)
    assert m["errors"]["boundary"] == []


def test_lenient_two_proclitics_either_side_and_not_other_prefixes():
    text = "ورحب الوفد وبالرياض والولايات المتحدة"
    gold = (span(text, "الرياض", "LOC"), span(text, "والولايات المتحدة", "LOC"))
    doc = Document("x", text, gold)
    predicted = [span(text, "وبالرياض", "LOC"), span(text, "الولايات المتحدة", "LOC")]
    assert prf(score(predicted, documents=(doc,))["span_lenient"]) == (1.0, 1.0, 1.0, 2)
    # "المتحدة" alone differs by a whole word: not lenient, only partial
    m = score([span(text, "وبالرياض", "LOC"), span(text, "المتحدة", "LOC")], documents=(doc,))
    assert prf(m["span_lenient"]) == (0.5, 0.5, 0.5, 2)
    assert prf(m["span_partial"]) == (0.5, 0.5, 0.5, 2)  # two overlaps, 0.5 each: 1.0 of 2
    # same extent but another label is never lenient
    assert prf(score([span(text, "وبالرياض", "ORG")], documents=(doc,))["span_lenient"])[:3] == (0.0, 0.0, 0.0)


def test_money_values_over_token_matched_spans():
    text = "صفقة بقيمة 7 مليارات دولار ثم 3 إلى 5 مليارات دولار ثم 20 مليون ريال ثم 8 ملايين يورو"
    usd7 = MoneyValue(7e9, 7e9, "USD")
    range_usd = MoneyValue(3e9, 5e9, "USD")
    gold = (
        span(text, "7 مليارات دولار", "MONEY", usd7),
        span(text, "3 إلى 5 مليارات دولار", "MONEY", range_usd),
        span(text, "20 مليون ريال", "MONEY", None),  # no gold value: not judged
        span(text, "8 ملايين يورو", "MONEY", MoneyValue(8e6, 8e6, "EUR")),
    )
    doc = Document("m", text, gold)
    predicted = [
        span(text, "7 مليارات دولار", "MONEY", MoneyValue(7e9, 7e9, "USD")),  # right value
        span(text, "3 إلى 5 مليارات دولار", "MONEY", MoneyValue(3e9, 5e9, None)),  # currency missed
        span(text, "20 مليون ريال", "MONEY", MoneyValue(2e7, 2e7, "SAR")),
        span(text, "8 ملايين", "MONEY", MoneyValue(8e6, 8e6, "EUR")),  # other tokens: not matched
    ]
    m = score(predicted, documents=(doc,))
    assert m["money_values"] == {"matched": 2, "correct": 1, "accuracy": 0.5, "gold_without_value": 1}


def test_overlapping_predictions_the_projection_drops_are_listed():
    predicted = list(GOLD) + [span(TEXT, "بوينج", "LOC")]  # inside the ORG's tokens
    m = score(predicted)
    assert prf(m["seqeval_strict"]) == (1.0, 1.0, 1.0, 4)  # seqeval never sees it
    assert [(e["label"], e["text"]) for e in m["errors"]["dropped"]] == [("LOC", "بوينج")]
    assert prf(m["span_exact"]) == (0.8, 1.0, pytest.approx(8 / 9), 4)  # span views do count it


def test_duplicate_predictions_count_once():
    assert prf(score(list(GOLD) + [GOLD[0]])["span_exact"]) == (1.0, 1.0, 1.0, 4)


def test_bad_predictions_raise_clear_errors():
    with pytest.raises(ValueError, match=r"label 'PERS' is not one of MONEY, ORG, LOC"):
        score([Span(0, 4, "PERS", "وقعت")])
    with pytest.raises(ValueError, match="offsets outside the text"):
        score([Span(0, 10_000, "LOC")])
    with pytest.raises(ValueError, match="offsets shifted"):
        score([Span(0, 4, "LOC", "شركة")])
    with pytest.raises(ValueError, match="not in the corpus: 'nope'"):
        evaluate([DOC], {"nope": []}, n_resamples=0)


def test_missing_document_entry_means_no_predictions():
    assert prf(evaluate([DOC], {}, n_resamples=0)["seqeval_strict"]) == (0.0, 0.0, 0.0, 4)


# --- raw tag sequences: where seqeval's two modes differ -------------------


def seq(gold, pred, mode):
    s = score_sequences([gold.split()], [pred.split()], mode)
    return s, (s["overall"]["precision"], s["overall"]["recall"], s["overall"]["f1"], s["overall"]["support"])


def test_entity_starting_with_i_strict_vs_default():
    gold, pred = "B-ORG I-ORG O B-LOC", "I-ORG I-ORG O B-LOC"
    # strict: the I- run starts no entity -> tp 1 (LOC) / pred 1 / gold 2
    s, overall = seq(gold, pred, "strict")
    assert overall == (1.0, 0.5, pytest.approx(2 / 3), 2)
    assert s["per_type"]["ORG"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert s["macro_f1"] == 0.5
    # default: I-ORG I-ORG reads as one ORG entity -> tp 2 / 2 / 2
    assert seq(gold, pred, "default")[1] == (1.0, 1.0, 1.0, 2)


def test_b_org_i_loc():
    # prediction B-ORG I-LOC against gold B-ORG I-ORG:
    #   strict: one ORG of one token -> tp 0 / pred 1 / gold 1
    #   default: ORG(0) and LOC(1) -> tp 0 / pred 2 / gold 1
    s, overall = seq("B-ORG I-ORG", "B-ORG I-LOC", "strict")
    assert overall == (0.0, 0.0, 0.0, 1) and set(s["per_type"]) == {"ORG"}
    s, overall = seq("B-ORG I-ORG", "B-ORG I-LOC", "default")
    assert overall == (0.0, 0.0, 0.0, 1) and s["per_type"]["LOC"]["support"] == 0
    # as gold: strict sees only ORG(0), default sees ORG(0) and LOC(1)
    assert seq("B-ORG I-LOC", "B-ORG O", "strict")[1] == (1.0, 1.0, 1.0, 1)
    assert seq("B-ORG I-LOC", "B-ORG O", "default")[1] == (1.0, 0.5, pytest.approx(2 / 3), 2)


# --- the seed article and its gold ------------------------------------------


def test_seed_gold_scored_against_itself_and_with_proclitics_kept(root):
    from benchmark.corpora.documents import CorpusError
    from benchmark.corpora.corpus import load_seed
    from benchmark.tokenize import tokenize

    try:
        corpus = load_seed(root)
    except CorpusError as err:
        pytest.skip(f"seed gold not loadable: {err}")
    (doc,) = corpus.documents
    perfect = evaluate(corpus.documents, {doc.id: list(doc.spans)}, n_resamples=100)
    for key in ("seqeval_strict", "seqeval_default", "span_exact", "span_lenient", "span_partial"):
        assert perfect[key]["overall"]["f1"] == 1.0
    assert perfect["seqeval_strict"]["ci95"]["unit"] == "sentence"
    # A model that keeps the proclitic the guidelines leave out
    word_starts = {t.start for t in tokenize(doc.text)}
    widened = [
        Span(s.start - 1, s.end, s.label, value=s.value)
        if s.start - 1 in word_starts and doc.text[s.start - 1] in "وفبلك"
        else s
        for s in doc.spans
    ]
    n_widened = sum(a != b for a, b in zip(widened, doc.spans))
    if not n_widened:
        pytest.skip("no gold span follows a proclitic")
    m = evaluate(corpus.documents, {doc.id: widened}, n_resamples=0)
    n = len(doc.spans)
    assert m["seqeval_strict"]["overall"]["f1"] == 1.0
    assert m["span_lenient"]["overall"]["f1"] == 1.0
    assert m["span_exact"]["overall"]["precision"] == pytest.approx((n - n_widened) / n)
    assert m["errors"]["boundary"] == []


def test_importing_the_scorer_stays_light():
    import subprocess
    import sys

    code = (
        "import sys, benchmark.scoring, benchmark.corpora.conll; "
        "print(sorted(m for m in ('torch', 'transformers', 'datasets', 'sklearn') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
