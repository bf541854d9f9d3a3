"""ANERcorp as model inputs, and reading a model's tags back: the data side of
the e5-small-anercorp recipe (train.py runs the training loop).

Words are normalized as the harness normalizes them (WORD_PREPROCESSING), the
first sub-token of a word carries its tag (the others are IGNORE_INDEX), and a
sentence longer than the model's window is cut between words.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence

from ..errors import DataError
from ..extractors.preprocess import Preprocessing

ANERCORP_TAGS = ("O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-PERS", "I-PERS", "B-MISC", "I-MISC")
IGNORE_INDEX = -100

# What the harness does to a word before this model reads it: the card's
# [preprocessing] (models/e5-small-anercorp.toml). Training reads words the same way.
WORD_PREPROCESSING = Preprocessing(dediacritize=True, drop_tatweel=True)


class TrainingError(DataError):
    """Unusable training input or settings (one line)."""


@dataclass
class ModelInput:
    """One model input: sub-token ids and per-sub-token label ids (-100 = not scored)."""

    input_ids: list[int]
    labels: list[int]


def normalize_word(word: str) -> str:
    """Dediacritize and drop tatweel; a word made only of marks stays as it was."""
    return WORD_PREPROCESSING.apply(word) or word


def read_tagged(path: Path | str) -> list[tuple[list[str], list[str]]]:
    """A `token TAG` file as (words, tags) per sentence, checked against ANERcorp's tag set."""
    from ..corpora.conll import read_conll_tagged

    sentences = []
    for number, rows in enumerate(read_conll_tagged(path), start=1):
        words = [row[0] for row in rows]
        tags = [row[1] for row in rows]
        unknown = sorted(set(tags) - set(ANERCORP_TAGS))
        if unknown:
            raise TrainingError(f"{path}: sentence {number}: tags {unknown} are not ANERcorp's {ANERCORP_TAGS}")
        sentences.append((words, tags))
    if not sentences:
        raise TrainingError(f"{path}: no sentences")
    return sentences


def split_holdout(items: Sequence, fraction: float, seed: int) -> tuple[list, list]:
    """(train, held out): a fixed-seed random `fraction` of the items, at least one each."""
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    n_held = min(max(1, round(len(items) * fraction)), len(items) - 1) if len(items) > 1 else 0
    held = sorted(order[:n_held])
    kept = sorted(order[n_held:])
    return [items[i] for i in kept], [items[i] for i in held]


def word_pieces(tokenizer, sentences: Sequence[Sequence[str]]) -> list[list[list[int]]]:
    """Sub-token ids of every word of every sentence, as `is_split_into_words` tokenizes them."""
    if not sentences:
        return []
    # verbose=False: whole sentences may exceed 512 sub-tokens here; they are cut later
    encoded = tokenizer([list(s) for s in sentences], is_split_into_words=True, add_special_tokens=False, verbose=False)
    out = []
    for index, words in enumerate(sentences):
        pieces: list[list[int]] = [[] for _ in words]
        for token_id, word_id in zip(encoded["input_ids"][index], encoded.word_ids(index)):
            if word_id is not None:
                pieces[word_id].append(token_id)
        out.append(pieces)
    return out


def chunk_words(pieces: list[list[int]], max_content: int) -> list[tuple[int, int]]:
    """[first, last + 1) word ranges whose sub-tokens fit `max_content`; a
    single over-long word is cut at the limit rather than dropped."""
    ranges, start, used = [], 0, 0
    for i, word in enumerate(pieces):
        n = min(len(word), max_content)
        if used + n > max_content and i > start:
            ranges.append((start, i))
            start, used = i, 0
        used += n
    if start < len(pieces) or not ranges:
        ranges.append((start, len(pieces)))
    return ranges


def build_sequence(
    pieces: list[list[int]], label_ids: Sequence[int] | None, cls_id: int, sep_id: int, max_content: int
) -> tuple[ModelInput, list[int]]:
    """[CLS] words [SEP] with the first sub-token of each word labelled.
    Also returns, per word, the position of its first sub-token (-1: none)."""
    ids, labels, first = [cls_id], [IGNORE_INDEX], []
    for index, word in enumerate(pieces):
        word = word[: max_content - (len(ids) - 1)]
        if not word:
            first.append(-1)  # no sub-token: the word is read as O, alignment unaffected
            continue
        first.append(len(ids))
        ids.extend(word)
        labels.append(label_ids[index] if label_ids is not None else IGNORE_INDEX)
        labels.extend([IGNORE_INDEX] * (len(word) - 1))
    ids.append(sep_id)
    labels.append(IGNORE_INDEX)
    return ModelInput(ids, labels), first


def encode_tagged(tokenizer, sentences, label2id: dict[str, int], max_length: int) -> list[ModelInput]:
    """Training sequences for tagged sentences (long ones cut between words)."""
    max_content = max_length - 2
    all_pieces = word_pieces(tokenizer, [[normalize_word(w) for w in words] for words, _ in sentences])
    out = []
    for (_, tags), pieces in zip(sentences, all_pieces):
        for a, b in chunk_words(pieces, max_content):
            seq, _ = build_sequence(
                pieces[a:b],
                [label2id[t] for t in tags[a:b]],
                tokenizer.cls_token_id,
                tokenizer.sep_token_id,
                max_content,
            )
            out.append(seq)
    return out


def length_batches(
    items: Sequence[ModelInput], batch_size: int, rng: random.Random | None
) -> Iterator[list[ModelInput]]:
    """Batches of similar length (less padding = faster CPU steps). With `rng`,
    items are shuffled, sorted by length within pools of 50 batches, and the
    batches shuffled; without, the order is kept."""
    order = list(range(len(items)))
    if rng is None:
        for i in range(0, len(order), batch_size):
            yield [items[j] for j in order[i : i + batch_size]]
        return
    rng.shuffle(order)
    pool = batch_size * 50
    batches: list[list[int]] = []
    for p in range(0, len(order), pool):
        chunk = sorted(order[p : p + pool], key=lambda j: len(items[j].input_ids))
        batches.extend(chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    for batch in batches:
        yield [items[j] for j in batch]


def collate(batch: Sequence[ModelInput], pad_id: int, device) -> dict:
    import torch

    width = max(len(s.input_ids) for s in batch)
    ids = torch.full((len(batch), width), pad_id, dtype=torch.long)
    labels = torch.full((len(batch), width), IGNORE_INDEX, dtype=torch.long)
    mask = torch.zeros((len(batch), width), dtype=torch.long)
    for row, seq in enumerate(batch):
        n = len(seq.input_ids)
        ids[row, :n] = torch.tensor(seq.input_ids)
        labels[row, :n] = torch.tensor(seq.labels)
        mask[row, :n] = 1
    return {"input_ids": ids.to(device), "attention_mask": mask.to(device), "labels": labels.to(device)}


def predict_words(
    model, tokenizer, sentences: Sequence[Sequence[str]], max_length: int = 512, batch_size: int = 32
) -> list[list[str]]:
    """A tag per word: the argmax label of its first sub-token (words normalized
    as in training; a sentence longer than the model's window is cut between words)."""
    import torch

    max_content = max_length - 2
    id2label = model.config.id2label
    all_pieces = word_pieces(tokenizer, [[normalize_word(w) for w in words] for words in sentences])
    jobs = []  # (sentence index, first word, sequence, first-sub-token positions)
    for index, pieces in enumerate(all_pieces):
        for a, b in chunk_words(pieces, max_content):
            seq, first = build_sequence(pieces[a:b], None, tokenizer.cls_token_id, tokenizer.sep_token_id, max_content)
            jobs.append((index, a, seq, first))
    tags = [["O"] * len(words) for words in sentences]
    device = next(model.parameters()).device
    was_training = model.training
    model.eval()
    order = sorted(range(len(jobs)), key=lambda j: len(jobs[j][2].input_ids))
    with torch.inference_mode():
        for i in range(0, len(order), batch_size):
            chunk = [jobs[j] for j in order[i : i + batch_size]]
            inputs = collate([job[2] for job in chunk], tokenizer.pad_token_id, device)
            inputs.pop("labels")
            best = model(**inputs).logits.argmax(-1).tolist()
            for (index, a, _, first), row in zip(chunk, best):
                for offset, position in enumerate(first):
                    if position >= 0:
                        tags[index][a + offset] = id2label[row[position]]
    model.train(was_training)
    return tags


def seqeval_scores(gold: list[list[str]], pred: list[list[str]]) -> dict:
    """Micro P/R/F1 in seqeval's default (conlleval) mode and strict IOB2, plus
    per-type F1, rounded to 4 places (model selection compares these)."""
    from ..scoring.seqeval_metrics import score_sequences

    scores = {}
    for mode in ("default", "strict"):
        summary = score_sequences(gold, pred, mode)
        scores[mode] = {
            **{key: round(summary["overall"][key], 4) for key in ("precision", "recall", "f1")},
            "per_type_f1": {t: round(v["f1"], 4) for t, v in summary["per_type"].items()},
        }
    return scores
