"""`bench run` with an LLM against a real HTTP server started by the tests.

The server (tests/llm_server.py) speaks the OpenAI chat-completions protocol
on 127.0.0.1 and answers from a script: no model, and no mock of the openai
SDK, which sends real requests.
"""

from __future__ import annotations

import json
import socket

import pytest

from benchmark.extractors.cards import CardError, resolve
from benchmark.cli import main
from benchmark.api import run as run_model
from benchmark.errors import InputError

from .llm_server import Reply, scripted_server
from .records_fixtures import install_as_seed, synthetic_corpus

SENTINEL_KEY = "test-sentinel-key-5b1f0c"  # a fake key, not shaped like a real one

# Scripted answers for the synthetic seed corpus (tests/records_fixtures.py).
ANSWERS = {
    "synth-1": {
        "entities": [
            {"label": "ORG", "text": "ارامكو السعودية"},  # variant spelling: alef without hamza
            {"label": "LOC", "text": "الرياض"},
            {"label": "MONEY", "text": "٣ مليارات دولار"},  # Arabic-Indic digit
            {"label": "ORG", "text": "بنك الخليج"},
            {"label": "ORG", "text": "بنك دبي الوطني"},  # hallucination
        ]
    },
    "synth-2": {
        "entities": [
            {"label": "ORG", "text": "وزارة المالية المصرية"},
            {"label": "ORG", "text": "صندوق النقد الدولي"},
            {"label": "MONEY", "text": "500 مليون دولار"},
            {"label": "LOC", "text": "القاهرة"},
            {"label": "ORG", "text": "البنك المركزي"},
            {"label": "LOC", "text": "مصر"},  # also inside "المصرية": the word boundary picks the right one
            {"label": "MONEY", "text": "2 مليار يورو"},
        ]
    },
    "synth-3": 'Sure! {"entities": [{"label": "LOC", "text": "دبي"  and more',  # malformed JSON
}


def texts() -> dict[str, str]:
    return {doc.id: doc.text for doc in synthetic_corpus().documents}


@pytest.fixture
def server():
    with scripted_server() as srv:
        for doc_id, answer in ANSWERS.items():
            srv.answer(texts()[doc_id], answer)
        yield srv


def write_card(home, name="test-llm", **settings):
    lines = [f'name = "{name}"', 'kind = "llm"', 'model = "test-model"']
    for key, value in settings.items():
        lines.append(f"{key} = {json.dumps(value)}" if not isinstance(value, dict) else "")
    for key, value in settings.items():
        if isinstance(value, dict):
            lines.append(f"[{key}]")
            lines.extend(f"{k} = {json.dumps(v)}" for k, v in value.items())
    (home / "models").mkdir(exist_ok=True)
    (home / "models" / f"{name}.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def home(tmp_path, monkeypatch, server):
    """A project home whose seed corpus is the synthetic one, with a fast test card."""
    home = install_as_seed(tmp_path / "home", synthetic_corpus())
    write_card(home, base_url=server.url, timeout_s=1.0, max_retries=2, backoff_s=0.01, concurrency=2)
    monkeypatch.setenv("BENCH_HOME", str(home))
    monkeypatch.setenv("BENCH_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    return home


def run(model="test-llm", **options):
    return run_model(model, "seed", n_resamples=20, progress=False, **options)


def cli(capsys, *args) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_info:
        main(["run", "--resamples", "20", *args])
        raise SystemExit(0)
    out = capsys.readouterr()
    return exit_info.value.code, out.out, out.err


def test_variants_hallucinations_and_malformed_json_are_scored_and_reported(home, server):
    record = run()
    llm = record["llm"]
    predicted = {(doc_id, s.text, s.label) for doc_id, spans in _spans(record).items() for s in spans}
    assert ("synth-1", "أرامكو السعودية", "ORG") in predicted  # the text's spelling, not the answer's
    assert ("synth-1", "3 مليارات دولار", "MONEY") in predicted
    assert ("synth-2", "مصر", "LOC") in predicted
    mosr = [s for s in record["predictions"]["synth-2"] if s["text"] == "مصر"]
    assert texts()["synth-2"][mosr[0]["start"] - 3 : mosr[0]["start"]] == "في "
    assert llm["chunks"] == 3 and llm["requests"] == 3 and llm["failures"] == 0
    assert llm["surfaces"] == 12 and llm["aligned"] == 11
    assert llm["aligned_exact"] == 9 and llm["aligned_normalized"] == 2
    assert llm["unaligned"] == 1 and llm["unaligned_rate"] == round(1 / 12, 4)
    assert llm["unaligned_surfaces"] == [
        {"document": "synth-1", "chunk": 0, "label": "ORG", "text": "بنك دبي الوطني", "reason": "not in the chunk"}
    ]
    assert llm["parse_failures"] == [{"document": "synth-3", "chunk": 0, "raw": ANSWERS["synth-3"]}]
    assert llm["prompt_tokens"] == 300 and llm["completion_tokens"] == 60
    assert llm["cost"] is None  # the card has no prices
    # the score is computed from these predictions: synth-3 (4 gold spans) was lost to the parse failure
    strict = record["metrics"]["seqeval_strict"]["overall"]
    assert strict["support"] == 15 and 0.5 < strict["recall"] < 1.0
    # provenance: the endpoint's model id, the prompt version and hash, the fingerprint
    revision = record["model"]["revision"]
    assert revision.startswith("served-model-1 | prompt ner-v1 sha256:") and "system_fingerprint fp_test" in revision
    assert llm["prompt"]["version"] == "ner-v1" and len(llm["prompt"]["sha256"]) == 64
    # the chunk goes verbatim in the last user message; the instruction in the system message
    messages = server.requests[0]["body"]["messages"]
    assert messages[0]["role"] == "system" and messages[-1]["content"] in texts().values()
    body = server.requests[0]["body"]
    assert body["temperature"] == 0.0 and body["seed"] == 0 and body["response_format"]["type"] == "json_schema"


def _spans(record):
    from benchmark.results.record_read import predictions_from_json

    return predictions_from_json(record["predictions"])


def test_a_rerun_is_answered_from_the_cache_and_sends_no_request(home, server):
    first = run()
    sent = len(server.requests)
    second = run()
    assert len(server.requests) == sent  # not one request
    assert second["llm"]["requests"] == 0 and second["llm"]["cached_answers"] == 3
    assert second["predictions"] == first["predictions"]
    assert second["model"]["revision"] == first["model"]["revision"]
    assert second["llm"]["tokens_per_s"] is None
    # --no-cache sends them again
    run(use_cache=False)
    assert len(server.requests) == sent + 3


def test_429_then_success_is_retried_and_counted(home, server):
    server.queue(Reply(status=429, headers={"Retry-After": "0"}))
    record = run()
    assert record["llm"]["retries"] == 1 and record["llm"]["requests"] == 4 and record["llm"]["failures"] == 0
    assert record["llm"]["parse_failures"][0]["document"] == "synth-3"


def test_an_answer_slower_than_the_timeout_is_retried(home, server):
    server.queue(Reply(content='{"entities": []}', delay_s=2.5, when=texts()["synth-1"]))
    record = run()
    assert record["llm"]["retries"] == 1 and record["llm"]["failures"] == 0
    assert any(s["text"] == "الرياض" for s in record["predictions"]["synth-1"])  # the retry got the real answer


def test_a_chunk_that_never_answers_is_a_failure_and_the_run_goes_on(home, server):
    slow = texts()["synth-1"]
    server.queue(*[Reply(content="{}", delay_s=2.5, when=slow) for _ in range(3)])
    record = run()
    llm = record["llm"]
    assert llm["failures"] == 1 and llm["failed_chunks"][0]["document"] == "synth-1"
    assert "no answer within 1 s, 3 tries" in llm["failed_chunks"][0]["error"]
    assert record["predictions"]["synth-1"] == [] and record["predictions"]["synth-2"]


def test_requests_run_concurrently(home, server):
    write_card(home, name="parallel", base_url=server.url, concurrency=3, timeout_s=10.0, response_format="json_object")
    server.queue(*[Reply(content='{"entities": []}', delay_s=1.0, when=text) for text in texts().values()])
    record = run("parallel")
    assert server.max_in_flight == 3 and record["llm"]["requests"] == 3


def test_auto_response_format_falls_back_to_llama_cpp_json_object(home, server):
    refusal = {"error": {"message": "response_format: Input should be 'text' or 'json_object'"}}
    server.queue(Reply(status=500, body=refusal))
    record = run()
    kinds = [r["body"].get("response_format", {}).get("type") for r in server.requests]
    assert kinds == ["json_schema", "json_object", "json_object", "json_object"]
    assert server.requests[1]["body"]["response_format"]["schema"]["required"] == ["entities"]
    assert record["llm"]["settings"]["response_format_used"] == ["json_object"]
    # a rerun finds the json_object answers in the cache without asking again
    run()
    assert len(server.requests) == 4


def test_unreachable_endpoint_is_one_line_and_exit_2(home, capsys):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    code, out, err = cli(capsys, "--model", "test-llm", "--base-url", f"http://127.0.0.1:{port}/v1")
    assert code == 2
    assert err.count("\n") == 1 and err.startswith("error: ") and "cannot reach the endpoint" in err
    assert "Traceback" not in err + out


def test_refused_key_is_one_line_exit_2_and_the_key_never_leaks(home, server, capsys, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", SENTINEL_KEY)
    # the server echoes the key it was sent in its error message, as some APIs do
    server.queue(Reply(status=401, body={"error": {"message": f"Incorrect API key provided: {SENTINEL_KEY}"}}))
    code, out, err = cli(capsys, "--model", "test-llm")
    assert code == 2 and err.count("\n") == 1 and "refused the API key (HTTP 401)" in err
    assert SENTINEL_KEY not in out + err
    # a run that succeeds with the key: it reached the server, but not the record, the cache or the log
    code, out, err = cli(capsys, "--model", "test-llm")
    assert code == 0
    assert server.requests[-1]["authorization"] == f"Bearer {SENTINEL_KEY}"
    files = [p for p in home.parent.rglob("*") if p.is_file()]
    assert any(p.parent.parent.name == "llm-answers" for p in files)
    for path in files:
        assert SENTINEL_KEY not in path.read_text(encoding="utf-8", errors="replace"), path
    assert SENTINEL_KEY not in out + err


def test_card_prices_give_the_cost(home, server):
    write_card(
        home,
        name="priced",
        base_url=server.url,
        backoff_s=0.01,
        prices={"input_per_mtok": 2.5, "output_per_mtok": 10.0, "currency": "USD"},
    )
    cost = run("priced")["llm"]["cost"]
    assert cost == {
        "total": round((300 * 2.5 + 60 * 10.0) / 1e6, 6),
        "currency": "USD",
        "input_per_mtok": 2.5,
        "output_per_mtok": 10.0,
    }


def test_merge_system_role_puts_the_instruction_before_the_chunk(home, server):
    write_card(home, name="merged", base_url=server.url, system_role="merge", response_format="json_object")
    run("merged")
    messages = server.requests[0]["body"]["messages"]
    assert [m["role"] for m in messages] == ["user"]
    assert messages[0]["content"].startswith("You extract named entities")
    assert any(messages[0]["content"].endswith("\n\n" + text) for text in texts().values())


def test_openai_name_resolves_to_an_llm_card_and_bad_cards_fail_fast(home):
    card = resolve("openai:gpt4")  # not taken for a module:callable
    assert card.kind == "llm" and card.table["model"] == "gpt4" and card.table["temperature"] == 0.0
    assert resolve("openai:gpt-4o-mini+money-rules").kind == "composite"
    write_card(home, name="bad", response_format="xml")
    with pytest.raises(CardError, match="response_format must be one of"):
        resolve("bad")


def test_base_url_precedence(home, server, monkeypatch):
    from benchmark.extractors.llm.card import base_url

    monkeypatch.setenv("OPENAI_BASE_URL", "http://env.example/v1")
    assert base_url({"base_url": "http://card.example/v1/"}, None) == "http://card.example/v1"
    assert base_url({"base_url": "http://card.example/v1"}, "http://cli.example/v1") == "http://cli.example/v1"
    assert base_url({}, None) == "http://env.example/v1"


def test_missing_openai_extra_is_one_line(home, capsys, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "openai", None)
    code, _, err = cli(capsys, "--model", "test-llm")
    assert code == 2 and err.count("\n") == 1 and "pip install -e '.[llm]'" in err


def test_shots_come_from_news_dev_and_are_refused_when_scoring_it(capsys, tmp_path, monkeypatch):
    import os

    from benchmark.extractors.llm.shots import Shot, check_disjoint, select_shots
    from benchmark.corpora.news import read_manifest

    check_disjoint([Shot("a", "t", [])], {"b"})
    with pytest.raises(InputError, match="use --shots 0 to score news dev"):
        check_disjoint([Shot("a", "t", [])], {"a", "b"})
    if not os.environ.get("BENCH_NEWS_DIR"):
        pytest.skip("BENCH_NEWS_DIR is not set (the news texts)")
    monkeypatch.setenv("BENCH_CACHE", str(tmp_path))
    dev = {e.stem for e in read_manifest() if e.split == "dev"}
    shots = select_shots(2, 1200)
    assert len(shots) == 2 and all(s.document_id in dev for s in shots)
    assert all(text in s.text for s in shots for _, text in s.entities)
    # refused before any request is sent (the endpoint does not exist)
    code, _, err = cli(
        capsys,
        "--model",
        "openai:any",
        "--base-url",
        "http://127.0.0.1:9/v1",
        "--corpus",
        "news",
        "--split",
        "dev",
        "--shots",
        "1",
    )
    assert code == 2 and "use --shots 0 to score news dev" in err and err.count("\n") == 1
