"""Model cards: what an extractor is and how the benchmark runs it.

`resolve(name)` turns what the user typed after `--model` into a card dict:

  models/<name>.toml      a shipped card
  A+B                     an ad-hoc composite: A's labels, then B's where they do not overlap
  openai:NAME             model NAME on an OpenAI-compatible endpoint (an llm card)
  module:callable         the user's own extractor
  an existing directory   a local token-classification model
  anything else           a Hugging Face hub id

Format: docs/model-cards.md. Every card is checked here, before any model is
loaded, so a bad card fails fast with the file and the key that is wrong.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from .corpus import project_root
from .types import LABELS

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - 3.10
    import tomli as tomllib

KINDS = ("transformers", "rules", "composite", "callable", "llm")
IGNORE = "ignore"

# Used when a hub id or local directory is run without a card: the model's own
# entity types (from config.id2label) map through this, case-insensitively;
# types not listed are ignored, and the map actually used is printed.
DEFAULT_LABEL_MAP = {
    "LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC",
    "ORG": "ORG", "ORGANIZATION": "ORG",
    "MONEY": "MONEY",
}

DEFAULT_INFERENCE = {"word_alignment": "first", "max_length": 512, "stride": 64, "batch_size": 16}
DEFAULT_PREPROCESSING = {"dediacritize": True, "drop_tatweel": True, "digits": "keep"}


class CardError(Exception):
    """A card is missing or malformed; the message names the file and key."""


def models_dir() -> Path:
    return project_root() / "models"


def cache_dir() -> Path:
    """Where built models live, outside git ($BENCH_CACHE)."""
    return Path(os.environ.get("BENCH_CACHE", "~/.cache/arabic-fin-ner-bench")).expanduser()


def slugify(name: str) -> str:
    """A file-name-safe slug for results/<slug>.json."""
    slug = re.sub(r"[^A-Za-z0-9_.+-]+", "-", name.strip()).strip("-.")
    return slug or "model"


def expand_source(source: str) -> str:
    """Expand {cache}, ~ and $VARS; make relative local paths project-relative."""
    expanded = os.path.expandvars(source.replace("{cache}", str(cache_dir()))).strip()
    if expanded.startswith(("~", "/", "./", "../")) or "{cache}" in source:
        path = Path(expanded).expanduser()
        return str(path if path.is_absolute() else (project_root() / path).resolve())
    return expanded


def is_local_source(source: str) -> bool:
    return source.startswith("/") or Path(source).exists()


def _check_card(card: dict, where: str) -> dict:
    kind = card.get("kind")
    if kind not in KINDS:
        raise CardError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if kind == "transformers":
        if not card.get("source"):
            raise CardError(f"{where}: a transformers card needs `source` (hub id or directory)")
        label_map = card.get("label_map")
        if label_map is not None:
            for model_type, target in label_map.items():
                if target != IGNORE and target not in LABELS:
                    raise CardError(
                        f"{where}: label_map.{model_type} = {target!r}; expected one of "
                        f"{', '.join(LABELS)} or {IGNORE!r}"
                    )
        card["preprocessing"] = {**DEFAULT_PREPROCESSING, **card.get("preprocessing", {})}
        card["inference"] = {**DEFAULT_INFERENCE, **card.get("inference", {})}
    elif kind in ("rules", "callable"):
        if ":" not in str(card.get("extractor", "")):
            raise CardError(f"{where}: a {kind} card needs `extractor = \"module:attribute\"`")
    elif kind == "llm":
        from .extractors.llm.card import check_llm_card

        check_llm_card(card, where, CardError)
    elif kind == "composite":
        parts = card.get("parts")
        if not isinstance(parts, list) or len(parts) < 2:
            raise CardError(f"{where}: a composite card needs two or more [[parts]]")
        for i, part in enumerate(parts):
            if not part.get("model"):
                raise CardError(f"{where}: parts[{i}] needs `model`")
            for label in part.get("labels", LABELS):
                if label not in LABELS:
                    raise CardError(f"{where}: parts[{i}].labels has unknown label {label!r}")
    return card


def card_label_map(card: dict) -> dict[str, str | None] | None:
    """The card's label map as {model type: MONEY/ORG/LOC, or None for ignored}
    (None when the card has none and the default map applies)."""
    label_map = card.get("label_map")
    if not label_map:
        return None
    return {model_type: (None if target == IGNORE else target) for model_type, target in label_map.items()}


def gold_label_map(card: dict) -> dict[str, str | None]:
    """How an external corpus's own types (e.g. ANERcorp's) become
    MONEY/ORG/LOC: through the card's label map when it has one, the same map
    the card applies to the model's labels, else through the default map."""
    if card["kind"] == "composite":
        return dict(DEFAULT_LABEL_MAP)
    return card_label_map(card) or dict(DEFAULT_LABEL_MAP)


def load_card_file(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:
            card = tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise CardError(f"{path}: invalid TOML: {err}") from None
    card.setdefault("name", path.stem)
    card["card_path"] = str(path.relative_to(project_root())) if path.is_relative_to(project_root()) else str(path)
    return _check_card(card, str(path))


def available_cards() -> list[str]:
    return sorted(p.stem for p in models_dir().glob("*.toml"))


def resolve(name: str) -> dict:
    """The card for what the user typed after --model (see module docstring)."""
    card_path = models_dir() / f"{name}.toml"
    if card_path.exists():
        return load_card_file(card_path)
    if "+" in name and not Path(name).exists():
        parts = [{"model": part} for part in name.split("+")]
        return _check_card({"name": name, "kind": "composite", "parts": parts}, name)
    if name.startswith("openai:") and len(name) > len("openai:"):
        from .extractors.llm.card import openai_card

        return _check_card(openai_card(name), name)
    if re.fullmatch(r"[A-Za-z_][\w.]*:[A-Za-z_]\w*", name):
        return _check_card({"name": name, "kind": "callable", "extractor": name}, name)
    source = expand_source(name) if Path(name).expanduser().exists() else name
    return _check_card({"name": name, "kind": "transformers", "source": source, "label_map": None}, name)
