"""Which country's currency a bare "ريال"، "دينار"، "درهم" means, read from the document.

GUIDELINES 6: a bare ريال، دينار، درهم، جنيه، ليرة takes the currency of the
country the sentence or the article is about (`انهيار سعر الريال اليمني إلى 800
ريال للدولار` -> YER). One span cannot say which (`parse_money` keeps the
family's default: SAR, AED, EGP, or None for دينار/ليرة); `find_money` sees the
whole text and asks this module.

Evidence is what the text states: a currency noun with its adjective
("الريال القطري", stated) and country words ("قطر", "الدوحة", "التونسي",
"المغربية"), each mapped to the ISO code of every family that the country's
nationality adjective qualifies (قطري -> riyal QAR). For one bare noun, in order:

1. its own sentence, before it, names exactly one ISO code of the family
   -> that one (the topic comes first: "دين الحكومة المغربية 500 مليار درهم";
   a country named after the amount is often about something else);
2. the document states exactly one qualified form of the family -> that one;
3. the bare nouns that step 1 settled in other sentences agree -> that one;
4. one country of the family is named more often than any other in the
   document, at least once for a family with no default (دينار، ليرة) and at
   least twice to overrule a default (ريال -> SAR) -> that one;
5. otherwise the family's default.

The dollar is not resolved: a bare دولار is USD in Arabic financial news
(GUIDELINES 6), whatever country the article is about.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from . import lexicon as lex

# Currency nouns shared by several countries, whose bare form the text can settle.
# Not فلس: its size depends on the country (1/1000 of a dinar, 1/100 of a dirham).
RESOLVABLE_FAMILIES = frozenset({"riyal", "dirham", "pound", "dinar", "lira", "franc", "rupee", "peso", "krona"})
_FAMILIES = {family.name: family for family in lex.FAMILIES if family.name in RESOLVABLE_FAMILIES}

# Country names and cities (normalized, article included where the name has
# one) -> the nationality adjective whose ISO code each family knows. Arab
# countries and the others whose bare currency noun the Arabic press uses;
# not Brazil (its real is written "ريال برازيلي") nor Britain (sterling is
# written "جنيه إسترليني": a bare جنيه stays Egyptian), not "المملكة" (Saudi
# Arabia, Morocco, Jordan, Bahrain all call themselves so), not "عمان" (Oman or Amman).
COUNTRY_NAMES: dict[str, str] = {
    "السعوديه": "سعودي",
    "الرياض": "سعودي",
    "جده": "سعودي",
    "قطر": "قطري",
    "الدوحه": "قطري",
    "مسقط": "عماني",
    "اليمن": "يمني",
    "صنعاء": "يمني",
    "عدن": "يمني",
    "ايران": "ايراني",
    "طهران": "ايراني",
    "الامارات": "اماراتي",
    "دبي": "اماراتي",
    "ابوظبي": "اماراتي",
    "الشارقه": "اماراتي",
    "المغرب": "مغربي",
    "الرباط": "مغربي",
    "مصر": "مصري",
    "القاهره": "مصري",
    "السودان": "سوداني",
    "الخرطوم": "سوداني",
    "الكويت": "كويتي",
    "الاردن": "اردني",
    "البحرين": "بحريني",
    "المنامه": "بحريني",
    "تونس": "تونسي",
    "العراق": "عراقي",
    "بغداد": "عراقي",
    "ليبيا": "ليبي",
    "الجزائر": "جزائري",
    "تركيا": "تركي",
    "انقره": "تركي",
    "اسطنبول": "تركي",
    "لبنان": "لبناني",
    "بيروت": "لبناني",
    "سوريا": "سوري",
    "سوريه": "سوري",
    "دمشق": "سوري",
    "سويسرا": "سويسري",
    "زيورخ": "سويسري",
    "جنيف": "سويسري",
    "الهند": "هندي",
    "باكستان": "باكستاني",
    "اندونيسيا": "اندونيسي",
    "سريلانكا": "سريلانكي",
    "السويد": "سويدي",
    "النرويج": "نرويجي",
    "الدنمارك": "دنماركي",
    "المكسيك": "مكسيكي",
    "الارجنتين": "ارجنتيني",
    "الفلبين": "فلبيني",
    "تشيلي": "تشيلي",
    "كولومبيا": "كولومبي",
}


@dataclass(frozen=True)
class Evidence:
    """One hint that the text is about the country whose `iso` the `family` names."""

    sentence: int
    position: int  # index of the word in the text's units
    family: str
    iso: str
    stated: bool  # a currency noun with its adjective ("الريال القطري"), not a country word


def _stems(key: str) -> list[str]:
    """The word and the word without one proclitic ("للسعوديه" -> "السعوديه")."""
    stems = [key]
    for clitic in lex.PROCLITICS:
        rest = key[len(clitic) :]
        if key.startswith(clitic) and len(rest) >= 3:
            stems.append("ا" + rest if clitic.endswith("ل") and rest.startswith("ل") else rest)
    return stems


def _adjective_base(stem: str) -> str:
    """ "القطرية" -> "قطري", "القطريين" -> "قطري", "تونسيا" -> "تونسي"."""
    if stem.startswith("ال"):
        stem = stem[2:]
    for plural in ("يين", "يون"):
        if stem.endswith(plural):
            return stem[: -len(plural)] + "ي"
    if stem.endswith("ا"):
        stem = stem[:-1]
    if stem.endswith("ه"):
        stem = stem[:-1]
    return stem


def word_evidence(sentence: int, position: int, key: str) -> list[Evidence]:
    """The countries (as family ISO codes) that one normalized word names, if any."""
    for stem in _stems(key):
        base = COUNTRY_NAMES.get(stem) or _adjective_base(stem)
        found = [
            Evidence(sentence, position, family.name, family.adjectives[base], False)
            for family in _FAMILIES.values()
            if base in family.adjectives
        ]
        if found:
            return found
    return []


def _only(isos) -> str | None:
    distinct = set(isos)
    return distinct.pop() if len(distinct) == 1 else None


def resolve(bare: Sequence[tuple[int, int, str]], evidence: Sequence[Evidence]) -> list[str | None]:
    """The ISO code of each bare currency noun, given as (sentence, position, family name).

    One pass over the evidence builds what every noun asks (its sentence's
    evidence before it; its family's stated forms, settled nouns and counts),
    so the cost grows with the text, not with nouns x evidence."""
    by_family: dict[str, list[Evidence]] = {}
    by_sentence: dict[tuple[int, str], list[Evidence]] = {}
    for e in evidence:
        by_family.setdefault(e.family, []).append(e)
        by_sentence.setdefault((e.sentence, e.family), []).append(e)
    before = {place: _SingleBefore(found) for place, found in by_sentence.items()}
    settled = [before[(s, family)].only_before(k) if (s, family) in before else None for s, k, family in bare]
    settled_by_family: dict[str, list[str]] = {}
    for (_, _, family_name), iso in zip(bare, settled):
        if iso:
            settled_by_family.setdefault(family_name, []).append(iso)
    fallback: dict[str, str | None] = {}  # family name -> steps 2 to 5, the same for all its nouns
    out: list[str | None] = []
    for (_, _, family_name), own in zip(bare, settled):
        family = _FAMILIES[family_name]
        if own:
            out.append(own)
            continue
        if family_name not in fallback:
            of_family = by_family.get(family_name, [])
            stated = _only(e.iso for e in of_family if e.stated)
            others = _only(settled_by_family.get(family_name, ()))
            fallback[family_name] = stated or others or _most_named(of_family, family) or family.default
        out.append(fallback[family_name])
    return out


class _SingleBefore:
    """The evidence of one sentence and family: which ISO code it names alone
    before a position (step 1), by binary search over the positions."""

    def __init__(self, found: list[Evidence]):
        ordered = sorted(found, key=lambda e: e.position)
        self.positions = [e.position for e in ordered]
        self.first = ordered[0].iso
        # Up to this many of the earliest pieces of evidence name only `first`.
        self.agreeing = next((n for n, e in enumerate(ordered) if e.iso != self.first), len(ordered))

    def only_before(self, position: int) -> str | None:
        n = bisect_left(self.positions, position)  # the evidence before `position`
        return self.first if 0 < n <= self.agreeing else None


def _most_named(of_family: list[Evidence], family: lex.CurrencyFamily) -> str | None:
    counts = Counter(e.iso for e in of_family).most_common(2)
    if not counts:
        return None
    top, n = counts[0]
    runner_up = counts[1][1] if len(counts) > 1 else 0
    if n > runner_up and n >= (1 if family.default is None else 2):
        return top
    return None
