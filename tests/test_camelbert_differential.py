"""Differential test: our harness against CAMeL Tools' NERecognizer on a
CAMeLBERT-shaped model (CAMeLBERT's real 30k vocabulary and BERT-base config,
CAMeLBERT NER's 9 labels, random weights from seed 0, 1 layer for speed).

Both run on the same folder and the same words. NERecognizer does not
dediacritize and our CAMeLBERT cards do, so NERecognizer is fed the words our
preprocessing produced (tests/camel_differential.py): what is compared is the
harness (sub-tokens, first-piece labels, segments/windows, batching, padding),
and a lone diacritic or tatweel becomes a word with no sub-token, the case
where NERecognizer misaligns. The adversarial inputs are also run with no
preprocessing on either side.

Every difference must be a documented NERecognizer defect (docs/model-zoo.md,
"CAMeL Tools' NERecognizer, compared"): `dropped_words`/`misaligned` (it drops
words with no sub-token and shifts the rest) or `hard_cut` (it cuts at 254
pieces with no overlap). Anything else is counted as `harness_bug` and fails.
Random weights give varied labels, so a shift or a lost context shows up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("torch")
pytest.importorskip("transformers")
pytest.importorskip("camel_tools", reason="camel-tools is a test dependency")

from benchmark.tokenize import sentence_bounds, tokenize

from .camel_differential import load_ner_recognizer, run_both
from .conftest import shared_path
from .tiny_models import build_camelbert_shaped, seed_texts

RAW = {"dediacritize": False, "drop_tatweel": False, "digits": "keep"}

# Words with no sub-token once preprocessed: a lone fatha, a lone tatweel,
# U+200F RIGHT-TO-LEFT MARK, a BEL control character, U+200B ZERO WIDTH SPACE
# (BERT's clean_text deletes control and format characters).
ZERO_PIECE = ["\u064e", "\u0640", "\u200f", "\u0007", "\u200b"]
# Words of many pieces: unseen letters, a long digit string, a mixed-script run.
MANY_PIECES = ["ڤڤگگپپچچژژ" * 3, "12345678901234567890123456", "xqzjwkvy" * 4 + "شركة"]


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    vocab_dir = shared_path("data", "camelbert")
    catalogue = shared_path("data", "camel_tools")
    scratch = tmp_path_factory.mktemp("camelbert_differential")
    model_dir = build_camelbert_shaped(scratch / "camelbert-shaped", vocab_dir, layers=1, seed=0)
    return model_dir, load_ner_recognizer(model_dir, catalogue, scratch)


def sentences(unit_id: str, text: str) -> list[tuple[str, str]]:
    tokens = tokenize(text)
    return [
        (f"{unit_id}:{k}", text[tokens[a].start : tokens[b - 1].end])
        for k, (a, b) in enumerate(sentence_bounds(text, tokens))
    ]


def adversarial_units() -> list[tuple[str, str]]:
    seed = seed_texts()[0]
    words = seed.split()
    # zero-piece words sprinkled through a text longer than 512 pieces, so
    # that the shift crosses segment and window boundaries
    long_words = []
    for i, word in enumerate(words * 2):
        long_words.append(word)
        if i % 97 == 0:
            long_words.append(ZERO_PIECE[(i // 97) % len(ZERO_PIECE)])
    return [
        ("zero-pieces", "أعلنت " + " شركة ".join(ZERO_PIECE) + " أرامكو السعودية عن أرباح"),
        ("zero-first", "\u200f شركة أرامكو في الرياض"),
        ("only-zero", " ".join(ZERO_PIECE)),
        ("many-pieces", " بنك ".join(MANY_PIECES) + " في دبي"),
        ("long", " ".join(long_words)),
    ]


def assert_no_harness_bug(tally) -> None:
    assert tally.harness_bug == 0, "\n".join(tally.bugs[:10])


def test_model_has_camelberts_vocabulary_and_labels(setup):
    _, recognizer = setup
    assert len(recognizer.tokenizer) == 30000
    assert recognizer.tokenizer.tokenize("إمارات") == ["إما", "##رات"]  # as on the CAMeLBERT-Mix POS card
    assert recognizer.tokenizer.tokenize("أرامكو")[0].startswith("أ")  # not lower-cased (hamza kept)
    assert len(recognizer.labels_map) == 9


def test_seed_same_labels_with_camel_segments_and_with_card_windows(setup):
    model_dir, recognizer = setup
    seed = seed_texts()[0]
    whole = run_both(recognizer, model_dir, [("seed", seed)], camel_segments=True)
    assert_no_harness_bug(whole)
    assert whole.hard_cut == 0 and whole.words > 300
    by_sentence = run_both(recognizer, model_dir, sentences("seed", seed), camel_segments=False)
    assert_no_harness_bug(by_sentence)


def test_adversarial_words_differ_only_by_documented_defects(setup):
    model_dir, recognizer = setup
    units = adversarial_units()
    exact = {}
    for name, kwargs in (("card", {}), ("raw", {"preprocessing": RAW})):
        exact[name] = run_both(recognizer, model_dir, units, camel_segments=True, **kwargs)
        assert_no_harness_bug(exact[name])
        assert exact[name].hard_cut == 0
        card = run_both(recognizer, model_dir, units, camel_segments=False, **kwargs)
        assert_no_harness_bug(card)
        assert card.hard_cut_units <= 1  # only a unit longer than one 254-piece segment
    # With the cards' preprocessing the lone fatha and tatweel vanish too;
    # raw, they are [UNK] for both. U+200F, BEL and U+200B vanish either way.
    n_zero = sum(text.split().count(z) for _, text in units for z in ZERO_PIECE)
    n_format = sum(text.split().count(z) for _, text in units for z in ZERO_PIECE[2:])
    card_exact, raw_exact = exact["card"], exact["raw"]
    assert card_exact.dropped_words == n_zero and raw_exact.dropped_words == n_format
    assert card_exact.misaligned > 0  # the documented defect is real with these weights


def test_news_articles_same_labels_with_camel_segments(setup):
    import os

    model_dir, recognizer = setup
    directory = os.environ.get("BENCH_NEWS_DIR")
    if not directory or not Path(directory).is_dir():
        pytest.skip("BENCH_NEWS_DIR does not point at the news texts")
    units = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(Path(directory).glob("*.txt"))]
    assert units
    tally = run_both(recognizer, model_dir, units, camel_segments=True)
    assert_no_harness_bug(tally)
    assert tally.words > 10000
