"""The extended news corpus: our annotations over texts we may not redistribute.

The repository holds annotations/news/*.json and annotations/news/MANIFEST.tsv
(source repository, path, commit, licence, outlet, sha256 and split of each
text) but never the texts. They are read from a directory the user names
(--corpus-dir or $BENCH_NEWS_DIR) and every one is checked against the
manifest's sha256; `bench corpus fetch DIR` downloads them from the public
repositories at the pinned commits.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import zipfile
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from .documents import Corpus, CorpusError, make_corpus, os_reason
from .validate import document_with_gold
from ..paths import project_root

ENV_DIR = "BENCH_NEWS_DIR"
SPLITS = ("dev", "test")
MANIFEST_COLUMNS = (
    "file",
    "source_dataset",
    "repository",
    "path_in_repo",
    "commit",
    "license",
    "outlet",
    "stratum",
    "date",
    "sha256",
    "split",
)


@dataclass(frozen=True)
class Entry:
    file: str
    source_dataset: str
    repository: str
    path_in_repo: str
    commit: str
    license: str
    outlet: str
    stratum: str
    date: str
    sha256: str
    split: str

    @property
    def stem(self) -> str:
        return Path(self.file).stem


def news_dir(root: Path | None = None) -> Path:
    return (root or project_root()) / "annotations" / "news"


def read_manifest(root: Path | None = None) -> list[Entry]:
    path = news_dir(root) / "MANIFEST.tsv"
    if not path.exists():
        raise CorpusError(f"{path}: file not found (the news corpus manifest)")
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = set(MANIFEST_COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise CorpusError(f"{path}: missing columns {', '.join(sorted(missing))}")
        entries = []
        for line, row in enumerate(reader, 2):
            if row["split"] not in SPLITS:
                raise CorpusError(f"{path}: line {line}: split {row['split']!r} is not one of {SPLITS}")
            entries.append(Entry(**{k: row[k] for k in MANIFEST_COLUMNS}))
    return entries


# --corpus-dir of a command that reaches the news corpus only through records
# or validation (commands/_options.py), for the duration of that command.
_OPTION_DIR: ContextVar[Path | None] = ContextVar("news_texts_dir", default=None)


@contextmanager
def use_texts_dir(directory: Path) -> Iterator[None]:
    """Within the block, `texts_dir(None)` means `directory`."""
    token = _OPTION_DIR.set(Path(directory))
    try:
        yield
    finally:
        _OPTION_DIR.reset(token)


def configured_dir() -> Path | str | None:
    """The directory named by --corpus-dir or $BENCH_NEWS_DIR, if any."""
    return _OPTION_DIR.get() or os.environ.get(ENV_DIR) or None


def texts_dir(corpus_dir: Path | str | None) -> Path:
    """The directory of the news texts, or a one-line error saying how to get it."""
    chosen = corpus_dir or configured_dir()
    if not chosen:
        raise CorpusError(
            "the news texts are not in the repository (their licences forbid it): pass --corpus-dir DIR or "
            f"set {ENV_DIR}; `bench corpus fetch DIR` downloads them"
        )
    path = Path(chosen).expanduser()
    if not path.is_dir():
        raise CorpusError(f"{path}: no such directory (the news texts)")
    return path


def read_checked(directory: Path, entries: list[Entry]) -> tuple[dict[str, str], list[str]]:
    """({file: text} of the texts whose sha256 matches the manifest, one line
    per missing or changed text). Each file is read once."""
    texts, problems = {}, []
    for entry in entries:
        path = directory / entry.file
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            problems.append(f"{path}: missing")
            continue
        except OSError as err:  # a directory where the text should be, no permission
            problems.append(f"{path}: {os_reason(err)}")
            continue
        actual = hashlib.sha256(data).hexdigest()
        if actual != entry.sha256:
            problems.append(f"{path}: changed (sha256 {actual[:12]}…, manifest says {entry.sha256[:12]}…)")
            continue
        try:
            texts[entry.file] = data.decode("utf-8")
        except UnicodeDecodeError as err:  # only when the manifest itself lists a non-UTF-8 text
            problems.append(f"{path}: not valid UTF-8 ({err.reason} at byte {err.start})")
    return texts, problems


def check_texts(directory: Path, entries: list[Entry]) -> list[str]:
    """One line per missing or changed text."""
    return read_checked(directory, entries)[1]


def load_news(corpus_dir: Path | str | None = None, split: str | None = "test") -> Corpus:
    """The news corpus split ("dev", "test" or "all"/None for both), texts verified."""
    split = split or "test"
    entries = [e for e in read_manifest() if split == "all" or e.split == split]
    texts, problems = read_checked(texts_dir(corpus_dir), entries)
    if problems:
        shown = "; ".join(problems[:5]) + (f"; and {len(problems) - 5} more" if len(problems) > 5 else "")
        raise CorpusError(f"news corpus: {len(problems)} text(s) missing or changed: {shown}")
    documents = []
    for entry in entries:
        ann = news_dir() / f"{entry.stem}.json"
        if not ann.exists():
            raise CorpusError(f"{ann}: file not found (no gold for {entry.file})")
        documents.append(document_with_gold(entry.stem, texts[entry.file], ann, entry.file))
    return make_corpus(f"news-{split}", documents)


def available_news_splits() -> dict[str, Corpus]:
    """Both news splits when --corpus-dir or $BENCH_NEWS_DIR points at the texts, else nothing."""
    if not configured_dir():
        return {}
    return {f"news_{s}": load_news(None, s) for s in SPLITS}


def news_pairs(root: Path | None = None) -> Iterator[tuple[Path, Path, str]]:
    """(text, annotation, name) of every news document, for `bench validate`.
    Without the texts, nothing is yielded and a note says so."""
    root = root or project_root()
    if not (news_dir(root) / "MANIFEST.tsv").exists():
        return
    entries = read_manifest(root)
    try:
        directory = texts_dir(None)
    except CorpusError as err:
        import sys

        print(f"note: {len(entries)} news annotations not checked: {err}", file=sys.stderr)
        return
    for entry in entries:
        ann = news_dir(root) / f"{entry.stem}.json"
        yield directory / entry.file, ann, str(ann.relative_to(root))


# --- fetching the texts --------------------------------------------------------


def raw_url(entry: Entry, path: str) -> str:
    return f"https://raw.githubusercontent.com/{entry.repository}/{entry.commit}/{path}"


def extract_text(entry: Entry, fetch: Callable[[str], bytes]) -> str:
    """The article text as the corpus publishes it (surrounding whitespace trimmed).

    ANT files are plain text files; SaudiNewsNet keeps a day's articles as a
    JSON array inside a zip: `dataset/D.zip :: D.json [array index N]`.
    """
    if " :: " in entry.path_in_repo:
        zip_path, _, rest = entry.path_in_repo.partition(" :: ")
        member, _, index = rest.partition(" [array index ")
        archive = zipfile.ZipFile(io.BytesIO(fetch(raw_url(entry, zip_path))))
        articles = json.loads(archive.read(member.strip()).decode("utf-8"))
        return articles[int(index.rstrip("]"))]["content"].strip()
    return fetch(raw_url(entry, entry.path_in_repo)).decode("utf-8").strip()


def http_get(url: str) -> bytes:
    from urllib.request import urlopen

    with urlopen(url, timeout=60) as response:  # noqa: S310 - fixed https host
        return response.read()


def fetch_corpus(
    directory: Path,
    fetch: Callable[[str], bytes] = http_get,
    progress: Callable[[str], None] = lambda _: None,
    force: bool = False,
) -> tuple[int, list[str]]:
    """Download every text into `directory`, verifying each sha256. Returns
    (number written, problems). A text whose hash differs is not written, and
    an existing file that differs from the manifest is left alone unless `force`."""
    from ..io import write_atomic

    if directory.exists() and not directory.is_dir():
        raise CorpusError(f"{directory}: is a file, not a directory (the news texts)")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise CorpusError(f"{directory}: cannot create the directory ({os_reason(err)})") from None
    cache: dict[str, bytes] = {}

    def cached_fetch(url: str) -> bytes:
        if url not in cache:
            cache[url] = fetch(url)
        return cache[url]

    written, problems = 0, []
    for entry in read_manifest():
        target = directory / entry.file
        if not check_texts(directory, [entry]):  # already there, unchanged
            continue
        if (target.exists() or target.is_symlink()) and not force:
            problems.append(
                f"{target}: exists and differs from the manifest; not overwritten "
                "(move it away, or pass --force to replace it)"
            )
            continue
        progress(entry.file)
        try:
            text = extract_text(entry, cached_fetch)
        except Exception as err:  # network, zip or JSON trouble: report per file
            problems.append(f"{entry.file}: could not fetch ({type(err).__name__}: {err})")
            continue
        data = text.encode("utf-8")
        if hashlib.sha256(data).hexdigest() != entry.sha256:
            problems.append(f"{entry.file}: fetched text does not match the manifest sha256; not written")
            continue
        write_atomic(target, data)
        written += 1
    return written, problems


def verify_dir(directory: Path) -> list[str]:
    return check_texts(directory, read_manifest())
