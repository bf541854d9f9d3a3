"""`python -m benchmark.cli ARGS`: the same as `bench ARGS`."""

from . import main

main()
