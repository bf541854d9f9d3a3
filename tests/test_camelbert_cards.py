"""The CAMeLBERT cards say what was checked and how (issue 11, item 5), and
still fail offline with one line."""

from __future__ import annotations

import hashlib

import pytest
from click.testing import CliRunner

from benchmark.extractors.cards import load_card_file
from benchmark.cli import cli

from .conftest import ROOT, shared_path
from .tiny_models import CAMELBERT_VOCAB_SHA256

CARDS = ["camelbert-msa-ner", "camelbert-mix-ner", "camelbert-ca-ner", "camelbert-da-ner"]


@pytest.mark.parametrize("name", CARDS)
def test_card_names_the_vocabulary_hash_and_the_differential_test(name):
    card = load_card_file(ROOT / "models" / f"{name}.toml")
    verified = card.table["verified"]
    assert verified["vocabulary_sha256"] == CAMELBERT_VOCAB_SHA256
    test_file = ROOT / verified["differential_test"]
    assert test_file.is_file() and "NERecognizer" in test_file.read_text(encoding="utf-8")
    assert "do_lower_case = false" in verified["vocabulary"]


def test_the_hash_is_that_of_the_shared_vocabulary():
    vocab = shared_path("data", "camelbert", "vocab.txt")
    assert hashlib.sha256(vocab.read_bytes()).hexdigest() == CAMELBERT_VOCAB_SHA256


def test_camelbert_card_offline_fails_with_the_same_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("BENCH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    result = CliRunner().invoke(cli, ["run", "--model", "camelbert-msa-ner"])
    assert result.exit_code == 2
    hub_id = "CAMeL-Lab/bert-base-arabic-camelbert-msa-ner"
    expected = (
        f"error: model {hub_id!r} is not in the local Hugging Face cache and the hub is unreachable: "
        f"download it on a connected machine (hf download {hub_id}; older huggingface_hub: "
        f"huggingface-cli download {hub_id}), point HF_HOME at that cache, or pass a local directory"
    )
    assert result.output.strip().splitlines() == [expected]
