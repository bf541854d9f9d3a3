"""Options and option types shared by several commands.

`--corpus-dir DIR` (or $BENCH_NEWS_DIR) is offered by every command that reads
the news corpus, so the hint "pass --corpus-dir DIR or set BENCH_NEWS_DIR" is
true wherever it is shown. `bench run` and `bench score` pass the directory
on explicitly; the commands that reach the news corpus only through records
(leaderboard, compare, check, report) or through `news_pairs` (validate,
export) use `news_dir_option`, which makes it the directory
`benchmark.corpora.news.texts_dir` falls back to for the rest of the command.

The option types make a bad value one usage line (exit 2). click.FloatRange
lets NaN through (every comparison with NaN is false), which would make
`bench check --max-drop nan` pass any candidate; `FiniteFloatRange` refuses
NaN and infinities.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Callable, TypeVar

import click

F = TypeVar("F", bound=Callable)

CORPUS_DIR_HELP = "Directory of the news texts (or $BENCH_NEWS_DIR)."

# numpy's generators take non-negative seeds only
SEED = click.IntRange(min=0)

# The bootstrap holds resamples x units counts in memory: a typo such as 10**9
# is refused rather than exhausting it.
MAX_RESAMPLES = 100_000
PAIRED_RESAMPLES = click.IntRange(min=10, max=MAX_RESAMPLES)


class FiniteFloatRange(click.FloatRange):
    name = "finite float range"

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number.", param, ctx)
        return number


def _remember(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        from ...corpora.news import use_texts_dir

        ctx.with_resource(use_texts_dir(value))  # undone when the command ends


def news_dir_option(command: F) -> F:
    """Add --corpus-dir to a command that reads the news corpus indirectly."""
    return click.option(
        "--corpus-dir",
        type=click.Path(file_okay=False, path_type=Path),
        envvar="BENCH_NEWS_DIR",
        expose_value=False,
        callback=_remember,
        help=CORPUS_DIR_HELP,
    )(command)
