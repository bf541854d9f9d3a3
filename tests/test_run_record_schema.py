"""docs/run-record.schema.json is the contract: every committed record, and
records written now, conform to it; docs/run-record.md is generated from it."""

from __future__ import annotations

import copy
import json
import re

import pytest

from benchmark.corpora.corpus import load_seed
from benchmark.results.record_schema import (
    doc_path,
    fields,
    load_schema,
    parse_record,
    problems,
    render_doc,
)

from .conftest import ROOT

pytest.importorskip("jsonschema")

RECORDS = sorted(p for p in (ROOT / "results").rglob("*.json") if not p.name.startswith("."))


def test_the_schema_is_a_valid_2020_12_schema():
    import jsonschema

    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_there_are_committed_records():
    assert len(RECORDS) >= 5


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: str(p.relative_to(ROOT / "results")))
def test_every_committed_record_conforms(path):
    record = parse_record(path.read_text(encoding="utf-8"))  # NaN / Infinity refused here
    assert problems(record) == []


@pytest.fixture(scope="module")
def fresh_rules_record(tmp_path_factory):
    import os

    from benchmark.api import run as run_model

    old = os.environ.get("BENCH_CACHE")
    os.environ["BENCH_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    try:
        record = run_model("gazetteer+money-rules", "seed", n_resamples=50, progress=False, use_cache=False)
    finally:
        if old is None:
            os.environ.pop("BENCH_CACHE", None)
        else:
            os.environ["BENCH_CACHE"] = old
    # as written to disk
    return parse_record(json.dumps(record, ensure_ascii=False))


def test_a_freshly_written_record_conforms(fresh_rules_record):
    assert problems(fresh_rules_record) == []


def test_a_fresh_record_says_whether_the_tree_was_dirty(fresh_rules_record):
    env = fresh_rules_record["environment"]
    assert env["git_dirty"] in (True, False)  # this checkout is a git worktree
    assert re.fullmatch(r"[0-9a-f]{40}", env["git_commit"])  # the bare hash, no -dirty suffix
    assert env["platform"]


def test_a_fresh_transformers_record_conforms(tmp_path, monkeypatch):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    from benchmark.api import run as run_model

    from .tiny_models import build_tiny_bert

    monkeypatch.setenv("BENCH_CACHE", str(tmp_path / "cache"))
    model = build_tiny_bert(tmp_path / "bert")
    record = run_model(str(model), "seed", n_resamples=20, progress=False, device="cpu")
    assert problems(parse_record(json.dumps(record))) == []
    assert record["inference"]["windows"] >= 1


@pytest.mark.parametrize(
    "path, value, expected",
    [
        ("metrics.seqeval_strict.overall.f1", "0.9", "'0.9' is not of type 'number'"),
        ("metrics.seqeval_strict.overall.f1", 1.5, "1.5 is greater than the maximum of 1"),
        (
            "metrics.span_exact.per_type.PER",
            {"precision": 1, "recall": 1, "f1": 1, "support": 1},
            "'PER' is not one of",
        ),
        ("environment.git_commit", "abc", "'abc' is not valid"),
        ("environment.git_dirty", "yes", "'yes' is not of type 'boolean', 'null'"),
        ("corpus.sha256", "0" * 12, "does not match"),
        ("model.kind", "magic", "'magic' is not one of"),
        ("timing.prediction_cache", "maybe", "'maybe' is not one of"),
    ],
)
def test_the_schema_refuses_what_readers_must_not_trust(fresh_rules_record, path, value, expected):
    record = copy.deepcopy(fresh_rules_record)
    *parents, last = path.split(".")
    node = record
    for key in parents:
        node = node[key]
    node[last] = value
    found = problems(record)
    assert any(expected in line for line in found), found


def test_a_missing_field_or_an_unknown_top_level_field_is_refused(fresh_rules_record):
    record = copy.deepcopy(fresh_rules_record)
    del record["environment"]["platform"]
    record["extra"] = 1
    found = problems(record)
    assert any("'platform' is a required property" in line for line in found), found
    assert any("'extra' was unexpected" in line for line in found), found


def test_a_transformers_record_must_say_which_label_map_it_used(fresh_rules_record):
    record = copy.deepcopy(fresh_rules_record)
    record["model"]["kind"] = "transformers"
    assert any("'label_map_used' is a required property" in line for line in problems(record))


def test_predictions_must_be_spans_of_benchmark_labels(fresh_rules_record):
    record = copy.deepcopy(fresh_rules_record)
    record["predictions"]["x"] = [{"start": 0, "end": 3, "label": "PERS", "text": "abc"}]
    assert any(line.startswith("predictions.x.0.label") for line in problems(record))


def test_other_kinds_may_add_fields_where_the_schema_is_open(fresh_rules_record):
    record = copy.deepcopy(fresh_rules_record)
    record["model"]["kind"] = "llm"
    record["inference"].update({"requests": 3, "prompt_tokens": 100})
    record["environment"]["endpoint_model"] = "local"
    assert problems(record) == []


def test_nan_and_infinity_are_not_json_numbers():
    with pytest.raises(ValueError, match="NaN is not a JSON number"):
        parse_record('{"f1": NaN}')
    with pytest.raises(ValueError, match="Infinity is not a JSON number"):
        parse_record('{"f1": -Infinity}')


# --- docs/run-record.md --------------------------------------------------------------


def test_the_field_table_in_the_docs_is_generated_from_the_schema():
    text = doc_path().read_text(encoding="utf-8")
    assert render_doc(text) == text, "run python -m benchmark.results.record_schema --write"


def test_every_schema_field_has_a_description():
    assert [path for path, _, description, _ in fields() if not description] == []


def test_every_top_level_field_is_in_the_docs_example():
    text = doc_path().read_text(encoding="utf-8")
    example = text[text.index("```jsonc") :]
    for name in load_schema()["required"]:
        assert f'"{name}"' in example, name


def test_the_docs_example_counts_the_seed_spans_there_are():
    text = doc_path().read_text(encoding="utf-8")
    stated = int(re.search(r'"name": "seed", "documents": 1, "spans": (\d+)', text).group(1))
    assert stated == load_seed().n_spans


def test_the_docs_example_has_every_environment_field():
    text = doc_path().read_text(encoding="utf-8")
    example = text[text.index("```jsonc") :]
    for name in load_schema()["properties"]["environment"]["properties"]:
        assert f'"{name}"' in example, name
