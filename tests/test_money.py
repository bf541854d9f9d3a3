"""The MONEY grammar: parse_money values and find_money spans on hand-made sentences.

Every expected value below was worked out by hand from the Arabic (scale words
1e3/1e6/1e9/1e12, duals count two, "ونصف" adds half the scale, separators as in
annotations/GUIDELINES.md 6), not taken from the parser's output.
"""

from __future__ import annotations

import unicodedata

import pytest

from benchmark.extractors.rules.money.parser import find_money, parse_money
from benchmark.extractors.rules.money.values import numeric_value
from benchmark.types import MoneyValue

# --- numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    "digits, expected",
    [
        ("7", 7),
        ("4.2", 4.2),
        ("٤٫٢", 4.2),  # Arabic-Indic digits and decimal separator
        ("۴٫۲", 4.2),  # Persian digits
        ("1,200", 1200),  # comma + three digits: thousands
        ("4,2", 4.2),  # comma + one digit: decimal
        ("12,50", 12.5),
        ("1.500", 1.5),  # a single dot is always a decimal point (GUIDELINES 6)
        ("1.500.000", 1_500_000),  # a repeated separator can only group thousands
        ("1,500,000", 1_500_000),
        ("١٬٢٠٠", 1200),  # Arabic thousands separator
        ("١٬٢٠٠٬٠٠٠", 1_200_000),
        ("1,234.5", 1234.5),  # both: the last one is the decimal point
        ("1.234,5", 1234.5),
        ("0.75", 0.75),
    ],
)
def test_numeric_value(digits, expected):
    assert float(numeric_value(digits)) == pytest.approx(expected)


@pytest.mark.parametrize("digits", ["1,2,3", "1.50.000", "12345,678,9", "1,23,456"])
def test_numeric_value_rejects_malformed_grouping(digits):
    assert numeric_value(digits) is None


# --- parse_money ----------------------------------------------------------------

USD, SAR = "USD", "SAR"

PARSE_CASES = [
    # digits and separators
    ("4.2 مليار دولار", 4.2e9, 4.2e9, USD),
    ("٤٫٢ مليار دولار", 4.2e9, 4.2e9, USD),
    ("۴٫۲ مليار دولار", 4.2e9, 4.2e9, USD),
    ("٢٫٥ مليار ريال", 2.5e9, 2.5e9, SAR),
    ("1,200 دولار", 1200, 1200, USD),
    ("4,2 مليار يورو", 4.2e9, 4.2e9, "EUR"),
    ("1.500.000 جنيه", 1.5e6, 1.5e6, "EGP"),
    ("1,500,000 ريال", 1.5e6, 1.5e6, SAR),
    ("١٬٢٠٠ دينار كويتي", 1200, 1200, "KWD"),
    ("1.5 مليار دولار", 1.5e9, 1.5e9, USD),
    ("0.75 دولار", 0.75, 0.75, USD),
    # reversed decimal (Jawhara FM, AFP/SPA): the part after ر is the integer part
    ("7ر10 مليون دينار تونسي", 10.7e6, 10.7e6, "TND"),
    ("84ر3 مليار دولار", 3.84e9, 3.84e9, USD),
    ("6ر9 دينار", 9.6, 9.6, None),
    # number words
    ("خمسة ملايين دولار", 5e6, 5e6, USD),
    ("ثلاثة آلاف ريال", 3000, 3000, SAR),
    ("عشرة مليارات يورو", 1e10, 1e10, "EUR"),
    ("عشرون مليون دولار", 2e7, 2e7, USD),
    ("عشرين مليون دولار", 2e7, 2e7, USD),
    ("خمسة وعشرون مليون يورو", 2.5e7, 2.5e7, "EUR"),
    ("مئة مليون دولار", 1e8, 1e8, USD),
    ("مائة ألف جنيه", 1e5, 1e5, "EGP"),
    ("مئتا مليون درهم", 2e8, 2e8, "AED"),
    ("ثلاثمئة مليار ين", 3e11, 3e11, "JPY"),
    ("ثلاث مئة مليون دولار", 3e8, 3e8, USD),
    ("مائة وخمسون ألف جنيه", 1.5e5, 1.5e5, "EGP"),
    ("مئتان وخمسة وعشرون دولارا", 225, 225, USD),
    ("أحد عشر مليار دولار", 1.1e10, 1.1e10, USD),
    ("اثنا عشر ألف يورو", 12000, 12000, "EUR"),
    ("ثلاثة آلاف وخمسمئة ريال قطري", 3500, 3500, "QAR"),
    ("ألف دولار", 1000, 1000, USD),
    ("ألف مليار ين", 1e12, 1e12, "JPY"),
    ("نصف مليون دولار", 5e5, 5e5, USD),
    ("ربع مليار دولار", 2.5e8, 2.5e8, USD),
    # scales and duals
    ("مليار دولار", 1e9, 1e9, USD),
    ("مليون يورو", 1e6, 1e6, "EUR"),
    ("ملياري دولار", 2e9, 2e9, USD),
    ("مليارا دولار", 2e9, 2e9, USD),
    ("مليوني ريال", 2e6, 2e6, SAR),
    ("مليونا دولار", 2e6, 2e6, USD),
    ("ألفي دولار", 2000, 2000, USD),
    ("ألفا يورو", 2000, 2000, "EUR"),
    ("20 ملياراً دولار", 2e10, 2e10, USD),  # after a number the -an form is the accusative singular
    ("3 بلايين دولار", 3e9, 3e9, USD),
    ("بليون دولار", 1e9, 1e9, USD),
    ("2 تريليون دولار", 2e12, 2e12, USD),
    ("3 تريليونات ين", 3e12, 3e12, "JPY"),
    ("5 مليارات دولار", 5e9, 5e9, USD),
    ("أربعة ملايير درهم مغربي", 4e9, 4e9, "MAD"),  # Maghreb plural of مليار
    ("10 آلاف جنيه", 1e4, 1e4, "EGP"),
    # "ونصف" / "وربع": a fraction of the scale
    ("مليار ونصف دولار", 1.5e9, 1.5e9, USD),
    ("مليار ونصف المليار دولار", 1.5e9, 1.5e9, USD),
    ("3 مليارات ونصف دولار", 3.5e9, 3.5e9, USD),
    ("3 مليارات ونصف", 3.5e9, 3.5e9, None),
    ("3 ملايين ونصف المليون دولار", 3.5e6, 3.5e6, USD),
    ("مليون وربع دولار", 1.25e6, 1.25e6, USD),
    # compound amounts
    ("مليار و200 مليون دولار", 1.2e9, 1.2e9, USD),
    ("5 ملايين و500 ألف دولار", 5.5e6, 5.5e6, USD),
    ("ملياران وثلاثمئة مليون دولار", 2.3e9, 2.3e9, USD),
    ("ألف و500 دولار", 1500, 1500, USD),
    ("مليار ونصف مليون دولار", 1_000_500_000, 1_000_500_000, USD),
    # currency words, article, accusative, plural, nationality adjectives
    ("100 دولار أمريكي", 100, 100, USD),
    ("100 دولار أميركي", 100, 100, USD),
    ("60 مليون دولار أمريكي", 6e7, 6e7, USD),
    ("50 دولاراً", 50, 50, USD),
    ("50 دولارا أمريكيا", 50, 50, USD),
    ("5 دولارات", 5, 5, USD),
    ("5 ملايين من الدولارات", 5e6, 5e6, USD),
    ("100 دولار كندي", 100, 100, "CAD"),
    ("500 مليون ريال سعودي", 5e8, 5e8, SAR),
    ("100 ريال قطري", 100, 100, "QAR"),
    ("100 ريالاً قطرياً", 100, 100, "QAR"),
    ("100 ريال عماني", 100, 100, "OMR"),
    ("100 ريال عُماني", 100, 100, "OMR"),
    ("100 ريال", 100, 100, SAR),  # default: a bare riyal is Saudi
    ("3 مليارات درهم إماراتي", 3e9, 3e9, "AED"),
    ("100 درهم مغربي", 100, 100, "MAD"),
    ("100 درهم", 100, 100, "AED"),
    ("200 ألف جنيه مصري", 2e5, 2e5, "EGP"),
    ("100 جنيه إسترليني", 100, 100, "GBP"),
    ("100 جنيه استرليني", 100, 100, "GBP"),
    ("5 ملايين إسترليني", 5e6, 5e6, "GBP"),
    ("1.5 مليار دينار كويتي", 1.5e9, 1.5e9, "KWD"),
    ("100 دينار أردني", 100, 100, "JOD"),
    ("100 دينار بحريني", 100, 100, "BHD"),
    ("100 دينار تونسي", 100, 100, "TND"),
    ("100 دينار عراقي", 100, 100, "IQD"),
    ("100 دينار ليبي", 100, 100, "LYD"),
    ("100 دينار جزائري", 100, 100, "DZD"),
    ("100 دينار", 100, 100, None),  # seven countries: no currency can be picked
    ("10 ملايين يورو", 1e7, 1e7, "EUR"),
    ("100 ين ياباني", 100, 100, "JPY"),
    ("100 ين", 100, 100, "JPY"),
    ("100 يوان صيني", 100, 100, "CNY"),
    ("2.5 مليار روبل", 2.5e9, 2.5e9, "RUB"),
    ("10 ملايين ليرة تركية", 1e7, 1e7, "TRY"),
    ("100 ليرة لبنانية", 100, 100, "LBP"),
    ("25 ألف ليرة سورية", 25000, 25000, "SYP"),
    ("100 ليرة", 100, 100, None),
    ("250 مليار تنغي", 2.5e11, 2.5e11, "KZT"),
    ("250 مليار تينغ", 2.5e11, 2.5e11, "KZT"),
    ("9 مليارات فرنك سويسري", 9e9, 9e9, "CHF"),
    ("5 آلاف روبية هندية", 5000, 5000, "INR"),
    ("100 شيكل", 100, 100, "ILS"),
    ("50 سنتا", 0.5, 0.5, USD),
    ("ريـال", None, None, None),  # tatweel, but no amount
    # symbols, ISO codes, abbreviations
    ("$100", 100, 100, USD),
    ("100$", 100, 100, USD),
    ("$5 مليارات", 5e9, 5e9, USD),
    ("€5 مليارات", 5e9, 5e9, "EUR"),
    ("5 مليارات €", 5e9, 5e9, "EUR"),
    ("£3 ملايين", 3e6, 3e6, "GBP"),
    ("US$ 200 مليون", 2e8, 2e8, USD),
    ("3 مليون USD", 3e6, 3e6, USD),
    ("SAR 500", 500, 500, SAR),
    ("USD 3 million", 3e6, 3e6, USD),
    ("500 ر.س", 500, 500, SAR),
    ("100 د.ك", 100, 100, "KWD"),
    ("250 د.إ", 250, 250, "AED"),
    ("9 د.ت", 9, 9, "TND"),
    # the noun before its number: واحد and اثنان follow what they count
    ("دولار أمريكي واحد", 1, 1, USD),
    ("ليرة واحدة", 1, 1, None),
    ("دولاران", 2, 2, USD),
    ("ريالين اثنين", 2, 2, SAR),
    # ranges: the right side's scale and currency are shared
    ("3 إلى 5 مليارات دولار", 3e9, 5e9, USD),
    ("3 الى 5 مليارات دولار", 3e9, 5e9, USD),
    ("3-5 مليار دولار", 3e9, 5e9, USD),
    ("3 - 5 مليار دولار", 3e9, 5e9, USD),
    ("3–5 مليارات دولار", 3e9, 5e9, USD),
    ("بين 3 و5 مليارات دولار", 3e9, 5e9, USD),
    ("ما بين 3 و 5 مليارات دولار", 3e9, 5e9, USD),
    ("500 مليون إلى مليار دولار", 5e8, 1e9, USD),
    ("3 أو 4 مليارات دولار", 3e9, 4e9, USD),
    ("٣ إلى ٥ ملايين ريال", 3e6, 5e6, SAR),
    ("$3-5 مليارات", 3e9, 5e9, USD),
    ("1.5 إلى 2 مليار يورو", 1.5e9, 2e9, "EUR"),
    # what another convention keeps in the span does not change the value
    ("بقيمة 7 مليارات دولار", 7e9, 7e9, USD),
    ("نحو 5 مليارات دولار", 5e9, 5e9, USD),
    ("أكثر من 5 مليارات دولار", 5e9, 5e9, USD),
    ("بـ228 مليار ريال", 2.28e11, 2.28e11, SAR),
    ("و5 ملايين دولار", 5e6, 5e6, USD),
    ("بمليار دولار", 1e9, 1e9, USD),
    ("«5 ملايين دولار»", 5e6, 5e6, USD),
    ("5 ملايين دولار تقريبا", 5e6, 5e6, USD),
    # a MONEY span whose currency is elided: the value has no currency
    ("10 مليارات", 1e10, 1e10, None),
    ("مليار", 1e9, 1e9, None),
]


@pytest.mark.parametrize("text, lower, upper, currency", PARSE_CASES)
def test_parse_money(text, lower, upper, currency):
    value = parse_money(text)
    if lower is None:
        assert value is None
        return
    assert value is not None, text
    assert value.matches(MoneyValue(lower, upper, currency)), (text, value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "5",  # a bare number states no money
        "2025",
        "5%",
        "5 في المئة",
        "6ر34 بالمائة",
        "مليون برميل",
        "5 ملايين طن",
        "مليون سهم",
        "7800 نقطة",
        "مليار متر مكعب",
        "الدولار",
        "اليورو",
        "الريال السعودي",
        "دولار",
        "شركة أرامكو",
        "مليارات الدولارات",  # vague: MONEY, but no definite value (GUIDELINES 5.4)
        "مئات الملايين من الدولارات",
        "5 مليارات دولار و3 مليارات يورو",  # two amounts are not one value
    ],
)
def test_parse_money_none(text):
    assert parse_money(text) is None


# --- find_money -----------------------------------------------------------------


def surfaces(text: str) -> list[str]:
    return [span.text for span in find_money(text)]


def test_find_money_exact_offsets_with_proclitic_outside():
    # "ب" (0) + tatweel (1), then "228 مليار ريال" = 3+1+5+1+4 = 14 characters.
    [span] = find_money("بـ228 مليار ريال")
    assert (span.start, span.end, span.label, span.text) == (2, 16, "MONEY", "228 مليار ريال")
    assert span.value.matches(MoneyValue(2.28e11, 2.28e11, "SAR"))


def test_find_money_exact_offsets_trigger_outside():
    text = "وقعت الشركة عقدا بقيمة 4.2 مليار دولار مع الحكومة"
    # "وقعت الشركة عقدا بقيمة " = 4+1+6+1+4+1+5+1 = 23 characters
    # "4.2 مليار دولار" = 3+1+5+1+5 = 15 characters
    [span] = find_money(text)
    assert (span.start, span.end) == (23, 38)
    assert span.text == "4.2 مليار دولار"
    assert span.value.matches(MoneyValue(4.2e9, 4.2e9, "USD"))


def test_find_money_range_is_one_span():
    text = "بقيمة تتراوح بين 3 إلى 5 مليارات دولار"
    # "بقيمة تتراوح بين " = 5+1+6+1+3+1 = 17
    [span] = find_money(text)
    assert (span.start, span.end, span.text) == (17, len(text), "3 إلى 5 مليارات دولار")
    assert span.value.matches(MoneyValue(3e9, 5e9, "USD"))


def test_find_money_offsets_of_several_mentions():
    text = "واستثمرت 5 ملايين دولار وبمليار يورو"
    spans = find_money(text)
    # "واستثمرت " = 9; "5 ملايين دولار" = 1+1+6+1+5 = 14 -> [9, 23)
    # " وب" -> "مليار" starts at 23+1+2 = 26; "مليار يورو" = 5+1+4 = 10 -> [26, 36)
    assert [(s.start, s.end, s.text) for s in spans] == [
        (9, 23, "5 ملايين دولار"),
        (26, 36, "مليار يورو"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # proclitics and بـ outside
        ("بـ 3 ملايين دولار", ["3 ملايين دولار"]),
        ("وبخمسة ملايين دولار", ["خمسة ملايين دولار"]),
        ("بنصف مليون دولار", ["نصف مليون دولار"]),
        ("وب5 ملايين ريال", ["5 ملايين ريال"]),
        # triggers and approximators outside
        ("بمبلغ 100 ألف دينار كويتي", ["100 ألف دينار كويتي"]),
        (
            "بلغت الأرباح نحو 3 مليارات ريال سعودي، أي أكثر من 800 مليون دولار.",
            ["3 مليارات ريال سعودي", "800 مليون دولار"],
        ),
        ("بحوالي 5 مليارات دولار", ["5 مليارات دولار"]),
        ("قرابة 9 مليارات فرنك سويسري", ["9 مليارات فرنك سويسري"]),
        ("ما يقارب 200 مليون درهم", ["200 مليون درهم"]),
        ("حتى 5 مليارات دولار", ["5 مليارات دولار"]),
        # ranges as one span, "بين" and "من" outside
        ("بين 3 و5 مليارات دولار", ["3 و5 مليارات دولار"]),
        ("ما بين 3-5 مليارات دولار", ["3-5 مليارات دولار"]),
        ("تتراوح من 3 إلى 5 مليارات دولار", ["3 إلى 5 مليارات دولار"]),
        ("تكلفة تقدر ب 500 مليون إلى مليار دولار", ["500 مليون إلى مليار دولار"]),
        # a range needs lower <= upper: a year before "حتى/إلى" is not its start
        ("في عام 2025 إلى 5 مليارات دولار", ["5 مليارات دولار"]),
        # two amounts with their own currencies are two spans
        ("من 3 مليارات دولار إلى 5 مليارات دولار", ["3 مليارات دولار", "5 مليارات دولار"]),
        ("10 ملايين ريال (2.7 مليون دولار)", ["10 ملايين ريال", "2.7 مليون دولار"]),
        ("5 مليارات دولار و3 مليارات يورو", ["5 مليارات دولار", "3 مليارات يورو"]),
        # "per" phrases outside
        ("سعر البرميل 70 دولارا للبرميل", ["70 دولارا"]),
        ("بسعر 3.75 ريال للدولار", ["3.75 ريال"]),
        ("6ر9 دينار (د) للكلغ", ["6ر9 دينار"]),
        # percentages, quantities, bare currencies, numbers: not money
        ("ارتفع السهم 5% إلى 20 دولارا", ["20 دولارا"]),
        ("نما الاقتصاد 3.5 في المئة", []),
        ("ارتفع بنسبة 6ر34 بالمائة", []),
        ("ينتج مليون برميل يوميا ويبيع 5 ملايين طن", []),
        ("تداول 3 ملايين سهم وأغلق المؤشر عند 7800 نقطة", []),
        ("ارتفع الدولار الأمريكي أمام اليورو", []),
        ("طائرات بوينج 787-9", []),
        ("يعيش 5 ملايين نسمة في المدينة", []),
        ("وفرت آلاف الوظائف", []),
        ("بين الدولار والين", []),
        ("النتيجة 2 ريال مدريد 1 برشلونة", []),  # a club, not a currency
        ("وقع ريال مدريد عقدا بقيمة 80 مليون يورو", ["80 مليون يورو"]),
        # number words, duals, scales alone
        ("خصصت الحكومة ملياري دولار", ["ملياري دولار"]),
        ("دفع ألف دولار", ["ألف دولار"]),
        ("بقيمة مليار ونصف المليار دولار", ["مليار ونصف المليار دولار"]),
        ("بكلفة 3 ملايين ونصف دولار", ["3 ملايين ونصف دولار"]),
        ("اشترى السهم بدولار واحد", ["دولار واحد"]),
        # symbols, codes, abbreviations
        ("جمعت $5 مليارات", ["$5 مليارات"]),
        ("بسعر 500 ر.س للسهم", ["500 ر.س"]),
        # vague amounts are MONEY (GUIDELINES 5.4)
        ("ضخت مليارات الدولارات في الاقتصاد", ["مليارات الدولارات"]),
        ("خسائر بملايين الدولارات", ["ملايين الدولارات"]),
        ("عشرات الملايين من الدولارات", ["عشرات الملايين من الدولارات"]),
        ("استثمارات بمئات الملايين من الريالات", ["مئات الملايين من الريالات"]),
        ("بضعة ملايين دولار", ["بضعة ملايين دولار"]),
    ],
)
def test_find_money_surfaces(text, expected):
    assert surfaces(text) == expected


def test_change_from_to_gives_two_spans_with_elided_parts():
    # GUIDELINES 5.4: "ارتفع من 10 إلى 12 مليار دولار" is two amounts.
    spans = find_money("ارتفع من 10 إلى 12 مليار دولار")
    assert [s.text for s in spans] == ["10", "12 مليار دولار"]
    assert spans[0].value.matches(MoneyValue(1e10, 1e10, "USD"))
    assert spans[1].value.matches(MoneyValue(1.2e10, 1.2e10, "USD"))


def test_elided_scale_and_currency_after_comparison():
    spans = find_money("بلغت 84ر3 مليار دولار انخفاضًا من 13ر6 في العام السابق")
    assert [s.text for s in spans] == ["84ر3 مليار دولار", "13ر6"]
    assert spans[0].value.matches(MoneyValue(3.84e9, 3.84e9, "USD"))
    assert spans[1].value.matches(MoneyValue(6.13e9, 6.13e9, "USD"))


def test_elided_amount_keeps_its_own_scale():
    spans = find_money("بلغت الإيرادات 5 مليارات دولار مقارنة مع 900 مليون في العام الماضي")
    assert [s.text for s in spans] == ["5 مليارات دولار", "900 مليون"]
    assert spans[1].value.matches(MoneyValue(9e8, 9e8, "USD"))


@pytest.mark.parametrize(
    "text",
    [
        "بلغت 5 مليارات دولار مقارنة مع 2019.",  # a year: 2019e9 is not comparable with 5e9
        "بلغت 5 مليارات دولار مقارنة مع 3 شركات",  # a count of something else
        "بلغت 5 مليارات دولار مقارنة مع 4%",
    ],
)
def test_no_elided_amount_where_the_number_is_something_else(text):
    assert surfaces(text) == ["5 مليارات دولار"]


def test_vague_amount_has_no_value():
    [span] = find_money("ضخت مليارات الدولارات")
    assert span.label == "MONEY" and span.value is None


def test_values_filled_on_definite_amounts():
    spans = find_money("باع 3 ملايين سهم بقيمة 45 مليون درهم إماراتي، و2.5 مليار ين.")
    assert [(s.text, s.value) for s in spans] == [
        ("45 مليون درهم إماراتي", MoneyValue(4.5e7, 4.5e7, "AED")),
        ("2.5 مليار ين", MoneyValue(2.5e9, 2.5e9, "JPY")),
    ]


def test_diacritics_bidi_marks_and_tatweel():
    text = "بقيمةِ \u200f5 ملاييـن دولارٍ أمريكيٍّ"
    [span] = find_money(text)
    assert span.text == "5 ملاييـن دولارٍ أمريكيٍّ"
    assert span.value.matches(MoneyValue(5e6, 5e6, "USD"))


def test_ll_clitic_keeps_the_article_lam():
    # GUIDELINES 2: with لل only the first ل is the clitic. The vague span
    # "للملايين من الدولارات" starts at the second ل.
    text = "خسارة للملايين من الدولارات"
    [span] = find_money("عشرات " + "الملايين من الدولارات")
    assert span.text == "عشرات الملايين من الدولارات"
    assert find_money(text)[0].start == text.index("للملايين") + 1


SENTENCES = [case[0] for case in PARSE_CASES] + [
    "بلغت الأرباح نحو 3 مليارات ريال سعودي، أي أكثر من 800 مليون دولار.",
    "«5 ملايين دولار» و(3 مليارات يورو)، و$4.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_spans_never_start_or_end_on_space_or_punctuation(text):
    for span in find_money(text):
        assert text[span.start : span.end] == span.text
        for ch in (span.text[0], span.text[-1]):
            assert not ch.isspace() and not unicodedata.category(ch).startswith("P"), span


def test_spans_do_not_overlap_and_are_sorted():
    text = "من 10 إلى 12 مليار دولار ثم 3-5 ملايين يورو و$7 وملياري ريال"
    spans = find_money(text)
    assert [s.text for s in spans] == ["10", "12 مليار دولار", "3-5 ملايين يورو", "$7", "ملياري ريال"]
    for a, b in zip(spans, spans[1:]):
        assert a.end <= b.start


# --- rules from the news guidelines (GUIDELINES 5, 6, 9 and the adjudication list) ---
# Hand-made sentences; each expected value worked out by hand from the rule.


@pytest.mark.parametrize(
    "digits, expected",
    [
        ("2،5", 2.5),  # GUIDELINES 9.5: the Arabic comma between digits is like ","
        ("786،6", 786.6),
        ("1،350", 1350),  # followed by exactly three digits: thousands
        ("٣،٧", 3.7),
    ],
)
def test_numeric_value_arabic_comma(digits, expected):
    assert float(numeric_value(digits)) == pytest.approx(expected)


GUIDELINE_PARSE_CASES = [
    # Arabic comma (9.5)
    ("3،7 مليار دينار تونسي", 3.7e9, 3.7e9, "TND"),
    ("1،250 مليون دولار", 1.25e9, 1.25e9, USD),
    # accusative جنيهاً + accusative adjective (5.1 equations)
    ("17 جنيها مصريا", 17, 17, "EGP"),
    ("20.5000 جنيهاً مصرياً", 20.5, 20.5, "EGP"),
    # two-word and other nationality adjectives (5.1, 6)
    ("50 دولار هونغ كونغي", 50, 50, "HKD"),
    ("3 ملايين دولار هونج كونج", 3e6, 3e6, "HKD"),
    ("10 آلاف وون كوري جنوبي", 1e4, 1e4, "KRW"),
    ("5 إلى 8 دولارات هونغ كونغي", 5, 8, "HKD"),
    ("40 دولارا أستراليا", 40, 40, "AUD"),
    ("7 دولارات سنغافورية", 7, 7, "SGD"),
    ("2 مليار يوان صيني", 2e9, 2e9, "CNY"),
    ("300 روبية باكستانية", 300, 300, "PKR"),
    ("42 ألف ريال إيراني", 42000, 42000, "IRR"),
    ("250 ريالا يمنيا", 250, 250, "YER"),
    ("4 ريالات برازيلية", 4, 4, "BRL"),
    # definite scale, definite number word + scale (5.1 DEF-SCALE, 9.6)
    ("المليار دولار", 1e9, 1e9, USD),
    ("التريليون ريال", 1e12, 1e12, SAR),
    ("المئة مليون يورو", 1e8, 1e8, "EUR"),
    ("المائة مليار دولار", 1e11, 1e11, USD),
    ("الخمسين مليار درهم", 5e10, 5e10, "AED"),
    ("نصف المليار دولار", 5e8, 5e8, USD),  # a fraction before the article scale: not "المليار" alone
    ("ربع المليون ريال", 2.5e5, 2.5e5, SAR),
    # a range with the currency on both ends is one amount (5.4)
    ("4 ملايين دولار إلى 6 ملايين دولار", 4e6, 6e6, USD),
    ("1.5 يورو - 2 يورو", 1.5, 2, "EUR"),
    # sub-units in the main unit (6)
    ("50 هللة", 0.5, 0.5, SAR),
    ("25 قرشا", 0.25, 0.25, "EGP"),
    ("500 فلس كويتي", 0.5, 0.5, "KWD"),
    ("750 مليما", 0.75, 0.75, "TND"),
    # crypto-currencies: no ISO code (5.1, 6)
    ("20 ألف بيتكوين", 2e4, 2e4, None),
    # Jawhara FM abbreviations: م د = مليون دينار, د = دينار (5.1)
    ("300 م د", 3e8, 3e8, None),
    ("4ر5 د", 5.4, 5.4, None),
]


@pytest.mark.parametrize("text, lower, upper, currency", GUIDELINE_PARSE_CASES)
def test_parse_money_guideline_rules(text, lower, upper, currency):
    value = parse_money(text)
    assert value is not None, text
    assert value.matches(MoneyValue(lower, upper, currency)), (text, value)


@pytest.mark.parametrize(
    "text",
    [
        "المليار",  # a definite scale needs a currency (9.6)
        "المئة مليار",
        "المليارات",
        "البيتكوين",  # a currency name without an amount
        "م د",
        "(د)",
    ],
)
def test_parse_money_guideline_none(text):
    assert parse_money(text) is None


def values(text: str) -> list[tuple[str, MoneyValue | None]]:
    return [(span.text, span.value) for span in find_money(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an exchange-rate equation is two amounts; "=" and brackets outside (5.1)
        (
            "(1 يورو = 20.5000 جنيها مصريا بسعر اليوم)",
            [("1 يورو", MoneyValue(1, 1, "EUR")), ("20.5000 جنيها مصريا", MoneyValue(20.5, 20.5, "EGP"))],
        ),
        # Arabic comma inside the span (9.5), currency from the sentence's country (6)
        (
            "قال البنك المركزي التونسي إن العجز بلغ 3،7 مليار دينار، مقابل 2،9 مليار دينار",
            [
                ("3،7 مليار دينار", MoneyValue(3.7e9, 3.7e9, "TND")),
                ("2،9 مليار دينار", MoneyValue(2.9e9, 2.9e9, "TND")),
            ],
        ),
        # definite number + scale + currency; a bare definite scale is nothing (9.6)
        ("تخطت الصادرات حاجز المئة مليار ريال", [("المئة مليار ريال", MoneyValue(1e11, 1e11, "SAR"))]),
        ("اقتربت قيمة الشركة من التريليون دولار", [("التريليون دولار", MoneyValue(1e12, 1e12, "USD"))]),
        ("أنفقت المليارات على الطرق", []),
        ("تجاوزت المليار في العام الماضي", []),
        ("يوم الاثنين المقبل", []),
        # ranges with the currency on both ends (5.4) and a two-word adjective (5.1)
        (
            "بسعر يتراوح بين 4 ملايين دولار و6 ملايين دولار",
            [("4 ملايين دولار و6 ملايين دولار", MoneyValue(4e6, 6e6, "USD"))],
        ),
        (
            "بسعر 10 إلى 12 دولار هونغ كونغي (1.3 دولار إلى 1.5 دولار) للسهم",
            [
                ("10 إلى 12 دولار هونغ كونغي", MoneyValue(10, 12, "HKD")),
                ("1.3 دولار إلى 1.5 دولار", MoneyValue(1.3, 1.5, "USD")),
            ],
        ),
        # ... but two amounts after "من" (a change), after a verb of change,
        # with "على التوالي", falling, or far apart
        (
            "انخفض السعر من 8 دولارات إلى 6 دولارات",
            [("8 دولارات", MoneyValue(8, 8, "USD")), ("6 دولارات", MoneyValue(6, 6, "USD"))],
        ),
        (
            "ارتفع الخام في بورصة نيويورك 0.5 دولار إلى 70 دولارا",
            [("0.5 دولار", MoneyValue(0.5, 0.5, "USD")), ("70 دولارا", MoneyValue(70, 70, "USD"))],
        ),
        (
            "بلغت قيمتها على التوالي بين 30 مليون دينار أردني و40 مليون دينار أردني",
            [
                ("30 مليون دينار أردني", MoneyValue(3e7, 3e7, "JOD")),
                ("40 مليون دينار أردني", MoneyValue(4e7, 4e7, "JOD")),
            ],
        ),
        ("بين 5 دولارات و3 دولارات", [("5 دولارات", MoneyValue(5, 5, "USD")), ("3 دولارات", MoneyValue(3, 3, "USD"))]),
        # the verb of change may stand several words back in the clause
        (
            "ارتفع مزيج برنت اليوم في السوق الأوروبية 60 دولارا إلى 62 دولارا",
            [("60 دولارا", MoneyValue(60, 60, "USD")), ("62 دولارا", MoneyValue(62, 62, "USD"))],
        ),
        # ends more than an order of magnitude apart are not one uncertain amount
        (
            "(0.5 دولار إلى 70 دولارا)",
            [("0.5 دولار", MoneyValue(0.5, 0.5, "USD")), ("70 دولارا", MoneyValue(70, 70, "USD"))],
        ),
        # sub-units, crypto-currencies
        (
            "خسرت المنصة 20 ألف بيتكوين، واستعادت لاحقا 5 آلاف وحدة من العملة",
            [("20 ألف بيتكوين", MoneyValue(2e4, 2e4, None))],
        ),
        ("ارتفع السهم 15 قرشا", [("15 قرشا", MoneyValue(0.15, 0.15, "EGP"))]),
        # Jawhara FM abbreviations; a restated unit with no number is nothing (5.1)
        (
            "صدرت تونس زيتا بقيمة 300 م د)، وبلغ السعر 4ر5 د للكلغ",
            [("300 م د", MoneyValue(3e8, 3e8, "TND")), ("4ر5 د", MoneyValue(5.4, 5.4, "TND"))],
        ),
        ("بلغت العائدات 300 مليون دينار ( م د) و(د)", [("300 مليون دينار", MoneyValue(3e8, 3e8, None))]),
        ("يبدأ العرض الساعة 5 م", []),
        # a currency noun glued by a typo to "و" + the next word (GUIDELINES 2)
        ("بلغت الإيرادات 900 مليون ديناروارتفعت الأرباح", [("900 مليون دينار", MoneyValue(9e8, 9e8, None))]),
        # a price per a full amount takes that amount's currency (9.4)
        (
            "بلغ متوسط السعر 98.5 لكل 100 دينار كويتي",
            [("98.5", MoneyValue(98.5, 98.5, "KWD")), ("100 دينار كويتي", MoneyValue(100, 100, "KWD"))],
        ),
        ("وزعت الشركة 5 ريالات لكل سهم", [("5 ريالات", MoneyValue(5, 5, "SAR"))]),
    ],
)
def test_find_money_guideline_rules(text, expected):
    assert values(text) == expected


# --- elided currency from a parallel amount (GUIDELINES 5.4, 9.3) ---


@pytest.mark.parametrize(
    "text, expected",
    [
        # same sentence, across a comma
        (
            "تحتاج البلاد إلى 10 مليارات دولار هذا العام، ونحو 40 ملياراً على المدى البعيد.",
            [("10 مليارات دولار", MoneyValue(1e10, 1e10, "USD")), ("40 ملياراً", MoneyValue(4e10, 4e10, "USD"))],
        ),
        # the parallel amount may come later in the sentence
        (
            "خفضت الحكومة الميزانية بواقع خمسة مليارات أخرى لتصل إلى 40 مليار يورو",
            [("خمسة مليارات", MoneyValue(5e9, 5e9, "EUR")), ("40 مليار يورو", MoneyValue(4e10, 4e10, "EUR"))],
        ),
        # the previous sentence
        (
            "بلغ العجز 300 مليار دولار. وتريد الحكومة خفضه بمقدار 50 مليارا.",
            [("300 مليار دولار", MoneyValue(3e11, 3e11, "USD")), ("50 مليارا", MoneyValue(5e10, 5e10, "USD"))],
        ),
        # earlier items of the same numbered list
        (
            "1- مصر: 20 مليار دولار\n2- المغرب: لم تعلن أرقاما\n3- الأردن: 5 مليارات",
            [("20 مليار دولار", MoneyValue(2e10, 2e10, "USD")), ("5 مليارات", MoneyValue(5e9, 5e9, "USD"))],
        ),
        # ... or from the sentence that introduces the list, item after item
        (
            "بلغت استثماراتها 40 مليار دولار، منها:\n1- مصر: 20 مليار\n2- المغرب: 15 مليارا\n3- الأردن: 5 مليارات",
            [
                ("40 مليار دولار", MoneyValue(4e10, 4e10, "USD")),
                ("20 مليار", MoneyValue(2e10, 2e10, "USD")),
                ("15 مليارا", MoneyValue(1.5e10, 1.5e10, "USD")),
                ("5 مليارات", MoneyValue(5e9, 5e9, "USD")),
            ],
        ),
        # a change whose first amount is followed by a time phrase
        (
            "ارتفعت الودائع من 10 مليارات في 2017 إلى 12 مليار دولار",
            [("10 مليارات", MoneyValue(1e10, 1e10, "USD")), ("12 مليار دولار", MoneyValue(1.2e10, 1.2e10, "USD"))],
        ),
    ],
)
def test_elided_currency_from_a_parallel_amount(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a counted noun follows: people, shares
        "بلغت الصفقة 5 مليارات دولار، ويبلغ عدد السكان 30 مليون نسمة.",
        "بلغت الصفقة 5 مليارات دولار، وتداول المستثمرون 3 ملايين سهم.",
        # two sentences back is too far
        "بلغت الصفقة 5 مليارات دولار. وقال الوزير إن الأمر مهم. وارتفع الرقم إلى 3 مليارات.",
        # a count far from the amount's order of magnitude
        "بلغت الصفقة 5 مليارات دولار، ووفرت 3 آلاف.",
    ],
)
def test_no_elided_currency_where_the_number_is_not_parallel(text):
    assert surfaces(text) == ["5 مليارات دولار"]


def test_no_elided_currency_when_the_parallel_amounts_disagree():
    text = "باعت الشركة أصولا بـ10 ملايين ريال (2.7 مليون دولار)، ثم اشترت أخرى بـ3 ملايين."
    assert surfaces(text) == ["10 ملايين ريال", "2.7 مليون دولار"]


# --- a bare currency noun takes the country the text is about (GUIDELINES 6) ---


@pytest.mark.parametrize(
    "text, currencies",
    [
        # the sentence states the currency before the amount
        ("انهار الريال اليمني إلى 600 ريال للدولار", ["YER"]),
        # the document states one qualified form
        ("استقر الريال القطري أمام الدولار.\nوبلغت الودائع 50 مليار ريال.", ["QAR"]),
        # a country named in the sentence before the amount
        ("بلغ دين الحكومة المغربية 500 مليار درهم.", ["MAD"]),
        # ... and the article's other bare dirhams follow it
        ("بلغ دين الحكومة المغربية 500 مليار درهم.\nواقترضت الحكومة 20 مليار درهم.", ["MAD", "MAD"]),
        # a family with no default: one mention of a country in the document is enough
        ("قال البنك المركزي التونسي إن العجز اتسع.\nوبلغ العجز 3 مليارات دينار.", ["TND"]),
        ("سجلت سويسرا فائضا تجاريا.\nوبلغ الفائض 5 مليارات فرنك.", ["CHF"]),
        # a default is overruled by a country named at least twice in the document
        ("أعلنت قطر خطة جديدة.\nوتشمل الخطة مشاريع في الدوحة.\nوتبلغ كلفتها 200 مليار ريال.", ["QAR"]),
        # ... but not by one passing mention
        ("زار وفد قطري المعرض.\nوبلغت قيمة الصفقات 5 ملايين ريال.", ["SAR"]),
        # a country named after the amount is about something else
        ("تباع النسخة بأربعين ريالا في مكتبات تشبه مكتبات قطر.", ["SAR"]),
        # two countries of the family in the sentence: the document decides, here the default
        ("وقعت السعودية وقطر اتفاقا بقيمة 5 مليارات ريال.", ["SAR"]),
        # a bare dollar is always USD
        ("أعلنت كندا ميزانية بقيمة 300 مليار دولار.", ["USD"]),
        # an elided amount takes the resolved currency of its parallel amount
        ("قال البنك المركزي التونسي إن العجز بلغ 3 مليارات دينار، ونحو 4 مليارات العام الماضي.", ["TND", "TND"]),
    ],
)
def test_bare_currency_takes_the_country_of_the_text(text, currencies):
    assert [span.value.currency for span in find_money(text)] == currencies


def test_parse_money_keeps_the_family_default_without_a_document():
    # one span cannot say which country: parse_money keeps the stated defaults
    assert parse_money("500 مليار درهم") == MoneyValue(5e11, 5e11, "AED")
    assert parse_money("3 مليارات دينار") == MoneyValue(3e9, 3e9, None)
