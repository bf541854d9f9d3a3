"""The news corpus: manifest, split, text verification, fetching (offline, with a fake fetcher)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmark.cli import cli
from benchmark.corpora.documents import CorpusError
from benchmark.corpora.news import Entry, check_texts, extract_text, fetch_corpus, load_news, read_manifest, texts_dir

from .conftest import shared_path


def test_manifest_has_53_texts_split_about_one_third_dev_by_stratum():
    entries = read_manifest()
    assert len(entries) == 53
    assert len({e.sha256 for e in entries}) == 53
    dev = [e for e in entries if e.split == "dev"]
    assert 15 <= len(dev) <= 20
    # every stratum with 3+ texts has texts in both splits
    per_stratum = Counter((e.stratum, e.split) for e in entries)
    for stratum in {e.stratum for e in entries}:
        if per_stratum[(stratum, "dev")] + per_stratum[(stratum, "test")] >= 3:
            assert per_stratum[(stratum, "dev")] >= 1 and per_stratum[(stratum, "test")] >= 1, stratum


def test_without_a_directory_the_error_says_how_to_get_the_texts(monkeypatch):
    monkeypatch.delenv("BENCH_NEWS_DIR", raising=False)
    with pytest.raises(CorpusError, match="--corpus-dir DIR or set BENCH_NEWS_DIR; `bench corpus fetch DIR`"):
        texts_dir(None)


def test_missing_and_changed_texts_are_named(tmp_path):
    entries = read_manifest()[:2]
    (tmp_path / entries[0].file).write_text("not the article", encoding="utf-8")
    problems = check_texts(tmp_path, entries)
    assert problems[0].startswith(f"{tmp_path / entries[0].file}: changed (sha256 ")
    assert problems[1] == f"{tmp_path / entries[1].file}: missing"


def make_entry(path: str, text: str, repository: str = "someone/corpus") -> Entry:
    return Entry(
        file="x.txt",
        source_dataset="d",
        repository=repository,
        path_in_repo=path,
        commit="c" * 40,
        license="l",
        outlet="o",
        stratum="o",
        date="",
        split="test",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
    )


def test_extract_plain_file_and_zipped_json_array():
    plain = make_entry("economy/a.txt", "نص الخبر")
    calls = []

    def fetch(url: str) -> bytes:
        calls.append(url)
        if url.endswith(".zip"):
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w") as archive:
                archive.writestr("2015-07-21.json", json.dumps([{"content": "أول"}, {"content": "  ثاني \n"}]))
            return buffer.getvalue()
        return "  نص الخبر\n".encode()

    assert extract_text(plain, fetch) == "نص الخبر"
    assert calls[0] == f"https://raw.githubusercontent.com/someone/corpus/{'c' * 40}/economy/a.txt"
    zipped = make_entry("dataset/2015-07-21.zip :: 2015-07-21.json [array index 1]", "ثاني")
    assert extract_text(zipped, fetch) == "ثاني"


def test_fetch_writes_verified_texts_and_rejects_changed_ones(tmp_path, monkeypatch):
    articles = shared_path("corpus", "articles")
    entries = {e.file: e for e in read_manifest()}
    by_url = {}
    for name, entry in entries.items():
        text = (articles / name).read_text(encoding="utf-8")
        if " :: " not in entry.path_in_repo:
            by_url[f"https://raw.githubusercontent.com/{entry.repository}/{entry.commit}/{entry.path_in_repo}"] = text
    tampered = next(iter(by_url))
    by_url[tampered] += " (edited)"

    def fetch(url: str) -> bytes:
        if url not in by_url:
            raise OSError("network unreachable")
        return by_url[url].encode("utf-8")

    written, problems = fetch_corpus(tmp_path, fetch)
    assert written == len(by_url) - 1
    assert any("does not match the manifest sha256; not written" in p for p in problems)
    assert any("could not fetch (OSError: network unreachable)" in p for p in problems)
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


def test_load_news_checks_hashes_and_loads_gold(monkeypatch):
    articles = shared_path("corpus", "articles")
    entries = read_manifest()
    if not all((Path(__file__).parent.parent / "annotations" / "news" / f"{e.stem}.json").exists() for e in entries):
        pytest.skip("news annotations not complete in this checkout")
    corpus = load_news(articles, split="test")
    assert corpus.name == "news-test"
    assert len(corpus.documents) == sum(e.split == "test" for e in entries)
    assert corpus.n_spans > 0


def test_bench_corpus_verify(monkeypatch):
    articles = shared_path("corpus", "articles")
    result = CliRunner().invoke(cli, ["corpus", "verify", str(articles)])
    assert result.exit_code == 0, result.output
    assert "all news texts present and unchanged" in result.output
