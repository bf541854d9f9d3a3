"""Extractors: rule baselines, transformers models, user callables. Each has
`predict(documents) -> {document id: [Span]}` and `revision() -> str`.
Built from a model card by benchmark.harness.build_extractor."""
