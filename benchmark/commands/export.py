"""`bench export --format hf|conll|jsonl OUT`."""
from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option("--format", "fmt", type=click.Choice(["hf", "conll", "jsonl"]), required=True,
              help="hf: datasets.DatasetDict saved with save_to_disk; conll: `token TAG` lines; jsonl: spans.")
@click.argument("out", type=click.Path(path_type=Path))
def export(fmt: str, out: Path) -> None:
    """Export the gold (seed, and the news splits when $BENCH_NEWS_DIR is set) to OUT."""
    from ..export import export as do_export

    click.echo(do_export(fmt, out))
