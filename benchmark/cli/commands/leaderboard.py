"""`bench leaderboard`: rank the run records in results/ (see benchmark/results/leaderboard.py)."""

from __future__ import annotations

from pathlib import Path

import click

from ...paths import project_root
from ...io import write_atomic
from ...overwrite import check_file_target, starts_like
from ...results.ranking import FORMATS, METRICS, build_leaderboard
from ...results.leaderboard import RENDERERS, print_table, render_markdown, replace_readme_block
from ...results.record_read import RecordError, load_results, try_load_gold
from ._options import PAIRED_RESAMPLES, news_dir_option
from ._unusable import UnusableInput


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="table",
    show_default=True,
    help="table: the terminal view; markdown for the README; html, csv, json for other tools.",
)
@click.option(
    "--metric",
    type=click.Choice(METRICS),
    default="seqeval_strict",
    show_default=True,
    help="The F1 that ranks the models.",
)
@click.option(
    "--corpus",
    "corpus_name",
    default=None,
    metavar="NAME",
    help="Only this corpus (e.g. seed). Default: every corpus, one section each.",
)
@click.option(
    "--results",
    "results_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Directory of run records. Default: results/ of the project.",
)
@click.option(
    "--n-resamples",
    type=PAIRED_RESAMPLES,
    default=1000,
    show_default=True,
    help="Paired-bootstrap resamples of the tie test between neighbouring ranks.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (atomically) instead of stdout.",
)
@click.option(
    "--readme",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Rewrite the markdown leaderboard between the README's leaderboard markers "
    "(only when every corpus in results/ can be re-scored here).",
)
@click.option("--force", is_flag=True, help="Overwrite the output even when it is not a file this command wrote.")
@news_dir_option
def leaderboard(fmt, metric, corpus_name, results_dir, n_resamples, output, readme, force) -> None:
    """Rank the run records in results/*.json.

    Every record is re-scored from its stored predictions against the current
    gold; one whose stored metrics differ is refused (exit 2). Records of
    another gold version, or of a corpus this checkout cannot load, are shown
    in their own unranked sections, marked "not re-scored". Neighbours the
    paired bootstrap cannot tell apart (p >= 0.05) share a rank ("=2").
    """
    if readme is not None and corpus_name is not None:
        raise UnusableInput("--readme writes the whole leaderboard block: drop --corpus")
    results_dir = results_dir or project_root() / "results"
    try:
        records, skipped = load_results(results_dir)
        board = build_leaderboard(
            records,
            metric=metric,
            corpus=corpus_name,
            n_resamples=n_resamples,
            skipped=skipped,
            gold_loader=try_load_gold,
        )
    except RecordError as err:
        raise UnusableInput(str(err))
    if readme is not None:
        _write_readme(readme, board)
        return
    if fmt == "table" and output is None:
        print_table(board)
        return
    if fmt == "table":  # a file wants plain text: render the rich table without colours
        import io

        from rich.console import Console

        buffer = io.StringIO()
        print_table(board, Console(file=buffer, width=220, no_color=True, force_terminal=False))
        text = buffer.getvalue()
    else:
        text = RENDERERS[fmt](board)
    if output is not None:
        check_file_target(output, force=force, ours=starts_like(text), what=f"{fmt} leaderboard")
        write_atomic(output, text)
        click.echo(f"{output}: written")
    else:
        click.echo(text, nl=False)


def _write_readme(readme: Path, board) -> None:
    """Rewrite the README block only from a board whose every corpus was
    re-scored here; leave the file untouched (byte for byte) when nothing changed."""
    if board.missing:
        raise UnusableInput(
            f"{readme}: not rewritten: the leaderboard block must be re-scored on every corpus, "
            f"and here {'; '.join(board.missing)}"
        )
    with open(readme, encoding="utf-8", newline="") as handle:  # byte for byte: no newline translation
        before = handle.read()
    try:
        after = replace_readme_block(before, render_markdown(board))
    except ValueError as err:
        raise UnusableInput(f"{readme}: {err}")
    rows = sum(len(s.rows) for s in board.sections)
    if after == before:
        click.echo(f"{readme}: leaderboard unchanged ({rows} rows)")
        return
    write_atomic(readme, after)
    click.echo(f"{readme}: leaderboard updated ({rows} rows)")
