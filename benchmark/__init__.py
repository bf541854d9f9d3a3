"""Arabic financial-entity extraction benchmark: gold spans, harness, scoring.

Light on import: heavy libraries (torch, transformers, datasets) load only in
the extractor or export that needs them.
"""
from .types import LABELS, Document, MoneyValue, Span, Token

__version__ = "0.1.0"

__all__ = ["load_dataset", "LABELS", "Document", "MoneyValue", "Span", "Token", "__version__"]


def load_dataset(corpora=None):
    """The gold as a `datasets.DatasetDict` (see benchmark.corpora.export)."""
    from .corpora.export import load_dataset as _load_dataset

    return _load_dataset(corpora)
