"""Gold and predictions made ready for every metric: tokens, tags, units.

Tokens: a document's own (`Document.tokens`: a CoNLL corpus is scored on the
file's tokens, as published CoNLL scores are) or else the benchmark
tokenization of its text; gold and predicted spans are projected onto them.

The gold side (tokens, resampling units, gold IOB2 tags) depends only on the
corpus, so it is computed once per call and the tokenization is cached per
text; the prediction side is checked here, so every metric can trust it.

Resampling units: the documents, or the sentences (tokenize.sentence_bounds)
when the corpus has a single document, so a one-article corpus still gets a
confidence interval. Units never change what seqeval sees (one sequence per
document); they only say which rows the bootstrap draws.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

import numpy as np

from ..tagging import TokenIndex, spans_to_tags
from ..tokenize import sentence_bounds, tokenize
from ..types import LABELS, Document, Span, Token


@lru_cache(maxsize=1024)
def _tokens_and_sentences(text: str) -> tuple[tuple[Token, ...], tuple[tuple[int, int], ...]]:
    tokens = tokenize(text)
    return tuple(tokens), tuple(sentence_bounds(text, tokens))


def _scoring_tokens(doc: Document) -> tuple[tuple[Token, ...], tuple[tuple[int, int], ...]]:
    """The document's own tokens (a CoNLL file's, see Document.tokens) or the
    benchmark tokenization of its text, with their sentences."""
    if doc.tokens is None:
        return _tokens_and_sentences(doc.text)
    return doc.tokens, tuple(sentence_bounds(doc.text, list(doc.tokens)))


@dataclass(frozen=True)
class GoldDocument:
    document: Document
    tokens: tuple[Token, ...]
    token_index: TokenIndex  # of `tokens`
    unit_of_token: np.ndarray  # global unit id of each token
    first_unit: int  # the unit of a span that touches no token
    spans: tuple[Span, ...]  # gold spans, sorted, duplicates removed
    tags: list[str]  # IOB2 projection of `spans`

    def unit_of(self, span: Span) -> int:
        """The unit of the first token the span overlaps (the nearest token
        when it overlaps none)."""
        if not self.tokens:
            return self.first_unit
        first, _ = self.token_index.token_range(span.start, span.end)
        return int(self.unit_of_token[min(first, len(self.tokens) - 1)])


@dataclass(frozen=True)
class GoldCorpus:
    documents: tuple[GoldDocument, ...]
    n_units: int
    unit: str  # "document" or "sentence"


@dataclass(frozen=True)
class PredictedDocument:
    spans: tuple[Span, ...]  # sorted, duplicates removed
    tags: list[str]


def unique_sorted(spans) -> tuple[Span, ...]:
    """Spans sorted by (start, end, label), exact duplicates dropped (a
    duplicate is the same entity said twice, not a second entity)."""
    return tuple(sorted(set(spans)))


def _check_spans(doc: Document, spans: Sequence[Span], side: str) -> None:
    for number, span in enumerate(spans):
        where = f"{side} span {number} of document {doc.id!r} ({span.start}, {span.end}, {span.label!r})"
        if not isinstance(span, Span):
            raise ValueError(f"{side} of document {doc.id!r}: item {number} is a {type(span).__name__}, not a Span")
        if span.label not in LABELS:
            raise ValueError(
                f"{where}: label {span.label!r} is not one of {', '.join(LABELS)}; "
                "map model labels through the model card before scoring"
            )
        if not 0 <= span.start < span.end <= len(doc.text):
            raise ValueError(f"{where}: offsets outside the text (length {len(doc.text)}) or empty")
        if span.text and span.text != doc.text[span.start : span.end]:
            raise ValueError(
                f"{where}: text {span.text!r} differs from the document's "
                f"{doc.text[span.start : span.end]!r} (offsets shifted?)"
            )


def prepare_gold(documents: Sequence[Document]) -> GoldCorpus:
    by_sentence = len(documents) == 1
    prepared: list[GoldDocument] = []
    seen: set[str] = set()
    next_unit = 0
    for doc in documents:
        if doc.id in seen:
            raise ValueError(f"document id {doc.id!r} occurs twice in the corpus")
        seen.add(doc.id)
        _check_spans(doc, doc.spans, "gold")
        tokens, sentences = _scoring_tokens(doc)
        unit_of_token = np.full(len(tokens), next_unit, dtype=np.int64)
        first_unit = next_unit
        if by_sentence and sentences:
            for number, (first, end) in enumerate(sentences):
                unit_of_token[first:end] = next_unit + number
            next_unit += len(sentences)
        else:
            next_unit += 1
        spans = unique_sorted(doc.spans)
        prepared.append(
            GoldDocument(
                doc, tokens, TokenIndex(tokens), unit_of_token, first_unit, spans, spans_to_tags(tokens, spans)
            )
        )
    return GoldCorpus(tuple(prepared), next_unit, "sentence" if by_sentence else "document")


def prepare_predictions(gold: GoldCorpus, predictions: Mapping[str, Sequence[Span]]) -> list[PredictedDocument]:
    """Predicted spans per gold document (a document without an entry has
    none). Raises ValueError for a label outside MONEY/ORG/LOC, bad offsets,
    or predictions for a document the corpus does not have."""
    known = {g.document.id for g in gold.documents}
    unknown = sorted(set(predictions) - known)
    if unknown:
        shown = ", ".join(repr(d) for d in unknown[:5]) + (" ..." if len(unknown) > 5 else "")
        raise ValueError(f"predictions for {len(unknown)} document(s) not in the corpus: {shown}")
    prepared = []
    for g in gold.documents:
        spans = list(predictions.get(g.document.id, ()))
        _check_spans(g.document, spans, "predicted")
        kept = unique_sorted(spans)
        prepared.append(PredictedDocument(kept, spans_to_tags(g.tokens, kept)))
    return prepared
