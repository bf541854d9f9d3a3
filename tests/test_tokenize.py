"""The scoring tokenizer against camel_tools' simple_word_tokenize itself."""

from __future__ import annotations

import random

import pytest

from benchmark.tokenize import sentence_bounds, tokenize

camel_word = pytest.importorskip("camel_tools.tokenizers.word", reason="camel-tools is a test dependency")
simple_word_tokenize = camel_word.simple_word_tokenize

TRICKY = [
    # Arabic-Indic digits with the Arabic decimal and thousands separators
    "بلغت الإيرادات ٤٫٢ مليار دولار و١٬٢٠٠ مليون ريال",
    "4.2 مليار دولار، أي 4,200 مليون",
    # Arabic comma, semicolon, question mark; guillemets and curly quotes
    "قال: «نعم»؛ ثم سأل: هل وصلت الصفقة؟ “ربما” و\"لا\" و'كذلك'",
    # tatweel and diacritics stay inside the word
    "الشـــركة الْوَطَنِيَّةُ لِلنَّفْطِ",
    # RLM, LRM, ZWNJ, ZWJ inside and between words
    "شركة\u200fأرامكو \u200eAramco\u200e و\u200cالبنك ال\u200dبنك",
    # emoji: single, skin tone, ZWJ family, flags, keycaps, tag sequence
    "😀 👍🏽 👨\u200d👩\u200d👧 🇸🇦🇰🇿 1\ufe0f\u20e3 #\ufe0f\u20e3 🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
    "سعر السهم📈ارتفع❤️كثيراً",
    # NBSP and other Unicode spaces separate words
    "7\u00a0مليارات\u2003دولار\u202fأمريكي",
    # symbols glued to numbers and words
    "$5bn و%30 و€12 و(كازاخستان) و[أرامكو]/سابك—2025",
    "",
    "   \n\t  ",
]


@pytest.mark.parametrize("text", TRICKY)
def test_same_tokens_as_camel_tools(text):
    assert [t.text for t in tokenize(text)] == simple_word_tokenize(text)


def test_seed_article_same_tokens_as_camel_tools(root):
    text = (root / "seeds" / "000_7c6dbc57b22b0342.txt").read_text(encoding="utf-8")
    tokens = tokenize(text)
    assert [t.text for t in tokens] == simple_word_tokenize(text)
    assert len(tokens) > 300


def test_random_strings_of_tricky_characters_match_camel_tools():
    pool = (
        list("ابتثجحخدذرسشصضطظعغفقكلمنهويىءآأإؤئة0123456789٠١٢٣٤٥٦٧٨٩abc")
        + list(".,٫٬،؛؟!?\"'«»“”()[]-—_/%$€#*@:")
        + ["\u0640", "\u064e", "\u0651", "\u200f", "\u200c", "\u200d", "\u00a0", " ", "\n", "\ufe0f", "\u20e3"]
        + ["😀", "👍", "🏽", "🇸", "🇦", "👨", "❤", "©", "\U000e0067", "\U000e007f", "🏴"]
    )
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 20)))
        assert [t.text for t in tokenize(text)] == simple_word_tokenize(text), repr(text)


@pytest.mark.parametrize("text", TRICKY)
def test_offsets_slice_the_text(text):
    tokens = tokenize(text)
    for token in tokens:
        assert text[token.start : token.end] == token.text
        assert token.text and not any(ch.isspace() for ch in token.text)
    # strictly increasing, non-overlapping
    for a, b in zip(tokens, tokens[1:]):
        assert a.end <= b.start


def test_decimal_split_and_clitics_attached():
    assert [t.text for t in tokenize("وبلغت 4.2 مليار")] == ["وبلغت", "4", ".", "2", "مليار"]
    assert [t.text for t in tokenize("وكازاخستان،")] == ["وكازاخستان", "،"]


def test_sentence_bounds_split_on_final_punctuation_and_newlines_only():
    text = "بلغت 4.2 مليار. وقال البنك؟ نعم\nسطر ثان"
    tokens = tokenize(text)
    words = [[t.text for t in tokens[a:b]] for a, b in sentence_bounds(text, tokens)]
    assert words == [["بلغت", "4", ".", "2", "مليار", "."], ["وقال", "البنك", "؟"], ["نعم"], ["سطر", "ثان"]]
    assert sentence_bounds("", []) == []
