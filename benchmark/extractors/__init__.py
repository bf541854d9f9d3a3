"""Extractors: rule baselines, transformers models, user callables. Each has
`predict(documents) -> {document id: [Span]}` and `revision() -> str`.
Built from a model card by benchmark.harness.build_extractor."""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable


def files_revision(paths: Iterable[Path], extra: str = "") -> str:
    """"sha256:" over the names and bytes of the files that make an extractor
    (plus `extra`, e.g. a data library's version). Any edit gives a new
    revision, so cached predictions of the old code are never reused."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode("utf-8") + b"\0" + Path(path).read_bytes())
    digest.update(extra.encode("utf-8"))
    return "sha256:" + digest.hexdigest()
