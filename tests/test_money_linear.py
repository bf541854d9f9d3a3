"""The money rules' document-level passes, indexed so they cost time in proportion to the text
(issue 9, "Linear cost"), still decide as the plain definitions in their docstrings say."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from benchmark.extractors.rules.money import context as money_context
from benchmark.extractors.rules.money.parser import find_money
from benchmark.extractors.rules.money.context import Evidence

# --- bare-currency resolution: the indexed resolve() against its plain definition ---


def _only(isos):
    distinct = set(isos)
    return distinct.pop() if len(distinct) == 1 else None


def reference_resolve(bare, evidence):
    """money_context.resolve as first written: every noun scans all the evidence."""
    settled = [
        _only(e.iso for e in evidence if e.family == family and e.sentence == s and e.position < k)
        for s, k, family in bare
    ]
    out = []
    for (_, _, family_name), own in zip(bare, settled):
        family = money_context._FAMILIES[family_name]
        of_family = [e for e in evidence if e.family == family_name]
        stated = _only(e.iso for e in of_family if e.stated)
        others = _only(iso for (_, _, f), iso in zip(bare, settled) if f == family_name and iso)
        counts = Counter(e.iso for e in of_family).most_common(2)
        most = None
        if counts:
            top, n = counts[0]
            runner_up = counts[1][1] if len(counts) > 1 else 0
            if n > runner_up and n >= (1 if family.default is None else 2):
                most = top
        out.append(own or stated or others or most or family.default)
    return out


ISOS = {"riyal": ["SAR", "QAR", "YER", "OMR"], "dinar": ["TND", "KWD", "JOD"], "dirham": ["AED", "MAD"]}


@pytest.mark.parametrize("seed", range(40))
def test_resolve_equals_its_definition(seed):
    rng = random.Random(seed)
    families = list(ISOS)
    evidence = sorted(
        (
            Evidence(rng.randrange(6), rng.randrange(200), f, rng.choice(ISOS[f]), rng.random() < 0.2)
            for f in (rng.choice(families) for _ in range(rng.randrange(0, 25)))
        ),
        key=lambda e: (e.position, e.sentence),
    )
    evidence = [Evidence(e.position // 40, e.position, e.family, e.iso, e.stated) for e in evidence]
    bare = [(k // 40, k, rng.choice(families)) for k in sorted(rng.sample(range(200), rng.randrange(1, 12)))]
    assert money_context.resolve(bare, evidence) == reference_resolve(bare, evidence)


def test_resolve_evidence_at_the_nouns_own_position_does_not_count():
    # step 1 reads the sentence *before* the noun: evidence at its position is not before it
    evidence = [Evidence(0, 3, "riyal", "QAR", False), Evidence(0, 5, "riyal", "YER", False)]
    assert money_context.resolve([(0, 5, "riyal")], evidence) == reference_resolve([(0, 5, "riyal")], evidence)
    assert money_context.resolve([(0, 5, "riyal")], evidence) == ["QAR"]


# --- elided currency in numbered lists: the remembered list runs ---


def currencies(text: str) -> list[tuple[str, str | None]]:
    return [(s.text, s.value.currency if s.value else None) for s in find_money(text)]


def test_a_long_numbered_list_lends_its_currency_to_every_item():
    items = "\n".join(f"{n}- البلد رقم {n}: {n} مليارات" for n in range(1, 401))
    text = f"بلغت استثماراتها 900 مليار دولار، منها:\n{items}"
    found = currencies(text)
    assert found[0] == ("900 مليار دولار", "USD")
    assert len(found) == 401 and all(currency == "USD" for _, currency in found)


def test_a_line_that_is_no_item_ends_the_list():
    # the line between the items is not an item: the third item's list starts after it,
    # and the line before it holds no amount, so "5 مليارات" has no parallel amount
    text = "1- مصر: 20 مليار دولار\nملاحظة عامة عن الأرقام\n2- الأردن: 5 مليارات"
    assert currencies(text) == [("20 مليار دولار", "USD")]


def test_list_items_after_the_break_take_the_currency_of_the_new_list():
    text = (
        "1- مصر: 20 مليار دولار\nملاحظة عامة عن الأرقام\n"
        "1- الأردن: 5 مليارات يورو\n2- لبنان: لا أرقام\n3- تونس: 3 مليارات"
    )
    assert currencies(text) == [("20 مليار دولار", "USD"), ("5 مليارات يورو", "EUR"), ("3 مليارات", "EUR")]
