"""`bench score RUN.json`: re-score a record's stored predictions against the current gold."""
from __future__ import annotations

import json
import time
from pathlib import Path

import click
from rich.console import Console

from ..corpus import CorpusError, load_corpus
from ..io import write_json_atomic
from ..runrecord import corpus_info, predictions_from_json
from .run import gold_label_map

stderr = Console(stderr=True)


def load_record_corpus(record: dict, corpus_dir: Path | None = None):
    """The current gold of the corpus a record was scored on; its texts must be
    the ones the predictions were made on."""
    info = record["corpus"]
    spec = info.get("spec", info["name"])
    card = record["model"]["card"]
    corpus = load_corpus(spec, corpus_dir=corpus_dir, label_map=gold_label_map(card), split=info.get("split"))
    if info.get("texts_sha256") and corpus_info(corpus)["texts_sha256"] != info["texts_sha256"]:
        raise CorpusError(f"the texts of corpus {info['name']!r} differ from those the predictions were made on; "
                          "re-run the model with `bench run`")
    return corpus


@click.command()
@click.argument("record_path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--corpus-dir", type=click.Path(file_okay=False, path_type=Path), envvar="BENCH_NEWS_DIR",
              help="Directory of the news texts (or $BENCH_NEWS_DIR).")
@click.option("--update", is_flag=True, help="Rewrite RECORD_PATH with the new scores.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="Write the re-scored record here.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def score(record_path: Path, corpus_dir, update: bool, output, fmt: str) -> None:
    """Re-score RECORD_PATH's stored predictions against the current gold,
    without running the model."""
    from ..scoring import evaluate

    try:
        record = json.loads(record_path.read_text(encoding="utf-8"))
        predictions = predictions_from_json(record["predictions"])
        corpus = load_record_corpus(record, corpus_dir)
    except (json.JSONDecodeError, KeyError, TypeError) as err:
        stderr.print(f"[red]error:[/red] {record_path}: not a run record ({err})", highlight=False)
        raise SystemExit(2)
    except CorpusError as err:
        stderr.print(f"[red]error:[/red] {record_path}: {err}", highlight=False)
        raise SystemExit(2)
    ci = record["metrics"]["seqeval_strict"].get("ci95") or {}
    t0 = time.perf_counter()
    record["metrics"] = evaluate(list(corpus.documents), predictions,
                                 n_resamples=ci.get("n_resamples", 1000), seed=ci.get("seed", 0))
    record["timing"]["score_s"] = round(time.perf_counter() - t0, 4)
    record["corpus"].update(corpus_info(corpus))
    target = output or (record_path if update else None)
    if target:
        write_json_atomic(target, record)
        stderr.print(f"run record: {target}", highlight=False)
    if fmt == "json":
        click.echo(json.dumps(record["metrics"], ensure_ascii=False, indent=1))
    else:
        from ..tables import print_metrics

        print_metrics(record)
