"""Model cards: every shipped card loads; bad cards fail with the file and key."""

from __future__ import annotations

import pytest

from benchmark.extractors.cards import CardError, available_cards, expand_source, load_card_file, resolve, slugify
from benchmark.types import LABELS


@pytest.mark.parametrize("name", available_cards())
def test_every_shipped_card_is_valid(name):
    card = resolve(name)
    assert card.name == name
    if card.kind == "transformers":
        # unmapped labels are an error: a card lists every model type explicitly
        assert card.label_map, f"{name}: a shipped transformers card needs an explicit label_map"
        assert set(card.label_map.values()) <= set(LABELS) | {"ignore"}
        assert card.reference is not None
    if card.kind == "composite":
        for part in card.parts:
            resolve(part.model)  # every part resolves too


def test_required_cards_are_shipped():
    required = {
        "camelbert-msa-ner",
        "camelbert-mix-ner",
        "camelbert-ca-ner",
        "camelbert-da-ner",
        "hatmimoha-arabic-ner",
        "marefa-ner",
        "xlm-roberta-base-ner-hrl",
        "money-rules",
        "gazetteer",
        "camelbert-msa-ner+money-rules",
    }
    missing = required - set(available_cards())
    assert not missing, f"missing cards: {missing}"


def test_resolve_kinds():
    assert resolve("a+b").kind == "composite"
    assert resolve("my_pkg.extract:run").kind == "callable"
    card = resolve("CAMeL-Lab/some-model")
    assert card.kind == "transformers" and card.source == "CAMeL-Lab/some-model"
    assert card.label_map is None  # the default map applies and is printed


def test_a_card_is_frozen_and_keeps_its_table():
    import dataclasses

    card = resolve("gazetteer+money-rules")
    assert [part.model for part in card.parts] == ["gazetteer", "money-rules"]
    with pytest.raises(dataclasses.FrozenInstanceError):
        card.kind = "rules"  # type: ignore[misc]
    table = card.to_dict()
    table["kind"] = "changed"  # a copy: the card is unchanged
    assert card.to_dict()["kind"] == "composite" and card.to_dict()["name"] == "gazetteer+money-rules"


def test_bad_label_map_names_file_and_key(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('kind = "transformers"\nsource = "x/y"\n[label_map]\nPERS = "PERSON"\n', encoding="utf-8")
    with pytest.raises(CardError, match=r"bad.toml: label_map.PERS = 'PERSON'"):
        load_card_file(path)


def test_bad_kind_and_invalid_toml(tmp_path):
    path = tmp_path / "k.toml"
    path.write_text('kind = "magic"\n', encoding="utf-8")
    with pytest.raises(CardError, match="kind must be one of"):
        load_card_file(path)
    path.write_text("kind = \n", encoding="utf-8")
    with pytest.raises(CardError, match="invalid TOML"):
        load_card_file(path)


def test_cache_placeholder_and_slug(monkeypatch, tmp_path):
    monkeypatch.setenv("BENCH_CACHE", str(tmp_path))
    assert expand_source("{cache}/models/m") == str(tmp_path / "models" / "m")
    assert expand_source("CAMeL-Lab/x") == "CAMeL-Lab/x"
    assert slugify("CAMeL-Lab/bert base") == "CAMeL-Lab-bert-base"
    assert slugify("camelbert-msa-ner+money-rules") == "camelbert-msa-ner+money-rules"
