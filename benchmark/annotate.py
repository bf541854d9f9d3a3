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

from .corpus import CorpusError, read_text, sha256_text
from .io import write_json_atomic
from .types import MoneyValue, Span

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


def parse_value(field: str) -> MoneyValue | None:
    """`lower..upper CUR`, `amount CUR`, `amount` (currency unknown) or `-` (a
    vague amount such as "مليارات الدولارات": MONEY without a value)."""
    if field.strip() == "-":
        return None
    amount, _, currency = field.strip().partition(" ")
    lower, _, upper = amount.partition("..")
    return MoneyValue(float(lower), float(upper or lower), currency.strip() or None)


def spans_from_mentions(text: str, lines: list[str], source: str = "mentions") -> list[Span]:
    spans: list[Span] = []
    cursor = 0
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 2:
            raise CorpusError(f"{source}: line {number}: expected LABEL<TAB>surface text")
        label, surface = fields[0].strip(), fields[1]
        pinned = len(fields) > 2 and fields[2].strip() != ""
        if pinned:
            cursor = int(fields[2])
        if pinned and text.startswith(surface, cursor):
            # An offset pinned exactly on the mention is taken as it is, even
            # inside a word glued on by a typo ("7158 مليون ديناروتحقيق").
            start = cursor
        else:
            start = text.find(surface, cursor)
            while start != -1 and not _boundary_ok(text, start, start + len(surface)):
                start = text.find(surface, start + 1)
        if start == -1:
            raise CorpusError(
                f"{source}: line {number}: {surface!r} not found as a whole word after offset {cursor}"
            )
        end = start + len(surface)
        value = None
        if label == "MONEY":
            if len(fields) > 3 and fields[3].strip():
                value = parse_value(fields[3])
            else:
                from .money import parse_money

                value = parse_money(surface)
        spans.append(Span(start, end, label, surface, value))
        cursor = end
    return spans


def annotation_json(text_path: Path, spans: list[Span], extra: dict | None = None) -> dict:
    text = read_text(text_path)
    data = {"document": text_path.name, "text_sha256": sha256_text(text)}
    data.update(extra or {})
    data["spans"] = [s.to_json() for s in sorted(spans)]
    return data


def write_annotation(path: Path, data: dict) -> None:
    write_json_atomic(path, data)
