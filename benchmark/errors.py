"""The one root of every expected failure, and the exit code it carries.

Library code raises these; `benchmark.cli.main` catches `BenchError` once and
prints its message as one line (`error: ...`) with the exit code:

- `DataError` (exit 1): the data is wrong (gold that fails validation, a
  malformed CoNLL line, a check that failed);
- `InputError` (exit 2): unusable input or environment (a missing file, a bad
  option, a record that cannot be trusted, a missing optional extra).

Messages name the file, line, span, option or model that is at fault, so a
user can act on them without a traceback (`bench --debug` shows one).
"""

from __future__ import annotations

import importlib
from types import ModuleType


class BenchError(Exception):
    """An expected failure: one line for the user and the exit code to leave with."""

    exit_code = 2


class DataError(BenchError):
    """The data is wrong (exit 1)."""

    exit_code = 1


class InputError(BenchError):
    """Unusable input or environment (exit 2)."""

    exit_code = 2


# optional extra -> what `pip install` needs to be told (pyproject.toml [project.optional-dependencies])
EXTRAS: dict[str, str] = {
    "models": "pip install -e '.[models]'",
    "e5": "pip install -e '.[models,e5]'",
    "llm": "pip install -e '.[llm]'",
    "test": "pip install -e '.[test]'",
}


class MissingExtra(InputError):
    """An optional dependency is not installed; the message names the install to run."""

    def __init__(self, what: str, extra: str, module: str):
        self.extra = extra
        self.module = module
        super().__init__(f"{what} needs the `{extra}` extra ({module} is not installed): run {EXTRAS[extra]}")


def require(module: str, extra: str, what: str) -> ModuleType:
    """Import `module`, or raise MissingExtra naming `extra` and what needed it."""
    try:
        return importlib.import_module(module)
    except ImportError as err:
        missing = (err.name or module).split(".")[0]
        raise MissingExtra(what, extra, missing) from None
