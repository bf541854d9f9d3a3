"""`bench conlleval`: seqeval scores of a CoNLL file of `token gold pred` lines."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ...corpora.conll import ConllError, read_conll_scored
from ...scoring import MODES, score_sequences
from ...tagging import repair


def conlleval_scores(path: Path, mode: str) -> dict:
    """The JSON object `bench conlleval --format json` prints.

    Raises ConllError (one `file:line: ...` line per problem) for bad data."""
    sentences = read_conll_scored(path)
    if not sentences:
        raise ConllError([f"{path}: no token lines (expected `token gold pred` per line)"])
    gold = [[row[1] for row in sentence] for sentence in sentences]
    pred = [[row[2] for row in sentence] for sentence in sentences]
    # seqeval applies the mode's rule to invalid IOB2 itself; tagging.repair
    # applies the same rule, so its change count is the number of tags the
    # mode had to reinterpret.
    repaired = {
        column: sum(repair(tags, mode)[1] for tags in seqs) for column, seqs in (("gold", gold), ("pred", pred))
    }
    scores = score_sequences(gold, pred, mode)
    return {
        "overall": scores["overall"],
        "per_type": scores["per_type"],
        "macro_f1": scores["macro_f1"],
        "repairs": repaired["gold"] + repaired["pred"],
        "repairs_by_column": repaired,
        "mode": mode,
        "sentences": len(sentences),
        "tokens": sum(len(s) for s in sentences),
    }


def _print_table(path: Path, result: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    def pct(x: float) -> str:
        return f"{100 * x:.2f}"

    rule = "strict IOB2" if result["mode"] == "strict" else "default (conlleval)"
    table = Table(title=f"{path.name}: seqeval {rule}")
    table.add_column("type")
    for name in ("precision", "recall", "F1", "support"):
        table.add_column(name, justify="right")
    for label, s in result["per_type"].items():
        table.add_row(label, pct(s["precision"]), pct(s["recall"]), pct(s["f1"]), str(s["support"]))
    table.add_section()
    o = result["overall"]
    table.add_row("micro", pct(o["precision"]), pct(o["recall"]), pct(o["f1"]), str(o["support"]))
    table.add_row("macro", "", "", pct(result["macro_f1"]), "")
    r = result["repairs_by_column"]
    what = (
        "I- tags that start an entity read as B-"
        if result["mode"] == "default"
        else "tags of entities that start with I- ignored"
    )
    table.caption = (
        f"{result['sentences']} sentences, {result['tokens']} tokens; scores in %; "
        f"{result['repairs']} invalid IOB2 tag(s) repaired (gold {r['gold']}, pred {r['pred']}): {what}"
    )
    Console().print(table)


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--mode",
    type=click.Choice(MODES),
    default="strict",
    show_default=True,
    help="strict: seqeval mode='strict', scheme=IOB2 (the benchmark's headline). "
    "default: seqeval's default, conlleval-compatible mode.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a table; json: {overall, per_type, macro_f1, repairs, mode, ...}.",
)
def conlleval(file: Path, mode: str, fmt: str) -> None:
    """Score FILE, a CoNLL file of `token gold pred` lines, with seqeval.

    Fields are whitespace-separated, a blank line ends a sentence and
    -DOCSTART- lines are skipped. Tags are O, B-TYPE or I-TYPE for any TYPE;
    every type found is scored. An I- tag that starts an entity follows the
    mode's rule (strict: ignored; default: read as B-) and is counted under
    "repairs".

    Exit status: 0 scored; 1 the file's content is malformed (each problem
    printed as `file:line: what is wrong` on stderr); 2 usage error
    (missing file, unknown option).
    """
    result = conlleval_scores(file, mode)  # ConllError (exit 1): one `file:line: ...` line per problem
    if fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        _print_table(file, result)
