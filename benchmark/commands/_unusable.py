"""The error for "unusable input" (exit 2): printed as one line, no traceback.

click.ClickException exits 1, which this project keeps for "the data is
wrong / the check failed" (validate, check)."""
from __future__ import annotations

import click


class UnusableInput(click.ClickException):
    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)
