"""`bench export --format hf|conll|jsonl OUT`."""

from __future__ import annotations

from pathlib import Path

import click

from ._options import news_dir_option


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["hf", "conll", "jsonl"]),
    required=True,
    help="hf: datasets.DatasetDict saved with save_to_disk; conll: `token TAG` lines; jsonl: spans.",
)
@click.argument("out", type=click.Path(path_type=Path))
@click.option(
    "--force",
    is_flag=True,
    help="Replace OUT even when it is a non-empty directory or a file this command did not write.",
)
@news_dir_option
def export(fmt: str, out: Path, force: bool) -> None:
    """Export the gold (seed, and the news splits when --corpus-dir or $BENCH_NEWS_DIR is set) to OUT.

    OUT is never replaced when it is a non-empty directory or a file that is
    not an earlier export of the same format, unless --force is given."""
    from ...corpora.export import export as do_export

    click.echo(do_export(fmt, out, force=force))
