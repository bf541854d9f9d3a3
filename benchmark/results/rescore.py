"""Never trust stored numbers: every command that reads a run record
(`check`, `compare`, `leaderboard`, `report`) re-scores the record's stored
predictions against the current gold, as `bench score` does, and uses only
the recomputed metrics.

A record is refused (`RecordError`, exit 2, one line naming the file and the
metric) when

  * any number in its `metrics` is NaN or Infinity, or a score field holds
    something that is not a number (`record_read.check_numbers`, run on every
    record as it is read), or
  * its stored metrics differ from the recomputation (`verified`): edited by
    hand, or written by another scorer (`bench score --update` refreshes it).

Recomputing costs seconds (seqeval pulls in scikit-learn), so results are kept
in a cache under $BENCH_CACHE/scores/ (and gold that passed validation under
$BENCH_CACHE/gold/, see corpora.validate.require_valid; benchmark.diskcache): one JSON file per key, the sha256 of
(the stored predictions, the gold's sha256, the scorer's code and library
versions, the resampling settings). A changed input gives another key, an
entry is used only when the key inside it matches its name, and the folder
can be deleted at any time. This module imports the scorer only on a cache
miss, so a warm `bench leaderboard` never loads seqeval.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..corpora.documents import Corpus
from ..diskcache import cache_get, cache_put, payload_key
from .record_read import RecordError, RunRecord, UntrustedRecord, check_against_gold, is_number

# The benchmark modules `benchmark.scoring.evaluate` runs (checked by
# tests/test_trust.py against what importing benchmark.scoring loads), and the
# libraries whose versions can change a score.
_PACKAGE = Path(__file__).resolve().parent.parent
SCORER_MODULES = ("tokenize.py", "tagging.py", "types.py")
SCORER_LIBRARIES = ("seqeval", "numpy", "regex", "emoji")

# Bounds on the stored resampling settings that a re-score will honour: a
# hand-edited n_resamples of 10**9 must not hang the leaderboard.
MAX_RESAMPLES = 100_000

# Relative tolerance of "the same number": JSON keeps floats exactly, so this
# only absorbs summation order on another platform.
_TOLERANCE = 1e-9


# --- the cache key -------------------------------------------------------------------


@lru_cache(maxsize=1)
def scorer_revision() -> str:
    """sha256 over the scorer's source files and its libraries' versions."""
    digest = hashlib.sha256()
    paths = sorted((_PACKAGE / "scoring").glob("*.py")) + [_PACKAGE / name for name in SCORER_MODULES]
    for path in paths:
        digest.update(path.name.encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    for library in SCORER_LIBRARIES:
        try:
            version = metadata.version(library)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"{library}={version}\0".encode())
    return digest.hexdigest()


def predictions_sha256(record: RunRecord) -> str:
    """sha256 of the record's stored predictions, as canonical JSON."""
    text = json.dumps(record.data["predictions"], sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_key(payload: dict) -> str:
    """The cache key of a computation: sha256 of its inputs and the scorer's code."""
    return payload_key({**payload, "scorer": scorer_revision()})


# --- numbers a record may hold -----------------------------------------------------------


def _resampling(record: RunRecord) -> tuple[int, int]:
    """(n_resamples, seed) of the stored confidence interval, as `bench score` reads them."""
    ci = (record.data["metrics"].get("seqeval_strict") or {}).get("ci95") or {}
    n_resamples, seed = ci.get("n_resamples", 1000), ci.get("seed", 0)
    valid = (
        isinstance(n_resamples, int)
        and not isinstance(n_resamples, bool)
        and 0 <= n_resamples <= MAX_RESAMPLES
        and isinstance(seed, int)
        and not isinstance(seed, bool)
    )
    if not valid:
        raise RecordError(
            f"{record.source}: metrics.seqeval_strict.ci95 has n_resamples {n_resamples!r} and "
            f"seed {seed!r}; expected integers, 0 <= n_resamples <= {MAX_RESAMPLES}"
        )
    return n_resamples, seed


# --- recomputation ---------------------------------------------------------------------


def recomputed_metrics(record: RunRecord, gold: Corpus) -> dict:
    """The metrics of the record's stored predictions against `gold`, with the
    record's own resampling settings (cached)."""
    n_resamples, seed = _resampling(record)
    key = cache_key(
        {
            "what": "metrics",
            "predictions": predictions_sha256(record),
            "gold": gold.sha256,
            "n_resamples": n_resamples,
            "seed": seed,
        }
    )
    cached = cache_get(key, "scores")
    if isinstance(cached, dict):
        return cached
    from ..scoring import evaluate  # seqeval and scikit-learn: only on a miss

    try:
        metrics = evaluate(list(gold.documents), record.predictions(), n_resamples=n_resamples, seed=seed)
    except ValueError as err:  # a stored prediction the scorer rejects
        raise RecordError(f"{record.source}: {err}") from None
    # Through JSON, so a hit and a miss return the very same values.
    metrics = json.loads(json.dumps(metrics))
    cache_put(key, metrics, "scores")
    return metrics


def _same(a, b) -> bool:
    if is_number(a) and is_number(b):
        return a == b or abs(a - b) <= _TOLERANCE * max(1.0, abs(a), abs(b))
    return type(a) is type(b) and a == b


def first_difference(stored, fresh, path: str = "metrics") -> tuple[str, object, object] | None:
    """(path, stored value, recomputed value) of the first place where the two
    metric objects differ, or None. A key the scorer no longer writes, or does
    not write yet, counts as a difference."""
    if isinstance(fresh, dict):
        if not isinstance(stored, dict):
            return path, stored, "an object"
        for key in fresh:
            if key not in stored:
                return f"{path}.{key}", "missing", fresh[key]
            found = first_difference(stored[key], fresh[key], f"{path}.{key}")
            if found:
                return found
        extra = sorted(set(stored) - set(fresh), key=str)
        return (f"{path}.{extra[0]}", stored[extra[0]], "not computed by this scorer") if extra else None
    if isinstance(fresh, list):
        if not isinstance(stored, list) or len(stored) != len(fresh):
            size = len(stored) if isinstance(stored, list) else stored
            return f"{path} (entries)", size, len(fresh)
        for i, (s, f) in enumerate(zip(stored, fresh)):
            found = first_difference(s, f, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if _same(stored, fresh) else (path, stored, fresh)


def _show(value) -> str:
    if is_number(value) and isinstance(value, float):
        return f"{value:.6g}"
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= 60 else text[:57] + "..."


def verified(record: RunRecord, gold: Corpus) -> RunRecord:
    """The record with its metrics recomputed from its stored predictions
    against `gold`. RecordError (one line: file, metric, both values) when the
    record was not scored on this gold, holds a non-finite or non-numeric
    score, or its stored metrics differ from the recomputation."""
    check_against_gold(record, gold)
    fresh = recomputed_metrics(record, gold)
    found = None if record.data["metrics"] == fresh else first_difference(record.data["metrics"], fresh)
    if found is not None:
        path, stored, recomputed = found
        raise UntrustedRecord(
            f"{record.source}: {path} is {_show(stored)}, but its stored predictions score {_show(recomputed)} "
            "against the current gold; the stored metrics were edited or come from another scorer "
            "(re-score with `bench score RUN.json --update`)"
        )
    return RunRecord(record.source, {**record.data, "metrics": fresh})


def paired_test(
    gold: Corpus, a: RunRecord, b: RunRecord, *, metric: str = "seqeval_strict", n_resamples: int = 1000, seed: int = 0
) -> dict:
    """compare.paired_test of B against A on `gold` (cached): {"delta",
    "p_value", "n_resamples", "unit", ...}."""
    key = cache_key(
        {
            "what": "paired",
            "a": predictions_sha256(a),
            "b": predictions_sha256(b),
            "gold": gold.sha256,
            "metric": metric,
            "n_resamples": n_resamples,
            "seed": seed,
        }
    )
    cached = cache_get(key, "scores")
    if isinstance(cached, dict):
        return cached
    from .compare import paired_test as run_test
    from .record_read import aligned_predictions

    try:
        result = run_test(
            gold,
            aligned_predictions(a, gold),
            aligned_predictions(b, gold),
            metric=metric,
            n_resamples=n_resamples,
            seed=seed,
        )
    except ValueError as err:  # a stored prediction the scorer rejects
        raise RecordError(f"{a.source} / {b.source}: {err}") from None
    result = json.loads(json.dumps(result))
    cache_put(key, result, "scores")
    return result
