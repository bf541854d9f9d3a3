"""`LLMExtractor`: an OpenAI-compatible chat model as an entity extractor.

predict(documents):
  1. few-shot examples from the news dev split (shots.py), refused when a
     scored document is one of theirs;
  2. each document cut into chunks (chunking.py), one request per chunk whose
     last user message is the chunk verbatim (prompt.py);
  3. each request answered from the answer cache (cache.py) or sent to the
     endpoint (client.py), `concurrency` at a time; with response_format
     "auto" the first request sent finds the first format the server accepts;
  4. each answer parsed (parse.py) and its surfaces placed in the chunk
     (align.py); unaligned surfaces and parse failures are kept, not dropped;
  5. the accounting of the run in `self.stats["llm"]` (docs/run-record.md,
     "LLM runs"), which `bench run` writes as the record's `llm` object.

revision(): "<model id> | prompt <version> sha256:<hash> | settings sha256:<..>"
plus " | system_fingerprint <fp>" once the endpoint has sent one; the model
id is the one the endpoint reports in its answers (the card's model name
before any answer is seen).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from ...types import LABELS, Document, Predictions, Span
from ..cards import Card
from ..protocol import ExtractorBase
from .align import align
from .cache import answer_key, load_answer, store_answer
from .card import base_url as resolve_base_url
from .chunking import Chunk, chunk_document
from .client import Answer, Endpoint, Failed, Rejected
from .parse import SCHEMA, parse_answer
from .prompt import build_messages, load_prompt
from .shots import check_disjoint, select_shots

FORMAT_ORDER = ("json_schema", "json_object", "none")
# The settings that decide an answer (besides the model, endpoint and prompt).
DECIDING = ("shots", "temperature", "seed", "max_tokens", "chunk_chars", "response_format", "system_role")


def response_format(kind: str) -> dict | None:
    if kind == "json_schema":  # OpenAI's form (also vLLM's)
        return {"type": "json_schema", "json_schema": {"name": "entities", "schema": SCHEMA, "strict": True}}
    if kind == "json_object":  # llama.cpp's form: JSON mode constrained by a schema
        return {"type": "json_object", "schema": SCHEMA}
    return None


@dataclass
class Job:
    document: Document
    chunk: Chunk
    messages: list[dict]
    answer: Answer | None = None
    cached: bool = False
    error: str | None = None
    format_used: str | None = None
    spans: list[Span] = field(default_factory=list)


class LLMExtractor(ExtractorBase):
    caches_answers = True  # bench run skips its prediction cache: answers are cached instead
    labels = LABELS

    def __init__(self, card: Card | dict, options: dict | None = None):
        card = card.to_dict() if isinstance(card, Card) else card
        options = options or {}
        self.card = card
        self.name = card["name"]
        self.settings = {key: card[key] for key in DECIDING + ("concurrency", "timeout_s", "max_retries", "backoff_s")}
        for key in ("shots", "concurrency"):
            if options.get(key) is not None:
                self.settings[key] = int(options[key])
        self.model = card["model"]
        self.base_url = resolve_base_url(card, options.get("base_url"))
        self.prompt = load_prompt(card["prompt"])
        self.use_cache = options.get("use_cache", True)
        self.progress = options.get("progress", False)
        self.corpus_dir = options.get("corpus_dir")
        self.prices = card.get("prices")
        self.model_ids: set[str] = set()
        self.fingerprints: set[str] = set()
        self.stats: dict = {}
        self._endpoint: Endpoint | None = None

    # --- identity ---------------------------------------------------------------
    def settings_sha256(self) -> str:
        deciding = {k: self.settings[k] for k in DECIDING}
        payload = json.dumps({"model": self.model, "base_url": self.base_url, **deciding}, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()

    def revision(self) -> str:
        model_id = ",".join(sorted(self.model_ids)) or self.model
        parts = [
            model_id,
            f"prompt {self.prompt.version} sha256:{self.prompt.sha256[:16]}",
            f"settings sha256:{self.settings_sha256()[:16]}",
        ]
        if self.fingerprints:
            parts.append("system_fingerprint " + ",".join(sorted(self.fingerprints)))
        return " | ".join(parts)

    # --- requests ---------------------------------------------------------------
    def endpoint(self) -> Endpoint:
        if self._endpoint is None:
            self._endpoint = Endpoint(
                self.base_url,
                os.environ.get("OPENAI_API_KEY"),
                timeout_s=float(self.settings["timeout_s"]),
                max_retries=int(self.settings["max_retries"]),
                backoff_s=float(self.settings["backoff_s"]),
                what=f"model {self.name!r} (an OpenAI-compatible endpoint)",
            )
        return self._endpoint

    def body(self, messages: list[dict], fmt: str) -> dict:
        body = {
            "model": self.model,
            "messages": messages,
            "temperature": self.settings["temperature"],
            "seed": self.settings["seed"],
            "max_tokens": self.settings["max_tokens"],
        }
        rf = response_format(fmt)
        if rf is not None:
            body["response_format"] = rf
        return body

    def key(self, body: dict) -> str:
        return answer_key(self.base_url, self.model, self.prompt.version, self.prompt.sha256, body)

    def formats(self) -> tuple[str, ...]:
        chosen = self.settings["response_format"]
        return FORMAT_ORDER if chosen == "auto" else (chosen,)

    def from_cache(self, job: Job, formats: Sequence[str]) -> bool:
        if not self.use_cache:
            return False
        for fmt in formats:
            data = load_answer(self.key(self.body(job.messages, fmt)))
            if data is not None:
                job.answer, job.cached, job.format_used = Answer.from_json(data), True, fmt
                return True
        return False

    def send(self, job: Job, formats: Sequence[str]) -> list[str]:
        """Answer `job` with the first format the endpoint accepts; the formats still usable."""
        formats = list(formats)
        while formats:
            body = self.body(job.messages, formats[0])
            try:
                answer = self.endpoint().complete(body)
            except Rejected as err:
                if len(formats) == 1:
                    job.error = f"request rejected: {err}"
                    return formats
                formats.pop(0)
                continue
            except Failed as err:
                job.error = str(err)
                return formats
            job.answer, job.format_used = answer, formats[0]
            if self.use_cache:
                store_answer(self.key(body), answer.to_json())
            return formats
        return formats

    # --- the run ------------------------------------------------------------------
    def jobs(self, documents: Sequence[Document], shots) -> list[Job]:
        pairs = [(s.text, s.entities) for s in shots]
        return [
            Job(doc, chunk, build_messages(self.prompt, pairs, chunk.text, self.settings["system_role"]))
            for doc in documents
            for chunk in chunk_document(doc.text, int(self.settings["chunk_chars"]))
        ]

    def predict(self, documents: Sequence[Document]) -> Predictions:
        t0 = time.perf_counter()
        shots = select_shots(int(self.settings["shots"]), int(self.settings["chunk_chars"]), self.corpus_dir)
        check_disjoint(shots, {doc.id for doc in documents})
        jobs = self.jobs(documents, shots)
        formats: Sequence[str] = self.formats()
        pending = [job for job in jobs if not self.from_cache(job, formats)]
        done = len(jobs) - len(pending)
        if pending:
            self.endpoint()  # one client (and one request count) for every thread
        if pending and len(formats) > 1:  # find the format the server accepts, once
            formats = self.send(pending[0], formats)
            pending, done = pending[1:], done + 1
        with ThreadPoolExecutor(max_workers=int(self.settings["concurrency"])) as pool:
            for _ in pool.map(lambda job: self.send(job, formats), pending):
                done += 1
                if self.progress and (done % 10 == 0 or done == len(jobs)):
                    print(f"{self.name}: {done}/{len(jobs)} chunks", file=sys.stderr, flush=True)
        wall_s = time.perf_counter() - t0
        predictions: Predictions = {doc.id: [] for doc in documents}
        unaligned: list[dict] = []
        parse_failures: list[dict] = []
        failed: list[dict] = []
        rules: dict[str, int] = {}
        surfaces = salvaged = invalid = cut = 0
        for job in jobs:
            where = {"document": job.document.id, "chunk": job.chunk.index}
            if job.answer is None:
                failed.append({**where, "error": job.error})
                continue
            if job.answer.model:
                self.model_ids.add(job.answer.model)
            if job.answer.system_fingerprint:
                self.fingerprints.add(job.answer.system_fingerprint)
            cut += job.answer.finish_reason == "length"
            parsed = parse_answer(job.answer.content)
            if not parsed.ok:
                parse_failures.append({**where, "raw": job.answer.content})
                continue
            salvaged += parsed.salvaged
            invalid += len(parsed.invalid)
            surfaces += len(parsed.entities)
            placed, unplaced = align(job.chunk.text, parsed.entities)
            for p in placed:
                rules[p.rule] = rules.get(p.rule, 0) + 1
                start, end = job.chunk.start + p.start, job.chunk.start + p.end
                predictions[job.document.id].append(Span(start, end, p.label, job.document.text[start:end]))
            unaligned.extend({**where, "label": u.label, "text": u.surface, "reason": u.reason} for u in unplaced)
        self.stats = {
            "device": "endpoint",
            "llm": self.accounting(
                jobs, shots, wall_s, rules, surfaces, unaligned, parse_failures, failed, salvaged, invalid, cut
            ),
        }
        return {doc_id: sorted(spans) for doc_id, spans in predictions.items()}

    def accounting(
        self, jobs, shots, wall_s, rules, surfaces, unaligned, parse_failures, failed, salvaged, invalid, cut
    ) -> dict:
        answered = [job for job in jobs if job.answer is not None]
        fresh = [job for job in answered if not job.cached]
        prompt_tokens = sum(job.answer.prompt_tokens or 0 for job in answered)
        completion_tokens = sum(job.answer.completion_tokens or 0 for job in answered)
        fresh_completion = sum(job.answer.completion_tokens or 0 for job in fresh)
        cost = None
        if self.prices:
            total = (
                prompt_tokens * self.prices["input_per_mtok"] + completion_tokens * self.prices["output_per_mtok"]
            ) / 1e6
            cost = {
                "total": round(total, 6),
                "currency": self.prices.get("currency", "USD"),
                "input_per_mtok": self.prices["input_per_mtok"],
                "output_per_mtok": self.prices["output_per_mtok"],
            }
        aligned = sum(rules.values())
        used = sorted({job.format_used for job in answered if job.format_used})
        return {
            "endpoint": {
                "base_url": self.base_url,
                "model": self.model,
                "model_ids": sorted(self.model_ids),
                "system_fingerprints": sorted(self.fingerprints),
            },
            "prompt": {"version": self.prompt.version, "sha256": self.prompt.sha256},
            "settings": {**self.settings, "response_format_used": used},
            "shots": [{"document": s.document_id, "chars": len(s.text), "entities": len(s.entities)} for s in shots],
            "chunks": len(jobs),
            "requests": self._endpoint.sent if self._endpoint else 0,
            "cached_answers": sum(job.cached for job in jobs),
            "retries": self._endpoint.retries if self._endpoint else 0,
            "failures": len(failed),
            "failed_chunks": failed,
            "answers_cut_by_max_tokens": cut,
            "prompt_tokens": prompt_tokens,
            "completion_tokens": completion_tokens,
            "wall_s": round(wall_s, 3),
            "tokens_per_s": round(fresh_completion / wall_s, 2) if fresh and wall_s > 0 else None,
            "cost": cost,
            "surfaces": surfaces,
            "aligned": aligned,
            "aligned_exact": rules.get("exact", 0),
            "aligned_normalized": aligned - rules.get("exact", 0),
            "aligned_by_rule": dict(sorted(rules.items())),
            "unaligned": len(unaligned),
            "unaligned_rate": round(len(unaligned) / surfaces, 4) if surfaces else None,
            "unaligned_surfaces": unaligned,
            "parse_failures": parse_failures,
            "salvaged_answers": salvaged,
            "invalid_items": invalid,
        }
