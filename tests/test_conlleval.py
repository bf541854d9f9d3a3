"""CoNLL reading/validation and `bench conlleval`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from benchmark.cli import cli
from benchmark.corpora.conll import ConllError, format_conll, read_conll_scored, read_conll_tagged, write_conll

from .conftest import shared_path

# Hand-checked case. Gold: ORG "شركة أرامكو السعودية", MONEY "7 مليارات دولار",
# LOC "الرياض". The prediction cuts the ORG short, starts the MONEY with I-
# and gets the LOC right.
#   strict:  MONEY's I- run is no entity -> tp 1 (LOC) / pred 2 / gold 3
#            P 1/2, R 1/3, F1 2*(1/2)*(1/3)/(5/6) = 0.4; 3 pred tags repaired
#   default: I-MONEY I-MONEY I-MONEY reads as one MONEY -> tp 2 / 3 / 3;
#            1 pred tag repaired (the first I-MONEY, read as B-MONEY)
CASE = """-DOCSTART- -X- O O

أعلنت O O
شركة B-ORG B-ORG
أرامكو I-ORG I-ORG
السعودية I-ORG O
عن O O
أرباح O O

بلغت O O
7 B-MONEY I-MONEY
مليارات I-MONEY I-MONEY
دولار I-MONEY I-MONEY
في O O
الرياض B-LOC B-LOC
"""


def run(*args):
    result = CliRunner().invoke(cli, ["conlleval", *map(str, args)])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def case_file(tmp_path):
    path = tmp_path / "case.conll"
    path.write_text(CASE, encoding="utf-8")
    return path


def test_json_strict(case_file):
    code, out, _ = run(case_file, "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert result["mode"] == "strict"
    assert result["overall"] == {
        "precision": 0.5,
        "recall": pytest.approx(1 / 3),
        "f1": pytest.approx(0.4),
        "support": 3,
    }
    assert list(result["per_type"]) == ["LOC", "MONEY", "ORG"]
    assert result["per_type"]["LOC"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}
    assert result["per_type"]["MONEY"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert result["macro_f1"] == pytest.approx(1 / 3)
    assert result["repairs"] == 3 and result["repairs_by_column"] == {"gold": 0, "pred": 3}
    assert (result["sentences"], result["tokens"]) == (2, 12)


def test_json_default(case_file):
    code, out, _ = run(case_file, "--mode", "default", "--format", "json")
    assert code == 0
    result = json.loads(out)
    assert result["mode"] == "default"
    assert result["overall"] == {
        "precision": pytest.approx(2 / 3),
        "recall": pytest.approx(2 / 3),
        "f1": pytest.approx(2 / 3),
        "support": 3,
    }
    assert result["per_type"]["MONEY"]["f1"] == 1.0 and result["per_type"]["ORG"]["f1"] == 0.0
    assert result["repairs"] == 1


def test_text_table(case_file):
    code, out, _ = run(case_file)
    assert code == 0
    for needle in ("case.conll", "strict IOB2", "MONEY", "micro", "macro", "40.00", "3 invalid"):
        assert needle in out


def test_every_label_set_is_scored(tmp_path):
    path = tmp_path / "anercorp_style.txt"
    path.write_text("قال O O\nغيث B-PERS B-PERS\nالطراونة I-PERS I-PERS\nفي O O\nعمان B-LOC B-MISC\n", encoding="utf-8")
    code, out, _ = run(path, "--format", "json")
    result = json.loads(out)
    assert code == 0 and list(result["per_type"]) == ["LOC", "MISC", "PERS"]
    assert result["per_type"]["PERS"]["f1"] == 1.0 and result["per_type"]["MISC"]["support"] == 0


def test_wrong_column_count_names_file_and_line(tmp_path):
    path = tmp_path / "bad.conll"
    path.write_text("شركة B-ORG B-ORG\nأرامكو I-ORG\n\nفي O O O\n", encoding="utf-8")
    code, out, err = run(path, "--format", "json")
    assert code == 1 and out == ""
    assert f"{path}:2: expected 3 columns (token gold pred), found 2" in err
    assert f"{path}:4: expected 3 columns (token gold pred), found 4" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("label", ["E-ORG", "B-", "ORG", "b-ORG", "B_ORG", "S-LOC"])
def test_bad_label_names_file_line_and_column(tmp_path, label):
    path = tmp_path / "bad.conll"
    path.write_text(f"شركة O O\nأرامكو O {label}\n", encoding="utf-8")
    code, _, err = run(path)
    assert code == 1
    assert f"{path}:2: column 3 (pred): label {label!r} is not O, B-TYPE or I-TYPE" in err


def test_not_utf8_empty_and_missing_files(tmp_path):
    latin = tmp_path / "latin1.conll"
    latin.write_bytes("caf\xe9 O O\n".encode("latin-1"))
    code, _, err = run(latin)
    assert code == 1 and "not valid UTF-8" in err
    empty = tmp_path / "empty.conll"
    empty.write_text("\n-DOCSTART- O O\n\n", encoding="utf-8")
    code, _, err = run(empty)
    assert code == 1 and "no token lines" in err
    code, _, err = run(tmp_path / "absent.conll")
    assert code == 2 and "does not exist" in err


def test_reader_handles_crlf_bom_docstart_and_several_blank_lines(tmp_path):
    path = tmp_path / "x.conll"
    path.write_bytes("\ufeffa O O\r\nb B-X I-X\r\n\r\n\r\n-DOCSTART- -X- -X- O\r\nc O O\r\n".encode("utf-8"))
    assert read_conll_scored(path) == [[("a", "O", "O"), ("b", "B-X", "I-X")], [("c", "O", "O")]]


def test_error_lists_every_problem_up_to_a_limit(tmp_path):
    path = tmp_path / "many.conll"
    path.write_text("x\n" * 30, encoding="utf-8")
    with pytest.raises(ConllError) as info:
        read_conll_scored(path)
    assert len(info.value.problems) == 30
    assert str(info.value).splitlines()[-1] == "... and 10 more problem(s)"


def test_two_column_reader_and_writer_round_trip(tmp_path):
    sentences = [[("شركة", "B-ORG"), ("أرامكو", "I-ORG")], [("7", "B-MONEY"), ("،", "O")]]
    path = tmp_path / "out.conll"
    write_conll(path, sentences)
    assert path.read_text(encoding="utf-8") == "شركة B-ORG\nأرامكو I-ORG\n\n7 B-MONEY\n، O\n\n"
    assert read_conll_tagged(path) == sentences
    with pytest.raises(ValueError, match="whitespace"):
        format_conll([[("two words", "O")]])
    with pytest.raises(ConllError, match=r"out.conll:1: expected 2 columns \(token tag\), found 3"):
        path.write_text("a O O\n", encoding="utf-8")
        read_conll_tagged(path)


def test_anercorp_test_split_reads_cleanly():
    path = shared_path("data", "anercorp", "ANERCorp_CamelSplit_test_reconstructed.txt")
    sentences = read_conll_tagged(path)
    # data/README.md: 25,007 test tokens
    assert sum(len(s) for s in sentences) == 25_007
    assert {tag for s in sentences for _, tag in s} <= {
        "O",
        *(f"{p}-{t}" for p in "BI" for t in ("PERS", "ORG", "LOC", "MISC")),
    }
