"""Bootstrap confidence intervals and the paired bootstrap test."""

from __future__ import annotations

import time

import numpy as np
import pytest

from benchmark.scoring import evaluate, paired_bootstrap
from benchmark.scoring.bootstrap import ci95, micro_f1_samples, resample_weights
from benchmark.scoring.counts import UnitCounts
from benchmark.scoring.evaluate import unit_counts
from benchmark.scoring.prepare import prepare_gold, prepare_predictions
from benchmark.types import Document, Span

from .scoring_synthetic import synthetic_corpus


@pytest.fixture(scope="module")
def corpus():
    return synthetic_corpus(30, seed=4)


def test_micro_f1_of_hand_weighted_resamples():
    # unit 0: tp 1, pred 1, gold 2; unit 1: tp 0, pred 1, gold 0
    counts = UnitCounts(("ORG",), np.array([[1.0], [0.0]]), np.array([[1], [1]]), np.array([[2], [0]]))
    weights = np.array([[2, 0], [0, 2], [1, 1]])
    # F1 = 2 tp / (pred + gold): 4/6, 0/2, 2/4
    assert micro_f1_samples(counts, weights).tolist() == pytest.approx([2 / 3, 0.0, 0.5])


def test_resample_weights_draw_n_units_per_resample_reproducibly():
    w = resample_weights(7, 100, seed=3)
    assert w.shape == (100, 7) and (w.sum(axis=1) == 7).all()
    assert (w == resample_weights(7, 100, seed=3)).all()
    assert not (w == resample_weights(7, 100, seed=4)).all()


def test_ci_is_deterministic_with_the_seed(corpus):
    documents, predictions = corpus
    a = evaluate(documents, predictions, n_resamples=300, seed=0)["seqeval_strict"]
    b = evaluate(documents, predictions, n_resamples=300, seed=0)["seqeval_strict"]
    c = evaluate(documents, predictions, n_resamples=300, seed=1)["seqeval_strict"]
    assert a["ci95"] == b["ci95"]
    assert a["ci95"] != c["ci95"]
    assert a["ci95"]["n_resamples"] == 300 and a["ci95"]["seed"] == 0 and a["ci95"]["unit"] == "document"
    assert 0.0 <= a["ci95"]["low"] < a["overall"]["f1"] < a["ci95"]["high"] <= 1.0


def test_single_document_resamples_sentences():
    text = "زار الوفد الرياض. ثم زار جدة. وأعلنت أرامكو أرباحها.\nوقال البنك إن الأرباح ارتفعت."
    spans = tuple(
        Span(text.index(s), text.index(s) + len(s), lab, s)
        for s, lab in (("الرياض", "LOC"), ("جدة", "LOC"), ("أرامكو", "ORG"), ("البنك", "ORG"))
    )
    doc = Document("one", text, spans)
    gold = prepare_gold([doc])
    assert (gold.unit, gold.n_units) == ("sentence", 4)
    m = evaluate([doc], {"one": list(spans[:2])}, n_resamples=200)
    ci = m["seqeval_strict"]["ci95"]
    assert ci["unit"] == "sentence"
    assert ci["low"] < m["seqeval_strict"]["overall"]["f1"] < ci["high"]
    perfect = evaluate([doc], {"one": list(spans)}, n_resamples=200)["seqeval_strict"]["ci95"]
    assert perfect["low"] == perfect["high"] == 1.0


def test_no_resamples_gives_no_interval(corpus):
    documents, predictions = corpus
    ci = evaluate(documents, predictions, n_resamples=0)["seqeval_default"]["ci95"]
    assert ci["low"] is None and ci["high"] is None and ci["n_resamples"] == 0


def test_paired_bootstrap_of_identical_predictions(corpus):
    documents, predictions = corpus
    result = paired_bootstrap(documents, predictions, dict(predictions), n_resamples=500)
    assert result["delta"] == 0.0 and result["p_value"] == 1.0
    assert (
        result["f1_a"]
        == result["f1_b"]
        == evaluate(documents, predictions, n_resamples=0)["seqeval_strict"]["overall"]["f1"]
    )
    assert (result["n_resamples"], result["unit"], result["metric"]) == (500, "document", "seqeval_strict")


def test_paired_bootstrap_detects_a_real_difference(corpus):
    documents, predictions = corpus
    perfect = {d.id: list(d.spans) for d in documents}
    better = paired_bootstrap(documents, predictions, perfect, n_resamples=500, seed=0)
    assert better["f1_b"] == 1.0 and better["delta"] > 0.2
    assert better["p_value"] == 1 / 501  # no resample comes near a zero difference
    assert better["ci95"]["low"] > 0
    worse = paired_bootstrap(documents, perfect, predictions, n_resamples=500, seed=0)
    assert worse["delta"] == -better["delta"] and worse["p_value"] == better["p_value"]


def test_paired_bootstrap_on_small_difference_is_not_significant(corpus):
    documents, predictions = corpus
    # b loses one correct span in one document only
    first = documents[0]
    b = dict(predictions)
    right = next(s for s in predictions[first.id] if s in first.spans)
    b[first.id] = [s for s in predictions[first.id] if s != right]
    result = paired_bootstrap(documents, predictions, b, n_resamples=500, seed=0)
    assert 0 < abs(result["delta"]) < 0.02
    assert result["p_value"] > 0.05


@pytest.mark.parametrize("metric", ["seqeval_default", "span_exact", "span_lenient", "span_partial"])
def test_paired_bootstrap_other_metrics(corpus, metric):
    documents, predictions = corpus
    result = paired_bootstrap(documents, predictions, predictions, metric=metric, n_resamples=50)
    assert result["metric"] == metric and result["p_value"] == 1.0
    assert result["f1_a"] == evaluate(documents, predictions, n_resamples=0)[metric]["overall"]["f1"]


def test_unknown_metric(corpus):
    documents, predictions = corpus
    with pytest.raises(ValueError, match="unknown metric 'accuracy'"):
        paired_bootstrap(documents, predictions, predictions, metric="accuracy")


def test_summed_unit_counts_equal_the_corpus_score(corpus):
    documents, predictions = corpus
    gold = prepare_gold(documents)
    counts = unit_counts(gold, prepare_predictions(gold, predictions), "span_partial")
    assert counts.n_units == len(documents)
    overall = evaluate(documents, predictions, n_resamples=0)["span_partial"]["overall"]
    assert counts.n_gold.sum() == overall["support"]
    assert counts.tp.sum() / counts.n_pred.sum() == overall["precision"]


def test_1000_resamples_of_50_documents_are_fast():
    documents, predictions = synthetic_corpus(50, seed=1)
    gold = prepare_gold(documents)
    counts = unit_counts(gold, prepare_predictions(gold, predictions), "seqeval_strict")
    resample_weights.cache_clear()
    started = time.perf_counter()
    ci95(counts, n_resamples=1000, seed=0, unit=gold.unit)
    assert time.perf_counter() - started < 0.25  # measured ~4 ms; generous for a loaded machine
