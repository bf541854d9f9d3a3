"""`bench run --model X`: run an extractor over a corpus, score it, write a run record."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click
from rich.console import Console

from ...extractors.cards import CardError, gold_label_map, resolve, slugify
from ...corpora.corpus import Corpus, CorpusError, load_corpus, portable_spec, project_root
from ...errors import InputError
from ...extractors.harness import ExtractorError, build_extractor
from ...extractors.prediction_inputs import prediction_inputs
from ...io import write_json_atomic
from ...overwrite import check_file_target, is_run_record
from ...results.record_write import build_record, cache_key, cache_load, cache_store, fill_money_values
from ...tokenize import tokenize
from ._options import MAX_RESAMPLES, SEED

DEFAULT_MODEL = "gazetteer+money-rules"

# Errors of benchmark.extractors.transformers_ner and benchmark.extractors.preprocess that
# mean "the user's setup or card is wrong", matched by name so that a rules run
# never imports the transformers backend.
EXPECTED_BACKEND_ERRORS = ("ModelUnavailable", "LabelMapError", "ExtractorConfigError", "PreprocessingError")

MIN_MAX_LENGTH = 3  # [CLS] one sub-token [SEP]: the least a window can hold

stderr = Console(stderr=True)


class RunError(InputError):
    """An expected failure of a run: one line for the user, exit code 2."""


def money_parser_revision() -> str:
    """The money parser's code: fill_money_values gives MONEY predictions
    without a value its reading, which the cache then keeps."""
    from ...extractors.rules.money.extractor import revision

    return revision()


def _json_safe(stats: dict) -> dict:
    """The extractor's statistics that JSON can hold (for the cache entry)."""
    return {k: v for k, v in stats.items() if isinstance(v, (str, int, float, bool, type(None)))}


def results_dir(corpus_name: str) -> Path:
    """results/ for the seed corpus, results/<corpus>/ for the others, so
    records of different corpora never overwrite each other."""
    results = project_root() / "results"
    return results if corpus_name == "seed" else results / slugify(corpus_name.replace(":", "-"))


def check_split(corpus_name: str, split: str | None) -> None:
    """--split only means something for the news corpus (seed and CoNLL files have no splits)."""
    if split is not None and corpus_name != "news":
        raise InputError(f"--split {split}: corpus {corpus_name!r} has no splits (only --corpus news has dev/test)")


def run_model(model: str = DEFAULT_MODEL, corpus_name: str = "seed", *, corpus_dir: Path | None = None,
              split: str | None = None, device: str = "auto", batch_size: int | None = None,
              max_length: int | None = None, trust_remote_code: bool = False, use_cache: bool = True,
              n_resamples: int = 1000, seed: int = 0, progress: bool = True, corpus: Corpus | None = None) -> dict:
    """Run `model` over a corpus and return its run record (not written).

    Raises RunError with one line for every expected failure (any other
    benchmark.errors.BenchError, e.g. MissingExtra, passes through as it is).
    """
    from ...scoring import evaluate

    check_split(corpus_name, split)
    if n_resamples < 0:
        raise InputError(f"--resamples {n_resamples}: must be 0 (no interval) or more")
    try:
        card = resolve(model)
        if corpus is None:
            corpus = load_corpus(corpus_name, corpus_dir=corpus_dir, label_map=gold_label_map(card), split=split)
        options = {"device": device, "batch_size": batch_size, "max_length": max_length,
                   "trust_remote_code": trust_remote_code, "progress": progress}
        t0 = time.perf_counter()
        extractor = build_extractor(card, options)
        if hasattr(extractor, "load"):
            if progress:
                with stderr.status(f"loading {model}"):
                    extractor.load()
            else:
                extractor.load()
        load_s = time.perf_counter() - t0
        revision = extractor.revision()

        key = cache_key(card, revision, corpus, {"max_length": max_length},
                        inputs={**prediction_inputs(card, extractor), "money_parser": money_parser_revision()})
        cached = cache_load(key) if use_cache else None
        if cached is not None:
            # The predictions, prediction time and inference statistics of the run that made them.
            (predictions, meta), cache_state = cached, "hit"
            predict_s = meta["timing"].get("predict_s")
            stats = dict(meta["stats"])
        else:
            t1 = time.perf_counter()
            predictions, cache_state = extractor.predict(list(corpus.documents)), "miss"
            predict_s = time.perf_counter() - t1
            predictions = fill_money_values(predictions)
            stats = dict(getattr(extractor, "stats", {}) or {})
            if use_cache:
                cache_store(key, predictions, {"model": model, "revision": revision, "corpus": corpus.name,
                                               "timing": {"predict_s": predict_s}, "stats": _json_safe(stats)})
    except (CardError, CorpusError, ExtractorError) as err:
        raise RunError(str(err)) from err  # chained: `bench --debug` shows a user extractor's traceback
    except Exception as err:  # the transformers backend's expected failures (classes imported lazily)
        if type(err).__name__ in EXPECTED_BACKEND_ERRORS:
            raise RunError(str(err)) from None
        raise

    t2 = time.perf_counter()
    try:
        metrics = evaluate(list(corpus.documents), predictions, n_resamples=n_resamples, seed=seed)
    except ValueError as err:
        raise RunError(f"{model}: {err}") from None
    score_s = time.perf_counter() - t2
    words = sum(len(tokenize(doc.text)) for doc in corpus.documents)
    label_map_used = extractor.effective_label_map() if hasattr(extractor, "effective_label_map") else None
    record = build_record(
        card=card, model_name=model, slug=slugify(model), revision=revision, corpus=corpus,
        predictions=predictions, metrics=metrics, device=stats.get("device", "cpu"),
        timing={"load_s": round(load_s, 4), "predict_s": round(predict_s, 4) if predict_s is not None else None,
                "score_s": round(score_s, 4), "words": words,
                "words_per_s": round(words / predict_s, 1) if predict_s else None,
                "prediction_cache": cache_state},
        repairs={"invalid_tags": stats.get("invalid_tags", 0), "rule": stats.get("repair_rule")},
        label_map_used=label_map_used,
        preprocessing_used=(extractor.effective_preprocessing()
                            if hasattr(extractor, "effective_preprocessing") else None),
        inference={**{k: stats[k] for k in ("windows", "batches", "words_without_subtokens", "max_length") if k in stats},
                   "cache": cache_state},
        corpus_spec={"spec": portable_spec(corpus_name), "split": split},
    )
    return record


@click.command()
@click.option("--model", "-m", default=DEFAULT_MODEL, show_default=True,
              help="A card in models/, A+B, module:callable, a local model directory or a hub id.")
@click.option("--corpus", "corpus_name", default="seed", show_default=True, help="seed, news, or conll:PATH ({data} in PATH: $BENCH_DATA, else {cache}/data).")
@click.option("--corpus-dir", type=click.Path(file_okay=False, path_type=Path), envvar="BENCH_NEWS_DIR",
              help="Directory of the news texts (or $BENCH_NEWS_DIR).")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default=None,
              help="News corpus split (default: test).")
@click.option("--device", default="auto", show_default=True, help="auto (cuda, mps, cpu), cpu, cuda, cuda:1, mps.")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, help="Override the card's batch size.")
@click.option("--max-length", type=click.IntRange(min=MIN_MAX_LENGTH), default=None,
              help="Override the card's max length (sub-tokens; above the card's stride).")
@click.option("--trust-remote-code", is_flag=True, help="Allow a hub model's own code to run (off by default).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Run record path (default: results/<model>.json, results/<corpus>/<model>.json).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--no-cache", is_flag=True, help="Do not reuse cached predictions.")
@click.option("--resamples", type=click.IntRange(min=0, max=MAX_RESAMPLES), default=1000, show_default=True,
              help="Bootstrap resamples for the CI (0: no interval).")
@click.option("--seed", type=SEED, default=0, show_default=True, help="Bootstrap seed.")
@click.option("--force", is_flag=True, help="Overwrite the output even when it is not a file this command wrote.")
def run(model, corpus_name, corpus_dir, split, device, batch_size, max_length, trust_remote_code,
        output, fmt, no_cache, resamples, seed, force) -> None:
    """Run an extractor over a corpus, score it and write its run record
    (never over a file that is not a run record, unless --force)."""
    check_split(corpus_name, split)
    if output is not None:  # before the run: refuse early, not after minutes of inference
        check_file_target(output, force=force, ours=is_run_record, what="run record")
    record = run_model(model, corpus_name, corpus_dir=corpus_dir, split=split, device=device,
                       batch_size=batch_size, max_length=max_length, trust_remote_code=trust_remote_code,
                       use_cache=not no_cache, n_resamples=resamples, seed=seed,
                       progress=sys.stderr.isatty() or fmt == "table")
    if record["model"].get("label_map_used") is not None:
        used = ", ".join(f"{k}→{v or 'ignored'}" for k, v in sorted(record["model"]["label_map_used"].items()))
        stderr.print(f"labels scored: {used}", highlight=False)
    path = output or results_dir(record['corpus']['name']) / f"{record['model']['slug']}.json"
    check_file_target(path, force=force, ours=is_run_record, what="run record")
    write_json_atomic(path, record)
    if fmt == "json":
        click.echo(json.dumps({k: record[k] for k in ("model", "corpus", "timing", "metrics")}, ensure_ascii=False, indent=1))
    else:
        from ...results.tables import print_metrics

        print_metrics(record)
    stderr.print(f"run record: {path}", highlight=False)

