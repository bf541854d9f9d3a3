"""Model cards: what an extractor is and how the benchmark runs it.

`resolve(name)` turns what the user typed after `--model` into a `Card` (a frozen,
validated dataclass; its fields are read as attributes):

  models/<name>.toml      a shipped card
  A+B                     an ad-hoc composite: A's labels, then B's where they do not overlap
  openai:NAME             model NAME on an OpenAI-compatible endpoint (an llm card)
  module:callable         the user's own extractor
  an existing directory   a local token-classification model
  org/name                a Hugging Face hub id

Anything else, a name close to a card's ("gazeteer"), or a card file outside
models/ is refused with a one-line CardError (exit 2).

Format: docs/model-cards.md. Every card is checked here, before any model is
loaded, so a bad card fails fast with the file and the key that is wrong.
"""

from __future__ import annotations

import copy
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..types import DEFAULT_LABEL_MAP
from ..paths import cache_dir, project_root
from ..errors import InputError
from ..types import LABELS

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - 3.10
    import tomli as tomllib

KINDS = ("transformers", "rules", "composite", "callable", "llm")
IGNORE = "ignore"

DEFAULT_INFERENCE = {"word_alignment": "first", "max_length": 512, "stride": 64, "batch_size": 16}
DEFAULT_PREPROCESSING = {"dediacritize": True, "drop_tatweel": True, "digits": "keep"}


@dataclass(frozen=True)
class Part:
    """One part of a composite card: a model (any --model form) and the labels
    it contributes (None: the labels that model can produce)."""

    model: str
    labels: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Card:
    """A validated model card: a models/*.toml file, or the card made for what
    --model names (A+B, module:callable, a directory, a hub id). Built only by
    `resolve` (through `_check_card`), so every field has been checked; read
    the fields as attributes. `to_dict()` is the card table as written, with
    defaults filled in: what the run record stores and the cache key hashes.
    """

    name: str
    kind: str
    source: str | None = None
    extractor: str | None = None
    revision: str | None = None
    label_map: Mapping[str, str] | None = None
    preprocessing: Mapping[str, Any] | None = None
    inference: Mapping[str, Any] | None = None
    parts: tuple[Part, ...] = ()
    reference: Mapping[str, Any] | None = None
    build_hint: str | None = None
    card_path: str | None = None
    table: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return copy.deepcopy(dict(self.table))

    @classmethod
    def from_table(cls, table: dict[str, Any]) -> Card:
        """The Card of a table `_check_card` has checked."""
        parts = tuple(Part(p["model"], tuple(p["labels"]) if "labels" in p else None) for p in table.get("parts") or ())
        return cls(
            name=table["name"],
            kind=table["kind"],
            source=table.get("source"),
            extractor=table.get("extractor"),
            revision=table.get("revision"),
            label_map=table.get("label_map"),
            preprocessing=table.get("preprocessing"),
            inference=table.get("inference"),
            parts=parts,
            reference=table.get("reference"),
            build_hint=table.get("build_hint"),
            card_path=table.get("card_path"),
            table=copy.deepcopy(table),
        )


class CardError(InputError):
    """A card is missing or malformed; the message names the file and key."""


def models_dir() -> Path:
    return project_root() / "models"


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


def _check_types(card: dict, where: str) -> None:
    """Each key the harness reads has the type it expects (a string, a table,
    a list), so a hand-written card fails here with its key, not later."""
    expected = {
        "name": str,
        "source": str,
        "extractor": str,
        "revision": str,
        "build_hint": str,
        "label_map": dict,
        "preprocessing": dict,
        "inference": dict,
        "parts": list,
    }
    for key, kind in expected.items():
        value = card.get(key)
        if value is not None and not isinstance(value, kind):
            what = {str: "a string", dict: "a table", list: "a list"}[kind]
            raise CardError(f"{where}: `{key}` must be {what}, not {type(value).__name__} {value!r}")
    for model_type, target in (card.get("label_map") or {}).items():
        if not isinstance(target, str):
            raise CardError(f"{where}: label_map.{model_type} must be a string, not {target!r}")
    for i, part in enumerate(card.get("parts") or []):
        if not isinstance(part, dict):
            raise CardError(f"{where}: parts[{i}] must be a table with `model` (write [[parts]] model = ...)")
        if not isinstance(part.get("model", ""), str) or not isinstance(part.get("labels", []), list):
            raise CardError(f"{where}: parts[{i}] needs `model` as a string and `labels` as a list")


def _check_card(card: dict, where: str) -> Card:
    kind = card.get("kind")
    if kind not in KINDS:
        raise CardError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    _check_types(card, where)
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
        _check_inference(card["inference"], where)
    elif kind in ("rules", "callable"):
        if ":" not in str(card.get("extractor", "")):
            raise CardError(f'{where}: a {kind} card needs `extractor = "module:attribute"`')
    elif kind == "llm":
        from .llm.card import check_llm_card

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
    return Card.from_table(card)


def _check_inference(inference: dict, where: str) -> None:
    """Whole numbers in range, and a stride that leaves each window room to move on."""
    for key, least in (("max_length", 3), ("stride", 0), ("batch_size", 1)):
        value = inference.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            raise CardError(f"{where}: inference.{key} = {value!r}; expected a whole number >= {least}")
    if inference["stride"] >= inference["max_length"]:
        raise CardError(
            f"{where}: inference.stride = {inference['stride']} must be below "
            f"inference.max_length = {inference['max_length']}"
        )


def card_label_map(card: Card | Mapping[str, Any]) -> dict[str, str | None] | None:
    """The card's label map as {model type: MONEY/ORG/LOC, or None for ignored}
    (None when the card has none and the default map applies). `card`: a Card,
    or the card table a run record stores."""
    label_map = card.label_map if isinstance(card, Card) else card.get("label_map")
    if not label_map:
        return None
    return {model_type: (None if target == IGNORE else target) for model_type, target in label_map.items()}


def gold_label_map(card: Card | Mapping[str, Any]) -> dict[str, str | None]:
    """How an external corpus's own types (e.g. ANERcorp's) become
    MONEY/ORG/LOC: through the card's label map when it has one, the same map
    the card applies to the model's labels, else through the default map.
    `card`: a Card, or the card table a run record stores."""
    if (card.kind if isinstance(card, Card) else card.get("kind")) == "composite":
        return dict(DEFAULT_LABEL_MAP)
    return card_label_map(card) or dict(DEFAULT_LABEL_MAP)


def load_card_file(path: Path) -> Card:
    try:
        with open(path, "rb") as handle:
            card = tomllib.load(handle)
    except tomllib.TOMLDecodeError as err:
        raise CardError(f"{path}: invalid TOML: {err}") from None
    except UnicodeDecodeError as err:
        raise CardError(f"{path}: not valid UTF-8 ({err.reason} at byte {err.start})") from None
    card.setdefault("name", path.stem)
    card["card_path"] = str(path.relative_to(project_root())) if path.is_relative_to(project_root()) else str(path)
    return _check_card(card, str(path))


def available_cards() -> list[str]:
    return sorted(p.stem for p in models_dir().glob("*.toml"))


# A Hugging Face hub id as the benchmark accepts it: `org/name`.
HUB_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*")
CALLABLE = re.compile(r"[A-Za-z_][\w.]*:[A-Za-z_]\w*")
_PATH_PREFIXES = ("/", "./", "../", "~", ".\\", "..\\")


def _card_file(name: str) -> Path | None:
    """models/<name>.toml when `name` is a plain card name (no path) and the card exists."""
    if not name or "/" in name or "\\" in name or name.startswith("."):
        return None
    path = models_dir() / f"{name}.toml"
    return path if path.is_file() else None


def close_cards(name: str) -> list[str]:
    """Card names close to `name` (a typo: "gazeteer" -> ["gazetteer"])."""
    import difflib

    return difflib.get_close_matches(name, available_cards(), n=3, cutoff=0.8)


def _did_you_mean(names: list[str]) -> str:
    return " or ".join(names) + "?"


def resolve(name: str) -> Card:
    """The card for what the user typed after --model (see module docstring).

    Cards resolve only inside models/: a path to a card file elsewhere is
    refused (a card says what code runs). A name that is none of the forms, or
    that is close to a card's name (a typo), is refused with suggestions
    rather than sent to the hub.
    """
    if not name.strip():
        raise CardError("--model needs a name: a card in models/, A+B, module:callable, a directory or a hub id")
    card_path = _card_file(name)
    if card_path is not None:
        return load_card_file(card_path)
    if name.endswith(".toml") or (models_dir() / f"{name}.toml").resolve().is_file():
        inside = (models_dir() / Path(name).name).with_suffix(".toml")
        if Path(name).expanduser().resolve() == inside.resolve() and inside.is_file():
            return load_card_file(inside)  # models/gazetteer.toml, spelled as a path
        raise CardError(
            f"--model {name}: cards resolve only inside models/ ({models_dir()}); copy the card there and pass its name"
        )
    if "+" in name and not Path(name).expanduser().exists():
        parts = [{"model": part} for part in name.split("+")]
        return _check_card({"name": name, "kind": "composite", "parts": parts}, name)
    if name.startswith("openai:") and len(name) > len("openai:"):
        from .llm.card import openai_card

        return _check_card(openai_card(name), name)
    if CALLABLE.fullmatch(name):
        return _check_card({"name": name, "kind": "callable", "extractor": name}, name)
    if Path(name).expanduser().exists():
        source = expand_source(name)
        return _check_card({"name": name, "kind": "transformers", "source": source, "label_map": None}, name)
    if name.startswith(_PATH_PREFIXES):
        raise CardError(f"--model {name}: no such model directory")
    suggestions = close_cards(name)
    if suggestions:
        raise CardError(f"--model {name}: no card of that name in models/; did you mean {_did_you_mean(suggestions)}")
    if HUB_ID.fullmatch(name):
        return _check_card({"name": name, "kind": "transformers", "source": name, "label_map": None}, name)
    raise CardError(
        f"--model {name}: not a card in models/ (`ls models/`), an A+B composite, module:callable, "
        "a model directory or a hub id (org/name)"
    )
