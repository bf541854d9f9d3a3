"""The `gazetteer` rule baseline: LOC from place-name lists, ORG from names and designator patterns.

LOC: Arabic country and region names from CLDR (through Babel), Arabic names of
capitals and financial centres (CLDR time-zone exemplar cities, whitelisted,
plus a hand-written list), regions and seas, and oil and gas fields after their
designator (حقل "[ظهر]").
ORG: well-known organizations by name; a designator noun (شركة، وزارة، بنك ...)
followed by a name, cut by a small grammar of what can continue a name; listed
companies named by a place or name adjective and their sector ([مكة للإنشاء]،
[التعاونية للتأمين]) or their legal form ([المملكة القابضة]).
Then, per document: another name written right after an ORG (its abbreviation in
brackets or quotes, its Latin form), and later bare mentions of a proper name the
document introduced with a designator or in quotes.
Span boundaries follow annotations/GUIDELINES.md.

Built from linguistic knowledge and its own test sentences (tests/test_gazetteer.py),
never from the gold annotations; the rules were checked against the news corpus's
dev split only (benchmarks/GAZETTEER.md). Matching works on a normalized copy of
the text (gazetteer_lexicon.normalize) and maps every match back to offsets in the
untouched text. A mention is matched whole-word only; a proclitic (و ف ب ل ك and
their pairs) stays outside the span; for ل + ال written "لل" the span starts at the
second ل (the article's, whose alef is not written). Longest match wins, ORG before
LOC on equal length; spans never overlap.

Modules: data (word lists), lexicon (normalization, lexicon), text (the text as
words, lexicon lookup), names (designator + name), bare_names (names with no
designator in the span), this one (choosing spans, document passes, the extractor).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import regex

from ....intervals import DisjointIntervals
from ....types import Document, Span
from ... import package_revision
from ...protocol import ExtractorBase
from .lexicon import DIACRITICS, WORD_RE, Lexicon, lexicon, normalize
from .bare_names import field_match, legal_form_name_match, quoted_before_nationality, sector_name_match
from .names import designator_match, propagates_quoted
from .text import LATIN_RE, Words, context_match, lexicon_match, name_up_to_mark, readings

__all__ = ["GazetteerExtractor", "extract", "lexicon", "normalize", "revision"]

# Another name of the same body right after it: in brackets or quotes
# (منظمة الدول المصدرة للبترول (أوبك)، شركة النفط والغاز الطبيعي الهندية "فيديش").
# The opening mark must touch the next word and follow a space, so that the
# closing quote of a quoted name ("آبل" وحكم) is never read as an opening one.
_ALIAS_OPEN_RE = regex.compile(r"\s+[(\"«“»]|\s*\(")
_ALIAS_CLOSE_RE = regex.compile(r"\s*[)\"»”«]")
_QUOTE_MARKS = "\"'«»“”"
# What may follow a number that is part of an amount or a share: a decimal
# separator and digits, or a percent sign.
_DECIMAL_GAP_RE = regex.compile(r"[.,،٫٬]")
_HYPHEN_RE = regex.compile(r"\s*[-–]\s*")


@dataclass(frozen=True)
class Candidate:
    start: int  # offsets into the normalized copy
    end: int
    label: str
    adjective_like: bool = False  # a place name that is also an adjective (السعودية)
    propagate: bool = False  # a proper name whose other bare mentions count too


# --- choosing and mapping back ----------------------------------------------------------


def _blocked(t: Words, first_word: int, last_word: int, label: str, lex: Lexicon) -> bool:
    """A name that is part of a non-entity: an index (مؤشر داو جونز), a programme,
    an event or agreement (منتدى قطر - ألمانيا، اتفاقية باريس), a product
    (طائرات بوينج، ستاندرد آند بورز 500)."""
    before = first_word - 1
    # Walk back over names joined by a hyphen (منتدى قطر - ألمانيا).
    while before >= 1 and _HYPHEN_RE.fullmatch(t.gap(before)):
        before -= 1
    if t.spaced(before) and any(b in lex.not_entity_before for b, _ in readings(t.word(before))):
        return True
    return label == "ORG" and _model_number_follows(t, last_word, lex)


def _model_number_follows(t: Words, last: int, lex: Lexicon) -> bool:
    """A bare number right after a name makes a product or an index (بوينج 787،
    ستاندرد آند بورز 500), unless it is an amount or a share (توتال 4.2 مليار،
    أبل 2.3 في المئة، 7%)."""
    if not t.spaced(last) or not t.word(last + 1)[0].isdigit():
        return False
    n = last + 1
    after = t.after(n)
    if after.lstrip().startswith(("%", "٪")):
        return False
    if n + 1 < len(t.words):
        if _DECIMAL_GAP_RE.fullmatch(after) and t.word(n + 1)[0].isdigit():
            return False
        if after.isspace() and t.word(n + 1) in lex.amount_words:
            return False
    return True


def _several_words(t: Words, first: int, last: int) -> bool:
    return last > first


def _never(t: Words, first: int, last: int) -> bool:
    return False


# The name rules that return (start offset, last word), with the label of their
# match and whether its other bare mentions count too. Several words, or one
# quoted word that is not a common one, recur as the same name; a bare single
# word (حقل "ظهر" vs ظهر "appeared") may not, nor a sector name.
_NAME_RULES = (
    (sector_name_match, "ORG", _never),
    (legal_form_name_match, "ORG", _several_words),
    (quoted_before_nationality, "ORG", propagates_quoted),
    (field_match, "LOC", _several_words),
)


def find_candidates(t: Words, lex: Lexicon) -> list[Candidate]:
    """Every lexicon and designator match, overlapping."""
    found = []
    for k in range(len(t.words)):
        for hit in (lexicon_match(t, k, lex), context_match(t, k, lex)):
            if hit is None:
                continue
            last, label, start = hit
            end = t.words[last][1]
            if end < len(t.norm) and t.norm[end] == "+" and tuple(WORD_RE.findall(t.norm[start:end])) in lex.plus_names:
                end += 1  # [أوبك+]
            if not _blocked(t, k, last, label, lex):
                bare = last == k and start == t.words[k][0]  # one word, no proclitic
                adjective_like = bare and t.word(k) in lex.ambiguous_loc
                found.append(Candidate(start, end, label, adjective_like))
        for org in designator_match(t, k, lex):
            if not _blocked(t, k, org.last, "ORG", lex):
                found.append(Candidate(org.start, t.words[org.last][1], "ORG", propagate=org.propagate))
        for rule, label, propagates in _NAME_RULES:
            hit = rule(t, k, lex)
            if hit is not None and not _blocked(t, k, hit[1], label, lex):
                start, last = hit
                first = t.index_at(start)
                if first is None:  # the name starts after a proclitic
                    first = k
                found.append(Candidate(start, t.words[last][1], label, propagate=propagates(t, first, last)))
    return found


def select(candidates: list[Candidate], norm: str) -> list[Candidate]:
    """Non-overlapping choice: longest first, ORG before LOC, then leftmost."""
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), c.label != "ORG", c.start))
    taken: list[Candidate] = []
    held = DisjointIntervals()  # `taken`, searchable: one scan of it per candidate is quadratic
    for c in ranked:
        if not held.overlaps(c.start, c.end):
            taken.append(c)
            held.add(c.start, c.end)
    taken.sort(key=lambda c: c.start)
    # After an ORG name, السعودية is its adjective, not a place: [إنرون] الأمريكية.
    return [
        c
        for i, c in enumerate(taken)
        if not (c.adjective_like and i and taken[i - 1].label == "ORG" and norm[taken[i - 1].end : c.start].isspace())
    ]


# --- document-level passes ------------------------------------------------------------------


def _second_forms(t: Words, taken: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """Another name of a found ORG written right after it (guidelines 2): an
    abbreviation or short name in brackets or quotes ([بترول أبوظبي الوطنية]
    "[أدنوك]"، السوق المالية "[تداول]") or a Latin-script form (كريم [Careem])."""
    out = []
    for c in taken:
        if c.label != "ORG":
            continue
        k = t.index_at(_next_word_start(t, c.end))
        if k is None:
            continue
        gap = t.norm[c.end : t.words[k][0]]
        if c.start and t.norm[c.start - 1] in _QUOTE_MARKS and gap[:1] in _QUOTE_MARKS:
            gap = gap[1:]  # the closing quote of a quoted name: شركة "كوين-تشيك" Coincheck
        if _ALIAS_OPEN_RE.fullmatch(gap):
            last = _bracketed_name(t, k)
            alias = t.norm[t.words[k][0] : t.words[last][1]] if last is not None else ""
            if len(alias) >= 2 and lexicon_match(t, k, lex, clitics=False) is None:
                out.append(Candidate(t.words[k][0], t.words[last][1], "ORG", propagate=True))
        elif gap.isspace() and LATIN_RE.fullmatch(t.word(k)):
            last = k
            while t.spaced(last) and LATIN_RE.fullmatch(t.word(last + 1)):
                last += 1
            out.append(Candidate(t.words[k][0], t.words[last][1], "ORG", propagate=True))
    return out


def _next_word_start(t: Words, offset: int) -> int:
    m = WORD_RE.search(t.norm, offset)
    return m.start() if m else -1


def _bracketed_name(t: Words, k: int):
    """Words k.. up to a closing bracket or quote (at most 4, no digits): the last word."""
    last = name_up_to_mark(t, k, 4, _ALIAS_CLOSE_RE)
    if last is None or any(t.word(j)[0].isdigit() for j in range(k, last + 1)):
        return None
    return last


def _other_mentions(t: Words, taken: list[Candidate], lex: Lexicon) -> list[Candidate]:
    """Bare later (and earlier) mentions of a proper name the document
    introduced with its designator or in quotes: شركة "[كوين-تشيك]" ...
    وأوضحت [كوين-تشيك] (one name, one body within a document)."""
    names: dict[tuple[str, ...], str] = {}
    for c in taken:
        if c.propagate:
            key = tuple(WORD_RE.findall(t.norm[c.start : c.end]))
            if key and sum(len(w) for w in key) >= 3 and key not in lex.names:
                names.setdefault(key, c.label)
    if not names:
        return []
    longest = max(len(key) for key in names)
    out = []
    for k in range(len(t.words)):
        for first, skipped in readings(t.word(k)):
            words, last = [first], k
            while True:
                label = names.get(tuple(words))
                if label is not None and not _blocked(t, k, last, label, lex):
                    out.append(Candidate(t.words[k][0] + skipped, t.words[last][1], label))
                if len(words) >= longest or not t.joined(last):
                    break
                last += 1
                words.append(t.word(last))
    return out


def _add(taken: list[Candidate], extra: list[Candidate]) -> list[Candidate]:
    """`taken` plus those of `extra` that overlap nothing already there."""
    held = DisjointIntervals((c.start, c.end) for c in taken)
    for c in sorted(extra, key=lambda c: (-(c.end - c.start), c.start)):
        if not held.overlaps(c.start, c.end):
            taken.append(c)
            held.add(c.start, c.end)
    return sorted(taken, key=lambda c: c.start)


def extract(text: str) -> list[Span]:
    """LOC and ORG spans over the untouched `text`."""
    lex = lexicon()
    norm, offsets = normalize(text)
    t = Words(norm, [m.span() for m in WORD_RE.finditer(norm)])
    taken = select(find_candidates(t, lex), norm)
    taken = _add(taken, _second_forms(t, taken, lex))
    taken = _add(taken, _other_mentions(t, taken, lex))
    spans = []
    for c in taken:
        start = offsets[c.start]
        end = offsets[c.end - 1] + 1
        while end < len(text) and text[end] in DIACRITICS:
            end += 1  # diacritics written on the last letter belong to the word
        spans.append(Span(start, end, c.label, text[start:end]))
    return spans


# --- the extractor the harness builds -------------------------------------------------


class GazetteerExtractor(ExtractorBase):
    """`predict(documents) -> {document id: [Span]}` over LOC and ORG."""

    name = "gazetteer"
    labels = ("ORG", "LOC")

    def __init__(self) -> None:
        lexicon()  # build once, up front, so predict timing is prediction only

    def predict(self, documents: Sequence[Document]) -> dict[str, list[Span]]:
        return {doc.id: extract(doc.text) for doc in documents}

    def revision(self) -> str:
        return revision()


@lru_cache(maxsize=1)
def revision() -> str:
    """sha256 of this code, its word lists and the Babel (CLDR) version."""
    import babel

    return package_revision(Path(__file__).resolve().parent, extra=f"babel {babel.__version__}")
