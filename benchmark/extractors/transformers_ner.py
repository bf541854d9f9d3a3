"""A Hugging Face token-classification model run as an extractor, the way
CAMeL Tools runs CAMeLBERT.

1. Words come from the benchmark tokenizer (benchmark.tokenize), the same
   words every score is computed over.
2. Each word is normalized (benchmark.extractors.preprocess: harakat, tatweel, digits).
   A word that becomes empty, or that the model's tokenizer turns into no
   sub-token at all, is tagged O and never shifts the alignment of the words
   after it (camel_tools' NERecognizer drops such words and misaligns).
3. The words go to the tokenizer pre-split (`is_split_into_words=True`); the
   label of a word is the label of its first sub-token.
4. A document longer than the model limit is cut into windows of whole words
   that overlap by `stride` words; each word takes its label from the window
   in which it is most central, i.e. has the most context on its short side.
5. Windows of all documents are batched together, longest first, padded per
   batch, and run under `torch.inference_mode()`.
6. Model labels map to MONEY/ORG/LOC (or to nothing) through the label map;
   invalid IOB2 sequences are repaired by `tagging.repair(mode="default")`
   and counted; tags become character spans over the untouched text.

torch and transformers are imported only inside `load()` / `predict()`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from . import cards
from ..errors import InputError
from .hf_runtime import (
    _hub_reachable,
    _load_errors,
    _model_position_limit,
    _offline,
    _progress,
    _quiet_transformers,
    _special_tokens_around,
    pick_device,
    weights_sha256,
)
from .label_maps import REPAIR_MODE, REPAIR_RULE, resolve_label_map, split_model_label, tag_table
from .preprocess import Preprocessing
from .windows import EncodedCorpus, ExtractorConfigError, _Window, assign_words, plan_windows
from .protocol import ExtractorBase
from ..tagging import OUTSIDE, repair, tags_to_spans
from ..tokenize import tokenize
from ..types import LABELS, Document, Span

if TYPE_CHECKING:  # for annotations only: transformers is imported where the model loads
    from transformers import PreTrainedModel, PreTrainedTokenizerBase

# What a missing [preprocessing] key means: the model cards' default
# (harakat and tatweel off, digits as written).
DEFAULT_PREPROCESSING = Preprocessing.from_config(cards.DEFAULT_PREPROCESSING)

WORD_ALIGNMENTS = ("first",)

_COMMIT_RE = re.compile(r"^[0-9a-f]{40}$")


class ModelUnavailable(InputError):
    """The model cannot be loaded; the message is one line naming the model and
    how to provide it."""


def _one_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__


# ---------------------------------------------------------------- the extractor


class TransformersExtractor(ExtractorBase):
    def __init__(
        self,
        source: str,
        *,
        label_map: dict[str, str | None] | None,
        revision: str | None = None,
        preprocessing: dict | None = None,
        max_length: int = 512,
        stride: int = 64,
        batch_size: int = 16,
        device: str = "auto",
        trust_remote_code: bool = False,
        word_alignment: str = "first",
        progress: bool = True,
        name: str | None = None,
        cache_dir: str | os.PathLike | None = None,
    ):
        if word_alignment not in WORD_ALIGNMENTS:
            raise ExtractorConfigError(
                f"word_alignment {word_alignment!r} is not supported; expected one of {', '.join(WORD_ALIGNMENTS)}"
            )
        if max_length < 3 or stride < 0 or batch_size < 1:
            raise ExtractorConfigError(
                f"need max_length >= 3, stride >= 0, batch_size >= 1; got {max_length}, {stride}, {batch_size}"
            )
        if stride >= max_length:
            raise ExtractorConfigError(
                f"max_length {max_length} must be above the stride {stride} (windows overlap by stride words)"
            )
        self.source = str(source)
        self.name = name or self.source
        self.label_map = label_map
        self.revision_requested = revision
        self.preprocessing = Preprocessing.from_config(preprocessing, base=DEFAULT_PREPROCESSING)
        self.max_length = max_length
        self.stride = stride
        self.batch_size = batch_size
        self.device_requested = device
        self.trust_remote_code = trust_remote_code
        self.word_alignment = word_alignment
        self.progress = progress
        self.cache_dir = str(cache_dir) if cache_dir is not None else None
        self.stats: dict = {}
        self._model: PreTrainedModel | None = None
        self._tokenizer: PreTrainedTokenizerBase | None = None
        self._device = None
        self._tag_table: list[str] | None = None
        self._label_map_used: dict[str, str | None] | None = None
        self._resolved_revision: str | None = None
        self._max_length_used = max_length
        self._special_prefix: list[int] = []
        self._special_suffix: list[int] = []

    # ------------------------------------------------------------ loading

    def local_dir(self) -> Path | None:
        """The model directory when `source` is a local path, else None (a hub id)."""
        path = Path(self.source).expanduser()
        if path.is_dir():
            return path
        if path.exists() or self.source.startswith(("/", "./", "../", "~", ".\\")) or self.source.count("/") > 1:
            raise ModelUnavailable(f"model {self.source!r}: {path} is not a model directory")
        return None

    def _not_cached_message(self) -> str:
        return (
            f"model {self.source!r} is not in the local Hugging Face cache and the hub is unreachable: "
            f"download it on a connected machine (hf download {self.source}; "
            f"older huggingface_hub: huggingface-cli download {self.source}), "
            f"point HF_HOME at that cache, or pass a local directory"
        )

    def _from_pretrained(self, location: str, local_files_only: bool):
        from transformers import AutoModelForTokenClassification, AutoTokenizer

        kwargs: dict[str, Any] = {
            "revision": self.revision_requested,
            "trust_remote_code": self.trust_remote_code,
            "local_files_only": local_files_only,
            "cache_dir": self.cache_dir,
        }
        tokenizer = AutoTokenizer.from_pretrained(location, **kwargs)
        model = AutoModelForTokenClassification.from_pretrained(location, **kwargs)
        return tokenizer, model

    def _load_hub(self):
        errors = _load_errors()
        try:
            return self._from_pretrained(self.source, local_files_only=True)
        except errors as err:
            if self._cached_file("config.json") is not None:
                # The model is cached but does not load: say why, not "absent".
                raise ModelUnavailable(
                    f"model {self.source!r} is in the cache but cannot be loaded: {_one_line(err)}"
                ) from None
        if _offline() or not _hub_reachable():
            raise ModelUnavailable(self._not_cached_message())
        try:
            return self._from_pretrained(self.source, local_files_only=False)
        except errors as err:
            raise ModelUnavailable(f"model {self.source!r} cannot be downloaded: {_one_line(err)}") from None

    def load(self) -> None:
        """Load tokenizer and model, check the label map, pick the device."""
        if self._model is not None:
            return
        local = self.local_dir()
        _quiet_transformers()
        if local is not None:
            try:
                tokenizer, model = self._from_pretrained(str(local), local_files_only=True)
            except _load_errors() as err:
                raise ModelUnavailable(f"model directory {str(local)!r} cannot be loaded: {_one_line(err)}") from None
        else:
            tokenizer, model = self._load_hub()
        if not getattr(tokenizer, "is_fast", False):
            raise ModelUnavailable(
                f"model {self.source!r} has only a slow (Python) tokenizer; the harness needs a fast one "
                f"(word_ids()): add a tokenizer.json (save the tokenizer with transformers' fast class) and retry"
            )
        id2label = {int(k): v for k, v in model.config.id2label.items()}
        types = [t for t in (split_model_label(label)[1] for label in id2label.values()) if t is not None]
        self._label_map_used = resolve_label_map(types, self.label_map, self.name)
        self._tag_table = tag_table(id2label, self._label_map_used)

        self._device = pick_device(self.device_requested)
        model.eval()
        model.to(self._device)
        self._model, self._tokenizer = model, tokenizer
        self._max_length_used = min(self.max_length, _model_position_limit(model.config, tokenizer))
        self._special_prefix, self._special_suffix = _special_tokens_around(tokenizer)

    def _loaded(self) -> tuple[PreTrainedTokenizerBase, PreTrainedModel]:
        """Tokenizer and model, loaded on first use."""
        self.load()
        # load() sets both or raises
        assert self._tokenizer is not None and self._model is not None
        return self._tokenizer, self._model

    # ------------------------------------------------------------ provenance

    def resolved_revision(self) -> str:
        """The hub commit hash the model was loaded from, or for a local
        directory "sha256:<hash>" of its weight files (see weights_sha256)."""
        if self._resolved_revision is None:
            local = self.local_dir()
            if local is not None:
                self._resolved_revision = "sha256:" + weights_sha256(local)
            else:
                self._resolved_revision = self._hub_commit() or "unknown"
        return self._resolved_revision

    def revision(self) -> str:
        """Same as resolved_revision() (the harness's extractor protocol)."""
        return self.resolved_revision()

    def _cached_file(self, filename: str) -> str | None:
        from huggingface_hub import try_to_load_from_cache

        try:
            found = try_to_load_from_cache(
                self.source, filename, cache_dir=self.cache_dir, revision=self.revision_requested
            )
        except (ValueError, OSError):  # e.g. a source that is not a valid repo id
            return None
        return found if isinstance(found, str) else None

    def _hub_commit(self) -> str | None:
        # A cached file lives at .../models--org--name/snapshots/<commit>/config.json
        path = self._cached_file("config.json")
        if path is not None:
            parts = Path(path).parts
            if "snapshots" in parts[:-1]:
                commit = parts[parts.index("snapshots") + 1]
                if _COMMIT_RE.match(commit):
                    return commit
        if self.revision_requested and _COMMIT_RE.match(self.revision_requested):
            return self.revision_requested
        return None

    @property
    def labels(self) -> tuple[str, ...]:  # type: ignore[override]
        """The benchmark labels its (card's) label map produces; all three without one."""
        if not self.label_map:
            return LABELS
        return tuple(label for label in LABELS if label in self.label_map.values())

    def effective_label_map(self) -> dict[str, str | None]:
        """model label type -> MONEY/ORG/LOC, or None for an ignored type."""
        self.load()
        assert self._label_map_used is not None  # load() sets it or raises
        return dict(self._label_map_used)

    def effective_preprocessing(self) -> dict:
        return self.preprocessing.to_config()

    # ------------------------------------------------------------ prediction

    def encode(self, documents: Sequence[Document]) -> EncodedCorpus:
        """Words -> normalized words -> sub-tokens -> windows (no model call)."""
        tokenizer, _ = self._loaded()
        capacity = self._max_length_used - len(self._special_prefix) - len(self._special_suffix)
        doc_tokens = [tokenize(doc.text) for doc in documents]
        doc_words = [[self.preprocessing.apply(tok.text) for tok in tokens] for tokens in doc_tokens]

        # Each distinct non-empty word is tokenized once, alone and pre-split,
        # which is exactly how it is tokenized inside a pre-split sentence.
        vocabulary = sorted({w for words in doc_words for w in words if w})
        pieces_of: dict[str, list[int]] = {"": []}
        if vocabulary:
            encoded = tokenizer([[w] for w in vocabulary], is_split_into_words=True, add_special_tokens=False)
            pieces_of.update(zip(vocabulary, encoded["input_ids"]))

        windows: list[_Window] = []
        owner: list[list[int]] = []
        n_words = n_empty = 0
        for d, words in enumerate(doc_words):
            pieces = [pieces_of[w] for w in words]
            counts = [len(p) for p in pieces]
            n_words += len(words)
            n_empty += counts.count(0)
            spans = plan_windows(counts, capacity, self.stride) if words else []
            base = len(windows)
            for start, end in spans:
                ids = list(self._special_prefix)
                word_index: list[int] = []
                positions: list[int] = []
                for i in range(start, end):
                    if not pieces[i]:
                        continue
                    word_index.append(i)
                    positions.append(len(ids))
                    ids.extend(pieces[i])
                if len(ids) > len(self._special_prefix) + capacity:  # one over-long word
                    ids = ids[: len(self._special_prefix) + capacity]
                ids.extend(self._special_suffix)
                windows.append(_Window(d, word_index, positions, ids))
            assigned = assign_words(spans, len(words))
            owner.append([base + w if counts[i] else -1 for i, w in enumerate(assigned)])
        return EncodedCorpus(doc_tokens, windows, owner, n_words, n_empty)

    def batches(self, encoded: EncodedCorpus):
        """(window indices, model inputs on the device) per batch, longest windows first."""
        import torch

        tokenizer, _ = self._loaded()
        pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
        order = sorted(range(len(encoded.windows)), key=lambda w: -len(encoded.windows[w].input_ids))
        for b in range(0, len(order), self.batch_size):
            members = order[b : b + self.batch_size]
            width = len(encoded.windows[members[0]].input_ids)
            input_ids = torch.full((len(members), width), pad_id, dtype=torch.long)
            attention = torch.zeros((len(members), width), dtype=torch.long)
            for row, w in enumerate(members):
                ids = encoded.windows[w].input_ids
                input_ids[row, : len(ids)] = torch.tensor(ids, dtype=torch.long)
                attention[row, : len(ids)] = 1
            inputs = {"input_ids": input_ids.to(self._device), "attention_mask": attention.to(self._device)}
            yield members, inputs

    def _run(self, encoded: EncodedCorpus) -> list[list[int | None]]:
        """Per document, per benchmark word: the model's label id for the word
        (that of its first sub-token), or None for a word with no sub-token."""
        import torch

        _, model = self._loaded()
        window_labels: list[list[int]] = [[] for _ in encoded.windows]
        n_batches = -(-len(encoded.windows) // self.batch_size)
        with _progress(self.progress, n_batches, f"{self.name}: predicting") as advance, torch.inference_mode():
            for members, inputs in self.batches(encoded):
                logits = model(**inputs).logits
                # Only the first sub-token of each word is needed: gather those
                # rows on the device, move one small tensor back.
                rows = [row for row, w in enumerate(members) for _ in encoded.windows[w].first_positions]
                cols = [p for w in members for p in encoded.windows[w].first_positions]
                if rows:
                    index_r = torch.tensor(rows, device=logits.device)
                    index_c = torch.tensor(cols, device=logits.device)
                    labels = logits[index_r, index_c].argmax(-1).tolist()
                    at = 0
                    for w in members:
                        k = len(encoded.windows[w].first_positions)
                        window_labels[w] = labels[at : at + k]
                        at += k
                advance()

        # A window's labels, by document word index.
        by_word: list[dict[int, int]] = [
            dict(zip(win.words, labels)) for win, labels in zip(encoded.windows, window_labels)
        ]
        out: list[list[int | None]] = []
        for owners in encoded.owner:
            out.append([by_word[w].get(i) if w >= 0 else None for i, w in enumerate(owners)])
        self.stats = {
            "words": encoded.n_words,
            "words_without_subtokens": encoded.n_empty,
            "windows": len(encoded.windows),
            "batches": n_batches,
            "max_length": self._max_length_used,
            "device": str(self._device),
        }
        return out

    def predict_word_labels(self, documents: Sequence[Document]) -> dict[str, list[str | None]]:
        """Per document, per benchmark word: the model's own label (e.g. "B-PERS"), None when the word has no sub-token."""
        label_ids = self._run(self.encode(documents))  # encode() loads the model
        _, model = self._loaded()
        model_labels = model.config.id2label
        assert model_labels is not None  # load() built the tag table from it
        id2label = {int(k): v for k, v in model_labels.items()}
        return {doc.id: [id2label[i] if i is not None else None for i in ids] for doc, ids in zip(documents, label_ids)}

    def predict(self, documents: Sequence[Document]) -> dict[str, list[Span]]:
        """Character spans (MONEY/ORG/LOC) over each document's untouched text."""
        encoded = self.encode(documents)
        label_ids = self._run(encoded)
        table = self._tag_table
        assert table is not None  # set by load(), which encode() called
        predictions: dict[str, list[Span]] = {}
        invalid = 0
        for doc, tokens, ids in zip(documents, encoded.tokens, label_ids):
            tags = [table[i] if i is not None else OUTSIDE for i in ids]
            tags, changed = repair(tags, mode=REPAIR_MODE)
            invalid += changed
            predictions[doc.id] = tags_to_spans(doc.text, tokens, tags)
        self.stats.update({"invalid_tags": invalid, "repair_rule": REPAIR_RULE})
        return predictions


# ---------------------------------------------------------------- helpers
