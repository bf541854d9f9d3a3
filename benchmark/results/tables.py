"""The score table of one run, for the terminal (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..formatting import fmt_score
from ..types import LABELS


def metrics_table(record: dict) -> Table:
    metrics = record["metrics"]
    strict, default = metrics["seqeval_strict"], metrics["seqeval_default"]
    model, corpus = record["model"], record["corpus"]
    table = Table(
        title=escape(
            f"{model['name']} on {corpus['name']} ({corpus['documents']} documents, {corpus['spans']} gold spans)"
        ),
        caption=_caption(record),
    )
    table.add_column("type")
    for column in ("P", "R", "F1", "support", "F1 default", "F1 lenient", "F1 partial"):
        table.add_column(column, justify="right")

    def row(name: str, key: str | None) -> None:
        def pick(block: dict) -> dict:
            return block["overall"] if key is None else block["per_type"][key]

        s = pick(strict)
        table.add_row(
            name,
            fmt_score(s["precision"]),
            fmt_score(s["recall"]),
            fmt_score(s["f1"]),
            str(s["support"]),
            fmt_score(pick(default)["f1"]),
            fmt_score(pick(metrics["span_lenient"])["f1"]),
            fmt_score(pick(metrics["span_partial"])["f1"]),
        )

    for label in LABELS:
        row(label, label)
    table.add_section()
    row("micro", None)
    table.add_row(
        "macro",
        "",
        "",
        fmt_score(strict["macro_f1"]),
        "",
        fmt_score(default["macro_f1"]),
        fmt_score(metrics["span_lenient"]["macro_f1"]),
        fmt_score(metrics["span_partial"]["macro_f1"]),
    )
    return table


def _caption(record: dict) -> str:
    strict = record["metrics"]["seqeval_strict"]
    ci = strict.get("ci95") or {}
    money = record["metrics"].get("money_values") or {}
    parts = ["P/R/F1: seqeval strict IOB2"]
    if ci:
        parts.append(
            f"micro F1 95% CI [{fmt_score(ci['low'])}, {fmt_score(ci['high'])}] "
            f"({ci['n_resamples']} bootstrap resamples of {ci['unit']}s)"
        )
    if money.get("matched"):
        parts.append(f"money values right: {money['correct']}/{money['matched']}")
    timing = record.get("timing", {})
    if timing.get("words_per_s"):
        parts.append(f"{timing['words_per_s']:.0f} words/s")
    return " · ".join(parts)


def print_metrics(record: dict, console: Console | None = None) -> None:
    (console or Console()).print(metrics_table(record))
