"""Extractors: rule baselines, transformers models, user callables. Each has
`predict(documents) -> {document id: [Span]}` and `revision() -> str`.
Built from a model card by benchmark.extractors.harness.build_extractor."""
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
        digest.update(Path(path).name.encode("utf-8") + b"\0" + Path(path).read_bytes())
    digest.update(extra.encode("utf-8"))
    return "sha256:" + digest.hexdigest()


def directory_revision(directory: Path) -> str:
    """"sha256:" over every file under `directory` (relative path and bytes):
    for a local model, its config (id2label), tokenizer files and weights all
    decide the predictions, not the weights alone."""
    directory = Path(directory)
    digest = hashlib.sha256()
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        digest.update(path.relative_to(directory).as_posix().encode("utf-8") + b"\0")
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
        digest.update(b"\0")
    return "sha256:" + digest.hexdigest()
