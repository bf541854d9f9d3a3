"""Each optional extra is named where it is needed: with the module made
unimportable, the command ends with one line naming the `pip install` to run
(exit 2), never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from benchmark.cli import main
from benchmark.errors import EXTRAS

from .conftest import ROOT


def run_without(monkeypatch, capsys, modules: tuple[str, ...], args: list[str]) -> tuple[int, str]:
    for module in modules:
        monkeypatch.setitem(sys.modules, module, None)  # `import module` now raises ImportError
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    return int(exit_info.value.code or 0), capsys.readouterr().err


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("BENCH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


@pytest.mark.parametrize("model", ["camelbert-msa-ner", "camelbert-msa-ner+money-rules", "some-org/some-ner-model"])
def test_run_with_a_transformers_model_needs_the_models_extra(monkeypatch, capsys, model):
    code, err = run_without(monkeypatch, capsys, ("transformers",), ["run", "--model", model])
    assert code == 2
    assert err.startswith("error: model ")
    assert f"needs the `models` extra (transformers is not installed): run {EXTRAS['models']}" in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_export_hf_needs_the_models_extra(monkeypatch, capsys, tmp_path):
    code, err = run_without(monkeypatch, capsys, ("datasets",), ["export", "--format", "hf", str(tmp_path / "hf")])
    assert code == 2
    assert err == (
        f"error: bench export --format hf needs the `models` extra (datasets is not installed): "
        f"run {EXTRAS['models']}\n"
    )
    assert not (tmp_path / "hf").exists()


@pytest.mark.parametrize("module", ["torch", "transformers", "safetensors"])
def test_train_needs_the_models_extra(monkeypatch, capsys, tmp_path, module):
    train_file = tmp_path / "train.txt"
    train_file.write_text("عمان B-LOC\n. O\n\n", encoding="utf-8")
    code, err = run_without(
        monkeypatch,
        capsys,
        (module,),
        ["train", "e5-small-anercorp", "--train-file", str(train_file), "--out", str(tmp_path / "m")],
    )
    assert code == 2
    assert err == f"error: bench train needs the `models` extra ({module} is not installed): run {EXTRAS['models']}\n"
    assert not (tmp_path / "m").exists()


def test_train_without_data_says_how_to_get_it(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("BENCH_DATA", str(tmp_path / "data"))
    with pytest.raises(SystemExit) as exit_info:
        main(["train", "e5-small-anercorp"])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert "ANERCorp_CamelSplit_train_reconstructed.txt: not found (ANERcorp, CAMeL split); " in err
    assert "`bench data fetch anercorp` writes it to" in err and err.count("\n") == 1


BLOCKER = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {'transformers', 'torch'}:
            raise ImportError(f'No module named {name!r}', name=name)
sys.meta_path.insert(0, Block())
from benchmark.cli import main
main(sys.argv[1:])
"""


def test_a_real_process_without_torch_gets_one_line(tmp_path):
    """The same through a fresh interpreter whose import system refuses torch and transformers."""
    env = {**os.environ, "BENCH_CACHE": str(tmp_path / "cache"), "HF_HUB_OFFLINE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", BLOCKER, "run", "--model", "camelbert-msa-ner"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        f"error: model 'camelbert-msa-ner' needs the `models` extra (torch is not installed): run {EXTRAS['models']}\n"
    )


def test_rules_run_in_a_process_without_torch(tmp_path):
    env = {**os.environ, "BENCH_CACHE": str(tmp_path / "cache")}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            BLOCKER,
            "run",
            "--model",
            "gazetteer+money-rules",
            "--output",
            str(tmp_path / "r.json"),
            "--resamples",
            "10",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "r.json").is_file()


def test_the_readme_lists_every_extra_with_its_install():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Extras") :]
    section = section[: section.index("\n## ", 4)]
    for extra in ("core", "models", "e5", "llm", "test"):
        assert f"| `{extra}` |" in section, extra
    for install in EXTRAS.values():
        assert install.replace("pip install -e ", "") in section, install
