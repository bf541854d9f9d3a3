"""List the gazetteer's ORG and LOC errors on the news corpus's DEV split, with context.

Rule extractors may be developed on dev only (benchmarks/GAZETTEER.md): this
script refuses a run record of any other split. It reads the errors the run
record already holds (metrics.errors) and the article texts, never a gold file.

    BENCH_NEWS_DIR=../shared/corpus/articles \\
      bench run --model gazetteer --corpus news --split dev --output /tmp/gz-dev.json --no-cache
    python benchmarks/gazetteer_dev_errors.py /tmp/gz-dev.json

Each line: FALSE (predicted, not in gold), MISS (gold, not predicted), BOUNDARY
or TYPE (overlapping gold and prediction that differ), with the text around it in ⟦ ⟧.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from benchmark.results.record_read import RecordError, load_record

KINDS = {"false_positives": "FALSE", "false_negatives": "MISS", "boundary": "BOUNDARY", "type": "TYPE"}


def _context(text: str, start: int, end: int, width: int = 50) -> str:
    flat = text.replace("\n", " ")
    return f"{flat[max(0, start - width) : start]}⟦{flat[start:end]}⟧{flat[end : end + width]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("record", type=Path, help="run record of `bench run --corpus news --split dev`")
    parser.add_argument(
        "--news-dir",
        type=Path,
        default=os.environ.get("BENCH_NEWS_DIR"),
        help="directory of the article texts [default: $BENCH_NEWS_DIR]",
    )
    args = parser.parse_args(argv)
    if args.news_dir is None:
        print("error: give --news-dir or set BENCH_NEWS_DIR", file=sys.stderr)
        return 2
    try:
        record = load_record(args.record).data
    except RecordError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    split = record["corpus"].get("split")
    if split != "dev":
        print(f"error: {args.record}: split is {split!r}; rule extractors are developed on dev only", file=sys.stderr)
        return 2
    texts: dict[str, str] = {}
    for key, kind in KINDS.items():
        for error in record["metrics"]["errors"][key]:
            gold, pred = error.get("gold", error), error.get("pred")
            labels = {gold["label"], (pred or gold)["label"]}
            if not labels & {"ORG", "LOC"}:
                continue
            doc = error["document"]
            if doc not in texts:
                texts[doc] = (args.news_dir / f"{doc}.txt").read_text(encoding="utf-8")
            start = min(gold["start"], (pred or gold)["start"])
            end = max(gold["end"], (pred or gold)["end"])
            shown = f"{gold['label']} [{gold['text']}]"
            if pred is not None:
                shown += f" predicted {pred['label']} [{pred['text']}]"
            print(f"{kind:8} {doc[:28]:28} {shown}  {_context(texts[doc], start, end)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
