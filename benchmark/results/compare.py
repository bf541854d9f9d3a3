"""Comparing two run records: score deltas, the paired bootstrap, the entity
diff, and the regression verdict that `bench check` and
`benchmark.testing.assert_no_regression` share.

Pure functions over RunRecords and the gold corpus; the commands in
benchmark/cli/commands/compare.py only load files and print.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..corpora.documents import Corpus
from ..formatting import fmt_delta, fmt_score
from .outcomes import BOUNDARY, CORRECT, MISSED, SPURIOUS, WRONG_TYPE, Outcome, classify
from .record_read import F1_METRICS, RunRecord
from ..types import LABELS, Predictions, Span

# A drop this small is float noise from summing in another order, not a regression.
_EPSILON = 1e-9


# --- score deltas ---------------------------------------------------------------


@dataclass(frozen=True)
class Delta:
    metric: str  # e.g. "seqeval_strict", or "money_values"
    scope: str  # "micro", "macro", a label, or "accuracy"
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


def _value(block: Any, *keys: str) -> float | None:
    for key in keys:
        if not isinstance(block, dict):
            return None
        block = block.get(key)
    return None if block is None else float(block)


def score_deltas(a: RunRecord, b: RunRecord) -> list[Delta]:
    """F1 per type, micro and macro for every F1 metric both records hold, then
    money-value accuracy."""
    rows: list[Delta] = []
    metrics_a, metrics_b = a.data["metrics"], b.data["metrics"]
    for metric in F1_METRICS:
        if metric not in metrics_a or metric not in metrics_b:
            continue
        ma, mb = metrics_a[metric], metrics_b[metric]
        for label in LABELS:
            rows.append(Delta(metric, label, _value(ma, "per_type", label, "f1"), _value(mb, "per_type", label, "f1")))
        rows.append(Delta(metric, "micro", _value(ma, "overall", "f1"), _value(mb, "overall", "f1")))
        rows.append(Delta(metric, "macro", _value(ma, "macro_f1"), _value(mb, "macro_f1")))
    if "money_values" in metrics_a and "money_values" in metrics_b:
        rows.append(
            Delta(
                "money_values",
                "accuracy",
                _value(metrics_a, "money_values", "accuracy"),
                _value(metrics_b, "money_values", "accuracy"),
            )
        )
    return rows


def paired_test(
    gold: Corpus,
    preds_a: Predictions,
    preds_b: Predictions,
    metric: str = "seqeval_strict",
    n_resamples: int = 1000,
    seed: int = 0,
) -> dict:
    """The scoring engine's paired bootstrap of B against A on the current gold:
    {"delta", "p_value", "n_resamples", "unit"}."""
    from ..scoring import paired_bootstrap  # scoring pulls in seqeval: only when needed

    return paired_bootstrap(list(gold.documents), preds_a, preds_b, metric=metric, n_resamples=n_resamples, seed=seed)


# --- entity-level diff ------------------------------------------------------------

FIXED, BROKEN, BOUNDARY_CHANGE, TYPE_CHANGE = "fixed", "broken", "boundary change", "type change"
CHANGES: tuple[str, ...] = (FIXED, BROKEN, BOUNDARY_CHANGE, TYPE_CHANGE)


@dataclass(frozen=True)
class MentionChange:
    """A mention whose outcome differs between run A (before) and run B (after).

    For a gold mention, `before`/`after` are its outcomes in A and B. A
    spurious prediction only B makes is "broken" (before None); one only A
    made is "fixed" (after None).
    """

    change: str
    document: str
    before: Outcome | None
    after: Outcome | None

    @property
    def mention(self) -> Span:
        outcome = self.before or self.after
        return outcome.anchor  # type: ignore[union-attr]


def _describe(outcome: Outcome | None) -> str:
    if outcome is None:
        return "nothing"
    if outcome.kind == CORRECT:
        return "correct"
    if outcome.kind == MISSED:
        return "missed"
    assert outcome.pred is not None  # spurious, boundary, wrong type: there is a prediction
    if outcome.kind == SPURIOUS:
        return f"spurious {outcome.pred.label} «{outcome.pred.text}»"
    what = "boundary" if outcome.kind == BOUNDARY else "wrong type"
    return f"{what}: predicted {outcome.pred.label} «{outcome.pred.text}»"


def describe_change(change: MentionChange) -> str:
    """One line: what the mention is and how it went from A to B."""
    span = change.mention
    either = change.before or change.after
    assert either is not None  # a change has an outcome on at least one side
    kind = "gold" if either.gold is not None else "predicted"
    return (
        f"{change.change}: {change.document} {kind} {span.label} «{span.text}» "
        f"[{span.start}:{span.end}] — A: {_describe(change.before)}; B: {_describe(change.after)}"
    )


def _pred_key(span: Span) -> tuple:
    return (span.start, span.end, span.label)


def entity_diff(gold: Corpus, preds_a: Predictions, preds_b: Predictions) -> list[MentionChange]:
    """Every mention whose outcome differs between A and B, in document and
    text order. Matching is over tokens, as the headline scorer sees it (see
    outcomes.py), so a change seqeval cannot see is not listed."""
    outcomes_a, outcomes_b = classify(gold.documents, preds_a), classify(gold.documents, preds_b)
    changes: list[MentionChange] = []
    for doc in gold.documents:
        a_gold = {o.gold: o for o in outcomes_a[doc.id] if o.gold is not None}
        b_gold = {o.gold: o for o in outcomes_b[doc.id] if o.gold is not None}
        found: list[MentionChange] = []
        for gold_span in sorted(doc.spans):
            before, after = a_gold[gold_span], b_gold[gold_span]
            if before.kind == CORRECT and after.kind == CORRECT:
                continue
            if after.kind == CORRECT:
                found.append(MentionChange(FIXED, doc.id, before, after))
            elif before.kind == CORRECT:
                found.append(MentionChange(BROKEN, doc.id, before, after))
            elif (before.kind, before.pred and _pred_key(before.pred)) != (
                after.kind,
                after.pred and _pred_key(after.pred),
            ):
                kind = TYPE_CHANGE if WRONG_TYPE in (before.kind, after.kind) else BOUNDARY_CHANGE
                found.append(MentionChange(kind, doc.id, before, after))
        a_spurious = {_pred_key(o.pred): o for o in outcomes_a[doc.id] if o.kind == SPURIOUS and o.pred is not None}
        b_spurious = {_pred_key(o.pred): o for o in outcomes_b[doc.id] if o.kind == SPURIOUS and o.pred is not None}
        for key in a_spurious.keys() - b_spurious.keys():
            found.append(MentionChange(FIXED, doc.id, a_spurious[key], None))
        for key in b_spurious.keys() - a_spurious.keys():
            found.append(MentionChange(BROKEN, doc.id, None, b_spurious[key]))
        found.sort(key=lambda c: (c.mention.start, c.mention.end, c.mention.label))
        changes.extend(found)
    return changes


# --- the regression verdict ---------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    """The outcome of a regression check: ok, and the one line that says why."""

    ok: bool
    line: str
    compared: tuple[Delta, ...]
    dropped: tuple[Delta, ...]


def _name(delta: Delta) -> str:
    return "micro F1" if delta.scope == "micro" else f"{delta.scope} F1"


def regression_verdict(
    baseline: RunRecord,
    candidate: RunRecord,
    *,
    metric: str = "seqeval_strict",
    max_drop: float = 0.0,
    per_type: bool = False,
) -> Verdict:
    """Compare the candidate's F1 under `metric` with the baseline's: micro F1,
    and with `per_type` every type the gold has (baseline support > 0).

    A compared F1 that drops by more than `max_drop` is a regression. The line
    reads e.g. "REGRESSION: seqeval_strict micro F1 0.812 -> 0.790 (-0.022 > 0.000)".
    Raises RecordError when either record lacks the metric.
    """
    if metric not in F1_METRICS:
        raise ValueError(f"unknown metric {metric!r}; expected one of {', '.join(F1_METRICS)}")
    if max_drop < 0:
        raise ValueError(f"max_drop must be >= 0, got {max_drop}")
    base_block, cand_block = baseline.metric(metric), candidate.metric(metric)
    compared = [Delta(metric, "micro", baseline.f1(metric) or 0.0, candidate.f1(metric) or 0.0)]
    if per_type:
        for label in LABELS:
            scores = base_block.get("per_type", {}).get(label) or {}
            if not scores.get("support"):
                continue  # the gold has no such mention: nothing to regress on
            cand_scores = cand_block.get("per_type", {}).get(label) or {}
            compared.append(Delta(metric, label, float(scores.get("f1") or 0.0), float(cand_scores.get("f1") or 0.0)))

    def change(d: Delta) -> float:  # both sides are numbers here (`or 0.0` above)
        assert d.delta is not None
        return d.delta

    dropped = [d for d in compared if -change(d) > max_drop + _EPSILON]
    limit = fmt_score(max_drop)
    if dropped:
        parts = [
            f"{_name(d)} {fmt_score(d.before)} -> {fmt_score(d.after)} ({fmt_delta(change(d))} > {limit})"
            for d in dropped
        ]
        return Verdict(False, f"REGRESSION: {metric} " + "; ".join(parts), tuple(compared), tuple(dropped))
    head = compared[0]
    line = f"OK: {metric} micro F1 {fmt_score(head.before)} -> {fmt_score(head.after)} ({fmt_delta(change(head))})"
    if per_type and len(compared) > 1:
        line += ", " + ", ".join(f"{d.scope} {fmt_delta(change(d))}" for d in compared[1:])
    line += f"; no F1 drop > {limit}"
    return Verdict(True, line, tuple(compared), ())
