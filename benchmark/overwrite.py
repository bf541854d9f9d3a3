"""No command deletes or overwrites what it did not write.

Every writer asks here before it replaces an existing path:

- a file is replaced only when it is empty, when it is recognizably the
  benchmark's own output of the same kind (`ours(path)`: a run record is a JSON
  object with `schema_version` and `model`, an annotation has `spans` and
  `text_sha256`, ...), or when the user passed `--force`;
- a non-empty directory is replaced only with `--force`;
- a directory is never written where a file is expected, and the other way round.

Refusals are InputError (exit 2) naming the path and the way out.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .errors import InputError

Ours = Callable[[Path], bool]


def check_file_target(path: Path, *, force: bool = False, ours: Ours | None = None, what: str = "file") -> None:
    """InputError unless writing `path` (a file) loses nothing."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: is a directory; give the path of the {what} to write")
    if not path.exists() or force:
        return
    try:
        if path.stat().st_size == 0 or (ours is not None and ours(path)):
            return
    except OSError:
        pass
    article = "an" if what[:1] in "aeiou" else "a"
    raise InputError(
        f"{path}: exists and is not {article} {what} this benchmark wrote; not overwriting it "
        "(choose another path, or pass --force to replace it)"
    )


def check_dir_target(path: Path, *, force: bool = False, what: str = "directory") -> None:
    """InputError unless writing the directory `path` loses nothing."""
    path = Path(path)
    if path.exists() and not path.is_dir():
        if force:
            return
        raise InputError(
            f"{path}: exists and is a file, not a {what}; not replacing it "
            "(choose another path, or pass --force to replace it)"
        )
    if path.is_dir() and any(path.iterdir()) and not force:
        raise InputError(
            f"{path}: is a non-empty directory; not replacing it (choose another path, or pass --force to replace it)"
        )


def _json_object(path: Path) -> dict | None:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def is_run_record(path: Path) -> bool:
    """A JSON object with `schema_version` and `model`: a run record `bench run` wrote."""
    data = _json_object(path)
    return data is not None and "schema_version" in data and "model" in data


def is_annotation(path: Path) -> bool:
    """A gold annotation file as `bench annotate` writes it."""
    data = _json_object(path)
    return data is not None and isinstance(data.get("spans"), list) and "text_sha256" in data


def _head(path: Path, lines: int) -> list[str] | None:
    try:
        with open(path, encoding="utf-8") as handle:
            return [handle.readline().rstrip("\n") for _ in range(lines)]
    except (OSError, UnicodeDecodeError):
        return None


def starts_like(new_text: str, lines: int = 2) -> Ours:
    """Ours when the existing file begins with the same `lines` lines as the
    text about to be written (a report or leaderboard of the same format)."""
    expected = (new_text.split("\n") + [""] * lines)[:lines]
    return lambda path: _head(path, lines) == expected


def first_line_is(predicate: Callable[[str], bool]) -> Ours:
    def ours(path: Path) -> bool:
        head = _head(path, 1)
        return head is not None and predicate(head[0])

    return ours
