"""Sub-token statistics of CAMeLBERT's real 30k WordPiece vocabulary, per corpus
(issue 11, item 3). Results go in docs/model-zoo.md; users need them to pick
`max_length` and `stride`.

The words are exactly those the harness feeds the model: benchmark-tokenizer
words after the CAMeLBERT cards' preprocessing (dediacritize, drop tatweel),
sub-tokens from TransformersExtractor.encode() with the cards' max_length 512
and stride 64 (no model is run; a 1-layer CAMeLBERT-shaped model is built only
so the extractor loads).

Per corpus: documents, words, sub-tokens per word (mean, 95th percentile,
max), share of sub-tokens that are [UNK], words with zero sub-tokens,
sub-tokens per document (median, max), windows
at max_length 512 / stride 64, and the share of documents longer than one
window. ANERcorp documents are its sentences (as `--corpus conll:` loads them).

Run from the repository root, with the news texts in $BENCH_NEWS_DIR:
  python benchmarks/camelbert_vocab_stats.py --camelbert ../shared/data/camelbert \\
      --anercorp ../shared/data/anercorp/ANERCorp_CamelSplit_test_reconstructed.txt [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CARD = {"dediacritize": True, "drop_tatweel": True, "digits": "keep"}


def corpus_stats(extractor, documents) -> dict:
    import numpy as np

    encoded = extractor.encode(documents)
    tokenizer = extractor._tokenizer
    unk = tokenizer.unk_token_id
    pieces_per_word: list[int] = []
    pieces_per_doc: list[int] = []
    n_unk = 0
    for tokens in encoded.tokens:
        words = [extractor.preprocessing.apply(t.text) for t in tokens]
        present = [[w] for w in words if w]
        ids = tokenizer(present, is_split_into_words=True, add_special_tokens=False)["input_ids"] if present else []
        counts = iter(len(x) for x in ids)
        doc_counts = [next(counts) if w else 0 for w in words]
        pieces_per_word.extend(doc_counts)
        pieces_per_doc.append(sum(doc_counts))
        n_unk += sum(x.count(unk) for x in ids)
    windows_per_doc = [0] * len(documents)
    for window in encoded.windows:
        windows_per_doc[window.doc] += 1
    counts = np.array(pieces_per_word)
    total = int(counts.sum())
    return {
        "documents": len(documents),
        "words": encoded.n_words,
        "pieces": total,
        "pieces_per_word_mean": round(float(counts.mean()), 3),
        "pieces_per_word_p95": int(np.percentile(counts, 95)),
        "pieces_per_word_max": int(counts.max()),
        "unk_pieces": n_unk,
        "unk_percent": round(100 * n_unk / total, 3),
        "words_with_zero_pieces": encoded.n_empty,
        "document_pieces_median": int(np.median(pieces_per_doc)),
        "document_pieces_max": max(pieces_per_doc),
        "windows": len(encoded.windows),
        "documents_longer_than_one_window": sum(1 for n in windows_per_doc if n > 1),
        "share_longer_than_one_window": round(sum(1 for n in windows_per_doc if n > 1) / len(documents), 4),
        "max_windows_per_document": max(windows_per_doc),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--camelbert", type=Path, required=True, help="folder with vocab.txt and bert-base-config.json")
    parser.add_argument("--anercorp", type=Path, help="ANERcorp test file (token TAG lines)")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()

    from benchmark.corpora.corpus import load_corpus, load_seed
    from benchmark.extractors.transformers_ner import TransformersExtractor
    from benchmark.corpora.news import available_news_splits
    from tests.tiny_models import build_camelbert_shaped

    corpora = {"seed": load_seed(), **{name: c for name, c in available_news_splits().items()}}
    if args.anercorp:
        corpora["ANERcorp test"] = load_corpus(f"conll:{args.anercorp}")
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = build_camelbert_shaped(Path(tmp) / "camelbert", args.camelbert, layers=1)
        extractor = TransformersExtractor(
            str(model_dir), label_map=None, preprocessing=CARD, max_length=512, stride=64, device="cpu", progress=False
        )
        for name, corpus in corpora.items():
            out[name] = corpus_stats(extractor, list(corpus.documents))
            print(name, out[name], file=sys.stderr, flush=True)
    print(json.dumps(out, indent=1, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
