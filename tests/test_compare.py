"""bench compare / bench check / benchmark.testing.assert_no_regression.

Expected numbers are derived by hand from the synthetic corpus of
records_fixtures.py: 15 gold mentions (MONEY 4, ORG 6, LOC 5) in 3 documents.
Dropping one ORG mention from a perfect run leaves 14 of 14 predictions right:
micro F1 = 2*14 / (14 + 15) = 28/29 = 0.9655, ORG F1 = 2*5 / (5 + 6) = 10/11 = 0.9091.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from benchmark.cli import cli
from benchmark.results.compare import (
    BOUNDARY_CHANGE,
    BROKEN,
    FIXED,
    TYPE_CHANGE,
    entity_diff,
    regression_verdict,
    score_deltas,
)
from benchmark.results.record_read import RecordError, record_from_dict
from benchmark.testing import assert_no_regression
from .records_fixtures import (
    added,
    gold_predictions,
    install_as_seed,
    make_record,
    replaced,
    synthetic_corpus,
    without,
    write_record,
)

CORPUS = synthetic_corpus()
PERFECT = gold_predictions(CORPUS)
MINUS_ORG = without(PERFECT, "synth-1", "بنك الخليج")


@pytest.fixture(scope="module")
def records():
    return {
        "perfect": make_record(CORPUS, PERFECT, "perfect"),
        "minus_org": make_record(CORPUS, MINUS_ORG, "minus-org"),
    }


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch):
    """The synthetic corpus as the current seed gold: check and compare re-score
    every record against it (rescore.verified)."""
    install_as_seed(tmp_path, CORPUS)
    monkeypatch.setenv("BENCH_HOME", str(tmp_path))
    return tmp_path


def verdict(base, cand, **kw):
    return regression_verdict(record_from_dict(base, "<a>"), record_from_dict(cand, "<b>"), **kw)


# --- the verdict ------------------------------------------------------------------


def test_equal_candidate_passes(records):
    v = verdict(records["perfect"], records["perfect"])
    assert v.ok
    assert v.line == "OK: seqeval_strict micro F1 1.000 -> 1.000 (+0.000); no F1 drop > 0.000"


def test_worse_candidate_fails_with_one_line_naming_the_drop(records):
    v = verdict(records["perfect"], records["minus_org"])
    assert not v.ok
    assert v.line == "REGRESSION: seqeval_strict micro F1 1.000 -> 0.966 (-0.034 > 0.000)"
    assert "\n" not in v.line


def test_per_type_names_the_type_that_dropped(records):
    v = verdict(records["perfect"], records["minus_org"], per_type=True)
    assert v.line == (
        "REGRESSION: seqeval_strict micro F1 1.000 -> 0.966 (-0.034 > 0.000); ORG F1 1.000 -> 0.909 (-0.091 > 0.000)"
    )
    # The micro drop (0.034) is inside a 0.05 tolerance, the ORG drop (0.091) is not.
    v = verdict(records["perfect"], records["minus_org"], per_type=True, max_drop=0.05)
    assert v.line == "REGRESSION: seqeval_strict ORG F1 1.000 -> 0.909 (-0.091 > 0.050)"


def test_tolerance_and_improvement_pass(records):
    assert verdict(records["perfect"], records["minus_org"], max_drop=0.05).ok
    better = verdict(records["minus_org"], records["perfect"], per_type=True)
    assert better.ok
    assert better.line.startswith(
        "OK: seqeval_strict micro F1 0.966 -> 1.000 (+0.034), MONEY +0.000, ORG +0.091, LOC +0.000"
    )


def test_other_metric(records):
    v = verdict(records["perfect"], records["minus_org"], metric="span_exact")
    assert v.line == "REGRESSION: span_exact micro F1 1.000 -> 0.966 (-0.034 > 0.000)"


def test_score_deltas_cover_every_metric_and_type(records):
    a, b = record_from_dict(records["perfect"]), record_from_dict(records["minus_org"])
    rows = {(d.metric, d.scope): d for d in score_deltas(a, b)}
    assert rows[("seqeval_default", "ORG")].delta == pytest.approx(10 / 11 - 1)
    assert rows[("seqeval_strict", "micro")].delta == pytest.approx(28 / 29 - 1)
    assert rows[("seqeval_strict", "LOC")].delta == 0
    assert ("money_values", "accuracy") in rows


# --- assert_no_regression --------------------------------------------------------------


def test_assert_no_regression_raises_with_the_verdict(records, tmp_path):
    base = write_record(tmp_path, records["perfect"])
    cand = write_record(tmp_path, records["minus_org"])
    with pytest.raises(AssertionError) as err:
        assert_no_regression(base, cand)
    assert str(err.value) == "REGRESSION: seqeval_strict micro F1 1.000 -> 0.966 (-0.034 > 0.000)"
    assert assert_no_regression(base, base).ok
    assert assert_no_regression(records["perfect"], records["minus_org"], max_drop=0.05).ok  # dicts work too


def test_assert_no_regression_rejects_unusable_input(records, tmp_path):
    with pytest.raises(RecordError, match="missing.json: file not found"):
        assert_no_regression(tmp_path / "missing.json", records["perfect"])
    other = dict(records["perfect"], corpus=dict(records["perfect"]["corpus"], sha256="0" * 64))
    with pytest.raises(RecordError, match="another gold version"):
        assert_no_regression(records["perfect"], other)


def _fake_run_module(monkeypatch, record: dict, calls: list):
    def run(model, corpus="seed", **options):
        calls.append((model, corpus, options))
        return record

    import benchmark.api as module

    monkeypatch.setattr(module, "run", run)


def test_assert_no_regression_runs_the_model_through_bench_run(records, monkeypatch):
    calls = []
    _fake_run_module(monkeypatch, records["minus_org"], calls)
    with pytest.raises(AssertionError, match="REGRESSION"):
        assert_no_regression(records["perfect"], model="my_pkg:extract")
    assert calls == [("my_pkg:extract", "seed", {"progress": False, "use_cache": False})]


# --- bench check -------------------------------------------------------------------------


def test_check_cli_exit_codes(records, tmp_path):
    base = write_record(tmp_path, records["perfect"])
    worse = write_record(tmp_path, records["minus_org"])
    runner = CliRunner()

    ok = runner.invoke(cli, ["check", "--baseline", str(base), "--candidate", str(base)])
    assert ok.exit_code == 0, ok.output
    assert ok.output.startswith("OK: ")

    bad = runner.invoke(cli, ["check", "--baseline", str(base), "--candidate", str(worse), "--per-type"])
    assert bad.exit_code == 1
    assert bad.output.strip().splitlines() == [
        "REGRESSION: seqeval_strict micro F1 1.000 -> 0.966 (-0.034 > 0.000); ORG F1 1.000 -> 0.909 (-0.091 > 0.000)"
    ]

    tolerated = runner.invoke(cli, ["check", "--baseline", str(base), "--candidate", str(worse), "--max-drop", "0.05"])
    assert tolerated.exit_code == 0


def _one_error_line(result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


def test_check_cli_unusable_input_exits_2(records, tmp_path):
    base = write_record(tmp_path, records["perfect"])
    runner = CliRunner()
    line = _one_error_line(
        runner.invoke(cli, ["check", "--baseline", str(tmp_path / "nope.json"), "--candidate", str(base)])
    )
    assert "nope.json: file not found" in line

    future = write_record(tmp_path, dict(records["perfect"], schema_version=2), "future")
    line = _one_error_line(runner.invoke(cli, ["check", "--baseline", str(base), "--candidate", str(future)]))
    assert "future.json: schema_version 2, this benchmark reads 1" in line

    stale = dict(records["perfect"], corpus=dict(records["perfect"]["corpus"], sha256="f" * 64))
    stale_path = write_record(tmp_path, stale, "stale")
    line = _one_error_line(runner.invoke(cli, ["check", "--baseline", str(base), "--candidate", str(stale_path)]))
    assert "stale.json" in line and "another gold version" in line

    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    line = _one_error_line(runner.invoke(cli, ["check", "--baseline", str(broken), "--candidate", str(base)]))
    assert "broken.json: line 1: invalid JSON" in line

    line = _one_error_line(runner.invoke(cli, ["check", "--baseline", str(base)]))
    assert "--candidate" in line and "--model" in line


def test_check_cli_with_model(records, tmp_path, monkeypatch):
    calls = []
    _fake_run_module(monkeypatch, records["perfect"], calls)
    base = write_record(tmp_path, records["perfect"])
    result = CliRunner().invoke(cli, ["check", "--baseline", str(base), "--model", "money-rules"])
    assert result.exit_code == 0, result.output
    assert calls == [("money-rules", "seed", {"use_cache": False})]  # the gate runs the code as it is now


# --- entity diff and bench compare ------------------------------------------------------------


def test_entity_diff_lists_fixed_broken_boundary_and_type_changes():
    # A: misses بنك الخليج, has a boundary error on 500 مليون دولار, calls القاهرة an ORG.
    a = without(PERFECT, "synth-1", "بنك الخليج")
    a = replaced(a, CORPUS, "synth-2", "500 مليون دولار", "بقيمة 500 مليون دولار")
    a = replaced(a, CORPUS, "synth-2", "القاهرة", "القاهرة", label="ORG")
    # B: finds بنك الخليج (fixed), misses دبي (broken), another wrong boundary on
    # 500 مليون دولار (boundary change), still calls القاهرة an ORG but over "في القاهرة"
    # (type error with another extent: type change), and adds a spurious LOC (broken).
    b = without(PERFECT, "synth-3", "دبي")
    b = replaced(b, CORPUS, "synth-2", "500 مليون دولار", "500 مليون")
    b = replaced(b, CORPUS, "synth-2", "القاهرة", "في القاهرة", label="ORG")
    b = added(b, CORPUS, "synth-1", "صفقة", "LOC")
    changes = entity_diff(CORPUS, a, b)
    summary = [(c.change, c.document, c.mention.text) for c in changes]
    assert summary == [
        (BROKEN, "synth-1", "صفقة"),
        (FIXED, "synth-1", "بنك الخليج"),
        (BOUNDARY_CHANGE, "synth-2", "500 مليون دولار"),
        (TYPE_CHANGE, "synth-2", "القاهرة"),
        (BROKEN, "synth-3", "دبي"),
    ]
    boundary = changes[2]
    assert (boundary.before.pred.text, boundary.after.pred.text) == ("بقيمة 500 مليون دولار", "500 مليون")
    assert entity_diff(CORPUS, a, a) == []


def test_compare_cli_shows_deltas_p_value_and_arabic_diff(records, home):
    base = write_record(home / "results", records["perfect"])
    worse = write_record(home / "results", records["minus_org"])
    result = CliRunner().invoke(cli, ["compare", str(base), str(worse), "--n-resamples", "200"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "seqeval_strict" in out and "span_lenient" in out and "-0.091" in out
    assert "Paired bootstrap, seqeval_strict micro F1: Δ = -0.034, p = " in out
    assert "broken: synth-1 gold ORG «بنك الخليج»" in out
    assert "0 fixed, 1 broken, 0 boundary change, 0 type change" in out


def test_compare_cli_json(records, home):
    base = write_record(home / "results", records["perfect"])
    worse = write_record(home / "results", records["minus_org"])
    result = CliRunner().invoke(cli, ["compare", str(base), str(worse), "--n-resamples", "200", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["paired_bootstrap"]["delta"] == pytest.approx(28 / 29 - 1)
    assert 0 < data["paired_bootstrap"]["p_value"] <= 1
    assert data["entity_diff"] == [
        {
            "change": "broken",
            "document": "synth-1",
            "mention": {"start": 70, "end": 80, "label": "ORG", "text": "بنك الخليج"},
            "a": "correct",
            "b": "missed",
            "a_pred": {"start": 70, "end": 80, "label": "ORG", "text": "بنك الخليج"},
            "b_pred": None,
        }
    ]


def test_compare_cli_without_current_gold_still_shows_deltas(records, tmp_path, monkeypatch):
    # Records on a gold this checkout does not have: deltas yes, diff and p-value no, said plainly.
    install_as_seed(tmp_path, synthetic_corpus())
    monkeypatch.setenv("BENCH_HOME", str(tmp_path))
    old = {k: dict(v, corpus=dict(v["corpus"], sha256="e" * 64)) for k, v in records.items()}
    a = write_record(tmp_path, old["perfect"])
    b = write_record(tmp_path, old["minus_org"])
    result = CliRunner().invoke(cli, ["compare", str(a), str(b)])
    assert result.exit_code == 0, result.output
    assert "No paired bootstrap or entity diff" in result.output and "re-score" in result.output
