"""`bench score RUN.json`: re-score a record's stored predictions against the current gold."""
from __future__ import annotations

import json
import time
from pathlib import Path

import click
from rich.console import Console

from ...errors import InputError
from ...io import write_json_atomic
from ...overwrite import check_file_target, is_run_record
from ...results.record_read import load_gold, load_record
from ...results.record_write import corpus_info

stderr = Console(stderr=True)


@click.command()
@click.argument("record_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--corpus-dir", type=click.Path(file_okay=False, path_type=Path), envvar="BENCH_NEWS_DIR",
              help="Directory of the news texts (or $BENCH_NEWS_DIR).")
@click.option("--update", is_flag=True, help="Rewrite RECORD_PATH with the new scores.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write the re-scored record here.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--force", is_flag=True, help="Overwrite the output even when it is not a file this command wrote.")
def score(record_path: Path, corpus_dir, update: bool, output, fmt: str, force: bool) -> None:
    """Re-score RECORD_PATH's stored predictions against the current gold,
    without running the model. Exit 2 when the record is unusable or its
    predictions were made on other texts than the current corpus has."""
    from ...scoring import evaluate

    if output is not None:
        check_file_target(output, force=force, ours=is_run_record, what="run record")
    record = load_record(record_path)
    corpus = load_gold(record, corpus_dir)
    data = record.data
    current = corpus_info(corpus)
    if data["corpus"].get("texts_sha256") not in (None, current["texts_sha256"]):
        raise InputError(f"{record_path}: the texts of corpus {corpus.name!r} differ from those the "
                         "predictions were made on; re-run the model with `bench run`")
    ci = data["metrics"]["seqeval_strict"].get("ci95") or {}
    t0 = time.perf_counter()
    data["metrics"] = evaluate(list(corpus.documents), record.predictions(),
                               n_resamples=ci.get("n_resamples", 1000), seed=ci.get("seed", 0))
    data["timing"]["score_s"] = round(time.perf_counter() - t0, 4)
    data["corpus"].update(current)
    target = output or (record_path if update else None)
    if target:
        write_json_atomic(target, data)
        stderr.print(f"run record: {target}", highlight=False)
    if fmt == "json":
        click.echo(json.dumps(data["metrics"], ensure_ascii=False, indent=1))
    else:
        from ...results.tables import print_metrics

        print_metrics(data)
