"""`bench annotate`: mention list -> gold annotation JSON with offsets."""

from __future__ import annotations

from pathlib import Path

import click

from ...corpora.annotate import annotation_json, check_before_writing, mentions_with_lines, write_annotation
from ...corpora.documents import read_text
from ...extractors.rules.money.parser import parse_money
from ...overwrite import check_file_target, is_annotation


@click.command()
@click.argument("text_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("mentions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Annotation JSON to write (atomically).",
)
@click.option("--force", is_flag=True, help="Overwrite the output even when it is not a file this command wrote.")
def annotate(text_file: Path, mentions: Path, output: Path, force: bool) -> None:
    """Find each `LABEL<TAB>surface` line of MENTIONS in TEXT_FILE, in order,
    and write the spans with their offsets; then run `bench validate`.

    Nothing is written when a mention would give an annotation `bench
    validate` refuses, or when OUTPUT exists and is not an annotation file
    (unless --force)."""
    check_file_target(output, force=force, ours=is_annotation, what="annotation file")
    text = read_text(text_file)
    found = mentions_with_lines(text, read_text(mentions).splitlines(), str(mentions), read_money=parse_money)
    spans = [span for span, _ in found]
    data = annotation_json(text_file, spans)
    # refuse what `bench validate` would refuse, before anything is written
    check_before_writing(text, text_file, data, str(mentions), {(s.start, s.end): line for s, line in found})
    write_annotation(output, data)
    click.echo(f"{output}: {len(spans)} spans")
