"""One OpenAI-compatible chat-completions endpoint, through the `openai` SDK.

`Endpoint.complete(body)` sends one request and returns an `Answer`, retrying
with exponential backoff (honouring Retry-After) on 429, 5xx, timeouts and
dropped connections; the SDK's own retries are off so that every retry is
counted. What cannot be retried is told apart:

- the key is refused (401/403) or the model is unknown (404): `InputError`,
  one line, exit 2 (the run cannot succeed);
- the endpoint cannot be reached (connection refused, DNS) after every retry:
  `InputError`, one line, exit 2;
- the request itself is rejected (400/422, or a 500 that names
  response_format, as llama.cpp's server answers an OpenAI json_schema):
  `Rejected`, so that the caller can fall back to another response format;
- retries exhausted on 429/5xx/timeouts: `Failed`, so that the caller marks
  that chunk failed and the run goes on.

The API key is given to the SDK only. It is not part of any request body or
answer, and every error message passes through `_scrub`, which replaces it, so
it cannot reach a record, the cache, a log or a message.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from ...errors import InputError, require

MAX_BACKOFF_S = 30.0


@dataclass
class Answer:
    content: str | None
    model: str | None  # the model id the endpoint reports
    system_fingerprint: str | None
    prompt_tokens: int | None
    completion_tokens: int | None
    finish_reason: str | None
    latency_s: float
    retries: int = 0

    def to_json(self) -> dict:
        return {
            k: getattr(self, k)
            for k in (
                "content",
                "model",
                "system_fingerprint",
                "prompt_tokens",
                "completion_tokens",
                "finish_reason",
                "latency_s",
            )
        }

    @classmethod
    def from_json(cls, data: dict) -> Answer:
        return cls(
            content=data.get("content"),
            model=data.get("model"),
            system_fingerprint=data.get("system_fingerprint"),
            prompt_tokens=data.get("prompt_tokens"),
            completion_tokens=data.get("completion_tokens"),
            finish_reason=data.get("finish_reason"),
            latency_s=float(data.get("latency_s") or 0.0),
        )


class Rejected(Exception):
    """The endpoint refused this request as malformed (400/422/500 on response_format)."""

    def __init__(self, message: str, retries: int = 0):
        super().__init__(message)
        self.retries = retries


class Failed(Exception):
    """No answer after every retry (429, 5xx, timeouts)."""

    def __init__(self, message: str, retries: int):
        super().__init__(message)
        self.retries = retries


class Endpoint:
    def __init__(
        self, base_url: str, api_key: str | None, *, timeout_s: float, max_retries: int, backoff_s: float, what: str
    ):
        self.openai = require("openai", "llm", what)
        self.base_url = base_url
        self._key = api_key or ""
        # Local servers need no key, but the SDK insists on one: "EMPTY" is what vLLM's docs use.
        self.client = self.openai.OpenAI(
            base_url=base_url, api_key=api_key or "EMPTY", timeout=timeout_s, max_retries=0
        )
        self.timeout_s = timeout_s
        self.max_retries = max_retries
        self.backoff_s = backoff_s
        self.sent = 0  # requests sent, retries included (all threads)
        self.retries = 0
        self._lock = threading.Lock()

    def _scrub(self, message: object) -> str:
        """One line, at most 300 characters, without the key."""
        text = " ".join(str(message).split())
        if self._key:
            text = text.replace(self._key, "***")
        return text[:300]

    def _wait(self, attempt: int, err: Exception) -> None:
        delay = self.backoff_s * (2**attempt)
        response = getattr(err, "response", None)
        retry_after = response.headers.get("retry-after") if response is not None else None
        try:
            delay = max(delay, float(retry_after)) if retry_after is not None else delay
        except ValueError:
            pass
        time.sleep(min(delay, MAX_BACKOFF_S))

    def complete(self, body: dict) -> Answer:
        openai = self.openai
        last: Exception | None = None
        for attempt in range(self.max_retries + 1):
            if attempt:
                assert last is not None
                self._wait(attempt - 1, last)
            with self._lock:
                self.sent += 1
                self.retries += attempt > 0
            t0 = time.perf_counter()
            try:
                response = self.client.chat.completions.create(**body)
            except (openai.AuthenticationError, openai.PermissionDeniedError) as err:
                raise InputError(
                    f"{self.base_url}: the endpoint refused the API key (HTTP {err.status_code}); check OPENAI_API_KEY"
                ) from None
            except openai.NotFoundError as err:
                raise InputError(
                    f"{self.base_url}: model {body.get('model')!r} not found (HTTP 404: {self._scrub(err.message)})"
                ) from None
            except (openai.BadRequestError, openai.UnprocessableEntityError) as err:
                raise Rejected(f"HTTP {err.status_code}: {self._scrub(err.message)}", attempt) from None
            except openai.APIStatusError as err:  # 429 and 5xx (and other statuses): retry
                if err.status_code >= 500 and "response_format" in str(err.message):
                    raise Rejected(f"HTTP {err.status_code}: {self._scrub(err.message)}", attempt) from None
                last = err
            except openai.APITimeoutError as err:
                last = err
            except openai.APIConnectionError as err:
                last = err
            else:
                latency = time.perf_counter() - t0
                choice = response.choices[0] if response.choices else None
                usage = response.usage
                return Answer(
                    content=choice.message.content if choice else None,
                    model=getattr(response, "model", None),
                    system_fingerprint=getattr(response, "system_fingerprint", None),
                    prompt_tokens=usage.prompt_tokens if usage else None,
                    completion_tokens=usage.completion_tokens if usage else None,
                    finish_reason=choice.finish_reason if choice else None,
                    latency_s=round(latency, 4),
                    retries=attempt,
                )
        tries = self.max_retries + 1
        if isinstance(last, openai.APIConnectionError) and not isinstance(last, openai.APITimeoutError):
            cause = self._scrub(getattr(last, "__cause__", None) or last)
            raise InputError(
                f"{self.base_url}: cannot reach the endpoint after {tries} tries ({cause}); "
                "start the server or fix --base-url / OPENAI_BASE_URL"
            )
        if isinstance(last, openai.APITimeoutError):
            raise Failed(f"no answer within {self.timeout_s:g} s, {tries} tries", self.max_retries)
        status = getattr(last, "status_code", "?")
        raise Failed(
            f"HTTP {status} after {tries} tries: {self._scrub(getattr(last, 'message', last))}", self.max_retries
        )
