"""The one word tokenization every score is computed over.

It splits exactly as camel_tools' `simple_word_tokenize` (CAMeL Tools 1.x) does,
which is how ANERcorp-trained models such as CAMeLBERT see text: split on
whitespace, then every Unicode punctuation/symbol character (and every emoji
sequence) becomes a token of its own; clitics stay attached to their word and
digits are not split from letters, so "4.2" becomes "4 . 2".

Unlike camel_tools it keeps each token's character offsets into the untouched
text, which is what lets gold character spans be projected onto tokens. The
equality with camel_tools is pinned by tests/test_tokenize.py, which runs
camel_tools itself.
"""

from __future__ import annotations

import sys
import unicodedata
from functools import lru_cache

import regex

from .types import Document, Token

# The same pattern camel_tools uses: an emoji sequence (flags, modifiers,
# keycaps, ZWJ sequences), or a single symbol or punctuation character. A
# match only counts when the matched string is in the punctuation/symbol/emoji
# set below (so that e.g. a plain digit, which has the Emoji property, stays
# inside its word).
_SYMBOLS_RE = regex.compile(
    r"(?:(?:\p{RI}\p{RI}|\p{Emoji}(?:\p{EMod}|\uFE0F\u20E3?|[\U000E0020-\U000E007E]+\U000E007F)?"
    r"(?:\u200D(?:\p{RI}\p{RI}|\p{Emoji}(?:\p{EMod}|\uFE0F\u20E3?|[\U000E0020-\U000E007E]+\U000E007F)?))*)"
    r"|(?:[0-9*#]\u20e3)|\p{S}|\p{P})"
)


@lru_cache(maxsize=1)
def _split_off_set() -> frozenset[str]:
    """Every character of Unicode category P* or S*, plus every emoji string.

    Built lazily (it walks all of Unicode once, ~0.3 s) so that commands that
    never tokenize do not pay for it.
    """
    from emoji import EMOJI_DATA

    punct_symbol = (chr(cp) for cp in range(sys.maxunicode + 1) if unicodedata.category(chr(cp))[0] in ("P", "S"))
    return frozenset(punct_symbol) | frozenset(EMOJI_DATA.keys())


def _words(text: str):
    """(start, end) of each maximal run of non-whitespace (str.split's notion)."""
    start = None
    for i, ch in enumerate(text):
        if ch.isspace():
            if start is not None:
                yield start, i
                start = None
        elif start is None:
            start = i
    if start is not None:
        yield start, len(text)


def tokenize(text: str) -> list[Token]:
    """Tokens of `text` with offsets, split as camel_tools.simple_word_tokenize."""
    split_off = _split_off_set()
    tokens: list[Token] = []
    for w_start, w_end in _words(text):
        pos = piece_start = w_start
        while pos < w_end:
            match = _SYMBOLS_RE.match(text, pos=pos, endpos=w_end)
            if match is not None and match[0] in split_off:
                if pos != piece_start:
                    tokens.append(Token(piece_start, pos, text[piece_start:pos]))
                tokens.append(Token(pos, match.end(), match[0]))
                pos = piece_start = match.end()
                continue
            pos += 1
        if piece_start < w_end:
            tokens.append(Token(piece_start, w_end, text[piece_start:w_end]))
    return tokens


def document_tokens(doc: Document) -> list[Token]:
    """The tokens `doc` is scored on: its own (a CoNLL file's tokens, as the
    file gives them) when it has them, else `tokenize(doc.text)`."""
    return list(doc.tokens) if doc.tokens is not None else tokenize(doc.text)


# Sentence-final punctuation. A "." only ends a sentence when whitespace or the
# end of the text follows it, so decimals such as "4.2" do not split.
_SENTENCE_END = {".", "!", "?", "؟", "…"}


def sentence_bounds(text: str, tokens: list[Token]) -> list[tuple[int, int]]:
    """Split a token list into sentences: [(first_token, last_token+1), ...].

    A sentence ends at a line break or after sentence-final punctuation that is
    followed by whitespace. Sentences are the resampling unit of the bootstrap
    when a corpus has a single document; they never change seqeval's input.
    """
    bounds: list[tuple[int, int]] = []
    first = 0
    for i, tok in enumerate(tokens):
        is_last = i + 1 == len(tokens)
        gap = text[tok.end : tokens[i + 1].start] if not is_last else ""
        ends = is_last or "\n" in gap or (tok.text in _SENTENCE_END and gap != "")
        if ends:
            bounds.append((first, i + 1))
            first = i + 1
    return bounds
