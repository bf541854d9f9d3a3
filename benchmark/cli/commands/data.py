"""`bench data fetch anercorp [DIR]` / `bench data verify [DIR]`: third-party
training and evaluation data rebuilt from public sources (benchmark/corpora/anercorp.py).

DIR defaults to $BENCH_DATA/anercorp, else {cache}/data/anercorp, which is
where `bench train`, `bench score` and the e5 evaluation look.
"""

from __future__ import annotations

from pathlib import Path

import click

DATASETS = ("anercorp",)


@click.group()
def data() -> None:
    """Training and evaluation data rebuilt from public sources (ANERcorp, CAMeL split)."""


@data.command()
@click.argument("dataset", type=click.Choice(DATASETS))
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), required=False)
def fetch(dataset: str, directory: Path | None) -> None:
    """Download DATASET's sources at pinned commits (needs internet), check
    their sha256 and rebuild the split files into DIRECTORY
    [default: $BENCH_DATA/anercorp, else {cache}/data/anercorp]."""
    from ...corpora.anercorp import default_dir, fetch_anercorp

    directory = directory or default_dir()
    written = fetch_anercorp(directory, progress=lambda url: click.echo(f"fetching {url}", err=True))
    for path in written:
        click.echo(f"wrote {path}", err=True)
    click.echo(
        f"{directory}: ANERcorp (CAMeL split) train and test present, sha256 checked ({len(written)} file(s) written)"
    )


@data.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), required=False)
def verify(directory: Path | None) -> None:
    """Check that DIRECTORY [default: $BENCH_DATA/anercorp, else {cache}/data/anercorp]
    holds the ANERcorp split files, unchanged. Exit 1 naming each missing or changed file."""
    from ...corpora.anercorp import default_dir, verify_dir
    from ...errors import DataError

    directory = directory or default_dir()
    problems = verify_dir(directory)
    for line in problems[:-1]:
        click.echo(line, err=True)
    if problems:
        raise DataError(problems[-1] + "; `bench data fetch anercorp DIR` rebuilds them")
    click.echo(f"{directory}: ANERcorp (CAMeL split) train and test present and unchanged")
