"""List money-rules' MONEY errors on the news corpus's DEV split, with context.

Rule extractors may be developed on dev only (benchmarks/MONEY_RULES.md,
section 3): this script refuses a run record of any other split, and reads the
gold of dev articles only (split column of annotations/news/MANIFEST.tsv).

    BENCH_NEWS_DIR=../shared/corpus/articles \\
      bench run --model money-rules --corpus news --split dev --output /tmp/mr-dev.json --no-cache
    python benchmarks/money_rules_dev_errors.py /tmp/mr-dev.json

Each line: MISS (gold span not predicted), FALSE (predicted span not in gold)
or VALUE (same span, different value), with the text around it in ⟦ ⟧.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from pathlib import Path

from benchmark.types import MoneyValue

ROOT = Path(__file__).resolve().parent.parent


def _value(raw: dict | None) -> MoneyValue | None:
    return MoneyValue(**raw) if raw else None


def _show(value: MoneyValue | None) -> str:
    return "-" if value is None else f"{value.lower:g}..{value.upper:g} {value.currency}"


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    flat = text.replace("\n", " ")
    return f"{flat[max(0, start - width):start]}⟦{flat[start:end]}⟧{flat[end:end + width]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("record", type=Path, help="run record of money-rules on news dev")
    parser.add_argument("--articles", type=Path, default=os.environ.get("BENCH_NEWS_DIR"),
                        help="folder of the news texts (default: $BENCH_NEWS_DIR)")
    args = parser.parse_args()
    record = json.loads(args.record.read_text(encoding="utf-8"))
    corpus = record.get("corpus", {})
    if corpus.get("spec") != "news" or corpus.get("split") != "dev":
        print(f"{args.record}: not a news dev run (corpus {corpus.get('name')!r}); only dev may be studied",
              file=sys.stderr)
        return 2
    if args.articles is None:
        print("no news texts: pass --articles or set BENCH_NEWS_DIR", file=sys.stderr)
        return 2
    with open(ROOT / "annotations/news/MANIFEST.tsv", encoding="utf-8") as handle:
        dev = [row["file"] for row in csv.DictReader(handle, delimiter="\t") if row["split"] == "dev"]
    counts = {"MISS": 0, "FALSE": 0, "VALUE": 0}
    for name in dev:
        stem = name.removesuffix(".txt")
        gold_doc = json.loads((ROOT / "annotations/news" / f"{stem}.json").read_text(encoding="utf-8"))
        text = (args.articles / name).read_text(encoding="utf-8")
        gold = {(s["start"], s["end"]): s for s in gold_doc["spans"] if s["label"] == "MONEY"}
        pred = {(s["start"], s["end"]): s for s in record["predictions"].get(stem, []) if s["label"] == "MONEY"}
        for key in sorted(gold.keys() | pred.keys()):
            g, p = gold.get(key), pred.get(key)
            if g and p:
                gv, pv = _value(g.get("value")), _value(p.get("value"))
                if gv is None or gv.matches(pv):
                    continue
                kind, shown = "VALUE", f"gold {_show(gv)} predicted {_show(pv)}"
            elif g:
                kind, shown = "MISS", f"gold {_show(_value(g.get('value')))}"
            else:
                kind, shown = "FALSE", f"predicted {_show(_value(p.get('value')))}"
            counts[kind] += 1
            print(f"{kind}\t{stem}\t{shown}\t{_context(text, *key)}")
    print(", ".join(f"{n} {k.lower()}" for k, n in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
