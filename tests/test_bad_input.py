"""The bad-input battery: every class of bad or hostile input `bench` refuses.

Each case sets up one bad input in a private project copy (BENCH_HOME) and
runs the CLI. It must exit with the documented code (1: the data is wrong, 2:
unusable input or environment), print exactly ONE line on stderr (`error:
...`) naming the thing at fault, print no traceback, and leave every file as it
was: nothing half-written, nothing overwritten, no temporary file behind.
README.md "What bench refuses" lists the same classes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmark.cli import cli

from .conftest import ROOT

SEED_TEXT = next((ROOT / "seeds").glob("*.txt"))
FIRST_MENTION = "الولايات المتحدة"  # the seed text's first LOC


@pytest.fixture
def home(tmp_path, monkeypatch, tmp_path_factory):
    """A copy of the project's data (seeds, annotations, models) as BENCH_HOME."""
    home = tmp_path / "home"
    for name in ("seeds", "annotations", "models"):
        shutil.copytree(ROOT / name, home / name)
    (home / "results").mkdir()
    monkeypatch.setenv("BENCH_HOME", str(home))
    monkeypatch.setenv("BENCH_CACHE", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.syspath_prepend(str(tmp_path))  # user extractor modules written by a case
    return home


def _snapshot(directory: Path) -> dict[str, str]:
    files = {}
    for path in sorted(directory.rglob("*")):
        if path.is_file():
            files[str(path.relative_to(directory))] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir():
            files[str(path.relative_to(directory)) + "/"] = ""
    return files


def _write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _extractor(tmp: Path, name: str, body: str) -> str:
    _write(tmp / f"{name}.py", body)
    sys.modules.pop(name, None)
    return f"{name}:extract"


def _record(home: Path, ci95=None, **metric_overrides) -> Path:
    """The committed seed run record of the gazetteer, with overall metrics edited."""
    data = json.loads((ROOT / "results" / "gazetteer.json").read_text(encoding="utf-8"))
    data["metrics"]["seqeval_strict"]["overall"].update(metric_overrides)
    if ci95 is not None:
        data["metrics"]["seqeval_strict"]["ci95"] = ci95
    return _write(home.parent / "edited.json", json.dumps(data, ensure_ascii=False))


def _mentions(tmp: Path, text: str | bytes) -> list[str]:
    mentions = _write(tmp / "m.tsv", text)
    return ["annotate", str(SEED_TEXT), str(mentions), "-o", str(tmp / "out.json")]


def _news_with_a_directory(tmp: Path) -> list[str]:
    source = Path(os.environ.get("BENCH_NEWS_DIR") or "/nonexistent")
    if not source.is_dir():
        pytest.skip("the news texts are not available (BENCH_NEWS_DIR)")
    news = tmp / "news"
    news.mkdir()
    texts = sorted(source.glob("*.txt"))
    for text in texts[1:]:
        (news / text.name).symlink_to(text)
    (news / texts[0].name).mkdir()  # the text replaced by a directory
    return [
        "run",
        "--model",
        "money-rules",
        "--corpus",
        "news",
        "--split",
        "all",
        "--corpus-dir",
        str(news),
        "-o",
        str(tmp / "out.json"),
    ]


def _no_models_extra(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "transformers", None)  # `import transformers` now raises ImportError


# (id, setup(tmp, home, monkeypatch) -> CLI args, exit code, fragments the one line must hold)
Case = tuple[str, Callable, int, tuple[str, ...]]
CASES: list[Case] = [
    # --- files that cannot be read
    (
        "mentions-not-utf8",
        lambda t, h, m: _mentions(t, "LOC\t\xe9t\xe9\n".encode("latin-1")),
        2,
        ("m.tsv", "not valid UTF-8"),
    ),
    (
        "text-not-utf8",
        lambda t, h, m: [
            "annotate",
            str(_write(t / "doc.txt", "caf\xe9".encode("latin-1"))),
            str(_write(t / "m.tsv", "LOC\tx\n")),
            "-o",
            str(t / "out.json"),
        ],
        2,
        ("doc.txt", "not valid UTF-8"),
    ),
    (
        "annotation-not-utf8",
        lambda t, h, m: [
            _write(next((h / "annotations").glob("*.json")), b'{"spans": [\xff]}') and "run",
            "--model",
            "money-rules",
            "-o",
            str(t / "out.json"),
        ],
        2,
        (".json", "not valid UTF-8"),
    ),
    ("news-text-is-a-directory", lambda t, h, m: _news_with_a_directory(t), 2, ("is a directory",)),
    (
        "conll-empty-path",
        lambda t, h, m: ["run", "--corpus", "conll:", "-o", str(t / "out.json")],
        2,
        ("conll:PATH needs the path",),
    ),
    (
        "conll-directory",
        lambda t, h, m: ["run", "--corpus", f"conll:{t}", "-o", str(t / "out.json")],
        2,
        ("is a directory",),
    ),
    (
        "conlleval-malformed",
        lambda t, h, m: ["conlleval", str(_write(t / "bad.conll", "شركة O\n"))],
        1,
        ("bad.conll:1", "expected 3 columns"),
    ),
    # --- a user's extractor
    (
        "extractor-raises",
        lambda t, h, m: [
            "run",
            "--model",
            _extractor(t, "ext_raises", ("def extract(text):\n    raise RuntimeError('boom')\n")),
            "-o",
            str(t / "out.json"),
        ],
        2,
        ("ext_raises:extract", "raised on document", "RuntimeError: boom"),
    ),
    (
        "extractor-returns-none",
        lambda t, h, m: [
            "run",
            "--model",
            _extractor(t, "ext_none", ("def extract(text):\n    return None\n")),
            "-o",
            str(t / "out.json"),
        ],
        2,
        ("ext_none:extract", "returned NoneType for document"),
    ),
    (
        "extractor-returns-wrong-types",
        lambda t, h, m: [
            "run",
            "--model",
            _extractor(t, "ext_ints", ("def extract(text):\n    return [1, 2]\n")),
            "-o",
            str(t / "out.json"),
        ],
        2,
        ("ext_ints:extract", "expected a Span"),
    ),
    (
        "extractor-module-fails-to-import",
        lambda t, h, m: [
            "run",
            "--model",
            _extractor(t, "ext_syntax", ("def extract(text)\n    return []\n")),
            "-o",
            str(t / "out.json"),
        ],
        2,
        ("ext_syntax:extract", "SyntaxError"),
    ),
    # --- models and cards
    (
        "card-outside-models-relative",
        lambda t, h, m: [
            _write(h / "somewhere" / "card.toml", 'kind = "rules"\nextractor = "os:getcwd"\n') and "run",
            "--model",
            "../somewhere/card",
            "-o",
            str(t / "out.json"),
        ],
        2,
        ("cards resolve only inside models/",),
    ),
    (
        "card-file-outside-models",
        lambda t, h, m: [
            "run",
            "--model",
            str(_write(t / "card.toml", 'kind = "rules"\nextractor = "os:getcwd"\n')),
            "-o",
            str(t / "out.json"),
        ],
        2,
        ("card.toml", "cards resolve only inside models/"),
    ),
    (
        "card-key-of-the-wrong-type",
        lambda t, h, m: [
            _write(h / "models" / "typed.toml", 'kind = "transformers"\nsource = "a/b"\ninference = "fast"\n')
            and "run",
            "--model",
            "typed",
            "-o",
            str(t / "out.json"),
        ],
        2,
        ("typed.toml", "`inference` must be a table"),
    ),
    (
        "card-not-utf8",
        lambda t, h, m: [
            _write(h / "models" / "latin.toml", 'name = "caf\xe9"\n'.encode("latin-1")) and "run",
            "--model",
            "latin",
            "-o",
            str(t / "out.json"),
        ],
        2,
        ("latin.toml", "not valid UTF-8"),
    ),
    (
        "model-name-typo",
        lambda t, h, m: ["run", "--model", "gazeteer", "-o", str(t / "out.json")],
        2,
        ("gazeteer", "did you mean gazetteer?"),
    ),
    (
        "hub-id-without-models-extra",
        lambda t, h, m: _no_models_extra(m) or ["run", "--model", "some-org/some-model", "-o", str(t / "out.json")],
        2,
        ("some-org/some-model", "`models` extra", "pip install -e '.[models]'"),
    ),
    # --- records that cannot be trusted
    (
        "record-metric-is-a-string",
        lambda t, h, m: ["check", "--baseline", str(_record(h, f1="0.99")), "--candidate", str(_record(h, f1="0.99"))],
        2,
        ("edited.json", "metrics.seqeval_strict.overall.f1", "not a finite number"),
    ),
    (
        "record-metric-is-nan",
        lambda t, h, m: ["report", str(_record(h, f1=float("nan")))],
        2,
        ("edited.json", "metrics.seqeval_strict.overall.f1"),
    ),
    (
        "record-block-not-an-object",
        lambda t, h, m: ["score", str(_record(h, ci95="wide"))],
        2,
        ("edited.json", "metrics.seqeval_strict.ci95 must be an object"),
    ),
    # --- bench annotate refuses what bench validate refuses
    (
        "annotate-unknown-label",
        lambda t, h, m: _mentions(t, f"PER\t{FIRST_MENTION}\n"),
        1,
        ("m.tsv: line 1", "unknown label 'PER'"),
    ),
    (
        "annotate-lower-case-label",
        lambda t, h, m: _mentions(t, f"loc\t{FIRST_MENTION}\n"),
        1,
        ("m.tsv: line 1", "unknown label 'loc'"),
    ),
    (
        "annotate-bom-before-label",
        lambda t, h, m: _mentions(t, f"\ufeffLOC\t{FIRST_MENTION}\n"),
        1,
        ("m.tsv: line 1", "byte-order mark"),
    ),
    (
        "annotate-negative-pin",
        lambda t, h, m: _mentions(t, f"LOC\t{FIRST_MENTION}\t-6\n"),
        1,
        ("m.tsv: line 1", "offset -6 is outside the text"),
    ),
    (
        "annotate-pin-past-the-end",
        lambda t, h, m: _mentions(t, f"LOC\t{FIRST_MENTION}\t999999\n"),
        1,
        ("m.tsv: line 1", "offset 999999"),
    ),
    (
        "annotate-overlap",
        lambda t, h, m: _mentions(t, f"LOC\t{FIRST_MENTION}\nLOC\tالمتحدة\t10\n"),
        1,
        ("m.tsv: line 2", "overlaps the mention on line 1"),
    ),
    (
        "annotate-bad-value",
        lambda t, h, m: _mentions(t, f"MONEY\t{FIRST_MENTION}\t\tmany\n"),
        1,
        ("m.tsv: line 1", "value 'many'"),
    ),
    # --- no data loss
    (
        "export-hf-over-a-directory",
        lambda t, h, m: [_write(t / "keep" / "notes.txt", "mine") and "export", "--format", "hf", str(t / "keep")],
        2,
        ("keep", "non-empty directory", "--force"),
    ),
    (
        "export-conll-over-a-file",
        lambda t, h, m: ["export", "--format", "conll", str(_write(t / "notes.txt", "mine"))],
        2,
        ("notes.txt", "--force"),
    ),
    (
        "run-output-over-a-file",
        lambda t, h, m: ["run", "--model", "money-rules", "-o", str(_write(t / "notes.json", '{"mine": 1}'))],
        2,
        ("notes.json", "not a run record"),
    ),
    (
        "score-output-over-a-file",
        lambda t, h, m: [
            "score",
            str(ROOT / "results" / "gazetteer.json"),
            "-o",
            str(_write(t / "notes.json", "mine")),
        ],
        2,
        ("notes.json", "--force"),
    ),
    (
        "annotate-output-over-a-file",
        lambda t, h, m: [
            "annotate",
            str(SEED_TEXT),
            str(_write(t / "m.tsv", f"LOC\t{FIRST_MENTION}\n")),
            "-o",
            str(_write(t / "notes.json", "mine")),
        ],
        2,
        ("notes.json", "--force"),
    ),
    (
        "leaderboard-output-over-a-file",
        lambda t, h, m: ["leaderboard", "--format", "csv", "-o", str(_write(t / "notes.csv", "mine"))],
        2,
        ("notes.csv", "--force"),
    ),
    (
        "train-out-over-a-foreign-directory",
        lambda t, h, m: [
            _write(t / "keep" / "notes.txt", "mine") and "train",
            "e5-small-anercorp",
            "--train-file",
            str(_write(t / "train.txt", "x O\n")),
            "--out",
            str(t / "keep"),
        ],
        2,
        ("keep", "did not build"),
    ),
    (
        "output-under-a-file",
        lambda t, h, m: ["run", "--model", "money-rules", "-o", str(_write(t / "file", "x") / "out.json")],
        2,
        ("out.json", "cannot write"),
    ),
    # --- options
    ("batch-size-zero", lambda t, h, m: ["run", "--batch-size", "0"], 2, ("--batch-size", "x>=1")),
    ("negative-resamples", lambda t, h, m: ["run", "--resamples", "-1"], 2, ("--resamples",)),
    ("max-length-too-small", lambda t, h, m: ["run", "--max-length", "2"], 2, ("--max-length",)),
    ("negative-seed", lambda t, h, m: ["run", "--seed", "-1"], 2, ("--seed",)),
    (
        "split-without-splits",
        lambda t, h, m: ["run", "--split", "dev", "-o", str(t / "out.json")],
        2,
        ("--split dev", "has no splits"),
    ),
    (
        "max-drop-nan",
        lambda t, h, m: [
            "check",
            "--baseline",
            str(ROOT / "results" / "gazetteer.json"),
            "--candidate",
            str(ROOT / "results" / "gazetteer.json"),
            "--max-drop",
            "nan",
        ],
        2,
        ("--max-drop", "not a finite number"),
    ),
    ("unknown-option", lambda t, h, m: ["run", "--no-such-option"], 2, ("--no-such-option",)),
]


@pytest.mark.parametrize("setup, code, fragments", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_one_line_with_its_exit_code_and_leaves_no_file(
    home, tmp_path, monkeypatch, setup, code, fragments
):
    args = setup(tmp_path, home, monkeypatch)
    before = _snapshot(tmp_path)
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == code, (result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    after = _snapshot(tmp_path)
    assert after == before, f"files changed: {set(after.items()) ^ set(before.items())}"


def test_every_class_of_the_readme_has_a_case():
    """README.md "What bench refuses" names, in its last column, the battery
    cases of each class; every case is named there and every name is a case."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## What bench refuses", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|") and not line.startswith("|--")]
    cited = {name for row in rows[1:] for name in re.findall(r"`([a-z0-9-]+)`", row.rstrip(" |").rsplit("|", 1)[-1])}
    ids = {case[0] for case in CASES}
    assert cited == ids, (cited - ids, ids - cited)


def test_debug_shows_the_traceback_of_a_raising_extractor(home, tmp_path):
    from benchmark.cli import main
    from benchmark.errors import BenchError

    name = _extractor(tmp_path, "ext_debug", "def extract(text):\n    raise RuntimeError('boom')\n")
    with pytest.raises(BenchError) as info:
        main(["--debug", "run", "--model", name, "-o", str(tmp_path / "out.json")])
    causes = []
    error: BaseException | None = info.value
    while error is not None:
        causes.append(error)
        error = error.__cause__
    assert any(isinstance(c, RuntimeError) and str(c) == "boom" for c in causes)  # the user's traceback
