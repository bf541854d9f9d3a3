"""A small on-disk cache of computations that are pure functions of their
inputs: one JSON file per key under $BENCH_CACHE/<folder>/, holding the key
and the value. The key must be a hash over every input that decides the value
(`payload_key`); an entry is used only when the key inside it matches its
name, a read-only or missing cache only costs time, and the folders can be
deleted at any time. Used for re-scored records (results.rescore) and gold
that passed validation (corpora.validate).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from .io import write_json_atomic
from .paths import cache_dir


def payload_key(payload: dict) -> str:
    """sha256 of `payload` as canonical JSON."""
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode("utf-8")).hexdigest()


def _cache_file(key: str, folder: str) -> Path:
    return cache_dir() / folder / f"{key}.json"


def cache_get(key: str, folder: str) -> Any:
    """The value stored under `key`, or None (absent, unreadable, or not its key)."""
    try:
        data = json.loads(_cache_file(key, folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:  # never trusted beyond its key
        return None
    return data.get("value")


def cache_put(key: str, value: Any, folder: str) -> None:
    try:
        write_json_atomic(_cache_file(key, folder), {"key": key, "value": value})
    except OSError:  # a read-only cache only costs time
        pass
