"""`bench compare A.json B.json` and `bench check` (the regression gate).

Exit codes of `bench check`: 0 no compared F1 dropped by more than the
tolerance, 1 a regression (one-line verdict on stdout), 2 unusable input
(one line on stderr): a missing or malformed file, another schema version,
records of different gold versions.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from ... import api
from ...results.compare import CHANGES, describe_change
from ...formatting import fmt_delta, fmt_score
from ...results.record_read import F1_METRICS, RecordError
from ._options import PAIRED_RESAMPLES, SEED, FiniteFloatRange, news_dir_option
from ._unusable import UnusableInput

_RECORD = click.Path(dir_okay=False, path_type=Path)


@click.command()
@click.argument("run_a", type=_RECORD)
@click.argument("run_b", type=_RECORD)
@click.option(
    "--metric",
    type=click.Choice(F1_METRICS),
    default="seqeval_strict",
    show_default=True,
    help="Metric of the paired bootstrap.",
)
@click.option("--n-resamples", type=PAIRED_RESAMPLES, default=1000, show_default=True)
@click.option("--seed", type=SEED, default=0, show_default=True, help="Seed of the paired bootstrap.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@news_dir_option
def compare(run_a, run_b, metric, n_resamples, seed, fmt) -> None:
    """What changed from run A to run B: F1 deltas per type and overall for
    every metric, the paired-bootstrap p-value, and every mention fixed,
    broken, or with a changed boundary or type (Arabic text and document)."""
    try:
        result = api.compare(run_a, run_b, metric=metric, n_resamples=n_resamples, seed=seed)
    except RecordError as err:
        raise UnusableInput(str(err))
    a, b, deltas, test, changes, why = result.a, result.b, result.deltas, result.test, result.changes, result.note

    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "a": str(run_a),
                    "b": str(run_b),
                    "corpus": a.corpus_name,
                    "corpus_sha256": a.corpus_sha256,
                    "deltas": [
                        {"metric": d.metric, "scope": d.scope, "a": d.before, "b": d.after, "delta": d.delta}
                        for d in deltas
                    ],
                    "paired_bootstrap": dict(test, metric=metric) if test else None,
                    "entity_diff": [
                        {
                            "change": c.change,
                            "document": c.document,
                            "mention": c.mention.to_json(),
                            "a": c.before and c.before.kind,
                            "b": c.after and c.after.kind,
                            "a_pred": c.before and c.before.pred and c.before.pred.to_json(),
                            "b_pred": c.after and c.after.pred and c.after.pred.to_json(),
                        }
                        for c in changes
                    ],
                    "note": why,
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return

    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    if not console.is_terminal:  # piped or captured: keep lines whole
        console = Console(highlight=False, width=200)
    click.echo(
        f"A = {a.model_name} ({run_a})\nB = {b.model_name} ({run_b})\n"
        f"corpus {a.corpus_name}, gold sha256 {a.corpus_sha256[:12]}"
    )
    table = Table()
    for title in ("metric", "scope", "A", "B", "Δ (B − A)"):
        table.add_column(title, justify="left" if title in ("metric", "scope") else "right")
    for i, d in enumerate(deltas):
        style = None if not d.delta else ("green" if d.delta > 0 else "red")
        first = i == 0 or deltas[i - 1].metric != d.metric
        last = i + 1 == len(deltas) or deltas[i + 1].metric != d.metric
        table.add_row(
            d.metric if first else "",
            d.scope,
            fmt_score(d.before),
            fmt_score(d.after),
            "—" if d.delta is None else fmt_delta(d.delta),
            style=style,
            end_section=last,
        )
    console.print(table)
    if test is None:
        click.echo(f"No paired bootstrap or entity diff: {why}")
        return
    click.echo(
        f"Paired bootstrap, {metric} micro F1: Δ = {fmt_delta(float(test['delta']))}, "
        f"p = {float(test['p_value']):.3f} ({test['n_resamples']} resamples over {test['unit']}s, seed {seed})"
    )
    click.echo(
        "Entity diff (matched over the scoring tokens, as seqeval sees them): "
        + ", ".join(f"{sum(c.change == k for c in changes)} {k}" for k in CHANGES)
    )
    for kind in CHANGES:
        for change in (c for c in changes if c.change == kind):
            click.echo("  " + describe_change(change))


@click.command()
@click.option("--baseline", type=_RECORD, required=True, help="The run record to hold the line against.")
@click.option("--candidate", type=_RECORD, default=None, help="A run record to check.")
@click.option("--model", default=None, help="Run this model now (as `bench run` does) and check its record.")
@click.option(
    "--max-drop",
    type=FiniteFloatRange(min=0.0, max=1.0),
    default=0.0,
    show_default=True,
    help="Largest F1 drop tolerated (absolute, e.g. 0.01).",
)
@click.option("--metric", type=click.Choice(F1_METRICS), default="seqeval_strict", show_default=True)
@click.option("--per-type", is_flag=True, help="Also check the F1 of every type the gold has.")
@click.option(
    "--use-cache",
    is_flag=True,
    help="With --model: reuse cached predictions (off by default: the gate runs the code as it is now).",
)
@news_dir_option
def check(baseline, candidate, model, max_drop, metric, per_type, use_cache) -> None:
    """Regression gate: exit 0 when no compared F1 dropped by more than
    --max-drop, 1 with a one-line verdict when one did, 2 for unusable input.
    Both records are re-scored against the current gold first; a record whose
    stored metrics differ from its predictions' score is unusable input."""
    if (candidate is None) == (model is None):
        raise UnusableInput("give exactly one of --candidate RUN.json or --model NAME")
    if use_cache and model is None:
        raise UnusableInput("--use-cache only applies with --model")
    run_options = {"use_cache": use_cache} if model is not None else {}
    try:
        verdict = api.check(
            baseline, candidate, model=model, max_drop=max_drop, metric=metric, per_type=per_type, **run_options
        )
    except RecordError as err:
        raise UnusableInput(str(err))
    click.echo(verdict.line)
    if not verdict.ok:
        raise SystemExit(1)
