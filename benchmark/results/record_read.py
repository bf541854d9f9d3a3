"""Reading run records (docs/run-record.md) for the leaderboard, compare,
check and report commands.

A run record is the only thing these commands read besides the current gold:
they never run a model. Every problem with a record (not JSON, another
schema_version, a missing field, a prediction that does not fit) raises
`RecordError` with a one-line message that starts with the file name, so the
CLI can print it as is and exit 2 ("unusable input").
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from ..corpora.documents import Corpus, CorpusError
from ..errors import InputError
from ..types import LABELS, Predictions, Span

# The run-record layout these readers understand (docs/run-record.md).
SCHEMA_VERSION = 1

# Metric families of the record whose shape is {"overall": {...f1...}, "per_type": {...}}.
F1_METRICS: tuple[str, ...] = ("seqeval_strict", "seqeval_default", "span_exact", "span_lenient", "span_partial")
# The fields of a P/R/F1 block that must be numbers.
SCORE_FIELDS = ("precision", "recall", "f1", "support")


def predictions_from_json(data: dict) -> Predictions:
    """A record's (or the prediction cache's) "predictions" object as Spans."""
    return {doc_id: [Span.from_json(s) for s in spans] for doc_id, spans in data.items()}


class RecordError(InputError):
    """A run record is unusable; the message names the file and the problem."""


class UntrustedRecord(RecordError):
    """A record whose numbers cannot be trusted (NaN, Infinity, a string where
    a score belongs, stored metrics its predictions do not reproduce). Unlike
    a file that is not a record at all, it is never skipped with a note: every
    command that meets one refuses to go on (exit 2)."""


@dataclass(frozen=True)
class RunRecord:
    """One run record as read from disk: where it came from and its JSON."""

    source: str  # file path (or "<name>" for an in-memory record), used in every message
    data: dict

    @property
    def model_name(self) -> str:
        return self.data["model"]["name"]

    @property
    def corpus_name(self) -> str:
        return self.data["corpus"]["name"]

    @property
    def corpus_sha256(self) -> str:
        return self.data["corpus"]["sha256"]

    @property
    def created(self) -> str:
        return str(self.data.get("created") or "")

    def metric(self, name: str) -> dict:
        """The record's metrics[name], or RecordError naming the file."""
        try:
            block = self.data["metrics"][name]
        except KeyError:
            raise RecordError(f"{self.source}: metrics has no {name!r} block") from None
        if name in F1_METRICS and not isinstance(block.get("overall"), dict):
            raise RecordError(f"{self.source}: metrics.{name} has no 'overall' scores")
        return block

    def f1(self, metric: str, label: str | None = None) -> float | None:
        """Micro F1 (label None) or one type's F1 under `metric`; None when the
        record has no score for that type (e.g. a type absent from the gold)."""
        block = self.metric(metric)
        scores = block["overall"] if label is None else block.get("per_type", {}).get(label)
        if not scores or scores.get("f1") is None:
            return None
        return float(scores["f1"])

    def predictions(self) -> Predictions:
        """Stored predictions as Spans (validated when the record was loaded)."""
        return predictions_from_json(self.data["predictions"])


def _need(data: dict, dotted: str, kind: type, source: str):
    node = data
    for key in dotted.split("."):
        if not isinstance(node, dict) or key not in node:
            raise RecordError(f"{source}: not a usable run record: missing {dotted!r}")
        node = node[key]
    if not isinstance(node, kind):
        raise RecordError(f"{source}: {dotted!r} must be a {kind.__name__}, found {type(node).__name__}")
    return node


def _check_predictions(predictions: dict, source: str) -> None:
    for doc_id, spans in predictions.items():
        if not isinstance(spans, list):
            raise RecordError(f"{source}: predictions[{doc_id!r}] must be a list of spans")
        for i, span in enumerate(spans):
            try:
                parsed = Span.from_json(span)
            except (KeyError, TypeError, ValueError, AttributeError) as err:
                raise RecordError(f"{source}: predictions[{doc_id!r}][{i}] is not a span ({err})") from None
            if parsed.start < 0 or parsed.end <= parsed.start:
                raise RecordError(f"{source}: predictions[{doc_id!r}][{i}]: bad offsets [{parsed.start}, {parsed.end})")
            if parsed.label not in LABELS:
                raise RecordError(
                    f"{source}: predictions[{doc_id!r}][{i}]: label {parsed.label!r} is not one of {', '.join(LABELS)}"
                )


def _check_metric_shapes(metrics: dict, source: str) -> None:
    """The metric families, their overall/per_type/ci95 blocks and per-type
    scores are objects, so every reader can walk them (their numbers are
    check_numbers' job)."""
    for family in F1_METRICS:
        block = metrics.get(family)
        if block is None:
            continue
        if not isinstance(block, dict):
            raise RecordError(f"{source}: metrics.{family} must be an object, found {type(block).__name__}")
        for key in ("overall", "per_type", "ci95"):
            if block.get(key) is not None and not isinstance(block[key], dict):
                raise RecordError(
                    f"{source}: metrics.{family}.{key} must be an object, found {type(block[key]).__name__}"
                )
        for label, scores in (block.get("per_type") or {}).items():
            if scores is not None and not isinstance(scores, dict):
                raise RecordError(f"{source}: metrics.{family}.per_type.{label} must be an object")


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _walk(node, path: str):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}[{i}]")
    else:
        yield path, node


def _score_paths(metrics: dict):
    """(path, value) of every field that must be a number (or null)."""
    for name in F1_METRICS:
        block = metrics.get(name)
        if not isinstance(block, dict):
            continue
        scopes = [("overall", block.get("overall"))]
        scopes += [(f"per_type.{label}", scores) for label, scores in (block.get("per_type") or {}).items()]
        for scope, scores in scopes:
            if not isinstance(scores, dict):
                yield f"metrics.{name}.{scope}", scores
                continue
            for field in SCORE_FIELDS:
                yield f"metrics.{name}.{scope}.{field}", scores.get(field)
        yield f"metrics.{name}.macro_f1", block.get("macro_f1")
        ci = block.get("ci95")
        if isinstance(ci, dict):
            for field in ("low", "high", "n_resamples", "seed"):
                yield f"metrics.{name}.ci95.{field}", ci.get(field)
    money = metrics.get("money_values")
    if isinstance(money, dict):
        for field in ("matched", "correct", "accuracy"):
            yield f"metrics.money_values.{field}", money.get(field)
    confusion = metrics.get("confusion")
    if isinstance(confusion, dict):
        yield from _walk(confusion, "metrics.confusion")  # counts, every one


def check_numbers(metrics: dict, source: str) -> None:
    """UntrustedRecord naming the file and the metric when any number under
    `metrics` is NaN or Infinity, or a score field is not a number. Run on
    every record as it is read (record_from_dict)."""
    try:
        json.dumps(metrics, allow_nan=False)  # the fast check; the walk below only names the place
        finite = True
    except ValueError:
        finite = False
    for path, value in [] if finite else _walk(metrics, "metrics"):
        if isinstance(value, float) and not math.isfinite(value):
            raise UntrustedRecord(f"{source}: {path} is {value!r}, not a finite number; the record cannot be trusted")
    for path, value in _score_paths(metrics):
        if value is not None and not is_number(value):
            raise UntrustedRecord(f"{source}: {path} is {value!r}, not a finite number; the record cannot be trusted")


def record_from_dict(data, source: str = "<record>") -> RunRecord:
    """Check the structure every reader relies on and wrap it."""
    if not isinstance(data, dict):
        raise RecordError(f"{source}: not a run record (expected a JSON object)")
    if "schema_version" not in data:
        raise RecordError(f"{source}: not a run record (no schema_version)")
    version = data["schema_version"]
    if version != SCHEMA_VERSION:
        raise RecordError(
            f"{source}: schema_version {version!r}, this benchmark reads {SCHEMA_VERSION}; "
            "re-run `bench run` (or `bench score`) with this version"
        )
    _need(data, "model.name", str, source)
    _need(data, "corpus.name", str, source)
    _need(data, "corpus.sha256", str, source)
    metrics = _need(data, "metrics", dict, source)
    _check_metric_shapes(metrics, source)
    check_numbers(metrics, source)
    for dotted in ("metrics.money_values", "timing"):  # optional, but objects when present
        parent, _, key = dotted.rpartition(".")
        node = data.get(parent, {}) if parent else data
        if node.get(key) is not None and not isinstance(node[key], dict):
            raise RecordError(f"{source}: {dotted!r} must be an object, found {type(node[key]).__name__}")
    _check_predictions(_need(data, "predictions", dict, source), source)
    return RunRecord(source, data)


def load_record(path: Path | str) -> RunRecord:
    """Read and check one run record file."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise RecordError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise RecordError(f"{path}: is a directory, expected a run record (.json)") from None
    except UnicodeDecodeError as err:
        raise RecordError(f"{path}: not UTF-8 ({err.reason} at byte {err.start})") from None
    except json.JSONDecodeError as err:
        raise RecordError(f"{path}: line {err.lineno}: invalid JSON: {err.msg}") from None
    return record_from_dict(data, str(path))


def as_record(value, what: str = "record") -> RunRecord:
    """A RunRecord from a path, a dict or a RunRecord (for the Python API)."""
    if isinstance(value, RunRecord):
        return value
    if isinstance(value, dict):
        return record_from_dict(value, f"<{what}>")
    return load_record(value)


def load_results(results_dir: Path | str) -> tuple[list[RunRecord], list[str]]:
    """Every run record under `results_dir` (**/*.json, sorted), and one note
    per file that could not be used (so a leaderboard shows what it left out)."""
    results_dir = Path(results_dir)
    if not results_dir.is_dir():
        raise RecordError(f"{results_dir}: no such results directory")
    records, skipped = [], []
    # `bench run` writes results/<model>.json for the seed corpus and
    # results/<corpus>/<model>.json for the others.
    paths = sorted(
        p
        for p in results_dir.rglob("*.json")
        if not any(part.startswith(".") for part in p.relative_to(results_dir).parts)
    )
    for path in paths:
        try:
            records.append(load_record(path))
        except UntrustedRecord:
            raise  # never ranked, never left out quietly: the whole command refuses
        except RecordError as err:
            skipped.append(str(err))
    return records, skipped


# --- the current gold ---------------------------------------------------------


def corpus_spec(record: RunRecord) -> tuple[str, str | None]:
    """How to load the gold a record was scored on: (spec for
    corpus.load_corpus, split). `bench run` stores both in the record; older
    records only have the corpus name ("seed", "news-test")."""
    corpus = record.data["corpus"]
    if corpus.get("spec"):
        return str(corpus["spec"]), corpus.get("split")
    name = record.corpus_name
    if name.startswith("news-"):
        return "news", name[len("news-") :]
    return name, None


def load_gold(record: RunRecord, corpus_dir: Path | None = None) -> Corpus:
    """The current version of the gold `record` was scored on, loaded the way
    `bench run` loads it; CorpusError when this checkout cannot load it (the
    news texts are not there, a CoNLL file moved)."""
    from ..corpora.corpus import load_corpus

    spec, split = corpus_spec(record)
    label_map = None
    if spec.startswith("conll:"):  # an external corpus's types map through the model card
        from ..extractors.cards import gold_label_map

        label_map = gold_label_map(record.data["model"].get("card") or {"kind": "rules"})
    return load_corpus(spec, corpus_dir=corpus_dir, label_map=label_map, split=split)


def try_load_gold(record: RunRecord, corpus_dir: Path | None = None) -> tuple[Corpus | None, str | None]:
    """(corpus, None) or (None, why the current gold could not be loaded).
    Gold that `bench validate` rejects is not "absent": its DataError propagates."""
    try:
        return load_gold(record, corpus_dir), None
    except CorpusError as err:
        return None, str(err)
    except (OSError, ValueError, KeyError) as err:  # a loader's own I/O or config problem
        return None, f"corpus {record.corpus_name!r}: {err}"


def check_against_gold(record: RunRecord, gold: Corpus) -> None:
    """RecordError unless `record` was scored on exactly this gold and its
    predictions fit the gold's documents."""
    if record.corpus_name != gold.name or record.corpus_sha256 != gold.sha256:
        raise RecordError(
            f"{record.source}: scored on corpus {record.corpus_name!r} sha256 {record.corpus_sha256[:12]}, "
            f"the current gold is {gold.name!r} sha256 {gold.sha256[:12]}; "
            "re-score it with `bench score` or re-run `bench run`"
        )
    texts = {doc.id: doc.text for doc in gold.documents}
    for doc_id, spans in record.data["predictions"].items():
        if doc_id not in texts:
            raise RecordError(f"{record.source}: predictions for document {doc_id!r}, which the gold does not have")
        for i, span in enumerate(spans):
            if int(span["end"]) > len(texts[doc_id]):
                raise RecordError(
                    f"{record.source}: predictions[{doc_id!r}][{i}] ends at {span['end']}, "
                    f"past the end of the document ({len(texts[doc_id])} characters)"
                )


def check_same_corpus(a: RunRecord, b: RunRecord) -> None:
    """RecordError unless both records were scored on the same gold version."""
    if a.corpus_name != b.corpus_name:
        raise RecordError(
            f"{b.source}: corpus {b.corpus_name!r}, but {a.source} is on corpus {a.corpus_name!r}; "
            "only runs on the same corpus can be compared"
        )
    if a.corpus_sha256 != b.corpus_sha256:
        raise RecordError(
            f"{b.source}: corpus {b.corpus_name!r} sha256 {b.corpus_sha256[:12]}, but {a.source} has "
            f"sha256 {a.corpus_sha256[:12]} (another gold version); re-score both on the current gold"
        )


def aligned_predictions(record: RunRecord, gold: Corpus) -> Predictions:
    """The record's predictions with an (empty) entry for every gold document,
    so scoring functions see the documents a model found nothing in."""
    stored = record.predictions()
    return {doc.id: stored.get(doc.id, []) for doc in gold.documents}
