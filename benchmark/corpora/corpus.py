"""Gold corpora: documents with their gold spans and content hashes.

A corpus is a tuple of `Document`s plus a sha256 over every text and every
annotation, so that a run record can say exactly which gold it was scored on
and a stale prediction cache or a record of another corpus version is never
mixed in silently.

Corpora:
  seed          seeds/*.txt + annotations/*.json (in this repository)
  news          texts from a user-given directory + annotations/news/*.json,
                checked against annotations/news/MANIFEST.tsv (see news.py)
  conll:PATH    an external CoNLL file (token TAG per line), one document per
                sentence, labels mapped to MONEY/ORG/LOC by a label map,
                scored on the file's own tokens; `{data}` in PATH is
                $BENCH_DATA (else {cache}/data), e.g.
                conll:{data}/anercorp/ANERCorp_CamelSplit_test_reconstructed.txt
"""

from __future__ import annotations

from pathlib import Path

from ..paths import project_root
from ..types import DEFAULT_LABEL_MAP, Document, Span  # noqa: F401  (DEFAULT_LABEL_MAP: re-exported)
from .conll import conll_documents
from .documents import Corpus, CorpusError, make_corpus
from .validate import document_from_files


DATA_PLACEHOLDER = "{data}"  # in a conll:PATH spec: the data directory (benchmark/corpora/anercorp.py)


def seed_pairs(root: Path | None = None) -> list[tuple[Path, Path]]:
    """(text, annotation) path pairs of the seed corpus."""
    root = root or project_root()
    pairs = []
    for text_path in sorted((root / "seeds").glob("*.txt")):
        pairs.append((text_path, root / "annotations" / f"{text_path.stem}.json"))
    return pairs


def load_seed(root: Path | None = None) -> Corpus:
    pairs = seed_pairs(root)
    if not pairs:
        raise CorpusError(f"{(root or project_root()) / 'seeds'}: no .txt documents")
    return make_corpus("seed", [document_from_files(t, a, root) for t, a in pairs])


def conll_path(given: str) -> Path:
    """The file of a `conll:PATH` spec. `{data}` in PATH stands for the data
    directory ($BENCH_DATA, else {cache}/data), so a run record's spec works on
    any machine. A path that does not exist (e.g. a record made where the data
    lived elsewhere) is looked up by its file name under {data}/anercorp, the
    one place `bench data fetch anercorp` writes to."""
    from . import anercorp

    if not given.strip():
        raise CorpusError("--corpus conll:PATH needs the path of a CoNLL file (`token TAG` lines)")
    path = Path(given.replace(DATA_PLACEHOLDER, str(anercorp.data_root()))).expanduser()
    if path.is_dir():
        raise CorpusError(f"{path}: is a directory, expected a CoNLL file (`token TAG` lines)")
    if path.exists():
        return path
    fallback = anercorp.default_dir() / path.name
    if fallback.is_file():
        return fallback
    if path.name in anercorp.SPLIT_SHA256:
        raise CorpusError(f"{path}: file not found (ANERcorp, CAMeL split); {anercorp.fetch_hint()}")
    raise CorpusError(f"{path}: file not found")


def portable_spec(spec: str) -> str:
    """`spec` as a run record stores it: a conll file under the data directory
    becomes `conll:{data}/...`, so the record does not depend on this machine's paths."""
    if not spec.startswith("conll:"):
        return spec
    from . import anercorp

    path = Path(spec[len("conll:") :]).expanduser()
    try:
        relative = path.resolve().relative_to(anercorp.data_root().resolve())
    except ValueError:
        return spec
    return f"conll:{DATA_PLACEHOLDER}/{relative.as_posix()}"


def load_corpus(
    spec: str, *, corpus_dir: Path | None = None, label_map: dict | None = None, split: str | None = None
) -> Corpus:
    """`seed`, `news` (texts from corpus_dir), or `conll:PATH`. Gold that
    `bench validate` rejects raises DataError; a corpus without documents
    (an empty CoNLL file, for example) raises CorpusError."""
    if spec == "seed":
        corpus = load_seed()
    elif spec == "news":
        from .news import load_news

        corpus = load_news(corpus_dir, split=split)
    elif spec.startswith("conll:"):
        path = conll_path(spec[len("conll:") :])
        mapping = {k.upper(): v for k, v in (label_map or DEFAULT_LABEL_MAP).items()}
        documents = conll_documents(path, mapping)
        if not documents:
            raise CorpusError(f"{path}: no tokens: an empty CoNLL corpus cannot be scored")
        corpus = make_corpus(f"conll:{path.name}", documents)
    else:
        raise CorpusError(f"unknown corpus {spec!r}: expected seed, news or conll:PATH")
    if not corpus.documents:  # a score over nothing would rank first
        raise CorpusError(f"corpus {corpus.name!r}: no documents; nothing to score")
    return corpus
