"""Where the benchmark's files live: the project root (seeds/, annotations/,
models/, results/) and the cache directory ($BENCH_CACHE)."""

from __future__ import annotations

import os
from pathlib import Path


def project_root() -> Path:
    """The directory holding seeds/, annotations/, models/ and results/.

    BENCH_HOME overrides it; otherwise the checkout this package lives in.
    """
    env = os.environ.get("BENCH_HOME")
    if env:
        return Path(env).resolve()
    return Path(__file__).resolve().parent.parent


def cache_dir() -> Path:
    """Where built models, cached predictions and scores live, outside git ($BENCH_CACHE)."""
    return Path(os.environ.get("BENCH_CACHE", "~/.cache/arabic-fin-ner-bench")).expanduser()
