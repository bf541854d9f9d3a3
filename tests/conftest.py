"""Shared test fixtures and paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout; TEST_SHARED_DIR points elsewhere (a git worktree's parent has none).
SHARED = Path(os.environ.get("TEST_SHARED_DIR") or ROOT.parent / "shared")
# Read once, at start: a test that points BENCH_DATA / BENCH_NEWS_DIR elsewhere
# (monkeypatch) does not move the reference data the other fixtures read.
NEWS_ENV, DATA_ENV = os.environ.get("BENCH_NEWS_DIR"), os.environ.get("BENCH_DATA")


@pytest.fixture
def root() -> Path:
    return ROOT


def shared_path(*parts: str) -> Path:
    """A path of the third-party data, or skip the test with a clear reason when absent.

    `corpus/articles/...` is looked up under $BENCH_NEWS_DIR and `data/...`
    under $BENCH_DATA when those are set (as the commands do), else under
    ../shared beside the checkout, where CI keeps them.
    """
    news, data = NEWS_ENV, DATA_ENV
    if news and parts[:2] == ("corpus", "articles"):
        path = Path(news).expanduser().joinpath(*parts[2:])
    elif data and parts[:1] == ("data",):
        path = Path(data).expanduser().joinpath(*parts[1:])
    else:
        path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(
            f"{path} is not present (read-only third-party data: set BENCH_NEWS_DIR / BENCH_DATA "
            "or keep it in ../shared)"
        )
    return path
