"""Never trust stored numbers; cache keys cover every input; gold is validated
wherever it is read (issue 9 items 1-3, issue 13 items 2 and 5 for the leaderboard).

Every command is run through benchmark.cli.main, as a user runs it, and must
end with one `error: ...` line and its exit code.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from benchmark import cli

from .conftest import ROOT, SHARED
from .records_fixtures import (
    N_RESAMPLES,
    gold_predictions,
    install_as_seed,
    make_record,
    synthetic_corpus,
    without,
    write_record,
)

CORPUS = synthetic_corpus()
PERFECT = gold_predictions(CORPUS)
MINUS_ONE = without(PERFECT, "synth-1", "بنك الخليج")


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    """A private cache (predictions and re-scores) for every test."""
    monkeypatch.setenv("BENCH_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def bench(capsys, *args) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `bench ARGS`."""
    code = 0
    try:
        cli.main([str(a) for a in args])
    except SystemExit as exit_info:
        code = exit_info.code if isinstance(exit_info.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def one_error(capsys, code: int, *args) -> str:
    got, out, err = bench(capsys, *args)
    assert got == code, (out, err)
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    return lines[0]


# --- 1. stored metrics are recomputed, never trusted -----------------------------------


def edited(path: Path, target: Path, edit) -> Path:
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")  # NaN/Infinity as JSON allows
    return target


def set_f1(value):
    def edit(data):
        data["metrics"]["seqeval_strict"]["overall"]["f1"] = value

    return edit


def test_hand_edited_metric_is_refused_by_check_compare_leaderboard_report(capsys, tmp_path):
    record = ROOT / "results" / "gazetteer+money-rules.json"
    assert (
        round(json.loads(record.read_text(encoding="utf-8"))["metrics"]["seqeval_strict"]["overall"]["f1"], 3) == 0.957
    )
    fake = edited(record, tmp_path / "results" / "fake.json", set_f1(0.999))
    other = ROOT / "results" / "money-rules.json"

    for args in (
        ["check", "--baseline", other, "--candidate", fake],
        ["check", "--baseline", fake, "--candidate", other],
        ["compare", other, fake],
        ["report", fake, "-o", tmp_path / "r.html"],
        ["leaderboard", "--results", tmp_path / "results"],
    ):
        line = one_error(capsys, 2, *args)
        assert (
            "fake.json: metrics.seqeval_strict.overall.f1 is 0.999, but its stored predictions score 0.956522" in line
        ), (args, line)
    assert not (tmp_path / "r.html").exists()

    # The untouched record still passes, from its re-scored numbers.
    code, out, _ = bench(capsys, "check", "--baseline", record, "--candidate", record)
    assert code == 0 and out.startswith("OK: seqeval_strict micro F1 0.957 -> 0.957")


@pytest.mark.parametrize(
    "value, shown", [(math.nan, "nan"), (math.inf, "inf"), (-math.inf, "-inf"), ("0.999", "'0.999'")]
)
def test_nan_infinity_and_strings_are_refused(capsys, tmp_path, value, shown):
    record = ROOT / "results" / "money-rules.json"
    bad = edited(record, tmp_path / "results" / "bad.json", set_f1(value))
    for args in (
        ["check", "--baseline", record, "--candidate", bad],
        ["compare", record, bad],
        ["leaderboard", "--results", tmp_path / "results"],
        ["report", bad, "-o", tmp_path / "r.html"],
    ):
        line = one_error(capsys, 2, *args)
        assert f"bad.json: metrics.seqeval_strict.overall.f1 is {shown}" in line, (args, line)


def test_a_record_made_without_resamples_is_rescored_as_made(capsys, tmp_path, monkeypatch):
    install_as_seed(tmp_path, CORPUS)
    monkeypatch.setenv("BENCH_HOME", str(tmp_path))
    path = write_record(tmp_path / "results", make_record(CORPUS, PERFECT, "perfect", n_resamples=0))
    code, out, err = bench(capsys, "check", "--baseline", path, "--candidate", path)
    assert code == 0 and out.startswith("OK: "), err
    huge = edited(
        path, tmp_path / "huge.json", lambda d: d["metrics"]["seqeval_strict"]["ci95"].update(n_resamples=10**9)
    )
    line = one_error(capsys, 2, "check", "--baseline", path, "--candidate", huge)
    assert "huge.json: metrics.seqeval_strict.ci95 has n_resamples 1000000000" in line


def test_non_finite_number_deep_in_metrics_is_refused(capsys, tmp_path):
    record = ROOT / "results" / "money-rules.json"

    def edit(data):
        data["metrics"]["money_values"]["accuracy"] = math.nan

    bad = edited(record, tmp_path / "results" / "bad.json", edit)
    line = one_error(capsys, 2, "leaderboard", "--results", bad.parent)
    assert "bad.json: metrics.money_values.accuracy is nan" in line


def test_recomputation_is_cached_and_the_cache_is_keyed(capsys, tmp_path, cache):
    results = tmp_path / "results"
    shutil.copy(ROOT / "results" / "money-rules.json", results.mkdir() or results / "money-rules.json")
    code, first, _ = bench(capsys, "leaderboard", "--results", results, "--format", "json")
    assert code == 0
    entries = sorted((cache / "scores").glob("*.json"))
    assert len(entries) == 1
    # A cache entry is only used under its own key: one edited to claim other metrics is ignored.
    entry = json.loads(entries[0].read_text(encoding="utf-8"))
    entry["value"]["seqeval_strict"]["overall"]["f1"] = 0.5
    entries[0].write_text(json.dumps(entry), encoding="utf-8")
    line = one_error(capsys, 2, "leaderboard", "--results", results)
    assert (
        "money-rules.json: metrics.seqeval_strict.overall.f1 is" in line
    )  # the poisoned entry disagrees: refused, never ranked
    shutil.rmtree(cache / "scores")  # safe to delete
    code, again, _ = bench(capsys, "leaderboard", "--results", results, "--format", "json")
    assert code == 0 and json.loads(again)["sections"] == json.loads(first)["sections"]


# --- 2. cache keys cover everything that decides predictions ------------------------------


def _user_package(root: Path, name: str, label: str) -> None:
    package = root / name
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "helpers.py").write_text(f"LABEL = {label!r}\n", encoding="utf-8")
    (package / "extract.py").write_text(
        textwrap.dedent("""
        from .helpers import LABEL

        def extract(text):
            start = text.find("كازاخستان")
            return [(start, start + len("كازاخستان"), LABEL)] if start >= 0 else []
    """),
        encoding="utf-8",
    )


def _run_in(cwd: Path, cache: Path, *args) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "BENCH_CACHE": str(cache), "PYTHONPATH": str(ROOT), "HOME": str(cwd)}
    return subprocess.run(
        [sys.executable, "-m", "benchmark.cli", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_editing_a_helper_module_of_a_user_package_invalidates_the_cache(tmp_path, cache):
    _user_package(tmp_path, "trust_pkg", "LOC")
    first = _run_in(
        tmp_path,
        cache,
        "run",
        "--model",
        "trust_pkg.extract:extract",
        "-o",
        tmp_path / "a.json",
        "--resamples",
        "20",
        "--format",
        "json",
    )
    assert first.returncode == 0, first.stderr
    (tmp_path / "trust_pkg" / "helpers.py").write_text("LABEL = 'ORG'\n", encoding="utf-8")  # only the helper changes
    second = _run_in(
        tmp_path,
        cache,
        "run",
        "--model",
        "trust_pkg.extract:extract",
        "-o",
        tmp_path / "b.json",
        "--resamples",
        "20",
        "--format",
        "json",
    )
    assert second.returncode == 0, second.stderr
    a, b = (json.loads((tmp_path / f"{n}.json").read_text(encoding="utf-8")) for n in "ab")
    assert a["timing"]["prediction_cache"] == "miss" and b["timing"]["prediction_cache"] == "miss"
    labels = {
        r: {s["label"] for spans in rec["predictions"].values() for s in spans} for r, rec in (("a", a), ("b", b))
    }
    assert labels == {"a": {"LOC"}, "b": {"ORG"}}
    third = _run_in(
        tmp_path,
        cache,
        "run",
        "--model",
        "trust_pkg.extract:extract",
        "-o",
        tmp_path / "c.json",
        "--resamples",
        "20",
        "--format",
        "json",
    )
    c = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert third.returncode == 0 and c["timing"]["prediction_cache"] == "hit"  # unchanged code: reused
    assert c["inference"]["cache"] == "hit"


def test_a_top_level_helper_imported_earlier_is_still_in_the_key(tmp_path, monkeypatch):
    from benchmark.extractors.harness import CallableExtractor

    (tmp_path / "trust_top_helper.py").write_text("LABEL = 'LOC'\n", encoding="utf-8")
    (tmp_path / "trust_top_extract.py").write_text(
        "from trust_top_helper import LABEL\n\ndef extract(text):\n    return []\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    import trust_top_helper  # noqa: F401  imported before the extractor, as a test suite may do

    extractor = CallableExtractor("trust_top_extract:extract")
    before = extractor.code_revision()
    (tmp_path / "trust_top_helper.py").write_text("LABEL = 'ORG'\n", encoding="utf-8")
    assert extractor.code_revision() != before


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory):
    pytest.importorskip("transformers")
    from .tiny_models import build_tiny_bert

    return build_tiny_bert(tmp_path_factory.mktemp("trust_models") / "bert")


def _local_model_key(directory: Path) -> dict:
    from benchmark.extractors.cards import resolve
    from benchmark.extractors.harness import build_extractor
    from benchmark.extractors.prediction_inputs import prediction_inputs

    card = resolve(str(directory))
    return prediction_inputs(card, build_extractor(card, {"device": "cpu", "progress": False}))


@pytest.mark.parametrize("edit", ["config id2label", "tokenizer file"])
def test_local_model_key_covers_config_and_tokenizer(tiny_bert, tmp_path, edit):
    model = tmp_path / "model"
    shutil.copytree(tiny_bert, model)
    before = _local_model_key(model)
    if edit == "config id2label":
        config = json.loads((model / "config.json").read_text(encoding="utf-8"))
        first = sorted(config["id2label"])[1]
        config["id2label"][first] = "B-ORG" if config["id2label"][first] != "B-ORG" else "B-LOC"
        (model / "config.json").write_text(json.dumps(config), encoding="utf-8")
    else:
        tokenizer_file = next(p for p in sorted(model.iterdir()) if p.name.startswith(("vocab", "tokenizer")))
        tokenizer_file.write_bytes(tokenizer_file.read_bytes() + b"\n")
    after = _local_model_key(model)
    assert before["files"] != after["files"]


def test_cache_hit_keeps_the_inference_stats(tiny_bert, tmp_path, capsys):
    out = [tmp_path / "a.json", tmp_path / "b.json"]
    for path in out:
        code, _, err = bench(
            capsys, "run", "--model", tiny_bert, "-o", path, "--resamples", "20", "--device", "cpu", "--format", "json"
        )
        assert code == 0, err
    a, b = (json.loads(p.read_text(encoding="utf-8")) for p in out)
    assert (a["timing"]["prediction_cache"], b["timing"]["prediction_cache"]) == ("miss", "hit")
    assert a["inference"]["windows"] >= 1 and a["inference"]["cache"] == "miss"
    assert b["inference"] == {**a["inference"], "cache": "hit"}


def test_check_model_runs_without_the_cache_unless_told(capsys, tmp_path, monkeypatch, cache):
    _user_package(tmp_path, "trust_gate_pkg", "LOC")
    monkeypatch.chdir(tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    baseline = tmp_path / "base.json"
    code, _, err = bench(
        capsys, "run", "--model", "trust_gate_pkg.extract:extract", "-o", baseline, "--resamples", "20"
    )
    assert code == 0, err
    # Poison the cached predictions: a gate that reads the cache would now see a drop.
    [entry] = (cache / "predictions").glob("*.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["predictions"] = {doc: [] for doc in data["predictions"]}
    entry.write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = bench(capsys, "check", "--baseline", baseline, "--model", "trust_gate_pkg.extract:extract")
    assert code == 0 and out.startswith("OK: ")  # ran the code, not the cache
    code, out, _ = bench(
        capsys, "check", "--baseline", baseline, "--model", "trust_gate_pkg.extract:extract", "--use-cache"
    )
    assert code == 1 and out.startswith("REGRESSION: ")  # told to use the cache: it did


# --- 3. gold validated wherever it is read -----------------------------------------------------


@pytest.fixture
def home(tmp_path, monkeypatch):
    install_as_seed(tmp_path, CORPUS)
    (tmp_path / "models").mkdir()
    shutil.copy(ROOT / "models" / "money-rules.toml", tmp_path / "models")  # cards resolve inside models/ only
    monkeypatch.setenv("BENCH_HOME", str(tmp_path))
    monkeypatch.delenv("BENCH_NEWS_DIR", raising=False)
    write_record(tmp_path / "results", make_record(CORPUS, PERFECT, "perfect"))
    write_record(tmp_path / "results", make_record(CORPUS, MINUS_ONE, "minus-one"))
    return tmp_path


def _edit_seed_text(home: Path) -> None:
    path = home / "seeds" / "synth-1.txt"
    path.write_text(path.read_text(encoding="utf-8") + " ", encoding="utf-8", newline="")


def _wrong_hash(home: Path) -> None:
    path = home / "annotations" / "synth-2.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["text_sha256"] = "0" * 64
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _overlap(home: Path) -> None:
    path = home / "annotations" / "synth-3.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    first = data["spans"][0]
    data["spans"].append({**first, "end": first["end"], "start": first["start"]})  # the same extent twice
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize(
    "corrupt", [_edit_seed_text, _wrong_hash, _overlap], ids=["edited text", "wrong hash", "overlap"]
)
def test_gold_that_validate_rejects_is_refused_everywhere(capsys, home, corrupt, cache):
    assert bench(capsys, "leaderboard", "--n-resamples", N_RESAMPLES)[0] == 0  # valid gold, remembered in the cache
    assert list((cache / "gold").glob("*.json"))
    corrupt(home)  # ... which must not vouch for the edited gold
    code, out, _ = bench(capsys, "validate")
    assert code == 1
    expected = out.strip().splitlines()[0]  # bench validate's own message
    results = home / "results"
    for args in (
        ["run", "--model", "money-rules", "-o", home / "new.json", "--resamples", "20"],
        ["score", results / "perfect.json"],
        ["check", "--baseline", results / "perfect.json", "--candidate", results / "minus-one.json"],
        ["compare", results / "perfect.json", results / "minus-one.json"],
        ["leaderboard"],
        ["report", results / "perfect.json", "-o", home / "r.html"],
    ):
        line = one_error(capsys, 1, *args)
        assert line.startswith(f"error: {expected}"), (args, line, expected)
    assert not (home / "new.json").exists() and not (home / "r.html").exists()


@pytest.mark.parametrize("content", ["", "\n\n", "-DOCSTART- O\n\n"], ids=["empty", "blank lines", "docstart only"])
def test_empty_conll_corpus_is_refused(capsys, tmp_path, content):
    path = tmp_path / "empty.conll"
    path.write_text(content, encoding="utf-8")
    line = one_error(capsys, 2, "run", "--model", "money-rules", "--corpus", f"conll:{path}", "-o", tmp_path / "x.json")
    assert "empty.conll: no tokens" in line
    assert not (tmp_path / "x.json").exists()


# --- 4. the README block: re-scored on every corpus, or untouched ------------------------------


def _clean_copy(target: Path) -> Path:
    """The tracked files of this checkout, as a fresh clone has them."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in listed.decode("utf-8").split("\0"):
        if name and (ROOT / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target / name)
    return target


@pytest.fixture
def clean_copy(tmp_path, monkeypatch):
    copy = _clean_copy(tmp_path / "clone")
    monkeypatch.setenv("BENCH_HOME", str(copy))
    monkeypatch.chdir(copy)
    return copy


def test_readme_is_left_untouched_when_a_corpus_cannot_be_rescored(capsys, clean_copy, monkeypatch):
    monkeypatch.delenv("BENCH_NEWS_DIR", raising=False)
    monkeypatch.delenv("BENCH_DATA", raising=False)
    readme = clean_copy / "README.md"
    before = readme.read_bytes()
    line = one_error(capsys, 2, "leaderboard", "--readme", readme)
    assert "not rewritten" in line and "BENCH_NEWS_DIR" in line and "bench data fetch anercorp" in line, line
    assert readme.read_bytes() == before
    # The terminal view still shows those records, unranked and marked.
    code, out, _ = bench(capsys, "leaderboard", "--format", "markdown")
    assert code == 0
    assert "**Corpus news-test: not re-scored here (stored numbers, unranked" in out
    assert "**Corpus conll:ANERCorp_CamelSplit_test_reconstructed.txt: not re-scored here" in out
    news = out[out.index("**Corpus news-test: not re-scored") :]
    news = news[: news.index("\n\n_")]
    assert "| — | " in news and "| 1 | " not in news and "| =" not in news
    assert "**Corpus seed (gold sha256" in out and "| 1 | gazetteer+money-rules" in out


def test_readme_rewrite_is_idempotent_with_every_corpus(capsys, clean_copy, monkeypatch):
    news = Path(os.environ.get("BENCH_NEWS_DIR") or SHARED / "corpus" / "articles")
    data = Path(os.environ.get("BENCH_DATA") or SHARED / "data")
    if not (news.is_dir() and (data / "anercorp" / "ANERCorp_CamelSplit_test_reconstructed.txt").is_file()):
        pytest.skip("the news texts and ANERcorp are not beside this checkout")
    monkeypatch.setenv("BENCH_NEWS_DIR", str(news))
    monkeypatch.setenv("BENCH_DATA", str(data))
    readme = clean_copy / "README.md"
    code, out, err = bench(capsys, "leaderboard", "--readme", readme)
    assert code == 0, err
    assert "leaderboard updated" in out or "leaderboard unchanged" in out
    written = readme.read_bytes()
    code, out, _ = bench(capsys, "leaderboard", "--readme", readme)
    assert code == 0 and "leaderboard unchanged" in out and "updated" not in out
    assert readme.read_bytes() == written


# --- 5. records from a dirty tree are marked ----------------------------------------------------


@pytest.mark.parametrize(
    "environment",
    [{"git_commit": "abc", "git_dirty": True}, {"git_commit": "abc-dirty"}],
    ids=["git_dirty", "old -dirty suffix"],
)
def test_dirty_records_are_marked(capsys, home, environment):
    path = home / "results" / "minus-one.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["environment"].update(environment)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = bench(capsys, "leaderboard", "--format", "markdown", "--n-resamples", N_RESAMPLES)
    assert code == 0
    assert "| minus-one † |" in out and "| perfect |" in out
    assert "† run from a working tree with uncommitted changes" in out
    code, out, _ = bench(capsys, "leaderboard", "--format", "json", "--n-resamples", N_RESAMPLES)
    rows = {r["model"]: r["git_dirty"] for r in json.loads(out)["sections"][0]["rows"]}
    assert rows == {"perfect": False, "minus-one": True}
