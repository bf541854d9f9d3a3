"""Regression gate for a user's own pytest suite.

    from benchmark.testing import assert_no_regression

    def test_my_extractor_did_not_get_worse():
        assert_no_regression("tests/baseline-money.json", model="my_pkg.ner:extract")

The same check as `bench check`: the candidate (a run record, or a fresh run of
`model` through exactly the code of `bench run`) must not lose more than
`max_drop` F1 under `metric` against the baseline record. Stored numbers are
never trusted: both records are re-scored from their stored predictions
against the current gold (rescore.verified), and a record that cannot be
re-scored here, or whose stored metrics differ, is unusable input. A fresh run
does not reuse cached predictions unless `use_cache=True`: the gate must see
what the code under test predicts now.
"""
from __future__ import annotations

from .results.compare import Verdict, regression_verdict
from .corpora.corpus import CorpusError
from .errors import BenchError
from .results.record_read import RecordError, RunRecord, as_record, check_same_corpus, corpus_spec, load_gold, record_from_dict
from .results.rescore import check_numbers, verified


def run_candidate(model: str, baseline: RunRecord, **options) -> RunRecord:
    """Run `model` through `bench run`'s own code path on the corpus (and
    split) the baseline was scored on, and wrap its (unwritten) run record."""
    from .cli.commands.run import run_model  # the extractors' code: only when a model is run

    spec, split = corpus_spec(baseline)
    if split is not None:
        options.setdefault("split", split)
    options.setdefault("use_cache", False)
    try:
        data = run_model(model, corpus_name=spec, **options)
    except BenchError as err:  # any failure of the run is unusable input to the gate (exit 2)
        raise RecordError(f"--model {model}: {err}") from None
    return record_from_dict(data, f"<run of {model}>")


def check_regression(baseline, candidate=None, *, model: str | None = None, max_drop: float = 0.0,
                     metric: str = "seqeval_strict", per_type: bool = False, **run_options) -> Verdict:
    """The verdict of `bench check`. baseline/candidate: a path, a record dict
    or a RunRecord. Raises RecordError for unusable input (missing file,
    another schema or corpus version, missing metric)."""
    if (candidate is None) == (model is None):
        raise ValueError("give exactly one of candidate (a run record) or model (to run now)")
    base = as_record(baseline, "baseline")
    check_numbers(base)
    cand = as_record(candidate, "candidate") if candidate is not None else run_candidate(model, base, **run_options)
    check_numbers(cand)
    check_same_corpus(base, cand)
    gold = current_gold(base)
    base = verified(base, gold)
    if candidate is not None:  # a fresh run's metrics were computed just now, from this gold
        cand = verified(cand, gold)
    return regression_verdict(base, cand, metric=metric, max_drop=max_drop, per_type=per_type)


def current_gold(record: RunRecord, corpus_dir=None):
    """The gold `record` is re-scored on, or RecordError saying why it cannot be here."""
    try:
        return load_gold(record, corpus_dir)
    except CorpusError as err:
        raise RecordError(f"{record.source}: cannot be re-scored against the current gold ({err}); "
                          "a stored score is never trusted") from None


def assert_no_regression(baseline, candidate=None, *, model: str | None = None, max_drop: float = 0.0,
                         metric: str = "seqeval_strict", per_type: bool = False, use_cache: bool = False) -> Verdict:
    """Raise AssertionError with the one-line verdict when a compared F1 drops
    by more than `max_drop`; return the (passing) Verdict otherwise."""
    __tracebackhide__ = True  # pytest: show the verdict, not this frame
    run_options = {"progress": False, "use_cache": use_cache} if model is not None else {}  # no spinner in a test
    verdict = check_regression(baseline, candidate, model=model, max_drop=max_drop, metric=metric, per_type=per_type,
                               **run_options)
    if not verdict.ok:
        raise AssertionError(verdict.line)
    return verdict
