"""`bench leaderboard`: rank the run records in results/ (see benchmark/leaderboard.py)."""
from __future__ import annotations

from pathlib import Path

import click

from ..corpus import project_root
from ..io import write_atomic
from ..overwrite import check_file_target, starts_like
from ..leaderboard import FORMATS, METRICS, RENDERERS, build_leaderboard, print_table, render_markdown, replace_readme_block
from ..records import RecordError, load_results
from ._options import PAIRED_RESAMPLES
from ._unusable import UnusableInput


@click.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table: the terminal view; markdown for the README; html, csv, json for other tools.")
@click.option("--metric", type=click.Choice(METRICS), default="seqeval_strict", show_default=True,
              help="The F1 that ranks the models.")
@click.option("--corpus", "corpus_name", default=None, metavar="NAME",
              help="Only this corpus (e.g. seed). Default: every corpus, one section each.")
@click.option("--results", "results_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Directory of run records. Default: results/ of the project.")
@click.option("--n-resamples", type=PAIRED_RESAMPLES, default=1000, show_default=True,
              help="Paired-bootstrap resamples of the tie test between neighbouring ranks.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (atomically) instead of stdout.")
@click.option("--readme", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="Rewrite the markdown leaderboard between the README's leaderboard markers.")
@click.option("--force", is_flag=True, help="Overwrite the output even when it is not a file this command wrote.")
def leaderboard(fmt, metric, corpus_name, results_dir, n_resamples, output, readme, force) -> None:
    """Rank the run records in results/*.json.

    Only records scored on the current gold are ranked together; records of
    another gold version are shown in their own, unranked section. Neighbours
    the paired bootstrap cannot tell apart (p >= 0.05) share a rank ("=2").
    """
    results_dir = results_dir or project_root() / "results"
    try:
        records, skipped = load_results(results_dir)
    except RecordError as err:
        raise UnusableInput(str(err))
    board = build_leaderboard(records, metric=metric, corpus=corpus_name, n_resamples=n_resamples, skipped=skipped)
    if readme is not None:
        try:
            updated = replace_readme_block(readme.read_text(encoding="utf-8"), render_markdown(board))
        except ValueError as err:
            raise UnusableInput(f"{readme}: {err}")
        write_atomic(readme, updated)
        click.echo(f"{readme}: leaderboard updated ({sum(len(s.rows) for s in board.sections)} rows)")
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
