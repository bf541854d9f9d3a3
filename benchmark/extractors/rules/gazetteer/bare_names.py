"""The name grammars of the `gazetteer` baseline whose span holds no ORG
designator, word by word: company names by a place or name adjective and a
sector ([السعودية للكهرباء]) or by a legal form ([المملكة القابضة]), a quoted
name before a nationality adjective (إلى جانب "[إيني]" الإيطالية), and oil and
gas fields after their designator, which stays outside (حقل "[ظهر]").
Boundaries follow annotations/GUIDELINES.md (sections 3 and 4)."""

from __future__ import annotations

import regex

from .lexicon import Lexicon
from .text import (
    CLOSE_QUOTE_RE,
    LATIN_RE,
    MASDAR_RE,
    Words,
    definite_reading,
    is_nisba,
    lexicon_match,
    name_up_to_mark,
    quoted_name,
    readings,
)


def sector_name_match(t: Words, k: int, lex: Lexicon):
    """A listed company named by a place or a name adjective and its sector,
    with no designator (guidelines 3.4): [السعودية للكهرباء]، [مكة للإنشاء]،
    [التعاونية للتأمين]، [المتحدة للتأمين]. (start offset, last word) or None."""
    if not any(t.word(i).startswith("لل") for i in range(k + 1, min(k + 1 + lex.max_words, len(t.words)))):
        return None  # (cheap test first: no لل-word ahead)
    hit = lexicon_match(t, k, lex)
    if hit is not None and hit[1] == "LOC" and t.norm[hit[2] : t.words[hit[0]][1]] not in lex.ambiguous_loc:
        # After a place, لل + a masdar reads "in order to" (سعت قطر للاستثمار)
        # and لل + a commodity is the object of a noun (تصدير روسيا للغاز).
        last, start, allowed = hit[0], hit[2], lex.sectors - lex.commodities
    else:
        for bare, skipped in readings(t.word(k)):
            if bare.startswith("ال") and _is_name_adjective(bare, lex):
                break
        else:
            return None
        previous = definite_reading(t.word(k - 1)) if t.spaced(k - 1) and not skipped else ""
        if previous.startswith("ال") and previous not in lex.stop:
            return None  # الشركات السعودية للتأمين: an adjective agreeing with its noun
        last, start, allowed = k, t.words[k][0] + skipped, lex.sectors | lex.sector_masdars
    j = last + 1
    if not t.spaced(last) or not t.word(j).startswith("لل") or t.word(j)[2:] not in allowed:
        return None
    # Adjectives of the sector noun stay inside (للغاز الطبيعي، للصناعات
    # التحويلية), and so does a second sector joined by و (للإنشاء والتعمير).
    while t.spaced(j) and j - last < 3:
        nxt = t.word(j + 1)
        second_sector = nxt.startswith("وال") and nxt[3:] in lex.sectors | lex.sector_masdars
        adjective = (
            nxt.startswith("ال")
            and is_nisba(nxt)
            and not {nxt} & (lex.nationality | lex.nisba_nouns | lex.trailing | lex.stop)
        )
        if not (second_sector or adjective):
            break
        j += 1
    return start, j


def legal_form_name_match(t: Words, k: int, lex: Lexicon):
    """A company named by a word or two and its legal form, with no designator
    (guidelines 3.1: [المملكة القابضة]، [النخيل القابضة]). (start offset, last word)."""
    for bare, skipped in readings(t.word(k)):
        if bare.startswith("ال") and len(bare) > 3:
            break
    else:
        return None
    if not _can_start_bare_name(bare, lex):
        return None
    for last in (k + 1, k + 2):
        if not t.spaced(last - 1):
            return None
        word = t.word(last)
        if word in lex.legal_forms:
            return t.words[k][0] + skipped, last
        if not (word.startswith("ال") and _can_start_bare_name(word, lex)):
            return None
    return None


def _can_start_bare_name(word: str, lex: Lexicon) -> bool:
    """Not a designator or its plural (الشركة القابضة، الشركات القابضة: descriptions),
    nor a function or time word."""
    return not (
        word in lex.designators
        or word in lex.not_a_name_genitives
        or word in lex.stop
        or word in lex.nisba_nouns
        or word in lex.legal_forms
    )


def _is_name_adjective(word: str, lex: Lexicon) -> bool:
    if word in lex.org_name_words:
        return True
    return is_nisba(word) and not {word} & (lex.nisba_nouns | lex.stop | lex.trailing | lex.designators)


def field_match(t: Words, k: int, lex: Lexicon):
    """A field, concession or reservoir name after its designator, which stays
    outside (guidelines 4): حقل "[ظهر]"، امتياز [زاكوم السفلي]، امتياز [أم الشيف ونصر].
    (start offset, last word) or None."""
    for head, _ in readings(t.word(k)):
        if head in lex.fields or head in lex.field_duals:
            break
    else:
        return None
    quoted = quoted_name(t, k)
    if quoted is not None:
        return t.words[k + 1][0], quoted
    if head in lex.field_duals or not t.spaced(k):
        return None
    j = k + 1
    word = t.word(j)
    if (
        word.startswith("ال")
        or word in lex.stop
        or word[0].isdigit()
        or word in lex.not_a_name
        or word in lex.fields
        or word.endswith(("ي", "ية"))
        or MASDAR_RE.fullmatch(word)
        or LATIN_RE.fullmatch(word)
    ):
        return None  # حقل النفط، حقل نفطي، امتياز جديد: descriptions
    last = j
    while t.spaced(last) and last - j < 2:
        nxt = t.word(last + 1)
        if nxt.startswith("ال") and (t.word(last) in lex.toponym_constructs or nxt in lex.positions):
            last += 1  # أم الشيف، زاكوم السفلي
        elif nxt.startswith("و") and len(nxt) > 2 and not nxt[1:].startswith("ال") and not t.spaced(last + 1):
            last += 1  # a conjoined last part before punctuation: أم الشيف ونصر،
            break
        else:
            break
    return t.words[j][0], last


_SPACED_OPEN_QUOTE_RE = regex.compile(r"\s+[\"«“»]")
_QUOTE_AFTER_NAME_RE = regex.compile(r"\s*[\"»”«']\s+")


def _opens_quote(t: Words, k: int) -> bool:
    """The gap after word k is an opening quote: after a space (جانب "إيني") or
    glued to a lone conjunction (و"سايبم"). A quote glued to the word before
    closes a name ("آبل" وحكم)."""
    gap = t.gap(k)
    if _SPACED_OPEN_QUOTE_RE.fullmatch(gap):
        return True
    return len(gap) == 1 and gap in '"«“»' and t.word(k) in ("و", "ف") and (k == 0 or t.gap(k - 1).isspace())


def quoted_before_nationality(t: Words, k: int, lex: Lexicon):
    """A quoted name followed by a nationality adjective, a company mentioned
    bare (إلى جانب "[إيني]" الإيطالية): (start offset, last word) or None."""
    if k == 0 or not _opens_quote(t, k - 1):
        return None
    j = name_up_to_mark(t, k, 3, CLOSE_QUOTE_RE)
    if j is None:
        return None
    if j + 1 >= len(t.words) or not _QUOTE_AFTER_NAME_RE.fullmatch(t.gap(j)):
        return None
    adjective = t.word(j + 1)
    if not (adjective.endswith("ة") and adjective in lex.nationality):
        return None
    if any(t.word(i).isdigit() for i in range(k, j + 1)) or lexicon_match(t, k, lex, clitics=False):
        return None  # a place in quotes is found as a place
    return t.words[k][0], j
