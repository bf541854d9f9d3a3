"""Regression gate for a user's own pytest suite.

    from benchmark.testing import assert_no_regression

    def test_my_extractor_did_not_get_worse():
        assert_no_regression("tests/baseline-money.json", model="my_pkg.ner:extract")

The same check as `bench check`: the candidate (a run record, or a fresh run of
`model` through exactly the code of `bench run`, benchmark.api.run) must not lose more than
`max_drop` F1 under `metric` against the baseline record. Stored numbers are
never trusted: both records are re-scored from their stored predictions
against the current gold (rescore.verified), and a record that cannot be
re-scored here, or whose stored metrics differ, is unusable input. A fresh run
does not reuse cached predictions unless `use_cache=True`: the gate must see
what the code under test predicts now.
"""

from __future__ import annotations

from .api import check
from .results.compare import Verdict


def assert_no_regression(
    baseline,
    candidate=None,
    *,
    model: str | None = None,
    max_drop: float = 0.0,
    metric: str = "seqeval_strict",
    per_type: bool = False,
    use_cache: bool = False,
) -> Verdict:
    """Raise AssertionError with the one-line verdict when a compared F1 drops
    by more than `max_drop`; return the (passing) Verdict otherwise."""
    __tracebackhide__ = True  # pytest: show the verdict, not this frame
    run_options = {"progress": False, "use_cache": use_cache} if model is not None else {}  # no spinner in a test
    verdict = check(
        baseline, candidate, model=model, max_drop=max_drop, metric=metric, per_type=per_type, **run_options
    )
    if not verdict.ok:
        raise AssertionError(verdict.line)
    return verdict
