"""Extractors: rule baselines (rules/), transformers models
(transformers_ner), user callables and composites (harness). Each implements
the Extractor protocol (protocol.py): `predict(documents) -> {document id:
[Span]}`, `revision() -> str`, `labels`, and optionally `load()` and `stats`.
Built from a model card (cards.py) by harness.build_extractor.

The revision helpers below hash the files an extractor's predictions depend on."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Iterable


def files_revision(paths: Iterable[Path], extra: str = "") -> str:
    """ "sha256:" over the names and bytes of the files that make an extractor
    (plus `extra`, e.g. a data library's version). Any edit gives a new
    revision, so cached predictions of the old code are never reused."""
    digest = hashlib.sha256()
    for path in paths:
        digest.update(Path(path).name.encode("utf-8") + b"\0" + Path(path).read_bytes())
    digest.update(extra.encode("utf-8"))
    return "sha256:" + digest.hexdigest()


def package_files(folder: Path) -> list[Path]:
    """Every Python source file of a package folder, sub-packages included,
    sorted: what a rule extractor's predictions are made of."""
    folder = Path(folder)
    return sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.relative_to(folder).parts)


def package_revision(folder: Path, extra: str = "") -> str:
    """ "sha256:" over every source file of a package folder (relative path and
    bytes) plus `extra`: a file added to, edited in or removed from the
    package gives a new revision, with no list of files to keep up to date."""
    folder = Path(folder).resolve()
    digest = hashlib.sha256()
    for path in package_files(folder):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    digest.update(extra.encode("utf-8"))
    return "sha256:" + digest.hexdigest()


def directory_revision(directory: Path) -> str:
    """ "sha256:" over every file under `directory` (relative path and bytes):
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
