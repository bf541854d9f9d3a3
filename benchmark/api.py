"""The library API: what `bench run`, `bench score`, `bench compare` and
`bench check` do, as functions. The CLI (benchmark.cli) and the regression
gate (benchmark.testing) only call these; they parse options and print.

    import benchmark
    record = benchmark.run("gazetteer+money-rules", corpus="seed")   # a run record (dict)
    rescored = benchmark.score("results/gazetteer.json")             # re-scored from its predictions
    diff = benchmark.compare("results/a.json", "results/b.json")     # deltas, paired bootstrap, entity diff
    verdict = benchmark.check("results/baseline.json", model="my_pkg.ner:extract", max_drop=0.01)

Every expected failure raises a benchmark.errors.BenchError with one line
(RunError, RecordError, InputError); records are read through
benchmark.results.record_read and never trusted: scores are recomputed.
Importing this module imports no extractor; `run` loads the one it needs.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corpora.documents import Corpus, CorpusError
from .corpora.corpus import load_corpus, portable_spec
from .errors import BenchError, InputError
from .extractors.cards import CardError, gold_label_map, resolve, slugify
from .extractors.harness import ExtractorError, build_extractor
from .extractors.prediction_inputs import prediction_inputs
from .results.compare import Verdict, regression_verdict
from .results.record_read import (
    RecordError,
    RunRecord,
    aligned_predictions,
    as_record,
    check_same_corpus,
    corpus_spec,
    load_gold,
    record_from_dict,
    try_load_gold,
)
from .results.record_write import build_record, corpus_info, fill_money_values
from .results.prediction_cache import cache_key, cache_load, cache_store
from .results.rescore import paired_test, verified
from .tokenize import tokenize

DEFAULT_MODEL = "gazetteer+money-rules"

# Errors of benchmark.extractors.transformers_ner and benchmark.extractors.preprocess that
# mean "the user's setup or card is wrong", matched by name so that a rules run
# never imports the transformers backend.
EXPECTED_BACKEND_ERRORS = ("ModelUnavailable", "LabelMapError", "ExtractorConfigError", "PreprocessingError")


class RunError(InputError):
    """An expected failure of a run: one line for the user, exit code 2."""


def money_parser_revision() -> str:
    """The money parser's code: fill_money_values gives MONEY predictions
    without a value its reading, which the cache then keeps."""
    from .extractors.rules.money.extractor import revision

    return revision()


def _json_safe(stats: dict) -> dict:
    """The extractor's statistics that JSON can hold (for the cache entry)."""
    return {k: v for k, v in stats.items() if isinstance(v, (str, int, float, bool, type(None)))}


def check_split(corpus_name: str, split: str | None) -> None:
    """--split only means something for the news corpus (seed and CoNLL files have no splits)."""
    if split is not None and corpus_name != "news":
        raise InputError(f"--split {split}: corpus {corpus_name!r} has no splits (only --corpus news has dev/test)")


def run(
    model: str = DEFAULT_MODEL,
    corpus: str | Corpus = "seed",
    *,
    corpus_dir: Path | None = None,
    split: str | None = None,
    device: str = "auto",
    batch_size: int | None = None,
    max_length: int | None = None,
    trust_remote_code: bool = False,
    use_cache: bool = True,
    n_resamples: int = 1000,
    seed: int = 0,
    progress: bool = True,
    base_url: str | None = None,
    shots: int | None = None,
    concurrency: int | None = None,
) -> dict:
    """Run `model` (a card name, A+B, module:callable, openai:NAME, a model
    folder or a hub id) over `corpus` (a spec: seed, news, conll:PATH; or a
    loaded Corpus) and return its run record (docs/run-record.md), not written
    anywhere. `base_url`, `shots` and `concurrency` apply to LLM models.

    Raises RunError with one line for every expected failure (any other
    benchmark.errors.BenchError, e.g. MissingExtra, passes through as it is).
    """
    from .scoring import evaluate

    loaded = corpus if isinstance(corpus, Corpus) else None
    corpus_name = loaded.name if loaded is not None else str(corpus)
    check_split(corpus_name, split)
    if n_resamples < 0:
        raise InputError(f"--resamples {n_resamples}: must be 0 (no interval) or more")
    try:
        card = resolve(model)
        if loaded is None:
            loaded = load_corpus(corpus_name, corpus_dir=corpus_dir, label_map=gold_label_map(card), split=split)
        options = {
            "device": device,
            "batch_size": batch_size,
            "max_length": max_length,
            "trust_remote_code": trust_remote_code,
            "progress": progress,
            "base_url": base_url,
            "shots": shots,
            "concurrency": concurrency,
            "use_cache": use_cache,
            "corpus_dir": corpus_dir,
        }
        t0 = time.perf_counter()
        extractor = build_extractor(card, options)
        if progress:
            from rich.console import Console

            with Console(stderr=True).status(f"loading {model}"):
                extractor.load()
        else:
            extractor.load()
        load_s = time.perf_counter() - t0
        revision = extractor.revision()

        # LLM extractors cache their answers (cheap to re-align, and the run's
        # accounting stays in the record), so their predictions are not cached here.
        own_cache = _caches_answers(extractor)
        key = cache_key(
            card,
            revision,
            loaded,
            {"max_length": max_length},
            inputs={**prediction_inputs(card, extractor), "money_parser": money_parser_revision()},
        )
        cached = cache_load(key) if use_cache and not own_cache else None
        if cached is not None:
            # The predictions, prediction time and inference statistics of the run that made them.
            (predictions, meta), cache_state = cached, "hit"
            predict_s = meta["timing"].get("predict_s")
            stats = dict(meta["stats"])
        else:
            t1 = time.perf_counter()
            predictions, cache_state = extractor.predict(list(loaded.documents)), "miss"
            predict_s = time.perf_counter() - t1
            predictions = fill_money_values(predictions)
            stats = dict(extractor.stats or {})
            if own_cache:  # the revision now names the model id the endpoint reported
                revision = extractor.revision()
            elif use_cache:
                cache_store(
                    key,
                    predictions,
                    {
                        "model": model,
                        "revision": revision,
                        "corpus": loaded.name,
                        "timing": {"predict_s": predict_s},
                        "stats": _json_safe(stats),
                    },
                )
    except (CardError, CorpusError, ExtractorError) as err:
        raise RunError(str(err)) from err  # chained: `bench --debug` shows a user extractor's traceback
    except Exception as err:  # the transformers backend's expected failures (classes imported lazily)
        if type(err).__name__ in EXPECTED_BACKEND_ERRORS:
            raise RunError(str(err)) from None
        raise

    t2 = time.perf_counter()
    try:
        metrics = evaluate(list(loaded.documents), predictions, n_resamples=n_resamples, seed=seed)
    except ValueError as err:
        raise RunError(f"{model}: {err}") from None
    score_s = time.perf_counter() - t2
    words = sum(len(tokenize(doc.text)) for doc in loaded.documents)
    label_map_used = extractor.effective_label_map()
    record = build_record(
        card=card,
        model_name=model,
        slug=slugify(model),
        revision=revision,
        corpus=loaded,
        predictions=predictions,
        metrics=metrics,
        device=stats.get("device", "cpu"),
        timing={
            "load_s": round(load_s, 4),
            "predict_s": round(predict_s, 4) if predict_s is not None else None,
            "score_s": round(score_s, 4),
            "words": words,
            "words_per_s": round(words / predict_s, 1) if predict_s else None,
            "prediction_cache": cache_state,
        },
        repairs={"invalid_tags": stats.get("invalid_tags", 0), "rule": stats.get("repair_rule")},
        label_map_used=label_map_used,
        preprocessing_used=extractor.effective_preprocessing(),
        inference={
            **{k: stats[k] for k in ("windows", "batches", "words_without_subtokens", "max_length") if k in stats},
            "cache": cache_state,
        },
        corpus_spec={"spec": portable_spec(corpus_name), "split": split},
    )
    if "llm" in stats:  # an LLM's accounting (docs/run-record.md, "LLM runs")
        record["llm"] = stats["llm"]
    return record


def _caches_answers(extractor) -> bool:
    """True when the extractor (or a composite's part) keeps its own answer cache (LLMs)."""
    parts = [part for part, _ in getattr(extractor, "parts", [])]
    return any(getattr(e, "caches_answers", False) for e in [extractor, *parts])


def score(record: Any, corpus_dir: Path | None = None) -> dict:
    """`record` (a path, a record dict or a RunRecord) re-scored: its stored
    predictions against the current gold, returned as a new run record dict
    (metrics, timing.score_s and corpus updated). InputError when its
    predictions were made on other texts than the current corpus has."""
    from .scoring import evaluate

    loaded = as_record(record, "record")
    corpus = load_gold(loaded, corpus_dir)
    data = loaded.data
    current = corpus_info(corpus)
    if data["corpus"].get("texts_sha256") not in (None, current["texts_sha256"]):
        raise InputError(
            f"{loaded.source}: the texts of corpus {corpus.name!r} differ from those the "
            "predictions were made on; re-run the model with `bench run`"
        )
    ci = data["metrics"]["seqeval_strict"].get("ci95") or {}
    t0 = time.perf_counter()
    data["metrics"] = evaluate(
        list(corpus.documents), loaded.predictions(), n_resamples=ci.get("n_resamples", 1000), seed=ci.get("seed", 0)
    )
    data["timing"]["score_s"] = round(time.perf_counter() - t0, 4)
    data["corpus"].update(current)
    return data


@dataclass(frozen=True)
class Comparison:
    """What changed from run A to run B (what `bench compare` prints).
    `test` and `changes` are None / [] when the records could not be re-scored
    against the current gold; `note` then says why (the deltas are the
    records' stored numbers)."""

    a: RunRecord
    b: RunRecord
    deltas: list
    test: dict | None
    changes: list
    note: str | None


def _usable_gold(a: RunRecord, b: RunRecord):
    """The current gold when both records were scored on its version, else
    (None, why). Records on it are then re-scored (rescore.verified)."""
    gold, why = try_load_gold(a)
    if gold is None:
        return None, why
    for record in (a, b):
        if record.corpus_sha256 != gold.sha256:
            return None, (
                f"{record.source} was scored on gold sha256 {record.corpus_sha256[:12]}, the current gold "
                f"is {gold.sha256[:12]}; re-score it with `bench score`"
            )
    return gold, None


def compare(
    run_a: Any, run_b: Any, *, metric: str = "seqeval_strict", n_resamples: int = 1000, seed: int = 0
) -> Comparison:
    """F1 deltas per type and overall for every metric, the paired bootstrap
    under `metric` and the entity diff of two run records (paths, dicts or
    RunRecords). Raises RecordError for unusable input."""
    from .results.compare import entity_diff, score_deltas

    a, b = as_record(run_a, "run A"), as_record(run_b, "run B")
    check_same_corpus(a, b)
    gold, why = _usable_gold(a, b)
    test, changes = None, []
    if gold is not None:  # never a stored number: both re-scored, a disagreement refused
        a, b = verified(a, gold), verified(b, gold)
        test = paired_test(gold, a, b, metric=metric, n_resamples=n_resamples, seed=seed)
        changes = entity_diff(gold, aligned_predictions(a, gold), aligned_predictions(b, gold))
    else:
        why = f"not re-scored, these are the records' stored numbers: {why}"
    return Comparison(a, b, score_deltas(a, b), test, changes, why)


def run_candidate(model: str, baseline: RunRecord, **options) -> RunRecord:
    """Run `model` through `run` on the corpus (and split) the baseline was
    scored on, and wrap its (unwritten) run record."""
    spec, split = corpus_spec(baseline)
    if split is not None:
        options.setdefault("split", split)
    options.setdefault("use_cache", False)
    try:
        data = run(model, corpus=spec, **options)
    except BenchError as err:  # any failure of the run is unusable input to the gate (exit 2)
        raise RecordError(f"--model {model}: {err}") from None
    return record_from_dict(data, f"<run of {model}>")


def current_gold(record: RunRecord, corpus_dir=None) -> Corpus:
    """The gold `record` is re-scored on, or RecordError saying why it cannot be here."""
    try:
        return load_gold(record, corpus_dir)
    except CorpusError as err:
        raise RecordError(
            f"{record.source}: cannot be re-scored against the current gold ({err}); a stored score is never trusted"
        ) from None


def check(
    baseline: Any,
    candidate: Any = None,
    *,
    model: str | None = None,
    max_drop: float = 0.0,
    metric: str = "seqeval_strict",
    per_type: bool = False,
    **run_options,
) -> Verdict:
    """The verdict of `bench check`. baseline/candidate: a path, a record dict
    or a RunRecord; or `model` to run now (with `run_options`, e.g.
    use_cache). Raises RecordError for unusable input (missing file, another
    schema or corpus version, missing metric)."""
    if (candidate is None) == (model is None):
        raise ValueError("give exactly one of candidate (a run record) or model (to run now)")
    base = as_record(baseline, "baseline")
    if candidate is not None:
        cand = as_record(candidate, "candidate")
    else:
        assert model is not None
        cand = run_candidate(model, base, **run_options)
    check_same_corpus(base, cand)
    gold = current_gold(base)
    base = verified(base, gold)
    if candidate is not None:  # a fresh run's metrics were computed just now, from this gold
        cand = verified(cand, gold)
    return regression_verdict(base, cand, metric=metric, max_drop=max_drop, per_type=per_type)
