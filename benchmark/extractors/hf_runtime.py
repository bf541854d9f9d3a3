"""Loading and running a Hugging Face model: what the transformers extractor
needs around torch and the hub (offline detection, a reachability probe,
device choice, position limits, special tokens, a progress bar, the weights'
hash). torch and transformers are imported inside the functions only.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path

from .windows import ExtractorConfigError

_WEIGHT_FILE_RE = re.compile(r"(\.safetensors|^pytorch_model.*\.bin)$")


def weights_sha256(directory: Path) -> str:
    """sha256 over the weight files of a model directory (*.safetensors,
    pytorch_model*.bin; every file when there are none), computed as
    `sha256sum FILES | sha256sum` over the files sorted by name, so it can be
    checked by hand in the directory."""
    files = sorted(p for p in Path(directory).iterdir() if p.is_file() and _WEIGHT_FILE_RE.search(p.name))
    if not files:
        files = sorted(p for p in Path(directory).iterdir() if p.is_file())
    manifest = hashlib.sha256()
    for path in files:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        manifest.update(f"{digest.hexdigest()}  {path.name}\n".encode())
    return manifest.hexdigest()


def _load_errors() -> tuple[type[BaseException], ...]:
    """What from_pretrained raises for an absent, unreachable or broken model."""
    errors: list[type[BaseException]] = [OSError, ValueError]
    try:
        from huggingface_hub.errors import EntryNotFoundError  # not an OSError in huggingface_hub 1.x+

        errors.append(EntryNotFoundError)
    except ImportError:
        pass
    return tuple(errors)


def _offline() -> bool:
    return any(
        os.environ.get(var, "").strip().upper() in ("1", "ON", "YES", "TRUE")
        for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    )


def _hub_reachable(timeout: float = 3.0) -> bool:
    """Can a TCP connection reach the hub? Checked before any online attempt,
    because from_pretrained retries an unreachable hub for over a minute."""
    import socket
    from urllib.parse import urlparse

    endpoint = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co"))
    port = endpoint.port or (443 if endpoint.scheme == "https" else 80)
    try:
        with socket.create_connection((endpoint.hostname or "", port), timeout=timeout):
            return True
    except OSError:
        return False


def _quiet_transformers() -> None:
    """Silence transformers' progress bars and advisory warnings during loading
    (the harness draws its own progress; warnings about unused weights are
    expected for token-classification checkpoints)."""
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def pick_device(requested: str):
    """The torch device for "auto" (cuda, else mps, else cpu) or a name; a bad
    or unavailable name raises ExtractorConfigError (one line)."""
    import torch

    if requested == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        mps = getattr(torch.backends, "mps", None)
        if mps is not None and mps.is_available():
            return torch.device("mps")
        return torch.device("cpu")
    try:
        device = torch.device(requested)
    except (RuntimeError, ValueError):
        raise ExtractorConfigError(f"unknown device {requested!r}; use auto, cpu, cuda, cuda:N or mps") from None
    if device.type == "cuda" and not torch.cuda.is_available():
        raise ExtractorConfigError(f"device {requested!r} requested but torch sees no CUDA device")
    if device.type == "mps" and not (getattr(torch.backends, "mps", None) and torch.backends.mps.is_available()):
        raise ExtractorConfigError(f"device {requested!r} requested but MPS is not available")
    return device


def _model_position_limit(config, tokenizer) -> int:
    """The longest input the model accepts. RoBERTa-family models number
    positions from padding_idx + 1, so they lose pad_token_id + 1 positions."""
    limit = getattr(config, "max_position_embeddings", None) or sys.maxsize
    if "roberta" in getattr(config, "model_type", "") or getattr(config, "model_type", "") == "camembert":
        limit -= (getattr(config, "pad_token_id", 1) or 0) + 1
    tok_limit = getattr(tokenizer, "model_max_length", None)
    if isinstance(tok_limit, int) and 0 < tok_limit < 1_000_000:
        limit = min(limit, tok_limit)
    return limit


def _special_tokens_around(tokenizer) -> tuple[list[int], list[int]]:
    """The special tokens the tokenizer puts before and after a single sequence
    ([CLS] ... [SEP] for BERT, <s> ... </s> for XLM-R), read off a probe."""
    probe = tokenizer([["a"]], is_split_into_words=True, add_special_tokens=True)
    ids = probe["input_ids"][0]
    word_ids = probe.word_ids(0)
    content = [i for i, w in enumerate(word_ids) if w is not None]
    if not content:  # the probe word vanished: treat every token as a prefix special
        return list(ids), []
    return list(ids[: content[0]]), list(ids[content[-1] + 1 :])


class _progress:
    """A rich progress bar on stderr over batches (a no-op when disabled)."""

    def __init__(self, enabled: bool, total: int, description: str):
        self.enabled = enabled and total > 0
        self.total, self.description = total, description

    def __enter__(self):
        if not self.enabled:
            return lambda: None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self._bar.start()
        task = self._bar.add_task(self.description, total=self.total)
        return lambda: self._bar.advance(task)

    def __exit__(self, *exc):
        if self.enabled:
            self._bar.stop()
        return False
