"""`bench run` end to end on offline extractors, `bench score`, and the prediction cache."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from benchmark.cli import cli

REQUIRED_METRICS = {"seqeval_strict", "seqeval_default", "span_exact", "span_lenient", "span_partial", "money_values"}


@pytest.fixture
def isolated_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BENCH_CACHE", str(tmp_path / "cache"))
    return tmp_path


def invoke(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_default_run_writes_a_complete_record(isolated_cache):
    out = isolated_cache / "run.json"
    result = invoke("run", "--output", str(out), "--resamples", "200")
    assert result.exit_code == 0, result.output
    assert "gazetteer+money-rules on seed" in result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["schema_version"] == 1
    assert record["model"]["name"] == "gazetteer+money-rules"
    assert record["model"]["revision"].count("sha256:") == 2  # one per part
    assert record["corpus"]["name"] == "seed" and record["corpus"]["documents"] == 1
    assert len(record["corpus"]["sha256"]) == 64
    for key in ("python", "seqeval", "benchmark", "device"):
        assert record["environment"][key]
    for key in ("load_s", "predict_s", "score_s", "words_per_s"):
        assert record["timing"][key] is not None
    assert REQUIRED_METRICS <= set(record["metrics"])
    strict = record["metrics"]["seqeval_strict"]
    assert set(strict["per_type"]) == {"MONEY", "ORG", "LOC"}
    assert strict["ci95"]["n_resamples"] == 200 and strict["ci95"]["unit"] == "sentence"
    assert strict["ci95"]["low"] <= strict["overall"]["f1"] <= strict["ci95"]["high"]
    money = [s for spans in record["predictions"].values() for s in spans if s["label"] == "MONEY"]
    # every amount with digits carries the parser's reading (a vague "مليارات الدولارات" has none)
    assert money and all("value" in s for s in money if any(c.isdigit() for c in s["text"]))
    assert not list(isolated_cache.glob(".*.tmp"))


def test_second_run_reuses_cached_predictions_and_json_format(isolated_cache):
    out = isolated_cache / "run.json"
    invoke("run", "--model", "money-rules", "--output", str(out), "--resamples", "50")
    first = json.loads(out.read_text(encoding="utf-8"))
    result = invoke("run", "--model", "money-rules", "--output", str(out), "--resamples", "50", "--format", "json")
    second = json.loads(out.read_text(encoding="utf-8"))
    assert first["timing"]["prediction_cache"] == "miss" and second["timing"]["prediction_cache"] == "hit"
    assert first["predictions"] == second["predictions"]
    assert first["metrics"]["seqeval_strict"] == second["metrics"]["seqeval_strict"]
    printed = json.loads(result.stdout)
    assert printed["metrics"]["seqeval_strict"]["overall"]["f1"] == first["metrics"]["seqeval_strict"]["overall"]["f1"]


def test_cache_is_keyed_by_card(isolated_cache):
    from benchmark.extractors.cards import Card, resolve
    from benchmark.corpora.corpus import load_seed
    from benchmark.results.prediction_cache import cache_key

    corpus = load_seed()
    card = resolve("money-rules")
    other = Card.from_table(
        {**card.to_dict(), "extractor": "benchmark.extractors.rules.gazetteer.extractor:GazetteerExtractor"}
    )
    assert cache_key(card, "r1", corpus, {}) != cache_key(other, "r1", corpus, {})
    assert cache_key(card, "r1", corpus, {}) != cache_key(card, "r2", corpus, {})


def test_user_callable_and_score_rescoring(isolated_cache):
    out = isolated_cache / "user.json"
    result = invoke(
        "run", "--model", "tests.fixtures.user_extractor:extract", "--output", str(out), "--resamples", "50"
    )
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["model"]["kind"] == "callable"
    rescored = invoke("score", str(out), "--format", "json")
    assert rescored.exit_code == 0, rescored.output
    metrics = json.loads(rescored.stdout)
    assert metrics["seqeval_strict"]["overall"] == record["metrics"]["seqeval_strict"]["overall"]


def test_conll_corpus_maps_gold_labels(isolated_cache, tmp_path):
    conll = tmp_path / "tiny.txt"
    conll.write_text(
        "وقعت O\nشركة O\nأرامكو B-ORG\nفي O\nالرياض B-LOC\nعقدا O\nب O\n5 O\nملايين O\nريال O\n\n"
        "زار O\nمحمد B-PERS\nدبي B-LOC\n",
        encoding="utf-8",
    )
    out = tmp_path / "conll.json"
    result = invoke(
        "run", "--model", "gazetteer", "--corpus", f"conll:{conll}", "--output", str(out), "--resamples", "20"
    )
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["corpus"]["documents"] == 2
    assert record["metrics"]["seqeval_strict"]["per_type"]["LOC"]["support"] == 2
    assert record["metrics"]["seqeval_strict"]["per_type"]["ORG"]["support"] == 1  # PERS is not scored


@pytest.mark.parametrize(
    "args, message",
    [
        (["--model", "no_such_module:f"], "cannot import module 'no_such_module'"),
        (["--corpus", "conll:/nonexistent/file.txt"], "/nonexistent/file.txt: file not found"),
        (["--corpus", "wikipedia"], "unknown corpus 'wikipedia'"),
    ],
)
def test_expected_failures_are_one_line_exit_2(isolated_cache, args, message):
    result = CliRunner().invoke(cli, ["run", *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
