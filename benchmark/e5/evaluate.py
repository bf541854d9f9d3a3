"""Score a token-classification folder on a `token TAG` file with seqeval.

A direct check of a trained model, independent of the harness: the words of
the file go through the same reading as in training (first sub-token labels a
word), and seqeval scores the tags in its default (conlleval) and strict IOB2
modes, over all of the file's types (comparable with published ANERcorp
numbers) and over only the types the benchmark keeps (LOC, ORG; the others
become O on both sides).

    python -m benchmark.e5.evaluate MODEL_DIR [CONLL_FILE] [--threads N] [--json OUT]

CONLL_FILE defaults to ANERcorp's CAMeL-split test file under $BENCH_DATA/anercorp
(else {cache}/data/anercorp), where `bench data fetch anercorp` writes it.

`bench run --model e5-small-anercorp --corpus conll:FILE` is the benchmark's
own path to comparable LOC+ORG numbers; this module exists to check that path.
The two differ by a few thousandths because the harness re-tokenizes each
sentence's text and reads it through overlapping windows
(docs/e5-small-anercorp.md, section 3).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

KEPT_TYPES = ("LOC", "ORG")


def keep_types(tags: list[list[str]], types=KEPT_TYPES) -> list[list[str]]:
    """Tags of other types become O."""
    return [[t if t != "O" and t[2:] in types else "O" for t in row] for row in tags]


def evaluate_conll(model_dir: Path | str, conll_file: Path | str, threads: int = 2, max_length: int = 512) -> dict:
    from ..errors import require

    torch = require("torch", "models", "python -m benchmark.e5.evaluate")
    transformers = require("transformers", "models", "python -m benchmark.e5.evaluate")
    AutoModelForTokenClassification, AutoTokenizer = (
        transformers.AutoModelForTokenClassification,
        transformers.AutoTokenizer,
    )

    from .data import predict_words, read_tagged, seqeval_scores

    torch.set_num_threads(threads)
    sentences = read_tagged(conll_file)
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    model = AutoModelForTokenClassification.from_pretrained(str(model_dir)).eval()
    started = time.monotonic()
    pred = predict_words(model, tokenizer, [words for words, _ in sentences], max_length=max_length)
    seconds = time.monotonic() - started
    gold = [tags for _, tags in sentences]
    return {
        "model_dir": str(model_dir),
        "file": str(conll_file),
        "sentences": len(sentences),
        "tokens": sum(len(t) for t in gold),
        "predict_seconds": round(seconds, 1),
        "all_types": seqeval_scores(gold, pred),
        "loc_org_only": seqeval_scores(keep_types(gold), keep_types(pred)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir", type=Path)
    parser.add_argument(
        "conll_file",
        type=Path,
        nargs="?",
        default=None,
        help="`token TAG` file [default: the ANERcorp CAMeL-split test file under $BENCH_DATA/anercorp]",
    )
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--json", type=Path, default=None, help="also write the scores here")
    args = parser.parse_args(argv)
    from ..errors import BenchError

    try:
        if args.conll_file is None:
            from ..corpora.anercorp import TEST_FILE, split_path

            args.conll_file = split_path(TEST_FILE)
        scores = evaluate_conll(args.model_dir, args.conll_file, threads=args.threads)
    except BenchError as err:
        print(f"error: {err}", file=sys.stderr)
        return err.exit_code
    text = json.dumps(scores, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        from ..io import write_atomic

        write_atomic(args.json, text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
