"""The on-disk answer cache: a rerun of the same requests sends nothing.

Key: sha256 over the endpoint's base URL, the model name, the prompt's version
and sha256, and the full request body (messages, temperature, seed, max_tokens,
response_format). Any change to any of them is another key, so a stale answer
is never reused. Entries live in $BENCH_CACHE/llm-answers/<key[:2]>/<key>.json
and hold the answer, the usage and the server's model id and fingerprint;
never the API key (it is not part of any request body).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from ...paths import cache_dir
from ...io import write_json_atomic


def answer_key(base_url: str, model: str, prompt_version: str, prompt_sha256: str, request: dict) -> str:
    payload = json.dumps(
        {"base_url": base_url, "model": model, "prompt": [prompt_version, prompt_sha256], "request": request},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / "llm-answers" / key[:2] / f"{key}.json"


def load_answer(key: str) -> dict | None:
    try:
        data = json.loads(_path(key).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) and data.get("key") == key else None


def store_answer(key: str, answer: dict) -> None:
    try:
        write_json_atomic(_path(key), {"key": key, **answer})
    except OSError as err:  # a read-only cache must not fail the run
        print(f"note: LLM answer cache not written ({err})", file=sys.stderr)
