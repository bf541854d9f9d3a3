"""Results: run records (schema, reading, writing, prediction cache), re-scoring
from stored predictions, comparison and the regression gate, the leaderboard
and the HTML report.
"""
