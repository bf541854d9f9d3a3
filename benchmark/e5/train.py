"""Fine-tune an encoder folder for ANERcorp token classification.

The recipe, and why:
- ANERcorp is already tokenized: its tokens are fed as words
  (`is_split_into_words=True`), the first sub-token of a word carries the
  word's tag and the other sub-tokens are ignored (-100). That is the
  harness's inference convention (`word_alignment = "first"`, docs/model-cards.md), so training and `bench run`
  read a word the same way.
- Words are dediacritized and stripped of tatweel, as the model card tells
  the harness to do with benchmark text, so the model never sees marks at
  training time that inference removes.
- The model keeps ANERcorp's own labels (B/I-LOC, ORG, PERS, MISC and O);
  the model card maps them to the benchmark's types.
- A fixed-seed ~10% of the *training* sentences is held out for model
  selection: the checkpoint with the best held-out micro F1 (seqeval default
  mode) is the one saved. The test file is never read here.
- The 96M-parameter word-embedding matrix is frozen (it is most of the
  model; freezing makes a step cheap and protects the pieces ANERcorp never
  shows). Sentences longer than `max_length` sub-tokens are cut, between
  words, into several training sequences.
"""

from __future__ import annotations

import math
import random
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

from ..errors import DataError
from ..extractors.preprocess import Preprocessing
from .paths import new_folder, write_json

ANERCORP_TAGS = ("O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-PERS", "I-PERS", "B-MISC", "I-MISC")
IGNORE_INDEX = -100

# What the harness does to a word before this model reads it: the card's
# [preprocessing] (models/e5-small-anercorp.toml). Training reads words the same way.
WORD_PREPROCESSING = Preprocessing(dediacritize=True, drop_tatweel=True)


class TrainingError(DataError):
    """Unusable training input or settings (one line)."""


@dataclass
class TrainSettings:
    train_file: Path
    base_dir: Path
    out_dir: Path
    epochs: int = 5
    batch_size: int = 16
    learning_rate: float = 1e-4  # encoder layers
    head_learning_rate: float = 1e-3  # the freshly initialized classifier
    weight_decay: float = 0.01
    warmup_fraction: float = 0.06
    holdout_fraction: float = 0.1
    seed: int = 13
    max_minutes: float = 60.0  # wall-clock budget for the training loop
    threads: int = 2
    max_length: int = 256  # sub-tokens per training sequence, specials included
    evals_per_epoch: int = 2
    freeze_word_embeddings: bool = True
    device: str = "auto"
    progress: bool = True
    max_steps: int | None = None  # tests: stop after this many optimizer steps


@dataclass
class ModelInput:
    """One model input: sub-token ids and per-sub-token label ids (-100 = not scored)."""

    input_ids: list[int]
    labels: list[int]


@dataclass
class TrainResult:
    out_dir: Path
    best_f1: float
    best_step: int
    steps: int
    seconds: float
    seconds_per_step: float
    stopped_by_budget: bool
    history: list[dict] = field(default_factory=list)  # one entry per held-out evaluation
    losses: list[float] = field(default_factory=list)  # training loss of every step


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
    batches = []
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


def resolve_device(name: str):
    """The torch device for `--device` (auto: cuda, mps, else cpu), as `bench run` picks it."""
    from ..extractors.hf_runtime import pick_device
    from ..extractors.windows import ExtractorConfigError

    try:
        return pick_device(name)
    except ExtractorConfigError as err:
        raise TrainingError(str(err)) from None


def build_model(base_dir: Path, freeze_word_embeddings: bool):
    from transformers import AutoModelForTokenClassification

    id2label = dict(enumerate(ANERCORP_TAGS))
    model = AutoModelForTokenClassification.from_pretrained(
        str(base_dir),
        num_labels=len(ANERCORP_TAGS),
        id2label=id2label,
        label2id={tag: i for i, tag in id2label.items()},
    )
    if freeze_word_embeddings:
        model.get_input_embeddings().weight.requires_grad_(False)
    return model


def _optimizer(model, settings: TrainSettings):
    import torch

    head, decay, no_decay = [], [], []
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        if name.startswith("classifier."):
            head.append(param)
        elif name.endswith("bias") or "LayerNorm" in name:
            no_decay.append(param)
        else:
            decay.append(param)
    return torch.optim.AdamW(
        [
            {"params": decay, "lr": settings.learning_rate, "weight_decay": settings.weight_decay},
            {"params": no_decay, "lr": settings.learning_rate, "weight_decay": 0.0},
            {"params": head, "lr": settings.head_learning_rate, "weight_decay": 0.0},
        ]
    )


def _linear_schedule(optimizer, warmup: int, total: int):
    import torch

    def factor(step: int) -> float:
        if step < warmup:
            return (step + 1) / max(1, warmup)
        return max(0.0, (total - step) / max(1, total - warmup))

    return torch.optim.lr_scheduler.LambdaLR(optimizer, factor)


def save_model(model, tokenizer, out_dir: Path, info: dict) -> None:
    """Write the folder beside its target, then swap it in: never half a model."""
    with new_folder(out_dir) as tmp:
        model.save_pretrained(str(tmp))
        tokenizer.save_pretrained(str(tmp))
        write_json(tmp / "training.json", info)


def train(settings: TrainSettings, log=print) -> TrainResult:
    """Fine-tune, select on the held-out part of train, save the best checkpoint to settings.out_dir."""
    import numpy as np
    import torch
    from tqdm.auto import tqdm
    from transformers import AutoTokenizer

    started = time.monotonic()
    device = resolve_device(settings.device)
    torch.set_num_threads(settings.threads)
    random.seed(settings.seed)
    np.random.seed(settings.seed)
    torch.manual_seed(settings.seed)

    sentences = read_tagged(settings.train_file)
    train_part, held_part = split_holdout(sentences, settings.holdout_fraction, settings.seed)
    tokenizer = AutoTokenizer.from_pretrained(str(settings.base_dir))
    model = build_model(settings.base_dir, settings.freeze_word_embeddings)
    model.to(device).train()
    label2id = {tag: i for i, tag in enumerate(ANERCORP_TAGS)}
    train_seqs = encode_tagged(tokenizer, train_part, label2id, settings.max_length)
    held_words = [words for words, _ in held_part]
    held_gold = [tags for _, tags in held_part]

    steps_per_epoch = math.ceil(len(train_seqs) / settings.batch_size)
    total_steps = steps_per_epoch * settings.epochs
    if settings.max_steps is not None:
        total_steps = min(total_steps, settings.max_steps)
    eval_every = max(1, steps_per_epoch // max(1, settings.evals_per_epoch))
    optimizer = _optimizer(model, settings)
    schedule = _linear_schedule(optimizer, int(total_steps * settings.warmup_fraction), total_steps)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    log(
        f"train: {len(train_part)} sentences -> {len(train_seqs)} sequences; held out: {len(held_part)} sentences; "
        f"{steps_per_epoch} steps/epoch x {settings.epochs} epochs = {total_steps} steps; "
        f"trainable parameters {trainable:,}; device {device}; threads {settings.threads}"
    )

    budget_s = settings.max_minutes * 60
    rng = random.Random(settings.seed)
    history: list[dict] = []
    losses: list[float] = []
    best = {"f1": -1.0, "step": 0}
    step, loss_sum, loss_n, train_seconds = 0, 0.0, 0, 0.0
    stopped_by_budget = False

    def evaluate_and_keep(epoch_float: float) -> None:
        pred = predict_words(model, tokenizer, held_words, max_length=512)
        scores = seqeval_scores(held_gold, pred)
        entry = {
            "step": step,
            "epoch": round(epoch_float, 2),
            "train_loss": round(loss_sum / max(1, loss_n), 4),
            "held_out": {m: {k: scores[m][k] for k in ("precision", "recall", "f1")} for m in scores},
            "elapsed_s": round(time.monotonic() - started, 1),
        }
        history.append(entry)
        improved = scores["default"]["f1"] > best["f1"]
        log(
            f"step {step} (epoch {epoch_float:.2f}): train loss {entry['train_loss']}, held-out F1 "
            f"default {scores['default']['f1']:.4f} strict {scores['strict']['f1']:.4f}"
            + ("  [best, saved]" if improved else "")
        )
        if improved:
            best.update(f1=scores["default"]["f1"], step=step, scores=scores)
            save_model(model, tokenizer, settings.out_dir, _info(settings, best, history, step, train_seconds))

    bar = tqdm(
        total=total_steps,
        desc="fine-tuning",
        disable=not settings.progress,
        file=sys.stderr,
        mininterval=1.0 if sys.stderr.isatty() else 30.0,
        dynamic_ncols=True,
    )
    for epoch in range(settings.epochs):
        for batch in length_batches(train_seqs, settings.batch_size, rng):
            if step >= total_steps:
                break
            if time.monotonic() - started > budget_s:
                stopped_by_budget = True
                break
            t0 = time.monotonic()
            loss = model(**collate(batch, tokenizer.pad_token_id, device)).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_((p for p in model.parameters() if p.requires_grad), 1.0)
            optimizer.step()
            schedule.step()
            optimizer.zero_grad(set_to_none=True)
            train_seconds += time.monotonic() - t0
            step += 1
            loss_sum += loss.item()
            loss_n += 1
            losses.append(round(loss.item(), 4))
            bar.update(1)
            bar.set_postfix(loss=f"{loss_sum / loss_n:.3f}", refresh=False)
            if step % eval_every == 0 or step == total_steps:
                evaluate_and_keep(step / steps_per_epoch)
                loss_sum, loss_n = 0.0, 0
        if stopped_by_budget or step >= total_steps:
            break
    bar.close()
    if loss_n or best["f1"] < 0:  # the last steps were never evaluated
        evaluate_and_keep(step / steps_per_epoch)
    seconds = time.monotonic() - started
    result = TrainResult(
        settings.out_dir,
        best["f1"],
        best["step"],
        step,
        round(seconds, 1),
        round(train_seconds / max(1, step), 3),
        stopped_by_budget,
        history,
        losses,
    )
    # record the whole run (final history and timings) beside the best weights
    write_json(
        settings.out_dir / "training.json",
        _info(settings, best, history, step, train_seconds, seconds, stopped_by_budget),
    )
    log(
        f"done: {step} steps in {seconds / 60:.1f} min ({result.seconds_per_step} s/step); best held-out "
        f"F1 (default) {best['f1']:.4f} at step {best['step']}; saved {settings.out_dir}"
    )
    return result


def _info(
    settings: TrainSettings,
    best: dict,
    history: list,
    step: int,
    train_seconds: float,
    seconds: float | None = None,
    stopped_by_budget: bool | None = None,
) -> dict:
    import torch
    import transformers

    config = {k: (str(v) if isinstance(v, Path) else v) for k, v in asdict(settings).items()}
    return {
        "recipe": "benchmark.e5.train (bench train e5-small-anercorp)",
        "settings": config,
        "best_step": best["step"],
        "best_held_out": best.get("scores"),
        "steps_done": step,
        "seconds_per_step": round(train_seconds / max(1, step), 3),
        "total_seconds": round(seconds, 1) if seconds is not None else None,
        "stopped_by_budget": stopped_by_budget,
        "history": history,
        "versions": {"torch": torch.__version__, "transformers": transformers.__version__},
        "labels": list(ANERCORP_TAGS),
    }
