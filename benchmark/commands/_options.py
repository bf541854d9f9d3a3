"""Options shared by several commands.

`--corpus-dir DIR` (or $BENCH_NEWS_DIR) is offered by every command that reads
the news corpus, so the hint "pass --corpus-dir DIR or set BENCH_NEWS_DIR" is
true wherever it is shown. `bench run` and `bench score` pass the directory
on explicitly; the commands that reach the news corpus only through records
(leaderboard, compare, check, report) or through `news_pairs` (validate,
export) use `news_dir_option`, which makes it the directory
`benchmark.news.texts_dir` falls back to for the rest of the command.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable, TypeVar

import click

F = TypeVar("F", bound=Callable)

CORPUS_DIR_HELP = "Directory of the news texts (or $BENCH_NEWS_DIR)."


def _remember(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        from ..news import use_texts_dir

        ctx.with_resource(use_texts_dir(value))  # undone when the command ends


def news_dir_option(command: F) -> F:
    """Add --corpus-dir to a command that reads the news corpus indirectly."""
    return click.option("--corpus-dir", type=click.Path(file_okay=False, path_type=Path), envvar="BENCH_NEWS_DIR",
                        expose_value=False, callback=_remember, help=CORPUS_DIR_HELP)(command)
