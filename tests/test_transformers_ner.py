"""TransformersExtractor on tiny random models built in a temp dir (tests/tiny_models.py).

Expected values are derived independently: a context-free model's label for a
word is computed by running that word's first sub-token alone
(tiny_models.expected_label_id); spans and repair counts are worked out by hand.
"""

from __future__ import annotations

import hashlib
import shutil
import time

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")

from benchmark.extractors.label_maps import LabelMapError, resolve_label_map, split_model_label  # noqa: E402
from benchmark.extractors.transformers_ner import (  # noqa: E402
    DEFAULT_PREPROCESSING,
    ModelUnavailable,
    TransformersExtractor,
)
from benchmark.extractors.windows import assign_words, plan_windows  # noqa: E402
from benchmark.tokenize import tokenize  # noqa: E402
from benchmark.types import LABELS, Document  # noqa: E402

from .tiny_models import (  # noqa: E402
    MAREFA_LABELS,
    build_tiny_bert,
    build_tiny_xlmr,
    expected_label_id,
    seed_texts,
    TEST_SENTENCES,
)

CAMEL_CARD_MAP = {"LOC": "LOC", "ORG": "ORG", "PERS": None, "MISC": None}


@pytest.fixture(scope="session")
def models(tmp_path_factory):
    root = tmp_path_factory.mktemp("tiny_models")
    return {
        "bert": build_tiny_bert(root / "bert"),
        "bert_cf": build_tiny_bert(root / "bert_cf", context_free=True),
        "bert_forced": build_tiny_bert(root / "bert_forced", force_label="I-ORG"),
        "xlmr": build_tiny_xlmr(root / "xlmr"),
        "xlmr_cf": build_tiny_xlmr(root / "xlmr_cf", context_free=True),
    }


def extractor(path, **kwargs) -> TransformersExtractor:
    kwargs.setdefault("label_map", None)
    kwargs.setdefault("progress", False)
    return TransformersExtractor(str(path), **kwargs)


def long_text() -> str:
    texts = seed_texts()
    return texts[0] if texts else " ".join(TEST_SENTENCES * 8)


def expected_labels(x: TransformersExtractor, text: str) -> list[str | None]:
    """Per word: the context-free model's label for the word alone, after preprocessing."""
    x.load()
    id2label = x._model.config.id2label
    out = []
    for tok in tokenize(text):
        word = x.preprocessing.apply(tok.text)
        label_id = expected_label_id(x._model, x._tokenizer, word) if word else None
        out.append(id2label[label_id] if label_id is not None else None)
    return out


# ---------------------------------------------------------------- load + predict


@pytest.mark.parametrize(
    "kind, types",
    [
        ("bert", {"LOC": "LOC", "ORG": "ORG", "PERS": None, "MISC": None}),
        (
            "xlmr",
            {
                "location": "LOC",
                "organization": "ORG",
                "person": None,
                "job": None,
                "nationality": None,
                "time": None,
                "event": None,
                "product": None,
                "artwork": None,
            },
        ),
    ],
)
def test_load_and_predict(models, kind, types):
    x = extractor(models[kind])
    docs = [Document("long", long_text()), Document("short", TEST_SENTENCES[1]), Document("empty", "")]
    predictions = x.predict(docs)
    assert set(predictions) == {"long", "short", "empty"}
    assert predictions["empty"] == []
    for doc in docs:
        for span in predictions[doc.id]:
            assert span.label in LABELS and span.label != "MONEY"  # neither label set has money
            assert 0 <= span.start < span.end <= len(doc.text)
            assert span.text == doc.text[span.start : span.end]
    assert x.effective_label_map() == types
    assert x.stats["device"] == "cpu"
    assert x.stats["words"] == sum(len(tokenize(d.text)) for d in docs)
    assert x.stats["windows"] >= 2  # the long document does not fit 128 positions
    assert "repair_rule" in x.stats and x.stats["invalid_tags"] >= 0
    assert x.name == str(models[kind])
    assert x.effective_preprocessing() == DEFAULT_PREPROCESSING.to_config()


@pytest.mark.parametrize("kind", ["bert_cf", "xlmr_cf"])
def test_first_subtoken_labels_each_word(models, kind):
    x = extractor(models[kind])
    text = long_text()
    got = x.predict_word_labels([Document("d", text)])["d"]
    assert got == expected_labels(x, text)
    assert len(set(got)) > 2  # a random model still gives varied labels, so alignment is really tested


def test_word_without_subtokens_gets_O_and_keeps_alignment(models):
    x = extractor(models["bert_cf"])
    clean = "وقع بنك الكويت الوطني اتفاقية في الرياض"
    # U+200F (right-to-left mark) is a word of its own for the benchmark tokenizer
    # and BERT's normalizer deletes it: no sub-token. A tatweel-only word and a
    # lone haraka become empty after preprocessing.
    noisy = "وقع بنك \u200f الكويت ـــ الوطني \u064e اتفاقية في الرياض"
    labels = x.predict_word_labels([Document("c", clean), Document("n", noisy)])
    noisy_words = [t.text for t in tokenize(noisy)]
    assert noisy_words[2] == "\u200f" and noisy_words[4] == "ـــ" and noisy_words[6] == "\u064e"
    assert [labels["n"][i] for i in (2, 4, 6)] == [None, None, None]
    kept = [label for i, label in enumerate(labels["n"]) if i not in (2, 4, 6)]
    assert kept == labels["c"] == expected_labels(x, clean)
    assert x.stats["words_without_subtokens"] == 3


def test_spans_are_offsets_into_the_untouched_text(models):
    x = extractor(models["bert_cf"], label_map=CAMEL_CARD_MAP)
    clean = "أعلنت شركة أرامكو السعودية عن أرباح في الرياض وبنك الكويت الوطني"
    marked = "أَعْلَنَتْ شَرِكَةُ أرامـــكو السّعوديّة عن أرباحٍ في الرّياض وبـنك الكويتِ الوطني"
    labels = x.predict_word_labels([Document("c", clean), Document("m", marked)])
    assert labels["c"] == labels["m"]  # the model saw the same words
    spans_c = x.predict([Document("c", clean)])["c"]
    spans_m = x.predict([Document("m", marked)])["m"]
    assert [s.label for s in spans_c] == [s.label for s in spans_m]
    words_c, words_m = tokenize(clean), tokenize(marked)
    index_c = {t.start: i for i, t in enumerate(words_c)}
    for sc, sm in zip(spans_c, spans_m):
        first = index_c[sc.start]  # same word index in both texts
        assert sm.start == words_m[first].start
        assert sm.text == marked[sm.start : sm.end]


def test_invalid_tags_are_repaired_and_counted(models):
    # Every sub-token is I-ORG; the U+200F word has no sub-token, so it is O.
    # I-ORG I-ORG O I-ORG I-ORG -> B-ORG I-ORG O B-ORG I-ORG: 2 repairs, 2 spans.
    x = extractor(models["bert_forced"], label_map=CAMEL_CARD_MAP)
    text = "بنكُ الـكويت \u200f في الكويت"
    spans = x.predict([Document("d", text)])["d"]
    assert [(s.start, s.end, s.label, s.text) for s in spans] == [
        (0, 12, "ORG", "بنكُ الـكويت"),
        (15, 24, "ORG", "في الكويت"),
    ]
    assert x.stats["invalid_tags"] == 2
    assert "starts a new X entity" in x.stats["repair_rule"]


# ---------------------------------------------------------------- windows and batches


def test_plan_windows_by_hand():
    # 6 words of 2 sub-tokens, capacity 5 -> 2 words per window; stride 1 word.
    assert plan_windows([2] * 6, 5, 1) == [(0, 2), (1, 3), (2, 4), (3, 5), (4, 6)]
    # No overlap asked for.
    assert plan_windows([2] * 6, 5, 0) == [(0, 2), (2, 4), (4, 6)]
    # Overlap is capped at half a window, so windows always move on.
    assert plan_windows([1] * 8, 4, 10) == [(0, 4), (2, 6), (4, 8)]
    # A word longer than the capacity gets a window of its own; empty words cost nothing.
    assert plan_windows([1, 9, 0, 1], 4, 0) == [(0, 1), (1, 2), (2, 4)]
    assert plan_windows([], 4, 1) == []


def test_assign_words_picks_most_central_window():
    windows = [(0, 4), (2, 6), (4, 8)]
    # Word 2: in window 0 it has 1 word of right context, in window 1 none on the
    # left -> window 0. Word 3: 0 right context in window 0, 1 left in window 1 -> 1.
    assert assign_words(windows, 8) == [0, 0, 0, 1, 1, 2, 2, 2]
    for words, planned in (([3, 1, 2, 5, 1, 1, 2, 4, 1, 1], plan_windows([3, 1, 2, 5, 1, 1, 2, 4, 1, 1], 7, 2)),):
        owner = assign_words(planned, len(words))
        assert all(planned[w][0] <= i < planned[w][1] for i, w in enumerate(owner))


@pytest.mark.parametrize("kind", ["bert_cf", "xlmr_cf"])
def test_windows_give_the_same_labels_as_one_long_input(models, kind):
    text = long_text()
    small = extractor(models[kind], max_length=16, stride=4)
    large = extractor(models[kind], max_length=512)  # capped at the model's 128
    got_small = small.predict_word_labels([Document("d", text)])["d"]
    got_large = large.predict_word_labels([Document("d", text)])["d"]
    assert small.stats["windows"] > large.stats["windows"] >= 1
    assert large.stats["max_length"] == 128
    assert got_small == got_large == expected_labels(small, text)


def test_windows_cover_every_word_with_a_contextual_model(models):
    text = long_text()
    x = extractor(models["bert"], max_length=24, stride=5)
    labels = x.predict_word_labels([Document("d", text)])["d"]
    assert len(labels) == len(tokenize(text))
    assert labels.count(None) == x.stats["words_without_subtokens"]
    assert x.stats["windows"] > 10


@pytest.mark.parametrize("kind", ["bert", "xlmr"])
def test_window_inputs_equal_the_tokenizers_own_encoding(models, kind):
    x = extractor(models[kind], max_length=40, stride=6)
    doc = Document("d", long_text())
    encoded = x.encode([doc])
    words = [x.preprocessing.apply(t.text) for t in tokenize(doc.text)]
    for window in encoded.windows[:5]:
        window_words = [words[i] for i in range(window.words[0], window.words[-1] + 1) if words[i]]
        reference = x._tokenizer([window_words], is_split_into_words=True)
        assert window.input_ids == reference["input_ids"][0]
        word_ids = reference.word_ids(0)
        firsts = [word_ids.index(k) for k in sorted({w for w in word_ids if w is not None})]
        assert window.first_positions == firsts


def test_batching_across_documents_does_not_change_labels(models):
    docs = [Document(f"d{i}", s) for i, s in enumerate(TEST_SENTENCES + [long_text()])]
    batched = extractor(models["bert"], batch_size=4).predict_word_labels(docs)
    single = extractor(models["bert"], batch_size=1).predict_word_labels(docs)
    assert batched == single


# ---------------------------------------------------------------- label maps


def test_split_model_label():
    assert split_model_label("B-LOC") == ("B", "LOC")
    assert split_model_label("I-organization") == ("I", "organization")
    assert split_model_label("S-GPE") == ("B", "GPE")
    assert split_model_label("E-ORG") == ("I", "ORG")
    assert split_model_label("O") == ("O", None)
    assert split_model_label("PER") == ("I", "PER")


def test_default_map_is_case_insensitive_and_ignores_the_rest():
    assert resolve_label_map(["location", "organization", "person", "GPE", "MONEY", "FAC"], None, "m") == {
        "location": "LOC",
        "organization": "ORG",
        "person": None,
        "GPE": "LOC",
        "MONEY": "MONEY",
        "FAC": None,
    }


def test_unmapped_label_is_an_error(models):
    x = extractor(models["bert"], label_map={"LOC": "LOC", "ORG": "ORG"})
    with pytest.raises(LabelMapError, match="MISC, PERS") as err:
        x.load()
    assert "\n" not in str(err.value)
    with pytest.raises(LabelMapError, match="'PLACE'"):
        resolve_label_map(["LOC"], {"LOC": "PLACE"}, "m")


def test_card_map_matches_model_types_case_insensitively(models):
    upper = {
        "LOCATION": "LOC",
        "ORGANIZATION": "ORG",
        "PERSON": None,
        "JOB": None,
        "NATIONALITY": None,
        "TIME": None,
        "EVENT": None,
        "PRODUCT": None,
        "ARTWORK": None,
    }
    x = extractor(models["xlmr"], label_map=upper)
    assert x.effective_label_map()["location"] == "LOC"
    assert sorted(x.effective_label_map()) == sorted({label[2:] for label in MAREFA_LABELS if label != "O"})


# ---------------------------------------------------------------- loading and provenance


def test_absent_hub_model_offline_is_one_line(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    x = extractor("nonexistent-org/nonexistent-model", cache_dir=tmp_path)
    t0 = time.perf_counter()
    with pytest.raises(ModelUnavailable) as err:
        x.load()
    message = str(err.value)
    assert "\n" not in message
    assert "'nonexistent-org/nonexistent-model'" in message
    assert "hf download nonexistent-org/nonexistent-model" in message
    assert "huggingface-cli download nonexistent-org/nonexistent-model" in message
    assert "HF_HOME" in message and "local directory" in message
    assert err.value.__context__ is None or err.value.__suppress_context__  # no chained traceback
    assert time.perf_counter() - t0 < 20  # no network retries


def test_missing_local_directory(tmp_path):
    with pytest.raises(ModelUnavailable, match="is not a model directory"):
        extractor(str(tmp_path / "no" / "such" / "model")).load()
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelUnavailable, match="cannot be loaded") as err:
        extractor(tmp_path / "empty").load()
    assert "\n" not in str(err.value)


def test_hub_id_loads_from_the_cache_offline(models, monkeypatch, tmp_path):
    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "models--tiny-org--tiny-camelbert"
    shutil.copytree(models["bert"], repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    x = extractor("tiny-org/tiny-camelbert", cache_dir=tmp_path, label_map=CAMEL_CARD_MAP)
    x.load()
    assert x.resolved_revision() == commit == x.revision()
    local = extractor(models["bert"], label_map=CAMEL_CARD_MAP)
    docs = [Document("d", TEST_SENTENCES[0])]
    assert x.predict(docs) == local.predict(docs)


def test_local_revision_is_sha256_of_the_weights(models):
    weights = models["bert"] / "model.safetensors"
    file_hash = hashlib.sha256(weights.read_bytes()).hexdigest()
    # As `sha256sum model.safetensors | sha256sum` in the model directory.
    expected = hashlib.sha256(f"{file_hash}  model.safetensors\n".encode()).hexdigest()
    assert extractor(models["bert"]).resolved_revision() == f"sha256:{expected}"
    assert extractor(models["bert"]).resolved_revision() != extractor(models["bert_cf"]).resolved_revision()


def test_bad_options_are_rejected():
    from benchmark.extractors.windows import ExtractorConfigError

    with pytest.raises(ExtractorConfigError, match="word_alignment 'average'"):
        TransformersExtractor("x", label_map=None, word_alignment="average")
    with pytest.raises(ValueError, match="unknown preprocessing key"):
        TransformersExtractor("x", label_map=None, preprocessing={"lowercase": True})


def test_no_torch_import_until_load():
    import subprocess
    import sys

    code = (
        "import sys; from benchmark.extractors.transformers_ner import TransformersExtractor as T; "
        "T('x', label_map=None); print('torch' in sys.modules, 'transformers' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
