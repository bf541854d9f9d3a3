"""Our per-unit counts, summed, reproduce seqeval's own numbers exactly."""

from __future__ import annotations

import random
import warnings

import pytest
from seqeval.metrics import classification_report
from seqeval.scheme import IOB2

from benchmark.scoring import evaluate, score_sequences
from benchmark.scoring.prepare import prepare_gold, prepare_predictions
from benchmark.tagging import repair
from .scoring_synthetic import synthetic_corpus

SEQEVAL_KW = {"strict": {"mode": "strict", "scheme": IOB2}, "default": {}}


def seqeval_report(y_true, y_pred, mode):
    with warnings.catch_warnings():  # seqeval's macro mean of no types warns (nan)
        warnings.simplefilter("ignore", RuntimeWarning)
        return classification_report(y_true, y_pred, output_dict=True, zero_division=0, **SEQEVAL_KW[mode])


def assert_same_as_seqeval(ours: dict, report: dict):
    micro = report.get("micro avg")
    if micro is None:  # seqeval gives no rows when neither side has an entity
        assert ours["overall"]["f1"] == 0.0
        return
    assert (
        ours["overall"]["precision"],
        ours["overall"]["recall"],
        ours["overall"]["f1"],
        ours["overall"]["support"],
    ) == (micro["precision"], micro["recall"], micro["f1-score"], micro["support"])
    types = [k for k in report if not k.endswith(" avg")]
    for t in types:
        row, mine = report[t], ours["per_type"][t]
        assert (mine["precision"], mine["recall"], mine["f1"], mine["support"]) == (
            row["precision"],
            row["recall"],
            row["f1-score"],
            row["support"],
        ), t
    for t, mine in ours["per_type"].items():  # types seqeval does not list are all zero
        if t not in types:
            assert mine == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 0}
    if types:
        assert ours["macro_f1"] == pytest.approx(report["macro avg"]["f1-score"], abs=1e-15)
    else:  # seqeval's macro mean of no types is nan; ours is 0
        assert ours["macro_f1"] == 0.0


@pytest.mark.parametrize("mode", ["strict", "default"])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_evaluate_equals_seqeval_on_projected_tags(mode, seed):
    documents, predictions = synthetic_corpus(12, seed=seed)
    gold = prepare_gold(documents)
    predicted = prepare_predictions(gold, predictions)
    y_true = [g.tags for g in gold.documents]  # one sequence per document
    y_pred = [p.tags for p in predicted]
    ours = evaluate(documents, predictions, n_resamples=0)[f"seqeval_{mode}"]
    assert_same_as_seqeval(ours, seqeval_report(y_true, y_pred, mode))


def random_tags(rng, n, types=("ORG", "LOC", "MONEY", "PERS")):
    choices = ["O"] * 4 + [f"{p}-{t}" for p in "BI" for t in types]
    return [rng.choice(choices) for _ in range(n)]


@pytest.mark.parametrize("mode", ["strict", "default"])
def test_raw_tag_sequences_with_invalid_iob2_equal_seqeval(mode):
    rng = random.Random(11)
    for _ in range(60):
        lengths = [rng.randint(0, 12) for _ in range(rng.randint(1, 6))]
        y_true = [random_tags(rng, n) for n in lengths]
        y_pred = [random_tags(rng, n) for n in lengths]
        assert_same_as_seqeval(score_sequences(y_true, y_pred, mode), seqeval_report(y_true, y_pred, mode))


@pytest.mark.parametrize("mode", ["strict", "default"])
def test_repair_applies_the_same_rule_seqeval_applies(mode):
    # Scoring repaired tags gives exactly the scores of the raw tags, so the
    # repair count of `bench conlleval` counts what the mode reinterprets.
    rng = random.Random(5)
    for _ in range(200):
        n = rng.randint(1, 10)
        y_true, y_pred = [random_tags(rng, n)], [random_tags(rng, n)]
        raw = score_sequences(y_true, y_pred, mode)
        fixed = score_sequences([repair(y_true[0], mode)[0]], [repair(y_pred[0], mode)[0]], mode)
        assert raw == fixed
