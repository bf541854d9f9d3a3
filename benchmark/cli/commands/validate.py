"""`bench validate`: every gold annotation file against its document."""

from __future__ import annotations

import click

from ...paths import project_root
from ...corpora.corpus import seed_pairs
from ...corpora.news import news_pairs
from ...types import LABELS
from ...corpora.validate import check_annotation, display_name
from ._options import news_dir_option


def annotation_pairs(root):
    """(text, annotation, display name) of every gold file the project holds."""
    for text_path, ann_path in seed_pairs(root):
        yield text_path, ann_path, display_name(ann_path, root)
    yield from news_pairs(root)


@click.command()
@news_dir_option
def validate() -> None:
    """Check every gold annotation file against its document.

    Exit 1 with `file: span N: what is wrong` lines when anything is wrong;
    exit 0 with a one-line summary otherwise.
    """
    root = project_root()
    problems, documents = [], 0
    totals = {label: 0 for label in LABELS}
    for text_path, ann_path, name in annotation_pairs(root):
        if not ann_path.exists():
            problems.append(f"{name}: missing (no gold for {text_path.name})")
            continue
        found, counts = check_annotation(text_path, ann_path, name)
        problems.extend(str(p) for p in found)
        documents += 1
        for label, n in counts.items():
            totals[label] += n
    for line in problems:
        click.echo(line, err=False)
    if problems:
        click.echo(f"{len(problems)} problem(s) in {documents} document(s)", err=True)
        raise SystemExit(1)
    per_type = ", ".join(f"{label} {totals[label]}" for label in LABELS)
    click.echo(f"ok: {documents} documents, {sum(totals.values())} spans ({per_type})")
