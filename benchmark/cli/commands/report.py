"""`bench report RUN.json [-o report.html]`: the HTML error report."""

from __future__ import annotations

from pathlib import Path

import click

from ...io import write_atomic
from ...overwrite import check_file_target, starts_like
from ...results.record_read import RecordError, load_record, try_load_gold
from ...results.report import render_report
from ...results.rescore import verified
from ._options import news_dir_option
from ._unusable import UnusableInput


@click.command()
@click.argument("run", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="HTML file to write. Default: RUN with the suffix .html.",
)
@click.option("--force", is_flag=True, help="Overwrite the output even when it is not a file this command wrote.")
@news_dir_option
def report(run: Path, output: Path | None, force: bool) -> None:
    """Write one self-contained HTML page (right-to-left, no network) showing
    every gold and predicted mention of RUN in the article text, coloured by
    type and outcome, with a legend and the per-type scores."""
    try:
        record = load_record(run)
        gold, why = try_load_gold(record)
        if gold is None:
            raise RecordError(f"{run}: the report needs the texts of corpus {record.corpus_name!r}: {why}")
        page = render_report(verified(record, gold), gold)  # re-scored: the page shows no stored number
    except RecordError as err:
        raise UnusableInput(str(err))
    except ValueError as err:  # the scorer rejects a stored prediction
        raise UnusableInput(f"{run}: {err}")
    output = output or run.with_suffix(".html")
    check_file_target(output, force=force, ours=starts_like(page), what="report")
    write_atomic(output, page)
    click.echo(f"{output}: {len(gold.documents)} document(s); open it in a browser")
