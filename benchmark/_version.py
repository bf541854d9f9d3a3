"""The package version (one definition: benchmark.__version__, run records)."""

__version__ = "0.1.0"
