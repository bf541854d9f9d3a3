"""The prompt: a versioned instruction file and the chat messages built from it.

`prompts/<version>.txt` holds the system instruction, written from the core
rules of annotations/GUIDELINES.md (types, span boundaries, proclitics,
approximators, MONEY = number + scale + currency). A changed instruction must
get a new version (a new file); its sha256 is part of the revision and of the
answer cache key, so an edited file can never reuse old answers.

Messages: the instruction as the system message; each few-shot example as a
user message (its chunk text) and an assistant message (the gold answer as
contract JSON); then the chunk to label, verbatim, as the last user message.

Some chat templates have no system role (Gemma's drops it: llama.cpp's
`gemma` format logs "system messages are not allowed" and leaves it out). A
card with `system_role = "merge"` puts the instruction at the head of the first
user message instead, followed by a blank line, as Gemma's own template does;
with no examples that first user message is the chunk's, which then reads
instruction + blank line + the chunk verbatim.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError

PROMPTS_DIR = Path(__file__).resolve().parent / "prompts"


@dataclass(frozen=True)
class Prompt:
    version: str
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def available_prompts() -> list[str]:
    return sorted(p.stem for p in PROMPTS_DIR.glob("*.txt"))


def load_prompt(version: str) -> Prompt:
    path = PROMPTS_DIR / f"{version}.txt"
    if not path.is_file():
        raise InputError(
            f"prompt {version!r}: no {path.name} in {PROMPTS_DIR} (available: {', '.join(available_prompts())})"
        )
    return Prompt(version, path.read_text(encoding="utf-8"))


def answer_json(entities: list[tuple[str, str]]) -> str:
    """An answer in the output contract (used for the few-shot examples)."""
    return json.dumps({"entities": [{"label": label, "text": text} for label, text in entities]}, ensure_ascii=False)


SYSTEM_ROLES = ("system", "merge")


def build_messages(
    prompt: Prompt, shots: list[tuple[str, list[tuple[str, str]]]], chunk_text: str, system_role: str = "system"
) -> list[dict]:
    """System instruction, the (chunk, gold entities) examples, then the chunk verbatim."""
    messages = []
    for text, entities in shots:
        messages.append({"role": "user", "content": text})
        messages.append({"role": "assistant", "content": answer_json(entities)})
    messages.append({"role": "user", "content": chunk_text})
    if system_role == "merge":
        messages[0] = {"role": "user", "content": prompt.text.rstrip() + "\n\n" + messages[0]["content"]}
        return messages
    return [{"role": "system", "content": prompt.text}, *messages]
