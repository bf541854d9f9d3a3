"""`bench validate` and the checks behind it, on hand-made broken annotations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmark.cli import cli
from benchmark.corpora.documents import sha256_text
from benchmark.corpora.validate import check_annotation

TEXT = "دخلت الولايات المتحدة وكازاخستان مرحلة جديدة بقيمة 4.2 مليار دولار."


def write_pair(tmp_path: Path, spans: list[dict], text: str = TEXT, sha: str | None = None) -> tuple[Path, Path]:
    text_path = tmp_path / "doc.txt"
    text_path.write_text(text, encoding="utf-8")
    ann_path = tmp_path / "doc.json"
    ann_path.write_text(
        json.dumps(
            {"document": "doc.txt", "text_sha256": sha or sha256_text(text), "spans": spans}, ensure_ascii=False
        ),
        encoding="utf-8",
    )
    return text_path, ann_path


def span(start: int, end: int, label: str, text: str | None = None) -> dict:
    return {"start": start, "end": end, "label": label, "text": TEXT[start:end] if text is None else text}


def messages(tmp_path, spans, **kw) -> list[str]:
    problems, _ = check_annotation(*write_pair(tmp_path, spans, **kw), name="doc.json")
    return [str(p) for p in problems]


USA = (TEXT.index("الولايات"), TEXT.index("الولايات") + len("الولايات المتحدة"))
KAZ = (TEXT.index("كازاخستان"), TEXT.index("كازاخستان") + len("كازاخستان"))
MONEY = (TEXT.index("4.2"), TEXT.index("دولار") + len("دولار"))


def test_good_file_has_no_problems_and_counts(tmp_path):
    problems, counts = check_annotation(
        *write_pair(tmp_path, [span(*USA, "LOC"), span(*KAZ, "LOC"), span(*MONEY, "MONEY")])
    )
    assert problems == []
    assert counts == {"MONEY": 1, "ORG": 0, "LOC": 2}


@pytest.mark.parametrize(
    "spans, expected",
    [
        ([span(*USA, "GPE")], "doc.json: span 0: unknown label 'GPE'"),
        ([span(0, 999, "LOC", "x")], "doc.json: span 0: offsets [0, 999) out of range"),
        ([span(10, 5, "LOC", "")], "doc.json: span 0: offsets [10, 5) are reversed or empty"),
        ([span(*USA, "LOC", "الولايات")], "doc.json: span 0: text 'الولايات' differs"),
        ([span(USA[0] - 1, USA[1], "LOC")], "doc.json: span 0: ' الولايات المتحدة' starts or ends on whitespace"),
        ([span(MONEY[0], MONEY[1] + 1, "MONEY")], "starts or ends on whitespace or punctuation"),
        ([span(*USA, "LOC"), span(USA[0] + 9, USA[1], "LOC")], "doc.json: span 1: overlaps span 0"),
        # "وكازاخستان" is one token: a span on "و" and one on the rest share it.
        ([span(KAZ[0] - 1, KAZ[0], "ORG"), span(*KAZ, "LOC")], "shares the token 'وكازاخستان' with span 0"),
    ],
)
def test_each_problem_is_reported_with_file_and_span(tmp_path, spans, expected):
    found = messages(tmp_path, spans)
    assert any(expected in line for line in found), found


def test_hash_mismatch_is_a_file_level_problem(tmp_path):
    found = messages(tmp_path, [span(*USA, "LOC")], sha="0" * 64)
    assert found and found[0].startswith("doc.json: text hash mismatch")


def test_money_value_shape_is_checked(tmp_path):
    bad = span(*MONEY, "MONEY")
    bad["value"] = {"lower": 5, "upper": 3, "currency": "usd"}
    found = messages(tmp_path, [bad])
    assert any("lower 5 is above upper 3" in line for line in found), found


def test_bench_validate_passes_on_the_seed_gold():
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: ")
    assert "MONEY" in result.output and "ORG" in result.output and "LOC" in result.output


def test_bench_validate_exits_1_on_a_broken_file(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "annotations").mkdir()
    text_path, ann_path = write_pair(tmp_path / "seeds", [span(*USA, "PLACE")])
    ann_path.rename(tmp_path / "annotations" / "doc.json")
    monkeypatch.setenv("BENCH_HOME", str(tmp_path))
    monkeypatch.delenv("BENCH_NEWS_DIR", raising=False)
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert "annotations/doc.json: span 0: unknown label 'PLACE'" in result.output
