"""A real OpenAI-compatible HTTP server for the LLM tests (no model, no SDK mocks).

`ScriptedServer` listens on 127.0.0.1 (a free port) in a thread and answers
POST /v1/chat/completions from a script: `server.answer(chunk_text, content)`
sets the assistant content for a request whose last user message is
`chunk_text` (the instruction may head it when system_role is "merge"), and
`server.queue(...)` lines up special replies (an HTTP status, a delay) that
are served first, in order. Every request body and Authorization header is
kept in `server.requests`.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    content: str | None = None  # assistant content (status 200)
    body: dict | None = None  # an error body (other statuses)
    delay_s: float = 0.0
    headers: dict | None = None
    when: str | None = None  # only for a request whose last user message ends with this text


def completion(content: str, model: str, fingerprint: str | None) -> dict:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "system_fingerprint": fingerprint,
        "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
    }


class ScriptedServer:
    def __init__(self, model_id: str = "served-model-1", fingerprint: str | None = "fp_test"):
        self.model_id = model_id
        self.fingerprint = fingerprint
        self.answers: dict[str, str] = {}
        self.queued: list[Reply] = []
        self.requests: list[dict] = []
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0  # the most requests answered at the same time
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep pytest output clean
                pass

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                reply = server.reply_for(body, self.headers.get("Authorization", ""))
                with server.lock:
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                if reply.delay_s:
                    time.sleep(reply.delay_s)
                with server.lock:
                    server.in_flight -= 1
                if reply.status == 200:
                    payload = completion(reply.content or "", server.model_id, server.fingerprint)
                else:
                    payload = reply.body or {"error": {"message": f"status {reply.status}", "type": "test"}}
                data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    for key, value in (reply.headers or {}).items():
                        self.send_header(key, value)
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def answer(self, chunk_text: str, content: str | dict) -> None:
        self.answers[chunk_text] = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)

    def queue(self, *replies: Reply) -> None:
        self.queued.extend(replies)

    def reply_for(self, body: dict, authorization: str) -> Reply:
        user = [m["content"] for m in body.get("messages", []) if m.get("role") == "user"][-1]
        with self.lock:
            self.requests.append({"body": body, "authorization": authorization})
            for i, reply in enumerate(self.queued):
                if reply.when is None or user.endswith(reply.when):
                    return self.queued.pop(i)
        for text, content in self.answers.items():
            if user.endswith(text):
                return Reply(content=content)
        return Reply(content='{"entities": []}')

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@contextmanager
def scripted_server(**kwargs) -> Iterator[ScriptedServer]:
    server = ScriptedServer(**kwargs)
    server.start()
    try:
        yield server
    finally:
        server.stop()
