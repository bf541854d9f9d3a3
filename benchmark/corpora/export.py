"""The gold in the formats other tools read: a `datasets` DatasetDict, CoNLL, JSONL.

Rows are sentences (tokenize.sentence_bounds) of the benchmark tokenization,
with IOB2 tags from the same projection the scorer uses, so a model trained or
evaluated on the export sees exactly what the benchmark scores. Character
offsets are into the untouched document text.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from .documents import Corpus
from .corpus import load_seed
from ..io import replace_dir, write_atomic
from ..overwrite import check_dir_target, check_file_target, first_line_is
from ..tagging import spans_to_tags
from ..tokenize import sentence_bounds, tokenize
from ..types import LABELS

# ClassLabel names, in a fixed order so that tag ids are stable across exports.
TAG_NAMES: list[str] = ["O"] + [f"{p}-{label}" for label in LABELS for p in ("B", "I")]


def sentence_rows(corpus: Corpus) -> Iterator[dict]:
    for doc in corpus.documents:
        tokens = tokenize(doc.text)
        tags = spans_to_tags(tokens, doc.spans)
        for number, (first, last) in enumerate(sentence_bounds(doc.text, tokens)):
            yield {
                "id": f"{doc.id}:{number}",
                "document": doc.id,
                "sentence": number,
                "tokens": [t.text for t in tokens[first:last]],
                "ner_tags": tags[first:last],
                "token_starts": [t.start for t in tokens[first:last]],
                "token_ends": [t.end for t in tokens[first:last]],
            }


def default_corpora() -> dict[str, Corpus]:
    """Split name -> corpus: the seed article, plus the news splits when their
    texts are available (BENCH_NEWS_DIR)."""
    from .news import available_news_splits

    return {"seed": load_seed(), **available_news_splits()}


def to_dataset_dict(corpora: dict[str, Corpus]):
    from ..errors import require

    datasets = require("datasets", "models", "bench export --format hf")

    features = datasets.Features(
        {
            "id": datasets.Value("string"),
            "document": datasets.Value("string"),
            "sentence": datasets.Value("int32"),
            "tokens": datasets.Sequence(datasets.Value("string")),
            "ner_tags": datasets.Sequence(datasets.ClassLabel(names=TAG_NAMES)),
            "token_starts": datasets.Sequence(datasets.Value("int32")),
            "token_ends": datasets.Sequence(datasets.Value("int32")),
        }
    )
    splits = {}
    for split, corpus in corpora.items():
        rows = list(sentence_rows(corpus))
        columns = {name: [row[name] for row in rows] for name in features}
        splits[split] = datasets.Dataset.from_dict(columns, features=features)
        splits[split].info.description = f"corpus {corpus.name} sha256 {corpus.sha256}"
    return datasets.DatasetDict(splits)


def load_dataset(corpora: dict[str, Corpus] | None = None):
    """The gold as a `datasets.DatasetDict` (one split per corpus)."""
    return to_dataset_dict(corpora or default_corpora())


def conll_text(corpora: dict[str, Corpus]) -> str:
    lines: list[str] = []
    for corpus in corpora.values():
        current_doc = None
        for row in sentence_rows(corpus):
            if row["document"] != current_doc:
                current_doc = row["document"]
                lines += [f"-DOCSTART- {current_doc}", ""]
            lines += [f"{token} {tag}" for token, tag in zip(row["tokens"], row["ner_tags"])]
            lines.append("")
    return "\n".join(lines)


def jsonl_text(corpora: dict[str, Corpus]) -> str:
    out = []
    for split, corpus in corpora.items():
        for doc in corpus.documents:
            out.append(
                json.dumps(
                    {"split": split, "document": doc.id, "text": doc.text, "spans": [s.to_json() for s in doc.spans]},
                    ensure_ascii=False,
                )
            )
    return "\n".join(out) + "\n"


def _is_jsonl_export(line: str) -> bool:
    try:
        row = json.loads(line)
    except ValueError:
        return False
    return isinstance(row, dict) and {"split", "document", "text", "spans"} <= set(row)


# How an earlier export of each file format is recognized (it may be replaced).
_OURS = {
    "conll": first_line_is(lambda line: line.startswith("-DOCSTART- ")),
    "jsonl": first_line_is(_is_jsonl_export),
}


def export(fmt: str, out: Path, corpora: dict[str, Corpus] | None = None, *, force: bool = False) -> str:
    """Write the gold to `out` in `fmt`; returns a one-line summary.

    Nothing is lost: an existing non-empty directory (hf) or a file that is not
    an earlier export of the same format is replaced only with `force`."""
    if fmt not in ("hf", "conll", "jsonl"):
        raise ValueError(f"unknown export format {fmt!r}")
    out = Path(out)
    if fmt == "hf":
        check_dir_target(out, force=force, what="dataset directory")
    else:
        check_file_target(out, force=force, ours=_OURS[fmt], what=f"{fmt} export")
    corpora = corpora or default_corpora()
    if fmt == "hf":
        dataset = to_dataset_dict(corpora)
        replace_dir(out, lambda tmp: dataset.save_to_disk(str(tmp)))
        sizes = ", ".join(f"{k} {len(v)} sentences" for k, v in dataset.items())
        return f"{out}: DatasetDict ({sizes})"
    write_atomic(out, conll_text(corpora) if fmt == "conll" else jsonl_text(corpora))
    return f"{out}: {sum(len(c.documents) for c in corpora.values())} documents as {fmt}"
