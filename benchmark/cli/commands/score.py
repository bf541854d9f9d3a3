"""`bench score RUN.json`: re-score a record's stored predictions against the current gold."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

from ... import api
from ...io import write_json_atomic
from ...overwrite import check_file_target, is_run_record
from ...results.record_read import load_record

stderr = Console(stderr=True)


@click.command()
@click.argument("record_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--corpus-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="BENCH_NEWS_DIR",
    help="Directory of the news texts (or $BENCH_NEWS_DIR).",
)
@click.option("--update", is_flag=True, help="Rewrite RECORD_PATH with the new scores.")
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write the re-scored record here."
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--force", is_flag=True, help="Overwrite the output even when it is not a file this command wrote.")
def score(record_path: Path, corpus_dir, update: bool, output, fmt: str, force: bool) -> None:
    """Re-score RECORD_PATH's stored predictions against the current gold,
    without running the model. Exit 2 when the record is unusable or its
    predictions were made on other texts than the current corpus has."""
    if output is not None:
        check_file_target(output, force=force, ours=is_run_record, what="run record")
    data = api.score(load_record(record_path), corpus_dir)
    target = output or (record_path if update else None)
    if target:
        write_json_atomic(target, data)
        stderr.print(f"run record: {target}", highlight=False)
    if fmt == "json":
        click.echo(json.dumps(data["metrics"], ensure_ascii=False, indent=1))
    else:
        from ...results.tables import print_metrics

        print_metrics(data)
