"""Alignment of LLM surfaces to character spans, chunking, and the answer parser.

The alignment table has one row per rule of benchmark/extractors/llm/align.py
and one per way a surface fails to be placed.
"""

from __future__ import annotations

import pytest

from benchmark.extractors.llm.align import Placed, Unplaced, align, normalize
from benchmark.extractors.llm.chunking import chunk_document
from benchmark.extractors.llm.parse import parse_answer

# (case, text, surfaces, expected: per surface (text[start:end], rule, start) or ("unaligned", reason))
ALIGNMENT_TABLE = [
    ("exact", "وقعت أرامكو عقدا", ["أرامكو"], [("أرامكو", "exact", 5)]),
    ("diacritics in the text", "أعلنت أرامكُو أرباحها", ["أرامكو"], [("أرامكُو", "normalized", 6)]),
    ("diacritics in the surface", "أعلنت أرامكو أرباحها", ["أرامكُو"], [("أرامكو", "normalized", 6)]),
    ("tatweel", "أرباح البنـــك الأهلي", ["البنك الأهلي"], [("البنـــك الأهلي", "normalized", 6)]),
    ("alef with hamza", "في الإمارات اليوم", ["الامارات"], [("الإمارات", "normalized", 3)]),
    ("alef madda and hamza on waw/ya", "مؤتمر آسيا", ["موتمر اسيا"], [("مؤتمر آسيا", "normalized", 0)]),
    ("ya and alef maqsura", "في أبو ظبى أمس", ["أبو ظبي"], [("أبو ظبى", "normalized", 3)]),
    ("ta marbuta and ha", "قالت الشركه إن", ["الشركة"], [("الشركه", "normalized", 5)]),
    ("Arabic-Indic digits", "بقيمة ٣ مليارات دولار", ["3 مليارات دولار"], [("٣ مليارات دولار", "normalized", 6)]),
    ("Latin digits in the text", "بقيمة 3٫5 مليار دولار", ["٣٫٥ مليار دولار"], [("3٫5 مليار دولار", "normalized", 6)]),
    ("whitespace", "بقيمة 3  مليارات\nدولار", ["3 مليارات دولار"], [("3  مليارات\nدولار", "normalized", 6)]),
    ("proclitic in the surface", "وقال إن أرامكو ربحت", ["وأرامكو"], [("أرامكو", "proclitic", 8)]),
    ("proclitic before the match", "وقال لأرامكو حصة", ["أرامكو"], [("أرامكو", "exact", 6)]),
    ("two proclitics before the match", "واستثمر وبالرياض", ["الرياض"], [("الرياض", "exact", 10)]),
    ("li + article", "صادرات للبرازيل", ["البرازيل"], [("لبرازيل", "li-article", 8)]),
    ("exact wins over an earlier normalized one", "الامارات ثم الإمارات", ["الإمارات"], [("الإمارات", "exact", 12)]),
    ("repeated surfaces in reading order", "مصر ومصر", ["مصر", "مصر"], [("مصر", "exact", 0), ("مصر", "exact", 5)]),
    (
        "leftmost after the previous match",
        "دبي ثم الرياض ثم دبي",
        ["الرياض", "دبي"],
        [("الرياض", "exact", 7), ("دبي", "exact", 17)],
    ),
    (
        "else any unused occurrence",
        "دبي ثم الرياض ثم دبي",
        ["الرياض", "دبي", "دبي"],
        [("الرياض", "exact", 7), ("دبي", "exact", 17), ("دبي", "exact", 0)],
    ),
    ("word boundary skips a match inside a word", "وزارة المالية المصرية في مصر", ["مصر"], [("مصر", "exact", 25)]),
    ("failure: hallucination", "وقعت أرامكو عقدا", ["سابك"], [("unaligned", "not in the chunk")]),
    ("failure: only inside words", "وزارة المالية المصرية", ["مصر"], [("unaligned", "only inside words")]),
    (
        "failure: every occurrence used",
        "مصر ومصر",
        ["مصر", "مصر", "مصر"],
        [("مصر", "exact", 0), ("مصر", "exact", 5), ("unaligned", "every occurrence already used")],
    ),
    (
        "failure: overlaps a placed span",
        "بنك الخليج الأول",
        ["بنك الخليج الأول", "الخليج"],
        [("بنك الخليج الأول", "exact", 0), ("unaligned", "every occurrence already used")],
    ),
]


@pytest.mark.parametrize("case, text, surfaces, expected", ALIGNMENT_TABLE, ids=[row[0] for row in ALIGNMENT_TABLE])
def test_alignment_table(case, text, surfaces, expected):
    placed, unplaced = align(text, [("ORG", s) for s in surfaces])
    placed_iter, unplaced_iter = iter(placed), iter(unplaced)
    for surface, want in zip(surfaces, expected):
        if want[0] == "unaligned":
            got = next(unplaced_iter)
            assert isinstance(got, Unplaced) and got.surface == surface and got.reason == want[1]
        else:
            got = next(placed_iter)
            assert isinstance(got, Placed) and got.surface == surface
            assert (text[got.start : got.end], got.rule, got.start) == want
    assert next(placed_iter, None) is None and next(unplaced_iter, None) is None


def test_normalize_covers_each_rule():
    assert normalize("  أَإِآٱ ؤئىة ـ ٠١٢۳ ٫٬\t\n x ") == "اااا وييه 0123 ., x"


# --- chunking -------------------------------------------------------------------


def test_chunks_are_exact_slices_of_whole_paragraphs_within_the_budget():
    text = "الفقرة الأولى هنا.\n\nالفقرة الثانية.\nالثالثة أطول قليلا من غيرها.\n"
    chunks = chunk_document(text, 40)
    assert [c.text for c in chunks] == ["الفقرة الأولى هنا.\n\nالفقرة الثانية.", "الثالثة أطول قليلا من غيرها."]
    for c in chunks:
        assert text[c.start : c.end] == c.text and len(c.text) <= 40
    assert [c.index for c in chunks] == [0, 1]
    # a larger budget packs consecutive paragraphs into one chunk
    assert len(chunk_document(text, 1000)) == 1


def test_a_long_paragraph_is_cut_at_sentences_and_a_long_sentence_at_spaces():
    sentence = "ارتفعت الأسهم في البورصة اليوم. "
    paragraph = sentence * 6
    chunks = chunk_document(paragraph, 70)
    assert all(len(c.text) <= 70 for c in chunks)
    assert all(c.text.endswith(".") for c in chunks)  # whole sentences
    long_sentence = "كلمة " * 50
    cut = chunk_document(long_sentence, 30)
    assert all(len(c.text) <= 30 and not c.text.startswith(" ") for c in cut)
    assert " ".join(c.text for c in cut) == long_sentence.strip()
    for c in cut:
        assert long_sentence[c.start : c.end] == c.text


# --- parsing the answer -------------------------------------------------------------


@pytest.mark.parametrize(
    "content, entities, salvaged",
    [
        ('{"entities": [{"label": "ORG", "text": "أرامكو"}]}', [("ORG", "أرامكو")], False),
        ('```json\n{"entities": [{"label": "LOC", "text": "دبي"}]}\n```', [("LOC", "دبي")], False),
        (
            'Here you go: {"entities": [{"label": "money", "text": " 3 مليارات دولار "}]} Done.',
            [("MONEY", "3 مليارات دولار")],
            False,
        ),
        ('[{"label": "LOC", "text": "دبي"}]', [("LOC", "دبي")], False),
        (
            '{"entities": [{"label": "ORG", "text": "أرامكو"}, {"text": "دبي", "label": "LOC"}, {"label": "ORG", "te',
            [("ORG", "أرامكو"), ("LOC", "دبي")],
            True,
        ),
    ],
)
def test_parse_answer_and_its_fallbacks(content, entities, salvaged):
    parsed = parse_answer(content)
    assert parsed.ok and parsed.entities == entities and parsed.salvaged == salvaged


@pytest.mark.parametrize("content", ["", "I cannot help with that.", '{"entities": [dubai', None])
def test_unreadable_answer_is_a_parse_failure(content):
    assert not parse_answer(content).ok


def test_items_breaking_the_contract_are_counted_not_used():
    parsed = parse_answer(
        '{"entities": [{"label": "PERSON", "text": "محمد"}, {"label": "ORG", "text": ""}, "دبي",'
        ' {"label": "LOC", "text": "دبي"}]}'
    )
    assert parsed.ok and parsed.entities == [("LOC", "دبي")] and len(parsed.invalid) == 3
