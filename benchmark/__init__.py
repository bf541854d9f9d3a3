"""Arabic financial-entity extraction benchmark: gold spans, harness, scoring.

Light on import: heavy libraries (torch, transformers, datasets) load only in
the extractor or export that needs them.
"""
from .types import LABELS, Document, MoneyValue, Span, Token

__version__ = "0.1.0"

__all__ = ["LABELS", "Document", "MoneyValue", "Span", "Token", "__version__"]
