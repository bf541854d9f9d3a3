"""Builders of tiny random token-classification models, saved like hub models.

No test may download a model, so tests build their own in a temp dir: the
same architectures, tokenizer kinds and label sets as the real cards, with
random weights a few kilobytes large.

- build_tiny_bert: BertForTokenClassification with a WordPiece vocabulary
  trained on the given text (the CAMeLBERT kind), labels CAMELBERT_LABELS.
- build_tiny_xlmr: XLMRobertaForTokenClassification with a Unigram
  (SentencePiece-style, "▁" word prefix) vocabulary trained on the text (the
  marefa-ner / XLM-R kind), labels MAREFA_LABELS (lower-case types).

- build_camelbert_shaped: BertForTokenClassification with CAMeLBERT's own
  BERT-base config and 30,000-piece WordPiece vocabulary (read from a folder
  holding `vocab.txt` and `bert-base-config.json`, e.g. ../shared/data/camelbert),
  do_lower_case=False, CAMeLBERT NER's 9 labels, random weights from a seed;
  `layers` may be fewer than 12 for speed.

Options used by the tests:
- context_free=True: no encoder layers and zeroed position/segment
  embeddings, so a sub-token's label depends on its id only. Predictions are
  then the same whatever the window or batch, and a word's expected label can
  be computed independently (`expected_label_id`).
- force_label="I-ORG": classifier weights zero and a bias that makes every
  sub-token that label (to provoke invalid IOB2).

Also used by benchmarks/harness_speed.py (hidden=768, layers=12: BERT-base).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Sequence

ROOT = Path(__file__).resolve().parent.parent

# CAMeL-Lab/bert-base-arabic-camelbert-*-ner (ANERcorp label set).
CAMELBERT_LABELS = ["B-LOC", "B-MISC", "B-ORG", "B-PERS", "I-LOC", "I-MISC", "I-ORG", "I-PERS", "O"]
# marefa-nlp/marefa-ner (lower-case types, its own order).
MAREFA_LABELS = [
    "O",
    "B-job",
    "I-job",
    "B-nationality",
    "B-person",
    "I-person",
    "B-location",
    "B-time",
    "I-time",
    "B-event",
    "I-event",
    "B-organization",
    "I-organization",
    "I-location",
    "I-nationality",
    "B-product",
    "I-product",
    "B-artwork",
    "I-artwork",
]

# Text the tiny vocabularies are trained on, written for these tests.
TEST_SENTENCES = [
    "أعلنت شركة أرامكو السعودية عن أرباح بلغت 4.2 مليار دولار في الربع الأول.",
    "وقع بنك الكويت الوطني اتفاقية مع صندوق الاستثمارات العامة في الرياض بقيمة 250 مليون ريال.",
    "افتتحت وزارة المالية المصرية مكتبا جديدا في القاهرة والإسكندرية.",
    "ارتفع مؤشر السوق في دبي وأبوظبي بعد إعلان نتائج البنك المركزي.",
]


def seed_texts() -> list[str]:
    """The project's seed articles (seeds/*.txt), when present."""
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def training_texts(extra: Iterable[str] = ()) -> list[str]:
    return [*TEST_SENTENCES, *seed_texts(), *extra]


def _label_maps(labels: Sequence[str]) -> tuple[dict[int, str], dict[str, int]]:
    return dict(enumerate(labels)), {label: i for i, label in enumerate(labels)}


def _finish(
    model, tokenizer, directory: Path, labels: Sequence[str], context_free: bool, force_label: str | None
) -> Path:
    import torch
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # "Writing model shards" bars
    with torch.no_grad():
        if context_free:
            embeddings = model.base_model.embeddings
            embeddings.position_embeddings.weight.zero_()
            embeddings.token_type_embeddings.weight.zero_()
        if force_label is not None:
            model.classifier.weight.zero_()
            model.classifier.bias.fill_(-10.0)
            model.classifier.bias[list(labels).index(force_label)] = 10.0
    directory.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(directory)
    tokenizer.save_pretrained(directory)
    return directory


def build_tiny_bert(
    directory: Path | str,
    *,
    texts: Sequence[str] | None = None,
    labels: Sequence[str] = CAMELBERT_LABELS,
    vocab_size: int = 600,
    hidden: int = 32,
    layers: int = 2,
    heads: int = 2,
    intermediate: int | None = None,
    max_positions: int = 128,
    context_free: bool = False,
    force_label: str | None = None,
    seed: int = 0,
) -> Path:
    """A random BertForTokenClassification with a WordPiece vocabulary trained on `texts`."""
    import torch
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers
    from transformers import BertConfig, BertForTokenClassification, BertTokenizer

    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    trainer_tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    # As CAMeLBERT's tokenizer: no lower-casing, no accent stripping; BERT's
    # clean_text deletes control/format characters such as U+200F.
    trainer_tok.normalizer = normalizers.BertNormalizer(lowercase=False, strip_accents=False, clean_text=True)
    trainer_tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    trainer_tok.train_from_iterator(
        list(texts if texts is not None else training_texts()),
        trainers.WordPieceTrainer(vocab_size=vocab_size, special_tokens=specials),
    )
    tokenizer = BertTokenizer(vocab=trainer_tok.get_vocab(), do_lower_case=False, strip_accents=False)
    tokenizer.model_max_length = max_positions

    id2label, label2id = _label_maps(labels)
    config = BertConfig(
        vocab_size=len(tokenizer),
        hidden_size=hidden,
        num_hidden_layers=0 if context_free else layers,
        num_attention_heads=heads,
        intermediate_size=intermediate or 4 * hidden,
        max_position_embeddings=max_positions,
        id2label=id2label,
        label2id=label2id,
        pad_token_id=tokenizer.pad_token_id,
    )
    torch.manual_seed(seed)
    model = BertForTokenClassification(config)
    return _finish(model, tokenizer, Path(directory), labels, context_free, force_label)


def build_tiny_xlmr(
    directory: Path | str,
    *,
    texts: Sequence[str] | None = None,
    labels: Sequence[str] = MAREFA_LABELS,
    vocab_size: int = 400,
    hidden: int = 32,
    layers: int = 2,
    heads: int = 2,
    max_positions: int = 128,
    context_free: bool = False,
    force_label: str | None = None,
    seed: int = 0,
) -> Path:
    """A random XLMRobertaForTokenClassification with a Unigram vocabulary trained on `texts`.

    `max_positions` is the usable input length; the config holds two more
    (RoBERTa numbers positions from pad_token_id + 1).
    """
    import torch
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers
    from transformers import XLMRobertaConfig, XLMRobertaForTokenClassification, XLMRobertaTokenizer

    trainer_tok = Tokenizer(models.Unigram())
    trainer_tok.pre_tokenizer = pre_tokenizers.Sequence([pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Metaspace()])
    # XLMRobertaTokenizer expects <s> <pad> </s> <unk> first (unk id 3) and <mask> last.
    trainer_tok.train_from_iterator(
        list(texts if texts is not None else training_texts()),
        trainers.UnigramTrainer(
            vocab_size=vocab_size, special_tokens=["<s>", "<pad>", "</s>", "<unk>"], unk_token="<unk>"
        ),
    )
    pieces = [tuple(p) for p in json.loads(trainer_tok.to_str())["model"]["vocab"]] + [("<mask>", 0.0)]
    tokenizer = XLMRobertaTokenizer(vocab=pieces)
    tokenizer.model_max_length = max_positions

    id2label, label2id = _label_maps(labels)
    config = XLMRobertaConfig(
        vocab_size=len(tokenizer),
        hidden_size=hidden,
        num_hidden_layers=0 if context_free else layers,
        num_attention_heads=heads,
        intermediate_size=4 * hidden,
        max_position_embeddings=max_positions + 2,
        type_vocab_size=1,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        id2label=id2label,
        label2id=label2id,
    )
    torch.manual_seed(seed)
    model = XLMRobertaForTokenClassification(config)
    return _finish(model, tokenizer, Path(directory), labels, context_free, force_label)


CAMELBERT_VOCAB_SHA256 = "1df5f8da6ad6c56153c7a974c0b149bb7a0a6e332bcfa795c99deee6c1136ce2"


def build_camelbert_shaped(
    directory: Path | str,
    source: Path | str,
    *,
    layers: int | None = None,
    labels: Sequence[str] = CAMELBERT_LABELS,
    seed: int = 0,
) -> Path:
    """A random BertForTokenClassification shaped as CAMeLBERT NER.

    `source` holds CAMeLBERT's `vocab.txt` and `bert-base-config.json`; the
    vocabulary's sha256 is checked (CAMELBERT_VOCAB_SHA256). The tokenizer is
    loaded through `AutoTokenizer.from_pretrained` on a folder whose
    tokenizer_config.json says do_lower_case=False (lower-casing would also
    strip hamza from alef) and model_max_length=512 (the config's positions),
    then saved with its tokenizer.json. `layers`
    overrides the config's 12 hidden layers (tests use fewer for speed).
    """
    import hashlib
    import shutil

    import torch
    from transformers import AutoTokenizer, BertConfig, BertForTokenClassification

    source, directory = Path(source), Path(directory)
    vocab = source / "vocab.txt"
    digest = hashlib.sha256(vocab.read_bytes()).hexdigest()
    if digest != CAMELBERT_VOCAB_SHA256:
        raise ValueError(f"{vocab}: sha256 {digest} is not CAMeLBERT's vocabulary ({CAMELBERT_VOCAB_SHA256})")
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(vocab, directory / "vocab.txt")  # a temp folder, never the repository
    (directory / "tokenizer_config.json").write_text(
        json.dumps({"do_lower_case": False, "tokenizer_class": "BertTokenizer", "model_max_length": 512}),
        encoding="utf-8",
    )
    tokenizer = AutoTokenizer.from_pretrained(directory)
    if len(tokenizer) != 30000 or tokenizer.tokenize("إمارات") != ["إما", "##رات"]:
        raise ValueError(f"{vocab}: the tokenizer did not load as CAMeLBERT's (size {len(tokenizer)})")

    settings = json.loads((source / "bert-base-config.json").read_text(encoding="utf-8"))
    if layers is not None:
        settings["num_hidden_layers"] = layers
    id2label, label2id = _label_maps(labels)
    config = BertConfig(**settings, id2label=id2label, label2id=label2id, pad_token_id=tokenizer.pad_token_id)
    torch.manual_seed(seed)
    model = BertForTokenClassification(config)
    return _finish(model, tokenizer, directory, labels, False, None)


def expected_label_id(model, tokenizer, word: str) -> int | None:
    """For a context_free model: the label id of `word` (its first sub-token
    alone through embeddings and classifier), None when it has no sub-token."""
    import torch

    ids = tokenizer([[word]], is_split_into_words=True, add_special_tokens=False)["input_ids"][0]
    if not ids:
        return None
    with torch.inference_mode():
        # Any position gives the same answer (position embeddings are zero);
        # attention sees only this one token.
        logits = model(input_ids=torch.tensor([[ids[0]]])).logits
    return int(logits[0, 0].argmax())
