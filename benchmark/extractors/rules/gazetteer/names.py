"""The ORG name grammar of the `gazetteer` baseline, word by word: an ORG
designator and the name after it (شركة [جون دير]، [وزارة المالية]). The names
whose span holds no designator are in bare_names.py. Boundaries follow
annotations/GUIDELINES.md (section 3)."""

from __future__ import annotations

from dataclasses import dataclass

from . import data
from .lexicon import Lexicon
from .text import (
    LATIN_RE,
    MASDAR_RE,
    Words,
    is_feminine_nisba,
    is_nisba,
    lexicon_match,
    quoted_name,
    readings,
)

# Words after which a personal name continues an ORG name (مجموعة بن لادن،
# جامعة الملك سعود), normalized.
_TITLES = frozenset({"الملك", "الامير", "الشيخ", "السلطان"})
_CONNECTORS = frozenset({"بن", "ابن", "ابو", "ال"}) | _TITLES


class _Name:
    """What the grammar has read of a name so far."""

    def __init__(self) -> None:
        self.last: int | None = None  # index of the last word taken
        # per word taken: loc, known, latin, lphrase, def, legal, nat, indef, head
        self.kinds: list[str] = []
        self.previous_indefinite: str | None = None
        self.evidence = False  # something only names have: a place, a ل-phrase, Latin, a legal form
        self.strong_evidence = False  # the same without the ل-phrase

    def take(self, last: int, kind: str, *, evidence: bool = False, indefinite: str | None = None) -> None:
        self.last = last
        self.kinds.append(kind)
        self.previous_indefinite = indefinite
        self.evidence = self.evidence or evidence
        self.strong_evidence = self.strong_evidence or (evidence and kind != "lphrase")

    @property
    def proper(self) -> bool:
        """It already holds a proper name (after which a nationality adjective is outside)."""
        return any(k in ("loc", "latin", "indef", "known") for k in self.kinds)

    @property
    def descriptive_words(self) -> int:
        return sum(k != "nat" for k in self.kinds)


@dataclass(frozen=True)
class OrgMatch:
    start: int  # offset into the normalized copy
    last: int  # last word
    propagate: bool = False


def _designator_head(t: Words, k: int, lex: Lexicon):
    """(head without proclitics, letters skipped) when word k is an ORG designator."""
    for head, skipped in readings(t.word(k)):
        if head in lex.designators or head in lex.duals:
            return head, skipped
    return None


def designator_match(t: Words, k: int, lex: Lexicon) -> list[OrgMatch]:
    """ORG 'designator + name' matches at word k (two after a dual: شركتي X وY)."""
    found = _designator_head(t, k, lex)
    if found is None:
        return []
    head, skipped = found
    if t.spaced(k - 1) and t.word(k - 1).isdigit():
        return []  # "28 شركة": a counted noun
    quoted = quoted_name(t, k)
    if quoted is not None:
        # Quotes are outside, so the designator is too.
        return [OrgMatch(t.words[k + 1][0], quoted, propagate=propagates_quoted(t, k + 1, quoted))]
    head_start = t.words[k][0] + skipped
    first = _org_name(t, k, head, head_start, lex)
    if first is None:
        return []
    matches = [first]
    if head in lex.duals and t.spaced(first.last):
        j = first.last + 1
        word = t.word(j)
        if word.startswith("و") and len(word) > 2:
            second = _org_name(t, j - 1, head, head_start, lex, conjoined=True)
            if second is not None:
                matches.append(second)
    return matches


def _org_name(
    t: Words, k: int, head: str, head_start: int, lex: Lexicon, *, conjoined: bool = False
) -> OrgMatch | None:
    """The name after designator `head` (word k), read by the grammar below.
    `head_start`: where the match starts when the head is part of the name.
    With `conjoined`, word k+1 is the second name after a dual, its و left out."""
    strip = 1 if conjoined else 0
    name = _read_name(t, k, head, lex, strip=strip)
    if name is None:
        return None
    last = name.last
    assert last is not None  # _read_name returns a name only once it has taken a word
    definite = head.startswith("ال")
    name_start = t.words[k + 1][0] + strip
    kinds = name.kinds
    if head in lex.duals or (not definite and head in lex.outside):
        # شركة [جون دير]: a proper name lives on its own; a sector noun alone
        # (شركة التأمين "the insurance company") does not.
        if kinds == ["def"] and t.word(last)[2:] in lex.sectors:
            return None
        return OrgMatch(name_start, last, propagate=_propagates(t, k + 1, name))
    if not definite and head in lex.classifiers and all(x in ("known", "latin") for x in kinds):
        return OrgMatch(name_start, last)  # مؤسسة [بلومبيرغ]، بنك [HSBC]
    if (
        not definite
        and head in lex.transliteration_classifiers
        and all(x in ("known", "latin", "indef") for x in kinds)
        and not any(t.word(i) in _CONNECTORS for i in range(k + 1, last + 1))
    ):
        return OrgMatch(name_start, last, propagate=_propagates(t, k + 1, name))  # وكالة [وام]
    return OrgMatch(head_start, last)  # the head is part of the name


def _propagates(t: Words, first: int, name: _Name) -> bool:
    """A transliterated or Latin name (كوين تشيك، جون دير) is the same body
    wherever it recurs; a name of common Arabic words (الكهرباء، وقاية) may not be."""
    if not all(k in ("indef", "latin") for k in name.kinds):
        return False
    if len(name.kinds) > 1 or name.kinds == ["latin"]:
        return True
    word = t.word(first)
    return not (word.endswith(("ة", "ات", "ا")) or MASDAR_RE.fullmatch(word))


def propagates_quoted(t: Words, first: int, last: int) -> bool:
    """A quoted name recurs bare unless it is one common word: a definite
    adjective (صحيفة "الاقتصادية" next to التقارير الاقتصادية) or a noun
    ("تداول" next to "trading")."""
    if last > first:
        return True
    word = t.word(first)
    return not (word.startswith("ال") or word.endswith(("ة", "ات")) or MASDAR_RE.fullmatch(word))


def _read_name(t: Words, k: int, head: str, lex: Lexicon, *, strip: int = 0) -> _Name | None:
    """The grammar of a name after designator `head` at word k, or None when
    what follows is a description rather than a name."""
    definite = head.startswith("ال")
    bare_head = head[2:] if definite else head
    weak = head in lex.weak
    feminine = head.endswith("ة") or head in lex.duals
    name = _Name()
    j = k + 1
    while j < len(t.words) and len(name.kinds) < data.MAX_NAME_WORDS and t.spaced(j - 1):
        first = j == k + 1
        cut = strip if first else 0
        word = t.word(j)[cut:]
        if not word:
            break
        hit = lexicon_match(t, j, lex, clitics=False, strip=cut)
        if hit is not None and hit[0] == j and word in lex.ambiguous_loc:
            hit = None  # inside a name السعودية is its adjective (rules below)
        if hit is not None and hit[1] == "ORG" and not (definite and first):
            # A complete known name: what follows it is a descriptor or a new
            # phrase (شركة [فولكس فاجن] للسيارات، وكالة [موديز] تصنيف).
            name.take(hit[0], "known", evidence=True)
            break
        if hit is not None and hit[1] == "LOC" and not (definite and first):
            name.take(hit[0], "loc", evidence=True)
            j = hit[0] + 1
            continue
        if first and definite and word == "العام":
            name.take(j, "def")  # الاتحاد العام: "general", not "the year"
            j += 1
            continue
        if word in lex.stop or word.isdigit():
            break
        after_connector = name.previous_indefinite in _CONNECTORS  # بن وليد، الملك فهد
        if word[0] in "وف" and not after_connector and (not first or word[1:].startswith(("ال", "لل"))):
            if not _conjoined_part(t, j, word[1:], head, name, lex, first=first):
                break  # a conjunction: a new clause or a second entity
            name.take(j, "def")
        elif LATIN_RE.fullmatch(word):
            if any(x != "latin" for x in name.kinds):
                break  # the Latin form after an Arabic name is its own mention: كريم [Careem]
            name.take(j, "latin", evidence=True)
        elif word.startswith("لل") or (word.startswith("ل") and not first and len(word) >= 4):
            if any(x == "latin" for x in name.kinds):
                break
            if word.startswith("لل") and (
                "ال" + word[2:] in lex.designators or "ال" + word[2:] in lex.not_a_name_genitives
            ):
                break  # الجمعية العمومية | للشركة: "of the company", not part of a name
            name.take(j, "lphrase", evidence=True)  # للاستثمار، لتنمية
        elif word.startswith("ال"):
            if first and word in lex.not_a_name_genitives:
                return None  # مجلس الإدارة، هيئة المحلفين: common nouns
            kind = _definite_kind(word, name, first=first, definite=definite, lex=lex)
            if kind is None:
                break
            name.take(j, kind, evidence=kind == "legal", indefinite=word if word in _TITLES else None)
            if kind == "nat" and name.descriptive_words >= 1 and not weak:
                name.evidence = name.strong_evidence = True  # البنك المركزي المصري names the body
            if kind == "nat" and bare_head == "بورصة" and definite and word in lex.single_exchange:
                name.evidence = name.strong_evidence = True  # [البورصة القطرية]: the one exchange
        else:  # an indefinite Arabic word
            if first:
                # An indefinite adjective agreeing with the designator makes it a
                # common noun (شركة عالمية، صندوق سيادي); feminine designators end in ة.
                agreeing = is_feminine_nisba(word) if feminine else is_nisba(word)
                if definite or word in lex.not_a_name or agreeing:
                    return None
            elif not _continues_proper_name(word, name, lex) or _is_known_org(t, k + 1, j - 1, lex):
                break  # (after a complete known name: وكالة موديز | تصنيف)
            if any(x == "latin" for x in name.kinds):
                break
            is_head = word in lex.construct_heads or word.endswith("ة")
            name.take(j, "head" if is_head else "indef", indefinite=word)
        j += 1

    if name.last is None:
        return None
    if name.kinds == ["head"]:
        return None  # شركة طيران "an airline": a construct head with nothing after it
    if name.previous_indefinite in _CONNECTORS and len(name.kinds) > 1:
        name.last -= 1  # a dangling connector is not part of the name
    if definite and name.kinds[0] == "lphrase":
        return None  # الشركة للاستثمار: "the company's (strategy) for investment"
    if definite and all(x == "legal" for x in name.kinds):
        return None  # الشركة القابضة: "the holding company"
    # السوق العالمية للهواتف الذكية is a market, not a body: a market needs a
    # place, a Latin word or a legal form; a ل-phrase is not enough.
    evidence = name.strong_evidence if (definite and bare_head in lex.markets) else name.evidence
    if bare_head in lex.qualified_heads and definite:
        # المحكمة العليا: a qualified court is a body (guidelines 3.4)
        evidence = any(t.word(i) in lex.qualifiers | lex.nationality for i in range(k + 1, name.last + 1))
    if (weak or definite) and not evidence and (weak or name.descriptive_words < 2):
        return None  # سوق العمل، الشركة الأمريكية، البنك المركزي: a description, not a name
    return name


def _conjoined_part(t: Words, j: int, rest: str, head: str, name: _Name, lex: Lexicon, *, first: bool) -> bool:
    """Whether و + `rest` (word j) continues the name rather than starting a new
    phrase: ministries join portfolios (وزارة الطاقة والصناعة), and a ل-phrase
    joins its fields (للتعبئة والإحصاء، لغرف التجارة والصناعة، للإنماء
    الاقتصادي والاجتماعي)."""
    if first or not rest.startswith("ال"):
        return False
    if rest in lex.designators or rest in lex.stop or rest in lex.nisba_nouns or rest in lex.nationality:
        return False
    if lexicon_match(t, j, lex, strip=1) is not None:
        return False  # والصين، والبنك الدولي: a second entity
    if head in lex.coordinating:
        return True
    in_l_phrase = "lphrase" in name.kinds and name.kinds[-1] in ("lphrase", "def")
    # People (والمستثمرين) are a second party, not a field of the name.
    return in_l_phrase and not rest.endswith(("ون", "ين"))


def _definite_kind(word: str, name: _Name, *, first: bool, definite: bool, lex: Lexicon) -> str | None:
    """How a definite word continues a name, or None when it ends it."""
    if word in lex.trailing:
        return None  # [وكالة الأنباء القطرية] الرسمية
    if word in lex.nationality:
        # After a proper name the adjective is outside: شركة [ليدوس] الأمريكية;
        # after a descriptive name it is inside: [وزارة الخارجية الأمريكية].
        # A name with a ل-phrase is complete: [الجهاز المركزي للتعبئة والإحصاء] المصري.
        return None if name.proper or "lphrase" in name.kinds else "nat"
    if word in lex.nisba_nouns or word in lex.stop:
        return None
    if word in lex.legal_forms:
        return "legal"
    if word in lex.org_name_words or is_nisba(word):
        return "def"
    if first and not definite:
        return "def"  # the genitive that names it: وزارة المالية
    previous = name.kinds[-1] if name.kinds else None
    if previous == "lphrase":
        return "def"  # the adjective of a ل-phrase: للغاز المسال
    if previous == "head":
        return "def"  # a construct inside the name: هيئة تنظيم الاتصالات
    return None


def _is_known_org(t: Words, first: int, last: int, lex: Lexicon) -> bool:
    return lex.names.get(tuple(t.word(i) for i in range(first, last + 1))) == "ORG"


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
        or MASDAR_RE.fullmatch(word)
        or word in lex.not_a_name
        or word in lex.designators
    )
