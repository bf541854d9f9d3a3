"""Does `bench run` cost time in proportion to the text? (issue 9, "Linear cost")

Not a test: timings depend on the machine. Results go in benchmarks/README.md.

Builds corpora of 0.25, 0.5, 1, 2 and 5 MB (UTF-8 bytes, 1 MB = 1,000,000)
from the real news texts (every article of the news corpus, dev and test, with
its gold spans, from --corpus-dir or $BENCH_NEWS_DIR), repeating the ~0.27 MB
of articles as often as the size needs, and times `bench run --model
gazetteer+money-rules` on each, end to end: the extractor's load, the
predictions (no prediction cache) and the scoring with its 1000-resample
bootstrap, as `bench run` does it (`benchmark.api.run`, given the corpus
built here). Two layouts, because they stress different code:

  one    the articles joined (blank line between them) into ONE document: the
         rules read one long text (document-level context, in-document
         repeats) and the scorer resamples its sentences;
  many   the same articles as separate documents (a copy's id gets "#k").

Gold spans move with their article, so the scores are real scores; they are
printed too, to show the runs did the same work at every size.

It prints, per layout, a table of size, words (benchmark tokens), seconds
(predict, score, total wall-clock; the CPU time of the whole run) and words/s
(words / total seconds, wall-clock or with --clock cpu CPU), then the ratio of
the largest size's words/s to the smallest's, and exits 1 when a ratio is
below --min-ratio (0.5): the 5 MB run must keep at least half the speed of the
0.25 MB run. Before the timed runs, one untimed run over the smallest corpus
pays the one-off costs (imports of seqeval and scikit-learn, lexicon loads).

    python benchmarks/linear_cost.py
    python benchmarks/linear_cost.py --layout one --sizes 0.25,1 --json /tmp/linear.json
    python benchmarks/linear_cost.py --save /tmp/outputs   # also write each run's predictions and metrics
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from benchmark.corpora.documents import Corpus
    from benchmark.types import Document

MB = 1_000_000
SEPARATOR = "\n\n"  # between articles joined into one document: a paragraph break
LAYOUTS = ("one", "many")


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


def build_corpus(articles: list[Document], size_bytes: int, layout: str) -> Corpus:
    """Whole articles, cycled in id order, until they hold `size_bytes` of text
    (so a corpus is at most one article larger than asked)."""
    from benchmark.corpora.documents import make_corpus
    from benchmark.types import Document

    if not articles:
        raise SystemExit("error: no news articles to build corpora from")
    picked: list[tuple[int, Document]] = []
    total, k = 0, 0
    while total < size_bytes:
        doc = articles[k % len(articles)]
        picked.append((k // len(articles), doc))
        total += utf8_len(doc.text) + (utf8_len(SEPARATOR) if layout == "one" else 0)
        k += 1
    name = f"news-{size_bytes / MB:g}MB-{layout}"
    if layout == "many":
        return make_corpus(name, [replace(doc, id=f"{doc.id}#{copy}") for copy, doc in picked])
    pieces: list[str] = []
    spans = []
    offset = 0
    for _, doc in picked:
        spans += [replace(s, start=s.start + offset, end=s.end + offset) for s in doc.spans]
        pieces.append(doc.text)
        offset += len(doc.text) + len(SEPARATOR)
    return make_corpus(name, [Document(name, SEPARATOR.join(pieces), tuple(spans))])


def time_run(model: str, corpus: Corpus, resamples: int) -> tuple[float, float, dict]:
    """(wall seconds, CPU seconds of this process, run record)."""
    from benchmark.api import run

    t0, c0 = time.perf_counter(), time.process_time()
    record = run(model, corpus, use_cache=False, progress=False, n_resamples=resamples)
    return time.perf_counter() - t0, time.process_time() - c0, record


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--corpus-dir",
        type=Path,
        default=os.environ.get("BENCH_NEWS_DIR"),
        help="the news texts (default $BENCH_NEWS_DIR)",
    )
    parser.add_argument("--model", default="gazetteer+money-rules")
    parser.add_argument("--sizes", default="0.25,0.5,1,2,5", help="corpus sizes in MB, comma-separated")
    parser.add_argument("--layout", choices=(*LAYOUTS, "both"), default="both")
    parser.add_argument("--resamples", type=int, default=1000, help="bootstrap resamples (bench run's default)")
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="the seconds words/s is computed from: wall-clock, or this process's CPU time "
        "(steadier on a machine shared with other jobs)",
    )
    parser.add_argument(
        "--min-ratio", type=float, default=0.5, help="least words/s of the largest size over that of the smallest"
    )
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--save", type=Path, help="write each run's predictions and metrics (canonical JSON) here")
    args = parser.parse_args()
    if args.corpus_dir is None:
        parser.error("the news texts are needed: pass --corpus-dir DIR or set BENCH_NEWS_DIR")

    from benchmark.corpora.news import load_news

    sizes = sorted(float(s) for s in args.sizes.split(","))
    articles = list(load_news(args.corpus_dir, split="all").documents)
    layouts = LAYOUTS if args.layout == "both" else (args.layout,)
    time_run(args.model, build_corpus(articles, int(sizes[0] * MB), "many"), args.resamples)  # warm-up, untimed

    results: dict = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        "model": args.model,
        "resamples": args.resamples,
        "clock": args.clock,
        "layouts": {},
    }
    failed = False
    for layout in layouts:
        rows = []
        print(
            f"\nlayout {layout!r} ({'one document' if layout == 'one' else 'one document per article'}), "
            f"model {args.model}"
        )
        print(
            f"{'MB':>5} {'docs':>5} {'words':>9} {'predict s':>10} {'score s':>8} {'total s':>8} "
            f"{'CPU s':>8} {'words/s':>8} {'micro F1':>8}   (words/s from {args.clock} time)"
        )
        for size in sizes:
            corpus = build_corpus(articles, int(size * MB), layout)
            seconds, cpu, record = time_run(args.model, corpus, args.resamples)
            words = record["timing"]["words"]
            row = {
                "mb": size,
                "bytes": sum(utf8_len(d.text) for d in corpus.documents),
                "documents": len(corpus.documents),
                "words": words,
                "predict_s": record["timing"]["predict_s"],
                "score_s": record["timing"]["score_s"],
                "total_s": round(seconds, 3),
                "cpu_s": round(cpu, 3),
                "words_per_s": round(words / (seconds if args.clock == "wall" else cpu), 1),
                "micro_f1": record["metrics"]["seqeval_strict"]["overall"]["f1"],
            }
            rows.append(row)
            print(
                f"{size:>5g} {row['documents']:>5} {words:>9,} {row['predict_s']:>10.2f} {row['score_s']:>8.2f} "
                f"{seconds:>8.2f} {cpu:>8.2f} {row['words_per_s']:>8,.0f} {row['micro_f1']:>8.4f}",
                flush=True,
            )
            if args.save:
                args.save.mkdir(parents=True, exist_ok=True)
                kept = {"predictions": record["predictions"], "metrics": record["metrics"]}
                (args.save / f"{corpus.name}.json").write_text(
                    json.dumps(kept, ensure_ascii=False, sort_keys=True, indent=0) + "\n", encoding="utf-8"
                )
        ratio = rows[-1]["words_per_s"] / rows[0]["words_per_s"]
        ok = ratio >= args.min_ratio
        failed |= not ok
        print(
            f"words/s at {sizes[-1]:g} MB / at {sizes[0]:g} MB: {ratio:.2f} "
            f"({'ok' if ok else 'TOO SLOW'}: at least {args.min_ratio:g})"
        )
        results["layouts"][layout] = {"rows": rows, "ratio": round(ratio, 3), "ok": ok}
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
