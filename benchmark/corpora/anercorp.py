"""ANERcorp at the CAMeL Lab train/test boundary, rebuilt from public sources.

The e5-small-anercorp baseline trains on the CAMeL Lab split of ANERcorp
(Benajiba et al. 2007; split of Obeid et al. 2020) and the leaderboard scores
its test half. Neither file may live in this repository, so `bench data fetch
anercorp DIR` downloads two public files at pinned commits, checks their
sha256, and rebuilds the two split files byte for byte:

- the original one-token-per-line ANERcorp (316 articles, no sentence breaks),
  whose distributed copy has a few broken lines and tag typos, repaired by
  fixed rules (`repair_line`, `TAG_FIXES`);
- the CAMeL Lab test file, used only to find where test starts: its first
  token is corrupt, its next 29 tokens occur exactly once in the repaired
  token stream, and test starts there; train is everything before it.

Sentences end after every `.` token; each split file holds `token TAG` lines
with one blank line after each sentence (UTF-8, `\\n`). The sha256 of every
file is pinned here, so a changed source or a changed rule is caught.

Where the files live: `$BENCH_DATA/anercorp/`, else `{cache}/data/anercorp/`
({cache} = $BENCH_CACHE, default ~/.cache/arabic-fin-ner-bench); never inside
the repository or beside it.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import DataError, InputError

DATA_ENV = "BENCH_DATA"
NAME = "anercorp"

TAGS = frozenset({"O", "B-PERS", "I-PERS", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"})
# Typos of the distributed file -> the tag meant (the README of the data, step 2).
TAG_FIXES = {
    "o": "O",
    "i-misc": "I-MISC",
    "b-misc": "B-MISC",
    "IPERS": "I-PERS",
    "B-ERS": "B-PERS",
    "I-PRG": "I-ORG",
    "B-PRG": "B-ORG",
    "B-PERs": "B-PERS",
    "B-ORF": "B-ORG",
    "B-OEG": "B-ORG",
    "B-MSIC": "B-MISC",
    "B-LOCI-PERS": "B-PERS",
}
BOUNDARY_TOKENS = 29  # CAMeL test tokens 2..30: enough to occur exactly once


@dataclass(frozen=True)
class Source:
    name: str
    repository: str
    commit: str
    path: str
    sha256: str

    @property
    def url(self) -> str:
        return f"https://raw.githubusercontent.com/{self.repository}/{self.commit}/{self.path}"


ORIGINAL = Source(
    "ANERCorp.txt",
    "TeletronicsDotAe/nlp-entityextraction",
    "3c8c6afd37c6ed3c3af3b3cc4e7130a20aa56efa",
    "src/test/resources/ANERCorp.txt",
    "a51fae1120aa5f56e36164f6cefa243edc37ec10baccbb283b5df76991ee1ba5",
)
# reachable from bvanaken/visbert's refs/pull/6/head
CAMEL_TEST = Source(
    "ANERCorp_CamelLab_test.txt",
    "bvanaken/visbert",
    "8c0f4a8b8eb821dca6d947206c3e3cbad9cda693",
    "data/ANERCorp_CamelLab_test.txt",
    "0eac2e38f4e8e3059cb58b9691b92d7720499a595b10919326b6a512d297ffe9",
)
SOURCES = (ORIGINAL, CAMEL_TEST)

TRAIN_FILE = "ANERCorp_CamelSplit_train_reconstructed.txt"
TEST_FILE = "ANERCorp_CamelSplit_test_reconstructed.txt"
SPLIT_SHA256 = {
    TRAIN_FILE: "0837928e856c2e91ad8af1ccf64c2bf409655b1ffab61954c78819ac55ea4229",
    TEST_FILE: "66973e8a8fd64ecec8b2671ac4d58d3108d8032ebf219ddf2e91e8482e2c4786",
}

Token = tuple[str, str]


# --- where the files live -------------------------------------------------------


def data_root() -> Path:
    """$BENCH_DATA, else {cache}/data."""
    env = os.environ.get(DATA_ENV)
    if env:
        return Path(env).expanduser()
    from ..paths import cache_dir

    return cache_dir() / "data"


def default_dir() -> Path:
    """Where `bench data fetch anercorp` writes and everything else looks."""
    return data_root() / NAME


def fetch_hint() -> str:
    return f"`bench data fetch anercorp` writes it to {default_dir()} ($BENCH_DATA/anercorp when {DATA_ENV} is set)"


def split_path(name: str) -> Path:
    """The path of a split file (TRAIN_FILE or TEST_FILE) in the default directory,
    or InputError saying how to get it."""
    path = default_dir() / name
    if not path.is_file():
        raise InputError(f"{path}: not found (ANERcorp, CAMeL split); {fetch_hint()}")
    return path


# --- the rebuild -------------------------------------------------------------------


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def repair_line(fields: list[str]) -> list[Token]:
    """The (token, tag) pairs one whitespace-split line of the original stands
    for (none, one or two), before tag typos are fixed."""
    if len(fields) == 1:
        field = fields[0]
        if field == "O":  # a tag with an empty token
            return []
        if field.endswith("O"):  # `.O`: token and tag run together
            return [(field[:-1], "O")]
        raise ValueError("one field that is not a token glued to `O`")
    if len(fields) == 2:
        first, second = fields
        if second.endswith("</title>"):  # an HTML remnant
            return []
        if first in TAGS and second not in TAGS:  # columns swapped
            return [(second, first)]
        return [(first, second)]
    if fields[1].startswith("O") and len(fields[1]) > 1:  # `. Oالإصابة O`: two tokens
        return [(fields[0], "O"), (fields[1][1:], fields[2])]
    return [(fields[0], fields[-1])]


def read_original(data: bytes) -> list[Token]:
    """The repaired token stream of the original ANERcorp file."""
    tokens: list[Token] = []
    for number, line in enumerate(data.decode("utf-8-sig").split("\n"), 1):
        fields = line.split()
        if not fields:
            continue
        try:
            pairs = repair_line(fields)
        except ValueError as err:
            raise DataError(f"{ORIGINAL.name}: line {number}: {err}: {line.strip()!r}") from None
        for token, tag in pairs:
            tag = TAG_FIXES.get(tag, tag)
            if tag not in TAGS:
                raise DataError(f"{ORIGINAL.name}: line {number}: unknown tag {tag!r}")
            tokens.append((token, tag))
    return tokens


def camel_tokens(data: bytes, count: int) -> list[str]:
    """The first `count` tokens of the CAMeL test file (sentence breaks ignored)."""
    tokens: list[str] = []
    for line in data.decode("utf-8-sig").split("\n"):
        fields = line.split()
        if fields:
            tokens.append(fields[0])
            if len(tokens) == count:
                break
    return tokens


def find_boundary(stream: list[Token], camel_test: bytes) -> int:
    """The index in `stream` where test starts: the one place CAMeL test tokens 2..30 occur."""
    probe = camel_tokens(camel_test, BOUNDARY_TOKENS + 1)[1:]
    if len(probe) < BOUNDARY_TOKENS:
        raise DataError(f"{CAMEL_TEST.name}: fewer than {BOUNDARY_TOKENS + 1} tokens")
    words = [token for token, _ in stream]
    first = probe[0]
    hits = [i for i, word in enumerate(words) if word == first and words[i : i + len(probe)] == probe]
    if len(hits) != 1:
        raise DataError(
            f"{CAMEL_TEST.name}: its tokens 2..{BOUNDARY_TOKENS + 1} occur {len(hits)} times "
            f"in {ORIGINAL.name}, expected exactly once"
        )
    return hits[0]


def render(stream: list[Token]) -> bytes:
    """`token TAG` lines, a blank line after each sentence (sentences end after `.`)."""
    lines: list[str] = []
    for token, tag in stream:
        lines.append(f"{token} {tag}\n")
        if token == ".":
            lines.append("\n")
    if stream and stream[-1][0] != ".":
        lines.append("\n")
    return "".join(lines).encode("utf-8")


def rebuild(original: bytes, camel_test: bytes) -> dict[str, bytes]:
    """{split file name: content} from the two source files."""
    stream = read_original(original)
    start = find_boundary(stream, camel_test)
    return {TRAIN_FILE: render(stream[:start]), TEST_FILE: render(stream[start:])}


# --- fetching and checking ---------------------------------------------------------


def http_get(url: str) -> bytes:
    from urllib.request import urlopen

    with urlopen(url, timeout=120) as response:  # noqa: S310 - fixed https host
        return response.read()


def fetch_anercorp(
    directory: Path, fetch: Callable[[str], bytes] | None = None, progress: Callable[[str], None] = lambda _: None
) -> list[Path]:
    """Download both sources into `directory`/sources, check their sha256,
    rebuild the split files beside them and check theirs. Returns the files
    written. Files already there with the right sha256 are kept; a file with
    another sha256 is never overwritten (DataError names it)."""
    from ..io import write_atomic

    fetch = fetch or http_get
    for name, expected in [(s.name, s.sha256) for s in SOURCES] + list(SPLIT_SHA256.items()):
        path = (directory / "sources" / name) if name in {s.name for s in SOURCES} else directory / name
        if path.exists() and sha256(path.read_bytes()) != expected:
            raise DataError(
                f"{path}: exists with another sha256 than {expected[:12]}…; "
                "move it away (this command does not overwrite what it did not write)"
            )
    written: list[Path] = []
    contents: dict[str, bytes] = {}
    for source in SOURCES:
        path = directory / "sources" / source.name
        if path.is_file():
            contents[source.name] = path.read_bytes()
            continue
        progress(source.url)
        try:
            data = fetch(source.url)
        except Exception as err:  # network trouble: one line, not a traceback
            raise InputError(f"{source.url}: could not fetch ({type(err).__name__}: {err})") from None
        if sha256(data) != source.sha256:
            raise DataError(f"{source.url}: sha256 {sha256(data)[:12]}…, expected {source.sha256[:12]}…; not written")
        contents[source.name] = data
    splits = rebuild(contents[ORIGINAL.name], contents[CAMEL_TEST.name])
    for name, data in splits.items():
        if sha256(data) != SPLIT_SHA256[name]:
            raise DataError(
                f"{name}: rebuilt with sha256 {sha256(data)[:12]}…, expected "
                f"{SPLIT_SHA256[name][:12]}…; nothing written"
            )
    for source in SOURCES:
        path = directory / "sources" / source.name
        if not path.is_file():
            write_atomic(path, contents[source.name])
            written.append(path)
    for name, data in splits.items():
        path = directory / name
        if not path.is_file():
            write_atomic(path, data)
            written.append(path)
    return written


def verify_dir(directory: Path) -> list[str]:
    """One line per missing or changed file; the sources are optional (the
    split files are what the benchmark reads), checked when present."""
    problems = []
    for name, expected in SPLIT_SHA256.items():
        path = directory / name
        if not path.is_file():
            problems.append(f"{path}: missing")
        elif sha256(path.read_bytes()) != expected:
            problems.append(f"{path}: changed (sha256 {sha256(path.read_bytes())[:12]}…, expected {expected[:12]}…)")
    for source in SOURCES:
        path = directory / "sources" / source.name
        if path.is_file() and sha256(path.read_bytes()) != source.sha256:
            problems.append(f"{path}: changed (expected sha256 {source.sha256[:12]}…)")
    return problems
