"""Reading an LLM's answer: the output contract and its fallback.

The contract: the message content is a JSON object
`{"entities": [{"label": "MONEY"|"ORG"|"LOC", "text": "<surface>"}, ...]}`.
Servers that honour a JSON schema (`response_format`) always give that; others
may not, so the answer is read by the first of these that works:

  1. the whole content as JSON;
  2. the content inside a ```json fence, or from its first "{" to its last "}";
  3. a bare JSON list of entities (same steps, with "[" and "]");
  4. salvage: every complete {"label": ..., "text": ...} object found in the
     content (an answer cut off by max_tokens keeps the entities it finished).

Step 4 marks the answer `salvaged`; when nothing works the answer is a parse
failure and the caller keeps the raw text. Items that are not objects with a
known label and a non-empty text are `invalid` (counted, not used). Labels are
read case-insensitively.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ...types import LABELS

SCHEMA: dict = {
    "type": "object",
    "properties": {
        "entities": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "label": {"type": "string", "enum": list(LABELS)},
                    "text": {"type": "string"},
                },
                "required": ["label", "text"],
                "additionalProperties": False,
            },
        },
    },
    "required": ["entities"],
    "additionalProperties": False,
}

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)
_STRING = r'"((?:[^"\\]|\\.)*)"'
_OBJECT = re.compile(
    r'\{\s*(?:"label"\s*:\s*'
    + _STRING
    + r'\s*,\s*"text"\s*:\s*'
    + _STRING
    + r'|"text"\s*:\s*'
    + _STRING
    + r'\s*,\s*"label"\s*:\s*'
    + _STRING
    + r")\s*\}"
)


@dataclass
class Parsed:
    entities: list[tuple[str, str]] = field(default_factory=list)  # (label, surface) in answer order
    ok: bool = True  # False: nothing could be read (a parse failure)
    salvaged: bool = False  # read by step 4
    invalid: list = field(default_factory=list)  # items that broke the contract


def _loads(text: str):
    try:
        return json.loads(text)
    except (json.JSONDecodeError, ValueError):
        return None


def _between(text: str, left: str, right: str):
    start, end = text.find(left), text.rfind(right)
    return _loads(text[start : end + 1]) if 0 <= start < end else None


def _json_value(content: str):
    value = _loads(content.strip())
    if value is not None:
        return value
    fenced = _FENCE.search(content)
    if fenced:
        value = _loads(fenced.group(1).strip())
        if value is not None:
            return value
    value = _between(content, "{", "}")
    if isinstance(value, dict):
        return value
    return _between(content, "[", "]")


def _items(value) -> list | None:
    if isinstance(value, dict) and isinstance(value.get("entities"), list):
        return value["entities"]
    if isinstance(value, list):
        return value
    return None


def _unescape(raw: str) -> str:
    return _loads(f'"{raw}"') or raw


def parse_answer(content: str | None) -> Parsed:
    """The (label, surface) pairs of one answer (see the module docstring)."""
    content = content or ""
    items = _items(_json_value(content))
    parsed = Parsed()
    if items is None:
        salvaged = []
        for match in _OBJECT.finditer(content):
            label, text = (
                (match.group(1), match.group(2)) if match.group(1) is not None else (match.group(4), match.group(3))
            )
            salvaged.append({"label": _unescape(label), "text": _unescape(text)})
        if not salvaged:
            return Parsed(ok=False)
        items, parsed.salvaged = salvaged, True
    for item in items:
        label = item.get("label") if isinstance(item, dict) else None
        text = item.get("text") if isinstance(item, dict) else None
        label = label.strip().upper() if isinstance(label, str) else None
        if label in LABELS and isinstance(text, str) and text.strip():
            parsed.entities.append((label, text.strip()))
        else:
            parsed.invalid.append(item)
    return parsed
