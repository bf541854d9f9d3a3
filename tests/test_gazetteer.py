"""The gazetteer baseline on sentences written for these tests (never the gold).

Expected spans follow annotations/GUIDELINES.md: proclitics and quotes outside,
the article inside, indefinite شركة outside, a nationality adjective inside a
descriptive name and outside after a proper name, descriptions not ORG.
"""
from __future__ import annotations

import re
import time

import pytest

from benchmark.extractors.gazetteer import GazetteerExtractor, extract, lexicon, normalize
from benchmark.types import Document, Span


def found(text: str) -> list[tuple[str, str]]:
    """(label, surface) of every span, in text order."""
    spans = extract(text)
    for s in spans:
        assert text[s.start : s.end] == s.text  # offsets into the untouched text
    return [(s.label, s.text) for s in spans]


# --- LOC --------------------------------------------------------------------------


def test_country_names_come_from_cldr():
    # كازاخستان، إسواتيني and الرأس الأخضر are in no hand-written list here.
    assert found("زار وفد من كازاخستان وإسواتيني والرأس الأخضر") == [
        ("LOC", "كازاخستان"),
        ("LOC", "إسواتيني"),
        ("LOC", "الرأس الأخضر"),
    ]


def test_cldr_entries_that_are_not_places_are_left_out_or_become_org():
    assert found("قال العالم إن مالي للإنفاق") == []  # "the world", "financial"
    assert found("وافق الاتحاد الأوروبي والأمم المتحدة") == [
        ("ORG", "الاتحاد الأوروبي"),
        ("ORG", "الأمم المتحدة"),
    ]


def test_cities_from_cldr_time_zones_and_the_hand_list():
    # تايبيه comes only from CLDR's exemplar cities; الدمام only from the hand list.
    assert found("رحلات بين تايبيه والدمام عبر أستانا") == [
        ("LOC", "تايبيه"),
        ("LOC", "الدمام"),
        ("LOC", "أستانا"),
    ]


def test_regions_and_longest_match():
    text = "تنمو أمريكا اللاتينية أسرع من أمريكا ودول الخليج ومنطقة الشرق الأوسط وجنوب أفريقيا"
    assert found(text) == [
        ("LOC", "أمريكا اللاتينية"),
        ("LOC", "أمريكا"),
        ("LOC", "الخليج"),
        ("LOC", "الشرق الأوسط"),
        ("LOC", "جنوب أفريقيا"),
    ]


def test_full_official_names_are_one_span():
    text = "بين الولايات المتحدة الأمريكية والمملكة العربية السعودية"
    assert found(text) == [
        ("LOC", "الولايات المتحدة الأمريكية"),
        ("LOC", "المملكة العربية السعودية"),
    ]


def test_spelling_variants_fold_or_are_listed():
    assert found("صادرات امريكا وأميركا واسبانيا وإسبانيا والامارات") == [
        ("LOC", "امريكا"),
        ("LOC", "أميركا"),
        ("LOC", "اسبانيا"),
        ("LOC", "إسبانيا"),
        ("LOC", "الامارات"),
    ]


def test_proclitics_are_outside_the_span():
    words = [("و", "كازاخستان"), ("ف", "الصين"), ("ب", "الهند"), ("ل", "مصر"), ("ك", "تركيا"),
             ("وب", "الولايات المتحدة")]
    text = " ".join(clitic + name for clitic, name in words)
    expected, pos = [], 0
    for clitic, name in words:
        expected.append((pos + len(clitic), name))
        pos += len(clitic + name) + 1
    assert [(s.start, s.text) for s in extract(text)] == expected


def test_lam_before_the_article_keeps_the_articles_lam():
    # للولايات = ل + الولايات with the alef not written: only the first ل is out.
    text = "صادرات للولايات المتحدة وللصين"
    assert [(s.start, s.text) for s in extract(text)] == [(8, "لولايات المتحدة"), (26, "لصين")]


def test_names_that_begin_with_a_proclitic_letter_are_read_whole():
    assert found("بنين وكندا وواشنطن ولبنان وبكين") == [
        ("LOC", "بنين"),
        ("LOC", "كندا"),
        ("LOC", "واشنطن"),
        ("LOC", "لبنان"),
        ("LOC", "بكين"),
    ]


def test_no_match_inside_a_longer_word():
    # Adjectives and derived words: none is a place.
    assert found("الشركات المصرية والصينية والهندي في الرياضة والأمريكية واللبنانيون") == []


def test_diacritics_and_tatweel_are_ignored_but_kept_in_the_span():
    text = "في مِصْرَ وعُمان ودبـــي"
    assert found(text) == [("LOC", "مِصْرَ"), ("LOC", "عُمان"), ("LOC", "دبـــي")]
    assert extract(text)[0] == Span(3, 9, "LOC")


def test_saudi_is_a_place_unless_it_is_an_adjective():
    assert found("صادرات السعودية إلى الهند") == [("LOC", "السعودية"), ("LOC", "الهند")]
    assert found("ربحت الشركات السعودية كثيرا") == []
    assert found("في السعودية، والسعودية") == [("LOC", "السعودية"), ("LOC", "السعودية")]


def test_generic_area_words_stay_outside():
    assert found("تراجع اليورو في منطقة اليورو ومدينة جدة") == [("LOC", "اليورو"), ("LOC", "جدة")]
    assert extract("تراجع اليورو في منطقة اليورو")[0].start == 22  # the second اليورو only


def test_the_kingdom_alone_is_not_a_place():
    assert found("قالت المملكة إن النمو سيستمر") == []


def test_hyphenated_cldr_names():
    assert found("من الكونغو - كينشاسا") == [("LOC", "الكونغو - كينشاسا")]


# --- ORG: known names ---------------------------------------------------------------


def test_well_known_organizations():
    text = "توقع صندوق النقد الدولي والبنك الدولي ومنظمة التجارة العالمية تباطؤا"
    assert found(text) == [
        ("ORG", "صندوق النقد الدولي"),
        ("ORG", "البنك الدولي"),
        ("ORG", "منظمة التجارة العالمية"),
    ]


def test_abbreviation_in_parentheses_and_plus():
    assert found("قررت منظمة الدول المصدرة للبترول (أوبك) وتحالف أوبك+ خفض الإنتاج") == [
        ("ORG", "منظمة الدول المصدرة للبترول"),
        ("ORG", "أوبك"),
        ("ORG", "أوبك+"),
    ]


def test_outer_name_wins_over_a_place_inside_it():
    assert found("أعلن بنك الرياض وبنك قطر الوطني أرباحهما") == [
        ("ORG", "بنك الرياض"),
        ("ORG", "بنك قطر الوطني"),
    ]


def test_indices_programmes_and_products_hide_what_is_inside():
    assert found("ارتفع مؤشر ناسداك وستاندرد آند بورز 500") == []
    assert found("موّل برنامج صندوق الأصدقاء الثقافي مشروعا") == []
    assert found("رفعت وكالة موديز تصنيف بورصة ناسداك") == [("ORG", "وكالة موديز"), ("ORG", "بورصة ناسداك")]


# --- ORG: designator + name -----------------------------------------------------------


def test_ministry_stops_before_fi_and_place_is_loc():
    assert found("أعلنت وزارة المالية في قطر عن خطة") == [("ORG", "وزارة المالية"), ("LOC", "قطر")]


def test_ministry_portfolios_joined_by_wa():
    assert found("وقعت وزارة الطاقة والصناعة والبنك الدولي اتفاقا") == [
        ("ORG", "وزارة الطاقة والصناعة"),
        ("ORG", "البنك الدولي"),
    ]


def test_sharika_is_outside_and_multiword_foreign_names_continue():
    text = "وقعت شركة نوفا تريد كابيتال عقدا مع شركة هاربور"
    assert found(text) == [("ORG", "نوفا تريد كابيتال"), ("ORG", "هاربور")]


def test_quoted_names_drop_the_quotes():
    assert found('استحوذت شركة "سيلفا" على شركة «بلو مارين»') == [("ORG", "سيلفا"), ("ORG", "بلو مارين")]


def test_nationality_adjective_after_a_proper_name_is_outside():
    assert found("أعلنت شركة تريمار الأمريكية نتائجها") == [("ORG", "تريمار")]


def test_nationality_adjective_completing_a_descriptive_name_is_inside():
    text = "اجتمع محافظ البنك المركزي المصري مع وزارة التجارة الفرنسية"
    assert found(text) == [("ORG", "البنك المركزي المصري"), ("ORG", "وزارة التجارة الفرنسية")]


def test_definite_head_names_with_la_phrases_and_legal_forms():
    text = "باعت الشركة العربية للتعدين حصتها لشركة النخيل القابضة وللهيئة العامة للاستثمار"
    assert found(text) == [
        ("ORG", "الشركة العربية للتعدين"),
        ("ORG", "النخيل القابضة"),
        ("ORG", "لهيئة العامة للاستثمار"),
    ]


def test_la_phrase_with_its_adjective():
    assert found("أدرجت في سوق مسقط للأوراق المالية شركة البحر للغاز المسال المحدودة") == [
        ("ORG", "سوق مسقط للأوراق المالية"),
        ("ORG", "البحر للغاز المسال المحدودة"),
    ]


def test_descriptions_are_not_org():
    for text in (
        "رفع البنك المركزي أسعار الفائدة",
        "افتتحت الشركة الأمريكية العملاقة مصنعا",
        "وافق مجلس إدارة البنك على التوزيع",
        "تأسست شركة عالمية وصندوق سيادي",
        "تحسن سوق العمل وسوق الأسهم السعودية",
        "قالت الوزارة إن الشركات ستدفع",
        "تعمل مجموعة من الشركات",
        "قالت شركة طيران إن الرحلات توقفت",
    ):
        assert [f for f in found(text) if f[0] == "ORG"] == [], text


def test_name_stops_at_verbs_objects_and_time_words():
    assert found("وقعت هيئة السوق المالية الاتفاقية اليوم") == [("ORG", "هيئة السوق المالية")]
    assert found("قالت مؤسسة سالم الخميس إن الأرباح ارتفعت") == [("ORG", "مؤسسة سالم")]
    assert found("منحت شركة زاهر عقدا لمجموعة بن حمدان") == [("ORG", "زاهر"), ("ORG", "مجموعة بن حمدان")]


def test_construct_inside_a_name():
    assert found("قررت هيئة تنظيم الاتصالات وغرفة تجارة دبي") == [
        ("ORG", "هيئة تنظيم الاتصالات"),
        ("ORG", "غرفة تجارة دبي"),
    ]


def test_adjective_saudi_after_an_org_is_not_a_place():
    assert found("وقالت مجموعة بن حمدان السعودية") == [("ORG", "مجموعة بن حمدان")]


def test_governments_are_the_country_only():
    assert found("قالت حكومة كازاخستان والحكومة السعودية") == [("LOC", "كازاخستان")]


# --- the extractor --------------------------------------------------------------------


def test_predict_returns_sorted_non_overlapping_spans_per_document():
    docs = [
        Document("a", "أعلنت وزارة المالية في مصر أن بنك قطر الوطني يعمل في دبي"),
        Document("b", "لا شيء هنا"),
    ]
    out = GazetteerExtractor().predict(docs)
    assert set(out) == {"a", "b"} and out["b"] == []
    spans = out["a"]
    assert [(s.label, s.text) for s in spans] == [
        ("ORG", "وزارة المالية"),
        ("LOC", "مصر"),
        ("ORG", "بنك قطر الوطني"),
        ("LOC", "دبي"),
    ]
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_revision_hashes_code_data_and_babel():
    extractor = GazetteerExtractor()
    assert extractor.name == "gazetteer"
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", extractor.revision())


def test_normalize_keeps_offsets():
    norm, offsets = normalize("أَمْريكا")
    assert norm == "امريكا" and offsets == [0, 2, 4, 5, 6, 7]


def test_construction_is_fast():
    lexicon.cache_clear()
    begin = time.perf_counter()
    lex = lexicon()
    elapsed = time.perf_counter() - begin
    assert len(lex.names) > 500
    assert elapsed < 1.5, elapsed  # ~0.1 s alone; the margin is for a shared machine


@pytest.mark.parametrize("text", ["", "   ", "...", "123 456", "A B C", "و", "لل"])
def test_degenerate_texts(text):
    assert extract(text) == []


def test_word_lists_do_not_contradict_each_other():
    lex = lexicon()
    one_word_places = {k[0] for k, label in lex.names.items() if label == "LOC" and len(k) == 1}
    # A place name that is also a nationality adjective must be handled as
    # ambiguous (السعودية), never matched blindly.
    assert one_word_places & lex.nationality <= lex.ambiguous_loc
    # Stop words and designators are never names on their own.
    assert not (one_word_places & (lex.stop | lex.designators))


def test_titles_and_family_names_continue_a_name():
    assert found("وقعت جامعة الملك فهد مع صحيفة النهار الجديد") == [
        ("ORG", "جامعة الملك فهد"),
        ("ORG", "صحيفة النهار"),
    ]
