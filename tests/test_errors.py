"""The error root: cli.main prints one line and exits with the error's code."""

from __future__ import annotations

import click
import pytest

from benchmark import cli
from benchmark.errors import DataError, InputError, MissingExtra, require


@pytest.fixture
def failing_command(monkeypatch):
    raised: dict[str, Exception] = {}

    @click.command()
    def boom() -> None:
        raise raised["error"]

    monkeypatch.setitem(cli.COMMANDS, "boom", ("tests.test_errors:_unused", "test only"))
    monkeypatch.setattr(cli.LazyGroup, "get_command", lambda self, ctx, name: boom if name == "boom" else None)
    return raised


@pytest.mark.parametrize(
    "error, code",
    [(DataError("gold.json: span 3: overlaps span 2"), 1), (InputError("--batch-size must be at least 1"), 2)],
)
def test_main_prints_one_line_and_exits_with_the_code(failing_command, capsys, error, code):
    failing_command["error"] = error
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["boom"])
    assert exit_info.value.code == code
    err = capsys.readouterr().err
    assert err == f"error: {error}\n"


def test_debug_shows_the_traceback(failing_command):
    failing_command["error"] = InputError("bad")
    with pytest.raises(InputError):
        cli.main(["--debug", "boom"])


def test_require_names_the_extra_and_the_install():
    with pytest.raises(MissingExtra) as info:
        require("no_such_module_for_bench", "models", "bench run --model X")
    message = str(info.value)
    assert "`models` extra" in message and "no_such_module_for_bench" in message
    assert "pip install -e '.[models]'" in message
    assert info.value.exit_code == 2
