"""The `gazetteer` baseline (ORG, LOC): its word lists, lexicon, text
normalisation, name rules and the extractor."""
