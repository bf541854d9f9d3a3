"""`bench run` end to end on tiny local transformers models (built here; no hub),
through the real cards' label sets, and the one-line failures users meet."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from benchmark.cli import cli

from .conftest import ROOT
from .tiny_models import build_tiny_bert, build_tiny_xlmr


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    root = tmp_path_factory.mktemp("run_models")
    return {
        "bert": build_tiny_bert(root / "bert"),
        "xlmr": build_tiny_xlmr(root / "xlmr"),
        # predicts O everywhere, so what the composite adds is deterministic
        "bert_o": build_tiny_bert(root / "bert_o", force_label="O"),
    }


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("BENCH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return tmp_path


def run(*args):
    return CliRunner().invoke(cli, ["run", *args])


@pytest.mark.parametrize("kind", ["bert", "xlmr"])
def test_local_model_directory_is_scored_and_recorded(tiny, env, kind):
    out = env / f"{kind}.json"
    result = run("--model", str(tiny[kind]), "--output", str(out), "--resamples", "50", "--device", "cpu")
    assert result.exit_code == 0, result.output
    assert "labels scored:" in result.output  # the default label map is shown to the user
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["model"]["kind"] == "transformers"
    assert record["model"]["revision"].startswith("sha256:")
    assert record["environment"]["torch"] and record["environment"]["device"] == "cpu"
    assert record["timing"]["words_per_s"] > 0
    used = record["model"]["label_map_used"]
    # CAMeLBERT-style LOC/ORG (bert) or marefa-style location/organization (xlmr) map to LOC/ORG
    assert sorted(v for v in used.values() if v) == ["LOC", "ORG"]
    assert record["inference"]["windows"] >= 1
    text = (ROOT / "seeds" / "000_7c6dbc57b22b0342.txt").read_text(encoding="utf-8")
    for spans in record["predictions"].values():
        for span in spans:
            assert text[span["start"] : span["end"]] == span["text"]  # offsets into the untouched text


def test_a_card_over_a_local_model_with_a_money_rules_composite(tiny, env, tmp_path, monkeypatch):
    models = tmp_path / "project" / "models"
    models.mkdir(parents=True)
    for sub in ("seeds", "annotations"):
        (tmp_path / "project" / sub).symlink_to(ROOT / sub)
    (models / "tiny-camel.toml").write_text(
        f'kind = "transformers"\nsource = "{tiny["bert_o"]}"\n'
        '[label_map]\nLOC = "LOC"\nORG = "ORG"\nPERS = "ignore"\nMISC = "ignore"\n',
        encoding="utf-8",
    )
    (models / "money-rules.toml").write_text(
        (ROOT / "models" / "money-rules.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    monkeypatch.setenv("BENCH_HOME", str(tmp_path / "project"))
    out = env / "composite.json"
    result = run("--model", "tiny-camel+money-rules", "--output", str(out), "--resamples", "20")
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    money = [s for spans in record["predictions"].values() for s in spans if s["label"] == "MONEY"]
    assert money and record["metrics"]["seqeval_strict"]["per_type"]["MONEY"]["f1"] == 1.0  # money-rules' part
    assert not [s for spans in record["predictions"].values() for s in spans if s["label"] != "MONEY"]


def test_absent_hub_model_is_one_line_exit_2(env):
    result = run("--model", "CAMeL-Lab/bert-base-arabic-camelbert-msa-ner")
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "CAMeL-Lab/bert-base-arabic-camelbert-msa-ner" in lines[0] and "HF_HOME" in lines[0]


def test_unavailable_device_is_one_line_exit_2(tiny, env):
    result = run("--model", str(tiny["bert"]), "--device", "cuda:7")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_missing_built_model_says_how_to_build_it(env):
    result = run("--model", "e5-small-anercorp")
    assert result.exit_code == 2
    assert "bench train e5-small-anercorp" in result.output
