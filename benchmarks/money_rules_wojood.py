"""Measure money-rules (benchmark.extractors.rules.money.parser.find_money) on Wojood's real MONEY mentions.

The grammar was written from Arabic grammar and its own test sentences; Wojood
(SinaLab, MIT; a public sample lives in ../shared/data/wojood_sample) is text it
was not built from. This script:

1. reads the nested CoNLL files (`token TAG [TAG ...]`, outer tag first, blank
   line between sentences, `$#$` marking a line break inside a sentence),
2. rebuilds each sentence's text by joining tokens with one space, except that
   a `.` `,` `٫` `٬` token between a token ending in a digit and one starting
   with a digit is glued to them (Wojood split "2,0" into three tokens; the
   original text had none of those spaces),
3. takes every MONEY mention (B-MONEY then I-MONEY, in whichever nesting column
   they sit) as a character span of the rebuilt text,
4. runs find_money over each sentence and compares, three ways:
   - exact: same characters,
   - token: same Wojood tokens once a prediction is widened to the tokens it
     touches (the benchmark's seqeval view: a clitic left outside the span
     lands on the same token),
   - overlap: the spans share at least one character (one-to-one),
5. prints precision / recall / F1 for each, the misses and false positives with
   their sentence, parse_money's reading of every gold MONEY surface, and how
   many currency-only mentions (CURR without MONEY) were wrongly taken as MONEY.

Usage: python benchmarks/money_rules_wojood.py [--data DIR] [--json]
       python benchmarks/money_rules_wojood.py --review CONLL   (precision by hand)
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmark.extractors.rules.money.parser import find_money, parse_money  # noqa: E402
from benchmark.scoring.counts import prf  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "wojood_sample"
SPLITS = ("train", "val", "test")
_GLUE = {".", ",", "٫", "٬"}
_LINE_BREAK = "$#$"


@dataclass
class Sentence:
    where: str  # file:line of the sentence's first token
    tokens: list[str]
    tags: list[list[str]]
    text: str = ""
    offsets: list[tuple[int, int]] = field(default_factory=list)


def read_conll(path: Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    current: Sentence | None = None
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            fields = line.split()
            if not fields:
                current = None
                continue
            if len(fields) < 2:
                raise SystemExit(f"{path}:{number}: expected `token TAG [TAG ...]`, got {line.strip()!r}")
            if current is None:
                current = Sentence(f"{path.name}:{number}", [], [])
                sentences.append(current)
            current.tokens.append(fields[0])
            current.tags.append(fields[1:])
    for sentence in sentences:
        rebuild(sentence)
    return sentences


def _ends_with_digit(token: str) -> bool:
    return token[-1:].isdigit()


def _starts_with_digit(token: str) -> bool:
    return token[:1].isdigit()


def rebuild(sentence: Sentence) -> None:
    """The sentence text and each token's [start, end) in it."""
    parts: list[str] = []
    pos = 0
    toks = sentence.tokens
    for i, token in enumerate(toks):
        glue = i > 0 and (
            (token in _GLUE and _ends_with_digit(toks[i - 1]) and i + 1 < len(toks) and _starts_with_digit(toks[i + 1]))
            or (toks[i - 1] in _GLUE and _starts_with_digit(token) and i > 1 and _ends_with_digit(toks[i - 2]))
        )
        if i > 0 and not glue:
            parts.append(" ")
            pos += 1
        surface = "\n" if token == _LINE_BREAK else token
        sentence.offsets.append((pos, pos + len(surface)))
        parts.append(surface)
        pos += len(surface)
    sentence.text = "".join(parts)


def mentions(sentence: Sentence, label: str) -> list[tuple[int, int]]:
    """Token ranges [first, last+1) of every `label` mention, in any nesting column."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(sentence.tokens):
        if f"B-{label}" in sentence.tags[i]:
            j = i + 1
            while j < len(sentence.tokens) and f"I-{label}" in sentence.tags[j]:
                j += 1
            out.append((i, j))
            i = j
        else:
            i += 1
    return out


def char_span(sentence: Sentence, first: int, last: int) -> tuple[int, int]:
    return sentence.offsets[first][0], sentence.offsets[last - 1][1]


def token_range(sentence: Sentence, start: int, end: int) -> tuple[int, int]:
    touched = [k for k, (s, e) in enumerate(sentence.offsets) if s < end and start < e]
    return touched[0], touched[-1] + 1


def one_to_one(gold: list[tuple[int, int]], pred: list[tuple[int, int]], same) -> list[tuple[int, int]]:
    """Greedy pairs (gold index, pred index) under the predicate `same`."""
    used: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if pi not in used and same(g, p):
                used.add(pi)
                pairs.append((gi, pi))
                break
    return pairs


def evaluate(data: Path) -> dict:
    counts = {"exact": [0, 0, 0], "token": [0, 0, 0], "overlap": [0, 0, 0]}  # tp, pred, gold
    misses, false_positives, readings, curr_taken = [], [], [], []
    n_sentences = n_curr_only = 0
    for split in SPLITS:
        path = data / f"{split}.txt"
        if not path.exists():
            raise SystemExit(f"{path}: not found (pass --data DIR with Wojood's {', '.join(SPLITS)}.txt)")
        for sentence in read_conll(path):
            n_sentences += 1
            gold_tok = mentions(sentence, "MONEY")
            gold = [char_span(sentence, a, b) for a, b in gold_tok]
            spans = find_money(sentence.text)
            pred = [(s.start, s.end) for s in spans]
            pred_tok = [token_range(sentence, s, e) for s, e in pred]
            views = {
                "exact": (gold, pred, lambda g, p: g == p),
                "token": (gold_tok, pred_tok, lambda g, p: g == p),
                "overlap": (gold, pred, lambda g, p: g[0] < p[1] and p[0] < g[1]),
            }
            for name, (g_items, p_items, same) in views.items():
                pairs = one_to_one(g_items, p_items, same)
                counts[name][0] += len(pairs)
                counts[name][1] += len(p_items)
                counts[name][2] += len(g_items)
                if name == "exact":
                    hit_gold = {gi for gi, _ in pairs}
                    hit_pred = {pi for _, pi in pairs}
                    for gi, (s, e) in enumerate(gold):
                        if gi not in hit_gold:
                            misses.append(
                                {
                                    "where": sentence.where,
                                    "gold": sentence.text[s:e],
                                    "predicted_here": [sentence.text[a:b] for a, b in pred if a < e and s < b],
                                    "sentence": sentence.text,
                                }
                            )
                    for pi, (s, e) in enumerate(pred):
                        if pi not in hit_pred and not any(s < ge and gs < e for gs, ge in gold):
                            false_positives.append(
                                {"where": sentence.where, "predicted": sentence.text[s:e], "sentence": sentence.text}
                            )
            for s, e in gold:
                value = parse_money(sentence.text[s:e])
                readings.append({"gold": sentence.text[s:e], "value": value.to_json() if value else None})
            # Currency named without an amount (CURR outside any MONEY) must not become MONEY.
            money_tokens = {k for a, b in gold_tok for k in range(a, b)}
            for a, b in mentions(sentence, "CURR"):
                if money_tokens.intersection(range(a, b)):
                    continue
                n_curr_only += 1
                s, e = char_span(sentence, a, b)
                if any(ps < e and s < pe for ps, pe in pred):
                    curr_taken.append(sentence.text[s:e])
    return {
        "data": str(data),
        "sentences": n_sentences,
        "scores": {
            name: {"tp": tp, "predicted": n_pred, "gold": n_gold, **prf(tp, n_pred, n_gold)}
            for name, (tp, n_pred, n_gold) in counts.items()
        },
        "misses": misses,
        "false_positives": false_positives,
        "parse_money": readings,
        "currency_only_mentions": n_curr_only,
        "currency_only_taken_as_money": curr_taken,
    }


def print_report(result: dict) -> None:
    print(f"Wojood sample: {result['data']} ({result['sentences']} sentences)")
    print(f"{'view':<8} {'gold':>5} {'pred':>5} {'tp':>4} {'P':>7} {'R':>7} {'F1':>7}")
    for name, s in result["scores"].items():
        print(
            f"{name:<8} {s['gold']:>5} {s['predicted']:>5} {s['tp']:>4} "
            f"{s['precision']:>7.3f} {s['recall']:>7.3f} {s['f1']:>7.3f}"
        )
    print(f"\nMisses (gold MONEY not matched exactly): {len(result['misses'])}")
    for m in result["misses"]:
        print(f"  {m['where']}: gold «{m['gold']}» predicted here {m['predicted_here']}")
    print(f"\nFalse positives (predicted, overlapping no gold MONEY): {len(result['false_positives'])}")
    for m in result["false_positives"]:
        print(f"  {m['where']}: «{m['predicted']}» in: {m['sentence'][:160]}")
    print("\nparse_money on each gold MONEY surface:")
    for r in result["parse_money"]:
        v = r["value"]
        shown = "None" if v is None else f"{v['lower']:g}..{v['upper']:g} {v['currency']}"
        print(f"  «{r['gold']}» -> {shown}")
    print(
        f"\nCurrency-only mentions (CURR outside MONEY): {result['currency_only_mentions']}, "
        f"taken as MONEY: {len(result['currency_only_taken_as_money'])} {result['currency_only_taken_as_money']}"
    )


def review(path: Path) -> None:
    """Every prediction on a CoNLL file without MONEY gold (e.g. ANERcorp), with
    its context, for a precision check by hand."""
    if not path.exists():
        raise SystemExit(f"{path}: not found")
    total = 0
    for sentence in read_conll(path):
        for span in find_money(sentence.text):
            total += 1
            value = span.value
            shown = "-" if value is None else f"{value.lower:g}..{value.upper:g} {value.currency}"
            context = sentence.text[max(0, span.start - 40) : span.end + 25].replace("\n", " ")
            print(f"{sentence.where}\t«{span.text}»\t{shown}\t{context}")
    print(f"{total} predicted MONEY spans in {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with train/val/test.txt")
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    parser.add_argument(
        "--review", type=Path, metavar="CONLL", help="instead: list predictions on a CoNLL file that has no MONEY gold"
    )
    args = parser.parse_args(argv)
    if args.review:
        review(args.review)
        return 0
    result = evaluate(args.data)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        print_report(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
