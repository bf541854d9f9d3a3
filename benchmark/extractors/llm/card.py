"""LLM model cards (kind "llm") and `openai:NAME`.

A card names the endpoint's model and, optionally, its base URL, and fixes
everything else that decides the answers (docs/model-cards.md):

  model            the model name the endpoint serves (required)
  base_url         where it is served; --base-url wins over it, and
                   OPENAI_BASE_URL applies when neither is given
  prompt           the instruction version, prompts/<prompt>.txt ("ner-v1")
  shots            few-shot examples from the news dev split (0)
  temperature      0.0;  seed: 0;  max_tokens: 512
  chunk_chars      the chunk budget in characters (1200)
  response_format  "auto" (json_schema, then llama.cpp's json_object+schema,
                   then none), or one of "json_schema", "json_object", "none"
  system_role      "system", or "merge" for chat templates without one (Gemma)
  concurrency      parallel requests (4); timeout_s (120); max_retries (4);
                   backoff_s (1.0)
  [prices]         input_per_mtok, output_per_mtok, currency: cost per
                   million prompt / completion tokens, to put cost in the record

`openai:NAME` is a card with model NAME and every default.
"""

from __future__ import annotations

import os

DEFAULTS: dict = {
    "prompt": "ner-v1",
    "shots": 0,
    "temperature": 0.0,
    "seed": 0,
    "max_tokens": 512,
    "chunk_chars": 1200,
    "response_format": "auto",
    "system_role": "system",
    "concurrency": 4,
    "timeout_s": 120.0,
    "max_retries": 4,
    "backoff_s": 1.0,
}
RESPONSE_FORMATS = ("auto", "json_schema", "json_object", "none")
DEFAULT_BASE_URL = "https://api.openai.com/v1"
_INTS = ("shots", "seed", "max_tokens", "chunk_chars", "concurrency", "max_retries")
_NUMBERS = ("temperature", "timeout_s", "backoff_s")


def openai_card(name: str) -> dict:
    """The card of `openai:NAME`."""
    return {"name": name, "kind": "llm", "model": name[len("openai:") :]}


def check_llm_card(card: dict, where: str, error: type[Exception]) -> dict:
    """The card with its defaults filled in, or `error` naming the key that is wrong."""
    if not isinstance(card.get("model"), str) or not card["model"].strip():
        raise error(f"{where}: an llm card needs `model` (the model name the endpoint serves)")
    for key, default in DEFAULTS.items():
        card.setdefault(key, default)
    for key in _INTS:
        if not isinstance(card[key], int) or isinstance(card[key], bool) or card[key] < 0:
            raise error(f"{where}: {key} must be a whole number >= 0, not {card[key]!r}")
    for key in _NUMBERS:
        if not isinstance(card[key], (int, float)) or card[key] < 0:
            raise error(f"{where}: {key} must be a number >= 0, not {card[key]!r}")
    for key in ("max_tokens", "chunk_chars", "concurrency"):
        if card[key] < 1:
            raise error(f"{where}: {key} must be at least 1")
    if card["response_format"] not in RESPONSE_FORMATS:
        raise error(
            f"{where}: response_format must be one of {', '.join(RESPONSE_FORMATS)}, not {card['response_format']!r}"
        )
    if card["system_role"] not in ("system", "merge"):
        raise error(f"{where}: system_role must be 'system' or 'merge', not {card['system_role']!r}")
    prices = card.get("prices")
    if prices is not None:
        for key in ("input_per_mtok", "output_per_mtok"):
            if not isinstance(prices.get(key), (int, float)) or prices[key] < 0:
                raise error(f"{where}: prices.{key} must be a number >= 0")
    return card


def base_url(card: dict, option: str | None) -> str:
    """--base-url, else the card's base_url, else OPENAI_BASE_URL, else OpenAI's."""
    return (option or card.get("base_url") or os.environ.get("OPENAI_BASE_URL") or DEFAULT_BASE_URL).rstrip("/")
