"""The error for "unusable input" (exit 2): an InputError, printed by the
`bench` group as one line, no traceback. Kept as a name the commands share."""

from __future__ import annotations

from ...errors import InputError


class UnusableInput(InputError):
    """Unusable input found by a command itself (exit 2)."""
