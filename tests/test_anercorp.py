"""ANERcorp rebuilt from its public sources (benchmark/corpora/anercorp.py, `bench data`),
offline: a fake fetcher serves the local copies of the two source files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmark.corpora import anercorp
from benchmark.corpora.anercorp import (
    CAMEL_TEST,
    ORIGINAL,
    SOURCES,
    TEST_FILE,
    TRAIN_FILE,
    fetch_anercorp,
    read_original,
    render,
    repair_line,
    verify_dir,
)
from benchmark.cli import main
from benchmark.corpora.documents import CorpusError
from benchmark.corpora.corpus import conll_path, load_corpus, portable_spec
from benchmark.errors import DataError, InputError

from .conftest import ROOT, shared_path


def run_cli(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    out = capsys.readouterr()
    return int(exit_info.value.code or 0), out.out, out.err


@pytest.fixture
def sources() -> dict[str, bytes]:
    """url -> the bytes of the local copy of that source."""
    directory = shared_path("data", "anercorp", "sources")
    return {s.url: (directory / s.name).read_bytes() for s in SOURCES}


@pytest.fixture
def data_env(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("BENCH_DATA", str(tmp_path / "data"))
    return tmp_path / "data" / "anercorp"


# --- the repair rules, each on its own line ----------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("فرانكفورت B-LOC", [("فرانكفورت", "B-LOC")]),
        ("O", []),  # a tag with an empty token
        (".O", [(".", "O")]),  # token and tag run together
        ("O عنوان</title>", []),  # an HTML remnant
        ("B-LOC عمان", [("عمان", "B-LOC")]),  # columns swapped
        (". Oالإصابة O", [(".", "O"), ("الإصابة", "O")]),  # two tokens on one line
        ("الأمن\u200f1706 \u200f I-ORG", [("الأمن\u200f1706", "I-ORG")]),  # first and last field
    ],
)
def test_repair_line(line, expected):
    assert repair_line(line.split()) == expected


def test_html_remnant_is_dropped_only_in_the_second_field():
    assert repair_line(["x", "y</title>"]) == []


def test_tag_typos_are_fixed_and_unknown_tags_rejected():
    assert read_original("أ B-ORF\nب IPERS\nج o\n".encode()) == [("أ", "B-ORG"), ("ب", "I-PERS"), ("ج", "O")]
    with pytest.raises(DataError, match="line 2: unknown tag 'B-FOO'"):
        read_original("أ O\nب B-FOO\n".encode())


def test_bom_and_blank_lines_are_ignored():
    assert read_original("\ufeffأ O\n\n  \nب O\n".encode()) == [("أ", "O"), ("ب", "O")]


def test_render_ends_sentences_after_each_full_stop():
    assert render([("أ", "O"), (".", "O"), ("ب", "B-LOC")]) == "أ O\n. O\n\nب B-LOC\n\n".encode()


# --- the whole rebuild against the split files ---------------------------------------


def test_fetch_rebuilds_the_split_files_byte_for_byte(tmp_path, sources):
    fetched = []

    def fetch(url: str) -> bytes:
        fetched.append(url)
        return sources[url]

    written = fetch_anercorp(tmp_path, fetch)
    assert sorted(fetched) == sorted(s.url for s in SOURCES)
    assert {p.name for p in written} == {TRAIN_FILE, TEST_FILE, ORIGINAL.name, CAMEL_TEST.name}
    reference = shared_path("data", "anercorp")
    for name in (TRAIN_FILE, TEST_FILE):
        assert (tmp_path / name).read_bytes() == (reference / name).read_bytes(), name
    assert verify_dir(tmp_path) == []
    # counts the data's README states
    text = (tmp_path / TEST_FILE).read_text(encoding="utf-8")
    sentences = [s for s in text.split("\n\n") if s.strip()]
    assert len(sentences) == 945 and sum(len(s.split("\n")) for s in sentences) == 25007
    # a second fetch downloads and writes nothing
    assert fetch_anercorp(tmp_path, lambda url: pytest.fail(f"fetched {url} again")) == []
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


def test_pinned_urls_are_raw_github_at_full_commits():
    for source in SOURCES:
        assert source.url.startswith(f"https://raw.githubusercontent.com/{source.repository}/")
        assert len(source.commit) == 40 and source.commit in source.url


def test_a_changed_download_is_rejected_and_nothing_written(tmp_path, sources):
    def fetch(url: str) -> bytes:
        data = sources[url]
        return data + b"x O\n" if url == ORIGINAL.url else data

    with pytest.raises(DataError, match="ANERCorp.txt: sha256 .* expected a51fae1120aa.*not written"):
        fetch_anercorp(tmp_path, fetch)
    assert not any(p.is_file() for p in tmp_path.rglob("*"))


def test_network_trouble_is_one_line(tmp_path):
    def fetch(url: str) -> bytes:
        raise OSError("network unreachable")

    with pytest.raises(InputError, match=r"could not fetch \(OSError: network unreachable\)"):
        fetch_anercorp(tmp_path, fetch)


def test_fetch_does_not_overwrite_a_file_it_did_not_write(tmp_path, sources):
    (tmp_path / TEST_FILE).write_text("mine\n", encoding="utf-8")
    with pytest.raises(DataError, match="exists with another sha256"):
        fetch_anercorp(tmp_path, sources.__getitem__)
    assert (tmp_path / TEST_FILE).read_text(encoding="utf-8") == "mine\n"


def test_verify_names_missing_and_changed_files(tmp_path):
    (tmp_path / TRAIN_FILE).write_text("أ O\n\n", encoding="utf-8")
    problems = verify_dir(tmp_path)
    assert any(p.startswith(f"{tmp_path / TRAIN_FILE}: changed") for p in problems)
    assert f"{tmp_path / TEST_FILE}: missing" in problems


# --- the CLI -------------------------------------------------------------------------


def test_bench_data_fetch_and_verify(data_env, sources, monkeypatch, capsys):
    monkeypatch.setattr(anercorp, "http_get", sources.__getitem__)
    code, out, err = run_cli(["data", "fetch", "anercorp"], capsys)
    assert code == 0, err
    assert f"{data_env}: ANERcorp (CAMeL split) train and test present" in out
    code, out, err = run_cli(["data", "verify"], capsys)
    assert code == 0 and "present and unchanged" in out
    (data_env / TEST_FILE).write_bytes(b"")
    code, out, err = run_cli(["data", "verify", str(data_env)], capsys)
    assert code == 1
    assert err.strip().endswith("`bench data fetch anercorp DIR` rebuilds them")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_bench_data_verify_reads_the_shared_copy(capsys):
    directory = shared_path("data", "anercorp")
    code, out, _ = run_cli(["data", "verify", str(directory)], capsys)
    assert code == 0 and "present and unchanged" in out


# --- where the files are looked for ---------------------------------------------------


def test_a_missing_conll_file_is_found_by_name_under_bench_data(data_env):
    data_env.mkdir(parents=True)
    (data_env / TEST_FILE).write_text("أ B-LOC\n. O\n\n", encoding="utf-8")
    assert conll_path(f"../elsewhere/{TEST_FILE}") == data_env / TEST_FILE
    assert conll_path(f"{{data}}/anercorp/{TEST_FILE}") == data_env / TEST_FILE
    corpus = load_corpus(f"conll:/nowhere/{TEST_FILE}")
    assert corpus.name == f"conll:{TEST_FILE}" and corpus.n_spans == 1


def test_a_missing_anercorp_file_says_how_to_get_it(data_env):
    with pytest.raises(
        CorpusError, match=r"not found \(ANERcorp, CAMeL split\); `bench data fetch anercorp` writes it"
    ):
        conll_path(f"/nowhere/shared/data/anercorp/{TEST_FILE}")  # an old record's spec, elsewhere
    with pytest.raises(CorpusError, match=r"^/nowhere/other.txt: file not found$"):
        conll_path("/nowhere/other.txt")


def test_records_store_a_spec_that_does_not_depend_on_this_machine(data_env):
    assert portable_spec(f"conll:{data_env / TEST_FILE}") == f"conll:{{data}}/anercorp/{TEST_FILE}"
    assert portable_spec("conll:/elsewhere/x.txt") == "conll:/elsewhere/x.txt"
    assert portable_spec("news") == "news"


def test_bench_score_finds_the_committed_anercorp_record_through_bench_data(monkeypatch, capsys, tmp_path):
    directory = shared_path("data", "anercorp")
    monkeypatch.setenv("BENCH_DATA", str(directory.parent))
    record = ROOT / "results" / f"conll-{TEST_FILE}" / "e5-small-anercorp.json"
    stored = json.loads(record.read_text(encoding="utf-8"))
    code, out, err = run_cli(["score", str(record), "--format", "json", "-o", str(tmp_path / "r.json")], capsys)
    assert code == 0, err
    rescored = json.loads(out)
    assert rescored["seqeval_strict"]["overall"]["f1"] == stored["metrics"]["seqeval_strict"]["overall"]["f1"]


def test_no_default_path_points_outside_the_repository():
    """Code and docs name data through $BENCH_DATA / the cache, never ../shared."""
    offenders = []
    for path in [ROOT / "README.md", *(ROOT / "docs").glob("*.md"), *(ROOT / "benchmark").rglob("*.py")]:
        if "../shared" in path.read_text(encoding="utf-8"):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_split_sha256_pins_match_the_data_readme():
    readme = shared_path("data", "anercorp", "README.md").read_text(encoding="utf-8")
    for name, digest in anercorp.SPLIT_SHA256.items():
        assert digest in readme, name
    for source in SOURCES:
        assert source.sha256 in readme and source.commit in readme
