"""Checks of a gold annotation file against its document.

Each problem is reported as `file: span N: what is wrong` (N is the index in
the file's "spans" list, as `jq '.spans[N]'` takes it), or `file: what is
wrong` for file-level problems.

`bench validate` prints every problem; every other reader of the gold (the
seed and news loaders in corpus.py / news.py, hence `run`, `score`, `check`,
`compare`, `leaderboard`, `report`, `export`) calls `require_valid`, which
raises `DataError` (exit 1) with the same first line, so no score is ever
computed on gold that `bench validate` rejects.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .documents import CorpusError, read_annotation, read_text, sha256_text
from ..diskcache import cache_get, cache_put, payload_key
from ..errors import DataError
from ..tagging import TokenIndex
from ..tokenize import tokenize
from ..paths import project_root
from ..types import LABELS, Document, Span


@dataclass(frozen=True)
class Problem:
    file: str
    span: int | None
    message: str

    def __str__(self) -> str:
        where = f"span {self.span}: " if self.span is not None else ""
        return f"{self.file}: {where}{self.message}"


def _is_edge_bad(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def _check_value(value) -> str | None:
    if not isinstance(value, dict):
        return "value must be an object {lower, upper, currency}"
    try:
        lower, upper = float(value["lower"]), float(value["upper"])
    except (KeyError, TypeError, ValueError):
        return "value needs numeric lower and upper"
    if lower > upper:
        return f"value lower {lower:g} is above upper {upper:g}"
    currency = value.get("currency")
    if currency is not None and not (isinstance(currency, str) and len(currency) == 3 and currency.isupper()):
        return f"value currency {currency!r} is not an ISO 4217 code"
    return None


def check_annotation(text_path: Path, annotation_path: Path, name: str | None = None) -> tuple[list[Problem], dict]:
    """All problems of one annotation file, and its span counts per label."""
    name = name or str(annotation_path)
    try:
        data = read_annotation(annotation_path)
    except CorpusError as err:
        return [Problem(name, None, str(err).split(": ", 1)[-1])], {label: 0 for label in LABELS}
    try:
        text = read_text(text_path)
    except CorpusError as err:  # the text is what is wrong: name it, not its annotation
        return (
            [Problem(str(text_path), None, f"{str(err).split(': ', 1)[-1]} (the text of {name})")],
            {label: 0 for label in LABELS},
        )
    return check_gold(data, text, text_path.name, name)


def display_name(annotation_path: Path, root: Path) -> str:
    """How `bench validate` names an annotation file: relative to the project root."""
    try:
        return str(annotation_path.relative_to(root))
    except ValueError:
        return str(annotation_path)


@lru_cache(maxsize=1)
def validator_revision() -> str:
    """sha256 over the source of the checks: this module and the tokenizer,
    tagging and types it checks with."""
    package = Path(__file__).resolve().parent.parent
    files = [Path(__file__).resolve()] + [package / name for name in ("tokenize.py", "tagging.py", "types.py")]
    return sha256_text("".join(path.read_text(encoding="utf-8") for path in files))


def require_valid(data: dict, text: str, text_name: str, annotation_path: Path, root: Path) -> None:
    """DataError (exit 1) with `bench validate`'s own first line for this file
    when the gold fails validation; every reader of the gold calls this."""
    # a passed check is remembered, keyed by its inputs and the code that checks
    key = payload_key(
        {
            "what": "valid gold",
            "annotation": data,
            "text": sha256_text(text),
            "text_name": text_name,
            "validator": validator_revision(),
        }
    )
    if cache_get(key, "gold") is True:
        return
    problems, _ = check_gold(data, text, text_name, display_name(annotation_path, root))
    if not problems:
        cache_put(key, True, "gold")
    if problems:
        more = (
            f" (and {len(problems) - 1} more problem(s) in this file; `bench validate` lists them)"
            if len(problems) > 1
            else ""
        )
        raise DataError(f"{problems[0]}{more}")


def check_gold(data: dict, text: str, text_name: str, name: str) -> tuple[list[Problem], dict]:
    """All problems of one (already read) annotation object against its text
    (`text_name`: the text file's name), and its span counts per label."""
    counts = {label: 0 for label in LABELS}
    problems: list[Problem] = []

    def bad(index: int | None, message: str) -> None:
        problems.append(Problem(name, index, message))

    if data.get("document") not in (None, text_name):
        bad(None, f"document is {data.get('document')!r} but the text file is {text_name!r}")
    if data.get("text_sha256") != sha256_text(text):
        bad(None, f"text hash mismatch: annotation has {data.get('text_sha256')}, {text_name} has {sha256_text(text)}")

    good: list[tuple[int, int, int]] = []  # (start, end, index) of spans with sane offsets
    for index, span in enumerate(data["spans"]):
        if not isinstance(span, dict):
            bad(index, "not an object")
            continue
        start, end, label = span.get("start"), span.get("end"), span.get("label")
        if not isinstance(start, int) or not isinstance(end, int):
            bad(index, "start and end must be integers")
            continue
        if label not in LABELS:
            bad(index, f"unknown label {label!r} (expected one of {', '.join(LABELS)})")
        if start < 0 or end > len(text):
            bad(index, f"offsets [{start}, {end}) out of range (text has {len(text)} characters)")
            continue
        if start >= end:
            bad(index, f"offsets [{start}, {end}) are reversed or empty")
            continue
        if span.get("text") != text[start:end]:
            bad(index, f"text {span.get('text')!r} differs from the document's {text[start:end]!r} at [{start}, {end})")
        if _is_edge_bad(text[start]) or _is_edge_bad(text[end - 1]):
            bad(index, f"{text[start:end]!r} starts or ends on whitespace or punctuation")
        if "value" in span:
            if label != "MONEY":
                bad(index, "only MONEY spans carry a value")
            elif (message := _check_value(span["value"])) is not None:
                bad(index, message)
        if label in LABELS:
            counts[label] += 1
        good.append((start, end, index))

    good.sort()
    for (s1, e1, i1), (s2, e2, i2) in zip(good, good[1:]):
        if s2 < e1:
            bad(i2, f"overlaps span {i1} ({text[s1:e1]!r} and {text[s2:e2]!r})")

    # Two spans that do not overlap in characters can still touch one token
    # (e.g. one ends inside a word the other starts in); the IOB2 projection
    # cannot represent both, so the gold would silently lose one.
    tokens = tokenize(text)
    token_index = TokenIndex(tokens)
    owner: dict[int, int] = {}
    for start, end, index in good:
        first, last = token_index.token_range(start, end)
        for t in range(first, last):
            if t in owner:  # every span is visited once: the owner is another span
                bad(
                    index, f"shares the token {tokens[t].text!r} with span {owner[t]}; spans must cover different words"
                )
                break
            owner[t] = index
    return problems, counts


def document_from_files(text_path: Path, annotation_path: Path, root: Path | None = None) -> Document:
    """Load one document and its gold, validated as `bench validate` does."""
    return document_with_gold(text_path.stem, read_text(text_path), annotation_path, text_path.name, root)


def document_with_gold(
    doc_id: str, text: str, annotation_path: Path, text_name: str | None = None, root: Path | None = None
) -> Document:
    """A document from its (already read) text and its annotation file
    (`text_name`: the text file's name). The gold is checked with
    validate.require_valid: gold that `bench validate` rejects raises
    DataError (exit 1) with the same message, so it is never scored."""
    data = read_annotation(annotation_path)
    require_valid(data, text, text_name or f"{doc_id}.txt", annotation_path, root or project_root())
    try:
        spans = tuple(sorted(Span.from_json(s) for s in data["spans"]))
    except (KeyError, TypeError, ValueError) as err:
        raise CorpusError(f"{annotation_path}: malformed span ({err}); run `bench validate`") from None
    meta = {k: v for k, v in data.items() if k != "spans"}
    return Document(doc_id, text, spans, meta)
