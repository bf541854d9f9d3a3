"""Turn an annotator's mention list into a gold annotation file.

Annotators write what they see, in reading order, one mention a line:

    LOC<TAB>الولايات المتحدة
    LOC<TAB>كازاخستان
    ORG<TAB>وزارة الخارجية

and `bench annotate DOC.txt MENTIONS.tsv -o DOC.json` finds each surface string
in the text after the previous one, so nobody counts character offsets by hand.
A line may pin the search with a third column: the character offset to search
from (useful when a string also occurs inside a longer word earlier on); a
mention found exactly at that offset is taken even where it cuts a word.
MONEY lines may add a value in a fourth column as `lower..upper CUR` or
`amount CUR` (e.g. `3e9..5e9 USD`), or `-` for a vague amount that has no
value; without the column the value parser fills it in.
Matches never start or end inside a word unless the surface itself does not
begin/end with a letter, so "كازاخستان" is found in "وكازاخستان" (the
proclitic stays outside) but "بنك" is not found inside "البنك". A number glued to the word before it
("ناهزت500 مليون دينار") or to a proclitic with tatweel ("بـ32.5 مليار") can
start a span.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from .documents import CorpusError, read_text, sha256_text
from ..errors import DataError
from ..io import write_json_atomic
from ..types import LABELS, MoneyValue, Span

PROCLITICS = "وفبلك"
TATWEEL = "\u0640"


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == TATWEEL


def _boundary_ok(text: str, start: int, end: int) -> bool:
    """A match may not cut a word, except after up to two proclitics (وب، ول، فل...)."""
    if end < len(text) and _is_word_char(text[end]) and _is_word_char(text[end - 1]):
        return False
    if start > 0 and _is_word_char(text[start - 1]) and _is_word_char(text[start]):
        word_start = start
        while word_start > 0 and _is_word_char(text[word_start - 1]):
            word_start -= 1
        prefix = text[word_start:start].rstrip(TATWEEL)  # "بـ228": the tatweel joins the proclitic
        glued_number = text[start].isdigit() and not text[start - 1].isdigit()  # "ناهزت500"
        if not glued_number and (len(prefix) > 2 or any(c not in PROCLITICS for c in prefix)):
            return False
    return True


class MentionError(DataError, CorpusError):
    """A mention list line cannot be turned into a valid span (exit 1: the
    data is wrong); the message names the file and the line."""


def parse_value(field: str) -> MoneyValue | None:
    """`lower..upper CUR`, `amount CUR`, `amount` (currency unknown) or `-` (a
    vague amount such as "مليارات الدولارات": MONEY without a value).
    ValueError for anything else."""
    if field.strip() == "-":
        return None
    amount, _, currency = field.strip().partition(" ")
    lower, _, upper = amount.partition("..")
    return MoneyValue(float(lower), float(upper or lower), currency.strip() or None)


def _label(field: str, where: str) -> str:
    label = field.strip()
    if label in LABELS:
        return label
    hint = ""
    if label.lstrip("\ufeff") in LABELS:
        hint = " (a byte-order mark before the label: save the file as UTF-8 without BOM)"
    elif label.upper() in LABELS:
        hint = f" (labels are upper case: {label.upper()})"
    raise MentionError(f"{where}: unknown label {label!r}, expected one of {', '.join(LABELS)}{hint}")


def _pin(field: str, text: str, where: str) -> int:
    try:
        pin = int(field.strip())
    except ValueError:
        raise MentionError(f"{where}: offset {field.strip()!r} is not a whole number") from None
    if not 0 <= pin <= len(text):
        raise MentionError(f"{where}: offset {pin} is outside the text (0..{len(text)} characters)")
    return pin


def spans_from_mentions(
    text: str, lines: list[str], source: str = "mentions", read_money: Callable[[str], MoneyValue | None] | None = None
) -> list[Span]:
    """The spans a mention list describes; MentionError (a CorpusError) naming
    the line for a malformed line, an unknown label, a bad offset or value, or
    a mention that is not found."""
    return [span for span, _ in mentions_with_lines(text, lines, source, read_money)]


def mentions_with_lines(
    text: str, lines: list[str], source: str = "mentions", read_money: Callable[[str], MoneyValue | None] | None = None
) -> list[tuple[Span, int]]:
    """(span, line number of its mention) for every mention line. A MONEY
    mention without a value column gets `read_money(surface)` (`bench
    annotate` passes the money-rules parser; corpora never import an
    extractor), or no value when it is None."""
    spans: list[tuple[Span, int]] = []
    cursor = 0
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{source}: line {number}"
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 2:
            raise MentionError(f"{where}: expected LABEL<TAB>surface text")
        label, surface = _label(fields[0], where), fields[1]
        if not surface.strip():
            raise MentionError(f"{where}: the surface text is empty")
        pinned = len(fields) > 2 and fields[2].strip() != ""
        if pinned:
            cursor = _pin(fields[2], text, where)
        if pinned and text.startswith(surface, cursor):
            # An offset pinned exactly on the mention is taken as it is, even
            # inside a word glued on by a typo ("7158 مليون ديناروتحقيق").
            start = cursor
        else:
            start = text.find(surface, cursor)
            while start != -1 and not _boundary_ok(text, start, start + len(surface)):
                start = text.find(surface, start + 1)
        if start == -1:
            raise MentionError(f"{where}: {surface!r} not found as a whole word after offset {cursor}")
        end = start + len(surface)
        value = None
        if label != "MONEY" and len(fields) > 3 and fields[3].strip():
            raise MentionError(f"{where}: only MONEY mentions carry a value (4th column)")
        if label == "MONEY":
            if len(fields) > 3 and fields[3].strip():
                try:
                    value = parse_value(fields[3])
                except ValueError:
                    raise MentionError(
                        f"{where}: value {fields[3].strip()!r} is not `lower..upper CUR`, `amount CUR` or `-`"
                    ) from None
            elif read_money is not None:
                value = read_money(surface)
        spans.append((Span(start, end, label, surface, value), number))
        cursor = end
    return spans


def annotation_json(text_path: Path, spans: list[Span], extra: dict | None = None) -> dict:
    text = read_text(text_path)
    data: dict[str, Any] = {"document": text_path.name, "text_sha256": sha256_text(text)}
    data.update(extra or {})
    data["spans"] = [s.to_json() for s in sorted(spans)]
    return data


def check_before_writing(
    text: str, text_path: Path, data: dict, source: str, lines_of_spans: dict[tuple[int, int], int] | None = None
) -> None:
    """DataError with the first problem `bench validate` would report for
    `data` (and how many more), so nothing it would refuse is ever written."""
    from .validate import check_gold

    problems, _ = check_gold(data, text, text_path.name, source)
    if not problems:
        return
    import re

    def line_of(index: int) -> str:
        span = data["spans"][index]
        line = (lines_of_spans or {}).get((span.get("start"), span.get("end")))
        return f"line {line}" if line else f"mention {span.get('text')!r}"

    first = problems[0]
    where = source if first.span is None else f"{source}: {line_of(first.span)}"
    # validate numbers spans by their place in the file; here the mention lines say more
    message = re.sub(r"\bspan (\d+)\b", lambda m: f"the mention on {line_of(int(m.group(1)))}", first.message)
    more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
    raise DataError(f"{where}: {message}{more}; nothing written")


def write_annotation(path: Path, data: dict) -> None:
    write_json_atomic(path, data)
