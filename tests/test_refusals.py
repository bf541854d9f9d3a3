"""What the refusals of test_bad_input.py still allow, and the helpers behind them:
--force, rewriting the benchmark's own files, markdown escaping, `resolve`."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from benchmark.extractors.cards import CardError, resolve
from benchmark.cli import cli
from benchmark.errors import InputError
from benchmark.formatting import md_escape
from benchmark.io import replace_dir, write_atomic
from benchmark.overwrite import check_dir_target, check_file_target, is_run_record

from .conftest import ROOT


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BENCH_CACHE", str(tmp_path / "cache"))
    return tmp_path


# --- markdown ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, escaped",
    [
        ("gazetteer+money-rules", "gazetteer+money-rules"),  # ordinary names are unchanged
        ("conll:ANERCorp_CamelSplit_test.txt", "conll:ANERCorp_CamelSplit_test.txt"),
        ("a|b", "a\\|b"),
        ("`code`", "\\`code\\`"),
        ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"),
        ("[click](http://x)", "\\[click\\](http://x)"),
        ("two\nlines\r\nthree", "two lines three"),
        ("*bold* _em_ ~~del~~", "\\*bold\\* \\_em\\_ \\~\\~del\\~\\~"),
        ("back\\slash", "back\\\\slash"),
    ],
)
def test_md_escape(text, escaped):
    assert md_escape(text) == escaped


def test_markdown_leaderboard_escapes_a_hostile_model_name(tmp_path):
    record = json.loads((ROOT / "results" / "gazetteer.json").read_text(encoding="utf-8"))
    record["model"]["name"] = "evil | <b>x</b>\n| injected | row |"
    (tmp_path / "evil.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["leaderboard", "--results", str(tmp_path), "--format", "markdown", "--n-resamples", "10"]
    )
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if "evil" in line)
    assert "evil \\| \\<b\\>x\\</b\\> \\| injected \\| row \\|" in row
    assert row.count(" | ") == 11  # 12 columns, no cell added by the name
    table = CliRunner().invoke(cli, ["leaderboard", "--results", str(tmp_path), "--n-resamples", "10"])
    assert table.exit_code == 0 and "evil" in table.stdout  # rich does not read the name as markup


# --- resolve ---------------------------------------------------------------------


def test_resolve_suggests_close_card_names():
    with pytest.raises(CardError, match="did you mean gazetteer\\?"):
        resolve("gazeteer")
    with pytest.raises(CardError, match="did you mean money-rules\\?"):
        resolve("money-rules/x")  # close to a card: refused although it is shaped like a hub id
    with pytest.raises(CardError, match="hub id \\(org/name\\)"):
        resolve("bert")  # no card, no path, no callable, not org/name


def test_resolve_still_takes_hub_ids_and_card_paths_inside_models():
    assert resolve("CAMeL-Lab/bert-base-arabic-camelbert-msa-ner").kind == "transformers"
    assert resolve("models/gazetteer.toml").name == "gazetteer"
    assert resolve(str(ROOT / "models" / "gazetteer.toml")).name == "gazetteer"


# --- writing: what may be replaced ---------------------------------------------------


def test_own_files_are_rewritten_and_force_replaces_others(cache):
    out = cache / "run.json"
    args = ["run", "--model", "money-rules", "--resamples", "0", "-o", str(out)]
    assert CliRunner().invoke(cli, args).exit_code == 0
    assert is_run_record(out)
    assert CliRunner().invoke(cli, args).exit_code == 0  # a run record: ours, rewritten
    conll = cache / "gold.conll"
    for _ in range(2):  # an earlier export of the same format is replaced
        assert CliRunner().invoke(cli, ["export", "--format", "conll", str(conll)]).exit_code == 0
    notes = cache / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    assert CliRunner().invoke(cli, ["export", "--format", "conll", str(notes)]).exit_code == 2
    assert notes.read_text(encoding="utf-8") == "mine"
    assert CliRunner().invoke(cli, ["export", "--format", "conll", str(notes), "--force"]).exit_code == 0
    assert notes.read_text(encoding="utf-8").startswith("-DOCSTART- ")


def test_report_rewrites_its_own_page(cache):
    page = cache / "r.html"
    args = ["report", str(ROOT / "results" / "gazetteer.json"), "-o", str(page)]
    first = CliRunner().invoke(cli, args)
    if first.exit_code != 0:
        pytest.skip(f"the committed record does not fit this checkout's gold: {first.output}")
    assert CliRunner().invoke(cli, args).exit_code == 0


def test_hf_export_force_swaps_the_folder(cache, monkeypatch):
    monkeypatch.delenv("BENCH_NEWS_DIR", raising=False)
    out = cache / "hf"
    out.mkdir()
    (out / "old.txt").write_text("old", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", "--format", "hf", str(out), "--force"])
    assert result.exit_code == 0, result.output
    assert (out / "dataset_dict.json").exists() and not (out / "old.txt").exists()
    assert sorted(p.name for p in cache.iterdir() if p.name.startswith(".")) == []


def test_check_targets(tmp_path):
    empty = tmp_path / "empty.json"
    empty.write_text("", encoding="utf-8")
    check_file_target(empty)  # an empty file loses nothing
    check_dir_target(tmp_path / "absent")
    (tmp_path / "d").mkdir()
    check_dir_target(tmp_path / "d")  # an empty directory loses nothing
    with pytest.raises(InputError, match="is a directory"):
        check_file_target(tmp_path / "d")


def test_replace_dir_keeps_the_old_folder_when_filling_fails(tmp_path):
    target = tmp_path / "out"
    target.mkdir()
    (target / "keep.txt").write_text("old", encoding="utf-8")

    def fail(tmp):
        tmp.mkdir()
        (tmp / "half").write_text("x", encoding="utf-8")
        raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        replace_dir(target, fail)
    assert (target / "keep.txt").read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left


def test_write_atomic_removes_its_temporary_file_on_failure(tmp_path, monkeypatch):
    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(InputError, match="out.json: cannot write \\(permission denied\\)"):
        write_atomic(tmp_path / "out.json", "{}")
    assert list(tmp_path.iterdir()) == []


def test_model_folders_the_benchmark_built_may_be_replaced(tmp_path):
    from benchmark.e5.paths import check_replaceable

    built = tmp_path / "model"
    built.mkdir()
    (built / "training.json").write_text("{}", encoding="utf-8")
    check_replaceable(built)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "x").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="did not build"):
        check_replaceable(tmp_path / "other")


def test_fetch_leaves_a_changed_text_alone_without_force(tmp_path, monkeypatch):
    from benchmark.corpora.news import fetch_corpus, read_manifest

    entry = read_manifest()[0]
    (tmp_path / entry.file).write_text("my own edits", encoding="utf-8")

    def offline(url: str) -> bytes:
        raise OSError("network unreachable")

    _, problems = fetch_corpus(tmp_path, offline)
    assert any(p.startswith(f"{tmp_path / entry.file}: exists and differs") for p in problems)
    assert (tmp_path / entry.file).read_text(encoding="utf-8") == "my own edits"
    _, problems = fetch_corpus(tmp_path, offline, force=True)  # with force it is fetched (and fails here)
    assert any(p.startswith(f"{entry.file}: could not fetch") for p in problems)


def test_write_atomic_keeps_symlinks_and_writes_pipes_in_place(tmp_path):
    import stat
    import threading

    target = tmp_path / "real.txt"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a pipe, not replaced by a file


def test_bench_alone_still_shows_the_help():
    result = CliRunner().invoke(cli, [])
    assert "Usage: bench" in result.output or "Usage: cli" in result.output
    assert "Commands:" in result.output  # the full help, not squeezed into one error line
