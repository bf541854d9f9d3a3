"""List money-rules' MONEY errors on the news corpus's DEV split, with context.

Rule extractors may be developed on dev only (benchmarks/MONEY_RULES.md,
section 3): this script refuses a run record of any other split, and loads the
dev split only (benchmark.corpora.news.load_news, which checks every text's sha256).

    BENCH_NEWS_DIR=../shared/corpus/articles \\
      bench run --model money-rules --corpus news --split dev --output /tmp/mr-dev.json --no-cache
    python benchmarks/money_rules_dev_errors.py /tmp/mr-dev.json

Each line: MISS (gold span not predicted), FALSE (predicted span not in gold)
or VALUE (same span, different value), with the text around it in ⟦ ⟧.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from benchmark.corpora.documents import CorpusError
from benchmark.corpora.news import load_news
from benchmark.results.record_read import RecordError, load_record
from benchmark.types import MoneyValue


def _show(value: MoneyValue | None) -> str:
    return "-" if value is None else f"{value.lower:g}..{value.upper:g} {value.currency}"


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    flat = text.replace("\n", " ")
    return f"{flat[max(0, start - width) : start]}⟦{flat[start:end]}⟧{flat[end : end + width]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("record", type=Path, help="run record of money-rules on news dev")
    parser.add_argument(
        "--articles",
        type=Path,
        default=os.environ.get("BENCH_NEWS_DIR"),
        help="folder of the news texts (default: $BENCH_NEWS_DIR)",
    )
    args = parser.parse_args()
    try:
        record = load_record(args.record)
    except RecordError as err:
        print(err, file=sys.stderr)
        return 2
    corpus = record.data["corpus"]
    if corpus.get("spec") != "news" or corpus.get("split") != "dev":
        print(
            f"{args.record}: not a news dev run (corpus {corpus.get('name')!r}); only dev may be studied",
            file=sys.stderr,
        )
        return 2
    if args.articles is None:
        print("no news texts: pass --articles or set BENCH_NEWS_DIR", file=sys.stderr)
        return 2
    try:
        dev = load_news(args.articles, split="dev")
    except CorpusError as err:
        print(err, file=sys.stderr)
        return 2
    predictions = record.predictions()
    counts = {"MISS": 0, "FALSE": 0, "VALUE": 0}
    for doc in dev.documents:
        gold = {(s.start, s.end): s for s in doc.spans if s.label == "MONEY"}
        pred = {(s.start, s.end): s for s in predictions.get(doc.id, []) if s.label == "MONEY"}
        for key in sorted(gold.keys() | pred.keys()):
            g, p = gold.get(key), pred.get(key)
            if g and p:
                if g.value is None or g.value.matches(p.value):
                    continue
                kind, shown = "VALUE", f"gold {_show(g.value)} predicted {_show(p.value)}"
            elif g:
                kind, shown = "MISS", f"gold {_show(g.value)}"
            else:
                kind, shown = "FALSE", f"predicted {_show(p.value)}"
            counts[kind] += 1
            print(f"{kind}\t{doc.id}\t{shown}\t{_context(doc.text, *key)}")
    print(", ".join(f"{n} {k.lower()}" for k, n in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
