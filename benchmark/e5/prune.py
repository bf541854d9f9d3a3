"""Cut XLM-R's 250k-piece vocabulary down to the scripts Arabic financial news uses.

The word-embedding matrix is most of multilingual-e5-small (96M of 117M
parameters, 384 MB in float32). Pieces that contain a character of another
script (CJK, Cyrillic, Devanagari...) can never match a substring of text
written only in the kept scripts, so dropping them leaves the SentencePiece
segmentation of such text unchanged: same pieces, renumbered. `check_same_pieces`
verifies that on real text before a pruned folder replaces the original.

Kept: Basic Latin, Latin-1, Latin Extended-A, the Arabic blocks (incl.
presentation forms and Arabic-Indic digits), general punctuation, currency
and letterlike symbols, and SentencePiece's word marker. Text in other
scripts is still read, as <unk> where no kept piece covers it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import DataError
from .paths import new_folder, write_json

KEPT_RANGES = (
    (0x0020, 0x007F),
    (0x00A0, 0x0180),  # Latin, Latin-1, Latin Extended-A
    (0x0600, 0x0700),
    (0x0750, 0x0780),
    (0x08A0, 0x0900),  # Arabic, Supplement, Extended-A
    (0xFB50, 0xFE00),
    (0xFE70, 0xFF00),  # Arabic presentation forms A and B
    (0x2000, 0x2070),
    (0x20A0, 0x20D0),
    (0x2100, 0x2150),  # punctuation, currency, letterlike
    (0x2581, 0x2582),  # ▁, SentencePiece's word start
)
EMBEDDING_SUFFIX = "embeddings.word_embeddings.weight"


class PruneError(DataError):
    """The folder cannot be pruned, or pruning would change how text is read."""


def in_kept_scripts(piece: str) -> bool:
    return all(any(lo <= ord(ch) < hi for lo, hi in KEPT_RANGES) for ch in piece)


def kept_ids(tokenizer_json: dict) -> list[int]:
    """Old ids to keep, in order: every special token plus the pieces written in kept scripts."""
    specials = {t["id"] for t in tokenizer_json.get("added_tokens", [])}
    vocab = tokenizer_json["model"]["vocab"]
    return [i for i, (piece, _) in enumerate(vocab) if i in specials or in_kept_scripts(piece)]


def pruned_tokenizer_json(data: dict, keep: Sequence[int]) -> dict:
    """The same tokenizer over the kept pieces, every id renumbered."""
    new_id = {old: new for new, old in enumerate(keep)}
    out = json.loads(json.dumps(data))
    model = out["model"]
    model["vocab"] = [data["model"]["vocab"][i] for i in keep]
    if model.get("unk_id") is not None:
        model["unk_id"] = new_id[model["unk_id"]]
    for token in out.get("added_tokens", []):
        token["id"] = new_id[token["id"]]
    post = out.get("post_processor") or {}
    for processor in post.get("processors", [post]):
        for special in (processor.get("special_tokens") or {}).values():
            special["ids"] = [new_id[i] for i in special["ids"]]
        for key in ("sep", "cls"):  # RobertaProcessing / BertProcessing shapes
            if isinstance(processor.get(key), list) and len(processor[key]) == 2:
                processor[key][1] = new_id[processor[key][1]]
    return out


def check_same_pieces(old_dir: Path, new_dir: Path, texts: Iterable[str], keep: Sequence[int]) -> int:
    """Tokenize `texts` with both folders; the pruned ids must be the old ids renumbered.
    Returns the number of sub-tokens compared."""
    from tokenizers import Tokenizer

    new_id = {old: new for new, old in enumerate(keep)}
    old_tok = Tokenizer.from_file(str(old_dir / "tokenizer.json"))
    new_tok = Tokenizer.from_file(str(new_dir / "tokenizer.json"))
    compared = 0
    for text in texts:
        old_ids = old_tok.encode(text).ids
        new_ids = new_tok.encode(text).ids
        expected = [new_id.get(i) for i in old_ids]
        if expected != new_ids:
            raise PruneError(f"pruning changes how {text[:60]!r} is read; not replacing {old_dir}")
        compared += len(new_ids)
    return compared


def prune_folder(src: Path | str, dst: Path | str | None = None, check_texts: Iterable[str] = ()) -> dict:
    """Write a pruned copy of the model folder `src` to `dst` (default: replace `src`).
    Returns {"pieces_before", "pieces_after", "bytes_before", "bytes_after", "checked_subtokens"}."""
    from safetensors.numpy import load_file, save_file

    src = Path(src)
    dst = Path(dst) if dst else src
    data = json.loads((src / "tokenizer.json").read_text(encoding="utf-8"))
    if data.get("model", {}).get("type") != "Unigram":
        raise PruneError(f"{src / 'tokenizer.json'}: only a Unigram (SentencePiece) tokenizer can be pruned this way")
    keep = kept_ids(data)
    weights = load_file(str(src / "model.safetensors"))
    names = [n for n in weights if n.endswith(EMBEDDING_SUFFIX)]
    if len(names) != 1:
        raise PruneError(f"{src / 'model.safetensors'}: expected one {EMBEDDING_SUFFIX}, found {names}")
    config = json.loads((src / "config.json").read_text(encoding="utf-8"))
    if config.get("vocab_size") != weights[names[0]].shape[0]:
        raise PruneError(
            f"{src}: config vocab_size {config.get('vocab_size')} != embedding rows {weights[names[0]].shape[0]}"
        )

    with new_folder(dst) as tmp:
        for path in src.iterdir():
            if path.is_file() and path.name not in ("model.safetensors", "tokenizer.json", "config.json"):
                shutil.copyfile(path, tmp / path.name)
        weights[names[0]] = weights[names[0]][keep].copy()
        save_file(weights, str(tmp / "model.safetensors"), metadata={"format": "pt"})
        (tmp / "model.safetensors").chmod(0o644)  # safetensors creates it private
        config["vocab_size"] = len(keep)
        write_json(tmp / "config.json", config)
        (tmp / "tokenizer.json").write_text(
            json.dumps(pruned_tokenizer_json(data, keep), ensure_ascii=False), encoding="utf-8"
        )
        _fix_tokenizer_config(tmp / "tokenizer_config.json", keep)
        checked = check_same_pieces(src, tmp, check_texts, keep)  # raises before anything replaces src
        report = {
            "pieces_before": len(data["model"]["vocab"]),
            "pieces_after": len(keep),
            "bytes_before": (src / "model.safetensors").stat().st_size,
            "bytes_after": (tmp / "model.safetensors").stat().st_size,
            "checked_subtokens": checked,
        }
        write_json(
            tmp / "pruning.json",
            {
                "what": "vocabulary cut to the kept scripts (benchmark.e5.prune); pieces renumbered, order kept",
                "kept_ranges": [f"U+{lo:04X}..U+{hi - 1:04X}" for lo, hi in KEPT_RANGES],
                **report,
            },
        )
    return report


def _fix_tokenizer_config(path: Path, keep: Sequence[int]) -> None:
    """transformers may list special tokens by id in tokenizer_config.json; renumber those too."""
    if not path.is_file():
        return
    config = json.loads(path.read_text(encoding="utf-8"))
    decoder = config.get("added_tokens_decoder")
    if isinstance(decoder, dict):
        new_id = {old: new for new, old in enumerate(keep)}
        config["added_tokens_decoder"] = {str(new_id[int(k)]): v for k, v in decoder.items()}
        write_json(path, config)
