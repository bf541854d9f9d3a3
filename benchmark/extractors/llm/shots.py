"""Few-shot examples: chunks of the news corpus's dev split with their gold.

Examples come only from the news dev split (annotations/news/ + the texts in
--corpus-dir / $BENCH_NEWS_DIR), never from the corpus being scored, the news
test split or the seed gold. The extractor refuses a run whose documents
include an example's document (`check_disjoint`), so `--shots N` with N > 0
cannot score news dev.

Choice (deterministic): chunk every dev document with the run's chunk budget,
keep chunks of at most `max_chars` characters that hold at least one gold
span, and take the N that show the most entity types, then the most spans,
then the shortest text, at most one per document.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import InputError
from .chunking import chunk_document


@dataclass(frozen=True)
class Shot:
    document_id: str
    text: str
    entities: list[tuple[str, str]]  # gold (label, surface) in reading order


def select_shots(n: int, budget: int, corpus_dir=None, max_chars: int = 600) -> list[Shot]:
    if n <= 0:
        return []
    from ...corpora.documents import CorpusError
    from ...corpora.news import load_news

    try:
        dev = load_news(corpus_dir, "dev")
    except CorpusError as err:
        raise InputError(
            f"--shots {n}: the examples come from the news dev split, which cannot be loaded: {err}"
        ) from None
    candidates = []
    for doc in dev.documents:
        for chunk in chunk_document(doc.text, min(budget, max_chars)):
            spans = [s for s in doc.spans if chunk.start <= s.start and s.end <= chunk.end]
            if spans:
                entities = [(s.label, doc.text[s.start : s.end]) for s in sorted(spans)]
                rank = (-len({s.label for s in spans}), -len(spans), len(chunk.text), doc.id, chunk.index)
                candidates.append((rank, Shot(doc.id, chunk.text, entities)))
    shots: list[Shot] = []
    for _, shot in sorted(candidates, key=lambda c: c[0]):
        if len(shots) < n and all(s.document_id != shot.document_id for s in shots):
            shots.append(shot)
    if len(shots) < n:
        raise InputError(f"--shots {n}: the news dev split offers only {len(shots)} example chunks")
    return shots


def check_disjoint(shots: list[Shot], document_ids: set[str]) -> None:
    """Refuse to score a document that an example was taken from."""
    overlap = sorted({s.document_id for s in shots} & document_ids)
    if overlap:
        raise InputError(
            f"--shots {len(shots)}: the examples come from the news dev split, which is being scored "
            f"(document {overlap[0]}); use --shots 0 to score news dev"
        )
