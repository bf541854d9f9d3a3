"""How fast `bench run` runs a transformers model (issue 3, "Speed, measured").

Not a test: timings depend on the machine. Results go in benchmarks/README.md.

Model: a random BertForTokenClassification of BERT-base shape (hidden 768,
12 heads, intermediate 3072, 512 positions; --layers, default 12) with a
WordPiece vocabulary trained on the seed article and CAMeLBERT's labels,
built by tests/tiny_models.py into a temp dir. Random weights run exactly as
fast as trained ones.

With --camelbert DIR (a folder holding CAMeLBERT's vocab.txt and
bert-base-config.json, e.g. ../shared/data/camelbert) the model is instead
CAMeLBERT-shaped (tests/tiny_models.py::build_camelbert_shaped): CAMeLBERT's
own 30,000-piece vocabulary and BERT-base config, --layers (default 12).

Texts: the seed article repeated into --docs documents; every fourth one is
the article twice (so it needs two windows), the rest once.

Measured, interleaved over --repeats rounds (min and median reported):
  harness   TransformersExtractor.predict(docs), everything included: word
            tokenization, preprocessing, sub-tokens, windows, batching,
            model, label mapping, repair, character spans
  bare      `model(**batch)` over exactly the batches the harness builds
            (prepared beforehand, so only the forward passes are timed)
  harness_only  predict() with a stub model returning zero logits at once:
            the harness's own work alone (its share does not suffer from the
            noise of other processes during the forward passes)
  pipeline  transformers.pipeline("token-classification",
            aggregation_strategy="first", stride=...) on the same model and texts,
            same batch size

Run from the repository root:  python benchmarks/harness_speed.py [--layers 12] [--camelbert DIR]
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmark.types import Document  # noqa: E402


def make_documents(n_docs: int) -> list[Document]:
    article = (ROOT / "seeds" / "000_7c6dbc57b22b0342.txt").read_text(encoding="utf-8")
    return [Document(f"doc{i:02d}", article + "\n" + article if i % 4 == 3 else article) for i in range(n_docs)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--layers", type=int, default=12)
    parser.add_argument("--docs", type=int, default=20)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--device", default="cpu")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument(
        "--camelbert",
        type=Path,
        help="CAMeLBERT's vocab.txt + bert-base-config.json folder: real vocabulary and config",
    )
    args = parser.parse_args()

    import torch
    import transformers
    from transformers import pipeline

    from benchmark.extractors.transformers_ner import TransformersExtractor
    from tests.tiny_models import build_camelbert_shaped, build_tiny_bert

    docs = make_documents(args.docs)
    with tempfile.TemporaryDirectory() as tmp:
        if args.camelbert:
            model_dir = build_camelbert_shaped(Path(tmp) / "camelbert-shaped", args.camelbert, layers=args.layers)
        else:
            model_dir = build_tiny_bert(
                Path(tmp) / "bert-base-random",
                texts=[d.text for d in docs[:1]],
                vocab_size=8000,
                hidden=768,
                layers=args.layers,
                heads=12,
                intermediate=3072,
                max_positions=512,
            )
        extractor = TransformersExtractor(
            str(model_dir),
            label_map=None,
            batch_size=args.batch_size,
            device=args.device,
            progress=False,
        )
        extractor.load()
        model, tokenizer = extractor._model, extractor._tokenizer
        n_params = sum(p.numel() for p in model.parameters())

        # The exact batches predict() builds, prepared outside the timed loop.
        encoded = extractor.encode(docs)
        batches = [inputs for _, inputs in extractor.batches(encoded)]
        n_tokens = sum(len(w.input_ids) for w in encoded.windows)
        n_padded = sum(b["input_ids"].numel() for b in batches)

        pipe = pipeline(
            "token-classification",
            model=model,
            tokenizer=tokenizer,
            aggregation_strategy="first",
            stride=64,
            device=extractor._device,
        )
        texts = [d.text for d in docs]

        def sync() -> None:
            if extractor._device.type == "cuda":
                torch.cuda.synchronize()

        def run_harness() -> None:
            extractor.predict(docs)

        def run_bare() -> None:
            with torch.inference_mode():
                for batch in batches:
                    model(**batch)

        def run_pipeline() -> None:
            pipe(texts, batch_size=args.batch_size)

        class NullModel:
            """Returns zero logits of the right shape at once: predict() with it
            times the harness's own work (words, windows, batches, gathering,
            labels, repair, spans) without any forward pass."""

            def __init__(self, n_labels: int):
                self.n_labels = n_labels

            def __call__(self, input_ids, **_):
                from types import SimpleNamespace

                return SimpleNamespace(logits=torch.zeros(*input_ids.shape, self.n_labels, device=input_ids.device))

        null_model = NullModel(model.config.num_labels)

        def run_harness_only() -> None:
            extractor._model = null_model
            try:
                extractor.predict(docs)
            finally:
                extractor._model = model

        runners = {"harness": run_harness, "bare": run_bare, "pipeline": run_pipeline, "harness_only": run_harness_only}
        # Warm-up: one small pass of each (allocator, kernels, lazy imports).
        extractor.predict(docs[:2])
        pipe(texts[:2], batch_size=args.batch_size)
        times: dict[str, list[float]] = {name: [] for name in runners}
        for r in range(args.repeats):
            for name, run in runners.items():
                sync()
                t0 = time.perf_counter()
                run()
                sync()
                times[name].append(time.perf_counter() - t0)
                print(f"round {r + 1}: {name:8s} {times[name][-1]:8.2f} s", file=sys.stderr, flush=True)

    summary = {
        "machine": f"{platform.machine()}, {torch.get_num_threads()} torch threads, device {extractor._device}",
        "versions": {
            "python": platform.python_version(),
            "torch": torch.__version__,
            "transformers": transformers.__version__,
        },
        "model": {
            "layers": args.layers,
            "hidden": 768,
            "parameters": n_params,
            "vocab": len(tokenizer),
            "kind": "camelbert-shaped" if args.camelbert else "bert-base, vocabulary trained on the seed",
        },
        "input": {
            "documents": len(docs),
            "words": extractor.stats["words"],
            "windows": len(encoded.windows),
            "batches": len(batches),
            "batch_size": args.batch_size,
            "sub_tokens_with_specials": n_tokens,
            "padded_positions": n_padded,
        },
        "seconds": {
            name: {"min": round(min(t), 3), "median": round(statistics.median(t), 3), "all": [round(x, 3) for x in t]}
            for name, t in times.items()
        },
    }
    best = {name: min(t) for name, t in times.items()}
    med = {name: statistics.median(t) for name, t in times.items()}
    words = extractor.stats["words"]
    summary["words_per_s"] = {
        name: {"best": round(words / best[name], 1), "median": round(words / med[name], 1)}
        for name in ("harness", "bare", "pipeline")
    }
    summary["ratios"] = {
        "harness_over_bare_min": round(best["harness"] / best["bare"], 3),
        "harness_over_bare_median": round(med["harness"] / med["bare"], 3),
        "pipeline_over_harness_min": round(best["pipeline"] / best["harness"], 3),
        "pipeline_over_harness_median": round(med["pipeline"] / med["harness"], 3),
        # Overhead from the harness's own work, which does not depend on the
        # load other processes put on the machine during the forward passes.
        "bare_plus_harness_only_over_bare": round((best["bare"] + best["harness_only"]) / best["bare"], 4),
    }
    print(json.dumps(summary, indent=1))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
