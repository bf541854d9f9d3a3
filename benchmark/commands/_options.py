"""Option types the commands share, so that a bad value is one usage line (exit 2).

click.FloatRange lets NaN through (every comparison with NaN is false), which
would make `bench check --max-drop nan` pass any candidate; `FiniteFloatRange`
refuses NaN and infinities.
"""
from __future__ import annotations

import math

import click

# numpy's generators take non-negative seeds only
SEED = click.IntRange(min=0)

# The bootstrap holds resamples x units counts in memory: a typo such as 10**9
# is refused rather than exhausting it.
MAX_RESAMPLES = 100_000
PAIRED_RESAMPLES = click.IntRange(min=10, max=MAX_RESAMPLES)


class FiniteFloatRange(click.FloatRange):
    name = "finite float range"

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number.", param, ctx)
        return number
