"""environment.git_dirty: uncommitted changes to what decides predictions mark a
record dirty; the run records under results/ (the outputs) do not."""

from __future__ import annotations

import subprocess

import pytest

from benchmark.results.record_write import git_state


def _git(root, *args):
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def checkout(tmp_path, monkeypatch):
    (tmp_path / "results").mkdir()
    (tmp_path / "seeds").mkdir()
    (tmp_path / "results" / "a.json").write_text("{}\n", encoding="utf-8")
    (tmp_path / "seeds" / "doc.txt").write_text("نص\n", encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "init")
    monkeypatch.setenv("BENCH_HOME", str(tmp_path))
    return tmp_path


def test_a_clean_checkout_is_clean(checkout):
    commit, dirty = git_state()
    assert len(commit) == 40 and dirty is False


def test_a_refreshed_record_does_not_make_the_next_one_dirty(checkout):
    (checkout / "results" / "a.json").write_text('{"new": 1}\n', encoding="utf-8")
    assert git_state()[1] is False


def test_an_edited_input_does(checkout):
    (checkout / "seeds" / "doc.txt").write_text("نص آخر\n", encoding="utf-8")
    assert git_state()[1] is True
