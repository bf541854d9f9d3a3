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

from .data import (
    ANERCORP_TAGS,
    TrainingError,
    collate,
    encode_tagged,
    length_batches,
    predict_words,
    read_tagged,
    seqeval_scores,
    split_holdout,
)
from .paths import new_folder, write_json


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


@dataclass
class _Best:
    """The best held-out evaluation so far (none yet: f1 -1)."""

    f1: float = -1.0
    step: int = 0
    scores: dict | None = None  # seqeval scores per mode, as in the history


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
    best = _Best()
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
        improved = scores["default"]["f1"] > best.f1
        log(
            f"step {step} (epoch {epoch_float:.2f}): train loss {entry['train_loss']}, held-out F1 "
            f"default {scores['default']['f1']:.4f} strict {scores['strict']['f1']:.4f}"
            + ("  [best, saved]" if improved else "")
        )
        if improved:
            best.f1, best.step, best.scores = scores["default"]["f1"], step, scores
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
    if loss_n or best.f1 < 0:  # the last steps were never evaluated
        evaluate_and_keep(step / steps_per_epoch)
    seconds = time.monotonic() - started
    result = TrainResult(
        settings.out_dir,
        best.f1,
        best.step,
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
        f"F1 (default) {best.f1:.4f} at step {best.step}; saved {settings.out_dir}"
    )
    return result


def _info(
    settings: TrainSettings,
    best: _Best,
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
        "best_step": best.step,
        "best_held_out": best.scores,
        "steps_done": step,
        "seconds_per_step": round(train_seconds / max(1, step), 3),
        "total_seconds": round(seconds, 1) if seconds is not None else None,
        "stopped_by_budget": stopped_by_budget,
        "history": history,
        "versions": {"torch": torch.__version__, "transformers": transformers.__version__},
        "labels": list(ANERCORP_TAGS),
    }
