"""Building run records (docs/run-record.md); the prediction cache is prediction_cache.py.

A record holds everything needed to explain and reproduce a score: the model
and its revision, the corpus hash, the environment, timings, metrics and the
predictions themselves (so `bench score` never has to run the model again).
"""

from __future__ import annotations

import platform
import subprocess
from datetime import datetime, timezone
from importlib import metadata

from ..corpora.documents import Corpus
from ..paths import project_root
from ..extractors.cards import Card
from .record_read import SCHEMA_VERSION  # one definition for writer and readers
from ..types import Predictions, Span


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def git_state() -> tuple[str | None, bool | None]:
    """(the checkout's commit, whether tracked files differ from it), or
    (None, None) outside a git checkout. Untracked files do not count, and
    neither do run records under results/: they are this command's outputs,
    not inputs, so refreshing several records in a row from one clean commit
    keeps each of them clean."""
    try:
        root = project_root()
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, timeout=5)
        if commit.returncode != 0:
            return None, None
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)results"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=5,
        )
        dirty = bool(status.stdout.strip()) if status.returncode == 0 else None
        return commit.stdout.strip(), dirty
    except (OSError, subprocess.SubprocessError):
        return None, None


def environment(device: str | None) -> dict:
    """Versions of what produced the numbers. torch/transformers are reported
    from package metadata, so a rules run does not import them."""
    from .._version import __version__

    commit, dirty = git_state()
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "torch": _version("torch"),
        "transformers": _version("transformers"),
        "seqeval": _version("seqeval"),
        "benchmark": __version__,
        "git_commit": commit,  # the bare hash
        "git_dirty": dirty,  # true: the tree had uncommitted changes to tracked files
        "device": device,
    }


def corpus_info(corpus: Corpus) -> dict:
    return {
        "name": corpus.name,
        "documents": len(corpus.documents),
        "spans": corpus.n_spans,
        "sha256": corpus.sha256,
        "texts_sha256": corpus.texts_sha256,
    }


def predictions_to_json(predictions: Predictions) -> dict:
    return {doc_id: [s.to_json() for s in sorted(spans)] for doc_id, spans in sorted(predictions.items())}


def fill_money_values(predictions: Predictions) -> Predictions:
    """Give every predicted MONEY span a value, read by the benchmark's parser
    when the extractor did not supply one (its reading is then scored)."""
    from ..extractors.rules.money.parser import parse_money

    out: Predictions = {}
    for doc_id, spans in predictions.items():
        out[doc_id] = [
            Span(s.start, s.end, s.label, s.text, parse_money(s.text)) if s.label == "MONEY" and s.value is None else s
            for s in spans
        ]
    return out


def build_record(
    *,
    card: Card,
    model_name: str,
    slug: str,
    revision: str,
    corpus: Corpus,
    predictions: Predictions,
    metrics: dict,
    timing: dict,
    device: str | None,
    repairs: dict | None = None,
    label_map_used: dict | None = None,
    preprocessing_used: dict | None = None,
    inference: dict | None = None,
    corpus_spec: dict | None = None,
) -> dict:
    """The run record of docs/run-record.md. `corpus_spec` ({"spec", "split"})
    says how to load the corpus again (bench score, report, check)."""
    model = {
        "name": model_name,
        "slug": slug,
        "kind": card.kind,
        "source": card.card_path or card.source or card.extractor or model_name,
        "revision": revision,
        "card": card.to_dict(),
        "reference": card.to_dict().get("reference"),
    }
    if label_map_used is not None:
        model["label_map_used"] = label_map_used
    if preprocessing_used is not None:
        model["preprocessing_used"] = preprocessing_used
    return {
        "schema_version": SCHEMA_VERSION,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "model": model,
        "corpus": {**corpus_info(corpus), **(corpus_spec or {})},
        "environment": environment(device),
        "timing": timing,
        "repairs": repairs or {"invalid_tags": 0},
        "inference": inference or {},
        "metrics": metrics,
        "predictions": predictions_to_json(predictions),
    }
