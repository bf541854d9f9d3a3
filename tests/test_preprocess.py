"""benchmark.extractors.preprocess: harakat, tatweel, digits, and the map back to the original offsets."""

from __future__ import annotations

import random

import pytest

from benchmark.extractors.preprocess import (
    DIACRITICS,
    TATWEEL,
    Preprocessing,
    PreprocessingError,
    dediacritize,
)

ALL = Preprocessing(dediacritize=True, drop_tatweel=True, digits="latin")


def test_dediacritize_removes_harakat_and_keeps_letters():
    assert dediacritize("مُحَمَّدٌ") == "محمد"
    assert dediacritize("الرَّحْمٰن") == "الرحمن"  # shadda, sukun, dagger alef (U+0670)
    assert dediacritize("كِتَابًا") == "كتابا"  # tanween fath
    # Hamza and madda letters stay, composed or decomposed (ا + U+0654 is أ).
    assert dediacritize("أإآؤئ") == "أإآؤئ"
    assert dediacritize("ا\u0654") == "ا\u0654"


def test_camel_tools_diacritics_are_all_removed():
    # The set camel_tools.utils.charsets.AR_DIAC_CHARSET holds (CAMeLBERT's preprocessing).
    camel = set("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670")
    assert camel <= DIACRITICS
    assert not {"\u0653", "\u0654", "\u0655"} & DIACRITICS


def test_tatweel_only_when_asked():
    assert Preprocessing(drop_tatweel=True).apply("أرامـــكو") == "أرامكو"
    assert Preprocessing(dediacritize=True).apply("أرامـــكو") == "أرامـــكو"
    assert TATWEEL == "\u0640"


def test_digits():
    text = "٤٫٢ مليار و۳ ملايين و7"
    assert Preprocessing(digits="keep").apply(text) == text
    assert Preprocessing(digits="latin").apply(text) == "4٫2 مليار و3 ملايين و7"
    assert Preprocessing(digits="arabic-indic").apply(text) == "٤٫٢ مليار و٣ ملايين و٧"
    assert Preprocessing(digits="arabic-indic").apply("2025") == "٢٠٢٥"


def test_offsets_map_back_to_the_original_text():
    original = "شركةُ أرامـــكو"
    norm = ALL.apply_with_offsets(original)
    assert norm.text == "شركة أرامكو"
    # "أرامكو" is [5, 11) in the normalized text, "أرامـــكو" [6, 15) in the original.
    assert norm.to_original(5, 11) == (6, 15)
    assert original[6:15] == "أرامـــكو"
    # The damma after the last letter of "شركة" belongs to the word.
    assert norm.to_original(0, 4) == (0, 5)
    assert original[0:5] == "شركةُ"
    assert norm.to_original(0, 0) == (0, 0)
    with pytest.raises(IndexError):
        norm.to_original(3, 12)


def test_offsets_agree_with_apply_on_random_text():
    alphabet = "بتثكلمن ٠١٢39" + "".join(sorted(DIACRITICS))[:12] + TATWEEL
    rng = random.Random(7)
    for pre in (ALL, Preprocessing(), Preprocessing(digits="arabic-indic", drop_tatweel=True)):
        for _ in range(200):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
            norm = pre.apply_with_offsets(text)
            assert norm.text == pre.apply(text)
            assert len(norm.offsets) == len(norm.text) + 1 and norm.offsets[-1] == len(text)
            assert list(norm.offsets) == sorted(set(norm.offsets))
            for i, ch in enumerate(norm.text):
                assert pre.apply(text[norm.offsets[i]]) == ch


def test_identity_and_config():
    assert Preprocessing().is_identity
    assert Preprocessing().apply("مُحَمَّدٌ ـ ٣") == "مُحَمَّدٌ ـ ٣"
    base = Preprocessing(dediacritize=True, drop_tatweel=True)
    merged = Preprocessing.from_config({"digits": "latin"}, base=base)
    assert merged == Preprocessing(True, True, "latin")
    assert Preprocessing.from_config(None, base=base) == base
    assert merged.to_config() == {"dediacritize": True, "drop_tatweel": True, "digits": "latin"}


def test_bad_config_names_the_key():
    with pytest.raises(PreprocessingError, match="unknown preprocessing key.*normalize_alef"):
        Preprocessing.from_config({"normalize_alef": True})
    with pytest.raises(PreprocessingError, match="digits must be one of keep, latin, arabic-indic"):
        Preprocessing(digits="persian")
    with pytest.raises(PreprocessingError, match="dediacritize must be true or false"):
        Preprocessing.from_config({"dediacritize": "yes"})
