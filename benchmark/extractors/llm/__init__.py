"""LLMs as extractors: any OpenAI-compatible chat-completions endpoint.

`bench run --model openai:NAME` or a card of kind "llm" (card.py). The modules,
one job each: card (the card format), chunking (documents -> chunks), prompt
(the versioned instruction and the messages), shots (few-shot examples from
the news dev split), client (the endpoint through the openai SDK, retries),
cache (answers on disk), parse (the output contract and its fallback), align
(surfaces -> character spans) and extractor (all of it, and the accounting).
The `openai` SDK is the optional extra `llm`, imported only when a request is
about to be sent.
"""
