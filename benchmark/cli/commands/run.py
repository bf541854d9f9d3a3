"""`bench run --model X`: run an extractor over a corpus (benchmark.api.run), score it, write a run record."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console

from ... import api
from ...api import DEFAULT_MODEL, check_split
from ...paths import project_root
from ...extractors.cards import slugify
from ...io import write_json_atomic
from ...overwrite import check_file_target, is_run_record
from ._options import MAX_RESAMPLES, SEED

MIN_MAX_LENGTH = 3  # [CLS] one sub-token [SEP]: the least a window can hold

stderr = Console(stderr=True)


def results_dir(corpus_name: str) -> Path:
    """results/ for the seed corpus, results/<corpus>/ for the others, so
    records of different corpora never overwrite each other."""
    results = project_root() / "results"
    return results if corpus_name == "seed" else results / slugify(corpus_name.replace(":", "-"))


@click.command()
@click.option(
    "--model",
    "-m",
    default=DEFAULT_MODEL,
    show_default=True,
    help="A card in models/, A+B, module:callable, a local model directory or a hub id.",
)
@click.option(
    "--corpus",
    "corpus_name",
    default="seed",
    show_default=True,
    help="seed, news, or conll:PATH ({data} in PATH: $BENCH_DATA, else {cache}/data).",
)
@click.option(
    "--corpus-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="BENCH_NEWS_DIR",
    help="Directory of the news texts (or $BENCH_NEWS_DIR).",
)
@click.option(
    "--split", type=click.Choice(["dev", "test", "all"]), default=None, help="News corpus split (default: test)."
)
@click.option("--device", default="auto", show_default=True, help="auto (cuda, mps, cpu), cpu, cuda, cuda:1, mps.")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, help="Override the card's batch size.")
@click.option(
    "--max-length",
    type=click.IntRange(min=MIN_MAX_LENGTH),
    default=None,
    help="Override the card's max length (sub-tokens; above the card's stride).",
)
@click.option("--trust-remote-code", is_flag=True, help="Allow a hub model's own code to run (off by default).")
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Run record path (default: results/<model>.json, results/<corpus>/<model>.json).",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--no-cache", is_flag=True, help="Do not reuse cached predictions.")
@click.option(
    "--resamples",
    type=click.IntRange(min=0, max=MAX_RESAMPLES),
    default=1000,
    show_default=True,
    help="Bootstrap resamples for the CI (0: no interval).",
)
@click.option("--seed", type=SEED, default=0, show_default=True, help="Bootstrap seed.")
@click.option("--force", is_flag=True, help="Overwrite the output even when it is not a file this command wrote.")
@click.option(
    "--base-url",
    default=None,
    help="LLM models: the OpenAI-compatible endpoint (default: the card's, else $OPENAI_BASE_URL).",
)
@click.option(
    "--shots",
    type=click.IntRange(min=0),
    default=None,
    help="LLM models: few-shot examples from the news dev split (default: the card's).",
)
@click.option(
    "--concurrency",
    type=click.IntRange(min=1),
    default=None,
    help="LLM models: parallel requests (default: the card's).",
)
def run(
    model,
    corpus_name,
    corpus_dir,
    split,
    device,
    batch_size,
    max_length,
    trust_remote_code,
    output,
    fmt,
    no_cache,
    resamples,
    seed,
    force,
    base_url,
    shots,
    concurrency,
) -> None:
    """Run an extractor over a corpus, score it and write its run record
    (never over a file that is not a run record, unless --force)."""
    check_split(corpus_name, split)
    if output is not None:  # before the run: refuse early, not after minutes of inference
        check_file_target(output, force=force, ours=is_run_record, what="run record")
    record = api.run(
        model,
        corpus_name,
        corpus_dir=corpus_dir,
        split=split,
        device=device,
        batch_size=batch_size,
        max_length=max_length,
        trust_remote_code=trust_remote_code,
        use_cache=not no_cache,
        n_resamples=resamples,
        seed=seed,
        progress=sys.stderr.isatty() or fmt == "table",
        base_url=base_url,
        shots=shots,
        concurrency=concurrency,
    )
    if record["model"].get("label_map_used") is not None:
        used = ", ".join(f"{k}→{v or 'ignored'}" for k, v in sorted(record["model"]["label_map_used"].items()))
        stderr.print(f"labels scored: {used}", highlight=False)
    path = output or results_dir(record["corpus"]["name"]) / f"{record['model']['slug']}.json"
    check_file_target(path, force=force, ours=is_run_record, what="run record")
    write_json_atomic(path, record)
    if fmt == "json":
        click.echo(
            json.dumps({k: record[k] for k in ("model", "corpus", "timing", "metrics")}, ensure_ascii=False, indent=1)
        )
    else:
        from ...results.tables import print_metrics

        print_metrics(record)
    stderr.print(f"run record: {path}", highlight=False)
