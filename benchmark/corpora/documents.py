"""The corpus type and reading gold files: `Corpus` (documents plus content
hashes), `CorpusError` (exit 2, naming the file), and the readers of a text
and an annotation file. The bottom of benchmark.corpora: every loader
(corpus, news, conll) and validate build on it, and it imports none of them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..types import Document


class CorpusError(InputError):
    """A corpus cannot be loaded (exit 2); the message names the file and the problem."""


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_text(path: Path) -> str:
    """A document's text, byte-for-byte (no newline translation)."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: not valid UTF-8 ({err.reason} at byte {err.start})") from None
    except OSError as err:
        raise CorpusError(f"{path}: {os_reason(err)}") from None


def os_reason(err: OSError) -> str:
    """What an OSError of reading means, in words ("file not found", "is a directory", ...)."""
    if isinstance(err, FileNotFoundError):
        return "file not found"
    if isinstance(err, IsADirectoryError):
        return "is a directory, expected a file"
    if isinstance(err, PermissionError):
        return "permission denied"
    return err.strerror or type(err).__name__


def read_annotation(path: Path) -> dict:
    """The raw JSON of one annotation file (checked by validate.py)."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except UnicodeDecodeError as err:
        raise CorpusError(f"{path}: not valid UTF-8 ({err.reason} at byte {err.start})") from None
    except json.JSONDecodeError as err:
        raise CorpusError(f"{path}: line {err.lineno}: invalid JSON: {err.msg}") from None
    except OSError as err:
        raise CorpusError(f"{path}: {os_reason(err)}") from None
    if not isinstance(data, dict) or not isinstance(data.get("spans"), list):
        raise CorpusError(f'{path}: expected an object with a "spans" list')
    return data


@dataclass(frozen=True)
class Corpus:
    name: str
    documents: tuple[Document, ...]
    sha256: str  # texts and gold spans: which gold a score was computed on
    texts_sha256: str  # texts only: what predictions depend on (the prediction cache key)

    @property
    def n_spans(self) -> int:
        return sum(len(d.spans) for d in self.documents)


def corpus_hashes(documents: tuple[Document, ...]) -> tuple[str, str]:
    """(sha256 over every document's id, text and gold spans as canonical JSON,
    sha256 over ids and texts only)."""
    full, texts = hashlib.sha256(), hashlib.sha256()
    for doc in sorted(documents, key=lambda d: d.id):
        identity = doc.id.encode("utf-8") + b"\0" + sha256_text(doc.text).encode("ascii") + b"\0"
        spans = [s.to_json() for s in sorted(doc.spans)]
        full.update(identity + json.dumps(spans, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\0")
        texts.update(identity)
    return full.hexdigest(), texts.hexdigest()


def make_corpus(name: str, documents: list[Document]) -> Corpus:
    docs = tuple(sorted(documents, key=lambda d: d.id))
    return Corpus(name, docs, *corpus_hashes(docs))
