"""Builders of synthetic run records for the leaderboard, compare and report tests.

The synthetic corpus is three short Arabic finance sentences written for
these tests (not taken from any annotated source), with their gold spans found
by surface text. A record is built the way `bench run` builds one: predictions
-> benchmark.scoring.evaluate -> the record dict of docs/run-record.md.

`install_as_seed(tmp_path, corpus)` writes the corpus as seeds/ + annotations/
under a directory used as BENCH_HOME, so CLI tests load it as the current
"seed" gold without touching the project's own files.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmark.corpora.documents import Corpus, make_corpus, sha256_text
from benchmark.io import write_json_atomic
from benchmark.types import Document, MoneyValue, Predictions, Span

N_RESAMPLES = 200  # keep the tests fast

# (document id, text, [(surface, label, occurrence, value)])
_DOCUMENTS = [
    (
        "synth-1",
        "أعلنت شركة أرامكو السعودية في الرياض عن صفقة بقيمة 3 مليارات دولار مع بنك الخليج.",
        [
            ("شركة أرامكو السعودية", "ORG", 0, None),
            ("الرياض", "LOC", 0, None),
            ("3 مليارات دولار", "MONEY", 0, MoneyValue(3e9, 3e9, "USD")),
            ("بنك الخليج", "ORG", 0, None),
        ],
    ),
    (
        "synth-2",
        "وقعت وزارة المالية المصرية اتفاقا مع صندوق النقد الدولي بقيمة 500 مليون دولار في القاهرة.\n"
        "وقال البنك المركزي إن الاستثمارات في مصر ستصل إلى 2 مليار يورو.",
        [
            ("وزارة المالية المصرية", "ORG", 0, None),
            ("صندوق النقد الدولي", "ORG", 0, None),
            ("500 مليون دولار", "MONEY", 0, MoneyValue(5e8, 5e8, "USD")),
            ("القاهرة", "LOC", 0, None),
            ("البنك المركزي", "ORG", 0, None),
            ("مصر", "LOC", 1, None),  # occurrence 0 is inside "المصرية"
            ("2 مليار يورو", "MONEY", 0, MoneyValue(2e9, 2e9, "EUR")),
        ],
    ),
    (
        "synth-3",
        "افتتحت مجموعة الاتصالات مكتبا جديدا في دبي وأبوظبي باستثمار قدره 40 مليون درهم.",
        [
            ("مجموعة الاتصالات", "ORG", 0, None),
            ("دبي", "LOC", 0, None),
            ("أبوظبي", "LOC", 0, None),  # the proclitic و stays outside the span
            ("40 مليون درهم", "MONEY", 0, MoneyValue(4e7, 4e7, "AED")),
        ],
    ),
]


def find_span(text: str, surface: str, label: str, occurrence: int = 0, value: MoneyValue | None = None) -> Span:
    """The span of the `occurrence`-th appearance of `surface` in `text`."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return Span(start, start + len(surface), label, surface, value)


def synthetic_documents() -> list[Document]:
    docs = []
    for doc_id, text, mentions in _DOCUMENTS:
        spans = tuple(sorted(find_span(text, *m) for m in mentions))
        docs.append(Document(doc_id, text, spans))
    return docs


def synthetic_corpus(name: str = "seed") -> Corpus:
    return make_corpus(name, synthetic_documents())


def gold_predictions(corpus: Corpus) -> Predictions:
    """A perfect extractor: the gold spans, values included."""
    return {doc.id: list(doc.spans) for doc in corpus.documents}


def text_of(corpus: Corpus, doc_id: str) -> str:
    return next(doc.text for doc in corpus.documents if doc.id == doc_id)


def without(predictions: Predictions, doc_id: str, surface: str) -> Predictions:
    """A copy of `predictions` without the span(s) whose text is `surface`."""
    out = {d: list(spans) for d, spans in predictions.items()}
    out[doc_id] = [s for s in out[doc_id] if s.text != surface]
    return out


def replaced(
    predictions: Predictions, corpus: Corpus, doc_id: str, surface: str, new_surface: str, label: str | None = None
) -> Predictions:
    """A copy where the span `surface` becomes `new_surface` (a boundary error)
    and/or gets `label` (a type error)."""
    out = without(predictions, doc_id, surface)
    old = next(s for s in predictions[doc_id] if s.text == surface)
    new = find_span(text_of(corpus, doc_id), new_surface, label or old.label, value=old.value)
    out[doc_id] = sorted(out[doc_id] + [new])
    return out


def added(predictions: Predictions, corpus: Corpus, doc_id: str, surface: str, label: str) -> Predictions:
    """A copy with one more (spurious) prediction."""
    out = {d: list(spans) for d, spans in predictions.items()}
    out[doc_id] = sorted(out[doc_id] + [find_span(text_of(corpus, doc_id), surface, label)])
    return out


def make_record(
    corpus: Corpus,
    predictions: Predictions,
    model: str = "model-a",
    *,
    created: str = "2026-11-28T04:00:00+00:00",
    revision: str = "sha256:" + "ab" * 32,
    reference: dict | None = None,
    words_per_s: float = 1234.5,
    n_resamples: int = N_RESAMPLES,
) -> dict:
    """A schema-1 run record as `bench run` writes it."""
    from benchmark.scoring import evaluate

    metrics = evaluate(list(corpus.documents), predictions, n_resamples=n_resamples, seed=0)
    return {
        "schema_version": 1,
        "created": created,
        "model": {
            "name": model,
            "slug": model,
            "kind": "callable",
            "source": f"tests:{model}",
            "revision": revision,
            "card": {"name": model},
            "reference": reference,
        },
        "corpus": {
            "name": corpus.name,
            "documents": len(corpus.documents),
            "spans": corpus.n_spans,
            "sha256": corpus.sha256,
        },
        "environment": {
            "python": "3.11",
            "torch": None,
            "transformers": None,
            "seqeval": "1.2.2",
            "benchmark": "0.1.0",
            "git_commit": None,
            "device": "cpu",
        },
        "timing": {"load_s": 0.0, "predict_s": 0.1, "score_s": 0.1, "words": 100, "words_per_s": words_per_s},
        "repairs": {"invalid_tags": 0, "rule": "none"},
        "metrics": metrics,
        "predictions": {doc_id: [s.to_json() for s in spans] for doc_id, spans in predictions.items()},
    }


def write_record(directory: Path, record: dict, name: str | None = None) -> Path:
    path = Path(directory) / f"{name or record['model']['slug']}.json"
    write_json_atomic(path, record)
    return path


def install_as_seed(home: Path, corpus: Corpus) -> Path:
    """Write `corpus` as BENCH_HOME's seeds/ and annotations/; returns home."""
    (home / "seeds").mkdir(parents=True, exist_ok=True)
    (home / "annotations").mkdir(parents=True, exist_ok=True)
    (home / "results").mkdir(parents=True, exist_ok=True)
    for doc in corpus.documents:
        (home / "seeds" / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8", newline="")
        annotation = {
            "document": f"{doc.id}.txt",
            "text_sha256": sha256_text(doc.text),
            "spans": [s.to_json() for s in doc.spans],
        }
        (home / "annotations" / f"{doc.id}.json").write_text(
            json.dumps(annotation, ensure_ascii=False), encoding="utf-8"
        )
    return home
