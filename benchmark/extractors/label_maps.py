"""Model labels -> the benchmark's IOB2 tags over MONEY/ORG/LOC.

A token-classification model names its own types in its own tagging scheme
(IOB1/IOB2, BIOES, BILOU, IO). `resolve_label_map` decides, through the model
card's label map, which benchmark type (or none) each model type means;
`tag_table` turns every label id into the IOB2 tag it stands for. Invalid tag
sequences are repaired later, by the rule REPAIR_RULE names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import InputError
from ..tagging import OUTSIDE
from ..types import DEFAULT_LABEL_MAP, LABELS

REPAIR_MODE = "default"
REPAIR_RULE = (
    "tagging.repair(mode='default'): an I-X that does not continue an X entity "
    "(after O, or after B-/I- of another type) starts a new X entity, as conlleval reads it"
)

# Prefixes of the tagging schemes models are published with (IOB1/IOB2, BIOES,
# BILOU), and what each means in IOB2. A label without a prefix (IO scheme)
# reads as I-: the repair turns the first word of each run into B-.
_PREFIX_TO_IOB2 = {"B": "B", "I": "I", "E": "I", "L": "I", "S": "B", "U": "B"}
_LABEL_RE = re.compile(r"^([BIESLU])[-_](.+)$")


class LabelMapError(InputError):
    """The label map does not cover a label of the model (or maps to an unknown type)."""


def split_model_label(label: str) -> tuple[str, str | None]:
    """("B", "LOC") for "B-LOC", ("B", "LOC") for "S-LOC" (BIOES), ("O", None)
    for "O", ("I", "PER") for a bare "PER" (IO scheme)."""
    if label.upper() == OUTSIDE:
        return OUTSIDE, None
    match = _LABEL_RE.match(label)
    if match is None:
        return "I", label
    return _PREFIX_TO_IOB2[match.group(1)], match.group(2)


def resolve_label_map(
    model_types: Iterable[str], label_map: dict[str, str | None] | None, model_name: str
) -> dict[str, str | None]:
    """model entity type -> MONEY/ORG/LOC, or None for a type that is ignored.

    With a caller's map (a model card), every type of the model must be listed,
    mapped or explicitly None: an unlisted type is an error, never a silent
    drop. A type matches a key exactly, else case-insensitively. Without a map
    (a hub id or a directory run without a card), DEFAULT_LABEL_MAP
    applies case-insensitively and other types are ignored.
    """
    types = sorted(set(model_types))
    if label_map is None:
        default = {key.upper(): value for key, value in DEFAULT_LABEL_MAP.items()}
        return {t: default.get(t.upper()) for t in types}
    bad_targets = {k: v for k, v in label_map.items() if v is not None and v not in LABELS}
    if bad_targets:
        key, value = next(iter(bad_targets.items()))
        raise LabelMapError(
            f"model {model_name!r}: label map sends {key!r} to {value!r}; "
            f"targets must be one of {', '.join(LABELS)} or ignored"
        )
    folded = {key.casefold(): value for key, value in label_map.items()}
    resolved: dict[str, str | None] = {}
    missing: list[str] = []
    for t in types:
        if t in label_map:
            resolved[t] = label_map[t]
        elif t.casefold() in folded:
            resolved[t] = folded[t.casefold()]
        else:
            missing.append(t)
    if missing:
        raise LabelMapError(
            f"model {model_name!r} has label type(s) {', '.join(missing)} that the label map does not cover "
            f"(it lists {', '.join(sorted(label_map)) or 'nothing'}); map each to "
            f"{', '.join(LABELS)} or mark it ignored"
        )
    return resolved


def tag_table(id2label: dict[int, str], effective_map: dict[str, str | None]) -> list[str]:
    """For each label id of the model, the IOB2 tag over MONEY/ORG/LOC it means."""
    table = [OUTSIDE] * (max(id2label) + 1 if id2label else 0)
    for label_id, label in id2label.items():
        prefix, model_type = split_model_label(label)
        target = effective_map.get(model_type) if model_type is not None else None
        table[label_id] = f"{prefix}-{target}" if target else OUTSIDE
    return table
