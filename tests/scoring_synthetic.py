"""A random corpus with gold and perturbed predictions, for scorer tests and timing.

Not a model of real text: it only has to exercise every path of the scorer
(exact hits, boundary and type errors, proclitics in and out, misses,
spurious and overlapping predictions, several sentences per document).
"""

from __future__ import annotations

import random

from benchmark.types import LABELS, Document, Span

WORDS = [
    "شركة",
    "بنك",
    "الرياض",
    "مليار",
    "دولار",
    "الوطني",
    "قال",
    "في",
    "إن",
    "7",
    "٤٫٢",
    "سهم",
    "الاستثمار",
    "أرامكو",
    "صندوق",
    "مصر",
    "الإمارات",
    "ارتفع",
    "الربع",
    "الأول",
    "ريال",
    "%",
    "،",
    "(",
    ")",
]
PROCLITICS = ["و", "ب", "ل", "ف", "وب", "ول"]


def synthetic_document(rng: random.Random, doc_id: str, n_words: int = 120) -> Document:
    pieces: list[str] = []
    spans: list[Span] = []
    offset = 0
    i = 0
    while i < n_words:
        if rng.random() < 0.12:  # an entity of 1-3 words, maybe after a proclitic
            clitic = rng.choice(PROCLITICS) if rng.random() < 0.3 else ""
            words = [rng.choice(WORDS[:20]) for _ in range(rng.randint(1, 3))]
            surface = " ".join(words)
            start = offset + len(clitic)
            pieces.append(clitic + surface)
            spans.append(Span(start, start + len(surface), rng.choice(LABELS), surface))
            i += len(words)
        else:
            pieces.append(rng.choice(WORDS) + ("." if rng.random() < 0.08 else ""))
            i += 1
        offset += len(pieces[-1]) + 1
    text = " ".join(pieces)
    return Document(doc_id, text, tuple(spans))


def perturb(rng: random.Random, doc: Document) -> list[Span]:
    """Predicted spans: the gold with random errors of every kind."""
    text, out = doc.text, []
    word_starts = [0] + [k + 1 for k, ch in enumerate(text) if ch == " "]
    for g in doc.spans:
        r = rng.random()
        if r < 0.45:
            out.append(g)
        elif r < 0.55:
            pass  # missed
        elif r < 0.65:
            out.append(Span(g.start, g.end, rng.choice([x for x in LABELS if x != g.label])))
        elif r < 0.75:  # proclitic included when there is one
            start = max(w for w in word_starts if w <= g.start)
            out.append(Span(start, g.end, g.label))
        elif r < 0.85:  # too short: drop the first word when there are several
            cut = text.find(" ", g.start, g.end)
            out.append(Span(cut + 1, g.end, g.label) if cut != -1 else g)
        else:  # too long: run to the end of the next word
            nxt = text.find(" ", g.end + 1)
            out.append(Span(g.start, nxt if nxt != -1 else len(text), g.label))
    for _ in range(rng.randint(0, 3)):  # spurious (may overlap others)
        a = rng.choice(word_starts)
        b = text.find(" ", a)
        out.append(Span(a, b if b != -1 else len(text), rng.choice(LABELS)))
    return [Span(s.start, s.end, s.label, text[s.start : s.end]) for s in out if s.start < s.end]


def synthetic_corpus(n_documents: int, seed: int = 0, n_words: int = 120):
    rng = random.Random(seed)
    documents = [synthetic_document(rng, f"doc{k:03d}", n_words) for k in range(n_documents)]
    predictions = {d.id: perturb(rng, d) for d in documents}
    return documents, predictions
