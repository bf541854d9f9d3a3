"""The leaderboard's LLM table (benchmark/results/leaderboard_llm.py): unaligned rate, tokens, cost."""

from __future__ import annotations

import io

from rich.console import Console

from benchmark.results.leaderboard import print_table, render_markdown
from benchmark.results.ranking import build_leaderboard
from benchmark.results.record_read import record_from_dict

from .records_fixtures import (
    N_RESAMPLES,
    gold_predictions,
    make_record,
    synthetic_corpus,
    without,
)

CORPUS = synthetic_corpus()


def board():
    llm_record = make_record(CORPUS, without(gold_predictions(CORPUS), "synth-1", "بنك الخليج"), "openai:gpt-test")
    llm_record["llm"] = {
        "surfaces": 16,
        "unaligned": 2,
        "unaligned_rate": 0.125,
        "chunks": 3,
        "failures": 0,
        "parse_failures": [{"document": "synth-3", "chunk": 0, "raw": "oops"}],
        "prompt_tokens": 12345,
        "completion_tokens": 678,
        "cost": {"total": 0.0376, "currency": "USD", "input_per_mtok": 2.5, "output_per_mtok": 10.0},
    }
    records = [
        record_from_dict(make_record(CORPUS, gold_predictions(CORPUS), "rules"), "rules.json"),
        record_from_dict(llm_record, "llm.json"),
    ]
    return build_leaderboard(records, gold_loader=lambda record: (CORPUS, None), n_resamples=N_RESAMPLES)


def test_markdown_has_an_llm_table_with_unaligned_rate_tokens_and_cost():
    text = render_markdown(board())
    lines = text.splitlines()
    start = lines.index("**LLM runs: surfaces placed in the text, answers read, tokens and cost**")
    header, _, row = lines[start + 2 : start + 5]
    assert header.startswith("| Corpus | Model | F1 | Unaligned |")
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[:2] == ["seed", "openai:gpt-test"]
    assert cells[3:] == ["12.5% (2/16)", "1/3", "0/3", "12,345 + 678", "0.0376 USD"]
    assert "| rules |" not in "\n".join(lines[start : start + 6])  # only LLM runs


def test_terminal_table_shows_the_llm_columns():
    buffer = io.StringIO()
    print_table(board(), Console(file=buffer, width=220, no_color=True))
    assert "LLM runs" in buffer.getvalue() and "12.5% (2/16)" in buffer.getvalue()


def test_no_llm_run_no_llm_table():
    records = [record_from_dict(make_record(CORPUS, gold_predictions(CORPUS), "rules"), "rules.json")]
    board_ = build_leaderboard(records, gold_loader=lambda record: (CORPUS, None), n_resamples=N_RESAMPLES)
    assert "LLM runs" not in render_markdown(board_)


def test_an_llm_revision_is_shown_as_its_model_id_and_prompt_version():
    from benchmark.formatting import short_revision

    revision = "gemma-3-270m-q4_k_m.gguf | prompt ner-v1 sha256:11f63cd652796a2d | settings sha256:60825a5bd8e7b533"
    assert short_revision(revision) == "gemma-3-270m-q4_k_m.gguf, ner-v1"
    assert short_revision(f"{revision}+sha256:504949aed4e3f9d7") == "gemma-3-270m-q4_k_m.gguf, ner-v1+504949aed4"
