"""Dump the rule baselines' predictions and metrics, to prove a speed-up changed nothing.

Not a test: it needs the news texts. Run it before a change that must not
change any output (a faster index, a single pass instead of a scan) and after,
into two directories, then compare:

    python benchmarks/rule_outputs.py dump /tmp/before      # on the old code
    python benchmarks/rule_outputs.py dump /tmp/after       # on the new code
    python benchmarks/rule_outputs.py compare /tmp/before /tmp/after

For each of `gazetteer`, `money-rules` and `gazetteer+money-rules` on the seed
corpus and on the news corpus's test and dev splits (texts from --corpus-dir
or $BENCH_NEWS_DIR), it writes the run record's "predictions" and "metrics"
as canonical JSON (sorted keys), one file per run. Everything else in a record
(timing, dates, the rule revisions, which hash the source) is left out, so the
files are byte for byte equal exactly when the outputs are. The prediction
cache is never used.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MODELS = ("gazetteer", "money-rules", "gazetteer+money-rules")
CORPORA = (("seed", None), ("news", "test"), ("news", "dev"))


def file_name(model: str, corpus: str, split: str | None) -> str:
    return f"{model}__{corpus}{'-' + split if split else ''}.json"


def dump(out: Path, corpus_dir: Path | None) -> None:
    from benchmark.api import run

    out.mkdir(parents=True, exist_ok=True)
    for corpus, split in CORPORA:
        for model in MODELS:
            record = run(model, corpus, corpus_dir=corpus_dir, split=split, use_cache=False, progress=False)
            kept = {"predictions": record["predictions"], "metrics": record["metrics"]}
            path = out / file_name(model, corpus, split)
            path.write_text(json.dumps(kept, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8")
            print(
                f"{path}: {sum(len(v) for v in record['predictions'].values())} predicted spans, "
                f"micro F1 {record['metrics']['seqeval_strict']['overall']['f1']:.4f}"
            )


def compare(before: Path, after: Path) -> int:
    differ = 0
    for corpus, split in CORPORA:
        for model in MODELS:
            name = file_name(model, corpus, split)
            a, b = (before / name).read_bytes(), (after / name).read_bytes()
            same = a == b
            differ += not same
            print(f"{name}: {'identical' if same else 'DIFFERENT'} ({len(a):,} / {len(b):,} bytes)")
    print("all identical" if not differ else f"{differ} file(s) differ")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump", help="write the outputs of every run into DIR")
    d.add_argument("dir", type=Path)
    d.add_argument(
        "--corpus-dir",
        type=Path,
        default=os.environ.get("BENCH_NEWS_DIR"),
        help="the news texts (default $BENCH_NEWS_DIR)",
    )
    c = sub.add_parser("compare", help="compare two dumps byte for byte; exit 1 when any file differs")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.dir, args.corpus_dir)
        return 0
    return compare(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
