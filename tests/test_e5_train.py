"""benchmark.e5.train: word alignment, hold-out split, and a few real steps on a tiny random BERT."""

from __future__ import annotations

import json

import pytest

from benchmark.e5 import data
from benchmark.e5 import train as tr

SENTENCES = [
    ("أعلنت شركة أرامكو السعودية أرباحها", "O B-ORG I-ORG I-ORG O"),
    ("زار محمد بن سلمان القاهرة أمس", "O B-PERS I-PERS I-PERS B-LOC O"),
    ("قال البنك الدولي إن الاقتصاد نما", "O B-ORG I-ORG O O O"),
    ("ارتفعت الأسهم في دبي ولندن", "O O O B-LOC B-LOC"),
    ("فاز الفريق بكأس العالم في باريس", "O O B-MISC I-MISC O B-LOC"),
]


def write_conll(path, sentences=SENTENCES):
    blocks = []
    for words, tags in sentences:
        blocks.append("\n".join(f"{w} {t}" for w, t in zip(words.split(), tags.split())))
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return path


def tiny_tokenizer(out_dir):
    """A Unigram tokenizer over the test words: whole words (▁word) and single letters."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast

    words = sorted({w for s, _ in SENTENCES for w in s.split()})
    chars = sorted({c for w in words for c in w})
    specials = ["<s>", "<pad>", "</s>", "<unk>"]
    vocab = [(p, 0.0) for p in specials] + [("▁", -2.0)] + [("▁" + w, -1.0) for w in words[:-3]]
    vocab += [(c, -3.0) for c in chars]  # the last three words split into letters
    backend = Tokenizer(models.Unigram(vocab, unk_id=3))
    backend.pre_tokenizer = pre_tokenizers.Metaspace()
    backend.decoder = decoders.Metaspace()
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend,
        bos_token="<s>",
        eos_token="</s>",
        cls_token="<s>",
        sep_token="</s>",
        pad_token="<pad>",
        unk_token="<unk>",
    )
    tokenizer.save_pretrained(str(out_dir))
    return tokenizer


@pytest.fixture
def tiny_base(tmp_path):
    pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    base = tmp_path / "base"
    tokenizer = tiny_tokenizer(base)
    config = transformers.BertConfig(
        vocab_size=len(tokenizer),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=64,
        hidden_dropout_prob=0.0,
        attention_probs_dropout_prob=0.0,
        pad_token_id=tokenizer.pad_token_id,
    )
    import torch

    torch.manual_seed(0)
    transformers.BertModel(config).save_pretrained(str(base))
    return base


def test_normalize_word_drops_marks_and_tatweel():
    assert data.normalize_word("مُحَمَّد") == "محمد"
    assert data.normalize_word("شـــركة") == "شركة"
    assert data.normalize_word("\u064e") == "\u064e"  # nothing left: keep the word, never an empty one
    assert data.normalize_word("Aramco") == "Aramco"


def test_split_holdout_is_fixed_disjoint_and_complete():
    items = list(range(100))
    kept, held = data.split_holdout(items, 0.1, seed=13)
    assert len(held) == 10 and sorted(kept + held) == items
    assert data.split_holdout(items, 0.1, seed=13) == (kept, held)
    assert data.split_holdout(items, 0.1, seed=14)[1] != held


def test_chunk_words_cuts_between_words():
    pieces = [[1, 2], [3], [4, 5, 6], [7], [8, 9]]
    assert data.chunk_words(pieces, 4) == [(0, 2), (2, 4), (4, 5)]
    assert data.chunk_words(pieces, 100) == [(0, 5)]
    assert data.chunk_words([[1, 2, 3, 4, 5, 6]], 4) == [(0, 1)]  # one over-long word: its own chunk


def test_build_sequence_labels_first_sub_token_only():
    seq, first = data.build_sequence(
        [[10, 11], [12], [], [13, 14, 15]], [1, 0, 2, 3], cls_id=0, sep_id=2, max_content=10
    )
    assert seq.input_ids == [0, 10, 11, 12, 13, 14, 15, 2]
    assert seq.labels == [-100, 1, -100, 0, 3, -100, -100, -100]
    assert first == [1, 3, -1, 4]  # the word with no sub-token is skipped, alignment kept


def test_read_tagged_rejects_tags_outside_anercorp(tmp_path):
    path = write_conll(tmp_path / "bad.txt", [("باع 5 مليارات", "O B-MONEY I-MONEY")])
    with pytest.raises(data.TrainingError, match=r"bad.txt: sentence 1: tags \['B-MONEY', 'I-MONEY'\]"):
        data.read_tagged(path)


def test_encode_tagged_with_is_split_into_words(tmp_path):
    pytest.importorskip("transformers")
    tokenizer = tiny_tokenizer(tmp_path / "tok")
    sentences = data.read_tagged(write_conll(tmp_path / "train.txt"))
    label2id = {t: i for i, t in enumerate(data.ANERCORP_TAGS)}
    seqs = data.encode_tagged(tokenizer, sentences, label2id, max_length=64)
    assert len(seqs) == len(sentences)
    for (words, tags), seq in zip(sentences, seqs):
        scored = [label for label in seq.labels if label != -100]
        assert scored == [label2id[t] for t in tags]  # one label per word, in order
        assert seq.input_ids[0] == tokenizer.cls_token_id and seq.input_ids[-1] == tokenizer.sep_token_id
    # a short window cuts sentences into several sequences but keeps every word's label
    short = data.encode_tagged(tokenizer, sentences, label2id, max_length=6)
    assert len(short) > len(sentences)
    assert sum(1 for s in short for label in s.labels if label != -100) == sum(len(w) for w, _ in sentences)


def test_a_few_steps_reduce_the_loss_and_save_a_loadable_tagger(tmp_path, tiny_base):
    transformers = pytest.importorskip("transformers")
    train_file = write_conll(tmp_path / "train.txt")
    out = tmp_path / "out" / "tagger"
    settings = tr.TrainSettings(
        train_file=train_file,
        base_dir=tiny_base,
        out_dir=out,
        epochs=12,
        batch_size=4,
        learning_rate=3e-3,
        head_learning_rate=1e-2,
        holdout_fraction=0.2,
        seed=3,
        threads=1,
        max_length=64,
        evals_per_epoch=1,
        progress=False,
        device="cpu",
    )
    result = tr.train(settings, log=lambda line: None)

    assert result.steps == 12 and len(result.losses) == 12  # 4 training sentences = 1 step/epoch
    assert sum(result.losses[-3:]) / 3 < result.losses[0] * 0.7, result.losses
    assert result.best_step in {entry["step"] for entry in result.history}
    assert not result.stopped_by_budget

    model = transformers.AutoModelForTokenClassification.from_pretrained(str(out))
    assert model.config.id2label == dict(enumerate(data.ANERCORP_TAGS))
    assert model.config.label2id == {t: i for i, t in enumerate(data.ANERCORP_TAGS)}
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(out))
    info = json.loads((out / "training.json").read_text(encoding="utf-8"))
    assert info["steps_done"] == 12 and info["settings"]["seed"] == 3 and info["labels"] == list(data.ANERCORP_TAGS)
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")], "no temporary folder left behind"

    words = [s.split() for s, _ in SENTENCES]
    tags = data.predict_words(model, tokenizer, words, max_length=64)
    assert [len(t) for t in tags] == [len(w) for w in words]
    assert all(tag in data.ANERCORP_TAGS for row in tags for tag in row)


def test_the_budget_stops_training_and_keeps_a_checkpoint(tmp_path, tiny_base):
    settings = tr.TrainSettings(
        train_file=write_conll(tmp_path / "train.txt"),
        base_dir=tiny_base,
        out_dir=tmp_path / "out",
        epochs=50,
        batch_size=1,
        holdout_fraction=0.2,
        seed=1,
        threads=1,
        max_minutes=0.0,
        progress=False,
        device="cpu",
    )
    result = tr.train(settings, log=lambda line: None)
    assert result.stopped_by_budget and result.steps == 0
    assert (tmp_path / "out" / "config.json").is_file()  # evaluated and saved once anyway


def test_bench_train_reports_a_missing_training_file(tmp_path):
    from click.testing import CliRunner

    from benchmark.cli.commands.train import train

    result = CliRunner().invoke(train, ["e5-small-anercorp", "--train-file", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2
    assert "nope.txt does not exist" in result.output


def test_the_card_says_how_to_build_a_missing_model(tmp_path, monkeypatch):
    from benchmark.extractors.cards import resolve
    from benchmark.extractors.harness import ExtractorError, build_extractor

    monkeypatch.setenv("BENCH_CACHE", str(tmp_path / "empty-cache"))
    card = resolve("e5-small-anercorp")
    assert card.label_map == {"LOC": "LOC", "ORG": "ORG", "PERS": "ignore", "MISC": "ignore"}
    with pytest.raises(ExtractorError, match=r"does not exist; build it with `bench train e5-small-anercorp`"):
        build_extractor(card)


def _bench_train(tmp_path, tiny_base, out):
    from click.testing import CliRunner

    from benchmark.cli.commands.train import train

    args = ["e5-small-anercorp", "--base", str(tiny_base), "--out", str(out), "--epochs", "1", "--batch-size", "4"]
    args += ["--train-file", str(write_conll(tmp_path / "train.txt")), "--keep-full-vocab", "--no-progress"]
    return CliRunner().invoke(train, [*args, "--device", "cpu", "--threads", "1"])


def test_bench_train_puts_only_the_finished_model_in_place(tmp_path, tiny_base):
    out = tmp_path / "models" / "tagger"
    result = _bench_train(tmp_path, tiny_base, out)
    assert result.exit_code == 0, result.output
    assert (out / "config.json").is_file() and (out / "training.json").is_file()
    assert not [p.name for p in out.parent.iterdir() if p.name.startswith(".")], "staging folder left behind"


def test_an_interrupted_bench_train_leaves_no_model_where_bench_run_looks(tmp_path, tiny_base, monkeypatch):
    def saves_a_checkpoint_then_fails(settings, log=print):
        tr.save_model(*_tiny_model_and_tokenizer(tiny_base), settings.out_dir, {"steps_done": 1})
        raise data.TrainingError("interrupted after the first checkpoint")

    monkeypatch.setattr(tr, "train", saves_a_checkpoint_then_fails)
    out = tmp_path / "models" / "tagger"
    result = _bench_train(tmp_path, tiny_base, out)
    assert result.exit_code != 0 and "interrupted after the first checkpoint" in result.output
    assert not out.exists()  # the half-trained checkpoint stays in the hidden staging folder


def _tiny_model_and_tokenizer(base):
    transformers = pytest.importorskip("transformers")
    model = transformers.AutoModelForTokenClassification.from_pretrained(str(base), num_labels=9)
    return model, transformers.AutoTokenizer.from_pretrained(str(base))
