"""CoNLL files: reading, validating and writing column-per-field token files.

Two shapes are read here:

  token TAG          (2 columns) a tagged corpus such as ANERcorp;
                     `bench run --corpus conll:PATH` reads it with
                     `read_conll_tagged`.
  token gold pred    (3 columns) predictions made anywhere, scored by
                     `bench conlleval` (`read_conll_scored`).

Fields are separated by whitespace, a blank line ends a sentence, and
`-DOCSTART-` lines (CoNLL-2003 document markers, any number of columns) are
skipped and end the sentence too. Every tag column must hold `O`, `B-TYPE` or
`I-TYPE`; anything else (IOBES prefixes, a bare `B`, a missing type) is an
error. Tag sequences are returned as written: an `I-` that starts an entity is
left for the scorer's mode to interpret (see tagging.repair).

Bad input raises ConllError whose message has one `file:line: what is wrong`
line per problem, so a CLI can print it and exit 1.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Sequence

from .documents import CorpusError, os_reason
from ..errors import DataError
from ..io import write_atomic

DOCSTART = "-DOCSTART-"

# O, or B-/I- followed by a non-empty type (types may contain '-' or '_').
_TAG_RE = re.compile(r"O|[BI]-\S+")

# How many problems an error message lists before it summarizes the rest.
_MAX_LISTED = 20


class ConllError(DataError, CorpusError, ValueError):
    """A CoNLL file is unreadable or malformed. `problems` holds one
    `file:line: what is wrong` string per problem found."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        listed = problems[:_MAX_LISTED]
        if len(problems) > _MAX_LISTED:
            listed.append(f"... and {len(problems) - _MAX_LISTED} more problem(s)")
        super().__init__("\n".join(listed))


def is_valid_tag(tag: str) -> bool:
    """True for `O`, `B-TYPE` and `I-TYPE`."""
    return _TAG_RE.fullmatch(tag) is not None


def _column_names(columns: int) -> str:
    return {2: "token tag", 3: "token gold pred"}.get(columns, f"{columns} columns")


def _tag_column_name(columns: int, column: int) -> str:
    names = {3: {2: "gold", 3: "pred"}}.get(columns, {})
    return f" ({names[column]})" if column in names else ""


def read_conll(path: Path | str, columns: int) -> list[list[tuple[str, ...]]]:
    """Sentences of `columns`-field rows; every field after the token is a tag.

    Raises ConllError listing every malformed line (wrong column count, a tag
    that is not O/B-X/I-X), or when the file is missing or not UTF-8.
    """
    path = Path(path)
    try:
        with open(path, encoding="utf-8-sig") as handle:
            # universal newlines turn \r\n and \r into \n; split on \n only, so
            # line numbers are the ones an editor shows
            lines = handle.read().split("\n")
    except UnicodeDecodeError as err:
        raise ConllError([f"{path}: not valid UTF-8 ({err.reason} at byte {err.start})"]) from None
    except OSError as err:
        raise ConllError([f"{path}: {os_reason(err)}"]) from None

    sentences: list[list[tuple[str, ...]]] = []
    current: list[tuple[str, ...]] = []
    problems: list[str] = []

    def end_sentence() -> None:
        nonlocal current
        if current:
            sentences.append(current)
            current = []

    for number, line in enumerate(lines, start=1):
        fields = line.split()
        if not fields:
            end_sentence()
            continue
        if fields[0] == DOCSTART:
            end_sentence()
            continue
        if len(fields) != columns:
            problems.append(
                f"{path}:{number}: expected {columns} columns ({_column_names(columns)}), "
                f"found {len(fields)}: {line.strip()!r}"
            )
            continue
        for column, tag in enumerate(fields[1:], start=2):
            if not is_valid_tag(tag):
                problems.append(
                    f"{path}:{number}: column {column}{_tag_column_name(columns, column)}: "
                    f"label {tag!r} is not O, B-TYPE or I-TYPE"
                )
        current.append(tuple(fields))
    end_sentence()
    if problems:
        raise ConllError(problems)
    return sentences


def read_conll_tagged(path: Path | str) -> list[list[tuple[str, str]]]:
    """A `token TAG` corpus (e.g. ANERcorp) as sentences of (token, tag)."""
    return read_conll(path, 2)  # type: ignore[return-value]


def read_conll_scored(path: Path | str) -> list[list[tuple[str, str, str]]]:
    """A `token gold pred` file as sentences of (token, gold, pred)."""
    return read_conll(path, 3)  # type: ignore[return-value]


def format_conll(sentences: Iterable[Sequence[Sequence[str]]]) -> str:
    """CoNLL text: fields joined by one space, a blank line after each sentence.

    Tokens must not contain whitespace (it would shift the columns)."""
    out: list[str] = []
    for sentence in sentences:
        for row in sentence:
            for field in row:
                if not field or any(ch.isspace() for ch in field):
                    raise ValueError(f"CoNLL field {field!r} is empty or contains whitespace")
            out.append(" ".join(row))
        out.append("")
    return "\n".join(out) + ("\n" if out else "")


def write_conll(path: Path | str, sentences: Iterable[Sequence[Sequence[str]]]) -> None:
    """Write `format_conll(sentences)` atomically."""
    write_atomic(path, format_conll(sentences))
