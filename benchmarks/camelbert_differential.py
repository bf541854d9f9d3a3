"""Counts of the differences between our harness and CAMeL Tools' NERecognizer
(issue 11, item 2), quoted in docs/model-zoo.md.

Same model and comparison as tests/test_camelbert_differential.py: a
CAMeLBERT-shaped model (real 30k vocabulary, BERT-base config, 9 labels,
random weights, seed 0, 1 layer), both implementations fed the same words
(benchmark words after the cards' preprocessing), every differing word
classified by tests/camel_differential.py. Two runs per input set:
  camel segments  ours at max_length 256, stride 0 (NERecognizer's segments)
  card windows    ours at the cards' 512 / 64, inputs cut into sentences

Run from the repository root, with the news texts in $BENCH_NEWS_DIR:
  python benchmarks/camelbert_differential.py --camelbert ../shared/data/camelbert \\
      --camel-tools-data ../shared/data/camel_tools [--anercorp FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--camelbert", type=Path, required=True, help="folder with vocab.txt and bert-base-config.json")
    parser.add_argument("--camel-tools-data", type=Path, required=True, help="a CAMeL Tools data catalogue folder")
    parser.add_argument("--anercorp", type=Path, help="also compare on this CoNLL file's sentences")
    args = parser.parse_args()

    from benchmark.corpora.corpus import load_corpus
    from tests.camel_differential import load_ner_recognizer, run_both
    from tests.test_camelbert_differential import adversarial_units, sentences
    from tests.tiny_models import build_camelbert_shaped, seed_texts

    inputs: dict[str, list[tuple[str, str]]] = {"seed": [("seed", seed_texts()[0])]}
    news = os.environ.get("BENCH_NEWS_DIR")
    if news and Path(news).is_dir():
        inputs["news (all 53 articles)"] = [
            (p.stem, p.read_text(encoding="utf-8")) for p in sorted(Path(news).glob("*.txt"))
        ]
    inputs["adversarial"] = adversarial_units()
    anercorp = None
    if args.anercorp:
        anercorp = [(d.id, d.text) for d in load_corpus(f"conll:{args.anercorp}").documents]
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = build_camelbert_shaped(Path(tmp) / "camelbert", args.camelbert, layers=1, seed=0)
        recognizer = load_ner_recognizer(model_dir, args.camel_tools_data, Path(tmp))
        for name, units in inputs.items():
            by_sentence = [s for unit_id, text in units for s in sentences(unit_id, text)]
            for setting, camel, these in (("camel segments", True, units), ("card windows", False, by_sentence)):
                tally = run_both(recognizer, model_dir, these, camel_segments=camel)
                results[f"{name} / {setting}"] = {k: v for k, v in asdict(tally).items() if k != "bugs"}
                print(name, setting, results[f"{name} / {setting}"], file=sys.stderr, flush=True)
        if anercorp:
            tally = run_both(recognizer, model_dir, anercorp, camel_segments=False)
            results["ANERcorp test sentences / card windows"] = {k: v for k, v in asdict(tally).items() if k != "bugs"}
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
