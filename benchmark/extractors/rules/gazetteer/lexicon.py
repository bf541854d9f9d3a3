"""Normalization and the name lexicon of the `gazetteer` baseline (see extractor.py).

Matching works on a normalized copy of the text: diacritics, tatweel and
direction marks dropped, hamza-alef forms folded to alef, ى -> ي, the hashtag
underscore read as a space. Every fold keeps one character per character, so
`normalize` returns, per kept character, its offset in the untouched text.
The lexicon holds every name and word class the matcher needs, normalized
once: CLDR country names (through Babel) and the hand-written lists of
data.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from . import data

# --- normalization ------------------------------------------------------------

# Harakat and the dagger alef: written on a letter, so part of its word.
# Unlike benchmark.extractors.preprocess.DIACRITICS (what a model is fed) this includes
# the combining madda and hamza U+0653-0655: the matching copy folds hamza-alef
# to ا, so a decomposed أ (ا + U+0654) must lose its hamza too.
DIACRITICS = frozenset([chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"])
# Dropped from the matching copy: diacritics, Quranic marks, tatweel,
# zero-width joiners and direction marks.
_DROPPED = DIACRITICS | frozenset(
    ["\u0640", "\u200c", "\u200d", "\u200e", "\u200f"] + [chr(c) for c in range(0x06D6, 0x06EE)]
)
# One-to-one letter folds, so offsets survive: hamza-alef forms to bare alef,
# alef maqsura to ya, Persian kaf/ya to Arabic, and the hashtag underscore to
# the space it stands for (#مصرف_قطر_المركزي).
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "_": " "})

WORD_RE = regex.compile(r"[^\W_]+")


def normalize(text: str) -> tuple[str, list[int]]:
    """The matching copy of `text` and, per kept character, its offset in `text`."""
    kept: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        if ch not in _DROPPED:
            kept.append(ch)
            offsets.append(i)
    # Every fold and lower() keeps one character per character (Arabic and
    # ASCII); a rare letter whose lower case is longer is left as it is.
    folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in kept).translate(_FOLD)
    return folded, offsets


def _norm(word: str) -> str:
    return normalize(word)[0]


def _norm_words(phrase: str) -> tuple[str, ...]:
    return tuple(WORD_RE.findall(_norm(phrase)))


# --- the lexicon -----------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """Everything the matcher needs, normalized once (see lexicon())."""

    names: dict  # tuple of normalized words -> "LOC" | "ORG"
    max_words: int
    plus_names: frozenset  # names written with a trailing "+" (أوبك+)
    ambiguous_loc: frozenset  # place names that are also adjectives (السعودية)
    context_loc: dict  # word -> area words it must follow (اليورو after منطقة)
    designators: frozenset  # indefinite and definite forms
    weak: frozenset
    outside: frozenset  # designators left out of the span (indefinite شركة)
    coordinating: frozenset
    not_a_name: frozenset
    legal_forms: frozenset
    org_name_words: frozenset
    nisba_nouns: frozenset
    construct_heads: frozenset
    nationality: frozenset
    stop: frozenset
    not_entity_before: frozenset
    duals: frozenset  # شركتي، شركتا: two names joined by و
    classifiers: frozenset  # heads outside before a known or Latin name
    transliteration_classifiers: frozenset  # ... and before a transliterated one
    qualified_heads: frozenset  # one adjective makes a name (المحكمة العليا)
    qualifiers: frozenset  # the adjectives that do
    not_a_name_genitives: frozenset  # مجلس الإدارة، هيئة المحلفين
    sectors: frozenset  # indefinite sector nouns (تأمين، كهرباء)
    sector_masdars: frozenset  # استثمار، تطوير: sectors only after a name adjective
    trailing: frozenset  # attributes after a complete name (الرسمية)
    single_exchange: frozenset  # البورصة + one of these names the exchange
    fields: frozenset  # حقل، امتياز، مكمن
    field_duals: frozenset
    toponym_constructs: frozenset  # أم، رأس ... + a definite word
    positions: frozenset  # السفلي، الشمالية ...
    amount_words: frozenset  # words after a number that make it an amount
    markets: frozenset  # سوق: a market before it is a body
    commodities: frozenset  # sector nouns that are also goods (غاز، نفط)


def _territory_names() -> list[tuple[str, str]]:
    """(name, label) for CLDR territories in Arabic, as Babel ships them."""
    from babel import Locale

    out = []
    for code, name in Locale("ar").territories.items():
        if code in data.TERRITORY_CODES_AS_ORG:
            out.append((name, "ORG"))
        elif code not in data.EXCLUDED_TERRITORY_CODES:
            # "ميانمار (بورما)" -> "ميانمار"; the bracketed part, where useful,
            # is in COUNTRY_VARIANTS.
            out.append((name.split(" (")[0], "LOC"))
    return out


def _time_zone_cities() -> list[str]:
    """Arabic exemplar-city names CLDR gives for the whitelisted zones."""
    from babel import Locale

    zones = Locale("ar").time_zones
    return [zones[z]["city"] for z in data.TIME_ZONE_CITIES if "city" in zones.get(z, {})]


def _nisba_of(name: str) -> set[str]:
    """Definite masculine adjectives a one-word country name may derive
    (كازاخستان -> الكازاخستاني، ألمانيا -> الألماني، السعودية -> السعودي).
    Over-generates harmless non-words (الألمانيي) rather than missing one."""
    stem = name[2:] if name.startswith("ال") else name
    stems = {stem}
    for ending in ("ية", "يا", "ة", "ا"):
        if stem.endswith(ending):
            stems.add(stem[: -len(ending)])
    return {"ال" + s + "ي" for s in stems if len(s) >= 3}


def _forms(words, *, definite: bool = False) -> frozenset:
    normalized = {_norm(w) for w in words}
    if definite:
        normalized |= {"ال" + w for w in normalized}
    return frozenset(normalized)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    names: dict[tuple[str, ...], str] = {}

    def add(phrase: str, label: str) -> None:
        key = _norm_words(phrase)
        # An ORG name is never downgraded to LOC by a later list.
        if key and names.get(key) != "ORG":
            names[key] = label

    territories = _territory_names()
    for name, label in territories:
        add(name, label)
        if name.startswith("جزر ") and not name[4:].startswith("ال"):
            add("جزر ال" + name[4:], label)  # جزر كايمان -> also جزر الكايمان
    for group in (data.COUNTRY_VARIANTS, data.AMBIGUOUS_LOC, data.CITIES, _time_zone_cities(), data.REGIONS):
        for name in group:
            add(name, "LOC")
    for name in data.KNOWN_ORGS:
        add(name, "ORG")

    masculine = {_norm(a) for a in data.NATIONALITY_ADJECTIVES}
    for name in [n for n, label in territories if label == "LOC"] + list(data.COUNTRY_VARIANTS):
        key = _norm_words(name)
        if len(key) == 1:
            masculine |= _nisba_of(key[0])
    return Lexicon(
        names=names,
        max_words=max(len(k) for k in names),
        plus_names=frozenset(_norm_words(n) for n in data.KNOWN_ORGS if n.endswith("+")),
        ambiguous_loc=_forms(data.AMBIGUOUS_LOC),
        context_loc={_norm(w): _forms(before) for w, before in data.CONTEXT_LOC.items()},
        designators=_forms(data.DESIGNATORS + data.WEAK_DESIGNATORS, definite=True),
        weak=_forms(data.WEAK_DESIGNATORS, definite=True),
        outside=_forms(data.DESIGNATORS_OUTSIDE_SPAN),
        coordinating=_forms(data.COORDINATING_DESIGNATORS, definite=True),
        not_a_name=_forms(data.NOT_A_NAME_AFTER_DESIGNATOR),
        legal_forms=_forms(data.LEGAL_FORM_WORDS),
        org_name_words=_forms(data.ORG_NAME_WORDS),
        nisba_nouns=_forms(data.NISBA_SHAPED_NOUNS),
        construct_heads=_forms(data.CONSTRUCT_HEADS),
        # Feminine, and the plurals of people (رابطة رجال الأعمال القطريين).
        nationality=frozenset(masculine | {a + suffix for a in masculine for suffix in ("ة", "ين", "ون")}),
        stop=_forms(data.NAME_STOP_WORDS),
        not_entity_before=_forms(data.NOT_ENTITY_BEFORE),
        duals=_forms(data.DUAL_DESIGNATORS_OUTSIDE_SPAN),
        classifiers=_forms(data.CLASSIFIER_DESIGNATORS),
        transliteration_classifiers=_forms(data.TRANSLITERATION_CLASSIFIERS),
        qualified_heads=_forms(data.QUALIFIED_HEADS),
        qualifiers=_forms(data.QUALIFIER_ADJECTIVES),
        not_a_name_genitives=_forms(data.NOT_A_NAME_GENITIVES),
        sectors=_forms(data.SECTOR_NOUNS),
        sector_masdars=_forms(data.SECTOR_MASDARS),
        trailing=_forms(data.TRAILING_ATTRIBUTES),
        single_exchange=_forms(data.SINGLE_EXCHANGE_NATIONALITIES),
        fields=_forms(data.FIELD_DESIGNATORS),
        field_duals=_forms(data.FIELD_DUALS),
        toponym_constructs=_forms(data.TOPONYM_CONSTRUCTS),
        positions=_forms(data.POSITION_ADJECTIVES),
        amount_words=_forms(data.AMOUNT_WORDS_AFTER_NUMBER),
        markets=_forms(data.MARKET_DESIGNATORS),
        commodities=_forms(data.COMMODITY_SECTORS),
    )
