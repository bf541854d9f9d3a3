"""Corpora: the gold documents and their spans (seed, news, CoNLL files such as
ANERcorp), checked (validate), written (annotate) and exported (export).

Imports only the base modules (types, errors, io, tokenize, tagging); never an
extractor, the scoring or the results.
"""
