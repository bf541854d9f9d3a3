"""`bench corpus fetch DIR` / `bench corpus verify DIR`: the news texts."""

from __future__ import annotations

from pathlib import Path

import click


@click.group()
def corpus() -> None:
    """The extended news corpus: its texts live outside the repository."""


@corpus.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Replace files in DIRECTORY that differ from the manifest.")
def fetch(directory: Path, force: bool) -> None:
    """Download the news texts into DIRECTORY from their public repositories at
    the pinned commits, verifying each sha256 (needs internet). A file that is
    there but differs from the manifest is reported, not replaced (unless --force)."""
    from ...corpora.news import fetch_corpus

    written, problems = fetch_corpus(
        directory, progress=lambda name: click.echo(f"fetching {name}", err=True), force=force
    )
    for line in problems:
        click.echo(line, err=True)
    click.echo(f"{directory}: {written} text(s) written, {len(problems)} problem(s)")
    if problems:
        raise SystemExit(1)


@corpus.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), envvar="BENCH_NEWS_DIR")
def verify(directory: Path) -> None:
    """Check that DIRECTORY holds every news text, unchanged."""
    from ...corpora.news import verify_dir

    problems = verify_dir(directory)
    for line in problems:
        click.echo(line)
    if problems:
        raise SystemExit(1)
    click.echo(f"{directory}: all news texts present and unchanged")
