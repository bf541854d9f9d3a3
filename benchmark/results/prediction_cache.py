"""The prediction cache: the predictions of a run, kept under
$BENCH_CACHE/predictions/ so that a re-run with the same inputs is not
re-predicted.

Keyed by model identity, resolved revision, the card's run-relevant config,
everything else that decides the predictions (extractors.prediction_inputs: the
card file's content, a user callable's code, every file of a local model
directory, the money parser that fills in values) and the hash of the corpus
texts. Predictions never see the gold, so a gold correction re-scores cached
predictions instead of re-running the model; any change to those inputs
gives a new key, so a stale entry is never reused. An entry also keeps the
run's inference statistics, so a record made from a cache hit still says
how the predictions were made.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from ..corpora.documents import Corpus
from ..extractors.cards import Card
from ..io import write_json_atomic
from ..paths import cache_dir
from ..types import Predictions
from .record_read import predictions_from_json
from .record_write import predictions_to_json


def cache_key(card: Card, revision: str, corpus: Corpus, options: dict, inputs: dict | None = None) -> str:
    relevant = {
        k: v for k, v in card.to_dict().items() if k not in ("description", "reference", "card_path", "build_hint")
    }
    payload = json.dumps(
        {
            "card": relevant,
            "revision": revision,
            "texts": corpus.texts_sha256,
            "options": options,
            "inputs": inputs or {},
        },
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def cache_path(key: str) -> Path:
    return cache_dir() / "predictions" / f"{key}.json"


def cache_load(key: str) -> tuple[Predictions, dict] | None:
    """(predictions, the metadata of the run that made them: "timing",
    "stats"), or None."""
    path = cache_path(key)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    try:
        predictions = predictions_from_json(data["predictions"])
    except (KeyError, TypeError, ValueError, AttributeError):  # a damaged entry is a miss
        return None
    return predictions, {"timing": data.get("timing") or {}, "stats": data.get("stats") or {}}


def cache_store(key: str, predictions: Predictions, meta: dict) -> None:
    try:
        write_json_atomic(cache_path(key), {"key": key, **meta, "predictions": predictions_to_json(predictions)})
    except OSError as err:  # a read-only cache must not fail the run
        print(f"note: prediction cache not written ({err})", file=sys.stderr)
