"""`bench export` and `benchmark.load_dataset()`: the gold in other tools' formats."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import benchmark
from benchmark.cli import cli
from benchmark.corpora.conll import read_conll_tagged
from benchmark.corpora.corpus import load_seed
from benchmark.corpora.export import TAG_NAMES, sentence_rows


@pytest.fixture
def seed_only(monkeypatch):
    monkeypatch.delenv("BENCH_NEWS_DIR", raising=False)


def test_rows_carry_offsets_into_the_document():
    corpus = load_seed()
    text = corpus.documents[0].text
    rows = list(sentence_rows(corpus))
    assert len(rows) > 1
    for row in rows:
        assert len(row["tokens"]) == len(row["ner_tags"]) == len(row["token_starts"])
        for token, start, end in zip(row["tokens"], row["token_starts"], row["token_ends"]):
            assert text[start:end] == token
    entities = sum(tag.startswith("B-") for row in rows for tag in row["ner_tags"])
    assert entities == len(corpus.documents[0].spans)


def test_hf_export_round_trips_with_classlabels(tmp_path, seed_only):
    import datasets

    out = tmp_path / "hf"
    result = CliRunner().invoke(cli, ["export", "--format", "hf", str(out)])
    assert result.exit_code == 0, result.output
    loaded = datasets.load_from_disk(str(out))
    assert list(loaded) == ["seed"]
    feature = loaded["seed"].features["ner_tags"].feature
    assert feature.names == TAG_NAMES
    first = loaded["seed"][0]
    assert first["document"] == "000_7c6dbc57b22b0342"
    assert [feature.int2str(t) for t in first["ner_tags"]] == list(sentence_rows(load_seed()))[0]["ner_tags"]
    in_python = benchmark.load_dataset()
    assert in_python["seed"].num_rows == loaded["seed"].num_rows


def test_conll_and_jsonl_exports(tmp_path, seed_only):
    conll = tmp_path / "gold.conll"
    assert CliRunner().invoke(cli, ["export", "--format", "conll", str(conll)]).exit_code == 0
    sentences = read_conll_tagged(conll)
    assert [tag for _, tag in sentences[0]] == list(sentence_rows(load_seed()))[0]["ner_tags"]
    jsonl = tmp_path / "gold.jsonl"
    assert CliRunner().invoke(cli, ["export", "--format", "jsonl", str(jsonl)]).exit_code == 0
    lines = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    assert lines[0]["document"] == "000_7c6dbc57b22b0342"
    assert len(lines[0]["spans"]) == len(load_seed().documents[0].spans)
