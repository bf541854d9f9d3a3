"""Plain data that flows between the stages of the benchmark (docs/architecture.md).

Everything here is immutable and free of heavy imports, so any stage can be
tested alone and `bench validate` / `bench leaderboard` start fast.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The three entity types the benchmark scores, in the order tables show them.
LABELS: tuple[str, ...] = ("MONEY", "ORG", "LOC")


@dataclass(frozen=True)
class MoneyValue:
    """A normalized amount: [lower, upper] in units of `currency` (ISO 4217).

    A single amount has lower == upper; a range such as "3 إلى 5 مليارات دولار"
    has lower=3e9, upper=5e9. `currency` is None when the span names no
    currency we know.
    """

    lower: float
    upper: float
    currency: str | None

    def to_json(self) -> dict:
        return {"lower": self.lower, "upper": self.upper, "currency": self.currency}

    @classmethod
    def from_json(cls, data: dict | None) -> "MoneyValue | None":
        if data is None:
            return None
        return cls(float(data["lower"]), float(data["upper"]), data.get("currency"))

    def matches(self, other: "MoneyValue | None", rel_tol: float = 1e-9) -> bool:
        """Same currency and the same bounds (up to float rounding)."""
        if other is None or self.currency != other.currency:
            return False

        def close(a: float, b: float) -> bool:
            return abs(a - b) <= rel_tol * max(abs(a), abs(b), 1.0)

        return close(self.lower, other.lower) and close(self.upper, other.upper)


@dataclass(frozen=True, order=True)
class Span:
    """A labelled character span [start, end) over a document's untouched text."""

    start: int
    end: int
    label: str
    text: str = field(default="", compare=False)
    value: MoneyValue | None = field(default=None, compare=False)

    def to_json(self) -> dict:
        out = {"start": self.start, "end": self.end, "label": self.label, "text": self.text}
        if self.value is not None:
            out["value"] = self.value.to_json()
        return out

    @classmethod
    def from_json(cls, data: dict) -> "Span":
        return cls(
            int(data["start"]),
            int(data["end"]),
            str(data["label"]),
            str(data.get("text", "")),
            MoneyValue.from_json(data.get("value")),
        )


@dataclass(frozen=True)
class Token:
    """A word token with its character offsets [start, end) in the document."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    """One gold document: its id (file stem), untouched text and gold spans.

    `tokens`, when given, are the tokens the document is scored on (a CoNLL
    corpus: the file's own tokens); None means the benchmark tokenization of
    `text` (tokenize.document_tokens).
    """

    id: str
    text: str
    spans: tuple[Span, ...] = ()
    meta: dict = field(default_factory=dict, compare=False, hash=False)
    tokens: tuple[Token, ...] | None = field(default=None, compare=False, hash=False, repr=False)


# Predictions of one extractor: document id -> predicted spans.
Predictions = dict[str, list[Span]]


# Used when an external corpus (conll:PATH) or a model without a card names its
# own entity types: they map through this, case-insensitively; types not listed
# are ignored.
DEFAULT_LABEL_MAP = {
    "LOC": "LOC",
    "LOCATION": "LOC",
    "GPE": "LOC",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "MONEY": "MONEY",
}
