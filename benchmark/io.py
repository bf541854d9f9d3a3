"""Atomic file writes: a result is either fully written or not there at all.

The temporary file is removed when writing fails; one left by a killed
process has a unique hidden name (`.NAME.XXXX.tmp`) that no reader looks at.
A path that cannot be written (under a file, in a read-only directory, a
directory itself) raises InputError naming it.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from .errors import InputError


def _unwritable(path: Path, err: OSError) -> InputError:
    if isinstance(err, (FileExistsError, NotADirectoryError)):
        why = "a parent of it is a file, not a directory"
    elif isinstance(err, IsADirectoryError) or path.is_dir():
        why = "is a directory"
    elif isinstance(err, PermissionError):
        why = "permission denied"
    else:
        why = err.strerror or type(err).__name__
    return InputError(f"{path}: cannot write ({why})")


def _write_through(path: Path, content: str | bytes) -> None:
    """A pipe or device (`-o /dev/stdout`): written as it is; renaming onto it
    would replace the device node with a file."""
    try:
        if isinstance(content, bytes):
            with open(path, "wb") as handle:
                handle.write(content)
        else:
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(content)
    except OSError as err:
        raise _unwritable(path, err) from None


def write_atomic(path: Path | str, content: str | bytes) -> None:
    """Write to a temporary file beside `path`, then rename it into place.

    A symbolic link is kept: its target is replaced. A pipe or device is
    written directly."""
    path = Path(path)
    if path.is_dir():
        raise InputError(f"{path}: cannot write (is a directory)")
    if path.exists() and not path.is_file():
        _write_through(path, content)
        return
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise _unwritable(path, err) from None
    mode = "wb" if isinstance(content, bytes) else "w"
    try:
        text_options: dict[str, Any] = {} if mode == "wb" else {"encoding": "utf-8", "newline": ""}
        with os.fdopen(fd, mode, **text_options) as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600 files; results are meant to be shared and read.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(err, OSError):
            raise _unwritable(path, err) from None
        raise


def write_json_atomic(path: Path | str, data) -> None:
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n")


def replace_dir(target: Path | str, fill) -> None:
    """Build a directory with `fill(tmp)` in a fresh temporary folder beside
    `target`, then swap it into place: `target` is either the old or the whole
    new folder, never half written. The temporary folder is removed on failure;
    one left by a killed process has a unique hidden name and is never read.
    (The caller has decided, with benchmark.overwrite, that `target` may go.)"""
    import shutil

    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"))
    except OSError as err:
        raise _unwritable(target, err) from None
    try:
        fill(tmp / "out")
        moved = target.exists() or target.is_symlink()
        if moved:
            os.replace(target, tmp / "old")
        try:
            os.replace(tmp / "out", target)
        except OSError:
            if moved:  # put the old one back rather than lose it
                os.replace(tmp / "old", target)
            raise
    except OSError as err:
        raise _unwritable(target, err) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
