"""One way to point at the news texts: `--corpus-dir DIR` on every command that
reads the news corpus, or $BENCH_NEWS_DIR; the hint says exactly that."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from benchmark.corpora import news
from benchmark.cli import COMMANDS, LazyGroup, cli
from benchmark.corpora.documents import CorpusError

from .conftest import shared_path

NEWS_READERS = ("run", "score", "validate", "leaderboard", "report", "compare", "check", "export")


@pytest.mark.parametrize("name", NEWS_READERS)
def test_every_command_that_reads_the_news_corpus_takes_corpus_dir(name):
    command = LazyGroup().get_command(None, name)
    options = {opt for param in command.params for opt in getattr(param, "opts", ())}
    assert "--corpus-dir" in options
    corpus_dir = next(p for p in command.params if "--corpus-dir" in p.opts)
    assert corpus_dir.envvar == "BENCH_NEWS_DIR"


def test_the_commands_listed_are_commands():
    assert set(NEWS_READERS) <= set(COMMANDS)


def test_the_hint_names_both_ways(monkeypatch):
    monkeypatch.delenv("BENCH_NEWS_DIR", raising=False)
    with pytest.raises(CorpusError, match=r"pass --corpus-dir DIR or set BENCH_NEWS_DIR"):
        news.texts_dir(None)


def test_validate_reads_the_news_texts_from_corpus_dir(monkeypatch):
    articles = shared_path("corpus", "articles")
    monkeypatch.delenv("BENCH_NEWS_DIR", raising=False)
    without = CliRunner().invoke(cli, ["validate"])
    with_dir = CliRunner().invoke(cli, ["validate", "--corpus-dir", str(articles)])
    assert with_dir.exit_code == 0, with_dir.output
    assert "news annotations not checked" in without.output
    assert "news annotations not checked" not in with_dir.output
    n_news = len(news.read_manifest())
    documents = int(with_dir.output.split("ok: ")[1].split(" documents")[0])
    assert documents == int(without.output.split("ok: ")[1].split(" documents")[0]) + n_news
    # the option holds for that command only
    assert news.configured_dir() is None


def test_export_includes_the_news_splits_with_corpus_dir(monkeypatch, tmp_path):
    articles = shared_path("corpus", "articles")
    monkeypatch.delenv("BENCH_NEWS_DIR", raising=False)
    out = tmp_path / "gold.jsonl"
    result = CliRunner().invoke(cli, ["export", "--format", "jsonl", "--corpus-dir", str(articles), str(out)])
    assert result.exit_code == 0, result.output
    splits = {json.loads(line).get("split") for line in out.read_text(encoding="utf-8").splitlines()}
    assert {"news_dev", "news_test"} <= splits, splits


def test_use_texts_dir_is_undone_after_the_block(tmp_path, monkeypatch):
    monkeypatch.delenv("BENCH_NEWS_DIR", raising=False)
    with news.use_texts_dir(tmp_path):
        assert news.texts_dir(None) == tmp_path
    assert news.configured_dir() is None
