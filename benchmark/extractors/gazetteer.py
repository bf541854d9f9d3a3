"""The `gazetteer` rule baseline: LOC from place-name lists, ORG from designator patterns.

LOC: Arabic country and region names from CLDR (through Babel), Arabic names of
capitals and financial centres (CLDR time-zone exemplar cities, whitelisted,
plus a hand-written list) and regions/seas (gazetteer_data.py).
ORG: well-known organizations by name, and a designator noun (شركة، وزارة، بنك ...)
followed by a name, cut by a small grammar of what can continue a name.
Span boundaries follow annotations/GUIDELINES.md.

Built from linguistic knowledge and its own test sentences (tests/test_gazetteer.py),
never from the gold annotations. Matching works on a normalized copy of the text
(diacritics and tatweel dropped, hamza-alef forms folded, ى -> ي) and maps every
match back to offsets in the untouched text. A mention is matched whole-word
only; a proclitic (و ف ب ل ك and their pairs) stays outside the span; for ل + ال
written "لل" the span starts at the second ل (the article's, whose alef is not
written). Longest match wins, ORG before LOC on equal length; spans never overlap.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import regex

from ..types import Document, Span
from . import gazetteer_data as data

# --- normalization ------------------------------------------------------------

# Harakat and the dagger alef: written on a letter, so part of its word.
_DIACRITICS = frozenset([chr(c) for c in range(0x064B, 0x0660)] + ["\u0670"])
# Dropped from the matching copy: diacritics, Quranic marks, tatweel,
# zero-width joiners and direction marks.
_DROPPED = _DIACRITICS | frozenset(
    ["\u0640", "\u200c", "\u200d", "\u200e", "\u200f"] + [chr(c) for c in range(0x06D6, 0x06EE)]
)
# One-to-one letter folds, so offsets survive: hamza-alef forms to bare alef,
# alef maqsura to ya, Persian kaf/ya to Arabic.
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك"})

_WORD_RE = regex.compile(r"[^\W_]+")
_LATIN_RE = regex.compile(r"[a-z]+")
# What may separate the words of a multi-word name: spaces, or a hyphen
# ("الكونغو - كينشاسا").
_NAME_GAP_RE = regex.compile(r"\s+|\s*-\s*")
# A name in quotes right after its designator: شركة "وابتك", مجموعة «سامبا».
_OPEN_QUOTE_RE = regex.compile(r"\s*[\"«“']\s*")
_CLOSE_QUOTE_RE = regex.compile(r"\s*[\"»”']")

# Proclitic letter sequences that may precede a name (conjunction, then
# preposition). ل before the article is handled apart ("لل").
_PROCLITICS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")
# Words after which a personal name continues an ORG name (مجموعة بن لادن،
# جامعة الملك سعود), normalized.
_TITLES = frozenset({"الملك", "الامير", "الشيخ", "السلطان"})
_CONNECTORS = frozenset({"بن", "ابن", "ابو", "ال"}) | _TITLES


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
    return tuple(_WORD_RE.findall(_norm(phrase)))


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
        nationality=frozenset(masculine | {a + "ة" for a in masculine}),
        stop=_forms(data.NAME_STOP_WORDS),
        not_entity_before=_forms(data.NOT_ENTITY_BEFORE),
    )


# --- the text as words --------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    """A document's matching copy split into words (offsets into the copy)."""

    norm: str
    words: list[tuple[int, int]]

    def word(self, k: int) -> str:
        s, e = self.words[k]
        return self.norm[s:e]

    def gap(self, k: int) -> str:
        """What separates word k from word k+1."""
        return self.norm[self.words[k][1] : self.words[k + 1][0]]

    def joined(self, k: int) -> bool:
        """Word k+1 follows word k with only spaces or a hyphen between."""
        return k + 1 < len(self.words) and _NAME_GAP_RE.fullmatch(self.gap(k)) is not None

    def spaced(self, k: int) -> bool:
        """Word k+1 follows word k with only spaces between."""
        return 0 <= k and k + 1 < len(self.words) and self.gap(k).isspace()


def _readings(word: str) -> list[tuple[str, int]]:
    """(word without proclitics, characters skipped); the bare reading first."""
    readings = [(word, 0)]
    for p in _PROCLITICS:
        if word.startswith(p) and len(word) - len(p) >= 2:
            readings.append((word[len(p) :], len(p)))
    # ل + ال is written "لل": the span starts at the article's ل.
    for conj in ("", "و", "ف"):
        lead = conj + "لل"
        if word.startswith(lead) and len(word) - len(lead) >= 2:
            readings.append(("ال" + word[len(lead) :], len(conj) + 1))
    return readings


def _definite_reading(word: str) -> str:
    """The word without proclitics when that leaves a definite word, else itself."""
    for bare, skipped in _readings(word)[1:]:
        if bare.startswith("ال"):
            return bare
    return word


def _is_nisba(word: str) -> bool:
    return word.endswith("ية") or (word.endswith("ي") and len(word) > 4)


@dataclass(frozen=True)
class _Candidate:
    start: int  # offsets into the normalized copy
    end: int
    label: str
    adjective_like: bool = False  # a place name that is also an adjective (السعودية)


# --- lexicon matches -------------------------------------------------------------------


def _lexicon_match(t: _Text, k: int, lex: Lexicon, *, clitics: bool = True):
    """The longest lexicon name starting at word k: (last word, label, start offset) or None."""
    best = None
    for first, skipped in _readings(t.word(k)) if clitics else [(t.word(k), 0)]:
        words = [first]
        last = k
        while True:
            label = lex.names.get(tuple(words))
            if label is not None and (best is None or last > best[0]):
                if len(words) > 1 or first not in lex.ambiguous_loc or _is_place_reading(t, k, skipped, lex):
                    best = (last, label, t.words[k][0] + skipped)
            if len(words) >= lex.max_words or not t.joined(last):
                break
            last += 1
            words.append(t.word(last))
    return best


def _is_place_reading(t: _Text, k: int, skipped: int, lex: Lexicon) -> bool:
    """An ambiguous name (السعودية) is a place unless it agrees, as an adjective,
    with a definite noun right before it (الشركات السعودية)."""
    if skipped or not t.spaced(k - 1):
        return True
    previous = _definite_reading(t.word(k - 1))
    return not previous.startswith("ال") or previous in lex.stop


def _context_match(t: _Text, k: int, lex: Lexicon):
    """A word that is a place only after its area word (منطقة [اليورو])."""
    if not t.spaced(k - 1):
        return None
    for bare, skipped in _readings(t.word(k)):
        area_words = lex.context_loc.get(bare)
        if area_words and any(b in area_words for b, _ in _readings(t.word(k - 1))):
            return k, "LOC", t.words[k][0] + skipped
    return None


# --- designator + name -------------------------------------------------------------------


def _quoted_name(t: _Text, k: int):
    """Words k+1.. inside quotes right after word k: the last word, or None."""
    if k + 1 >= len(t.words) or not _OPEN_QUOTE_RE.fullmatch(t.gap(k)):
        return None
    for j in range(k + 1, min(k + 1 + data.MAX_NAME_WORDS, len(t.words))):
        after = t.norm[t.words[j][1] : t.words[j + 1][0]] if j + 1 < len(t.words) else t.norm[t.words[j][1] :]
        if _CLOSE_QUOTE_RE.match(after):
            return j
        if j + 1 < len(t.words) and not t.gap(j).isspace():
            return None
    return None


class _Name:
    """What the grammar has read of a name so far."""

    def __init__(self) -> None:
        self.last = None  # index of the last word taken
        self.kinds: list[str] = []  # per word taken: loc, latin, lphrase, def, nat, indef, head
        self.previous_indefinite: str | None = None
        self.evidence = False  # something only names have: a place, a ل-phrase, Latin, a legal form

    def take(self, last: int, kind: str, *, evidence: bool = False, indefinite: str | None = None) -> None:
        self.last = last
        self.kinds.append(kind)
        self.previous_indefinite = indefinite
        self.evidence = self.evidence or evidence

    @property
    def proper(self) -> bool:
        """It already holds a proper name (after which a nationality adjective is outside)."""
        return any(k in ("loc", "latin", "indef") for k in self.kinds)

    @property
    def descriptive_words(self) -> int:
        return sum(k != "nat" for k in self.kinds)


def _designator_match(t: _Text, k: int, lex: Lexicon):
    """An ORG 'designator + name' at word k: (start offset, last word) or None."""
    for head, skipped in _readings(t.word(k)):
        if head in lex.designators:
            break
    else:
        return None
    quoted = _quoted_name(t, k)
    if quoted is not None:
        return t.words[k + 1][0], quoted  # quotes are outside, so the designator is too

    definite = head.startswith("ال")
    weak = head in lex.weak
    feminine = head.endswith("ة")
    name = _Name()
    j = k + 1
    while j < len(t.words) and len(name.kinds) < data.MAX_NAME_WORDS and t.spaced(j - 1):
        first = j == k + 1
        word = t.word(j)
        place = _lexicon_match(t, j, lex, clitics=False)
        if place is not None and place[0] == j and word in lex.ambiguous_loc:
            place = None  # inside a name السعودية is its adjective (rules below)
        if place is not None and place[1] == "LOC" and not (definite and first):
            name.take(place[0], "loc", evidence=True)
            j = place[0] + 1
            continue
        if word in lex.stop or word.isdigit():
            break
        after_connector = name.previous_indefinite in _CONNECTORS  # بن وليد، الملك فهد
        if word[0] in "وف" and not after_connector and (not first or word[1:].startswith(("ال", "لل"))):
            rest = word[1:]
            joins_portfolio = (
                head in lex.coordinating
                and not first
                and rest.startswith("ال")
                and rest not in lex.designators
                and rest not in lex.stop
                and rest not in lex.nisba_nouns
            )
            if not joins_portfolio:
                break  # a conjunction: a new clause or a second entity
            name.take(j, "def")
        elif _LATIN_RE.fullmatch(word):
            name.take(j, "latin", evidence=True)
        elif word.startswith("لل") or (word.startswith("ل") and not first and len(word) >= 4):
            name.take(j, "lphrase", evidence=True)  # للاستثمار، لتنمية
        elif word.startswith("ال"):
            kind = _definite_kind(word, name, first=first, definite=definite, lex=lex)
            if kind is None:
                break
            name.take(j, kind, evidence=kind == "legal", indefinite=word if word in _TITLES else None)
            if kind == "nat" and name.descriptive_words >= 1 and not weak:
                name.evidence = True  # البنك المركزي المصري names the body
        else:  # an indefinite Arabic word
            if first:
                # An indefinite adjective agreeing with the designator makes it a
                # common noun (شركة عالمية، صندوق سيادي); feminine designators end in ة.
                agreeing = word.endswith("ية") if feminine else _is_nisba(word)
                if definite or word in lex.not_a_name or agreeing:
                    return None
            elif not _continues_proper_name(word, name, lex) or _is_known_org(t, k + 1, j - 1, lex):
                break  # (after a complete known name: وكالة موديز | تصنيف)
            is_head = word in lex.construct_heads or word.endswith("ة")
            name.take(j, "head" if is_head else "indef", indefinite=word)
        j += 1

    if name.last is None:
        return None
    if name.kinds == ["head"]:
        return None  # شركة طيران "an airline": a construct head with nothing after it
    if name.previous_indefinite in _CONNECTORS and len(name.kinds) > 1:
        name.last -= 1  # a dangling connector is not part of the name
    if (weak or definite) and not name.evidence and (weak or name.descriptive_words < 2):
        return None  # سوق العمل، الشركة الأمريكية، البنك المركزي: a description, not a name
    if not definite and head in lex.outside:
        return t.words[k + 1][0], name.last  # شركة [جون دير]
    return t.words[k][0] + skipped, name.last


def _definite_kind(word: str, name: _Name, *, first: bool, definite: bool, lex: Lexicon) -> str | None:
    """How a definite word continues a name, or None when it ends it."""
    if word in lex.nationality:
        # After a proper name the adjective is outside: شركة [ليدوس] الأمريكية;
        # after a descriptive name it is inside: [وزارة الخارجية الأمريكية].
        return None if name.proper else "nat"
    if word in lex.nisba_nouns or word in lex.stop:
        return None
    if word in lex.legal_forms:
        return "legal"
    if word in lex.org_name_words or _is_nisba(word):
        return "def"
    if first and not definite:
        return "def"  # the genitive that names it: وزارة المالية
    previous = name.kinds[-1] if name.kinds else None
    if previous == "lphrase":
        return "def"  # the adjective of a ل-phrase: للغاز المسال
    if previous == "head":
        return "def"  # a construct inside the name: هيئة تنظيم الاتصالات
    return None


def _is_known_org(t: _Text, first: int, last: int, lex: Lexicon) -> bool:
    return lex.names.get(tuple(t.word(i) for i in range(first, last + 1))) == "ORG"


# Arabic verbal-noun shapes (تفعيل: تصنيف، تطوير; استفعال: استثمار) that a
# transliterated name practically never has.
_MASDAR_RE = regex.compile(r"ت..ي.|است...ا.")


def _continues_proper_name(word: str, name: _Name, lex: Lexicon) -> bool:
    """An indefinite word after another one continues a transliterated name
    (جون دير، سيربيروس كابيتال مانجمنت) unless it looks like an Arabic object or
    adverb (اتفاقية، عقدا، أرباحا) rather than part of a name."""
    previous = name.previous_indefinite
    if previous is None:
        return False
    if previous in _CONNECTORS or word in _CONNECTORS:
        return True
    if name.kinds[-1] == "head":
        return False  # غرفة تجارة ... : the genitive would be definite
    return not (
        word.endswith(("ة", "ا", "ات"))
        or _MASDAR_RE.fullmatch(word)
        or word in lex.not_a_name
        or word in lex.designators
    )


# --- choosing and mapping back ----------------------------------------------------------


def _blocked(t: _Text, first_word: int, last_word: int, label: str, lex: Lexicon) -> bool:
    """A name that is part of a non-entity: an index (مؤشر داو جونز), a programme,
    a product (طائرات بوينج، ستاندرد آند بورز 500)."""
    if t.spaced(first_word - 1) and any(
        b in lex.not_entity_before for b, _ in _readings(t.word(first_word - 1))
    ):
        return True
    return label == "ORG" and t.spaced(last_word) and t.word(last_word + 1)[0].isdigit()


def find_candidates(t: _Text, lex: Lexicon) -> list[_Candidate]:
    """Every lexicon and designator match, overlapping."""
    found = []
    for k in range(len(t.words)):
        for hit in (_lexicon_match(t, k, lex), _context_match(t, k, lex)):
            if hit is None:
                continue
            last, label, start = hit
            end = t.words[last][1]
            if end < len(t.norm) and t.norm[end] == "+" and tuple(_WORD_RE.findall(t.norm[start:end])) in lex.plus_names:
                end += 1  # [أوبك+]
            if not _blocked(t, k, last, label, lex):
                bare = last == k and start == t.words[k][0]  # one word, no proclitic
                adjective_like = bare and t.word(k) in lex.ambiguous_loc
                found.append(_Candidate(start, end, label, adjective_like))
        org = _designator_match(t, k, lex)
        if org is not None:
            start, last = org
            if not _blocked(t, k, last, "ORG", lex):
                found.append(_Candidate(start, t.words[last][1], "ORG"))
    return found


def select(candidates: list[_Candidate], norm: str) -> list[_Candidate]:
    """Non-overlapping choice: longest first, ORG before LOC, then leftmost."""
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), c.label != "ORG", c.start))
    taken: list[_Candidate] = []
    for c in ranked:
        if all(c.end <= o.start or o.end <= c.start for o in taken):
            taken.append(c)
    taken.sort(key=lambda c: c.start)
    # After an ORG name, السعودية is its adjective, not a place: [إنرون] الأمريكية.
    return [
        c
        for i, c in enumerate(taken)
        if not (c.adjective_like and i and taken[i - 1].label == "ORG" and norm[taken[i - 1].end : c.start].isspace())
    ]


def extract(text: str) -> list[Span]:
    """LOC and ORG spans over the untouched `text`."""
    lex = lexicon()
    norm, offsets = normalize(text)
    t = _Text(norm, [m.span() for m in _WORD_RE.finditer(norm)])
    spans = []
    for c in select(find_candidates(t, lex), norm):
        start = offsets[c.start]
        end = offsets[c.end - 1] + 1
        while end < len(text) and text[end] in _DIACRITICS:
            end += 1  # diacritics written on the last letter belong to the word
        spans.append(Span(start, end, c.label, text[start:end]))
    return spans


# --- the extractor the harness builds -------------------------------------------------


class GazetteerExtractor:
    """`predict(documents) -> {document id: [Span]}` over LOC and ORG."""

    name = "gazetteer"

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

    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in ("gazetteer.py", "gazetteer_data.py"):
        digest.update((here / name).read_bytes())
    digest.update(f"babel {babel.__version__}".encode())
    return "sha256:" + digest.hexdigest()
