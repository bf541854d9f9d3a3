"""Shared test fixtures and paths."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout; TEST_SHARED_DIR points elsewhere (a git worktree's parent has none).
SHARED = Path(os.environ.get("TEST_SHARED_DIR") or ROOT.parent / "shared")


@pytest.fixture
def root() -> Path:
    return ROOT


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with a clear reason when absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not present (read-only third-party data beside the checkout)")
    return path
