"""The `money-rules` baseline: the MONEY grammar of benchmark/extractors/rules/money/parser.py as an extractor.

It finds MONEY only (digits in all scripts, number words, scales, duals,
currencies with nationality adjectives, ranges; triggers, approximators and
proclitics outside the span), and fills each span's value. Each document is
read whole, so a bare "ريال"/"دينار" takes the country the text is about and an
amount may take its currency from a parallel one (GUIDELINES 5.4, 6, 9.3).
The grammar was written from Arabic grammar, the annotation guidelines and
hand-made test sentences (tests/test_money.py), never from gold annotations;
its news-corpus changes were developed on the dev split only
(benchmarks/MONEY_RULES.md).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .parser import find_money
from ... import package_revision
from ...protocol import ExtractorBase
from ....types import Document, Span


# The grammar (parser, lexicon, context) and this extractor: the whole package folder.
PACKAGE_DIR = Path(__file__).resolve().parent


class MoneyRulesExtractor(ExtractorBase):
    """`predict(documents) -> {document id: [Span]}` with MONEY spans and their values."""

    name = "money-rules"
    labels = ("MONEY",)

    def predict(self, documents: Sequence[Document]) -> dict[str, list[Span]]:
        return {doc.id: find_money(doc.text) for doc in documents}

    def revision(self) -> str:
        return revision()


@lru_cache(maxsize=1)
def revision() -> str:
    """ "sha256:" + a hash of the grammar's source files and this one, so cached
    predictions of an older grammar are never reused."""
    return package_revision(PACKAGE_DIR)
