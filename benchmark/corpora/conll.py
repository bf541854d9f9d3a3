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

`with_predictions` writes predicted character spans back onto a `token TAG`
file's own tokens as a `token gold pred` file: `bench conlleval` on it gives
the scores `bench run --corpus conll:PATH` gives (both project onto the
file's tokens).

Bad input raises ConllError whose message has one `file:line: what is wrong`
line per problem, so a CLI can print it and exit 1.
"""

from __future__ import annotations

import re
from pathlib import Path
from collections.abc import Iterable, Mapping, Sequence

from .documents import CorpusError, os_reason
from ..errors import DataError
from ..io import write_atomic
from ..types import DEFAULT_LABEL_MAP, Document, Span, Token

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


def with_predictions(
    path: Path | str, predictions: Mapping[str, Sequence], label_map: Mapping[str, str | None] | None = None
) -> list[list[tuple[str, str, str]]]:
    """The sentences of the `token TAG` file at `path` as (token, gold, pred)
    rows, both columns projected onto the file's tokens exactly as
    `bench run --corpus conll:PATH` scores them.

    gold: the file's tags as the benchmark reads them: types mapped through
    `label_map` (the default map when None) to MONEY/ORG/LOC, other types O,
    and an I- that starts an entity written B- (the benchmark reads gold the
    conlleval way, whichever mode it scores in). pred: the predicted spans
    (document id -> spans, ids as `bench run` names them); a document without
    predictions gets O throughout."""
    from ..tagging import spans_to_tags

    mapping = {k.upper(): v for k, v in (label_map or DEFAULT_LABEL_MAP).items()}
    out = []
    for doc in conll_documents(Path(path), mapping):
        tokens = doc.tokens or ()
        gold = spans_to_tags(tokens, doc.spans)
        pred = spans_to_tags(tokens, predictions.get(doc.id, ()))
        out.append([(token.text, g, p) for token, g, p in zip(tokens, gold, pred)])
    return out


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


def conll_documents(path: Path, label_map: dict[str, str | None]) -> list[Document]:
    """An external CoNLL corpus (`token TAG` lines) as one document per sentence.

    Tokens are joined by single spaces, so character offsets are exact; gold
    types map to MONEY/ORG/LOC through `label_map` (unmapped types -> O), the
    same map the model card applies to the model's own labels.

    Each document keeps the file's tokens (`Document.tokens`), and scoring
    projects gold and predicted spans onto them, not onto a re-tokenization:
    a token with glued punctuation (`دولار.`) stays one token, so predictions
    written back into the file score as `bench conlleval` scores them. The
    tokens are `text.split(" ")`, so the corpus hashes (over texts and spans)
    cover them.
    """
    from ..tagging import split_tag

    documents = []
    for number, sentence in enumerate(read_conll_tagged(path)):
        pieces, tokens, spans, offset = [], [], [], 0
        open_span: list | None = None
        for token, tag in sentence:
            start, end = offset, offset + len(token)
            prefix, model_type = split_tag(tag)
            label = label_map.get(model_type.upper()) if model_type else None
            if open_span and prefix == "I" and label == open_span[2]:
                open_span[1] = end
            else:
                if open_span:
                    spans.append(open_span)
                open_span = [start, end, label] if label else None
            pieces.append(token)
            tokens.append(Token(start, end, token))
            offset = end + 1
        if open_span:
            spans.append(open_span)
        text = " ".join(pieces)
        gold = tuple(Span(s, e, lab, text[s:e]) for s, e, lab in spans)
        documents.append(Document(f"{path.stem}:{number:05d}", text, gold, tokens=tuple(tokens)))
    return documents
