"""bench leaderboard: ranking, ties, corpus versions, formats, start-up without torch.

The synthetic corpus (records_fixtures.py) has 15 gold mentions in 3
documents. Expected numbers, by hand:
  perfect     all 15 right                        F1 1
  minus-one   misses بنك الخليج (synth-1)           F1 28/29 = 0.966
  weak        finds only the 4 MONEY mentions     F1 2*4/(4+15) = 8/19 = 0.421
Paired bootstrap over the 3 documents: minus-one differs from perfect in one
document only, so every resample without synth-1, (2/3)^3 = 30% of them,
shows no difference: p is about 0.3 and the two share rank 1. weak loses in
every document: p about 1/(1+n), rank 3.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from benchmark.cli import cli
from benchmark.results.leaderboard import README_END, README_START, render_markdown, replace_readme_block
from benchmark.results.ranking import build_leaderboard
from benchmark.results.record_read import load_results, record_from_dict

from .records_fixtures import (
    N_RESAMPLES,
    gold_predictions,
    install_as_seed,
    make_record,
    synthetic_corpus,
    without,
    write_record,
)

CORPUS = synthetic_corpus()
PERFECT = gold_predictions(CORPUS)
MINUS_ONE = without(PERFECT, "synth-1", "بنك الخليج")
WEAK = {doc: [s for s in spans if s.label == "MONEY"] for doc, spans in PERFECT.items()}
REFERENCE = {
    "f1": 0.833,
    "dataset": "ANERcorp test",
    "metric": "seqeval default",
    "source": "Inoue et al. 2021, Table 5",
}


@pytest.fixture(scope="module")
def records():
    return {
        "perfect": make_record(
            CORPUS, PERFECT, "perfect", reference=REFERENCE, words_per_s=2500.0, created="2026-11-27T10:00:00+00:00"
        ),
        "minus-one": make_record(CORPUS, MINUS_ONE, "minus-one", revision="0123456789abcdef0123456789abcdef01234567"),
        "weak": make_record(CORPUS, WEAK, "weak", revision=None, words_per_s=None),
    }


def loader(record):
    return CORPUS, None


def board_of(records, **kw):
    kw.setdefault("n_resamples", N_RESAMPLES)
    return build_leaderboard(
        [record_from_dict(r, f"{name}.json") for name, r in records.items()], gold_loader=loader, **kw
    )


def test_ranks_and_ties(records):
    board = board_of(records)
    assert len(board.sections) == 1
    rows = board.sections[0].rows
    assert [(r.record.model_name, r.rank, r.tied) for r in rows] == [
        ("perfect", 1, True),
        ("minus-one", 1, True),
        ("weak", 3, False),
    ]
    assert rows[1].p_vs_above >= 0.05
    assert rows[2].p_vs_above < 0.05
    assert board.unit == "document"


def test_markdown_table(records):
    text = render_markdown(board_of(records))
    lines = text.splitlines()
    assert lines[0] == f"**Corpus seed (gold sha256 {CORPUS.sha256[:12]}, 3 documents)**"
    header = next(line for line in lines if line.startswith("| Rank"))
    assert header == (
        "| Rank | Model | MONEY F1 | ORG F1 | LOC F1 | Micro F1 [95% CI] | Macro F1 | Money values | "
        "Words/s | Revision | Date | Reference F1 |"
    )
    ranking = lines[: next((i for i, line in enumerate(lines) if line.startswith("**Cards without")), len(lines))]
    rows = [line for line in ranking if line.startswith("| ") and not line.startswith("| Rank")]
    perfect, minus_one, weak = (row.split(" | ") for row in rows)
    assert perfect[0] == "| =1" and perfect[1] == "perfect"
    assert perfect[7] == "1.000 (4/4)" and perfect[8] == "2,500" and perfect[10] == "2026-11-27"
    assert perfect[11] == "0.833 [^1] |"
    assert minus_one[0] == "| =1" and minus_one[3] == "0.909" and minus_one[5].startswith("0.966 [")
    assert minus_one[9] == "0123456789"  # short revision
    assert weak[0] == "| 3" and weak[2:5] == ["1.000", "0.000", "0.000"] and weak[5].startswith("0.421 [")
    assert weak[8] == "—" and weak[9] == "—"
    assert "[^1]: ANERcorp test, seqeval default: Inoue et al. 2021, Table 5" in lines
    assert any(line.startswith("=N: the paired bootstrap (200 resamples over documents") for line in lines)


def test_other_metric_changes_the_numbers(records):
    board = board_of(records, metric="span_lenient")
    rows = board.sections[0].rows
    assert rows[2].record.f1("span_lenient") == pytest.approx(8 / 19)
    assert "Metric: span_lenient" in render_markdown(board)


def test_records_of_another_gold_version_get_their_own_section(records):
    old = dict(
        records["weak"],
        model=dict(records["weak"]["model"], name="old-model"),
        corpus=dict(records["weak"]["corpus"], sha256="1" * 64),
    )
    board = board_of(dict(records, old=old))
    assert [s.current for s in board.sections] == [True, False]
    current, stale = board.sections
    assert "old-model" not in [r.record.model_name for r in current.rows]
    assert [(r.record.model_name, r.rank) for r in stale.rows] == [("old-model", None)]
    text = render_markdown(board)
    assert "other gold version sha256 111111111111: not re-scored (not comparable with the current gold)" in text
    assert "| — | old-model |" in text


def test_corpus_that_cannot_be_loaded_is_shown_unranked_as_not_rescored(records):
    newer = dict(
        records["weak"], created="2026-12-01T00:00:00+00:00", corpus=dict(records["weak"]["corpus"], sha256="2" * 64)
    )
    recs = [record_from_dict(r, f"{n}.json") for n, r in dict(records, weak=newer).items()]
    board = build_leaderboard(recs, gold_loader=lambda record: (None, "texts not here"), n_resamples=N_RESAMPLES)
    [section] = board.sections
    assert not section.rescored and not section.ranked
    assert [(r.record.model_name, r.rank, r.tied) for r in section.rows] == [
        ("minus-one", None, False),
        ("perfect", None, False),
        ("weak", None, False),
    ]  # by name: not a ranking
    assert board.missing == ["corpus 'seed': texts not here"]
    text = render_markdown(board)
    assert "Corpus seed: not re-scored here (stored numbers, unranked" in text and "texts not here" in text
    assert "| — | perfect |" in text and "| 1 |" not in text


def test_csv_and_json(records):
    board = board_of(records)
    from benchmark.results.leaderboard import render_csv, render_json

    rows = list(csv.DictReader(io.StringIO(render_csv(board))))
    assert [r["model"] for r in rows] == ["perfect", "minus-one", "weak"]
    assert rows[0]["rank_marker"] == "=1" and float(rows[1]["micro_f1"]) == pytest.approx(28 / 29)
    assert rows[0]["reference_source"] == "Inoue et al. 2021, Table 5"
    data = json.loads(render_json(board))
    assert data["tie_rule"] == {
        "test": "paired bootstrap",
        "alpha": 0.05,
        "n_resamples": N_RESAMPLES,
        "unit": "document",
    }
    assert data["sections"][0]["rows"][2]["org_f1"] == 0.0


def test_readme_block_is_replaced_between_markers():
    readme = f"# Title\n\nintro\n\n{README_START}\nold table\n{README_END}\n\nafter\n"
    updated = replace_readme_block(readme, "NEW TABLE\n")
    assert updated == f"# Title\n\nintro\n\n{README_START}\n\nNEW TABLE\n\n{README_END}\n\nafter\n"
    assert replace_readme_block(updated, "NEW TABLE\n") == updated  # idempotent
    with pytest.raises(ValueError, match="no leaderboard block"):
        replace_readme_block("# no markers\n", "x")


# --- the command ------------------------------------------------------------------


@pytest.fixture
def home(tmp_path, monkeypatch, records):
    install_as_seed(tmp_path, CORPUS)
    for record in records.values():
        write_record(tmp_path / "results", record)
    monkeypatch.setenv("BENCH_HOME", str(tmp_path))
    return tmp_path


def test_cli_table_and_formats(home):
    runner = CliRunner()
    result = runner.invoke(cli, ["leaderboard", "--n-resamples", "200"])
    assert result.exit_code == 0, result.output
    assert "perfect" in result.output and "=1" in result.output and "Reference F1" in result.output
    assert "[1] ANERcorp test, seqeval default: Inoue et al. 2021, Table 5" in result.output

    md = runner.invoke(cli, ["leaderboard", "--format", "markdown", "--n-resamples", "200"])
    assert md.exit_code == 0 and "| =1 | perfect |" in md.output

    js = runner.invoke(cli, ["leaderboard", "--format", "json", "--corpus", "seed", "--n-resamples", "200"])
    assert [r["model"] for r in json.loads(js.output)["sections"][0]["rows"]] == ["perfect", "minus-one", "weak"]

    html = runner.invoke(
        cli, ["leaderboard", "--format", "html", "-o", str(home / "board.html"), "--n-resamples", "200"]
    )
    assert html.exit_code == 0
    page = (home / "board.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<td class="rank">=1</td>' in page and "http" not in page

    none = runner.invoke(cli, ["leaderboard", "--corpus", "news-test"])
    assert none.exit_code == 0 and "no run records for corpus 'news-test'" in none.output


def test_cli_skips_unreadable_records_with_a_note(home):
    (home / "results" / "broken.json").write_text("[1, 2", encoding="utf-8")
    sub = home / "results" / "news-test"
    sub.mkdir()
    (sub / "x.json").write_text(json.dumps({"schema_version": 7}), encoding="utf-8")
    records, skipped = load_results(home / "results")
    assert len(records) == 3
    assert any("broken.json: line 1: invalid JSON" in s for s in skipped)
    assert any("x.json: schema_version 7, this benchmark reads 1" in s for s in skipped)
    result = CliRunner().invoke(cli, ["leaderboard", "--format", "markdown", "--n-resamples", "200"])
    assert result.exit_code == 0
    assert "Note: " in result.output and "broken.json" in result.output


def test_cli_readme_update(home):
    readme = home / "README.md"
    readme.write_text(f"# Bench\n\n{README_START}\n{README_END}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["leaderboard", "--readme", str(readme), "--n-resamples", "200"])
    assert result.exit_code == 0, result.output
    assert "| =1 | perfect |" in readme.read_text(encoding="utf-8")


def test_cli_missing_results_dir_exits_2(tmp_path):
    result = CliRunner().invoke(cli, ["leaderboard", "--results", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "nowhere: no such results directory" in result.output


# --- start-up cost: never torch --------------------------------------------------------

_NO_TORCH = textwrap.dedent("""
    import sys
    from benchmark.cli import cli
    for args in (["leaderboard", "--format", "table", "--n-resamples", "50"], ["validate"]):
        try:
            cli.main(args=args, prog_name="bench", standalone_mode=False)
        except SystemExit:
            pass
    heavy = sorted(m for m in ("torch", "transformers", "datasets") if m in sys.modules)
    print("HEAVY:", ",".join(heavy) or "none")
""")


def test_leaderboard_and_validate_do_not_import_torch(home):
    env = dict(os.environ, BENCH_HOME=str(home))
    out = subprocess.run([sys.executable, "-c", _NO_TORCH], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "perfect" in out.stdout  # the leaderboard really ran
    assert out.stdout.strip().splitlines()[-1] == "HEAVY: none"


def test_side_by_side_puts_each_models_corpora_in_one_row():
    from benchmark.results.ranking import Leaderboard, Row, Section
    from benchmark.results.leaderboard import side_by_side
    from benchmark.results.record_read import record_from_dict

    def record(model: str, corpus: str, f1: float) -> Row:
        block = {
            "overall": {"precision": f1, "recall": f1, "f1": f1, "support": 10},
            "per_type": {},
            "macro_f1": f1,
            "ci95": {"low": f1 - 0.1, "high": f1 + 0.1},
        }
        data = {
            "schema_version": 1,
            "model": {"name": model},
            "corpus": {"name": corpus, "sha256": "x" * 64},
            "metrics": {"seqeval_strict": block},
            "predictions": {},
        }
        return Row(record_from_dict(data, f"<{model}>"), rank=1)

    board = Leaderboard(
        "seqeval_strict",
        [
            Section("seed", "x" * 64, True, [record("a", "seed", 0.9), record("b", "seed", 0.5)]),
            Section("news-test", "x" * 64, True, [record("b", "news-test", 0.8), record("a", "news-test", 0.7)]),
        ],
        [],
        1000,
    )
    corpora, rows = side_by_side(board)
    assert corpora == ["seed", "news-test"]
    assert [model for model, _ in rows] == ["b", "a"]  # ordered by the last corpus
    assert rows[1][1] == ["1: 0.900 [0.800, 1.000]", "1: 0.700 [0.600, 0.800]"]


def test_cards_without_a_run_still_show_their_published_score():
    from benchmark.results.ranking import Leaderboard
    from benchmark.results.leaderboard import unrun_references

    rows = {name: (score, text) for name, score, text in unrun_references(Leaderboard("seqeval_strict", [], [], 10))}
    assert rows["hatmimoha-arabic-ner"][0] == "0.870"
    assert "hatmimoha/arabic-ner README" in rows["hatmimoha-arabic-ner"][1]
    assert rows["camelbert-msa-ner"][0] == "not confirmed"  # never a guessed number
    assert "money-rules" not in rows  # rule baselines publish nothing
