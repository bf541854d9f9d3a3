"""Our TransformersExtractor against CAMeL Tools' own NERecognizer, word by word.

Shared by tests/test_camelbert_differential.py (which asserts) and
benchmarks/camelbert_differential.py (which prints the counts quoted in
docs/model-zoo.md).

Both implementations run on the same model folder and the same words:
the benchmark tokenizer's words of a text after our preprocessing
(`Preprocessing.apply`), because NERecognizer does no normalization of its
own and our cards dediacritize; feeding it the normalized words compares the
two harnesses, not two preprocessings.

Every word where the two disagree falls in one class:

  dropped_words   NERecognizer drops a word that has no sub-token (it never
                  gets a label) ...
  misaligned      ... so its output list is shorter and every later label,
                  zipped with the words as its API invites, belongs to the
                  next word: a wrong label for the word (NERecognizer defect).
  hard_cut        after undoing that shift, a different label in a sentence
                  NERecognizer cut into several 254-piece segments with no
                  overlap (max_seq_length=256, no stride) where the harness
                  gave the words context across the cut (NERecognizer defect).
  harness_bug     anything else: a bug in our harness (a test fails on it).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmark.extractors.transformers_ner import TransformersExtractor
from benchmark.extractors.preprocess import Preprocessing
from benchmark.tokenize import tokenize
from benchmark.types import Document

# NERecognizer.predict: NERDataset(max_seq_length=256) -> 254 pieces per segment.
CAMEL_SEGMENT = 254
# The CAMeLBERT cards' preprocessing (models/camelbert-*.toml).
CARD_PREPROCESSING = {"dediacritize": True, "drop_tatweel": True, "digits": "keep"}


def load_ner_recognizer(model_dir: Path, catalogue: Path, scratch: Path):
    """camel_tools.ner.NERecognizer over `model_dir`, with CAMELTOOLS_DATA
    pointing at a scratch copy of `catalogue` (camel_tools may write beside
    it, and the import fails offline without a catalogue)."""
    data = scratch / "camel_tools_data"
    if not data.exists():
        shutil.copytree(catalogue, data)
        for path in [data, *data.rglob("*")]:
            path.chmod(path.stat().st_mode | 0o200)
    previous = os.environ.get("CAMELTOOLS_DATA")
    os.environ["CAMELTOOLS_DATA"] = str(data)
    try:
        from camel_tools.ner import NERecognizer

        return NERecognizer(str(model_dir), use_gpu=False)
    finally:
        if previous is None:
            del os.environ["CAMELTOOLS_DATA"]
        else:
            os.environ["CAMELTOOLS_DATA"] = previous


def words_of(text: str, preprocessing: Preprocessing) -> list[str]:
    return [preprocessing.apply(t.text) for t in tokenize(text)]


@dataclass
class Tally:
    """Words compared and differences by class (see the module docstring)."""

    units: int = 0
    words: int = 0
    dropped_words: int = 0
    misaligned: int = 0
    hard_cut: int = 0
    hard_cut_units: int = 0
    harness_bug: int = 0
    bugs: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("units", "words", "dropped_words", "misaligned", "hard_cut", "hard_cut_units", "harness_bug"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.bugs.extend(other.bugs)


def compare_unit(
    unit_id: str, ours: Sequence[str | None], theirs: Sequence[str], pieces: Sequence[int], segments_expected: bool
) -> Tally:
    """Classify every word of one unit (one NERecognizer "sentence").

    `ours`: our label per word (None: no sub-token); `theirs`: NERecognizer's
    output list as returned; `pieces`: sub-tokens per word;
    `segments_expected`: whether our run used NERecognizer's segmentation
    (max_length 256, stride 0), in which case a hard cut cannot excuse a
    difference."""
    tally = Tally(units=1, words=len(ours))
    kept = [i for i, n in enumerate(pieces) if n > 0]
    if len(theirs) != len(kept):
        tally.harness_bug += 1
        tally.bugs.append(f"{unit_id}: NERecognizer gave {len(theirs)} labels for {len(kept)} words with sub-tokens")
        return tally
    # What a caller of NERecognizer gets: its labels zipped with the words.
    # A word after a dropped one gets a later word's label; where that label
    # differs from ours the shift is the cause.
    rank = {i: k for k, i in enumerate(kept)}
    for i in range(len(ours)):
        if pieces[i] == 0:
            tally.dropped_words += 1
        elif rank[i] != i and (theirs[i] if i < len(theirs) else None) != ours[i]:
            tally.misaligned += 1
    # Undo the shift: NERecognizer's labels on the words that have sub-tokens.
    aligned: list[str | None] = [None] * len(ours)
    for i, label in zip(kept, theirs):
        aligned[i] = label
    # A word whose naive label differs only because of the shift was counted
    # above; what differs after the shift is a hard cut or a bug.
    long_unit = sum(pieces) > CAMEL_SEGMENT
    differing = [i for i in kept if aligned[i] != ours[i]]
    if differing and long_unit and not segments_expected:
        tally.hard_cut += len(differing)
        tally.hard_cut_units += 1
    elif differing:
        tally.harness_bug += len(differing)
        i = differing[0]
        tally.bugs.append(
            f"{unit_id}: word {i} ({pieces[i]} pieces): ours {ours[i]!r}, NERecognizer {aligned[i]!r} "
            f"({len(differing)} word(s) differ)"
        )
    return tally


def run_both(
    recognizer,
    model_dir: Path,
    units: Sequence[tuple[str, str]],
    *,
    camel_segments: bool,
    preprocessing: dict | None = CARD_PREPROCESSING,
    batch_size: int = 16,
) -> Tally:
    """Run our harness and NERecognizer on `units` (id, text) and classify.

    camel_segments=True runs ours at max_length 256, stride 0: the same
    segments NERecognizer cuts, so every word must agree once the shift is
    undone. False runs ours at the cards' 512 / 64."""
    limits = {"max_length": 256, "stride": 0} if camel_segments else {"max_length": 512, "stride": 64}
    ours = TransformersExtractor(
        str(model_dir),
        label_map=None,
        preprocessing=preprocessing,
        device="cpu",
        progress=False,
        batch_size=batch_size,
        **limits,
    )
    documents = [Document(unit_id, text) for unit_id, text in units]
    our_labels = ours.predict_word_labels(documents)
    pre = ours.preprocessing
    sentences = [words_of(text, pre) for _, text in units]
    tokenizer = ours._tokenizer
    theirs = recognizer.predict(sentences, batch_size=32)
    total = Tally()
    for (unit_id, _), words, their_labels in zip(units, sentences, theirs):
        pieces = [len(tokenizer.tokenize(w)) if w else 0 for w in words]
        total.add(compare_unit(unit_id, our_labels[unit_id], their_labels, pieces, camel_segments))
    return total
