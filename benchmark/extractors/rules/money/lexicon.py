"""Word lists of the MONEY grammar (benchmark/extractors/rules/money/parser.py): numbers, scales, currencies.

Every key is in the *normalized* spelling produced by `normalize()`: no
diacritics or tatweel, hamza-carrying alefs (أ إ آ ٱ) written as ا, final ى as
ي and ة as ه. So "ألف", "الف" and "أَلْف" are one key, and so are "مائة" and
"مائه". The lists come from Arabic grammar and common newspaper spellings,
not from any annotated corpus.
"""

from __future__ import annotations

# fmt: off
# (Word tables, laid out by hand, several entries a line with their comments: the
# formatter would put one entry a line and triple the file.)

import re
from fractions import Fraction

# --- normalization ----------------------------------------------------------

# Harakat, tanween, shadda, sukun, superscript alef, Quranic marks, and tatweel.
# Wider than benchmark.extractors.preprocess.DIACRITICS on purpose: that set keeps the
# combining madda and hamza (U+0653-0655), which are part of a letter in
# decomposed text and must reach a model; a lookup key folds hamza-alef to ا
# anyway, so here "ا" + U+0654 (decomposed أ) becomes ا like أ does.
_DIACRITICS_RE = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_LETTER_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ی": "ي", "ک": "ك"})


def strip_marks(word: str) -> str:
    """`word` without diacritics and tatweel (letters untouched)."""
    return _DIACRITICS_RE.sub("", word)


def normalize(word: str) -> str:
    """The lookup key of a word: marks stripped, alef/ya/ta-marbuta forms unified, Latin lower-cased."""
    return strip_marks(word).translate(_LETTER_MAP).lower()


# Arabic-Indic (U+0660..) and Persian/Urdu (U+06F0..) digits -> ASCII.
DIGIT_MAP = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")

# --- number words -----------------------------------------------------------

# Units 1..9 in their masculine/feminine and case forms. "أحد"/"إحدى" only
# count inside a teen ("أحد عشر"): alone they mean "one of" / "Sunday".
UNITS: dict[str, int] = {
    "واحد": 1, "واحده": 1, "واحدا": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثه": 3,
    "اربع": 4, "اربعه": 4,
    "خمس": 5, "خمسه": 5,
    "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7,
    "ثمان": 8, "ثماني": 8, "ثمانيه": 8,
    "تسع": 9, "تسعه": 9,
}
# First word of a teen (11..19): the units plus the construct forms.
TEEN_HEADS: dict[str, int] = {**UNITS, "احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2}
TEN_WORDS = {"عشر", "عشره"}  # 10 alone, and the second word of a teen

TENS: dict[str, int] = {}
for _stem, _value in (("عشر", 20), ("ثلاث", 30), ("اربع", 40), ("خمس", 50),
                      ("ست", 60), ("سبع", 70), ("ثمان", 80), ("تسع", 90)):
    TENS[_stem + "ون"] = _value  # nominative: عشرون
    TENS[_stem + "ين"] = _value  # accusative/genitive: عشرين

HUNDREDS: dict[str, int] = {"مئه": 100, "مائه": 100}
for _form in ("مئتان", "مئتين", "مئتا", "مئتي", "مائتان", "مائتين", "مائتا", "مائتي"):
    HUNDREDS[_form] = 200
for _stem, _value in (("ثلاث", 300), ("اربع", 400), ("خمس", 500), ("ست", 600),
                      ("سبع", 700), ("ثمان", 800), ("ثماني", 800), ("تسع", 900)):
    HUNDREDS[_stem + "مئه"] = _value  # written as one word: ثلاثمئة
    HUNDREDS[_stem + "مائه"] = _value
HUNDRED_WORDS = {"مئه", "مائه"}  # "ثلاث مئة" written as two words

# Fractions that stand for a number ("نصف مليون دولار"). "نص" is the dialect
# spelling of نصف; it is only read as a number in front of a scale or currency.
FRACTIONS: dict[str, Fraction] = {"نصف": Fraction(1, 2), "نص": Fraction(1, 2), "ربع": Fraction(1, 4),
                                  "ثلث": Fraction(1, 3)}

# --- scale words ------------------------------------------------------------

# Each form -> (multiplier, form) with form "sg" (also the accusative singular
# after 11..99), "pl" (plural, after 3..10, or vague alone), "dual" (= 2x when
# no number precedes it: "ملياري دولار"), "art" (with the article, only used
# after "ونصف" and in vague amounts such as "عشرات المليارات").
SCALES: dict[str, tuple[float, str]] = {}


def _add_scale(multiplier: float, singular: list[str], plural: list[str], dual: list[str]) -> None:
    for form in singular:
        SCALES[form] = (multiplier, "sg")
        SCALES["ال" + form] = (multiplier, "art")
    for form in plural:
        SCALES[form] = (multiplier, "pl")
        SCALES["ال" + form] = (multiplier, "art_pl")
    for form in dual:
        SCALES[form] = (multiplier, "dual")


_add_scale(1e3, ["الف"], ["الاف", "الوف"], ["الفا", "الفي", "الفان", "الفين"])
_add_scale(1e6, ["مليون"], ["ملايين"], ["مليونا", "مليوني", "مليونان", "مليونين"])
_add_scale(1e9, ["مليار"], ["مليارات", "ملايير"],  # ملايير: Maghreb plural
           ["مليارا", "ملياري", "ملياران", "مليارين"])
_add_scale(1e9, ["بليون"], ["بلايين", "بليونات"], ["بليونا", "بليوني", "بليونان", "بليونين"])
_add_scale(1e12, ["تريليون", "ترليون"], ["تريليونات", "ترليونات"],
           ["تريليونا", "تريليوني", "تريليونان", "تريليونين", "ترليونا", "ترليوني"])
# English scale words, seen in Arabic text next to a symbol or code ("USD 3 million").
for _form, _multiplier in (("thousand", 1e3), ("million", 1e6), ("mn", 1e6), ("billion", 1e9),
                           ("bn", 1e9), ("trillion", 1e12)):
    SCALES[_form] = (_multiplier, "sg")
    SCALES[_form + "s"] = (_multiplier, "sg")

# Quantifiers of a vague amount ("عشرات الملايين", "بضعة مليارات", "مئات الدولارات").
# Vague amounts are MONEY without a value (annotations/GUIDELINES.md 5.4).
VAGUE_QUANTIFIERS = {"عشرات", "مئات", "بضع", "بضعه", "عده"}

# --- currencies -------------------------------------------------------------


class CurrencyFamily:
    """One currency noun with its forms, default ISO code and nationality adjectives.

    `default` is the code when no adjective follows (None when the noun is
    shared by several countries and nothing in the span says which), `unit`
    scales the amount (a cent is 0.01 dollar).
    """

    def __init__(self, name: str, singular: list[str], plural: list[str], dual: list[str],
                 default: str | None, adjectives: dict[str, str], unit: float = 1.0,
                 accusative: tuple[str, ...] = ()):
        self.name = name
        self.default = default
        self.adjectives = adjectives
        self.unit = unit
        self.forms: dict[str, str] = {}  # normalized form -> "sg" | "pl" | "dual" | "art"
        for form in singular:
            self.forms[form] = "sg"
            if len(form) > 2 and not form.endswith(("و", "ه", "ي")):
                self.forms[form + "ا"] = "sg"  # accusative with tanween: دولاراً (not ين: "فينا")
            self.forms["ال" + form] = "art"
        # Accusatives the rule above cannot make: a root-final ه (جنيه -> جنيهاً) looks
        # like a normalized ta marbuta (ليرة -> ليره, whose accusative adds no letter).
        for form in accusative:
            self.forms[form] = "sg"
        for form in plural:
            self.forms[form] = "pl"
            self.forms["ال" + form] = "art"
        for form in dual:
            self.forms[form] = "dual"


FAMILIES: list[CurrencyFamily] = [
    CurrencyFamily("dollar", ["دولار"], ["دولارات"], ["دولاران", "دولارين"], "USD",
                   {"امريكي": "USD", "اميركي": "USD", "كندي": "CAD", "استرالي": "AUD",
                    "سنغافوري": "SGD", "نيوزيلندي": "NZD", "تايواني": "TWD",
                    # two-word adjectives (GUIDELINES 5.1): "دولار هونغ كونغي" is HKD
                    "هونغ كونغي": "HKD", "هونج كونجي": "HKD", "هونغ كونغ": "HKD", "هونج كونج": "HKD",
                    "هونغكونغي": "HKD", "هونجكونجي": "HKD"}),
    # "ريال" alone is read as the Saudi riyal, the most common in Gulf financial news.
    CurrencyFamily("riyal", ["ريال"], ["ريالات"], ["ريالان", "ريالين"], "SAR",
                   {"سعودي": "SAR", "قطري": "QAR", "عماني": "OMR", "يمني": "YER",
                    "ايراني": "IRR", "برازيلي": "BRL"}),
    # "درهم" alone is read as the UAE dirham.
    CurrencyFamily("dirham", ["درهم"], ["دراهم"], ["درهمان", "درهمين"], "AED",
                   {"اماراتي": "AED", "مغربي": "MAD"}),
    # "جنيه" alone is read as the Egyptian pound.
    CurrencyFamily("pound", ["جنيه"], ["جنيهات"], ["جنيهان", "جنيهين"], "EGP",
                   {"مصري": "EGP", "استرليني": "GBP", "سوداني": "SDG"},
                   accusative=("جنيها",)),
    CurrencyFamily("sterling", ["استرليني", "باوند"], [], [], "GBP", {}),
    # Seven countries use a dinar: alone it names no currency we can pick.
    CurrencyFamily("dinar", ["دينار"], ["دنانير"], ["ديناران", "دينارين"], None,
                   {"كويتي": "KWD", "اردني": "JOD", "بحريني": "BHD", "تونسي": "TND",
                    "عراقي": "IQD", "ليبي": "LYD", "جزائري": "DZD", "صربي": "RSD"}),
    CurrencyFamily("euro", ["يورو"], [], [], "EUR", {"اوروبي": "EUR"}),
    CurrencyFamily("yen", ["ين"], [], [], "JPY", {"ياباني": "JPY"}),
    CurrencyFamily("yuan", ["يوان", "رنمينبي"], [], [], "CNY", {"صيني": "CNY"}),
    CurrencyFamily("ruble", ["روبل"], ["روبلات"], [], "RUB", {"روسي": "RUB", "بيلاروسي": "BYN"}),
    CurrencyFamily("lira", ["ليره"], ["ليرات"], ["ليرتان", "ليرتين"], None,
                   {"تركي": "TRY", "لبناني": "LBP", "سوري": "SYP"}),
    CurrencyFamily("tenge", ["تنغي", "تينغ", "تنغ", "تينغي", "تنجي", "تنغه"], [], [], "KZT",
                   {"كازاخستاني": "KZT", "كازاخي": "KZT"}),
    CurrencyFamily("franc", ["فرنك"], ["فرنكات"], [], None, {"سويسري": "CHF"}),
    CurrencyFamily("rupee", ["روبيه"], ["روبيات"], [], None,
                   {"هندي": "INR", "باكستاني": "PKR", "اندونيسي": "IDR", "سريلانكي": "LKR"}),
    CurrencyFamily("shekel", ["شيكل", "شيقل"], ["شواقل", "شيكلات", "شيقلات"], [], "ILS",
                   {"اسرائيلي": "ILS", "جديد": "ILS"}),
    CurrencyFamily("peso", ["بيزو"], [], [], None,
                   {"مكسيكي": "MXN", "ارجنتيني": "ARS", "فلبيني": "PHP", "تشيلي": "CLP", "كولومبي": "COP"}),
    CurrencyFamily("krona", ["كرونه"], ["كرونات"], [], None,
                   {"سويدي": "SEK", "نرويجي": "NOK", "دنماركي": "DKK"}),
    CurrencyFamily("won", ["وون"], [], [], "KRW", {"كوري": "KRW", "كوري جنوبي": "KRW"}),
    CurrencyFamily("rand", ["راند"], [], [], "ZAR", {}),
    CurrencyFamily("ringgit", ["رينغيت", "رنغيت", "رينجت"], [], [], "MYR", {"ماليزي": "MYR"}),
    CurrencyFamily("cent", ["سنت"], ["سنتات"], [], "USD", {"امريكي": "USD", "اميركي": "USD"}, unit=0.01),
    # Sub-units of GUIDELINES 6, valued in the main unit. A bare فلس is 1/1000 of
    # a Kuwaiti, Bahraini or Jordanian dinar (the UAE fils is 1/100: not modelled).
    CurrencyFamily("halala", ["هلله"], ["هللات"], [], "SAR", {"سعودي": "SAR"}, unit=0.01),
    CurrencyFamily("piastre", ["قرش"], ["قروش"], ["قرشان", "قرشين"], "EGP", {"مصري": "EGP"}, unit=0.01),
    CurrencyFamily("fils", ["فلس"], [], [], None,
                   {"كويتي": "KWD", "بحريني": "BHD", "اردني": "JOD"}, unit=0.001),
    CurrencyFamily("millime", ["مليم"], ["مليمات"], [], "TND", {"تونسي": "TND"}, unit=0.001),
    # Crypto-currencies have no ISO 4217 code: an amount of them is MONEY with
    # currency None (GUIDELINES 5.1, 6: "850 ألف بيتكوين" -> 8.5e5).
    CurrencyFamily("bitcoin", ["بيتكوين", "بتكوين", "بيتكوينز"], [], [], None, {}),
]

# Normalized currency noun form -> (family, form).
CURRENCY_NOUNS: dict[str, tuple[CurrencyFamily, str]] = {}
for _family in FAMILIES:
    for _form, _kind in _family.forms.items():
        CURRENCY_NOUNS.setdefault(_form, (_family, _kind))

# A currency noun that is the first word of another name: "ريال مدريد" is a
# football club, so "2 ريال مدريد" (a score line) is not money.
NOT_CURRENCY_BEFORE: dict[str, set[str]] = {
    "ريال": {"مدريد", "سوسييداد", "سوسيداد", "بيتيس", "مايوركا", "سرقسطه", "اوفييدو", "بلد", "فالادوليد"},
}

# Currency symbols, written before or after the amount.
SYMBOLS: dict[str, str] = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₺": "TRY",
                           "₽": "RUB", "₩": "KRW", "₪": "ILS", "﷼": "SAR"}

# ISO 4217 codes written in Latin letters next to an amount.
ISO_CODES = {
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "RUB", "INR", "TRY", "KZT", "ILS",
    "SAR", "AED", "QAR", "KWD", "BHD", "OMR", "JOD", "EGP", "MAD", "TND", "DZD", "LYD", "IQD",
    "LBP", "SYP", "YER", "SDG", "KRW", "ZAR", "MYR", "SEK", "NOK", "DKK", "BRL", "MXN",
}

# Arabic abbreviations "letter.letter" used in Gulf and Maghreb financial
# pages (matched on the unnormalized letters: د.إ is AED, د.أ is JOD).
ABBREVIATIONS: dict[str, str] = {
    "د.ك": "KWD", "ر.س": "SAR", "د.إ": "AED", "د.أ": "JOD", "ج.م": "EGP", "ر.ق": "QAR",
    "ر.ع": "OMR", "د.ب": "BHD", "د.ت": "TND", "د.ج": "DZD", "د.ل": "LYD", "د.ع": "IQD",
    "د.م": "MAD", "ل.ل": "LBP", "ل.س": "SYP", "ل.ت": "TRY",
}

# --- words around an amount -------------------------------------------------

# Proclitic combinations that may be glued to the first word of an amount or
# to a country word (money_context): conjunction, then preposition. "لل" is
# ل + the article with its alef dropped.
PROCLITICS = ("وب", "فب", "ول", "فل", "وك", "فك", "و", "ف", "ب", "ل", "ك")

# Range separators between two amounts ("3 إلى 5 مليارات دولار"). "و" only
# separates a range after "بين" ("بين 3 و5 مليارات"). "أو" is not in the
# guideline grammar but states one uncertain amount just like "إلى" ("3 أو 4
# مليارات دولار"), so it is read as a range. "حتى" is not a separator: alone it
# is a bound ("حتى 5 مليارات", up to), which stays outside the span.
RANGE_WORDS = {"الي", "او"}
RANGE_DASHES = {"-", "–", "—", "‐", "‑"}
BETWEEN_WORDS = {"بين", "وبين", "فبين"}
# "من A إلى B" is a change between two amounts (two spans, GUIDELINES 5.4)
# unless a verb of ranging precedes it ("تتراوح من 3 إلى 5").
FROM_WORDS = {"من", "ومن", "فمن"}
RANGE_VERB_PREFIXES = ("تتراوح", "يتراوح", "تراوح", "متراوح")
# Verbs (and verbal nouns) of change: "ارتفع 5 دولارات إلى 30 دولارا" is a rise
# by 5 to 30, two amounts, not a range. Matched as prefixes of the word.
CHANGE_VERB_PREFIXES = (
    "ارتفع", "يرتفع", "ترتفع", "ارتفاع", "انخفض", "ينخفض", "تنخفض", "انخفاض", "تراجع", "يتراجع",
    "صعد", "يصعد", "تصعد", "هبط", "يهبط", "تهبط", "زاد", "يزيد", "تزيد", "زياده", "قفز", "يقفز",
    "تقفز", "نما", "ينمو", "تنمو", "تقلص", "يتقلص", "خفض", "يخفض", "رفع", "يرفع", "ترفع", "زادت",
)
# "على التوالي" (respectively): "بين X و Y" then names two amounts of two things.
RESPECTIVELY_WORDS = {"التوالي"}

# Elided currency (GUIDELINES 5.4): after an amount with a currency, a
# comparison ("انخفاضا من 13ر6", "مقارنة مع 4.5 مليار") may give a second
# amount whose scale and currency are left out. These words introduce it.
COMPARISON_WORDS = {"انخفاضا", "ارتفاعا", "تراجعا", "صعودا", "هبوطا", "نزولا", "زياده",
                    "مقارنه", "بالمقارنه", "قياسا", "مقابل"}
COMPARISON_PREPOSITIONS = {"من", "مع", "عن", "ب"}
# What may follow such a bare number for it to count as an elided amount: the
# end of the clause, or a time or place complement ("13ر6 في العام السابق").
ELIDED_FOLLOWERS = {"في", "خلال", "قبل", "عام", "العام", "سنه", "السنه", "الربع", "الفتره", "فتره",
                    "نهايه", "بنهايه", "حتي", "مقارنه", "بالمقارنه", "الشهر", "شهر", "اليوم"}
# After a number + scale whose currency is left to a parallel amount ("ونحو 65
# ملياراً على المدى المتوسط"، "ثلاثة مليارات أخرى"), besides ELIDED_FOLLOWERS
# and the end of the clause. A noun here ("30 مليون نسمة") means a count.
ELIDED_SCALE_FOLLOWERS = ELIDED_FOLLOWERS | {
    "علي", "اخري", "اخر", "اضافيه", "اضافي", "سنويا", "شهريا", "يوميا", "فقط", "تقريبا", "حاليا",
    "بحلول", "بعد", "منذ", "حسب", "بحسب", "وفق", "وفقا",
}
# "لكل" before a full amount: "99.958 لكل 100 ريال عماني" (GUIDELINES 9.4).
PER_WORDS = {"لكل"}
# What follows the number that opens an item of a numbered list: "3- الفلبين".
LIST_MARKS = {"-", "–", ")"}
CLAUSE_END_MARKS = {".", "،", ",", "؛", ";", ":", ")", "(", "»", "«", '"', "!", "?", "؟", "…"}

# Words that may stand next to an amount inside a span handed to parse_money
# without changing its value: triggers, approximators, prepositions.
LEFTOVER_WORDS = {
    "بقيمه", "قيمه", "قيمتها", "قيمته", "بمبلغ", "مبلغ", "المبلغ", "نحو", "بنحو", "حوالي", "بحوالي",
    "قرابه", "بقرابه", "زهاء", "بزهاء", "ما", "يقارب", "يناهز", "اكثر", "باكثر", "اقل", "باقل", "ازيد",
    "من", "بين", "وبين", "تقريبا", "فقط", "لا", "يقل", "عن", "غير", "اجمالي", "باجمالي", "حتي", "قدره",
    "قدرها", "تبلغ", "بلغت", "يبلغ", "بلغ", "يتجاوز", "تتجاوز", "تجاوز", "يزيد", "علي", "اي", "مايقارب",
    "تتراوح", "يتراوح", "بتكلفه", "تكلفه", "باستثمارات", "استثمارات",
}
