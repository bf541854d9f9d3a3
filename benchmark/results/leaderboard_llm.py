"""The leaderboard's LLM columns: unaligned rate, tokens and cost of LLM runs.

A record is an LLM run when it has an `llm` object (docs/run-record.md, "LLM
runs"). Its rows stay in the ranked sections like any other model; this
module adds one small table under them with what only LLM runs have: the
share of returned surfaces that could not be placed in the text (unaligned),
the answers that could not be read (parse failures), the chunks that got no
answer, the tokens and the cost (when the card had prices). Kept apart from
leaderboard.py so that the ranking code does not need to know about LLMs.
"""

from __future__ import annotations

from typing import Any

COLUMNS: tuple[tuple[str, str], ...] = (
    ("corpus", "Corpus"),
    ("model", "Model"),
    ("f1", "F1"),
    ("unaligned", "Unaligned"),
    ("parse_failures", "Parse failures"),
    ("failures", "Failed chunks"),
    ("tokens", "Tokens (prompt + completion)"),
    ("cost", "Cost"),
)
TITLE = "LLM runs: surfaces placed in the text, answers read, tokens and cost"


def llm_rows(board: Any) -> list[dict]:
    """One raw row per LLM run of the leaderboard, in the leaderboard's order."""
    rows = []
    for section in board.sections:
        for row in section.rows:
            llm = row.record.data.get("llm")
            if not isinstance(llm, dict):
                continue
            rows.append(
                {
                    "corpus": section.corpus,
                    "model": row.record.model_name,
                    "f1": row.record.f1(board.metric),
                    "unaligned_rate": llm.get("unaligned_rate"),
                    "unaligned": llm.get("unaligned"),
                    "surfaces": llm.get("surfaces"),
                    "parse_failures": len(llm.get("parse_failures") or []),
                    "failures": llm.get("failures"),
                    "chunks": llm.get("chunks"),
                    "prompt_tokens": llm.get("prompt_tokens"),
                    "completion_tokens": llm.get("completion_tokens"),
                    "cost": llm.get("cost"),
                }
            )
    return rows


def display(row: dict) -> dict[str, str]:
    rate = row["unaligned_rate"]
    cost = row["cost"]
    return {
        "corpus": row["corpus"],
        "model": row["model"],
        "f1": "–" if row["f1"] is None else f"{row['f1']:.3f}",
        "unaligned": "–" if rate is None else f"{rate:.1%} ({row['unaligned']}/{row['surfaces']})",
        "parse_failures": f"{row['parse_failures']}/{row['chunks']}",
        "failures": f"{row['failures']}/{row['chunks']}",
        "tokens": f"{row['prompt_tokens'] or 0:,} + {row['completion_tokens'] or 0:,}",
        "cost": "–" if not cost else f"{cost['total']:.4f} {cost.get('currency', 'USD')}",
    }


def llm_markdown(board: Any) -> list[str]:
    rows = llm_rows(board)
    if not rows:
        return []
    out = [
        f"**{TITLE}**",
        "",
        "| " + " | ".join(title for _, title in COLUMNS) + " |",
        "|" + "|".join("---" if key in ("corpus", "model") else "---:" for key, _ in COLUMNS) + "|",
    ]
    for row in rows:
        cells = display(row)
        out.append("| " + " | ".join(cells[key].replace("|", "\\|") for key, _ in COLUMNS) + " |")
    return [*out, ""]


def print_llm_table(board: Any, console: Any) -> None:
    rows = llm_rows(board)
    if not rows:
        return
    from rich.table import Table

    table = Table(title=TITLE, title_justify="left", header_style="bold")
    for key, title in COLUMNS:
        table.add_column(title, justify="left" if key in ("corpus", "model") else "right", no_wrap=True)
    for row in rows:
        cells = display(row)
        table.add_row(*(cells[key] for key, _ in COLUMNS))
    console.print(table)
