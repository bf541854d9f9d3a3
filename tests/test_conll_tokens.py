"""`conll:` corpora are scored on the file's own tokens (issue 11, item 4).

A whitespace-split corpus keeps punctuation glued to words (`دولار.`). Scored
on a re-tokenization, the `.` would become a token only the gold covers;
scored on the file's tokens, gold and predictions land on the same tokens,
and `bench conlleval` on the predictions written back into the file
(conll.with_predictions) gives exactly what `bench run --corpus conll:` gives.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from benchmark.cli import cli
from benchmark.corpora.conll import with_predictions, write_conll
from benchmark.corpora.corpus import load_corpus
from benchmark.scoring import evaluate
from benchmark.tokenize import tokenize
from benchmark.types import Document, Span, Token

# Glued punctuation on entity tokens (دولار. / الرياض،) and outside them.
SENTENCES = [
    [
        ("ربحت", "O"),
        ("أرامكو", "B-ORG"),
        ("السعودية", "I-ORG"),
        ("5", "B-MONEY"),
        ("ملايين", "I-MONEY"),
        ("دولار.", "I-MONEY"),
    ],
    [
        ("افتتح", "O"),
        ("بنك", "B-ORG"),
        ("الكويت", "I-ORG"),
        ("الوطني", "I-ORG"),
        ("فرعا", "O"),
        ("في", "O"),
        ("الرياض،", "B-LOC"),
        ("وجدة", "B-LOC"),
        ("بقيمة", "O"),
        ("250", "B-MONEY"),
        ("مليون", "I-MONEY"),
        ("ريال.", "I-MONEY"),
    ],
    [("زار", "O"), ("محمد", "B-PERS"), ("دبي", "B-LOC"), ("أمس.", "O")],
    # a gold that disagrees with the extractors (a miss and a false alarm), so the scores are not all 1.0
    [
        ("سافر", "O"),
        ("إلى", "O"),
        ("القاهرة", "O"),
        ("لتوقيع", "O"),
        ("اتفاق", "O"),
        ("مع", "O"),
        ("مجموعة", "B-ORG"),
        ("طلعت", "I-ORG"),
        ("مصطفى.", "I-ORG"),
    ],
    # an entity that starts with I- (as 4 of ANERcorp's test entities do): the benchmark reads it as B-
    [("وصل", "O"), ("الوفد", "O"), ("إلى", "O"), ("جدة", "I-LOC"), ("أمس", "O")],
]


def conll_text(sentences, newline="\n", docstart=False) -> str:
    lines = ["-DOCSTART- O", ""] if docstart else []
    for number, sentence in enumerate(sentences):
        if docstart and number == 2:
            lines += ["-DOCSTART- O", ""]
        lines += [f"{token} {tag}" for token, tag in sentence] + [""]
    return newline.join(lines)


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("BENCH_CACHE", str(tmp_path / "cache"))
    return tmp_path


def write(path, text: str):
    path.write_bytes(text.encode("utf-8"))
    return path


def run_record(path, out, model="gazetteer+money-rules") -> dict:
    result = CliRunner().invoke(
        cli, ["run", "--model", model, "--corpus", f"conll:{path}", "--output", str(out), "--resamples", "20"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(out.read_text(encoding="utf-8"))


def conlleval(path, mode: str) -> dict:
    result = CliRunner().invoke(cli, ["conlleval", str(path), "--mode", mode, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_documents_keep_the_files_tokens(env):
    path = write(env / "glued.txt", conll_text(SENTENCES))
    corpus = load_corpus(f"conll:{path}")
    doc = corpus.documents[0]
    assert [t.text for t in doc.tokens] == [token for token, _ in SENTENCES[0]]
    assert all(doc.text[t.start : t.end] == t.text for t in doc.tokens)
    assert len(tokenize(doc.text)) == len(doc.tokens) + 1  # the benchmark tokenizer would split off the "."


def test_glued_punctuation_scores_on_file_tokens():
    # Gold covers "دولار." (the whole file token); a prediction without the
    # "." touches the same tokens, so it is a match on the file's tokens.
    text = "ربحت 5 ملايين دولار."
    offset, tokens = 0, []
    for word in text.split(" "):
        tokens.append(Token(offset, offset + len(word), word))
        offset += len(word) + 1
    gold = (Span(5, 20, "MONEY", text[5:20]),)
    pred = {"d": [Span(5, 19, "MONEY", text[5:19])]}
    on_file = evaluate([Document("d", text, gold, tokens=tuple(tokens))], pred, n_resamples=10)
    retokenized = evaluate([Document("d", text, gold)], pred, n_resamples=10)
    assert on_file["seqeval_strict"]["per_type"]["MONEY"]["f1"] == 1.0
    assert retokenized["seqeval_strict"]["per_type"]["MONEY"]["f1"] == 0.0  # the "." only gold covers


@pytest.mark.parametrize("variant", ["lf", "crlf", "docstart"])
def test_conlleval_on_written_back_predictions_equals_bench_run(env, variant):
    text = conll_text(SENTENCES, newline="\r\n" if variant == "crlf" else "\n", docstart=variant == "docstart")
    path = write(env / f"{variant}.txt", text)
    record = run_record(path, env / f"{variant}.json")
    assert record["corpus"]["documents"] == len(SENTENCES)
    predictions = {doc_id: [Span.from_json(s) for s in spans] for doc_id, spans in record["predictions"].items()}
    rows = with_predictions(path, predictions)
    assert all("\r" not in token for sentence in rows for token, _, _ in sentence)
    assert [tok for tok, _, _ in rows[0]] == [tok for tok, _ in SENTENCES[0]]
    assert "B-PERS" not in {gold for s in rows for _, gold, _ in s}  # not a benchmark type: O
    assert rows[4][3][1] == "B-LOC"  # the gold I-LOC that starts an entity, as the benchmark reads it
    written = env / f"{variant}.scored.txt"
    write_conll(written, rows)
    for mode in ("strict", "default"):
        ours = record["metrics"][f"seqeval_{mode}"]
        theirs = conlleval(written, mode)
        assert theirs["overall"] == ours["overall"]
        for label, scores in theirs["per_type"].items():
            assert scores == ours["per_type"][label]
    strict = record["metrics"]["seqeval_strict"]
    # money-rules finds "5 ملايين دولار" without the glued "."; on the file's tokens that is the gold entity
    assert strict["per_type"]["MONEY"]["f1"] == 1.0
    assert 0 < strict["overall"]["f1"] < 1


def test_line_endings_and_docstart_do_not_change_the_scores(env):
    scores = {}
    for variant, kwargs in {"lf": {}, "crlf": {"newline": "\r\n"}, "docstart": {"docstart": True}}.items():
        path = write(env / f"{variant}.txt", conll_text(SENTENCES, **kwargs))
        scores[variant] = run_record(path, env / f"{variant}.json")["metrics"]["seqeval_strict"]
    assert scores["lf"] == scores["crlf"] == scores["docstart"]
