"""The MONEY grammar (parser, its word lists and context rules) and the
`money-rules` extractor built on it."""
